//! The teacher's section: a class of 30 generated students read from progress
//! files (with one bad file among them), then the reports and their CSV.

use super::{all_texts, fresh_container, text_of, SECOND};
use leptos::prelude::*;
use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::format::progress::load_progress;
use masterly_core::learning::mastery::MasteryLevel;
use masterly_core::teacher::class::{ClassReports, Report};
use masterly_core::teacher::import::FileOutcome;
use masterly_core::teacher::summary::StuckReason;
use masterly_test_kit::synthetic::synthetic_progress_files;
use masterly_text::learning::level_label;
use masterly_web::device::Device;
use masterly_web::library::loaded_shelves;
use masterly_web::storage::{MemoryStorage, Store};
use masterly_web::teacher::TeacherSession;
use masterly_web::TeacherShell;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_class_of_thirty_is_read_and_every_report_shows_every_student() {
    let curriculum = load_curriculum(SECOND)
        .expect("fixture curriculum loads")
        .curriculum;
    let files = synthetic_progress_files(&curriculum, 30, 80, 21);
    let (container, session, handle) = mount_teacher(vec![Arc::new(curriculum.clone())]).await;

    assert_eq!(text_of(&container, "h1"), "Teacher view: class reports");
    // The way back is a link to the student's page.
    let back = container
        .query_selector("a[data-testid=mode-switch]")
        .expect("valid selector")
        .expect("a link to the student view");
    assert_eq!(back.get_attribute("href").as_deref(), Some("./"));
    assert_eq!(back.text_content().as_deref(), Some("Student view"));
    assert_eq!(
        text_of(&container, "[data-testid=no-class]"),
        "No progress files read yet."
    );

    let mut named: Vec<_> = files
        .iter()
        .enumerate()
        .map(|(i, text)| (format!("student-{i}.json"), load_progress(text)))
        .collect();
    named.push(("broken.json".to_string(), load_progress("{\"format\": ")));
    let outcomes = session.import_progress_files(&curriculum.id, named);
    assert_eq!(outcomes.len(), 31);
    let refused: Vec<&String> = outcomes
        .iter()
        .filter(|(_, outcome)| matches!(outcome, FileOutcome::Refused { .. }))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(refused, vec!["broken.json"]);
    leptos::task::tick().await;

    // One row per student in the grid, each with a level word per objective.
    let rows = all_texts(&container, "[data-testid=grid] tbody th");
    assert_eq!(rows.len(), 30);
    assert!(rows.contains(&"Student 30".to_string()), "{rows:?}");
    let objectives: usize = curriculum.courses[0]
        .units
        .iter()
        .map(|unit| unit.objectives.len())
        .sum();
    // A level badge in each objective's cell: its word, with the shape beside it.
    let cells = all_texts(&container, "[data-testid=grid] td .level");
    assert_eq!(cells.len(), 30 * objectives);
    assert!(
        cells.iter().all(|cell| MasteryLevel::ALL
            .iter()
            .any(|level| cell.ends_with(level_label(*level)))),
        "{cells:?}"
    );
    assert_eq!(
        all_texts(&container, "[data-testid=activity] tbody tr").len(),
        30
    );
    assert_eq!(
        all_texts(&container, "[data-testid=goals] tbody tr").len(),
        30
    );
    assert_eq!(
        all_texts(&container, "[data-testid=groups] tbody tr").len(),
        reports_rows(&session, &curriculum, Report::Groups)
    );
    assert!(!all_texts(&container, "[data-testid=items] tbody tr").is_empty());

    // What to do tomorrow, above the reports: one line per group, stuck student,
    // enrichment group and persistence note of the core's summary, each naming
    // students by nickname and linking to its report.
    // The page's summary is for today; the files were made months ago.
    let summary = session.class.with_untracked(|class| {
        ClassReports::build(
            &curriculum,
            &curriculum.courses[0],
            class,
            masterly_web::browser::now(),
            masterly_web::browser::utc_offset_minutes(),
        )
        .summary
    });
    let lines = all_texts(&container, "[data-testid=action-summary] li");
    // Stuck students are grouped: one line per reason and unit, one per student
    // far behind their goal, one for everyone away.
    let mut reasons: Vec<String> = Vec::new();
    let mut away = 0;
    for student in &summary.stuck {
        for reason in &student.reasons {
            let key = match reason {
                StuckReason::Inactive { .. } => {
                    away += 1;
                    continue;
                }
                StuckReason::NotStarted => "not started".to_string(),
                StuckReason::LockedByReadiness { unit, .. } => format!("locked {unit}"),
                StuckReason::FillingGaps { unit, .. } => format!("gaps {unit}"),
                StuckReason::MissedCheckB { unit, .. } => format!("check B {unit}"),
                StuckReason::MissedUnitTest { unit, .. } => format!("unit test {unit}"),
                StuckReason::BehindGoal { .. } => format!("behind {}", student.learner.id),
            };
            if !reasons.contains(&key) {
                reasons.push(key);
            }
        }
    }
    assert_eq!(away, 30, "every file is months old: {summary:?}");
    let expected = summary.groups.len()
        + reasons.len()
        + 1 // one line for everyone away
        + summary.enrichment.len()
        + summary.persistence.len();
    assert_eq!(lines.len(), expected, "{lines:?}");
    for student in &summary.stuck {
        let named = student.learner.nickname.clone();
        let lines_naming = lines
            .iter()
            .filter(|line| {
                line.split([',', ':', '.'])
                    .flat_map(|part| part.split(" and "))
                    .any(|part| {
                        part.trim() == named || part.trim().starts_with(&format!("{named} ("))
                    })
            })
            .count();
        assert!(lines_naming > 0, "{named}: {lines:?}");
    }
    let away_line = lines
        .iter()
        .find(|line| line.starts_with("No answers for a week or more: "))
        .expect("a line for students away");
    for student in &summary.stuck {
        assert!(
            away_line.contains(&format!("{} (", student.learner.nickname)),
            "{away_line}"
        );
    }
    for group in &summary.groups {
        let unit = curriculum.courses[0]
            .units
            .iter()
            .find(|u| u.id == group.unit)
            .expect("the group's unit is in the course");
        assert!(
            lines
                .iter()
                .any(|line| line.contains(&format!("a corrective in {} (", unit.title))),
            "{}: {lines:?}",
            unit.title
        );
    }
    let anchors = container
        .query_selector_all("[data-testid=action-summary] li a")
        .expect("valid selector");
    let links: Vec<String> = (0..anchors.length())
        .filter_map(|i| anchors.item(i))
        .filter_map(|node| {
            wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node)
                .ok()?
                .get_attribute("href")
        })
        .collect();
    assert_eq!(links.len(), expected);
    for link in &links {
        let target = container.query_selector(link).expect("valid selector");
        assert!(target.is_some(), "{link} points at a report heading");
    }

    // The CSV the download button offers holds what the page shows.
    let reports = build(&session, &curriculum);
    let csv = masterly_text::teacher::csv(&reports.table(Report::Grid));
    assert_eq!(csv.split("\r\n").filter(|l| !l.is_empty()).count(), 31);
    for name in rows {
        assert!(
            csv.contains(&format!("\r\n{name},")),
            "{name} missing from the CSV"
        );
    }

    // Reading the same files again adds no answers and no students.
    let again = session.import_progress_files(
        &curriculum.id,
        vec![("student-0.json".to_string(), load_progress(&files[0]))],
    );
    assert!(matches!(
        again[0].1,
        FileOutcome::Added { added, .. } if added.new_attempts == 0 && !added.new_student
    ));
    leptos::task::tick().await;
    assert_eq!(
        all_texts(&container, "[data-testid=grid] tbody tr").len(),
        30
    );

    handle.forget();
    container.remove();
}

/// A course added to the library while the teacher works (a class file brings one)
/// leaves the page as it is: the course chosen stays chosen.
#[wasm_bindgen_test]
async fn a_course_added_to_the_library_keeps_the_course_chosen() {
    let second = load_curriculum(SECOND).expect("fixture loads").curriculum;
    let demo = load_curriculum(super::DEMO)
        .expect("the demo loads")
        .curriculum;
    let demo_value = format!("{}:{}", demo.id, demo.courses[0].id);
    let (container, session, handle) =
        mount_teacher(vec![Arc::new(second), Arc::new(demo.clone())]).await;

    let select = container
        .query_selector("#class-course")
        .expect("valid selector")
        .expect("the course list");
    let value_of = |select: &web_sys::Element| {
        js_sys::Reflect::get(select, &"value".into())
            .ok()
            .and_then(|value| value.as_string())
    };
    js_sys::Reflect::set(&select, &"value".into(), &demo_value.clone().into())
        .expect("a select has a value");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let change = web_sys::Event::new_with_event_init_dict("change", &init).expect("an event");
    select.dispatch_event(&change).expect("dispatch change");
    leptos::task::tick().await;
    assert_eq!(value_of(&select).as_deref(), Some(demo_value.as_str()));

    session.device.add_carried_curriculum(demo);
    leptos::task::tick().await;
    let select = container
        .query_selector("#class-course")
        .expect("valid selector")
        .expect("the course list");
    assert_eq!(value_of(&select).as_deref(), Some(demo_value.as_str()));
    handle.forget();
    container.remove();
}

/// The teacher's page shares the device's banners but has no progress file to
/// export: a banner that offers one on the student's page (storage blocked) shows
/// there without the export button, and the page still works.
#[wasm_bindgen_test]
async fn a_storage_banner_on_the_teachers_page_offers_no_student_export() {
    let curriculum = load_curriculum(SECOND)
        .expect("fixture curriculum loads")
        .curriculum;
    let container = fresh_container();
    let blocked = Store::with_backend(Box::<MemoryStorage>::default(), true);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let session = TeacherSession::on(Device::with_store(blocked));
        session
            .device
            .set_library(loaded_shelves(vec![Arc::new(curriculum.clone())]));
        masterly_web::provide_teacher(session);
        view! { <TeacherShell /> }
    });
    leptos::task::tick().await;
    let notices = text_of(&container, "[data-testid=notices]");
    assert!(
        notices.contains("a course opened from a class file is kept only until this tab closes"),
        "the blocked-storage banner shows: {notices}"
    );
    assert!(container
        .query_selector("[data-testid=export-progress]")
        .expect("valid selector")
        .is_none());
    assert_eq!(text_of(&container, "h1"), "Teacher view: class reports");
    handle.forget();
    container.remove();
}

/// The teacher's page mounted over a session in memory holding these curricula.
async fn mount_teacher(
    curricula: Vec<Arc<Curriculum>>,
) -> (
    web_sys::HtmlElement,
    TeacherSession,
    UnmountHandle<impl Mountable>,
) {
    let container = fresh_container();
    let shared: Rc<Cell<Option<TeacherSession>>> = Rc::new(Cell::new(None));
    let handle = {
        let shared = shared.clone();
        leptos::mount::mount_to(container.clone(), move || {
            let session = TeacherSession::with_curricula(curricula.clone());
            shared.set(Some(session));
            masterly_web::provide_teacher(session);
            view! { <TeacherShell /> }
        })
    };
    let session = shared.get().expect("the shell made its session");
    leptos::task::tick().await;
    (container, session, handle)
}

fn build(session: &TeacherSession, curriculum: &Curriculum) -> ClassReports {
    session.class.with_untracked(|class| {
        ClassReports::build(curriculum, &curriculum.courses[0], class, 0, 0)
    })
}

fn reports_rows(session: &TeacherSession, curriculum: &Curriculum, report: Report) -> usize {
    build(session, curriculum).table(report).rows.len()
}
