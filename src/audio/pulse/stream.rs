//! The connection to the server and the session's stream on it: connecting, playing a sound
//! in place of the last, corking; and every command to the server waited for until a
//! deadline.

use std::future::Future;
use std::os::unix::net::UnixStream;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use pulseaudio::protocol;
use pulseaudio::{Client, ClientError, PlaybackSource, PlaybackStream};

use super::{Format, Server};

/// How long connecting (handshake, the sink's format, the stream) may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// How long a command to the server (flush, uncork, cork) may take before the connection is
/// taken as broken.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(1);

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
pub(super) struct Stream {
    stream: PlaybackStream,
    pending: Arc<Mutex<Pending>>,
    /// Where the next sound is rendered.
    scratch: Vec<u8>,
    pub(super) format: Format,
    corked: bool,
    /// Something was written since the last flush: it may not all have played.
    written: bool,
}

impl Stream {
    /// Connects to `server` and creates the stream, corked; with what was found, for the log.
    pub(super) fn connect(server: &Server) -> Result<(Stream, String), String> {
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
    pub(super) fn play(
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

    pub(super) fn cork(&mut self) -> Result<(), String> {
        ask(self.stream.cork(), Instant::now() + COMMAND_TIMEOUT)?;
        self.corked = true;
        Ok(())
    }
}
