//! masterly-text's tests, one binary: the sentences said for the core's fixtures
//! (the `.expected` files in `crates/core/tests/fixtures/`) and for each error.

mod fixtures;
mod sentences;
