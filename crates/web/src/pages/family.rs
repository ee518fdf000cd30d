//! Pictures of the class reports (the class grid, and goals met week by week),
//! and the summary of one student to print for their family. Every picture has
//! its numbers as text beside it: the report's table, or labels on the bars.

use crate::browser::{keep_in_session, now, print_with, session_value, utc_offset_minutes};
use crate::components::level_badge::LevelLegend;
use crate::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::Course;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::teacher::class::{ClassReports, FamilySummary, Report};
use masterly_text::learning::level_label;

/// Where the tab's session keeps the teacher's name for the summaries.
const TEACHER_NAME: &str = "masterly.teacher.name";

/// Pixels per grid square and per bar.
const SQUARE: usize = 14;
const BAR_WIDTH: usize = 56;
const CHART_HEIGHT: usize = 120;

/// The picture drawn above a report's table, for the reports a picture helps.
pub fn report_picture(reports: &ClassReports, report: Report) -> Option<AnyView> {
    match report {
        Report::Grid => Some(grid_picture(reports)),
        Report::Activity => {
            let students = reports.activity.len() as u32;
            let weeks = reports.activity.first().map_or(0, |row| row.weeks.len());
            let bars = (0..weeks)
                .map(|week| {
                    let day = reports.activity[0].weeks[week].0;
                    let met = reports
                        .activity
                        .iter()
                        .filter(|row| {
                            row.goal_minutes > 0
                                && row
                                    .weeks
                                    .get(week)
                                    .is_some_and(|(_, m)| *m >= row.goal_minutes)
                        })
                        .count() as u32;
                    (masterly_core::time::iso_date(day), met)
                })
                .collect();
            Some(
                view! {
                    <BarChart
                        title=text::goals_met_chart(students as usize)
                        bars
                        most=students
                        goal=None
                    />
                }
                .into_any(),
            )
        }
        _ => None,
    }
}

/// Students × objectives as coloured squares (the level of each in its tooltip);
/// the table under it says every level in words.
fn grid_picture(reports: &ClassReports) -> AnyView {
    let columns = reports.grid.columns.len();
    let rows = reports.grid.rows.len();
    let squares = reports
        .grid
        .rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.cells.iter().enumerate().map(move |(c, cell)| {
                let tip = format!(
                    "{}, {}: {}",
                    row.learner.nickname,
                    reports.grid.columns[c].objective,
                    level_label(cell.level)
                );
                view! {
                    <rect
                        x=(c * SQUARE).to_string()
                        y=(r * SQUARE).to_string()
                        width=(SQUARE - 2).to_string()
                        height=(SQUARE - 2).to_string()
                        class=format!("cell-{}", cell.level.key())
                    >
                        <title>{tip}</title>
                    </rect>
                }
            })
        })
        .collect_view();
    view! {
        <svg
            class="grid-picture"
            role="img"
            aria-label=text::grid_picture_label(rows, columns)
            width=(columns * SQUARE).to_string()
            height=(rows * SQUARE).to_string()
            viewBox=format!("0 0 {} {}", columns * SQUARE, rows * SQUARE)
        >
            {squares}
        </svg>
    }
    .into_any()
}

/// Bars with their value written on them, and a dashed goal line when there is one.
#[component]
fn BarChart(
    title: String,
    bars: Vec<(String, u32)>,
    most: u32,
    goal: Option<u32>,
) -> impl IntoView {
    let top = bars
        .iter()
        .map(|(_, value)| *value)
        .chain(goal)
        .max()
        .unwrap_or(0)
        .max(most)
        .max(1) as usize;
    let label_room = 32;
    let height = CHART_HEIGHT + label_room;
    let width = bars.len().max(1) * BAR_WIDTH;
    let scale = |value: u32| value as usize * CHART_HEIGHT / top;
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(index, (label, value))| {
            let bar = scale(*value);
            let x = index * BAR_WIDTH;
            let middle = (x + BAR_WIDTH / 2).to_string();
            view! {
                <g>
                    <rect
                        x=(x + 6).to_string()
                        y=(CHART_HEIGHT - bar).to_string()
                        width=(BAR_WIDTH - 12).to_string()
                        height=bar.to_string()
                        class="bar"
                    />
                    <text x=middle.clone() y=(CHART_HEIGHT - bar).saturating_sub(4).max(12).to_string() text-anchor="middle">
                        {value.to_string()}
                    </text>
                    <text x=middle y=(height - 6).to_string() text-anchor="middle" class="bar-label">
                        {label.get(5..).unwrap_or(label).to_string()}
                    </text>
                </g>
            }
        })
        .collect_view();
    let goal_line = goal.filter(|g| *g > 0).map(|g| {
        let y = (CHART_HEIGHT - scale(g)).to_string();
        view! { <line x1="0" x2=width.to_string() y1=y.clone() y2=y class="goal-line" /> }
    });
    view! {
        <figure class="chart">
            <svg
                role="img"
                aria-label=title.clone()
                width=width.to_string()
                height=height.to_string()
                viewBox=format!("0 0 {width} {height}")
            >
                {drawn}
                {goal_line}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}

/// Pick a student, see their summary, print it: only the summary prints.
#[component]
pub fn FamilySummaries(reports: ClassReports, course: Course) -> impl IntoView {
    let students: Vec<(String, String)> = reports
        .grid
        .rows
        .iter()
        .map(|row| (row.learner.id.clone(), row.learner.nickname.clone()))
        .collect();
    let chosen = RwSignal::new(students.first().map(|(id, _)| id.clone()));
    let summary = move || {
        chosen
            .get()
            .and_then(|id| reports.family_summary(&course, &id))
    };
    // The teacher's name, printed on every summary; kept in the tab's session.
    let teacher = RwSignal::new(session_value(TEACHER_NAME).unwrap_or_default());
    let today = {
        use masterly_core::time::{iso_date, DAY_MS, MINUTE_MS};
        let local = now() + utc_offset_minutes() * MINUTE_MS;
        iso_date(local.div_euclid(DAY_MS))
    };
    view! {
        <section class="family" aria-labelledby="family-title" data-testid="family">
            <h2 id="family-title">{text::FAMILY_TITLE}</h2>
            <div class="teacher-controls">
                <label for="family-student">{text::STUDENT}</label>
                <select
                    id="family-student"
                    on:change=move |event| chosen.set(Some(event_target_value(&event)))
                >
                    {students
                        .into_iter()
                        .map(|(id, nickname)| view! { <option value=id>{nickname}</option> })
                        .collect_view()}
                </select>
                <label for="teacher-name">{text::TEACHER_NAME_LABEL}</label>
                <input
                    id="teacher-name"
                    type="text"
                    autocomplete="name"
                    prop:value=move || teacher.get()
                    on:change=move |event| {
                        let name = event_target_value(&event);
                        keep_in_session(TEACHER_NAME, &name);
                        teacher.set(name);
                    }
                />
                <button type="button" data-testid="print-summary" on:click=|_| print_with("printing-summary")>
                    {text::PRINT_SUMMARY}
                </button>
            </div>
            {move || {
                let today = today.clone();
                summary()
                    .map(|summary| view! { <SummarySheet summary teacher=teacher.get() today /> })
            }}
        </section>
    }
}

/// One student's summary, from `teacher` (may be empty) on `today` (YYYY-MM-DD):
/// what each level means, what the child can do now and works on next, the
/// course goal and the weeks' minutes. Printed, it fits one page.
#[component]
fn SummarySheet(summary: FamilySummary, teacher: String, today: String) -> impl IntoView {
    let FamilySummary {
        nickname,
        course_title,
        mastered,
        objectives,
        units,
        weeks,
        weekly_goal,
        goal,
    } = summary;
    // Next: the first objective in course order not yet at the bar.
    let next = units
        .iter()
        .flat_map(|(_, objectives)| objectives)
        .find(|(_, level)| *level < MasteryLevel::Proficient)
        .map(|(target, _)| target.clone());
    let goal_line = goal.and_then(|goal| {
        goal.course
            .map(|_| text::family_goal(goal.mastered, goal.total, goal.target_date.as_deref()))
    });
    let week_rows = weeks
        .iter()
        .map(|(week, minutes)| {
            view! {
                <tr>
                    <th scope="row">{week.clone()}</th>
                    <td>{minutes.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="family-summary" data-testid="family-summary">
            <h3>{text::family_heading(&nickname, &course_title)}</h3>
            <p class="family-from">{text::family_from(&teacher, &today)}</p>
            <p>{text::objectives_mastered(mastered, objectives)}</p>
            <p data-testid="family-next">{text::family_next(next.as_deref())}</p>
            {goal_line.map(|line| view! { <p>{line}</p> })}
            {units
                .into_iter()
                .map(|(unit, objectives)| {
                    view! {
                        <h4>{unit}</h4>
                        <ul class="family-objectives">
                            {objectives
                                .into_iter()
                                .map(|(target, level)| {
                                    view! {
                                        <li>
                                            <span class=format!("level level-{}", level.key())>
                                                {level_label(level)}
                                            </span>
                                            " "
                                            {target}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
            <h4>{text::LEVELS_MEAN}</h4>
            <LevelLegend />
            <h4>{text::family_time(weekly_goal)}</h4>
            <BarChart title=text::minutes_chart(weekly_goal) bars=weeks.clone() most=0 goal=Some(weekly_goal) />
            <table class="family-weeks">
                <thead>
                    <tr>
                        <th scope="col">{text::WEEK_OF}</th>
                        <th scope="col">{text::ACTIVE_MINUTES}</th>
                    </tr>
                </thead>
                <tbody>{week_rows}</tbody>
            </table>
        </article>
    }
}
