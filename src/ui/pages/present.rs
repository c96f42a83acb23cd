//! Presenter view for a projector: full screen, large type, high contrast,
//! one process per slide (most urgent first) and the discuss list last.
//! Keys: → / Space / PageDown next, ← / PageUp previous, Home / End, Esc leaves.

use crate::domain::results::{Horizon, ProcessResult};
use crate::domain::workshop::discuss_list;
use crate::ui::route::{use_navigate, Step};
use crate::ui::state::Session;
use leptos::prelude::*;

/// The presenter view.
#[component]
pub fn PresentPage() -> impl IntoView {
    let state = expect_context::<Session>();
    let navigate = use_navigate();
    let slide = RwSignal::new(0usize);
    let processes = Memo::new(move |_| {
        state.results.with(|r| {
            r.as_ref().map(|r| r.in_scope_by_priority().into_iter().cloned().collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    let total = move || processes.with(|p| p.len()) + 1;
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
        let i = slide.get();
        let list = processes.get();
        match list.get(i) {
            Some(p) => view! { <ProcessSlide p=p.clone() /> }.into_any(),
            None => view! { <DiscussSlide /> }.into_any(),
        }
    };
    let nav2 = navigate.clone();
    view! {
        <div class="presenter" id="presenter" role="region" aria-label="Presenter view" aria-roledescription="slides">
            <div class="presenter-bar">
                <span class="presenter-title">
                    {move || {
                        state
                            .assessment
                            .with(|a| {
                                a.as_ref()
                                    .map(|a| {
                                        if a.name.starts_with(&a.organization.name) {
                                            a.name.clone()
                                        } else {
                                            format!("{} — {}", a.organization.name, a.name)
                                        }
                                    })
                                    .unwrap_or_default()
                            })
                    }}
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
                <button class="pbtn" on:click=fullscreen>
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

#[component]
fn ProcessSlide(p: ProcessResult) -> impl IntoView {
    let state = expect_context::<Session>();
    let now: Vec<String> = state.results.with_untracked(|r| {
        let Some(r) = r.as_ref() else { return Vec::new() };
        r.steps_of(&p.id)
            .filter(|s| s.horizon == Horizon::Now)
            .flat_map(|s| s.actions.iter())
            .filter(|a| !a.to_assess)
            .map(|a| a.text.clone())
            .take(3)
            .collect()
    });
    // Two objectives fit one line on a projector; the rest are counted.
    let all = p.serves();
    let mut serves = all.iter().take(2).map(|s| s.to_string()).collect::<Vec<_>>().join(" · ");
    if all.len() > 2 {
        serves.push_str(&format!(" · and {} more", all.len() - 2));
    }
    view! {
        <article class="slide" data-process=p.id.clone()>
            <h1 class="slide-title">{p.name.clone()}</h1>
            {(!serves.is_empty()).then(|| view! { <p class="slide-serves">"Serves: "{serves}</p> })}
            <div class="slide-figures">
                <div>
                    <span class="big">{p.level}</span>
                    <span class="label">"capability level"</span>
                </div>
                <div>
                    <span class="big">{crate::charts::one_decimal(p.index)}</span>
                    <span class="label">"index (0–5)"</span>
                </div>
                <div>
                    <span class="big">{p.target}</span>
                    <span class="label">"target level"</span>
                </div>
            </div>
            <div class="slide-attrs" aria-label="Attribute ratings">
                {p
                    .attributes
                    .iter()
                    .map(|a| {
                        let r = a.rating.map(|r| r.code()).unwrap_or("–");
                        view! {
                            <div class=format!("attr attr-{}", r.to_lowercase().replace('–', "u"))>
                                <span class="attr-id">{a.attribute.id()}</span>
                                <span class="attr-r">{r}</span>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            {(!now.is_empty())
                .then(|| {
                    view! {
                        <div class="slide-now">
                            <h2>"Now"</h2>
                            <ul>{now.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
                        </div>
                    }
                })}
        </article>
    }
}

#[component]
fn DiscussSlide() -> impl IntoView {
    let state = expect_context::<Session>();
    let items = state.results.with_untracked(|r| r.as_ref().map(discuss_list).unwrap_or_default());
    let people = state.assessment.with_untracked(|a| a.as_ref().map(|a| a.participants.len()).unwrap_or(1));
    view! {
        <article class="slide" id="discuss-slide">
            <h1 class="slide-title">"To discuss"</h1>
            {if people < 2 {
                view! {
                    <p class="slide-serves">
                        "One set of answers so far: import the participants' answers to see where people disagree."
                    </p>
                }
                    .into_any()
            } else if items.is_empty() {
                view! { <p class="slide-serves">"Everyone agrees within one step on every question."</p> }.into_any()
            } else {
                view! {
                    <ol class="slide-discuss">
                        {items
                            .into_iter()
                            .take(6)
                            .map(|d| {
                                view! {
                                    <li>
                                        <span class="slide-proc">{d.process_name}</span>
                                        {d.text}
                                        <span class="slide-spread">{format!(" · {} steps apart", d.spread)}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </article>
    }
}
