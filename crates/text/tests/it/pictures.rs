//! Pictures said in words (what a screen reader reads), the errors of pictures an
//! author gets, and the example curriculum of pictures, which loads clean.

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::content::item::{judge, model_answer, wrong_answer, ItemInstance};
use masterly_core::content::markdown::{parse_markdown, plain_text};
use masterly_core::content::picture::{describe, parse_diagram};
use masterly_text::Say;

const PICTURES: &str = include_str!("../../../../docs/examples/pictures.json");

fn said(text: &str) -> String {
    match parse_diagram(text) {
        Ok(diagram) => describe(&diagram).say(),
        Err(error) => error.say(),
    }
}

#[test]
fn each_model_is_described_in_sentences() {
    let cases = [
        (
            "::: number-line; from: 0; to: 2; parts: 4; points: 3/4 A, 1 1/2; jumps: 0 -> 3/4 :::",
            "A number line from 0 to 2, each whole split into fourths. Point A is at 3 fourths. \
             A point is at 1 and 1 half. A jump goes from 0 to 3 fourths.",
        ),
        (
            "::: number-line; from: -1; to: 3 :::",
            "A number line from minus 1 to 3, marked at each whole number.",
        ),
        (
            "::: number-line; from: 0; to: 1; parts: 10; labels: decimals; points: 62/100 A; \
             jumps: 3/10 -> 1/2 :::",
            "A number line from 0 to 1, each whole split into tenths. Point A is at 0.62. \
             A jump goes from 0.3 to 0.5.",
        ),
        (
            "::: number-line; from: 6/10; to: 7/10; parts: 100; max-parts: 100; labels: none; \
             points: 62/100 A :::",
            "A number line from 0.6 to 0.7, each whole split into hundredths. \
             Point A is at 0.62.",
        ),
        (
            "::: strip; bar: 3/4 :::",
            "A fraction strip split into 4 equal parts, 3 shaded.",
        ),
        (
            "::: strip; bar: 1/2 one half; bar: 2/4 :::",
            "A fraction strip of 2 bars, one whole each. Bar 1 (one half): split into 2 equal \
             parts, 1 shaded. Bar 2: split into 4 equal parts, 2 shaded.",
        ),
        (
            "::: area; rows: 2; columns: 3; shaded: 4 :::",
            "A rectangle of 2 rows and 3 columns, 6 equal parts in all, 4 shaded.",
        ),
        (
            "::: area; rows: 3; columns: 4; shade-columns: 2; shade-rows: 1 :::",
            "A rectangle of 3 rows and 4 columns, 12 equal parts in all: 4 shaded one way only, \
             2 shaded the other way only, 2 shaded both ways.",
        ),
        (
            "::: area; rows: 3; columns: 4; shade-columns: 3; shade-rows: 2; whole: square :::",
            "A square of 3 rows and 4 columns, 12 equal parts in all: 3 shaded one way only, \
             2 shaded the other way only, 6 shaded both ways.",
        ),
        (
            "::: circle; parts: 8; shaded: 3 :::",
            "A circle split into 8 equal parts, 3 shaded.",
        ),
        (
            "::: set; parts: 12; shaded: 4 :::",
            "A set of 12 dots, 4 shaded.",
        ),
        (
            "::: line-plot; from: 0; to: 1; parts: 8; data: 3/8, 1/2, 1/2, 16/16 :::",
            "A line plot from 0 to 1, each whole split into eighths. 3 eighths: 1 mark. \
             1 half: 2 marks. 1: 1 mark.",
        ),
        (
            "::: number-line; from: 0; to: 1; parts: 16 :::",
            "A number line from 0 to 1, each whole split into 16 equal parts.",
        ),
    ];
    for (text, words) in cases {
        assert_eq!(said(text), words, "{text}");
    }
}

#[test]
fn a_picture_that_cannot_be_drawn_says_what_to_change() {
    let cases = [
        (
            "::: circle; parts: 4",
            "a picture starts with ::: and must end with ::: at the end of its block",
        ),
        (
            "::: pie :::",
            "\"pie\" is not a picture; use number-line, strip, area, circle, set, line-plot",
        ),
        (
            "::: circle; slices: 4 :::",
            "a circle has no \"slices\"; it takes parts, shaded, max-parts",
        ),
        (
            "::: circle; parts: 30 :::",
            "parts is 30, expected 1 to 24 (max-parts raises the limit, up to 100)",
        ),
        (
            "::: number-line; from: 0; to: 1; points: 3/2 :::",
            "points: 3/2 is not between from and to",
        ),
        (
            "::: number-line; from: 1; to: 1 :::",
            "from (1) must be less than to (1)",
        ),
        (
            "::: number-line; from: 0; to: 2; parts: 24; labels: fractions :::",
            "the numbers under the ticks would overlap; use labels: wholes or none, or fewer parts",
        ),
        (
            "::: strip; bar: half :::",
            "bar: \"half\" is not shaded parts/parts with an optional label, such as 3/4 or 3/4 A",
        ),
    ];
    for (text, words) in cases {
        assert_eq!(said(text), words, "{text}");
    }
}

#[test]
fn plain_text_says_a_picture_with_the_words_it_is_given() {
    let blocks = parse_markdown("Shade it.\n\n::: circle; parts: 2 :::");
    assert_eq!(
        plain_text(&blocks, &|diagram| describe(diagram).say()),
        "Shade it.\nA circle split into 2 equal parts, 0 shaded."
    );
}

#[test]
fn the_example_of_pictures_loads_without_a_problem_and_its_items_judge_their_own_answers() {
    let loaded = match load_curriculum(PICTURES) {
        Ok(loaded) => loaded,
        Err(errors) => panic!(
            "{}",
            errors.0.iter().map(Say::say).collect::<Vec<_>>().join("\n")
        ),
    };
    let warnings: Vec<String> = loaded.warnings.iter().map(Say::say).collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    let mut kinds = Vec::new();
    for item in loaded.curriculum.courses[0].units[0]
        .objectives
        .iter()
        .flat_map(|o| &o.items)
    {
        kinds.push(item.kind.name());
        for seed in 0..24 {
            let instance = ItemInstance::generate(item, seed).unwrap();
            let right = judge(&instance, &model_answer(&instance)).unwrap();
            assert!(right.correct, "{} seed {seed}", item.id);
            let wrong = judge(&instance, &wrong_answer(&instance)).unwrap();
            assert!(!wrong.correct, "{} seed {seed}", item.id);
        }
    }
    for kind in ["place_point", "shade", "partition"] {
        assert!(kinds.contains(&kind), "{kind}");
    }
    for model in ["number-line", "strip", "area", "circle", "set", "line-plot"] {
        assert!(PICTURES.contains(&format!("::: {model};")), "{model}");
    }
}
