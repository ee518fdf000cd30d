//! Parsing JSON files into typed values with a precise location for any failure:
//! the JSON path (`$.attempts[3].seed`) and line:column, with serde's Rust type
//! names said in JSON terms. Each file kind turns a `JsonProblem` into its own
//! typed error.

use serde::de::DeserializeOwned;

/// Why a JSON text did not become the expected value, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonProblem {
    /// The JSON path of the value that failed; "$" for the whole file.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub detail: String,
    /// True when the text is not JSON at all (as opposed to JSON of the wrong shape).
    pub syntax: bool,
}

/// Parses `text` into `T`, locating a failure. Anything after the top-level value
/// (a second object, stray text) is a failure too.
pub fn parse_located<T: DeserializeOwned>(text: &str) -> Result<T, JsonProblem> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = json_path(&error.path().to_string());
        locate(path, error.into_inner())
    })?;
    deserializer
        .end()
        .map_err(|inner| locate("$".to_string(), inner))?;
    Ok(value)
}

fn locate(path: String, inner: serde_json::Error) -> JsonProblem {
    JsonProblem {
        path,
        line: inner.line(),
        column: inner.column(),
        detail: plain_words(&inner.to_string()),
        syntax: inner.is_syntax() || inner.is_eof(),
    }
}

/// serde_path_to_error writes `courses[0].units`; people read `$.courses[0].units`.
fn json_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        "$".to_string()
    } else {
        format!("$.{path}")
    }
}

/// serde_json ends its messages with " at line L column C"; the position is reported
/// separately, so drop it. Rust type names mean nothing to an author or teacher, so
/// they are said in JSON terms.
fn plain_words(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(index) => &message[..index],
        None => message,
    };
    const PLAIN_WORDS: [(&str, &str); 7] = [
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a string", "expected text in quotes"),
        ("expected a sequence", "expected a list in [ ]"),
        ("expected struct ", "expected an object { } for "),
    ];
    PLAIN_WORDS
        .iter()
        .fold(message.to_string(), |text, (from, to)| {
            text.replace(from, to)
        })
}

/// Which kind of Masterly file is being read, for format checks and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Curriculum,
    Progress,
}

impl FileKind {
    pub fn format(self) -> &'static str {
        match self {
            FileKind::Curriculum => "masterly-curriculum",
            FileKind::Progress => "masterly-progress",
        }
    }

    pub fn newest_version(self) -> u32 {
        1
    }

    fn noun(self) -> &'static str {
        match self {
            FileKind::Curriculum => "curriculum",
            FileKind::Progress => "progress file",
        }
    }

    fn other_kinds(self) -> &'static str {
        match self {
            FileKind::Curriculum => "a progress or class file",
            FileKind::Progress => "a curriculum or class file",
        }
    }
}

/// What can be wrong with any Masterly file as a whole, before its content is read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error("{0}")]
    Limit(crate::domain::limits::LimitError),
    #[error("line {line}, column {column}: this is not valid JSON ({detail})")]
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("line {line}, column {column}: {detail}")]
    Shape {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("this file has no \"format\" field, so it is not a Masterly {} (expected \"format\": \"{}\")", .kind.noun(), .kind.format())]
    MissingFormat { kind: FileKind },
    #[error("expected format \"{}\", found \"{found}\"; is this {}?", .kind.format(), .kind.other_kinds())]
    WrongFormat { kind: FileKind, found: String },
    #[error("this file uses {} format version {found}, but this copy of Masterly reads versions up to {supported}; open it with a newer Masterly", .kind.noun())]
    NewerFormatVersion {
        kind: FileKind,
        found: u32,
        supported: u32,
    },
    #[error("format version {found} does not exist; the first version is 1")]
    UnknownFormatVersion { found: u32 },
}

impl JsonProblem {
    /// The problem as a file problem, with the JSON path it applies to ("" for
    /// syntax, which is located by line and column instead).
    pub fn into_file_problem(self) -> (String, FileProblem) {
        if self.syntax {
            (
                String::new(),
                FileProblem::Syntax {
                    line: self.line,
                    column: self.column,
                    detail: self.detail,
                },
            )
        } else {
            (
                self.path,
                FileProblem::Shape {
                    line: self.line,
                    column: self.column,
                    detail: self.detail,
                },
            )
        }
    }
}

#[derive(serde::Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u32>,
}

/// Reads only the `format` and `format_version` of a file and checks them, so a
/// file of another kind or from a newer Masterly is explained rather than
/// mis-parsed. Returns the JSON path and the problem.
pub fn check_header(text: &str, kind: FileKind) -> Result<(), (String, FileProblem)> {
    let header: Header = parse_located(text).map_err(JsonProblem::into_file_problem)?;
    check_format(header.format.as_deref(), header.format_version, kind)
}

/// Checks a file's format name and version against what `kind` expects.
pub fn check_format(
    format: Option<&str>,
    version: Option<u32>,
    kind: FileKind,
) -> Result<(), (String, FileProblem)> {
    match format {
        None => return Err(("$".into(), FileProblem::MissingFormat { kind })),
        Some(found) if found != kind.format() => {
            return Err((
                "$.format".into(),
                FileProblem::WrongFormat {
                    kind,
                    found: found.to_string(),
                },
            ))
        }
        Some(_) => {}
    }
    match version {
        Some(0) => Err((
            "$.format_version".into(),
            FileProblem::UnknownFormatVersion { found: 0 },
        )),
        Some(found) if found > kind.newest_version() => Err((
            "$.format_version".into(),
            FileProblem::NewerFormatVersion {
                kind,
                found,
                supported: kind.newest_version(),
            },
        )),
        // A missing version is reported by the typed parse, with its path.
        _ => Ok(()),
    }
}
