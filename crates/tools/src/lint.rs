//! The content linter: what a careful teacher would notice in a curriculum that
//! loads without errors. It draws many versions of every templated item and reports,
//! each with its JSON path and the item's or objective's id: answers that never
//! change, choices that read or count the same, versions that look alike but count
//! as different, denominators outside the course's band, "1 pizzas", unsimplified
//! fractions in prose, a misconception's feedback on an item of another operation,
//! wrong choices without feedback, thin objectives, and objectives a blind guess
//! passes too often. Findings an author reviewed and kept are listed in the file's
//! `reviewed` (docs/curriculum-format.md); the linter leaves those out and reports a
//! `reviewed` entry that no longer matches anything.

use masterly_core::content::curriculum::evidence::unit_test_strength;
use masterly_core::content::curriculum::{Course, Curriculum, Misconception, Objective};
use masterly_core::content::item::{CompiledItem, Expected, InstanceError, Item, ItemInstance};
use masterly_core::content::rational::parse_number;
use masterly_core::content::written_fraction::{text_pieces, TextPiece};
use masterly_text::Say;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A blind guess passing a check's part for one objective more often than this
/// (in percent) is reported.
pub const GUESS_PASSES_AT_MOST_PERCENT: f64 = 5.0;
/// Objectives need at least this many items (templates) and two kinds.
pub const MIN_TEMPLATES: usize = 3;

/// Every check, by the name the linter prints and `reviewed` entries use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    LoaderWarning,
    VersionFails,
    AnswerNeverChanges,
    WrongAnswerRight,
    SameChoices,
    LookAlikeVersions,
    OutsideBand,
    NumberAgreement,
    UnsimplifiedFraction,
    OffOperation,
    SilentWrongChoice,
    FewTemplates,
    OneItemKind,
    Guessable,
    ReviewedNotFound,
}

impl Check {
    pub const ALL: [Check; 15] = [
        Check::LoaderWarning,
        Check::VersionFails,
        Check::AnswerNeverChanges,
        Check::WrongAnswerRight,
        Check::SameChoices,
        Check::LookAlikeVersions,
        Check::OutsideBand,
        Check::NumberAgreement,
        Check::UnsimplifiedFraction,
        Check::OffOperation,
        Check::SilentWrongChoice,
        Check::FewTemplates,
        Check::OneItemKind,
        Check::Guessable,
        Check::ReviewedNotFound,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Check::LoaderWarning => "loader-warning",
            Check::VersionFails => "version-fails",
            Check::AnswerNeverChanges => "answer-never-changes",
            Check::WrongAnswerRight => "wrong-answer-right",
            Check::SameChoices => "same-choices",
            Check::LookAlikeVersions => "look-alike-versions",
            Check::OutsideBand => "outside-band",
            Check::NumberAgreement => "number-agreement",
            Check::UnsimplifiedFraction => "unsimplified-fraction",
            Check::OffOperation => "off-operation",
            Check::SilentWrongChoice => "silent-wrong-choice",
            Check::FewTemplates => "few-templates",
            Check::OneItemKind => "one-item-kind",
            Check::Guessable => "guessable",
            Check::ReviewedNotFound => "reviewed-not-found",
        }
    }

    /// What the check looks for, for `--help` and the docs.
    pub fn meaning(self) -> &'static str {
        match self {
            Check::LoaderWarning => "a warning of the loader (the file loads, but an author should look)",
            Check::AnswerNeverChanges => "a templated item whose answer is the same in every version, so the question's shape gives it away",
            Check::VersionFails => "a seed whose version cannot be made: a picture that cannot be drawn, a value that cannot be computed, or constraints never met for more than 1 seed in 100 (the loader tries fewer seeds)",
            Check::WrongAnswerRight => "a listed wrong answer that is right in some version (the loader tries fewer versions)",
            Check::SameChoices => "two choices that read the same or are the same number, or a wrong choice worth the answer",
            Check::LookAlikeVersions => "two versions that show the same text but count as different questions",
            Check::OutsideBand => "a fraction whose denominator is outside the course's `denominators`",
            Check::NumberAgreement => "a plural noun after the number 1 (\"1 pizzas\")",
            Check::UnsimplifiedFraction => "a fraction not in simplest form in a prompt about something other than equivalence",
            Check::OffOperation => "a misconception whose feedback names an operation the item does not ask for",
            Check::SilentWrongChoice => "a wrong choice with neither feedback nor a misconception",
            Check::FewTemplates => "an objective with fewer than three items",
            Check::OneItemKind => "an objective whose items are all of one kind",
            Check::Guessable => "an objective where blind guessing passes a check or the unit test more than 5% of the time",
            Check::ReviewedNotFound => "a `reviewed` entry that matches no finding",
        }
    }

    pub fn named(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|check| check.name() == name)
    }
}

/// One thing to look at: which check, where (a JSON path), about which id, and what.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub check: Check,
    pub path: String,
    pub id: String,
    pub message: String,
}

/// How thoroughly to look.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Seeds drawn per templated item (versions that repeat are counted once).
    pub seeds: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { seeds: 1000 }
    }
}

/// The findings for a loaded curriculum, in file order, without the ones its
/// `reviewed` list keeps; `warnings` are the loader's.
pub fn lint(
    curriculum: &Curriculum,
    warnings: &[(String, String)],
    options: Options,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = warnings
        .iter()
        .map(|(path, message)| Finding {
            check: Check::LoaderWarning,
            path: path.clone(),
            id: String::new(),
            message: message.clone(),
        })
        .collect();
    for (c, course) in curriculum.courses.iter().enumerate() {
        for (u, unit) in course.units.iter().enumerate() {
            for (o, objective) in unit.objectives.iter().enumerate() {
                let path = format!("$.courses[{c}].units[{u}].objectives[{o}]");
                lint_objective(curriculum, course, objective, &path, options, &mut findings);
            }
        }
    }
    let mut kept = Vec::new();
    let mut used = vec![false; curriculum.reviewed.len()];
    for finding in findings {
        match curriculum
            .reviewed
            .iter()
            .position(|r| r.check == finding.check.name() && r.id == finding.id)
        {
            Some(index) => used[index] = true,
            None => kept.push(finding),
        }
    }
    for (index, reviewed) in curriculum.reviewed.iter().enumerate() {
        if !used[index] {
            let known = Check::named(&reviewed.check).is_some();
            kept.push(Finding {
                check: Check::ReviewedNotFound,
                path: format!("$.reviewed[{index}]"),
                id: reviewed.id.clone(),
                message: if known {
                    format!(
                        "\"{}\" finds nothing on \"{}\" any more: remove the entry",
                        reviewed.check, reviewed.id
                    )
                } else {
                    format!("there is no check named \"{}\"", reviewed.check)
                },
            });
        }
    }
    kept
}

/// Records findings at one JSON path, about one id.
fn reporter<'a>(
    findings: &'a mut Vec<Finding>,
    path: &'a str,
    id: &'a str,
) -> impl FnMut(Check, String) + 'a {
    move |check, message| {
        findings.push(Finding {
            check,
            path: path.to_string(),
            id: id.to_string(),
            message,
        })
    }
}

fn lint_objective(
    curriculum: &Curriculum,
    course: &Course,
    objective: &Objective,
    path: &str,
    options: Options,
    findings: &mut Vec<Finding>,
) {
    let mut at = reporter(findings, path, &objective.id);
    if objective.items.len() < MIN_TEMPLATES {
        at(
            Check::FewTemplates,
            format!(
                "{} item(s); every check shows the same question types (at least {MIN_TEMPLATES})",
                objective.items.len()
            ),
        );
    }
    let kinds: BTreeSet<&str> = objective.items.iter().map(|i| i.kind.name()).collect();
    if kinds.len() == 1 && objective.items.len() > 1 {
        at(
            Check::OneItemKind,
            format!("every item is {}", kinds.iter().next().unwrap_or(&"")),
        );
    }
    let mastery = &curriculum.mastery;
    for (what, asked) in [
        ("a check", mastery.formative_items_per_objective),
        ("the unit test", mastery.unit_test_items_per_objective),
    ] {
        let bar = curriculum
            .units()
            .find(|(_, unit)| unit.objectives.iter().any(|o| o.id == objective.id))
            .map_or(mastery.bar_percent, |(_, unit)| {
                curriculum.bar_percent(unit)
            });
        if let Some(strength) = unit_test_strength(objective, asked, bar) {
            if strength.guess_passes_percent > GUESS_PASSES_AT_MOST_PERCENT {
                at(
                    Check::Guessable,
                    format!(
                        "blind guessing passes {what} ({asked} items at {bar}%) {:.1}% of the time",
                        strength.guess_passes_percent
                    ),
                );
                break;
            }
        }
    }
    for text in [&objective.lesson.body]
        .into_iter()
        .chain(objective.correctives.iter().map(|c| &c.body))
    {
        if let Some(outside) = outside_band(course, text) {
            at(
                Check::OutsideBand,
                format!("the lesson or a corrective writes {outside}"),
            );
            break;
        }
    }
    drop(at);
    for (i, item) in objective.items.iter().enumerate() {
        let item_path = format!("{path}.items[{i}]");
        lint_item(
            curriculum, course, objective, item, &item_path, options, findings,
        );
    }
}

fn lint_item(
    curriculum: &Curriculum,
    course: &Course,
    objective: &Objective,
    item: &Item,
    path: &str,
    options: Options,
    findings: &mut Vec<Finding>,
) {
    let mut at = reporter(findings, path, &item.id);
    let Ok(compiled) = CompiledItem::compile(item) else {
        return; // the loader reports it
    };
    let seeds = if item.template.is_some() {
        options.seeds
    } else {
        1
    };
    let mut versions: Vec<ItemInstance> = Vec::new();
    let mut keys = BTreeSet::new();
    let mut wrong_but_right: Option<(u64, usize)> = None;
    let mut failed: Option<(u64, String)> = None;
    let mut failures = 0;
    let (mut unmet, mut unmet_first) = (0, None);
    for seed in 0..seeds {
        match compiled.check(seed) {
            Ok(check) => {
                if let (None, Some(&index)) = (wrong_but_right, check.wrong_but_right.first()) {
                    wrong_but_right = Some((seed, index));
                }
            }
            Err(error) => {
                if error == InstanceError::Unsatisfiable {
                    unmet += 1;
                    unmet_first.get_or_insert(seed);
                } else {
                    failures += 1;
                    failed.get_or_insert((seed, error.say()));
                }
            }
        }
        if let Ok(instance) = compiled.instance(seed) {
            if keys.insert(instance.key()) {
                versions.push(instance);
            }
        }
    }
    // A seed whose constraints are never met is passed over by the planner: only a
    // template that misses often (its constraints nearly never met) is reported.
    if let Some(seed) = unmet_first.filter(|_| unmet * 100 > seeds) {
        failed.get_or_insert((seed, InstanceError::Unsatisfiable.say()));
        failures += unmet;
    }
    if let Some((seed, error)) = failed {
        at(
            Check::VersionFails,
            format!("{failures} of {seeds} seeds make no version, the first {seed}: {error}"),
        );
    }
    let Some(first) = versions.first() else {
        return;
    };
    let total = versions.len();
    let example = |version: &ItemInstance| plain(&version.prompt);
    if let Some((seed, index)) = wrong_but_right {
        at(
            Check::WrongAnswerRight,
            format!(
                "wrong_answers[{index}] is the right answer at seed {seed}: add a constraint that keeps them apart"
            ),
        );
    }

    // The answer, the same in every version.
    if item.template.is_some() && total > 1 {
        let answers: BTreeSet<String> = versions.iter().map(answer).collect();
        if answers.len() == 1 {
            at(
                Check::AnswerNeverChanges,
                format!(
                    "the answer is {} in all {total} versions",
                    answers.iter().next().map_or("", String::as_str)
                ),
            );
        }
    }

    // Versions that read the same but count as different.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut alike = 0;
    let mut alike_example = None;
    for (index, version) in versions.iter().enumerate() {
        match seen.get(&shown(version)) {
            Some(&other) => {
                alike += 1;
                alike_example.get_or_insert((other, index));
            }
            None => {
                seen.insert(shown(version), index);
            }
        }
    }
    if let Some((_, index)) = alike_example {
        at(
            Check::LookAlikeVersions,
            format!(
                "{alike} of {total} versions read like another one but count as different, e.g. \"{}\"",
                example(&versions[index])
            ),
        );
    }

    // Choices that are the same, or worth the answer.
    let alike_choices: Vec<String> = versions.iter().filter_map(same_choices).collect();
    if let Some(message) = alike_choices.first() {
        let count = alike_choices.len();
        at(
            Check::SameChoices,
            format!("in {count} of {total} versions {message}"),
        );
    }

    // Numbers: the band, "1 pizzas", simplest form.
    let band = band_counts(course, &versions);
    if let Some((count, outside, version)) = band {
        at(
            Check::OutsideBand,
            format!(
                "{count} of {total} versions write {outside}, e.g. \"{}\"",
                example(&versions[version])
            ),
        );
    }
    if let Some((count, phrase)) = first_agreement(&versions) {
        at(
            Check::NumberAgreement,
            format!("\"{phrase}\" in {count} of {total} versions"),
        );
    }
    if !about_equivalence(objective, item) && !item.kind.on_picture() {
        let unsimplified: Vec<(usize, String)> = versions
            .iter()
            .enumerate()
            .filter_map(|(i, v)| unsimplified_in(&v.prompt).map(|f| (i, f)))
            .collect();
        if let Some((version, fraction)) = unsimplified.first() {
            at(
                Check::UnsimplifiedFraction,
                format!(
                    "{} of {total} versions write {fraction} in the prompt, e.g. \"{}\"",
                    unsimplified.len(),
                    example(&versions[*version])
                ),
            );
        }
    }

    // Feedback: misconceptions of another operation, silent wrong choices.
    let asks = operations(&without_pictures(&first.prompt));
    let tagged = item
        .choices
        .iter()
        .flatten()
        .filter(|c| c.feedback.is_none())
        .filter_map(|c| c.misconception.as_deref())
        .chain(
            item.wrong_answers
                .iter()
                .filter(|w| w.feedback.is_none())
                .filter_map(|w| w.misconception.as_deref()),
        );
    let mut named = BTreeSet::new();
    for id in tagged {
        if let Some(misconception) = curriculum.misconception(id) {
            let speaks_of = operations_about(&misconception.feedback);
            let fits = speaks_of.is_empty() || asks.is_empty() || !speaks_of.is_disjoint(&asks);
            if !fits && named.insert(id) {
                at(Check::OffOperation, off_operation(misconception, &asks));
            }
        }
    }
    let silent: Vec<String> = item
        .choices
        .iter()
        .flatten()
        .filter(|c| !c.correct && c.feedback.is_none() && c.misconception.is_none())
        .map(|c| format!("\"{}\"", plain(&c.text)))
        .collect();
    if !silent.is_empty() {
        at(
            Check::SilentWrongChoice,
            format!("no feedback or misconception for {}", silent.join(", ")),
        );
    }
}

/// The right answer of a version, as words to compare.
fn answer(instance: &ItemInstance) -> String {
    let text_of = |index: usize| {
        instance
            .choices
            .iter()
            .find(|c| c.index == index)
            .map_or(String::new(), |c| plain(&c.text))
    };
    match &instance.expected {
        Expected::Single(index) => format!("\"{}\"", text_of(*index)),
        Expected::Multiple(indices) => {
            let texts: BTreeSet<String> = indices.iter().map(|i| text_of(*i)).collect();
            format!("{texts:?}")
        }
        Expected::Numeric { value, .. } | Expected::Picture { value } => value.to_mixed_string(),
        Expected::Text { accepted, .. } => {
            format!("\"{}\"", accepted.first().map_or("", String::as_str))
        }
        Expected::Ordering => format!("{:?}", instance.sequence),
    }
}

/// Everything a student sees of a version, choices in the author's order.
fn shown(instance: &ItemInstance) -> String {
    let mut choices: Vec<&str> = instance.choices.iter().map(|c| c.text.trim()).collect();
    choices.sort_unstable();
    let mut sequence: Vec<&str> = instance.sequence.iter().map(|s| s.trim()).collect();
    sequence.sort_unstable();
    format!(
        "{}|{choices:?}|{sequence:?}|{:?}",
        instance.prompt.trim(),
        instance.diagram
    )
}

/// Whether the choice at `index` (in the author's order) is a right one.
fn is_right_choice(instance: &ItemInstance, index: usize) -> bool {
    match &instance.expected {
        Expected::Single(right) => *right == index,
        Expected::Multiple(right) => right.contains(&index),
        _ => false,
    }
}

/// A message about two choices of the version that are the same, if any.
fn same_choices(instance: &ItemInstance) -> Option<String> {
    let correct = |index: usize| is_right_choice(instance, index);
    for (a, first) in instance.choices.iter().enumerate() {
        for second in &instance.choices[a + 1..] {
            let same_text = plain(&first.text) == plain(&second.text);
            let same_number = matches!(
                (parse_number(first.text.trim()), parse_number(second.text.trim())),
                (Some(x), Some(y)) if x == y
            );
            if !(same_text || same_number) {
                continue;
            }
            let how = if same_text { "read" } else { "are worth" };
            let one_right = correct(first.index) != correct(second.index);
            if !same_text && !one_right {
                continue; // two equal fractions, both right or both wrong: on purpose
            }
            return Some(match one_right {
                true => format!(
                    "a wrong choice and the answer {how} the same: \"{}\" and \"{}\"",
                    plain(&first.text),
                    plain(&second.text)
                ),
                false => format!(
                    "two choices {how} the same: \"{}\" and \"{}\"",
                    plain(&first.text),
                    plain(&second.text)
                ),
            });
        }
    }
    None
}

/// The texts of a version a student reads.
fn texts(instance: &ItemInstance) -> impl Iterator<Item = &str> {
    std::iter::once(instance.prompt.as_str())
        .chain(instance.choices.iter().map(|c| c.text.as_str()))
        .chain(instance.hints.iter().map(String::as_str))
        .chain(std::iter::once(instance.solution.as_str()))
        .chain(instance.sequence.iter().map(String::as_str))
        .chain(
            instance
                .wrong_answers
                .iter()
                .filter_map(|w| w.feedback.as_deref()),
        )
        .chain(
            instance
                .choice_feedback
                .iter()
                .filter_map(|(_, f)| f.as_deref()),
        )
}

/// The fractions of `text` with a written denominator outside the course's band.
fn outside_band(course: &Course, text: &str) -> Option<String> {
    if course.denominators.is_empty() {
        return None;
    }
    let outside: BTreeSet<i64> = fractions(text)
        .map(|(_, denominator)| denominator)
        .filter(|d| !course.denominators.contains(d))
        .collect();
    (!outside.is_empty()).then(|| {
        let list: Vec<String> = outside.iter().map(i64::to_string).collect();
        format!("denominator(s) {}", list.join(", "))
    })
}

/// (versions outside the band, what they write, one version) for an item.
fn band_counts(course: &Course, versions: &[ItemInstance]) -> Option<(usize, String, usize)> {
    let mut count = 0;
    let mut all = BTreeSet::new();
    let mut first = None;
    for (index, version) in versions.iter().enumerate() {
        let mut outside = false;
        for text in texts(version) {
            for (_, denominator) in fractions(text) {
                if !course.denominators.is_empty() && !course.denominators.contains(&denominator) {
                    outside = true;
                    all.insert(denominator);
                }
            }
        }
        if outside {
            count += 1;
            first.get_or_insert(index);
        }
    }
    let list: Vec<String> = all.iter().map(i64::to_string).collect();
    first.map(|index| (count, format!("denominator(s) {}", list.join(", ")), index))
}

/// The whole-number fractions written in `text`: (numerator, denominator).
fn fractions(text: &str) -> impl Iterator<Item = (i64, i64)> + '_ {
    text_pieces(text)
        .into_iter()
        .filter_map(|piece| match piece {
            TextPiece::Fraction {
                numerator,
                denominator,
                ..
            } => Some((
                numerator.trim().parse().ok()?,
                denominator.trim().parse().ok()?,
            )),
            TextPiece::Words(_) => None,
        })
}

/// Words that may follow "1" though they end in s: verbs and small words.
const NOT_PLURAL: [&str; 40] = [
    "is",
    "was",
    "has",
    "as",
    "its",
    "this",
    "plus",
    "minus",
    "less",
    "times",
    "always",
    "equals",
    "makes",
    "goes",
    "gets",
    "means",
    "shows",
    "stays",
    "fits",
    "does",
    "us",
    "yes",
    "gives",
    "divides",
    "keeps",
    "leaves",
    "takes",
    "becomes",
    "comes",
    "tells",
    "needs",
    "uses",
    "works",
    "multiplies",
    "counts",
    "lies",
    "sits",
    "lands",
    "stands",
    "whole's",
];

/// The first "1 <plural>" in any version, and how many versions have one.
fn first_agreement(versions: &[ItemInstance]) -> Option<(usize, String)> {
    let mut count = 0;
    let mut phrase = None;
    for version in versions {
        if let Some(found) = texts(version).find_map(one_plural) {
            count += 1;
            phrase.get_or_insert(found);
        }
    }
    phrase.map(|phrase| (count, phrase))
}

/// "1 gaps" in `text`: a 1 standing alone (not part of 21, 1/4, 0.1 or 3/1) followed
/// by a word that ends in s and is not one of [`NOT_PLURAL`].
fn one_plural(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices("1 ") {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        if before.is_some_and(|b| b.is_ascii_digit() || b == b'/' || b == b'.' || b == b',') {
            continue;
        }
        let rest = &text[at + 2..];
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '\'')
            .collect();
        let lower = word.to_lowercase();
        if lower.len() > 2
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && !NOT_PLURAL.contains(&lower.as_str())
        {
            return Some(format!("1 {word}"));
        }
    }
    None
}

/// Whether simplest form is the item's subject: equivalence, simplifying, renaming.
fn about_equivalence(objective: &Objective, item: &Item) -> bool {
    let words = format!("{} {} {}", objective.target, item.prompt, item.solution).to_lowercase();
    [
        "simpl",
        "equivalent",
        "equal fraction",
        "same amount",
        "same size",
        "same point",
        "same as",
        "rename",
        "lowest terms",
        "whole number",
    ]
    .iter()
    .any(|word| words.contains(word))
}

/// Words after a fraction that keep it in the language of arithmetic, not a story.
const MATHS_WORDS: [&str; 20] = [
    "and", "or", "is", "are", "closer", "more", "less", "than", "to", "with", "equal", "equals",
    "as", "from", "on", "in", "the", "plus", "shaded", "shade",
];

/// The first fraction of a prompt's prose that is not in simplest form and stands
/// in a story: followed by a unit ("2/4 m wide") or by "of" and a word ("6/8 of a
/// kilometre"). Bare arithmetic ("6/12 + 2/12") and pictures are left alone, and
/// n/n and n/1 are wholes, written on purpose.
fn unsimplified_in(prompt: &str) -> Option<String> {
    let prose = without_pictures(prompt);
    let pieces = text_pieces(&prose);
    for (index, piece) in pieces.iter().enumerate() {
        let TextPiece::Fraction {
            numerator,
            denominator,
            ..
        } = piece
        else {
            continue;
        };
        let (Ok(n), Ok(d)) = (
            numerator.trim().parse::<i64>(),
            denominator.trim().parse::<i64>(),
        ) else {
            continue;
        };
        if d <= 1 || n == d || n <= 0 || gcd(n, d) == 1 {
            continue;
        }
        let after = match pieces.get(index + 1) {
            Some(TextPiece::Words(words)) => *words,
            _ => "",
        };
        let after = after.trim_start();
        let word = after.split(|c: char| !c.is_alphabetic()).next();
        let story = match (after.starts_with(char::is_alphabetic), word) {
            (true, Some("of")) => after[2..].trim_start().starts_with(char::is_alphabetic),
            (true, Some(word)) => !MATHS_WORDS.contains(&word.to_lowercase().as_str()),
            _ => false,
        };
        if story {
            return Some(format!("{n}/{d}"));
        }
    }
    None
}

/// `text` without its `::: … :::` pictures.
fn without_pictures(text: &str) -> String {
    let mut prose = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(":::") {
        prose.push_str(&rest[..open]);
        match rest[open + 3..].find(":::") {
            Some(close) => rest = &rest[open + 3 + close + 3..],
            None => return prose,
        }
    }
    prose.push_str(rest);
    prose
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

/// The four operations, as a text names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Operation {
    Add,
    Subtract,
    Multiply,
    Divide,
}

impl Operation {
    fn words(self) -> &'static [&'static str] {
        match self {
            Operation::Add => &["add", "sum", "plus", "+"],
            Operation::Subtract => &[
                "subtract",
                "take away",
                "minus",
                "difference",
                "−",
                " - ",
                "how much more",
                "how much longer",
            ],
            Operation::Multiply => &["multipl", "times", "×", "product"],
            Operation::Divide => &["divid", "÷", "quotient", "share", "how many fit"],
        }
    }

    /// How a misconception's feedback says it is about this operation.
    fn about(self) -> &'static [&'static str] {
        match self {
            Operation::Add => &["when you add", "adding fractions", "+"],
            Operation::Subtract => &["when you subtract", "subtracting fractions", "−"],
            Operation::Multiply => &[
                "when you multiply",
                "multiplying by",
                "multiplying fractions",
                "×",
            ],
            Operation::Divide => &["when you divide", "dividing by", "dividing fractions", "÷"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Operation::Add => "adding",
            Operation::Subtract => "subtracting",
            Operation::Multiply => "multiplying",
            Operation::Divide => "dividing",
        }
    }
}

const OPERATIONS: [Operation; 4] = [
    Operation::Add,
    Operation::Subtract,
    Operation::Multiply,
    Operation::Divide,
];

/// The operations a prompt asks for, by sign or word.
pub fn operations(text: &str) -> BTreeSet<Operation> {
    let lower = text.to_lowercase();
    OPERATIONS
        .into_iter()
        .filter(|op| op.words().iter().any(|word| lower.contains(word)))
        .collect()
}

/// The operations a misconception's feedback is about ("When you add fractions…",
/// "Dividing by a unit fraction…"); none for one about the meaning of a fraction.
pub fn operations_about(feedback: &str) -> BTreeSet<Operation> {
    let lower = feedback.to_lowercase();
    OPERATIONS
        .into_iter()
        .filter(|op| op.about().iter().any(|phrase| lower.contains(phrase)))
        .collect()
}

fn off_operation(misconception: &Misconception, asks: &BTreeSet<Operation>) -> String {
    let names = |ops: &BTreeSet<Operation>| {
        if ops.is_empty() {
            "no operation".to_string()
        } else {
            ops.iter()
                .map(|o| o.name())
                .collect::<Vec<_>>()
                .join(" or ")
        }
    };
    format!(
        "misconception \"{}\" speaks of {}, but the item asks for {}",
        misconception.id,
        names(&operations_about(&misconception.feedback)),
        names(asks)
    )
}

/// Text without the Markdown marks a reader does not see, on one line.
fn plain(text: &str) -> String {
    let one_line: String = text
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`'))
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let short: String = one_line.chars().take(90).collect();
    if short.len() < one_line.len() {
        format!("{}…", short.trim_end())
    } else {
        short
    }
}

/// Findings counted per check, every check listed.
pub fn counts(findings: &[Finding]) -> BTreeMap<Check, usize> {
    let mut counts: BTreeMap<Check, usize> = Check::ALL.iter().map(|c| (*c, 0)).collect();
    for finding in findings {
        *counts.entry(finding.check).or_default() += 1;
    }
    counts
}

/// What a curriculum holds, per course; which objectives teach each standard; and
/// per objective, its items and how often a blind guess passes its checks: three
/// Markdown tables (`masterly-lint --summary`, docs/bundled-curricula.md).
pub fn summary(curriculum: &Curriculum) -> String {
    let pictures = |text: &str| text.matches(":::").count() / 2;
    let mut out = String::from(
        "| course | units | objectives | items | templated | pictures | item kinds |\n|---|---|---|---|---|---|---|\n",
    );
    let mut standards: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for course in &curriculum.courses {
        let objectives: Vec<&Objective> = course.units.iter().flat_map(|u| &u.objectives).collect();
        let items: Vec<&Item> = objectives.iter().flat_map(|o| &o.items).collect();
        let mut drawn = 0;
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for objective in &objectives {
            drawn += pictures(&objective.lesson.body);
            drawn += objective
                .correctives
                .iter()
                .map(|c| pictures(&c.body))
                .sum::<usize>();
            drawn += objective
                .enrichment
                .iter()
                .map(|e| pictures(&e.body))
                .sum::<usize>();
            for code in &objective.standards {
                standards.entry(code).or_default().push(&objective.id);
            }
        }
        for item in &items {
            *kinds.entry(item.kind.name()).or_default() += 1;
            let texts = [&item.prompt, &item.solution]
                .into_iter()
                .chain(&item.hints)
                .chain(item.choices.iter().flatten().map(|c| &c.text))
                .chain(item.diagram.as_ref());
            drawn += texts.map(|t| pictures(t)).sum::<usize>();
        }
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            course.title,
            course.units.len(),
            objectives.len(),
            items.len(),
            items.iter().filter(|i| i.template.is_some()).count(),
            drawn,
            kinds.join(", ")
        ));
    }
    out.push_str("\n| standard | objectives |\n|---|---|\n");
    for (code, objectives) in standards {
        out.push_str(&format!("| {code} | {} |\n", objectives.join(", ")));
    }
    out.push_str(
        "\n| objective | items | kinds | a blind guess passes a check | … the unit test |\n|---|---|---|---|---|\n",
    );
    let mastery = &curriculum.mastery;
    for (_, unit) in curriculum.units() {
        let bar = curriculum.bar_percent(unit);
        for objective in &unit.objectives {
            let passes = |asked: u32| {
                unit_test_strength(objective, asked, bar).map_or("–".to_string(), |s| {
                    format!("{:.2}%", s.guess_passes_percent)
                })
            };
            let kinds: BTreeSet<&str> = objective.items.iter().map(|i| i.kind.name()).collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                objective.id,
                objective.items.len(),
                kinds.len(),
                passes(mastery.formative_items_per_objective),
                passes(mastery.unit_test_items_per_objective)
            ));
        }
    }
    out
}

/// Up to `count` distinct versions of an item as a student meets them, in words:
/// the prompt, the picture answered on, the choices (the right ones marked), the
/// answer, the hints and the worked solution (`masterly-lint --show ID`).
pub fn show(curriculum: &Curriculum, item_id: &str, count: usize) -> Option<String> {
    use masterly_core::content::item::describe_answer;
    use masterly_core::content::picture::describe;
    let item = curriculum.item(item_id)?;
    let compiled = CompiledItem::compile(item).ok()?;
    let mut out = String::new();
    let mut keys = BTreeSet::new();
    for seed in 0..10_000 {
        if keys.len() >= count {
            break;
        }
        let Ok(version) = compiled.instance(seed) else {
            continue;
        };
        if !keys.insert(version.key()) {
            continue;
        }
        out.push_str(&format!("--- {item_id}, seed {seed}\n{}\n", version.prompt));
        if let Some(diagram) = &version.diagram {
            out.push_str(&format!("[answered on: {}]\n", describe(diagram).say()));
        }
        for choice in &version.choices {
            let mark = if is_right_choice(&version, choice.index) {
                "*"
            } else {
                " "
            };
            out.push_str(&format!("  {mark} {}\n", choice.text));
        }
        for entry in &version.sequence {
            out.push_str(&format!("  - {entry}\n"));
        }
        out.push_str(&format!("answer: {}\n", describe_answer(&version)));
        for hint in &version.hints {
            out.push_str(&format!("hint: {hint}\n"));
        }
        out.push_str(&format!("solution: {}\n", version.solution));
    }
    Some(out)
}
