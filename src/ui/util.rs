//! Small browser helpers shared by pages: ids, dates, focus, timeouts.

use leptos::prelude::{set_timeout_with_handle, GetValue, SetValue, StoredValue, TimeoutHandle};
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

/// A timestamp in local time, as `YYYY-MM-DD HH:MM` (the same date form as
/// the rest of the app: assessment dates, file names, the report).
pub fn format_when(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Cancels the timeout pending in `slot`, if any; true when one was pending.
pub fn cancel_timeout(slot: StoredValue<Option<TimeoutHandle>>) -> bool {
    match slot.get_value() {
        Some(handle) => {
            handle.clear();
            slot.set_value(None);
            true
        }
        None => false,
    }
}

/// Runs `f` after `delay` unless called again first (a debounce): the timeout
/// pending in `slot` is replaced.
pub fn debounce(slot: StoredValue<Option<TimeoutHandle>>, delay: std::time::Duration, f: impl FnOnce() + 'static) {
    cancel_timeout(slot);
    slot.set_value(set_timeout_with_handle(f, delay).ok());
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus_id(id: &str) -> bool {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    match el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // Focusing scrolls the element into view; a failure loses nothing.
        Some(e) => {
            // A folded section (a level answered in full) opens for it.
            if let Ok(Some(folded)) = e.closest("details:not([open])") {
                let _ = folded.set_attribute("open", "");
            }
            e.focus().is_ok()
        }
        None => false,
    }
}

/// Offers `text` as a file download named `filename` (no network involved:
/// a blob URL in this tab). Returns false if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    download_parts(filename, mime, &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)))
}

/// Offers a file made of blob `parts` (strings or byte arrays) for download.
pub fn download_parts(filename: &str, mime: &str, parts: &js_sys::Array) -> bool {
    let run = || -> Option<()> {
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let doc = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        // Revoke later: revoking at once can cancel the download.
        leptos::prelude::set_timeout(
            move || drop(web_sys::Url::revoke_object_url(&url)),
            std::time::Duration::from_secs(30),
        );
        Some(())
    };
    run().is_some()
}

/// What a standalone copy of a page never shows: controls, forms and the
/// parts marked not for print.
const NOT_IN_COPY: &str = ".no-print, button, select, input, textarea, script, details.plan";

/// The page's own style rules as text, the dark-mode ones applied when the
/// page is dark now (so the copy looks like the page, charts included) and
/// left out when it is light.
fn style_text(doc: &web_sys::Document) -> String {
    let dark = prefers_dark();
    let sheets = doc.style_sheets();
    let mut css = String::new();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets.item(i).and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok()) else {
            continue;
        };
        let Ok(rules) = sheet.css_rules() else { continue };
        for j in 0..rules.length() {
            let Some(text) = rules.item(j).map(|r| r.css_text()) else { continue };
            match text.strip_prefix("@media (prefers-color-scheme: dark)") {
                Some(inner) if dark => css.push_str(&format!("@media all{inner}")),
                Some(_) => {}
                None => css.push_str(&text),
            }
            css.push('\n');
        }
    }
    css
}

/// A self-contained HTML file of the element `id` as it is on screen: its
/// markup without controls, the page's styles inline, print-only parts shown,
/// links made plain text, no script, and a Content-Security-Policy that lets
/// it load nothing at all. `None` when the element is not on the page.
pub fn standalone_html(id: &str, title: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let copy: web_sys::Element = doc.get_element_by_id(id)?.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let gone = copy.query_selector_all(NOT_IN_COPY).ok()?;
    for i in 0..gone.length() {
        if let Some(e) = gone.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            e.remove();
        }
    }
    let links = copy.query_selector_all("a[href]").ok()?;
    for i in 0..links.length() {
        if let Some(e) = links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = e.remove_attribute("href");
        }
    }
    let title = crate::charts::escape(title);
    let scheme = if prefers_dark() { "dark" } else { "light" };
    Some(format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <style>\n{}</style>\n<style>:root {{ color-scheme: {scheme}; }} .print-only {{ display: block; }} \
         .plan-print:empty {{ display: none; }}</style>\n</head>\n<body>\n<main class=\"page\">\n{}\n</main>\n</body>\n</html>\n",
        style_text(&doc),
        copy.outer_html()
    ))
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
}

/// Whether the user prefers a dark colour scheme.
pub fn prefers_dark() -> bool {
    dark_query().is_some_and(|m| m.matches())
}

/// Calls `f` with the new preference whenever the colour scheme changes
/// (for the app's lifetime).
pub fn on_color_scheme_change(f: impl Fn(bool) + 'static) {
    use wasm_bindgen::JsCast;
    if let Some(query) = dark_query() {
        let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || f(prefers_dark()));
        if query.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref()).is_ok() {
            callback.forget();
        }
    }
}

/// The width charts are drawn at: the page's content width for this window,
/// 320–900 px (narrow charts switch to compact layouts).
pub fn chart_width() -> u32 {
    let viewport = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1280.0);
    (viewport - 72.0).clamp(320.0, 900.0) as u32
}

/// A file-name-safe slug of a name ("Pizza&Pizza — baseline" → "pizza-pizza-baseline").
pub fn slug(name: &str) -> String {
    let s: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let parts: Vec<&str> = s.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "assessment".into()
    } else {
        parts.join("-")
    }
}

/// Sets or clears a class on `<html>`: how the app tells index.html's static
/// shell what to show (`app-started`, `off-start`, `resuming`).
pub fn set_root_class(name: &str, on: bool) {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.class_list().toggle_with_force(name, on);
    }
}

/// Moves an element the app rendered into the static element `slot_id` of
/// index.html once it is mounted (the same frame), where it keeps working as
/// before; without that slot (tests mount the app alone) it stays where it is.
pub fn move_into_slot(node: leptos::prelude::NodeRef<leptos::html::Div>, slot_id: &'static str) {
    use leptos::prelude::{Effect, Get};
    Effect::new(move |_| {
        if let (Some(el), Some(slot)) = (node.get(), leptos::prelude::document().get_element_by_id(slot_id)) {
            let _ = slot.append_child(&el);
        }
    });
}

/// Fetches a same-origin file of the app (precached by the service worker,
/// so it works offline) as text. Errors are sentences.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("there is no browser window")?;
    let failed = |_| {
        format!("{path} did not arrive (is the network off? The app keeps its files for offline use after one visit online)")
    };
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(path)).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(format!("{path} did not arrive (the server answered {})", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?;
    text.as_string().ok_or_else(|| format!("{path} is not text"))
}

/// Reads a picked or dropped file as UTF-8 text, refusing files over `max`
/// bytes before reading them. Errors are sentences naming the file.
pub async fn read_text(file: &web_sys::File, max: usize) -> Result<String, String> {
    let name = file.name();
    if file.size() > max as f64 {
        return Err(format!(
            "“{name}” is {:.1} MB; files are at most {} MB",
            file.size() / 1_048_576.0,
            max / 1_048_576
        ));
    }
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{name}” could not be read"))?;
    String::from_utf8(js_sys::Uint8Array::new(&buf).to_vec())
        .map_err(|e| format!("“{name}” is not a text file (invalid UTF-8 at byte {})", e.utf8_error().valid_up_to()))
}

/// Draws an SVG document (with `width` and `height` on its root) as a PNG at
/// twice its size, on white: the PNG as a data URL, and its size in pixels.
/// Errors are sentences.
pub async fn png_of_svg(svg: &str) -> Result<(String, u32, u32), String> {
    use wasm_bindgen_futures::JsFuture;
    let attr = |name: &str| -> Option<u32> {
        let head = &svg[..svg.find('>')?];
        let start = head.find(&format!(" {name}=\""))? + name.len() + 3;
        head[start..].split('"').next()?.parse().ok()
    };
    let (w, h) = attr("width").zip(attr("height")).filter(|(w, h)| *w > 0 && *h > 0).ok_or("the chart has no size")?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("there is no page")?;
    let failed = |_| "the browser could not draw the chart".to_string();
    let img = web_sys::HtmlImageElement::new().map_err(failed)?;
    let url = format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg));
    img.set_src(&url);
    JsFuture::from(img.decode()).await.map_err(failed)?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(failed)?.unchecked_into();
    let (pw, ph) = (w * 2, h * 2);
    canvas.set_width(pw);
    canvas.set_height(ph);
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").map_err(failed)?.ok_or("the browser has no 2D canvas")?.unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, pw.into(), ph.into());
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, pw.into(), ph.into()).map_err(failed)?;
    let data = canvas.to_data_url_with_type("image/png").map_err(failed)?;
    Ok((data, pw, ph))
}

/// A size in bytes as people read it: "840 KB", "1.1 MB", "9.8 GB".
pub fn size_text(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    if bytes < KB * KB {
        format!("{:.0} KB", (bytes / KB).max(1.0).round())
    } else if bytes < KB * KB * KB {
        format!("{:.1} MB", bytes / (KB * KB))
    } else {
        format!("{:.1} GB", bytes / (KB * KB * KB))
    }
}

/// Milliseconds since the page started (`performance.now()`).
pub fn now_ms() -> f64 {
    let perf = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok());
    perf.and_then(|p| {
        let f: js_sys::Function = js_sys::Reflect::get(&p, &"now".into()).ok()?.dyn_into().ok()?;
        f.call0(&p).ok()?.as_f64()
    })
    .unwrap_or(0.0)
}

/// Records a User Timing measure `name` from `start` to now, so a benchmark
/// can read how long a step took (`performance.getEntriesByName`).
pub fn measure_since(name: &str, start: f64) {
    let Some(perf) = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok()) else {
        return;
    };
    let Ok(measure) = js_sys::Reflect::get(&perf, &"measure".into()) else { return };
    let Ok(measure) = measure.dyn_into::<js_sys::Function>() else { return };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &now_ms().into());
    let _ = measure.call2(&perf, &name.into(), &options);
}

/// Reads an image file as a `data:` URL (PNG, JPEG, WebP or GIF, at most
/// `max` bytes). Errors are sentences.
pub async fn read_image(file: &web_sys::File, max: usize) -> Result<String, String> {
    let name = file.name();
    let kind = file.type_();
    if !matches!(kind.as_str(), "image/png" | "image/jpeg" | "image/webp" | "image/gif") {
        return Err(format!("“{name}” is not a PNG, JPEG, WebP or GIF image"));
    }
    if file.size() > max as f64 {
        return Err(format!("“{name}” is {:.0} KB; a logo is at most {} KB", file.size() / 1024.0, max / 1024));
    }
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{name}” could not be read"))?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    // btoa takes one character per byte.
    let binary: String = bytes.iter().map(|&b| b as char).collect();
    let encoded =
        web_sys::window().and_then(|w| w.btoa(&binary).ok()).ok_or_else(|| format!("“{name}” could not be read"))?;
    Ok(format!("data:{kind};base64,{encoded}"))
}

/// `text` cut into runs, each marked when it is an ISO date `YYYY-MM-DD`
/// (so the page can keep a date on one line).
pub fn date_runs(text: &str) -> Vec<(String, bool)> {
    let b = text.as_bytes();
    let is_date = |i: usize| {
        i + 10 <= b.len()
            && b[i..i + 10]
                .iter()
                .enumerate()
                .all(|(k, c)| if k == 4 || k == 7 { *c == b'-' } else { c.is_ascii_digit() })
    };
    let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
    while i < b.len() {
        if is_date(i) {
            // "due 2027-03-31" stays together too.
            let from = if text[start..i].ends_with("due ") { i - 4 } else { i };
            if start < from {
                out.push((text[start..from].to_string(), false));
            }
            out.push((text[from..i + 10].to_string(), true));
            i += 10;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push((text[start..].to_string(), false));
    }
    out
}
