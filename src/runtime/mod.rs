//! The runtime both front ends share: the event loop and the effect interpreter
//! ([`event_loop`]), what is kept of a session when the process must end ([`last_words`]),
//! and the signal watchdog ([`signals`]). The terminal ([`crate::tui`]) and the plain mode
//! ([`crate::plain`]) only say where frames go and where keys come from.

pub mod event_loop;
pub mod last_words;
pub mod signals;

pub use event_loop::{Input, LoopStats, MAX_SLEEP, Screen, run_loop, run_loop_with};
pub use last_words::LastWords;
pub use signals::{WATCHDOG_GRACE, watch_signals, watch_signals_with};
