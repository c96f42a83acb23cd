//! [`Library`]: everything the app does with stored assessments — list, open,
//! create, rename, duplicate, follow-up, delete and undo, export, back up,
//! import (all or nothing) — plus the save status, conflicts with another tab,
//! data moved aside, catalogs loaded from files and where to resume. Pages and
//! components go through it; only it (and `state.rs`) calls `storage`.

use super::state::{Notices, SaveStatus, Store};
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

/// The file name of an exported assessment.
pub fn export_name(name: &str) -> String {
    format!("{}.itsm.json", slug(name))
}

/// A catalog's key in the catalog chooser: `id@version`.
pub fn catalog_key(c: &Catalog) -> String {
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

    fn completion(&self, a: &Assessment) -> f64 {
        self.store.catalog.with_untracked(|c| evaluate(c, a).completion())
    }

    /// Opens the stored assessment `id` unless it is open already. Returns
    /// false when there is none (an unreadable one is moved aside and reported).
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

    /// Starts a new, empty assessment and returns its id; with a template of
    /// the catalog in use, its scope and targets are filled in.
    pub fn create_new(&self, template: Option<&str>) -> String {
        let mut a = Assessment::new(&new_id("a"), "New assessment", &today());
        self.store.catalog.with_untracked(|c| {
            if let Some(t) = template.and_then(|t| c.template(t)) {
                a.name = format!("New assessment ({})", t.name);
                a.apply_template(c, t);
            }
        });
        let id = a.id.clone();
        self.store.create(a);
        self.refresh();
        id
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
                    if !this.open(&id) {
                        this.store.flush();
                        this.store.close_unsaved();
                        this.store.catalog.set(Catalog::default_catalog());
                        this.store.create(env.assessment);
                        this.refresh();
                    }
                    then(id);
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
        storage::save(&env, self.completion(&env.assessment), Some(&text)).map_err(|e| e.to_string())?;
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
        let r = self.edit_saved(id, |a| a.name = name);
        self.report(r);
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

    /// Starts a follow-up of a saved assessment (it becomes the baseline) and
    /// opens it; returns the new id.
    pub fn follow_up(&self, id: &str) -> Option<String> {
        match storage::load(id) {
            Ok(Some((env, _))) => {
                let next = env.assessment.follow_up(&new_id("a"), &today());
                let nid = next.id.clone();
                self.store.create(next);
                self.refresh();
                Some(nid)
            }
            Ok(None) => {
                self.report(Err("It is no longer saved.".into()));
                None
            }
            Err(e) => {
                self.report(Err(e.to_string()));
                None
            }
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
        let r = decode(text).map_err(|e| e.to_string()).and_then(|env| {
            storage::put(&env, self.completion(&env.assessment)).map(|_| ()).map_err(|e| e.to_string())
        });
        self.report(r);
    }

    /// The name of the saved assessment with this id, if there is one.
    pub fn saved_name(&self, id: &str) -> Option<String> {
        self.store.saved.with_untracked(|l| l.iter().find(|e| e.id == id).map(|e| e.name.clone()))
    }

    /// Writes imported assessments, all or nothing: when one write fails, the
    /// earlier ones are rolled back. `as_copies` gives ids already taken a new
    /// id. Returns how many were written.
    pub fn import(&self, envelopes: Vec<Envelope>, as_copies: bool) -> Result<usize, String> {
        let mut written: Vec<(String, Option<String>)> = Vec::new();
        for mut env in envelopes {
            if as_copies && storage::raw(&env.assessment.id).is_some() {
                env.assessment.id = new_id("a");
                env.assessment.name = format!("{} (imported)", env.assessment.name);
            }
            let id = env.assessment.id.clone();
            let previous = storage::raw(&id);
            if let Err(e) = storage::put(&env, self.completion(&env.assessment)) {
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
        let all = std::iter::once(Catalog::default_catalog()).chain(self.store.custom_catalogs.get_untracked());
        if let Some(c) = all.into_iter().find(|c| catalog_key(c) == key) {
            self.store.flush();
            self.store.close_unsaved();
            self.store.catalog.set(c);
        }
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
