//! The Excel workbook as a package: its six sheets, the two native charts
//! reading the Processes sheet, user text kept as text (never a formula),
//! and the request the export worker reads.

#![cfg(not(target_arch = "wasm32"))]

use itsm_maturity::deliverables::{export, ExportRequest};
use itsm_maturity::domain::assessment::{step_key, PlanEntry, PlanStatus};
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Action, Catalog};
use std::io::Read;

fn request(kind: &str) -> ExportRequest {
    let mut envelope = sample().unwrap();
    let r = evaluate(&Catalog::default_catalog(), &envelope.assessment);
    let first = &r.roadmap[0];
    let owner = "=HYPERLINK(\"http://x\",\"y\")".to_string();
    let entry = PlanEntry { owner, due: "2027-01-31".into(), status: PlanStatus::InProgress, note: "<b>&</b>".into() };
    envelope.assessment.apply(Action::SetPlan { item: step_key(&first.process, first.level), entry }).unwrap();
    ExportRequest {
        kind: kind.into(),
        catalog: Catalog::default_catalog(),
        envelope,
        projection: "now".into(),
        charts: vec![],
    }
}

fn files(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap_or_default();
            (f.name().to_string(), text)
        })
        .collect()
}

#[test]
fn the_workbook_has_six_sheets_two_charts_and_no_formula() {
    let bytes = export(&request("xlsx")).unwrap();
    let files = files(&bytes);
    let file = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str()).unwrap_or("");
    let book = file("xl/workbook.xml");
    let sheets: Vec<&str> = book.split("<sheet name=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
    assert_eq!(sheets, ["Summary", "Processes", "Attributes", "Answers", "Action plan", "Objectives"]);
    for (name, text) in &files {
        if name.starts_with("xl/worksheets/sheet") {
            assert!(!text.contains("<f>"), "{name} holds a formula");
        }
    }
    let charts: Vec<&(String, String)> = files.iter().filter(|(n, _)| n.starts_with("xl/charts/chart")).collect();
    assert_eq!(charts.len(), 2);
    assert!(charts.iter().any(|(_, t)| t.contains("<c:radarChart>") && t.contains("Processes!$B$2:$B$9")));
    assert!(charts.iter().any(|(_, t)| t.contains("<c:barChart>") && t.contains("Processes!$J$2:$J$9")));
    // The formula-like owner and the markup in the note are text.
    let strings = file("xl/sharedStrings.xml");
    assert!(
        strings.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)")
            || strings.contains("=HYPERLINK(\"http://x\",\"y\")")
    );
    assert!(strings.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
    // Frozen header and a filter on each table sheet.
    let processes = file("xl/worksheets/sheet2.xml");
    assert!(processes.contains("<pane ySplit=\"1\""), "frozen header");
    assert!(processes.contains("<autoFilter ref=\"A1:N28\""), "a filter over the 27 processes");
}

#[test]
fn the_worker_request_is_read_from_json_and_a_bad_kind_is_refused() {
    let r = request("xlsx");
    let text = serde_json::json!({"kind": "pdf", "catalog": r.catalog, "envelope": r.envelope, "projection": "now"})
        .to_string();
    let back: ExportRequest = serde_json::from_str(&text).unwrap();
    assert_eq!(export(&back).unwrap_err(), "there is no export of kind \"pdf\"");
}

#[test]
fn a_tables_workbook_has_one_sheet_per_table_numbers_as_numbers_and_text_as_text() {
    use itsm_maturity::deliverables::export_text;
    use itsm_maturity::domain::units::Value;
    let sheet = |name: &str| {
        serde_json::json!({
            "name": name,
            "heads": ["Process", "Unit", "Index"],
            "rows": [
                [Value::Text("Change management".into()), Value::Text("=HYPERLINK(\"http://x\",\"y\")".into()), Value::Number(2.25, 2)],
                [Value::Text("Incident management".into()), Value::Blank, Value::Number(1.5, 2)],
            ]
        })
    };
    let request = serde_json::json!({"kind": "tables", "sheets": [sheet("Units"), sheet("History: North/South [site]"), sheet("units")]});
    let bytes = export_text(&request.to_string()).unwrap();
    let files = files(&bytes);
    let get = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, t)| t.clone()).unwrap();
    let book = get("xl/workbook.xml");
    // Names Excel refuses are cleaned; a repeated name gets a number.
    for name in ["Units", "History- North-South -site-", "units (2)"] {
        assert!(book.contains(&format!("name=\"{name}\"")), "{name} in {book}");
    }
    let sheet1 = get("xl/worksheets/sheet1.xml");
    assert!(!sheet1.contains("<f>"), "no formula");
    assert!(sheet1.contains("<v>2.25</v>"), "the index is a number");
    assert!(get("xl/sharedStrings.xml").contains("=HYPERLINK(\"http://x\",\"y\")"), "the formula text is a string");
    assert!(sheet1.contains("<autoFilter"), "filterable");
    // A request that is not JSON says so.
    assert!(export_text("not json").unwrap_err().contains("could not be read"));
}
