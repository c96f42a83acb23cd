//! The roadmap: for every in-scope process below its target, one step per
//! capability level still to reach, each listing the questions whose answers
//! must rise (their catalog actions say how).
//!
//! Ordering invariant: steps are sorted by wave (how many levels above the
//! current one the step reaches), then by process priority (gap × relevance),
//! so level n+1 of a process is never scheduled before its level n.
//! Wave 1 is "Now", wave 2 "Next", later waves "Later".
//! A step always lists at least one action: a level whose questions are all
//! Fully or N/A gets no step (it is reached once the levels below are), and
//! N/A questions are never actions.

use super::consensus::Effective;
use super::results::{by_priority, Horizon, ProcessResult, RoadmapAction, RoadmapStep};
use super::sort::sort_stable;

/// Builds the ordered roadmap from evaluated processes.
pub fn roadmap(processes: &[ProcessResult]) -> Vec<RoadmapStep> {
    let mut steps = Vec::new();
    let mut ordered: Vec<&ProcessResult> = processes.iter().filter(|p| p.in_scope && p.gap > 0).collect();
    sort_stable(&mut ordered, |a, b| by_priority(a, b));
    for p in ordered {
        for n in (p.level + 1)..=p.target {
            // The first step also brings lower-level attributes up to F.
            let in_step = |lvl: u8| if n == p.level + 1 { lvl <= n } else { lvl == n };
            let actions: Vec<RoadmapAction> = p
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
                        text: if to_assess { format!("Find out: {}", q.text) } else { q.action.clone() },
                        to_assess,
                    })
                })
                .collect();
            if actions.is_empty() {
                // Nothing to do for this level itself (every question of it is
                // Fully or N/A): it is reached once the levels below are.
                continue;
            }
            let wave = n - p.level;
            steps.push(RoadmapStep {
                process: p.id.clone(),
                process_name: p.name.clone(),
                level: n,
                wave,
                horizon: Horizon::of_wave(wave),
                priority: p.priority,
                actions,
            });
        }
    }
    // Stable: within a wave, steps keep the one priority order of their processes.
    sort_stable(&mut steps, |a, b| a.wave.cmp(&b.wave));
    steps
}
