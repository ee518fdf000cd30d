//! The texts of an item as an instance shows them: literal, or with placeholders
//! (`{a + b}`, `{x:mixed}`) parsed into pieces and rendered for the values drawn.

use super::*;

/// A text of an item, ready to render: taken literally (a fixed item), with its
/// placeholders parsed into pieces, or checked now and parsed when rendered. Texts
/// that validation renders for every seed are parsed once; texts only a student
/// sees (prompt, hints, solution, feedback) are rendered once per instance, so
/// keeping their pieces would only cost time. Literals borrow from the item.
#[derive(Debug, Clone)]
pub(super) struct Text<'a> {
    field: Field,
    body: Body<'a>,
}

#[derive(Debug, Clone)]
enum Body<'a> {
    Literal(&'a str),
    Pieces(Vec<Piece<'a>>),
    Deferred { text: &'a str, names: Rc<[&'a str]> },
}

#[derive(Debug, Clone)]
enum Piece<'a> {
    Literal(Cow<'a, str>),
    Value(Expr, Format<'a>),
}

#[derive(Debug, Clone, Copy)]
enum Format<'a> {
    Fraction,
    Mixed,
    Decimal,
    /// `{n:gap|gaps}`: the first word for a value above 0 and at most 1 ("1 gap",
    /// "3/4 cup"), the second for any other ("0 gaps", "3 gaps", "1 1/2 cups");
    /// after a condition (`{a < b:<|}`), the first word when it holds.
    Word {
        one: &'a str,
        many: &'a str,
    },
}

impl<'a> Text<'a> {
    /// Parses the placeholders of a templated item's text, which may read the
    /// template's `names`; a fixed item's text (`None`) is taken literally.
    pub(super) fn compile(
        text: &'a str,
        field: Field,
        id: &str,
        names: Option<&[&str]>,
    ) -> Result<Text<'a>, InstanceError> {
        let body = match names {
            Some(names) => Body::Pieces(parse_placeholders(text, field, id, Some(names))?),
            None => Body::Literal(text),
        };
        Ok(Text { field, body })
    }

    /// Checks the placeholders of a templated item's text now, and parses them
    /// again only when the text is rendered.
    pub(super) fn deferred(
        text: &'a str,
        field: Field,
        id: &str,
        names: Option<&Rc<[&'a str]>>,
    ) -> Result<Text<'a>, InstanceError> {
        let body = match names {
            Some(names) => {
                scan_placeholders(text, field, id, Some(names), &mut |_| {})?;
                Body::Deferred {
                    text,
                    names: Rc::clone(names),
                }
            }
            None => Body::Literal(text),
        };
        Ok(Text { field, body })
    }

    /// Whether the text may hold a picture block (`:::`), so it is worth reading.
    pub(super) fn may_hold_picture(&self) -> bool {
        match &self.body {
            Body::Literal(text) | Body::Deferred { text, .. } => text.contains(":::"),
            Body::Pieces(pieces) => pieces
                .iter()
                .any(|p| matches!(p, Piece::Literal(text) if text.contains(':'))),
        }
    }

    /// Where the text is in the item, for a message.
    pub(super) fn path(&self, id: &str) -> String {
        self.field.path(id)
    }

    pub(super) fn render(
        &self,
        id: &str,
        scope: &(impl Scope + ?Sized),
    ) -> Result<Cow<'a, str>, InstanceError> {
        let parsed;
        let pieces = match &self.body {
            Body::Literal(text) => return Ok(Cow::Borrowed(text)),
            Body::Pieces(pieces) => pieces,
            Body::Deferred { text, names } => {
                parsed = parse_placeholders(text, self.field, id, Some(names))?;
                &parsed
            }
        };
        if let [Piece::Literal(text)] = pieces.as_slice() {
            return Ok(text.clone());
        }
        let mut out = String::new();
        for piece in pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Value(expr, format) => {
                    let failed = |error| InstanceError::Expression {
                        field: self.field.path(id),
                        expression: expr.source(scope),
                        error,
                    };
                    let value = expr.evaluate(scope).map_err(failed)?;
                    // A word may follow a condition: its first word when true.
                    if let (Format::Word { one, many }, Value::Bool(holds)) = (format, value) {
                        out.push_str(if holds { one } else { many });
                        continue;
                    }
                    let value = value.number().map_err(failed)?;
                    match format {
                        Format::Fraction => out.push_str(&value.to_string()),
                        Format::Mixed => out.push_str(&value.to_mixed_string()),
                        Format::Decimal => out.push_str(&value.to_decimal_string()),
                        Format::Word { one, many } => {
                            let singular = value > Rational::ZERO && value <= Rational::ONE;
                            out.push_str(if singular { one } else { many })
                        }
                    }
                }
            }
        }
        Ok(Cow::Owned(out))
    }
}

/// Splits a text into literal pieces and placeholders. Placeholders read the
/// variables in `names` (bound by position), or any variable by name if `None`.
/// Literal pieces borrow from the text unless they contain an escaped brace.
fn parse_placeholders<'a>(
    text: &'a str,
    field: Field,
    id: &str,
    names: Option<&[&str]>,
) -> Result<Vec<Piece<'a>>, InstanceError> {
    let mut pieces = Vec::new();
    scan_placeholders(text, field, id, names, &mut |piece| pieces.push(piece))?;
    Ok(pieces)
}

/// Reads a text's pieces in order, handing each to `emit`.
fn scan_placeholders<'a>(
    text: &'a str,
    field: Field,
    id: &str,
    names: Option<&[&str]>,
    emit: &mut dyn FnMut(Piece<'a>),
) -> Result<(), InstanceError> {
    let unclosed = || InstanceError::UnclosedPlaceholder {
        field: field.path(id),
    };
    let mut literal: Cow<'a, str> = Cow::Borrowed("");
    let mut rest = text;
    while let Some(open) = rest.bytes().position(|b| b == b'{' || b == b'}') {
        append(&mut literal, &rest[..open]);
        let tail = &rest[open..];
        let brace = tail.as_bytes()[0];
        // Braces are ASCII, so these byte positions are character boundaries.
        if tail.as_bytes().get(1) == Some(&brace) {
            literal.to_mut().push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if brace == b'}' {
            return Err(unclosed());
        }
        let after = &tail[1..];
        let close = after.bytes().position(|b| b == b'}').ok_or_else(unclosed)?;
        let inner = &after[..close];
        let (expression, format) = match inner.bytes().rposition(|b| b == b':') {
            None => (inner, Format::Fraction),
            Some(colon) => {
                let format = match inner[colon + 1..].trim() {
                    "fraction" => Format::Fraction,
                    "mixed" => Format::Mixed,
                    "decimal" => Format::Decimal,
                    words if words.contains('|') => match words.split_once('|') {
                        Some((one, many)) if !one.trim().is_empty() && !many.contains('|') => {
                            Format::Word {
                                one: one.trim(),
                                many: many.trim(),
                            }
                        }
                        _ => {
                            return Err(InstanceError::UnknownFormat {
                                field: field.path(id),
                                format: words.to_string(),
                            })
                        }
                    },
                    other => {
                        return Err(InstanceError::UnknownFormat {
                            field: field.path(id),
                            format: other.to_string(),
                        })
                    }
                };
                (&inner[..colon], format)
            }
        };
        let expr = parse_at(field, expression, names)?;
        if !literal.is_empty() {
            emit(Piece::Literal(std::mem::take(&mut literal)));
        }
        emit(Piece::Value(expr, format));
        rest = &after[close + 1..];
    }
    append(&mut literal, rest);
    if !literal.is_empty() {
        emit(Piece::Literal(literal));
    }
    Ok(())
}

/// Adds `more` to a literal piece, borrowing while the piece is one slice of the
/// text.
fn append<'a>(literal: &mut Cow<'a, str>, more: &'a str) {
    if literal.is_empty() {
        *literal = Cow::Borrowed(more);
    } else if !more.is_empty() {
        literal.to_mut().push_str(more);
    }
}

/// Fills `{expression}` and `{expression:format}` placeholders; `{{` and `}}` are
/// literal braces. Formats: `fraction` (default: 3/4, 2), `mixed` (1 1/2),
/// `decimal` (0.75 when the decimal terminates), and `one|many` for the word that
/// agrees with the value (`{n:gap|gaps}`).
pub fn interpolate(
    text: &str,
    scope: &(impl Scope + ?Sized),
    field: &str,
) -> Result<String, InstanceError> {
    let relabel = |error: InstanceError| match error {
        InstanceError::Expression {
            expression, error, ..
        } => InstanceError::Expression {
            field: field.to_string(),
            expression,
            error,
        },
        InstanceError::UnclosedPlaceholder { .. } => InstanceError::UnclosedPlaceholder {
            field: field.to_string(),
        },
        InstanceError::UnknownFormat { format, .. } => InstanceError::UnknownFormat {
            field: field.to_string(),
            format,
        },
        other => other,
    };
    let pieces = parse_placeholders(text, Field::Prompt, "", None).map_err(relabel)?;
    Text {
        field: Field::Prompt,
        body: Body::Pieces(pieces),
    }
    .render("", scope)
    .map(Cow::into_owned)
    .map_err(relabel)
}
