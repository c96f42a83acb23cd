//! Step 4: scope and targets — each process's derived relevance with the
//! reasons in words, the suggested target, and the user's overrides with a
//! rationale; the assessment mode.

use crate::domain::assessment::Mode;
use crate::domain::results::{duration_text, ProcessResult};
use crate::domain::Action;
use crate::ui::components::cascade_figure::CascadeFigure;
use crate::ui::components::step_nav::StepNav;
use crate::ui::route::Step;
use crate::ui::state::Session;
use leptos::prelude::*;

/// The scope and targets step.
#[component]
pub fn ScopePage() -> impl IntoView {
    let state = expect_context::<Session>();
    let id = move || state.assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    // Rows in the one order (priority, then the rest by relevance), taken when the page
    // opens or the order chosen changes: a row does not jump while its scope or target changes.
    // Ids only, so a change to one row does not rebuild the table.
    let ready = Memo::new(move |_| state.results.with(Option::is_some));
    let order = Memo::new(move |_| {
        ready.track();
        let by_catalog = state.catalog_order.get();
        state.results.with_untracked(|r| r.as_ref().map(|r| r.scope_order(by_catalog)).unwrap_or_default())
    });
    let nothing_rated =
        move || state.results.with(|r| r.as_ref().is_some_and(|r| r.processes.iter().all(|p| p.relevance.score == 0)));
    let in_scope = move || state.results.with(|r| r.as_ref().map(|r| r.in_scope().count()).unwrap_or(0));

    view! {
        <section class="card step">
            <h1>"Scope and targets"</h1>
            <p class="muted">
                "Relevance (0–100) comes from your rated objectives, their strategy decisions and the services they depend on, on a fixed scale. 50 or more suggests level 3, 30 level 2, 15 level 1; below 15 stays out of scope (level 4 only from 80 with 251 or more IT staff, at most level 2 with 1–10). "
                "Change any row and say why: the rationale goes on the report."
            </p>
            {move || {
                nothing_rated()
                    .then(|| {
                        view! {
                            <p class="notice" id="nothing-rated">
                                "Nothing is relevant yet: rate some objectives or add services first, or put processes in scope by hand below."
                            </p>
                        }
                    })
            }}
            <ModeChoice />
            <div class="section-head">
                <p class="count" id="scope-count">
                    {move || format!("{} processes in scope", in_scope())}
                </p>
                <OrderChoice />
            </div>
            <p class="muted small">
                {move || {
                    if state.catalog_order.get() {
                        "In the catalog's order."
                    } else {
                        "The processes in scope by priority (the gap to the target × relevance), highest priority first — the order of the questions, the results and the presenter — then the others by relevance."
                    }
                }}
            </p>
            <div class="table-wrap">
                <table class="scope-table" id="scope-table">
                    <thead>
                        <tr>
                            <th scope="col">"Process"</th>
                            <th scope="col">"Relevance and why"</th>
                            <th scope="col">"In scope"</th>
                            <th scope="col">"Target level"</th>
                            <th scope="col">"Rationale"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || order.get() key=|id| id.clone() let:pid>
                            <ScopeRow pid=pid />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
        <CascadeFigure file_base=Signal::derive(move || {
            state.assessment.with(|a| crate::ui::util::slug(a.as_ref().map(|a| a.name.as_str()).unwrap_or_default()))
        }) />
        {move || {
            let id = id();
            let order = state.questionnaire_order();
            let questions = state.results.with(|r| Step::questions(r.as_ref().and_then(|r| r.questions_entry(&order))));
            view! {
                <StepNav
                    back=(Step::Services.href(&id), "IT services".to_string())
                    next=(questions.href(&id), "Answer the questions".to_string())
                />
            }
        }}
    }
}

/// One process row of the scope table.
#[component]
fn ScopeRow(pid: String) -> impl IntoView {
    let state = expect_context::<Session>();
    let row = {
        let pid = pid.clone();
        Memo::new(move |_| state.results.with(|r| r.as_ref().and_then(|r| r.process(&pid).cloned())))
    };
    let get = move |f: fn(&ProcessResult) -> String| move || row.with(|p| p.as_ref().map(f).unwrap_or_default());
    let rationale = {
        let pid = pid.clone();
        move || {
            state
                .assessment
                .with(|a| a.as_ref().and_then(|a| a.scope.get(&pid).map(|d| d.rationale.clone())).unwrap_or_default())
        }
    };
    let purpose = state
        .with_catalog_untracked(|c| c.process(&pid).map(|p| p.purpose.clone()).unwrap_or_default())
        .unwrap_or_default();
    let on_scope = {
        let pid = pid.clone();
        move |ev: leptos::ev::Event| {
            let checked = event_target_checked(&ev);
            let suggested = row.with_untracked(|p| p.as_ref().is_some_and(|p| p.suggested_target.is_some()));
            // Back to "follow the suggestion" when the choice equals it.
            let value = if checked == suggested { None } else { Some(checked) };
            state.dispatch(Action::SetScope { process: pid.clone(), in_scope: value });
        }
    };
    let on_rationale = {
        let pid = pid.clone();
        move |ev: leptos::ev::Event| {
            state.dispatch(Action::SetRationale { process: pid.clone(), rationale: event_target_value(&ev) })
        }
    };
    let reasons = move || row.with(|p| p.as_ref().map(|p| p.relevance.top_reasons(3)).unwrap_or_default());
    let more = move || row.with(|p| p.as_ref().map(|p| p.relevance.contributions.len().saturating_sub(3)).unwrap_or(0));
    let name = get(|p| p.name.clone());
    let label_scope = format!(
        "{} in scope",
        state
            .with_catalog_untracked(|c| c.process(&pid).map(|p| p.name.clone()).unwrap_or_default())
            .unwrap_or_default()
    );
    let label_target = label_scope.replace(" in scope", ": target level");
    let label_rationale = label_scope.replace(" in scope", ": rationale");
    view! {
        <tr data-process=pid.clone() class:out-of-scope=move || row.with(|p| p.as_ref().is_some_and(|p| !p.in_scope))>
            <th scope="row">
                <span class="proc-name">{name}</span>
                <span class="proc-purpose">{purpose}</span>
            </th>
            <td class="why">
                <div class="relevance">
                    <span class="meter" aria-hidden="true">
                        <span style=move || {
                            row.with(|p| format!("width: {}%", p.as_ref().map(|p| p.relevance.score).unwrap_or(0)))
                        }></span>
                    </span>
                    <span class="num relevance-score">
                        {move || row.with(|p| p.as_ref().map(|p| p.relevance.score).unwrap_or(0))}
                    </span>
                </div>
                <ul class="reasons">
                    {move || {
                        let list = reasons();
                        if list.is_empty() {
                            view! { <li class="muted">"Not raised by any objective or service."</li> }.into_any()
                        } else {
                            list.into_iter().map(|r| view! { <li>{r}</li> }).collect_view().into_any()
                        }
                    }}
                    {move || {
                        (more() > 0)
                            .then(|| {
                                view! {
                                    <li class="muted">
                                        {format!("and {} smaller reason{}", more(), if more() == 1 { "" } else { "s" })}
                                    </li>
                                }
                            })
                    }}
                </ul>
            </td>
            <td data-label="In scope">
                <input
                    type="checkbox"
                    class="scope-toggle"
                    aria-label=label_scope
                    prop:checked=move || row.with(|p| p.as_ref().is_some_and(|p| p.in_scope))
                    on:change=on_scope
                />
            </td>
            <td data-label="Target level">
                <TargetCell pid=pid.clone() row=row label=label_target />
            </td>
            <td data-label="Rationale">
                <textarea
                    class="rationale"
                    rows="3"
                    aria-label=label_rationale
                    placeholder="Why? (optional)"
                    maxlength="4000"
                    prop:value=rationale
                    on:input=on_rationale
                ></textarea>
            </td>
        </tr>
    }
}

/// The target of one process: the suggestion (or the user's level) and why.
#[component]
fn TargetCell(
    /// The process id.
    pid: String,
    /// Its evaluation.
    row: Memo<Option<ProcessResult>>,
    /// The select's accessible name.
    label: String,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let on_target = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        state.dispatch(Action::SetTarget { process: pid.clone(), target: v.parse().ok() });
    };
    let target_value = move || {
        row.with(|p| p.as_ref().filter(|p| p.target_overridden).map(|p| p.target.to_string()).unwrap_or_default())
    };
    let suggested_label = move || {
        row.with(|p| match p.as_ref().and_then(|p| p.suggested_target) {
            Some(t) => format!("Suggested ({t})"),
            None => "Suggested (none)".to_string(),
        })
    };
    view! {
        <select
            class="target-select"
            aria-label=label
            prop:value=target_value
            on:change=on_target
            prop:disabled=move || row.with(|p| p.as_ref().is_some_and(|p| !p.in_scope))
            title=move || {
                row.with(|p| p.as_ref().is_some_and(|p| !p.in_scope))
                    .then_some("Out of scope: put the process in scope to set its target")
            }
        >
            <option value="">{suggested_label}</option>
            {(0..=5u8).map(|n| view! { <option value=n.to_string()>{format!("Level {n}")}</option> }).collect_view()}
        </select>
        <p class="muted small target-reason">{move || row.with(|p| p.as_ref().map(|p| p.target_reason.clone()))}</p>
        {move || {
            row.with(|p| p.as_ref().and_then(|p| p.out_of_scope_proposal.clone()))
                .map(|why| view! { <p class="notice small out-of-scope-proposal">{why}</p> })
        }}
    }
}

/// "Order: by priority / as in the catalog", for the scope table and the questionnaire.
#[component]
pub fn OrderChoice() -> impl IntoView {
    let state = expect_context::<Session>();
    view! {
        <label class="order-choice">
            <span>"Order"</span>
            <select
                class="order-select"
                prop:value=move || if state.catalog_order.get() { "catalog" } else { "priority" }
                on:change=move |ev| state.catalog_order.set(event_target_value(&ev) == "catalog")
            >
                <option value="priority">"by priority"</option>
                <option value="catalog">"as in the catalog"</option>
            </select>
        </label>
    }
}

/// Quick scan, up to each target, or full assessment, with how many
/// questions each asks of the processes in scope now.
#[component]
fn ModeChoice() -> impl IntoView {
    let state = expect_context::<Session>();
    let mode = move || state.assessment.with(|a| a.as_ref().map(|a| a.mode).unwrap_or_default());
    let counts = move || state.with_catalog(|c| c.question_counts()).unwrap_or_default();
    // The count the progress bar shows once that depth is chosen.
    let asked = move |m: Mode| {
        state.results.with(|r| {
            state
                .with_catalog(|c| {
                    r.as_ref()
                        .map(|r| m.questions_asked(c, r.in_scope().map(|p| (p.id.as_str(), p.target))))
                        .unwrap_or(0)
                })
                .unwrap_or(0)
        })
    };
    // " — {what}: 171 for the processes in scope now, about 1 h 30 min{after}"
    let option = move |m: Mode, id: &'static str, title: &'static str, what: &'static str, after: String| {
        let text = move || {
            let n = asked(m);
            format!(" — {what}: {n} for the processes in scope now, {}{after}", duration_text(n))
        };
        view! {
            <label class="mode-option">
                <input
                    type="radio"
                    name="mode"
                    id=id
                    prop:checked=move || mode() == m
                    on:change=move |_| state.dispatch(Action::SetMode(m))
                />
                <span>
                    <strong>{title}</strong>
                    {text}
                </span>
            </label>
        }
    };
    view! {
        <fieldset class="mode">
            <legend>"How deep should the assessment go?"</legend>
            {option(
                Mode::Quick,
                "mode-quick",
                "Quick scan",
                "one question per capability attribute, 9 per process",
                ". A first picture, to be confirmed.".into(),
            )}
            {option(
                Mode::Target,
                "mode-target",
                "Up to each target (recommended)",
                "every question up to each process's target, plus one level above it to show whether the next level is within reach",
                ".".into(),
            )}
            {option(
                Mode::Full,
                "mode-full",
                "Full assessment",
                "every question up to level 5",
                format!(" ({} in the whole catalog).", counts().1),
            )}
        </fieldset>
    }
}
