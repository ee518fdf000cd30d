//! Browser benchmark for the student's side (issue 4): the release `dist/` served on
//! 127.0.0.1 and driven in headless Chromium over WebDriver, as the end-to-end tests
//! do. Prints figures; asserts nothing about time.
//!
//! - first screen: from navigation start to the first screen ready for input (the
//!   `masterly-first-screen` performance mark, set when a screen's heading takes
//!   focus), on a first visit and on reloads of a learner's course map;
//! - answer to feedback: from pressing "Check my answer" to the feedback being in
//!   the page (a MutationObserver on the feedback region), which includes judging
//!   the answer and saving it to local storage first; with a new learner and with
//!   a learner whose saved history already holds thousands of answers.
//!
//! - class import (issue 5): the teacher chooses 40 progress files of 5,000 attempts
//!   each (on the bundled fractions pathway) in the file field; from the field's
//!   change event to the mastery grid holding all 40 students, which includes
//!   reading the files, checking and merging them, replaying every log and
//!   building every report.
//!
//! - a device filling up (issue 31): thirty and more learners' logs of 3,000
//!   answers, stored as the page stores them (sealed archive chunks of 201), written
//!   into empty local storage until the start screen's notice shows (70% in use),
//!   then until the browser refuses a write: the answers a fresh device holds.
//!
//! - pictures (issue 28): a lesson of ten pictures, from opening the unit to all ten
//!   drawn; and answer to feedback on a point placed on a number line (the pictures
//!   example, `docs/examples/pictures.json`, opened as a course file).
//!
//! Run with `make bench-browser` (builds dist/ first); `MASTERLY_BENCH_ONLY=class`,
//! `=fill` or `=pictures` runs one part alone.

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::device::compact::{id_prefix, numbered_id};
use masterly_core::device::profiles::learner_id;
use masterly_core::device::room::Room;
use masterly_core::device::store::{open, seal};
use masterly_core::device::workbook::{
    archive_from_stored, archive_to_stored, chunk_key, holds_archive, stored_kind, workbook_key,
    ARCHIVE_AFTER, ARCHIVE_KIND, WORKBOOK_KIND,
};
use masterly_core::learning::attempt::Attempt;
use masterly_e2e::server::{dist_dir, write_student_files, StaticServer};
use masterly_e2e::webdriver::{self, Browser};
use masterly_test_kit::pictures::TEN_PICTURES;
use masterly_test_kit::synthetic::{app_like_log, synthetic_progress_files};
use serde_json::Value;

fn runs() -> usize {
    std::env::var("MASTERLY_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15)
}

fn check<T>(result: webdriver::Result<T>) -> T {
    result.unwrap_or_else(|e| panic!("{e}"))
}

/// min / median / max, in milliseconds.
fn summary(mut samples: Vec<f64>) -> String {
    samples.sort_by(f64::total_cmp);
    if samples.is_empty() {
        return "no samples".into();
    }
    format!(
        "min {:.2} / median {:.2} / max {:.2} ms ({} samples)",
        samples[0],
        samples[samples.len() / 2],
        samples[samples.len() - 1],
        samples.len()
    )
}

/// Milliseconds from navigation start to the first-screen mark, waiting for it.
fn first_screen_ms(browser: &Browser) -> f64 {
    check(browser.wait_until(
        "performance.getEntriesByName('masterly-first-screen').length > 0",
        "the first screen",
    ));
    let value = check(
        browser
            .execute("return performance.getEntriesByName('masterly-first-screen')[0].startTime"),
    );
    value.as_f64().unwrap_or(f64::NAN)
}

/// Puts some answer into the item on screen (right or wrong does not matter here).
const FILL_ANY_ANSWER: &str = r#"
const form = document.querySelector('form.item');
const radio = form.querySelector('input[type=radio]');
if (radio) radio.click();
const box = form.querySelector('input[type=checkbox]');
if (box) box.click();
const text = form.querySelector('input[type=text]');
if (text) { text.value = '1'; text.dispatchEvent(new Event('input', { bubbles: true })); }
return true;"#;

/// Presses "Check my answer" and measures until the feedback is in the page.
const TIME_SUBMIT: &str = r#"
const done = arguments[arguments.length - 1];
const region = document.querySelector('[data-testid=feedback]');
const observer = new MutationObserver(() => {
  if (region.querySelector('.verdict')) {
    const elapsed = performance.now() - start;
    observer.disconnect();
    done(elapsed);
  }
});
observer.observe(region, { childList: true, subtree: true });
const start = performance.now();
document.querySelector('[data-testid=submit-answer]').click();"#;

/// Takes the course challenge from the course map, timing every answer.
fn time_a_challenge(browser: &Browser, samples: &mut Vec<f64>) {
    check(browser.click("[data-action=start-challenge]"));
    loop {
        check(browser.find("[data-testid=item] form.item"));
        check(browser.execute(FILL_ANY_ANSWER));
        let elapsed = check(browser.execute_async(TIME_SUBMIT));
        samples.push(elapsed.as_f64().unwrap_or(f64::NAN));
        let count = check(browser.texts("[data-testid=item-count]")).join("");
        check(browser.click("[data-testid=next]"));
        check(browser.wait_until(
            &format!(
                "document.querySelector('[data-testid=results]') || \
                 (document.querySelector('[data-testid=item-count]')?.textContent !== {} && \
                  !document.querySelector('[data-testid=feedback] .verdict'))",
                serde_json::to_string(&count).unwrap_or_default()
            ),
            "the next question",
        ));
        if check(browser.execute("return !!document.querySelector('[data-testid=results]')"))
            == Value::Bool(true)
        {
            break;
        }
    }
    check(browser.click("[data-testid=results] .actions button:last-child"));
    check(browser.find("[data-testid=course-map]"));
}

/// Every workbook and archive key of this page's storage with its current text.
fn stored_logs(browser: &Browser) -> Vec<(String, String)> {
    let found = check(browser.execute(
        "const found = []; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); \
         if (k.startsWith('masterly.workbook.') && !k.endsWith('.previous') && !k.endsWith('.damaged')) \
         found.push([k, localStorage.getItem(k)]); } return found;",
    ));
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            Some((
                entry[0].as_str()?.to_string(),
                entry[1].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// The attempts a stored workbook or archive holds, in whichever form it is stored.
fn attempts_of(key: &str, text: &str) -> Vec<Attempt> {
    let payload = open(text, stored_kind(key))
        .unwrap_or_else(|e| panic!("{key}: {e:?}"))
        .payload;
    let log = if holds_archive(key) {
        payload
    } else {
        let book: Value = serde_json::from_str(&payload).unwrap_or_else(|e| panic!("{key}: {e}"));
        book["attempts"].to_string()
    };
    archive_from_stored(&log).unwrap_or_else(|e| panic!("{key}: {e:?}"))
}

fn stored_attempts(browser: &Browser) -> usize {
    stored_logs(browser)
        .iter()
        .map(|(key, text)| attempts_of(key, text).len())
        .sum()
}

/// Characters of local storage in use: every key and value, every copy.
fn storage_characters(browser: &Browser) -> u64 {
    check(browser.execute(
        "let n = 0; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); \
         n += k.length + localStorage.getItem(k).length; } return n;",
    ))
    .as_u64()
    .unwrap_or(0)
}

fn print_storage(browser: &Browser) {
    let answers = stored_attempts(browser);
    let characters = storage_characters(browser);
    println!(
        "local storage: {characters} characters for {answers} answers saved ({:.1} per answer, every key and copy)",
        characters as f64 / answers.max(1) as f64
    );
}

/// Adds older answers beside each workbook until the saved log holds at least
/// `target`: the answers a student of the workbook's curriculum would have given
/// (`app_like_log`: real instances, ids and sittings made as the page makes them),
/// sealed with the app's own code as the single archive a Masterly before archive
/// chunks kept, which the page moves into a chunk of its own as it opens, as it
/// would a history stored before.
fn grow_history(browser: &Browser, target: usize) {
    let logs = stored_logs(browser);
    for (key, raw) in logs.iter().filter(|(key, _)| !holds_archive(key)) {
        let envelope = open(raw, WORKBOOK_KIND).unwrap_or_else(|e| panic!("{key}: {e:?}"));
        let base = attempts_of(key, raw);
        let archive_key = format!("{key}.archive");
        let archived: usize = logs
            .iter()
            .filter(|(other, _)| holds_archive(other) && other.starts_with(key.as_str()))
            .map(|(other, text)| attempts_of(other, text).len())
            .sum();
        let curriculum_id = key.rsplit('.').next().unwrap_or_default();
        let curriculum = ["demo", "fractions"]
            .into_iter()
            .map(|name| {
                let path = masterly_e2e::repo_path(&format!("curricula/{name}.json"));
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                load_curriculum(&text)
                    .unwrap_or_else(|e| panic!("{e:?}"))
                    .curriculum
            })
            .find(|curriculum| curriculum.id == curriculum_id)
            .unwrap_or_else(|| panic!("{key}: no bundled curriculum {curriculum_id}"));
        let wanted = target.saturating_sub(base.len() + archived);
        let earliest = base.iter().map(|a| a.at).min().unwrap_or(0);
        // The history comes before the answers the page has made.
        let mut history = app_like_log(&curriculum, wanted, target as u64);
        let shift = history.last().map_or(0, |a| a.at) - earliest + 60_000;
        for attempt in &mut history {
            attempt.at -= shift;
        }
        let sealed = seal(
            ARCHIVE_KIND,
            &archive_to_stored(&history),
            envelope.saved_at,
            envelope.generation + 1,
        );
        check(browser.execute(&format!(
            "localStorage.setItem({}, {}); return true;",
            serde_json::to_string(&archive_key).unwrap_or_default(),
            serde_json::to_string(&sealed).unwrap_or_default()
        )));
    }
}

fn main() {
    let server = StaticServer::start(&dist_dir(), "/");
    let browser = Browser::start().unwrap_or_else(|e| panic!("browser: {e}"));
    let runs = runs();

    println!("Masterly browser benchmark: headless Chromium, release dist/, {runs} runs");
    // `MASTERLY_BENCH_ONLY=class` times the teacher's class import alone.
    if std::env::var("MASTERLY_BENCH_ONLY").as_deref() == Ok("class") {
        check(browser.goto(&server.base_url));
        check(browser.find("[data-testid=start-screen]"));
        check(browser.type_into("#nickname", "Bench"));
        check(browser.click(".add-learner button[type=submit]"));
        return class_import(&browser, &server, runs);
    }
    if std::env::var("MASTERLY_BENCH_ONLY").as_deref() == Ok("fill") {
        return fill_a_device(&browser, &server);
    }
    if std::env::var("MASTERLY_BENCH_ONLY").as_deref() == Ok("pictures") {
        return pictures(&browser, &server, runs);
    }

    // A first visit: a browser just started, empty storage, the start screen.
    check(browser.goto(&server.base_url));
    check(browser.find("[data-testid=start-screen]"));
    let first_visit = first_screen_ms(&browser);
    println!("first screen, first visit (start screen, new browser): {first_visit:.2} ms");

    check(browser.type_into("#nickname", "Bench"));
    check(browser.click(".add-learner button[type=submit]"));
    check(browser.find("[data-testid=course-map]"));

    // Reloads: the learner's course map. The test server sends `Cache-Control:
    // no-store`, so every load fetches and compiles everything again.
    let mut reloads = Vec::new();
    for _ in 0..runs {
        check(browser.goto(&server.base_url));
        check(browser.find("[data-testid=course-map]"));
        reloads.push(first_screen_ms(&browser));
    }
    println!("first screen, reload (course map):  {}", summary(reloads));

    // Answer to feedback, a new learner.
    let mut fresh = Vec::new();
    while fresh.len() < runs.max(6) {
        time_a_challenge(&browser, &mut fresh);
    }
    println!(
        "answer to feedback, {} answers saved before: {}",
        stored_attempts(&browser),
        summary(fresh)
    );
    print_storage(&browser);

    // Answer to feedback and reloads with a longer history: a term of daily work,
    // a year or two of it, and far more than any year.
    for target in [2_000, 5_000, 20_000] {
        grow_history(&browser, target);
        check(browser.goto(&server.base_url));
        check(browser.find("[data-testid=course-map]"));
        let held = stored_attempts(&browser);
        let mut answers = Vec::new();
        while answers.len() < runs.max(6) {
            time_a_challenge(&browser, &mut answers);
        }
        println!(
            "answer to feedback, {held} answers saved before: {}",
            summary(answers)
        );
        let mut reloads = Vec::new();
        for _ in 0..runs {
            check(browser.goto(&server.base_url));
            check(browser.find("[data-testid=course-map]"));
            reloads.push(first_screen_ms(&browser));
        }
        println!(
            "first screen, reload with {} answers saved: {}",
            stored_attempts(&browser),
            summary(reloads)
        );
        print_storage(&browser);
    }

    fill_a_device(&browser, &server);
    class_import(&browser, &server, runs);
    pictures(&browser, &server, runs);
}

/// Ten pictures of every model in one lesson: the pictures example with its first
/// lesson holding them.
fn ten_picture_course() -> String {
    lesson_of_ten("example-pictures", &TEN_PICTURES.join("\n\n"))
}

/// The same lesson with a sentence where each picture was, under other ids: what
/// the unit page takes without pictures.
fn ten_sentence_course() -> String {
    let sentences: Vec<String> = (1..=10)
        .map(|n| format!("Sentence {n} stands where a picture would."))
        .collect();
    lesson_of_ten("example-sentences", &sentences.join("\n\n"))
}

/// The pictures example, its first lesson's body replaced, with `id`.
fn lesson_of_ten(id: &str, body: &str) -> String {
    let text = std::fs::read_to_string(masterly_e2e::repo_path("docs/examples/pictures.json"))
        .unwrap_or_else(|e| panic!("docs/examples/pictures.json: {e}"));
    let mut course: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    course["id"] = Value::String(id.to_string());
    course["courses"][0]["id"] = Value::String(format!("{id}-course"));
    course["courses"][0]["title"] = Value::String(id.to_string());
    course["courses"][0]["units"][0]["objectives"][0]["lesson"]["body"] =
        Value::String(body.to_string());
    course.to_string()
}

/// Opens a course file on the course map and waits until it is added.
fn add_course(browser: &Browser, path: &str) {
    check(browser.type_into("#open-file", path));
    check(browser.click("[data-testid=confirm-open]"));
    check(browser.wait_until(
        "document.querySelector('[data-testid=open-file-outcome]').textContent.includes('Added')",
        "the course file to be added",
    ));
}

/// From the course map's first unit button to `ready` (a JavaScript condition)
/// holding, `runs` times, back to the map after each.
fn time_unit_open(browser: &Browser, runs: usize, ready: &str) -> Vec<f64> {
    let mut samples = Vec::new();
    for _ in 0..runs {
        check(browser.find(".unit-card .open-unit"));
        let elapsed = check(browser.execute_async(&format!(
            "const done = arguments[arguments.length - 1]; \
             const observer = new MutationObserver(() => {{ \
               if ({ready}) {{ observer.disconnect(); done(performance.now() - start); }} }}); \
             observer.observe(document.body, {{ childList: true, subtree: true }}); \
             const start = performance.now(); \
             document.querySelector('.unit-card .open-unit').click();"
        )));
        samples.push(elapsed.as_f64().unwrap_or(f64::NAN));
        check(browser.back());
    }
    samples
}

/// Times drawing a lesson of ten pictures, and answer to feedback on a placement.
fn pictures(browser: &Browser, server: &StaticServer, runs: usize) {
    let files = write_student_files(
        "bench-pictures",
        &[ten_sentence_course(), ten_picture_course()],
    );
    check(browser.goto(&server.base_url));
    check(browser.wait_until(
        "document.querySelector('[data-testid=start-screen], [data-testid=course-map]')",
        "the first screen",
    ));
    if check(browser.execute("return !!document.querySelector('[data-testid=start-screen]')"))
        == Value::Bool(true)
    {
        check(browser.type_into("#nickname", "Bench"));
        check(browser.click(".add-learner button[type=submit]"));
    }
    check(browser.find("[data-testid=course-map]"));
    add_course(browser, &files.paths[0]);
    let sentences = time_unit_open(
        browser,
        runs,
        "[...document.querySelectorAll('.rich-text p')].some(p => p.textContent.startsWith('Sentence 10'))",
    );
    add_course(browser, &files.paths[1]);
    let pictures = time_unit_open(
        browser,
        runs,
        "document.querySelectorAll('.picture svg[role=img]').length >= 10",
    );
    println!(
        "a lesson of ten sentences (for comparison), open to shown: {}",
        summary(sentences)
    );
    println!(
        "a lesson of ten pictures, open to drawn: {}",
        summary(pictures)
    );

    // Each run a new learner: check A, and each placement's answer to feedback.
    let mut feedback = Vec::new();
    let mut learner = 0;
    while feedback.len() < runs {
        learner += 1;
        check(browser.click("[data-testid=switch-learner]"));
        check(browser.type_into("#nickname", &format!("Bench {learner}")));
        check(browser.click(".add-learner button[type=submit]"));
        check(browser.find("[data-testid=course-map]"));
        check(browser.execute(
            "[...document.querySelectorAll('.course-choice')] \
                  .find(choice => choice.textContent.includes('example-pictures')).click(); \
             return true;",
        ));
        check(browser.wait_until(
            "document.querySelector('[data-testid=course-map] h1')?.textContent === 'example-pictures'",
            "the pictures course",
        ));
        check(browser.click(".unit-card .open-unit"));
        check(browser.click("[data-action=start-formative-a]"));
        loop {
            check(browser.find("[data-testid=item] form.item"));
            let placement = check(
                browser.execute("return !!document.querySelector('[data-testid=place-point]')"),
            ) == Value::Bool(true);
            if placement {
                check(browser.execute(
                    "document.querySelector('[data-testid=place-point]').dispatchEvent( \
                       new KeyboardEvent('keydown', { key: 'End', bubbles: true })); return true;",
                ));
                let elapsed = check(browser.execute_async(TIME_SUBMIT));
                feedback.push(elapsed.as_f64().unwrap_or(f64::NAN));
            } else {
                check(browser.execute(FILL_ANY_ANSWER));
                check(browser.click("[data-testid=submit-answer]"));
            }
            check(browser.find("[data-testid=feedback] .verdict"));
            check(browser.click("[data-testid=next]"));
            check(browser.wait_until(
                "document.querySelector('[data-testid=results]') || \
                 !document.querySelector('[data-testid=feedback] .verdict')",
                "the next question",
            ));
            if check(browser.execute("return !!document.querySelector('[data-testid=results]')"))
                == Value::Bool(true)
            {
                break;
            }
        }
        check(browser.goto(&server.base_url));
    }
    println!("answer to feedback, a point placed: {}", summary(feedback));
}

/// Fills empty local storage with learners' logs as the page stores them, and
/// prints how many answers it held when the start screen began to warn and when
/// the browser refused a write.
fn fill_a_device(browser: &Browser, server: &StaticServer) {
    check(browser.goto(&server.base_url));
    check(browser.execute("localStorage.clear(); return true;"));
    let path = masterly_e2e::repo_path("curricula/fractions.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let curriculum = load_curriculum(&text)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .curriculum;
    let log = app_like_log(&curriculum, 3_000, 31);
    let mut answers = 0;
    let mut at_warning = None;
    let mut refused = None;
    'learners: for learner in 0..500u64 {
        let key = workbook_key(&learner_id(learner + 1), &curriculum.id);
        // Each learner's attempts have ids of their own, as each page makes them.
        let mut own = log.clone();
        for (number, attempt) in own.iter_mut().enumerate() {
            let prefix = id_prefix(learner * 1_000 + number as u64 / 25);
            attempt.id = numbered_id(&prefix, number as u64 % 25);
        }
        for (number, chunk) in own.chunks(ARCHIVE_AFTER + 1).enumerate() {
            let sealed = seal(ARCHIVE_KIND, &archive_to_stored(chunk), 1, 1);
            let name = chunk_key(&key, &format!("a{learner}-{number}"));
            let written = check(browser.execute(&format!(
                "try {{ localStorage.setItem({}, {}); return 'stored'; }} catch (e) {{ return e.name; }}",
                serde_json::to_string(&name).unwrap_or_default(),
                serde_json::to_string(&sealed).unwrap_or_default()
            )));
            if written != "stored" {
                refused = Some(written.as_str().unwrap_or_default().to_string());
                break 'learners;
            }
            answers += chunk.len();
            if at_warning.is_none() && Room::of(storage_characters(browser)).is_filling() {
                // The notice really shows at this fill (the page counts it itself).
                check(browser.goto(&server.base_url));
                let said = check(browser.texts("[data-testid=room-left]")).join("");
                at_warning = Some((answers, learner + 1, said));
            }
        }
    }
    let characters = storage_characters(browser);
    match at_warning {
        Some((warned, learners, said)) => {
            println!(
                "a fresh device: the start screen warns after {warned} answers ({learners} learners of 3,000): {said}"
            );
        }
        None => println!("a fresh device: the start screen never warned"),
    }
    println!(
        "a fresh device: full after {answers} answers ({characters} characters, {:.1} per answer; \
         the next write refused with {})",
        characters as f64 / answers.max(1) as f64,
        refused.as_deref().unwrap_or("nothing")
    );
    check(browser.execute("localStorage.clear(); return true;"));
}

/// Times the teacher's import of 40 files of 5,000 attempts and every report.
/// With `MASTERLY_DIST_B` set to another build's `dist/`, both builds are timed in
/// turns, in alternating order, and the differences of each pair summarised: on a
/// shared, noisy machine that shows a change of a few percent that separate runs
/// would hide.
fn class_import(browser: &Browser, server: &StaticServer, runs: usize) {
    let path = masterly_e2e::repo_path("curricula/fractions.json");
    let path = path.display();
    let text = std::fs::read_to_string(path.to_string()).unwrap_or_else(|e| panic!("{path}: {e}"));
    let curriculum = load_curriculum(&text)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .curriculum;
    let files = synthetic_progress_files(&curriculum, 40, 5_000, 99);
    let bytes: usize = files.iter().map(String::len).sum();
    let written = write_student_files("bench", &files);
    let other = std::env::var_os("MASTERLY_DIST_B")
        .map(|dist| StaticServer::start(std::path::Path::new(&dist), "/"));
    let mut builds = vec![ClassTimes::default()];
    if other.is_some() {
        builds.push(ClassTimes::default());
    }
    for run in 0..runs.max(1) {
        for turn in 0..builds.len() {
            // A, B, then B, A: neither build always goes first.
            let build = if run % 2 == 0 {
                turn
            } else {
                builds.len() - 1 - turn
            };
            let serving = match (&other, build) {
                (Some(other), 1) => other,
                _ => server,
            };
            builds[build].add(time_class_import(browser, serving, &written.paths));
        }
    }
    let title = format!(
        "class import, 40 files x 5,000 attempts ({:.1} MB) + all reports",
        bytes as f64 / 1e6
    );
    if let [a, b] = &builds[..] {
        let paired: Vec<f64> = a.totals.iter().zip(&b.totals).map(|(a, b)| b - a).collect();
        a.print(&format!("{title}, build A"));
        b.print(&format!("{title}, build B (MASTERLY_DIST_B)"));
        println!("B minus A, per pair: {}", summary(paired));
    } else {
        builds[0].print(&title);
    }
}

/// The class import's times over several runs: in all, and split by the page's marks.
#[derive(Default)]
struct ClassTimes {
    totals: Vec<f64>,
    parts: [Vec<f64>; 4],
}

impl ClassTimes {
    fn add(&mut self, (total, parts): (f64, [f64; 4])) {
        self.totals.push(total);
        for (list, part) in self.parts.iter_mut().zip(parts) {
            list.push(part);
        }
    }

    fn print(&self, title: &str) {
        println!("{title}: {}", summary(self.totals.clone()));
        let names = [
            "reading and loading the files",
            "check and merge",
            "replays and reports",
            "drawing",
        ];
        for (name, part) in names.iter().zip(&self.parts) {
            println!("  of which {name}: {}", summary(part.clone()));
        }
    }
}

/// One import of `paths` on a fresh teacher's page: milliseconds from choosing the
/// files until the grid's rows are drawn, and that time split by the page's marks.
fn time_class_import(
    browser: &Browser,
    server: &StaticServer,
    paths: &[String],
) -> (f64, [f64; 4]) {
    check(browser.goto(&format!("{}teacher.html", server.base_url)));
    check(browser.find("[data-testid=teacher-page]"));
    // Choose the Grade 3 course, whose curriculum the files belong to.
    check(browser.choose_option("#class-course", "Grade 3"));
    check(browser.execute(
        "window.__done = null; \
         document.getElementById('progress-files').addEventListener('change', () => { \
           window.__start = performance.now(); \
           const observer = new MutationObserver(() => { \
             if (document.querySelectorAll('[data-testid=grid] tbody tr').length === 40) { \
               window.__done = performance.now(); observer.disconnect(); } }); \
           observer.observe(document.body, { childList: true, subtree: true }); \
         }, { capture: true, once: true });",
    ));
    check(browser.type_into("#progress-files", &paths.join("\n")));
    check(browser.wait_until("window.__done !== null", "the class reports"));
    let total = check(browser.execute("return window.__done - window.__start"));
    // The page's own marks split the time: reading the files and loading each
    // as it arrives, checking and merging them, replays and reports, then drawing.
    let parts = check(browser.execute(
        "const at = name => performance.getEntriesByName(name)[0].startTime; \
         const read = at('masterly-files-read'), imported = at('masterly-files-imported'); \
         const built = at('masterly-reports-built'); \
         return [read - window.__start, imported - read, built - imported, window.__done - built];",
    ));
    let mut split = [f64::NAN; 4];
    for (slot, value) in split.iter_mut().zip(parts.as_array().into_iter().flatten()) {
        *slot = value.as_f64().unwrap_or(f64::NAN);
    }
    (total.as_f64().unwrap_or(f64::NAN), split)
}
