//! A sitting in progress: one item at a time, hints one step at a time, feedback
//! right after each answer (saved first), the worked solution, and the way on.
//! Assessments take one answer per item; corrective practice lets the student try
//! the same question again until it is right.

use crate::browser;
use crate::components::focus::focus_when_mounted;
use crate::components::item_player::ItemPlayer;
use crate::components::rich_text::{MathText, RichText};
use crate::device::Notice;
use crate::student::StudentSession;
use crate::text;
use leptos::prelude::*;
use masterly_core::content::item::{
    describe_answer, judge, Expected, ItemInstance, Judgement, Response, ResponseError,
};
use masterly_core::device::workbook::Place;
use masterly_core::learning::attempt::{AssessmentKind, Attempt};
use masterly_core::learning::plan::PlannedItem;
use masterly_text::Say;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub fn SittingPage() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    // The item screen is rebuilt only when the student moves to another item.
    let current = Memo::new(move |_| {
        session.workbook.with(|workbook| {
            let sitting = workbook.as_ref()?.sitting.as_ref()?;
            Some((sitting.plan.sitting.id.clone(), sitting.position))
        })
    });
    move || match current.get() {
        Some(_) => view! { <ItemScreen /> }.into_any(),
        None => view! {
            <section class="sitting">
                <p class="status">{text::NO_SITTING}</p>
                <button type="button" on:click=move |_| session.go(Place::CourseMap)>
                    {text::BACK_TO_MAP}
                </button>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn ItemScreen() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let Some(sitting) = session
        .workbook
        .with_untracked(|workbook| workbook.as_ref().and_then(|w| w.sitting.clone()))
    else {
        return ().into_any();
    };
    let Some(planned) = sitting.current().cloned() else {
        return ().into_any();
    };
    let curriculum = session.curriculum();
    let item = curriculum.as_ref().and_then(|curriculum| {
        let (_, objective) = curriculum.objective(&planned.objective)?;
        objective.item(&planned.item).cloned()
    });
    let instance = item
        .as_ref()
        .map(|item| ItemInstance::generate(item, planned.seed));
    let Some(Ok(instance)) = instance else {
        // The curriculum changed under a stored sitting: say so, let the student skip.
        return view! {
            <section class="sitting">
                <p class="problem" role="alert">{text::ITEM_MISSING}</p>
                <button type="button" on:click=move |_| { let _ = session.update(|w| w.advance()); }>
                    {text::SKIP_ITEM}
                </button>
            </section>
        }
        .into_any();
    };
    let instance = Arc::new(instance);
    let kind = sitting.plan.sitting.kind;
    let total = sitting.plan.items.len();
    let position = sitting.position;
    let is_last = sitting.is_last();
    let objective_target = curriculum
        .as_ref()
        .and_then(|c| {
            c.objective(&planned.objective)
                .map(|(_, o)| o.target.clone())
        })
        .unwrap_or_default();
    session.item_shown();

    let hints_shown = Memo::new(move |_| {
        session.workbook.with(|workbook| {
            workbook
                .as_ref()
                .and_then(|w| w.sitting.as_ref())
                .map_or(0, |s| s.hints_shown)
        })
    });
    let tries = Memo::new(move |_| {
        session.workbook.with(|workbook| {
            workbook
                .as_ref()
                .and_then(|w| w.sitting.as_ref())
                .map_or(0, |s| s.tries)
        })
    });
    let feedback_attempt = Memo::new(move |_| {
        session.workbook.with(|workbook| {
            let workbook = workbook.as_ref()?;
            let id = workbook.sitting.as_ref()?.feedback.clone()?;
            workbook.attempt(&id).cloned()
        })
    });
    let answered = Signal::derive(move || feedback_attempt.get().map(|a| a.response));
    let problem = RwSignal::new(None::<String>);
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_mounted(heading);

    let submit_instance = instance.clone();
    let submit_planned = planned.clone();
    let submit_sitting = sitting.plan.sitting.clone();
    let on_submit = Callback::new(move |response: Response| {
        match judge(&submit_instance, &response) {
            Err(error) => problem.set(Some(response_problem(&error))),
            Ok(judgement) => {
                problem.set(None);
                let attempt = new_attempt(
                    session.next_attempt_id(),
                    &submit_planned,
                    submit_sitting.clone(),
                    response,
                    judgement,
                    hints_shown.get_untracked(),
                    session.item_active_seconds(),
                );
                // Saved before the feedback shows: `update` stores, then renders.
                // A question another tab already answered keeps that answer.
                let mut recorded = true;
                let _ = session.update(|workbook| recorded = workbook.record(attempt));
                if !recorded {
                    session
                        .device
                        .notify(Notice::says(text::ANSWERED_IN_ANOTHER_TAB.to_string()));
                }
                session.item_shown();
            }
        }
    });

    let hints = instance.hints.clone();
    let hint_count = hints.len();
    let feedback_instance = instance.clone();
    view! {
        <section class="sitting" aria-labelledby="sitting-title" data-testid="sitting">
            <div class="sitting-head">
                <h1 id="sitting-title" tabindex="-1" node_ref=heading>
                    {text::sitting_title(kind)}
                    <span class="sitting-count" data-testid="item-count">
                        {text::item_of(position + 1, total)}
                    </span>
                </h1>
                <progress max=total value=position aria-hidden="true"></progress>
                <p class="sitting-objective"><MathText text=objective_target /></p>
                <button
                    type="button"
                    class="quiet"
                    on:click=move |_| {
                        let _ = session.update(|workbook| workbook.pause_sitting());
                    }
                >
                    {text::PAUSE}
                </button>
            </div>
            <div
                class="item-frame"
                data-testid="item"
                data-item=planned.item.clone()
                data-seed=planned.seed.to_string()
            >
                <ItemPlayer
                    instance=instance.clone()
                    answered
                    problem=Signal::derive(move || problem.get())
                    on_submit
                />
                {(hint_count > 0)
                    .then(|| {
                        view! {
                            <div class="hints">
                                // Each hint shown is read out where it appears.
                                <ol class="hint-list" aria-live="polite" data-testid="hints">
                                    {move || {
                                        hints
                                            .iter()
                                            .take(hints_shown.get() as usize)
                                            .map(|hint| view! { <li><RichText text=hint.clone() /></li> })
                                            .collect_view()
                                    }}
                                </ol>
                                <button
                                    type="button"
                                    data-testid="show-hint"
                                    disabled=move || {
                                        hints_shown.get() as usize >= hint_count
                                            || feedback_attempt.with(Option::is_some)
                                    }
                                    on:click=move |_| {
                                        let _ = session.update(|w| w.show_hint(hint_count));
                                        // The last hint disables the button: focus goes
                                        // on to the answer instead of the page's top.
                                        if hints_shown.get_untracked() as usize >= hint_count {
                                            focus_answer();
                                        }
                                    }
                                >
                                    {move || text::show_hint(hints_shown.get() as usize, hint_count)}
                                </button>
                            </div>
                        }
                    })}
            </div>
            <div class="feedback-region" role="status" aria-live="polite" data-testid="feedback">
                {move || {
                    feedback_attempt
                        .get()
                        .map(|attempt| {
                            feedback_view(
                                &feedback_instance,
                                &attempt,
                                kind,
                                tries.get(),
                                is_last,
                                session,
                            )
                        })
                }}
            </div>
        </section>
    }
    .into_any()
}

fn response_problem(error: &ResponseError) -> String {
    match error {
        ResponseError::Empty | ResponseError::WrongKind { .. } => text::ANSWER_FIRST.to_string(),
        other => text::capitalise(&other.say()),
    }
}

fn new_attempt(
    id: String,
    planned: &PlannedItem,
    sitting: masterly_core::learning::attempt::Sitting,
    response: Response,
    judgement: Judgement,
    hints_used: u32,
    active_seconds: u32,
) -> Attempt {
    Attempt {
        id,
        at: browser::now(),
        sitting,
        unit: planned.unit.as_str().into(),
        objective: planned.objective.as_str().into(),
        item: planned.item.as_str().into(),
        seed: planned.seed,
        response,
        correct: judgement.correct,
        misconception: judgement.misconception,
        hints_used,
        active_seconds,
    }
}

fn feedback_view(
    instance: &ItemInstance,
    attempt: &Attempt,
    kind: AssessmentKind,
    tries: u32,
    is_last: bool,
    session: StudentSession,
) -> impl IntoView {
    let judgement = judge(instance, &attempt.response).ok();
    let targeted = judgement.as_ref().and_then(|j| j.feedback.clone());
    let near_miss = judgement.as_ref().and_then(|j| j.near_miss);
    let misconception = attempt.misconception.as_deref().and_then(|id| {
        session
            .curriculum()
            .and_then(|c| c.misconception(id).map(|m| m.feedback.clone()))
    });
    let practice = kind == AssessmentKind::Practice;
    let can_retry = practice && !attempt.correct;
    // In practice a wrong answer with nothing targeted to say still gets a step to
    // think with: the first hint the student has not seen, or a general one.
    let step = (can_retry && targeted.is_none() && misconception.is_none() && near_miss.is_none())
        .then(|| {
            usize::try_from(attempt.hints_used)
                .ok()
                .and_then(|seen| instance.hints.get(seen))
                .cloned()
                .unwrap_or_else(|| text::THINK_AGAIN.to_string())
        });
    // Focus goes to the useful way on: trying again when practice allows it.
    let next_button = NodeRef::<leptos::html::Button>::new();
    let retry_button = NodeRef::<leptos::html::Button>::new();
    if can_retry {
        focus_when_mounted(retry_button);
    } else {
        focus_when_mounted(next_button);
    }
    let next_label = if is_last {
        text::SEE_RESULTS
    } else {
        text::NEXT_QUESTION
    };
    view! {
        <div class=if attempt.correct { "feedback right" } else { "feedback not-yet" }>
            <p class="verdict">
                <span aria-hidden="true">{if attempt.correct { "✓ " } else { "✗ " }}</span>
                {text::verdict(attempt.correct, tries)}
            </p>
            {targeted.map(|feedback| view! { <div class="targeted"><RichText text=feedback /></div> })}
            {misconception.map(|feedback| view! { <div class="misconception"><RichText text=feedback /></div> })}
            {near_miss.map(|near| view! { <p class="targeted" data-testid="near-miss">{near.say()}</p> })}
            {step.map(|step| view! {
                <div class="targeted" data-testid="think-step">
                    <p class="step-intro">{text::TRY_THIS}</p>
                    <RichText text=step />
                </div>
            })}
            {(!attempt.correct && !can_retry).then(|| view! {
                <div class="model-answer">{text::THE_ANSWER} " " <strong>{model_answer(instance)}</strong></div>
            })}
            {(!can_retry && !instance.solution.is_empty()).then(|| view! {
                <div class="solution">
                    <h2>{text::WORKED_SOLUTION}</h2>
                    <RichText text=instance.solution.clone() />
                </div>
            })}
            <div class="actions">
                {can_retry.then(|| view! {
                    <button
                        type="button"
                        data-action="try-again"
                        node_ref=retry_button
                        on:click=move |_| {
                            let _ = session.update(|w| w.try_again());
                            // Back to the answer, once the field is open again.
                            request_animation_frame(focus_answer);
                        }
                    >
                        {text::TRY_AGAIN}
                    </button>
                })}
                <button
                    type="button"
                    class="primary"
                    node_ref=next_button
                    data-testid="next"
                    on:click=move |_| { let _ = session.update(|w| w.advance()); }
                >
                    {next_label}
                </button>
            </div>
        </div>
    }
}

/// Focuses the item's first answer control that can take focus (a field, a choice,
/// a picture's point or part, or the answer button), as the next useful place for
/// the keyboard; a disabled button (one part fewer, at one part) is passed over.
fn focus_answer() {
    let found = document().query_selector(
        "[data-testid=item] input:not([type=hidden]):not([disabled]), \
         [data-testid=item] select:not([disabled]), [data-testid=item] [tabindex='0'], \
         [data-testid=item] button:not([disabled])",
    );
    if let Ok(Some(element)) = found {
        // A shaded part is an SVG element: `focus` is the same method on it.
        let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// The right answer, shown after the last try: the choices that were right one by
/// one (each may be a picture), or the answer in words.
fn model_answer(instance: &ItemInstance) -> AnyView {
    match &instance.expected {
        Expected::Multiple(indices) => indices
            .iter()
            .filter_map(|index| instance.choices.iter().find(|c| c.index == *index))
            .enumerate()
            .map(|(n, choice)| {
                view! { {(n > 0).then_some("; ")}<MathText text=choice.text.clone() /> }
            })
            .collect_view()
            .into_any(),
        _ => view! { <MathText text=describe_answer(instance) /> }.into_any(),
    }
}
