//! Workshops: the participants of an assessment, "my answers" files going
//! out and coming back, the discuss list with each person's answer, and the
//! facilitator's agreed answers (which then drive the results).

use crate::charts::spread::spread_chart;
use crate::domain::assessment::{Agreed, Answer, Participant};
use crate::domain::format::{decode_answers, AnswersFile, MAX_BYTES};
use crate::domain::workshop::{discuss_list, spread};
use crate::domain::{Action, QuestionKey};
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::state::{Notices, Session, Viewport};
use crate::ui::util::{download, new_id, read_text, slug};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A participant file read from disk, waiting for confirmation.
#[derive(Clone)]
struct Incoming {
    file: String,
    participant: Participant,
    /// Set when the file was made for another assessment.
    other_assessment: Option<String>,
}

async fn read_answers(file: web_sys::File, this_id: String) -> Result<Incoming, String> {
    let name = file.name();
    let text = read_text(&file, MAX_BYTES).await.map_err(|e| format!("{e}."))?;
    let f = decode_answers(&text).map_err(|e| format!("“{name}” cannot be imported: {e}."))?;
    let other = (f.assessment_id != this_id).then(|| f.assessment_name.clone());
    Ok(Incoming { file: name, participant: f.participant, other_assessment: other })
}

/// The workshop page.
#[component]
pub fn WorkshopPage() -> impl IntoView {
    view! {
        <section class="card step">
            <h1>"Participants and workshop"</h1>
            <p class="muted">
                "Several people can rate the same assessment. Each answers on their own device and sends you their answers file; "
                "you import the files here. Results use the median answer per question, or the answer you agree on together."
            </p>
        </section>
        <Participants />
        <ShareAnswers />
        <DiscussList />
        <SpreadSection />
    }
}

/// Consensus per process with the range of the participants' own indices.
#[component]
fn SpreadSection() -> impl IntoView {
    let state = expect_context::<Session>();
    let viewport = expect_context::<Viewport>();
    let spreads = Memo::new(move |_| {
        state.assessment.with(|a| {
            let a = a.as_ref()?;
            (a.participants.len() > 1).then(|| {
                state.results.with(|r| {
                    r.as_ref().map(|r| state.with_catalog(|c| spread(c, a, r)).unwrap_or_default()).unwrap_or_default()
                })
            })
        })
    });
    let svg = Memo::new(move |_| {
        spreads.with(|s| s.as_ref().map(|s| spread_chart(s, &viewport.chart.get())).unwrap_or_default())
    });
    let name = move || state.assessment.with(|a| a.as_ref().map(|a| slug(&a.name)).unwrap_or_default());
    view! {
        {move || {
            spreads
                .with(|s| s.is_some())
                .then(|| {
                    view! {
                        <ChartFigure
                            id="chart-spread"
                            title="Where the participants stand"
                            description="Per process: the consensus index (marker) and the range of each participant's own index (whisker)."
                            svg=svg
                            filename=Signal::derive(move || format!("{}-spread", name()))
                        >
                            <table class="data-table">
                                <thead>
                                    <tr>
                                        <th scope="col">"Process"</th>
                                        <th scope="col">"Consensus"</th>
                                        <th scope="col">"Lowest"</th>
                                        <th scope="col">"Highest"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {move || {
                                        spreads
                                            .get()
                                            .unwrap_or_default()
                                            .into_iter()
                                            .map(|s| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{s.name.clone()}</th>
                                                        <td class="num">{format!("{:.2}", s.consensus)}</td>
                                                        <td class="num">{format!("{:.2}", s.min)}</td>
                                                        <td class="num">{format!("{:.2}", s.max)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()
                                    }}
                                </tbody>
                            </table>
                        </ChartFigure>
                    }
                })
        }}
    }
}

#[component]
fn Participants() -> impl IntoView {
    let state = expect_context::<Session>();
    let notices = expect_context::<Notices>();
    let new_name = RwSignal::new(String::new());
    let list = move || {
        state.assessment.with(|a| a.as_ref().map(|a| (a.participants.clone(), a.active.clone())).unwrap_or_default())
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_string();
        let p = Participant { id: new_id("p"), name, answers: Default::default() };
        if state.try_dispatch(Action::AddParticipant(p)).is_ok() {
            new_name.set(String::new());
        } else {
            notices.error("Give the participant a name (at most 120 characters).");
        }
    };
    view! {
        <section class="card" aria-labelledby="participants-heading">
            <h2 id="participants-heading">"Participants"</h2>
            <ul class="participant-list" id="participant-list">
                {move || {
                    let (people, active) = list();
                    let several = people.len() > 1;
                    people
                        .into_iter()
                        .map(|p| {
                            let is_active = p.id == active;
                            view! { <ParticipantItem p=p is_active=is_active several=several /> }
                        })
                        .collect_view()
                }}
            </ul>
            <form class="inline-form" on:submit=add>
                <label for="new-participant">"Add a participant"</label>
                <input
                    id="new-participant"
                    type="text"
                    maxlength="120"
                    placeholder="Name"
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))
                />
                <button type="submit" class="btn btn-secondary">
                    "Add"
                </button>
            </form>
            <form class="inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <label for="my-name">"Your name on this device"</label>
                <input
                    id="my-name"
                    type="text"
                    maxlength="120"
                    prop:value=move || {
                        state
                            .assessment
                            .with(|a| {
                                a.as_ref()
                                    .and_then(|a| a.participant(&a.active).map(|p| p.name.clone()))
                                    .unwrap_or_default()
                            })
                    }
                    on:change=move |ev| {
                        let active = state
                            .assessment
                            .with_untracked(|a| a.as_ref().map(|a| a.active.clone()))
                            .unwrap_or_default();
                        state
                            .dispatch(Action::RenameParticipant {
                                id: active,
                                name: event_target_value(&ev),
                            });
                    }
                />
            </form>
        </section>
    }
}

/// One participant: how many answers, and the buttons to answer as them or remove them.
#[component]
fn ParticipantItem(
    /// The participant.
    p: Participant,
    /// Whether they answer on this device.
    is_active: bool,
    /// Whether there is more than one (the last one cannot be removed).
    several: bool,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let (id1, id2) = (p.id.clone(), p.id.clone());
    let count = p.answers.values().filter(|e| e.answer.is_some()).count();
    view! {
        <li data-participant=p.name.clone() class:active=is_active>
            <strong>{p.name.clone()}</strong>
            <span class="muted small">{format!("{count} answers")}</span>
            {if is_active {
                view! { <span class="tag">"answering on this device"</span> }.into_any()
            } else {
                view! {
                    <button
                        class="btn btn-small"
                        on:click=move |_| {
                            state
                                .dispatch(Action::SetActiveParticipant {
                                    id: id1.clone(),
                                })
                        }
                    >
                        "Answer as this person"
                    </button>
                }
                    .into_any()
            }}
            {several
                .then(|| {
                    view! {
                        <button
                            class="btn btn-small btn-danger"
                            on:click=move |_| {
                                state
                                    .dispatch(Action::RemoveParticipant {
                                        id: id2.clone(),
                                    })
                            }
                        >
                            "Remove"
                        </button>
                    }
                })}
        </li>
    }
}

#[component]
fn ShareAnswers() -> impl IntoView {
    let state = expect_context::<Session>();
    let notices = expect_context::<Notices>();
    let incoming = RwSignal::new(Vec::<Incoming>::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let export_mine = move |_| {
        let file =
            state.assessment.with_untracked(|a| a.as_ref().and_then(|a| AnswersFile::of(a, state.catalog_ref())));
        if let Some(f) = file {
            download(
                &format!("{}-{}.answers.json", slug(&f.assessment_name), slug(&f.participant.name)),
                "application/json",
                &f.encode(),
            );
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(files) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        input.set_value("");
        incoming.set(Vec::new());
        errors.set(Vec::new());
        let this_id = state.assessment.with_untracked(|a| a.as_ref().map(|a| a.id.clone())).unwrap_or_default();
        leptos::task::spawn_local(async move {
            for f in picked {
                match read_answers(f, this_id.clone()).await {
                    Ok(i) => incoming.update(|v| v.push(i)),
                    Err(e) => errors.update(|v| v.push(e)),
                }
            }
        });
    };
    let existing = move |name: &str| {
        state.assessment.with_untracked(|a| {
            a.as_ref().is_some_and(|a| {
                a.participants.iter().any(|p| p.name.trim().eq_ignore_ascii_case(name.trim()) && !p.answers.is_empty())
            })
        })
    };
    let confirm = move |_| {
        for i in incoming.get_untracked() {
            if let Err(e) = state.try_dispatch(Action::ImportParticipant(i.participant.clone())) {
                errors.update(|v| v.push(format!("“{}”: {e}", i.file)));
            }
        }
        let n = incoming.with_untracked(|v| v.len());
        incoming.set(Vec::new());
        notices.info(format!("Imported the answers of {n} participant{}.", if n == 1 { "" } else { "s" }));
    };
    view! {
        <section class="card" aria-labelledby="share-heading">
            <h2 id="share-heading">"Answers files"</h2>
            <div class="actions">
                <button class="btn btn-secondary" id="export-my-answers" on:click=export_mine>
                    "Download my answers"
                </button>
                <label class="btn btn-secondary file-label" for="import-answers">
                    "Import participants' answers…"
                </label>
                <input
                    type="file"
                    id="import-answers"
                    class="sr-only"
                    multiple
                    accept=".json,application/json"
                    on:change=on_pick
                />
            </div>
            {move || {
                (!errors.with(|e| e.is_empty()))
                    .then(|| {
                        view! {
                            <ul class="field-error" role="alert" id="answers-errors">
                                {errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
            {move || {
                (!incoming.with(|v| v.is_empty()))
                    .then(|| {
                        view! {
                            <div class="subform" id="answers-preview" role="region" aria-label="Answers to import">
                                <h3>"Import these answers?"</h3>
                                <ul>
                                    {incoming
                                        .get()
                                        .into_iter()
                                        .map(|i| {
                                            let replaces = existing(&i.participant.name);
                                            view! { <IncomingItem i=i replaces=replaces /> }
                                        })
                                        .collect_view()}
                                </ul>
                                <div class="actions">
                                    <button class="btn btn-primary" id="confirm-answers" on:click=confirm>
                                        "Import"
                                    </button>
                                    <button class="btn btn-secondary" on:click=move |_| incoming.set(Vec::new())>
                                        "Cancel"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// One answers file waiting to be imported.
#[component]
fn IncomingItem(
    /// The file read.
    i: Incoming,
    /// Whether it replaces answers this person gave before.
    replaces: bool,
) -> impl IntoView {
    let count = i.participant.answers.values().filter(|e| e.answer.is_some()).count();
    let what = if replaces { "replaces their earlier answers" } else { "new participant" };
    view! {
        <li data-participant=i.participant.name.clone()>
            <strong>{i.participant.name.clone()}</strong>
            {format!(" · {count} answers · from “{}” · ", i.file)}
            <span class="tag">{what}</span>
            {i
                .other_assessment
                .map(|n| {
                    view! { <span class="field-error">{format!(" Made for another assessment (“{n}”).")}</span> }
                })}
        </li>
    }
}

/// "P" for a whole-step median, "between P and L" for a half step.
fn median_label(m: f64) -> String {
    let letter = |s: f64| Answer::from_steps(s as u8).map(|a| a.code()).unwrap_or("?");
    if m.fract() == 0.0 {
        letter(m).to_string()
    } else {
        format!("between {} and {}", letter(m.floor()), letter(m.ceil()))
    }
}

fn code(a: Option<Answer>) -> &'static str {
    a.map(|a| a.code()).unwrap_or("–")
}

#[component]
fn DiscussList() -> impl IntoView {
    let state = expect_context::<Session>();
    let items = Memo::new(move |_| state.results.with(|r| r.as_ref().map(discuss_list).unwrap_or_default()));
    view! {
        <section class="card" aria-labelledby="discuss-heading" id="discuss">
            <h2 id="discuss-heading">"To discuss"</h2>
            <p class="muted">
                "Questions where answers are two steps or more apart (for example P and F), the most important first. Agree on an answer together: it replaces the median in the results."
            </p>
            {move || {
                let list = items.get();
                if list.is_empty() {
                    return view! {
                        <p class="muted" id="discuss-empty">
                            "No disagreement of two steps or more."
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <ol class="discuss-list">
                        {list
                            .into_iter()
                            .map(|d| {
                                let key = d.key.clone();
                                let answers = state
                                    .assessment
                                    .with_untracked(|a| {
                                        a.as_ref()
                                            .map(|a| {
                                                a.participants
                                                    .iter()
                                                    .map(|p| (
                                                        p.name.clone(),
                                                        p.answers.get(&key).and_then(|e| e.answer),
                                                    ))
                                                    .collect::<Vec<_>>()
                                            })
                                            .unwrap_or_default()
                                    });
                                view! {
                                    <li class="discuss-item" data-key=d.key.0.clone()>
                                        <p class="eyebrow">{d.process_name.clone()}</p>
                                        <p class="q-text">{d.text.clone()}</p>
                                        <p class="answers-row">
                                            {answers
                                                .into_iter()
                                                .map(|(n, a)| {
                                                    view! {
                                                        <span class=format!(
                                                            "chip chip-{}",
                                                            code(a).to_lowercase(),
                                                        )>{n}": "<strong>{code(a)}</strong></span>
                                                    }
                                                })
                                                .collect_view()}
                                        </p>
                                        <p class="small muted">
                                            {format!(
                                                "Spread {} steps · median {}{}",
                                                d.spread,
                                                d.median.map(median_label).unwrap_or_else(|| "–".into()),
                                                if d.mixed_not_applicable > 0 {
                                                    format!(" · {}", d.why)
                                                } else {
                                                    String::new()
                                                },
                                            )}
                                        </p>
                                        <AgreedPicker key=key />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </section>
    }
}

/// The facilitator's agreed answer for one question, with a note.
#[component]
fn AgreedPicker(key: QuestionKey) -> impl IntoView {
    let state = expect_context::<Session>();
    let current = {
        let key = key.clone();
        Memo::new(move |_| state.assessment.with(|a| a.as_ref().and_then(|a| a.agreed.get(&key).cloned())))
    };
    let select_id = format!("agreed-{}", key.0.replace('/', "-"));
    let note_id = format!("{select_id}-note");
    let (k1, k2) = (key.clone(), key.clone());
    let on_pick = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let answer = Answer::ALL.into_iter().find(|a| a.code() == v);
        let note = current.get_untracked().map(|g| g.note).unwrap_or_default();
        state.dispatch(Action::SetAgreed { key: k1.clone(), agreed: answer.map(|answer| Agreed { answer, note }) });
    };
    let on_note = move |ev: leptos::ev::Event| {
        if let Some(g) = current.get_untracked() {
            state.dispatch(Action::SetAgreed {
                key: k2.clone(),
                agreed: Some(Agreed { answer: g.answer, note: event_target_value(&ev) }),
            });
        }
    };
    view! {
        <div class="agreed">
            <label for=select_id.clone()>"Agreed answer"</label>
            <select
                id=select_id
                class="agreed-select"
                prop:value=move || current.get().map(|g| g.answer.code().to_string()).unwrap_or_default()
                on:change=on_pick
            >
                <option value="">"Not agreed yet (use the median)"</option>
                {Answer::ALL
                    .into_iter()
                    .filter(|a| *a != Answer::DK)
                    .map(|a| view! { <option value=a.code()>{format!("{} — {}", a.code(), a.label())}</option> })
                    .collect_view()}
            </select>
            <label class="sr-only" for=note_id.clone()>
                "Why (note)"
            </label>
            <input
                id=note_id
                type="text"
                placeholder="Why? (optional)"
                maxlength="4000"
                disabled=move || current.with(|c| c.is_none())
                prop:value=move || current.get().map(|g| g.note).unwrap_or_default()
                on:change=on_note
            />
        </div>
    }
}
