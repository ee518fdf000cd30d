//! Bytes to values: every file Masterly reads is checked against limits before it
//! is parsed, parsed with every problem located (JSON path, line and column), and
//! then read as its kind.

pub mod catalog;
pub mod class_file;
pub mod files;
pub mod json;
pub mod limits;
pub mod objects_only;
pub mod progress;
pub mod progress_reader;
pub mod tagged;
