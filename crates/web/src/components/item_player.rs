//! The item player: one question of any kind, answered with mouse or keyboard
//! alone. It only collects a response; judging and saving are the page's job.
//! Ordering uses move-up/move-down buttons, so no dragging is ever needed.

use crate::components::picture::{partition, place_point, shade_parts};
use crate::components::rich_text::{MathText, RichText};
use crate::text;
use leptos::prelude::*;
use masterly_core::content::item::{ItemInstance, ItemKind, Response};
use std::sync::Arc;

/// `answered` is the response already given (the inputs then show it, locked);
/// `problem` is a message about a response that could not be judged.
#[component]
pub fn ItemPlayer(
    instance: Arc<ItemInstance>,
    #[prop(into)] answered: Signal<Option<Response>>,
    #[prop(into)] problem: Signal<Option<String>>,
    on_submit: Callback<Response>,
) -> impl IntoView {
    let prompt_id = format!("prompt-{}", instance.item_id);
    let problem_id = format!("problem-{}", instance.item_id);
    let locked = move || answered.with(Option::is_some);
    let choice = RwSignal::new(None::<usize>);
    let choices = RwSignal::new(Vec::<usize>::new());
    let typed = RwSignal::new(String::new());
    let order = RwSignal::new(instance.start_order.clone());
    // Shown after a reload or a locked answer: the inputs reflect what was given.
    Effect::new(move |_| {
        if let Some(response) = answered.get() {
            match response {
                Response::Choice { index } => choice.set(Some(index)),
                Response::Choices { indices } => choices.set(indices),
                Response::Number { text } | Response::Text { text } => typed.set(text),
                Response::Order { order: given } => order.set(given),
            }
        }
    });
    let kind = instance.kind;
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if locked() {
            return;
        }
        let response = match kind {
            ItemKind::SingleChoice => match choice.get_untracked() {
                Some(index) => Response::Choice { index },
                None => Response::Choices {
                    indices: Vec::new(),
                },
            },
            ItemKind::MultipleSelect => Response::Choices {
                indices: choices.get_untracked(),
            },
            // A picture's input keeps its answer as the number it stands for.
            ItemKind::Numeric | ItemKind::PlacePoint | ItemKind::Shade | ItemKind::Partition => {
                Response::Number {
                    text: typed.get_untracked(),
                }
            }
            ItemKind::ShortText => Response::Text {
                text: typed.get_untracked(),
            },
            ItemKind::Ordering => Response::Order {
                order: order.get_untracked(),
            },
        };
        on_submit.run(response);
    };
    let input = match kind {
        ItemKind::SingleChoice | ItemKind::MultipleSelect => {
            choice_inputs(&instance, &prompt_id, &problem_id, choice, choices, locked).into_any()
        }
        ItemKind::Numeric | ItemKind::ShortText => {
            text_input(&instance, &prompt_id, &problem_id, typed, locked, problem).into_any()
        }
        ItemKind::PlacePoint | ItemKind::Shade | ItemKind::Partition => {
            picture_input(&instance, &prompt_id, typed, Signal::derive(locked))
        }
        ItemKind::Ordering => order_inputs(&instance, &prompt_id, order, locked).into_any(),
    };
    view! {
        <form class="item" data-kind=kind.name() on:submit=submit>
            <div class="prompt" id=prompt_id.clone()>
                <RichText text=instance.prompt.clone() heading_level=3 />
            </div>
            {input}
            <p class="field-problem" id=problem_id role="alert">{move || problem.get()}</p>
            <button type="submit" class="primary" disabled=locked data-testid="submit-answer">
                {text::CHECK_ANSWER}
            </button>
        </form>
    }
}

fn choice_inputs(
    instance: &ItemInstance,
    prompt_id: &str,
    problem_id: &str,
    choice: RwSignal<Option<usize>>,
    choices: RwSignal<Vec<usize>>,
    locked: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let multiple = instance.kind == ItemKind::MultipleSelect;
    let name = format!("choice-{}", instance.item_id);
    view! {
        <fieldset class="choices" aria-labelledby=prompt_id.to_string() aria-describedby=problem_id.to_string()>
            {multiple.then(|| view! { <p class="hint">{text::CHOOSE_ALL}</p> })}
            {instance
                .choices
                .iter()
                .map(|shown| {
                    let index = shown.index;
                    let id = format!("{name}-{index}");
                    let checked = move || {
                        if multiple {
                            choices.with(|chosen| chosen.contains(&index))
                        } else {
                            choice.get() == Some(index)
                        }
                    };
                    let toggle = move |_| {
                        if multiple {
                            choices.update(|chosen| {
                                if let Some(at) = chosen.iter().position(|c| *c == index) {
                                    chosen.remove(at);
                                } else {
                                    chosen.push(index);
                                    masterly_core::order::sort(chosen);
                                }
                            });
                        } else {
                            choice.set(Some(index));
                        }
                    };
                    view! {
                        <div class="choice">
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                id=id.clone()
                                name=name.clone()
                                prop:checked=checked
                                disabled=locked
                                on:change=toggle
                            />
                            <label for=id><MathText text=shown.text.clone() /></label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The picture an item is answered on, with its way of answering. The validator
/// made sure every instance has a picture its kind can use.
fn picture_input(
    instance: &ItemInstance,
    prompt_id: &str,
    typed: RwSignal<String>,
    locked: Signal<bool>,
) -> AnyView {
    let Some(diagram) = &instance.diagram else {
        return ().into_any();
    };
    match instance.kind {
        ItemKind::PlacePoint => place_point(diagram, prompt_id, typed, locked),
        ItemKind::Shade => shade_parts(diagram, typed, locked),
        _ => partition(diagram, typed, locked),
    }
}

fn text_input(
    instance: &ItemInstance,
    prompt_id: &str,
    problem_id: &str,
    typed: RwSignal<String>,
    locked: impl Fn() -> bool + Copy + Send + Sync + 'static,
    problem: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("answer-{}", instance.item_id);
    let numeric = instance.kind == ItemKind::Numeric;
    view! {
        <div class="text-answer">
            <label for=id.clone()>{text::YOUR_ANSWER}</label>
            {numeric.then(|| view! { <p class="hint">{text::NUMBER_FORMS}</p> })}
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=format!("{prompt_id} {problem_id}")
                aria-invalid=move || problem.get().is_some().then_some("true")
                prop:value=move || typed.get()
                readonly=locked
                on:input=move |event| typed.set(event_target_value(&event))
            />
        </div>
    }
}

fn order_inputs(
    instance: &ItemInstance,
    prompt_id: &str,
    order: RwSignal<Vec<usize>>,
    locked: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let sequence = instance.sequence.clone();
    let item_id = instance.item_id.clone();
    let announcement = RwSignal::new(String::new());
    let focus_prefix = StoredValue::new(item_id.clone());
    let move_entry = move |from: usize, to: usize, entry: usize, entry_text: String| {
        let mut last = 0;
        order.update(|order| {
            if to < order.len() && from < order.len() {
                order.swap(from, to);
            }
            last = order.len().saturating_sub(1);
        });
        announcement.set(text::moved_to(&entry_text, to + 1));
        // The buttons are rebuilt in their new places: keep focus on the entry moved,
        // on the button that still works once it reaches the top or the bottom.
        let up = to < from;
        let keep_up = if to == 0 {
            false
        } else if to == last {
            true
        } else {
            up
        };
        let button_id = format!(
            "{}-{entry}-{}",
            focus_prefix.get_value(),
            if keep_up { "up" } else { "down" }
        );
        request_animation_frame(move || {
            if let Some(button) = document().get_element_by_id(&button_id) {
                if let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button) {
                    let _ = button.focus();
                }
            }
        });
    };
    view! {
        <div class="ordering" role="group" aria-labelledby=prompt_id.to_string()>
            <p class="hint">{text::ORDER_HINT}</p>
            <ol class="order-list">
                {move || {
                    let current = order.get();
                    let last = current.len().saturating_sub(1);
                    current
                        .iter()
                        .enumerate()
                        .map(|(position, &entry)| {
                            let label = sequence.get(entry).cloned().unwrap_or_default();
                            let up_id = format!("{item_id}-{entry}-up");
                            let down_id = format!("{item_id}-{entry}-down");
                            let (up_label, up_text) = (text::move_up(&label), label.clone());
                            let (down_label, down_text) = (text::move_down(&label), label.clone());
                            view! {
                                <li class="order-entry" data-entry=entry.to_string()>
                                    <span class="order-text"><MathText text=label /></span>
                                    <button
                                        type="button"
                                        id=up_id
                                        aria-label=up_label
                                        disabled=move || locked() || position == 0
                                        on:click=move |_| move_entry(position, position - 1, entry, up_text.clone())
                                    >
                                        "↑"
                                    </button>
                                    <button
                                        type="button"
                                        id=down_id
                                        aria-label=down_label
                                        disabled=move || locked() || position == last
                                        on:click=move |_| move_entry(position, position + 1, entry, down_text.clone())
                                    >
                                        "↓"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <p class="visually-hidden" role="status">{move || announcement.get()}</p>
        </div>
    }
}
