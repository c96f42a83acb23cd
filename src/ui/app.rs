//! The root component: provides the state and declares the routes.

use super::components::header::Header;
use super::pages::{overview::Overview, start::Start};
use super::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.start_autosave();
    view! {
        <Router>
            <Header/>
            <main id="main" class="page">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Start/>
                    <Route path=path!("/a/:id") view=Overview/>
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
            <p>"This address does not exist in the app. "<a href="/">"Go to the start page"</a></p>
        </section>
    }
}
