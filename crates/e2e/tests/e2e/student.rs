//! A student's mastery cycle through the built app, as a person would go through
//! it: with the mouse, and with the keyboard alone. The test knows the curriculum,
//! so it can read which question is on screen (its item id and seed) and decide to
//! answer it right or wrong on purpose.

use super::{assert_accessible, assert_no_policy_violations, ok, open_app};
use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::content::item::{
    model_answer, wrong_answer, InstanceKey, ItemInstance, ItemKind, Response,
};
use masterly_core::content::picture::{draw, stops};
use masterly_core::device::room::answers_in;
use masterly_core::device::store::open;
use masterly_core::device::workbook::stored_kind;
use masterly_e2e::webdriver::Browser;
use std::collections::HashSet;

/// How the student works the page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hands {
    Mouse,
    Keyboard,
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const SPACE: &str = "\u{E00D}";
const ARROW_DOWN: &str = "\u{E015}";
const END: &str = "\u{E010}";
const BACKSPACE: &str = "\u{E003}";
const HOME: &str = "\u{E011}";
const ARROW_RIGHT: &str = "\u{E014}";

struct Student<'a> {
    browser: &'a Browser,
    curriculum: Curriculum,
    hands: Hands,
}

/// A JavaScript string literal.
fn js(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A CSS selector for an element id, whatever characters the id holds.
fn by_id(id: &str) -> String {
    format!("[id={}]", js(id))
}

impl<'a> Student<'a> {
    fn new(browser: &'a Browser, hands: Hands) -> Student<'a> {
        Student::of("curricula/demo.json", browser, hands)
    }

    /// A student of the curriculum at `path` in the repository.
    fn of(path: &str, browser: &'a Browser, hands: Hands) -> Student<'a> {
        let text = std::fs::read_to_string(masterly_e2e::repo_path(path))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let curriculum = load_curriculum(&text)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .curriculum;
        Student {
            browser,
            curriculum,
            hands,
        }
    }

    /// Presses Tab until focus is on an element matching `css`.
    fn tab_to(&self, css: &str) {
        for _ in 0..80 {
            let there = ok(self.browser.execute(&format!(
                "const el = document.activeElement; return !!el && el.matches({});",
                js(css)
            )));
            if there == true {
                return;
            }
            ok(self.browser.press(TAB));
        }
        panic!("Tab never reached {css}");
    }

    /// Activates a button: a click, or Tab to it and Enter.
    fn press_button(&self, css: &str) {
        ok(self.browser.find(css));
        match self.hands {
            Hands::Mouse => ok(self.browser.click(css)),
            Hands::Keyboard => {
                self.tab_to(css);
                ok(self.browser.press(ENTER));
            }
        }
    }

    fn focused_is(&self, css: &str) -> bool {
        ok(self.browser.execute(&format!(
            "const el = document.activeElement; return !!el && el.matches({});",
            js(css)
        ))) == true
    }

    /// The item on screen, as the test's own copy of the engine makes it.
    fn instance_on_screen(&self) -> ItemInstance {
        let frame = "[data-testid=item]";
        let item_id = ok(self.browser.attribute(frame, "data-item")).unwrap_or_default();
        let seed: u64 = ok(self.browser.attribute(frame, "data-seed"))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no seed on the item frame"));
        let item = self
            .curriculum
            .item(&item_id)
            .unwrap_or_else(|| panic!("{item_id} is not in the curriculum"));
        ItemInstance::generate(item, seed).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn give(&self, instance: &ItemInstance, response: &Response) {
        let item = &instance.item_id;
        let browser = self.browser;
        if instance.kind.on_picture() {
            return self.give_on_picture(instance, response);
        }
        match (self.hands, response) {
            (Hands::Mouse, Response::Choice { index }) => {
                ok(browser.click(&by_id(&format!("choice-{item}-{index}"))));
            }
            (Hands::Mouse, Response::Choices { indices }) => {
                // After "Try again" the boxes still show the last answer: change only
                // the ones that differ.
                for index in self.boxes_to_change(instance, indices) {
                    ok(browser.click(&by_id(&format!("choice-{item}-{index}"))));
                }
            }
            (Hands::Mouse, Response::Number { text } | Response::Text { text }) => {
                let field = by_id(&format!("answer-{item}"));
                ok(browser.clear(&field));
                ok(browser.type_into(&field, text));
            }
            (Hands::Keyboard, Response::Choice { index }) => {
                // Tab enters the radio group; the arrow keys move the choice.
                self.tab_to(&format!("input[name={}]", js(&format!("choice-{item}"))));
                let target = by_id(&format!("choice-{item}-{index}"));
                ok(browser.press(SPACE));
                for _ in 0..instance.choices.len() {
                    if self.focused_is(&target) {
                        break;
                    }
                    ok(browser.press(ARROW_DOWN));
                }
                assert!(
                    self.focused_is(&target),
                    "the arrow keys never reached {target}"
                );
                assert_eq!(
                    ok(browser.execute(&format!(
                        "return document.querySelector({}).checked",
                        js(&target)
                    ))),
                    true
                );
            }
            (Hands::Keyboard, Response::Choices { indices }) => {
                for index in self.boxes_to_change(instance, indices) {
                    self.tab_to(&by_id(&format!("choice-{item}-{index}")));
                    ok(browser.press(SPACE));
                }
            }
            (Hands::Keyboard, Response::Number { text } | Response::Text { text }) => {
                let field = by_id(&format!("answer-{item}"));
                self.tab_to(&field);
                let old = ok(browser.execute(&format!(
                    "return document.querySelector({}).value.length",
                    js(&field)
                )));
                ok(browser.press(END));
                ok(browser.press(&BACKSPACE.repeat(old.as_u64().unwrap_or(0) as usize)));
                ok(browser.press(text));
            }
            (_, Response::Order { order }) => {
                // Each entry moves up into its place, one press at a time. With the
                // keyboard, focus stays on the button just used, so Enter repeats.
                let mut shown = self.shown_order(instance);
                for (place, entry) in order.iter().enumerate() {
                    while let Some(at) = shown
                        .iter()
                        .position(|e| e == entry)
                        .filter(|&at| at > place)
                    {
                        let button = by_id(&format!("{item}-{entry}-up"));
                        match self.hands {
                            Hands::Mouse => ok(browser.click(&button)),
                            Hands::Keyboard => {
                                if !self.focused_is(&button) {
                                    self.tab_to(&button);
                                }
                                ok(browser.press(ENTER));
                            }
                        }
                        shown.swap(at - 1, at);
                        ok(browser.wait_until(
                            &format!(
                                "document.querySelector('.order-entry')?.dataset.entry === '{}'",
                                shown[0]
                            ),
                            "the list to redraw",
                        ));
                    }
                }
            }
        }
    }

    /// Answers on the picture: moves the point (the keys, or a pointer pressed on
    /// the line where the stop is drawn), shades parts, or cuts the whole.
    fn give_on_picture(&self, instance: &ItemInstance, response: &Response) {
        let browser = self.browser;
        let Response::Number { text } = response else {
            panic!(
                "{}: {response:?} is no answer on a picture",
                instance.item_id
            )
        };
        let diagram = instance
            .diagram
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no picture", instance.item_id));
        match instance.kind {
            ItemKind::PlacePoint => {
                let stops = stops(diagram);
                let index = stops
                    .iter()
                    .position(|stop| stop.value.to_string() == *text)
                    .unwrap_or_else(|| panic!("{text} is no stop of {}", instance.item_id));
                let slider = "[data-testid=place-point]";
                match self.hands {
                    Hands::Keyboard => {
                        self.tab_to(slider);
                        ok(browser.press(HOME));
                        ok(browser.press(&ARROW_RIGHT.repeat(index)));
                    }
                    Hands::Mouse => {
                        let width = draw(diagram).width;
                        ok(browser.execute(&format!(
                            "const slider = document.querySelector('{slider}'); \
                             const box = slider.firstElementChild.getBoundingClientRect(); \
                             const x = box.left + {x} / {width} * box.width; \
                             slider.dispatchEvent(new PointerEvent('pointerdown', \
                               {{ clientX: x, clientY: box.top + box.height / 2, bubbles: true }}));",
                            x = stops[index].x,
                        )));
                    }
                }
                ok(browser.wait_until(
                    &format!(
                        "document.querySelector('{slider}').getAttribute('aria-valuenow') === '{index}'"
                    ),
                    &format!("the point on stop {index}"),
                ));
            }
            ItemKind::Shade => {
                let count: usize = text
                    .split_once('/')
                    .and_then(|(count, _)| count.parse().ok())
                    .unwrap_or_else(|| panic!("{text} is no shading"));
                let parts = ok(browser.find_all("[data-testid=shade-parts] [data-part]")).len();
                for part in 0..parts {
                    let css = format!("[data-testid=shade-parts] [data-part='{part}']");
                    let shaded =
                        ok(browser.attribute(&css, "aria-checked")).as_deref() == Some("true");
                    if shaded != (part < count) {
                        match self.hands {
                            Hands::Mouse => ok(browser.click(&css)),
                            Hands::Keyboard => {
                                self.tab_to(&css);
                                ok(browser.press(SPACE));
                            }
                        }
                    }
                }
                let shaded = ok(browser.find_all("[data-testid=shade-parts] [aria-checked=true]"));
                assert_eq!(shaded.len(), count, "{count} parts shaded");
            }
            _ => {
                let wanted: usize = text.parse().unwrap_or_else(|_| panic!("{text} parts?"));
                let shown = || -> usize {
                    ok(browser.attribute("[data-testid=parts-count]", "data-parts"))
                        .and_then(|parts| parts.parse().ok())
                        .unwrap_or(0)
                };
                for _ in 0..48 {
                    let button = match shown().cmp(&wanted) {
                        std::cmp::Ordering::Less => "[data-testid=more-parts]",
                        std::cmp::Ordering::Greater => "[data-testid=fewer-parts]",
                        std::cmp::Ordering::Equal => break,
                    };
                    match self.hands {
                        Hands::Mouse => ok(browser.click(button)),
                        Hands::Keyboard => {
                            if !self.focused_is(button) {
                                self.tab_to(button);
                            }
                            ok(browser.press(ENTER));
                        }
                    }
                }
                assert_eq!(shown(), wanted, "the whole cut into {wanted} parts");
            }
        }
    }

    /// The choices whose box must be ticked or unticked to show exactly `wanted`.
    fn boxes_to_change(&self, instance: &ItemInstance, wanted: &[usize]) -> Vec<usize> {
        (0..instance.choice_feedback.len())
            .filter(|index| {
                let css = by_id(&format!("choice-{}-{index}", instance.item_id));
                let ticked = ok(self.browser.execute(&format!(
                    "return document.querySelector({}).checked",
                    js(&css)
                ))) == true;
                ticked != wanted.contains(index)
            })
            .collect()
    }

    /// The ordering entries as shown now, as indices into the right sequence.
    fn shown_order(&self, instance: &ItemInstance) -> Vec<usize> {
        let shown = ok(self.browser.execute(
            "return [...document.querySelectorAll('.order-entry')].map(e => Number(e.dataset.entry))",
        ));
        serde_json::from_value(shown.clone())
            .unwrap_or_else(|_| panic!("{shown} are not entries of {}", instance.item_id))
    }

    /// Answers the question on screen right or wrong on purpose and waits for the
    /// feedback. Returns the instance answered.
    fn answer(&self, right: bool) -> ItemInstance {
        let instance = self.instance_on_screen();
        let response = if right {
            model_answer(&instance)
        } else {
            wrong_answer(&instance)
        };
        self.give(&instance, &response);
        self.press_button("[data-testid=submit-answer]");
        let verdict = ok(self.browser.find("[data-testid=feedback] .verdict"));
        let said = ok(self.browser.text(&verdict));
        assert_eq!(
            said.contains("Not yet") || said.contains("not yet"),
            !right,
            "{}: feedback {said:?} after a {} answer",
            instance.item_id,
            if right { "right" } else { "wrong" }
        );
        instance
    }

    /// Moves on after feedback: to the next question or the results.
    fn next(&self) {
        let before = ok(self.browser.texts("[data-testid=item-count]")).join("");
        if self.hands == Hands::Keyboard {
            // Focus moves to the way on as soon as the feedback shows.
            assert!(
                self.focused_is("[data-testid=next]"),
                "focus is not on the way on after feedback"
            );
        }
        self.press_button("[data-testid=next]");
        ok(self.browser.wait_until(
            &format!(
                "document.querySelector('[data-testid=results]') || \
                 (document.querySelector('[data-testid=item-count]')?.textContent !== {} && \
                  !document.querySelector('[data-testid=feedback] .verdict'))",
                js(&before)
            ),
            "the next question or the results",
        ));
    }

    fn on_results(&self) -> bool {
        ok(self
            .browser
            .execute("return !!document.querySelector('[data-testid=results]')"))
            == true
    }

    /// Answers every question of the sitting on screen; returns what was asked.
    fn take_sitting(&self, right: impl Fn(&ItemInstance) -> bool) -> Vec<ItemInstance> {
        let mut asked = Vec::new();
        loop {
            let instance = self.instance_on_screen();
            asked.push(self.answer(right(&instance)));
            self.next();
            if self.on_results() {
                return asked;
            }
            assert!(asked.len() < 40, "the sitting never ended");
        }
    }

    /// From a unit page, starts the sitting behind `action` (a data-action name).
    fn start(&self, action: &str) {
        self.press_button(&format!("[data-action={action}]"));
        ok(self.browser.find("[data-testid=item]"));
        if self.hands == Hands::Keyboard {
            assert!(
                self.focused_is("#sitting-title"),
                "focus is not on the new question's heading"
            );
        }
    }

    fn back_to_unit(&self) {
        self.press_button("[data-action=back-to-unit]");
        ok(self.browser.find("[data-testid=unit-page]"));
    }

    fn unit_stage(&self) -> String {
        ok(self.browser.texts("[data-testid=unit-stage]")).join("")
    }
}

fn keys(asked: &[ItemInstance]) -> HashSet<InstanceKey> {
    asked.iter().map(ItemInstance::key).collect()
}

#[test]
fn a_student_gets_correctives_then_passes_check_b_on_new_items_and_masters_the_unit() {
    let (_server, browser) = open_app("/");
    let student = Student::new(&browser, Hands::Mouse);
    student.press_button(".unit-card .open-unit");
    ok(browser.find("[data-testid=unit-page]"));
    assert_accessible(&browser, "unit page, before the lessons");
    assert!(
        stacked_fractions(&browser) > 0,
        "the lessons write fractions"
    );

    // Check A, every answer wrong on purpose.
    student.start("start-formative-a");
    assert_accessible(&browser, "a question");
    let first = student.answer(false);
    assert_accessible(&browser, "feedback on a wrong answer");
    student.next();
    let mut check_a = vec![first];
    if !student.on_results() {
        check_a.extend(student.take_sitting(|_| false));
    }
    assert_accessible(&browser, "results of check A");
    let scores = ok(browser.texts("[data-testid=score]"));
    assert!(scores.iter().all(|s| s.starts_with("0/")), "{scores:?}");
    student.back_to_unit();

    // Correctives for every objective, explained another way, with practice.
    let correctives = ok(browser.texts("[data-testid=corrective] h3"));
    assert_eq!(correctives.len(), 3, "{correctives:?}");
    assert_accessible(&browser, "unit page with correctives");
    student.start("start-practice");
    student.answer(false);
    assert_accessible(&browser, "a wrong answer in practice");
    // In practice the same question can be tried again, and success is recognised.
    student.press_button("[data-action=try-again]");
    ok(browser.wait_until(
        "!document.querySelector('[data-testid=feedback] .verdict')",
        "the feedback to clear for another try",
    ));
    student.answer(true);
    let verdict = ok(browser.texts("[data-testid=feedback] .verdict")).join("");
    assert!(verdict.contains("2 tries"), "{verdict}");
    student.next();
    if !student.on_results() {
        student.take_sitting(|_| true);
    }
    student.back_to_unit();

    // Check B: all right, and never a question already seen in check A.
    student.start("start-formative-b");
    let check_b = student.take_sitting(|_| true);
    let repeated: Vec<_> = keys(&check_a)
        .intersection(&keys(&check_b))
        .copied()
        .collect();
    assert!(
        repeated.is_empty(),
        "check B repeated check A's questions: {repeated:?}"
    );
    student.back_to_unit();
    assert_accessible(&browser, "unit page after check B");

    // The unit test, passed: the unit is mastered.
    student.start("start-unit-test");
    student.take_sitting(|_| true);
    let headline = ok(browser.texts("[data-testid=results] h1")).join("");
    assert!(headline.contains("mastered"), "{headline}");
    assert_accessible(&browser, "results of the unit test");
    // Check A missed every objective, then check B and the test were at the bar:
    // the second try, and persistence is named.
    assert_eq!(
        ok(browser.texts("[data-testid=results] .persistence")),
        vec!["Mastered after 2 tries. Sticking with it paid off!"; 3]
    );
    // The way on is the next unit, now open.
    assert_eq!(
        ok(browser.texts("[data-action=next-unit]")),
        vec!["Next unit: “Fractions on a number line” →"]
    );
    student.back_to_unit();
    assert!(
        student.unit_stage().contains("Mastered"),
        "{}",
        student.unit_stage()
    );
    assert_accessible(&browser, "a mastered unit");
    student.press_button("[data-testid=unit-page] .back");
    let progress = ok(browser.texts("[data-testid=course-progress]")).join("");
    assert_eq!(progress, "3 of 6 objectives mastered");
    assert_accessible(&browser, "course map with a mastered unit");
    assert_no_policy_violations(&browser, "a whole unit");
}

/// Counts the attempts in local storage, read from the saved envelopes with the
/// engine's own readers: the workbooks and their archive chunks (which never hold
/// the same attempt).
fn stored_attempts(browser: &Browser) -> u64 {
    let stored = ok(browser.execute(
        "const found = []; \
         for (let i = 0; i < localStorage.length; i++) { \
           const key = localStorage.key(i); \
           if (key.startsWith('masterly.workbook.') && !key.endsWith('.previous') && !key.endsWith('.damaged')) \
             found.push([key, localStorage.getItem(key)]); \
         } \
         return found;",
    ));
    stored
        .as_array()
        .into_iter()
        .flatten()
        .map(|entry| {
            let (Some(key), Some(text)) = (entry[0].as_str(), entry[1].as_str()) else {
                panic!("no key and text: {entry}");
            };
            let envelope = open(text, stored_kind(key)).unwrap_or_else(|e| panic!("{key}: {e:?}"));
            answers_in(&envelope.payload) as u64
        })
        .sum()
}

#[test]
fn a_reload_in_the_middle_of_a_check_keeps_every_answer_and_the_place() {
    let (server, browser) = open_app("/");
    let student = Student::new(&browser, Hands::Mouse);
    student.press_button(".unit-card .open-unit");
    student.start("start-formative-a");
    student.answer(true);
    student.next();
    let second = student.answer(false);
    let count = ok(browser.texts("[data-testid=item-count]")).join("");
    let verdict = ok(browser.texts("[data-testid=feedback] .verdict")).join("");
    assert_eq!(stored_attempts(&browser), 2);

    ok(browser.goto(&server.base_url));
    ok(browser.find("[data-testid=sitting]"));
    assert_eq!(student.instance_on_screen(), second, "the same question");
    assert_eq!(
        ok(browser.texts("[data-testid=item-count]")).join(""),
        count
    );
    assert_eq!(
        ok(browser.texts("[data-testid=feedback] .verdict")).join(""),
        verdict
    );
    assert_eq!(stored_attempts(&browser), 2);

    student.next();
    let rest = if student.on_results() {
        Vec::new()
    } else {
        student.take_sitting(|_| true)
    };
    let answered = 2 + rest.len() as u64;
    assert_eq!(stored_attempts(&browser), answered);
    let total: u64 = ok(browser.texts("[data-testid=score]"))
        .iter()
        .filter_map(|s| s.split('/').nth(1)?.parse::<u64>().ok())
        .sum();
    assert_eq!(total, answered, "every answer counts once in the results");
}

#[test]
fn a_unit_can_be_worked_through_with_the_keyboard_alone() {
    let (_server, browser) = super::open_start_screen("/");
    let student = Student::new(&browser, Hands::Keyboard);
    student.tab_to("#nickname");
    ok(browser.press("Kim"));
    ok(browser.press(ENTER));
    ok(browser.find("[data-testid=course-map] h1"));
    assert!(
        student.focused_is("#course-title"),
        "focus is not on the course title"
    );

    student.press_button(".unit-card .open-unit");
    ok(browser.find("[data-testid=unit-page]"));
    assert!(
        student.focused_is("#unit-title"),
        "focus is not on the unit title"
    );
    student.start("start-formative-a");
    let asked = student.take_sitting(|_| true);
    assert!(!asked.is_empty());
    assert!(
        student.focused_is("#results-title"),
        "focus is not on the results"
    );
    student.back_to_unit();
    student.start("start-unit-test");
    student.take_sitting(|_| true);
    student.back_to_unit();
    assert!(
        student.unit_stage().contains("Mastered"),
        "{}",
        student.unit_stage()
    );
}

/// The fragment of the page's address: its route.
fn address(browser: &Browser) -> String {
    ok(browser.execute("return location.hash"))
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Waits for the screen `css` to show and checks the address names it.
fn shows(browser: &Browser, css: &str, route: &str) {
    ok(browser.find(css));
    assert_eq!(address(browser), route, "the address of {css}");
}

#[test]
fn back_and_forward_move_between_screens_and_a_link_opens_a_unit() {
    let (server, browser) = open_app("/");
    let student = Student::new(&browser, Hands::Mouse);
    let (map, unit, sitting, results) = (
        "[data-testid=course-map]",
        "[data-testid=unit-page]",
        "[data-testid=sitting]",
        "[data-testid=results]",
    );
    shows(&browser, map, "#/course/demo");
    student.press_button(".unit-card .open-unit");
    shows(&browser, unit, "#/course/demo/unit/demo-equal-parts");
    student.start("start-formative-a");
    shows(&browser, sitting, "#/course/demo/sitting");
    let first = student.answer(true);
    student.next();

    // Back leaves the check for later; Forward takes it up at the same question.
    let second = student.instance_on_screen();
    assert_ne!(first, second);
    ok(browser.back());
    shows(&browser, unit, "#/course/demo/unit/demo-equal-parts");
    ok(browser.forward());
    shows(&browser, sitting, "#/course/demo/sitting");
    assert_eq!(student.instance_on_screen(), second, "the same question");

    // The results take the sitting's place: Back goes to the unit, then the map.
    student.take_sitting(|_| true);
    let results_route = address(&browser);
    assert!(
        results_route.starts_with("#/course/demo/results/"),
        "{results_route}"
    );
    ok(browser.back());
    shows(&browser, unit, "#/course/demo/unit/demo-equal-parts");
    ok(browser.back());
    shows(&browser, map, "#/course/demo");
    ok(browser.forward());
    shows(&browser, unit, "#/course/demo/unit/demo-equal-parts");
    ok(browser.forward());
    shows(&browser, results, &results_route);
    assert_accessible(&browser, "results reached by Forward");

    // Opened again at its address, as a reload does, the screen is the same.
    ok(browser.goto("about:blank"));
    ok(browser.goto(&format!("{}{results_route}", server.base_url)));
    shows(&browser, results, &results_route);

    // A link to a unit opens it for whoever is signed in...
    let link = format!("{}#/course/demo/unit/demo-number-line", server.base_url);
    ok(browser.goto("about:blank"));
    ok(browser.goto(&link));
    shows(&browser, unit, "#/course/demo/unit/demo-number-line");
    assert_eq!(
        ok(browser.texts("#unit-title")),
        vec!["Fractions on a number line"]
    );
    // ...and asks who is learning first when nobody is.
    student.press_button("[data-testid=switch-learner]");
    shows(&browser, "[data-testid=start-screen]", "#/");
    ok(browser.goto("about:blank"));
    ok(browser.goto(&link));
    ok(browser.find("[data-testid=start-screen]"));
    student.press_button(".learner-choice");
    shows(&browser, unit, "#/course/demo/unit/demo-number-line");
    // A link that names no course leaves the screen as it is.
    ok(browser.execute("location.hash = '#/course/no-such-course'; return true"));
    ok(browser.wait_until(
        "location.hash === '#/course/demo/unit/demo-number-line'",
        "the address back at the screen shown",
    ));
    ok(browser.find(unit));
}

/// How far the page is wider than the window, in CSS pixels, with the elements
/// that stick out past the right edge (for the message).
fn sideways_overflow(browser: &Browser) -> (i64, Vec<String>) {
    let found = ok(browser.execute(
        "const width = document.documentElement.clientWidth; \
         const over = [...document.querySelectorAll('body *')] \
           .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.getClientRects().length) \
           .filter(e => !e.closest('.table-scroll')) \
           .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') \
                + ' ' + Math.round(e.getBoundingClientRect().right)); \
         return [document.documentElement.scrollWidth - width, over.slice(0, 8)];",
    ));
    (
        found[0].as_i64().unwrap_or_default(),
        found[1]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// Checks the screen fits the window's width and that axe-core finds nothing on
/// it, and saves its picture; a screen that does not fit is added to `wider`.
fn fits(browser: &Browser, screen: &str, wider: &mut Vec<String>) {
    let (overflow, sticking_out) = sideways_overflow(browser);
    assert_accessible(browser, screen);
    if overflow > 0 {
        wider.push(format!(
            "{screen}: {overflow} px wider than the window: {sticking_out:?}"
        ));
    }
}

/// A readiness check with one question of three missed: the student looks back at
/// that objective alone, on the unit's own page, and checks it again.
#[test]
fn a_readiness_check_with_a_gap_looks_back_at_it_and_checks_it_again() {
    let (server, browser) = open_app("/");
    let student = Student::new(&browser, Hands::Mouse);
    ok(browser.goto(&format!(
        "{}#/course/demo/unit/demo-number-line",
        server.base_url
    )));
    ok(browser.find("[data-testid=unit-page]"));
    student.start("start-readiness");
    student.answer(false);
    student.next();
    student.take_sitting(|_| true);
    assert_accessible(&browser, "results of a readiness check with a gap");
    assert!(
        ok(browser.texts("#results-title"))[0].starts_with("Nearly ready for"),
        "the heading says what comes next"
    );
    student.back_to_unit();
    assert_eq!(ok(browser.texts("[data-testid=corrective]")).len(), 1);
    assert_accessible(&browser, "unit page with a look back at a gap");
    student.start("start-readiness");
    student.take_sitting(|_| true);
    assert!(ok(browser.texts("#results-title"))[0].starts_with("You're ready for"));
    ok(browser.execute("localStorage.clear(); return true;"));
}

/// Checks that the fractions on screen are drawn stacked: each numerator above its
/// denominator, the two centred on one another; gives how many there are.
fn stacked_fractions(browser: &Browser) -> usize {
    let found = ok(browser.execute(
        "return [...document.querySelectorAll('.fraction')].map(f => { \
           const n = f.querySelector('.numerator').getBoundingClientRect(); \
           const d = f.querySelector('.denominator').getBoundingClientRect(); \
           return [f.textContent, n.bottom - d.top, \
                   Math.abs((n.left + n.right) / 2 - (d.left + d.right) / 2)]; });",
    ));
    let fractions = found.as_array().cloned().unwrap_or_default();
    for fraction in &fractions {
        let (overlap, off_centre) = (
            fraction[1].as_f64().unwrap_or(f64::MAX),
            fraction[2].as_f64().unwrap_or(f64::MAX),
        );
        assert!(
            overlap <= 1.0 && off_centre <= 1.0,
            "{} is not stacked: the numerator runs {overlap} px into the denominator, \
             {off_centre} px off its centre",
            fraction[0]
        );
    }
    fractions.len()
}

/// Squeezes each text with fractions to 1 px wide, so every line breaks wherever
/// it may, and checks that the character written against each fraction (`(1/2),`)
/// is still on the fraction's line; gives how many were checked.
fn fractions_keep_what_is_written_against_them(browser: &Browser) -> usize {
    let found = ok(browser.execute(
        "const texts = [...document.querySelectorAll('.rich-text')]; \
         const widths = texts.map(t => t.style.width); \
         texts.forEach(t => t.style.width = '1px'); \
         const found = []; \
         for (const f of document.querySelectorAll('.rich-text .fraction')) { \
           const box = f.getBoundingClientRect(); \
           for (const [text, first] of [[f.previousSibling, false], [f.nextSibling, true]]) { \
             if (!text || text.nodeType !== Node.TEXT_NODE) continue; \
             const at = first ? 0 : text.data.length - 1; \
             if (!text.data[at] || /\\s/.test(text.data[at])) continue; \
             const r = document.createRange(); r.setStart(text, at); r.setEnd(text, at + 1); \
             const mark = r.getBoundingClientRect(); \
             found.push([text.data[at] + ' by ' + f.textContent, \
                         mark.top < box.bottom && mark.bottom > box.top]); } } \
         texts.forEach((t, i) => t.style.width = widths[i]); \
         return found;",
    ));
    let marks = found.as_array().cloned().unwrap_or_default();
    let apart: Vec<String> = marks
        .iter()
        .filter(|mark| mark[1].as_bool() != Some(true))
        .map(|mark| mark[0].to_string())
        .collect();
    assert!(
        apart.is_empty(),
        "a line breaks between a fraction and what is written against it: {apart:?}"
    );
    marks.len()
}

#[test]
fn every_screen_of_a_unit_fits_a_phone_320_px_wide() {
    every_screen_of_a_unit_fits(320, 700, "at 320 px");
}

/// A 1280 × 900 window zoomed to 200% lays out as a window of 640 × 450 CSS pixels.
#[test]
fn every_screen_of_a_unit_fits_a_laptop_at_200_percent_zoom() {
    every_screen_of_a_unit_fits(640, 450, "at 200% zoom");
}

/// Walks a unit from the start screen to its correctives in a window `width` CSS
/// pixels wide, checking that no screen scrolls sideways and saving each screen's
/// picture, named with `size`.
fn every_screen_of_a_unit_fits(width: u32, height: u32, size: &str) {
    let (_server, browser) = super::open_start_screen("/");
    ok(browser.set_window_size(width, height));
    let shown = ok(browser.execute("return document.documentElement.clientWidth"));
    assert!(
        shown.as_i64().is_some_and(|w| w <= i64::from(width)),
        "the window is {shown} px wide"
    );
    let mut wider = Vec::new();
    let named = |screen: &str| format!("{screen} {size}");
    fits(&browser, &named("start screen"), &mut wider);
    ok(browser.type_into("#nickname", "Robin"));
    ok(browser.click(".add-learner button[type=submit]"));
    ok(browser.find("[data-testid=course-map] h1"));
    fits(&browser, &named("course map"), &mut wider);
    let student = Student::new(&browser, Hands::Mouse);
    student.press_button(".unit-card .open-unit");
    ok(browser.find("[data-testid=unit-page]"));
    fits(&browser, &named("unit page"), &mut wider);
    assert!(
        stacked_fractions(&browser) > 0,
        "the lessons write fractions"
    );
    assert!(
        fractions_keep_what_is_written_against_them(&browser) > 0,
        "the lessons write punctuation against fractions"
    );
    student.start("start-formative-a");
    fits(&browser, &named("a question"), &mut wider);
    student.answer(false);
    fits(&browser, &named("feedback"), &mut wider);
    student.next();
    student.take_sitting(|_| false);
    fits(&browser, &named("results"), &mut wider);
    student.back_to_unit();
    fits(&browser, &named("correctives"), &mut wider);
    assert!(wider.is_empty(), "{}", wider.join("\n"));
}

/// Saves a screenshot of each picture on the page, scrolled into view, named by
/// the first words of its description and `size`.
fn save_each_picture(browser: &Browser, size: &str) {
    let count = ok(browser.find_all(".picture svg[role=img]")).len();
    for index in 0..count {
        let label = ok(browser.execute(&format!(
            "const svg = document.querySelectorAll('.picture svg[role=img]')[{index}]; \
             svg.scrollIntoView({{ block: 'center' }}); \
             return svg.getAttribute('aria-label').split(/[;,.]/)[0];"
        )));
        let label = label.as_str().unwrap_or("picture");
        super::save_screenshot(browser, &format!("picture {index} {label} at {size}"));
    }
}

/// A unit of every picture model and every item answered on a picture
/// (`docs/examples/pictures.json`), opened as a course file: the lesson's pictures
/// are drawn and named for screen readers; a check is worked with the keyboard
/// alone — a point placed, parts shaded, a whole cut — with targeted feedback for
/// a wrong placement; then with a pointer. Axe finds nothing on any screen, and
/// each screen with pictures is saved at 320 px and at desktop width.
#[test]
fn pictures_are_drawn_and_answered_with_the_keyboard_alone_or_a_pointer() {
    let (_server, browser) = open_app("/");
    let example = masterly_e2e::repo_path("docs/examples/pictures.json");
    ok(browser.type_into("#open-file", &example.display().to_string()));
    ok(browser.find("[data-testid=course-preview]"));
    ok(browser.click("[data-testid=confirm-open]"));
    ok(browser.wait_until(
        "document.querySelector('[data-testid=open-file-outcome]').textContent.includes('Added')",
        "the course file to be added",
    ));
    let student = Student::of("docs/examples/pictures.json", &browser, Hands::Keyboard);
    student.press_button(".unit-card .open-unit");
    ok(browser.find("[data-testid=unit-page]"));
    // Every picture of the lessons is drawn, each named by its description.
    let named = ok(browser.execute(
        "return [...document.querySelectorAll('.picture svg[role=img]')] \
           .map(svg => [svg.getAttribute('aria-label'), svg.querySelectorAll('line, rect, path, circle').length])",
    ));
    let named = named.as_array().cloned().unwrap_or_default();
    assert!(named.len() >= 3, "{named:?}");
    for picture in &named {
        assert!(
            picture[0].as_str().is_some_and(|label| label.len() > 20),
            "a picture without a description: {picture}"
        );
        assert!(picture[1].as_u64() > Some(3), "an empty picture: {picture}");
    }
    assert!(
        named.iter().any(|p| p[0]
            .as_str()
            .is_some_and(|label| label.starts_with("A number line from 0 to 2"))),
        "{named:?}"
    );
    assert_accessible(&browser, "pictures in a lesson");
    for model in [
        "A number line",
        "A line plot",
        "A fraction strip",
        "A circle",
        "A set",
        "A rectangle",
    ] {
        assert!(
            named
                .iter()
                .any(|p| p[0].as_str().is_some_and(|label| label.starts_with(model))),
            "no lesson picture says '{model}…': {named:?}"
        );
    }
    save_each_picture(&browser, "desktop");
    ok(browser.set_window_size(320, 700));
    save_each_picture(&browser, "320 px");
    ok(browser.set_window_size(1280, 900));

    // Check A with the keyboard alone. A placement one part too far gets the
    // feedback of its misconception.
    student.start("start-formative-a");
    let mut kinds = HashSet::new();
    let mut targeted = false;
    loop {
        let instance = student.instance_on_screen();
        kinds.insert(instance.kind.name());
        let wrong = instance.kind == ItemKind::PlacePoint && !targeted;
        if wrong {
            // No point placed yet: checking asks for an answer, and counts nothing.
            student.press_button("[data-testid=submit-answer]");
            ok(browser.wait_until(
                "document.querySelector('.field-problem')?.textContent === 'Give an answer first.'",
                "the request for an answer",
            ));
        }
        if instance.kind.on_picture() {
            super::save_screenshot(&browser, &format!("answering {}", instance.item_id));
            assert_accessible(&browser, &format!("answering {}", instance.item_id));
        }
        if wrong {
            // The placement the misconception predicts: the tick at 0 counted.
            let placed = instance
                .wrong_answers
                .iter()
                .find(|wrong| wrong.misconception.as_deref() == Some("counts-ticks"))
                .and_then(|wrong| wrong.number)
                .unwrap_or_else(|| panic!("{} foresees no counted ticks", instance.item_id));
            student.give(
                &instance,
                &Response::Number {
                    text: placed.to_string(),
                },
            );
            student.press_button("[data-testid=submit-answer]");
            ok(browser.find("[data-testid=feedback] .verdict"));
        } else {
            student.answer(true);
        }
        if wrong {
            let feedback = ok(browser.texts("[data-testid=feedback]")).join(" ");
            assert!(
                feedback.contains("counts the equal gaps from 0, not the tick marks"),
                "no targeted feedback for counting ticks: {feedback}"
            );
            targeted = true;
        }
        student.next();
        if student.on_results() {
            break;
        }
    }
    assert!(targeted, "no placement was asked");
    // Its shading objective also has two picture choices, and the check draws two
    // of its six items: shading may come only in the next sittings, which draw
    // what the check did not show.
    for kind in ["place_point", "partition"] {
        assert!(kinds.contains(kind), "no {kind} item in {kinds:?}");
    }

    // Check B and the unit test with a pointer, at 320 px: every kind again.
    ok(browser.set_window_size(320, 700));
    student.back_to_unit();
    let pointer = Student::of("docs/examples/pictures.json", &browser, Hands::Mouse);
    let mut seen = HashSet::new();
    for sitting in ["start-formative-b", "start-unit-test"] {
        pointer.start(sitting);
        loop {
            let instance = pointer.instance_on_screen();
            if instance.kind.on_picture() && seen.insert(instance.kind.name()) {
                super::save_screenshot(&browser, &format!("{} at 320 px", instance.item_id));
            }
            pointer.answer(true);
            pointer.next();
            if pointer.on_results() {
                break;
            }
        }
        pointer.back_to_unit();
    }
    // Every kind answered on a picture, over the three sittings.
    seen.extend(kinds);
    for kind in ["place_point", "shade", "partition"] {
        assert!(seen.contains(kind), "no {kind} item in {seen:?}");
    }
    assert!(
        pointer.unit_stage().contains("Mastered"),
        "{}",
        pointer.unit_stage()
    );
}

/// Saves the screen with the first match of `css` in view, at desktop width and at
/// 320 px, and leaves the window at desktop width.
fn save_at_desktop_and_phone(browser: &Browser, css: &str, screen: &str) {
    for (width, size) in [(1280, "desktop"), (320, "320 px")] {
        ok(browser.set_window_size(width, 900));
        ok(browser.execute(&format!(
            "document.querySelector({css:?}).scrollIntoView({{ block: 'center' }})"
        )));
        super::save_screenshot(browser, &format!("{screen} at {size}"));
    }
    ok(browser.set_window_size(1280, 900));
}

/// The bundled Grade 3 course's first unit as a student meets it: its lessons draw
/// their pictures (each named for a screen reader); check A with the first
/// objective right and the rest wrong brings enrichment for the first and, for the
/// others, correctives that draw pictures too. Axe finds nothing; the screens are
/// saved at desktop width and at 320 px.
#[test]
fn a_grade_3_unit_teaches_with_pictures_in_its_lessons_and_correctives() {
    let (_server, browser) = open_app("/");
    ok(browser.execute(
        "[...document.querySelectorAll('.course-choice')] \
           .find(b => b.textContent.startsWith('Grade 3')).click()",
    ));
    ok(browser.wait_until(
        "document.querySelector('[data-testid=course-map] h1')?.textContent.startsWith('Grade 3')",
        "the Grade 3 course map",
    ));
    let student = Student::of("curricula/fractions.json", &browser, Hands::Mouse);
    student.press_button(".unit-card .open-unit");
    ok(browser.find("[data-testid=unit-page]"));
    let lessons = ok(browser.find_all(".picture svg[role=img]")).len();
    assert!(
        lessons >= 4,
        "{lessons} pictures in the first unit's lessons"
    );
    assert_accessible(&browser, "grade 3 lessons");
    save_at_desktop_and_phone(&browser, ".picture svg[role=img]", "grade 3 lesson");

    let unit = student
        .curriculum
        .course("g3-fractions")
        .and_then(|course| course.units.first())
        .expect("the grade 3 course has units");
    let first = &unit.objectives[0];
    student.start("start-formative-a");
    student.take_sitting(|instance| first.item(&instance.item_id).is_some());
    student.back_to_unit();
    let correctives = ok(browser.texts("[data-testid=corrective] h3"));
    assert_eq!(
        correctives.len(),
        unit.objectives.len() - 1,
        "{correctives:?}"
    );
    let pictured = ok(browser.execute(
        "return [...document.querySelectorAll('[data-testid=corrective]')] \
           .filter(c => c.querySelector('.picture svg[role=img]')).length",
    ));
    assert!(
        pictured.as_u64() >= Some(correctives.len() as u64),
        "{pictured} of {} correctives draw a picture",
        correctives.len()
    );
    assert_accessible(&browser, "grade 3 correctives");
    save_at_desktop_and_phone(
        &browser,
        "[data-testid=corrective] .picture",
        "grade 3 corrective",
    );
    ok(browser.execute(
        "document.querySelector('[data-testid=enrichment]').scrollIntoView({ block: 'center' })",
    ));
    super::save_screenshot(&browser, "grade 3 enrichment at desktop");
}
