//! Every sentence the shell shows, in one place, so that a translation can be added
//! without touching components. The core's messages (validation errors, level meanings)
//! come from the core.

use crate::storage::BackendError;
use masterly_core::content::curriculum::{EnrichmentKind, Modality};
use masterly_core::learning::attempt::AssessmentKind;
use masterly_core::learning::replay::UnitStage;

pub const APP_NAME: &str = "Masterly";
pub const TAGLINE: &str = "Learn it, show it, move on.";
pub const PRIVACY_NOTE: &str =
    "Your progress stays in this browser on this device. Nothing is sent anywhere.";
pub const LOADING_CURRICULA: &str = "Loading courses…";
pub const LOAD_FAILED_TITLE: &str = "The courses could not be loaded";
pub const NO_CURRICULA: &str = "No courses are bundled with this copy of Masterly.";
pub const NO_COURSE_CHOSEN: &str = "Choose a course to begin.";
pub const COURSES_NAV_LABEL: &str = "Courses";
pub const UNIT_WORD: &str = "Unit";
pub const BUILDS_ON: &str = "Builds on:";
pub const LEVELS_HEADING: &str = "What the levels mean";
pub const GRADE_WORD: &str = "Grade";

pub fn objectives_mastered(mastered: usize, total: usize) -> String {
    format!("{mastered} of {total} objectives mastered")
}

pub fn objectives_in_unit(count: usize) -> String {
    match count {
        1 => "1 objective".to_string(),
        n => format!("{n} objectives"),
    }
}

// Learners on a shared device.
pub const WHO_IS_LEARNING: &str = "Who is learning today?";
pub const NICKNAME_LABEL: &str = "New learner: your nickname";
pub const NICKNAME_HINT: &str =
    "Use a nickname, not your full name. It stays on this device unless you export your progress.";
pub const ADD_LEARNER: &str = "Start learning";
pub const KEEP_SIGNED_IN: &str = "Keep me signed in on this computer";
pub const KEEP_SIGNED_IN_HINT: &str = "Only tick this if the computer is just yours. On a shared computer, don't tick it. Then the next person is asked who they are when the browser opens again.";
pub const SWITCH_LEARNER: &str = "Switch learner";
pub const EXPORT_PROGRESS: &str = "Export my progress";

pub fn signed_in_as(nickname: &str) -> String {
    format!("Learner: {nickname}")
}

/// A name as part of a file name: letters and digits kept, the rest '-'.
fn file_safe(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect()
}

pub fn progress_file_name(nickname: &str, curriculum_id: &str) -> String {
    format!(
        "masterly-progress-{}-{curriculum_id}.json",
        file_safe(nickname)
    )
}

/// After the progress file was downloaded: where it is and what to do with it.
pub fn progress_exported(file_name: &str) -> String {
    format!(
        "Your progress is saved in the file {file_name}. Your browser puts it where \
         downloads go (often the Downloads folder). Give this file to your teacher."
    )
}

pub fn class_file_name(class_name: &str) -> String {
    format!("masterly-class-{}.json", file_safe(class_name))
}

// Saved work.
pub const LEARNER_LIST: &str = "the list of learners";
pub const IMPORTED_COURSES: &str = "the courses opened from files";
pub const SAVED_PROGRESS: &str = "your saved progress";
pub const STORAGE_BLOCKED: &str = "This browser does not let Masterly save anything, so your work is kept only until this tab closes. Export your progress before you leave.";
pub const TEACHER_STORAGE_BLOCKED: &str = "This browser does not let Masterly save anything. Your class and reports work as usual, but a course opened from a class file is kept only until this tab closes.";
pub const STORAGE_FULL: &str = "This browser's storage is full, so your latest answers could not be saved. Nothing saved before is lost. Export your progress now to keep everything.";
pub const DOWNLOAD_DAMAGED: &str = "Download the damaged data";
pub const DISMISS: &str = "Dismiss";

pub fn restored(what: &str) -> String {
    format!("The latest copy of {what} was damaged, so the last good copy was restored. You can download the damaged data to keep it.")
}

pub fn unreadable(what: &str, problem: &str) -> String {
    format!("{} could not be read ({problem}), so Masterly started afresh. The unreadable data is kept: download it below.", capitalise(what))
}

/// The browser would not read saved data, with its reason in words (the storage
/// error's own message, as the browser gives it).
pub fn storage_refused(error: &BackendError) -> String {
    let detail = match error {
        BackendError::QuotaExceeded => "its storage is full",
        BackendError::Refused(reason) => reason.as_str(),
    };
    format!("The browser refused to read saved data ({detail}).")
}

/// How much room the device has left, on the start screen once 70% is in use.
pub fn room_left(answers: u64) -> String {
    if answers == 0 {
        return "This computer's storage is full. Ask your teacher to collect progress files before anyone answers more questions.".to_string();
    }
    format!(
        "This computer has room for about {} more answers. Ask your teacher to collect progress files.",
        about(answers)
    )
}

/// A count rounded down to two significant digits, with thousands separated by
/// commas: 23,333 is "23,000", 1,284 is "1,200", 87 is "87".
pub fn about(count: u64) -> String {
    let mut scale = 1;
    while count / scale >= 100 {
        scale *= 10;
    }
    let rounded = (count / scale * scale).to_string();
    let mut grouped = String::new();
    for (position, digit) in rounded.chars().enumerate() {
        if position > 0 && (rounded.len() - position).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A course opened from a file that this device could not keep.
pub fn course_not_kept(title: &str, error: &crate::storage::SaveError) -> String {
    match error {
        crate::storage::SaveError::QuotaExceeded => format!(
            "This browser's storage is full, so the course “{title}” is kept only until this tab closes."
        ),
        crate::storage::SaveError::Failed(reason) => format!(
            "The course “{title}” could not be saved on this device ({reason}), so it is kept only until this tab closes."
        ),
    }
}

pub fn save_failed(reason: &str) -> String {
    format!("Your latest work could not be saved ({reason}). Nothing saved before is lost. Export your progress to keep everything.")
}

// The course map.
pub const NEXT_STEP: &str = "Your next step";
pub const COURSE_MASTERED: &str =
    "You have mastered every unit of this course. Keep it fresh with reviews when they are due.";
pub const START_REVIEW: &str = "Start the review";
pub const WHY_THIS_LEVEL: &str = "Why this level?";
pub const CHALLENGE_HEADING: &str = "Course challenge";
pub const CHALLENGE_TEXT: &str =
    "Already know this course? The challenge asks a few questions from every objective, and shows which ones you can skip.";
pub const START_CHALLENGE: &str = "Take the course challenge";
pub const CONTINUE: &str = "Continue";

pub fn reviews_due(count: usize) -> String {
    match count {
        1 => "A short review of 1 objective is due, to keep it fresh.".to_string(),
        n => format!("A short review of {n} objectives is due, to keep them fresh."),
    }
}

pub fn open_unit(title: &str) -> String {
    format!("Open “{title}”")
}

pub fn weekly_minutes(minutes: u32, goal: u32) -> String {
    format!("This week: {minutes} of {goal} minutes")
}

/// What a sitting is called on screen, in lower case ("check A").
pub fn sitting_name(kind: AssessmentKind) -> &'static str {
    // Levels are explained with the same words ("because check A on …").
    masterly_text::learning::kind_label(kind)
}

/// A date written `YYYY-MM-DD` in words a child reads: "31 March 2027". Anything
/// else is shown as it is.
pub fn date_in_words(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some(days) = masterly_core::time::days_from_date(date) else {
        return date.to_string();
    };
    let (year, month, day) = masterly_core::time::civil_date(days);
    let name = MONTHS.get(month as usize - 1).copied().unwrap_or("?");
    format!("{day} {name} {year}")
}

pub fn course_goal(course_title: &str, target_date: Option<&str>) -> String {
    match target_date {
        Some(date) => format!(
            "Your goal: master “{course_title}” by {}.",
            date_in_words(date)
        ),
        None => format!("Your goal: master “{course_title}”."),
    }
}

pub fn unfinished_sitting(kind: AssessmentKind, answered: usize, total: usize) -> String {
    let kind = sitting_name(kind);
    format!("You have an unfinished {kind}: {answered} of {total} questions answered.")
}

// Units and the cycle.
pub const UNIT_NOT_FOUND: &str = "This unit is not in the course any more.";
pub const BACK_TO_MAP: &str = "← Course map";
pub const LESSONS_HEADING: &str = "Lessons";
pub const MASTERY_LOOKS_LIKE: &str = "What mastery looks like";
pub const START_READINESS: &str = "Take the readiness check";
pub const RETAKE_READINESS: &str = "Try the readiness check again";
/// After a readiness check that found a few gaps, looked back at.
pub const RECHECK_GAPS: &str = "Check these again";
pub const GAPS_HEADING: &str = "A look back";
pub const START_FORMATIVE_A: &str = "I've read the lessons: start check A";
pub const SKIP_AHEAD: &str = "Already know this? Take the unit test";
pub const START_FORMATIVE_B: &str = "Take check B";
pub const START_UNIT_TEST: &str = "Take the unit test";
pub const START_PRACTICE: &str = "Practice with hints";
pub const CORRECTIVES_HEADING: &str = "Let's look at these another way";
pub const ENRICHMENT_HEADING: &str = "Go deeper";

/// After a readiness check that showed the prerequisites are known.
pub fn readiness_passed(unit_title: &str) -> String {
    format!("You're ready for “{unit_title}”! Start with its lessons.")
}

/// After a readiness check that found a few gaps (listed in its results).
pub fn readiness_gaps(unit_title: &str, gaps: usize) -> String {
    let what = if gaps == 1 {
        "one thing".to_string()
    } else {
        format!("{gaps} things")
    };
    format!("Nearly ready for “{unit_title}”! First, a quick look back at {what} from before.")
}

/// After a readiness check that showed gaps: the units to learn first.
pub fn readiness_not_yet(units: &[String]) -> String {
    let units: Vec<String> = units.iter().map(|u| format!("“{u}”")).collect();
    let those = if units.len() == 1 { "that" } else { "those" };
    format!(
        "This unit needs {} first. Learn {those}, then come back here.",
        and_list(&units)
    )
}

pub fn next_unit(title: &str) -> String {
    format!("Next unit: “{title}” →")
}

pub fn back_to_unit(title: &str) -> String {
    format!("Back to “{title}”")
}

/// A unit's place in the cycle in a few words.
pub fn stage_label(stage: &UnitStage) -> String {
    match stage {
        UnitStage::Locked { .. } => "Locked: prerequisites first".into(),
        UnitStage::PreAssessment { .. } => "Readiness check".into(),
        UnitStage::Gaps { .. } => "A look back first".into(),
        UnitStage::Instruction => "Lessons".into(),
        UnitStage::InProgress { kind } => format!("{} under way", capitalise(sitting_name(*kind))),
        UnitStage::Corrective { .. } => "Correctives and enrichment".into(),
        UnitStage::Enrichment => "Enrichment, then the unit test".into(),
        UnitStage::Review { .. } => "Needs a refresh".into(),
        UnitStage::Mastered => "Mastered".into(),
    }
}

/// A stable name for styling and tests.
pub fn stage_key(stage: &UnitStage) -> &'static str {
    match stage {
        UnitStage::Locked { .. } => "locked",
        UnitStage::PreAssessment { .. } => "pre-assessment",
        UnitStage::Gaps { .. } => "gaps",
        UnitStage::Instruction => "instruction",
        UnitStage::InProgress { .. } => "in-progress",
        UnitStage::Corrective { .. } => "corrective",
        UnitStage::Enrichment => "enrichment",
        UnitStage::Review { .. } => "review",
        UnitStage::Mastered => "mastered",
    }
}

/// What to do at this stage, in a sentence.
pub fn stage_advice(stage: &UnitStage, title_of: impl Fn(&str) -> String) -> String {
    let titles = |ids: &[String]| {
        ids.iter()
            .map(|id| title_of(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match stage {
        UnitStage::Locked { missing } => format!(
            "The readiness check showed some gaps. Master {} first, then come back.",
            titles(missing)
        ),
        UnitStage::PreAssessment { prerequisites } => format!(
            "This unit builds on {}. Show you are ready with a short check, or learn that first.",
            titles(prerequisites)
        ),
        UnitStage::Gaps { objectives } => match objectives.len() {
            1 => "You know most of what this unit needs. First, look back at 1 thing from before. Practice it. Then check it again.".into(),
            n => format!("You know most of what this unit needs. First, look back at {n} things from before. Practice them. Then check them again."),
        },
        UnitStage::Instruction => {
            "Read the lessons, then take check A to see where you are. If you already know this, take the unit test to skip ahead.".into()
        }
        UnitStage::InProgress { kind } => format!("Finish your {}.", sitting_name(*kind)),
        UnitStage::Corrective { objectives, .. } => match objectives.len() {
            1 => "One objective is not there yet. Look at it another way, practice, then take check B.".into(),
            n => format!("{n} objectives are not there yet. Look at them another way, practice, then take check B."),
        },
        UnitStage::Enrichment => {
            "Every objective is at the bar. Try the go-deeper tasks, then take the unit test.".into()
        }
        UnitStage::Review { .. } => {
            "A review showed something slipping. Look at it again, then retake the unit test.".into()
        }
        UnitStage::Mastered => "Unit mastered. Reviews will come back now and then to keep it fresh.".into(),
    }
}

pub fn modality_label(modality: Modality) -> &'static str {
    match modality {
        Modality::WorkedExample => "worked example",
        Modality::Visual => "picture it",
        Modality::SubSkill => "a smaller step",
        Modality::Analogy => "think of it like this",
        Modality::Manipulative => "hands on",
        Modality::Explanation => "another explanation",
    }
}

pub fn enrichment_label(kind: EnrichmentKind) -> &'static str {
    match kind {
        EnrichmentKind::Analyse => "analyse",
        EnrichmentKind::Compare => "compare",
        EnrichmentKind::Explain => "explain",
        EnrichmentKind::Create => "create",
        EnrichmentKind::Transfer => "use it somewhere new",
    }
}

// The item player and sittings.
pub const CHECK_ANSWER: &str = "Check my answer";
pub const CHOOSE_ALL: &str = "Choose all that are right.";
pub const YOUR_ANSWER: &str = "Your answer";
pub const NUMBER_FORMS: &str =
    "Write a whole number, a decimal, a fraction like 3/4 or a mixed number like 1 1/2.";
pub const ORDER_HINT: &str = "Put these in order with the arrow buttons.";
pub const ANSWER_FIRST: &str = "Give an answer first.";
pub const NO_SITTING: &str = "There is no check under way.";
pub const ITEM_MISSING: &str =
    "This question is no longer in the course (the course was updated). Skip it to go on.";
pub const SKIP_ITEM: &str = "Skip this question";
pub const PAUSE: &str = "Pause and come back later";
pub const NEXT_QUESTION: &str = "Next question";
pub const SEE_RESULTS: &str = "See my results";
pub const TRY_AGAIN: &str = "Try again";
pub const THE_ANSWER: &str = "The answer:";
pub const WORKED_SOLUTION: &str = "Worked solution";

/// The heading of a question screen: "Check A".
pub fn sitting_title(kind: AssessmentKind) -> String {
    capitalise(sitting_name(kind))
}

pub fn item_of(number: usize, total: usize) -> String {
    format!("Question {number} of {total}")
}

pub fn show_hint(shown: usize, total: usize) -> String {
    if shown >= total {
        "No more hints".to_string()
    } else {
        format!("Show a hint ({} of {total})", shown + 1)
    }
}

pub fn move_up(entry: &str) -> String {
    format!("Move “{entry}” up")
}

pub fn move_down(entry: &str) -> String {
    format!("Move “{entry}” down")
}

pub fn moved_to(entry: &str, position: usize) -> String {
    format!("“{entry}” is now number {position}.")
}

/// Right or not yet, recognising persistence.
/// A question answered in another tab of the same learner before this one.
pub const ANSWERED_IN_ANOTHER_TAB: &str = "You already answered this question in another tab \
     or window. That answer counts, and it is shown here.";

/// Before the thinking step shown after a wrong practice answer.
pub const TRY_THIS: &str = "Try this:";
/// The thinking step when an item has no hint.
pub const THINK_AGAIN: &str =
    "Read the question again slowly. What is it asking for? Check each step of your answer.";

pub fn verdict(correct: bool, tries: u32) -> String {
    match (correct, tries) {
        (true, 0 | 1) => "Right!".to_string(),
        (true, n) => format!("Right after {n} tries. Sticking with it paid off!"),
        (false, _) => "Not yet. Here is how to think about it.".to_string(),
    }
}

// Results.
pub const NO_RESULTS: &str = "No answers were given in that check.";
pub const RESULTS_CAPTION: &str = "How each objective went";
pub const OBJECTIVE_WORD: &str = "Objective";
pub const SCORE_WORD: &str = "Score";
pub const LEVEL_NOW: &str = "Level now";

pub fn sitting_done(kind: AssessmentKind) -> String {
    format!("{} done", capitalise(sitting_name(kind)))
}

pub fn unit_mastered_after(title: &str, unit_tests: Option<u32>) -> String {
    match unit_tests {
        Some(n) if n > 1 => {
            format!("“{title}” mastered, after {n} unit tests. Well done for sticking with it!")
        }
        _ => format!("“{title}” mastered!"),
    }
}

/// Mastery recognised: `tries` is 1 when every check and test was passed at once.
pub fn mastered_after(tries: u32) -> String {
    if tries <= 1 {
        "Mastered on your first try!".to_string()
    } else {
        format!("Mastered after {tries} tries. Sticking with it paid off!")
    }
}

pub const NOTHING_OPEN: &str = "No course is open.";

pub fn cannot_start(reason: &str) -> String {
    format!("This cannot start now: {reason}.")
}

/// The shell's own English text with its first letter capitalised. ASCII only:
/// every text passed here starts with an English word or a quotation mark, and
/// Unicode's uppercase tables would add about 6 KB gzipped to every student's
/// download (docs/size.md).
pub fn capitalise(text: &str) -> String {
    let mut capitalised = text.to_string();
    if let Some(first) = capitalised.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    capitalised
}

// Opening a course file.
pub const MORE_COURSES: &str = "More courses";
pub const START_WITH_FILE: &str = "Joining a class, or moving from another device?";
pub const OPEN_FILE: &str = "Open a course, class or progress file";
pub const OPEN_FILE_HINT: &str =
    "A .json file from your teacher, or your own progress file from another device. Choose it or drop it here: it is checked and shown first, and nothing changes until you say so.";
pub const CANCEL: &str = "Cancel";
pub const ADD_COURSE: &str = "Add this course";
pub const JOIN_CLASS: &str = "Join the class";
pub const ADD_ANSWERS: &str = "Add these answers";
pub const WORTH_A_LOOK: &str = "Worth a look before you add it:";
pub const COURSE_NOT_ADDED: &str = "The course was not added:";
pub const PROGRESS_NOT_ADDED: &str = "Nothing was added:";
pub const WHICH_IS_YOU: &str = "Which one is you?";
pub const PICK_YOUR_NAME: &str = "Pick your name first.";
pub const NOT_ON_ROSTER: &str = "That name is not in this class file.";
pub const OTHER_VERSION_NOTE: &str = "This file was made with another version of the course; every level is recomputed with the version on this device.";
pub const DOWNLOAD_COURSE: &str = "Download this course's file";
pub const DOWNLOAD_COURSE_HINT: &str = "To share it, or to keep a copy.";

pub fn course_preview_line(title: &str, units: usize, objectives: usize) -> String {
    format!(
        "{title}: {} and {}",
        count(units, "unit"),
        count(objectives, "objective")
    )
}

pub fn curriculum_meta(version: &str, license: &str, authors: &[String]) -> String {
    format!("Version {version} · {license} · by {}", authors.join(", "))
}

pub fn class_preview_title(class_name: &str, curriculum_title: &str) -> String {
    format!("Class “{class_name}”: {curriculum_title}")
}

pub fn joined_class(class_name: &str, nickname: &str) -> String {
    format!("You joined “{class_name}” as {nickname}. Your goals are set, and your progress files will say which class you are in.")
}

pub fn progress_preview(nickname: &str, title: &str, answers: usize, date: &str) -> String {
    format!(
        "{nickname}'s progress in {title}: {}, saved on {date}.",
        count(answers, "answer")
    )
}

pub fn progress_added(added: usize, title: &str) -> String {
    match added {
        0 => format!("Nothing new: every answer in this file is already here for {title}."),
        n => format!(
            "Added {} to your work in {title}; every level is recomputed.",
            count(n, "answer")
        ),
    }
}

pub fn progress_needs_course(curriculum_id: &str) -> String {
    format!("This progress file is for the course “{curriculum_id}”, which is not on this device: open that course's file (or your class file) first.")
}

pub fn someone_elses_progress(owner: &str, current: &str) -> String {
    format!("This progress file is {owner}'s, and {current} is signed in. To continue {owner}'s work on this device, sign out and open the file from the start screen.")
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
pub const READING_FILE: &str = "Reading the file…";

pub fn curriculum_added(title: &str) -> String {
    format!("Added “{title}”. Its courses are in the list above.")
}

pub fn curriculum_already_here(title: &str) -> String {
    format!("“{title}” is already here, exactly as in this file.")
}

pub fn curriculum_replaced(title: &str, old_version: &str) -> String {
    format!(
        "“{title}” now uses this file, in place of version {old_version}. Your answers are kept."
    )
}

pub fn file_too_large(name: &str, bytes: u64, limit: usize) -> String {
    // Tenths of a megabyte in whole numbers: no float formatting code in the app.
    let tenths = bytes * 10 / 1_048_576;
    format!(
        "{name} is {}.{} MB; a Masterly file can be at most {} MB.",
        tenths / 10,
        tenths % 10,
        limit / 1_048_576
    )
}

pub fn file_unreadable(name: &str) -> String {
    format!("{name} could not be read as text.")
}

pub fn file_problems(name: &str, count: usize) -> String {
    match count {
        1 => format!("{name} was not added: it has a problem."),
        n => format!("{name} was not added: it has {n} problems."),
    }
}

/// The summary that opens the problems not listed at first, in place.
pub fn more_problems(count: usize) -> String {
    match count {
        1 => "Show 1 more problem".to_string(),
        n => format!("Show {n} more problems"),
    }
}

pub const DOWNLOAD_PROBLEMS: &str = "Download the list of problems";
/// The name of that download: a plain text file, a problem on each line.
pub const PROBLEMS_FILE_NAME: &str = "problems.txt";

/// A bundled curriculum file that could not be fetched or loaded when one of its
/// courses was opened; `problem` starts with the file's address.
pub fn bundled_course_unusable(problem: &str) -> String {
    format!(
        "A course could not be opened: {problem}. Its courses are left off the list \
         for now; reload the page to try again."
    )
}

/// A bundled file whose curriculum is not the one the catalog lists for it.
pub fn listed_as_another(url: &str, found: &str, listed: &str) -> String {
    format!("{url}: the file holds the curriculum “{found}”, but curricula/index.json lists “{listed}” for it")
}

pub fn stored_course_unusable(id: &str, problem: &str) -> String {
    format!("The course file “{id}” saved on this device can no longer be used: {problem}")
}

// The teacher's section.
pub const TEACHER_VIEW: &str = "Teacher view";
pub const STUDENT_VIEW: &str = "Student view";
pub const TEACHER_TITLE: &str = "Teacher view: class reports";
/// After a reload: the files this tab kept, read again.
pub fn files_read_again(added: usize, refused: usize) -> String {
    format!(
        "Read again after the reload: {}: {added} added, {refused} refused.",
        count(added + refused, "file")
    )
}

/// The class read is too large for the tab's session storage.
pub const CLASS_NOT_KEPT: &str =
    "This class is too large to keep in this tab: after a reload, choose its files again.";
/// Prints the mastery grid alone, on one landscape page.
pub const PRINT_GRID: &str = "Print the grid";
pub const TEACHER_INTRO: &str = "Read your students' progress files to see who needs correctives and who is ready for enrichment. Every level is recomputed from the students' answers. The files stay in this tab: nothing is sent anywhere, and a reload reads them again until you close the tab.";
pub const CLASS_COURSE_LABEL: &str = "Course";
pub const PROGRESS_FILES_LABEL: &str = "Students' progress files (and your class file)";
pub const PROGRESS_FILES_HINT: &str =
    "Choose one or many files at once. A file of a student already read adds only their new answers. A class file you made before brings back its students and goals.";
pub const NO_CLASS_YET: &str = "No progress files read yet.";
pub const CLEAR_CLASS: &str = "Start a new class";
pub const DOWNLOAD_CSV: &str = "Download as CSV";

pub fn reading_files(done: usize, total: usize) -> String {
    format!("Reading file {done} of {total}…")
}

pub fn files_read(added: usize, refused: usize) -> String {
    format!(
        "Read {}: {added} added, {refused} refused.",
        count(added + refused, "file")
    )
}

pub fn file_added(name: &str, nickname: &str, new_answers: usize) -> String {
    format!("{name}: {nickname}, {new_answers} new answers.")
}

pub fn file_refused(name: &str) -> String {
    format!("{name} was not used:")
}

pub fn class_size(students: usize) -> String {
    match students {
        1 => "1 student".to_string(),
        n => format!("{n} students"),
    }
}

// The teacher's action summary.
pub const SUMMARY_TITLE: &str = "What to do tomorrow";
pub const SUMMARY_NOTHING: &str =
    "Nothing needs you today: no one is stuck and no group needs correctives.";
pub const SUMMARY_DETAIL: &str = "See the detail";

/// "Ann, Ben and Cat" — names joined as a sentence says them.
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub fn summary_corrective_group(
    unit: &str,
    learners: &[String],
    objectives: usize,
    tutors: &[String],
) -> String {
    let who = and_list(learners);
    let verb = if learners.len() == 1 { "needs" } else { "need" };
    let what = match objectives {
        1 => "1 objective".to_string(),
        n => format!("{n} objectives"),
    };
    let help = match tutors {
        [] => String::new(),
        tutors => format!(" {} mastered them and could help.", and_list(tutors)),
    };
    format!("{who} {verb} a corrective in {unit} ({what}).{help}")
}

pub fn stuck_reason(
    reason: &masterly_core::teacher::summary::StuckReason,
    title: &dyn Fn(&str) -> String,
) -> String {
    use masterly_core::teacher::summary::StuckReason;
    match reason {
        StuckReason::NotStarted => "has not answered anything yet".to_string(),
        StuckReason::Inactive { days } => format!("no answers for {days} days"),
        StuckReason::LockedByReadiness { unit, missing } => {
            let first: Vec<String> = missing.iter().map(|id| title(id)).collect();
            format!(
                "locked out of {} by the readiness check, and needs {} first",
                title(unit),
                and_list(&first)
            )
        }
        StuckReason::FillingGaps { unit, .. } => format!(
            "filling gaps from earlier units found by the readiness check for {}",
            title(unit)
        ),
        // The count is in the grid's notes; the line groups everyone at two or more.
        StuckReason::MissedCheckB { unit, .. } => {
            format!("below the bar in check B of {} twice or more in a row", title(unit))
        }
        StuckReason::MissedUnitTest { unit, .. } => {
            format!("below the bar in the unit test of {} twice or more in a row", title(unit))
        }
        StuckReason::BehindGoal {
            mastered,
            expected,
            total,
            ..
        } => format!(
            "far behind the goal: {mastered} of {total} objectives mastered, {expected} by now would keep pace"
        ),
    }
}

/// "Ann (12 days)".
pub fn name_with_days(name: &str, days: i64) -> String {
    format!("{name} ({days} days)")
}

pub fn summary_away(names_with_days: &[String]) -> String {
    format!(
        "No answers for a week or more: {}.",
        and_list(names_with_days)
    )
}

pub fn summary_not_started(names: &[String]) -> String {
    format!("Not started yet: {}.", and_list(names))
}

/// "Below the bar in check B of Unit one twice or more in a row: Ann and Ben."
pub fn summary_stuck(reason: &str, names: &[String]) -> String {
    format!("{}: {}.", capitalise(reason), and_list(names))
}

pub fn summary_behind(name: &str, reason: &str) -> String {
    format!("{name} is {reason}.")
}

pub fn summary_enrichment(unit: &str, learners: &[String]) -> String {
    let verb = if learners.len() == 1 { "is" } else { "are" };
    format!(
        "{} {verb} ready for enrichment in {unit}, then its unit test.",
        and_list(learners)
    )
}

pub fn summary_persistence(name: &str, unit: &str, tries: u32) -> String {
    format!("{name} mastered {unit} this week after {tries} tries: worth a word of praise.")
}

pub fn csv_file_name(report: &str, course_id: &str) -> String {
    format!("masterly-{report}-{course_id}.csv")
}

pub fn report_heading(report: masterly_core::teacher::class::Report) -> &'static str {
    use masterly_core::teacher::class::Report;
    match report {
        Report::Grid => "Class mastery grid",
        Report::Groups => "Groups per unit: correctives, enrichment, peer tutors",
        Report::Persistence => "Tries until success",
        Report::Activity => "Active minutes per week (✓: goal met)",
        Report::Items => "Most-missed items",
        Report::Goals => "Progress towards course goals",
    }
}

// Setting up the class file.
pub const CLASS_SETUP_TITLE: &str = "Class file: students and goals";
pub const CLASS_SETUP_INTRO: &str = "Name the class, list the students, set each one's goals, then hand the class file out. A student who opens it picks their name; their progress files then say who they are, so they match here without guessing.";
pub const CLASS_NAME_LABEL: &str = "Class name";
pub const GRADE_TAUGHT_LABEL: &str = "Grade taught (for goal recommendations)";
pub const NEW_STUDENTS_LABEL: &str = "Add students";
pub const NEW_STUDENTS_HINT: &str =
    "One nickname per line. Students whose progress files you read are added for you.";
pub const ADD_STUDENTS: &str = "Add to the class";
pub const STUDENT: &str = "Student";
pub const PERCENTILE: &str = "Benchmark percentile";
pub const GOAL_COURSE: &str = "Goal course";
pub const NO_GOAL_COURSE: &str = "No goal yet";
pub const TARGET_DATE: &str = "Target date";
pub const WEEKLY_MINUTES: &str = "Minutes a week";
pub const REMOVE: &str = "Remove";
pub const WRITE_CLASS_FILE: &str = "Download the class file";

pub fn students_added(added: usize) -> String {
    match added {
        0 => "No new students: every name is already in the class.".to_string(),
        n => format!("Added {}.", count(n, "student")),
    }
}

pub fn recommended(course_title: &str) -> String {
    format!("Recommended: {course_title}")
}

pub fn class_file_written(name: &str, students: usize) -> String {
    format!(
        "{name} is ready to hand out, with {}.",
        count(students, "student")
    )
}

pub fn class_file_opened(name: &str) -> String {
    format!("{name}: the class, its students and their goals are below.")
}

// Pictures and the family summary.
pub const FAMILY_TITLE: &str = "Summary for families";
pub const PRINT_SUMMARY: &str = "Print this summary";
pub const WEEK_OF: &str = "Week of";
pub const ACTIVE_MINUTES: &str = "Active minutes";

pub fn grid_picture_label(students: usize, objectives: usize) -> String {
    format!("Picture of the class grid: {} by {}, colored by level; the table below gives every level in words.", count(students, "student"), count(objectives, "objective"))
}

pub fn goals_met_chart(students: usize) -> String {
    format!("Students who met their weekly time goal, week by week (of {students})")
}

pub fn minutes_chart(goal: u32) -> String {
    format!("Active minutes week by week; the dashed line is the goal of {goal} minutes")
}

pub const TEACHER_NAME_LABEL: &str = "Your name, printed on each summary";
pub const LEVELS_MEAN: &str = "What the levels mean";

/// "From Ms Rivera, 4 December 2026", or the date alone.
pub fn family_from(teacher: &str, today: &str) -> String {
    match teacher.trim() {
        "" => date_in_words(today),
        teacher => format!("From {teacher}, {}", date_in_words(today)),
    }
}

/// What the student works on next: the first objective not yet at the bar.
pub fn family_next(target: Option<&str>) -> String {
    match target {
        Some(target) => format!("Working on next: {target}"),
        None => "Every objective of this course is at the mastery bar or above.".to_string(),
    }
}

pub fn family_heading(nickname: &str, course_title: &str) -> String {
    format!("{nickname}: {course_title}")
}

pub fn family_goal(mastered: usize, total: usize, target_date: Option<&str>) -> String {
    match target_date {
        Some(date) => format!(
            "Course goal: {mastered} of {total} objectives mastered, aiming for all by {}.",
            date_in_words(date)
        ),
        None => format!("Course goal: {mastered} of {total} objectives mastered."),
    }
}

pub fn family_time(goal: u32) -> String {
    format!("Time on task (goal: {goal} minutes a week)")
}

// Freeing space on a shared computer (the teacher's page, `pages/this_computer.rs`).

pub const THIS_COMPUTER_TITLE: &str = "Students' work on this computer";
pub const FREE_SPACE_HOW: &str = "A shared computer keeps each student's work until someone removes it, and the browser gives Masterly room for a few million characters in all. To free space safely, ask each student to press “Export my progress” on their course map and give you the file. A student whose file holds all their work can then be removed here. Nothing is lost: the file holds it, and they carry on by opening it on the start screen.";
pub const NO_STORED_LEARNERS: &str = "No student's work is kept in this browser.";
pub const KEEP: &str = "Keep";

/// A learner's stored work: "250 answers · 3% of the storage".
pub fn stored_figures(answers: usize, share: &str) -> String {
    format!("{} · {share} of the storage", count(answers, "answer"))
}

/// How full this browser's storage is, and the room left in answers.
pub fn computer_room(percent: u64, answers_left: u64) -> String {
    format!(
        "This browser's storage for Masterly is {percent}% full: room for about {} more answers.",
        about(answers_left)
    )
}

/// A share of the storage, in whole percent, at least "<1%" for any work at all.
pub fn share_of_storage(characters: u64, capacity: u64) -> String {
    match (characters.saturating_mul(100) / capacity.max(1), characters) {
        (_, 0) => "0%".to_string(),
        (0, _) => "under 1%".to_string(),
        (percent, _) => format!("{percent}%"),
    }
}

/// When a progress file was saved, in the teacher's time: "2 December 2026, 14:05".
pub fn saved_when(at: masterly_core::time::Millis, offset_minutes: i64) -> String {
    use masterly_core::time::{iso_date, DAY_MS, MINUTE_MS};
    let local = at + offset_minutes * MINUTE_MS;
    let minutes = local.rem_euclid(DAY_MS) / MINUTE_MS;
    format!(
        "{}, {:02}:{:02}",
        date_in_words(&iso_date(local.div_euclid(DAY_MS))),
        minutes / 60,
        minutes % 60
    )
}

/// What a learner's saved progress files hold, in the list of stored work
/// (nothing to say when they have no answers).
pub fn file_status(
    stored: &masterly_core::device::free_space::StoredLearner,
    saved: Option<String>,
) -> String {
    match saved {
        _ if stored.unread => "Some of this student's saved work cannot be checked here: sign in as them once on the student's page, which repairs it or reports what is damaged.".to_string(),
        _ if stored.answers == 0 => String::new(),
        Some(when) if stored.files_hold_everything => format!("Exported {when}; it holds every answer."),
        Some(when) => format!("Exported {when}, but there are answers since: export again before removing."),
        None => "Not exported yet.".to_string(),
    }
}

pub fn remove_learner(nickname: &str) -> String {
    format!("Remove {nickname}…")
}

pub fn confirm_removal(nickname: &str, answers: usize, saved: Option<String>) -> String {
    match saved {
        Some(when) => format!(
            "Remove {nickname} and their {} from this computer? The progress file exported {when} holds them all. Keep that file safe: this cannot be undone.",
            count(answers, "answer")
        ),
        None => format!("Remove {nickname} from this computer? They have no answers yet."),
    }
}

pub fn confirm_remove_button(nickname: &str) -> String {
    format!("Remove {nickname}")
}

pub fn learner_removed(nickname: &str) -> String {
    format!("{nickname} was removed from this computer.")
}

pub fn learner_not_removed(nickname: &str, reason: &crate::free_space::NotRemoved) -> String {
    use crate::free_space::NotRemoved;
    match reason {
        NotRemoved::NoLongerSafe => format!("{nickname} was not removed: there is work that their exported file does not hold. Ask them to export again."),
        NotRemoved::NotSaved(_) => format!("Nothing was removed: the browser refused to save the list of students, so {nickname} is still here."),
    }
}

// Answering on a picture.
pub const PLACE_POINT_LABEL: &str = "Point on the number line";
pub const PLACE_POINT_HINT: &str =
    "Tap or drag on the line to place the point, or use the arrow keys (Home and End go to the ends).";
pub const POINT_NOT_PLACED: &str = "Not placed yet";
pub const SHADE_HINT: &str = "Tap a part to shade it; tap it again to clear it. With the keyboard: Tab to a part, then Space.";
pub const FEWER_PARTS: &str = "One part fewer";
pub const MORE_PARTS: &str = "One part more";

/// A part of a picture to shade, for screen readers: "Part 3 of 8".
pub fn part_of(part: usize, parts: usize) -> String {
    format!("Part {part} of {parts}")
}

/// A whole cut into `parts` equal parts.
pub fn cut_into(parts: u16) -> String {
    match parts {
        1 => "1 whole, not cut".to_string(),
        n => format!("Cut into {n} equal parts"),
    }
}
