//! The start page: what the tool does, new assessment, the sample, and the
//! saved assessments. On the first visit of a page load it resumes the last
//! assessment at the last step.

use crate::domain::sample::sample;
use crate::domain::Assessment;
use crate::storage;
use crate::ui::state::AppState;
use crate::ui::util::{format_when, new_id, today};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The landing page.
#[component]
pub fn Start() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let saved = RwSignal::new(storage::index());

    // Resume where the user left off, once per page load.
    if !state.resumed.get_value() {
        state.resumed.set_value(true);
        if let Some(path) = storage::last_path() {
            let id = path.trim_start_matches("/a/").split('/').next().unwrap_or("").to_string();
            if path.starts_with("/a/") && saved.with_untracked(|s| s.iter().any(|e| e.id == id)) {
                let nav = navigate.clone();
                request_animation_frame(move || nav(&path, NavigateOptions { replace: true, ..Default::default() }));
            }
        }
    }

    let nav = navigate.clone();
    let new_assessment = move |_| {
        let a = Assessment::new(&new_id("a"), "New assessment", &today());
        let id = a.id.clone();
        state.create(a);
        nav(&format!("/a/{id}/organization"), Default::default());
    };
    let nav = navigate.clone();
    let open_sample = move |_| match sample() {
        Ok(env) => {
            let id = env.assessment.id.clone();
            match storage::load(&id) {
                Ok(Some(existing)) => state.open(existing),
                _ => state.create(env.assessment),
            }
            nav(&format!("/a/{id}/results"), Default::default());
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
                                let href = format!("/a/{}/results", e.id);
                                let org = if e.organization.is_empty() { "Organization not named yet".to_string() } else { e.organization.clone() };
                                let pct = (e.completion * 100.0).round();
                                view! {
                                    <li data-assessment=e.id.clone()>
                                        <a href=href class="saved-name">{e.name.clone()}</a>
                                        <span class="muted">{org}</span>
                                        <span class="saved-progress" title="Questions in scope answered">
                                            <span class="mini-meter" aria-hidden="true"><span style=format!("width: {pct}%")></span></span>
                                            {format!("{pct} % answered")}
                                        </span>
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
