//! Step 6: results — the capability profile with "explain this score", the
//! four charts with text alternatives, the business view, the roadmap, the
//! follow-up list and the exports. Everything comes from the one `results` memo.

use crate::domain::export::{answers_csv, results_csv};
use crate::domain::results::{ProcessResult, Results};
use crate::domain::units::index_text;
use crate::ui::components::action_plan::ActionPlan;
use crate::ui::components::business_view::BusinessView;
use crate::ui::components::charts_panel::Charts;
use crate::ui::components::comparison::Comparison;
use crate::ui::components::deferred::AfterFirstPaint;
use crate::ui::components::executive::{ExecutiveSummaryCard, ResultsMenu};
use crate::ui::components::explain::Explain;
use crate::ui::components::export_button::{ExportButton, ExportKind};
use crate::ui::components::roadmap::Roadmap;
use crate::ui::components::summary::Summary;
use crate::ui::route::Step;
use crate::ui::state::Session;
use crate::ui::util::{download, slug};
use leptos::prelude::*;

/// The results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<Session>();
    // Back to the questions later, they follow the priorities as they are then.
    state.reorder();
    let aid = move || state.assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    let name = move || state.assessment.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let file_base = Signal::derive(move || slug(&name()));
    let has = move |f: fn(&Results) -> bool| move || state.results.with(|r| r.as_ref().is_some_and(f));

    let export_results = move |_| {
        state.results.with_untracked(|r| {
            if let Some(r) = r {
                download(&format!("{}-results.csv", file_base.get_untracked()), "text/csv", &results_csv(r));
            }
        });
    };
    let export_answers = move |_| {
        let csv = state.assessment.with_untracked(|a| {
            a.as_ref().map(|a| state.with_catalog_untracked(|c| answers_csv(c, a)).unwrap_or_default())
        });
        if let Some(csv) = csv {
            download(&format!("{}-answers.csv", file_base.get_untracked()), "text/csv", &csv);
        }
    };

    view! {
        <section class="card">
            <div class="results-head">
                <div>
                    <h1 id="assessment-title">{name}</h1>
                    <p class="muted">
                        "Results update with every answer. Unanswered questions count as not achieved for the index and block the levels that need them."
                    </p>
                </div>
                <div class="actions no-print">
                    <a class="btn btn-primary" id="open-report" href=move || Step::Report.href(&aid())>
                        "Printable report"
                    </a>
                    <a class="btn btn-secondary" id="open-presenter" href=move || Step::Present.href(&aid())>
                        "Present"
                    </a>
                    <button class="btn btn-secondary" id="export-results-csv" on:click=export_results>
                        "Results CSV"
                    </button>
                    <button class="btn btn-secondary" id="export-answers-csv" on:click=export_answers>
                        "Answers CSV"
                    </button>
                    <ExportButton kind=ExportKind::Xlsx file_base=file_base />
                    <ExportButton kind=ExportKind::Docx file_base=file_base />
                </div>
            </div>
            <Summary />
        </section>
        <Show
            when=has(|r| r.in_scope().next().is_some())
            fallback=move || {
                view! {
                    <section class="card">
                        <p class="notice" id="nothing-in-scope">
                            "No process is in scope yet. Rate your business objectives and list your IT services, or put processes in scope on the "
                            <a href=move || Step::Scope.href(&aid())>"scope page"</a>
                            "."
                        </p>
                    </section>
                }
            }
        >
            <crate::ui::components::comparison::WhatChangedCard />
            <ExecutiveSummaryCard />
            <ResultsMenu />
            <Charts file_base=file_base />
            // The tables and plans between and below the charts: drawn a frame later.
            <AfterFirstPaint>
                <Profile />
            </AfterFirstPaint>
            <Comparison file_base=file_base />
            <BusinessView />
            <AfterFirstPaint>
                <ActionPlan file_base=file_base />
                <Roadmap />
                <FollowUp />
            </AfterFirstPaint>
        </Show>
    }
}

/// The level of one process, with "asked up to 3" when the depth chosen did
/// not ask the next level (its level is then a lower bound).
#[component]
fn LevelCell(level: u8, ceiling: Option<u8>) -> impl IntoView {
    view! {
        <td class="num level-cell" data-label="Level">
            {level}
            {ceiling
                .map(|l| {
                    view! {
                        <span
                            class="muted small block ceiling"
                            title=format!(
                                "Level {} was not asked at this depth: {l} is what the questions asked can show",
                                l + 1,
                            )
                        >
                            {format!("asked up to {l}")}
                        </span>
                    }
                })}
        </td>
    }
}

/// The capability profile table with an explain panel per process.
#[component]
fn Profile() -> impl IntoView {
    let state = expect_context::<Session>();
    let open = RwSignal::new(None::<String>);
    let trend = crate::ui::components::comparison::unit_trend();
    let rows = move || {
        state.results.with(|r| {
            let list: Vec<ProcessResult> =
                r.as_ref().map(|r| r.in_scope_by_priority().into_iter().cloned().collect()).unwrap_or_default();
            list.into_iter()
                .map(|p| {
                    let pid = p.id.clone();
                    let pid2 = p.id.clone();
                    let is_open = Memo::new(move |_| open.get().as_deref() == Some(pid.as_str()));
                    let explain = p.clone();
                    // No target (0): neither met nor short, as every count of targets has it.
                    let gap = if p.target == 0 {
                        "—".into()
                    } else if p.gap > 0 {
                        p.gap.to_string()
                    } else {
                        "met".into()
                    };
                    let target = if p.target == 0 { "none".to_string() } else { p.target.to_string() };
                    view! {
                        <tr data-process=p.id.clone()>
                            <th scope="row">{p.name.clone()}</th>
                            <td class="num" data-label="Relevance">
                                {p.relevance.score}
                            </td>
                            <LevelCell level=p.level ceiling=p.ceiling() />
                            <td class="num index-cell" data-label="Index">
                                {index_text(p.index)}
                                <TrendMark trend=trend pid=p.id.clone() />
                            </td>
                            <td class="num" data-label="Target">
                                {target}
                                {p.target_note().map(|n| view! { <span class="small muted target-note">" "{n}</span> })}
                            </td>
                            <td class="num" data-label="Gap">
                                {gap}
                            </td>
                            <td class="num" data-label="Priority">
                                {format!("{:.0}", p.priority)}
                            </td>
                            <td class="num" data-label="Answered">
                                {crate::domain::results::percent_text(p.completion())}
                            </td>
                            <td class="no-print explain-cell">
                                <button
                                    type="button"
                                    class="btn btn-small explain-toggle"
                                    aria-expanded=move || is_open.get().to_string()
                                    on:click=move |_| {
                                        open.update(|o| {
                                            *o = if o.as_deref() == Some(pid2.as_str()) {
                                                None
                                            } else {
                                                Some(pid2.clone())
                                            };
                                        })
                                    }
                                >
                                    {move || if is_open.get() { "Hide" } else { "Explain" }}
                                </button>
                            </td>
                        </tr>
                        {move || {
                            is_open
                                .get()
                                .then(|| {
                                    view! {
                                        <tr class="explain-row">
                                            <td colspan="9">
                                                <Explain p=explain.clone() />
                                            </td>
                                        </tr>
                                    }
                                })
                        }}
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="profile-heading" id="profile">
            <h2 id="profile-heading">"Capability profile"</h2>
            <p class="muted">
                "In-scope processes by priority (gap × relevance). Level is the gated capability level 0–5; index is the continuous score 0–5."
            </p>
            <TrendNote trend=trend />
            <div class="table-wrap">
                <table class="process-table" id="profile-table">
                    <thead>
                        <tr>
                            <th scope="col">"Process"</th>
                            <th scope="col">"Relevance"</th>
                            <th scope="col">"Level"</th>
                            <IndexHead trend=trend />
                            <th scope="col">"Target"</th>
                            <th scope="col">"Gap"</th>
                            <th scope="col">
                                <abbr title="Gap to target (levels) × relevance (0–100): the roadmap's order">
                                    "Priority"
                                </abbr>
                            </th>
                            <th scope="col">"Answered"</th>
                            <th scope="col" class="no-print">
                                <span class="sr-only">"Explain"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// What the trend arrows compare with, and their rule; a link to the organization view.
#[component]
fn TrendNote(trend: Memo<crate::ui::components::comparison::UnitTrend>) -> impl IntoView {
    let state = expect_context::<Session>();
    let org_page = move || {
        state.assessment.with(|a| {
            a.as_ref()
                .map(|a| crate::ui::route::org_href(&crate::domain::units::org_key(&a.organization.name)))
                .unwrap_or_default()
        })
    };
    view! {
        {move || {
            trend
                .with(|t| t.as_ref().map(|(date, name, other_set, _)| (date.clone(), name.clone(), *other_set)))
                .map(|(date, name, other_set)| {
                    let changed = other_set
                        .then_some(
                            " The question set differs from then (quick scan / full): a change may come from the questions rather than from practice.",
                        );
                    view! {
                        <p class="muted small" id="trend-note">
                            {format!(
                                "▲ ▼ = beside an index: its change vs {date} ({name}), the latest earlier assessment of this unit with answers. A change of level always shows an arrow (L1→L2); within a level, the index as shown (two decimals) must change (the exact figures are in the tooltip).",
                            )}
                            {changed}
                            " "
                            <a href=org_page>"Units & history"</a>
                        </p>
                    }
                })
        }}
    }
}

/// The index column's head, naming what the trend arrows compare with.
#[component]
fn IndexHead(trend: Memo<crate::ui::components::comparison::UnitTrend>) -> impl IntoView {
    let since = move || trend.with(|t| t.as_ref().map(|(date, _, _, _)| format!(" (trend vs {date})")));
    view! { <th scope="col">"Index" {move || since().map(|t| view! { <span class="small muted">{t}</span> })}</th> }
}

/// "▲ +0.40" (or "▲ L1→L2 +0.01") beside an index when an earlier assessment
/// of the same unit exists; the one arrow rule of `Direction::of`.
#[component]
fn TrendMark(trend: Memo<crate::ui::components::comparison::UnitTrend>, pid: String) -> impl IntoView {
    move || {
        trend.with(|t| {
            let (date, _, _, list) = t.as_ref()?;
            let m = list.iter().find(|m| m.process == pid)?;
            let class = format!("trend {}", m.direction.name());
            let text = m.text();
            let title = format!("{text} vs {date}: {}", m.detail());
            let tip = title.clone();
            Some(view! {
                <span class=class title=tip>
                    <span aria-hidden="true">{format!(" {text}")}</span>
                    <span class="sr-only">{title}</span>
                </span>
            })
        })
    }
}

/// Questions to follow up: "don't know" and unanswered.
#[component]
fn FollowUp() -> impl IntoView {
    let state = expect_context::<Session>();
    let aid = move || state.assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    let items = move || {
        state.results.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.in_scope()
                        .filter_map(|p| {
                            let dk = p.dont_know().count();
                            let open = p.unanswered().count();
                            (dk + open > 0).then(|| {
                                let href = Step::Process(p.id.clone()).href(&aid());
                                view! {
                                    <li data-process=p.id.clone()>
                                        <a href=href>{p.name.clone()}</a>
                                        {format!(": {open} unanswered, {dk} “don't know”")}
                                    </li>
                                }
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card" aria-labelledby="followup-heading" id="follow-up">
            <h2 id="followup-heading">"Follow-up"</h2>
            {move || {
                let list = items();
                if list.is_empty() {
                    view! { <p class="muted">"Every question in scope has an answer."</p> }.into_any()
                } else {
                    view! {
                        <p class="muted">"Questions to answer or find out before the results are final:"</p>
                        <ul>{list}</ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
