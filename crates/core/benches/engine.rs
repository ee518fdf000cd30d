//! Engine benchmarks: prints figures, asserts nothing about time (the machine is
//! shared and noisy). Run with `make bench` or
//! `cargo bench -p masterly-core --bench engine`. A whole and its parts are timed in
//! the same runs, so the parts' medians can be set against the whole's.
//!
//! Targets (release build on the project's 2-core machine): parse + validate a
//! 10,000-item curriculum under 50 ms; replay a 50,000-attempt log under 20 ms.

use masterly_core::content::curriculum::{
    load_curriculum, validate, Curriculum, CURRICULUM_LIMITS,
};
use masterly_core::format::limits::check_json_limits;
use masterly_core::format::progress::{load_progress, CurriculumCheck};
use masterly_core::learning::replay::replay;
use masterly_core::teacher::class::ClassReports;
use masterly_core::teacher::import::{add_checked_progress, import_progress_file, CheckedProgress};
use masterly_core::teacher::reports::ClassRecord;
use masterly_test_kit::synthetic::{
    synthetic_curriculum, synthetic_log, synthetic_progress_files, TEN_THOUSAND_ITEMS,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `work` `runs` times after one warm-up and returns the sorted durations.
/// The result is dropped after the clock stops: the app keeps what it loads, so
/// freeing it is not part of loading.
fn measure<T>(runs: usize, mut work: impl FnMut() -> T) -> Vec<Duration> {
    drop(black_box(work()));
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let result = black_box(work());
            let elapsed = start.elapsed();
            drop(result);
            elapsed
        })
        .collect();
    times.sort();
    times
}

/// Runs `work` `runs` times after one warm-up; each run gives the duration of each
/// of its `N` phases. Returns each phase's durations and their sums per run, sorted.
fn measure_phases<const N: usize>(
    runs: usize,
    mut work: impl FnMut() -> [Duration; N],
) -> (Vec<Duration>, [Vec<Duration>; N]) {
    black_box(work());
    let mut wholes = Vec::with_capacity(runs);
    let mut parts: [Vec<Duration>; N] = std::array::from_fn(|_| Vec::with_capacity(runs));
    for _ in 0..runs {
        let phases = work();
        wholes.push(phases.iter().sum());
        for (part, phase) in parts.iter_mut().zip(phases) {
            part.push(phase);
        }
    }
    wholes.sort();
    for part in &mut parts {
        part.sort();
    }
    (wholes, parts)
}

/// How long `work` takes, and what it gave (dropped by the caller, after the clock).
fn timed<T>(work: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let result = black_box(work());
    (start.elapsed(), result)
}

fn report(name: &str, target_ms: f64, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[times.len() / 2]);
    println!(
        "{name:<48} min {:>8.2} ms  median {:>8.2} ms  max {:>8.2} ms  (target < {target_ms} ms: {})",
        ms(times[0]),
        median,
        ms(times[times.len() - 1]),
        if median < target_ms { "met" } else { "NOT met" }
    );
}

fn main() {
    // Fewer runs for instruction counting under valgrind: MASTERLY_BENCH_RUNS=1.
    let runs: usize = std::env::var("MASTERLY_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    // `MASTERLY_BENCH_ONLY=load` stops after loading the curriculum, `class` runs the
    // class import alone (for counting instructions of one part).
    let only = std::env::var("MASTERLY_BENCH_ONLY").unwrap_or_default();
    if only == "class" {
        class_import(runs);
        return;
    }
    let text = synthetic_curriculum(TEN_THOUSAND_ITEMS);
    println!(
        "synthetic curriculum: {} items, {} bytes of JSON",
        TEN_THOUSAND_ITEMS.item_count(),
        text.len()
    );
    let curriculum = match load_curriculum(&text) {
        Ok(loaded) => loaded.curriculum,
        Err(errors) => {
            eprintln!("the synthetic curriculum does not load: {errors:?}");
            std::process::exit(1);
        }
    };
    let times = measure(runs, || load_curriculum(&text));
    report("parse + validate 10,000-item curriculum", 50.0, &times);
    // The three steps of loading, one after another in each run: their sum is a
    // little under the whole above, which also reads the format header.
    let (steps, [limits, parse, validation]) = measure_phases(runs, || {
        let (limits, _) = timed(|| check_json_limits(&text, &CURRICULUM_LIMITS));
        let (parse, parsed) = timed(|| serde_json::from_str::<Curriculum>(&text));
        let (validation, _) = timed(|| validate(&curriculum));
        drop(parsed);
        [limits, parse, validation]
    });
    report("  the three steps in sequence", 50.0, &steps);
    report("  of which: limits scan", 50.0, &limits);
    report("  of which: typed parse", 50.0, &parse);
    report("  of which: validation", 50.0, &validation);
    if only == "load" {
        return;
    }

    let log = synthetic_log(&curriculum, 50_000, 7);
    println!("synthetic log: {} attempts", log.len());
    let now = log.last().map_or(0, |a| a.at);
    let result = replay(&curriculum, &log, now);
    if !result.ignored.is_empty() {
        eprintln!(
            "replay ignored {} attempts of the synthetic log",
            result.ignored.len()
        );
        std::process::exit(1);
    }
    let times = measure(runs, || replay(&curriculum, &log, now));
    report("replay 50,000-attempt log", 20.0, &times);

    class_import(runs);
}

/// The teacher's import natively: 40 progress files of 5,000 attempts on the
/// bundled fractions pathway, read into a class, then every report of a course.
/// The browser figure (`make bench-browser`) adds reading the files and drawing.
fn class_import(runs: usize) {
    let text = include_str!("../../../curricula/fractions.json");
    let curriculum = match load_curriculum(text) {
        Ok(loaded) => loaded.curriculum,
        Err(errors) => {
            eprintln!("the fractions pathway does not load: {errors:?}");
            std::process::exit(1);
        }
    };
    let files = synthetic_progress_files(&curriculum, 40, 5_000, 99);
    let bytes: usize = files.iter().map(String::len).sum();
    println!("class: 40 progress files x 5,000 attempts, {bytes} bytes of JSON");
    let check = CurriculumCheck::new(&curriculum);
    let import = || {
        let mut class = ClassRecord::default();
        for file in &files {
            black_box(import_progress_file(&mut class, &check, file));
        }
        class
    };
    let now = import().latest_export();
    let course = &curriculum.courses[0];
    let runs = runs.clamp(1, 5);
    // Import, then every report of the class just imported, in each run: the whole
    // is the sum of the two parts of the same run.
    let (wholes, [imports, reports]) = measure_phases(runs, || {
        let (import_time, class) = timed(import);
        let (reports_time, reports) =
            timed(|| ClassReports::build(&curriculum, course, &class, now, 0));
        drop((class, reports));
        [import_time, reports_time]
    });
    report("class import 40 x 5,000 + all reports", 300.0, &wholes);
    report(
        "  of which: import (load, check, replay, merge)",
        300.0,
        &imports,
    );
    report("  of which: replays and reports", 300.0, &reports);

    // What the one-pass reader buys: the same import with every file read by serde
    // (`load_progress`, as the student's page reads one), in runs of its own.
    let through_serde = || {
        let mut class = ClassRecord::default();
        for file in &files {
            let checked = CheckedProgress::new(&check, load_progress(file));
            black_box(add_checked_progress(&mut class, checked));
        }
        class
    };
    let serde_imports = measure(runs, through_serde);
    report(
        "for comparison: the import with serde's reader alone",
        300.0,
        &serde_imports,
    );
}
