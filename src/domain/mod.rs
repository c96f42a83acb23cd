//! The pure domain: catalog, assessment, scoring, relevance, consensus,
//! evaluation, results, roadmap and file formats. Imports std, serde and
//! serde_json only. The modules form a one-way graph: attribute, sort →
//! catalog → assessment → scoring, consensus, relevance → results → roadmap →
//! evaluate → export, plan, workshop, format, sample. (A module only imports from
//! modules to its left: scoring reads the size band from assessment, roadmap
//! reads the catalog's generic questions for initiatives, workshop the
//! consensus tally.)

pub mod assessment;
pub mod attribute;
pub mod cascade;
pub mod catalog;
pub mod consensus;
pub mod evaluate;
pub mod export;
pub mod format;
pub mod plan;
pub mod relevance;
pub mod results;
pub mod roadmap;
pub mod sample;
pub mod scoring;
pub mod sort;
pub mod units;
pub mod workshop;

pub use assessment::{Action, Answer, Assessment, QuestionKey};
pub use attribute::Attribute;
pub use catalog::{Catalog, CatalogError};
pub use evaluate::evaluate;
pub use results::Results;

pub use sort::sort_stable;
