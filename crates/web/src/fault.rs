//! What is left when the page meets a bug anyway. A WebAssembly trap (a panic ends in
//! one, as release builds abort on panic) stops the app where it stands; the page's
//! start-up script (`index.html`, `#fault`) then shows a plain message over it
//! instead of a frozen screen. Answers are saved before their feedback shows, so
//! nothing already answered is lost; this module lets the message also offer the
//! progress file, if the app can still make it.

use super::student::StudentSession;
use std::cell::Cell;

thread_local! {
    /// The student's app, once mounted: what the message's export button reaches.
    static STUDENT_APP: Cell<Option<StudentSession>> = const { Cell::new(None) };
}

/// Remembers the student's app for [`export_progress_after_fault`].
pub(crate) fn remember(session: StudentSession) {
    STUDENT_APP.with(|app| app.set(Some(session)));
}

/// Downloads the current learner's progress file, as the export button does; false
/// when nobody is signed in or the file could not be made. After a trap the app's
/// state may be half-changed, so this may trap in turn; the message says so then.
pub fn export_progress_after_fault() -> bool {
    STUDENT_APP
        .with(Cell::get)
        .is_some_and(|session| session.export_progress().is_some())
}
