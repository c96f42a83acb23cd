//! [`Library`]: everything the app does with stored assessments — list, open,
//! create, rename, duplicate, follow-up, delete and undo, export, back up,
//! import (all or nothing) — plus the save status, conflicts with another tab,
//! data moved aside, catalogs loaded from files and where to resume. Pages and
//! components go through it; only it (and `state.rs`) calls `storage`.

use super::state::{Notices, SaveStatus, Store};
use crate::domain::catalog::{default_head, CatalogHead};
use crate::domain::format::{decode, Backup, Envelope};
use crate::domain::sample::{SAMPLE_FILE, SAMPLE_ID};
use crate::domain::{evaluate, Assessment, Catalog};
use crate::storage::{self, IndexEntry, Quarantined};
use crate::ui::route::parse_path;
use crate::ui::util::{download, fetch_text, new_id, slug, today};
use leptos::prelude::*;

/// The stored assessments and how saving goes.
#[derive(Clone, Copy)]
pub struct Library {
    /// The saved-assessments list, most recently changed first.
    pub saved: ReadSignal<Vec<IndexEntry>>,
    pub save_status: ReadSignal<SaveStatus>,
    /// Another tab's version of the open assessment, when both changed it.
    pub conflict: ReadSignal<Option<String>>,
    /// Stored data found unreadable and moved aside.
    pub quarantine: ReadSignal<Vec<Quarantined>>,
    /// Why nothing can be saved in this browser, when that is so.
    pub unavailable: ReadSignal<Option<String>>,
    /// Catalogs loaded from files (besides the built-in default).
    pub custom_catalogs: ReadSignal<Vec<Catalog>>,
    store: Store,
}

/// Stored assessments with their evaluations ([`Library::evaluated`]).
#[derive(Default)]
pub struct Evaluated {
    pub items: Vec<(Assessment, crate::domain::Results)>,
    /// How each of `items` was scored (same order).
    pub scoring: Vec<crate::domain::units::Scoring>,
    /// Names of those evaluated against the default catalog because theirs is not loaded here.
    pub other_catalog: Vec<String>,
    /// Listed but not readable (moved aside at the next start).
    pub unreadable: usize,
}

/// The file name of an exported assessment.
pub fn export_name(name: &str) -> String {
    format!("{}.itsm.json", slug(name))
}

/// A catalog's key in the catalog chooser: `id@version`.
pub fn catalog_key(c: &Catalog) -> String {
    format!("{}@{}", c.id, c.version)
}

/// The same key from a catalog's head.
pub fn head_key(c: &CatalogHead) -> String {
    format!("{}@{}", c.id, c.version)
}

impl Library {
    pub(super) fn new(store: Store) -> Library {
        Library {
            saved: store.saved.read_only(),
            save_status: store.save_status.read_only(),
            conflict: store.conflict.read_only(),
            quarantine: store.quarantine.read_only(),
            unavailable: store.unavailable.read_only(),
            custom_catalogs: store.custom_catalogs.read_only(),
            store,
        }
    }

    fn notices(&self) -> Notices {
        self.store.notices
    }

    /// Re-reads the saved-assessments list.
    pub fn refresh(&self) {
        self.store.saved.set(storage::index());
    }

    /// How many characters an assessment takes in storage.
    pub fn size_of(&self, id: &str) -> usize {
        storage::size_of(id)
    }

    /// How much the app keeps in this browser, in characters.
    pub fn stored_size(&self) -> usize {
        storage::stored_size()
    }

    /// Whether anything can be stored here at all.
    pub fn can_store(&self) -> bool {
        storage::available().is_ok()
    }

    /// The browser's figures: (bytes used by this site, bytes it may use).
    pub async fn room(&self) -> Option<(f64, f64)> {
        storage::estimate().await
    }

    /// Whether the browser keeps this site's data under storage pressure
    /// (`ask`: request it first).
    pub async fn kept(&self, ask: bool) -> Option<bool> {
        if ask {
            storage::persist().await
        } else {
            storage::persisted().await
        }
    }

    /// The share answered, by the catalog the assessment records (else the
    /// one in use). Call it once the default catalog is loaded.
    fn completion(&self, env: &Envelope) -> f64 {
        let of = |c: &Catalog| evaluate(c, &env.assessment).completion();
        self.store
            .with_catalog_for(&env.catalog, of)
            .or_else(|| self.store.catalog.with_untracked(|c| c.as_ref().map(of)))
            .unwrap_or(0.0)
    }

    /// Opens the stored assessment `id` unless it is open already (once its
    /// catalog is loaded). Returns false when there is none (an unreadable one
    /// is moved aside and reported).
    pub fn open(&self, id: &str) -> bool {
        if self.store.open_id().as_deref() == Some(id) {
            return true;
        }
        match storage::load(id) {
            Ok(Some((env, text))) => {
                self.store.open(env, text);
                true
            }
            Ok(None) => false,
            Err(_) => {
                let moved = storage::startup_check();
                self.store.quarantine.update(|q| q.extend(moved));
                self.refresh();
                false
            }
        }
    }

    /// Starts a new, empty assessment, saved, then calls `then` with its id;
    /// with a template of the catalog in use, its scope and targets are filled in.
    pub fn create_new(&self, template: Option<String>, then: impl FnOnce(String) + 'static) {
        let this = *self;
        let make = move || {
            let mut a = Assessment::new(&new_id("a"), "New assessment", &today());
            this.store.catalog.with_untracked(|c| {
                if let Some((c, t)) = c.as_ref().and_then(|c| Some(c).zip(template.and_then(|t| c.template(&t)))) {
                    a.name = format!("New assessment ({})", t.name);
                    a.apply_template(c, t);
                }
            });
            a
        };
        self.store.when_catalog_loaded(move || {
            let a = make();
            let id = a.id.clone();
            this.store.create(a, move || {
                this.refresh();
                then(id);
            });
        });
    }

    /// Opens the Pizza&Pizza sample — the saved copy when there is one, else
    /// a fresh one made with the built-in catalog from the sample file, fetched
    /// on first use — then calls `then` with its id.
    pub fn open_sample(&self, then: impl FnOnce(String) + 'static) {
        if self.open(SAMPLE_ID) {
            then(SAMPLE_ID.into());
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            match fetch_text(SAMPLE_FILE).await.and_then(|t| decode(&t).map_err(|e| e.to_string())) {
                Ok(env) => {
                    let id = env.assessment.id.clone();
                    // Opened in the meantime (a second click, another tab): keep that copy.
                    if this.open(&id) {
                        then(id);
                        return;
                    }
                    this.store.flush();
                    this.store.close_unsaved();
                    this.store.when_default_loaded(move || {
                        this.store.catalog.set(this.store.default.get_value());
                        this.store.create(env.assessment, move || {
                            this.refresh();
                            then(id);
                        });
                    });
                }
                Err(e) => this.notices().error(format!("The sample could not be loaded: {e}.")),
            }
        });
    }

    /// Loads a saved assessment, changes it and saves it (or edits the open one).
    fn edit_saved(&self, id: &str, f: impl FnOnce(&mut Assessment)) -> Result<(), String> {
        let open = self.store.open_id().as_deref() == Some(id);
        if open {
            self.store.flush();
        }
        let (mut env, text) = storage::load(id).map_err(|e| e.to_string())?.ok_or("It is no longer saved.")?;
        f(&mut env.assessment);
        storage::save(&env, self.completion(&env), Some(&text)).map_err(|e| e.to_string())?;
        if open {
            if let Ok(Some((env, text))) = storage::load(id) {
                self.store.open(env, text);
            }
        }
        Ok(())
    }

    fn report(&self, r: Result<(), String>) {
        if let Err(e) = r {
            self.notices().error(format!("That did not work: {e}"));
        }
        self.refresh();
    }

    /// Renames a saved assessment.
    pub fn rename(&self, id: &str, name: String) {
        let (this, id) = (*self, id.to_string());
        self.store.when_default_loaded(move || {
            let r = this.edit_saved(&id, |a| a.name = name);
            this.report(r);
        });
    }

    /// Saves a copy named "Copy of …".
    pub fn duplicate(&self, id: &str) {
        let r = storage::load(id).map_err(|e| e.to_string()).and_then(|l| {
            let (env, _) = l.ok_or("It is no longer saved.")?;
            let copy = env.assessment.duplicate(&new_id("a"), &format!("Copy of {}", env.assessment.name));
            storage::put(&Envelope::new(copy, env.catalog), 0.0).map(|_| ()).map_err(|e| e.to_string())
        });
        self.report(r);
    }

    /// Starts a follow-up of a saved assessment (it becomes the baseline),
    /// opens it and calls `then` with the new id.
    pub fn follow_up(&self, id: &str, then: impl FnOnce(String) + 'static) {
        match storage::load(id) {
            Ok(Some((env, _))) => {
                let next = env.assessment.follow_up(&new_id("a"), &today());
                let nid = next.id.clone();
                let this = *self;
                this.store.create(next, move || {
                    this.refresh();
                    then(nid);
                });
            }
            Ok(None) => self.report(Err("It is no longer saved.".into())),
            Err(e) => self.report(Err(e.to_string())),
        }
    }

    /// Downloads a saved assessment exactly as stored.
    pub fn export(&self, id: &str, name: &str) {
        match storage::raw(id) {
            Some(text) => {
                download(&export_name(name), "application/json", &text);
            }
            None => self.report(Err("It is no longer saved.".into())),
        }
    }

    /// Downloads the open assessment as it is in this tab (saved or not).
    pub fn export_open(&self) {
        if let Some(env) = self.store.envelope() {
            download(&export_name(&env.assessment.name), "application/json", &env.encode());
        }
    }

    /// Downloads every saved assessment as one backup file.
    pub fn backup_all(&self) {
        let list: Vec<Envelope> =
            storage::index().iter().filter_map(|e| storage::raw(&e.id)).filter_map(|t| decode(&t).ok()).collect();
        let n = list.len();
        download(&format!("itsm-backup-{}.json", today()), "application/json", &Backup::new(list).encode());
        self.notices().info(format!("Backup of {n} assessments downloaded."));
    }

    /// Deletes a saved assessment; returns its stored text so it can be brought back.
    pub fn delete(&self, id: &str) -> Option<String> {
        if self.store.open_id().as_deref() == Some(id) {
            self.store.close_unsaved();
        }
        let text = storage::raw(id);
        if text.is_some() {
            storage::remove(id);
        }
        self.refresh();
        text
    }

    /// Brings back a deleted assessment from its stored text.
    pub fn undo_delete(&self, text: &str) {
        let (this, text) = (*self, text.to_string());
        self.store.when_default_loaded(move || {
            let r = decode(&text)
                .map_err(|e| e.to_string())
                .and_then(|env| storage::put(&env, this.completion(&env)).map(|_| ()).map_err(|e| e.to_string()));
            this.report(r);
        });
    }

    /// The name of the saved assessment with this id, if there is one.
    pub fn saved_name(&self, id: &str) -> Option<String> {
        self.store.saved.with_untracked(|l| l.iter().find(|e| e.id == id).map(|e| e.name.clone()))
    }

    /// Writes imported assessments, all or nothing: when one write fails, the
    /// earlier ones are rolled back. `as_copies` gives ids already taken a new
    /// id. Calls `done` with how many were written (once the default catalog
    /// is loaded: the list shows each one's share answered).
    pub fn import(
        &self,
        envelopes: Vec<Envelope>,
        as_copies: bool,
        done: impl FnOnce(Result<usize, String>) + 'static,
    ) {
        let this = *self;
        self.store.when_default_loaded(move || done(this.import_now(envelopes, as_copies)));
    }

    fn import_now(&self, envelopes: Vec<Envelope>, as_copies: bool) -> Result<usize, String> {
        let mut written: Vec<(String, Option<String>)> = Vec::new();
        for mut env in envelopes {
            if as_copies && storage::raw(&env.assessment.id).is_some() {
                env.assessment.id = new_id("a");
                env.assessment.name = format!("{} (imported)", env.assessment.name);
            }
            let id = env.assessment.id.clone();
            let previous = storage::raw(&id);
            if let Err(e) = storage::put(&env, self.completion(&env)) {
                for (id, previous) in written.iter().rev() {
                    storage::restore_raw(id, previous.as_deref());
                }
                self.refresh();
                return Err(e.to_string());
            }
            written.push((id, previous));
        }
        if written.iter().any(|(id, _)| self.store.open_id().as_deref() == Some(id.as_str())) {
            self.store.close_unsaved();
        }
        self.refresh();
        Ok(written.len())
    }

    /// Another saved assessment, decoded (a baseline to compare with).
    pub fn load(&self, id: &str) -> Option<Assessment> {
        storage::load(id).ok().flatten().map(|(env, _)| env.assessment)
    }

    /// A stored assessment evaluated against its own catalog, if that catalog
    /// is loaded in this browser (None otherwise: no stand-in is used).
    pub fn load_evaluated(&self, id: &str) -> Option<(Assessment, crate::domain::Results)> {
        let (env, _) = storage::load(id).ok().flatten()?;
        let r = self.store.with_catalog_for(&env.catalog, |c| evaluate(c, &env.assessment))?;
        Some((env.assessment, r))
    }

    /// Every stored assessment of `ids`, each evaluated against its own
    /// catalog (the organization view), once the default catalog is loaded;
    /// pending changes of the open assessment are saved first. An assessment
    /// whose catalog is not loaded in this browser is evaluated against the
    /// default one and says so; unreadable ones are left out and counted.
    pub fn evaluated(&self, ids: Vec<String>, then: impl FnOnce(Evaluated) + 'static) {
        self.store.flush();
        let store = self.store;
        store.when_default_loaded(move || {
            let mut out = Evaluated::default();
            for id in ids {
                let Ok(Some((env, _))) = storage::load(&id) else {
                    out.unreadable += 1;
                    continue;
                };
                let own = store.with_catalog_for(&env.catalog, |c| evaluate(c, &env.assessment));
                let mut scoring = crate::domain::units::Scoring {
                    catalog: format!("{} {}", env.catalog.id, env.catalog.version).trim().to_string(),
                    fallback: own.is_none(),
                };
                let results = match own {
                    Some(r) => r,
                    None => {
                        let Some(r) = store.with_catalog_for(&store.default_ref(), |c| evaluate(c, &env.assessment))
                        else {
                            out.unreadable += 1;
                            continue;
                        };
                        out.other_catalog.push(env.assessment.name.clone());
                        let d = store.default_ref();
                        scoring.catalog = format!("{} {} (stand-in)", d.id, d.version);
                        r
                    }
                };
                out.items.push((env.assessment, results));
                out.scoring.push(scoring);
            }
            then(out);
        });
    }

    /// The text of a custom catalog as it was loaded from its file.
    pub fn catalog_text(&self, id: &str, version: &str) -> Option<String> {
        storage::catalog_text(id, version)
    }

    /// Resolves a conflict: keep this tab's version (overwrite the other).
    pub fn keep_mine(&self) {
        if let Some(theirs) = self.store.conflict.get_untracked() {
            self.store.last_text.set_value(Some(theirs));
            self.store.conflict.set(None);
            self.store.save_now();
        }
    }

    /// Resolves a conflict: load the other tab's version (this tab's unsaved changes are dropped).
    pub fn load_theirs(&self) {
        if let Some(theirs) = self.store.conflict.get_untracked() {
            match decode(&theirs) {
                Ok(env) => {
                    crate::ui::util::cancel_timeout(self.store.timer);
                    self.store.conflict.set(None);
                    self.store.last_text.set_value(Some(theirs));
                    self.store.save_status.set(SaveStatus::Saved);
                    self.store.assessment.set(Some(env.assessment));
                }
                Err(e) => self.notices().error(format!("The other tab's version cannot be read: {e}")),
            }
        }
    }

    /// Downloads the raw text of data moved aside.
    pub fn download_quarantined(&self, q: &Quarantined) {
        if let Some(text) = storage::read_quarantined(&q.key) {
            download(&format!("{}-unreadable.json", slug(&q.id)), "application/json", &text);
        }
    }

    /// Deletes data moved aside (the user chose to).
    pub fn discard_quarantined(&self, key: &str) {
        storage::discard_quarantined(key);
        self.store.quarantine.update(|l| l.retain(|x| x.key != key));
    }

    /// Hides the moved-aside banner (the data stays).
    pub fn hide_quarantine(&self) {
        self.store.quarantine.set(Vec::new());
    }

    /// No resume in this page load: it started on another page than the
    /// start page (a deep link or a reload), so going home shows the start page.
    pub fn skip_resume(&self) {
        self.store.resumed.set_value(true);
    }

    /// Where to resume, once per page load: the last page, if its assessment is still saved.
    pub fn take_resume(&self) -> Option<String> {
        if self.store.resumed.get_value() {
            return None;
        }
        self.store.resumed.set_value(true);
        let path = storage::last_path()?;
        let (id, _) = parse_path(&path)?;
        self.store.saved.with_untracked(|s| s.iter().any(|e| e.id == id)).then_some(path)
    }

    /// Remembers the page the user is on, when it belongs to the open assessment.
    pub fn remember_page(&self, path: &str) {
        if let (Some((id, _)), Some(open)) = (parse_path(path), self.store.open_id()) {
            if id == open {
                storage::set_last_path(path);
            }
        }
    }

    /// Uses a catalog (by [`catalog_key`]) for new assessments; closes the open one.
    pub fn choose_catalog(&self, key: &str) {
        let chosen = if key == head_key(&default_head()) {
            // The default one, loaded when an assessment needs it.
            Some(self.store.default.get_value())
        } else {
            self.store.custom_catalogs.with_untracked(|l| l.iter().find(|c| catalog_key(c) == key).cloned().map(Some))
        };
        if let Some(c) = chosen {
            self.store.flush();
            self.store.close_unsaved();
            self.store.catalog.set(c);
        }
    }

    /// The name and templates of the catalog for new assessments (tracked).
    pub fn head(&self) -> CatalogHead {
        self.store.head()
    }

    /// Keeps a validated catalog file (its text) so assessments made with it open next time.
    pub fn add_catalog(&self, c: Catalog, text: &str) -> bool {
        if let Err(e) = storage::save_catalog(&c, text) {
            self.notices().error(e.to_string());
            return false;
        }
        self.store.custom_catalogs.update(|l| {
            l.retain(|x| catalog_key(x) != catalog_key(&c));
            l.push(c);
        });
        true
    }
}
