//! Masterly's native commands for authors and researchers: the content linter
//! (`masterly-lint`) and the validity simulation (`masterly-validity`).

pub mod lint;
