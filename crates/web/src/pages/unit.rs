//! A unit walked through the mastery cycle: what to do now, given where the unit
//! is (readiness check, lessons, check A, correctives and enrichment, check B, the
//! unit test, mastered), with the lessons always at hand.

use crate::components::focus::focus_when_mounted;
use crate::components::rich_text::{MathText, RichText};
use crate::pages::course_map::{objective_list, ResumeBanner};
use crate::student::StudentSession;
use crate::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::{Curriculum, Objective, Unit};
use masterly_core::device::workbook::Place;
use masterly_core::learning::plan::PlanRequest;
use masterly_core::learning::replay::UnitStage;

#[component]
pub fn UnitPage(unit_id: String) -> impl IntoView {
    let session = expect_context::<StudentSession>();
    // The unit is looked up in the curriculum where it is needed, not copied.
    let found = session.curriculum().and_then(|curriculum| {
        let unit = curriculum.unit(&unit_id)?;
        let title = unit.title.clone();
        let lessons = unit.objectives.iter().map(lesson_view).collect_view();
        Some((curriculum, title, lessons))
    });
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_mounted(heading);
    let back = move |_| session.go(Place::CourseMap);
    let Some((curriculum, title, lessons)) = found else {
        return view! {
            <section class="unit-page">
                <h1 tabindex="-1" node_ref=heading>{text::UNIT_NOT_FOUND}</h1>
                <button type="button" on:click=back>{text::BACK_TO_MAP}</button>
            </section>
        }
        .into_any();
    };
    let replay = Memo::new(move |_| {
        session
            .progress()
            .map(|(_, replay)| replay)
            .unwrap_or_default()
    });
    let problem = RwSignal::new(None::<String>);
    let stage_id = unit_id.clone();
    let stage = Memo::new(move |_| replay.with(|replay| replay.stage(&stage_id)));
    let levels_curriculum = curriculum.clone();
    let levels_id = unit_id.clone();
    // What to do now: before the lessons, except while the lessons are what to do
    // now (then the button that starts check A comes after them).
    let actions = move |after_lessons: bool| {
        let curriculum = curriculum.clone();
        let unit_id = unit_id.clone();
        move || {
            let stage = stage.get();
            if matches!(stage, UnitStage::Instruction) != after_lessons {
                return None;
            }
            let unit = curriculum.unit(&unit_id)?;
            let actions = stage_actions(&curriculum, unit, &stage, problem, session);
            Some(view! {
                {actions}
                <p class="field-problem" role="alert">{move || problem.get()}</p>
            })
        }
    };
    view! {
        <section class="unit-page" aria-labelledby="unit-title" data-testid="unit-page">
            <button type="button" class="back" on:click=back>{text::BACK_TO_MAP}</button>
            <h1 id="unit-title" tabindex="-1" node_ref=heading>{title}</h1>
            <ResumeBanner />
            <p class="unit-stage-line" data-testid="unit-stage">
                {move || text::stage_label(&stage.get())}
            </p>
            {move || {
                let unit = levels_curriculum.unit(&levels_id)?;
                Some(replay.with(|replay| objective_list(unit, replay)))
            }}
            {actions(false)}
            <details class="lessons" open=move || matches!(stage.get(), UnitStage::Instruction)>
                <summary>
                    <h2>{text::LESSONS_HEADING}</h2>
                </summary>
                {lessons}
            </details>
            {actions(true)}
        </section>
    }
    .into_any()
}

fn start_button(
    label: &'static str,
    request: PlanRequest,
    primary: bool,
    problem: RwSignal<Option<String>>,
    session: StudentSession,
) -> impl IntoView {
    // Names the action for tests and for the end-to-end run, whatever the label says.
    let action = match &request {
        PlanRequest::Readiness { .. } => "start-readiness",
        PlanRequest::FormativeA { .. } => "start-formative-a",
        PlanRequest::FormativeB { .. } => "start-formative-b",
        PlanRequest::UnitTest { .. } => "start-unit-test",
        PlanRequest::CourseChallenge { .. } => "start-challenge",
        PlanRequest::Review { .. } => "start-review",
        PlanRequest::Practice { .. } => "start-practice",
    };
    view! {
        <button
            type="button"
            class=if primary { "primary" } else { "" }
            data-action=action
            on:click=move |_| problem.set(session.start_sitting(request.clone()).err())
        >
            {label}
        </button>
    }
}

fn stage_actions(
    curriculum: &Curriculum,
    unit: &Unit,
    stage: &UnitStage,
    problem: RwSignal<Option<String>>,
    session: StudentSession,
) -> AnyView {
    let unit_id = unit.id.clone();
    let readiness = PlanRequest::Readiness {
        unit: unit_id.clone(),
    };
    let formative_a = PlanRequest::FormativeA {
        unit: unit_id.clone(),
    };
    let formative_b = PlanRequest::FormativeB {
        unit: unit_id.clone(),
    };
    let unit_test = PlanRequest::UnitTest {
        unit: unit_id.clone(),
    };
    let title_of = |id: &str| {
        curriculum
            .unit(id)
            .map_or_else(|| id.to_string(), |u| u.title.clone())
    };
    let go_to_units = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                let target = id.clone();
                view! {
                    <button type="button" on:click=move |_| session.go(Place::Unit { unit: target.clone() })>
                        {text::open_unit(&title_of(id))}
                    </button>
                }
            })
            .collect_view()
    };
    let advice = text::stage_advice(stage, |id| title_of(id));
    let actions = match stage {
        UnitStage::Locked { missing } => view! {
            <div class="actions">
                {go_to_units(missing)}
                {start_button(text::RETAKE_READINESS, readiness, false, problem, session)}
            </div>
        }
        .into_any(),
        UnitStage::PreAssessment { prerequisites } => view! {
            <div class="actions">
                {start_button(text::START_READINESS, readiness, true, problem, session)}
                {go_to_units(prerequisites)}
            </div>
        }
        .into_any(),
        UnitStage::Gaps { objectives } => view! {
            <div class="cycle-step">
                {correctives_section(curriculum, text::GAPS_HEADING, objectives, Some(&unit.id), problem, session)}
                <div class="actions">
                    {start_button(text::RECHECK_GAPS, readiness, true, problem, session)}
                </div>
            </div>
        }
        .into_any(),
        UnitStage::Instruction => view! {
            <div class="actions">
                {start_button(text::START_FORMATIVE_A, formative_a, true, problem, session)}
                {start_button(text::SKIP_AHEAD, unit_test, false, problem, session)}
            </div>
        }
        .into_any(),
        UnitStage::InProgress { .. } => view! {
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| session.go(Place::Sitting)>
                    {text::CONTINUE}
                </button>
            </div>
        }
        .into_any(),
        UnitStage::Corrective {
            objectives,
            enrichment,
        } => view! {
            <div class="cycle-step">
                {correctives_section(curriculum, text::CORRECTIVES_HEADING, objectives, None, problem, session)}
                {enrichment_section(unit, enrichment)}
                <div class="actions">
                    {start_button(text::START_FORMATIVE_B, formative_b, true, problem, session)}
                </div>
            </div>
        }
        .into_any(),
        UnitStage::Enrichment => {
            let all: Vec<String> = unit.objectives.iter().map(|o| o.id.clone()).collect();
            view! {
                <div class="cycle-step">
                    {enrichment_section(unit, &all)}
                    <div class="actions">
                        {start_button(text::START_UNIT_TEST, unit_test, true, problem, session)}
                    </div>
                </div>
            }
            .into_any()
        }
        UnitStage::Review { objectives } => view! {
            <div class="cycle-step">
                {correctives_section(curriculum, text::CORRECTIVES_HEADING, objectives, None, problem, session)}
                <div class="actions">
                    {start_button(text::START_UNIT_TEST, unit_test, true, problem, session)}
                </div>
            </div>
        }
        .into_any(),
        UnitStage::Mastered => {
            let all: Vec<String> = unit.objectives.iter().map(|o| o.id.clone()).collect();
            view! {
                <div class="cycle-step">
                    {enrichment_section(unit, &all)}
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| session.go(Place::CourseMap)>
                            {text::BACK_TO_MAP}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="stage" data-testid="stage-actions">
            <p class="advice">{advice}</p>
            {actions}
        </div>
    }
    .into_any()
}

fn lesson_view(objective: &Objective) -> impl IntoView {
    view! {
        <article class="lesson">
            <h3><MathText text=objective.target.clone() /></h3>
            <RichText text=objective.lesson.body.clone() heading_level=4 />
            <div class="mastery-looks-like">
                <h4>{text::MASTERY_LOOKS_LIKE}</h4>
                <RichText text=objective.lesson.mastery_looks_like.clone() heading_level=5 />
            </div>
        </article>
    }
}

/// Correctives explain again, differently from the lesson, then offer practice
/// with hints. `for_unit` names the unit when the objective is a gap from before it.
fn corrective_view(
    objective: &Objective,
    for_unit: Option<&str>,
    problem: RwSignal<Option<String>>,
    session: StudentSession,
) -> impl IntoView {
    let practice = PlanRequest::Practice {
        objective: objective.id.clone(),
        items: PRACTICE_ITEMS,
        for_unit: for_unit.map(str::to_string),
    };
    view! {
        <article class="corrective" data-testid="corrective">
            <h3><MathText text=objective.target.clone() /></h3>
            {objective
                .correctives
                .iter()
                .map(|corrective| {
                    view! {
                        <section class="corrective-part">
                            <h4>
                                {if corrective.title.is_empty() {
                                    text::modality_label(corrective.modality).to_string()
                                } else {
                                    corrective.title.clone()
                                }}
                                <span class="modality">
                                    {format!(" ({})", text::modality_label(corrective.modality))}
                                </span>
                            </h4>
                            <RichText text=corrective.body.clone() heading_level=5 />
                        </section>
                    }
                })
                .collect_view()}
            {start_button(text::START_PRACTICE, practice, false, problem, session)}
        </article>
    }
}

/// Objectives to look at again, each with its correctives and practice, under
/// `heading`: a unit's own objectives below the bar, or (with `for_unit`) the gaps
/// a readiness check found in earlier units before that unit.
fn correctives_section(
    curriculum: &Curriculum,
    heading: &'static str,
    objective_ids: &[String],
    for_unit: Option<&str>,
    problem: RwSignal<Option<String>>,
    session: StudentSession,
) -> impl IntoView {
    view! {
        <h2>{heading}</h2>
        {objective_ids
            .iter()
            .filter_map(|id| curriculum.objective(id))
            .map(|(_, objective)| corrective_view(objective, for_unit, problem, session))
            .collect_view()}
    }
}

/// Items in one corrective practice round.
const PRACTICE_ITEMS: u32 = 3;

fn enrichment_section(unit: &Unit, objective_ids: &[String]) -> impl IntoView {
    let tasks: Vec<_> = unit
        .objectives
        .iter()
        .filter(|objective| objective_ids.contains(&objective.id))
        .flat_map(|objective| objective.enrichment.iter().map(move |task| (objective, task)))
        .map(|(objective, task)| {
            view! {
                <article class="enrichment" data-testid="enrichment">
                    <h3>
                        {if task.title.is_empty() { objective.target.clone() } else { task.title.clone() }}
                        <span class="modality">{format!(" ({})", text::enrichment_label(task.kind))}</span>
                    </h3>
                    <RichText text=task.body.clone() heading_level=4 />
                </article>
            }
        })
        .collect_view();
    view! {
        <section class="enrichment-section">
            <h2>{text::ENRICHMENT_HEADING}</h2>
            {tasks}
        </section>
    }
}
