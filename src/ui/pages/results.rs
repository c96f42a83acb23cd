//! Step 6: results — completion, maturity, and every process with its
//! relevance (and why), target and current capability.

use crate::domain::evaluate::ProcessResult;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The results summary of the open assessment.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = move || state.assessment.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let org = move || state.assessment.with(|a| a.as_ref().map(|a| a.organization.name.clone()).unwrap_or_default());
    let summary = move || {
        state.results.with(|r| {
            r.as_ref().map(|r| {
                let maturity = r.org_maturity.map(|m| m.to_string()).unwrap_or_else(|| "–".into());
                let mean = r.mean_index.map(|m| format!("{m:.2}")).unwrap_or_else(|| "–".into());
                let done = format!("{:.0} %", r.completion() * 100.0);
                let scoped = r.in_scope().count();
                view! {
                    <dl class="stats">
                        <div><dt>"Processes in scope"</dt><dd id="stat-scope">{scoped}</dd></div>
                        <div><dt>"Answered"</dt><dd id="stat-done">{done}</dd></div>
                        <div><dt>"Organizational maturity"</dt><dd id="stat-maturity">{maturity}</dd></div>
                        <div><dt>"Mean capability index"</dt><dd id="stat-index">{mean}</dd></div>
                    </dl>
                }
            })
        })
    };
    let rows = move || {
        state.results.with(|r| {
            let mut list: Vec<ProcessResult> = r.as_ref().map(|r| r.processes.clone()).unwrap_or_default();
            list.sort_by_key(|p| std::cmp::Reverse(p.relevance.score));
            list.into_iter().map(|p| view! { <ProcessRow p=p/> }).collect_view()
        })
    };

    view! {
        <section class="card">
            <p class="eyebrow">{org}</p>
            <h1 id="assessment-title">{title}</h1>
            <p class="muted">"Results so far"</p>
            {summary}
        </section>
        <section class="card">
            <h2>"Processes by relevance"</h2>
            <p class="muted">"Relevance comes from the objectives you rated and the services you listed. The target level follows from relevance unless you set one."</p>
            <div class="table-wrap">
                <table class="process-table" id="process-table">
                    <thead>
                        <tr>
                            <th scope="col">"Process"</th>
                            <th scope="col">"Relevance"</th>
                            <th scope="col">"Why"</th>
                            <th scope="col">"Target"</th>
                            <th scope="col">"Level"</th>
                            <th scope="col">"Index"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ProcessRow(p: ProcessResult) -> impl IntoView {
    let reasons = p.relevance.top_reasons(3).join("; ");
    let target = if p.in_scope { p.target.to_string() } else { "out of scope".into() };
    let width = format!("width: {}%", p.relevance.score);
    view! {
        <tr data-process=p.id.clone() class:out-of-scope=!p.in_scope>
            <th scope="row">{p.name.clone()}</th>
            <td>
                <div class="meter" role="img" aria-label=format!("relevance {} of 100", p.relevance.score)>
                    <span style=width></span>
                </div>
                <span class="num">{p.relevance.score}</span>
            </td>
            <td class="reasons">{reasons}</td>
            <td class="num">{target}</td>
            <td class="num">{p.level}</td>
            <td class="num">{format!("{:.2}", p.index)}</td>
        </tr>
    }
}
