//! The roadmap in three horizons (Now, Next, Later), from the results'
//! ordered steps; on the results page and the report.

use crate::domain::results::Horizon;
use crate::ui::state::Session;
use leptos::prelude::*;

/// The roadmap in three horizons.
#[component]
pub fn Roadmap() -> impl IntoView {
    let state = expect_context::<Session>();
    let column = move |h: Horizon| {
        state.results.with(|r| {
            let Some(r) = r.as_ref() else { return Vec::new() };
            r.roadmap
                .iter()
                .filter(|s| s.horizon == h)
                .map(|s| {
                    let pname = s.process_name.clone();
                    let serves = r.process(&s.process).map(|p| p.serves().join(", ")).unwrap_or_default();
                    let actions: Vec<_> = s.actions.iter().map(|a| (a.text.clone(), a.to_assess, a.attribute.id())).collect();
                    let count = actions.len();
                    view! {
                        <li class="road-step" data-process=s.process.clone() data-level=s.level>
                            <div class="road-head">
                                <strong>{pname}</strong>
                                <span class="tag">{format!("→ level {}", s.level)}</span>
                            </div>
                            {(!serves.is_empty()).then(|| view! { <p class="muted small">"Serves: "{serves}</p> })}
                            {if count == 0 {
                                view! {
                                    <p class="small">
                                        "The answers already meet this level; it is reached once the levels below are complete."
                                    </p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <ul class="actions-list">
                                        {actions
                                            .into_iter()
                                            .map(|(t, assess, attr)| {
                                                view! {
                                                    <li class:to-assess=assess>
                                                        <span class="tag tag-attr">{attr}</span>
                                                        " "
                                                        {t}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let col = move |h: Horizon, intro: &'static str| {
        let items = column(h);
        let empty = items.is_empty();
        view! {
            <section
                class="road-col"
                aria-labelledby=format!("road-{}", h.label().to_lowercase())
                id=format!("roadmap-{}", h.label().to_lowercase())
            >
                <h3 id=format!("road-{}", h.label().to_lowercase())>{h.label()}</h3>
                <p class="muted small">{intro}</p>
                {if empty {
                    view! { <p class="muted">"Nothing here."</p> }.into_any()
                } else {
                    view! { <ol>{items}</ol> }.into_any()
                }}
            </section>
        }
    };
    view! {
        <section class="card" aria-labelledby="roadmap-heading" id="roadmap">
            <h2 id="roadmap-heading">"Roadmap"</h2>
            <p class="muted">
                "One step per capability level still to reach, most urgent first. A process's next level always comes before the one after it."
            </p>
            <div class="roadmap">
                {move || col(Horizon::Now, "The next level of each process below target.")}
                {move || col(Horizon::Next, "The level after that.")}
                {move || col(Horizon::Later, "Further levels up to the target.")}
            </div>
        </section>
    }
}
