//! The roadmap: for every in-scope process below its target, one step per
//! capability level still to reach, each listing the questions whose answers
//! must rise (their catalog actions say how), and the cross-process
//! initiatives that gather the generic actions many processes share.
//!
//! Ordering invariant: steps are sorted by wave (how many levels above the
//! current one the step reaches), then by process priority (gap × relevance),
//! so level n+1 of a process is never scheduled before its level n.
//! Wave 1 is "Now", wave 2 "Next", later waves "Later".
//! A step always has work (an action or an initiative): a level whose
//! questions are all Fully or N/A gets no step (it is reached once the levels
//! below are), and N/A questions are never actions.
//!
//! Initiatives: a generic (PA2.1–PA5.2) question that is an action in the
//! steps of [`INITIATIVE_MIN_PROCESSES`] or more processes becomes one
//! [`Initiative`], listed once with every process it serves (each with the
//! level and wave of its own step); those steps keep their process-specific
//! actions and name the initiative instead. No action is lost: every question
//! that is an action is either in its step's `actions` or in exactly one
//! initiative's `processes`. Initiatives are ordered by their earliest wave,
//! then by the highest priority among their processes, then catalog order.

use super::catalog::{Catalog, Effort};
use super::consensus::Effective;
use super::results::{by_priority, Horizon, Initiative, InitiativeItem, ProcessResult, RoadmapAction, RoadmapStep};
use super::sort::sort_stable;

/// A generic action shared by this many processes' steps becomes an initiative.
pub const INITIATIVE_MIN_PROCESSES: usize = 3;

/// Names in a list: "a", "a and b", "a, b and c", "a, b, c and 6 more processes".
pub fn name_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [first @ .., last] if names.len() <= 4 => format!("{} and {last}", first.join(", ")),
        _ => format!("{} and {} more processes", names[..3].join(", "), names.len() - 3),
    }
}

/// Builds the ordered roadmap steps and the cross-process initiatives.
pub fn roadmap(catalog: &Catalog, processes: &[ProcessResult]) -> (Vec<RoadmapStep>, Vec<Initiative>) {
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
                        text: if to_assess { format!("Find out: {}", q.text) } else { q.action.to_string() },
                        to_assess,
                        effort: if to_assess { Some(Effort::S) } else { q.effort },
                    })
                })
                .collect();
            // Lower attributes first; within one attribute, quick wins first
            // (small, then medium, then large; no estimate last).
            let mut actions = actions;
            sort_stable(&mut actions, |a, b| {
                (a.attribute, a.effort.is_none(), a.effort).cmp(&(b.attribute, b.effort.is_none(), b.effort))
            });
            if actions.is_empty() {
                // Nothing to do for this level itself: it is reached once the levels below are.
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
                initiatives: Vec::new(),
            });
        }
    }
    // Stable: within a wave, steps keep the one priority order of their processes.
    sort_stable(&mut steps, |a, b| a.wave.cmp(&b.wave));
    let initiatives = initiatives(catalog, &mut steps);
    (steps, initiatives)
}

/// Moves every generic action shared by enough steps into one initiative.
fn initiatives(catalog: &Catalog, steps: &mut [RoadmapStep]) -> Vec<Initiative> {
    let mut out = Vec::new();
    for g in &catalog.generic_questions {
        let shared = steps.iter().filter(|s| s.actions.iter().any(|a| a.question == g.id)).count();
        if shared < INITIATIVE_MIN_PROCESSES {
            continue;
        }
        let mut items = Vec::new();
        let mut priority: f64 = 0.0;
        let mut first_wave = u8::MAX;
        let mut attribute = None;
        for s in steps.iter_mut() {
            let Some(i) = s.actions.iter().position(|a| a.question == g.id) else { continue };
            let action = s.actions.remove(i);
            attribute = Some(action.attribute);
            s.initiatives.push(g.id.clone());
            priority = priority.max(s.priority);
            first_wave = first_wave.min(s.wave);
            items.push(InitiativeItem {
                process: s.process.clone(),
                process_name: s.process_name.clone(),
                key: action.key,
                step_level: s.level,
                wave: s.wave,
                text: action.text,
                to_assess: action.to_assess,
                effort: action.effort,
            });
        }
        let Some(attribute) = attribute else { continue };
        let terms: Vec<&str> = items
            .iter()
            .map(|it| catalog.process(&it.process).map_or(it.process_name.as_str(), |p| p.term.as_str()))
            .collect();
        let list = name_list(&terms);
        let text = if items.iter().all(|it| it.to_assess) {
            format!("Find out: {}", g.text.replace("{process}", &list))
        } else {
            g.action.replace("{process}", &list)
        };
        out.push(Initiative {
            id: g.id.clone(),
            question: g.id.clone(),
            attribute,
            level: attribute.level(),
            wave: first_wave,
            horizon: Horizon::of_wave(first_wave),
            priority,
            text,
            processes: items,
            effort: g.effort,
        });
    }
    // Catalog order first (the loop above), then earliest wave, then priority.
    sort_stable(&mut out, |a, b| a.wave.cmp(&b.wave).then(b.priority.total_cmp(&a.priority)));
    out
}
