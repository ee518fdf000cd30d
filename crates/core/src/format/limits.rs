//! Limits checked on raw JSON text *before* it is parsed, so that a hostile or
//! broken file (a 2 GB paste, ten thousand nested brackets, a one-megabyte title)
//! is refused with a message naming the limit instead of exhausting the tab.

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LimitError {
    /// More bytes than files of this kind may have.
    TooLarge { found: usize, limit: usize },
    /// Values nested deeper than the limit (at the first place that is).
    TooDeep {
        line: usize,
        column: usize,
        limit: usize,
    },
    /// A text value longer than the limit.
    StringTooLong {
        line: usize,
        column: usize,
        limit: usize,
    },
    /// More objects and lists than the limit.
    TooManyValues {
        line: usize,
        column: usize,
        limit: usize,
    },
}

/// Scans `text`, tracking strings and escapes, and reports the first limit broken.
/// It does not validate JSON syntax; the parser that runs afterwards does that.
pub fn check_json_limits(text: &str, limits: &JsonLimits) -> Result<(), LimitError> {
    if text.len() > limits.max_bytes {
        return Err(LimitError::TooLarge {
            found: text.len(),
            limit: limits.max_bytes,
        });
    }
    // Nearly every file is within its limits: a fast scan says so, and only a file
    // it refuses is read again byte by byte to name the first limit and where.
    if within_limits(text.as_bytes(), limits) {
        return Ok(());
    }
    first_limit_broken(text, limits)
}

/// The byte-by-byte scan that names the first limit broken, and where. Public so
/// that the test kit can compare it with [`within_limits`].
pub fn first_limit_broken(text: &str, limits: &JsonLimits) -> Result<(), LimitError> {
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

/// Whether `bytes` break none of the limits other than size: the same answer as
/// [`first_limit_broken`] gives, found 64 bytes at a time. Each block is turned into
/// bit masks of its quotes, backslashes and brackets; which bytes are inside strings
/// follows from the quotes alone (each one flips in and out), so brackets are counted
/// and strings measured without stepping through the bytes. A block with a backslash
/// in it, or right after one, is read byte by byte, as escapes are rare.
pub fn within_limits(bytes: &[u8], limits: &JsonLimits) -> bool {
    let mut scan = Scan::default();
    // Strings that open and close inside one block are shorter than 64 bytes; the
    // blocks rely on that, so tighter limits are checked byte by byte.
    let blocks: &[[u8; BLOCK]] = if limits.max_string_bytes >= BLOCK {
        bytes.as_chunks().0
    } else {
        &[]
    };
    for (index, block) in blocks.iter().enumerate() {
        if !scan.block(index * BLOCK, block, limits) {
            return false;
        }
    }
    let base = blocks.len() * BLOCK;
    for (offset, &byte) in bytes.iter().enumerate().skip(base) {
        if !scan.byte(offset, byte, limits) {
            return false;
        }
    }
    // A string still open runs to the end of the text.
    !scan.in_string || bytes.len() - 1 - scan.string_start <= limits.max_string_bytes
}

const BLOCK: usize = 64;

/// Where a scan is: nesting, objects and lists so far, and the string it is in.
#[derive(Debug, Default)]
struct Scan {
    depth: usize,
    containers: usize,
    in_string: bool,
    /// The offset of the quote that opened the string the scan is in.
    string_start: usize,
    /// The byte before was a backslash inside a string.
    escaped: bool,
}

impl Scan {
    /// One byte, read as [`first_limit_broken`] reads it. False when a limit is broken.
    fn byte(&mut self, offset: usize, byte: u8, limits: &JsonLimits) -> bool {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if byte == b'\\' {
                self.escaped = true;
            } else if byte == b'"' {
                self.in_string = false;
                return offset - self.string_start - 1 <= limits.max_string_bytes;
            }
            return true;
        }
        match byte {
            b'"' => {
                self.in_string = true;
                self.string_start = offset;
                true
            }
            b'[' | b'{' => {
                self.depth += 1;
                self.containers += 1;
                self.depth <= limits.max_depth && self.containers <= limits.max_containers
            }
            b']' | b'}' => {
                self.depth = self.depth.saturating_sub(1);
                true
            }
            _ => true,
        }
    }

    /// One block of 64 bytes starting at `base`. False when a limit is broken.
    fn block(&mut self, base: usize, block: &[u8; BLOCK], limits: &JsonLimits) -> bool {
        let masks = block_masks(block);
        if self.escaped || masks.backslash != 0 {
            return block
                .iter()
                .enumerate()
                .all(|(i, &byte)| self.byte(base + i, byte, limits));
        }
        // Bit i of `inside` is set when byte i is inside a string (an opening
        // quote counts as inside, a closing one as outside).
        let carried = if self.in_string { u64::MAX } else { 0 };
        let inside = prefix_xor(masks.quote) ^ carried;
        if self.in_string && masks.quote != 0 {
            // The block's first quote closes the string carried in.
            let close = base + masks.quote.trailing_zeros() as usize;
            if close - self.string_start - 1 > limits.max_string_bytes {
                return false;
            }
        }
        self.in_string = inside >> (BLOCK - 1) == 1;
        if self.in_string {
            let opening = masks.quote & inside;
            if opening != 0 {
                self.string_start = base + (BLOCK - 1) - opening.leading_zeros() as usize;
            }
            // Already longer than the limit, however it ends.
            if base + (BLOCK - 1) - self.string_start > limits.max_string_bytes {
                return false;
            }
        }
        let open = masks.open & !inside;
        let close = masks.close & !inside;
        let opens = open.count_ones() as usize;
        let closes = close.count_ones() as usize;
        self.containers += opens;
        if self.containers > limits.max_containers {
            return false;
        }
        if self.depth >= closes && self.depth + opens <= limits.max_depth {
            // No bracket can pass the limit or close below the top level.
            self.depth = self.depth + opens - closes;
            return true;
        }
        let mut brackets = open | close;
        while brackets != 0 {
            let bit = brackets & brackets.wrapping_neg();
            if open & bit != 0 {
                self.depth += 1;
                if self.depth > limits.max_depth {
                    return false;
                }
            } else {
                self.depth = self.depth.saturating_sub(1);
            }
            brackets &= brackets - 1;
        }
        true
    }
}

/// Bit i of `bits` becomes the parity of bits 0 to i: set when an odd number of
/// quotes came before byte i or at it.
fn prefix_xor(mut bits: u64) -> u64 {
    let mut shift = 1;
    while shift < BLOCK {
        bits ^= bits << shift;
        shift *= 2;
    }
    bits
}

/// Bit i set where byte i of a block is a quote, a backslash, `[` or `{`, `]` or `}`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Masks {
    quote: u64,
    backslash: u64,
    open: u64,
    close: u64,
}

/// The masks of a block, 16 bytes at a time. `[`/`{` and `]`/`}` differ only in the
/// 0x20 bit, so setting it turns each pair into one byte to compare with.
fn block_masks(block: &[u8; BLOCK]) -> Masks {
    let mut masks = Masks::default();
    for (lane, chunk) in block.as_chunks::<16>().0.iter().enumerate() {
        let [quote, backslash, open, close] = lanes::masks16(chunk);
        let shift = 16 * lane;
        masks.quote |= u64::from(quote) << shift;
        masks.backslash |= u64::from(backslash) << shift;
        masks.open |= u64::from(open) << shift;
        masks.close |= u64::from(close) << shift;
    }
    masks
}

/// 16 bytes compared at once where the processor can (SSE2 on x86-64, SIMD128 in
/// WebAssembly when it is turned on, as `.cargo/config.toml` does), one at a time
/// elsewhere. Each gives the masks of a quote, a backslash, `[{` and `]}`.
#[cfg(target_arch = "x86_64")]
mod lanes {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    pub fn masks16(chunk: &[u8; 16]) -> [u16; 4] {
        // SAFETY: SSE2 is part of every x86-64 processor, and the load reads
        // exactly the 16 bytes of `chunk` (unaligned loads are allowed).
        unsafe {
            let bytes = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            let folded = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
            let mask = |v: __m128i, byte: u8| {
                _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(byte as i8))) as u16
            };
            [
                mask(bytes, b'"'),
                mask(bytes, b'\\'),
                mask(folded, b'{'),
                mask(folded, b'}'),
            ]
        }
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_load, v128_or};

    pub fn masks16(chunk: &[u8; 16]) -> [u16; 4] {
        // SAFETY: an unaligned load of exactly the 16 bytes of `chunk`.
        let bytes = unsafe { v128_load(chunk.as_ptr().cast::<v128>()) };
        let folded = v128_or(bytes, u8x16_splat(0x20));
        let mask = |v: v128, byte: u8| u8x16_bitmask(u8x16_eq(v, u8x16_splat(byte)));
        [
            mask(bytes, b'"'),
            mask(bytes, b'\\'),
            mask(folded, b'{'),
            mask(folded, b'}'),
        ]
    }
}

#[cfg(not(any(
    target_arch = "x86_64",
    all(target_arch = "wasm32", target_feature = "simd128")
)))]
mod lanes {
    pub fn masks16(chunk: &[u8; 16]) -> [u16; 4] {
        let mut masks = [0u16; 4];
        for (i, &byte) in chunk.iter().enumerate() {
            let folded = byte | 0x20;
            let found = [byte == b'"', byte == b'\\', folded == b'{', folded == b'}'];
            for (mask, found) in masks.iter_mut().zip(found) {
                *mask |= u16::from(found) << i;
            }
        }
        masks
    }
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
    fn each_limit_is_found_across_block_boundaries() {
        let limits = JsonLimits {
            max_bytes: usize::MAX,
            max_depth: 3,
            max_string_bytes: 100,
            max_containers: 10,
        };
        let padded = |inner: &str| format!("{}{inner}", " ".repeat(60));
        // A string of exactly 100 bytes spanning blocks is fine; 101 is not, also
        // when it is never closed.
        let at_limit = padded(&format!("[\"{}\"]", "b".repeat(100)));
        assert_eq!(check_json_limits(&at_limit, &limits), Ok(()));
        let over = padded(&format!("[\"{}\"]", "b".repeat(101)));
        assert_eq!(
            check_json_limits(&over, &limits),
            Err(LimitError::StringTooLong {
                line: 1,
                column: 62,
                limit: 100
            })
        );
        let unclosed = padded(&format!("[\"{}", "b".repeat(101)));
        assert!(check_json_limits(&unclosed, &limits).is_err());
        // Brackets inside a long string do not count; outside they do.
        let quoted = padded(&format!("\"{}\"", "[".repeat(90)));
        assert_eq!(check_json_limits(&quoted, &limits), Ok(()));
        let deep = padded("[[[ [ ]]]]");
        assert!(matches!(
            check_json_limits(&deep, &limits),
            Err(LimitError::TooDeep { column: 65, .. })
        ));
        let many = padded(&"[] ".repeat(11));
        assert!(matches!(
            check_json_limits(&many, &limits),
            Err(LimitError::TooManyValues { .. })
        ));
        // An escape at the end of one block (offset 63) keeps the string open
        // into the next, where its brackets still do not count.
        let escaped = format!("[\"{}\\\"{}\"]", "c".repeat(61), "[".repeat(30));
        assert_eq!(check_json_limits(&escaped, &limits), Ok(()));
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        assert_eq!(line_column("é\né€x", 8), (2, 3));
    }
}
