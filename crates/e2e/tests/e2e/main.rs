//! End-to-end tests: the built release `dist/` served by a plain static server on
//! 127.0.0.1 and loaded in headless Chromium over WebDriver, checked for what a
//! person would see, and audited with axe-core.
//!
//! Run by `make test` after `trunk build --release`, or by hand with
//! `cargo test -p masterly-e2e --test e2e` (set MASTERLY_DIST to test another build).
#![cfg(not(target_arch = "wasm32"))]

mod student;
mod teacher;

use masterly_e2e::repo_path;
use masterly_e2e::server::{dist_dir, StaticServer};
use masterly_e2e::webdriver::{self, Browser};
use serde_json::Value;
use std::path::PathBuf;

/// Serves dist/ at `mount` and opens it in a fresh browser profile: the start screen.
pub(crate) fn open_start_screen(mount: &str) -> (StaticServer, Browser) {
    let server = StaticServer::start(&dist_dir(), mount);
    let browser = Browser::start().unwrap_or_else(|e| panic!("browser: {e}"));
    browser
        .goto(&server.base_url)
        .unwrap_or_else(|e| panic!("goto: {e}"));
    browser
        .find("[data-testid=start-screen] h1")
        .unwrap_or_else(|e| panic!("the app did not show its start screen: {e}"));
    (server, browser)
}

/// Opens the app, adds a learner on the start screen, and waits for the course map.
fn open_app(mount: &str) -> (StaticServer, Browser) {
    let (server, browser) = open_start_screen(mount);
    ok(browser.type_into("#nickname", "Robin"));
    ok(browser.click(".add-learner button[type=submit]"));
    browser
        .find("[data-testid=course-map] h1")
        .unwrap_or_else(|e| panic!("the app did not show its course map: {e}"));
    (server, browser)
}

fn ok<T>(result: webdriver::Result<T>) -> T {
    result.unwrap_or_else(|e| panic!("{e}"))
}

/// What a person sees on the course map of a new learner, checked through the page.
fn assert_shows_the_demo_course(browser: &Browser) {
    assert_eq!(ok(browser.execute("return document.title")), "Masterly");
    assert_eq!(
        ok(browser.texts("[data-testid=course-map] h1")),
        vec!["Demo: fractions in ten minutes"]
    );
    assert_eq!(ok(browser.texts(".unit-card h2")).len(), 2);
    assert_eq!(
        ok(browser.texts("[data-testid=course-progress]")),
        vec!["0 of 6 objectives mastered"]
    );
    let badges = ok(browser.texts(".objective .level"));
    assert_eq!(badges.len(), 6);
    assert!(
        badges.iter().all(|b| b.contains("Not started")),
        "{badges:?}"
    );
    let footer = ok(browser.texts(".site-footer"));
    assert!(footer[0].contains("Nothing is sent anywhere"), "{footer:?}");
}

#[test]
fn the_release_build_starts_and_shows_the_bundled_course() {
    let (_server, browser) = open_app("/");
    assert_shows_the_demo_course(&browser);
    // The loading message is gone once the course is shown.
    assert!(ok(browser.texts(".status")).is_empty());
}

#[test]
fn the_same_dist_works_under_a_sub_path() {
    let (server, browser) = open_app("/masterly/");
    assert_shows_the_demo_course(&browser);
    let outside: Vec<String> = server
        .requested_paths()
        .into_iter()
        .filter(|path| !path.starts_with("/masterly/") && path != "/favicon.ico")
        .collect();
    assert!(
        outside.is_empty(),
        "requests outside the sub-path: {outside:?}"
    );
}

#[test]
fn the_app_requests_nothing_but_its_own_files() {
    let (server, browser) = open_app("/");
    let names =
        ok(browser
            .execute("return performance.getEntriesByType('resource').map(entry => entry.name)"));
    let names: Vec<&str> = names
        .as_array()
        .map(|list| list.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(
        names.iter().any(|n| n.ends_with(".wasm"))
            && names.iter().any(|n| n.ends_with("index.json")),
        "expected the wasm and the curriculum list among {names:?}"
    );
    let foreign: Vec<&&str> = names
        .iter()
        .filter(|name| !name.starts_with(&format!("{}/", server.origin)))
        .collect();
    assert!(foreign.is_empty(), "requests to other origins: {foreign:?}");
    // Bundled courses are listed from the catalog; only the opened one is fetched.
    let courses: Vec<&str> = names
        .iter()
        .filter_map(|name| name.split("/curricula/").nth(1))
        .filter(|file| *file != "index.json")
        .collect();
    assert_eq!(courses, vec!["demo.json"], "{names:?}");
    // The teacher's page has a binary of its own, which the student's never loads.
    let teacher: Vec<&&str> = names
        .iter()
        .filter(|name| name.contains("masterly-teacher"))
        .collect();
    assert!(teacher.is_empty(), "the student's page loaded {teacher:?}");
}

/// Fails if the page has reported any content-security-policy violation: every
/// script, request, image and style of the app must be allowed by its own policy.
fn assert_no_policy_violations(browser: &Browser, screen: &str) {
    let violations = ok(browser.policy_violations());
    assert!(violations.is_empty(), "{screen}: {violations:?}");
}

#[test]
fn each_page_has_a_content_policy_that_refuses_requests_to_other_origins() {
    let (server, browser) = open_app("/");
    let policy = ok(browser.execute(
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content",
    ));
    let policy = policy.as_str().unwrap_or_default();
    for directive in [
        "default-src 'none'",
        "connect-src 'self' blob:",
        "img-src 'self' data:",
    ] {
        assert!(
            policy.contains(directive),
            "{directive} missing from {policy}"
        );
    }
    assert_no_policy_violations(&browser, "course map");
    // Another origin on loopback: the policy refuses the request before it is sent.
    let other = StaticServer::start(&dist_dir(), "/");
    let outcome = ok(browser.execute_async(&format!(
        "const done = arguments[arguments.length - 1]; \
         fetch('{}/index.html').then(() => done('fetched'), e => done('refused: ' + e.name));",
        other.origin
    )));
    assert_eq!(outcome, "refused: TypeError");
    assert!(
        other.requested_paths().is_empty(),
        "{:?}",
        other.requested_paths()
    );
    let violations = ok(browser.policy_violations());
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert!(
        violations[0].starts_with("connect-src") && violations[0].contains(&other.origin),
        "{violations:?}"
    );
    // The teacher's page has its own policy, and runs under it.
    ok(browser.goto(&format!("{}teacher.html", server.base_url)));
    ok(browser.find("[data-testid=mode-switch]"));
    let teacher_policy = ok(browser.execute(
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content",
    ));
    assert!(
        teacher_policy
            .as_str()
            .unwrap_or_default()
            .contains("worker-src blob:"),
        "{teacher_policy}"
    );
    assert_no_policy_violations(&browser, "teacher's page");
}

/// A file with more problems than the page lists at first: the rest open in place,
/// and the whole list downloads as text, the message first.
#[test]
fn a_long_list_of_problems_opens_in_place_and_downloads_as_text() {
    let (_server, browser) = open_app("/");
    let fixtures = repo_path("crates/core/tests/fixtures/curricula/bad");
    let fixture = fixtures.join("many-problems");
    let fixture = fixture.display();
    let expected =
        std::fs::read_to_string(format!("{fixture}.expected")).unwrap_or_else(|e| panic!("{e}"));
    let expected: Vec<&str> = expected.lines().collect();
    assert!(
        expected.len() > 20,
        "the fixture must have more problems than shown"
    );
    ok(browser.type_into("#open-file", &format!("{fixture}.json")));
    ok(browser.find("[data-testid=more-problems]"));
    let visible = || -> Vec<String> {
        ok(browser.texts(".file-problems li"))
            .into_iter()
            .filter(|text| !text.is_empty())
            .collect()
    };
    assert_eq!(visible(), expected[..20]);
    let summary = format!("Show {} more problems", expected.len() - 20);
    assert_eq!(
        ok(browser.texts("[data-testid=more-problems] summary")),
        vec![summary]
    );
    ok(browser.click("[data-testid=more-problems] summary"));
    assert_eq!(visible(), expected);
    assert_accessible(&browser, "a long list of problems");
    // The download: the file the page offers, read back before the page lets go of it.
    ok(browser.execute(
        "window.__downloads = []; \
         HTMLAnchorElement.prototype.click = function () { \
           window.__downloads.push({ name: this.download, href: this.href }); }; \
         URL.revokeObjectURL = () => {}; return null;",
    ));
    ok(browser.click("[data-testid=download-problems]"));
    let downloaded = ok(browser.execute_async(
        "const done = arguments[arguments.length - 1]; \
         const [file] = window.__downloads; \
         fetch(file.href).then(r => r.text()).then(text => done([file.name, text]));",
    ));
    assert_eq!(downloaded[0], "problems.txt");
    let text = downloaded[1].as_str().unwrap_or_default();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            format!(
                "many-problems.json was not added: it has {} problems.",
                expected.len()
            )
            .as_str()
        )
    );
    assert_eq!(lines.collect::<Vec<_>>(), expected);
    assert_no_policy_violations(&browser, "a long list of problems");
}

/// A bug the app cannot handle (here the fire drill `fault_drill`, a panic, which a
/// release build turns into a WebAssembly trap) must not leave a frozen page: the
/// student sees the fault message, can save their progress file, and finds their
/// work again after a reload; the page's content policy still holds.
#[test]
fn a_bug_that_stops_the_app_shows_a_message_and_keeps_the_saved_work() {
    let (_server, browser) = open_app("/");
    assert_eq!(
        ok(browser.execute("return document.getElementById('fault').hidden")),
        true
    );
    // Thrown outside the WebDriver call, as a trap in an event handler would be.
    ok(browser.execute("setTimeout(() => window.wasmBindings.fault_drill()); return null"));
    ok(browser.wait_until(
        "!document.getElementById('fault').hidden",
        "the fault message",
    ));
    let message = ok(browser.texts("#fault")).join(" ");
    assert!(
        message.contains("Something went wrong.")
            && message.contains("Your answers up to now are saved in this browser.")
            && message.contains("Reload the page to go on."),
        "{message}"
    );
    // The message has the focus, and the stopped app under it takes no input.
    assert_eq!(
        ok(browser.execute("return document.activeElement.textContent")),
        "Something went wrong."
    );
    assert_eq!(
        ok(browser.execute("return document.querySelector('main').closest('[inert]') !== null")),
        true
    );
    assert_accessible(&browser, "fault message");
    ok(browser.set_window_size(320, 640));
    save_screenshot(&browser, "fault message at 320 px");
    ok(browser.set_window_size(1280, 900));
    // The app can still make the progress file.
    ok(browser.click("#fault-export"));
    ok(browser.wait_until(
        "!document.getElementById('fault-export-done').hidden",
        "the note that the progress file was saved",
    ));
    assert_no_policy_violations(&browser, "fault message");
    // A reload goes on where the student was: still signed in, on the course map.
    ok(browser.click("#fault-reload"));
    browser
        .find("[data-testid=course-map] h1")
        .unwrap_or_else(|e| panic!("the app did not come back after the reload: {e}"));
    assert_eq!(
        ok(browser.texts("[data-testid=learner-name]")),
        vec!["Learner: Robin"]
    );
}

/// Decodes standard base64 (as WebDriver sends screenshots).
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    sextets
        .chunks(4)
        .flat_map(|chunk| {
            let bits = chunk
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, &v)| acc | (u32::from(v) << (18 - 6 * i)));
            let bytes = bits.to_be_bytes();
            bytes[1..chunk.len()].to_vec()
        })
        .collect()
}

/// With MASTERLY_SCREENSHOTS=<folder>, saves a picture of each screen the tests
/// check, for reviewing the look by eye (docs/student-screens.md lists them).
pub(crate) fn save_screenshot(browser: &Browser, screen: &str) {
    let Some(folder) = std::env::var_os("MASTERLY_SCREENSHOTS") else {
        return;
    };
    let folder = PathBuf::from(folder);
    let name: String = screen
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let png = decode_base64(&ok(browser.screenshot_base64()));
    let path = folder.join(format!("{name}.png"));
    std::fs::create_dir_all(&folder)
        .and_then(|()| std::fs::write(&path, png))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Runs axe-core on the page as it is now and fails with every violation found,
/// naming the screen.
pub(crate) fn assert_accessible(browser: &Browser, screen: &str) {
    save_screenshot(browser, screen);
    let axe_path = repo_path("tools").join("node_modules/axe-core/axe.min.js");
    let axe_path = axe_path.display();
    if ok(browser.execute("return typeof axe")) != "object" {
        let axe = std::fs::read_to_string(axe_path.to_string())
            .unwrap_or_else(|e| panic!("{axe_path}: {e} (make test installs axe-core)"));
        ok(browser.execute(&format!("{axe}\nreturn typeof axe;")));
    }
    let result = ok(browser.execute_async(
        r#"const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })
          .then(r => done({
            passes: r.passes.length,
            violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' '))
            }))
          }))
          .catch(e => done({ error: String(e) }));"#,
    ));
    assert_eq!(
        result.get("error"),
        None,
        "{screen}: axe failed to run: {result}"
    );
    assert!(
        result["passes"].as_u64().unwrap_or(0) > 10,
        "{screen}: axe checked too little to be meaningful: {result}"
    );
    assert_eq!(
        result["violations"],
        Value::Array(vec![]),
        "{screen}: accessibility violations: {:#}",
        result["violations"]
    );
}

#[test]
fn axe_core_finds_no_accessibility_violations_on_the_first_screens() {
    let (_server, browser) = open_start_screen("/");
    assert_accessible(&browser, "start screen");
    ok(browser.type_into("#nickname", "Robin"));
    ok(browser.click(".add-learner button[type=submit]"));
    ok(browser.find("[data-testid=course-map] h1"));
    assert_accessible(&browser, "course map");
}

/// A classroom computer whose storage is 72% full: the start screen says how many
/// more answers fit and what to do, readable on a phone's width.
#[test]
fn a_filling_computer_says_how_much_room_is_left_on_the_start_screen() {
    let (server, browser) = open_start_screen("/");
    assert!(ok(browser.texts("[data-testid=room-left]")).is_empty());
    ok(browser
        .execute("localStorage.setItem('masterly.other', 'x'.repeat(3600000)); return true;"));
    ok(browser.goto(&server.base_url));
    ok(browser.find("[data-testid=start-screen] h1"));
    let said = ok(browser.texts("[data-testid=room-left]")).join("");
    assert!(
        said.starts_with("This computer has room for about ")
            && said.ends_with(" more answers. Ask your teacher to collect progress files."),
        "{said}"
    );
    assert_accessible(&browser, "start screen with little room left");
    ok(browser.set_window_size(320, 700));
    save_screenshot(&browser, "start screen with little room left at 320 px");

    // The teacher's page on this computer says how to free space, lists whose work
    // is kept, and removes a learner only when asked twice.
    ok(browser.set_window_size(1280, 900));
    ok(browser.type_into("#nickname", "Robin"));
    ok(browser.click(".add-learner button[type=submit]"));
    ok(browser.find("[data-testid=course-map] h1"));
    ok(browser.goto(&format!("{}teacher.html", server.base_url)));
    ok(browser.find("[data-testid=stored-learner]"));
    let room = ok(browser.texts("[data-testid=computer-room]")).join("");
    assert!(
        room.starts_with("This browser's storage for Masterly is 7"),
        "{room}"
    );
    let rows = ok(browser.texts("[data-testid=stored-learner]"));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].starts_with("Robin") && rows[0].contains("0 answers"),
        "{rows:?}"
    );
    ok(browser.click("[data-testid=remove-learner]"));
    ok(browser.find("[data-testid=confirm-removal]"));
    ok(browser.execute(
        "document.querySelector('[data-testid=this-computer]').scrollIntoView(); return true;",
    ));
    assert_accessible(&browser, "teacher page students on this computer");
    ok(browser.set_window_size(320, 700));
    ok(browser.execute(
        "document.querySelector('[data-testid=this-computer]').scrollIntoView(); return true;",
    ));
    save_screenshot(&browser, "teacher page students on this computer at 320 px");
    ok(browser.click("[data-testid=confirm-removal]"));
    let status = ok(browser.texts("[data-testid=removal-status]")).join("");
    assert_eq!(status, "Robin was removed from this computer.");
    assert!(ok(browser.texts("[data-testid=stored-learner]")).is_empty());
    ok(browser.execute("localStorage.clear(); return true;"));
}

/// The browser closed (its session storage emptied) on a shared computer: the next
/// visit asks who is learning; a learner who ticked "Keep me signed in" stays.
#[test]
fn a_reopened_browser_asks_who_is_learning_unless_they_chose_to_stay() {
    let (server, browser) = open_app("/");
    let reopen = || {
        ok(browser.execute("sessionStorage.clear(); return true;"));
        ok(browser.goto(&server.base_url));
    };
    // A reload keeps the learner signed in.
    ok(browser.goto(&server.base_url));
    ok(browser.find("[data-testid=course-map] h1"));
    reopen();
    ok(browser.find("[data-testid=start-screen] h1"));
    ok(browser.click("#keep-signed-in"));
    assert_accessible(&browser, "start screen with the choice to stay signed in");
    ok(browser.click(".learner-choice"));
    ok(browser.find("[data-testid=course-map] h1"));
    reopen();
    ok(browser.find("[data-testid=course-map] h1"));
    ok(browser.execute("localStorage.clear(); return true;"));
}

/// A brace too many or too few makes the browser drop the rules after it without a
/// word (a stray `}` once hid every print rule that followed): every block of
/// the style sheet closes, and none closes twice.
#[test]
fn the_style_sheet_opens_and_closes_every_block_once() {
    let path = repo_path("style/main.css");
    let css = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut depth = 0i32;
    let mut rest = css.as_str();
    let mut line = 1;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("/*") {
            let end = after.find("*/").expect("every comment closes") + 2;
            line += after[..end].matches('\n').count();
            rest = &after[end..];
            continue;
        }
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '\n' => line += 1,
            _ => {}
        }
        assert!(depth >= 0, "style/main.css:{line}: a `}}` closes no block");
        rest = &rest[c.len_utf8()..];
    }
    assert_eq!(depth, 0, "style/main.css: {depth} blocks never close");
}

#[test]
fn keyboard_focus_reaches_the_course_picker_and_is_visible() {
    let (_server, browser) = open_app("/");
    // Focus starts on the course title, with no box drawn round it (a heading is
    // not a control); Tab goes round the page to the picker.
    let start = ok(browser.execute(
        "const el = document.activeElement; \
         return [el.id, getComputedStyle(el).outlineStyle];",
    ));
    assert_eq!(start, serde_json::json!(["course-title", "none"]));
    let mut stops = Vec::new();
    for _ in 0..40 {
        ok(browser.press("\u{E004}"));
        let focused = ok(browser.execute(
            "const el = document.activeElement; \
             return { tag: el.tagName, cls: el.className, text: el.textContent, outline: getComputedStyle(el).outlineStyle };",
        ));
        // Going round, focus passes the page itself (the body) once.
        if focused["tag"] != "BODY" {
            assert_eq!(
                focused["outline"], "solid",
                "focus must be visible: {focused}"
            );
        }
        let found = focused["cls"] == "course-choice";
        stops.push(focused);
        if found {
            break;
        }
    }
    let last = stops.last().cloned().unwrap_or_default();
    assert_eq!(last["cls"], "course-choice", "Tab stops: {stops:?}");
    assert_eq!(last["text"], "Demo: fractions in ten minutes");
}

#[test]
fn a_course_file_is_checked_before_it_is_added_and_kept_after_a_reload() {
    let (server, browser) = open_app("/");
    let fixtures = repo_path("crates/core/tests/fixtures/curricula");
    let fixtures = fixtures.display();
    // A file with problems: each is listed with where it is; nothing is added.
    ok(browser.type_into("#open-file", &format!("{fixtures}/bad/duplicate-ids.json")));
    ok(browser.find(".file-problems li"));
    let expected = std::fs::read_to_string(format!("{fixtures}/bad/duplicate-ids.expected"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        ok(browser.texts(".file-problems li")),
        expected.lines().collect::<Vec<_>>()
    );
    let bundled = ok(browser.texts(".course-choice"));
    assert_eq!(
        bundled,
        vec![
            "Demo: fractions in ten minutes",
            "Grade 3: Fractions as numbers",
            "Grade 4: Equivalence and operations",
            "Grade 5: Operations with fractions"
        ]
    );
    assert_accessible(&browser, "course map after a refused course file");

    // A good file: previewed, nothing added until confirmed; then added, opened,
    // and still there after a reload.
    ok(browser.type_into("#open-file", &format!("{fixtures}/good/minimal.json")));
    ok(browser.find("[data-testid=course-preview]"));
    assert_eq!(ok(browser.texts(".course-choice")), bundled);
    assert_accessible(&browser, "preview of a course file");
    ok(browser.click("[data-testid=confirm-open]"));
    ok(browser.wait_until(
        "document.querySelector('[data-testid=open-file-outcome]').textContent.includes('Added')",
        "the course file to be added",
    ));
    assert_eq!(
        ok(browser.texts("[data-testid=course-map] h1")),
        vec!["Course one"]
    );
    ok(browser.goto(&server.base_url));
    ok(browser.find("[data-testid=course-map] h1"));
    let mut with_added = bundled;
    with_added.push("Course one".to_string());
    assert_eq!(ok(browser.texts(".course-choice")), with_added);
}
