//! Property run of the import decoder: any input gives `Ok` or a typed error
//! (never a panic), and every valid document round-trips unchanged. Prints how
//! many cases ran (run with `-- --nocapture` to see it).

#![cfg(not(target_arch = "wasm32"))]

use itsm_maturity::domain::assessment::{Answer, AnswerEntry, QuestionKey};
use itsm_maturity::domain::format::{decode, decode_any, Envelope};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const V1: &str = include_str!("fixtures/assessment-v1.json");

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
}

#[test]
fn decoder_never_panics_and_valid_documents_round_trip() {
    let base = decode(V1).unwrap();
    let mut total = 0u32;

    // 1. Arbitrary text.
    let mut r = runner(3000);
    r.run(&".{0,300}", |s| {
        let _ = decode_any(&s);
        Ok(())
    })
    .unwrap();
    total += 3000;

    // 2. A valid document cut at any point, or with one byte replaced.
    let bytes = V1.as_bytes().to_vec();
    let mut r = runner(3000);
    r.run(&(0..bytes.len(), any::<u8>(), any::<bool>()), |(at, b, cut)| {
        let mut doc = bytes.clone();
        if cut {
            doc.truncate(at);
        } else {
            doc[at] = b;
        }
        if let Ok(text) = String::from_utf8(doc) {
            let _ = decode_any(&text);
        }
        Ok(())
    })
    .unwrap();
    total += 3000;

    // 3. Generated valid documents round-trip unchanged.
    let names = "[ -~]{0,40}|<img src=x onerror=alert\\(1\\)>|[\\u{80}-\\u{2FFF}]{0,10}";
    let answers = prop::collection::vec(("[a-z]{1,8}", 0usize..6, "[ -~]{0,20}"), 0..30);
    let mut r = runner(1000);
    r.run(&(names, names, answers, 0u8..=5), |(name, org, answers, imp)| {
        let mut a = base.assessment.clone();
        a.name = name;
        a.organization.name = org;
        a.objectives.insert("managed-business-risk".into(), imp);
        for (q, ans, note) in answers {
            a.participants[0]
                .answers
                .insert(QuestionKey::new("change", &q), AnswerEntry { answer: Some(Answer::ALL[ans]), note });
        }
        let env = Envelope::new(a, base.catalog.clone());
        let text = env.encode();
        let back = decode(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &env);
        prop_assert_eq!(back.encode(), text);
        Ok(())
    })
    .unwrap();
    total += 1000;

    println!("decoder property run: {total} cases (3000 arbitrary texts, 3000 damaged documents, 1000 round trips), no panic");
}
