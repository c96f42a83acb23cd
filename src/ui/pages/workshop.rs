//! Workshops: the participants of an assessment, "my answers" files going
//! out and coming back, the discuss list with each person's answer, and the
//! facilitator's agreed answers (which then drive the results).

use crate::charts::spread::spread_chart;
use crate::domain::assessment::{Agreed, Answer, Participant};
use crate::domain::format::{decode_answers, AnswersFile, MAX_BYTES};
use crate::domain::results::index_text;
use crate::domain::workshop::{discuss_list, spread};
use crate::domain::{Action, QuestionKey};
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::components::distribution::Distribution;
use crate::ui::library::Library;
use crate::ui::route::Step;
use crate::ui::state::{Notices, Session, Viewport};
use crate::ui::util::{download, format_when, new_id, read_text, slug};
use leptos::prelude::*;
use std::collections::HashSet;
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
        <WorkshopSteps />
        <Participants />
        <ShareAnswers />
        <DiscussList />
        <SpreadSection />
    }
}

/// The workshop in four steps: share the assessment, collect the answers
/// files, discuss where people disagree, present.
#[component]
fn WorkshopSteps() -> impl IntoView {
    let state = expect_context::<Session>();
    let library = expect_context::<Library>();
    let id = state.id();
    view! {
        <section class="card" aria-labelledby="kit-heading" id="workshop-kit">
            <h2 id="kit-heading">"Run the workshop"</h2>
            <ol class="kit-steps">
                <li>
                    <strong>"Share. "</strong>
                    "Send everyone the assessment file. They open it on their own device (Import on the start page), give their name here, answer, and use “Download my answers”. "
                    <button class="btn btn-small" id="share-assessment" on:click=move |_| library.export_open()>
                        "Download the assessment file"
                    </button>
                </li>
                <li>
                    <strong>"Collect. "</strong>
                    "Drop all the answers files below in one go; the table shows who has sent answers, how many and when."
                </li>
                <li>
                    <strong>"Discuss. "</strong>
                    "Go through "
                    <a href="#discuss">"the questions where people disagree"</a>
                    " and record the answer you agree on."
                </li>
                <li>
                    <strong>"Present. "</strong>
                    <a href=Step::Present.href(&id)>"The presenter view"</a>
                    " tells the story on a projector: the picture, the gaps, the priorities, the plan."
                </li>
            </ol>
        </section>
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
                            table_on_phone=true
                            title="Where the participants stand"
                            description="Per process: the group's capability index (marker), scored from the agreed answer where there is one and the median otherwise, and the range of each participant's own index (whisker)."
                            svg=svg
                            filename=Signal::derive(move || format!("{}-spread", name()))
                        >
                            <table class="data-table spread-table">
                                <thead>
                                    <tr>
                                        <th scope="col">"Process"</th>
                                        <th scope="col">"Consensus"</th>
                                        <th scope="col" class="range-col">
                                            "Range"
                                        </th>
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
                                                        <td class="num">
                                                            {index_text(s.consensus)}
                                                            <span class="muted small block range-inline nowrap">
                                                                {format!("range {}", s.range_text())}
                                                            </span>
                                                            {s
                                                                .agreed_note()
                                                                .map(|n| {
                                                                    view! { <span class="muted small block">{n}</span> }
                                                                })}
                                                        </td>
                                                        <td class="num nowrap range-col">{s.range_text()}</td>
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
    // The questions in scope: a participant's count is of these.
    let in_scope = Memo::new(move |_| {
        state.results.with(|r| {
            r.as_ref()
                .map(|r| r.in_scope().flat_map(|p| p.questions.iter().map(|q| q.key.clone())).collect::<HashSet<_>>())
                .unwrap_or_default()
        })
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_string();
        let p = Participant { id: new_id("p"), name, ..Default::default() };
        if state.try_dispatch(Action::AddParticipant(p)).is_ok() {
            new_name.set(String::new());
        } else {
            notices.error("Give the participant a name (at most 120 characters).");
        }
    };
    view! {
        <section class="card" aria-labelledby="participants-heading">
            <h2 id="participants-heading">"Participants"</h2>
            <ParticipantsSummary />
            <div class="table-wrap" tabindex="0" role="region" aria-label="Participants and their answers">
                <table class="data-table participant-table">
                    <caption class="sr-only">"Who has sent answers, how many, and when"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Participant"</th>
                            <th scope="col">"Answers"</th>
                            <th scope="col">"Received"</th>
                            <th scope="col">"Latest file"</th>
                            <th scope="col">
                                <span class="sr-only">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody id="participant-list">
                        {move || {
                            let (people, active) = list();
                            let several = people.len() > 1;
                            let asked = in_scope.get();
                            people
                                .into_iter()
                                .map(|p| {
                                    let is_active = p.id == active;
                                    let answered = p
                                        .answers
                                        .iter()
                                        .filter(|(k, e)| e.answer.is_some() && asked.contains(*k))
                                        .count();
                                    view! {
                                        <ParticipantItem
                                            p=p
                                            is_active=is_active
                                            several=several
                                            answered=answered
                                            asked=asked.len()
                                        />
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
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

/// "18 of 20 participants have answers · 2 still to send · last file received …":
/// the line a trainer reads out.
#[component]
fn ParticipantsSummary() -> impl IntoView {
    let state = expect_context::<Session>();
    view! {
        <p id="participants-summary">
            {move || {
                state
                    .assessment
                    .with(|a| {
                        let Some(a) = a.as_ref() else { return String::new() };
                        let total = a.participants.len();
                        let with = a.participants.iter().filter(|p| !p.answers.is_empty()).count();
                        let last = a
                            .participants
                            .iter()
                            .filter_map(|p| p.received)
                            .fold(None, |m: Option<f64>, t| Some(m.map_or(t, |m| m.max(t))));
                        let mut line = format!("{with} of {total} participants have answers");
                        if with < total {
                            line.push_str(&format!(" · {} still to send", total - with));
                        }
                        if let Some(t) = last {
                            line.push_str(&format!(" · last file received {}", format_when(t)));
                        }
                        line.push('.');
                        line
                    })
            }}
        </p>
    }
}

/// One participant's row of the status table: how many answers, when their
/// file came and whether it replaced earlier answers, and the buttons to
/// answer as them or remove them.
#[component]
fn ParticipantItem(
    /// The participant.
    p: Participant,
    /// Whether they answer on this device.
    is_active: bool,
    /// Whether there is more than one (the last one cannot be removed).
    several: bool,
    /// Their answers to questions in scope.
    answered: usize,
    /// The questions in scope.
    asked: usize,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let (id1, id2) = (p.id.clone(), p.id.clone());
    let received = match p.received {
        Some(ms) => format_when(ms),
        None if answered > 0 => "answered here".into(),
        None => "—".into(),
    };
    let file = match p.files {
        0 => "—",
        1 => "new",
        _ => "replaced earlier answers",
    };
    let status = if answered == 0 { "none yet".to_string() } else { format!("{answered} of {asked}") };
    view! {
        <tr data-participant=p.name.clone() class:active=is_active>
            <th scope="row">
                {p.name.clone()} {is_active.then(|| view! { <span class="tag">"answering on this device"</span> })}
            </th>
            <td class="num nowrap participant-count" data-label="Answers">
                {status}
            </td>
            <td class="nowrap participant-received" data-label="Received">
                {received}
            </td>
            <td class="participant-file" data-label="Latest file">
                {file}
            </td>
            <td class="row-actions">
                {(!is_active)
                    .then(|| {
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
                    })}
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
            </td>
        </tr>
    }
}

#[component]
fn ShareAnswers() -> impl IntoView {
    let state = expect_context::<Session>();
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
    let dragging = RwSignal::new(false);
    // Many files at once (picker or drop): all read, then one preview.
    let take = move |picked: Vec<web_sys::File>| {
        incoming.set(Vec::new());
        errors.set(Vec::new());
        let this_id = state.assessment.with_untracked(|a| a.as_ref().map(|a| a.id.clone())).unwrap_or_default();
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for f in picked {
                match read_answers(f, this_id.clone()).await {
                    Ok(i) => read.push(i),
                    Err(e) => errors.update(|v| v.push(e)),
                }
            }
            incoming.set(read);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(files) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        input.set_value("");
        take(picked);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(files) = ev.data_transfer().and_then(|d| d.files()) else { return };
        take((0..files.length()).filter_map(|i| files.get(i)).collect());
    };
    let on_over = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    view! {
        <section class="card" aria-labelledby="share-heading">
            <h2 id="share-heading">"Answers files"</h2>
            <div class="actions">
                <button class="btn btn-secondary" id="export-my-answers" on:click=export_mine>
                    "Download my answers"
                </button>
            </div>
            <div
                class="drop-zone"
                id="answers-drop"
                class:dragging=move || dragging.get()
                on:dragover=on_over
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>"Drop all the participants' answers files here at once, or"</p>
                <label class="btn btn-secondary file-label" for="import-answers">
                    "Choose answers files…"
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
            <AnswersPreview incoming=incoming errors=errors />
        </section>
    }
}

/// The answers files read, waiting for "Import": how many are new people and
/// how many replace earlier answers, and one line per file.
#[component]
fn AnswersPreview(
    /// The files read.
    incoming: RwSignal<Vec<Incoming>>,
    /// Problems to show (a file that cannot be imported).
    errors: RwSignal<Vec<String>>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let notices = expect_context::<Notices>();
    let existing = move |name: &str| {
        state.assessment.with_untracked(|a| {
            a.as_ref().is_some_and(|a| {
                a.participants.iter().any(|p| p.name.trim().eq_ignore_ascii_case(name.trim()) && !p.answers.is_empty())
            })
        })
    };
    let confirm = move |_| {
        let now = js_sys::Date::now();
        let (mut n, mut replaced) = (0, 0);
        for i in incoming.get_untracked() {
            let mut p = i.participant.clone();
            p.received = Some(now);
            let again = existing(&p.name);
            match state.try_dispatch(Action::ImportParticipant(p)) {
                Ok(()) => {
                    n += 1;
                    replaced += usize::from(again);
                }
                Err(e) => errors.update(|v| v.push(format!("“{}”: {e}", i.file))),
            }
        }
        incoming.set(Vec::new());
        let all = state.assessment.with_untracked(|a| a.as_ref().map_or(0, |a| a.participants.len()));
        let files = if n == 1 { "1 person's answers".to_string() } else { format!("{n} people's answers") };
        let which = match replaced {
            0 => String::new(),
            r if r == n => " (replacing earlier answers)".to_string(),
            r => format!(" ({r} replacing earlier answers)"),
        };
        notices.info(format!("Imported {files}{which}: {all} participant{} in all.", if all == 1 { "" } else { "s" }));
    };
    let tally = move || {
        incoming.with(|v| {
            let replacing = v.iter().filter(|i| existing(&i.participant.name)).count();
            let files = v.len();
            format!(
                "{files} file{}: {} new participant{}, {replacing} replacing earlier answers.",
                if files == 1 { "" } else { "s" },
                files - replacing,
                if files - replacing == 1 { "" } else { "s" }
            )
        })
    };
    view! {
        {move || {
            (!incoming.with(|v| v.is_empty()))
                .then(|| {
                    view! {
                        <div class="subform" id="answers-preview" role="region" aria-label="Answers to import">
                            <h3>"Import these answers?"</h3>
                            <p id="answers-tally">{tally}</p>
                            <ul class="incoming-list">
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
                let people = state.assessment.with_untracked(|a| a.as_ref().map_or(0, |a| a.participants.len()));
                let agreed = list.iter().filter(|d| d.agreed).count();
                view! {
                    <p class="discuss-count" id="discuss-count">
                        <strong>{format!("{} open", list.len() - agreed)}</strong>
                        {format!(" · {agreed} agreed")}
                    </p>
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
                                    <li class="discuss-item" class:is-agreed=d.agreed data-key=d.key.0.clone()>
                                        <p class="eyebrow">{d.process_name.clone()}</p>
                                        <p class="q-text">{d.text.clone()}</p>
                                        <Distribution tally=d.tally people=people names=answers />
                                        <p class="small muted discuss-stance">{d.stance_line(people)}</p>
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
                <option value="">"Not agreed (median)"</option>
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
