//! Catalog format version 2: references, evidence prompts, efforts, partial
//! overrides and templates; version-1 files still load; the default catalog's
//! content meets the bar a consultant would hold it to.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::mini_catalog_json;
use itsm_maturity::domain::catalog::{Catalog, CatalogError, Effort, CATALOG_FORMAT_VERSION};
use itsm_maturity::domain::Attribute;
use serde_json::json;
use std::collections::BTreeSet;

const V1_FIXTURE: &str = include_str!("fixtures/catalog-v1.json");

#[test]
fn a_version_1_catalog_migrates_keeping_every_question() {
    let raw: serde_json::Value = serde_json::from_str(V1_FIXTURE).unwrap();
    assert_eq!(raw["format_version"], 1, "the fixture is a version-1 file");
    let c = Catalog::parse(V1_FIXTURE).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(c.format_version, CATALOG_FORMAT_VERSION);
    assert_eq!(c.processes.len(), 22);
    let questions: usize = c.processes.iter().map(|p| p.questions.len()).sum();
    let raw_questions: usize =
        raw["processes"].as_array().unwrap().iter().map(|p| p["questions"].as_array().unwrap().len()).sum();
    assert_eq!(questions, raw_questions);
    // A version-1 override (text and action) still rewords the generic question.
    let desk = c.process("service-desk").unwrap();
    let raw_desk = raw["processes"].as_array().unwrap().iter().find(|p| p["id"] == "service-desk").unwrap();
    let o = &raw_desk["overrides"]["pa21-objectives"];
    let asked = c.questions_for(desk, false).into_iter().find(|q| q.id == "pa21-objectives").unwrap();
    assert_eq!(&*asked.text, o["text"].as_str().unwrap().replace("{process}", &desk.term).as_str());
    assert_eq!(&*asked.action, o["action"].as_str().unwrap().replace("{process}", &desk.term).as_str());
    // What version 1 could not say stays empty rather than invented.
    assert!(c.processes.iter().all(|p| p.iso20000.is_empty() && p.cobit.is_empty()));
    assert!(c.templates.is_empty());
    assert!(c.questions_for(desk, false).iter().all(|q| q.evidence.is_none() && q.effort.is_none()));
}

#[test]
fn versions_other_than_1_and_2_are_refused() {
    for version in [0, 3] {
        let mut v = mini_catalog_json();
        v["format_version"] = json!(version);
        let errs = Catalog::parse(&v.to_string()).unwrap_err();
        assert_eq!(errs, vec![CatalogError::UnsupportedVersion { found: version }]);
        assert_eq!(errs[0].to_string(), format!("field 'format_version' is {version}, this app reads versions 1 to 2"));
    }
}

#[test]
fn an_override_may_replace_single_fields_and_keeps_the_rest() {
    let mut v = mini_catalog_json();
    v["format_version"] = json!(2);
    v["generic_questions"][0]["hint"] = json!("Fully: {process} has objectives.");
    v["generic_questions"][0]["evidence"] = json!("Look at: the {process} plan.");
    v["generic_questions"][0]["effort"] = json!("M");
    v["processes"][1]["overrides"] = json!({ "g-pa21": { "evidence": "Look at: b's own records." } });
    let c = Catalog::parse(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let b = c.process("b").unwrap();
    let q = c.questions_for(b, false).into_iter().find(|q| q.id == "g-pa21").unwrap();
    assert_eq!(q.evidence.as_deref(), Some("Look at: b's own records."));
    assert_eq!(q.hint.as_deref(), Some(format!("Fully: {} has objectives.", b.term).as_str()));
    assert_eq!(q.effort, Some(Effort::M));
    let generic_text = v["generic_questions"][0]["text"].as_str().unwrap().replace("{process}", &b.term);
    assert_eq!(&*q.text, generic_text.as_str(), "the text is not overridden");

    v["processes"][1]["overrides"] = json!({ "g-pa21": {} });
    let errs = Catalog::parse(&v.to_string()).unwrap_err();
    assert_eq!(errs, vec![CatalogError::EmptyOverride { process: "b".into(), question: "g-pa21".into() }]);
    assert!(errs[0].to_string().contains("without giving a text, action, hint or evidence"));

    v["processes"][1]["overrides"] = json!({ "g-pa21": { "hint": " " } });
    let errs = Catalog::parse(&v.to_string()).unwrap_err();
    assert_eq!(errs, vec![CatalogError::EmptyText { place: "process \"b\" override \"g-pa21\" hint".into() }]);
}

#[test]
fn an_effort_is_s_m_or_l() {
    let mut v = mini_catalog_json();
    v["processes"][0]["questions"][0]["effort"] = json!("XL");
    let errs = Catalog::parse(&v.to_string()).unwrap_err();
    assert!(errs[0].to_string().contains("unknown variant `XL`, expected one of `S`, `M`, `L`"), "{}", errs[0]);
}

#[test]
fn templates_are_checked() {
    let mut v = mini_catalog_json();
    v["templates"] = json!([
        { "id": "t", "name": "T", "description": "d", "processes": [
            { "process": "a", "target": 2 }, { "process": "a", "target": 3 },
            { "process": "zz", "target": 2 }, { "process": "b", "target": 6 } ] },
        { "id": "t", "name": "T2", "description": "d", "processes": [] }
    ]);
    let errs = Catalog::parse(&v.to_string()).unwrap_err();
    for e in [
        CatalogError::DuplicateTemplateProcess { template: "t".into(), process: "a".into() },
        CatalogError::UnknownProcess { place: "template \"t\"".into(), process: "zz".into() },
        CatalogError::TargetOutOfRange { template: "t".into(), process: "b".into(), target: 6 },
        CatalogError::DuplicateId { kind: "template", id: "t".into() },
        CatalogError::EmptyMap { kind: "template", id: "t".into() },
    ] {
        assert!(errs.contains(&e), "{e:?} missing from {errs:?}");
    }
    assert!(errs.iter().any(|e| e.to_string() == "template \"t\" gives process \"b\" target 6, expected 1 to 5"));
}

#[test]
fn every_default_process_has_its_references() {
    let c = Catalog::default_catalog();
    assert_eq!(c.format_version, 2);
    assert_eq!(c.processes.len(), 27);
    for p in &c.processes {
        assert!(!p.itil.is_empty(), "{}: no ITIL 4 practice", p.id);
        assert!(!p.iso20000.is_empty(), "{}: no ISO/IEC 20000-1 clause", p.id);
        assert!(!p.cobit.is_empty(), "{}: no COBIT 2019 objective", p.id);
        for clause in &p.iso20000 {
            let ok = clause.split('.').all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            assert!(
                ok && ["4", "5", "6", "7", "8", "9", "10"].contains(&clause.split('.').next().unwrap()),
                "{clause}"
            );
        }
        for id in &p.cobit {
            let (domain, number) = id.split_at(3);
            assert!(["EDM", "APO", "BAI", "DSS", "MEA"].contains(&domain) && number.len() == 2, "{id}");
        }
        for id in &p.fitsm {
            let n: u8 = id.strip_prefix("PR").and_then(|n| n.parse().ok()).unwrap_or(0);
            assert!((1..=14).contains(&n), "{}: {id}", p.id);
        }
    }
}

#[test]
fn every_default_question_says_what_fully_looks_like_and_what_to_look_at() {
    let c = Catalog::default_catalog();
    for p in &c.processes {
        assert!((5..=8).contains(&p.questions.len()), "{}: {} PA1.1 questions", p.id, p.questions.len());
        for q in c.questions_for(p, false) {
            let at = format!("{}/{}", p.id, q.id);
            let hint = q.hint.as_deref().unwrap_or_else(|| panic!("{at}: no hint"));
            assert!(hint.starts_with("Fully: "), "{at}: {hint}");
            let evidence = q.evidence.as_deref().unwrap_or_else(|| panic!("{at}: no evidence prompt"));
            assert!(evidence.starts_with("Look at: "), "{at}: {evidence}");
            assert!(q.effort.is_some(), "{at}: no effort");
            for text in [&q.text, &q.action, hint, evidence] {
                assert!(!text.contains('{'), "{at}: unfilled template in {text}");
            }
        }
    }
}

#[test]
fn every_attribute_has_at_least_two_generic_questions_and_levels_4_5_say_what_does_not_count() {
    let c = Catalog::default_catalog();
    for attr in Attribute::ALL.into_iter().skip(1) {
        let qs: Vec<_> = c.generic_questions.iter().filter(|q| q.attribute == attr.id()).collect();
        assert!(qs.len() >= 2, "{attr}: {} generic questions", qs.len());
        assert_eq!(qs.iter().filter(|q| q.quick).count(), 1, "{attr}: one quick-scan question");
        if attr.level() >= 4 {
            for q in &qs {
                let hint = q.hint.as_deref().unwrap_or("");
                assert!(hint.contains("Does not count"), "{}: level {} hint names no false friend", q.id, attr.level());
            }
        }
    }
    // Quick and full mode differ at every level.
    let (quick, full) = c.question_counts();
    assert!(full > 2 * quick, "quick {quick}, full {full}");
}

/// FitSM's fourteen processes and the ITIL 4 service management practices,
/// each with the process of this catalog that is its home.
const FITSM: [(&str, &str); 14] = [
    ("PR1", "service-portfolio"),
    ("PR2", "service-level"),
    ("PR3", "service-reporting"),
    ("PR4", "availability"),
    ("PR5", "capacity"),
    ("PR6", "security"),
    ("PR7", "business-relationship"),
    ("PR8", "supplier"),
    ("PR9", "incident"),
    ("PR10", "problem"),
    ("PR11", "configuration"),
    ("PR12", "change"),
    ("PR13", "release"),
    ("PR14", "continual-improvement"),
];

const ITIL_SERVICE_MANAGEMENT: [(&str, &str); 17] = [
    ("Availability management", "availability"),
    ("Business analysis", "service-design"),
    ("Capacity and performance management", "capacity"),
    ("Change enablement", "change"),
    ("Incident management", "incident"),
    ("IT asset management", "it-asset"),
    ("Monitoring and event management", "monitoring"),
    ("Problem management", "problem"),
    ("Release management", "release"),
    ("Service catalogue management", "service-catalogue"),
    ("Service configuration management", "configuration"),
    ("Service continuity management", "continuity"),
    ("Service design", "service-design"),
    ("Service desk", "service-desk"),
    ("Service level management", "service-level"),
    ("Service request management", "service-request"),
    ("Service validation and testing", "service-validation"),
];

#[test]
fn every_fitsm_process_and_itil_practice_has_a_home() {
    let c = Catalog::default_catalog();
    for (pr, home) in FITSM {
        let p = c.process(home).unwrap_or_else(|| panic!("{home}"));
        assert!(p.fitsm.iter().any(|f| f == pr), "{pr} should be on {home}, which lists {:?}", p.fitsm);
    }
    for (practice, home) in ITIL_SERVICE_MANAGEMENT {
        let p = c.process(home).unwrap_or_else(|| panic!("{home}"));
        assert!(p.itil.iter().any(|i| i == practice), "{practice} should be on {home}, which lists {:?}", p.itil);
    }
    // The technical practices the case needs have their own processes.
    for (practice, home) in [
        ("Deployment management", "release"),
        ("Infrastructure and platform management", "infrastructure"),
        ("Software development and management", "software-development"),
    ] {
        assert!(c.process(home).unwrap().itil.iter().any(|i| i == practice), "{practice}");
    }
    let named: BTreeSet<&str> = c.processes.iter().flat_map(|p| p.fitsm.iter().map(String::as_str)).collect();
    assert_eq!(named.len(), 14, "{named:?}");
}

#[test]
fn default_templates_fill_scope_and_targets() {
    let c = Catalog::default_catalog();
    let ids: Vec<&str> = c.templates.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["small-it-team", "service-provider", "iso20000-readiness"]);
    let small = c.template("small-it-team").unwrap();
    assert!((6..=10).contains(&small.processes.len()));
    assert!(small.processes.iter().all(|p| p.target <= 2), "modest targets");
    let provider = c.template("service-provider").unwrap();
    for id in ["supplier", "service-level", "business-relationship"] {
        let t = provider.processes.iter().find(|p| p.process == id).unwrap();
        assert!(provider.processes.iter().all(|p| p.target <= t.target), "{id} is weighted highest");
    }
    let iso = c.template("iso20000-readiness").unwrap();
    assert_eq!(iso.processes.len(), c.processes.len());
    assert!(iso.processes.iter().all(|p| p.target == 3));
}

#[test]
fn a_template_fills_scope_and_targets_and_the_results_follow_it() {
    use itsm_maturity::domain::{evaluate, Assessment};
    let c = Catalog::default_catalog();
    let t = c.template("small-it-team").unwrap();
    let mut a = Assessment::new("t", "T", "2026-12-02");
    a.apply_template(&c, t);
    assert_eq!(a.scope.len(), c.processes.len(), "every process gets a decision");
    let r = evaluate(&c, &a);
    let in_scope: Vec<(&str, u8)> = r.in_scope().map(|p| (p.id.as_str(), p.target)).collect();
    let mut expected: Vec<(&str, u8)> = t.processes.iter().map(|p| (p.process.as_str(), p.target)).collect();
    let mut got = in_scope.clone();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert!(r.processes.iter().filter(|p| p.in_scope).all(|p| p.target_overridden));
    let left_out = &a.scope["capacity"];
    assert_eq!(left_out.in_scope, Some(false));
    assert_eq!(left_out.rationale, "Left out by the template ‘Small IT team’; take it in if it matters here.");
    assert_eq!(a.scope["incident"].rationale, "From the template ‘Small IT team’.");
}

#[test]
fn optional_texts_when_given_are_not_blank() {
    let mut v = mini_catalog_json();
    v["processes"][0]["questions"][0]["evidence"] = json!("");
    v["generic_questions"][2]["reference"] = json!("  ");
    let errs = Catalog::parse(&v.to_string()).unwrap_err();
    let generic = v["generic_questions"][2]["id"].as_str().unwrap().to_string();
    assert!(errs.contains(&CatalogError::EmptyText { place: "question \"a-1\" evidence".into() }), "{errs:?}");
    assert!(errs.contains(&CatalogError::EmptyText { place: format!("generic question \"{generic}\" reference") }));
}

#[test]
fn a_generic_title_names_the_shared_work_in_a_few_words() {
    // The default catalog names every generic question's shared work.
    let c = Catalog::default_catalog();
    for q in &c.generic_questions {
        let t = q.title.as_deref().unwrap_or_else(|| panic!("{}: no title", q.id));
        assert!(t.chars().count() <= 60 && !t.contains("{process}"), "{}: {t}", q.id);
    }
    // A custom catalog may leave it out; when given, it is a short heading
    // that names no single process.
    let mut v = mini_catalog_json();
    assert!(Catalog::parse(&v.to_string()).is_ok());
    let id = v["generic_questions"][0]["id"].as_str().unwrap().to_string();
    v["generic_questions"][0]["title"] = json!("Owners for {process}");
    v["generic_questions"][1]["title"] = json!(" ");
    v["generic_questions"][2]["title"] = json!("x".repeat(61));
    let errs = Catalog::parse(&v.to_string()).unwrap_err();
    assert!(errs.contains(&CatalogError::BadTitle { question: id.clone(), max: 60 }), "{errs:?}");
    let second = v["generic_questions"][1]["id"].as_str().unwrap();
    assert!(errs.contains(&CatalogError::EmptyText { place: format!("generic question \"{second}\" title") }));
    let third = v["generic_questions"][2]["id"].as_str().unwrap().to_string();
    assert!(errs.contains(&CatalogError::BadTitle { question: third, max: 60 }));
    assert!(errs
        .iter()
        .any(|e| e.to_string().contains(&format!("\"{id}\" title: a heading of at most 60 characters"))));
}
