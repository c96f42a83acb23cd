//! Results helpers: the explain view's data (blocking answers), why a process
//! matters, roadmap grouping, and CSV exports with formula neutralization.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Answer, Mode};
use itsm_maturity::domain::export::{answers_csv, csv_cell, results_csv};
use itsm_maturity::domain::roadmap::Horizon;
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::scoring::{Blocker, Rating};
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
    assert_eq!(*blocking[0].0, Blocker::LowerNotFully { attribute: "PA1.1", rating: Rating::L });
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
    // Every "Now" step is the next level of its process and lists actions.
    for s in &now {
        assert_eq!(s.level, r.process(&s.process).unwrap().level + 1);
        assert!(!s.actions.is_empty(), "{} has no actions", s.process);
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
    assert!(lines[1].starts_with("a,'=cmd|' /C calc'!A0,yes,91,4,0,0.00,4,364,0,9,unrated"), "{}", lines[1]);
}

#[test]
fn answers_csv_lists_each_answer_with_its_note() {
    let c = mini_catalog();
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
    assert_eq!(lines[1], "Me,Process a,PA1.1,a-1,First?,L,\"'@risk, see \"\"doc\"\"\"");
}
