//! The only module that touches the browser's storage: the assessments, the
//! index and the small preferences live in one IndexedDB database (`itsm`,
//! object store `kv`, a text per key), through the `idb` crate.
//!
//! How it works: [`open`] (awaited once, before the app mounts) reads every
//! record into a mirror in memory and moves anything left in `localStorage`
//! by an earlier version over. From then on reads are synchronous, from the
//! mirror, and every write goes to the mirror at once and to the database in
//! the background: the writes made by one call (an assessment, its index line
//! and the last-opened key) are coalesced and written in **one readwrite
//! transaction**, so the database never holds one without the other. The page
//! learns the outcome from its [`Listener`]: committed, failed (quota full,
//! refused, or a conflict), or changed by another tab.
//!
//! A browser that denies storage (site data blocked, no IndexedDB) makes
//! [`available`] say why and every write return [`StorageError::Unavailable`],
//! never a panic; the app then works in memory and says so.
//!
//! Layout (keys), all under the prefix `itsm.`:
//! - `itsm.index`          — JSON list of [`IndexEntry`] (id, name, organization, updated, completion);
//! - `itsm.a.<id>`         — one assessment envelope (see `domain::format`);
//! - `itsm.bad.<id>.<ms>`  — stored text that could not be read, moved aside untouched;
//! - `itsm.catalog.<id>@<version>` — a catalog loaded from a file (its JSON text);
//! - `itsm.last`, `itsm.last-path` — the assessment and page opened last.
//!
//! Invariants:
//! - an assessment and its index line are written in one transaction;
//! - unreadable text is never overwritten or deleted by the app on its own: it is
//!   moved aside (written under a new key before the old key is removed);
//! - [`save`] refuses to overwrite text another tab wrote since this tab last
//!   read or wrote it ([`StorageError::Conflict`]): checked against the mirror at
//!   once and again inside the transaction, against what the database holds;
//! - the migration from `localStorage` copies, reads back, and only then removes;
//!   a failure leaves the old keys where they were and says so.

use crate::domain::format::{decode, Envelope, FormatError};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

const PREFIX: &str = "itsm.";
const ASSESSMENT_PREFIX: &str = "itsm.a.";
const BAD_PREFIX: &str = "itsm.bad.";
const INDEX_KEY: &str = "itsm.index";
const LAST_KEY: &str = "itsm.last";
const LAST_PATH_KEY: &str = "itsm.last-path";
const CATALOG_PREFIX: &str = "itsm.catalog.";
/// The database, its one object store, and the channel tabs tell each other on.
pub const DB_NAME: &str = "itsm";
const STORE: &str = "kv";
const CHANNEL: &str = "itsm-store";

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
    /// Where the next sitting continues, while questions are open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<Resume>,
}

/// Where a second sitting continues: "Continue: Incident management · 63 %".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    /// The process page to open.
    pub process: String,
    /// Its name, for the button.
    pub name: String,
    /// Share of that process's questions answered, 0.0..=1.0.
    pub completion: f64,
    /// About how many minutes the open questions in scope take.
    pub minutes_left: u32,
}

/// What a save records of the answers' progress in the index line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    pub completion: f64,
    pub resume: Option<Resume>,
}

impl From<f64> for Progress {
    fn from(completion: f64) -> Progress {
        Progress { completion, resume: None }
    }
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

/// What went wrong talking to the browser's storage.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// The browser refused to store more (quota exceeded).
    Full,
    /// Storage is not available (site data blocked, no IndexedDB).
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

/// One pending write of a key: the new text (None: delete), what the
/// database held before this tab's first pending write of it, and whether the
/// write must find exactly that there (an assessment saved by [`save`]).
#[derive(Debug, Clone)]
struct Op {
    value: Option<String>,
    before: Option<String>,
    checked: bool,
}

/// What the page is told about writes it did not wait for.
pub struct Listener {
    /// Everything written so far is in the database.
    pub committed: Box<dyn Fn()>,
    /// A background write failed; nothing of that transaction was written (the
    /// mirror keeps the work, and the next write tries again).
    pub failed: Box<dyn Fn(StorageError)>,
    /// Another tab wrote (or deleted) this key.
    pub external: Box<dyn Fn(String, Option<String>)>,
}

/// The records in memory, the open database and the writes not yet written.
#[derive(Default)]
struct Mirror {
    values: BTreeMap<String, String>,
    db: Option<Rc<idb::Database>>,
    unavailable: Option<String>,
    pending: BTreeMap<String, Op>,
    in_flight: bool,
    /// The keys of the transaction under way, with what the database held before it.
    in_flight_keys: Vec<(String, Option<String>)>,
    scheduled: bool,
    listener: Option<Rc<Listener>>,
    channel: Option<web_sys::BroadcastChannel>,
    opened: Opened,
}

thread_local! {
    static MIRROR: RefCell<Mirror> = RefCell::new(Mirror::default());
}

fn with<R>(f: impl FnOnce(&mut Mirror) -> R) -> R {
    MIRROR.with(|m| f(&mut m.borrow_mut()))
}

/// What [`open`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Opened {
    /// Records moved over from `localStorage` on this start.
    pub migrated: usize,
    /// Why moving them failed (they are still in `localStorage`, and in memory here).
    pub migration_error: Option<String>,
}

/// Opens the app's database and reads it into memory; moves over what an
/// earlier version left in `localStorage`. Awaited once, before the app mounts.
pub async fn open() -> Opened {
    open_named(DB_NAME).await
}

/// [`open`] on a database of this name (the tests use their own).
pub async fn open_named(name: &str) -> Opened {
    if let Some(c) = with(|m| m.channel.take()) {
        c.close();
    }
    with(|m| *m = Mirror::default());
    let db = match open_db(name).await {
        Ok(db) => Rc::new(db),
        Err(why) => {
            with(|m| m.unavailable = Some(why));
            return Opened::default();
        }
    };
    match read_all(&db).await {
        Ok(values) => with(|m| m.values = values),
        Err(e) => {
            with(|m| m.unavailable = Some(format!("the browser's database cannot be read ({e})")));
            return Opened::default();
        }
    }
    with(|m| m.db = Some(db.clone()));
    let replayed = replay_journal(&db).await;
    let mut opened = migrate(&db).await;
    if let Err(e) = replayed {
        opened.migration_error.get_or_insert(e);
    }
    listen_to_other_tabs(name);
    with(|m| m.opened = opened.clone());
    opened
}

/// What the last [`open`] found (for the page to say).
pub fn opened() -> Opened {
    with(|m| m.opened.clone())
}

async fn open_db(name: &str) -> Result<idb::Database, String> {
    // Touching `indexedDB` itself throws when site data is blocked.
    let has = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"));
    match has {
        Err(e) => return Err(exception_name(&e).unwrap_or_else(|| "access denied".into())),
        Ok(v) if v.is_undefined() || v.is_null() => return Err("this browser has no IndexedDB".into()),
        Ok(_) => {}
    }
    idb::Database::builder(name)
        .version(1)
        .add_object_store(idb::builder::ObjectStoreBuilder::new(STORE))
        .build()
        .await
        .map_err(|e| idb_reason(&e))
}

/// Every record, by key.
async fn read_all(db: &idb::Database) -> Result<BTreeMap<String, String>, idb::Error> {
    let tx = db.transaction(&[STORE], idb::TransactionMode::ReadOnly)?;
    let store = tx.object_store(STORE)?;
    // Both come in ascending key order.
    let keys = store.get_all_keys(None, None)?.await?;
    let values = store.get_all(None, None)?.await?;
    Ok(keys.into_iter().zip(values).filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?))).collect())
}

/// Reads some keys as the database holds them now.
async fn read_keys(db: &idb::Database, keys: &[String]) -> Result<Vec<Option<String>>, idb::Error> {
    let tx = db.transaction(&[STORE], idb::TransactionMode::ReadOnly)?;
    let store = tx.object_store(STORE)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        out.push(store.get(JsValue::from_str(k))?.await?.and_then(|v| v.as_string()));
    }
    Ok(out)
}

/// The old store: whatever `localStorage` holds under the prefix, if it can be read.
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Moves `localStorage` records into the database: copies those it does not
/// have yet in one transaction, reads them back, and only when every one
/// reads back the same removes them from `localStorage`.
async fn migrate(db: &idb::Database) -> Opened {
    let Some(ls) = local() else { return Opened::default() };
    let n = ls.length().unwrap_or(0);
    let keys: Vec<String> = (0..n).filter_map(|i| ls.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX)).collect();
    let items: Vec<(String, String)> = keys
        .into_iter()
        .filter(|k| with(|m| !m.values.contains_key(k)))
        .filter_map(|k| ls.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect();
    if items.is_empty() {
        return Opened::default();
    }
    // Whatever happens next, this tab works with them.
    with(|m| m.values.extend(items.iter().cloned()));
    let ops: BTreeMap<String, Op> =
        items.iter().map(|(k, v)| (k.clone(), Op { value: Some(v.clone()), before: None, checked: false })).collect();
    let failed = |e: String| Opened {
        migrated: 0,
        migration_error: Some(format!(
            "Your saved assessments could not be moved into the browser's database ({e}). They are still where \
             the earlier version kept them, and open here as before; the app tries again at the next start."
        )),
    };
    if let Err(e) = write_batch(db, &ops).await {
        return failed(e.to_string());
    }
    let keys: Vec<String> = items.iter().map(|(k, _)| k.clone()).collect();
    match read_keys(db, &keys).await {
        Ok(back) if back.iter().zip(&items).all(|(b, (_, v))| b.as_deref() == Some(v.as_str())) => {
            for k in &keys {
                let _ = ls.remove_item(k);
            }
            Opened { migrated: items.len(), migration_error: None }
        }
        Ok(_) => failed("what was written did not read back the same".into()),
        Err(e) => failed(idb_reason(&e)),
    }
}

/// Where [`journal_unwritten`] keeps writes the page could not wait for.
const JOURNAL_PREFIX: &str = "journal.itsm.";

/// When the page goes away (`pagehide`) with writes not yet in the database,
/// they are kept synchronously in `localStorage` (the database may not finish
/// a transaction for a page that is gone); [`open`] writes them in at the next
/// start. Returns how many were kept.
pub fn journal_unwritten() -> usize {
    let Some(ls) = local() else { return 0 };
    // Each with what the database held before this tab's write: replayed only if it still holds that.
    let items: Vec<(String, Option<String>, Option<String>)> = with(|m| {
        let mut out: BTreeMap<String, Option<String>> = m.in_flight_keys.iter().cloned().collect();
        for (k, op) in &m.pending {
            out.entry(k.clone()).or_insert_with(|| op.before.clone());
        }
        out.into_iter().map(|(k, base)| (k.clone(), m.values.get(&k).cloned(), base)).collect()
    });
    items
        .into_iter()
        .filter(|(k, v, base)| {
            let entry = serde_json::json!({ "value": v, "base": base }).to_string();
            ls.set_item(&format!("{JOURNAL_PREFIX}{}", &k[PREFIX.len()..]), &entry).is_ok()
        })
        .count()
}

/// Drops journal entries of keys now in the database.
fn clear_journal<'a>(keys: impl Iterator<Item = &'a String>) {
    let Some(ls) = local() else { return };
    for k in keys {
        let _ = ls.remove_item(&format!("{JOURNAL_PREFIX}{}", &k[PREFIX.len()..]));
    }
}

/// Writes the journal of the last visit into the database (it is newer than
/// what the database holds), then removes it; on failure it stays for the next
/// start and the mirror holds it meanwhile.
async fn replay_journal(db: &idb::Database) -> Result<usize, String> {
    let Some(ls) = local() else { return Ok(0) };
    let n = ls.length().unwrap_or(0);
    let keys: Vec<String> =
        (0..n).filter_map(|i| ls.key(i).ok().flatten()).filter(|k| k.starts_with(JOURNAL_PREFIX)).collect();
    let mut ops = BTreeMap::new();
    let mut stale = 0;
    for jk in &keys {
        let key = format!("{PREFIX}{}", &jk[JOURNAL_PREFIX.len()..]);
        let entry: Option<serde_json::Value> =
            ls.get_item(jk).ok().flatten().and_then(|t| serde_json::from_str(&t).ok());
        let Some(entry) = entry else { continue };
        let text = |f: &str| entry.get(f).and_then(|v| v.as_str()).map(str::to_string);
        let (value, base) = (text("value"), text("base"));
        // Only over what the database held when it was written: if another tab saved since, its version stays.
        let now = with(|m| m.values.get(&key).cloned());
        if now == value {
            continue;
        }
        if now != base {
            stale += 1;
            continue;
        }
        ops.insert(key, Op { value, before: base, checked: true });
    }
    if ops.is_empty() {
        for jk in &keys {
            let _ = ls.remove_item(jk);
        }
        return if stale > 0 { Err(stale_note(stale)) } else { Ok(0) };
    }
    with(|m| {
        for (k, op) in &ops {
            match &op.value {
                Some(v) => m.values.insert(k.clone(), v.clone()),
                None => m.values.remove(k),
            };
        }
    });
    match write_batch(db, &ops).await {
        Ok(()) => {
            for jk in &keys {
                let _ = ls.remove_item(jk);
            }
            if stale > 0 {
                return Err(stale_note(stale));
            }
            Ok(ops.len())
        }
        Err(e) => Err(format!(
            "The last changes of your previous visit could not be written into the browser's database ({e}). \
             They are shown here and kept for the next start; download a copy to be safe."
        )),
    }
}

fn stale_note(n: usize) -> String {
    format!(
        "{n} change(s) made just before a tab closed were not applied: the same data was saved since in another \
         tab, and that later version is kept."
    )
}

/// Follows the other tabs: after each of their commits they name the keys
/// written; this tab reads them back and tells its listener.
fn listen_to_other_tabs(_name: &str) {
    use wasm_bindgen::closure::Closure;
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let keys: Vec<String> = e.data().as_string().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        wasm_bindgen_futures::spawn_local(async move {
            let Some(db) = with(|m| m.db.clone()) else { return };
            let Ok(values) = read_keys(&db, &keys).await else { return };
            for (key, value) in keys.into_iter().zip(values) {
                // A key this tab is writing or about to write keeps this tab's text, and the page is not
                // told to follow: the write's check inside its transaction finds the conflict instead.
                let ours = with(|m| m.pending.contains_key(&key) || m.in_flight_keys.iter().any(|(k, _)| *k == key));
                if ours {
                    continue;
                }
                with(|m| match &value {
                    Some(v) => m.values.insert(key.clone(), v.clone()),
                    None => m.values.remove(&key),
                });
                if let Some(l) = with(|m| m.listener.clone()) {
                    (l.external)(key, value);
                }
            }
        });
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    with(|m| m.channel = Some(channel));
}

/// Sets what the page is told about background writes and other tabs.
pub fn set_listener(listener: Listener) {
    with(|m| m.listener = Some(Rc::new(listener)));
}

/// The `DOMException` name of a thrown value ("QuotaExceededError", "SecurityError").
fn exception_name(e: &JsValue) -> Option<String> {
    e.dyn_ref::<web_sys::DomException>().map(|d| d.name())
}

fn classify(e: &JsValue) -> StorageError {
    match exception_name(e).as_deref() {
        Some(name) => by_name(name),
        None => StorageError::Unavailable("the browser refused to store data".into()),
    }
}

fn by_name(name: &str) -> StorageError {
    match name {
        // Firefox used its own name for the same condition.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        name => StorageError::Unavailable(name.to_string()),
    }
}

/// A database error as a storage error: a full quota is [`StorageError::Full`].
fn from_idb(e: &idb::Error) -> StorageError {
    use idb::Error as E;
    match e {
        E::UpdateFailed(v)
        | E::AddFailed(v)
        | E::DeleteFailed(v)
        | E::TransactionCommitError(v)
        | E::TransactionAbortError(v)
        | E::IndexedDbOpenFailed(v) => classify(v),
        E::DomException(d) => by_name(&d.name()),
        other if other.to_string().contains("QuotaExceeded") => StorageError::Full,
        other => StorageError::Unavailable(other.to_string()),
    }
}

fn idb_reason(e: &idb::Error) -> String {
    match from_idb(e) {
        StorageError::Unavailable(why) => why,
        other => other.to_string(),
    }
}

/// Whether this browser lets the app store anything (known once [`open`] ran).
pub fn available() -> Result<(), StorageError> {
    match with(|m| m.unavailable.clone()) {
        Some(why) => Err(StorageError::Unavailable(why)),
        None => Ok(()),
    }
}

/// Queues a write of `key` (None: delete) and changes the mirror at once.
fn enqueue(key: &str, value: Option<String>, checked: bool) -> Result<(), StorageError> {
    with(|m| {
        if let Some(why) = &m.unavailable {
            return Err(StorageError::Unavailable(why.clone()));
        }
        let before = m.values.get(key).cloned();
        match &value {
            Some(v) => m.values.insert(key.to_string(), v.clone()),
            None => m.values.remove(key),
        };
        match m.pending.get_mut(key) {
            Some(op) => {
                op.value = value;
                // The latest write's intent wins: a confirmed import or a delete after a save is not checked.
                op.checked = checked;
            }
            None => {
                m.pending.insert(key.to_string(), Op { value, before, checked });
            }
        }
        Ok(())
    })?;
    schedule();
    Ok(())
}

/// Starts a background write of what is pending, unless one runs or is due.
fn schedule() {
    let start = with(|m| {
        let go = !m.scheduled && !m.in_flight && !m.pending.is_empty() && m.db.is_some();
        if go {
            m.scheduled = true;
        }
        go
    });
    if start {
        // After the current task: every write of this call goes into one transaction.
        wasm_bindgen_futures::spawn_local(flush());
    }
}

/// Writes what is pending in one transaction and tells the listener.
async fn flush() {
    let Some((db, ops)) = with(|m| {
        m.scheduled = false;
        let db = m.db.clone()?;
        m.in_flight = true;
        m.in_flight_keys = m.pending.iter().map(|(k, op)| (k.clone(), op.before.clone())).collect();
        Some((db, std::mem::take(&mut m.pending)))
    }) else {
        return;
    };
    let result = write_batch(&db, &ops).await;
    let listener = with(|m| {
        m.in_flight = false;
        m.in_flight_keys.clear();
        m.listener.clone()
    });
    match result {
        Ok(()) => {
            clear_journal(ops.keys());
            if let Some(c) = with(|m| m.channel.clone()) {
                let keys: Vec<&String> = ops.keys().collect();
                let _ = c.post_message(&JsValue::from_str(&serde_json::to_string(&keys).unwrap_or_default()));
            }
            let more = with(|m| !m.pending.is_empty());
            if more {
                schedule();
            } else if let Some(l) = &listener {
                (l.committed)();
            }
        }
        Err(e) => {
            with(|m| {
                if let StorageError::Conflict { stored } = &e {
                    // The mirror takes what the database holds for the conflicting keys; their writes are dropped.
                    for (k, op) in ops.iter().filter(|(_, op)| op.checked) {
                        let _ = op;
                        m.values.insert(k.clone(), stored.clone());
                    }
                    for (k, op) in ops.into_iter().filter(|(_, op)| !op.checked) {
                        requeue(m, k, op);
                    }
                } else {
                    // Kept, to be written with the next write (not retried at once: a full quota stays full).
                    for (k, op) in ops {
                        requeue(m, k, op);
                    }
                }
            });
            if let Some(l) = &listener {
                (l.failed)(e);
            }
        }
    }
}

/// Puts a failed write back in front of any newer one of the same key.
fn requeue(m: &mut Mirror, key: String, op: Op) {
    match m.pending.get_mut(&key) {
        Some(newer) => {
            newer.before = op.before;
            newer.checked |= op.checked;
        }
        None => {
            m.pending.insert(key, op);
        }
    }
}

/// One readwrite transaction: the checked keys must hold what they held
/// before, then every write; all or nothing.
async fn write_batch(db: &idb::Database, ops: &BTreeMap<String, Op>) -> Result<(), StorageError> {
    let e = |e: idb::Error| from_idb(&e);
    let tx = db.transaction(&[STORE], idb::TransactionMode::ReadWrite).map_err(e)?;
    let store = tx.object_store(STORE).map_err(e)?;
    let handle = store.transaction();
    for (key, op) in ops.iter().filter(|(_, op)| op.checked) {
        let now = store.get(JsValue::from_str(key)).map_err(e)?.await.map_err(e)?.and_then(|v| v.as_string());
        // Deleted in another tab meanwhile: this save writes it again (the other tab said so to its user).
        if let Some(stored) = now.filter(|now| Some(now) != op.before.as_ref()) {
            let _ = tx.abort();
            return Err(StorageError::Conflict { stored });
        }
    }
    for (key, op) in ops {
        let k = JsValue::from_str(key);
        let step = match &op.value {
            Some(v) => match store.put(&JsValue::from_str(v), Some(&k)) {
                Ok(r) => r.await.map(|_| ()),
                Err(err) => Err(err),
            },
            None => match store.delete(k) {
                Ok(r) => r.await,
                Err(err) => Err(err),
            },
        };
        if let Err(err) = step {
            let _ = tx.abort();
            return Err(from_idb(&err));
        }
    }
    match tx.commit().map_err(e)?.await {
        Ok(r) if r.is_committed() => Ok(()),
        Ok(_) => Err(handle
            .error()
            .map(|d| by_name(&d.name()))
            .unwrap_or(StorageError::Unavailable("the browser gave up the write".into()))),
        Err(err) => Err(from_idb(&err)),
    }
}

/// Resolves once every write made so far has been written (or has failed).
pub async fn settled() {
    loop {
        let busy = with(|m| m.in_flight || m.scheduled);
        if !busy {
            return;
        }
        let p = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
}

/// Whether writes are waiting to be written (a failed one waits for the next write).
pub fn unwritten() -> bool {
    with(|m| !m.pending.is_empty() || m.in_flight)
}

fn write(key: &str, value: &str) -> Result<(), StorageError> {
    enqueue(key, Some(value.to_string()), false)
}

fn read(key: &str) -> Option<String> {
    with(|m| m.values.get(key).cloned())
}

fn remove_key(key: &str) {
    // Removing never needs space; a failure leaves the key, which loses nothing.
    let _ = enqueue(key, None, false);
}

fn keys() -> Vec<String> {
    with(|m| {
        m.values.range(PREFIX.to_string()..).map(|(k, _)| k.clone()).take_while(|k| k.starts_with(PREFIX)).collect()
    })
}

/// How many characters an assessment takes in storage (0 when not stored).
pub fn size_of(id: &str) -> usize {
    with(|m| m.values.get(&key_of(id)).map_or(0, String::len))
}

/// How much the app keeps, in characters (every record).
pub fn stored_size() -> usize {
    with(|m| m.values.iter().map(|(k, v)| k.len() + v.len()).sum())
}

/// The browser's own figures for this site: (bytes used, bytes it may use).
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let p = storage.estimate().ok()?;
    let e = wasm_bindgen_futures::JsFuture::from(p).await.ok()?;
    let get = |f: &str| js_sys::Reflect::get(&e, &JsValue::from_str(f)).ok()?.as_f64();
    Some((get("usage")?, get("quota")?))
}

/// Whether the browser has agreed to keep this site's data under storage pressure.
pub async fn persisted() -> Option<bool> {
    let p = web_sys::window()?.navigator().storage().persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(p).await.ok()?.as_bool()
}

/// Asks the browser to keep this site's data (it may ask the user, or decide on its own).
pub async fn persist() -> Option<bool> {
    let p = web_sys::window()?.navigator().storage().persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(p).await.ok()?.as_bool()
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

fn entry_for(a: &crate::domain::Assessment, progress: Progress) -> IndexEntry {
    IndexEntry {
        id: a.id.clone(),
        name: a.name.clone(),
        organization: a.organization.name.clone(),
        unit: a.organization.unit.clone(),
        date: a.date.clone(),
        updated: js_sys::Date::now(),
        completion: progress.completion,
        resume: progress.resume,
    }
}

/// Saves an assessment unless another tab changed it since this tab last read
/// or wrote `expected`; returns the text written. The index line and the
/// last-opened key go into the same transaction.
pub fn save(env: &Envelope, progress: impl Into<Progress>, expected: Option<&str>) -> Result<String, StorageError> {
    save_parts(&env.assessment, &env.catalog, progress, expected)
}

/// [`save`] of an assessment and the catalog it records, without building an envelope.
pub fn save_parts(
    a: &crate::domain::Assessment,
    catalog: &crate::domain::assessment::CatalogRef,
    progress: impl Into<Progress>,
    expected: Option<&str>,
) -> Result<String, StorageError> {
    available()?;
    let key = key_of(&a.id);
    if let (Some(stored), Some(expected)) = (read(&key), expected) {
        if stored != expected {
            return Err(StorageError::Conflict { stored });
        }
    }
    let text = crate::domain::format::encode_parts(a, catalog);
    // Checked again in the transaction, against what the database holds then.
    enqueue(&key, Some(text.clone()), expected.is_some())?;
    let mut list = index();
    let entry = entry_for(a, progress.into());
    match list.iter_mut().find(|e| e.id == entry.id) {
        Some(e) => *e = entry,
        None => list.push(entry),
    }
    write_index(&list)?;
    write(LAST_KEY, &a.id)?;
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
pub fn put(env: &Envelope, progress: impl Into<Progress>) -> Result<String, StorageError> {
    save(env, progress, None)
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
                    list.push(entry_for(&env.assessment, 0.0.into()));
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
