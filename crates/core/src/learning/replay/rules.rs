//! The rules of the mastery cycle applied to one scored sitting (the list is at the
//! top of `learning/replay/mod.rs`): levels with their evidence, readiness, review
//! dates, and the stage each unit is at.

use super::*;
use crate::content::curriculum::MasterySettings;
use crate::learning::mastery::{CHALLENGE_BAR_PERCENT, MIN_ANSWERS_TO_MASTER};

pub(super) fn score_sitting(
    replay: &mut Replay,
    progress: &mut [ObjectiveProgress],
    curriculum: &Curriculum,
    index: &ObjectiveIndex,
    sitting: &Sitting,
    answers: &[(u32, &Attempt)],
    at: Millis,
) {
    // One tally per objective, with its unit, found once per sitting.
    let mut tallies: Vec<(u32, &Unit, Tally)> = Vec::new();
    for (objective, answer) in answers {
        let position = match tallies.iter().position(|(o, _, _)| o == objective) {
            Some(position) => position,
            None => {
                tallies.push((
                    *objective,
                    index.units[*objective as usize],
                    Tally::default(),
                ));
                tallies.len() - 1
            }
        };
        let tally = &mut tallies[position].2;
        tally.total += 1;
        if answer.hints_used > 0 {
            tally.hinted += 1;
        }
        if answer.correct {
            let revealed = index
                .revealing_hints
                .get(answer.item.as_str())
                .is_some_and(|&hints| answer.hints_used >= hints);
            if revealed {
                tally.revealed += 1;
            } else {
                tally.correct += 1;
            }
        }
    }
    let settings = &curriculum.mastery;
    match sitting.kind {
        AssessmentKind::Practice => {}
        AssessmentKind::Readiness => {
            // In curriculum order, as the objectives are numbered.
            let mut missed: Vec<u32> = tallies
                .iter()
                .filter(|(_, unit, tally)| !tally.meets(curriculum.bar_percent(unit)))
                .map(|(objective, _, _)| *objective)
                .collect();
            order::sort(&mut missed);
            let gaps: Vec<String> = missed
                .iter()
                .map(|&objective| index.ids[objective as usize].to_string())
                .collect();
            if let Some(unit) = &sitting.unit {
                let progress = unit_progress(replay, unit);
                // A check of the gaps found before narrows them; it never locks.
                let rechecked = matches!(progress.readiness, Some((Readiness::Gaps(_), _)));
                let readiness = if gaps.is_empty() {
                    Readiness::Ready
                } else if gaps.len() * 2 > tallies.len() && !rechecked {
                    Readiness::NotReady
                } else {
                    Readiness::Gaps(gaps)
                };
                progress.readiness = Some((readiness, at));
            }
        }
        kind => {
            // Units a failed readiness check has locked: a course challenge does
            // not undo that check (their objectives reach Proficient at most).
            let locked: Vec<&Unit> = if kind == AssessmentKind::CourseChallenge {
                let mut locked: Vec<&Unit> = Vec::new();
                for (_, unit, _) in &tallies {
                    if !locked.iter().any(|u| std::ptr::eq(*u, *unit))
                        && locked_by_readiness(replay, curriculum, unit)
                    {
                        locked.push(unit);
                    }
                }
                locked
            } else {
                Vec::new()
            };
            let is_locked = |unit: &Unit| locked.iter().any(|u| std::ptr::eq(*u, unit));
            // A course challenge tests what was never taught here, where a guess
            // is likeliest to pass for knowing: it masters only with every answer
            // right (at the unit's bar an objective is Proficient).
            let bar_of = |unit: &Unit| {
                if kind == AssessmentKind::CourseChallenge {
                    CHALLENGE_BAR_PERCENT
                } else {
                    curriculum.bar_percent(unit)
                }
            };
            for (objective, unit, tally) in &tallies {
                apply_score(
                    &mut progress[*objective as usize],
                    kind,
                    *tally,
                    at,
                    curriculum.bar_percent(unit),
                    settings,
                    !is_locked(unit)
                        && (kind != AssessmentKind::CourseChallenge
                            || tally.meets(CHALLENGE_BAR_PERCENT)),
                );
            }
            // Per unit: count the sitting, and judge the summative part.
            let mut touched: Vec<&Unit> = Vec::new();
            for (_, unit, _) in &tallies {
                if !touched.iter().any(|u| std::ptr::eq(*u, *unit)) {
                    touched.push(unit);
                }
            }
            for unit in touched {
                let unit_tally = tallies
                    .iter()
                    .filter(|(_, of, _)| std::ptr::eq(*of, unit))
                    .fold(Tally::default(), |sum, (_, _, t)| Tally {
                        correct: sum.correct + t.correct,
                        total: sum.total + t.total,
                        revealed: sum.revealed + t.revealed,
                        hinted: sum.hinted + t.hinted,
                    });
                // A unit's objectives are numbered consecutively from its first.
                let first = unit
                    .objectives
                    .first()
                    .and_then(|o| index.by_id.get(o.id.as_str()))
                    .map_or(0, |&n| n as usize);
                let all_mastered = progress
                    .get(first..first + unit.objectives.len())
                    .is_some_and(|own| own.iter().all(|p| p.level == MasteryLevel::Mastered));
                let unit_at_bar = tallies
                    .iter()
                    .filter(|(_, of, _)| std::ptr::eq(*of, unit))
                    .all(|(_, _, t)| t.meets(curriculum.bar_percent(unit)));
                let progress = unit_progress(replay, &unit.id);
                progress.sittings += 1;
                progress.last_scored_at = Some(at);
                match kind {
                    AssessmentKind::FormativeB if unit_at_bar => progress.check_b_misses = 0,
                    AssessmentKind::FormativeB => progress.check_b_misses += 1,
                    AssessmentKind::UnitTest if unit_tally.meets(curriculum.bar_percent(unit)) => {
                        progress.check_b_misses = 0;
                        progress.unit_test_misses = 0;
                    }
                    AssessmentKind::UnitTest => progress.unit_test_misses += 1,
                    _ => {}
                }
                let summative = matches!(
                    kind,
                    AssessmentKind::UnitTest | AssessmentKind::CourseChallenge
                );
                if kind == AssessmentKind::UnitTest {
                    progress.unit_tests += 1;
                }
                if summative && !is_locked(unit) && unit_tally.meets(bar_of(unit)) {
                    progress.summative_passed_at = Some(at);
                    if kind == AssessmentKind::UnitTest && progress.unit_tests_to_pass.is_none() {
                        progress.unit_tests_to_pass = Some(progress.unit_tests);
                    }
                }
                if progress.summative_passed_at.is_some()
                    && all_mastered
                    && progress.mastered_at.is_none()
                {
                    progress.mastered_at = Some(at);
                }
            }
        }
    }
}

/// The unit's progress, created on first use (once per unit and sitting, so the
/// id copy is cheap next to the per-attempt work).
pub(super) fn unit_progress<'r>(replay: &'r mut Replay, unit_id: &str) -> &'r mut UnitProgress {
    replay.units.entry(unit_id.to_string()).or_default()
}

/// Whether a failed readiness check locks the unit now: its latest readiness
/// check failed, it was never mastered, and a prerequisite is still not mastered.
fn locked_by_readiness(replay: &Replay, curriculum: &Curriculum, unit: &Unit) -> bool {
    let failed = replay.units.get(&unit.id).is_some_and(|p| {
        matches!(p.readiness, Some((Readiness::NotReady, _))) && p.mastered_at.is_none()
    });
    failed
        && unit.prerequisites.iter().any(|id| {
            curriculum.unit(id).is_some()
                && replay.units.get(id).is_none_or(|p| p.mastered_at.is_none())
        })
}

fn apply_score(
    progress: &mut ObjectiveProgress,
    kind: AssessmentKind,
    tally: Tally,
    at: Millis,
    bar: u32,
    settings: &MasterySettings,
    may_master: bool,
) {
    let familiar = settings.familiar_percent;
    let intervals = &settings.review_intervals_days;
    let before = progress.level;
    let by_score = if tally.meets(bar) {
        MasteryLevel::Proficient
    } else if tally.meets(familiar) {
        MasteryLevel::Familiar
    } else {
        MasteryLevel::Attempted
    };
    let passed = tally.meets(bar);
    // Mastered is kept by a review at the bar, but given only on enough answers.
    let masters =
        before == MasteryLevel::Mastered || (may_master && tally.total >= MIN_ANSWERS_TO_MASTER);
    let (after, change) = if kind.is_mixed() {
        if passed && masters {
            (MasteryLevel::Mastered, LevelChange::Set)
        } else if passed {
            (MasteryLevel::Proficient, LevelChange::Set)
        } else {
            match before {
                MasteryLevel::Mastered => (MasteryLevel::Proficient, LevelChange::Demoted(before)),
                MasteryLevel::Proficient => (MasteryLevel::Familiar, LevelChange::Demoted(before)),
                _ => (by_score, LevelChange::Set),
            }
        }
    } else if before == MasteryLevel::Mastered {
        // A formative after mastery is practice for the student, not evidence
        // against the mixed assessment that established mastery.
        (MasteryLevel::Mastered, LevelChange::Set)
    } else {
        (by_score, LevelChange::Set)
    };
    progress.scored_sittings += 1;
    if !passed && progress.sittings_to_mastery.is_none() {
        progress.missed_before_mastery += 1;
    }
    if !(before == MasteryLevel::Mastered && after == MasteryLevel::Mastered && !kind.is_mixed()) {
        progress.evidence = Some(Evidence {
            kind,
            at,
            correct: tally.correct,
            total: tally.total,
            revealed: tally.revealed,
            hinted: tally.hinted,
            change,
        });
    }
    progress.level = after;

    let interval = |step: usize| -> Millis {
        let days = intervals
            .get(step)
            .or(intervals.last())
            .copied()
            .unwrap_or(1);
        Millis::from(days) * DAY_MS
    };
    // Saturating: `at` comes from the log, and a progress file may say any time
    // after 1970; a review due after the end of time is never due.
    let due = |step: usize| Some(at.saturating_add(interval(step)));
    if after == MasteryLevel::Mastered {
        if progress.sittings_to_mastery.is_none() {
            progress.sittings_to_mastery = Some(progress.scored_sittings);
        }
        if before != MasteryLevel::Mastered {
            progress.review_step = 0;
            progress.review_due = due(0);
        } else if kind == AssessmentKind::Review {
            progress.review_step += 1;
            progress.review_due = due(progress.review_step);
        }
    } else if kind == AssessmentKind::Review {
        // Missed review: demoted, corrective practice, and a new review soon.
        progress.review_step = 0;
        progress.review_due = due(0);
    } else if before == MasteryLevel::Mastered {
        // Missed in a unit test or challenge: back through correctives and the test.
        progress.review_due = None;
    }
}

pub(super) fn unit_stage(replay: &Replay, curriculum: &Curriculum, unit: &Unit) -> UnitStage {
    let progress = replay.units.get(&unit.id).cloned().unwrap_or_default();
    let levels: Vec<(&str, MasteryLevel)> = unit
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), replay.level(&o.id)))
        .collect();
    let all_mastered = levels.iter().all(|(_, l)| *l == MasteryLevel::Mastered);
    if progress.summative_passed_at.is_some() && all_mastered {
        return UnitStage::Mastered;
    }
    if progress.mastered_at.is_some() {
        return UnitStage::Review {
            objectives: levels
                .iter()
                .filter(|(_, l)| *l != MasteryLevel::Mastered)
                .map(|(id, _)| id.to_string())
                .collect(),
        };
    }
    let missing: Vec<String> = unit
        .prerequisites
        .iter()
        .filter(|id| {
            replay
                .units
                .get(*id)
                .is_none_or(|p| p.mastered_at.is_none())
        })
        .cloned()
        .collect();
    if let Some((sitting, _)) = &progress.in_progress {
        return UnitStage::InProgress { kind: sitting.kind };
    }
    if !missing.is_empty() && curriculum.unit(&unit.id).is_some() {
        match &progress.readiness {
            Some((Readiness::Ready, _)) => {}
            Some((Readiness::Gaps(objectives), _)) => {
                return UnitStage::Gaps {
                    objectives: objectives.clone(),
                }
            }
            Some((Readiness::NotReady, _)) => return UnitStage::Locked { missing },
            None => {
                return UnitStage::PreAssessment {
                    prerequisites: missing,
                }
            }
        }
    }
    if progress.sittings == 0 {
        return UnitStage::Instruction;
    }
    let below: Vec<String> = levels
        .iter()
        .filter(|(_, l)| *l < MasteryLevel::Proficient)
        .map(|(id, _)| id.to_string())
        .collect();
    if below.is_empty() {
        UnitStage::Enrichment
    } else {
        UnitStage::Corrective {
            enrichment: levels
                .iter()
                .filter(|(_, l)| *l >= MasteryLevel::Proficient)
                .map(|(id, _)| id.to_string())
                .collect(),
            objectives: below,
        }
    }
}
