//! One page per module.

pub mod action_summary;
pub mod class_setup;
pub mod course_map;
pub mod family;
pub mod results;
pub mod sitting;
pub mod start;
pub mod teacher;
pub mod this_computer;
pub mod unit;
