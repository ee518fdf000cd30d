//! A teacher's class: the roster set up before handing out a class file, students'
//! progress files read into a class record, and the reports built from it.

pub mod class;
pub mod reports;
pub mod roster;
