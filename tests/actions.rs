//! Every change is an Action: applied, validated, serializable (round trip).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::*;
use itsm_maturity::domain::catalog::{Audience, ChangeRate, Sourcing};
use itsm_maturity::domain::format::{decode, Envelope};
use itsm_maturity::domain::Action;

fn all_actions() -> Vec<Action> {
    vec![
        Action::SetHeader(HeaderField::AssessmentName("Q4 review".into())),
        Action::SetHeader(HeaderField::Date("2026-11-23".into())),
        Action::SetHeader(HeaderField::OrgName("<img src=x onerror=alert(1)> & Co".into())),
        Action::SetHeader(HeaderField::Size(Some(SizeBand::Medium))),
        Action::SetHeader(HeaderField::Sector("Retail".into())),
        Action::SetHeader(HeaderField::Context("50 new sites".into())),
        Action::SetMode(Mode::Full),
        Action::SetObjectiveImportance { objective: "obj-x".into(), importance: 4 },
        Action::AddCustomObjective(CustomObjective {
            id: "co1".into(),
            name: "Menu customers can customize".into(),
            description: "d".into(),
            importance: 5,
            processes: vec![],
        }),
        Action::AddService(service("s1", "Website", 5, Audience::External, Sourcing::Inhouse, ChangeRate::Weekly)),
        Action::UpdateService(service(
            "s1",
            "Ordering website",
            4,
            Audience::External,
            Sourcing::Inhouse,
            ChangeRate::Daily,
        )),
        Action::SetScope { process: "c".into(), in_scope: Some(true) },
        Action::SetTarget { process: "c".into(), target: Some(3) },
        Action::SetRationale { process: "c".into(), rationale: "Board asked for it".into() },
        Action::Answer { key: QuestionKey::new("a", "a-1"), answer: Some(Answer::L) },
        Action::Note { key: QuestionKey::new("a", "a-1"), note: "See the runbook".into() },
        Action::AddParticipant(participant("p2")),
        Action::RenameParticipant { id: "p2".into(), name: "Dana".into() },
        Action::SetActiveParticipant { id: "p2".into() },
        Action::SetAgreed {
            key: QuestionKey::new("a", "a-1"),
            agreed: Some(Agreed { answer: Answer::P, note: String::new() }),
        },
        Action::AddDecision(Decision {
            id: "d1".into(),
            objective: "co1".into(),
            text: "Customers build their pizza on the website".into(),
            services: vec!["s1".into()],
        }),
        Action::AddDecision(Decision {
            id: "d2".into(),
            objective: "obj-x".into(),
            text: "Phone staff use the website".into(),
            services: vec![],
        }),
        Action::LinkService { decision: "d2".into(), service: "s1".into() },
        Action::UpdateDecision(Decision {
            id: "d2".into(),
            objective: "obj-x".into(),
            text: "Phone staff take orders through the website".into(),
            services: vec!["s1".into()],
        }),
        Action::UnlinkService { decision: "d1".into(), service: "s1".into() },
        Action::RemoveCustomObjective { id: "co1".into() },
    ]
}

#[test]
fn actions_round_trip_through_json() {
    for action in all_actions() {
        let text = serde_json::to_string(&action).unwrap();
        let back: Action = serde_json::from_str(&text).unwrap();
        assert_eq!(back, action, "{text}");
    }
}

#[test]
fn applying_all_actions_then_round_tripping_the_assessment() {
    let mut a = Assessment::new("rt", "Start", "");
    for action in all_actions() {
        a.apply(action.clone()).unwrap_or_else(|e| panic!("{action:?}: {e}"));
    }
    assert_eq!(a.name, "Q4 review");
    assert_eq!(a.organization.name, "<img src=x onerror=alert(1)> & Co");
    assert_eq!(a.services[0].name, "Ordering website");
    assert_eq!(a.active, "p2");
    assert_eq!(a.my_answer(&QuestionKey::new("a", "a-1")), None, "p2 has not answered");
    let p1 = a.participant("p1").unwrap();
    assert_eq!(
        p1.answers[&QuestionKey::new("a", "a-1")],
        AnswerEntry { answer: Some(Answer::L), note: "See the runbook".into() }
    );
    assert!(a.custom_objectives.is_empty());
    // Removing the custom objective removed its decision; the other one stays.
    assert_eq!(a.strategy.len(), 1);
    assert_eq!(a.strategy[0].text, "Phone staff take orders through the website");
    assert_eq!(a.strategy[0].services, vec!["s1".to_string()]);
    let text = Envelope::new(a.clone(), CatalogRef { id: "mini".into(), version: "1".into() }).encode();
    assert_eq!(decode(&text).unwrap().assessment, a);
}

#[test]
fn refused_actions_leave_the_assessment_unchanged() {
    let mut a = assessment();
    let before = a.clone();
    let bad = [
        (
            Action::SetObjectiveImportance { objective: "obj-x".into(), importance: 6 },
            "importance must be between 0 and 5 (got 6)",
        ),
        (
            Action::AddService(service("s", "S", 0, Audience::Internal, Sourcing::Saas, ChangeRate::Rarely)),
            "criticality must be between 1 and 5 (got 0)",
        ),
        (
            Action::AddService(service("s", "   ", 3, Audience::Internal, Sourcing::Saas, ChangeRate::Rarely)),
            "service name cannot be empty",
        ),
        (Action::SetTarget { process: "a".into(), target: Some(9) }, "target level must be between 0 and 5 (got 9)"),
        (Action::RemoveService { id: "nope".into() }, "there is no service with id \"nope\""),
        (Action::RemoveParticipant { id: "p1".into() }, "an assessment needs at least one participant"),
        (Action::SetActiveParticipant { id: "ghost".into() }, "there is no participant with id \"ghost\""),
        (
            Action::SetHeader(HeaderField::Date("23/11/2026".into())),
            "\"23/11/2026\" is not a date; use the form 2026-11-23",
        ),
        (
            Action::SetHeader(HeaderField::OrgName("x".repeat(MAX_NAME + 1))),
            "organization name is too long: at most 120 characters",
        ),
    ];
    for (action, msg) in bad {
        let err = a.apply(action).unwrap_err();
        assert_eq!(err.to_string(), msg);
        assert_eq!(a, before);
    }
}

#[test]
fn service_limit_and_duplicates() {
    let mut a = assessment();
    for i in 0..MAX_SERVICES {
        a.apply(Action::AddService(service(
            &format!("s{i}"),
            "S",
            3,
            Audience::Internal,
            Sourcing::Saas,
            ChangeRate::Rarely,
        )))
        .unwrap();
    }
    let e = a
        .apply(Action::AddService(service("extra", "S", 3, Audience::Internal, Sourcing::Saas, ChangeRate::Rarely)))
        .unwrap_err();
    assert_eq!(e.to_string(), "at most 100 services per assessment");
    let e = a
        .apply(Action::UpdateService(service(
            "missing",
            "S",
            3,
            Audience::Internal,
            Sourcing::Saas,
            ChangeRate::Rarely,
        )))
        .unwrap_err();
    assert_eq!(e.to_string(), "there is no service with id \"missing\"");
}

#[test]
fn clearing_an_answer_without_a_note_removes_the_entry() {
    let mut a = assessment();
    let key = QuestionKey::new("a", "a-1");
    a.apply(Action::Answer { key: key.clone(), answer: Some(Answer::F) }).unwrap();
    a.apply(Action::Answer { key: key.clone(), answer: None }).unwrap();
    assert!(a.participants[0].answers.is_empty());
    a.apply(Action::Note { key: key.clone(), note: "kept".into() }).unwrap();
    assert_eq!(a.my_answer(&key).unwrap().note, "kept");
}

#[test]
fn removing_the_active_participant_moves_to_another() {
    let mut a = assessment();
    a.apply(Action::AddParticipant(participant("p2"))).unwrap();
    a.apply(Action::SetActiveParticipant { id: "p2".into() }).unwrap();
    a.apply(Action::RemoveParticipant { id: "p2".into() }).unwrap();
    assert_eq!(a.active, "p1");
}

#[test]
fn duplicate_keeps_everything_under_a_new_id() {
    let mut a = assessment();
    answer(&mut a, "a", "a-1", Answer::F);
    let d = a.duplicate("copy", "Copy of Test");
    assert_eq!((d.id.as_str(), d.name.as_str()), ("copy", "Copy of Test"));
    assert_eq!(d.participants, a.participants);
    assert_eq!(d.objectives, a.objectives);
}

#[test]
fn follow_up_copies_the_context_not_the_answers() {
    let mut a = assessment();
    a.apply(Action::SetHeader(HeaderField::OrgName("Pizza&Pizza".into()))).unwrap();
    a.apply(Action::AddService(service("s1", "Web", 5, Audience::External, Sourcing::Inhouse, ChangeRate::Weekly)))
        .unwrap();
    a.apply(Action::SetTarget { process: "a".into(), target: Some(3) }).unwrap();
    a.apply(Action::AddParticipant(participant("p2"))).unwrap();
    answer(&mut a, "a", "a-1", Answer::F);
    let f = a.follow_up("f1", "2027-05-01");
    assert_eq!(f.baseline.as_deref(), Some("t1"));
    assert_eq!(f.name, "Test — follow-up");
    let mut named = a.clone();
    named.name = "Pizza&Pizza — baseline assessment".into();
    assert_eq!(named.follow_up("f2", "2027-05-01").name, "Pizza&Pizza — follow-up assessment");
    assert_eq!(f.date, "2027-05-01");
    assert_eq!(f.organization, a.organization);
    assert_eq!(f.services, a.services);
    assert_eq!(f.objectives, a.objectives);
    assert_eq!(f.scope, a.scope);
    assert_eq!(f.participants.len(), 1);
    assert!(f.participants[0].answers.is_empty());
    assert!(f.agreed.is_empty());
}

fn with_strategy() -> Assessment {
    let mut a = assessment();
    a.apply(Action::AddService(service("web", "Web", 5, Audience::External, Sourcing::Inhouse, ChangeRate::Weekly)))
        .unwrap();
    a.apply(Action::AddService(service("pay", "Pay", 4, Audience::External, Sourcing::Bought, ChangeRate::Monthly)))
        .unwrap();
    a.apply(Action::AddDecision(Decision {
        id: "d1".into(),
        objective: "obj-x".into(),
        text: "Card payment at the door".into(),
        services: vec!["pay".into(), "web".into()],
    }))
    .unwrap();
    a
}

#[test]
fn strategy_decisions_are_refused_with_a_typed_reason() {
    let mut a = with_strategy();
    let before = a.clone();
    let d = |objective: &str, text: &str, services: &[&str]| Decision {
        id: "d2".into(),
        objective: objective.into(),
        text: text.into(),
        services: services.iter().map(|s| s.to_string()).collect(),
    };
    let bad = [
        (Action::AddDecision(d("nope", "x", &[])), "there is no rated objective with id \"nope\""),
        (Action::AddDecision(d("obj-x", "  ", &[])), "decision text cannot be empty"),
        (
            Action::AddDecision(d("obj-x", &"x".repeat(MAX_DECISION_TEXT + 1), &[])),
            "decision text is too long: at most 300 characters",
        ),
        (Action::AddDecision(d("obj-x", "x", &["ghost"])), "there is no service with id \"ghost\""),
        (Action::AddDecision(d("obj-x", "x", &["web", "web"])), "a service link with id \"web\" already exists"),
        (
            Action::AddDecision(Decision { id: "d1".into(), ..d("obj-x", "x", &[]) }),
            "a decision with id \"d1\" already exists",
        ),
        (Action::UpdateDecision(d("obj-x", "x", &[])), "there is no decision with id \"d2\""),
        (Action::RemoveDecision { id: "d9".into() }, "there is no decision with id \"d9\""),
        (
            Action::LinkService { decision: "d1".into(), service: "ghost".into() },
            "there is no service with id \"ghost\"",
        ),
        (Action::LinkService { decision: "d9".into(), service: "web".into() }, "there is no decision with id \"d9\""),
        (
            Action::LinkService { decision: "d1".into(), service: "web".into() },
            "a service link with id \"web\" already exists",
        ),
        (
            Action::UnlinkService { decision: "d1".into(), service: "x".into() },
            "there is no service link with id \"x\"",
        ),
    ];
    for (action, msg) in bad {
        assert_eq!(a.apply(action).unwrap_err().to_string(), msg);
        assert_eq!(a, before);
    }
    // An unrated catalog objective cannot take a decision; once rated it can.
    a.apply(Action::SetObjectiveImportance { objective: "obj-x".into(), importance: 0 }).unwrap();
    assert!(a.apply(Action::AddDecision(d("obj-x", "x", &[]))).is_err());
    assert_eq!(a.strategy.len(), 1, "rating it 0 keeps its decisions");
    a.apply(Action::SetObjectiveImportance { objective: "obj-x".into(), importance: 2 }).unwrap();
    a.apply(Action::AddDecision(d("obj-x", "x", &[]))).unwrap();
    // Limit.
    for i in a.strategy.len()..MAX_DECISIONS {
        a.apply(Action::AddDecision(Decision { id: format!("n{i}"), ..d("obj-x", "x", &[]) })).unwrap();
    }
    let e = a.apply(Action::AddDecision(Decision { id: "over".into(), ..d("obj-x", "x", &[]) })).unwrap_err();
    assert_eq!(e.to_string(), "at most 100 strategy decisions per assessment");
}

#[test]
fn removing_a_service_unlinks_it_from_every_decision() {
    let mut a = with_strategy();
    a.apply(Action::RemoveService { id: "pay".into() }).unwrap();
    assert_eq!(a.strategy[0].services, vec!["web".to_string()]);
    a.apply(Action::RemoveDecision { id: "d1".into() }).unwrap();
    assert!(a.strategy.is_empty());
    // The follow-up keeps the strategy.
    let a = with_strategy();
    assert_eq!(a.follow_up("f", "2027-01-01").strategy, a.strategy);
}
