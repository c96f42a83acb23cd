//! Baseline comparison: pick an earlier assessment of the same organization,
//! then see the change per process and per attribute, as a chart and a table.

use crate::charts::delta::delta_chart;
use crate::domain::results::change_text;
use crate::domain::units::index_text;
use crate::domain::units::{previous, trend, Listing};
use crate::domain::workshop::deltas;
use crate::domain::Action;
use crate::storage::IndexEntry;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::library::Library;
use crate::ui::state::{Session, Viewport};
use leptos::prelude::*;

/// The open assessment's baseline and its evaluation, if it has one that can
/// be read. Loaded and evaluated when the baseline changes, not on every answer.
pub fn baseline() -> Memo<Option<(crate::domain::Assessment, crate::domain::Results)>> {
    let session = expect_context::<Session>();
    let library = expect_context::<Library>();
    let id = Memo::new(move |_| session.assessment.with(|a| a.as_ref().and_then(|a| a.baseline.clone())));
    // Against its own catalog, as the trend arrows: re-scoring it with this one's would move figures without any change in practice.
    Memo::new(move |_| library.load_evaluated(&id.get()?))
}

/// The latest earlier assessment of the open one's organization and unit
/// (by date), evaluated: what the results page's trend arrows compare with.
/// Loaded when the list, the organization, the unit or the date changes, not on every answer.
pub fn earlier_of_unit() -> Memo<Option<(crate::domain::Assessment, crate::domain::Results)>> {
    let session = expect_context::<Session>();
    let library = expect_context::<Library>();
    let me = Memo::new(move |_| {
        session.assessment.with(|a| {
            a.as_ref().map(|a| Listing {
                id: a.id.clone(),
                name: a.name.clone(),
                organization: a.organization.name.clone(),
                unit: a.organization.unit.clone(),
                date: a.date.clone(),
                completion: 0.0,
            })
        })
    });
    let id = Memo::new(move |_| {
        let me = me.get()?;
        let list = crate::ui::pages::client::listings(&library);
        let answered = |l: &Listing| library.load(&l.id).is_some_and(|a| crate::domain::units::has_answers(&a));
        previous(&list, &me, answered).map(|l| l.id.clone())
    });
    // Against its own catalog: re-scoring it with this one's would move arrows without any change in practice.
    Memo::new(move |_| library.load_evaluated(&id.get()?))
}

/// What [`unit_trend`] gives: (the date it compares with, the assessment's
/// name, whether its question set differs from the open one's, each process's move).
pub type UnitTrend = Option<(String, String, bool, Vec<crate::domain::units::Move>)>;

/// The change of each in-scope process's index since [`earlier_of_unit`],
/// with the date and name it compares with.
pub fn unit_trend() -> Memo<UnitTrend> {
    let session = expect_context::<Session>();
    let earlier = earlier_of_unit();
    Memo::new(move |_| {
        earlier.with(|e| {
            let (a, r) = e.as_ref()?;
            let list = session.results.with(|now| now.as_ref().map(|now| trend((a, r), now)))?;
            let other_set = session.assessment.with(|now| now.as_ref().is_some_and(|now| now.mode != a.mode));
            (!list.is_empty()).then(|| (a.date.clone(), a.name.clone(), other_set, list))
        })
    })
}

/// The evaluated baseline of the open assessment, by name, if it has one that can be read.
pub fn baseline_results() -> Memo<Option<(String, crate::domain::Results)>> {
    let base = baseline();
    Memo::new(move |_| base.with(|b| b.as_ref().map(|(a, r)| (a.name.clone(), r.clone()))))
}

/// The comparison section of the results page.
#[component]
pub fn Comparison(
    /// Base of download file names.
    file_base: Signal<String>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let library = expect_context::<Library>();
    let viewport = expect_context::<Viewport>();
    let baseline = baseline_results();
    let candidates = move || {
        let (me, org) = session
            .assessment
            .with(|a| a.as_ref().map(|a| (a.id.clone(), a.organization.name.clone())).unwrap_or_default());
        library
            .saved
            .get()
            .into_iter()
            .filter(|e| e.id != me && (org.is_empty() || e.organization == org))
            .collect::<Vec<_>>()
    };
    let current = move || session.assessment.with(|a| a.as_ref().and_then(|a| a.baseline.clone()).unwrap_or_default());
    let list = Memo::new(move |_| {
        let b = baseline.get();
        session.results.with(|r| match (r, b) {
            (Some(r), Some((_, b))) => deltas(&b, r),
            _ => Vec::new(),
        })
    });
    let svg = Memo::new(move |_| list.with(|l| delta_chart(l, &viewport.chart.get())));
    view! {
        <section class="card" aria-labelledby="compare-heading" id="comparison">
            <h2 id="compare-heading">"Compared with an earlier assessment"</h2>
            <div class="inline-form">
                <label for="baseline-select">"Baseline"</label>
                <select
                    id="baseline-select"
                    prop:value=current
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        session
                            .dispatch(Action::SetBaseline {
                                id: (!v.is_empty()).then_some(v),
                            });
                    }
                >
                    <option value="">"No comparison"</option>
                    {move || {
                        candidates()
                            .into_iter()
                            .map(|e| {
                                view! { <option value=e.id.clone()>{baseline_label(&e)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            {move || match baseline.get() {
                None => {
                    view! {
                        <p class="muted">
                            "Choose an earlier assessment of the same organization to see what changed. A follow-up compares with its original automatically."
                        </p>
                    }
                        .into_any()
                }
                Some((name, _)) => {
                    view! {
                        <ChartFigure
                            id="chart-delta"
                            title="Change since the baseline"
                            description=format!("Capability index now minus the index in “{name}”.")
                            svg=svg
                            filename=Signal::derive(move || format!("{}-change", file_base.get()))
                        >
                            <DeltaTable list=list />
                        </ChartFigure>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The change per process as a table (the delta chart's text alternative).
#[component]
fn DeltaTable(
    /// Deltas per process.
    list: Memo<Vec<crate::domain::workshop::Delta>>,
) -> impl IntoView {
    view! {
        <table class="data-table" id="delta-table">
            <thead>
                <tr>
                    <th scope="col">"Process"</th>
                    <th scope="col">"Baseline"</th>
                    <th scope="col">"Now"</th>
                    <th scope="col">"Change"</th>
                    <th scope="col">"Levels"</th>
                    <th scope="col">"Attributes that moved"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    list.get()
                        .into_iter()
                        .map(|d| {
                            let moved = d
                                .attributes
                                .iter()
                                .filter_map(|(a, b, c)| match (b, c) {
                                    (Some(b), Some(c)) if (c - b).abs() > 0.5 => Some(format!("{a} {:+.0} pp", c - b)),
                                    (None, Some(c)) => Some(format!("{a} rated now ({c:.0} %)")),
                                    (Some(_), None) => Some(format!("{a} not rated now")),
                                    _ => None,
                                })
                                .collect::<Vec<_>>()
                                .join(", ");
                            view! {
                                <tr data-process=d.process.clone()>
                                    <th scope="row">{d.name.clone()}</th>
                                    <td class="num">{index_text(d.baseline_index)}</td>
                                    <td class="num">{index_text(d.current_index)}</td>
                                    <td class="num delta-cell">{format!("{:+.2}", d.delta)}</td>
                                    <td class="num">{format!("{} → {}", d.baseline_level, d.current_level)}</td>
                                    <td class="small">{moved}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// A follow-up opens with what changed since its baseline: tiles with the
/// moves, the processes that changed (largest move first), the others folded.
#[component]
pub fn WhatChangedCard() -> impl IntoView {
    let session = expect_context::<Session>();
    let baseline = baseline_results();
    let summary = Memo::new(move |_| {
        let b = baseline.get();
        session.results.with(|r| match (r, b) {
            (Some(r), Some((name, b))) => Some((name, crate::domain::workshop::what_changed(&b, r))),
            _ => None,
        })
    });
    move || {
        summary.get().map(|(name, w)| {
            let rows = w
                .changed
                .iter()
                .map(|d| {
                    let class = if d.delta >= 0.0 { "trend up" } else { "trend down" };
                    view! {
                        <tr data-process=d.process.clone()>
                            <th scope="row">{d.name.clone()}</th>
                            <td class="num">{format!("{} → {}", d.baseline_level, d.current_level)}</td>
                            <td class="num">
                                {format!("{} → {}", index_text(d.baseline_index), index_text(d.current_index))}
                            </td>
                            <td class=format!("num {class}")>{format!("{:+.2}", d.delta)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let unchanged = w.unchanged.len();
            view! {
                <section class="card" aria-labelledby="changed-heading" id="what-changed">
                    <h2 id="changed-heading">{format!("What changed since “{name}”")}</h2>
                    <div class="tiles">
                        <div class="tile-s">
                            <span class="tile-s-big">{format!("{} up · {} down", w.rose, w.fell)}</span>
                            <span class="muted small">"processes that changed level"</span>
                        </div>
                        <div class="tile-s">
                            <span class="tile-s-big">
                                {format!(
                                    "{} → {} ({})",
                                    index_text(w.mean_before),
                                    index_text(w.mean_now),
                                    change_text(w.mean_before, w.mean_now),
                                )}
                            </span>
                            <span class="muted small">"mean capability index"</span>
                        </div>
                        <div class="tile-s">
                            <span class="tile-s-big">
                                {format!("{} → {} of {}", w.at_target_before, w.at_target_now, w.with_target)}
                            </span>
                            <span class="muted small">"processes at target"</span>
                        </div>
                    </div>
                    {if w.changed.is_empty() {
                        view! {
                            <p class="muted" id="nothing-changed">
                                "No process has moved yet."
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <table class="data-table" id="changed-table">
                                <thead>
                                    <tr>
                                        <th scope="col">"Process"</th>
                                        <th scope="col">"Level"</th>
                                        <th scope="col">"Index"</th>
                                        <th scope="col">"Change"</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        }
                            .into_any()
                    }}
                    {(unchanged > 0)
                        .then(|| {
                            view! {
                                <details class="unchanged" id="unchanged">
                                    <summary>
                                        {format!(
                                            "{unchanged} process{} unchanged",
                                            if unchanged == 1 { "" } else { "es" },
                                        )}
                                    </summary>
                                    <p class="small">{w.unchanged.join(" · ")}</p>
                                </details>
                            }
                        })}
                    <p class="muted small">
                        <a href="#comparison">"The change per process and attribute, with its chart"</a>
                    </p>
                </section>
            }
        })
    }
}

/// A baseline as the list offers it: the assessment's name, its unit and its
/// date ("Pizza&Pizza — baseline assessment · North site · 2026-11-02"); the
/// list holds this organization's assessments only, so it is not repeated.
fn baseline_label(e: &IndexEntry) -> String {
    [e.name.as_str(), e.unit.as_str(), e.date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}
