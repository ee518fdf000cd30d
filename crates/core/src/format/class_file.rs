//! The class file a teacher hands out: the class's name and
//! id, the roster (nickname and a student id made by the teacher's device, with each
//! student's goals) and the curriculum itself, so one file is all a student needs.
//! A student who opens it picks their name; their progress files then carry the
//! class and student id, so the teacher's import matches each file to its student.
//! Also here: the course goal recommended from a student's benchmark percentile.

use crate::content::case::lowercase;
use crate::content::curriculum::{validate, Course, Curriculum, Severity};
use crate::content::rng::FastMap;
use crate::format::json::{parse_file, FileKind, FileProblem};
use crate::format::limits::JsonLimits;
use crate::format::progress::{clean_nickname, well_formed_id, Goals, MAX_NICKNAME_CHARS};
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

/// Reads a class file: the file, or every problem found, each with where it is.
/// All or nothing. Problems of the curriculum inside carry `$.curriculum` paths;
/// its warnings do not refuse the file.
pub fn load_class_file(text: &str) -> Result<ClassFile, Vec<String>> {
    let file_problem = |(path, problem): (String, FileProblem)| vec![located(&path, &problem)];
    let file: ClassFile = parse_file(text, &CLASS_LIMITS, FileKind::Class, |file: &ClassFile| {
        (&file.format, file.format_version)
    })
    .map_err(file_problem)?;
    let problems = check_class_file(&file);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

fn located(path: &str, what: &impl std::fmt::Display) -> String {
    if path.is_empty() {
        what.to_string()
    } else {
        format!("{path}: {what}")
    }
}

fn check_class_file(file: &ClassFile) -> Vec<String> {
    let mut problems = Vec::new();
    if !well_formed_id(&file.class.id) {
        problems.push(located(
            "$.class.id",
            &format!(
                "\"{}\" is not a valid class id: use 1 to 64 letters, digits, '-' or '_'",
                file.class.id
            ),
        ));
    }
    if clean_class_name(&file.class.name).is_none() {
        problems.push(located(
            "$.class.name",
            &format!("the class name must be 1 to {MAX_CLASS_NAME_CHARS} characters, without < > or control characters"),
        ));
    }
    if file.students.is_empty() || file.students.len() > MAX_STUDENTS {
        problems.push(located(
            "$.students",
            &format!(
                "the class has {} students, expected 1 to {MAX_STUDENTS}",
                file.students.len()
            ),
        ));
    }
    let mut ids: FastMap<&str, usize> = FastMap::default();
    let mut nicknames: FastMap<String, usize> = FastMap::default();
    for (index, student) in file.students.iter().enumerate().take(MAX_STUDENTS) {
        let path = format!("$.students[{index}]");
        if !well_formed_id(&student.id) {
            problems.push(located(
                &format!("{path}.id"),
                &format!(
                    "\"{}\" is not a valid student id: use 1 to 64 letters, digits, '-' or '_'",
                    student.id
                ),
            ));
        } else if let Some(first) = ids.insert(&student.id, index) {
            problems.push(located(
                &format!("{path}.id"),
                &format!(
                    "student id \"{}\" is already used at $.students[{first}]",
                    student.id
                ),
            ));
        }
        match clean_nickname(&student.nickname) {
            None => problems.push(located(
                &format!("{path}.nickname"),
                &format!("the nickname must be 1 to {MAX_NICKNAME_CHARS} characters, without < > or control characters"),
            )),
            Some(nickname) => {
                if let Some(first) = nicknames.insert(lowercase(&nickname), index) {
                    problems.push(located(
                        &format!("{path}.nickname"),
                        &format!("\"{nickname}\" is already the nickname at $.students[{first}]; students pick their name from the list, so each must be different"),
                    ));
                }
            }
        }
        problems.extend(check_goals(&student.goals, &file.curriculum, &path));
    }
    for error in validate(&file.curriculum) {
        if error.severity() == Severity::Error {
            // Paths in and around the message point into the embedded curriculum.
            let path = format!("$.curriculum{}", error.path.trim_start_matches('$'));
            let message = error.kind.to_string().replace(" $.", " $.curriculum.");
            problems.push(located(&path, &message));
        }
    }
    problems
}

fn check_goals(goals: &Goals, curriculum: &Curriculum, path: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(course) = &goals.course {
        if curriculum.course(course).is_none() {
            problems.push(located(
                &format!("{path}.goals.course"),
                &format!("course \"{course}\" is not in the class's curriculum"),
            ));
        }
    }
    if let Some(date) = &goals.target_date {
        if days_from_date(date).is_none() {
            problems.push(located(
                &format!("{path}.goals.target_date"),
                &format!("\"{date}\" is not a date; write it as YYYY-MM-DD"),
            ));
        }
    }
    if goals.weekly_minutes > MAX_WEEKLY_MINUTES {
        problems.push(located(
            &format!("{path}.goals.weekly_minutes"),
            &format!(
                "a weekly goal of {} minutes is more than {MAX_WEEKLY_MINUTES}",
                goals.weekly_minutes
            ),
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
