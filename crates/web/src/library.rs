//! Courses from files: a curriculum opened from a file is checked by the engine,
//! kept in storage exactly as written, and listed with the bundled ones from then
//! on. A file with the id of a curriculum already here replaces it (the teacher's
//! newer copy), and the student is told which version it replaced.

use super::context::{AppContext, CourseChoice, Library, Notice, Shelf};
use super::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use std::sync::Arc;

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

impl AppContext {
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
                            text: text::stored_course_unusable(id, &errors.to_string()),
                            download: Some((format!("{id}.json"), text)),
                            offer_export: false,
                        });
                        None
                    }
                }
            })
            .collect()
    }

    /// Opens a curriculum from a file's text. On success it is saved, listed and
    /// opened at its first course; otherwise every problem found is returned, each
    /// with where it is, and nothing changes.
    pub fn import_curriculum(&self, file_text: &str) -> Result<Imported, Vec<String>> {
        let curriculum = load_curriculum(file_text)
            .map_err(|errors| errors.0.iter().map(ToString::to_string).collect::<Vec<_>>())?
            .curriculum;
        let first_course = curriculum.courses.first().map(|course| CourseChoice {
            curriculum_id: curriculum.id.clone(),
            course_id: course.id.clone(),
        });
        let outcome = self.add_curriculum(curriculum, file_text);
        if let Some(choice) = first_course {
            self.open_course(&choice);
        }
        Ok(outcome)
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
            if self.save_text(&key, CURRICULUM_KIND, file_text).is_ok() {
                let mut ids = self.imported_ids();
                if !ids.contains(&curriculum.id) {
                    ids.push(curriculum.id.clone());
                }
                let listed = serde_json::to_string(&ids).unwrap_or_default();
                let _ = self.save_text(IMPORTED_KEY, IMPORTED_KIND, &listed);
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
