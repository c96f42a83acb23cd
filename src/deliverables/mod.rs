//! The files consultants hand over, written from the domain's results as pure
//! functions (bytes out, no browser): the Excel workbook and the Word report.
//! Run in the export worker (`src/bin/export_worker.rs`), never on the
//! start-up path.

pub mod docx;
pub mod xlsx;

use crate::domain::cascade::{cascade, MAX_PROCESSES};
use crate::domain::format::Envelope;
use crate::domain::plan::{projected, Projection};
use crate::domain::results::Horizon;
use crate::domain::{evaluate, Catalog};
use base64::Engine;
use serde::Deserialize;

/// What the page asks the export worker for.
#[derive(Debug, Deserialize)]
pub struct ExportRequest {
    /// "xlsx" or "docx".
    pub kind: String,
    pub catalog: Catalog,
    pub envelope: Envelope,
    /// The projection the results page shows (`Projection::id`).
    pub projection: String,
    /// The charts the page drew, for the Word report.
    #[serde(default)]
    pub charts: Vec<ChartPayload>,
}

/// One chart as the page sends it: its title, PNG bytes in base64 (a data
/// URL's payload) and its size in pixels.
#[derive(Debug, Deserialize)]
pub struct ChartPayload {
    pub title: String,
    pub png: String,
    pub width: u32,
    pub height: u32,
}

impl ChartPayload {
    /// The picture, or `None` when it is not a PNG in base64.
    fn image(&self) -> Option<docx::ChartImage> {
        let data = self.png.strip_prefix("data:image/png;base64,").unwrap_or(&self.png);
        let png = base64::engine::general_purpose::STANDARD.decode(data).ok()?;
        png.starts_with(b"\x89PNG\r\n\x1a\n").then(|| docx::ChartImage {
            title: self.title.clone(),
            png,
            width: self.width,
            height: self.height,
        })
    }
}

/// What the organization view asks for: a workbook of its comparison tables.
#[derive(Debug, Deserialize)]
pub struct TablesRequest {
    pub sheets: Vec<xlsx::SheetPayload>,
}

/// The file for a request as the worker receives it (JSON text): an
/// assessment's workbook or report ([`ExportRequest`]), or, with kind
/// "tables", a workbook of tables ([`TablesRequest`]).
pub fn export_text(text: &str) -> Result<Vec<u8>, String> {
    #[derive(Deserialize)]
    struct Kind {
        kind: String,
    }
    let kind: Kind = serde_json::from_str(text).map_err(|e| format!("the request could not be read ({e})"))?;
    if kind.kind == "tables" {
        let request: TablesRequest =
            serde_json::from_str(text).map_err(|e| format!("the request could not be read ({e})"))?;
        return xlsx::tables_workbook(&request.sheets);
    }
    let request: ExportRequest =
        serde_json::from_str(text).map_err(|e| format!("the request could not be read ({e})"))?;
    export(&request)
}

/// The file for a request, or a sentence saying why not.
pub fn export(request: &ExportRequest) -> Result<Vec<u8>, String> {
    let (c, a) = (&request.catalog, &request.envelope.assessment);
    let projection = Projection::from_id(&request.projection).unwrap_or(Projection::Through(Horizon::Now));
    let results = evaluate(c, a);
    let then = evaluate(c, &projected(a, &results, projection));
    match request.kind.as_str() {
        "xlsx" => xlsx::workbook(&xlsx::XlsxInput {
            catalog: c,
            assessment: a,
            results: &results,
            projected: &then,
            projection,
        }),
        "docx" => {
            // A chart that does not decode is left out; the report stands without it.
            let charts: Vec<docx::ChartImage> = request.charts.iter().filter_map(ChartPayload::image).collect();
            docx::report(&docx::DocxInput {
                catalog: c,
                assessment: a,
                results: &results,
                projected: &then,
                projection,
                cascade: &cascade(c, a, &results, MAX_PROCESSES),
                charts: &charts,
            })
        }
        other => Err(format!("there is no export of kind \"{other}\"")),
    }
}
