//! Pictures of fractions a child can see and touch: number lines, fraction strips,
//! area models, circles, sets and line plots. An author writes one as a block of
//! any curriculum text (`::: number-line; from: 0; to: 2; parts: 4 :::`); it is read
//! here into a [`Diagram`], checked against bounds that keep every page quick
//! (partitions, ticks, cells and marks are capped, arithmetic is exact and
//! checked), turned into geometry by [`draw`] and into a structured description
//! by [`describe`], which masterly-text words for screen readers.
//!
//! The syntax is documented in `docs/curriculum-format.md` ("Pictures").

mod draw;
mod items;
#[cfg(test)]
mod tests;

pub use draw::{draw, Anchor, Drawing, Fill, Shape, Stroke, TEXT_SIZE};
pub(crate) use items::{check_answer, wrong_on_picture};
pub use items::{
    draw_partitioned, models_for, partition_range, partitioned, shading, stops, NotOnPicture,
    Shading, Stop,
};

use crate::content::rational::{parse_number, ArithmeticError, Rational};
use std::fmt;

/// A picture, read and checked: every value is inside its bounds and every
/// position can be computed exactly, so drawing and describing cannot fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diagram {
    NumberLine(NumberLine),
    /// A fraction strip (tape diagram): bars stacked under each other, each one
    /// whole, so strips of different partitions compare.
    Strip(Vec<Bar>),
    Area(Area),
    /// A circle cut into equal sectors.
    Circle(Parts),
    /// A set of equal objects (dots).
    Set(Parts),
    LinePlot(LinePlot),
}

/// The models, as an author names them after `:::`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    NumberLine,
    Strip,
    Area,
    Circle,
    Set,
    LinePlot,
}

impl Model {
    pub const ALL: [Model; 6] = [
        Model::NumberLine,
        Model::Strip,
        Model::Area,
        Model::Circle,
        Model::Set,
        Model::LinePlot,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Model::NumberLine => "number-line",
            Model::Strip => "strip",
            Model::Area => "area",
            Model::Circle => "circle",
            Model::Set => "set",
            Model::LinePlot => "line-plot",
        }
    }
}

impl Diagram {
    pub fn model(&self) -> Model {
        match self {
            Diagram::NumberLine(_) => Model::NumberLine,
            Diagram::Strip(_) => Model::Strip,
            Diagram::Area(_) => Model::Area,
            Diagram::Circle(_) => Model::Circle,
            Diagram::Set(_) => Model::Set,
            Diagram::LinePlot(_) => Model::LinePlot,
        }
    }
}

/// Which ticks of a number line carry a number, and how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    /// Every tick, as a count of parts (`0`, `1/4`, `2/4` … `8/4`).
    Fractions,
    /// Every tick, wholes as whole numbers and the rest as mixed numbers (`1 1/4`).
    Mixed,
    /// Whole numbers only.
    Wholes,
    /// Every tick as a decimal (`0.1`, `0.62`) where its value has one (tenths,
    /// hundredths, fourths …), wholes as whole numbers, any other as a fraction.
    Decimals,
    None,
}

/// The axis shared by number lines and line plots: from `from` to `to`, each whole
/// cut into `parts` equal gaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    pub from: Rational,
    pub to: Rational,
    pub parts: u16,
    pub labels: Labels,
    /// The partition limit the author allowed (24 unless raised with `max-parts`).
    pub max_parts: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLine {
    pub axis: Axis,
    pub points: Vec<Point>,
    pub jumps: Vec<Jump>,
}

/// A marked point, with an optional short label (`A`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub value: Rational,
    pub label: Option<String>,
}

/// An arc from one value to another, for adding and subtracting on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    pub from: Rational,
    pub to: Rational,
}

/// One whole of a strip: `parts` equal parts, the first `shaded` of them shaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub parts: u16,
    pub shaded: u16,
    pub label: Option<String>,
    /// The strip's partition limit (24 unless raised with `max-parts`), the same for
    /// every bar: how far a partition item may cut the last one.
    pub max_parts: u16,
}

/// A rectangle of `rows` × `columns` cells. The first `shaded` cells (row by row)
/// and the first `shade_columns` columns are shaded; the first `shade_rows` rows
/// carry the second shading, so their overlap shows a product of fractions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub rows: u16,
    pub columns: u16,
    pub shaded: u16,
    pub shade_columns: u16,
    pub shade_rows: u16,
    /// The whole is a square (`whole: square`), its cells as wide and as tall as
    /// the columns and rows make them: a unit square for multiplying fractions.
    /// Otherwise every cell is a square.
    pub square: bool,
}

/// A whole of `parts` equal parts (sectors, objects), `shaded` of them shaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub parts: u16,
    pub shaded: u16,
    pub max_parts: u16,
}

/// Data values on an axis, one mark each, stacked above equal values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinePlot {
    pub axis: Axis,
    pub data: Vec<Rational>,
    /// Marks are dots rather than crosses.
    pub dots: bool,
}

/// The most equal parts a whole is cut into, unless the author raises it.
pub const DEFAULT_MAX_PARTS: u16 = 24;
/// The most an author may raise it to.
pub const MOST_PARTS: u16 = 100;
/// The most ticks of an axis, cells of an area, objects of a set or marks of a
/// line plot: enough for any primary picture, few enough to draw at once.
pub const MAX_PIECES: u32 = 240;
/// The most points or jumps on one line, bars in one strip.
pub const MAX_MARKED: usize = 12;
/// The longest label of a point or bar, in characters.
pub const MAX_LABEL_CHARS: usize = 12;

/// Why a picture cannot be drawn. The shell shows a malformed picture as a clear
/// message in its place, and validation reports it with its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagramError {
    /// A block that opens with `:::` but does not end with `:::`.
    NotClosed,
    /// A model name that is none of [`Model::ALL`].
    UnknownModel(String),
    /// A parameter this model does not have (`model` names it).
    UnknownParameter {
        model: Model,
        key: String,
    },
    /// The same parameter twice (only `bar` may repeat).
    Repeated(String),
    /// A parameter this model needs.
    Missing(&'static str),
    /// A value that does not read as the parameter needs (`expected` says how).
    BadValue {
        key: &'static str,
        text: String,
        expected: Expected,
    },
    /// A count outside its bounds.
    OutOfRange {
        key: &'static str,
        found: i64,
        least: i64,
        most: i64,
    },
    /// `from` is not below `to`.
    EmptyRange {
        from: Rational,
        to: Rational,
    },
    /// `from` or `to` is not on a tick: a multiple of one part.
    OffTheTicks {
        key: &'static str,
        value: Rational,
    },
    /// A point, jump end or data value outside from..to.
    OutsideRange {
        key: &'static str,
        value: Rational,
    },
    /// More ticks, cells, objects or marks than [`MAX_PIECES`], or more points,
    /// jumps or bars than [`MAX_MARKED`]: a picture that would freeze the page or
    /// not be readable.
    TooLarge {
        key: &'static str,
        found: u64,
        most: u64,
    },
    /// Tick labels closer than they are wide: fewer labels (`labels: wholes`) or
    /// fewer parts are needed.
    LabelsCrowded,
    Arithmetic(ArithmeticError),
}

/// How a parameter's value must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A number (`3`, `3/4`, `1 1/2`, `0.25`).
    Number,
    /// A whole number from 0.
    Count,
    /// `fractions`, `mixed`, `wholes` or `none`.
    Labels,
    /// `cross` or `dot`.
    Mark,
    /// `square` or `cells`.
    Whole,
    /// `shaded/parts`, as `3/4`, then an optional label.
    Bar,
    /// `from -> to`.
    Jump,
    /// A label of at most [`MAX_LABEL_CHARS`] characters, not starting like a
    /// number (after a point, it would read as part of the number).
    Label,
}

impl From<ArithmeticError> for DiagramError {
    fn from(error: ArithmeticError) -> Self {
        DiagramError::Arithmetic(error)
    }
}

/// Whether a Markdown block (its lines, trimmed) is a picture: it opens with `:::`.
pub(crate) fn is_diagram_block(first_line: &str) -> bool {
    first_line.starts_with(":::")
}

/// Reads a picture block: `:::`, the model, `key: value` parameters separated by
/// `;` or new lines, and `:::`.
pub fn parse_diagram(block: &str) -> Result<Diagram, DiagramError> {
    let body = block
        .trim()
        .strip_prefix(":::")
        .and_then(|rest| rest.strip_suffix(":::"))
        .ok_or(DiagramError::NotClosed)?;
    let mut entries = body
        .split([';', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let name = entries.next().unwrap_or("");
    let model = Model::ALL
        .into_iter()
        .find(|m| m.name() == name)
        .ok_or_else(|| DiagramError::UnknownModel(name.to_string()))?;
    let mut params = Params {
        model,
        given: Vec::new(),
    };
    for entry in entries {
        let (key, value) = entry.split_once(':').unwrap_or((entry, ""));
        let (key, value) = (key.trim(), value.trim());
        if !model_keys(model).contains(&key) {
            return Err(DiagramError::UnknownParameter {
                model,
                key: key.to_string(),
            });
        }
        if key != "bar" && params.given.iter().any(|(k, _)| *k == key) {
            return Err(DiagramError::Repeated(key.to_string()));
        }
        params.given.push((key, value));
    }
    params.diagram()
}

fn model_keys(model: Model) -> &'static [&'static str] {
    model.parameters()
}

impl Model {
    /// The parameters this model takes, as an author writes them.
    pub fn parameters(self) -> &'static [&'static str] {
        match self {
            Model::NumberLine => &[
                "from",
                "to",
                "parts",
                "labels",
                "max-parts",
                "points",
                "jumps",
            ],
            Model::LinePlot => &["from", "to", "parts", "labels", "max-parts", "data", "mark"],
            Model::Strip => &["bar", "max-parts"],
            Model::Area => &[
                "rows",
                "columns",
                "shaded",
                "shade-columns",
                "shade-rows",
                "whole",
                "max-parts",
            ],
            Model::Circle | Model::Set => &["parts", "shaded", "max-parts"],
        }
    }
}

struct Params<'a> {
    model: Model,
    given: Vec<(&'a str, &'a str)>,
}

impl<'a> Params<'a> {
    fn get(&self, key: &str) -> Option<&'a str> {
        self.given.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    fn number(&self, key: &'static str) -> Result<Rational, DiagramError> {
        let text = self.get(key).ok_or(DiagramError::Missing(key))?;
        number(key, text)
    }

    /// A whole number from `least` to `most`; `default` when not given (None:
    /// required).
    fn count(
        &self,
        key: &'static str,
        default: Option<u16>,
        least: u16,
        most: u16,
    ) -> Result<u16, DiagramError> {
        let Some(text) = self.get(key) else {
            return default.ok_or(DiagramError::Missing(key));
        };
        count(key, text, least, most)
    }

    fn max_parts(&self) -> Result<u16, DiagramError> {
        self.count("max-parts", Some(DEFAULT_MAX_PARTS), 1, MOST_PARTS)
    }

    fn axis(&self) -> Result<Axis, DiagramError> {
        let max_parts = self.max_parts()?;
        let (from, to) = (self.number("from")?, self.number("to")?);
        let parts = self.count("parts", Some(1), 1, max_parts)?;
        let labels = match self.get("labels").unwrap_or("wholes") {
            "fractions" => Labels::Fractions,
            "mixed" => Labels::Mixed,
            "wholes" => Labels::Wholes,
            "decimals" => Labels::Decimals,
            "none" => Labels::None,
            other => return Err(bad("labels", other, Expected::Labels)),
        };
        if from >= to {
            return Err(DiagramError::EmptyRange { from, to });
        }
        let per_part = Rational::integer(i64::from(parts));
        for (key, value) in [("from", from), ("to", to)] {
            if !value.checked_mul(per_part)?.is_integer() {
                return Err(DiagramError::OffTheTicks { key, value });
            }
        }
        let gaps = to.checked_sub(from)?.checked_mul(per_part)?.numerator();
        if gaps > i64::from(MAX_PIECES) {
            return Err(too_large("parts", gaps as u64, MAX_PIECES));
        }
        let axis = Axis {
            from,
            to,
            parts,
            labels,
            max_parts,
        };
        draw::check_labels(&axis)?;
        Ok(axis)
    }

    /// A comma-separated list (empty when not given).
    fn list(&self, key: &'static str) -> Result<Vec<&'a str>, DiagramError> {
        let items: Vec<&str> = self
            .get(key)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let most = if key == "data" {
            MAX_PIECES as usize
        } else {
            MAX_MARKED
        };
        if items.len() > most {
            return Err(too_large(key, items.len() as u64, most as u32));
        }
        Ok(items)
    }

    fn diagram(&self) -> Result<Diagram, DiagramError> {
        Ok(match self.model {
            Model::NumberLine => {
                let axis = self.axis()?;
                let mut points = Vec::new();
                for entry in self.list("points")? {
                    let (value, label) = number_then_label("points", entry)?;
                    points.push(Point {
                        value: inside(&axis, "points", value)?,
                        label,
                    });
                }
                let mut jumps = Vec::new();
                for entry in self.list("jumps")? {
                    let (from, to) = entry
                        .split_once("->")
                        .ok_or_else(|| bad("jumps", entry, Expected::Jump))?;
                    jumps.push(Jump {
                        from: inside(&axis, "jumps", number("jumps", from)?)?,
                        to: inside(&axis, "jumps", number("jumps", to)?)?,
                    });
                }
                Diagram::NumberLine(NumberLine {
                    axis,
                    points,
                    jumps,
                })
            }
            Model::LinePlot => {
                let axis = self.axis()?;
                let data = self
                    .list("data")?
                    .into_iter()
                    .map(|entry| inside(&axis, "data", number("data", entry)?))
                    .collect::<Result<_, _>>()?;
                let dots = match self.get("mark").unwrap_or("cross") {
                    "cross" => false,
                    "dot" => true,
                    other => return Err(bad("mark", other, Expected::Mark)),
                };
                Diagram::LinePlot(LinePlot { axis, data, dots })
            }
            Model::Strip => {
                let max_parts = self.max_parts()?;
                let mut bars = Vec::new();
                for (key, entry) in &self.given {
                    if *key != "bar" {
                        continue;
                    }
                    let (fraction, label) = entry.split_once(' ').unwrap_or((entry, ""));
                    let (shaded, parts) = fraction
                        .split_once('/')
                        .ok_or_else(|| bad("bar", entry, Expected::Bar))?;
                    let parts = count("bar", parts, 1, max_parts)?;
                    let shaded = count("bar", shaded, 0, parts)?;
                    bars.push(Bar {
                        parts,
                        shaded,
                        label: label_of("bar", label)?,
                        max_parts,
                    });
                }
                if bars.is_empty() {
                    return Err(DiagramError::Missing("bar"));
                }
                if bars.len() > MAX_MARKED {
                    return Err(too_large("bar", bars.len() as u64, MAX_MARKED as u32));
                }
                Diagram::Strip(bars)
            }
            Model::Area => {
                let max_parts = self.max_parts()?;
                let rows = self.count("rows", None, 1, max_parts)?;
                let columns = self.count("columns", None, 1, max_parts)?;
                let cells = u32::from(rows) * u32::from(columns);
                if cells > MAX_PIECES {
                    return Err(too_large("columns", u64::from(cells), MAX_PIECES));
                }
                Diagram::Area(Area {
                    rows,
                    columns,
                    shaded: self.count("shaded", Some(0), 0, cells as u16)?,
                    shade_columns: self.count("shade-columns", Some(0), 0, columns)?,
                    shade_rows: self.count("shade-rows", Some(0), 0, rows)?,
                    square: match self.get("whole").unwrap_or("cells") {
                        "cells" => false,
                        "square" => true,
                        other => return Err(bad("whole", other, Expected::Whole)),
                    },
                })
            }
            Model::Circle | Model::Set => {
                let max_parts = self.max_parts()?;
                // A set holds objects, not slices: up to the piece limit.
                let most = if self.model == Model::Set {
                    MAX_PIECES as u16
                } else {
                    max_parts
                };
                let parts = self.count("parts", None, 1, most)?;
                let shaded = self.count("shaded", Some(0), 0, parts)?;
                let whole = Parts {
                    parts,
                    shaded,
                    max_parts,
                };
                if self.model == Model::Set {
                    Diagram::Set(whole)
                } else {
                    Diagram::Circle(whole)
                }
            }
        })
    }
}

fn bad(key: &'static str, text: &str, expected: Expected) -> DiagramError {
    DiagramError::BadValue {
        key,
        text: text.trim().to_string(),
        expected,
    }
}

fn too_large(key: &'static str, found: u64, most: u32) -> DiagramError {
    DiagramError::TooLarge {
        key,
        found,
        most: u64::from(most),
    }
}

fn number(key: &'static str, text: &str) -> Result<Rational, DiagramError> {
    parse_number(text).ok_or_else(|| bad(key, text, Expected::Number))
}

fn count(key: &'static str, text: &str, least: u16, most: u16) -> Result<u16, DiagramError> {
    let value: i64 = text
        .trim()
        .parse()
        .map_err(|_| bad(key, text, Expected::Count))?;
    if value < i64::from(least) || value > i64::from(most) {
        return Err(DiagramError::OutOfRange {
            key,
            found: value,
            least: i64::from(least),
            most: i64::from(most),
        });
    }
    Ok(value as u16)
}

fn label_of(key: &'static str, text: &str) -> Result<Option<String>, DiagramError> {
    let text = text.trim();
    if text.chars().count() > MAX_LABEL_CHARS {
        return Err(bad(key, text, Expected::Label));
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

/// `3/4 A` or `1 1/2 B` or `2`: a number (a mixed number has two words), then an
/// optional label.
fn number_then_label(
    key: &'static str,
    entry: &str,
) -> Result<(Rational, Option<String>), DiagramError> {
    let words: Vec<&str> = entry.split_whitespace().collect();
    for taken in [2, 1] {
        if words.len() >= taken {
            if let Some(value) = parse_number(&words[..taken].join(" ")) {
                let label = words[taken..].join(" ");
                // A label that starts like a number would read as part of it.
                if label.starts_with(|c: char| c.is_ascii_digit() || "-−./".contains(c)) {
                    return Err(bad(key, &label, Expected::Label));
                }
                return Ok((value, label_of(key, &label)?));
            }
        }
    }
    Err(bad(key, entry, Expected::Number))
}

fn inside(axis: &Axis, key: &'static str, value: Rational) -> Result<Rational, DiagramError> {
    if value < axis.from || value > axis.to {
        return Err(DiagramError::OutsideRange { key, value });
    }
    draw::position(axis, value)?;
    Ok(value)
}

/// What a picture shows, in numbers, for masterly-text to say in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagramDescription {
    NumberLine {
        from: Rational,
        to: Rational,
        parts: u16,
        points: Vec<Point>,
        jumps: Vec<Jump>,
        /// Its numbers are decimals: written so (`labels: decimals`), or a line
        /// without numbers cut into tenths or hundredths. Say them so.
        decimals: bool,
    },
    /// Each bar: its parts and how many are shaded, and its label.
    Strip(Vec<Bar>),
    /// The cells, and how many carry each shading (`both`: the overlap).
    Area {
        rows: u16,
        columns: u16,
        shaded: u32,
        second: u32,
        both: u32,
        /// The whole is a square.
        square: bool,
    },
    Circle {
        parts: u16,
        shaded: u16,
    },
    Set {
        parts: u16,
        shaded: u16,
    },
    /// Each distinct value in order with how many marks it has.
    LinePlot {
        from: Rational,
        to: Rational,
        parts: u16,
        tallies: Vec<(Rational, u32)>,
    },
}

pub fn describe(diagram: &Diagram) -> DiagramDescription {
    match diagram {
        Diagram::NumberLine(line) => DiagramDescription::NumberLine {
            from: line.axis.from,
            to: line.axis.to,
            parts: line.axis.parts,
            points: line.points.clone(),
            jumps: line.jumps.clone(),
            decimals: line.axis.labels == Labels::Decimals
                || (line.axis.labels == Labels::None && matches!(line.axis.parts, 10 | 100)),
        },
        Diagram::Strip(bars) => DiagramDescription::Strip(bars.clone()),
        Diagram::Area(area) => {
            let (mut shaded, mut second, mut both) = (0, 0, 0);
            for (_, fill) in draw::area_cells(area) {
                match fill {
                    Fill::Shaded => shaded += 1,
                    Fill::Second => second += 1,
                    Fill::Both => both += 1,
                    _ => {}
                }
            }
            DiagramDescription::Area {
                rows: area.rows,
                columns: area.columns,
                shaded,
                second,
                both,
                square: area.square,
            }
        }
        Diagram::Circle(whole) => DiagramDescription::Circle {
            parts: whole.parts,
            shaded: whole.shaded,
        },
        Diagram::Set(whole) => DiagramDescription::Set {
            parts: whole.parts,
            shaded: whole.shaded,
        },
        Diagram::LinePlot(plot) => DiagramDescription::LinePlot {
            from: plot.axis.from,
            to: plot.axis.to,
            parts: plot.axis.parts,
            tallies: draw::tallies(&plot.data),
        },
    }
}

/// The picture written back in its own syntax, on one line: what a teacher's
/// report shows in place of a picture (a report has no words from this crate).
impl fmt::Display for Diagram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "::: {}", self.model().name())?;
        let axis = |f: &mut fmt::Formatter<'_>, axis: &Axis| {
            let labels = match axis.labels {
                Labels::Fractions => "fractions",
                Labels::Mixed => "mixed",
                Labels::Wholes => "wholes",
                Labels::Decimals => "decimals",
                Labels::None => "none",
            };
            write!(
                f,
                "; from: {}; to: {}; parts: {}; labels: {labels}",
                axis.from.to_mixed_string(),
                axis.to.to_mixed_string(),
                axis.parts
            )?;
            if axis.max_parts != DEFAULT_MAX_PARTS {
                write!(f, "; max-parts: {}", axis.max_parts)?;
            }
            Ok(())
        };
        let list = |f: &mut fmt::Formatter<'_>, key: &str, items: Vec<String>| {
            if items.is_empty() {
                Ok(())
            } else {
                write!(f, "; {key}: {}", items.join(", "))
            }
        };
        match self {
            Diagram::NumberLine(line) => {
                axis(f, &line.axis)?;
                let points = line.points.iter().map(|p| match &p.label {
                    Some(label) => format!("{} {label}", p.value.to_mixed_string()),
                    None => p.value.to_mixed_string(),
                });
                list(f, "points", points.collect())?;
                let jumps = line
                    .jumps
                    .iter()
                    .map(|j| format!("{} -> {}", j.from.to_mixed_string(), j.to.to_mixed_string()));
                list(f, "jumps", jumps.collect())?;
            }
            Diagram::LinePlot(plot) => {
                axis(f, &plot.axis)?;
                list(
                    f,
                    "data",
                    plot.data.iter().map(|v| v.to_mixed_string()).collect(),
                )?;
                if plot.dots {
                    write!(f, "; mark: dot")?;
                }
            }
            Diagram::Strip(bars) => {
                let most = bars.first().map_or(DEFAULT_MAX_PARTS, |bar| bar.max_parts);
                if most != DEFAULT_MAX_PARTS {
                    write!(f, "; max-parts: {most}")?;
                }
                for bar in bars {
                    write!(f, "; bar: {}/{}", bar.shaded, bar.parts)?;
                    if let Some(label) = &bar.label {
                        write!(f, " {label}")?;
                    }
                }
            }
            Diagram::Area(a) => {
                let most = a.rows.max(a.columns);
                if most > DEFAULT_MAX_PARTS {
                    write!(f, "; max-parts: {most}")?;
                }
                write!(
                    f,
                    "; rows: {}; columns: {}; shaded: {}; shade-columns: {}; shade-rows: {}",
                    a.rows, a.columns, a.shaded, a.shade_columns, a.shade_rows
                )?;
                if a.square {
                    write!(f, "; whole: square")?
                }
            }
            Diagram::Circle(w) | Diagram::Set(w) => {
                if w.max_parts != DEFAULT_MAX_PARTS {
                    write!(f, "; max-parts: {}", w.max_parts)?;
                }
                write!(f, "; parts: {}; shaded: {}", w.parts, w.shaded)?
            }
        }
        write!(f, " :::")
    }
}
