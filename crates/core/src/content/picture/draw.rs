//! A picture's geometry as plain values: the shell loops over the shapes and emits
//! one SVG element each, computing nothing. Positions come from exact rationals
//! and are rounded once, at the end, to whole units.
//!
//! Units are tenths of a CSS pixel at the normal text size, so every coordinate is
//! a whole number (the shell formats no floats): a drawing is shown as
//! `<svg viewBox="0 0 {width} {height}">` `width / 160` em wide (20em, 320 px at
//! 16 px text), and stays crisp at any zoom. Text is [`TEXT_SIZE`] units high, centred vertically
//! on its `y` (`dominant-baseline: central`).

use super::{Area, Axis, Diagram, DiagramError, Labels, NumberLine, Parts};
use crate::content::rational::{ArithmeticError, Rational};

/// The size of every label, in units (14 px).
pub const TEXT_SIZE: i32 = 140;
const WIDTH: i32 = 3200;
/// Where an axis or strip starts, and its length: room for a label at each end.
const LEFT: i32 = 200;
const LENGTH: i32 = 2800;
/// About the width of a digit at [`TEXT_SIZE`].
const DIGIT: i32 = 84;
/// The side of an area model drawn as a square whole (`whole: square`).
const SQUARE_WHOLE: i32 = 1600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    pub width: i32,
    pub height: i32,
    /// In drawing order: later shapes are drawn over earlier ones.
    pub shapes: Vec<Shape>,
}

/// One SVG element. `part` numbers what a student can act on (shade, pick): the
/// shell makes those clickable and focusable, in this order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    Line {
        x1: i32,
        y1: i32,
        x2: i32,
        y2: i32,
        stroke: Stroke,
    },
    /// Drawn with an outline ([`Stroke::Outline`]) whatever its fill.
    Rect {
        x: i32,
        y: i32,
        w: i32,
        h: i32,
        fill: Fill,
        part: Option<u16>,
    },
    /// A sector from (x1, y1) to (x2, y2) on the circle, clockwise, never more
    /// than half the circle: `M cx cy L x1 y1 A r r 0 0 1 x2 y2 Z`, outlined.
    Wedge {
        cx: i32,
        cy: i32,
        r: i32,
        x1: i32,
        y1: i32,
        x2: i32,
        y2: i32,
        fill: Fill,
        part: Option<u16>,
    },
    /// A circle: a whole circle model, an object of a set, a point, a dot mark.
    Disc {
        cx: i32,
        cy: i32,
        r: i32,
        fill: Fill,
        part: Option<u16>,
    },
    /// A jump: `M x1 y1 Q cx cy x2 y2` ([`Stroke::Jump`], no fill); its arrow
    /// head is two lines that follow it.
    Curve {
        x1: i32,
        y1: i32,
        cx: i32,
        cy: i32,
        x2: i32,
        y2: i32,
    },
    Text {
        x: i32,
        y: i32,
        anchor: Anchor,
        text: String,
    },
}

/// How a line is drawn; [`Stroke::width`] gives its width in units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    Axis,
    Tick,
    /// The outline of a part (rectangle, sector, object).
    Outline,
    /// The bar of a stacked fraction.
    FractionBar,
    /// A line-plot cross, an arrow head.
    Mark,
    Jump,
}

impl Shape {
    /// A filled shape's inside and the part it is, when a student can act on it:
    /// a rectangle, sector or circle. None for lines, curves and text.
    pub fn filled(&self) -> Option<(Fill, Option<u16>)> {
        match *self {
            Shape::Rect { fill, part, .. }
            | Shape::Wedge { fill, part, .. }
            | Shape::Disc { fill, part, .. } => Some((fill, part)),
            Shape::Line { .. } | Shape::Curve { .. } | Shape::Text { .. } => None,
        }
    }
}

impl Stroke {
    pub fn width(self) -> i32 {
        match self {
            Stroke::Axis => 30,
            Stroke::Jump | Stroke::Mark => 24,
            Stroke::Tick | Stroke::Outline => 20,
            Stroke::FractionBar => 14,
        }
    }
}

/// A shape's inside. The shell draws `Shaded`, `Second` and `Both` with a colour
/// and a hatching each (both hatchings for `Both`), so no meaning rests on colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    None,
    Shaded,
    Second,
    Both,
    /// Solid ink: a marked point, a dot of a line plot.
    Ink,
}

/// Where a text's `x` is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// The geometry of a checked picture.
pub fn draw(diagram: &Diagram) -> Drawing {
    let mut shapes = Vec::new();
    let height = match diagram {
        Diagram::NumberLine(line) => {
            let y = line_y(line);
            let bottom = axis_shapes(&line.axis, y, &mut shapes);
            for jump in &line.jumps {
                let (x1, x2) = (x_of(&line.axis, jump.from), x_of(&line.axis, jump.to));
                jump_shapes(x1, x2, y - 40, &mut shapes);
            }
            for point in &line.points {
                let x = x_of(&line.axis, point.value);
                shapes.push(Shape::Disc {
                    cx: x,
                    cy: y,
                    r: 60,
                    fill: Fill::Ink,
                    part: None,
                });
                if let Some(label) = &point.label {
                    shapes.push(text(x, y - 170, Anchor::Middle, label));
                }
            }
            bottom
        }
        Diagram::LinePlot(plot) => {
            let tallies = tallies(&plot.data);
            let highest = tallies.iter().map(|(_, n)| *n as i32).max().unwrap_or(0);
            let y = 180 + highest * 150;
            let bottom = axis_shapes(&plot.axis, y, &mut shapes);
            for (value, count) in tallies {
                let x = x_of(&plot.axis, value);
                for i in 0..count as i32 {
                    let cy = y - 160 - i * 150;
                    if plot.dots {
                        shapes.push(Shape::Disc {
                            cx: x,
                            cy,
                            r: 45,
                            fill: Fill::Ink,
                            part: None,
                        });
                    } else {
                        for d in [-50, 50] {
                            shapes.push(line(x - 50, cy - d, x + 50, cy + d, Stroke::Mark));
                        }
                    }
                }
            }
            bottom
        }
        Diagram::Strip(bars) => {
            let labelled = bars.iter().any(|b| b.label.is_some());
            let (mut y, mut index) = (60, 0u16);
            for bar in bars {
                if let Some(label) = &bar.label {
                    shapes.push(text(LEFT, y + 100, Anchor::Start, label));
                }
                if labelled {
                    y += 200;
                }
                let parts = i32::from(bar.parts);
                for k in 0..parts {
                    let (x1, x2) = (LEFT + k * LENGTH / parts, LEFT + (k + 1) * LENGTH / parts);
                    let fill = if k < i32::from(bar.shaded) {
                        Fill::Shaded
                    } else {
                        Fill::None
                    };
                    shapes.push(Shape::Rect {
                        x: x1,
                        y,
                        w: x2 - x1,
                        h: 360,
                        fill,
                        part: Some(index),
                    });
                    index += 1;
                }
                y += 460;
            }
            y
        }
        Diagram::Area(area) => {
            let (rows, columns) = (i32::from(area.rows), i32::from(area.columns));
            // Square cells, or a square whole whose cells the rows and columns cut.
            let (width, height) = if area.square {
                (SQUARE_WHOLE, SQUARE_WHOLE)
            } else {
                let cell = (LENGTH / columns).min(2000 / rows).min(400);
                (cell * columns, cell * rows)
            };
            let x0 = (WIDTH - width) / 2;
            let x = |column: i32| x0 + column * width / columns;
            let y = |row: i32| 100 + row * height / rows;
            for (index, fill) in area_cells(area) {
                let (row, column) = (i32::from(index) / columns, i32::from(index) % columns);
                shapes.push(Shape::Rect {
                    x: x(column),
                    y: y(row),
                    w: x(column + 1) - x(column),
                    h: y(row + 1) - y(row),
                    fill,
                    part: Some(index),
                });
            }
            200 + height
        }
        Diagram::Circle(whole) => {
            let (cx, cy, r) = (WIDTH / 2, 1100, 1000);
            for (k, fill) in fills(whole) {
                if whole.parts == 1 {
                    shapes.push(Shape::Disc {
                        cx,
                        cy,
                        r,
                        fill,
                        part: Some(k),
                    });
                    continue;
                }
                let at = |k: u16| {
                    let (sin, cos) = sin_cos(f64::from(k) / f64::from(whole.parts));
                    (
                        cx + (f64::from(r) * sin).round() as i32,
                        cy - (f64::from(r) * cos).round() as i32,
                    )
                };
                let ((x1, y1), (x2, y2)) = (at(k), at(k + 1));
                shapes.push(Shape::Wedge {
                    cx,
                    cy,
                    r,
                    x1,
                    y1,
                    x2,
                    y2,
                    fill,
                    part: Some(k),
                });
            }
            2200
        }
        Diagram::Set(whole) => {
            let columns = i32::from(whole.parts.min(10));
            let x0 = (WIDTH - columns * 300) / 2 + 150;
            for (k, fill) in fills(whole) {
                let k32 = i32::from(k);
                shapes.push(Shape::Disc {
                    cx: x0 + (k32 % 10) * 300,
                    cy: 200 + (k32 / 10) * 300,
                    r: 110,
                    fill,
                    part: Some(k),
                });
            }
            100 + (i32::from(whole.parts) + 9) / 10 * 300
        }
    };
    Drawing {
        width: WIDTH,
        height,
        shapes,
    }
}

/// The height of a number line's axis: below its jumps and point labels.
pub(super) fn line_y(line: &NumberLine) -> i32 {
    let mut top = 180;
    if !line.jumps.is_empty() {
        top += 320;
    }
    if line.points.iter().any(|p| p.label.is_some()) {
        top += 200;
    }
    top
}

fn line(x1: i32, y1: i32, x2: i32, y2: i32, stroke: Stroke) -> Shape {
    Shape::Line {
        x1,
        y1,
        x2,
        y2,
        stroke,
    }
}

fn text(x: i32, y: i32, anchor: Anchor, words: &str) -> Shape {
    Shape::Text {
        x,
        y,
        anchor,
        text: words.to_string(),
    }
}

/// Each part of a circle or set, shaded first.
fn fills(whole: &Parts) -> impl Iterator<Item = (u16, Fill)> + '_ {
    (0..whole.parts).map(|k| {
        let fill = if k < whole.shaded {
            Fill::Shaded
        } else {
            Fill::None
        };
        (k, fill)
    })
}

/// Each cell of an area model, row by row, with its shading.
pub(super) fn area_cells(area: &Area) -> impl Iterator<Item = (u16, Fill)> + '_ {
    (0..area.rows * area.columns).map(|index| {
        let (row, column) = (index / area.columns, index % area.columns);
        let first = index < area.shaded || column < area.shade_columns;
        let fill = match (first, row < area.shade_rows) {
            (true, true) => Fill::Both,
            (true, false) => Fill::Shaded,
            (false, true) => Fill::Second,
            (false, false) => Fill::None,
        };
        (index, fill)
    })
}

/// Each distinct value, in increasing order, with how often it occurs.
pub(super) fn tallies(data: &[Rational]) -> Vec<(Rational, u32)> {
    let mut tallies: Vec<(Rational, u32)> = Vec::new();
    for value in data {
        match tallies.binary_search_by(|(v, _)| v.cmp(value)) {
            Ok(at) => tallies[at].1 += 1,
            Err(at) => tallies.insert(at, (*value, 1)),
        }
    }
    tallies
}

/// The sine and cosine of a fraction of a turn, from the Taylor series around
/// the nearest half turn (no libm in the download; exact to far below a unit).
fn sin_cos(turn: f64) -> (f64, f64) {
    let x = (turn - 0.5) * std::f64::consts::TAU;
    let (mut sin, mut cos, mut term_sin, mut term_cos) = (0.0, 0.0, x, 1.0);
    for n in 0..12 {
        sin += term_sin;
        cos += term_cos;
        let k = f64::from(2 * n + 2);
        term_sin *= -x * x / (k * (k + 1.0));
        term_cos *= -x * x / ((k - 1.0) * k);
    }
    // sin(x + π) = −sin x, cos(x + π) = −cos x.
    (-sin, -cos)
}

/// How far along the axis `value` is, in units from its left end.
pub(super) fn position(axis: &Axis, value: Rational) -> Result<i32, ArithmeticError> {
    let share = value
        .checked_sub(axis.from)?
        .checked_div(axis.to.checked_sub(axis.from)?)?;
    let (num, den) = (
        i128::from(share.numerator()),
        i128::from(share.denominator()),
    );
    // Rounded half up, in 128 bits: the share is between 0 and 1.
    let x = (2 * num * i128::from(LENGTH) + den).div_euclid(2 * den);
    i32::try_from(x).map_err(|_| ArithmeticError::Overflow)
}

/// The x of a value already checked to be on the axis.
pub(super) fn x_of(axis: &Axis, value: Rational) -> i32 {
    LEFT + position(axis, value).unwrap_or(0)
}

/// A tick's number: a whole number, a decimal, or a fraction after an optional
/// whole number.
enum TickLabel {
    Whole(i128),
    Decimal(String),
    Fraction {
        whole: Option<i128>,
        num: i128,
        den: u16,
    },
}

impl TickLabel {
    /// The label of the tick `m` parts from zero, if the axis labels it.
    fn of(m: i128, parts: u16, labels: Labels) -> Option<TickLabel> {
        let per = i128::from(parts);
        let (whole, rest) = (m / per, m % per);
        match labels {
            Labels::None => None,
            _ if rest == 0 && (parts == 1 || labels != Labels::Fractions || m == 0) => {
                Some(TickLabel::Whole(whole))
            }
            Labels::Wholes => None,
            Labels::Decimals => {
                let value = Rational::new(i64::try_from(m).ok()?, i64::from(parts)).ok()?;
                let written = value.to_decimal_string();
                Some(if written.contains('/') {
                    TickLabel::Fraction {
                        whole: None,
                        num: m,
                        den: parts,
                    }
                } else {
                    TickLabel::Decimal(written)
                })
            }
            Labels::Mixed if whole != 0 => Some(TickLabel::Fraction {
                whole: Some(whole),
                num: rest.abs(),
                den: parts,
            }),
            _ => Some(TickLabel::Fraction {
                whole: None,
                num: m,
                den: parts,
            }),
        }
    }

    fn width(&self) -> i32 {
        let digits = |n: i128| n.to_string().len() as i32 * DIGIT;
        match self {
            TickLabel::Whole(n) => digits(*n),
            // A decimal point is about half a digit wide.
            TickLabel::Decimal(written) => {
                let digits = written.bytes().filter(u8::is_ascii_digit).count() as i32;
                digits * DIGIT + (written.len() as i32 - digits) * DIGIT / 2
            }
            TickLabel::Fraction { whole, num, den } => {
                whole.map_or(0, |w| digits(w) + 30) + digits(*num).max(digits(i128::from(*den)))
            }
        }
    }
}

/// The axis's ticks, each tick's number and the position of tick `k`.
fn ticks(axis: &Axis) -> impl Iterator<Item = (i32, Option<TickLabel>)> + '_ {
    let parts = i128::from(axis.parts);
    // Checked when the axis was read: whole numbers of parts, at most MAX_PIECES.
    let first = i128::from(axis.from.numerator()) * parts / i128::from(axis.from.denominator());
    let gaps = (i128::from(axis.to.numerator()) * parts / i128::from(axis.to.denominator()))
        .saturating_sub(first)
        .clamp(1, i128::from(super::MAX_PIECES)) as i32;
    (0..=gaps).map(move |k| {
        (
            LEFT + k * LENGTH / gaps,
            TickLabel::of(first + i128::from(k), axis.parts, axis.labels),
        )
    })
}

/// Labels that would touch are an error: the author asks for fewer.
pub(super) fn check_labels(axis: &Axis) -> Result<(), DiagramError> {
    let mut last: Option<(i32, i32)> = None;
    for (x, label) in ticks(axis) {
        if let Some(label) = label {
            let half = label.width() / 2;
            if let Some((x0, half0)) = last {
                if x - x0 < half + half0 + 40 {
                    return Err(DiagramError::LabelsCrowded);
                }
            }
            last = Some((x, half));
        }
    }
    Ok(())
}

/// The axis line, its ticks and labels at height `y`; returns the drawing's bottom.
fn axis_shapes(axis: &Axis, y: i32, shapes: &mut Vec<Shape>) -> i32 {
    shapes.push(line(LEFT - 80, y, LEFT + LENGTH + 80, y, Stroke::Axis));
    let mut bottom = y + 200;
    for (x, label) in ticks(axis) {
        let reach = if label
            .as_ref()
            .is_some_and(|l| matches!(l, TickLabel::Whole(_) | TickLabel::Decimal(_)))
        {
            120
        } else {
            70
        };
        shapes.push(line(x, y - reach, x, y + reach, Stroke::Tick));
        match label {
            None => {}
            Some(TickLabel::Whole(n)) => {
                shapes.push(text(x, y + 240, Anchor::Middle, &n.to_string()));
                bottom = bottom.max(y + 340);
            }
            Some(TickLabel::Decimal(written)) => {
                shapes.push(text(x, y + 240, Anchor::Middle, &written));
                bottom = bottom.max(y + 340);
            }
            Some(TickLabel::Fraction { whole, num, den }) => {
                let (num, den) = (num.to_string(), den.to_string());
                let half = (num.len().max(den.len()) as i32 * DIGIT + 20) / 2;
                // A mixed number's whole stands left of its fraction; the pair is
                // centred on the tick.
                let x = match whole {
                    Some(w) => {
                        let w = w.to_string();
                        let x = x + (w.len() as i32 * DIGIT + 30) / 2;
                        shapes.push(text(x - half - 30, y + 280, Anchor::End, &w));
                        x
                    }
                    None => x,
                };
                shapes.push(text(x, y + 200, Anchor::Middle, &num));
                shapes.push(line(
                    x - half,
                    y + 280,
                    x + half,
                    y + 280,
                    Stroke::FractionBar,
                ));
                shapes.push(text(x, y + 360, Anchor::Middle, &den));
                bottom = bottom.max(y + 460);
            }
        }
    }
    bottom
}

/// An arc from x1 to x2 rising above `y`, with an arrow head at x2.
fn jump_shapes(x1: i32, x2: i32, y: i32, shapes: &mut Vec<Shape>) {
    let (cx, cy) = ((x1 + x2) / 2, y - 440);
    shapes.push(Shape::Curve {
        x1,
        y1: y,
        cx,
        cy,
        x2,
        y2: y,
    });
    // The head points along the curve's end: back towards the control point,
    // turned 30° either way.
    let (dx, dy) = (f64::from(cx - x2), f64::from(cy - y));
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / length * 90.0, dy / length * 90.0);
    let (cos, sin) = (0.866_025_403_784_438_6, 0.5);
    for turn in [sin, -sin] {
        let hx = ux * cos - uy * turn;
        let hy = ux * turn + uy * cos;
        shapes.push(line(
            x2,
            y,
            x2 + hx.round() as i32,
            y + hy.round() as i32,
            Stroke::Mark,
        ));
    }
}
