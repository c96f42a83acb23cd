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

/// The unit's label: its name with runs of spaces as one, else [`WHOLE_ORGANIZATION`].
pub fn unit_label(unit: &str) -> String {
    let unit = unit.split_whitespace().collect::<Vec<_>>().join(" ");
    if unit.is_empty() {
        WHOLE_ORGANIZATION.into()
    } else {
        unit
    }
}

/// The key of a unit within an organization: the same rule as an
/// organization's ([`org_key`]), so "North-site" and "north  SITE" are one
/// unit; empty for the whole organization.
fn unit_key(unit: &str) -> String {
    if unit.trim().is_empty() {
        String::new()
    } else {
        org_key(unit)
    }
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

/// How an assessment's figures were obtained, as far as the comparison must
/// say: the catalog it was scored with, and whether that was a stand-in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scoring {
    /// "catalog-id version" as saved with the assessment (empty: unknown).
    pub catalog: String,
    /// Scored with the default catalog because its own is not loaded.
    pub fallback: bool,
}

/// Why a compared column is left out of the roll-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apart {
    /// No answer at all.
    Empty,
    /// The whole organization beside its units: shown apart, not one more unit.
    WholeOrganization,
    /// An earlier assessment of a unit that is also compared at a later date.
    Earlier,
    /// Scored with the default catalog because its own is not loaded.
    Fallback,
}

impl Apart {
    /// In words, for the table and the CSV.
    pub fn text(self) -> &'static str {
        match self {
            Apart::Empty => "no answers yet",
            Apart::WholeOrganization => "the whole organization, shown apart from its units",
            Apart::Earlier => "an earlier date of a unit compared at a later date too",
            Apart::Fallback => "scored with the default catalog, its own is not loaded here",
        }
    }
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
    /// Share of its in-scope questions answered, 0.0..=1.0.
    pub completion: f64,
    /// Floor level and mean index over the compared processes it scored (None when empty).
    pub floor_level: Option<u8>,
    pub mean_index: Option<f64>,
    /// Compared processes it scored, of those in its scope (the coverage of the floor and mean).
    pub assessed: (usize, usize),
    /// Why it is not part of the roll-up (None: it is).
    pub apart: Option<Apart>,
    pub mode: super::assessment::Mode,
    pub scoring: Scoring,
}

/// A process in one unit.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Scored {
        level: u8,
        index: f64,
        /// That unit's target (0: none set).
        target: u8,
        gap: i8,
        /// Achievement % per attribute, PA1.1..PA5.2 (None: not rated).
        attributes: Vec<(Attribute, Option<f64>)>,
        provisional: bool,
    },
    OutOfScope,
    /// In scope, but none of its questions answered yet: not a level 0.
    NotAssessed,
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
    /// The unit's own target, when it has one.
    pub fn target(&self) -> Option<u8> {
        match self {
            Cell::Scored { target, .. } if *target > 0 => Some(*target),
            _ => None,
        }
    }
    /// The shortfall against the unit's own target (None without a target).
    pub fn shortfall(&self) -> Option<i8> {
        match self {
            Cell::Scored { target, gap, .. } if *target > 0 => Some(*gap),
            _ => None,
        }
    }
    /// The level and index as shown: "2 · 2.4", with "†" when provisional;
    /// "out of scope", "not assessed", "no answers" otherwise.
    pub fn score_text(&self) -> String {
        match self {
            Cell::Scored { level, index, provisional, .. } => {
                format!("{level} · {}{}", index_text(*index), if *provisional { " †" } else { "" })
            }
            Cell::OutOfScope => "out of scope".into(),
            Cell::NotAssessed => "not assessed".into(),
            Cell::NoAnswers => "no answers".into(),
        }
    }
    /// The target as shown: "target 3", "no target" (empty when not scored).
    pub fn target_text(&self) -> String {
        match self {
            Cell::Scored { target: 0, .. } => "no target".into(),
            Cell::Scored { target, .. } => format!("target {target}"),
            _ => String::new(),
        }
    }
    /// The cell in one line: "2 · 2.4 (target 3)", "out of scope", …
    pub fn text(&self) -> String {
        match self {
            Cell::Scored { .. } => format!("{} ({})", self.score_text(), self.target_text()),
            other => other.score_text(),
        }
    }
}

/// One process across the compared units, with its roll-up over the
/// columns in the roll-up (one per unit, see [`Apart`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub process: String,
    pub name: String,
    /// One cell per column, in column order.
    pub cells: Vec<Cell>,
    /// The lower median (a value some unit has; None when no unit in the roll-up scored it).
    pub median_index: Option<f64>,
    pub min_index: Option<f64>,
    pub max_index: Option<f64>,
    /// How many units in the roll-up scored it, and how many of those are provisional.
    pub scored: (usize, usize),
    pub median_level: Option<u8>,
    pub min_level: Option<u8>,
    /// The columns with the lowest index as shown (two decimals; ties: all of them).
    pub weakest: Vec<usize>,
    /// The largest shortfall against a unit's own target, and the columns with it (None: no unit short of its target).
    pub largest_gap: Option<(i8, Vec<usize>)>,
    /// Units that reach their own target, of the units in the roll-up that have one.
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
    /// Whether a roll-up across units is meaningful (not for one unit's history).
    pub rolled_up: bool,
}

impl Comparison {
    /// Whether a roll-up is shown: across units, with at least two units in it.
    pub fn has_rollup(&self) -> bool {
        self.rolled_up && self.columns.iter().filter(|c| c.apart.is_none()).count() >= 2
    }
    /// The notes on what was not compared and what differs, in words.
    pub fn notes(&self) -> Vec<String> {
        let mut out = Vec::new();
        let label = |c: usize| self.columns[c].label.as_str();
        if !self.not_shared.is_empty() {
            let list: Vec<String> = self
                .not_shared
                .iter()
                .map(|(name, cols)| {
                    let who: Vec<&str> = cols.iter().map(|&c| label(c)).collect();
                    format!("{name} (only in {})", who.join(", "))
                })
                .collect();
            out.push(format!(
                "Compared on the processes every assessment's catalog has. Not compared: {}.",
                list.join("; ")
            ));
        }
        let catalogs = distinct(self.columns.iter().map(|c| c.scoring.catalog.as_str()).filter(|c| !c.is_empty()));
        if catalogs.len() > 1 {
            let each: Vec<String> =
                self.columns.iter().map(|c| format!("{} ({})", c.label, or_unknown(&c.scoring.catalog))).collect();
            out.push(format!(
                "Made with different catalogs or catalog versions: {}. Processes are matched by their id; their \
                 questions may differ, so read a difference between these columns with care.",
                each.join(", ")
            ));
        }
        let modes = distinct(self.columns.iter().filter(|c| !c.empty).map(|c| mode_text(c.mode)));
        if modes.len() > 1 {
            let each: Vec<String> = self
                .columns
                .iter()
                .filter(|c| !c.empty)
                .map(|c| format!("{} ({})", c.label, mode_text(c.mode)))
                .collect();
            out.push(format!(
                "Answered with different question sets: {}. A different set of questions can move a score without \
                 any change in practice.",
                each.join(", ")
            ));
        }
        if self.rolled_up {
            let apart: Vec<String> =
                self.columns.iter().filter_map(|c| Some(format!("{}: {}", c.label, c.apart?.text()))).collect();
            if !apart.is_empty() {
                out.push(format!("Shown but not in the roll-up — {}.", apart.join("; ")));
            }
            if !self.has_rollup() {
                out.push("Fewer than two units with answers to roll up: no roll-up is shown.".into());
            }
        }
        out
    }
    /// The note on what was not compared (None when everything was).
    pub fn note(&self) -> Option<String> {
        let notes = self.notes();
        (!notes.is_empty()).then(|| notes.join(" "))
    }
    /// How `cols` are named: by unit when every compared unit is a different one, else by label.
    pub fn names(&self, cols: &[usize]) -> String {
        let units: Vec<String> = self.columns.iter().map(|c| unit_key(&c.unit)).collect();
        let distinct = units.iter().enumerate().all(|(i, u)| !units[..i].contains(u));
        cols.iter()
            .map(|&c| if distinct { self.columns[c].unit.as_str() } else { self.columns[c].label.as_str() })
            .collect::<Vec<_>>()
            .join(", ")
    }
    /// The unit(s) with the lowest index of a row: "all equal" when every
    /// unit in the roll-up ties at the shown precision.
    pub fn weakest_label(&self, row: &Row) -> String {
        let scored = self.rollup(row).filter(|(_, c)| c.index().is_some()).count();
        if scored > 1 && row.weakest.len() == scored {
            return "all equal".into();
        }
        self.names(&row.weakest)
    }
    /// The largest shortfall against own targets: "2 (South)", "none".
    pub fn largest_gap_label(&self, row: &Row) -> String {
        match &row.largest_gap {
            Some((gap, cols)) => format!("{gap} ({})", self.names(cols)),
            None => "none".into(),
        }
    }
    /// "2 of 3 with a target", "no targets".
    pub fn at_target_label(row: &Row) -> String {
        match row.at_target {
            (_, 0) => "no targets".into(),
            (met, n) => format!("{met} of {n}"),
        }
    }
    /// The same comparison over the columns `keep` only (in that order), its
    /// roll-up computed anew over them.
    pub fn subset(&self, keep: &[usize]) -> Comparison {
        let columns: Vec<Column> = keep.iter().map(|&k| self.columns[k].clone()).collect();
        let apart: Vec<Option<Apart>> = columns.iter().map(|c| c.apart).collect();
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut row = r.clone();
                row.cells = keep.iter().map(|&k| r.cells[k].clone()).collect();
                roll_up(&mut row, &apart);
                row
            })
            .collect();
        let not_shared = self
            .not_shared
            .iter()
            .map(|(n, cols)| (n.clone(), cols.iter().filter_map(|c| keep.iter().position(|k| k == c)).collect()))
            .collect();
        Comparison { columns, rows, not_shared, rolled_up: self.rolled_up }
    }
    /// The cells of a row that are part of its roll-up.
    fn rollup<'a>(&'a self, row: &'a Row) -> impl Iterator<Item = (usize, &'a Cell)> {
        row.cells.iter().enumerate().filter(|(c, _)| self.columns[*c].apart.is_none())
    }
}

/// The distinct values, in first-seen order.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn or_unknown(catalog: &str) -> &str {
    if catalog.is_empty() {
        "catalog not known"
    } else {
        catalog
    }
}

/// The question set in words.
pub fn mode_text(mode: super::assessment::Mode) -> &'static str {
    match mode {
        super::assessment::Mode::Quick => "quick scan",
        super::assessment::Mode::Target => "questions up to one level above each target",
        super::assessment::Mode::Full => "full question set",
    }
}

pub use super::results::index_text;

/// The index in whole hundredths: the precision it is shown with.
fn hundredths(v: f64) -> i32 {
    super::results::index_hundredths(v)
}

/// The lower median of `values`: for an even count the lower of the middle
/// two, so the figure is one a unit actually has and never crosses a level
/// gate that no unit crossed.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    Some(v[(v.len() - 1) / 2])
}

/// Floor level and mean index over the in-scope processes with at least one
/// answer, and how many those are of the in-scope ones: the figures a list of
/// assessments shows, on the same rule as a comparison's columns (a process
/// with no answer is not assessed, not a 0).
pub fn assessed(r: &Results) -> (Option<u8>, Option<f64>, (usize, usize)) {
    let scored: Vec<&super::results::ProcessResult> = r.in_scope().filter(|p| p.answered > 0).collect();
    let floor = scored.iter().map(|p| p.level).min();
    let mean = (!scored.is_empty()).then(|| scored.iter().map(|p| p.index).sum::<f64>() / scored.len() as f64);
    (floor, mean, (scored.len(), r.in_scope().count()))
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

/// Why each column is left out of the roll-up: empty, scored with a stand-in
/// catalog, the whole organization beside named units, or an earlier date of
/// a unit compared again at a later one (one assessment per unit counts).
fn apart(items: &[(&Assessment, &Results)], scoring: &[Scoring], empty: &[bool]) -> Vec<Option<Apart>> {
    let named_units = items.iter().any(|(a, _)| !a.organization.unit.trim().is_empty());
    (0..items.len())
        .map(|c| {
            let (a, _) = items[c];
            let key = unit_key(&a.organization.unit);
            let later = (0..items.len()).any(|o| {
                let b = items[o].0;
                o != c
                    && !empty[o]
                    && unit_key(&b.organization.unit) == key
                    && (date_order(&a.date, &b.date).is_lt() || (a.date == b.date && o < c))
            });
            if empty[c] {
                Some(Apart::Empty)
            } else if scoring.get(c).is_some_and(|s| s.fallback) {
                Some(Apart::Fallback)
            } else if named_units && a.organization.unit.trim().is_empty() {
                Some(Apart::WholeOrganization)
            } else if later {
                Some(Apart::Earlier)
            } else {
                None
            }
        })
        .collect()
}

/// One process's cell in one column.
fn cell(p: &super::results::ProcessResult, empty: bool) -> Cell {
    if empty {
        Cell::NoAnswers
    } else if !p.in_scope {
        Cell::OutOfScope
    } else if p.answered == 0 {
        Cell::NotAssessed
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
}

/// The roll-up of a row's cells over the columns in it.
fn roll_up(row: &mut Row, apart: &[Option<Apart>]) {
    let inside: Vec<(usize, &Cell)> = row.cells.iter().enumerate().filter(|(c, _)| apart[*c].is_none()).collect();
    let indices: Vec<f64> = inside.iter().filter_map(|(_, c)| c.index()).collect();
    let levels: Vec<f64> = inside.iter().filter_map(|(_, c)| c.level()).map(f64::from).collect();
    row.median_index = median(&indices);
    row.min_index = indices.iter().copied().reduce(f64::min);
    row.max_index = indices.iter().copied().reduce(f64::max);
    let provisional = inside.iter().filter(|(_, c)| matches!(c, Cell::Scored { provisional: true, .. })).count();
    row.scored = (indices.len(), provisional);
    row.median_level = median(&levels).map(|l| l as u8);
    row.min_level = inside.iter().filter_map(|(_, c)| c.level()).min();
    row.weakest = match row.min_index {
        Some(min) => inside
            .iter()
            .filter(|(_, c)| c.index().is_some_and(|i| hundredths(i) == hundredths(min)))
            .map(|(k, _)| *k)
            .collect(),
        None => Vec::new(),
    };
    let gaps: Vec<(usize, i8)> = inside.iter().filter_map(|(k, c)| Some((*k, c.shortfall()?))).collect();
    row.largest_gap = gaps
        .iter()
        .map(|(_, g)| *g)
        .max()
        .filter(|g| *g > 0)
        .map(|max| (max, gaps.iter().filter(|(_, g)| *g == max).map(|(k, _)| *k).collect()));
    row.at_target = (gaps.iter().filter(|(_, g)| *g <= 0).count(), gaps.len());
}

/// Compares assessments (each with its own evaluation, against its own
/// catalog) process by process. Call with 2..=[`MAX_UNITS`]; any count works.
pub fn compare(items: &[(&Assessment, &Results)]) -> Comparison {
    compare_scored(items, &[])
}

/// [`compare`], knowing how each assessment was scored (`scoring[i]` for
/// `items[i]`; missing entries: its own catalog, not known by name).
pub fn compare_scored(items: &[(&Assessment, &Results)], scoring: &[Scoring]) -> Comparison {
    let labels = labels(items);
    let empty: Vec<bool> = items.iter().map(|(a, _)| !has_answers(a)).collect();
    let apart = apart(items, scoring, &empty);
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
            .map(|(c, (_, r))| cell(r.process(&id).expect("every column has it"), empty[c]))
            .collect();
        if !cells.iter().any(|c| matches!(c, Cell::Scored { .. } | Cell::NotAssessed)) {
            continue;
        }
        let priority = items
            .iter()
            .enumerate()
            .filter(|(c, _)| matches!(cells[*c], Cell::Scored { .. } | Cell::NotAssessed))
            .filter_map(|(_, (_, r))| r.process(&id).map(|p| p.priority))
            .fold(f64::MIN, f64::max);
        let mut row = Row {
            process: id,
            name,
            cells,
            median_index: None,
            min_index: None,
            max_index: None,
            scored: (0, 0),
            median_level: None,
            min_level: None,
            weakest: Vec::new(),
            largest_gap: None,
            at_target: (0, 0),
            priority,
        };
        roll_up(&mut row, &apart);
        rows.push(row);
    }
    sort_stable(&mut rows, |a, b| b.priority.total_cmp(&a.priority));
    let columns = items
        .iter()
        .enumerate()
        .map(|(c, (a, r))| {
            let scored: Vec<&Cell> = rows.iter().map(|r| &r.cells[c]).filter(|x| x.index().is_some()).collect();
            let floor_level = scored.iter().filter_map(|x| x.level()).min();
            let indices: Vec<f64> = scored.iter().filter_map(|x| x.index()).collect();
            let mean_index = (!indices.is_empty()).then(|| indices.iter().sum::<f64>() / indices.len() as f64);
            let in_scope =
                rows.iter().filter(|r| matches!(r.cells[c], Cell::Scored { .. } | Cell::NotAssessed)).count();
            Column {
                assessment: a.id.clone(),
                unit: unit_label(&a.organization.unit),
                date: a.date.clone(),
                label: labels[c].clone(),
                empty: empty[c],
                completion: if empty[c] { 0.0 } else { r.completion() },
                floor_level,
                mean_index,
                assessed: (indices.len(), in_scope),
                apart: apart[c],
                mode: a.mode,
                scoring: scoring.get(c).cloned().unwrap_or_default(),
            }
        })
        .collect();
    Comparison { columns, rows, not_shared, rolled_up: true }
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
/// then by name), compared as columns; no roll-up across dates.
pub fn history(items: &[(&Assessment, &Results)]) -> History {
    history_scored(items, &[])
}

/// [`history`], knowing how each assessment was scored (as [`compare_scored`]).
pub fn history_scored(items: &[(&Assessment, &Results)], scoring: &[Scoring]) -> History {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_stable(&mut order, |&x, &y| {
        let (a, b) = (items[x].0, items[y].0);
        date_order(&a.date, &b.date).then_with(|| a.name.cmp(&b.name))
    });
    let sorted: Vec<(&Assessment, &Results)> = order.iter().map(|&i| items[i]).collect();
    let scoring: Vec<Scoring> = order.iter().map(|&i| scoring.get(i).cloned().unwrap_or_default()).collect();
    let mut over_time = compare_scored(&sorted, &scoring);
    over_time.rolled_up = false;
    History { over_time }
}

/// Which way a process moved between two assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
}

impl Direction {
    /// The one rule for every arrow: a change of level always counts (the
    /// index is gated, so +0.01 can cross a level); within a level, the index
    /// as shown (two decimals, [`super::results::index_text`]) must change.
    pub fn of(before: (u8, f64), now: (u8, f64)) -> Direction {
        use std::cmp::Ordering::*;
        match now.0.cmp(&before.0).then_with(|| hundredths(now.1).cmp(&hundredths(before.1))) {
            Greater => Direction::Up,
            Less => Direction::Down,
            Equal => Direction::Same,
        }
    }
    /// "▲", "▼", "=".
    pub fn mark(self) -> &'static str {
        match self {
            Direction::Up => "▲",
            Direction::Down => "▼",
            Direction::Same => "=",
        }
    }
    /// "up", "down", "same" (for classes and data attributes).
    pub fn name(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
        }
    }
}

/// One process's move since an earlier assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub process: String,
    /// (level, index) then and now.
    pub before: (u8, f64),
    pub now: (u8, f64),
    pub direction: Direction,
    /// When either assessment was asked only up to a level below the
    /// other's reach (up to each target, with a changed target): the level
    /// both are compared up to; `before` and `now` are then read at it.
    pub compared_to: Option<u8>,
}

impl Move {
    /// As the arrow reads, at the precision its rule uses: "▲ L1→L2" when
    /// the level changed, "▲ +0.30" (the change of the index as shown, two
    /// decimals) within a level, "=" when that did not change.
    pub fn text(&self) -> String {
        if self.before.0 != self.now.0 {
            return format!("{} L{}→L{}", self.direction.mark(), self.before.0, self.now.0);
        }
        match self.direction {
            Direction::Same => "=".into(),
            d => format!("{} {:+.2}", d.mark(), f64::from(hundredths(self.now.1) - hundredths(self.before.1)) / 100.0),
        }
    }
    /// The exact figures, for a tooltip: "1.46 → 1.50 (level 1 → 1)", with
    /// "; compared up to level 3, the depth both were asked" when so.
    pub fn detail(&self) -> String {
        let depth = self
            .compared_to
            .map(|l| format!("; compared up to level {l}, the depth both were asked"))
            .unwrap_or_default();
        format!(
            "{} → {} (level {} → {}){depth}",
            index_text(self.before.1),
            index_text(self.now.1),
            self.before.0,
            self.now.0
        )
    }
}

/// How each in-scope process moved since an earlier assessment of the same
/// unit (the trend arrows of the results page), for the processes scored
/// (answered and in scope) in both; nothing when the earlier one has no answers.
pub fn trend(earlier: (&Assessment, &Results), now: &Results) -> Vec<Move> {
    if !has_answers(earlier.0) {
        return Vec::new();
    }
    now.in_scope()
        .filter(|p| p.answered > 0)
        .filter_map(|p| {
            let b = earlier.1.process(&p.id).filter(|b| b.in_scope && b.answered > 0)?;
            let (mut before, mut now) = ((b.level, b.index), (p.level, p.index));
            // A level above what one of the two asked is no evidence of a
            // rise or a fall: both are read up to the lower ceiling.
            let cap = [b.ceiling(), p.ceiling()].into_iter().flatten().min();
            let compared_to = cap.filter(|&c| before.0 > c || now.0 > c || before.1 > c as f64 || now.1 > c as f64);
            if let Some(c) = compared_to {
                let at = |x: (u8, f64)| if x.0 >= c { (c, c as f64) } else { x };
                (before, now) = (at(before), at(now));
            }
            Some(Move { process: p.id.clone(), before, now, direction: Direction::of(before, now), compared_to })
        })
        .collect()
}

/// The latest assessment of the same organization and unit dated before
/// `of` for which `answered` holds (the one the trend arrows compare with),
/// from a listing: an empty one in between is passed over. `answered` is
/// asked newest first and only until it holds.
pub fn previous<'a>(list: &'a [Listing], of: &Listing, answered: impl Fn(&Listing) -> bool) -> Option<&'a Listing> {
    let (org, unit) = (org_key(&of.organization), unit_key(&of.unit));
    let mut earlier: Vec<&Listing> = list
        .iter()
        .filter(|l| l.id != of.id && !l.date.is_empty() && l.date < of.date)
        .filter(|l| org_key(&l.organization) == org && unit_key(&l.unit) == unit)
        .collect();
    sort_stable(&mut earlier, |a, b| b.date.cmp(&a.date));
    earlier.into_iter().find(|l| answered(l))
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
/// index, target, gap, each attribute's achievement, whether it is in the
/// roll-up) with the process's roll-up on every row (units scored, median,
/// lowest and highest index, the lowest unit(s), the largest gap, units at
/// their own target; only when two or more units are rolled up, never for one
/// unit's history); processes not compared get a row saying so.
pub fn comparison_table(c: &Comparison) -> (Vec<String>, Vec<Vec<Value>>) {
    let mut head: Vec<String> =
        ["Process", "Unit", "Assessment", "Date", "State", "Level", "Index", "Index as shown", "Target", "Gap"]
            .map(String::from)
            .to_vec();
    head.extend(Attribute::ALL.iter().map(|a| format!("{} %", a.id())));
    head.extend(["Answered %", "Catalog", "Question set"].map(String::from));
    if c.has_rollup() {
        head.extend(
            [
                "In roll-up",
                "Units scored",
                "Median index",
                "Lowest index",
                "Highest index",
                "Lowest index unit(s)",
                "Largest gap",
                "At own target",
            ]
            .map(String::from),
        );
    }
    let text = |s: &str| Value::Text(s.to_string());
    let num = |v: Option<f64>, d: u8| v.map_or(Value::Blank, |v| Value::Number(v, d));
    let mut rows = Vec::new();
    for r in &c.rows {
        for (col, cell) in c.columns.iter().zip(&r.cells) {
            let mut row = vec![text(&r.name), text(&col.unit), text(&col.assessment), text(&col.date)];
            match cell {
                Cell::Scored { level, index, target, gap, attributes, provisional } => {
                    row.push(text(if *provisional { "provisional" } else { "scored" }));
                    row.extend([num(Some(f64::from(*level)), 0), num(Some(*index), 2), text(&index_text(*index))]);
                    if *target == 0 {
                        row.extend([text("no target"), Value::Blank]);
                    } else {
                        row.extend([num(Some(f64::from(*target)), 0), num(Some(f64::from(*gap)), 0)]);
                    }
                    row.extend(
                        Attribute::ALL
                            .iter()
                            .map(|at| num(attributes.iter().find(|(a, _)| a == at).and_then(|(_, v)| *v), 0)),
                    );
                }
                other => {
                    row.push(text(&other.score_text()));
                    row.extend(std::iter::repeat_n(Value::Blank, 5 + Attribute::ALL.len()));
                }
            }
            row.extend([num(Some(col.completion * 100.0), 0), text(&col.scoring.catalog), text(mode_text(col.mode))]);
            if c.has_rollup() {
                row.extend([text(col.apart.map_or("yes", Apart::text)), num(Some(r.scored.0 as f64), 0)]);
                row.extend([num(r.median_index, 2), num(r.min_index, 2), num(r.max_index, 2)]);
                row.push(text(&c.weakest_label(r)));
                row.extend([text(&c.largest_gap_label(r)), text(&Comparison::at_target_label(r))]);
            }
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
