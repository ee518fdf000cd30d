//! Bundled courses listed from the catalog: the student's page fetches a curriculum
//! file only when one of its courses is opened, and a file that cannot be used is
//! taken off the list with a notice that names it. The browser's `fetch` is replaced
//! for these tests by one that serves the given texts and records every request.

use super::{all_texts, fresh_container, text_of, DEMO, SECOND};
use leptos::prelude::*;
use masterly_core::content::curriculum::load_curriculum;
use masterly_core::format::catalog::{listing_of, Listing};
use masterly_web::library::{Library, Shelf};
use masterly_web::storage::{MemoryStorage, Store};
use masterly_web::student::StudentSession;
use masterly_web::{text, Shell};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// The listing the catalog would give for the curriculum `text` kept in `file`.
fn listed(file: &str, text: &str) -> Shelf {
    let curriculum = load_curriculum(text)
        .expect("fixture curriculum loads")
        .curriculum;
    let entry = listing_of(file, &curriculum);
    Shelf::Listed(entry.listing().expect("an entry with id and courses"))
}

/// Serves `files` (URL → text) to `fetch` from now on, 404 for anything else, and
/// records every URL asked for in `window.__fetched`.
fn serve(files: &[(&str, &str)]) {
    let served = js_sys::Object::new();
    for (url, text) in files {
        js_sys::Reflect::set(&served, &(*url).into(), &(*text).into()).expect("set a file");
    }
    let window = web_sys::window().expect("a window");
    js_sys::Reflect::set(&window, &"__served".into(), &served).expect("set the files");
    js_sys::eval(
        "window.__fetched = []; \
         window.__realFetch = window.__realFetch || window.fetch; \
         window.fetch = function (url) { \
           const name = String(url); window.__fetched.push(name); \
           const body = window.__served[name]; \
           return Promise.resolve(body === undefined \
             ? new Response('', { status: 404 }) : new Response(body)); };",
    )
    .expect("fetch is replaced");
}

fn fetched() -> Vec<String> {
    let list = js_sys::eval("window.__fetched").expect("the list of requests");
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|url| url.as_string())
        .collect()
}

fn stop_serving() {
    js_sys::eval("window.fetch = window.__realFetch || window.fetch;").expect("fetch is back");
}

/// Waits (on the browser's timers, not a clock) until `ready` holds; fails naming
/// `what` after about five seconds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .expect("a window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
    }
    panic!("waited in vain for {what}");
}

/// A page over an empty device whose library is `shelves`, mounted.
fn open_page(shelves: Vec<Shelf>) -> (web_sys::HtmlElement, StudentSession) {
    let memory = Box::<MemoryStorage>::default();
    let session = StudentSession::with_store(Store::with_backend(memory, false));
    session.set_curricula(shelves);
    let root = fresh_container();
    leptos::mount::mount_to(root.clone(), move || {
        masterly_web::provide_student(session);
        view! { <Shell /> }
    })
    .forget();
    (root, session)
}

fn h1_is<'a>(root: &'a web_sys::HtmlElement, title: &'static str) -> impl Fn() -> bool + 'a {
    move || {
        root.query_selector("h1")
            .ok()
            .flatten()
            .and_then(|h1| h1.text_content())
            .as_deref()
            == Some(title)
    }
}

#[wasm_bindgen_test]
async fn a_listed_course_is_fetched_only_when_it_is_opened() {
    serve(&[
        ("curricula/demo.json", DEMO),
        ("curricula/second.json", SECOND),
    ]);
    let (root, session) = open_page(vec![
        listed("demo.json", DEMO),
        listed("second.json", SECOND),
    ]);
    leptos::task::tick().await;
    // The start screen needs no curriculum.
    assert_eq!(text_of(&root, "h1"), text::WHO_IS_LEARNING);
    assert!(fetched().is_empty(), "{:?}", fetched());

    session.add_learner("Ada").expect("Ada is added");
    until(
        "the demo course's map",
        h1_is(&root, "Demo: fractions in ten minutes"),
    )
    .await;
    assert_eq!(fetched(), vec!["curricula/demo.json"]);
    // Both courses are offered, the second from its listing alone.
    assert_eq!(
        all_texts(&root, ".course-choice"),
        vec!["Demo: fractions in ten minutes", "Course one"]
    );
    assert!(matches!(
        session.device.find_shelf("fixture"),
        Some(Shelf::Listed(_))
    ));

    let second: web_sys::HtmlElement = root
        .query_selector_all(".course-choice")
        .expect("valid selector")
        .item(1)
        .expect("a second course")
        .unchecked_into();
    second.click();
    until("the second course's map", h1_is(&root, "Course one")).await;
    assert_eq!(
        fetched(),
        vec!["curricula/demo.json", "curricula/second.json"]
    );
    assert!(matches!(
        session.device.find_shelf("fixture"),
        Some(Shelf::Loaded(_))
    ));
    // Back to the demo: it is loaded already, so nothing more is fetched.
    let first: web_sys::HtmlElement = root
        .query_selector(".course-choice")
        .expect("valid selector")
        .expect("a first course")
        .unchecked_into();
    first.click();
    until(
        "the demo course's map again",
        h1_is(&root, "Demo: fractions in ten minutes"),
    )
    .await;
    assert_eq!(fetched().len(), 2);
    stop_serving();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_listed_file_that_cannot_be_fetched_is_taken_off_the_list_with_a_notice() {
    serve(&[("curricula/demo.json", DEMO)]);
    let missing = Shelf::Listed(Listing {
        file: "missing.json".into(),
        id: "missing".into(),
        courses: vec![masterly_core::format::catalog::ListedCourse {
            id: "gone".into(),
            title: "A course whose file is gone".into(),
        }],
    });
    let (root, session) = open_page(vec![missing, listed("demo.json", DEMO)]);
    session.add_learner("Ada").expect("Ada is added");
    // The first course cannot be had, so the next one opens.
    until(
        "the demo course's map",
        h1_is(&root, "Demo: fractions in ten minutes"),
    )
    .await;
    assert_eq!(
        fetched(),
        vec!["curricula/missing.json", "curricula/demo.json"]
    );
    assert_eq!(
        all_texts(&root, ".notice p"),
        vec![text::bundled_course_unusable(
            "curricula/missing.json: the server answered HTTP 404"
        )]
    );
    assert_eq!(
        all_texts(&root, ".course-choice"),
        vec!["Demo: fractions in ten minutes"]
    );
    stop_serving();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_file_holding_another_curriculum_than_its_listing_is_not_used() {
    serve(&[("curricula/demo.json", DEMO)]);
    let Shelf::Listed(mut listing) = listed("demo.json", DEMO) else {
        unreachable!("listed() lists")
    };
    listing.id = "not-the-demo".into();
    let (root, session) = open_page(vec![Shelf::Listed(listing)]);
    session.add_learner("Ada").expect("Ada is added");
    until("the library to fail", || {
        session
            .device
            .library
            .with_untracked(|library| matches!(library, Library::Failed(_)))
    })
    .await;
    leptos::task::tick().await;
    let reason = text::listed_as_another("curricula/demo.json", "masterly-demo", "not-the-demo");
    assert_eq!(text_of(&root, "h1"), text::LOAD_FAILED_TITLE);
    assert_eq!(text_of(&root, ".problem p"), reason);
    assert_eq!(
        all_texts(&root, ".notice p"),
        vec![text::bundled_course_unusable(&reason)]
    );
    stop_serving();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_start_screen_stays_as_it_is_when_the_library_loads() {
    let memory = Box::<MemoryStorage>::default();
    let session = StudentSession::with_store(Store::with_backend(memory, false));
    let root = fresh_container();
    leptos::mount::mount_to(root.clone(), move || {
        masterly_web::provide_student(session);
        view! { <Shell /> }
    })
    .forget();
    leptos::task::tick().await;
    let name_field = |what: &str| -> web_sys::HtmlInputElement {
        root.query_selector("#nickname")
            .expect("valid selector")
            .unwrap_or_else(|| panic!("{what}"))
            .unchecked_into()
    };
    let field = name_field("the start screen's name field while the library loads");
    field.set_value("Ad");
    // The courses arrive while the student types (or opens a file).
    session.set_curricula(vec![listed("demo.json", DEMO)]);
    leptos::task::tick().await;
    let now = name_field("the name field");
    assert!(
        now.is_same_node(Some(&field)),
        "the start screen was rebuilt"
    );
    assert_eq!(now.value(), "Ad");
    root.remove();
}
