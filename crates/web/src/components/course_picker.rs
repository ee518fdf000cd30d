//! The list of courses to choose from, across every curriculum of the library
//! (a bundled one is fetched when one of its courses is chosen).

use crate::library::{offered_courses, Library};
use crate::student::StudentSession;
use crate::text;
use leptos::prelude::*;

#[component]
pub fn CoursePicker() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let choices = move || {
        session.device.library.with(|library| match library {
            Library::Ready(shelves) => offered_courses(shelves),
            _ => Vec::new(),
        })
    };
    view! {
        <nav class="course-picker" aria-label=text::COURSES_NAV_LABEL>
            <ul>
                {move || {
                    choices()
                        .into_iter()
                        .map(|(choice, title)| {
                            let this = choice.clone();
                            let is_current = move || {
                                session.chosen_course().as_ref() == Some(&this)
                            };
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="course-choice"
                                        aria-current=move || is_current().then_some("page")
                                        on:click=move |_| session.open_course(&choice)
                                    >
                                        {title}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}
