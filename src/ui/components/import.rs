//! Importing files: a file picker and a drop zone, a preview of what will be
//! created or replaced, and only then the writes — all or nothing.

use crate::domain::format::{decode_any, Envelope, MAX_BYTES};
use crate::ui::library::Library;
use crate::ui::state::Notices;
use crate::ui::util::read_text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A decoded file waiting for the user's confirmation.
#[derive(Clone)]
struct Preview {
    file: String,
    envelopes: Vec<Envelope>,
}

/// Reads a file and decodes it; every failure is a sentence naming the file.
async fn read_file(file: web_sys::File) -> Result<Preview, String> {
    let name = file.name();
    let text = read_text(&file, MAX_BYTES).await.map_err(|e| format!("{e}. Nothing was imported."))?;
    let imported = decode_any(&text).map_err(|e| format!("“{name}” cannot be imported: {e}. Nothing was imported."))?;
    Ok(Preview { file: name, envelopes: imported.envelopes })
}

/// The import control with its preview.
#[component]
pub fn Importer() -> impl IntoView {
    let library = expect_context::<Library>();
    let notices = expect_context::<Notices>();
    let preview = RwSignal::new(None::<Preview>);
    let error = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let take = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        error.set(None);
        preview.set(None);
        leptos::task::spawn_local(async move {
            match read_file(file).await {
                Ok(p) => preview.set(Some(p)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        take(input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)));
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take(ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
    };
    let confirm = move |as_copies: bool| {
        let Some(p) = preview.get_untracked() else { return };
        let file = p.file.clone();
        library.import(p.envelopes, as_copies, move |r| match r {
            Ok(n) => notices.info(format!("Imported {n} assessment{} from “{file}”.", if n == 1 { "" } else { "s" })),
            Err(e) => error.set(Some(format!("Nothing was imported: {e}"))),
        });
        preview.set(None);
    };
    view! {
        <div
            class="import"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
            id="drop-zone"
        >
            <label class="btn btn-secondary file-label" for="import-file">
                "Import a file…"
            </label>
            <input type="file" id="import-file" class="sr-only" accept=".json,application/json" on:change=on_pick />
            <span class="muted small">
                "or drop an exported .json file here. You will see what it contains before anything is saved."
            </span>
        </div>
        {move || {
            error
                .get()
                .map(|e| {
                    view! {
                        <p class="field-error" role="alert" id="import-error">
                            {e}
                        </p>
                    }
                })
        }}
        {move || preview.get().map(|p| view! { <ImportPreview p=p confirm=Callback::new(confirm) preview=preview /> })}
    }
}

/// What a file will create or replace, with the buttons to go ahead.
#[component]
fn ImportPreview(
    /// The decoded file.
    p: Preview,
    /// Writes it: `true` imports taken ids as copies.
    confirm: Callback<bool>,
    /// Cleared on cancel.
    preview: RwSignal<Option<Preview>>,
) -> impl IntoView {
    let library = expect_context::<Library>();
    let existing = move |id: &str| library.saved_name(id);
    let replaces = p.envelopes.iter().filter(|e| existing(&e.assessment.id).is_some()).count();
    let items = p
        .envelopes
        .iter()
        .map(|e| {
            let a = &e.assessment;
            let what = match existing(&a.id) {
                Some(old) => format!("replaces the saved “{old}”"),
                None => "new".to_string(),
            };
            let answers: usize = a.participants.iter().map(|p| p.answers.len()).sum();
            let org = if a.organization.name.is_empty() { "no organization" } else { &a.organization.name };
            view! {
                <li data-id=a.id.clone()>
                    <strong>{a.name.clone()}</strong>
                    {format!(" · {org} · {} participant(s), {answers} answers · ", a.participants.len())}
                    <span class="tag">{what}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="subform" id="import-preview" role="region" aria-label="Import preview">
            <h3>{format!("Import from “{}”", p.file)}</h3>
            <ul>{items}</ul>
            <div class="actions">
                <button class="btn btn-primary" id="confirm-import" on:click=move |_| confirm.run(false)>
                    {if replaces > 0 { "Import and replace" } else { "Import" }}
                </button>
                {(replaces > 0)
                    .then(|| {
                        view! {
                            <button class="btn btn-secondary" id="import-copies" on:click=move |_| confirm.run(true)>
                                "Import as copies"
                            </button>
                        }
                    })}
                <button class="btn btn-secondary" id="cancel-import" on:click=move |_| preview.set(None)>
                    "Cancel"
                </button>
            </div>
        </div>
    }
}
