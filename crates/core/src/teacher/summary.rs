//! The action summary at the top of the teacher's page: what to do tomorrow, as
//! facts the shell puts into sentences (docs/teacher-view.md). Who needs which
//! corrective with whom as a peer tutor, who is stuck and why, who is ready for
//! enrichment, and whose persistence paid off this week — all from the replays the
//! other reports use.

use crate::content::curriculum::{Course, Curriculum};
use crate::device::workbook::{local_day, week_start};
use crate::format::progress::Learner;
use crate::learning::replay::UnitStage;
use crate::teacher::reports::{unit_groups, StudentReplay, MANY_TRIES};
use crate::time::{days_from_date, Millis};

/// No answer for this many days or more is a student to check on.
pub const INACTIVE_DAYS: i64 = 7;
/// Check B or the unit test below the bar this many times in a row is stuck.
pub const MISSES_STUCK: u32 = 2;
/// This many objectives behind the pace their goal needs is far behind.
pub const BEHIND_BY: usize = 3;

/// Why a student needs the teacher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StuckReason {
    /// No answer in any file yet.
    NotStarted,
    /// The latest answer was this many days ago.
    Inactive { days: i64 },
    /// A failed readiness check locks the unit until these units are mastered.
    LockedByReadiness { unit: String, missing: Vec<String> },
    /// A readiness check found these gaps (objectives of earlier units) before
    /// the unit; the student is looking back at them.
    FillingGaps {
        unit: String,
        objectives: Vec<String>,
    },
    /// Check B below the bar this many times in a row.
    MissedCheckB { unit: String, times: u32 },
    /// The unit test below the bar this many times in a row.
    MissedUnitTest { unit: String, times: u32 },
    /// Objectives mastered of the goal course, and how many its pace needs by now.
    BehindGoal {
        course: String,
        mastered: usize,
        expected: usize,
        total: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StuckStudent {
    pub learner: Learner,
    pub reasons: Vec<StuckReason>,
}

/// Students below the bar in a unit: one corrective group, with classmates who
/// mastered those objectives as suggested peer tutors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectiveGroup {
    pub unit: String,
    pub learners: Vec<Learner>,
    /// The objectives any of them is below the bar on, in course order.
    pub objectives: Vec<String>,
    pub tutors: Vec<Learner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrichmentGroup {
    pub unit: String,
    pub learners: Vec<Learner>,
}

/// A unit mastered this week after many tries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersistenceNote {
    pub learner: Learner,
    pub unit: String,
    pub tries: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionSummary {
    pub groups: Vec<CorrectiveGroup>,
    pub stuck: Vec<StuckStudent>,
    pub enrichment: Vec<EnrichmentGroup>,
    pub persistence: Vec<PersistenceNote>,
}

/// The summary for one course of the curriculum, at `now` in the teacher's time
/// zone (`offset_minutes` east of UTC).
pub fn action_summary(
    curriculum: &Curriculum,
    course: &Course,
    class: &[StudentReplay],
    now: Millis,
    offset_minutes: i64,
) -> ActionSummary {
    let today = local_day(now, offset_minutes);
    let mut summary = ActionSummary::default();

    for unit in unit_groups(course, class) {
        if unit.needs_correctives.is_empty() {
            continue;
        }
        let below = |objective: &str| {
            unit.needs_correctives
                .iter()
                .any(|need| need.objectives.iter().any(|o| o == objective))
        };
        let objectives: Vec<String> = course
            .units
            .iter()
            .flat_map(|u| &u.objectives)
            .filter(|o| below(&o.id))
            .map(|o| o.id.clone())
            .collect();
        let learners: Vec<Learner> = unit
            .needs_correctives
            .iter()
            .map(|need| need.learner.clone())
            .collect();
        let mut tutors: Vec<Learner> = Vec::new();
        for tutor in unit.tutors.iter().flat_map(|t| &t.tutors) {
            let in_group = learners.iter().any(|l| l.id == tutor.id);
            if !in_group && !tutors.iter().any(|t| t.id == tutor.id) {
                tutors.push(tutor.clone());
            }
        }
        summary.groups.push(CorrectiveGroup {
            unit: unit.unit,
            learners,
            objectives,
            tutors,
        });
    }

    for unit in &course.units {
        let learners: Vec<Learner> = class
            .iter()
            .filter(|entry| entry.replay.stage(&unit.id) == UnitStage::Enrichment)
            .map(|entry| entry.student.learner.clone())
            .collect();
        if !learners.is_empty() {
            summary.enrichment.push(EnrichmentGroup {
                unit: unit.id.clone(),
                learners,
            });
        }
    }

    for entry in class {
        let mut reasons = Vec::new();
        let attempts = entry.student.attempts();
        match (attempts.first(), attempts.last()) {
            (Some(first), Some(last)) => {
                let days = today - local_day(last.at, offset_minutes);
                if days >= INACTIVE_DAYS {
                    reasons.push(StuckReason::Inactive { days });
                }
                if let Some(behind) = behind_goal(
                    curriculum,
                    entry,
                    local_day(first.at, offset_minutes),
                    today,
                ) {
                    reasons.push(behind);
                }
            }
            _ => reasons.push(StuckReason::NotStarted),
        }
        for unit in &course.units {
            let stage = entry.replay.stage(&unit.id);
            if stage == UnitStage::Mastered {
                continue;
            }
            let progress = entry.replay.unit(&unit.id);
            match stage {
                UnitStage::Locked { missing } => reasons.push(StuckReason::LockedByReadiness {
                    unit: unit.id.clone(),
                    missing,
                }),
                UnitStage::Gaps { objectives } => reasons.push(StuckReason::FillingGaps {
                    unit: unit.id.clone(),
                    objectives,
                }),
                _ => {}
            }
            let (check_b, unit_test) =
                progress.map_or((0, 0), |p| (p.check_b_misses, p.unit_test_misses));
            if check_b >= MISSES_STUCK {
                reasons.push(StuckReason::MissedCheckB {
                    unit: unit.id.clone(),
                    times: check_b,
                });
            }
            if unit_test >= MISSES_STUCK {
                reasons.push(StuckReason::MissedUnitTest {
                    unit: unit.id.clone(),
                    times: unit_test,
                });
            }
        }
        if !reasons.is_empty() {
            summary.stuck.push(StuckStudent {
                learner: entry.student.learner.clone(),
                reasons,
            });
        }

        let this_week = week_start(today);
        for unit in &course.units {
            let Some(mastered_at) = entry.replay.unit(&unit.id).and_then(|p| p.mastered_at) else {
                continue;
            };
            if week_start(local_day(mastered_at, offset_minutes)) != this_week {
                continue;
            }
            let tries = unit
                .objectives
                .iter()
                .filter_map(|o| entry.replay.objective(&o.id).sittings_to_mastery)
                .max()
                .unwrap_or(0);
            if tries >= MANY_TRIES {
                summary.persistence.push(PersistenceNote {
                    learner: entry.student.learner.clone(),
                    unit: unit.id.clone(),
                    tries,
                });
            }
        }
    }
    summary
}

/// Far behind the goal's pace: objectives mastered of the goal course against the
/// share of the time from the first answer to the target date that has passed.
fn behind_goal(
    curriculum: &Curriculum,
    entry: &StudentReplay,
    first_day: i64,
    today: i64,
) -> Option<StuckReason> {
    let goals = &entry.student.goals;
    let course = curriculum.course(goals.course.as_deref()?)?;
    let target = days_from_date(goals.target_date.as_deref()?)?;
    let (mastered, total) = entry.replay.course_progress(course);
    let expected = if today >= target || target <= first_day {
        total
    } else {
        let elapsed = (today - first_day).max(0) as u128;
        let span = (target - first_day) as u128;
        (total as u128 * elapsed / span) as usize
    };
    (expected >= mastered + BEHIND_BY).then(|| StuckReason::BehindGoal {
        course: course.id.clone(),
        mastered,
        expected,
        total,
    })
}
