//! The start screen of a shared device: pick your name, or add yourself, or start
//! from a file (the teacher's class file, or your progress file from another device).

use crate::components::focus::focus_when_mounted;
use crate::components::open_file::OpenFile;
use crate::student::StudentSession;
use crate::text;
use leptos::prelude::*;
use masterly_text::Say;

#[component]
pub fn StartScreen() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let nickname = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // Off unless the learner ticks it: on a shared computer the next visit after
    // the browser closes asks who is learning.
    let keep = RwSignal::new(false);
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_mounted(heading);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match session.add_learner(&nickname.get_untracked()) {
            Ok(()) => {
                problem.set(None);
                session.keep_signed_in(keep.get_untracked());
            }
            Err(error) => problem.set(Some(text::capitalise(&error.say()))),
        }
    };
    let learners = move || session.profiles.with(|profiles| profiles.profiles.clone());
    // Measured once as the screen opens: it reads all that is stored.
    let room = session.room_left().map(|left| {
        view! {
            <p class="room-left" role="status" data-testid="room-left">
                {text::room_left(left)}
            </p>
        }
    });
    view! {
        <section class="start" aria-labelledby="start-title" data-testid="start-screen">
            <h1 id="start-title" tabindex="-1" node_ref=heading>{text::WHO_IS_LEARNING}</h1>
            {room}
            {move || {
                let learners = learners();
                (!learners.is_empty())
                    .then(|| {
                        view! {
                            <ul class="learner-list">
                                {learners
                                    .into_iter()
                                    .map(|profile| {
                                        let id = profile.learner.id.clone();
                                        view! {
                                            <li>
                                                <button
                                                    type="button"
                                                    class="learner-choice"
                                                    on:click=move |_| {
                                                        session.select_learner(&id);
                                                        session.keep_signed_in(keep.get_untracked());
                                                    }
                                                >
                                                    {profile.learner.nickname.clone()}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
            <p class="keep-signed-in">
                <input
                    id="keep-signed-in"
                    type="checkbox"
                    aria-describedby="keep-signed-in-hint"
                    prop:checked=move || keep.get()
                    on:change=move |event| keep.set(event_target_checked(&event))
                />
                <label for="keep-signed-in">{text::KEEP_SIGNED_IN}</label>
                <span class="hint" id="keep-signed-in-hint">{text::KEEP_SIGNED_IN_HINT}</span>
            </p>
            <form class="add-learner" on:submit=add>
                <label for="nickname">{text::NICKNAME_LABEL}</label>
                <p class="hint" id="nickname-hint">{text::NICKNAME_HINT}</p>
                <div class="field-row">
                    <input
                        id="nickname"
                        name="nickname"
                        type="text"
                        autocomplete="off"
                        maxlength="40"
                        aria-describedby="nickname-hint nickname-problem"
                        aria-invalid=move || problem.get().is_some().then_some("true")
                        prop:value=move || nickname.get()
                        on:input=move |event| nickname.set(event_target_value(&event))
                    />
                    <button type="submit">{text::ADD_LEARNER}</button>
                </div>
                <p class="field-problem" id="nickname-problem" role="alert">
                    {move || problem.get()}
                </p>
            </form>
            <section class="more-courses" aria-labelledby="start-file-heading">
                <h2 id="start-file-heading">{text::START_WITH_FILE}</h2>
                <OpenFile />
            </section>
        </section>
    }
}
