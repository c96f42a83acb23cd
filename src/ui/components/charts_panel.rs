//! The result charts (radar, gaps, attribute heatmap), each with its text
//! table and download; on the results page and the report. Objective support
//! is drawn by the business view itself.

use crate::charts::{gaps::gap_bars, heatmap::heatmap, radar::radar, radar::radar_compare};
use crate::domain::units::index_text;
use crate::domain::{Attribute, Results};
use crate::ui::components::cascade_figure::CascadeFigure;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::components::comparison::baseline_results;
use crate::ui::components::data_table::{headings, DataTable, Row};
use crate::ui::state::{Session, Viewport};
use leptos::prelude::*;

/// The most spokes a radar gets: beyond this its labels crowd and the shape says little.
const RADAR_AXES: usize = 12;

/// Rows of a text table, from the results (empty when nothing is open).
fn rows_of(f: fn(&Results) -> Vec<Row>) -> Signal<Vec<Row>> {
    let session = expect_context::<Session>();
    Signal::derive(move || session.results.with(|r| r.as_ref().map(f).unwrap_or_default()))
}

/// A chart drawn from the results at the width it has on screen (redrawn when
/// the window is resized or the colour scheme changes).
fn svg_of(f: fn(&Results, &crate::charts::ChartOptions) -> String) -> Memo<String> {
    let session = expect_context::<Session>();
    let viewport = expect_context::<Viewport>();
    Memo::new(move |_| session.results.with(|r| r.as_ref().map(|r| f(r, &viewport.chart.get())).unwrap_or_default()))
}

/// The four charts, each with its text table.
#[component]
pub fn Charts(
    /// Base of the download file names.
    file_base: Signal<String>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let viewport = expect_context::<Viewport>();
    let baseline = baseline_results();
    let radar_svg = Memo::new(move |_| {
        let (b, o) = (baseline.get(), viewport.chart.get());
        session.results.with(|r| match (r.as_ref(), b) {
            (Some(r), Some((_, b))) => radar_compare(r, &b, &o),
            (Some(r), None) => radar(r, &o),
            _ => String::new(),
        })
    });
    let fname = move |suffix: &'static str| Signal::derive(move || format!("{}-{suffix}", file_base.get()));
    let radar_rows = rows_of(|r| {
        r.in_scope_by_priority()
            .into_iter()
            .map(|p| (p.name.clone(), vec![index_text(p.index), p.target.to_string()]))
            .collect()
    });
    let gap_rows = rows_of(|r| {
        r.in_scope_by_priority()
            .into_iter()
            .map(|p| (p.name.clone(), vec![index_text(p.index), p.target.to_string(), format!("{:.0}", p.priority)]))
            .collect()
    });
    let heat_rows = rows_of(|r| {
        r.in_scope_by_priority()
            .into_iter()
            .map(|p| {
                let cells = p.attributes.iter().map(|a| a.rating.map(|r| r.code()).unwrap_or("–").to_string());
                (p.name.clone(), cells.collect())
            })
            .collect()
    });
    let mut heat_heads = headings(&["Process"]);
    heat_heads.extend(Attribute::ALL.map(|a| a.id().to_string()));
    // A memo, so the radar's figure is rebuilt only when this flips, not on every answer.
    let crowded =
        Memo::new(move |_| session.results.with(|r| r.as_ref().map_or(0, |r| r.in_scope().count())) > RADAR_AXES);
    view! {
        <div class="charts" id="charts">
            <ChartFigure
                id="chart-gaps"
                title="Gaps by priority"
                description="From today's index to the target level, highest priority first."
                svg=svg_of(gap_bars)
                filename=fname("gaps")
            >
                <DataTable headings=headings(&["Process", "Index", "Target", "Priority"]) rows=gap_rows />
            </ChartFigure>
            <CascadeFigure file_base=file_base />
            {move || {
                if crowded.get() {
                    return view! {
                        <p class="muted small" id="radar-left-out">
                            {format!(
                                "The capability profile radar is drawn for up to {RADAR_AXES} processes, where its spokes can still be read; the gaps chart above shows every process.",
                            )}
                        </p>
                    }
                        .into_any();
                }
                view! {
                    <ChartFigure
                        id="chart-radar"
                        table_on_phone=true
                        title="Capability radar"
                        description="Capability index per in-scope process: current against target."
                        svg=radar_svg
                        filename=fname("radar")
                    >
                        <DataTable headings=headings(&["Process", "Index", "Target"]) rows=radar_rows />
                    </ChartFigure>
                }
                    .into_any()
            }}
            <ChartFigure
                id="chart-heatmap"
                table_on_phone=true
                title="Process attributes"
                description="Rating of each process attribute up to the highest target: N, P, L, F, or – when not rated yet; faded above a process's own target."
                svg=svg_of(heatmap)
                filename=fname("attributes")
            >
                <div class="heat-table">
                    <DataTable headings=heat_heads rows=heat_rows />
                </div>
                <HeatCards />
            </ChartFigure>
        </div>
    }
}

/// The attribute ratings as one card per process, up to its target (a phone's
/// view of the heatmap: names in full, ratings in words).
#[component]
fn HeatCards() -> impl IntoView {
    let session = expect_context::<Session>();
    let cards = move || {
        session.results.with(|r| {
            let Some(r) = r.as_ref() else { return Vec::new() };
            r.in_scope_by_priority()
                .into_iter()
                .map(|p| {
                    let own = p.target.max(p.level).max(1);
                    let cells: Vec<(Attribute, &'static str)> = p
                        .attributes
                        .iter()
                        .filter(|a| a.attribute.level() <= own)
                        .map(|a| (a.attribute, a.rating.map_or("–", |r| r.code())))
                        .collect();
                    (p.id.clone(), p.name.clone(), p.level, p.target, cells)
                })
                .collect()
        })
    };
    view! {
        <ul class="heat-cards">
            {move || {
                cards()
                    .into_iter()
                    .map(|(id, name, level, target, cells)| {
                        view! {
                            <li data-process=id>
                                <strong>{name}</strong>
                                <span class="muted small">
                                    {format!(
                                        " · level {level}{}",
                                        if target > 0 { format!(", target {target}") } else { String::new() },
                                    )}
                                </span>
                                <ul class="heat-card-cells">
                                    {cells
                                        .into_iter()
                                        .map(|(a, code)| {
                                            view! {
                                                <li title=a.id()>
                                                    <span class=format!(
                                                        "pill rating-{}",
                                                        code.to_lowercase().replace('–', "u"),
                                                    )>{code}</span>
                                                    {format!(" L{} · {}", a.level(), a.plain())}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
