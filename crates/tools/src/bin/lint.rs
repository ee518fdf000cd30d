//! `masterly-lint`: the content linter for curriculum files (masterly_tools::lint,
//! docs/curriculum-format.md "Checking content").
//!
//!     masterly-lint [--seeds N] [--known FILE] [--quiet] CURRICULUM.json...
//!     masterly-lint --summary CURRICULUM.json...
//!     masterly-lint --show ITEM_ID [--versions N] CURRICULUM.json
//!
//! Prints each finding as `file: path (id): check: what`, then the count per check.
//! Exits 1 when a file does not load or has a finding, 0 when all are clean. With
//! `--known`, findings listed there (`check id` per line) are expected: the run
//! fails only on a finding not listed, or on a listed one that is gone; `--quiet`
//! prints only those. `--summary` prints instead what each course holds and which
//! objectives teach each standard, as Markdown tables; `--show` prints versions of an
//! item as a student meets them, to proofread.

use masterly_core::content::curriculum::load_curriculum;
use masterly_text::Say;
use masterly_tools::lint::{counts, lint, show, summary, Check, Finding, Options};
use std::collections::BTreeSet;
use std::process::ExitCode;

struct Arguments {
    files: Vec<String>,
    options: Options,
    known: Option<String>,
    quiet: bool,
    summary: bool,
    show: Option<String>,
    versions: usize,
}

const USAGE: &str = "usage: masterly-lint [--seeds N] [--known FILE] [--quiet] [--summary] \
     [--show ITEM_ID [--versions N]] CURRICULUM.json...";

fn arguments() -> Result<Arguments, String> {
    let mut arguments = Arguments {
        files: Vec::new(),
        options: Options::default(),
        known: None,
        quiet: false,
        summary: false,
        show: None,
        versions: 5,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seeds" => {
                let value = args.next().ok_or("--seeds needs a number")?;
                arguments.options.seeds =
                    value.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        format!("--seeds takes a whole number above 0, not \"{value}\"")
                    })?;
            }
            "--known" => arguments.known = Some(args.next().ok_or("--known needs a file")?),
            "--quiet" => arguments.quiet = true,
            "--summary" => arguments.summary = true,
            "--show" => arguments.show = Some(args.next().ok_or("--show needs an item id")?),
            "--versions" => {
                let value = args.next().ok_or("--versions needs a number")?;
                arguments.versions = value
                    .parse()
                    .map_err(|_| format!("--versions takes a whole number, not \"{value}\""))?;
            }
            "--help" | "-h" => {
                let checks: Vec<String> = Check::ALL
                    .iter()
                    .map(|c| format!("  {:22} {}", c.name(), c.meaning()))
                    .collect();
                return Err(format!("{USAGE}\n\nchecks:\n{}", checks.join("\n")));
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            _ => arguments.files.push(arg),
        }
    }
    if arguments.files.is_empty() {
        return Err(USAGE.to_string());
    }
    Ok(arguments)
}

/// The `check id` pairs of a known-findings file (blank lines and `#` comments skipped).
fn read_known(path: &str) -> Result<BTreeSet<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut known = BTreeSet::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(check), Some(id), None) = (words.next(), words.next(), words.next()) else {
            return Err(format!(
                "{path}:{}: expected \"check id\", found \"{line}\"",
                number + 1
            ));
        };
        if Check::named(check).is_none() {
            return Err(format!(
                "{path}:{}: there is no check named \"{check}\"",
                number + 1
            ));
        }
        known.insert((check.to_string(), id.to_string()));
    }
    Ok(known)
}

fn run() -> Result<bool, String> {
    let arguments = arguments()?;
    let known = arguments.known.as_deref().map(read_known).transpose()?;
    let mut all: Vec<Finding> = Vec::new();
    let mut clean = true;
    for file in &arguments.files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        let loaded = match load_curriculum(&text) {
            Ok(loaded) => loaded,
            Err(errors) => {
                for error in &errors.0 {
                    println!("{file}: {}", error.say());
                }
                clean = false;
                continue;
            }
        };
        if arguments.summary {
            println!("{file}\n\n{}", summary(&loaded.curriculum));
            continue;
        }
        if let Some(id) = &arguments.show {
            match show(&loaded.curriculum, id, arguments.versions) {
                Some(versions) => print!("{versions}"),
                None => println!("{file}: no item \"{id}\" that compiles"),
            }
            continue;
        }
        let warnings: Vec<(String, String)> = loaded
            .warnings
            .iter()
            .map(|w| (w.path.clone(), w.kind.say()))
            .collect();
        let findings = lint(&loaded.curriculum, &warnings, arguments.options);
        for finding in &findings {
            let expected = known.as_ref().is_some_and(|known| {
                known.contains(&(finding.check.name().to_string(), finding.id.clone()))
            });
            if !expected {
                clean = false;
            } else if arguments.quiet {
                continue;
            }
            println!(
                "{file}: {} ({}): {}: {}{}",
                finding.path,
                finding.id,
                finding.check.name(),
                finding.message,
                if expected { "  [known]" } else { "" }
            );
        }
        all.extend(findings);
    }
    if arguments.summary || arguments.show.is_some() {
        return Ok(clean);
    }
    if let Some(known) = &known {
        let found: BTreeSet<(String, String)> = all
            .iter()
            .map(|f| (f.check.name().to_string(), f.id.clone()))
            .collect();
        for (check, id) in known.difference(&found) {
            println!("known finding gone: {check} {id} (remove it from the known list)");
            clean = false;
        }
    }
    println!();
    for (check, count) in counts(&all) {
        println!("{:24} {count}", check.name());
    }
    println!("{:24} {}", "total", all.len());
    Ok(clean)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
