//! The Pizza&Pizza sample, written by hand from the case: it loads like any
//! file, tells the case's chain (objectives → strategy → services →
//! processes) and nothing else, its three participants answer every question
//! of the processes in scope, and every note agrees with the answer it sits on.

#![cfg(not(target_arch = "wasm32"))]

use itsm_maturity::domain::assessment::{Answer, Mode};
use itsm_maturity::domain::catalog::Sourcing;
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::workshop::discuss_list;
use itsm_maturity::domain::{evaluate, Catalog};
use std::collections::BTreeSet;

/// The processes the case names: website development and its support; the
/// payment system's administration, hardware and software support; incident,
/// problem and change; plus security, which card payment brings in.
const CASE_PROCESSES: [&str; 8] =
    ["software-development", "service-desk", "infrastructure", "supplier", "incident", "problem", "change", "security"];

#[test]
fn sample_loads_and_every_participant_answers_every_question_in_scope() {
    let env = sample().unwrap();
    let c = Catalog::default_catalog();
    assert_eq!((env.catalog.id.as_str(), env.catalog.version.as_str()), (c.id.as_str(), c.version.as_str()));
    let a = env.assessment;
    assert_eq!(a.organization.name, "Pizza&Pizza");
    assert_eq!(a.mode, Mode::Target, "the sample asks up to one level above each target");
    let r = evaluate(&c, &a);
    assert!(r.unknown_answers.is_empty(), "{:?}", r.unknown_answers);
    let in_scope: BTreeSet<&str> = r.in_scope().map(|p| p.id.as_str()).collect();
    assert_eq!(in_scope, BTreeSet::from(CASE_PROCESSES));
    assert_eq!(a.scope.len(), c.processes.len(), "every process has a scope decision");
    assert!(a.scope.values().all(|d| !d.rationale.trim().is_empty()), "every decision says why");
    assert_eq!(a.participants.len(), 3);
    for part in &a.participants {
        let mut expected = BTreeSet::new();
        for id in CASE_PROCESSES {
            let p = c.process(id).unwrap();
            expected.extend(c.questions_for(p, false).into_iter().map(|q| format!("{id}/{}", q.id)));
        }
        let given: BTreeSet<String> =
            part.answers.iter().filter(|(_, e)| e.answer.is_some()).map(|(k, _)| k.0.clone()).collect();
        assert_eq!(given, expected, "{} answers exactly the questions in scope", part.name);
    }
    assert_eq!(r.completion(), 1.0);
}

#[test]
fn the_sample_tells_the_case_and_nothing_else() {
    let a = sample().unwrap().assessment;
    // Two objectives, both the case's own, both rated 5; no catalog objective rated.
    let names: Vec<&str> = a.custom_objectives.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["A menu customers can customize", "Card payment on delivery and online"]);
    assert!(a.custom_objectives.iter().all(|o| o.importance == 5));
    assert!(a.objectives.values().all(|&v| v == 0), "{:?}", a.objectives);
    // IT delivers two services; telephony is the telecom company's.
    let services: Vec<(&str, Sourcing)> = a.services.iter().map(|s| (s.name.as_str(), s.sourcing)).collect();
    assert_eq!(services, [("Ordering website", Sourcing::Inhouse), ("Payment system", Sourcing::Bought)]);
    assert!(a.organization.context.contains("Telephony is outsourced to a telecom company"));
    assert!(a.organization.context.contains("50 delivery points"));
    // The strategy: orders by website and phone (phone staff on the website); card payment at the door and online.
    let decisions: Vec<(&str, &str, Vec<&str>)> = a
        .strategy
        .iter()
        .map(|d| (d.objective.as_str(), d.text.as_str(), d.services.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        decisions,
        [
            (
                "custom-menu",
                "Take orders on the website and by phone, with the phone staff entering phone orders on the website.",
                vec!["svc-website"]
            ),
            ("custom-card-payment", "Take card payment on delivery.", vec!["svc-payment"]),
            (
                "custom-card-payment",
                "Take card payment on the website after ordering.",
                vec!["svc-payment", "svc-website"]
            ),
        ]
    );
}

#[test]
fn supplier_management_is_reached_through_the_whole_chain() {
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    let supplier = r.process("supplier").unwrap();
    let reasons = supplier.relevance.top_reasons(10).join("\n");
    assert!(
        reasons.contains(
            "Service “Payment system” (bought and customized, criticality 5 of 5), which “Card payment on delivery \
             and online” (importance 5 of 5) relies on through the decision “Take card payment on delivery”"
        ),
        "{reasons}"
    );
    assert!(
        reasons.contains(
            "Objective “Card payment on delivery and online” (importance 5 of 5) relies heavily on this process"
        ),
        "{reasons}"
    );
    // Change: the website changes weekly.
    let change = r.process("change").unwrap();
    assert!(change
        .relevance
        .top_reasons(3)
        .join("\n")
        .contains("Service “Ordering website” (changes weekly or daily, criticality 5 of 5)"));
    assert_eq!((change.target, change.target_overridden), (3, true));
}

#[test]
fn suggested_and_set_targets_stay_at_or_below_3() {
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    for p in &r.processes {
        assert!(p.suggested_target.unwrap_or(0) <= 3, "{}: suggested {:?}", p.id, p.suggested_target);
        assert!(p.target <= 3, "{}: target {}", p.id, p.target);
    }
}

#[test]
fn the_profile_is_a_young_capable_team() {
    let c = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let r = evaluate(&c, &a);
    let level = |id: &str| r.process(id).unwrap().level;
    for id in ["service-desk", "incident", "change", "infrastructure", "software-development"] {
        assert_eq!(level(id), 1, "{id}: daily operations work");
    }
    for id in ["supplier", "problem", "security"] {
        assert_eq!(level(id), 0, "{id}: not yet reliably done");
    }
    assert_eq!(r.floor_level, Some(0));
    // No statistical process control in a small company: levels 4 and 5 are N from everyone.
    for part in &a.participants {
        for (key, entry) in &part.answers {
            let q = key.question().unwrap();
            if q.starts_with("pa4") || q.starts_with("pa5") {
                assert_eq!(entry.answer, Some(Answer::N), "{}: {key}", part.name);
            }
        }
    }
    let card = r.objectives.iter().find(|o| o.id == "custom-card-payment").unwrap();
    assert!(card.support.unwrap() < 50.0, "card payment is at risk: {:?}", card.support);
    assert!(card.weakest.contains(&"supplier".to_string()), "{:?}", card.weakest);
}

#[test]
fn three_participants_disagree_on_a_handful_of_questions_and_settled_one() {
    let c = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let roles: Vec<&str> = a.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(roles, ["Sam Okafor (IT lead)", "Lena Brandt (Service desk lead)", "Tom Reyes (Developer)"]);
    let r = evaluate(&c, &a);
    let discuss = discuss_list(&r);
    assert!((4..=10).contains(&discuss.len()), "{} to discuss", discuss.len());
    let processes: BTreeSet<&str> = discuss.iter().map(|d| d.process_name.as_str()).collect();
    assert!(processes.len() >= 4, "spread over processes: {processes:?}");
    assert!(!a.agreed.is_empty(), "the workshop settled at least one");
    // Every disagreement is explained in a note by someone who took part in it.
    for d in &discuss {
        let explained = a.participants.iter().any(|p| p.answers.get(&d.key).is_some_and(|e| !e.note.trim().is_empty()));
        assert!(explained, "{} has no note", d.key);
    }
}

/// Words that say a practice falls short; a note with one never sits on F.
const SHORTFALL: [&str; 12] =
    [" not ", "n't", " no ", "never", " only ", "missing", "late", "informal", "nobody", "without", "lacks", "yet"];
/// Words that say a practice is fully done; a note with one never sits on N.
const DONE: [&str; 4] = ["always", "every time", "fully", "all of them"];

#[test]
fn every_note_agrees_with_its_answer() {
    let a = sample().unwrap().assessment;
    let mut notes = 0;
    for part in &a.participants {
        for (key, entry) in &part.answers {
            let note = format!(" {} ", entry.note.to_lowercase());
            if entry.note.trim().is_empty() {
                continue;
            }
            notes += 1;
            if entry.answer == Some(Answer::F) {
                let hit = SHORTFALL.iter().find(|w| note.contains(*w));
                assert!(
                    hit.is_none(),
                    "{} {key}: F with a note naming a shortfall ({hit:?}): {}",
                    part.name,
                    entry.note
                );
            }
            if entry.answer == Some(Answer::N) {
                let hit = DONE.iter().find(|w| note.contains(*w));
                assert!(
                    hit.is_none(),
                    "{} {key}: N with a note claiming it is done ({hit:?}): {}",
                    part.name,
                    entry.note
                );
            }
        }
    }
    assert!((20..=45).contains(&notes), "{notes} notes");
}

#[test]
fn the_app_fetches_the_sample_by_the_id_and_file_it_carries() {
    use itsm_maturity::domain::sample::{sample, SAMPLE_FILE, SAMPLE_ID};
    assert_eq!(sample().unwrap().assessment.id, SAMPLE_ID);
    // Trunk copies the data file to the site root under its own name.
    let index = std::fs::read_to_string("index.html").unwrap();
    assert!(index.contains(r#"rel="copy-file" href="data/sample-pizza.json""#));
    assert_eq!(SAMPLE_FILE, "/sample-pizza.json");
}
