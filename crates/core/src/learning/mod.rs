//! The mastery method: the attempt log, mastery levels, planning a sitting, and the
//! replay that turns a log into levels, stages, reviews and the next step, and the
//! simulated learners that measure how far those levels can be trusted.

pub mod attempt;
pub mod mastery;
pub mod plan;
pub mod replay;
pub mod shared_id;
pub mod simulate;
