//! The versioned envelope every stored or exported assessment travels in:
//! `{format, version, app_version, catalog {id, version}, assessment}`.
//!
//! Version policy: `VERSION` is the newest format this app writes. Older
//! versions are migrated forward on decode (fixtures of each released version
//! live in `tests/fixtures/`); a newer version is refused with a clear message,
//! never guessed at. Decoding never panics: every failure is a [`FormatError`]
//! naming the line, column and field path.

use super::assessment::{Assessment, CatalogRef};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format name of assessment files.
pub const FORMAT: &str = "itsm-assessment";
/// The newest envelope version, the one this app writes.
pub const VERSION: u32 = 1;
/// The app version recorded in files it writes.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Files larger than this are refused before parsing.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// A stored or exported assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    pub catalog: CatalogRef,
    pub assessment: Assessment,
}

/// Why a document could not be read. Nothing is written when this is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    TooLarge { bytes: usize },
    Syntax { line: usize, column: usize, message: String },
    NotAnObject,
    WrongFormat { found: String },
    FutureVersion { found: u64 },
    BadVersion,
    Field { path: String, line: usize, column: usize, message: String },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::TooLarge { bytes } => write!(
                f,
                "the file is {:.1} MB; assessment files are at most {} MB",
                *bytes as f64 / 1_048_576.0,
                MAX_BYTES / 1_048_576
            ),
            FormatError::Syntax { line, column, message } => {
                write!(f, "this is not valid JSON (line {line}, column {column}): {message}")
            }
            FormatError::NotAnObject => write!(f, "the file holds JSON, but not an assessment (expected an object)"),
            FormatError::WrongFormat { found } => write!(
                f,
                "field 'format' is \"{found}\", expected \"{FORMAT}\": this is not an assessment file"
            ),
            FormatError::FutureVersion { found } => write!(
                f,
                "this file is format version {found}, made by a newer version of the app; this one reads up to version {VERSION}"
            ),
            FormatError::BadVersion => write!(f, "field 'version' is missing or not a whole number"),
            FormatError::Field { path, line, column, message } => {
                write!(f, "field '{path}' (line {line}, column {column}): {message}")
            }
        }
    }
}

impl std::error::Error for FormatError {}

impl Envelope {
    /// Wraps an assessment in the current envelope version.
    pub fn new(a: Assessment, catalog: CatalogRef) -> Envelope {
        Envelope { format: FORMAT.into(), version: VERSION, app_version: APP_VERSION.into(), catalog, assessment: a }
    }

    /// The envelope as pretty JSON.
    pub fn encode(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn strip_position(message: &str) -> String {
    message.split(" at line ").next().unwrap_or(message).to_string()
}

/// Reads an envelope of any supported version.
pub fn decode(text: &str) -> Result<Envelope, FormatError> {
    if text.len() > MAX_BYTES {
        return Err(FormatError::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| FormatError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let obj = value.as_object().ok_or(FormatError::NotAnObject)?;
    match obj.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(FormatError::WrongFormat { found: other.chars().take(60).collect() }),
        None => return Err(FormatError::WrongFormat { found: String::new() }),
    }
    let version = obj.get("version").and_then(|v| v.as_u64()).ok_or(FormatError::BadVersion)?;
    if version > VERSION as u64 {
        return Err(FormatError::FutureVersion { found: version });
    }
    if version == 0 {
        return Err(FormatError::BadVersion);
    }
    // Version 1 is the first and current version: no migration step yet.
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, Envelope>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        FormatError::Field {
            path,
            line: inner.line(),
            column: inner.column(),
            message: strip_position(&inner.to_string()),
        }
    })
}
