//! The browser shell: Leptos components that call the core and render its results.
//! Rules live in `masterly_core`; nothing here decides what a student has mastered.

pub mod address;
pub mod browser;
pub mod components;
pub mod device;
pub mod fault;
pub mod fetch;
pub mod files;
pub mod free_space;
pub mod library;
pub mod pages;
pub mod storage;
pub mod student;
pub mod teacher;
pub mod text;

use components::notices::{ExportButton, ExportProgress, Notices};
use device::Device;
use leptos::prelude::*;
use library::Library;
use masterly_core::device::workbook::Place;
use pages::course_map::CourseMap;
use pages::results::ResultsPage;
use pages::sitting::SittingPage;
use pages::start::StartScreen;
use pages::teacher::TeacherPage;
use pages::unit::UnitPage;
use student::StudentSession;
use teacher::TeacherSession;

/// How often active time is measured, in milliseconds.
const TICK_MS: u64 = 5_000;

/// The student's app: loads the bundled curricula, then shows the chosen course.
/// The teacher's section is a page of its own (`teacher.html`, [`TeacherApp`]), so
/// a student's browser never downloads it.
#[component]
pub fn App() -> impl IntoView {
    let session = StudentSession::new();
    provide_student(session);
    fault::remember(session);
    session.load_bundled_curricula();
    address::follow_the_address(session);
    // Another tab of the same learner saved: fold its answers in.
    let storage_listener = window_event_listener(leptos::ev::storage, move |event| {
        if let Some(key) = event.key() {
            session.storage_changed(&key);
        }
    });
    on_cleanup(move || storage_listener.remove());
    let ticker = set_interval_with_handle(
        move || session.tick(),
        std::time::Duration::from_millis(TICK_MS),
    );
    on_cleanup(move || {
        if let Ok(handle) = ticker {
            handle.clear();
        }
    });
    let key_listener = window_event_listener(leptos::ev::keydown, move |_| session.interaction());
    let pointer_listener =
        window_event_listener(leptos::ev::pointerdown, move |_| session.interaction());
    on_cleanup(move || {
        key_listener.remove();
        pointer_listener.remove();
    });
    let save_on_hide = window_event_listener(leptos::ev::pagehide, move |_| {
        session.flush_activity();
    });
    on_cleanup(move || save_on_hide.remove());
    view! { <Shell /> }
}

/// The teacher's app (`teacher.html`): the bundled curricula and those opened on
/// this device, then the class reports.
#[component]
pub fn TeacherApp() -> impl IntoView {
    let session = TeacherSession::new();
    provide_teacher(session);
    session.load_library();
    view! { <TeacherShell /> }
}

/// Provides the student's session, and its device for the components both pages
/// use.
pub fn provide_student(session: StudentSession) {
    provide_context(session);
    provide_context(session.device);
    provide_context(ExportProgress(Callback::new(move |()| {
        session.export_progress_and_say_so()
    })));
}

/// Provides the teacher's session, and its device for the components both pages
/// use.
pub fn provide_teacher(session: TeacherSession) {
    provide_context(session);
    provide_context(session.device);
}

/// The teacher's page in the frame every page shares, with the way back to the
/// student's side. Separate from [`TeacherApp`] so that browser tests can mount it
/// over a prepared session.
#[component]
pub fn TeacherShell() -> impl IntoView {
    let library_state = library_state(expect_context::<Device>());
    let main_view = move || match library_state.get() {
        LibraryState::Loading => loading().into_any(),
        LibraryState::Failed(reason) => load_failed(reason).into_any(),
        LibraryState::Ready => view! { <TeacherPage /> }.into_any(),
    };
    let header_end = view! {
        <a class="header-button mode-switch" href="./" data-testid="mode-switch">
            {text::STUDENT_VIEW}
        </a>
    };
    frame(header_end, main_view)
}

/// Header, main region and footer: the frame of both pages.
fn frame(header_end: impl IntoView + 'static, main: impl IntoView + 'static) -> impl IntoView {
    view! {
        <header class="site-header">
            <span class="brand">
                <span class="brand-mark" aria-hidden="true">"M"</span>
                {text::APP_NAME}
            </span>
            <span class="tagline">{text::TAGLINE}</span>
            {header_end}
        </header>
        <main id="main" data-testid="main">
            <Notices />
            {main}
        </main>
        <footer class="site-footer">
            <p>{text::PRIVACY_NOTE}</p>
        </footer>
    }
}

/// The library loading, ready or failed, without its curricula: adding a curriculum
/// to a ready library redraws nothing. (A memo of the library itself would compile a
/// deep comparison of whole curricula, which nothing needs.)
#[derive(Clone, PartialEq)]
enum LibraryState {
    Loading,
    Ready,
    Failed(String),
}

fn library_state(device: Device) -> Memo<LibraryState> {
    Memo::new(move |_| {
        device.library.with(|library| match library {
            Library::Loading => LibraryState::Loading,
            Library::Ready(_) => LibraryState::Ready,
            Library::Failed(reason) => LibraryState::Failed(reason.clone()),
        })
    })
}

fn loading() -> impl IntoView {
    view! { <p class="status" role="status">{text::LOADING_CURRICULA}</p> }
}

fn load_failed(reason: String) -> impl IntoView {
    view! {
        <div class="problem" role="alert">
            <h1>{text::LOAD_FAILED_TITLE}</h1>
            <p>{reason}</p>
        </div>
    }
}

/// The student's page: the frame around whatever the library state calls for.
/// Separate from [`App`] so that browser tests can mount it over a prepared session.
#[component]
pub fn Shell() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    // Pages are rebuilt only when the student moves to another page, not on every
    // change to their workbook, so focus and typed answers stay put. The course map
    // follows a change of course by itself (and keeps what its course file field
    // said); other pages belong to one curriculum.
    let page = Memo::new(move |_| {
        let learner = session.profiles.with(|profiles| profiles.current.clone());
        let place = session.workbook.with(|workbook| {
            workbook.as_ref().map(|w| {
                let curriculum = (w.place != Place::CourseMap).then(|| w.curriculum.id.clone());
                (curriculum, w.place.clone())
            })
        });
        (learner, place)
    });
    let library_state = library_state(session.device);
    // The start screen needs no curriculum, so a new visitor can type their name
    // while the bundled curricula are still loading.
    let signed_in = Memo::new(move |_| page.with(|(learner, _)| learner.is_some()));
    // Nobody signed in: the start screen, not rebuilt when the library loads (a file
    // being opened on it keeps its preview).
    let main_view = move || match signed_in.get().then(|| library_state.get()) {
        None => view! { <StartScreen /> }.into_any(),
        Some(LibraryState::Loading) => loading().into_any(),
        Some(LibraryState::Failed(reason)) => load_failed(reason).into_any(),
        Some(LibraryState::Ready) => (move || match page.get() {
            (None, _) => view! { <StartScreen /> }.into_any(),
            (Some(_), None) => loading().into_any(),
            (Some(_), Some((_, place))) => match place {
                Place::CourseMap => view! { <CourseMap /> }.into_any(),
                Place::Unit { unit } => view! { <UnitPage unit_id=unit /> }.into_any(),
                Place::Sitting => view! { <SittingPage /> }.into_any(),
                Place::Results { sitting } => {
                    view! { <ResultsPage sitting_id=sitting /> }.into_any()
                }
            },
        })
        .into_any(),
    };
    let learner_name = move || {
        session
            .profiles
            .with(|profiles| profiles.current().map(|p| p.learner.nickname.clone()))
    };
    let header_end = view! {
        {move || {
            learner_name()
                .map(|name| {
                    view! {
                        <span class="learner-bar">
                            <span class="learner-name" data-testid="learner-name">
                                {text::signed_in_as(&name)}
                            </span>
                            <ExportButton class="header-button" />
                            <button
                                type="button"
                                class="header-button"
                                data-testid="switch-learner"
                                on:click=move |_| session.sign_out()
                            >
                                {text::SWITCH_LEARNER}
                            </button>
                        </span>
                    }
                })
        }}
        <a class="header-button mode-switch" href="teacher.html" data-testid="mode-switch">
            {text::TEACHER_VIEW}
        </a>
    };
    frame(header_end, main_view)
}
