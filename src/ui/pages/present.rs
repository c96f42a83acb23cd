//! Presenter view for a projector: a storyline from the title to the next
//! steps — context and objectives, the picture at a glance, where the gaps
//! are, what they put at risk, the top priorities, the plan for now, the top
//! processes one slide each, what to discuss, and what happens next. Levels
//! are named in words; type follows the screen (1280×720 up to 1920×1080, and
//! a phone). Keys: → / Space / PageDown next, ← / PageUp previous, Home /
//! End, Esc leaves.

use crate::domain::plan::executive_summary;
use crate::domain::results::{Horizon, ProcessResult, Results, SupportBand};
use crate::domain::workshop::discuss_list;
use crate::domain::{Assessment, Catalog};
use crate::ui::components::distribution::Distribution;
use crate::ui::route::{use_navigate, Step};
use crate::ui::state::Session;
use leptos::prelude::*;

/// How many processes get a slide of their own.
const PROCESS_SLIDES: usize = 3;

/// One slide of the storyline.
#[derive(Debug, Clone, PartialEq)]
enum Slide {
    Title,
    Context,
    Glance,
    Gaps,
    Business,
    Priorities,
    Plan,
    Process(String),
    Discuss,
    Next,
}

impl Slide {
    /// The slide's name in the page (`data-slide`).
    fn id(&self) -> &'static str {
        match self {
            Slide::Title => "title",
            Slide::Context => "context",
            Slide::Glance => "glance",
            Slide::Gaps => "gaps",
            Slide::Business => "business",
            Slide::Priorities => "priorities",
            Slide::Plan => "plan",
            Slide::Process(_) => "process",
            Slide::Discuss => "discuss",
            Slide::Next => "next",
        }
    }
}

/// The processes that most need work: by priority, those below target first.
fn top_processes(r: &Results) -> Vec<&ProcessResult> {
    let mut list: Vec<&ProcessResult> = r.in_scope_by_priority().into_iter().filter(|p| p.gap > 0).collect();
    if list.is_empty() {
        list = r.in_scope_by_priority();
    }
    list.truncate(PROCESS_SLIDES);
    list
}

/// The slides for these results, in story order.
fn storyline(r: &Results) -> Vec<Slide> {
    let mut v = vec![Slide::Title, Slide::Context, Slide::Glance, Slide::Gaps];
    if r.objectives.iter().any(|o| o.support.is_some()) {
        v.push(Slide::Business);
    }
    v.extend([Slide::Priorities, Slide::Plan]);
    v.extend(top_processes(r).into_iter().map(|p| Slide::Process(p.id.clone())));
    v.extend([Slide::Discuss, Slide::Next]);
    v
}

/// "Level 1 · Performed", from the catalog when it is loaded.
fn words(state: Session, level: u8) -> String {
    state.with_catalog_untracked(|c: &Catalog| c.level_words(level)).unwrap_or_else(|| format!("Level {level}"))
}

/// "Established", the level's name alone (or "level 3" without a catalog name).
fn level_name(state: Session, level: u8) -> String {
    state
        .with_catalog_untracked(|c: &Catalog| c.level_name(level))
        .flatten()
        .unwrap_or_else(|| format!("level {level}"))
}

/// The presenter view.
#[component]
pub fn PresentPage() -> impl IntoView {
    let state = expect_context::<Session>();
    let navigate = use_navigate();
    let slide = RwSignal::new(0usize);
    let slides = Memo::new(move |_| state.results.with(|r| r.as_ref().map(storyline).unwrap_or_default()));
    let total = move || slides.with(Vec::len).max(1);
    let aid = move || state.assessment.with_untracked(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    let nav = navigate.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let last = total().saturating_sub(1);
        match ev.key().as_str() {
            "ArrowRight" | " " | "PageDown" => slide.update(|s| *s = (*s + 1).min(last)),
            "ArrowLeft" | "PageUp" => slide.update(|s| *s = s.saturating_sub(1)),
            "Home" => slide.set(0),
            "End" => slide.set(last),
            "Escape" => {
                nav(&Step::Results.href(&aid()), Default::default());
                return;
            }
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let fullscreen = move |_| {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            // Full screen is a nicety; without it the view still fills the window.
            let _ = el.request_fullscreen();
        }
    };
    let body = move || {
        let current = slides.with(|s| s.get(slide.get()).cloned()).unwrap_or(Slide::Title);
        let id = current.id();
        let inner = match current {
            Slide::Title => view! { <TitleSlide /> }.into_any(),
            Slide::Context => view! { <ContextSlide /> }.into_any(),
            Slide::Glance => view! { <GlanceSlide /> }.into_any(),
            Slide::Gaps => view! { <GapsSlide /> }.into_any(),
            Slide::Business => view! { <BusinessSlide /> }.into_any(),
            Slide::Priorities => view! { <PrioritiesSlide /> }.into_any(),
            Slide::Plan => view! { <PlanSlide /> }.into_any(),
            Slide::Process(pid) => view! { <ProcessSlide pid=pid /> }.into_any(),
            Slide::Discuss => view! { <DiscussSlide /> }.into_any(),
            Slide::Next => view! { <NextSlide /> }.into_any(),
        };
        view! {
            <article class="slide" data-slide=id>
                {inner}
            </article>
        }
    };
    let nav2 = navigate.clone();
    view! {
        <div class="presenter" id="presenter" role="region" aria-label="Presenter view" aria-roledescription="slides">
            <div class="presenter-bar">
                <span class="presenter-title">
                    {move || state.assessment.with(|a| a.as_ref().map(title_of).unwrap_or_default())}
                </span>
                <button
                    class="pbtn pnav"
                    id="prev-slide"
                    aria-label="Previous slide"
                    disabled=move || slide.get() == 0
                    on:click=move |_| slide.update(|s| *s = s.saturating_sub(1))
                >
                    "‹"
                </button>
                <span class="presenter-count" id="slide-count" aria-live="polite">
                    {move || format!("{} / {}", slide.get() + 1, total())}
                </span>
                <button
                    class="pbtn pnav"
                    id="next-slide"
                    aria-label="Next slide"
                    disabled=move || { slide.get() + 1 >= total() }
                    on:click=move |_| slide.update(|s| *s = (*s + 1).min(total().saturating_sub(1)))
                >
                    "›"
                </button>
                <button class="pbtn pfull" on:click=fullscreen>
                    "Full screen"
                </button>
                <button
                    class="pbtn"
                    id="leave-presenter"
                    on:click=move |_| nav2(&Step::Results.href(&aid()), Default::default())
                >
                    "Leave (Esc)"
                </button>
            </div>
            <div class="presenter-slide" tabindex="0" role="region" aria-label="Current slide">
                {body}
            </div>
            <div class="presenter-help">"← → or Space to move · Home / End · Esc to leave"</div>
        </div>
    }
}

/// "Organization — assessment", without repeating the organization.
fn title_of(a: &Assessment) -> String {
    if a.organization.name.is_empty() || a.name.starts_with(&a.organization.name) {
        a.name.clone()
    } else {
        format!("{} — {}", a.organization.name, a.name)
    }
}

#[component]
fn TitleSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let (name, org, by, facts) = state.assessment.with_untracked(|a| {
        let Some(a) = a.as_ref() else { return Default::default() };
        let unit = a.organization.unit.trim();
        let org =
            if unit.is_empty() { a.organization.name.clone() } else { format!("{} · {unit}", a.organization.name) };
        let mut by = Vec::new();
        if !a.date.is_empty() {
            by.push(format!("Assessed {}", a.date));
        }
        if !a.assessor.trim().is_empty() {
            by.push(format!("by {}", a.assessor.trim()));
        }
        // The organization once: the title often starts with it.
        let org = if a.name.starts_with(&a.organization.name) && unit.is_empty() { String::new() } else { org };
        let processes = state.results.with_untracked(|r| r.as_ref().map_or(0, |r| r.in_scope().count()));
        let people = a.participants.iter().filter(|p| !p.answers.is_empty()).count().max(1);
        let facts = format!(
            "{processes} IT service management processes · answers from {people} {}",
            if people == 1 { "person" } else { "people" }
        );
        (a.name.clone(), org, by.join(" "), facts)
    });
    view! {
        <p class="slide-kicker">"IT service management capability"</p>
        <h1 class="slide-title slide-hero">{name}</h1>
        {(!org.is_empty()).then(|| view! { <p class="slide-lede">{org}</p> })}
        <p class="slide-serves">{by}</p>
        <p class="slide-serves">{facts}</p>
    }
}

#[component]
fn ContextSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let (context, facts, services) = state.assessment.with_untracked(|a| {
        let Some(a) = a.as_ref() else { return Default::default() };
        let o = &a.organization;
        let facts = [o.sector.clone(), o.size.map(|s| s.label().to_string()).unwrap_or_default()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let services = a.services.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        (o.context.clone(), facts, services)
    });
    let mut objectives: Vec<(String, u8)> = state.results.with_untracked(|r| {
        r.as_ref()
            .map(|r| r.objectives.iter().filter(|o| o.importance > 0).map(|o| (o.name.clone(), o.importance)).collect())
            .unwrap_or_default()
    });
    crate::domain::sort_stable(&mut objectives, |a, b| b.1.cmp(&a.1));
    let more = objectives.len().saturating_sub(5);
    objectives.truncate(5);
    view! {
        <h1 class="slide-title">"Context and objectives"</h1>
        {(!facts.is_empty()).then(|| view! { <p class="slide-kicker">{facts}</p> })}
        {(!context.trim().is_empty()).then(|| view! { <p class="slide-context">{context}</p> })}
        <h2 class="slide-h2">"What the business wants"</h2>
        <ul class="slide-list">
            {objectives
                .into_iter()
                .map(|(n, i)| {
                    view! { <li>{n} <span class="slide-dim">{format!(" · importance {i} of 5")}</span></li> }
                })
                .collect_view()} {(more > 0).then(|| view! { <li class="slide-dim">{format!("and {more} more")}</li> })}
        </ul>
        {(!services.is_empty())
            .then(|| {
                view! { <p class="slide-serves">{format!("IT services it depends on: {}", services.join(" · "))}</p> }
            })}
    }
}

#[component]
fn GlanceSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let s = state.results.with_untracked(|r| {
        state.assessment.with_untracked(|a| r.as_ref().zip(a.as_ref()).map(|(r, a)| executive_summary(a, r)))
    });
    let Some(s) = s else { return ().into_any() };
    let floor = s.floor_level.map_or_else(|| "–".to_string(), |l| format!("Level {l}"));
    let floor_name = s.floor_level.map(|l| level_name(state, l));
    let weakest = match &s.weakest {
        None => "the floor level".to_string(),
        Some(w) if w.at_level == 1 => format!("the floor level: {}", w.name),
        Some(w) if w.target > w.level => {
            format!("the floor level, held by {} processes; highest priority: {}", w.at_level, w.name)
        }
        Some(w) => format!("the floor level, held by {} processes", w.at_level),
    };
    let risks = s
        .at_risk
        .iter()
        .map(|o| {
            view! {
                <li>
                    <strong>{o.name.clone()}</strong>
                    {format!(" — {} ({:.0} %)", o.band.label(), o.support)}
                </li>
            }
        })
        .collect_view();
    view! {
        <h1 class="slide-title">"At a glance"</h1>
        <div class="slide-tiles">
            <div class="tile">
                <span class="tile-big">{floor} {floor_name.map(|n| view! { <span class="tile-sub">{n}</span> })}</span>
                <span class="tile-label">{weakest}</span>
            </div>
            <div class="tile">
                <span class="tile-big">{format!("{} of {}", s.at_target, s.with_target)}</span>
                <span class="tile-label">"processes with a target meet it"</span>
            </div>
            <div class="tile">
                <span class="tile-big">{crate::domain::results::percent_text(s.completion)}</span>
                <span class="tile-label">"of the questions answered"</span>
            </div>
        </div>
        {(!s.at_risk.is_empty())
            .then(|| {
                view! {
                    <h2 class="slide-h2">"Objectives least supported"</h2>
                    <ul class="slide-list">{risks}</ul>
                }
            })}
        {(s.completion < 1.0)
            .then(|| view! { <p class="slide-dim">"Provisional: not every question is answered yet."</p> })}
    }
    .into_any()
}

/// One bar of the gaps slide: where a process is on 0–5 and where its target is.
#[component]
fn GapRow(p: ProcessResult) -> impl IntoView {
    let state = expect_context::<Session>();
    // "0 → 3 · Established": today's level, the target, and the target's name.
    let label = if p.target == 0 {
        format!("{} · no target", p.level)
    } else {
        format!("{} → {} · {}", p.level, p.target, level_name(state, p.target))
    };
    let fill = (p.index / 5.0 * 100.0).clamp(0.0, 100.0);
    let mark = (p.target as f64 / 5.0 * 100.0).clamp(0.0, 100.0);
    view! {
        <li class="gap-row" data-process=p.id.clone()>
            <span class="gap-name">{p.name.clone()}</span>
            <span class="gap-bar" aria-hidden="true">
                <span class="gap-fill" style=format!("width: {fill:.0}%")></span>
                {(p.target > 0).then(|| view! { <span class="gap-target" style=format!("left: {mark:.0}%")></span> })}
            </span>
            <span class="gap-words nowrap" title=format!("Today {}", words(state, p.level))>
                {label}
            </span>
        </li>
    }
}

#[component]
fn GapsSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let list: Vec<ProcessResult> = state.results.with_untracked(|r| {
        r.as_ref().map(|r| r.in_scope_by_priority().into_iter().cloned().collect()).unwrap_or_default()
    });
    // Eight rows fit a 720p slide: a ninth is counted instead of drawn.
    let shown = if list.len() <= 8 { 8 } else { 7 };
    let more = list.len().saturating_sub(shown);
    let rows = if list.len() <= 3 { "gap-rows few" } else { "gap-rows" };
    view! {
        <h1 class="slide-title">"Where the gaps are"</h1>
        <p class="slide-dim">
            "Each process on the scale 0–5: the bar is its capability index, the line its target (today → target · the target's name); highest priority first."
        </p>
        <ol class=rows>{list.into_iter().take(shown).map(|p| view! { <GapRow p=p /> }).collect_view()}</ol>
        {(more > 0).then(|| view! { <p class="slide-dim">{format!("and {more} more, closer to their targets")}</p> })}
    }
}

#[component]
fn BusinessSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let rows: Vec<(String, u8, f64, SupportBand, Vec<String>)> = state.results.with_untracked(|r| {
        let Some(r) = r.as_ref() else { return Vec::new() };
        let name = |pid: &String| r.process(pid).map_or_else(|| pid.clone(), |p| p.name.clone());
        r.objectives_by_weight()
            .into_iter()
            .filter_map(|o| {
                let s = o.support?;
                Some((
                    o.name.clone(),
                    o.importance,
                    s,
                    SupportBand::of(s),
                    o.weakest.iter().take(3).map(name).collect(),
                ))
            })
            .take(5)
            .collect()
    });
    let few = rows.len() <= 3;
    view! {
        <h1 class="slide-title">"What the gaps put at risk"</h1>
        <p class="slide-dim">"The business objectives, where importance and missing support weigh most first."</p>
        <ol class=if few {
            "gap-rows business-rows few"
        } else {
            "gap-rows business-rows"
        }>
            {rows
                .into_iter()
                .map(|(n, imp, s, band, weakest)| {
                    let by = if weakest.is_empty() {
                        band.label().to_string()
                    } else {
                        format!("weakest: {}", weakest.join(", "))
                    };
                    view! {
                        <li class=format!("gap-row support-{}", band.class())>
                            <span class="gap-name">
                                {n}" "<span class="slide-dim nowrap">{format!("· importance {imp}")}</span>
                            </span>
                            <span class="gap-bar" aria-hidden="true">
                                <span class="gap-fill" style=format!("width: {s:.0}%")></span>
                            </span>
                            <span class="gap-words">
                                <span class="nowrap">{format!("{s:.0} % supported")}</span>
                                <span class="gap-by">{by}</span>
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

#[component]
fn PrioritiesSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let top: Vec<ProcessResult> = state
        .results
        .with_untracked(|r| r.as_ref().map(|r| top_processes(r).into_iter().cloned().collect()).unwrap_or_default());
    view! {
        <h1 class="slide-title">"Top priorities"</h1>
        <ol class="slide-priorities">
            {top
                .into_iter()
                .map(|p| {
                    let serves = p.serves().into_iter().take(2).collect::<Vec<_>>().join(" · ");
                    let gap = match p.gap {
                        g if g <= 0 => "at target".to_string(),
                        1 => "one level below target".to_string(),
                        g => format!("{g} levels below target"),
                    };
                    view! {
                        <li data-process=p.id.clone()>
                            <strong>{p.name.clone()}</strong>
                            <span class="slide-dim">{format!(" — {}, {gap}", words(state, p.level))}</span>
                            {(!serves.is_empty())
                                .then(|| {
                                    view! { <span class="slide-serves-line">{format!("Serves: {serves}")}</span> }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// A step that starts now: its process, the level it aims for, and its plan
/// when someone owns it.
struct NowStep {
    name: String,
    level: u8,
    plan: Option<crate::domain::assessment::PlanEntry>,
}

/// The steps that start now with their plan (owner, status, due date), in
/// the roadmap's order (most urgent first: the order of the summary's first steps).
fn now_steps(state: Session) -> Vec<NowStep> {
    let plan = state.assessment.with_untracked(|a| a.as_ref().map(|a| a.plan.clone()).unwrap_or_default());
    state.results.with_untracked(|r| {
        r.as_ref()
            .map(|r| {
                r.roadmap
                    .iter()
                    .filter(|s| s.horizon == Horizon::Now)
                    .map(|s| NowStep {
                        name: s.process_name.clone(),
                        level: s.level,
                        plan: plan
                            .get(&crate::domain::assessment::step_key(&s.process, s.level))
                            .filter(|p| !p.owner.trim().is_empty())
                            .cloned(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Most rows the plan slide gives steps with an owner; the rest are counted and in the report.
const PLAN_ROWS: usize = 6;
/// Most steps named on the plan slide's "No owner yet" line.
const UNOWNED_NAMED: usize = 6;

/// "No owner yet: Software development and management → 2, Problem management → 1 and 2 more",
/// the steps of `unowned` in one line.
fn unowned_line(unowned: &[NowStep]) -> String {
    let named: Vec<String> =
        unowned.iter().take(UNOWNED_NAMED).map(|s| format!("{}\u{a0}→ level\u{a0}{}", s.name, s.level)).collect();
    let rest = unowned.len().saturating_sub(UNOWNED_NAMED);
    let tail = if rest > 0 { format!(" and {rest} more") } else { String::new() };
    format!("No owner yet: {}{tail}", named.join(", "))
}

#[component]
fn PlanSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let (owned, unowned): (Vec<NowStep>, Vec<NowStep>) = now_steps(state).into_iter().partition(|s| s.plan.is_some());
    let shared = state.results.with_untracked(|r| r.as_ref().map_or(0, |r| r.initiatives_in(Horizon::Now).count()));
    // The shared work of Now that has an owner, one line each.
    let planned: Vec<String> = state.results.with_untracked(|r| {
        state.assessment.with_untracked(|a| {
            let (Some(r), Some(a)) = (r.as_ref(), a.as_ref()) else { return Vec::new() };
            r.initiatives_in(Horizon::Now)
                .filter_map(|(_, i)| {
                    let e = a.plan.get(&crate::domain::assessment::initiative_key(&i.id))?;
                    (!e.owner.trim().is_empty()).then(|| {
                        let n = i.processes.len();
                        format!("Shared by {n} process{}: {} · {}", if n == 1 { "" } else { "es" }, i.title, e.line())
                    })
                })
                .collect()
        })
    });
    let unplanned = shared - planned.len();
    // A line of shared work takes the place of a step row, so the slide still fits.
    let rows = PLAN_ROWS - planned.len().min(2);
    let more = owned.len().saturating_sub(rows);
    let nothing = owned.is_empty() && unowned.is_empty();
    view! {
        <h1 class="slide-title">"The plan: what starts now"</h1>
        {nothing
            .then(|| {
                view! { <p class="slide-serves">"Nothing needs to start now: every process meets its target."</p> }
            })}
        <table class="slide-table" id="plan-slide-steps">
            <tbody>
                {owned
                    .into_iter()
                    .take(rows)
                    .map(|s| {
                        let what = format!("{} → {}", s.name, words(state, s.level).replace(' ', "\u{a0}"));
                        let who = s.plan.map(|p| p.line()).unwrap_or_default();
                        // The level's words stay together: no "Level 1 ·" at a line's end.
                        view! {
                            <tr>
                                <th scope="row">{what}</th>
                                <td class="slide-dim">
                                    <NoWrapDates text=who />
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        {(more > 0)
            .then(|| {
                view! {
                    <p class="slide-dim slide-small">
                        {format!("and {more} more step{} with an owner, listed in the report", plural(more))}
                    </p>
                }
            })}
        {(!unowned.is_empty())
            .then(|| {
                view! {
                    <p class="slide-unowned" id="plan-slide-unowned">
                        {unowned_line(&unowned)}
                    </p>
                }
            })}
        {(!planned.is_empty())
            .then(|| {
                view! {
                    <ul class="slide-shared" id="plan-slide-shared">
                        {planned
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <li>
                                        <NoWrapDates text=l />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
        {(unplanned > 0)
            .then(|| {
                view! {
                    <p class="slide-dim slide-small">
                        {format!(
                            "Much of this work is done once for several processes: {unplanned} {}shared initiative{} without an owner yet, listed in the report.",
                            if unplanned < shared { "more " } else { "" },
                            plural(unplanned),
                        )}
                    </p>
                }
            })}
    }
}

/// "s" for a count other than one.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Text with its ISO dates kept on one line (a date never breaks at its hyphens).
#[component]
pub fn NoWrapDates(
    /// The text.
    text: String,
) -> impl IntoView {
    crate::ui::util::date_runs(&text)
        .into_iter()
        .map(
            |(part, is_date)| {
                if is_date {
                    view! { <span class="nowrap">{part}</span> }.into_any()
                } else {
                    part.into_any()
                }
            },
        )
        .collect_view()
}

#[component]
fn ProcessSlide(pid: String) -> impl IntoView {
    let state = expect_context::<Session>();
    let Some(p) = state.results.with_untracked(|r| r.as_ref().and_then(|r| r.process(&pid).cloned())) else {
        return ().into_any();
    };
    let now: Vec<String> = state.results.with_untracked(|r| {
        let Some(r) = r.as_ref() else { return Vec::new() };
        r.steps_of(&p.id)
            .filter(|s| s.horizon == Horizon::Now)
            .flat_map(|s| s.actions.iter())
            .filter(|a| !a.to_assess)
            .map(|a| a.text.clone())
            .take(2)
            .collect()
    });
    let names = state.with_catalog_untracked(|c| c.attributes.clone()).unwrap_or_default();
    // Two objectives fit one line on a projector; the rest are counted.
    let all = p.serves();
    let mut serves = all.iter().take(2).map(|s| s.to_string()).collect::<Vec<_>>().join(" · ");
    if all.len() > 2 {
        serves.push_str(&format!(" · and {} more", all.len() - 2));
    }
    let target = if p.target == 0 { "no target".to_string() } else { words(state, p.target) };
    // The practices up to the target (at least level 1): what nobody aims for is not a wall of red.
    let reach = p.target.max(p.level).max(1);
    view! {
        <div data-process=p.id.clone()>
            <h1 class="slide-title">{p.name.clone()}</h1>
            {(!serves.is_empty()).then(|| view! { <p class="slide-serves">"Serves: "{serves}</p> })}
            <div class="slide-figures">
                <div>
                    <span class="big">{words(state, p.level)}</span>
                    <span class="label">"today"</span>
                </div>
                <div>
                    <span class="big">{target}</span>
                    <span class="label">"target"</span>
                </div>
                <div>
                    <span class="big">{format!("{} of 5", crate::charts::index_text(p.index))}</span>
                    <span class="label">"capability index (0–5)"</span>
                </div>
            </div>
            <div
                class="slide-attrs"
                style=format!("--attrs: {}", p.attributes.iter().filter(|a| a.attribute.level() <= reach).count())
                aria-label="How each practice is rated, up to the target level"
            >
                {p
                    .attributes
                    .iter()
                    .filter(|a| a.attribute.level() <= reach)
                    .map(|a| {
                        let r = a.rating.map(|r| r.code()).unwrap_or("–");
                        let name = format!("Level {} · {}", a.attribute.level(), a.attribute.plain());
                        let title = names
                            .iter()
                            .find(|n| n.id == a.attribute.id())
                            .map_or_else(
                                || a.attribute.id().to_string(),
                                |n| format!("{} {}", a.attribute.id(), n.name),
                            );
                        view! {
                            <div class=format!("attr attr-{}", r.to_lowercase().replace('–', "u")) title=title>
                                <span class="attr-id">{name}</span>
                                <span class="attr-r">{r}</span>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            {(reach < 5)
                .then(|| {
                    view! {
                        <p class="slide-dim slide-small">
                            {format!("Levels {} to 5 are beyond the target and not shown.", reach + 1)}
                        </p>
                    }
                })}
            <RatingLegend />
            {(!now.is_empty())
                .then(|| {
                    view! {
                        <div class="slide-now">
                            <h2>"Now"</h2>
                            <ul>{now.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
                        </div>
                    }
                })}
        </div>
    }
    .into_any()
}

#[component]
fn DiscussSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    // The questions still open (an agreed one is settled), as the next-steps slide counts them.
    let all = state.results.with_untracked(|r| r.as_ref().map(discuss_list).unwrap_or_default());
    let agreed = all.iter().filter(|d| d.agreed).count();
    let items: Vec<_> = all.into_iter().filter(|d| !d.agreed).collect();
    let people = state.assessment.with_untracked(|a| a.as_ref().map(|a| a.participants.len()).unwrap_or(1));
    let body = if people < 2 {
        view! {
            <p class="slide-serves">
                "One set of answers so far: import the participants' answers to see where people disagree."
            </p>
        }
        .into_any()
    } else if items.is_empty() {
        let text = if agreed > 0 {
            format!("Every question where people disagreed has an agreed answer ({agreed}).")
        } else {
            "Everyone agrees within one step on every question.".to_string()
        };
        view! { <p class="slide-serves">{text}</p> }.into_any()
    } else {
        let total = items.len();
        view! {
            {(total > 3 || agreed > 0)
                .then(|| {
                    let settled = if agreed > 0 { format!(" ({agreed} agreed already)") } else { String::new() };
                    view! {
                        <p class="slide-dim">
                            {format!(
                                "The {} most important of the {total} still open{settled}; the workshop page lists them all.",
                                total.min(3),
                            )}
                        </p>
                    }
                })}
            <ol class="slide-discuss">
                {items
                    .into_iter()
                    .take(3)
                    .map(|d| {
                        view! {
                            <li data-key=d.key.0.clone()>
                                <span class="slide-proc">{d.process_name}</span>
                                {d.text}
                                <Distribution tally=d.tally people=people />
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <div id="discuss-slide">
            <h1 class="slide-title">"To discuss"</h1>
            {body}
            <RatingLegend />
        </div>
    }
}

#[component]
fn NextSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let lines: Vec<String> = state.results.with_untracked(|r| {
        let Some(r) = r.as_ref() else { return Vec::new() };
        let mut v = Vec::new();
        let now = r.roadmap.iter().filter(|s| s.horizon == Horizon::Now).count();
        let unowned = now_steps(state).iter().filter(|s| s.plan.is_none()).count();
        if unowned > 0 {
            v.push(format!(
                "Name an owner and a date for the {unowned} step{} that start{} now without one.",
                if unowned == 1 { "" } else { "s" },
                if unowned == 1 { "s" } else { "" },
            ));
        } else if now > 0 {
            v.push(format!("Follow the {now} steps that start now: each has an owner."));
        }
        let open: usize = r.in_scope().map(|p| p.asked - p.answered).sum();
        if open > 0 {
            v.push(format!(
                "Answer the {open} open question{} to firm up the figures.",
                if open == 1 { "" } else { "s" }
            ));
        }
        let unsettled = discuss_list(r).iter().filter(|d| !d.agreed).count();
        if unsettled > 0 {
            v.push(format!(
                "Agree an answer to the {unsettled} question{} people disagree on (the workshop page lists them all).",
                if unsettled == 1 { "" } else { "s" }
            ));
        }
        v.push("Share the report with the people who decide, with this plan.".into());
        v.push("Assess again in six months (a follow-up) to see what changed.".into());
        v
    });
    view! {
        <h1 class="slide-title">"Next steps"</h1>
        <ol class="slide-list slide-next">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol>
    }
}

/// The rating letters in words, for managers who do not know the scale.
#[component]
fn RatingLegend() -> impl IntoView {
    view! {
        <p class="slide-legend">
            <span class="swatch ans-n">"N"</span>
            " not in place · "
            <span class="swatch ans-p">"P"</span>
            " partly · "
            <span class="swatch ans-l">"L"</span>
            " largely · "
            <span class="swatch ans-f">"F"</span>
            " fully in place"
        </p>
    }
}
