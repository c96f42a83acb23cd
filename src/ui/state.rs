//! The one shared state: the catalog, the open assessment, its evaluation
//! (one `Memo` every page reads) and the error banner. Persistence runs from
//! one root effect.

use crate::domain::assessment::CatalogRef;
use crate::domain::format::Envelope;
use crate::domain::{evaluate, Action, Assessment, Catalog, Results};
use crate::storage;
use leptos::prelude::*;

/// Shared app state, provided once at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    pub catalog: StoredValue<Catalog>,
    pub assessment: RwSignal<Option<Assessment>>,
    pub results: Memo<Option<Results>>,
    pub error: RwSignal<Option<String>>,
}

impl AppState {
    /// Builds the state with the default catalog and nothing open.
    pub fn new() -> AppState {
        let catalog = StoredValue::new(Catalog::default_catalog());
        let assessment = RwSignal::new(None::<Assessment>);
        let results =
            Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| catalog.with_value(|c| evaluate(c, a)))));
        AppState { catalog, assessment, results, error: RwSignal::new(None) }
    }

    /// The catalog reference recorded in saved files.
    pub fn catalog_ref(&self) -> CatalogRef {
        self.catalog.with_value(|c| CatalogRef { id: c.id.clone(), version: c.version.clone() })
    }

    /// Applies an action to the open assessment; a refused action shows its reason.
    pub fn dispatch(&self, action: Action) {
        let mut refused = None;
        self.assessment.update(|a| {
            if let Some(a) = a {
                if let Err(e) = a.apply(action) {
                    refused = Some(e.to_string());
                }
            }
        });
        if let Some(msg) = refused {
            self.error.set(Some(msg));
        }
    }

    /// Opens an assessment (replacing the open one, which is already saved).
    pub fn open(&self, env: Envelope) {
        self.assessment.set(Some(env.assessment));
    }

    /// Saves the open assessment whenever it changes.
    pub fn start_autosave(&self) {
        let this = *self;
        Effect::new(move |_| {
            let Some(a) = this.assessment.get() else {
                return;
            };
            if let Err(e) = storage::save(&Envelope::new(a, this.catalog_ref())) {
                this.error.set(Some(e.to_string()));
            }
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
