//! The root component: provides the state and declares the routes. Each step
//! of the flow is a route, so back/forward, reload and deep links work.
//!
//! The app is mounted into `<main>` of index.html, whose top bar and start-page
//! hero are static and stay (the first paint is the final paint): the banners
//! go into `#banner-slot` above `<main>`, and the hero is hidden on every page
//! but the start page.

use super::components::banner::Banner;
use super::pages::client::ClientPage;
use super::pages::{
    layout::AssessmentLayout, objectives::ObjectivesPage, organization::OrganizationPage, present::PresentPage,
    process::ProcessPage, report::ReportPage, results::ResultsPage, scope::ScopePage, services::ServicesPage,
    start::Start, strategy::StrategyPage, workshop::WorkshopPage,
};
use super::route::{page_of, provide_location, step_of_path, use_path, Page, Step, START};
use super::state::provide_state;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    super::util::set_root_class("app-started", true);
    provide_state();
    provide_location();
    let path = use_path();
    if path.with_untracked(|p| p != START) {
        expect_context::<super::library::Library>().skip_resume();
    }
    // The page changes with the kind of address, not with every address: moving
    // between the steps of an assessment keeps its frame (AssessmentLayout).
    let page = Memo::new(move |_| path.with(|p| page_of(p)));
    view! {
        <Banner />
        <HeroOnlyAtStart />
        {move || match page.get() {
            Page::Start => view! { <Start /> }.into_any(),
            Page::Assessment => view! { <AssessmentLayout /> }.into_any(),
            Page::Organization => view! { <ClientPage /> }.into_any(),
            Page::NotFound => view! { <NotFound /> }.into_any(),
        }}
    }
}

/// The page of the step the address names, inside the assessment's frame.
#[component]
pub fn StepPage() -> impl IntoView {
    let path = use_path();
    // The step without its process id: another process is the same page, which follows the id.
    let step = Memo::new(move |_| {
        path.with(|p| match step_of_path(p) {
            Some(Step::Process(_)) => Some(Step::Process(String::new())),
            other => other,
        })
    });
    move || match step.get() {
        Some(Step::Organization) => view! { <OrganizationPage /> }.into_any(),
        Some(Step::Objectives) => view! { <ObjectivesPage /> }.into_any(),
        Some(Step::Strategy) => view! { <StrategyPage /> }.into_any(),
        Some(Step::Services) => view! { <ServicesPage /> }.into_any(),
        Some(Step::Scope) => view! { <ScopePage /> }.into_any(),
        Some(Step::Process(_)) => view! { <ProcessPage /> }.into_any(),
        Some(Step::Results) => view! { <ResultsPage /> }.into_any(),
        Some(Step::Report) => view! { <ReportPage /> }.into_any(),
        Some(Step::Workshop) => view! { <WorkshopPage /> }.into_any(),
        Some(Step::Present) => view! { <PresentPage /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// Hides index.html's start-page hero on every page but the start page.
#[component]
fn HeroOnlyAtStart() -> impl IntoView {
    let path = use_path();
    Effect::new(move |_| super::util::set_root_class("off-start", path.with(|p| p != START)));
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>"Page not found"</h1>
            <p>"This address does not exist in the app. "<a href=START>"Go to the start page"</a></p>
        </section>
    }
}
