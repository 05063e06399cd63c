//! Cues through the system's audio device: rodio mixes, cpal plays.
//!
//! An audio thread owns the device. `play` sends it the cue and returns at once. The app also
//! says when the next cue is due (`expect`), and the thread opens the output stream shortly
//! before it and pauses or closes it after (see `super::stream`): on PulseAudio an open stream
//! costs CPU all the time, paused or not. With no device the session runs the same, silently
//! or with the bell.

use std::num::NonZero;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use rodio::Source;
use rodio::buffer::SamplesBuffer;
use rodio::cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use rodio::cpal::{self, BufferSize, FromSample, SampleFormat, SizedSample};
use rodio::mixer::{Mixer, MixerSource};

use super::probe::{self, Latencies};
use super::synth::{self, ALL, SAMPLE_RATE};
use super::{Bell, Cue, Player, SoundStatus, stream};

/// Frames in a device period: 512 at 48 kHz is 10.7 ms (PulseAudio buffers two periods).
pub const BUFFER_FRAMES: u32 = 512;

/// How long the stream keeps running after its last cue should have ended, so the end of the
/// cue is heard before it pauses (play call to sound is 11 to 22 ms, measured).
const TAIL: Duration = Duration::from_millis(150);

/// How long before a foreseen cue the stream is opened: a new PulseAudio stream starts at the
/// sink's next wake-up, which on a null sink came 0.7 to 1.5 s after it was built (and 11 ms
/// after the play call once it had been open 2.5 s).
const LEAD: Duration = Duration::from_secs(3);

/// How long the stream runs when it first opens (see `audio_thread`).
const WARM_UP: Duration = Duration::from_secs(3);

/// A cue not started within this time of its moment is dropped.
const STALE: Duration = Duration::from_millis(500);

/// What the audio thread is told.
enum Command {
    Play {
        cue: Cue,
        gain: f32,
        asked: Instant,
        /// Where to note the cue's latency (only while `measure_latency` runs).
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

/// The device state as the screen sees it.
const OPENING: u8 = 0;
const READY: u8 = 1;
const NO_DEVICE: u8 = 2;
const FAILED: u8 = 3;

/// Plays cues through the default audio device.
pub struct DevicePlayer {
    commands: Option<Sender<Command>>,
    thread: Option<std::thread::JoinHandle<()>>,
    state: Arc<AtomicU8>,
    /// Percent, 0 to 100.
    volume: u8,
    /// Ring the terminal bell when there is no device.
    bell_fallback: bool,
    /// Set while `measure_latency` runs: only then are cues timed.
    probe: Option<Latencies>,
}

impl DevicePlayer {
    /// Starts the audio thread, which opens the default device in the background.
    pub fn open_in_background(volume: u8, bell_fallback: bool) -> Self {
        let (tx, rx) = mpsc::channel();
        let state = Arc::new(AtomicU8::new(OPENING));
        let thread_state = Arc::clone(&state);
        let spawned = std::thread::Builder::new()
            .name("supple-audio".into())
            .spawn(move || audio_thread(rx, thread_state));
        if spawned.is_err() {
            state.store(FAILED, Ordering::SeqCst);
        }
        let (commands, thread) = match spawned {
            Ok(handle) => (Some(tx), Some(handle)),
            Err(_) => (None, None),
        };
        DevicePlayer {
            commands,
            thread,
            state,
            volume: volume.min(100),
            bell_fallback,
            probe: None,
        }
    }

    /// Opens the default device and waits until it is known whether there is one.
    pub fn open_now(volume: u8) -> Result<Self, String> {
        let player = Self::open_in_background(volume, false);
        let start = Instant::now();
        while player.state.load(Ordering::SeqCst) == OPENING
            && start.elapsed() < Duration::from_secs(5)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        match player.state.load(Ordering::SeqCst) {
            READY => Ok(player),
            OPENING => Err("the audio device did not answer".into()),
            NO_DEVICE => Err("no audio device".into()),
            _ => Err("audio device failed".into()),
        }
    }

    /// Plays every cue in order, calling `each` as it starts, with a pause after each one;
    /// returns when all have played (paced by the device itself).
    pub fn play_all_and_wait(&mut self, between: Duration, mut each: impl FnMut(Cue)) {
        let Some(commands) = &self.commands else {
            return;
        };
        let (tx, rx) = mpsc::channel();
        let gain = f32::from(self.volume) / 100.0;
        if commands
            .send(Command::Sequence {
                gap: between,
                gain,
                started: tx,
            })
            .is_err()
        {
            return;
        }
        while let Ok(Some(cue)) = rx.recv() {
            each(cue);
        }
    }

    /// Plays every cue the way a session does (one play call each, `between` apart in real
    /// time, each foretold by the one before) and returns, per cue, the time from the play
    /// call to its first sample handed to the device.
    pub fn measure_latency(&mut self, between: Duration) -> Vec<(Cue, Duration)> {
        let latencies = Latencies::default();
        self.probe = Some(latencies.clone());
        probe::play_as_a_session(self, between);
        self.probe = None;
        latencies.noted()
    }
}

const ONE_CHANNEL: NonZero<u16> = NonZero::<u16>::MIN;
const CUE_RATE: NonZero<u32> = match NonZero::new(SAMPLE_RATE) {
    Some(rate) => rate,
    None => NonZero::<u32>::MIN,
};

/// The device, found once; streams are built from it as cues come.
struct Device {
    /// On PulseAudio, where an open stream costs CPU even while paused, the stream is paused
    /// between cues and closed when none is near (see `stream`). ALSA streams keep running:
    /// resuming a paused one fails on some devices (EBADFD from snd_pcm_writei).
    policy: stream::Policy,
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
    /// the audio system reports it.
    ahead_us: Arc<AtomicU64>,
    /// Set when this stream reports an error (not for an underrun, which the backend mends).
    failed: Arc<AtomicBool>,
    opened_at: Instant,
}

/// Failed streams or opens in one session before sound is given up (a sound server that
/// restarts costs one or two).
const MAX_FAILURES: u32 = 3;

/// After a failed open, the next try waits this long.
const RETRY: Duration = Duration::from_secs(1);

/// How long opening a stream may take before it counts as failed (a hung sound server must
/// not hang the session or its end).
const OPEN_TIMEOUT: Duration = Duration::from_secs(2);

/// The audio thread: finds the device, then plays cues, with the stream opened, paused and
/// closed as `stream::decide` says.
fn audio_thread(commands: Receiver<Command>, state: Arc<AtomicU8>) {
    let Some(device) = find_device() else {
        state.store(NO_DEVICE, Ordering::SeqCst);
        return give_up(&commands);
    };
    let cues: Vec<(Cue, Vec<f32>)> = ALL
        .iter()
        .map(|&c| (c, synth::synthesize(c, SAMPLE_RATE)))
        .collect();
    let mut output = open_output(&device);
    if output.is_none() {
        state.store(FAILED, Ordering::SeqCst);
        return give_up(&commands);
    }
    state.store(READY, Ordering::SeqCst);
    // Failed streams and failed opens this session; at MAX_FAILURES sound gives up.
    let mut failures = 0;
    // After a failed open, the next try waits until then.
    let mut retry_at: Option<Instant> = None;
    // The first start of a stream takes a second or two (measured with PulseAudio), so it is
    // started now, during the lead-in, when the first cues are coming.
    let mut playing_until: Option<Instant> = None;
    if let Some(out) = &mut output
        && out.stream.play().is_ok()
    {
        playing_until = Some(Instant::now() + WARM_UP);
    }
    let mut next_cue: Option<Instant> = None;
    loop {
        let now = Instant::now();
        if output
            .as_ref()
            .is_some_and(|out| out.failed.load(Ordering::SeqCst))
        {
            // Dropping the stream stops it and its threads; a new one opens before the next
            // cue as usual.
            output = None;
            playing_until = None;
            if one_more_failure(&mut failures, &state) {
                return give_up(&commands);
            }
        }
        let stream_state = match (&output, playing_until) {
            (None, _) => stream::State::Closed,
            (Some(_), Some(until)) => stream::State::Playing { until },
            (Some(_), None) => stream::State::Idle,
        };
        let (mut action, mut wake) = stream::decide(stream_state, now, next_cue, device.policy);
        if action == stream::Action::Open
            && let Some(at) = retry_at.filter(|&at| at > now)
        {
            (action, wake) = (stream::Action::Nothing, Some(at));
        }
        match action {
            stream::Action::Nothing => {}
            stream::Action::Open => {
                output = open_output(&device);
                if output.is_none() {
                    if one_more_failure(&mut failures, &state) {
                        return give_up(&commands);
                    }
                    retry_at = Some(now + RETRY);
                }
            }
            stream::Action::Pause => {
                if let Some(out) = &output
                    && out.stream.pause().is_err()
                {
                    // Cannot pause: close it instead; it opens again before the next cue.
                    output = None;
                }
                playing_until = None;
            }
            stream::Action::Close => {
                // Dropping the stream stops it and its threads.
                output = None;
                playing_until = None;
            }
        }
        if action != stream::Action::Nothing {
            continue;
        }
        let command = match wake {
            Some(at) => commands.recv_timeout(at.saturating_duration_since(now)),
            None => commands.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match command {
            Ok(Command::Expect(at)) => next_cue = at,
            Ok(Command::Play {
                cue,
                gain,
                asked,
                probe,
            }) => {
                // A cue that waited for the device to open is stale: a late beep misleads.
                if asked.elapsed() > STALE {
                    continue;
                }
                if output.is_none() {
                    // Not foreseen (a key, or the first cue): open now. A new stream may take a
                    // moment to sound (see `stream::playing_until`).
                    output = open_output(&device);
                    if output.is_none() {
                        if one_more_failure(&mut failures, &state) {
                            return give_up(&commands);
                        }
                        continue;
                    }
                }
                if let (Some(out), Some((_, samples))) =
                    (&mut output, cues.iter().find(|(c, _)| *c == cue))
                {
                    let source =
                        SamplesBuffer::new(ONE_CHANNEL, CUE_RATE, samples.clone()).amplify(gain);
                    match probe {
                        Some(latencies) => out.mixer.add(latencies.probe(
                            source,
                            cue,
                            asked,
                            Arc::clone(&out.ahead_us),
                        )),
                        None => out.mixer.add(source),
                    }
                    if playing_until.is_some() || out.stream.play().is_ok() {
                        let until = stream::playing_until(
                            Instant::now(),
                            Duration::from_millis(u64::from(synth::duration_ms(cue))),
                            TAIL,
                            out.opened_at,
                            device.policy.lead,
                        );
                        playing_until = Some(playing_until.map_or(until, |u| u.max(until)));
                    }
                }
            }
            Ok(Command::Sequence { gap, gain, started }) => {
                if output.is_none() {
                    output = open_output(&device);
                }
                if let Some(out) = &mut output {
                    if playing_until.is_none() {
                        let _ = out.stream.play();
                    }
                    let queue = rodio::Player::connect_new(&out.mixer);
                    let silence = (u128::from(SAMPLE_RATE) * gap.as_millis() / 1000) as usize;
                    for (cue, samples) in &cues {
                        let _ = started.send(Some(*cue));
                        queue.append(
                            SamplesBuffer::new(ONE_CHANNEL, CUE_RATE, samples.clone())
                                .amplify(gain),
                        );
                        queue.append(SamplesBuffer::new(
                            ONE_CHANNEL,
                            CUE_RATE,
                            vec![0.0; silence],
                        ));
                        queue.sleep_until_end();
                    }
                    playing_until = Some(Instant::now() + TAIL);
                }
                let _ = started.send(None);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Counts a failed stream or open; at `MAX_FAILURES` marks sound failed (the bell may stand
/// in) and says to give up.
fn one_more_failure(failures: &mut u32, state: &AtomicU8) -> bool {
    *failures += 1;
    let give_up = *failures >= MAX_FAILURES;
    if give_up {
        state.store(FAILED, Ordering::SeqCst);
    }
    give_up
}

/// Keeps receiving until the player closes, so senders never see an error; nothing plays.
fn give_up(commands: &Receiver<Command>) {
    while commands.recv().is_ok() {}
}

/// Finds the default output device (PulseAudio when a server runs, else ALSA) and its
/// configuration; `None`, with the reason in the log, when there is none.
fn find_device() -> Option<Device> {
    fn none(what: &str, e: &dyn std::fmt::Display) {
        // Goes to the log file: stderr is redirected away from the screen during a session.
        eprintln!("supple: no audio: {what}: {e}");
    }
    let host = cpal::default_host();
    let Some(device) = host.default_output_device() else {
        none("no default output device", &"none");
        return None;
    };
    let supported = device
        .default_output_config()
        .map_err(|e| none("no output configuration", &e))
        .ok()?;
    let channels = NonZero::new(supported.channels()).or_else(|| {
        none("channels", &0);
        None
    })?;
    let rate = NonZero::new(supported.sample_rate()).or_else(|| {
        none("rate", &0);
        None
    })?;
    let mut config = supported.config();
    config.buffer_size = BufferSize::Fixed(BUFFER_FRAMES);
    Some(Device {
        policy: if host.id() == cpal::HostId::Alsa {
            stream::Policy {
                pause: false,
                close_idle: false,
                lead: LEAD,
            }
        } else {
            stream::Policy {
                pause: true,
                close_idle: true,
                lead: LEAD,
            }
        },
        device,
        config,
        format: supported.sample_format(),
        channels,
        rate,
    })
}

/// Builds and starts a stream; a small buffer first, the device's default if it refuses.
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

/// Closing the player closes the device cleanly: the audio thread sees the channel close,
/// drops its stream (ALSA and PulseAudio then finish what they were writing) and ends.
impl Drop for DevicePlayer {
    fn drop(&mut self) {
        self.commands = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Player for DevicePlayer {
    fn play(&mut self, cue: Cue) {
        match self.state.load(Ordering::SeqCst) {
            OPENING | READY => {
                if let Some(commands) = &self.commands {
                    let gain = f32::from(self.volume) / 100.0;
                    let _ = commands.send(Command::Play {
                        cue,
                        gain,
                        asked: Instant::now(),
                        probe: self.probe.clone(),
                    });
                }
            }
            _ if self.bell_fallback => Bell.play(cue),
            _ => {}
        }
    }

    fn expect(&mut self, next_cue: Option<Duration>) {
        if let Some(commands) = &self.commands {
            let _ = commands.send(Command::Expect(next_cue.map(|d| Instant::now() + d)));
        }
    }

    fn status(&self) -> SoundStatus {
        match self.state.load(Ordering::SeqCst) {
            READY => SoundStatus::On {
                volume: self.volume,
            },
            OPENING => SoundStatus::Starting,
            _ if self.bell_fallback => SoundStatus::Bell,
            NO_DEVICE => SoundStatus::Off("no audio device"),
            _ => SoundStatus::Off("audio device failed"),
        }
    }

    fn change_volume(&mut self, delta: i8) {
        self.volume = self.volume.saturating_add_signed(delta).min(100);
    }
}
