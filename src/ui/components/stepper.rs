//! The step list of the assessment flow, with the current step marked and
//! the steps that have what they need ticked.

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
    let done = Memo::new(move |_| {
        session.results.with(|r| session.assessment.with(|a| r.as_ref().zip(a.as_ref()).map(|(r, a)| r.steps_done(a))))
    });
    let items = Step::FLOW
        .iter()
        .enumerate()
        .map(|(i, (slug, label))| {
            let href = move || {
                let step = match Step::of_slug(slug) {
                    Some(step) => step,
                    // "Questions": the first process still to answer.
                    None => {
                        let order = session.questionnaire_order();
                        session.results.with(|r| Step::questions(r.as_ref().and_then(|r| r.questions_entry(&order))))
                    }
                };
                step.href(&id.get())
            };
            let current = move || {
                let here = path.with(|p| parse_path(p)).map(|(_, s)| s).unwrap_or_default();
                here == *slug || (here.is_empty() && *slug == "results")
            };
            let is_done = move || done.with(|d| d.is_some_and(|d| d[i]));
            view! {
                <li class:current=current class:done=is_done>
                    <a href=href aria-current=move || current().then_some("step") data-step=*slug>
                        <span class="step-num" aria-hidden="true">
                            <span class="step-n">{i + 1}</span>
                            <span class="step-tick">"✓"</span>
                        </span>
                        <span class="step-label">{*label}</span>
                        {move || is_done().then(|| view! { <span class="sr-only">" (done)"</span> })}
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
