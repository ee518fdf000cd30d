//! Opening a Masterly file on the student's side: a course, the teacher's class
//! file, or the student's own progress file from another device. A plain file
//! field (keyboard- and screen-reader-friendly) that also takes a dropped file;
//! the size is checked before reading, the kind is read from the file, every
//! problem is listed with where it is, and nothing changes until the student has
//! seen a preview and confirmed it.

use crate::browser::{dropped_files, read_chosen_file, take_chosen_files};
use crate::components::problem_list::ProblemList;
use crate::student::StudentSession;
use crate::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::LoadedCurriculum;
use masterly_core::format::class_file::ClassFile;
use masterly_core::format::files::{read_masterly_file, MasterlyFile};
use masterly_core::format::progress::{ProgressBundle, PROGRESS_LIMITS};
use masterly_core::time::{iso_date, DAY_MS};
use masterly_text::{say_all, Say};
use std::sync::Arc;

/// Problems listed at first; the rest open in place.
const SHOWN_PROBLEMS: usize = 20;

/// Where opening a file has got to.
#[derive(Debug, Clone, PartialEq, Default)]
enum Stage {
    #[default]
    Idle,
    /// A message, with the problems that stopped the file (or none).
    Said {
        message: String,
        problems: Vec<String>,
    },
    Course {
        loaded: Arc<LoadedCurriculum>,
        text: Arc<String>,
    },
    Class(Arc<ClassFile>),
    Progress(Arc<ProgressBundle>),
}

fn said(message: impl Into<String>, problems: Vec<String>) -> Stage {
    Stage::Said {
        message: message.into(),
        problems,
    }
}

#[component]
pub fn OpenFile() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let stage = RwSignal::new(Stage::Idle);
    let dragging = RwSignal::new(false);
    let open = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else {
            return;
        };
        let name = file.name();
        stage.set(said(text::READING_FILE, Vec::new()));
        leptos::task::spawn_local(async move {
            let file_text = match read_chosen_file(&file, PROGRESS_LIMITS.max_bytes).await {
                Ok(file_text) => file_text,
                Err(message) => return stage.set(said(message, Vec::new())),
            };
            let read = read_masterly_file(&file_text);
            // The curricula here must be known, and a bundled one the file names
            // fetched, so that the preview and what the file does compare it with
            // the curriculum itself.
            if let Ok(file) = &read {
                session.device.library_loaded().await;
                session.device.fetch_listed(file.curriculum_id()).await;
            }
            stage.set(match read {
                Ok(MasterlyFile::Curriculum(loaded)) => Stage::Course {
                    loaded: Arc::new(loaded),
                    text: Arc::new(file_text),
                },
                Ok(MasterlyFile::Class(file)) => Stage::Class(Arc::new(file)),
                Ok(MasterlyFile::Progress(bundle)) => Stage::Progress(Arc::new(bundle)),
                Err(problems) => said(
                    text::file_problems(&name, problems.len()),
                    say_all(&problems),
                ),
            });
        });
    };
    let on_change = move |event: leptos::ev::Event| open(take_chosen_files(&event));
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        open(dropped_files(&event));
    };
    view! {
        <div
            class="open-file"
            class:dragging=move || dragging.get()
            data-testid="open-file"
            on:dragover=move |event: leptos::ev::DragEvent| {
                event.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label for="open-file">{text::OPEN_FILE}</label>
            <p class="hint" id="open-file-hint">{text::OPEN_FILE_HINT}</p>
            <input
                id="open-file"
                type="file"
                accept=".json,application/json"
                aria-describedby="open-file-hint open-file-outcome"
                on:change=on_change
            />
            <div id="open-file-outcome" role="status" data-testid="open-file-outcome">
                {move || match stage.get() {
                    Stage::Idle => ().into_any(),
                    Stage::Said { message, problems } => {
                        view! { <Said message problems /> }.into_any()
                    }
                    Stage::Course { loaded, text } => {
                        view! { <CoursePreview loaded text stage /> }.into_any()
                    }
                    Stage::Class(file) => view! { <ClassPreview file stage /> }.into_any(),
                    Stage::Progress(bundle) => {
                        view! { <ProgressPreview bundle stage /> }.into_any()
                    }
                }}
            </div>
        </div>
    }
}

/// A message, and the problems that stopped the file, if any.
#[component]
fn Said(message: String, problems: Vec<String>) -> impl IntoView {
    view! {
        <p>{message.clone()}</p>
        <ProblemList heading=message problems shown=SHOWN_PROBLEMS />
    }
}

/// The confirm and cancel buttons under a preview. `on_confirm` is boxed so that
/// the buttons are compiled once, not once per preview.
#[component]
fn Confirm(
    label: &'static str,
    stage: RwSignal<Stage>,
    on_confirm: Box<dyn Fn()>,
) -> impl IntoView {
    view! {
        <div class="confirm-row">
            <button type="button" class="primary" data-testid="confirm-open" on:click=move |_| on_confirm()>
                {label}
            </button>
            <button type="button" on:click=move |_| stage.set(Stage::Idle)>
                {text::CANCEL}
            </button>
        </div>
    }
}

#[component]
fn CoursePreview(
    loaded: Arc<LoadedCurriculum>,
    text: Arc<String>,
    stage: RwSignal<Stage>,
) -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let curriculum = &loaded.curriculum;
    let courses = curriculum
        .courses
        .iter()
        .map(|course| {
            let objectives: usize = course.units.iter().map(|u| u.objectives.len()).sum();
            let line = text::course_preview_line(&course.title, course.units.len(), objectives);
            view! { <li>{line}</li> }
        })
        .collect_view();
    let warnings = loaded
        .warnings
        .iter()
        .map(|warning| view! { <li>{warning.say()}</li> })
        .collect_view();
    let add = move || {
        stage.set(match session.import_curriculum(&text) {
            Ok(imported) => said(imported.message(), Vec::new()),
            Err(problems) => said(text::COURSE_NOT_ADDED, problems),
        });
    };
    view! {
        <div class="file-preview" data-testid="course-preview">
            <h3>{curriculum.title.clone()}</h3>
            <p>{text::curriculum_meta(&curriculum.version, &curriculum.license, &curriculum.authors)}</p>
            <ul>{courses}</ul>
            {(!loaded.warnings.is_empty())
                .then(|| view! { <p>{text::WORTH_A_LOOK}</p> <ul class="file-problems">{warnings}</ul> })}
            <Confirm label=text::ADD_COURSE stage on_confirm={Box::new(add)} />
        </div>
    }
}

#[component]
fn ClassPreview(file: Arc<ClassFile>, stage: RwSignal<Stage>) -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let chosen = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let names = file
        .students
        .iter()
        .map(|student| {
            let id = student.id.clone();
            let checked_id = id.clone();
            view! {
                <li>
                    <label>
                        <input
                            type="radio"
                            name="class-student"
                            value=id.clone()
                            prop:checked=move || chosen.get().as_deref() == Some(checked_id.as_str())
                            on:change=move |_| chosen.set(Some(id.clone()))
                        />
                        {student.nickname.clone()}
                    </label>
                </li>
            }
        })
        .collect_view();
    let join = {
        let file = file.clone();
        move || match chosen.get_untracked() {
            None => problem.set(Some(text::PICK_YOUR_NAME.to_string())),
            // What changed is said in the banner above the page (the course opens).
            Some(id) => match session.join_class(&file, &id) {
                Ok(_) => stage.set(Stage::Idle),
                Err(message) => problem.set(Some(message)),
            },
        }
    };
    view! {
        <div class="file-preview" data-testid="class-preview">
            <h3>{text::class_preview_title(&file.class.name, &file.curriculum.title)}</h3>
            <fieldset>
                <legend>{text::WHICH_IS_YOU}</legend>
                <ul class="roster-choices">{names}</ul>
            </fieldset>
            {move || problem.get().map(|p| view! { <p class="problem">{p}</p> })}
            <Confirm label=text::JOIN_CLASS stage on_confirm={Box::new(join)} />
        </div>
    }
}

#[component]
fn ProgressPreview(bundle: Arc<ProgressBundle>, stage: RwSignal<Stage>) -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let title = session
        .device
        .find_curriculum(&bundle.curriculum.id)
        .map(|c| c.title.clone())
        .unwrap_or_else(|| bundle.curriculum.id.clone());
    let summary = text::progress_preview(
        &bundle.learner.nickname,
        &title,
        bundle.attempts.len(),
        &iso_date(bundle.exported_at.div_euclid(DAY_MS)),
    );
    let add = move || {
        stage.set(match session.add_own_progress((*bundle).clone()) {
            Ok(_) => Stage::Idle, // said in the banner above the page
            Err(problems) => said(text::PROGRESS_NOT_ADDED, problems),
        })
    };
    view! {
        <div class="file-preview" data-testid="progress-preview">
            <p>{summary}</p>
            <Confirm label=text::ADD_ANSWERS stage on_confirm={Box::new(add)} />
        </div>
    }
}

/// Downloads the file of the course open now: bundled or opened from a file.
#[component]
pub fn CurriculumDownload() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let download = move |_| {
        let Some(curriculum) = session.curriculum() else {
            return;
        };
        if let Some(file_text) = session.device.curriculum_file(&curriculum.id) {
            crate::browser::download(&format!("{}.json", curriculum.id), &file_text);
        }
    };
    view! {
        <p class="curriculum-download">
            <button type="button" data-testid="download-course" on:click=download>
                {text::DOWNLOAD_COURSE}
            </button>
            " "
            <span class="hint">{text::DOWNLOAD_COURSE_HINT}</span>
        </p>
    }
}
