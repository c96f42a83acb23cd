//! The root component: provides the state and declares the routes. Each step
//! of the flow is a route, so back/forward, reload and deep links work.
//!
//! The app is mounted into `<main>` of index.html, whose top bar and start-page
//! hero are static and stay (the first paint is the final paint): the banners
//! go into `#banner-slot` above `<main>`, and the hero is hidden on every page
//! but the start page.

use super::components::banner::Banner;
use super::pages::{
    layout::AssessmentLayout, objectives::ObjectivesPage, organization::OrganizationPage, present::PresentPage,
    process::ProcessPage, report::ReportPage, results::ResultsPage, scope::ScopePage, services::ServicesPage,
    start::Start, strategy::StrategyPage, workshop::WorkshopPage,
};
use super::route::START;
use super::state::provide_state;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    super::util::set_root_class("app-started", true);
    provide_state();
    view! {
        <Router>
            <Banner />
            <HeroOnlyAtStart />
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/") view=Start />
                <ParentRoute path=path!("/a/:id") view=AssessmentLayout>
                    <Route path=path!("") view=ResultsPage />
                    <Route path=path!("organization") view=OrganizationPage />
                    <Route path=path!("objectives") view=ObjectivesPage />
                    <Route path=path!("strategy") view=StrategyPage />
                    <Route path=path!("services") view=ServicesPage />
                    <Route path=path!("scope") view=ScopePage />
                    <Route path=path!("process/:pid") view=ProcessPage />
                    <Route path=path!("results") view=ResultsPage />
                    <Route path=path!("report") view=ReportPage />
                    <Route path=path!("workshop") view=WorkshopPage />
                    <Route path=path!("present") view=PresentPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// Hides index.html's start-page hero on every page but the start page.
#[component]
fn HeroOnlyAtStart() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| super::util::set_root_class("off-start", location.pathname.with(|p| p != START)));
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
