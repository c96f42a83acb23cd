//! Roadmap ordering: by wave then priority; never level n+1 of a process
//! before its level n; actions are the questions below Fully.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Answer, Mode};
use itsm_maturity::domain::results::Horizon;
use itsm_maturity::domain::{evaluate, Action};
use proptest::prelude::*;

#[test]
fn steps_per_level_up_to_target_with_the_right_actions() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer(&mut a, "a", "a-2", Answer::L); // PA1.1 at 83 %: L -> level 1
    answer(&mut a, "a", "g-pa21", Answer::N);
    a.apply(Action::SetTarget { process: "a".into(), target: Some(4) }).unwrap();
    let r = evaluate(&c, &a);
    let pa = r.process("a").unwrap();
    assert_eq!((pa.level, pa.target), (1, 4));
    // Rule changed on purpose: levels 3 and 4 are fully answered, so they get
    // no step (a step always has actions); they follow once level 2 is reached.
    let steps: Vec<_> = r.roadmap.iter().filter(|s| s.process == "a").collect();
    assert_eq!(steps.iter().map(|s| s.level).collect::<Vec<_>>(), vec![2]);
    // Level 2 step: bring PA1.1 to F (a-2) and PA2.1 up (g-pa21).
    let qs: Vec<_> = steps[0].actions.iter().map(|x| x.question.as_str()).collect();
    assert_eq!(qs, vec!["a-2", "g-pa21"]);
    assert_eq!(steps[0].horizon, Horizon::Now);
    // With level 3 to do as well, its step is in the next wave.
    answer(&mut a, "a", "g-pa31", Answer::P);
    let r = evaluate(&c, &a);
    let steps: Vec<_> = r.roadmap.iter().filter(|s| s.process == "a").collect();
    assert_eq!(
        steps.iter().map(|s| (s.level, s.horizon)).collect::<Vec<_>>(),
        vec![(2, Horizon::Now), (3, Horizon::Next)]
    );
    assert!(r.roadmap.iter().all(|s| !s.actions.is_empty()), "never a step without actions");
}

#[test]
fn unanswered_questions_appear_as_to_assess() {
    let c = mini_catalog();
    let a = assessment();
    let r = evaluate(&c, &a);
    let first = r.roadmap.iter().find(|s| s.process == "b").unwrap();
    assert_eq!(first.level, 1);
    assert!(first.actions.iter().all(|x| x.to_assess));
    assert_eq!(first.actions.len(), 1, "quick mode: the one PA1.1 question");
}

#[test]
fn higher_priority_first_within_a_wave() {
    let c = mini_catalog();
    let a = assessment();
    let r = evaluate(&c, &a);
    let wave1: Vec<_> = r.roadmap.iter().filter(|s| s.wave == 1).map(|s| s.process.as_str()).collect();
    assert_eq!(wave1, vec!["b", "a"], "b (relevance 100) before a (91)");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn level_n_plus_1_never_before_level_n(
        answers in proptest::collection::vec(0usize..6, 30),
        imp_x in 0u8..=5, imp_y in 0u8..=5, target in proptest::option::of(0u8..=5),
    ) {
        let c = mini_catalog();
        let mut a = itsm_maturity::domain::Assessment::new("p", "p", "");
        a.apply(Action::SetMode(Mode::Full)).unwrap();
        a.apply(Action::SetObjectiveImportance { objective: "obj-x".into(), importance: imp_x }).unwrap();
        a.apply(Action::SetObjectiveImportance { objective: "obj-y".into(), importance: imp_y }).unwrap();
        a.apply(Action::SetTarget { process: "b".into(), target }).unwrap();
        let mut i = 0;
        for p in ["a", "b", "c"] {
            for q in c.questions_for(c.process(p).unwrap(), false) {
                answer(&mut a, p, &q.id, Answer::ALL[answers[i % answers.len()]]);
                i += 1;
            }
        }
        let r = evaluate(&c, &a);
        for (i, s) in r.roadmap.iter().enumerate() {
            for later in &r.roadmap[i + 1..] {
                if later.process == s.process {
                    prop_assert!(later.level > s.level, "{} level {} after {}", s.process, later.level, s.level);
                }
            }
            let p = r.process(&s.process).unwrap();
            prop_assert!(s.level > p.level && s.level <= p.target);
            prop_assert!(!s.actions.is_empty(), "a step without actions");
            prop_assert!(s.actions.iter().all(|x| !matches!(
                p.question(&x.question).unwrap().effective,
                itsm_maturity::domain::consensus::Effective::NotApplicable
            )), "an N/A question as an action");
        }
        // Waves never decrease along the roadmap.
        prop_assert!(r.roadmap.windows(2).all(|w| w[0].wave <= w[1].wave));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The app's own stable sort (used for every ordered list the user sees)
    /// orders exactly as the standard library's stable sort, ties in input order.
    #[test]
    fn sort_stable_matches_the_standard_stable_sort(keys in proptest::collection::vec(0u8..6, 0..120)) {
        let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let mut ours = tagged.clone();
        itsm_maturity::domain::sort_stable(&mut ours, |a, b| b.0.cmp(&a.0));
        let mut std_sorted = tagged;
        std_sorted.sort_by_key(|b| std::cmp::Reverse(b.0));
        prop_assert_eq!(ours, std_sorted);
    }
}
