//! Chart benchmark: `cargo bench --bench charts` prints the time to render each
//! of the four charts to an SVG string for the full catalog with every process
//! in scope (full mode, fully answered, every objective rated), light theme,
//! 800 px wide; then the workshop and comparison charts: the spread of 30
//! participants, the deltas and the radar against a baseline (the same full
//! catalog, with another synthetic answer set as the baseline); then eight
//! units side by side and a history of eight dates. Figures are
//! medians over many runs, release build, native. Budget: 5 ms per chart.

use itsm_maturity::charts::cascade::cascade_chart;
use itsm_maturity::charts::delta::delta_chart;
use itsm_maturity::charts::gaps::gap_bars;
use itsm_maturity::charts::heatmap::heatmap;
use itsm_maturity::charts::objectives::objective_bars;
use itsm_maturity::charts::radar::{radar, radar_compare};
use itsm_maturity::charts::spread::spread_chart;
use itsm_maturity::charts::ChartOptions;
use itsm_maturity::domain::results::Results;
use itsm_maturity::domain::sample::synthetic;
use itsm_maturity::domain::workshop;
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
        ("radar (27 axes)", radar),
        ("gap bars (27 rows)", gap_bars),
        ("heatmap (27 × 9 cells)", heatmap),
        ("objective bars", objective_bars),
    ];
    for (name, chart) in charts {
        let bytes = chart(&r, &opts).len();
        report(name, &format!("{bytes} bytes"), BUDGET_MS, measure(300, || chart(&r, &opts)));
    }

    // Workshop and comparison charts.
    let c = Catalog::default_catalog();
    let workshop = synthetic(&c, 30);
    let wr = evaluate(&c, &workshop);
    let spreads = workshop::spread(&c, &workshop, &wr);
    let dots: usize = spreads.iter().map(|s| s.per_participant.len()).sum();
    println!("  spread: {} processes × 30 participants ({dots} dots)", spreads.len());
    let bytes = spread_chart(&spreads, &opts).len();
    let name = "workshop spread (27 rows, 30 participants)";
    report(name, &format!("{bytes} bytes"), BUDGET_MS, measure(300, || spread_chart(&spreads, &opts)));
    // The baseline: the 30-participant workshop; now: the single-participant full results.
    let deltas = workshop::deltas(&wr, &r);
    let bytes = delta_chart(&deltas, &opts).len();
    report("delta bars (27 rows)", &format!("{bytes} bytes"), BUDGET_MS, measure(300, || delta_chart(&deltas, &opts)));
    let bytes = radar_compare(&r, &wr, &opts).len();
    let name = "radar with baseline (27 axes)";
    report(name, &format!("{bytes} bytes"), BUDGET_MS, measure(300, || radar_compare(&r, &wr, &opts)));

    // The goals cascade of the sample: building the graph and drawing it.
    let a = itsm_maturity::domain::format::decode(include_str!("../data/sample-pizza.json"))
        .expect("the sample loads")
        .assessment;
    let sr = evaluate(&c, &a);
    let graph = itsm_maturity::domain::cascade::cascade(&c, &a, &sr, 12);
    let bytes = cascade_chart(&graph, &opts).len();
    let name = "goals cascade (sample: graph + picture)";
    report(
        name,
        &format!("{bytes} bytes"),
        BUDGET_MS,
        measure(300, || cascade_chart(&itsm_maturity::domain::cascade::cascade(&c, &a, &sr, 12), &opts)),
    );

    // Units side by side and history: eight units of one organization on the
    // full catalog (the single-participant and the 30-participant answers,
    // alternating), compared and drawn; the history of the same eight as dates.
    let units: Vec<itsm_maturity::domain::Assessment> = (0..8)
        .map(|i| {
            let mut u = if i % 2 == 0 { synthetic(&c, 1) } else { workshop.clone() };
            u.id = format!("unit-{i}");
            u.organization.unit = format!("Unit {i}");
            u.date = format!("2026-0{}-01", i + 1);
            u
        })
        .collect();
    let ur: Vec<Results> = units.iter().map(|u| evaluate(&c, u)).collect();
    let pairs: Vec<(&itsm_maturity::domain::Assessment, &Results)> = units.iter().zip(&ur).collect();
    use itsm_maturity::charts::units::{trend_chart, units_heatmap, units_radar};
    use itsm_maturity::domain::units::{compare, history};
    let name = "8 units: compare + radar + heatmap (27 processes)";
    let all = || {
        let cmp = compare(&pairs);
        units_radar(&cmp, &opts).len() + units_heatmap(&cmp, &opts).len()
    };
    report(name, &format!("{} bytes", all()), BUDGET_MS, measure(100, all));
    let name = "history of 8 dates: compare + trend chart";
    let trend = || trend_chart(&history(&pairs), &opts).len();
    report(name, &format!("{} bytes", trend()), BUDGET_MS, measure(100, trend));
}
