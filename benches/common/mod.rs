//! Timing helpers shared by the benchmarks.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median, min and 95th percentile of `runs` timings of `f` (after a warm-up).
pub fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, Duration) {
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

/// Prints one line: name, median (min, p95), an extra column, and the budget verdict.
pub fn report(name: &str, extra: &str, budget_ms: f64, (median, min, p95): (Duration, Duration, Duration)) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let verdict = if ms(median) <= budget_ms { "within" } else { "OVER" };
    println!(
        "{name:<52} median {:>7.3} ms  (min {:.3}, p95 {:.3}) {extra:>14}  budget {budget_ms} ms: {verdict}",
        ms(median),
        ms(min),
        ms(p95)
    );
}
