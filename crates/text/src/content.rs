//! What an author wrote, said back: curriculum problems located by JSON path,
//! items that do not compile, expressions, arithmetic and answers a student gives.

use crate::{located, Say};
use masterly_core::content::curriculum::{
    Count, CurriculumError, CurriculumErrorKind, CurriculumErrors, Part, Threshold,
};
use masterly_core::content::expr::{
    ExprError, Found, Takes, Wanted, MAX_EXPONENT, MAX_EXPRESSION_BYTES, MAX_EXPRESSION_DEPTH,
};
use masterly_core::content::item::{
    InstanceError, ItemKind, NearMiss, ResponseError, MAX_RANGE_VALUES, MAX_TEMPLATE_DRAWS,
};
use masterly_core::content::picture::{models_for, NotOnPicture};
use masterly_core::content::rational::ArithmeticError;

/// What must not be empty, as a sentence names it.
fn part(part: Part) -> &'static str {
    match part {
        Part::CurriculumTitle => "the curriculum title",
        Part::Version => "the version",
        Part::Licence => "the licence",
        Part::Authors => "the list of authors",
        Part::MisconceptionName => "a misconception's name",
        Part::MisconceptionFeedback => "a misconception's feedback",
        Part::Courses => "the list of courses",
        Part::CourseTitle => "a course title",
        Part::CourseUnits => "a course's list of units",
        Part::UnitTitle => "a unit title",
        Part::UnitObjectives => "a unit's list of objectives",
        Part::Corrective => "a corrective",
        Part::EnrichmentTask => "an enrichment task",
        Part::LearningTarget => "a learning target",
        Part::Lesson => "a lesson",
        Part::MasteryLooksLike => "what mastery looks like",
        Part::ReviewIntervals => "the list of review intervals (each at least 1 day)",
        Part::Prompt => "an item's prompt",
        Part::Choice => "a choice",
        Part::AcceptedAnswers => "the list of accepted answers",
        Part::EntryToOrder => "an entry to order",
        Part::AcceptedAnswer => {
            "an accepted answer (leaving out spaces and the punctuation at its end)"
        }
    }
}

/// A threshold's name and its range.
fn threshold(threshold: Threshold) -> (&'static str, &'static str) {
    match threshold {
        Threshold::UnitBar => (
            "the unit's mastery bar",
            "above the curriculum's familiar threshold and at most 100",
        ),
        Threshold::Bar => ("the mastery bar", "from 1 to 100"),
        Threshold::Familiar => ("the familiar threshold", "below the mastery bar"),
    }
}

/// A count's name and its range.
fn count(count: Count) -> (&'static str, &'static str) {
    match count {
        Count::FormativeItems => ("items per objective in a formative assessment", "1 to 10"),
        Count::UnitTestItems => ("items per objective in the unit test", "1 to 10"),
        Count::ReviewItems => ("items per objective in a review", "1 to 10"),
        Count::RevealingHint => (
            "the revealing hint",
            "0 (no hint gives the answer away) up to the number of hints",
        ),
        Count::Choices => ("the number of choices", "2 to 8"),
        Count::EntriesToOrder => ("the number of entries to order", "2 to 10"),
        Count::Items => ("the number of items in the curriculum", "at most 50,000"),
    }
}

/// Tenths of a percent as "12.5".
fn tenths(value: u32) -> String {
    format!("{}.{}", value / 10, value % 10)
}

impl Say for CurriculumErrorKind {
    fn say(&self) -> String {
        use CurriculumErrorKind as Kind;
        match self {
            Kind::File(problem) => problem.say(),
            Kind::Empty { what } => format!("{} must not be empty", part(*what)),
            Kind::BadId { id } => format!(
                "id \"{id}\" must be 1 to 64 characters of letters, digits, '-', '_' or '.'"
            ),
            Kind::DuplicateId { id, first } => format!(
                "id \"{id}\" is already used at {first}; ids must be unique in the whole curriculum"
            ),
            Kind::UnknownPrerequisite { id } => {
                format!("prerequisite \"{id}\" is not the id of any unit in this curriculum")
            }
            Kind::SelfPrerequisite { id } => format!("unit \"{id}\" names itself as a prerequisite"),
            Kind::PrerequisiteCycle { cycle } => format!(
                "prerequisites form a cycle, so none of these units could ever be started: {}",
                cycle.join(" → ")
            ),
            Kind::ThresholdOutOfRange { what, found } => {
                let (what, expected) = threshold(*what);
                format!("{what} is {found}%, expected {expected}")
            }
            Kind::UnusualObjectiveCount { unit, found } => format!(
                "unit \"{unit}\" has {found} objective(s); mastery learning works best with 3 to 5 per unit"
            ),
            Kind::CountOutOfRange { what, found } => {
                let (what, expected) = count(*what);
                format!("{what} is {found}, expected {expected}")
            }
            Kind::MissingCorrective { objective } => format!(
                "objective \"{objective}\" has no corrective; students below the bar need a different explanation than the lesson"
            ),
            Kind::MissingEnrichment { objective } => format!(
                "objective \"{objective}\" has no enrichment task for students who reach the bar"
            ),
            Kind::MissingItemField { kind, field } => format!("a {kind} item needs \"{field}\""),
            Kind::ForeignItemField { kind, field } => {
                format!("\"{field}\" is not used by {kind} items")
            }
            Kind::CorrectChoiceCount { kind, found } => {
                let expected = match kind {
                    ItemKind::SingleChoice => "exactly one",
                    _ => "at least one",
                };
                format!(
                    "a {} item needs {expected} correct choice(s), found {found}",
                    kind.name()
                )
            }
            Kind::UnknownMisconception { id } => format!(
                "misconception \"{id}\" is not defined in the curriculum's \"misconceptions\""
            ),
            Kind::BadExpression { text, error } => {
                format!("\"{text}\" does not parse: {}", error.say())
            }
            Kind::BadVariableName { name } => format!(
                "\"{name}\" cannot name a variable: use letters, digits and _, starting with a letter, and not a function or and/or/not"
            ),
            Kind::UnknownVariable { text, name } => format!(
                "\"{text}\" reads \"{name}\", which is not one of the template's variables or of the derived values before it"
            ),
            Kind::DuplicateVariable { name } => format!(
                "\"{name}\" names two values of this template; each variable and derived value needs a name of its own"
            ),
            Kind::ItemFails { error } => error.say(),
            Kind::TemplateFails { seed, error } => format!("seed {seed}: {}", error.say()),
            Kind::TemplateUnsatisfiable { draws, last_seed } => format!(
                "the template's constraints were never met in {draws} draws for any of seeds 0 to {last_seed}"
            ),
            Kind::DuplicateChoices { seed, first, second, text } => {
                format!("seed {seed}: choices {first} and {second} both read \"{text}\"")
            }
            Kind::WrongAnswerIsRight { seed, index } => {
                format!("seed {seed}: wrong answer {index} equals the right answer")
            }
            Kind::PoolTooSmall { objective, found, needed } => format!(
                "objective \"{objective}\" has {found} distinct item instance(s), but formative A, formative B and the unit test need {needed} without repeating one; add items or a template"
            ),
            Kind::PoolTooSmallWithErrors { objective, with_errors, items, found, needed } => format!(
                "objective \"{objective}\" has {found} distinct item instance(s), but formative A, formative B and the unit test need {needed} without repeating one: {with_errors} of its {items} items have errors (above), which leave them out; fix those first"
            ),
            Kind::PoolSmallForRetakes { objective, found, wanted } => format!(
                "objective \"{objective}\" has {found} distinct item instance(s); {wanted} would also cover a second formative B, a retake of the unit test and reviews without repeats"
            ),
            Kind::BadDiagram { error } => format!("a picture cannot be drawn: {}", error.say()),
            Kind::MissingSolution { item } => {
                format!("item \"{item}\" has no worked solution to show after it is answered")
            }
            Kind::WeakEvidence { objective, guess_passes, precision } => format!(
                "objective \"{objective}\": blind guessing passes its part of the unit test {}% of the time, so when half the class knows it only {}% of its \"Mastered\" would be right (below 90%); add items with more choices or written answers, or ask more items per objective",
                tenths(*guess_passes),
                tenths(*precision)
            ),
        }
    }
}

impl Say for CurriculumError {
    fn say(&self) -> String {
        located(&self.path, &self.kind)
    }
}

impl Say for CurriculumErrors {
    fn say(&self) -> String {
        format!(
            "{} problem(s) in the curriculum, the first: {}",
            self.0.len(),
            self.0.first().map(Say::say).unwrap_or_default()
        )
    }
}

impl Say for ArithmeticError {
    fn say(&self) -> String {
        match self {
            ArithmeticError::DivisionByZero => "division by zero",
            ArithmeticError::Overflow => "a number grew too large to compute exactly",
        }
        .to_string()
    }
}

impl Say for ExprError {
    fn say(&self) -> String {
        match self {
            ExprError::TooLong => {
                format!("the expression is longer than {MAX_EXPRESSION_BYTES} characters")
            }
            ExprError::TooDeep => {
                format!("the expression nests more than {MAX_EXPRESSION_DEPTH} levels deep")
            }
            ExprError::Syntax { at, expected, found } => {
                let expected = match expected {
                    Wanted::OperatorOrEnd => "an operator or the end",
                    Wanted::Number => "a number",
                    Wanted::Token => "a number, a name, an operator or a bracket",
                    Wanted::LogicOrEnd => "and, or, or the end after a comparison",
                    Wanted::Operand => "a number, a name or \"(\"",
                    Wanted::Close => "\")\"",
                };
                let found = match found {
                    Found::Number(n) => format!("number {n}"),
                    Found::Quoted(text) => format!("\"{text}\""),
                    Found::End => "the end".to_string(),
                };
                format!("at character {at}: expected {expected}, found {found}")
            }
            ExprError::UnknownFunction(name) => format!(
                "unknown function \"{name}\"; known: gcd, lcm, min, max, abs, floor, ceil, round, num, den, mod"
            ),
            ExprError::Arity { name, expected, found } => {
                let expected = match expected {
                    Takes::One => "1",
                    Takes::Two => "2",
                    Takes::TwoOrMore => "2 or more",
                };
                format!("{name}() takes {expected} argument(s), found {found}")
            }
            ExprError::UnknownVariable(name) => format!("unknown variable \"{name}\""),
            ExprError::NotANumber => "expected a number but found true/false".to_string(),
            ExprError::NotABoolean => "expected true/false but found a number".to_string(),
            ExprError::Arithmetic(error) => error.say(),
            ExprError::NotInteger { name } => format!("{name}() needs whole numbers"),
            ExprError::BadExponent => {
                format!("exponents must be whole numbers from -{MAX_EXPONENT} to {MAX_EXPONENT}")
            }
        }
    }
}

impl Say for InstanceError {
    fn say(&self) -> String {
        match self {
            InstanceError::Parse { field, text, error } => {
                format!("{field}: \"{text}\" does not parse: {}", error.say())
            }
            InstanceError::Expression { field, expression, error } => {
                format!("{field} ({expression}): {}", error.say())
            }
            InstanceError::UnclosedPlaceholder { field } => format!(
                "{field}: a \"{{\" has no matching \"}}\" (write {{{{ for a literal brace)"
            ),
            InstanceError::UnknownFormat { field, format } => {
                format!("{field}: unknown format \"{format}\" (use mixed, decimal or fraction)")
            }
            InstanceError::Unsatisfiable => {
                format!("the constraints were not met in {MAX_TEMPLATE_DRAWS} draws")
            }
            InstanceError::BadVariable { name } => {
                format!("variable \"{name}\" needs either from/to or one_of")
            }
            InstanceError::BadRange { name, from, to, step } => format!(
                "variable \"{name}\": the range from {from} to {to} in steps of {step} is empty or has more than {MAX_RANGE_VALUES} values"
            ),
            InstanceError::MissingField { kind, field } => {
                format!("a {kind} item needs \"{field}\"")
            }
            InstanceError::NegativeTolerance { field } => {
                format!("{field}: a tolerance cannot be negative")
            }
            InstanceError::Diagram { field, error } => {
                format!("{field}: a picture cannot be drawn: {}", error.say())
            }
            InstanceError::NotOnPicture { field, kind, value, problem } => match problem {
                NotOnPicture::Model(model) => {
                    let models: Vec<&str> = models_for(*kind).iter().map(|m| m.name()).collect();
                    let models = match models.split_last() {
                        Some((last, [])) => last.to_string(),
                        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                        None => String::new(),
                    };
                    format!(
                        "{field}: a {} item cannot be answered on a {} picture; use a {models}",
                        kind.name(),
                        model.name(),
                    )
                }
                NotOnPicture::Unreachable => {
                    let how = match kind {
                        ItemKind::PlacePoint => "no tick of the number line is at",
                        ItemKind::Shade => "no number of its parts shaded makes",
                        _ => "the picture cannot be cut into",
                    };
                    format!("{field}: the answer {value} cannot be given on the picture: {how} {value}")
                }
            },
        }
    }
}

impl Say for ResponseError {
    fn say(&self) -> String {
        match self {
            ResponseError::WrongKind { expected } => {
                let answer = match expected {
                    ItemKind::SingleChoice => "one choice",
                    ItemKind::MultipleSelect => "a set of choices",
                    ItemKind::Numeric => "a number",
                    ItemKind::ShortText => "a short text",
                    ItemKind::Ordering => "an arrangement",
                    ItemKind::PlacePoint => "a point placed on the number line",
                    ItemKind::Shade => "parts shaded",
                    ItemKind::Partition => "a number of equal parts",
                };
                format!("this question needs {answer}")
            }
            ResponseError::NotANumber { text } => {
                format!("\"{text}\" is not a number; write it like 3, 0.75, 3/4 or 1 1/2")
            }
            ResponseError::Empty => "the answer is empty".to_string(),
            ResponseError::UnknownChoice { index } => format!("there is no choice {index}"),
            ResponseError::NotAnArrangement => {
                "the arrangement must use every entry exactly once".to_string()
            }
        }
    }
}

/// A nudge for a student whose answer is nearly right, in words a child of 8 to 11
/// reads: what is right already, and what to look at.
impl Say for NearMiss {
    fn say(&self) -> String {
        match self {
            NearMiss::NotSimplest => {
                "So close! Your answer is worth the same as the right one, but it can be \
                 simpler. Divide the top and the bottom by a number that goes into both."
            }
            NearMiss::NotMixed => {
                "Your fraction is the right amount. The question asks for a mixed number: \
                 how many wholes, and what fraction is left over?"
            }
            NearMiss::NotAFraction => {
                "Your mixed number is the right amount. Now write it as one fraction. Turn \
                 the wholes into parts too. How many parts are there in all?"
            }
            NearMiss::OtherForm => {
                "That is the right amount, but not in the form the question wants. Read the \
                 question again: does it want a fraction, a mixed number, a decimal or a \
                 whole number?"
            }
            NearMiss::Sign => {
                "Your number is right apart from the minus sign (−). Check: does your answer \
                 need one or not?"
            }
            NearMiss::Numerator => {
                "Your bottom number (the denominator) is right. Now check the top number \
                 (the numerator): how many parts are counted?"
            }
            NearMiss::Denominator => {
                "Your top number (the numerator) is right. Now check the bottom number \
                 (the denominator): how many equal parts make one whole?"
            }
            NearMiss::Swapped => {
                "Your top and bottom numbers have swapped places. The bottom number says how \
                 many equal parts make one whole. The top number says how many parts are \
                 counted."
            }
        }
        .to_string()
    }
}
