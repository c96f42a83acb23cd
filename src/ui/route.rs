//! Typed navigation: every address the app links to is built here, from
//! [`Step`] and an assessment id. No page builds a route string itself.

use leptos::prelude::*;
use leptos::Params;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

/// The start page.
pub const START: &str = "/";

/// A page of one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Organization,
    Objectives,
    Strategy,
    Services,
    Scope,
    /// The questions of one process.
    Process(String),
    Results,
    Report,
    Workshop,
    Present,
}

impl Step {
    /// The steps of the flow, as the stepper shows them (Process stands for "Questions").
    pub const FLOW: [(&'static str, &'static str); 7] = [
        ("organization", "Organization"),
        ("objectives", "Objectives"),
        ("strategy", "Strategy"),
        ("services", "IT services"),
        ("scope", "Scope & targets"),
        ("process", "Questions"),
        ("results", "Results"),
    ];

    /// The address of this step of assessment `id`.
    pub fn href(&self, id: &str) -> String {
        match self {
            Step::Process(pid) => format!("/a/{id}/process/{pid}"),
            other => format!("/a/{id}/{}", other.slug()),
        }
    }

    /// The "Questions" step: the process page of `entry`, else scope (nothing in scope).
    pub fn questions(entry: Option<&str>) -> Step {
        entry.map_or(Step::Scope, |pid| Step::Process(pid.to_string()))
    }

    /// The first path segment after the assessment id.
    pub fn slug(&self) -> &'static str {
        match self {
            Step::Organization => "organization",
            Step::Objectives => "objectives",
            Step::Strategy => "strategy",
            Step::Services => "services",
            Step::Scope => "scope",
            Step::Process(_) => "process",
            Step::Results => "results",
            Step::Report => "report",
            Step::Workshop => "workshop",
            Step::Present => "present",
        }
    }

    /// The step a flow slug names (the process step needs its process id separately).
    pub fn of_slug(slug: &str) -> Option<Step> {
        Some(match slug {
            "organization" => Step::Organization,
            "objectives" => Step::Objectives,
            "strategy" => Step::Strategy,
            "services" => Step::Services,
            "scope" => Step::Scope,
            "results" | "" => Step::Results,
            "report" => Step::Report,
            "workshop" => Step::Workshop,
            "present" => Step::Present,
            _ => return None,
        })
    }
}

/// Where a path points: the assessment id and the flow slug after it
/// (`"/a/x/process/incident"` → `("x", "process")`); `None` outside an assessment.
pub fn parse_path(path: &str) -> Option<(String, String)> {
    let rest = path.strip_prefix("/a/")?;
    let mut parts = rest.split('/');
    let id = parts.next().filter(|s| !s.is_empty())?.to_string();
    Some((id, parts.next().unwrap_or("").to_string()))
}

/// The route parameters of an assessment page.
#[derive(Params, Debug, Clone, PartialEq, Default)]
pub struct AssessmentParams {
    pub id: Option<String>,
}

/// The route parameters of a process page.
#[derive(Params, Debug, Clone, PartialEq, Default)]
pub struct ProcessParams {
    pub pid: Option<String>,
}

/// The assessment id in the address (empty when absent).
pub fn use_assessment_id() -> Signal<String> {
    let params = use_params::<AssessmentParams>();
    Signal::derive(move || params.with(|p| p.as_ref().ok().and_then(|p| p.id.clone()).unwrap_or_default()))
}

/// The process id in the address (empty when absent).
pub fn use_process_id() -> Memo<String> {
    let params = use_params::<ProcessParams>();
    Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.pid.clone()).unwrap_or_default()))
}
