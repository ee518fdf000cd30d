//! A teacher's class: the roster set up before handing out a class file, students'
//! progress files read into a class record, the reports built from it, and the
//! summary of what to do tomorrow.

pub mod class;
pub mod import;
pub mod reports;
pub mod roster;
pub mod summary;
