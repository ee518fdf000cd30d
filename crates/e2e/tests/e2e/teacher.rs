//! The teacher's section end to end: progress files of a class of 30 chosen
//! through the real file field, the reports drawn, a CSV downloaded, axe-clean.

use super::{assert_accessible, assert_no_policy_violations, ok, open_start_screen};
use masterly_core::content::curriculum::load_curriculum;
use masterly_core::format::class_file::load_class_file;
use masterly_core::format::progress::load_progress;
use masterly_e2e::server::write_student_files;
use masterly_e2e::webdriver::Browser;
use masterly_test_kit::student::mixed_class;
use masterly_test_kit::synthetic::synthetic_progress_files;

#[test]
fn a_teacher_reads_a_class_of_thirty_and_downloads_the_grid_as_csv() {
    let demo = load_curriculum(include_str!("../../../../curricula/demo.json"))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .curriculum;
    let mut files = synthetic_progress_files(&demo, 30, 60, 5);
    files.push("{ not a progress file".to_string());
    // Over the 32 MB limit: the worker finds it too large and does not read it.
    files.push(" ".repeat(33 * 1_048_576));
    let written = write_student_files("class", &files);
    let paths = &written.paths;

    let (_server, browser) = open_start_screen("/");
    ok(browser.click("[data-testid=mode-switch]"));
    ok(browser.find("[data-testid=teacher-page]"));
    assert_accessible(&browser, "teacher view before any file");

    read_files(&browser, paths, "Read 32 files: 30 added, 2 refused.");
    let refused = ok(browser.texts(".file-outcomes li.refused"));
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(
        refused.contains(
            &"student-31.json is 33.0 MB; a Masterly file can be at most 32 MB.".to_string()
        ),
        "{refused:?}"
    );
    assert!(
        refused
            .iter()
            .any(|line| line.starts_with("student-30.json was not used:")),
        "{refused:?}"
    );
    let rows = ok(browser.texts("[data-testid=grid] tbody th"));
    assert_eq!(rows.len(), 30);
    // What to do tomorrow comes first, in sentences, each with a link to its detail.
    let summary = ok(browser.texts("[data-testid=action-summary] li"));
    assert!(!summary.is_empty());
    assert!(
        summary.iter().all(|line| line.ends_with("See the detail")),
        "{summary:?}"
    );
    ok(browser.execute(
        "document.querySelector('[data-testid=action-summary]').scrollIntoView(); return null;",
    ));
    super::save_screenshot(&browser, "teacher what to do tomorrow");
    // The grid is laid out as a grid: each row's cells side by side, one column
    // each, under the column's heading; a level is a badge inside its cell.
    let layout = ok(browser.execute(
        "const table = document.querySelector('[data-testid=grid]'); \
         const heads = [...table.querySelectorAll('thead th')].map(th => th.getBoundingClientRect().left); \
         return [...table.querySelectorAll('tbody tr')].map(tr => { \
           const cells = [...tr.children]; \
           return [cells.length === heads.length, \
                   cells.every((cell, i) => Math.abs(cell.getBoundingClientRect().left - heads[i]) < 1), \
                   [...tr.querySelectorAll('td')].every(td => getComputedStyle(td).display === 'table-cell'), \
                   tr.querySelectorAll('td .level').length]; });",
    ));
    let layout = layout.as_array().cloned().unwrap_or_default();
    assert_eq!(layout.len(), 30);
    for (row, facts) in layout.iter().enumerate() {
        assert_eq!(facts[0], true, "row {row}: a cell for every column");
        assert_eq!(
            facts[1], true,
            "row {row}: each cell under its column's heading"
        );
        assert_eq!(facts[2], true, "row {row}: every cell a table cell");
    }
    assert!(
        layout.iter().any(|facts| facts[3].as_u64() > Some(1)),
        "level badges in the grid's cells: {layout:?}"
    );
    ok(browser
        .execute("document.querySelector('[data-testid=grid]').scrollIntoView(); return true"));
    assert_accessible(&browser, "teacher view with a class");
    // A reload keeps the class: the tab's session kept the 30 files taken in.
    ok(browser.execute("location.reload(); return true"));
    ok(browser.wait_until(
        "document.querySelector('[data-testid=import-status]')?.textContent \
           .startsWith('Read again after the reload: 30 files: 30 added')",
        "the class read again after the reload",
    ));
    assert_eq!(ok(browser.texts("[data-testid=grid] tbody th")).len(), 30);
    a_family_summary_prints_on_one_page(&browser);

    // The download button hands the browser a CSV file: catch it on its way out.
    catch_downloads(&browser);
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
    // Objectives by their targets, with the id in brackets for tools.
    assert!(
        lines[0].starts_with(
            "student,mastered,file check,Tell whether a shape is cut into… [demo-equal-parts-recognise],"
        ),
        "{}",
        lines[0]
    );
    // Every file states the levels its device showed; the replay agrees.
    assert!(
        lines
            .iter()
            .skip(1)
            .all(|l| l.split(',').nth(2) == Some("levels match")),
        "{text}"
    );
    for name in &rows {
        assert!(text.contains(&format!("\r\n{name},")), "{name} missing");
    }
    // Units by their titles on the page; their ids go to the CSV file only.
    let headings = ok(browser.texts("[data-testid=groups] thead th"));
    assert!(!headings.iter().any(|h| h.contains("id")), "{headings:?}");
    let units = ok(browser.texts("[data-testid=groups] tbody th"));
    assert!(
        units
            .iter()
            .all(|u| u == "Equal parts of a whole" || u == "Fractions on a number line"),
        "{units:?}"
    );
    assert_no_policy_violations(&browser, "the teacher's import");
    hand_out_a_class_file_and_read_a_joined_students_file_back(&browser, &paths[..30]);
}

/// Chooses these files in the teacher's file field at once (WebDriver takes them
/// as one newline-separated value) and waits until the page says `status`.
fn read_files(browser: &Browser, paths: &[String], status: &str) {
    ok(browser.type_into("#progress-files", &paths.join("\n")));
    ok(browser.wait_until(
        &format!(
            "document.querySelector('[data-testid=import-status]').textContent === {}",
            serde_json::to_string(status).unwrap_or_default()
        ),
        status,
    ));
}

/// Thirty students of the Grade 5 course on known paths
/// (`masterly_test_kit::student::mixed_class`), read without a class file: the
/// page opens on their goal course, the summary names who is stuck and why, the
/// grid of 30 students × the course's objectives marks the locked and the gaps,
/// fits a laptop, sorts, and prints on one landscape page.
#[test]
fn a_class_of_thirty_on_known_paths_shows_what_to_do_tomorrow() {
    let fractions = load_curriculum(include_str!("../../../../curricula/fractions.json"))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .curriculum;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as i64);
    let class = mixed_class(&fractions, "g5-fractions", "g4-fractions", now);
    let objectives = fractions
        .course("g5-fractions")
        .map_or(0, |course| course.objective_count());
    let files: Vec<String> = class
        .files
        .iter()
        .map(|file| serde_json::to_string(file).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let written = write_student_files("mixed-class", &files);

    let (_server, browser) = open_start_screen("/");
    ok(browser.click("[data-testid=mode-switch]"));
    ok(browser.find("[data-testid=teacher-page]"));
    ok(browser.choose_option("#class-course", "Grade 3: Fractions as numbers"));
    read_files(
        &browser,
        &written.paths,
        "Read 30 files: 30 added, 0 refused.",
    );
    // Most of the class aims at Grade 5: the page shows that course.
    let shown = ok(browser.execute("return document.querySelector('#class-course').value"));
    assert_eq!(shown, "masterly-fractions:g5-fractions");

    let summary = ok(browser.texts("[data-testid=action-summary] li"));
    let line = |starts: &str, names: &str| {
        assert!(
            summary
                .iter()
                .any(|line| line.starts_with(starts) && line.contains(names)),
            "no line '{starts}…{names}' in {summary:#?}"
        );
    };
    line("Locked out of ", ": Amara, Bilal and Chloe.");
    line("Filling gaps from earlier units", ": Dmitri and Elena.");
    line(
        "No answers for a week or more: ",
        "Farah (10 days), Gabriel (10 days) and Hana (10 days).",
    );
    line("Below the bar in check B of ", ": Ivan and Jada.");
    line("Not started yet: ", "Victor.");
    line(
        "Wen is far behind the goal: ",
        &format!("of {objectives} objectives mastered"),
    );
    line(
        "Ivan, Jada, Kofi, Lena, Mateo and Nia need a corrective in ",
        "could help.",
    );
    line("Uma mastered ", "after 4 tries: worth a word of praise.");
    // The earlier units a locked student needs, by their titles.
    line(
        "Locked out of Adding and subtracting with unlike denominators by the readiness check, and needs ",
        "first: Amara, Bilal and Chloe.",
    );
    assert!(
        !summary.iter().any(|line| line.contains("g4-")),
        "ids in {summary:#?}"
    );
    assert!(
        summary.iter().any(
            |line| line.contains("Oscar, Priya, Quinn, Rosa, Sami and Tomas")
                && line.contains("ready for enrichment")
        ),
        "{summary:#?}"
    );
    ok(browser.execute(
        "document.querySelector('[data-testid=action-summary]').scrollIntoView(); return null;",
    ));
    super::save_screenshot(&browser, "teacher summary of a mixed class of thirty");

    // The grid: 30 rows, a column per objective; a lock where a readiness check locked a
    // unit, a gap mark where one found gaps; goals elsewhere under the name.
    let rows_with = |css: &str| -> Vec<String> {
        let script = format!(
            "return [...document.querySelectorAll('[data-testid=grid] tbody tr')] \
               .filter(tr => tr.querySelector({css:?})) \
               .map(tr => tr.querySelector('th').firstChild.textContent)"
        );
        serde_json::from_value(ok(browser.execute(&script))).unwrap_or_default()
    };
    assert_eq!(ok(browser.texts("[data-testid=grid] tbody th")).len(), 30);
    assert_eq!(
        ok(browser.find_all("[data-testid=grid] thead th.objective-column")).len(),
        objectives
    );
    assert_eq!(
        rows_with("[data-readiness=locked]"),
        ["Amara", "Bilal", "Chloe"]
    );
    assert_eq!(rows_with("[data-readiness=gap]"), ["Dmitri", "Elena"]);
    assert_eq!(rows_with(".goal-elsewhere"), ["Xavier", "Yusuf"]);
    assert_eq!(
        ok(browser.texts(".goal-elsewhere"))[0],
        "goal: Grade 4: Equivalence and operations"
    );
    ok(browser
        .execute("document.querySelector('[data-testid=grid]').scrollIntoView(); return true"));
    assert_accessible(&browser, "teacher grid of a mixed class");
    grid_fits_a_laptop_sorts_and_prints_on_one_page(&browser);
}

/// Stubs the page's downloads: each file offered is kept in `window.__downloads`
/// as [name, blob URL] instead of being saved. A new page needs it again.
fn catch_downloads(browser: &Browser) {
    ok(browser.execute(
        "window.__downloads = []; URL.revokeObjectURL = () => {}; \
         HTMLAnchorElement.prototype.click = function () { \
           window.__downloads.push([this.download, this.href]); };",
    ));
}

/// The download the page offered at `index` (caught by the stub above): (name, text).
fn download(browser: &Browser, index: usize) -> (String, String) {
    let caught = ok(browser.execute_async(&format!(
        "const done = arguments[arguments.length - 1]; \
         const [name, href] = window.__downloads[{index}]; \
         fetch(href).then(r => r.text()).then(text => done([name, text]));"
    )));
    (
        caught[0].as_str().unwrap_or_default().to_string(),
        caught[1].as_str().unwrap_or_default().to_string(),
    )
}

/// The students read are on the class file's roster; the teacher names the class
/// and downloads the file; on the student's page "Student 3" opens it, picks their
/// name and exports progress, whose file carries the class. Back on the teacher's
/// page (a fresh page: the class lived in the tab), the teacher reads the class file
/// with the class's progress files again, then the joined student's file, which
/// matches Student 3, not a new student.
fn hand_out_a_class_file_and_read_a_joined_students_file_back(
    browser: &Browser,
    class_files: &[String],
) {
    assert_eq!(ok(browser.texts("[data-testid=roster] tbody th")).len(), 30);
    ok(browser.type_into("#class-name", "4B maths"));
    ok(browser.press("\u{E004}")); // Tab: the field's change is saved
    ok(browser.click("[data-testid=write-class-file]"));
    ok(browser.wait_until("window.__downloads.length === 2", "the class file download"));
    let (name, class_text) = download(browser, 1);
    assert_eq!(name, "masterly-class-4B-maths.json");
    let class = load_class_file(&class_text).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(
        (class.class.name.as_str(), class.students.len()),
        ("4B maths", 30)
    );
    let student = class
        .students
        .iter()
        .find(|s| s.nickname == "Student 3")
        .unwrap_or_else(|| panic!("Student 3 is not on the roster"));
    assert_accessible(browser, "teacher view with the class set up");

    // The student's side, in the same browser: nobody is signed in yet.
    let class_file = write_student_files("class-file", std::slice::from_ref(&class_text));
    let class_file_paths = &class_file.paths;
    ok(browser.click("[data-testid=mode-switch]"));
    ok(browser.type_into("#open-file", &class_file_paths[0]));
    ok(browser.find("[data-testid=class-preview]"));
    assert_accessible(browser, "preview of a class file");
    ok(browser.click(&format!(
        "input[name=class-student][value='{}']",
        student.id
    )));
    ok(browser.click("[data-testid=confirm-open]"));
    ok(browser.find("[data-testid=course-map] h1"));
    // The course map replaced the start screen; the banner above it says what changed.
    ok(browser.wait_until(
        "document.querySelector('[data-testid=notices]').textContent.includes('You joined')",
        "the banner saying the class was joined",
    ));
    // The class file carries the bundled demo curriculum, fetched for the preview:
    // it is known to be already here, so no copy of it is kept in storage.
    assert_eq!(
        ok(browser.execute("return localStorage.getItem('masterly.imported-curricula');")),
        serde_json::Value::Null
    );
    catch_downloads(browser);
    ok(browser.execute(
        "[...document.querySelectorAll('button')] \
           .find(b => b.textContent === 'Export my progress').click();",
    ));
    ok(browser.wait_until(
        "window.__downloads.length === 1",
        "the progress file download",
    ));
    let (file_name, progress_text) = download(browser, 0);
    // The student is told the file's name, where it went and what to do with it.
    let said = ok(browser.texts("[data-testid=notices] .notice p")).join("\n");
    assert!(
        said.contains(&format!("saved in the file {file_name}"))
            && said.contains("Give this file to your teacher."),
        "{said}"
    );
    assert_accessible(browser, "progress exported");
    // Written compact, on one line (docs/progress-format.md).
    assert!(
        !progress_text.trim_end().contains('\n'),
        "the progress file is not compact: {progress_text:.200}"
    );
    let bundle = load_progress(&progress_text).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(bundle.learner.nickname, "Student 3");
    let class_ref = bundle
        .class
        .unwrap_or_else(|| panic!("no class in the progress file"));
    assert_eq!(
        (class_ref.class_id, class_ref.student_id),
        (class.class.id, student.id.clone())
    );

    // Back on the teacher's page: the class's files, then the class file, with
    // another course chosen. The page checks each progress file as it arrives
    // against the course chosen then; the class file, last, brings the demo back,
    // so every file is checked again against it.
    let joined = write_student_files("joined", &[progress_text]);
    let paths = &joined.paths;
    ok(browser.click("[data-testid=mode-switch]"));
    ok(browser.find("[data-testid=teacher-page]"));
    ok(browser.choose_option("#class-course", "Grade 3"));
    let again: Vec<String> = class_files
        .iter()
        .chain(class_file_paths)
        .cloned()
        .collect();
    ok(browser.type_into("#progress-files", &again.join("\n")));
    ok(browser.wait_until(
        "document.querySelector('[data-testid=import-status]').textContent.startsWith('Read 31 files')",
        "the class file and the class's files to be read",
    ));
    assert_eq!(ok(browser.texts("[data-testid=roster] tbody th")).len(), 30);
    assert_eq!(ok(browser.texts("[data-testid=grid] tbody th")).len(), 30);
    // Then the joined student's file: it is Student 3's, so still 30 students.
    ok(browser.type_into("#progress-files", &paths[0]));
    ok(browser.wait_until(
        "document.querySelector('[data-testid=import-status]').textContent.startsWith('Read 1 file')",
        "the joined student's file to be read",
    ));
    assert_eq!(
        ok(browser.texts(".file-outcomes li")),
        vec!["student-00.json: Student 3, 0 new answers."]
    );
    assert_eq!(ok(browser.texts("[data-testid=grid] tbody th")).len(), 30);
}

/// On a laptop screen (1366 × 768) the grid of thirty needs no sideways scrolling,
/// and would not for fifteen objectives at the width each takes; its heading row
/// stays in view as it scrolls; a heading sorts by its column; printed alone it
/// is one landscape page.
fn grid_fits_a_laptop_sorts_and_prints_on_one_page(browser: &Browser) {
    ok(browser.set_window_size(1366, 768));
    let measured = ok(browser.execute(
        "const box = document.querySelector('.report-grid .table-scroll'); \
         const table = box.querySelector('table'); \
         const objectives = [...table.querySelectorAll('thead th.objective-column')]; \
         const widths = objectives.map(th => th.getBoundingClientRect().width); \
         return [box.clientWidth, table.getBoundingClientRect().width, \
                 widths.length, Math.max(...widths)];",
    ));
    let number = |i: usize| measured[i].as_f64().unwrap_or(f64::MAX);
    let (room, width, objectives, widest) = (number(0), number(1), number(2), number(3));
    assert!(
        width <= room,
        "the grid is {width} px in a box of {room} px"
    );
    let for_fifteen = width + (15.0 - objectives) * widest;
    assert!(
        for_fifteen <= room,
        "fifteen objectives would take {for_fifteen} px of {room} px"
    );
    // Scrolled inside its box, the heading row stays at the box's top.
    let stuck = ok(browser.execute(
        "const box = document.querySelector('.report-grid .table-scroll'); \
         box.scrollIntoView(); box.scrollTop = 300; \
         const head = box.querySelector('thead th').getBoundingClientRect().top; \
         return [box.scrollTop, Math.abs(head - box.getBoundingClientRect().top)];",
    ));
    assert!(
        stuck[0].as_f64() > Some(0.0),
        "the grid scrolls in its box: {stuck}"
    );
    assert!(
        stuck[1].as_f64() < Some(1.0),
        "the heading row stays in view: {stuck}"
    );
    super::save_screenshot(browser, "teacher grid of thirty at 1366 px");
    // Sorted by the first objective, lowest level first; again, highest first.
    let ranks = "const rank = ['not-started', 'attempted', 'familiar', 'proficient', 'mastered']; \
         return [...document.querySelectorAll('[data-testid=grid] tbody tr')] \
           .map(tr => rank.indexOf(tr.querySelector('td:nth-of-type(3) .level').dataset.level));";
    let sort_button = "[data-testid=grid] thead th.objective-column .sort";
    ok(browser.click(sort_button));
    let ascending: Vec<i64> =
        serde_json::from_value(ok(browser.execute(ranks))).unwrap_or_default();
    assert_eq!(ascending.len(), 30);
    assert!(ascending.windows(2).all(|w| w[0] <= w[1]), "{ascending:?}");
    let sorted = ok(browser.execute(
        "return document.querySelector('[data-testid=grid] thead th.objective-column').getAttribute('aria-sort')",
    ));
    assert_eq!(sorted, "ascending");
    ok(browser.click(sort_button));
    let descending: Vec<i64> =
        serde_json::from_value(ok(browser.execute(ranks))).unwrap_or_default();
    assert!(
        descending.windows(2).all(|w| w[0] >= w[1]),
        "{descending:?}"
    );
    assert_ne!(
        ascending, descending,
        "the class has more than one level there"
    );
    // "Print the grid" prints the grid alone: one landscape page.
    let pages = printed_pages(browser, "print-grid", true, "teacher-grid-print.pdf");
    assert_eq!(pages, 1, "the grid printed on {pages} pages");
}

/// Prints the page to PDF as its print button does (with `class` on the body),
/// saves the PDF beside the screenshots as `file`, and gives its page count.
fn printed_pages(browser: &Browser, class: &str, landscape: bool, file: &str) -> usize {
    ok(browser.execute(&format!(
        "document.body.classList.add('{class}'); return true"
    )));
    let pdf = super::decode_base64(&ok(browser.print_base64(landscape)));
    ok(browser.execute(&format!(
        "document.body.classList.remove('{class}'); return true"
    )));
    if let Ok(folder) = std::env::var("MASTERLY_SCREENSHOTS") {
        let _ = std::fs::write(std::path::Path::new(&folder).join(file), &pdf);
    }
    pdf_pages(&pdf)
}

/// A family summary says who it is from and when, what each level means and what
/// comes next; printed, it is one page.
fn a_family_summary_prints_on_one_page(browser: &Browser) {
    ok(browser.type_into("#teacher-name", "Ms Rivera"));
    ok(browser.press("\u{E004}")); // Tab: the name is taken
    let from = ok(browser.texts(".family-summary .family-from"));
    assert!(from[0].starts_with("From Ms Rivera, "), "{from:?}");
    let next = ok(browser.texts("[data-testid=family-next]"));
    assert!(
        next[0].starts_with("Working on next: I can") || next[0].starts_with("Every objective"),
        "{next:?}"
    );
    assert_eq!(
        ok(browser.texts(".family-summary .level-legend dt")).len(),
        5
    );
    ok(browser.execute(
        "document.querySelector('[data-testid=family-summary]').scrollIntoView(); return true",
    ));
    super::save_screenshot(browser, "teacher family summary");
    let pages = printed_pages(
        browser,
        "printing-summary",
        false,
        "family-summary-print.pdf",
    );
    assert_eq!(pages, 1, "the family summary printed on {pages} pages");
}

/// The pages of a PDF as Chromium writes it: its page objects, `/Type /Page`.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(at, found)| !text[at + found.len()..].starts_with('s'))
        .count()
}
