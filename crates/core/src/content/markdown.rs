//! The safe Markdown subset of curriculum text (lessons, correctives, prompts,
//! feedback). Text is parsed into a small tree that the shell renders as elements
//! and text nodes; nothing is ever interpreted as HTML, so `<script>` in a lesson
//! is shown as the characters `<script>`. Links are kept only for https and mailto
//! addresses, images only from the app's own files or image data URLs.
//!
//! Supported: paragraphs (separated by blank lines), `#`/`##`/`###` headings,
//! `- ` or `* ` bullet lists and `1. ` numbered lists, `**strong**`, `*emphasis*`
//! or `_emphasis_`, `` `code` ``, `[text](https://…)`, `![alt](images/x.png)`, and
//! `\` to escape any of these characters; and pictures, a block that opens and
//! closes with `:::` (`::: circle; parts: 4; shaded: 1 :::`, see
//! [`crate::content::picture`]).

use crate::content::picture::{is_diagram_block, parse_diagram, Diagram, DiagramError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// Level 1 to 3, relative to wherever the text is shown.
    Heading(u8, Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// A picture, drawn by the shell from [`crate::content::picture::draw`].
    Diagram(Diagram),
    /// A picture that cannot be drawn: the shell shows why in its place, and
    /// validation reports it.
    BadDiagram(DiagramError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Code(String),
    /// Only https: and mailto: addresses become links.
    Link {
        href: String,
        text: Vec<Inline>,
    },
    /// Only relative paths inside the app or image data URLs become images.
    Image {
        src: String,
        alt: String,
    },
}

/// How deeply strong, emphasis and link text may nest.
const MAX_NESTING: usize = 4;

pub fn parse_markdown(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    for chunk in split_blocks(text) {
        let lines: Vec<&str> = chunk.iter().map(|l| l.trim()).collect();
        let first = lines.first().copied().unwrap_or("");
        if is_diagram_block(first) {
            blocks.push(match parse_diagram(&lines.join("\n")) {
                Ok(diagram) => Block::Diagram(diagram),
                Err(error) => Block::BadDiagram(error),
            });
            continue;
        }
        if lines.len() == 1 {
            if let Some((level, rest)) = heading(first) {
                blocks.push(Block::Heading(level, parse_inlines(rest, 0)));
                continue;
            }
        }
        if lines.iter().all(|l| bullet(l).is_some()) {
            let items = lines
                .iter()
                .filter_map(|l| bullet(l))
                .map(|l| parse_inlines(l, 0))
                .collect();
            blocks.push(Block::List {
                ordered: false,
                items,
            });
        } else if lines.iter().all(|l| numbered(l).is_some()) {
            let items = lines
                .iter()
                .filter_map(|l| numbered(l))
                .map(|l| parse_inlines(l, 0))
                .collect();
            blocks.push(Block::List {
                ordered: true,
                items,
            });
        } else {
            blocks.push(Block::Paragraph(parse_inlines(&lines.join(" "), 0)));
        }
    }
    blocks
}

/// The text without any markup, for places that need plain text (titles, CSV).
/// A picture is `describe`d (masterly-text has the words; a core report writes
/// the picture's own syntax); one that cannot be drawn gives nothing.
pub fn plain_text(blocks: &[Block], describe: &dyn Fn(&Diagram) -> String) -> String {
    fn inlines(parts: &[Inline], out: &mut String) {
        for part in parts {
            match part {
                Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                Inline::Strong(inner) | Inline::Emphasis(inner) => inlines(inner, out),
                Inline::Link { text, .. } => inlines(text, out),
                Inline::Image { alt, .. } => out.push_str(alt),
            }
        }
    }
    let mut out = String::new();
    for (n, block) in blocks.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        match block {
            Block::Paragraph(parts) | Block::Heading(_, parts) => inlines(parts, &mut out),
            Block::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    inlines(item, &mut out);
                }
            }
            Block::Diagram(diagram) => out.push_str(&describe(diagram)),
            Block::BadDiagram(_) => {}
        }
    }
    out
}

fn split_blocks(text: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = line[hashes..].strip_prefix(' ')?;
    (1..=3)
        .contains(&hashes)
        .then_some((hashes as u8, rest.trim()))
}

fn bullet(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
}

fn numbered(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    line[digits..].strip_prefix(". ")
}

fn parse_inlines(text: &str, depth: usize) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let flush = |plain: &mut String, out: &mut Vec<Inline>| {
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(plain)));
        }
    };
    // Once a delimiter has no closer after some position it has none after any
    // later one: remembering that keeps a line full of unmatched `*` linear.
    let mut unclosed = Unclosed::default();
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            plain.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '`' && !unclosed.code {
            if let Some(end) = unclosed.note(find(&chars, i + 1, "`"), |u| &mut u.code) {
                flush(&mut plain, &mut out);
                out.push(Inline::Code(chars[i + 1..end].iter().collect()));
                i = end + 1;
                continue;
            }
        }
        if depth < MAX_NESTING && c == '*' && chars.get(i + 1) == Some(&'*') && !unclosed.strong {
            if let Some(end) = unclosed.note(find(&chars, i + 2, "**"), |u| &mut u.strong) {
                if end > i + 2 {
                    flush(&mut plain, &mut out);
                    let inner: String = chars[i + 2..end].iter().collect();
                    out.push(Inline::Strong(parse_inlines(&inner, depth + 1)));
                    i = end + 2;
                    continue;
                }
            }
        }
        let emphasis_open = if c == '*' {
            !unclosed.star
        } else {
            !unclosed.underscore
        };
        if depth < MAX_NESTING && (c == '*' || c == '_') && emphasis_open {
            let delimiter = c.to_string();
            let found = find(&chars, i + 1, &delimiter);
            let found = if c == '*' {
                unclosed.note(found, |u| &mut u.star)
            } else {
                unclosed.note(found, |u| &mut u.underscore)
            };
            if let Some(end) = found {
                // "2 * 3 * 4" is arithmetic, not emphasis: the text must hug the marks.
                let hugs =
                    end > i + 1 && !chars[i + 1].is_whitespace() && !chars[end - 1].is_whitespace();
                if hugs {
                    flush(&mut plain, &mut out);
                    let inner: String = chars[i + 1..end].iter().collect();
                    out.push(Inline::Emphasis(parse_inlines(&inner, depth + 1)));
                    i = end + 1;
                    continue;
                }
            }
        }
        if c == '!' && chars.get(i + 1) == Some(&'[') && !unclosed.bracket {
            if let Some((alt, target, next)) =
                unclosed.note(bracketed(&chars, i + 1), |u| &mut u.bracket)
            {
                flush(&mut plain, &mut out);
                if safe_image(&target) {
                    out.push(Inline::Image { src: target, alt });
                } else {
                    plain.push_str(&alt);
                }
                i = next;
                continue;
            }
        }
        if c == '[' && depth < MAX_NESTING && !unclosed.bracket {
            if let Some((label, target, next)) =
                unclosed.note(bracketed(&chars, i), |u| &mut u.bracket)
            {
                flush(&mut plain, &mut out);
                let text = parse_inlines(&label, depth + 1);
                if safe_link(&target) {
                    out.push(Inline::Link { href: target, text });
                } else {
                    // An unsafe address keeps its words and loses the link.
                    out.extend(text);
                }
                i = next;
                continue;
            }
        }
        plain.push(c);
        i += 1;
    }
    flush(&mut plain, &mut out);
    out
}

/// Which delimiters are known to have no closer further on in the current text.
#[derive(Default)]
struct Unclosed {
    code: bool,
    strong: bool,
    star: bool,
    underscore: bool,
    bracket: bool,
}

impl Unclosed {
    /// Passes a search result through, remembering a miss.
    fn note<T>(
        &mut self,
        found: Option<T>,
        flag: impl FnOnce(&mut Unclosed) -> &mut bool,
    ) -> Option<T> {
        if found.is_none() {
            *flag(self) = true;
        }
        found
    }
}

/// Position of `delimiter` at or after `from`, skipping escaped characters.
fn find(chars: &[char], from: usize, delimiter: &str) -> Option<usize> {
    let wanted: Vec<char> = delimiter.chars().collect();
    let mut i = from;
    while i + wanted.len() <= chars.len() {
        if chars[i] == '\\' {
            i += 2;
            continue;
        }
        if chars[i..i + wanted.len()] == wanted[..] {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `[label](target)` starting at `open`: the label, the target and the position after.
fn bracketed(chars: &[char], open: usize) -> Option<(String, String, usize)> {
    let close = find(chars, open + 1, "]")?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    // The target ends at the bracket that closes its "(", so addresses may
    // contain balanced brackets.
    let mut depth = 0usize;
    let mut end = None;
    for (offset, &c) in chars[close + 2..].iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = Some(close + 2 + offset);
                break;
            }
            ')' => depth -= 1,
            _ => {}
        }
    }
    let end = end?;
    let label = chars[open + 1..close].iter().collect();
    let target: String = chars[close + 2..end].iter().collect();
    Some((label, target.trim().to_string(), end + 1))
}

fn clean(target: &str) -> bool {
    !target.is_empty()
        && !target
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

/// Links open only web pages over https and e-mail addresses.
pub fn safe_link(target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    clean(target) && (lower.starts_with("https://") || lower.starts_with("mailto:"))
}

/// Images come only from the app's own folder (a relative path that stays inside
/// it) or from image data URLs, so showing a lesson never contacts another site.
pub fn safe_image(target: &str) -> bool {
    if !clean(target) {
        return false;
    }
    let lower = target.to_ascii_lowercase();
    if let Some(data) = lower.strip_prefix("data:image/") {
        return ["png;base64,", "jpeg;base64,", "gif;base64,", "webp;base64,"]
            .iter()
            .any(|kind| data.starts_with(kind));
    }
    let own_file = !lower.contains(':')
        && !lower.starts_with('/')
        && !lower.contains('\\')
        && !lower.split('/').any(|part| part == ".." || part.is_empty());
    own_file
        && [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"]
            .iter()
            .any(|extension| lower.ends_with(extension))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn html_and_script_are_plain_text() {
        assert_eq!(
            parse_markdown("<script>alert(1)</script> <b>hi</b>"),
            vec![Block::Paragraph(vec![text(
                "<script>alert(1)</script> <b>hi</b>"
            )])]
        );
    }

    #[test]
    fn strong_emphasis_and_code_are_recognised() {
        assert_eq!(
            parse_markdown("Add **only the *top* numbers**: `3/8 + 2/8`."),
            vec![Block::Paragraph(vec![
                text("Add "),
                Inline::Strong(vec![
                    text("only the "),
                    Inline::Emphasis(vec![text("top")]),
                    text(" numbers")
                ]),
                text(": "),
                Inline::Code("3/8 + 2/8".into()),
                text("."),
            ])]
        );
    }

    #[test]
    fn arithmetic_stars_and_escapes_stay_literal() {
        assert_eq!(
            parse_markdown("2 * 3 * 4 = 24 and \\*not emphasis\\*"),
            vec![Block::Paragraph(vec![text(
                "2 * 3 * 4 = 24 and *not emphasis*"
            )])]
        );
    }

    #[test]
    fn only_https_and_mailto_links_survive() {
        assert_eq!(
            parse_markdown("[site](https://example.org) [bad](javascript:alert(1)) [mail](mailto:t@example.org) [plain](http://example.org)"),
            vec![Block::Paragraph(vec![
                Inline::Link { href: "https://example.org".into(), text: vec![text("site")] },
                text(" "),
                text("bad"),
                text(" "),
                Inline::Link { href: "mailto:t@example.org".into(), text: vec![text("mail")] },
                text(" "),
                text("plain"),
            ])]
        );
    }

    #[test]
    fn images_come_only_from_the_app_or_data_urls() {
        assert!(safe_image("images/number-line.svg"));
        assert!(safe_image("data:image/png;base64,iVBORw0KGgo="));
        for bad in [
            "https://example.org/x.png",
            "/etc/x.png",
            "../secret.png",
            "images//x.png",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "javascript:alert(1)",
            "images/x.html",
        ] {
            assert!(!safe_image(bad), "{bad}");
        }
        assert_eq!(
            parse_markdown("![a strip in 4 parts](https://tracker.example/x.png)"),
            vec![Block::Paragraph(vec![text("a strip in 4 parts")])]
        );
    }

    #[test]
    fn blocks_lists_and_headings_are_split_by_blank_lines() {
        let blocks = parse_markdown("## Steps\n\n1. Count the parts.\n2. Name one part.\n\n- one\n- two\n\nFirst line\ncontinues here.");
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[0], Block::Heading(2, vec![text("Steps")]));
        assert!(matches!(&blocks[1], Block::List { ordered: true, items } if items.len() == 2));
        assert!(matches!(&blocks[2], Block::List { ordered: false, items } if items.len() == 2));
        assert_eq!(
            blocks[3],
            Block::Paragraph(vec![text("First line continues here.")])
        );
        assert_eq!(plain_text(&blocks[..1], &|_| String::new()), "Steps");
    }

    #[test]
    fn a_long_line_of_unmatched_marks_is_read_in_linear_time() {
        // 64 KiB is the longest text a curriculum may hold; quadratic rescanning
        // would take seconds here.
        let hostile = "[".repeat(32 * 1024) + &"![(".repeat(8 * 1024) + &"x *".repeat(4 * 1024);
        let blocks = parse_markdown(&hostile);
        assert_eq!(plain_text(&blocks, &|_| String::new()), hostile);
    }

    #[test]
    fn deep_nesting_is_bounded_and_never_panics() {
        let hostile = "**".repeat(500) + &"[".repeat(300) + &"*_`".repeat(200);
        let blocks = parse_markdown(&hostile);
        assert!(!blocks.is_empty());
    }
}
