//! The teacher's section: read many progress files at once (and a class file made
//! before), set up the class file with each student's goals, then every report of
//! the chosen course, each downloadable as CSV, with a printable summary per
//! student for families. The class lives in this tab only (its files in the tab's
//! session storage, read again after a reload).

use crate::browser::{
    download_as, mark, now, print_with, take_chosen_files, utc_offset_minutes, REPORTS_BUILT_MARK,
};
use crate::components::level_badge::{LevelBadge, LevelKey, ReadinessBadge};
use crate::components::problem_list::ProblemList;
use crate::library::{course_choices, CourseChoice};
use crate::pages::action_summary::ActionSummaryView;
use crate::pages::class_setup::ClassSetup;
use crate::pages::family::{report_picture, FamilySummaries};
use crate::pages::this_computer::ThisComputer;
use crate::teacher::TeacherSession;
use crate::text;
use leptos::prelude::*;
use masterly_core::teacher::class::{Cell, ClassReports, Column, Report, Table};
use masterly_text::teacher::{cell_note, column_note, csv, goal_elsewhere};
use masterly_text::Say;

/// Reasons listed at first per refused file; the rest open in place.
const SHOWN_PROBLEMS: usize = 5;

/// A course choice as a select option's value, and back.
fn choice_value(choice: &CourseChoice) -> String {
    format!("{}:{}", choice.curriculum_id, choice.course_id)
}

fn choice_of(value: &str) -> Option<CourseChoice> {
    let (curriculum_id, course_id) = value.split_once(':')?;
    Some(CourseChoice {
        curriculum_id: curriculum_id.to_string(),
        course_id: course_id.to_string(),
    })
}

#[component]
pub fn TeacherPage() -> impl IntoView {
    let session = expect_context::<TeacherSession>();
    let device = session.device;
    let courses = Memo::new(move |_| {
        let curricula = device.curricula();
        course_choices(&curricula)
            .into_iter()
            .map(|(choice, course)| {
                let curriculum = curricula.iter().find(|c| c.id == choice.curriculum_id);
                let from = curriculum.map(|c| c.title.as_str()).unwrap_or_default();
                (choice_value(&choice), format!("{} — {from}", course.title))
            })
            .collect::<Vec<(String, String)>>()
    });
    let choice = session.choice;
    if choice.get_untracked().is_none() {
        choice.set(untrack(|| {
            courses.with(|courses| courses.first().and_then(|(value, _)| choice_of(value)))
        }));
    }
    let (status, lines) = (session.status, session.lines);
    let new_class = move || {
        session.new_class();
        lines.set(Vec::new());
        status.set(String::new());
    };
    let choose = move |event: leptos::ev::Event| {
        if session.pick_course(choice_of(&event_target_value(&event))) {
            lines.set(Vec::new());
        }
    };
    let on_files = move |event: leptos::ev::Event| {
        let files = take_chosen_files(&event);
        leptos::task::spawn_local(async move {
            let read = |done, total| status.set(text::reading_files(done, total));
            let new_lines = session.read_files(files, read).await;
            let refused = new_lines.iter().filter(|line| line.refused).count();
            status.set(text::files_read(new_lines.len() - refused, refused));
            lines.set(new_lines);
        });
    };

    let reports_memo = Memo::new(move |_| {
        let choice = choice.get()?;
        let curriculum = device.find_curriculum(&choice.curriculum_id)?;
        let course = curriculum.course(&choice.course_id)?;
        session.class.with(|class| {
            (!class.students.is_empty()).then(|| {
                let reports =
                    ClassReports::build(&curriculum, course, class, now(), utc_offset_minutes());
                mark(REPORTS_BUILT_MARK);
                reports
            })
        })
    });
    let course_id = move || choice.get().map(|c| c.course_id).unwrap_or_default();
    let selected = move || choice.get().map(|c| choice_value(&c)).unwrap_or_default();
    view! {
        <section class="teacher" aria-labelledby="teacher-title" data-testid="teacher-page">
            <h1 id="teacher-title">{text::TEACHER_TITLE}</h1>
            <p>{text::TEACHER_INTRO}</p>
            <div class="teacher-controls">
                <label for="class-course">{text::CLASS_COURSE_LABEL}</label>
                <select id="class-course" on:change=choose prop:value=selected>
                    {move || {
                        courses
                            .get()
                            .into_iter()
                            .map(|(value, title)| {
                                let is_selected = selected() == value;
                                view! {
                                    <option value=value selected=is_selected>
                                        {title}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <label for="progress-files">{text::PROGRESS_FILES_LABEL}</label>
                <p class="hint" id="progress-files-hint">{text::PROGRESS_FILES_HINT}</p>
                <input
                    id="progress-files"
                    type="file"
                    multiple
                    accept=".json,application/json"
                    aria-describedby="progress-files-hint"
                    on:change=on_files
                />
                <button
                    type="button"
                    on:click=move |_| new_class()
                >
                    {text::CLEAR_CLASS}
                </button>
            </div>
            <p role="status" data-testid="import-status">{move || status.get()}</p>
            <ul class="file-outcomes" data-testid="file-outcomes">
                {move || {
                    lines
                        .get()
                        .into_iter()
                        .map(|line| {
                            view! {
                                <li class:refused=line.refused>
                                    {line.message.clone()}
                                    <ProblemList
                                        heading=line.message
                                        problems=line.problems
                                        shown=SHOWN_PROBLEMS
                                    />
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <ClassSetup choice=choice.into() />
            {move || match reports_memo.get() {
                None => view! { <p data-testid="no-class">{text::NO_CLASS_YET}</p> }.into_any(),
                Some(reports) => {
                    let sections = Report::ALL
                        .into_iter()
                        .map(|report| {
                            let title_id = format!("{}-title", report.key());
                            let labelled_by = title_id.clone();
                            let table = reports.table(report);
                            let shown = table.clone();
                            let download = move |_| {
                                download_as(
                                    &text::csv_file_name(report.key(), &course_id()),
                                    "text/csv",
                                    &csv(&shown),
                                );
                            };
                            let picture = report_picture(&reports, report);
                            let grid = report == Report::Grid;
                            view! {
                                <section
                                    class=format!("report report-{}", report.key())
                                    aria-labelledby=labelled_by
                                >
                                    <h2 id=title_id>{text::report_heading(report)}</h2>
                                    <button
                                        type="button"
                                        class="csv-button"
                                        data-testid=format!("csv-{}", report.key())
                                        on:click=download
                                    >
                                        {text::DOWNLOAD_CSV}
                                    </button>
                                    {grid.then(|| view! {
                                        <button
                                            type="button"
                                            class="print-button"
                                            data-testid="print-grid"
                                            on:click=|_| print_with("print-grid")
                                        >
                                            {text::PRINT_GRID}
                                        </button>
                                    })}
                                    {picture}
                                    {grid.then(|| view! { <LevelKey /> })}
                                    <ReportTable table report />
                                </section>
                            }
                        })
                        .collect_view();
                    let summary_course = choice
                        .get_untracked()
                        .and_then(|c| {
                            device.find_curriculum(&c.curriculum_id)?.course(&c.course_id).cloned()
                        });
                    view! {
                        <p>{text::class_size(reports.grid.rows.len())}</p>
                        <ActionSummaryView reports=reports.clone() />
                        {sections}
                        {summary_course
                            .map(|course| view! { <FamilySummaries reports=reports.clone() course /> })}
                    }
                        .into_any()
                }
            }}
            {(!device.storage_blocked()).then(|| view! { <ThisComputer device /> })}
        </section>
    }
}

/// A report as a table: the first column names the row; a level is a badge
/// (word, shape and colour; in the grid, letter, shape and colour) inside its
/// cell; notes show on hover. Each column heading sorts the rows by that column,
/// and again the other way (`Table::sort_rows`).
#[component]
fn ReportTable(table: Table, report: Report) -> impl IntoView {
    let grid = report == Report::Grid;
    let columns = table.columns.clone();
    let sorted_by = RwSignal::new(None::<(usize, bool)>);
    let rows = move || {
        let mut table = table.clone();
        if let Some((column, descending)) = sorted_by.get() {
            table.sort_rows(column, descending);
        }
        table.rows
    };
    // Ids for tools go to the CSV file only: the page shows names.
    let shown: Vec<bool> = columns.iter().map(|column| !column.for_tools()).collect();
    let headings = columns
        .iter()
        .enumerate()
        .filter(|(index, _)| shown[*index])
        .map(|(index, column)| {
            let order = move || match sorted_by.get() {
                Some((sorted, false)) if sorted == index => Some("ascending"),
                Some((sorted, true)) if sorted == index => Some("descending"),
                _ => None,
            };
            let sort = move |_| {
                sorted_by.update(|by| {
                    *by = match *by {
                        Some((sorted, descending)) if sorted == index => Some((index, !descending)),
                        _ => Some((index, false)),
                    }
                })
            };
            let objective = matches!(column, Column::Objective { .. });
            view! {
                <th
                    scope="col"
                    class:objective-column=objective
                    title=column_note(column)
                    aria-sort=order
                >
                    <button type="button" class="sort" on:click=sort>
                        <span class="heading-words">{column.say()}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0">
            <table data-testid=report.key() class:grid-table=grid>
                <thead>
                    <tr>{headings}</tr>
                </thead>
                <tbody>
                    {move || {
                        rows()
                            .into_iter()
                            .map(|cells| {
                                let mut cells = cells
                                    .into_iter()
                                    .zip(shown.iter())
                                    .filter(|(_, shown)| **shown)
                                    .map(|(cell, _)| cell);
                                // A student whose goal is another course says so
                                // under their name.
                                let first = match cells.next() {
                                    Some(Cell::Learner { nickname, goal_elsewhere: Some(goal) }) => {
                                        view! {
                                            {nickname}
                                            <small class="goal-elsewhere">{goal_elsewhere(&goal)}</small>
                                        }
                                            .into_any()
                                    }
                                    cell => cell.map(|cell| cell.say()).unwrap_or_default().into_any(),
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{first}</th>
                                        {cells
                                            .map(|cell| {
                                                let title = cell_note(&cell);
                                                // A level is a badge inside its cell: the cell
                                                // itself stays a table cell, in its own column.
                                                let cell = match cell {
                                                    Cell::Level { readiness: Some(mark), .. } => {
                                                        view! { <ReadinessBadge mark /> }.into_any()
                                                    }
                                                    Cell::Level { level, .. } => {
                                                        view! { <LevelBadge level compact=grid /> }.into_any()
                                                    }
                                                    other => other.say().into_any(),
                                                };
                                                view! { <td title=title>{cell}</td> }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
