//! Per-leg tracking: repetitions done and skipped, and seconds really held.

use std::time::Duration;

use super::plan::{Phase, Plan, Side};

/// The time per leg per session that the ACSM guidance suggests per stretch (about 60 s).
pub const TARGET_PER_LEG: Duration = Duration::from_secs(60);

/// How a step of the plan ended. Ordered: a step done once stays done if it is run again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Not reached, or gone back over.
    #[default]
    Pending,
    Skipped,
    Completed,
}

/// What happened to one step of the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepRecord {
    /// Active time actually spent in the step while it was work, in its longest attempt (a
    /// skipped hold counts the seconds it really ran; a restarted one is not counted twice).
    pub held: Duration,
    pub outcome: Outcome,
}

/// One exercise on one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyRow {
    /// Index into the plan's exercises.
    pub exercise: usize,
    pub phase: Phase,
    pub side: Side,
    pub planned: u32,
    pub done: u32,
    pub skipped: u32,
    pub held: Duration,
}

/// The per-leg picture of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// In plan order: each exercise, then its sides.
    pub rows: Vec<TallyRow>,
}

impl Tally {
    pub fn new(plan: &Plan, records: &[StepRecord]) -> Self {
        let mut rows: Vec<TallyRow> = Vec::new();
        for (step, record) in plan.steps.iter().zip(records) {
            if !step.phase.is_work() {
                continue;
            }
            let row = match rows
                .iter_mut()
                .find(|r| r.exercise == step.exercise && r.side == step.side)
            {
                Some(row) => row,
                None => {
                    rows.push(TallyRow {
                        exercise: step.exercise,
                        phase: step.phase,
                        side: step.side,
                        planned: 0,
                        done: 0,
                        skipped: 0,
                        held: Duration::ZERO,
                    });
                    let last = rows.len() - 1;
                    &mut rows[last]
                }
            };
            row.planned += 1;
            match record.outcome {
                Outcome::Completed => row.done += 1,
                Outcome::Skipped => row.skipped += 1,
                Outcome::Pending => {}
            }
            row.held += record.held;
        }
        Tally { rows }
    }

    /// Seconds of static stretching each leg received: holds on that leg plus holds with both.
    pub fn held_per_leg(&self) -> LegTotals {
        let mut totals = LegTotals::default();
        for row in self.rows.iter().filter(|r| r.phase == Phase::Hold) {
            let (left, right) = row.side.legs();
            if left {
                totals.left += row.held;
            }
            if right {
                totals.right += row.held;
            }
        }
        totals
    }

    /// Whole seconds of holds per leg: the sum of each row's seconds as the rows show them, so
    /// a total always adds up to the rows under it (and to the history, which keeps rows).
    pub fn held_seconds_per_leg(&self) -> (u64, u64) {
        self.rows
            .iter()
            .filter(|r| r.phase == Phase::Hold)
            .fold((0u64, 0u64), |(l, r), row| {
                let secs = whole_seconds(row.held);
                let (left, right) = row.side.legs();
                (
                    l.saturating_add(secs * u64::from(left)),
                    r.saturating_add(secs * u64::from(right)),
                )
            })
    }

    /// Hold repetitions per leg, done and planned (holds with both legs count for each).
    pub fn hold_reps_per_leg(&self) -> (LegCount, LegCount) {
        let mut left = LegCount::default();
        let mut right = LegCount::default();
        for row in self.rows.iter().filter(|r| r.phase == Phase::Hold) {
            let (on_left, on_right) = row.side.legs();
            for (on, leg) in [(on_left, &mut left), (on_right, &mut right)] {
                if on {
                    leg.done += row.done;
                    leg.skipped += row.skipped;
                    leg.planned += row.planned;
                }
            }
        }
        (left, right)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LegTotals {
    pub left: Duration,
    pub right: Duration,
}

/// Whole seconds, to the nearest: how held time is shown and kept everywhere (a hold skipped
/// at 12.6 s is 13 s on the summary and in history alike).
pub fn whole_seconds(d: Duration) -> u64 {
    u64::try_from(d.as_millis().saturating_add(500) / 1000).unwrap_or(u64::MAX)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LegCount {
    pub done: u32,
    pub skipped: u32,
    pub planned: u32,
}

/// How a session went, in one word, for its title: said plainly, never praise for what was
/// skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Every step reached, most holds held.
    Complete,
    /// Every step reached, but more holds skipped than held.
    MostlySkipped,
    /// Ended before the last step, with something stretched.
    Early,
    /// Ended before any hold was held.
    NothingHeld,
}

impl Verdict {
    pub fn title(self) -> &'static str {
        match self {
            Verdict::Complete => "Session complete",
            Verdict::MostlySkipped => "Session over: most holds were skipped",
            Verdict::Early => "Session ended early",
            Verdict::NothingHeld => "Session ended before any stretch",
        }
    }
}

impl Tally {
    /// How the session went; `early` when it ended before its last step.
    pub fn verdict(&self, early: bool) -> Verdict {
        let holds = self.rows.iter().filter(|r| r.phase == Phase::Hold);
        let (done, skipped, held) = holds.fold((0, 0, Duration::ZERO), |(d, s, h), r| {
            (d + r.done, s + r.skipped, h + r.held)
        });
        // In whole seconds, as the record and the report count them.
        let nothing_held = whole_seconds(held) == 0 && done == 0;
        match early {
            true if nothing_held => Verdict::NothingHeld,
            true => Verdict::Early,
            false if skipped > done => Verdict::MostlySkipped,
            false => Verdict::Complete,
        }
    }
}

/// Seconds of work that make a session count even with no step finished.
pub const COUNTS_AFTER_SECONDS: u64 = 30;

/// Whether a session counts as one (for the streak, the totals and "last time"): a step done,
/// or at least [`COUNTS_AFTER_SECONDS`] of work. A few seconds of jumping jacks before
/// quitting do not make a day.
pub fn counts_as_session(any_done: bool, worked_seconds: u64) -> bool {
    any_done || worked_seconds >= COUNTS_AFTER_SECONDS
}

impl Tally {
    /// Whether this session counts as one, by [`counts_as_session`].
    pub fn counts(&self) -> bool {
        let worked = self
            .rows
            .iter()
            .fold(0u64, |sum, r| sum.saturating_add(whole_seconds(r.held)));
        counts_as_session(self.rows.iter().any(|r| r.done > 0), worked)
    }
}
