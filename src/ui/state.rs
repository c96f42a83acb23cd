//! The app's state, provided once at the root as four narrow handles:
//! - [`Session`]: the catalog in use, the open assessment and its results (one
//!   `Memo` every page reads), and `dispatch` — the only way to change it;
//! - [`Library`] (in `library.rs`): everything done with stored assessments,
//!   save status, conflicts with other tabs, data moved aside;
//! - [`Notices`]: the error banner and passing notices;
//! - [`Viewport`]: how charts are drawn (window width, colour scheme).
//!
//! Components take the handle they need with `expect_context`; none holds a
//! writable signal of the state. Every edit is a `domain::Action`; it bumps
//! `revision`, and one root effect saves, debounced (at most [`SAVE_DELAY_MS`]
//! after the last change) and flushed at once when the page is hidden or closed.

use crate::charts::ChartOptions;
use crate::domain::assessment::{ActionError, CatalogRef};
use crate::domain::catalog::{default_head, CatalogHead, DEFAULT_CATALOG_FILE};
use crate::domain::format::Envelope;
use crate::domain::{evaluate, Action, Assessment, Catalog, Results};
use crate::storage::{self, IndexEntry, Quarantined, StorageError};
use crate::ui::util::{cancel_timeout, chart_width, debounce, on_color_scheme_change, prefers_dark};
use leptos::prelude::*;
use std::time::Duration;

/// Debounce of autosave after the last change.
pub const SAVE_DELAY_MS: u64 = 400;

/// What the save indicator shows.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since opening.
    Idle,
    /// A change waits for the debounce.
    Pending,
    Saved,
    Failed(String),
    /// The browser lets nothing be stored: changes live in this tab only.
    InMemory,
}

/// Something to do once the default catalog is loaded.
pub(super) type Waiting = Box<dyn FnOnce()>;

/// The shared store behind the handles; its fields are private to the UI's state modules.
#[derive(Clone, Copy)]
pub(super) struct Store {
    /// The catalog in use; `None` stands for the default catalog while it is
    /// not loaded. Whenever an assessment is open, it is loaded.
    pub(super) catalog: RwSignal<Option<Catalog>>,
    /// The default catalog once fetched (it is not part of start-up).
    pub(super) default: StoredValue<Option<Catalog>>,
    /// What waits for the default catalog while it is being fetched.
    pub(super) waiting: StoredValue<Option<Vec<Waiting>>, LocalStorage>,
    pub(super) custom_catalogs: RwSignal<Vec<Catalog>>,
    pub(super) read_only: RwSignal<Option<String>>,
    pub(super) assessment: RwSignal<Option<Assessment>>,
    pub(super) results: Memo<Option<Results>>,
    /// The open assessment's id (empty when none): changes only when another one opens.
    pub(super) open_id: Memo<String>,
    pub(super) save_status: RwSignal<SaveStatus>,
    /// Bumped by every applied action; autosave watches it.
    pub(super) revision: RwSignal<u64>,
    pub(super) timer: StoredValue<Option<TimeoutHandle>>,
    /// Whether the start page already offered to resume (once per page load).
    pub(super) resumed: StoredValue<bool>,
    /// The exact stored text this tab last read or wrote for the open assessment.
    pub(super) last_text: StoredValue<Option<String>>,
    /// Another tab's version of the open assessment, when both changed it.
    pub(super) conflict: RwSignal<Option<String>>,
    /// The catalog the open assessment records (written into its envelope).
    pub(super) doc_catalog: StoredValue<Option<CatalogRef>>,
    /// Stored data found unreadable, moved aside.
    pub(super) quarantine: RwSignal<Vec<Quarantined>>,
    /// The saved-assessments list as last read.
    pub(super) saved: RwSignal<Vec<IndexEntry>>,
    /// Why nothing can be saved in this browser (the browser's reason, e.g.
    /// "SecurityError"), when that is so.
    pub(super) unavailable: RwSignal<Option<String>>,
    pub(super) notices: Notices,
}

/// The error banner and passing notices.
#[derive(Clone, Copy)]
pub struct Notices {
    /// The error shown in the banner (announced assertively).
    pub error: RwSignal<Option<String>>,
    /// A passing notice (announced politely).
    pub notice: RwSignal<Option<String>>,
}

impl Notices {
    /// Shows an error in the banner.
    pub fn error(&self, msg: impl Into<String>) {
        self.error.set(Some(msg.into()));
    }
    /// Shows a passing notice.
    pub fn info(&self, msg: impl Into<String>) {
        self.notice.set(Some(msg.into()));
    }
}

/// The open assessment, its catalog and results, and the one way to change it.
#[derive(Clone, Copy)]
pub struct Session {
    /// The catalog in use: the open assessment's, else the one chosen for new
    /// assessments (`None` until the default one is loaded; it always is while
    /// an assessment is open).
    pub catalog: ReadSignal<Option<Catalog>>,
    pub assessment: ReadSignal<Option<Assessment>>,
    /// The evaluation of the open assessment: every figure a page shows.
    pub results: Memo<Option<Results>>,
    /// Which planned work the projected result counts as done (results page,
    /// report and exports show the same).
    pub projection: RwSignal<crate::domain::plan::Projection>,
    /// Set when the open assessment's catalog is not loaded: it can be read, not edited.
    pub read_only: ReadSignal<Option<String>>,
    /// Whether the questionnaire and the scope table follow the catalog's
    /// order instead of the priority order (the user's choice, for this tab).
    pub catalog_order: RwSignal<bool>,
    /// The questionnaire's order while the user works through it: taken when
    /// it is first needed, kept until [`Session::reorder`] (leaving the
    /// questions, changing the scope or the order chosen).
    order: StoredValue<Option<(String, bool, Vec<String>)>>,
    store: Store,
}

impl Session {
    /// Applies an action; returns why it was refused (the assessment is then unchanged).
    pub fn try_dispatch(&self, action: Action) -> Result<(), ActionError> {
        self.store.try_dispatch(action)
    }

    /// Applies an action; a refusal is shown in the banner.
    pub fn dispatch(&self, action: Action) {
        if let Err(e) = self.try_dispatch(action) {
            self.store.notices.error(format!("That change was not made: {e}."));
        }
    }

    /// The questionnaire's order of the in-scope processes: taken once and
    /// kept while the same processes are in scope, so a process does not move
    /// while its answers change its priority (tracked: a reader hears of a
    /// scope change or another order chosen; a memo over it re-renders only
    /// when the list changes).
    pub fn questionnaire_order(&self) -> Vec<String> {
        let (id, by_catalog) = (self.id(), self.catalog_order.get());
        let in_scope: Vec<String> =
            self.results.with(|r| r.as_ref().map(|r| r.in_scope().map(|p| p.id.clone()).collect()).unwrap_or_default());
        let kept = self.order.with_value(|o| {
            o.as_ref()
                .filter(|(i, c, list)| {
                    *i == id
                        && *c == by_catalog
                        && list.len() == in_scope.len()
                        && list.iter().all(|x| in_scope.contains(x))
                })
                .map(|(_, _, list)| list.clone())
        });
        if let Some(list) = kept {
            return list;
        }
        let mut list = self.results.with_untracked(|r| r.as_ref().map(|r| r.order(by_catalog)).unwrap_or_default());
        if !by_catalog {
            if let Some(base) = self.baseline_order() {
                // A follow-up not yet complete: its own priorities come from
                // half an answer set, so it follows its baseline's until then.
                let mut ordered: Vec<String> = base.into_iter().filter(|p| list.contains(p)).collect();
                ordered.extend(list.iter().filter(|p| !ordered.contains(p)).cloned().collect::<Vec<_>>());
                list = ordered;
            }
        }
        self.order.set_value(Some((id, by_catalog, list.clone())));
        list
    }

    /// The baseline's priority order, for a follow-up that is not complete yet
    /// (`None` otherwise, or when the baseline cannot be read or scored here).
    fn baseline_order(&self) -> Option<Vec<String>> {
        let incomplete = self.results.with_untracked(|r| r.as_ref().is_some_and(|r| r.completion() < 1.0));
        let base = self.assessment.with_untracked(|a| a.as_ref().and_then(|a| a.baseline.clone()))?;
        if !incomplete {
            return None;
        }
        let (env, _) = storage::load(&base).ok().flatten()?;
        let r = self.store.with_catalog_for(&env.catalog, |c| crate::domain::evaluate(c, &env.assessment))?;
        Some(r.order(false))
    }

    /// Forgets the questionnaire's order: the next visit takes the priorities as they are then.
    pub fn reorder(&self) {
        self.order.set_value(None);
    }

    /// The id of the open assessment, if any.
    pub fn open_id(&self) -> Option<String> {
        self.store.open_id()
    }

    /// The open assessment's id, tracked (empty when none is open); an answer
    /// does not wake what reads it.
    pub fn id(&self) -> String {
        self.store.open_id.get()
    }

    /// Reads the catalog of the open assessment (tracked); `None` only when
    /// no assessment is open.
    pub fn with_catalog<R>(&self, f: impl FnOnce(&Catalog) -> R) -> Option<R> {
        self.catalog.with(|c| c.as_ref().map(f))
    }

    /// The same, untracked.
    pub fn with_catalog_untracked<R>(&self, f: impl FnOnce(&Catalog) -> R) -> Option<R> {
        self.catalog.with_untracked(|c| c.as_ref().map(f))
    }

    /// The open assessment as an exportable envelope.
    pub fn envelope(&self) -> Option<Envelope> {
        self.store.envelope()
    }

    /// The catalog recorded in files made from this session.
    pub fn catalog_ref(&self) -> CatalogRef {
        self.store.catalog_ref()
    }
}

/// How charts are drawn: follows the window width and the colour scheme.
#[derive(Clone, Copy)]
pub struct Viewport {
    pub chart: ReadSignal<ChartOptions>,
}

impl Store {
    fn new() -> Store {
        let catalog = RwSignal::new(None::<Catalog>);
        let assessment = RwSignal::new(None::<Assessment>);
        // Every change makes new results: comparing the old and new ones field by
        // field would cost more than it saves; the pages read narrow memos of it.
        let results = Memo::new_with_compare(
            move |_| assessment.with(|a| a.as_ref().and_then(|a| catalog.with(|c| c.as_ref().map(|c| evaluate(c, a))))),
            |_, _| true,
        );
        let open_id = Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_default()));
        // A full quota is not "blocked": saving reports it when it happens.
        let unavailable = match storage::available() {
            Err(StorageError::Unavailable(why)) => Some(why),
            _ => None,
        };
        Store {
            catalog,
            default: StoredValue::new(None),
            waiting: StoredValue::new_local(None),
            custom_catalogs: RwSignal::new(storage::catalogs()),
            read_only: RwSignal::new(None),
            assessment,
            results,
            open_id,
            save_status: RwSignal::new(SaveStatus::Idle),
            revision: RwSignal::new(0),
            timer: StoredValue::new(None),
            resumed: StoredValue::new(false),
            last_text: StoredValue::new(None),
            conflict: RwSignal::new(None),
            doc_catalog: StoredValue::new(None),
            quarantine: RwSignal::new(Vec::new()),
            // Read once `startup_check` has repaired the index (`provide_state`).
            saved: RwSignal::new(Vec::new()),
            unavailable: RwSignal::new(unavailable),
            notices: Notices { error: RwSignal::new(None), notice: RwSignal::new(None) },
        }
    }

    pub(super) fn catalog_ref(&self) -> CatalogRef {
        self.catalog.with_untracked(|c| match c {
            Some(c) => CatalogRef { id: c.id.clone(), version: c.version.clone() },
            None => {
                let h = default_head();
                CatalogRef { id: h.id, version: h.version }
            }
        })
    }

    /// The name and templates of the catalog in use (tracked), without loading it.
    pub(super) fn head(&self) -> CatalogHead {
        self.catalog.with(|c| c.as_ref().map(Catalog::head).unwrap_or_else(default_head))
    }

    /// Runs `then` once the default catalog is loaded: at once when it is,
    /// else when the file has been fetched (one fetch for every caller in the
    /// meantime, in the order they asked). When it cannot be loaded, the
    /// banner says so and nothing waiting is done: nothing is changed.
    pub(super) fn when_default_loaded(&self, then: impl FnOnce() + 'static) {
        if self.default.with_value(Option::is_some) {
            then();
            return;
        }
        let first = self.waiting.with_value(Option::is_none);
        self.waiting.update_value(|w| w.get_or_insert_with(Vec::new).push(Box::new(then)));
        if !first {
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            let loaded = crate::ui::util::fetch_text(DEFAULT_CATALOG_FILE).await.and_then(|text| {
                Catalog::parse(&text).map_err(|e| format!("the default catalog is not valid ({} problems)", e.len()))
            });
            let waiting = this.waiting.try_update_value(Option::take).flatten().unwrap_or_default();
            match loaded {
                Ok(c) => {
                    this.default.set_value(Some(c.clone()));
                    if this.catalog.with_untracked(Option::is_none) {
                        this.catalog.set(Some(c));
                    }
                    waiting.into_iter().for_each(|f| f());
                }
                Err(e) => this.notices.error(format!(
                    "The catalog of questions could not be loaded: {e}. Nothing was changed; try again once connected."
                )),
            }
        });
    }

    /// The reference of the default catalog (loaded or not).
    pub(super) fn default_ref(&self) -> CatalogRef {
        self.default.with_value(|d| match d {
            Some(c) => CatalogRef { id: c.id.clone(), version: c.version.clone() },
            None => {
                let h = default_head();
                CatalogRef { id: h.id, version: h.version }
            }
        })
    }

    /// The catalog an assessment records, if it is loaded in this browser (the
    /// default one only once fetched).
    pub(super) fn find_catalog(&self, want: &CatalogRef) -> Option<Catalog> {
        self.with_catalog_for(want, Catalog::clone)
    }

    /// Reads the catalog `want`, if it is loaded in this browser.
    pub(super) fn with_catalog_for<R>(&self, want: &CatalogRef, f: impl FnOnce(&Catalog) -> R) -> Option<R> {
        let is = |c: &&Catalog| c.id == want.id && c.version == want.version;
        if self.default.with_value(|d| d.as_ref().is_some_and(|c| is(&c))) {
            self.default.with_value(|d| d.as_ref().map(f))
        } else {
            self.custom_catalogs.with_untracked(|l| l.iter().find(is).map(f))
        }
    }

    /// Runs `then` once the catalog `want` is ready to use: a loaded custom
    /// one at once, the default one (or any other, shown read-only against
    /// the default) once the default is loaded.
    pub(super) fn when_ready_for(&self, want: &CatalogRef, then: impl FnOnce() + 'static) {
        let custom =
            self.custom_catalogs.with_untracked(|l| l.iter().any(|c| c.id == want.id && c.version == want.version));
        if custom {
            then();
        } else {
            self.when_default_loaded(then);
        }
    }

    fn try_dispatch(&self, action: Action) -> Result<(), ActionError> {
        if self.read_only.with_untracked(|r| r.is_some()) {
            return Err(ActionError::ReadOnly);
        }
        let mut outcome = Ok(());
        self.assessment.update(|a| {
            if let Some(a) = a {
                outcome = a.apply(action);
            }
        });
        if outcome.is_ok() {
            self.revision.update(|r| *r += 1);
        }
        outcome
    }

    pub(super) fn open_id(&self) -> Option<String> {
        self.assessment.with_untracked(|a| a.as_ref().map(|a| a.id.clone()))
    }

    pub(super) fn envelope(&self) -> Option<Envelope> {
        let cref = self.doc_catalog.get_value().unwrap_or_else(|| self.catalog_ref());
        self.assessment.get_untracked().map(|a| Envelope::new(a, cref))
    }

    /// Opens an assessment read from storage as `text`, first saving the open
    /// one if it has unsaved changes (the default catalog is loaded first
    /// when it is not yet).
    pub(super) fn open(&self, env: Envelope, text: String) {
        self.flush();
        let this = *self;
        let want = env.catalog.clone();
        self.when_ready_for(&want, move || {
            this.use_catalog_of(&env.catalog);
            this.doc_catalog.set_value(Some(env.catalog.clone()));
            this.save_status.set(SaveStatus::Idle);
            this.conflict.set(None);
            this.last_text.set_value(Some(text));
            this.assessment.set(Some(env.assessment));
        });
    }

    /// Switches to the catalog an assessment was made with; when it is not
    /// loaded, the assessment opens read-only with a note.
    fn use_catalog_of(&self, want: &CatalogRef) {
        if self.catalog.with_untracked(Option::is_some) && self.catalog_ref() == *want {
            self.read_only.set(None);
            return;
        }
        match self.find_catalog(want) {
            Some(c) => {
                self.catalog.set(Some(c));
                self.read_only.set(None);
            }
            None => self.read_only.set(Some(format!(
                "This assessment was made with the catalog “{}” version {}, which is not loaded in this browser. You can read it, but not change it: load that catalog file on the start page to edit.",
                want.id, want.version
            ))),
        }
    }

    /// Opens a new, copied or imported assessment with the catalog in use and
    /// saves it at once (once the catalog is loaded), then calls `then`.
    pub(super) fn create(&self, a: Assessment, then: impl FnOnce() + 'static) {
        self.flush();
        let this = *self;
        self.when_catalog_loaded(move || this.create_now(a, then));
    }

    /// Runs `then` once the catalog in use is loaded (at once when it is).
    pub(super) fn when_catalog_loaded(&self, then: impl FnOnce() + 'static) {
        if self.catalog.with_untracked(Option::is_some) {
            then();
        } else {
            self.when_default_loaded(then);
        }
    }

    fn create_now(&self, a: Assessment, then: impl FnOnce()) {
        self.read_only.set(None);
        self.doc_catalog.set_value(Some(self.catalog_ref()));
        self.conflict.set(None);
        self.last_text.set_value(None);
        self.assessment.set(Some(a));
        self.save_now();
        then();
    }

    /// Closes the open assessment without saving (it was just deleted or replaced).
    pub(super) fn close_unsaved(&self) {
        cancel_timeout(self.timer);
        self.last_text.set_value(None);
        self.conflict.set(None);
        self.save_status.set(SaveStatus::Idle);
        self.assessment.set(None);
    }

    /// Saves now if a save is pending.
    pub(super) fn flush(&self) {
        if cancel_timeout(self.timer) {
            self.save_now();
        }
    }

    pub(super) fn save_now(&self) {
        self.timer.set_value(None);
        if self.unavailable.with_untracked(|u| u.is_some()) {
            // Said once, in the banner; the work stays in memory and can be exported.
            self.save_status.set(SaveStatus::InMemory);
            return;
        }
        if self.conflict.with_untracked(|c| c.is_some()) {
            // Wait for the user's choice; never overwrite the other tab silently.
            self.save_status.set(SaveStatus::Failed("changed in another tab".into()));
            return;
        }
        let started = crate::ui::util::now_ms();
        let cref = self.doc_catalog.get_value().unwrap_or_else(|| self.catalog_ref());
        let progress = self.results.with_untracked(|r| r.as_ref().map(progress_of)).unwrap_or_default();
        let expected = self.last_text.get_value();
        let Some(saved) = self
            .assessment
            .with_untracked(|a| a.as_ref().map(|a| storage::save_parts(a, &cref, progress, expected.as_deref())))
        else {
            return;
        };
        // What the save costs the page (serialising once, handing it to the database's background write).
        crate::ui::util::measure_since("itsm-autosave", started);
        match saved {
            Ok(text) => {
                self.last_text.set_value(Some(text));
                // "Saving…" until the database has it (`on_committed`).
                self.save_status.set(SaveStatus::Pending);
                self.saved.set(storage::index());
            }
            Err(e) => self.on_failed(e),
        }
    }

    /// Every write so far is in the database.
    fn on_committed(&self) {
        if self.save_status.get_untracked() == SaveStatus::Pending && self.timer.get_value().is_none() {
            self.save_status.set(SaveStatus::Saved);
        }
    }

    /// A save failed, at once or in the background: nothing of it was written;
    /// the work stays in the tab.
    fn on_failed(&self, e: StorageError) {
        match e {
            StorageError::Conflict { stored } => {
                self.conflict.set(Some(stored));
                self.save_status.set(SaveStatus::Failed("changed in another tab".into()));
            }
            e => {
                let msg = e.to_string();
                self.save_status.set(SaveStatus::Failed(msg.clone()));
                self.notices.error(msg);
            }
        }
    }

    /// Another tab wrote `key`: follow its change, or flag a conflict when this
    /// tab has unsaved changes of its own.
    fn on_storage(&self, key: Option<String>, new_value: Option<String>) {
        let Some(id) = self.open_id() else { return };
        if key.as_deref() != Some(storage::assessment_key(&id).as_str()) {
            return;
        }
        match new_value {
            None => self.notices.info(
                "This assessment was deleted in another tab. It stays open here; your next change saves it again.",
            ),
            Some(text) if Some(&text) != self.last_text.get_value().as_ref() => {
                if self.timer.get_value().is_some() {
                    self.conflict.set(Some(text));
                } else if let Ok(env) = crate::domain::format::decode(&text) {
                    self.last_text.set_value(Some(text));
                    self.assessment.set(Some(env.assessment));
                    self.notices.info("Updated with the changes made in another tab.");
                }
            }
            Some(_) => {}
        }
    }

    /// Starts autosave: debounced after each change, flushed when the page hides.
    fn start_autosave(&self) {
        let this = *self;
        Effect::new(move |prev: Option<u64>| {
            let rev = this.revision.get();
            if prev.is_some() && rev != 0 {
                this.save_status.set(SaveStatus::Pending);
                debounce(this.timer, Duration::from_millis(SAVE_DELAY_MS), move || this.save_now());
            }
            rev
        });
        // The page is going: what the database has not confirmed yet is kept in the journal too.
        let pagehide = window_event_listener(leptos::ev::pagehide, move |_| {
            this.flush();
            storage::journal_unwritten();
        });
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| this.flush());
        storage::set_listener(storage::Listener {
            committed: Box::new(move || this.on_committed()),
            failed: Box::new(move |e| this.on_failed(e)),
            external: Box::new(move |key, value| {
                this.saved.set(storage::index());
                this.on_storage(Some(key), value);
            }),
        });
        on_cleanup(move || {
            pagehide.remove();
            hidden.remove();
        });
    }
}

/// Redraws charts for a new width once resizing pauses (not on every event
/// while a window edge is dragged), and for a new colour scheme.
fn watch_viewport() -> Viewport {
    let chart = RwSignal::new(ChartOptions { width: chart_width(), dark: prefers_dark() });
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        debounce(timer, Duration::from_millis(150), move || {
            let width = chart_width();
            if chart.with_untracked(|c| c.width != width) {
                chart.update(|c| c.width = width);
            }
        });
    });
    on_color_scheme_change(move |dark| chart.update(|c| c.dark = dark));
    on_cleanup(move || resize.remove());
    Viewport { chart: chart.read_only() }
}

/// Builds the state, starts autosave and the viewport watch, and provides the
/// four handles as context. Called once, by the root component.
pub fn provide_state() {
    let store = Store::new();
    // Unreadable stored data is moved aside before anything reads it.
    store.quarantine.set(storage::startup_check());
    store.saved.set(storage::index());
    if let Some(e) = storage::opened().migration_error {
        store.notices.error(e);
    }
    store.start_autosave();
    provide_context(store.notices);
    provide_context(Session {
        catalog: store.catalog.read_only(),
        assessment: store.assessment.read_only(),
        results: store.results,
        read_only: store.read_only.read_only(),
        projection: RwSignal::new(crate::domain::plan::Projection::Through(crate::domain::results::Horizon::Now)),
        catalog_order: RwSignal::new(false),
        order: StoredValue::new(None),
        store,
    });
    provide_context(super::library::Library::new(store));
    provide_context(watch_viewport());
    // Resume the last page only when the app is opened at its start address.
    let opened_at_root = web_sys::window().and_then(|w| w.location().pathname().ok()).is_none_or(|p| p == "/");
    if !opened_at_root {
        store.resumed.set_value(true);
    }
}

/// The progress a save records: completion, and where the next sitting
/// continues (the process page open now, while it has open questions).
fn progress_of(r: &crate::domain::Results) -> storage::Progress {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let here = path.split("/process/").nth(1).map(|p| p.trim_end_matches('/').to_string());
    let resume = r.resume_at(&r.order(false), here.as_deref()).map(|p| storage::Resume {
        process: p.id.clone(),
        name: p.name.clone(),
        completion: p.completion(),
        minutes_left: r.minutes_left(),
    });
    storage::Progress { completion: r.completion(), resume }
}
