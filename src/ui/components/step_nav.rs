//! Back / continue links at the bottom of a step.

use leptos::prelude::*;

/// Links to the previous and next step.
#[component]
pub fn StepNav(
    /// (href, label) of the previous step, if any.
    #[prop(optional)]
    back: Option<(String, String)>,
    /// (href, label) of the next step.
    next: (String, String),
) -> impl IntoView {
    view! {
        <nav class="step-nav" aria-label="Step navigation">
            {back
                .map(|(href, label)| {
                    view! {
                        <a class="btn btn-secondary" href=href>
                            "← "
                            {label}
                        </a>
                    }
                })}
            <a class="btn btn-primary step-next" href=next.0>
                {next.1}
                " →"
            </a>
        </nav>
    }
}
