//! The class file a teacher hands out: the class's name and
//! id, the roster (nickname and a student id made by the teacher's device, with each
//! student's goals) and the curriculum itself, so one file is all a student needs.
//! A student who opens it picks their name; their progress files then carry the
//! class and student id, so the teacher's import matches each file to its student.
//! Also here: the course goal recommended from a student's benchmark percentile.

use crate::content::case::lowercase;
use crate::content::curriculum::{validate, Course, Curriculum, CurriculumErrorKind, Severity};
use crate::content::rng::FastMap;
use crate::format::json::{parse_file, FileKind, FileProblem};
use crate::format::limits::JsonLimits;
use crate::format::progress::{clean_nickname, well_formed_id, Goals};
use crate::time::{days_from_date, Millis};
use serde::{Deserialize, Serialize};

/// A class file holds a whole curriculum, so its limits are the curriculum's.
pub const CLASS_LIMITS: JsonLimits = crate::content::curriculum::CURRICULUM_LIMITS;
/// Students in one class file.
pub const MAX_STUDENTS: usize = 200;
/// Characters in a class name.
pub const MAX_CLASS_NAME_CHARS: usize = 80;
/// The largest weekly time goal, in minutes (a school week of an hour a day, doubled).
pub const MAX_WEEKLY_MINUTES: u32 = 600;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassFile {
    pub format: String,
    pub format_version: u32,
    pub class: ClassInfo,
    pub students: Vec<RosterEntry>,
    pub curriculum: Curriculum,
    pub exported_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassInfo {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterEntry {
    /// Made by the teacher's device; the student's progress files carry it.
    pub id: String,
    pub nickname: String,
    #[serde(default)]
    pub goals: Goals,
}

impl ClassFile {
    /// A class file for a roster, in the current format.
    pub fn new(
        class: ClassInfo,
        students: Vec<RosterEntry>,
        curriculum: Curriculum,
        now: Millis,
    ) -> ClassFile {
        ClassFile {
            format: FileKind::Class.format().to_string(),
            format_version: FileKind::Class.newest_version(),
            class,
            students,
            curriculum,
            exported_at: now,
        }
    }

    pub fn to_json(&self) -> String {
        crate::format::json::to_pretty_json(self).unwrap_or_default()
    }
}

/// What can be wrong with a class file, each problem where it is (`path`, empty
/// for the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassFileError {
    pub path: String,
    pub kind: ClassFileErrorKind,
}

/// Why a class file is refused. A student's device joins a class from it, so every
/// field the roster and goals rely on is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassFileErrorKind {
    /// A problem with the file as a whole (size, syntax, format, version).
    File(FileProblem),
    /// The class id is not a well-formed id.
    BadClassId { id: String },
    /// The class name is empty, too long or holds markup.
    BadClassName,
    /// No students, or more than [`MAX_STUDENTS`].
    StudentCount { found: usize },
    /// A student id is not a well-formed id.
    BadStudentId { id: String },
    /// Two students share an id; `first` is the index of the first.
    DuplicateStudentId { id: String, first: usize },
    /// A nickname is empty, too long or holds markup.
    BadNickname,
    /// Students pick their name from the list, so two may not read the same.
    DuplicateNickname { nickname: String, first: usize },
    /// A goal names a course the class's curriculum does not have.
    UnknownCourse { course: String },
    /// A target date that is not a calendar date.
    BadDate { date: String },
    /// A weekly goal over [`MAX_WEEKLY_MINUTES`].
    TooManyWeeklyMinutes { minutes: u32 },
    /// An error of the curriculum inside; its path is already under `$.curriculum`,
    /// and paths the problem itself names are said under it too.
    Curriculum(CurriculumErrorKind),
}

fn at(path: impl Into<String>, kind: ClassFileErrorKind) -> ClassFileError {
    ClassFileError {
        path: path.into(),
        kind,
    }
}

/// Reads a class file: the file, or every problem found, each with where it is.
/// All or nothing. Problems of the curriculum inside carry `$.curriculum` paths;
/// its warnings do not refuse the file.
pub fn load_class_file(text: &str) -> Result<ClassFile, Vec<ClassFileError>> {
    let file: ClassFile = parse_file(text, &CLASS_LIMITS, FileKind::Class, |file: &ClassFile| {
        (&file.format, file.format_version)
    })
    .map_err(|(path, problem)| vec![at(path, ClassFileErrorKind::File(problem))])?;
    let problems = check_class_file(&file);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

fn check_class_file(file: &ClassFile) -> Vec<ClassFileError> {
    use ClassFileErrorKind as Kind;
    let mut problems = Vec::new();
    if !well_formed_id(&file.class.id) {
        let id = file.class.id.clone();
        problems.push(at("$.class.id", Kind::BadClassId { id }));
    }
    if clean_class_name(&file.class.name).is_none() {
        problems.push(at("$.class.name", Kind::BadClassName));
    }
    if file.students.is_empty() || file.students.len() > MAX_STUDENTS {
        let found = file.students.len();
        problems.push(at("$.students", Kind::StudentCount { found }));
    }
    let mut ids: FastMap<&str, usize> = FastMap::default();
    let mut nicknames: FastMap<String, usize> = FastMap::default();
    for (index, student) in file.students.iter().enumerate().take(MAX_STUDENTS) {
        let path = format!("$.students[{index}]");
        let id = student.id.clone();
        if !well_formed_id(&student.id) {
            problems.push(at(format!("{path}.id"), Kind::BadStudentId { id }));
        } else if let Some(first) = ids.insert(&student.id, index) {
            problems.push(at(
                format!("{path}.id"),
                Kind::DuplicateStudentId { id, first },
            ));
        }
        match clean_nickname(&student.nickname) {
            None => problems.push(at(format!("{path}.nickname"), Kind::BadNickname)),
            Some(nickname) => {
                if let Some(first) = nicknames.insert(lowercase(&nickname), index) {
                    problems.push(at(
                        format!("{path}.nickname"),
                        Kind::DuplicateNickname { nickname, first },
                    ));
                }
            }
        }
        problems.extend(check_goals(&student.goals, &file.curriculum, &path));
    }
    for error in validate(&file.curriculum) {
        if error.severity() == Severity::Error {
            let path = format!("$.curriculum{}", error.path.trim_start_matches('$'));
            problems.push(at(path, Kind::Curriculum(error.kind)));
        }
    }
    problems
}

fn check_goals(goals: &Goals, curriculum: &Curriculum, path: &str) -> Vec<ClassFileError> {
    use ClassFileErrorKind as Kind;
    let mut problems = Vec::new();
    if let Some(course) = &goals.course {
        if curriculum.course(course).is_none() {
            let course = course.clone();
            problems.push(at(
                format!("{path}.goals.course"),
                Kind::UnknownCourse { course },
            ));
        }
    }
    if let Some(date) = &goals.target_date {
        if days_from_date(date).is_none() {
            let date = date.clone();
            problems.push(at(
                format!("{path}.goals.target_date"),
                Kind::BadDate { date },
            ));
        }
    }
    if goals.weekly_minutes > MAX_WEEKLY_MINUTES {
        let minutes = goals.weekly_minutes;
        problems.push(at(
            format!("{path}.goals.weekly_minutes"),
            Kind::TooManyWeeklyMinutes { minutes },
        ));
    }
    problems
}

/// The class name as it is kept: trimmed, 1 to [`MAX_CLASS_NAME_CHARS`] characters,
/// no control or markup characters.
pub fn clean_class_name(name: &str) -> Option<String> {
    let name = name.trim();
    let usable = (1..=MAX_CLASS_NAME_CHARS).contains(&name.chars().count())
        && !name.chars().any(|c| c.is_control() || c == '<' || c == '>');
    usable.then(|| name.to_string())
}

// ------------------------------------------------------- goal recommendation

/// Where a student's benchmark score puts them in their cohort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentileBand {
    /// Below the 25th percentile.
    Bottom,
    /// 25th to below the 50th.
    LowerMiddle,
    /// 50th to below the 75th.
    UpperMiddle,
    /// 75th and above.
    Top,
    /// No benchmark score.
    Unknown,
}

impl PercentileBand {
    /// The band of a percentile (0 to 100); None when it is not known.
    pub fn of(percentile: Option<u32>) -> PercentileBand {
        match percentile {
            None => PercentileBand::Unknown,
            Some(p) if p < 25 => PercentileBand::Bottom,
            Some(p) if p < 50 => PercentileBand::LowerMiddle,
            Some(p) if p < 75 => PercentileBand::UpperMiddle,
            Some(_) => PercentileBand::Top,
        }
    }

    /// Grade levels below the grade taught that the goal course should be: (fewest,
    /// most). Docs/teacher-view.md gives the bands.
    pub fn grades_below(self) -> (u32, u32) {
        match self {
            PercentileBand::Bottom => (2, 3),
            PercentileBand::LowerMiddle => (1, 2),
            PercentileBand::UpperMiddle => (1, 1),
            PercentileBand::Top | PercentileBand::Unknown => (0, 0),
        }
    }
}

/// The course goal recommended for a student of `grade_taught` with this
/// benchmark percentile: a course whose grade is in the band's range below the
/// grade taught, the highest such grade (the most ambitious in the band). With no
/// course in the range, the course nearest to it, at or below the grade taught when
/// there is one. None when no course of the curriculum states a grade. The
/// teacher can always choose another.
pub fn recommend_course(
    curriculum: &Curriculum,
    grade_taught: u32,
    percentile: Option<u32>,
) -> Option<&Course> {
    let (fewest, most) = PercentileBand::of(percentile).grades_below();
    let high = grade_taught.saturating_sub(fewest);
    let low = grade_taught.saturating_sub(most);
    let graded = curriculum
        .courses
        .iter()
        .filter_map(|course| course.grade.map(|grade| (grade, course)));
    // Distance from the band (0 inside it); then prefer at or below the grade
    // taught; then the higher grade.
    graded
        .min_by_key(|&(grade, _)| {
            let distance = if grade > high {
                grade - high
            } else {
                low.saturating_sub(grade)
            };
            (distance, grade > grade_taught, std::cmp::Reverse(grade))
        })
        .map(|(_, course)| course)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_fall_in_the_bands_of_product_md() {
        assert_eq!(PercentileBand::of(Some(0)), PercentileBand::Bottom);
        assert_eq!(PercentileBand::of(Some(24)), PercentileBand::Bottom);
        assert_eq!(PercentileBand::of(Some(25)), PercentileBand::LowerMiddle);
        assert_eq!(PercentileBand::of(Some(50)), PercentileBand::UpperMiddle);
        assert_eq!(PercentileBand::of(Some(75)), PercentileBand::Top);
        assert_eq!(PercentileBand::of(Some(100)), PercentileBand::Top);
        assert_eq!(PercentileBand::of(None), PercentileBand::Unknown);
    }

    #[test]
    fn class_names_are_trimmed_and_refused_with_markup() {
        assert_eq!(
            clean_class_name("  4B maths "),
            Some("4B maths".to_string())
        );
        assert_eq!(clean_class_name("<b>4B</b>"), None);
        assert_eq!(clean_class_name("   "), None);
    }
}
