//! The executive summary that opens the results page and the report: the
//! floor level, processes at target, answers given, the objectives most at
//! risk with the processes putting them at risk, and the first steps of the plan.

use crate::domain::plan::executive_summary;
use crate::domain::results::Horizon;
use crate::ui::state::Session;
use leptos::prelude::*;

/// When a step is due, in words: "start now", "next", "later".
fn horizon_words(h: Horizon) -> &'static str {
    match h {
        Horizon::Now => "start now",
        Horizon::Next => "next",
        Horizon::Later => "later",
    }
}

/// The summary, from the open assessment's results.
#[component]
pub fn ExecutiveSummaryCard() -> impl IntoView {
    let state = expect_context::<Session>();
    let summary = Memo::new(move |_| {
        state
            .results
            .with(|r| state.assessment.with(|a| r.as_ref().zip(a.as_ref()).map(|(r, a)| executive_summary(a, r))))
    });
    move || {
        summary.get().map(|s| {
            let risks = if s.rated_objectives == 0 {
                view! { <p id="summary-no-risk">"No objective is rated yet, or none has a process in scope."</p> }
                    .into_any()
            } else if s.at_risk.is_empty() {
                view! { <p id="summary-no-risk">"Every rated objective is well supported (70 % or more)."</p> }
                    .into_any()
            } else {
                view! {
                    <ul class="summary-risks" id="summary-risks">
                        {s
                            .at_risk
                            .iter()
                            .map(|o| {
                                let by = if o.weakest.is_empty() {
                                    String::new()
                                } else {
                                    format!(" Furthest behind target: {}.", o.weakest.join(", "))
                                };
                                view! {
                                    <li class=format!("support-{}", o.band.class())>
                                        <strong>{o.name.clone()}</strong>
                                        {format!(
                                            " — {:.0} %, {} (importance {} of 5).{by}",
                                            o.support,
                                            o.band.label(),
                                            o.importance,
                                        )}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            };
            let steps = s
                .first_steps
                .iter()
                .map(|f| {
                    let plan = f.plan.as_ref().map(|p| format!(" — {}", p.line())).unwrap_or_default();
                    view! {
                        <li>
                            <strong>{f.what.clone()}</strong>
                            <crate::ui::pages::present::NoWrapDates text=format!(
                                " ({}){plan}",
                                horizon_words(f.horizon),
                            ) />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="card exec-summary" aria-labelledby="exec-heading" id="executive-summary">
                    <h2 id="exec-heading">"In one minute"</h2>
                    <p class="exec-headline" id="exec-headline">
                        {s.headline()}
                    </p>

                    {(s.completion < 1.0)
                        .then(|| {
                            view! {
                                <p class="notice" id="exec-provisional">
                                    "Figures are provisional until every question is answered."
                                </p>
                            }
                        })}
                    <div class="exec-grid">
                        <div>
                            <h3>"Objectives least supported (below 70 %)"</h3>
                            {risks}
                        </div>
                        <div>
                            <h3>"First steps of the plan"</h3>
                            <ol class="summary-steps" id="summary-steps">
                                {steps}
                            </ol>
                        </div>
                    </div>
                </section>
            }
        })
    }
}

/// The in-page menu of the results page.
#[component]
pub fn ResultsMenu() -> impl IntoView {
    const SECTIONS: [(&str, &str); 7] = [
        ("#profile", "Profile"),
        ("#charts", "Charts"),
        ("#comparison", "Comparison"),
        ("#business-view", "Business view"),
        ("#action-plan", "Action plan"),
        ("#roadmap", "Roadmap"),
        ("#follow-up", "Follow-up list"),
    ];
    view! {
        <nav class="results-menu no-print" aria-label="Sections of the results" id="results-menu">
            <ul>
                {SECTIONS
                    .map(|(href, label)| {
                        view! {
                            <li>
                                <a href=href>{label}</a>
                            </li>
                        }
                    })}
            </ul>
        </nav>
    }
}
