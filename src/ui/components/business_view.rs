//! The business view: how well each rated objective is supported, with its
//! weakest processes named — the chart itself (one bar per objective) and its
//! text in one. Order: importance × missing support, highest first, so an
//! objective of importance 5 at 50 % comes before one of importance 2 at 30 %.

use crate::domain::results::ObjectiveSupport;
use crate::ui::state::Session;
use leptos::prelude::*;

/// Which business objective is IT putting at risk?
#[component]
pub fn BusinessView() -> impl IntoView {
    let state = expect_context::<Session>();
    let name_of = move |pid: &str| {
        state
            .with_catalog_untracked(|c| c.process(pid).map(|p| p.name.clone()))
            .flatten()
            .unwrap_or_else(|| pid.to_string())
    };
    let items = move || {
        state.results.with(|r| {
            let list: Vec<ObjectiveSupport> =
                r.as_ref().map(|r| r.objectives_by_weight().into_iter().cloned().collect()).unwrap_or_default();
            list.into_iter()
                .map(|o| {
                    let pct = o.support.unwrap_or(0.0);
                    let level = o.band().map_or("none", |b| b.class());
                    let weakest = o.weakest.iter().map(|p| name_of(p)).collect::<Vec<_>>().join(", ");
                    view! {
                        <li class=format!("objective-support support-{level}") data-objective=o.id.clone()>
                            <div class="os-head">
                                <strong>{o.name.clone()}</strong>
                                <span class="muted os-imp">{format!("importance {} of 5", o.importance)}</span>
                                <span class="os-pct num">
                                    {o.support.map(|s| format!("{s:.0} %")).unwrap_or_else(|| "–".into())}
                                </span>
                            </div>
                            <span class="meter wide" aria-hidden="true">
                                <span style=format!("width: {pct:.0}%")></span>
                            </span>
                            <p class="muted small">
                                {if o.support.is_none() {
                                    "None of the processes it needs is in scope.".to_string()
                                } else if weakest.is_empty() {
                                    "Every process it needs has reached its target.".to_string()
                                } else {
                                    format!("Furthest behind target: {weakest}")
                                }}
                            </p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="business-heading" id="business-view">
            <h2 id="business-heading">"Business view"</h2>
            <p class="muted">
                "How well each rated objective is supported: the relevance-weighted share of target capability its processes reach. First the objectives where importance and missing support weigh most: these are the ones IT is putting at risk."
            </p>
            <ul class="support-list">{items}</ul>
        </section>
    }
}
