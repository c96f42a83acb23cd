//! The Excel workbook and Word report buttons: the file is written in the
//! export worker; the button says so while it works, and a failure is a
//! banner sentence (the assessment is untouched). For the Word report the page
//! first draws the charts as PNG pictures (light colours, print width).

use crate::charts::cascade::cascade_chart;
use crate::charts::{gaps::gap_bars, heatmap::heatmap, objectives::objective_bars, radar::radar, ChartOptions};
use crate::domain::cascade::{cascade, MAX_PROCESSES};
use crate::domain::catalog::{DEFAULT_CATALOG_FILE, DEFAULT_CATALOG_ID};
use crate::ui::exporter::{download_bytes, in_worker};
use crate::ui::library::Library;
use crate::ui::state::{Notices, Session};
use crate::ui::util::{fetch_text, png_of_svg};
use leptos::prelude::*;

/// A file the export worker writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Xlsx,
    Docx,
}

impl ExportKind {
    fn id(self) -> &'static str {
        match self {
            ExportKind::Xlsx => "xlsx",
            ExportKind::Docx => "docx",
        }
    }
    fn mime(self) -> &'static str {
        match self {
            ExportKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ExportKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }
    /// The file's name in sentences: "the Excel workbook".
    fn what(self) -> &'static str {
        match self {
            ExportKind::Xlsx => "the Excel workbook",
            ExportKind::Docx => "the Word report",
        }
    }
    fn label(self) -> &'static str {
        match self {
            ExportKind::Xlsx => "Excel workbook",
            ExportKind::Docx => "Word report",
        }
    }
    fn busy(self) -> &'static str {
        match self {
            ExportKind::Xlsx => "Writing the workbook…",
            ExportKind::Docx => "Writing the report…",
        }
    }
}

/// The charts of the Word report, drawn from the results as SVG in the print
/// colours and turned into PNG by the browser: a JSON array of
/// `{title, png, width, height}`. A chart the browser cannot draw is left out.
async fn chart_pictures(state: Session) -> String {
    let opts = ChartOptions { width: 800, dark: false };
    let svgs: Vec<(&str, String)> = state
        .assessment
        .with_untracked(|a| {
            let a = a.as_ref()?;
            state.results.with_untracked(|r| {
                let r = r.as_ref()?;
                let graph = state.with_catalog_untracked(|c| cascade(c, a, r, MAX_PROCESSES))?;
                Some(vec![
                    ("Goals cascade", cascade_chart(&graph, &opts)),
                    ("Capability radar", radar(r, &opts)),
                    ("Gap to target", gap_bars(r, &opts)),
                    ("Attribute heatmap", heatmap(r, &opts)),
                    ("Objective support", objective_bars(r, &opts)),
                ])
            })
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for (title, svg) in svgs {
        // Titles are fixed words and the PNG is base64: nothing to escape.
        if let Ok((png, width, height)) = png_of_svg(&svg).await {
            out.push(format!("{{\"title\":\"{title}\",\"png\":\"{png}\",\"width\":{width},\"height\":{height}}}"));
        }
    }
    format!("[{}]", out.join(","))
}

/// The worker's request: the open assessment as the app saves it, its catalog
/// as it was loaded (the default one from its file, cached), the projection
/// and, for the report, the charts; assembled as text (the catalog is never
/// re-encoded here).
async fn request(kind: ExportKind, state: Session, library: Library) -> Result<String, String> {
    let envelope = state.envelope().ok_or("no assessment is open")?;
    let projection = state.projection.get_untracked().id();
    let (id, version) =
        state.with_catalog_untracked(|c| (c.id.clone(), c.version.clone())).ok_or("its catalog is not loaded")?;
    let catalog = match library.catalog_text(&id, &version) {
        Some(text) => text,
        None if id == DEFAULT_CATALOG_ID => fetch_text(DEFAULT_CATALOG_FILE).await?,
        None => return Err(format!("the catalog {id} v{version} is not stored in this browser")),
    };
    let charts = if kind == ExportKind::Docx { chart_pictures(state).await } else { "[]".to_string() };
    Ok(format!(
        "{{\"kind\":\"{}\",\"projection\":\"{projection}\",\"charts\":{charts},\"catalog\":{catalog},\"envelope\":{}}}",
        kind.id(),
        envelope.encode()
    ))
}

/// "Excel workbook" or "Word report": writes and downloads `<file_base>.xlsx` / `.docx`.
#[component]
pub fn ExportButton(
    kind: ExportKind,
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
            let name = format!("{}.{}", file_base.get_untracked(), kind.id());
            let made = match request(kind, state, library).await {
                Ok(req) => in_worker(req).await,
                Err(e) => Err(e),
            };
            let what = kind.what();
            match made {
                Ok(bytes) if download_bytes(&name, kind.mime(), &bytes) => {}
                Ok(_) => notices.error(format!("The browser refused the download of {what}; nothing was changed.")),
                Err(e) => {
                    let mut what = what.to_string();
                    what[..1].make_ascii_uppercase();
                    notices.error(format!("{what} could not be made: {e}. Nothing was changed."))
                }
            }
            busy.set(false);
        });
    };
    view! {
        <button
            class="btn btn-secondary"
            id=format!("export-{}", kind.id())
            on:click=run
            prop:disabled=busy
            aria-busy=move || busy.get().to_string()
        >
            {move || if busy.get() { kind.busy() } else { kind.label() }}
        </button>
    }
}
