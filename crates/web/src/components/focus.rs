//! Moving keyboard focus sensibly: to a new page's heading, or a new item's prompt,
//! so that keyboard and screen-reader users start where the new content starts.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element once it is in the page. Every screen focuses its heading
/// this way, so the first time it happens the first screen is ready for input: that
/// moment is marked for the browser benchmark.
pub fn focus_when_mounted<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = element.focus();
                crate::browser::mark_first_screen();
            }
        }
    });
}
