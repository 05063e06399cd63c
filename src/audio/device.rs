//! Cues through the machine's sound: the player the session talks to, and the audio thread
//! behind it, which finds the way to the sound and then works through the player's commands.
//!
//! The way is tried in this order, and `supple.log` says which was taken and why: a sound
//! server's native protocol (PulseAudio, or PipeWire's pulse server: one corked stream per
//! session, see `super::pulse`), else ALSA's default device (see `super::alsa`), else none,
//! where the session runs the same, silently or with the terminal bell.
//! `SUPPLE_AUDIO_HOST=alsa` or `pulseaudio` takes that way only. `play` sends the audio thread
//! the cue and returns at once; so does every other call but those `sound-test` waits on.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use super::alsa::Alsa;
use super::probe::{self, Latencies, Timed};
use super::pulse::{Pulse, Server};
use super::worker::{self, Command, DeviceState, NoPath, Path, SharedState};
use super::{Bell, Cue, Player, SoundStatus, voice};

/// A cue not started within this time of its moment is dropped.
const STALE: Duration = Duration::from_millis(500);

/// The session's first cue or line (its "get ready") waits this long for the way to the sound
/// to be found rather than being dropped: connecting to a sound server takes milliseconds,
/// opening an ALSA device through its pulse plugin 0.5 to 2 s. Heard late, never lost.
const FIRST_PATIENCE: Duration = Duration::from_secs(5);

/// Plays cues through the machine's sound.
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
    /// Starts the audio thread, which finds the way to the sound in the background.
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

    /// Finds the way to the sound and waits until it is known whether there is one.
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

/// The ways to the sound, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    /// A sound server's native protocol.
    Server,
    Alsa,
}

/// The ways to try, from `SUPPLE_AUDIO_HOST` (`var` reads a variable): both in order, or the
/// one it names; with a word for the log when it names neither.
fn ways(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> (Vec<Way>, Option<String>) {
    let both = vec![Way::Server, Way::Alsa];
    match var("SUPPLE_AUDIO_HOST") {
        None => (both, None),
        Some(wanted) => match wanted
            .to_string_lossy()
            .trim()
            .to_ascii_lowercase()
            .as_str()
        {
            "pulseaudio" | "pulse" | "pipewire" => (vec![Way::Server], None),
            "alsa" => (vec![Way::Alsa], None),
            "" => (both, None),
            other => (
                both,
                Some(format!(
                    "SUPPLE_AUDIO_HOST={other} names no way to the sound here (pulseaudio or alsa)"
                )),
            ),
        },
    }
}

/// The audio thread: takes the first way to the sound that works, says which and why in the
/// log, then works through the player's commands until the player closes. With no way, or
/// once sound has given up, it only takes them in.
fn audio_thread(commands: Receiver<Command>, state: SharedState) {
    let env = |name: &str| std::env::var_os(name);
    let (ways, note) = ways(env);
    if let Some(note) = note {
        eprintln!("supple: audio: {note}");
    }
    let forced = ways.len() == 1;
    // Why each way passed over was, for the log.
    let mut passed: Vec<String> = Vec::new();
    let mut last = DeviceState::NoDevice;
    let mut path: Option<Box<dyn Path>> = None;
    for way in ways {
        let tried = match way {
            Way::Server => Server::find(env)
                .map_err(|why| NoPath {
                    state: DeviceState::NoDevice,
                    why,
                })
                .and_then(|server| Pulse::start(server, state.clone()))
                .map(|(pulse, found)| (Box::new(pulse) as Box<dyn Path>, found)),
            Way::Alsa => Alsa::start(state.clone()).map(|alsa| {
                (
                    Box::new(alsa) as Box<dyn Path>,
                    "its default device".to_owned(),
                )
            }),
        };
        let name = match way {
            Way::Server => "the sound server's native protocol",
            Way::Alsa => "ALSA",
        };
        match tried {
            Ok((found, what)) => {
                let why = match (forced, passed.is_empty()) {
                    (true, _) => " (SUPPLE_AUDIO_HOST asked for it)".to_owned(),
                    (false, true) => String::new(),
                    (false, false) => format!(" ({})", passed.join("; ")),
                };
                eprintln!("supple: audio: {name}: {what}{why}");
                path = Some(found);
                break;
            }
            Err(NoPath { state: s, why }) => {
                passed.push(format!("{name}: {why}"));
                last = s;
            }
        }
    }
    let Some(mut path) = path else {
        eprintln!("supple: no audio: {}", passed.join("; "));
        state.store(last);
        return worker::give_up(&commands);
    };
    state.store(DeviceState::Ready);
    if worker::run(path.as_mut(), &commands).is_err() {
        worker::give_up(&commands);
    }
}

/// Closing the player closes the sound cleanly: the audio thread sees the channel close, lets
/// "Session complete." end if that was the last thing said (on a sound server, at most 3 s),
/// drops its stream and ends.
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
        match (self.state.load(), &self.commands) {
            (DeviceState::Opening | DeviceState::Ready, Some(commands)) => {
                let _ = commands.send(Command::Speak {
                    line,
                    gain: f32::from(self.volume) / 100.0,
                    asked: Instant::now(),
                    stale_after,
                    done: None,
                    probe: self.probe.clone(),
                });
            }
            // Where there is no sound the bell stands in for the words, as for a cue (not
            // for the count, which stands in for the ticks).
            _ if self.bell_fallback && !line.is_empty() && !voice::is_count(&line) => {
                Bell.play(Cue::HoldStart)
            }
            _ => {}
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

#[cfg(test)]
// A test whose setting-up fails should fail there, loudly.
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn ways_with(host: Option<&str>) -> (Vec<Way>, Option<String>) {
        ways(|name| match (name, host) {
            ("SUPPLE_AUDIO_HOST", Some(host)) => Some(host.into()),
            _ => None,
        })
    }

    #[test]
    fn the_sound_server_is_tried_before_alsa_unless_one_is_asked_for() {
        assert_eq!(ways_with(None), (vec![Way::Server, Way::Alsa], None));
        assert_eq!(ways_with(Some("alsa")), (vec![Way::Alsa], None));
        assert_eq!(ways_with(Some(" PulseAudio ")), (vec![Way::Server], None));
        assert_eq!(ways_with(Some("pipewire")), (vec![Way::Server], None));
        let (tried, note) = ways_with(Some("jack"));
        assert_eq!(tried, [Way::Server, Way::Alsa]);
        assert_eq!(
            note.as_deref(),
            Some("SUPPLE_AUDIO_HOST=jack names no way to the sound here (pulseaudio or alsa)")
        );
    }
}
