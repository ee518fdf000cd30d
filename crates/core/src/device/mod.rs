//! What one browser keeps: each learner's workbook on a curriculum, the learner
//! profiles of a shared computer, and the rules that keep stored values safe.

pub mod compact;
pub mod free_space;
pub mod profiles;
pub mod room;
pub mod route;
pub mod store;
pub mod workbook;
