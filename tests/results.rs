//! Results helpers: the explain view's data (blocking answers), why a process
//! matters, roadmap grouping, and CSV exports with formula neutralization.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Answer, Mode};
use itsm_maturity::domain::export::{answers_csv, csv_cell, results_csv};
use itsm_maturity::domain::results::Horizon;
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::scoring::{Blocker, Rating};
use itsm_maturity::domain::Attribute;
use itsm_maturity::domain::{evaluate, Action, Catalog};

#[test]
fn csv_cells_neutralize_formulas_and_quote_separators() {
    assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_cell("+1"), "'+1");
    assert_eq!(csv_cell("-2"), "'-2");
    assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_cell("\tx"), "'\tx");
    assert_eq!(csv_cell("a, b"), "\"a, b\"");
    assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell(""), "");
}

#[test]
fn explain_lists_the_answers_that_block_the_next_level() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer(&mut a, "a", "a-2", Answer::L); // PA1.1 L: level 1, blocks level 2 (needs F)
    answer(&mut a, "a", "g-pa22", Answer::P); // PA2.2 P: needs L
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    assert_eq!(p.level, 1);
    let blocking = p.blocking_answers();
    let summary: Vec<(String, Vec<&str>)> =
        blocking.iter().map(|(b, qs)| (b.describe(), qs.iter().map(|q| q.question.as_str()).collect())).collect();
    assert_eq!(
        summary,
        vec![
            (
                "PA1.1 is rated L (Largely achieved); every attribute of a lower level must be F".to_string(),
                vec!["a-2"]
            ),
            ("PA2.2 is rated P (Partially achieved); it needs at least L".to_string(), vec!["g-pa22"]),
        ]
    );
    assert_eq!(*blocking[0].0, Blocker::LowerNotFully { attribute: Attribute::Pa11, rating: Rating::L });
    // The attribute view carries %, rating and counts.
    let pa11 = &p.attributes[0];
    assert!((pa11.achievement.unwrap() - 250.0 / 3.0).abs() < 1e-9);
    assert_eq!(pa11.rating, Some(Rating::L));
}

#[test]
fn unrated_blocker_lists_unanswered_questions() {
    let c = mini_catalog();
    let a = assessment();
    let r = evaluate(&c, &a);
    let p = r.process("b").unwrap();
    let blocking = p.blocking_answers();
    assert_eq!(blocking.len(), 1);
    assert_eq!(blocking[0].1.iter().map(|q| q.question.as_str()).collect::<Vec<_>>(), vec!["b-1"]);
}

#[test]
fn a_process_serves_the_objectives_that_raise_it() {
    let c = mini_catalog();
    let r = evaluate(&c, &assessment());
    assert_eq!(r.process("b").unwrap().serves(), vec!["Objective Y", "Objective X"]);
    assert_eq!(r.process("a").unwrap().serves(), vec!["Objective X"]);
}

#[test]
fn sample_roadmap_has_now_items_led_by_the_highest_priority() {
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    let now: Vec<_> = r.roadmap.iter().filter(|s| s.horizon == Horizon::Now).collect();
    assert!(now.len() >= 5);
    assert!(now.windows(2).all(|w| w[0].priority >= w[1].priority));
    let top = r.process(&now[0].process).unwrap();
    assert!(r.in_scope().all(|p| p.priority <= top.priority));
    // Every "Now" step is the next level of its process and has work: its own
    // actions or the initiatives it shares with other processes.
    for s in &now {
        assert_eq!(s.level, r.process(&s.process).unwrap().level + 1);
        assert!(!s.actions.is_empty() || !s.initiatives.is_empty(), "{} has no work", s.process);
    }
}

#[test]
fn results_csv_has_a_row_per_process_and_neutralized_names() {
    let mut v = mini_catalog_json();
    v["processes"][0]["name"] = serde_json::json!("=cmd|' /C calc'!A0");
    let c = Catalog::parse(&v.to_string()).unwrap();
    let r = evaluate(&c, &assessment());
    let csv = results_csv(&r);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 3);
    assert!(lines[0].starts_with("process_id,process,in_scope,relevance,target,level,index"));
    assert!(lines[1].starts_with("a,'=cmd|' /C calc'!A0,yes,29,1,0,0.00,1,29,0,9,unrated"), "{}", lines[1]);
    assert!(lines[0].ends_with(",PA5.2,provisional,target_reason,references"));
    assert!(lines[1].ends_with(",unrated,no,relevance 29 → level 1,FitSM PR1 · ITIL 4 Test"), "{}", lines[1]);
    // Not applicable and provisional attributes say so.
    let mut a = assessment();
    answer(&mut a, "a", "g-pa21", Answer::NA);
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer(&mut a, "a", "a-1", Answer::L); // one of two PA1.1 questions: not provisional (half)
    let csv = results_csv(&evaluate(&mini_catalog(), &a));
    let row = csv.lines().nth(1).unwrap();
    assert!(row.contains(",L (67%),n/a,unrated,"), "{row}");
}

#[test]
fn answers_csv_lists_each_answer_with_its_note_evidence_and_reference() {
    let mut v = mini_catalog_json();
    v["processes"][0]["iso20000"] = serde_json::json!(["8.6.1"]);
    v["processes"][0]["questions"][0]["evidence"] = serde_json::json!("Look at: ten records");
    v["processes"][0]["questions"][1]["reference"] = serde_json::json!("ISO/IEC 20000-1:2018 8.6.2");
    let c = Catalog::parse(&v.to_string()).unwrap();
    let mut a = assessment();
    answer(&mut a, "a", "a-1", Answer::L);
    a.apply(Action::Note {
        key: itsm_maturity::domain::QuestionKey::new("a", "a-1"),
        note: "@risk, see \"doc\"".into(),
    })
    .unwrap();
    let csv = answers_csv(&c, &a);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], "participant,process,attribute,question_id,question,answer,note,evidence,reference");
    // A question without its own reference carries its process's references.
    assert_eq!(
        lines[1],
        "Me,Process a,PA1.1,a-1,First?,L,\"'@risk, see \"\"doc\"\"\",Look at: ten records,FitSM PR1 · ITIL 4 Test · ISO/IEC 20000-1:2018 8.6.1"
    );
    answer(&mut a, "a", "a-2", Answer::P);
    let csv = answers_csv(&c, &a);
    assert!(csv.lines().nth(2).unwrap().ends_with(",P,,,ISO/IEC 20000-1:2018 8.6.2"), "{csv}");
}

#[test]
fn index_by_level_shows_each_levels_own_mean_beside_the_gated_index() {
    // Rule changed on purpose: the parts are each level's own mean achievement
    // (for the explain view); the gated index is the level + the next level's mean.
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer(&mut a, "a", "g-pa22", Answer::N); // level 2: PA2.1 F (1.0), PA2.2 N (0.0) → 0.5
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    let parts = p.index_by_level();
    assert_eq!(parts, [1.0, 0.5, 1.0, 1.0, 1.0], "each level's own mean");
    assert_eq!(p.level, 1, "PA2.2 at N blocks level 2");
    assert!((p.index - 1.5).abs() < 1e-9, "gated: level 1 + level 2's 0.5, not the sum {}", p.index);
    assert_eq!(
        p.index_explained(),
        "capability index 1.50 = level 1 + 0.50, the mean achievement of the level-2 attributes"
    );
}

#[test]
fn objective_bands_split_at_40_and_70_percent_and_the_riskiest_come_first() {
    use itsm_maturity::domain::results::SupportBand;
    assert_eq!(SupportBand::of(0.0), SupportBand::AtRisk);
    assert_eq!(SupportBand::of(39.9), SupportBand::AtRisk);
    assert_eq!(SupportBand::of(40.0), SupportBand::Partial);
    assert_eq!(SupportBand::of(69.9), SupportBand::Partial);
    assert_eq!(SupportBand::of(70.0), SupportBand::Supported);
    let r = evaluate(&Catalog::default_catalog(), &sample().unwrap().assessment);
    let order: Vec<f64> = r.objectives_by_risk().iter().filter_map(|o| o.support).collect();
    assert!(order.len() >= 2, "the sample rates several objectives");
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "lowest support first: {order:?}");
    assert_eq!(r.objectives_by_risk()[0].band(), Some(SupportBand::of(order[0])));
}

#[test]
fn next_unanswered_stays_on_the_page_then_moves_on_then_ends_at_the_results() {
    use itsm_maturity::domain::results::NextStop;
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    let open = |a: &itsm_maturity::domain::Assessment| {
        let a = a.clone();
        move |q: &itsm_maturity::domain::results::QuestionResult| a.my_answer(&q.key).and_then(|e| e.answer).is_none()
    };
    let r = evaluate(&c, &a);
    // The catalog's order (a, b), as a user may choose it.
    let order = r.order(true);
    assert_eq!(order, ["a", "b"]);
    assert_eq!(r.next_unanswered(&order, "a", open(&a)), NextStop::Here(0), "the first question of the page");
    answer(&mut a, "a", "a-1", Answer::F);
    let r = evaluate(&c, &a);
    assert_eq!(r.next_unanswered(&order, "a", open(&a)), NextStop::Here(1));
    answer_all(&c, &mut a, "a", Answer::L);
    let r = evaluate(&c, &a);
    assert_eq!(r.next_unanswered(&order, "a", open(&a)), NextStop::Process("b".into()), "on to the next process");
    // From the last process it wraps round to an earlier one with open questions.
    assert_eq!(r.next_unanswered(&order, "b", open(&a)), NextStop::Here(0));
    answer_all(&c, &mut a, "b", Answer::DK);
    let r = evaluate(&c, &a);
    // "Don't know" counts as answered at this device: nothing is left.
    assert_eq!(r.next_unanswered(&order, "b", open(&a)), NextStop::Results);
    assert_eq!(r.questions_entry(&order), Some("b"), "the stepper still opens where answers are missing (don't know)");
}

#[test]
fn a_second_sitting_continues_on_the_page_left_and_estimates_the_time_left() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    let r = evaluate(&c, &a);
    let open: usize = r.in_scope().map(|p| p.asked).sum();
    assert!(open > 0);
    assert_eq!(r.resume_at(&r.order(true), None).map(|p| p.id.as_str()), Some("a"), "nothing yet: the first process");
    assert_eq!(r.minutes_left(), (open as u32 * 30).div_ceil(60).div_ceil(5) * 5);
    assert_eq!(r.minutes_left() % 5, 0, "rounded to five minutes");
    // Half of "a" answered, the person was on "b": continue on "b".
    answer(&mut a, "a", "a-1", Answer::F);
    let r = evaluate(&c, &a);
    assert_eq!(r.resume_at(&r.order(true), Some("b")).map(|p| p.id.as_str()), Some("b"));
    // "b" done: on to the next process with open questions, wrapping round to "a".
    answer_all(&c, &mut a, "b", Answer::L);
    let r = evaluate(&c, &a);
    assert_eq!(r.resume_at(&r.order(true), Some("b")).map(|p| p.id.as_str()), Some("a"));
    assert_eq!(r.resume_at(&r.order(true), Some("unknown")).map(|p| p.id.as_str()), Some("a"));
    answer_all(&c, &mut a, "a", Answer::P);
    let r = evaluate(&c, &a);
    assert_eq!(r.resume_at(&r.order(true), Some("a")), None, "all answered: nothing to continue");
    assert_eq!(r.minutes_left(), 0);
}

#[test]
fn the_questionnaire_follows_the_priority_order_unless_the_catalog_order_is_asked_for() {
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    let by_priority: Vec<String> = r.in_scope_by_priority().iter().map(|p| p.id.clone()).collect();
    let catalog: Vec<String> = r.in_scope().map(|p| p.id.clone()).collect();
    assert_ne!(by_priority, catalog, "the sample's two orders differ, so the choice shows");
    let order = r.order(false);
    assert_eq!(order, by_priority);
    assert_eq!(r.order(true), catalog);
    // Back and next follow the order given, and the first has no back, the last no next.
    let (prev, next) = r.neighbours(&order, &order[1]);
    assert_eq!((prev.unwrap().id.as_str(), next.unwrap().id.as_str()), (order[0].as_str(), order[2].as_str()));
    assert!(r.neighbours(&order, &order[0]).0.is_none());
    assert!(r.neighbours(&order, order.last().unwrap()).1.is_none());
    // The sample is answered: the questions open on the first of the order.
    assert_eq!(r.questions_entry(&order), Some(order[0].as_str()));
    assert_eq!(r.questions_entry(&r.order(true)), Some(catalog[0].as_str()));
    // The scope table: the same order for what is in scope, then the rest by relevance.
    let scope = r.scope_order(false);
    assert_eq!(scope.len(), r.processes.len());
    assert_eq!(&scope[..order.len()], &order[..]);
    let rest: Vec<u8> = scope[order.len()..].iter().map(|id| r.process(id).unwrap().relevance.score).collect();
    assert!(rest.windows(2).all(|w| w[0] >= w[1]), "out of scope by relevance: {rest:?}");
    assert_eq!(r.scope_order(true), r.processes.iter().map(|p| p.id.clone()).collect::<Vec<_>>());
}

#[test]
fn objectives_weigh_importance_times_the_support_missing() {
    let r = evaluate(&Catalog::default_catalog(), &sample().unwrap().assessment);
    let weight =
        |o: &itsm_maturity::domain::results::ObjectiveSupport| o.support.map(|s| o.importance as f64 * (100.0 - s));
    let order: Vec<Option<f64>> = r.objectives_by_weight().iter().map(|o| weight(o)).collect();
    let rated: Vec<f64> = order.iter().flatten().copied().collect();
    assert!(rated.len() >= 2, "the sample rates several objectives");
    assert!(rated.windows(2).all(|w| w[0] >= w[1]), "heaviest shortfall first: {order:?}");
    // Unrated objectives come last.
    let first_unrated = order.iter().position(Option::is_none).unwrap_or(order.len());
    assert!(order[first_unrated..].iter().all(Option::is_none));
}

#[test]
fn one_priority_order_for_profile_gap_chart_presenter_and_roadmap() {
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    let profile: Vec<&str> = r.in_scope_by_priority().iter().map(|p| p.id.as_str()).collect();
    // Ties in priority go to the more relevant process.
    for w in r.in_scope_by_priority().windows(2) {
        assert!(
            w[0].priority > w[1].priority
                || (w[0].priority == w[1].priority && w[0].relevance.score >= w[1].relevance.score),
            "{} before {}",
            w[0].id,
            w[1].id
        );
    }
    // The gap chart draws its rows in the same order.
    let svg = itsm_maturity::charts::gaps::gap_bars(&r, &Default::default());
    let drawn: Vec<&str> = svg.split("data-process=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert_eq!(drawn, profile);
    // The roadmap's first wave follows it too (processes below target only).
    let wave1: Vec<&str> = r.roadmap.iter().filter(|s| s.wave == 1).map(|s| s.process.as_str()).collect();
    let expected: Vec<&str> = profile.iter().copied().filter(|id| r.process(id).unwrap().gap > 0).collect();
    assert_eq!(wave1, expected);
}

#[test]
fn results_carry_question_texts_actions_and_notes() {
    let c = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let r = evaluate(&c, &a);
    let q = &r.process("incident").unwrap().questions[0];
    let resolved = &c.questions_for(c.process("incident").unwrap(), a.mode == Mode::Quick)[0];
    assert_eq!((&*q.text, &*q.action), (&*resolved.text, &*resolved.action));
    let step = r.roadmap.iter().find(|s| !s.actions.is_empty()).unwrap();
    for act in &step.actions {
        assert!(!act.text.is_empty());
        assert_eq!(act.to_assess, act.text.starts_with("Find out: "));
    }
    let noted: usize = a.participants.iter().map(|p| p.answers.values().filter(|e| !e.note.is_empty()).count()).sum();
    assert_eq!(r.notes.len(), noted, "every note is listed once");
}

#[test]
fn a_target_the_user_chose_says_so_and_names_the_suggestion_it_replaced() {
    let c = itsm_maturity::domain::Catalog::default_catalog();
    let mut a = itsm_maturity::domain::sample::sample().unwrap().assessment;
    let r = itsm_maturity::domain::evaluate(&c, &a);
    let incident = r.process("incident").unwrap();
    assert!(incident.target_overridden && incident.suggested_target != Some(incident.target));
    assert_eq!(
        incident.target_note().unwrap(),
        format!("(your choice; suggested {})", incident.suggested_target.unwrap())
    );
    // A suggested target needs no note; a chosen one equal to the suggestion says only that it was chosen.
    a.apply(itsm_maturity::domain::Action::SetTarget { process: "incident".into(), target: None }).unwrap();
    let r = itsm_maturity::domain::evaluate(&c, &a);
    let suggested = r.process("incident").unwrap();
    assert!(!suggested.target_overridden);
    assert_eq!(suggested.target_note(), None);
    let same = suggested.suggested_target;
    a.apply(itsm_maturity::domain::Action::SetTarget { process: "incident".into(), target: same }).unwrap();
    let r = itsm_maturity::domain::evaluate(&c, &a);
    assert_eq!(r.process("incident").unwrap().target_note().as_deref(), Some("(your choice)"));
}
