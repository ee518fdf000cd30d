//! Writes seed inputs for fuzz targets from the bundled curricula: for `progress`
//! and `stored`, files of students simulated on them, with the paths real classes
//! take (locked out, correctives, check B missed twice, enrichment, units
//! mastered, reviews) and answers of every item kind, pictures included; for
//! `markdown`, every text they hold; for `expr`, every template of their items;
//! for `class_file`, class files of the format's examples with rosters and goals;
//! for `curriculum`, those examples. The JSON inputs come with every field once in
//! each wrong shape too (`wrong_shapes`).
//!
//!     cargo run -p masterly-test-kit --example fuzz-seeds -- DIR
//!
//! writes `DIR/<target>/` for these six; name one after its target's corpus
//! (`fuzz/corpus/<target> DIR/<target>`) and libFuzzer keeps what adds coverage.
//! Inputs over `MAX_LEN` bytes are left out, so the fuzzers' input length stays
//! near the corpus's own (docs/fuzzing.md).

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{Map, Value};

use masterly_core::content::curriculum::{load_curriculum, Curriculum};
use masterly_core::device::profiles::{Profiles, PROFILES_KIND};
use masterly_core::device::store;
use masterly_core::device::workbook::{
    archive_to_stored, Place, Workbook, ARCHIVE_KIND, WORKBOOK_KIND,
};
use masterly_core::format::class_file::{ClassFile, ClassInfo, RosterEntry};
use masterly_core::format::progress::{ClassRef, Goals, ProgressBundle};
use masterly_core::learning::plan::PlanRequest;
use masterly_core::time::{iso_date, DAY_MS};
use masterly_test_kit::student::{bundle, mixed_class, Student, START};
use masterly_test_kit::synthetic::activity_of;

const MAX_LEN: usize = 16 * 1024;

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: fuzz-seeds DIR");
        std::process::exit(2);
    };
    let out = Path::new(&out);
    let texts = [
        include_str!("../../../curricula/demo.json"),
        include_str!("../../../curricula/fractions.json"),
        include_str!("../../../docs/examples/curriculum.json"),
        include_str!("../../../docs/examples/pictures.json"),
    ];
    let mut markdown = Vec::new();
    for text in texts {
        let value: serde_json::Value = serde_json::from_str(text).expect("a curriculum is JSON");
        strings_in(&value, &mut markdown);
    }
    markdown.sort();
    markdown.dedup();
    let written = write_all(&out.join("markdown"), "markdown", &markdown);
    println!("{written} texts of {}", markdown.len());
    let curricula = texts.map(|text| {
        load_curriculum(text)
            .unwrap_or_else(|errors| panic!("a bundled curriculum: {errors:?}"))
            .curriculum
    });
    let mut examples: Vec<String> = texts[2..].iter().map(|text| text.to_string()).collect();
    examples.extend(wrong_shapes_of(&examples));
    let written = write_all(&out.join("curriculum"), "curriculum", &examples);
    println!("{written} curricula of {}", examples.len());
    let mut classes: Vec<String> = curricula[2..].iter().flat_map(class_files).collect();
    classes.extend(wrong_shapes_of(&classes));
    let written = write_all(&out.join("class_file"), "class_file", &classes);
    println!("{written} class files of {}", classes.len());
    let templates: Vec<String> = curricula.iter().flat_map(templates).collect();
    let written = write_all(&out.join("expr"), "expr", &templates);
    println!("{written} templates of {}", templates.len());
    let mut progress = Vec::new();
    let mut journeys = Vec::new();
    let mut classes = Vec::new();
    let mut workbooks = Vec::new();
    for curriculum in &curricula[..3] {
        let courses: Vec<&str> = curriculum.courses.iter().map(|c| c.id.as_str()).collect();
        // The mixed class starts with the first unit's readiness check, in its
        // course and in the other course some of its students work on.
        let ready: Vec<&str> = courses
            .iter()
            .copied()
            .filter(|course| {
                curriculum
                    .course(course)
                    .and_then(|c| c.units.first())
                    .and_then(|u| curriculum.unit(&u.id))
                    .is_some_and(|unit| !unit.prerequisites.is_empty())
            })
            .collect();
        for (n, course) in ready.iter().enumerate() {
            let other = ready[(n + 1) % ready.len()];
            let now = START + 30 * DAY_MS;
            let files: Vec<String> = mixed_class(curriculum, course, other, now)
                .files
                .iter()
                .map(progress_json)
                .collect();
            classes.extend(class_inputs(&files));
            progress.extend(files);
        }
        for course in &courses {
            for (s, journey) in JOURNEYS.iter().enumerate() {
                let student = journey.walk(curriculum, course);
                let nickname = format!("{}{s}", journey.name);
                journeys.push(progress_json(&with_extras(&nickname, &student, course, s)));
                workbooks.push(workbook(&nickname, &student, course, s));
            }
        }
    }
    let shapes = wrong_shapes_of(&journeys);
    progress.extend(journeys);
    progress.extend(classes);
    progress.extend(shapes);
    let written = write_all(&out.join("progress"), "progress", &progress);
    println!("{written} progress files of {}", progress.len());
    let stored = stored_values(&workbooks);
    let written = write_all(&out.join("stored"), "stored", &stored);
    println!("{written} stored values of {}", stored.len());
}

fn progress_json(file: &ProgressBundle) -> String {
    serde_json::to_string(file).expect("a progress file is written")
}

/// Inputs of several files of one class, as the `progress` target reads them
/// (separated by NUL characters): the files taken seven apart, so that each input
/// holds students on different paths, as many as fit in `MAX_LEN`.
fn class_inputs(files: &[String]) -> Vec<String> {
    let mut inputs = Vec::new();
    let mut input = String::new();
    for n in 0..files.len() {
        let file = &files[n * 7 % files.len()];
        if !input.is_empty() && input.len() + 1 + file.len() > MAX_LEN {
            inputs.push(std::mem::take(&mut input));
        }
        if !input.is_empty() {
            input.push('\0');
        }
        input.push_str(file);
    }
    inputs.push(input);
    inputs
}

/// Every text longer than a word: lessons, prompts, choices, hints, solutions.
fn strings_in(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) if text.len() > 15 => out.push(text.clone()),
        serde_json::Value::Array(values) => values.iter().for_each(|v| strings_in(v, out)),
        serde_json::Value::Object(fields) => fields.values().for_each(|v| strings_in(v, out)),
        _ => {}
    }
}

/// Each templated item as the `expr` target reads it: variables and derived values
/// on one line (`a=1..9..2 b=1|2 c:=a+b`), the answer, the first constraint, then
/// the prompt.
fn templates(curriculum: &Curriculum) -> Vec<String> {
    let items = curriculum
        .units()
        .flat_map(|(_, unit)| &unit.objectives)
        .flat_map(|objective| &objective.items);
    let mut inputs = Vec::new();
    for item in items {
        let Some(template) = &item.template else {
            continue;
        };
        let mut words: Vec<String> = template
            .variables
            .iter()
            .map(
                |variable| match (&variable.from, &variable.to, &variable.one_of) {
                    (Some(from), Some(to), _) => match variable.step {
                        Some(step) => format!("{}={from}..{to}..{step}", variable.name),
                        None => format!("{}={from}..{to}", variable.name),
                    },
                    (_, _, Some(values)) => format!("{}={}", variable.name, values.join("|")),
                    _ => format!("{}=0", variable.name),
                },
            )
            .collect();
        words.extend(template.derived.iter().map(|derived| {
            let value: String = derived.value.split_whitespace().collect();
            format!("{}:={value}", derived.name)
        }));
        let answer = item.answer.as_deref().unwrap_or("0").replace('\n', " ");
        let constraint = template.constraints.first().map_or("", String::as_str);
        inputs.push(format!(
            "{}\n{answer}\n{}\n{}",
            words.join(" "),
            constraint.replace('\n', " "),
            item.prompt
        ));
    }
    inputs
}

/// Class files of `curriculum`: one student without a goal, a group with goals on
/// each course, and a class of thirty.
fn class_files(curriculum: &Curriculum) -> Vec<String> {
    let courses: Vec<&str> = curriculum.courses.iter().map(|c| c.id.as_str()).collect();
    [1, 5, 30]
        .iter()
        .map(|&size| {
            let students = (0..size)
                .map(|n| RosterEntry {
                    id: format!("student-{n:02}"),
                    nickname: format!("Student {}", n + 1),
                    goals: match size {
                        1 => Goals::default(),
                        _ => Goals {
                            course: Some(courses[n % courses.len()].to_string()),
                            target_date: (!n.is_multiple_of(3))
                                .then(|| iso_date(20_600 + n as i64)),
                            weekly_minutes: 15 * (n as u32 % 5),
                        },
                    },
                })
                .collect();
            let class = ClassInfo {
                id: format!("class-{size}"),
                name: format!("Class of {size}"),
            };
            let file = ClassFile::new(class, students, curriculum.clone(), START);
            serde_json::to_string(&file).expect("a class file is written")
        })
        .collect()
}

/// A student's way through the first units of a course: what each sitting is and
/// which objectives are answered right.
struct Journey {
    name: &'static str,
    /// Units of the course walked, from the first.
    units: usize,
    /// Objectives (by position in their unit) answered wrong in check A.
    missed_in_a: &'static [usize],
    /// Whether check B is missed once before it is passed.
    miss_b_once: bool,
    /// Hints used on every answer.
    hints: u32,
    /// Answers left out of the last sitting, to leave it unfinished.
    unfinished: Option<usize>,
    /// Whether a review is taken a month after the last unit.
    review: bool,
}

const JOURNEYS: [Journey; 5] = [
    Journey {
        name: "steady",
        units: 2,
        missed_in_a: &[],
        miss_b_once: false,
        hints: 0,
        unfinished: None,
        review: false,
    },
    Journey {
        name: "corrective",
        units: 1,
        missed_in_a: &[0, 2],
        miss_b_once: false,
        hints: 1,
        unfinished: None,
        review: false,
    },
    Journey {
        name: "persistent",
        units: 1,
        missed_in_a: &[1],
        miss_b_once: true,
        hints: 2,
        unfinished: None,
        review: false,
    },
    Journey {
        name: "midway",
        units: 1,
        missed_in_a: &[0],
        miss_b_once: false,
        hints: 0,
        unfinished: Some(2),
        review: false,
    },
    Journey {
        name: "reviewer",
        units: 1,
        missed_in_a: &[],
        miss_b_once: false,
        hints: 3,
        unfinished: None,
        review: true,
    },
];

impl Journey {
    fn walk(&self, curriculum: &Curriculum, course: &str) -> Student {
        let mut student = Student::new(curriculum.clone());
        let units: Vec<String> = curriculum
            .course(course)
            .map(|c| c.units.iter().map(|u| u.id.clone()).collect())
            .unwrap_or_default();
        let all = |_: &str| true;
        for unit in units.iter().take(self.units) {
            let objectives: Vec<String> = curriculum
                .unit(unit)
                .map(|u| u.objectives.iter().map(|o| o.id.clone()).collect())
                .unwrap_or_default();
            let missed: Vec<&str> = self
                .missed_in_a
                .iter()
                .filter_map(|&n| objectives.get(n).map(String::as_str))
                .collect();
            let unit = unit.clone();
            // A unit whose prerequisites are not mastered asks for readiness first.
            let _ = student.try_take(PlanRequest::Readiness { unit: unit.clone() }, all, None);
            let _ = student.try_take(
                PlanRequest::FormativeA { unit: unit.clone() },
                |o| !missed.contains(&o),
                None,
            );
            for objective in &missed {
                let _ = student.try_take(
                    PlanRequest::Practice {
                        objective: objective.to_string(),
                        items: 3,
                        for_unit: None,
                    },
                    all,
                    None,
                );
            }
            if !missed.is_empty() {
                if self.miss_b_once {
                    let _ = student.try_take(
                        PlanRequest::FormativeB { unit: unit.clone() },
                        |_| false,
                        None,
                    );
                }
                let _ = student.try_take(PlanRequest::FormativeB { unit: unit.clone() }, all, None);
            }
            let _ = student.try_take(PlanRequest::UnitTest { unit }, all, self.unfinished);
            student.now += DAY_MS;
        }
        if self.review {
            student.now += 30 * DAY_MS;
            let _ = student.try_take(
                PlanRequest::Review {
                    course: course.to_string(),
                },
                |o| o.len() % 2 == 0,
                None,
            );
        }
        for attempt in &mut student.log {
            attempt.hints_used = self.hints;
        }
        student
    }
}

/// The progress file with what the app adds: levels, a day's activity, a class,
/// a goal.
fn with_extras(nickname: &str, student: &Student, course: &str, n: usize) -> ProgressBundle {
    let goals = Goals {
        course: Some(course.to_string()),
        target_date: Some(iso_date(student.now.div_euclid(DAY_MS) + 90)),
        weekly_minutes: 20 + 10 * n as u32,
    };
    let mut file = bundle(nickname, student, goals);
    file.levels = Some(student.replay().stated_levels());
    file.activity = activity_of(&student.log);
    if n.is_multiple_of(2) {
        file.class = Some(ClassRef {
            class_id: "class-4b".into(),
            student_id: format!("student-{n}"),
        });
    }
    file
}

/// The student's workbook as the page keeps it, part-way through a sitting.
fn workbook(nickname: &str, student: &Student, course: &str, n: usize) -> Workbook {
    let file = bundle(nickname, student, Goals::default());
    let mut workbook = Workbook::new(file.learner, file.curriculum);
    workbook.course = Some(course.to_string());
    workbook.activity = activity_of(&student.log);
    workbook.attempts = student.log.clone();
    let mut next = student.clone();
    let unit = student
        .curriculum
        .course(course)
        .and_then(|c| c.units.get(n % c.units.len()))
        .map(|u| u.id.clone())
        .unwrap_or_default();
    workbook.place = Place::Unit { unit: unit.clone() };
    if let Ok(plan) = next
        .plan(PlanRequest::FormativeB { unit: unit.clone() })
        .or_else(|_| next.plan(PlanRequest::FormativeA { unit }))
    {
        workbook.start_sitting(plan);
        for _ in 0..n {
            workbook.show_hint(2);
            workbook.advance();
        }
    }
    workbook
}

/// Workbooks, archives and a learner list, raw and sealed, alone and as a current
/// and previous slot.
fn stored_values(workbooks: &[Workbook]) -> Vec<String> {
    let mut values = Vec::new();
    let mut profiles = Profiles::default();
    for (n, workbook) in workbooks.iter().enumerate() {
        let saved_at = workbook.attempts.last().map_or(START, |a| a.at);
        let generation = n as u64 + 1;
        let half = workbook.attempts.len() / 2;
        let archive = archive_to_stored(&workbook.attempts[..half]);
        let archived = workbook.attempts[..half]
            .iter()
            .map(|a| a.id.clone())
            .collect();
        let beside = workbook.clone().to_stored_beside(&archived);
        let whole = workbook.to_stored();
        let sealed = store::seal(WORKBOOK_KIND, &whole, saved_at, generation + 1);
        let older = store::seal(WORKBOOK_KIND, &beside, saved_at - 1, generation);
        values.push(format!("{sealed}\0{older}"));
        values.push(store::seal(WORKBOOK_KIND, &beside, saved_at, generation));
        values.push(store::seal(ARCHIVE_KIND, &archive, saved_at, generation));
        values.push(whole);
        let _ = profiles.add_existing(&workbook.learner);
    }
    let list = profiles.to_stored();
    values.push(store::seal(PROFILES_KIND, &list, START, 7));
    let raw = [
        (
            WORKBOOK_KIND,
            workbooks.iter().map(Workbook::to_stored).collect(),
        ),
        (PROFILES_KIND, vec![list.clone()]),
    ];
    values.push(list);
    for (kind, raw) in raw {
        for shape in wrong_shapes_of(&raw) {
            values.push(store::seal(kind, &shape, START, 1));
            values.push(shape);
        }
    }
    values
}

/// The wrong shapes (`wrong_shapes`) of those `inputs` that are JSON of at most
/// `MAX_LEN` bytes, each place once.
fn wrong_shapes_of(inputs: &[String]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    inputs
        .iter()
        .filter(|input| input.len() <= MAX_LEN)
        .filter_map(|input| serde_json::from_str::<Value>(input).ok())
        .flat_map(|value| wrong_shapes(&value, &mut seen))
        .collect()
}

/// `root` once for each place not in `seen`, a place being a field
/// (`.units[].objectives[].id`, one place in every item of an array) or the first
/// item of an array (`.units[]`): the value there, where the place first appears,
/// given each wrong shape (`null`, `false`, `0`, `-1`, `0.5`, `""`,
/// `"x"`, `[]`, `{}`, the value in an array and in an object), a field taken away,
/// and an object given a field no format has. A reader refuses each of these in a
/// path of its own (serde compiles one per type and field), and libFuzzer, which
/// changes bytes, rarely makes them.
fn wrong_shapes(root: &Value, seen: &mut BTreeSet<String>) -> Vec<String> {
    let mut places = vec![JsonPlace {
        pointer: String::new(),
        path: String::new(),
        field_of: None,
    }];
    places_in(root, "", "", &mut places);
    let changed = |pointer: &str, change: &dyn Fn(&mut Value)| {
        let mut copy = root.clone();
        if let Some(place) = copy.pointer_mut(pointer) {
            change(place);
        }
        copy.to_string()
    };
    let mut out = Vec::new();
    for place in places {
        let Some(value) = root.pointer(&place.pointer) else {
            continue;
        };
        if !seen.insert(place.path) {
            continue;
        }
        let mut wrong: Vec<Value> =
            serde_json::from_str(r#"[null, false, 0, -1, 0.5, "", "x", [], {}]"#)
                .expect("the wrong shapes are JSON");
        wrong.push(Value::Array(vec![value.clone()]));
        wrong.push(Value::Object(Map::from_iter([("x".into(), value.clone())])));
        if let Value::Object(fields) = value {
            let mut more = fields.clone();
            more.insert("unknown".into(), Value::from(1));
            wrong.push(Value::Object(more));
        }
        for shape in wrong {
            out.push(changed(&place.pointer, &|at| *at = shape.clone()));
        }
        if let Some((object, key)) = &place.field_of {
            out.push(changed(object, &|at| {
                if let Value::Object(fields) = at {
                    fields.remove(key);
                }
            }));
        }
    }
    out
}

/// A place in a JSON value: its JSON pointer, its path, and for a field, the
/// pointer of its object and its key.
struct JsonPlace {
    pointer: String,
    path: String,
    field_of: Option<(String, String)>,
}

/// Every field in `value` and the first item of every array, in order.
fn places_in(value: &Value, pointer: &str, path: &str, out: &mut Vec<JsonPlace>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                let place = JsonPlace {
                    pointer: format!("{pointer}/{}", escaped(key)),
                    path: format!("{path}.{key}"),
                    field_of: Some((pointer.to_string(), key.clone())),
                };
                places_in(field, &place.pointer, &place.path, out);
                out.push(place);
            }
        }
        Value::Array(items) => {
            let path = format!("{path}[]");
            for (n, item) in items.iter().enumerate() {
                let pointer = format!("{pointer}/{n}");
                places_in(item, &pointer, &path, out);
                if n == 0 {
                    out.push(JsonPlace {
                        pointer,
                        path: path.clone(),
                        field_of: None,
                    });
                }
            }
        }
        _ => {}
    }
}

/// `key` as one step of a JSON pointer.
fn escaped(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Writes each input of at most `MAX_LEN` bytes as `DIR/seed-<target>-<n>`;
/// returns how many.
fn write_all(dir: &Path, target: &str, inputs: &[String]) -> usize {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut written = 0;
    for (n, input) in inputs.iter().enumerate() {
        if input.len() > MAX_LEN {
            continue;
        }
        let path = dir.join(format!("seed-{target}-{n:03}"));
        std::fs::write(&path, input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        written += 1;
    }
    written
}
