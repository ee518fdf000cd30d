//! The course map: the chosen course's units in order, what each builds on, and
//! every objective with its mastery level.

use crate::app::components::course_picker::CoursePicker;
use crate::app::components::level_badge::{LevelBadge, LevelLegend};
use crate::app::components::rich_text::RichText;
use crate::app::context::{AppContext, Library};
use crate::app::text;
use crate::domain::curriculum::{Course, Curriculum};
use crate::domain::mastery::MasteryLevel;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CourseMap() -> impl IntoView {
    let context = expect_context::<AppContext>();
    let chosen = move || {
        let Library::Ready(curricula) = context.library.get() else {
            return None;
        };
        let choice = context.chosen_course.get()?;
        let curriculum = curricula
            .iter()
            .find(|curriculum| curriculum.id == choice.curriculum_id)?
            .clone();
        curriculum.course(&choice.course_id)?;
        Some((curriculum, choice.course_id))
    };
    view! {
        <CoursePicker />
        {move || match chosen() {
            Some((curriculum, course_id)) => {
                view! { <CourseView curriculum course_id /> }.into_any()
            }
            None => view! { <p class="status">{text::NO_COURSE_CHOSEN}</p> }.into_any(),
        }}
    }
}

#[component]
fn CourseView(curriculum: Arc<Curriculum>, course_id: String) -> impl IntoView {
    let Some(course) = curriculum.course(&course_id).cloned() else {
        return view! { <p class="status">{text::NO_COURSE_CHOSEN}</p> }.into_any();
    };
    // No attempt has been recorded yet, so every objective is Not started; levels
    // will come from replaying the student's attempt log.
    let level = MasteryLevel::NotStarted;
    let total = course.objective_count();
    let mastered = 0;
    let meta = course_meta(&curriculum, &course);
    view! {
        <section class="course" aria-labelledby="course-title" data-testid="course-map">
            <h1 id="course-title">{course.title.clone()}</h1>
            <p class="course-meta">{meta}</p>
            {(!course.description.is_empty())
                .then(|| {
                    view! {
                        <div class="course-description">
                            <RichText text=course.description.clone() />
                        </div>
                    }
                })}
            <p class="course-progress">
                <progress max=total value=mastered aria-hidden="true"></progress>
                <span data-testid="course-progress">{text::objectives_mastered(mastered, total)}</span>
            </p>
            <ol class="unit-map">
                {course
                    .units
                    .iter()
                    .enumerate()
                    .map(|(index, unit)| {
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
                        view! {
                            <li class="unit-card">
                                <h2 id=heading_id>
                                    <span class="unit-number">
                                        {format!("{} {}", text::UNIT_WORD, index + 1)}
                                    </span>
                                    {unit.title.clone()}
                                </h2>
                                <p class="unit-meta">
                                    {text::objectives_in_unit(unit.objectives.len())}
                                </p>
                                {(!builds_on.is_empty())
                                    .then(|| {
                                        view! {
                                            <p class="unit-prerequisites">
                                                {text::BUILDS_ON} " " {builds_on.join(", ")}
                                            </p>
                                        }
                                    })}
                                <ul class="objectives">
                                    {unit
                                        .objectives
                                        .iter()
                                        .map(|objective| {
                                            view! {
                                                <li class="objective">
                                                    <span class="objective-target">
                                                        {objective.target.clone()}
                                                    </span>
                                                    <LevelBadge level />
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <section class="levels" aria-labelledby="levels-heading">
                <h2 id="levels-heading">{text::LEVELS_HEADING}</h2>
                <LevelLegend />
            </section>
        </section>
    }
    .into_any()
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
