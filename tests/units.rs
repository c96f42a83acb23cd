//! One client, many assessments: grouping by organization and unit, units
//! side by side with a roll-up, history over time, and comparisons across
//! catalogs. The case is not the sample: a regional hospital group with three
//! sites, on the small test catalog.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answer_all, assessment, mini_catalog, mini_catalog_json};
use itsm_maturity::domain::assessment::{Answer, HeaderField};
use itsm_maturity::domain::units::{
    compare, group, history, median, org_key, previous, trend, Cell, Listing, WHOLE_ORGANIZATION,
};
use itsm_maturity::domain::{evaluate, Action, Assessment, Catalog, Results};

fn site(id: &str, unit: &str, date: &str, answers: &[(&str, Answer)]) -> Assessment {
    let c = mini_catalog();
    let mut a = assessment();
    a.id = id.into();
    a.name = format!("{unit} review");
    a.date = date.into();
    a.apply(Action::SetHeader(HeaderField::OrgName("St. Mary's Hospital Group".into()))).unwrap();
    a.apply(Action::SetHeader(HeaderField::Unit(unit.into()))).unwrap();
    a.apply(Action::SetMode(itsm_maturity::domain::assessment::Mode::Full)).unwrap();
    // Process c serves no objective: the sites put it in scope themselves.
    a.apply(Action::SetScope { process: "c".into(), in_scope: Some(true) }).unwrap();
    for (p, ans) in answers {
        answer_all(&c, &mut a, p, *ans);
    }
    a
}

fn evaluated(items: &[Assessment], c: &Catalog) -> Vec<Results> {
    items.iter().map(|a| evaluate(c, a)).collect()
}

fn listing(a: &Assessment) -> Listing {
    Listing {
        id: a.id.clone(),
        name: a.name.clone(),
        organization: a.organization.name.clone(),
        unit: a.organization.unit.clone(),
        date: a.date.clone(),
        completion: 1.0,
    }
}

#[test]
fn organizations_group_by_name_then_unit_then_date() {
    let mut list = vec![
        listing(&site("n1", "North site", "2026-03-01", &[])),
        listing(&site("n2", "north  SITE", "2026-09-01", &[])),
        listing(&site("s1", "South site", "2026-05-01", &[])),
        listing(&site("w1", "", "2026-01-15", &[])),
    ];
    let mut other = listing(&site("x1", "", "2026-02-01", &[]));
    other.organization = "Pizza&Pizza".into();
    list.push(other);
    // The same client spelled differently is one organization.
    list[3].organization = "st marys hospital-group".into();
    assert_eq!(org_key("Pizza&Pizza"), "pizza-pizza");
    assert_eq!(org_key("St. Mary's Hospital Group"), "st-marys-hospital-group");
    assert_eq!(org_key("  "), "unnamed");

    let groups = group(&list);
    let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Pizza&Pizza", "St. Mary's Hospital Group"], "named as the newest assessment spells it");
    let hospital = &groups[1];
    assert_eq!(hospital.len(), 4);
    let units: Vec<&str> = hospital.units.iter().map(|u| u.unit.as_str()).collect();
    // Without a unit: the whole organization, first; one North unit, whatever its case and spacing.
    assert_eq!(units, [WHOLE_ORGANIZATION, "north  SITE", "South site"]);
    let north: Vec<&str> = hospital.units[1].assessments.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(north, ["n2", "n1"], "newest first");
}

#[test]
fn units_side_by_side_roll_up_per_process_and_keep_their_own_targets() {
    let c = mini_catalog();
    let north = site("n", "North", "2026-06-01", &[("a", Answer::F), ("b", Answer::L), ("c", Answer::N)]);
    let mut south = site("s", "South", "2026-06-02", &[("a", Answer::L), ("b", Answer::F), ("c", Answer::F)]);
    south.apply(Action::SetTarget { process: "a".into(), target: Some(1) }).unwrap();
    let mut east = site("e", "East", "2026-06-03", &[("a", Answer::P), ("b", Answer::N)]);
    east.apply(Action::SetScope { process: "c".into(), in_scope: Some(false) }).unwrap();
    let items = [north, south, east];
    let results = evaluated(&items, &c);
    let pairs: Vec<(&Assessment, &Results)> = items.iter().zip(&results).collect();
    let cmp = compare(&pairs);

    let labels: Vec<&str> = cmp.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["North · 2026-06-01", "South · 2026-06-02", "East · 2026-06-03"]);
    assert!(cmp.not_shared.is_empty() && cmp.note().is_none());
    let row = |id: &str| cmp.rows.iter().find(|r| r.process == id).unwrap();

    // Process a: each unit's own index; median and minimum over the three; the weakest named.
    let a = row("a");
    let idx: Vec<f64> = a.cells.iter().map(|c| c.index().unwrap()).collect();
    let expected: Vec<f64> = results.iter().map(|r| r.process("a").unwrap().index).collect();
    assert_eq!(idx, expected);
    assert!(idx[0] > idx[1] && idx[1] > idx[2], "F > L > P: {idx:?}");
    assert_eq!(a.min_index, Some(idx[2]));
    assert_eq!(a.median_index, Some(idx[1]));
    assert_eq!(cmp.weakest_label(a), "East", "by unit name: every compared unit is a different one");
    // South's own target of 1 is kept, and it is met there.
    match &a.cells[1] {
        Cell::Scored { target, level, .. } => {
            assert_eq!(*target, 1);
            assert!(*level >= 1);
        }
        other => panic!("South scored a: {other:?}"),
    }
    assert!(a.at_target.0 >= 1 && a.at_target.1 == 3);

    // Process c is out of scope in East: said so, and not part of c's roll-up.
    let cr = row("c");
    assert_eq!(cr.cells[2], Cell::OutOfScope);
    assert_eq!(cr.cells[2].text(), "out of scope");
    assert_eq!(cr.at_target.1, 2);
    assert_eq!(cr.median_index, median(&[cr.cells[0].index().unwrap(), cr.cells[1].index().unwrap()]));

    // Process b: East's N is lowest; a row where every unit ties says so.
    assert_eq!(cmp.weakest_label(row("b")), "East");
    // Rows come in the one priority order: the highest priority any unit gives.
    let prios: Vec<f64> = cmp.rows.iter().map(|r| r.priority).collect();
    assert!(prios.windows(2).all(|w| w[0] >= w[1]), "{prios:?}");
    // Each unit's floor level is over its own scored processes.
    assert_eq!(cmp.columns[1].floor_level, results[1].floor_level);
}

#[test]
fn an_assessment_with_no_answers_is_empty_not_zero() {
    let c = mini_catalog();
    let north = site("n", "North", "2026-06-01", &[("a", Answer::L), ("b", Answer::L), ("c", Answer::L)]);
    let new_site = site("w", "West", "2026-06-05", &[]);
    let items = [north, new_site];
    let results = evaluated(&items, &c);
    let pairs: Vec<(&Assessment, &Results)> = items.iter().zip(&results).collect();
    let cmp = compare(&pairs);
    assert!(cmp.columns[1].empty);
    assert_eq!(cmp.columns[1].floor_level, None);
    assert_eq!(cmp.columns[1].mean_index, None);
    for r in &cmp.rows {
        assert_eq!(r.cells[1], Cell::NoAnswers);
        assert_eq!(r.cells[1].text(), "no answers");
        // The roll-up is the one unit with answers, not dragged to 0.
        assert_eq!(r.min_index, r.cells[0].index());
        assert_eq!(r.at_target.1, 1);
    }
    // Trend arrows against an empty earlier assessment: none.
    assert!(trend((&items[1], &results[1]), &results[0]).is_empty());
}

#[test]
fn different_catalogs_are_compared_on_the_processes_they_share() {
    let full = mini_catalog();
    let mut json = mini_catalog_json();
    json["id"] = "mini-lite".into();
    json["processes"].as_array_mut().unwrap().retain(|p| p["id"] != "c");
    json["service_rules"] = serde_json::json!([]);
    let lite = Catalog::parse(&json.to_string()).unwrap();
    let north = site("n", "North", "2026-06-01", &[("a", Answer::F), ("b", Answer::F), ("c", Answer::F)]);
    let south = site("s", "South", "2026-06-01", &[("a", Answer::P), ("b", Answer::P)]);
    let (rn, rs) = (evaluate(&full, &north), evaluate(&lite, &south));
    let cmp = compare(&[(&north, &rn), (&south, &rs)]);
    let ids: Vec<&str> = cmp.rows.iter().map(|r| r.process.as_str()).collect();
    assert!(!ids.contains(&"c"), "{ids:?}");
    assert_eq!(ids.len(), 2);
    assert_eq!(cmp.not_shared, vec![("Process c".to_string(), vec![0])]);
    let note = cmp.note().unwrap();
    assert!(note.contains("Not compared: Process c (only in North · 2026-06-01)"), "{note}");
    let csv = itsm_maturity::domain::units::comparison_csv(&cmp);
    assert!(csv.contains("Process c,,,,not compared: only in North · 2026-06-01"), "{csv}");
}

#[test]
fn history_orders_dates_and_gives_trends_floor_and_attribute_deltas() {
    let c = mini_catalog();
    let spring = site("h1", "North", "2026-03-01", &[("a", Answer::P), ("b", Answer::N), ("c", Answer::P)]);
    let autumn = site("h3", "North", "2026-10-01", &[("a", Answer::F), ("b", Answer::L), ("c", Answer::P)]);
    let summer = site("h2", "North", "2026-07-01", &[("a", Answer::L), ("b", Answer::P), ("c", Answer::P)]);
    let items = [autumn, spring, summer];
    let results = evaluated(&items, &c);
    let pairs: Vec<(&Assessment, &Results)> = items.iter().zip(&results).collect();
    let h = history(&pairs);
    assert_eq!(h.dates(), ["2026-03-01", "2026-07-01", "2026-10-01"]);
    let series = h.series();
    let a = series.iter().find(|(name, _)| *name == "Process a").unwrap();
    let a: Vec<f64> = a.1.iter().map(|v| v.unwrap()).collect();
    assert!(a[0] < a[1] && a[1] < a[2], "a rose every time: {a:?}");
    let cser = series.iter().find(|(name, _)| *name == "Process c").unwrap();
    assert_eq!(cser.1[0], cser.1[2], "c stayed where it was");
    assert_eq!(h.floor().len(), 3);
    assert_eq!(h.floor()[0], results[1].floor_level);
    // Between any two dates: each attribute's change.
    let d = h.attribute_deltas(0, 2);
    let da = d.iter().find(|x| x.process == "a").unwrap();
    assert!(da.index.1 > da.index.0);
    let pa11 = da.attributes.iter().find(|(at, _, _)| at.id() == "PA1.1").unwrap();
    assert!(pa11.2.unwrap() > pa11.1.unwrap(), "{pa11:?}");

    // The results page's arrows: against the latest earlier assessment of the same unit.
    let list: Vec<Listing> = items.iter().map(listing).collect();
    let mut elsewhere = listing(&items[0]);
    elsewhere.id = "other".into();
    elsewhere.unit = "South".into();
    elsewhere.date = "2026-09-01".into();
    let mut list = list;
    list.push(elsewhere);
    let prev = previous(&list, &list[0]).unwrap();
    assert_eq!(prev.id, "h2", "summer is the latest before autumn in North (South does not count)");
    assert!(previous(&list, &list[1]).is_none(), "nothing before spring");
    let arrows = trend((&items[2], &results[2]), &results[0]);
    let up = arrows.iter().find(|(p, _)| p == "a").unwrap().1;
    assert!(up > 0.0);
    let same = arrows.iter().find(|(p, _)| p == "c").unwrap().1;
    assert_eq!(same, 0.0);
}

#[test]
fn comparison_csv_has_a_row_per_process_and_unit_and_neutralised_text() {
    let c = mini_catalog();
    let mut north = site("n", "=HYPERLINK(\"http://x\",\"y\")", "2026-06-01", &[("a", Answer::F), ("b", Answer::L)]);
    north.apply(Action::SetScope { process: "c".into(), in_scope: Some(false) }).unwrap();
    let south = site("s", "South", "2026-06-02", &[("a", Answer::P), ("b", Answer::F), ("c", Answer::F)]);
    let items = [north, south];
    let results = evaluated(&items, &c);
    let pairs: Vec<(&Assessment, &Results)> = items.iter().zip(&results).collect();
    let cmp = compare(&pairs);
    let csv = itsm_maturity::domain::units::comparison_csv(&cmp);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("Process,Unit,Assessment,Date,State,Level,Index,Target,Gap,PA1.1 %"));
    assert!(lines[0].ends_with("Median index,Lowest index,Weakest unit,At own target"));
    assert_eq!(lines.len(), 1 + cmp.rows.len() * 2);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), "the formula is text: {csv}");
    assert!(lines.iter().any(|l| l.starts_with("Process c,\"'=HYPERLINK") && l.contains(",out of scope,")));
}

#[test]
fn a_process_where_every_unit_ties_has_no_weakest_unit() {
    let c = mini_catalog();
    let north = site("n", "North", "2026-06-01", &[("a", Answer::L), ("b", Answer::F), ("c", Answer::L)]);
    let south = site("s", "South", "2026-06-01", &[("a", Answer::L), ("b", Answer::P), ("c", Answer::L)]);
    let items = [north, south];
    let results = evaluated(&items, &c);
    let pairs: Vec<(&Assessment, &Results)> = items.iter().zip(&results).collect();
    let cmp = compare(&pairs);
    let row = |id: &str| cmp.rows.iter().find(|r| r.process == id).unwrap();
    assert_eq!(cmp.weakest_label(row("a")), "all equal");
    assert_eq!(cmp.weakest_label(row("b")), "South");
}
