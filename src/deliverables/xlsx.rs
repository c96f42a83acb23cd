//! The Excel workbook: Summary, Processes, Attributes, Answers, Action plan
//! and Objectives, with a radar of level against target and a gap chart drawn
//! by Excel from the Processes sheet's own cells. Every text from the user or
//! the catalog is written as a string, never as a formula; headers are frozen
//! and filterable.

use crate::domain::assessment::{initiative_key, step_key, Answer, Assessment};
use crate::domain::plan::{executive_summary, Projection};
use crate::domain::results::{ProcessResult, QuestionResult, Results, INDICATIVE};
use crate::domain::roadmap::later_line;
use crate::domain::{Attribute, Catalog};
use rust_xlsxwriter::{
    Chart, ChartType, Color, ConditionalFormat3ColorScale, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

/// What the workbook is made from.
pub struct XlsxInput<'a> {
    pub catalog: &'a Catalog,
    pub assessment: &'a Assessment,
    pub results: &'a Results,
    /// The result once the work `projection` counts is done.
    pub projected: &'a Results,
    pub projection: Projection,
}

struct Styles {
    head: Format,
    wrap: Format,
    title: Format,
    label: Format,
    number: Format,
}

fn styles() -> Styles {
    Styles {
        head: Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0x1F4E79))
            .set_font_color(Color::White)
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        title: Format::new().set_bold().set_font_size(16),
        label: Format::new().set_bold().set_align(FormatAlign::Top),
        number: Format::new().set_num_format("0.00").set_align(FormatAlign::Top),
    }
}

/// A table: the header row (frozen, filterable), widths, then the rows' cells.
enum Cell {
    Text(String),
    Number(f64),
    Blank,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<f64> for Cell {
    fn from(n: f64) -> Cell {
        Cell::Number(n)
    }
}
impl From<u8> for Cell {
    fn from(n: u8) -> Cell {
        Cell::Number(n.into())
    }
}
impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

fn table(ws: &mut Worksheet, st: &Styles, heads: &[(&str, f64)], rows: Vec<Vec<Cell>>) -> Result<(), XlsxError> {
    for (c, (h, width)) in heads.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *h, &st.head)?;
        ws.set_column_width(c, *width)?;
    }
    let n = rows.len() as u32;
    for (r, row) in rows.into_iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.into_iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => ws.write_string_with_format(r, c, t, &st.wrap)?,
                Cell::Number(x) => ws.write_number_with_format(r, c, x, &st.number)?,
                Cell::Blank => ws,
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, n.max(1), heads.len() as u16 - 1)?;
    Ok(())
}

/// One sheet of a tables workbook (the organization view's comparisons).
#[derive(Debug, serde::Deserialize)]
pub struct SheetPayload {
    pub name: String,
    pub heads: Vec<String>,
    pub rows: Vec<Vec<crate::domain::units::Value>>,
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in the workbook.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).collect();
    let clean = clean.trim().trim_matches('\'');
    let base: String = if clean.is_empty() { "Sheet".into() } else { clean.chars().take(31).collect() };
    let mut out = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&out)) {
        let tail = format!(" ({n})");
        out = format!("{}{tail}", base.chars().take(31 - tail.len()).collect::<String>());
        n += 1;
    }
    out
}

/// A workbook of plain tables, one sheet each: headers frozen and
/// filterable, numbers as numbers, every text as a string (never a formula).
pub fn tables_workbook(sheets: &[SheetPayload]) -> Result<Vec<u8>, String> {
    use crate::domain::units::Value;
    let build = || -> Result<Vec<u8>, XlsxError> {
        let st = styles();
        let mut wb = Workbook::new();
        let mut taken = Vec::new();
        for sheet in sheets {
            let name = sheet_name(&sheet.name, &taken);
            taken.push(name.clone());
            let ws = wb.add_worksheet().set_name(&name)?;
            let heads: Vec<(&str, f64)> = sheet
                .heads
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    (h.as_str(), if i == 0 { 34.0 } else { (h.chars().count() as f64 + 4.0).clamp(9.0, 24.0) })
                })
                .collect();
            let rows = sheet
                .rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|v| match v {
                            Value::Text(t) => Cell::Text(t.clone()),
                            Value::Number(x, _) => Cell::Number(*x),
                            Value::Blank => Cell::Blank,
                        })
                        .collect()
                })
                .collect();
            table(ws, &st, &heads, rows)?;
        }
        if sheets.is_empty() {
            wb.add_worksheet();
        }
        wb.save_to_buffer()
    };
    build().map_err(|e| format!("the workbook could not be written: {e}"))
}

/// The workbook as xlsx bytes.
pub fn workbook(input: &XlsxInput) -> Result<Vec<u8>, String> {
    build(input).map_err(|e| format!("the workbook could not be written: {e}"))
}

fn build(input: &XlsxInput) -> Result<Vec<u8>, XlsxError> {
    let st = styles();
    let mut wb = Workbook::new();
    summary(wb.add_worksheet().set_name("Summary")?, &st, input)?;
    let n = processes(wb.add_worksheet().set_name("Processes")?, &st, input)?;
    attributes(wb.add_worksheet().set_name("Attributes")?, &st, input.results)?;
    answers(wb.add_worksheet().set_name("Answers")?, &st, input)?;
    action_plan(wb.add_worksheet().set_name("Action plan")?, &st, input)?;
    objectives(wb.add_worksheet().set_name("Objectives")?, &st, input)?;
    if n > 0 {
        charts(wb.worksheet_from_name("Summary")?, n)?;
    }
    wb.save_to_buffer()
}

fn summary(ws: &mut Worksheet, st: &Styles, input: &XlsxInput) -> Result<(), XlsxError> {
    let (a, r, p) = (input.assessment, input.results, input.projected);
    let s = executive_summary(a, r);
    let level = |l: Option<u8>| l.map_or_else(|| "–".to_string(), |l| l.to_string());
    let index = |m: Option<f64>| m.map_or_else(|| "–".to_string(), crate::domain::results::index_text);
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 70)?;
    ws.write_string_with_format(0, 0, "ITSM capability assessment", &st.title)?;
    let org = if a.organization.name.is_empty() { "–" } else { a.organization.name.as_str() };
    let mut lines: Vec<(String, String)> = vec![
        ("Organization".into(), org.into()),
        ("Assessment".into(), a.name.clone()),
        ("Date".into(), a.date.clone()),
        ("Catalog".into(), format!("{} · v{}", input.catalog.name, input.catalog.version)),
        ("Floor level".into(), level(r.floor_level)),
        ("Mean capability index".into(), index(r.mean_index)),
        ("Processes in scope".into(), s.in_scope.to_string()),
        ("Processes at target".into(), format!("{} of {}", s.at_target, s.with_target)),
        ("Questions answered".into(), crate::domain::results::percent_text(s.completion)),
        (
            format!("Best case if {}", input.projection.label()),
            format!("floor level {}, mean index {}", level(p.floor_level), index(p.mean_index)),
        ),
    ];
    for o in &s.at_risk {
        let by = if o.weakest.is_empty() {
            String::new()
        } else {
            format!("; furthest behind target: {}", o.weakest.join(", "))
        };
        lines.push(("Objective below 70 %".into(), format!("{} — {:.0} %, {}{by}", o.name, o.support, o.band.label())));
    }
    for f in &s.first_steps {
        let plan = f.plan.as_ref().map(|p| format!(" — {}", p.line())).unwrap_or_default();
        lines.push(("First step".into(), format!("{} ({}){plan}", f.what, f.horizon.label())));
    }
    lines.push((
        "Best case means".into(),
        "Every action in the chosen items (steps and shared initiatives) taken as fully in place, including questions nobody has answered yet, \
         scored again with the same rules; a level counts only when every level below it is reached. Re-assess to confirm."
            .into(),
    ));
    lines.push(("Note".into(), INDICATIVE.to_string()));
    for (i, (k, v)) in lines.into_iter().enumerate() {
        let row = i as u32 + 2;
        ws.write_string_with_format(row, 0, k, &st.label)?;
        ws.write_string_with_format(row, 1, v, &st.wrap)?;
    }
    Ok(())
}

/// In-scope processes first (by priority), then the others: the charts read
/// the first `n` rows. Returns `n`.
fn processes(ws: &mut Worksheet, st: &Styles, input: &XlsxInput) -> Result<u32, XlsxError> {
    let r = input.results;
    let mut list: Vec<&ProcessResult> = r.in_scope_by_priority();
    let n = list.len() as u32;
    list.extend(r.processes.iter().filter(|p| !p.in_scope));
    let rows = list
        .into_iter()
        .map(|p| {
            let projected = input.projected.process(&p.id).map_or(Cell::Blank, |x| x.level.into());
            vec![
                p.id.as_str().into(),
                p.name.as_str().into(),
                if p.in_scope { "yes" } else { "no" }.into(),
                p.relevance.score.into(),
                p.relevance.top_reasons(3).join("; ").into(),
                p.target.into(),
                p.target_reason.as_str().into(),
                p.level.into(),
                p.index.into(),
                f64::from(p.gap).into(),
                p.priority.round().into(),
                if p.provisional { "yes" } else { "no" }.into(),
                projected,
                p.references.as_str().into(),
            ]
        })
        .collect();
    table(
        ws,
        st,
        &[
            ("Process id", 14.0),
            ("Process", 30.0),
            ("In scope", 9.0),
            ("Relevance", 10.0),
            ("Why relevant", 50.0),
            ("Target", 8.0),
            ("Why this target", 40.0),
            ("Level", 7.0),
            ("Index", 8.0),
            ("Gap", 6.0),
            ("Priority", 9.0),
            ("Provisional", 11.0),
            ("Best case level", 10.0),
            ("References", 40.0),
        ],
        rows,
    )?;
    Ok(n)
}

/// The attribute heatmap: achievement per process and attribute in percent,
/// coloured red to green by Excel.
fn attributes(ws: &mut Worksheet, st: &Styles, r: &Results) -> Result<(), XlsxError> {
    let rows: Vec<Vec<Cell>> = r
        .in_scope_by_priority()
        .into_iter()
        .map(|p| {
            let mut row: Vec<Cell> = vec![p.name.as_str().into()];
            row.extend(Attribute::ALL.iter().map(|at| {
                p.attributes
                    .iter()
                    .find(|s| s.attribute == *at && s.applicable)
                    .and_then(|s| s.achievement)
                    .map_or(Cell::Blank, |x| x.round().into())
            }));
            row
        })
        .collect();
    let n = rows.len() as u32;
    let mut heads: Vec<(&str, f64)> = vec![("Process (achievement %, blank: not rated)", 34.0)];
    heads.extend(Attribute::ALL.iter().map(|a| (a.id(), 9.0)));
    table(ws, st, &heads, rows)?;
    if n > 0 {
        let scale = ConditionalFormat3ColorScale::new()
            .set_minimum_color(Color::RGB(0xF8696B))
            .set_midpoint_color(Color::RGB(0xFFEB84))
            .set_maximum_color(Color::RGB(0x63BE7B));
        ws.add_conditional_format(1, 1, n, Attribute::ALL.len() as u16, &scale)?;
    }
    Ok(())
}

/// A median on the N/P/L/F scale: "P", or "P/L" between two.
fn median_label(m: f64) -> String {
    const CODES: [&str; 4] = ["N", "P", "L", "F"];
    let low = m.floor() as usize;
    if m.fract() > 0.0 && low < 3 {
        format!("{}/{}", CODES[low], CODES[low + 1])
    } else {
        CODES[low.min(3)].to_string()
    }
}

fn answers(ws: &mut Worksheet, st: &Styles, input: &XlsxInput) -> Result<(), XlsxError> {
    let (a, r) = (input.assessment, input.results);
    let people = &a.participants;
    let rows: Vec<Vec<Cell>> = r
        .in_scope()
        .flat_map(|p| p.questions.iter().map(move |q| (p, q)))
        .map(|(p, q): (&ProcessResult, &QuestionResult)| {
            let mut row: Vec<Cell> = vec![
                p.name.as_str().into(),
                q.attribute.id().into(),
                q.question.as_str().into(),
                q.text.to_string().into(),
            ];
            let mut notes = Vec::new();
            for person in people {
                let entry = person.answers.get(&q.key);
                row.push(entry.and_then(|e| e.answer).map_or(Cell::Blank, |x| x.code().into()));
                if let Some(note) = entry.map(|e| e.note.trim()).filter(|n| !n.is_empty()) {
                    notes.push(format!("{}: {note}", person.name));
                }
            }
            row.push(q.tally.median().map_or(Cell::Blank, |m| median_label(m).into()));
            row.push(if q.tally.scored() > 1 { usize::from(q.tally.spread()).into() } else { Cell::Blank });
            row.push(q.agreed.map_or(Cell::Blank, |x: Answer| x.code().into()));
            if let Some(note) = a.agreed.get(&q.key).map(|x| x.note.trim()).filter(|n| !n.is_empty()) {
                notes.push(format!("Agreed: {note}"));
            }
            row.push(notes.join("\n").into());
            row.push(q.evidence.as_deref().map_or(Cell::Blank, |e| e.into()));
            row.push(q.reference.as_deref().map_or_else(|| p.references.as_str().into(), |x| x.into()));
            row
        })
        .collect();
    let mut heads: Vec<(&str, f64)> =
        vec![("Process", 26.0), ("Attribute", 9.0), ("Question id", 20.0), ("Question", 60.0)];
    heads.extend(people.iter().map(|p| (p.name.as_str(), 12.0)));
    heads.extend([
        ("Median", 8.0),
        ("Spread", 8.0),
        ("Agreed", 8.0),
        ("Notes and evidence given", 50.0),
        ("What to look at", 40.0),
        ("Reference", 30.0),
    ]);
    table(ws, st, &heads, rows)
}

fn action_plan(ws: &mut Worksheet, st: &Styles, input: &XlsxInput) -> Result<(), XlsxError> {
    let (a, r) = (input.assessment, input.results);
    let plan = |key: String| a.plan.get(&key).cloned().unwrap_or_default();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for (n, i) in r.initiatives.iter().enumerate() {
        let p = plan(initiative_key(&i.id));
        rows.push(vec![
            i.horizon.label().into(),
            i.summary(n + 1).into(),
            match later_line(r, i) {
                Some(later) => format!("{}\nFor: {}\n{later}", i.text, i.served()),
                None => format!("{}\nFor: {}", i.text, i.served()),
            }
            .into(),
            // Shared work's effort is the catalog's for one process.
            i.effort.map_or(Cell::Blank, |e| format!("{} each", e.code()).into()),
            p.owner.into(),
            p.due.into(),
            p.status.label().into(),
            p.note.into(),
        ]);
    }
    for s in &r.roadmap {
        let p = plan(step_key(&s.process, s.level));
        let actions = s
            .actions
            .iter()
            .map(|x| {
                let effort = x.effort.map(|e| format!(" (effort {})", e.code())).unwrap_or_default();
                format!("[{}] {}{effort}", x.attribute.id(), x.text)
            })
            .collect::<Vec<_>>();
        rows.push(vec![
            s.horizon.label().into(),
            format!("{} → level {}", s.process_name, s.level).into(),
            actions.join("\n").into(),
            Cell::Blank,
            p.owner.into(),
            p.due.into(),
            p.status.label().into(),
            p.note.into(),
        ]);
    }
    table(
        ws,
        st,
        &[
            ("Horizon", 9.0),
            ("Item", 34.0),
            ("Actions", 70.0),
            ("Effort", 7.0),
            ("Owner", 20.0),
            ("Due", 11.0),
            ("Status", 12.0),
            ("Note", 40.0),
        ],
        rows,
    )
}

fn objectives(ws: &mut Worksheet, st: &Styles, input: &XlsxInput) -> Result<(), XlsxError> {
    let r = input.results;
    let name = |pid: &String| r.process(pid).map_or_else(|| pid.clone(), |p| p.name.clone());
    let rows = r
        .objectives_by_risk()
        .into_iter()
        .map(|o| {
            let then = input.projected.objectives.iter().find(|x| x.id == o.id).and_then(|x| x.support);
            vec![
                o.name.as_str().into(),
                o.importance.into(),
                o.support.map_or(Cell::Blank, |s| s.round().into()),
                o.band().map_or("no process in scope", |b| b.label()).into(),
                o.weakest.iter().map(name).collect::<Vec<_>>().join(", ").into(),
                then.map_or(Cell::Blank, |s| s.round().into()),
            ]
        })
        .collect();
    table(
        ws,
        st,
        &[
            ("Objective", 36.0),
            ("Importance", 11.0),
            ("Support %", 10.0),
            ("Band", 16.0),
            ("Furthest behind target", 50.0),
            ("Best case support %", 12.0),
        ],
        rows,
    )
}

/// The radar (level and target per in-scope process) and the gap bars, from
/// the first `n` rows of the Processes sheet.
fn charts(ws: &mut Worksheet, n: u32) -> Result<(), XlsxError> {
    let mut radar = Chart::new(ChartType::Radar);
    radar.title().set_name("Capability level against target");
    radar.add_series().set_name("Level").set_categories(("Processes", 1, 1, n, 1)).set_values((
        "Processes",
        1,
        7,
        n,
        7,
    ));
    radar.add_series().set_name("Target").set_categories(("Processes", 1, 1, n, 1)).set_values((
        "Processes",
        1,
        5,
        n,
        5,
    ));
    ws.insert_chart(2, 3, &radar)?;
    let mut gaps = Chart::new(ChartType::Bar);
    gaps.title().set_name("Gap to target (levels), by priority");
    gaps.add_series().set_name("Gap").set_categories(("Processes", 1, 1, n, 1)).set_values(("Processes", 1, 9, n, 9));
    gaps.x_axis().set_reverse();
    ws.insert_chart(18, 3, &gaps)?;
    Ok(())
}
