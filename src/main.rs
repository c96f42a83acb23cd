#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The static shell in index.html gives way to the app, which renders the
    // same layout in the same frame.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("app-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(itsm_maturity::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: run ./scripts/serve and open http://127.0.0.1:8080");
}
