//! The list of curricula bundled with the app (`curricula/index.json`), which the
//! shell fetches from the app's own files. A deployer can add a curriculum by
//! dropping its file beside the others and naming it in the index.

use serde::{Deserialize, Serialize};
use thiserror::Error;

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
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogError {
    #[error("the curriculum list is not valid: {0}")]
    Parse(String),
    #[error("the curriculum list has format \"{0}\", expected \"masterly-catalog\"")]
    WrongFormat(String),
    #[error("curricula[{index}]: \"{file}\" must be a plain .json file name in the same folder")]
    BadFileName { index: usize, file: String },
}

pub fn parse_catalog(text: &str) -> Result<Catalog, CatalogError> {
    let catalog: Catalog =
        serde_json::from_str(text).map_err(|error| CatalogError::Parse(error.to_string()))?;
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
                file: "demo.json".into()
            }])
        );
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
