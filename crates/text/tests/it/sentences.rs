//! The sentences of single errors: each names where the problem is (a JSON path,
//! a line and column, a line of typed names, an entry of the catalog) and the
//! figures it is about, and a truncated or damaged file is never refused in silence.

use masterly_core::content::curriculum::{load_curriculum, CurriculumError, CurriculumErrorKind};
use masterly_core::content::expr::{ExprError, Found, Wanted};
use masterly_core::content::item::InstanceError;
use masterly_core::device::workbook::StoredError;
use masterly_core::format::catalog::{parse_catalog, CatalogError};
use masterly_core::format::class_file::{ClassFileError, ClassFileErrorKind};
use masterly_core::format::json::FileProblem;
use masterly_core::format::limits::LimitError;
use masterly_core::format::progress::{load_progress, ProgressError, ProgressErrorKind};
use masterly_core::teacher::roster::RosterError;
use masterly_text::Say;

const EXAMPLE: &str = include_str!("../../../../docs/examples/curriculum.json");

#[test]
fn a_located_problem_starts_with_its_path_and_a_whole_file_problem_with_its_line() {
    let kind = CurriculumErrorKind::SelfPrerequisite { id: "u1".into() };
    let at_path = CurriculumError::at("$.courses[0].units[0].prerequisites[0]", kind.clone());
    assert_eq!(
        at_path.say(),
        "$.courses[0].units[0].prerequisites[0]: unit \"u1\" names itself as a prerequisite"
    );
    let syntax = FileProblem::Syntax {
        line: 3,
        column: 7,
        detail: "EOF while parsing a value".into(),
    };
    let whole = CurriculumError::whole_file(CurriculumErrorKind::File(syntax.clone()));
    assert_eq!(
        whole.say(),
        "line 3, column 7: this is not valid JSON (EOF while parsing a value)"
    );
    let progress = ProgressError {
        path: "$.attempts[4].seed".into(),
        kind: ProgressErrorKind::File(syntax),
    };
    assert!(progress
        .say()
        .starts_with("$.attempts[4].seed: line 3, column 7: "));
    let class = ClassFileError {
        path: "$.students[2].nickname".into(),
        kind: ClassFileErrorKind::DuplicateNickname {
            nickname: "Ana".into(),
            first: 0,
        },
    };
    assert_eq!(
        class.say(),
        "$.students[2].nickname: \"Ana\" is already the nickname at $.students[0]; students pick their name from the list, so each must be different"
    );
}

#[test]
fn a_curriculum_problem_inside_a_class_file_names_paths_under_the_curriculum() {
    let kind = CurriculumErrorKind::DuplicateId {
        id: "u1".into(),
        first: "$.courses[0].units[0]".into(),
    };
    let class = ClassFileError {
        path: "$.curriculum.courses[0].units[1].id".into(),
        kind: ClassFileErrorKind::Curriculum(kind),
    };
    assert_eq!(
        class.say(),
        "$.curriculum.courses[0].units[1].id: id \"u1\" is already used at $.curriculum.courses[0].units[0]; ids must be unique in the whole curriculum"
    );
}

#[test]
fn an_item_that_fails_says_the_field_and_the_expression_that_fail() {
    let parse = InstanceError::Parse {
        field: "template.constraints[0]".into(),
        text: "a <".into(),
        error: ExprError::Syntax {
            at: 3,
            expected: Wanted::Operand,
            found: Found::End,
        },
    };
    assert_eq!(
        parse.say(),
        "template.constraints[0]: \"a <\" does not parse: at character 3: expected a number, a name or \"(\", found the end"
    );
    let fails = CurriculumErrorKind::TemplateFails {
        seed: 7,
        error: Box::new(InstanceError::Unsatisfiable),
    };
    assert_eq!(
        fails.say(),
        "seed 7: the constraints were not met in 1000 draws"
    );
    let bad = CurriculumErrorKind::BadExpression {
        text: "1/0".into(),
        error: ExprError::Arithmetic(
            masterly_core::content::rational::ArithmeticError::DivisionByZero,
        ),
    };
    assert_eq!(bad.say(), "\"1/0\" does not parse: division by zero");
}

#[test]
fn weak_evidence_is_said_with_its_figures_in_percent() {
    let weak = CurriculumErrorKind::WeakEvidence {
        objective: "u1-o1".into(),
        guess_passes: 125,
        precision: 875,
    };
    let said = weak.say();
    assert!(said.starts_with("objective \"u1-o1\": blind guessing passes its part of the unit test 12.5% of the time"), "{said}");
    assert!(
        said.contains("only 87.5% of its \"Mastered\" would be right (below 90%)"),
        "{said}"
    );
}

#[test]
fn a_catalog_entry_given_half_is_named_by_its_index_and_file() {
    let text = r#"{"format":"masterly-catalog","curricula":[{"file":"a.json","id":"a"}]}"#;
    let error = parse_catalog(text).err();
    assert_eq!(
        error,
        Some(CatalogError::HalfListed {
            index: 0,
            file: "a.json".into()
        })
    );
    assert!(error
        .map(|e| e.say())
        .is_some_and(|m| m.starts_with("curricula[0]: \"a.json\" gives only one")));
}

#[test]
fn the_roster_names_the_line_of_an_unusable_nickname() {
    let refused = RosterError::UnusableNickname {
        line: 2,
        text: "<b>Eve</b>".into(),
    };
    assert_eq!(
        refused.say(),
        "line 2: \"<b>Eve</b>\" is not a usable nickname: use 1 to 40 characters, without < > or control characters"
    );
}

#[test]
fn stored_progress_of_another_learner_names_the_learner_and_curriculum() {
    let other = StoredError::OtherOwner {
        learner: "l-1".into(),
        curriculum: "c".into(),
    };
    assert_eq!(
        other.say(),
        "the saved progress belongs to learner \"l-1\" and curriculum \"c\""
    );
}

#[test]
fn an_absurdly_large_progress_file_is_said_with_its_size() {
    let text = format!(
        "{{\"format\":\"masterly-progress\",\"pad\":\"{}\"}}",
        "x".repeat(33 * 1024 * 1024)
    );
    let errors = load_progress(&text).err().unwrap_or_default();
    let found = text.len();
    assert!(matches!(
        errors.first().map(|e| &e.kind),
        Some(ProgressErrorKind::File(FileProblem::Limit(
            LimitError::TooLarge { .. }
        )))
    ));
    assert!(
        errors[0]
            .say()
            .starts_with(&format!("the file is {found} bytes; ")),
        "{}",
        errors[0].say()
    );
}

#[test]
fn every_truncation_of_a_valid_curriculum_is_refused_with_something_to_say() {
    let bytes = EXAMPLE.as_bytes();
    let mut refused = 0;
    for end in (0..bytes.len()).step_by(13) {
        let prefix = String::from_utf8_lossy(&bytes[..end]);
        if let Err(errors) = load_curriculum(&prefix) {
            assert!(errors.0.iter().all(|e| !e.say().is_empty()), "{errors:?}");
            assert!(!errors.say().is_empty());
            refused += 1;
        }
    }
    assert!(refused > 100, "only {refused} truncations refused");
}

#[test]
fn an_expression_mistake_quotes_what_was_found_where() {
    use masterly_core::content::expr::Expr;
    let said = |text: &str| Expr::parse(text).err().map(|error| error.say());
    assert_eq!(
        said("a + * b").as_deref(),
        Some("at character 5: expected a number, a name or \"(\", found \"*\"")
    );
    assert_eq!(
        said("(a + b").as_deref(),
        Some("at character 7: expected \")\", found the end")
    );
    assert_eq!(
        said("a 3/4").as_deref(),
        Some("at character 3: expected an operator or the end, found number 3")
    );
    assert_eq!(
        said("gcd(4)").as_deref(),
        Some("gcd() takes 2 argument(s), found 1")
    );
}

#[test]
fn a_count_out_of_range_says_its_range() {
    use masterly_core::content::curriculum::{Count, MAX_ITEMS};
    let too_many = CurriculumErrorKind::CountOutOfRange {
        what: Count::Items,
        found: MAX_ITEMS + 1,
    };
    assert_eq!(MAX_ITEMS, 50_000, "the sentence says \"at most 50,000\"");
    assert_eq!(
        too_many.say(),
        "the number of items in the curriculum is 50001, expected at most 50,000"
    );
}
