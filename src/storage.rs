//! The only module that touches the browser's localStorage (via gloo-storage).
//!
//! Layout, all under the prefix `itsm.`:
//! - `itsm.index`         — JSON list of [`IndexEntry`] (id, name, organization, updated);
//! - `itsm.a.<id>`        — one assessment envelope (see `domain::format`);
//! - `itsm.last`          — the id of the assessment opened last;
//! - `itsm.last-path`     — the page (route) the user was on, to resume there.
//!
//! Write order: the assessment key first, then the index, so a crash between
//! the two leaves a readable assessment that the next start re-indexes.

use crate::domain::format::{decode, Envelope, FormatError};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use std::fmt;

const PREFIX: &str = "itsm.";
const INDEX_KEY: &str = "itsm.index";
const LAST_KEY: &str = "itsm.last";
const LAST_PATH_KEY: &str = "itsm.last-path";

/// One line of the saved-assessments list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub name: String,
    pub organization: String,
    /// Milliseconds since the epoch of the last save.
    pub updated: f64,
    /// Share of the in-scope questions answered, 0.0..=1.0.
    #[serde(default)]
    pub completion: f64,
}

/// What went wrong talking to localStorage.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// The browser refused to store more (quota exceeded).
    Full,
    /// localStorage is not available (private mode, disabled).
    Unavailable(String),
    /// The stored text for this key could not be read as an assessment.
    Unreadable { key: String, error: FormatError },
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Full => write!(
                f,
                "the browser's storage for this site is full: your latest changes are kept in this tab but not saved; export them to a file"
            ),
            StorageError::Unavailable(e) => write!(f, "this browser does not allow saving ({e}); export to keep your work"),
            StorageError::Unreadable { key, error } => write!(f, "the saved data under '{key}' cannot be read: {error}"),
        }
    }
}

fn key_of(id: &str) -> String {
    format!("{PREFIX}a.{id}")
}

fn write(key: &str, value: &str) -> Result<(), StorageError> {
    let storage = LocalStorage::raw();
    storage.set_item(key, value).map_err(|e| {
        let text = format!("{e:?}");
        if text.contains("Quota") || text.contains("quota") {
            StorageError::Full
        } else {
            StorageError::Unavailable(text)
        }
    })
}

fn read(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// The saved-assessments list (an unreadable index reads as empty; the
/// assessments themselves are untouched).
pub fn index() -> Vec<IndexEntry> {
    read(INDEX_KEY).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

/// Saves an assessment envelope and updates the index.
pub fn save(env: &Envelope, completion: f64) -> Result<(), StorageError> {
    let a = &env.assessment;
    write(&key_of(&a.id), &env.encode())?;
    let mut list = index();
    let entry = IndexEntry {
        id: a.id.clone(),
        name: a.name.clone(),
        organization: a.organization.name.clone(),
        updated: js_sys::Date::now(),
        completion,
    };
    match list.iter_mut().find(|e| e.id == a.id) {
        Some(e) => *e = entry,
        None => list.push(entry),
    }
    let text = serde_json::to_string(&list).unwrap_or_default();
    write(INDEX_KEY, &text)?;
    write(LAST_KEY, &a.id)
}

/// Loads one assessment.
pub fn load(id: &str) -> Result<Option<Envelope>, StorageError> {
    let key = key_of(id);
    match read(&key) {
        None => Ok(None),
        Some(text) => decode(&text).map(Some).map_err(|error| StorageError::Unreadable { key, error }),
    }
}

/// The id of the assessment opened last, if any.
pub fn last_opened() -> Option<String> {
    read(LAST_KEY)
}

/// Remembers the page (path) the user was on, to resume there.
pub fn set_last_path(path: &str) {
    // Best effort: failing to remember the page loses no work.
    let _ = write(LAST_PATH_KEY, path);
}

/// The page the user was on last, if any.
pub fn last_path() -> Option<String> {
    read(LAST_PATH_KEY)
}
