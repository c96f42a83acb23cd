//! The Excel workbook button: the workbook is written in the export worker;
//! the button says so while it works, and a failure is a banner sentence
//! (the assessment is untouched).

use crate::domain::catalog::{DEFAULT_CATALOG_FILE, DEFAULT_CATALOG_ID};
use crate::ui::exporter::{download_bytes, in_worker};
use crate::ui::library::Library;
use crate::ui::state::{Notices, Session};
use crate::ui::util::fetch_text;
use leptos::prelude::*;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The worker's request: the open assessment as the app saves it, its catalog
/// as it was loaded (the default one from its file, cached) and the
/// projection, assembled as text (the catalog is never re-encoded here).
async fn request(state: Session, library: Library) -> Result<String, String> {
    let envelope = state.envelope().ok_or("no assessment is open")?;
    let projection = state.projection.get_untracked().id();
    let (id, version) =
        state.with_catalog_untracked(|c| (c.id.clone(), c.version.clone())).ok_or("its catalog is not loaded")?;
    let catalog = match library.catalog_text(&id, &version) {
        Some(text) => text,
        None if id == DEFAULT_CATALOG_ID => fetch_text(DEFAULT_CATALOG_FILE).await?,
        None => return Err(format!("the catalog {id} v{version} is not stored in this browser")),
    };
    Ok(format!(
        "{{\"kind\":\"xlsx\",\"projection\":\"{projection}\",\"catalog\":{catalog},\"envelope\":{}}}",
        envelope.encode()
    ))
}

/// "Excel workbook": writes and downloads `<file_base>.xlsx`.
#[component]
pub fn XlsxButton(
    /// Base of the file name.
    file_base: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let notices = expect_context::<Notices>();
    let library = expect_context::<Library>();
    let busy = RwSignal::new(false);
    let run = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let name = format!("{}.xlsx", file_base.get_untracked());
            let made = match request(state, library).await {
                Ok(req) => in_worker(req).await,
                Err(e) => Err(e),
            };
            match made {
                Ok(bytes) if download_bytes(&name, XLSX_MIME, &bytes) => {}
                Ok(_) => notices.error("The browser refused the download of the Excel workbook; nothing was changed."),
                Err(e) => notices.error(format!("The Excel workbook could not be made: {e}. Nothing was changed.")),
            }
            busy.set(false);
        });
    };
    view! {
        <button
            class="btn btn-secondary"
            id="export-xlsx"
            on:click=run
            prop:disabled=busy
            aria-busy=move || busy.get().to_string()
        >
            {move || if busy.get() { "Writing the workbook…" } else { "Excel workbook" }}
        </button>
    }
}
