//! The one shared state: the catalog, the open assessment, its evaluation
//! (one `Memo` every page reads), the save status and the error banner.
//!
//! Every edit goes through [`AppState::dispatch`] (a `domain::Action`), which
//! bumps `revision`; one root effect watches `revision` and saves, debounced
//! (at most [`SAVE_DELAY_MS`] after the last change) and flushed at once when
//! the page is hidden or closed.

use crate::charts::ChartOptions;
use crate::domain::assessment::{ActionError, CatalogRef};
use crate::domain::format::Envelope;
use crate::domain::{evaluate, Action, Assessment, Catalog, Results};
use crate::storage::{self, Quarantined, StorageError};
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
}

/// Shared app state, provided once at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The catalog in use: the open assessment's, else the one chosen for new assessments.
    pub catalog: RwSignal<Catalog>,
    /// Catalogs loaded from files (besides the built-in default).
    pub custom_catalogs: RwSignal<Vec<Catalog>>,
    /// Set when the open assessment's catalog is not loaded: it can be read, not edited.
    pub read_only: RwSignal<Option<String>>,
    pub assessment: RwSignal<Option<Assessment>>,
    pub results: Memo<Option<Results>>,
    pub error: RwSignal<Option<String>>,
    pub save_status: RwSignal<SaveStatus>,
    /// Bumped by every applied action; autosave watches it.
    revision: RwSignal<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Whether the start page already offered to resume (once per page load).
    pub resumed: StoredValue<bool>,
    /// The exact stored text this tab last read or wrote for the open assessment.
    last_text: StoredValue<Option<String>>,
    /// Another tab's version of the open assessment, when both changed it.
    pub conflict: RwSignal<Option<String>>,
    /// A passing notice (announced politely).
    pub notice: RwSignal<Option<String>>,
    /// The catalog the open assessment records (written into its envelope).
    doc_catalog: StoredValue<Option<CatalogRef>>,
    /// Stored data found unreadable at start, moved aside.
    pub quarantine: RwSignal<Vec<Quarantined>>,
    /// How charts are drawn: follows the window width and the colour scheme.
    pub chart: RwSignal<ChartOptions>,
    resize_timer: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    /// Builds the state with the default catalog and nothing open.
    pub fn new() -> AppState {
        let catalog = RwSignal::new(Catalog::default_catalog());
        let assessment = RwSignal::new(None::<Assessment>);
        let results = Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| catalog.with(|c| evaluate(c, a)))));
        AppState {
            catalog,
            custom_catalogs: RwSignal::new(storage::catalogs()),
            read_only: RwSignal::new(None),
            assessment,
            results,
            error: RwSignal::new(None),
            save_status: RwSignal::new(SaveStatus::Idle),
            revision: RwSignal::new(0),
            timer: StoredValue::new(None),
            resumed: StoredValue::new(false),
            last_text: StoredValue::new(None),
            conflict: RwSignal::new(None),
            notice: RwSignal::new(None),
            quarantine: RwSignal::new(Vec::new()),
            doc_catalog: StoredValue::new(None),
            chart: RwSignal::new(ChartOptions { width: chart_width(), dark: prefers_dark() }),
            resize_timer: StoredValue::new(None),
        }
    }

    /// The catalog reference recorded in saved files.
    pub fn catalog_ref(&self) -> CatalogRef {
        self.catalog.with_untracked(|c| CatalogRef { id: c.id.clone(), version: c.version.clone() })
    }

    /// Applies an action; returns why it was refused (the assessment is then unchanged).
    pub fn try_dispatch(&self, action: Action) -> Result<(), ActionError> {
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

    /// Applies an action; a refusal is shown in the banner.
    pub fn dispatch(&self, action: Action) {
        if let Err(e) = self.try_dispatch(action) {
            self.error.set(Some(format!("That change was not made: {e}.")));
        }
    }

    /// Opens an assessment read from storage as `text`, first saving the open
    /// one if it has unsaved changes.
    pub fn open(&self, env: Envelope, text: String) {
        self.flush();
        self.use_catalog_of(&env.catalog);
        self.doc_catalog.set_value(Some(env.catalog.clone()));
        self.save_status.set(SaveStatus::Idle);
        self.conflict.set(None);
        self.last_text.set_value(Some(text));
        self.assessment.set(Some(env.assessment));
    }

    /// Switches to the catalog an assessment was made with; when it is not
    /// loaded, the assessment opens read-only with a note.
    fn use_catalog_of(&self, want: &CatalogRef) {
        let have = self.catalog_ref();
        if have == *want {
            self.read_only.set(None);
            return;
        }
        let default = Catalog::default_catalog();
        let found = if default.id == want.id && default.version == want.version {
            Some(default)
        } else {
            self.custom_catalogs
                .with_untracked(|l| l.iter().find(|c| c.id == want.id && c.version == want.version).cloned())
        };
        match found {
            Some(c) => {
                self.catalog.set(c);
                self.read_only.set(None);
            }
            None => self.read_only.set(Some(format!(
                "This assessment was made with the catalog “{}” version {}, which is not loaded in this browser. You can read it, but not change it: load that catalog file on the start page to edit.",
                want.id, want.version
            ))),
        }
    }

    /// Opens a new, copied or imported assessment and saves it at once.
    pub fn create(&self, a: Assessment) {
        self.flush();
        self.read_only.set(None);
        self.doc_catalog.set_value(Some(self.catalog_ref()));
        self.conflict.set(None);
        self.last_text.set_value(None);
        self.assessment.set(Some(a));
        self.save_now();
    }

    /// Closes the open assessment without saving (it was just deleted).
    pub fn close_unsaved(&self) {
        cancel_timeout(self.timer);
        self.last_text.set_value(None);
        self.conflict.set(None);
        self.save_status.set(SaveStatus::Idle);
        self.assessment.set(None);
    }

    /// The id of the open assessment, if any.
    pub fn open_id(&self) -> Option<String> {
        self.assessment.with_untracked(|a| a.as_ref().map(|a| a.id.clone()))
    }

    /// The open assessment as an exportable envelope.
    pub fn envelope(&self) -> Option<Envelope> {
        let cref = self.doc_catalog.get_value().unwrap_or_else(|| self.catalog_ref());
        self.assessment.get_untracked().map(|a| Envelope::new(a, cref))
    }

    /// Resolves a conflict: keep this tab's version (overwrite the other).
    pub fn keep_mine(&self) {
        if let Some(theirs) = self.conflict.get_untracked() {
            self.last_text.set_value(Some(theirs));
            self.conflict.set(None);
            self.save_now();
        }
    }

    /// Resolves a conflict: load the other tab's version (this tab's unsaved changes are dropped).
    pub fn load_theirs(&self) {
        if let Some(theirs) = self.conflict.get_untracked() {
            match crate::domain::format::decode(&theirs) {
                Ok(env) => {
                    cancel_timeout(self.timer);
                    self.conflict.set(None);
                    self.last_text.set_value(Some(theirs));
                    self.save_status.set(SaveStatus::Saved);
                    self.assessment.set(Some(env.assessment));
                }
                Err(e) => self.error.set(Some(format!("The other tab's version cannot be read: {e}"))),
            }
        }
    }

    /// Saves now if a save is pending.
    pub fn flush(&self) {
        if cancel_timeout(self.timer) {
            self.save_now();
        }
    }

    fn save_now(&self) {
        self.timer.set_value(None);
        if self.conflict.with_untracked(|c| c.is_some()) {
            // Wait for the user's choice; never overwrite the other tab silently.
            self.save_status.set(SaveStatus::Failed("changed in another tab".into()));
            return;
        }
        let Some(env) = self.envelope() else { return };
        let completion = self.results.with_untracked(|r| r.as_ref().map(|r| r.completion()).unwrap_or(0.0));
        let expected = self.last_text.get_value();
        match storage::save(&env, completion, expected.as_deref()) {
            Ok(text) => {
                self.last_text.set_value(Some(text));
                self.save_status.set(SaveStatus::Saved);
            }
            Err(StorageError::Conflict { stored }) => {
                self.conflict.set(Some(stored));
                self.save_status.set(SaveStatus::Failed("changed in another tab".into()));
            }
            Err(e) => {
                let msg = e.to_string();
                self.save_status.set(SaveStatus::Failed(msg.clone()));
                self.error.set(Some(msg));
            }
        }
    }

    /// Another tab wrote `key`: follow its change, or flag a conflict when this
    /// tab has unsaved changes of its own.
    fn on_storage(&self, key: Option<String>, new_value: Option<String>) {
        let Some(id) = self.assessment.with_untracked(|a| a.as_ref().map(|a| a.id.clone())) else { return };
        if key.as_deref() != Some(storage::assessment_key(&id).as_str()) {
            return;
        }
        match new_value {
            None => self.notice.set(Some(
                "This assessment was deleted in another tab. It stays open here; your next change saves it again."
                    .into(),
            )),
            Some(text) if Some(&text) != self.last_text.get_value().as_ref() => {
                if self.timer.get_value().is_some() {
                    self.conflict.set(Some(text));
                } else if let Ok(env) = crate::domain::format::decode(&text) {
                    self.last_text.set_value(Some(text));
                    self.assessment.set(Some(env.assessment));
                    self.notice.set(Some("Updated with the changes made in another tab.".into()));
                }
            }
            Some(_) => {}
        }
    }

    /// Starts autosave: debounced after each change, flushed when the page hides.
    pub fn start_autosave(&self) {
        let this = *self;
        Effect::new(move |prev: Option<u64>| {
            let rev = this.revision.get();
            if prev.is_some() && rev != 0 {
                this.save_status.set(SaveStatus::Pending);
                debounce(this.timer, Duration::from_millis(SAVE_DELAY_MS), move || this.save_now());
            }
            rev
        });
        let pagehide = window_event_listener(leptos::ev::pagehide, move |_| this.flush());
        let storage_ev = window_event_listener(leptos::ev::storage, move |e| this.on_storage(e.key(), e.new_value()));
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| this.flush());
        // Charts are redrawn for a new width once resizing pauses (not on every
        // event while a window edge is dragged).
        let resize = window_event_listener(leptos::ev::resize, move |_| {
            debounce(this.resize_timer, Duration::from_millis(150), move || {
                let width = chart_width();
                if this.chart.with_untracked(|c| c.width != width) {
                    this.chart.update(|c| c.width = width);
                }
            });
        });
        on_color_scheme_change(move |dark| this.chart.update(|c| c.dark = dark));
        on_cleanup(move || {
            pagehide.remove();
            hidden.remove();
            storage_ev.remove();
            resize.remove();
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
