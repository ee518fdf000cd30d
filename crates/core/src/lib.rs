//! Masterly's core: everything the product knows about mastery learning, with no
//! browser in sight. It takes plain values (text, timestamps) and returns plain
//! values, and is tested natively with `cargo test`. Its `Cargo.toml` names no
//! browser crate, so the compiler keeps it pure.
//!
//! The folders follow a student's answer and a teacher's files through the product:
//!
//! - [`format`](mod@format): bytes to values. Limits checked before parsing, errors located by
//!   JSON path and line, and the file kinds: progress, class, catalog, any file.
//! - [`content`]: what an author writes. Curricula, items, templates, the
//!   expression language on exact rationals, the Markdown subset.
//! - [`learning`]: the mastery method. Attempts, levels, planning a sitting, replay.
//! - [`device`]: what one browser keeps. Workbooks, learner profiles, the storage rules.
//! - [`teacher`]: a class. The roster, progress files read into a class, the reports.
//!
//! [`time`] and [`order`] are the small vocabulary all of them share.
//!
//! The types a reader meets first are re-exported here: a [`Curriculum`] of
//! [`Course`]s, [`Unit`]s and [`Objective`]s; its [`Item`]s, each drawn as an
//! [`ItemInstance`] for a seed and [`judge`]d against a [`Response`]; the
//! [`Attempt`] log a [`Workbook`] keeps and a [`ProgressBundle`] hands in; and
//! [`replay`], which turns a log into a [`Replay`] of [`MasteryLevel`]s, from which
//! [`plan_sitting`] chooses what comes next.

pub mod content;
pub mod device;
pub mod format;
pub mod learning;
pub mod order;
pub mod teacher;
pub mod time;

pub use content::curriculum::{load_curriculum, Course, Curriculum, Objective, Unit};
pub use content::item::{judge, Item, ItemInstance, Response};
pub use device::workbook::Workbook;
pub use format::progress::{load_progress, ProgressBundle};
pub use learning::attempt::Attempt;
pub use learning::mastery::MasteryLevel;
pub use learning::plan::{plan_sitting, PlanRequest};
pub use learning::replay::{replay, Replay};
