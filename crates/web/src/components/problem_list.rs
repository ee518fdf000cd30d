//! A file's problems, however many: the first few listed, the rest behind a summary
//! that opens them in place, and the whole list offered as a text file, for an
//! author or teacher with a long list to work through.

use crate::{browser, text};
use leptos::prelude::*;

/// `problems` under a line that says what they are about (`heading`, also the first
/// line of the downloaded list): the first `shown` listed; any more open in place,
/// and then the whole list downloads as text, a problem on each line.
#[component]
pub fn ProblemList(heading: String, mut problems: Vec<String>, shown: usize) -> impl IntoView {
    let rest = problems.split_off(problems.len().min(shown));
    let list = |problems: Vec<String>| {
        view! {
            <ul class="file-problems">
                {problems.into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}
            </ul>
        }
    };
    let more = (!rest.is_empty()).then(|| {
        let mut whole = format!("{heading}\n");
        for problem in problems.iter().chain(&rest) {
            whole.push_str(problem);
            whole.push('\n');
        }
        view! {
            <details class="more-problems" data-testid="more-problems">
                <summary>{text::more_problems(rest.len())}</summary>
                {list(rest)}
            </details>
            <button
                type="button"
                data-testid="download-problems"
                on:click=move |_| {
                    browser::download_as(text::PROBLEMS_FILE_NAME, "text/plain", &whole);
                }
            >
                {text::DOWNLOAD_PROBLEMS}
            </button>
        }
    });
    view! {
        {(!problems.is_empty()).then(|| list(problems))}
        {more}
    }
}
