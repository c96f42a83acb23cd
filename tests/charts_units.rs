//! The units charts, natively, on the Pizza&Pizza sample and copies of it
//! with another unit, date, scope or answers: the units radar (one outline
//! per unit with answers, the empty unit only in the legend, bars for fewer
//! than three processes), the units heatmap (a cell per process × unit,
//! out of scope and no answers said so, level 0 at the warning end of the
//! scale, the lowest index per process) and a unit's trend over time (a row
//! per process, ▲ / ▼ for rises and falls, a message for a single date).
//! Every chart is well-formed XML with an accessible root at 320, 800 and
//! 1280 px, light and dark, and a hostile unit name appears only escaped.
//! Set `CHARTS_OUT=/some/dir` to also write the charts there for a look.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{number, parse, text_box};
use itsm_maturity::charts::units::{trend_chart, units_heatmap, units_radar};
use itsm_maturity::charts::ChartOptions;
use itsm_maturity::domain::assessment::{Answer, AnswerEntry, Assessment, QuestionKey};
use itsm_maturity::domain::format::decode;
use itsm_maturity::domain::results::Results;
use itsm_maturity::domain::units::{compare, history, Cell, Comparison, History};
use itsm_maturity::domain::{evaluate, Action, Catalog};
use roxmltree::{Document, Node};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";
const HOSTILE_ESCAPED: &str = "&lt;img src=x onerror=alert(1)&gt;";
const WIDTHS: [u32; 3] = [320, 800, 1280];

// ---------------------------------------------------------------- fixtures

fn catalog() -> Catalog {
    Catalog::parse(include_str!("../catalog/default.json")).expect("the default catalog is valid")
}

/// The Pizza&Pizza sample as saved (whole organization, 2026-11-02, eight processes in scope).
/// The sample as a full assessment, so a unit can reach level 5.
fn sample() -> Assessment {
    let mut a = decode(include_str!("../data/sample-pizza.json")).expect("the sample decodes").assessment;
    a.mode = itsm_maturity::domain::assessment::Mode::Full;
    a
}

/// A copy of the sample for `unit` on `date`.
fn copy(id: &str, unit: &str, date: &str) -> Assessment {
    let mut a = sample();
    a.id = id.into();
    a.name = format!("{unit} {date}");
    a.organization.unit = unit.into();
    a.date = date.into();
    a
}

/// Every participant answers every question of `process` with `ans` (agreed answers dropped).
fn answer_all(c: &Catalog, a: &mut Assessment, process: &str, ans: Answer) {
    let p = c.process(process).expect("a catalog process");
    let prefix = format!("{process}/");
    a.agreed.retain(|k, _| !k.0.starts_with(&prefix));
    for who in a.participants.iter_mut() {
        for q in c.questions_for(p, false) {
            let entry = AnswerEntry { answer: Some(ans), note: String::new() };
            who.answers.insert(QuestionKey::new(process, &q.id), entry);
        }
    }
}

fn out_of_scope(a: &mut Assessment, process: &str) {
    a.apply(Action::SetScope { process: process.into(), in_scope: Some(false) }).unwrap();
}

/// No answer at all.
fn clear(a: &mut Assessment) {
    a.agreed.clear();
    for who in a.participants.iter_mut() {
        who.answers.clear();
    }
}

/// Three units: the sample (whole organization); Kitchen with incident
/// fully achieved, change all N and problem out of scope; Delivery with no
/// answers yet.
fn three_units(c: &Catalog) -> Vec<Assessment> {
    let whole = sample();
    let mut kitchen = copy("kitchen", "Kitchen", "2026-11-05");
    answer_all(c, &mut kitchen, "incident", Answer::F);
    answer_all(c, &mut kitchen, "change", Answer::N);
    out_of_scope(&mut kitchen, "problem");
    let mut delivery = copy("delivery", "Delivery", "2026-11-06");
    clear(&mut delivery);
    vec![whole, kitchen, delivery]
}

fn comparison_of(c: &Catalog, list: &[Assessment]) -> Comparison {
    let results: Vec<Results> = list.iter().map(|a| evaluate(c, a)).collect();
    let items: Vec<(&Assessment, &Results)> = list.iter().zip(&results).collect();
    compare(&items)
}

/// The three units with only incident and infrastructure in scope.
fn two_processes() -> Comparison {
    let cat = catalog();
    let mut list = three_units(&cat);
    for a in &mut list {
        for p in ["security", "supplier", "service-desk", "problem", "change", "software-development"] {
            out_of_scope(a, p);
        }
    }
    comparison_of(&cat, &list)
}

fn units() -> Comparison {
    let c = catalog();
    comparison_of(&c, &three_units(&c))
}

/// The whole organization over three dates: in March incident all N and
/// change all F; in July incident out of scope; in November the sample.
fn history_of(list: &[Assessment]) -> History {
    let c = catalog();
    let results: Vec<Results> = list.iter().map(|a| evaluate(&c, a)).collect();
    let items: Vec<(&Assessment, &Results)> = list.iter().zip(&results).collect();
    history(&items)
}

fn three_dates() -> Vec<Assessment> {
    let c = catalog();
    let mut march = copy("march", "", "2026-03-01");
    answer_all(&c, &mut march, "incident", Answer::N);
    answer_all(&c, &mut march, "change", Answer::F);
    let mut july = copy("july", "", "2026-07-01");
    out_of_scope(&mut july, "incident");
    // Given out of order: the history sorts by date.
    vec![sample(), march, july]
}

/// The most a comparison shows: eight units with long names over the full
/// catalog (every process in scope), each unit with its own strong and weak
/// processes and one out of scope.
fn eight_units() -> Comparison {
    let c = catalog();
    let ids: Vec<String> = c.processes.iter().map(|p| p.id.clone()).collect();
    let list: Vec<Assessment> = (0..8)
        .map(|k| {
            let mut a = itsm_maturity::domain::sample::synthetic(&c, 2);
            a.id = format!("u{k}");
            a.organization.unit = format!("Regional delivery point number {k} (north-east)");
            a.date = format!("2026-0{}-15", k + 1);
            answer_all(&c, &mut a, &ids[(3 * k) % ids.len()], Answer::F);
            answer_all(&c, &mut a, &ids[(3 * k + 1) % ids.len()], Answer::N);
            out_of_scope(&mut a, &ids[(3 * k + 2) % ids.len()]);
            a
        })
        .collect();
    comparison_of(&c, &list)
}

/// The same unit on eight dates, getting better.
fn eight_dates() -> History {
    let c = catalog();
    let ids: Vec<String> = c.processes.iter().map(|p| p.id.clone()).collect();
    let list: Vec<Assessment> = (0..8)
        .map(|k| {
            let mut a = itsm_maturity::domain::sample::synthetic(&c, 1);
            a.id = format!("d{k}");
            a.date = format!("202{}-0{}-01", 3 + k / 4, 1 + 2 * (k % 4));
            for p in ids.iter().take(k * 3) {
                answer_all(&c, &mut a, p, Answer::L);
            }
            if k == 4 {
                out_of_scope(&mut a, &ids[0]);
            }
            a
        })
        .collect();
    history_of(&list)
}

// ----------------------------------------------------------------- helpers

fn groups<'a>(doc: &'a Document, attr: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants().filter(|n| n.has_tag_name("g") && n.attribute(attr).is_some()).collect()
}

fn tooltip<'a>(g: Node<'a, 'a>) -> &'a str {
    g.children().find(|n| n.has_tag_name("title")).and_then(|t| t.text()).unwrap_or_default()
}

fn texts(node: Node) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect()
}

/// `#RRGGBB` to (r, g, b).
fn channels(hex: &str) -> (f64, f64, f64) {
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64;
    (c(1), c(3), c(5))
}

/// WCAG relative luminance of `#RRGGBB`.
fn luminance(hex: &str) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let (r, g, b) = channels(hex);
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// The fill of the first `<rect>` in a group.
fn fill(g: Node) -> String {
    g.descendants().find(|n| n.has_tag_name("rect")).and_then(|r| r.attribute("fill")).unwrap().to_uppercase()
}

/// Every chart of the fixtures, named: the sample's three units and three
/// dates, and the most a chart shows (eight units, eight dates, the full catalog).
fn all_charts(opts: &ChartOptions) -> Vec<(&'static str, String)> {
    let (c, h) = (units(), history_of(&three_dates()));
    let (many, long) = (eight_units(), eight_dates());
    vec![
        ("units-radar", units_radar(&c, opts)),
        ("units-heatmap", units_heatmap(&c, opts)),
        ("trend", trend_chart(&h, opts)),
        ("units-radar-many", units_radar(&many, opts)),
        ("units-heatmap-many", units_heatmap(&many, opts)),
        ("trend-many", trend_chart(&long, opts)),
    ]
}

// ------------------------------------------------------------------- radar

#[test]
fn a_radar_of_eight_units_draws_four_outlines_and_says_the_rest_are_in_the_heatmap() {
    let many = eight_units();
    let svg = units_radar(&many, &ChartOptions::default());
    let doc = parse(&svg);
    let outlines: Vec<&str> = groups(&doc, "data-unit")
        .iter()
        .filter(|g| g.attribute("data-process").is_none())
        .map(|g| tooltip(*g))
        .collect();
    let mut first: Vec<&itsm_maturity::domain::units::Column> = many.columns.iter().filter(|c| !c.empty).collect();
    first.sort_by_key(|c| c.apart.is_some());
    let first: Vec<&str> = first.iter().take(4).map(|c| c.label.as_str()).collect();
    assert_eq!(outlines, first, "four units, those rolled up first, each outline named");
    let words: String = doc.descendants().filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
    assert!(words.contains("The radar shows 4 of the 8 units"), "{words}");
    assert!(svg.contains("the heatmap and the table show all of them"));
}

#[test]
fn the_fixture_has_what_the_tests_rely_on() {
    let c = units();
    assert_eq!(c.columns.len(), 3);
    assert_eq!(c.rows.len(), 8, "the sample's eight processes in scope");
    assert!(c.columns[2].empty && !c.columns[0].empty && !c.columns[1].empty);
    let row = |id: &str| c.rows.iter().find(|r| r.process == id).unwrap();
    assert_eq!(row("incident").cells[1].level(), Some(5), "incident fully achieved in Kitchen");
    assert_eq!(row("change").cells[1].level(), Some(0), "change all N in Kitchen");
    assert_eq!(row("problem").cells[1], Cell::OutOfScope);
    assert_eq!(row("problem").cells[2], Cell::NoAnswers);
}

#[test]
fn radar_draws_one_outline_per_unit_with_answers_and_lists_the_empty_one_in_the_legend() {
    let c = units();
    let svg = units_radar(&c, &ChartOptions::default());
    let doc = parse(&svg);
    let drawn: Vec<&str> = groups(&doc, "data-unit").iter().map(|g| g.attribute("data-unit").unwrap()).collect();
    assert_eq!(drawn, ["0", "1"], "the empty Delivery unit has no outline");
    let axes: Vec<&str> = groups(&doc, "data-process").iter().map(|g| g.attribute("data-process").unwrap()).collect();
    let rows: Vec<&str> = c.rows.iter().map(|r| r.process.as_str()).collect();
    assert_eq!(axes, rows, "one axis per process, in row order");
    let legend: Vec<String> = groups(&doc, "class")
        .iter()
        .filter(|g| g.attribute("class") == Some("legend"))
        .flat_map(|g| texts(*g))
        .collect();
    assert_eq!(
        legend,
        ["Whole organization · 2026-11-02", "Kitchen · 2026-11-05", "Delivery · 2026-11-06 — no answers"]
    );
    // Each unit has its own colour and its own dash pattern.
    let stroke = |k: &str| {
        let g = groups(&doc, "data-unit").into_iter().find(|g| g.attribute("data-unit") == Some(k)).unwrap();
        let lines: Vec<Node> = g.descendants().filter(|n| n.has_tag_name("polyline")).collect();
        (lines[0].attribute("stroke").unwrap().to_string(), lines.len())
    };
    let ((c0, pieces0), (c1, pieces1)) = (stroke("0"), stroke("1"));
    assert_ne!(c0, c1, "different colours");
    assert_eq!(pieces0, 1, "the first unit is solid");
    assert!(pieces1 > 8, "the second is dashed: {pieces1} pieces");
}

#[test]
fn radar_leaves_a_units_unscored_processes_out_of_its_outline_and_says_so() {
    let c = units();
    let svg = units_radar(&c, &ChartOptions::default());
    let doc = parse(&svg);
    // Kitchen (the second unit) has square markers: one per scored process, none for problem.
    let kitchen = groups(&doc, "data-unit").into_iter().find(|g| g.attribute("data-unit") == Some("1")).unwrap();
    let markers = kitchen.descendants().filter(|n| n.has_tag_name("polygon")).count();
    let scored = c.rows.iter().filter(|r| r.cells[1].index().is_some()).count();
    assert_eq!((markers, scored), (7, 7));
    assert!(svg.contains("left out of a unit&#39;s outline"), "the note says why: {svg}");
    // With every process scored in every unit with answers, no note.
    let cat = catalog();
    let mut list = three_units(&cat);
    list[1] = copy("kitchen", "Kitchen", "2026-11-05");
    let svg = units_radar(&comparison_of(&cat, &list), &ChartOptions::default());
    assert!(!svg.contains("left out of"), "{svg}");
}

#[test]
fn radar_of_two_processes_is_grouped_bars_with_a_note() {
    let c = two_processes();
    assert_eq!(c.rows.len(), 2);
    let svg = units_radar(&c, &ChartOptions::default());
    let doc = parse(&svg);
    assert!(svg.contains("A radar needs at least three processes"), "{svg}");
    let processes = groups(&doc, "data-process");
    assert_eq!(processes.len(), 2);
    for p in processes {
        let bars: Vec<&str> = groups(&doc, "data-unit")
            .into_iter()
            .filter(|g| g.ancestors().any(|a| a == p))
            .map(|g| g.attribute("data-unit").unwrap())
            .collect();
        assert_eq!(bars, ["0", "1"], "one bar per unit with answers");
    }
    assert!(svg.contains("L5 · 5.00"), "Kitchen's incident bar is labelled: {svg}");
}

#[test]
fn nothing_to_compare_is_a_message() {
    let cat = catalog();
    let mut a = sample();
    clear(&mut a);
    let mut b = copy("b", "Kitchen", "2026-11-05");
    clear(&mut b);
    let c = comparison_of(&cat, &[a, b]);
    assert!(c.rows.is_empty());
    for svg in [units_radar(&c, &ChartOptions::default()), units_heatmap(&c, &ChartOptions::default())] {
        parse(&svg);
        assert!(svg.contains("Nothing scored to compare yet"), "{svg}");
    }
}

// ----------------------------------------------------------------- heatmap

#[test]
fn heatmap_has_a_cell_per_process_and_unit_and_says_what_is_not_scored() {
    let c = units();
    let svg = units_heatmap(&c, &ChartOptions::default());
    let doc = parse(&svg);
    let cells: Vec<Node> =
        groups(&doc, "data-unit").into_iter().filter(|g| g.attribute("data-process").is_some()).collect();
    assert_eq!(cells.len(), c.rows.len() * c.columns.len());
    let cell = |p: &str, k: &str| {
        *cells.iter().find(|g| g.attribute("data-process") == Some(p) && g.attribute("data-unit") == Some(k)).unwrap()
    };
    let problem = cell("problem", "1");
    assert!(tooltip(problem).ends_with("out of scope"), "{}", tooltip(problem));
    assert_eq!(texts(problem), ["–"]);
    assert!(tooltip(cell("problem", "2")).ends_with("no answers"));
    assert_eq!(texts(cell("problem", "2")), ["no answers"]);
    assert_eq!(texts(cell("incident", "1")), ["L5 · 5.00"]);
    let headers: Vec<String> = groups(&doc, "data-column").iter().map(|g| texts(*g).join(" ")).collect();
    assert_eq!(headers, ["Whole organization 2026-11-02", "Kitchen 2026-11-05", "Delivery 2026-11-06"]);
}

#[test]
fn heatmap_colours_level_0_at_the_warning_end_and_level_5_at_the_calm_end() {
    for dark in [false, true] {
        let svg = units_heatmap(&units(), &ChartOptions { width: 800, dark });
        let doc = parse(&svg);
        let cell = |p: &str| {
            groups(&doc, "data-unit")
                .into_iter()
                .find(|g| g.attribute("data-process") == Some(p) && g.attribute("data-unit") == Some("1"))
                .unwrap()
        };
        let (zero, five) = (fill(cell("change")), fill(cell("incident")));
        assert_ne!(zero, five);
        let ((r0, _, b0), (r5, _, b5)) = (channels(&zero), channels(&five));
        assert!(r0 > b0 + 100.0, "level 0 is warm (vermillion): {zero}");
        assert!(b5 > r5, "level 5 is cool: {five}");
        // Level 0 stands out most from the background, on light and on dark.
        let bg = if dark { 0.014 } else { 1.0 };
        let contrast = |l: f64| (l.max(bg) + 0.05) / (l.min(bg) + 0.05);
        assert!(contrast(luminance(&zero)) > 2.0 * contrast(luminance(&five)), "dark {dark}: {zero} vs {five}");
        // The legend lists the levels 0–5 in order of the same fills.
        let cell_fills: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect"))
            .filter_map(|r| r.attribute("fill"))
            .map(str::to_uppercase)
            .collect();
        let first = |hex: &str| cell_fills.iter().position(|f| f == hex).unwrap();
        assert!(first(&zero) < first(&five));
    }
}

#[test]
fn heatmap_lowest_column_gives_the_lowest_index_and_the_weakest_unit() {
    let c = units();
    let svg = units_heatmap(&c, &ChartOptions::default());
    let doc = parse(&svg);
    let lowest = groups(&doc, "data-roll-up");
    // A row with no unit in the roll-up (problem: out of scope in Kitchen, the
    // whole organization shown apart) has no lowest cell.
    assert_eq!(lowest.len(), c.rows.iter().filter(|r| r.min_index.is_some()).count());
    assert!(lowest.iter().all(|g| g.attribute("data-process") != Some("problem")));
    let change = lowest.iter().find(|g| g.attribute("data-process") == Some("change")).unwrap();
    assert_eq!(texts(*change), ["L0 · 0.00"]);
    assert!(tooltip(*change).ends_with("in Kitchen"), "the weakest unit by name: {}", tooltip(*change));
}

#[test]
fn heatmap_fits_a_phone_with_numbered_columns() {
    let c = units();
    let svg = units_heatmap(&c, &ChartOptions { width: 320, dark: false });
    let doc = parse(&svg);
    let headers = groups(&doc, "data-column");
    assert_eq!(headers.len(), 3);
    for (k, g) in headers.iter().enumerate() {
        let t = texts(*g);
        assert_eq!(t[0], (k + 1).to_string(), "numbered");
        assert_eq!(tooltip(*g), c.columns[k].label, "the full label as a tooltip");
    }
    // Narrow cells put the level over the index.
    let incident = groups(&doc, "data-unit")
        .into_iter()
        .find(|g| g.attribute("data-process") == Some("incident") && g.attribute("data-unit") == Some("1"))
        .unwrap();
    assert_eq!(texts(incident), ["L5", "5.00"]);
}

// ------------------------------------------------------------------- trend

#[test]
fn trend_has_a_row_per_process_with_its_change() {
    let h = history_of(&three_dates());
    assert_eq!(h.dates(), ["2026-03-01", "2026-07-01", "2026-11-02"]);
    let svg = trend_chart(&h, &ChartOptions::default());
    let doc = parse(&svg);
    let rows = groups(&doc, "data-process");
    let ids: Vec<&str> = rows.iter().map(|g| g.attribute("data-process").unwrap()).collect();
    let expected: Vec<&str> = h.over_time.rows.iter().map(|r| r.process.as_str()).collect();
    assert_eq!(ids, expected);
    let row = |id: &str| *rows.iter().find(|g| g.attribute("data-process") == Some(id)).unwrap();
    let (incident, change) = (row("incident"), row("change"));
    assert_eq!(incident.attribute("data-direction"), Some("up"));
    let last = texts(incident).pop().unwrap();
    assert!(last.starts_with("0.00 → ") && last.ends_with('▲'), "{last}");
    assert_eq!(change.attribute("data-direction"), Some("down"));
    assert!(texts(change).pop().unwrap().starts_with("5.00 → ") && texts(change).pop().unwrap().ends_with('▼'));
    assert_eq!(row("security").attribute("data-direction"), Some("flat"));
    assert!(texts(row("security")).pop().unwrap().ends_with('='));
    // Incident was out of scope in July: its sparkline has a gap (two dots, no line across).
    let dots = incident.descendants().filter(|n| n.has_tag_name("circle")).count();
    assert_eq!(dots, 2);
    for date in h.dates() {
        assert!(svg.contains(date), "the date {date} is written");
    }
}

#[test]
fn trend_of_a_single_date_is_a_message() {
    let h = history_of(&[sample()]);
    let svg = trend_chart(&h, &ChartOptions::default());
    parse(&svg);
    assert!(svg.contains("A history needs two dated assessments"), "{svg}");
}

// ------------------------------------------------------------- every chart

#[test]
fn a_hostile_unit_name_appears_only_escaped() {
    let cat = catalog();
    let mut list = three_units(&cat);
    list[1].organization.unit = HOSTILE.into();
    list[2].organization.unit = format!("{HOSTILE} 2");
    let c = comparison_of(&cat, &list);
    let mut dated = three_dates();
    for a in &mut dated {
        a.organization.unit = HOSTILE.into();
    }
    let h = history_of(&dated);
    for width in WIDTHS {
        let opts = ChartOptions { width, dark: false };
        for svg in [units_radar(&c, &opts), units_heatmap(&c, &opts), trend_chart(&h, &opts)] {
            parse(&svg);
            assert!(!svg.contains("<img"), "{svg}");
            assert!(svg.contains(HOSTILE_ESCAPED), "{svg}");
            assert!(!svg.contains("&amp;lt;"), "escaped once: {svg}");
        }
    }
}

#[test]
fn every_chart_is_well_formed_and_as_wide_as_asked_light_and_dark() {
    for width in WIDTHS {
        for dark in [false, true] {
            for (name, svg) in all_charts(&ChartOptions { width, dark }) {
                let doc = parse(&svg);
                let root = doc.root_element();
                assert_eq!(number(root, "width"), width as f64, "{name} at {width}");
                assert!(number(root, "height") > 100.0, "{name} at {width}");
                let bg = doc.descendants().find(|n| n.has_tag_name("rect")).unwrap().attribute("fill").unwrap();
                assert_eq!(bg == "#18202A", dark, "{name}: the theme's background");
                // No text runs off the chart (rough glyph metrics).
                for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
                    let (x0, _, x1, _) = text_box(t);
                    assert!(x0 >= -2.0 && x1 <= width as f64 + 2.0, "{name} at {width}: {:?} at {x0}..{x1}", t.text());
                }
            }
        }
    }
    // Narrower than the narrowest layout: drawn at 320.
    for (name, svg) in all_charts(&ChartOptions { width: 200, dark: false }) {
        assert_eq!(number(parse(&svg).root_element(), "width"), 320.0, "{name}");
    }
}

#[test]
fn writes_the_charts_for_a_look_when_asked() {
    let Some(dir) = std::env::var_os("CHARTS_OUT") else { return };
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    for (width, dark) in [(800, false), (800, true), (320, false), (1280, false)] {
        let bars = ("units-bars", units_radar(&two_processes(), &ChartOptions { width, dark }));
        for (name, svg) in all_charts(&ChartOptions { width, dark }).into_iter().chain([bars]) {
            let file = format!("{name}-{width}{}.svg", if dark { "-dark" } else { "" });
            std::fs::write(dir.join(file), svg).unwrap();
        }
    }
}
