//! When the ALSA fallback opens and closes its output stream: a pure function of the time, the
//! stream's state and when the next cue is due, so it is tested without a device.
//!
//! A running ALSA stream wakes the process every period, and through ALSA's pulse plugin a new
//! stream only starts at the sink's next wake-up. So the stream is opened `lead` before a cue is
//! due, kept running between cues that come close together (a paused ALSA stream may not
//! resume: EBADFD from snd_pcm_writei on some devices), and closed when the next cue is far off
//! or none is scheduled (a paused session).

use std::time::{Duration, Instant};

/// The stream now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Closed,
    /// Open and running: a cue (and its tail) plays until `until` (in the past once it has).
    Open {
        until: Instant,
    },
}

/// What to do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Nothing,
    Open,
    Close,
}

/// A cue due longer ago than this is taken as never coming: the screen has moved on and will
/// say when the next one is due.
pub const STALE: Duration = Duration::from_secs(2);

/// Slack on top of `lead` before a stream is closed, so cues a second apart (3, 2, 1) keep it
/// open.
pub const KEEP: Duration = Duration::from_millis(1500);

/// What to do with the stream at `now`, with the stream opened `lead` before a cue, and when to
/// ask again (`None`: when a command comes).
pub fn decide(
    state: State,
    now: Instant,
    next_cue: Option<Instant>,
    lead: Duration,
) -> (Action, Option<Instant>) {
    let stale = |t: Instant| now.saturating_duration_since(t) > STALE;
    match state {
        State::Open { until } if now < until => (Action::Nothing, Some(until)),
        // Kept running while a cue is near.
        State::Open { .. } => match next_cue {
            Some(t) if !stale(t) && t.saturating_duration_since(now) <= lead + KEEP => {
                (Action::Nothing, Some(t + STALE + Duration::from_millis(1)))
            }
            Some(t) if !stale(t) => (Action::Close, t.checked_sub(lead)),
            _ => (Action::Close, None),
        },
        State::Closed => match next_cue {
            Some(t) if stale(t) => (Action::Nothing, None),
            Some(t) => match t.checked_sub(lead) {
                Some(open_at) if open_at > now => (Action::Nothing, Some(open_at)),
                _ => (Action::Open, Some(now)),
            },
            None => (Action::Nothing, None),
        },
    }
}

/// Until when a cue played at `now` keeps the stream running: its length and a tail, and, on a
/// stream opened less than `lead` ago (which may not have started sounding yet), at least until
/// `lead` after it opened, so the cue is not closed away before it is heard.
pub fn playing_until(
    now: Instant,
    cue: Duration,
    tail: Duration,
    opened_at: Instant,
    lead: Duration,
) -> Instant {
    let ends = now + cue + tail;
    ends.max(opened_at + lead)
}
