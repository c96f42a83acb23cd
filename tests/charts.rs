//! The four SVG charts, natively: one row/axis per in-scope process (or rated
//! objective), gap bars ordered by priority, the empty / one / two / all
//! processes cases, hostile names escaped exactly once, well-formed XML with
//! an accessible root, and the Pizza&Pizza sample. Set `CHARTS_OUT=/some/dir`
//! to also write the sample's charts there for a look.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{number, parse, text_box};
use common::{answer_all, assessment, mini_catalog, mini_catalog_json};
use itsm_maturity::charts::gaps::gap_bars;
use itsm_maturity::charts::heatmap::heatmap;
use itsm_maturity::charts::objectives::objective_bars;
use itsm_maturity::charts::radar::radar;
use itsm_maturity::charts::ChartOptions;
use itsm_maturity::domain::assessment::{Answer, Assessment, Mode};
use itsm_maturity::domain::results::Results;
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Action, Catalog};
use roxmltree::{Document, Node};

type Chart = fn(&Results, &ChartOptions) -> String;
const PROCESS_CHARTS: [(&str, Chart); 3] = [("radar", radar), ("gaps", gap_bars), ("heatmap", heatmap)];
const ALL_CHARTS: [(&str, Chart); 4] =
    [("radar", radar), ("gaps", gap_bars), ("heatmap", heatmap), ("objectives", objective_bars)];

const HOSTILE: &str = "<img src=x onerror=alert(1)> & \"quotes\"";
const HOSTILE_ESCAPED: &str = "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;";
const PIZZA: &str = "Pizza&Pizza \"q\"";
const PIZZA_ESCAPED: &str = "Pizza&amp;Pizza &quot;q&quot;";

// ---------------------------------------------------------------- fixtures

fn sample_results() -> Results {
    evaluate(&Catalog::default_catalog(), &sample().unwrap().assessment)
}

/// The default catalog with every process in scope, full mode, fully answered.
fn full_results() -> Results {
    let c = Catalog::default_catalog();
    evaluate(&c, &itsm_maturity::domain::sample::synthetic(&c, 1))
}

/// The mini catalog (processes a, b, c) with only `scope` in scope and nothing rated.
fn mini_with_scope(scope: &[&str]) -> Results {
    let c = mini_catalog();
    let mut a = Assessment::new("t", "Test", "2026-11-23");
    for p in ["a", "b", "c"] {
        a.apply(Action::SetScope { process: p.into(), in_scope: Some(scope.contains(&p)) }).unwrap();
    }
    evaluate(&c, &a)
}

/// The mini catalog with all three processes in scope: a all F, b all L, c unanswered.
fn mini_mixed() -> (Catalog, Results) {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    a.apply(Action::SetScope { process: "c".into(), in_scope: Some(true) }).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer_all(&c, &mut a, "b", Answer::L);
    let r = evaluate(&c, &a);
    (c, r)
}

/// The mini catalog with process a named `a_name`, process b `b_name`,
/// objective X `x_name` and objective Y `y_name`; everything in scope and rated.
fn mini_named(a_name: &str, b_name: &str, x_name: &str, y_name: &str) -> Results {
    let mut json = mini_catalog_json();
    json["processes"][0]["name"] = a_name.into();
    json["processes"][1]["name"] = b_name.into();
    json["objectives"][0]["name"] = x_name.into();
    json["objectives"][1]["name"] = y_name.into();
    let c = Catalog::parse(&json.to_string()).unwrap();
    let mut a = assessment();
    a.apply(Action::SetScope { process: "c".into(), in_scope: Some(true) }).unwrap();
    answer_all(&c, &mut a, "b", Answer::P);
    evaluate(&c, &a)
}

fn in_scope_ids(r: &Results) -> Vec<String> {
    r.in_scope().map(|p| p.id.clone()).collect()
}

// ---------------------------------------------------------------- SVG helpers

/// The elements carrying `attr`, in document order, with the attribute's value.
fn tagged<'a, 'i>(doc: &'a Document<'i>, attr: &str) -> Vec<(String, Node<'a, 'i>)> {
    doc.descendants().filter_map(|n| n.attribute(attr).map(|v| (v.to_string(), n))).collect()
}

fn ids(doc: &Document, attr: &str) -> Vec<String> {
    tagged(doc, attr).into_iter().map(|(id, _)| id).collect()
}

/// The trimmed contents of the `<text>` elements under `node`.
fn texts(node: Node) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect()
}

/// The `y` of the first `<text>` under `node`.
fn first_text_y(node: Node) -> f64 {
    node.descendants().find(|n| n.has_tag_name("text")).and_then(|n| n.attribute("y")).unwrap().parse().unwrap()
}

// ---------------------------------------------------------------- tests

#[test]
fn every_chart_is_well_formed_and_accessible_in_every_case_width_and_theme() {
    let cases = [
        ("sample", sample_results()),
        ("full", full_results()),
        ("empty", mini_with_scope(&[])),
        ("one", mini_with_scope(&["a"])),
        ("two", mini_with_scope(&["a", "b"])),
        ("mixed", mini_mixed().1),
        ("hostile", mini_named(HOSTILE, PIZZA, HOSTILE, PIZZA)),
    ];
    for (case, r) in &cases {
        for (chart, f) in ALL_CHARTS {
            for width in [200, 320, 800, 1400] {
                for dark in [false, true] {
                    let svg = f(r, &ChartOptions { width, dark });
                    let doc = parse(&svg);
                    let root = doc.root_element();
                    assert_eq!(number(root, "width"), width.max(320) as f64, "{chart} {case}");
                    let height = number(root, "height");
                    assert!(height >= 80.0, "{chart} {case} width {width}: height {height}");
                    // Nothing is drawn outside the canvas.
                    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
                        let (x, y) = (number(n, "x"), number(n, "y"));
                        assert!(
                            (0.0..=width.max(320) as f64).contains(&x) && (0.0..=height).contains(&y),
                            "{chart} {case} width {width}: text {:?} at ({x}, {y})",
                            n.text()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn process_charts_have_one_group_per_in_scope_process() {
    for r in [sample_results(), full_results(), mini_mixed().1] {
        // One order on every chart: the priority order of the profile and the presenter.
        let expected: Vec<String> = r.in_scope_by_priority().iter().map(|p| p.id.clone()).collect();
        assert!(expected.len() >= 3);
        for (chart, f) in PROCESS_CHARTS {
            let svg = f(&r, &ChartOptions::default());
            let doc = parse(&svg);
            let mut got = ids(&doc, "data-process");
            assert_eq!(got, expected, "{chart}: rows/axes in the priority order");
            got.sort();
            let mut want = expected.clone();
            want.sort();
            assert_eq!(got, want, "{chart}: one group per in-scope process");
            assert_eq!(svg.matches("data-process=").count(), expected.len(), "{chart}");
            // Each group names its process, in full or cut with the full name as tooltip.
            for (id, g) in tagged(&doc, "data-process") {
                let name = &r.process(&id).unwrap().name;
                let tooltip = g.first_element_child().filter(|t| t.has_tag_name("title")).and_then(|t| t.text());
                let shown = texts(g).join(" ");
                assert!(
                    tooltip == Some(name.as_str()) || shown.contains(name.trim_end_matches(" management")),
                    "{chart}: group {id} shows {shown:?}, tooltip {tooltip:?}"
                );
            }
        }
    }
}

#[test]
fn radar_draws_one_axis_per_process_for_the_whole_catalog() {
    let r = full_results();
    assert_eq!(r.in_scope().count(), 27);
    let svg = radar(&r, &ChartOptions::default());
    let doc = parse(&svg);
    assert_eq!(ids(&doc, "data-process").len(), 27);
    // The current area is one polygon with a vertex per process.
    let polygons: Vec<Node> = doc.descendants().filter(|n| n.has_tag_name("polygon")).collect();
    assert_eq!(polygons.len(), 1);
    assert_eq!(polygons[0].attribute("points").unwrap().split_whitespace().count(), 27);
    // Five closed rings of 27 sides.
    let rings = doc
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .filter(|n| n.attribute("points").unwrap().split_whitespace().count() == 28)
        .count();
    assert_eq!(rings, 5 + 1, "five rings and the current outline");
    let legend = texts(doc.root_element());
    assert!(legend.contains(&"Current".to_string()) && legend.contains(&"Target".to_string()), "{legend:?}");
}

#[test]
fn labels_of_different_processes_never_overlap() {
    for r in [sample_results(), full_results()] {
        for (chart, f) in PROCESS_CHARTS {
            for width in [320, 480, 560, 800, 1200] {
                let svg = f(&r, &ChartOptions { width, dark: false });
                let doc = parse(&svg);
                let boxes: Vec<(String, (f64, f64, f64, f64))> = tagged(&doc, "data-process")
                    .into_iter()
                    .flat_map(|(id, g)| {
                        g.descendants()
                            .filter(|n| {
                                n.has_tag_name("text") && n.ancestors().all(|a| a.attribute("data-attribute").is_none())
                            })
                            .map(move |n| (id.clone(), text_box(n)))
                            .collect::<Vec<_>>()
                    })
                    .collect();
                for (i, (a, p)) in boxes.iter().enumerate() {
                    for (b, q) in &boxes[i + 1..] {
                        let overlap = p.0 < q.2 && q.0 < p.2 && p.1 < q.3 && q.1 < p.3;
                        assert!(
                            !(a != b && overlap),
                            "{chart} at {width}px: labels of {a} and {b} overlap: {p:?} {q:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_narrow_radar_numbers_its_axes_and_names_them_in_a_key() {
    let r = full_results();
    let doc_svg = radar(&r, &ChartOptions { width: 360, dark: false });
    let doc = parse(&doc_svg);
    let groups = tagged(&doc, "data-process");
    assert_eq!(groups.len(), 27);
    for (i, (id, g)) in groups.iter().enumerate() {
        let shown = texts(*g);
        let number = (i + 1).to_string();
        assert_eq!(shown.iter().filter(|t| **t == number).count(), 2, "{id}: axis number and key number: {shown:?}");
        let name = &r.process(id).unwrap().name;
        let tooltip = g.first_element_child().filter(|t| t.has_tag_name("title")).and_then(|t| t.text());
        assert!(shown.contains(name) || tooltip == Some(name.as_str()), "{id}: {shown:?}");
    }
    // At 800 px the axes carry (shortened) names instead.
    let wide = radar(&r, &ChartOptions::default());
    assert!(texts(parse(&wide).root_element()).iter().any(|t| t == "Incident"));
}

#[test]
fn radar_places_each_process_at_its_index_and_target() {
    // a: all F (index 5), b: all N (index 0, at the centre), c: all L.
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    a.apply(Action::SetScope { process: "c".into(), in_scope: Some(true) }).unwrap();
    a.apply(Action::SetTarget { process: "a".into(), target: Some(2) }).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer_all(&c, &mut a, "b", Answer::N);
    answer_all(&c, &mut a, "c", Answer::L);
    let r = evaluate(&c, &a);
    assert_eq!((r.process("a").unwrap().index, r.process("b").unwrap().index), (5.0, 0.0));
    let svg = radar(&r, &ChartOptions::default());
    let doc = parse(&svg);
    let groups = tagged(&doc, "data-process");
    let circle = |id: &str, radius: f64| {
        let g = groups.iter().find(|(g, _)| g == id).unwrap().1;
        let n = g.descendants().find(|n| n.has_tag_name("circle") && number(*n, "r") == radius).unwrap();
        (number(n, "cx"), number(n, "cy"))
    };
    let centre = circle("b", 4.0);
    let dist = |p: (f64, f64)| ((p.0 - centre.0).powi(2) + (p.1 - centre.1).powi(2)).sqrt();
    let outer = dist(circle("a", 4.0));
    assert!(outer > 100.0, "index 5 sits on the outer ring, got {outer}");
    let target_a = dist(circle("a", 3.0));
    assert!((target_a / outer - 2.0 / 5.0).abs() < 0.01, "a's target 2 at 2/5 of the radius: {target_a} / {outer}");
    let index_c = r.process("c").unwrap().index;
    assert!((dist(circle("c", 4.0)) / outer - index_c / 5.0).abs() < 0.01);
}

#[test]
fn radar_with_one_or_two_processes_falls_back_to_bars() {
    for scope in [&["a"][..], &["a", "b"][..]] {
        let r = mini_with_scope(scope);
        assert_eq!(in_scope_ids(&r), scope);
        let svg = radar(&r, &ChartOptions::default());
        let doc = parse(&svg);
        assert_eq!(ids(&doc, "data-process"), scope);
        let all = texts(doc.root_element()).join("|");
        assert!(all.contains("A radar needs at least three processes"), "{all}");
        assert!(all.contains("Current") && all.contains("Target"), "{all}");
        // Two bars (current, target) per process.
        for (_, g) in tagged(&doc, "data-process") {
            assert_eq!(g.descendants().filter(|n| n.has_tag_name("rect")).count(), 2);
        }
    }
}

#[test]
fn nothing_in_scope_renders_a_message_instead_of_a_chart() {
    let r = mini_with_scope(&[]);
    assert_eq!(r.in_scope().count(), 0);
    for (chart, f) in PROCESS_CHARTS {
        let svg = f(&r, &ChartOptions::default());
        let doc = parse(&svg);
        assert!(ids(&doc, "data-process").is_empty(), "{chart}");
        assert_eq!(texts(doc.root_element()), ["No process in scope yet"], "{chart}");
    }
    let svg = objective_bars(&r, &ChartOptions::default());
    assert!(r.objectives.is_empty());
    assert_eq!(texts(parse(&svg).root_element()), ["No objective rated yet"]);
}

#[test]
fn one_process_in_scope_gives_one_row_in_every_process_chart() {
    let r = mini_with_scope(&["b"]);
    for (chart, f) in PROCESS_CHARTS {
        let svg = f(&r, &ChartOptions::default());
        assert_eq!(ids(&parse(&svg), "data-process"), ["b"], "{chart}");
        assert!(svg.contains("Process b"), "{chart}");
        assert!(!svg.contains("Process a") && !svg.contains("Process c"), "{chart}");
    }
}

#[test]
fn gap_bars_run_top_to_bottom_by_priority() {
    let r = sample_results();
    let svg = gap_bars(&r, &ChartOptions::default());
    let doc = parse(&svg);
    let rows = tagged(&doc, "data-process");
    let priorities: Vec<f64> = rows.iter().map(|(id, _)| r.process(id).unwrap().priority).collect();
    assert!(priorities.windows(2).all(|w| w[0] >= w[1]), "{priorities:?}");
    assert!(priorities[0] > priorities[priorities.len() - 1], "the sample has distinct priorities");
    let ys: Vec<f64> = rows.iter().map(|(_, g)| first_text_y(*g)).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "labels go down the chart: {ys:?}");
}

#[test]
fn charts_read_the_gated_index_and_never_round_it_up_to_the_next_level() {
    // The gate trap: PA1.1 at L, everything else F → level 1, gated index 1.99.
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    a.apply(Action::SetTarget { process: "a".into(), target: Some(3) }).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    common::answer(&mut a, "a", "a-1", Answer::L);
    common::answer(&mut a, "a", "a-2", Answer::L);
    let r = evaluate(&c, &a);
    let p = r.process("a").unwrap();
    assert_eq!(p.level, 1);
    assert!((p.index - 1.99).abs() < 1e-9);
    let gaps = gap_bars(&r, &ChartOptions::default());
    let doc = parse(&gaps);
    let row = tagged(&doc, "data-process").into_iter().find(|(id, _)| id == "a").unwrap().1;
    let shown = texts(row).join("|");
    assert!(shown.contains("1.99 → 3") && !shown.contains("2.0"), "{shown}");
    // The one-or-two-process radar draws bars labelled with the same figure.
    let mut only_a = a.clone();
    only_a.apply(Action::SetScope { process: "b".into(), in_scope: Some(false) }).unwrap();
    let radar_svg = radar(&evaluate(&c, &only_a), &ChartOptions::default());
    let shown = texts(parse(&radar_svg).root_element()).join("|");
    assert!(shown.split('|').any(|t| t == "1.99") && !shown.split('|').any(|t| t.starts_with("2.0")), "{shown}");
}

#[test]
fn gap_bars_keep_catalog_order_for_equal_priorities_and_mark_met_targets() {
    // a and c fully answered: level 5 ≥ target, priority 0 (a tie). b is unanswered: a gap.
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    a.apply(Action::SetScope { process: "c".into(), in_scope: Some(true) }).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    answer_all(&c, &mut a, "c", Answer::F);
    let r = evaluate(&c, &a);
    assert!(r.process("b").unwrap().priority > 0.0);
    assert_eq!((r.process("a").unwrap().priority, r.process("c").unwrap().priority), (0.0, 0.0));
    let svg = gap_bars(&r, &ChartOptions::default());
    let doc = parse(&svg);
    assert_eq!(ids(&doc, "data-process"), ["b", "a", "c"]);
    for (id, g) in tagged(&doc, "data-process") {
        let shown = texts(g).join("|");
        let b = r.process("b").unwrap();
        if id == "b" {
            assert!(!shown.contains("target met"), "{shown}");
            assert!(shown.contains(&format!("0.00 → {}", b.target)), "{shown}");
        } else {
            assert!(shown.contains("✓ target met"), "{id}: {shown}");
        }
    }
}

#[test]
fn heatmap_cells_carry_the_rating_letter_and_colour() {
    let (_, r) = mini_mixed();
    let svg = heatmap(&r, &ChartOptions::default());
    let doc = parse(&svg);
    // a is at level 5, so all nine columns are drawn; b (level 4, no target)
    // and c (unanswered, level 0) have their cells above level 4 and 1 faded.
    for (id, letter, fill, faded) in
        [("a", "F", "#2C7BB6", "#2C7BB6"), ("b", "L", "#ABD9E9", "#E2F2F7"), ("c", "–", "#E4E9F0", "#F6F7FA")]
    {
        let p = r.process(id).unwrap();
        let own = p.target.max(p.level).max(1);
        let g = tagged(&doc, "data-process").into_iter().find(|(g, _)| g == id).unwrap().1;
        let cells: Vec<Node> = g.descendants().filter(|n| n.attribute("data-attribute").is_some()).collect();
        let attrs: Vec<&str> = cells.iter().map(|n| n.attribute("data-attribute").unwrap()).collect();
        assert_eq!(attrs, ["PA1.1", "PA2.1", "PA2.2", "PA3.1", "PA3.2", "PA4.1", "PA4.2", "PA5.1", "PA5.2"]);
        for (cell, attr) in cells.into_iter().zip(itsm_maturity::domain::Attribute::ALL) {
            assert_eq!(texts(cell), [letter], "{id}");
            let rect = cell.descendants().find(|n| n.has_tag_name("rect")).unwrap();
            let want = if attr.level() > own { faded } else { fill };
            assert_eq!(rect.attribute("fill"), Some(want), "{id} {}", attr.id());
        }
    }
    // Letters in whichever of black and white contrasts more: black on both blues.
    assert!(svg.contains("fill=\"#000000\" font-weight=\"bold\">\nF"), "black F");
    assert!(svg.contains("fill=\"#000000\" font-weight=\"bold\">\nL"), "black L");
    let legend = texts(doc.root_element()).join("|");
    for word in ["Not achieved", "Partially", "Largely", "Fully", "Unrated"] {
        assert!(legend.contains(word), "legend lacks {word}: {legend}");
    }
}

#[test]
fn heatmap_shows_not_applicable_attributes_as_n_a() {
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&c, &mut a, "a", Answer::F);
    common::answer(&mut a, "a", "g-pa31", Answer::NA);
    let svg = heatmap(&evaluate(&c, &a), &ChartOptions::default());
    let doc = parse(&svg);
    let g = tagged(&doc, "data-process").into_iter().find(|(g, _)| g == "a").unwrap().1;
    let cell = g.descendants().find(|n| n.attribute("data-attribute") == Some("PA3.1")).unwrap();
    assert_eq!(texts(cell), ["n/a"]);
    assert!(svg.contains("PA3.1: not applicable"), "tooltip says so");
}

#[test]
fn heatmap_column_headings_never_run_into_each_other() {
    let r = sample_results();
    for width in [320, 360, 480, 640, 800, 1200] {
        let svg = heatmap(&r, &ChartOptions { width, dark: false });
        let doc = parse(&svg);
        // The header texts are the ones outside every process row and above the first row.
        let first_row_y = tagged(&doc, "data-process").first().map(|(_, g)| first_text_y(*g)).unwrap();
        let heads: Vec<(String, (f64, f64, f64, f64))> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && n.ancestors().all(|a| a.attribute("data-process").is_none()))
            .filter(|n| number(*n, "y") < first_row_y - 10.0)
            .map(|n| (n.text().unwrap_or_default().trim().to_string(), text_box(n)))
            .collect();
        // The sample's highest target is level 3: three level headings and five attribute headings.
        assert_eq!(heads.len(), 3 + 5, "{width}px: {heads:?}");
        for (i, (a, p)) in heads.iter().enumerate() {
            for (b, q) in &heads[i + 1..] {
                let overlap = p.0 < q.2 && q.0 < p.2 && p.1 < q.3 && q.1 < p.3;
                assert!(!overlap, "{width}px: headings {a:?} and {b:?} overlap: {p:?} {q:?}");
            }
        }
    }
}

#[test]
fn chart_heights_follow_the_number_of_rows() {
    // The radar's height follows its width instead (a circle of axes).
    let (small, big) = (mini_mixed().1, full_results());
    for (chart, f) in [("gaps", gap_bars as Chart), ("heatmap", heatmap)] {
        let h = |r: &Results| number(parse(&f(r, &ChartOptions::default())).root_element(), "height");
        assert!(h(&big) > h(&small), "{chart}");
    }
    let rows = |r: &Results| number(parse(&objective_bars(r, &ChartOptions::default())).root_element(), "height");
    assert!(rows(&big) > rows(&small));
}

#[test]
fn objective_bars_follow_results_order_and_label_unsupported_objectives() {
    // Objective Y needs only b; with b out of scope it has no support figure.
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetScope { process: "b".into(), in_scope: Some(false) }).unwrap();
    answer_all(&c, &mut a, "a", Answer::L);
    let r = evaluate(&c, &a);
    assert!(r.objectives[0].support.is_some() && r.objectives[1].support.is_none());
    let svg = objective_bars(&r, &ChartOptions::default());
    let doc = parse(&svg);
    assert_eq!(ids(&doc, "data-objective"), ["obj-x", "obj-y"]);
    let rows = tagged(&doc, "data-objective");
    let x = texts(rows[0].1).join("|");
    let y = texts(rows[1].1).join("|");
    assert!(x.starts_with("Objective X") && x.ends_with(&format!("{:.0} %", r.objectives[0].support.unwrap())));
    assert!(y.contains("Objective Y") && y.contains("no process in scope"), "{y}");
    assert!(first_text_y(rows[0].1) < first_text_y(rows[1].1));
    // The supported row has a track and a bar; the unsupported one a track and its outline only.
    let fills = |g: Node| {
        g.descendants()
            .filter(|n| n.has_tag_name("rect"))
            .map(|n| n.attribute("fill").unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(fills(rows[0].1).len(), 2);
    assert!(!fills(rows[1].1).contains(&"#0072B2".to_string()));
}

#[test]
fn hostile_names_are_escaped_exactly_once_in_every_chart() {
    for (a_name, b_name) in [(HOSTILE, PIZZA), (PIZZA, HOSTILE)] {
        let r = mini_named(a_name, b_name, a_name, b_name);
        for (chart, f) in ALL_CHARTS {
            for dark in [false, true] {
                let svg = f(&r, &ChartOptions { width: 800, dark });
                assert_eq!(svg.matches(HOSTILE_ESCAPED).count(), 1, "{chart}:\n{svg}");
                assert_eq!(svg.matches(PIZZA_ESCAPED).count(), 1, "{chart}:\n{svg}");
                assert!(!svg.contains("<img"), "{chart}: raw markup");
                assert!(!svg.contains("Pizza&Pizza"), "{chart}: raw ampersand");
                assert!(!svg.contains("\"quotes\"") && !svg.contains("\"q\""), "{chart}: raw quotes");
                assert!(!svg.contains("&amp;lt;") && !svg.contains("&amp;amp;") && !svg.contains("&amp;quot;"));
                // Decoded, the document holds the exact names.
                let doc = parse(&svg);
                let attr = if chart == "objectives" { "data-objective" } else { "data-process" };
                for (_, g) in tagged(&doc, attr).into_iter().take(2) {
                    let title = g.first_element_child().filter(|t| t.has_tag_name("title")).and_then(|t| t.text());
                    let shown = texts(g).join(" ");
                    assert!(
                        [HOSTILE, PIZZA].iter().any(|n| title == Some(*n) || shown.contains(n)),
                        "{chart}: {title:?} / {shown:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn dark_mode_draws_light_text_on_a_dark_background() {
    let r = sample_results();
    for (chart, f) in ALL_CHARTS {
        let light = f(&r, &ChartOptions::default());
        let dark = f(&r, &ChartOptions { width: 800, dark: true });
        let bg = |svg: &str| {
            let doc = parse(svg);
            let rect = doc.root_element().children().find(|n| n.has_tag_name("rect")).unwrap();
            rect.attribute("fill").unwrap().to_string()
        };
        assert_eq!((bg(&light).as_str(), bg(&dark).as_str()), ("#FFFFFF", "#18202A"), "{chart}");
        assert!(dark.contains("fill=\"#E8EDF3\""), "{chart}: light text");
        assert!(!dark.contains("fill=\"#1B2430\""), "{chart}: no dark text in dark mode");
    }
}

#[test]
fn the_pizza_sample_renders_all_four_charts() {
    let r = sample_results();
    let scoped = in_scope_ids(&r);
    assert!(scoped.len() >= 3 && !r.objectives.is_empty());
    let out = std::env::var_os("CHARTS_OUT");
    for (chart, f) in ALL_CHARTS {
        let svg = f(&r, &ChartOptions::default());
        let doc = parse(&svg);
        let expected = if chart == "objectives" { r.objectives.len() } else { scoped.len() };
        let attr = if chart == "objectives" { "data-objective" } else { "data-process" };
        assert_eq!(ids(&doc, attr).len(), expected, "{chart}");
        if let Some(dir) = &out {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(std::path::Path::new(dir).join(format!("{chart}.svg")), &svg).unwrap();
            let dark = f(&r, &ChartOptions { width: 800, dark: true });
            std::fs::write(std::path::Path::new(dir).join(format!("{chart}-dark.svg")), dark).unwrap();
        }
    }
}

#[test]
fn heatmap_names_wrap_onto_two_lines_on_a_phone_instead_of_being_cut() {
    let r = sample_results();
    let svg = heatmap(&r, &ChartOptions { width: 360, dark: false });
    let doc = parse(&svg);
    for (id, g) in tagged(&doc, "data-process") {
        let name = &r.process(&id).unwrap().name;
        let shown: String = texts(g).into_iter().filter(|t| t.chars().count() > 3).collect::<Vec<_>>().join(" ");
        assert_eq!(shown.replace(' ', ""), name.replace(' ', ""), "{id}: the whole name is shown");
    }
}

#[test]
fn radar_labels_drop_management_only_where_the_name_still_reads_whole() {
    let r = sample_results();
    let svg = radar(&r, &ChartOptions { width: 800, dark: false });
    let doc = parse(&svg);
    let label = |id: &str| {
        let (_, g) = tagged(&doc, "data-process").into_iter().find(|(p, _)| p == id).unwrap();
        texts(g).join(" ")
    };
    // "Change management" reads as "Change"; "Software development and
    // management" as "Software development", never ending on "and"; the
    // full names are in the tooltips.
    let change = label("change");
    assert!(change.starts_with("Change"), "{change}");
    let dev = label("software-development");
    assert!(dev.starts_with("Software development"), "{dev}");
    assert!(!dev.contains(" and…") && !dev.contains(" an…"), "{dev}");
    let (_, g) = tagged(&doc, "data-process").into_iter().find(|(p, _)| p == "software-development").unwrap();
    let tip: Vec<String> =
        g.descendants().filter(|n| n.has_tag_name("title")).map(|n| n.text().unwrap_or_default().to_string()).collect();
    assert!(
        tip.iter().any(|t| t.contains("Software development and management")),
        "the full name as a tooltip: {tip:?}"
    );
}
