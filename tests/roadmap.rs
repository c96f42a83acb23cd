//! Roadmap ordering: by wave then priority; never level n+1 of a process
//! before its level n; actions are the questions below Fully; generic
//! actions shared by three or more processes become initiatives; nothing lost.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Answer, Mode};
use itsm_maturity::domain::consensus::Effective;
use itsm_maturity::domain::results::{Horizon, Initiative};
use itsm_maturity::domain::roadmap::{later_line, name_list, shared_line, INITIATIVE_MIN_PROCESSES};
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Action, Attribute, Catalog};
use proptest::prelude::*;
use std::collections::BTreeSet;

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

/// Every question that must rise for the target, as (process, question):
/// in scope, below target, level ≤ target, neither Fully nor N/A.
fn needed(r: &itsm_maturity::domain::Results) -> BTreeSet<(String, String)> {
    r.in_scope()
        .filter(|p| p.gap > 0)
        .flat_map(|p| {
            p.questions
                .iter()
                .filter(|q| q.level <= p.target && !q.effective.is_fully() && q.effective != Effective::NotApplicable)
                .map(|q| (p.id.clone(), q.question.clone()))
        })
        .collect()
}

/// Every (process, question) the roadmap lists, in step actions or initiatives; panics on a duplicate.
fn listed(r: &itsm_maturity::domain::Results) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for s in &r.roadmap {
        for a in &s.actions {
            assert!(out.insert((s.process.clone(), a.question.clone())), "{} {} twice", s.process, a.question);
        }
    }
    for i in &r.initiatives {
        for it in &i.processes {
            assert!(out.insert((it.process.clone(), i.question.clone())), "{} {} twice", it.process, i.question);
        }
    }
    out
}

/// Full mode, processes a, b and c in scope with target 2, every question answered Fully.
fn all_fully_at_target_two(c: &Catalog) -> itsm_maturity::domain::Assessment {
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    for p in ["a", "b", "c"] {
        a.apply(Action::SetScope { process: p.into(), in_scope: Some(true) }).unwrap();
        a.apply(Action::SetTarget { process: p.into(), target: Some(2) }).unwrap();
        answer_all(c, &mut a, p, Answer::F);
    }
    a
}

#[test]
fn a_generic_action_in_three_processes_steps_becomes_one_initiative() {
    let c = mini_catalog();
    let mut a = all_fully_at_target_two(&c);
    for p in ["a", "b", "c"] {
        answer(&mut a, p, &format!("{p}-2"), Answer::P); // process-specific: stays in the step
        answer(&mut a, p, "g-pa21", Answer::N); // shared by three: an initiative
    }
    answer(&mut a, "a", "g-pa22", Answer::L); // only a and b: stays in their steps
    answer(&mut a, "b", "g-pa22", Answer::L);
    let r = evaluate(&c, &a);
    assert_eq!(r.initiatives.len(), 1);
    let init = &r.initiatives[0];
    assert_eq!((init.id.as_str(), init.attribute, init.level), ("g-pa21", Attribute::Pa21, 2));
    let served: Vec<&str> = init.processes.iter().map(|x| x.process.as_str()).collect();
    let order: Vec<&str> = r.roadmap.iter().map(|s| s.process.as_str()).collect();
    assert_eq!(served, order, "in roadmap order");
    // The action speaks of the processes together; they are listed beside it, each with its level.
    assert_eq!(init.text, "Do PA2.1 for each of these processes.");
    assert!(init.processes.iter().all(|x| x.step_level == 2 && x.wave == 1 && !x.to_assess));
    for s in &r.roadmap {
        assert_eq!(s.initiatives, vec!["g-pa21".to_string()]);
        let own: Vec<&str> = s.actions.iter().map(|x| x.question.as_str()).collect();
        let mut want = vec![format!("{}-2", s.process)];
        if s.process != "c" {
            want.push("g-pa22".into());
        }
        assert_eq!(own, want, "{}: its process-specific actions and the unshared generic one", s.process);
    }
    assert_eq!(r.action_lines(), 3 + 2 + 1);
    assert_eq!(listed(&r), needed(&r), "no question lost");
    // Not yet assessed anywhere: the initiative is to find out first.
    let mut fresh = assessment();
    for p in ["a", "b", "c"] {
        fresh.apply(Action::SetScope { process: p.into(), in_scope: Some(true) }).unwrap();
        fresh.apply(Action::SetTarget { process: p.into(), target: Some(2) }).unwrap();
    }
    let r = evaluate(&c, &fresh);
    assert!(r
        .initiatives
        .iter()
        .all(|i| i.text.starts_with("Find out: Is PA2.") && i.processes.iter().all(|x| x.to_assess)));
}

#[test]
fn a_process_that_still_has_to_perform_its_work_joins_shared_planning_later() {
    let c = mini_catalog();
    let mut a = all_fully_at_target_two(&c);
    for p in ["a", "b", "c"] {
        answer(&mut a, p, "g-pa21", Answer::N);
    }
    answer(&mut a, "c", "c-1", Answer::N); // c is at level 0: its PA2.1 work is in its Next step
    let r = evaluate(&c, &a);
    assert_eq!(r.process("c").unwrap().level, 0);
    assert!(r.initiatives.is_empty(), "2 processes in Now and 1 in Next share no initiative: {:?}", r.initiatives);
    let horizon_of = |p: &str| {
        r.roadmap.iter().find(|s| s.actions.iter().any(|x| x.question == "g-pa21") && s.process == p).map(|s| s.horizon)
    };
    assert_eq!(
        (horizon_of("a"), horizon_of("b"), horizon_of("c")),
        (Some(Horizon::Now), Some(Horizon::Now), Some(Horizon::Next))
    );
    assert_eq!(listed(&r), needed(&r), "no question lost");
}

#[test]
fn name_lists_read_naturally() {
    assert_eq!(name_list(&["a"]), "a");
    assert_eq!(name_list(&["a", "b"]), "a and b");
    assert_eq!(name_list(&["a", "b", "c", "d"]), "a, b, c and d");
    assert_eq!(name_list(&["a", "b", "c", "d", "e"]), "a, b, c and 2 more processes");
}

#[test]
fn the_sample_roadmap_groups_shared_actions_and_loses_no_question() {
    let c = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let r = evaluate(&c, &a);
    assert_eq!(listed(&r), needed(&r), "every question to raise is in a step or in an initiative");
    let before = needed(&r).len();
    // The generic actions shared in one horizon collapse into initiatives, each
    // serving ≥ 3 processes whose steps are all in that horizon.
    assert!(!r.initiatives.is_empty() && r.initiatives.len() <= 14);
    assert!(r.initiatives.iter().all(|i| i.processes.len() >= INITIATIVE_MIN_PROCESSES && i.level >= 2));
    for i in &r.initiatives {
        for x in &i.processes {
            assert_eq!(Horizon::of_wave(x.wave), i.horizon, "{} serves {} in another horizon", i.id, x.process_name);
            let p = r.process(&x.process).unwrap();
            if i.horizon == Horizon::Now {
                assert_eq!(x.step_level, p.level + 1, "Now work of {} is for its next level", p.name);
            }
        }
    }
    // A generic action left in a step is one that fewer than 3 processes need in its horizon.
    for s in &r.roadmap {
        for x in s.actions.iter().filter(|x| x.attribute != Attribute::Pa11) {
            let same = r
                .roadmap
                .iter()
                .filter(|o| o.horizon == s.horizon && o.actions.iter().any(|y| y.question == x.question));
            assert!(same.count() < INITIATIVE_MIN_PROCESSES, "{} of {} could be shared", x.question, s.process_name);
        }
        for id in &s.initiatives {
            assert!(r
                .initiative(id)
                .unwrap()
                .processes
                .iter()
                .any(|x| x.process == s.process && x.step_level == s.level));
        }
    }
    // The sample: five processes at level 1 plan their work now (PA2.1/PA2.2,
    // six initiatives); the three at level 0 (information security, supplier,
    // problem) first perform theirs, and join the same work in Next, as six
    // initiatives of their own that the Now ones point to.
    let now: Vec<&Initiative> = r.initiatives.iter().filter(|i| i.horizon == Horizon::Now).collect();
    assert_eq!(now.len(), 6);
    for i in &now {
        assert_eq!(i.processes.len(), 5, "{}", i.id);
        let line = later_line(&r, i).unwrap();
        let next = r.initiatives.iter().position(|x| x.id == format!("{}@next", i.id)).unwrap();
        // Named as the roadmap shows it: its number and the catalog's title.
        assert_eq!(r.initiatives[next].title, i.title, "{}", i.id);
        assert_eq!(
            line,
            format!(
                "Information security management, Supplier management and Problem management join in Next (shared initiative #{}).",
                next + 1
            )
        );
    }
    // Every initiative of the default catalog carries the catalog's own title,
    // never the first clause of its action.
    for i in &r.initiatives {
        let q = c.generic_questions.iter().find(|q| q.id == i.question).unwrap();
        assert_eq!(Some(&i.title), q.title.as_ref(), "{}", i.id);
    }
    // A step names its initiatives: by number and name when it is one, by
    // number when several (they are listed with their names in its horizon).
    let step = r.roadmap.iter().find(|s| s.initiatives.len() > 1 && !s.actions.is_empty()).unwrap();
    let numbers: Vec<String> = r.initiative_refs(step).iter().map(|(n, _)| format!("#{n}")).collect();
    let (last, first) = numbers.split_last().unwrap();
    assert_eq!(
        shared_line(&r, step).unwrap(),
        format!("Also part of shared initiatives {} and {last}.", first.join(", "))
    );
    let mut one = r.clone();
    let k = one.roadmap.iter().position(|s| s.process == step.process && s.level == step.level).unwrap();
    one.roadmap[k].initiatives.truncate(1);
    let (n, i) = one.initiative_refs(&one.roadmap[k])[0];
    assert_eq!(
        shared_line(&one, &one.roadmap[k]).unwrap(),
        format!("Also part of shared initiative #{n} {}.", i.title)
    );
    one.roadmap[k].actions.clear();
    assert!(shared_line(&one, &one.roadmap[k]).unwrap().starts_with("Its work is in shared initiative #"));
    one.roadmap[k].initiatives.clear();
    assert_eq!(shared_line(&one, &one.roadmap[k]), None);
    let owners = r.initiatives.iter().position(|i| i.question == "pa21-responsibilities").unwrap();
    assert_eq!(
        r.initiatives[owners].summary(owners + 1),
        format!(
            "Shared initiative #{}: Owners and clear responsibilities for steps and handovers (PA2.1, a level-2 \
             attribute), for 5 processes",
            owners + 1
        )
    );
    // Lines a reader goes through: every step's own actions plus one per initiative.
    let own = r.roadmap.iter().map(|s| s.actions.len()).sum::<usize>();
    assert_eq!(r.action_lines(), own + r.initiatives.len());
    assert!(r.action_lines() < before, "{} lines for {before} questions", r.action_lines());
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
            prop_assert!(!s.actions.is_empty() || !s.initiatives.is_empty(), "a step without work");
            prop_assert!(s.actions.iter().all(|x| !matches!(
                p.question(&x.question).unwrap().effective,
                itsm_maturity::domain::consensus::Effective::NotApplicable
            )), "an N/A question as an action");
        }
        // Waves never decrease along the roadmap.
        prop_assert!(r.roadmap.windows(2).all(|w| w[0].wave <= w[1].wave));
        // No question lost or listed twice, and initiatives serve 3+ processes.
        prop_assert_eq!(listed(&r), needed(&r));
        prop_assert!(r.initiatives.iter().all(|i| i.processes.len() >= INITIATIVE_MIN_PROCESSES));
        // An initiative serves only steps of its own horizon.
        prop_assert!(r.initiatives.iter().all(|i| i.processes.iter().all(|x| Horizon::of_wave(x.wave) == i.horizon)));
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

#[test]
fn a_shared_action_speaks_of_these_processes_without_saying_each_twice() {
    use itsm_maturity::domain::roadmap::for_these_processes;
    assert_eq!(
        for_these_processes("Name an owner for {process}, and share it."),
        "Name an owner for each of these processes, and share it."
    );
    assert_eq!(
        for_these_processes("Compare the people in each role of {process} with the role's profile."),
        "Compare the people in each role of these processes with the role's profile."
    );
    assert_eq!(
        for_these_processes("For each proposed change to {process}, estimate the gain; once {process} is stable, act."),
        "For each proposed change to these processes, estimate the gain; once each of these processes is stable, act."
    );
    // The sample's shared work reads this way on the roadmap.
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    assert!(r.initiatives.iter().all(|i| !i.text.contains("{process}") && !i.text.contains("each of each")));
    assert!(r.initiatives.iter().any(|i| i.text.starts_with("Name an owner for each of these processes, ")));
    // The same work in a later round names its horizon where it stands alone.
    let later = r.initiatives.iter().position(|i| i.id.ends_with("@next")).unwrap();
    assert!(
        r.initiatives[later].summary(later + 1).contains(", Next (PA2."),
        "{}",
        r.initiatives[later].summary(later + 1)
    );
}
