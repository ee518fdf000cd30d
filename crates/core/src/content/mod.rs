//! What an author writes: curricula (courses, units, objectives), their items and
//! templates, the expression language on exact rationals that draws them, and the
//! Markdown subset of every text a student reads, with its pictures.

pub mod case;
pub mod curriculum;
pub mod expr;
pub mod item;
pub mod markdown;
pub mod picture;
pub mod rational;
pub mod rng;
pub mod written_fraction;
