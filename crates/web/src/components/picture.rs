//! Pictures drawn from the core's geometry (`content::picture::draw`) as inline SVG
//! elements, never as markup text; and the three ways of answering on a picture:
//! moving a point along a number line, shading parts, and cutting a whole into
//! equal parts. Each works with a pointer, a finger or the keyboard alone, and a
//! screen reader hears the core's description of the same picture.
//!
//! Shaded parts are drawn with a colour and a hatching each (`main.css`, the
//! patterns below), so no meaning rests on colour alone.

use crate::text;
use leptos::prelude::*;
use masterly_core::content::item::Response;
use masterly_core::content::picture::{
    describe, draw, draw_partitioned, partition_range, partitioned, shading, stops, Anchor,
    Diagram, Drawing, Fill, Labels, Shape, Stroke,
};
use masterly_text::picture::number_on_line;
use masterly_text::Say;
use std::sync::atomic::{AtomicU32, Ordering};

/// Hatching patterns need ids unique in the document: one number per picture.
static PICTURES: AtomicU32 = AtomicU32::new(0);

/// A picture in curriculum text, with its description for screen readers.
#[component]
pub fn Picture(diagram: Diagram) -> impl IntoView {
    let label = describe(&diagram).say();
    view! { <div class="picture">{svg(&draw(&diagram), Some(label), None, ().into_any())}</div> }
}

/// The parts a student shades, and whether the answer is given (then they stay).
type Shades = (RwSignal<Vec<bool>>, Signal<bool>);

/// The drawing as an `<svg>`, `extra` drawn over it: `role="img"` named by
/// `label`, or, with `shades`, a group of parts, each a checkbox the student
/// toggles. Without a label it is hidden from screen readers (the control it is
/// part of says what it shows).
fn svg(
    drawing: &Drawing,
    label: Option<String>,
    shades: Option<Shades>,
    extra: AnyView,
) -> AnyView {
    let id = PICTURES.fetch_add(1, Ordering::Relaxed);
    let pattern = |name: &str| format!("picture-{id}-{name}");
    let paint = move |fill: Fill| match fill {
        Fill::None => "#fff".to_string(),
        Fill::Shaded => format!("url(#picture-{id}-a)"),
        Fill::Second => format!("url(#picture-{id}-b)"),
        Fill::Both => format!("url(#picture-{id}-ab)"),
        Fill::Ink => "currentColor".to_string(),
    };
    let shapes = drawing
        .shapes
        .iter()
        .map(|shape| render_shape(shape, paint, shades))
        .collect_view();
    // The hatchings, only where something is or may be shaded (a number line has
    // none): fewer elements to make.
    let shaded = shades.is_some()
        || drawing
            .shapes
            .iter()
            .filter_map(Shape::filled)
            .any(|(fill, _)| matches!(fill, Fill::Shaded | Fill::Second | Fill::Both));
    let hatching = shaded.then(|| {
        view! {
            <defs>
                <pattern id=pattern("a") class="hatch-a" patternUnits="userSpaceOnUse" width="80" height="80" patternTransform="rotate(45)">
                    <rect width="80" height="80" />
                    <line x1="0" y1="0" x2="0" y2="80" />
                </pattern>
                <pattern id=pattern("b") class="hatch-b" patternUnits="userSpaceOnUse" width="80" height="80" patternTransform="rotate(-45)">
                    <rect width="80" height="80" />
                    <line x1="0" y1="0" x2="0" y2="80" />
                </pattern>
                <pattern id=pattern("ab") class="hatch-ab" patternUnits="userSpaceOnUse" width="80" height="80" patternTransform="rotate(45)">
                    <rect width="80" height="80" />
                    <line x1="0" y1="0" x2="0" y2="80" />
                    <line x1="0" y1="0" x2="80" y2="0" />
                </pattern>
            </defs>
        }
    });
    let role = label
        .as_ref()
        .map(|_| if shades.is_some() { "group" } else { "img" });
    let hidden = label.is_none().then_some("true");
    view! {
        <svg
            viewBox=format!("0 0 {} {}", drawing.width, drawing.height)
            width=format!("{}em", drawing.width / 160)
            role=role
            aria-label=label
            aria-hidden=hidden
        >
            {hatching}
            {shapes}
            {extra}
        </svg>
    }
    .into_any()
}

/// One shape as one element: a `<text>`, or a `<path>` for every other shape (one
/// kind of element keeps the download small). A part of a picture being shaded is
/// a checkbox: clicked, tapped, or Space or Enter once focused.
fn render_shape(
    shape: &Shape,
    paint: impl Fn(Fill) -> String + Copy + Send + Sync + 'static,
    shades: Option<Shades>,
) -> AnyView {
    let (d, fill, width, part) = match *shape {
        Shape::Text {
            x,
            y,
            anchor,
            ref text,
        } => {
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            return view! {
                <text x=x y=y text-anchor=anchor dominant-baseline="central">
                    {text.clone()}
                </text>
            }
            .into_any();
        }
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            stroke,
        } => (format!("M{x1} {y1}L{x2} {y2}"), None, stroke.width(), None),
        Shape::Curve {
            x1,
            y1,
            cx,
            cy,
            x2,
            y2,
        } => (
            format!("M{x1} {y1}Q{cx} {cy} {x2} {y2}"),
            None,
            Stroke::Jump.width(),
            None,
        ),
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            part,
        } => (
            format!("M{x} {y}h{w}v{h}h{}Z", -w),
            Some(fill),
            Stroke::Outline.width(),
            part,
        ),
        Shape::Wedge {
            cx,
            cy,
            r,
            x1,
            y1,
            x2,
            y2,
            fill,
            part,
        } => (
            format!("M{cx} {cy}L{x1} {y1}A{r} {r} 0 0 1 {x2} {y2}Z"),
            Some(fill),
            Stroke::Outline.width(),
            part,
        ),
        Shape::Disc {
            cx,
            cy,
            r,
            fill,
            part,
        } => (
            format!(
                "M{} {cy}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 {} 0Z",
                cx - r,
                2 * r,
                -2 * r
            ),
            Some(fill),
            Stroke::Outline.width(),
            part,
        ),
    };
    if let (Some((shaded, locked)), Some(part)) = (shades, part) {
        let index = usize::from(part);
        let total = shaded.with_untracked(Vec::len);
        let on = move || shaded.with(|parts| parts.get(index).copied().unwrap_or(false));
        let toggle = move || {
            if !locked.get_untracked() {
                shaded.update(|parts| {
                    if let Some(part) = parts.get_mut(index) {
                        *part = !*part;
                    }
                })
            }
        };
        let keys = move |event: leptos::ev::KeyboardEvent| {
            if event.key() == " " || event.key() == "Enter" {
                event.prevent_default();
                toggle();
            }
        };
        return view! {
            <path
                d=d
                fill=move || paint(if on() { Fill::Shaded } else { Fill::None })
                class="stroke part"
                stroke-width=width
                data-part=index
                role="checkbox"
                tabindex="0"
                aria-checked=move || if on() { "true" } else { "false" }
                aria-label=text::part_of(index + 1, total)
                on:click=move |_| toggle()
                on:keydown=keys
            />
        }
        .into_any();
    }
    // Lines are not filled; a part not shaded is white.
    let fill = fill.map_or_else(|| "none".to_string(), paint);
    view! { <path d=d fill=fill class="stroke" stroke-width=width /> }.into_any()
}

/// The text of a number response.
fn number_text(response: Response) -> String {
    match response {
        Response::Number { text } | Response::Text { text } => text,
        _ => String::new(),
    }
}

/// Place a point: the point moves one part at a time along the number line, with
/// the arrow keys (Home and End: the ends), by a click or tap on the line, or by
/// dragging. `typed` holds the value it stands on, as the response's text.
pub fn place_point(
    diagram: &Diagram,
    prompt_id: &str,
    typed: RwSignal<String>,
    locked: Signal<bool>,
) -> AnyView {
    let drawing = draw(diagram);
    let stops = stops(diagram);
    let last = stops.len().saturating_sub(1);
    let texts: Vec<String> = stops
        .iter()
        .map(|stop| number_text(stop.response()))
        .collect();
    // No point until the student places one: an answer at the line's start must
    // be given too.
    let at = {
        let texts = texts.clone();
        move || typed.with(|typed| texts.iter().position(|text| text == typed))
    };
    let go = {
        let texts = texts.clone();
        move |index: usize| {
            if !locked.get_untracked() {
                if let Some(text) = texts.get(index.min(last)) {
                    typed.set(text.clone());
                }
            }
        }
    };
    let keys = {
        let at = at.clone();
        let go = go.clone();
        move |event: leptos::ev::KeyboardEvent| {
            // The first press places the point at the start.
            let here = at();
            let to = match (event.key().as_str(), here) {
                ("ArrowLeft" | "ArrowDown" | "ArrowRight" | "ArrowUp", None) => 0,
                ("ArrowLeft" | "ArrowDown", Some(here)) => here.saturating_sub(1),
                ("ArrowRight" | "ArrowUp", Some(here)) => here + 1,
                ("Home", _) => 0,
                ("End", _) => last,
                _ => return,
            };
            event.prevent_default();
            go(to);
        }
    };
    // A pointer goes to the nearest stop: its x in the drawing's units.
    let xs: Vec<i32> = stops.iter().map(|stop| stop.x).collect();
    let width = drawing.width;
    let point_at = {
        let go = go.clone();
        move |event: &leptos::ev::PointerEvent| {
            // The drawing is the slider's first child. (Leptos hands events on from
            // the document, so the slider is found from the event's target.)
            let Some(drawn) = event
                .target()
                .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
                .and_then(|target| target.closest(".slider").ok().flatten())
                .and_then(|slider| slider.first_element_child())
            else {
                return;
            };
            let rect = drawn.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return;
            }
            let x = (f64::from(event.client_x()) - rect.left()) / rect.width() * f64::from(width);
            let nearest = xs
                .iter()
                .enumerate()
                .min_by_key(|(_, stop)| (f64::from(**stop) - x).abs() as i64)
                .map_or(0, |(index, _)| index);
            go(nearest);
        }
    };
    let down = {
        let point_at = point_at.clone();
        move |event: leptos::ev::PointerEvent| point_at(&event)
    };
    let drag = move |event: leptos::ev::PointerEvent| {
        if event.buttons() & 1 == 1 {
            point_at(&event);
        }
    };
    let description_id = format!("{prompt_id}-picture");
    let description = describe(diagram).say();
    let decimals =
        matches!(diagram, Diagram::NumberLine(line) if line.axis.labels == Labels::Decimals);
    let stop_of = {
        let at = at.clone();
        let stops = stops.clone();
        move || at().and_then(|at| stops.get(at).copied())
    };
    let words = {
        let stop_of = stop_of.clone();
        move || {
            stop_of().map_or_else(
                || text::POINT_NOT_PLACED.to_string(),
                |stop| number_on_line(stop.value, decimals),
            )
        }
    };
    let cx = {
        let stop_of = stop_of.clone();
        move || stop_of().map_or(0, |stop| stop.x)
    };
    let cy = {
        let stop_of = stop_of.clone();
        move || stop_of().map_or(0, |stop| stop.y)
    };
    let hidden = move || stop_of().is_none().then_some("hidden");
    let point = view! { <circle cx=cx cy=cy r="90" class="point" visibility=hidden /> }.into_any();
    view! {
        <div class="picture answer-picture">
            <p id=description_id.clone() class="visually-hidden">{description}</p>
            <div
                class="slider"
                role="slider"
                tabindex="0"
                aria-label=text::PLACE_POINT_LABEL
                aria-describedby=format!("{prompt_id} {description_id}")
                aria-valuemin="0"
                aria-valuemax=last
                aria-valuenow=at.clone()
                aria-valuetext=words
                aria-readonly=move || locked.get().then_some("true")
                data-testid="place-point"
                on:keydown=keys
                on:pointerdown=down
                on:pointermove=drag
            >
                {svg(&drawing, None, None, point)}
            </div>
            <p class="hint">{text::PLACE_POINT_HINT}</p>
        </div>
    }
    .into_any()
}

/// Shade parts: each part a checkbox; `typed` holds the shading as the response's
/// text ("3/8"), and a response given before shades the first parts again.
pub fn shade_parts(diagram: &Diagram, typed: RwSignal<String>, locked: Signal<bool>) -> AnyView {
    let drawing = draw(diagram);
    let Some(parts) = shading(diagram) else {
        return ().into_any();
    };
    let drawn: Vec<bool> = {
        let mut drawn = vec![false; usize::from(parts.parts)];
        for (fill, part) in drawing.shapes.iter().filter_map(Shape::filled) {
            if let Some(slot) = part.and_then(|part| drawn.get_mut(usize::from(part))) {
                *slot = fill != Fill::None;
            }
        }
        drawn
    };
    let count_of = |parts: &[bool]| parts.iter().filter(|on| **on).count() as u16;
    if typed.get_untracked().is_empty() {
        typed.set(number_text(parts.response(count_of(&drawn))));
    }
    let shaded = RwSignal::new(drawn);
    // The student's shading is the answer...
    Effect::new(move |before: Option<()>| {
        let count = shaded.with(|shaded| count_of(shaded));
        if before.is_some() {
            typed.set(number_text(parts.response(count)));
        }
    });
    // ...and an answer shown again (after a reload) shades its first parts.
    Effect::new(move |_| {
        let given: Option<usize> = typed.with(|typed| {
            typed
                .split_once('/')
                .and_then(|(count, _)| count.trim().parse().ok())
        });
        if let Some(given) = given {
            if usize::from(shaded.with_untracked(|shaded| count_of(shaded))) != given {
                shaded.update(|shaded| {
                    for (index, part) in shaded.iter_mut().enumerate() {
                        *part = index < given;
                    }
                });
            }
        }
    });
    let label = describe(diagram).say();
    view! {
        <div class="picture answer-picture" data-testid="shade-parts">
            {svg(&drawing, Some(label), Some((shaded, locked)), ().into_any())}
            <p class="hint">{text::SHADE_HINT}</p>
        </div>
    }
    .into_any()
}

/// Partition: a whole cut into as many equal parts as the student chooses, with
/// buttons for one part fewer or more; `typed` holds the number.
pub fn partition(diagram: &Diagram, typed: RwSignal<String>, locked: Signal<bool>) -> AnyView {
    let Some(range) = partition_range(diagram) else {
        return ().into_any();
    };
    // Only the cuts the picture can show (a long number line cannot take every one).
    let cuts: Vec<u16> = range
        .filter(|&parts| partitioned(diagram, parts).is_some())
        .collect();
    let (Some(&least), Some(&most)) = (cuts.first(), cuts.last()) else {
        return ().into_any();
    };
    let parts =
        move || typed.with(|typed| typed.parse::<u16>().unwrap_or(least).clamp(least, most));
    if typed.get_untracked().is_empty() {
        typed.set(least.to_string());
    }
    let cuts = StoredValue::new(cuts);
    let step = move |by: isize| {
        if !locked.get_untracked() {
            let next = cuts.with_value(|cuts| {
                let at = cuts.iter().position(|&cut| cut >= parts()).unwrap_or(0);
                cuts.get(at.saturating_add_signed(by).min(cuts.len() - 1))
                    .copied()
            });
            if let Some(cut) = next {
                typed.set(cut.to_string());
            }
        }
    };
    let at_limit = move |limit: u16| locked.get() || parts() == limit;
    let diagram = diagram.clone();
    let picture = move || {
        let n = parts();
        let label = text::cut_into(n);
        draw_partitioned(&diagram, n).map(|drawing| svg(&drawing, Some(label), None, ().into_any()))
    };
    view! {
        <div class="picture answer-picture" data-testid="partition">
            <div aria-live="polite">{picture}</div>
            <div class="partition-controls">
                <button
                    type="button"
                    data-testid="fewer-parts"
                    disabled=move || at_limit(least)
                    on:click=move |_| step(-1)
                >
                    {text::FEWER_PARTS}
                </button>
                <output data-testid="parts-count" data-parts=parts>{move || text::cut_into(parts())}</output>
                <button
                    type="button"
                    data-testid="more-parts"
                    disabled=move || at_limit(most)
                    on:click=move |_| step(1)
                >
                    {text::MORE_PARTS}
                </button>
            </div>
        </div>
    }
    .into_any()
}
