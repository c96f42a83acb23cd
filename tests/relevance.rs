//! Relevance from objectives and service rules, normalization and reasons;
//! objective support (the business view).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Answer, CustomObjective, Mode};
use itsm_maturity::domain::catalog::{Audience, ChangeRate, ProcessWeight, Sourcing};
use itsm_maturity::domain::relevance::{relevance, Reason};
use itsm_maturity::domain::{evaluate, Action, Assessment};

#[test]
fn nothing_rated_means_nothing_relevant() {
    let c = mini_catalog();
    let a = Assessment::new("x", "x", "");
    let r = relevance(&c, &a);
    assert!(r.values().all(|r| r.score == 0 && r.contributions.is_empty()));
    assert!(evaluate(&c, &a).in_scope().next().is_none());
    assert_eq!(evaluate(&c, &a).floor_level, None);
}

#[test]
fn the_largest_raw_relevance_is_100_and_others_scale() {
    let c = mini_catalog();
    let mut a = assessment();
    let r = relevance(&c, &a);
    assert_eq!(r["b"].raw, 11.0);
    assert_eq!(r["b"].score, 100);
    assert_eq!(r["a"].raw, 10.0);
    assert_eq!(r["a"].score, 91);
    // Doubling everything changes nothing after normalization.
    a.apply(Action::SetObjectiveImportance { objective: "obj-x".into(), importance: 4 }).unwrap();
    a.apply(Action::SetObjectiveImportance { objective: "obj-y".into(), importance: 2 }).unwrap();
    let r2 = relevance(&c, &a);
    assert_eq!(r2["b"].raw, 8.0);
    assert_eq!((r2["a"].score, r2["b"].score), (100, 100));
}

#[test]
fn a_small_contribution_never_rounds_to_out_of_scope() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetObjectiveImportance { objective: "obj-x".into(), importance: 0 }).unwrap();
    a.apply(Action::SetObjectiveImportance { objective: "obj-y".into(), importance: 5 }).unwrap();
    for i in 0..20 {
        a.apply(Action::AddService(service(
            &format!("s{i}"),
            "Big",
            5,
            Audience::External,
            Sourcing::Saas,
            ChangeRate::Daily,
        )))
        .unwrap();
    }
    // c gets 20 × 3 × 5 = 300; b gets 10 + 20 × 2 × 5 = 210; a gets nothing.
    let r = relevance(&c, &a);
    assert_eq!(r["c"].score, 100);
    assert_eq!(r["b"].score, 70);
    assert_eq!(r["a"].score, 0);
}

#[test]
fn reasons_name_the_inputs_in_words_largest_first() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::AddService(service(
        "pay",
        "Payment system",
        5,
        Audience::External,
        Sourcing::Bought,
        ChangeRate::Monthly,
    )))
    .unwrap();
    a.apply(Action::AddService(service(
        "web",
        "Ordering website",
        4,
        Audience::External,
        Sourcing::Inhouse,
        ChangeRate::Weekly,
    )))
    .unwrap();
    let r = relevance(&c, &a);
    assert_eq!(r["c"].top_reasons(3), vec!["service 'Payment system' is provided by a supplier (criticality 5)"]);
    assert_eq!(
        r["b"].top_reasons(3),
        vec![
            "service 'Ordering website' changes weekly or daily (criticality 4)",
            "objective 'Objective Y' rated 3 (primary)",
            "objective 'Objective X' rated 5 (secondary)",
        ]
    );
    match &r["b"].contributions[0].reason {
        Reason::Service { id, rule, points, .. } => {
            assert_eq!((id.as_str(), rule.as_str(), *points), ("web", "fast", 2))
        }
        other => panic!("{other:?}"),
    }
    // A rule's minimum criticality: a criticality-2 weekly service does not match "fast".
    a.apply(Action::UpdateService(service(
        "web",
        "Ordering website",
        2,
        Audience::External,
        Sourcing::Inhouse,
        ChangeRate::Weekly,
    )))
    .unwrap();
    assert!(relevance(&c, &a)["b"].contributions.iter().all(|x| !matches!(x.reason, Reason::Service { .. })));
}

#[test]
fn custom_objectives_count_with_their_own_map() {
    let c = mini_catalog();
    let mut a = Assessment::new("x", "x", "");
    a.apply(Action::AddCustomObjective(CustomObjective {
        id: "card".into(),
        name: "Card payment on delivery".into(),
        description: String::new(),
        importance: 5,
        processes: vec![
            ProcessWeight { process: "c".into(), weight: 2 },
            ProcessWeight { process: "a".into(), weight: 1 },
        ],
    }))
    .unwrap();
    let r = relevance(&c, &a);
    assert_eq!((r["c"].score, r["a"].score, r["b"].score), (100, 50, 0));
    assert_eq!(r["c"].top_reasons(1), vec!["objective 'Card payment on delivery' rated 5 (primary)"]);
}

#[test]
fn objective_support_weights_by_relevance_and_names_weakest() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F); // index 5, target 3 -> ratio 1
    answer_all(&c, &mut a, "b", Answer::P); // level 0, gated index 1/3, target 3 -> ratio 1/9
    let r = evaluate(&c, &a);
    let x = r.objectives.iter().find(|o| o.id == "obj-x").unwrap();
    // Weighted by relevance a = 91, b = 100; support reads the gated index.
    let ratio_b = (1.0 / 3.0) / 3.0;
    let expected = (1.0 * 91.0 + ratio_b * 100.0) / 191.0 * 100.0;
    assert!((x.support.unwrap() - expected).abs() < 1e-9, "{:?}", x.support);
    assert_eq!(x.weakest, vec!["b".to_string()]);
    let y = r.objectives.iter().find(|o| o.id == "obj-y").unwrap();
    assert!((y.support.unwrap() - ratio_b * 100.0).abs() < 1e-9);
    // Unrated objectives are not listed.
    a.apply(Action::SetObjectiveImportance { objective: "obj-y".into(), importance: 0 }).unwrap();
    assert_eq!(evaluate(&c, &a).objectives.len(), 1);
}

#[test]
fn objective_with_no_process_in_scope_has_no_support_figure() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetScope { process: "b".into(), in_scope: Some(false) }).unwrap();
    let r = evaluate(&c, &a);
    let y = r.objectives.iter().find(|o| o.id == "obj-y").unwrap();
    assert_eq!(y.support, None);
}
