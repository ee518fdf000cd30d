//! What the shell needs for items answered on a picture: where a point may stand
//! (place_point), which parts may be shaded (shade), a whole cut into a chosen
//! number of parts (partition); and the check that an item's answer can be given
//! on its picture at all.

use super::draw::{line_y, x_of, Drawing};
use super::{draw, Axis, Bar, Diagram, Model, MAX_PIECES};
use crate::content::item::{ItemKind, Response};
use crate::content::rational::Rational;
use std::ops::RangeInclusive;

/// A place the point of a place_point item may stand, in order along the line:
/// the point moves one stop (one part) at a time and starts on the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    /// Where to draw the point, in the units of [`draw`]'s drawing.
    pub x: i32,
    pub y: i32,
    pub value: Rational,
}

impl Stop {
    /// The response that places the point here.
    pub fn response(&self) -> Response {
        Response::Number {
            text: self.value.to_string(),
        }
    }
}

/// Every tick of a number line, as stops (empty for other models).
pub fn stops(diagram: &Diagram) -> Vec<Stop> {
    let Diagram::NumberLine(line) = diagram else {
        return Vec::new();
    };
    let axis = &line.axis;
    let y = line_y(line);
    let step = Rational::new(1, i64::from(axis.parts)).unwrap_or(Rational::ONE);
    let mut stops = Vec::new();
    let mut value = axis.from;
    // At most MAX_PIECES + 1 ticks, each checked when the line was read.
    while value <= axis.to && stops.len() <= MAX_PIECES as usize {
        stops.push(Stop {
            x: x_of(axis, value),
            y,
            value,
        });
        match value.checked_add(step) {
            Ok(next) => value = next,
            Err(_) => break,
        }
    }
    stops
}

/// The parts a student shades: their number, and how many make one whole (the
/// denominator of the response).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shading {
    pub parts: u16,
    pub per_whole: u16,
}

impl Shading {
    /// The response for `shaded` parts shaded: "3/4" is 3 parts of a whole of 4.
    pub fn response(&self, shaded: u16) -> Response {
        Response::Number {
            text: format!("{shaded}/{}", self.per_whole),
        }
    }
}

/// The parts of a strip whose bars all have the same parts (each bar a whole), an
/// area (one whole), a circle or a set. The shell draws [`draw`]'s drawing and
/// toggles the shapes that carry `part`, starting from their drawn fill.
pub fn shading(diagram: &Diagram) -> Option<Shading> {
    let (parts, per_whole) = match diagram {
        Diagram::Strip(bars) => {
            let per_whole = bars.first()?.parts;
            if bars.iter().any(|bar| bar.parts != per_whole) {
                return None;
            }
            (per_whole.checked_mul(bars.len() as u16)?, per_whole)
        }
        Diagram::Area(area) => {
            let cells = area.rows * area.columns;
            (cells, cells)
        }
        Diagram::Circle(whole) | Diagram::Set(whole) => (whole.parts, whole.parts),
        Diagram::NumberLine(_) | Diagram::LinePlot(_) => return None,
    };
    Some(Shading { parts, per_whole })
}

/// How many equal parts a student may cut the picture's whole into: 1 up to the
/// author's partition limit. None for pictures that cannot be cut.
pub fn partition_range(diagram: &Diagram) -> Option<RangeInclusive<u16>> {
    let most = match diagram {
        Diagram::NumberLine(line) => line.axis.max_parts,
        Diagram::Circle(whole) => whole.max_parts,
        Diagram::Strip(bars) => bars.last()?.max_parts,
        _ => return None,
    };
    Some(1..=most)
}

/// The picture with its whole cut into `parts`: a number line's wholes, a circle,
/// or a strip's last bar (the bars above stay as they are, to compare with). None
/// when `parts` is outside [`partition_range`] or the line would have too many ticks.
pub fn partitioned(diagram: &Diagram, parts: u16) -> Option<Diagram> {
    if !partition_range(diagram)?.contains(&parts) {
        return None;
    }
    let mut cut = diagram.clone();
    match &mut cut {
        Diagram::NumberLine(line) => {
            let axis = Axis {
                parts,
                ..line.axis.clone()
            };
            let gaps = axis
                .to
                .checked_sub(axis.from)
                .and_then(|width| width.checked_mul(Rational::integer(i64::from(parts))))
                .ok()?;
            if !gaps.is_integer() || gaps > Rational::integer(i64::from(MAX_PIECES)) {
                return None;
            }
            let crowded = draw::check_labels(&axis).is_err();
            line.axis = axis;
            if crowded {
                line.axis.labels = super::Labels::Wholes;
            }
        }
        Diagram::Circle(whole) => {
            whole.parts = parts;
            whole.shaded = 0;
        }
        Diagram::Strip(bars) => {
            let last = bars.last_mut()?;
            *last = Bar {
                parts,
                shaded: 0,
                label: None,
                max_parts: last.max_parts,
            };
        }
        _ => return None,
    }
    Some(cut)
}

/// The drawing of [`partitioned`], for the shell.
pub fn draw_partitioned(diagram: &Diagram, parts: u16) -> Option<Drawing> {
    partitioned(diagram, parts).map(|cut| draw(&cut))
}

/// Why an item's answer cannot be given on its picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotOnPicture {
    /// The picture is of a model this kind cannot use.
    Model(Model),
    /// The answer is no position, shading or partition the picture offers.
    Unreachable,
}

/// The models each kind of item answered on a picture works on.
pub fn models_for(kind: ItemKind) -> &'static [Model] {
    match kind {
        ItemKind::PlacePoint => &[Model::NumberLine],
        ItemKind::Shade => &[Model::Strip, Model::Area, Model::Circle, Model::Set],
        ItemKind::Partition => &[Model::NumberLine, Model::Circle, Model::Strip],
        _ => &[],
    }
}

/// Whether `value` can be given on `diagram` in an item of `kind`.
pub(crate) fn check_answer(
    kind: ItemKind,
    diagram: &Diagram,
    value: Rational,
) -> Result<(), NotOnPicture> {
    if !models_for(kind).contains(&diagram.model()) {
        return Err(NotOnPicture::Model(diagram.model()));
    }
    let reachable = match kind {
        ItemKind::PlacePoint => stops(diagram).iter().any(|stop| stop.value == value),
        ItemKind::Shade => shading(diagram).is_some_and(|shading| {
            value
                .checked_mul(Rational::integer(i64::from(shading.per_whole)))
                .is_ok_and(|count| {
                    count.is_integer()
                        && count >= Rational::ZERO
                        && count <= Rational::integer(i64::from(shading.parts))
                })
        }),
        _ => {
            value.is_integer()
                && u16::try_from(value.numerator())
                    .ok()
                    .and_then(|parts| partitioned(diagram, parts))
                    .is_some()
        }
    };
    if reachable {
        Ok(())
    } else {
        Err(NotOnPicture::Unreachable)
    }
}

/// A wrong answer a student could give on the picture: the stop, shading or
/// partition next to the right one.
pub(crate) fn wrong_on_picture(kind: ItemKind, diagram: &Diagram, value: Rational) -> Response {
    let number = |value: Rational| Response::Number {
        text: value.to_string(),
    };
    match kind {
        ItemKind::PlacePoint => {
            let stops = stops(diagram);
            let at = stops.iter().position(|s| s.value == value).unwrap_or(0);
            let other = if at + 1 < stops.len() { at + 1 } else { 0 };
            stops
                .get(other)
                .map_or_else(|| number(Rational::ZERO), Stop::response)
        }
        ItemKind::Shade => {
            let shading = shading(diagram).unwrap_or(Shading {
                parts: 1,
                per_whole: 1,
            });
            let right = value
                .checked_mul(Rational::integer(i64::from(shading.per_whole)))
                .map_or(0, |count| count.numerator());
            let wrong = if right > 0 { right - 1 } else { 1 };
            shading.response(wrong as u16)
        }
        _ => {
            let wrong = if value == Rational::ONE { 2 } else { 1 };
            number(Rational::integer(wrong))
        }
    }
}
