//! The Pizza&Pizza sample: loads like any file, is fully answered, and its
//! relevance follows from its inputs with reasons naming them.

#![cfg(not(target_arch = "wasm32"))]

use itsm_maturity::domain::assessment::Mode;
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Catalog};

#[test]
fn sample_loads_and_is_fully_answered_in_full_mode() {
    let env = sample().unwrap();
    let c = Catalog::default_catalog();
    assert_eq!((env.catalog.id.as_str(), env.catalog.version.as_str()), (c.id.as_str(), c.version.as_str()));
    let a = env.assessment;
    assert_eq!(a.organization.name, "Pizza&Pizza");
    assert_eq!(a.mode, Mode::Full);
    let r = evaluate(&c, &a);
    assert!(r.unknown_answers.is_empty(), "{:?}", r.unknown_answers);
    for p in &r.processes {
        assert_eq!(p.answered, p.asked, "{} is not fully answered", p.id);
    }
    assert_eq!(r.completion(), 1.0);
}

#[test]
fn supplier_is_highly_relevant_because_of_payment_and_telephony() {
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    let supplier = r.process("supplier").unwrap();
    assert!(supplier.relevance.score >= 60, "supplier relevance {}", supplier.relevance.score);
    let reasons = supplier.relevance.top_reasons(10).join("\n");
    // Through the strategy: objective → decision → service → process.
    assert!(
        reasons.contains(
            "objective 'Card payment on delivery and online' (5) → decision 'Card payment at the door with mobile \
             terminals' → service 'Payment system' (bought and customized, criticality 5) → supplier management"
        ),
        "{reasons}"
    );
    assert!(
        reasons.contains("service 'Telephony' (outsourced or SaaS, criticality 4) → supplier management"),
        "{reasons}"
    );
    assert!(reasons.contains("objective 'Card payment on delivery and online' rated 5 (primary)"), "{reasons}");
    assert!(supplier.target >= 3);
}

#[test]
fn change_and_release_are_highly_relevant_because_the_website_changes_weekly() {
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    let mut ranked: Vec<_> = r.processes.iter().collect();
    ranked.sort_by_key(|p| std::cmp::Reverse(p.relevance.score));
    for id in ["change", "release"] {
        let p = r.process(id).unwrap();
        // High: a suggested target of 3 or more, and in the top half of all processes.
        assert!(p.relevance.score >= 50, "{id} relevance {}", p.relevance.score);
        assert!(p.suggested_target >= Some(3));
        let rank = ranked.iter().position(|x| x.id == id).unwrap();
        assert!(rank < r.processes.len() / 2, "{id} ranks {rank}");
        let reasons = p.relevance.top_reasons(3).join("\n");
        assert!(
            reasons.contains("service 'Ordering website' (changes weekly or daily, criticality 5) → "),
            "{id}: {reasons}"
        );
    }
    // The user's target override and its rationale are honoured.
    let change = r.process("change").unwrap();
    assert_eq!((change.target, change.target_overridden), (3, true));
    assert!(!r.process("financial").unwrap().in_scope, "scoped out with a rationale");
}

#[test]
fn sample_results_are_a_plausible_profile() {
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &sample().unwrap().assessment);
    assert_eq!(r.process("incident").unwrap().level, 2);
    assert_eq!(r.process("service-desk").unwrap().level, 1);
    assert_eq!(r.process("supplier").unwrap().level, 0);
    assert_eq!(r.floor_level, Some(0));
    assert!(r.roadmap.iter().any(|s| s.process == "supplier" && s.level == 1));
    let card = r.objectives.iter().find(|o| o.id == "custom-card-payment").unwrap();
    assert!(card.support.unwrap() < 50.0, "card payment is at risk: {:?}", card.support);
    assert!(card.weakest.contains(&"supplier".to_string()));
}
