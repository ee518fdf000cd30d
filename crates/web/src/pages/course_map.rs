//! The course map: the chosen course's units in order, what each builds on, where
//! each unit is in the cycle, every objective's level with its reason on demand,
//! the student's goal for the week, and one clear next step.

use crate::browser;
use crate::components::course_picker::CoursePicker;
use crate::components::focus::focus_when_mounted;
use crate::components::level_badge::{LevelBadge, LevelLegend};
use crate::components::open_file::{CurriculumDownload, OpenFile};
use crate::components::rich_text::{MathText, RichText};
use crate::student::StudentSession;
use crate::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::{Course, Curriculum};
use masterly_core::device::workbook::{local_day, week_start, Place};
use masterly_core::learning::plan::PlanRequest;
use masterly_core::learning::replay::{NextStep, Replay};
use masterly_text::Say;
use std::sync::Arc;

#[component]
pub fn CourseMap() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let course_id = move || session.chosen_course().map(|choice| choice.course_id);
    view! {
        <CoursePicker />
        <ResumeBanner />
        {move || match (session.curriculum(), course_id()) {
            (Some(curriculum), Some(course_id)) if curriculum.course(&course_id).is_some() => {
                view! { <CourseView curriculum course_id /> }.into_any()
            }
            _ => view! { <p class="status">{text::NO_COURSE_CHOSEN}</p> }.into_any(),
        }}
        <section class="more-courses" aria-labelledby="more-courses-heading">
            <h2 id="more-courses-heading">{text::MORE_COURSES}</h2>
            <OpenFile />
            <CurriculumDownload />
        </section>
    }
}

/// Offers to go back to a sitting left unfinished.
#[component]
pub fn ResumeBanner() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let unfinished = move || {
        session.workbook.with(|workbook| {
            let sitting = workbook.as_ref()?.sitting.as_ref()?;
            Some((
                sitting.plan.sitting.kind,
                sitting.position,
                sitting.plan.items.len(),
            ))
        })
    };
    move || {
        unfinished().map(|(kind, position, total)| {
            view! {
                <div class="resume" data-testid="resume">
                    <p>{text::unfinished_sitting(kind, position, total)}</p>
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| session.go(Place::Sitting)
                    >
                        {text::CONTINUE}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn CourseView(curriculum: Arc<Curriculum>, course_id: String) -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let Some(course) = curriculum.course(&course_id).cloned() else {
        return view! { <p class="status">{text::NO_COURSE_CHOSEN}</p> }.into_any();
    };
    let course = Arc::new(course);
    let replay = Memo::new(move |_| session.progress().map(|(_, replay)| replay));
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_mounted(heading);
    let meta = course_meta(&curriculum, &course);
    let progress_course = course.clone();
    let progress = Memo::new(move |_| {
        replay.with(|replay| {
            replay
                .as_ref()
                .map_or((0, 0), |replay| replay.course_progress(&progress_course))
        })
    });
    let units_course = course.clone();
    let units_curriculum = curriculum.clone();
    let next_course = course.clone();
    let next_curriculum = curriculum.clone();
    let challenge_course = course.id.clone();
    let challenge_problem = RwSignal::new(None::<String>);
    view! {
        <section class="course" aria-labelledby="course-title" data-testid="course-map">
            <h1 id="course-title" tabindex="-1" node_ref=heading>{course.title.clone()}</h1>
            <p class="course-meta">{meta}</p>
            {(!course.description.is_empty())
                .then(|| {
                    view! {
                        <div class="course-description">
                            <RichText text=course.description.clone() />
                        </div>
                    }
                })}
            <div class="course-status">
                <p class="course-progress">
                    <progress
                        max=move || progress.get().1
                        value=move || progress.get().0
                        aria-hidden="true"
                    ></progress>
                    <span data-testid="course-progress">
                        {move || text::objectives_mastered(progress.get().0, progress.get().1)}
                    </span>
                </p>
                <WeeklyGoal />
                <CourseGoal />
            </div>
            {move || {
                replay
                    .get()
                    .map(|replay| {
                        next_step_view(&next_curriculum, &next_course, &replay, session)
                    })
            }}
            <ol class="unit-map">
                {move || {
                    let replay = replay.get().unwrap_or_default();
                    units_course
                        .units
                        .iter()
                        .enumerate()
                        .map(|(index, unit)| {
                            unit_card(&units_curriculum, index, unit, &replay, session)
                        })
                        .collect_view()
                }}
            </ol>
            <section class="challenge" aria-labelledby="challenge-heading">
                <h2 id="challenge-heading">{text::CHALLENGE_HEADING}</h2>
                <p>{text::CHALLENGE_TEXT}</p>
                <button
                    type="button"
                    data-action="start-challenge"
                    on:click=move |_| {
                        let request = PlanRequest::CourseChallenge {
                            course: challenge_course.clone(),
                        };
                        challenge_problem.set(session.start_sitting(request).err());
                    }
                >
                    {text::START_CHALLENGE}
                </button>
                <p class="field-problem" role="alert">{move || challenge_problem.get()}</p>
            </section>
            <section class="levels" aria-labelledby="levels-heading">
                <h2 id="levels-heading">{text::LEVELS_HEADING}</h2>
                <LevelLegend />
            </section>
        </section>
    }
    .into_any()
}

/// The course the learner aims to master, and by when, when a goal is set.
#[component]
fn CourseGoal() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let goal = move || {
        let (course, date) = session.workbook.with(|workbook| {
            let goals = &workbook.as_ref()?.goals;
            Some((goals.course.clone()?, goals.target_date.clone()))
        })?;
        let title = session
            .curriculum()
            .and_then(|c| c.course(&course).map(|course| course.title.clone()))
            .unwrap_or(course);
        Some(text::course_goal(&title, date.as_deref()))
    };
    move || goal().map(|goal| view! { <p class="course-goal" data-testid="course-goal">{goal}</p> })
}

/// Active minutes this week against the weekly goal.
#[component]
fn WeeklyGoal() -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let minutes = move || {
        session.workbook.with(|workbook| {
            workbook.as_ref().map_or((0, 45), |workbook| {
                let today = local_day(browser::now(), browser::utc_offset_minutes());
                (
                    workbook.active_minutes(week_start(today)),
                    workbook.goals.weekly_minutes,
                )
            })
        })
    };
    view! {
        <p class="weekly-goal">
            <progress
                max=move || minutes().1
                value=move || minutes().0.min(minutes().1)
                aria-hidden="true"
            ></progress>
            <span data-testid="weekly-minutes">
                {move || text::weekly_minutes(minutes().0, minutes().1)}
            </span>
        </p>
    }
}

fn next_step_view(
    curriculum: &Curriculum,
    course: &Course,
    replay: &Replay,
    session: StudentSession,
) -> AnyView {
    let course_id = course.id.clone();
    match replay.next_step(course) {
        NextStep::Review { objectives } => view! {
            <div class="next-step" data-testid="next-step">
                <h2>{text::NEXT_STEP}</h2>
                <p>{text::reviews_due(objectives.len())}</p>
                <button
                    type="button"
                    class="primary"
                    data-action="start-review"
                    on:click=move |_| {
                        let _ = session.start_sitting(PlanRequest::Review {
                            course: course_id.clone(),
                        });
                    }
                >
                    {text::START_REVIEW}
                </button>
            </div>
        }
        .into_any(),
        NextStep::Continue { unit, stage } => {
            let title = curriculum
                .unit(&unit)
                .map_or_else(|| unit.clone(), |u| u.title.clone());
            let advice = text::stage_advice(&stage, |id| {
                curriculum
                    .unit(id)
                    .map_or_else(|| id.to_string(), |u| u.title.clone())
            });
            view! {
                <div class="next-step" data-testid="next-step">
                    <h2>{text::NEXT_STEP}</h2>
                    <p>
                        <strong>{title.clone()}</strong>
                        ": "
                        {advice}
                    </p>
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| session.go(Place::Unit { unit: unit.clone() })
                    >
                        {text::open_unit(&title)}
                    </button>
                </div>
            }
            .into_any()
        }
        NextStep::CourseMastered => view! {
            <div class="next-step" data-testid="next-step">
                <h2>{text::NEXT_STEP}</h2>
                <p>{text::COURSE_MASTERED}</p>
            </div>
        }
        .into_any(),
    }
}

fn unit_card(
    curriculum: &Curriculum,
    index: usize,
    unit: &masterly_core::content::curriculum::Unit,
    replay: &Replay,
    session: StudentSession,
) -> impl IntoView {
    let heading_id = format!("unit-{}", unit.id);
    let builds_on: Vec<String> = unit
        .prerequisites
        .iter()
        .map(|id| {
            curriculum
                .unit(id)
                .map_or_else(|| id.clone(), |unit| unit.title.clone())
        })
        .collect();
    let stage = replay.stage(&unit.id);
    let stage_label = text::stage_label(&stage);
    let unit_id = unit.id.clone();
    let title = unit.title.clone();
    view! {
        <li class="unit-card" data-stage=text::stage_key(&stage)>
            <h2 id=heading_id>
                <span class="unit-number">{format!("{} {}", text::UNIT_WORD, index + 1)}</span>
                {unit.title.clone()}
            </h2>
            <p class="unit-meta">
                {text::objectives_in_unit(unit.objectives.len())} " · "
                <span class="unit-stage">{stage_label}</span>
            </p>
            {(!builds_on.is_empty())
                .then(|| {
                    view! {
                        <p class="unit-prerequisites">{text::BUILDS_ON} " " {builds_on.join(", ")}</p>
                    }
                })}
            {objective_list(unit, replay)}
            <button
                type="button"
                class="open-unit"
                on:click=move |_| session.go(Place::Unit { unit: unit_id.clone() })
            >
                {text::open_unit(&title)}
            </button>
        </li>
    }
}

fn course_meta(curriculum: &Curriculum, course: &Course) -> String {
    let mut parts = vec![curriculum.title.clone()];
    if let Some(grade) = course.grade {
        parts.push(format!("{} {grade}", text::GRADE_WORD));
    }
    parts.push(format!("v{}", curriculum.version));
    parts.push(curriculum.license.clone());
    parts.join(" · ")
}

/// A unit's objectives, each with its level and the reason for it on demand.
pub fn objective_list(
    unit: &masterly_core::content::curriculum::Unit,
    replay: &Replay,
) -> impl IntoView {
    view! {
        <ul class="objectives">
            {unit
                .objectives
                .iter()
                .map(|objective| {
                    let progress = replay.objective(&objective.id);
                    view! {
                        <li class="objective">
                            <span class="objective-target"><MathText text=objective.target.clone() /></span>
                            <LevelBadge level=progress.level />
                            <details class="level-reason">
                                <summary>{text::WHY_THIS_LEVEL}</summary>
                                <p>{progress.say()}</p>
                            </details>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
