//! Any Masterly file a student opens: the `format` field says which kind it is,
//! and the loader of that kind reads it with every problem located. A file that
//! names no Masterly format is read as a curriculum, whose messages say what a
//! Masterly file must hold.

use crate::content::curriculum::{load_curriculum, LoadedCurriculum};
use crate::format::class_file::{load_class_file, ClassFile};
use crate::format::json::{file_kind_of, FileKind};
use crate::format::progress::{load_progress, ProgressBundle};

#[derive(Debug, Clone, PartialEq)]
pub enum MasterlyFile {
    Curriculum(LoadedCurriculum),
    Class(ClassFile),
    Progress(ProgressBundle),
}

impl MasterlyFile {
    /// The id of the curriculum the file is, carries or belongs to.
    pub fn curriculum_id(&self) -> &str {
        match self {
            MasterlyFile::Curriculum(loaded) => &loaded.curriculum.id,
            MasterlyFile::Class(file) => &file.curriculum.id,
            MasterlyFile::Progress(bundle) => &bundle.curriculum.id,
        }
    }
}

/// Reads a file of any kind: the file, or every problem found, each with where.
pub fn read_masterly_file(text: &str) -> Result<MasterlyFile, Vec<String>> {
    match file_kind_of(text) {
        Some(FileKind::Progress) => load_progress(text)
            .map(MasterlyFile::Progress)
            .map_err(|errors| lines(&errors)),
        Some(FileKind::Class) => load_class_file(text).map(MasterlyFile::Class),
        Some(FileKind::Curriculum) | None => load_curriculum(text)
            .map(MasterlyFile::Curriculum)
            .map_err(|errors| lines(&errors.0)),
    }
}

fn lines<T: ToString>(problems: &[T]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}
