//! The printable report: everything a manager needs on paper (browser print →
//! PDF, A4 or Letter): organization, scope with rationales, profile, charts,
//! business view, roadmap and the notes taken during the assessment.

use crate::domain::assessment::{HeaderField, SizeBand};
use crate::domain::units::index_text;
use crate::domain::Action;
use crate::ui::components::action_plan::ActionPlan;
use crate::ui::components::business_view::BusinessView;
use crate::ui::components::charts_panel::Charts;
use crate::ui::components::executive::ExecutiveSummaryCard;
use crate::ui::components::export_button::{ExportButton, ExportKind};
use crate::ui::components::roadmap::Roadmap;
use crate::ui::components::summary::Summary;
use crate::ui::state::{Notices, Session};
use crate::ui::util::{download, slug, standalone_html};
use leptos::prelude::*;

/// The report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let state = expect_context::<Session>();
    let file_base = Signal::derive(move || {
        state.assessment.with(|a| slug(a.as_ref().map(|a| a.name.as_str()).unwrap_or_default()))
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            // Printing is best effort: a refusal leaves the page as it is.
            let _ = w.print();
        }
    };
    let notices = expect_context::<Notices>();
    let save_html = move |_| {
        let title = state
            .assessment
            .with_untracked(|a| a.as_ref().map(|a| format!("{} — ITSM capability report", a.name)).unwrap_or_default());
        let saved = standalone_html("report", &title)
            .is_some_and(|html| download(&format!("{}-report.html", file_base.get_untracked()), "text/html", &html));
        if !saved {
            notices
                .error("The HTML file could not be made in this browser; print the page to PDF instead.".to_string());
        }
    };
    view! {
        <article class="report card" id="report">
            <div class="report-actions no-print">
                <button class="btn btn-primary" id="print-report" on:click=print>
                    "Print or save as PDF"
                </button>
                <button class="btn btn-secondary" id="download-html" on:click=save_html>
                    "Download as HTML"
                </button>
                <ExportButton kind=ExportKind::Docx file_base=file_base />
                <LogoControl />
                <span class="muted small">
                    "Print uses your browser's dialog (A4 or Letter); the HTML file opens in any browser, offline, and prints the same; the Word report opens in Word or LibreOffice to edit."
                </span>
            </div>
            <header class="report-header">
                <ReportHeader />
            </header>
            <ExecutiveSummaryCard />
            <section class="report-section">
                <h2>"Figures"</h2>
                <Summary />
            </section>
            <Charts file_base=file_base />
            <BusinessView />
            <ActionPlan file_base=file_base />
            <Roadmap all_open=true />
            <section class="report-section appendix" id="appendix-scope">
                <h2>"Appendix A · Scope, targets and capability of every process"</h2>
                <ScopeTable />
            </section>
            <div class="appendix" id="appendix-notes">
                <ReportNotes />
            </div>
            <p class="muted small report-foot">
                "Made with ITSM Maturity, in the browser; no data left this device. Capability levels per ISO/IEC 33020 process attributes; process names after FitSM and ITIL 4."
            </p>
        </article>
    }
}

/// The organization's logo on the report: chosen from a file, kept with the
/// assessment (a data URL, nothing fetched), removable.
#[component]
fn LogoControl() -> impl IntoView {
    let state = expect_context::<Session>();
    let notices = expect_context::<Notices>();
    let has = move || state.assessment.with(|a| a.as_ref().is_some_and(|a| !a.logo.is_empty()));
    let on_pick = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            match crate::ui::util::read_image(&file, 300 * 1024).await {
                Ok(url) => state.dispatch(Action::SetHeader(HeaderField::Logo(url))),
                Err(e) => notices.error(format!("{e}.")),
            }
        });
    };
    view! {
        <label class="btn btn-secondary file-label" for="logo-file">
            {move || if has() { "Change the logo…" } else { "Add the organization's logo…" }}
        </label>
        <input
            type="file"
            id="logo-file"
            class="sr-only"
            accept="image/png,image/jpeg,image/webp,image/gif"
            on:change=on_pick
        />
        {move || {
            has()
                .then(|| {
                    view! {
                        <button
                            class="btn btn-secondary"
                            id="remove-logo"
                            on:click=move |_| state.dispatch(Action::SetHeader(HeaderField::Logo(String::new())))
                        >
                            "Remove the logo"
                        </button>
                    }
                })
        }}
    }
}

/// Who and what was assessed, when, and how deep.
#[component]
fn ReportHeader() -> impl IntoView {
    let state = expect_context::<Session>();
    let a = move || state.assessment.get();
    move || {
        a().map(|a| {
            let size = a.organization.size.map(SizeBand::label).unwrap_or("size not given");
            let org = if a.organization.name.is_empty() {
                "Organization not named".to_string()
            } else {
                a.organization.name.clone()
            };
            let answered: Vec<&str> =
                a.participants.iter().filter(|p| !p.answers.is_empty()).map(|p| p.name.as_str()).collect();
            let people = match answered.len() {
                0 => "No answers yet.".to_string(),
                1 => format!("Answers from {}.", answered[0]),
                n => format!("Answers from {n} people: {}.", answered.join(", ")),
            };
            let logo = (!a.logo.is_empty()).then(|| {
                view! { <img class="report-logo" id="report-logo" src=a.logo.clone() alt=format!("Logo of {org}") /> }
            });
            view! {
                {logo}
                <p class="eyebrow">"ITSM capability assessment"</p>
                <h1 id="report-title">{a.name.clone()}</h1>
                <p class="report-meta">
                    <strong>{org}</strong>
                    {format!(" · {size}")}
                    {(!a.organization.sector.is_empty()).then(|| format!(" · {}", a.organization.sector))}
                    {(!a.date.is_empty()).then(|| format!(" · assessed {}", a.date))}
                    {(!a.assessor.trim().is_empty()).then(|| format!(" by {}", a.assessor.trim()))}
                    {format!(" · {}", a.mode.label())}
                </p>
                <p class="report-meta" id="report-people">
                    {people}
                </p>
                {(!a.organization.context.is_empty())
                    .then(|| view! { <p class="report-context">{a.organization.context.clone()}</p> })}
            }
        })
    }
}

/// Every process in scope (or decided on), with target, level, index and why.
#[component]
fn ScopeTable() -> impl IntoView {
    let state = expect_context::<Session>();
    // In scope by priority first; then the processes decided on but not assessed, by relevance, with "—".
    let scope_rows = move |assessed: bool| {
        state.results.with(|r| {
            let a = state.assessment.get();
            r.as_ref().map(|r| {
                r.scope_order(false)
                    .iter()
                    .filter_map(|id| r.process(id))
                    .filter(|p| p.in_scope == assessed)
                    .filter(|p| p.in_scope || a.as_ref().is_some_and(|a| a.scope.contains_key(&p.id)))
                    .map(|p| {
                        let rationale = a
                            .as_ref()
                            .and_then(|a| a.scope.get(&p.id))
                            .map(|d| d.rationale.clone())
                            .unwrap_or_default();
                        let why = p.relevance.top_reasons(2).join("; ");
                        let (target, level, index) = if p.in_scope {
                            (
                                p.target_note().map_or_else(|| p.target.to_string(), |n| format!("{} {n}", p.target)),
                                p.level.to_string(),
                                index_text(p.index),
                            )
                        } else {
                            ("out of scope".to_string(), "—".to_string(), "—".to_string())
                        };
                        view! {
                            <tr>
                                <th scope="row">{p.name.clone()} <span class="refs">{p.references.clone()}</span></th>
                                <td class="num" data-label="Relevance">
                                    {p.relevance.score}
                                </td>
                                <td class="num" data-label="Target">
                                    {target}
                                </td>
                                <td class="num" data-label="Level">
                                    {level}
                                </td>
                                <td class="num" data-label="Index">
                                    {index}
                                </td>
                                <td class="small" data-label="Why">
                                    {if rationale.is_empty() { why } else { rationale }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Scope, targets and capability table">
            <table class="process-table report-table">
                <thead>
                    <tr>
                        <th scope="col">"Process"</th>
                        <th scope="col">"Relevance"</th>
                        <th scope="col">"Target"</th>
                        <th scope="col">"Level"</th>
                        <th scope="col">"Index"</th>
                        <th scope="col">"Rationale or main reasons"</th>
                    </tr>
                </thead>
                <tbody>
                    <tr class="group-row">
                        <th colspan="6" scope="rowgroup">
                            "Assessed, highest priority first"
                        </th>
                    </tr>
                    {move || scope_rows(true)}
                    <tr class="group-row">
                        <th colspan="6" scope="rowgroup">
                            "Not assessed this round (no level: no questions were asked)"
                        </th>
                    </tr>
                    {move || scope_rows(false)}
                </tbody>
            </table>
        </div>
    }
}

/// The answers the group agreed, each with the answers it settled and why:
/// where people differed, the score rests on these.
#[component]
fn AgreedAnswers(lines: Vec<crate::domain::workshop::AgreedLine>) -> impl IntoView {
    (!lines.is_empty()).then(|| {
        view! {
            <h3 id="report-agreed">"Agreed in the workshop"</h3>
            <ul class="notes agreed-notes">
                {lines
                    .into_iter()
                    .map(|l| {
                        view! {
                            <li>
                                <strong>{l.process}</strong>
                                " — "
                                {l.question}
                                " "
                                <span class=format!(
                                    "rating rating-{}",
                                    l.answer.code().to_lowercase(),
                                )>{format!("agreed {}", l.answer.code())}</span>
                                <br />
                                <span class="muted">
                                    {format!("The answers were {}.", l.answers)}
                                    {(!l.note.trim().is_empty()).then(|| format!(" Why: {}", l.note.trim()))}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h3>"Notes"</h3>
        }
    })
}

/// The notes and evidence written during the assessment.
#[component]
fn ReportNotes() -> impl IntoView {
    let state = expect_context::<Session>();
    move || {
        state.results.with(|r| {
            let mut list = r.as_ref().map(|r| r.notes.clone()).unwrap_or_default();
            // In the one priority order of the processes (by name: notes carry the process's name).
            let order: Vec<String> = r
                .as_ref()
                .map(|r| r.in_scope_by_priority().iter().map(|p| p.name.clone()).collect())
                .unwrap_or_default();
            let rank = |name: &str| order.iter().position(|n| n == name).unwrap_or(order.len());
            crate::domain::sort_stable(&mut list, |a, b| rank(&a.process).cmp(&rank(&b.process)));
            let agreed = state.assessment.with(|a| {
                r.as_ref().zip(a.as_ref()).map(|(r, a)| crate::domain::workshop::agreed_lines(a, r)).unwrap_or_default()
            });
            (!list.is_empty() || !agreed.is_empty()).then(|| {
                view! {
                    <section class="report-section">
                        <h2>"Appendix B · Notes and evidence"</h2>
                        <AgreedAnswers lines=agreed />
                        <ul class="notes">
                            {list
                                .into_iter()
                                .map(|n| {
                                    view! {
                                        <li>
                                            <strong>{n.process}</strong>
                                            " — "
                                            {n.question}
                                            " "
                                            <span class=format!(
                                                "rating rating-{}",
                                                n.answer.map(|x| x.code().to_lowercase()).unwrap_or_else(|| "u".into()),
                                            )>{n.answer.map(|x| x.code()).unwrap_or("–")}</span>
                                            <br />
                                            <span class="muted">{n.note}</span>
                                            <span class="note-by">{format!(" — {}", n.participant)}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })
        })
    }
}
