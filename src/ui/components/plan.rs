//! The action plan of one roadmap step or shared initiative: owner, due date,
//! status and note, edited where the step is shown (results page and report),
//! saved with the assessment, and printed as one line.

use crate::domain::assessment::{PlanEntry, PlanStatus};
use crate::domain::Action;
use crate::ui::state::Session;
use leptos::prelude::*;

/// The plan editor of one roadmap item, folded into a line until opened.
#[component]
pub fn PlanEditor(
    /// The plan key (`step:<process>:<level>` or `initiative:<id>`).
    item: String,
    /// What the item is, for the fields' accessible names ("Change management, level 2").
    label: String,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let item = StoredValue::new(item);
    let label = StoredValue::new(label);
    let entry = Memo::new(move |_| {
        state
            .assessment
            .with(|a| a.as_ref().and_then(|a| item.with_value(|k| a.plan.get(k).cloned())))
            .unwrap_or_default()
    });
    let set = move |change: &dyn Fn(&mut PlanEntry)| {
        let mut e = entry.get_untracked();
        change(&mut e);
        state.dispatch(Action::SetPlan { item: item.get_value(), entry: e });
    };
    let field = move |name: &str| format!("{name} for {}", label.get_value());
    let status_class = move || format!("tag plan-tag status-{}", entry.with(|e| e.status.id()));
    // The form is drawn when opened: a results page shows dozens of steps.
    let open = RwSignal::new(false);
    view! {
        <details
            class="plan no-print"
            data-plan=item.get_value()
            on:toggle=move |ev| {
                let el = event_target::<web_sys::Element>(&ev);
                open.set(el.has_attribute("open"));
            }
        >
            <summary>
                <span class="plan-label">"Plan"</span>
                <span class=status_class>{move || entry.with(PlanEntry::line)}</span>
            </summary>
            <Show when=move || open.get()>
                <div class="plan-form">
                    <PlanField
                        title="Owner"
                        kind="text"
                        class="plan-owner"
                        maxlength=Some("120")
                        aria=field("Owner")
                        value=Signal::derive(move || entry.with(|e| e.owner.clone()))
                        on_set=Callback::new(move |v: String| set(&|e| e.owner = v.clone()))
                    />
                    <PlanField
                        title="Due"
                        kind="date"
                        class="plan-due"
                        maxlength=None
                        aria=field("Due date")
                        value=Signal::derive(move || entry.with(|e| e.due.clone()))
                        on_set=Callback::new(move |v: String| set(&|e| e.due = v.clone()))
                    />
                    <label>
                        <span>"Status"</span>
                        <select
                            class="plan-status"
                            aria-label=field("Status")
                            prop:value=move || entry.with(|e| e.status.id())
                            on:change=move |ev| {
                                if let Some(s) = PlanStatus::from_id(&event_target_value(&ev)) {
                                    set(&|e| e.status = s);
                                }
                            }
                        >
                            {PlanStatus::ALL.map(|s| view! { <option value=s.id()>{s.label()}</option> })}
                        </select>
                    </label>
                    <label class="plan-note-field">
                        <span>"Note"</span>
                        <textarea
                            class="plan-note"
                            rows="2"
                            maxlength="4000"
                            aria-label=field("Plan note")
                            prop:value=move || entry.with(|e| e.note.clone())
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                set(&|e| e.note = v.clone());
                            }
                        ></textarea>
                    </label>
                </div>
            </Show>
        </details>
        <p class="plan-print print-only small">
            {move || {
                entry
                    .with(|e| {
                        if e.is_empty() {
                            String::new()
                        } else if e.note.trim().is_empty() {
                            format!("Plan: {}", e.line())
                        } else {
                            format!("Plan: {} — {}", e.line(), e.note.trim())
                        }
                    })
            }}
        </p>
    }
}

/// One labelled input of the plan form, saved when left.
#[component]
fn PlanField(
    /// The visible label.
    title: &'static str,
    /// The input type ("text", "date").
    kind: &'static str,
    /// Its class (the journeys find fields by it).
    class: &'static str,
    /// Most characters, if limited.
    maxlength: Option<&'static str>,
    /// The accessible name, naming the step.
    aria: String,
    /// The current value.
    value: Signal<String>,
    /// Called with the new value when the field is left.
    on_set: Callback<String>,
) -> impl IntoView {
    view! {
        <label>
            <span>{title}</span>
            <input
                class=class
                type=kind
                maxlength=maxlength
                aria-label=aria
                prop:value=value
                on:change=move |ev| on_set.run(event_target_value(&ev))
            />
        </label>
    }
}
