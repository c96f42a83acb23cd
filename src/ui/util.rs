//! Small browser helpers shared by pages: ids, dates, focus.

use wasm_bindgen::JsCast;

/// A fresh id like `svc-lx3k9f-a81c`, unique enough within one browser.
pub fn new_id(prefix: &str) -> String {
    let n = (js_sys::Math::random() * 2f64.powi(32)) as u64;
    format!("{prefix}-{:x}-{n:x}", js_sys::Date::now() as u64)
}

/// Today's date as `YYYY-MM-DD`.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// A timestamp in the user's locale.
pub fn format_when(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    d.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED).into()
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus_id(id: &str) -> bool {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    match el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // Focusing scrolls the element into view; a failure loses nothing.
        Some(e) => e.focus().is_ok(),
        None => false,
    }
}
