//! The start page: what the tool does, new assessment, the sample, import,
//! and the saved assessments with open, rename, duplicate, follow-up, export
//! and delete (with undo). On the first visit of a page load it resumes the
//! last assessment at the last step.

use crate::domain::units::org_key;
use crate::storage::IndexEntry;
use crate::ui::components::catalogs::CatalogManager;
use crate::ui::components::import::Importer;
use crate::ui::library::Library;
use crate::ui::route::{org_href, use_navigate, NavigateOptions, Step};
use crate::ui::state::Notices;
use crate::ui::util::format_when;
use leptos::prelude::*;
use std::time::Duration;

/// How long a deleted assessment can be brought back.
const UNDO_SECONDS: u64 = 15;

/// The landing page.
#[component]
pub fn Start() -> impl IntoView {
    let library = expect_context::<Library>();
    let navigate = use_navigate();
    library.refresh();

    // Resume where the user left off, once per page load; else show the
    // static hero, which index.html hides while a resume may follow.
    match library.take_resume() {
        Some(path) => {
            let nav = navigate.clone();
            request_animation_frame(move || nav(&path, NavigateOptions { replace: true }));
        }
        None => crate::ui::util::set_root_class("resuming", false),
    }

    let nav = navigate.clone();
    let new_assessment = move |_| {
        let nav = nav.clone();
        library.create_new(None, move |id| nav(&Step::Organization.href(&id), Default::default()));
    };
    let nav = navigate.clone();
    let open_sample = move |_| {
        let nav = nav.clone();
        library.open_sample(move |id| nav(&Step::Results.href(&id), Default::default()));
    };
    // The hero's text is index.html's, painted before the app started; its buttons go in there.
    let buttons = NodeRef::new();
    crate::ui::util::move_into_slot(buttons, "hero-actions");

    view! {
        <Templates />
        <section class="card" aria-labelledby="saved-heading">
            <div class="section-head">
                <h2 id="saved-heading">"Saved assessments"</h2>
                {move || {
                    (!library.saved.with(|s| s.is_empty()))
                        .then(|| {
                            view! {
                                <button class="btn btn-small" id="backup-all" on:click=move |_| library.backup_all()>
                                    "Back up all"
                                </button>
                            }
                        })
                }}
            </div>
            <SavedList />
            <StorageRoom />
            <Importer />
        </section>
        <RunWorkshop />
        <CatalogManager />
        // Last in this view, as it moves: the router places the next page where this view's first node is.
        <div class="actions" node_ref=buttons>
            <button class="btn btn-primary" id="new-assessment" on:click=new_assessment>
                "New assessment"
            </button>
            <button class="btn btn-secondary" id="open-sample" on:click=open_sample>
                "Open the Pizza&Pizza sample"
            </button>
        </div>
    }
}

/// The way in for a trainer or facilitator: what a workshop is here, in four
/// steps, and where to begin.
#[component]
fn RunWorkshop() -> impl IntoView {
    let library = expect_context::<Library>();
    let navigate = use_navigate();
    let nav = navigate.clone();
    let prepare = move |_| {
        let nav = nav.clone();
        library.create_new(None, move |id| nav(&Step::Organization.href(&id), Default::default()));
    };
    let see_sample = move |_| {
        let nav = navigate.clone();
        library.open_sample(move |id| nav(&Step::Workshop.href(&id), Default::default()));
    };
    view! {
        <section class="card" aria-labelledby="run-workshop-heading" id="run-workshop">
            <h2 id="run-workshop-heading">"Run a workshop"</h2>
            <p class="muted">
                "For a team of any size up to 60: everyone answers on their own device, you bring the answers together, discuss where people disagree and present the result."
            </p>
            <ol class="kit-steps kit-row">
                <li>
                    <strong>"Share"</strong>
                    " the assessment file"
                </li>
                <li>
                    <strong>"Collect"</strong>
                    " everyone's answers files in one go"
                </li>
                <li>
                    <strong>"Discuss"</strong>
                    " where answers differ"
                </li>
                <li>
                    <strong>"Present"</strong>
                    " the story on a projector"
                </li>
            </ol>
            <div class="actions">
                <button class="btn btn-secondary" id="prepare-workshop" on:click=prepare>
                    "Prepare a workshop"
                </button>
                <button class="btn btn-secondary" id="sample-workshop" on:click=see_sample>
                    "See the sample's workshop"
                </button>
                <span class="muted small">
                    "Got a workshop file from a facilitator? Use “Import a file…” above."
                </span>
            </div>
        </section>
    }
}

/// The catalog's templates: a new assessment with scope and targets filled in.
#[component]
fn Templates() -> impl IntoView {
    let library = expect_context::<Library>();
    let navigate = use_navigate();
    let templates = move || library.head().templates;
    move || {
        let list = templates();
        let navigate = navigate.clone();
        (!list.is_empty()).then(|| {
            let cards = list
                .into_iter()
                .map(|t| {
                    let navigate = navigate.clone();
                    let id = t.id.clone();
                    let start = move |_| {
                        let navigate = navigate.clone();
                        library.create_new(Some(id.clone()), move |id| {
                            navigate(&Step::Organization.href(&id), Default::default())
                        });
                    };
                    let facts = format!("{} processes · targets up to level {}", t.processes, t.top_target);
                    view! {
                        <li class="template" data-template=t.id.clone()>
                            <h3>{t.name.clone()}</h3>
                            <p class="small">{t.description.clone()}</p>
                            <p class="muted small">{facts}</p>
                            <button class="btn btn-secondary btn-small" on:click=start>
                                {format!("Start with \u{2018}{}\u{2019}", t.name)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="card" aria-labelledby="templates-heading">
                    <h2 id="templates-heading">"Or start from a template"</h2>
                    <p class="muted">
                        "A template fills in which processes to assess and their target levels. You can change all of it on the scope page."
                    </p>
                    <ul class="templates">{cards}</ul>
                </section>
            }
        })
    }
}

/// The list of saved assessments, with the undo offer after a delete.
#[component]
fn SavedList() -> impl IntoView {
    let library = expect_context::<Library>();
    let renaming = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<(String, String)>); // (name, raw text)
    let delete = Callback::new(move |(id, name): (String, String)| {
        if let Some(text) = library.delete(&id) {
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
    });
    let undo = move |_| {
        if let Some((_, text)) = deleted.get_untracked() {
            deleted.set(None);
            library.undo_delete(&text);
        }
    };
    view! {
        {move || {
            deleted
                .get()
                .map(|(name, _)| {
                    view! {
                        <p class="notice undo" role="status" id="undo-delete-notice">
                            {format!("Deleted “{name}”. ")}
                            <button class="btn-link" id="undo-delete" on:click=undo>
                                "Undo"
                            </button>
                        </p>
                    }
                })
        }}
        {move || {
            let list = library.saved.get();
            if list.is_empty() {
                return view! {
                    <p class="muted" id="no-saved">
                        "No saved assessments yet. Start a new one, open the sample to see a complete result, or import a file."
                    </p>
                }
                    .into_any();
            }
            view! {
                <ul class="saved-list">
                    {list
                        .into_iter()
                        .map(|e| view! { <SavedItem entry=e renaming=renaming on_delete=delete /> })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}

/// How much is stored, how much room is left, and whether the browser keeps it.
#[component]
fn StorageRoom() -> impl IntoView {
    let library = expect_context::<Library>();
    let room = RwSignal::new(None::<(f64, f64)>);
    let kept = RwSignal::new(None::<bool>);
    let asked = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        room.set(library.room().await);
        kept.set(library.kept(false).await);
    });
    let ask = move |_| {
        asked.set(true);
        leptos::task::spawn_local(async move { kept.set(library.kept(true).await) });
    };
    let size = crate::ui::util::size_text;
    move || {
        if !library.can_store() {
            return None;
        }
        let count = library.saved.with(Vec::len);
        let mine = size(library.stored_size() as f64);
        let room_text = room.get().map(|(used, quota)| {
            format!(
                " Room left for this site: about {} (the browser's estimate; it reports {} on disk for this site, where it may keep the data compressed).",
                size(quota - used),
                size(used)
            )
        });
        let keep = match kept.get() {
            Some(true) => view! {
                <span id="storage-kept">
                    "The browser keeps this data: it will not clear it on its own when the disk runs low."
                </span>
            }
            .into_any(),
            Some(false) if asked.get() => view! {
                <span id="storage-kept">
                    "The browser declined for now (it decides by how much this site is used; bookmarking or installing it helps). Export a backup of what matters."
                </span>
            }
            .into_any(),
            _ => view! {
                <span>
                    "When the disk runs low, a browser may clear the data of sites it deems unused. "
                    <button class="btn-link" id="storage-persist" on:click=ask>
                        "Ask the browser to keep it"
                    </button>
                </span>
            }
            .into_any(),
        };
        Some(view! {
            <p class="muted small" id="storage-room">
                {format!("Stored in this browser: {mine} in {count} assessment{}.", if count == 1 { "" } else { "s" })}
                {room_text}
                " "
                {keep}
            </p>
        })
    }
}

/// One saved assessment with its actions.
#[component]
fn SavedItem(
    /// The index line shown.
    entry: IndexEntry,
    /// The id being renamed, if any.
    renaming: RwSignal<Option<String>>,
    /// Deletes (id, name), offering undo.
    on_delete: Callback<(String, String)>,
) -> impl IntoView {
    let library = expect_context::<Library>();
    let navigate = use_navigate();
    let id = StoredValue::new(entry.id.clone());
    let name = StoredValue::new(entry.name.clone());
    let is_renaming = move || renaming.get().as_deref() == Some(id.get_value().as_str());
    let org = if entry.organization.trim().is_empty() {
        view! { <span class="muted">"Organization not named yet"</span> }.into_any()
    } else {
        let unit = entry.unit.trim();
        let text =
            if unit.is_empty() { entry.organization.clone() } else { format!("{} · {unit}", entry.organization) };
        view! {
            <a
                class="saved-org"
                href=org_href(&org_key(&entry.organization))
                title="Every assessment of this organization: units side by side and history"
            >
                {text}
            </a>
        }
        .into_any()
    };
    let pct = crate::domain::results::percent_done(entry.completion);
    let follow_up = move |_| {
        let navigate = navigate.clone();
        library.follow_up(&id.get_value(), move |nid| navigate(&Step::Scope.href(&nid), Default::default()));
    };
    view! {
        <li data-assessment=entry.id.clone()>
            <div class="saved-main">
                {move || {
                    if is_renaming() {
                        view! { <RenameForm id=id.get_value() name=name.get_value() renaming=renaming /> }.into_any()
                    } else {
                        view! {
                            <a href=Step::Results.href(&id.get_value()) class="saved-name">
                                {name.get_value()}
                            </a>
                        }
                            .into_any()
                    }
                }} {org} <span class="saved-progress" title="Questions in scope answered">
                    <span class="mini-meter" aria-hidden="true">
                        <span style=format!("width: {pct}%")></span>
                    </span>
                    {format!("{pct}\u{a0}% answered")}
                </span>
                {entry
                    .resume
                    .clone()
                    .map(|r| {
                        let left = if r.minutes_left == 0 {
                            String::new()
                        } else {
                            format!(" · about {} min left", r.minutes_left)
                        };
                        view! {
                            <a
                                class="btn btn-small btn-primary act-continue"
                                href=Step::Process(r.process.clone()).href(&entry.id)
                            >
                                {format!(
                                    "Continue: {} · {}",
                                    r.name,
                                    crate::domain::results::percent_text(r.completion),
                                )}
                            </a>
                            <span class="muted small saved-left">{left}</span>
                        }
                    })}
                <span class="muted small">
                    "Last change: "{format_when(entry.updated)} " · "
                    <span class="saved-size">{crate::ui::util::size_text(library.size_of(&entry.id) as f64)}</span>
                </span>
            </div>
            <div class="row-actions">
                <button class="btn btn-small act-rename" on:click=move |_| renaming.set(Some(id.get_value()))>
                    "Rename"
                </button>
                <button class="btn btn-small act-duplicate" on:click=move |_| library.duplicate(&id.get_value())>
                    "Duplicate"
                </button>
                <button
                    class="btn btn-small act-follow-up"
                    title="A new assessment with the same organization, objectives, services and scope; answers start empty"
                    on:click=follow_up
                >
                    "Follow-up"
                </button>
                <button
                    class="btn btn-small act-export"
                    on:click=move |_| library.export(&id.get_value(), &name.get_value())
                >
                    "Export"
                </button>
                <button
                    class="btn btn-small btn-danger act-delete"
                    on:click=move |_| on_delete.run((id.get_value(), name.get_value()))
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
}

/// Renames one saved assessment in place.
#[component]
fn RenameForm(
    /// The assessment's id.
    id: String,
    /// Its current name.
    name: String,
    /// Cleared when the form closes.
    renaming: RwSignal<Option<String>>,
) -> impl IntoView {
    let library = expect_context::<Library>();
    let notices = expect_context::<Notices>();
    let input_id = format!("rename-{id}");
    let value = RwSignal::new(name);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = value.get_untracked().trim().to_string();
        if name.is_empty() {
            notices.error("An assessment needs a name.");
            return;
        }
        renaming.set(None);
        library.rename(&id, name);
    };
    view! {
        <form class="rename" on:submit=save>
            <label class="sr-only" for=input_id.clone()>
                "New name"
            </label>
            <input
                type="text"
                id=input_id
                maxlength="120"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <button type="submit" class="btn btn-small">
                "Save"
            </button>
            <button type="button" class="btn btn-small" on:click=move |_| renaming.set(None)>
                "Cancel"
            </button>
        </form>
    }
}
