//! `evaluate(&Catalog, &Assessment) -> Results`: the one place where an
//! assessment becomes results (the types and their invariants are in
//! [`super::results`]). Everything the UI and the charts show comes from here;
//! nothing is computed again elsewhere.

use super::assessment::{Assessment, QuestionKey};
use super::attribute::Attribute;
use super::catalog::{Catalog, ResolvedQuestion};
use super::consensus::{Effective, Tally};
use super::relevance::relevance;
use super::results::{NoteLine, ObjectiveSupport, ProcessResult, QuestionResult, Results};
use super::roadmap::roadmap;
use super::scoring::{capability, capability_index, suggested_target, AttributeScore};
use super::sort::sort_stable;
use std::collections::BTreeSet;

/// Evaluates an assessment against a catalog.
pub fn evaluate(catalog: &Catalog, a: &Assessment) -> Results {
    let relevance = relevance(catalog, a);

    // The catalog resolves its questions and sorts their keys once; each
    // participant's (sorted) answers are then matched in one merge walk.
    let plan = catalog.plan();
    let keys = catalog.answer_keys();
    let known = |key: &str| keys.binary_search_by(|k| k.0.as_str().cmp(key)).is_ok();
    let mut tallies: Vec<Vec<Tally>> = plan.iter().map(|qs| vec![Tally::default(); qs.len()]).collect();
    let mut unknown = BTreeSet::new();
    // Answers with a note, as (process, question, participant) positions.
    let mut noted = Vec::new();
    for (part_i, part) in a.participants.iter().enumerate() {
        // Answers and catalog keys are both sorted: one merge walk, no hashing.
        let mut k = 0;
        for (key, entry) in &part.answers {
            // Usually the next catalog key is this answer's: one comparison each.
            let mut found = None;
            while let Some(c) = keys.get(k) {
                match c.0.as_str().cmp(key.0.as_str()) {
                    std::cmp::Ordering::Less => k += 1,
                    std::cmp::Ordering::Equal => {
                        found = Some((c.1, c.2));
                        k += 1;
                        break;
                    }
                    std::cmp::Ordering::Greater => break,
                }
            }
            match found {
                Some((pi, qi)) => {
                    if let Some(ans) = entry.answer {
                        tallies[pi][qi].add(ans);
                    }
                    if !entry.note.is_empty() {
                        noted.push((pi, qi, part_i));
                    }
                }
                None => {
                    unknown.insert(key.clone());
                }
            }
        }
    }
    for key in a.agreed.keys() {
        if !known(&key.0) {
            unknown.insert(key.clone());
        }
    }

    let mut processes = Vec::with_capacity(catalog.processes.len());
    for (pi, p) in catalog.processes.iter().enumerate() {
        let rel = relevance.get(&p.id).cloned().unwrap_or_default();
        let suggestion = suggested_target(rel.score, a.organization.size);
        let suggested = suggestion.level;
        let decision = a.scope.get(&p.id);
        let in_scope = decision.and_then(|d| d.in_scope).unwrap_or(suggested.is_some());
        let overridden = decision.and_then(|d| d.target);
        let target = if in_scope { overridden.or(suggested).unwrap_or(1) } else { 0 };

        let mut questions = Vec::new();
        for (qi, q) in plan[pi].iter().enumerate() {
            if !a.mode.asks(q.quick, q.level, target) {
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
                text: q.text.clone(),
                action: q.action.clone(),
                hint: q.hint.clone(),
                evidence: q.evidence.clone(),
                effort: q.effort,
                reference: q.reference.clone(),
                tally,
                agreed,
            });
        }
        let attributes: Vec<AttributeScore> = Attribute::ALL
            .into_iter()
            .map(|attr| {
                let of_attr = questions.iter().filter(|q| q.attribute == attr);
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
                AttributeScore::from_scores(attr, &scores, asked, na, dk)
            })
            .collect();
        let cap = capability(&attributes);
        let idx = capability_index(&attributes);
        let gap = target as i8 - cap.level as i8;
        let answered =
            questions.iter().filter(|q| matches!(q.effective, Effective::Scored(_) | Effective::NotApplicable)).count();
        let pa11 = &attributes[0];
        let out_of_scope_proposal = (in_scope && !pa11.applicable).then(|| {
            format!(
                "Every question on the basic practices of {} (PA1.1, {} asked) was answered not applicable, so the \
                 process does not seem to apply here: consider taking it out of scope and writing down why.",
                p.term, pa11.asked
            )
        });
        processes.push(ProcessResult {
            id: p.id.clone(),
            name: p.name.clone(),
            references: p.reference_line(),
            suggested_target: suggested,
            target_reason: suggestion.reason,
            provisional: attributes.iter().any(|x| x.provisional),
            out_of_scope_proposal,
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
    let floor_level = scoped.iter().map(|p| p.level).min();
    let mean_index = (!scoped.is_empty()).then(|| scoped.iter().map(|p| p.index).sum::<f64>() / scoped.len() as f64);
    let asked = scoped.iter().map(|p| p.asked).sum();
    let answered = scoped.iter().map(|p| p.answered).sum();
    let objectives = objective_support(catalog, a, &processes);
    let (roadmap, initiatives) = roadmap(catalog, &processes);
    let notes = notes(a, plan, noted, &processes);
    Results {
        notes,
        processes,
        floor_level,
        mean_index,
        objectives,
        roadmap,
        initiatives,
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
            sort_stable(&mut weak, |x, y| ratio(x).total_cmp(&ratio(y)));
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

/// Every note on an answer, in catalog order of the questions, then participant order.
/// Every note on an asked question, in catalog order of process and question,
/// then participant order. `noted` holds the (process, question, participant)
/// positions of the answers with a note, found in the single pass over answers.
fn notes(
    a: &Assessment,
    plan: &[Vec<ResolvedQuestion>],
    mut noted: Vec<(usize, usize, usize)>,
    processes: &[ProcessResult],
) -> Vec<NoteLine> {
    noted.sort_unstable();
    noted
        .into_iter()
        .filter(|&(pi, qi, _)| a.mode.asks(plan[pi][qi].quick, plan[pi][qi].level, processes[pi].target))
        .filter_map(|(pi, qi, part_i)| {
            let part = &a.participants[part_i];
            let q = &plan[pi][qi];
            let e = part.answers.get(&QuestionKey::new(&processes[pi].id, &q.id))?;
            Some(NoteLine {
                participant: part.name.clone(),
                process: processes[pi].name.clone(),
                question: q.text.to_string(),
                answer: e.answer,
                note: e.note.clone(),
            })
        })
        .collect()
}
