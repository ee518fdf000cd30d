//! Masterly's native tests, one binary: the core's behaviour through its public API,
//! with fixtures in `tests/fixtures/` and the fuzz corpus replayed. Run by `cargo test`.

mod fuzz_entry;
mod support;

mod architecture;
mod bundled_curricula;
mod bundled_items;
mod class_file;
mod class_import;
mod class_round_trip;
mod compact_storage;
mod demo_course;
mod docs;
mod format_reference;
mod free_space;
mod fuzz_corpus;
mod golden;
mod hostile_input;
mod mastery_cycle;
mod progress_fixtures;
mod progress_reader;
mod reports;
mod simulation;
mod summary;
