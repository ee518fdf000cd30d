use super::*;
use crate::content::rational::Rational;

fn item(json: &str) -> Item {
    serde_json::from_str(json).unwrap_or_else(|error| panic!("test item: {error}"))
}

fn instance(json: &str, seed: u64) -> ItemInstance {
    ItemInstance::generate(&item(json), seed).unwrap_or_else(|error| panic!("instance: {error:?}"))
}

fn number(text: &str) -> Response {
    Response::Number { text: text.into() }
}

const HALF_OF_EIGHT: &str = r#"{"id": "q", "kind": "single_choice", "prompt": "Which is larger?",
  "choices": [
    {"text": "1/4", "correct": true},
    {"text": "1/8", "misconception": "bigger-denominator-bigger-fraction", "feedback": "8 parts are smaller than 4 parts of the same whole."}
  ]}"#;

#[test]
fn single_choice_marks_the_right_option_and_names_the_misconception_of_a_wrong_one() {
    let shown = instance(HALF_OF_EIGHT, 1);
    assert_eq!(
        judge(&shown, &Response::Choice { index: 0 }),
        Ok(Judgement {
            correct: true,
            misconception: None,
            feedback: None,
            near_miss: None,
        })
    );
    let wrong = judge(&shown, &Response::Choice { index: 1 });
    assert_eq!(
        wrong
            .as_ref()
            .map(|j| (j.correct, j.misconception.as_deref())),
        Ok((false, Some("bigger-denominator-bigger-fraction")))
    );
    assert_eq!(
        judge(&shown, &Response::Choice { index: 2 }),
        Err(ResponseError::UnknownChoice { index: 2 })
    );
}

#[test]
fn choices_are_shown_in_a_seeded_order_but_judged_by_the_authors_position() {
    let orders: std::collections::HashSet<Vec<usize>> = (0..20)
        .map(|seed| {
            instance(HALF_OF_EIGHT, seed)
                .choices
                .iter()
                .map(|c| c.index)
                .collect()
        })
        .collect();
    assert_eq!(orders.len(), 2, "both orders appear across seeds");
    let fixed = HALF_OF_EIGHT.replace(r#""prompt""#, r#""shuffle": false, "prompt""#);
    for seed in 0..20 {
        let shown: Vec<usize> = instance(&fixed, seed)
            .choices
            .iter()
            .map(|c| c.index)
            .collect();
        assert_eq!(shown, vec![0, 1]);
    }
}

#[test]
fn multiple_select_needs_exactly_the_right_set() {
    let shown = instance(
        r#"{"id": "m", "kind": "multiple_select", "prompt": "Which equal 1/2?",
            "choices": [{"text": "2/4", "correct": true}, {"text": "3/6", "correct": true},
                        {"text": "2/3", "misconception": "counts-pieces"}, {"text": "1/3"}]}"#,
        3,
    );
    let judge_set =
        |indices: Vec<usize>| judge(&shown, &Response::Choices { indices }).map(|j| j.correct);
    assert_eq!(judge_set(vec![1, 0]), Ok(true));
    assert_eq!(judge_set(vec![0]), Ok(false));
    assert_eq!(judge_set(vec![0, 1, 3]), Ok(false));
    assert_eq!(judge_set(vec![]), Err(ResponseError::Empty));
    let wrong = judge(
        &shown,
        &Response::Choices {
            indices: vec![0, 2],
        },
    );
    assert_eq!(
        wrong.map(|j| j.misconception),
        Ok(Some("counts-pieces".to_string()))
    );
}

const THREE_QUARTERS: &str = r#"{"id": "n", "kind": "numeric", "prompt": "1/4 + 2/4 = ?", "answer": "3/4",
  "wrong_answers": [{"value": "3/8", "misconception": "adds-denominators"}]}"#;

#[test]
fn numeric_answers_are_right_in_every_equivalent_form() {
    let shown = instance(THREE_QUARTERS, 0);
    for text in ["3/4", " 3/4 ", "6/8", "0.75", ".75", "6 / 8"] {
        assert_eq!(
            judge(&shown, &number(text)).map(|j| j.correct),
            Ok(true),
            "{text}"
        );
    }
    for text in ["3/5", "0.7", "-3/4", "1 3/4"] {
        assert_eq!(
            judge(&shown, &number(text)).map(|j| j.correct),
            Ok(false),
            "{text}"
        );
    }
}

#[test]
fn a_known_wrong_numeric_answer_names_its_misconception() {
    let shown = instance(THREE_QUARTERS, 0);
    assert_eq!(
        judge(&shown, &number("3/8")).map(|j| j.misconception),
        Ok(Some("adds-denominators".to_string()))
    );
}

#[test]
fn text_that_is_not_a_number_is_refused_rather_than_marked_wrong() {
    let shown = instance(THREE_QUARTERS, 0);
    assert_eq!(
        judge(&shown, &number("three quarters")),
        Err(ResponseError::NotANumber {
            text: "three quarters".into()
        })
    );
    assert_eq!(judge(&shown, &number("  ")), Err(ResponseError::Empty));
    assert_eq!(
        judge(&shown, &Response::Choice { index: 0 }),
        Err(ResponseError::WrongKind {
            expected: ItemKind::Numeric
        })
    );
}

#[test]
fn numeric_tolerance_accepts_answers_close_enough() {
    let shown = instance(
        r#"{"id": "t", "kind": "numeric", "prompt": "About how long?", "answer": "2.5", "tolerance": "0.25"}"#,
        0,
    );
    assert_eq!(judge(&shown, &number("2 1/4")).map(|j| j.correct), Ok(true));
    assert_eq!(judge(&shown, &number("2.75")).map(|j| j.correct), Ok(true));
    assert_eq!(judge(&shown, &number("2.8")).map(|j| j.correct), Ok(false));
}

#[test]
fn short_text_ignores_case_spacing_and_trailing_punctuation() {
    let shown = instance(
        r#"{"id": "s", "kind": "short_text", "prompt": "What is the bottom number called?",
            "accepted": ["denominator"], "wrong_answers": [{"value": "numerator", "misconception": "swaps-terms"}]}"#,
        0,
    );
    for text in ["denominator", "  Denominator. ", "DENOMINATOR!"] {
        assert_eq!(
            judge(&shown, &Response::Text { text: text.into() }).map(|j| j.correct),
            Ok(true),
            "{text}"
        );
    }
    assert_eq!(
        judge(
            &shown,
            &Response::Text {
                text: "Numerator".into()
            }
        )
        .map(|j| j.misconception),
        Ok(Some("swaps-terms".to_string()))
    );
    let strict = instance(
        r#"{"id": "s2", "kind": "short_text", "prompt": "Symbol?", "accepted": ["Fe"], "case_sensitive": true}"#,
        0,
    );
    assert_eq!(
        judge(&strict, &Response::Text { text: "fe".into() }).map(|j| j.correct),
        Ok(false)
    );
}

#[test]
fn an_accepted_answer_ending_in_spaced_punctuation_is_right_as_shown() {
    // Found by fuzzing: "x. ." was normalised to "x.", and "x." typed back to "x".
    assert_eq!(normalise_text("Half. .", false), "half");
    assert_eq!(normalise_text(" a  b ; ; ", true), "a b");
    let shown = instance(
        r#"{"id": "s", "kind": "short_text", "prompt": "Name 1/2.", "accepted": ["Half. ."]}"#,
        0,
    );
    assert_eq!(describe_answer(&shown), "half");
    let right = model_answer(&shown);
    assert_eq!(judge(&shown, &right).map(|j| j.correct), Ok(true));
}

#[test]
fn ordering_never_starts_solved_and_is_judged_by_position() {
    let json = r#"{"id": "o", "kind": "ordering", "prompt": "Smallest first",
                   "sequence": ["1/8", "1/4", "1/2"]}"#;
    for seed in 0..50 {
        let shown = instance(json, seed);
        assert_ne!(shown.start_order, vec![0, 1, 2], "seed {seed}");
        let mut sorted = shown.start_order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2]);
    }
    let shown = instance(json, 0);
    assert_eq!(
        judge(
            &shown,
            &Response::Order {
                order: vec![0, 1, 2]
            }
        )
        .map(|j| j.correct),
        Ok(true)
    );
    assert_eq!(
        judge(
            &shown,
            &Response::Order {
                order: vec![2, 1, 0]
            }
        )
        .map(|j| j.correct),
        Ok(false)
    );
    assert_eq!(
        judge(
            &shown,
            &Response::Order {
                order: vec![0, 0, 1]
            }
        ),
        Err(ResponseError::NotAnArrangement)
    );
}

const ADD_LIKE: &str = r#"{"id": "add-like", "kind": "numeric",
  "prompt": "What is {a}/{d} + {b}/{d}?",
  "answer": "(a + b) / d",
  "wrong_answers": [{"value": "(a + b) / (2 * d)", "misconception": "adds-denominators"}],
  "hints": ["The pieces are all {d}ths."],
  "solution": "{a} + {b} = {a + b} pieces of size 1/{d}, so {(a + b) / d:mixed}.",
  "template": {
    "variables": [
      {"name": "d", "one_of": ["3", "4", "5", "6", "8", "10", "12"]},
      {"name": "a", "from": 1, "to": 11},
      {"name": "b", "from": 1, "to": 11}
    ],
    "constraints": ["a + b < 2 * d", "a < d", "b < d"]
  }}"#;

#[test]
fn a_templated_instance_is_a_pure_function_of_item_and_seed() {
    for seed in [0, 1, 42, u64::MAX] {
        assert_eq!(instance(ADD_LIKE, seed), instance(ADD_LIKE, seed));
    }
    let prompts: std::collections::HashSet<String> = (0..50)
        .map(|seed| instance(ADD_LIKE, seed).prompt)
        .collect();
    assert!(
        prompts.len() > 30,
        "templates give many parallel forms: {}",
        prompts.len()
    );
}

#[test]
fn every_drawn_instance_meets_its_constraints_and_has_the_intended_answer() {
    for seed in 0..500 {
        let shown = instance(ADD_LIKE, seed);
        let value = |name: &str| {
            shown
                .values
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| *v)
        };
        let (a, b, d) = (value("a"), value("b"), value("d"));
        let (Some(a), Some(b), Some(d)) = (a, b, d) else {
            panic!("seed {seed}: missing values {:?}", shown.values)
        };
        assert!(a < d && b < d, "seed {seed}: {:?}", shown.values);
        let sum = a.checked_add(b).and_then(|s| s.checked_div(d));
        let Expected::Numeric { value, .. } = shown.expected else {
            panic!("numeric item")
        };
        assert_eq!(Ok(value), sum);
        let typed = format!("{}/{}", a.checked_add(b).unwrap_or(Rational::ZERO), d);
        assert_eq!(
            judge(&shown, &number(&typed)).map(|j| j.correct),
            Ok(true),
            "seed {seed}"
        );
    }
}

#[test]
fn the_same_values_make_the_same_instance_key_whatever_the_seed() {
    let keys: Vec<InstanceKey> = (0..400)
        .map(|seed| instance(ADD_LIKE, seed).key())
        .collect();
    let distinct: std::collections::HashSet<&InstanceKey> = keys.iter().collect();
    assert!(distinct.len() < keys.len(), "some seeds repeat values");
    assert_eq!(
        instance(THREE_QUARTERS, 1).key(),
        instance(THREE_QUARTERS, 2).key()
    );
    // Equal values, equal keys; different values, different keys.
    let (one, two) = (instance(ADD_LIKE, 0), instance(ADD_LIKE, 1));
    assert_ne!(one.values, two.values);
    assert_ne!(one.key(), two.key());
}

#[test]
fn constraints_that_can_never_hold_are_reported() {
    let impossible = r#"{"id": "x", "kind": "numeric", "prompt": "{a}", "answer": "a",
        "template": {"variables": [{"name": "a", "from": 1, "to": 5}], "constraints": ["a > 5"]}}"#;
    assert_eq!(
        ItemInstance::generate(&item(impossible), 0),
        Err(InstanceError::Unsatisfiable)
    );
}

#[test]
fn placeholders_support_formats_and_literal_braces() {
    let scope = vec![(
        "x".to_string(),
        Rational::new(7, 4).unwrap_or(Rational::ZERO),
    )];
    assert_eq!(
        interpolate("{x} = {x:mixed} = {x:decimal} {{set}}", &scope, "f"),
        Ok("7/4 = 1 3/4 = 1.75 {set}".to_string())
    );
    assert_eq!(
        interpolate("{x", &scope, "f"),
        Err(InstanceError::UnclosedPlaceholder { field: "f".into() })
    );
    assert_eq!(
        interpolate("{x:roman}", &scope, "f"),
        Err(InstanceError::UnknownFormat {
            field: "f".into(),
            format: "roman".into()
        })
    );
}

#[test]
fn a_word_placeholder_agrees_with_its_value() {
    let said = |x: Rational| {
        let scope = vec![("x".to_string(), x)];
        interpolate("{x:mixed} {x:cup|cups}", &scope, "f")
    };
    let number = |n: i64, d: i64| Rational::new(n, d).unwrap_or(Rational::ZERO);
    assert_eq!(said(number(1, 1)), Ok("1 cup".to_string()));
    assert_eq!(said(number(3, 4)), Ok("3/4 cup".to_string()));
    assert_eq!(said(number(3, 1)), Ok("3 cups".to_string()));
    assert_eq!(said(number(3, 2)), Ok("1 1/2 cups".to_string()));
    assert_eq!(said(number(0, 1)), Ok("0 cups".to_string()));
    // A comparison is 1 or 0: the word of a condition, or nothing.
    let scope = vec![("x".to_string(), number(3, 4))];
    assert_eq!(
        interpolate("{x < 1:<|}{x > 1:>|}{x == 1:=|}", &scope, "f"),
        Ok("<".to_string())
    );
    for bad in ["{x:|cups}", "{x:a|b|c}"] {
        let scope = vec![("x".to_string(), number(1, 1))];
        assert!(
            matches!(
                interpolate(bad, &scope, "f"),
                Err(InstanceError::UnknownFormat { .. })
            ),
            "{bad}"
        );
    }
}

#[test]
fn the_right_answer_is_described_in_words_for_every_kind() {
    assert_eq!(describe_answer(&instance(HALF_OF_EIGHT, 0)), "1/4");
    assert_eq!(describe_answer(&instance(THREE_QUARTERS, 0)), "3/4");
    // A question in decimals is answered in decimals.
    let mut decimal = instance(THREE_QUARTERS, 0);
    decimal.prompt = "What is 0.5 + 0.25?".to_string();
    assert_eq!(describe_answer(&decimal), "0.75");
    let mut mixed = instance(THREE_QUARTERS, 0);
    mixed.prompt = "Write 1 1/2 + 1/4 as a mixed number.".to_string();
    mixed.expected = Expected::Numeric {
        value: Rational::new(7, 4).unwrap_or(Rational::ZERO),
        tolerance: Rational::ZERO,
    };
    assert_eq!(describe_answer(&mixed), "1 3/4");
    let set = instance(
        r#"{"id": "m", "kind": "multiple_select", "prompt": "Which equal 1/2?",
            "choices": [{"text": "2/4", "correct": true}, {"text": "1/3"}, {"text": "3/6", "correct": true}]}"#,
        5,
    );
    assert_eq!(describe_answer(&set), "2/4; 3/6");
    let text = instance(
        r#"{"id": "t", "kind": "short_text", "prompt": "Name 1/2.", "accepted": ["one half", "a half"]}"#,
        0,
    );
    assert_eq!(describe_answer(&text), "one half");
    let order = instance(
        r#"{"id": "o", "kind": "ordering", "prompt": "Smallest first.", "sequence": ["1/8", "1/4", "1/2"]}"#,
        0,
    );
    assert_eq!(describe_answer(&order), "1/8 → 1/4 → 1/2");
}

/// The nudge a wrong answer gets, or None when it is right or nothing is near.
fn nudge(json: &str, response: Response) -> Option<NearMiss> {
    let judgement = judge(&instance(json, 1), &response).expect("judged");
    judgement.near_miss
}

#[test]
fn a_number_nearly_right_is_recognised_whatever_the_item() {
    let three_quarters = r#"{"id": "n", "kind": "numeric", "prompt": "?", "answer": "3/4"}"#;
    assert_eq!(nudge(three_quarters, number("6/8")), None, "equal is right");
    assert_eq!(
        nudge(three_quarters, number("4/3")),
        Some(NearMiss::Swapped)
    );
    assert_eq!(nudge(three_quarters, number("-3/4")), Some(NearMiss::Sign));
    assert_eq!(nudge(three_quarters, number("-4/3")), None);
    // A numeric answer is a value: 3/4 may be the 6/8 the question leads to, so
    // one part of a fraction is never called right.
    assert_eq!(nudge(three_quarters, number("2/4")), None);
    assert_eq!(nudge(three_quarters, number("3/5")), None);
    assert_eq!(nudge(three_quarters, number("0.5")), None);
    let about =
        r#"{"id": "n", "kind": "numeric", "prompt": "?", "answer": "3/4", "tolerance": "1/100"}"#;
    assert_eq!(
        nudge(about, number("-3/4")),
        None,
        "an estimate has no exact near miss"
    );
    let foreseen = r#"{"id": "n", "kind": "numeric", "prompt": "?", "answer": "3/4",
        "wrong_answers": [{"value": "4/3", "feedback": "Which part is the whole?"}]}"#;
    let judged = judge(&instance(foreseen, 1), &number("4/3")).expect("judged");
    assert_eq!(
        (judged.feedback.as_deref(), judged.near_miss),
        (Some("Which part is the whole?"), None),
        "the author's own words come first"
    );
}

#[test]
fn an_answer_written_by_the_author_is_compared_form_and_parts() {
    let text = |answer: &str| {
        format!(r#"{{"id": "t", "kind": "short_text", "prompt": "?", "accepted": ["{answer}"]}}"#)
    };
    let typed = |text: &str| Response::Text { text: text.into() };
    let right = |json: &str, text: &str| {
        judge(&instance(json, 1), &typed(text)).map(|judged| judged.correct)
    };
    let simplest = text("2/5");
    assert_eq!(
        right(&simplest, "2 / 5"),
        Ok(true),
        "spacing does not matter"
    );
    assert_eq!(right(&text("0.75"), ".75"), Ok(true), "nor a leading zero");
    assert_eq!(nudge(&simplest, typed("6/15")), Some(NearMiss::NotSimplest));
    assert_eq!(nudge(&simplest, typed("0.4")), Some(NearMiss::OtherForm));
    assert_eq!(nudge(&simplest, typed("3/5")), Some(NearMiss::Numerator));
    assert_eq!(nudge(&simplest, typed("2/7")), Some(NearMiss::Denominator));
    assert_eq!(nudge(&simplest, typed("5/2")), Some(NearMiss::Swapped));
    assert_eq!(nudge(&simplest, typed("two fifths")), None);
    let mixed = text("1 1/2");
    assert_eq!(nudge(&mixed, typed("3/2")), Some(NearMiss::NotMixed));
    assert_eq!(nudge(&mixed, typed("1 2/4")), Some(NearMiss::NotSimplest));
    assert_eq!(
        nudge(&text("3/2"), typed("1 1/2")),
        Some(NearMiss::NotAFraction)
    );
    assert_eq!(nudge(&text("2"), typed("4/2")), Some(NearMiss::NotSimplest));
    let eighths = text("6/8");
    assert_eq!(
        nudge(&eighths, typed("3/4")),
        Some(NearMiss::OtherForm),
        "an answer asked in eighths is not a simplest form"
    );
    assert_eq!(nudge(&eighths, typed("12/16")), Some(NearMiss::OtherForm));
}

const SHADE_THREE_FOURTHS: &str = r#"{"id": "s", "kind": "shade", "prompt": "Shade 3/4.",
  "diagram": "::: strip; bar: 0/8 :::", "answer": "3/4",
  "wrong_answers": [{"value": "5/8", "misconception": "counts-unshaded"}]}"#;

#[test]
fn a_shading_is_right_in_any_equivalent_count_and_known_wrong_ones_name_their_misconception() {
    let shown = instance(SHADE_THREE_FOURTHS, 0);
    assert!(shown.diagram.is_some());
    assert!(judge(&shown, &number("6/8")).is_ok_and(|j| j.correct));
    // What the shell sends for 6 parts of 8 is the model answer.
    assert_eq!(model_answer(&shown), number("6/8"));
    let known = judge(&shown, &number("5/8"));
    assert_eq!(
        known.map(|j| j.misconception),
        Ok(Some("counts-unshaded".into()))
    );
    // A picture has no written form: no nudge about one.
    let other = judge(&shown, &number("4/8"));
    assert_eq!(other.map(|j| (j.correct, j.near_miss)), Ok((false, None)));
    assert_eq!(wrong_answer(&shown), number("5/8"));
    assert_eq!(judge(&shown, &number(" ")), Err(ResponseError::Empty));
    assert_eq!(
        judge(&shown, &Response::Choice { index: 0 }),
        Err(ResponseError::WrongKind {
            expected: ItemKind::Shade
        })
    );
}

#[test]
fn a_point_is_right_at_the_answer_s_value_and_its_wrong_answer_is_the_next_stop() {
    let json = r#"{"id": "p", "kind": "place_point", "prompt": "Place {n}/8.",
      "diagram": "::: number-line; from: 0; to: 1; parts: 8 :::", "answer": "n / 8",
      "template": {"variables": [{"name": "n", "from": 3, "to": 3}]}}"#;
    let shown = instance(json, 4);
    assert_eq!(model_answer(&shown), number("3/8"));
    assert!(judge(&shown, &number("3/8")).is_ok_and(|j| j.correct));
    assert_eq!(wrong_answer(&shown), number("1/2"));
    assert_eq!(
        judge(&shown, &number("8/3")).map(|j| (j.correct, j.near_miss)),
        Ok((false, None))
    );
    assert_eq!(
        judge(&shown, &number("three")),
        Err(ResponseError::NotANumber {
            text: "three".into()
        })
    );
}

#[test]
fn a_partition_is_right_with_the_answer_s_number_of_parts() {
    let json = r#"{"id": "c", "kind": "partition", "prompt": "Cut into fifths.",
      "diagram": "::: circle; parts: 1 :::", "answer": "5"}"#;
    let shown = instance(json, 0);
    assert!(judge(&shown, &number("5")).is_ok_and(|j| j.correct));
    assert!(judge(&shown, &wrong_answer(&shown)).is_ok_and(|j| !j.correct));
    assert_eq!(describe_answer(&shown), "5");
}

#[test]
fn a_picture_s_answer_is_said_in_the_picture_s_own_parts() {
    let point = r#"{"id": "p", "kind": "place_point", "prompt": "Move the point to 10/8.",
      "diagram": "::: number-line; from: 0; to: 2; parts: 8 :::", "answer": "10/8"}"#;
    assert_eq!(describe_answer(&instance(point, 0)), "10/8");
    let shade = r#"{"id": "s", "kind": "shade", "prompt": "Shade 6/8 of the strip.",
      "diagram": "::: strip; bar: 0/8 :::", "answer": "6/8"}"#;
    assert_eq!(describe_answer(&instance(shade, 0)), "6/8");
    let decimal = r#"{"id": "d", "kind": "place_point", "prompt": "Move the point to 0.52.",
      "diagram": "::: number-line; from: 0; to: 1; parts: 100; max-parts: 100 :::",
      "answer": "52/100"}"#;
    assert_eq!(describe_answer(&instance(decimal, 0)), "0.52");
}

#[test]
fn an_answer_the_picture_cannot_give_is_an_error_of_the_item() {
    let json = r#"{"id": "p", "kind": "place_point", "prompt": "Place 1/3.",
      "diagram": "::: number-line; from: 0; to: 1; parts: 4 :::", "answer": "1/3"}"#;
    assert!(matches!(
        ItemInstance::generate(&item(json), 0),
        Err(InstanceError::NotOnPicture {
            problem: crate::content::picture::NotOnPicture::Unreachable,
            ..
        })
    ));
    let json = r#"{"id": "p", "kind": "place_point", "prompt": "Place 1/3.",
      "diagram": "::: number-line; from: 0; to: 1; parts: 3", "answer": "1/3"}"#;
    assert!(matches!(
        ItemInstance::generate(&item(json), 0),
        Err(InstanceError::Diagram { .. })
    ));
}

/// A blind guess on a picture is right as often as the picture offers answers:
/// one of the places on a line, one count of parts shaded, one of the cuts.
#[test]
fn a_guess_on_a_picture_is_one_of_the_answers_it_offers() {
    let place = item(
        r#"{"id": "p", "kind": "place_point", "prompt": "Move the point to 3/4.",
            "diagram": "::: number-line; from: 0; to: 1; parts: 4 :::", "answer": "3/4"}"#,
    );
    assert_eq!(place.guess_chance(), Some(1.0 / 5.0), "5 ticks from 0 to 1");
    let shade = item(
        r#"{"id": "s", "kind": "shade", "prompt": "Shade 1/2.",
            "diagram": "::: circle; parts: 2 :::", "answer": "1/2"}"#,
    );
    assert_eq!(
        shade.guess_chance(),
        Some(1.0 / 3.0),
        "0, 1 or 2 parts shaded"
    );
    let cut = item(
        r#"{"id": "c", "kind": "partition", "prompt": "Cut it into thirds.",
            "diagram": "::: circle; parts: 1 :::", "answer": "3"}"#,
    );
    assert_eq!(cut.guess_chance(), Some(1.0 / 24.0), "1 to 24 parts");
    let templated = item(
        r#"{"id": "t", "kind": "place_point", "prompt": "Move the point to 1/{d}.",
            "diagram": "::: number-line; from: 0; to: 1; parts: {d} :::", "answer": "1 / d",
            "template": {"variables": [{"name": "d", "one_of": ["8"]}]}}"#,
    );
    assert_eq!(
        templated.guess_chance(),
        Some(1.0 / 9.0),
        "as its instance draws it"
    );
}
