//! The fallback path, where no sound server's native protocol answers: cues through ALSA's
//! default device, rodio mixing and cpal playing. The output stream is opened shortly before a
//! foreseen cue and closed in the long quiet part of a hold (see `super::stream`): a running
//! stream wakes the process every period.

use std::num::NonZero;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use rodio::Source;
use rodio::buffer::SamplesBuffer;
use rodio::cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use rodio::cpal::{self, BufferSize, FromSample, SampleFormat, SizedSample};
use rodio::mixer::{Mixer, MixerSource};

use super::probe::{Latencies, Timed};
use super::synth::{self, ALL, SAMPLE_RATE};
use super::worker::{DeviceState, Failures, GaveUp, NoPath, Path, SharedState, Words};
use super::{Cue, stream};

/// Frames in a device period: 1536 at 48 kHz is 32 ms. Each period wakes the audio threads.
/// Measured side by side over 90 s with voice and beeps (scripts/compare-sound.sh, when
/// PulseAudio still went through cpal): 512 frames cost 1.25 % of a core, 1536 0.52 %, 2048
/// 0.47 %; sound-test --latency gave 35 ms at 1536 and 46 ms at 2048.
pub const BUFFER_FRAMES: u32 = 1536;

/// How long the stream keeps running after its last cue should have ended, so the end of the
/// cue is heard.
const TAIL: Duration = Duration::from_millis(150);

/// How long before a foreseen cue the stream is opened: through ALSA's pulse plugin a new
/// stream starts at the sink's next wake-up, 0.7 to 1.5 s after it was built on a null sink.
const LEAD: Duration = Duration::from_secs(3);

/// How long the stream runs when it first opens (see `Alsa::start`).
const WARM_UP: Duration = Duration::from_secs(3);

/// After a failed open, the next try waits this long.
const RETRY: Duration = Duration::from_secs(1);

/// How long opening a stream may take before it counts as failed (a hung sound server must
/// not hang the session or its end).
const OPEN_TIMEOUT: Duration = Duration::from_secs(2);

const ONE_CHANNEL: NonZero<u16> = NonZero::<u16>::MIN;
const CUE_RATE: NonZero<u32> = match NonZero::new(SAMPLE_RATE) {
    Some(rate) => rate,
    None => NonZero::<u32>::MIN,
};

/// The device, found once; streams are built from it as cues come.
struct Device {
    device: cpal::Device,
    config: cpal::StreamConfig,
    format: SampleFormat,
    channels: NonZero<u16>,
    rate: NonZero<u32>,
}

/// An open output stream and the mixer that feeds it.
struct Output {
    stream: cpal::Stream,
    mixer: Mixer,
    /// How far ahead of the latest callback its samples will be played, in microseconds, as
    /// ALSA reports it.
    ahead_us: Arc<AtomicU64>,
    /// Set when this stream reports an error (not for an underrun, which the backend mends).
    failed: Arc<AtomicBool>,
    opened_at: Instant,
}

/// The ALSA path: the device, the cues as samples, and the output stream opened and closed as
/// `stream::decide` says.
pub(super) struct Alsa {
    device: Device,
    cues: Vec<(Cue, Vec<f32>)>,
    output: Option<Output>,
    failures: Failures,
    /// After a failed open, the policy's next try waits until then.
    retry_at: Option<Instant>,
    /// While a cue (and its tail) plays, the stream runs until then; `None` until the first.
    playing_until: Option<Instant>,
    /// When the next foreseen cue is due, as the player last said.
    next_cue: Option<Instant>,
    /// The line being said: set the flag to cut it short.
    speech: Option<Arc<AtomicBool>>,
}

impl Alsa {
    /// Finds ALSA's default device and opens its first stream, or says why it cannot.
    pub(super) fn start(state: SharedState) -> Result<Alsa, NoPath> {
        let device = find_device().map_err(|why| NoPath {
            state: DeviceState::NoDevice,
            why,
        })?;
        let output = open_output(&device).ok_or_else(|| NoPath {
            state: DeviceState::Failed,
            why: "its stream would not open".into(),
        })?;
        // The first start of a stream can take a second or two (through ALSA's pulse plugin),
        // so it is started now, during the lead-in, when the first cues are coming.
        let playing_until = output
            .stream
            .play()
            .is_ok()
            .then(|| Instant::now() + WARM_UP);
        Ok(Alsa {
            device,
            cues: ALL
                .iter()
                .map(|&c| (c, synth::synthesize(c, SAMPLE_RATE)))
                .collect(),
            output: Some(output),
            failures: Failures::new(state),
            retry_at: None,
            playing_until,
            next_cue: None,
            speech: None,
        })
    }

    fn stream_state(&self, now: Instant) -> stream::State {
        match (&self.output, self.playing_until) {
            (None, _) => stream::State::Closed,
            (Some(_), until) => stream::State::Open {
                until: until.unwrap_or(now),
            },
        }
    }

    /// Opens a stream unless one is open. A failed open counts towards giving up; short of
    /// that, the stream stays closed and the caller goes on without it.
    fn open(&mut self) -> Result<(), GaveUp> {
        if self.output.is_none() {
            self.output = open_output(&self.device);
            if self.output.is_none() {
                return self.failures.count();
            }
        }
        Ok(())
    }

    /// Dropping the stream stops it and its threads (and any line being said).
    fn close(&mut self) {
        if let Some(cut) = self.speech.take() {
            cut.store(true, Ordering::Relaxed);
        }
        self.output = None;
        self.playing_until = None;
    }

    /// Starts the stream if it is not running, and keeps it running until `length` (and a
    /// tail) from now.
    fn keep_playing(&mut self, length: Duration) {
        let Some(out) = &self.output else {
            return;
        };
        if self.playing_until.is_some() || out.stream.play().is_ok() {
            let until = stream::playing_until(Instant::now(), length, TAIL, out.opened_at, LEAD);
            self.playing_until = Some(self.playing_until.map_or(until, |u| u.max(until)));
        }
    }
}

impl Path for Alsa {
    /// Plays `cue`, opening the stream first if it is closed (a cue nobody foresaw: a new
    /// stream may take a moment to sound, see `stream::playing_until`).
    fn play(
        &mut self,
        cue: Cue,
        gain: f32,
        asked: Instant,
        probe: Option<Latencies>,
    ) -> Result<(), GaveUp> {
        self.open()?;
        let (Some(out), Some((_, samples))) =
            (&self.output, self.cues.iter().find(|(c, _)| *c == cue))
        else {
            return Ok(());
        };
        let source = SamplesBuffer::new(ONE_CHANNEL, CUE_RATE, samples.clone()).amplify(gain);
        match probe {
            Some(latencies) => {
                let ahead_us = Arc::clone(&out.ahead_us);
                out.mixer
                    .add(latencies.probe(source, Timed::Cue(cue), asked, ahead_us));
            }
            None => out.mixer.add(source),
        }
        self.keep_playing(Duration::from_millis(u64::from(synth::duration_ms(cue))));
        Ok(())
    }

    /// Says `words`, queued in the mixer in place of any line still being said (whose flag is
    /// looked at every 5 ms as it plays).
    fn speak(
        &mut self,
        words: Words,
        gain: f32,
        asked: Instant,
        probe: Option<Latencies>,
    ) -> Result<Option<Duration>, GaveUp> {
        // Nothing to cut short where no stream is open, and none to open for silence.
        if words.samples.is_empty() && self.output.is_none() {
            return Ok(None);
        }
        self.open()?;
        let Some(out) = &self.output else {
            return Ok(None);
        };
        if let Some(old) = self.speech.take() {
            old.store(true, Ordering::Relaxed);
        }
        let length = words.length();
        let words = SamplesBuffer::new(ONE_CHANNEL, words.rate, words.samples);
        let cut = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cut);
        let words = words.amplify(gain).stoppable().periodic_access(
            Duration::from_millis(5),
            move |words| {
                if flag.load(Ordering::Relaxed) {
                    words.stop();
                }
            },
        );
        match probe {
            Some(latencies) => {
                out.mixer
                    .add(latencies.probe(words, Timed::Line, asked, Arc::clone(&out.ahead_us)))
            }
            None => out.mixer.add(words),
        }
        self.speech = Some(cut);
        self.keep_playing(length);
        Ok(Some(length))
    }

    fn rate(&self) -> NonZero<u32> {
        self.device.rate
    }

    fn expect(&mut self, at: Option<Instant>) {
        self.next_cue = at;
    }

    /// Every cue in turn with `gap` after each, paced by the device.
    fn sequence(
        &mut self,
        gap: Duration,
        gain: f32,
        started: &Sender<Option<Cue>>,
    ) -> Result<(), GaveUp> {
        let opened = self.open();
        if let Some(out) = &self.output {
            if self.playing_until.is_none() {
                let _ = out.stream.play();
            }
            let queue = rodio::Player::connect_new(&out.mixer);
            let silence = (u128::from(SAMPLE_RATE) * gap.as_millis() / 1000) as usize;
            for (cue, samples) in &self.cues {
                let _ = started.send(Some(*cue));
                queue.append(
                    SamplesBuffer::new(ONE_CHANNEL, CUE_RATE, samples.clone()).amplify(gain),
                );
                queue.append(SamplesBuffer::new(
                    ONE_CHANNEL,
                    CUE_RATE,
                    vec![0.0; silence],
                ));
                queue.sleep_until_end();
            }
            self.playing_until = Some(Instant::now() + TAIL);
        }
        opened
    }

    /// A stream that reported an error is dropped and counted; then the stream is opened or
    /// closed as `stream::decide` says, until it says to wait.
    fn tend(&mut self, now: Instant) -> Result<Option<Instant>, GaveUp> {
        loop {
            if self
                .output
                .as_ref()
                .is_some_and(|out| out.failed.load(Ordering::SeqCst))
            {
                // A new one opens before the next cue as usual.
                self.close();
                self.failures.count()?;
            }
            let (mut action, mut wake) =
                stream::decide(self.stream_state(now), now, self.next_cue, LEAD);
            if action == stream::Action::Open
                && let Some(at) = self.retry_at.filter(|&at| at > now)
            {
                (action, wake) = (stream::Action::Nothing, Some(at));
            }
            match action {
                stream::Action::Nothing => return Ok(wake),
                stream::Action::Open => {
                    self.open()?;
                    if self.output.is_none() {
                        // The policy would ask again at once: a retry waits. (A cue asks once.)
                        self.retry_at = Some(now + RETRY);
                    }
                }
                stream::Action::Close => {
                    self.close();
                    // A stream that served its cues and closed cleanly: earlier failures were
                    // passing (ALSA's pulse plugin reports an I/O error now and then on some
                    // sinks).
                    self.failures.reset();
                }
            }
        }
    }
}

/// ALSA's default output device and its configuration, or why there is none.
fn find_device() -> Result<Device, String> {
    let host = cpal::default_host();
    let device = host
        .default_output_device()
        .ok_or("no default output device")?;
    let supported = device
        .default_output_config()
        .map_err(|e| format!("no output configuration: {e}"))?;
    let channels = NonZero::new(supported.channels()).ok_or("no channels")?;
    let rate = NonZero::new(supported.sample_rate()).ok_or("a rate of 0 Hz")?;
    let mut config = supported.config();
    config.buffer_size = BufferSize::Fixed(BUFFER_FRAMES);
    Ok(Device {
        device,
        config,
        format: supported.sample_format(),
        channels,
        rate,
    })
}

/// Builds a stream; a small buffer first, the device's default if it refuses.
fn open_output(device: &Device) -> Option<Output> {
    let failed = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&failed);
    let on_error = move |e: cpal::Error| {
        if e.kind() == cpal::ErrorKind::Xrun {
            // An underrun: the backend has already recovered.
            return;
        }
        // Logged once: a failing stream reports again on every period.
        if !flag.swap(true, Ordering::SeqCst) {
            eprintln!("supple: audio stream error, closing the stream: {e}");
        }
    };
    let mut config = device.config;
    let ahead_us = Arc::new(AtomicU64::new(0));
    for buffer_size in [config.buffer_size, BufferSize::Default] {
        config.buffer_size = buffer_size;
        let (mixer, source) = rodio::mixer::mixer(device.channels, device.rate);
        let (d, c, e, a) = (
            &device.device,
            &config,
            on_error.clone(),
            Arc::clone(&ahead_us),
        );
        let built = match device.format {
            SampleFormat::F32 => build::<f32>(d, c, source, e, a),
            SampleFormat::I16 => build::<i16>(d, c, source, e, a),
            SampleFormat::U16 => build::<u16>(d, c, source, e, a),
            SampleFormat::I32 => build::<i32>(d, c, source, e, a),
            other => {
                eprintln!("supple: audio: unsupported sample format {other}");
                return None;
            }
        };
        match built {
            Ok(stream) => {
                return Some(Output {
                    stream,
                    mixer,
                    ahead_us,
                    failed,
                    opened_at: Instant::now(),
                });
            }
            Err(e) => eprintln!("supple: audio: cannot open a stream with {buffer_size:?}: {e}"),
        }
    }
    None
}

/// An output stream in the device's sample format, fed by the mixer.
fn build<T>(
    device: &cpal::Device,
    config: &cpal::StreamConfig,
    mut source: MixerSource,
    on_error: impl FnMut(cpal::Error) + Send + 'static,
    ahead_us: Arc<AtomicU64>,
) -> Result<cpal::Stream, cpal::Error>
where
    T: SizedSample + FromSample<f32> + Send + 'static,
{
    device.build_output_stream::<T, _, _>(
        *config,
        move |data: &mut [T], info: &cpal::OutputCallbackInfo| {
            let ts = info.timestamp();
            let ahead = ts.playback.duration_since(ts.callback);
            ahead_us.store(
                u64::try_from(ahead.as_micros()).unwrap_or(0),
                Ordering::Relaxed,
            );
            for out in data.iter_mut() {
                *out = T::from_sample(source.next().unwrap_or(0.0));
            }
        },
        on_error,
        Some(OPEN_TIMEOUT),
    )
}
