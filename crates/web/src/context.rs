//! The one shared state of the shell, provided as a Leptos context.

use super::fetch::fetch_text;
use super::library::merge_library;
use super::storage::{MemoryStorage, Store};
use super::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::{load_curriculum, Course, Curriculum};
use masterly_core::content::rng::FastSet;
use masterly_core::device::profiles::Profiles;
use masterly_core::device::workbook::{ActivityMeter, Workbook};
use masterly_core::format::catalog::{listed_courses, parse_catalog, ListedCourse, Listing};
use masterly_core::teacher::reports::ClassRecord;
use masterly_core::teacher::roster::{class_id, Roster};
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

/// Something the student must be told about their saved work, shown in a banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// A file the student can download from the banner: (file name, contents).
    pub download: Option<(String, String)>,
    /// Offer to export the current progress file (when storage is full or blocked).
    pub offer_export: bool,
}

#[derive(Clone, Copy)]
pub struct AppContext {
    pub library: RwSignal<Library>,
    pub profiles: RwSignal<Profiles>,
    /// The current learner's workbook for the chosen curriculum.
    pub workbook: RwSignal<Option<Workbook>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The class the teacher has read from progress files, kept in this tab only.
    pub class: RwSignal<ClassRecord>,
    /// The class the teacher is setting up for a class file, kept in this tab only.
    pub roster: RwSignal<Roster>,
    pub(crate) store: StoredValue<Store, LocalStorage>,
    pub(crate) meter: StoredValue<ActivityMeter>,
    /// Active milliseconds on the item on screen, for its attempt's active seconds.
    pub(crate) item_active_ms: StoredValue<i64>,
    /// Active milliseconds not yet added to the workbook.
    pub(crate) unsaved_active_ms: StoredValue<i64>,
    pub(crate) generation: StoredValue<u64>,
    /// The workbook key and the ids of the attempts its archive holds, as this tab
    /// last read or wrote it.
    pub(crate) archived: StoredValue<Option<(String, FastSet<String>)>>,
    /// The storage refused an archive on this page; the workbook key keeps all.
    pub(crate) archive_refused: StoredValue<bool>,
}

impl AppContext {
    /// A context over the browser's local storage (memory when it is blocked).
    pub fn new() -> Self {
        AppContext::with_store(Store::open_browser())
    }

    pub fn with_store(store: Store) -> Self {
        let now = crate::browser::now();
        let context = AppContext {
            library: RwSignal::new(Library::Loading),
            profiles: RwSignal::new(Profiles::default()),
            workbook: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            class: RwSignal::new(ClassRecord::default()),
            roster: RwSignal::new(new_roster()),
            store: StoredValue::new_local(store),
            meter: StoredValue::new(ActivityMeter::new(now)),
            item_active_ms: StoredValue::new(0),
            unsaved_active_ms: StoredValue::new(0),
            generation: StoredValue::new(0),
            archived: StoredValue::new(None),
            archive_refused: StoredValue::new(false),
        };
        context.load_profiles();
        context
    }

    /// A context in memory holding these curricula: for browser tests.
    pub fn with_curricula(curricula: Vec<Arc<Curriculum>>) -> Self {
        AppContext::with_shelves(loaded_shelves(curricula))
    }

    /// A context in memory with this library: for browser tests.
    pub fn with_shelves(shelves: Vec<Shelf>) -> Self {
        let memory = Box::<MemoryStorage>::default();
        let context = AppContext::with_store(Store::with_backend(memory, false));
        context.set_curricula(shelves);
        context
    }

    /// Makes these (bundled) curricula and those opened from files on this device
    /// the library.
    pub fn set_library(&self, bundled: Vec<Shelf>) {
        let curricula = merge_library(bundled, self.stored_imports());
        self.library.set(Library::Ready(curricula));
    }

    /// Makes the library as [`AppContext::set_library`] does, and opens the current
    /// learner's course.
    pub fn set_curricula(&self, bundled: Vec<Shelf>) {
        self.set_library(bundled);
        self.open_current_learner();
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
    /// [`AppContext::fetch_listed`]), then runs `then`; when there is nothing to
    /// fetch, runs `then` at once.
    pub fn load_listed(&self, curriculum_id: &str, then: impl FnOnce(&AppContext) + 'static) {
        let context = *self;
        if !matches!(
            untrack(|| self.find_shelf(curriculum_id)),
            Some(Shelf::Listed(_))
        ) {
            return then(&context);
        }
        let curriculum_id = curriculum_id.to_string();
        leptos::task::spawn_local(async move {
            context.fetch_listed(&curriculum_id).await;
            then(&context);
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
                self.notify(Notice {
                    text: text::bundled_course_unusable(&reason),
                    download: None,
                    offer_export: false,
                });
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

    /// The curriculum of the open workbook.
    pub fn curriculum(&self) -> Option<Arc<Curriculum>> {
        let id = self.workbook.with(|workbook| {
            workbook
                .as_ref()
                .map(|workbook| workbook.curriculum.id.clone())
        })?;
        self.find_curriculum(&id)
    }

    /// Fetches the catalog, and the curricula it gives no listing for, from the
    /// app's own files, then opens the current learner's course (the student's
    /// page). A listed curriculum is fetched when a course of it is opened.
    pub fn load_bundled_curricula(&self) {
        self.fetch_library(Fetch::Unlisted, AppContext::set_curricula);
    }

    /// Fetches every bundled curriculum into the library and opens nothing (the
    /// teacher's page, whose reports need them all).
    pub fn load_library(&self) {
        self.fetch_library(Fetch::All, AppContext::set_library);
    }

    fn fetch_library(&self, fetch: Fetch, then: fn(&AppContext, Vec<Shelf>)) {
        let context = *self;
        leptos::task::spawn_local(async move {
            match fetch_bundled(fetch).await {
                Ok(shelves) => then(&context, shelves),
                Err(reason) => context.library.set(Library::Failed(reason)),
            }
        });
    }
}

/// Which bundled curricula to fetch as a page opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fetch {
    All,
    /// Those the catalog gives no listing for.
    Unlisted,
}

/// An empty roster with a fresh class id.
pub fn new_roster() -> Roster {
    let mut roster = Roster::default();
    roster.class.id = class_id(crate::browser::random_u64());
    roster
}

impl Default for AppContext {
    fn default() -> Self {
        AppContext::new()
    }
}

async fn fetch_bundled(fetch: Fetch) -> Result<Vec<Shelf>, String> {
    let catalog_text = fetch_text(CATALOG_URL)
        .await
        .map_err(|error| format!("{CATALOG_URL}: {error}"))?;
    let catalog =
        parse_catalog(&catalog_text).map_err(|error| format!("{CATALOG_URL}: {error}"))?;
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
    let loaded = load_curriculum(&text).map_err(|errors| format!("{url}: {errors}"))?;
    Ok(Arc::new(loaded.curriculum))
}
