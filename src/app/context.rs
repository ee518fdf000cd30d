//! The one shared state of the shell, provided as a Leptos context.

use super::fetch::fetch_text;
use super::text;
use crate::domain::catalog::parse_catalog;
use crate::domain::curriculum::{load_curriculum, Curriculum};
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

#[derive(Clone, Copy)]
pub struct AppContext {
    pub library: RwSignal<Library>,
    pub chosen_course: RwSignal<Option<CourseChoice>>,
}

impl AppContext {
    pub fn new() -> Self {
        AppContext {
            library: RwSignal::new(Library::Loading),
            chosen_course: RwSignal::new(None),
        }
    }

    /// A context already holding these curricula, with the first course chosen.
    pub fn with_curricula(curricula: Vec<Arc<Curriculum>>) -> Self {
        let context = AppContext::new();
        context.set_curricula(curricula);
        context
    }

    pub fn set_curricula(&self, curricula: Vec<Arc<Curriculum>>) {
        let first = curricula.iter().find_map(|curriculum| {
            curriculum.courses.first().map(|course| CourseChoice {
                curriculum_id: curriculum.id.clone(),
                course_id: course.id.clone(),
            })
        });
        self.chosen_course.set(first);
        self.library.set(Library::Ready(curricula));
    }

    /// Fetches the catalog and every curriculum it lists from the app's own files.
    pub fn load_bundled_curricula(&self) {
        let context = *self;
        leptos::task::spawn_local(async move {
            match fetch_bundled().await {
                Ok(curricula) => context.set_curricula(curricula),
                Err(reason) => context.library.set(Library::Failed(reason)),
            }
        });
    }
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
