//! A chart figure: the SVG (from `charts/`), its caption, an "SVG" download
//! and a text-table alternative.

use crate::ui::util::download;
use leptos::prelude::*;

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
    /// The accessible text table.
    children: Children,
) -> impl IntoView {
    let on_download = move |_| {
        svg.with_untracked(|s| download(&format!("{}.svg", filename.get_untracked()), "image/svg+xml", s));
    };
    view! {
        <figure class="chart card" id=id>
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
            <details class="chart-table">
                <summary>"Show as a table"</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label=format!("{title} as a table")>
                    {children()}
                </div>
            </details>
        </figure>
    }
}
