//! Step 5: one process per page — purpose, progress, the questions grouped by
//! capability level, answered by mouse, touch or keyboard alone.

use crate::domain::assessment::Mode;
use crate::domain::catalog::ResolvedQuestion;
use crate::domain::QuestionKey;
use crate::ui::components::progress::ProgressBar;
use crate::ui::components::question_card::{meaning, QuestionCard};
use crate::ui::state::AppState;
use crate::ui::util::focus_id;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The page of one process.
#[component]
pub fn ProcessPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let pid = Memo::new(move |_| params.with(|p| p.get("pid").unwrap_or_default()));
    let aid = move || state.assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    let quick =
        Memo::new(move |_| state.assessment.with(|a| a.as_ref().map(|a| a.mode == Mode::Quick).unwrap_or(true)));
    let questions = Memo::new(move |_| {
        let q = quick.get();
        state.catalog.with_untracked(|c| c.process(&pid.get()).map(|p| c.questions_for(p, q)))
    });
    let known = move || questions.with(|q| q.is_some());
    view! {
        <Show when=known fallback=move || view! {
            <section class="card"><h1>"Unknown process"</h1>
            <p>{move || format!("The catalog has no process \"{}\". ", pid.get())}<a href=move || format!("/a/{}/scope", aid())>"Back to scope and targets"</a></p></section>
        }>
            <ProcessBody pid=pid questions=questions/>
        </Show>
    }
}

#[component]
fn ProcessBody(pid: Memo<String>, questions: Memo<Option<Vec<ResolvedQuestion>>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let aid = move || state.assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default());
    let info = move || state.catalog.with_untracked(|c| c.process(&pid.get()).cloned());
    let result = Memo::new(move |_| state.results.with(|r| r.as_ref().and_then(|r| r.process(&pid.get()).cloned())));
    let in_scope_ids = Memo::new(move |_| {
        state.results.with(|r| {
            r.as_ref()
                .map(|r| r.in_scope().map(|p| (p.id.clone(), p.name.clone(), p.completion())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // Unanswered by the person at this device (don't know counts as answered here: it is on the follow-up list).
    let mine_unanswered = move |process: &str| -> Vec<usize> {
        let quick = state.assessment.with_untracked(|a| a.as_ref().map(|a| a.mode == Mode::Quick).unwrap_or(true));
        state.catalog.with_untracked(|c| {
            c.process(process)
                .map(|p| {
                    c.questions_for(p, quick)
                        .iter()
                        .enumerate()
                        .filter(|(_, q)| {
                            state.assessment.with_untracked(|a| {
                                a.as_ref()
                                    .and_then(|a| a.my_answer(&QuestionKey::new(process, &q.id)))
                                    .and_then(|e| e.answer)
                                    .is_none()
                            })
                        })
                        .map(|(i, _)| i)
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let go_next_unanswered = {
        let navigate = navigate.clone();
        Callback::new(move |_: ()| {
            let here = pid.get_untracked();
            if let Some(i) = mine_unanswered(&here).first() {
                focus_id(&format!("q-{i}"));
                return;
            }
            let order = in_scope_ids.get_untracked();
            let start = order.iter().position(|(id, _, _)| *id == here).map(|i| i + 1).unwrap_or(0);
            let next =
                order.iter().cycle().skip(start).take(order.len()).find(|(id, _, _)| !mine_unanswered(id).is_empty());
            let a = aid();
            match next {
                Some((id, _, _)) => navigate(&format!("/a/{a}/process/{id}"), Default::default()),
                None => navigate(&format!("/a/{a}/results"), Default::default()),
            }
        })
    };
    // Focus the first unanswered question when a process page opens, for keyboard users.
    Effect::new(move |_| {
        let p = pid.get();
        let first = mine_unanswered(&p).first().copied().unwrap_or(0);
        request_animation_frame(move || {
            focus_id(&format!("q-{first}"));
        });
    });

    let neighbours = move || {
        let order = in_scope_ids.get();
        let here = pid.get();
        let i = order.iter().position(|(id, _, _)| *id == here);
        let prev = i.and_then(|i| i.checked_sub(1)).and_then(|i| order.get(i).cloned());
        let next = i.and_then(|i| order.get(i + 1).cloned());
        (prev, next)
    };
    let completion = Signal::derive(move || result.with(|r| r.as_ref().map(|r| r.completion()).unwrap_or(0.0)));
    let detail = Signal::derive(move || {
        result.with(|r| r.as_ref().map(|r| format!("{} of {} answered", r.answered, r.asked)).unwrap_or_default())
    });
    let meanings = state.catalog.with_untracked(|c| c.answers.clone());
    let levels = state.catalog.with_untracked(|c| c.levels.clone());
    let attributes = state.catalog.with_untracked(|c| c.attributes.clone());

    let groups = move || {
        let qs = questions.get().unwrap_or_default();
        let p = pid.get();
        let mut out = Vec::new();
        let mut idx = 0;
        for level in 1..=5u8 {
            let of_level: Vec<&ResolvedQuestion> = qs.iter().filter(|q| q.level == level).collect();
            if of_level.is_empty() {
                continue;
            }
            let lname = levels.iter().find(|l| l.level == level).map(|l| l.name.clone()).unwrap_or_default();
            let attrs: Vec<String> =
                attributes.iter().filter(|a| a.level == level).map(|a| format!("{} {}", a.id, a.name)).collect();
            let cards = of_level
                .into_iter()
                .map(|q| {
                    let card = view! {
                        <QuestionCard idx=idx key=QuestionKey::new(&p, &q.id) text=q.text.clone() hint=q.hint.clone()
                            attribute=q.attribute on_next=go_next_unanswered/>
                    };
                    idx += 1;
                    card
                })
                .collect_view();
            out.push(view! {
                <section class="level-group" aria-labelledby=format!("level-{level}")>
                    <h2 id=format!("level-{level}")>{format!("Level {level} · {lname}")}</h2>
                    <p class="muted level-attrs">{attrs.join(" · ")}</p>
                    {cards}
                </section>
            });
        }
        out.collect_view()
    };

    // On a phone the process list is one scrolling row: keep the current process in view.
    Effect::new(move |_| {
        pid.track();
        request_animation_frame(scroll_current_process_into_view);
    });

    view! {
        <div class="process-layout">
            <nav class="process-nav" aria-label="Processes in scope">
                <h2 class="sr-only">"Processes in scope"</h2>
                <ul>
                    {move || in_scope_ids.get().into_iter().map(|(id, name, done)| {
                        let current = id == pid.get();
                        view! {
                            <li class:current=current>
                                <a href=format!("/a/{}/process/{id}", aid()) aria-current=current.then_some("page")>
                                    <span>{name}</span>
                                    <span class="mini-meter" aria-label=format!("{:.0} % answered", done * 100.0)><span style=format!("width: {:.0}%", done * 100.0)></span></span>
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            <div class="process-main">
                <section class="card process-head">
                    {move || info().map(|p| view! {
                        <p class="eyebrow">{if p.fitsm.is_empty() { String::new() } else { format!("FitSM {}", p.fitsm.join(", ")) }}
                            {if p.itil.is_empty() { String::new() } else { format!(" · ITIL 4: {}", p.itil.join(", ")) }}</p>
                        <h1 id="process-title">{p.name.clone()}</h1>
                        <p class="lede">{p.purpose.clone()}</p>
                    })}
                    {move || result.with(|r| r.as_ref().filter(|r| !r.in_scope).map(|_| view! {
                        <p class="notice">"This process is out of scope: its answers are kept but do not count. Put it in scope on the scope page."</p>
                    }))}
                    <ProgressBar value=completion label="This process" detail=detail/>
                    <div class="actions">
                        <button class="btn btn-primary" id="next-unanswered" on:click=move |_| go_next_unanswered.run(())>"Next unanswered question"</button>
                    </div>
                    <details class="scale">
                        <summary>"What the answers mean, and keyboard keys"</summary>
                        <dl>
                            {crate::domain::Answer::ALL.into_iter().map(|a| view! {
                                <div><dt>{a.label()}</dt><dd>{meaning(&meanings, a)}</dd></div>
                            }).collect_view()}
                        </dl>
                        <p class="muted">"Keys: 1–4 or N, P, L, F answer · 0 not applicable · ? don't know · Backspace clears · ↑ ↓ move between questions · Enter (on a question) jumps to the next unanswered one."</p>
                    </details>
                </section>
                {groups}
                <nav class="step-nav" aria-label="Process navigation">
                    {move || neighbours().0.map(|(id, name, _)| view! { <a class="btn btn-secondary" href=format!("/a/{}/process/{id}", aid())>"← "{name}</a> })}
                    {move || match neighbours().1 {
                        Some((id, name, _)) => view! { <a class="btn btn-primary step-next" href=format!("/a/{}/process/{id}", aid())>{name}" →"</a> }.into_any(),
                        None => view! { <a class="btn btn-primary step-next" href=format!("/a/{}/results", aid())>"See the results →"</a> }.into_any(),
                    }}
                </nav>
            </div>
        </div>
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
