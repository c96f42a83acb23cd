//! Scoring rules of PRODUCT.md §4: ratings, the gated level, the index,
//! unrated attributes, N/A and don't-know handling, and targets.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Answer, Mode};
use itsm_maturity::domain::scoring::{
    capability, capability_index, rating, suggested_target, AttributeScore, Blocker, Rating, NEXT_LEVEL_CAP,
};
use itsm_maturity::domain::Attribute;
use itsm_maturity::domain::{evaluate, Action};
use proptest::prelude::*;

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
fn capability_index_is_gated_level_plus_the_next_levels_mean() {
    // Rule changed on purpose (PRODUCT.md §4): the index is the level reached plus
    // the next level's mean achievement, no longer the sum of every level's mean.
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    assert!((evaluate(&c, &a).process("a").unwrap().index - 5.0).abs() < 1e-9);
    answer_all(&c, &mut a, "a", Answer::L);
    let p = evaluate(&c, &a).process("a").unwrap().clone();
    assert_eq!(p.level, 1);
    assert!((p.index - (1.0 + 2.0 / 3.0)).abs() < 1e-9, "level 1 + PA2.x at 2/3: {}", p.index);
    // Half of PA1.1 at F, half at N: 50 % -> P -> level 0, index = PA1.1's 0.5 only.
    answer(&mut a, "a", "a-1", Answer::F);
    answer(&mut a, "a", "a-2", Answer::N);
    let p = evaluate(&c, &a).process("a").unwrap().clone();
    assert_eq!(p.level, 0);
    assert!((p.index - 0.5).abs() < 1e-9, "{}", p.index);
}

#[test]
fn the_gate_trap_pa11_largely_and_everything_else_fully_is_level_1_below_index_2() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer(&mut a, "a", "a-1", Answer::L);
    answer(&mut a, "a", "a-2", Answer::L);
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    assert_eq!(p.level, 1);
    assert!(p.index >= 1.0 && p.index < 2.0, "index {} must lie in [1, 2)", p.index);
    assert!((p.index - (1.0 + NEXT_LEVEL_CAP)).abs() < 1e-9, "PA2.x fully done, capped: {}", p.index);
    // The explain view still shows each level's own mean achievement.
    let parts = p.index_by_level();
    assert!((parts[0] - 2.0 / 3.0).abs() < 1e-9 && parts[1..] == [1.0; 4], "{parts:?}");
    assert!(p.index_explained().contains("level 1 + 0.99"), "{}", p.index_explained());
    // Charts and objective support read the gated index.
    let x = r.objectives.iter().find(|o| o.id == "obj-x").unwrap();
    assert!(x.support.unwrap() < 100.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// The gated index always lies in [level, level + 1), and is 5.0 at level 5.
    #[test]
    fn the_index_lies_between_the_level_and_the_next(
        cells in proptest::collection::vec((proptest::option::of(0.0f64..=100.0), proptest::bool::weighted(0.15)), 9)
    ) {
        let attrs: Vec<AttributeScore> = Attribute::ALL
            .into_iter()
            .zip(cells.iter().copied())
            .map(|(id, (p, na))| {
                if na {
                    AttributeScore::from_scores(id, &[], 1, 1, 0)
                } else {
                    AttributeScore::from_scores(id, &p.into_iter().collect::<Vec<_>>(), 1, 0, 0)
                }
            })
            .collect();
        let level = capability(&attrs).level;
        let index = capability_index(&attrs);
        if level == 5 {
            prop_assert_eq!(index, 5.0);
        } else {
            prop_assert!(index >= level as f64 && index < level as f64 + 1.0, "level {} index {}", level, index);
        }
    }
}

#[test]
fn an_attribute_answered_all_not_applicable_is_left_out_and_never_blocks() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer(&mut a, "a", "g-pa21", Answer::NA);
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    let pa21 = p.attribute(Attribute::Pa21).unwrap();
    assert!(!pa21.applicable);
    assert_eq!(pa21.rating, None);
    assert!(pa21.describe().starts_with("not applicable"), "{}", pa21.describe());
    // Old rule: an unrated PA2.1 blocked level 2 (level 1). Now it is left out.
    assert_eq!(p.level, 5);
    assert_eq!(p.index, 5.0);
    assert!(p.blockers.is_empty());
    assert!(r.roadmap.iter().all(|s| s.process != "a"));
    // Left out of the index too: PA2.2 alone is level 2's mean.
    answer(&mut a, "a", "g-pa22", Answer::L);
    let p = evaluate(&c, &a).process("a").unwrap().clone();
    assert_eq!(p.level, 2);
    assert!((p.index_by_level()[1] - 2.0 / 3.0).abs() < 1e-9, "level 2 is PA2.2 alone");
    assert!((p.index - (2.0 + NEXT_LEVEL_CAP)).abs() < 1e-9, "level 3 fully done, level 3 blocked by PA2.2 at L");
}

#[test]
fn quick_scan_one_not_applicable_no_longer_freezes_level_0_and_proposes_out_of_scope() {
    let c = mini_catalog();
    let mut a = assessment();
    // Quick scan: one question per attribute. PA1.1's only question is N/A.
    for q in c.questions_for(c.process("a").unwrap(), true) {
        answer(&mut a, "a", &q.id, Answer::F);
    }
    answer(&mut a, "a", "a-1", Answer::NA);
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    assert!(!p.attribute(Attribute::Pa11).unwrap().applicable);
    assert_eq!(p.level, 5, "the N/A attribute is left out; every other is F");
    let why = p.out_of_scope_proposal.as_deref().expect("a proposal to take it out of scope");
    assert!(why.contains("not applicable") && why.contains("out of scope") && why.contains("process a"), "{why}");
    assert_eq!(r.process("b").unwrap().out_of_scope_proposal, None);
    // PA2.1 N/A in quick scan: level 2 is no longer blocked.
    answer(&mut a, "a", "a-1", Answer::F);
    answer(&mut a, "a", "g-pa21", Answer::NA);
    let p = evaluate(&c, &a).process("a").unwrap().clone();
    assert_eq!((p.level, p.out_of_scope_proposal.is_none()), (5, true));
    // Everything N/A: nothing to rate, level 0 and index 0, never a step without actions.
    for q in c.questions_for(c.process("a").unwrap(), true) {
        answer(&mut a, "a", &q.id, Answer::NA);
    }
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    assert_eq!((p.level, p.index), (0, 0.0));
    assert!(p.out_of_scope_proposal.is_some());
    assert!(r.roadmap.iter().all(|s| s.process != "a"), "no step made only of N/A questions");
}

#[test]
fn an_attribute_rated_from_fewer_than_half_its_questions_is_provisional() {
    let mut v = mini_catalog_json();
    for i in 3..=7 {
        v["processes"][0]["questions"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"id": format!("a-{i}"), "text": "More?", "action": "Do more."}));
    }
    let c = itsm_maturity::domain::Catalog::parse(&v.to_string()).unwrap();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    // Six "don't know" and one F: rated F, but provisional.
    answer(&mut a, "a", "a-1", Answer::F);
    for i in 2..=7 {
        answer(&mut a, "a", &format!("a-{i}"), Answer::DK);
    }
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    let pa11 = p.attribute(Attribute::Pa11).unwrap();
    assert_eq!((pa11.asked, pa11.answered, pa11.dont_know), (7, 1, 6));
    assert_eq!(pa11.rating, Some(Rating::F));
    assert!(pa11.provisional);
    assert!(p.provisional, "the process says so");
    assert!(pa11.describe().contains("provisional: rated from 1 of 7"), "{}", pa11.describe());
    assert!(!r.process("b").unwrap().provisional, "unrated is not provisional");
    // N/A questions do not count: 3 scored of 7 with 2 N/A is 3 of 5, not provisional.
    answer(&mut a, "a", "a-2", Answer::F);
    answer(&mut a, "a", "a-3", Answer::F);
    answer(&mut a, "a", "a-4", Answer::NA);
    answer(&mut a, "a", "a-5", Answer::NA);
    let pa11 = evaluate(&c, &a).process("a").unwrap().attribute(Attribute::Pa11).unwrap().clone();
    assert!(!pa11.provisional, "{pa11:?}");
    // 2 scored of 5 applicable: provisional again.
    answer(&mut a, "a", "a-3", Answer::DK);
    let pa11 = evaluate(&c, &a).process("a").unwrap().attribute(Attribute::Pa11).unwrap().clone();
    assert!(pa11.provisional, "{pa11:?}");
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
fn target_bands_fit_the_size_of_the_it_organization() {
    use itsm_maturity::domain::assessment::SizeBand::*;
    let t = |r: u8, s| suggested_target(r, s).level;
    // Level 4 only for 251+ IT staff and relevance ≥ 80; level 5 never.
    assert_eq!(t(100, Some(Huge)), Some(4));
    assert_eq!(t(80, Some(Large)), Some(4));
    assert_eq!(t(79, Some(Large)), Some(3));
    assert_eq!(t(100, Some(Medium)), Some(3));
    assert_eq!(t(100, Some(Small)), Some(3));
    assert_eq!(t(100, None), Some(3), "unknown size: at most 3");
    assert_eq!(t(100, Some(Tiny)), Some(2));
    assert_eq!(t(50, Some(Huge)), Some(3));
    assert_eq!(t(49, Some(Huge)), Some(2));
    assert_eq!(t(30, Some(Huge)), Some(2));
    assert_eq!(t(29, Some(Huge)), Some(1));
    assert_eq!(t(15, Some(Tiny)), Some(1));
    assert_eq!(t(14, Some(Huge)), None, "below 15: out of scope by default");
    assert_eq!(t(0, None), None);
    assert!((0..=100).all(|r| [None, Some(Tiny), Some(Huge)].into_iter().all(|s| t(r, s) < Some(5))));
}

#[test]
fn target_suggestions_say_why_including_the_size_cap() {
    use itsm_maturity::domain::assessment::SizeBand::*;
    assert_eq!(suggested_target(72, Some(Small)).reason, "relevance 72 → level 3");
    assert_eq!(
        suggested_target(85, Some(Small)).reason,
        "relevance 85 would suggest level 4; capped at 3 for an IT organization of 11–50 people"
    );
    assert_eq!(
        suggested_target(55, Some(Tiny)).reason,
        "relevance 55 would suggest level 3; capped at 2 for an IT organization of 1–10 people"
    );
    assert_eq!(
        suggested_target(90, None).reason,
        "relevance 90 would suggest level 4; capped at 3 because the size of the IT organization is not set"
    );
    assert_eq!(suggested_target(85, Some(Large)).reason, "relevance 85 → level 4");
    assert_eq!(
        suggested_target(12, Some(Large)).reason,
        "relevance 12 is below 15: no target suggested, out of scope by default"
    );
}

#[test]
fn gap_priority_and_overrides() {
    let c = mini_catalog();
    let mut a = assessment();
    // Relevance: a = 5×2 = 10 → 29, b = 5×1 + 3×2 = 11 → 31, c = 0.
    let r = evaluate(&c, &a);
    let (pa, pb, pc) = (r.process("a").unwrap(), r.process("b").unwrap(), r.process("c").unwrap());
    assert_eq!((pa.relevance.score, pb.relevance.score, pc.relevance.score), (29, 31, 0));
    assert_eq!((pa.target, pb.target), (1, 2));
    assert_eq!(
        (pa.target_reason.as_str(), pb.target_reason.as_str()),
        ("relevance 29 → level 1", "relevance 31 → level 2")
    );
    assert!(!pc.in_scope, "relevance 0 is out of scope");
    assert_eq!(pa.gap, 1);
    assert_eq!(pa.priority, 29.0);
    assert_eq!(pb.priority, 2.0 * 31.0);
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
fn the_floor_level_is_the_weakest_in_scope_level() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer_all(&c, &mut a, "b", Answer::L);
    let r = evaluate(&c, &a);
    assert_eq!(r.process("a").unwrap().level, 5);
    assert_eq!(r.process("b").unwrap().level, 1);
    assert_eq!(r.floor_level, Some(1));
    let mean = r.mean_index.unwrap();
    assert!((mean - (5.0 + 5.0 / 3.0) / 2.0).abs() < 1e-9, "gated indices 5 and 1 + 2/3");
    use itsm_maturity::domain::results::{FLOOR_LEVEL_MEANS, INDICATIVE};
    assert!(FLOOR_LEVEL_MEANS.starts_with("Floor level: the lowest capability level"));
    assert_eq!(
        INDICATIVE,
        "An indicative self-assessment based on ISO/IEC 33020 capability levels, not a formal ISO/IEC 33002 assessment."
    );
}

#[test]
fn the_index_is_shown_rounded_half_up_but_never_across_a_level() {
    use itsm_maturity::domain::results::index_text;
    let cases = [
        (0.416, "0.42"),
        (0.414, "0.41"),
        (1.555, "1.56"),
        (1.0249, "1.02"),
        (1.996, "1.99"),
        (1.99999, "1.99"),
        (2.0 - 1e-12, "2.00"),
        (3.0, "3.00"),
        (5.0, "5.00"),
        (f64::NAN, "0.00"),
        (-0.3, "0.00"),
    ];
    for (v, shown) in cases {
        assert_eq!(index_text(v), shown, "{v}");
    }
}

proptest! {
    #[test]
    fn a_shown_index_keeps_its_level_and_is_within_a_hundredth(v in 0.0f64..5.0) {
        use itsm_maturity::domain::results::index_text;
        let shown: f64 = index_text(v).parse().unwrap();
        prop_assert!((shown - v).abs() <= 0.01 + 1e-9, "{v} → {shown}");
        prop_assert_eq!(shown.floor(), (v + 1e-9).floor(), "{} → {}", v, shown);
    }
}

#[test]
fn up_to_each_target_asks_one_level_above_the_target_and_says_what_it_did_not_ask() {
    use itsm_maturity::domain::catalog::Catalog;
    use itsm_maturity::domain::results::index_text;
    let c = Catalog::default_catalog();
    let mut a = itsm_maturity::domain::assessment::Assessment::new("d", "Depth", "2026-12-04");
    assert_eq!(a.mode, Mode::Target, "new assessments go up to each target");
    a.apply(Action::SetScope { process: "incident".into(), in_scope: Some(true) }).unwrap();
    a.apply(Action::SetTarget { process: "incident".into(), target: Some(2) }).unwrap();
    answer_all(&c, &mut a, "incident", Answer::F);
    let r = evaluate(&c, &a);
    let p = r.process("incident").unwrap();
    assert!(p.questions.iter().all(|q| q.level <= 3), "target 2: levels 1 to 3 only");
    assert!(p.questions.iter().any(|q| q.level == 3), "one level above the target is asked");
    let full = c.questions_for(c.process("incident").unwrap(), false);
    assert_eq!(p.asked, full.iter().filter(|q| q.level <= 3).count());
    assert_eq!(Mode::Target.questions_asked(&c, [("incident", 2)]), p.asked, "the scope page's count");
    assert!(p.asked < full.len());
    // Every asked question F: level 3, the index no higher, and level 4 named as not asked.
    assert_eq!((p.level, index_text(p.index).as_str()), (3, "3.00"));
    assert!(!p.blockers.is_empty() && p.blockers.iter().all(|b| matches!(b, Blocker::NotAsked { .. })));
    assert!(p.blockers[0].describe().contains("was not asked"), "{}", p.blockers[0].describe());
    assert!(
        p.blocking_answers().iter().all(|(_, qs)| qs.is_empty()),
        "nothing to answer: the questions were not asked"
    );
    let pa41 = p.attributes.iter().find(|x| x.attribute == Attribute::Pa41).unwrap();
    assert_eq!((pa41.asked, pa41.describe().as_str()), (0, "not asked (beyond one level above the target)"));
    // The answers beyond the depth are kept: the full assessment rates them.
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    let r = evaluate(&c, &a);
    assert_eq!(r.process("incident").unwrap().level, 5);
    assert_eq!(r.process("incident").unwrap().asked, full.len());
    // Target 1 still asks level 2; target 5 asks everything.
    assert_eq!(Mode::Target.deepest(1), 2);
    assert_eq!(Mode::Target.deepest(4), 5);
    assert_eq!(Mode::Target.questions_asked(&c, [("incident", 5)]), full.len());
    assert_eq!(Mode::Quick.questions_asked(&c, [("incident", 2)]), 9);
}

#[test]
fn the_depth_is_kept_in_files_and_old_files_stay_quick_scans() {
    assert_eq!(serde_json::to_string(&Mode::Target).unwrap(), "\"target\"");
    assert_eq!(serde_json::from_str::<Mode>("\"target\"").unwrap(), Mode::Target);
    let mut v =
        serde_json::to_value(itsm_maturity::domain::assessment::Assessment::new("o", "Old", "2026-01-01")).unwrap();
    v.as_object_mut().unwrap().remove("mode");
    let old: itsm_maturity::domain::assessment::Assessment = serde_json::from_value(v).unwrap();
    assert_eq!(old.mode, Mode::Quick, "a file from before the depths were added is read as it was made");
    assert_eq!(Mode::Target.label(), "assessed to one level above each target");
}

#[test]
fn each_depth_says_what_it_asks_of_a_process() {
    assert_eq!(Mode::Target.asked_text(2), "every question up to level 3, one above the target");
    assert_eq!(Mode::Target.asked_text(4), "every question, up to level 5");
    assert_eq!(Mode::Full.asked_text(1), "every question up to level 5; levels 3 to 5 beyond the target are optional");
    assert_eq!(Mode::Full.asked_text(2), "every question up to level 5; levels 4 and 5 beyond the target are optional");
    assert_eq!(Mode::Full.asked_text(3), "every question up to level 5; level 5 beyond the target is optional");
    assert_eq!(Mode::Quick.asked_text(3), "one quick-scan question per attribute, up to level 5");
}

#[test]
fn progress_reads_the_same_everywhere_rounded_half_up_but_never_done_too_early() {
    use itsm_maturity::domain::results::{percent_done, percent_text};
    assert_eq!(percent_done(6.0 / 19.0), 32, "31.6 % reads 32, on the start page as on the process page");
    assert_eq!(percent_done(189.0 / 190.0), 99, "not 100 until everything is answered");
    assert_eq!(percent_done(1.0 / 500.0), 1, "not 0 once something is answered");
    assert_eq!((percent_done(0.0), percent_done(1.0), percent_done(f64::NAN)), (0, 100, 0));
    assert_eq!(percent_done(0.125), 13);
    assert_eq!(percent_text(0.5), "50\u{a0}%");
}

#[test]
fn durations_read_at_the_one_pace_the_app_uses() {
    use itsm_maturity::domain::results::duration_text;
    // 30 s a question, rounded up to 5 minutes: the depth choice and "min left" agree.
    assert_eq!(duration_text(72), "about 40 min");
    assert_eq!(duration_text(171), "about 1 h 30 min");
    assert_eq!(duration_text(240), "about 2 h");
    assert_eq!(duration_text(1), "about 5 min");
}
