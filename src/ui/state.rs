//! The one shared state: the catalog, the open assessment, its evaluation
//! (one `Memo` every page reads), the save status and the error banner.
//!
//! Every edit goes through [`AppState::dispatch`] (a `domain::Action`), which
//! bumps `revision`; one root effect watches `revision` and saves, debounced
//! (at most [`SAVE_DELAY_MS`] after the last change) and flushed at once when
//! the page is hidden or closed.

use crate::domain::assessment::{ActionError, CatalogRef};
use crate::domain::format::Envelope;
use crate::domain::{evaluate, Action, Assessment, Catalog, Results};
use crate::storage;
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
    pub catalog: StoredValue<Catalog>,
    pub assessment: RwSignal<Option<Assessment>>,
    pub results: Memo<Option<Results>>,
    pub error: RwSignal<Option<String>>,
    pub save_status: RwSignal<SaveStatus>,
    /// Bumped by every applied action; autosave watches it.
    revision: RwSignal<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Whether the start page already offered to resume (once per page load).
    pub resumed: StoredValue<bool>,
}

impl AppState {
    /// Builds the state with the default catalog and nothing open.
    pub fn new() -> AppState {
        let catalog = StoredValue::new(Catalog::default_catalog());
        let assessment = RwSignal::new(None::<Assessment>);
        let results =
            Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| catalog.with_value(|c| evaluate(c, a)))));
        AppState {
            catalog,
            assessment,
            results,
            error: RwSignal::new(None),
            save_status: RwSignal::new(SaveStatus::Idle),
            revision: RwSignal::new(0),
            timer: StoredValue::new(None),
            resumed: StoredValue::new(false),
        }
    }

    /// The catalog reference recorded in saved files.
    pub fn catalog_ref(&self) -> CatalogRef {
        self.catalog.with_value(|c| CatalogRef { id: c.id.clone(), version: c.version.clone() })
    }

    /// Applies an action; returns why it was refused (the assessment is then unchanged).
    pub fn try_dispatch(&self, action: Action) -> Result<(), ActionError> {
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

    /// Opens an assessment, first saving the open one if it has unsaved changes.
    pub fn open(&self, env: Envelope) {
        self.flush();
        self.save_status.set(SaveStatus::Idle);
        self.assessment.set(Some(env.assessment));
    }

    /// Opens a new or copied assessment and saves it at once.
    pub fn create(&self, a: Assessment) {
        self.flush();
        self.assessment.set(Some(a));
        self.save_now();
    }

    /// Saves now if a save is pending.
    pub fn flush(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
            self.save_now();
        }
    }

    fn save_now(&self) {
        self.timer.set_value(None);
        let Some(a) = self.assessment.get_untracked() else { return };
        let completion = self.results.with_untracked(|r| r.as_ref().map(|r| r.completion()).unwrap_or(0.0));
        match storage::save(&Envelope::new(a, self.catalog_ref()), completion) {
            Ok(()) => self.save_status.set(SaveStatus::Saved),
            Err(e) => {
                let msg = e.to_string();
                self.save_status.set(SaveStatus::Failed(msg.clone()));
                self.error.set(Some(msg));
            }
        }
    }

    /// Starts autosave: debounced after each change, flushed when the page hides.
    pub fn start_autosave(&self) {
        let this = *self;
        Effect::new(move |prev: Option<u64>| {
            let rev = this.revision.get();
            if prev.is_some() && rev != 0 {
                if let Some(h) = this.timer.get_value() {
                    h.clear();
                }
                this.save_status.set(SaveStatus::Pending);
                let handle =
                    set_timeout_with_handle(move || this.save_now(), Duration::from_millis(SAVE_DELAY_MS)).ok();
                this.timer.set_value(handle);
            }
            rev
        });
        let pagehide = window_event_listener(leptos::ev::pagehide, move |_| this.flush());
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| this.flush());
        on_cleanup(move || {
            pagehide.remove();
            hidden.remove();
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
