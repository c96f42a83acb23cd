//! wasm tests in headless Chromium: the real IndexedDB (and the old localStorage) and the mounted app.
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

/// A database of its own for each test (they share the page), opened empty.
async fn fresh(name: &str) -> (String, storage::Opened) {
    clear();
    let name = format!("t-{name}-{}", js_sys::Date::now());
    let opened = storage::open_named(&name).await;
    (name, opened)
}

/// Another connection to the same database: what another tab sees and writes.
async fn other_tab(name: &str) -> idb::Database {
    idb::Database::builder(name)
        .version(1)
        .add_object_store(idb::builder::ObjectStoreBuilder::new("kv"))
        .build()
        .await
        .unwrap()
}

async fn put_raw(db: &idb::Database, key: &str, value: &str) {
    let tx = db.transaction(&["kv"], idb::TransactionMode::ReadWrite).unwrap();
    let store = tx.object_store("kv").unwrap();
    store.put(&value.into(), Some(&key.into())).unwrap().await.unwrap();
    tx.commit().unwrap().await.unwrap();
}

async fn get_raw(db: &idb::Database, key: &str) -> Option<String> {
    let tx = db.transaction(&["kv"], idb::TransactionMode::ReadOnly).unwrap();
    let store = tx.object_store("kv").unwrap();
    store.get(wasm_bindgen::JsValue::from_str(key)).unwrap().await.unwrap().and_then(|v| v.as_string())
}

/// What the store told its listener, in order.
fn record_events() -> std::rc::Rc<std::cell::RefCell<Vec<String>>> {
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let (a, b, c) = (events.clone(), events.clone(), events.clone());
    storage::set_listener(storage::Listener {
        committed: Box::new(move || a.borrow_mut().push("committed".into())),
        failed: Box::new(move |e| b.borrow_mut().push(format!("failed: {e:?}"))),
        external: Box::new(move |k, _| c.borrow_mut().push(format!("external: {k}"))),
    });
    events
}

/// Makes `IDBObjectStore.put` throw `QuotaExceededError` for keys starting
/// with `prefix` ("" for all), as a full quota does; returns the undo.
fn quota_full_for(prefix: &str) -> js_sys::Function {
    let f = js_sys::Function::new_with_args(
        "prefix",
        "const put = IDBObjectStore.prototype.put; \
         IDBObjectStore.prototype.put = function (value, key) { \
           if (String(key).startsWith(prefix)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); \
           return put.call(this, value, key); }; \
         return () => { IDBObjectStore.prototype.put = put; };",
    );
    f.call1(&wasm_bindgen::JsValue::NULL, &prefix.into()).unwrap().into()
}

#[wasm_bindgen_test]
async fn saved_assessment_is_in_the_database_identical_and_indexed() {
    let (name, _) = fresh("save").await;
    let events = record_events();
    let env: Envelope = sample().unwrap();
    let text = storage::save(&env, 1.0, None).unwrap();
    storage::settled().await;
    assert_eq!(*events.borrow(), ["committed"]);
    // A new start reads it back from the database.
    storage::open_named(&name).await;
    let (back, raw) = storage::load("sample-pizza").unwrap().unwrap();
    assert_eq!(back.assessment, env.assessment);
    assert_eq!(raw, text);
    let index = storage::index();
    assert_eq!(index.len(), 1);
    assert_eq!(index[0].organization, "Pizza&Pizza");
    assert_eq!(storage::last_opened().as_deref(), Some("sample-pizza"));
    assert_eq!(storage::size_of("sample-pizza"), text.len());
}

#[wasm_bindgen_test]
async fn an_assessment_and_its_index_line_are_written_together_or_not_at_all() {
    let (name, _) = fresh("tx").await;
    let events = record_events();
    let env: Envelope = sample().unwrap();
    // The index line cannot be written: the assessment must not be written either.
    let undo = quota_full_for("itsm.index");
    storage::save(&env, 1.0, None).unwrap();
    storage::settled().await;
    undo.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert_eq!(*events.borrow(), ["failed: Full"]);
    let db = other_tab(&name).await;
    assert_eq!(get_raw(&db, "itsm.a.sample-pizza").await, None, "nothing half-written");
    assert_eq!(get_raw(&db, "itsm.index").await, None);
    // The work is kept in the tab and goes with the next write, whole.
    assert!(storage::load("sample-pizza").unwrap().is_some());
    assert!(storage::unwritten());
    storage::set_last_path("/a/sample-pizza/results");
    storage::settled().await;
    assert!(get_raw(&db, "itsm.a.sample-pizza").await.is_some());
    assert!(get_raw(&db, "itsm.index").await.unwrap().contains("sample-pizza"));
    assert!(!storage::unwritten());
}

#[wasm_bindgen_test]
async fn a_save_never_overwrites_what_another_tab_wrote_meanwhile() {
    let (name, _) = fresh("conflict").await;
    let events = record_events();
    let env: Envelope = sample().unwrap();
    let mine = storage::save(&env, 1.0, None).unwrap();
    storage::settled().await;
    // Another tab writes its version; this tab has not heard of it yet.
    let mut theirs = env.clone();
    theirs.assessment.name = "Changed elsewhere".into();
    let db = other_tab(&name).await;
    put_raw(&db, "itsm.a.sample-pizza", &theirs.encode()).await;
    let mut again = env.clone();
    again.assessment.name = "Mine".into();
    // The mirror still holds `mine`, so the save is taken; the transaction finds theirs and writes nothing.
    storage::save(&again, 1.0, Some(&mine)).unwrap();
    storage::settled().await;
    assert!(events.borrow().last().unwrap().starts_with("failed: Conflict"), "{:?}", events.borrow());
    assert_eq!(get_raw(&db, "itsm.a.sample-pizza").await.unwrap(), theirs.encode());
    // And now the mirror knows theirs: a save against `mine` is refused at once.
    let err = storage::save(&again, 1.0, Some(&mine)).unwrap_err();
    assert!(matches!(err, storage::StorageError::Conflict { .. }));
    let (stored, _) = storage::load("sample-pizza").unwrap().unwrap();
    assert_eq!(stored.assessment.name, "Changed elsewhere");
}

#[wasm_bindgen_test]
async fn unreadable_text_is_moved_aside_untouched_and_the_rest_still_works() {
    let (name, _) = fresh("quarantine").await;
    let db = other_tab(&name).await;
    let bad = "{\"format\": \"itsm-assessment\", \"version\": 1, ";
    put_raw(&db, "itsm.a.broken", bad).await;
    put_raw(&db, "itsm.a.sample-pizza", &sample().unwrap().encode()).await;
    storage::open_named(&name).await;
    let err = storage::load("broken").unwrap_err();
    assert!(err.to_string().contains("'itsm.a.broken'"), "{err}");
    let moved = storage::startup_check();
    assert_eq!(moved.len(), 1);
    storage::settled().await;
    // In the database: the copy under the quarantine key, the original gone, the good one indexed.
    assert_eq!(get_raw(&db, &moved[0].key).await.as_deref(), Some(bad));
    assert_eq!(get_raw(&db, "itsm.a.broken").await, None);
    assert_eq!(storage::index().len(), 1, "the readable one is indexed at start");
    assert_eq!(storage::read_quarantined(&moved[0].key).as_deref(), Some(bad));
}

#[wasm_bindgen_test]
async fn the_old_local_storage_moves_over_copied_read_back_then_removed() {
    clear();
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let text = sample().unwrap().encode();
    ls.set_item("itsm.a.sample-pizza", &text).unwrap();
    ls.set_item("itsm.last-path", "/a/sample-pizza/results").unwrap();
    ls.set_item("other.app", "not ours").unwrap();
    let name = format!("t-migrate-{}", js_sys::Date::now());
    let opened = storage::open_named(&name).await;
    assert_eq!(opened, storage::Opened { migrated: 2, migration_error: None });
    assert_eq!(ls.get_item("itsm.a.sample-pizza").unwrap(), None, "removed once it read back");
    assert_eq!(ls.get_item("other.app").unwrap().as_deref(), Some("not ours"), "only the app's keys");
    let db = other_tab(&name).await;
    assert_eq!(get_raw(&db, "itsm.a.sample-pizza").await.as_deref(), Some(text.as_str()));
    assert_eq!(storage::raw("sample-pizza").as_deref(), Some(text.as_str()));
    // A second start finds nothing more to move.
    assert_eq!(storage::open_named(&name).await, storage::Opened::default());
    ls.clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_failed_move_leaves_the_old_keys_and_says_so() {
    clear();
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let text = sample().unwrap().encode();
    ls.set_item("itsm.a.sample-pizza", &text).unwrap();
    let undo = quota_full_for("");
    let name = format!("t-migrate-fail-{}", js_sys::Date::now());
    let opened = storage::open_named(&name).await;
    undo.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert_eq!(opened.migrated, 0);
    let why = opened.migration_error.unwrap();
    assert!(why.contains("could not be moved") && why.contains("still where"), "{why}");
    assert_eq!(ls.get_item("itsm.a.sample-pizza").unwrap().as_deref(), Some(text.as_str()), "left in place");
    // This tab still opens it.
    assert!(storage::load("sample-pizza").unwrap().is_some());
    // The next start moves it.
    let opened = storage::open_named(&name).await;
    assert_eq!(opened.migrated, 1);
    assert_eq!(ls.get_item("itsm.a.sample-pizza").unwrap(), None);
}

#[wasm_bindgen_test]
async fn writes_not_confirmed_when_the_page_goes_are_kept_and_written_at_the_next_start() {
    let (name, _) = fresh("journal").await;
    let env: Envelope = sample().unwrap();
    let text = storage::save(&env, 1.0, None).unwrap();
    // The page goes before the background write ran: the journal keeps it, synchronously.
    assert_eq!(storage::journal_unwritten(), 3, "the assessment, its index line, the last-opened key");
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert!(ls.get_item("journal.itsm.a.sample-pizza").unwrap().is_some());
    // The next start writes it in and clears the journal.
    let opened = storage::open_named(&name).await;
    assert_eq!(opened.migration_error, None);
    assert_eq!(storage::raw("sample-pizza").as_deref(), Some(text.as_str()));
    let db = other_tab(&name).await;
    assert_eq!(get_raw(&db, "itsm.a.sample-pizza").await.as_deref(), Some(text.as_str()));
    assert_eq!(ls.get_item("journal.itsm.a.sample-pizza").unwrap(), None);
    assert_eq!(storage::index().len(), 1);
}

#[wasm_bindgen_test]
async fn a_journal_never_replays_over_what_another_tab_saved_since() {
    let (name, _) = fresh("journal-stale").await;
    let env: Envelope = sample().unwrap();
    let mine = storage::save(&env, 1.0, None).unwrap();
    storage::settled().await;
    // This tab changes it and closes before the write is confirmed (here: refused): journaled.
    let mut changed = env.clone();
    changed.assessment.name = "Closed tab's change".into();
    let undo = quota_full_for("");
    storage::save(&changed, 1.0, Some(&mine)).unwrap();
    storage::settled().await;
    assert!(storage::journal_unwritten() >= 1);
    undo.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    // Meanwhile another tab saves its own version.
    let mut theirs = env.clone();
    theirs.assessment.name = "Other tab's later save".into();
    let db = other_tab(&name).await;
    put_raw(&db, "itsm.a.sample-pizza", &theirs.encode()).await;
    // The next start keeps the later save and says what was not applied.
    let opened = storage::open_named(&name).await;
    let why = opened.migration_error.unwrap_or_default();
    assert!(why.contains("were not applied"), "{why}");
    assert_eq!(storage::load("sample-pizza").unwrap().unwrap().0.assessment.name, "Other tab's later save");
    assert_eq!(get_raw(&db, "itsm.a.sample-pizza").await.unwrap(), theirs.encode());
    let ls = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(ls.get_item("journal.itsm.a.sample-pizza").unwrap(), None, "the journal is cleared");
}

#[wasm_bindgen_test]
async fn app_mounts_and_shows_the_start_page() {
    fresh("mount").await;
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
async fn an_assessment_without_its_index_line_is_re_indexed_at_start() {
    let (name, _) = fresh("reindex").await;
    let env: Envelope = sample().unwrap();
    let db = other_tab(&name).await;
    put_raw(&db, "itsm.a.sample-pizza", &env.encode()).await;
    storage::open_named(&name).await;
    assert!(storage::index().is_empty());
    assert!(storage::startup_check().is_empty());
    let index = storage::index();
    assert_eq!(index.len(), 1);
    assert_eq!(index[0].name, env.assessment.name);
}

/// Makes `window.localStorage` and `window.indexedDB` throw on access, as a
/// browser does when the user or a policy blocks site data; returns a
/// function that puts them back (and the test page's address, which the
/// app's router changes).
fn block_local_storage() -> js_sys::Function {
    let block = js_sys::Function::new_no_args(
        "const names = ['localStorage', 'indexedDB']; \
         const original = names.map((n) => Object.getOwnPropertyDescriptor(window, n) \
           || Object.getOwnPropertyDescriptor(Window.prototype, n)); \
         for (const n of names) Object.defineProperty(window, n, { configurable: true, \
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } }); \
         const address = location.pathname + location.search; \
         return () => { names.forEach((n, i) => Object.defineProperty(window, n, original[i])); \
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
    storage::open_named("t-blocked").await;
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
