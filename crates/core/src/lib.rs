//! Masterly's core: everything the product knows about mastery learning, with no
//! browser in sight. It takes plain values (text, timestamps) and returns plain
//! values, and is tested natively with `cargo test`. Its `Cargo.toml` names no
//! browser crate, so the compiler keeps it pure.
//!
//! The folders follow a student's answer and a teacher's files through the product:
//!
//! - [`format`]: bytes to values. Limits checked before parsing, errors located by
//!   JSON path and line, and the file kinds: progress, class, catalog, any file.
//! - [`content`]: what an author writes. Curricula, items, templates, the
//!   expression language on exact rationals, the Markdown subset.
//! - [`learning`]: the mastery method. Attempts, levels, planning a sitting, replay.
//! - [`device`]: what one browser keeps. Workbooks, learner profiles, the storage rules.
//! - [`teacher`]: a class. The roster, progress files read into a class, the reports.
//!
//! [`time`] and [`order`] are the small vocabulary all of them share.

pub mod content;
pub mod device;
pub mod format;
pub mod learning;
pub mod order;
pub mod teacher;
pub mod time;
