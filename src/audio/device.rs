//! Cues through the system's audio device: rodio mixes, cpal plays.
//!
//! The device belongs to an audio thread, a [`Worker`] that also owns the cues as samples and
//! the output stream, with one method per command from the player. `play` sends it the cue and
//! returns at once. The app also says when the next cue is due (`expect`), and the worker opens
//! the output stream shortly before it and pauses or closes it after (see `super::stream`): on
//! PulseAudio an open stream costs CPU all the time, paused or not. With no device the session
//! runs the same, silently or with the bell.

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

use super::probe::{self, Latencies, Timed};
use super::synth::{self, ALL, SAMPLE_RATE};
use super::{Bell, Cue, Player, SoundStatus, stream, voice};

/// Frames in a device period: 2048 at 48 kHz is 43 ms (PulseAudio buffers two periods). Each
/// period wakes the audio threads; with the native PulseAudio client every wake-up also zeroes
/// a 1 MiB buffer. Measured side by side over 90 s with voice and beeps (scripts/compare-sound.sh):
/// 512 frames cost 1.25 % of a core, 1536 0.52 %, 2048 0.47 %; sound-test --latency gave 35 ms
/// at 1536 and 46 ms at 2048, inside the 100 ms a cue may take.
pub const BUFFER_FRAMES: u32 = 1536;

/// How long the stream keeps running after its last cue should have ended, so the end of the
/// cue is heard before it pauses (play call to sound is 11 to 22 ms, measured).
const TAIL: Duration = Duration::from_millis(150);

/// How long before a foreseen cue the stream is opened: a new PulseAudio stream starts at the
/// sink's next wake-up, which on a null sink came 0.7 to 1.5 s after it was built (and 11 ms
/// after the play call once it had been open 2.5 s).
const LEAD: Duration = Duration::from_secs(3);

/// How long the stream runs when it first opens (see `Worker::start`).
const WARM_UP: Duration = Duration::from_secs(3);

/// A cue not started within this time of its moment is dropped.
const STALE: Duration = Duration::from_millis(500);

/// The session's first cue or line (its "get ready") waits this long for the device to open
/// rather than being dropped: opening takes 0.5 to 2 s, and the get-ready step is there to
/// wait in. Heard late by design, never lost.
const FIRST_PATIENCE: Duration = Duration::from_secs(5);

/// What the audio thread is told.
enum Command {
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
enum DeviceState {
    /// The audio thread is still finding the device and opening its first stream.
    Opening,
    Ready,
    NoDevice,
    /// The first stream would not open, or streams failed `MAX_FAILURES` times.
    Failed,
}

/// The device state, set by the audio thread and read by the player at every cue and frame:
/// an atomic, so neither ever waits for the other.
#[derive(Debug, Clone, Default)]
struct SharedState(Arc<AtomicU8>);

impl SharedState {
    fn new(state: DeviceState) -> Self {
        let shared = SharedState::default();
        shared.store(state);
        shared
    }

    fn store(&self, state: DeviceState) {
        self.0.store(state as u8, Ordering::SeqCst);
    }

    fn load(&self) -> DeviceState {
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

/// Plays cues through the default audio device.
pub struct DevicePlayer {
    commands: Option<Sender<Command>>,
    thread: Option<std::thread::JoinHandle<()>>,
    state: SharedState,
    /// Percent, 0 to 100.
    volume: u8,
    /// Ring the terminal bell when there is no device.
    bell_fallback: bool,
    /// Set while `measure_latency` runs: only then are cues timed.
    probe: Option<Latencies>,
    /// Whether a cue or line has been sent yet: the first waits for the device (see
    /// `FIRST_PATIENCE`).
    sent: bool,
}

impl DevicePlayer {
    /// Starts the audio thread, which opens the default device in the background.
    pub fn open_in_background(volume: u8, bell_fallback: bool) -> Self {
        let (tx, rx) = mpsc::channel();
        let state = SharedState::new(DeviceState::Opening);
        let thread_state = state.clone();
        let spawned = std::thread::Builder::new()
            .name("supple-audio".into())
            .spawn(move || audio_thread(rx, thread_state));
        if spawned.is_err() {
            state.store(DeviceState::Failed);
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
            sent: false,
        }
    }

    /// Opens the default device and waits until it is known whether there is one.
    pub fn open_now(volume: u8) -> Result<Self, String> {
        let player = Self::open_in_background(volume, false);
        let start = Instant::now();
        while player.state.load() == DeviceState::Opening
            && start.elapsed() < Duration::from_secs(5)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        match player.state.load() {
            DeviceState::Ready => Ok(player),
            DeviceState::Opening => Err("the audio device did not answer".into()),
            DeviceState::NoDevice => Err("no audio device".into()),
            DeviceState::Failed => Err("audio device failed".into()),
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

    /// Says `line` and returns once it has been said.
    pub fn speak_and_wait(&mut self, line: voice::Line) {
        let Some(commands) = &self.commands else {
            return;
        };
        let (done, said) = mpsc::channel();
        let sent = commands.send(Command::Speak {
            line,
            gain: f32::from(self.volume) / 100.0,
            asked: Instant::now(),
            stale_after: STALE,
            done: Some(done),
            probe: None,
        });
        if sent.is_ok() {
            let _ = said.recv_timeout(Duration::from_secs(10));
        }
    }

    /// Plays every cue and says a line the way a session does (one call each, `between` apart
    /// in real time, each foretold by the one before) and returns, per cue and for the line,
    /// the time from the call to its first sample being played, as the audio system reports.
    pub fn measure_latency(&mut self, between: Duration) -> Vec<(Timed, Duration)> {
        let latencies = Latencies::default();
        self.probe = Some(latencies.clone());
        probe::play_as_a_session(self, between);
        self.probe = None;
        latencies.noted()
    }
}

/// A line's clips decoded (Ogg Vorbis through rodio's lewton decoder) and joined into one
/// sound, so it reaches the mixer as a single source with no gaps; a clip that is missing,
/// does not decode, or differs in rate or channels from the first is left out, with a word in
/// the log.
fn decode_line(line: &voice::Line) -> Option<SamplesBuffer> {
    let mut joined: Option<(NonZero<u16>, NonZero<u32>, Vec<f32>)> = None;
    for key in line {
        let decoded = voice::clip(key)
            .and_then(|bytes| rodio::Decoder::new_vorbis(std::io::Cursor::new(bytes)).ok());
        let Some(decoder) = decoded else {
            eprintln!("supple: audio: the clip `{key}` does not decode");
            continue;
        };
        let (channels, rate) = (decoder.channels(), decoder.sample_rate());
        match &mut joined {
            None => joined = Some((channels, rate, decoder.collect())),
            Some((c, r, samples)) if (*c, *r) == (channels, rate) => samples.extend(decoder),
            Some(_) => eprintln!("supple: audio: the clip `{key}` differs in rate or channels"),
        }
    }
    let (channels, rate, samples) = joined?;
    Some(SamplesBuffer::new(channels, rate, samples))
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

/// Failed streams or opens in a row (no stream closed cleanly between them) before sound is
/// given up for the session (a sound server that restarts costs one or two).
const MAX_FAILURES: u32 = 3;

/// After a failed open, the next try waits this long.
const RETRY: Duration = Duration::from_secs(1);

/// How long opening a stream may take before it counts as failed (a hung sound server must
/// not hang the session or its end).
const OPEN_TIMEOUT: Duration = Duration::from_secs(2);

/// The audio thread: finds the device, then works through the player's commands until the
/// player closes. With no device, or once sound has given up, it only takes them in.
fn audio_thread(commands: Receiver<Command>, state: SharedState) {
    let Some(mut worker) = Worker::start(state) else {
        return give_up(&commands);
    };
    if worker.run(&commands).is_err() {
        give_up(&commands);
    }
}

/// Keeps receiving until the player closes, so senders never see an error; nothing plays.
fn give_up(commands: &Receiver<Command>) {
    while commands.recv().is_ok() {}
}

/// Sound failed `MAX_FAILURES` times this session: the worker plays nothing more.
#[derive(Debug)]
struct GaveUp;

/// After a step of the stream policy: step again at once (the stream changed), or wait for a
/// command until then (`None`: until one comes).
enum Next {
    Again,
    Wait(Option<Instant>),
}

/// The audio thread's state: the device, the cues as samples, and the output stream opened,
/// paused and closed as `stream::decide` says.
struct Worker {
    device: Device,
    cues: Vec<(Cue, Vec<f32>)>,
    output: Option<Output>,
    /// What the player reads; `Failed` once sound gives up.
    state: SharedState,
    /// Failed streams and failed opens this session; at `MAX_FAILURES` sound gives up.
    failures: u32,
    /// After a failed open, the policy's next try waits until then.
    retry_at: Option<Instant>,
    /// While a cue (and its tail) plays, the stream runs until then; `None` while idle.
    playing_until: Option<Instant>,
    /// When the next foreseen cue is due, as the player last said.
    next_cue: Option<Instant>,
    /// The line being said (set the flag to cut it short), and when it will have been said:
    /// a beep in the meantime is dropped (never over the words), a new line cuts it short.
    speech: Option<Arc<AtomicBool>>,
    speaking_until: Option<Instant>,
}

impl Worker {
    /// Finds the device and opens its first stream; `None`, with the state saying why, when
    /// there is no sound to be had.
    fn start(state: SharedState) -> Option<Worker> {
        let Some(device) = find_device() else {
            state.store(DeviceState::NoDevice);
            return None;
        };
        let cues = ALL
            .iter()
            .map(|&c| (c, synth::synthesize(c, SAMPLE_RATE)))
            .collect();
        let Some(output) = open_output(&device) else {
            state.store(DeviceState::Failed);
            return None;
        };
        state.store(DeviceState::Ready);
        // The first start of a stream takes a second or two (measured with PulseAudio), so it
        // is started now, during the lead-in, when the first cues are coming.
        let playing_until = output
            .stream
            .play()
            .is_ok()
            .then(|| Instant::now() + WARM_UP);
        Some(Worker {
            device,
            cues,
            output: Some(output),
            state,
            failures: 0,
            retry_at: None,
            playing_until,
            next_cue: None,
            speech: None,
            speaking_until: None,
        })
    }

    /// Takes each command to its method, with a step of the stream policy before every wait;
    /// returns when the player closes.
    fn run(&mut self, commands: &Receiver<Command>) -> Result<(), GaveUp> {
        loop {
            let now = Instant::now();
            let Next::Wait(wake) = self.follow_policy(now)? else {
                continue;
            };
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
                }) => self.play(cue, gain, asked, stale_after, probe)?,
                Ok(Command::Expect(at)) => self.expect(at),
                Ok(Command::Speak {
                    line,
                    gain,
                    asked,
                    stale_after,
                    done,
                    probe,
                }) => self.speak(&line, gain, asked, stale_after, done, probe)?,
                Ok(Command::Sequence { gap, gain, started }) => {
                    self.sequence(gap, gain, &started)?;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
    }

    /// Plays `cue`, opening the stream first if it is closed.
    fn play(
        &mut self,
        cue: Cue,
        gain: f32,
        asked: Instant,
        stale_after: Duration,
        probe: Option<Latencies>,
    ) -> Result<(), GaveUp> {
        // A cue that waited for the device to open is stale: a late beep misleads. A beep
        // while words are being said would drown them: the words matter more.
        if asked.elapsed() > stale_after || self.speaking_until.is_some_and(|u| u > Instant::now())
        {
            return Ok(());
        }
        // Not foreseen (a key, or the first cue): open now. A new stream may take a moment to
        // sound (see `stream::playing_until`).
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
        if self.playing_until.is_some() || out.stream.play().is_ok() {
            let until = stream::playing_until(
                Instant::now(),
                Duration::from_millis(u64::from(synth::duration_ms(cue))),
                TAIL,
                out.opened_at,
                self.device.policy.lead,
            );
            self.playing_until = Some(self.playing_until.map_or(until, |u| u.max(until)));
        }
        Ok(())
    }

    fn expect(&mut self, at: Option<Instant>) {
        self.next_cue = at;
    }

    /// Says `line`: its clips decoded (a few milliseconds) and queued one after the other, in
    /// place of any line still being said. A stale line is dropped, as a stale beep is.
    fn speak(
        &mut self,
        line: &voice::Line,
        gain: f32,
        asked: Instant,
        stale_after: Duration,
        done: Option<Sender<()>>,
        probe: Option<Latencies>,
    ) -> Result<(), GaveUp> {
        let finish = |done: Option<Sender<()>>| {
            if let Some(done) = done {
                let _ = done.send(());
            }
        };
        if asked.elapsed() > stale_after {
            finish(done);
            return Ok(());
        }
        self.open()?;
        let Some(out) = &self.output else {
            finish(done);
            return Ok(());
        };
        if let Some(old) = self.speech.take() {
            old.store(true, Ordering::Relaxed);
        }
        let Some(words) = decode_line(line) else {
            finish(done);
            return Ok(());
        };
        let length = words.total_duration().unwrap_or_default();
        // A new line cuts this one short: the flag is looked at every 5 ms as it plays.
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
        let now = Instant::now();
        self.speaking_until = Some(now + length);
        if self.playing_until.is_some() || out.stream.play().is_ok() {
            let until =
                stream::playing_until(now, length, TAIL, out.opened_at, self.device.policy.lead);
            self.playing_until = Some(self.playing_until.map_or(until, |u| u.max(until)));
        }
        self.speech = Some(cut);
        if done.is_some() {
            // Only `sound-test` waits: the line's length and the time the device takes to
            // play what it was handed.
            std::thread::sleep(length + Duration::from_millis(300));
            finish(done);
        }
        Ok(())
    }

    /// Plays every cue in turn with `gap` after each, paced by the device, telling `started`
    /// of each as it starts and `None` once all have played (or none could).
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
        let _ = started.send(None);
        opened
    }

    /// One step of the stream policy at `now`: a stream that reported an error is dropped and
    /// counted, then the stream is opened, paused or closed as `stream::decide` says.
    fn follow_policy(&mut self, now: Instant) -> Result<Next, GaveUp> {
        if self
            .output
            .as_ref()
            .is_some_and(|out| out.failed.load(Ordering::SeqCst))
        {
            // A new one opens before the next cue as usual.
            self.close();
            self.count_failure()?;
        }
        let (mut action, mut wake) =
            stream::decide(self.stream_state(), now, self.next_cue, self.device.policy);
        if action == stream::Action::Open
            && let Some(at) = self.retry_at.filter(|&at| at > now)
        {
            (action, wake) = (stream::Action::Nothing, Some(at));
        }
        match action {
            stream::Action::Nothing => return Ok(Next::Wait(wake)),
            stream::Action::Open => {
                self.open()?;
                if self.output.is_none() {
                    // The policy would ask again at once: a retry waits. (A cue asks once.)
                    self.retry_at = Some(now + RETRY);
                }
            }
            stream::Action::Pause => self.pause(),
            stream::Action::Close => {
                self.close();
                // A stream that served its cues and closed cleanly: earlier failures were
                // passing (ALSA's pulse plugin reports an I/O error now and then on some sinks).
                self.failures = 0;
            }
        }
        Ok(Next::Again)
    }

    fn stream_state(&self) -> stream::State {
        match (&self.output, self.playing_until) {
            (None, _) => stream::State::Closed,
            (Some(_), Some(until)) => stream::State::Playing { until },
            (Some(_), None) => stream::State::Idle,
        }
    }

    /// Opens a stream unless one is open. A failed open counts towards giving up; short of
    /// that, the stream stays closed and the caller goes on without it.
    fn open(&mut self) -> Result<(), GaveUp> {
        if self.output.is_none() {
            self.output = open_output(&self.device);
            if self.output.is_none() {
                return self.count_failure();
            }
        }
        Ok(())
    }

    fn pause(&mut self) {
        if self
            .output
            .as_ref()
            .is_some_and(|out| out.stream.pause().is_err())
        {
            // Cannot pause: close it instead; it opens again before the next cue.
            self.output = None;
        }
        self.playing_until = None;
    }

    /// Dropping the stream stops it and its threads (and any line being said).
    fn close(&mut self) {
        if let Some(cut) = self.speech.take() {
            cut.store(true, Ordering::Relaxed);
        }
        self.speaking_until = None;
        self.output = None;
        self.playing_until = None;
    }

    /// Counts a failed stream or open; at `MAX_FAILURES` marks sound failed (the bell may
    /// stand in) and gives up.
    fn count_failure(&mut self) -> Result<(), GaveUp> {
        self.failures += 1;
        if self.failures >= MAX_FAILURES {
            self.state.store(DeviceState::Failed);
            return Err(GaveUp);
        }
        Ok(())
    }
}

/// The audio host and why it was taken: `SUPPLE_AUDIO_HOST` (`alsa` or `pulseaudio`) when
/// set and available, else cpal's choice: PulseAudio's native protocol when a server answers
/// (it needs the server's cookie), else ALSA.
fn choose_host() -> (cpal::Host, String) {
    if let Some(wanted) = std::env::var_os("SUPPLE_AUDIO_HOST") {
        let wanted = wanted.to_string_lossy();
        let id = cpal::available_hosts()
            .into_iter()
            .find(|id| id.name().eq_ignore_ascii_case(wanted.trim()));
        match id.map(cpal::host_from_id) {
            Some(Ok(host)) => return (host, "SUPPLE_AUDIO_HOST asked for it".into()),
            Some(Err(e)) => eprintln!("supple: audio: SUPPLE_AUDIO_HOST: {e}"),
            None => eprintln!(
                "supple: audio: SUPPLE_AUDIO_HOST names no audio host here (alsa or pulseaudio)"
            ),
        }
    }
    let host = cpal::default_host();
    let why = if host.id() == cpal::HostId::Alsa {
        "no PulseAudio server answered the native protocol: no server, or no cookie in \
         ~/.config/pulse"
    } else {
        "the sound server's native protocol"
    };
    (host, why.into())
}

/// Finds the default output device (PulseAudio when a server runs, else ALSA) and its
/// configuration; `None`, with the reason in the log, when there is none.
fn find_device() -> Option<Device> {
    fn none(what: &str, e: &dyn std::fmt::Display) {
        // Goes to the log file: stderr is redirected away from the screen during a session.
        eprintln!("supple: no audio: {what}: {e}");
    }
    let (host, why) = choose_host();
    // Which path the sound takes, and why, for whoever reads the log.
    eprintln!("supple: audio: {} ({why})", host.id().name());
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
        // Both close the stream while no cue is near. A paused ALSA stream may not resume
        // (EBADFD from snd_pcm_writei on some devices), so on ALSA it keeps running between
        // close cues instead.
        policy: stream::Policy {
            pause: host.id() != cpal::HostId::Alsa,
            close_idle: true,
            lead: LEAD,
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

impl DevicePlayer {
    /// How long the next cue may wait for the device: long for the first, short after.
    fn patience(&mut self) -> Duration {
        if std::mem::replace(&mut self.sent, true) {
            STALE
        } else {
            FIRST_PATIENCE
        }
    }
}

impl Player for DevicePlayer {
    fn play(&mut self, cue: Cue) {
        match self.state.load() {
            DeviceState::Opening | DeviceState::Ready => {
                let stale_after = self.patience();
                if let Some(commands) = &self.commands {
                    let gain = f32::from(self.volume) / 100.0;
                    let _ = commands.send(Command::Play {
                        cue,
                        gain,
                        asked: Instant::now(),
                        stale_after,
                        probe: self.probe.clone(),
                    });
                }
            }
            _ if self.bell_fallback => Bell.play(cue),
            _ => {}
        }
    }

    fn speak(&mut self, line: voice::Line) {
        let stale_after = self.patience();
        if let (DeviceState::Opening | DeviceState::Ready, Some(commands)) =
            (self.state.load(), &self.commands)
        {
            let _ = commands.send(Command::Speak {
                line,
                gain: f32::from(self.volume) / 100.0,
                asked: Instant::now(),
                stale_after,
                done: None,
                probe: self.probe.clone(),
            });
        }
    }

    fn expect(&mut self, next_cue: Option<Duration>) {
        if let Some(commands) = &self.commands {
            let _ = commands.send(Command::Expect(next_cue.map(|d| Instant::now() + d)));
        }
    }

    fn status(&self) -> SoundStatus {
        match self.state.load() {
            DeviceState::Ready => SoundStatus::On {
                volume: self.volume,
            },
            DeviceState::Opening => SoundStatus::Starting,
            _ if self.bell_fallback => SoundStatus::Bell,
            DeviceState::NoDevice => SoundStatus::Off("no audio device"),
            DeviceState::Failed => SoundStatus::Off("audio device failed"),
        }
    }

    fn change_volume(&mut self, delta: i8) {
        self.volume = self.volume.saturating_add_signed(delta).min(100);
    }
}
