//! The model and its update: the engine plus what surrounds it on screen. Keys become commands,
//! engine events become [`Effect`]s (a cue to play, when the next is due) that the loop hands
//! to the player, and [`App::view`] gives the screen an immutable snapshot.
//!
//! The countdown as the screen shows it, in whole seconds, is in `countdown`.

mod countdown;

use std::time::{Duration, Instant};

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyEventKind};

use crate::audio::voice;
use crate::audio::{self, Cue, SoundStatus};
use crate::content::Exercise;
use crate::history::dose::WeekSoFar;
use crate::history::{LastTime, Streaks};
use crate::keys::{Command, Mode};
use crate::session::{Engine, Event, Phase, Plan, PlanStep, Status, Tally};
use countdown::next_whole_second_down;
pub use countdown::{ratio, shown_seconds};

/// What the model asks of the world outside it; the loop hands each to the player, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Play this cue now.
    Play(Cue),
    /// Say this line now (in place of the beep of the same moment). An empty line says
    /// nothing and cuts short whatever is sounding (`m`).
    Speak(voice::Line),
    /// The next cue is due in this long (`None`: none is, the session is paused, muted or
    /// over), so a device can be ready for it without staying open all the time.
    Expect(Option<Duration>),
    /// Change the volume by this many percent.
    ChangeVolume(i8),
    /// Show this as a notification through the terminal (only while it is not focused).
    Notify(String),
}

/// What covers the session screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    ConfirmQuit,
}

/// Within this many seconds of its end a step looks and sounds different.
pub const FINAL_SECONDS: Duration = Duration::from_secs(3);

/// The volume step of `+` and `-`, in percent.
const VOLUME_STEP: i8 = 10;

pub struct App {
    engine: Engine,
    overlay: Overlay,
    /// Whether the session was running when the help or the quit question paused it.
    resume_after_question: bool,
    muted: bool,
    /// The volume in percent, as the person set it: the player's when it has a device, and
    /// kept here too, so `+` and `-` show whatever the device.
    volume: u8,
    quit: bool,
    color: bool,
    ascii: bool,
    /// Counts changes other than the passing of time (keys, step changes, countdown marks).
    revision: u64,
    /// The sound state as the player last reported it, for the footer.
    sound: SoundStatus,
    last_time: Option<LastTime>,
    streaks: Option<Streaks>,
    week_before: Option<WeekSoFar>,
    /// The next cue's moment, as last foretold.
    next_cue: Option<Instant>,
    /// Say each step's line (instead of its beep), where there is a voice to say it.
    voice: bool,
    /// Say "three, two, one" instead of ticking.
    count_aloud: bool,
    /// Show the summary at the end until a key; without it (the plain mode) the app quits
    /// as the session ends.
    summary: bool,
    /// Notify through the terminal as steps start, while it is not focused.
    notify: bool,
    /// As the terminal last reported (focus reporting); focused until it says otherwise.
    focused: bool,
}

/// Everything the screen shows, computed once per frame.
#[derive(Debug)]
pub struct ViewModel<'a> {
    pub plan: &'a Plan,
    pub index: usize,
    pub step: &'a PlanStep,
    pub exercise: &'a Exercise,
    pub remaining: Duration,
    /// Share of the step still to go, 1.0 at its start, clamped to 0..=1.
    pub ratio: f64,
    pub final_seconds: bool,
    pub paused: bool,
    /// `Some(early)` once the session has ended (the summary is shown).
    pub finished: Option<bool>,
    pub session_elapsed: Duration,
    pub session_remaining: Duration,
    pub paused_total: Duration,
    pub tally: Tally,
    pub overlay: Overlay,
    pub sound: SoundStatus,
    pub muted: bool,
    /// The volume in percent as the person set it, whatever the device.
    pub volume: u8,
    /// Whether steps are spoken.
    pub voice: bool,
    pub color: bool,
    /// Plain ASCII glyphs, for a terminal whose locale is not UTF-8.
    pub ascii: bool,
    /// The last session of the same routine, for the summary to compare with.
    pub last_time: Option<LastTime>,
    /// The streak, with and without this session, for the summary.
    pub streaks: Option<Streaks>,
    /// This week before this session (what counted on the days before today, and what was
    /// held), for the summary's "this week".
    pub week_before: Option<WeekSoFar>,
    /// Changes whenever anything but the clock changed: panels that do not move with time
    /// can be kept from one frame to the next while it stays the same.
    pub revision: u64,
    /// The exercise's pose, where it has one.
    pub pose: Option<&'static crate::content::pose::Pose>,
    /// The key frame of the pose to show now (a move goes through its frames while it runs).
    pub pose_frame: usize,
}

impl App {
    /// The sound shows as starting until [`App::set_sound`] says otherwise.
    pub fn new(plan: Plan, color: bool) -> Self {
        App {
            engine: Engine::new(plan),
            overlay: Overlay::None,
            resume_after_question: false,
            muted: false,
            volume: crate::settings::DEFAULT_VOLUME,
            quit: false,
            color,
            ascii: false,
            revision: 0,
            sound: SoundStatus::Starting,
            last_time: None,
            streaks: None,
            week_before: None,
            next_cue: None,
            voice: false,
            count_aloud: false,
            summary: true,
            notify: false,
            focused: true,
        }
    }

    /// Asks for a notification as each step starts and as the session ends, while the
    /// terminal says it is not focused.
    pub fn with_notify(mut self, notify: bool) -> Self {
        self.notify = notify;
        self
    }

    /// Speaks each step's line instead of its beep; with `count_aloud`, the 3-2-1 too.
    /// The volume the session starts at, in percent.
    pub fn with_volume(mut self, volume: u8) -> Self {
        self.volume = volume.min(100);
        self
    }

    pub fn with_voice(mut self, voice: bool, count_aloud: bool) -> Self {
        self.voice = voice;
        self.count_aloud = count_aloud;
        self
    }

    /// Draws with plain ASCII instead of block and arrow characters (a terminal whose locale
    /// is not UTF-8 would show them as garbage).
    pub fn with_ascii(mut self, ascii: bool) -> Self {
        self.ascii = ascii;
        self
    }

    /// Gives the summary the streak to show, with and without this session.
    pub fn with_streaks(mut self, streaks: Option<Streaks>) -> Self {
        self.streaks = streaks;
        self
    }

    /// Gives the summary this week before this session, to add it to.
    pub fn with_week(mut self, week_before: Option<WeekSoFar>) -> Self {
        self.week_before = week_before;
        self
    }

    /// Gives the summary the last session of the same routine to compare with.
    pub fn with_last_time(mut self, last_time: Option<LastTime>) -> Self {
        self.last_time = last_time;
        self
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    pub fn overlay(&self) -> Overlay {
        self.overlay
    }

    pub fn showing_summary(&self) -> bool {
        matches!(self.engine.status(), Status::Finished { .. })
    }

    pub fn should_quit(&self) -> bool {
        self.quit || (!self.summary && self.showing_summary())
    }

    /// Quit as the session ends instead of showing the summary until a key (the plain mode,
    /// which prints the record instead).
    pub fn without_summary(mut self) -> Self {
        self.summary = false;
        self
    }

    /// Whether the screen uses colour (not under NO_COLOR).
    pub fn color(&self) -> bool {
        self.color
    }

    /// Whether the screen is drawn in plain ASCII.
    pub fn ascii(&self) -> bool {
        self.ascii
    }

    pub fn muted(&self) -> bool {
        self.muted
    }

    pub fn start(&mut self, now: Instant) -> Vec<Effect> {
        let events = self.engine.start(now);
        self.absorb(&events, now)
    }

    /// Moves the session on to `now`.
    pub fn tick(&mut self, now: Instant) -> Vec<Effect> {
        let events = self.engine.update(now);
        self.absorb(&events, now)
    }

    /// The sound state for the footer, as the player reports it (a device that finished
    /// opening, a new volume).
    pub fn set_sound(&mut self, sound: SoundStatus) {
        if let SoundStatus::On { volume } = sound {
            self.volume = volume;
        }
        if sound != self.sound {
            self.sound = sound;
            self.revision += 1;
        }
    }

    /// Changes whenever the screen must change for a reason other than the clock.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Ends the session now (a signal, or the terminal went away): keeps what was done.
    pub fn interrupt(&mut self, now: Instant) -> Vec<Effect> {
        let events = self.engine.finish(now);
        let effects = self.absorb(&events, now);
        self.quit = true;
        effects
    }

    /// When the next cue is due, whenever that changes (none while muted).
    fn foretell(&mut self, now: Instant) -> Option<Effect> {
        let next = self.engine.next_mark(self.voice).filter(|_| !self.muted);
        if next == self.next_cue {
            return None;
        }
        self.next_cue = next;
        Some(Effect::Expect(
            next.map(|at| at.saturating_duration_since(now)),
        ))
    }

    fn absorb(&mut self, events: &[Event], now: Instant) -> Vec<Effect> {
        if !events.is_empty() {
            self.revision += 1;
        }
        if events
            .iter()
            .any(|e| matches!(e, Event::SessionComplete { .. }))
        {
            self.overlay = Overlay::None;
        }
        // With the voice on, a moment that has words is said instead of beeped; the rest (the
        // 3-2-1 ticks, unless counted aloud) keep their beeps.
        let speech = self
            .voice
            .then(|| audio::speech_for(events, self.engine.plan(), self.count_aloud))
            .flatten()
            .map(Effect::Speak);
        let sound = speech
            .or_else(|| audio::cue_for(events).map(|(_, cue)| Effect::Play(cue)))
            .filter(|_| !self.muted);
        let notes = self.notifications(events);
        sound
            .into_iter()
            .chain(self.foretell(now))
            .chain(notes)
            .collect()
    }

    /// What to show as notifications for `events`: each step as it starts, and the end; none
    /// while the terminal is focused (the person sees the screen) or notifications are off.
    fn notifications(&self, events: &[Event]) -> Vec<Effect> {
        if !self.notify || self.focused {
            return Vec::new();
        }
        let plan = self.engine.plan();
        events
            .iter()
            .filter_map(|event| match event {
                Event::StepStarted { index, .. } => {
                    Some(crate::session::words::step_line(plan, *index))
                }
                Event::SessionComplete { early: false, .. } => {
                    Some("Session complete.".to_string())
                }
                _ => None,
            })
            .map(Effect::Notify)
            .collect()
    }

    /// The command a key stands for in the current state; `None` for keys that do nothing.
    /// Only key presses count: releases and repeats are dropped here, in one place.
    pub fn command_for(&self, key: KeyEvent) -> Option<Command> {
        // Sent by the plain mode's input when its pipe ends; no terminal key makes it.
        if key.kind == KeyEventKind::Press && key.code == KeyCode::Null {
            return Some(Command::InputEnded);
        }
        crate::keys::command_for(self.key_mode(), &key)
    }

    /// Whose keys are read now: the summary's, the open overlay's, or the session's.
    pub fn key_mode(&self) -> Mode {
        if self.showing_summary() {
            return Mode::Summary;
        }
        match self.overlay {
            Overlay::ConfirmQuit => Mode::ConfirmQuit,
            Overlay::Help => Mode::Help,
            Overlay::None => Mode::Session,
        }
    }

    /// Applies one terminal event; what it asks of the player. The screen must be redrawn when
    /// the event changed the revision.
    pub fn handle_event(&mut self, event: &TermEvent, now: Instant) -> Vec<Effect> {
        match event {
            TermEvent::Key(key) => match self.command_for(*key) {
                Some(command) => self.apply(command, now),
                None => Vec::new(),
            },
            TermEvent::FocusGained => {
                self.focused = true;
                self.revision += 1;
                Vec::new()
            }
            TermEvent::Resize(..) => {
                self.revision += 1;
                Vec::new()
            }
            TermEvent::FocusLost => {
                self.focused = false;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    pub fn apply(&mut self, command: Command, now: Instant) -> Vec<Effect> {
        self.revision += 1;
        let mut effects = Vec::new();
        let events = match command {
            Command::TogglePause => self.engine.toggle_pause(now),
            Command::Skip => self.engine.skip(now),
            Command::Back => self.engine.back(now),
            Command::Restart => self.engine.restart_step(now),
            Command::ToggleMute => {
                self.muted = !self.muted;
                // Muted means quiet now: the line being said (the stop rule lasts 7 s) stops.
                if self.muted {
                    effects.push(Effect::Speak(Vec::new()));
                }
                Vec::new()
            }
            Command::VolumeUp | Command::VolumeDown => {
                let delta = if command == Command::VolumeUp {
                    VOLUME_STEP
                } else {
                    -VOLUME_STEP
                };
                self.volume = self.volume.saturating_add_signed(delta).min(100);
                effects.push(Effect::ChangeVolume(delta));
                Vec::new()
            }
            // The help and the quit question pause the clock: reading or deciding should not
            // cost hold time. Closing them resumes it if it ran before.
            Command::ToggleHelp => {
                self.resume_after_question = self.engine.status() == Status::Running;
                self.overlay = Overlay::Help;
                self.engine.pause(now)
            }
            Command::AskQuit => {
                self.resume_after_question = self.engine.status() == Status::Running;
                self.overlay = Overlay::ConfirmQuit;
                self.engine.pause(now)
            }
            Command::Confirm => {
                self.overlay = Overlay::None;
                self.engine.finish(now)
            }
            Command::Dismiss => {
                self.overlay = Overlay::None;
                if self.resume_after_question {
                    self.resume_after_question = false;
                    self.engine.resume(now)
                } else {
                    Vec::new()
                }
            }
            Command::QuitNow => {
                self.quit = true;
                self.engine.finish(now)
            }
            Command::Close => {
                self.quit = true;
                Vec::new()
            }
            // The still screens' and the guided test's own; a session never gets them.
            Command::GoOn
            | Command::Leave
            | Command::Up
            | Command::Down
            | Command::Pick
            | Command::Digit(_)
            | Command::Erase
            | Command::NextPage
            | Command::PreviousPage
            | Command::Accept
            | Command::Build(_) => Vec::new(),
            Command::InputEnded => {
                self.overlay = Overlay::None;
                self.resume_after_question = false;
                if self.engine.status() == Status::Paused {
                    self.engine.resume(now)
                } else {
                    Vec::new()
                }
            }
        };
        effects.extend(self.absorb(&events, now));
        effects
    }

    /// The next instant the screen or the plan must change; `None` when nothing changes until
    /// a key is pressed. Everything that moves with the clock (the digits, the gauge, the time
    /// to go) moves with the seconds left in the step, so the loop wakes once a second, at any
    /// size of screen.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        if self.engine.status() != Status::Running {
            return None;
        }
        let remaining = self.engine.step_remaining(now);
        let candidates = [
            self.engine.next_deadline(),
            next_whole_second_down(remaining).map(|d| now + d),
        ];
        candidates.into_iter().flatten().min()
    }

    /// The next instant a moving figure shows its next key frame; `None` when the pose holds
    /// still or the session is not running. The loop wakes for it only while a figure is on
    /// screen.
    pub fn next_pose_frame(&self, now: Instant) -> Option<Instant> {
        if self.engine.status() != Status::Running {
            return None;
        }
        let step = self.engine.step()?;
        let exercise = self.engine.plan().exercises.get(step.exercise)?;
        let pose = crate::pose::builtin(&exercise.id)?;
        let elapsed = step
            .duration
            .saturating_sub(self.engine.step_remaining(now));
        crate::pose::next_frame_in(pose, elapsed).map(|d| now + d)
    }

    pub fn view(&self, now: Instant) -> Option<ViewModel<'_>> {
        let step = self.engine.step()?;
        let plan = self.engine.plan();
        let remaining = self.engine.step_remaining(now);
        let exercise = plan.exercises.get(step.exercise)?;
        let pose = crate::pose::builtin(&exercise.id);
        let elapsed = step.duration.saturating_sub(remaining);
        let pose_frame = pose.map_or(0, |p| crate::pose::frame_at(p, elapsed));
        // The gauge moves with the seconds shown, not smoothly: one change a second.
        let ratio = ratio(shown_seconds(remaining).min(step.duration), step.duration);
        let finished = match self.engine.status() {
            Status::Finished { early } => Some(early),
            _ => None,
        };
        Some(ViewModel {
            plan,
            index: self.engine.index(),
            step,
            exercise,
            remaining,
            ratio,
            final_seconds: remaining <= FINAL_SECONDS && step.phase.has_countdown(),
            paused: self.engine.status() == Status::Paused,
            finished,
            session_elapsed: self.engine.session_elapsed(now),
            session_remaining: self.engine.session_remaining(now),
            paused_total: self.engine.paused_total(now),
            tally: self.engine.tally(),
            overlay: self.overlay,
            sound: self.sound.clone(),
            muted: self.muted,
            volume: self.volume,
            voice: self.voice,
            color: self.color,
            ascii: self.ascii,
            last_time: self.last_time,
            streaks: self.streaks,
            week_before: self.week_before,
            revision: self.revision,
            pose,
            pose_frame,
        })
    }
}

impl ViewModel<'_> {
    /// Whether this step is the time to get into position for a new exercise: the get-ready,
    /// or the rest before an exercise other than the one just done.
    pub fn getting_into_position(&self) -> bool {
        match self.step.phase {
            Phase::GetReady => true,
            Phase::Rest => self
                .index
                .checked_sub(1)
                .and_then(|i| self.plan.steps.get(i))
                .is_none_or(|prev| prev.exercise != self.step.exercise),
            _ => false,
        }
    }
}
