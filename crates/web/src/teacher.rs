//! The teacher's session: the course whose reports are shown, the class read from
//! students' progress files, and the roster being set up for a class file, over the
//! [`Device`] both pages share. All of it is kept in this tab only: the files taken
//! in are kept in the tab's session storage, so a reload reads them again and
//! closing the tab forgets them.
//!
//! Files go into the class through the core's phases (`masterly_core::teacher::import`):
//! each progress file is loaded and checked against the course shown as soon as the
//! browser has read it, while the rest are read; a class file among them is opened
//! first, and may bring another course; then every file is merged against the course
//! shown at the end, its check made again if it was made against another version.

use crate::browser::{
    forget_in_session, keep_in_session, mark, random_u64, read_chosen_files, session_value,
    FILES_IMPORTED_MARK, FILES_READ_MARK,
};
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
    /// What the latest reading of files says, and what became of each file.
    pub status: RwSignal<String>,
    pub lines: RwSignal<Vec<FileLine>>,
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
            status: RwSignal::new(String::new()),
            lines: RwSignal::new(Vec::new()),
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
    /// Then the class kept in the tab's session, if any, is read again.
    pub fn load_library(&self) {
        let session = *self;
        let device = self.device;
        device.fetch_library(Fetch::All, move |shelves| {
            device.set_library(shelves);
            let lines = session.restore_kept_class();
            if !lines.is_empty() {
                let refused = lines.iter().filter(|line| line.refused).count();
                session
                    .status
                    .set(text::files_read_again(lines.len() - refused, refused));
                session.lines.set(lines);
            }
        });
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
            forget_kept_class();
        }
        self.choice.set(picked);
        other
    }

    /// Shows the course most of the class has as its goal, when this curriculum
    /// holds it.
    fn show_goal_course(&self) {
        let goal = self
            .class
            .with_untracked(|class| class.goal_course().map(str::to_string));
        let curriculum = self.shown_curriculum();
        if let (Some(curriculum), Some(course_id)) = (curriculum, goal) {
            if curriculum.course(&course_id).is_some() {
                self.choice.set(Some(CourseChoice {
                    curriculum_id: curriculum.id.clone(),
                    course_id,
                }));
            }
        }
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
        forget_kept_class();
    }

    /// Reads the files the teacher chose, and says what became of each: class files
    /// first, then progress files into the class. `read` hears how many files the
    /// browser has read so far, of how many. The files taken in are kept in the
    /// tab's session, so a reload reads them again.
    pub async fn read_files(
        &self,
        files: Vec<web_sys::File>,
        read: impl Fn(usize, usize),
    ) -> Vec<FileLine> {
        let total = files.len();
        let mut class_files = Vec::new();
        let mut progress_files = Vec::with_capacity(total);
        let mut texts = Vec::with_capacity(total);
        let mut lines = Vec::new();
        let shown = self.shown_curriculum();
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
                    texts.push(file_text);
                }
                Err(message) => lines.push(FileLine::refused(message, Vec::new())),
            }
        };
        read_chosen_files(files, PROGRESS_LIMITS.max_bytes, each).await;
        mark(FILES_READ_MARK);
        let new_class = self.class.with_untracked(|class| class.students.is_empty());
        let (taken, mut outcomes) = self.take_in(class_files, progress_files);
        // A class read without a class file shows its students' goal course first.
        if new_class && taken.class_files.is_empty() {
            self.show_goal_course();
        }
        lines.append(&mut outcomes);
        mark(FILES_IMPORTED_MARK);
        // Kept: the class files opened, and the progress files added.
        let mut kept: Vec<(String, String)> = taken.class_files;
        kept.extend(
            taken
                .progress_added
                .iter()
                .zip(texts)
                .filter(|(added, _)| added.is_some())
                .filter_map(|(name, text)| name.clone().map(|name| (name, text))),
        );
        self.keep_in_session(&kept);
        lines
    }

    /// The curriculum of the course shown, if it is here.
    fn shown_curriculum(&self) -> Option<Arc<Curriculum>> {
        self.choice
            .get_untracked()
            .and_then(|choice| self.device.find_curriculum(&choice.curriculum_id))
    }

    /// Takes read files in: class files first (each may bring its course), then
    /// progress files into the class against the course shown at the end. Gives
    /// what was taken (to keep) and a line per file.
    fn take_in(
        &self,
        class_files: Vec<(String, String)>,
        progress_files: Vec<(String, IncomingProgress)>,
    ) -> (Taken, Vec<FileLine>) {
        let mut lines = Vec::new();
        let mut taken = Taken::default();
        for (name, file_text) in class_files {
            lines.push(match self.open_class_file(&file_text) {
                Ok(opened) => {
                    self.show_course(Some(opened));
                    taken.class_files.push((name.clone(), file_text));
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
            for (name, outcome) in outcomes {
                let added = matches!(outcome, FileOutcome::Added { .. });
                taken.progress_added.push(added.then(|| name.clone()));
                lines.push(FileLine::of(&name, outcome));
            }
        }
        (taken, lines)
    }

    /// Keeps these files (name, text) in the tab's session storage after those
    /// kept before, with the course shown; says so when they do not fit, and then
    /// keeps none.
    fn keep_in_session(&self, files: &[(String, String)]) {
        if files.is_empty() {
            return;
        }
        let mut kept = session_value(KEPT_FILES).unwrap_or_default();
        for (name, file_text) in files {
            kept.push_str(name);
            kept.push(FIELD);
            kept.push_str(file_text);
            kept.push(RECORD);
        }
        let course = self
            .choice
            .get_untracked()
            .map(|c| format!("{}{FIELD}{}", c.curriculum_id, c.course_id));
        let stored = course.is_some_and(|course| {
            keep_in_session(KEPT_COURSE, &course) && keep_in_session(KEPT_FILES, &kept)
        });
        if !stored {
            forget_kept_class();
            self.device
                .notify(Notice::says(text::CLASS_NOT_KEPT.to_string()));
        }
    }

    /// After a reload: the course and the files the tab's session kept, read again
    /// into the class. Needs the library loaded. Says nothing when nothing was kept.
    pub fn restore_kept_class(&self) -> Vec<FileLine> {
        let (Some(course), Some(kept)) = (session_value(KEPT_COURSE), session_value(KEPT_FILES))
        else {
            return Vec::new();
        };
        if let Some((curriculum_id, course_id)) = course.split_once(FIELD) {
            self.choice.set(Some(CourseChoice {
                curriculum_id: curriculum_id.to_string(),
                course_id: course_id.to_string(),
            }));
        }
        let shown = self.shown_curriculum();
        let check = shown.as_deref().map(CurriculumCheck::new);
        let mut class_files = Vec::new();
        let mut progress_files = Vec::new();
        for record in kept.split(RECORD).filter(|record| !record.is_empty()) {
            let (name, file_text) = record.split_once(FIELD).unwrap_or(("", record));
            if file_kind_of(file_text) == Some(FileKind::Class) {
                class_files.push((name.to_string(), file_text.to_string()));
            } else {
                let incoming = IncomingProgress::read(file_text, check.as_ref());
                progress_files.push((name.to_string(), incoming));
            }
        }
        self.take_in(class_files, progress_files).1
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

/// What `take_in` took: the class files opened (name, text), and for each progress
/// file in order its name when it was added.
#[derive(Default)]
struct Taken {
    class_files: Vec<(String, String)>,
    progress_added: Vec<Option<String>>,
}

/// The tab's session keeps the class: the course shown (curriculum id, FIELD,
/// course id), and the files taken in, each its name, FIELD, its text and RECORD.
/// A file of JSON holds neither character raw.
const KEPT_COURSE: &str = "masterly.teacher.course";
const KEPT_FILES: &str = "masterly.teacher.files";
const FIELD: char = '\u{1}';
const RECORD: char = '\u{0}';

fn forget_kept_class() {
    forget_in_session(KEPT_COURSE);
    forget_in_session(KEPT_FILES);
}

/// An empty roster with a fresh class id.
pub fn new_roster() -> Roster {
    let mut roster = Roster::default();
    roster.class.id = class_id(random_u64());
    roster
}
