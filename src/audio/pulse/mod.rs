//! Cues through a sound server's native protocol (PulseAudio, or PipeWire's pulse server): one
//! playback stream per session, through the `pulseaudio` crate (pure Rust, so no system
//! package is needed).
//!
//! The stream is created corked, at the default sink's own rate and format (so the server need
//! not resample) and with the server's default buffer (about 2 s). Each sound is rendered whole
//! (a cue, or a line's clips) at that rate with `SILENCE` after it, written at once, and the
//! stream uncorked; it is corked again once the sound has played. The server then wakes about
//! once per sound, where a device stream with a short buffer (cpal's: two 32 ms periods and
//! adjust-latency) made PulseAudio run the sink at its 0.5 ms floor, some 2,200 context
//! switches a second while it was open. A new line cuts short the one being said with the
//! stream's flush. The stream is there from the start, so a cue nobody foresaw (a skip) is
//! heard at once, not at the sink's next wake-up.
//!
//! Here: the native path the audio thread plays through, its sounds and when the stream is
//! corked. Where the server is (`server`), the stream's format and how a sound is rendered in it
//! (`format`), and the connection with its stream (`stream`) have their files.

mod format;
mod server;
mod stream;
#[cfg(test)]
// A test whose setting-up fails should fail there, loudly.
#[allow(clippy::expect_used)]
mod tests;

use std::num::NonZero;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use rodio::buffer::SamplesBuffer;
use rodio::source::UniformSourceIterator;

use super::Cue;
use super::probe::{Latencies, Timed};
use super::synth::{self, ALL};
use super::worker::{DeviceState, Failures, GaveUp, NoPath, Path, SharedState, Words};
pub use format::{Format, Sample};
pub use server::Server;
use stream::Stream;
pub use stream::finish;

/// Quiet written after every sound. The stream is corked in it (`CORKED_AFTER`), never left to
/// run out: a stream that has run dry is rewound when the next sound comes, and PulseAudio
/// then plays the end of the last one again, up to 270 ms of it, before the new one (measured
/// on a null sink's monitor); pipewire-pulse plays the last 1 to 2 ms of it again as it
/// drains, a click.
pub const SILENCE: Duration = Duration::from_millis(200);

/// How long after a sound should have ended the stream is corked: the server may start it a
/// little late (measured: up to 25 ms), and corking cuts what is still to play. What is left
/// of the silence is flushed before the next sound.
const CORKED_AFTER: Duration = Duration::from_millis(100);

/// The longest the end of a session waits for its last sound to be heard.
const WIND_UP: Duration = Duration::from_secs(3);

/// The native path: the server, the session's stream on it, and the cues rendered at its rate.
pub(super) struct Pulse {
    server: Server,
    /// `None` after a failure, until the next sound connects again.
    stream: Option<Stream>,
    /// The cues as mono samples at `rate`.
    cues: Vec<(Cue, Vec<f32>)>,
    rate: u32,
    failures: Failures,
    /// When to cork the stream, once the sound written last has played.
    cork_at: Option<Instant>,
}

impl Pulse {
    /// Connects to `server` and creates the session's stream; with what was found, for the
    /// log, or why it cannot be used.
    pub(super) fn start(server: Server, state: SharedState) -> Result<(Pulse, String), NoPath> {
        let (stream, found) = Stream::connect(&server).map_err(|why| NoPath {
            state: DeviceState::NoDevice,
            why,
        })?;
        let mut pulse = Pulse {
            server,
            stream: None,
            cues: Vec::new(),
            rate: 0,
            failures: Failures::new(state),
            cork_at: None,
        };
        pulse.take(stream);
        Ok((pulse, found))
    }

    /// Uses `stream`, rendering the cues again if its rate differs.
    fn take(&mut self, stream: Stream) {
        if stream.format.rate != self.rate {
            self.rate = stream.format.rate;
            self.cues = ALL
                .iter()
                .map(|&cue| (cue, synth::synthesize(cue, self.rate)))
                .collect();
        }
        self.stream = Some(stream);
    }

    /// Plays `what` times `gain` in place of whatever is playing: how long it lasts, and with
    /// `probe` when the server took it. A broken connection is counted and made again at once;
    /// the sound is lost if that fails.
    fn sound(
        &mut self,
        what: &Sound,
        gain: f32,
        probe: bool,
    ) -> Result<Option<(Duration, Option<Instant>)>, GaveUp> {
        for _ in 0..2 {
            if self.stream.is_none() {
                match Stream::connect(&self.server) {
                    Ok((stream, found)) => {
                        eprintln!("supple: audio: connected again: {found}");
                        self.take(stream);
                    }
                    Err(why) => {
                        eprintln!("supple: audio: {why}");
                        self.failures.count()?;
                        return Ok(None);
                    }
                }
            }
            let resampled: Vec<f32>;
            let samples: &[f32] = match what {
                Sound::Cue(cue) => self
                    .cues
                    .iter()
                    .find(|(c, _)| c == cue)
                    .map_or(&[], |(_, samples)| samples.as_slice()),
                // Made at the rate of the stream before a reconnection, if it changed.
                Sound::Words(words) => match NonZero::new(self.rate) {
                    Some(rate) if rate != words.rate => {
                        let source = SamplesBuffer::new(ONE, words.rate, words.samples.clone());
                        resampled = UniformSourceIterator::new(source, ONE, rate).collect();
                        &resampled
                    }
                    _ => &words.samples,
                },
            };
            let Some(stream) = &mut self.stream else {
                return Ok(None);
            };
            match stream.play(samples, gain, probe) {
                Ok((length, heard)) => {
                    self.cork_at = Some(Instant::now() + length + CORKED_AFTER);
                    return Ok(Some((length, heard)));
                }
                Err(why) => {
                    eprintln!("supple: audio: the stream failed, connecting again: {why}");
                    self.stream = None;
                    self.cork_at = None;
                    self.failures.count()?;
                }
            }
        }
        Ok(None)
    }
}

/// What `Pulse::sound` plays: a cue, rendered at the stream's rate already, or a line's words,
/// resampled to it.
enum Sound {
    Cue(Cue),
    Words(Words),
}

const ONE: NonZero<u16> = NonZero::<u16>::MIN;

impl Path for Pulse {
    fn play(
        &mut self,
        cue: Cue,
        gain: f32,
        asked: Instant,
        probe: Option<Latencies>,
    ) -> Result<(), GaveUp> {
        let played = self.sound(&Sound::Cue(cue), gain, probe.is_some())?;
        if let (Some(latencies), Some((_, Some(heard)))) = (probe, played) {
            latencies.note(Timed::Cue(cue), heard.saturating_duration_since(asked));
        }
        Ok(())
    }

    fn speak(
        &mut self,
        words: Words,
        gain: f32,
        asked: Instant,
        probe: Option<Latencies>,
    ) -> Result<Option<Duration>, GaveUp> {
        let played = self.sound(&Sound::Words(words), gain, probe.is_some())?;
        if let (Some(latencies), Some((_, Some(heard)))) = (probe, played) {
            latencies.note(Timed::Line, heard.saturating_duration_since(asked));
        }
        Ok(played.map(|(length, _)| length))
    }

    fn rate(&self) -> NonZero<u32> {
        NonZero::new(self.rate).unwrap_or(NonZero::<u32>::MIN)
    }

    /// Every cue in turn with `gap` after each, timed here.
    fn sequence(
        &mut self,
        gap: Duration,
        gain: f32,
        started: &Sender<Option<Cue>>,
    ) -> Result<(), GaveUp> {
        for cue in ALL {
            let _ = started.send(Some(cue));
            let played = self.sound(&Sound::Cue(cue), gain, false)?;
            let length = played.map_or(Duration::ZERO, |(length, _)| length);
            std::thread::sleep(length + gap);
        }
        Ok(())
    }

    /// Corks the stream once the last sound has played.
    fn tend(&mut self, now: Instant) -> Result<Option<Instant>, GaveUp> {
        match self.cork_at {
            Some(at) if at <= now => {
                self.cork_at = None;
                if let Some(stream) = &mut self.stream {
                    match stream.cork() {
                        Ok(()) => self.failures.reset(),
                        Err(why) => {
                            eprintln!("supple: audio: the stream failed: {why}");
                            self.stream = None;
                            self.failures.count()?;
                        }
                    }
                }
                Ok(None)
            }
            at => Ok(at),
        }
    }

    /// Waits for the sound playing now (at most `WIND_UP`): in plain mode the process ends
    /// right after the session does, which would cut "Session complete." after a few
    /// milliseconds.
    fn wind_up(&mut self) {
        if let Some(at) = self.cork_at {
            let wait = at.saturating_duration_since(Instant::now()).min(WIND_UP);
            std::thread::sleep(wait);
        }
    }
}
