//! The four result charts (radar, gaps, attribute heatmap, objective
//! support), each with its text table and download; on the results page and the report.

use crate::charts::{gaps::gap_bars, heatmap::heatmap, objectives::objective_bars, radar::radar, radar::radar_compare};
use crate::domain::results::ProcessResult;
use crate::domain::Attribute;
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::components::comparison::baseline_results;
use crate::ui::state::{Session, Viewport};
use leptos::prelude::*;

/// The four charts, each with its text table.
#[component]
pub fn Charts(
    /// Base of the download file names.
    file_base: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<Session>();
    let viewport = expect_context::<Viewport>();
    // Drawn at the width the chart has on screen (redrawn when the window is
    // resized or the colour scheme changes), so labels stay readable on a phone.
    let opts = viewport.chart;
    let baseline = baseline_results();
    let radar_svg = Memo::new(move |_| {
        let b = baseline.get();
        let o = opts.get();
        state.results.with(|r| match (r.as_ref(), b) {
            (Some(r), Some((_, b))) => radar_compare(r, &b, &o),
            (Some(r), None) => radar(r, &o),
            _ => String::new(),
        })
    });
    let gaps_svg =
        Memo::new(move |_| state.results.with(|r| r.as_ref().map(|r| gap_bars(r, &opts.get())).unwrap_or_default()));
    let heat_svg =
        Memo::new(move |_| state.results.with(|r| r.as_ref().map(|r| heatmap(r, &opts.get())).unwrap_or_default()));
    let obj_svg = Memo::new(move |_| {
        state.results.with(|r| r.as_ref().map(|r| objective_bars(r, &opts.get())).unwrap_or_default())
    });
    let scoped = move || {
        state.results.with(|r| r.as_ref().map(|r| r.in_scope().cloned().collect::<Vec<_>>()).unwrap_or_default())
    };
    let fname = move |suffix: &'static str| Signal::derive(move || format!("{}-{suffix}", file_base.get()));
    view! {
        <div class="charts">
            <ChartFigure
                id="chart-radar"
                title="Capability profile"
                description="Capability index per in-scope process: current against target."
                svg=radar_svg
                filename=fname("radar")
            >
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Process"</th>
                            <th scope="col">"Index"</th>
                            <th scope="col">"Target"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            scoped()
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <tr>
                                            <th scope="row">{p.name.clone()}</th>
                                            <td class="num">{format!("{:.2}", p.index)}</td>
                                            <td class="num">{p.target}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ChartFigure>
            <ChartFigure
                id="chart-gaps"
                title="Gaps by priority"
                description="From today's index to the target level, most urgent first."
                svg=gaps_svg
                filename=fname("gaps")
            >
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Process"</th>
                            <th scope="col">"Index"</th>
                            <th scope="col">"Target"</th>
                            <th scope="col">"Priority"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let list: Vec<ProcessResult> = state
                                .results
                                .with(|r| {
                                    r.as_ref()
                                        .map(|r| r.in_scope_by_priority().into_iter().cloned().collect())
                                        .unwrap_or_default()
                                });
                            list.into_iter()
                                .map(|p| {
                                    view! {
                                        <tr>
                                            <th scope="row">{p.name.clone()}</th>
                                            <td class="num">{format!("{:.2}", p.index)}</td>
                                            <td class="num">{p.target}</td>
                                            <td class="num">{format!("{:.0}", p.priority)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ChartFigure>
            <ChartFigure
                id="chart-heatmap"
                title="Process attributes"
                description="Rating of each process attribute: N, P, L, F, or – when not rated yet."
                svg=heat_svg
                filename=fname("attributes")
            >
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Process"</th>
                            {Attribute::ALL.map(|a| view! { <th scope="col">{a.id()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            scoped()
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <tr>
                                            <th scope="row">{p.name.clone()}</th>
                                            {p
                                                .attributes
                                                .iter()
                                                .map(|a| {
                                                    view! {
                                                        <td class="num">
                                                            {a.rating.map(|r| r.code()).unwrap_or("–")}
                                                        </td>
                                                    }
                                                })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </ChartFigure>
            <ChartFigure
                id="chart-objectives"
                title="Business objectives supported"
                description="How well the processes each rated objective needs reach their targets."
                svg=obj_svg
                filename=fname("objectives")
            >
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Objective"</th>
                            <th scope="col">"Importance"</th>
                            <th scope="col">"Support"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            state
                                .results
                                .with(|r| {
                                    r.as_ref()
                                        .map(|r| {
                                            r.objectives
                                                .iter()
                                                .map(|o| {
                                                    view! {
                                                        <tr>
                                                            <th scope="row">{o.name.clone()}</th>
                                                            <td class="num">{o.importance}</td>
                                                            <td class="num">
                                                                {o
                                                                    .support
                                                                    .map(|s| format!("{s:.0} %"))
                                                                    .unwrap_or_else(|| "no process in scope".into())}
                                                            </td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()
                                        })
                                })
                        }}
                    </tbody>
                </table>
            </ChartFigure>
        </div>
    }
}
