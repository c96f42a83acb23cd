//! ITSM maturity assessment: a browser-only app that walks an organization from
//! business objectives through IT services to ITSM process capability, gaps and
//! a roadmap. `domain` and `charts` are pure Rust (tested natively); `storage`
//! and `ui` run in the browser only.

pub mod charts;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
