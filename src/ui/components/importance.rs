//! A 0–5 importance picker as a radio group (arrow keys move, as native radios do).

use leptos::prelude::*;

/// Words for each importance level.
pub const IMPORTANCE: [&str; 6] = ["Not relevant", "Minor", "Some", "Important", "Very important", "Critical"];

/// Radio buttons 0..=5 for one objective.
#[component]
pub fn ImportancePicker(
    /// Unique name of the radio group.
    #[prop(into)]
    name: String,
    /// Accessible label, e.g. "Importance of Managed business risk".
    #[prop(into)]
    label: String,
    /// The current importance.
    #[prop(into)]
    value: Signal<u8>,
    /// Called with the chosen importance.
    on_change: Callback<u8>,
) -> impl IntoView {
    let radios = (0..=5u8)
        .map(|n| {
            let name = name.clone();
            view! {
                <label class="imp-option" title=IMPORTANCE[n as usize]>
                    <input
                        type="radio"
                        name=name
                        value=n.to_string()
                        prop:checked=move || value.get() == n
                        on:change=move |_| on_change.run(n)
                    />
                    <span class="imp-num">{n}</span>
                    <span class="sr-only">{format!(" {}", IMPORTANCE[n as usize])}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="importance" role="radiogroup" aria-label=label>
            {radios}
            <span class="imp-word" aria-hidden="true">
                {move || IMPORTANCE[value.get().min(5) as usize]}
            </span>
        </div>
    }
}
