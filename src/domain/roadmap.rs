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
//! steps of [`INITIATIVE_MIN_PROCESSES`] or more processes *of one horizon*
//! becomes one [`Initiative`] of that horizon, listed once with every process
//! it serves (each with the level and wave of its own step); those steps keep
//! their process-specific actions and name the initiative instead. So a
//! shared initiative in "Now" never serves a process whose own step for that
//! work comes later (a process at level 0 does not plan its work while it
//! still has to perform it): the same question gives one initiative per
//! horizon, the earliest with the question's id, a later one `<id>@next` or
//! `<id>@later`, and each names who joins in a later horizon ([`LaterJoin`]).
//! No action is lost: every question that is an action is either in its
//! step's `actions` or in exactly one initiative's `processes`. Initiatives
//! are ordered by their wave, then by the highest priority among their
//! processes, then catalog order.

use super::catalog::{Catalog, Effort, GenericQuestion};
use super::consensus::Effective;
use super::results::{
    by_priority, Horizon, Initiative, InitiativeItem, LaterJoin, ProcessResult, Results, RoadmapAction, RoadmapStep,
};
use super::sort::sort_stable;

/// A generic action shared by this many processes' steps becomes an initiative.
pub const INITIATIVE_MIN_PROCESSES: usize = 3;

/// Names in a list: "a", "a and b", "a, b and c", "a, b, c and 6 more processes".
pub fn name_list(names: &[&str]) -> String {
    match names.len() {
        0..=4 => and_list(names),
        n => format!("{} and {} more processes", names[..3].join(", "), n - 3),
    }
}

/// The shared initiatives a step's work is part of, as its card says it:
/// "Also part of shared initiative #2 Owners and clear responsibilities for steps and handovers." for
/// one; by number for several, since they are listed with their names in
/// the same horizon ("Its work is in shared initiatives #1, #2 and #5.").
pub fn shared_line(r: &Results, s: &RoadmapStep) -> Option<String> {
    let refs = r.initiative_refs(s);
    let lead = if s.actions.is_empty() { "Its work is in" } else { "Also part of" };
    match refs.as_slice() {
        [] => None,
        [(n, i)] => Some(format!("{lead} shared initiative {}.", i.numbered(*n))),
        many => {
            let numbers: Vec<String> = many.iter().map(|(n, _)| format!("#{n}")).collect();
            let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
            Some(format!("{lead} shared initiatives {}.", and_list(&numbers)))
        }
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// Who does an initiative's work in a later horizon, in one sentence:
/// "Problem management and Supplier management join in Next (shared
/// initiative #7)." or "… do it in Later, in their own steps.".
pub fn later_line(r: &Results, i: &Initiative) -> Option<String> {
    let lines: Vec<String> = i
        .later
        .iter()
        .map(|j| {
            let names: Vec<&str> = j.processes.iter().map(String::as_str).collect();
            let who = name_list(&names);
            let n = j.initiative.as_deref().and_then(|id| r.initiative_number(id));
            match n {
                Some(n) => format!("{who} join in {} (shared initiative #{n}).", j.horizon.label()),
                None => format!("{who} do the same in {}, in their own steps.", j.horizon.label()),
            }
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join(" "))
}

/// An action's first clause, for all processes: "Name an owner for each process".
pub fn short_title(action: &str) -> String {
    let text = action.replace("{process}", "each process");
    let end = [", ", " (", ". ", "; "].iter().filter_map(|sep| text.find(sep)).min().unwrap_or(text.len());
    text[..end].trim_end_matches('.').to_string()
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

/// Moves every generic action shared by enough steps of one horizon into one
/// initiative of that horizon.
fn initiatives(catalog: &Catalog, steps: &mut [RoadmapStep]) -> Vec<Initiative> {
    let mut out = Vec::new();
    for g in &catalog.generic_questions {
        let with = |h: Horizon, s: &RoadmapStep| s.horizon == h && s.actions.iter().any(|a| a.question == g.id);
        let groups: Vec<(Horizon, Vec<usize>)> = [Horizon::Now, Horizon::Next, Horizon::Later]
            .into_iter()
            .map(|h| (h, steps.iter().enumerate().filter(|(_, s)| with(h, s)).map(|(i, _)| i).collect::<Vec<_>>()))
            .filter(|(_, idx)| !idx.is_empty())
            .collect();
        let mut made: Vec<Initiative> = Vec::new();
        for (h, idx) in &groups {
            if idx.len() < INITIATIVE_MIN_PROCESSES {
                continue;
            }
            // The earliest keeps the question's id, so plans made before stay attached.
            let id = if made.is_empty() { g.id.clone() } else { format!("{}@{}", g.id, h.label().to_lowercase()) };
            made.extend(initiative(g, id, *h, idx, steps));
        }
        let id_in = |h: Horizon, made: &[Initiative]| made.iter().find(|i| i.horizon == h).map(|i| i.id.clone());
        let ids: Vec<Option<String>> = groups.iter().map(|(h, _)| id_in(*h, &made)).collect();
        // Each initiative says who does the same work in a later horizon.
        for i in &mut made {
            i.later = groups
                .iter()
                .zip(&ids)
                .filter(|((h, _), _)| *h > i.horizon)
                .map(|((h, idx), id)| LaterJoin {
                    horizon: *h,
                    processes: idx.iter().map(|&n| steps[n].process_name.clone()).collect(),
                    initiative: id.clone(),
                })
                .collect();
        }
        out.extend(made);
    }
    // Catalog order first (the loop above), then earliest wave, then priority.
    sort_stable(&mut out, |a, b| a.wave.cmp(&b.wave).then(b.priority.total_cmp(&a.priority)));
    out
}

/// A generic text said of several processes together: `{process}` reads
/// "each of these processes" ("Name an owner for each of these
/// processes"), or "these processes" where the clause already says "each …
/// of" or "each … to" ("each role of these processes", never "each role of
/// each of these processes").
pub fn for_these_processes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("{process}") {
        let before = &rest[..at];
        let clause = before.rsplit([',', ';', '.']).next().unwrap_or(before);
        let each_of = (clause.starts_with("each ") || clause.contains(" each "))
            && (clause.ends_with(" of ") || clause.ends_with(" to "));
        out.push_str(before);
        out.push_str(if each_of { "these processes" } else { "each of these processes" });
        rest = &rest[at + "{process}".len()..];
    }
    out.push_str(rest);
    out
}

/// One initiative of generic question `g` over the steps `idx` (all of horizon `h`),
/// taking the action out of each step.
fn initiative(
    g: &GenericQuestion,
    id: String,
    h: Horizon,
    idx: &[usize],
    steps: &mut [RoadmapStep],
) -> Option<Initiative> {
    let mut items = Vec::new();
    let mut priority: f64 = 0.0;
    let mut wave = u8::MAX;
    let mut attribute = None;
    for &n in idx {
        let s = &mut steps[n];
        let Some(i) = s.actions.iter().position(|a| a.question == g.id) else { continue };
        let action = s.actions.remove(i);
        attribute = Some(action.attribute);
        s.initiatives.push(id.clone());
        priority = priority.max(s.priority);
        wave = wave.min(s.wave);
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
    let attribute = attribute?;
    // The processes are listed beside it, each with its level: the action
    // speaks of them together.
    let text = if items.iter().all(|it| it.to_assess) {
        format!("Find out: {}", for_these_processes(&g.text))
    } else {
        for_these_processes(&g.action)
    };
    Some(Initiative {
        title: g.title.clone().unwrap_or_else(|| short_title(&g.action)),
        id,
        question: g.id.clone(),
        attribute,
        level: attribute.level(),
        wave,
        horizon: h,
        priority,
        text,
        processes: items,
        effort: g.effort,
        later: Vec::new(),
    })
}
