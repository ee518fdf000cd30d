//! Every sentence the shell shows, in one place, so that a translation can be added
//! without touching components. Domain messages (validation errors, level meanings)
//! come from the domain.

pub const APP_NAME: &str = "Masterly";
pub const TAGLINE: &str = "Learn it, show it, move on.";
pub const PRIVACY_NOTE: &str =
    "Your progress stays in this browser on this device. Nothing is sent anywhere.";
pub const LOADING_CURRICULA: &str = "Loading courses…";
pub const LOAD_FAILED_TITLE: &str = "The courses could not be loaded";
pub const NO_CURRICULA: &str = "No courses are bundled with this copy of Masterly.";
pub const NO_COURSE_CHOSEN: &str = "Choose a course to begin.";
pub const COURSES_NAV_LABEL: &str = "Courses";
pub const UNIT_WORD: &str = "Unit";
pub const BUILDS_ON: &str = "Builds on:";
pub const LEVELS_HEADING: &str = "What the levels mean";
pub const GRADE_WORD: &str = "Grade";

pub fn objectives_mastered(mastered: usize, total: usize) -> String {
    format!("{mastered} of {total} objectives mastered")
}

pub fn objectives_in_unit(count: usize) -> String {
    match count {
        1 => "1 objective".to_string(),
        n => format!("{n} objectives"),
    }
}
