//! The class the teacher sets up before handing out a class file: its name, the
//! grade taught, and each student with their goals and (for the teacher only) their
//! benchmark percentile, from which a course goal is recommended. Students come
//! from typed nicknames, from progress files already read, or from a class file
//! the teacher made before.

use crate::content::case::lowercase;
use crate::content::curriculum::{Course, Curriculum};
use crate::format::class_file::{
    clean_class_name, load_class_file, recommend_course, ClassFile, ClassFileError, ClassInfo,
    RosterEntry, MAX_STUDENTS, MAX_WEEKLY_MINUTES,
};
use crate::format::progress::{clean_nickname, ClassRef, Goals};
use crate::teacher::reports::ClassRecord;
use crate::time::{days_from_date, Millis};

/// One student on the teacher's roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterStudent {
    pub entry: RosterEntry,
    /// The benchmark percentile (0 to 100), kept by the teacher, never in the file.
    pub percentile: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roster {
    pub class: ClassInfo,
    pub grade_taught: Option<u32>,
    pub students: Vec<RosterStudent>,
}

/// A class id from 64 random bits supplied by the shell.
pub fn class_id(random: u64) -> String {
    format!("c-{random:016x}")
}

/// A class student id from 64 random bits supplied by the shell.
pub fn student_id(random: u64) -> String {
    format!("s-{random:016x}")
}

impl Roster {
    /// The roster of a class file opened again: its class, students and goals.
    pub fn from_file(file: &ClassFile) -> Roster {
        Roster {
            class: file.class.clone(),
            grade_taught: None,
            students: file
                .students
                .iter()
                .map(|entry| RosterStudent {
                    entry: entry.clone(),
                    percentile: None,
                })
                .collect(),
        }
    }

    fn by_nickname(&self, nickname: &str) -> Option<&RosterStudent> {
        let folded = lowercase(nickname);
        self.students
            .iter()
            .find(|student| lowercase(&student.entry.nickname) == folded)
    }

    fn push(&mut self, id: String, nickname: String, goals: Goals) {
        self.students.push(RosterStudent {
            entry: RosterEntry {
                id,
                nickname,
                goals,
            },
            percentile: None,
        });
    }

    /// Adds one student per line of `text`; blank lines are skipped. Names already
    /// on the roster (in any case) are skipped too. Nothing is added if any line is
    /// unusable or the class would grow past [`MAX_STUDENTS`]; every problem is
    /// returned with its line number. `make_id` gives each new student's id.
    pub fn add_nicknames(
        &mut self,
        text: &str,
        mut make_id: impl FnMut() -> String,
    ) -> Result<usize, Vec<RosterError>> {
        let mut problems = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match clean_nickname(line) {
                None => problems.push(RosterError::UnusableNickname {
                    line: index + 1,
                    text: line.trim().to_string(),
                }),
                Some(name) => {
                    let folded = lowercase(&name);
                    if self.by_nickname(&name).is_none()
                        && !names.iter().any(|n| lowercase(n) == folded)
                    {
                        names.push(name);
                    }
                }
            }
        }
        if self.students.len() + names.len() > MAX_STUDENTS {
            problems.push(RosterError::TooManyStudents {
                would_make: self.students.len() + names.len(),
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let added = names.len();
        for name in names {
            self.push(make_id(), name, Goals::default());
        }
        Ok(added)
    }

    /// Adds the students of progress files read into `class` who are not on the
    /// roster yet: matched by the class student id their files carry, else by
    /// nickname. They keep the goals their files state. A student of `class` with
    /// no class yet gets this class and their roster id, so that their files from
    /// any device match once they have joined. Returns how many were added.
    pub fn add_from_class(
        &mut self,
        class: &mut ClassRecord,
        mut make_id: impl FnMut() -> String,
    ) -> usize {
        let mut added = 0;
        for student in &mut class.students {
            let known_id = student.class.as_ref().and_then(|class_ref| {
                (class_ref.class_id == self.class.id).then(|| class_ref.student_id.clone())
            });
            let on_roster = match &known_id {
                Some(id) => self.student(id).map(|s| s.entry.id.clone()),
                None => self
                    .by_nickname(&student.learner.nickname)
                    .map(|s| s.entry.id.clone()),
            };
            let id = match on_roster {
                Some(id) => id,
                None if self.students.len() < MAX_STUDENTS => {
                    let id = known_id.unwrap_or_else(&mut make_id);
                    self.push(
                        id.clone(),
                        student.learner.nickname.clone(),
                        student.goals.clone(),
                    );
                    added += 1;
                    id
                }
                None => continue,
            };
            if student.class.is_none() {
                student.class = Some(ClassRef {
                    class_id: self.class.id.clone(),
                    student_id: id,
                });
            }
        }
        added
    }

    pub fn student(&self, id: &str) -> Option<&RosterStudent> {
        self.students.iter().find(|student| student.entry.id == id)
    }

    fn student_mut(&mut self, id: &str) -> Option<&mut RosterStudent> {
        self.students
            .iter_mut()
            .find(|student| student.entry.id == id)
    }

    pub fn remove(&mut self, id: &str) {
        self.students.retain(|student| student.entry.id != id);
    }

    /// Sets a student's benchmark percentile from what the teacher typed ("" for
    /// not known) and, when a course can be recommended, makes it their goal.
    pub fn set_percentile(
        &mut self,
        id: &str,
        typed: &str,
        curriculum: &Curriculum,
    ) -> Result<(), RosterError> {
        let percentile = match typed.trim() {
            "" => None,
            number => Some(
                number
                    .parse::<u32>()
                    .ok()
                    .filter(|p| *p <= 100)
                    .ok_or_else(|| RosterError::BadPercentile {
                        typed: number.to_string(),
                    })?,
            ),
        };
        let grade = self.grade_taught;
        let student = self.student_mut(id).ok_or(RosterError::NoSuchStudent)?;
        student.percentile = percentile;
        if let Some(course) = grade.and_then(|g| recommend_course(curriculum, g, percentile)) {
            student.entry.goals.course = Some(course.id.clone());
        }
        Ok(())
    }

    /// The recommended goal course for a student, if one can be worked out.
    pub fn recommendation<'c>(&self, id: &str, curriculum: &'c Curriculum) -> Option<&'c Course> {
        recommend_course(curriculum, self.grade_taught?, self.student(id)?.percentile)
    }

    /// Sets a student's goal course ("" for none).
    pub fn set_goal_course(&mut self, id: &str, course_id: &str) {
        if let Some(student) = self.student_mut(id) {
            student.entry.goals.course = (!course_id.is_empty()).then(|| course_id.to_string());
        }
    }

    /// Sets a student's target date from a date field (YYYY-MM-DD, or "" for none).
    pub fn set_target_date(&mut self, id: &str, date: &str) -> Result<(), RosterError> {
        let date = date.trim();
        if !date.is_empty() && days_from_date(date).is_none() {
            return Err(RosterError::BadDate {
                typed: date.to_string(),
            });
        }
        let student = self.student_mut(id).ok_or(RosterError::NoSuchStudent)?;
        student.entry.goals.target_date = (!date.is_empty()).then(|| date.to_string());
        Ok(())
    }

    /// Sets a student's weekly time goal from what the teacher typed.
    pub fn set_weekly_minutes(&mut self, id: &str, typed: &str) -> Result<(), RosterError> {
        let minutes = typed
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=MAX_WEEKLY_MINUTES).contains(m))
            .ok_or_else(|| RosterError::BadWeeklyMinutes {
                typed: typed.trim().to_string(),
            })?;
        let student = self.student_mut(id).ok_or(RosterError::NoSuchStudent)?;
        student.entry.goals.weekly_minutes = minutes;
        Ok(())
    }

    /// The class file to hand out, checked exactly as a student's copy of Masterly
    /// will check it; every problem otherwise (an empty roster, an unnamed class,
    /// a goal course not in the curriculum…).
    pub fn class_file(
        &self,
        curriculum: &Curriculum,
        now: Millis,
    ) -> Result<ClassFile, Vec<RosterError>> {
        let Some(name) = clean_class_name(&self.class.name) else {
            return Err(vec![RosterError::NoClassName]);
        };
        if self.students.is_empty() {
            return Err(vec![RosterError::NoStudents]);
        }
        let file = ClassFile::new(
            ClassInfo {
                id: self.class.id.clone(),
                name,
            },
            self.students.iter().map(|s| s.entry.clone()).collect(),
            curriculum.clone(),
            now,
        );
        load_class_file(&file.to_json())
            .map_err(|problems| problems.into_iter().map(RosterError::ClassFile).collect())
    }
}

/// Why the teacher's roster refused what was typed, or cannot make a class file yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterError {
    /// A line of the typed names is not a usable nickname (`line` from 1).
    UnusableNickname { line: usize, text: String },
    /// The names would make the class larger than a class file holds.
    TooManyStudents { would_make: usize },
    /// A percentile that is not a whole number from 0 to 100.
    BadPercentile { typed: String },
    /// The student changed is not on the roster (another tab removed them).
    NoSuchStudent,
    /// A target date that is not YYYY-MM-DD.
    BadDate { typed: String },
    /// A weekly goal that is not 1 to the most minutes a class file allows.
    BadWeeklyMinutes { typed: String },
    /// The class has no usable name yet.
    NoClassName,
    /// The class has no students yet.
    NoStudents,
    /// The class file made would not load on a student's device.
    ClassFile(ClassFileError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> impl FnMut() -> String {
        let mut next = 0;
        move || {
            next += 1;
            student_id(next)
        }
    }

    #[test]
    fn nicknames_are_added_once_and_a_bad_line_adds_nothing() {
        let mut roster = Roster::default();
        assert_eq!(roster.add_nicknames("Ana\n\n ben \nANA\n", ids()), Ok(2));
        assert_eq!(roster.add_nicknames("Ben\nCy", ids()), Ok(1));
        let names: Vec<&str> = roster
            .students
            .iter()
            .map(|s| s.entry.nickname.as_str())
            .collect();
        assert_eq!(names, ["Ana", "ben", "Cy"]);
        let refused = roster.add_nicknames("Dee\n<b>Eve</b>", ids());
        assert_eq!(
            refused,
            Err(vec![RosterError::UnusableNickname {
                line: 2,
                text: "<b>Eve</b>".into()
            }])
        );
        assert_eq!(roster.students.len(), 3);
    }
}
