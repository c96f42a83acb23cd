//! Several participants: median, spread, agreed answers driving the result.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Agreed, Answer, QuestionKey};
use itsm_maturity::domain::consensus::{Effective, Tally};
use itsm_maturity::domain::{evaluate, Action};
use Answer::*;

#[test]
fn median_odd_and_even_counts() {
    assert_eq!(Tally::of([N, L, F]).median(), Some(2.0));
    assert_eq!(Tally::of([F, N, P, F]).median(), Some(2.0), "P and F in the middle: 2 steps");
    assert_eq!(Tally::of([N, P]).median(), Some(0.5));
    assert_eq!(Tally::of([L]).median(), Some(2.0));
    assert_eq!(Tally::of([]).median(), None);
}

#[test]
fn na_and_dk_are_left_out_of_median_and_spread() {
    let t = Tally::of([NA, P, DK, L, NA]);
    assert_eq!(t.scored(), 2);
    assert_eq!((t.not_applicable, t.dont_know), (2, 1));
    assert_eq!(t.median(), Some(1.5));
    assert_eq!(t.spread(), 1);
}

#[test]
fn spread_in_steps() {
    assert_eq!(Tally::of([N, F]).spread(), 3);
    assert_eq!(Tally::of([P, P, L]).spread(), 1);
    assert_eq!(Tally::of([F]).spread(), 0);
    assert_eq!(Tally::of([DK, NA]).spread(), 0);
}

#[test]
fn effective_answer_prefers_agreed_then_median_then_na() {
    assert_eq!(Effective::resolve(None, &Tally::of([NA, DK])), Effective::NotApplicable);
    assert_eq!(Effective::resolve(None, &Tally::of([DK])), Effective::Unanswered { dont_know: true });
    assert_eq!(Effective::resolve(None, &Tally::of([])), Effective::Unanswered { dont_know: false });
    assert_eq!(Effective::resolve(Some(P), &Tally::of([F, F])), Effective::Scored(1.0));
    assert_eq!(Effective::resolve(Some(NA), &Tally::of([F])), Effective::NotApplicable);
}

#[test]
fn three_participants_drive_the_result_through_the_median() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::AddParticipant(participant("p2"))).unwrap();
    a.apply(Action::AddParticipant(participant("p3"))).unwrap();
    for (who, ans) in [("p1", N), ("p2", F), ("p3", L)] {
        a.apply(Action::SetActiveParticipant { id: who.into() }).unwrap();
        answer(&mut a, "a", "a-1", ans);
    }
    let r = evaluate(&c, &a);
    let q = &r.process("a").unwrap().questions[0];
    assert_eq!(q.question, "a-1");
    assert_eq!(q.tally.steps, [1, 0, 1, 1]);
    assert_eq!(q.tally.spread(), 3);
    assert_eq!(q.effective, Effective::Scored(2.0));
    assert_eq!(r.process("a").unwrap().level, 1, "median L -> PA1.1 L -> level 1");

    // The facilitator agrees on P: the result follows.
    a.apply(Action::SetAgreed {
        key: QuestionKey::new("a", "a-1"),
        agreed: Some(Agreed { answer: P, note: "evidence thin".into() }),
    })
    .unwrap();
    let r = evaluate(&c, &a);
    assert_eq!(r.process("a").unwrap().questions[0].effective, Effective::Scored(1.0));
    assert_eq!(r.process("a").unwrap().level, 0);
}

#[test]
fn thirty_participants_even_and_mixed() {
    let c = mini_catalog();
    let mut a = assessment();
    for i in 2..=30 {
        a.apply(Action::AddParticipant(participant(&format!("p{i}")))).unwrap();
    }
    for i in 1..=30 {
        a.apply(Action::SetActiveParticipant { id: format!("p{i}") }).unwrap();
        let ans = match i % 5 {
            0 => NA,
            1 => DK,
            2 => P,
            3 => L,
            _ => F,
        };
        answer(&mut a, "b", "b-1", ans);
    }
    let r = evaluate(&c, &a);
    let q = &r.process("b").unwrap().questions[0];
    // 6 each of NA, DK, P, L, F: scored 18 -> median between 9th and 10th = L.
    assert_eq!(q.tally.scored(), 18);
    assert_eq!(q.tally.median(), Some(2.0));
    assert_eq!(q.tally.spread(), 2);
}

#[test]
fn unknown_answer_keys_are_kept_and_reported() {
    let c = mini_catalog();
    let mut a = assessment();
    answer(&mut a, "a", "retired-question", F);
    answer(&mut a, "zzz", "a-1", L);
    let r = evaluate(&c, &a);
    assert_eq!(r.unknown_answers, vec![QuestionKey::new("a", "retired-question"), QuestionKey::new("zzz", "a-1")]);
    assert_eq!(a.participants[0].answers.len(), 2, "kept in the assessment");
}

#[test]
fn a_distribution_reads_in_scale_order_and_counts_who_did_not_answer() {
    let t = Tally::of([L, N, P, P, F, P, NA, DK, DK]);
    assert_eq!(t.counts(), vec![("N", 1), ("P", 3), ("L", 1), ("F", 1), ("N/A", 1), ("?", 2)]);
    assert_eq!(t.answered(), 9);
    assert_eq!(t.summary(12), "N 1 · P 3 · L 1 · F 1 · N/A 1 · ? 2 · 3 not answered");
    // Answers nobody gave are left out; nobody missing, nothing said about it.
    assert_eq!(Tally::of([F, F, P]).summary(3), "P 1 · F 2");
    assert_eq!(Tally::default().summary(0), "No answers yet");
    assert_eq!(Tally::default().summary(20), "20 not answered");
}

#[test]
fn a_group_split_into_two_camps_is_named_so() {
    // 10 N and 10 L: the median is P, which nobody said.
    let t = Tally::of(std::iter::repeat_n(N, 10).chain(std::iter::repeat_n(L, 10)));
    assert_eq!(t.median(), Some(1.0));
    assert_eq!(t.split(), Some((0, 2)));
    // Neighbouring middle answers, or an odd count, are no split.
    assert_eq!(Tally::of([P, L]).split(), None);
    assert_eq!(Tally::of([N, L, F]).split(), None);
    assert_eq!(Tally::of([N, N, F, F]).split(), Some((0, 3)));
}

#[test]
fn a_split_group_is_named_as_two_camps_and_a_flat_one_as_no_majority() {
    use itsm_maturity::domain::consensus::Stance;
    let many = |n: &[(Answer, usize)]| Tally::of(n.iter().flat_map(|(a, k)| std::iter::repeat_n(*a, *k)));
    // Ten say N, ten say L: no median nobody gave.
    assert_eq!(
        many(&[(Answer::N, 10), (Answer::L, 10)]).stance().unwrap().text(),
        "Split: 10 say N, 10 say L — agree an answer"
    );
    assert_eq!(
        many(&[(Answer::P, 1), (Answer::F, 1), (Answer::DK, 1)]).stance().unwrap().text(),
        "Split: 1 says P, 1 says F — agree an answer"
    );
    // Camps of more than one answer say so.
    assert_eq!(
        many(&[(Answer::N, 3), (Answer::P, 2), (Answer::F, 5)]).stance().unwrap().text(),
        "Split: 5 say P or lower, 5 say F — agree an answer"
    );
    // Spread over the scale, nobody holds half.
    let flat = many(&[(Answer::N, 5), (Answer::P, 5), (Answer::L, 5), (Answer::F, 5)]);
    assert_eq!(flat.stance(), Some(Stance::NoMajority));
    assert_eq!(flat.stance().unwrap().text(), "No majority — agree an answer");
    assert_eq!(many(&[(Answer::F, 1), (Answer::P, 1), (Answer::N, 1)]).stance(), Some(Stance::NoMajority));
    // A majority: its median stands.
    assert_eq!(many(&[(Answer::N, 2), (Answer::L, 1)]).stance().unwrap().text(), "median N");
    assert_eq!(many(&[(Answer::P, 3), (Answer::L, 3)]).stance().unwrap().text(), "median between P and L");
    assert_eq!(Tally::of([Answer::NA]).stance(), None);
}
