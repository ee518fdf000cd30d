//! Small reusable pieces of the pages, one per module.

pub mod course_picker;
pub mod focus;
pub mod item_player;
pub mod level_badge;
pub mod notices;
pub mod open_file;
pub mod picture;
pub mod problem_list;
pub mod rich_text;
