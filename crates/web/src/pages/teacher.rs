//! The teacher's section: read many progress files at once (and a class file made
//! before), set up the class file with each student's goals, then every report of
//! the chosen course, each downloadable as CSV, with a printable summary per
//! student for families. The class lives in this tab only.

use crate::browser::random_u64;
use crate::browser::{
    download_as, mark, now, read_chosen_files, take_chosen_files, utc_offset_minutes,
    FILES_IMPORTED_MARK, FILES_READ_MARK, REPORTS_BUILT_MARK,
};
use crate::components::level_badge::LevelBadge;
use crate::components::problem_list::ProblemList;
use crate::context::{course_choices, new_roster, AppContext, CourseChoice};
use crate::pages::action_summary::ActionSummaryView;
use crate::pages::class_setup::ClassSetup;
use crate::pages::family::{report_picture, FamilySummaries};
use crate::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::Curriculum;
use masterly_core::format::class_file::load_class_file;
use masterly_core::format::json::{file_kind_of, FileKind};
use masterly_core::format::progress::{
    load_progress_quickly, CurriculumCheck, ProgressBundle, ProgressError, PROGRESS_LIMITS,
};
use masterly_core::teacher::class::{
    add_checked_progress, Cell, CheckedProgress, ClassReports, FileOutcome, Report, Table,
};
use masterly_core::teacher::reports::ClassRecord;
use masterly_core::teacher::roster::{student_id, Roster};
use std::sync::Arc;

/// Reasons listed at first per refused file; the rest open in place.
const SHOWN_PROBLEMS: usize = 5;

/// A progress file read in, checked against the course chosen when reading began
/// (while the next file was read), or only loaded.
enum IncomingFile {
    Loaded(Result<ProgressBundle, Vec<ProgressError>>),
    Checked(CheckedProgress),
}

impl IncomingFile {
    fn into_loaded(self) -> Result<ProgressBundle, Vec<ProgressError>> {
        match self {
            IncomingFile::Loaded(loaded) => loaded,
            IncomingFile::Checked(checked) => checked.into_loaded(),
        }
    }
}

/// One file's outcome as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileLine {
    message: String,
    problems: Vec<String>,
    refused: bool,
}

impl AppContext {
    /// Reads loaded progress files (name, what loading gave) into the class against
    /// one curriculum, and says what became of each. The class signal changes once,
    /// at the end, and students new to the roster are added to it.
    pub fn import_progress_files(
        &self,
        curriculum_id: &str,
        files: Vec<(String, Result<ProgressBundle, Vec<ProgressError>>)>,
    ) -> Vec<(String, FileOutcome)> {
        let files = files
            .into_iter()
            .map(|(name, loaded)| (name, IncomingFile::Loaded(loaded)))
            .collect();
        self.import_incoming_files(curriculum_id, files, None)
    }

    /// [`AppContext::import_progress_files`] for files of which some were checked
    /// already, against `checked_against`: their checks are used when that is the
    /// curriculum now, and made again otherwise.
    fn import_incoming_files(
        &self,
        curriculum_id: &str,
        files: Vec<(String, IncomingFile)>,
        checked_against: Option<&Arc<Curriculum>>,
    ) -> Vec<(String, FileOutcome)> {
        let Some(curriculum) = untrack(|| self.find_curriculum(curriculum_id)) else {
            return Vec::new();
        };
        let still_valid = checked_against.is_some_and(|other| Arc::ptr_eq(other, &curriculum));
        // Taken out of the signal, not copied: a class can hold 200,000 answers.
        let mut class = self
            .class
            .try_update_untracked(std::mem::take)
            .unwrap_or_default();
        let mut check = None;
        let outcomes = files
            .into_iter()
            .map(|(name, incoming)| {
                let checked = match incoming {
                    IncomingFile::Checked(checked) if still_valid => checked,
                    other => {
                        let check = check.get_or_insert_with(|| CurriculumCheck::new(&curriculum));
                        CheckedProgress::new(check, other.into_loaded())
                    }
                };
                (name, add_checked_progress(&mut class, checked))
            })
            .collect();
        self.roster.update(|roster| {
            roster.add_from_class(&mut class, || student_id(random_u64()));
        });
        self.class.set(class);
        outcomes
    }

    /// Opens a class file the teacher made before: its course is added when it is
    /// not here, and its roster and goals replace the roster being set up.
    /// Returns the course to show, or every problem found.
    pub fn open_class_file(&self, file_text: &str) -> Result<CourseChoice, Vec<String>> {
        let file = load_class_file(file_text)?;
        let choice = CourseChoice {
            curriculum_id: file.curriculum.id.clone(),
            course_id: file
                .students
                .iter()
                .find_map(|s| s.goals.course.clone())
                .or_else(|| file.curriculum.courses.first().map(|c| c.id.clone()))
                .unwrap_or_default(),
        };
        self.roster.set(Roster::from_file(&file));
        self.add_carried_curriculum(file.curriculum);
        Ok(choice)
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
    let context = expect_context::<AppContext>();
    let courses = Memo::new(move |_| {
        let curricula = context.curricula();
        course_choices(&curricula)
            .into_iter()
            .map(|(choice, course)| {
                let curriculum = curricula.iter().find(|c| c.id == choice.curriculum_id);
                let from = curriculum.map(|c| c.title.as_str()).unwrap_or_default();
                (choice_value(&choice), format!("{} — {from}", course.title))
            })
            .collect::<Vec<(String, String)>>()
    });
    let choice = RwSignal::new(untrack(|| {
        courses.with(|courses| courses.first().and_then(|(value, _)| choice_of(value)))
    }));
    let status = RwSignal::new(String::new());
    let lines = RwSignal::new(Vec::<FileLine>::new());
    let new_class = move || {
        context.class.set(ClassRecord::default());
        context.roster.set(new_roster());
        lines.set(Vec::new());
        status.set(String::new());
    };
    // Files belong to one curriculum: another curriculum starts a new class.
    let switch_to = move |picked: Option<CourseChoice>| {
        let old = choice.get_untracked().map(|c| c.curriculum_id);
        if picked.as_ref().map(|c| &c.curriculum_id) != old.as_ref() {
            context.class.set(ClassRecord::default());
            lines.set(Vec::new());
        }
        choice.set(picked);
    };
    let choose = move |event: leptos::ev::Event| {
        let picked = choice_of(&event_target_value(&event));
        if picked.as_ref().map(|c| &c.curriculum_id)
            != choice.get_untracked().as_ref().map(|c| &c.curriculum_id)
        {
            context.roster.set(new_roster());
        }
        switch_to(picked);
    };

    let on_files = move |event: leptos::ev::Event| {
        let files = take_chosen_files(&event);
        leptos::task::spawn_local(async move {
            let total = files.len();
            let mut class_files = Vec::new();
            let mut progress_files = Vec::with_capacity(total);
            let mut new_lines = Vec::new();
            // Each progress file is loaded as soon as it is in, while the browser
            // reads the rest, and checked against the course chosen now. A class
            // file among them may bring another course: files after it are checked
            // once every file is in, and the earlier ones again if the course changed.
            let checked_against = choice
                .get_untracked()
                .and_then(|choice| context.find_curriculum(&choice.curriculum_id));
            let check = checked_against.as_deref().map(CurriculumCheck::new);
            let each = |index: usize, file: &web_sys::File, outcome: Result<String, String>| {
                status.set(text::reading_files(index + 1, total));
                match outcome {
                    Ok(file_text) if file_kind_of(&file_text) == Some(FileKind::Class) => {
                        class_files.push((file.name(), file_text));
                    }
                    Ok(file_text) => {
                        let loaded = load_progress_quickly(&file_text);
                        let incoming = match &check {
                            Some(check) if class_files.is_empty() => {
                                IncomingFile::Checked(CheckedProgress::new(check, loaded))
                            }
                            _ => IncomingFile::Loaded(loaded),
                        };
                        progress_files.push((file.name(), incoming));
                    }
                    Err(message) => new_lines.push(FileLine {
                        message,
                        problems: Vec::new(),
                        refused: true,
                    }),
                }
            };
            read_chosen_files(files, PROGRESS_LIMITS.max_bytes, each).await;
            mark(FILES_READ_MARK);
            // A class file first: it may bring the course the progress files need.
            for (name, file_text) in class_files {
                new_lines.push(match context.open_class_file(&file_text) {
                    Ok(opened) => {
                        switch_to(Some(opened));
                        FileLine {
                            message: text::class_file_opened(&name),
                            problems: Vec::new(),
                            refused: false,
                        }
                    }
                    Err(problems) => FileLine {
                        message: text::file_refused(&name),
                        problems,
                        refused: true,
                    },
                });
            }
            if let Some(curriculum_id) = choice.get_untracked().map(|c| c.curriculum_id) {
                new_lines.extend(
                    context
                        .import_incoming_files(
                            &curriculum_id,
                            progress_files,
                            checked_against.as_ref(),
                        )
                        .into_iter()
                        .map(|(name, outcome)| file_line(&name, outcome)),
                );
            }
            mark(FILES_IMPORTED_MARK);
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
                                    &shown.to_csv(),
                                );
                            };
                            let picture = report_picture(&reports, report);
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
                                    {picture}
                                    <ReportTable table report />
                                </section>
                            }
                        })
                        .collect_view();
                    let summary_course = choice
                        .get_untracked()
                        .and_then(|c| {
                            context.find_curriculum(&c.curriculum_id)?.course(&c.course_id).cloned()
                        });
                    let summary = summary_course.clone().map(|course| {
                        view! { <ActionSummaryView summary=reports.summary.clone() course /> }
                    });
                    view! {
                        <p>{text::class_size(reports.grid.rows.len())}</p>
                        {summary}
                        {sections}
                        {summary_course
                            .map(|course| view! { <FamilySummaries reports=reports.clone() course /> })}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// A report as a table: the first column names the row; a level is a badge
/// (word, shape and colour) inside its cell; notes show on hover.
#[component]
fn ReportTable(table: Table, report: Report) -> impl IntoView {
    // The ids behind headings are for the CSV file only.
    let Table {
        header,
        rows,
        header_notes,
        cell_notes,
        header_ids: _,
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
                            let first = cells.next().map(|cell| cell.text()).unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{first}</th>
                                    {cells
                                        .enumerate()
                                        .map(|(c, cell)| {
                                            let title = note(notes.and_then(|n| n.get(c + 1)));
                                            // A level is a badge inside its cell: the cell
                                            // itself stays a table cell, in its own column.
                                            let cell = match cell {
                                                Cell::Level(level) => view! { <LevelBadge level /> }
                                                    .into_any(),
                                                other => other.text().into_any(),
                                            };
                                            view! { <td title=title>{cell}</td> }
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
