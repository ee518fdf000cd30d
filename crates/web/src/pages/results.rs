//! The outcome of a finished sitting: each objective's score and the level it
//! leads to, with the reason, and persistence recognised.

use crate::components::focus::focus_when_mounted;
use crate::components::level_badge::LevelBadge;
use crate::components::rich_text::MathText;
use crate::student::StudentSession;
use crate::text;
use leptos::prelude::*;
use masterly_core::device::workbook::{score_by_objective, Place};
use masterly_core::learning::attempt::AssessmentKind;
use masterly_core::learning::replay::UnitStage;
use masterly_text::Say;

#[component]
pub fn ResultsPage(sitting_id: String) -> impl IntoView {
    let session = expect_context::<StudentSession>();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_mounted(heading);
    let Some((curriculum, replay)) = untrack(|| session.progress()) else {
        return ().into_any();
    };
    let attempts: Vec<_> = session.workbook.with_untracked(|workbook| {
        workbook
            .as_ref()
            .map(|w| {
                w.sitting_attempts(&sitting_id)
                    .into_iter()
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    });
    let Some(first) = attempts.first() else {
        return view! {
            <section class="results">
                <h1 tabindex="-1" node_ref=heading>{text::NO_RESULTS}</h1>
                <button type="button" on:click=move |_| session.go(Place::CourseMap)>{text::BACK_TO_MAP}</button>
            </section>
        }
        .into_any();
    };
    let sitting = first.sitting.clone();
    let refs: Vec<_> = attempts.iter().collect();
    let scores = score_by_objective(&refs);
    let unit_id = sitting.unit.clone();
    let unit = unit_id.as_deref().and_then(|id| curriculum.unit(id));
    let unit_title = unit.map(|u| u.title.clone());
    let stage = unit_id.as_deref().map(|id| replay.stage(id));
    // A readiness check counts towards no level: its results say only what it
    // showed and what comes next.
    let readiness = sitting.kind == AssessmentKind::Readiness;
    let title_of = |id: &str| {
        curriculum
            .unit(id)
            .map_or_else(|| id.to_string(), |u| u.title.clone())
    };
    let headline = match (&stage, sitting.kind) {
        (Some(UnitStage::Locked { missing }), AssessmentKind::Readiness) => {
            text::readiness_not_yet(&missing.iter().map(|id| title_of(id)).collect::<Vec<_>>())
        }
        (Some(UnitStage::Gaps { objectives }), AssessmentKind::Readiness) => {
            text::readiness_gaps(unit_title.as_deref().unwrap_or_default(), objectives.len())
        }
        (Some(_), AssessmentKind::Readiness) => {
            text::readiness_passed(unit_title.as_deref().unwrap_or_default())
        }
        (Some(UnitStage::Mastered), _) => text::unit_mastered_after(
            unit_title.as_deref().unwrap_or_default(),
            unit_id
                .as_deref()
                .and_then(|id| replay.unit(id))
                .and_then(|u| u.unit_tests_to_pass),
        ),
        _ => text::sitting_done(sitting.kind),
    };
    let back_place = match &unit_id {
        Some(unit) => Place::Unit {
            unit: unit.to_string(),
        },
        None => Place::CourseMap,
    };
    let back_label = unit_title
        .as_deref()
        .map_or_else(|| text::BACK_TO_MAP.to_string(), text::back_to_unit);
    // A unit just mastered: the way on is the course's next unit the student can
    // start (not mastered, not locked).
    let course_id = session
        .workbook
        .with_untracked(|w| w.as_ref().and_then(|w| w.course.clone()));
    let next_unit = matches!(stage, Some(UnitStage::Mastered))
        .then(|| {
            let course = curriculum.course(course_id.as_deref()?)?;
            let here = course
                .units
                .iter()
                .position(|u| Some(u.id.as_str()) == unit_id.as_deref())?;
            course.units[here + 1..]
                .iter()
                .find(|u| {
                    !matches!(
                        replay.stage(&u.id),
                        UnitStage::Mastered | UnitStage::Locked { .. }
                    )
                })
                .map(|u| (u.id.clone(), u.title.clone()))
        })
        .flatten();
    let rows = scores
        .into_iter()
        .map(|score| {
            let target = curriculum
                .objective(&score.objective)
                .map_or_else(|| score.objective.clone(), |(_, o)| o.target.clone());
            let progress = replay.objective(&score.objective).clone();
            // Tries count the checks and tests that were not yet at the bar, plus
            // the one that was: passing each at once is the first try.
            let persistence = progress
                .sittings_to_mastery
                .filter(|_| progress.level == masterly_core::MasteryLevel::Mastered)
                .map(|_| text::mastered_after(progress.missed_before_mastery + 1));
            let level = (!readiness).then(|| {
                view! {
                    <td data-label=text::LEVEL_NOW>
                        <LevelBadge level=progress.level />
                        <p class="reason">{progress.say()}</p>
                        {persistence.map(|p| view! { <p class="persistence">{p}</p> })}
                    </td>
                }
            });
            view! {
                <tr>
                    <th scope="row"><MathText text=target /></th>
                    <td data-testid="score" data-label=text::SCORE_WORD>
                        {format!("{}/{}", score.correct, score.total)}
                    </td>
                    {level}
                </tr>
            }
        })
        .collect_view();
    let advice = stage
        .as_ref()
        .filter(|_| !readiness)
        .map(|stage| text::stage_advice(stage, title_of));
    view! {
        <section class="results" aria-labelledby="results-title" data-testid="results">
            <h1 id="results-title" tabindex="-1" node_ref=heading>{headline}</h1>
            <table class="score-table">
                <caption>{text::RESULTS_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{text::OBJECTIVE_WORD}</th>
                        <th scope="col">{text::SCORE_WORD}</th>
                        {(!readiness).then(|| view! { <th scope="col">{text::LEVEL_NOW}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {advice.map(|advice| view! { <p class="advice" data-testid="results-advice">{advice}</p> })}
            <div class="actions">
                {next_unit.clone().map(|(unit, title)| view! {
                    <button
                        type="button"
                        class="primary"
                        data-action="next-unit"
                        on:click=move |_| session.go(Place::Unit { unit: unit.clone() })
                    >
                        {text::next_unit(&title)}
                    </button>
                })}
                <button
                    type="button"
                    class=if next_unit.is_some() { "" } else { "primary" }
                    data-action="back-to-unit"
                    on:click=move |_| session.go(back_place.clone())
                >
                    {back_label}
                </button>
                // Without a unit, the way back above is the course map already.
                {unit_id.is_some().then(|| view! {
                    <button type="button" on:click=move |_| session.go(Place::CourseMap)>{text::BACK_TO_MAP}</button>
                })}
            </div>
        </section>
    }
    .into_any()
}
