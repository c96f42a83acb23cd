//! One client, many assessments: the saved assessments grouped by
//! organization, unit and date; units side by side with a roll-up per
//! process; and one unit's history over time. Pure: the pages hand in
//! assessments with their evaluations and draw what comes back.
//!
//! Rules a consultant can defend:
//! - An organization is its name, compared without case, spacing or
//!   punctuation ("Pizza&Pizza" and "pizza & pizza" are one client).
//! - A unit is the assessment's optional unit field; empty is "Whole
//!   organization", a unit of its own.
//! - Only processes every compared assessment's catalog knows are compared;
//!   the rest are named in a note, never drawn as zero.
//! - An assessment with no answers is shown as empty, not as level 0; a
//!   process out of scope in a unit is "out of scope" there. Neither counts
//!   in a roll-up.
//! - Each unit keeps its own target: the gap is against that unit's target.

use super::assessment::Assessment;
use super::attribute::Attribute;
use super::results::Results;
use super::sort::sort_stable;

/// At most this many assessments are compared side by side.
pub const MAX_UNITS: usize = 8;

/// The label of an assessment without a unit.
pub const WHOLE_ORGANIZATION: &str = "Whole organization";

/// The key that groups an organization's assessments and names its page:
/// lower-case letters and digits, runs of anything else as one `-`
/// (`"Pizza&Pizza"` → `"pizza-pizza"`; apostrophes and dots dropped); `"unnamed"` when nothing is left.
pub fn org_key(name: &str) -> String {
    let mut key = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            key.push(c);
        } else if matches!(c, '\'' | '\u{2019}' | '.') {
            // "St. Mary's" and "St Marys" are one name.
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    let key = key.trim_end_matches('-').to_string();
    if key.is_empty() {
        "unnamed".into()
    } else {
        key
    }
}

/// The unit's label: its name, else [`WHOLE_ORGANIZATION`].
pub fn unit_label(unit: &str) -> String {
    let unit = unit.trim();
    if unit.is_empty() {
        WHOLE_ORGANIZATION.into()
    } else {
        unit.to_string()
    }
}

/// The key of a unit within an organization (case and spacing ignored).
fn unit_key(unit: &str) -> String {
    unit.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A saved assessment as lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub id: String,
    pub name: String,
    pub organization: String,
    pub unit: String,
    /// `YYYY-MM-DD`, possibly empty.
    pub date: String,
    /// Share of the in-scope questions answered, 0.0..=1.0.
    pub completion: f64,
}

/// One unit's assessments, newest date first.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitGroup {
    /// The label ([`unit_label`]).
    pub unit: String,
    pub assessments: Vec<Listing>,
}

/// One organization's assessments, by unit.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgGroup {
    /// [`org_key`] of its name.
    pub key: String,
    /// The name as the most recent assessment spells it.
    pub name: String,
    /// "Whole organization" first, then units by name.
    pub units: Vec<UnitGroup>,
}

impl OrgGroup {
    /// Every assessment of the organization.
    pub fn assessments(&self) -> impl Iterator<Item = &Listing> {
        self.units.iter().flat_map(|u| u.assessments.iter())
    }
    /// How many assessments it has.
    pub fn len(&self) -> usize {
        self.units.iter().map(|u| u.assessments.len()).sum()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Groups saved assessments by organization ([`org_key`]), then unit, then
/// date (newest first; undated last). Organizations are sorted by name.
pub fn group(list: &[Listing]) -> Vec<OrgGroup> {
    let mut orgs: Vec<OrgGroup> = Vec::new();
    let mut sorted: Vec<&Listing> = list.iter().collect();
    // Newest first, so the first listing of each organization names it.
    sort_stable(&mut sorted, |a, b| date_order(&b.date, &a.date));
    for l in sorted {
        let key = org_key(&l.organization);
        let at = match orgs.iter().position(|o| o.key == key) {
            Some(i) => i,
            None => {
                let name =
                    if l.organization.trim().is_empty() { "(no organization name)" } else { l.organization.trim() };
                orgs.push(OrgGroup { key, name: name.to_string(), units: Vec::new() });
                orgs.len() - 1
            }
        };
        let units = &mut orgs[at].units;
        let uk = unit_key(&l.unit);
        match units.iter_mut().find(|u| unit_key(unit_raw(&u.unit)) == uk) {
            Some(u) => u.assessments.push(l.clone()),
            None => units.push(UnitGroup { unit: unit_label(&l.unit), assessments: vec![l.clone()] }),
        }
    }
    for o in &mut orgs {
        sort_stable(&mut o.units, |a, b| {
            let whole = |u: &UnitGroup| u.unit != WHOLE_ORGANIZATION;
            whole(a).cmp(&whole(b)).then_with(|| a.unit.to_lowercase().cmp(&b.unit.to_lowercase()))
        });
    }
    sort_stable(&mut orgs, |a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
    orgs
}

/// A label back to the unit field's value ("Whole organization" is the empty unit).
fn unit_raw(label: &str) -> &str {
    if label == WHOLE_ORGANIZATION {
        ""
    } else {
        label
    }
}

/// Dates in order, an empty (unknown) date before every real one.
fn date_order(a: &str, b: &str) -> std::cmp::Ordering {
    (!a.is_empty()).cmp(&!b.is_empty()).then_with(|| a.cmp(b))
}

/// One compared assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub assessment: String,
    /// The unit's label.
    pub unit: String,
    pub date: String,
    /// "Unit · date", or with the assessment's name when two columns would read the same.
    pub label: String,
    /// No answer at all: shown as empty, not as zero.
    pub empty: bool,
    /// Floor level and mean index over the compared processes in scope (None when empty).
    pub floor_level: Option<u8>,
    pub mean_index: Option<f64>,
}

/// A process in one unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Scored {
        level: u8,
        index: f64,
        /// That unit's target.
        target: u8,
        gap: i8,
        /// Achievement % per attribute, PA1.1..PA5.2 (None: not rated).
        attributes: Vec<(Attribute, Option<f64>)>,
        provisional: bool,
    },
    OutOfScope,
    /// The assessment has no answers yet.
    NoAnswers,
}

impl Cell {
    pub fn index(&self) -> Option<f64> {
        match self {
            Cell::Scored { index, .. } => Some(*index),
            _ => None,
        }
    }
    pub fn level(&self) -> Option<u8> {
        match self {
            Cell::Scored { level, .. } => Some(*level),
            _ => None,
        }
    }
    /// The cell as a table shows it: "2 · 2.4 (target 3)", "out of scope", "no answers".
    pub fn text(&self) -> String {
        match self {
            Cell::Scored { level, index, target, .. } => {
                format!("{level} · {} (target {target})", index_text(*index))
            }
            Cell::OutOfScope => "out of scope".into(),
            Cell::NoAnswers => "no answers".into(),
        }
    }
}

/// One process across the compared units, with its roll-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub process: String,
    pub name: String,
    /// One cell per column, in column order.
    pub cells: Vec<Cell>,
    /// Over the scored cells only (None when no unit scored it).
    pub median_index: Option<f64>,
    pub min_index: Option<f64>,
    pub median_level: Option<f64>,
    pub min_level: Option<u8>,
    /// The columns with the lowest index (ties: all of them).
    pub weakest: Vec<usize>,
    /// Scored units that reach their own target, of the scored units.
    pub at_target: (usize, usize),
    /// The highest priority any unit gives the process (the row order).
    pub priority: f64,
}

/// Units side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub columns: Vec<Column>,
    /// Processes in scope in at least one non-empty unit, highest priority first.
    pub rows: Vec<Row>,
    /// Processes left out because not every compared catalog has them, each
    /// with the columns whose catalog has it.
    pub not_shared: Vec<(String, Vec<usize>)>,
}

impl Comparison {
    /// The note on what was not compared, in words (None when everything was).
    pub fn note(&self) -> Option<String> {
        if self.not_shared.is_empty() {
            return None;
        }
        let list: Vec<String> = self
            .not_shared
            .iter()
            .map(|(name, cols)| {
                let who: Vec<&str> = cols.iter().map(|&c| self.columns[c].label.as_str()).collect();
                format!("{name} (only in {})", who.join(", "))
            })
            .collect();
        Some(format!("Compared on the processes every assessment's catalog has. Not compared: {}.", list.join("; ")))
    }
    /// The weakest unit(s) of a row: by unit name when every compared unit
    /// is a different one, else by label; "all equal" when every scored unit ties.
    pub fn weakest_label(&self, row: &Row) -> String {
        let scored = row.cells.iter().filter(|c| c.index().is_some()).count();
        if scored > 1 && row.weakest.len() == scored {
            return "all equal".into();
        }
        let units: Vec<&str> = self.columns.iter().map(|c| c.unit.as_str()).collect();
        let distinct = units.iter().enumerate().all(|(i, u)| !units[..i].contains(u));
        row.weakest
            .iter()
            .map(|&c| if distinct { self.columns[c].unit.as_str() } else { self.columns[c].label.as_str() })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// An index with one decimal, rounded down (1.99 is level 1 and reads "1.9").
pub fn index_text(v: f64) -> String {
    format!("{:.1}", ((v * 10.0) + 1e-6).floor() / 10.0)
}

/// The median of `values` (mean of the middle two for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// Whether an assessment has any answer (any participant's or agreed).
pub fn has_answers(a: &Assessment) -> bool {
    !a.agreed.is_empty() || a.participants.iter().any(|p| p.answers.values().any(|e| e.answer.is_some()))
}

/// Labels for columns: "Unit · date"; where two would read the same, the assessment's name is added.
fn labels(items: &[(&Assessment, &Results)]) -> Vec<String> {
    let base: Vec<String> = items
        .iter()
        .map(|(a, _)| {
            let unit = unit_label(&a.organization.unit);
            if a.date.is_empty() {
                unit
            } else {
                format!("{unit} · {}", a.date)
            }
        })
        .collect();
    base.iter()
        .zip(items)
        .map(
            |(l, (a, _))| {
                if base.iter().filter(|b| *b == l).count() > 1 {
                    format!("{l} · {}", a.name.trim())
                } else {
                    l.clone()
                }
            },
        )
        .collect()
}

/// Compares assessments (each with its own evaluation, against its own
/// catalog) process by process. Call with 2..=[`MAX_UNITS`]; any count works.
pub fn compare(items: &[(&Assessment, &Results)]) -> Comparison {
    let labels = labels(items);
    let empty: Vec<bool> = items.iter().map(|(a, _)| !has_answers(a)).collect();
    // Processes by id, in the first catalog's order, then any others.
    let mut ids: Vec<(String, String)> = Vec::new();
    for (_, r) in items {
        for p in &r.processes {
            if !ids.iter().any(|(id, _)| *id == p.id) {
                ids.push((p.id.clone(), p.name.clone()));
            }
        }
    }
    let mut not_shared = Vec::new();
    let mut rows = Vec::new();
    for (id, name) in ids {
        let has: Vec<usize> = (0..items.len()).filter(|&c| items[c].1.process(&id).is_some()).collect();
        if has.len() < items.len() {
            not_shared.push((name, has));
            continue;
        }
        let cells: Vec<Cell> = items
            .iter()
            .enumerate()
            .map(|(c, (_, r))| {
                let p = r.process(&id).expect("every column has it");
                if empty[c] {
                    Cell::NoAnswers
                } else if !p.in_scope {
                    Cell::OutOfScope
                } else {
                    Cell::Scored {
                        level: p.level,
                        index: p.index,
                        target: p.target,
                        gap: p.gap,
                        attributes: p.attributes.iter().map(|a| (a.attribute, a.achievement)).collect(),
                        provisional: p.provisional,
                    }
                }
            })
            .collect();
        if !cells.iter().any(|c| matches!(c, Cell::Scored { .. })) {
            continue;
        }
        let indices: Vec<f64> = cells.iter().filter_map(Cell::index).collect();
        let levels: Vec<f64> = cells.iter().filter_map(Cell::level).map(f64::from).collect();
        let min_index = indices.iter().copied().reduce(f64::min);
        let weakest =
            (0..cells.len()).filter(|&c| cells[c].index().is_some() && cells[c].index() == min_index).collect();
        let scored = cells.iter().filter(|c| c.index().is_some()).count();
        let met = cells.iter().filter(|c| matches!(c, Cell::Scored { level, target, .. } if level >= target)).count();
        let priority = items
            .iter()
            .enumerate()
            .filter(|(c, _)| matches!(cells[*c], Cell::Scored { .. }))
            .filter_map(|(_, (_, r))| r.process(&id).map(|p| p.priority))
            .fold(f64::MIN, f64::max);
        rows.push(Row {
            process: id,
            name,
            median_index: median(&indices),
            min_index,
            median_level: median(&levels),
            min_level: cells.iter().filter_map(Cell::level).min(),
            weakest,
            at_target: (met, scored),
            priority,
            cells,
        });
    }
    sort_stable(&mut rows, |a, b| b.priority.total_cmp(&a.priority));
    let columns = items
        .iter()
        .enumerate()
        .map(|(c, (a, _))| {
            let scored: Vec<&Cell> = rows.iter().map(|r| &r.cells[c]).filter(|x| x.index().is_some()).collect();
            let floor_level = scored.iter().filter_map(|x| x.level()).min();
            let indices: Vec<f64> = scored.iter().filter_map(|x| x.index()).collect();
            let mean_index = (!indices.is_empty()).then(|| indices.iter().sum::<f64>() / indices.len() as f64);
            Column {
                assessment: a.id.clone(),
                unit: unit_label(&a.organization.unit),
                date: a.date.clone(),
                label: labels[c].clone(),
                empty: empty[c],
                floor_level,
                mean_index,
            }
        })
        .collect();
    Comparison { columns, rows, not_shared }
}

/// One unit's assessments over time.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// The comparison of the unit's assessments, oldest first (its columns are the dates).
    pub over_time: Comparison,
}

impl History {
    /// The dates, oldest first.
    pub fn dates(&self) -> Vec<&str> {
        self.over_time.columns.iter().map(|c| c.date.as_str()).collect()
    }
    /// Each process's index per date (None: out of scope, or no answers then).
    pub fn series(&self) -> Vec<(&str, Vec<Option<f64>>)> {
        self.over_time.rows.iter().map(|r| (r.name.as_str(), r.cells.iter().map(Cell::index).collect())).collect()
    }
    /// The floor level per date (None when that assessment has nothing scored).
    pub fn floor(&self) -> Vec<Option<u8>> {
        self.over_time.columns.iter().map(|c| c.floor_level).collect()
    }
    /// Per process, the change of each attribute's achievement (percentage
    /// points) and of the index from date `from` to date `to` (column
    /// indices); processes scored at both dates only.
    pub fn attribute_deltas(&self, from: usize, to: usize) -> Vec<AttributeDelta> {
        self.over_time
            .rows
            .iter()
            .filter_map(|r| match (r.cells.get(from)?, r.cells.get(to)?) {
                (
                    Cell::Scored { index: i0, level: l0, attributes: a0, .. },
                    Cell::Scored { index: i1, level: l1, attributes: a1, .. },
                ) => Some(AttributeDelta {
                    process: r.process.clone(),
                    name: r.name.clone(),
                    index: (*i0, *i1),
                    level: (*l0, *l1),
                    attributes: a1
                        .iter()
                        .map(|(attr, now)| {
                            let before = a0.iter().find(|(a, _)| a == attr).and_then(|(_, v)| *v);
                            (*attr, before, *now)
                        })
                        .collect(),
                }),
                _ => None,
            })
            .collect()
    }
}

/// How one process moved between two dates.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributeDelta {
    pub process: String,
    pub name: String,
    /// (then, now)
    pub index: (f64, f64),
    pub level: (u8, u8),
    /// (attribute, achievement % then, now)
    pub attributes: Vec<(Attribute, Option<f64>, Option<f64>)>,
}

/// The history of one unit: its assessments ordered by date (undated first,
/// then by name), compared as columns.
pub fn history(items: &[(&Assessment, &Results)]) -> History {
    let mut sorted: Vec<(&Assessment, &Results)> = items.to_vec();
    sort_stable(&mut sorted, |a, b| date_order(&a.0.date, &b.0.date).then_with(|| a.0.name.cmp(&b.0.name)));
    History { over_time: compare(&sorted) }
}

/// The change of each in-scope process's index since an earlier assessment
/// of the same unit (the trend arrows of the results page): (process id,
/// change) for the processes scored in both; nothing when the earlier one
/// has no answers.
pub fn trend(earlier: (&Assessment, &Results), now: &Results) -> Vec<(String, f64)> {
    if !has_answers(earlier.0) {
        return Vec::new();
    }
    now.in_scope()
        .filter_map(|p| {
            let before = earlier.1.process(&p.id).filter(|b| b.in_scope)?;
            Some((p.id.clone(), p.index - before.index))
        })
        .collect()
}

/// The latest assessment of the same organization and unit dated before
/// `date` (the one the trend arrows compare with), from a listing.
pub fn previous<'a>(list: &'a [Listing], of: &Listing) -> Option<&'a Listing> {
    let (org, unit) = (org_key(&of.organization), unit_key(&of.unit));
    list.iter()
        .filter(|l| l.id != of.id && !l.date.is_empty() && l.date < of.date)
        .filter(|l| org_key(&l.organization) == org && unit_key(&l.unit) == unit)
        .max_by(|a, b| a.date.cmp(&b.date))
}

/// One cell of a table handed over (CSV or a workbook sheet).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    Text(String),
    /// A number and the decimals it is shown with.
    Number(f64, u8),
    Blank,
}

impl Value {
    /// As text: numbers with their decimals, blanks empty.
    pub fn text(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Number(x, d) => format!("{x:.*}", *d as usize),
            Value::Blank => String::new(),
        }
    }
}

/// A comparison as one table: one row per process and unit (state, level,
/// index, target, gap, each attribute's achievement) with the process's
/// roll-up on every row (median and lowest index, the weakest unit, units at
/// their own target); processes not compared get a row saying so.
pub fn comparison_table(c: &Comparison) -> (Vec<String>, Vec<Vec<Value>>) {
    let mut head: Vec<String> = ["Process", "Unit", "Assessment", "Date", "State", "Level", "Index", "Target", "Gap"]
        .map(String::from)
        .to_vec();
    head.extend(Attribute::ALL.iter().map(|a| format!("{} %", a.id())));
    head.extend(["Median index", "Lowest index", "Weakest unit", "At own target"].map(String::from));
    let text = |s: &str| Value::Text(s.to_string());
    let num = |v: Option<f64>, d: u8| v.map_or(Value::Blank, |v| Value::Number(v, d));
    let mut rows = Vec::new();
    for r in &c.rows {
        for (col, cell) in c.columns.iter().zip(&r.cells) {
            let mut row = vec![text(&r.name), text(&col.unit), text(&col.assessment), text(&col.date)];
            match cell {
                Cell::Scored { level, index, target, gap, attributes, .. } => {
                    row.extend([text("scored"), num(Some(f64::from(*level)), 0), num(Some(*index), 2)]);
                    row.extend([num(Some(f64::from(*target)), 0), num(Some(f64::from(*gap)), 0)]);
                    row.extend(
                        Attribute::ALL
                            .iter()
                            .map(|at| num(attributes.iter().find(|(a, _)| a == at).and_then(|(_, v)| *v), 0)),
                    );
                }
                other => {
                    row.push(text(&other.text()));
                    row.extend(std::iter::repeat_n(Value::Blank, 4 + Attribute::ALL.len()));
                }
            }
            row.extend([num(r.median_index, 2), num(r.min_index, 2), text(&c.weakest_label(r))]);
            row.push(text(&format!("{} of {}", r.at_target.0, r.at_target.1)));
            rows.push(row);
        }
    }
    for (name, cols) in &c.not_shared {
        let who: Vec<&str> = cols.iter().map(|&i| c.columns[i].label.as_str()).collect();
        let state = format!("not compared: only in {}", who.join(", "));
        let mut row = vec![text(name), Value::Blank, Value::Blank, Value::Blank, text(&state)];
        row.resize(head.len(), Value::Blank);
        rows.push(row);
    }
    (head, rows)
}

/// [`comparison_table`] as CSV, every cell neutralised.
pub fn comparison_csv(c: &Comparison) -> String {
    use super::export::row as csv_row;
    let (head, rows) = comparison_table(c);
    let mut out = csv_row(&head);
    for row in rows {
        out.push_str(&csv_row(&row.iter().map(Value::text).collect::<Vec<_>>()));
    }
    out
}
