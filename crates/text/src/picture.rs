//! Pictures said in words: what a screen reader reads for a picture (its
//! accessible name), and why an author's picture cannot be drawn.

use crate::Say;
use masterly_core::content::picture::{
    DiagramDescription, DiagramError, Expected, Model, Point, DEFAULT_MAX_PARTS, MOST_PARTS,
};
use masterly_core::content::rational::Rational;

const PARTS: [(&str, &str); 11] = [
    ("half", "halves"),
    ("third", "thirds"),
    ("fourth", "fourths"),
    ("fifth", "fifths"),
    ("sixth", "sixths"),
    ("seventh", "sevenths"),
    ("eighth", "eighths"),
    ("ninth", "ninths"),
    ("tenth", "tenths"),
    ("eleventh", "elevenths"),
    ("twelfth", "twelfths"),
];

/// A fraction as a screen reader should say it, after its whole number if it has
/// one: "1 half", "3 fourths", "2 and 5 twelfths"; "13 over 16" beyond twelfths
/// and for expressions ("2 × 4 over 3 × 4").
pub fn fraction_in_words(whole: Option<&str>, numerator: &str, denominator: &str) -> String {
    let named = denominator
        .parse::<usize>()
        .ok()
        .and_then(|d| d.checked_sub(2))
        .and_then(|at| PARTS.get(at));
    let fraction = match (named, numerator.parse::<u64>()) {
        (Some((one, _)), Ok(1)) => format!("1 {one}"),
        (Some((_, many)), Ok(count)) => format!("{count} {many}"),
        _ => format!("{numerator} over {denominator}"),
    };
    match whole {
        Some(whole) => format!("{whole} and {fraction}"),
        None => fraction,
    }
}

/// A number in words: "3", "3 fourths", "1 and 1 half", "minus 1 half".
pub fn number_in_words(value: Rational) -> String {
    let sign = if value < Rational::ZERO { "minus " } else { "" };
    let (num, den) = (value.numerator().unsigned_abs(), value.denominator());
    let den_u = den.unsigned_abs();
    let words = if den_u == 1 {
        num.to_string()
    } else if num < den_u {
        fraction_in_words(None, &num.to_string(), &den.to_string())
    } else {
        let whole = (num / den_u).to_string();
        fraction_in_words(Some(&whole), &(num % den_u).to_string(), &den.to_string())
    };
    format!("{sign}{words}")
}

/// "fourths" for 4 parts, "16 equal parts" beyond twelfths, "hundredths" for 100.
fn parts_name(parts: u16) -> String {
    match usize::from(parts)
        .checked_sub(2)
        .and_then(|at| PARTS.get(at))
    {
        Some((_, many)) => many.to_string(),
        None if parts == 100 => "hundredths".to_string(),
        None => format!("{parts} equal parts"),
    }
}

fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    match n.into() {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// A number of a number line as it is said: as a decimal ("0.62") where the line
/// writes decimals and the value has one, otherwise in words ("3 fifths").
pub fn number_on_line(value: Rational, decimals: bool) -> String {
    let written = value.to_decimal_string();
    if decimals && !written.contains('/') {
        written
    } else {
        number_in_words(value)
    }
}

fn axis_words(what: &str, from: Rational, to: Rational, parts: u16, decimals: bool) -> String {
    let (from, to) = (number_on_line(from, decimals), number_on_line(to, decimals));
    if parts == 1 {
        format!("{what} from {from} to {to}, marked at each whole number.")
    } else {
        format!(
            "{what} from {from} to {to}, each whole split into {}.",
            parts_name(parts)
        )
    }
}

fn point_words(point: &Point, decimals: bool) -> String {
    let at = number_on_line(point.value, decimals);
    match &point.label {
        Some(label) => format!(" Point {label} is at {at}."),
        None => format!(" A point is at {at}."),
    }
}

/// The accessible name of a picture: everything it shows, in sentences.
impl Say for DiagramDescription {
    fn say(&self) -> String {
        match self {
            DiagramDescription::NumberLine {
                from,
                to,
                parts,
                points,
                jumps,
                decimals,
            } => {
                let mut out = axis_words("A number line", *from, *to, *parts, *decimals);
                for point in points {
                    out.push_str(&point_words(point, *decimals));
                }
                for jump in jumps {
                    out.push_str(&format!(
                        " A jump goes from {} to {}.",
                        number_on_line(jump.from, *decimals),
                        number_on_line(jump.to, *decimals)
                    ));
                }
                out
            }
            DiagramDescription::Strip(bars) => {
                let bar_words = |parts: u16, shaded: u16| {
                    format!(
                        "split into {}, {shaded} shaded",
                        count(parts, "part", "equal parts")
                    )
                };
                match bars.as_slice() {
                    [bar] => {
                        let label = bar
                            .label
                            .as_ref()
                            .map_or_else(String::new, |l| format!(" ({l})"));
                        format!(
                            "A fraction strip{label} {}.",
                            bar_words(bar.parts, bar.shaded)
                        )
                    }
                    _ => {
                        let mut out =
                            format!("A fraction strip of {} bars, one whole each.", bars.len());
                        for (n, bar) in bars.iter().enumerate() {
                            let label = bar
                                .label
                                .as_ref()
                                .map_or_else(String::new, |l| format!(" ({l})"));
                            out.push_str(&format!(
                                " Bar {}{label}: {}.",
                                n + 1,
                                bar_words(bar.parts, bar.shaded)
                            ));
                        }
                        out
                    }
                }
            }
            DiagramDescription::Area {
                rows,
                columns,
                shaded,
                second,
                both,
                square,
            } => {
                let cells = u32::from(*rows) * u32::from(*columns);
                let grid = format!(
                    "{} of {} and {}, {} in all",
                    if *square { "A square" } else { "A rectangle" },
                    count(*rows, "row", "rows"),
                    count(*columns, "column", "columns"),
                    count(cells, "equal part", "equal parts")
                );
                if *second == 0 && *both == 0 {
                    format!("{grid}, {shaded} shaded.")
                } else {
                    format!(
                        "{grid}: {} shaded one way only, {} shaded the other way only, {} shaded both ways.",
                        shaded, second, both
                    )
                }
            }
            DiagramDescription::Circle { parts, shaded } => format!(
                "A circle split into {}, {shaded} shaded.",
                count(*parts, "part", "equal parts")
            ),
            DiagramDescription::Set { parts, shaded } => {
                format!(
                    "A set of {}, {shaded} shaded.",
                    count(*parts, "dot", "dots")
                )
            }
            DiagramDescription::LinePlot {
                from,
                to,
                parts,
                tallies,
            } => {
                let mut out = axis_words("A line plot", *from, *to, *parts, false);
                if tallies.is_empty() {
                    out.push_str(" It has no marks.");
                }
                for (value, marks) in tallies {
                    out.push_str(&format!(
                        " {}: {}.",
                        number_in_words(*value),
                        count(*marks, "mark", "marks")
                    ));
                }
                out
            }
        }
    }
}

fn expected(expected: Expected) -> &'static str {
    match expected {
        Expected::Number => "a number such as 3, 3/4, 1 1/2 or 0.25",
        Expected::Count => "a whole number",
        Expected::Labels => "fractions, mixed, decimals, wholes or none",
        Expected::Mark => "cross or dot",
        Expected::Whole => "square or cells",
        Expected::Bar => "shaded parts/parts with an optional label, such as 3/4 or 3/4 A",
        Expected::Jump => "two numbers with -> between them, such as 0 -> 3/4",
        Expected::Label => "a label of at most 12 characters that does not start like a number",
    }
}

/// Why a picture cannot be drawn, for its author (and in its place, for a student).
impl Say for DiagramError {
    fn say(&self) -> String {
        match self {
            DiagramError::NotClosed => {
                "a picture starts with ::: and must end with ::: at the end of its block".into()
            }
            DiagramError::UnknownModel(name) => format!(
                "\"{name}\" is not a picture; use {}",
                Model::ALL.map(Model::name).join(", ")
            ),
            DiagramError::UnknownParameter { model, key } => format!(
                "a {} has no \"{key}\"; it takes {}",
                model.name(),
                model.parameters().join(", ")
            ),
            DiagramError::Repeated(key) => format!("\"{key}\" is given twice"),
            DiagramError::Missing(key) => format!("the picture needs \"{key}\""),
            DiagramError::BadValue { key, text, expected: e } => {
                format!("{key}: \"{text}\" is not {}", expected(*e))
            }
            DiagramError::OutOfRange { key, found, least, most } => {
                let raise = if *most == i64::from(DEFAULT_MAX_PARTS) {
                    format!(" (max-parts raises the limit, up to {MOST_PARTS})")
                } else {
                    String::new()
                };
                format!("{key} is {found}, expected {least} to {most}{raise}")
            }
            DiagramError::EmptyRange { from, to } => {
                format!("from ({from}) must be less than to ({to})")
            }
            DiagramError::OffTheTicks { key, value } => format!(
                "{key} ({value}) must be on a tick: a whole number of parts"
            ),
            DiagramError::OutsideRange { key, value } => {
                format!("{key}: {value} is not between from and to")
            }
            DiagramError::TooLarge { key, found, most } => {
                format!("{key}: {found} is more than the {most} a picture can show")
            }
            DiagramError::LabelsCrowded => "the numbers under the ticks would overlap; use labels: wholes or none, or fewer parts".into(),
            DiagramError::Arithmetic(error) => error.say(),
        }
    }
}
