//! Giving an answer through the page, as a student would: clicking choices, typing,
//! moving ordering entries with their arrow buttons, and answering on a picture.

use masterly_core::content::item::{ItemInstance, ItemKind, Response};
use masterly_core::content::picture::stops;
use wasm_bindgen::JsCast;

fn element_by_id(id: &str) -> web_sys::HtmlElement {
    leptos::prelude::document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no element with id {id}"))
        .unchecked_into()
}

pub fn click_id(id: &str) {
    element_by_id(id).click();
}

/// Types into a text field: sets its value and fires the input event.
pub fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("an input event");
    input.dispatch_event(&event).expect("dispatch input");
}

/// Puts `response` into the item player showing `instance`, without submitting it.
pub async fn give(instance: &ItemInstance, response: &Response) {
    let item = &instance.item_id;
    match response {
        Response::Choice { index } => click_id(&format!("choice-{item}-{index}")),
        Response::Choices { indices } => {
            for index in indices {
                click_id(&format!("choice-{item}-{index}"));
            }
        }
        Response::Number { text } if instance.kind.on_picture() => {
            give_on_picture(instance, text).await
        }
        Response::Number { text } | Response::Text { text } => {
            type_into(
                &element_by_id(&format!("answer-{item}")).unchecked_into(),
                text,
            );
        }
        Response::Order { order } => {
            // Move each entry up into its place, one press at a time.
            let mut shown = instance.start_order.clone();
            for (place, entry) in order.iter().enumerate() {
                while let Some(at) = shown
                    .iter()
                    .position(|e| e == entry)
                    .filter(|&at| at > place)
                {
                    click_id(&format!("{item}-{entry}-up"));
                    shown.swap(at - 1, at);
                    leptos::task::tick().await;
                }
            }
        }
    }
    leptos::task::tick().await;
}

/// Presses `key` on `target`: a keydown that bubbles, as a keyboard sends it.
pub fn press(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("a key event");
    target.dispatch_event(&event).expect("dispatch keydown");
}

/// The form of the item whose prompt is `prompt-{item}`: answers are given in it
/// alone, whatever else a test left in the document.
fn form_of(item: &str) -> web_sys::Element {
    element_by_id(&format!("prompt-{item}"))
        .closest("form")
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no form around the prompt of {item}"))
}

fn query_in(form: &web_sys::Element, css: &str) -> web_sys::Element {
    form.query_selector(css)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("nothing matches {css}"))
}

/// Answers on the picture on screen, as a student does: the point moved with the
/// keys to the stop of `text`, the parts clicked until `text` (`count/parts`) are
/// shaded, or the whole cut with the part buttons into `text` parts.
async fn give_on_picture(instance: &ItemInstance, text: &str) {
    let item = &instance.item_id;
    let form = form_of(item);
    let query = |css: &str| query_in(&form, css);
    let diagram = instance
        .diagram
        .as_ref()
        .unwrap_or_else(|| panic!("{item} has no picture"));
    match instance.kind {
        ItemKind::PlacePoint => {
            let index = stops(diagram)
                .iter()
                .position(|stop| stop.value.to_string() == text)
                .unwrap_or_else(|| panic!("{text} is no stop of {item}"));
            let slider = query("[data-testid=place-point]");
            press(&slider, "Home");
            for _ in 0..index {
                press(&slider, "ArrowRight");
            }
            leptos::task::tick().await;
            assert_eq!(
                slider.get_attribute("aria-valuenow"),
                Some(index.to_string()),
                "{item}: the point on stop {index}"
            );
        }
        ItemKind::Shade => {
            let count: usize = text
                .split_once('/')
                .and_then(|(count, _)| count.parse().ok())
                .unwrap_or_else(|| panic!("{text} is no shading of {item}"));
            let parts = form
                .query_selector_all("[data-testid=shade-parts] [data-part]")
                .expect("a valid selector");
            for part in 0..parts.length() {
                let css = format!("[data-testid=shade-parts] [data-part='{part}']");
                let shaded = query(&css).get_attribute("aria-checked").as_deref() == Some("true");
                if shaded != ((part as usize) < count) {
                    press(&query(&css), " ");
                    leptos::task::tick().await;
                }
            }
            let shaded = form
                .query_selector_all("[data-testid=shade-parts] [aria-checked=true]")
                .expect("a valid selector")
                .length();
            assert_eq!(shaded as usize, count, "{item}: {count} parts shaded");
        }
        _ => {
            let wanted: usize = text.parse().unwrap_or_else(|_| panic!("{text} parts?"));
            let shown = || -> usize {
                query("[data-testid=parts-count]")
                    .get_attribute("data-parts")
                    .and_then(|parts| parts.parse().ok())
                    .unwrap_or(0)
            };
            for _ in 0..48 {
                let button = match shown().cmp(&wanted) {
                    std::cmp::Ordering::Less => "[data-testid=more-parts]",
                    std::cmp::Ordering::Greater => "[data-testid=fewer-parts]",
                    std::cmp::Ordering::Equal => break,
                };
                query(button)
                    .unchecked_into::<web_sys::HtmlElement>()
                    .click();
                leptos::task::tick().await;
            }
            assert_eq!(shown(), wanted, "{item}: the whole cut into {wanted} parts");
        }
    }
    leptos::task::tick().await;
}

/// Presses the item's "Check my answer" button.
pub async fn submit(root: &web_sys::HtmlElement) {
    let button: web_sys::HtmlElement = root
        .query_selector("[data-testid=submit-answer]")
        .expect("valid selector")
        .expect("a submit button")
        .unchecked_into();
    button.click();
    leptos::task::tick().await;
}
