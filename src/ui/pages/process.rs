//! Step 5: one process per page — purpose, references, progress, the
//! questions grouped by capability level, answered by mouse, touch or keyboard
//! alone. The questions, their texts and "next unanswered" come from the results.

use crate::domain::results::{NextStop, QuestionResult};
use crate::domain::Assessment;
use crate::ui::components::progress::ProgressBar;
use crate::ui::components::question_card::{meaning, QuestionCard};
use crate::ui::route::{use_navigate, use_process_id, Step};
use crate::ui::state::Session;
use crate::ui::util::focus_id;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether this tab shows questions one row each (the compact mode).
static COMPACT: AtomicBool = AtomicBool::new(false);

/// Whether the person at this device still has to answer `q` (a "don't know"
/// counts as answered here: it is on the follow-up list).
fn open_for_me(a: &Option<Assessment>, q: &QuestionResult) -> bool {
    a.as_ref().and_then(|a| a.my_answer(&q.key)).and_then(|e| e.answer).is_none()
}

/// The page of one process.
#[component]
pub fn ProcessPage() -> impl IntoView {
    let state = expect_context::<Session>();
    let pid = use_process_id();
    let known = move || state.with_catalog(|c| c.process(&pid.get()).is_some()).unwrap_or_default();
    view! {
        <Show
            when=known
            fallback=move || {
                view! {
                    <section class="card">
                        <h1>"Unknown process"</h1>
                        <p>
                            {move || format!("The catalog has no process \"{}\". ", pid.get())}
                            <a href=move || Step::Scope.href(&state.id())>"Back to scope and targets"</a>
                        </p>
                    </section>
                }
            }
        >
            <ProcessBody pid=pid />
        </Show>
    }
}

#[component]
fn ProcessBody(pid: Memo<String>) -> impl IntoView {
    let state = expect_context::<Session>();
    let navigate = use_navigate();
    // Narrow memos, so an answer re-renders only what it changes: the counts
    // (head) and the question keys (the cards are rebuilt only when they change).
    let progress = Memo::new(move |_| {
        state.results.with(|r| {
            r.as_ref().and_then(|r| r.process(&pid.get())).map(|p| (p.answered, p.asked, p.completion(), p.in_scope))
        })
    });
    let shape = Memo::new(move |_| {
        state.results.with(|r| {
            r.as_ref()
                .and_then(|r| r.process(&pid.get()))
                .map(|p| p.questions.iter().map(|q| q.key.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let first_open = move || {
        let here = pid.get_untracked();
        state.assessment.with_untracked(|a| {
            let order = untrack(|| state.questionnaire_order());
            state
                .results
                .with_untracked(|r| r.as_ref().map(|r| r.next_unanswered(&order, &here, |q| open_for_me(a, q))))
        })
    };
    let go_next_unanswered = Callback::new(move |_: ()| match first_open() {
        Some(NextStop::Here(i)) => {
            focus_id(&format!("q-{i}"));
        }
        Some(NextStop::Process(id)) => navigate(&Step::Process(id).href(&state.id()), Default::default()),
        Some(NextStop::Results) | None => navigate(&Step::Results.href(&state.id()), Default::default()),
    });
    // Focus the first unanswered question when a process page opens, for keyboard users.
    Effect::new(move |_| {
        pid.with(|_| ());
        let first = match first_open() {
            Some(NextStop::Here(i)) => i,
            _ => 0,
        };
        request_animation_frame(move || {
            focus_id(&format!("q-{first}"));
        });
    });
    // The layout chosen stays for the tab's other process pages.
    let compact = RwSignal::new(COMPACT.load(Ordering::Relaxed));
    Effect::new(move |_| COMPACT.store(compact.get(), Ordering::Relaxed));
    view! {
        <div class="process-layout">
            <ProcessList pid=pid />
            <div class="process-main" class:compact=move || compact.get()>
                <ProcessHead pid=pid progress=progress on_next=go_next_unanswered compact=compact />
                <QuestionGroups pid=pid shape=shape on_next=go_next_unanswered />
                <ProcessStepNav pid=pid />
            </div>
        </div>
    }
}

/// The in-scope processes with their progress (a scrolling row on a phone).
#[component]
fn ProcessList(
    /// The process shown.
    pid: Memo<String>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    // The list itself changes only with the scope; each entry follows its own
    // progress and whether it is the current one, so an answer touches one meter.
    let items = Memo::new(move |_| {
        let order = state.questionnaire_order();
        state.results.with_untracked(|r| {
            r.as_ref()
                .map(|r| {
                    order
                        .iter()
                        .filter_map(|id| r.process(id))
                        .map(|p| (p.id.clone(), p.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // On a phone the process list is one scrolling row: keep the current process in view.
    Effect::new(move |_| {
        pid.with(|_| ());
        request_animation_frame(scroll_current_process_into_view);
    });
    view! {
        <nav class="process-nav" aria-label="Processes in scope">
            <h2 class="sr-only">"Processes in scope"</h2>
            <crate::ui::pages::scope::OrderChoice />
            <ProcessMenu pid=pid items=items />
            <ul>
                {move || {
                    items
                        .get()
                        .into_iter()
                        .map(|(id, name)| {
                            let here = id.clone();
                            let current = Memo::new(move |_| pid.with(|p| *p == here));
                            let key = id.clone();
                            let counts = Memo::new(move |_| {
                                state
                                    .results
                                    .with(|r| {
                                        r.as_ref()
                                            .and_then(|r| r.process(&key))
                                            .map(|p| (p.answered, p.asked))
                                            .unwrap_or((0, 0))
                                    })
                            });
                            let done = move || {
                                let (n, of) = counts.get();
                                if of == 0 { 0.0 } else { n as f64 / of as f64 }
                            };
                            let complete = move || counts.with(|(n, of)| *of > 0 && n == of);
                            view! {
                                <li class:current=move || current.get() class:complete=complete>
                                    <a
                                        href=Step::Process(id).href(&state.id())
                                        aria-current=move || current.get().then_some("page")
                                    >
                                        <span class="pn-name">{name}</span>
                                        <span
                                            class="pn-count"
                                            aria-label=move || {
                                                counts.with(|(n, of)| format!("{n} of {of} answered"))
                                            }
                                        >
                                            {move || {
                                                if complete() {
                                                    "✓".to_string()
                                                } else {
                                                    counts.with(|(n, of)| format!("{n}/{of}"))
                                                }
                                            }}
                                        </span>
                                        <span class="mini-meter" aria-hidden="true">
                                            <span style=move || format!("width: {:.0}%", done() * 100.0)></span>
                                        </span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// The process's name, references, purpose, progress and the answer scale.
#[component]
fn ProcessHead(
    /// The process shown.
    pid: Memo<String>,
    /// Answered and asked questions, the share answered, and whether it is in scope.
    progress: Memo<Option<(usize, usize, f64, bool)>>,
    /// "Next unanswered question".
    on_next: Callback<()>,
    /// One row per question instead of cards.
    compact: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let info = move || state.with_catalog(|c| c.process(&pid.get()).cloned()).unwrap_or_default();
    let completion = Signal::derive(move || progress.get().map(|(_, _, share, _)| share).unwrap_or(0.0));
    let left = Memo::new(move |_| state.results.with(|r| r.as_ref().map_or(0, |r| r.minutes_left())));
    let detail = Signal::derive(move || {
        let rest = match left.get() {
            0 => " · every question in scope answered".to_string(),
            m => format!(" · about {m} min left in all"),
        };
        progress.get().map(|(done, asked, _, _)| format!("{done} of {asked} answered{rest}")).unwrap_or_default()
    });
    let meanings = state.with_catalog_untracked(|c| c.answers.clone()).unwrap_or_default();
    // The target and the depth asked: the line under the purpose changes with
    // them, not with every answer.
    let depth = Memo::new(move |_| {
        let target =
            state.results.with(|r| r.as_ref()?.process(&pid.get()).filter(|p| p.in_scope).map(|p| p.target))?;
        state.assessment.with(|a| a.as_ref().map(|a| (target, a.mode)))
    });
    view! {
        <section class="card process-head">
            {move || {
                info()
                    .map(|p| {
                        view! {
                            <p class="eyebrow process-refs" title="Framework references">
                                {p.reference_line()}
                            </p>
                            <h1 id="process-title">{p.name.clone()}</h1>
                            <p class="lede">{p.purpose.clone()}</p>
                        }
                    })
            }} {move || depth.get().map(|d| target_line(state, d))}
            {move || {
                progress
                    .with(|r| {
                        r.as_ref()
                            .filter(|(_, _, _, in_scope)| !in_scope)
                            .map(|_| {
                                view! {
                                    <p class="notice">
                                        "This process is out of scope: its answers are kept but do not count. Put it in scope on the scope page."
                                    </p>
                                }
                            })
                    })
            }} <ProgressBar value=completion label="This process" detail=detail /> <div class="actions">
                <button class="btn btn-primary" id="next-unanswered" on:click=move |_| on_next.run(())>
                    "Next unanswered question"
                </button>
                <button
                    class="btn btn-secondary"
                    id="compact-toggle"
                    aria-pressed=move || compact.get().to_string()
                    on:click=move |_| compact.update(|c| *c = !*c)
                >
                    {move || if compact.get() { "Show full cards" } else { "Compact: one row per question" }}
                </button>
            </div> <ul class="scale-legend" aria-label="The answers">
                {crate::domain::Answer::ALL
                    .into_iter()
                    .map(|a| {
                        view! {
                            <li title=meaning(&meanings, a)>
                                <span class=format!(
                                    "swatch ans-{}",
                                    a.code().to_lowercase(),
                                )>
                                    {match a {
                                        crate::domain::Answer::NA => "N/A",
                                        crate::domain::Answer::DK => "?",
                                        _ => a.code(),
                                    }}
                                </span>
                                {a.label()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul> <details class="scale">
                <summary>"What the answers mean, and keyboard keys"</summary>
                <dl>
                    {crate::domain::Answer::ALL
                        .into_iter()
                        .map(|a| {
                            view! {
                                <div>
                                    <dt>{a.label()}</dt>
                                    <dd>{meaning(&meanings, a)}</dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
                <p class="muted">
                    "Keys: 1–4 or N, P, L, F answer · 0 not applicable · ? don't know · Backspace clears · ↑ ↓ move between questions · Enter (on a question) jumps to the next unanswered one."
                </p>
            </details>
        </section>
    }
}

/// "Target: level 2 · Managed — asked: every question up to level 3, one
/// above the target", with a link to the scope page where both are chosen.
fn target_line(state: Session, (target, mode): (u8, crate::domain::assessment::Mode)) -> impl IntoView {
    let name = state.with_catalog(|c| c.level_name(target)).flatten().unwrap_or_default();
    let scope = Step::Scope.href(&state.id());
    view! {
        <p class="process-target" id="process-target">
            <strong>
                {if target == 0 { "No target set".to_string() } else { format!("Target: level {target} · {name}") }}
            </strong>
            {format!(" — asked: {}. ", mode.asked_text(target))}
            <a href=scope>"Change the target or the depth"</a>
        </p>
    }
}

/// The words beside a level's heading for a process with `target`, and
/// whether the level lies beyond what the assessment needs (a full
/// assessment asks it; it is set apart, never hidden).
fn level_tag(level: u8, target: u8) -> (Option<&'static str>, bool) {
    match level {
        _ if target == 0 => (None, false),
        l if l == target => (Some("Your target"), false),
        l if l == target + 1 => (Some("One above your target"), false),
        l if l > target + 1 => (Some("Beyond your target — optional"), true),
        _ => (None, false),
    }
}

/// The questions of the current mode, grouped by capability level.
#[component]
fn QuestionGroups(
    /// The process shown.
    pid: Memo<String>,
    /// The keys of its questions in the current mode.
    shape: Memo<Vec<crate::domain::assessment::QuestionKey>>,
    /// "Next unanswered question" (Enter on a question).
    on_next: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let levels = state.with_catalog_untracked(|c| c.levels.clone()).unwrap_or_default();
    let attributes = state.with_catalog_untracked(|c| c.attributes.clone()).unwrap_or_default();
    let target = Memo::new(move |_| {
        state.results.with(|r| r.as_ref().and_then(|r| r.process(&pid.get())).map_or(0, |p| p.target))
    });
    // Rebuilt when the set of questions changes (another process, another
    // mode) or the target does, not on every answer.
    move || {
        // Read, not only tracked: a memo nobody has read yet is not computed,
        // so `track()` alone would never hear of a change.
        shape.with(|_| ());
        let target = target.get();
        let qs: Vec<QuestionResult> = state.results.with_untracked(|r| {
            r.as_ref().and_then(|r| r.process(&pid.get_untracked())).map(|p| p.questions.clone()).unwrap_or_default()
        });
        let cards_of = |of_level: Vec<&QuestionResult>, idx: &mut usize| {
            of_level
                .into_iter()
                .map(|q| {
                    let card = view! {
                        <QuestionCard
                            idx=*idx
                            key=q.key.clone()
                            text=q.text.to_string()
                            hint=q.hint.as_deref().map(str::to_string)
                            evidence=q.evidence.as_deref().map(str::to_string)
                            reference=q.reference.as_deref().map(str::to_string)
                            attribute=q.attribute
                            on_next=on_next
                        />
                    };
                    *idx += 1;
                    card
                })
                .collect_view()
        };
        let mut idx = 0;
        (1..=5u8)
            .filter_map(|level| {
                let of_level: Vec<&QuestionResult> = qs.iter().filter(|q| q.level == level).collect();
                if of_level.is_empty() {
                    return None;
                }
                let lname = levels.iter().find(|l| l.level == level).map(|l| l.name.clone()).unwrap_or_default();
                let attrs: Vec<String> =
                    attributes.iter().filter(|a| a.level == level).map(|a| format!("{} {}", a.id, a.name)).collect();
                // A level answered in full when the page opens is folded away (one line);
                // it stays as it is while the page is open.
                let total = of_level.len();
                let done = of_level.iter().filter(|q| q.tally.answered() > 0 || q.agreed.is_some()).count();
                let complete = done == total;
                let (tag, beyond) = level_tag(level, target);
                let cards = cards_of(of_level, &mut idx);
                Some(view! {
                    <details
                        class="level-group"
                        class:beyond-target=beyond
                        open=!complete
                        aria-labelledby=format!("level-{level}")
                    >
                        <summary>
                            <h2 id=format!("level-{level}")>{format!("Level {level} · {lname}")}</h2>
                            {tag.map(|t| view! { <span class="level-tag">{t}</span> })}
                            <span class="level-count" class:complete=complete>
                                {if complete {
                                    format!("✓ all {total} answered")
                                } else {
                                    format!("{done} of {total} answered")
                                }}
                            </span>
                        </summary>
                        <p class="muted level-attrs">{attrs.join(" · ")}</p>
                        {cards}
                    </details>
                })
            })
            .collect_view()
    }
}

/// Back to the previous process, on to the next (or to the results).
#[component]
fn ProcessStepNav(
    /// The process shown.
    pid: Memo<String>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    // A memo: the links are redrawn when the neighbours change, not on every answer.
    let neighbours = Memo::new(move |_| {
        let order = state.questionnaire_order();
        state.results.with(|r| {
            r.as_ref()
                .map(|r| {
                    let (prev, next) = r.neighbours(&order, &pid.get());
                    (prev.map(|p| (p.id.clone(), p.name.clone())), next.map(|p| (p.id.clone(), p.name.clone())))
                })
                .unwrap_or_default()
        })
    });
    // At the end of the list: the first process still open elsewhere, so the last page is no dead end.
    let open_elsewhere = Memo::new(move |_| {
        let order = state.questionnaire_order();
        state.results.with(|r| {
            r.as_ref().and_then(|r| {
                order
                    .iter()
                    .filter_map(|id| r.process(id))
                    .find(|p| p.id != pid.get() && p.answered < p.asked)
                    .map(|p| (p.id.clone(), p.name.clone(), p.asked - p.answered))
            })
        })
    });
    view! {
        <nav class="step-nav" aria-label="Process navigation">
            {move || {
                neighbours
                    .get()
                    .0
                    .map(|(id, name)| {
                        view! {
                            <a class="btn btn-secondary" href=Step::Process(id).href(&state.id())>
                                "← "
                                {name}
                            </a>
                        }
                    })
            }}
            {move || match neighbours.get().1 {
                Some((id, name)) => {
                    view! {
                        <a class="btn btn-primary step-next" href=Step::Process(id).href(&state.id())>
                            {name}
                            " →"
                        </a>
                    }
                        .into_any()
                }
                None => {
                    let open = open_elsewhere
                        .get()
                        .map(|(id, name, left)| {
                            view! {
                                <a
                                    class="btn btn-primary"
                                    id="next-open-process"
                                    href=Step::Process(id).href(&state.id())
                                >
                                    {format!("Still open: {name} ({left} questions) →")}
                                </a>
                            }
                        });
                    let class = if open.is_some() {
                        "btn btn-secondary step-next"
                    } else {
                        "btn btn-primary step-next"
                    };
                    view! {
                        {open}
                        <a class=class href=Step::Results.href(&state.id())>
                            "See the results →"
                        </a>
                    }
                        .into_any()
                }
            }}
        </nav>
    }
}

/// On a phone: the process list as one menu, "Incident management · 6/31",
/// instead of a cut-off strip.
#[component]
fn ProcessMenu(
    /// The process shown.
    pid: Memo<String>,
    /// The processes in the questionnaire's order: (id, name).
    items: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let navigate = use_navigate();
    let on_pick = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        navigate(&Step::Process(id).href(&state.id()), Default::default());
    };
    view! {
        <label class="process-select">
            <span class="sr-only">"Process"</span>
            <select on:change=on_pick prop:value=move || pid.get()>
                {move || {
                    items
                        .get()
                        .into_iter()
                        .map(|(id, name)| {
                            let key = id.clone();
                            let label = move || {
                                state
                                    .results
                                    .with(|r| {
                                        r.as_ref()
                                            .and_then(|r| r.process(&key))
                                            .map(|p| {
                                                if p.asked > 0 && p.answered == p.asked {
                                                    format!("{} · ✓ all {}", p.name, p.asked)
                                                } else {
                                                    format!("{} · {}/{}", p.name, p.answered, p.asked)
                                                }
                                            })
                                            .unwrap_or_else(|| name.clone())
                                    })
                            };
                            let here = id.clone();
                            view! {
                                <option value=id selected=move || pid.with(|p| *p == here)>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// Scrolls the process list sideways (narrow layout) so the current process is centred.
fn scroll_current_process_into_view() {
    use wasm_bindgen::JsCast;
    let doc = document();
    let find =
        |sel: &str| doc.query_selector(sel).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let (Some(list), Some(current)) = (find(".process-nav ul"), find(".process-nav li.current")) {
        let left = current.offset_left() - list.offset_left() - (list.client_width() - current.offset_width()) / 2;
        list.set_scroll_left(left.max(0));
    }
}
