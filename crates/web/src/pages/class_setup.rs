//! Setting up the class file: the class's name and the grade taught, students from
//! typed nicknames or from the progress files read, each student's course goal
//! (recommended from their benchmark percentile), target date and weekly time
//! goal, then one file for the students to open. The file is checked exactly as a
//! student's copy of Masterly will check it before it is offered.

use crate::browser::{download, now, random_u64};
use crate::library::CourseChoice;
use crate::teacher::TeacherSession;
use crate::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::Curriculum;
use masterly_core::teacher::roster::{student_id, Roster, RosterError, RosterStudent};
use masterly_text::{say_all, Say};
use std::sync::Arc;

#[component]
pub fn ClassSetup(choice: Signal<Option<CourseChoice>>) -> impl IntoView {
    let session = expect_context::<TeacherSession>();
    let curriculum = Memo::new(move |_| {
        choice
            .get()
            .and_then(|choice| session.device.find_curriculum(&choice.curriculum_id))
    });
    let roster = session.roster;
    let typed = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let said = RwSignal::new(String::new());
    let add_typed = move |_| {
        let result = roster
            .try_update(|r| r.add_nicknames(&typed.get_untracked(), || student_id(random_u64())))
            .unwrap_or(Ok(0));
        match result {
            Ok(added) => {
                typed.set(String::new());
                problems.set(Vec::new());
                said.set(text::students_added(added));
            }
            Err(found) => problems.set(say_all(&found)),
        }
    };
    let write_file = move |_| {
        let Some(curriculum) = curriculum.get_untracked() else {
            return;
        };
        match roster.with_untracked(|r| r.class_file(&curriculum, now())) {
            Ok(file) => {
                problems.set(Vec::new());
                let name = text::class_file_name(&file.class.name);
                download(&name, &file.to_json());
                said.set(text::class_file_written(&name, file.students.len()));
            }
            Err(found) => problems.set(say_all(&found)),
        }
    };
    let ids = move || {
        roster.with(|r| {
            r.students
                .iter()
                .map(|s| s.entry.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="class-setup" aria-labelledby="class-setup-title" data-testid="class-setup">
            <h2 id="class-setup-title">{text::CLASS_SETUP_TITLE}</h2>
            <p>{text::CLASS_SETUP_INTRO}</p>
            <div class="field-grid">
                <label for="class-name">{text::CLASS_NAME_LABEL}</label>
                <input
                    id="class-name"
                    type="text"
                    maxlength="80"
                    prop:value=move || roster.with(|r| r.class.name.clone())
                    on:change=move |event| {
                        roster.update(|r| r.class.name = event_target_value(&event));
                    }
                />
                <label for="grade-taught">{text::GRADE_TAUGHT_LABEL}</label>
                <input
                    id="grade-taught"
                    type="number"
                    min="0"
                    max="13"
                    prop:value=move || {
                        roster.with(|r| r.grade_taught.map(|g| g.to_string()).unwrap_or_default())
                    }
                    on:change=move |event| {
                        let grade = event_target_value(&event).trim().parse::<u32>().ok();
                        roster.update(|r| r.grade_taught = grade.filter(|g| *g <= 13));
                    }
                />
            </div>
            <label for="new-students">{text::NEW_STUDENTS_LABEL}</label>
            <p class="hint" id="new-students-hint">{text::NEW_STUDENTS_HINT}</p>
            <textarea
                id="new-students"
                rows="4"
                aria-describedby="new-students-hint"
                prop:value=move || typed.get()
                on:input=move |event| typed.set(event_target_value(&event))
            ></textarea>
            <button type="button" data-testid="add-students" on:click=add_typed>
                {text::ADD_STUDENTS}
            </button>
            {move || {
                curriculum
                    .get()
                    .map(|curriculum| {
                        view! {
                            <div class="table-scroll" tabindex="0">
                                <table data-testid="roster">
                                    <thead>
                                        <tr>
                                            <th scope="col">{text::STUDENT}</th>
                                            <th scope="col">{text::PERCENTILE}</th>
                                            <th scope="col">{text::GOAL_COURSE}</th>
                                            <th scope="col">{text::TARGET_DATE}</th>
                                            <th scope="col">{text::WEEKLY_MINUTES}</th>
                                            <th scope="col">
                                                <span class="visually-hidden">{text::REMOVE}</span>
                                            </th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        <For each=ids key=|id| id.clone() let:id>
                                            <RosterRow id curriculum=curriculum.clone() problems />
                                        </For>
                                    </tbody>
                                </table>
                            </div>
                        }
                    })
            }}
            <button type="button" class="primary" data-testid="write-class-file" on:click=write_file>
                {text::WRITE_CLASS_FILE}
            </button>
            <p role="status" data-testid="class-setup-status">{move || said.get()}</p>
            <div role="alert" data-testid="class-setup-problems">
                <ul class="file-problems">
                {move || {
                    problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()
                }}
            </ul>
            </div>
        </section>
    }
}

/// One student's goals; each field is saved when it changes, and a value that
/// cannot be used is named under the table.
#[component]
fn RosterRow(
    id: String,
    curriculum: Arc<Curriculum>,
    problems: RwSignal<Vec<String>>,
) -> impl IntoView {
    let session = expect_context::<TeacherSession>();
    let roster = session.roster;
    let field = {
        let id = id.clone();
        move |read: fn(&RosterStudent) -> String| {
            let id = id.clone();
            move || roster.with(|r| r.student(&id).map(read).unwrap_or_default())
        }
    };
    let nickname = field(|s| s.entry.nickname.clone());
    let set_percentile = {
        let curriculum = curriculum.clone();
        checked_setter(roster, problems, id.clone(), move |r, id, value| {
            r.set_percentile(id, value, &curriculum)
        })
    };
    let recommended = {
        let (id, curriculum) = (id.clone(), curriculum.clone());
        move || {
            roster.with(|r| {
                r.recommendation(&id, &curriculum)
                    .map(|course| text::recommended(&course.title))
                    .unwrap_or_default()
            })
        }
    };
    let goal = field(|s| s.entry.goals.course.clone().unwrap_or_default());
    let set_goal = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            roster.update(|r| r.set_goal_course(&id, &value));
        }
    };
    let date = field(|s| s.entry.goals.target_date.clone().unwrap_or_default());
    let set_date = checked_setter(roster, problems, id.clone(), Roster::set_target_date);
    let minutes = field(|s| s.entry.goals.weekly_minutes.to_string());
    let set_minutes = checked_setter(roster, problems, id.clone(), Roster::set_weekly_minutes);
    let percentile = field(|s| s.percentile.map(|p| p.to_string()).unwrap_or_default());
    let remove = {
        let id = id.clone();
        move |_| roster.update(|r| r.remove(&id))
    };
    let label = {
        let nickname = nickname.clone();
        move |what: &'static str| {
            let nickname = nickname.clone();
            move || format!("{what}: {}", nickname())
        }
    };
    let goal_options = curriculum
        .courses
        .iter()
        .map(|course| {
            let course_id = course.id.clone();
            let goal = goal.clone();
            view! {
                <option value=course.id.clone() selected=move || goal() == course_id>
                    {course.title.clone()}
                </option>
            }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{nickname.clone()}</th>
            <td>
                <input
                    type="number"
                    min="0"
                    max="100"
                    class="short"
                    aria-label=label(text::PERCENTILE)
                    prop:value=percentile
                    on:change=set_percentile
                />
                <span class="hint">{recommended}</span>
            </td>
            <td>
                <select aria-label=label(text::GOAL_COURSE) prop:value=goal.clone() on:change=set_goal>
                    <option value="">{text::NO_GOAL_COURSE}</option>
                    {goal_options}
                </select>
            </td>
            <td>
                <input type="date" aria-label=label(text::TARGET_DATE) prop:value=date on:change=set_date />
            </td>
            <td>
                <input
                    type="number"
                    min="1"
                    max="600"
                    class="short"
                    aria-label=label(text::WEEKLY_MINUTES)
                    prop:value=minutes
                    on:change=set_minutes
                />
            </td>
            <td>
                <button type="button" aria-label=label(text::REMOVE) on:click=remove>
                    {text::REMOVE}
                </button>
            </td>
        </tr>
    }
}

/// Saves a field of student `id` through `set` when it changes; a value that cannot
/// be used is named under the table (and cleared from there once fixed).
fn checked_setter(
    roster: RwSignal<Roster>,
    problems: RwSignal<Vec<String>>,
    id: String,
    set: impl Fn(&mut Roster, &str, &str) -> Result<(), RosterError> + 'static,
) -> impl Fn(leptos::ev::Event) + 'static {
    move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let result = roster.try_update(|r| set(r, &id, &value)).unwrap_or(Ok(()));
        problems.set(result.err().iter().map(Say::say).collect());
    }
}
