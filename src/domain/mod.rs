//! The pure core of Masterly: everything the product knows about mastery learning,
//! with no browser in sight. It takes plain values (text, timestamps) and returns
//! plain values, and is tested with plain `cargo test`.
//! `tests/architecture.rs` fails the build if anything here names a browser crate.

pub mod attempt;
pub mod case;
pub mod catalog;
pub mod class;
pub mod class_file;
pub mod curriculum;
pub mod expr;
pub mod files;
pub mod golden;
pub mod item;
pub mod json;
pub mod limits;
pub mod markdown;
pub mod mastery;
pub mod objects_only;
pub mod order;
pub mod plan;
pub mod profiles;
pub mod progress;
pub mod progress_reader;
pub mod rational;
pub mod replay;
pub mod reports;
pub mod rng;
pub mod roster;
pub mod shared_id;
pub mod store;
pub mod synthetic;
pub mod tagged;
pub mod time;
pub mod workbook;
