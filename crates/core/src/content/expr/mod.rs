//! The expression language of templated items: arithmetic on exact rationals,
//! comparisons and logic for constraints, and a few school functions. It is safe by
//! construction: no loops, no recursion beyond the parsed depth, no access to
//! anything but the item's own variables, bounded size, and checked arithmetic.
//!
//! ```text
//! or      := and ("or" and)*
//! and     := not ("and" not)*
//! not     := "not" not | compare
//! compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//! sum     := product (("+" | "-") product)*
//! product := unary (("*" | "/") unary)*
//! unary   := "-" unary | power
//! power   := atom ("^" unary)?
//! atom    := number | name | name "(" expr ("," expr)* ")" | "(" expr ")"
//! ```
//! (parsed by precedence climbing, which gives exactly this grammar)
//! ```text
//! ```
//! Functions: gcd, lcm, min, max, abs, floor, ceil, round, num, den, mod.

use crate::content::rational::{gcd, ArithmeticError, Rational};

/// Longest expression accepted, in bytes, and deepest nesting.
pub const MAX_EXPRESSION_BYTES: usize = 400;
pub const MAX_EXPRESSION_DEPTH: usize = 24;
pub const MAX_EXPONENT: i64 = 64;

/// Why an expression does not parse or cannot be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprError {
    /// Longer than [`MAX_EXPRESSION_BYTES`].
    TooLong,
    /// Nested deeper than [`MAX_EXPRESSION_DEPTH`].
    TooDeep,
    /// At character `at` (from 1): what the grammar wanted there, what was found.
    Syntax {
        at: usize,
        expected: Wanted,
        found: Found,
    },
    /// A call of a function the language does not have.
    UnknownFunction(String),
    /// A function called with the wrong number of arguments.
    Arity {
        name: String,
        expected: Takes,
        found: usize,
    },
    /// A name that is not one the expression may read.
    UnknownVariable(String),
    /// A number wanted, true/false found.
    NotANumber,
    /// true/false wanted (a constraint, `and`, `or`), a number found.
    NotABoolean,
    /// Division by zero or a number past the exact range.
    Arithmetic(ArithmeticError),
    /// A function of whole numbers given a fraction.
    NotInteger { name: &'static str },
    /// An exponent that is not a whole number from -[`MAX_EXPONENT`] to
    /// [`MAX_EXPONENT`].
    BadExponent,
}

/// What the grammar wanted where a syntax mistake is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// After a whole expression.
    OperatorOrEnd,
    /// Digits with a decimal point that do not make a number.
    Number,
    /// A character that starts no token.
    Token,
    /// After a comparison: `a < b < c` means nothing here.
    LogicOrEnd,
    /// A number, a name or an opening bracket.
    Operand,
    /// A closing bracket.
    Close,
}

/// What a syntax mistake found: a number, a token or character quoted as
/// written, or the end of the expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Number(Rational),
    Quoted(String),
    End,
}

/// How many arguments a function takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    One,
    Two,
    TwoOrMore,
}

/// A template's arithmetic failing is an expression failing (`?` in evaluation).
impl From<ArithmeticError> for ExprError {
    fn from(error: ArithmeticError) -> Self {
        ExprError::Arithmetic(error)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Number(Rational),
    Bool(bool),
}

impl Value {
    pub fn number(self) -> Result<Rational, ExprError> {
        match self {
            Value::Number(n) => Ok(n),
            Value::Bool(_) => Err(ExprError::NotANumber),
        }
    }

    pub fn boolean(self) -> Result<bool, ExprError> {
        match self {
            Value::Bool(b) => Ok(b),
            Value::Number(_) => Err(ExprError::NotABoolean),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    And,
    Or,
}

impl BinaryOp {
    /// How tightly the operator binds its left and its right operand (precedence
    /// climbing): or, and, comparisons, + -, * /, then ^, right-associative.
    fn powers(self) -> (u8, u8) {
        match self {
            BinaryOp::Or => (1, 2),
            BinaryOp::And => (3, 4),
            BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge
            | BinaryOp::Eq
            | BinaryOp::Ne => (7, 8),
            BinaryOp::Add | BinaryOp::Sub => (9, 10),
            BinaryOp::Mul | BinaryOp::Div => (11, 12),
            BinaryOp::Pow => (15, 15),
        }
    }

    /// How the operator is written (the typographic × ÷ − read as * / -).
    fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Pow => "^",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    Gcd,
    Lcm,
    Min,
    Max,
    Abs,
    Floor,
    Ceil,
    Round,
    Num,
    Den,
    Mod,
}

impl Function {
    fn by_name(name: &str) -> Option<Function> {
        Some(match name {
            "gcd" => Function::Gcd,
            "lcm" => Function::Lcm,
            "min" => Function::Min,
            "max" => Function::Max,
            "abs" => Function::Abs,
            "floor" => Function::Floor,
            "ceil" => Function::Ceil,
            "round" => Function::Round,
            "num" => Function::Num,
            "den" => Function::Den,
            "mod" => Function::Mod,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Function::Gcd => "gcd",
            Function::Lcm => "lcm",
            Function::Min => "min",
            Function::Max => "max",
            Function::Abs => "abs",
            Function::Floor => "floor",
            Function::Ceil => "ceil",
            Function::Round => "round",
            Function::Num => "num",
            Function::Den => "den",
            Function::Mod => "mod",
        }
    }

    fn arity_ok(self, count: usize) -> Result<(), Takes> {
        let (ok, expected) = match self {
            Function::Gcd | Function::Lcm | Function::Mod => (count == 2, Takes::Two),
            Function::Min | Function::Max => (count >= 2, Takes::TwoOrMore),
            _ => (count == 1, Takes::One),
        };
        if ok {
            Ok(())
        } else {
            Err(expected)
        }
    }
}

/// A parsed expression. A variable is either resolved by name at evaluation time
/// ([`Expr::parse`]) or, when the names are known in advance ([`Expr::parse_in`]),
/// bound to its position among them, which needs no text at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Number(Rational),
    Variable(String),
    Slot(u16),
    Negate(Box<Expr>),
    Not(Box<Expr>),
    /// An operator and its two operands, kept together in one allocation.
    Binary(BinaryOp, Box<[Expr; 2]>),
    Call(Function, Vec<Expr>),
}

/// Where variable values come from when evaluating: by name, or by the position
/// of the name in the list an expression was parsed with ([`Expr::parse_in`]).
pub trait Scope {
    fn value_of(&self, name: &str) -> Option<Rational>;

    fn value_at(&self, _slot: usize) -> Option<Rational> {
        None
    }

    /// The name of the variable at `slot`, for writing an expression back out.
    fn name_at(&self, _slot: usize) -> Option<&str> {
        None
    }
}

impl Scope for [(String, Rational)] {
    fn value_of(&self, name: &str) -> Option<Rational> {
        self.iter()
            .find(|(variable, _)| variable == name)
            .map(|(_, value)| *value)
    }

    fn value_at(&self, slot: usize) -> Option<Rational> {
        self.get(slot).map(|(_, value)| *value)
    }

    fn name_at(&self, slot: usize) -> Option<&str> {
        self.get(slot).map(|(name, _)| name.as_str())
    }
}

impl Scope for Vec<(String, Rational)> {
    fn value_of(&self, name: &str) -> Option<Rational> {
        self.as_slice().value_of(name)
    }

    fn value_at(&self, slot: usize) -> Option<Rational> {
        self.as_slice().value_at(slot)
    }

    fn name_at(&self, slot: usize) -> Option<&str> {
        self.as_slice().name_at(slot)
    }
}

impl Scope for [(&str, Rational)] {
    fn value_of(&self, name: &str) -> Option<Rational> {
        self.iter()
            .find(|(variable, _)| *variable == name)
            .map(|(_, value)| *value)
    }

    fn value_at(&self, slot: usize) -> Option<Rational> {
        self.get(slot).map(|(_, value)| *value)
    }

    fn name_at(&self, slot: usize) -> Option<&str> {
        self.get(slot).map(|(name, _)| *name)
    }
}

/// The empty scope, for expressions without variables. It is a scope of the same
/// type as an item's values, so the evaluator is compiled once for both.
pub const NO_VARIABLES: &[(&str, Rational)] = &[];

impl Expr {
    /// Parses an expression whose variables are looked up by name when evaluated.
    pub fn parse(text: &str) -> Result<Expr, ExprError> {
        Expr::parse_with(text, None)
    }

    /// Parses an expression that may read only the variables in `names`; each is
    /// bound to its position there, and any other name is refused now rather than
    /// when the expression is first evaluated. Evaluate it with a scope that holds
    /// the values in the same order.
    pub fn parse_in(text: &str, names: &[&str]) -> Result<Expr, ExprError> {
        Expr::parse_with(text, Some(names))
    }

    fn parse_with(text: &str, names: Option<&[&str]>) -> Result<Expr, ExprError> {
        if text.len() > MAX_EXPRESSION_BYTES {
            return Err(ExprError::TooLong);
        }
        // Most placeholders are a lone variable or number ("{a}"): skip the parser.
        // Only the spaces the lexer skips are trimmed, so that the short cut takes
        // exactly what the parser would (a vertical tab or a no-break space is no
        // space to the lexer).
        let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
        let bytes = trimmed.as_bytes();
        if !bytes.is_empty() && bytes.len() <= 18 && bytes.iter().all(u8::is_ascii_digit) {
            if let Ok(value) = trimmed.parse::<i64>() {
                return Ok(Expr::Number(Rational::integer(value)));
            }
        }
        if bytes
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'_')
            && !matches!(trimmed, "and" | "or" | "not")
        {
            return variable(trimmed, names);
        }
        parse::parse(text, names)
    }

    pub fn evaluate(&self, scope: &(impl Scope + ?Sized)) -> Result<Value, ExprError> {
        Ok(match self {
            Expr::Number(n) => Value::Number(*n),
            Expr::Variable(name) => Value::Number(
                scope
                    .value_of(name)
                    .ok_or_else(|| ExprError::UnknownVariable(name.clone()))?,
            ),
            Expr::Slot(slot) => Value::Number(
                scope
                    .value_at(usize::from(*slot))
                    .ok_or_else(|| ExprError::UnknownVariable(format!("#{slot}")))?,
            ),
            Expr::Negate(inner) => Value::Number(inner.evaluate(scope)?.number()?.checked_neg()?),
            Expr::Not(inner) => Value::Bool(!inner.evaluate(scope)?.boolean()?),
            Expr::Binary(op, operands) => {
                let [left, right] = &**operands;
                binary(*op, left, right, scope)?
            }
            Expr::Call(function, args) => {
                let values = args
                    .iter()
                    .map(|arg| arg.evaluate(scope)?.number())
                    .collect::<Result<Vec<_>, _>>()?;
                Value::Number(call(*function, &values)?)
            }
        })
    }

    /// Evaluates to a number, or says why it cannot.
    pub fn number(&self, scope: &(impl Scope + ?Sized)) -> Result<Rational, ExprError> {
        self.evaluate(scope)?.number()
    }

    /// The expression written back out, for a message that names it: variables by
    /// their names in `scope`, brackets only where the grammar needs them, so that
    /// parsing the text gives the same expression.
    pub fn source(&self, scope: &(impl Scope + ?Sized)) -> String {
        let mut out = String::new();
        self.write_source(scope, &mut out);
        out
    }

    /// How tightly the expression's outermost operator binds (the parser's powers).
    fn binding(&self) -> u8 {
        match self {
            Expr::Binary(op, _) => op.powers().0,
            Expr::Negate(_) => 13,
            Expr::Not(_) => 5,
            Expr::Number(n) if *n < Rational::ZERO => 13,
            _ => u8::MAX,
        }
    }

    fn write_source(&self, scope: &(impl Scope + ?Sized), out: &mut String) {
        let operand = |expr: &Expr, bracket: bool, out: &mut String| {
            if bracket {
                out.push('(');
            }
            expr.write_source(scope, out);
            if bracket {
                out.push(')');
            }
        };
        match self {
            // Literals are whole or terminating decimals, and read back as written.
            Expr::Number(n) => out.push_str(&n.to_decimal_string()),
            Expr::Variable(name) => out.push_str(name),
            Expr::Slot(slot) => match scope.name_at(usize::from(*slot)) {
                Some(name) => out.push_str(name),
                None => out.push_str(&format!("#{slot}")),
            },
            Expr::Negate(inner) => {
                out.push('-');
                operand(inner, inner.binding() < 13, out);
            }
            Expr::Not(inner) => {
                out.push_str("not ");
                operand(inner, inner.binding() < 5, out);
            }
            Expr::Binary(op, operands) => {
                let [left, right] = &**operands;
                let (power, right_power) = op.powers();
                // Left-associative operators bind their right operand one step
                // tighter; ^ is right-associative; comparisons do not chain.
                let comparison = power == 7;
                let left_bracket = left.binding() < power
                    || (left.binding() == power && (comparison || *op == BinaryOp::Pow));
                operand(left, left_bracket, out);
                out.push(' ');
                out.push_str(op.symbol());
                out.push(' ');
                operand(right, right.binding() < right_power, out);
            }
            Expr::Call(function, args) => {
                out.push_str(function.name());
                out.push('(');
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    arg.write_source(scope, out);
                }
                out.push(')');
            }
        }
    }

    /// Every variable name the expression reads by name, in order of first use.
    pub fn variables(&self) -> Vec<String> {
        let mut names = Vec::new();
        self.collect_variables(&mut names);
        names
    }

    fn collect_variables(&self, names: &mut Vec<String>) {
        match self {
            Expr::Number(_) | Expr::Slot(_) => {}
            Expr::Variable(name) => {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
            Expr::Negate(inner) | Expr::Not(inner) => inner.collect_variables(names),
            Expr::Binary(_, operands) => operands
                .iter()
                .for_each(|operand| operand.collect_variables(names)),
            Expr::Call(_, args) => args.iter().for_each(|arg| arg.collect_variables(names)),
        }
    }
}

/// A variable, bound to its position in `names` when they are given.
fn variable(name: &str, names: Option<&[&str]>) -> Result<Expr, ExprError> {
    match names {
        None => Ok(Expr::Variable(name.to_string())),
        Some(names) => names
            .iter()
            // Names are short: comparing bytes inline beats a call to memcmp.
            .position(|known| known.len() == name.len() && known.bytes().eq(name.bytes()))
            .and_then(|slot| u16::try_from(slot).ok())
            .map(Expr::Slot)
            .ok_or_else(|| ExprError::UnknownVariable(name.to_string())),
    }
}

fn binary(
    op: BinaryOp,
    left: &Expr,
    right: &Expr,
    scope: &(impl Scope + ?Sized),
) -> Result<Value, ExprError> {
    // `and`/`or` short-circuit, so a constraint like `b != 0 and a / b < 1` is safe.
    match op {
        BinaryOp::And => {
            return Ok(Value::Bool(
                left.evaluate(scope)?.boolean()? && right.evaluate(scope)?.boolean()?,
            ))
        }
        BinaryOp::Or => {
            return Ok(Value::Bool(
                left.evaluate(scope)?.boolean()? || right.evaluate(scope)?.boolean()?,
            ))
        }
        _ => {}
    }
    let a = left.evaluate(scope)?.number()?;
    let b = right.evaluate(scope)?.number()?;
    Ok(match op {
        BinaryOp::Add => Value::Number(a.checked_add(b)?),
        BinaryOp::Sub => Value::Number(a.checked_sub(b)?),
        BinaryOp::Mul => Value::Number(a.checked_mul(b)?),
        BinaryOp::Div => Value::Number(a.checked_div(b)?),
        BinaryOp::Pow => {
            if !b.is_integer() || b.numerator().abs() > MAX_EXPONENT {
                return Err(ExprError::BadExponent);
            }
            let exponent = i32::try_from(b.numerator()).map_err(|_| ExprError::BadExponent)?;
            Value::Number(a.checked_pow(exponent)?)
        }
        BinaryOp::Lt => Value::Bool(a < b),
        BinaryOp::Le => Value::Bool(a <= b),
        BinaryOp::Gt => Value::Bool(a > b),
        BinaryOp::Ge => Value::Bool(a >= b),
        BinaryOp::Eq => Value::Bool(a == b),
        BinaryOp::Ne => Value::Bool(a != b),
        BinaryOp::And | BinaryOp::Or => unreachable_logic(),
    })
}

/// Handled before the arithmetic match; kept total without a panic.
fn unreachable_logic() -> Value {
    Value::Bool(false)
}

fn whole(function: Function, value: Rational) -> Result<i64, ExprError> {
    if value.is_integer() {
        Ok(value.numerator())
    } else {
        Err(ExprError::NotInteger {
            name: function.name(),
        })
    }
}

/// A magnitude as a signed number, or overflow.
fn magnitude(value: u64) -> Result<i64, ArithmeticError> {
    i64::try_from(value).map_err(|_| ArithmeticError::Overflow)
}

fn call(function: Function, args: &[Rational]) -> Result<Rational, ExprError> {
    let first = args.first().copied().unwrap_or(Rational::ZERO);
    let second = args.get(1).copied().unwrap_or(Rational::ZERO);
    Ok(match function {
        // Arguments are numerators, never i64::MIN (see Rational), so their gcd,
        // at most the larger magnitude, fits.
        Function::Gcd => {
            let (a, b) = (whole(function, first)?, whole(function, second)?);
            Rational::checked_integer(magnitude(gcd(a.unsigned_abs(), b.unsigned_abs()))?)?
        }
        // |a| / gcd * |b| can leave the range: checked.
        Function::Lcm => {
            let (a, b) = (whole(function, first)?, whole(function, second)?);
            let (a, b) = (a.unsigned_abs(), b.unsigned_abs());
            match gcd(a, b) {
                0 => Rational::ZERO,
                divisor => {
                    let lcm = (a / divisor)
                        .checked_mul(b)
                        .ok_or(ArithmeticError::Overflow)?;
                    Rational::checked_integer(magnitude(lcm)?)?
                }
            }
        }
        // The Euclidean remainder: 0 <= mod(a, b) < |b|, so it always fits.
        Function::Mod => {
            let (a, b) = (whole(function, first)?, whole(function, second)?);
            let remainder = a
                .checked_rem_euclid(b)
                .ok_or(ArithmeticError::DivisionByZero)?;
            Rational::integer(remainder)
        }
        Function::Min => args.iter().copied().min().unwrap_or(first),
        Function::Max => args.iter().copied().max().unwrap_or(first),
        Function::Abs => first.abs(),
        Function::Floor => first.floor(),
        Function::Ceil => first.ceil(),
        Function::Round => first.round(),
        Function::Num => Rational::integer(first.numerator()),
        Function::Den => Rational::integer(first.denominator()),
    })
}

mod parse;
#[cfg(test)]
mod tests;
