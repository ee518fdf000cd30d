//! A mastery level shown as a word, a shape and a colour together, so that it is
//! never conveyed by colour alone (WCAG 1.4.1).

use leptos::prelude::*;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_text::learning::{level_label, level_meaning};

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

#[component]
pub fn LevelBadge(level: MasteryLevel) -> impl IntoView {
    view! {
        <span class=format!("level level-{}", level.key()) data-level=level.key()>
            <span class="level-shape" aria-hidden="true">{shape(level)}</span>
            {level_label(level)}
        </span>
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
