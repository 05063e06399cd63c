//! The audio thread's loop, the same on either path (the sound server's native protocol, or
//! ALSA): each command from the player taken to the path's method, with the rules that hold on
//! both. A cue or line that comes too late is dropped (a late beep misleads), a beep that would
//! fall on words is dropped (the words matter more), and a new line cuts short the one still
//! being said: nothing is ever heard over anything else.

use std::num::NonZero;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use rodio::Source;

use super::probe::Latencies;
use super::{Cue, voice};

/// What the audio thread is told.
pub(super) enum Command {
    Play {
        cue: Cue,
        gain: f32,
        asked: Instant,
        /// Dropped if not started within this long of `asked` (a late beep misleads).
        stale_after: Duration,
        /// Where to note the cue's latency (only while `measure_latency` runs).
        probe: Option<Latencies>,
    },
    /// Say a line (its clips one after the other), cutting short one still being said;
    /// `done` hears when it has been said, for `sound-test`.
    Speak {
        line: voice::Line,
        gain: f32,
        asked: Instant,
        stale_after: Duration,
        done: Option<Sender<()>>,
        /// Where to note when the line is first heard (only while `measure_latency` runs).
        probe: Option<Latencies>,
    },
    /// The next foreseen cue is due at this moment (`None`: none is).
    Expect(Option<Instant>),
    /// Every cue in turn with a gap after each, paced by the device; each cue is reported
    /// as it starts, then `None` when all have played.
    Sequence {
        gap: Duration,
        gain: f32,
        started: Sender<Option<Cue>>,
    },
}

/// The device as the screen sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum DeviceState {
    /// The audio thread is still finding its way to the sound.
    Opening,
    Ready,
    NoDevice,
    /// The first stream would not open, or streams failed `MAX_FAILURES` times.
    Failed,
}

/// The device state, set by the audio thread and read by the player at every cue and frame:
/// an atomic, so neither ever waits for the other.
#[derive(Debug, Clone, Default)]
pub(super) struct SharedState(Arc<AtomicU8>);

impl SharedState {
    pub(super) fn new(state: DeviceState) -> Self {
        let shared = SharedState::default();
        shared.store(state);
        shared
    }

    pub(super) fn store(&self, state: DeviceState) {
        self.0.store(state as u8, Ordering::SeqCst);
    }

    pub(super) fn load(&self) -> DeviceState {
        let stored = self.0.load(Ordering::SeqCst);
        [
            DeviceState::Opening,
            DeviceState::Ready,
            DeviceState::NoDevice,
        ]
        .into_iter()
        .find(|&state| state as u8 == stored)
        .unwrap_or(DeviceState::Failed)
    }
}

/// Why a path cannot be taken, and what the screen says of it.
#[derive(Debug)]
pub(super) struct NoPath {
    pub state: DeviceState,
    pub why: String,
}

/// Failed streams or opens in a row (no stream served its cues cleanly between them) before
/// sound is given up for the session (a sound server that restarts costs one or two).
pub(super) const MAX_FAILURES: u32 = 3;

/// Sound failed `MAX_FAILURES` times this session: the path plays nothing more.
#[derive(Debug)]
pub(super) struct GaveUp;

/// Counts failures in a row and marks sound failed (the bell may stand in) at `MAX_FAILURES`.
#[derive(Debug)]
pub(super) struct Failures {
    count: u32,
    state: SharedState,
}

impl Failures {
    pub(super) fn new(state: SharedState) -> Self {
        Failures { count: 0, state }
    }

    /// One more failure; `GaveUp` at the last.
    pub(super) fn count(&mut self) -> Result<(), GaveUp> {
        self.count += 1;
        if self.count >= MAX_FAILURES {
            self.state.store(DeviceState::Failed);
            return Err(GaveUp);
        }
        Ok(())
    }

    /// Sound worked: earlier failures were passing.
    pub(super) fn reset(&mut self) {
        self.count = 0;
    }
}

/// A way to the sound: what the loop asks of it.
pub(super) trait Path {
    /// Plays `cue` now.
    fn play(
        &mut self,
        cue: Cue,
        gain: f32,
        asked: Instant,
        probe: Option<Latencies>,
    ) -> Result<(), GaveUp>;

    /// Says `words` now, in place of any line still being said; how long they last, or `None`
    /// when nothing could be said.
    fn speak(
        &mut self,
        words: Words,
        gain: f32,
        asked: Instant,
        probe: Option<Latencies>,
    ) -> Result<Option<Duration>, GaveUp>;

    /// The rate its sounds are made at.
    fn rate(&self) -> NonZero<u32>;

    /// The next foreseen cue is due at `at` (`None`: none is).
    fn expect(&mut self, _at: Option<Instant>) {}

    /// Plays every cue in turn with `gap` after each, telling `started` of each as it starts
    /// (the caller sends the final `None`).
    fn sequence(
        &mut self,
        gap: Duration,
        gain: f32,
        started: &Sender<Option<Cue>>,
    ) -> Result<(), GaveUp>;

    /// Does what is due by `now` (opening, corking, closing) and says when to be asked again
    /// (`None`: when a command comes).
    fn tend(&mut self, now: Instant) -> Result<Option<Instant>, GaveUp>;

    /// The player has closed right after the session's last sound ("Session complete."): lets
    /// it end, where that is cheap to know.
    fn wind_up(&mut self) {}
}

/// Takes each command to `path` until the player closes (`Ok`) or sound gives up.
pub(super) fn run(path: &mut dyn Path, commands: &Receiver<Command>) -> Result<(), GaveUp> {
    // While a line is being said, until when: a beep meanwhile is dropped.
    let mut speaking_until: Option<Instant> = None;
    let mut clips = Clips::default();
    // Whether the last sound asked for was the session's end.
    let mut ended = false;
    loop {
        let now = Instant::now();
        let wake = path.tend(now)?;
        let command = match wake {
            Some(at) => commands.recv_timeout(at.saturating_duration_since(now)),
            None => commands.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match command {
            Ok(Command::Play {
                cue,
                gain,
                asked,
                stale_after,
                probe,
            }) => {
                ended = cue == Cue::Complete;
                let now = Instant::now();
                let late = now.saturating_duration_since(asked) > stale_after;
                if !late && speaking_until.is_none_or(|until| until <= now) {
                    path.play(cue, gain, asked, probe)?;
                }
            }
            Ok(Command::Speak {
                line,
                gain,
                asked,
                stale_after,
                done,
                probe,
            }) => {
                ended = line == voice::complete();
                // An empty line: silence in place of whatever is sounding.
                let words = match line.is_empty() {
                    true => Some(Words {
                        samples: Vec::new(),
                        rate: path.rate(),
                    }),
                    false => (asked.elapsed() <= stale_after)
                        .then(|| clips.line(&line, path.rate()))
                        .flatten(),
                };
                if let Some(words) = words
                    && let Some(length) = path.speak(words, gain, asked, probe)?
                {
                    speaking_until = Some(Instant::now() + length);
                    if done.is_some() {
                        // Only `sound-test` waits: the line's length and the time the sound
                        // takes to come out.
                        std::thread::sleep(length + Duration::from_millis(300));
                    }
                }
                if let Some(done) = done {
                    let _ = done.send(());
                }
            }
            Ok(Command::Expect(at)) => path.expect(at),
            Ok(Command::Sequence { gap, gain, started }) => {
                let played = path.sequence(gap, gain, &started);
                let _ = started.send(None);
                played?;
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                if ended {
                    path.wind_up();
                }
                return Ok(());
            }
        }
    }
}

/// Keeps receiving until the player closes, so senders never see an error; nothing plays.
pub(super) fn give_up(commands: &Receiver<Command>) {
    while commands.recv().is_ok() {}
}

/// A line's words: mono samples at `rate`.
pub(super) struct Words {
    pub samples: Vec<f32>,
    pub rate: NonZero<u32>,
}

impl Words {
    pub(super) fn length(&self) -> Duration {
        Duration::from_secs_f64(self.samples.len() as f64 / f64::from(self.rate.get()))
    }
}

/// How many decoded clips are kept: a line has three, a session says a few over and over.
const KEPT: usize = 12;

/// The clips said lately, decoded and at the path's rate: a session says the same few (the
/// exercise, the leg, "Twenty seconds.", "Halfway.") again and again, and decoding a clip,
/// mostly building its Vorbis codebooks, was the largest part of the CPU a line cost
/// (`perf`: lewton and rodio's resampler, a third of the process's samples).
#[derive(Default)]
pub(super) struct Clips {
    rate: Option<NonZero<u32>>,
    /// The latest first.
    kept: Vec<(&'static str, Arc<[f32]>)>,
}

impl Clips {
    /// `line`'s clips joined, mono at `rate`; a clip that is missing or does not decode is
    /// left out, with a word in the log. `None` when none is left.
    pub(super) fn line(&mut self, line: &voice::Line, rate: NonZero<u32>) -> Option<Words> {
        if self.rate != Some(rate) {
            self.kept.clear();
            self.rate = Some(rate);
        }
        let mut samples = Vec::new();
        for key in line {
            let at = self.kept.iter().position(|(k, _)| k == key);
            let clip = match at {
                Some(at) => self.kept.remove(at).1,
                None => match decode(key, rate) {
                    Some(clip) => clip,
                    None => {
                        eprintln!("supple: audio: the clip `{key}` does not decode");
                        continue;
                    }
                },
            };
            samples.extend_from_slice(&clip);
            self.kept.insert(0, (key, clip));
            self.kept.truncate(KEPT);
        }
        (!samples.is_empty()).then_some(Words { samples, rate })
    }
}

/// A clip decoded (Ogg Vorbis through rodio's lewton decoder), mono at `rate`.
fn decode(key: &str, rate: NonZero<u32>) -> Option<Arc<[f32]>> {
    let bytes = voice::clip(key)?;
    let decoder = rodio::Decoder::new_vorbis(std::io::Cursor::new(bytes)).ok()?;
    let one = NonZero::<u16>::MIN;
    let samples: Vec<f32> = if decoder.sample_rate() == rate && decoder.channels() == one {
        decoder.collect()
    } else {
        rodio::source::UniformSourceIterator::new(decoder, one, rate).collect()
    };
    Some(samples.into())
}

#[cfg(test)]
// A test whose setting-up fails should fail there, loudly.
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_its_clips_at_the_rate_asked_and_said_again_without_decoding() {
        let rate = NonZero::new(48_000).expect("rate");
        let mut clips = Clips::default();
        let halfway = clips.line(&vec!["halfway"], rate).expect("halfway");
        let left = clips.line(&vec!["left-leg"], rate).expect("left leg");
        let both = clips
            .line(&vec!["halfway", "missing-clip", "left-leg"], rate)
            .expect("a line");
        assert_eq!(both.rate, rate);
        assert_eq!(both.samples, [halfway.samples, left.samples].concat());
        assert!(
            (0.3..2.0).contains(&both.length().as_secs_f64()),
            "{:?}",
            both.length()
        );
        // A clip at its own rate (22050 Hz) lasts as long at 48 kHz.
        let own = NonZero::new(22_050).expect("rate");
        let slow = clips.line(&vec!["halfway"], own).expect("halfway");
        let fast = clips.line(&vec!["halfway"], rate).expect("halfway");
        let (a, b) = (slow.length().as_secs_f64(), fast.length().as_secs_f64());
        assert!((a - b).abs() < 0.002, "{a} s at 22050 Hz, {b} s at 48 kHz");
        assert_eq!(
            clips
                .line(&vec!["missing-clip"], rate)
                .map(|w| w.samples.len()),
            None
        );
    }

    #[test]
    fn only_the_latest_clips_are_kept() {
        let rate = NonZero::new(48_000).expect("rate");
        let mut clips = Clips::default();
        for key in voice::keys().take(KEPT + 5) {
            clips.line(&vec![key], rate);
        }
        assert_eq!(clips.kept.len(), KEPT);
        let latest = voice::keys().nth(KEPT + 4).expect("a key");
        assert_eq!(clips.kept[0].0, latest);
    }
}
