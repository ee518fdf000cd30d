//! A mastery level shown as a word, a shape and a colour together, so that it is
//! never conveyed by colour alone (WCAG 1.4.1).

use leptos::prelude::*;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::teacher::reports::ReadinessMark;
use masterly_text::learning::{level_label, level_letter, level_meaning};
use masterly_text::teacher::{readiness_meaning, readiness_word};

/// Shapes fill up as the level rises: empty circle to full circle.
fn shape(level: MasteryLevel) -> &'static str {
    match level {
        MasteryLevel::NotStarted => "○",
        MasteryLevel::Attempted => "◔",
        MasteryLevel::Familiar => "◑",
        MasteryLevel::Proficient => "◕",
        MasteryLevel::Mastered => "●",
    }
}

/// `compact` shows the level's letter instead of its word (the word stays for
/// screen readers), for a grid of thirty students.
#[component]
pub fn LevelBadge(level: MasteryLevel, #[prop(optional)] compact: bool) -> impl IntoView {
    let class = if compact {
        format!("level level-{} compact", level.key())
    } else {
        format!("level level-{}", level.key())
    };
    view! {
        <span class=class data-level=level.key()>
            <span class="level-shape" aria-hidden="true">{shape(level)}</span>
            {if compact {
                view! {
                    <span aria-hidden="true">{level_letter(level)}</span>
                    <span class="visually-hidden">{level_label(level)}</span>
                }
                .into_any()
            } else {
                level_label(level).into_any()
            }}
        </span>
    }
}

/// A readiness check's mark on an objective in the grid, in place of a level
/// that would say "not started": a symbol, with its word for screen readers.
#[component]
pub fn ReadinessBadge(mark: ReadinessMark) -> impl IntoView {
    // Symbols every common font has (an emoji lock is a blank box without an
    // emoji font, as on many school computers).
    let symbol = match mark {
        ReadinessMark::Locked => "⊘",
        ReadinessMark::Gap => "↺",
    };
    view! {
        <span class="level compact readiness" data-readiness=readiness_word(mark)>
            <span aria-hidden="true">{symbol}</span>
            <span class="visually-hidden">{readiness_word(mark)}</span>
        </span>
    }
}

/// The key to the compact badges and readiness marks: each with its word.
#[component]
pub fn LevelKey() -> impl IntoView {
    view! {
        <p class="level-key">
            {MasteryLevel::ALL
                .iter()
                .map(|&level| {
                    view! {
                        <span>
                            <LevelBadge level compact=true />
                            " "
                            {level_label(level)}
                        </span>
                    }
                })
                .collect_view()}
            {[ReadinessMark::Locked, ReadinessMark::Gap]
                .map(|mark| {
                    view! {
                        <span>
                            <ReadinessBadge mark />
                            " "
                            {readiness_meaning(mark)}
                        </span>
                    }
                })
                .collect_view()}
        </p>
    }
}

/// The key to the levels: each badge with what it means.
#[component]
pub fn LevelLegend() -> impl IntoView {
    view! {
        <dl class="level-legend">
            {MasteryLevel::ALL
                .iter()
                .map(|&level| {
                    view! {
                        <div>
                            <dt><LevelBadge level /></dt>
                            <dd>{level_meaning(level)}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
