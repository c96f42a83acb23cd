//! ITSM maturity assessment: a browser-only app that walks an organization from
//! business objectives through IT services to ITSM process capability, gaps and
//! a roadmap. `domain`, `charts` and `deliverables` are pure Rust (tested
//! natively); `storage` and `ui` run in the browser only.

pub mod charts;
pub mod deliverables;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
