//! Parsing JSON files into typed values with a precise location for any failure:
//! the JSON path (`$.attempts[3].seed`) and line:column, with serde's Rust type
//! names said in JSON terms. Each file kind turns a `JsonProblem` into its own
//! typed error.

use crate::format::objects_only::ObjectsOnly;
use serde::de::DeserializeOwned;

/// Why a JSON text did not become the expected value, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonProblem {
    /// The JSON path of the value that failed; "$" for the whole file.
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// serde_json's message, as it writes it (masterly-text says it in JSON terms).
    pub detail: String,
    /// True when the text is not JSON at all (as opposed to JSON of the wrong shape).
    pub syntax: bool,
}

/// Parses `text` into `T`, locating a failure. Anything after the top-level value
/// (a second object, stray text) is a failure too.
pub fn parse_located<T: DeserializeOwned>(text: &str) -> Result<T, JsonProblem> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(ObjectsOnly(&mut deserializer)).map_err(|error| {
        let path = path_at(text, error.line(), error.column());
        locate(path, error)
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
        detail: inner.to_string(),
        syntax: inner.is_syntax() || inner.is_eof(),
    }
}

/// A container open at some point of a JSON text.
enum Open<'a> {
    /// An object, with the key last read (if any) and whether its value has begun.
    Object {
        key: Option<&'a str>,
        in_value: bool,
    },
    /// An array, with the index of the element being read, if one has begun.
    Array { index: usize, in_value: bool },
}

/// The JSON path (`$.courses[0].units`) of the value the parser was reading when it
/// stopped at `line`:`column` (1-based; the column counts bytes, as serde_json's
/// does). The text is well-formed JSON up to there, or the parser would have stopped
/// earlier, so a scan of brackets, commas, colons and strings finds the open
/// containers. This replaces a second, path-tracking parse, which doubled the
/// deserialising code in the wasm build.
fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, byte)| **byte == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(at, _)| at + 1)
    };
    // The character the parser read last, included.
    let end = (line_start + column).min(bytes.len());
    let mut open: Vec<Open> = Vec::new();
    let begin_value = |open: &mut Vec<Open>| {
        if let Some(Open::Array { in_value, .. }) = open.last_mut() {
            *in_value = true;
        }
    };
    let mut at = 0;
    while at < end {
        match bytes[at] {
            b'{' => {
                begin_value(&mut open);
                open.push(Open::Object {
                    key: None,
                    in_value: false,
                });
            }
            b'[' => {
                begin_value(&mut open);
                open.push(Open::Array {
                    index: 0,
                    in_value: false,
                });
            }
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Array { index, in_value }) => {
                    *index += 1;
                    *in_value = false;
                }
                Some(Open::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Open::Object { in_value, .. }) = open.last_mut() {
                    *in_value = true;
                }
            }
            b'"' => {
                let start = at + 1;
                let mut close = start;
                let mut escaped = false;
                while close < bytes.len() {
                    match bytes[close] {
                        _ if escaped => escaped = false,
                        b'\\' => escaped = true,
                        b'"' => break,
                        _ => {}
                    }
                    close += 1;
                }
                match open.last_mut() {
                    Some(Open::Object {
                        key,
                        in_value: false,
                    }) => *key = text.get(start..close),
                    _ => begin_value(&mut open),
                }
                at = close;
            }
            byte if !byte.is_ascii_whitespace() => begin_value(&mut open),
            _ => {}
        }
        at += 1;
    }
    let mut path = String::from("$");
    for container in &open {
        match container {
            Open::Object { key: Some(key), .. } => {
                path.push('.');
                path.push_str(key);
            }
            Open::Array {
                index,
                in_value: true,
            } => path.push_str(&format!("[{index}]")),
            _ => break,
        }
    }
    path
}

/// Which kind of Masterly file is being read, for format checks and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Curriculum,
    Progress,
    Class,
}

impl FileKind {
    pub fn format(self) -> &'static str {
        match self {
            FileKind::Curriculum => "masterly-curriculum",
            FileKind::Progress => "masterly-progress",
            FileKind::Class => "masterly-class",
        }
    }

    pub fn newest_version(self) -> u32 {
        1
    }
}

/// What can be wrong with any Masterly file as a whole, before its content is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// A limit broken before parsing (size, depth, text length, values).
    Limit(crate::format::limits::LimitError),
    /// Not JSON at all; `detail` is serde_json's message.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON of the wrong shape for this kind of file; `detail` is serde_json's
    /// message.
    Shape {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The typed reading failed where the located one did not: not expected,
    /// but said rather than assumed away.
    Unreadable,
    /// No "format" field: not a Masterly file of this kind.
    MissingFormat { kind: FileKind },
    /// Another format than this kind's (perhaps another kind of Masterly file).
    WrongFormat { kind: FileKind, found: String },
    /// Written by a newer Masterly than this one reads.
    NewerFormatVersion {
        kind: FileKind,
        found: u32,
        supported: u32,
    },
    /// Version 0 or another that never existed.
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

/// Reads a whole Masterly file of `kind`: limits first, then the typed parse; a
/// file the parse refuses is read again for its header only, so that a newer or
/// different file is explained rather than located; then the format name and
/// version of the parsed file. `header` gives those two fields of a parsed file.
pub fn parse_file<T: DeserializeOwned>(
    text: &str,
    limits: &crate::format::limits::JsonLimits,
    kind: FileKind,
    header: impl Fn(&T) -> (&str, u32),
) -> Result<T, (String, FileProblem)> {
    parse_file_with(text, limits, kind, header, |_| None)
}

/// As [`parse_file`], with a quicker reader tried first: one that reads the file as
/// Masterly writes it, or gives None and leaves it to serde (which reads any valid
/// file, and words every problem). `as_written` must answer only for text within
/// `limits` beyond their size in bytes: then a file it reads takes no separate pass
/// for the limits, which otherwise come first.
pub fn parse_file_with<T: DeserializeOwned>(
    text: &str,
    limits: &crate::format::limits::JsonLimits,
    kind: FileKind,
    header: impl Fn(&T) -> (&str, u32),
    as_written: impl Fn(&str) -> Option<T>,
) -> Result<T, (String, FileProblem)> {
    let quickly = (text.len() <= limits.max_bytes)
        .then(|| as_written(text))
        .flatten();
    let file: T = match quickly {
        Some(file) => file,
        None => {
            crate::format::limits::check_json_limits(text, limits)
                .map_err(|limit| (String::new(), FileProblem::Limit(limit)))?;
            match parse_located(text) {
                Ok(file) => file,
                Err(problem) => {
                    check_header(text, kind)?;
                    return Err(problem.into_file_problem());
                }
            }
        }
    };
    let (format, version) = header(&file);
    check_format(Some(format), Some(version), kind)?;
    Ok(file)
}

/// Which kind of Masterly file this text says it is, from its `format` field;
/// None when it is not JSON or names no Masterly format.
pub fn file_kind_of(text: &str) -> Option<FileKind> {
    const KINDS: [FileKind; 3] = [FileKind::Curriculum, FileKind::Progress, FileKind::Class];
    // Masterly writes `format` first: then the kind is read from the first bytes,
    // without a pass over a file of many megabytes.
    let leading = text
        .trim_start()
        .strip_prefix('{')
        .and_then(|rest| rest.trim_start().strip_prefix("\"format\""))
        .and_then(|rest| rest.trim_start().strip_prefix(':'))
        .and_then(|rest| rest.trim_start().strip_prefix('"'));
    if let Some(rest) = leading {
        let named = |kind: &FileKind| {
            rest.strip_prefix(kind.format())
                .is_some_and(|after| after.starts_with('"'))
        };
        if let Some(kind) = KINDS.iter().find(|kind| named(kind)) {
            return Some(*kind);
        }
    }
    let header: Header = parse_located(text).ok()?;
    let format = header.format?;
    KINDS.into_iter().find(|kind| kind.format() == format)
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

/// A value as indented JSON, as people read and edit files: the same text as
/// `serde_json::to_string_pretty`. It is written compact and then indented, so
/// that a program writing both forms carries one copy of each type's serialiser,
/// not two (about 3 KB of the student's download).
///
/// None where the value cannot be written as JSON (a map with keys that are not text).
pub fn to_pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> Option<String> {
    serde_json::to_string(value)
        .ok()
        .map(|compact| indent(&compact))
}

/// Compact JSON (as serde_json writes it: no whitespace outside strings)
/// indented two spaces a level, each member and element on a line of its own,
/// `{}` and `[]` left as they are.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 3 / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let new_line = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                // An empty one stays on its line, closed at once.
                if let Some(close) = chars.next_if(|next| matches!(next, '}' | ']')) {
                    out.push(close);
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{file_kind_of, parse_located, path_at, to_pretty_json, FileKind};

    #[test]
    fn indented_json_is_what_serde_json_writes_pretty() {
        let tricky = serde_json::json!({
            "quotes": "a \"b\" c \\",
            "structure in strings": "{}[],:\\\"",
            "empty": [[], {}, ""],
            "nested": [1, {"e": [true, null, -2.5]}, "ü\u{1F600}\n"],
        });
        assert_eq!(
            to_pretty_json(&tricky),
            serde_json::to_string_pretty(&tricky).ok()
        );
        let dirs = ["../../curricula", "tests/fixtures/curricula/good"];
        let mut checked = 0;
        for dir in dirs {
            let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
            let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
            for entry in entries.flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                let Ok(loaded) = crate::content::curriculum::load_curriculum(&text) else {
                    continue;
                };
                let pretty = serde_json::to_string_pretty(&loaded.curriculum).ok();
                assert_eq!(
                    to_pretty_json(&loaded.curriculum),
                    pretty,
                    "{:?}",
                    entry.path()
                );
                checked += 1;
            }
        }
        assert!(checked >= 3, "only {checked} curricula compared");
    }

    #[test]
    fn the_kind_of_a_file_is_its_format_wherever_the_field_is() {
        let first = r#" { "format" : "masterly-progress", "x": 1}"#;
        assert_eq!(file_kind_of(first), Some(FileKind::Progress));
        let later = r#"{"x": {"format": "masterly-progress"}, "format": "masterly-class"}"#;
        assert_eq!(file_kind_of(later), Some(FileKind::Class));
        assert_eq!(file_kind_of(r#"{"format": "masterly-classes"}"#), None);
        assert_eq!(
            file_kind_of(r#"{"format": "masterly-class"#),
            None,
            "not JSON"
        );
        assert_eq!(file_kind_of("[]"), None);
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shelf {
        books: Vec<Book>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Book {
        title: String,
        pages: u32,
    }

    fn path_of_failure(text: &str) -> String {
        parse_located::<Shelf>(text)
            .map(|_| String::from("no failure"))
            .unwrap_or_else(|problem| problem.path)
    }

    #[test]
    fn a_failure_is_located_by_the_path_of_the_value_being_read() {
        let wrong_type =
            r#"{"books": [{"title": "A", "pages": 3}, {"title": "B", "pages": "ten"}]}"#;
        assert_eq!(path_of_failure(wrong_type), "$.books[1].pages");
        let unknown = r#"{"books": [{"title": "A", "pages": 3, "author": "C"}]}"#;
        assert_eq!(path_of_failure(unknown), "$.books[0].author");
        let missing = "{\"books\": [\n  {\"title\": \"A\"}\n]}";
        assert_eq!(path_of_failure(missing), "$.books[0]");
        let not_a_list = r#"{"books": {"title": "A"}}"#;
        assert_eq!(path_of_failure(not_a_list), "$.books");
        assert_eq!(path_of_failure("{}"), "$");
    }

    #[test]
    fn brackets_and_quotes_inside_strings_do_not_confuse_the_scan() {
        let tricky = r#"{"books": [{"title": "a \"[quoted]\", {odd}", "pages": -1}]}"#;
        assert_eq!(path_of_failure(tricky), "$.books[0].pages");
        // Line and column name the last character read, counted in bytes.
        assert_eq!(path_at("{\"a\":\n [1, \"x\"]}", 2, 8), "$.a[1]");
    }
}
