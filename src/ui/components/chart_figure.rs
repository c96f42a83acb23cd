//! A chart figure: the SVG (from `charts/`), its caption, an "SVG" download
//! and a text-table alternative.

use crate::ui::util::download;
use leptos::prelude::*;

/// Below this chart width (a phone), a `table_on_phone` figure shows its table.
const PHONE_CHART: u32 = 520;

/// One chart with its download button and text alternative (the children).
#[component]
pub fn ChartFigure(
    /// Element id of the figure.
    #[prop(into)]
    id: String,
    /// Caption shown above the chart.
    title: &'static str,
    /// What the chart shows, one sentence.
    #[prop(into)]
    description: String,
    /// The SVG markup (already escaped by the chart function).
    #[prop(into)]
    svg: Signal<String>,
    /// Download file name without extension.
    #[prop(into)]
    filename: Signal<String>,
    /// On a phone, show the table instead of the chart (a chart whose names
    /// would be cut or whose type would shrink below reading size there).
    #[prop(optional)]
    table_on_phone: bool,
    /// The accessible text table.
    children: Children,
) -> impl IntoView {
    let viewport = expect_context::<crate::ui::state::Viewport>();
    let narrow = move || table_on_phone && viewport.chart.with(|o| o.width < PHONE_CHART);
    let on_download = move |_| {
        svg.with_untracked(|s| download(&format!("{}.svg", filename.get_untracked()), "image/svg+xml", s));
    };
    view! {
        <figure class="chart card" id=id class:phone-table=narrow>
            <div class="chart-head">
                <figcaption>
                    <h3>{title}</h3>
                    <p class="muted">{description}</p>
                </figcaption>
                <button
                    type="button"
                    class="btn btn-small no-print"
                    on:click=on_download
                    aria-label=format!("Download {title} as SVG")
                >
                    "SVG ↓"
                </button>
            </div>
            <div class="chart-svg" inner_html=move || svg.get()></div>
            <details class="chart-table" prop:open=narrow>
                <summary>"Show as a table"</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{title} as a table")>
                    {children()}
                </div>
            </details>
        </figure>
    }
}
