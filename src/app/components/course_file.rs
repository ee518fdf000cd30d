//! Opening a course from a file: a plain file field (keyboard- and screen-reader-
//! friendly), size checked before reading, every problem listed with where it is.

use crate::app::browser::{read_chosen_file, take_chosen_files};
use crate::app::context::AppContext;
use crate::app::text;
use crate::domain::curriculum::CURRICULUM_LIMITS;
use leptos::prelude::*;

/// Problems listed at most; the rest are counted.
const SHOWN_PROBLEMS: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Outcome {
    message: String,
    problems: Vec<String>,
}

#[component]
pub fn CourseFile() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let outcome = RwSignal::new(Outcome::default());
    let on_change = move |event: leptos::ev::Event| {
        let Some(file) = take_chosen_files(&event).into_iter().next() else {
            return;
        };
        let name = file.name();
        outcome.set(Outcome {
            message: text::READING_FILE.to_string(),
            problems: Vec::new(),
        });
        leptos::task::spawn_local(async move {
            let file_text = match read_chosen_file(&file, CURRICULUM_LIMITS.max_bytes).await {
                Ok(file_text) => file_text,
                Err(message) => {
                    outcome.set(Outcome {
                        message,
                        problems: Vec::new(),
                    });
                    return;
                }
            };
            outcome.set(match context.import_curriculum(&file_text) {
                Ok(imported) => Outcome {
                    message: imported.message(),
                    problems: Vec::new(),
                },
                Err(problems) => Outcome {
                    message: text::file_problems(&name, problems.len()),
                    problems,
                },
            });
        });
    };
    view! {
        <div class="course-file">
            <label for="course-file">{text::OPEN_COURSE_FILE}</label>
            <p class="hint" id="course-file-hint">{text::OPEN_COURSE_FILE_HINT}</p>
            <input
                id="course-file"
                type="file"
                accept=".json,application/json"
                aria-describedby="course-file-hint course-file-outcome"
                on:change=on_change
            />
            <div id="course-file-outcome" role="status" data-testid="course-file-outcome">
                {move || {
                    let Outcome { message, problems } = outcome.get();
                    let hidden = problems.len().saturating_sub(SHOWN_PROBLEMS);
                    view! {
                        <p>{message}</p>
                        {(!problems.is_empty())
                            .then(|| {
                                view! {
                                    <ul class="file-problems">
                                        {problems
                                            .into_iter()
                                            .take(SHOWN_PROBLEMS)
                                            .map(|problem| view! { <li>{problem}</li> })
                                            .collect_view()}
                                    </ul>
                                }
                            })}
                        {(hidden > 0).then(|| view! { <p>{text::more_problems(hidden)}</p> })}
                    }
                }}
            </div>
        </div>
    }
}
