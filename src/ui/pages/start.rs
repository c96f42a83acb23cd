//! The start page: what the tool does, new assessment, the sample, import,
//! and the saved assessments with open, rename, duplicate, follow-up, export
//! and delete (with undo). On the first visit of a page load it resumes the
//! last assessment at the last step.

use crate::domain::format::{decode, Backup, Envelope};
use crate::domain::sample::sample;
use crate::domain::{evaluate, Assessment};
use crate::storage::{self, IndexEntry};
use crate::ui::components::catalogs::CatalogManager;
use crate::ui::components::import::Importer;
use crate::ui::state::AppState;
use crate::ui::util::{download, format_when, new_id, slug, today};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::time::Duration;

/// How long a deleted assessment can be brought back.
const UNDO_SECONDS: u64 = 15;

/// The landing page.
#[component]
pub fn Start() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let saved = RwSignal::new(storage::index());
    let refresh = Callback::new(move |_: ()| saved.set(storage::index()));

    // Resume where the user left off, once per page load.
    if !state.resumed.get_value() {
        state.resumed.set_value(true);
        if let Some(path) = storage::last_path() {
            let id = path.trim_start_matches("/a/").split('/').next().unwrap_or("").to_string();
            if path.starts_with("/a/") && saved.with_untracked(|s| s.iter().any(|e| e.id == id)) {
                let nav = navigate.clone();
                request_animation_frame(move || nav(&path, NavigateOptions { replace: true, ..Default::default() }));
            }
        }
    }

    let nav = navigate.clone();
    let new_assessment = move |_| {
        let a = Assessment::new(&new_id("a"), "New assessment", &today());
        let id = a.id.clone();
        state.create(a);
        nav(&format!("/a/{id}/organization"), Default::default());
    };
    let nav = navigate.clone();
    let open_sample = move |_| match sample() {
        Ok(env) => {
            let id = env.assessment.id.clone();
            match storage::load(&id) {
                Ok(Some((existing, text))) => state.open(existing, text),
                _ => {
                    // The sample is made with the built-in catalog.
                    state.flush();
                    state.close_unsaved();
                    state.catalog.set(crate::domain::Catalog::default_catalog());
                    state.create(env.assessment)
                }
            }
            nav(&format!("/a/{id}/results"), Default::default());
        }
        Err(e) => state.error.set(Some(format!("The sample could not be loaded: {e}"))),
    };
    let backup_all = move |_| {
        let list: Vec<Envelope> =
            storage::index().iter().filter_map(|e| storage::raw(&e.id)).filter_map(|t| decode(&t).ok()).collect();
        let n = list.len();
        download(&format!("itsm-backup-{}.json", today()), "application/json", &Backup::new(list).encode());
        state.notice.set(Some(format!("Backup of {n} assessments downloaded.")));
    };

    view! {
        <section class="hero">
            <h1>"How well does your IT service management serve the business?"</h1>
            <p class="lede">
                "Start from your business objectives and the IT services they depend on; the tool works out which ITSM processes matter most, "
                "asks how they work today, and shows capability levels, gaps and a prioritized roadmap."
            </p>
            <p class="privacy-note">"Everything stays in this browser: nothing you enter is ever sent anywhere."</p>
            <div class="actions">
                <button class="btn btn-primary" id="new-assessment" on:click=new_assessment>"New assessment"</button>
                <button class="btn btn-secondary" id="open-sample" on:click=open_sample>"Open the Pizza&Pizza sample"</button>
            </div>
        </section>
        <section class="card" aria-labelledby="saved-heading">
            <div class="section-head">
                <h2 id="saved-heading">"Saved assessments"</h2>
                {move || (!saved.with(|s| s.is_empty())).then(|| view! {
                    <button class="btn btn-small" id="backup-all" on:click=backup_all>"Back up all"</button>
                })}
            </div>
            <SavedList saved=saved refresh=refresh/>
            <Importer on_done=refresh/>
        </section>
        <CatalogManager/>
    }
}

/// Loads a saved assessment, changes it and saves it (or edits the open one).
fn edit_saved(state: AppState, id: &str, f: impl FnOnce(&mut Assessment)) -> Result<(), String> {
    if state.open_id().as_deref() == Some(id) {
        state.flush();
    }
    let (mut env, text) = storage::load(id).map_err(|e| e.to_string())?.ok_or("It is no longer saved.")?;
    f(&mut env.assessment);
    let completion = state.catalog.with_untracked(|c| evaluate(c, &env.assessment).completion());
    storage::save(&env, completion, Some(&text)).map_err(|e| e.to_string())?;
    if state.open_id().as_deref() == Some(id) {
        if let Ok(Some((env, text))) = storage::load(id) {
            state.open(env, text);
        }
    }
    Ok(())
}

/// The list of saved assessments with their actions.
#[component]
fn SavedList(
    /// The index as shown.
    saved: RwSignal<Vec<IndexEntry>>,
    /// Re-reads the index.
    refresh: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let renaming = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<(String, String)>); // (name, raw text)

    let report = move |r: Result<(), String>| {
        if let Err(e) = r {
            state.error.set(Some(format!("That did not work: {e}")));
        }
        refresh.run(());
    };
    let duplicate = move |id: String| {
        let r = storage::load(&id).map_err(|e| e.to_string()).and_then(|l| {
            let (env, _) = l.ok_or("It is no longer saved.")?;
            let copy = env.assessment.duplicate(&new_id("a"), &format!("Copy of {}", env.assessment.name));
            storage::put(&Envelope::new(copy, env.catalog), 0.0).map(|_| ()).map_err(|e| e.to_string())
        });
        report(r);
    };
    let nav = navigate.clone();
    let follow_up = move |id: String| match storage::load(&id) {
        Ok(Some((env, _))) => {
            let next = env.assessment.follow_up(&new_id("a"), &today());
            let nid = next.id.clone();
            state.create(next);
            nav(&format!("/a/{nid}/scope"), Default::default());
        }
        Ok(None) => report(Err("It is no longer saved.".into())),
        Err(e) => report(Err(e.to_string())),
    };
    let export = move |(id, name): (String, String)| match storage::raw(&id) {
        Some(text) => {
            download(&format!("{}.itsm.json", slug(&name)), "application/json", &text);
        }
        None => report(Err("It is no longer saved.".into())),
    };
    let delete = move |(id, name): (String, String)| {
        if state.open_id().as_deref() == Some(id.as_str()) {
            state.close_unsaved();
        }
        if let Some(text) = storage::raw(&id) {
            storage::remove(&id);
            deleted.set(Some((name, text.clone())));
            // Offer undo for a while; a later deletion replaces the offer.
            set_timeout(
                move || {
                    deleted.update(|d| {
                        if d.as_ref().is_some_and(|(_, t)| *t == text) {
                            *d = None
                        }
                    })
                },
                Duration::from_secs(UNDO_SECONDS),
            );
        }
        refresh.run(());
    };
    let undo = move |_| {
        if let Some((_, text)) = deleted.get_untracked() {
            let r = decode(&text).map_err(|e| e.to_string()).and_then(|env| {
                let completion = state.catalog.with_untracked(|c| evaluate(c, &env.assessment).completion());
                storage::put(&env, completion).map(|_| ()).map_err(|e| e.to_string())
            });
            deleted.set(None);
            report(r);
        }
    };

    view! {
        {move || deleted.get().map(|(name, _)| view! {
            <p class="notice undo" role="status" id="undo-delete-notice">{format!("Deleted “{name}”. ")}
                <button class="btn-link" id="undo-delete" on:click=undo>"Undo"</button></p>
        })}
        {move || {
            let list = saved.get();
            if list.is_empty() {
                return view! { <p class="muted" id="no-saved">"No saved assessments yet. Start a new one, open the sample to see a complete result, or import a file."</p> }.into_any();
            }
            view! {
                <ul class="saved-list">
                    {list.into_iter().map(|e| {
                        let id = e.id.clone();
                        let is_renaming = { let id = id.clone(); move || renaming.get().as_deref() == Some(id.as_str()) };
                        let org = if e.organization.is_empty() { "Organization not named yet".to_string() } else { e.organization.clone() };
                        let pct = (e.completion * 100.0).round();
                        let (i1, i2, i3, i4, i5, i6) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                        let (n1, n2) = (e.name.clone(), e.name.clone());
                        let name_for_input = e.name.clone();
                        view! {
                            <li data-assessment=e.id.clone()>
                                <div class="saved-main">
                                    {move || if is_renaming() {
                                        let id = i1.clone();
                                        let input_id = format!("rename-{id}");
                                        let value = RwSignal::new(name_for_input.clone());
                                        let save = move |ev: leptos::ev::SubmitEvent| {
                                            ev.prevent_default();
                                            let name = value.get_untracked().trim().to_string();
                                            if name.is_empty() {
                                                state.error.set(Some("An assessment needs a name.".into()));
                                                return;
                                            }
                                            renaming.set(None);
                                            report(edit_saved(state, &id, |a| a.name = name));
                                        };
                                        view! {
                                            <form class="rename" on:submit=save>
                                                <label class="sr-only" for=input_id.clone()>"New name"</label>
                                                <input type="text" id=input_id maxlength="120" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                                                <button type="submit" class="btn btn-small">"Save"</button>
                                                <button type="button" class="btn btn-small" on:click=move |_| renaming.set(None)>"Cancel"</button>
                                            </form>
                                        }.into_any()
                                    } else {
                                        view! { <a href=format!("/a/{}/results", i1) class="saved-name">{n1.clone()}</a> }.into_any()
                                    }}
                                    <span class="muted">{org}</span>
                                    <span class="saved-progress" title="Questions in scope answered">
                                        <span class="mini-meter" aria-hidden="true"><span style=format!("width: {pct}%")></span></span>
                                        {format!("{pct} % answered")}
                                    </span>
                                    <span class="muted small">"Last change: "{format_when(e.updated)}</span>
                                </div>
                                <div class="row-actions">
                                    <button class="btn btn-small act-rename" on:click=move |_| renaming.set(Some(i2.clone()))>"Rename"</button>
                                    <button class="btn btn-small act-duplicate" on:click=move |_| duplicate(i3.clone())>"Duplicate"</button>
                                    <button class="btn btn-small act-follow-up" title="A new assessment with the same organization, objectives, services and scope; answers start empty"
                                        on:click={ let f = follow_up.clone(); move |_| f(i4.clone()) }>"Follow-up"</button>
                                    <button class="btn btn-small act-export" on:click=move |_| export((i5.clone(), n2.clone()))>"Export"</button>
                                    <button class="btn btn-small btn-danger act-delete" on:click={ let n = e.name.clone(); move |_| delete((i6.clone(), n.clone())) }>"Delete"</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
