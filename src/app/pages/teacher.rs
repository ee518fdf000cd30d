//! The teacher's section: read many progress files at once, then every report of
//! the chosen course, each downloadable as CSV. The class lives in this tab only.

use crate::app::browser::{
    download_as, now, read_chosen_file, take_chosen_files, utc_offset_minutes,
};
use crate::app::context::{course_choices, AppContext, CourseChoice};
use crate::app::text;
use crate::domain::class::{import_progress_file, ClassReports, FileOutcome, Report, Table};
use crate::domain::mastery::MasteryLevel;
use crate::domain::progress::{CurriculumCheck, PROGRESS_LIMITS};
use crate::domain::reports::ClassRecord;
use leptos::prelude::*;

/// Reasons listed per refused file; the rest are counted.
const SHOWN_PROBLEMS: usize = 5;

/// One file's outcome as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileLine {
    message: String,
    problems: Vec<String>,
    refused: bool,
}

impl AppContext {
    /// Reads progress files (name, text) into the class against one curriculum, and
    /// says what became of each. The class signal changes once, at the end.
    pub fn import_progress_files(
        &self,
        curriculum_id: &str,
        files: Vec<(String, String)>,
    ) -> Vec<(String, FileOutcome)> {
        let Some(curriculum) = untrack(|| self.find_curriculum(curriculum_id)) else {
            return Vec::new();
        };
        let mut class = self.class.get_untracked();
        let check = CurriculumCheck::new(&curriculum);
        let outcomes = files
            .into_iter()
            .map(|(name, file_text)| {
                let outcome = import_progress_file(&mut class, &check, &file_text);
                (name, outcome)
            })
            .collect();
        self.class.set(class);
        outcomes
    }
}

fn file_line(name: &str, outcome: FileOutcome) -> FileLine {
    match outcome {
        FileOutcome::Added {
            nickname,
            added,
            warnings,
        } => FileLine {
            message: text::file_added(name, &nickname, added.new_attempts),
            problems: warnings,
            refused: false,
        },
        FileOutcome::Refused { problems } => FileLine {
            message: text::file_refused(name),
            problems,
            refused: true,
        },
    }
}

#[component]
pub fn TeacherPage() -> impl IntoView {
    let context = expect_context::<AppContext>();
    // The list of courses is read once, when the page opens.
    let curricula = untrack(|| context.curricula());
    let courses: Vec<(CourseChoice, String)> = course_choices(&curricula)
        .into_iter()
        .map(|(choice, course)| {
            let curriculum = curricula.iter().find(|c| c.id == choice.curriculum_id);
            let from = curriculum.map(|c| c.title.as_str()).unwrap_or_default();
            let title = format!("{} — {from}", course.title);
            (choice, title)
        })
        .collect();
    let choice = RwSignal::new(courses.first().map(|(choice, _)| choice.clone()));
    let status = RwSignal::new(String::new());
    let lines = RwSignal::new(Vec::<FileLine>::new());
    let new_class = move || {
        context.class.set(ClassRecord::default());
        lines.set(Vec::new());
        status.set(String::new());
    };

    let choose = {
        let courses = courses.clone();
        move |event: leptos::ev::Event| {
            let picked = event_target_value(&event)
                .parse::<usize>()
                .ok()
                .and_then(|index| courses.get(index))
                .map(|(choice, _)| choice.clone());
            let old = choice.get_untracked().map(|c| c.curriculum_id);
            // Files belong to one curriculum: another curriculum starts a new class.
            if picked.as_ref().map(|c| &c.curriculum_id) != old.as_ref() {
                new_class();
            }
            choice.set(picked);
        }
    };

    let on_files = move |event: leptos::ev::Event| {
        let files = take_chosen_files(&event);
        let Some(curriculum_id) = choice.get_untracked().map(|c| c.curriculum_id) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let total = files.len();
            let mut read = Vec::with_capacity(total);
            let mut refused_early = Vec::new();
            for (done, file) in files.into_iter().enumerate() {
                status.set(text::reading_files(done + 1, total));
                match read_chosen_file(&file, PROGRESS_LIMITS.max_bytes).await {
                    Ok(file_text) => read.push((file.name(), file_text)),
                    Err(message) => refused_early.push(FileLine {
                        message,
                        problems: Vec::new(),
                        refused: true,
                    }),
                }
            }
            let mut new_lines: Vec<FileLine> = context
                .import_progress_files(&curriculum_id, read)
                .into_iter()
                .map(|(name, outcome)| file_line(&name, outcome))
                .collect();
            new_lines.extend(refused_early);
            let refused = new_lines.iter().filter(|line| line.refused).count();
            status.set(text::files_read(new_lines.len() - refused, refused));
            lines.set(new_lines);
        });
    };

    let reports_memo = Memo::new(move |_| {
        let choice = choice.get()?;
        let curriculum = context.find_curriculum(&choice.curriculum_id)?;
        let course = curriculum.course(&choice.course_id)?;
        context.class.with(|class| {
            (!class.students.is_empty()).then(|| {
                ClassReports::build(&curriculum, course, class, now(), utc_offset_minutes())
            })
        })
    });
    let course_id = move || choice.get().map(|c| c.course_id).unwrap_or_default();
    view! {
        <section class="teacher" aria-labelledby="teacher-title" data-testid="teacher-page">
            <h1 id="teacher-title">{text::TEACHER_TITLE}</h1>
            <p>{text::TEACHER_INTRO}</p>
            <div class="teacher-controls">
                <label for="class-course">{text::CLASS_COURSE_LABEL}</label>
                <select id="class-course" on:change=choose>
                    {courses
                        .iter()
                        .enumerate()
                        .map(|(index, (_, title))| {
                            view! { <option value=index.to_string()>{title.clone()}</option> }
                        })
                        .collect_view()}
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
                            let hidden = line.problems.len().saturating_sub(SHOWN_PROBLEMS);
                            view! {
                                <li class:refused=line.refused>
                                    {line.message}
                                    <ul>
                                        {line
                                            .problems
                                            .into_iter()
                                            .take(SHOWN_PROBLEMS)
                                            .map(|problem| view! { <li>{problem}</li> })
                                            .collect_view()}
                                    </ul>
                                    {(hidden > 0).then(|| text::more_problems(hidden))}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
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
                                    &shown.to_csv(),
                                );
                            };
                            view! {
                                <section aria-labelledby=labelled_by>
                                    <h2 id=title_id>{text::report_heading(report)}</h2>
                                    <button
                                        type="button"
                                        class="csv-button"
                                        data-testid=format!("csv-{}", report.key())
                                        on:click=download
                                    >
                                        {text::DOWNLOAD_CSV}
                                    </button>
                                    <ReportTable table report />
                                </section>
                            }
                        })
                        .collect_view();
                    view! {
                        <p>{text::class_size(reports.grid.rows.len())}</p>
                        {sections}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// A report as a table: the first column names the row; level words in the grid
/// are coloured by level (the word is always there); notes show on hover.
#[component]
fn ReportTable(table: Table, report: Report) -> impl IntoView {
    let level_class = move |cell: &str| {
        MasteryLevel::ALL
            .into_iter()
            .find(|level| report == Report::Grid && level.label() == cell)
            .map(|level| format!("level level-{}", level.key()))
    };
    let Table {
        header,
        rows,
        header_notes,
        cell_notes,
    } = table;
    let note = |notes: Option<&String>| notes.filter(|n| !n.is_empty()).cloned();
    view! {
        <div class="table-scroll" tabindex="0">
            <table data-testid=report.key()>
                <thead>
                    <tr>
                        {header
                            .into_iter()
                            .enumerate()
                            .map(|(c, name)| {
                                view! { <th scope="col" title=note(header_notes.get(c))>{name}</th> }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .enumerate()
                        .map(|(r, cells)| {
                            let notes = cell_notes.get(r);
                            let mut cells = cells.into_iter();
                            let first = cells.next().unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{first}</th>
                                    {cells
                                        .enumerate()
                                        .map(|(c, cell)| {
                                            let title = note(notes.and_then(|n| n.get(c + 1)));
                                            let class = level_class(&cell);
                                            view! {
                                                <td class=class title=title>
                                                    {cell}
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
