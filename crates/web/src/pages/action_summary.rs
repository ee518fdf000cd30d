//! "What to do tomorrow": the core's action summary (masterly_core::teacher::summary)
//! in sentences, at the top of the teacher's reports. Each line names students and
//! units by name and links to the report with the detail. Stuck students are
//! grouped by reason (away for a week or more, not started, locked out of a unit,
//! missing a check or test again), so a class of thirty reads in a glance.

use crate::text;
use leptos::prelude::*;
use masterly_core::format::progress::Learner;
use masterly_core::teacher::class::ClassReports;
use masterly_core::teacher::summary::StuckReason;

fn names(learners: &[Learner]) -> Vec<String> {
    learners.iter().map(|l| l.nickname.clone()).collect()
}

/// The summary of these reports; units of any course of the curriculum (the
/// earlier units a locked student needs first, say) by their titles.
#[component]
pub fn ActionSummaryView(reports: ClassReports) -> impl IntoView {
    let summary = &reports.summary;
    let title = |unit: &str| reports.name(unit);
    let mut lines: Vec<(String, &'static str)> = Vec::new();
    for group in &summary.groups {
        lines.push((
            text::summary_corrective_group(
                &title(&group.unit),
                &names(&group.learners),
                group.objectives.len(),
                &names(&group.tutors),
            ),
            "#groups-title",
        ));
    }
    // One line per reason, naming every student it holds for (a student far behind
    // their goal gets a line of their own, with their figures).
    let mut away: Vec<String> = Vec::new();
    let mut not_started: Vec<String> = Vec::new();
    let mut by_reason: Vec<(String, Vec<String>)> = Vec::new();
    for student in &summary.stuck {
        let name = &student.learner.nickname;
        for reason in &student.reasons {
            match reason {
                StuckReason::Inactive { days } => away.push(text::name_with_days(name, *days)),
                StuckReason::NotStarted => not_started.push(name.clone()),
                StuckReason::BehindGoal { .. } => lines.push((
                    text::summary_behind(name, &text::stuck_reason(reason, &title)),
                    "#goals-title",
                )),
                other => {
                    let sentence = text::stuck_reason(other, &title);
                    match by_reason.iter_mut().find(|(s, _)| *s == sentence) {
                        Some((_, names)) => names.push(name.clone()),
                        None => by_reason.push((sentence, vec![name.clone()])),
                    }
                }
            }
        }
    }
    for (reason, names) in by_reason {
        lines.push((text::summary_stuck(&reason, &names), "#grid-title"));
    }
    if !away.is_empty() {
        lines.push((text::summary_away(&away), "#activity-title"));
    }
    if !not_started.is_empty() {
        lines.push((text::summary_not_started(&not_started), "#grid-title"));
    }
    for group in &summary.enrichment {
        lines.push((
            text::summary_enrichment(&title(&group.unit), &names(&group.learners)),
            "#groups-title",
        ));
    }
    for note in &summary.persistence {
        lines.push((
            text::summary_persistence(&note.learner.nickname, &title(&note.unit), note.tries),
            "#persistence-title",
        ));
    }
    let empty = lines.is_empty();
    view! {
        <section class="action-summary" aria-labelledby="summary-title" data-testid="action-summary">
            <h2 id="summary-title">{text::SUMMARY_TITLE}</h2>
            {empty.then(|| view! { <p>{text::SUMMARY_NOTHING}</p> })}
            <ul>
                {lines
                    .into_iter()
                    .map(|(line, detail)| {
                        view! {
                            <li>
                                {line} " "
                                <a href=detail>{text::SUMMARY_DETAIL}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
