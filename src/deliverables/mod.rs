//! The files consultants hand over, written from the domain's results as pure
//! functions (bytes out, no browser): the Excel workbook. Run in the export
//! worker (`src/bin/export_worker.rs`), never on the start-up path.

pub mod xlsx;

use crate::domain::format::Envelope;
use crate::domain::plan::{projected, Projection};
use crate::domain::{evaluate, Catalog};
use serde::Deserialize;

/// What the page asks the export worker for.
#[derive(Debug, Deserialize)]
pub struct ExportRequest {
    /// "xlsx".
    pub kind: String,
    pub catalog: Catalog,
    pub envelope: Envelope,
    /// The projection the results page shows (`Projection::id`).
    pub projection: String,
}

/// The file for a request, or a sentence saying why not.
pub fn export(request: &ExportRequest) -> Result<Vec<u8>, String> {
    let (c, a) = (&request.catalog, &request.envelope.assessment);
    let projection =
        Projection::from_id(&request.projection).unwrap_or(Projection::Through(crate::domain::results::Horizon::Now));
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
        other => Err(format!("there is no export of kind \"{other}\"")),
    }
}
