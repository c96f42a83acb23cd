#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    // The saved assessments are read from the browser's database first (a few
    // milliseconds); the app mounts when they are in memory.
    wasm_bindgen_futures::spawn_local(async {
        itsm_maturity::storage::open().await;
        // The static top bar and start-page hero of index.html stay as they are
        // (the first paint is the final one): the app mounts into <main>, after the hero.
        match leptos::prelude::document()
            .get_element_by_id("main")
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(main) => leptos::mount::mount_to(main, itsm_maturity::ui::App).forget(),
            None => leptos::mount::mount_to_body(itsm_maturity::ui::App),
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: run ./scripts/serve and open http://127.0.0.1:8080");
}
