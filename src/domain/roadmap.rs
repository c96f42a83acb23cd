//! The roadmap: for every in-scope process below its target, one step per
//! capability level still to reach, each listing the questions whose answers
//! must rise (their catalog actions say how).
//!
//! Ordering invariant: steps are sorted by wave (how many levels above the
//! current one the step reaches), then by process priority (gap × relevance),
//! so level n+1 of a process is never scheduled before its level n.
//! Wave 1 is "Now", wave 2 "Next", later waves "Later".

use super::assessment::QuestionKey;
use super::consensus::Effective;
use super::evaluate::ProcessResult;
use serde::Serialize;

/// When a step should happen.
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
    pub attribute: &'static str,
    /// Nobody has answered it (or only "don't know"): find out first.
    pub to_assess: bool,
}

/// Reaching one capability level for one process.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadmapStep {
    pub process: String,
    /// The level this step reaches.
    pub level: u8,
    pub wave: u8,
    pub horizon: Horizon,
    pub priority: f64,
    pub actions: Vec<RoadmapAction>,
}

/// Builds the ordered roadmap from evaluated processes.
pub fn roadmap(processes: &[ProcessResult]) -> Vec<RoadmapStep> {
    let mut steps = Vec::new();
    for p in processes.iter().filter(|p| p.in_scope && p.gap > 0) {
        for n in (p.level + 1)..=p.target {
            // The first step also brings lower-level attributes up to F.
            let in_step = |lvl: u8| if n == p.level + 1 { lvl <= n } else { lvl == n };
            let actions = p
                .questions
                .iter()
                .filter(|q| in_step(q.level))
                .filter_map(|q| {
                    let to_assess = match q.effective {
                        Effective::NotApplicable => return None,
                        Effective::Unanswered { .. } => true,
                        Effective::Scored(_) if q.effective.is_fully() => return None,
                        Effective::Scored(_) => false,
                    };
                    Some(RoadmapAction {
                        key: q.key.clone(),
                        question: q.question.clone(),
                        attribute: q.attribute,
                        to_assess,
                    })
                })
                .collect();
            let wave = n - p.level;
            steps.push(RoadmapStep {
                process: p.id.clone(),
                level: n,
                wave,
                horizon: Horizon::of_wave(wave),
                priority: p.priority,
                actions,
            });
        }
    }
    // Stable: equal priorities keep catalog order.
    crate::domain::sort_stable(&mut steps, |a, b| a.wave.cmp(&b.wave).then(b.priority.total_cmp(&a.priority)));
    steps
}
