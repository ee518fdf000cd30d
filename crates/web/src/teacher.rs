//! The teacher's session: the course whose reports are shown, the class read from
//! students' progress files, and the roster being set up for a class file, over the
//! [`Device`] both pages share. All of it is kept in this tab only.
//!
//! Files go into the class through the core's phases (`masterly_core::teacher::import`):
//! each progress file is loaded and checked against the course shown as soon as the
//! browser has read it, while the rest are read; a class file among them is opened
//! first, and may bring another course; then every file is merged against the course
//! shown at the end, its check made again if it was made against another version.

use crate::browser::{mark, random_u64, read_chosen_files, FILES_IMPORTED_MARK, FILES_READ_MARK};
use crate::device::{Device, Notice};
use crate::library::{loaded_shelves, CourseChoice, Fetch};
use crate::storage::Store;
use crate::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::Curriculum;
use masterly_core::format::class_file::load_class_file;
use masterly_core::format::json::{file_kind_of, FileKind};
use masterly_core::format::progress::{CurriculumCheck, PROGRESS_LIMITS};
use masterly_core::teacher::import::{import_files, FileOutcome, IncomingProgress, LoadedProgress};
use masterly_core::teacher::reports::ClassRecord;
use masterly_core::teacher::roster::{class_id, student_id, Roster};
use masterly_text::say_all;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct TeacherSession {
    pub device: Device,
    /// The course whose reports are shown.
    pub choice: RwSignal<Option<CourseChoice>>,
    /// The class the teacher has read from progress files.
    pub class: RwSignal<ClassRecord>,
    /// The class the teacher is setting up for a class file.
    pub roster: RwSignal<Roster>,
}

/// One file's outcome as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLine {
    pub message: String,
    pub problems: Vec<String>,
    pub refused: bool,
}

impl FileLine {
    fn of(name: &str, outcome: FileOutcome) -> FileLine {
        match outcome {
            FileOutcome::Added {
                nickname,
                added,
                warnings,
            } => FileLine {
                message: text::file_added(name, &nickname, added.new_attempts),
                problems: say_all(&warnings),
                refused: false,
            },
            FileOutcome::Refused { problems } => {
                FileLine::refused(text::file_refused(name), say_all(&problems))
            }
        }
    }

    fn refused(message: String, problems: Vec<String>) -> FileLine {
        FileLine {
            message,
            problems,
            refused: true,
        }
    }
}

impl TeacherSession {
    /// A session over the browser's local storage (memory when it is blocked).
    pub fn new() -> Self {
        TeacherSession::on(Device::with_store(Store::open_browser()))
    }

    pub fn on(device: Device) -> Self {
        if device.storage_blocked() {
            device.notify(Notice::says(text::TEACHER_STORAGE_BLOCKED.to_string()));
        }
        TeacherSession {
            device,
            choice: RwSignal::new(None),
            class: RwSignal::new(ClassRecord::default()),
            roster: RwSignal::new(new_roster()),
        }
    }

    /// A session in memory holding these curricula: for browser tests.
    pub fn with_curricula(curricula: Vec<Arc<Curriculum>>) -> Self {
        let session = TeacherSession::on(Device::in_memory());
        session.device.set_library(loaded_shelves(curricula));
        session
    }

    /// Fetches every bundled curriculum into the library (the reports need them
    /// all), with those opened on this device.
    pub fn load_library(&self) {
        let device = self.device;
        device.fetch_library(Fetch::All, move |shelves| device.set_library(shelves));
    }

    /// Shows another course. Files belong to one curriculum: a course of another
    /// curriculum starts a new class, and then this returns true.
    pub fn show_course(&self, picked: Option<CourseChoice>) -> bool {
        let curriculum_of = |choice: Option<&CourseChoice>| choice.map(|c| c.curriculum_id.clone());
        let other = curriculum_of(picked.as_ref())
            != self
                .choice
                .with_untracked(|choice| curriculum_of(choice.as_ref()));
        if other {
            self.class.set(ClassRecord::default());
        }
        self.choice.set(picked);
        other
    }

    /// The teacher picks a course: one of another curriculum starts a new class
    /// and a new roster, and then this returns true.
    pub fn pick_course(&self, picked: Option<CourseChoice>) -> bool {
        let other = self.show_course(picked);
        if other {
            self.roster.set(new_roster());
        }
        other
    }

    /// Forgets the class and the roster being set up.
    pub fn new_class(&self) {
        self.class.set(ClassRecord::default());
        self.roster.set(new_roster());
    }

    /// Reads the files the teacher chose, and says what became of each: class files
    /// first, then progress files into the class. `read` hears how many files the
    /// browser has read so far, of how many.
    pub async fn read_files(
        &self,
        files: Vec<web_sys::File>,
        read: impl Fn(usize, usize),
    ) -> Vec<FileLine> {
        let total = files.len();
        let mut class_files = Vec::new();
        let mut progress_files = Vec::with_capacity(total);
        let mut lines = Vec::new();
        let shown = self
            .choice
            .get_untracked()
            .and_then(|choice| self.device.find_curriculum(&choice.curriculum_id));
        let check = shown.as_deref().map(CurriculumCheck::new);
        let each = |index: usize, file: &web_sys::File, outcome: Result<String, String>| {
            read(index + 1, total);
            match outcome {
                Ok(file_text) if file_kind_of(&file_text) == Some(FileKind::Class) => {
                    class_files.push((file.name(), file_text));
                }
                // After a class file, the course may change: check once all are in.
                Ok(file_text) => {
                    let check = check.as_ref().filter(|_| class_files.is_empty());
                    progress_files.push((file.name(), IncomingProgress::read(&file_text, check)));
                }
                Err(message) => lines.push(FileLine::refused(message, Vec::new())),
            }
        };
        read_chosen_files(files, PROGRESS_LIMITS.max_bytes, each).await;
        mark(FILES_READ_MARK);
        for (name, file_text) in class_files {
            lines.push(match self.open_class_file(&file_text) {
                Ok(opened) => {
                    self.show_course(Some(opened));
                    FileLine {
                        message: text::class_file_opened(&name),
                        problems: Vec::new(),
                        refused: false,
                    }
                }
                Err(problems) => FileLine::refused(text::file_refused(&name), problems),
            });
        }
        if let Some(curriculum_id) = self.choice.get_untracked().map(|c| c.curriculum_id) {
            let outcomes = self.import_incoming(&curriculum_id, progress_files);
            lines.extend(
                outcomes
                    .into_iter()
                    .map(|(name, outcome)| FileLine::of(&name, outcome)),
            );
        }
        mark(FILES_IMPORTED_MARK);
        lines
    }

    /// Reads loaded progress files (name, what loading gave) into the class against
    /// one curriculum, and says what became of each.
    pub fn import_progress_files(
        &self,
        curriculum_id: &str,
        files: Vec<(String, LoadedProgress)>,
    ) -> Vec<(String, FileOutcome)> {
        let files = files
            .into_iter()
            .map(|(name, loaded)| (name, IncomingProgress::Loaded(Box::new(loaded))))
            .collect();
        self.import_incoming(curriculum_id, files)
    }

    /// Merges files into the class against one curriculum. The class signal changes
    /// once, at the end, and students new to the roster are added to it.
    fn import_incoming(
        &self,
        curriculum_id: &str,
        files: Vec<(String, IncomingProgress)>,
    ) -> Vec<(String, FileOutcome)> {
        let Some(curriculum) = untrack(|| self.device.find_curriculum(curriculum_id)) else {
            return Vec::new();
        };
        // Taken out of the signal, not copied: a class can hold 200,000 answers.
        let mut class = self
            .class
            .try_update_untracked(std::mem::take)
            .unwrap_or_default();
        let outcomes = import_files(&mut class, &CurriculumCheck::new(&curriculum), files);
        self.roster.update(|roster| {
            roster.add_from_class(&mut class, || student_id(random_u64()));
        });
        self.class.set(class);
        outcomes
    }

    /// Opens a class file the teacher made before: its course is added when it is
    /// not here, and its roster and goals replace the roster being set up.
    /// Returns the course to show, or every problem found.
    pub fn open_class_file(&self, file_text: &str) -> Result<CourseChoice, Vec<String>> {
        let file = load_class_file(file_text).map_err(|problems| say_all(&problems))?;
        let choice = CourseChoice {
            curriculum_id: file.curriculum.id.clone(),
            course_id: file
                .students
                .iter()
                .find_map(|s| s.goals.course.clone())
                .or_else(|| file.curriculum.courses.first().map(|c| c.id.clone()))
                .unwrap_or_default(),
        };
        self.roster.set(Roster::from_file(&file));
        self.device.add_carried_curriculum(file.curriculum);
        Ok(choice)
    }
}

impl Default for TeacherSession {
    fn default() -> Self {
        TeacherSession::new()
    }
}

/// An empty roster with a fresh class id.
pub fn new_roster() -> Roster {
    let mut roster = Roster::default();
    roster.class.id = class_id(random_u64());
    roster
}
