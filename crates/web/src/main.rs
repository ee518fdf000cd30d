//! The student's page (`index.html`).

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    leptos::mount::mount_to_body(masterly_web::App);
}

/// Called by the page's fault message (`index.html`, `#fault`) when the app has met
/// a bug: downloads the learner's progress file if the app can still make it.
#[wasm_bindgen]
pub fn export_progress_after_fault() -> bool {
    masterly_web::fault::export_progress_after_fault()
}

/// A fire drill for the fault message: stops the app as a bug would (a panic, which
/// aborts and traps in a release build). Nothing in the app calls it; the end-to-end
/// test does, from the page, to check that a student then sees the message.
#[wasm_bindgen]
pub fn fault_drill() {
    panic!("fault drill");
}
