//! One session as it is kept: when, which routine, how long, and per exercise and leg what
//! was done. The file format is documented in the README ("History").

use std::time::Duration;

use jiff::ZonedDateTime;
use serde::{Deserialize, Serialize};

use crate::session::{Engine, Phase, Side, Status};

/// The version of the history file this supple writes; a file with a higher one came from a
/// newer supple and is set aside rather than rewritten.
pub const FORMAT_VERSION: u32 = 1;

/// The whole history file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryFile {
    pub version: u32,
    pub sessions: Vec<SessionRecord>,
}

impl Default for HistoryFile {
    fn default() -> Self {
        HistoryFile {
            version: FORMAT_VERSION,
            sessions: Vec::new(),
        }
    }
}

/// One session, completed or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// When the session started, with the time zone it started in: the day it counts for is
    /// the date there (a session at 23:30 in New York counts for that evening, wherever the
    /// person is when they look at their history).
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
    pub side: RecordSide,
    pub planned: u32,
    pub done: u32,
    pub skipped: u32,
    /// Seconds really spent in it (a skipped hold counts the seconds it ran).
    pub held_seconds: u64,
}

/// The kind of work, as kept in history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Cardio,
    Dynamic,
    Hold,
}

/// Which leg, as kept in history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordSide {
    None,
    Left,
    Right,
    Both,
}

impl RecordSide {
    /// Whether it worked the left leg, the right leg.
    pub fn legs(self) -> (bool, bool) {
        match self {
            RecordSide::None => (false, false),
            RecordSide::Left => (true, false),
            RecordSide::Right => (false, true),
            RecordSide::Both => (true, true),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RecordSide::None => "",
            RecordSide::Left => "left",
            RecordSide::Right => "right",
            RecordSide::Both => "both",
        }
    }
}

/// Seconds of static stretching per leg.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LegSeconds {
    pub left: u64,
    pub right: u64,
}

impl std::ops::AddAssign for LegSeconds {
    fn add_assign(&mut self, other: LegSeconds) {
        self.left += other.left;
        self.right += other.right;
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
                    kind: match row.phase {
                        Phase::Cardio => Kind::Cardio,
                        Phase::Dynamic => Kind::Dynamic,
                        _ => Kind::Hold,
                    },
                    side: match row.side {
                        Side::None => RecordSide::None,
                        Side::Left => RecordSide::Left,
                        Side::Right => RecordSide::Right,
                        Side::Both => RecordSide::Both,
                    },
                    planned: row.planned,
                    done: row.done,
                    skipped: row.skipped,
                    held_seconds: rounded_seconds(row.held),
                }
            })
            .collect();
        SessionRecord {
            started,
            routine: plan.name.clone(),
            title: plan.title.clone(),
            planned_seconds: rounded_seconds(plan.total()),
            elapsed_seconds: rounded_seconds(engine.session_elapsed(now)),
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
            if left {
                legs.left += e.held_seconds;
            }
            if right {
                legs.right += e.held_seconds;
            }
        }
        legs
    }

    /// Hold repetitions done per leg.
    pub fn holds_done(&self) -> (u32, u32) {
        let (mut left, mut right) = (0, 0);
        for e in self.exercises.iter().filter(|e| e.kind == Kind::Hold) {
            let (l, r) = e.side.legs();
            left += if l { e.done } else { 0 };
            right += if r { e.done } else { 0 };
        }
        (left, right)
    }

    /// Whether anything was done at all: a session quit during its get-ready is not kept.
    pub fn has_work(&self) -> bool {
        self.exercises
            .iter()
            .any(|e| e.done > 0 || e.skipped > 0 || e.held_seconds > 0)
    }
}

/// Whole seconds, to the nearest (a hold of 19.9996 s is a 20 s hold).
fn rounded_seconds(d: Duration) -> u64 {
    (d.as_millis().saturating_add(500) / 1000) as u64
}
