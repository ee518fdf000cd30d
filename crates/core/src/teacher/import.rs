//! A teacher's progress files into a class, in three phases, each its own type:
//! a file is *loaded* as soon as it is read ([`LoadedProgress`], which needs no
//! curriculum), *checked* against one version of a curriculum and replayed
//! ([`CheckedProgress`]), then *merged* into the class record, all or nothing per
//! file ([`FileOutcome`]). A reader can load and check each file while the browser
//! reads the next, and merge them all once every file is in.

use crate::format::progress::{
    load_progress_quickly, CurriculumCheck, CurriculumRef, ProgressBundle, ProgressError,
};
use crate::teacher::reports::{Added, ClassRecord, ReplayedLog};

/// A progress file as loaded: the bundle, or every reason it could not be read.
pub type LoadedProgress = Result<ProgressBundle, Vec<ProgressError>>;

/// What became of one progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutcome {
    /// Merged into the class; the warnings (say, an older curriculum version) are
    /// worth a look but did not stop the file.
    Added {
        nickname: String,
        added: Added,
        warnings: Vec<ProgressError>,
    },
    /// Nothing of the file was used; every reason, with where it is in the file.
    Refused { problems: Vec<ProgressError> },
}

/// Reads one progress file into the class. A file with any error changes nothing;
/// a good file is merged by attempt id, so importing it twice changes nothing more.
/// `check` holds the curriculum the files must belong to.
pub fn import_progress_file(
    class: &mut ClassRecord,
    check: &CurriculumCheck,
    text: &str,
) -> FileOutcome {
    add_checked_progress(
        class,
        CheckedProgress::new(check, load_progress_quickly(text)),
    )
}

/// A loaded progress file with what checking it against one version of a
/// curriculum found, not yet merged. A file the class will take is replayed here
/// too, so that the reports need not wait for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedProgress {
    loaded: LoadedProgress,
    /// The curriculum, and its version, the file was checked against.
    against: CurriculumRef,
    /// What the check found (warnings among them); none for a file that did not load.
    found: Vec<ProgressError>,
    /// The log's replay, for a file with no error whose log is in canonical order.
    replayed: Option<ReplayedLog>,
}

impl CheckedProgress {
    pub fn new(check: &CurriculumCheck, loaded: LoadedProgress) -> CheckedProgress {
        let found = loaded
            .as_ref()
            .map(|bundle| check.check(bundle))
            .unwrap_or_default();
        let replayed = match &loaded {
            Ok(bundle) if found.iter().all(|problem| problem.kind.is_warning()) => {
                ReplayedLog::of(check, &bundle.attempts)
            }
            _ => None,
        };
        CheckedProgress {
            loaded,
            against: check.version(),
            found,
            replayed,
        }
    }

    /// The curriculum, and its version, this file was checked against.
    pub fn checked_against(&self) -> &CurriculumRef {
        &self.against
    }

    /// The file as loaded, to check against another curriculum.
    pub fn into_loaded(self) -> LoadedProgress {
        self.loaded
    }
}

/// A progress file on its way into the class: loaded only, or checked already
/// (each boxed: a class is hundreds of files, moved about as they arrive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IncomingProgress {
    Loaded(Box<LoadedProgress>),
    Checked(Box<CheckedProgress>),
}

impl IncomingProgress {
    /// Loads a file's text, and checks it at once when the curriculum the files
    /// belong to is known (`check`).
    pub fn read(text: &str, check: Option<&CurriculumCheck>) -> IncomingProgress {
        let loaded = load_progress_quickly(text);
        match check {
            Some(check) => IncomingProgress::Checked(Box::new(CheckedProgress::new(check, loaded))),
            None => IncomingProgress::Loaded(Box::new(loaded)),
        }
    }

    /// The file checked against `check`'s curriculum: a check made before against
    /// the same version of it is kept; any other is made again.
    pub fn checked(self, check: &CurriculumCheck) -> CheckedProgress {
        match self {
            IncomingProgress::Checked(checked) if checked.against == check.version() => *checked,
            IncomingProgress::Checked(checked) => CheckedProgress::new(check, checked.loaded),
            IncomingProgress::Loaded(loaded) => CheckedProgress::new(check, *loaded),
        }
    }
}

/// Merges files into the class against `check`'s curriculum, in order, and says
/// what became of each.
pub fn import_files(
    class: &mut ClassRecord,
    check: &CurriculumCheck,
    files: Vec<(String, IncomingProgress)>,
) -> Vec<(String, FileOutcome)> {
    files
        .into_iter()
        .map(|(name, incoming)| {
            let outcome = add_checked_progress(class, incoming.checked(check));
            (name, outcome)
        })
        .collect()
}

/// Merges a checked file into the class, unless loading or the check found an error.
pub fn add_checked_progress(class: &mut ClassRecord, checked: CheckedProgress) -> FileOutcome {
    let bundle = match checked.loaded {
        Ok(bundle) => bundle,
        Err(errors) => return FileOutcome::Refused { problems: errors },
    };
    let (warnings, errors): (Vec<ProgressError>, Vec<ProgressError>) = checked
        .found
        .into_iter()
        .partition(|problem| problem.kind.is_warning());
    if !errors.is_empty() {
        return FileOutcome::Refused { problems: errors };
    }
    let nickname = bundle.learner.nickname.clone();
    FileOutcome::Added {
        nickname,
        added: class.add_replayed(bundle, checked.replayed),
        warnings,
    }
}
