//! One session as it is kept: when, which routine, how long, and per exercise and leg what
//! was done. The file format is documented in the README ("History").

use jiff::ZonedDateTime;
use jiff::fmt::temporal::{DateTimeParser, Pieces};
use jiff::tz::{Offset, OffsetConflict, TimeZone};
use serde::{Deserialize, Deserializer, Serialize};

use super::flex::TestResult;
use crate::content::Kind;
use crate::session::tally::counts_as_session;
use crate::session::{Engine, Side, Status, whole_seconds};

/// The newest version of the history file this supple reads and writes; a file with a higher
/// one came from a newer supple and is set aside rather than rewritten. Version 2 added the
/// flexibility tests; a history without any is still written as version 1
/// ([`HistoryFile::version_needed`]), so that an older supple goes on reading it.
pub const FORMAT_VERSION: u32 = 2;

/// The version of a history that holds sessions only.
pub const SESSIONS_ONLY_VERSION: u32 = 1;

/// The whole history file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryFile {
    pub version: u32,
    #[serde(deserialize_with = "crate::content::strict::list")]
    pub sessions: Vec<SessionRecord>,
    /// Flexibility test results, in the order they were saved (version 2 on).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::content::strict::list"
    )]
    pub tests: Vec<TestResult>,
}

impl Default for HistoryFile {
    fn default() -> Self {
        HistoryFile {
            version: SESSIONS_ONLY_VERSION,
            sessions: Vec::new(),
            tests: Vec::new(),
        }
    }
}

impl HistoryFile {
    /// The oldest version that holds everything in it: 1 for sessions alone, 2 once there is a
    /// test result.
    pub fn version_needed(&self) -> u32 {
        if self.tests.is_empty() {
            SESSIONS_ONLY_VERSION
        } else {
            FORMAT_VERSION
        }
    }
}

/// One session, completed or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// When the session started, with the time zone it started in: the day it counts for is
    /// the date there (a session at 23:30 in New York counts for that evening, wherever the
    /// person is when they look at their history).
    #[serde(deserialize_with = "started_from_text")]
    pub started: ZonedDateTime,
    /// The routine's short name (`hamstring`) and its title.
    pub routine: String,
    pub title: String,
    /// The plan's length and the time the session really ran, pauses left out.
    pub planned_seconds: u64,
    pub elapsed_seconds: u64,
    /// True when the last step ended; false when the person quit or the session was stopped.
    pub completed: bool,
    /// Per exercise and side, in plan order; only what the plan held.
    #[serde(deserialize_with = "crate::content::strict::list")]
    pub exercises: Vec<ExerciseRecord>,
}

/// One exercise on one side within a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseRecord {
    /// The exercise's id (`seated-stretch`) and name.
    pub exercise: String,
    pub name: String,
    pub kind: Kind,
    /// `left`, `right`, `both` or `none`.
    pub side: Side,
    pub planned: u32,
    pub done: u32,
    pub skipped: u32,
    /// Seconds really spent in it (a skipped hold counts the seconds it ran).
    pub held_seconds: u64,
}

/// Seconds of static stretching per leg.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LegSeconds {
    pub left: u64,
    pub right: u64,
}

impl std::ops::AddAssign for LegSeconds {
    /// Saturating: a hand-edited file with absurd numbers must not overflow.
    fn add_assign(&mut self, other: LegSeconds) {
        self.left = self.left.saturating_add(other.left);
        self.right = self.right.saturating_add(other.right);
    }
}

impl LegSeconds {
    /// Whole seconds of holds per leg in a tally, added up from its rows as they are shown.
    pub fn of(tally: &crate::session::Tally) -> Self {
        let (left, right) = tally.held_seconds_per_leg();
        LegSeconds { left, right }
    }
}

impl SessionRecord {
    /// The record of a session as the engine has it at `now` (which may be before its end).
    pub fn from_engine(engine: &Engine, started: ZonedDateTime, now: std::time::Instant) -> Self {
        let plan = engine.plan();
        let tally = engine.tally();
        let exercises = tally
            .rows
            .iter()
            .map(|row| {
                let exercise = plan.exercises.get(row.exercise);
                ExerciseRecord {
                    exercise: exercise.map(|e| e.id.clone()).unwrap_or_default(),
                    name: plan.exercise_name(row.exercise).to_string(),
                    kind: exercise.map_or(Kind::Hold, |e| e.kind),
                    side: row.side,
                    planned: row.planned,
                    done: row.done,
                    skipped: row.skipped,
                    held_seconds: whole_seconds(row.held),
                }
            })
            .collect();
        SessionRecord {
            started,
            routine: plan.name.clone(),
            title: plan.title.clone(),
            planned_seconds: whole_seconds(plan.total()),
            elapsed_seconds: whole_seconds(engine.session_elapsed(now)),
            completed: engine.status() == Status::Finished { early: false },
            exercises,
        }
    }

    /// The civil date the session counts for: the date where it started.
    pub fn day(&self) -> jiff::civil::Date {
        self.started.date()
    }

    /// Seconds of static holds per leg (a hold with both legs counts for each).
    pub fn held(&self) -> LegSeconds {
        let mut legs = LegSeconds::default();
        for e in self.exercises.iter().filter(|e| e.kind == Kind::Hold) {
            let (left, right) = e.side.legs();
            legs += LegSeconds {
                left: if left { e.held_seconds } else { 0 },
                right: if right { e.held_seconds } else { 0 },
            };
        }
        legs
    }

    /// Whether anything was done at all: a session quit during its get-ready is not kept.
    pub fn has_work(&self) -> bool {
        self.exercises
            .iter()
            .any(|e| e.done > 0 || e.skipped > 0 || e.held_seconds > 0)
    }

    /// Whether the session counts as one (for the streak, the totals, and "last time"): a
    /// step done, or at least `COUNTS_AFTER_SECONDS` of work. Shorter ones are kept, but a
    /// few seconds of jumping jacks before quitting do not make a day.
    pub fn counts(&self) -> bool {
        let worked: u64 = self
            .exercises
            .iter()
            .fold(0, |sum, e| sum.saturating_add(e.held_seconds));
        counts_as_session(self.exercises.iter().any(|e| e.done > 0), worked)
    }
}

pub use crate::session::tally::COUNTS_AFTER_SECONDS;

/// Reads a session's start, trusting its written offset over the time-zone rules of the day:
/// rules change (a tzdata update, a country dropping summer time) and an old record must still
/// read as the instant it was. A zone this machine does not know becomes its fixed offset.
pub fn parse_started(text: &str) -> Result<ZonedDateTime, jiff::Error> {
    static PARSER: DateTimeParser =
        DateTimeParser::new().offset_conflict(OffsetConflict::AlwaysOffset);
    PARSER.parse_zoned_datetime(text).or_else(|_| {
        let offset = Pieces::parse(text)?
            .to_numeric_offset()
            .unwrap_or(Offset::UTC);
        let instant = PARSER.parse_timestamp(text)?;
        Ok(instant.to_zoned_datetime(TimeZone::fixed(offset)))
    })
}

pub(super) fn started_from_text<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<ZonedDateTime, D::Error> {
    let text = String::deserialize(d)?;
    parse_started(&text).map_err(serde::de::Error::custom)
}
