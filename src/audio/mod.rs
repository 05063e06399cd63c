//! Sound cues: which cue marks which moment, and the players that make them heard.
//!
//! The engine's events decide when; [`cues_for`] picks one cue per moment; a [`Player`] plays
//! it (a real device, the terminal bell, nothing, or a recorder in tests).

pub mod stream;
pub mod synth;
pub mod voice;

#[cfg(feature = "sound")]
mod alsa;
#[cfg(feature = "sound")]
pub mod device;
#[cfg(feature = "sound")]
pub mod probe;
#[cfg(feature = "sound")]
pub mod pulse;
#[cfg(feature = "sound")]
mod worker;

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::session::{Event, Phase};

/// A sound the person learns to recognise without looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    GetReady,
    /// Cardio or dynamic work begins.
    PhaseStart,
    HoldStart,
    /// One of the 3-2-1 ticks before a hold, rest or switch ends.
    Tick,
    HoldEnd,
    SwitchLeg,
    Rest,
    Complete,
}

impl Cue {
    /// When several things happen at one instant, the most important cue is the one played.
    fn priority(self) -> u8 {
        match self {
            Cue::Complete => 7,
            Cue::SwitchLeg => 6,
            Cue::HoldStart => 5,
            Cue::HoldEnd => 4,
            Cue::PhaseStart => 3,
            Cue::Rest => 2,
            Cue::GetReady => 1,
            Cue::Tick => 0,
        }
    }
}

/// The cue an event calls for, if any.
fn cue_of(event: &Event) -> Option<(Instant, Cue)> {
    match *event {
        Event::StepStarted { phase, at, .. } => Some((
            at,
            match phase {
                Phase::GetReady => Cue::GetReady,
                Phase::Cardio | Phase::Dynamic => Cue::PhaseStart,
                Phase::Hold => Cue::HoldStart,
                Phase::Rest => Cue::Rest,
                Phase::SwitchLeg => Cue::SwitchLeg,
            },
        )),
        Event::StepCompleted {
            phase: Phase::Hold,
            at,
            ..
        } => Some((at, Cue::HoldEnd)),
        Event::Countdown { at, .. } => Some((at, Cue::Tick)),
        Event::SessionComplete { at, early: false } => Some((at, Cue::Complete)),
        _ => None,
    }
}

/// The one cue a batch of events calls for: the most important cue of the latest instant.
/// Normally a batch holds one instant; when it spans several (the machine slept), earlier
/// beeps would be stale and misleading, so they are dropped.
pub fn cue_for(events: &[Event]) -> Option<(Instant, Cue)> {
    let cues: Vec<(Instant, Cue)> = events.iter().filter_map(cue_of).collect();
    let latest = cues.iter().map(|(at, _)| *at).max()?;
    cues.into_iter()
        .filter(|(at, _)| *at == latest)
        .max_by_key(|(_, cue)| cue.priority())
}

/// The line a batch of events calls for, where the voice speaks: of the latest instant, the
/// session's end, else a step's start, else a hold's middle, else (with `count_aloud`) the
/// count. `None` where there is nothing to say (the ticks keep their beeps).
pub fn speech_for(
    events: &[Event],
    plan: &crate::session::Plan,
    count_aloud: bool,
) -> Option<voice::Line> {
    let at = |e: &Event| match *e {
        Event::StepStarted { at, .. }
        | Event::Halfway { at, .. }
        | Event::Countdown { at, .. }
        | Event::SessionComplete { at, .. } => Some(at),
        _ => None,
    };
    let latest = events.iter().filter_map(at).max()?;
    let now: Vec<&Event> = events.iter().filter(|e| at(e) == Some(latest)).collect();
    let line = if now
        .iter()
        .any(|e| matches!(e, Event::SessionComplete { early: false, .. }))
    {
        voice::complete()
    } else if let Some(index) = now.iter().find_map(|e| match e {
        Event::StepStarted { index, .. } => Some(*index),
        _ => None,
    }) {
        voice::step_line(plan, index)
    } else if now.iter().any(|e| matches!(e, Event::Halfway { .. })) {
        voice::halfway()
    } else {
        let n = now.iter().find_map(|e| match e {
            Event::Countdown { seconds_left, .. } => Some(*seconds_left),
            _ => None,
        })?;
        if count_aloud {
            voice::count(n)
        } else {
            Vec::new()
        }
    };
    (!line.is_empty()).then_some(line)
}

/// The player for a session: the audio device (opened in the background), falling back to
/// the terminal bell with `bell`; nothing when `off` gives a reason for no sound.
pub fn session_player(off: Option<&'static str>, bell: bool, volume: u8) -> Box<dyn Player> {
    if let Some(reason) = off {
        return Box::new(Silent { reason });
    }
    #[cfg(feature = "sound")]
    {
        Box::new(device::DevicePlayer::open_in_background(volume, bell))
    }
    #[cfg(not(feature = "sound"))]
    {
        let _ = volume;
        if bell {
            Box::new(Bell)
        } else {
            Box::new(Silent {
                reason: "built without sound",
            })
        }
    }
}

/// What a cue means, in words (for `supple sound-test` and the README).
pub fn describe(cue: Cue) -> &'static str {
    match cue {
        Cue::GetReady => "get ready: one mid tone",
        Cue::PhaseStart => "cardio or dynamic work starts: a low rising pair",
        Cue::HoldStart => "hold starts: a high rising pair",
        Cue::Tick => "3, 2, 1 before a hold, rest or switch ends: a short high tick",
        Cue::HoldEnd => "hold ends, release: a falling pair",
        Cue::SwitchLeg => "switch legs: a double beep",
        Cue::Rest => "rest: one long low tone",
        Cue::Complete => "session complete: a rising run of four",
    }
}

/// What the footer says about sound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SoundStatus {
    /// Sound plays through a device, at this volume (percent).
    On { volume: u8 },
    /// The device is still being opened.
    Starting,
    /// The terminal bell stands in for sound.
    Bell,
    /// No sound, with the reason shown to the person.
    Off(&'static str),
}

/// Why there is no sound when the person turned it off: with `--no-sound`, or in the config.
pub const OFF_BY_FLAG: &str = "--no-sound";
pub const OFF_IN_CONFIG: &str = "off in config";

impl SoundStatus {
    /// Why no sound plays where the person did not turn it off (no device, one that failed, a
    /// build without sound): what is worth telling them.
    pub fn unchosen_silence(&self) -> Option<&'static str> {
        match self {
            SoundStatus::Off(reason) if ![OFF_BY_FLAG, OFF_IN_CONFIG].contains(reason) => {
                Some(reason)
            }
            _ => None,
        }
    }
}

/// Something that makes cues heard. `play` must return at once.
pub trait Player {
    fn play(&mut self, cue: Cue);
    /// Says a line, cutting short any line still being said (a stale one is worse than none);
    /// an empty line cuts it short and says nothing. Players without a voice say nothing.
    fn speak(&mut self, _line: voice::Line) {}
    /// The next scheduled cue is due in this long (`None`: none is, the session is paused or
    /// over), so a device can be ready for it without staying open all the time.
    fn expect(&mut self, _next_cue: Option<Duration>) {}
    fn status(&self) -> SoundStatus;
    /// Changes the volume by `delta` percent, where the player has one.
    fn change_volume(&mut self, _delta: i8) {}
}

/// Plays nothing.
#[derive(Debug, Clone)]
pub struct Silent {
    pub reason: &'static str,
}

impl Player for Silent {
    fn play(&mut self, _cue: Cue) {}
    fn status(&self) -> SoundStatus {
        SoundStatus::Off(self.reason)
    }
}

/// Rings the terminal bell for the cues that mark a change (not for the countdown ticks).
#[derive(Debug, Default)]
pub struct Bell;

impl Player for Bell {
    fn play(&mut self, cue: Cue) {
        if cue != Cue::Tick {
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07");
            let _ = out.flush();
        }
    }
    fn status(&self) -> SoundStatus {
        SoundStatus::Bell
    }
}

/// Keeps every cue it is asked to play, for tests, and the volume it is set to (100 % at
/// first). Clones share the same record.
#[derive(Debug, Clone)]
pub struct Recording {
    played: Rc<RefCell<Vec<Cue>>>,
    spoken: Rc<RefCell<Vec<voice::Line>>>,
    expected: Rc<RefCell<Vec<Option<Duration>>>>,
    volume: Rc<Cell<u8>>,
}

impl Default for Recording {
    fn default() -> Self {
        Recording {
            played: Rc::default(),
            spoken: Rc::default(),
            expected: Rc::default(),
            volume: Rc::new(Cell::new(100)),
        }
    }
}

impl Recording {
    pub fn played(&self) -> Vec<Cue> {
        self.played.borrow().clone()
    }

    /// Every line said, in order.
    pub fn spoken(&self) -> Vec<voice::Line> {
        self.spoken.borrow().clone()
    }

    /// Every `expect` call, in order.
    pub fn expected(&self) -> Vec<Option<Duration>> {
        self.expected.borrow().clone()
    }
}

impl Player for Recording {
    fn play(&mut self, cue: Cue) {
        self.played.borrow_mut().push(cue);
    }
    fn speak(&mut self, line: voice::Line) {
        self.spoken.borrow_mut().push(line);
    }
    fn expect(&mut self, next_cue: Option<Duration>) {
        self.expected.borrow_mut().push(next_cue);
    }
    fn status(&self) -> SoundStatus {
        SoundStatus::On {
            volume: self.volume.get(),
        }
    }
    fn change_volume(&mut self, delta: i8) {
        self.volume
            .set(self.volume.get().saturating_add_signed(delta).min(100));
    }
}
