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
use itsm_maturity::domain::evaluate::Results;
use itsm_maturity::domain::sample::synthetic;
use itsm_maturity::domain::{evaluate, Catalog};

mod common;
use common::{measure, report};

const BUDGET_MS: f64 = 5.0;

/// The full catalog: every process in scope, every objective rated, full mode, fully answered.
fn full_results() -> Results {
    let c = Catalog::default_catalog();
    evaluate(&c, &synthetic(&c, 1))
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
        report(name, &format!("{bytes} bytes"), BUDGET_MS, measure(300, || chart(&r, &opts)));
    }
}
