//! One page per module.

pub mod course_map;
pub mod results;
pub mod sitting;
pub mod start;
pub mod teacher;
pub mod unit;
