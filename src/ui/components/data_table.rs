//! A plain data table: column headings and rows whose first cell heads the
//! row; every other cell is a number-aligned figure. Used as the text
//! alternative of the charts and for small result tables.

use leptos::prelude::*;

/// One row: the row heading, then the figures.
pub type Row = (String, Vec<String>);

/// A table of figures.
#[component]
pub fn DataTable(
    /// Column headings, the row-heading column first.
    #[prop(into)]
    headings: Vec<String>,
    /// The rows.
    #[prop(into)]
    rows: Signal<Vec<Row>>,
    /// Element id, when the page needs one.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <table class="data-table" id=id>
            <thead>
                <tr>{headings.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(head, cells)| {
                            view! {
                                <tr>
                                    <th scope="row">{head}</th>
                                    {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// Column headings from string literals.
pub fn headings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
