//! What each fuzz target does with its input: one function per target, shared by
//! the fuzz targets in `fuzz/fuzz_targets/` (each includes this file with
//! `#[path]`) and by `tests/it/fuzz_corpus.rs`, which replays the saved corpus on the
//! stable compiler. A panic, or an assertion below that fails, is a finding.
//!
//! Inputs are bytes; text is read as UTF-8 with invalid bytes replaced. Where a
//! target needs more than the text (seeds, a response, a time zone), it takes them
//! from a generator seeded with the input's FNV-1a hash or from leading bytes, so
//! the same input always does the same thing.

use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::content::expr::{Expr, ExprError, Value};
use masterly_core::content::item::{
    describe_answer, interpolate, judge, model_answer, normalise_text, wrong_answer, CompiledItem,
    Derived, Expected, Item, ItemInstance, ItemKind, Response, ResponseError, Template, Variable,
};
use masterly_core::content::markdown::{
    parse_markdown, plain_text, safe_image, safe_link, Block, Inline,
};
use masterly_core::content::rational::{parse_number, Rational};
use masterly_core::content::rng::{fnv1a64, SplitMix64};
use masterly_core::content::written_fraction::{text_pieces, TextPiece};
use masterly_core::device::profiles::{Profiles, PROFILES_KIND};
use masterly_core::device::store::{self, Envelope, Loaded, StoreError, ENVELOPE_VERSION};
use masterly_core::device::workbook::{
    archive_from_stored, archive_to_stored, Workbook, ARCHIVE_KIND, WORKBOOK_KIND,
};
use masterly_core::format::catalog::parse_catalog;
use masterly_core::format::class_file::{load_class_file, recommend_course};
use masterly_core::format::files::{read_masterly_file, MasterlyFile};
use masterly_core::format::limits::check_json_limits;
use masterly_core::format::objects_only;
use masterly_core::format::progress::{
    load_progress, load_progress_quickly, CurriculumCheck, ProgressBundle, PROGRESS_LIMITS,
};
use masterly_core::format::progress_reader::read_progress_as_written;
use masterly_core::teacher::class::{ClassReports, Report};
use masterly_core::teacher::import::{import_progress_file, FileOutcome};
use masterly_core::teacher::reports::ClassRecord;
use std::borrow::Cow;
use std::sync::OnceLock;

/// What a target does with one input.
pub type Entry = fn(&[u8]);

/// Every target, by the name of its folder in `fuzz/corpus/`.
pub const TARGETS: [(&str, Entry); 8] = [
    ("curriculum", curriculum),
    ("progress", progress),
    ("class_file", class_file),
    ("catalog", catalog),
    ("expr", expr),
    ("markdown", markdown),
    ("responses", responses),
    ("stored", stored),
];

fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A value as the app writes it (compact JSON).
fn write(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|error| panic!("not written: {error}"))
}

fn generator(data: &[u8]) -> SplitMix64 {
    SplitMix64::new(fnv1a64(data))
}

/// The curricula of the repository, loaded once: the format reference, the bundled
/// curricula and the fixture curriculum the progress fixtures belong to.
fn known_curricula() -> &'static [Curriculum] {
    static KNOWN: OnceLock<Vec<Curriculum>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        [
            include_str!("../../../../../docs/examples/curriculum.json"),
            include_str!("../../../../../curricula/demo.json"),
            include_str!("../../../../../curricula/fractions.json"),
            include_str!("../../fixtures/curricula/good/minimal.json"),
        ]
        .iter()
        .map(|text| {
            load_curriculum(text)
                .unwrap_or_else(|errors| panic!("a known curriculum: {errors:?}"))
                .curriculum
        })
        .collect()
    })
}

fn items(curriculum: &Curriculum) -> impl Iterator<Item = &Item> {
    curriculum
        .units()
        .flat_map(|(_, unit)| &unit.objectives)
        .flat_map(|objective| &objective.items)
}

// ------------------------------------------------------------------ curriculum

/// Items of a loaded curriculum drawn per input, and seeds per item.
const ITEMS_DRAWN: usize = 24;
const SEEDS_PER_ITEM: usize = 3;

/// `load_curriculum`; a curriculum that loads is written back and loads the same,
/// every item compiles, and instances of some of its items, at seed 0 and at random
/// seeds, are judged: the model answer right, responses of every kind without panic.
pub fn curriculum(data: &[u8]) {
    let text = text(data);
    let loaded = match load_curriculum(&text) {
        Ok(loaded) => loaded,
        Err(errors) => {
            assert!(!errors.0.is_empty(), "refused without a reason");
            return;
        }
    };
    let written = write(&loaded.curriculum);
    assert_eq!(
        load_curriculum(&written).as_ref(),
        Ok(&loaded),
        "written back, the curriculum loads otherwise"
    );
    let _ = loaded.curriculum.content_hash();
    let all: Vec<&Item> = items(&loaded.curriculum).collect();
    let mut rng = generator(data);
    let chosen: Vec<&Item> = if all.len() <= ITEMS_DRAWN {
        all
    } else {
        (0..ITEMS_DRAWN)
            .map(|_| all[rng.below(all.len() as u64) as usize])
            .collect()
    };
    for item in chosen {
        let compiled = CompiledItem::compile(item)
            .unwrap_or_else(|e| panic!("{}: loaded, but does not compile: {e:?}", item.id));
        let seeds = std::iter::once(0).chain((1..SEEDS_PER_ITEM).map(|_| rng.next_u64()));
        for seed in seeds.collect::<Vec<_>>() {
            match compiled.instance(seed) {
                Ok(instance) => {
                    let key = compiled.key(seed);
                    assert_eq!(key, Ok(instance.key()), "{}: keys differ", item.id);
                    check_instance(&instance, &mut rng);
                }
                // A template may fail at a seed validation did not try (the
                // constraints unmet, a division by zero); a fixed item has one
                // instance, checked when the curriculum loaded.
                Err(error) => assert!(
                    item.template.is_some(),
                    "{}: a fixed item fails at seed {seed}: {error:?}",
                    item.id
                ),
            }
        }
    }
}

/// The model answer is right; a wrong answer is wrong where one exists; responses
/// of every kind, right or not, are judged without panic.
fn check_instance(instance: &ItemInstance, rng: &mut SplitMix64) {
    let id = &instance.item_id;
    let seed = instance.seed;
    let right = model_answer(instance);
    let judged = judge(instance, &right);
    assert!(
        judged.as_ref().is_ok_and(|j| j.correct),
        "{id} at seed {seed}: the model answer {right:?} is judged {judged:?}"
    );
    let _ = describe_answer(instance);
    let wrong = wrong_answer(instance);
    let judged = judge(instance, &wrong);
    let surely_wrong = match &instance.expected {
        // A loaded item has 2 to 8 choices, so the next one is another.
        Expected::Single(_) => true,
        // One more than the answer plus the tolerance, unless that overflowed.
        Expected::Numeric { value, tolerance } => value
            .checked_add(*tolerance)
            .and_then(|v| v.checked_add(Rational::ONE))
            .is_ok(),
        _ => false,
    };
    if surely_wrong {
        assert!(
            judged.as_ref().is_ok_and(|j| !j.correct),
            "{id} at seed {seed}: the wrong answer {wrong:?} is judged {judged:?}"
        );
    }
    for _ in 0..4 {
        let response = random_response(instance, rng);
        let judged = judge(instance, &response);
        check_judgement(instance, &response, &judged);
    }
}

/// A response of a random kind (mostly the instance's own), with random content
/// near the expected answer.
fn random_response(instance: &ItemInstance, rng: &mut SplitMix64) -> Response {
    let choices = instance.choice_feedback.len() as u64;
    let index = |rng: &mut SplitMix64| rng.below(choices + 2) as usize;
    let kind = match (&instance.expected, rng.below(4)) {
        (_, 0) => rng.below(5),
        (Expected::Single(_), _) => 0,
        (Expected::Multiple(_), _) => 1,
        (Expected::Numeric { .. } | Expected::Picture { .. }, _) => 2,
        (Expected::Text { .. }, _) => 3,
        (Expected::Ordering, _) => 4,
    };
    match kind {
        0 => Response::Choice { index: index(rng) },
        1 => Response::Choices {
            indices: (0..rng.below(4)).map(|_| index(rng)).collect(),
        },
        2 => Response::Number {
            text: match &instance.expected {
                Expected::Numeric { value, .. } => match rng.below(5) {
                    0 => value.to_mixed_string(),
                    1 => value.to_decimal_string(),
                    2 => format!(" {} ", value.checked_neg().unwrap_or(*value)),
                    3 => format!("{}.", value.floor()),
                    _ => (rng.next_u64() as i64 % 1000).to_string(),
                },
                _ => "3/4".to_string(),
            },
        },
        3 => Response::Text {
            text: match &instance.expected {
                Expected::Text { accepted, .. } if rng.below(2) == 0 => {
                    let pick = accepted[rng.below(accepted.len() as u64) as usize].clone();
                    format!("  {pick} .")
                }
                _ => "not this".to_string(),
            },
        },
        _ => {
            let mut order: Vec<usize> = (0..instance.sequence.len()).collect();
            rng.shuffle(&mut order);
            if rng.below(4) == 0 {
                order.push(rng.below(12) as usize);
            }
            Response::Order { order }
        }
    }
}

/// What must hold of any judgement, whatever the response.
fn check_judgement(
    instance: &ItemInstance,
    response: &Response,
    judged: &Result<masterly_core::content::item::Judgement, ResponseError>,
) {
    let id = &instance.item_id;
    let seed = instance.seed;
    let kind_matches = matches!(
        (&instance.expected, response),
        (Expected::Single(_), Response::Choice { .. })
            | (Expected::Multiple(_), Response::Choices { .. })
            | (Expected::Numeric { .. }, Response::Number { .. })
            | (Expected::Picture { .. }, Response::Number { .. })
            | (Expected::Text { .. }, Response::Text { .. })
            | (Expected::Ordering, Response::Order { .. })
    );
    if !kind_matches {
        assert!(
            matches!(judged, Err(ResponseError::WrongKind { .. })),
            "{id} at seed {seed}: {response:?} of another kind is judged {judged:?}"
        );
        return;
    }
    match (&instance.expected, response) {
        (Expected::Single(correct), Response::Choice { index })
            if *index < instance.choice_feedback.len() =>
        {
            assert_eq!(
                judged.as_ref().map(|j| j.correct).ok(),
                Some(index == correct),
                "{id} at seed {seed}: choice {index}"
            );
        }
        (Expected::Numeric { value, tolerance }, Response::Number { text }) => {
            if let Some(given) = parse_number(text) {
                // Right exactly when within the tolerance: known when the number is
                // the answer, or when their difference can be computed.
                let near = match given.checked_sub(*value) {
                    _ if given == *value => Some(true),
                    Ok(distance) => Some(distance.abs() <= *tolerance),
                    Err(_) => None,
                };
                let correct = judged.as_ref().map(|j| j.correct);
                assert!(
                    correct.is_ok() && near.is_none_or(|near| correct == Ok(near)),
                    "{id} at seed {seed}: \"{text}\" reads as {given}, the answer is \
                     {value}, judged {judged:?}"
                );
            } else {
                assert!(
                    judged.is_err(),
                    "{id}: \"{text}\" is no number, judged {judged:?}"
                );
            }
        }
        (Expected::Ordering, Response::Order { order }) => {
            let entries = instance.sequence.len();
            let arrangement =
                order.len() == entries && (0..entries).all(|entry| order.contains(&entry));
            assert_eq!(judged.is_ok(), arrangement, "{id}: {order:?}");
        }
        _ => {}
    }
}

// -------------------------------------------------------------------- progress

/// Files of a class read from one input, separated by NUL characters.
const CLASS_FILES: usize = 8;

/// Input: up to eight progress files, separated by NUL characters. Both readers
/// of each give the same result, and the reader of files as Masterly writes them,
/// when it answers, reads what serde reads. A file that loads is written back as
/// the app writes it and loads the same. The files of the curriculum the first
/// that loads names, if the repository has it, are imported into one class, each
/// twice (the second adds nothing), and every report of every course is built
/// with its CSV and each student's family summary.
pub fn progress(data: &[u8]) {
    let text = text(data);
    let files: Vec<&str> = text.split('\0').take(CLASS_FILES).collect();
    let bundles: Vec<ProgressBundle> = files
        .iter()
        .filter_map(|file| progress_file(file))
        .collect();
    let Some(curriculum) = bundles.first().and_then(|bundle| {
        known_curricula()
            .iter()
            .find(|known| known.id == bundle.curriculum.id)
    }) else {
        return;
    };
    let check = CurriculumCheck::new(curriculum);
    let mut class = ClassRecord::default();
    for file in &files {
        if let FileOutcome::Added { .. } = import_progress_file(&mut class, &check, file) {
            match import_progress_file(&mut class, &check, file) {
                FileOutcome::Added { added, .. } => {
                    assert_eq!(added.new_attempts, 0, "a file imported twice adds answers");
                    assert!(!added.new_student, "a file imported twice adds a student");
                }
                FileOutcome::Refused { problems } => {
                    panic!("imported once, refused the second time: {problems:?}")
                }
            }
        }
    }
    // The teacher's clock and time zone: any time from 2026 to about 2060.
    let mut rng = generator(data);
    let now = 1_767_225_600_000 + rng.below(1 << 40) as i64;
    let offset_minutes = rng.below(27 * 60) as i64 - 12 * 60;
    for course in &curriculum.courses {
        let reports = ClassReports::build(curriculum, course, &class, now, offset_minutes);
        for report in Report::ALL {
            let table = reports.table(report);
            assert!(table
                .rows
                .iter()
                .all(|row| row.len() == table.columns.len()));
        }
        for student in &class.students {
            let _ = reports.family_summary(course, &student.learner.id);
        }
    }
}

/// The checks on one progress file; the file, when it loads.
fn progress_file(text: &str) -> Option<ProgressBundle> {
    let slow = load_progress(text);
    let quick = load_progress_quickly(text);
    assert_eq!(quick, slow, "the two readers disagree");
    if let Some(bundle) = read_progress_as_written(text) {
        let by_serde: Result<ProgressBundle, _> = objects_only::from_str(text);
        assert_eq!(
            by_serde.as_ref().ok(),
            Some(&bundle),
            "read as written, but serde reads {by_serde:?}"
        );
        assert!(
            check_json_limits(text, &PROGRESS_LIMITS).is_ok(),
            "read as written, but beyond the limits"
        );
    }
    let bundle = slow.ok()?;
    assert_eq!(
        read_masterly_file(text),
        Ok(MasterlyFile::Progress(bundle.clone())),
        "a progress file read as any file"
    );
    let written = write(&bundle);
    assert_eq!(
        load_progress(&written).as_ref(),
        Ok(&bundle),
        "written back"
    );
    assert_eq!(load_progress_quickly(&written).as_ref(), Ok(&bundle));
    Some(bundle)
}

// ------------------------------------------------------------------ class file

/// `load_class_file`; a file that loads reads the same as any Masterly file, is
/// written back and loads the same, and a course can be recommended to each student.
pub fn class_file(data: &[u8]) {
    let text = text(data);
    let file = match load_class_file(&text) {
        Ok(file) => file,
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a reason");
            return;
        }
    };
    assert_eq!(
        read_masterly_file(&text),
        Ok(MasterlyFile::Class(file.clone())),
        "a class file read as any file"
    );
    assert_eq!(
        load_class_file(&file.to_json()).as_ref(),
        Ok(&file),
        "written back"
    );
    let mut rng = generator(data);
    for _ in &file.students {
        let percentile = (rng.below(4) != 0).then(|| rng.below(101) as u32);
        let _ = recommend_course(&file.curriculum, rng.below(14) as u32, percentile);
    }
}

// --------------------------------------------------------------------- catalog

/// `parse_catalog`; a catalog that reads names only plain sibling files, gives a
/// listing exactly for the entries that name the curriculum and its courses, and
/// written back reads the same.
pub fn catalog(data: &[u8]) {
    let text = text(data);
    let catalog = match parse_catalog(&text) {
        Ok(catalog) => catalog,
        Err(_) => return,
    };
    for entry in &catalog.curricula {
        assert!(entry.file.ends_with(".json"), "{}", entry.file);
        assert!(!entry.file.contains(['/', '\\', ':']), "{}", entry.file);
        assert_eq!(entry.listing().is_some(), entry.id.is_some(), "{entry:?}");
    }
    let written = write(&catalog);
    assert_eq!(parse_catalog(&written), Ok(catalog), "written back");
}

// ------------------------------------------------------------------ expressions

/// Input, line by line: variables (`a=1..9`, `a=1..9..2`, `b=1|2|1/2`, derived
/// `c:=a+b`), an expression, a constraint, and the rest a text with placeholders.
///
/// The expression is parsed by name (`Expr::parse`), by position (`Expr::parse_in`)
/// and in brackets, and each evaluated in a scope of the variables' first values:
/// all three agree. Every number it gives reads back from each way it is written.
/// Then a numeric item is made of it all and drawn at random seeds: an instance's
/// model answer is right, and its prompt is what `interpolate` makes of the text.
pub fn expr(data: &[u8]) {
    let text = text(data);
    let mut lines = text.splitn(4, '\n');
    let declarations = lines.next().unwrap_or_default();
    let expression = lines.next().unwrap_or_default();
    let constraint = lines.next().unwrap_or_default();
    let prompt = lines.next().unwrap_or_default();

    let (variables, derived) = declare(declarations);
    let mut scope: Vec<(String, Rational)> = Vec::new();
    for variable in &variables {
        let first = match (&variable.from, &variable.one_of) {
            (Some(from), _) => Rational::checked_integer(*from).ok(),
            (None, Some(values)) => values.first().and_then(|value| number(value, &[])),
            (None, None) => None,
        };
        scope.push((variable.name.clone(), first.unwrap_or(Rational::ZERO)));
    }
    for derived in &derived {
        let value = number(&derived.value, &scope).unwrap_or(Rational::ZERO);
        scope.push((derived.name.clone(), value));
    }
    let names: Vec<&str> = scope.iter().map(|(name, _)| name.as_str()).collect();

    let by_name = Expr::parse(expression);
    let by_slot = Expr::parse_in(expression, &names);
    let bracketed = Expr::parse(&format!("({expression})"));
    match (&by_name, &by_slot) {
        (Ok(by_name), Ok(by_slot)) => {
            let value = by_name.evaluate(&scope);
            assert_eq!(value, by_slot.evaluate(&scope), "by name and by position");
            if let Ok(Value::Number(number)) = value {
                check_number(number);
            }
            let _ = by_name.variables();
        }
        (Ok(_), Err(ExprError::UnknownVariable(_))) => {}
        (by_name, by_slot) => assert_eq!(
            by_name.is_ok(),
            by_slot.is_ok(),
            "by name {by_name:?}, by position {by_slot:?}"
        ),
    }
    match (&by_name, &bracketed) {
        (Ok(plain), Ok(bracketed)) => assert_eq!(
            plain.evaluate(&scope),
            bracketed.evaluate(&scope),
            "in brackets"
        ),
        (Ok(_), Err(ExprError::TooLong | ExprError::TooDeep)) => {}
        (Ok(_), Err(error)) => panic!("parses, but not in brackets: {error:?}"),
        _ => {}
    }
    let _ = interpolate(prompt, &scope, "prompt");

    let item = Item {
        id: "fuzz".to_string(),
        kind: ItemKind::Numeric,
        prompt: prompt.to_string(),
        choices: None,
        shuffle: true,
        answer: Some(expression.to_string()),
        tolerance: None,
        accepted: None,
        case_sensitive: false,
        sequence: None,
        diagram: None,
        wrong_answers: Vec::new(),
        hints: Vec::new(),
        revealing_hint: None,
        solution: "s".to_string(),
        template: (!variables.is_empty()).then(|| Template {
            variables,
            constraints: (!constraint.trim().is_empty())
                .then(|| constraint.to_string())
                .into_iter()
                .collect(),
            derived,
        }),
    };
    let Ok(compiled) = CompiledItem::compile(&item) else {
        return;
    };
    let mut rng = generator(data);
    for seed in [0, rng.next_u64(), rng.next_u64()] {
        let Ok(instance) = compiled.instance(seed) else {
            continue;
        };
        let right = model_answer(&instance);
        let judged = judge(&instance, &right);
        assert!(
            judged.as_ref().is_ok_and(|j| j.correct),
            "seed {seed}: the model answer {right:?} is judged {judged:?}"
        );
        if item.template.is_some() {
            assert_eq!(
                interpolate(&item.prompt, &instance.values, "prompt"),
                Ok(instance.prompt.clone()),
                "seed {seed}: the prompt drawn and the prompt interpolated"
            );
        }
    }
}

/// The variables and derived values declared on the first line.
fn declare(line: &str) -> (Vec<Variable>, Vec<Derived>) {
    let mut variables = Vec::new();
    let mut derived = Vec::new();
    for word in line.split_whitespace().take(8) {
        if let Some((name, value)) = word.split_once(":=") {
            derived.push(Derived {
                name: name.to_string(),
                value: value.to_string(),
            });
            continue;
        }
        let Some((name, value)) = word.split_once('=') else {
            continue;
        };
        let mut variable = Variable {
            name: name.to_string(),
            from: None,
            to: None,
            step: None,
            one_of: None,
        };
        let range: Vec<&str> = value.split("..").collect();
        match range[..] {
            [from, to] | [from, to, _] => {
                variable.from = from.parse().ok();
                variable.to = to.parse().ok();
                variable.step = range.get(2).and_then(|step| step.parse().ok());
            }
            _ => variable.one_of = Some(value.split('|').map(str::to_string).collect()),
        }
        variables.push(variable);
    }
    (variables, derived)
}

fn number(text: &str, scope: &[(String, Rational)]) -> Option<Rational> {
    Expr::parse(text).ok()?.number(scope).ok()
}

/// A number reads back from its fraction, mixed and decimal forms, as a student
/// would type them (the model answer of a numeric item is the first).
fn check_number(number: Rational) {
    for written in [
        number.to_string(),
        number.to_mixed_string(),
        number.to_decimal_string(),
    ] {
        assert_eq!(
            parse_number(&written),
            Some(number),
            "{number:?} written \"{written}\" does not read back"
        );
    }
}

// --------------------------------------------------------------------- markdown

/// `parse_markdown` and `plain_text`; every link in the tree is one `safe_link`
/// allows and every image one `safe_image` allows, and whatever `safe_link` allows
/// is an https or mailto address without spaces, quotes or angle brackets.
pub fn markdown(data: &[u8]) {
    let text = text(data);
    let blocks = parse_markdown(&text);
    let _ = plain_text(&blocks, &|diagram| diagram.to_string());
    for block in &blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => check_inlines(inlines),
            Block::List { items, .. } => items.iter().for_each(|item| check_inlines(item)),
            // A picture read is drawn and described without panicking, and reads
            // back the same from its own syntax.
            Block::Diagram(diagram) => {
                use masterly_core::content::picture::{
                    partition_range, partitioned, shading, stops,
                };
                let _ = masterly_core::content::picture::draw(diagram);
                let _ = masterly_core::content::picture::describe(diagram);
                // What the players use: stops in order, a shading's response for
                // every count, every cut the buttons may offer.
                let stops = stops(diagram);
                assert!(stops
                    .windows(2)
                    .all(|pair| pair[0].value < pair[1].value && pair[0].x <= pair[1].x));
                if let Some(parts) = shading(diagram) {
                    for count in 0..=parts.parts {
                        let _ = parts.response(count);
                    }
                }
                for cut in partition_range(diagram).into_iter().flatten() {
                    if let Some(cut) = partitioned(diagram, cut) {
                        let _ = masterly_core::content::picture::draw(&cut);
                    }
                }
                assert_eq!(
                    masterly_core::content::picture::parse_diagram(&diagram.to_string()).as_ref(),
                    Ok(diagram)
                );
            }
            Block::BadDiagram(_) => {}
        }
    }
    for target in std::iter::once(text.as_ref()).chain(text.split_whitespace()) {
        if safe_link(target) {
            let lower = target.to_ascii_lowercase();
            assert!(lower.starts_with("https://") || lower.starts_with("mailto:"));
            assert!(!target
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || "\"<>".contains(c)));
        }
        let _ = safe_image(target);
    }
}

fn check_inlines(inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => check_fractions(text),
            Inline::Code(_) => {}
            Inline::Strong(inner) | Inline::Emphasis(inner) => check_inlines(inner),
            Inline::Link { href, text } => {
                assert!(safe_link(href), "an unsafe link was kept: {href}");
                check_inlines(text);
            }
            Inline::Image { src, .. } => {
                assert!(safe_image(src), "an unsafe image was kept: {src}")
            }
        }
    }
}

/// The pieces of running text say it all, in order: words as written, and each
/// fraction's two parts, whole numbers or a bracketed expression, without a slash,
/// after its whole number and a space when it is a mixed number.
fn check_fractions(text: &str) {
    let mut rest = text;
    for piece in text_pieces(text) {
        match piece {
            TextPiece::Words(words) => {
                rest = rest
                    .strip_prefix(words)
                    .expect("words are the text as written");
            }
            TextPiece::Fraction {
                whole,
                numerator,
                denominator,
            } => {
                if let Some(whole) = whole {
                    assert!(!whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()));
                    rest = rest
                        .strip_prefix(whole)
                        .and_then(|rest| rest.strip_prefix(' '))
                        .expect("a whole number and a space before the fraction");
                }
                for part in [numerator, denominator] {
                    assert!(
                        !part.is_empty() && !part.contains('/'),
                        "{part:?} in {text:?}"
                    );
                }
                // Each part as written: the digits, or the expression in brackets.
                let written = |written: &str, part: &str| {
                    written == part
                        || written
                            .strip_prefix('(')
                            .and_then(|inner| inner.strip_suffix(')'))
                            .is_some_and(|inner| inner.trim() == part)
                };
                let (before, after) = rest.split_once('/').expect("a fraction has a slash");
                assert!(
                    written(before, numerator),
                    "{before:?} for {numerator:?} in {text:?}"
                );
                let length = if after.starts_with('(') {
                    after.find(')').expect("a closing bracket") + 1
                } else {
                    denominator.len()
                };
                assert!(written(&after[..length], denominator), "{text:?}");
                rest = &after[length..];
            }
        }
    }
    assert!(rest.is_empty(), "{rest:?} of {text:?} is in no piece");
}

// -------------------------------------------------------------------- responses

/// Input: two bytes choose an item of the repository's curricula, eight more the
/// seed, one the kind of response, and the rest is the response (text, or bytes as
/// indices). The response is judged with what must hold of any judgement; the rest
/// also goes through `parse_number` (a number read back from each way it is
/// written) and `normalise_text` (normalising twice changes nothing more).
pub fn responses(data: &[u8]) {
    let (head, payload) = data.split_at(data.len().min(11));
    let payload_text = text(payload);
    if let Some(number) = parse_number(&payload_text) {
        check_number(number);
    }
    for case_sensitive in [false, true] {
        let once = normalise_text(&payload_text, case_sensitive);
        assert_eq!(
            normalise_text(&once, case_sensitive),
            once,
            "normalising \"{payload_text}\" twice"
        );
    }
    let mut head = head.to_vec();
    head.resize(11, 0);
    let all: Vec<&Item> = known_curricula().iter().flat_map(items).collect();
    let item = all[usize::from(u16::from_le_bytes([head[0], head[1]])) % all.len()];
    let seed = u64::from_le_bytes(head[2..10].try_into().unwrap_or_default());
    let Ok(instance) = ItemInstance::generate(item, seed) else {
        return;
    };
    let right = model_answer(&instance);
    assert!(
        judge(&instance, &right).is_ok_and(|j| j.correct),
        "{} at seed {seed}: the model answer {right:?} is wrong",
        item.id
    );
    let indices = || payload.iter().map(|&b| usize::from(b)).collect::<Vec<_>>();
    let text = payload_text.to_string();
    let own_kind = match instance.expected {
        Expected::Single(_) => 0,
        Expected::Multiple(_) => 1,
        Expected::Numeric { .. } | Expected::Picture { .. } => 2,
        Expected::Text { .. } => 3,
        Expected::Ordering => 4,
    };
    let kind = match head[10] % 8 {
        kind @ 0..=4 => kind,
        _ => own_kind,
    };
    let response = match kind {
        0 => Response::Choice {
            index: payload.first().map_or(usize::MAX, |&b| usize::from(b)),
        },
        1 => Response::Choices { indices: indices() },
        2 => Response::Number { text },
        3 => Response::Text { text },
        _ => Response::Order { order: indices() },
    };
    let judged = judge(&instance, &response);
    check_judgement(&instance, &response, &judged);
}

// ----------------------------------------------------------------------- stored

/// The kinds of stored value the app keeps, each in an envelope.
const KINDS: [&str; 5] = [
    WORKBOOK_KIND,
    ARCHIVE_KIND,
    PROFILES_KIND,
    "curriculum",
    "imported-curricula",
];

/// Input: a key's current slot, then (after a NUL character, if any) its previous
/// slot. `store::open`, `store::load` and `store::plan_write` for every kind the app
/// stores, each by the rules `store.rs` states; and the payload of whatever opens,
/// and the raw text too, read as a workbook, an archive and a learner list, each of
/// which reads back the same once written, and a workbook is then used as the app
/// uses it.
pub fn stored(data: &[u8]) {
    let text = text(data);
    let (current, previous) = match text.split_once('\0') {
        Some((current, previous)) => (current, Some(previous)),
        None => (text.as_ref(), None),
    };
    let mut payloads = vec![current.to_string()];
    for kind in KINDS {
        let opened = store::open(current, kind);
        if let Ok(envelope) = &opened {
            check_envelope(envelope, kind);
            payloads.push(envelope.payload.clone());
        }
        let loaded = store::load(Some(current), previous, kind);
        let previous_opened = previous.map(|previous| store::open(previous, kind));
        match (&opened, &loaded) {
            (Ok(envelope), Loaded::Current(used)) => assert_eq!(used, envelope),
            (Err(StoreError::NewerVersion { .. }), Loaded::Unreadable { damaged, .. }) => {
                assert_eq!(damaged, current)
            }
            (
                Err(problem),
                Loaded::Restored {
                    envelope,
                    damaged,
                    problem: said,
                },
            ) => {
                assert!(!matches!(problem, StoreError::NewerVersion { .. }));
                assert_eq!((problem, damaged.as_str()), (said, current));
                assert_eq!(previous_opened.as_ref(), Some(&Ok(envelope.clone())));
            }
            (
                Err(problem),
                Loaded::Unreadable {
                    damaged,
                    problem: said,
                },
            ) => {
                assert_eq!((problem, damaged.as_str()), (said, current));
                assert!(
                    !matches!(previous_opened, Some(Ok(_))),
                    "a good copy not used"
                );
            }
            (opened, loaded) => panic!("{kind}: opened {opened:?}, loaded {loaded:?}"),
        }
        match (store::load(None, Some(current), kind), &opened) {
            (Loaded::Current(used), Ok(envelope)) => assert_eq!(&used, envelope),
            (Loaded::Unreadable { problem, .. }, Err(said)) => assert_eq!(&problem, said),
            (loaded, opened) => panic!("{kind}, previous slot alone: {loaded:?}, {opened:?}"),
        }
        assert_eq!(
            store::plan_write(Some(current), kind).copy_current_to_previous,
            opened.is_ok()
        );
    }
    for payload in &payloads {
        stored_workbook(payload);
        if let Ok(archive) = archive_from_stored(payload) {
            let written = archive_to_stored(&archive);
            assert_eq!(
                archive_from_stored(&written),
                Ok(archive),
                "an archive written back"
            );
        }
        if let Ok(profiles) = Profiles::from_stored(payload) {
            let written = profiles.to_stored();
            assert_eq!(
                Profiles::from_stored(&written).as_ref(),
                Ok(&profiles),
                "a learner list written back"
            );
            let _ = profiles.current();
            let mut merged = Profiles::default();
            merged.merge_from(&profiles);
            for profile in &profiles.profiles {
                let _ = merged.by_nickname(&profile.learner.nickname);
                let _ = merged.select(&profile.learner.id);
            }
        }
    }
}

/// An envelope that opens is of its kind, not newer than this Masterly, with the
/// checksum of its payload; sealed again it opens the same, in today's version.
fn check_envelope(envelope: &Envelope, kind: &str) {
    assert_eq!(envelope.kind, kind);
    assert!(envelope.version <= ENVELOPE_VERSION);
    assert_eq!(store::checksum(&envelope.payload), envelope.checksum);
    let sealed = store::seal(
        kind,
        &envelope.payload,
        envelope.saved_at,
        envelope.generation,
    );
    assert_eq!(
        store::open(&sealed, kind),
        Ok(Envelope {
            version: ENVELOPE_VERSION,
            ..envelope.clone()
        }),
        "sealed again"
    );
}

/// A stored workbook is refused for another learner, reads back the same once
/// written, and takes what the app does with one: the sitting's current item,
/// hints, answers, moving on, pausing, merging a copy, saving beside an archive.
fn stored_workbook(text: &str) {
    let Ok(workbook) = objects_only::from_str::<Workbook>(text) else {
        return;
    };
    let (learner, curriculum) = (&workbook.learner.id, &workbook.curriculum.id);
    assert_eq!(
        Workbook::from_stored(text, learner, curriculum).as_ref(),
        Ok(&workbook)
    );
    let other = format!("{learner}-other");
    assert!(Workbook::from_stored(text, &other, curriculum).is_err());
    let written = workbook.to_stored();
    assert_eq!(
        Workbook::from_stored(&written, learner, curriculum).as_ref(),
        Ok(&workbook),
        "a workbook written back"
    );
    let mut used = workbook.clone();
    if let Some(sitting) = &used.sitting {
        let _ = sitting.current();
        let _ = sitting.is_last();
    }
    used.show_hint(3);
    if let Some(attempt) = workbook.attempts.last() {
        used.record(attempt.clone());
    }
    used.try_again();
    used.advance();
    used.pause_sitting();
    for entry in &workbook.activity {
        used.add_active_seconds(entry.day, entry.seconds);
    }
    used.merge_from(&workbook);
    let archived = workbook
        .attempts
        .iter()
        .take(1)
        .map(|attempt| attempt.id.clone())
        .collect();
    let _ = used.to_stored_beside(&archived);
    let _ = masterly_core::device::workbook::score_by_objective(
        &used.attempts.iter().collect::<Vec<_>>(),
    );
}
