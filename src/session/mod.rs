//! The session: a routine expanded into a plan, run by a pure engine, tallied per leg, and
//! the words for each step. Knows nothing of the terminal or of sound.

pub mod clock;
pub mod engine;
pub mod plan;
pub mod resolve;
pub mod table;
pub mod tally;
pub mod words;

pub use clock::{Clock, ManualClock, SystemClock};
pub use engine::{BACK_GRACE, Engine, Event, Status};
pub use plan::{Phase, Plan, PlanStep, Side, clock_text};
pub use tally::{
    LegCount, LegTotals, Outcome, StepRecord, TARGET_PER_LEG, Tally, TallyRow, Verdict,
    whole_seconds,
};
