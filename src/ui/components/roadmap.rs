//! The roadmap in three horizons (Now, Next, Later), each foldable: the shared
//! initiatives that start in each horizon (one generic action done once for
//! several processes), then each process's own steps, each with its plan. On
//! the results page (Now unfolded) and the report (all unfolded).

use crate::domain::assessment::{initiative_key, step_key};
use crate::domain::catalog::Effort;
use crate::domain::results::{Horizon, Initiative, Results, RoadmapStep};
use crate::domain::roadmap::{later_line, shared_line};
use crate::ui::components::plan::PlanEditor;
use crate::ui::state::Session;
use leptos::prelude::*;

/// The roadmap in three horizons, each folded into its heading except Now
/// (all open with `all_open`: the report, which prints them).
#[component]
pub fn Roadmap(
    /// Every horizon open (the report).
    #[prop(optional)]
    all_open: bool,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let lines = move || state.results.with(|r| r.as_ref().map(Results::action_lines).unwrap_or(0));
    view! {
        <section class="card" aria-labelledby="roadmap-heading" id="roadmap">
            <h2 id="roadmap-heading">"Roadmap"</h2>
            <p class="muted">
                "One step per capability level still to reach, highest priority first; a process's next level always comes before the one after it. "
                "Work that several processes need in the same form is one shared initiative, listed once at the top of its horizon."
            </p>
            <p class="muted small" id="roadmap-lines">
                {move || {
                    format!(
                        "{} actions in all. The tag beside an action is its effort for one process: days, weeks or months.",
                        lines(),
                    )
                }}
            </p>
            <div class="roadmap">
                <RoadColumn horizon=Horizon::Now open=true intro="The next level of each process below target." />
                <RoadColumn horizon=Horizon::Next open=all_open intro="The level after that." />
                <RoadColumn horizon=Horizon::Later open=all_open intro="Further levels up to the target." />
            </div>
        </section>
    }
}

/// One horizon: its initiatives, then its steps.
#[component]
fn RoadColumn(
    /// Which horizon.
    horizon: Horizon,
    /// Shown unfolded at first.
    open: bool,
    /// One line on what it holds.
    intro: &'static str,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let slug = horizon.label().to_lowercase();
    // A memo: a change that leaves this horizon as it was (a plan entry, an
    // answer elsewhere) does not redraw its steps, so an open plan stays open.
    let content = Memo::new(move |_| {
        state.results.with(|r| {
            let Some(r) = r.as_ref() else { return (Vec::new(), Vec::new()) };
            // Numbered in the order of the whole roadmap, so a step can refer to them.
            let initiatives: Vec<(usize, Initiative, Option<String>)> =
                r.initiatives_in(horizon).map(|(n, i)| (n, i.clone(), later_line(r, i))).collect();
            let steps: Vec<(RoadmapStep, String, Option<String>)> = r
                .roadmap
                .iter()
                .filter(|s| s.horizon == horizon)
                .map(|s| {
                    let serves = r.process(&s.process).map(|p| p.serves().join(", ")).unwrap_or_default();
                    let shared = shared_line(r, s);
                    (s.clone(), serves, shared)
                })
                .collect();
            (initiatives, steps)
        })
    });
    let count = move || {
        state.results.with(|r| {
            let Some(r) = r.as_ref() else { return String::new() };
            let i = r.initiatives_in(horizon).count();
            let s = r.roadmap.iter().filter(|s| s.horizon == horizon).count();
            let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
            match (i, s) {
                (0, 0) => "nothing".into(),
                (0, s) => plural(s, "step", "steps"),
                (i, s) => {
                    format!("{}, {}", plural(i, "shared initiative", "shared initiatives"), plural(s, "step", "steps"))
                }
            }
        })
    };
    // A folded horizon's steps are drawn when it is first opened.
    let shown = RwSignal::new(open);
    view! {
        <details class="road-col" open=open id=format!("roadmap-{slug}") on:toggle=move |_| shown.set(true)>
            <summary>
                <h3 id=format!("road-{slug}")>{horizon.label()}</h3>
                <span class="muted small road-count">{count}</span>
            </summary>
            <p class="muted small">{intro}</p>
            {move || {
                if !shown.get() {
                    return ().into_any();
                }
                let (initiatives, steps) = content.get();
                if initiatives.is_empty() && steps.is_empty() {
                    return view! { <p class="muted">"Nothing here."</p> }.into_any();
                }
                view! {
                    <ol>
                        {initiatives
                            .into_iter()
                            .map(|(n, i, later)| view! { <RoadInitiative n=n i=i later=later /> })
                            .collect_view()}
                        {steps
                            .into_iter()
                            .map(|(s, serves, shared)| view! { <RoadStep s=s serves=serves shared=shared /> })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </details>
    }
}

/// A shared initiative: the action once, and the processes it serves.
#[component]
fn RoadInitiative(
    /// Its number in the roadmap (steps refer to it as "#n").
    n: usize,
    /// The initiative.
    i: Initiative,
    /// Who does the same work in a later horizon ([`Results::later_line`]).
    later: Option<String>,
) -> impl IntoView {
    view! {
        <li class="road-step road-initiative" data-initiative=i.id.clone()>
            <div class="road-head">
                <strong>
                    <span class="sr-only">"Shared initiative "</span>
                    {format!("#{n} {}", i.title)}
                </strong>
                <span class="tag" title="Work several processes need in the same form, done once">
                    "shared"
                </span>
                <span class="tag tag-attr" title=i.attribute.plain()>
                    {i.attribute.id()}
                </span>
                <span class="tag">{format!("{} processes", i.processes.len())}</span>
                <EffortTag effort=i.effort each=true />
            </div>
            <p class="small">{i.text.clone()}</p>
            <p class="muted small">"For: "{i.served()}</p>
            {later.map(|l| view! { <p class="muted small road-later">{l}</p> })}
            <PlanEditor item=initiative_key(&i.id) label=format!("shared initiative #{n}, {}", i.title) />
        </li>
    }
}

/// One process's step to its next level: its own actions and the initiatives it joins.
#[component]
fn RoadStep(
    /// The step.
    s: RoadmapStep,
    /// The objectives the process serves, in words.
    serves: String,
    /// The shared initiatives this step's work is part of ([`shared_line`]).
    shared: Option<String>,
) -> impl IntoView {
    let own = !s.actions.is_empty();
    view! {
        <li class="road-step" data-process=s.process.clone() data-level=s.level>
            <div class="road-head">
                <strong>{s.process_name.clone()}</strong>
                <span class="tag">{format!("→ level {}", s.level)}</span>
            </div>
            {(!serves.is_empty()).then(|| view! { <p class="muted small">"Serves: "{serves}</p> })}
            {own
                .then(|| {
                    view! {
                        <ul class="actions-list">
                            {s
                                .actions
                                .iter()
                                .map(|a| {
                                    view! {
                                        <li class:to-assess=a.to_assess>
                                            <span class="tag tag-attr">{a.attribute.id()}</span>
                                            " "
                                            {a.text.clone()}
                                            <EffortTag effort=a.effort />
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            {shared.map(|line| view! { <p class="muted small road-shared">{line}</p> })}
            <PlanEditor item=step_key(&s.process, s.level) label=format!("{}, level {}", s.process_name, s.level) />
        </li>
    }
}

/// The size of an action's work as a small neutral tag ("days", "weeks",
/// "months": never a letter or colour a rating uses), named in full for screen readers.
#[component]
fn EffortTag(
    /// The catalog's effort, if given.
    effort: Option<Effort>,
    /// The effort of shared work, per process ("days each"), never its total.
    #[prop(optional)]
    each: bool,
) -> impl IntoView {
    effort.map(|e| {
        let (text, words) = if each {
            (format!("{} each", e.span()), format!("{} for each process", e.label()))
        } else {
            (e.span().to_string(), e.label().to_string())
        };
        view! {
            <span
                class=format!("tag tag-effort effort-{}", e.code().to_lowercase())
                title=words.clone()
                aria-label=words
            >
                {text}
            </span>
        }
    })
}
