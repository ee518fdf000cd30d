//! On the teacher's page: the students whose work this browser keeps, how much
//! room it takes, and how to free space safely — a student whose exported progress
//! file holds all their work can be removed, after the teacher confirms
//! (`crate::free_space`).

use crate::browser::utc_offset_minutes;
use crate::components::focus::focus_when_mounted;
use crate::device::Device;
use crate::text;
use leptos::prelude::*;
use masterly_core::device::free_space::StoredLearner;

#[component]
pub fn ThisComputer(device: Device) -> impl IntoView {
    let listed = RwSignal::new(device.stored_learners());
    let confirming = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let remove = move |learner: &StoredLearner| {
        let nickname = &learner.learner.nickname;
        status.set(match device.remove_learner(&learner.learner.id) {
            Ok(()) => text::learner_removed(nickname),
            Err(reason) => text::learner_not_removed(nickname, &reason),
        });
        confirming.set(None);
        listed.set(device.stored_learners());
    };
    let row = move |learner: StoredLearner| {
        let saved = learner
            .file_saved
            .map(|at| text::saved_when(at, utc_offset_minutes()));
        let capacity = listed.with_untracked(|(_, room)| room.capacity);
        let figures = text::stored_figures(
            learner.answers,
            &text::share_of_storage(learner.characters, capacity),
        );
        let status = text::file_status(&learner, saved.clone());
        let id = learner.learner.id.clone();
        let asking = {
            let id = id.clone();
            move || confirming.get().as_deref() == Some(id.as_str())
        };
        let removable = learner.can_be_removed();
        let nickname = learner.learner.nickname.clone();
        view! {
            <li data-testid="stored-learner">
                <strong>{nickname.clone()}</strong>
                <span>{figures}</span>
                <span>{status}</span>
                {move || {
                    if !removable {
                        return ().into_any();
                    }
                    if asking() {
                        let keep = NodeRef::<leptos::html::Button>::new();
                        focus_when_mounted(keep);
                        let learner = learner.clone();
                        let question = text::confirm_removal(
                            &learner.learner.nickname,
                            learner.answers,
                            saved.clone(),
                        );
                        view! {
                            <div class="confirm-removal" role="group" aria-labelledby="removal-question">
                                <p id="removal-question">{question}</p>
                                <button
                                    type="button"
                                    class="danger"
                                    data-testid="confirm-removal"
                                    on:click=move |_| remove(&learner)
                                >
                                    {text::confirm_remove_button(&nickname)}
                                </button>
                                <button
                                    type="button"
                                    node_ref=keep
                                    on:click=move |_| confirming.set(None)
                                >
                                    {text::KEEP}
                                </button>
                            </div>
                        }
                            .into_any()
                    } else {
                        let id = id.clone();
                        view! {
                            <button
                                type="button"
                                data-testid="remove-learner"
                                on:click=move |_| confirming.set(Some(id.clone()))
                            >
                                {text::remove_learner(&nickname)}
                            </button>
                        }
                            .into_any()
                    }
                }}
            </li>
        }
    };
    view! {
        <section class="this-computer" aria-labelledby="this-computer-title" data-testid="this-computer">
            <h2 id="this-computer-title">{text::THIS_COMPUTER_TITLE}</h2>
            <p>{text::FREE_SPACE_HOW}</p>
            <p data-testid="computer-room">
                {move || {
                    listed
                        .with(|(learners, room)| {
                            let answers = learners.iter().map(|l| l.answers as u64).sum();
                            let work = learners.iter().map(|l| l.characters).sum();
                            text::computer_room(room.percent_used(), room.answers_left(answers, work))
                        })
                }}
            </p>
            <p role="status" data-testid="removal-status">{move || status.get()}</p>
            {move || {
                let learners = listed.with(|(learners, _)| learners.clone());
                if learners.is_empty() {
                    view! { <p>{text::NO_STORED_LEARNERS}</p> }.into_any()
                } else {
                    view! {
                        <ul class="stored-learners">
                            {learners.into_iter().map(row).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
