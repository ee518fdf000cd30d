//! What a stored answer costs: a log of the bundled courses as the student's page
//! writes one, as the list of attempts stored before and in the compact form
//! (`device/compact.rs`), and that the compact form reads back exactly.

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::device::compact::CompactLog;
use masterly_test_kit::synthetic::app_like_log;

/// The compact log's share of the 40 characters a stored answer may cost in all
/// (issue: a classroom computer holds a school year for thirty learners); the rest
/// is for the envelope, the workbook around the log and the copy kept while a
/// write is checked.
const LOG_CHARACTERS_PER_ANSWER: f64 = 32.0;

#[test]
fn a_year_of_answers_costs_a_few_dozen_characters_each_and_reads_back_exactly() {
    for (name, text) in [
        (
            "fractions",
            include_str!("../../../../curricula/fractions.json"),
        ),
        ("demo", include_str!("../../../../curricula/demo.json")),
    ] {
        let curriculum = load_curriculum(text)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .curriculum;
        for answers in [2_000, 3_000] {
            let log = app_like_log(&curriculum, answers, 11);
            assert_eq!(log.len(), answers, "{name}");
            // The list of attempts, as the archive stored them before the compact form.
            let json = serde_json::to_string(&log)
                .unwrap_or_default()
                .chars()
                .count() as f64
                / answers as f64;
            let compact = CompactLog::of(&log);
            let stored = serde_json::to_string(&compact).unwrap_or_default();
            let v: serde_json::Value = serde_json::from_str(&stored).unwrap();
            for k in ["p", "q", "s", "m", "r"] {
                println!(
                    "  {k}: {:.1}",
                    serde_json::to_string(&v[k]).unwrap().len() as f64 / answers as f64
                );
            }
            println!("  sample: {}", &v["r"].as_str().unwrap()[..300]);
            let per_answer = stored.chars().count() as f64 / answers as f64;
            println!(
                "{name}, {answers} answers: {json:.1} characters per answer as a list, {per_answer:.1} compact"
            );
            assert!(
                per_answer <= LOG_CHARACTERS_PER_ANSWER,
                "{name}: {per_answer:.1} characters per answer"
            );
            let read: CompactLog = masterly_core::format::objects_only::from_str(&stored)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(read.attempts(), Ok(log), "{name}");
        }
    }
}
