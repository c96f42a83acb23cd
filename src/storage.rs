//! The only module that touches the browser's localStorage.
//!
//! The storage handle is fetched through `web_sys` as a `Result` on every call:
//! a browser that denies storage (site data blocked, some sandboxed frames)
//! makes reads return nothing and writes return [`StorageError::Unavailable`],
//! never a panic; the app then works in memory and says so.
//!
//! Layout, all under the prefix `itsm.`:
//! - `itsm.index`          — JSON list of [`IndexEntry`] (id, name, organization, updated, completion);
//! - `itsm.a.<id>`         — one assessment envelope (see `domain::format`);
//! - `itsm.bad.<id>.<ms>`  — stored text that could not be read, moved aside untouched;
//! - `itsm.catalog.<id>@<version>` — a catalog loaded from a file (its JSON text);
//! - `itsm.last`, `itsm.last-path` — the assessment and page opened last.
//!
//! Invariants:
//! - write order is the assessment key first, then the index, so a crash between
//!   the two leaves a readable assessment that [`startup_check`] re-indexes;
//! - unreadable text is never overwritten or deleted by the app on its own: it is
//!   moved aside (written under a new key before the old key is removed);
//! - [`save`] refuses to overwrite text another tab wrote since this tab last
//!   read or wrote it ([`StorageError::Conflict`]).

use crate::domain::format::{decode, Envelope, FormatError};
use serde::{Deserialize, Serialize};
use std::fmt;
use wasm_bindgen::JsCast;

const PREFIX: &str = "itsm.";
const ASSESSMENT_PREFIX: &str = "itsm.a.";
const BAD_PREFIX: &str = "itsm.bad.";
const INDEX_KEY: &str = "itsm.index";
const LAST_KEY: &str = "itsm.last";
const LAST_PATH_KEY: &str = "itsm.last-path";
const CATALOG_PREFIX: &str = "itsm.catalog.";

/// One line of the saved-assessments list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub name: String,
    pub organization: String,
    /// The unit assessed (empty: the whole organization).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The assessment's date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// Milliseconds since the epoch of the last save.
    pub updated: f64,
    /// Share of the in-scope questions answered, 0.0..=1.0.
    #[serde(default)]
    pub completion: f64,
}

/// Stored text that could not be read, kept aside for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    /// The key it was moved to.
    pub key: String,
    /// The assessment id it was stored under.
    pub id: String,
    /// The assessment's name from the index, if it was listed there.
    pub name: Option<String>,
    /// Why it could not be read.
    pub reason: String,
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
    /// Another tab saved this assessment since this tab read it; nothing was written.
    Conflict { stored: String },
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Full => write!(
                f,
                "The browser's storage for this site is full, so your latest changes are not saved. They are kept in this tab: download a copy to keep them, then delete assessments you no longer need."
            ),
            StorageError::Unavailable(e) => write!(
                f,
                "This browser does not let the app save anything ({e}), so your work stays in this tab only. Download a copy before you close it."
            ),
            StorageError::Unreadable { key, error } => write!(f, "The saved data under '{key}' cannot be read: {error}"),
            StorageError::Conflict { .. } => write!(
                f,
                "This assessment was changed in another tab or window. Nothing was overwritten: choose which version to keep."
            ),
        }
    }
}

fn key_of(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The browser's localStorage, or why it cannot be used. Accessing
/// `window.localStorage` itself throws when the user or a policy blocks site data.
fn local() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StorageError::Unavailable("this browser has no local storage".into())),
        Err(e) => Err(StorageError::Unavailable(exception_name(&e).unwrap_or_else(|| "access denied".into()))),
    }
}

/// The `DOMException` name of a thrown value ("QuotaExceededError", "SecurityError").
fn exception_name(e: &wasm_bindgen::JsValue) -> Option<String> {
    e.dyn_ref::<web_sys::DomException>().map(|d| d.name())
}

/// Whether this browser lets the app store anything (checked once at start).
pub fn available() -> Result<(), StorageError> {
    let s = local()?;
    // Some browsers hand out a storage object that refuses every write.
    let probe = format!("{PREFIX}probe");
    s.set_item(&probe, "1").map_err(|e| classify(&e))?;
    let _ = s.remove_item(&probe);
    Ok(())
}

fn classify(e: &wasm_bindgen::JsValue) -> StorageError {
    match exception_name(e).as_deref() {
        // Firefox used its own name for the same condition.
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") => StorageError::Full,
        Some(name) => StorageError::Unavailable(name.to_string()),
        None => StorageError::Unavailable("the browser refused to store data".into()),
    }
}

fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local()?.set_item(key, value).map_err(|e| classify(&e))
}

fn read(key: &str) -> Option<String> {
    local().ok()?.get_item(key).ok().flatten()
}

fn remove_key(key: &str) {
    // Removing never needs space; a failure leaves the key, which loses nothing.
    if let Ok(s) = local() {
        let _ = s.remove_item(key);
    }
}

fn keys() -> Vec<String> {
    let Ok(s) = local() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX)).collect()
}

/// The saved-assessments list, most recently changed first (an unreadable
/// index reads as empty; [`startup_check`] rebuilds it).
pub fn index() -> Vec<IndexEntry> {
    let mut list: Vec<IndexEntry> = read(INDEX_KEY).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    crate::domain::sort_stable(&mut list, |a, b| b.updated.total_cmp(&a.updated));
    list
}

fn write_index(list: &[IndexEntry]) -> Result<(), StorageError> {
    write(INDEX_KEY, &serde_json::to_string(list).unwrap_or_default())
}

fn entry_for(env: &Envelope, completion: f64) -> IndexEntry {
    let a = &env.assessment;
    IndexEntry {
        id: a.id.clone(),
        name: a.name.clone(),
        organization: a.organization.name.clone(),
        unit: a.organization.unit.clone(),
        date: a.date.clone(),
        updated: js_sys::Date::now(),
        completion,
    }
}

/// Saves an assessment unless another tab changed it since this tab last read
/// or wrote `expected`; returns the text written. The index follows the data.
pub fn save(env: &Envelope, completion: f64, expected: Option<&str>) -> Result<String, StorageError> {
    let key = key_of(&env.assessment.id);
    if let (Some(stored), Some(expected)) = (read(&key), expected) {
        if stored != expected {
            return Err(StorageError::Conflict { stored });
        }
    }
    let text = env.encode();
    write(&key, &text)?;
    let mut list = index();
    let entry = entry_for(env, completion);
    match list.iter_mut().find(|e| e.id == entry.id) {
        Some(e) => *e = entry,
        None => list.push(entry),
    }
    write_index(&list)?;
    write(LAST_KEY, &env.assessment.id)?;
    Ok(text)
}

/// Loads one assessment with the exact text it was read from.
pub fn load(id: &str) -> Result<Option<(Envelope, String)>, StorageError> {
    let key = key_of(id);
    match read(&key) {
        None => Ok(None),
        Some(text) => match decode(&text) {
            Ok(env) => Ok(Some((env, text))),
            Err(error) => Err(StorageError::Unreadable { key, error }),
        },
    }
}

/// The stored text of an assessment, as it is.
pub fn raw(id: &str) -> Option<String> {
    read(&key_of(id))
}

/// The storage key of an assessment (for matching `storage` events).
pub fn assessment_key(id: &str) -> String {
    key_of(id)
}

/// Writes an assessment whatever is stored under its id (the user confirmed:
/// import, undo of a delete). Returns the text written.
pub fn put(env: &Envelope, completion: f64) -> Result<String, StorageError> {
    save(env, completion, None)
}

/// Puts back text exactly as it was (rollback of a failed import).
pub fn restore_raw(id: &str, previous: Option<&str>) {
    match previous {
        Some(text) => {
            let _ = write(&key_of(id), text);
        }
        None => remove(id),
    }
}

/// Deletes an assessment and its index line.
pub fn remove(id: &str) {
    remove_key(&key_of(id));
    let list: Vec<IndexEntry> = index().into_iter().filter(|e| e.id != id).collect();
    // The data is gone either way; a stale index line is dropped at the next start.
    let _ = write_index(&list);
}

/// Checks every stored assessment at start: unreadable ones are moved aside
/// untouched and reported; readable ones missing from the index are re-indexed;
/// index lines without data are dropped.
pub fn startup_check() -> Vec<Quarantined> {
    let mut list = index();
    let mut moved = Vec::new();
    let mut changed = false;
    for key in keys().into_iter().filter(|k| k.starts_with(ASSESSMENT_PREFIX)) {
        let id = key.trim_start_matches(ASSESSMENT_PREFIX).to_string();
        let Some(text) = read(&key) else { continue };
        match decode(&text) {
            Ok(env) => match list.iter_mut().find(|e| e.id == id) {
                None => {
                    list.push(entry_for(&env, 0.0));
                    changed = true;
                }
                // Entries written before the unit and date were listed get them now.
                Some(e) => {
                    let a = &env.assessment;
                    if e.unit != a.organization.unit || e.date != a.date || e.organization != a.organization.name {
                        (e.unit, e.date, e.organization) =
                            (a.organization.unit.clone(), a.date.clone(), a.organization.name.clone());
                        changed = true;
                    }
                }
            },
            Err(error) => {
                let bad_key = format!("{BAD_PREFIX}{id}.{}", js_sys::Date::now() as u64);
                // Move aside: write the copy first; only then remove the original.
                if write(&bad_key, &text).is_ok() {
                    remove_key(&key);
                }
                let name = list.iter().find(|e| e.id == id).map(|e| e.name.clone());
                list.retain(|e| e.id != id);
                changed = true;
                moved.push(Quarantined { key: bad_key, id, name, reason: error.to_string() });
            }
        }
    }
    let before = list.len();
    list.retain(|e| read(&key_of(&e.id)).is_some());
    if changed || list.len() != before {
        let _ = write_index(&list);
    }
    moved
}

/// Text moved aside earlier, still kept: (key, assessment id).
pub fn quarantined() -> Vec<(String, String)> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(BAD_PREFIX))
        .map(|k| {
            let rest = k.trim_start_matches(BAD_PREFIX);
            let id = rest.rsplit_once('.').map(|(id, _)| id.to_string()).unwrap_or_else(|| rest.to_string());
            (k, id)
        })
        .collect()
}

/// The raw text under a quarantine key.
pub fn read_quarantined(key: &str) -> Option<String> {
    key.starts_with(BAD_PREFIX).then(|| read(key)).flatten()
}

/// Deletes text moved aside (the user chose to, after downloading it or not).
pub fn discard_quarantined(key: &str) {
    if key.starts_with(BAD_PREFIX) {
        remove_key(key);
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

/// Keeps a validated catalog file so assessments made with it open next time.
pub fn save_catalog(c: &crate::domain::Catalog, text: &str) -> Result<(), StorageError> {
    write(&format!("{CATALOG_PREFIX}{}@{}", c.id, c.version), text)
}

/// The text of a catalog loaded from a file earlier, as it was loaded.
pub fn catalog_text(id: &str, version: &str) -> Option<String> {
    read(&format!("{CATALOG_PREFIX}{id}@{version}"))
}

/// The catalogs loaded from files earlier (ones that no longer validate are skipped).
pub fn catalogs() -> Vec<crate::domain::Catalog> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(CATALOG_PREFIX))
        .filter_map(|k| read(&k))
        .filter_map(|t| crate::domain::Catalog::parse(&t).ok())
        .collect()
}
