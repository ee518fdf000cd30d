use super::*;
use crate::content::markdown::{parse_markdown, Block};

fn read(text: &str) -> Diagram {
    match parse_diagram(text) {
        Ok(diagram) => diagram,
        Err(error) => panic!("{text}: {error:?}"),
    }
}

fn r(num: i64, den: i64) -> Rational {
    Rational::new(num, den).unwrap_or(Rational::ZERO)
}

/// The shapes of one kind, for goldens that stay readable.
fn lines(drawing: &Drawing) -> Vec<(i32, i32, i32, i32)> {
    drawing
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Line { x1, y1, x2, y2, .. } => Some((*x1, *y1, *x2, *y2)),
            _ => None,
        })
        .collect()
}

fn texts(drawing: &Drawing) -> Vec<(i32, i32, &str)> {
    drawing
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { x, y, text, .. } => Some((*x, *y, text.as_str())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_number_line_labelled_in_decimals_writes_each_tick_as_a_decimal() {
    let tenths = draw(&read(
        "::: number-line; from: 0; to: 1; parts: 10; labels: decimals :::",
    ));
    let labels: Vec<&str> = texts(&tenths).into_iter().map(|(_, _, t)| t).collect();
    assert_eq!(
        labels,
        ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"]
    );
    // Zoomed in between 0.6 and 0.7: five gaps of 2 hundredths each.
    let zoomed = draw(&read(
        "::: number-line; from: 6/10; to: 7/10; parts: 50; max-parts: 50; labels: decimals :::",
    ));
    let labels: Vec<&str> = texts(&zoomed).into_iter().map(|(_, _, t)| t).collect();
    assert_eq!(labels, ["0.6", "0.62", "0.64", "0.66", "0.68", "0.7"]);
    // Thirds have no decimal: their ticks keep fractions.
    let thirds = draw(&read(
        "::: number-line; from: 0; to: 1; parts: 3; labels: decimals :::",
    ));
    let labels: Vec<&str> = texts(&thirds).into_iter().map(|(_, _, t)| t).collect();
    assert_eq!(labels, ["0", "1", "3", "2", "3", "1"]);
    assert_eq!(
        parse_diagram(
            "::: number-line; from: 0; to: 1; parts: 100; max-parts: 100; labels: decimals :::"
        ),
        Err(DiagramError::LabelsCrowded)
    );
}

#[test]
fn a_number_line_reads_on_one_line_or_several() {
    let one = read(
        "::: number-line; from: 0; to: 2; parts: 4; labels: fractions; points: 3/4 A, 1 1/2 :::",
    );
    let several = read(
        ":::number-line\nfrom: 0\nto: 2\nparts: 4\nlabels: fractions\npoints: 3/4 A, 1 1/2\n:::",
    );
    assert_eq!(one, several);
    let Diagram::NumberLine(line) = one else {
        panic!("not a number line")
    };
    assert_eq!(
        (line.axis.from, line.axis.to, line.axis.parts),
        (r(0, 1), r(2, 1), 4)
    );
    assert_eq!(line.axis.labels, Labels::Fractions);
    assert_eq!(
        line.points,
        vec![
            Point {
                value: r(3, 4),
                label: Some("A".into())
            },
            Point {
                value: r(3, 2),
                label: None
            },
        ]
    );
}

#[test]
fn a_picture_is_a_markdown_block_between_other_blocks() {
    let blocks =
        parse_markdown("Look:\n\n::: circle; parts: 4; shaded: 1 :::\n\nWhat part is shaded?");
    assert_eq!(blocks.len(), 3);
    assert_eq!(
        blocks[1],
        Block::Diagram(Diagram::Circle(Parts {
            parts: 4,
            shaded: 1,
            max_parts: 24
        }))
    );
    assert_eq!(
        parse_markdown("::: circle; parts: 4"),
        vec![Block::BadDiagram(DiagramError::NotClosed)]
    );
}

#[test]
fn malformed_pictures_are_errors_that_name_the_parameter() {
    let cases: [(&str, DiagramError); 14] = [
        (
            "::: pie; parts: 4 :::",
            DiagramError::UnknownModel("pie".into()),
        ),
        (
            "::: circle; slices: 4 :::",
            DiagramError::UnknownParameter {
                model: Model::Circle,
                key: "slices".into(),
            },
        ),
        (
            "::: circle; parts: 4; parts: 5 :::",
            DiagramError::Repeated("parts".into()),
        ),
        ("::: circle :::", DiagramError::Missing("parts")),
        (
            "::: circle; parts: 25 :::",
            DiagramError::OutOfRange {
                key: "parts",
                found: 25,
                least: 1,
                most: 24,
            },
        ),
        (
            "::: circle; parts: 4; shaded: 5 :::",
            DiagramError::OutOfRange {
                key: "shaded",
                found: 5,
                least: 0,
                most: 4,
            },
        ),
        (
            "::: number-line; from: 2; to: 1 :::",
            DiagramError::EmptyRange {
                from: r(2, 1),
                to: r(1, 1),
            },
        ),
        (
            "::: number-line; from: 0; to: 1; parts: 4; points: 5/4 :::",
            DiagramError::OutsideRange {
                key: "points",
                value: r(5, 4),
            },
        ),
        (
            "::: number-line; from: 1/3; to: 1; parts: 4 :::",
            DiagramError::OffTheTicks {
                key: "from",
                value: r(1, 3),
            },
        ),
        (
            "::: number-line; from: 0; to: 20; parts: 24; max-parts: 24 :::",
            DiagramError::TooLarge {
                key: "parts",
                found: 480,
                most: 240,
            },
        ),
        (
            "::: number-line; from: 0; to: 2; parts: 24; labels: fractions :::",
            DiagramError::LabelsCrowded,
        ),
        (
            "::: strip; bar: 3-4 :::",
            DiagramError::BadValue {
                key: "bar",
                text: "3-4".into(),
                expected: Expected::Bar,
            },
        ),
        (
            "::: number-line; from: 0; to: 1; jumps: 0 to 1 :::",
            DiagramError::BadValue {
                key: "jumps",
                text: "0 to 1".into(),
                expected: Expected::Jump,
            },
        ),
        (
            "::: area; rows: 20; columns: 20 :::",
            DiagramError::TooLarge {
                key: "columns",
                found: 400,
                most: 240,
            },
        ),
    ];
    for (text, error) in cases {
        assert_eq!(parse_diagram(text), Err(error), "{text}");
    }
}

#[test]
fn max_parts_raises_the_partition_limit_but_not_the_piece_limit() {
    assert!(parse_diagram("::: circle; parts: 30; max-parts: 30 :::").is_ok());
    assert!(parse_diagram("::: circle; parts: 30; max-parts: 101 :::").is_err());
    assert!(parse_diagram(
        "::: number-line; from: 0; to: 3; parts: 100; max-parts: 100; labels: none :::"
    )
    .is_err());
}

#[test]
fn huge_values_are_refused_not_overflowed() {
    for text in [
        "::: number-line; from: 0; to: 9223372036854775807 :::",
        "::: number-line; from: -9223372036854775807; to: 9223372036854775807; labels: none :::",
        "::: number-line; from: 9223372036854775806; to: 9223372036854775807; parts: 2 :::",
        "::: number-line; from: 0; to: 1; points: 1/9223372036854775807 :::",
        "::: line-plot; from: 0; to: 1; data: 0.000000000000000001 :::",
    ] {
        let _ = parse_diagram(text).map(|d| draw(&d));
    }
    // A value on the line whose position needs more than 64 bits is an error.
    assert!(matches!(
        parse_diagram("::: number-line; from: 0; to: 1; points: 1/9223372036854775807 :::"),
        Ok(_) | Err(DiagramError::Arithmetic(_))
    ));
}

#[test]
fn a_number_line_from_0_to_2_in_fourths_is_drawn_to_scale() {
    let drawing = draw(&read(
        "::: number-line; from: 0; to: 2; parts: 4; labels: mixed; points: 3/4 A :::",
    ));
    assert_eq!((drawing.width, drawing.height), (3200, 840));
    let y = 380; // 180, and 200 for the point's label above the line
    let lines = lines(&drawing);
    // The axis, then 9 ticks 350 units (35 px) apart; whole ticks are longer.
    assert_eq!(lines[0], (120, y, 3080, y));
    let ticks: Vec<_> = lines[1..]
        .iter()
        .filter(|l| l.0 == l.2 && l.1 < y)
        .collect();
    assert_eq!(ticks.len(), 9);
    assert_eq!(*ticks[0], (200, y - 120, 200, y + 120));
    assert_eq!(*ticks[1], (550, y - 70, 550, y + 70));
    assert_eq!(*ticks[8], (3000, y - 120, 3000, y + 120));
    let texts = texts(&drawing);
    // 0, then 1/4 stacked: numerator, bar, denominator.
    assert_eq!(texts[0], (200, y + 240, "0"));
    assert_eq!(texts[1], (550, y + 200, "1"));
    assert_eq!(texts[2], (550, y + 360, "4"));
    // 1 1/4 is a whole left of a fraction, centred on its tick at 1600 + 350.
    // (1 digit and a gap, 114 wide, so the fraction moves 57 right.)
    assert!(texts.contains(&(1925, y + 280, "1")));
    assert!(texts.contains(&(2007, y + 200, "1")));
    assert!(texts.contains(&(2007, y + 360, "4")));
    // Point A at 3/4 is three gaps along: 200 + 1050.
    assert!(drawing.shapes.contains(&Shape::Disc {
        cx: 1250,
        cy: y,
        r: 60,
        fill: Fill::Ink,
        part: None
    }));
    assert!(texts.contains(&(1250, y - 170, "A")));
}

#[test]
fn a_jump_is_a_curve_with_an_arrow_head_at_its_end() {
    let drawing = draw(&read(
        "::: number-line; from: 0; to: 1; parts: 4; jumps: 0 -> 3/4 :::",
    ));
    let y = 500 - 40;
    assert!(drawing.shapes.contains(&Shape::Curve {
        x1: 200,
        y1: y,
        cx: 1250,
        cy: y - 440,
        x2: 2300,
        y2: y
    }));
    // The head: two lines of 90 units from the end, 30° either side of the way
    // back along the curve (towards the control point: -1050, -440).
    let heads: Vec<_> = lines(&drawing)
        .into_iter()
        .filter(|l| (l.0, l.1) == (2300, y))
        .collect();
    assert_eq!(
        heads,
        vec![(2300, y, 2246, y - 72), (2300, y, 2211, y + 11)]
    );
}

#[test]
fn strip_bars_stack_with_indexed_parts() {
    let drawing = draw(&read("::: strip; bar: 3/4 3/4; bar: 6/8 :::"));
    let rects: Vec<_> = drawing
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect {
                x,
                y,
                w,
                fill,
                part,
                ..
            } => Some((*x, *y, *w, *fill, *part)),
            _ => None,
        })
        .collect();
    assert_eq!(rects.len(), 12);
    assert_eq!(rects[0], (200, 260, 700, Fill::Shaded, Some(0)));
    assert_eq!(rects[3], (2300, 260, 700, Fill::None, Some(3)));
    assert_eq!(rects[4], (200, 920, 350, Fill::Shaded, Some(4)));
    assert_eq!(rects[11], (2650, 920, 350, Fill::None, Some(11)));
    assert_eq!(texts(&drawing), vec![(200, 160, "3/4")]);
    assert_eq!(drawing.height, 1380);
}

#[test]
fn an_area_model_shows_a_product_as_the_overlap_of_two_shadings() {
    let diagram = read("::: area; rows: 3; columns: 4; shade-columns: 2; shade-rows: 1 :::");
    let drawing = draw(&diagram);
    let fills: Vec<Fill> = drawing
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect { fill, .. } => Some(*fill),
            _ => None,
        })
        .collect();
    use Fill::{Both as B, None as N, Second as S, Shaded as F};
    assert_eq!(fills, vec![B, B, S, S, F, F, N, N, F, F, N, N]);
    // Square cells of 400 units (the most), centred.
    assert_eq!(
        drawing.shapes[5],
        Shape::Rect {
            x: 800 + 400,
            y: 100 + 400,
            w: 400,
            h: 400,
            fill: F,
            part: Some(5)
        }
    );
    assert_eq!(drawing.height, 200 + 1200);
    assert_eq!(
        describe(&diagram),
        DiagramDescription::Area {
            rows: 3,
            columns: 4,
            shaded: 4,
            second: 2,
            both: 2,
            square: false
        }
    );
}

#[test]
fn an_area_model_can_be_a_square_whole_cut_by_its_rows_and_columns() {
    // A unit square for 2/3 × 3/4: three rows, four columns, each cell a third as
    // tall as the square and a fourth as wide.
    let diagram =
        read("::: area; rows: 3; columns: 4; shade-columns: 3; shade-rows: 2; whole: square :::");
    let drawing = draw(&diagram);
    let cells: Vec<(i32, i32, i32, i32)> = drawing
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect { x, y, w, h, .. } => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .collect();
    assert_eq!(cells.len(), 12);
    assert_eq!(cells[0], (800, 100, 400, 533));
    assert_eq!(cells[11], (800 + 1200, 100 + 1066, 400, 534));
    // Together the cells make the square, without gaps.
    let right = cells.iter().map(|c| c.0 + c.2).max();
    let bottom = cells.iter().map(|c| c.1 + c.3).max();
    assert_eq!((right, bottom), (Some(800 + 1600), Some(100 + 1600)));
    assert_eq!(drawing.height, 200 + 1600);
    assert_eq!(
        parse_diagram(&diagram.to_string()),
        Ok(diagram.clone()),
        "written back: {diagram}"
    );
    assert!(matches!(
        parse_diagram("::: area; rows: 2; columns: 2; whole: round :::"),
        Err(DiagramError::BadValue { .. })
    ));
}

#[test]
fn a_circle_in_fourths_has_wedges_from_twelve_o_clock_clockwise() {
    let drawing = draw(&read("::: circle; parts: 4; shaded: 1 :::"));
    let wedge = |x1, y1, x2, y2, fill, part| Shape::Wedge {
        cx: 1600,
        cy: 1100,
        r: 1000,
        x1,
        y1,
        x2,
        y2,
        fill,
        part: Some(part),
    };
    assert_eq!(
        drawing.shapes,
        vec![
            wedge(1600, 100, 2600, 1100, Fill::Shaded, 0),
            wedge(2600, 1100, 1600, 2100, Fill::None, 1),
            wedge(1600, 2100, 600, 1100, Fill::None, 2),
            wedge(600, 1100, 1600, 100, Fill::None, 3),
        ]
    );
    // A sixth: 60° round, sin 60° = 0.8660.
    let sixths = draw(&read("::: circle; parts: 6 :::"));
    assert!(matches!(
        sixths.shapes[0],
        Shape::Wedge {
            x2: 2466,
            y2: 600,
            ..
        }
    ));
    let whole = draw(&read("::: circle; parts: 1; shaded: 1 :::"));
    assert_eq!(
        whole.shapes,
        vec![Shape::Disc {
            cx: 1600,
            cy: 1100,
            r: 1000,
            fill: Fill::Shaded,
            part: Some(0)
        }]
    );
}

#[test]
fn a_set_lays_its_objects_in_rows_of_ten() {
    let drawing = draw(&read("::: set; parts: 12; shaded: 4 :::"));
    assert_eq!(drawing.shapes.len(), 12);
    assert_eq!(
        drawing.shapes[0],
        Shape::Disc {
            cx: 250,
            cy: 200,
            r: 110,
            fill: Fill::Shaded,
            part: Some(0)
        }
    );
    assert_eq!(
        drawing.shapes[11],
        Shape::Disc {
            cx: 550,
            cy: 500,
            r: 110,
            fill: Fill::None,
            part: Some(11)
        }
    );
    assert_eq!(drawing.height, 700);
}

#[test]
fn a_line_plot_stacks_one_mark_per_value() {
    let diagram = read("::: line-plot; from: 0; to: 1; parts: 4; labels: fractions; data: 1/4, 3/4, 1/4, 0.25; mark: dot :::");
    let drawing = draw(&diagram);
    let dots: Vec<_> = drawing
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Disc { cx, cy, .. } => Some((*cx, *cy)),
            _ => None,
        })
        .collect();
    // Three marks at 1/4 (x 900), stacked 150 apart; one at 3/4; the axis below.
    let y = 180 + 3 * 150;
    assert_eq!(
        dots,
        vec![
            (900, y - 160),
            (900, y - 310),
            (900, y - 460),
            (2300, y - 160)
        ]
    );
    assert_eq!(
        describe(&diagram),
        DiagramDescription::LinePlot {
            from: r(0, 1),
            to: r(1, 1),
            parts: 4,
            tallies: vec![(r(1, 4), 3), (r(3, 4), 1)]
        }
    );
    let crosses = draw(&read(
        "::: line-plot; from: 0; to: 1; parts: 2; data: 1/2 :::",
    ));
    assert_eq!(lines(&crosses).len(), 1 + 3 + 2);
}

#[test]
fn every_picture_reads_back_from_its_own_syntax() {
    for text in [
        "::: number-line; from: -1; to: 2; parts: 3; labels: mixed; points: -2/3 P, 1 1/3; jumps: 0 -> 1 2/3, 2 -> 1 :::",
        "::: line-plot; from: 0; to: 2; parts: 8; labels: none; data: 1/8, 1 1/2, 1 1/2; mark: dot :::",
        "::: strip; bar: 1/1 one whole; bar: 2/3; bar: 0/30; max-parts: 30 :::",
        "::: area; rows: 2; columns: 5; shaded: 3; shade-rows: 1 :::",
        "::: circle; parts: 40; max-parts: 50; shaded: 39 :::",
        "::: set; parts: 200; shaded: 7 :::",
    ] {
        let diagram = read(text);
        assert_eq!(parse_diagram(&diagram.to_string()), Ok(diagram), "{text}");
    }
}

#[test]
fn stops_are_every_tick_with_its_value() {
    let diagram = read("::: number-line; from: 0; to: 1; parts: 8 :::");
    let stops = stops(&diagram);
    assert_eq!(stops.len(), 9);
    assert_eq!(
        stops[3],
        Stop {
            x: 200 + 1050,
            y: 180,
            value: r(3, 8)
        }
    );
    assert_eq!(
        stops[3].response(),
        crate::content::item::Response::Number { text: "3/8".into() }
    );
}

#[test]
fn shading_counts_parts_per_whole_and_partitioning_cuts_the_whole() {
    let strip = read("::: strip; bar: 0/4; bar: 0/4 :::");
    assert_eq!(
        shading(&strip),
        Some(Shading {
            parts: 8,
            per_whole: 4
        })
    );
    assert_eq!(shading(&read("::: strip; bar: 0/4; bar: 0/3 :::")), None);
    assert_eq!(
        shading(&read("::: area; rows: 2; columns: 3 :::")),
        Some(Shading {
            parts: 6,
            per_whole: 6
        })
    );
    let circle = read("::: circle; parts: 1 :::");
    assert_eq!(partition_range(&circle), Some(1..=24));
    assert_eq!(
        partitioned(&circle, 5),
        Some(read("::: circle; parts: 5 :::"))
    );
    assert_eq!(partitioned(&circle, 25), None);
    // A strip keeps the author's limit for the bar a student cuts.
    let strip = read("::: strip; bar: 1/4; bar: 1/1; max-parts: 40 :::");
    assert_eq!(partition_range(&strip), Some(1..=40));
    assert_eq!(
        partitioned(&strip, 32),
        Some(read("::: strip; bar: 1/4; bar: 0/32; max-parts: 40 :::"))
    );
    assert_eq!(partitioned(&strip, 41), None);
    assert_eq!(
        partition_range(&read("::: strip; bar: 1/1 :::")),
        Some(1..=24)
    );
    let line = read("::: number-line; from: 0; to: 2; labels: fractions :::");
    // Twelfths would crowd fraction labels: the cut line shows whole numbers only.
    assert_eq!(
        partitioned(&line, 12),
        Some(read(
            "::: number-line; from: 0; to: 2; parts: 12; labels: wholes :::"
        ))
    );
}

#[test]
fn random_pictures_never_panic_and_every_one_read_draws_inside_its_frame() {
    use crate::content::rng::SplitMix64;
    fn values(key: &str) -> &'static [&'static str] {
        match key {
            "from" => &["0", "-1", "1", "1/2", "-9223372036854775807"],
            "to" => &["1", "2", "3", "5/2", "9223372036854775807"],
            "parts" => &["1", "2", "3", "4", "8", "12", "24", "25", "x"],
            "labels" => &["fractions", "mixed", "wholes", "none", "all"],
            "max-parts" => &["24", "30", "100", "101"],
            "points" | "data" => &[
                "3/4 A",
                "1 1/2",
                "0",
                "2 B",
                "1/3",
                "5",
                "1/2",
                "7/8, 1/4 C",
            ],
            "jumps" => &["0 -> 1/2", "1 -> 1/4", "1/2 -> 2", "0 - 1"],
            "mark" => &["dot", "cross"],
            "whole" => &["square", "cells", "round"],
            "bar" => &["0/4", "3/4 A", "6/8 six eighths", "5/4", "1/1", "2/30"],
            _ => &["0", "1", "2", "3", "5", "6", "20", "-1"],
        }
    }
    let mut rng = SplitMix64::new(7);
    let pick =
        |rng: &mut SplitMix64, list: &[&'static str]| list[rng.below(list.len() as u64) as usize];
    let (mut read_ok, mut tried) = (0, 0);
    for _ in 0..20_000 {
        let model = Model::ALL[rng.below(6) as usize];
        let mut text = format!("::: {}", model.name());
        for key in model.parameters() {
            for _ in 0..rng.below(3) {
                text.push_str(&format!("; {key}: {}", pick(&mut rng, values(key))));
            }
        }
        text.push_str(" :::");
        tried += 1;
        if let Ok(diagram) = parse_diagram(&text) {
            read_ok += 1;
            let drawing = draw(&diagram);
            let _ = describe(&diagram);
            for shape in &drawing.shapes {
                let (x, y) = match shape {
                    Shape::Line { x1, y1, .. } => (*x1, *y1),
                    Shape::Rect { x, y, .. } => (*x, *y),
                    Shape::Wedge { x1, y1, .. } => (*x1, *y1),
                    Shape::Disc { cx, cy, .. } => (*cx, *cy),
                    Shape::Curve { x1, cy, .. } => (*x1, *cy),
                    Shape::Text { x, y, .. } => (*x, *y),
                };
                assert!(
                    (0..=drawing.width).contains(&x) && (0..=drawing.height).contains(&y),
                    "{text}: {shape:?} outside {}×{}",
                    drawing.width,
                    drawing.height
                );
            }
            assert_eq!(parse_diagram(&diagram.to_string()), Ok(diagram), "{text}");
        }
    }
    assert!(
        read_ok * 20 > tried,
        "only {read_ok} of {tried} read: the test explores too little"
    );
}
