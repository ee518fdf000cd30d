//! What a student's device does with the files they open, once they confirm the
//! preview: open a course from a curriculum file, join a class from the teacher's
//! class file (picking their name), or add their own progress file from another
//! device. Courses are kept by [`crate::device::Device::add_curriculum`].

use super::device::Notice;
use super::library::{CourseChoice, Imported};
use super::student::StudentSession;
use super::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::load_curriculum;
use masterly_core::format::class_file::ClassFile;
use masterly_core::format::progress::{check_against, ProgressBundle};
use masterly_text::{say_all, Say};

impl StudentSession {
    /// Opens a curriculum from a file's text. On success it is saved, listed and
    /// opened at its first course; otherwise every problem found is returned, each
    /// with where it is, and nothing changes.
    pub fn import_curriculum(&self, file_text: &str) -> Result<Imported, Vec<String>> {
        let curriculum = load_curriculum(file_text)
            .map_err(|errors| say_all(&errors.0))?
            .curriculum;
        let first_course = curriculum.courses.first().map(|course| CourseChoice {
            curriculum_id: curriculum.id.clone(),
            course_id: course.id.clone(),
        });
        let outcome = self.device.add_curriculum(curriculum, file_text);
        if let Some(choice) = first_course {
            self.open_course(&choice);
        }
        Ok(outcome)
    }

    /// Joins the class of a class file as the student `student_id`: the course is
    /// added (kept on this device), their goal course opened, and their progress
    /// files carry the class from now on. With nobody signed in, the learner of
    /// this device with that nickname is used, or added.
    pub fn join_class(&self, file: &ClassFile, student_id: &str) -> Result<String, String> {
        let entry = file
            .students
            .iter()
            .find(|student| student.id == student_id)
            .ok_or_else(|| text::NOT_ON_ROSTER.to_string())?;
        if untrack(|| self.profiles.with(|profiles| profiles.current.is_none())) {
            let existing = self.profiles.with_untracked(|profiles| {
                profiles
                    .by_nickname(&entry.nickname)
                    .map(|p| p.learner.id.clone())
            });
            match existing {
                Some(id) => self.select_learner(&id),
                None => self
                    .add_learner(&entry.nickname)
                    .map_err(|error| text::capitalise(&error.say()))?,
            }
        }
        self.device.add_carried_curriculum(file.curriculum.clone());
        let course_id = entry
            .goals
            .course
            .clone()
            .or_else(|| file.curriculum.courses.first().map(|c| c.id.clone()))
            .unwrap_or_default();
        self.open_course(&CourseChoice {
            curriculum_id: file.curriculum.id.clone(),
            course_id,
        });
        let _ = self.update(|workbook| workbook.join_class(&file.class.id, entry));
        Ok(self.confirm(text::joined_class(&file.class.name, &entry.nickname)))
    }

    /// Shows what a file changed in the banner above the page as well as returning
    /// it: opening the course replaces the screen the file was opened from.
    fn confirm(&self, message: String) -> String {
        self.device.notify(Notice::says(message.clone()));
        message
    }

    /// Adds a student's own progress file: the answers it holds that this device
    /// lacks are added (nothing lost, nothing doubled) and every level recomputed.
    /// With nobody signed in the file's learner is used, or added with their id;
    /// a signed-in learner may add only their own file (same learner, or the same
    /// student of the same class). A file made with another version of the course
    /// is added with that said. Returns what happened, or why nothing changed.
    pub fn add_own_progress(&self, bundle: ProgressBundle) -> Result<String, Vec<String>> {
        let curriculum = untrack(|| self.device.find_curriculum(&bundle.curriculum.id))
            .ok_or_else(|| vec![text::progress_needs_course(&bundle.curriculum.id)])?;
        let (warnings, errors): (Vec<_>, Vec<_>) = check_against(&bundle, &curriculum)
            .into_iter()
            .partition(|problem| problem.kind.is_warning());
        if !errors.is_empty() {
            return Err(say_all(&errors));
        }
        let profiles = self.profiles.get_untracked();
        match profiles.current() {
            Some(current) if current.learner.id != bundle.learner.id => {
                let same_class_student = self.workbook.with_untracked(|workbook| {
                    workbook.as_ref().is_some_and(|w| {
                        w.curriculum.id == bundle.curriculum.id
                            && w.class.is_some()
                            && w.class == bundle.class
                    })
                });
                if !same_class_student {
                    return Err(vec![text::someone_elses_progress(
                        &bundle.learner.nickname,
                        &current.learner.nickname,
                    )]);
                }
            }
            Some(_) => {}
            None => {
                let mut profiles = profiles.clone();
                profiles
                    .add_existing(&bundle.learner)
                    .map_err(|error| vec![text::capitalise(&error.say())])?;
                self.save_profiles(&profiles);
            }
        }
        let course_id = untrack(|| self.chosen_course())
            .filter(|choice| choice.curriculum_id == curriculum.id)
            .map(|choice| choice.course_id)
            .or_else(|| curriculum.courses.first().map(|c| c.id.clone()))
            .unwrap_or_default();
        self.open_course(&CourseChoice {
            curriculum_id: curriculum.id.clone(),
            course_id,
        });
        let mut added = 0;
        let _ = self.update(|workbook| added = workbook.merge_bundle(bundle));
        let mut message = text::progress_added(added, &curriculum.title);
        if !warnings.is_empty() {
            message.push(' ');
            message.push_str(text::OTHER_VERSION_NOTE);
        }
        Ok(self.confirm(message))
    }
}
