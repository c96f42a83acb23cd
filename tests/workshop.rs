//! Workshops: per-participant spread, the discuss list, baseline deltas.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Agreed, Answer, QuestionKey};
use itsm_maturity::domain::scoring::Blocker;
use itsm_maturity::domain::workshop::{deltas, discuss_list, spread};
use itsm_maturity::domain::{evaluate, Action};
use Answer::*;

#[test]
fn discuss_list_holds_exactly_the_questions_two_steps_apart() {
    let c = mini_catalog();
    let a = three_people();
    let r = evaluate(&c, &a);
    let list = discuss_list(&r);
    let keys: Vec<&str> = list.iter().map(|d| d.key.0.as_str()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(sorted, vec!["a/a-1", "b/b-1", "b/b-2"]);
    // Sorted by spread × priority (weight), largest first.
    let a1 = list.iter().find(|d| d.key.0 == "a/a-1").unwrap();
    assert_eq!(a1.spread, 3);
    assert_eq!(a1.weight, 3.0 * r.process("a").unwrap().priority.max(1.0));
    assert_eq!(a1.why, "answers 3 steps apart");
    let b1 = list.iter().find(|d| d.key.0 == "b/b-1").unwrap();
    assert_eq!(b1.why, "answers 2 steps apart; some say N/A (1), 2 give a score");
    assert!(list.windows(2).all(|w| w[0].weight >= w[1].weight));
    assert!(list.iter().all(|d| !d.agreed));
}

#[test]
fn some_saying_not_applicable_while_others_score_is_discussed() {
    let c = mini_catalog();
    let mut a = three_people();
    // a-2 was P, L, L (spread 1, not listed); now P, L, N/A: one step apart, one N/A.
    a.apply(Action::SetActiveParticipant { id: "p3".into() }).unwrap();
    answer(&mut a, "a", "a-2", NA);
    let r = evaluate(&c, &a);
    let q = r.process("a").unwrap().question("a-2").unwrap();
    assert_eq!((q.tally.spread(), q.tally.not_applicable, q.tally.scored()), (1, 1, 2));
    let list = discuss_list(&r);
    let item = list.iter().find(|d| d.key.0 == "a/a-2").expect("mixed N/A is discussed");
    assert_eq!(item.why, "some say N/A (1), 2 give a score");
    assert_eq!(item.mixed_not_applicable, 1);
    assert_eq!(item.weight, 2.0 * r.process("a").unwrap().priority.max(1.0), "weighs like two steps apart");
    // Everyone N/A is agreement, not a question to discuss.
    for who in ["p1", "p2"] {
        a.apply(Action::SetActiveParticipant { id: who.into() }).unwrap();
        answer(&mut a, "a", "a-2", NA);
    }
    assert!(discuss_list(&evaluate(&c, &a)).iter().all(|d| d.key.0 != "a/a-2"));
}

#[test]
fn agreeing_keeps_the_question_listed_but_marked() {
    let c = mini_catalog();
    let mut a = three_people();
    a.apply(Action::SetAgreed {
        key: QuestionKey::new("a", "a-1"),
        agreed: Some(Agreed { answer: L, note: String::new() }),
    })
    .unwrap();
    let r = evaluate(&c, &a);
    let item = discuss_list(&r).into_iter().find(|d| d.key.0 == "a/a-1").unwrap();
    assert!(item.agreed);
}

#[test]
fn spread_ranges_over_each_participants_own_index() {
    let c = mini_catalog();
    let a = three_people();
    let r = evaluate(&c, &a);
    let s = spread(&c, &a, &r);
    // The one priority order of the app.
    let order: Vec<&str> = r.in_scope_by_priority().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(s.iter().map(|x| x.process.as_str()).collect::<Vec<_>>(), order);
    let pa = s.iter().find(|x| x.process == "a").unwrap();
    assert_eq!(pa.per_participant.len(), 3);
    // PA1.1 of a, each alone: p1 (N, P) = 1/6 → level 0, index 1/6; p2 (L, L) = 2/3
    // and p3 (F, L) = 5/6 → level 1, gated index 1.0 (level 2 unanswered).
    let idx: Vec<f64> = pa.per_participant.iter().map(|x| x.1).collect();
    assert!((idx[0] - 1.0 / 6.0).abs() < 1e-9 && idx[1] == 1.0 && idx[2] == 1.0, "{idx:?}");
    assert!((pa.min - 1.0 / 6.0).abs() < 1e-9 && pa.max == 1.0);
    // Consensus: medians L and L -> level 1 -> 1.0.
    assert_eq!(pa.consensus, 1.0);
    assert!(pa.min <= pa.consensus && pa.consensus <= pa.max);
}

#[test]
fn follow_up_deltas_are_positive_exactly_where_answers_rose() {
    let (base, next) = pizza_follow_up();
    let d = deltas(&base, &next);
    let up: Vec<&str> = d.iter().filter(|x| x.delta > 1e-9).map(|x| x.process.as_str()).collect();
    assert_eq!(up, vec!["supplier", "change"]);
    assert!(d.iter().all(|x| x.delta >= -1e-9));
    let supplier = d.iter().find(|x| x.process == "supplier").unwrap();
    // All F, asked up to one level above supplier's target 2: level 3, and
    // level 4 not asked counts nothing in the index.
    assert_eq!((supplier.baseline_level, supplier.current_level), (0, 3));
    assert!((supplier.current_index - 3.0).abs() < 1e-9);
    assert!(next.process("supplier").unwrap().blockers.iter().all(|b| matches!(b, Blocker::NotAsked { .. })));
    assert_eq!(supplier.attributes[0].0.id(), "PA1.1");
    assert_eq!(supplier.attributes[0].2, Some(100.0));
}

#[test]
fn my_answers_files_merge_by_name_and_replace_on_reimport() {
    use itsm_maturity::domain::assessment::CatalogRef;
    use itsm_maturity::domain::format::{decode_answers, AnswersFile};
    let cref = CatalogRef { id: "mini".into(), version: "1".into() };
    // The facilitator's assessment: the default, empty participant "Me".
    let mut facilitator = assessment();
    // Three people answer on their own devices.
    let mut files = Vec::new();
    for (name, ans) in [("Ana", F), ("Ben", P), ("Cy", N)] {
        let mut own = facilitator.clone();
        own.apply(Action::RenameParticipant { id: "p1".into(), name: name.into() }).unwrap();
        answer(&mut own, "a", "a-1", ans);
        files.push(AnswersFile::of(&own, cref.clone()).unwrap().encode());
    }
    for text in &files {
        let file = decode_answers(text).unwrap();
        assert_eq!(file.assessment_id, "t1");
        facilitator.apply(Action::ImportParticipant(file.participant)).unwrap();
    }
    let names: Vec<&str> = facilitator.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Ana", "Ben", "Cy"], "the empty default participant made way");
    let ids: Vec<&str> = facilitator.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec!["p1", "p2", "p3"]);
    let r = evaluate(&mini_catalog(), &facilitator);
    let q = &r.process("a").unwrap().questions[0];
    assert_eq!(q.tally.steps, [1, 1, 0, 1]);
    assert_eq!(q.tally.median(), Some(1.0));
    // Ben re-imports a corrected file: his answers are replaced, nobody is added.
    let mut ben = decode_answers(&files[1]).unwrap().participant;
    ben.answers.get_mut(&QuestionKey::new("a", "a-1")).unwrap().answer = Some(L);
    facilitator.apply(Action::ImportParticipant(ben)).unwrap();
    assert_eq!(facilitator.participants.len(), 3);
    assert_eq!(facilitator.participants[1].answers[&QuestionKey::new("a", "a-1")].answer, Some(L));
    assert_eq!(facilitator.participants[1].id, "p2");
    // The status table's "new" or "replaced": Ben's second file, the others' first.
    let files: Vec<u16> = facilitator.participants.iter().map(|p| p.files).collect();
    assert_eq!(files, vec![1, 2, 1]);
}

#[test]
fn answers_files_are_checked_like_assessments() {
    use itsm_maturity::domain::format::decode_answers;
    assert!(decode_answers("nope").unwrap_err().to_string().contains("not valid JSON"));
    let e = decode_answers(r#"{"format": "itsm-assessment", "version": 1}"#).unwrap_err().to_string();
    assert!(e.contains("field 'format' is \"itsm-assessment\", expected \"itsm-answers\""), "{e}");
    let e = decode_answers(r#"{"format": "itsm-answers", "version": 1, "app_version": "x", "catalog": {"id": "c", "version": "1"}, "assessment_id": "a", "assessment_name": "A", "participant": {"id": "p1"}}"#)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("field 'participant'"), "{e}");
    assert!(e.contains("missing field `name`"), "{e}");
}

#[test]
fn a_follow_up_opens_with_what_changed_only_the_rows_that_moved() {
    use itsm_maturity::domain::assessment::Mode;
    use itsm_maturity::domain::workshop::what_changed;
    let c = mini_catalog();
    let mut base = assessment();
    base.apply(Action::SetMode(Mode::Full)).unwrap();
    for p in ["a", "b"] {
        answer_all(&c, &mut base, p, P);
    }
    let mut next = base.clone();
    answer_all(&c, &mut next, "a", F); // a rises; b stays as it was
    let (before, now) = (evaluate(&c, &base), evaluate(&c, &next));
    let w = what_changed(&before, &now);
    let (a0, a1) = (before.process("a").unwrap(), now.process("a").unwrap());
    assert!(a1.level > a0.level, "the case: a rises a level");
    assert_eq!((w.rose, w.fell), (1, 0));
    assert_eq!(w.changed.iter().map(|d| d.process.as_str()).collect::<Vec<_>>(), ["a"], "only what moved");
    assert_eq!(w.unchanged, vec![now.process("b").unwrap().name.clone()]);
    let n = deltas(&before, &now).len() as f64;
    let mean = |r: &itsm_maturity::domain::Results| r.in_scope().map(|p| p.index).sum::<f64>() / n;
    assert!((w.mean_before - mean(&before)).abs() < 1e-9 && (w.mean_now - mean(&now)).abs() < 1e-9);
    assert!(w.mean_now > w.mean_before);
    let met = |r: &itsm_maturity::domain::Results| r.in_scope().filter(|p| p.target > 0 && p.level >= p.target).count();
    assert_eq!((w.at_target_before, w.at_target_now), (met(&before), met(&now)));
    assert_eq!(w.with_target, now.in_scope().filter(|p| p.target > 0).count());
    // Nothing moved: nothing listed as changed.
    let same = what_changed(&before, &before);
    assert!(same.changed.is_empty() && same.unchanged.len() == deltas(&before, &before).len());
}

#[test]
fn agreed_answers_stay_on_the_discuss_list_and_go_into_the_report() {
    use itsm_maturity::domain::catalog::Catalog;
    use itsm_maturity::domain::workshop::agreed_lines;
    let c = Catalog::default_catalog();
    let mut a = itsm_maturity::domain::sample::sample().unwrap().assessment;
    let key = QuestionKey::new("infrastructure", "infrastructure-jobs");
    let lines = agreed_lines(&a, &evaluate(&c, &a));
    assert_eq!(lines.len(), 1);
    let l = &lines[0];
    assert_eq!((l.process.as_str(), l.answer), ("Infrastructure and platform management", L));
    assert_eq!(l.answers, "P 1 · F 1 · ? 1", "the answers it settled");
    assert!(l.note.starts_with("Backups are checked every day"));
    // Everyone now gives the same answer: no disagreement, but the agreed
    // answer still decides the score, so it stays listed (to be seen and undone).
    for p in &mut a.participants {
        p.answers.get_mut(&key).unwrap().answer = Some(F);
    }
    let r = evaluate(&c, &a);
    let item = discuss_list(&r).into_iter().find(|d| d.key == key).expect("still listed");
    assert!(item.agreed);
    assert_eq!(item.why, "agreed earlier");
    assert_eq!(item.stance_line(3), "✓ Agreed earlier · answers this round: F 3");
    // Without the agreed answer it leaves the list.
    a.agreed.clear();
    assert!(discuss_list(&evaluate(&c, &a)).iter().all(|d| d.key != key));
}

#[test]
fn a_split_not_yet_agreed_says_which_answer_the_results_use_meanwhile() {
    use itsm_maturity::domain::catalog::Catalog;
    use itsm_maturity::domain::consensus::Stance;
    let c = Catalog::default_catalog();
    let mut a = itsm_maturity::domain::sample::sample().unwrap().assessment;
    a.agreed.clear();
    let r = evaluate(&c, &a);
    let list = discuss_list(&r);
    let split = list.iter().find(|d| matches!(d.tally.stance(), Some(Stance::Camps { .. }))).expect("a split");
    let median = Stance::Median(split.tally.median().unwrap()).described();
    let line = split.stance_line(3);
    let answer = median.strip_prefix("median ").unwrap();
    let answer = if answer.starts_with("between ") { format!("halfway {answer}") } else { answer.to_string() };
    assert!(line.starts_with(&format!("Answers {} steps apart · Split: ", split.spread)), "{line}");
    assert!(
        line.contains(&format!(
            "— agree an answer · until then the results count it as {answer}, the median of all answers"
        )),
        "{line}"
    );
    // Once agreed, the line no longer speaks of a meanwhile.
    a.agreed.insert(split.key.clone(), itsm_maturity::domain::assessment::Agreed { answer: L, note: String::new() });
    let r = evaluate(&c, &a);
    let again = discuss_list(&r).into_iter().find(|d| d.key == split.key).unwrap();
    assert!(again.agreed && !again.stance_line(3).contains("until then"), "{}", again.stance_line(3));
}

#[test]
fn a_median_between_two_answers_reads_halfway_between_them() {
    use itsm_maturity::domain::catalog::Catalog;
    let c = Catalog::default_catalog();
    let mut a = itsm_maturity::domain::sample::sample().unwrap().assessment;
    a.agreed.clear();
    // Two of the three answer, N and F; the third has not: the median lies
    // between P and L, and the line says so in words.
    let key = QuestionKey::new("infrastructure", "infrastructure-jobs");
    for (p, answer) in a.participants.iter_mut().zip([Some(N), Some(F), None]) {
        p.answers.get_mut(&key).unwrap().answer = answer;
    }
    let r = evaluate(&c, &a);
    let d = discuss_list(&r).into_iter().find(|d| d.key == key).expect("listed: two camps three steps apart");
    assert_eq!(
        d.stance_line(3),
        "Answers 3 steps apart · Split: 1 says N, 1 says F — agree an answer · until then the results count it as \
         halfway between P and L, the median of all answers"
    );
}

#[test]
fn a_not_applicable_disagreement_says_its_spread_once_and_never_zero_steps() {
    use itsm_maturity::domain::catalog::Catalog;
    let c = Catalog::default_catalog();
    let mut a = itsm_maturity::domain::sample::sample().unwrap().assessment;
    a.agreed.clear();
    let key = QuestionKey::new("infrastructure", "infrastructure-jobs");
    // L, L and N/A: no spread among the scores, one says it does not apply.
    for (p, answer) in a.participants.iter_mut().zip([Some(L), Some(L), Some(Answer::NA)]) {
        p.answers.get_mut(&key).unwrap().answer = answer;
    }
    let r = evaluate(&c, &a);
    let d = discuss_list(&r).into_iter().find(|d| d.key == key).expect("listed: does it apply at all?");
    let line = d.stance_line(3);
    assert!(!line.contains("0 steps") && !line.contains("steps apart"), "{line}");
    assert!(line.ends_with(" · some say N/A (1), 2 give a score"), "{line}");
    // N, F and N/A: the spread once, at the start.
    for (p, answer) in a.participants.iter_mut().zip([Some(N), Some(F), Some(Answer::NA)]) {
        p.answers.get_mut(&key).unwrap().answer = answer;
    }
    let r = evaluate(&c, &a);
    let line = discuss_list(&r).into_iter().find(|d| d.key == key).unwrap().stance_line(3);
    assert!(line.starts_with("Answers 3 steps apart · "), "{line}");
    assert_eq!(line.matches("steps apart").count(), 1, "{line}");
}
