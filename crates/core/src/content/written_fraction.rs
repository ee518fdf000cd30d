//! Fractions inside running text, found so the shell can draw them stacked, the
//! numerator over the denominator, as children write them on paper. A fraction is
//! two whole numbers around a slash (`3/4`), or a bracketed expression on either
//! side (`(2 × 4)/(3 × 4)`, drawn without its brackets). Dates and paths such as
//! `31/03/2027` or `a/b/c`, and numbers glued to letters (`x1/2`), stay words.

/// A piece of running text: words as written, or a fraction to stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextPiece<'a> {
    Words(&'a str),
    /// The two parts as written, without the brackets around an expression, and
    /// the whole number before them when it is a mixed number (`1 3/4`).
    Fraction {
        whole: Option<&'a str>,
        numerator: &'a str,
        denominator: &'a str,
    },
}

/// The longest bracketed expression stacked as one part of a fraction.
const MAX_BRACKETED: usize = 40;

/// `text` cut into words and fractions, in order; words that hold no fraction come
/// back as one piece.
pub fn text_pieces(text: &str) -> Vec<TextPiece<'_>> {
    let mut pieces = Vec::new();
    let mut written = 0;
    for (slash, _) in text.match_indices('/') {
        if slash < written {
            continue;
        }
        let (Some(start), Some(end)) =
            (left_part(text, written, slash), right_part(text, slash + 1))
        else {
            continue;
        };
        let numerator = unbracket(&text[start..slash]);
        let whole = (numerator.len() == slash - start)
            .then(|| whole_before(text, written, start))
            .flatten();
        let first = whole.map_or(start, |whole| start - 1 - whole.len());
        if first > written {
            pieces.push(TextPiece::Words(&text[written..first]));
        }
        pieces.push(TextPiece::Fraction {
            whole,
            numerator,
            denominator: unbracket(&text[slash + 1..end]),
        });
        written = end;
    }
    if written < text.len() || pieces.is_empty() {
        pieces.push(TextPiece::Words(&text[written..]));
    }
    pieces
}

/// `words` cut in three: what is written against a fraction just before them (the
/// `,` of `1/2, 1/3`), the rest, and what is written against a fraction just after
/// them (the `(` of `(1/2)` or the `-` of `-3/4`), each up to the nearest space (a
/// no-break space is not one). A fraction drawn stacked is one box on the page, and
/// a line could otherwise break between it and its comma. Words with no space
/// between two fractions go with the one before.
pub fn cut_around_fractions(words: &str, fraction_before: bool, fraction_after: bool) -> [&str; 3] {
    // A line breaks only at a space: up to the nearest one (an ASCII byte, so always
    // between characters) all is one word.
    let head = if fraction_before {
        words
            .bytes()
            .position(|byte| byte.is_ascii_whitespace())
            .unwrap_or(words.len())
    } else {
        0
    };
    let tail = if fraction_after {
        words
            .bytes()
            .rposition(|byte| byte.is_ascii_whitespace())
            .map_or(0, |at| at + 1)
            .max(head)
    } else {
        words.len()
    };
    [&words[..head], &words[head..tail], &words[tail..]]
}

/// Where the numerator before `slash` starts, not before `floor`: digits, or a
/// bracketed expression, after a word boundary.
fn left_part(text: &str, floor: usize, slash: usize) -> Option<usize> {
    let before = &text[floor..slash];
    let start = if before.ends_with(')') {
        let open = before.rfind('(')?;
        bracketed(&before[open..])?;
        floor + open
    } else {
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return None;
        }
        slash - digits
    };
    let preceding = text[..start].chars().next_back();
    preceding.is_none_or(|c| !glued(c)).then_some(start)
}

/// The whole number of a mixed number whose fraction starts at `start`: digits
/// and one space just before it, after a word boundary, not before `floor`.
fn whole_before(text: &str, floor: usize, start: usize) -> Option<&str> {
    let before = text[floor..start].strip_suffix(' ')?;
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let whole_start = floor + before.len() - digits;
    let preceding = text[..whole_start].chars().next_back();
    (digits > 0 && preceding.is_none_or(|c| !glued(c)))
        .then(|| &text[whole_start..whole_start + digits])
}

/// Where the denominator after a slash (starting at `from`) ends: digits, or a
/// bracketed expression, before a word boundary.
fn right_part(text: &str, from: usize) -> Option<usize> {
    let after = &text[from..];
    let length = if after.starts_with('(') {
        let close = after.find(')')?;
        bracketed(&after[..=close])?;
        close + 1
    } else {
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return None;
        }
        digits
    };
    let rest = &after[length..];
    let mut following = rest.chars();
    let ends_here = match following.next() {
        None => true,
        // "1/2." ends a sentence; "1/2.5" is not a fraction of whole numbers.
        Some('.' | ',') => !following.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !glued(c),
    };
    ends_here.then_some(from + length)
}

/// A bracketed part: `(` … `)` with something inside, no other bracket or slash,
/// and short enough to stack.
fn bracketed(part: &str) -> Option<()> {
    let inner = part.strip_prefix('(')?.strip_suffix(')')?;
    let plain = !inner.contains(['(', ')', '/']) && !inner.trim().is_empty();
    (plain && part.len() <= MAX_BRACKETED).then_some(())
}

fn unbracket(part: &str) -> &str {
    part.strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .map_or(part, str::trim)
}

/// A character that joins a number to its neighbour, so the two are one word.
fn glued(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '/' | '.' | '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use TextPiece::{Fraction, Words};

    fn fraction<'a>(numerator: &'a str, denominator: &'a str) -> TextPiece<'a> {
        Fraction {
            whole: None,
            numerator,
            denominator,
        }
    }

    fn mixed<'a>(whole: &'a str, numerator: &'a str, denominator: &'a str) -> TextPiece<'a> {
        Fraction {
            whole: Some(whole),
            numerator,
            denominator,
        }
    }

    #[test]
    fn whole_numbers_around_a_slash_are_a_fraction() {
        assert_eq!(
            text_pieces("Is 3/4 more than 1 1/2?"),
            vec![
                Words("Is "),
                fraction("3", "4"),
                Words(" more than "),
                mixed("1", "1", "2"),
                Words("?"),
            ]
        );
        assert_eq!(text_pieces("3/4"), vec![fraction("3", "4")]);
        assert_eq!(
            text_pieces("half (1/2) of it"),
            vec![Words("half ("), fraction("1", "2"), Words(") of it")]
        );
        assert_eq!(
            text_pieces("It is 12/30."),
            vec![Words("It is "), fraction("12", "30"), Words(".")]
        );
        assert_eq!(
            text_pieces("-3/4, 2/3"),
            vec![
                Words("-"),
                fraction("3", "4"),
                Words(", "),
                fraction("2", "3")
            ]
        );
    }

    #[test]
    fn a_whole_number_just_before_a_fraction_makes_a_mixed_number() {
        assert_eq!(
            text_pieces("12 3/4 and 2 1/2"),
            vec![mixed("12", "3", "4"), Words(" and "), mixed("2", "1", "2")]
        );
        assert_eq!(
            text_pieces("x2 1/2, 2  1/2, -2 1/2"),
            vec![
                Words("x2 "),
                fraction("1", "2"),
                Words(", 2  "),
                fraction("1", "2"),
                Words(", -"),
                mixed("2", "1", "2"),
            ],
            "glued or two spaces before it: words then a fraction"
        );
    }

    #[test]
    fn bracketed_expressions_stack_without_their_brackets() {
        assert_eq!(
            text_pieces("so (2 × 4)/(3 × 4) = 8/12"),
            vec![
                Words("so "),
                fraction("2 × 4", "3 × 4"),
                Words(" = "),
                fraction("8", "12"),
            ]
        );
        assert_eq!(text_pieces("(1 + 2)/4"), vec![fraction("1 + 2", "4")]);
    }

    #[test]
    fn what_is_written_against_a_fraction_stays_with_it() {
        assert_eq!(
            cut_around_fractions(", the same as (", true, true),
            [",", " the same as ", "("]
        );
        assert_eq!(cut_around_fractions(").", true, false), [").", "", ""]);
        assert_eq!(cut_around_fractions("Is -", false, true), ["", "Is ", "-"]);
        assert_eq!(cut_around_fractions("-", true, true), ["-", "", ""]);
        assert_eq!(cut_around_fractions(" and ", true, true), ["", " and ", ""]);
        assert_eq!(
            cut_around_fractions("? Not 31/03/2027.", true, false),
            ["?", " Not 31/03/2027.", ""]
        );
        assert_eq!(
            cut_around_fractions("×½ x ½×", true, true),
            ["×½", " x ", "½×"]
        );
        assert_eq!(cut_around_fractions("", true, true), ["", "", ""]);
        assert_eq!(
            cut_around_fractions("\u{a0}cm, ", true, false),
            ["\u{a0}cm,", " ", ""],
            "a no-break space does not let the line break"
        );
    }

    #[test]
    fn dates_paths_decimals_and_words_stay_words() {
        for text in [
            "31/03/2027",
            "a/b",
            "x1/2",
            "1/2x",
            "1.5/2",
            "1/2.5",
            "and/or",
            "(a(b))/2",
            "/4",
            "4/",
            "",
            "no fraction here",
        ] {
            assert_eq!(text_pieces(text), vec![Words(text)], "{text:?}");
        }
    }
}
