//! The reader of progress files as Masterly writes them, against serde's reading of
//! the same text: on the files Masterly writes, on every optional field, on edits it
//! must leave to serde, on random edits, and at the limits.

use masterly_core::content::curriculum::load_curriculum;
use masterly_core::content::rng::SplitMix64;
use masterly_core::format::limits::check_json_limits;
use masterly_core::format::progress::{ProgressBundle, MAX_ATTEMPTS, PROGRESS_LIMITS};
use masterly_core::format::progress_reader::read_progress_as_written;
use masterly_test_kit::synthetic::synthetic_progress_files;

/// What serde makes of `text` as a progress bundle, if it reads.
fn by_serde(text: &str) -> Option<ProgressBundle> {
    masterly_core::format::objects_only::from_str(text).ok()
}

fn demo_files() -> Vec<String> {
    let demo = load_curriculum(include_str!("../../../../curricula/demo.json"))
        .map(|loaded| loaded.curriculum)
        .unwrap_or_else(|errors| panic!("{errors:?}"));
    synthetic_progress_files(&demo, 6, 40, 3)
}

#[test]
fn files_as_masterly_writes_them_are_read_compact_and_pretty() {
    for text in demo_files() {
        let bundle = by_serde(&text).unwrap_or_else(|| panic!("serde reads {text}"));
        assert_eq!(read_progress_as_written(&text).as_ref(), Some(&bundle));
        let pretty = serde_json::to_string_pretty(&bundle).unwrap_or_default();
        assert_eq!(read_progress_as_written(&pretty), Some(bundle));
    }
}

#[test]
fn every_optional_field_and_response_kind_is_read() {
    let text = r#"{"format":"masterly-progress","format_version":1,
        "learner":{"id":"l1","nickname":"Zoë"},"curriculum":{"id":"c","hash":"h"},
        "class":{"class_id":"k","student_id":"s"},
        "attempts":[
          {"id":"a1","at":-5,"sitting":{"id":"s1","kind":"course_challenge","size":3,"course":"c1"},
           "unit":"u","objective":"o","item":"i","seed":18446744073709551615,
           "response":{"kind":"choices","indices":[0,2]},"correct":false,
           "misconception":"m","hints_used":2,"active_seconds":9},
          {"id":"a2","at":0,"sitting":{"id":"s1","kind":"review","size":3,"unit":"u","course":"c1"},
           "unit":"u","objective":"o","item":"i","seed":0,
           "response":{"kind":"order","order":[]},"correct":true},
          {"id":"a3","at":1,"sitting":{"id":"s2","kind":"practice","size":1},
           "unit":"u","objective":"o","item":"i","seed":1,
           "response":{"kind":"number","text":"3/4"},"correct":true,"active_seconds":4},
          {"id":"a4","at":2,"sitting":{"id":"s3","kind":"unit_test","size":1},
           "unit":"u","objective":"o","item":"i","seed":1,
           "response":{"kind":"text","text":"half"},"correct":true}],
        "goals":{"course":"c1","target_date":"2027-01-01"},
        "exported_at":7,"levels":{"o":"mastered","p":"not-started"}}"#;
    let bundle = by_serde(text).unwrap_or_else(|| panic!("serde reads it"));
    assert_eq!(bundle.goals.weekly_minutes, 45);
    assert_eq!(read_progress_as_written(text), Some(bundle));
}

#[test]
fn what_it_does_not_expect_is_left_to_serde() {
    let file = demo_files().swap_remove(0);
    let edit = |from: &str, to: &str| {
        let edited = file.replacen(from, to, 1);
        assert_ne!(edited, file, "{from} is not in the file");
        edited
    };
    // Whitespace anywhere JSON allows it is still read.
    let spaced = edit("\"seed\":", " \"seed\" :\t\n ");
    assert_eq!(read_progress_as_written(&spaced), by_serde(&spaced));
    assert!(by_serde(&spaced).is_some());
    let cases = [
        // Valid, and read by serde, but not as Masterly writes it.
        edit("Student", "Stu\\u0064ent"),
        edit(
            "{\"format\":\"masterly-progress\",\"format_version\":1,",
            "{\"format_version\":1,\"format\":\"masterly-progress\",",
        ),
        edit("\"hints_used\":", "\"misconception\":null,\"hints_used\":"),
        // Not valid for serde either.
        edit("\"correct\":", "\"correct\":true,\"correct\":"),
        edit("\"seed\":", "\"seed\":01"),
        edit("\"at\":", "\"at\":- 1,\"x\":"),
        edit("\"at\":", "\"at\":1.5,\"x\":"),
        edit("\"attempts\"", "\"attempts \""),
        format!("{file} x"),
    ];
    for (index, text) in cases.iter().enumerate() {
        assert_eq!(read_progress_as_written(text), None, "case {index}");
        assert_eq!(by_serde(text).is_some(), index < 3, "case {index}");
    }
}

/// Random edits of real files: whenever the reader answers, serde reads the same
/// text and gives the same bundle.
#[test]
fn the_reader_agrees_with_serde_on_randomly_edited_files() {
    let files = demo_files();
    let pieces: [&[u8]; 14] = [
        b"\"",
        b",",
        b"}",
        b"{",
        b"]",
        b"[",
        b" ",
        b"0",
        b"-",
        b"1e3",
        b"null",
        b"\\",
        b"\"unit\":\"u\",",
        b"\n",
    ];
    let mut rng = SplitMix64::new(7);
    let mut answered = 0;
    for case in 0..6_000 {
        let text = files[case % files.len()].as_bytes();
        let mut edited = text.to_vec();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(edited.len() as u64 + 1) as usize;
            match rng.below(3) {
                0 => {
                    let piece = pieces[rng.below(pieces.len() as u64) as usize];
                    edited.splice(at..at, piece.iter().copied());
                }
                1 if at < edited.len() => {
                    let end = (at + 1 + rng.below(8) as usize).min(edited.len());
                    edited.drain(at..end);
                }
                _ if at < edited.len() => edited[at] = b"0a\":,{}[] "[rng.below(10) as usize],
                _ => {}
            }
        }
        let Ok(edited) = String::from_utf8(edited) else {
            continue;
        };
        if let Some(bundle) = read_progress_as_written(&edited) {
            answered += 1;
            assert_eq!(Some(bundle), by_serde(&edited), "case {case}: {edited}");
            assert_eq!(check_json_limits(&edited, &PROGRESS_LIMITS), Ok(()));
        }
    }
    // Edits that keep the file readable (spaces, digits inside numbers, …) are
    // answered, so the comparison is not empty.
    assert!(answered > 100, "only {answered} edited files were read");
}

/// The limits are not checked apart from the reader when it answers: it must
/// not answer for a file beyond them.
#[test]
fn the_reader_answers_only_within_the_limits() {
    let text = demo_files().remove(0);
    let limit = PROGRESS_LIMITS.max_string_bytes;
    let with_item = |length: usize| {
        let item = "i".repeat(length);
        text.replacen("\"item\":\"", &format!("\"item\":\"{item}"), 1)
    };
    let longest = with_item(limit - item_length(&text));
    assert!(read_progress_as_written(&longest).is_some());
    assert_eq!(check_json_limits(&longest, &PROGRESS_LIMITS), Ok(()));
    let too_long = with_item(limit + 1 - item_length(&text));
    assert_eq!(read_progress_as_written(&too_long), None);
    // So serde's path words it, just as before.
    let refused = masterly_core::format::progress::load_progress_quickly(&too_long);
    assert_eq!(
        refused,
        masterly_core::format::progress::load_progress(&too_long)
    );
    assert!(
        format!("{refused:?}").contains("StringTooLong"),
        "{refused:?}"
    );

    // More attempts than a file may hold: the same attempt, over and over.
    let bundle = by_serde(&text).unwrap_or_else(|| panic!("{text}"));
    let one = serde_json::to_string(&bundle.attempts[0]).unwrap_or_default();
    let attempts = |count: usize| {
        let log = vec![one.as_str(); count].join(",");
        let start = text.find("\"attempts\":[").unwrap_or_default() + "\"attempts\":[".len();
        let end = start + text[start..].find("],\"goals\"").unwrap_or_default();
        format!("{}{log}{}", &text[..start], &text[end..])
    };
    let most = attempts(MAX_ATTEMPTS);
    assert_eq!(
        read_progress_as_written(&most).map(|b| b.attempts.len()),
        Some(MAX_ATTEMPTS)
    );
    assert_eq!(read_progress_as_written(&attempts(MAX_ATTEMPTS + 1)), None);
}

/// The length of the first attempt's item id in `text`.
fn item_length(text: &str) -> usize {
    let start = text.find("\"item\":\"").unwrap_or_default() + "\"item\":\"".len();
    text[start..].find('"').unwrap_or_default()
}
