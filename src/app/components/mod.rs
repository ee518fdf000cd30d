//! Small reusable pieces of the pages, one per module.

pub mod course_picker;
pub mod level_badge;
pub mod rich_text;
