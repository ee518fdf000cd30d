//! What a stored answer costs: a log of the bundled courses as the student's page
//! writes one, as the list of attempts stored before, in the compact form
//! (`device/compact.rs`), and as the page stores it — sealed archive chunks of the
//! 201 answers gathered when one is written — and that the compact form reads back
//! exactly.

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::device::compact::CompactLog;
use masterly_core::device::store::seal;
use masterly_core::device::workbook::{
    archive_to_stored, chunk_key, workbook_key, ARCHIVE_AFTER, ARCHIVE_KIND,
};
use masterly_test_kit::synthetic::app_like_log;

/// What a stored answer may cost in archive chunks, so that a classroom computer
/// holds a school year for thirty learners: 30 × 3,000 answers at 40 characters are
/// 3.6 million, and each learner's workbook adds at most 200 answers in two copies
/// (about 0.4 million for thirty), inside the 5 million a browser gives a site. The
/// bundled courses, rewritten with five or six items per objective, measure 38.0: a
/// chunk names more questions than the 35.7 of three items per objective did.
const CHUNK_CHARACTERS_PER_ANSWER: f64 = 40.0;

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
            .unwrap_or_else(|e| panic!("{name}: {e:?}"))
            .curriculum;
        for answers in [2_000, 3_000] {
            let log = app_like_log(&curriculum, answers, 11);
            assert_eq!(log.len(), answers, "{name}");
            let per_answer = |characters: usize| characters as f64 / answers as f64;
            // The list of attempts, as the archive stored them before the compact form.
            let list = per_answer(serde_json::to_string(&log).unwrap_or_default().len());
            let compact = CompactLog::of(&log);
            let stored = serde_json::to_string(&compact).unwrap_or_default();
            let whole = per_answer(stored.chars().count());
            let key = workbook_key("l-0123456789abcdef", &curriculum.id);
            let chunked = per_answer(
                log.chunks(ARCHIVE_AFTER + 1)
                    .enumerate()
                    .map(|(n, chunk)| {
                        let name = chunk_key(&key, &format!("aK3x_9QzA-{}", n + 1));
                        let sealed = seal(ARCHIVE_KIND, &archive_to_stored(chunk), 1, 1);
                        name.chars().count() + sealed.chars().count()
                    })
                    .sum(),
            );
            println!(
                "{name}, {answers} answers, characters per answer: {list:.1} as a list, \
                 {whole:.1} as one compact log, {chunked:.1} in sealed chunks of {}",
                ARCHIVE_AFTER + 1
            );
            assert!(
                chunked <= CHUNK_CHARACTERS_PER_ANSWER,
                "{name}: {chunked:.1} characters per answer"
            );
            let read: CompactLog = masterly_core::format::objects_only::from_str(&stored)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(read.attempts(), Ok(log), "{name}");
        }
    }
}
