//! Workshops and comparisons: per-participant capability (the spread behind a
//! consensus), the discuss list of questions where answers differ by two
//! steps or more, and deltas between a baseline and a follow-up.
//!
//! Invariants:
//! - spreads are over in-scope processes, in the one priority order; `min <= max`, and
//!   every index is 0.0..=5.0;
//! - the discuss list holds exactly the questions whose scored answers differ
//!   by ≥ [`DISCUSS_SPREAD`] steps, or where some participants say N/A and
//!   others give a score; sorted by weight = max(spread, 2 when N/A is mixed
//!   with scores) × process priority (ties: catalog order);
//! - deltas are `current − baseline` for the processes in scope in `current`.

use super::assessment::{Assessment, QuestionKey};
use super::attribute::Attribute;
use super::catalog::Catalog;
use super::consensus::{Stance, Tally};
use super::evaluate::evaluate;
use super::results::Results;
use serde::Serialize;

/// Answers this many steps apart (or more) put a question on the discuss list.
pub const DISCUSS_SPREAD: u8 = 2;

/// One process's capability index as each participant alone would have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    pub process: String,
    pub name: String,
    /// The index from the combined (consensus or agreed) answers.
    pub consensus: f64,
    pub min: f64,
    pub max: f64,
    /// (participant name, index) in participant order.
    pub per_participant: Vec<(String, f64)>,
    /// Answers of this process agreed in the workshop: they move the
    /// consensus away from the participants' own answers (even outside their range).
    pub agreed: usize,
}

impl Spread {
    /// "0.29–0.46", the participants' range as the tables show it.
    pub fn range_text(&self) -> String {
        use super::results::index_text;
        format!("{}–{}", index_text(self.min), index_text(self.max))
    }
    /// "includes 1 agreed answer", when agreed answers shape the consensus.
    pub fn agreed_note(&self) -> Option<String> {
        match self.agreed {
            0 => None,
            1 => Some("includes 1 agreed answer".into()),
            n => Some(format!("includes {n} agreed answers")),
        }
    }
}

/// Each in-scope process's consensus index with the range of individual indices.
pub fn spread(catalog: &Catalog, a: &Assessment, results: &Results) -> Vec<Spread> {
    let individual: Vec<(String, Results)> = a
        .participants
        .iter()
        .map(|p| {
            let mut alone = a.clone();
            alone.participants = vec![p.clone()];
            alone.active = p.id.clone();
            alone.agreed.clear();
            (p.name.clone(), evaluate(catalog, &alone))
        })
        .collect();
    results
        .in_scope_by_priority()
        .into_iter()
        .map(|p| {
            let per: Vec<(String, f64)> =
                individual.iter().filter_map(|(name, r)| r.process(&p.id).map(|x| (name.clone(), x.index))).collect();
            let min = per.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
            let max = per.iter().map(|x| x.1).fold(f64::NEG_INFINITY, f64::max);
            Spread {
                process: p.id.clone(),
                name: p.name.clone(),
                consensus: p.index,
                min: if per.is_empty() { p.index } else { min },
                max: if per.is_empty() { p.index } else { max },
                per_participant: per,
                agreed: a.agreed.keys().filter(|k| k.process() == Some(p.id.as_str())).count(),
            }
        })
        .collect()
}

/// A question to discuss: participants' answers differ by two steps or more,
/// or some say N/A while others give a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiscussItem {
    pub key: QuestionKey,
    pub process: String,
    /// The process's name, for display.
    pub process_name: String,
    pub question: String,
    /// The question as asked of the process.
    pub text: String,
    /// Steps between the lowest and highest scored answer (N→F = 3).
    pub spread: u8,
    /// How many said N/A while others gave a score (0 when nobody did).
    pub mixed_not_applicable: u16,
    /// Why it is listed, in words: "answers 3 steps apart", "some say N/A,
    /// 2 give a score", or both joined by "; ".
    pub why: String,
    /// The median answer in steps (0 N .. 3 F; a half step between two letters).
    pub median: Option<f64>,
    /// Spread × the process's priority: the sort key.
    pub weight: f64,
    /// Whether the facilitator already set an agreed answer.
    pub agreed: bool,
    /// Everyone's answers, counted (the distribution bar).
    pub tally: Tally,
}

/// Why a tally puts its question on the discuss list, or `None`.
pub fn discuss_reason(t: &Tally) -> Option<String> {
    let mut why = Vec::new();
    if t.spread() >= DISCUSS_SPREAD {
        why.push(format!("answers {} steps apart", t.spread()));
    }
    if t.not_applicable > 0 && t.scored() > 0 {
        let (na, scored) = (t.not_applicable, t.scored());
        why.push(format!("some say N/A ({na}), {scored} {} a score", if scored == 1 { "gives" } else { "give" }));
    }
    (!why.is_empty()).then(|| why.join("; "))
}

impl DiscussItem {
    /// The line under the item's bar: "Answers 2 steps apart · Split: 1 says
    /// P, 1 says F — agree an answer · until then the results count it as
    /// L, the median of all answers"; "✓ Agreed · Answers 2 steps apart · Split: …"
    /// once agreed; "✓ Agreed earlier · answers this round: F 3" for an
    /// agreed answer the current answers no longer dispute.
    pub fn stance_line(&self, people: usize) -> String {
        if self.agreed && discuss_reason(&self.tally).is_none() {
            return format!("✓ Agreed earlier · answers this round: {}", self.tally.summary(people));
        }
        let stance = self.tally.stance();
        let shape = stance.map_or_else(|| "–".to_string(), |s| if self.agreed { s.described() } else { s.text() });
        // Until the group agrees, the results use the median: say which.
        let meanwhile = match (stance, self.tally.median()) {
            (Some(Stance::Camps { .. } | Stance::NoMajority), Some(m)) if !self.agreed => {
                let median = Stance::Median(m).described();
                let answer = median.strip_prefix("median ").unwrap_or(&median);
                let answer =
                    if answer.starts_with("between ") { format!("halfway {answer}") } else { answer.to_string() };
                format!(" · until then the results count it as {answer}, the median of all answers")
            }
            _ => String::new(),
        };
        // The N/A clause alone: the spread is said once, first, and only when there is one.
        let na = match (self.mixed_not_applicable, self.tally.scored()) {
            (0, _) => String::new(),
            (na, scored) => {
                format!(" · some say N/A ({na}), {scored} {} a score", if scored == 1 { "gives" } else { "give" })
            }
        };
        let apart = match self.spread {
            0 => String::new(),
            1 => "Answers 1 step apart · ".to_string(),
            n => format!("Answers {n} steps apart · "),
        };
        format!("{}{apart}{shape}{meanwhile}{na}", if self.agreed { "✓ Agreed · " } else { "" })
    }
}

/// The discuss list of the in-scope processes, most important first: every
/// question whose answers disagree, and every question with an agreed answer.
pub fn discuss_list(results: &Results) -> Vec<DiscussItem> {
    let mut items: Vec<DiscussItem> = results
        .in_scope()
        .flat_map(|p| {
            p.questions.iter().filter_map(move |q| {
                // An agreed answer stays on the list (to be seen and undone)
                // even when the answers no longer disagree.
                let why = discuss_reason(&q.tally).or_else(|| q.agreed.map(|_| "agreed earlier".to_string()))?;
                let mixed = if q.tally.scored() > 0 { q.tally.not_applicable } else { 0 };
                // "Does it apply at all?" weighs like two steps apart.
                let steps = q.tally.spread().max(if mixed > 0 { DISCUSS_SPREAD } else { 0 });
                Some(DiscussItem {
                    key: q.key.clone(),
                    process: p.id.clone(),
                    process_name: p.name.clone(),
                    question: q.question.clone(),
                    text: q.text.to_string(),
                    spread: q.tally.spread(),
                    mixed_not_applicable: mixed,
                    why,
                    median: q.tally.median(),
                    // A process at or above target still ranks its disagreements by spread.
                    weight: steps as f64 * p.priority.max(1.0),
                    agreed: q.agreed.is_some(),
                    tally: q.tally,
                })
            })
        })
        .collect();
    super::sort::sort_stable(&mut items, |a, b| b.weight.total_cmp(&a.weight));
    items
}

/// How one process moved between a baseline and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delta {
    pub process: String,
    pub name: String,
    pub baseline_index: f64,
    pub current_index: f64,
    /// `current_index − baseline_index`.
    pub delta: f64,
    pub baseline_level: u8,
    pub current_level: u8,
    /// (attribute, baseline achievement %, current achievement %), PA1.1..PA5.2.
    pub attributes: Vec<(Attribute, Option<f64>, Option<f64>)>,
}

/// Deltas for the processes in scope now that the baseline also evaluated.
pub fn deltas(baseline: &Results, current: &Results) -> Vec<Delta> {
    current
        .in_scope()
        .filter_map(|p| {
            let b = baseline.process(&p.id)?;
            Some(Delta {
                process: p.id.clone(),
                name: p.name.clone(),
                baseline_index: b.index,
                current_index: p.index,
                delta: p.index - b.index,
                baseline_level: b.level,
                current_level: p.level,
                attributes: p
                    .attributes
                    .iter()
                    .zip(&b.attributes)
                    .map(|(c, o)| (c.attribute, o.achievement, c.achievement))
                    .collect(),
            })
        })
        .collect()
}

/// A follow-up at a glance: what moved since the baseline, for the top of
/// the results page. Figures are over the processes in scope now that the
/// baseline also evaluated (the deltas); "changed" is a different level or
/// an index that moved by 0.01 or more.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatChanged {
    /// Processes now at a higher level, and at a lower one.
    pub rose: usize,
    pub fell: usize,
    /// The mean index of those processes then and now.
    pub mean_before: f64,
    pub mean_now: f64,
    /// Of those processes with a target above 0: how many met it then and now, of how many.
    pub at_target_before: usize,
    pub at_target_now: usize,
    pub with_target: usize,
    /// The deltas that changed, the largest move first; the others by name.
    pub changed: Vec<Delta>,
    pub unchanged: Vec<String>,
}

/// What changed between a baseline and now ([`WhatChanged`]).
pub fn what_changed(baseline: &Results, current: &Results) -> WhatChanged {
    let all = deltas(baseline, current);
    let n = all.len().max(1) as f64;
    let mut with_target = 0;
    let (mut at_before, mut at_now) = (0, 0);
    for d in &all {
        let target = current.process(&d.process).map_or(0, |p| p.target);
        if target > 0 {
            with_target += 1;
            at_before += usize::from(d.baseline_level >= target);
            at_now += usize::from(d.current_level >= target);
        }
    }
    let moved = |d: &Delta| d.baseline_level != d.current_level || d.delta.abs() >= 0.005;
    let (mut changed, same): (Vec<Delta>, Vec<Delta>) = all.iter().cloned().partition(moved);
    super::sort::sort_stable(&mut changed, |a, b| b.delta.abs().total_cmp(&a.delta.abs()));
    WhatChanged {
        rose: all.iter().filter(|d| d.current_level > d.baseline_level).count(),
        fell: all.iter().filter(|d| d.current_level < d.baseline_level).count(),
        mean_before: all.iter().map(|d| d.baseline_index).sum::<f64>() / n,
        mean_now: all.iter().map(|d| d.current_index).sum::<f64>() / n,
        at_target_before: at_before,
        at_target_now: at_now,
        with_target,
        changed,
        unchanged: same.into_iter().map(|d| d.name).collect(),
    }
}

/// One answer the group agreed, as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreedLine {
    pub process: String,
    pub question: String,
    pub answer: super::assessment::Answer,
    /// The reason written with it ("" when none).
    pub note: String,
    /// The answers it settled: "P 1 · F 1 · ? 1".
    pub answers: String,
}

/// Every agreed answer of the in-scope processes, in their priority order
/// and then question order: what the scores rest on where people differed.
pub fn agreed_lines(a: &Assessment, results: &Results) -> Vec<AgreedLine> {
    let people = a.participants.len();
    results
        .in_scope_by_priority()
        .into_iter()
        .flat_map(|p| {
            p.questions.iter().filter_map(move |q| {
                let g = a.agreed.get(&q.key)?;
                Some(AgreedLine {
                    process: p.name.clone(),
                    question: q.text.to_string(),
                    answer: g.answer,
                    note: g.note.clone(),
                    answers: q.tally.summary(people),
                })
            })
        })
        .collect()
}
