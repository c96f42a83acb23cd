//! The export worker: receives an export request as JSON text, writes the
//! file (`deliverables::export`) and posts back its bytes, or an error
//! sentence. It announces itself with "ready" once loaded. No network, no
//! storage: everything it needs comes in the message.

#[cfg(target_arch = "wasm32")]
fn main() {
    use itsm_maturity::deliverables::export_text;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |msg: web_sys::MessageEvent| {
        let answer = match msg.data().as_string() {
            None => Err("the request was not text".to_string()),
            Some(text) => export_text(&text),
        };
        // Bytes go back as a Uint8Array (transferred, not copied); an error as its sentence.
        let _ = match answer {
            Ok(bytes) => {
                let array = js_sys::Uint8Array::from(bytes.as_slice());
                reply.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()))
            }
            Err(e) => reply.post_message(&JsValue::from_str(&format!("error: {e}"))),
        };
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the app's export worker: it runs in the browser only.");
}
