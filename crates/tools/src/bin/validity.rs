//! `make validity`: how far Masterly's "Mastered" can be trusted. Runs simulated
//! students (masterly_core::learning::simulate) through a course under several
//! mastery settings and paths, and prints Markdown tables: precision of Mastered,
//! recall, items and checks to mastery, false correctives, reviews, other
//! published rules on the same answers, and the effect of item kinds.
//!
//!     masterly-validity [--curriculum FILE] [--course ID] [--students N] [--seed S]

use masterly_core::content::curriculum::{load_curriculum, Curriculum, MasterySettings};
use masterly_core::learning::simulate::{simulate, LearnerModel, Measures, Path, Rate, Simulation};
use masterly_text::Say;
use std::process::ExitCode;
use std::time::Instant;

struct Options {
    curriculum: String,
    course: String,
    students: u32,
    seed: u64,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        curriculum: "curricula/fractions.json".to_string(),
        course: "g4-fractions".to_string(),
        students: 500,
        seed: 2027,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--curriculum" => options.curriculum = value,
            "--course" => options.course = value,
            "--students" => {
                options.students = value
                    .parse()
                    .map_err(|_| format!("--students takes a whole number, not \"{value}\""))?
            }
            "--seed" => {
                options.seed = value
                    .parse()
                    .map_err(|_| format!("--seed takes a whole number, not \"{value}\""))?
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(options)
}

/// A setting compared: the curriculum's mastery settings with these changes.
struct Setting {
    name: &'static str,
    formative: u32,
    unit_test: u32,
    review: u32,
    bar: u32,
}

const SETTINGS: [Setting; 5] = [
    Setting {
        name: "2 items, bar 80% (2 of 2)",
        formative: 2,
        unit_test: 2,
        review: 1,
        bar: 80,
    },
    Setting {
        name: "3 items, bar 80% (3 of 3)",
        formative: 3,
        unit_test: 3,
        review: 2,
        bar: 80,
    },
    Setting {
        name: "4 items, bar 75% (3 of 4)",
        formative: 4,
        unit_test: 4,
        review: 2,
        bar: 75,
    },
    Setting {
        name: "4 items, bar 80% (4 of 4)",
        formative: 4,
        unit_test: 4,
        review: 2,
        bar: 80,
    },
    Setting {
        name: "5 items, bar 80% (4 of 5)",
        formative: 5,
        unit_test: 5,
        review: 2,
        bar: 80,
    },
];

fn with_setting(curriculum: &Curriculum, setting: &Setting) -> Curriculum {
    let mut changed = curriculum.clone();
    changed.mastery = MasterySettings {
        bar_percent: setting.bar,
        formative_items_per_objective: setting.formative,
        unit_test_items_per_objective: setting.unit_test,
        review_items_per_objective: setting.review,
        ..curriculum.mastery.clone()
    };
    for course in &mut changed.courses {
        for unit in &mut course.units {
            unit.bar_percent = None;
        }
    }
    changed
}

fn percent(rate: Rate) -> String {
    match rate.percent() {
        Some(value) => format!("{value:.1}% ({}/{})", rate.hits, rate.of),
        None => "–".to_string(),
    }
}

fn short(rate: Rate) -> String {
    rate.percent()
        .map_or("–".to_string(), |value| format!("{value:.1}%"))
}

fn mean(value: Option<f64>) -> String {
    value.map_or("–".to_string(), |value| format!("{value:.1}"))
}

fn run(
    curriculum: &Curriculum,
    course: &str,
    model: &LearnerModel,
    path: Path,
    options: &Options,
) -> Result<Measures, String> {
    let simulation = Simulation::new(model.clone(), path, options.students, options.seed);
    simulate(curriculum, course, &simulation).map_err(|error| error.say())
}

fn main() -> ExitCode {
    match main_result() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("masterly-validity: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Verdicts of one kind fewer than this are too few to judge a setting by.
const FEW_VERDICTS: u64 = 30;
/// The precision of Mastered a default setting must reach everywhere.
const TARGET_PERCENT: f64 = 95.0;

/// The lowest precision of Mastered over every path and kind of verdict with
/// enough verdicts to judge.
fn worst_precision(measures: &[Measures]) -> f64 {
    let mut worst = 100.0f64;
    for measures in measures {
        let rates = std::iter::once(measures.precision)
            .chain(measures.precision_by_kind.iter().map(|(_, rate)| *rate));
        for rate in rates {
            if rate.of >= FEW_VERDICTS {
                worst = worst.min(rate.percent().unwrap_or(100.0));
            }
        }
    }
    worst
}

fn main_result() -> Result<(), String> {
    let options = options()?;
    let text = std::fs::read_to_string(&options.curriculum)
        .map_err(|error| format!("cannot read {}: {error}", options.curriculum))?;
    let curriculum = load_curriculum(&text)
        .map_err(|errors| format!("{}: {}", options.curriculum, errors.say()))?
        .curriculum;
    let started = Instant::now();
    println!(
        "Simulated students: {} per row, seed {}, course {} of {}.\n",
        options.students, options.seed, options.course, options.curriculum
    );
    let models = [
        ("typical", LearnerModel::default()),
        ("struggling", LearnerModel::struggling()),
    ];
    // Per setting: every run, and items to mastery of typical learners' full cycle.
    let mut judged: Vec<(Vec<Measures>, Option<f64>)> =
        SETTINGS.iter().map(|_| (Vec::new(), None)).collect();
    for (model_name, model) in &models {
        println!("## {model_name} learners: {model:?}\n");
        println!("| setting | path | precision of Mastered | recall within 2 checks | within 4 | at all | items to mastery | checks to mastery | false correctives | not finished |");
        println!("|---|---|---|---|---|---|---|---|---|---|");
        let mut full_cycle: Vec<(&str, Measures)> = Vec::new();
        for (setting, judged) in SETTINGS.iter().zip(&mut judged) {
            let changed = with_setting(&curriculum, setting);
            for path in Path::ALL {
                let measures = run(&changed, &options.course, model, path, &options)?;
                println!(
                    "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                    setting.name,
                    path.say(),
                    percent(measures.precision),
                    short(measures.recall_within_2),
                    short(measures.recall_within_4),
                    short(measures.recall),
                    mean(measures.items_to_mastery.value()),
                    mean(measures.checks_to_mastery.value()),
                    short(measures.false_correctives),
                    measures.unfinished,
                );
                for (kind, rate) in &measures.precision_by_kind {
                    println!(
                        "|  | … Mastered by a {} | {} |  |  |  |  |  |  |  |",
                        kind.say(),
                        percent(*rate)
                    );
                }
                if path == Path::FullCycle {
                    if *model_name == "typical" {
                        judged.1 = measures.items_to_mastery.value();
                    }
                    full_cycle.push((setting.name, measures.clone()));
                }
                judged.0.push(measures);
            }
        }

        println!("\n### Reviews ({model_name} learners, full cycle)\n");
        println!(
            "| setting | forgetting caught by a review | known objectives failed at a review |"
        );
        println!("|---|---|---|");
        for (name, measures) in &full_cycle {
            println!(
                "| {name} | {} | {} |",
                percent(measures.reviews_catch_forgetting),
                percent(measures.reviews_false_alarm)
            );
        }

        println!("\n### Other rules on the same answers ({model_name} learners, full cycle)\n");
        println!("| setting | rule | precision | reached | items to verdict |");
        println!("|---|---|---|---|---|");
        for (name, measures) in &full_cycle {
            println!(
                "| {name} | Masterly | {} | {} | {} |",
                short(measures.precision),
                short(measures.recall),
                mean(measures.items_to_mastery.value())
            );
            for observer in &measures.observers {
                println!(
                    "| {name} | {} | {} | {} | {} |",
                    observer.rule.say(),
                    short(observer.precision),
                    short(observer.reached),
                    mean(observer.items_to_mastery.value())
                );
            }
        }
        println!();
    }

    println!("## Item kinds (typical learners, full cycle, every item guessed with this chance)\n");
    println!("| setting | items as | precision of Mastered | items to mastery |");
    println!("|---|---|---|---|");
    for setting in &SETTINGS {
        let changed = with_setting(&curriculum, setting);
        for (name, guess) in [
            ("two choices (1/2)", 0.5),
            ("three choices (1/3)", 1.0 / 3.0),
            ("numeric (1/50)", 0.02),
        ] {
            let model = LearnerModel {
                guess_override: Some(guess),
                ..LearnerModel::default()
            };
            let measures = run(&changed, &options.course, &model, Path::FullCycle, &options)?;
            println!(
                "| {} | {name} | {} | {} |",
                setting.name,
                percent(measures.precision),
                mean(measures.items_to_mastery.value())
            );
        }
    }

    println!("\n## Choice\n");
    println!("| setting | lowest precision of Mastered (any path, any verdict kind, both learner models) | items to mastery (typical, full cycle) |");
    println!("|---|---|---|");
    let mut chosen: Option<(&str, f64)> = None;
    for (setting, (measures, items)) in SETTINGS.iter().zip(&judged) {
        let worst = worst_precision(measures);
        println!("| {} | {worst:.1}% | {} |", setting.name, mean(*items));
        if let Some(items) = items {
            let better = chosen.is_none_or(|(_, best)| *items < best);
            if worst >= TARGET_PERCENT && better {
                chosen = Some((setting.name, *items));
            }
        }
    }
    match chosen {
        Some((name, _)) => {
            println!("\nFewest items with at least {TARGET_PERCENT}% precision everywhere: {name}.")
        }
        None => println!("\nNo setting reaches {TARGET_PERCENT}% precision everywhere."),
    }
    eprintln!(
        "masterly-validity: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
