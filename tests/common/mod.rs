//! Shared test fixtures: a small valid catalog and assessment builders.
#![allow(dead_code)]

use itsm_maturity::domain::assessment::{Answer, Assessment, Mode, Participant, QuestionKey, Service};
use itsm_maturity::domain::catalog::{Audience, ChangeRate, Sourcing};
use itsm_maturity::domain::{Action, Catalog};
use serde_json::{json, Value};

/// A small valid catalog as JSON: three processes (a, b, c), two PA1.1
/// questions each, one generic question per attribute PA2.1..PA5.2.
pub fn mini_catalog_json() -> Value {
    let attrs = [
        ("PA2.1", 2),
        ("PA2.2", 2),
        ("PA3.1", 3),
        ("PA3.2", 3),
        ("PA4.1", 4),
        ("PA4.2", 4),
        ("PA5.1", 5),
        ("PA5.2", 5),
    ];
    let generic: Vec<Value> = attrs
        .iter()
        .map(|(a, _)| {
            let id = format!("g-{}", a.to_lowercase().replace('.', ""));
            json!({"id": id, "attribute": a, "quick": true, "text": format!("Is {a} done for {{process}}?"), "action": format!("Do {a} for {{process}}.")})
        })
        .collect();
    let process = |id: &str| {
        json!({
            "id": id, "name": format!("Process {id}"), "term": format!("process {id}"), "purpose": "To test.",
            "fitsm": ["PR1"], "itil": ["Test"],
            "questions": [
                {"id": format!("{id}-1"), "quick": true, "text": "First?", "action": "Do the first."},
                {"id": format!("{id}-2"), "text": "Second?", "action": "Do the second."}
            ]
        })
    };
    let mut attributes = vec![json!({"id": "PA1.1", "level": 1, "name": "Process performance", "description": "d"})];
    attributes.extend(attrs.iter().map(|(a, l)| json!({"id": a, "level": l, "name": a, "description": "d"})));
    json!({
        "format": "itsm-catalog", "format_version": 1, "id": "mini", "version": "1.0.0", "name": "Mini", "description": "",
        "answers": {"N": "n", "P": "p", "L": "l", "F": "f", "NA": "na", "DK": "dk"},
        "levels": (0..=5).map(|l| json!({"level": l, "name": format!("L{l}"), "description": "d"})).collect::<Vec<_>>(),
        "attributes": attributes,
        "generic_questions": generic,
        "processes": [process("a"), process("b"), process("c")],
        "objectives": [
            {"id": "obj-x", "name": "Objective X", "description": "d", "processes": [{"process": "a", "weight": 2}, {"process": "b", "weight": 1}]},
            {"id": "obj-y", "name": "Objective Y", "description": "d", "processes": [{"process": "b", "weight": 2}]}
        ],
        "service_rules": [
            {"id": "supplied", "label": "provided by a supplier", "when": {"sourcing": ["bought", "outsourced", "saas"]}, "raises": [{"process": "c", "points": 3}]},
            {"id": "fast", "label": "changes weekly or daily", "when": {"change_rate": ["weekly", "daily"], "min_criticality": 3}, "raises": [{"process": "b", "points": 2}]}
        ]
    })
}

pub fn mini_catalog() -> Catalog {
    Catalog::parse(&mini_catalog_json().to_string()).expect("mini catalog is valid")
}

/// A quick scan with every process in scope (objective X and Y rated).
pub fn assessment() -> Assessment {
    let mut a = Assessment::new("t1", "Test", "2026-11-23");
    a.apply(Action::SetMode(Mode::Quick)).unwrap();
    a.apply(Action::SetObjectiveImportance { objective: "obj-x".into(), importance: 5 }).unwrap();
    a.apply(Action::SetObjectiveImportance { objective: "obj-y".into(), importance: 3 }).unwrap();
    a
}

pub fn answer(a: &mut Assessment, process: &str, question: &str, ans: Answer) {
    a.apply(Action::Answer { key: QuestionKey::new(process, question), answer: Some(ans) }).unwrap();
}

/// Every question of `process` (full mode) answered with `ans`.
pub fn answer_all(c: &Catalog, a: &mut Assessment, process: &str, ans: Answer) {
    let p = c.process(process).unwrap();
    for q in c.questions_for(p, false) {
        answer(a, process, &q.id, ans);
    }
}

pub fn participant(id: &str) -> Participant {
    Participant { id: id.into(), name: format!("Person {id}"), ..Default::default() }
}

pub fn service(id: &str, name: &str, crit: u8, audience: Audience, sourcing: Sourcing, rate: ChangeRate) -> Service {
    Service {
        id: id.into(),
        name: name.into(),
        description: String::new(),
        criticality: crit,
        audience: vec![audience],
        sourcing,
        change_rate: rate,
    }
}

/// Mini catalog, full mode, three people who disagree: a-1 N/L/F (spread 3),
/// a-2 P/L/L (1), b-1 F/P/NA (2), b-2 DK/N/L (2).
pub fn three_people() -> Assessment {
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    a.apply(Action::AddParticipant(participant("p2"))).unwrap();
    a.apply(Action::AddParticipant(participant("p3"))).unwrap();
    // a-1: N, L, F (spread 3) · a-2: P, L, L (1) · b-1: F, P, NA (2) · b-2: DK, N, L (2)
    let plan = [
        ("a", "a-1", [Answer::N, Answer::L, Answer::F]),
        ("a", "a-2", [Answer::P, Answer::L, Answer::L]),
        ("b", "b-1", [Answer::F, Answer::P, Answer::NA]),
        ("b", "b-2", [Answer::DK, Answer::N, Answer::L]),
    ];
    for (i, who) in ["p1", "p2", "p3"].iter().enumerate() {
        a.apply(Action::SetActiveParticipant { id: who.to_string() }).unwrap();
        for (p, q, ans) in plan {
            answer(&mut a, p, q, ans[i]);
        }
    }
    a
}

/// The Pizza&Pizza sample and its follow-up in which supplier management is
/// now fully in place and change management's planning (PA2.1) went up to F,
/// for all three participants: (baseline, follow-up).
pub fn pizza_follow_up() -> (itsm_maturity::domain::Results, itsm_maturity::domain::Results) {
    use itsm_maturity::domain::evaluate;
    let c = Catalog::default_catalog();
    let base = itsm_maturity::domain::sample::sample().unwrap().assessment;
    let mut next = base.clone();
    for part in &mut next.participants {
        for q in c.questions_for(c.process("supplier").unwrap(), false) {
            part.answers.get_mut(&QuestionKey::new("supplier", &q.id)).unwrap().answer = Some(Answer::F);
        }
        part.answers.get_mut(&QuestionKey::new("change", "pa21-planning")).unwrap().answer = Some(Answer::F);
    }
    (evaluate(&c, &base), evaluate(&c, &next))
}

pub mod svg;
