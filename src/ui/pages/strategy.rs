//! Step 3: strategy — for each rated objective, the decisions management takes
//! to reach it and, for each decision, the IT services it depends on. This is
//! the link objective → decision → service through which relevance flows to
//! the processes (see `domain::relevance`).

use crate::domain::assessment::Decision;
use crate::domain::Action;
use crate::ui::components::step_nav::StepNav;
use crate::ui::pages::services::ServiceForm;
use crate::ui::route::Step;
use crate::ui::state::Session;
use crate::ui::util::new_id;
use leptos::prelude::*;

/// A rated objective: (id, name, importance).
type Rated = (String, String, u8);

/// The strategy step.
#[component]
pub fn StrategyPage() -> impl IntoView {
    let state = expect_context::<Session>();
    let rated = Memo::new(move |_| {
        state.assessment.with(|a| {
            let Some(a) = a.as_ref() else { return Vec::new() };
            let mut out: Vec<Rated> = state
                .with_catalog(|c| {
                    c.objectives
                        .iter()
                        .filter_map(|o| {
                            a.objectives.get(&o.id).filter(|&&i| i > 0).map(|&i| (o.id.clone(), o.name.clone(), i))
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.extend(
                a.custom_objectives
                    .iter()
                    .filter(|o| o.importance > 0)
                    .map(|o| (o.id.clone(), o.name.clone(), o.importance)),
            );
            out
        })
    });
    let adding_service = RwSignal::new(false);
    view! {
        <section class="card step">
            <h1>"Strategy"</h1>
            <p class="muted">
                "For each objective you rated, note the decisions management takes to reach it — “take orders on the website and by phone” — "
                "and tick the IT services each decision depends on. Relevance then flows from the objective, through the decision and the service, to the processes that service needs."
            </p>
            {move || {
                rated
                    .with(|r| r.is_empty())
                    .then(|| {
                        view! {
                            <p class="notice" id="no-rated-objectives">
                                "No objective is rated yet. Rate the objectives that matter on the "
                                <a href=move || Step::Objectives.href(&state.id())>"objectives page"</a>
                                " first."
                            </p>
                        }
                    })
            }}
        </section>
        <For each=move || rated.get() key=|r| r.0.clone() let:r>
            <ObjectiveStrategy objective=r.0 name=r.1 importance=r.2 />
        </For>
        <section class="card" aria-labelledby="strategy-services-heading">
            <h2 id="strategy-services-heading">"A service missing?"</h2>
            {move || {
                if adding_service.get() {
                    view! { <ServiceForm existing=None on_done=Callback::new(move |_| adding_service.set(false)) /> }
                        .into_any()
                } else {
                    view! {
                        <button
                            class="btn btn-secondary"
                            id="strategy-add-service"
                            on:click=move |_| adding_service.set(true)
                        >
                            "Add a service"
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
        {move || {
            let id = state.id();
            view! {
                <StepNav
                    back=(Step::Objectives.href(&id), "Objectives".to_string())
                    next=(Step::Services.href(&id), "IT services".to_string())
                />
            }
        }}
    }
}

/// One objective with its decisions and the form to add one.
#[component]
fn ObjectiveStrategy(
    /// The objective id.
    objective: String,
    /// Its name.
    name: String,
    /// Its importance 1–5.
    importance: u8,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let oid = StoredValue::new(objective.clone());
    let decisions = Memo::new(move |_| {
        state.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.strategy
                        .iter()
                        .filter(|d| d.objective == oid.get_value())
                        .map(|d| d.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let draft = RwSignal::new(String::new());
    let input_id = format!("new-decision-{objective}");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked().trim().to_string();
        let d = Decision { id: new_id("dec"), objective: oid.get_value(), text, services: Vec::new() };
        if state.try_dispatch(Action::AddDecision(d)).is_ok() {
            draft.set(String::new());
        }
    };
    view! {
        <section
            class="card strategy-objective"
            data-objective=objective.clone()
            aria-label=format!("Strategy for {name}")
        >
            <h2>{name.clone()}<span class="muted small">{format!(" · importance {importance} of 5")}</span></h2>
            <ul class="decision-list">
                <For each=move || decisions.get() key=|id| id.clone() let:id>
                    <DecisionItem id=id />
                </For>
            </ul>
            <form class="inline-form" on:submit=add>
                <label for=input_id.clone()>"Add a decision"</label>
                <input
                    id=input_id
                    class="new-decision"
                    type="text"
                    maxlength="300"
                    placeholder="What management decided to do for this objective"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                />
                <button type="submit" class="btn btn-secondary">
                    "Add"
                </button>
            </form>
        </section>
    }
}

/// One decision: its text, the services it depends on, and remove.
#[component]
fn DecisionItem(
    /// The decision id.
    id: String,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let did = StoredValue::new(id.clone());
    let decision =
        Memo::new(move |_| state.assessment.with(|a| a.as_ref().and_then(|a| a.decision(&did.get_value()).cloned())));
    let services = Memo::new(move |_| {
        state.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.services.iter().map(|s| (s.id.clone(), s.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let on_text = move |ev: leptos::ev::Event| {
        if let Some(mut d) = decision.get_untracked() {
            d.text = event_target_value(&ev);
            state.dispatch(Action::UpdateDecision(d));
        }
    };
    let text_id = format!("decision-{id}");
    view! {
        <li class="decision" data-decision=id.clone()>
            <label class="sr-only" for=text_id.clone()>
                "Decision"
            </label>
            <input
                id=text_id
                class="decision-text"
                type="text"
                maxlength="300"
                prop:value=move || decision.with(|d| d.as_ref().map(|d| d.text.clone()).unwrap_or_default())
                on:change=on_text
            />
            <fieldset class="decision-services">
                <legend>"Depends on"</legend>
                {move || {
                    let list = services.get();
                    if list.is_empty() {
                        return view! {
                            <p class="muted small">
                                "No services listed yet: add one below or on the IT services page."
                            </p>
                        }
                            .into_any();
                    }
                    list.into_iter()
                        .map(|(sid, sname)| {
                            let linked = {
                                let sid = sid.clone();
                                move || decision.with(|d| d.as_ref().is_some_and(|d| d.services.contains(&sid)))
                            };
                            let toggle = move |ev: leptos::ev::Event| {
                                let (decision, service) = (did.get_value(), sid.clone());
                                state
                                    .dispatch(
                                        if event_target_checked(&ev) {
                                            Action::LinkService {
                                                decision,
                                                service,
                                            }
                                        } else {
                                            Action::UnlinkService {
                                                decision,
                                                service,
                                            }
                                        },
                                    );
                            };
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        class="decision-service"
                                        prop:checked=linked
                                        on:change=toggle
                                    />
                                    " "
                                    {sname}
                                </label>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </fieldset>
            <button
                class="btn btn-small btn-danger"
                on:click=move |_| {
                    state
                        .dispatch(Action::RemoveDecision {
                            id: did.get_value(),
                        })
                }
            >
                "Remove"
            </button>
        </li>
    }
}
