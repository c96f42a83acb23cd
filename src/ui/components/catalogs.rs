//! Catalogs: which one new assessments use, loading a catalog file (validated
//! with the same precise messages as the built-in one), and downloading the
//! default catalog as a starting point for trainers and consultants.

use crate::domain::catalog::{default_head, DEFAULT_CATALOG_FILE};
use crate::domain::Catalog;
use crate::ui::library::{catalog_key as key, head_key, Library};
use crate::ui::state::Notices;
use crate::ui::util::read_text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The catalog controls on the start page.
#[component]
pub fn CatalogManager() -> impl IntoView {
    let library = expect_context::<Library>();
    let notices = expect_context::<Notices>();
    let problems = RwSignal::new(None::<(String, Vec<String>)>);
    // The built-in catalog first (by its head: it is loaded only when needed), then the loaded ones.
    let options = move || {
        let label = |name: &str, version: &str| format!("{name} · v{version}");
        let default = default_head();
        let mut list = vec![(head_key(&default), label(&default.name, &default.version))];
        library.custom_catalogs.with(|l| list.extend(l.iter().map(|c| (key(c), label(&c.name, &c.version)))));
        list
    };
    // The open assessment keeps its own catalog: it is closed (saved) before switching.
    let choose = move |k: String| library.choose_catalog(&k);
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        problems.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let text = match read_text(&file, crate::domain::format::MAX_BYTES).await {
                Ok(t) => t,
                Err(e) => {
                    problems.set(Some((name, vec![e])));
                    return;
                }
            };
            match Catalog::parse(&text) {
                Err(errors) => problems.set(Some((name, errors.iter().map(|e| e.to_string()).collect()))),
                Ok(c) => {
                    let k = key(&c);
                    let what = format!(
                        "Loaded the catalog “{}” version {} ({} processes). New assessments now use it.",
                        c.name,
                        c.version,
                        c.processes.len()
                    );
                    library.add_catalog(c, &text);
                    notices.info(what);
                    choose(k);
                }
            }
        });
    };
    view! {
        <details class="card trainer-block" id="catalogs">
            <summary>
                <h2 id="catalogs-heading">"For trainers and consultants: the catalog"</h2>
            </summary>
            <p class="muted">
                "The catalog holds the processes, questions and rules. Trainers and consultants can adapt a copy of the default one and load it here; every assessment records which catalog it was made with."
            </p>
            <div class="inline-form">
                <label for="catalog-select">"Catalog for new assessments"</label>
                <select
                    id="catalog-select"
                    prop:value=move || head_key(&library.head())
                    on:change=move |ev| choose(event_target_value(&ev))
                >
                    {move || {
                        options()
                            .into_iter()
                            .map(|(k, label)| view! { <option value=k>{label}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="actions">
                <label class="btn btn-secondary file-label" for="load-catalog">
                    "Load a catalog file…"
                </label>
                <input
                    type="file"
                    id="load-catalog"
                    class="sr-only"
                    accept=".json,application/json"
                    on:change=on_pick
                />
                <a
                    class="btn btn-secondary"
                    id="download-default-catalog"
                    href=DEFAULT_CATALOG_FILE
                    download="itsm-default-catalog.json"
                >
                    "Download the default catalog"
                </a>
            </div>
            {move || {
                problems
                    .get()
                    .map(|(file, list)| {
                        view! {
                            <div class="field-error" role="alert" id="catalog-errors">
                                <p>
                                    {format!(
                                        "“{file}” was not loaded: {} problem{} to fix.",
                                        list.len(),
                                        if list.len() == 1 { "" } else { "s" },
                                    )}
                                </p>
                                <ul>{list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                            </div>
                        }
                    })
            }}
        </details>
    }
}
