//! The result types: everything a page, chart, report or export shows about an
//! evaluated assessment, with the small derived figures they need (index by
//! level, objective bands, one priority order, next unanswered question, notes).
//! Built only by `evaluate`; read by everyone else. Views render these; they
//! never look a question up in the catalog or compute a figure again.
//!
//! Invariants of [`Results`]:
//! - `processes` is in catalog order and holds every catalog process;
//! - relevance scores are 0..=100, levels and targets 0..=5; the index is
//!   gated: `level <= index < level + 1`, and 5.0 at level 5;
//! - `floor_level` is the lowest capability level among in-scope processes;
//! - `provisional` is true iff some attribute is provisional;
//!   `out_of_scope_proposal` is set iff the process is in scope and every
//!   PA1.1 question asked is N/A;
//! - `gap` is `target − level` and may be negative (the process exceeds its
//!   target); `priority` is `max(gap, 0) × relevance`;
//! - answers whose keys the catalog does not know are listed in `unknown_answers`;
//! - every roadmap step has work (an action or an initiative id), and every
//!   question that must rise is listed exactly once: in its step's `actions`
//!   or in one initiative's `processes` (see `roadmap.rs`).

use super::assessment::{Answer, QuestionKey};
use super::attribute::Attribute;
use super::catalog::{Effort, Text};
use super::consensus::{Effective, Tally};
use super::relevance::{Reason, Relevance};
use super::scoring::{AttributeScore, Blocker};
use super::sort::sort_stable;
use serde::Serialize;
use std::cmp::Ordering;

/// One question of one process with its text and its combined answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub key: QuestionKey,
    /// The catalog question id.
    pub question: String,
    pub attribute: Attribute,
    pub level: u8,
    /// The question as asked of this process (templates filled, overrides applied).
    pub text: Text,
    /// What to do when the answer is below Fully.
    pub action: Text,
    /// What "Fully" looks like, when the catalog says.
    pub hint: Option<Text>,
    /// What to look at to check the answer, when the catalog says.
    pub evidence: Option<Text>,
    /// How much work the action is, when the catalog says.
    pub effort: Option<Effort>,
    /// The clause the question rests on, when the catalog says.
    pub reference: Option<Text>,
    pub tally: Tally,
    pub agreed: Option<Answer>,
    pub effective: Effective,
}

/// Everything known about one process.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessResult {
    pub id: String,
    pub name: String,
    /// The framework references on one line ([`crate::domain::catalog::Process::reference_line`]).
    pub references: String,
    pub relevance: Relevance,
    pub suggested_target: Option<u8>,
    /// Why that target is suggested, in words, including any size cap
    /// ("relevance 85 would suggest level 4; capped at 3 for …").
    pub target_reason: String,
    pub in_scope: bool,
    /// The target in force: the user's override, else the suggestion (0 when none).
    pub target: u8,
    pub target_overridden: bool,
    pub attributes: Vec<AttributeScore>,
    pub level: u8,
    /// What blocks `level + 1` (empty at level 5).
    pub blockers: Vec<Blocker>,
    /// The gated capability index: `level` + the next level's mean achievement.
    pub index: f64,
    /// Some attribute is rated from fewer than half of its asked questions.
    pub provisional: bool,
    /// Set when every PA1.1 question asked is N/A: a proposal, with the reason
    /// in words, to take the process out of scope.
    pub out_of_scope_proposal: Option<String>,
    pub gap: i8,
    pub priority: f64,
    /// Questions asked in the current mode, and how many have a scored or N/A answer.
    pub asked: usize,
    pub answered: usize,
    pub questions: Vec<QuestionResult>,
}

impl ProcessResult {
    /// Beside a target the user chose: "(your choice)", or "(your choice;
    /// suggested 3)" when the suggestion differs; `None` for a suggested target.
    pub fn target_note(&self) -> Option<String> {
        if !self.target_overridden {
            return None;
        }
        Some(match self.suggested_target {
            Some(s) if s != self.target => format!("(your choice; suggested {s})"),
            _ => "(your choice)".to_string(),
        })
    }
    /// Completion 0.0..=1.0 of this process's questions.
    pub fn completion(&self) -> f64 {
        if self.asked == 0 {
            0.0
        } else {
            self.answered as f64 / self.asked as f64
        }
    }
    /// Questions answered "don't know" (effective), for follow-up.
    pub fn dont_know(&self) -> impl Iterator<Item = &QuestionResult> {
        self.questions.iter().filter(|q| matches!(q.effective, Effective::Unanswered { dont_know: true }))
    }
    /// Questions nobody has answered yet.
    pub fn unanswered(&self) -> impl Iterator<Item = &QuestionResult> {
        self.questions.iter().filter(|q| matches!(q.effective, Effective::Unanswered { dont_know: false }))
    }
    /// The question with this catalog id.
    pub fn question(&self, id: &str) -> Option<&QuestionResult> {
        self.questions.iter().find(|q| q.question == id)
    }
    /// The score of one attribute.
    pub fn attribute(&self, a: Attribute) -> Option<&AttributeScore> {
        self.attributes.iter().find(|s| s.attribute == a)
    }

    /// Each level's own mean achievement, levels 1..=5 (0.0..=1.0 each, over
    /// the level's applicable attributes), for the explain view. These are not
    /// shares of `index` and do not add up to it: the gated index only counts
    /// the next level's part ([`Self::index_explained`]).
    pub fn index_by_level(&self) -> [f64; 5] {
        super::scoring::index_parts(&self.attributes)
    }

    /// The level this process was rated up to when the depth chosen did not
    /// ask the next level's questions (up to one level above the target):
    /// its level is then a lower bound. `None` when the next level was asked.
    pub fn ceiling(&self) -> Option<u8> {
        self.blockers.iter().any(|b| matches!(b, Blocker::NotAsked { .. })).then_some(self.level)
    }

    /// The gated index in words: "capability index 1.50 = level 1 + 0.50, the
    /// mean achievement of the level-2 attributes".
    pub fn index_explained(&self) -> String {
        if self.level >= 5 {
            return "capability index 5.00: level 5, the highest".into();
        }
        let next = self.level + 1;
        if self.ceiling().is_some() {
            return format!(
                "capability index {}: level {}, rated up to level {}; level {next} was not asked at this depth, so \
                 its share is unknown (not zero)",
                index_text(self.index),
                self.level,
                self.level
            );
        }
        format!(
            "capability index {} = level {} + {}, the mean achievement of the level-{next} attributes{}",
            index_text(self.index),
            self.level,
            index_text(self.index - self.level as f64),
            if self.index - self.level as f64 >= super::scoring::NEXT_LEVEL_CAP - 1e-9 {
                " (at most 0.99 while level ".to_string() + &next.to_string() + " is not reached)"
            } else {
                String::new()
            }
        )
    }

    /// For each blocker of the next level, the answers that block it: the
    /// attribute's questions that are unanswered, or below Fully (a lower-level
    /// attribute must be F) or below Largely (an attribute of the next level).
    pub fn blocking_answers(&self) -> Vec<(&Blocker, Vec<&QuestionResult>)> {
        self.blockers
            .iter()
            .map(|b| {
                let of_attr = self.questions.iter().filter(|q| q.attribute == b.attribute());
                let qs = match b {
                    Blocker::NotAsked { .. } => Vec::new(),
                    Blocker::Unrated { .. } => {
                        of_attr.filter(|q| matches!(q.effective, Effective::Unanswered { .. })).collect()
                    }
                    Blocker::LowerNotFully { .. } => of_attr
                        .filter(|q| !q.effective.is_fully() && !matches!(q.effective, Effective::NotApplicable))
                        .collect(),
                    Blocker::BelowLargely { .. } => of_attr
                        .filter(|q| match q.effective {
                            Effective::Scored(s) => s < 2.0,
                            Effective::Unanswered { .. } => true,
                            Effective::NotApplicable => false,
                        })
                        .collect(),
                };
                (b, qs)
            })
            .collect()
    }

    /// Names of the rated objectives that raise this process (why it matters),
    /// directly or through a strategy decision; each once, strongest first.
    pub fn serves(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in &self.relevance.contributions {
            let name = match &c.reason {
                Reason::Objective { name, .. } => Some(name.as_str()),
                Reason::Service { via: Some(v), .. } => Some(v.objective_name.as_str()),
                Reason::Service { .. } => None,
            };
            if let Some(n) = name.filter(|n| !out.contains(n)) {
                out.push(n);
            }
        }
        out
    }
}

/// The one priority order of the app: highest priority first; ties go to the
/// more relevant process, then keep catalog order. Profile, gap chart,
/// presenter and roadmap all use it.
pub fn by_priority(a: &ProcessResult, b: &ProcessResult) -> Ordering {
    b.priority.total_cmp(&a.priority).then(b.relevance.score.cmp(&a.relevance.score))
}

/// How an objective's support reads at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum SupportBand {
    /// Below 40 %: IT puts the objective at risk.
    AtRisk,
    /// 40 % up to 70 %: partly supported.
    Partial,
    /// 70 % and more.
    Supported,
}

impl SupportBand {
    /// The band for a support percentage.
    pub fn of(percent: f64) -> SupportBand {
        if percent < 40.0 {
            SupportBand::AtRisk
        } else if percent < 70.0 {
            SupportBand::Partial
        } else {
            SupportBand::Supported
        }
    }
    /// The words shown beside the bar.
    pub fn label(self) -> &'static str {
        match self {
            SupportBand::AtRisk => "at risk",
            SupportBand::Partial => "partly supported",
            SupportBand::Supported => "well supported",
        }
    }
    /// A CSS class name for the colour.
    pub fn class(self) -> &'static str {
        match self {
            SupportBand::AtRisk => "risk",
            SupportBand::Partial => "partial",
            SupportBand::Supported => "ok",
        }
    }
}

/// How well one business objective is supported by its in-scope processes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveSupport {
    pub id: String,
    pub name: String,
    pub importance: u8,
    pub custom: bool,
    /// Percent 0..=100; `None` when none of its processes is in scope with a target.
    pub support: Option<f64>,
    /// Mapped in-scope processes below target, weakest first (index / target).
    pub weakest: Vec<String>,
}

impl ObjectiveSupport {
    /// The band of the support, `None` when it cannot be rated.
    pub fn band(&self) -> Option<SupportBand> {
        self.support.map(SupportBand::of)
    }
}

/// When a roadmap step should happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Horizon {
    Now,
    Next,
    Later,
}

impl Horizon {
    /// The horizon for a wave number (1-based).
    pub fn of_wave(wave: u8) -> Horizon {
        match wave {
            0 | 1 => Horizon::Now,
            2 => Horizon::Next,
            _ => Horizon::Later,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now",
            Horizon::Next => "Next",
            Horizon::Later => "Later",
        }
    }
}

/// One question whose answer must rise for a step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadmapAction {
    pub key: QuestionKey,
    pub question: String,
    pub attribute: Attribute,
    /// What to do: the catalog's action, or "Find out: <question>" when it is not assessed yet.
    pub text: String,
    /// Nobody has answered it (or only "don't know"): find out first.
    pub to_assess: bool,
    /// How much work the action is (finding out counts as small).
    pub effort: Option<Effort>,
}

/// Reaching one capability level for one process.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadmapStep {
    pub process: String,
    /// The process's name, for display.
    pub process_name: String,
    /// The level this step reaches.
    pub level: u8,
    pub wave: u8,
    pub horizon: Horizon,
    pub priority: f64,
    /// The step's own actions: its process-specific (PA1.1) ones and any
    /// generic one not shared widely enough to be an initiative.
    pub actions: Vec<RoadmapAction>,
    /// Ids of the initiatives that also serve this step ([`Results::initiative`]).
    pub initiatives: Vec<String>,
}

/// One process an initiative serves, with the step it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InitiativeItem {
    pub process: String,
    pub process_name: String,
    pub key: QuestionKey,
    /// The level of the process's step this work belongs to.
    pub step_level: u8,
    pub wave: u8,
    /// The action as worded for this process (its override, if any).
    pub text: String,
    /// Not assessed yet for this process: find out first.
    pub to_assess: bool,
    pub effort: Option<Effort>,
}

/// A generic action shared by the steps of several processes, done once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Initiative {
    /// The generic question's id (`<id>@next`, `<id>@later` for the same
    /// question's initiative of a later horizon).
    pub id: String,
    /// What it does, in a few words ("Name an owner for each process").
    pub title: String,
    pub question: String,
    pub attribute: Attribute,
    pub level: u8,
    /// The earliest wave among its processes' steps, and its horizon (all its
    /// processes' steps are in this horizon).
    pub wave: u8,
    pub horizon: Horizon,
    /// The highest priority among its processes.
    pub priority: f64,
    /// The catalog action for the processes together ("Name an owner for
    /// each of these processes, …"); they are listed in `processes`.
    pub text: String,
    /// The processes it serves, in roadmap order.
    pub processes: Vec<InitiativeItem>,
    /// The catalog's effort for the action, for one process.
    pub effort: Option<Effort>,
    /// The processes that do the same work in a later horizon, one entry per horizon.
    pub later: Vec<LaterJoin>,
}

impl Initiative {
    /// The processes it serves with the level of each one's step:
    /// "Change management (level 2), Service desk (level 2)".
    pub fn served(&self) -> String {
        self.processes
            .iter()
            .map(|x| format!("{} (level {})", x.process_name, x.step_level))
            .collect::<Vec<_>>()
            .join(", ")
    }
    /// Its number and name, as steps refer to it: "#2 Owners and clear responsibilities for steps and handovers".
    pub fn numbered(&self, n: usize) -> String {
        format!("#{n} {}", self.title)
    }
    /// Its one-line name in files and lists, where it stands alone (a
    /// ticket, a row): "Shared initiative #2: Owners … (PA2.1, a level-2
    /// attribute), for 6 processes"; the same work of a later round says
    /// its horizon ("… handovers, Next (PA2.1, …").
    pub fn summary(&self, n: usize) -> String {
        let count = self.processes.len();
        let round = if self.id.contains('@') { format!(", {}", self.horizon.label()) } else { String::new() };
        format!(
            "Shared initiative #{n}: {}{round} ({}, a level-{} attribute), for {count} process{}",
            self.title,
            self.attribute.id(),
            self.level,
            if count == 1 { "" } else { "es" }
        )
    }
}

/// Processes whose step for an initiative's work comes in a later horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LaterJoin {
    pub horizon: Horizon,
    /// Their names, in roadmap order.
    pub processes: Vec<String>,
    /// The initiative of that horizon, when they are enough for one; otherwise
    /// the work stays in each process's own step.
    pub initiative: Option<String>,
}

/// A note written on an answer, with what it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteLine {
    pub participant: String,
    pub process: String,
    pub question: String,
    pub answer: Option<Answer>,
    pub note: String,
}

/// A capability index in whole hundredths, as every page shows it: rounded
/// half up (1.555 → 1.56), except that it never rounds up across a whole
/// number, because the index is gated — 1.996 is still level 1 and shows
/// 1.99, never "2.00". Not finite or negative counts as 0.
pub fn index_hundredths(v: f64) -> i32 {
    let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
    // The tiny nudges keep 2.0 computed as 1.9999999999 at 2.00 and 1.555
    // stored as 1.55499999 at 1.56.
    let whole = (v + 1e-9).floor() as i32;
    let rounded = ((v * 100.0) + 0.5 + 1e-6).floor() as i32;
    rounded.min(whole * 100 + 99)
}

/// A share done (0.0..=1.0) as every progress figure shows it, in percent:
/// rounded half up, but 100 only when everything is done and never 0 once
/// something is (6 of 19 reads 32, 189 of 190 reads 99, 1 of 500 reads 1).
pub fn percent_done(share: f64) -> u32 {
    if !share.is_finite() || share <= 0.0 {
        return 0;
    }
    if share >= 1.0 {
        return 100;
    }
    ((share * 100.0 + 0.5 + 1e-9).floor() as u32).clamp(1, 99)
}

/// [`percent_done`] with its sign and a non-breaking space: "32\u{a0}%".
pub fn percent_text(share: f64) -> String {
    format!("{}\u{a0}%", percent_done(share))
}

/// The change between two indices as shown: the difference of the two
/// figures on screen, signed ("+0.13", "−0.05", "0.00"), so "1.40 → 1.53"
/// always reads "+0.13".
pub fn change_text(before: f64, now: f64) -> String {
    let d = index_hundredths(now) - index_hundredths(before);
    let sign = match d.signum() {
        1 => "+",
        -1 => "\u{2212}",
        _ => "",
    };
    format!("{sign}{}.{:02}", d.abs() / 100, d.abs() % 100)
}

/// A capability index as every page, chart and file shows it: two decimals,
/// [`index_hundredths`] (0.416 reads "0.42" in charts and tables alike;
/// 1.996 reads "1.99").
pub fn index_text(v: f64) -> String {
    let h = index_hundredths(v);
    format!("{}.{:02}", h / 100, h % 100)
}

/// What results and report say about the nature of the figures.
pub const INDICATIVE: &str =
    "An indicative self-assessment based on ISO/IEC 33020 capability levels, not a formal ISO/IEC 33002 assessment.";

/// One line saying what the floor level is, beside the figure.
pub const FLOOR_LEVEL_MEANS: &str =
    "Floor level: the lowest capability level among the in-scope processes; the mean index shows progress between levels.";

/// The whole evaluation of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub processes: Vec<ProcessResult>,
    /// Floor level: the lowest capability level among in-scope processes
    /// (`None` when nothing is in scope). Not an organizational maturity level.
    pub floor_level: Option<u8>,
    /// Mean capability index of the in-scope processes.
    pub mean_index: Option<f64>,
    pub objectives: Vec<ObjectiveSupport>,
    pub roadmap: Vec<RoadmapStep>,
    /// Cross-process initiatives the roadmap steps refer to.
    pub initiatives: Vec<Initiative>,
    /// Answer keys (any participant or agreed) the catalog does not know.
    pub unknown_answers: Vec<QuestionKey>,
    /// Questions asked and answered over the in-scope processes.
    pub asked: usize,
    pub answered: usize,
    /// Every note on an answer, in catalog order then participant order.
    pub notes: Vec<NoteLine>,
}

impl Results {
    /// The process result with this id.
    pub fn process(&self, id: &str) -> Option<&ProcessResult> {
        self.processes.iter().find(|p| p.id == id)
    }
    /// In-scope processes, catalog order.
    pub fn in_scope(&self) -> impl Iterator<Item = &ProcessResult> {
        self.processes.iter().filter(|p| p.in_scope)
    }
    /// The in-scope processes in the one priority order ([`by_priority`]).
    pub fn in_scope_by_priority(&self) -> Vec<&ProcessResult> {
        let mut list: Vec<&ProcessResult> = self.in_scope().collect();
        sort_stable(&mut list, |a, b| by_priority(a, b));
        list
    }
    /// Every process by relevance, highest first (ties keep catalog order): the scope table.
    pub fn by_relevance(&self) -> Vec<&ProcessResult> {
        let mut list: Vec<&ProcessResult> = self.processes.iter().collect();
        sort_stable(&mut list, |a, b| b.relevance.score.cmp(&a.relevance.score));
        list
    }
    /// Rated objectives, the least supported first (unrated last), ties to the more important.
    pub fn objectives_by_risk(&self) -> Vec<&ObjectiveSupport> {
        let mut list: Vec<&ObjectiveSupport> = self.objectives.iter().collect();
        sort_stable(&mut list, |a, b| {
            a.support.unwrap_or(101.0).total_cmp(&b.support.unwrap_or(101.0)).then(b.importance.cmp(&a.importance))
        });
        list
    }
    /// Objectives by what their shortfall costs: importance × (100 − support),
    /// highest first (the more important first on a tie); unrated last.
    pub fn objectives_by_weight(&self) -> Vec<&ObjectiveSupport> {
        let weight = |o: &ObjectiveSupport| o.support.map_or(-1.0, |s| o.importance as f64 * (100.0 - s));
        let mut list: Vec<&ObjectiveSupport> = self.objectives.iter().collect();
        sort_stable(&mut list, |a, b| weight(b).total_cmp(&weight(a)).then(b.importance.cmp(&a.importance)));
        list
    }
    /// In-scope processes with a target above 0 that meet it, and how many
    /// have such a target: (met, with a target).
    pub fn targets_met(&self) -> (usize, usize) {
        let with: Vec<&ProcessResult> = self.in_scope().filter(|p| p.target > 0).collect();
        (with.iter().filter(|p| p.gap <= 0).count(), with.len())
    }
    /// Overall completion 0.0..=1.0 over the in-scope processes.
    pub fn completion(&self) -> f64 {
        if self.asked == 0 {
            0.0
        } else {
            self.answered as f64 / self.asked as f64
        }
    }
    /// The initiative with this id.
    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }
    /// The initiatives that start in one horizon, each with its number in the
    /// whole roadmap (1-based), by which steps refer to it.
    pub fn initiatives_in(&self, h: Horizon) -> impl Iterator<Item = (usize, &Initiative)> {
        self.initiatives.iter().enumerate().filter(move |(_, i)| i.horizon == h).map(|(n, i)| (n + 1, i))
    }
    /// The shared initiatives a step's work is part of, with their numbers.
    pub fn initiative_refs(&self, step: &RoadmapStep) -> Vec<(usize, &Initiative)> {
        step.initiatives
            .iter()
            .filter_map(|id| self.initiative_number(id).map(|n| (n, &self.initiatives[n - 1])))
            .collect()
    }
    /// The number of the initiative with this id (1-based, as the roadmap shows it).
    pub fn initiative_number(&self, id: &str) -> Option<usize> {
        self.initiatives.iter().position(|i| i.id == id).map(|n| n + 1)
    }
    /// Lines a reader goes through: every step's own actions plus one per initiative.
    pub fn action_lines(&self) -> usize {
        self.roadmap.iter().map(|s| s.actions.len()).sum::<usize>() + self.initiatives.len()
    }
    /// The roadmap steps of one process.
    pub fn steps_of<'a>(&'a self, process: &'a str) -> impl Iterator<Item = &'a RoadmapStep> + 'a {
        self.roadmap.iter().filter(move |s| s.process == process)
    }

    /// Which steps of the flow (organization, objectives, strategy, services,
    /// scope, questions, results) have what they need: a name, a rated
    /// objective, a decision, a service, a process in scope, every question
    /// answered; the results are done when the questions are.
    pub fn steps_done(&self, a: &super::assessment::Assessment) -> [bool; 7] {
        let questions = self.asked > 0 && self.answered >= self.asked;
        [
            !a.organization.name.trim().is_empty(),
            a.objectives.values().any(|i| *i > 0) || a.custom_objectives.iter().any(|o| o.importance > 0),
            !a.strategy.is_empty(),
            !a.services.is_empty(),
            self.in_scope().next().is_some(),
            questions,
            questions,
        ]
    }

    /// The questionnaire's order of the in-scope processes: the one priority
    /// order of the app ([`by_priority`]), or the catalog's when the user
    /// asks for it. A page keeps the order it was opened with, so a process
    /// does not move while its answers change its priority.
    pub fn order(&self, catalog_order: bool) -> Vec<String> {
        if catalog_order {
            self.in_scope().map(|p| p.id.clone()).collect()
        } else {
            self.in_scope_by_priority().into_iter().map(|p| p.id.clone()).collect()
        }
    }

    /// The scope table's order: the processes in scope in the questionnaire's
    /// order, then the others by relevance (the highest first, so the next
    /// candidates are on top); every process in the catalog's order when asked.
    pub fn scope_order(&self, catalog_order: bool) -> Vec<String> {
        if catalog_order {
            return self.processes.iter().map(|p| p.id.clone()).collect();
        }
        let mut list = self.order(false);
        list.extend(self.by_relevance().into_iter().filter(|p| !p.in_scope).map(|p| p.id.clone()));
        list
    }

    /// The processes of `order` that are in scope, in that order.
    fn ordered<'a, 'o>(&'a self, order: &'o [String]) -> impl Iterator<Item = &'a ProcessResult> + use<'a, 'o> {
        order.iter().filter_map(move |id| self.process(id)).filter(|p| p.in_scope)
    }

    /// Where "next unanswered question" leads from process `here`: the first
    /// open question on this page, else the next process of `order` (wrapping
    /// round) that has one, else the results. `is_open` says whether the
    /// person at this device still has to answer a question.
    pub fn next_unanswered(&self, order: &[String], here: &str, is_open: impl Fn(&QuestionResult) -> bool) -> NextStop {
        if let Some(i) = self.process(here).and_then(|p| p.questions.iter().position(&is_open)) {
            return NextStop::Here(i);
        }
        let scoped: Vec<&ProcessResult> = self.ordered(order).collect();
        let start = scoped.iter().position(|p| p.id == here).map_or(0, |i| i + 1);
        (0..scoped.len())
            .map(|k| scoped[(start + k) % scoped.len()])
            .find(|p| p.id != here && p.questions.iter().any(&is_open))
            .map_or(NextStop::Results, |p| NextStop::Process(p.id.clone()))
    }

    /// Where the "Questions" step opens: the first process of `order` with an
    /// unanswered question, else the first; `None` when nothing is in scope.
    pub fn questions_entry(&self, order: &[String]) -> Option<&str> {
        self.ordered(order).find(|p| p.answered < p.asked).or_else(|| self.ordered(order).next()).map(|p| p.id.as_str())
    }

    /// The processes before and after `here` in `order`, for the page's back and next links.
    pub fn neighbours(&self, order: &[String], here: &str) -> (Option<&ProcessResult>, Option<&ProcessResult>) {
        let scoped: Vec<&ProcessResult> = self.ordered(order).collect();
        match scoped.iter().position(|p| p.id == here) {
            Some(i) => (i.checked_sub(1).map(|j| scoped[j]), scoped.get(i + 1).copied()),
            None => (None, None),
        }
    }

    /// Where a second sitting continues: process `last` (the page worked on
    /// last) while it has open questions, else the next process of `order`
    /// with one (wrapping round); `None` when all is answered.
    pub fn resume_at(&self, order: &[String], last: Option<&str>) -> Option<&ProcessResult> {
        let open = |p: &&ProcessResult| p.answered < p.asked;
        let scoped: Vec<&ProcessResult> = self.ordered(order).collect();
        let start = last.and_then(|l| scoped.iter().position(|p| p.id == l)).unwrap_or(0);
        (0..scoped.len()).map(|k| scoped[(start + k) % scoped.len()]).find(open)
    }

    /// About how many minutes the open questions in scope take, at
    /// [`SECONDS_PER_QUESTION`] each, rounded up to 5 minutes (0 when none is open).
    pub fn minutes_left(&self) -> u32 {
        let open: usize = self.in_scope().map(|p| p.asked.saturating_sub(p.answered)).sum();
        minutes_for(open)
    }
}

/// About how many minutes `questions` take at [`SECONDS_PER_QUESTION`]
/// each, rounded up to 5 minutes.
fn minutes_for(questions: usize) -> u32 {
    (questions as u32 * SECONDS_PER_QUESTION).div_ceil(60).div_ceil(5) * 5
}

/// About how long `questions` take at [`SECONDS_PER_QUESTION`] each, rounded
/// up to 5 minutes, as the app says it everywhere: "about 40 min",
/// "about 1 h 30 min", "about 2 h".
pub fn duration_text(questions: usize) -> String {
    let minutes = minutes_for(questions);
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("about {m} min"),
        (h, 0) => format!("about {h} h"),
        (h, m) => format!("about {h} h {m} min"),
    }
}

/// The time one question takes on average, reading and answering it (a
/// rule of thumb from workshops: some take ten seconds, some a minute).
pub const SECONDS_PER_QUESTION: u32 = 30;

/// Where "next unanswered question" leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStop {
    /// The question at this index on the current page.
    Here(usize),
    /// The page of this process.
    Process(String),
    /// Everything is answered: the results.
    Results,
}
