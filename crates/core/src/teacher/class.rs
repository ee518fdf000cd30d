//! Every report of one course built at once from a class record, as tables of
//! typed columns and cells that the page renders and the CSV files are written
//! from (masterly-text says each column and cell in words). Pure, like the rest
//! of the core; the shell renders the tables.

use crate::content::case::lowercase;
use crate::content::curriculum::{Course, Curriculum};
use crate::content::rng::FastMap;
use crate::learning::mastery::MasteryLevel;
use crate::learning::replay::Evidence;
use crate::order;
use crate::teacher::reports::{
    goal_progress, item_analysis, mastery_grid, persistence, unit_groups, weekly_activity,
    ActivityRow, ClassRecord, GoalRow, ItemStats, LevelCheck, MasteryGrid, PersistenceRow,
    Question, ReadinessMark, UnitGroups,
};
use crate::teacher::summary::{action_summary, ActionSummary};
use crate::time::{iso_date, Millis};
use std::cmp::Ordering;

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
    /// What the reports call each unit, objective and course of the curriculum by
    /// id: its title, or for an objective its learning target.
    names: FastMap<String, String>,
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
            grid: mastery_grid(curriculum, course, &replays),
            groups: unit_groups(course, &replays),
            persistence: persistence(course, &replays),
            activity: weekly_activity(class, now, offset_minutes, REPORT_WEEKS),
            items: item_analysis(curriculum, course, class, TOP_ITEMS),
            goals: goal_progress(curriculum, &replays),
            summary: action_summary(curriculum, course, &replays, now, offset_minutes),
            names: names(curriculum),
        }
    }

    /// A unit's, objective's or course's name, or the id when the curriculum does
    /// not hold it.
    pub fn name(&self, id: &str) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
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

    /// One row per student, one column per objective, each cell a level with the
    /// evidence that set it; each objective's column carries its target.
    fn grid_table(&self) -> Table {
        let mut columns = vec![Column::Student, Column::Mastered, Column::FileCheck];
        columns.extend(self.grid.columns.iter().map(|c| Column::Objective {
            id: c.objective.clone(),
            target: c.target.clone(),
        }));
        let mut table = Table::new(columns);
        for row in &self.grid.rows {
            let mut cells = vec![
                Cell::Learner {
                    nickname: row.learner.nickname.clone(),
                    goal_elsewhere: row.goal_elsewhere.as_deref().map(|id| self.name(id)),
                },
                Cell::OutOf {
                    count: row.mastered,
                    total: row.cells.len(),
                },
                Cell::FileCheck(row.level_check.clone()),
            ];
            cells.extend(row.cells.iter().map(|c| Cell::Level {
                level: c.level,
                evidence: c.evidence,
                readiness: c.readiness,
            }));
            table.rows.push(cells);
        }
        table
    }

    /// One row per student who needs something in a unit: the group, the
    /// objectives and the suggested peer tutors.
    fn groups_table(&self) -> Table {
        let mut table = Table::new(vec![
            Column::Unit,
            Column::Group,
            Column::Student,
            Column::Objectives,
            Column::PeerTutors,
            Column::UnitId,
            Column::ObjectiveIds,
        ]);
        for unit in &self.groups {
            for need in &unit.needs_correctives {
                let tutors: Vec<String> = unit
                    .tutors
                    .iter()
                    .filter(|t| t.stuck.id == need.learner.id)
                    .flat_map(|t| t.tutors.iter().map(|l| l.nickname.clone()))
                    .collect();
                let targets: Vec<String> = need.objectives.iter().map(|id| self.name(id)).collect();
                table.rows.push(vec![
                    Cell::Text(self.name(&unit.unit)),
                    Cell::Group(Group::Correctives),
                    Cell::Text(need.learner.nickname.clone()),
                    Cell::Text(targets.join(" · ")),
                    Cell::Text(dedup_join(tutors)),
                    Cell::Text(unit.unit.clone()),
                    Cell::Text(need.objectives.join(" ")),
                ]);
            }
            for (group, learners) in [
                (Group::Enrichment, &unit.ready_for_enrichment),
                (Group::NotStarted, &unit.not_started),
            ] {
                for learner in learners {
                    table.rows.push(vec![
                        Cell::Text(self.name(&unit.unit)),
                        Cell::Group(group),
                        Cell::Text(learner.nickname.clone()),
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Text(unit.unit.clone()),
                        Cell::Empty,
                    ]);
                }
            }
        }
        table
    }

    fn persistence_table(&self) -> Table {
        let mut table = Table::new(vec![
            Column::Student,
            Column::Unit,
            Column::ScoredTries,
            Column::MasteredAfter,
            Column::SuccessAfterManyTries,
            Column::UnitId,
        ]);
        for row in &self.persistence {
            table.rows.push(vec![
                Cell::Text(row.learner.nickname.clone()),
                Cell::Text(self.name(&row.unit)),
                Cell::count(row.sittings),
                row.mastered_after.map_or(Cell::Empty, Cell::count),
                if row.highlight {
                    Cell::SuccessAfterManyTries
                } else {
                    Cell::Empty
                },
                Cell::Text(row.unit.clone()),
            ]);
        }
        table
    }

    fn activity_table(&self) -> Table {
        let mut columns = vec![Column::Student, Column::WeeklyGoal];
        if let Some(first) = self.activity.first() {
            columns.extend(
                first
                    .weeks
                    .iter()
                    .map(|(day, _)| Column::Week(iso_date(*day))),
            );
        }
        let mut table = Table::new(columns);
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
        let mut table = Table::new(vec![
            Column::Question,
            Column::ObjectiveTarget,
            Column::Students,
            Column::Answers,
            Column::Wrong,
            Column::WrongPercent,
            Column::FrequentWrongAnswers,
            Column::Misconceptions,
            Column::Item,
        ]);
        for item in &self.items {
            table.rows.push(vec![
                Cell::Question(item.question.clone()),
                Cell::Text(item.target.clone()),
                Cell::count(item.students),
                Cell::count(item.attempts),
                Cell::count(item.wrong),
                Cell::count(item.wrong_percent()),
                Cell::Answers(item.wrong_answers.clone()),
                Cell::Text(counted(&item.misconceptions)),
                Cell::Text(item.item.clone()),
            ]);
        }
        table
    }

    fn goals_table(&self) -> Table {
        let mut table = Table::new(vec![
            Column::Student,
            Column::GoalCourse,
            Column::TargetDate,
            Column::Mastered,
            Column::ObjectiveCount,
            Column::DaysLeft,
            Column::CourseId,
        ]);
        for row in &self.goals {
            let course = row.course.as_deref();
            table.rows.push(vec![
                Cell::Text(row.learner.nickname.clone()),
                course.map_or(Cell::Empty, |id| Cell::Text(self.name(id))),
                row.target_date.clone().map_or(Cell::Empty, Cell::Date),
                Cell::Count(row.mastered as u64),
                Cell::Count(row.total as u64),
                row.days_left.map_or(Cell::Empty, Cell::Days),
                course.map_or(Cell::Empty, |id| Cell::Text(id.to_string())),
            ]);
        }
        table
    }
}

/// Each course's and unit's title and each objective's learning target, by id.
fn names(curriculum: &Curriculum) -> FastMap<String, String> {
    let mut names = FastMap::default();
    for course in &curriculum.courses {
        names.insert(course.id.clone(), course.title.clone());
    }
    for (_, unit) in curriculum.units() {
        names.insert(unit.id.clone(), unit.title.clone());
        for objective in &unit.objectives {
            names.insert(objective.id.clone(), objective.target.clone());
        }
    }
    names
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

/// A report as rows of cells under its columns; the first column names the row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            ..Table::default()
        }
    }

    /// The rows ordered by one column, as a teacher sorts a report: names in
    /// alphabetical order with numbers by value ("Student 2" before "Student 10"),
    /// levels from Not started up, numbers, minutes and dates from the least;
    /// empty cells last either way. Rows that tie keep their order; `descending`
    /// reverses the column's order. A column the table does not have changes
    /// nothing.
    pub fn sort_rows(&mut self, column: usize, descending: bool) {
        if column >= self.columns.len() {
            return;
        }
        let empty = |row: &Vec<Cell>| matches!(row.get(column), None | Some(Cell::Empty));
        order::sort_by(&mut self.rows, |a, b| match (empty(a), empty(b)) {
            (false, false) => {
                let ordering = compare_cells(&a[column], &b[column]);
                if descending {
                    ordering.reverse()
                } else {
                    ordering
                }
            }
            (a_empty, b_empty) => a_empty.cmp(&b_empty),
        });
    }
}

/// How two cells of one column compare (cells of different kinds by kind).
fn compare_cells(a: &Cell, b: &Cell) -> Ordering {
    match (a, b) {
        (Cell::Question(a), Cell::Question(b)) => natural_order(&a.prompt, &b.prompt),
        (Cell::Answers(a), Cell::Answers(b)) => natural_order(first_answer(a), first_answer(b)),
        (Cell::Text(a), Cell::Text(b))
        | (Cell::Date(a), Cell::Date(b))
        | (Cell::Learner { nickname: a, .. }, Cell::Learner { nickname: b, .. }) => {
            natural_order(a, b)
        }
        // Locked first, then gaps, then by level: the students to see come first.
        (
            Cell::Level {
                level: a,
                readiness: a_mark,
                ..
            },
            Cell::Level {
                level: b,
                readiness: b_mark,
                ..
            },
        ) => (a_mark.is_none(), a_mark, a).cmp(&(b_mark.is_none(), b_mark, b)),
        (Cell::Count(a), Cell::Count(b)) => a.cmp(b),
        (
            Cell::OutOf { count, total },
            Cell::OutOf {
                count: other,
                total: others,
            },
        ) => (count, total).cmp(&(other, others)),
        (Cell::Minutes { minutes: a, .. }, Cell::Minutes { minutes: b, .. }) => a.cmp(b),
        (Cell::Days(a), Cell::Days(b)) => a.cmp(b),
        (a, b) => kind_rank(a).cmp(&kind_rank(b)),
    }
}

fn first_answer(answers: &[(String, u32)]) -> &str {
    answers.first().map_or("", |(answer, _)| answer.as_str())
}

fn kind_rank(cell: &Cell) -> u8 {
    match cell {
        Cell::Text(_) | Cell::Learner { .. } | Cell::Question(_) | Cell::Answers(_) => 0,
        Cell::Level { .. } => 1,
        Cell::Count(_) => 2,
        Cell::OutOf { .. } => 3,
        Cell::Minutes { .. } => 4,
        Cell::Date(_) => 5,
        Cell::Days(_) => 6,
        Cell::Group(Group::Correctives) => 7,
        Cell::Group(Group::Enrichment) => 8,
        Cell::Group(Group::NotStarted) => 9,
        Cell::FileCheck(_) => 10,
        Cell::SuccessAfterManyTries => 11,
        Cell::Empty => 12,
    }
}

/// Text in alphabetical order, letter case aside, with each run of digits
/// compared by its value: "Student 2" before "Student 10", "Ann" before "ben".
pub fn natural_order(a: &str, b: &str) -> Ordering {
    let (a_lower, b_lower) = (lowercase(a), lowercase(b));
    let (mut a_rest, mut b_rest) = (a_lower.as_str(), b_lower.as_str());
    loop {
        let (a_digits, b_digits) = (digits_at_start(a_rest), digits_at_start(b_rest));
        if a_digits > 0 && b_digits > 0 {
            let (a_number, b_number) = (&a_rest[..a_digits], &b_rest[..b_digits]);
            let (a_value, b_value) = (
                a_number.trim_start_matches('0'),
                b_number.trim_start_matches('0'),
            );
            let ordering = a_value
                .len()
                .cmp(&b_value.len())
                .then_with(|| a_value.cmp(b_value));
            if ordering != Ordering::Equal {
                return ordering;
            }
            (a_rest, b_rest) = (&a_rest[a_digits..], &b_rest[b_digits..]);
            continue;
        }
        let mut a_chars = a_rest.chars();
        let mut b_chars = b_rest.chars();
        match (a_chars.next(), b_chars.next()) {
            (None, None) => return a.cmp(b),
            (a_char, b_char) if a_char != b_char => return a_char.cmp(&b_char),
            _ => (a_rest, b_rest) = (a_chars.as_str(), b_chars.as_str()),
        }
    }
}

fn digits_at_start(text: &str) -> usize {
    text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len()
}

/// A column of a report. The page and the CSV file head it with its words
/// (masterly-text); an objective's column is headed by its target, and the CSV
/// file adds the objective's id for tools.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Student,
    /// Objectives mastered of the course's.
    Mastered,
    /// Whether the levels the newest file states are the levels replay gives.
    FileCheck,
    /// One objective of the course, by id and learning target.
    Objective {
        id: String,
        target: String,
    },
    Unit,
    /// Correctives, enrichment or not started.
    Group,
    /// The objectives a student needs correctives for.
    Objectives,
    PeerTutors,
    ScoredTries,
    MasteredAfter,
    SuccessAfterManyTries,
    /// The weekly goal in minutes.
    WeeklyGoal,
    /// The week starting on this day (YYYY-MM-DD).
    Week(String),
    /// An item's id, for tools.
    Item,
    /// A unit's id, for tools.
    UnitId,
    /// Objectives' ids, for tools.
    ObjectiveIds,
    /// A course's id, for tools.
    CourseId,
    /// An item's question as a child saw it.
    Question,
    /// The objective of an item, by its learning target.
    ObjectiveTarget,
    /// Students who answered an item.
    Students,
    Answers,
    Wrong,
    WrongPercent,
    FrequentWrongAnswers,
    Misconceptions,
    GoalCourse,
    TargetDate,
    /// How many objectives the goal course has.
    ObjectiveCount,
    DaysLeft,
}

impl Column {
    /// Ids for tools: written in the CSV file, not shown on the page, where names
    /// stand instead.
    pub fn for_tools(&self) -> bool {
        matches!(
            self,
            Column::Item | Column::UnitId | Column::ObjectiveIds | Column::CourseId
        )
    }
}

/// The groups of a unit a student can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Below the bar on some objectives after check A.
    Correctives,
    /// At the bar on every objective: enrichment, and a peer tutor.
    Enrichment,
    NotStarted,
}

/// A cell of a report, with what it means: the page shows each kind its own way
/// (a level as a coloured badge with its word) and the CSV file writes the cell's
/// words (masterly-text), so nothing is read back from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Names or ids, as they are.
    Text(String),
    /// A question as a child saw it.
    Question(Question),
    /// Answers as students gave them, each with how often: a typed answer, a
    /// choice's text (which may be a picture, `::: circle; … :::`), entries in order.
    Answers(Vec<(String, u32)>),
    /// A student in the grid, and the title of their goal course when it is
    /// another course than the grid's.
    Learner {
        nickname: String,
        goal_elsewhere: Option<String>,
    },
    /// An objective's mastery level, the assessment that set it, and what a
    /// readiness check decided about it.
    Level {
        level: MasteryLevel,
        evidence: Option<Evidence>,
        readiness: Option<ReadinessMark>,
    },
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
    /// The group a student is in for a unit.
    Group(Group),
    /// Whether the levels a student's newest file states agree with replay.
    FileCheck(LevelCheck),
    /// Mastered after many tries: persistence worth praising.
    SuccessAfterManyTries,
    /// Nothing to show.
    Empty,
}

impl Cell {
    fn count(value: impl Into<u64>) -> Cell {
        Cell::Count(value.into())
    }
}

/// "1/2 (4); 2/3 (1)": answers or misconceptions with how often they came up.
pub fn counted(pairs: &[(String, u32)]) -> String {
    pairs
        .iter()
        .map(|(what, n)| format!("{what} ({n})"))
        .collect::<Vec<_>>()
        .join("; ")
}

fn dedup_join(mut names: Vec<String>) -> String {
    let mut seen = crate::content::rng::FastSet::default();
    names.retain(|name| seen.insert(name.clone()));
    names.join(" ")
}
