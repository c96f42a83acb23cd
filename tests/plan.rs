//! The action plan: what an entry may hold, the file format (version 3 and
//! the migration from 2), the follow-up carrying it on, the tracker CSV, the
//! projected result and what became of a baseline's plan.

#![cfg(not(target_arch = "wasm32"))]

use itsm_maturity::domain::assessment::{initiative_key, step_key, ActionError, PlanEntry, PlanStatus};
use itsm_maturity::domain::export::{tracker_csv, TRACKER_COLUMNS};
use itsm_maturity::domain::format::{decode, VERSION};
use itsm_maturity::domain::plan::{
    executive_summary, plan_outcomes, projected, projected_keys, ExecutiveSummary, Outcome, Projection, Weakest,
};
use itsm_maturity::domain::results::Horizon;
use itsm_maturity::domain::sample::sample;
use itsm_maturity::domain::{evaluate, Action, Answer, Assessment, Catalog, QuestionKey};

const V2: &str = include_str!("fixtures/assessment-v2.json");
const V3: &str = include_str!("fixtures/assessment-v3.json");

fn entry(owner: &str, due: &str, status: PlanStatus, note: &str) -> PlanEntry {
    PlanEntry { owner: owner.into(), due: due.into(), status, note: note.into() }
}

fn set(a: &mut Assessment, item: &str, e: PlanEntry) -> Result<(), ActionError> {
    a.apply(Action::SetPlan { item: item.into(), entry: e })
}

/// A minimal CSV reader (quoted cells, doubled quotes, line breaks inside quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    rows
}

#[test]
fn a_plan_entry_is_checked_and_an_empty_one_removes_it() {
    let mut a = Assessment::new("a1", "A", "2026-12-01");
    let key = step_key("change", 2);
    set(&mut a, &key, entry("Ana", "2027-01-31", PlanStatus::InProgress, "CAB first")).unwrap();
    assert_eq!(a.plan[&key].line(), "In progress · Ana · due 2027-01-31");
    let before = a.clone();
    // Refused, and nothing changes.
    assert_eq!(
        set(&mut a, &key, entry("Ana", "31.01.2027", PlanStatus::Done, "")).unwrap_err().to_string(),
        "\"31.01.2027\" is not a date; use the form 2026-11-23"
    );
    assert!(matches!(
        set(&mut a, "change/2", PlanEntry::default()),
        Err(ActionError::Unknown { what: "roadmap step or initiative", .. })
    ));
    assert!(set(&mut a, "step:change:9", entry("x", "", PlanStatus::Done, "")).is_err(), "levels are 1 to 5");
    assert!(set(&mut a, "step::2", entry("x", "", PlanStatus::Done, "")).is_err(), "a process id is needed");
    assert!(matches!(
        set(&mut a, &key, entry(&"x".repeat(121), "", PlanStatus::Done, "")),
        Err(ActionError::TooLong { what: "owner", max: 120 })
    ));
    assert_eq!(a, before);
    // Cleared: the entry is gone, not kept empty.
    set(&mut a, &key, PlanEntry::default()).unwrap();
    assert!(a.plan.is_empty());
    set(&mut a, &initiative_key("pa21-owner-resources"), entry("", "", PlanStatus::Done, "")).unwrap();
    assert_eq!(a.plan.len(), 1);
}

#[test]
fn version_2_files_load_with_an_empty_plan_and_version_3_keeps_it_byte_for_byte() {
    assert_eq!(VERSION, 3);
    let env = decode(V2).unwrap();
    assert_eq!(env.version, 3);
    assert!(env.assessment.plan.is_empty());

    let env = decode(V3).unwrap();
    let plan = &env.assessment.plan;
    assert_eq!(plan.len(), 3);
    let supplier = &plan["step:supplier:1"];
    assert_eq!(supplier.owner, "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(supplier.status, PlanStatus::InProgress);
    assert_eq!(supplier.note, "<img src=x onerror=alert(1)> & contracts first");
    assert_eq!(plan["step:retired-process:2"].status, PlanStatus::Done, "a process the catalog lacks is kept");
    assert_eq!(plan["initiative:pa21-owner-resources"].status, PlanStatus::Dropped);
    let text = env.encode();
    assert_eq!(decode(&text).unwrap(), env);
    assert_eq!(decode(&text).unwrap().encode(), text);
}

#[test]
fn a_bad_plan_in_a_file_is_refused_naming_the_entry() {
    let mut v: serde_json::Value = serde_json::from_str(V3).unwrap();
    v["assessment"]["plan"]["step:supplier:1"]["due"] = "soon".into();
    let msg = decode(&v.to_string()).unwrap_err().to_string();
    assert!(msg.contains("assessment.plan.step:supplier:1"), "{msg}");
    assert!(msg.contains("\"soon\" is not a date"), "{msg}");
    let mut v: serde_json::Value = serde_json::from_str(V3).unwrap();
    v["assessment"]["plan"]["step:supplier:1"]["status"] = "finished".into();
    let msg = decode(&v.to_string()).unwrap_err().to_string();
    assert!(msg.contains("status"), "{msg}");
}

#[test]
fn a_follow_up_carries_the_plan_on() {
    let mut a = sample().unwrap().assessment;
    set(&mut a, &step_key("supplier", 1), entry("Ana", "2027-01-31", PlanStatus::Done, "")).unwrap();
    let next = a.follow_up("a2", "2027-06-01");
    assert_eq!(next.plan.len(), a.plan.len());
    assert_eq!(next.plan[&step_key("supplier", 1)].owner, "Ana");
    assert_eq!(next.baseline.as_deref(), Some(a.id.as_str()));
}

#[test]
fn tracker_csv_has_the_documented_columns_one_row_per_item_and_neutral_cells() {
    let c = Catalog::default_catalog();
    let mut a = sample().unwrap().assessment;
    let r = evaluate(&c, &a);
    let first = &r.roadmap[0];
    let second = &r.roadmap[1];
    set(
        &mut a,
        &step_key(&first.process, first.level),
        entry("=HYPERLINK(\"http://x\",\"y\")", "2027-01-31", PlanStatus::InProgress, "+call the vendor"),
    )
    .unwrap();
    set(&mut a, &step_key(&second.process, second.level), entry("", "", PlanStatus::Dropped, "")).unwrap();
    let csv = tracker_csv(&r, &a);
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], TRACKER_COLUMNS.map(String::from).to_vec());
    assert_eq!(
        rows[0],
        ["Summary", "Description", "Assignee", "Due date", "Labels", "Priority", "Status", "Issue Type", "External ID"]
    );
    // Every initiative and step but the dropped one.
    assert_eq!(rows.len() - 1, r.initiatives.len() + r.roadmap.len() - 1);
    assert!(rows.iter().all(|row| row.len() == 9), "every row has nine cells");
    let mine = rows
        .iter()
        .find(|row| row[0] == format!("{}: reach capability level {}", first.process_name, first.level))
        .expect("the planned step is a row");
    assert_eq!(mine[2], "'=HYPERLINK(\"http://x\",\"y\")", "a formula in the owner is neutralised");
    assert_eq!(mine[3], "2027-01-31");
    assert_eq!(mine[6], "In Progress");
    assert_eq!(mine[7], "Task");
    assert_eq!(mine[8], step_key(&first.process, first.level), "the plan key: stable across exports");
    assert!(mine[1].contains("Plan note: +call the vendor"), "{}", mine[1]);
    assert!(mine[4].starts_with("itsm-roadmap "), "{}", mine[4]);
    assert!(mine[4].contains(&format!("level-{}", first.level)));
    let want = match first.horizon {
        Horizon::Now => "High",
        Horizon::Next => "Medium",
        Horizon::Later => "Low",
    };
    assert_eq!(mine[5], want);
    // A shared initiative's row: its name as on screen, the effort per
    // process, its attribute's level labelled as such, and each step it
    // serves pointing to it.
    let owners = r.initiatives.iter().position(|i| i.question == "pa21-responsibilities").unwrap();
    let init = rows.iter().find(|row| row[0] == r.initiatives[owners].summary(owners + 1)).expect("its row");
    assert!(init[1].starts_with("Name an owner for each of these processes, "), "{}", init[1]);
    assert!(init[1].contains("(effort S per process)"), "{}", init[1]);
    assert!(init[4].contains("attribute-level-2") && init[4].contains("shared"), "{}", init[4]);
    let row = r
        .roadmap
        .iter()
        .filter(|s| s.initiatives.contains(&r.initiatives[owners].id))
        .find_map(|s| {
            rows.iter().find(|row| row[0] == format!("{}: reach capability level {}", s.process_name, s.level))
        })
        .expect("a step it serves");
    assert!(row[1].contains(&format!("#{}", owners + 1)) && row[1].contains("shared initiative"), "{}", row[1]);
    assert!(
        !rows.iter().any(|row| row[0] == format!("{}: reach capability level {}", second.process_name, second.level)),
        "dropped items are left out"
    );
    // No cell starts a formula.
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
}

#[test]
fn the_projection_raises_exactly_the_chosen_work() {
    let c = Catalog::default_catalog();
    let mut a = sample().unwrap().assessment;
    let r = evaluate(&c, &a);
    // Nothing marked done: the projection is today's result.
    assert!(projected_keys(&a, &r, Projection::Done).is_empty());
    assert_eq!(evaluate(&c, &projected(&a, &r, Projection::Done)), r);

    // The whole roadmap done: every process in scope at its target.
    let all = evaluate(&c, &projected(&a, &r, Projection::Through(Horizon::Later)));
    for p in all.in_scope() {
        assert!(p.level >= p.target, "{} at {} of {}", p.id, p.level, p.target);
    }
    assert!(all.floor_level > r.floor_level, "{:?} → {:?}", r.floor_level, all.floor_level);

    // Now only: each process gains its next level, no more than that.
    let now = evaluate(&c, &projected(&a, &r, Projection::Through(Horizon::Now)));
    for s in r.roadmap.iter().filter(|s| s.horizon == Horizon::Now) {
        assert!(now.process(&s.process).unwrap().level >= s.level, "{} reaches {}", s.process, s.level);
    }

    // One step marked done (the first of a process): that process reaches it, others do not move.
    let step = r.roadmap.iter().find(|s| s.horizon == Horizon::Now).unwrap().clone();
    set(&mut a, &step_key(&step.process, step.level), entry("", "", PlanStatus::Done, "")).unwrap();
    let done = evaluate(&c, &projected(&a, &r, Projection::Done));
    assert!(done.process(&step.process).unwrap().level >= step.level);
    for p in r.in_scope().filter(|p| p.id != step.process) {
        let then = done.process(&p.id).unwrap();
        assert!(then.level >= p.level, "{} did not fall", p.id);
    }
    // A step marked done in a later horizon counts in every best case, so
    // "through Now" is never below "marked done".
    let later = r.roadmap.iter().find(|s| s.horizon != Horizon::Now && !s.actions.is_empty()).unwrap().clone();
    set(&mut a, &step_key(&later.process, later.level), entry("", "", PlanStatus::Done, "")).unwrap();
    let done_keys = projected_keys(&a, &r, Projection::Done);
    let now_keys = projected_keys(&a, &r, Projection::Through(Horizon::Now));
    assert!(later.actions.iter().all(|x| done_keys.contains(&x.key) && now_keys.contains(&x.key)));
    assert!(done_keys.is_subset(&now_keys));
    // So is what is in progress: the options only grow down the list.
    set(&mut a, &step_key(&later.process, later.level), entry("", "", PlanStatus::InProgress, "")).unwrap();
    let started = projected_keys(&a, &r, Projection::Started);
    assert!(later.actions.iter().all(|x| started.contains(&x.key)));
    assert!(started.is_subset(&projected_keys(&a, &r, Projection::Through(Horizon::Now))));
    set(&mut a, &step_key(&later.process, later.level), entry("", "", PlanStatus::NotStarted, "")).unwrap();
    // A dropped step is not projected, even for its horizon.
    set(&mut a, &step_key(&step.process, step.level), entry("", "", PlanStatus::Dropped, "")).unwrap();
    let keys = projected_keys(&a, &r, Projection::Through(Horizon::Now));
    for x in &step.actions {
        assert!(!keys.contains(&x.key), "{} is not projected", x.key);
    }
}

#[test]
fn a_follow_up_shows_which_planned_steps_were_reached() {
    let c = Catalog::default_catalog();
    let mut base = sample().unwrap().assessment;
    base.plan.clear();
    let r = evaluate(&c, &base);
    let supplier = r.steps_of("supplier").next().expect("supplier has a step").clone();
    let other = r.roadmap.iter().find(|s| s.process != "supplier").unwrap().clone();
    set(&mut base, &step_key("supplier", supplier.level), entry("Ana", "", PlanStatus::Done, "")).unwrap();
    set(&mut base, &step_key(&other.process, other.level), entry("Ben", "", PlanStatus::InProgress, "")).unwrap();
    // The follow-up: supplier management fully in place, the rest as before.
    let mut next = base.clone();
    for part in &mut next.participants {
        for q in c.questions_for(c.process("supplier").unwrap(), false) {
            if let Some(x) = part.answers.get_mut(&QuestionKey::new("supplier", &q.id)) {
                x.answer = Some(Answer::F);
            }
        }
    }
    let outcomes = plan_outcomes(&base, &r, &evaluate(&c, &next));
    assert_eq!(outcomes.len(), 2);
    let s = outcomes.iter().find(|o| o.key == step_key("supplier", supplier.level)).unwrap();
    assert_eq!(s.outcome, Outcome::Reached);
    assert_eq!(s.entry.line(), "Done · Ana");
    assert!(s.what.starts_with("Supplier management → level"), "{}", s.what);
    let o = outcomes.iter().find(|o| o.key == step_key(&other.process, other.level)).unwrap();
    assert_eq!(o.outcome, Outcome::NotYet);
    // A follow-up nobody has answered yet: "not assessed", never "not reached".
    let empty = base.follow_up("a9", "2027-06-01");
    let fresh = plan_outcomes(&base, &r, &evaluate(&c, &empty));
    assert!(fresh.iter().all(|o| o.outcome == Outcome::NotAssessed), "{fresh:?}");
    // What the baseline marked done is in progress in the follow-up until its answers show it.
    assert_eq!(empty.plan[&step_key("supplier", supplier.level)].status, PlanStatus::InProgress);
}

#[test]
fn the_samples_plan_names_steps_of_its_own_roadmap_with_the_case_people() {
    let c = Catalog::default_catalog();
    let a = sample().unwrap().assessment;
    let r = evaluate(&c, &a);
    let keys: Vec<String> = r
        .roadmap
        .iter()
        .map(|s| step_key(&s.process, s.level))
        .chain(r.initiatives.iter().map(|i| initiative_key(&i.id)))
        .collect();
    assert!(a.plan.len() >= 4, "the sample shows a plan");
    for (key, e) in &a.plan {
        assert!(keys.contains(key), "{key} is on the sample's roadmap");
        assert!(a.participants.iter().any(|p| p.name == e.owner), "{key}: owner {} takes part", e.owner);
        assert!(e.due.as_str() > a.date.as_str(), "{key}: due after the assessment");
        assert_ne!(e.status, PlanStatus::Done, "{key}: nothing is done on the day of a baseline");
    }
}

#[test]
fn the_executive_summary_names_the_objectives_at_risk_their_processes_and_the_first_open_steps() {
    use itsm_maturity::domain::results::SupportBand;
    let c = Catalog::default_catalog();
    let mut a = sample().unwrap().assessment;
    let r = evaluate(&c, &a);
    let s = executive_summary(&a, &r);
    assert_eq!((s.floor_level, s.in_scope, s.rated_objectives), (r.floor_level, 8, 2));
    // The lowest level is named with how many processes share it, and the
    // most urgent of them (not the one with the lowest index: that one may be
    // less urgent), with its own index.
    let w = s.weakest.clone().unwrap();
    let floor = r.in_scope_by_priority().into_iter().find(|p| Some(p.level) == r.floor_level).unwrap();
    assert_eq!(
        (w.name.as_str(), w.level, w.index, w.target, w.at_level),
        (floor.name.as_str(), floor.level, floor.index, floor.target, 3)
    );
    let lowest_index = r.in_scope().filter(|p| p.level == 0).map(|p| p.index).fold(f64::MAX, f64::min);
    assert!(lowest_index < w.index, "the sample has a level-0 process with a lower index than the most urgent one");
    // The headline names it with its level, index and target, and the mean index as every page writes it.
    assert_eq!(
        s.headline(),
        format!(
            "Floor level 0: 3 processes are at level 0. Of these, Information security management has the \
             highest priority (capability index {}, target level 3). \
             Mean capability index of the 8 processes in scope: {}. 0 of the 8 processes with a target meet it. \
             100\u{a0}% of the questions answered.",
            itsm_maturity::domain::results::index_text(floor.index),
            itsm_maturity::domain::results::index_text(r.mean_index.unwrap()),
        )
    );
    // With one process at the lowest level, it is named alone.
    let alone = ExecutiveSummary { weakest: Some(Weakest { at_level: 1, ..w.clone() }), ..s.clone() };
    assert!(alone.headline().starts_with(&format!(
        "Floor level 0: Information security management (capability index {}, target level 3). Mean",
        itsm_maturity::domain::results::index_text(floor.index)
    )));
    // Several at the floor, all at their target: no priority to name.
    let met = ExecutiveSummary { weakest: Some(Weakest { target: 0, ..w.clone() }), ..s.clone() };
    assert!(met.headline().starts_with("Floor level 0: 3 processes are at level 0, each at its target. Mean"));
    // A process with no answers yet is not reported with an index of 0.00.
    let blank = ExecutiveSummary { weakest: Some(Weakest { at_level: 1, unanswered: true, ..w.clone() }), ..s.clone() };
    assert!(blank.headline().starts_with(
        "Floor level 0: Information security management (no answers yet, counted as level 0, target level 3). Mean"
    ));
    assert_eq!(s.at_target, r.in_scope().filter(|p| p.target > 0 && p.gap <= 0).count());
    // The sample's two objectives are both below 70 %: least supported first, weakest processes by name.
    assert_eq!(s.at_risk.len(), 2);
    assert!(s.at_risk[0].band <= s.at_risk[1].band, "the lower band first");
    assert!(s.at_risk.iter().all(|o| o.band != SupportBand::Supported && !o.weakest.is_empty()));
    let names: Vec<&str> = r.in_scope().map(|p| p.name.as_str()).collect();
    assert!(s.at_risk.iter().flat_map(|o| &o.weakest).all(|w| names.contains(&w.as_str())), "names, not ids");
    // The first three steps, with the plan's owner where there is one.
    let first: Vec<String> =
        r.roadmap.iter().take(3).map(|s| format!("{} → level {}", s.process_name, s.level)).collect();
    assert_eq!(s.first_steps.iter().map(|f| f.what.clone()).collect::<Vec<_>>(), first);
    assert_eq!(s.first_steps[0].plan.as_ref().map(|p| p.owner.as_str()), Some("Sam Okafor (IT lead)"));
    // A dropped step leaves the list; the next one moves up. (A step marked
    // done stays while it is on the roadmap: the answers do not show it yet.)
    let top = &r.roadmap[0];
    set(&mut a, &step_key(&top.process, top.level), entry("Sam", "", PlanStatus::Done, "")).unwrap();
    assert_eq!(executive_summary(&a, &r).first_steps[0].what, first[0]);
    set(&mut a, &step_key(&top.process, top.level), entry("Sam", "", PlanStatus::Dropped, "")).unwrap();
    let s = executive_summary(&a, &r);
    let next: Vec<String> =
        r.roadmap.iter().skip(1).take(3).map(|s| format!("{} → level {}", s.process_name, s.level)).collect();
    assert_eq!(s.first_steps.iter().map(|f| f.what.clone()).collect::<Vec<_>>(), next);
}

/// The law firm (a case the rules were not tuned to, see tests/relevance.rs),
/// through the best case and the summary: what a consultant would show.
#[test]
fn a_law_firm_case_gets_a_best_case_and_summary_a_consultant_can_defend() {
    use itsm_maturity::domain::plan::executive_summary;
    let c = Catalog::default_catalog();
    let a: Assessment = serde_json::from_str(include_str!("fixtures/case-law-firm.json")).unwrap();
    let r = evaluate(&c, &a);
    let s = executive_summary(&a, &r);
    println!("summary: {s:#?}");
    // Only the case's own processes and objectives are named.
    let names: Vec<&str> = r.in_scope().map(|p| p.name.as_str()).collect();
    assert!(s.first_steps.iter().all(|f| names.iter().any(|n| f.what.starts_with(n))), "{:?}", s.first_steps);
    assert!(s.at_risk.iter().flat_map(|o| &o.weakest).all(|w| names.contains(&w.as_str())));
    assert_eq!((s.at_target, s.with_target), r.targets_met());
    // Now complete: every process gains its next level (never more than its target, never less than today).
    let now = evaluate(&c, &projected(&a, &r, Projection::Through(Horizon::Now)));
    for p in r.in_scope() {
        let then = now.process(&p.id).unwrap();
        println!("{:<40} today {} → Now done {} (target {})", p.name, p.level, then.level, p.target);
        assert!(then.level >= p.level, "{} fell", p.id);
        if p.level < p.target {
            assert!(then.level > p.level, "{} gains its next level", p.id);
        }
    }
    // The whole roadmap done: every target met; nothing marked: today.
    let all = evaluate(&c, &projected(&a, &r, Projection::Through(Horizon::Later)));
    assert_eq!(all.targets_met().0, all.targets_met().1);
    assert_eq!(evaluate(&c, &projected(&a, &r, Projection::Done)), r);
}
