//! The pure domain: catalog, assessment, scoring, relevance, consensus,
//! evaluation, roadmap and file formats. Imports std, serde and serde_json only.

pub mod assessment;
pub mod catalog;
pub mod consensus;
pub mod evaluate;
pub mod export;
pub mod format;
pub mod relevance;
pub mod roadmap;
pub mod sample;
pub mod scoring;
pub mod workshop;

pub use assessment::{Action, Answer, Assessment, QuestionKey};
pub use catalog::{Catalog, CatalogError};
pub use evaluate::{evaluate, Results};
