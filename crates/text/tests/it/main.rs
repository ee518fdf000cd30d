//! masterly-text's tests, one binary: the sentences said for the core's fixtures
//! (the `.expected` files in `crates/core/tests/fixtures/`), for each error, for
//! the reason of a level, and the reports' headings, cells and CSV files.

mod fixtures;
mod pictures;
mod reasons;
mod reports;
mod sentences;
