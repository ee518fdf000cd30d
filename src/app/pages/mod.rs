//! One page per module.

pub mod course_map;
