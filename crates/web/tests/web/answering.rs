//! Giving an answer through the page, as a student would: clicking choices, typing,
//! and moving ordering entries with their arrow buttons.

use masterly_core::content::item::{ItemInstance, Response};
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
