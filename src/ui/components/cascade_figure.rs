//! The goals cascade picture with its text alternative: on the scope page,
//! the results page and the report.

use crate::charts::cascade::cascade_chart;
use crate::domain::cascade::{cascade, Cascade, MAX_PROCESSES};
use crate::ui::components::chart_figure::ChartFigure;
use crate::ui::state::{Session, Viewport};
use leptos::prelude::*;

/// The cascade of the open assessment: objectives → decisions → services → processes.
#[component]
pub fn CascadeFigure(
    /// Base of the download file name.
    #[prop(into)]
    file_base: Signal<String>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let viewport = expect_context::<Viewport>();
    let graph = Memo::new(move |_| {
        session.assessment.with(|a| {
            let a = a.as_ref()?;
            session.results.with(|r| r.as_ref().and_then(|r| session.with_catalog(|c| cascade(c, a, r, MAX_PROCESSES))))
        })
    });
    let svg = Memo::new(move |_| {
        graph.with(|g| g.as_ref().map(|g| cascade_chart(g, &viewport.chart.get())).unwrap_or_default())
    });
    let traces = move || graph.with(|g| g.as_ref().map(Cascade::by_process).unwrap_or_default());
    view! {
        <ChartFigure
            id="chart-cascade"
            table_on_phone=true
            title="Goals cascade"
            description="Your objectives, the decisions that serve them, the IT services those depend on, and the processes those services need; processes coloured by their gap to target."
            svg=svg
            filename=Signal::derive(move || format!("{}-cascade", file_base.get()))
        >
            <ul class="cascade-links">
                {move || {
                    traces()
                        .into_iter()
                        .map(|t| {
                            let gap = match t.gap {
                                Some(g) if g > 0 => format!(" · {g} below target"),
                                Some(_) => " · at target".to_string(),
                                None => String::new(),
                            };
                            view! {
                                <li>
                                    <strong>{t.process}</strong>
                                    <span class="muted">{gap}</span>
                                    <span class="block small">{format!("Services: {}", t.services.join(", "))}</span>
                                    <span class="block small muted">
                                        {format!("Objectives: {}", t.objectives.join("; "))}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </ChartFigure>
    }
}
