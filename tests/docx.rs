//! The Word report as a package: valid XML, real heading styles in order,
//! tables and page breaks, the charts the page drew as pictures, the plan and
//! hostile text kept as text.

#![cfg(not(target_arch = "wasm32"))]

use itsm_maturity::deliverables::{export, ChartPayload, ExportRequest};
use itsm_maturity::domain::assessment::{step_key, PlanEntry, PlanStatus};
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Action, Catalog};
use std::io::Read;

/// A 1×1 PNG, base64.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const HOSTILE: &str = "<img src=x onerror=alert(1)>";

fn chart(title: &str, png: &str) -> ChartPayload {
    ChartPayload { title: title.into(), png: png.into(), width: 800, height: 600 }
}

fn request(charts: Vec<ChartPayload>) -> ExportRequest {
    let mut envelope = sample().unwrap();
    envelope.assessment.organization.name = format!("{HOSTILE} & Co\u{1}");
    let r = evaluate(&Catalog::default_catalog(), &envelope.assessment);
    let first = &r.roadmap[0];
    let owner = "=HYPERLINK(\"http://x\",\"y\")".to_string();
    let entry = PlanEntry {
        owner,
        due: "2027-01-31".into(),
        status: PlanStatus::InProgress,
        note: "first line\nsecond".into(),
    };
    envelope.assessment.apply(Action::SetPlan { item: step_key(&first.process, first.level), entry }).unwrap();
    ExportRequest {
        kind: "docx".into(),
        catalog: Catalog::default_catalog(),
        envelope,
        projection: "now".into(),
        charts,
    }
}

fn files(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

fn document(files: &[(String, Vec<u8>)]) -> String {
    let (_, data) = files.iter().find(|(n, _)| n == "word/document.xml").expect("word/document.xml");
    String::from_utf8(data.clone()).unwrap()
}

/// The paragraphs of style `style`, their text.
fn styled(doc: &roxmltree::Document, style: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .filter(|p| {
            p.descendants()
                .any(|s| s.has_tag_name("pStyle") && s.attributes().any(|a| a.name() == "val" && a.value() == style))
        })
        .map(|p| p.descendants().filter(|t| t.has_tag_name("t")).filter_map(|t| t.text()).collect())
        .collect()
}

#[test]
fn the_report_has_its_sections_as_headings_tables_and_page_breaks() {
    let bytes = export(&request(vec![])).unwrap();
    let files = files(&bytes);
    let xml = document(&files);
    let doc = roxmltree::Document::parse(&xml).expect("document.xml is well-formed XML");
    assert_eq!(
        styled(&doc, "Heading1"),
        [
            "In one minute",
            "From business objectives to processes",
            "Scope, targets and capability",
            "What it means for the business",
            "Action plan",
            "Notes and evidence",
            "Method"
        ]
    );
    assert_eq!(styled(&doc, "Title"), ["Pizza&Pizza — baseline assessment"]);
    assert!(styled(&doc, "Heading2").contains(&"Now".to_string()));
    // The sample's agreed answer is in the report with what it settled and why.
    assert!(styled(&doc, "Heading2").contains(&"Agreed in the workshop".to_string()));
    let text: String = doc.descendants().filter_map(|n| n.text()).collect::<Vec<_>>().join("|");
    assert!(
        text.contains("The answers were")
            && text.contains("P 1 · F 1 · ? 1")
            && text.contains("Backups are checked every day"),
        "the agreed answer's row"
    );
    let r = evaluate(&Catalog::default_catalog(), &request(vec![]).envelope.assessment);
    let first = format!("{} → level {}", r.roadmap[0].process_name, r.roadmap[0].level);
    assert!(styled(&doc, "Heading3").contains(&first), "the first step is a heading: {first}");
    assert!(
        doc.descendants().filter(|n| n.has_tag_name("tbl")).count() >= 5,
        "summary, cascade, profile, business, notes"
    );
    let breaks = doc.descendants().filter(|n| n.has_tag_name("br") && n.attributes().any(|a| a.value() == "page"));
    assert!(breaks.count() >= 3);
    // The styles are real headings: Word's names, with an outline level.
    let (_, styles) = files.iter().find(|(n, _)| n == "word/styles.xml").unwrap();
    let styles = String::from_utf8_lossy(styles);
    assert!(styles.contains("w:styleId=\"Heading1\"") && styles.contains("<w:name w:val=\"heading 1\""));
    assert!(styles.contains("w:outlineLvl"));
}

#[test]
fn user_text_stays_text_and_the_plan_is_in_the_report() {
    let bytes = export(&request(vec![])).unwrap();
    let xml = document(&files(&bytes));
    assert!(!xml.contains("<img"), "the hostile name is escaped");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let text: String = doc.descendants().filter(|t| t.has_tag_name("t")).filter_map(|t| t.text()).collect();
    assert!(text.contains(&format!("{HOSTILE} & Co")), "the name reads as typed, its control character dropped");
    assert!(text.contains("In progress · =HYPERLINK(\"http://x\",\"y\") · due 2027-01-31 — first line"));
    assert!(text.contains("second"), "the note's second line");
    // Every answer note of the sample is in the notes table.
    let r = evaluate(&Catalog::default_catalog(), &request(vec![]).envelope.assessment);
    assert!(!r.notes.is_empty());
    for n in &r.notes {
        assert!(text.contains(n.note.trim()), "note {:?}", n.note);
    }
}

#[test]
fn the_charts_the_page_drew_are_pictures_and_a_broken_one_is_left_out() {
    let charts = vec![
        chart("Capability radar", &format!("data:image/png;base64,{PNG}")),
        chart("Gap to target", PNG),
        chart("Attribute heatmap", "not base64 at all"),
        chart("Objective support", "aGVsbG8="), // base64, but not a PNG
    ];
    let files = files(&export(&request(charts)).unwrap());
    let media: Vec<&String> = files.iter().map(|(n, _)| n).filter(|n| n.starts_with("word/media/")).collect();
    assert_eq!(media.len(), 2, "two pictures: {media:?}");
    let xml = document(&files);
    assert_eq!(xml.matches("<pic:pic").count(), 2);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let captions = styled(&doc, "Caption");
    assert!(captions.iter().any(|c| c.starts_with("Capability radar.")));
    assert!(captions.iter().any(|c| c.starts_with("Gap to target.")));
    assert!(!captions.iter().any(|c| c.starts_with("Attribute heatmap.")));
}
