//! One client, many assessments: grouping by organization and unit, units
//! side by side with a roll-up, history over time, and comparisons across
//! catalogs. The case is not the sample: a regional hospital group with three
//! sites, on the small test catalog.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answer_all, assessment, mini_catalog, mini_catalog_json};
use itsm_maturity::domain::assessment::{Answer, HeaderField};
use itsm_maturity::domain::units::{
    compare, compare_scored, group, history, median, org_key, previous, trend, Apart, Cell, Comparison, Direction,
    Listing, Scoring, WHOLE_ORGANIZATION,
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
    assert_eq!(units, [WHOLE_ORGANIZATION, "north SITE", "South site"]);
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
    // Units at their own target, of the units that have one.
    let with: Vec<&Cell> = a.cells.iter().filter(|c| c.target().is_some()).collect();
    assert_eq!(a.at_target, (with.iter().filter(|c| c.shortfall().unwrap() <= 0).count(), with.len()));
    assert!(a.at_target.0 >= 1, "South meets its target of 1 with L: {:?}", a.at_target);

    // Process c is out of scope in East: said so, and not part of c's roll-up.
    let cr = row("c");
    assert_eq!(cr.cells[2], Cell::OutOfScope);
    assert_eq!(cr.cells[2].text(), "out of scope");
    assert_eq!(cr.at_target.1, cr.cells[..2].iter().filter(|c| c.target().is_some()).count());
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
        assert_eq!(r.at_target.1, usize::from(r.cells[0].target().is_some()));
        assert_eq!(r.median_index, r.cells[0].index());
    }
    assert_eq!(cmp.columns[1].apart, Some(Apart::Empty));
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
    let prev = previous(&list, &list[0], |_| true).unwrap();
    assert_eq!(prev.id, "h2", "summer is the latest before autumn in North (South does not count)");
    assert!(previous(&list, &list[1], |_| true).is_none(), "nothing before spring");
    let arrows = trend((&items[2], &results[2]), &results[0]);
    let up = arrows.iter().find(|m| m.process == "a").unwrap();
    assert!(up.now.1 > up.before.1);
    assert_eq!(up.direction, Direction::Up);
    let same = arrows.iter().find(|m| m.process == "c").unwrap();
    assert_eq!((same.direction, same.text().as_str()), (Direction::Same, "="));
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
    assert!(lines[0].starts_with("Process,Unit,Assessment,Date,State,Level,Index,Index as shown,Target,Gap,PA1.1 %"));
    assert!(
        lines[0].ends_with(
            "Answered %,Catalog,Question set,In roll-up,Units scored,Median index,Lowest index,Highest index,\
         Lowest index unit(s),Largest gap,At own target"
        ),
        "{}",
        lines[0]
    );
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

fn pairs<'a>(items: &'a [Assessment], results: &'a [Results]) -> Vec<(&'a Assessment, &'a Results)> {
    items.iter().zip(results).collect()
}

#[test]
fn a_roll_up_counts_units_not_assessments() {
    let c = mini_catalog();
    let all = |ans: Answer| [("a", ans), ("b", ans), ("c", ans)];
    // North twice (an early N and a later F), South once, and the whole organization.
    let items = [
        site("n1", "North", "2026-07-01", &all(Answer::N)),
        site("n2", "north", "2026-11-20", &all(Answer::F)),
        site("s", "South", "2026-11-02", &all(Answer::L)),
        site("w", "", "2026-11-05", &all(Answer::N)),
    ];
    let results = evaluated(&items, &c);
    let cmp = compare(&pairs(&items, &results));
    let apart: Vec<Option<Apart>> = cmp.columns.iter().map(|c| c.apart).collect();
    assert_eq!(apart, [Some(Apart::Earlier), None, None, Some(Apart::WholeOrganization)]);
    for r in &cmp.rows {
        // Over North (latest, F) and South (L) only: the N of July and of the whole organization do not count.
        let (n2, s) = (r.cells[1].index().unwrap(), r.cells[2].index().unwrap());
        assert_eq!(r.min_index, Some(n2.min(s)), "{}", r.name);
        assert_eq!(r.median_index, Some(n2.min(s)), "the lower of two");
        assert_eq!(r.weakest, vec![2], "South is lowest, not July's North nor the whole organization");
        assert_eq!(cmp.weakest_label(r), "South · 2026-11-02", "two North columns: named by label");
    }
    let notes = cmp.notes().join(" ");
    assert!(notes.contains("Whole organization · 2026-11-05: the whole organization, shown apart"), "{notes}");
    assert!(notes.contains("North · 2026-07-01: an earlier date"), "{notes}");
    let csv = itsm_maturity::domain::units::comparison_csv(&cmp);
    assert!(csv.lines().any(|l| l.starts_with("Process a,Whole organization,w,")
        && l.contains(",\"the whole organization, shown apart from its units\",")));
}

#[test]
fn untouched_processes_of_a_partly_answered_assessment_are_not_assessed_not_zero() {
    let c = mini_catalog();
    let north = site("n", "North", "2026-06-01", &[("a", Answer::L), ("b", Answer::L), ("c", Answer::L)]);
    let mut south = site("s", "South", "2026-06-02", &[]);
    common::answer(&mut south, "a", "a-1", Answer::F);
    let items = [north, south];
    let results = evaluated(&items, &c);
    let cmp = compare(&pairs(&items, &results));
    assert!(!cmp.columns[1].empty && cmp.columns[1].completion > 0.0 && cmp.columns[1].completion < 0.5);
    for r in cmp.rows.iter().filter(|r| r.process != "a") {
        assert_eq!(r.cells[1], Cell::NotAssessed, "{}", r.name);
        assert_eq!(r.cells[1].text(), "not assessed");
        assert_eq!(r.min_index, r.cells[0].index(), "{}: not dragged to 0", r.name);
        assert_eq!(cmp.weakest_label(r), "North");
    }
    assert!(matches!(cmp.rows.iter().find(|r| r.process == "a").unwrap().cells[1], Cell::Scored { .. }));
    // Its floor and mean are over what it scored, not over zeros.
    assert_eq!(cmp.columns[1].mean_index, results[1].process("a").map(|p| p.index));
    // And the trend arrows skip a process not answered then.
    assert!(trend((&items[1], &results[1]), &results[0]).iter().all(|m| m.process == "a"));
}

#[test]
fn a_unit_without_a_target_is_neither_at_nor_below_it() {
    let c = mini_catalog();
    let mut north = site("n", "North", "2026-06-01", &[("a", Answer::L), ("b", Answer::L), ("c", Answer::L)]);
    let mut south = site("s", "South", "2026-06-02", &[("a", Answer::P), ("b", Answer::P), ("c", Answer::P)]);
    north.apply(Action::SetTarget { process: "a".into(), target: Some(0) }).unwrap();
    south.apply(Action::SetTarget { process: "a".into(), target: Some(3) }).unwrap();
    let items = [north, south];
    let results = evaluated(&items, &c);
    let cmp = compare(&pairs(&items, &results));
    let a = cmp.rows.iter().find(|r| r.process == "a").unwrap();
    assert_eq!(a.cells[0].target_text(), "no target");
    assert!(a.cells[0].text().ends_with("(no target)"), "{}", a.cells[0].text());
    assert_eq!(a.at_target, (0, 1), "only South has a target, and it is short of it");
    let gap = a.cells[1].shortfall().unwrap();
    assert!(gap > 0);
    assert_eq!(cmp.largest_gap_label(a), format!("{gap} (South)"));
    // As the results page counts: a process without a target is not in its "targets met" either.
    let (_, with) = results[0].targets_met();
    assert_eq!(with, results[0].in_scope().filter(|p| p.target > 0).count());
    assert_eq!(results[0].process("a").unwrap().target, 0);
    let csv = itsm_maturity::domain::units::comparison_csv(&cmp);
    assert!(csv.lines().any(|l| l.starts_with("Process a,North,n,") && l.contains(",no target,")), "{csv}");
}

#[test]
fn arrows_follow_one_rule_a_level_change_always_shows() {
    // Gated index: 1.99 at level 1 to 2.00 at level 2 is +0.01, and it is a rise.
    assert_eq!(Direction::of((1, 1.99), (2, 2.0)), Direction::Up);
    assert_eq!(Direction::of((2, 2.0), (1, 1.99)), Direction::Down);
    // Within a level: the index as shown (two decimals, rounded half up) must change.
    assert_eq!(Direction::of((1, 1.401), (1, 1.404)), Direction::Same);
    assert_eq!(Direction::of((1, 1.404), (1, 1.406)), Direction::Up, "1.40 to 1.41 as shown");
    assert_eq!(Direction::of((1, 1.46), (1, 1.47)), Direction::Up);
    assert_eq!(Direction::of((3, 3.3), (3, 3.29)), Direction::Down);
    // The results page's words for it.
    let c = mini_catalog();
    let before = site("h1", "North", "2026-03-01", &[("a", Answer::F), ("b", Answer::P), ("c", Answer::P)]);
    let after = site("h2", "North", "2026-07-01", &[("a", Answer::N), ("b", Answer::P), ("c", Answer::P)]);
    let (rb, ra) = (evaluate(&c, &before), evaluate(&c, &after));
    let m = trend((&before, &rb), &ra).into_iter().find(|m| m.process == "a").unwrap();
    assert_eq!(m.direction, Direction::Down);
    assert!(m.before.0 > m.now.0);
    assert_eq!(m.text(), format!("▼ L{}→L{}", m.before.0, m.now.0));
    // Within a level the arrow's figure is at the precision of its rule: no "= +0.09" beside "▲ +0.01".
    let within = |b: f64, n: f64| itsm_maturity::domain::units::Move {
        process: "x".into(),
        before: (1, b),
        now: (1, n),
        direction: Direction::of((1, b), (1, n)),
        compared_to: None,
    };
    assert_eq!(within(1.401, 1.404).text(), "=");
    assert_eq!(within(1.404, 1.406).text(), "▲ +0.01");
    assert_eq!(within(1.49, 1.50).text(), "▲ +0.01");
    assert_eq!(within(1.96, 1.31).text(), "▼ -0.65");
    assert_eq!(within(1.49, 1.50).detail(), "1.49 → 1.50 (level 1 → 1)");
}

#[test]
fn medians_and_ties_use_values_a_unit_has_at_the_precision_shown() {
    // Lower median: 1.0 and 2.9 give 1.0 (no unit has 1.95, and it would cross no gate any unit crossed).
    assert_eq!(median(&[2.9, 1.0]), Some(1.0));
    assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.0));
    let c = mini_catalog();
    let all = |ans: Answer| [("a", ans), ("b", ans), ("c", ans)];
    let items = [site("n", "North", "2026-06-01", &all(Answer::L)), site("s", "South", "2026-06-01", &all(Answer::L))];
    let mut results = evaluated(&items, &c);
    // Both read "1.41": a tie, whatever the third decimal.
    let set = |r: &mut Results, v: f64| r.processes.iter_mut().find(|p| p.id == "a").unwrap().index = v;
    set(&mut results[0], 1.411);
    set(&mut results[1], 1.414);
    let cmp = compare(&pairs(&items, &results));
    let a = cmp.rows.iter().find(|r| r.process == "a").unwrap();
    assert_eq!(a.weakest, vec![0, 1]);
    assert_eq!(cmp.weakest_label(a), "all equal");
    set(&mut results[1], 1.5);
    let cmp = compare(&pairs(&items, &results));
    assert_eq!(cmp.weakest_label(cmp.rows.iter().find(|r| r.process == "a").unwrap()), "North");
}

#[test]
fn differing_catalogs_and_question_sets_are_named_and_stand_ins_left_out_of_the_roll_up() {
    let c = mini_catalog();
    let all = |ans: Answer| [("a", ans), ("b", ans), ("c", ans)];
    let north = site("n", "North", "2026-06-01", &all(Answer::L));
    let mut south = site("s", "South", "2026-06-01", &all(Answer::P));
    south.apply(Action::SetMode(itsm_maturity::domain::assessment::Mode::Quick)).unwrap();
    let east = site("e", "East", "2026-06-01", &all(Answer::N));
    let items = [north, south, east];
    let results = evaluated(&items, &c);
    let scoring = [
        Scoring { catalog: "mini 1.0.0".into(), fallback: false },
        Scoring { catalog: "mini 2.0.0".into(), fallback: false },
        Scoring { catalog: "mini 1.0.0 (stand-in)".into(), fallback: true },
    ];
    let cmp: Comparison = compare_scored(&pairs(&items, &results), &scoring);
    let notes = cmp.notes().join(" ");
    assert!(
        notes.contains(
            "different catalogs or catalog versions: North · 2026-06-01 (mini 1.0.0), South · 2026-06-01 (mini 2.0.0)"
        ),
        "{notes}"
    );
    assert!(notes.contains("different question sets") && notes.contains("South · 2026-06-01 (quick scan)"), "{notes}");
    assert_eq!(cmp.columns[2].apart, Some(Apart::Fallback));
    for r in &cmp.rows {
        assert!(!r.weakest.contains(&2), "East's N is shown, but scored with a stand-in: not the weakest");
    }
}

#[test]
fn units_are_matched_alike_and_the_trend_passes_over_an_empty_assessment() {
    let mk = |id: &str, unit: &str, date: &str, completion: f64| Listing {
        id: id.into(),
        name: id.into(),
        organization: "St Marys".into(),
        unit: unit.into(),
        date: date.into(),
        completion,
    };
    let list = [
        mk("a", "North-site", "2026-03-01", 0.8),
        mk("b", "north  site", "2026-06-01", 0.0),
        mk("c", "North site", "2026-09-01", 0.5),
    ];
    let groups = group(&list);
    assert_eq!(groups[0].units.len(), 1, "one unit, however it is spelled");
    let answered = |l: &Listing| l.completion > 0.0;
    assert_eq!(
        previous(&list, &list[2], answered).unwrap().id,
        "a",
        "June has no answers: the arrows compare with March"
    );
}

#[test]
fn a_roll_up_needs_two_units_and_says_what_a_median_of_two_is() {
    let c = mini_catalog();
    let all = |ans: Answer| [("a", ans), ("b", ans), ("c", ans)];
    let items = [site("n", "North", "2026-06-01", &all(Answer::F)), site("s", "South", "2026-06-01", &all(Answer::P))];
    let results = evaluated(&items, &c);
    let cmp = compare(&pairs(&items, &results));
    assert!(cmp.has_rollup());
    for r in &cmp.rows {
        assert_eq!(r.scored, (2, 0));
        assert_eq!(
            (r.median_index, r.min_index),
            (r.min_index, r.cells[1].index()),
            "lower median of two is the lower"
        );
        assert_eq!(r.max_index, r.cells[0].index(), "and the range is there to show beside it");
    }
    // With the whole organization and one site, nothing is rolled up, and the table and CSV have no roll-up.
    let items = [site("w", "", "2026-06-01", &all(Answer::F)), site("s", "South", "2026-06-01", &all(Answer::P))];
    let results = evaluated(&items, &c);
    let cmp = compare(&pairs(&items, &results));
    assert!(!cmp.has_rollup());
    assert!(cmp.notes().iter().any(|n| n.starts_with("Fewer than two units with answers to roll up")));
    let csv = itsm_maturity::domain::units::comparison_csv(&cmp);
    assert!(!csv.lines().next().unwrap().contains("Median index"));
    // Each column says how many of its processes its floor and mean cover, as the list above it does.
    let (floor, mean, coverage) = itsm_maturity::domain::units::assessed(&results[1]);
    assert_eq!((cmp.columns[1].floor_level, cmp.columns[1].mean_index), (floor, mean));
    assert_eq!(cmp.columns[1].assessed, coverage);
}
