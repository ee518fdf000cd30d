//! The browser shell: Leptos components that call the domain and render its results.
//! Rules live in `crate::domain`; nothing here decides what a student has mastered.

pub mod components;
pub mod context;
pub mod fetch;
pub mod pages;
pub mod storage;
pub mod text;

use context::{AppContext, Library};
use leptos::prelude::*;
use pages::course_map::CourseMap;

/// The whole app: loads the bundled curricula, then shows the chosen course.
#[component]
pub fn App() -> impl IntoView {
    let context = AppContext::new();
    provide_context(context);
    context.load_bundled_curricula();
    view! { <Shell /> }
}

/// Header, main region and footer around whatever the library state calls for.
/// Separate from [`App`] so that browser tests can mount it over a prepared context.
#[component]
pub fn Shell() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let main_view = move || match context.library.get() {
        Library::Loading => view! {
            <p class="status" role="status">{text::LOADING_CURRICULA}</p>
        }
        .into_any(),
        Library::Failed(reason) => view! {
            <div class="problem" role="alert">
                <h1>{text::LOAD_FAILED_TITLE}</h1>
                <p>{reason}</p>
            </div>
        }
        .into_any(),
        Library::Ready(_) => view! { <CourseMap /> }.into_any(),
    };
    view! {
        <header class="site-header">
            <span class="brand">
                <span class="brand-mark" aria-hidden="true">"M"</span>
                {text::APP_NAME}
            </span>
            <span class="tagline">{text::TAGLINE}</span>
        </header>
        <main id="main" data-testid="main">{main_view}</main>
        <footer class="site-footer">
            <p>{text::PRIVACY_NOTE}</p>
        </footer>
    }
}
