//! Masterly: mastery learning in a browser tab.
//!
//! - [`domain`] is the pure core (curricula, mastery, reports), tested natively.
//! - [`app`] is the Leptos shell that renders the domain's results in the browser.
//!
//! `docs/architecture.md` explains how the two fit together.

pub mod app;
pub mod domain;
