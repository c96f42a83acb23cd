//! CSV exports: results (one row per process), answers (one row per
//! participant and question) and the action plan for ticket trackers (one row
//! per shared initiative and roadmap step). Cells a spreadsheet would run as a formula
//! (starting with =, +, -, @, tab or carriage return) are neutralized with a
//! leading apostrophe; cells with commas, quotes or line breaks are quoted.

use super::assessment::{initiative_key, step_key, Assessment, PlanEntry, PlanStatus};
use super::catalog::{Catalog, Effort};
use super::results::{index_text, Horizon, Results};

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

pub(crate) fn row(cells: &[String]) -> String {
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
            index_text(p.index),
            p.gap.to_string(),
            format!("{:.0}", p.priority),
            p.answered.to_string(),
            p.asked.to_string(),
        ];
        cells.extend(p.attributes.iter().map(|a| match (a.rating, a.achievement) {
            _ if !a.applicable => "n/a".into(),
            (Some(r), Some(pct)) if a.provisional => format!("{} ({pct:.0}%, provisional)", r.code()),
            (Some(r), Some(pct)) => format!("{} ({pct:.0}%)", r.code()),
            _ if a.asked == 0 => "not asked".into(),
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

/// The columns of [`tracker_csv`], in the names Jira's CSV import maps (other
/// trackers map them by hand).
pub const TRACKER_COLUMNS: [&str; 9] =
    ["Summary", "Description", "Assignee", "Due date", "Labels", "Priority", "Status", "Issue Type", "External ID"];

fn tracker_priority(h: Horizon) -> &'static str {
    match h {
        Horizon::Now => "High",
        Horizon::Next => "Medium",
        Horizon::Later => "Low",
    }
}

/// A plan status as trackers' default workflows name it (Jira: To Do, In Progress, Done).
fn tracker_status(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::NotStarted => "To Do",
        PlanStatus::InProgress => "In Progress",
        PlanStatus::Done => "Done",
        PlanStatus::Dropped => "Dropped",
    }
}

fn effort_note(e: Option<Effort>) -> String {
    e.map(|e| format!(" (effort {})", e.code())).unwrap_or_default()
}

/// A tracker label: lower case, words joined by hyphens.
fn label(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-").to_lowercase()
}

/// The action plan for a ticket tracker: one row per shared initiative, then
/// one per roadmap step, in roadmap order, with the plan's owner, due date and
/// status; the description lists the actions, the processes or objectives
/// served and the plan note. Dropped items are left out. Priority follows the
/// horizon (Now High, Next Medium, Later Low); labels name the horizon, the
/// process or attribute and the level, space-separated; the status uses the
/// names of Jira's default workflow; the external id is the plan key, stable
/// across exports, so a second import can update rather than duplicate.
pub fn tracker_csv(results: &Results, a: &Assessment) -> String {
    let mut out = row(&TRACKER_COLUMNS.map(String::from));
    let mut push = |key: String, summary: String, description: Vec<String>, labels: Vec<String>, h: Horizon| {
        let p: PlanEntry = a.plan.get(&key).cloned().unwrap_or_default();
        if p.status == PlanStatus::Dropped {
            return;
        }
        let mut description = description;
        if !p.note.trim().is_empty() {
            description.push(format!("Plan note: {}", p.note.trim()));
        }
        let mut labels = labels;
        labels.insert(0, "itsm-roadmap".into());
        labels.insert(1, label(h.label()));
        out.push_str(&row(&[
            summary,
            description.join("\n"),
            p.owner.trim().to_string(),
            p.due.clone(),
            labels.join(" "),
            tracker_priority(h).into(),
            tracker_status(p.status).into(),
            "Task".into(),
            key,
        ]));
    };
    for (n, i) in results.initiatives.iter().enumerate() {
        let per_process = i.effort.map(|e| format!(" (effort {} per process)", e.code())).unwrap_or_default();
        let mut description = vec![format!("{}{per_process}", i.text)];
        description
            .extend(i.processes.iter().map(|p| format!("- {} (towards level {})", p.process_name, p.step_level)));
        push(
            initiative_key(&i.id),
            i.summary(n + 1),
            description,
            vec![label(i.attribute.id()), format!("attribute-level-{}", i.level), "shared".into()],
            i.horizon,
        );
    }
    for s in &results.roadmap {
        let mut description: Vec<String> =
            s.actions.iter().map(|x| format!("- [{}] {}{}", x.attribute.id(), x.text, effort_note(x.effort))).collect();
        if let Some(line) = super::roadmap::shared_line(results, s) {
            description.push(line);
        }
        if let Some(p) = results.process(&s.process) {
            let serves = p.serves();
            if !serves.is_empty() {
                description.push(format!("Serves: {}", serves.join(", ")));
            }
        }
        push(
            step_key(&s.process, s.level),
            format!("{}: reach capability level {}", s.process_name, s.level),
            description,
            vec![label(&s.process), format!("level-{}", s.level)],
            s.horizon,
        );
    }
    out
}
