//! The Excel workbook button: the workbook is written in the export worker;
//! the button says so while it works, and a failure is a banner sentence
//! (the assessment is untouched).

use crate::ui::exporter::{download_bytes, in_worker};
use crate::ui::state::{Notices, Session};
use leptos::prelude::*;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The open assessment, its catalog and the projection as the worker's request.
fn request(state: &Session) -> Option<String> {
    let envelope = state.envelope()?;
    let projection = state.projection.get_untracked().id();
    state.with_catalog_untracked(|catalog| {
        serde_json::json!({"kind": "xlsx", "catalog": catalog, "envelope": envelope, "projection": projection})
            .to_string()
    })
}

/// "Excel workbook": writes and downloads `<file_base>.xlsx`.
#[component]
pub fn XlsxButton(
    /// Base of the file name.
    file_base: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let notices = expect_context::<Notices>();
    let busy = RwSignal::new(false);
    let run = move |_| {
        let Some(req) = request(&state) else { return };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let name = format!("{}.xlsx", file_base.get_untracked());
            match in_worker(req).await {
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
