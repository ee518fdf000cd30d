//! Every sentence Masterly says about what the core reports. The core says *what*
//! and *where* (typed errors, levels, kinds, report columns and cells); this crate
//! says it in English for a person, through one trait, [`Say`]. A translation
//! replaces this crate and the shell's `text.rs`, and touches nothing else.
//!
//! The modules follow the core's folders.

pub mod content;
pub mod device;
pub mod format;
pub mod learning;
pub mod picture;
pub mod teacher;

/// Says a value from the core in English for a person.
pub trait Say {
    fn say(&self) -> String;
}

/// "path: what" for a problem located in a file; the problem alone when it is about
/// the file as a whole (an empty path).
pub fn located(path: &str, what: &impl Say) -> String {
    if path.is_empty() {
        what.say()
    } else {
        format!("{path}: {}", what.say())
    }
}

/// Each of `values` said, in order: a file's problems as the lines of a list.
pub fn say_all(values: &[impl Say]) -> Vec<String> {
    values.iter().map(Say::say).collect()
}
