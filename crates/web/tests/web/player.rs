//! The item player on its own: every kind answered through the page gives the
//! response the engine judges right, and a given answer is shown locked.

use super::answering::{give, submit};
use super::{fresh_container, DEMO};
use leptos::prelude::*;
use masterly_core::content::curriculum::load_curriculum;
use masterly_core::content::item::{judge, model_answer, ItemInstance, ItemKind, Response};
use masterly_web::components::item_player::ItemPlayer;
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// An instance of the first demo item of this kind.
fn instance_of(kind: ItemKind, seed: u64) -> ItemInstance {
    let curriculum = load_curriculum(DEMO)
        .expect("the demo curriculum loads")
        .curriculum;
    let item = curriculum
        .courses
        .iter()
        .flat_map(|course| &course.units)
        .flat_map(|unit| &unit.objectives)
        .flat_map(|objective| &objective.items)
        .find(|item| item.kind == kind)
        .unwrap_or_else(|| panic!("the demo curriculum has no {kind:?} item"));
    ItemInstance::generate(item, seed).expect("an instance")
}

pub(super) struct Mounted {
    pub(super) root: web_sys::HtmlElement,
    pub(super) given: Arc<Mutex<Vec<Response>>>,
}

pub(super) fn mount_player(instance: &ItemInstance, answered: Option<Response>) -> Mounted {
    let root = fresh_container();
    let given = Arc::new(Mutex::new(Vec::new()));
    let sink = given.clone();
    let instance = Arc::new(instance.clone());
    leptos::mount::mount_to(root.clone(), move || {
        let sink = sink.clone();
        let on_submit = Callback::new(move |response: Response| {
            if let Ok(mut given) = sink.lock() {
                given.push(response);
            }
        });
        let answered = answered.clone();
        view! {
            <ItemPlayer
                instance=instance.clone()
                answered=Signal::derive(move || answered.clone())
                problem=Signal::derive(|| None::<String>)
                on_submit
            />
        }
    })
    .forget();
    Mounted { root, given }
}

async fn answer_right_through_the_page(kind: ItemKind) {
    for seed in [3, 41] {
        let instance = instance_of(kind, seed);
        let mounted = mount_player(&instance, None);
        leptos::task::tick().await;
        assert_eq!(
            mounted
                .root
                .query_selector("form.item")
                .ok()
                .flatten()
                .and_then(|form| form.get_attribute("data-kind"))
                .as_deref(),
            Some(kind.name())
        );
        let right = model_answer(&instance);
        give(&instance, &right).await;
        submit(&mounted.root).await;
        let given = mounted.given.lock().map(|g| g.clone()).unwrap_or_default();
        assert_eq!(given.len(), 1, "{kind:?}: one response per press");
        let judgement = judge(&instance, &given[0]).expect("the response can be judged");
        assert!(
            judgement.correct,
            "{kind:?} seed {seed}: the page gave {:?}, expected {right:?}",
            given[0]
        );
        mounted.root.remove();
    }
}

#[wasm_bindgen_test]
async fn single_choice_is_answered_by_choosing_one_option() {
    answer_right_through_the_page(ItemKind::SingleChoice).await;
}

#[wasm_bindgen_test]
async fn multiple_select_is_answered_by_ticking_every_right_option() {
    answer_right_through_the_page(ItemKind::MultipleSelect).await;
}

#[wasm_bindgen_test]
async fn numeric_is_answered_by_typing_a_number() {
    answer_right_through_the_page(ItemKind::Numeric).await;
}

#[wasm_bindgen_test]
async fn short_text_is_answered_by_typing_words() {
    answer_right_through_the_page(ItemKind::ShortText).await;
}

#[wasm_bindgen_test]
async fn ordering_is_answered_with_the_move_buttons_alone() {
    answer_right_through_the_page(ItemKind::Ordering).await;
}

#[wasm_bindgen_test]
async fn a_wrong_choice_reaches_the_page_as_given() {
    let instance = instance_of(ItemKind::SingleChoice, 5);
    let mounted = mount_player(&instance, None);
    leptos::task::tick().await;
    let Response::Choice { index: right } = model_answer(&instance) else {
        panic!("a single-choice answer");
    };
    let wrong = (right + 1) % instance.choices.len();
    give(&instance, &Response::Choice { index: wrong }).await;
    submit(&mounted.root).await;
    let given = mounted.given.lock().map(|g| g.clone()).unwrap_or_default();
    assert_eq!(given, vec![Response::Choice { index: wrong }]);
    assert!(!judge(&instance, &given[0]).expect("judged").correct);
    mounted.root.remove();
}

#[wasm_bindgen_test]
async fn an_answer_already_given_is_shown_and_locked() {
    let instance = instance_of(ItemKind::Numeric, 9);
    let given = Response::Number {
        text: "12 3/4".into(),
    };
    let mounted = mount_player(&instance, Some(given));
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = mounted
        .root
        .query_selector("input[type=text]")
        .ok()
        .flatten()
        .expect("a text field")
        .unchecked_into();
    assert_eq!(input.value(), "12 3/4");
    assert!(input.read_only());
    let button: web_sys::HtmlButtonElement = mounted
        .root
        .query_selector("[data-testid=submit-answer]")
        .ok()
        .flatten()
        .expect("a submit button")
        .unchecked_into();
    assert!(button.disabled());
    button.click();
    leptos::task::tick().await;
    assert!(mounted.given.lock().map(|g| g.is_empty()).unwrap_or(false));
    mounted.root.remove();
}

#[wasm_bindgen_test]
async fn moving_an_ordering_entry_is_announced_and_keeps_focus_on_its_button() {
    let instance = instance_of(ItemKind::Ordering, 13);
    let mounted = mount_player(&instance, None);
    leptos::task::tick().await;
    // The entry shown second moves up to first place.
    let entry = instance.start_order[1];
    super::answering::click_id(&format!("{}-{entry}-up", instance.item_id));
    leptos::task::tick().await;
    let first = mounted
        .root
        .query_selector(".order-entry")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-entry"));
    assert_eq!(first, Some(entry.to_string()));
    let status = mounted
        .root
        .query_selector(".ordering [role=status]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(
        status.contains(&instance.sequence[entry]) && status.contains('1'),
        "{status}"
    );
    // Focus follows the button to its new place after the next frame.
    let frame = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve);
    }));
    let _ = frame.await;
    let focused = leptos::prelude::document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default();
    // At the top its up button is disabled, so focus is on its down button.
    assert_eq!(focused, format!("{}-{entry}-down", instance.item_id));
    mounted.root.remove();
}
