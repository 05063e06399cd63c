//! The plain mode: a session as one line per change, for screen readers, logs and terminals
//! that cannot show the full screen (`supple run --plain`, output that is not a terminal,
//! TERM=dumb). No cursor movement and no colour: each line is said once, in order, and stays
//! in the scrollback. The same loop, keys, sound and history as the full screen; only the
//! screen and the input differ.

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::app::{App, Overlay, ViewModel};

use crate::audio::Player;
use crate::runtime::{Input, LastWords, LoopStats, Screen};
use crate::session::{Clock, Phase, words};

/// Runs a session in plain mode: lines to `out`, keys from standard input, the same loop,
/// player and signals as the full screen. The session is kept up to date in `last_words`,
/// for the watchdog; the caller ends and keeps it with [`LastWords::end`].
pub fn run(
    app: &mut App,
    player: &mut dyn Player,
    clock: &impl Clock,
    out: impl Write,
    last_words: &Arc<LastWords>,
) -> io::Result<LoopStats> {
    let loop_done = Arc::new(AtomicBool::new(false));
    let stop = crate::runtime::watch_signals(Arc::clone(&loop_done), Some(Arc::clone(last_words)))?;
    let mut screen = PlainScreen::new(out);
    let mut input = StdinKeys::new();
    let ran = session(&mut screen, &mut input, clock, app, player, &stop, |app| {
        last_words.remember(app.engine());
    });
    loop_done.store(true, Ordering::SeqCst);
    ran
}

/// The loop on a plain screen, then its last line ("Session complete."), which the loop,
/// ending as the session ends, does not stay to draw.
pub fn session<W: Write>(
    screen: &mut PlainScreen<W>,
    input: &mut impl Input,
    clock: &impl Clock,
    app: &mut App,
    player: &mut dyn Player,
    stop: &AtomicBool,
    changed: impl FnMut(&App),
) -> io::Result<LoopStats> {
    let stats = crate::runtime::run_loop_with(screen, input, clock, app, player, stop, changed)?;
    screen.draw(app, clock.now())?;
    Ok(stats)
}

/// What plain mode says before the first step: the routine, the keys and the safety rule.
pub fn opening(plan: &crate::session::Plan, first_time: bool) -> String {
    let total = plan.total().as_secs();
    // The footer's keys, as ASCII (a screen reader says a letter better than an arrow).
    let keys: Vec<String> = crate::keys::footer_rows(false, true)
        .map(|(key, word)| format!("{key} {word}"))
        .collect();
    let mut text = format!(
        "supple: {}, {}:{:02}. Keys: {} (in a terminal, no Enter needed).\n",
        plan.title,
        total / 60,
        total % 60,
        keys.join(", ")
    );
    text.push_str(crate::safety::AIM);
    text.push(' ');
    text.push_str(crate::safety::STOP_RULE);
    text.push('\n');
    if first_time {
        text.push_str(crate::safety::ASK_FIRST);
        text.push('\n');
        text.push_str(crate::safety::GET_CARE);
        text.push('\n');
    }
    text
}

/// A "screen" that writes a line whenever something a person needs to know changes: a new
/// step, the 3-2-1, halfway through a long hold, pause and resume, the help, the quit
/// question, the end.
pub struct PlainScreen<W: Write> {
    out: W,
    said: Said,
}

/// What has been said already, so nothing is said twice.
#[derive(Debug, Default, PartialEq, Eq)]
struct Said {
    step: Option<usize>,
    /// The last whole second counted down ("3", "2", "1") in this step.
    count: Option<u64>,
    halfway: bool,
    paused: bool,
    overlay: Option<Overlay>,
    finished: bool,
    muted: bool,
    /// The volume as last said (or first seen).
    volume: Option<u8>,
    /// Why no sound plays, as last said (where the person did not turn it off).
    silent: Option<&'static str>,
    /// Whole seconds left in this step when last drawn.
    left: Option<u64>,
}

impl<W: Write> PlainScreen<W> {
    pub fn new(out: W) -> Self {
        PlainScreen {
            out,
            said: Said::default(),
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    /// The lines the change from what was said to `vm` calls for.
    fn lines(&mut self, vm: &ViewModel<'_>) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(early) = vm.finished {
            if !self.said.finished {
                self.said.finished = true;
                let worked = vm.tally.rows.iter().any(|r| {
                    r.done > 0 || r.skipped > 0 || crate::session::whole_seconds(r.held) > 0
                });
                lines.push(
                    match (early, worked) {
                        (false, _) => "Session complete. Well done.",
                        (true, true) => "Session ended early. What you did is kept.",
                        // The record below says that nothing was added: one true sentence.
                        (true, false) => "Session ended before anything was done.",
                    }
                    .to_string(),
                );
            }
            return lines;
        }
        if self.said.step != Some(vm.index) {
            self.said = Said {
                step: Some(vm.index),
                paused: self.said.paused,
                overlay: self.said.overlay,
                muted: self.said.muted,
                volume: self.said.volume,
                silent: self.said.silent,
                ..Said::default()
            };
            lines.push(words::step_line(vm.plan, vm.index));
            lines.extend(words::step_details(vm.plan, vm.index));
        }
        if vm.paused != self.said.paused {
            self.said.paused = vm.paused;
            // The quit question and the help pause the session too: they say so themselves,
            // and closing them says "Going on" below.
            if vm.overlay == Overlay::None && self.said.overlay == Some(Overlay::None) {
                lines.push(if vm.paused {
                    "Paused. Space goes on.".to_string()
                } else {
                    format!("Going on: {} left.", words::seconds(shown(vm.remaining)))
                });
            }
        }
        if self.said.overlay != Some(vm.overlay) {
            let before = self.said.overlay.replace(vm.overlay);
            match vm.overlay {
                Overlay::ConfirmQuit => {
                    lines.push(format!(
                        "Quit the session? {}.",
                        crate::keys::sentence(crate::keys::Mode::ConfirmQuit)
                    ));
                }
                Overlay::Help => {
                    lines.push("Keys:".into());
                    for (keys, what) in crate::keys::help_rows() {
                        lines.push(format!("  {}: {what}", crate::keys::shown(keys, true)));
                    }
                    lines.push(format!(
                        "{}.",
                        crate::keys::sentence(crate::keys::Mode::Help)
                    ));
                }
                Overlay::None if before.is_some_and(|b| b != Overlay::None) && !vm.paused => {
                    lines.push(format!(
                        "Going on: {} left.",
                        words::seconds(shown(vm.remaining))
                    ));
                }
                Overlay::None => {}
            }
        }
        // Without a device (not turned off on purpose), a person who cannot see the footer
        // is told once, as soon as it is known, and again only if the reason changes.
        let silent = vm.sound.unchosen_silence();
        if let Some(reason) = silent.filter(|r| self.said.silent != Some(*r)) {
            lines.push(format!(
                "No sound: {reason}. The session runs silently; --bell rings the terminal \
                 bell instead."
            ));
        }
        self.said.silent = silent;
        if vm.muted != self.said.muted {
            self.said.muted = vm.muted;
            lines.push(match (vm.muted, silent) {
                (true, _) => "Muted.".into(),
                (false, None) => "Sound on.".into(),
                (false, Some(reason)) => format!("Unmuted; no sound plays: {reason}."),
            });
        }
        // Whatever the device: a person who pressed + hears (or reads) that it took.
        if self.said.volume.is_some_and(|v| v != vm.volume) {
            lines.push(format!("Volume {} %.", vm.volume));
        }
        self.said.volume = Some(vm.volume);
        let left = shown(vm.remaining);
        // The same step with more time to go than a moment ago: it was started again.
        if self.said.left.is_some_and(|before| left > before + 1) {
            lines.push(format!(
                "From the start: {}",
                words::step_line(vm.plan, vm.index)
            ));
            self.said.count = None;
            self.said.halfway = false;
        }
        self.said.left = Some(left);
        if vm.paused {
            return lines;
        }
        let hold = vm.step.phase == Phase::Hold;
        let total = vm.step.duration.as_secs();
        if hold && total >= 20 && !self.said.halfway && left <= total / 2 && left > 3 {
            self.said.halfway = true;
            lines.push("Halfway.".into());
        }
        if vm.step.phase.has_countdown()
            && total > 3
            && (1..=3).contains(&left)
            && self.said.count.is_none_or(|c| left < c)
        {
            self.said.count = Some(left);
            lines.push(left.to_string());
        }
        lines
    }
}

impl<W: Write> Screen for PlainScreen<W> {
    fn area(&self) -> io::Result<Rect> {
        Ok(Rect::new(0, 0, 80, 24))
    }

    fn resize(&mut self, _area: Rect) -> io::Result<()> {
        Ok(())
    }

    fn draw(&mut self, app: &App, now: Instant) -> io::Result<()> {
        let Some(vm) = app.view(now) else {
            return Ok(());
        };
        let lines = self.lines(&vm);
        for line in &lines {
            writeln!(self.out, "{line}")?;
        }
        if !lines.is_empty() {
            self.out.flush()?;
        }
        Ok(())
    }
}

/// Whole seconds left, rounded up, as the full screen shows them.
fn shown(remaining: Duration) -> u64 {
    crate::app::shown_seconds(remaining).as_secs()
}

/// Keys from standard input when it is a pipe or a file, or a terminal in plain mode: the
/// bytes a terminal sends for the session's keys, one key per byte (arrow keys as their
/// escape sequences). At the end of the input the session goes on without keys.
pub struct StdinKeys {
    ended: bool,
    pending: std::collections::VecDeque<u8>,
    /// The terminal's settings to put back, when standard input is a terminal this changed.
    restore: Option<rustix::termios::Termios>,
}

impl StdinKeys {
    /// Reads keys from standard input. A terminal is switched to take each key as it is
    /// pressed, without echo (and back when this is dropped); output is left as it is.
    pub fn new() -> Self {
        let stdin = rustix::stdio::stdin();
        let restore = rustix::termios::tcgetattr(stdin).ok().and_then(|before| {
            let mut keys = before.clone();
            keys.local_modes -= rustix::termios::LocalModes::ICANON;
            keys.local_modes -= rustix::termios::LocalModes::ECHO;
            rustix::termios::tcsetattr(stdin, rustix::termios::OptionalActions::Now, &keys)
                .ok()
                .map(|()| before)
        });
        StdinKeys {
            ended: false,
            pending: Default::default(),
            restore,
        }
    }

    /// The next key from the bytes read so far.
    fn key(&mut self) -> Option<TermEvent> {
        let byte = self.pending.pop_front()?;
        let plain = |code| Some(TermEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        match byte {
            0x1b => {
                // An arrow key is ESC [ C or ESC O C; ESC alone is Esc.
                if matches!(self.pending.front(), Some(b'[' | b'O')) && self.pending.len() >= 2 {
                    self.pending.pop_front();
                    return match self.pending.pop_front() {
                        Some(b'C') => plain(KeyCode::Right),
                        Some(b'D') => plain(KeyCode::Left),
                        _ => None,
                    };
                }
                plain(KeyCode::Esc)
            }
            b'\r' | b'\n' => plain(KeyCode::Enter),
            0x03 => Some(TermEvent::Key(KeyEvent::new(
                KeyCode::Char('c'),
                KeyModifiers::CONTROL,
            ))),
            0x20..=0x7e => plain(KeyCode::Char(char::from(byte))),
            _ => None,
        }
    }
}

impl Default for StdinKeys {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for StdinKeys {
    fn drop(&mut self) {
        if let Some(before) = &self.restore {
            let stdin = rustix::stdio::stdin();
            let _ =
                rustix::termios::tcsetattr(stdin, rustix::termios::OptionalActions::Now, before);
        }
    }
}

impl Input for StdinKeys {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<TermEvent>> {
        use rustix::event::{PollFd, PollFlags, Timespec};
        while !self.pending.is_empty() {
            if let Some(key) = self.key() {
                return Ok(Some(key));
            }
        }
        if self.ended {
            // No more keys: wait the time out, as a quiet terminal would.
            std::thread::sleep(timeout);
            return Ok(None);
        }
        let stdin = rustix::stdio::stdin();
        let mut fds = [PollFd::from_borrowed_fd(stdin.as_fd(), PollFlags::IN)];
        let timeout = Timespec::try_from(timeout).unwrap_or(Timespec {
            tv_sec: i64::MAX,
            tv_nsec: 0,
        });
        match rustix::event::poll(&mut fds, Some(&timeout)) {
            Ok(0) | Err(rustix::io::Errno::INTR) => return Ok(None),
            Ok(_) => {}
            Err(errno) => return Err(errno.into()),
        }
        let mut buf = [0u8; 64];
        match rustix::io::read(stdin, &mut buf) {
            Ok(0) => {
                // Nobody can press a key any more: the session goes on to its end, resumed
                // if it was paused (KeyCode::Null stands for that; no key sends it).
                self.ended = true;
                return Ok(Some(TermEvent::Key(KeyEvent::new(
                    KeyCode::Null,
                    KeyModifiers::NONE,
                ))));
            }
            Ok(n) => self.pending.extend(&buf[..n]),
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => {}
            // A failing input: the session goes on without keys, as at the end of a pipe.
            Err(_) => {
                self.ended = true;
                return Ok(Some(TermEvent::Key(KeyEvent::new(
                    KeyCode::Null,
                    KeyModifiers::NONE,
                ))));
            }
        }
        Ok(self.key())
    }
}
