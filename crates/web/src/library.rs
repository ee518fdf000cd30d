//! The library of curricula a device offers: the bundled ones, fetched from the
//! app's own files (a curriculum the catalog lists is fetched only when one of its
//! courses is opened), and those opened from files. A curriculum opened from a
//! file is checked by the engine, kept in storage exactly as written, and listed
//! with the bundled ones from then on; a file with the id of a curriculum already
//! here replaces it (the teacher's newer copy), and the person is told which
//! version it replaced.

use super::device::{Device, Notice};
use super::fetch::fetch_text;
use super::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::{load_curriculum, Course, Curriculum};
use masterly_core::format::catalog::{listed_courses, parse_catalog, ListedCourse, Listing};
use masterly_text::Say;
use std::sync::Arc;

/// Where the bundled curricula are served from, relative to the page.
const CURRICULA_DIR: &str = "curricula/";
const CATALOG_URL: &str = "curricula/index.json";

#[derive(Debug, Clone, PartialEq)]
pub enum Library {
    Loading,
    /// The curricula in the order they are offered: bundled ones first, in the
    /// catalog's order, then those opened from files.
    Ready(Vec<Shelf>),
    Failed(String),
}

/// A curriculum in the library: loaded, or bundled and known only from the catalog
/// until one of its courses is opened (then it is fetched and takes this place).
#[derive(Debug, Clone, PartialEq)]
pub enum Shelf {
    Loaded(Arc<Curriculum>),
    Listed(Listing),
}

impl Shelf {
    pub fn id(&self) -> &str {
        match self {
            Shelf::Loaded(curriculum) => &curriculum.id,
            Shelf::Listed(listing) => &listing.id,
        }
    }

    pub fn loaded(&self) -> Option<&Arc<Curriculum>> {
        match self {
            Shelf::Loaded(curriculum) => Some(curriculum),
            Shelf::Listed(_) => None,
        }
    }

    /// Every course it offers: (id, title).
    pub fn courses(&self) -> Vec<ListedCourse> {
        match self {
            Shelf::Loaded(curriculum) => listed_courses(curriculum),
            Shelf::Listed(listing) => listing.courses.clone(),
        }
    }
}

/// Loaded curricula on their shelves.
pub fn loaded_shelves(curricula: Vec<Arc<Curriculum>>) -> Vec<Shelf> {
    curricula.into_iter().map(Shelf::Loaded).collect()
}

/// Which course the student is looking at: (curriculum id, course id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseChoice {
    pub curriculum_id: String,
    pub course_id: String,
}

/// Every course of these curricula, in library order: the choice and the course.
pub fn course_choices(curricula: &[Arc<Curriculum>]) -> Vec<(CourseChoice, &Course)> {
    curricula
        .iter()
        .flat_map(|curriculum| {
            curriculum.courses.iter().map(|course| {
                let choice = CourseChoice {
                    curriculum_id: curriculum.id.clone(),
                    course_id: course.id.clone(),
                };
                (choice, course)
            })
        })
        .collect()
}

/// Every course the library offers, loaded or listed, in library order: the choice
/// and the course's title.
pub fn offered_courses(shelves: &[Shelf]) -> Vec<(CourseChoice, String)> {
    shelves
        .iter()
        .flat_map(|shelf| {
            shelf.courses().into_iter().map(|course| {
                let choice = CourseChoice {
                    curriculum_id: shelf.id().to_string(),
                    course_id: course.id,
                };
                (choice, course.title)
            })
        })
        .collect()
}

/// The ids of the curricula opened from files, in the order they were added.
const IMPORTED_KEY: &str = "masterly.imported-curricula";
const IMPORTED_KIND: &str = "imported-curricula";
const CURRICULUM_KIND: &str = "curriculum";

fn curriculum_key(curriculum_id: &str) -> String {
    format!("masterly.curriculum.{curriculum_id}")
}

/// What opening a curriculum file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    Added { title: String },
    AlreadyHere { title: String },
    Replaced { title: String, old_version: String },
}

impl Imported {
    pub fn message(&self) -> String {
        match self {
            Imported::Added { title } => text::curriculum_added(title),
            Imported::AlreadyHere { title } => text::curriculum_already_here(title),
            Imported::Replaced { title, old_version } => {
                text::curriculum_replaced(title, old_version)
            }
        }
    }
}

/// The bundled curricula with the imported ones: an imported copy takes the place
/// of one with the same id, loaded or listed.
pub fn merge_library(bundled: Vec<Shelf>, imported: Vec<Arc<Curriculum>>) -> Vec<Shelf> {
    let mut library = bundled;
    for curriculum in imported {
        match library.iter_mut().find(|shelf| shelf.id() == curriculum.id) {
            Some(slot) => *slot = Shelf::Loaded(curriculum),
            None => library.push(Shelf::Loaded(curriculum)),
        }
    }
    library
}

impl Device {
    /// Makes these (bundled) curricula and those opened from files on this device
    /// the library.
    pub fn set_library(&self, bundled: Vec<Shelf>) {
        let curricula = merge_library(bundled, self.stored_imports());
        self.library.set(Library::Ready(curricula));
    }

    /// The curricula of the library that are loaded.
    pub fn curricula(&self) -> Vec<Arc<Curriculum>> {
        self.library.with(|library| match library {
            Library::Ready(shelves) => shelves.iter().filter_map(Shelf::loaded).cloned().collect(),
            _ => Vec::new(),
        })
    }

    /// Every shelf of the library (none while it loads).
    pub fn shelves(&self) -> Vec<Shelf> {
        match self.library.get() {
            Library::Ready(shelves) => shelves,
            _ => Vec::new(),
        }
    }

    /// The curriculum with this id, if it is loaded.
    pub fn find_curriculum(&self, curriculum_id: &str) -> Option<Arc<Curriculum>> {
        self.find_shelf(curriculum_id)
            .and_then(|shelf| shelf.loaded().cloned())
    }

    pub fn find_shelf(&self, curriculum_id: &str) -> Option<Shelf> {
        match &*self.library.read() {
            Library::Ready(shelves) => shelves
                .iter()
                .find(|shelf| shelf.id() == curriculum_id)
                .cloned(),
            _ => None,
        }
    }

    /// Resolves once the library has loaded (or failed): a file opened on the start
    /// screen is compared with the curricula here only then.
    pub async fn library_loaded(self) {
        while self
            .library
            .with_untracked(|library| matches!(library, Library::Loading))
        {
            crate::browser::pause(20).await;
        }
    }

    /// Fetches a bundled curriculum the library lists but has not loaded (see
    /// [`Device::fetch_listed`]), then runs `then`; when there is nothing to fetch,
    /// runs `then` at once.
    pub fn load_listed(&self, curriculum_id: &str, then: impl FnOnce() + 'static) {
        let device = *self;
        if !matches!(
            untrack(|| self.find_shelf(curriculum_id)),
            Some(Shelf::Listed(_))
        ) {
            return then();
        }
        let curriculum_id = curriculum_id.to_string();
        leptos::task::spawn_local(async move {
            device.fetch_listed(&curriculum_id).await;
            then();
        });
    }

    /// Fetches a bundled curriculum the library lists but has not loaded, and puts
    /// it in its place. A file that cannot be fetched or loaded is taken off the
    /// library, with a notice naming it and the problem, so it is never listed
    /// unloaded after this returns.
    pub async fn fetch_listed(self, curriculum_id: &str) {
        let listing = match untrack(|| self.find_shelf(curriculum_id)) {
            Some(Shelf::Listed(listing)) => listing,
            _ => return,
        };
        let url = format!("{CURRICULA_DIR}{}", listing.file);
        let fetched = fetch_curriculum(&url).await.and_then(|curriculum| {
            if curriculum.id == listing.id {
                Ok(curriculum)
            } else {
                Err(text::listed_as_another(&url, &curriculum.id, &listing.id))
            }
        });
        match fetched {
            Ok(curriculum) => self.shelve(&listing, curriculum),
            Err(reason) => {
                self.notify(Notice::says(text::bundled_course_unusable(&reason)));
                self.unshelve(&listing, reason);
            }
        }
    }

    /// Puts the fetched `curriculum` where its `listing` is, if the listing is still
    /// there (an opened file may have taken its place meanwhile).
    fn shelve(&self, listing: &Listing, curriculum: Arc<Curriculum>) {
        self.library.update(|library| {
            if let Library::Ready(shelves) = library {
                let listed = |shelf: &&mut Shelf| matches!(shelf, Shelf::Listed(l) if l == listing);
                if let Some(slot) = shelves.iter_mut().find(listed) {
                    *slot = Shelf::Loaded(curriculum);
                }
            }
        });
    }

    /// Takes a listing that could not be loaded off the library; with nothing left,
    /// the library has failed for `reason`.
    fn unshelve(&self, listing: &Listing, reason: String) {
        self.library.update(|library| {
            if let Library::Ready(shelves) = library {
                shelves.retain(|shelf| !matches!(shelf, Shelf::Listed(l) if l == listing));
                if shelves.is_empty() {
                    *library = Library::Failed(reason);
                }
            }
        });
    }

    /// Fetches the catalog and the bundled curricula `fetch` asks for, then gives
    /// them to `then` (or marks the library failed).
    pub fn fetch_library(&self, fetch: Fetch, then: impl FnOnce(Vec<Shelf>) + 'static) {
        let device = *self;
        leptos::task::spawn_local(async move {
            match fetch_bundled(fetch).await {
                Ok(shelves) => then(shelves),
                Err(reason) => device.library.set(Library::Failed(reason)),
            }
        });
    }

    fn imported_ids(&self) -> Vec<String> {
        self.load_text(IMPORTED_KEY, IMPORTED_KIND, text::IMPORTED_COURSES)
            .and_then(|text| masterly_core::format::objects_only::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// The curricula opened from files on this device, as stored. One that no longer
    /// loads is left out, with a notice that says why.
    pub(crate) fn stored_imports(&self) -> Vec<Arc<Curriculum>> {
        self.imported_ids()
            .iter()
            .filter_map(|id| {
                let text =
                    self.load_text(&curriculum_key(id), CURRICULUM_KIND, text::IMPORTED_COURSES)?;
                match load_curriculum(&text) {
                    Ok(loaded) => Some(Arc::new(loaded.curriculum)),
                    Err(errors) => {
                        self.notify(Notice {
                            text: text::stored_course_unusable(id, &errors.say()),
                            download: Some((format!("{id}.json"), text)),
                            offer_export: false,
                        });
                        None
                    }
                }
            })
            .collect()
    }

    /// Adds a checked curriculum to the library and keeps `file_text` (its file, as
    /// written) on this device. A copy already here with the same id is replaced.
    pub fn add_curriculum(&self, curriculum: Curriculum, file_text: &str) -> Imported {
        let title = curriculum.title.clone();
        let outcome = match untrack(|| self.find_curriculum(&curriculum.id)) {
            None => Imported::Added { title },
            Some(old) if old.content_hash() == curriculum.content_hash() => {
                Imported::AlreadyHere { title }
            }
            Some(old) => Imported::Replaced {
                title,
                old_version: old.version.clone(),
            },
        };
        if !matches!(outcome, Imported::AlreadyHere { .. }) {
            // Stored first, then the list of imports, so a failed write never lists
            // a curriculum that is not there. A failed write keeps the curriculum for
            // this visit, and the banner says it will not be kept.
            let key = curriculum_key(&curriculum.id);
            let mut ids = self.imported_ids();
            if !ids.contains(&curriculum.id) {
                ids.push(curriculum.id.clone());
            }
            let listed = serde_json::to_string(&ids).unwrap_or_default();
            let kept = self
                .save_quietly(&key, CURRICULUM_KIND, file_text)
                .and_then(|()| self.save_quietly(IMPORTED_KEY, IMPORTED_KIND, &listed));
            if let Err(error) = kept {
                self.notify(Notice::says(text::course_not_kept(
                    &curriculum.title,
                    &error,
                )));
            }
        }
        let library = match self.library.get_untracked() {
            Library::Ready(shelves) => shelves,
            _ => Vec::new(),
        };
        self.library.set(Library::Ready(merge_library(
            library,
            vec![Arc::new(curriculum)],
        )));
        outcome
    }

    /// Adds the curriculum a class file carries, kept as Masterly writes it.
    pub fn add_carried_curriculum(&self, curriculum: Curriculum) -> Imported {
        let file_text = serde_json::to_string(&curriculum).unwrap_or_default();
        self.add_curriculum(curriculum, &file_text)
    }

    /// The file of a curriculum as kept on this device (an opened one as it was
    /// written; a bundled one as Masterly reads it), to download and share.
    pub fn curriculum_file(&self, curriculum_id: &str) -> Option<String> {
        if self.imported_ids().iter().any(|id| id == curriculum_id) {
            if let Some(text) = self.load_text(
                &curriculum_key(curriculum_id),
                CURRICULUM_KIND,
                text::IMPORTED_COURSES,
            ) {
                return Some(text);
            }
        }
        let curriculum = untrack(|| self.find_curriculum(curriculum_id))?;
        masterly_core::format::json::to_pretty_json(&*curriculum)
    }
}

/// Which bundled curricula to fetch as a page opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    /// Every one (the teacher's page, whose reports need them all).
    All,
    /// Those the catalog gives no listing for (the student's page).
    Unlisted,
}

async fn fetch_bundled(fetch: Fetch) -> Result<Vec<Shelf>, String> {
    let catalog_text = fetch_text(CATALOG_URL)
        .await
        .map_err(|error| format!("{CATALOG_URL}: {error}"))?;
    let catalog =
        parse_catalog(&catalog_text).map_err(|error| format!("{CATALOG_URL}: {}", error.say()))?;
    let mut shelves = Vec::new();
    for entry in catalog.curricula {
        match entry.listing().filter(|_| fetch == Fetch::Unlisted) {
            Some(listing) => shelves.push(Shelf::Listed(listing)),
            None => {
                let url = format!("{CURRICULA_DIR}{}", entry.file);
                shelves.push(Shelf::Loaded(fetch_curriculum(&url).await?));
            }
        }
    }
    if shelves.is_empty() {
        return Err(text::NO_CURRICULA.to_string());
    }
    Ok(shelves)
}

/// Fetches and loads one curriculum file of the app's own.
async fn fetch_curriculum(url: &str) -> Result<Arc<Curriculum>, String> {
    let text = fetch_text(url)
        .await
        .map_err(|error| format!("{url}: {error}"))?;
    let loaded = load_curriculum(&text).map_err(|errors| format!("{url}: {}", errors.say()))?;
    Ok(Arc::new(loaded.curriculum))
}
