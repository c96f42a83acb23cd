//! CSV exports: results (one row per process) and answers (one row per
//! participant and question). Cells a spreadsheet would run as a formula
//! (starting with =, +, -, @, tab or carriage return) are neutralized with a
//! leading apostrophe; cells with commas, quotes or line breaks are quoted.

use super::assessment::Assessment;
use super::catalog::Catalog;
use super::results::Results;

/// One CSV cell, safe for spreadsheets.
pub fn csv_cell(text: &str) -> String {
    let neutral = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// Results per process: scope, relevance, target, level, (gated) index, gap,
/// priority, completion, the nine attribute ratings ("n/a" when not
/// applicable, ", provisional" when rated from fewer than half of the asked
/// questions), whether the process is provisional, and why the target.
pub fn results_csv(results: &Results) -> String {
    let mut out = row(&[
        "process_id",
        "process",
        "in_scope",
        "relevance",
        "target",
        "level",
        "index",
        "gap",
        "priority",
        "answered",
        "asked",
        "PA1.1",
        "PA2.1",
        "PA2.2",
        "PA3.1",
        "PA3.2",
        "PA4.1",
        "PA4.2",
        "PA5.1",
        "PA5.2",
        "provisional",
        "target_reason",
        "references",
    ]
    .map(String::from));
    for p in &results.processes {
        let mut cells = vec![
            p.id.clone(),
            p.name.clone(),
            if p.in_scope { "yes" } else { "no" }.into(),
            p.relevance.score.to_string(),
            p.target.to_string(),
            p.level.to_string(),
            format!("{:.2}", p.index),
            p.gap.to_string(),
            format!("{:.0}", p.priority),
            p.answered.to_string(),
            p.asked.to_string(),
        ];
        cells.extend(p.attributes.iter().map(|a| match (a.rating, a.achievement) {
            _ if !a.applicable => "n/a".into(),
            (Some(r), Some(pct)) if a.provisional => format!("{} ({pct:.0}%, provisional)", r.code()),
            (Some(r), Some(pct)) => format!("{} ({pct:.0}%)", r.code()),
            _ => "unrated".into(),
        }));
        cells.push(if p.provisional { "yes" } else { "no" }.into());
        cells.push(p.target_reason.clone());
        cells.push(p.references.clone());
        out.push_str(&row(&cells));
    }
    out
}

/// Every answer of every participant, with the question text and note.
pub fn answers_csv(catalog: &Catalog, a: &Assessment) -> String {
    let mut out = row(&[
        "participant",
        "process",
        "attribute",
        "question_id",
        "question",
        "answer",
        "note",
        "evidence",
        "reference",
    ]
    .map(String::from));
    for p in &catalog.processes {
        for q in catalog.questions_for(p, false) {
            let key = super::assessment::QuestionKey::new(&p.id, &q.id);
            for part in &a.participants {
                if let Some(entry) = part.answers.get(&key) {
                    out.push_str(&row(&[
                        part.name.clone(),
                        p.name.clone(),
                        q.attribute.to_string(),
                        q.id.clone(),
                        q.text.to_string(),
                        entry.answer.map(|x| x.code().to_string()).unwrap_or_default(),
                        entry.note.clone(),
                        q.evidence.as_deref().unwrap_or_default().to_string(),
                        q.reference.as_deref().map(str::to_string).unwrap_or_else(|| p.reference_line()),
                    ]));
                }
            }
        }
    }
    out
}
