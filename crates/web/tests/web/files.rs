//! The student's side of the files: joining a class from the teacher's class file
//! (from the start screen, so the learner is made with their roster name), and
//! adding their own progress file, which only its owner may add to their work.

use super::SECOND;
use leptos::prelude::*;
use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::format::class_file::ClassFile;
use masterly_core::format::progress::load_progress;
use masterly_core::teacher::roster::{student_id, Roster};
use masterly_test_kit::scans::compare_scans;
use masterly_test_kit::synthetic::synthetic_progress_files;
use masterly_web::browser::read_chosen_files;
use masterly_web::student::StudentSession;
use masterly_web::text;
use std::sync::Arc;
use wasm_bindgen_test::*;

fn second() -> Arc<Curriculum> {
    Arc::new(
        load_curriculum(SECOND)
            .expect("fixture curriculum loads")
            .curriculum,
    )
}

fn class_file(curriculum: &Curriculum) -> ClassFile {
    let mut roster = Roster::default();
    roster.class.id = "c-1".into();
    roster.class.name = "5C".into();
    let mut next = 0;
    roster
        .add_nicknames("Ana\nBen", || {
            next += 1;
            student_id(next)
        })
        .expect("two students");
    let ana = roster.students[0].entry.id.clone();
    roster
        .set_weekly_minutes(&ana, "70")
        .expect("a usable goal");
    roster.class_file(curriculum, 0).expect("a good class file")
}

#[wasm_bindgen_test]
async fn a_student_joins_a_class_from_the_start_screen_and_their_files_carry_it() {
    let curriculum = second();
    let session = StudentSession::with_curricula(vec![curriculum.clone()]);
    let file = class_file(&curriculum);
    let ana = file.students[0].id.clone();
    assert!(session.join_class(&file, "s-unknown").is_err());

    let said = session.join_class(&file, &ana).expect("Ana joins");
    assert_eq!(said, "You joined “5C” as Ana. Your goals are set, and your progress files will say which class you are in.");
    // Said in the banner too, which stays when the course map replaces the screen.
    let banners: Vec<String> = session
        .device
        .notices
        .get_untracked()
        .into_iter()
        .map(|notice| notice.text)
        .collect();
    assert_eq!(banners, vec![said.clone()]);
    let current = session.profiles.get_untracked().current().cloned();
    assert_eq!(current.map(|p| p.learner.nickname), Some("Ana".to_string()));
    let workbook = session
        .workbook
        .get_untracked()
        .expect("a workbook is open");
    let class = workbook.class.expect("the class is kept");
    assert_eq!(
        (class.class_id.as_str(), class.student_id.as_str()),
        ("c-1", ana.as_str())
    );
    assert_eq!(workbook.goals.weekly_minutes, 70);

    // Ana signs out; joining again as Ana on this device finds her, not a new learner.
    session.sign_out();
    session.join_class(&file, &ana).expect("Ana joins again");
    assert_eq!(session.profiles.get_untracked().profiles.len(), 1);
}

#[wasm_bindgen_test]
async fn a_progress_file_is_added_only_to_its_owner_and_only_once() {
    let curriculum = second();
    let session = StudentSession::with_curricula(vec![curriculum.clone()]);
    let text = synthetic_progress_files(&curriculum, 1, 40, 8).remove(0);
    let bundle = load_progress(&text).expect("a good progress file");

    session.add_learner("Cy").expect("Cy is added");
    let refused = session.add_own_progress(bundle.clone());
    assert_eq!(
        refused,
        Err(vec!["This progress file is Student 1's, and Cy is signed in. To continue Student 1's work on this device, sign out and open the file from the start screen.".to_string()])
    );
    assert_eq!(
        session.workbook.get_untracked().map(|w| w.attempts.len()),
        Some(0),
        "Cy's work is unchanged"
    );

    // From the start screen, the file's learner comes to this device with their id.
    session.sign_out();
    let added = session.add_own_progress(bundle.clone()).expect("added");
    assert_eq!(
        added,
        "Added 40 answers to your work in Fixture; every level is recomputed."
    );
    assert!(
        session
            .device
            .notices
            .get_untracked()
            .iter()
            .any(|notice| notice.text == added),
        "what was added is said in the banner above the course map"
    );
    let current = session
        .profiles
        .get_untracked()
        .current()
        .cloned()
        .expect("signed in");
    assert_eq!(current.learner, bundle.learner);
    assert_eq!(
        session.workbook.get_untracked().map(|w| w.attempts.len()),
        Some(40)
    );
    let again = session.add_own_progress(bundle).expect("added again");
    assert_eq!(
        again,
        "Nothing new: every answer in this file is already here for Fixture."
    );
    assert_eq!(
        session.workbook.get_untracked().map(|w| w.attempts.len()),
        Some(40)
    );
}

/// In the browser the limits scan compares bytes with SIMD128: it must give the
/// byte-by-byte scan's answer on every text, and a real progress file passes it.
#[wasm_bindgen_test]
fn limits_scan_with_simd_agrees_with_the_byte_scan() {
    const { assert!(cfg!(target_feature = "simd128"), "built without SIMD128") };
    let (within, broken) = compare_scans(2027, 20_000).unwrap_or_else(|case| panic!("{case}"));
    assert!(
        within > 2_000 && broken > 2_000,
        "{within} within, {broken} broken"
    );
    let curriculum = second();
    for file in synthetic_progress_files(&curriculum, 2, 300, 5) {
        assert!(load_progress(&file).is_ok());
    }
}

fn chosen_file(name: &str, bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).expect("a file")
}

/// Reads four chosen files (one too large) and gives (position, name, text) of each
/// in the order `read_chosen_files` handed them over.
async fn read_four() -> Vec<(usize, String, Result<String, String>)> {
    let files = vec![
        chosen_file("a.json", b"{\"a\": 1}"),
        chosen_file("bom.json", b"\xEF\xBB\xBFhello"),
        chosen_file("big.json", &[b'x'; 200]),
        chosen_file("bad.json", b"caf\xE9!"),
    ];
    let mut seen = Vec::new();
    read_chosen_files(files, 100, |index, file, text| {
        seen.push((index, file.name(), text))
    })
    .await;
    seen
}

fn assert_read_as_text(seen: &[(usize, String, Result<String, String>)]) {
    let names: Vec<(usize, &str)> = seen
        .iter()
        .map(|(i, name, _)| (*i, name.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (0, "a.json"),
            (1, "bom.json"),
            (2, "big.json"),
            (3, "bad.json")
        ]
    );
    assert_eq!(seen[0].2, Ok("{\"a\": 1}".to_string()));
    // Like Blob.text(): a byte-order mark dropped, a malformed byte as U+FFFD.
    assert_eq!(seen[1].2, Ok("hello".to_string()));
    assert_eq!(seen[2].2, Err(text::file_too_large("big.json", 200, 100)));
    assert_eq!(seen[3].2, Ok("caf\u{FFFD}!".to_string()));
}

/// Runs JavaScript in the test page (to watch or break the browser's `Worker`).
fn run_js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).expect("the script runs")
}

#[wasm_bindgen_test]
async fn chosen_files_are_read_by_a_worker_and_handed_over_in_order() {
    run_js(
        "window.__workers = 0; window.__Worker = window.Worker; \
         window.Worker = function (url) { window.__workers += 1; return new window.__Worker(url); };",
    );
    let seen = read_four().await;
    let workers = run_js("window.Worker = window.__Worker; window.__workers");
    assert_eq!(workers.as_f64(), Some(1.0), "one worker read the files");
    assert_read_as_text(&seen);
}

#[wasm_bindgen_test]
async fn chosen_files_are_read_by_the_page_where_no_worker_starts() {
    run_js(
        "window.__Worker = window.Worker; \
         window.Worker = function () { throw new Error('no workers here'); };",
    );
    let seen = read_four().await;
    run_js("window.Worker = window.__Worker;");
    assert_read_as_text(&seen);
}
