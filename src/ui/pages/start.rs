//! The start page: what the tool does, new assessment, the sample, saved ones.

use crate::domain::sample::sample;
use crate::domain::Assessment;
use crate::storage;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

fn new_id() -> String {
    let n = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("a-{:x}-{n:x}", js_sys::Date::now() as u64)
}

fn format_when(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let s: String = d.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED).into();
    s
}

/// The landing page.
#[component]
pub fn Start() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let saved = RwSignal::new(storage::index());

    let nav = navigate.clone();
    let new_assessment = move |_| {
        let a = Assessment::new(&new_id(), "New assessment", &today());
        let id = a.id.clone();
        state.assessment.set(Some(a));
        nav(&format!("/a/{id}"), Default::default());
    };
    let nav = navigate.clone();
    let open_sample = move |_| match sample() {
        Ok(env) => {
            let id = env.assessment.id.clone();
            let existing = storage::load(&id).ok().flatten();
            state.open(existing.unwrap_or(env));
            nav(&format!("/a/{id}"), Default::default());
        }
        Err(e) => state.error.set(Some(format!("The sample could not be loaded: {e}"))),
    };

    view! {
        <section class="hero">
            <h1>"How well does your IT service management serve the business?"</h1>
            <p class="lede">
                "Start from your business objectives and the IT services they depend on; the tool works out which ITSM processes matter most, "
                "asks how they work today, and shows capability levels, gaps and a prioritized roadmap."
            </p>
            <p class="privacy-note">"Everything stays in this browser: nothing you enter is ever sent anywhere."</p>
            <div class="actions">
                <button class="btn btn-primary" id="new-assessment" on:click=new_assessment>"New assessment"</button>
                <button class="btn btn-secondary" id="open-sample" on:click=open_sample>"Open the Pizza&Pizza sample"</button>
            </div>
        </section>
        <section class="card" aria-labelledby="saved-heading">
            <h2 id="saved-heading">"Saved assessments"</h2>
            {move || {
                let list = saved.get();
                if list.is_empty() {
                    view! { <p class="muted" id="no-saved">"No saved assessments yet. Start a new one or open the sample to see a complete result."</p> }.into_any()
                } else {
                    view! {
                        <ul class="saved-list">
                            {list.into_iter().map(|e| {
                                let href = format!("/a/{}", e.id);
                                let org = if e.organization.is_empty() { "No organization yet".to_string() } else { e.organization.clone() };
                                view! {
                                    <li>
                                        <a href=href class="saved-name">{e.name.clone()}</a>
                                        <span class="muted">{org}</span>
                                        <span class="muted">"Last change: "{format_when(e.updated)}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
