//! One question with its answer buttons (N P L F, not applicable, don't know),
//! the meaning of the chosen answer, and a note. Keyboard: 1–4 or N/P/L/F
//! answer, 0 not applicable, ? don't know, Backspace clears, ↑/↓ move between
//! questions, Enter (on the card) goes to the next unanswered question.

use crate::domain::assessment::{Answer, QuestionKey};
use crate::domain::catalog::AnswerMeanings;
use crate::domain::Action;
use crate::domain::Attribute;
use crate::ui::state::Session;
use crate::ui::util::focus_id;
use leptos::prelude::*;

/// The answer a key stands for (`Some(None)` clears).
fn key_answer(key: &str) -> Option<Option<Answer>> {
    Some(Some(match key {
        "1" | "n" | "N" => Answer::N,
        "2" | "p" | "P" => Answer::P,
        "3" | "l" | "L" => Answer::L,
        "4" | "f" | "F" => Answer::F,
        "0" => Answer::NA,
        "?" => Answer::DK,
        "Backspace" | "Delete" => return Some(None),
        _ => return None,
    }))
}

/// The meaning line of an answer from the catalog.
pub fn meaning(m: &AnswerMeanings, a: Answer) -> String {
    match a {
        Answer::N => m.N.clone(),
        Answer::P => m.P.clone(),
        Answer::L => m.L.clone(),
        Answer::F => m.F.clone(),
        Answer::NA => m.NA.clone(),
        Answer::DK => m.DK.clone(),
    }
}

/// Keyboard hint shown on each answer button.
fn shortcut(a: Answer) -> &'static str {
    match a {
        Answer::N => "1",
        Answer::P => "2",
        Answer::L => "3",
        Answer::F => "4",
        Answer::NA => "0",
        Answer::DK => "?",
    }
}

/// What a key press on a question card does.
enum KeyAct {
    Answer(Option<Answer>),
    Down,
    Up,
    Next,
}

/// The card's reading of a key press, or `None` to let the browser have it
/// (modifier keys, typing in the note, keys without a meaning here).
fn key_act(ev: &leptos::ev::KeyboardEvent, idx: usize) -> Option<KeyAct> {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return None;
    }
    let typing = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
    if typing {
        return None;
    }
    let k = ev.key();
    if let Some(a) = key_answer(&k) {
        return Some(KeyAct::Answer(a));
    }
    match k.as_str() {
        "ArrowDown" => Some(KeyAct::Down),
        "ArrowUp" if idx > 0 => Some(KeyAct::Up),
        // Enter on the card itself (not on one of its buttons).
        "Enter" if ev.target().zip(ev.current_target()).is_some_and(|(t, c)| t == c) => Some(KeyAct::Next),
        _ => None,
    }
}

/// One question card.
#[component]
pub fn QuestionCard(
    /// Position on the page (0-based); the card's id is `q-{idx}`.
    idx: usize,
    /// The answer key `process/question`.
    key: QuestionKey,
    /// The question text.
    text: String,
    /// What "Fully" looks like, if the catalog says.
    hint: Option<String>,
    /// What to look at to check the answer, if the catalog says.
    evidence: Option<String>,
    /// The clause the question rests on, if the catalog says.
    reference: Option<String>,
    /// Attribute shown as a tag, e.g. "PA2.1".
    attribute: Attribute,
    /// Called on Enter: go to the next unanswered question.
    on_next: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let answer = {
        let key = key.clone();
        Memo::new(move |_| state.assessment.with(|a| a.as_ref().and_then(|a| a.my_answer(&key)).and_then(|e| e.answer)))
    };
    let set = {
        let key = key.clone();
        Callback::new(move |a: Option<Answer>| state.dispatch(Action::Answer { key: key.clone(), answer: a }))
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(act) = key_act(&ev, idx) else { return };
        ev.prevent_default();
        match act {
            KeyAct::Answer(a) => {
                set.run(a);
                if a.is_some() {
                    focus_id(&format!("q-{}", idx + 1));
                }
            }
            KeyAct::Down => {
                focus_id(&format!("q-{}", idx + 1));
            }
            KeyAct::Up => {
                focus_id(&format!("q-{}", idx - 1));
            }
            KeyAct::Next => on_next.run(()),
        }
    };
    let text_id = format!("q-{idx}-text");
    let data_key = key.0.clone();
    view! {
        <div
            class="question"
            id=format!("q-{idx}")
            tabindex="0"
            role="group"
            aria-labelledby=format!("q-{idx}-text")
            data-key=data_key
            class:answered=move || answer.get().is_some()
            on:keydown=on_keydown
        >
            <div class="q-head">
                <span class="q-num">{idx + 1}</span>
                <p class="q-text" id=text_id>
                    {text}
                </p>
                <span class="tag tag-attr" title="Process attribute">
                    {attribute.id()}
                </span>
            </div>
            {hint.map(|h| view! { <p class="q-hint">{h}</p> })}
            {(evidence.is_some() || reference.is_some())
                .then(|| {
                    view! {
                        <p class="q-evidence">
                            {evidence} {reference.map(|r| view! { <span class="q-ref">{r}</span> })}
                        </p>
                    }
                })}
            <AnswerButtons answer=answer set=set />
            <NoteField idx=idx key=key />
        </div>
    }
}

/// The six answer buttons of a question, the chosen one pressed.
#[component]
fn AnswerButtons(
    /// The answer given at this device.
    answer: Memo<Option<Answer>>,
    /// Sets (or clears) the answer.
    set: Callback<Option<Answer>>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let meanings = state.with_catalog_untracked(|c| c.answers.clone()).unwrap_or_default();
    let buttons = Answer::ALL
        .into_iter()
        .map(|a| {
            let title = meaning(&meanings, a);
            let code = match a {
                Answer::NA => "N/A",
                Answer::DK => "?",
                _ => a.code(),
            };
            view! {
                <button
                    type="button"
                    class=format!("ans ans-{}", a.code().to_lowercase())
                    aria-pressed=move || (answer.get() == Some(a)).to_string()
                    title=title
                    data-answer=a.code()
                    on:click=move |_| set.run(Some(a))
                >
                    <span class="ans-code">{code}</span>
                    <span class="ans-label">{a.label()}</span>
                    <kbd class="ans-key" aria-hidden="true">
                        {shortcut(a)}
                    </kbd>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="answers" role="group" aria-label="Answer">
            {buttons}
        </div>
    }
}

/// The note or evidence of a question: a link until there is one, then a text box.
#[component]
fn NoteField(
    /// Position of the question on the page.
    idx: usize,
    /// The answer key.
    key: QuestionKey,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let note = {
        let key = key.clone();
        Memo::new(move |_| {
            state
                .assessment
                .with(|a| a.as_ref().and_then(|a| a.my_answer(&key)).map(|e| e.note.clone()).unwrap_or_default())
        })
    };
    let show_note = RwSignal::new(false);
    // A bool memo, so typing in the note does not re-create the textarea.
    let note_open = Memo::new(move |_| show_note.get() || note.with(|n| !n.is_empty()));
    let note_id = format!("q-{idx}-note");
    view! {
        <div class="q-note">
            {move || {
                if note_open.get() {
                    let key = key.clone();
                    view! {
                        <label class="sr-only" for=note_id.clone()>
                            "Note or evidence"
                        </label>
                        <textarea
                            id=note_id.clone()
                            rows="2"
                            placeholder="Note or evidence: where is it written down, who said so, what is missing?"
                            prop:value=move || note.get()
                            on:input=move |ev| {
                                show_note.set(true);
                                state
                                    .dispatch(Action::Note {
                                        key: key.clone(),
                                        note: event_target_value(&ev),
                                    });
                            }
                        ></textarea>
                    }
                        .into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="btn-link add-note"
                            on:click=move |_| {
                                show_note.set(true);
                                request_animation_frame(move || {
                                    focus_id(&format!("q-{idx}-note"));
                                });
                            }
                        >
                            "+ Add a note or evidence"
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
