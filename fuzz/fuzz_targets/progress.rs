//! Fuzz target `progress`: what it calls is `entry::progress` (docs/fuzzing.md).
#![no_main]

#[allow(dead_code)] // each target uses one entry point of the shared module
#[path = "../../crates/core/tests/it/fuzz_entry/mod.rs"]
mod entry;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry::progress(data));
