//! What was stretched, kept across sessions: the records and flexibility test results, the file
//! that holds them, and the numbers drawn from them (streaks, per-day totals, leg balance, the
//! weekly dose, suggestions that never impose, what counts as a change in a test, and the tests
//! over time).
//!
//! Like `session`, this knows nothing of the screen; `ui::history` draws what `stats` computes.

pub mod change;
pub mod days;
mod disk;
pub mod dose;
mod error;
pub mod export;
pub mod flex;
mod pending;
pub mod progress;
pub mod record;
pub mod report;
pub mod stats;
pub mod store;
pub mod suggest;

pub use days::DayTotal;
pub use disk::MAX_BYTES;
pub use error::HistoryError;
pub use flex::{Felt, FlexTest, Legs, TestResult};
pub use record::{ExerciseRecord, FORMAT_VERSION, HistoryFile, LegSeconds, SessionRecord};
pub use stats::{Imbalance, LastTime, NO_SESSIONS_YET, Overview, Streaks, day_label, last_of};
pub use store::{Kept, Lost, Saved, SetAside, Store};
