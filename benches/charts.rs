//! Chart benchmark: `cargo bench --bench charts` prints the time to render each
//! of the four charts to an SVG string for the full catalog with every process
//! in scope (full mode, fully answered, every objective rated), light theme,
//! 800 px wide. Figures are medians over many runs, release build, native.
//! Budget: 5 ms per chart.

use itsm_maturity::charts::gaps::gap_bars;
use itsm_maturity::charts::heatmap::heatmap;
use itsm_maturity::charts::objectives::objective_bars;
use itsm_maturity::charts::radar::radar;
use itsm_maturity::charts::ChartOptions;
use itsm_maturity::domain::assessment::{Answer, AnswerEntry, Assessment, Mode, QuestionKey};
use itsm_maturity::domain::evaluate::Results;
use itsm_maturity::domain::{evaluate, Action, Catalog};
use std::hint::black_box;
use std::time::{Duration, Instant};

const BUDGET_MS: f64 = 5.0;

/// Median, min and 95th percentile of `runs` timings of `f`.
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

fn report(name: &str, bytes: usize, (median, min, p95): (Duration, Duration, Duration)) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let verdict = if ms(median) <= BUDGET_MS { "within" } else { "OVER" };
    println!(
        "{name:<34} median {:>7.3} ms  (min {:.3}, p95 {:.3})  {:>6} bytes  budget {BUDGET_MS} ms: {verdict}",
        ms(median),
        ms(min),
        ms(p95),
        bytes
    );
}

/// The full catalog: every process in scope, every objective rated, full mode,
/// every question answered (deterministic mix of answers).
fn full_results() -> Results {
    let c = Catalog::default_catalog();
    let mut a = Assessment::new("bench", "Bench", "2026-11-23");
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    for o in &c.objectives {
        a.apply(Action::SetObjectiveImportance { objective: o.id.clone(), importance: 3 }).unwrap();
    }
    let mut seed = 0x2545_f491_u64;
    for p in &c.processes {
        a.apply(Action::SetScope { process: p.id.clone(), in_scope: Some(true) }).unwrap();
        for q in c.questions_for(p, false) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let answer = Answer::ALL[(seed % 5) as usize];
            a.participants[0]
                .answers
                .insert(QuestionKey::new(&p.id, &q.id), AnswerEntry { answer: Some(answer), note: String::new() });
        }
    }
    evaluate(&c, &a)
}

fn main() {
    println!("Chart benchmark (release, native; median of many runs)");
    let r = full_results();
    println!("  {} processes in scope, {} objectives rated, 800 px wide", r.in_scope().count(), r.objectives.len());
    let opts = ChartOptions::default();
    type Chart = fn(&Results, &ChartOptions) -> String;
    let charts: [(&str, Chart); 4] = [
        ("radar (22 axes)", radar),
        ("gap bars (22 rows)", gap_bars),
        ("heatmap (22 × 9 cells)", heatmap),
        ("objective bars", objective_bars),
    ];
    for (name, chart) in charts {
        let bytes = chart(&r, &opts).len();
        report(name, bytes, measure(300, || chart(&r, &opts)));
    }
}
