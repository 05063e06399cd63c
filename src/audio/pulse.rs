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

use std::ffi::OsString;
use std::future::Future;
use std::num::NonZero;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use pulseaudio::protocol::{self, ChannelMap, ChannelPosition, SampleFormat, SampleSpec};
use pulseaudio::{Client, ClientError, PlaybackSource, PlaybackStream};
use rodio::buffer::SamplesBuffer;
use rodio::source::UniformSourceIterator;

use super::Cue;
use super::probe::{Latencies, Timed};
use super::synth::{self, ALL};
use super::worker::{DeviceState, Failures, GaveUp, NoPath, Path, SharedState, Words};

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

/// How long connecting (handshake, the sink's format, the stream) may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// How long a command to the server (flush, uncork, cork) may take before the connection is
/// taken as broken.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(1);

/// Where a sound server listens, and the cookie that lets a client in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub socket: PathBuf,
    /// `None`: none was found (PipeWire asks for none; PulseAudio turns a client away).
    pub cookie: Option<PathBuf>,
}

impl Server {
    /// The server the environment points to, found as libpulse finds it: `PULSE_SERVER` (a
    /// local socket, `unix:PATH` or a path: this client speaks to no other), else
    /// `$PULSE_RUNTIME_PATH/native`, else `$XDG_RUNTIME_DIR/pulse/native`; with the cookie from
    /// `PULSE_COOKIE`, else the first of `$XDG_CONFIG_HOME/pulse/cookie`,
    /// `~/.config/pulse/cookie` and `~/.pulse-cookie` that exists. `var` reads a variable.
    /// Where there is none, why.
    pub fn find(var: impl Fn(&str) -> Option<OsString>) -> Result<Server, String> {
        let var = |name: &str| var(name).filter(|v| !v.is_empty());
        let socket = match var("PULSE_SERVER") {
            Some(servers) => {
                let servers = servers.to_string_lossy();
                local_socket(&servers).ok_or_else(|| {
                    format!("PULSE_SERVER={servers} names no local socket, the only kind supple speaks to")
                })?
            }
            None => var("PULSE_RUNTIME_PATH")
                .map(|dir| PathBuf::from(dir).join("native"))
                .or_else(|| {
                    var("XDG_RUNTIME_DIR").map(|dir| PathBuf::from(dir).join("pulse/native"))
                })
                .ok_or("no sound server: XDG_RUNTIME_DIR is not set")?,
        };
        if !socket.exists() {
            return Err(format!("no sound server at {}", socket.display()));
        }
        let home = var("HOME").map(PathBuf::from);
        let cookie = [
            var("PULSE_COOKIE").map(PathBuf::from),
            var("XDG_CONFIG_HOME").map(|dir| PathBuf::from(dir).join("pulse/cookie")),
            home.as_ref().map(|home| home.join(".config/pulse/cookie")),
            home.map(|home| home.join(".pulse-cookie")),
        ]
        .into_iter()
        .flatten()
        .find(|path| path.is_file());
        Ok(Server { socket, cookie })
    }
}

/// The first local socket in a `PULSE_SERVER` list (`unix:/run/user/1000/pulse/native` or a
/// path, each perhaps after a `{machine-id}`); `None` where it names only remote servers.
fn local_socket(servers: &str) -> Option<PathBuf> {
    servers.split_whitespace().find_map(|entry| {
        let entry = match entry.strip_prefix('{') {
            Some(rest) => rest.split_once('}')?.1,
            None => entry,
        };
        let path = entry.strip_prefix("unix:").unwrap_or(entry);
        path.starts_with('/').then(|| PathBuf::from(path))
    })
}

/// Runs `future` on this thread until it is done, or `None` once `deadline` has passed: a hung
/// server must not hang the session or its end. The crate's own thread wakes the future;
/// `futures::executor::block_on` and `pollster` have no deadline, hence these few lines.
pub fn finish<F: Future>(future: F, deadline: Instant) -> Option<F::Output> {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return Some(out);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return None;
        }
        std::thread::park_timeout(left);
    }
}

/// A command to the server, waited for until `deadline`; what went wrong, in words.
fn ask<T>(
    future: impl Future<Output = Result<T, ClientError>>,
    deadline: Instant,
) -> Result<T, String> {
    match finish(future, deadline) {
        Some(Ok(answer)) => Ok(answer),
        Some(Err(e)) => Err(said(&e)),
        None => Err("the server did not answer".into()),
    }
}

/// A client error in words, with what it wraps.
fn said(e: &ClientError) -> String {
    match e {
        ClientError::Io(e) => format!("I/O error: {e}"),
        ClientError::ServerError(e) => format!("the server said: {e}"),
        ClientError::Protocol(e) => format!("protocol error: {e}"),
        other => other.to_string(),
    }
}

/// A sample as the stream carries it (little-endian, as the server's own formats on the
/// machines supple runs on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    I16,
    I32,
    F32,
}

/// The stream's layout: the default sink's rate and channels, and its sample format where it
/// is one of `Sample` (else 16 bits, which the server converts at little cost).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    pub rate: u32,
    pub channels: u8,
    pub sample: Sample,
    /// Channels left silent, one bit each: the subwoofer.
    pub quiet: u32,
}

impl Format {
    /// The stream's format for a sink of `spec` with channels `map`; `None` for a sink with
    /// no rate or no channels.
    pub fn of(spec: SampleSpec, map: &ChannelMap) -> Option<Format> {
        if spec.sample_rate == 0 || spec.channels == 0 || map.num_channels() != spec.channels {
            return None;
        }
        let sample = match spec.format {
            SampleFormat::Float32Le => Sample::F32,
            SampleFormat::S32Le | SampleFormat::S24In32Le => Sample::I32,
            _ => Sample::I16,
        };
        let quiet = map
            .into_iter()
            .enumerate()
            .filter(|(i, p)| *i < 32 && *p == ChannelPosition::Lfe)
            .fold(0, |bits, (i, _)| bits | 1 << i);
        Some(Format {
            rate: spec.sample_rate,
            channels: spec.channels,
            sample,
            quiet,
        })
    }

    fn spec(&self) -> SampleSpec {
        SampleSpec {
            format: match self.sample {
                Sample::I16 => SampleFormat::S16Le,
                Sample::I32 => SampleFormat::S32Le,
                Sample::F32 => SampleFormat::Float32Le,
            },
            channels: self.channels,
            sample_rate: self.rate,
        }
    }

    fn sample_bytes(&self) -> usize {
        match self.sample {
            Sample::I16 => 2,
            Sample::I32 | Sample::F32 => 4,
        }
    }

    /// The bytes of one frame (a sample in every channel).
    pub fn frame_bytes(&self) -> usize {
        self.sample_bytes() * usize::from(self.channels)
    }

    /// How long `bytes` of this format play.
    pub fn duration(&self, bytes: usize) -> Duration {
        let frames = bytes / self.frame_bytes().max(1);
        Duration::from_secs_f64(frames as f64 / f64::from(self.rate))
    }

    /// `mono` (samples at this rate) times `gain` in every channel but the quiet ones, then
    /// `SILENCE`, as the stream's bytes, in place of what `bytes` held.
    pub fn render(&self, mono: &[f32], gain: f32, bytes: &mut Vec<u8>) {
        let silence = (u128::from(self.rate) * SILENCE.as_millis() / 1000) as usize;
        let frames = mono.len() + silence;
        bytes.clear();
        bytes.reserve(frames * self.frame_bytes());
        let mono = mono
            .iter()
            .map(|s| (s * gain).clamp(-1.0, 1.0))
            .chain(std::iter::repeat_n(0.0, silence));
        for s in mono {
            for channel in 0..self.channels {
                let s = if self.quiet & 1 << channel != 0 {
                    0.0
                } else {
                    s
                };
                match self.sample {
                    Sample::I16 => {
                        bytes.extend_from_slice(&((s * 32767.0).round() as i16).to_le_bytes())
                    }
                    Sample::I32 => bytes.extend_from_slice(
                        &((f64::from(s) * 2_147_483_647.0).round() as i32).to_le_bytes(),
                    ),
                    Sample::F32 => bytes.extend_from_slice(&s.to_le_bytes()),
                }
            }
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sample = match self.sample {
            Sample::I16 => "s16le",
            Sample::I32 => "s32le",
            Sample::F32 => "float32le",
        };
        write!(f, "{sample} {}ch {} Hz", self.channels, self.rate)
    }
}

/// The bytes still to be sent to the server, shared with the client's thread, which takes
/// them as the server asks for more.
#[derive(Default)]
struct Pending {
    bytes: Vec<u8>,
    sent: usize,
    /// Wakes the client's thread when there are bytes again.
    waker: Option<Waker>,
}

/// The stream's source: what is pending, or nothing yet (never the end).
struct Feed(Arc<Mutex<Pending>>);

impl PlaybackSource for Feed {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<usize> {
        let mut pending = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let Pending { bytes, sent, waker } = &mut *pending;
        let left = bytes.get(*sent..).unwrap_or_default();
        if left.is_empty() || buf.is_empty() {
            // Never `Ready(0)`: that would end the stream for good.
            *waker = Some(cx.waker().clone());
            return Poll::Pending;
        }
        let n = left.len().min(buf.len());
        buf[..n].copy_from_slice(&left[..n]);
        *sent += n;
        Poll::Ready(n)
    }
}

/// A connection to the server and the session's stream on it.
struct Stream {
    stream: PlaybackStream,
    pending: Arc<Mutex<Pending>>,
    /// Where the next sound is rendered.
    scratch: Vec<u8>,
    format: Format,
    corked: bool,
    /// Something was written since the last flush: it may not all have played.
    written: bool,
}

impl Stream {
    /// Connects to `server` and creates the stream, corked; with what was found, for the log.
    fn connect(server: &Server) -> Result<(Stream, String), String> {
        let deadline = Instant::now() + CONNECT_TIMEOUT;
        let socket = UnixStream::connect(&server.socket)
            .map_err(|e| format!("cannot connect to {}: {e}", server.socket.display()))?;
        // The handshake blocks on the socket: bounded too.
        socket
            .set_read_timeout(Some(CONNECT_TIMEOUT))
            .and_then(|()| socket.set_write_timeout(Some(CONNECT_TIMEOUT)))
            .map_err(|e| format!("socket: {e}"))?;
        let cookie = server
            .cookie
            .as_ref()
            .and_then(|path| std::fs::read(path).ok());
        let no_cookie = cookie.is_none();
        let client = Client::new_unix(c"supple", socket, cookie).map_err(|e| {
            let hint = if no_cookie {
                " (no cookie: ~/.config/pulse/cookie)"
            } else {
                ""
            };
            format!(
                "the server at {} refused: {}{hint}",
                server.socket.display(),
                said(&e)
            )
        })?;
        let info = ask(client.server_info(), deadline)?;
        // The default sink's own format; the server's default where pipewire-pulse names no
        // default sink.
        let (spec, map, whose) = match ask(
            client.sink_info_by_name(protocol::DEFAULT_SINK.to_owned()),
            deadline,
        ) {
            Ok(sink) => (sink.sample_spec, sink.channel_map, "the default sink's"),
            Err(_) => (info.sample_spec, info.channel_map, "the server's default"),
        };
        let format = Format::of(spec, &map)
            .ok_or_else(|| format!("the sink's format makes no sense: {spec:?}"))?;
        let mut props = protocol::Props::new();
        props.set(protocol::Prop::MediaName, c"cues");
        let params = protocol::PlaybackStreamParams {
            sample_spec: format.spec(),
            channel_map: map,
            buffer_attr: protocol::stream::BufferAttr {
                // The server's own defaults for all but this: it starts playing as soon as a
                // frame is there, where by default it waits for its 2 s buffer to fill. It then
                // stops at the end of each sound rather than running on into the next.
                pre_buffering: format.frame_bytes() as u32,
                ..Default::default()
            },
            flags: protocol::stream::StreamFlags {
                start_corked: true,
                ..Default::default()
            },
            props,
            ..Default::default()
        };
        let pending = Arc::new(Mutex::new(Pending::default()));
        let stream = ask(
            client.create_playback_stream(params, Feed(Arc::clone(&pending))),
            deadline,
        )?;
        let name = |s: &Option<std::ffi::CString>| {
            s.as_ref()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
        };
        let found = format!(
            "{} {} at {}; {format}, {whose}",
            name(&info.server_name),
            name(&info.server_version),
            server.socket.display(),
        );
        Ok((
            Stream {
                stream,
                pending,
                scratch: Vec::new(),
                format,
                corked: true,
                written: false,
            },
            found,
        ))
    }

    /// Plays `mono` (at the stream's rate) times `gain`, in place of whatever is still
    /// playing: how long it lasts, and with `probe` when the server took its first frame.
    fn play(
        &mut self,
        mono: &[f32],
        gain: f32,
        probe: bool,
    ) -> Result<(Duration, Option<Instant>), String> {
        let deadline = Instant::now() + COMMAND_TIMEOUT;
        if self.written {
            // What is left of the last sound: cut short if it is still playing, the rest of
            // its silence if not. Here, then in the server.
            self.scratch.clear();
            self.swap();
            ask(self.stream.flush(), deadline)?;
        }
        let start = match probe {
            true => Some(ask(self.stream.timing_info(), deadline)?.write_offset),
            false => None,
        };
        self.format.render(mono, gain, &mut self.scratch);
        let length = self.format.duration(mono.len() * self.format.frame_bytes());
        self.swap();
        self.written = true;
        if self.corked {
            ask(self.stream.uncork(), deadline)?;
            self.corked = false;
        }
        let Some(start) = start else {
            return Ok((length, None));
        };
        while Instant::now() < deadline {
            if ask(self.stream.timing_info(), deadline)?.read_offset > start {
                return Ok((length, Some(Instant::now())));
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok((length, None))
    }

    /// What is pending becomes what `scratch` holds (and `scratch` the old, to be written over
    /// next time: two buffers kept, none allocated per sound), and the client's thread is told.
    fn swap(&mut self) {
        let waker = {
            let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
            std::mem::swap(&mut pending.bytes, &mut self.scratch);
            pending.sent = 0;
            pending.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    fn cork(&mut self) -> Result<(), String> {
        ask(self.stream.cork(), Instant::now() + COMMAND_TIMEOUT)?;
        self.corked = true;
        Ok(())
    }
}

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

#[cfg(test)]
// A test whose setting-up fails should fail there, loudly.
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// What `Server::find` finds in the environment `vars` with the files `files`, in a
    /// temporary folder ($T in both), and that folder.
    fn find_in(
        vars: &[(&str, &str)],
        files: &[&str],
    ) -> (Result<Server, String>, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        let at = |s: &str| s.replace("$T", &root.to_string_lossy());
        for file in files {
            let path = PathBuf::from(at(file));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
            std::fs::write(&path, b"").expect("file");
        }
        let vars: HashMap<String, String> =
            vars.iter().map(|(k, v)| (k.to_string(), at(v))).collect();
        (Server::find(|name| vars.get(name).map(OsString::from)), dir)
    }

    #[test]
    fn the_server_is_found_where_libpulse_looks() {
        let (found, t) = find_in(
            &[("XDG_RUNTIME_DIR", "$T/run"), ("HOME", "$T/home")],
            &["$T/run/pulse/native", "$T/home/.config/pulse/cookie"],
        );
        assert_eq!(
            found,
            Ok(Server {
                socket: t.path().join("run/pulse/native"),
                cookie: Some(t.path().join("home/.config/pulse/cookie")),
            })
        );
        // PULSE_SERVER comes first, with or without `unix:`, after a machine id or a remote one.
        for server in [
            "unix:$T/a/native",
            "$T/a/native",
            "{0123abcd}unix:$T/a/native",
            "tcp:elsewhere:4713 unix:$T/a/native",
        ] {
            let (found, t) = find_in(
                &[("PULSE_SERVER", server), ("XDG_RUNTIME_DIR", "$T/run")],
                &["$T/a/native", "$T/run/pulse/native"],
            );
            assert_eq!(
                found.map(|s| s.socket),
                Ok(t.path().join("a/native")),
                "{server}"
            );
        }
        // PULSE_COOKIE, then XDG_CONFIG_HOME, then ~/.config, then ~/.pulse-cookie.
        let (found, t) = find_in(
            &[("PULSE_RUNTIME_PATH", "$T/p"), ("HOME", "$T/home")],
            &["$T/p/native", "$T/home/.pulse-cookie"],
        );
        assert_eq!(
            found.map(|s| (s.socket, s.cookie)),
            Ok((
                t.path().join("p/native"),
                Some(t.path().join("home/.pulse-cookie"))
            ))
        );
        let (found, t) = find_in(
            &[
                ("XDG_RUNTIME_DIR", "$T/run"),
                ("HOME", "$T/home"),
                ("XDG_CONFIG_HOME", "$T/config"),
                ("PULSE_COOKIE", "$T/mine"),
            ],
            &["$T/run/pulse/native", "$T/config/pulse/cookie", "$T/mine"],
        );
        assert_eq!(found.map(|s| s.cookie), Ok(Some(t.path().join("mine"))));
    }

    #[test]
    fn no_server_says_why() {
        let (found, _) = find_in(&[("XDG_RUNTIME_DIR", "$T/run")], &[]);
        let why = found.expect_err("no socket");
        assert!(
            why.starts_with("no sound server at ") && why.ends_with("run/pulse/native"),
            "{why}"
        );
        let (found, _) = find_in(&[], &[]);
        assert_eq!(
            found,
            Err("no sound server: XDG_RUNTIME_DIR is not set".into())
        );
        let (found, _) = find_in(
            &[
                ("PULSE_SERVER", "tcp:elsewhere:4713"),
                ("XDG_RUNTIME_DIR", "$T/run"),
            ],
            &["$T/run/pulse/native"],
        );
        assert_eq!(
            found,
            Err("PULSE_SERVER=tcp:elsewhere:4713 names no local socket, the only kind supple speaks to".into())
        );
        // No cookie is no reason not to try (PipeWire asks for none).
        let (found, _) = find_in(&[("XDG_RUNTIME_DIR", "$T/run")], &["$T/run/pulse/native"]);
        assert_eq!(found.map(|s| s.cookie), Ok(None));
    }

    fn format(sample: Sample, channels: &[ChannelPosition]) -> Format {
        let map = ChannelMap::new(channels.iter().copied());
        let spec = SampleSpec {
            format: match sample {
                Sample::I16 => SampleFormat::S16Le,
                Sample::I32 => SampleFormat::S32Le,
                Sample::F32 => SampleFormat::Float32Le,
            },
            channels: channels.len() as u8,
            sample_rate: 48_000,
        };
        Format::of(spec, &map).expect("a format")
    }

    #[test]
    fn a_sound_is_rendered_in_every_channel_but_the_subwoofer_then_silence() {
        use ChannelPosition::{FrontLeft, FrontRight, Lfe};
        let stereo = format(Sample::I16, &[FrontLeft, FrontRight]);
        let mut bytes = Vec::new();
        stereo.render(&[0.5, -1.0, 2.0], 0.5, &mut bytes);
        let samples: Vec<i16> = bytes
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        // 3 frames of sound (clamped to full scale), then 200 ms of silence, in both channels.
        assert_eq!(samples.len(), (3 + 9_600) * 2);
        assert_eq!(&samples[..6], &[8192, 8192, -16384, -16384, 32767, 32767]);
        assert!(samples[6..].iter().all(|&s| s == 0));
        assert_eq!(
            stereo.duration(bytes.len()),
            Duration::from_nanos(200_062_500)
        );

        let surround = format(Sample::F32, &[FrontLeft, FrontRight, Lfe]);
        surround.render(&[0.25], 1.0, &mut bytes);
        let first: Vec<f32> = bytes[..12]
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        assert_eq!(first, [0.25, 0.25, 0.0]);

        let wide = format(Sample::I32, &[FrontLeft]);
        wide.render(&[-0.5], 1.0, &mut bytes);
        assert_eq!(
            i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
            -1_073_741_824
        );
    }

    #[test]
    fn a_sink_in_another_format_gets_sixteen_bits_and_a_broken_one_none() {
        use ChannelPosition::{FrontLeft, FrontRight};
        let map = ChannelMap::new([FrontLeft, FrontRight]);
        let spec = |format, channels, sample_rate| SampleSpec {
            format,
            channels,
            sample_rate,
        };
        let packed = Format::of(spec(SampleFormat::S24Le, 2, 44_100), &map);
        assert_eq!(
            packed.map(|f| (f.sample, f.rate)),
            Some((Sample::I16, 44_100))
        );
        assert_eq!(Format::of(spec(SampleFormat::S16Le, 2, 0), &map), None);
        assert_eq!(Format::of(spec(SampleFormat::S16Le, 3, 48_000), &map), None);
        assert_eq!(
            Format::of(spec(SampleFormat::Float32Le, 2, 48_000), &map).map(|f| f.to_string()),
            Some("float32le 2ch 48000 Hz".into())
        );
    }

    #[test]
    fn a_future_that_never_ends_is_given_up_at_its_deadline() {
        let start = Instant::now();
        let never = std::future::pending::<()>();
        assert_eq!(finish(never, start + Duration::from_millis(50)), None);
        assert!(start.elapsed() >= Duration::from_millis(50));
        assert_eq!(
            finish(async { 7 }, start),
            Some(7),
            "a ready one is done at once"
        );
    }
}
