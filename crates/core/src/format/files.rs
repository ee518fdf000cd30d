//! Any Masterly file a student opens: the `format` field says which kind it is,
//! and the loader of that kind reads it with every problem located. A file that
//! names no Masterly format is read as a curriculum, whose messages say what a
//! Masterly file must hold.

use crate::content::curriculum::{load_curriculum, CurriculumError, LoadedCurriculum};
use crate::format::class_file::{load_class_file, ClassFile, ClassFileError};
use crate::format::json::{file_kind_of, FileKind};
use crate::format::progress::{load_progress, ProgressBundle, ProgressError};

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

/// A problem of a file of any kind, as its own loader located it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Curriculum(CurriculumError),
    Class(ClassFileError),
    Progress(ProgressError),
}

/// Reads a file of any kind: the file, or every problem found, each with where.
pub fn read_masterly_file(text: &str) -> Result<MasterlyFile, Vec<FileError>> {
    match file_kind_of(text) {
        Some(FileKind::Progress) => load_progress(text)
            .map(MasterlyFile::Progress)
            .map_err(|errors| errors.into_iter().map(FileError::Progress).collect()),
        Some(FileKind::Class) => load_class_file(text)
            .map(MasterlyFile::Class)
            .map_err(|errors| errors.into_iter().map(FileError::Class).collect()),
        Some(FileKind::Curriculum) | None => load_curriculum(text)
            .map(MasterlyFile::Curriculum)
            .map_err(|errors| errors.0.into_iter().map(FileError::Curriculum).collect()),
    }
}
