//! The student's session through the real shell: learners on a shared device,
//! answers saved before feedback, reloads that return to the same question, and
//! storage that is blocked, full, damaged or shared with another tab.

use super::answering::{give, submit};
use super::{all_texts, fresh_container, text_of, DEMO};
use leptos::prelude::*;
use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::content::item::{
    judge, model_answer, wrong_answer, Expected, ItemInstance, Response,
};
use masterly_core::device::workbook::{
    archive_from_stored, archive_key, archive_to_stored, chunk_key, chunk_prefix, workbook_key,
    Workbook, ARCHIVE_AFTER, ARCHIVE_KIND, WORKBOOK_KIND,
};
use masterly_core::learning::attempt::merge_logs;
use masterly_core::learning::replay::replay;
use masterly_web::library::loaded_shelves;
use masterly_web::storage::{BackendError, KeyValue, MemoryStorage, SaveError, Store};
use masterly_web::student::StudentSession;
use masterly_web::{text, Shell};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn demo() -> Arc<Curriculum> {
    Arc::new(
        load_curriculum(DEMO)
            .expect("the demo curriculum loads")
            .curriculum,
    )
}

/// A session over `backend`, as a freshly loaded page would make it.
fn open_page(backend: Box<dyn KeyValue>, in_memory: bool) -> StudentSession {
    let session = StudentSession::with_store(Store::with_backend(backend, in_memory));
    session.set_curricula(loaded_shelves(vec![demo()]));
    session
}

fn mount(session: StudentSession) -> web_sys::HtmlElement {
    let root = fresh_container();
    leptos::mount::mount_to(root.clone(), move || {
        masterly_web::provide_student(session);
        view! { <Shell /> }
    })
    .forget();
    root
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    let element: web_sys::HtmlElement = root
        .query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing to click at {selector}"))
        .unchecked_into();
    element.click();
}

fn exists(root: &web_sys::HtmlElement, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_some()
}

/// The item on screen: (item id, seed) from the item frame.
fn item_on_screen(root: &web_sys::HtmlElement) -> (String, u64) {
    let frame = root
        .query_selector("[data-testid=item]")
        .ok()
        .flatten()
        .expect("an item on screen");
    let item = frame.get_attribute("data-item").unwrap_or_default();
    let seed = frame
        .get_attribute("data-seed")
        .and_then(|s| s.parse().ok())
        .expect("a seed");
    (item, seed)
}

fn instance_on_screen(root: &web_sys::HtmlElement) -> ItemInstance {
    let (item_id, seed) = item_on_screen(root);
    let curriculum = demo();
    let item = curriculum
        .item(&item_id)
        .unwrap_or_else(|| panic!("{item_id} is not in the demo curriculum"));
    ItemInstance::generate(item, seed).expect("an instance")
}

/// Answers the item on screen right or wrong, through the page.
async fn answer(root: &web_sys::HtmlElement, right: bool) -> ItemInstance {
    let instance = instance_on_screen(root);
    let response = if right {
        model_answer(&instance)
    } else {
        wrong_answer(&instance)
    };
    assert_eq!(
        judge(&instance, &response).map(|j| j.correct),
        Ok(right),
        "{}",
        instance.item_id
    );
    give(&instance, &response).await;
    submit(root).await;
    instance
}

/// Answers every question of the sitting on screen right or wrong, to its results.
async fn answer_until_results(root: &web_sys::HtmlElement, right: bool) {
    while !exists(root, "[data-testid=results]") {
        answer(root, right).await;
        click(root, "[data-testid=next]");
        leptos::task::tick().await;
    }
}

/// From the course map of the demo course into check A of its first unit.
async fn start_check_a(root: &web_sys::HtmlElement) {
    click(root, ".unit-card .open-unit");
    leptos::task::tick().await;
    click(root, "[data-action=start-formative-a]");
    leptos::task::tick().await;
    assert!(
        exists(root, "[data-testid=sitting]"),
        "check A did not open"
    );
}

/// A new page over `backend` where Ada signs up and starts check A of unit 1.
async fn ada_in_check_a(backend: Box<dyn KeyValue>) -> (web_sys::HtmlElement, StudentSession) {
    let session = open_page(backend, false);
    session.add_learner("Ada").expect("Ada is added");
    let root = mount(session);
    leptos::task::tick().await;
    start_check_a(&root).await;
    (root, session)
}

fn stored_workbook(memory: &MemoryStorage, session: &StudentSession) -> Workbook {
    let (learner, curriculum) = session
        .workbook
        .with_untracked(|w| {
            w.as_ref()
                .map(|w| (w.learner.id.clone(), w.curriculum.id.clone()))
        })
        .expect("a workbook is open");
    let store = Store::with_backend(Box::new(memory.clone()), false);
    let key = workbook_key(&learner, &curriculum);
    let (text, _) = store.load(&key, WORKBOOK_KIND).expect("storage answers");
    Workbook::from_stored(&text.expect("a stored workbook"), &learner, &curriculum)
        .expect("the stored workbook reads back")
}

/// How many answers the page holds for the open workbook.
fn attempts_in(session: &StudentSession) -> Option<usize> {
    session
        .workbook
        .with_untracked(|w| w.as_ref().map(|w| w.attempts.len()))
}

/// The storage key of the open workbook.
fn key_of(session: &StudentSession) -> String {
    session
        .workbook
        .with_untracked(|w| {
            w.as_ref()
                .map(|w| workbook_key(&w.learner.id, &w.curriculum.id))
        })
        .expect("a workbook is open")
}

fn notice_texts(root: &web_sys::HtmlElement) -> Vec<String> {
    all_texts(root, ".notice p")
}

/// Types a nickname on the start screen and presses "Start learning".
async fn sign_up(root: &web_sys::HtmlElement, nickname: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector("#nickname")
        .ok()
        .flatten()
        .expect("a nickname field")
        .unchecked_into();
    super::answering::type_into(&input, nickname);
    click(root, ".add-learner button[type=submit]");
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn a_new_device_asks_who_is_learning_and_refuses_a_name_already_taken() {
    let session = open_page(Box::<MemoryStorage>::default(), false);
    let root = mount(session);
    leptos::task::tick().await;
    assert_eq!(text_of(&root, "h1"), text::WHO_IS_LEARNING);
    assert!(!exists(&root, ".learner-choice"));

    sign_up(&root, "Ada").await;
    assert_eq!(text_of(&root, "h1"), "Demo: fractions in ten minutes");
    assert_eq!(
        text_of(&root, "[data-testid=learner-name]"),
        text::signed_in_as("Ada")
    );

    click(&root, "[data-testid=switch-learner]");
    leptos::task::tick().await;
    assert_eq!(all_texts(&root, ".learner-choice"), vec!["Ada"]);
    sign_up(&root, " ada ").await;
    let problem = text_of(&root, "#nickname-problem");
    assert!(
        problem.contains("ada") || problem.contains("Ada"),
        "{problem}"
    );
    assert_eq!(text_of(&root, "h1"), text::WHO_IS_LEARNING);

    click(&root, ".learner-choice");
    leptos::task::tick().await;
    assert_eq!(text_of(&root, "h1"), "Demo: fractions in ten minutes");
    root.remove();
}

#[wasm_bindgen_test]
async fn one_learners_work_never_shows_in_anothers_views() {
    let memory = MemoryStorage::default();
    let (root, session) = ada_in_check_a(Box::new(memory.clone())).await;
    answer(&root, true).await;
    assert_eq!(stored_workbook(&memory, &session).attempts.len(), 1);

    session.sign_out();
    session.add_learner("Ben").expect("Ben is added");
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, "[data-testid=learner-name]"),
        text::signed_in_as("Ben")
    );
    assert!(
        !exists(&root, "[data-testid=resume]"),
        "Ben sees Ada's check"
    );
    assert_eq!(attempts_in(&session), Some(0));

    session.sign_out();
    let ada = session
        .profiles
        .with_untracked(|p| {
            p.profiles
                .iter()
                .find(|p| p.learner.nickname == "Ada")
                .map(|p| p.learner.id.clone())
        })
        .expect("Ada is still listed");
    session.select_learner(&ada);
    leptos::task::tick().await;
    // Ada comes back to her unfinished check, answer and all.
    assert!(exists(&root, "[data-testid=sitting]"));
    assert_eq!(attempts_in(&session), Some(1));
    root.remove();
}

#[wasm_bindgen_test]
async fn an_answer_is_saved_before_its_feedback_and_a_reload_returns_to_it() {
    let memory = MemoryStorage::default();
    let (root, session) = ada_in_check_a(Box::new(memory.clone())).await;
    let before = item_on_screen(&root);
    let count = text_of(&root, "[data-testid=item-count]");
    answer(&root, false).await;

    let feedback = text_of(&root, "[data-testid=feedback] .verdict");
    assert!(!feedback.is_empty(), "no feedback shown");
    let stored = stored_workbook(&memory, &session);
    assert_eq!(stored.attempts.len(), 1, "the answer is in storage");
    assert_eq!(stored.attempts[0].item, before.0);
    assert!(!stored.attempts[0].correct);
    assert_eq!(
        stored.sitting.as_ref().and_then(|s| s.feedback.clone()),
        Some(stored.attempts[0].id.clone()),
        "the feedback being shown is saved too"
    );
    root.remove();

    // A reload: a new page over the same storage.
    let reloaded = open_page(Box::new(memory.clone()), false);
    let root = mount(reloaded);
    leptos::task::tick().await;
    assert_eq!(item_on_screen(&root), before, "the same question");
    assert_eq!(text_of(&root, "[data-testid=item-count]"), count);
    assert_eq!(
        text_of(&root, "[data-testid=feedback] .verdict"),
        feedback,
        "the same feedback"
    );
    // Moving on from the reloaded page goes to the next question of the same plan.
    click(&root, "[data-testid=next]");
    leptos::task::tick().await;
    assert_ne!(item_on_screen(&root), before);
    root.remove();
}

/// Every value as a version 1 envelope would hold it: the payload as a JSON string.
fn as_version_1(memory: &MemoryStorage) -> usize {
    let mut rewritten = 0;
    for key in memory.keys() {
        let Ok(Some(text)) = memory.get(&key) else {
            continue;
        };
        let Some(start) = text.find(r#","payload":"#) else {
            continue;
        };
        let payload = &text[start + r#","payload":"#.len()..text.len() - 1];
        let head = text[..start].replace(r#""version":2"#, r#""version":1"#);
        let quoted = serde_json::to_string(payload).expect("a string");
        memory
            .set(&key, &format!(r#"{head},"payload":{quoted}}}"#))
            .expect("memory takes it");
        rewritten += 1;
    }
    rewritten
}

/// What the release before stored (each payload a JSON string inside a version 1
/// envelope, every quote escaped again) still loads, and the next save writes
/// version 2, with nothing lost.
#[wasm_bindgen_test]
async fn work_stored_by_the_release_before_loads_and_is_written_again_in_version_2() {
    let memory = MemoryStorage::default();
    let (root, session) = ada_in_check_a(Box::new(memory.clone())).await;
    answer(&root, true).await;
    let before = item_on_screen(&root);
    let key = key_of(&session);
    root.remove();
    assert!(
        as_version_1(&memory) >= 2,
        "the learner list and the workbook"
    );
    let stored = memory.get(&key).ok().flatten().unwrap_or_default();
    assert!(
        stored.contains(r#""version":1"#) && stored.contains(r#"\""#),
        "{stored}"
    );

    let reloaded = open_page(Box::new(memory.clone()), false);
    let root = mount(reloaded);
    leptos::task::tick().await;
    assert_eq!(attempts_in(&reloaded), Some(1), "the answer is there");
    assert_eq!(
        item_on_screen(&root),
        before,
        "the same question, its feedback shown"
    );
    click(&root, "[data-testid=next]");
    leptos::task::tick().await;
    answer(&root, false).await;
    let stored = memory.get(&key).ok().flatten().unwrap_or_default();
    assert!(stored.contains(r#""version":2"#), "{stored}");
    assert!(
        !stored.contains(r#"\""#),
        "no quote escaped again: {stored}"
    );
    assert_eq!(stored_workbook(&memory, &reloaded).attempts.len(), 2);
    root.remove();
}

/// `payload` sealed as the release before sealed it: a version 1 envelope holding
/// the payload as a JSON string.
fn version_1_envelope(kind: &str, payload: &str) -> String {
    format!(
        r#"{{"format":"masterly-store","version":1,"kind":"{kind}","saved_at":1,"generation":1,"checksum":"{}","payload":{}}}"#,
        masterly_core::device::store::checksum(payload),
        serde_json::to_string(payload).expect("a string")
    )
}

/// A long history as the release before kept it — 400 answers in the archive and
/// 50 in the workbook, each a list of attempts, in version 1 envelopes — loads
/// whole, is written again at once in the compact form, and replays to the same
/// levels.
#[wasm_bindgen_test]
async fn a_long_history_stored_by_the_release_before_loads_whole_and_is_rewritten() {
    let curriculum = demo();
    let memory = MemoryStorage::default();
    let first = open_page(Box::new(memory.clone()), false);
    first.add_learner("Ada").expect("Ada is added");
    let (learner, hash) = first
        .workbook
        .with_untracked(|w| {
            w.as_ref()
                .map(|w| (w.learner.clone(), w.curriculum.clone()))
        })
        .expect("Ada's workbook is open");
    let key = workbook_key(&learner.id, &curriculum.id);
    let log = masterly_test_kit::synthetic::app_like_log(&curriculum, 450, 17);
    let mut workbook = Workbook::new(learner.clone(), hash);
    workbook.attempts = log[400..].to_vec();
    let mut payload = serde_json::to_value(&workbook).expect("a workbook");
    payload["attempts"] = serde_json::to_value(&workbook.attempts).expect("a list");
    let list = serde_json::to_string(&log[..400]).expect("a list");
    for (key, kind, payload) in [
        (key.clone(), WORKBOOK_KIND, payload.to_string()),
        (archive_key(&key), ARCHIVE_KIND, list),
    ] {
        memory
            .set(&key, &version_1_envelope(kind, &payload))
            .expect("memory takes it");
    }

    let reloaded = open_page(Box::new(memory.clone()), false);
    let mut loaded = reloaded
        .workbook
        .with_untracked(|w| w.as_ref().map(|w| w.attempts.clone()))
        .expect("Ada's workbook is open");
    let mut expected = log.clone();
    loaded.sort_by(|a, b| a.id.cmp(&b.id));
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(loaded.len(), 450);
    assert_eq!(loaded, expected, "every answer, exactly");
    let now = log.last().map_or(0, |a| a.at) + 1;
    let (before, after) = (
        replay(&curriculum, &log, now),
        replay(&curriculum, &loaded, now),
    );
    for (_, unit) in curriculum.units() {
        for objective in &unit.objectives {
            assert_eq!(
                after.level(&objective.id),
                before.level(&objective.id),
                "{}",
                objective.id
            );
        }
    }
    // Written again at once, compact, in version 2: the workbook key, and the
    // archive moved into a chunk (the single archive of the release before gone).
    let store = Store::with_backend(Box::new(memory.clone()), false);
    let chunks = store.keys_starting(&chunk_prefix(&key));
    assert_eq!(chunks.len(), 1, "{chunks:?}");
    assert_eq!(memory.get(&archive_key(&key)), Ok(None));
    assert_eq!(
        memory.get(&format!("{}.previous", archive_key(&key))),
        Ok(None)
    );
    for key in [key.clone(), chunks[0].clone()] {
        let text = memory.get(&key).ok().flatten().unwrap_or_default();
        assert!(
            text.contains(r#""version":2"#),
            "{key}: {}",
            &text[..80.min(text.len())]
        );
        assert!(
            !text.contains(r#""attempts":["#) && !text.contains(r#""payload":["#),
            "{key}"
        );
    }
    let chunk = memory.get(&chunks[0]).ok().flatten().unwrap_or_default();
    assert!(
        chunk.len() < 450 * 40,
        "{} characters for 450 answers",
        chunk.len()
    );
    assert_eq!(
        archive_from_stored(
            &masterly_core::device::store::open(&chunk, ARCHIVE_KIND)
                .expect("opens")
                .payload
        )
        .map(|log| log.len()),
        Ok(450)
    );
}

/// An old archive found beside chunks (a tab of the release before still open) is
/// moved into a chunk without doubling what the chunks already hold.
#[wasm_bindgen_test]
async fn an_old_archive_beside_chunks_is_moved_in_without_doubling_them() {
    let curriculum = demo();
    let memory = MemoryStorage::default();
    let first = open_page(Box::new(memory.clone()), false);
    first.add_learner("Ada").expect("Ada is added");
    let key = key_of(&first);
    let log = masterly_test_kit::synthetic::app_like_log(&curriculum, 300, 31);
    let seal = |log: &[masterly_core::learning::attempt::Attempt]| {
        masterly_core::device::store::seal(ARCHIVE_KIND, &archive_to_stored(log), 1, 1)
    };
    memory
        .set(&chunk_key(&key, "other-1"), &seal(&log[..200]))
        .expect("memory takes it");
    // The old archive holds the chunk's answers and 100 more.
    memory
        .set(&archive_key(&key), &seal(&log))
        .expect("memory takes it");
    let reloaded = open_page(Box::new(memory.clone()), false);
    assert_eq!(attempts_in(&reloaded), Some(300));
    assert_eq!(
        memory.get(&archive_key(&key)),
        Ok(None),
        "moved into a chunk"
    );
    let store = Store::with_backend(Box::new(memory.clone()), false);
    let held: usize = store
        .keys_starting(&chunk_prefix(&key))
        .iter()
        .map(|chunk| {
            let (text, _) = store.load(chunk, ARCHIVE_KIND).expect("storage answers");
            archive_from_stored(&text.expect("a chunk")).map_or(0, |log| log.len())
        })
        .sum();
    assert_eq!(held, 300, "each answer in one chunk");
}

/// Past 70% of the storage a browser gives, the start screen says how many more
/// answers fit, counted at what an answer has cost on this device; below it, it
/// says nothing.
#[wasm_bindgen_test]
async fn the_start_screen_says_how_much_room_is_left_once_storage_fills() {
    assert_eq!(text::about(23_333), "23,000");
    assert_eq!(text::about(1_284), "1,200");
    assert_eq!(text::about(87), "87");
    assert_eq!(text::about(1_000_000), "1,000,000");
    let curriculum = demo();
    let memory = MemoryStorage::default();
    let first = open_page(Box::new(memory.clone()), false);
    first.add_learner("Ada").expect("Ada is added");
    let key = key_of(&first);
    let log = masterly_test_kit::synthetic::app_like_log(&curriculum, 300, 23);
    memory
        .set(
            &archive_key(&key),
            &masterly_core::device::store::seal(ARCHIVE_KIND, &archive_to_stored(&log), 1, 1),
        )
        .expect("memory takes it");
    first.sign_out();
    let characters = |memory: &MemoryStorage, only: &str| -> u64 {
        memory
            .keys()
            .iter()
            .filter(|key| key.starts_with(only))
            .map(|key| {
                let value = memory.get(key).ok().flatten().unwrap_or_default();
                (key.encode_utf16().count() + value.encode_utf16().count()) as u64
            })
            .sum()
    };
    let used = |memory: &MemoryStorage| characters(memory, "");
    let root = mount(open_page(Box::new(memory.clone()), false));
    leptos::task::tick().await;
    assert!(!exists(&root, "[data-testid=room-left]"), "plenty of room");
    root.remove();

    // Another site's worth of data, or thirty learners' years: past 70%.
    let filler = 3_600_000 - used(&memory) as usize;
    memory
        .set("masterly.other", &"x".repeat(filler))
        .expect("memory takes it");
    let room = masterly_core::device::room::Room::of(used(&memory));
    assert!(room.is_filling());
    let root = mount(open_page(Box::new(memory.clone()), false));
    leptos::task::tick().await;
    let work = characters(&memory, "masterly.workbook.");
    assert!(
        work > 300 * 20 && work < 300 * 60,
        "{work} characters for 300 answers"
    );
    assert_eq!(
        text_of(&root, "[data-testid=room-left]"),
        text::room_left(room.answers_left(300, work))
    );
    // 1.4 million characters left at well under 100 an answer.
    let left = room.answers_left(300, work);
    assert!(left > 14_000, "{left}");
    root.remove();
}

#[wasm_bindgen_test]
async fn blocked_storage_runs_in_memory_with_a_visible_warning() {
    let session = open_page(Box::<MemoryStorage>::default(), true);
    session.add_learner("Ada").expect("Ada is added");
    let root = mount(session);
    leptos::task::tick().await;
    assert_eq!(notice_texts(&root), vec![text::STORAGE_BLOCKED]);
    assert!(all_texts(&root, ".notice button").contains(&text::EXPORT_PROGRESS.to_string()));
    // The app still works.
    assert_eq!(text_of(&root, "h1"), "Demo: fractions in ten minutes");
    root.remove();
}

/// Memory storage that refuses writes, as a full quota does, once told to: all of
/// them, or those to keys with one ending.
#[derive(Clone)]
struct Filling {
    inner: MemoryStorage,
    full: Rc<Cell<bool>>,
    /// Refuse only keys containing this (every key when None).
    only_with: Option<&'static str>,
    refused: Rc<Cell<usize>>,
}

impl Filling {
    fn new(only_with: Option<&'static str>) -> Filling {
        Filling {
            inner: MemoryStorage::default(),
            full: Rc::new(Cell::new(false)),
            only_with,
            refused: Rc::new(Cell::new(0)),
        }
    }
}

impl KeyValue for Filling {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        if self.full.get() && self.only_with.is_none_or(|part| key.contains(part)) {
            self.refused.set(self.refused.get() + 1);
            return Err(BackendError::QuotaExceeded);
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_with_an_export_offer_and_keeps_what_was_saved() {
    let storage = Filling::new(None);
    let (root, session) = ada_in_check_a(Box::new(storage.clone())).await;
    answer(&root, true).await;
    assert!(notice_texts(&root).is_empty());

    storage.full.set(true);
    click(&root, "[data-testid=next]");
    leptos::task::tick().await;
    answer(&root, true).await;
    assert_eq!(notice_texts(&root), vec![text::STORAGE_FULL]);
    assert!(all_texts(&root, ".notice button").contains(&text::EXPORT_PROGRESS.to_string()));
    // The student is not stopped: the feedback shows.
    assert!(!text_of(&root, "[data-testid=feedback] .verdict").is_empty());
    // What was saved before the storage filled up is all there.
    assert_eq!(stored_workbook(&storage.inner, &session).attempts.len(), 1);
    root.remove();
}

/// A storage with no room for the archive (a long log saved whole by an older
/// Masterly would need it twice over): every answer stays in the workbook key as
/// before, the student is not troubled, and the page does not try again.
#[wasm_bindgen_test]
async fn an_archive_the_storage_refuses_leaves_every_answer_in_the_workbook() {
    let storage = Filling::new(Some(".chunk."));
    storage.full.set(true);
    let (root, session) = ada_in_check_a(Box::new(storage.clone())).await;
    answer(&root, true).await;
    let _ = session.update(|workbook| {
        let first = workbook.attempts[0].clone();
        for n in 0..250 {
            let mut copy = first.clone();
            copy.id = format!("earlier-{n}");
            workbook.attempts.push(copy);
        }
    });
    assert_eq!(storage.refused.get(), 1);
    assert_eq!(
        stored_workbook(&storage.inner, &session).attempts.len(),
        251
    );
    click(&root, "[data-testid=next]");
    leptos::task::tick().await;
    answer(&root, false).await;
    assert_eq!(storage.refused.get(), 1, "no second try on this page");
    assert_eq!(
        stored_workbook(&storage.inner, &session).attempts.len(),
        252
    );
    assert!(notice_texts(&root).is_empty(), "{:?}", notice_texts(&root));
    root.remove();
}

#[wasm_bindgen_test]
async fn damaged_progress_is_restored_from_the_last_good_copy_and_offered_for_download() {
    let memory = MemoryStorage::default();
    let (root, session) = ada_in_check_a(Box::new(memory.clone())).await;
    answer(&root, true).await;
    click(&root, "[data-testid=next]");
    leptos::task::tick().await;
    answer(&root, true).await;
    let key = key_of(&session);
    root.remove();
    memory
        .set(
            &key,
            "{\"format\":\"masterly-store\",\"payload\":\"{\\\"attem",
        )
        .expect("damage the saved copy");

    let reloaded = open_page(Box::new(memory.clone()), false);
    let root = mount(reloaded);
    leptos::task::tick().await;
    let notices = notice_texts(&root);
    assert_eq!(notices, vec![text::restored(text::SAVED_PROGRESS)]);
    assert!(all_texts(&root, ".notice button").contains(&text::DOWNLOAD_DAMAGED.to_string()));
    // The last good copy is the one before the second answer.
    assert_eq!(attempts_in(&reloaded), Some(1));
    root.remove();
}

#[wasm_bindgen_test]
async fn two_tabs_of_one_learner_keep_each_others_answers() {
    let memory = MemoryStorage::default();
    let (first_root, first) = ada_in_check_a(Box::new(memory.clone())).await;
    answer(&first_root, true).await;

    // A second tab opens the same learner and answers in its own check.
    let second = open_page(Box::new(memory.clone()), false);
    let second_root = mount(second);
    leptos::task::tick().await;
    assert_eq!(attempts_in(&second), Some(1));
    click(&second_root, "[data-testid=next]");
    leptos::task::tick().await;
    answer(&second_root, false).await;
    assert_eq!(stored_workbook(&memory, &second).attempts.len(), 2);

    // The first tab hears of it, and its next save keeps both answers.
    let key = key_of(&first);
    first.storage_changed(&key);
    assert_eq!(attempts_in(&first), Some(2));
    first.interaction();
    let _ = first.update(|_| {});
    assert_eq!(stored_workbook(&memory, &first).attempts.len(), 2);
    first_root.remove();
    second_root.remove();
}

#[wasm_bindgen_test]
async fn a_question_answered_in_one_tab_is_not_answered_again_in_another() {
    let memory = MemoryStorage::default();
    let (first_root, first) = ada_in_check_a(Box::new(memory.clone())).await;
    // A second tab of the same learner opens on the same question, not yet answered.
    let second = open_page(Box::new(memory.clone()), false);
    let second_root = mount(second);
    leptos::task::tick().await;
    assert!(exists(&second_root, "[data-testid=submit-answer]"));
    assert!(!exists(&second_root, "[data-testid=feedback] .verdict"));

    // The first tab answers it right; the second, not yet told, answers it wrong.
    answer(&first_root, true).await;
    // (The answering helpers find fields by id, which both tabs' pages share.)
    first_root.remove();
    let instance = instance_on_screen(&second_root);
    give(&instance, &wrong_answer(&instance)).await;
    submit(&second_root).await;

    // One answer for the question, the first; the second tab shows it and says so.
    let stored = stored_workbook(&memory, &second);
    assert_eq!(stored.attempts.len(), 1);
    assert!(stored.attempts[0].correct);
    assert_eq!(attempts_in(&second), Some(1));
    assert!(
        text_of(&second_root, "[data-testid=feedback] .verdict").contains("Right"),
        "{}",
        text_of(&second_root, "[data-testid=feedback] .verdict")
    );
    assert!(
        notice_texts(&second_root)
            .iter()
            .any(|notice| notice.contains("already answered this question in another tab")),
        "{:?}",
        notice_texts(&second_root)
    );
    assert_eq!(attempts_in(&first), Some(1));
    first_root.remove();
    second_root.remove();
}

/// A long log is kept in two parts: the workbook key holds only the answers not yet
/// archived, so saving an answer writes little however long the log grows; a
/// reload and a second tab still see every answer, none doubled.
#[wasm_bindgen_test]
async fn a_long_log_moves_to_the_archive_and_every_answer_comes_back() {
    let memory = MemoryStorage::default();
    let (root, session) = ada_in_check_a(Box::new(memory.clone())).await;
    answer(&root, true).await;
    // 250 more answers (copies of the first with ids of their own) join the log.
    session.update(copies("earlier", 250)).expect("saved");
    // All 251 went into an archive chunk, and the workbook key holds none of them.
    let key = key_of(&session);
    let store = Store::with_backend(Box::new(memory.clone()), false);
    let chunks = |store: &Store| store.keys_starting(&chunk_prefix(&key));
    let archived = |store: &Store| {
        let mut all = Vec::new();
        for chunk in chunks(store) {
            let (text, _) = store.load(&chunk, ARCHIVE_KIND).expect("storage answers");
            let log = archive_from_stored(&text.expect("a chunk")).expect("the chunk reads back");
            all = merge_logs(&all, &log).0;
        }
        all
    };
    assert_eq!(chunks(&store).len(), 1);
    assert_eq!(archived(&store).len(), 251);
    assert_eq!(stored_workbook(&memory, &session).attempts.len(), 0);

    // The next answer is saved beside the archive, alone.
    click(&root, "[data-testid=next]");
    leptos::task::tick().await;
    answer(&root, false).await;
    assert_eq!(stored_workbook(&memory, &session).attempts.len(), 1);
    assert_eq!(archived(&store).len(), 251);

    // A reload sees every answer; a second tab's answer reaches the first tab.
    let second = open_page(Box::new(memory.clone()), false);
    assert_eq!(attempts_in(&second), Some(252));
    second
        .update(copies("second-tab", 1))
        .expect("the second tab saves");
    session.storage_changed(&key);
    assert_eq!(attempts_in(&session), Some(253));
    // Another tab archives an answer this tab has not heard of, in a chunk of its
    // own.
    let mut unheard = archived(&store)[0].clone();
    unheard.id = "unheard".to_string();
    store
        .save(
            &chunk_key(&key, "other-tab-1"),
            ARCHIVE_KIND,
            &archive_to_stored(&[unheard]),
            9,
            9,
        )
        .expect("the other tab saves");
    // Once enough gather, the first tab writes a new chunk; nothing is written
    // over another, so the answer it had not heard of stays.
    session.update(copies("later", 210)).expect("saved");
    assert_eq!(chunks(&store).len(), 3);
    assert_eq!(archived(&store).len(), 464);
    assert_eq!(stored_workbook(&memory, &session).attempts.len(), 0);
    // A chunk is written once: no last good copy of it is kept.
    for chunk in chunks(&store) {
        assert_eq!(
            memory.get(&format!("{chunk}.previous")),
            Ok(None),
            "{chunk}"
        );
    }
    let third = open_page(Box::new(memory.clone()), false);
    assert_eq!(attempts_in(&third), Some(464));
    // With the workbook key and its last good copy both damaged, the archive's
    // answers still come back (and the damaged text is offered for download).
    for damaged in [key.clone(), format!("{key}.previous")] {
        memory
            .set(&damaged, "{\"format\": \"masterly-st")
            .expect("damage");
    }
    let fourth = open_page(Box::new(memory.clone()), false);
    assert_eq!(attempts_in(&fourth), Some(464));
    root.remove();
}

/// A change that adds `count` copies of the first answer, with ids of their own
/// (`prefix-0`, `prefix-1`, …).
fn copies(prefix: &'static str, count: usize) -> impl FnOnce(&mut Workbook) {
    move |workbook: &mut Workbook| {
        let first = workbook.attempts[0].clone();
        for n in 0..count {
            let mut copy = first.clone();
            copy.id = format!("{prefix}-{n}");
            workbook.attempts.push(copy);
        }
    }
}

/// Two tabs of one learner that both move answers into chunks, turn and turn
/// about: each writes chunks of its own, neither drops the other's answers, and a
/// third page sees every answer once.
#[wasm_bindgen_test]
async fn two_tabs_writing_chunks_by_turns_lose_nothing() {
    let memory = MemoryStorage::default();
    let (root, first) = ada_in_check_a(Box::new(memory.clone())).await;
    answer(&root, true).await;
    root.remove();
    let second = open_page(Box::new(memory.clone()), false);
    first.update(copies("first-a", 150)).expect("saved");
    second.update(copies("second-a", 150)).expect("saved");
    first.update(copies("first-b", 120)).expect("saved");
    second.update(copies("second-b", 130)).expect("saved");
    first.update(copies("first-c", 1)).expect("saved");
    let key = key_of(&first);
    let store = Store::with_backend(Box::new(memory.clone()), false);
    let chunks = store.keys_starting(&chunk_prefix(&key));
    assert!(chunks.len() >= 2, "each tab wrote its own: {chunks:?}");
    let third = open_page(Box::new(memory.clone()), false);
    assert_eq!(attempts_in(&third), Some(1 + 150 + 150 + 120 + 130 + 1));
}

/// Damage in one archive chunk loses nothing outside it: a reload has every other
/// answer, says what was found, and offers the damaged text for download.
#[wasm_bindgen_test]
async fn a_damaged_chunk_loses_nothing_outside_it_and_is_reported() {
    let memory = MemoryStorage::default();
    let (root, session) = ada_in_check_a(Box::new(memory.clone())).await;
    answer(&root, true).await;
    root.remove();
    session.update(copies("first", 220)).expect("saved");
    session.update(copies("second", 210)).expect("saved");
    session.update(copies("latest", 5)).expect("saved");
    let key = key_of(&session);
    let store = Store::with_backend(Box::new(memory.clone()), false);
    let chunks = store.keys_starting(&chunk_prefix(&key));
    assert_eq!(chunks.len(), 2, "{chunks:?}");
    let damaged_chunk = chunks[1].clone();
    let damaged_count = archive_from_stored(
        &store
            .load(&damaged_chunk, ARCHIVE_KIND)
            .expect("storage answers")
            .0
            .expect("a chunk"),
    )
    .map(|log| log.len())
    .expect("the chunk reads");
    memory
        .set(
            &damaged_chunk,
            r#"{"format":"masterly-store","version":2,"payl"#,
        )
        .expect("damage");

    let reloaded = open_page(Box::new(memory.clone()), false);
    let root = mount(reloaded);
    leptos::task::tick().await;
    assert_eq!(attempts_in(&reloaded), Some(436 - damaged_count));
    assert_eq!(notice_texts(&root).len(), 1, "{:?}", notice_texts(&root));
    assert!(all_texts(&root, ".notice button").contains(&text::DOWNLOAD_DAMAGED.to_string()));
    // Nothing is written over the damaged chunk.
    let _ = reloaded.update(copies("after", 250));
    assert_eq!(
        memory.get(&damaged_chunk),
        Ok(Some(
            r#"{"format":"masterly-store","version":2,"payl"#.to_string()
        ))
    );
    root.remove();
}

/// A classroom computer holds a school year for thirty learners: 3,000 answers each,
/// kept as the page keeps them (archive chunks of 201, sealed), fit the browser's
/// real local storage with room to spare, and a learner's page loads them all.
#[wasm_bindgen_test]
async fn thirty_learners_with_3000_answers_each_fit_real_local_storage() {
    let local = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage in the test browser");
    local.clear().expect("a clean start");
    let curriculum = demo();
    let log = masterly_test_kit::synthetic::app_like_log(&curriculum, 3_000, 29);
    let page = StudentSession::with_store(Store::open_browser());
    page.set_curricula(loaded_shelves(vec![curriculum.clone()]));
    for learner in 0..30u64 {
        page.add_learner(&format!("Learner {learner}"))
            .expect("a learner is added");
        let key = key_of(&page);
        let mut own = log.clone();
        for (number, attempt) in own.iter_mut().enumerate() {
            let prefix =
                masterly_core::device::compact::id_prefix(learner * 1_000 + number as u64 / 25);
            attempt.id = masterly_core::device::compact::numbered_id(&prefix, number as u64 % 25);
        }
        for (number, chunk) in own.chunks(ARCHIVE_AFTER + 1).enumerate() {
            let sealed =
                masterly_core::device::store::seal(ARCHIVE_KIND, &archive_to_stored(chunk), 1, 1);
            local
                .set_item(&chunk_key(&key, &format!("a{learner}-{number}")), &sealed)
                .unwrap_or_else(|_| panic!("learner {learner}, chunk {number}: refused"));
        }
    }
    let mut characters = 0;
    for index in 0..local.length().unwrap_or(0) {
        let key = local.key(index).ok().flatten().unwrap_or_default();
        let value = local.get_item(&key).ok().flatten().unwrap_or_default();
        characters += key.encode_utf16().count() + value.encode_utf16().count();
    }
    web_sys::console::log_1(
        &format!(
            "30 learners x 3,000 answers: {characters} characters of local storage, {:.1} per answer",
            characters as f64 / 90_000.0
        )
        .into(),
    );
    assert!(
        characters < 3_600_000,
        "{characters} characters: past 70% of 5 million"
    );
    // The last learner's page (a reload) has every one of their answers.
    let reloaded = StudentSession::with_store(Store::open_browser());
    reloaded.set_curricula(loaded_shelves(vec![curriculum]));
    assert_eq!(attempts_in(&reloaded), Some(3_000));
    local.clear().expect("clean up");
}

mod course_files {
    use super::*;
    use masterly_web::library::Imported;

    const MINIMAL: &str = include_str!("../../../core/tests/fixtures/curricula/good/minimal.json");
    const DUPLICATE_IDS: &str =
        include_str!("../../../core/tests/fixtures/curricula/bad/duplicate-ids.json");
    const DUPLICATE_IDS_EXPECTED: &str =
        include_str!("../../../core/tests/fixtures/curricula/bad/duplicate-ids.expected");

    fn course_titles(session: &StudentSession) -> Vec<String> {
        session
            .device
            .curricula()
            .iter()
            .flat_map(|c| c.courses.iter().map(|course| course.title.clone()))
            .collect()
    }

    /// Opens the fixture's course file: added, listed after the bundled course, and
    /// opened at its first course.
    async fn opens_the_fixture_course(session: StudentSession, root: &web_sys::HtmlElement) {
        assert_eq!(
            session.import_curriculum(MINIMAL),
            Ok(Imported::Added {
                title: "Fixture".into()
            })
        );
        leptos::task::tick().await;
        assert_eq!(
            course_titles(&session),
            vec!["Demo: fractions in ten minutes", "Course one"]
        );
        assert_eq!(text_of(root, "h1"), "Course one");
    }

    #[wasm_bindgen_test]
    async fn a_course_file_is_added_kept_and_opened() {
        let memory = MemoryStorage::default();
        let session = open_page(Box::new(memory.clone()), false);
        session.add_learner("Ada").expect("Ada is added");
        let root = mount(session);
        leptos::task::tick().await;

        opens_the_fixture_course(session, &root).await;
        assert_eq!(
            session.import_curriculum(MINIMAL),
            Ok(Imported::AlreadyHere {
                title: "Fixture".into()
            })
        );
        root.remove();

        // Still there on the next visit.
        let reloaded = open_page(Box::new(memory.clone()), false);
        assert_eq!(
            course_titles(&reloaded),
            vec!["Demo: fractions in ten minutes", "Course one"]
        );
        // A newer copy of the same curriculum replaces it, and says which version.
        let newer = MINIMAL.replacen("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", 1);
        assert_ne!(newer, MINIMAL);
        assert_eq!(
            reloaded.import_curriculum(&newer),
            Ok(Imported::Replaced {
                title: "Fixture".into(),
                old_version: "1.0.0".into()
            })
        );
        assert_eq!(course_titles(&reloaded).len(), 2);
    }

    /// A course file opened on a full device is still opened for this visit, and
    /// the banner says exactly that (not that answers were lost).
    #[wasm_bindgen_test]
    async fn a_course_file_on_a_full_device_is_kept_for_this_visit_and_says_so() {
        let storage = Filling::new(None);
        let session = open_page(Box::new(storage.clone()), false);
        session.add_learner("Ada").expect("Ada is added");
        let root = mount(session);
        leptos::task::tick().await;
        storage.full.set(true);
        opens_the_fixture_course(session, &root).await;
        assert!(
            notice_texts(&root)
                .contains(&text::course_not_kept("Fixture", &SaveError::QuotaExceeded)),
            "{:?}",
            notice_texts(&root)
        );
        assert!(storage.refused.get() > 0, "the storage really refused");
        root.remove();
        storage.full.set(false);
        let reloaded = open_page(Box::new(storage.clone()), false);
        assert_eq!(
            course_titles(&reloaded),
            vec!["Demo: fractions in ten minutes"]
        );
    }

    #[wasm_bindgen_test]
    async fn a_bad_course_file_lists_every_problem_and_changes_nothing() {
        let memory = MemoryStorage::default();
        let session = open_page(Box::new(memory.clone()), false);
        session.add_learner("Ada").expect("Ada is added");
        let keys_before = memory.keys();
        let problems = session
            .import_curriculum(DUPLICATE_IDS)
            .expect_err("the file is refused");
        let expected: Vec<&str> = DUPLICATE_IDS_EXPECTED.lines().collect();
        assert_eq!(problems, expected);
        assert_eq!(
            course_titles(&session),
            vec!["Demo: fractions in ten minutes"]
        );
        assert_eq!(memory.keys(), keys_before, "nothing was stored");

        let problems = session
            .import_curriculum("{\"format\": \"masterly-curriculum\", ")
            .expect_err("a truncated file is refused");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("line 1"), "{problems:?}");
    }
}

#[wasm_bindgen_test]
async fn the_course_map_shows_the_learners_goals() {
    let session = open_page(Box::<MemoryStorage>::default(), false);
    session.add_learner("Ada").expect("Ada is added");
    let root = mount(session);
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, "[data-testid=weekly-minutes]"),
        text::weekly_minutes(0, 45)
    );
    assert!(
        !exists(&root, "[data-testid=course-goal]"),
        "no goal set yet"
    );
    let course = demo().courses[0].id.clone();
    session
        .update(|workbook| {
            workbook.goals.course = Some(course);
            workbook.goals.target_date = Some("2027-03-31".into());
            workbook.goals.weekly_minutes = 60;
        })
        .expect("saved");
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, "[data-testid=course-goal]"),
        "Your goal: master “Demo: fractions in ten minutes” by 31 March 2027."
    );
    assert_eq!(text::date_in_words("2028-02-29"), "29 February 2028");
    assert_eq!(text::date_in_words("2027-02-30"), "2027-02-30");
    assert_eq!(
        text_of(&root, "[data-testid=weekly-minutes]"),
        text::weekly_minutes(0, 60)
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn hints_are_read_out_where_they_appear_and_the_last_hands_focus_to_the_answer() {
    let memory = MemoryStorage::default();
    let (root, _context) = ada_in_check_a(Box::new(memory)).await;
    let hints = root
        .query_selector("[data-testid=hints]")
        .ok()
        .flatten()
        .expect("the first question of check A has hints");
    assert_eq!(hints.get_attribute("aria-live").as_deref(), Some("polite"));
    let total = instance_on_screen(&root).hints.len();
    assert!(total >= 1);
    for shown in 1..=total {
        click(&root, "[data-testid=show-hint]");
        leptos::task::tick().await;
        assert_eq!(all_texts(&root, "[data-testid=hints] li").len(), shown);
    }
    // The hint button is spent: focus is on the answer, inside the question.
    let active = focus_on_the_answer(&root);
    assert_ne!(
        active.get_attribute("data-testid").as_deref(),
        Some("show-hint")
    );
    root.remove();
}

/// Checks that focus is on a control of the question on screen (a field, a choice
/// or a button), and gives that element.
fn focus_on_the_answer(root: &web_sys::HtmlElement) -> web_sys::Element {
    let active = document().active_element().expect("something has focus");
    let item = root
        .query_selector("[data-testid=item]")
        .ok()
        .flatten()
        .expect("the question");
    assert!(item.contains(Some(&active)), "focus is not in the question");
    let picture_control = active.get_attribute("tabindex").as_deref() == Some("0");
    assert!(
        matches!(active.tag_name().as_str(), "INPUT" | "SELECT" | "BUTTON") || picture_control,
        "focus on a {}",
        active.tag_name()
    );
    active
}

/// Waits for the browser's next frame (after what `request_animation_frame` queued).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn a_wrong_practice_answer_gets_a_step_to_think_with_and_focus_goes_to_trying_again() {
    let memory = MemoryStorage::default();
    let (root, _context) = ada_in_check_a(Box::new(memory)).await;
    // Check A all wrong: correctives with practice for every objective.
    answer_until_results(&root, false).await;
    click(&root, "[data-action=back-to-unit]");
    leptos::task::tick().await;
    click(&root, "[data-action=start-practice]");
    leptos::task::tick().await;
    let instance = answer(&root, false).await;
    let said = all_texts(
        &root,
        "[data-testid=feedback] .targeted, [data-testid=feedback] .misconception",
    );
    assert!(
        !said.is_empty() && said.iter().all(|text| !text.trim().is_empty()),
        "{}: nothing to think with after a wrong answer: {said:?}",
        instance.item_id
    );
    if exists(&root, "[data-testid=think-step]") {
        let step = text_of(&root, "[data-testid=think-step]");
        assert!(
            step.starts_with("Try this:") && step.len() > "Try this:".len(),
            "{step}"
        );
    }
    let focused = || {
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-action"))
    };
    assert_eq!(
        focused().as_deref(),
        Some("try-again"),
        "focus on trying again"
    );
    click(&root, "[data-action=try-again]");
    leptos::task::tick().await;
    next_frame().await;
    focus_on_the_answer(&root);
    root.remove();
}

/// A wrong number near the right one for a numeric item: upside down, one off in
/// the denominator, or the wrong sign; None when none of them is recognised as near.
fn near_miss_for(instance: &ItemInstance) -> Option<Response> {
    let Expected::Numeric { value, .. } = &instance.expected else {
        return None;
    };
    let (num, den) = (value.numerator(), value.denominator());
    [
        format!("{den}/{num}"),
        format!("{num}/{}", den + 1),
        format!("-{value}"),
    ]
    .into_iter()
    .map(|text| Response::Number { text })
    .find(|response| judge(instance, response).is_ok_and(|j| j.near_miss.is_some()))
}

#[wasm_bindgen_test]
async fn a_nearly_right_number_is_told_what_is_right_already_and_what_to_check() {
    let (root, _context) = ada_in_check_a(Box::new(MemoryStorage::default())).await;
    let mut nudged = 0;
    while !exists(&root, "[data-testid=results]") {
        let instance = instance_on_screen(&root);
        match near_miss_for(&instance) {
            Some(response) => {
                let near = judge(&instance, &response)
                    .ok()
                    .and_then(|j| j.near_miss)
                    .expect("near");
                give(&instance, &response).await;
                submit(&root).await;
                assert_eq!(
                    text_of(&root, "[data-testid=near-miss]"),
                    masterly_text::Say::say(&near),
                    "{}",
                    instance.item_id
                );
                nudged += 1;
            }
            None => {
                answer(&root, true).await;
                assert!(
                    !exists(&root, "[data-testid=near-miss]"),
                    "a right answer is not near"
                );
            }
        }
        click(&root, "[data-testid=next]");
        leptos::task::tick().await;
    }
    assert!(
        nudged > 0,
        "check A of the demo's first unit asks for a number"
    );
    root.remove();
}

/// A new learner opens the demo's second unit, whose readiness check stands before
/// it, and answers every question of that check right or wrong; gives the page.
async fn readiness_check_answered(nickname: &str, right: bool) -> web_sys::HtmlElement {
    readiness_check_answered_as(nickname, |_| right).await
}

/// As `readiness_check_answered`, the `n`th question (from 0) answered right when
/// `right(n)`.
async fn readiness_check_answered_as(
    nickname: &str,
    right: impl Fn(usize) -> bool,
) -> web_sys::HtmlElement {
    let session = open_page(Box::new(MemoryStorage::default()), false);
    session.add_learner(nickname).expect("the learner is added");
    let root = mount(session);
    leptos::task::tick().await;
    let second_unit: web_sys::HtmlElement = root
        .query_selector_all(".unit-card .open-unit")
        .expect("valid selector")
        .item(1)
        .expect("a second unit")
        .unchecked_into();
    second_unit.click();
    leptos::task::tick().await;
    click(&root, "[data-action=start-readiness]");
    leptos::task::tick().await;
    let mut asked = 0;
    while !exists(&root, "[data-testid=results]") {
        answer(&root, right(asked)).await;
        asked += 1;
        click(&root, "[data-testid=next]");
        leptos::task::tick().await;
    }
    root
}

#[wasm_bindgen_test]
async fn a_readiness_check_with_one_gap_looks_back_at_that_objective_alone() {
    let root = readiness_check_answered_as("Ada", |n| n != 0).await;
    assert_eq!(
        text_of(&root, "[data-testid=results] h1"),
        "Nearly ready for “Fractions on a number line”! First, a quick look back at one thing \
         from before."
    );
    let scores = all_texts(&root, "[data-testid=score]");
    assert_eq!(
        scores.iter().filter(|s| *s == "0/1").count(),
        1,
        "{scores:?}"
    );
    click(&root, "[data-action=back-to-unit]");
    leptos::task::tick().await;
    assert_eq!(
        all_texts(&root, "[data-testid=corrective]").len(),
        1,
        "one gap to look at"
    );
    assert!(
        exists(&root, "[data-action=start-readiness]"),
        "and to check again"
    );
    // Practice on the gap comes back to this unit, not the earlier one.
    click(&root, "[data-action=start-practice]");
    leptos::task::tick().await;
    answer_until_results(&root, true).await;
    click(&root, "[data-action=back-to-unit]");
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, "[data-testid=unit-page] h1"),
        "Fractions on a number line"
    );
    click(&root, "[data-action=start-readiness]");
    leptos::task::tick().await;
    let mut asked = 0;
    while !exists(&root, "[data-testid=results]") {
        answer(&root, true).await;
        asked += 1;
        click(&root, "[data-testid=next]");
        leptos::task::tick().await;
    }
    assert_eq!(asked, 2, "two questions on the one gap");
    assert_eq!(
        text_of(&root, "[data-testid=results] h1"),
        "You're ready for “Fractions on a number line”! Start with its lessons."
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn readiness_results_say_what_the_check_showed_and_what_comes_next() {
    let ready = readiness_check_answered("Ada", true).await;
    assert_eq!(
        text_of(&ready, "[data-testid=results] h1"),
        "You're ready for “Fractions on a number line”! Start with its lessons."
    );
    // A readiness check counts towards no level: no level column to contradict it.
    assert!(!text_of(&ready, "[data-testid=results]").contains("Not started"));
    assert_eq!(all_texts(&ready, "[data-testid=results] thead th").len(), 2);
    ready.remove();

    let not_yet = readiness_check_answered("Ben", false).await;
    assert_eq!(
        text_of(&not_yet, "[data-testid=results] h1"),
        "This unit needs “Equal parts of a whole” first. Learn that, then come back here."
    );
    not_yet.remove();
}

#[wasm_bindgen_test]
async fn the_lessons_come_before_the_button_that_starts_check_a() {
    let session = open_page(Box::new(MemoryStorage::default()), false);
    session.add_learner("Ada").expect("Ada is added");
    let root = mount(session);
    leptos::task::tick().await;
    click(&root, ".unit-card .open-unit");
    leptos::task::tick().await;
    let find = |selector: &str| {
        root.query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("nothing at {selector}"))
    };
    let lessons = find("details.lessons");
    let start = find("[data-action=start-formative-a]");
    assert_ne!(
        lessons.compare_document_position(&start) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        0,
        "check A starts before the lessons"
    );
    // Later stages put what to do first: after check A, correctives lead.
    start.unchecked_ref::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    answer_until_results(&root, false).await;
    click(&root, "[data-action=back-to-unit]");
    leptos::task::tick().await;
    let practice = find("[data-action=start-practice]");
    let lessons = find("details.lessons");
    assert_ne!(
        practice.compare_document_position(&lessons) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        0,
        "correctives come before the lessons"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn an_exported_progress_file_is_named_and_the_student_told_what_to_do() {
    let memory = MemoryStorage::default();
    let session = open_page(Box::new(memory), false);
    session.add_learner("Ada").expect("Ada is added");
    let root = mount(session);
    leptos::task::tick().await;
    click(&root, "[data-testid=export-progress]");
    leptos::task::tick().await;
    let said = notice_texts(&root).join("\n");
    assert!(
        said.contains("saved in the file masterly-progress-Ada-masterly-demo.json")
            && said.contains("Give this file to your teacher."),
        "{said}"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn a_refused_read_says_the_browser_s_reason_in_plain_words() {
    let refused = BackendError::Refused("The operation is insecure.".to_string());
    assert_eq!(
        text::storage_refused(&refused),
        "The browser refused to read saved data (The operation is insecure.)."
    );
    assert_eq!(
        text::storage_refused(&BackendError::QuotaExceeded),
        "The browser refused to read saved data (its storage is full)."
    );
}

/// The teacher's page on a shared computer lists whose work it keeps, offers to
/// remove only a learner whose exported progress file holds every answer, asks
/// first, and removes nothing else; a student's tab that still lists the learner
/// does not bring them back.
#[wasm_bindgen_test]
async fn a_learner_whose_exported_file_holds_all_their_work_can_be_removed_from_the_teachers_page()
{
    use masterly_core::device::profiles::{Profiles, PROFILES_KEY, PROFILES_KIND};
    use masterly_web::device::Device;
    use masterly_web::free_space::NotRemoved;
    use masterly_web::teacher::TeacherSession;

    let memory = MemoryStorage::default();
    let (root, ada) = ada_in_check_a(Box::new(memory.clone())).await;
    answer(&root, true).await;
    root.remove();
    // More than a chunk's worth, so that Ada's work is in a chunk and the workbook.
    ada.update(copies("early", ARCHIVE_AFTER + 20))
        .expect("saved");
    let ada_id = ada
        .workbook
        .with_untracked(|w| w.as_ref().map(|w| w.learner.id.clone()))
        .expect("Ada's workbook");
    let ada_keys = || {
        memory
            .keys()
            .into_iter()
            .filter(|key| key.starts_with(&format!("masterly.workbook.{ada_id}.")))
            .count()
    };
    assert!(ada_keys() >= 3, "workbook, its last good copy and a chunk");
    let ben = open_page(Box::new(memory.clone()), false);
    ben.add_learner("Ben").expect("Ben is added");

    let device = Device::with_store(Store::with_backend(Box::new(memory.clone()), false));
    let teacher = TeacherSession::on(device);
    teacher.device.set_library(loaded_shelves(vec![demo()]));
    let (learners, _) = teacher.device.stored_learners();
    let names: Vec<&str> = learners
        .iter()
        .map(|l| l.learner.nickname.as_str())
        .collect();
    assert_eq!(names, ["Ada", "Ben"]);
    assert_eq!(learners[0].answers, ARCHIVE_AFTER + 21);
    assert!(!learners[0].can_be_removed(), "nothing exported yet");
    assert!(learners[1].can_be_removed(), "Ben has no answers");
    assert_eq!(
        teacher.device.remove_learner(&ada_id),
        Err(NotRemoved::NoLongerSafe)
    );

    // Exported, then one more answer: still not removable, and nothing goes.
    assert!(ada.export_progress().is_some());
    assert!(teacher.device.stored_learners().0[0].can_be_removed());
    ada.update(copies("late", 1)).expect("saved");
    assert!(!teacher.device.stored_learners().0[0].can_be_removed());
    let before = ada_keys();
    assert_eq!(
        teacher.device.remove_learner(&ada_id),
        Err(NotRemoved::NoLongerSafe)
    );
    assert_eq!(ada_keys(), before);
    assert!(ada.export_progress().is_some());

    // On the page: Ada's row offers removal, asks first, and "Keep" keeps her.
    let root = fresh_container();
    leptos::mount::mount_to(root.clone(), move || {
        masterly_web::provide_teacher(teacher);
        view! { <masterly_web::TeacherShell /> }
    })
    .forget();
    leptos::task::tick().await;
    let rows = all_texts(&root, "[data-testid=stored-learner]");
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].contains("holds every answer"), "{rows:?}");
    click(
        &root,
        "[data-testid=stored-learner] [data-testid=remove-learner]",
    );
    leptos::task::tick().await;
    assert!(
        text_of(&root, ".confirm-removal p").contains("Keep that file safe"),
        "the teacher is asked first"
    );
    click(&root, ".confirm-removal button:not(.danger)");
    leptos::task::tick().await;
    assert!(!exists(&root, ".confirm-removal"));
    assert_eq!(teacher.device.stored_learners().0.len(), 2);
    click(
        &root,
        "[data-testid=stored-learner] [data-testid=remove-learner]",
    );
    leptos::task::tick().await;
    click(&root, "[data-testid=confirm-removal]");
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, "[data-testid=removal-status]"),
        text::learner_removed("Ada")
    );
    assert_eq!(ada_keys(), 0, "every key of Ada's work is gone");
    assert_eq!(
        all_texts(&root, "[data-testid=stored-learner] strong"),
        ["Ben"]
    );
    root.remove();

    // Ada's own tab, still open, saves its list: she does not come back.
    ada.sign_out();
    let store = Store::with_backend(Box::new(memory.clone()), false);
    let (stored, _) = store
        .load(PROFILES_KEY, PROFILES_KIND)
        .expect("storage answers");
    let profiles = Profiles::from_stored(&stored.expect("a learner list")).expect("it reads");
    let names: Vec<&str> = profiles
        .profiles
        .iter()
        .map(|p| p.learner.nickname.as_str())
        .collect();
    assert_eq!(names, ["Ben"]);
}

/// On a shared computer, the first page after the browser was closed asks who is
/// learning, unless the learner ticked "Keep me signed in" on the start screen.
#[wasm_bindgen_test]
async fn a_reopened_browser_asks_who_is_learning_unless_they_chose_to_stay() {
    let memory = MemoryStorage::default();
    let session = open_page(Box::new(memory.clone()), false);
    session.add_learner("Ada").expect("Ada is added");
    assert!(attempts_in(&session).is_some(), "Ada's workbook is open");
    session.browser_reopened();
    assert_eq!(attempts_in(&session), None);
    let reopened = open_page(Box::new(memory.clone()), false);
    assert_eq!(attempts_in(&reopened), None, "the start screen, stored");

    // Ada ticks the box and picks her name on the start screen.
    let root = mount(reopened);
    leptos::task::tick().await;
    let keep: web_sys::HtmlInputElement = root
        .query_selector("#keep-signed-in")
        .ok()
        .flatten()
        .expect("the choice to stay signed in")
        .unchecked_into();
    assert!(!keep.checked(), "off unless chosen");
    keep.click();
    leptos::task::tick().await;
    click(&root, ".learner-choice");
    leptos::task::tick().await;
    assert!(exists(&root, "[data-testid=course-map]"));
    root.remove();
    let later = open_page(Box::new(memory.clone()), false);
    later.browser_reopened();
    assert!(attempts_in(&later).is_some(), "Ada stays signed in");
}
