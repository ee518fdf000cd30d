//! Every report of one course built at once from a class record, as tables the
//! page renders and the CSV files are written from. Pure, like the rest of the
//! core; the shell renders the tables.

use crate::content::curriculum::{Course, Curriculum};
use crate::learning::mastery::MasteryLevel;
use crate::teacher::reports::{
    goal_progress, item_analysis, mastery_grid, persistence, to_csv, unit_groups, weekly_activity,
    ActivityRow, ClassRecord, GoalRow, ItemStats, LevelCheck, MasteryGrid, PersistenceRow,
    UnitGroups,
};
use crate::teacher::summary::{action_summary, ActionSummary};
use crate::time::{iso_date, Millis};

/// What the grid's "file check" column means.
const FILE_CHECK_NOTE: &str = "Whether the levels the student's newest file states are the levels replaying its answers gives here";

/// Weeks of active time shown, the current one last.
pub const REPORT_WEEKS: usize = 6;
/// Most-missed items listed in the item analysis.
pub const TOP_ITEMS: usize = 10;

/// Every report of one course, recomputed from the class's attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassReports {
    pub grid: MasteryGrid,
    pub groups: Vec<UnitGroups>,
    pub persistence: Vec<PersistenceRow>,
    pub activity: Vec<ActivityRow>,
    pub items: Vec<ItemStats>,
    pub goals: Vec<GoalRow>,
    /// What to do tomorrow, from the same replays.
    pub summary: ActionSummary,
}

impl ClassReports {
    /// Replays every student once and builds all reports from the replays.
    pub fn build(
        curriculum: &Curriculum,
        course: &Course,
        class: &ClassRecord,
        now: Millis,
        offset_minutes: i64,
    ) -> ClassReports {
        let replays = class.replay(curriculum, now);
        ClassReports {
            grid: mastery_grid(course, &replays),
            groups: unit_groups(course, &replays),
            persistence: persistence(course, &replays),
            activity: weekly_activity(class, now, offset_minutes, REPORT_WEEKS),
            items: item_analysis(curriculum, class, TOP_ITEMS),
            goals: goal_progress(curriculum, &replays),
            summary: action_summary(curriculum, course, &replays, now, offset_minutes),
        }
    }

    /// One report as a table, the same for the page and for its CSV file.
    pub fn table(&self, report: Report) -> Table {
        match report {
            Report::Grid => self.grid_table(),
            Report::Groups => self.groups_table(),
            Report::Persistence => self.persistence_table(),
            Report::Activity => self.activity_table(),
            Report::Items => self.items_table(),
            Report::Goals => self.goals_table(),
        }
    }

    /// One row per student, one column per objective, levels as words; each
    /// column's note is the objective's target, each cell's the evidence.
    fn grid_table(&self) -> Table {
        let mut header = strings(&["student", "mastered", "file check"]);
        header.extend(self.grid.columns.iter().map(|c| short_label(&c.target)));
        let mut header_notes = vec![String::new(), String::new(), FILE_CHECK_NOTE.to_string()];
        header_notes.extend(self.grid.columns.iter().map(|c| c.target.clone()));
        let mut header_ids = vec![String::new(); 3];
        header_ids.extend(self.grid.columns.iter().map(|c| c.objective.clone()));
        let mut table = Table::new(header);
        table.header_notes = header_notes;
        table.header_ids = header_ids;
        for row in &self.grid.rows {
            let (check, check_note) = level_check_cell(&row.level_check);
            let mut cells = vec![
                Cell::Text(row.learner.nickname.clone()),
                Cell::OutOf {
                    count: row.mastered,
                    total: row.cells.len(),
                },
                Cell::Text(check),
            ];
            cells.extend(row.cells.iter().map(|c| Cell::Level(c.level)));
            let mut notes = vec![String::new(), String::new(), check_note];
            notes.extend(row.cells.iter().map(|c| c.reason.clone()));
            table.rows.push(cells);
            table.cell_notes.push(notes);
        }
        table
    }

    /// One row per student who needs something in a unit: the group, the
    /// objectives and the suggested peer tutors.
    fn groups_table(&self) -> Table {
        let mut table = Table::new(strings(&[
            "unit",
            "group",
            "student",
            "objectives",
            "peer tutors",
        ]));
        for unit in &self.groups {
            for need in &unit.needs_correctives {
                let tutors: Vec<String> = unit
                    .tutors
                    .iter()
                    .filter(|t| t.stuck.id == need.learner.id)
                    .flat_map(|t| t.tutors.iter().map(|l| l.nickname.clone()))
                    .collect();
                table.rows.push(vec![
                    Cell::Text(unit.unit.clone()),
                    Cell::Text("correctives".to_string()),
                    Cell::Text(need.learner.nickname.clone()),
                    Cell::Text(need.objectives.join(" ")),
                    Cell::Text(dedup_join(tutors)),
                ]);
            }
            for (group, learners) in [
                ("enrichment", &unit.ready_for_enrichment),
                ("not started", &unit.not_started),
            ] {
                for learner in learners {
                    table.rows.push(vec![
                        Cell::Text(unit.unit.clone()),
                        Cell::Text(group.to_string()),
                        Cell::Text(learner.nickname.clone()),
                        Cell::Empty,
                        Cell::Empty,
                    ]);
                }
            }
        }
        table
    }

    fn persistence_table(&self) -> Table {
        let mut table = Table::new(strings(&[
            "student",
            "unit",
            "scored tries",
            "mastered after",
            "success after many tries",
        ]));
        for row in &self.persistence {
            table.rows.push(vec![
                Cell::Text(row.learner.nickname.clone()),
                Cell::Text(row.unit.clone()),
                Cell::count(row.sittings),
                row.mastered_after.map_or(Cell::Empty, Cell::count),
                if row.highlight {
                    Cell::Text("yes ★".to_string())
                } else {
                    Cell::Empty
                },
            ]);
        }
        table
    }

    fn activity_table(&self) -> Table {
        let mut header = strings(&["student", "weekly goal (minutes)"]);
        if let Some(first) = self.activity.first() {
            header.extend(first.weeks.iter().map(|(day, _)| iso_date(*day)));
        }
        let mut table = Table::new(header);
        for row in &self.activity {
            let goal = row.goal_minutes;
            let mut cells = vec![Cell::Text(row.learner.nickname.clone()), Cell::count(goal)];
            cells.extend(row.weeks.iter().map(|&(_, minutes)| Cell::Minutes {
                minutes,
                goal_met: goal > 0 && minutes >= goal,
            }));
            table.rows.push(cells);
        }
        table
    }

    fn items_table(&self) -> Table {
        let mut table = Table::new(strings(&[
            "item",
            "objective",
            "answers",
            "wrong",
            "wrong %",
            "frequent wrong answers",
            "misconceptions",
        ]));
        for item in &self.items {
            table.rows.push(vec![
                Cell::Text(item.item.clone()),
                Cell::Text(item.objective.clone()),
                Cell::count(item.attempts),
                Cell::count(item.wrong),
                Cell::count(item.wrong_percent()),
                Cell::Text(counted(&item.wrong_answers)),
                Cell::Text(counted(&item.misconceptions)),
            ]);
        }
        table
    }

    fn goals_table(&self) -> Table {
        let mut table = Table::new(strings(&[
            "student",
            "goal course",
            "target date",
            "mastered",
            "objectives",
            "days left",
        ]));
        for row in &self.goals {
            table.rows.push(vec![
                Cell::Text(row.learner.nickname.clone()),
                row.course.clone().map_or(Cell::Empty, Cell::Text),
                row.target_date.clone().map_or(Cell::Empty, Cell::Date),
                Cell::Count(row.mastered as u64),
                Cell::Count(row.total as u64),
                row.days_left.map_or(Cell::Empty, Cell::Days),
            ]);
        }
        table
    }
}

/// One student's page for their family: the course's objectives and levels unit
/// by unit, active minutes per week against the weekly goal, and the course goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilySummary {
    pub nickname: String,
    pub course_title: String,
    pub mastered: usize,
    pub objectives: usize,
    /// (unit title, [(objective target, level)]), in course order.
    pub units: Vec<(String, Vec<(String, MasteryLevel)>)>,
    /// (first day of the week as YYYY-MM-DD, active minutes), oldest first.
    pub weeks: Vec<(String, u32)>,
    pub weekly_goal: u32,
    pub goal: Option<GoalRow>,
}

impl ClassReports {
    /// The family summary of the student with this learner id, for `course` (the
    /// course these reports were built for).
    pub fn family_summary(&self, course: &Course, learner_id: &str) -> Option<FamilySummary> {
        let row = self.grid.rows.iter().find(|r| r.learner.id == learner_id)?;
        let mut cells = row.cells.iter();
        let units = course
            .units
            .iter()
            .map(|unit| {
                let objectives = unit
                    .objectives
                    .iter()
                    .zip(cells.by_ref())
                    .map(|(objective, cell)| (objective.target.clone(), cell.level))
                    .collect();
                (unit.title.clone(), objectives)
            })
            .collect();
        let activity = self.activity.iter().find(|a| a.learner.id == learner_id);
        Some(FamilySummary {
            nickname: row.learner.nickname.clone(),
            course_title: course.title.clone(),
            mastered: row.mastered,
            objectives: row.cells.len(),
            units,
            weeks: activity
                .map(|a| {
                    a.weeks
                        .iter()
                        .map(|(day, minutes)| (iso_date(*day), *minutes))
                        .collect()
                })
                .unwrap_or_default(),
            weekly_goal: activity.map_or(0, |a| a.goal_minutes),
            goal: self
                .goals
                .iter()
                .find(|g| g.learner.id == learner_id)
                .cloned(),
        })
    }
}

/// The reports of a class, in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    Grid,
    Groups,
    Persistence,
    Activity,
    Items,
    Goals,
}

impl Report {
    pub const ALL: [Report; 6] = [
        Report::Grid,
        Report::Groups,
        Report::Persistence,
        Report::Activity,
        Report::Items,
        Report::Goals,
    ];

    /// A short stable name, for file names and page hooks.
    pub fn key(self) -> &'static str {
        match self {
            Report::Grid => "grid",
            Report::Groups => "groups",
            Report::Persistence => "persistence",
            Report::Activity => "activity",
            Report::Items => "items",
            Report::Goals => "goals",
        }
    }
}

/// A report as rows of cells under a header; the first column names the row.
/// Notes are extra words for a column or a cell (shown on hover), never exported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub header_notes: Vec<String>,
    pub cell_notes: Vec<Vec<String>>,
    /// The id behind a column named by a title, for tools reading the CSV file:
    /// written there as "title [id]". Empty for other columns.
    pub header_ids: Vec<String>,
}

impl Table {
    fn new(header: Vec<String>) -> Table {
        Table {
            header,
            ..Table::default()
        }
    }

    pub fn to_csv(&self) -> String {
        let mut rows = Vec::with_capacity(self.rows.len() + 1);
        rows.push(
            self.header
                .iter()
                .enumerate()
                .map(|(column, name)| match self.header_ids.get(column) {
                    Some(id) if !id.is_empty() => format!("{name} [{id}]"),
                    _ => name.clone(),
                })
                .collect(),
        );
        rows.extend(
            self.rows
                .iter()
                .map(|row| row.iter().map(Cell::text).collect()),
        );
        to_csv(&rows)
    }
}

/// A cell of a report, with what it means: the page shows each kind its own way
/// (a level as a coloured badge with its word) and the CSV file writes
/// [`Cell::text`], so nothing is read back from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Words, names or ids, as they are.
    Text(String),
    /// An objective's mastery level.
    Level(MasteryLevel),
    /// How many.
    Count(u64),
    /// So many of so many: objectives mastered of the course's.
    OutOf { count: usize, total: usize },
    /// Active minutes in a week, and whether they reached the weekly goal.
    Minutes { minutes: u32, goal_met: bool },
    /// A calendar date, YYYY-MM-DD.
    Date(String),
    /// Days until a date (negative once it has passed).
    Days(i64),
    /// Nothing to show.
    Empty,
}

impl Cell {
    fn count(value: impl Into<u64>) -> Cell {
        Cell::Count(value.into())
    }

    /// The cell as the CSV file writes it (and as the page reads it aloud).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) | Cell::Date(text) => text.clone(),
            Cell::Level(level) => level.label().to_string(),
            Cell::Count(count) => count.to_string(),
            Cell::OutOf { count, total } => format!("{count}/{total}"),
            Cell::Minutes { minutes, goal_met } => {
                if *goal_met {
                    format!("{minutes} ✓")
                } else {
                    minutes.to_string()
                }
            }
            Cell::Days(days) => days.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// "1/2 (4); 2/3 (1)": answers or misconceptions with how often they came up.
/// The grid's "file check" cell and its note: every disagreement, objective by
/// objective.
fn level_check_cell(check: &LevelCheck) -> (String, String) {
    match check {
        LevelCheck::NotStated => ("not stated".into(), "The file states no levels.".into()),
        LevelCheck::NotComparable => (
            "not compared".into(),
            "Other files added answers that the newest file does not hold.".into(),
        ),
        LevelCheck::Agrees => ("levels match".into(), String::new()),
        LevelCheck::Disagrees(differences) => {
            let details: Vec<String> = differences
                .iter()
                .map(|(objective, said, replayed)| {
                    format!(
                        "{objective}: file says {}, replay gives {}",
                        said.label(),
                        replayed.label()
                    )
                })
                .collect();
            (
                format!("⚠ levels differ ({})", differences.len()),
                details.join("; "),
            )
        }
    }
}

/// An objective's learning target, short enough for a column heading: without
/// "I can" and the full stop, and cut at a word before 32 characters
/// ("Tell whether a shape is cut into…"). The full target is the heading's note.
pub fn short_label(target: &str) -> String {
    const MOST: usize = 32;
    let trimmed = target.trim().trim_end_matches('.');
    let without = ["I can ", "i can "]
        .iter()
        .find_map(|prefix| trimmed.strip_prefix(prefix))
        .unwrap_or(trimmed);
    let mut label = String::new();
    for word in without.split_whitespace() {
        let needed = label.len() + usize::from(!label.is_empty()) + word.len();
        if needed > MOST && !label.is_empty() {
            label.push('…');
            break;
        }
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(word);
    }
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    label
}

pub fn counted(pairs: &[(String, u32)]) -> String {
    pairs
        .iter()
        .map(|(what, n)| format!("{what} ({n})"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|cell| cell.to_string()).collect()
}

fn dedup_join(mut names: Vec<String>) -> String {
    let mut seen = crate::content::rng::FastSet::default();
    names.retain(|name| seen.insert(name.clone()));
    names.join(" ")
}
