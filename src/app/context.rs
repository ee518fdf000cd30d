//! The one shared state of the shell, provided as a Leptos context.

use super::fetch::fetch_text;
use super::library::merge_library;
use super::storage::{MemoryStorage, Store};
use super::text;
use crate::domain::catalog::parse_catalog;
use crate::domain::curriculum::{load_curriculum, Course, Curriculum};
use crate::domain::profiles::Profiles;
use crate::domain::reports::ClassRecord;
use crate::domain::rng::FastSet;
use crate::domain::roster::{class_id, Roster};
use crate::domain::workbook::{ActivityMeter, Workbook};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the bundled curricula are served from, relative to the page.
const CATALOG_URL: &str = "curricula/index.json";

#[derive(Debug, Clone, PartialEq)]
pub enum Library {
    Loading,
    Ready(Vec<Arc<Curriculum>>),
    Failed(String),
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
        let now = crate::app::browser::now();
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
        let memory = Box::<MemoryStorage>::default();
        let context = AppContext::with_store(Store::with_backend(memory, false));
        context.set_curricula(curricula);
        context
    }

    /// Makes these (bundled) curricula and those opened from files on this device
    /// the library.
    pub fn set_library(&self, bundled: Vec<Arc<Curriculum>>) {
        let curricula = merge_library(bundled, self.stored_imports());
        self.library.set(Library::Ready(curricula));
    }

    /// Makes the library as [`AppContext::set_library`] does, and opens the current
    /// learner's course.
    pub fn set_curricula(&self, bundled: Vec<Arc<Curriculum>>) {
        self.set_library(bundled);
        self.open_current_learner();
    }

    pub fn curricula(&self) -> Vec<Arc<Curriculum>> {
        match self.library.get() {
            Library::Ready(curricula) => curricula,
            _ => Vec::new(),
        }
    }

    pub fn find_curriculum(&self, curriculum_id: &str) -> Option<Arc<Curriculum>> {
        match &*self.library.read() {
            Library::Ready(curricula) => curricula
                .iter()
                .find(|curriculum| curriculum.id == curriculum_id)
                .cloned(),
            _ => None,
        }
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

    /// Fetches the catalog and every curriculum it lists from the app's own files,
    /// then opens the current learner's course (the student's page).
    pub fn load_bundled_curricula(&self) {
        self.fetch_library(AppContext::set_curricula);
    }

    /// Fetches the bundled curricula into the library and opens nothing (the
    /// teacher's page).
    pub fn load_library(&self) {
        self.fetch_library(AppContext::set_library);
    }

    fn fetch_library(&self, then: fn(&AppContext, Vec<Arc<Curriculum>>)) {
        let context = *self;
        leptos::task::spawn_local(async move {
            match fetch_bundled().await {
                Ok(curricula) => then(&context, curricula),
                Err(reason) => context.library.set(Library::Failed(reason)),
            }
        });
    }
}

/// An empty roster with a fresh class id.
pub fn new_roster() -> Roster {
    let mut roster = Roster::default();
    roster.class.id = class_id(crate::app::browser::random_u64());
    roster
}

impl Default for AppContext {
    fn default() -> Self {
        AppContext::new()
    }
}

async fn fetch_bundled() -> Result<Vec<Arc<Curriculum>>, String> {
    let catalog_text = fetch_text(CATALOG_URL)
        .await
        .map_err(|error| format!("{CATALOG_URL}: {error}"))?;
    let catalog =
        parse_catalog(&catalog_text).map_err(|error| format!("{CATALOG_URL}: {error}"))?;
    let mut curricula = Vec::new();
    for entry in catalog.curricula {
        let url = format!("curricula/{}", entry.file);
        let text = fetch_text(&url)
            .await
            .map_err(|error| format!("{url}: {error}"))?;
        let loaded = load_curriculum(&text).map_err(|errors| format!("{url}: {errors}"))?;
        curricula.push(Arc::new(loaded.curriculum));
    }
    if curricula.is_empty() {
        return Err(text::NO_CURRICULA.to_string());
    }
    Ok(curricula)
}
