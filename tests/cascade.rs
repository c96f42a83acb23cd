//! The goals cascade: the sample's chain as a graph, and its picture.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::parse;
use itsm_maturity::charts::cascade::cascade_chart;
use itsm_maturity::charts::ChartOptions;
use itsm_maturity::domain::assessment::{Action, Decision};
use itsm_maturity::domain::cascade::cascade;
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Catalog};

fn node_index(c: &itsm_maturity::domain::cascade::Cascade, col: usize, id: &str) -> usize {
    c.columns[col].iter().position(|n| n.id == id).unwrap_or_else(|| panic!("no {id} in column {col}"))
}

#[test]
fn the_sample_cascade_runs_from_card_payment_to_supplier_management() {
    let catalog = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let r = evaluate(&catalog, &a);
    let c = cascade(&catalog, &a, &r, 12);
    let obj = node_index(&c, 0, "custom-card-payment");
    let door = c.columns[1].iter().position(|n| n.label == "Take card payment on delivery.").unwrap();
    let pay = node_index(&c, 2, "svc-payment");
    let supplier = node_index(&c, 3, "supplier");
    let has =
        |col: usize, from: usize, to: usize| c.links.iter().any(|l| l.column == col && l.from == from && l.to == to);
    assert!(has(0, obj, door), "objective → decision");
    assert!(has(1, door, pay), "decision → service");
    assert!(has(2, pay, supplier), "service → process");
    assert!(c.links.iter().all(|l| l.weight > 0.0));
    assert!(c.columns[3].len() <= 12);
    assert_eq!(
        c.columns[3].len() + c.more_processes,
        r.in_scope()
            .filter(|p| p
                .relevance
                .contributions
                .iter()
                .any(|x| matches!(x.reason, itsm_maturity::domain::relevance::Reason::Service { .. })))
            .count()
    );
    assert!(c
        .describe_links()
        .iter()
        .any(|l| l.starts_with("Card payment on delivery and online → Take card payment on delivery.")));
    // Read backwards per process: the services that raise it and the objectives behind them.
    let traces = c.by_process();
    assert_eq!(traces.len(), c.columns[3].len());
    let sup = traces.iter().find(|t| t.process == c.columns[3][supplier].label).unwrap();
    assert!(sup.services.contains(&c.columns[2][pay].label), "{sup:?}");
    assert!(sup.objectives.contains(&c.columns[0][obj].label), "{sup:?}");
    assert!(traces.iter().all(|t| !t.services.is_empty() && !t.objectives.is_empty()));
}

#[test]
fn the_cascade_picture_draws_every_node_and_link_colours_processes_and_counts_the_rest() {
    let catalog = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let r = evaluate(&catalog, &a);
    let c = cascade(&catalog, &a, &r, 6);
    assert!(c.more_processes > 0, "the sample raises more than 6 processes through its services");
    for width in [360, 800, 1200] {
        let svg = cascade_chart(&c, &ChartOptions { width, dark: false });
        let doc = parse(&svg);
        let nodes = doc.descendants().filter(|n| n.attribute("data-node").is_some()).count();
        let links = doc.descendants().filter(|n| n.attribute("data-link").is_some()).count();
        assert_eq!(nodes, c.columns.iter().map(|col| col.len()).sum::<usize>(), "width {width}");
        assert_eq!(links, c.links.len());
        assert!(svg.contains(&format!("and {} more processes", c.more_processes)));
    }
    // A process below target and one at target get different fills.
    let fills: std::collections::BTreeSet<String> = parse(&cascade_chart(&c, &ChartOptions::default()))
        .descendants()
        .filter(|n| n.attribute("data-node").is_some_and(|k| k.starts_with("3:")))
        .filter_map(|g| {
            g.descendants().find(|x| x.tag_name().name() == "rect").and_then(|x| x.attribute("fill").map(String::from))
        })
        .collect();
    assert!(!fills.is_empty());
}

#[test]
fn hostile_names_are_escaped_and_no_strategy_gives_a_message() {
    let catalog = Catalog::default_catalog();
    let mut a = sample().unwrap().assessment;
    let hostile = "<img src=x onerror=alert(1)> & \"co\"";
    let d = Decision {
        id: "dec-x".into(),
        objective: "custom-card-payment".into(),
        text: hostile.into(),
        services: vec!["svc-payment".into()],
    };
    a.apply(Action::AddDecision(d)).unwrap();
    let r = evaluate(&catalog, &a);
    let svg = cascade_chart(&cascade(&catalog, &a, &r, 12), &ChartOptions::default());
    parse(&svg);
    assert!(!svg.contains("<img"), "the decision text is escaped");
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    a.strategy.clear();
    let r = evaluate(&catalog, &a);
    let empty = cascade_chart(&cascade(&catalog, &a, &r, 12), &ChartOptions::default());
    parse(&empty);
    assert!(empty.contains("Link strategy decisions to services"));
}

#[test]
fn the_sample_decisions_read_whole_where_their_column_has_room() {
    let catalog = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let r = evaluate(&catalog, &a);
    let c = cascade(&catalog, &a, &r, 12);
    for width in [800, 900, 1200] {
        let svg = cascade_chart(&c, &ChartOptions { width, dark: false });
        let doc = parse(&svg);
        let boxes: Vec<_> = doc.descendants().filter(|n| n.attribute("data-node").is_some()).collect();
        for g in boxes.iter().filter(|g| g.attribute("data-node").unwrap().starts_with("1:")) {
            let text: Vec<&str> = g.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
            assert!(!text.is_empty() && text.iter().all(|t| !t.trim().ends_with('…')), "width {width}: {text:?}");
        }
        // Boxes of one column never overlap, whatever their heights.
        for col in 0..4 {
            let mut spans: Vec<(f64, f64)> = boxes
                .iter()
                .filter(|g| g.attribute("data-node").unwrap().starts_with(&format!("{col}:")))
                .map(|g| {
                    let r = g.descendants().find(|x| x.has_tag_name("rect")).unwrap();
                    let y: f64 = r.attribute("y").unwrap().parse().unwrap();
                    (y, y + r.attribute("height").unwrap().parse::<f64>().unwrap())
                })
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "column {col} at {width}: {spans:?}");
        }
    }
}
