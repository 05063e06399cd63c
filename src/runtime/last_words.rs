//! What is kept of a session when the process must end: the loop leaves a copy of the engine
//! here as it changes, and whoever ends the session first (the caller, or the signal
//! watchdog) keeps it, once.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use crate::session::Engine;

/// What is kept of a session when the process must end while the loop is stuck.
///
/// The loop leaves a copy of the engine here each time something other than the clock changed
/// it (a step, a key; never a frame). If the loop has not finished [`WATCHDOG_GRACE`] after a
/// signal, the watchdog ends that copy at the signal's instant and keeps it before the process
/// exits. The engine runs on deadlines, so the copy ends as the loop ends a session on a
/// signal, the hold under way included (a record kept at each change would only hold the
/// steps already left). Whichever ends the session first, the watchdog or the loop's caller
/// with [`LastWords::end`], keeps it; the other finds it kept.
pub struct LastWords {
    slot: Mutex<Slot>,
    keep: Box<Keep>,
}

/// Saves an ended session as it is at the instant given; returns what to print.
type Keep = dyn Fn(&Engine, Instant) -> String + Send + Sync;

struct Slot {
    last: Option<Engine>,
    kept: bool,
}

impl LastWords {
    /// `keep` saves an ended session as it is at the instant given, and returns what to print
    /// once the terminal is given back ([`crate::history::report::keep_session`]).
    pub fn new(keep: impl Fn(&Engine, Instant) -> String + Send + Sync + 'static) -> Self {
        LastWords {
            slot: Mutex::new(Slot {
                last: None,
                kept: false,
            }),
            keep: Box::new(keep),
        }
    }

    /// The session as it is now, for the watchdog.
    pub fn remember(&self, engine: &Engine) {
        let mut slot = self.slot();
        if !slot.kept {
            slot.last = Some(engine.clone());
        }
    }

    /// Ends the session at `now` (the step under way counts as far as it went) and keeps it;
    /// what to print, or `None` when the watchdog kept it already. The watchdog waits while
    /// this saves, so a session is saved once and whole.
    pub fn end(&self, engine: &Engine, now: Instant) -> Option<String> {
        let mut slot = self.slot();
        if std::mem::replace(&mut slot.kept, true) {
            return None;
        }
        slot.last = None;
        Some(self.keep_ended(engine, now))
    }

    /// The watchdog's part: ends the last session remembered at `at` and keeps it.
    pub(super) fn speak(&self, at: Instant) -> Option<String> {
        let mut slot = self.slot();
        if slot.kept {
            return None;
        }
        let last = slot.last.take()?;
        slot.kept = true;
        Some(self.keep_ended(&last, at))
    }

    fn keep_ended(&self, engine: &Engine, at: Instant) -> String {
        let mut ended = engine.clone();
        ended.finish(at);
        (self.keep)(&ended, at)
    }

    /// Poisoned or not: what the slot holds is whole after any panic, and the watchdog still
    /// has to keep the session.
    fn slot(&self) -> MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
