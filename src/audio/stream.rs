//! When the audio thread opens, pauses and closes its output stream: a pure function of the
//! time, the stream's state and when the next cue is due, so it is tested without a device.
//!
//! On PulseAudio an open stream costs CPU even while paused (cpal asks the server for timing
//! ten times a second, and the `pulseaudio` crate zeroes a 1 MiB buffer for every reply), and
//! a new stream only starts at the sink's next wake-up, up to two seconds later on a null sink.
//! So the stream is opened `lead` before a cue is due, paused between cues that come close
//! together, and closed when the next cue is far off or none is scheduled (paused session).
//! On ALSA, where a paused stream may not resume, it keeps running between close cues instead;
//! it is closed just the same (a running ALSA stream wakes the process every period).

use std::time::{Duration, Instant};

/// How the stream is handled on this kind of device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Pause the stream once the last cue has played out (else it keeps running until closed).
    pub pause: bool,
    /// Close it while no cue is due within `lead` (and a bit).
    pub close_idle: bool,
    /// How long before a cue the stream is opened.
    pub lead: Duration,
}

/// The stream now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Closed,
    /// Open and paused.
    Idle,
    /// Open and running until a cue (and its tail) has played out at `until`.
    Playing {
        until: Instant,
    },
}

/// What to do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Nothing,
    /// Build the stream (paused).
    Open,
    Pause,
    Close,
}

/// A cue due longer ago than this is taken as never coming: the screen has moved on and will
/// say when the next one is due.
pub const STALE: Duration = Duration::from_secs(2);

/// Slack on top of `lead` before an idle stream is closed, so cues a second apart (3, 2, 1)
/// keep it open.
pub const KEEP: Duration = Duration::from_millis(1500);

/// What to do with the stream at `now`, and when to ask again (`None`: when a command comes).
pub fn decide(
    state: State,
    now: Instant,
    next_cue: Option<Instant>,
    policy: Policy,
) -> (Action, Option<Instant>) {
    let stale = |t: Instant| now.saturating_duration_since(t) > STALE;
    match state {
        State::Playing { until } if now < until => (Action::Nothing, Some(until)),
        State::Playing { .. } if policy.pause => (Action::Pause, Some(now)),
        // Paused, or running on a device that cannot pause: kept while a cue is near.
        State::Playing { .. } | State::Idle => match next_cue {
            Some(t) if !stale(t) && t.saturating_duration_since(now) <= policy.lead + KEEP => {
                (Action::Nothing, Some(t + STALE + Duration::from_millis(1)))
            }
            _ if !policy.close_idle => (Action::Nothing, None),
            Some(t) if !stale(t) => (Action::Close, t.checked_sub(policy.lead)),
            _ => (Action::Close, None),
        },
        State::Closed => match next_cue {
            Some(t) if stale(t) => (Action::Nothing, None),
            Some(t) => match t.checked_sub(policy.lead) {
                Some(open_at) if open_at > now => (Action::Nothing, Some(open_at)),
                _ => (Action::Open, Some(now)),
            },
            None => (Action::Nothing, None),
        },
    }
}

/// Until when a cue played at `now` keeps the stream running: its length and a tail, and, on a
/// stream opened less than `lead` ago (which may not have started sounding yet), at least until
/// `lead` after it opened, so the cue is not paused away before it is heard.
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
