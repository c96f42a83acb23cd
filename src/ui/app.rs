//! The root component: provides the state and declares the routes. Each step
//! of the flow is a route, so back/forward, reload and deep links work.

use super::components::header::Header;
use super::pages::{
    layout::AssessmentLayout, objectives::ObjectivesPage, organization::OrganizationPage, present::PresentPage,
    process::ProcessPage, report::ReportPage, results::ResultsPage, scope::ScopePage, services::ServicesPage,
    start::Start, strategy::StrategyPage, workshop::WorkshopPage,
};
use super::route::START;
use super::state::provide_state;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_state();
    view! {
        <Router>
            <Header />
            <main id="main" class="page" tabindex="-1">
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
            </main>
        </Router>
    }
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
