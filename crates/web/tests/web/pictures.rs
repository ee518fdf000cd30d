//! Pictures in the browser: a picture in a lesson is drawn and named, and each
//! kind of item answered on a picture gives the response the engine judges right
//! with the keyboard and with a pointer; an answer given is shown and stays.

use super::answering::{press, submit};
use super::fresh_container;
use super::player::{mount_player, Mounted};
use leptos::prelude::*;
use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::content::item::{judge, model_answer, Expected, ItemInstance, Response};
use masterly_core::content::picture::{draw, stops};
use masterly_test_kit::pictures::TEN_PICTURES;
use masterly_web::components::rich_text::RichText;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const PICTURES: &str = include_str!("../../../../docs/examples/pictures.json");

fn curriculum() -> Curriculum {
    load_curriculum(PICTURES)
        .expect("the pictures example loads")
        .curriculum
}

fn instance(item_id: &str, seed: u64) -> ItemInstance {
    let curriculum = curriculum();
    let item = curriculum
        .item(item_id)
        .unwrap_or_else(|| panic!("no item {item_id}"));
    ItemInstance::generate(item, seed).expect("an instance")
}

fn find(root: &web_sys::HtmlElement, css: &str) -> web_sys::Element {
    root.query_selector(css)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("nothing matches {css}"))
}

fn all(root: &web_sys::HtmlElement, css: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(css).expect("a valid selector");
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into().ok())
        .collect()
}

fn click(target: &web_sys::Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("click", &init).expect("a click");
    target.dispatch_event(&event).expect("dispatch click");
}

/// Presses a pointer down on the drawing at `x` of the drawing's `width` units.
fn point_at(slider: &web_sys::Element, x: i32, width: i32) {
    let drawn = slider.first_element_child().expect("the slider's drawing");
    let rect = drawn.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + f64::from(x) / f64::from(width) * rect.width()) as i32);
    init.set_client_y((rect.top() + rect.height() / 2.0) as i32);
    init.set_bubbles(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init)
        .expect("a pointer event");
    slider.dispatch_event(&event).expect("dispatch pointerdown");
}

/// Submits, and gives what reached the page, judged.
async fn submitted(mounted: &Mounted, instance: &ItemInstance) -> (Response, bool) {
    submit(&mounted.root).await;
    let given = mounted.given.lock().map(|g| g.clone()).unwrap_or_default();
    assert_eq!(given.len(), 1, "one response per press: {given:?}");
    let correct = judge(instance, &given[0]).expect("judged").correct;
    (given[0].clone(), correct)
}

fn stop_index(instance: &ItemInstance) -> usize {
    let Response::Number { text } = model_answer(instance) else {
        panic!("a number")
    };
    let diagram = instance.diagram.as_ref().expect("a picture");
    stops(diagram)
        .iter()
        .position(|stop| stop.value.to_string() == text)
        .expect("the answer is a stop")
}

#[wasm_bindgen_test]
async fn a_picture_in_a_lesson_is_drawn_and_named_by_its_description() {
    let root = fresh_container();
    let body = "Look:\n\n::: strip; bar: 3/4; bar: 6/8 :::\n\n::: circle; parts: 0 :::".to_string();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <RichText text=body.clone() /> },
    )
    .forget();
    leptos::task::tick().await;
    let svg = find(&root, ".picture svg[role=img]");
    assert_eq!(
        svg.get_attribute("aria-label").as_deref(),
        Some("A fraction strip of 2 bars, one whole each. Bar 1: split into 4 equal parts, 3 shaded. Bar 2: split into 8 equal parts, 6 shaded.")
    );
    // 12 parts, each outlined, 9 of them shaded with a hatching.
    let parts = all(&root, ".picture svg > path");
    assert_eq!(parts.len(), 12);
    let hatched = parts
        .iter()
        .filter(|part| {
            part.get_attribute("fill")
                .is_some_and(|fill| fill.starts_with("url(#"))
        })
        .count();
    assert_eq!(hatched, 9);
    // A picture that cannot be drawn says why, in words.
    let error = find(&root, ".picture-error");
    assert!(
        error
            .text_content()
            .unwrap_or_default()
            .contains("parts is 0, expected 1 to 24"),
        "{:?}",
        error.text_content()
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_point_is_placed_with_the_arrow_keys() {
    for seed in [2, 17, 40] {
        let instance = instance("place-point", seed);
        let mounted = mount_player(&instance, None);
        leptos::task::tick().await;
        let slider = find(&mounted.root, "[data-testid=place-point]");
        // No point until one is placed: an answer at the start must be given too.
        assert_eq!(slider.get_attribute("aria-valuenow"), None);
        assert_eq!(
            slider.get_attribute("aria-valuetext").as_deref(),
            Some("Not placed yet")
        );
        // End goes to the last stop, Home back to the first.
        press(&slider, "End");
        leptos::task::tick().await;
        let last = stops(instance.diagram.as_ref().expect("a picture")).len() - 1;
        assert_eq!(
            slider.get_attribute("aria-valuenow"),
            Some(last.to_string())
        );
        press(&slider, "Home");
        for _ in 0..stop_index(&instance) {
            press(&slider, "ArrowRight");
        }
        leptos::task::tick().await;
        let (given, correct) = submitted(&mounted, &instance).await;
        assert!(correct, "seed {seed}: {given:?}");
        // The point says where it is in words.
        assert!(slider
            .get_attribute("aria-valuetext")
            .is_some_and(|words| !words.is_empty()));
        mounted.root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_point_is_placed_with_a_pointer() {
    let instance = instance("place-point", 23);
    let mounted = mount_player(&instance, None);
    leptos::task::tick().await;
    let diagram = instance.diagram.as_ref().expect("a picture");
    let stop = stops(diagram)[stop_index(&instance)];
    let slider = find(&mounted.root, "[data-testid=place-point]");
    // A little off the tick: the point goes to the nearest one.
    point_at(&slider, stop.x + 30, draw(diagram).width);
    leptos::task::tick().await;
    let (given, correct) = submitted(&mounted, &instance).await;
    assert!(correct, "{given:?}");
    mounted.root.remove();
}

#[wasm_bindgen_test]
async fn parts_are_shaded_by_click_and_by_space() {
    for (item, keyboard) in [
        ("shade-strip", false),
        ("shade-circle", true),
        ("shade-area", false),
        ("shade-set", true),
    ] {
        let instance = instance(item, 11);
        let mounted = mount_player(&instance, None);
        leptos::task::tick().await;
        let Response::Number { text } = model_answer(&instance) else {
            panic!("a number")
        };
        let count: usize = text
            .split_once('/')
            .and_then(|(count, _)| count.parse().ok())
            .expect("k/n");
        let parts = all(&mounted.root, "[data-testid=shade-parts] [data-part]");
        assert!(parts.len() >= count);
        for part in &parts {
            assert_eq!(part.get_attribute("role").as_deref(), Some("checkbox"));
        }
        // Shading one part too many, then clearing it again.
        for part in parts.iter().take(count + 1) {
            if keyboard {
                press(part, " ");
            } else {
                click(part);
            }
        }
        leptos::task::tick().await;
        if let Some(extra) = parts.get(count) {
            assert_eq!(extra.get_attribute("aria-checked").as_deref(), Some("true"));
            if keyboard {
                press(extra, "Enter");
            } else {
                click(extra);
            }
        }
        leptos::task::tick().await;
        let (given, correct) = submitted(&mounted, &instance).await;
        assert!(correct, "{item}: {given:?} for {text}");
        mounted.root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_whole_is_cut_with_the_part_buttons() {
    for item in ["cut-circle", "cut-strip", "cut-line"] {
        let instance = instance(item, 5);
        let mounted = mount_player(&instance, None);
        leptos::task::tick().await;
        let Response::Number { text: wanted } = model_answer(&instance) else {
            panic!("a number")
        };
        let more: web_sys::HtmlElement =
            find(&mounted.root, "[data-testid=more-parts]").unchecked_into();
        let fewer: web_sys::HtmlElement =
            find(&mounted.root, "[data-testid=fewer-parts]").unchecked_into();
        let wanted: u16 = wanted.parse().expect("a count");
        for _ in 1..=wanted {
            more.click();
            leptos::task::tick().await;
        }
        fewer.click();
        leptos::task::tick().await;
        let shown = find(&mounted.root, "[data-testid=parts-count]");
        assert_eq!(shown.get_attribute("data-parts"), Some(wanted.to_string()));
        // The picture shows the whole cut as chosen, and says so.
        let label = find(&mounted.root, "[data-testid=partition] svg")
            .get_attribute("aria-label")
            .unwrap_or_default();
        assert_eq!(label, format!("Cut into {wanted} equal parts"), "{item}");
        let (given, correct) = submitted(&mounted, &instance).await;
        assert!(correct, "{item}: {given:?}");
        mounted.root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_placement_given_before_is_shown_and_the_point_stays() {
    let instance = instance("place-point", 7);
    let right = model_answer(&instance);
    let mounted = mount_player(&instance, Some(right));
    leptos::task::tick().await;
    let slider = find(&mounted.root, "[data-testid=place-point]");
    let at = stop_index(&instance).to_string();
    assert_eq!(slider.get_attribute("aria-valuenow"), Some(at.clone()));
    assert_eq!(
        slider.get_attribute("aria-readonly").as_deref(),
        Some("true")
    );
    press(&slider, "Home");
    leptos::task::tick().await;
    assert_eq!(slider.get_attribute("aria-valuenow"), Some(at));
    mounted.root.remove();
}

#[wasm_bindgen_test]
async fn a_shading_given_before_is_shown_again() {
    let instance = instance("shade-strip", 3);
    let right = model_answer(&instance);
    let Response::Number { text } = &right else {
        panic!("a number")
    };
    let count: usize = text
        .split_once('/')
        .and_then(|(count, _)| count.parse().ok())
        .expect("k/n");
    let mounted = mount_player(&instance, Some(right.clone()));
    leptos::task::tick().await;
    leptos::task::tick().await;
    let shaded: Vec<bool> = all(&mounted.root, "[data-testid=shade-parts] [data-part]")
        .iter()
        .map(|part| part.get_attribute("aria-checked").as_deref() == Some("true"))
        .collect();
    let expected: Vec<bool> = (0..shaded.len()).map(|index| index < count).collect();
    assert_eq!(shaded, expected, "{text}");
    mounted.root.remove();
}

/// Ten pictures of every model in one text, as the browser benchmark draws them:
/// each is drawn, none is refused.
#[wasm_bindgen_test]
async fn ten_pictures_of_every_model_are_drawn_in_one_text() {
    let root = fresh_container();
    let body = TEN_PICTURES.join("\n\n");
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <RichText text=body.clone() /> },
    )
    .forget();
    leptos::task::tick().await;
    assert_eq!(all(&root, ".picture svg[role=img]").len(), 10);
    assert!(all(&root, ".picture-error").is_empty());
    root.remove();
}

#[wasm_bindgen_test]
async fn choices_that_are_pictures_are_drawn_named_and_chosen() {
    let instance = instance("which-circle", 3);
    let mounted = mount_player(&instance, None);
    leptos::task::tick().await;
    // Each choice's label is its picture, named for a screen reader; no syntax shows.
    let labels = all(&mounted.root, ".choice label");
    assert_eq!(labels.len(), 3);
    for label in &labels {
        let svg = label
            .query_selector("svg[role=img]")
            .ok()
            .flatten()
            .expect("a picture in the choice's label");
        let name = svg.get_attribute("aria-label").unwrap_or_default();
        assert!(name.starts_with("A circle split into"), "{name}");
        assert!(!label.text_content().unwrap_or_default().contains(":::"));
    }
    // Clicking the right picture chooses it.
    let Expected::Single(answer) = instance.expected else {
        panic!("one right choice")
    };
    let right = instance
        .choices
        .iter()
        .position(|choice| choice.index == answer)
        .expect("the right choice is shown");
    let label: web_sys::HtmlElement = labels[right].clone().unchecked_into();
    label.click();
    leptos::task::tick().await;
    let (given, correct) = submitted(&mounted, &instance).await;
    assert!(correct, "{given:?}");
    mounted.root.remove();
}

/// Every text of a bundled curriculum a student reads before answering: lessons,
/// correctives, enrichment, and each item's prompt, hints and solution as its first
/// version shows them.
fn bundled_texts() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for file in [
        include_str!("../../../../curricula/demo.json"),
        include_str!("../../../../curricula/fractions.json"),
    ] {
        let curriculum = load_curriculum(file)
            .expect("a bundled curriculum loads")
            .curriculum;
        for (_, unit) in curriculum.units() {
            for objective in &unit.objectives {
                let id = &objective.id;
                texts.push((format!("{id} lesson"), objective.lesson.body.clone()));
                for (n, corrective) in objective.correctives.iter().enumerate() {
                    texts.push((format!("{id} corrective {n}"), corrective.body.clone()));
                }
                for (n, task) in objective.enrichment.iter().enumerate() {
                    texts.push((format!("{id} enrichment {n}"), task.body.clone()));
                }
                for item in &objective.items {
                    let shown = ItemInstance::generate(item, 0).expect("an instance");
                    let id = &item.id;
                    texts.push((format!("{id} prompt"), shown.prompt.clone()));
                    texts.push((format!("{id} solution"), shown.solution.clone()));
                    for (n, hint) in shown.hints.iter().enumerate() {
                        texts.push((format!("{id} hint {n}"), hint.clone()));
                    }
                }
            }
        }
    }
    texts
}

#[wasm_bindgen_test]
async fn every_picture_of_the_bundled_courses_is_drawn_and_named() {
    use masterly_core::content::markdown::{parse_markdown, Block};
    let mut drawn = 0;
    for (place, text) in bundled_texts() {
        let expected = parse_markdown(&text)
            .iter()
            .filter(|block| matches!(block, Block::Diagram(_)))
            .count();
        let root = fresh_container();
        let body = text.clone();
        leptos::mount::mount_to(
            root.clone(),
            move || view! { <RichText text=body.clone() /> },
        )
        .forget();
        leptos::task::tick().await;
        assert!(
            all(&root, ".picture-error").is_empty(),
            "{place}: a picture that cannot be drawn in {text}"
        );
        let pictures = all(&root, ".picture svg[role=img]");
        assert_eq!(pictures.len(), expected, "{place}: {text}");
        for picture in &pictures {
            let name = picture.get_attribute("aria-label").unwrap_or_default();
            assert!(name.len() > 20, "{place}: a picture named '{name}'");
            let shapes = picture
                .query_selector_all("path")
                .map_or(0, |list| list.length());
            assert!(shapes > 0, "{place}: an empty picture '{name}'");
        }
        drawn += pictures.len();
        root.remove();
    }
    // The courses are pictured (issue 29): hundreds of pictures, not a handful.
    assert!(drawn > 150, "only {drawn} pictures in the bundled courses");
}

#[wasm_bindgen_test]
async fn the_demo_s_cut_is_answered_through_the_page_by_the_test_s_hands() {
    use super::answering::give;
    let demo = load_curriculum(include_str!("../../../../curricula/demo.json"))
        .expect("the demo loads")
        .curriculum;
    let item = demo.item("eq-rec-cut-equal").expect("the demo's cut");
    for seed in 0..12 {
        let instance = ItemInstance::generate(item, seed).expect("an instance");
        let mounted = mount_player(&instance, None);
        leptos::task::tick().await;
        give(&instance, &model_answer(&instance)).await;
        let (given, correct) = submitted(&mounted, &instance).await;
        assert!(correct, "seed {seed}: {given:?}");
        mounted.root.remove();
    }
}
