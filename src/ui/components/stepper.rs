//! The step list of the assessment flow, with the current step marked.

use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The steps, each with its route suffix and label.
pub const STEPS: [(&str, &str); 6] = [
    ("organization", "Organization"),
    ("objectives", "Objectives"),
    ("services", "IT services"),
    ("scope", "Scope & targets"),
    ("process", "Questions"),
    ("results", "Results"),
];

/// The first in-scope process with an unanswered question, else the first in scope.
pub fn questions_entry(state: &AppState) -> Option<String> {
    state.results.with(|r| {
        let r = r.as_ref()?;
        r.in_scope().find(|p| p.answered < p.asked).or_else(|| r.in_scope().next()).map(|p| p.id.clone())
    })
}

/// Navigation between the steps of one assessment.
#[component]
pub fn Stepper(
    /// The assessment id.
    #[prop(into)]
    id: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let location = use_location();
    let items = STEPS
        .iter()
        .enumerate()
        .map(|(i, (slug, label))| {
            let href = move || {
                let id = id.get();
                if *slug == "process" {
                    match questions_entry(&state) {
                        Some(pid) => format!("/a/{id}/process/{pid}"),
                        None => format!("/a/{id}/scope"),
                    }
                } else {
                    format!("/a/{id}/{slug}")
                }
            };
            let current = move || {
                let path = location.pathname.get();
                let tail = path.trim_start_matches(&format!("/a/{}", id.get())).trim_start_matches('/').to_string();
                let first = tail.split('/').next().unwrap_or("").to_string();
                first == *slug || (first.is_empty() && *slug == "results")
            };
            view! {
                <li class:current=current>
                    <a href=href aria-current=move || current().then_some("step") data-step=*slug>
                        <span class="step-num" aria-hidden="true">{i + 1}</span>
                        <span class="step-label">{*label}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="stepper" aria-label="Assessment steps">
            <ol>{items}</ol>
        </nav>
    }
}
