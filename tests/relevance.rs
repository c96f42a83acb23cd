//! Relevance from objectives, strategy and service rules on an absolute
//! scale, with reasons through the chain; objective support (the business view).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use itsm_maturity::domain::assessment::{Answer, CustomObjective, Decision, Mode, Service};
use itsm_maturity::domain::catalog::{Audience, ChangeRate, ProcessWeight, Sourcing};
use itsm_maturity::domain::relevance::{relevance, score_of, Contribution, Reason, Relevance};
use itsm_maturity::domain::{evaluate, Action, Assessment, Catalog};
use std::collections::BTreeMap;

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
fn relevance_is_on_an_absolute_scale_half_at_25_points() {
    // Rule changed on purpose (PRODUCT.md §4): no longer "the largest is 100".
    assert_eq!((score_of(0.0), score_of(0.1), score_of(1.0), score_of(25.0), score_of(75.0)), (0, 1, 4, 50, 75));
    assert!(score_of(10_000.0) <= 100);
    let c = mini_catalog();
    let mut a = assessment();
    let r = relevance(&c, &a);
    // a = 5 × 2 = 10, b = 5 × 1 + 3 × 2 = 11.
    assert_eq!((r["a"].raw, r["a"].score), (10.0, 29));
    assert_eq!((r["b"].raw, r["b"].score), (11.0, 31));
    // Same inputs, same relevance, whatever other processes score: a strong
    // service that raises only c leaves a and b as they were.
    a.apply(Action::AddService(service("s", "Big", 5, Audience::External, Sourcing::Saas, ChangeRate::Rarely)))
        .unwrap();
    let r2 = relevance(&c, &a);
    assert_eq!((r2["a"].score, r2["b"].score), (29, 31));
    assert_eq!(r2["c"].score, score_of(15.0));
    // Modest inputs, modest relevance: one secondary link from an objective rated 1.
    let mut small = Assessment::new("x", "x", "");
    small.apply(Action::SetObjectiveImportance { objective: "obj-x".into(), importance: 1 }).unwrap();
    let r3 = relevance(&c, &small);
    assert_eq!((r3["a"].score, r3["b"].score), (7, 4));
    let e = evaluate(&c, &small);
    assert!(!e.process("b").unwrap().in_scope, "relevance 4 is below 15: out of scope by default");
}

#[test]
fn a_small_contribution_never_rounds_to_zero() {
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
    assert_eq!((r["c"].raw, r["c"].score), (300.0, 92));
    assert_eq!((r["b"].raw, r["b"].score), (210.0, 89));
    assert_eq!(r["a"].score, 0);
    assert_eq!(score_of(0.01), 1, "raised at all: never rounded down to 0");
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
    assert_eq!(r["c"].top_reasons(3), vec!["Service “Payment system” (provided by a supplier, criticality 5 of 5)"]);
    assert_eq!(
        r["b"].top_reasons(3),
        vec![
            "Service “Ordering website” (changes weekly or daily, criticality 4 of 5)",
            "Objective “Objective Y” (importance 3 of 5) relies heavily on this process",
            "Objective “Objective X” (importance 5 of 5) also relies on this process",
        ]
    );
    match &r["b"].contributions[0].reason {
        Reason::Service { id, rule, points, weight, factor, via, .. } => {
            assert_eq!((id.as_str(), rule.as_str(), *points, *weight, *factor), ("web", "fast", 2, 4, 1.0));
            assert!(via.is_none());
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
    assert_eq!((r["c"].score, r["a"].score, r["b"].score), (score_of(10.0), score_of(5.0), 0));
    assert_eq!(
        r["c"].top_reasons(1),
        vec!["Objective “Card payment on delivery” (importance 5 of 5) relies heavily on this process"]
    );
}

fn default_service(
    id: &str,
    name: &str,
    crit: u8,
    audience: &[Audience],
    sourcing: Sourcing,
    rate: ChangeRate,
) -> Service {
    Service { audience: audience.to_vec(), ..service(id, name, crit, audience[0], sourcing, rate) }
}

/// The contributions of one service to one process.
fn of_service<'a>(r: &'a Relevance, service: &str) -> Vec<&'a Contribution> {
    r.contributions.iter().filter(|c| matches!(&c.reason, Reason::Service { id, .. } if id == service)).collect()
}

#[test]
fn a_service_counts_once_per_process_with_its_strongest_rule_and_discounts() {
    let c = Catalog::default_catalog();
    let mut a = Assessment::new("x", "x", "");
    a.apply(Action::AddService(default_service(
        "crm",
        "CRM",
        5,
        &[Audience::External],
        Sourcing::Saas,
        ChangeRate::Monthly,
    )))
    .unwrap();
    let r = relevance(&c, &a);
    // Incident: "every service" (1) and "customer-facing and critical" (2): counted once, 2 × 5.
    let inc = of_service(&r["incident"], "crm");
    assert_eq!(inc.len(), 1);
    assert_eq!(inc[0].points, 10.0);
    assert_eq!(inc[0].reason.describe(), "Service “CRM” (customer-facing and critical, criticality 5 of 5)");
    // Service level: raised by two rules with 2 points each: still once.
    assert_eq!(of_service(&r["service-level"], "crm").len(), 1);
    assert_eq!(r["service-level"].raw, 10.0);
    // Availability is the provider's: 2 × 5 × 0.4.
    let av = of_service(&r["availability"], "crm");
    assert_eq!(av.len(), 1);
    assert!((av[0].points - 4.0).abs() < 1e-9);
    assert_eq!(
        av[0].reason.describe(),
        "Service “CRM” (customer-facing and critical, criticality 5 of 5); counted at 40 % (outsourced or SaaS)"
    );
    // Release: monthly change (1 × 5) × 0.3.
    assert!((r["release"].raw - 1.5).abs() < 1e-9);
    // The same service built in-house: no discount.
    a.apply(Action::UpdateService(default_service(
        "crm",
        "CRM",
        5,
        &[Audience::External],
        Sourcing::Inhouse,
        ChangeRate::Monthly,
    )))
    .unwrap();
    let r = relevance(&c, &a);
    assert_eq!(r["availability"].raw, 10.0);
    assert_eq!(r["release"].raw, 10.0, "built in-house: 2 × 5");
}

#[test]
fn strategy_raises_the_service_weight_and_the_reason_names_the_whole_chain() {
    let c = Catalog::default_catalog();
    let mut a = Assessment::new("x", "x", "");
    a.apply(Action::AddCustomObjective(CustomObjective {
        id: "card".into(),
        name: "Card payment".into(),
        description: String::new(),
        importance: 5,
        processes: vec![],
    }))
    .unwrap();
    a.apply(Action::AddService(default_service(
        "pay",
        "Payment system",
        3,
        &[Audience::External],
        Sourcing::Bought,
        ChangeRate::Rarely,
    )))
    .unwrap();
    let before = relevance(&c, &a)["supplier"].raw;
    assert_eq!(before, 2.0 * 3.0, "criticality 3 alone");
    a.apply(Action::AddDecision(Decision {
        id: "d1".into(),
        objective: "card".into(),
        text: "card payment at the door".into(),
        services: vec!["pay".into()],
    }))
    .unwrap();
    let r = relevance(&c, &a);
    assert_eq!(r["supplier"].raw, 2.0 * 5.0, "weight = max(criticality 3, importance 5)");
    assert_eq!(
        r["supplier"].top_reasons(1),
        vec![
            "Service “Payment system” (bought and customized, criticality 3 of 5), which “Card payment” (importance 5 of 5) relies on through the decision “card payment at the door”"
        ]
    );
    let res = evaluate(&c, &a);
    assert_eq!(res.process("supplier").unwrap().serves(), vec!["Card payment"], "served through the strategy");
    // An objective rated 0 passes nothing on; a less important one does not lower the weight.
    a.apply(Action::SetObjectiveImportance { objective: "card".into(), importance: 2 }).unwrap();
    assert_eq!(relevance(&c, &a)["supplier"].raw, 2.0 * 3.0);
    a.apply(Action::SetObjectiveImportance { objective: "card".into(), importance: 0 }).unwrap();
    let r = relevance(&c, &a);
    assert_eq!(r["supplier"].raw, 2.0 * 3.0);
    assert_eq!(r["supplier"].top_reasons(1)[0], "Service “Payment system” (bought and customized, criticality 3 of 5)");
}

/// Rank of a process by relevance: how many processes score strictly higher.
fn rank(r: &BTreeMap<String, Relevance>, id: &str) -> usize {
    r.values().filter(|x| x.score > r[id].score).count()
}

#[test]
fn a_saas_only_organization_needs_supplier_and_service_level_not_release() {
    let c = Catalog::default_catalog();
    let mut a = Assessment::new("saas", "SaaS shop", "");
    for (id, name, crit, rate) in [
        ("shop", "Web shop platform", 5, ChangeRate::Weekly),
        ("crm", "CRM", 4, ChangeRate::Monthly),
        ("pay", "Payment service", 5, ChangeRate::Rarely),
        ("mail", "Customer e-mail", 4, ChangeRate::Monthly),
    ] {
        a.apply(Action::AddService(default_service(id, name, crit, &[Audience::External], Sourcing::Saas, rate)))
            .unwrap();
    }
    let r = relevance(&c, &a);
    for id in ["supplier", "service-level"] {
        assert_eq!(rank(&r, id), 0, "{id} ({}) is among the top processes", r[id].score);
    }
    assert!(rank(&r, "business-relationship") < 8, "relationship {}", r["business-relationship"].score);
    // Release, availability, capacity and monitoring are the provider's.
    assert!(r["release"].score < 25, "release {}", r["release"].score);
    assert!(r["release"].score * 3 < r["supplier"].score);
    for id in ["availability", "capacity", "monitoring"] {
        assert!(r[id].score < r["supplier"].score, "{id} {}", r[id].score);
    }
    assert!(
        r["supplier"].top_reasons(1)[0].contains("(outsourced or SaaS, criticality"),
        "{:?}",
        r["supplier"].top_reasons(1)
    );
}

#[test]
fn an_in_house_developer_shop_needs_release_and_change() {
    let c = Catalog::default_catalog();
    let mut a = Assessment::new("dev", "Dev shop", "");
    for (id, name, crit, audience) in [
        ("app", "Customer app", 5, &[Audience::External][..]),
        ("portal", "Customer portal", 4, &[Audience::External][..]),
        ("admin", "Back-office tool", 3, &[Audience::Internal][..]),
    ] {
        a.apply(Action::AddService(default_service(id, name, crit, audience, Sourcing::Inhouse, ChangeRate::Daily)))
            .unwrap();
    }
    let r = relevance(&c, &a);
    for id in ["release", "change"] {
        assert_eq!(rank(&r, id), 0, "{id} ({}) is among the top processes", r[id].score);
        assert!(r[id].score >= 45, "{id} {}", r[id].score);
    }
    assert_eq!(r["supplier"].score, 0, "nothing is bought");
    assert!(r["change"].top_reasons(1)[0].contains("(changes weekly or daily, criticality 5 of 5)"));
}

#[test]
fn objective_support_weights_by_relevance_and_names_weakest() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F); // index 5, target 1 -> ratio 1
    answer_all(&c, &mut a, "b", Answer::P); // level 0, gated index 1/3, target 2 -> ratio 1/6
    let r = evaluate(&c, &a);
    assert_eq!((r.process("a").unwrap().target, r.process("b").unwrap().target), (1, 2));
    let x = r.objectives.iter().find(|o| o.id == "obj-x").unwrap();
    // Weighted by relevance a = 29, b = 31; support reads the gated index.
    let ratio_b = (1.0 / 3.0) / 2.0;
    let expected = (1.0 * 29.0 + ratio_b * 31.0) / 60.0 * 100.0;
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

/// A case the rules were not tuned to, read by an independent assessor: a
/// law firm whose office suite, portal and billing are SaaS, whose document
/// system is bought and run on its own servers, and whose laptops and network
/// are run in-house; nobody there develops software.
#[test]
fn a_law_firm_on_saas_with_its_own_document_system_gets_a_defensible_scope() {
    let c = Catalog::default_catalog();
    let a: Assessment = serde_json::from_str(include_str!("fixtures/case-law-firm.json")).unwrap();
    let r = evaluate(&c, &a);
    let p = |id: &str| r.process(id).unwrap();
    let mut ranked: Vec<_> = r.processes.iter().collect();
    ranked.sort_by_key(|p| std::cmp::Reverse(p.relevance.score));
    let top: Vec<&str> = ranked.iter().take(2).map(|p| p.id.as_str()).collect();
    assert_eq!(top, ["supplier", "security"], "mostly bought and SaaS services holding client data");
    // No in-house development: no development or design of software is proposed.
    for id in ["software-development", "service-design"] {
        assert!(!p(id).in_scope && p(id).relevance.score == 0, "{id}: {}", p(id).relevance.score);
    }
    // The self-hosted, vital document system needs availability and capacity work.
    assert!(p("availability").target >= 2, "availability {}", p("availability").relevance.score);
    assert!(p("capacity").in_scope, "capacity {}", p("capacity").relevance.score);
    // A compliance-driven firm improves continually.
    assert!(p("continual-improvement").in_scope, "{}", p("continual-improvement").relevance.score);
    assert!(r.processes.iter().all(|p| p.target <= 3), "capped for an IT team of 11–50");
}
