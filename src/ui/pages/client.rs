//! The organization view: every assessment of one organization saved in this
//! browser, by unit and date; 2–8 of them side by side (a radar with a line
//! per unit, a heatmap of units × processes, a table with the roll-up); and
//! each unit's history over time (trend chart, attribute changes between two
//! dates). Everything is computed by `domain::units` and drawn by
//! `charts::units`; every comparison downloads as CSV.

use crate::charts::units::{trend_chart, units_heatmap, units_radar};
use crate::domain::units::{
    compare_scored, comparison_csv, comparison_table, group, history_scored, index_text, Cell, Comparison, History,
    Listing, OrgGroup, Scoring, MAX_UNITS,
};
use crate::domain::{Assessment, Results};
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::library::Library;
use crate::ui::route::{use_org_key, Step, START};
use crate::ui::state::Viewport;
use crate::ui::util::{download, slug};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The saved list as the domain groups it.
pub fn listings(library: &Library) -> Vec<Listing> {
    library.saved.with(|l| {
        l.iter()
            .map(|e| Listing {
                id: e.id.clone(),
                name: e.name.clone(),
                organization: e.organization.clone(),
                unit: e.unit.clone(),
                date: e.date.clone(),
                completion: e.completion,
            })
            .collect()
    })
}

/// The evaluated assessments of the organization and how each was scored, shared by the sections.
type Loaded = Arc<(Vec<(Assessment, Results)>, Vec<Scoring>)>;

/// "1 assessment", "6 assessments".
fn count(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// The page of one organization.
#[component]
pub fn ClientPage() -> impl IntoView {
    let library = expect_context::<Library>();
    library.refresh();
    let key = use_org_key();
    let org = Memo::new(move |_| {
        let key = key.get();
        group(&listings(&library)).into_iter().find(|g| g.key == key)
    });
    let loaded = RwSignal::new(None::<Loaded>);
    let notes = RwSignal::new(Vec::<String>::new());
    let ids =
        Memo::new(move |_| org.with(|o| o.as_ref().map(|o| o.assessments().map(|l| l.id.clone()).collect::<Vec<_>>())));
    Effect::new(move |_| {
        let Some(ids) = ids.get() else { return };
        library.evaluated(ids, move |e| {
            let mut n = Vec::new();
            if !e.other_catalog.is_empty() {
                n.push(format!(
                    "Evaluated against the default catalog because their own catalog is not loaded in this browser: {}.",
                    e.other_catalog.join(", ")
                ));
            }
            if e.unreadable > 0 {
                n.push(format!("{} could not be read and are left out.", count(e.unreadable, "saved assessment")));
            }
            notes.set(n);
            loaded.set(Some(Arc::new((e.items, e.scoring))));
        });
    });
    let selected = RwSignal::new(BTreeSet::<String>::new());
    // At first: the latest assessment of each unit.
    Effect::new(move |_| {
        if let Some(o) = org.get() {
            // The newest of each unit with answers (a follow-up just started would drop the unit from the roll-up).
            let newest = |u: &crate::domain::units::UnitGroup| {
                u.assessments.iter().find(|l| l.completion > 0.0).or(u.assessments.first()).map(|l| l.id.clone())
            };
            selected.set(o.units.iter().filter_map(newest).take(MAX_UNITS).collect());
        }
    });
    move || {
        match org.get() {
        None => view! {
            <section class="card" id="org-page">
                <h1>"Organization not found"</h1>
                <p>
                    "No saved assessment in this browser belongs to this organization. "
                    <a href=START>"Go to the start page"</a>
                </p>
            </section>
        }
        .into_any(),
        Some(o) => view! {
            <section class="card" id="org-page" aria-labelledby="org-title">
                <p class="muted small">
                    <a href=START>"← All assessments"</a>
                </p>
                <h1 id="org-title">{o.name.clone()}</h1>
                <p class="muted">
                    {format!(
                        "{} of this organization in this browser, by unit and date. ",
                        count(o.len(), "assessment"),
                    )}
                    "Tick two to eight units to compare them side by side (one assessment per unit: ticking another date of a unit replaces it); a unit with two or more dated assessments also has a history."
                </p>
                {move || notes.get().into_iter().map(|n| view! { <p class="notice">{n}</p> }).collect_view()}
                <OrgTable org=o.clone() loaded=loaded selected=selected />
                <OrgWorkbook org=o.clone() loaded=loaded selected=selected />
            </section>
            <UnitsCompare org=o.clone() loaded=loaded selected=selected />
            <HistorySection org=o loaded=loaded />
        }
        .into_any(),
    }
    }
}

/// The evaluated items of `ids`, in that order, and how each was scored.
fn pick<'a>(
    loaded: &'a (Vec<(Assessment, Results)>, Vec<Scoring>),
    ids: &[String],
) -> (Vec<(&'a Assessment, &'a Results)>, Vec<Scoring>) {
    let (items, scoring) = loaded;
    ids.iter()
        .filter_map(|id| {
            let k = items.iter().position(|(a, _)| a.id == *id)?;
            Some(((&items[k].0, &items[k].1), scoring.get(k).cloned().unwrap_or_default()))
        })
        .unzip()
}

/// The comparison of `ids`.
fn compared(loaded: &(Vec<(Assessment, Results)>, Vec<Scoring>), ids: &[String]) -> Comparison {
    let (items, scoring) = pick(loaded, ids);
    compare_scored(&items, &scoring)
}

/// The history of one unit's `ids`.
fn unit_history(loaded: &(Vec<(Assessment, Results)>, Vec<Scoring>), ids: &[String]) -> History {
    let (items, scoring) = pick(loaded, ids);
    history_scored(&items, &scoring)
}

/// The list of assessments by unit, with a tick box each.
#[component]
fn OrgTable(org: OrgGroup, loaded: RwSignal<Option<Loaded>>, selected: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let figures = move |id: &str| {
        loaded.with(|l| {
            let (a, r) = l.as_ref()?.0.iter().find(|(a, _)| a.id == id).map(|(a, r)| (a, r))?;
            let answered = crate::domain::results::percent_text(r.completion());
            if !crate::domain::units::has_answers(a) {
                return Some((answered, "no answers".to_string(), "—".to_string()));
            }
            // Over the processes assessed, as the comparison below: an unanswered process is not a 0.
            let (floor, mean, (n, of)) = crate::domain::units::assessed(r);
            let floor = floor.map_or("—".into(), |l| l.to_string());
            let mean = mean.map_or("—".into(), index_text);
            Some((answered, floor, if n < of { format!("{mean} ({n} of {of} processes)") } else { mean }))
        })
    };
    let replaced = RwSignal::new(None::<String>);
    let org = StoredValue::new(org);
    let rows = org
        .get_value()
        .units
        .iter()
        .flat_map(|u| u.assessments.iter().map(move |l| (u.unit.clone(), l.clone())))
        .map(|(unit, l)| {
            let id = l.id.clone();
            let (id2, id3, id4) = (id.clone(), id.clone(), id.clone());
            let checked = move || selected.with(|s| s.contains(&id2));
            let unit2 = unit.clone();
            let toggle = move |_| {
                // One assessment per unit: ticking another date of a unit replaces the one ticked.
                let same_unit: Vec<Listing> = org.with_value(|o| {
                    o.units.iter().filter(|u| u.unit == unit2).flat_map(|u| u.assessments.clone()).collect()
                });
                selected.update(|s| {
                    if s.remove(&id3) {
                        replaced.set(None);
                        return;
                    }
                    let before = same_unit.iter().find(|l| l.id != id3 && s.contains(&l.id));
                    if let Some(b) = before {
                        s.remove(&b.id);
                        let date = if b.date.is_empty() { b.name.clone() } else { b.date.clone() };
                        replaced.set(Some(format!(
                            "One assessment per unit is compared: {} · {date} was unticked for this one.",
                            unit2
                        )));
                        s.insert(id3.clone());
                    } else if s.len() < MAX_UNITS {
                        replaced.set(None);
                        s.insert(id3.clone());
                    }
                })
            };
            let full = move || selected.with(|s| s.len() >= MAX_UNITS && !s.contains(&id4));
            let id5 = id.clone();
            let id6 = id.clone();
            let answered = move || figures(&id6).map(|x| x.0).unwrap_or_default();
            let floor = move || figures(&id).map(|x| x.1).unwrap_or_default();
            let mean = move || figures(&id5).map(|x| x.2).unwrap_or_default();
            view! {
                <tr data-assessment=l.id.clone()>
                    <td>
                        <input
                            type="checkbox"
                            id=format!("pick-{}", l.id)
                            prop:checked=checked
                            on:change=toggle
                            prop:disabled=full
                        />
                        <label class="sr-only" for=format!("pick-{}", l.id)>
                            {format!("Compare {}", l.name)}
                        </label>
                    </td>
                    <th scope="row">
                        <a href=Step::Results.href(&l.id)>{l.name.clone()}</a>
                    </th>
                    <td>{unit}</td>
                    <td class="nowrap">{if l.date.is_empty() { "—".to_string() } else { l.date.clone() }}</td>
                    <td class="num">{answered}</td>
                    <td class="num">{floor}</td>
                    <td class="num">{mean}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Assessments of this organization">
            <table class="data-table" id="org-assessments">
                <thead>
                    <tr>
                        <th scope="col">"Compare"</th>
                        <th scope="col">"Assessment"</th>
                        <th scope="col">"Unit"</th>
                        <th scope="col">"Date"</th>
                        <th scope="col" class="num">
                            "Answered"
                        </th>
                        <th scope="col" class="num">
                            "Floor level"
                        </th>
                        <th scope="col" class="num">
                            "Mean index"
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="muted small" id="pick-count" aria-live="polite">
            {move || format!("{} of at most {MAX_UNITS} ticked.", selected.with(BTreeSet::len))}
            {move || replaced.get().map(|r| format!(" {r}"))}
        </p>
    }
}

/// The ticked assessments in the table's order (unit, then newest first).
fn ticked(org: &OrgGroup, selected: &BTreeSet<String>) -> Vec<String> {
    org.assessments().map(|l| l.id.clone()).filter(|id| selected.contains(id)).collect()
}

/// Each unit with two or more dated assessments: its label and their ids.
fn histories(org: &OrgGroup) -> Vec<(String, Vec<String>)> {
    org.units
        .iter()
        .map(|u| (u.unit.clone(), u.assessments.iter().filter(|l| !l.date.is_empty()).map(|l| l.id.clone()).collect()))
        .filter(|(_, ids): &(String, Vec<String>)| ids.len() >= 2)
        .collect()
}

/// "Excel workbook": the comparison of the ticked units and each unit's
/// history, one sheet each, written in the export worker.
#[component]
fn OrgWorkbook(org: OrgGroup, loaded: RwSignal<Option<Loaded>>, selected: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let notices = expect_context::<crate::ui::state::Notices>();
    let busy = RwSignal::new(false);
    let org = StoredValue::new(org);
    let request = move || {
        let org = org.get_value();
        let ids = selected.with_untracked(|s| ticked(&org, s));
        loaded.with_untracked(|l| {
            let l = l.as_ref()?;
            let mut sheets = Vec::new();
            if ids.len() >= 2 {
                let (heads, rows) = comparison_table(&compared(l, &ids));
                sheets.push(serde_json::json!({"name": "Units side by side", "heads": heads, "rows": rows}));
            }
            for (unit, ids) in histories(&org) {
                let (heads, rows) = comparison_table(&unit_history(l, &ids).over_time);
                sheets.push(serde_json::json!({"name": format!("History {unit}"), "heads": heads, "rows": rows}));
            }
            (!sheets.is_empty()).then(|| serde_json::json!({"kind": "tables", "sheets": sheets}).to_string())
        })
    };
    let run = move |_| {
        let Some(req) = request() else {
            notices.error(
                "Tick two assessments to compare, or add a second dated assessment of a unit, to make a workbook.",
            );
            return;
        };
        busy.set(true);
        let name = format!("{}-units-and-history.xlsx", slug(&org.with_value(|o| o.name.clone())));
        leptos::task::spawn_local(async move {
            match crate::ui::exporter::in_worker(req).await {
                Ok(bytes) if crate::ui::exporter::download_bytes(&name, XLSX, &bytes) => {}
                Ok(_) => notices.error("The browser refused the download of the workbook; nothing was changed."),
                Err(e) => notices.error(format!("The workbook could not be made: {e}. Nothing was changed.")),
            }
            busy.set(false);
        });
    };
    view! {
        <p class="actions no-print">
            <button
                class="btn btn-secondary"
                id="org-xlsx"
                on:click=run
                prop:disabled=move || busy.get() || loaded.with(Option::is_none)
                aria-busy=move || busy.get().to_string()
            >
                {move || if busy.get() { "Writing the workbook…" } else { "Excel workbook (units and history)" }}
            </button>
        </p>
    }
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Units side by side: radar, heatmap and table of the ticked assessments.
#[component]
fn UnitsCompare(
    org: OrgGroup,
    loaded: RwSignal<Option<Loaded>>,
    selected: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let viewport = expect_context::<Viewport>();
    let org2 = org.clone();
    let cmp = Memo::new(move |_| {
        let ids = selected.with(|s| ticked(&org2, s));
        loaded.with(|l| {
            let l = l.as_ref()?;
            (ids.len() >= 2).then(|| compared(l, &ids))
        })
    });
    let base = slug(&org.name);
    let radar =
        Memo::new(move |_| cmp.with(|c| c.as_ref().map(|c| units_radar(c, &viewport.chart.get())).unwrap_or_default()));
    let heat = Memo::new(move |_| {
        cmp.with(|c| c.as_ref().map(|c| units_heatmap(c, &viewport.chart.get())).unwrap_or_default())
    });
    let (b1, b2, b3) = (base.clone(), base.clone(), base);
    let csv = move |_| {
        cmp.with_untracked(|c| {
            if let Some(c) = c {
                download(&format!("{b3}-units.csv"), "text/csv", &comparison_csv(c));
            }
        })
    };
    view! {
        <section class="card" id="units-compare" aria-labelledby="units-heading">
            <div class="results-head">
                <h2 id="units-heading">"Units side by side"</h2>
                <button
                    class="btn btn-secondary no-print"
                    id="units-csv"
                    on:click=csv
                    prop:disabled=move || cmp.with(Option::is_none)
                >
                    "Comparison CSV"
                </button>
            </div>
            {move || match cmp.get() {
                None if loaded.with(Option::is_none) => {
                    view! { <p class="muted">"Reading the assessments…"</p> }.into_any()
                }
                None => {
                    view! {
                        <p class="muted" id="units-empty">
                            "Tick at least two assessments above to compare them."
                        </p>
                    }
                        .into_any()
                }
                Some(c) => {
                    let c = Arc::new(c);
                    let (c1, c2, c3) = (c.clone(), c.clone(), c.clone());
                    let (f1, f2) = (b1.clone(), b2.clone());
                    view! {
                        {c.notes().into_iter().map(|n| view! { <p class="notice units-note">{n}</p> }).collect_view()}
                        <UnitsTable c=c1 />
                        <div class="charts">
                            <ChartFigure
                                id="chart-units-radar"
                                title="Capability by unit"
                                description="Capability index (0–5) of each compared process, one outline per unit (at most four; the heatmap and table show all)."
                                svg=radar
                                filename=Signal::derive(move || format!("{f1}-units-radar"))
                            >
                                <UnitsTable c=c2 />
                            </ChartFigure>
                            <ChartFigure
                                id="chart-units-heatmap"
                                title="Units × processes"
                                description="Colour shows each unit's capability level, the cell its level and index; targets are per unit, in the table. Out of scope, not assessed and unanswered are marked, never counted as 0."
                                svg=heat
                                filename=Signal::derive(move || format!("{f2}-units-heatmap"))
                            >
                                <UnitsTable c=c3 />
                            </ChartFigure>
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The comparison as a table: one row per process, one column per unit, then
/// the roll-up. Written as markup (every text escaped) rather than as a view:
/// it never changes once drawn, and a view of this size would add to the
/// start-up bundle what only this page uses. Below 600 px each row reads as
/// a card: every cell carries its column's name (`data-label`).
fn units_table_html(c: &Comparison) -> String {
    use std::fmt::Write as _;
    let e = crate::charts::escape;
    let f = |v: Option<f64>| v.map_or("—".to_string(), index_text);
    let mut h = String::from(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Units compared, as a table\">\
         <table class=\"data-table units-table\"><thead><tr><th scope=\"col\">Process</th>",
    );
    for col in &c.columns {
        let rest = col.label.strip_prefix(&col.unit).unwrap_or(&col.label).trim_start_matches(" · ");
        let apart =
            if c.has_rollup() && col.apart.is_some() { "<span class=\"apart\">not in roll-up</span>" } else { "" };
        let _ = write!(
            h,
            "<th scope=\"col\" class=\"unit-col\"><span class=\"unit-name\">{}</span> <span class=\"unit-date\">{}</span>{apart}</th>",
            e(&col.unit),
            e(rest)
        );
    }
    if c.has_rollup() {
        h.push_str(
            "<th scope=\"col\" class=\"num\">Median<br>index</th><th scope=\"col\">Lowest<br>index</th>\
             <th scope=\"col\">Largest<br>gap</th><th scope=\"col\" class=\"num\">At own<br>target</th>",
        );
    }
    h.push_str("</tr></thead><tbody>");
    for r in &c.rows {
        let _ = write!(h, "<tr data-process=\"{}\"><th scope=\"row\">{}</th>", e(&r.process), e(&r.name));
        for (col, cell) in c.columns.iter().zip(&r.cells) {
            let state = match cell {
                Cell::Scored { .. } => "scored",
                Cell::OutOfScope => "out-of-scope",
                Cell::NotAssessed => "not-assessed",
                Cell::NoAnswers => "no-answers",
            };
            let target = cell.target_text();
            let target =
                if target.is_empty() { String::new() } else { format!(" <span class=\"tgt\">{}</span>", e(&target)) };
            let _ = write!(
                h,
                "<td data-label=\"{}\" data-state=\"{state}\"><span class=\"score\">{}</span>{target}</td>",
                e(&column_label(c, col)),
                e(&cell.score_text())
            );
        }
        if c.has_rollup() {
            // The figure, then who has it on a line of its own.
            let gap = match &r.largest_gap {
                Some((g, _)) => format!("<span class=\"score\">{g}</span>"),
                None => "<span class=\"score\">none</span>".into(),
            };
            let gap_who = r.largest_gap.as_ref().map(|(_, cols)| c.names(cols)).unwrap_or_default();
            let _ = write!(
                h,
                "<td class=\"num\" data-label=\"Median index\"><span class=\"score\">{}</span>{}</td>\
                 <td data-label=\"Lowest index\"><span class=\"score\">{}</span> <span class=\"tgt who\">{}</span></td>\
                 <td data-label=\"Largest gap\">{gap} <span class=\"tgt who\">{}</span></td>\
                 <td class=\"num\" data-label=\"At own target\"><span class=\"score\">{}</span></td>",
                f(r.median_index).to_string() + if r.scored.1 > 0 { " †" } else { "" },
                median_note(r),
                f(r.min_index),
                e(&if r.min_index.is_some() { c.weakest_label(r) } else { String::new() }),
                e(&gap_who),
                Comparison::at_target_label(r)
            );
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody><tfoot>");
    let blank = if c.has_rollup() { "<td></td>".repeat(4) } else { String::new() };
    let foot = |h: &mut String, title: &str, text: &dyn Fn(&crate::domain::units::Column) -> String| {
        let _ = write!(h, "<tr><th scope=\"row\">{title}</th>");
        for col in &c.columns {
            let _ = write!(h, "<td data-label=\"{}\">{}</td>", e(&column_label(c, col)), text(col));
        }
        let _ = write!(h, "{blank}</tr>");
    };
    foot(&mut h, "Answered", &|col| crate::domain::results::percent_text(col.completion));
    foot(&mut h, "Processes assessed", &|col| format!("{} of {}", col.assessed.0, col.assessed.1));
    let none = |col: &crate::domain::units::Column, v: String| if col.empty { "no answers".to_string() } else { v };
    foot(&mut h, "Floor level <span class=\"tgt\">compared processes</span>", &|col| {
        none(col, col.floor_level.map_or("—".into(), |l| l.to_string()))
    });
    foot(&mut h, "Mean index <span class=\"tgt\">compared processes</span>", &|col| none(col, f(col.mean_index)));
    h.push_str("</tfoot></table></div>");
    let provisional =
        c.rows.iter().any(|r| r.cells.iter().any(|x| matches!(x, Cell::Scored { provisional: true, .. })));
    h.push_str("<p class=\"muted small units-legend\">Each cell: level · index (two decimals, as on every page) and that unit's own target. ");
    if provisional {
        h.push_str(
            "† provisional: too few of its questions answered to be sure (a roll-up figure with † includes one). ",
        );
    }
    if c.has_rollup() {
        h.push_str(
            "Rows: the highest priority any unit gives the process first. Roll-up over one assessment per unit: the \
             median is the lower middle value (one a unit has; with two units, their range is shown beside it); the \
             lowest index and ties are read as shown, at two decimals; \
             the largest gap is against each unit's own target; units without a target are not counted at target. \
             Out of scope, not assessed and unanswered cells are never counted as 0.",
        );
    } else {
        h.push_str("Rows: the highest priority any date gives the process first.");
    }
    h.push_str("</p>");
    h
}

/// A column's name on a phone card: its label, and whether it is in the roll-up.
fn column_label(c: &Comparison, col: &crate::domain::units::Column) -> String {
    if c.has_rollup() && col.apart.is_some() {
        format!("{} (not in roll-up)", col.label)
    } else {
        col.label.clone()
    }
}

/// Beside a median of fewer than three units, what it is taken over: "of 1.4–5.0".
fn median_note(r: &crate::domain::units::Row) -> String {
    match (r.scored.0, r.min_index, r.max_index) {
        (2, Some(lo), Some(hi)) if index_text(lo) != index_text(hi) => {
            format!(" <span class=\"tgt who\">range {}–{}</span>", index_text(lo), index_text(hi))
        }
        (1, _, _) => " <span class=\"tgt who\">one unit</span>".into(),
        _ => String::new(),
    }
}

/// [`units_table_html`] in place.
#[component]
fn UnitsTable(c: Arc<Comparison>) -> impl IntoView {
    view! { <div class="units-table-host" inner_html=units_table_html(&c)></div> }
}

/// History: per unit with two or more dated assessments, a trend and the change between two dates.
#[component]
fn HistorySection(org: OrgGroup, loaded: RwSignal<Option<Loaded>>) -> impl IntoView {
    let units = histories(&org);
    let base = slug(&org.name);
    view! {
        <section class="card" id="history" aria-labelledby="history-heading">
            <h2 id="history-heading">"History"</h2>
            {if units.is_empty() {
                view! {
                    <p class="muted" id="history-empty">
                        "A unit needs two or more dated assessments for a history. Start a follow-up from the start page to assess it again."
                    </p>
                }
                    .into_any()
            } else {
                units
                    .into_iter()
                    .map(|(unit, ids)| view! { <UnitHistory unit=unit ids=ids loaded=loaded file_base=base.clone() /> })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}

/// One unit's history.
#[component]
fn UnitHistory(unit: String, ids: Vec<String>, loaded: RwSignal<Option<Loaded>>, file_base: String) -> impl IntoView {
    let viewport = expect_context::<Viewport>();
    let h = Memo::new(move |_| loaded.with(|l| l.as_ref().map(|l| unit_history(l, &ids))));
    let svg =
        Memo::new(move |_| h.with(|h| h.as_ref().map(|h| trend_chart(h, &viewport.chart.get())).unwrap_or_default()));
    let key = slug(&unit);
    let file = format!("{file_base}-{key}-history");
    let (file1, file2) = (file.clone(), file);
    let csv = move |_| {
        h.with_untracked(|h| {
            if let Some(h) = h {
                download(&format!("{file2}.csv"), "text/csv", &comparison_csv(&h.over_time));
            }
        })
    };
    let title = format!("{unit} over time");
    view! {
        <div class="unit-history" data-unit=unit.clone()>
            <div class="results-head">
                <h3>{title}</h3>
                <button class="btn btn-secondary btn-small no-print history-csv" on:click=csv>
                    "History CSV"
                </button>
            </div>
            {move || {
                h.get()
                    .map(|h| {
                        let over_time = Arc::new(h.over_time.clone());
                        let notes = h.over_time.notes();
                        let h = Arc::new(h);
                        let f = file1.clone();
                        let key = key.clone();
                        view! {
                            {notes.into_iter().map(|n| view! { <p class="notice history-note">{n}</p> }).collect_view()}
                            <ChartFigure
                                id=format!("chart-trend-{key}")
                                title="Trend"
                                description="Floor level and mean index per date, then each process's index over time."
                                svg=svg
                                filename=Signal::derive(move || f.clone())
                            >
                                <UnitsTable c=over_time />
                            </ChartFigure>
                            <AttributeChanges h=h key=key />
                        }
                    })
            }}
        </div>
    }
}

/// The change of every attribute between two chosen dates.
#[component]
fn AttributeChanges(h: Arc<History>, key: String) -> impl IntoView {
    let n = h.over_time.columns.len();
    let from = RwSignal::new(0usize);
    let to = RwSignal::new(n - 1);
    let labels: Vec<String> = h.over_time.columns.iter().map(|c| c.label.clone()).collect();
    let options = move |sel: RwSignal<usize>| {
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                view! {
                    <option value=i.to_string() selected=move || sel.get() == i>
                        {l.clone()}
                    </option>
                }
            })
            .collect_view()
    };
    let (o1, o2) = (options(from), options(to));
    let attrs = crate::domain::Attribute::ALL;
    let heads = attrs
        .iter()
        .map(|a| {
            view! {
                <th scope="col" class="num">
                    {a.id()}
                </th>
            }
        })
        .collect_view();
    // Markup, every text escaped (see `units_table_html`).
    let rows = move || {
        use std::fmt::Write as _;
        let mut out = String::new();
        for d in h.attribute_deltas(from.get(), to.get()) {
            let e = crate::charts::escape;
            let _ = write!(
                out,
                "<tr data-process=\"{}\"><th scope=\"row\">{}</th><td class=\"num\">{} → {}</td><td class=\"num\">{} → {}</td>",
                e(&d.process),
                e(&d.name),
                index_text(d.index.0),
                index_text(d.index.1),
                d.level.0,
                d.level.1
            );
            for (_, a, b) in &d.attributes {
                let text = match (a, b) {
                    (Some(a), Some(b)) if (b - a).abs() < 0.5 => "0".into(),
                    (Some(a), Some(b)) => format!("{:+.0}", b - a),
                    _ => "—".into(),
                };
                let _ = write!(out, "<td class=\"num\">{text}</td>");
            }
            out.push_str("</tr>");
        }
        out
    };
    let pick = |sel: RwSignal<usize>| move |ev| sel.set(event_target_value(&ev).parse().unwrap_or(0));
    view! {
        <h4>"What changed between two dates"</h4>
        <div class="inline-form">
            <label for=format!("history-from-{key}")>"From"</label>
            <select id=format!("history-from-{key}") class="history-from" on:change=pick(from)>
                {o1}
            </select>
            <label for=format!("history-to-{key}")>"to"</label>
            <select id=format!("history-to-{key}") class="history-to" on:change=pick(to)>
                {o2}
            </select>
        </div>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Change per attribute, percentage points">
            <table class="data-table attribute-changes">
                <thead>
                    <tr>
                        <th scope="col">"Process"</th>
                        <th scope="col" class="num">
                            "Index"
                        </th>
                        <th scope="col" class="num">
                            "Level"
                        </th>
                        {heads}
                    </tr>
                </thead>
                <tbody inner_html=rows></tbody>
            </table>
        </div>
        <p class="muted small">
            "Attribute columns: change of achievement in percentage points; processes scored at both dates."
        </p>
    }
}
