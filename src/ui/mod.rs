//! The Leptos UI: routes, the shared state, pages and components. Thin: every
//! change goes through `domain::Action`, every figure comes from `evaluate`.

mod app;
mod components;
mod pages;
mod state;
mod util;

pub use app::App;
pub use state::AppState;
