//! A teacher's class in words: what the roster refuses, the reports' column
//! headings and cells, the notes shown on hover, and the CSV files written from
//! the same tables.

use crate::learning::{level_label, reason};
use crate::Say;
use masterly_core::content::markdown::{parse_markdown, plain_text};
use masterly_core::content::picture::{describe, parse_diagram, Diagram};
use masterly_core::format::class_file::{MAX_CLASS_NAME_CHARS, MAX_STUDENTS, MAX_WEEKLY_MINUTES};
use masterly_core::format::progress::MAX_NICKNAME_CHARS;
use masterly_core::teacher::class::{Cell, Column, Group, Table};
use masterly_core::teacher::reports::{to_csv, LevelCheck, Question, ReadinessMark};
use masterly_core::teacher::roster::RosterError;

impl Say for RosterError {
    fn say(&self) -> String {
        match self {
            RosterError::UnusableNickname { line, text } => format!(
                "line {line}: \"{text}\" is not a usable nickname: use 1 to {MAX_NICKNAME_CHARS} characters, without < > or control characters"
            ),
            RosterError::TooManyStudents { would_make } => format!(
                "a class file holds at most {MAX_STUDENTS} students; this would make {would_make}"
            ),
            RosterError::BadPercentile { typed } => {
                format!("a percentile is a whole number from 0 to 100, not \"{typed}\"")
            }
            RosterError::NoSuchStudent => "no such student".to_string(),
            RosterError::BadDate { typed } => format!("\"{typed}\" is not a date: use YYYY-MM-DD"),
            RosterError::BadWeeklyMinutes { typed } => format!(
                "a weekly goal is 1 to {MAX_WEEKLY_MINUTES} minutes, not \"{typed}\""
            ),
            RosterError::NoClassName => format!(
                "give the class a name: 1 to {MAX_CLASS_NAME_CHARS} characters, without < > or control characters"
            ),
            RosterError::NoStudents => "add at least one student".to_string(),
            RosterError::ClassFile(error) => error.say(),
        }
    }
}

/// What the grid's "file check" column means.
const FILE_CHECK_NOTE: &str = "Whether the levels the student's newest file states are the levels replaying its answers gives here";

/// A column's heading, on the page and in the CSV file (where an objective's
/// heading also gets its id, [`csv`]).
impl Say for Column {
    fn say(&self) -> String {
        match self {
            Column::Objective { target, .. } => short_label(target),
            Column::Week(day) => day.clone(),
            other => column_word(other).to_string(),
        }
    }
}

fn column_word(column: &Column) -> &'static str {
    match column {
        Column::Student => "student",
        Column::Mastered => "mastered",
        Column::FileCheck => "file check",
        Column::Unit => "unit",
        Column::Group => "group",
        Column::Objectives => "objectives",
        Column::PeerTutors => "peer tutors",
        Column::ScoredTries => "scored tries",
        Column::MasteredAfter => "mastered after",
        Column::SuccessAfterManyTries => "success after many tries",
        Column::WeeklyGoal => "weekly goal (minutes)",
        Column::Item => "item",
        Column::UnitId => "unit id",
        Column::ObjectiveIds => "objective ids",
        Column::CourseId => "course id",
        Column::Question => "question",
        Column::ObjectiveTarget => "objective",
        Column::Students => "students",
        Column::Answers => "answers",
        Column::Wrong => "wrong",
        Column::WrongPercent => "wrong %",
        Column::FrequentWrongAnswers => "frequent wrong answers",
        Column::Misconceptions => "misconceptions",
        Column::GoalCourse => "goal course",
        Column::TargetDate => "target date",
        Column::ObjectiveCount => "objectives",
        Column::DaysLeft => "days left",
        Column::Objective { .. } | Column::Week(_) => "",
    }
}

/// The words shown when hovering over a column's heading, if any: an objective's
/// whole target, or what the file check means.
pub fn column_note(column: &Column) -> Option<String> {
    match column {
        Column::Objective { target, .. } => Some(target.clone()),
        Column::FileCheck => Some(FILE_CHECK_NOTE.to_string()),
        _ => None,
    }
}

/// A cell as the CSV file writes it (and as the page reads it aloud).
impl Say for Cell {
    fn say(&self) -> String {
        match self {
            Cell::Text(text) | Cell::Date(text) | Cell::Learner { nickname: text, .. } => {
                text.clone()
            }
            Cell::Question(question) => question_in_words(question),
            Cell::Answers(answers) => answers
                .iter()
                .map(|(answer, count)| format!("{} ({count})", answer_in_words(answer)))
                .collect::<Vec<_>>()
                .join("; "),
            Cell::Level {
                readiness: Some(mark),
                ..
            } => readiness_word(*mark).to_string(),
            Cell::Level { level, .. } => level_label(*level).to_string(),
            Cell::Count(count) => count.to_string(),
            Cell::OutOf { count, total } => format!("{count}/{total}"),
            Cell::Minutes { minutes, goal_met } => {
                if *goal_met {
                    format!("{minutes} ✓")
                } else {
                    minutes.to_string()
                }
            }
            Cell::Days(days) => days.to_string(),
            Cell::Group(group) => match group {
                Group::Correctives => "correctives",
                Group::Enrichment => "enrichment",
                Group::NotStarted => "not started",
            }
            .to_string(),
            Cell::FileCheck(check) => match check {
                LevelCheck::NotStated => "not stated".to_string(),
                LevelCheck::NotComparable => "not compared".to_string(),
                LevelCheck::Agrees => "levels match".to_string(),
                LevelCheck::Disagrees(differences) => {
                    format!("⚠ levels differ ({})", differences.len())
                }
            },
            Cell::SuccessAfterManyTries => "yes ★".to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A question as a child saw it, in plain words: its prompt, each picture in it
/// described, and the picture it was answered on after it in brackets.
pub fn question_in_words(question: &Question) -> String {
    let describe = |diagram: &Diagram| describe(diagram).say();
    let prompt = plain_text(&parse_markdown(&question.prompt), &describe);
    match &question.picture {
        Some(picture) => format!("{prompt} [{}]", describe(picture)),
        None => prompt,
    }
}

/// An answer as a teacher reads it: as given, or a picture chosen, in words and in
/// brackets.
pub fn answer_in_words(answer: &str) -> String {
    match parse_diagram(answer) {
        Ok(picture) => format!("[{}]", describe(&picture).say()),
        Err(_) => answer.to_string(),
    }
}

/// A readiness check's mark on an objective, in a word.
pub fn readiness_word(mark: ReadinessMark) -> &'static str {
    match mark {
        ReadinessMark::Locked => "locked",
        ReadinessMark::Gap => "gap",
    }
}

/// What each mark means, for the grid's key.
pub fn readiness_meaning(mark: ReadinessMark) -> &'static str {
    match mark {
        ReadinessMark::Locked => "locked: a readiness check sent the student back to earlier units",
        ReadinessMark::Gap => "gap: a readiness check found a gap, here or before this unit; the student is looking back at it",
    }
}

const LOCKED_NOTE: &str =
    "Locked: the unit's readiness check showed the earlier units it needs are not known yet, so the student is working on those first.";
const GAP_NOTE: &str =
    "Gap: a readiness check found a gap, in this objective or in an earlier unit this one needs, and the student is looking back at it.";

/// A student whose goal is another course than the one shown.
pub fn goal_elsewhere(course: &str) -> String {
    format!("goal: {course}")
}

/// The words shown when hovering over a cell, if any: the evidence of a level,
/// or every disagreement of a file check, objective by objective.
pub fn cell_note(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Level {
            level,
            evidence,
            readiness,
        } => {
            let reason = reason(*level, evidence.as_ref());
            Some(match readiness {
                Some(ReadinessMark::Locked) => LOCKED_NOTE.to_string(),
                Some(ReadinessMark::Gap) => format!("{GAP_NOTE} Before: {reason}"),
                None => reason,
            })
        }
        Cell::Learner {
            goal_elsewhere: Some(goal),
            ..
        } => Some(goal_elsewhere(goal)),
        Cell::FileCheck(check) => match check {
            LevelCheck::NotStated => Some("The file states no levels.".to_string()),
            LevelCheck::NotComparable => {
                Some("Other files added answers that the newest file does not hold.".to_string())
            }
            LevelCheck::Agrees => None,
            LevelCheck::Disagrees(differences) => Some(
                differences
                    .iter()
                    .map(|(objective, said, replayed)| {
                        format!(
                            "{objective}: file says {}, replay gives {}",
                            level_label(*said),
                            level_label(*replayed)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        },
        _ => None,
    }
}

/// The table as a CSV file: the headings, an objective's as "title [id]" for
/// tools reading the file, then the cells' words (`to_csv` keeps formulas text).
pub fn csv(table: &Table) -> String {
    let mut rows = Vec::with_capacity(table.rows.len() + 1);
    rows.push(
        table
            .columns
            .iter()
            .map(|column| match column {
                Column::Objective { id, .. } => format!("{} [{id}]", column.say()),
                _ => column.say(),
            })
            .collect(),
    );
    rows.extend(
        table
            .rows
            .iter()
            .map(|row| row.iter().map(Say::say).collect()),
    );
    to_csv(&rows)
}

/// An objective's learning target, short enough for a column heading: without
/// "I can" and the full stop, and cut at a word before 32 characters
/// ("Tell whether a shape is cut into…"). The full target is the heading's note.
pub fn short_label(target: &str) -> String {
    const MOST: usize = 32;
    let trimmed = target.trim().trim_end_matches('.');
    let without = ["I can ", "i can "]
        .iter()
        .find_map(|prefix| trimmed.strip_prefix(prefix))
        .unwrap_or(trimmed);
    let mut label = String::new();
    for word in without.split_whitespace() {
        let needed = label.len() + usize::from(!label.is_empty()) + word.len();
        if needed > MOST && !label.is_empty() {
            label.push('…');
            break;
        }
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(word);
    }
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    label
}
