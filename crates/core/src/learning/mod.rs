//! The mastery method: the attempt log, mastery levels, planning a sitting, and the
//! replay that turns a log into levels, stages, reviews and the next step.

pub mod attempt;
pub mod mastery;
pub mod plan;
pub mod replay;
pub mod shared_id;
