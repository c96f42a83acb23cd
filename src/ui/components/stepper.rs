//! The step list of the assessment flow, with the current step marked.

use crate::ui::route::{parse_path, use_path, Step};
use crate::ui::state::Session;
use leptos::prelude::*;

/// Navigation between the steps of one assessment.
#[component]
pub fn Stepper(
    /// The assessment id.
    #[prop(into)]
    id: Signal<String>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let path = use_path();
    let items = Step::FLOW
        .iter()
        .enumerate()
        .map(|(i, (slug, label))| {
            let href = move || {
                let step = match Step::of_slug(slug) {
                    Some(step) => step,
                    // "Questions": the first process still to answer.
                    None => session.results.with(|r| Step::questions(r.as_ref().and_then(|r| r.questions_entry()))),
                };
                step.href(&id.get())
            };
            let current = move || {
                let here = path.with(|p| parse_path(p)).map(|(_, s)| s).unwrap_or_default();
                here == *slug || (here.is_empty() && *slug == "results")
            };
            view! {
                <li class:current=current>
                    <a href=href aria-current=move || current().then_some("step") data-step=*slug>
                        <span class="step-num" aria-hidden="true">
                            {i + 1}
                        </span>
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
