//! `evaluate(&Catalog, &Assessment) -> Results`: the one place where an
//! assessment becomes results. Everything the UI and the charts show comes
//! from here; nothing is computed again elsewhere.
//!
//! Invariants of [`Results`]:
//! - `processes` is in catalog order and holds every catalog process;
//! - relevance scores are 0..=100, indices 0.0..=5.0, levels and targets 0..=5;
//! - `gap` is `target − level` and may be negative (the process exceeds its
//!   target); `priority` is `max(gap, 0) × relevance`;
//! - answers whose keys the catalog does not know are listed in `unknown_answers`.

use super::assessment::{Answer, Assessment, Mode, QuestionKey};
use super::catalog::{Catalog, ATTRIBUTES};
use super::consensus::{Effective, Tally};
use super::relevance::{relevance, Relevance};
use super::roadmap::{roadmap, RoadmapStep};
use super::scoring::{capability, capability_index, suggested_target, AttributeScore, Blocker};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// One question of one process with its combined answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub key: QuestionKey,
    pub question: String,
    pub attribute: &'static str,
    pub level: u8,
    pub tally: Tally,
    pub agreed: Option<Answer>,
    pub effective: Effective,
}

/// Everything known about one process.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcessResult {
    pub id: String,
    pub name: String,
    pub relevance: Relevance,
    pub suggested_target: Option<u8>,
    pub in_scope: bool,
    /// The target in force: the user's override, else the suggestion (0 when none).
    pub target: u8,
    pub target_overridden: bool,
    pub attributes: Vec<AttributeScore>,
    pub level: u8,
    /// What blocks `level + 1` (empty at level 5).
    pub blockers: Vec<Blocker>,
    pub index: f64,
    pub gap: i8,
    pub priority: f64,
    /// Questions asked in the current mode, and how many have a scored or N/A answer.
    pub asked: usize,
    pub answered: usize,
    pub questions: Vec<QuestionResult>,
}

impl ProcessResult {
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

    /// For each blocker of the next level, the answers that block it: the
    /// attribute's questions that are unanswered, or below Fully (a lower-level
    /// attribute must be F) or below Largely (an attribute of the next level).
    pub fn blocking_answers(&self) -> Vec<(&Blocker, Vec<&QuestionResult>)> {
        self.blockers
            .iter()
            .map(|b| {
                let of_attr = self.questions.iter().filter(|q| q.attribute == b.attribute());
                let qs = match b {
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

    /// Names of the rated objectives that raise this process (why it matters).
    pub fn serves(&self) -> Vec<&str> {
        self.relevance
            .contributions
            .iter()
            .filter_map(|c| match &c.reason {
                super::relevance::Reason::Objective { name, .. } => Some(name.as_str()),
                _ => None,
            })
            .collect()
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

/// The whole evaluation of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub processes: Vec<ProcessResult>,
    /// Highest n such that every in-scope process has capability ≥ n.
    pub org_maturity: Option<u8>,
    /// Mean capability index of the in-scope processes.
    pub mean_index: Option<f64>,
    pub objectives: Vec<ObjectiveSupport>,
    pub roadmap: Vec<RoadmapStep>,
    /// Answer keys (any participant or agreed) the catalog does not know.
    pub unknown_answers: Vec<QuestionKey>,
    /// Questions asked and answered over the in-scope processes.
    pub asked: usize,
    pub answered: usize,
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
    /// The in-scope processes, highest priority first; ties go to the more
    /// relevant process, then keep catalog order.
    pub fn in_scope_by_priority(&self) -> Vec<&ProcessResult> {
        let mut list: Vec<&ProcessResult> = self.in_scope().collect();
        super::sort_stable(&mut list, |a, b| {
            b.priority.total_cmp(&a.priority).then(b.relevance.score.cmp(&a.relevance.score))
        });
        list
    }
    /// Overall completion 0.0..=1.0 over the in-scope processes.
    pub fn completion(&self) -> f64 {
        if self.asked == 0 {
            0.0
        } else {
            self.answered as f64 / self.asked as f64
        }
    }
}

/// Evaluates an assessment against a catalog.
pub fn evaluate(catalog: &Catalog, a: &Assessment) -> Results {
    let relevance = relevance(catalog, a);
    let quick_only = a.mode == Mode::Quick;

    // Index every question of every process once, then walk each participant's
    // answers once: O(answers) rather than O(questions × participants) lookups.
    let mut plan = Vec::with_capacity(catalog.processes.len());
    let mut index: HashMap<String, (usize, usize)> = HashMap::new();
    for (pi, p) in catalog.processes.iter().enumerate() {
        let qs = catalog.questions_for(p, false);
        for (qi, q) in qs.iter().enumerate() {
            index.insert(QuestionKey::new(&p.id, &q.id).0, (pi, qi));
        }
        plan.push(qs);
    }
    let mut tallies: Vec<Vec<Tally>> = plan.iter().map(|qs| vec![Tally::default(); qs.len()]).collect();
    let mut unknown = BTreeSet::new();
    for part in &a.participants {
        for (key, entry) in &part.answers {
            match index.get(key.0.as_str()) {
                Some(&(pi, qi)) => {
                    if let Some(ans) = entry.answer {
                        tallies[pi][qi].add(ans);
                    }
                }
                None => {
                    unknown.insert(key.clone());
                }
            }
        }
    }
    for key in a.agreed.keys() {
        if !index.contains_key(key.0.as_str()) {
            unknown.insert(key.clone());
        }
    }

    let mut processes = Vec::with_capacity(catalog.processes.len());
    for (pi, p) in catalog.processes.iter().enumerate() {
        let rel = relevance.get(&p.id).cloned().unwrap_or_default();
        let suggested = suggested_target(rel.score);
        let decision = a.scope.get(&p.id);
        let in_scope = decision.and_then(|d| d.in_scope).unwrap_or(suggested.is_some());
        let overridden = decision.and_then(|d| d.target);
        let target = if in_scope { overridden.or(suggested).unwrap_or(1) } else { 0 };

        let mut questions = Vec::new();
        for (qi, q) in plan[pi].iter().enumerate() {
            if quick_only && !q.quick {
                continue;
            }
            let key = QuestionKey::new(&p.id, &q.id);
            let agreed = a.agreed.get(&key).map(|g| g.answer);
            let tally = tallies[pi][qi];
            questions.push(QuestionResult {
                effective: Effective::resolve(agreed, &tally),
                key,
                question: q.id.clone(),
                attribute: q.attribute,
                level: q.level,
                tally,
                agreed,
            });
        }
        let attributes: Vec<AttributeScore> = ATTRIBUTES
            .iter()
            .map(|(attr, level)| {
                let of_attr = questions.iter().filter(|q| q.attribute == *attr);
                let mut scores = Vec::new();
                let (mut asked, mut na, mut dk) = (0, 0, 0);
                for q in of_attr {
                    asked += 1;
                    match q.effective {
                        Effective::Scored(_) => scores.extend(q.effective.percent()),
                        Effective::NotApplicable => na += 1,
                        Effective::Unanswered { dont_know } => dk += usize::from(dont_know),
                    }
                }
                AttributeScore::from_scores(attr, *level, &scores, asked, na, dk)
            })
            .collect();
        let cap = capability(&attributes);
        let idx = capability_index(&attributes);
        let gap = target as i8 - cap.level as i8;
        let answered =
            questions.iter().filter(|q| matches!(q.effective, Effective::Scored(_) | Effective::NotApplicable)).count();
        processes.push(ProcessResult {
            id: p.id.clone(),
            name: p.name.clone(),
            suggested_target: suggested,
            in_scope,
            target,
            target_overridden: overridden.is_some(),
            level: cap.level,
            blockers: cap.blockers,
            index: idx,
            gap,
            priority: if in_scope { gap.max(0) as f64 * rel.score as f64 } else { 0.0 },
            asked: questions.len(),
            answered,
            attributes,
            questions,
            relevance: rel,
        });
    }

    let scoped: Vec<&ProcessResult> = processes.iter().filter(|p| p.in_scope).collect();
    let org_maturity = scoped.iter().map(|p| p.level).min();
    let mean_index = (!scoped.is_empty()).then(|| scoped.iter().map(|p| p.index).sum::<f64>() / scoped.len() as f64);
    let asked = scoped.iter().map(|p| p.asked).sum();
    let answered = scoped.iter().map(|p| p.answered).sum();
    let objectives = objective_support(catalog, a, &processes);
    let roadmap = roadmap(&processes);
    Results {
        processes,
        org_maturity,
        mean_index,
        objectives,
        roadmap,
        unknown_answers: unknown.into_iter().collect(),
        asked,
        answered,
    }
}

/// Support of every rated objective (catalog objectives first, then custom ones).
fn objective_support(catalog: &Catalog, a: &Assessment, processes: &[ProcessResult]) -> Vec<ObjectiveSupport> {
    let mut rated: Vec<(String, String, u8, bool, Vec<String>)> = Vec::new();
    for o in &catalog.objectives {
        if let Some(&imp) = a.objectives.get(&o.id).filter(|&&i| i > 0) {
            rated.push((
                o.id.clone(),
                o.name.clone(),
                imp,
                false,
                o.processes.iter().map(|p| p.process.clone()).collect(),
            ));
        }
    }
    for o in a.custom_objectives.iter().filter(|o| o.importance > 0) {
        rated.push((
            o.id.clone(),
            o.name.clone(),
            o.importance,
            true,
            o.processes.iter().map(|p| p.process.clone()).collect(),
        ));
    }
    rated
        .into_iter()
        .map(|(id, name, importance, custom, mapped)| {
            let members: Vec<&ProcessResult> = mapped
                .iter()
                .filter_map(|pid| processes.iter().find(|p| &p.id == pid))
                .filter(|p| p.in_scope && p.target > 0)
                .collect();
            let ratio = |p: &ProcessResult| (p.index / p.target as f64).min(1.0);
            let total_weight: f64 = members.iter().map(|p| p.relevance.score as f64).sum();
            let support = if members.is_empty() {
                None
            } else if total_weight > 0.0 {
                Some(members.iter().map(|p| ratio(p) * p.relevance.score as f64).sum::<f64>() / total_weight * 100.0)
            } else {
                Some(members.iter().map(|p| ratio(p)).sum::<f64>() / members.len() as f64 * 100.0)
            };
            let mut weak: Vec<&&ProcessResult> = members.iter().filter(|p| ratio(p) < 1.0).collect();
            crate::domain::sort_stable(&mut weak, |x, y| ratio(x).total_cmp(&ratio(y)));
            ObjectiveSupport {
                id,
                name,
                importance,
                custom,
                support,
                weakest: weak.iter().take(3).map(|p| p.id.clone()).collect(),
            }
        })
        .collect()
}
