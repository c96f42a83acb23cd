//! The Leptos UI: routes, the shared state, pages and components. Thin: every
//! change goes through `domain::Action`, every figure comes from `evaluate`.

mod app;
mod components;
mod exporter;
mod library;
mod pages;
pub mod route;
mod state;
mod util;

pub use app::App;
pub use library::Library;
pub use state::{provide_state, Notices, Session, Viewport};
