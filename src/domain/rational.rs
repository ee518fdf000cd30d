//! Exact rational numbers for answers and templates. Fractions are what primary
//! maths is about, so 1/3 must stay 1/3: no floating point anywhere in scoring.
//! Parts are 64-bit, ample for school mathematics and fast in wasm; every
//! operation is checked, so overflow is an error, never a wrong answer.

use std::cmp::Ordering;
use std::fmt;
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ArithmeticError {
    #[error("division by zero")]
    DivisionByZero,
    #[error("a number grew too large to compute exactly")]
    Overflow,
}

/// A reduced fraction with a positive denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rational {
    num: i64,
    den: i64,
}

fn gcd(mut a: i64, mut b: i64) -> i64 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Rational {
    pub const ZERO: Rational = Rational { num: 0, den: 1 };
    pub const ONE: Rational = Rational { num: 1, den: 1 };

    pub fn new(num: i64, den: i64) -> Result<Rational, ArithmeticError> {
        if den == 0 {
            return Err(ArithmeticError::DivisionByZero);
        }
        let divisor = gcd(num, den).max(1);
        let (mut num, mut den) = (num / divisor, den / divisor);
        if den < 0 {
            num = num.checked_neg().ok_or(ArithmeticError::Overflow)?;
            den = den.checked_neg().ok_or(ArithmeticError::Overflow)?;
        }
        Ok(Rational { num, den })
    }

    pub fn integer(value: i64) -> Rational {
        Rational { num: value, den: 1 }
    }

    pub fn numerator(self) -> i64 {
        self.num
    }

    pub fn denominator(self) -> i64 {
        self.den
    }

    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    pub fn checked_add(self, other: Rational) -> Result<Rational, ArithmeticError> {
        // Whole numbers are the common case in templates: no gcd needed.
        if self.den == 1 && other.den == 1 {
            return self
                .num
                .checked_add(other.num)
                .map(Rational::integer)
                .ok_or(ArithmeticError::Overflow);
        }
        let num = self
            .num
            .checked_mul(other.den)
            .and_then(|a| {
                other
                    .num
                    .checked_mul(self.den)
                    .and_then(|b| a.checked_add(b))
            })
            .ok_or(ArithmeticError::Overflow)?;
        let den = self
            .den
            .checked_mul(other.den)
            .ok_or(ArithmeticError::Overflow)?;
        Rational::new(num, den)
    }

    pub fn checked_neg(self) -> Result<Rational, ArithmeticError> {
        Ok(Rational {
            num: self.num.checked_neg().ok_or(ArithmeticError::Overflow)?,
            den: self.den,
        })
    }

    pub fn checked_sub(self, other: Rational) -> Result<Rational, ArithmeticError> {
        self.checked_add(other.checked_neg()?)
    }

    pub fn checked_mul(self, other: Rational) -> Result<Rational, ArithmeticError> {
        if self.den == 1 && other.den == 1 {
            return self
                .num
                .checked_mul(other.num)
                .map(Rational::integer)
                .ok_or(ArithmeticError::Overflow);
        }
        let num = self
            .num
            .checked_mul(other.num)
            .ok_or(ArithmeticError::Overflow)?;
        let den = self
            .den
            .checked_mul(other.den)
            .ok_or(ArithmeticError::Overflow)?;
        Rational::new(num, den)
    }

    pub fn checked_div(self, other: Rational) -> Result<Rational, ArithmeticError> {
        if other.num == 0 {
            return Err(ArithmeticError::DivisionByZero);
        }
        self.checked_mul(Rational {
            num: other.den,
            den: other.num,
        })
    }

    /// Integer powers only; roots of rationals are not rational in general.
    pub fn checked_pow(self, exponent: i32) -> Result<Rational, ArithmeticError> {
        let base = if exponent < 0 {
            Rational::ONE.checked_div(self)?
        } else {
            self
        };
        let mut result = Rational::ONE;
        for _ in 0..exponent.unsigned_abs() {
            result = result.checked_mul(base)?;
        }
        Ok(result)
    }

    pub fn abs(self) -> Rational {
        Rational {
            num: self.num.abs(),
            den: self.den,
        }
    }

    pub fn floor(self) -> Rational {
        Rational::integer(self.num.div_euclid(self.den))
    }

    pub fn ceil(self) -> Rational {
        Rational::integer(-((-self.num).div_euclid(self.den)))
    }

    /// Rounds half away from zero, as taught in school.
    pub fn round(self) -> Rational {
        let twice = Rational {
            num: self.num.abs() * 2 + self.den,
            den: self.den * 2,
        };
        let magnitude = twice.floor().num;
        Rational::integer(if self.num < 0 { -magnitude } else { magnitude })
    }

    /// Written as a mixed number when it is improper: `1 1/2`, `-2 3/4`, `3`, `2/5`.
    pub fn to_mixed_string(self) -> String {
        if self.den == 1 || self.num.abs() < self.den {
            return self.to_string();
        }
        let whole = self.num.abs() / self.den;
        let rest = self.num.abs() % self.den;
        let sign = if self.num < 0 { "-" } else { "" };
        if rest == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole} {rest}/{}", self.den)
        }
    }

    /// Written as a terminating decimal when there is one (`0.75`), else as a fraction.
    pub fn to_decimal_string(self) -> String {
        let mut den = self.den;
        let (mut twos, mut fives) = (0u32, 0u32);
        while den % 2 == 0 {
            den /= 2;
            twos += 1;
        }
        while den % 5 == 0 {
            den /= 5;
            fives += 1;
        }
        if den != 1 || twos.max(fives) > 18 {
            return self.to_string();
        }
        let places = twos.max(fives);
        let scale = 10i64.pow(places);
        let Some(scaled) = self.num.checked_mul(scale / self.den) else {
            return self.to_string();
        };
        if places == 0 {
            return scaled.to_string();
        }
        let sign = if scaled < 0 { "-" } else { "" };
        let digits = scaled.abs().to_string();
        let padded = format!("{digits:0>width$}", width = places as usize + 1);
        let (int_part, frac_part) = padded.split_at(padded.len() - places as usize);
        format!("{sign}{int_part}.{frac_part}")
    }
}

impl Ord for Rational {
    fn cmp(&self, other: &Rational) -> Ordering {
        if self.den == 1 && other.den == 1 {
            return self.num.cmp(&other.num);
        }
        // Cross-multiplied in 128 bits, which cannot overflow for 64-bit parts.
        (i128::from(self.num) * i128::from(other.den))
            .cmp(&(i128::from(other.num) * i128::from(self.den)))
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Rational) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Rational {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// Reads a number as a student types it: `3`, `-3`, `0.75`, `.5`, `3/4`, `1 1/2`,
/// `-1 1/2`, with spaces around it and the typographic minus `−` accepted.
/// Returns None for anything else (`1,5`, `3/0`, `abc`).
pub fn parse_number(text: &str) -> Option<Rational> {
    // Collapse spacing so that "6 / 8" reads as a fraction and "1  1/2" as a mixed
    // number; text of printable ASCII alone (most answers) is read as it is.
    let collapsed: String;
    let text = if !text.bytes().all(|b| b.is_ascii_graphic()) {
        let words: Vec<&str> = text.split_whitespace().collect();
        collapsed = words
            .join(" ")
            .replace(" /", "/")
            .replace("/ ", "/")
            .replace('−', "-");
        collapsed.as_str()
    } else {
        text
    };
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(text).trim_start()),
    };
    let value = match body.split_once(' ') {
        Some((whole, fraction)) => {
            let whole = parse_unsigned_integer(whole)?;
            let fraction = parse_simple_fraction(fraction.trim())?;
            if fraction.num >= fraction.den {
                return None; // "1 3/2" is not a mixed number
            }
            Rational::integer(whole).checked_add(fraction).ok()?
        }
        None => parse_simple_fraction(body).or_else(|| parse_decimal(body))?,
    };
    if negative {
        value.checked_neg().ok()
    } else {
        Some(value)
    }
}

fn parse_unsigned_integer(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 18 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn parse_simple_fraction(text: &str) -> Option<Rational> {
    match text.split_once('/') {
        Some((num, den)) => {
            let num = parse_unsigned_integer(num.trim())?;
            let den = parse_unsigned_integer(den.trim())?;
            Rational::new(num, den).ok()
        }
        None => None,
    }
}

/// Reads digits with at most one decimal point: `3`, `0.75`, `.5`, `2.`.
pub(crate) fn parse_decimal(text: &str) -> Option<Rational> {
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let int_value = if int_part.is_empty() {
        0
    } else {
        parse_unsigned_integer(int_part)?
    };
    if frac_part.is_empty() {
        return Some(Rational::integer(int_value));
    }
    let frac_value = parse_unsigned_integer(frac_part)?;
    let scale = 10i64.checked_pow(u32::try_from(frac_part.len()).ok()?)?;
    Rational::integer(int_value)
        .checked_add(Rational::new(frac_value, scale).ok()?)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(num: i64, den: i64) -> Rational {
        Rational::new(num, den).expect("valid test fraction")
    }

    #[test]
    fn fractions_are_kept_reduced_with_a_positive_denominator() {
        assert_eq!(r(2, 4), r(1, 2));
        assert_eq!(r(3, -6).to_string(), "-1/2");
        assert_eq!(r(6, 3).to_string(), "2");
    }

    #[test]
    fn arithmetic_is_exact() {
        assert_eq!(r(1, 3).checked_add(r(1, 6)), Ok(r(1, 2)));
        assert_eq!(r(3, 4).checked_mul(r(2, 3)), Ok(r(1, 2)));
        assert_eq!(r(1, 2).checked_div(r(1, 4)), Ok(r(2, 1)));
        assert_eq!(r(2, 3).checked_pow(-2), Ok(r(9, 4)));
    }

    #[test]
    fn division_by_zero_and_overflow_are_errors_not_answers() {
        assert_eq!(
            Rational::ONE.checked_div(Rational::ZERO),
            Err(ArithmeticError::DivisionByZero)
        );
        assert_eq!(Rational::new(1, 0), Err(ArithmeticError::DivisionByZero));
        let huge = Rational::integer(i64::MAX / 2);
        assert_eq!(huge.checked_mul(huge), Err(ArithmeticError::Overflow));
    }

    #[test]
    fn students_can_type_numbers_in_every_school_form() {
        assert_eq!(parse_number("3"), Some(r(3, 1)));
        assert_eq!(parse_number("  -3 "), Some(r(-3, 1)));
        assert_eq!(parse_number("0.75"), Some(r(3, 4)));
        assert_eq!(parse_number(".5"), Some(r(1, 2)));
        assert_eq!(parse_number("3/4"), Some(r(3, 4)));
        assert_eq!(parse_number("6 / 8"), Some(r(3, 4)));
        assert_eq!(parse_number("1 1/2"), Some(r(3, 2)));
        assert_eq!(parse_number("-1 1/2"), Some(r(-3, 2)));
        assert_eq!(parse_number("−2"), Some(r(-2, 1)));
        assert_eq!(parse_number("+4"), Some(r(4, 1)));
        assert_eq!(parse_number("5."), Some(r(5, 1)));
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        for text in [
            "", "abc", "1,5", "3/0", "1 3/2", "1/2/3", "--1", ".", "1 1", "0x10", "1e3",
        ] {
            assert_eq!(parse_number(text), None, "{text:?}");
        }
    }

    #[test]
    fn rounding_floors_and_ceilings_follow_school_rules() {
        assert_eq!(r(5, 2).round(), r(3, 1));
        assert_eq!(r(-5, 2).round(), r(-3, 1));
        assert_eq!(r(7, 3).floor(), r(2, 1));
        assert_eq!(r(-7, 3).floor(), r(-3, 1));
        assert_eq!(r(7, 3).ceil(), r(3, 1));
        assert_eq!(r(-7, 3).ceil(), r(-2, 1));
    }

    #[test]
    fn values_print_as_fractions_mixed_numbers_or_decimals() {
        assert_eq!(r(7, 2).to_mixed_string(), "3 1/2");
        assert_eq!(r(-11, 4).to_mixed_string(), "-2 3/4");
        assert_eq!(r(2, 5).to_mixed_string(), "2/5");
        assert_eq!(r(3, 4).to_decimal_string(), "0.75");
        assert_eq!(r(-1, 8).to_decimal_string(), "-0.125");
        assert_eq!(r(12, 1).to_decimal_string(), "12");
        assert_eq!(r(1, 3).to_decimal_string(), "1/3");
    }

    #[test]
    fn comparison_orders_by_value() {
        assert!(r(1, 3) < r(1, 2));
        assert!(r(-1, 2) < r(1, 3));
        assert_eq!(r(2, 4).cmp(&r(1, 2)), Ordering::Equal);
    }
}
