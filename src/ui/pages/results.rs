//! Step 6: results — the capability profile with "explain this score", the
//! four charts with text alternatives, the business view, the roadmap, the
//! follow-up list and the exports. Everything comes from the one `results` memo.

use crate::charts::{
    gaps::by_priority, gaps::gap_bars, heatmap::heatmap, objectives::objective_bars, radar::radar, radar::radar_compare,
};
use crate::domain::evaluate::{ProcessResult, Results};
use crate::domain::export::{answers_csv, results_csv};
use crate::domain::roadmap::Horizon;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::components::comparison::{baseline_results, Comparison};
use crate::ui::components::explain::Explain;
use crate::ui::state::AppState;
use crate::ui::util::{download, slug};
use leptos::prelude::*;

fn fmt_opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "–".into())
}

/// The results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
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
        let csv = state
            .assessment
            .with_untracked(|a| a.as_ref().map(|a| state.catalog.with_untracked(|c| answers_csv(c, a))));
        if let Some(csv) = csv {
            download(&format!("{}-answers.csv", file_base.get_untracked()), "text/csv", &csv);
        }
    };

    view! {
        <section class="card">
            <div class="results-head">
                <div>
                    <h1 id="assessment-title">{name}</h1>
                    <p class="muted">"Results update with every answer. Unanswered questions count as not achieved for the index and block the levels that need them."</p>
                </div>
                <div class="actions no-print">
                    <a class="btn btn-primary" id="open-report" href=move || format!("/a/{}/report", aid())>"Printable report"</a>
                    <a class="btn btn-secondary" id="open-presenter" href=move || format!("/a/{}/present", aid())>"Present"</a>
                    <button class="btn btn-secondary" id="export-results-csv" on:click=export_results>"Results CSV"</button>
                    <button class="btn btn-secondary" id="export-answers-csv" on:click=export_answers>"Answers CSV"</button>
                </div>
            </div>
            <Summary/>
        </section>
        <Show when=has(|r| r.in_scope().next().is_some()) fallback=move || view! {
            <section class="card"><p class="notice" id="nothing-in-scope">"No process is in scope yet. Rate your business objectives and list your IT services, or put processes in scope on the "
                <a href=move || format!("/a/{}/scope", aid())>"scope page"</a>"."</p></section>
        }>
            <Profile/>
            <Charts file_base=file_base/>
            <Comparison file_base=file_base/>
            <BusinessView/>
            <Roadmap/>
            <FollowUp/>
        </Show>
    }
}

/// Headline figures.
#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.results.with(|r| {
            r.as_ref().map(|r| {
                let maturity = fmt_opt(r.org_maturity);
                let mean = r.mean_index.map(|m| format!("{m:.2}")).unwrap_or_else(|| "–".into());
                let done = format!("{:.0} %", r.completion() * 100.0);
                let missing = r.asked - r.answered;
                view! {
                    <dl class="stats">
                        <div><dt>"Processes in scope"</dt><dd id="stat-scope">{r.in_scope().count()}</dd></div>
                        <div><dt>"Answered"</dt><dd id="stat-done">{done}</dd></div>
                        <div><dt>"Organizational maturity"</dt><dd id="stat-maturity">{maturity}</dd></div>
                        <div><dt>"Mean capability index"</dt><dd id="stat-index">{mean}<span class="muted small">" / 5"</span></dd></div>
                    </dl>
                    {(!r.unknown_answers.is_empty()).then(|| view! {
                        <p class="notice" id="unknown-note">{format!(
                            "{} answers belong to questions this catalog does not know (another catalog version?). They are kept, exported and imported unchanged, but not scored.",
                            r.unknown_answers.len()
                        )}</p>
                    })}
                    {(missing > 0).then(|| view! {
                        <p class="notice" id="incomplete-note">{format!("{missing} questions in scope are not answered yet: the results are provisional. See the follow-up list below.")}</p>
                    })}
                    <p class="muted small">"Organizational maturity is the highest level every in-scope process has reached; the mean index shows progress between levels."</p>
                }
            })
        })
    }
}

/// The capability profile table with an explain panel per process.
#[component]
fn Profile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(None::<String>);
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
                    let gap = if p.gap > 0 { p.gap.to_string() } else { "met".into() };
                    view! {
                        <tr data-process=p.id.clone()>
                            <th scope="row">{p.name.clone()}</th>
                            <td class="num">{p.relevance.score}</td>
                            <td class="num level-cell">{p.level}</td>
                            <td class="num">{format!("{:.2}", p.index)}</td>
                            <td class="num">{p.target}{p.target_overridden.then_some(" (set)")}</td>
                            <td class="num">{gap}</td>
                            <td class="num">{format!("{:.0}", p.priority)}</td>
                            <td class="num">{format!("{:.0} %", p.completion() * 100.0)}</td>
                            <td class="no-print">
                                <button type="button" class="btn btn-small explain-toggle" aria-expanded=move || is_open.get().to_string()
                                    on:click=move |_| open.update(|o| *o = if o.as_deref() == Some(pid2.as_str()) { None } else { Some(pid2.clone()) })>
                                    {move || if is_open.get() { "Hide" } else { "Explain" }}
                                </button>
                            </td>
                        </tr>
                        {move || is_open.get().then(|| view! {
                            <tr class="explain-row"><td colspan="9"><Explain p=explain.clone()/></td></tr>
                        })}
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">"Capability profile"</h2>
            <p class="muted">"In-scope processes by priority (gap × relevance). Level is the gated capability level 0–5; index is the continuous score 0–5."</p>
            <div class="table-wrap">
                <table class="process-table" id="profile-table">
                    <thead><tr>
                        <th scope="col">"Process"</th><th scope="col">"Relevance"</th><th scope="col">"Level"</th><th scope="col">"Index"</th>
                        <th scope="col">"Target"</th><th scope="col">"Gap"</th><th scope="col">"Priority"</th><th scope="col">"Answered"</th>
                        <th scope="col" class="no-print"><span class="sr-only">"Explain"</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The four charts, each with its text table.
#[component]
pub fn Charts(
    /// Base of the download file names.
    file_base: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Drawn at the width the chart has on screen (redrawn when the window is
    // resized or the colour scheme changes), so labels stay readable on a phone.
    let opts = state.chart;
    let baseline = baseline_results(&state);
    let radar_svg = Memo::new(move |_| {
        let b = baseline.get();
        let o = opts.get();
        state.results.with(|r| match (r.as_ref(), b) {
            (Some(r), Some((_, b))) => radar_compare(r, &b, &o),
            (Some(r), None) => radar(r, &o),
            _ => String::new(),
        })
    });
    let gaps_svg =
        Memo::new(move |_| state.results.with(|r| r.as_ref().map(|r| gap_bars(r, &opts.get())).unwrap_or_default()));
    let heat_svg =
        Memo::new(move |_| state.results.with(|r| r.as_ref().map(|r| heatmap(r, &opts.get())).unwrap_or_default()));
    let obj_svg = Memo::new(move |_| {
        state.results.with(|r| r.as_ref().map(|r| objective_bars(r, &opts.get())).unwrap_or_default())
    });
    let scoped = move || {
        state.results.with(|r| r.as_ref().map(|r| r.in_scope().cloned().collect::<Vec<_>>()).unwrap_or_default())
    };
    let fname = move |suffix: &'static str| Signal::derive(move || format!("{}-{suffix}", file_base.get()));
    view! {
        <div class="charts">
            <ChartFigure id="chart-radar" title="Capability profile" description="Capability index per in-scope process: current against target."
                svg=radar_svg filename=fname("radar")>
                <table class="data-table"><thead><tr><th scope="col">"Process"</th><th scope="col">"Index"</th><th scope="col">"Target"</th></tr></thead>
                <tbody>{move || scoped().into_iter().map(|p| view! { <tr><th scope="row">{p.name.clone()}</th><td class="num">{format!("{:.2}", p.index)}</td><td class="num">{p.target}</td></tr> }).collect_view()}</tbody></table>
            </ChartFigure>
            <ChartFigure id="chart-gaps" title="Gaps by priority" description="From today's index to the target level, most urgent first."
                svg=gaps_svg filename=fname("gaps")>
                <table class="data-table"><thead><tr><th scope="col">"Process"</th><th scope="col">"Index"</th><th scope="col">"Target"</th><th scope="col">"Priority"</th></tr></thead>
                <tbody>{move || {
                    let list: Vec<ProcessResult> = state.results.with(|r| r.as_ref().map(|r| by_priority(r).into_iter().cloned().collect()).unwrap_or_default());
                    list.into_iter().map(|p| view! { <tr><th scope="row">{p.name.clone()}</th><td class="num">{format!("{:.2}", p.index)}</td><td class="num">{p.target}</td><td class="num">{format!("{:.0}", p.priority)}</td></tr> }).collect_view()
                }}</tbody></table>
            </ChartFigure>
            <ChartFigure id="chart-heatmap" title="Process attributes" description="Rating of each process attribute: N, P, L, F, or – when not rated yet."
                svg=heat_svg filename=fname("attributes")>
                <table class="data-table"><thead><tr><th scope="col">"Process"</th>
                    {["PA1.1", "PA2.1", "PA2.2", "PA3.1", "PA3.2", "PA4.1", "PA4.2", "PA5.1", "PA5.2"].map(|a| view! { <th scope="col">{a}</th> }).collect_view()}</tr></thead>
                <tbody>{move || scoped().into_iter().map(|p| view! { <tr><th scope="row">{p.name.clone()}</th>
                    {p.attributes.iter().map(|a| view! { <td class="num">{a.rating.map(|r| r.code()).unwrap_or("–")}</td> }).collect_view()}</tr> }).collect_view()}</tbody></table>
            </ChartFigure>
            <ChartFigure id="chart-objectives" title="Business objectives supported" description="How well the processes each rated objective needs reach their targets."
                svg=obj_svg filename=fname("objectives")>
                <table class="data-table"><thead><tr><th scope="col">"Objective"</th><th scope="col">"Importance"</th><th scope="col">"Support"</th></tr></thead>
                <tbody>{move || state.results.with(|r| r.as_ref().map(|r| r.objectives.iter().map(|o| view! { <tr><th scope="row">{o.name.clone()}</th><td class="num">{o.importance}</td>
                    <td class="num">{o.support.map(|s| format!("{s:.0} %")).unwrap_or_else(|| "no process in scope".into())}</td></tr> }).collect_view()))}</tbody></table>
            </ChartFigure>
        </div>
    }
}

/// Which business objective is IT putting at risk?
#[component]
pub fn BusinessView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name_of = move |pid: &str| {
        state.catalog.with_untracked(|c| c.process(pid).map(|p| p.name.clone()).unwrap_or_else(|| pid.to_string()))
    };
    let items = move || {
        state.results.with(|r| {
            let mut list = r.as_ref().map(|r| r.objectives.clone()).unwrap_or_default();
            crate::domain::sort_stable(&mut list, |a, b| a.support.unwrap_or(101.0).total_cmp(&b.support.unwrap_or(101.0)).then(b.importance.cmp(&a.importance)));
            list.into_iter()
                .map(|o| {
                    let pct = o.support.unwrap_or(0.0);
                    let level = if o.support.is_none() { "none" } else if pct < 40.0 { "low" } else if pct < 70.0 { "mid" } else { "high" };
                    let weakest = o.weakest.iter().map(|p| name_of(p)).collect::<Vec<_>>().join(", ");
                    view! {
                        <li class=format!("objective-support support-{level}") data-objective=o.id.clone()>
                            <div class="os-head">
                                <strong>{o.name.clone()}</strong>
                                <span class="muted os-imp">{format!("importance {} of 5", o.importance)}</span>
                                <span class="os-pct num">{o.support.map(|s| format!("{s:.0} %")).unwrap_or_else(|| "–".into())}</span>
                            </div>
                            <span class="meter wide" aria-hidden="true"><span style=format!("width: {pct:.0}%")></span></span>
                            <p class="muted small">{if o.support.is_none() {
                                "None of the processes it needs is in scope.".to_string()
                            } else if weakest.is_empty() {
                                "Every process it needs has reached its target.".to_string()
                            } else {
                                format!("Weakest: {weakest}")
                            }}</p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="business-heading" id="business-view">
            <h2 id="business-heading">"Business view"</h2>
            <p class="muted">"How well each rated objective is supported: the relevance-weighted share of target capability its processes reach. Lowest first: these are the objectives IT is putting at risk."</p>
            <ul class="support-list">{items}</ul>
        </section>
    }
}

/// The roadmap in three horizons.
#[component]
pub fn Roadmap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let column = move |h: Horizon| {
        state.results.with(|r| {
            let Some(r) = r.as_ref() else { return Vec::new() };
            r.roadmap
                .iter()
                .filter(|s| s.horizon == h)
                .map(|s| {
                    let p = r.process(&s.process).cloned();
                    let (pname, serves) = p.as_ref().map(|p| (p.name.clone(), p.serves().join(", "))).unwrap_or_default();
                    let actions = state.catalog.with_untracked(|c| {
                        let qs = c.process(&s.process).map(|proc_| c.questions_for(proc_, false)).unwrap_or_default();
                        s.actions
                            .iter()
                            .map(|a| {
                                let q = qs.iter().find(|q| q.id == a.question);
                                let text = q.map(|q| if a.to_assess { format!("Find out: {}", q.text) } else { q.action.clone() }).unwrap_or_default();
                                (text, a.to_assess, a.attribute)
                            })
                            .collect::<Vec<_>>()
                    });
                    let count = actions.len();
                    view! {
                        <li class="road-step" data-process=s.process.clone() data-level=s.level>
                            <div class="road-head"><strong>{pname}</strong><span class="tag">{format!("→ level {}", s.level)}</span></div>
                            {(!serves.is_empty()).then(|| view! { <p class="muted small">"Serves: "{serves}</p> })}
                            {if count == 0 {
                                view! { <p class="small">"The answers already meet this level; it is reached once the levels below are complete."</p> }.into_any()
                            } else {
                                view! { <ul class="actions-list">{actions.into_iter().map(|(t, assess, attr)| view! {
                                    <li class:to-assess=assess><span class="tag tag-attr">{attr}</span>" "{t}</li>
                                }).collect_view()}</ul> }.into_any()
                            }}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let col = move |h: Horizon, intro: &'static str| {
        let items = column(h);
        let empty = items.is_empty();
        view! {
            <section class="road-col" aria-labelledby=format!("road-{}", h.label().to_lowercase()) id=format!("roadmap-{}", h.label().to_lowercase())>
                <h3 id=format!("road-{}", h.label().to_lowercase())>{h.label()}</h3>
                <p class="muted small">{intro}</p>
                {if empty { view! { <p class="muted">"Nothing here."</p> }.into_any() } else { view! { <ol>{items}</ol> }.into_any() }}
            </section>
        }
    };
    view! {
        <section class="card" aria-labelledby="roadmap-heading" id="roadmap">
            <h2 id="roadmap-heading">"Roadmap"</h2>
            <p class="muted">"One step per capability level still to reach, most urgent first. A process's next level always comes before the one after it."</p>
            <div class="roadmap">
                {move || col(Horizon::Now, "The next level of each process below target.")}
                {move || col(Horizon::Next, "The level after that.")}
                {move || col(Horizon::Later, "Further levels up to the target.")}
            </div>
        </section>
    }
}

/// Questions to follow up: "don't know" and unanswered.
#[component]
fn FollowUp() -> impl IntoView {
    let state = expect_context::<AppState>();
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
                                let href = format!("/a/{}/process/{}", aid(), p.id);
                                view! { <li data-process=p.id.clone()><a href=href>{p.name.clone()}</a>
                                {format!(": {open} unanswered, {dk} “don't know”")}</li> }
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
                    view! { <p class="muted">"Questions to answer or find out before the results are final:"</p><ul>{list}</ul> }.into_any()
                }
            }}
        </section>
    }
}
