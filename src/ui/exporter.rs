//! Exports written in the export worker (the Excel workbook): the page sends
//! the open assessment, its catalog and the chosen projection as JSON and gets
//! the file's bytes back. The worker is started for each export and stopped
//! after it, so nothing of it is loaded before the first export; the service
//! worker precaches it, so exports work offline. A worker that fails, or says
//! nothing for [`TIMEOUT_MS`], ends the export with a sentence; the assessment
//! is never touched.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader script (copied into the build by Trunk).
const WORKER_LOADER: &str = "/export-worker-loader.js";
/// How long an export may take before it is given up.
pub const TIMEOUT_MS: i32 = 30_000;

type Settle = Rc<RefCell<Option<(js_sys::Function, js_sys::Function)>>>;

/// Runs one export request (JSON text) in a fresh worker: the file's bytes,
/// or why not.
pub async fn in_worker(request: String) -> Result<Vec<u8>, String> {
    let worker =
        web_sys::Worker::new(WORKER_LOADER).map_err(|_| "the export worker could not be started".to_string())?;
    let settle: Settle = Rc::new(RefCell::new(None));
    let promise = {
        let settle = settle.clone();
        js_sys::Promise::new(&mut move |resolve, reject| *settle.borrow_mut() = Some((resolve, reject)))
    };
    let finish = {
        let settle = settle.clone();
        move |ok: bool, value: &JsValue| {
            if let Some((resolve, reject)) = settle.borrow_mut().take() {
                let _ = if ok { resolve.call1(&JsValue::NULL, value) } else { reject.call1(&JsValue::NULL, value) };
            }
        }
    };
    let on_message = {
        let (worker, finish) = (worker.clone(), finish.clone());
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |m: web_sys::MessageEvent| {
            let data = m.data();
            match data.as_string() {
                Some(s) if s == "ready" => {
                    if worker.post_message(&JsValue::from_str(&request)).is_err() {
                        finish(false, &JsValue::from_str("the request could not be handed to the export worker"));
                    }
                }
                Some(s) => finish(false, &JsValue::from_str(s.strip_prefix("error: ").unwrap_or(&s))),
                None => finish(true, &data),
            }
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
            e.prevent_default();
            let why = e.message();
            let why =
                if why.is_empty() { "it could not be loaded (offline before its first use?)".into() } else { why };
            finish(false, &JsValue::from_str(&format!("the export worker stopped: {why}")));
        })
    };
    let on_timeout = {
        let finish = finish.clone();
        Closure::<dyn Fn()>::new(move || {
            finish(false, &JsValue::from_str(&format!("it took longer than {} s", TIMEOUT_MS / 1000)));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let window = web_sys::window().ok_or("there is no browser window")?;
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), TIMEOUT_MS)
        .unwrap_or(0);
    let outcome = wasm_bindgen_futures::JsFuture::from(promise).await;
    window.clear_timeout_with_handle(timer);
    worker.terminate();
    drop((on_message, on_error, on_timeout));
    match outcome {
        Ok(bytes) => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
        Err(why) => Err(why.as_string().unwrap_or_else(|| "the export worker failed".into())),
    }
}

/// Offers `bytes` as a file download (a blob URL in this tab). False when refused.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> bool {
    let array = js_sys::Uint8Array::from(bytes);
    crate::ui::util::download_parts(filename, mime, &js_sys::Array::of1(&array))
}
