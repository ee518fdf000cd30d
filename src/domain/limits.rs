//! Limits checked on raw JSON text *before* it is parsed, so that a hostile or
//! broken file (a 2 GB paste, ten thousand nested brackets, a one-megabyte title)
//! is refused with a message naming the limit instead of exhausting the tab.

use thiserror::Error;

/// The bounds one kind of file must stay within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonLimits {
    pub max_bytes: usize,
    pub max_depth: usize,
    pub max_string_bytes: usize,
    /// Objects and arrays in the whole file: bounds the number of items, attempts
    /// or anything else before a single one is built.
    pub max_containers: usize,
}

/// A limit the text broke, with where (line:column) when there is a place to name.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LimitError {
    #[error("the file is {found} bytes; files of this kind may be at most {limit} bytes")]
    TooLarge { found: usize, limit: usize },
    #[error("line {line}, column {column}: values are nested more than {limit} levels deep")]
    TooDeep {
        line: usize,
        column: usize,
        limit: usize,
    },
    #[error("line {line}, column {column}: a text value is longer than {limit} bytes")]
    StringTooLong {
        line: usize,
        column: usize,
        limit: usize,
    },
    #[error("line {line}, column {column}: the file holds more than {limit} objects and lists")]
    TooManyValues {
        line: usize,
        column: usize,
        limit: usize,
    },
}

/// Scans `text` once, tracking strings and escapes, and reports the first limit broken.
/// It does not validate JSON syntax; the parser that runs afterwards does that.
pub fn check_json_limits(text: &str, limits: &JsonLimits) -> Result<(), LimitError> {
    if text.len() > limits.max_bytes {
        return Err(LimitError::TooLarge {
            found: text.len(),
            limit: limits.max_bytes,
        });
    }
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut containers = 0usize;
    let mut offset = 0usize;
    while offset < bytes.len() {
        match bytes[offset] {
            b'"' => {
                // Skip the string in one pass to its closing quote, stepping over
                // escapes; its length is checked once it is known.
                let start = offset;
                let close = string_end(bytes, start + 1);
                let last_inside = close.map_or(bytes.len() - 1, |close| close - 1);
                if last_inside > start && last_inside - start > limits.max_string_bytes {
                    let (line, column) = line_column(text, start);
                    return Err(LimitError::StringTooLong {
                        line,
                        column,
                        limit: limits.max_string_bytes,
                    });
                }
                match close {
                    Some(close) => offset = close + 1,
                    None => break, // unterminated: the parser reports where
                }
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                containers += 1;
                if containers > limits.max_containers {
                    let (line, column) = line_column(text, offset);
                    return Err(LimitError::TooManyValues {
                        line,
                        column,
                        limit: limits.max_containers,
                    });
                }
                if depth > limits.max_depth {
                    let (line, column) = line_column(text, offset);
                    return Err(LimitError::TooDeep {
                        line,
                        column,
                        limit: limits.max_depth,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        offset += 1;
    }
    Ok(())
}

/// The offset of the quote closing a string whose text starts at `from`, if any.
fn string_end(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let found = from
            + bytes
                .get(from..)?
                .iter()
                .position(|&b| b == b'"' || b == b'\\')?;
        if bytes[found] == b'"' {
            return Some(found);
        }
        from = found + 2; // the backslash and the character it escapes
    }
}

/// 1-based line and column (in characters) of a byte offset, as editors show them.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: JsonLimits = JsonLimits {
        max_bytes: 64,
        max_depth: 3,
        max_string_bytes: 8,
        max_containers: 4,
    };

    #[test]
    fn text_within_every_limit_passes() {
        assert_eq!(
            check_json_limits(r#"{"a": [1, {"b": "short"}]}"#, &SMALL),
            Ok(())
        );
    }

    #[test]
    fn oversized_text_is_refused_before_anything_else() {
        let text = format!("[{}]", "1,".repeat(40));
        assert_eq!(
            check_json_limits(&text, &SMALL),
            Err(LimitError::TooLarge {
                found: text.len(),
                limit: 64
            })
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_names_the_place() {
        assert_eq!(
            check_json_limits("{\"a\":\n [[[1]]]}", &SMALL),
            Err(LimitError::TooDeep {
                line: 2,
                column: 4,
                limit: 3
            })
        );
    }

    #[test]
    fn brackets_inside_strings_do_not_count_as_nesting() {
        assert_eq!(check_json_limits(r#"["[[[[", "]]"]"#, &SMALL), Ok(()));
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        // The escaped quote keeps the scanner inside the string, so the string is long.
        assert_eq!(
            check_json_limits(r#"["ab\"cdefghij"]"#, &SMALL),
            Err(LimitError::StringTooLong {
                line: 1,
                column: 2,
                limit: 8
            })
        );
    }

    #[test]
    fn a_string_may_be_exactly_as_long_as_the_limit() {
        // Quote, eight bytes, quote: at the limit. One more byte is over it, and an
        // escaped backslash before the closing quote still closes the string.
        assert_eq!(check_json_limits(r#"["abcdefgh"]"#, &SMALL), Ok(()));
        assert_eq!(check_json_limits(r#"["abcdef\\", [[]]]"#, &SMALL), Ok(()));
        assert!(check_json_limits(r#"["abcdefghi"]"#, &SMALL).is_err());
        assert!(check_json_limits(r#"["abcdefg\\"]"#, &SMALL).is_err());
        // An unterminated string is left for the parser, unless it is too long.
        assert_eq!(check_json_limits(r#"["abc"#, &SMALL), Ok(()));
        assert!(check_json_limits(r#"["abcdefghijk"#, &SMALL).is_err());
    }

    #[test]
    fn too_many_objects_and_lists_are_refused_before_parsing() {
        assert_eq!(
            check_json_limits("[{}, {}, {},\n {}]", &SMALL),
            Err(LimitError::TooManyValues {
                line: 2,
                column: 2,
                limit: 4
            })
        );
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        assert_eq!(line_column("é\né€x", 8), (2, 3));
    }
}
