//! The student's screen in the address bar (`masterly_core::device::route`): each
//! move to another screen adds a history entry, so Back and Forward move between
//! screens; Back and Forward, and a link opened with a route, show the screen the
//! address names. The workbook stays what decides the screen: a reload shows the
//! screen it saved (which the address names too).

use crate::library::Library;
use crate::student::{Followed, StudentSession};
use leptos::prelude::*;
use masterly_core::device::route::Route;
use masterly_core::device::workbook::Place;
use wasm_bindgen::JsValue;

/// Keeps the address and the screen in step for the student's page.
pub fn follow_the_address(session: StudentSession) {
    // A link to a course screen waits until someone is signed in and the library
    // has loaded.
    let waiting = StoredValue::new(read_address().filter(|route| *route != Route::Start));
    // The route last written to the address (or found there and shown). When the
    // address says something else, Back, Forward or a link changed it, and the
    // screen that follows takes that entry's place instead of adding one.
    let written = StoredValue::new(None::<Route>);
    let settle = move |route: Route| {
        write_address(&route, true);
        written.set_value(Some(route));
    };
    Effect::new(move |_| {
        let signed_in = session.profiles.with(|profiles| profiles.current.is_some());
        let ready = session
            .device
            .library
            .with(|library| matches!(library, Library::Ready(_)));
        let shown = session
            .workbook
            .with(|workbook| workbook.as_ref().map(Route::of));
        let route = match (signed_in, shown) {
            (false, _) if waiting.with_value(Option::is_some) => return,
            (false, _) => Route::Start,
            (true, None) => return,
            (true, Some(_)) if !ready => return,
            (true, Some(route)) => route,
        };
        if let Some(link) = waiting.try_update_value(Option::take).flatten() {
            match untrack(|| session.follow(link)) {
                Followed::Later => return,
                Followed::Shown if session.shown_route().as_ref() != Some(&route) => return,
                Followed::Shown | Followed::NoSuchCourse => return settle(route),
            }
        }
        let address = read_address();
        let replace = written.with_value(|last| {
            last.is_none() || address != *last || ends_a_sitting(last.as_ref(), &route)
        });
        write_address(&route, replace);
        written.set_value(Some(route));
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let Some(route) = read_address() else {
            // Not a route: the address goes back to the screen shown.
            if let Some(shown) = session.shown_route() {
                settle(shown);
            }
            return;
        };
        let Some(before) = session.shown_route() else {
            return;
        };
        if before == route {
            return written.set_value(Some(route));
        }
        if before == Route::Start && route != Route::Start {
            // Nobody signed in: the start screen asks who is learning first.
            return waiting.set_value(Some(route));
        }
        match session.follow(route) {
            Followed::Later => {}
            Followed::Shown if session.shown_route().as_ref() != Some(&before) => {}
            Followed::Shown | Followed::NoSuchCourse => settle(before),
        }
    });
    on_cleanup(move || listener.remove());
}

/// A finished sitting's results take the place of the sitting in the history: Back
/// from the results goes to where the sitting was started from.
fn ends_a_sitting(last: Option<&Route>, next: &Route) -> bool {
    let sitting = |route: Option<&Route>| match route {
        Some(Route::Course { course, place }) => Some((course.clone(), place.clone())),
        _ => None,
    };
    match (sitting(last), sitting(Some(next))) {
        (Some((before, Place::Sitting)), Some((after, Place::Results { .. }))) => before == after,
        _ => false,
    }
}

fn read_address() -> Option<Route> {
    let hash = window().location().hash().ok()?;
    Route::from_hash(&hash)
}

/// Shows `route` in the address bar, as a new history entry or in place of the
/// current one; nothing if the address already says it.
fn write_address(route: &Route, replace: bool) {
    let hash = route.to_hash();
    let current = window().location().hash().unwrap_or_default();
    if current == hash || (current.is_empty() && *route == Route::Start && !replace) {
        return;
    }
    let Ok(history) = window().history() else {
        return;
    };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&hash))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&hash))
    };
}
