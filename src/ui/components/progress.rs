//! A labelled progress bar.

use leptos::prelude::*;

/// A progress bar with its label and percentage.
#[component]
pub fn ProgressBar(
    /// Share done, 0.0..=1.0.
    #[prop(into)]
    value: Signal<f64>,
    /// What the bar measures, e.g. "Overall".
    #[prop(into)]
    label: String,
    /// Extra text after the percentage, e.g. "12 of 20 questions".
    #[prop(into, optional)]
    detail: Signal<String>,
) -> impl IntoView {
    let pct = move || crate::domain::results::percent_done(value.get());
    view! {
        <div class="progress">
            <div class="progress-label">
                <span>{label.clone()}</span>
                <span class="num">
                    {move || format!("{}\u{a0}%", pct())}" "<span class="muted">{move || detail.get()}</span>
                </span>
            </div>
            <div
                class="progress-track"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || pct().to_string()
            >
                <span class="progress-fill" style=move || format!("width: {}%", pct())></span>
            </div>
        </div>
    }
}
