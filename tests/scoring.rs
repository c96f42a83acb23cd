//! Scoring rules of PRODUCT.md §4: ratings, the gated level, the index,
//! unrated attributes, N/A and don't-know handling, and targets.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Answer, Mode};
use itsm_maturity::domain::scoring::{capability, rating, suggested_target, AttributeScore, Blocker, Rating};
use itsm_maturity::domain::Attribute;
use itsm_maturity::domain::{evaluate, Action};

#[test]
fn rating_boundaries_belong_to_the_lower_band() {
    assert_eq!(rating(0.0), Rating::N);
    assert_eq!(rating(15.0), Rating::N);
    assert_eq!(rating(15.01), Rating::P);
    assert_eq!(rating(50.0), Rating::P);
    assert_eq!(rating(50.01), Rating::L);
    assert_eq!(rating(85.0), Rating::L);
    assert_eq!(rating(85.01), Rating::F);
    assert_eq!(rating(100.0), Rating::F);
}

#[test]
fn rating_of_answer_means_at_the_boundaries() {
    // P and L averaged = 50 % exactly: still P.
    assert_eq!(rating((100.0 / 3.0 + 200.0 / 3.0) / 2.0), Rating::P);
    // One P among three F-less L: (1+2+2)/3 steps = 55.6 %: L.
    assert_eq!(rating((1.0 + 2.0 + 2.0) / 9.0 * 100.0), Rating::L);
}

fn attrs(ratings: [Option<f64>; 9]) -> Vec<AttributeScore> {
    Attribute::ALL
        .into_iter()
        .zip(ratings)
        .map(|(id, a)| AttributeScore::from_scores(id, &a.into_iter().collect::<Vec<_>>(), 1, 0, 0))
        .collect()
}

const F: Option<f64> = Some(100.0);
const L: Option<f64> = Some(70.0);
const P: Option<f64> = Some(40.0);
const N: Option<f64> = Some(0.0);
const U: Option<f64> = None;

#[test]
fn gate_needs_l_at_the_level_and_f_below() {
    assert_eq!(capability(&attrs([L, N, N, N, N, N, N, N, N])).level, 1);
    assert_eq!(capability(&attrs([F, L, L, N, N, N, N, N, N])).level, 2);
    assert_eq!(capability(&attrs([F, F, F, L, F, N, N, N, N])).level, 3);
    assert_eq!(capability(&attrs([F, F, F, F, F, F, F, F, F])).level, 5);
    assert_eq!(capability(&attrs([P, F, F, F, F, F, F, F, F])).level, 0);
}

#[test]
fn the_trap_lower_levels_at_l_do_not_count() {
    // Everything Largely: a naive "L for lower levels" reading would say 5. It is 1.
    let cap = capability(&attrs([L, L, L, L, L, L, L, L, L]));
    assert_eq!(cap.level, 1);
    assert_eq!(cap.blockers, vec![Blocker::LowerNotFully { attribute: Attribute::Pa11, rating: Rating::L }]);
    // PA2.x at L and PA1.1 at F: level 2; level 3 is blocked by PA2.x not F.
    let cap = capability(&attrs([F, L, L, L, L, N, N, N, N]));
    assert_eq!(cap.level, 2);
    assert_eq!(
        cap.blockers,
        vec![
            Blocker::LowerNotFully { attribute: Attribute::Pa21, rating: Rating::L },
            Blocker::LowerNotFully { attribute: Attribute::Pa22, rating: Rating::L },
        ]
    );
}

#[test]
fn blockers_name_attributes_below_l() {
    let cap = capability(&attrs([F, F, P, N, N, N, N, N, N]));
    assert_eq!(cap.level, 1);
    assert_eq!(cap.blockers, vec![Blocker::BelowLargely { attribute: Attribute::Pa22, rating: Rating::P }]);
    assert!(cap.blockers[0].describe().contains("needs at least L"));
}

#[test]
fn unrated_attributes_block_with_a_reason_not_a_silent_zero() {
    let cap = capability(&attrs([U, U, U, U, U, U, U, U, U]));
    assert_eq!(cap.level, 0);
    assert_eq!(cap.blockers, vec![Blocker::Unrated { attribute: Attribute::Pa11 }]);
    assert!(cap.blockers[0].describe().contains("cannot be rated"));
    // PA1.1 fully done, PA2.2 unanswered: level 1, level 2 blocked by the unrated PA2.2.
    let cap = capability(&attrs([F, F, U, U, U, U, U, U, U]));
    assert_eq!(cap.level, 1);
    assert_eq!(cap.blockers, vec![Blocker::Unrated { attribute: Attribute::Pa22 }]);
}

#[test]
fn not_applicable_is_excluded_and_dont_know_is_unanswered() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer(&mut a, "a", "a-1", Answer::F);
    answer(&mut a, "a", "a-2", Answer::NA);
    let r = evaluate(&c, &a);
    let pa11 = &r.process("a").unwrap().attributes[0];
    assert_eq!(pa11.achievement, Some(100.0), "N/A is left out of the mean");
    assert_eq!(pa11.not_applicable, 1);
    assert_eq!(r.process("a").unwrap().answered, 2, "N/A counts as answered for completion");

    answer(&mut a, "a", "a-2", Answer::DK);
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    assert_eq!(p.attributes[0].achievement, Some(100.0), "DK is not a score");
    assert_eq!(p.attributes[0].answered, 1);
    assert_eq!(p.attributes[0].dont_know, 1);
    assert_eq!(p.answered, 1, "DK counts as unanswered");
    assert_eq!(p.dont_know().map(|q| q.question.as_str()).collect::<Vec<_>>(), vec!["a-2"]);

    answer(&mut a, "a", "a-1", Answer::DK);
    let r = evaluate(&c, &a);
    assert_eq!(r.process("a").unwrap().attributes[0].rating, None, "only DK answers: unrated");
}

#[test]
fn capability_index_sums_level_means() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    assert!((evaluate(&c, &a).process("a").unwrap().index - 5.0).abs() < 1e-9);
    answer_all(&c, &mut a, "a", Answer::L);
    let p = evaluate(&c, &a).process("a").unwrap().clone();
    assert!((p.index - 5.0 * 2.0 / 3.0).abs() < 1e-9, "{}", p.index);
    assert_eq!(p.level, 1);
    // Half of PA1.1 at F, half at N: 50 % -> P -> level 0, index 0.5 + 4 × 2/3.
    answer(&mut a, "a", "a-1", Answer::F);
    answer(&mut a, "a", "a-2", Answer::N);
    let p = evaluate(&c, &a).process("a").unwrap().clone();
    assert_eq!(p.level, 0);
    assert!((p.index - (0.5 + 4.0 * 2.0 / 3.0)).abs() < 1e-9);
}

#[test]
fn quick_mode_asks_one_question_per_attribute() {
    let c = mini_catalog();
    let mut a = assessment();
    let r = evaluate(&c, &a);
    assert_eq!(r.process("a").unwrap().asked, 9);
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    assert_eq!(evaluate(&c, &a).process("a").unwrap().asked, 10);
}

#[test]
fn target_banding() {
    assert_eq!(suggested_target(100), Some(4));
    assert_eq!(suggested_target(75), Some(4));
    assert_eq!(suggested_target(74), Some(3));
    assert_eq!(suggested_target(50), Some(3));
    assert_eq!(suggested_target(49), Some(2));
    assert_eq!(suggested_target(25), Some(2));
    assert_eq!(suggested_target(24), Some(1));
    assert_eq!(suggested_target(1), Some(1));
    assert_eq!(suggested_target(0), None);
}

#[test]
fn gap_priority_and_overrides() {
    let c = mini_catalog();
    let mut a = assessment();
    // Relevance: a = 5×2 = 10, b = 5×1 + 3×2 = 11 (max), c = 0.
    let r = evaluate(&c, &a);
    let (pa, pb, pc) = (r.process("a").unwrap(), r.process("b").unwrap(), r.process("c").unwrap());
    assert_eq!((pa.relevance.score, pb.relevance.score, pc.relevance.score), (91, 100, 0));
    assert_eq!((pa.target, pb.target), (4, 4));
    assert!(!pc.in_scope, "relevance 0 is out of scope");
    assert_eq!(pa.gap, 4);
    assert_eq!(pa.priority, 4.0 * 91.0);
    // The user's target and scope win.
    a.apply(Action::SetTarget { process: "a".into(), target: Some(2) }).unwrap();
    a.apply(Action::SetScope { process: "c".into(), in_scope: Some(true) }).unwrap();
    a.apply(Action::SetScope { process: "b".into(), in_scope: Some(false) }).unwrap();
    let r = evaluate(&c, &a);
    let pa = r.process("a").unwrap();
    assert_eq!((pa.target, pa.target_overridden, pa.gap), (2, true, 2));
    assert!(r.process("c").unwrap().in_scope);
    assert_eq!(r.process("c").unwrap().target, 1, "in scope by choice with no suggestion: target 1");
    assert!(!r.process("b").unwrap().in_scope);
    assert_eq!(r.process("b").unwrap().priority, 0.0);
}

#[test]
fn organizational_maturity_is_the_weakest_in_scope_level() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer_all(&c, &mut a, "b", Answer::L);
    let r = evaluate(&c, &a);
    assert_eq!(r.process("a").unwrap().level, 5);
    assert_eq!(r.process("b").unwrap().level, 1);
    assert_eq!(r.org_maturity, Some(1));
    let mean = r.mean_index.unwrap();
    assert!((mean - (5.0 + 10.0 / 3.0) / 2.0).abs() < 1e-9);
}
