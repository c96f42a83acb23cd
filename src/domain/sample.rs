//! The bundled Pizza&Pizza case study: a pizza-delivery company opening 50
//! delivery points, fully answered, used by trainers and first-time users.

use super::format::{decode, Envelope, FormatError};

/// The sample as stored (an envelope of the current version).
pub const SAMPLE_JSON: &str = include_str!("../../data/sample-pizza.json");

/// The sample assessment, decoded like any imported file.
pub fn sample() -> Result<Envelope, FormatError> {
    decode(SAMPLE_JSON)
}
