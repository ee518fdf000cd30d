//! Every item of every bundled curriculum, over many instances: each instance can be
//! drawn (its constraints can be met), reads sensibly (no two choices alike, no
//! repeated entries to order), and has exactly the intended answer: the model answer
//! is right, every other choice and every listed wrong answer is wrong, the worked
//! solution arrives at the answer, and comparisons and orderings agree with the
//! numbers themselves.

use masterly_core::content::curriculum::Curriculum;
use masterly_core::content::item::{
    judge, model_answer, wrong_answer, CompiledItem, Expected, Item, ItemInstance, Response,
};
use masterly_core::content::rational::{parse_number, Rational};
use std::collections::HashSet;

use crate::support::bundled;
use bundled::{bundled_files, loaded};

/// Instances drawn per templated item: far more than validation samples.
const SEEDS: u64 = 400;

fn bundled() -> Vec<(String, Curriculum)> {
    bundled_files()
        .into_iter()
        .map(|(name, text)| {
            let curriculum = loaded(&name, &text);
            (name, curriculum)
        })
        .collect()
}

fn is_right(instance: &ItemInstance, response: &Response) -> bool {
    judge(instance, response)
        .unwrap_or_else(|e| panic!("{}: {response:?}: {e:?}", instance.item_id))
        .correct
}

/// The numbers written in a text: whole numbers, decimals, fractions and mixed
/// numbers, read the way a student's answer is read.
fn numbers_in(text: &str) -> Vec<Rational> {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_digit() || c == '/' || c == '.' || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned
        .split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .collect();
    let mut numbers: Vec<Rational> = words.iter().filter_map(|w| parse_number(w)).collect();
    numbers.extend(
        words
            .windows(2)
            .filter_map(|pair| parse_number(&format!("{} {}", pair[0], pair[1]))),
    );
    numbers
}

fn check_instance(instance: &ItemInstance) -> Result<(), String> {
    let id = &instance.item_id;
    if !is_right(instance, &model_answer(instance)) {
        return Err(format!("{id}: the model answer is judged wrong"));
    }
    match &instance.expected {
        Expected::Single(correct) => {
            for index in 0..instance.choice_feedback.len() {
                let right = is_right(instance, &Response::Choice { index });
                if right != (index == *correct) {
                    return Err(format!("{id}: choice {index} judged right = {right}"));
                }
            }
            check_comparison(instance, *correct)?;
        }
        Expected::Multiple(correct) => {
            for index in 0..instance.choice_feedback.len() {
                let mut flipped: Vec<usize> = correct.clone();
                match flipped.iter().position(|&i| i == index) {
                    Some(at) => {
                        flipped.remove(at);
                    }
                    None => flipped.push(index),
                }
                if is_right(instance, &Response::Choices { indices: flipped }) {
                    return Err(format!("{id}: changing choice {index} is still right"));
                }
            }
        }
        Expected::Numeric { value, .. } => {
            for wrong in &instance.wrong_answers {
                let Some(number) = wrong.number else { continue };
                let response = Response::Number {
                    text: number.to_string(),
                };
                let judgement = judge(instance, &response).map_err(|e| format!("{id}: {e:?}"))?;
                if judgement.correct {
                    return Err(format!("{id}: listed wrong answer {number} is right"));
                }
                if judgement.misconception.is_none() && judgement.feedback.is_none() {
                    return Err(format!("{id}: wrong answer {number} gets no feedback"));
                }
            }
            if !numbers_in(&instance.solution).contains(value) {
                return Err(format!(
                    "{id}: the solution never reaches {value}: {}",
                    instance.solution
                ));
            }
        }
        Expected::Text { accepted, .. } => {
            for text in accepted {
                let response = Response::Text { text: text.clone() };
                if !is_right(instance, &response) {
                    return Err(format!("{id}: accepted answer {text:?} is judged wrong"));
                }
            }
            for wrong in &instance.wrong_answers {
                let Some(text) = &wrong.text else { continue };
                let response = Response::Text { text: text.clone() };
                if is_right(instance, &response) {
                    return Err(format!("{id}: listed wrong answer {text:?} is right"));
                }
            }
        }
        Expected::Picture { value } => {
            let response = wrong_answer(instance);
            if is_right(instance, &response) {
                return Err(format!(
                    "{id}: the wrong answer on the picture is right ({value})"
                ));
            }
        }
        Expected::Ordering => {
            let distinct: HashSet<&String> = instance.sequence.iter().collect();
            if distinct.len() != instance.sequence.len() {
                return Err(format!("{id}: repeated entries {:?}", instance.sequence));
            }
            check_order(instance)?;
        }
    }
    let shown: HashSet<&str> = instance.choices.iter().map(|c| c.text.trim()).collect();
    if shown.len() != instance.choices.len() {
        return Err(format!("{id}: two choices read the same"));
    }
    Ok(())
}

/// "… Which is greater/bigger …?" with numeric choices: the correct one is the largest.
fn check_comparison(instance: &ItemInstance, correct: usize) -> Result<(), String> {
    let prompt = instance.prompt.to_lowercase();
    if !(prompt.contains("which is greater") || prompt.contains("which is bigger")) {
        return Ok(());
    }
    let value_of = |index: usize| {
        instance
            .choices
            .iter()
            .find(|c| c.index == index)
            .and_then(|c| parse_number(&c.text))
    };
    let Some(best) = value_of(correct) else {
        return Err(format!(
            "{}: the correct choice is no number",
            instance.item_id
        ));
    };
    for index in 0..instance.choices.len() {
        if let Some(other) = value_of(index) {
            if index != correct && other >= best {
                return Err(format!(
                    "{}: choice {other} is not less than the correct {best}",
                    instance.item_id
                ));
            }
        }
    }
    Ok(())
}

/// Sequences of numbers run the way the prompt asks.
fn check_order(instance: &ItemInstance) -> Result<(), String> {
    let values: Option<Vec<Rational>> = instance.sequence.iter().map(|e| parse_number(e)).collect();
    let Some(values) = values else { return Ok(()) };
    let prompt = instance.prompt.to_lowercase();
    let says = |phrases: &[&str]| phrases.iter().any(|phrase| prompt.contains(phrase));
    let ascending = says(&["least to greatest", "smallest to biggest", "smallest first"]);
    let descending = says(&["greatest to least", "biggest to smallest", "biggest first"]);
    let sorted = values
        .windows(2)
        .all(|w| if ascending { w[0] < w[1] } else { w[0] > w[1] });
    if !(ascending || descending) || !sorted {
        return Err(format!(
            "{}: {:?} is not in the order the prompt asks",
            instance.item_id, instance.sequence
        ));
    }
    Ok(())
}

#[test]
fn every_instance_of_every_bundled_item_has_exactly_the_intended_answer() {
    let mut problems = Vec::new();
    let mut instances = 0;
    for (name, curriculum) in bundled() {
        for course in &curriculum.courses {
            for unit in &course.units {
                for objective in &unit.objectives {
                    for item in &objective.items {
                        let compiled = match CompiledItem::compile(item) {
                            Ok(compiled) => compiled,
                            Err(e) => {
                                problems.push(format!("{name}: {}: {e:?}", item.id));
                                continue;
                            }
                        };
                        let seeds = if item.template.is_some() { SEEDS } else { 1 };
                        for seed in 0..seeds {
                            let checked = compiled
                                .instance(seed)
                                .map_err(|e| format!("{}: seed {seed}: {e:?}", item.id))
                                .and_then(|instance| check_instance(&instance));
                            instances += 1;
                            if let Err(problem) = checked {
                                problems.push(format!("{name}: seed {seed}: {problem}"));
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(instances > 1000, "only {instances} instances checked");
}

#[test]
fn the_checks_catch_a_wrong_comparison_a_wrong_order_and_a_wrong_solution() {
    let items = serde_json::json!([
        {"id": "cmp", "kind": "single_choice", "prompt": "Which is greater?",
         "choices": [{"text": "1/3", "correct": true}, {"text": "1/2"}], "solution": "1/2 is."},
        {"id": "ord", "kind": "ordering", "prompt": "From least to greatest.",
         "sequence": ["1/2", "1/3"], "solution": "1/3 is less."},
        {"id": "num", "kind": "numeric", "prompt": "1/2 + 1/4?", "answer": "3/4",
         "solution": "It is 2/6."}
    ]);
    let items: Vec<Item> = serde_json::from_value(items).unwrap_or_else(|e| panic!("{e}"));
    let problems: Vec<String> = items
        .iter()
        .filter_map(|item| {
            let instance = ItemInstance::generate(item, 0).unwrap_or_else(|e| panic!("{e:?}"));
            check_instance(&instance).err()
        })
        .collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
}

/// Every question the planner puts in a check of a bundled unit can be shown: a
/// seed whose version cannot be made (a constraint never met, a picture that
/// cannot be drawn) is passed over when planning, never handed to the page.
#[test]
fn every_question_planned_from_the_bundled_courses_can_be_shown() {
    use masterly_core::learning::plan::{plan_sitting, PlanRequest};
    use masterly_core::learning::replay::replay;
    let mut planned = 0;
    for (name, curriculum) in bundled() {
        let fresh = replay(&curriculum, &[], 0);
        for (_, unit) in curriculum.units() {
            for entropy in 0..40 {
                let request = PlanRequest::UnitTest {
                    unit: unit.id.clone(),
                };
                let plan = plan_sitting(&curriculum, &fresh, &[], &request, "s".into(), entropy)
                    .unwrap_or_else(|e| panic!("{name}: {}: {e:?}", unit.id));
                for question in &plan.items {
                    let item = curriculum
                        .item(&question.item)
                        .expect("a planned item exists");
                    if let Err(error) = ItemInstance::generate(item, question.seed) {
                        panic!("{name}: {} at seed {}: {error:?}", item.id, question.seed);
                    }
                    planned += 1;
                }
            }
        }
    }
    assert!(planned > 5_000, "only {planned} questions planned");
}
