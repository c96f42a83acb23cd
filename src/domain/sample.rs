//! The bundled Pizza&Pizza case study: a pizza-delivery company opening 50
//! delivery points, fully answered, used by trainers and first-time users.

//!
//! The app does not carry the sample in its code: it is a file of its own
//! (`/sample-pizza.json`, precached by the service worker) fetched the first
//! time someone opens it. Native tests and benchmarks read it from the source tree.

/// The address the app fetches the sample from (copied there by Trunk).
pub const SAMPLE_FILE: &str = "/sample-pizza.json";

/// The sample's assessment id (the id inside [`SAMPLE_FILE`]).
pub const SAMPLE_ID: &str = "sample-pizza";

/// The sample as stored (an envelope of the current version).
#[cfg(not(target_arch = "wasm32"))]
pub const SAMPLE_JSON: &str = include_str!("../../data/sample-pizza.json");

/// The sample assessment, decoded like any imported file.
#[cfg(not(target_arch = "wasm32"))]
pub fn sample() -> Result<super::format::Envelope, super::format::FormatError> {
    super::format::decode(SAMPLE_JSON)
}

use super::assessment::{Answer, AnswerEntry, Assessment, Mode, Participant, QuestionKey};
use super::catalog::Catalog;

/// A synthetic worst-case assessment for benchmarks and tests: every process
/// in scope, every objective rated 3, full mode, every question answered by
/// each of `participants` people with a deterministic mix of all six answers.
pub fn synthetic(catalog: &Catalog, participants: usize) -> Assessment {
    let mut a = Assessment::new("synthetic", "Synthetic", "2026-11-23");
    a.mode = Mode::Full;
    a.objectives = catalog.objectives.iter().map(|o| (o.id.clone(), 3)).collect();
    a.scope = catalog
        .processes
        .iter()
        .map(|p| (p.id.clone(), super::assessment::ScopeDecision { in_scope: Some(true), ..Default::default() }))
        .collect();
    let mut seed = 0x2545_f491_u64;
    a.participants = (0..participants.max(1))
        .map(|i| {
            let mut part =
                Participant { id: format!("p{}", i + 1), name: format!("Participant {}", i + 1), ..Default::default() };
            for p in &catalog.processes {
                for q in catalog.questions_for(p, false) {
                    // xorshift: cheap, deterministic, no dependency.
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let answer = Answer::ALL[(seed % 5) as usize];
                    part.answers.insert(
                        QuestionKey::new(&p.id, &q.id),
                        AnswerEntry { answer: Some(answer), note: String::new() },
                    );
                }
            }
            part
        })
        .collect();
    a.active = "p1".into();
    a
}
