//! What was stretched, kept across sessions: the records, the file that holds them, and the
//! numbers drawn from them (streaks, per-day totals, leg balance, the weekly dose, and
//! suggestions that never impose).
//!
//! Like `session`, this knows nothing of the screen; `ui::history` draws what `stats` computes.

mod disk;
pub mod dose;
pub mod export;
pub mod record;
pub mod stats;
pub mod store;
pub mod suggest;

pub use disk::MAX_BYTES;
pub use record::{ExerciseRecord, FORMAT_VERSION, HistoryFile, LegSeconds, SessionRecord};
pub use stats::{
    DayTotal, Imbalance, LastTime, NO_SESSIONS_YET, Overview, Streaks, day_label, last_of,
};
pub use store::{HistoryError, Saved, SetAside, Store};
