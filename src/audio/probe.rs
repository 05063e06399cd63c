//! The latency probe behind `supple sound-test --latency`: every cue and a spoken line played
//! the way a session plays them, each noting how long after its call it was heard.
//!
//! Only cues played while a probe is attached are timed; a session never attaches one.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rodio::Source;

use super::synth::{self, ALL};
use super::{Cue, Player, voice};

/// What was timed: a cue, or the first words of a spoken line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timed {
    Cue(Cue),
    Line,
}

impl std::fmt::Display for Timed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Timed::Cue(cue) => write!(f, "{cue:?}"),
            Timed::Line => f.write_str("spoken line"),
        }
    }
}

/// Call to sound, per cue or line, in the order they ended. Clones share the same record.
#[derive(Debug, Clone, Default)]
pub struct Latencies(Arc<Mutex<Vec<(Timed, Duration)>>>);

impl Latencies {
    /// What has been noted so far.
    pub fn noted(&self) -> Vec<(Timed, Duration)> {
        self.0.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Notes that `what` was heard `took` after it was asked for.
    pub(super) fn note(&self, what: Timed, took: Duration) {
        if let Ok(mut list) = self.0.lock() {
            list.push((what, took));
        }
    }

    /// `source`, the sound of `what` asked for at `asked`, noting its latency here once it has
    /// played. `ahead_us` is how far ahead of its callbacks the stream plays what they hand it
    /// (microseconds), as the audio system reports it.
    pub(super) fn probe<S: Source>(
        &self,
        source: S,
        what: Timed,
        asked: Instant,
        ahead_us: Arc<AtomicU64>,
    ) -> FirstSample<S> {
        FirstSample {
            inner: source,
            asked,
            what,
            latencies: Some(self.clone()),
            ahead_us,
            taken_after: None,
        }
    }
}

/// Plays every cue, then says a line, the way a session does: one call each, `between` apart
/// in real time after it ends, each foretold by the one before.
pub fn play_as_a_session(player: &mut impl Player, between: Duration) {
    for cue in ALL {
        player.play(cue);
        let gap = Duration::from_millis(u64::from(synth::duration_ms(cue))) + between;
        player.expect(Some(gap));
        std::thread::sleep(gap);
    }
    player.speak(voice::sample());
    player.expect(None);
    // The sample line lasts under three seconds; it is timed by its first clip.
    std::thread::sleep(Duration::from_secs(3) + between.min(Duration::from_secs(1)));
}

/// A cue that notes when its first sample is taken by the device callback, plus how far
/// ahead of the callbacks the audio system plays what they hand it: the play call to sound.
/// The lead is read when the cue ends: a stream that has just resumed reports a stale one
/// at first.
pub(super) struct FirstSample<S> {
    inner: S,
    asked: Instant,
    what: Timed,
    latencies: Option<Latencies>,
    ahead_us: Arc<AtomicU64>,
    taken_after: Option<Duration>,
}

impl<S: Source> Iterator for FirstSample<S> {
    type Item = rodio::Sample;

    fn next(&mut self) -> Option<Self::Item> {
        let taken_after = *self.taken_after.get_or_insert_with(|| self.asked.elapsed());
        let sample = self.inner.next();
        // The mixer may stop pulling at the last sample without asking for one more.
        let ended = sample.is_none() || self.inner.current_span_len() == Some(0);
        if ended
            && let Some(latencies) = self.latencies.take()
            && let Ok(mut list) = latencies.0.lock()
        {
            let ahead = Duration::from_micros(self.ahead_us.load(Ordering::Relaxed));
            list.push((self.what, taken_after + ahead));
        }
        sample
    }
}

impl<S: Source> Source for FirstSample<S> {
    fn current_span_len(&self) -> Option<usize> {
        self.inner.current_span_len()
    }
    fn channels(&self) -> rodio::ChannelCount {
        self.inner.channels()
    }
    fn sample_rate(&self) -> rodio::SampleRate {
        self.inner.sample_rate()
    }
    fn total_duration(&self) -> Option<Duration> {
        self.inner.total_duration()
    }
}
