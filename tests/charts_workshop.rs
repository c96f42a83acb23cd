//! The workshop and comparison charts, natively: the spread (consensus,
//! min–max whisker, a dot per participant), the delta bars (sorted by change,
//! up / down / flat), and the radar with a baseline series. Each is checked
//! for well-formed XML, one `data-process` group per process in the right
//! order, the empty and one-process cases, hostile process and participant
//! names escaped exactly once, and the Pizza&Pizza follow-up. Set
//! `CHARTS_OUT=/some/dir` to also write the charts there for a look.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{number, parse, text_box};
use common::*;
use itsm_maturity::charts::delta::delta_chart;
use itsm_maturity::charts::radar::{radar, radar_compare};
use itsm_maturity::charts::spread::spread_chart;
use itsm_maturity::charts::ChartOptions;
use itsm_maturity::domain::assessment::{Answer, Assessment, Mode};
use itsm_maturity::domain::results::Results;
use itsm_maturity::domain::sample::{sample, synthetic};
use itsm_maturity::domain::workshop::{deltas, spread, Delta, Spread};
use itsm_maturity::domain::{evaluate, Action, Catalog};
use roxmltree::{Document, Node};
use Answer::*;

const HOSTILE: &str = "<img src=x onerror=alert(1)> & \"q\"";
const HOSTILE_ESCAPED: &str = "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;";
const PIZZA: &str = "Pizza&Pizza \"crew\"";
const PIZZA_ESCAPED: &str = "Pizza&amp;Pizza &quot;crew&quot;";
const WIDTHS: [u32; 5] = [200, 320, 360, 800, 1400];

// ---------------------------------------------------------------- fixtures

fn three_spreads() -> Vec<Spread> {
    let c = mini_catalog();
    let a = three_people();
    spread(&c, &a, &evaluate(&c, &a))
}

/// The default catalog, every process in scope, 30 participants.
fn thirty_spreads() -> Vec<Spread> {
    let c = Catalog::default_catalog();
    let a = synthetic(&c, 30);
    spread(&c, &a, &evaluate(&c, &a))
}

/// The mini catalog with process a named `a_name` and b `b_name`.
fn named_catalog(a_name: &str, b_name: &str) -> Catalog {
    let mut json = mini_catalog_json();
    json["processes"][0]["name"] = a_name.into();
    json["processes"][1]["name"] = b_name.into();
    Catalog::parse(&json.to_string()).unwrap()
}

/// A hand-made delta (the chart reads nothing else).
fn delta(process: &str, change: f64, levels: (u8, u8)) -> Delta {
    Delta {
        process: process.into(),
        name: format!("Process {process}"),
        baseline_index: 2.0,
        current_index: 2.0 + change,
        delta: change,
        baseline_level: levels.0,
        current_level: levels.1,
        attributes: Vec::new(),
    }
}

/// A hand-made spread row over (participant, index) pairs.
fn spread_row(process: &str, consensus: f64, per: &[(&str, f64)]) -> Spread {
    let values = per.iter().map(|x| x.1);
    Spread {
        process: process.into(),
        name: format!("Process {process}"),
        consensus,
        min: values.clone().fold(f64::INFINITY, f64::min),
        max: values.fold(f64::NEG_INFINITY, f64::max),
        per_participant: per.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
        agreed: 0,
    }
}

// ---------------------------------------------------------------- SVG helpers

/// The `data-process` groups in document order: (id, node).
fn rows<'a, 'i>(doc: &'a Document<'i>) -> Vec<(String, Node<'a, 'i>)> {
    doc.descendants().filter_map(|n| n.attribute("data-process").map(|v| (v.to_string(), n))).collect()
}

fn row_ids(doc: &Document) -> Vec<String> {
    rows(doc).into_iter().map(|(id, _)| id).collect()
}

/// The groups of `class` under `node`.
fn classed<'a, 'i>(node: Node<'a, 'i>, class: &str) -> Vec<Node<'a, 'i>> {
    node.descendants().filter(|n| n.has_tag_name("g") && n.attribute("class") == Some(class)).collect()
}

/// The text of a group's tooltip (its first child `<title>`).
fn tooltip<'a>(g: Node<'a, '_>) -> Option<&'a str> {
    g.first_element_child().filter(|t| t.has_tag_name("title")).and_then(|t| t.text())
}

/// The trimmed contents of the `<text>` elements under `node`.
fn texts(node: Node) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect()
}

/// The (x, y) pairs of a `points` attribute.
fn points(node: Node) -> Vec<(f64, f64)> {
    node.attribute("points")
        .unwrap()
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// Every text lies on the canvas, its estimated box included.
fn assert_texts_on_canvas(doc: &Document, what: &str) {
    let root = doc.root_element();
    let (w, h) = (number(root, "width"), number(root, "height"));
    for n in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let (x0, y0, x1, y1) = text_box(n);
        assert!(x0 >= 0.0 && x1 <= w && y0 >= 0.0 && y1 <= h, "{what}: text {:?} at {x0}..{x1}, {y0}..{y1}", n.text());
    }
}

/// The whisker's ends (x) of a spread row.
fn whisker_ends(row: Node) -> (f64, f64) {
    let range = classed(row, "range");
    assert_eq!(range.len(), 1);
    let lines: Vec<Node> = range[0].descendants().filter(|n| n.has_tag_name("polyline")).collect();
    assert_eq!(lines.len(), 3, "the whisker and its two end caps");
    let xs: Vec<f64> = points(lines[0]).iter().map(|p| p.0).collect();
    (xs[0].min(xs[1]), xs[0].max(xs[1]))
}

/// The x of a spread row's consensus diamond (the centre of its coloured polygon).
fn consensus_x(row: Node) -> f64 {
    let marks = classed(row, "consensus");
    assert_eq!(marks.len(), 1);
    let diamond = marks[0].descendants().rfind(|n| n.has_tag_name("polygon")).unwrap();
    let xs: Vec<f64> = points(diamond).iter().map(|p| p.0).collect();
    (xs.iter().cloned().fold(f64::INFINITY, f64::min) + xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max)) / 2.0
}

/// The x of each participant's dot in a spread row, with its tooltip.
fn dots(row: Node) -> Vec<(String, f64)> {
    classed(row, "participant")
        .into_iter()
        .map(|g| {
            let circle = g.descendants().find(|n| n.has_tag_name("circle")).unwrap();
            (tooltip(g).unwrap().to_string(), number(circle, "cx"))
        })
        .collect()
}

// ---------------------------------------------------------------- spread

#[test]
fn spread_is_well_formed_with_a_row_per_process_in_order_at_every_width_and_theme() {
    for (case, spreads) in [("three", three_spreads()), ("thirty", thirty_spreads())] {
        let expected: Vec<String> = spreads.iter().map(|s| s.process.clone()).collect();
        assert!(expected.len() >= 2, "{case}");
        for width in WIDTHS {
            for dark in [false, true] {
                let svg = spread_chart(&spreads, &ChartOptions { width, dark });
                let doc = parse(&svg);
                assert_eq!(number(doc.root_element(), "width"), width.max(320) as f64);
                assert_eq!(row_ids(&doc), expected, "{case} at {width}: rows in the given order");
                assert_eq!(svg.matches("data-process=").count(), expected.len());
                assert_texts_on_canvas(&doc, &format!("spread {case} {width} {dark}"));
                for ((id, row), s) in rows(&doc).into_iter().zip(&spreads) {
                    assert_eq!(dots(row).len(), s.per_participant.len(), "{case} {id}: a dot per participant");
                    let shown = texts(row).join(" ");
                    assert!(shown.contains(&s.name) || tooltip(row) == Some(s.name.as_str()), "{shown}");
                    assert!(shown.contains(&format!("{:.2}", s.consensus)), "{id}: consensus figure in {shown}");
                }
                let legend = texts(doc.root_element()).join("|");
                assert!(legend.contains("Participant") && legend.contains("Consensus"), "{legend}");
            }
        }
    }
}

#[test]
fn spread_dots_carry_name_and_index_and_sit_between_the_whisker_ends_with_the_consensus() {
    let spreads = three_spreads();
    // Process a: p1 (N, P) is lowest; p2, p3 and the consensus (L, L) reach level 1
    // and share the gated index 1.0 at the top of the whisker.
    // Spreads follow the priority order; take process a wherever it sits.
    let a = spreads.iter().find(|s| s.process == "a").unwrap();
    assert!(a.min < a.consensus && a.consensus <= a.max, "{a:?}");
    for width in [360, 800] {
        let svg = spread_chart(&spreads, &ChartOptions { width, dark: false });
        let doc = parse(&svg);
        for ((id, row), s) in rows(&doc).into_iter().zip(&spreads) {
            let (lo, hi) = whisker_ends(row);
            let cx = consensus_x(row);
            assert!(lo <= cx && cx <= hi, "{id} at {width}: consensus {cx} outside whisker {lo}..{hi}");
            let dots = dots(row);
            let want: Vec<String> = s.per_participant.iter().map(|(n, v)| format!("{n}: {v:.2}")).collect();
            assert_eq!(dots.iter().map(|d| d.0.clone()).collect::<Vec<_>>(), want, "{id}: tooltips");
            for (name, x) in &dots {
                assert!(lo - 0.5 <= *x && *x <= hi + 0.5, "{id}: {name} at {x} outside {lo}..{hi}");
            }
            // The lowest and highest participants sit on the whisker's ends.
            let xs: Vec<f64> = dots.iter().map(|d| d.1).collect();
            assert_eq!(xs.iter().cloned().fold(f64::INFINITY, f64::min), lo, "{id}");
            assert_eq!(xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max), hi, "{id}");
        }
        // Process a: the whisker spans a real distance and the dots go up p1 < p2 = p3
        // (p2 and p3 both reach level 1: gated index 1.0).
        let (_, row) = rows(&doc).into_iter().find(|(id, _)| id == "a").unwrap();
        let (lo, hi) = whisker_ends(row);
        assert!(hi - lo > 10.0, "{lo}..{hi}");
        let xs: Vec<f64> = dots(row).iter().map(|d| d.1).collect();
        assert!(xs[0] < xs[1] && xs[1] == xs[2], "{xs:?}");
        assert_eq!(dots(row)[0].0, format!("Me: {:.2}", a.per_participant[0].1), "p1 is the default participant");
    }
}

#[test]
fn spread_places_values_on_a_zero_to_five_scale() {
    // Consensus 2.5 sits halfway between participants at 0 and 5.
    let s = [spread_row("a", 2.5, &[("Lo", 0.0), ("Hi", 5.0)])];
    let doc_svg = spread_chart(&s, &ChartOptions::default());
    let doc = parse(&doc_svg);
    let (_, row) = rows(&doc).into_iter().next().unwrap();
    let (lo, hi) = whisker_ends(row);
    assert!((consensus_x(row) - (lo + hi) / 2.0).abs() <= 1.0);
    let ticks = texts(doc.root_element());
    for level in ["0", "1", "2", "3", "4", "5"] {
        assert!(ticks.iter().any(|t| t == level), "axis tick {level}: {ticks:?}");
    }
}

#[test]
fn spread_row_where_everyone_agrees_stays_visible() {
    let s = [spread_row("a", 3.0, &[("Ana", 3.0), ("Ben", 3.0), ("Cy", 3.0)]), spread_row("b", 1.0, &[("Ana", 1.0)])];
    let svg = spread_chart(&s, &ChartOptions::default());
    let doc = parse(&svg);
    for (id, row) in rows(&doc) {
        let (lo, hi) = whisker_ends(row);
        assert_eq!(lo, hi, "{id}: min == max");
        assert_eq!(consensus_x(row), lo, "{id}");
        let range = classed(row, "range")[0];
        let caps: Vec<Vec<(f64, f64)>> =
            range.descendants().filter(|n| n.has_tag_name("polyline")).skip(1).map(points).collect();
        assert!(caps.iter().all(|c| (c[0].1 - c[1].1).abs() >= 10.0), "{id}: end caps with height: {caps:?}");
        // The three agreeing dots do not hide one another: each has its own lane.
        let centres: Vec<(f64, f64)> = classed(row, "participant")
            .iter()
            .map(|g| {
                let c = g.descendants().find(|n| n.has_tag_name("circle")).unwrap();
                (number(c, "cx"), number(c, "cy"))
            })
            .collect();
        let mut ys: Vec<i64> = centres.iter().map(|c| c.1 as i64).collect();
        ys.dedup();
        assert_eq!(ys.len(), centres.len(), "{id}: {centres:?}");
    }
}

#[test]
fn spread_of_nothing_says_so_and_of_one_process_draws_one_row() {
    for dark in [false, true] {
        let svg = spread_chart(&[], &ChartOptions { width: 800, dark });
        let doc = parse(&svg);
        assert!(row_ids(&doc).is_empty());
        assert_eq!(texts(doc.root_element()), ["No process in scope yet"]);
        let message = doc.descendants().find(|n| n.has_tag_name("text")).unwrap();
        assert_eq!(number(message, "x"), 400.0, "centred");
    }
    // One process in scope: the mini catalog with only b, two participants.
    let c = mini_catalog();
    let mut a = assessment();
    a.apply(Action::SetScope { process: "a".into(), in_scope: Some(false) }).unwrap();
    a.apply(Action::AddParticipant(participant("p2"))).unwrap();
    answer(&mut a, "b", "b-1", F);
    let s = spread(&c, &a, &evaluate(&c, &a));
    assert_eq!(s.len(), 1);
    let svg = spread_chart(&s, &ChartOptions::default());
    let doc = parse(&svg);
    assert_eq!(row_ids(&doc), ["b"]);
    assert!(svg.contains("Process b") && !svg.contains("Process a") && !svg.contains("Process c"));
    assert_eq!(dots(rows(&doc)[0].1).len(), 2);
}

#[test]
fn spread_escapes_hostile_process_and_participant_names_exactly_once() {
    for (process, person) in [(HOSTILE, PIZZA), (PIZZA, HOSTILE)] {
        // One process (a) in scope, named `process`; one participant named `person`, one "Ben".
        let c = named_catalog(process, "Process b");
        let mut a = assessment();
        a.apply(Action::SetScope { process: "b".into(), in_scope: Some(false) }).unwrap();
        a.apply(Action::RenameParticipant { id: "p1".into(), name: person.into() }).unwrap();
        a.apply(Action::AddParticipant(participant("p2"))).unwrap();
        a.apply(Action::RenameParticipant { id: "p2".into(), name: "Ben".into() }).unwrap();
        let s = spread(&c, &a, &evaluate(&c, &a));
        assert_eq!((s.len(), s[0].per_participant[0].0.as_str()), (1, person));
        for dark in [false, true] {
            let svg = spread_chart(&s, &ChartOptions { width: 800, dark });
            assert_eq!(svg.matches(HOSTILE_ESCAPED).count(), 1, "{svg}");
            assert_eq!(svg.matches(PIZZA_ESCAPED).count(), 1, "{svg}");
            assert!(!svg.contains("<img") && !svg.contains("Pizza&Pizza") && !svg.contains("\"q\""), "raw");
            assert!(!svg.contains("&amp;lt;") && !svg.contains("&amp;amp;") && !svg.contains("&amp;quot;"));
            // Decoded, the document holds the exact names.
            let doc = parse(&svg);
            let (_, row) = rows(&doc).into_iter().next().unwrap();
            let shown = texts(row).join(" ");
            assert!(shown.contains(process) || tooltip(row) == Some(process), "{shown}");
            let dots = dots(row);
            assert_eq!(dots[0].0, format!("{person}: {:.2}", s[0].per_participant[0].1));
            assert!(dots[1].0.starts_with("Ben: "));
        }
    }
}

// ---------------------------------------------------------------- delta

/// The value label and the direction of each row, in chart order.
fn delta_rows(doc: &Document) -> Vec<(String, String, String)> {
    rows(doc)
        .into_iter()
        .map(|(id, g)| {
            let dir = g.attribute("data-direction").unwrap_or_default().to_string();
            let value = texts(g).into_iter().find(|t| t == "0.00" || t.starts_with('+') || t.starts_with('−'));
            (id, dir, value.unwrap_or_default())
        })
        .collect()
}

/// The zero line's x: the vertical line under the tick "0".
fn zero_x(doc: &Document) -> f64 {
    let tick = doc.descendants().find(|n| n.has_tag_name("text") && n.text().map(str::trim) == Some("0")).unwrap();
    number(tick, "x")
}

/// The bar of a delta row: its rect (x0, x1), or None for a "no change" ring.
fn bar(row: Node) -> Option<(f64, f64)> {
    let g = classed(row, "bar");
    assert_eq!(g.len(), 1);
    g[0].descendants().find(|n| n.has_tag_name("rect")).map(|r| {
        let x = number(r, "x");
        (x, x + number(r, "width"))
    })
}

#[test]
fn delta_rows_run_from_largest_gain_to_largest_loss_with_direction_and_value() {
    let input = [
        delta("a", 0.5, (1, 1)),
        delta("b", -0.2, (2, 2)),
        delta("c", 0.0, (1, 1)),
        delta("d", 0.5, (1, 3)),
        delta("e", 0.001, (1, 1)),
        delta("f", 0.8333, (0, 1)),
        delta("g", -0.004, (2, 1)),
    ];
    for width in WIDTHS {
        for dark in [false, true] {
            let svg = delta_chart(&input, &ChartOptions { width, dark });
            let doc = parse(&svg);
            assert_texts_on_canvas(&doc, &format!("delta {width} {dark}"));
            let got = delta_rows(&doc);
            let want = [
                ("f", "up", "+0.83"),
                ("a", "up", "+0.50"),
                ("d", "up", "+0.50"),
                ("c", "flat", "0.00"),
                ("e", "flat", "0.00"),
                // 2.00 → 1.996 shows as 2.00 → 1.99 (level 2 is no longer reached): the change as shown.
                ("g", "down", "−0.01"),
                ("b", "down", "−0.20"),
            ];
            let want: Vec<(String, String, String)> =
                want.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
            assert_eq!(
                got, want,
                "at {width}: sorted by change, ties in input order, flat when the figures shown are equal"
            );
            // Bars: gains right of the zero line, losses left, no change a ring on it.
            let zero = zero_x(&doc);
            for (id, g) in rows(&doc) {
                let shown = texts(g).join("|");
                match (id.as_str(), bar(g)) {
                    ("a" | "d" | "f", Some((x0, x1))) => assert!(x0 == zero && x1 > zero + 10.0, "{id}: {x0}..{x1}"),
                    ("b", Some((x0, x1))) => assert!(x1 == zero && x0 < zero - 5.0, "{id}: {x0}..{x1}"),
                    ("c" | "e", None) => {}
                    ("g", b) => {
                        assert!(b.is_none_or(|(x0, x1)| x1 == zero && x0 <= zero), "g: a hairline loss at most: {b:?}")
                    }
                    (id, b) => panic!("{id}: unexpected bar {b:?}"),
                }
                let levels = match id.as_str() {
                    "d" => Some("level 1 → 3"),
                    "f" => Some("level 0 → 1"),
                    "g" => Some("level 2 → 1"),
                    _ => None,
                };
                assert_eq!(texts(g).iter().find(|t| t.starts_with("level")).map(String::as_str), levels, "{shown}");
            }
            // a and d have the same change: bars of the same length.
            let len = |id: &str| {
                let (_, g) = rows(&doc).into_iter().find(|(r, _)| r == id).unwrap();
                bar(g).map(|(x0, x1)| x1 - x0).unwrap()
            };
            assert_eq!(len("a"), len("d"));
            assert!(len("f") > len("a"));
        }
    }
}

#[test]
fn delta_axis_is_symmetric_and_reaches_the_largest_change_or_one() {
    for (changes, edge) in [(vec![0.2, -0.1], "1"), (vec![-4.31, 0.5], "5"), (vec![1.3, 0.0], "1.5")] {
        let input: Vec<Delta> = changes.iter().enumerate().map(|(i, &d)| delta(&format!("p{i}"), d, (1, 1))).collect();
        let svg = delta_chart(&input, &ChartOptions::default());
        let doc = parse(&svg);
        // Tick labels ("−1", "0", "+1.5") differ from row values, which have two decimals.
        let ticks: Vec<(String, f64)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| (n.text().unwrap_or_default().trim().to_string(), number(n, "x")))
            .collect();
        let at = |label: &str| ticks.iter().find(|t| t.0 == label).map(|t| t.1);
        let zero = at("0").unwrap();
        let (plus, minus) = (at(&format!("+{edge}")), at(&format!("−{edge}")));
        let (plus, minus) = (plus.unwrap_or_else(|| panic!("+{edge}: {ticks:?}")), minus.unwrap());
        assert!((plus - zero - (zero - minus)).abs() <= 1.0, "symmetric: {minus} {zero} {plus}");
        // The longest bar reaches (or nearly) the outer tick on its side.
        let longest = rows(&doc).into_iter().filter_map(|(_, g)| bar(g)).map(|(a, b)| b - a).fold(0.0, f64::max);
        let share = longest / (plus - zero);
        let largest = changes.iter().fold(0.0_f64, |m, c| m.max(c.abs()));
        let expected = largest / edge.parse::<f64>().unwrap();
        assert!((share - expected).abs() < 0.02, "{changes:?}: bar {share} of the half-axis, want {expected}");
    }
}

#[test]
fn delta_of_nothing_says_so_and_of_one_process_draws_one_row() {
    for dark in [false, true] {
        let svg = delta_chart(&[], &ChartOptions { width: 640, dark });
        let doc = parse(&svg);
        assert!(row_ids(&doc).is_empty());
        assert_eq!(texts(doc.root_element()), ["No process to compare"]);
        let message = doc.descendants().find(|n| n.has_tag_name("text")).unwrap();
        assert_eq!(number(message, "x"), 320.0, "centred");
    }
    let svg = delta_chart(&[delta("b", -0.25, (2, 1))], &ChartOptions::default());
    let doc = parse(&svg);
    assert_eq!(delta_rows(&doc), [("b".to_string(), "down".to_string(), "−0.25".to_string())]);
    assert!(svg.contains("Process b") && svg.contains("level 2 → 1"));
}

#[test]
fn delta_escapes_hostile_names_exactly_once() {
    for (a_name, b_name) in [(HOSTILE, PIZZA), (PIZZA, HOSTILE)] {
        let c = named_catalog(a_name, b_name);
        let base = assessment();
        let mut next = base.clone();
        answer_all(&c, &mut next, "a", F);
        let d = deltas(&evaluate(&c, &base), &evaluate(&c, &next));
        assert_eq!(d.len(), 2);
        for width in [360, 800] {
            let svg = delta_chart(&d, &ChartOptions { width, dark: false });
            assert_eq!(svg.matches(HOSTILE_ESCAPED).count(), 1, "{svg}");
            assert_eq!(svg.matches(PIZZA_ESCAPED).count(), 1, "{svg}");
            assert!(!svg.contains("<img") && !svg.contains("Pizza&Pizza") && !svg.contains("\"q\""), "raw");
            assert!(!svg.contains("&amp;lt;") && !svg.contains("&amp;amp;") && !svg.contains("&amp;quot;"));
            let doc = parse(&svg);
            for ((_, g), name) in rows(&doc).into_iter().zip([a_name, b_name]) {
                let shown = texts(g).join(" ");
                assert!(shown.contains(name) || tooltip(g) == Some(name), "{shown} / {:?}", tooltip(g));
            }
        }
    }
}

#[test]
fn pizza_follow_up_rises_exactly_where_answers_rose() {
    let (base, next) = pizza_follow_up();
    let d = deltas(&base, &next);
    let svg = delta_chart(&d, &ChartOptions::default());
    let doc = parse(&svg);
    let got = delta_rows(&doc);
    assert_eq!(got.len(), next.in_scope().count());
    let up: Vec<&str> = got.iter().filter(|r| r.1 == "up").map(|r| r.0.as_str()).collect();
    assert_eq!(up, ["supplier", "change"], "supplier rose most, then change; nothing else");
    assert!(got.iter().all(|r| r.1 != "down"));
    assert!(got[2..].iter().all(|r| r.1 == "flat" && r.2 == "0.00"));
    let supplier = d.iter().find(|x| x.process == "supplier").unwrap();
    assert_eq!(got[0].2, format!("+{:.2}", supplier.delta));
    let shown = texts(rows(&doc)[0].1).join("|");
    // All F, but the sample asks only up to one level above supplier's target 2.
    assert!(shown.contains("level 0 → 3"), "{shown}");
    // Flat rows keep the catalog order.
    let order: Vec<&str> = next.in_scope().map(|p| p.id.as_str()).filter(|id| !up.contains(id)).collect();
    assert_eq!(got[2..].iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), order);
    // The same follow-up on the radar: supplier's baseline vertex lies inside its current one.
    let svg = radar_compare(&next, &base, &ChartOptions::default());
    let doc = parse(&svg);
    let (_, g) = rows(&doc).into_iter().find(|(id, _)| id == "supplier").unwrap();
    let square = g.descendants().find(|n| n.has_tag_name("rect")).unwrap();
    let dot = g.descendants().find(|n| n.has_tag_name("circle") && number(*n, "r") == 4.0).unwrap();
    let b = (number(square, "x") + 3.0, number(square, "y") + 3.0);
    let c = (number(dot, "cx"), number(dot, "cy"));
    assert_ne!(b, c, "baseline and current differ for supplier");
    if let Some(dir) = std::env::var_os("CHARTS_OUT") {
        write_samples(std::path::Path::new(&dir), &base, &next);
    }
}

// ---------------------------------------------------------------- both

#[test]
fn no_two_texts_overlap_in_either_chart_at_any_width() {
    let long = "Capacity and performance management of the whole delivery network";
    let mut mixed = vec![delta("a", 1.35, (1, 2)), delta("b", -0.62, (2, 1)), delta("c", 0.0, (1, 1))];
    mixed[0].name = long.into();
    mixed[1].name = long.into();
    let (base, next) = pizza_follow_up();
    let mut spreads = thirty_spreads();
    spreads[0].name = long.into();
    for width in [320, 360, 480, 519, 520, 640, 800, 1200] {
        let opts = ChartOptions { width, dark: false };
        let svgs = [
            ("spread thirty", spread_chart(&spreads, &opts)),
            ("spread three", spread_chart(&three_spreads(), &opts)),
            ("delta pizza", delta_chart(&deltas(&base, &next), &opts)),
            ("delta mixed", delta_chart(&mixed, &opts)),
        ];
        for (chart, svg) in &svgs {
            let doc = parse(svg);
            let boxes: Vec<(String, (f64, f64, f64, f64))> = doc
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .map(|n| (n.text().unwrap_or_default().trim().to_string(), text_box(n)))
                .collect();
            for (i, (a, p)) in boxes.iter().enumerate() {
                for (b, q) in &boxes[i + 1..] {
                    let overlap = p.0 < q.2 && q.0 < p.2 && p.1 < q.3 && q.1 < p.3;
                    assert!(!overlap, "{chart} at {width}px: {a:?} {p:?} overlaps {b:?} {q:?}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------- radar with baseline

#[test]
fn radar_compare_adds_a_baseline_series_with_its_legend() {
    let (base, next) = pizza_follow_up();
    let n = next.in_scope().count();
    for dark in [false, true] {
        let opts = ChartOptions { width: 800, dark };
        let svg = radar_compare(&next, &base, &opts);
        let doc = parse(&svg);
        assert_eq!(row_ids(&doc).len(), n);
        let legend = texts(doc.root_element());
        for series in ["Current", "Target", "Baseline"] {
            assert_eq!(legend.iter().filter(|t| *t == series).count(), 1, "{series}: {legend:?}");
        }
        assert!(doc.root_element().attribute("aria-label").unwrap().contains("baseline"));
        // Three series: the current area, and two dashed outlines: the target and the baseline (dotted, in
        // the muted ink, which the plain radar uses only for its outer ring).
        assert_eq!(doc.descendants().filter(|n| n.has_tag_name("polygon")).count(), 1);
        let muted = if dark { "#A9B4C2" } else { "#4F5B69" };
        let strokes = |svg: &str| svg.matches(&format!("stroke=\"{muted}\"")).count();
        let plain = radar(&next, &opts);
        assert!(strokes(&svg) > strokes(&plain) + n, "the baseline outline, dotted");
        // A baseline marker per process.
        for (id, g) in rows(&doc) {
            let marks = g.descendants().filter(|n| n.has_tag_name("rect")).count();
            assert_eq!(marks, 1, "{id}");
        }
        // radar() draws the same chart without the baseline: each of its lines is in the comparison, in order.
        assert!(!plain.contains("Baseline") && !plain.contains("baseline"));
        let mut compare = svg.lines();
        for line in plain.lines().filter(|l| !l.contains("aria-label") && !l.starts_with("<title>")) {
            assert!(compare.any(|c| c == line), "radar line missing from radar_compare: {line}");
        }
    }
}

#[test]
fn radar_compare_draws_a_process_the_baseline_lacks_at_zero() {
    // The baseline's catalog has no process c.
    let mut json = mini_catalog_json();
    json["processes"].as_array_mut().unwrap().remove(2);
    json["service_rules"].as_array_mut().unwrap().remove(0);
    let old = Catalog::parse(&json.to_string()).unwrap();
    let c = mini_catalog();
    let mut before = assessment();
    before.apply(Action::SetMode(Mode::Full)).unwrap();
    answer_all(&old, &mut before, "a", L);
    let baseline = evaluate(&old, &before);
    assert!(baseline.process("c").is_none());
    // Now: a all F, b all N (index 0: its current dot marks the centre), c all L.
    let mut now = before.clone();
    now.apply(Action::SetScope { process: "c".into(), in_scope: Some(true) }).unwrap();
    answer_all(&c, &mut now, "a", F);
    answer_all(&c, &mut now, "b", N);
    answer_all(&c, &mut now, "c", L);
    let results = evaluate(&c, &now);
    let svg = radar_compare(&results, &baseline, &ChartOptions::default());
    let doc = parse(&svg);
    let by_priority: Vec<String> = results.in_scope_by_priority().iter().map(|p| p.id.clone()).collect();
    assert_eq!(row_ids(&doc), by_priority, "the priority order");
    let mut all = row_ids(&doc);
    all.sort();
    assert_eq!(all, ["a", "b", "c"]);
    let square = |id: &str| {
        let (_, g) = rows(&doc).into_iter().find(|(r, _)| r == id).unwrap();
        let r = g.descendants().find(|n| n.has_tag_name("rect")).unwrap();
        (number(r, "x") + 3.0, number(r, "y") + 3.0)
    };
    let (_, b) = rows(&doc).into_iter().find(|(r, _)| r == "b").unwrap();
    let dot = b.descendants().find(|n| n.has_tag_name("circle") && number(*n, "r") == 4.0).unwrap();
    let centre = (number(dot, "cx"), number(dot, "cy"));
    assert_eq!(square("c"), centre, "c is missing from the baseline: drawn at 0");
    assert_ne!(square("a"), centre, "a had a baseline index");
}

#[test]
fn radar_compare_with_one_or_two_processes_draws_three_bars_and_nothing_says_so() {
    let c = mini_catalog();
    let mut a = Assessment::new("t", "Test", "2026-11-23");
    for p in ["a", "b", "c"] {
        a.apply(Action::SetScope { process: p.into(), in_scope: Some(p == "a") }).unwrap();
    }
    let base = evaluate(&c, &a);
    answer_all(&c, &mut a, "a", L);
    let now = evaluate(&c, &a);
    let svg = radar_compare(&now, &base, &ChartOptions::default());
    let doc = parse(&svg);
    assert_eq!(row_ids(&doc), ["a"]);
    let all = texts(doc.root_element()).join("|");
    assert!(all.contains("Current") && all.contains("Target") && all.contains("Baseline"), "{all}");
    assert_eq!(rows(&doc)[0].1.descendants().filter(|n| n.has_tag_name("rect")).count(), 3);
    // The plain radar keeps its two bars.
    let plain = radar(&now, &ChartOptions::default());
    assert_eq!(rows(&parse(&plain))[0].1.descendants().filter(|n| n.has_tag_name("rect")).count(), 2);
    // Nothing in scope.
    let mut empty = Assessment::new("t", "Test", "2026-11-23");
    for p in ["a", "b", "c"] {
        empty.apply(Action::SetScope { process: p.into(), in_scope: Some(false) }).unwrap();
    }
    let none = evaluate(&c, &empty);
    let svg = radar_compare(&none, &base, &ChartOptions::default());
    assert_eq!(texts(parse(&svg).root_element()), ["No process in scope yet"]);
}

/// The Pizza&Pizza sample with three people who disagree: Ben one step lower, Cy one higher.
fn pizza_in_three_minds() -> Assessment {
    let mut a = sample().unwrap().assessment;
    let first = a.participants[0].clone();
    for (i, name, shift) in [(1, "Ben", -1i32), (2, "Cy", 1)] {
        let mut p = first.clone();
        p.id = format!("p{}", i + 1);
        p.name = name.into();
        for (k, entry) in p.answers.values_mut().enumerate() {
            let step = |x: Answer| [N, P, L, F].iter().position(|y| *y == x);
            if let Some(s) = entry.answer.and_then(step) {
                if (k + i) % 3 != 0 {
                    entry.answer = Some([N, P, L, F][(s as i32 + shift).clamp(0, 3) as usize]);
                }
            }
        }
        a.participants.push(p);
    }
    a
}

#[test]
fn spread_figures_read_as_every_other_page_shows_them_with_agreed_answers_noted() {
    use itsm_maturity::domain::assessment::{Agreed, QuestionKey};
    use itsm_maturity::domain::results::index_text;
    let c = Catalog::default_catalog();
    let mut a = pizza_in_three_minds();
    // The sample agreed one answer of infrastructure management in its workshop.
    let noted_rows = |a: &Assessment| {
        let r = evaluate(&c, a);
        let svg = spread_chart(&spread(&c, a, &r), &ChartOptions { width: 800, dark: false });
        let doc = parse(&svg);
        let shown = rows(&doc);
        assert_eq!(shown.len(), r.in_scope_by_priority().len());
        let mut noted = Vec::new();
        for (id, row) in &shown {
            // The consensus is the assessment's own result, written as the results table writes it.
            let want = index_text(r.process(id).unwrap().index);
            assert!(texts(*row).contains(&want), "{id}: {:?} lacks {want}", texts(*row));
            if texts(*row).iter().any(|t| t.ends_with("· 1 agreed")) {
                noted.push(id.clone());
            }
        }
        noted
    };
    assert_eq!(noted_rows(&a), ["infrastructure"]);
    // Agreeing one answer of incident management notes that row too.
    let q = c.questions_for(c.process("incident").unwrap(), false)[0].id.clone();
    a.apply(Action::SetAgreed {
        key: QuestionKey::new("incident", &q),
        agreed: Some(Agreed { answer: F, note: String::new() }),
    })
    .unwrap();
    let mut noted = noted_rows(&a);
    noted.sort();
    assert_eq!(noted, ["incident", "infrastructure"]);
}

// ---------------------------------------------------------------- for a look

/// Writes the charts of this file to `dir` (light and dark, 800 and 360 px).
fn write_samples(dir: &std::path::Path, base: &Results, next: &Results) {
    std::fs::create_dir_all(dir).unwrap();
    let c = Catalog::default_catalog();
    let a = pizza_in_three_minds();
    let r = evaluate(&c, &a);
    let spreads = spread(&c, &a, &r);
    let d = deltas(base, next);
    // Gains, losses and level changes, for a look at both directions.
    let mixed: Vec<Delta> = [
        ("incident", "Incident management", -0.62, (2, 1)),
        ("change", "Change management", 1.35, (1, 2)),
        ("problem", "Problem management", 0.0, (1, 1)),
        ("capacity", "Capacity and performance management", -0.2, (1, 1)),
        ("supplier", "Supplier management", 0.41, (0, 1)),
    ]
    .iter()
    .map(|&(id, name, change, levels)| Delta { name: name.into(), ..delta(id, change, levels) })
    .collect();
    for width in [800, 360] {
        for dark in [false, true] {
            let opts = ChartOptions { width, dark };
            let theme = if dark { "dark" } else { "light" };
            let write = |name: &str, svg: String| std::fs::write(dir.join(format!("{name}-{width}-{theme}.svg")), svg);
            write("spread", spread_chart(&spreads, &opts)).unwrap();
            write("spread3", spread_chart(&three_spreads(), &opts)).unwrap();
            write("spread30", spread_chart(&thirty_spreads(), &opts)).unwrap();
            write("delta", delta_chart(&d, &opts)).unwrap();
            write("delta-mixed", delta_chart(&mixed, &opts)).unwrap();
            write("radar-compare", radar_compare(next, base, &opts)).unwrap();
        }
    }
}
