//! The list of curricula bundled with the app (`curricula/index.json`), which the
//! shell fetches from the app's own files. A deployer can add a curriculum by
//! dropping its file beside the others and naming it in the index.
//!
//! An entry may also give the curriculum's id and its courses (id and title): the
//! student's page then lists those courses without fetching the file, and fetches it
//! only when a course of it is opened. An entry with the file name alone is fetched
//! as the page opens. [`listing_of`] writes the entry for a curriculum.

use crate::content::curriculum::Curriculum;
use serde::{Deserialize, Serialize};

pub const CATALOG_FORMAT: &str = "masterly-catalog";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub format: String,
    pub curricula: Vec<CatalogEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    /// File name relative to the catalog, e.g. "demo.json".
    pub file: String,
    /// The id of the curriculum in the file; with `courses`, it lets the file be
    /// fetched only when it is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<ListedCourse>,
}

/// A course as the catalog lists it: enough to offer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListedCourse {
    pub id: String,
    pub title: String,
}

/// A bundled curriculum known from the catalog only, not fetched yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub file: String,
    pub id: String,
    pub courses: Vec<ListedCourse>,
}

impl CatalogEntry {
    /// The listing this entry gives, when it names the curriculum and its courses.
    pub fn listing(&self) -> Option<Listing> {
        let id = self.id.clone()?;
        (!self.courses.is_empty()).then(|| Listing {
            file: self.file.clone(),
            id,
            courses: self.courses.clone(),
        })
    }
}

/// The catalog entry for `curriculum` kept in `file`: its id and every course.
pub fn listing_of(file: &str, curriculum: &Curriculum) -> CatalogEntry {
    CatalogEntry {
        file: file.to_string(),
        id: Some(curriculum.id.clone()),
        courses: listed_courses(curriculum),
    }
}

/// Every course of `curriculum` as a catalog lists it.
pub fn listed_courses(curriculum: &Curriculum) -> Vec<ListedCourse> {
    curriculum
        .courses
        .iter()
        .map(|course| ListedCourse {
            id: course.id.clone(),
            title: course.title.clone(),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// `index.json` is not JSON of the catalog's shape (serde_json's message).
    Parse(String),
    /// Its format is not "masterly-catalog".
    WrongFormat(String),
    /// An entry's file is not a plain `.json` name in the same folder.
    BadFileName { index: usize, file: String },
    /// An entry gives only one of "id" and "courses".
    HalfListed { index: usize, file: String },
}

pub fn parse_catalog(text: &str) -> Result<Catalog, CatalogError> {
    let catalog: Catalog = crate::format::objects_only::from_str(text)
        .map_err(|error| CatalogError::Parse(error.to_string()))?;
    if catalog.format != CATALOG_FORMAT {
        return Err(CatalogError::WrongFormat(catalog.format));
    }
    for (index, entry) in catalog.curricula.iter().enumerate() {
        // Only sibling files: the app fetches nothing but its own folder.
        let plain = entry.file.ends_with(".json")
            && !entry.file.contains(['/', '\\', ':', '?', '#'])
            && !entry.file.starts_with('.');
        if !plain {
            return Err(CatalogError::BadFileName {
                index,
                file: entry.file.clone(),
            });
        }
        if entry.id.is_some() == entry.courses.is_empty() {
            return Err(CatalogError::HalfListed {
                index,
                file: entry.file.clone(),
            });
        }
    }
    Ok(catalog)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalog_lists_sibling_json_files() {
        let catalog =
            parse_catalog(r#"{"format":"masterly-catalog","curricula":[{"file":"demo.json"}]}"#);
        assert_eq!(
            catalog.map(|c| c.curricula),
            Ok(vec![CatalogEntry {
                file: "demo.json".into(),
                id: None,
                courses: Vec::new(),
            }])
        );
    }

    #[test]
    fn an_entry_with_id_and_courses_is_a_listing() {
        let text = r#"{"format":"masterly-catalog","curricula":[
            {"file":"a.json","id":"a","courses":[{"id":"c1","title":"Course one"}]},
            {"file":"b.json"}]}"#;
        let catalog = parse_catalog(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            catalog.curricula[0].listing(),
            Some(Listing {
                file: "a.json".into(),
                id: "a".into(),
                courses: vec![ListedCourse {
                    id: "c1".into(),
                    title: "Course one".into()
                }],
            })
        );
        assert_eq!(catalog.curricula[1].listing(), None);
    }

    #[test]
    fn an_entry_needs_both_id_and_courses_or_neither() {
        for entry in [
            r#"{"file":"a.json","id":"a"}"#,
            r#"{"file":"a.json","id":"a","courses":[]}"#,
            r#"{"file":"a.json","courses":[{"id":"c1","title":"One"}]}"#,
        ] {
            let text = format!(r#"{{"format":"masterly-catalog","curricula":[{entry}]}}"#);
            let error = parse_catalog(&text).err();
            assert_eq!(
                error,
                Some(CatalogError::HalfListed {
                    index: 0,
                    file: "a.json".into()
                }),
                "{entry}"
            );
        }
    }

    #[test]
    fn a_catalog_entry_cannot_point_outside_the_app() {
        for file in [
            "https://example.com/x.json",
            "../x.json",
            "a/b.json",
            "x.txt",
        ] {
            let text =
                format!(r#"{{"format":"masterly-catalog","curricula":[{{"file":"{file}"}}]}}"#);
            assert_eq!(
                parse_catalog(&text),
                Err(CatalogError::BadFileName {
                    index: 0,
                    file: file.into()
                }),
                "{file}"
            );
        }
    }
}
