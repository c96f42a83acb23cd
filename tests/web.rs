//! wasm tests in headless Chromium: the real localStorage and the mounted app.
#![cfg(target_arch = "wasm32")]

use itsm_maturity::domain::format::Envelope;
use itsm_maturity::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The sample, carried by the test binary (the app fetches it as a file).
fn sample() -> Result<Envelope, itsm_maturity::domain::format::FormatError> {
    itsm_maturity::domain::format::decode(include_str!("../data/sample-pizza.json"))
}

fn clear() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn saved_assessment_reads_back_identical_and_is_indexed() {
    clear();
    let env: Envelope = sample().unwrap();
    storage::save(&env, 1.0, None).unwrap();
    let (back, _) = storage::load("sample-pizza").unwrap().unwrap();
    assert_eq!(back.assessment, env.assessment);
    let index = storage::index();
    assert_eq!(index.len(), 1);
    assert_eq!(index[0].organization, "Pizza&Pizza");
    assert_eq!(storage::last_opened().as_deref(), Some("sample-pizza"));
}

#[wasm_bindgen_test]
fn corrupted_key_is_reported_not_panicking() {
    clear();
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.set_item("itsm.a.broken", "{\"format\": \"itsm-assessment\", \"version\": 1, ").unwrap();
    let err = storage::load("broken").unwrap_err();
    assert!(err.to_string().contains("'itsm.a.broken'"), "{err}");
    // The bad text is untouched.
    assert!(ls.get_item("itsm.a.broken").unwrap().unwrap().starts_with("{\"format\""));
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_start_page() {
    clear();
    leptos::mount::mount_to_body(itsm_maturity::ui::App);
    leptos::task::tick().await;
    let doc = web_sys::window().unwrap().document().unwrap();
    let new = doc.get_element_by_id("new-assessment").expect("the start buttons show");
    assert_eq!(new.text_content().unwrap(), "New assessment");
    assert!(doc.get_element_by_id("open-sample").is_some());
    assert!(doc.get_element_by_id("saved-heading").is_some(), "the saved assessments section shows");
    assert!(doc.get_element_by_id("no-saved").is_some(), "empty storage shows the empty state");
}

#[wasm_bindgen_test]
fn a_crash_between_the_two_writes_is_repaired_at_start() {
    clear();
    let env: Envelope = sample().unwrap();
    // The assessment key was written, the index was not (the tab died in between).
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    ls.set_item("itsm.a.sample-pizza", &env.encode()).unwrap();
    assert!(storage::index().is_empty());
    let moved = storage::startup_check();
    assert!(moved.is_empty());
    let index = storage::index();
    assert_eq!(index.len(), 1);
    assert_eq!(index[0].name, env.assessment.name);
}

#[wasm_bindgen_test]
fn save_refuses_to_overwrite_another_tabs_write() {
    clear();
    let env: Envelope = sample().unwrap();
    let mine = storage::save(&env, 1.0, None).unwrap();
    // Another tab writes a different version.
    let mut theirs = env.clone();
    theirs.assessment.name = "Changed elsewhere".into();
    storage::save(&theirs, 1.0, Some(&mine)).unwrap();
    // This tab still believes `mine` is stored: its save is refused, nothing written.
    let mut again = env.clone();
    again.assessment.name = "Mine".into();
    let err = storage::save(&again, 1.0, Some(&mine)).unwrap_err();
    assert!(matches!(err, storage::StorageError::Conflict { .. }));
    let (stored, _) = storage::load("sample-pizza").unwrap().unwrap();
    assert_eq!(stored.assessment.name, "Changed elsewhere");
}

/// Makes `window.localStorage` throw on access, as a browser does when the user
/// or a policy blocks site data; returns a function that puts it back (and
/// the test page's address, which the app's router changes).
fn block_local_storage() -> js_sys::Function {
    let block = js_sys::Function::new_no_args(
        "const original = Object.getOwnPropertyDescriptor(window, 'localStorage') \
           || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, \
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } }); \
         const address = location.pathname + location.search; \
         return () => { Object.defineProperty(window, 'localStorage', original); \
           history.replaceState(null, '', address); };",
    );
    block.call0(&wasm_bindgen::JsValue::NULL).unwrap().into()
}

#[wasm_bindgen_test]
async fn blocked_storage_never_panics_and_the_app_says_nothing_will_be_saved() {
    use wasm_bindgen::JsCast;
    clear();
    let restore = block_local_storage();
    assert!(web_sys::window().unwrap().local_storage().is_err(), "the stub throws like a blocking browser");
    // Every storage call answers instead of throwing.
    let err = storage::available().unwrap_err();
    assert_eq!(err, storage::StorageError::Unavailable("SecurityError".into()));
    assert_eq!(storage::load("sample-pizza").unwrap(), None);
    assert!(storage::index().is_empty());
    let env: Envelope = sample().unwrap();
    assert!(matches!(storage::save(&env, 1.0, None), Err(storage::StorageError::Unavailable(_))));
    assert!(storage::startup_check().is_empty());

    // The app starts, says so, and still opens the sample (in memory).
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), itsm_maturity::ui::App);
    leptos::task::tick().await;
    let banner = host.query_selector("#storage-blocked-banner").unwrap().expect("the storage banner shows");
    let text = banner.text_content().unwrap();
    assert!(text.contains("Nothing will be saved in this browser"), "{text}");
    assert!(text.contains("SecurityError"), "{text}");
    assert!(host.query_selector("#download-in-memory").unwrap().is_some(), "a download is offered");
    let sample_button: web_sys::HtmlElement =
        host.query_selector("#open-sample").unwrap().expect("the start page works").dyn_into().unwrap();
    // The app fetches the sample and the default catalog as files; this
    // test's server has neither, so hand them over by address.
    let real_fetch = js_sys::Reflect::get(&web_sys::window().unwrap(), &"fetch".into()).unwrap();
    js_sys::Function::new_with_args(
        "sample, catalog",
        "window.fetch = (url) => Promise.resolve(new Response(String(url).endsWith('/default.json') ? catalog : sample))",
    )
    .call2(
        &wasm_bindgen::JsValue::NULL,
        &include_str!("../data/sample-pizza.json").into(),
        &include_str!("../catalog/default.json").into(),
    )
    .unwrap();
    sample_button.click();
    let mut status = None;
    for _ in 0..50 {
        // A real wait: reading a response body takes browser tasks, not only microtasks.
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
        status = host.query_selector("#save-status").unwrap().map(|s| s.text_content().unwrap_or_default());
        if status.is_some() {
            break;
        }
    }
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"fetch".into(), &real_fetch).unwrap();
    let banner = host.query_selector("#error-banner").unwrap().and_then(|b| b.text_content());
    assert_eq!(
        status.as_deref(),
        Some("Not saved: kept in this tab only"),
        "the sample opened, in memory ({banner:?})"
    );
    drop(handle);
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

#[wasm_bindgen_test]
fn addresses_name_the_page_and_step_they_show() {
    use itsm_maturity::ui::route::{page_of, parse_path, step_of_path, Page, Step};
    assert_eq!(page_of("/"), Page::Start);
    assert_eq!(page_of(""), Page::Start);
    assert_eq!(step_of_path("/a/x"), Some(Step::Results));
    assert_eq!(step_of_path("/a/x/"), Some(Step::Results));
    assert_eq!(step_of_path("/a/x/scope"), Some(Step::Scope));
    assert_eq!(step_of_path("/a/x/process/incident"), Some(Step::Process("incident".into())));
    assert_eq!(step_of_path("/a/x/process/incident/"), Some(Step::Process("incident".into())));
    // Every step's own address leads back to it.
    for step in [
        Step::Organization,
        Step::Strategy,
        Step::Report,
        Step::Workshop,
        Step::Present,
        Step::Process("change".into()),
    ] {
        assert_eq!(step_of_path(&step.href("id-1")), Some(step.clone()), "{step:?}");
    }
    // Anything else is "Page not found", not a guess.
    for path in
        ["/a/", "/a//scope", "/a/x/process", "/a/x/process/", "/a/x/nope", "/a/x/scope/extra", "/b/x", "/index.html"]
    {
        assert_eq!(page_of(path), Page::NotFound, "{path}");
    }
    assert_eq!(parse_path("/a/x/process/incident"), Some(("x".to_string(), "process".to_string())));
    assert_eq!(parse_path("/"), None);
    use itsm_maturity::ui::route::{org_href, org_of_path};
    assert_eq!(page_of(&org_href("pizza-pizza")), Page::Organization);
    assert_eq!(org_of_path("/org/pizza-pizza/"), Some("pizza-pizza".into()));
    for path in ["/org/", "/org", "/org/a/b"] {
        assert_eq!(page_of(path), Page::NotFound, "{path}");
    }
}
