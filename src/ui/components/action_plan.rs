//! The action plan at a glance: how far the plan is, the projected result
//! when the chosen work is done beside today's, the tracker export, and in a
//! follow-up what became of the baseline's planned items.

use crate::domain::assessment::PlanStatus;
use crate::domain::evaluate;
use crate::domain::export::tracker_csv;
use crate::domain::plan::{plan_outcomes, projected, Outcome, PlanOutcome, Projection};
use crate::domain::results::Results;
use crate::ui::components::comparison::baseline;
use crate::ui::state::Session;
use crate::ui::util::download;
use leptos::prelude::*;

/// One row of the today / projected table.
#[derive(Clone, PartialEq)]
struct Compared {
    what: String,
    today: String,
    then: String,
    better: bool,
}

fn level(v: Option<u8>) -> String {
    v.map(|l| l.to_string()).unwrap_or_else(|| "–".into())
}

fn index(v: Option<f64>) -> String {
    v.map(crate::domain::results::index_text).unwrap_or_else(|| "–".into())
}

fn percent(v: Option<f64>) -> String {
    v.map(|s| format!("{s:.0} %")).unwrap_or_else(|| "–".into())
}

/// Today against the projection: floor level, mean index, processes at
/// target, then each rated objective's support.
fn compare(today: &Results, then: &Results) -> Vec<Compared> {
    let (met, met_then) = (today.targets_met(), then.targets_met());
    let mut rows = vec![
        Compared {
            what: "Floor level".into(),
            today: level(today.floor_level),
            then: level(then.floor_level),
            better: then.floor_level > today.floor_level,
        },
        Compared {
            what: "Mean capability index".into(),
            today: index(today.mean_index),
            then: index(then.mean_index),
            better: then.mean_index.unwrap_or(0.0) > today.mean_index.unwrap_or(0.0) + 0.005,
        },
        Compared {
            what: "Processes at target".into(),
            today: format!("{} of {}", met.0, met.1),
            then: format!("{} of {}", met_then.0, met_then.1),
            better: met_then.0 > met.0,
        },
    ];
    for o in today.objectives_by_risk() {
        let t = then.objectives.iter().find(|x| x.id == o.id).and_then(|x| x.support);
        rows.push(Compared {
            what: format!("Support for “{}”", o.name),
            today: percent(o.support),
            then: percent(t),
            better: t.unwrap_or(0.0) > o.support.unwrap_or(0.0) + 0.5,
        });
    }
    rows
}

/// The action-plan section of the results page.
#[component]
pub fn ActionPlan(
    /// Base of download file names.
    file_base: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let choice = state.projection;
    let counts = Memo::new(move |_| {
        state.assessment.with(|a| {
            let mut n = [0usize; 4];
            if let Some(a) = a {
                for e in a.plan.values() {
                    n[PlanStatus::ALL.iter().position(|s| *s == e.status).unwrap_or(0)] += 1;
                }
            }
            n
        })
    });
    let rows = Memo::new(move |_| {
        let p = choice.get();
        state.results.with(|r| {
            let r = r.as_ref()?;
            let then = state.assessment.with(|a| {
                let a = a.as_ref()?;
                state.with_catalog(|c| evaluate(c, &projected(a, r, p)))
            })?;
            Some(compare(r, &then))
        })
    });
    let export = move |_| {
        let csv = state.results.with_untracked(|r| {
            state.assessment.with_untracked(|a| r.as_ref().zip(a.as_ref()).map(|(r, a)| tracker_csv(r, a)))
        });
        if let Some(csv) = csv {
            download(&format!("{}-action-plan.csv", file_base.get_untracked()), "text/csv", &csv);
        }
    };
    view! {
        <section class="card" aria-labelledby="plan-heading" id="action-plan">
            <div class="section-head">
                <h2 id="plan-heading">"Action plan"</h2>
                <button class="btn btn-secondary no-print" id="export-tracker-csv" on:click=export>
                    "Action plan CSV (for ticket trackers)"
                </button>
            </div>
            <p class="muted" id="plan-counts">
                {move || {
                    let [open, going, done, dropped] = counts.get();
                    if open + going + done + dropped == 0 {
                        "To plan the work, open “Plan” on any step below and add an owner, a due date and a status. Your plan is saved with this assessment and copied into any follow-up."
                            .to_string()
                    } else {
                        format!(
                            "Planned items: {done} done, {going} in progress, {open} not started, {dropped} dropped.",
                        )
                    }
                }}
            </p>
            <div class="inline-form no-print">
                <label for="projection-select">"Best case if"</label>
                <select
                    id="projection-select"
                    prop:value=move || choice.get().id()
                    on:change=move |ev| {
                        if let Some(p) = Projection::from_id(&event_target_value(&ev)) {
                            choice.set(p);
                        }
                    }
                >
                    {Projection::ALL.map(|p| view! { <option value=p.id()>{p.label()}</option> })}
                </select>
            </div>
            <p class="print-only">{move || format!("Best case if {}.", choice.get().label())}</p>
            <table class="data-table" id="projection-table">
                <caption class="sr-only">"Today and projected"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Figure"</th>
                        <th scope="col">"Today"</th>
                        <th scope="col">"Best case"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows.get()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <tr class:better=c.better>
                                        <th scope="row">{c.what}</th>
                                        <td class="num">{c.today}</td>
                                        <td class="num projected">{c.then}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <p class="muted small">
                "Best case: every action in the chosen items (steps and shared initiatives; a horizon also takes what is done or in progress in later ones) is taken as fully in place, including questions nobody has answered yet, and everything is scored again with the same rules. A level counts only when every level below it is reached. Re-assess to confirm."
            </p>
            <BaselinePlan />
        </section>
    }
}

/// In a follow-up: the baseline's planned items and whether they were reached.
#[component]
fn BaselinePlan() -> impl IntoView {
    let state = expect_context::<Session>();
    let base = baseline();
    let outcomes = Memo::new(move |_| {
        base.with(|b| {
            let (base, base_results) = b.as_ref()?;
            let list: Vec<PlanOutcome> =
                state.results.with(|now| now.as_ref().map(|now| plan_outcomes(base, base_results, now)))?;
            (!list.is_empty()).then(|| (base.name.clone(), list))
        })
    });
    move || {
        outcomes.get().map(|(name, list)| {
            view! {
                <h3 id="baseline-plan-heading">{format!("Where the plan of “{name}” stands now")}</h3>
                <table class="data-table" id="baseline-plan">
                    <thead>
                        <tr>
                            <th scope="col">"Planned item"</th>
                            <th scope="col">"Plan"</th>
                            <th scope="col">"Now"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {list
                            .into_iter()
                            .map(|o| {
                                let now = o.outcome.label();
                                view! {
                                    <tr data-plan=o.key class:reached=o.outcome == Outcome::Reached>
                                        <th scope="row">{o.what}</th>
                                        <td>{o.entry.line()}</td>
                                        <td>{now}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
        })
    }
}
