//! Exact rational numbers for answers and templates. Fractions are what primary
//! maths is about, so 1/3 must stay 1/3: no floating point anywhere in scoring.
//! Parts are 64-bit, ample for school mathematics and fast in wasm; every
//! operation is checked, so overflow is an error, never a wrong answer.

use std::cmp::Ordering;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithmeticError {
    /// A template divided by zero, directly or through `mod`.
    DivisionByZero,
    /// A result, or a step on the way to it, left the exact 64-bit range.
    Overflow,
}

/// A reduced fraction with a positive denominator.
///
/// Both parts stay within ±`i64::MAX`: the numerator is never `i64::MIN`, whose
/// negation and absolute value do not exist in 64 bits. Every constructor keeps that
/// promise, so `abs`, `floor`, `ceil`, `round` and the formatting paths cannot
/// overflow, and every operation that could leave the range reports
/// [`ArithmeticError::Overflow`] instead of wrapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rational {
    num: i64,
    den: i64,
}

/// The greatest common divisor of two magnitudes (0 only when both are 0).
pub(crate) fn gcd(mut a: u64, mut b: u64) -> u64 {
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
        // Reduced as magnitudes, so that i64::MIN in either part is no special case.
        let divisor = gcd(num.unsigned_abs(), den.unsigned_abs());
        let magnitude = |part: i64| {
            i64::try_from(part.unsigned_abs() / divisor).map_err(|_| ArithmeticError::Overflow)
        };
        let (num_magnitude, den_magnitude) = (magnitude(num)?, magnitude(den)?);
        Ok(Rational {
            num: if (num < 0) != (den < 0) {
                -num_magnitude
            } else {
                num_magnitude
            },
            den: den_magnitude,
        })
    }

    /// A whole number written in the code or read from at most 18 digits; computed
    /// values go through [`Rational::checked_integer`].
    pub const fn integer(value: i64) -> Rational {
        debug_assert!(value != i64::MIN, "Rational::integer(i64::MIN)");
        Rational { num: value, den: 1 }
    }

    /// A whole number, refused when it is `i64::MIN` (outside the range, see above).
    pub fn checked_integer(value: i64) -> Result<Rational, ArithmeticError> {
        if value == i64::MIN {
            Err(ArithmeticError::Overflow)
        } else {
            Ok(Rational { num: value, den: 1 })
        }
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
            let sum = self
                .num
                .checked_add(other.num)
                .ok_or(ArithmeticError::Overflow)?;
            return Rational::checked_integer(sum);
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

    /// Never fails, as the numerator is never `i64::MIN`; a `Result` all the same,
    /// so that every step of a computation reads alike.
    pub fn checked_neg(self) -> Result<Rational, ArithmeticError> {
        Ok(Rational {
            num: -self.num,
            den: self.den,
        })
    }

    pub fn checked_sub(self, other: Rational) -> Result<Rational, ArithmeticError> {
        self.checked_add(other.checked_neg()?)
    }

    pub fn checked_mul(self, other: Rational) -> Result<Rational, ArithmeticError> {
        if self.den == 1 && other.den == 1 {
            let product = self
                .num
                .checked_mul(other.num)
                .ok_or(ArithmeticError::Overflow)?;
            return Rational::checked_integer(product);
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
        // The reciprocal with its sign on top; both parts stay within ±i64::MAX.
        let sign = other.num.signum();
        self.checked_mul(Rational {
            num: sign * other.den,
            den: sign * other.num,
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

    /// Whether this number is at most `tolerance` away from `target`, exactly. The
    /// bounds `target ± tolerance` depend on the item alone, and this number (a
    /// student's answer) is only compared with them, which never overflows: so an
    /// answer equal to the target is within, however large its parts. (Their
    /// difference can overflow where they are equal: 11100/11111111111 minus itself
    /// needs a denominator of 22 digits on the way.) Only when the bounds leave the
    /// range is the distance computed instead.
    pub fn is_within(self, target: Rational, tolerance: Rational) -> bool {
        if self == target {
            return true;
        }
        match (target.checked_sub(tolerance), target.checked_add(tolerance)) {
            (Ok(low), Ok(high)) => low <= self && self <= high,
            _ => self
                .checked_sub(target)
                .is_ok_and(|distance| distance.abs() <= tolerance),
        }
    }

    /// Cannot overflow: the numerator is never `i64::MIN`.
    pub fn abs(self) -> Rational {
        Rational {
            num: self.num.abs(),
            den: self.den,
        }
    }

    /// The greatest whole number not above the value: within range, as the value is.
    pub fn floor(self) -> Rational {
        Rational::integer(self.num.div_euclid(self.den))
    }

    /// The least whole number not below the value. When the value is not whole its
    /// denominator is at least 2, so its floor is at most `i64::MAX / 2` and one
    /// more still fits.
    pub fn ceil(self) -> Rational {
        let floor = self.num.div_euclid(self.den);
        Rational::integer(floor + i64::from(self.num.rem_euclid(self.den) != 0))
    }

    /// Rounds half away from zero, as taught in school. The magnitude goes up only
    /// when something is left over, and then the denominator is at least 2, so the
    /// result always fits.
    pub fn round(self) -> Rational {
        let (magnitude, den) = (self.num.unsigned_abs(), self.den.unsigned_abs());
        let (whole, rest) = (magnitude / den, magnitude % den);
        // `rest >= den - rest` is `2 * rest >= den` without doubling.
        let rounded = whole + u64::from(rest != 0 && rest >= den - rest);
        let rounded = i64::try_from(rounded).unwrap_or(i64::MAX);
        Rational::integer(if self.num < 0 { -rounded } else { rounded })
    }

    /// Written as a mixed number when it is improper: `1 1/2`, `-2 3/4`, `3`, `2/5`.
    pub fn to_mixed_string(self) -> String {
        let (magnitude, den) = (self.num.unsigned_abs(), self.den.unsigned_abs());
        if den == 1 || magnitude < den {
            return self.to_string();
        }
        let (whole, rest) = (magnitude / den, magnitude % den);
        let sign = if self.num < 0 { "-" } else { "" };
        if rest == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole} {rest}/{den}")
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
        // At most 18 places, so 10^places fits, and the denominator divides it.
        let scale = 10i64.pow(places);
        let Some(scaled) = self.num.checked_mul(scale / self.den) else {
            return self.to_string();
        };
        if places == 0 {
            return scaled.to_string();
        }
        let sign = if scaled < 0 { "-" } else { "" };
        let digits = scaled.unsigned_abs().to_string();
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

/// A number as someone wrote it: its value, and the form they chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub value: Rational,
    pub form: Form,
}

/// The form of a written number; a fraction's parts are kept as written, unreduced
/// and without the sign (`-6/8` is `Fraction { num: 6, den: 8 }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Digits alone, or digits with a decimal point: `3`, `0.75`.
    Decimal,
    /// `3/4`, `6/8`, `7/4`.
    Fraction { num: i64, den: i64 },
    /// A whole number and a proper fraction: `1 3/4`.
    Mixed { whole: i64, num: i64, den: i64 },
}

/// Reads a number as a student types it: `3`, `-3`, `0.75`, `.5`, `3/4`, `1 1/2`,
/// `-1 1/2`, with spaces around it and the typographic minus `−` accepted.
/// Returns None for anything else (`1,5`, `3/0`, `abc`).
pub fn parse_number(text: &str) -> Option<Rational> {
    read_number(text).map(|written| written.value)
}

/// Reads a number as [`parse_number`] does, keeping the form it was written in.
pub fn read_number(text: &str) -> Option<Written> {
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
    let (value, form) = match body.split_once(' ') {
        Some((whole, fraction)) => {
            let whole = parse_unsigned_integer(whole)?;
            let (num, den) = fraction_parts(fraction.trim())?;
            if num >= den {
                return None; // "1 3/2" is not a mixed number
            }
            let value = Rational::integer(whole)
                .checked_add(Rational::new(num, den).ok()?)
                .ok()?;
            (value, Form::Mixed { whole, num, den })
        }
        None => match fraction_parts(body) {
            Some((num, den)) => (Rational::new(num, den).ok()?, Form::Fraction { num, den }),
            None => (parse_decimal(body)?, Form::Decimal),
        },
    };
    let value = if negative {
        value.checked_neg().ok()?
    } else {
        value
    };
    Some(Written { value, form })
}

/// Digits alone, up to `i64::MAX`: every part a number is written with (by
/// `Display`, `to_mixed_string`, `to_decimal_string`) reads back, 19 digits too.
fn parse_unsigned_integer(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A fraction's two parts as written: `6/8` is (6, 8); None when the denominator
/// is 0 or either part is not digits.
fn fraction_parts(text: &str) -> Option<(i64, i64)> {
    let (num, den) = text.split_once('/')?;
    let num = parse_unsigned_integer(num.trim())?;
    let den = parse_unsigned_integer(den.trim())?;
    (den != 0).then_some((num, den))
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
    fn a_number_read_keeps_the_form_it_was_written_in() {
        let form = |text: &str| read_number(text).map(|written| written.form);
        assert_eq!(form("6/8"), Some(Form::Fraction { num: 6, den: 8 }));
        assert_eq!(form("-6 / 8"), Some(Form::Fraction { num: 6, den: 8 }));
        assert_eq!(
            form("1 3/4"),
            Some(Form::Mixed {
                whole: 1,
                num: 3,
                den: 4
            })
        );
        assert_eq!(form("0.75"), Some(Form::Decimal));
        assert_eq!(form("3"), Some(Form::Decimal));
        assert_eq!(form("3/0"), None);
        assert_eq!(read_number("-6/8").map(|w| w.value), Some(r(-3, 4)));
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
    fn the_ends_of_the_range_give_overflow_never_a_wrapped_value() {
        let max = Rational::integer(i64::MAX);
        let lowest = Rational::integer(-i64::MAX);
        assert_eq!(
            Rational::checked_integer(i64::MIN),
            Err(ArithmeticError::Overflow)
        );
        assert_eq!(Rational::new(i64::MIN, 1), Err(ArithmeticError::Overflow));
        assert_eq!(Rational::new(1, i64::MIN), Err(ArithmeticError::Overflow));
        assert_eq!(Rational::new(i64::MIN, 2), Ok(r(-(1 << 62), 1)));
        assert_eq!(Rational::new(i64::MIN, i64::MIN), Ok(Rational::ONE));
        assert_eq!(Rational::new(7, i64::MIN), Err(ArithmeticError::Overflow));
        assert_eq!(
            lowest.checked_sub(Rational::ONE),
            Err(ArithmeticError::Overflow)
        );
        assert_eq!(
            max.checked_add(Rational::ONE),
            Err(ArithmeticError::Overflow)
        );
        assert_eq!(lowest.checked_mul(r(-1, 1)), Ok(max));
        assert_eq!(lowest.checked_div(r(-1, 1)), Ok(max));
        assert_eq!(Rational::ONE.checked_div(lowest), Ok(r(-1, i64::MAX)));
        assert_eq!(r(-2, 1).checked_pow(63), Err(ArithmeticError::Overflow));
        assert_eq!(r(-2, 1).checked_pow(-63), Err(ArithmeticError::Overflow));
        assert_eq!(lowest.abs(), max);
        assert_eq!(lowest.checked_neg(), Ok(max));
        for value in [max, lowest] {
            assert_eq!(value.floor(), value);
            assert_eq!(value.ceil(), value);
            assert_eq!(value.round(), value);
        }
        let half_max = r(i64::MAX, 2);
        assert_eq!(half_max.floor(), r(i64::MAX / 2, 1));
        assert_eq!(half_max.ceil(), r(i64::MAX / 2 + 1, 1));
        assert_eq!(half_max.round(), r(i64::MAX / 2 + 1, 1));
        assert_eq!(
            half_max.checked_neg().map(Rational::round),
            Ok(r(-(i64::MAX / 2 + 1), 1))
        );
        assert_eq!(lowest.to_string(), "-9223372036854775807");
        assert_eq!(
            r(-i64::MAX, 2).to_mixed_string(),
            "-4611686018427387903 1/2"
        );
        assert_eq!(lowest.to_mixed_string(), "-9223372036854775807");
        // A decimal whose digits would not fit in 64 bits is written as a fraction.
        assert_eq!(
            r(-i64::MAX, 1 << 18).to_decimal_string(),
            "-9223372036854775807/262144"
        );
        assert_eq!(r(-(1 << 40) - 1, 4).to_decimal_string(), "-274877906944.25");
    }

    /// The operations against 128-bit arithmetic on values drawn across the whole
    /// range: each result is exactly right or reported as overflow, never wrong.
    #[test]
    fn arithmetic_is_exact_or_overflow_across_the_whole_range() {
        use crate::content::rng::SplitMix64;
        let mut rng = SplitMix64::new(2026);
        let special = [
            i64::MIN,
            -i64::MAX,
            -1 << 62,
            -3,
            -1,
            0,
            1,
            2,
            1 << 32,
            i64::MAX,
        ];
        let part = |rng: &mut SplitMix64| match rng.below(4) {
            0 => special[rng.below(special.len() as u64) as usize],
            1 => rng.below(1 << 20) as i64 - (1 << 19),
            _ => rng.next_u64() as i64 >> rng.below(64),
        };
        // a/b and c/d equal when a*d == c*b, in 128 bits (products of 64-bit parts fit).
        let same = |value: Rational, num: i128, den: i128| {
            i128::from(value.num) * den == num * i128::from(value.den)
        };
        let mut exact = 0;
        for _ in 0..200_000 {
            let Ok(x) = Rational::new(part(&mut rng), part(&mut rng)) else {
                continue;
            };
            let Ok(y) = Rational::new(part(&mut rng), part(&mut rng)) else {
                continue;
            };
            assert!(x.num != i64::MIN && x.den > 0, "{x:?}");
            let (a, b) = (i128::from(x.num), i128::from(x.den));
            let (c, d) = (i128::from(y.num), i128::from(y.den));
            let sum = a
                .checked_mul(d)
                .zip(c.checked_mul(b))
                .and_then(|(p, q)| p.checked_add(q));
            for (result, num, den) in [
                (x.checked_add(y), sum, Some(b * d)),
                (x.checked_mul(y), Some(a * c), Some(b * d)),
                (x.checked_div(y), Some(a * d), Some(b * c)),
            ] {
                match (result, num, den) {
                    (Ok(value), Some(num), Some(den)) => {
                        assert!(value.num != i64::MIN && value.den > 0, "{value:?}");
                        assert!(same(value, num, den), "{x:?} {y:?} -> {value:?}");
                        exact += 1;
                    }
                    (Ok(value), _, _) => panic!("{x:?} {y:?} -> {value:?} past 128 bits"),
                    (Err(ArithmeticError::DivisionByZero), _, _) => assert_eq!(y.num, 0),
                    (Err(ArithmeticError::Overflow), _, _) => {}
                }
            }
            for (value, whole) in [
                (x.floor(), a.div_euclid(b)),
                (x.ceil(), -(-a).div_euclid(b)),
            ] {
                assert_eq!(i128::from(value.num), whole, "{x:?}");
            }
            let round = (2 * a.abs() + b).div_euclid(2 * b) * a.signum();
            assert_eq!(i128::from(x.round().num), round, "{x:?}");
            for written in [x.to_string(), x.to_mixed_string(), x.to_decimal_string()] {
                assert_eq!(parse_number(&written), Some(x), "{written}");
            }
        }
        assert!(exact > 100_000, "only {exact} exact results");
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

    #[test]
    fn every_number_reads_back_from_each_way_it_is_written() {
        // Found by fuzzing: "499999999999999999.9" read as 4999999999999999999/10,
        // whose 19-digit numerator did not read back, so an item with that answer
        // refused its own model answer as "not a number".
        let read = parse_number("499999999999999999.9");
        assert_eq!(read, Some(r(4_999_999_999_999_999_999, 10)));
        let special = [
            r(4_999_999_999_999_999_999, 10),
            r(i64::MAX, 1),
            r(-i64::MAX, 1),
            r(-i64::MAX, 2),
            r(1, i64::MAX),
            r(-(1 << 40) - 1, 4),
            r(-11, 4),
        ];
        for value in special {
            for written in [
                value.to_string(),
                value.to_mixed_string(),
                value.to_decimal_string(),
            ] {
                assert_eq!(parse_number(&written), Some(value), "{written}");
            }
        }
        assert_eq!(parse_number("9223372036854775808"), None);
        assert_eq!(parse_number("00000000000000000000007"), Some(r(7, 1)));
    }

    #[test]
    fn nearness_is_exact_where_the_difference_would_overflow() {
        // Found by fuzzing: this number minus itself overflows on the way, so a
        // numeric item with it as the answer judged its own model answer wrong.
        let big = r(11_100, 11_111_111_111);
        assert_eq!(big.checked_sub(big), Err(ArithmeticError::Overflow));
        assert!(big.is_within(big, Rational::ZERO));
        let near = r(11_101, 11_111_111_111);
        assert!(!near.is_within(big, Rational::ZERO));
        assert!(near.is_within(big, r(1, 1_000_000)));
        assert!(r(3, 4).is_within(r(1, 2), r(1, 4)));
        assert!(!r(3, 4).is_within(r(1, 2), r(1, 5)));
        let max = Rational::integer(i64::MAX);
        assert!(max.is_within(max, Rational::ONE));
        assert!(!Rational::ZERO.is_within(max, Rational::ONE));
    }
}
