//! A teacher's class in words: what the roster refuses.

use crate::Say;
use masterly_core::format::class_file::{MAX_CLASS_NAME_CHARS, MAX_STUDENTS, MAX_WEEKLY_MINUTES};
use masterly_core::format::progress::MAX_NICKNAME_CHARS;
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
