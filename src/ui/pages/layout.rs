//! The frame around every step of one assessment: it opens the assessment
//! named in the address, shows its name, the steps, overall progress and the
//! save status, and remembers the page so the app can resume there.

use crate::ui::app::StepPage;
use crate::ui::components::progress::ProgressBar;
use crate::ui::components::save_status::SaveIndicator;
use crate::ui::components::stepper::Stepper;
use crate::ui::library::Library;
use crate::ui::route::{org_href, use_assessment_id, use_path, Step, START};
use crate::ui::state::Session;
use leptos::prelude::*;

/// Wraps the step pages of `/a/:id/...`.
#[component]
pub fn AssessmentLayout() -> impl IntoView {
    let session = expect_context::<Session>();
    let library = expect_context::<Library>();
    let path = use_path();
    let id = use_assessment_id();
    let missing = RwSignal::new(false);

    // Open the assessment named in the address if another (or none) is open.
    Effect::new(move |_| missing.set(!library.open(&id.get())));
    // Remember the page to resume there next time.
    // (On a new page or a newly opened assessment, not on every answer.)
    Effect::new(move |_| {
        session.id();
        path.with(|p| library.remember_page(p));
    });

    let ready = move || session.assessment.with(|a| a.as_ref().is_some_and(|a| a.id == id.get()));
    let name = move || session.assessment.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let org = move || {
        session.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    if a.organization.name.is_empty() {
                        "Organization not named yet".into()
                    } else {
                        a.organization.name.clone()
                    }
                })
                .unwrap_or_default()
        })
    };
    let completion =
        Signal::derive(move || session.results.with(|r| r.as_ref().map(|r| r.completion()).unwrap_or(0.0)));
    let detail = Signal::derive(move || {
        session.results.with(|r| {
            r.as_ref().map(|r| format!("{} of {} questions in scope", r.answered, r.asked)).unwrap_or_default()
        })
    });

    view! {
        <Show
            when=ready
            fallback=move || {
                view! {
                    <section class="card">
                        {move || {
                            if missing.get() {
                                view! {
                                    <h1>"Assessment not found"</h1>
                                    <p>
                                        "There is no saved assessment with this address in this browser. "
                                        <a href=START>"See the saved assessments"</a>
                                    </p>
                                }
                                    .into_any()
                            } else {
                                view! { <p class="muted">"Opening the assessment…"</p> }.into_any()
                            }
                        }}
                    </section>
                }
            }
        >
            <div class="assessment-head">
                <div>
                    <p class="eyebrow">
                        <span id="org-name">{org}</span>
                        <OrgUnit />
                    </p>
                    <p class="assessment-name" id="assessment-name">
                        {name}
                    </p>
                </div>
                <div class="head-links">
                    <OrgLink />
                    <a href=move || Step::Workshop.href(&id.get()) id="workshop-link" class="btn btn-small">
                        {move || {
                            session
                                .assessment
                                .with(|a| {
                                    let n = a.as_ref().map(|a| a.participants.len()).unwrap_or(1);
                                    if n > 1 { format!("Workshop · {n} participants") } else { "Workshop".to_string() }
                                })
                        }}
                    </a>
                    <SaveIndicator />
                </div>
            </div>
            {move || {
                session
                    .read_only
                    .get()
                    .map(|m| {
                        view! {
                            <p class="notice" id="read-only-note">
                                {m}
                            </p>
                        }
                    })
            }}
            <Stepper id=id />
            <ProgressBar value=completion label="Overall progress" detail=detail />
            <StepPage />
        </Show>
    }
}

/// " · North site" after the organization's name, when a unit is assessed.
#[component]
fn OrgUnit() -> impl IntoView {
    let session = expect_context::<Session>();
    move || {
        session
            .assessment
            .with(|a| a.as_ref().map(|a| a.organization.unit.trim().to_string()).filter(|u| !u.is_empty()))
            .map(|u| view! { <span id="org-unit">{format!(" · {u}")}</span> })
    }
}

/// The link to the organization's page (units side by side, history), once it has a name.
#[component]
fn OrgLink() -> impl IntoView {
    let session = expect_context::<Session>();
    let href = move || {
        session.assessment.with(|a| {
            a.as_ref()
                .filter(|a| !a.organization.name.trim().is_empty())
                .map(|a| org_href(&crate::domain::units::org_key(&a.organization.name)))
        })
    };
    move || {
        href().map(|href| {
            view! {
                <a
                    href=href
                    id="org-link"
                    class="btn btn-small"
                    title="Every assessment of this organization: units side by side and history"
                >
                    "Units & history"
                </a>
            }
        })
    }
}
