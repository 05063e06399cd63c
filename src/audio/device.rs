//! Cues through the system's audio device with rodio.
//!
//! The device is opened on a thread of its own so the first frame never waits for it; until
//! it is ready the first cue waits (briefly) in `pending`. `play` only hands a buffer to the
//! mixer and returns. With no device the session runs the same, silently or with the bell.

use std::num::NonZero;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use rodio::buffer::SamplesBuffer;
use rodio::cpal::BufferSize;
use rodio::{DeviceSinkBuilder, DeviceSinkError, MixerDeviceSink, Player as Queue, Source};

use super::synth::{self, ALL, SAMPLE_RATE};
use super::{Bell, Cue, Player, SoundStatus};

/// Frames in the device buffer: 1024 at 48 kHz is 21 ms, so a cue starts within about that
/// much of the screen change (rodio's default aims at 50 ms).
pub const BUFFER_FRAMES: u32 = 1024;

/// A cue asked for while the device was still opening is played if it opens this soon after.
const PENDING_FOR: Duration = Duration::from_millis(500);

/// The device and every cue, synthesized once.
struct Ready {
    sink: MixerDeviceSink,
    cues: Vec<(Cue, Vec<f32>)>,
}

enum State {
    Opening(Receiver<Result<Ready, String>>),
    Ready(Ready),
    Failed(String),
}

/// Plays cues through the default audio device.
pub struct DevicePlayer {
    state: State,
    /// Percent, 0 to 100.
    volume: u8,
    /// Ring the terminal bell when there is no device.
    bell_fallback: bool,
    pending: Option<(Cue, Instant)>,
    /// Set by the stream's error callback (the device went away).
    stream_failed: Arc<AtomicBool>,
}

impl DevicePlayer {
    /// Starts opening the default device in the background.
    pub fn open_in_background(volume: u8, bell_fallback: bool) -> Self {
        let (tx, rx) = mpsc::channel();
        let stream_failed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stream_failed);
        let spawned = std::thread::Builder::new()
            .name("supple-audio-open".into())
            .spawn(move || {
                let _ = tx.send(open(flag));
            });
        let state = match spawned {
            Ok(_) => State::Opening(rx),
            Err(e) => State::Failed(format!("cannot start the audio thread: {e}")),
        };
        DevicePlayer {
            state,
            volume: volume.min(100),
            bell_fallback,
            pending: None,
            stream_failed,
        }
    }

    /// Opens the default device now, waiting for it (for `supple sound-test`).
    pub fn open_now(volume: u8) -> Result<Self, String> {
        let stream_failed = Arc::new(AtomicBool::new(false));
        let ready = open(Arc::clone(&stream_failed))?;
        Ok(DevicePlayer {
            state: State::Ready(ready),
            volume: volume.min(100),
            bell_fallback: false,
            pending: None,
            stream_failed,
        })
    }

    fn samples(ready: &Ready, cue: Cue) -> Option<&Vec<f32>> {
        ready.cues.iter().find(|(c, _)| *c == cue).map(|(_, s)| s)
    }

    fn gain(&self) -> f32 {
        f32::from(self.volume) / 100.0
    }

    fn source(&self, samples: &[f32]) -> impl Source + Send + 'static {
        SamplesBuffer::new(ONE_CHANNEL, CUE_RATE, samples.to_vec()).amplify(self.gain())
    }

    /// Plays every cue in order, calling `each` as it starts, with a pause after each one;
    /// returns when all have played.
    pub fn play_all_and_wait(&self, between: Duration, mut each: impl FnMut(Cue)) {
        let State::Ready(ready) = &self.state else {
            return;
        };
        let queue = Queue::connect_new(ready.sink.mixer());
        let silence_len = (u128::from(SAMPLE_RATE) * between.as_millis() / 1000) as usize;
        for cue in ALL {
            if let Some(samples) = Self::samples(ready, cue) {
                each(cue);
                queue.append(self.source(samples));
                queue.append(SamplesBuffer::new(
                    ONE_CHANNEL,
                    CUE_RATE,
                    vec![0.0; silence_len],
                ));
                queue.sleep_until_end();
            }
        }
    }

    /// Why there is no sound, if there is none.
    pub fn failure(&self) -> Option<&str> {
        match &self.state {
            State::Failed(reason) => Some(reason),
            _ => None,
        }
    }
}

const ONE_CHANNEL: NonZero<u16> = NonZero::<u16>::MIN;
const CUE_RATE: NonZero<u32> = match NonZero::new(SAMPLE_RATE) {
    Some(rate) => rate,
    None => NonZero::<u32>::MIN,
};

/// Opens the default output device with a small buffer, falling back to rodio's own search.
fn open(stream_failed: Arc<AtomicBool>) -> Result<Ready, String> {
    let on_error = move |e: rodio::cpal::Error| {
        // Only the first error is logged (stderr goes to the log file during a session): a
        // failing stream reports again on every period. The player closes the stream when it
        // sees the flag, so its thread stops.
        if !stream_failed.swap(true, Ordering::Relaxed) {
            eprintln!("supple: audio stream error, closing the stream: {e}");
        }
    };
    let opened = DeviceSinkBuilder::from_default_device()
        .map(|b| {
            b.with_buffer_size(BufferSize::Fixed(BUFFER_FRAMES))
                .with_error_callback(on_error.clone())
        })
        .and_then(|b| b.open_sink_or_fallback())
        .or_else(|_| DeviceSinkBuilder::open_default_sink());
    let mut sink = opened.map_err(|e| {
        eprintln!("supple: no audio: {e}");
        describe(&e)
    })?;
    sink.log_on_drop(false);
    let cues = ALL
        .iter()
        .map(|&cue| (cue, synth::synthesize(cue, SAMPLE_RATE)))
        .collect();
    Ok(Ready { sink, cues })
}

/// A calm, short reason for the footer; the details go to the log.
fn describe(e: &DeviceSinkError) -> String {
    match e {
        DeviceSinkError::NoDevice => "no audio device".into(),
        _ => {
            let text = e.to_string();
            if text.contains("config") || text.contains("not available") {
                "no audio device".into()
            } else {
                "audio device failed".into()
            }
        }
    }
}

impl Player for DevicePlayer {
    fn update(&mut self) {
        if matches!(self.state, State::Ready(_)) && self.stream_failed.load(Ordering::Relaxed) {
            // Dropping the sink stops the failing stream and its thread.
            self.state = State::Failed("audio device failed".into());
        }
        if let State::Opening(rx) = &self.state {
            self.state = match rx.try_recv() {
                Ok(Ok(ready)) => State::Ready(ready),
                Ok(Err(reason)) => State::Failed(reason),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => State::Failed("audio thread ended".into()),
            };
            if let Some((cue, at)) = self.pending.take()
                && at.elapsed() < PENDING_FOR
            {
                self.play(cue);
            }
        }
    }

    fn play(&mut self, cue: Cue) {
        match &self.state {
            State::Ready(ready) => {
                if let Some(samples) = Self::samples(ready, cue) {
                    ready.sink.mixer().add(self.source(samples));
                }
            }
            State::Opening(_) => self.pending = Some((cue, Instant::now())),
            State::Failed(_) if self.bell_fallback => Bell.play(cue),
            State::Failed(_) => {}
        }
    }

    fn status(&self) -> SoundStatus {
        match &self.state {
            State::Ready(_) => SoundStatus::On {
                volume: self.volume,
            },
            State::Opening(_) => SoundStatus::Starting,
            State::Failed(_) if self.bell_fallback => SoundStatus::Bell,
            State::Failed(reason) => SoundStatus::Off(reason.clone()),
        }
    }

    fn change_volume(&mut self, delta: i8) {
        self.volume = self.volume.saturating_add_signed(delta).min(100);
    }
}
