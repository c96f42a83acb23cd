//! Domain benchmark: `cargo bench --bench domain` prints catalog parse +
//! validate time and `evaluate` time for the full catalog (every process in
//! scope, full mode, fully answered) with 1 and with 30 participants.
//! Figures are medians over many runs, release build, native.

use itsm_maturity::domain::assessment::{Answer, AnswerEntry, Assessment, Mode, Participant, QuestionKey};
use itsm_maturity::domain::catalog::DEFAULT_CATALOG_JSON;
use itsm_maturity::domain::{evaluate, Action, Catalog};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median and spread of `runs` timings of `f`.
fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, Duration) {
    for _ in 0..runs.min(20) {
        black_box(f());
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0], times[runs * 95 / 100])
}

fn report(name: &str, budget_ms: f64, (median, min, p95): (Duration, Duration, Duration)) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let verdict = if ms(median) <= budget_ms { "within" } else { "OVER" };
    println!(
        "{name:<58} median {:>8.3} ms  (min {:.3}, p95 {:.3})  budget {budget_ms} ms: {verdict}",
        ms(median),
        ms(min),
        ms(p95)
    );
}

/// A full-catalog assessment: every process in scope, full mode, every question
/// answered by each of `participants` people (deterministic mix of answers).
pub fn full_assessment(c: &Catalog, participants: usize) -> Assessment {
    let mut a = Assessment::new("bench", "Bench", "2026-11-23");
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    for o in &c.objectives {
        a.apply(Action::SetObjectiveImportance { objective: o.id.clone(), importance: 3 }).unwrap();
    }
    for p in &c.processes {
        a.apply(Action::SetScope { process: p.id.clone(), in_scope: Some(true) }).unwrap();
    }
    let mut seed = 0x2545_f491_u64;
    a.participants.clear();
    for i in 0..participants {
        let mut part =
            Participant { id: format!("p{i}"), name: format!("Participant {i}"), answers: Default::default() };
        for p in &c.processes {
            for q in c.questions_for(p, false) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let answer = Answer::ALL[(seed % 5) as usize];
                part.answers
                    .insert(QuestionKey::new(&p.id, &q.id), AnswerEntry { answer: Some(answer), note: String::new() });
            }
        }
        a.participants.push(part);
    }
    a.active = "p0".into();
    a
}

fn main() {
    println!("Domain benchmark (release, native; median of many runs)");
    report(
        "catalog parse + validate (default catalog)",
        5.0,
        measure(200, || Catalog::parse(DEFAULT_CATALOG_JSON).unwrap()),
    );
    let c = Catalog::default_catalog();
    let questions: usize = c.processes.iter().map(|p| c.questions_for(p, false).len()).sum();
    println!("  catalog: {} processes, {questions} questions in full mode", c.processes.len());
    let one = full_assessment(&c, 1);
    report("evaluate: full catalog, full mode, 1 participant", 2.0, measure(300, || evaluate(&c, &one)));
    let thirty = full_assessment(&c, 30);
    report("evaluate: full catalog, full mode, 30 participants", 2.0, measure(300, || evaluate(&c, &thirty)));
}
