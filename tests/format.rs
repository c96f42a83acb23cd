//! The versioned file format: fixtures of every released version keep loading,
//! the decoder names what is wrong (field path, line), unknown ids survive a
//! round trip, backups hold several assessments.

#![cfg(not(target_arch = "wasm32"))]

use itsm_maturity::domain::assessment::{Answer, QuestionKey};
use itsm_maturity::domain::format::{decode, decode_any, Backup, Envelope, FormatError};
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Catalog};
use serde_json::{json, Value};

const V1: &str = include_str!("fixtures/assessment-v1.json");
const V2: &str = include_str!("fixtures/assessment-v2.json");

fn fixture() -> Value {
    serde_json::from_str(V1).unwrap()
}

fn err(v: &Value) -> String {
    decode(&v.to_string()).unwrap_err().to_string()
}

#[test]
fn every_released_version_fixture_loads() {
    // One fixture per released format version; add one when VERSION moves.
    let env = decode(V1).unwrap();
    let a = &env.assessment;
    assert_eq!(a.name, "Fixture <img src=x onerror=alert(1)>");
    assert_eq!(a.organization.name, "Acme & \"Sons\"");
    assert_eq!(a.participants.len(), 2);
    assert_eq!(a.active, "p2");
    assert_eq!(a.agreed[&QuestionKey::new("change", "change-assessed")].answer, Answer::P);
    // Version 1 had no strategy: migrated with an empty one, to the current version.
    assert!(a.strategy.is_empty());
    assert_eq!(env.version, 3);

    let env = decode(V2).unwrap();
    let a = &env.assessment;
    assert_eq!(a.name, "Fixture v2 <img src=x onerror=alert(1)>");
    assert_eq!(a.strategy.len(), 3);
    let d1 = &a.strategy[0];
    assert_eq!((d1.id.as_str(), d1.objective.as_str()), ("d1", "obj-x"));
    assert_eq!(d1.text, "Card payment at the door with a mobile terminal & \"receipt\"");
    assert_eq!(d1.services, vec!["svc-2".to_string(), "svc-1".to_string()]);
    assert_eq!(a.strategy[2].objective, "objective-from-a-newer-catalog", "unknown objectives are kept");
    // Round trip, byte for byte.
    let text = env.encode();
    assert_eq!(decode(&text).unwrap(), env);
    assert_eq!(decode(&text).unwrap().encode(), text);
}

#[test]
fn a_version_1_backup_migrates_every_assessment_in_it() {
    let v1 = fixture();
    let backup =
        json!({"format": "itsm-backup", "version": 1, "app_version": "0.1.0", "assessments": [v1.clone(), v1]});
    let imported = decode_any(&backup.to_string()).unwrap();
    assert_eq!(imported.envelopes.len(), 2);
    assert!(imported.envelopes.iter().all(|e| e.version == 3 && e.assessment.strategy.is_empty()));
}

#[test]
fn strategy_links_are_checked_on_import() {
    let v2: Value = serde_json::from_str(V2).unwrap();
    let mut v = v2.clone();
    v["assessment"]["strategy"][0]["services"][1] = json!("svc-gone");
    assert_eq!(err(&v), "field 'assessment.strategy[0].services[1]' names no listed service (\"svc-gone\")");
    let mut v = v2.clone();
    v["assessment"]["strategy"][1]["id"] = json!("d1");
    assert_eq!(err(&v), "field 'assessment.strategy[1].id' \"d1\" is empty or not unique");
    let mut v = v2.clone();
    v["assessment"]["strategy"][0]["text"] = json!(" ");
    assert_eq!(err(&v), "field 'assessment.strategy[0].text' must be 1–300 characters");
    let mut v = v2;
    v["assessment"]["strategy"][0]["services"] = json!("svc-1");
    let msg = err(&v);
    assert!(msg.starts_with("field 'assessment.strategy[0].services'"), "{msg}");
}

#[test]
fn unknown_ids_are_kept_reported_and_round_tripped() {
    let env = decode(V1).unwrap();
    let c = Catalog::default_catalog();
    let r = evaluate(&c, &env.assessment);
    assert_eq!(r.unknown_answers, vec![QuestionKey::new("retired-process", "old-question")]);
    // Round trip: encode and decode again, byte-for-byte the same document.
    let text = env.encode();
    let back = decode(&text).unwrap();
    assert_eq!(back, env);
    assert_eq!(back.encode(), text);
    assert_eq!(back.assessment.objectives.get("objective-from-a-newer-catalog"), Some(&3));
    assert_eq!(back.assessment.custom_objectives[0].processes[1].process, "retired-process");
}

#[test]
fn sample_and_backup_round_trip() {
    let env = sample().unwrap();
    let fixture = decode(V1).unwrap();
    let backup = Backup::new(vec![env.clone(), fixture.clone()]);
    let imported = decode_any(&backup.encode()).unwrap();
    assert!(imported.backup);
    assert_eq!(imported.envelopes, vec![env, fixture]);
    // A backup is not a single assessment.
    assert!(decode(&backup.encode()).unwrap_err().to_string().contains("itsm-backup"));
}

#[test]
fn the_autosave_encoding_is_the_envelope_byte_for_byte() {
    // Autosave writes the envelope from the assessment in place (no copy); it must be the same text.
    for env in [sample().unwrap(), decode(V1).unwrap(), decode(V2).unwrap()] {
        let text = itsm_maturity::domain::format::encode_parts(&env.assessment, &env.catalog);
        assert_eq!(text, env.encode());
    }
}

#[test]
fn not_json_names_line_and_column() {
    let e = decode("{\n  \"format\": \"itsm-assessment\",\n  \"version\": 1,\n  oops\n}").unwrap_err();
    assert!(matches!(e, FormatError::Syntax { line: 4, .. }), "{e:?}");
    assert!(e.to_string().starts_with("this is not valid JSON (line 4, column"), "{e}");
    assert!(decode("").unwrap_err().to_string().contains("not valid JSON"));
    assert_eq!(decode("[1, 2]").unwrap_err(), FormatError::NotAnObject);
}

#[test]
fn wrong_format_and_versions() {
    let mut v = fixture();
    v["format"] = json!("itsm-catalog");
    assert_eq!(
        err(&v),
        "field 'format' is \"itsm-catalog\", expected \"itsm-assessment\" or \"itsm-backup\": this is not an assessment file"
    );
    v.as_object_mut().unwrap().remove("format");
    assert!(err(&v).contains("field 'format' is missing"));
    let mut v = fixture();
    v["version"] = json!(itsm_maturity::domain::format::VERSION + 1);
    assert_eq!(
        decode(&v.to_string()).unwrap_err(),
        FormatError::FutureVersion { found: u64::from(itsm_maturity::domain::format::VERSION + 1) }
    );
    assert!(err(&v).contains("made by a newer version of the app"));
    v["version"] = json!("one");
    assert_eq!(decode(&v.to_string()).unwrap_err(), FormatError::BadVersion);
}

#[test]
fn missing_fields_and_wrong_types_name_the_field_path() {
    let mut v = fixture();
    v["assessment"].as_object_mut().unwrap().remove("participants");
    assert!(err(&v).starts_with("field 'assessment' (line 1"), "{}", err(&v));
    assert!(err(&v).contains("missing field `participants`"));

    let mut v = fixture();
    v["assessment"]["services"][0]["criticality"] = json!("high");
    let msg = err(&v);
    assert!(msg.starts_with("field 'assessment.services[0].criticality'"), "{msg}");
    assert!(msg.contains("invalid type: string \"high\", expected u8"), "{msg}");

    let mut v = fixture();
    v["assessment"]["participants"][0]["answers"]["change/change-assessed"]["answer"] = json!("X");
    let msg = err(&v);
    assert!(msg.starts_with("field 'assessment.participants[0].answers.change/change-assessed.answer'"), "{msg}");
    assert!(msg.contains("unknown variant `X`, expected one of `N`, `P`, `L`, `F`, `NA`, `DK`"), "{msg}");
}

#[test]
fn field_paths_follow_backups_pretty_text_escaped_keys_and_the_top_level() {
    // In a pretty-printed backup, the second assessment's bad value is named
    // with its index and the line it is on.
    let mut bad = fixture();
    bad["assessment"]["services"][0]["criticality"] = json!("high");
    let backup =
        json!({"format": "itsm-backup", "version": 1, "app_version": "0.1.0", "assessments": [fixture(), bad]});
    let text = serde_json::to_string_pretty(&backup).unwrap();
    let e = decode_any(&text).unwrap_err();
    let FormatError::Field { path, line, .. } = &e else { panic!("{e}") };
    assert_eq!(path, "assessments[1].assessment.services[0].criticality");
    assert!(text.lines().nth(line - 1).unwrap().contains("\"criticality\": \"high\""), "line {line}");

    // Keys with escaped quotes and values holding brackets do not confuse the path.
    let mut v = fixture();
    v["assessment"]["organization"]["name"] = json!("Acme [\"x\"] {y}");
    v["assessment"]["participants"][0]["answers"]["odd\"key/q"] = json!({"answer": "X"});
    let msg = err(&v);
    assert!(msg.starts_with("field 'assessment.participants[0].answers.odd\"key/q.answer'"), "{msg}");

    // A field missing at the top level.
    let mut v = fixture();
    v.as_object_mut().unwrap().remove("assessment");
    let msg = err(&v);
    assert!(msg.starts_with("field '(top level)'") && msg.contains("missing field `assessment`"), "{msg}");
}

#[test]
fn rule_breaking_values_are_refused_with_their_path() {
    let mut v = fixture();
    v["assessment"]["services"][0]["criticality"] = json!(9);
    assert_eq!(err(&v), "field 'assessment.services[0].criticality' 9 is not 1 to 5");
    let mut v = fixture();
    v["assessment"]["active"] = json!("ghost");
    assert_eq!(err(&v), "field 'assessment.active' names no participant (\"ghost\")");
    let mut v = fixture();
    v["assessment"]["participants"] = json!([]);
    assert_eq!(err(&v), "field 'assessment.participants' needs at least one participant");
    let mut v = fixture();
    v["assessment"]["objectives"]["managed-business-risk"] = json!(7);
    assert_eq!(err(&v), "field 'assessment.objectives.managed-business-risk' importance 7 is above 5");
}

#[test]
fn huge_and_deeply_nested_input_fail_fast_without_a_panic() {
    let big = format!("{{\"format\": \"itsm-assessment\", \"pad\": \"{}\"}}", "x".repeat(20 * 1024 * 1024));
    let t = std::time::Instant::now();
    assert!(matches!(decode(&big).unwrap_err(), FormatError::TooLarge { .. }));
    assert!(decode(&big).unwrap_err().to_string().contains("MB; assessment files are at most 8 MB"));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let e = decode(&deep).unwrap_err();
    assert!(e.to_string().contains("recursion limit exceeded"), "{e}");
    let deep_obj = format!(
        "{{\"format\":\"itsm-assessment\",\"version\":1,\"x\":{}{}}}",
        "{\"a\":".repeat(10_000),
        "}".repeat(10_000)
    );
    assert!(decode(&deep_obj).is_err());
    assert!(t.elapsed().as_secs() < 5);
}

#[test]
fn envelope_records_catalog_and_app_version() {
    let env = decode(V1).unwrap();
    let v: Value = serde_json::from_str(&Envelope::new(env.assessment, env.catalog).encode()).unwrap();
    assert_eq!(v["format"], "itsm-assessment");
    assert_eq!(v["version"], 3, "a migrated file is written in the current version");
    assert_eq!(v["catalog"]["id"], "itsm-default");
    assert_eq!(v["app_version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn a_logo_and_an_assessor_round_trip_and_a_hostile_logo_is_refused() {
    use itsm_maturity::domain::assessment::{HeaderField, MAX_LOGO};
    use itsm_maturity::domain::Action;
    let mut env = decode(V2).unwrap();
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    env.assessment.apply(Action::SetHeader(HeaderField::Logo(png.into()))).unwrap();
    env.assessment.apply(Action::SetHeader(HeaderField::Assessor("Dana Ruiz".into()))).unwrap();
    let back = decode(&env.encode()).unwrap();
    assert_eq!((back.assessment.logo.as_str(), back.assessment.assessor.as_str()), (png, "Dana Ruiz"));
    // Only images as data URLs, and not too large: nothing to fetch, nothing to run.
    for bad in [
        "https://example.com/logo.png".to_string(),
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=".to_string(),
        "data:image/png;base64,<img src=x onerror=alert(1)>".to_string(),
        format!("data:image/png;base64,{}", "A".repeat(MAX_LOGO)),
    ] {
        let e = env.assessment.apply(Action::SetHeader(HeaderField::Logo(bad.clone()))).unwrap_err();
        assert!(e.to_string().starts_with("a logo must be a PNG, JPEG, WebP or GIF image"), "{e}");
        let mut v: Value = serde_json::from_str(&env.encode()).unwrap();
        v["assessment"]["logo"] = json!(bad);
        assert_eq!(err(&v), "field 'assessment.logo' is not a PNG, JPEG, WebP or GIF image as a data URL");
    }
    assert_eq!(env.assessment.logo, png, "a refused logo leaves the one there");
}
