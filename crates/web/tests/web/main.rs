//! Browser tests: the real shell mounted in headless Chromium, driven by clicks.
//! Run with `make test` (or `cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use masterly_core::content::curriculum::load_curriculum;
use masterly_web::student::StudentSession;
use masterly_web::Shell;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod answering;
mod files;
mod library;
mod pictures;
mod player;
mod session;
mod teacher;

const DEMO: &str = include_str!("../../../../curricula/demo.json");
const SECOND: &str = include_str!("../../../core/tests/fixtures/curricula/good/minimal.json");

/// An empty element appended to the page, for one test to mount into.
fn fresh_container() -> web_sys::HtmlElement {
    let document = document();
    let container: web_sys::HtmlElement = document
        .create_element("div")
        .expect("create a container")
        .unchecked_into();
    document
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("append");
    container
}

/// Mounts the shell over the given curricula, with one learner signed in, in a
/// fresh container and returns it.
fn mount_shell(curricula: &[&str]) -> web_sys::HtmlElement {
    let container = fresh_container();
    let loaded: Vec<_> = curricula
        .iter()
        .map(|text| {
            Arc::new(
                load_curriculum(text)
                    .expect("fixture curriculum loads")
                    .curriculum,
            )
        })
        .collect();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let session = StudentSession::with_curricula(loaded.clone());
        session
            .add_learner("Robin")
            .expect("a first learner can be added");
        masterly_web::provide_student(session);
        view! { <Shell /> }
    });
    handle.forget();
    container
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn all_texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn the_course_map_shows_units_objectives_and_their_levels() {
    let root = mount_shell(&[DEMO]);
    leptos::task::tick().await;

    assert_eq!(text_of(&root, "h1"), "Demo: fractions in ten minutes");
    assert_eq!(
        all_texts(&root, ".unit-card h2"),
        vec![
            "Unit 1Equal parts of a whole",
            "Unit 2Fractions on a number line"
        ]
    );
    assert_eq!(
        text_of(&root, "[data-testid=course-progress]"),
        "0 of 6 objectives mastered"
    );
    // Unit 2 says what it builds on, by title rather than by id.
    assert_eq!(
        all_texts(&root, ".unit-prerequisites"),
        vec!["Builds on: Equal parts of a whole"]
    );
    // Each objective carries its level as a word, not only a colour.
    let badges = all_texts(&root, ".objective .level");
    assert_eq!(badges.len(), 6);
    assert!(
        badges.iter().all(|badge| badge.ends_with("Not started")),
        "{badges:?}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_another_course_shows_its_map() {
    let root = mount_shell(&[DEMO, SECOND]);
    leptos::task::tick().await;
    let buttons = root
        .query_selector_all(".course-choice")
        .expect("valid selector");
    assert_eq!(buttons.length(), 2);
    let second: web_sys::HtmlElement = buttons
        .item(1)
        .expect("a second course button")
        .unchecked_into();
    assert_eq!(second.get_attribute("aria-current"), None);

    second.click();
    leptos::task::tick().await;

    assert_eq!(text_of(&root, "h1"), "Course one");
    // The map is drawn again for the chosen course, picker included.
    let current: Vec<String> = all_texts(&root, ".course-choice[aria-current=page]");
    assert_eq!(current, vec!["Course one"]);
    assert_eq!(
        text_of(&root, "[data-testid=course-progress]"),
        "0 of 6 objectives mastered"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_level_legend_explains_every_level() {
    let root = mount_shell(&[DEMO]);
    leptos::task::tick().await;
    let terms = all_texts(&root, ".level-legend dt");
    assert_eq!(
        terms,
        vec![
            "○Not started",
            "◔Attempted",
            "◑Familiar",
            "◕Proficient",
            "●Mastered"
        ]
    );
    root.remove();
}

#[wasm_bindgen_test]
fn seeds_give_the_same_questions_in_the_browser_as_natively() {
    let golden = include_str!("../../../core/tests/fixtures/golden-instances.json");
    let (compared, differences) =
        masterly_test_kit::golden::golden_differences(golden).expect("golden file parses");
    assert!(compared >= 10, "only {compared} values compared");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[wasm_bindgen_test]
async fn fractions_in_text_are_stacked_and_said_in_words() {
    use masterly_web::components::rich_text::{MathText, RichText};
    let container = fresh_container();
    let prompt = "Is (2 × 4)/(3 × 4) the same as 2/3? Not 31/03/2027.".to_string();
    leptos::mount::mount_to(container.clone(), move || {
        view! {
            <RichText text=prompt.clone() />
            <p class="choice"><MathText text="1 1/2".to_string() /></p>
        }
    })
    .forget();
    leptos::task::tick().await;
    let stacked = |selector: &str| all_texts(&container, selector);
    assert_eq!(stacked(".fraction .numerator"), vec!["2 × 4", "2", "1"]);
    assert_eq!(stacked(".fraction .denominator"), vec!["3 × 4", "3", "2"]);
    assert_eq!(
        stacked(".fraction .visually-hidden"),
        vec!["2 × 4 over 3 × 4", "2 thirds", "1 and 1 half"]
    );
    assert_eq!(stacked(".fraction .whole"), vec!["1"]);
    assert_eq!(
        stacked(".unbroken"),
        vec![
            "2 × 4 over 3 × 42 × 43 × 4",
            "2 thirds23?",
            "1 and 1 half112"
        ],
        "the question mark is kept on the line of its fraction"
    );
    let drawn = container
        .query_selector_all(".fraction [aria-hidden=true] .stack")
        .map(|found| found.length());
    assert_eq!(drawn, Ok(3), "the drawing is hidden from screen readers");
    let paragraph = text_of(&container, ".rich-text p");
    assert!(
        paragraph.ends_with("Not 31/03/2027."),
        "a date stays as written: {paragraph}"
    );
    assert!(text_of(&container, ".choice").starts_with("1 and 1 half"));
    container.remove();
}

#[wasm_bindgen_test]
async fn curriculum_text_can_never_inject_html_script_or_unsafe_links() {
    use masterly_web::components::rich_text::RichText;
    let container = fresh_container();
    let hostile = "<script>window.pwned = 1</script> <img src=x onerror=alert(1)> **bold** \
                   [bad](javascript:alert(1)) [good](https://example.org)\n\n- one\n- two"
        .to_string();
    leptos::mount::mount_to(
        container.clone(),
        move || view! { <RichText text=hostile.clone() /> },
    )
    .forget();
    leptos::task::tick().await;

    assert_eq!(
        container
            .query_selector_all("script")
            .map(|n| n.length())
            .ok(),
        Some(0)
    );
    assert_eq!(
        container.query_selector_all("img").map(|n| n.length()).ok(),
        Some(0)
    );
    let paragraph = text_of(&container, "p");
    assert!(
        paragraph.starts_with("<script>window.pwned = 1</script> <img src=x"),
        "{paragraph}"
    );
    assert_eq!(text_of(&container, "strong"), "bold");
    let links = container.query_selector_all("a").expect("valid selector");
    assert_eq!(links.length(), 1, "only the https link is a link");
    let link: web_sys::Element = links.item(0).expect("a link").unchecked_into();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(all_texts(&container, "li"), vec!["one", "two"]);
    let pwned = web_sys::js_sys::Reflect::get(&web_sys::window().expect("window"), &"pwned".into())
        .expect("read window.pwned");
    assert!(pwned.is_undefined(), "the script ran");
    container.remove();
}

mod storage {
    use masterly_web::storage::{
        BackendError, BrowserStorage, KeyValue, LoadNotice, MemoryStorage, SaveError, Store,
    };
    use std::cell::Cell;
    use wasm_bindgen_test::*;

    const KIND: &str = "learner-log";

    fn local() -> web_sys::Storage {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .expect("local storage in the test browser")
    }

    fn clear(key: &str) {
        for suffix in ["", ".previous", ".damaged"] {
            let _ = local().remove_item(&format!("{key}{suffix}"));
        }
    }

    fn browser_store() -> Store {
        Store::with_backend(
            Box::new(BrowserStorage::probe().expect("storage is available")),
            false,
        )
    }

    #[wasm_bindgen_test]
    fn a_saved_payload_loads_back_from_real_local_storage() {
        let key = "masterly.test.roundtrip";
        clear(key);
        let store = browser_store();
        assert_eq!(
            store.save(key, KIND, r#"{"attempts":[1]}"#, 1_000, 1),
            Ok(())
        );
        assert_eq!(
            store.load(key, KIND),
            Ok((Some(r#"{"attempts":[1]}"#.to_string()), LoadNotice::None))
        );
        // The raw value is an envelope, not the bare payload, and the payload sits in
        // it as JSON, encoded once: no quote is escaped.
        let raw = local().get_item(key).ok().flatten().unwrap_or_default();
        assert!(
            raw.contains("masterly-store") && raw.contains("checksum"),
            "{raw}"
        );
        assert!(raw.contains(r#""payload":{"attempts":[1]}"#), "{raw}");
        assert!(!raw.contains('\\'), "{raw}");
        clear(key);
    }

    #[wasm_bindgen_test]
    fn damaged_data_is_detected_the_last_good_copy_restored_and_the_raw_text_kept() {
        let key = "masterly.test.damage";
        clear(key);
        let store = browser_store();
        assert_eq!(store.save(key, KIND, "[1]", 1_000, 1), Ok(()));
        assert_eq!(store.save(key, KIND, "[1,2]", 2_000, 2), Ok(()));
        local()
            .set_item(key, "{\"format\":\"masterly-store\",\"vers")
            .expect("write garbage");

        let (payload, notice) = store.load(key, KIND).expect("load");
        assert_eq!(payload.as_deref(), Some("[1]"), "the last good copy");
        assert!(
            matches!(notice, LoadNotice::Restored { ref damaged, .. } if damaged.ends_with("\"vers"))
        );
        assert_eq!(
            store.damaged(key).as_deref(),
            Some("{\"format\":\"masterly-store\",\"vers")
        );
        // The restored copy is current again.
        assert_eq!(
            store.load(key, KIND).map(|(p, _)| p),
            Ok(Some("[1]".to_string()))
        );
        clear(key);
    }

    #[wasm_bindgen_test]
    fn the_browsers_own_full_storage_error_is_recognised() {
        // Fill real local storage past its quota (a few megabytes in Chromium).
        let key = "masterly.test.quota";
        let storage = BrowserStorage::probe().expect("storage is available");
        let big = "x".repeat(12 * 1024 * 1024);
        // Text that is not JSON, and a JSON value (written through gloo's typed set).
        let result = storage.set(key, &big);
        let _ = storage.remove(key);
        assert_eq!(result, Err(BackendError::QuotaExceeded));
        let result = storage.set(key, &format!("\"{big}\""));
        let _ = storage.remove(key);
        assert_eq!(result, Err(BackendError::QuotaExceeded));
        assert_eq!(storage.get(key), Ok(None));
    }

    #[wasm_bindgen_test]
    fn a_key_written_by_another_tab_is_known_to_have_changed() {
        let memory = MemoryStorage::default();
        let this_tab = Store::with_backend(Box::new(memory.clone()), false);
        let other_tab = Store::with_backend(Box::new(memory.clone()), false);
        assert!(!this_tab.unchanged_since_last_use("k"), "nothing read yet");
        assert_eq!(this_tab.save("k", KIND, "[1]", 1, 1), Ok(()));
        assert!(this_tab.unchanged_since_last_use("k"));
        assert_eq!(other_tab.save("k", KIND, "[1,2]", 2, 1), Ok(()));
        assert!(!this_tab.unchanged_since_last_use("k"));
        assert_eq!(
            this_tab.load("k", KIND).map(|(p, _)| p),
            Ok(Some("[1,2]".to_string()))
        );
        assert!(this_tab.unchanged_since_last_use("k"));
        // Damage is never taken for the known copy.
        memory
            .set("k", "{\"format\":\"masterly-store\"")
            .expect("damage");
        assert!(!this_tab.unchanged_since_last_use("k"));
    }

    /// What goes wrong with a write once the good ones are used up.
    #[derive(Clone, Copy)]
    enum Fault {
        /// The browser says the quota is exceeded.
        QuotaExceeded,
        /// The write seems to succeed but keeps all but the last character.
        Truncated,
    }

    /// Memory storage whose writes go wrong after a number of good ones.
    struct Faulty {
        inner: MemoryStorage,
        good_writes: Cell<usize>,
        fault: Fault,
    }

    impl Faulty {
        fn store(memory: &MemoryStorage, good_writes: usize, fault: Fault) -> Store {
            let backend = Faulty {
                inner: memory.clone(),
                good_writes: Cell::new(good_writes),
                fault,
            };
            Store::with_backend(Box::new(backend), false)
        }
    }

    impl KeyValue for Faulty {
        fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
            if self.good_writes.get() > 0 {
                self.good_writes.set(self.good_writes.get() - 1);
                return self.inner.set(key, value);
            }
            match self.fault {
                Fault::QuotaExceeded => Err(BackendError::QuotaExceeded),
                Fault::Truncated => self.inner.set(key, &value[..value.len() - 1]),
            }
        }
        fn remove(&self, key: &str) -> Result<(), BackendError> {
            self.inner.remove(key)
        }
    }

    #[wasm_bindgen_test]
    fn a_full_quota_during_a_save_is_reported_and_loses_nothing() {
        let memory = MemoryStorage::default();
        let store = Faulty::store(&memory, 2, Fault::QuotaExceeded);
        assert_eq!(store.save("k", KIND, "[1]", 1, 1), Ok(()));
        // The second save moves the good copy aside, then the quota runs out.
        assert_eq!(
            store.save("k", KIND, "[1,2]", 2, 2),
            Err(SaveError::QuotaExceeded)
        );
        let reader = Store::with_backend(Box::new(memory), false);
        assert_eq!(
            reader.load("k", KIND),
            Ok((Some("[1]".to_string()), LoadNotice::None))
        );
    }

    #[wasm_bindgen_test]
    fn a_write_not_read_back_intact_fails_and_the_last_good_copy_stays() {
        let memory = MemoryStorage::default();
        // Good: the first save, then the second save's copy of it as the last good one.
        let store = Faulty::store(&memory, 2, Fault::Truncated);
        assert_eq!(store.save("k", KIND, "[1]", 1, 1), Ok(()));
        assert!(matches!(
            store.save("k", KIND, "[1,2]", 2, 2),
            Err(SaveError::Failed(reason)) if reason.contains("read back intact")
        ));
        // The current copy is damaged; loading restores the last good one.
        let reader = Store::with_backend(Box::new(memory), false);
        assert!(matches!(
            reader.load("k", KIND),
            Ok((Some(payload), LoadNotice::Restored { .. })) if payload == "[1]"
        ));
    }
}
