//! Step 2: business objectives — the catalog's, rated 0–5, and the user's own,
//! mapped to processes by the user.

use crate::domain::assessment::CustomObjective;
use crate::domain::catalog::ProcessWeight;
use crate::domain::Action;
use crate::ui::components::form_footer::FormFooter;
use crate::ui::components::importance::ImportancePicker;
use crate::ui::components::step_nav::StepNav;
use crate::ui::components::undo_notice::UndoNotice;
use crate::ui::route::Step;
use crate::ui::state::Session;
use crate::ui::util::new_id;
use leptos::prelude::*;

/// The objectives step.
#[component]
pub fn ObjectivesPage() -> impl IntoView {
    let state = expect_context::<Session>();
    let id = move || state.assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    let catalog_rows = state
        .with_catalog_untracked(|c| c.objectives.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|o| {
            let oid = o.id.clone();
            let value = Signal::derive({
                let oid = oid.clone();
                move || state.assessment.with(|a| a.as_ref().and_then(|a| a.objectives.get(&oid).copied()).unwrap_or(0))
            });
            let on_change = Callback::new({
                let oid = oid.clone();
                move |n: u8| state.dispatch(Action::SetObjectiveImportance { objective: oid.clone(), importance: n })
            });
            view! {
                <li class="objective" data-objective=o.id.clone()>
                    <div class="objective-text">
                        <h3>{o.name.clone()}</h3>
                        <p class="muted">{o.description.clone()}</p>
                    </div>
                    <ImportancePicker
                        name=format!("imp-{}", o.id)
                        label=format!("Importance of {}", o.name)
                        value=value
                        on_change=on_change
                    />
                </li>
            }
        })
        .collect_view();
    let rated = move || {
        state.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.objectives.values().filter(|v| **v > 0).count()
                        + a.custom_objectives.iter().filter(|o| o.importance > 0).count()
                })
                .unwrap_or(0)
        })
    };

    view! {
        <section class="card step">
            <h1>"Business objectives"</h1>
            <p class="muted">
                "How important is each objective to your organization over the next two or three years? "
                "0 means not relevant. The ratings decide which ITSM processes matter most."
            </p>
            <p class="count" id="rated-count">
                {move || format!("{} objectives rated", rated())}
            </p>
            <ul class="objective-list">{catalog_rows}</ul>
        </section>
        <CustomObjectives />
        {move || {
            let id = id();
            view! {
                <StepNav
                    back=(Step::Organization.href(&id), "Organization".to_string())
                    next=(Step::Strategy.href(&id), "Strategy".to_string())
                />
            }
        }}
    }
}

/// The user's own objectives: list, add, edit, remove.
#[component]
fn CustomObjectives() -> impl IntoView {
    let state = expect_context::<Session>();
    // None: no form; Some(None): adding; Some(Some(id)): editing.
    let editing = RwSignal::new(None::<Option<String>>);
    let removed = RwSignal::new(None::<CustomObjective>);
    let list = move || state.assessment.with(|a| a.as_ref().map(|a| a.custom_objectives.clone()).unwrap_or_default());
    view! {
        <section class="card step" aria-labelledby="custom-heading">
            <h2 id="custom-heading">"Your own objectives"</h2>
            <p class="muted">"Add objectives specific to your organization and say which processes they depend on."</p>
            <ul class="objective-list">
                {move || {
                    list()
                        .into_iter()
                        .map(|o| view! { <CustomObjectiveItem o=o editing=editing removed=removed /> })
                        .collect_view()
                }}
            </ul>
            <UndoNotice removed=removed name=|x| x.name.clone() restore=Action::AddCustomObjective />
            {move || match editing.get() {
                None => {
                    view! {
                        <button class="btn btn-secondary" id="add-objective" on:click=move |_| editing.set(Some(None))>
                            "Add an objective"
                        </button>
                    }
                        .into_any()
                }
                Some(target) => {
                    let existing = target.as_ref().and_then(|id| list().into_iter().find(|o| &o.id == id));
                    view! { <ObjectiveForm existing=existing on_done=Callback::new(move |_| editing.set(None)) /> }
                        .into_any()
                }
            }}
        </section>
    }
}

/// One custom objective: its mapping, importance, edit and remove.
#[component]
fn CustomObjectiveItem(
    /// The objective.
    o: CustomObjective,
    /// Which objective's form is open.
    editing: RwSignal<Option<Option<String>>>,
    /// The objective just removed (for undo).
    removed: RwSignal<Option<CustomObjective>>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let oid = StoredValue::new(o.id.clone());
    let value = Signal::derive(move || {
        state.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.custom_objectives.iter().find(|c| c.id == oid.get_value()).map(|c| c.importance))
                .unwrap_or(0)
        })
    });
    let on_change = Callback::new(move |n: u8| {
        state.dispatch(Action::SetObjectiveImportance { objective: oid.get_value(), importance: n })
    });
    let mapped = state
        .with_catalog_untracked(|c| {
            o.processes
                .iter()
                .map(|w| {
                    let name = c.process(&w.process).map(|p| p.name.clone()).unwrap_or_else(|| w.process.clone());
                    format!("{name}{}", if w.weight == 2 { " (primary)" } else { "" })
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let gone = o.clone();
    let remove = move |_| {
        if state.try_dispatch(Action::RemoveCustomObjective { id: gone.id.clone() }).is_ok() {
            removed.set(Some(gone.clone()));
        }
    };
    view! {
        <li class="objective custom" data-objective=o.id.clone()>
            <div class="objective-text">
                <h3>{o.name.clone()}</h3>
                <p class="muted">{o.description.clone()}</p>
                <p class="mapped">
                    {if mapped.is_empty() {
                        "Not mapped to any process yet: it has no effect until you map it.".to_string()
                    } else {
                        format!("Needs: {mapped}")
                    }}
                </p>
                <div class="row-actions">
                    <button class="btn btn-small" on:click=move |_| editing.set(Some(Some(oid.get_value())))>
                        "Edit"
                    </button>
                    <button class="btn btn-small btn-danger" on:click=remove>
                        "Remove"
                    </button>
                </div>
            </div>
            <ImportancePicker
                name=format!("imp-{}", o.id)
                label=format!("Importance of {}", o.name)
                value=value
                on_change=on_change
            />
        </li>
    }
}

/// Form to add or edit a custom objective.
#[component]
fn ObjectiveForm(
    /// The objective being edited; `None` adds a new one.
    existing: Option<CustomObjective>,
    /// Called when saved or cancelled.
    on_done: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let is_new = existing.is_none();
    let base = existing.unwrap_or_else(|| CustomObjective {
        id: new_id("obj"),
        name: String::new(),
        description: String::new(),
        importance: 3,
        processes: Vec::new(),
    });
    let name = RwSignal::new(base.name.clone());
    let description = RwSignal::new(base.description.clone());
    let weights = RwSignal::new(base.processes.clone());
    let error = RwSignal::new(None::<String>);
    let processes = state
        .with_catalog_untracked(|c| c.processes.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>())
        .unwrap_or_default();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let o = CustomObjective {
            id: base.id.clone(),
            name: name.get_untracked().trim().to_string(),
            description: description.get_untracked(),
            importance: base.importance,
            processes: weights.get_untracked(),
        };
        let result = if is_new {
            state.try_dispatch(Action::AddCustomObjective(o))
        } else {
            state.try_dispatch(Action::UpdateCustomObjective(o))
        };
        match result {
            Ok(()) => on_done.run(()),
            Err(e) => error.set(Some(format!("Not saved: {e}."))),
        }
    };
    view! {
        <form class="subform" on:submit=save aria-label=if is_new { "New objective" } else { "Edit objective" }>
            <h3>{if is_new { "New objective" } else { "Edit objective" }}</h3>
            <div class="field">
                <label for="custom-name">"Name"</label>
                <input
                    id="custom-name"
                    type="text"
                    maxlength="120"
                    required
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="custom-description">"Description"</label>
                <input
                    id="custom-description"
                    type="text"
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))
                />
            </div>
            <fieldset class="map-grid">
                <legend>"Which processes does it depend on?"</legend>
                {processes
                    .into_iter()
                    .map(|(pid, pname)| {
                        let sel_id = format!("map-{pid}");
                        let current = {
                            let pid = pid.clone();
                            move || {
                                weights
                                    .with(|w| w.iter().find(|x| x.process == pid).map(|x| x.weight).unwrap_or(0))
                                    .to_string()
                            }
                        };
                        let on_change = {
                            let pid = pid.clone();
                            move |ev: leptos::ev::Event| {
                                let weight: u8 = event_target_value(&ev).parse().unwrap_or(0);
                                weights
                                    .update(|w| {
                                        w.retain(|x| x.process != pid);
                                        if weight > 0 {
                                            w.push(ProcessWeight {
                                                process: pid.clone(),
                                                weight,
                                            });
                                        }
                                    });
                            }
                        };
                        view! {
                            <div class="map-row">
                                <label for=sel_id.clone()>{pname}</label>
                                <select id=sel_id prop:value=current on:change=on_change>
                                    <option value="0">"—"</option>
                                    <option value="1">"Secondary"</option>
                                    <option value="2">"Primary"</option>
                                </select>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <FormFooter
                error=error
                submit_id="save-objective"
                submit=if is_new { "Add objective" } else { "Save changes" }
                on_cancel=on_done
            />
        </form>
    }
}
