//! Reading an expression: the lexer turns text into tokens, with the column of
//! each for messages, and the parser builds the tree by precedence climbing, to
//! the depth and the names the caller allows.

use super::{variable, BinaryOp, Expr, ExprError, Found, Function, Wanted, MAX_EXPRESSION_DEPTH};
use crate::content::rational::Rational;

/// The tree of `text`, which may read the variables in `names` only (any name when
/// `None`), or the first mistake in it.
pub(super) fn parse(text: &str, names: Option<&[&str]>) -> Result<Expr, ExprError> {
    let mut parser = Parser::new(text, names)?;
    let parsed = parser.expression(0).and_then(|expr| match parser.peek() {
        None => Ok(expr),
        Some((at, token)) => Err(ExprError::Syntax {
            at: *at,
            expected: Wanted::OperatorOrEnd,
            found: token.found(),
        }),
    });
    // Tokens are read as the parser goes; a character that is no token is
    // still reported before any mistake in the order of the tokens.
    parsed.map_err(|error| parser.lexer.first_mistake().unwrap_or(error))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'t> {
    Number(Rational),
    Name(&'t str),
    Op(BinaryOp),
    Not,
    Open,
    Close,
    Comma,
}

impl Token<'_> {
    /// The token as a mistake quotes it back.
    fn found(&self) -> Found {
        let quoted = |text: &str| Found::Quoted(text.to_string());
        match self {
            Token::Number(n) => Found::Number(*n),
            Token::Name(name) => quoted(name),
            Token::Op(op) => quoted(op.symbol()),
            Token::Not => quoted("not"),
            Token::Open => quoted("("),
            Token::Close => quoted(")"),
            Token::Comma => quoted(","),
        }
    }
}

/// Reads tokens one at a time, each with its column (in characters, from 1).
struct Lexer<'t> {
    text: &'t str,
    offset: usize,
    /// Bytes beyond the first of multi-byte characters so far, so columns count
    /// characters as editors do.
    extra_bytes: usize,
}

impl<'t> Lexer<'t> {
    fn next_token(&mut self) -> Result<Option<(usize, Token<'t>)>, ExprError> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.offset;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        self.offset = i;
        let Some(&byte) = bytes.get(i) else {
            return Ok(None);
        };
        let column = i - self.extra_bytes + 1;
        if byte.is_ascii_digit() || byte == b'.' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            let literal = &text[start..i];
            let value = crate::content::rational::parse_decimal(literal).ok_or_else(|| {
                ExprError::Syntax {
                    at: column,
                    expected: Wanted::Number,
                    found: Found::Quoted(literal.to_string()),
                }
            })?;
            self.offset = i;
            return Ok(Some((column, Token::Number(value))));
        }
        if byte.is_ascii_alphabetic() || byte == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let token = match &text[start..i] {
                "and" => Token::Op(BinaryOp::And),
                "or" => Token::Op(BinaryOp::Or),
                "not" => Token::Not,
                name => Token::Name(name),
            };
            self.offset = i;
            return Ok(Some((column, token)));
        }
        // Everything else is an operator, a bracket or a comma; the typographic
        // signs × ÷ − are multi-byte, so decode one character here.
        let c = text[i..].chars().next().unwrap_or(' ');
        let next = bytes.get(i + 1).copied();
        let (token, width) = match (c, next) {
            ('<', Some(b'=')) => (Token::Op(BinaryOp::Le), 2),
            ('>', Some(b'=')) => (Token::Op(BinaryOp::Ge), 2),
            ('=', Some(b'=')) => (Token::Op(BinaryOp::Eq), 2),
            ('!', Some(b'=')) => (Token::Op(BinaryOp::Ne), 2),
            ('<', _) => (Token::Op(BinaryOp::Lt), 1),
            ('>', _) => (Token::Op(BinaryOp::Gt), 1),
            ('+', _) => (Token::Op(BinaryOp::Add), 1),
            ('-', _) => (Token::Op(BinaryOp::Sub), 1),
            ('−', _) => (Token::Op(BinaryOp::Sub), '−'.len_utf8()),
            ('*', _) => (Token::Op(BinaryOp::Mul), 1),
            ('×', _) => (Token::Op(BinaryOp::Mul), '×'.len_utf8()),
            ('/', _) => (Token::Op(BinaryOp::Div), 1),
            ('÷', _) => (Token::Op(BinaryOp::Div), '÷'.len_utf8()),
            ('^', _) => (Token::Op(BinaryOp::Pow), 1),
            ('(', _) => (Token::Open, 1),
            (')', _) => (Token::Close, 1),
            (',', _) => (Token::Comma, 1),
            _ => {
                return Err(ExprError::Syntax {
                    at: column,
                    expected: Wanted::Token,
                    found: Found::Quoted(c.to_string()),
                })
            }
        };
        self.extra_bytes += c.len_utf8().min(width) - 1;
        self.offset = i + width;
        Ok(Some((column, token)))
    }

    /// The first mistake in the tokens not read yet, if any.
    fn first_mistake(&mut self) -> Option<ExprError> {
        loop {
            match self.next_token() {
                Ok(Some(_)) => {}
                Ok(None) => return None,
                Err(error) => return Some(error),
            }
        }
    }
}

struct Parser<'t, 'n> {
    lexer: Lexer<'t>,
    /// The next token, not yet taken.
    current: Option<(usize, Token<'t>)>,
    /// The column of the last token read (0 before any).
    last_column: usize,
    depth: usize,
    names: Option<&'n [&'n str]>,
}

impl<'t, 'n> Parser<'t, 'n> {
    fn new(text: &'t str, names: Option<&'n [&'n str]>) -> Result<Self, ExprError> {
        let mut parser = Parser {
            lexer: Lexer {
                text,
                offset: 0,
                extra_bytes: 0,
            },
            current: None,
            last_column: 0,
            depth: 0,
            names,
        };
        parser.advance()?;
        Ok(parser)
    }

    /// Takes the current token and reads the next.
    fn advance(&mut self) -> Result<(), ExprError> {
        self.current = self.lexer.next_token()?;
        if let Some((column, _)) = self.current {
            self.last_column = column;
        }
        Ok(())
    }

    fn peek(&self) -> Option<&(usize, Token<'t>)> {
        self.current.as_ref()
    }

    fn peek_op(&self) -> Option<BinaryOp> {
        match self.peek() {
            Some((_, Token::Op(op))) => Some(*op),
            _ => None,
        }
    }

    fn end_column(&self) -> usize {
        self.last_column + 1
    }

    fn found(&self) -> (usize, Found) {
        match self.peek() {
            Some((at, token)) => (*at, token.found()),
            None => (self.end_column(), Found::End),
        }
    }

    fn descend(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_EXPRESSION_DEPTH {
            Err(ExprError::TooDeep)
        } else {
            Ok(())
        }
    }

    /// Precedence climbing: parses operators binding at least as tightly as
    /// `min_power`. Powers, loosest first: or, and, not, comparisons (non-associative),
    /// + -, * /, unary minus, ^ (right-associative, so 2 ^ 3 ^ 2 = 2 ^ 9).
    fn expression(&mut self, min_power: u8) -> Result<Expr, ExprError> {
        self.descend()?;
        let result = self.expression_inner(min_power);
        self.depth -= 1;
        result
    }

    fn expression_inner(&mut self, min_power: u8) -> Result<Expr, ExprError> {
        let mut left = match self.peek().map(|(_, token)| token) {
            Some(Token::Not) if min_power <= 5 => {
                self.advance()?;
                Expr::Not(Box::new(self.expression(5)?))
            }
            Some(Token::Op(BinaryOp::Sub)) => {
                self.advance()?;
                Expr::Negate(Box::new(self.expression(13)?))
            }
            _ => self.atom()?,
        };
        let mut compared = false;
        while let Some(op) = self.peek_op() {
            let (left_power, right_power) = op.powers();
            if left_power < min_power {
                break;
            }
            let is_comparison = left_power == 7;
            if is_comparison && compared {
                // `a < b < c` means nothing in school mathematics' sense here.
                let (at, found) = self.found();
                return Err(ExprError::Syntax {
                    at,
                    expected: Wanted::LogicOrEnd,
                    found,
                });
            }
            compared |= is_comparison;
            self.advance()?;
            let right = self.expression(right_power)?;
            left = Expr::Binary(op, Box::new([left, right]));
        }
        Ok(left)
    }

    fn atom(&mut self) -> Result<Expr, ExprError> {
        let Some((at, token)) = self.current else {
            let (at, found) = self.found();
            return Err(ExprError::Syntax {
                at,
                expected: Wanted::Operand,
                found,
            });
        };
        self.advance()?;
        match token {
            Token::Number(n) => Ok(Expr::Number(n)),
            Token::Name(name) => {
                if !matches!(self.peek(), Some((_, Token::Open))) {
                    return variable(name, self.names);
                }
                self.advance()?;
                let function = Function::by_name(name)
                    .ok_or_else(|| ExprError::UnknownFunction(name.to_string()))?;
                let mut args = vec![self.expression(0)?];
                while matches!(self.peek(), Some((_, Token::Comma))) {
                    self.advance()?;
                    args.push(self.expression(0)?);
                }
                self.expect_close()?;
                function
                    .arity_ok(args.len())
                    .map_err(|expected| ExprError::Arity {
                        name: name.to_string(),
                        expected,
                        found: args.len(),
                    })?;
                Ok(Expr::Call(function, args))
            }
            Token::Open => {
                let inner = self.expression(0)?;
                self.expect_close()?;
                Ok(inner)
            }
            other => Err(ExprError::Syntax {
                at,
                expected: Wanted::Operand,
                found: other.found(),
            }),
        }
    }

    fn expect_close(&mut self) -> Result<(), ExprError> {
        if matches!(self.peek(), Some((_, Token::Close))) {
            self.advance()?;
            Ok(())
        } else {
            let (at, found) = self.found();
            Err(ExprError::Syntax {
                at,
                expected: Wanted::Close,
                found,
            })
        }
    }
}
