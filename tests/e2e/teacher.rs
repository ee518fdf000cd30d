//! The teacher's section end to end: progress files of a class of 30 chosen
//! through the real file field, the reports drawn, a CSV downloaded, axe-clean.

use super::server::write_student_files;
use super::{assert_accessible, ok, open_start_screen};
use masterly::domain::curriculum::load_curriculum;
use masterly::domain::synthetic::synthetic_progress_files;

#[test]
fn a_teacher_reads_a_class_of_thirty_and_downloads_the_grid_as_csv() {
    let demo = load_curriculum(include_str!("../../curricula/demo.json"))
        .unwrap_or_else(|e| panic!("{e}"))
        .curriculum;
    let mut files = synthetic_progress_files(&demo, 30, 60, 5);
    files.push("{ not a progress file".to_string());
    let (folder, paths) = write_student_files("class", &files);

    let (_server, browser) = open_start_screen("/");
    ok(browser.click("[data-testid=mode-switch]"));
    ok(browser.find("[data-testid=teacher-page]"));
    assert_accessible(&browser, "teacher view before any file");

    // Many files at once: WebDriver takes them as one newline-separated value.
    ok(browser.type_into("#progress-files", &paths.join("\n")));
    ok(browser.wait_until(
        "document.querySelector('[data-testid=import-status]').textContent.startsWith('Read 31 files')",
        "all files to be read",
    ));
    assert_eq!(
        ok(browser.texts("[data-testid=import-status]")),
        vec!["Read 31 files: 30 added, 1 refused."]
    );
    let refused = ok(browser.texts(".file-outcomes li.refused"));
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0].starts_with("student-30.json was not used:"),
        "{refused:?}"
    );
    let rows = ok(browser.texts("[data-testid=grid] tbody th"));
    assert_eq!(rows.len(), 30);
    assert_accessible(&browser, "teacher view with a class");

    // The download button hands the browser a CSV file: catch it on its way out.
    ok(browser.execute(
        "window.__downloads = []; URL.revokeObjectURL = () => {}; \
         HTMLAnchorElement.prototype.click = function () { \
           window.__downloads.push([this.download, this.href]); };",
    ));
    ok(browser.click("[data-testid=csv-grid]"));
    let csv = ok(browser.execute_async(
        "const done = arguments[arguments.length - 1]; \
         const [name, href] = window.__downloads[0]; \
         fetch(href).then(r => r.text()).then(text => done([name, text]));",
    ));
    assert_eq!(csv[0], "masterly-grid-demo.csv");
    let text = csv[1].as_str().unwrap_or_default();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 31, "{text}");
    assert!(
        lines[0].starts_with("student,mastered,demo-"),
        "{}",
        lines[0]
    );
    for name in &rows {
        assert!(text.contains(&format!("\r\n{name},")), "{name} missing");
    }
    let _ = std::fs::remove_dir_all(folder);
}
