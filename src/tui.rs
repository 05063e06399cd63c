//! The terminal side: the event loop, raw mode and the alternate screen, and signals.
//!
//! The loop has no frame rate: it sleeps in `poll` until the next key or the next instant the
//! screen must change (from [`App::next_wake`]), handles every pending event, then draws once.
//! It also hands the app's effects to the player, and the player's state back to the app.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen};
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Terminal, TerminalOptions, Viewport};

use crate::app::{App, Effect};
use crate::audio::Player;
use crate::session::{Clock, Engine};
use crate::ui::{self, FrameCache};

/// The longest the loop sleeps without looking at the stop flag (a signal also wakes it).
pub const MAX_SLEEP: Duration = Duration::from_secs(1);

/// Where terminal events come from.
pub trait Input {
    /// The next event, or `None` once `timeout` has passed without one.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<TermEvent>>;
}

/// Events from the real terminal.
///
/// supple waits itself, in one poll(2) on the terminal and a SIGWINCH pipe, and asks crossterm
/// to read only when there is input. crossterm's own waits do not fit a timer: its default
/// source spins forever once the terminal hangs up (read returns 0 and it reads again), and
/// its /dev/tty source busy-polls the sub-millisecond rest of every timeout. Waiting here also
/// wakes at once on a signal (poll returns EINTR) and sees a hang-up as POLLHUP.
#[derive(Debug)]
pub struct TerminalInput {
    winch: std::os::unix::net::UnixStream,
    /// What a terminal answers to the picture query too late, kept out of the keys.
    late: crate::image::query::LateReplies,
}

impl TerminalInput {
    pub fn new() -> io::Result<Self> {
        let (read, write) = std::os::unix::net::UnixStream::pair()?;
        read.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, write)?;
        Ok(TerminalInput {
            winch: read,
            late: crate::image::query::LateReplies::default(),
        })
    }

    /// The terminal was asked about pictures and has not answered: an answer may still come
    /// (see [`crate::image::query::LateReplies`]).
    pub fn expect_late_replies(&mut self) {
        self.late.expect(Instant::now() + crate::image::query::LATE);
    }

    /// The next event crossterm has read, unless it is part of a late answer.
    fn read(&mut self) -> io::Result<Option<TermEvent>> {
        let event = event::read()?;
        if self.late.drops(&event, Instant::now()) {
            return Ok(None);
        }
        Ok(Some(event))
    }

    fn drain_winch(&mut self) {
        use std::io::Read;
        let mut buf = [0u8; 64];
        while matches!(self.winch.read(&mut buf), Ok(n) if n > 0) {}
    }
}

/// The error an input returns when the terminal has gone away.
pub fn hang_up() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "the terminal closed")
}

impl Input for TerminalInput {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<TermEvent>> {
        use rustix::event::{PollFd, PollFlags, Timespec};
        // Events crossterm has already parsed come first.
        if event::poll(Duration::ZERO)? {
            return self.read();
        }
        let stdin = rustix::stdio::stdin();
        let mut fds = [
            PollFd::from_borrowed_fd(stdin, PollFlags::IN),
            PollFd::new(&self.winch, PollFlags::IN),
        ];
        // Rounded up to whole milliseconds, poll(2)'s unit, although rustix's ppoll would take
        // nanoseconds: a wait never ends before the moment it was set for.
        let timeout = Timespec::try_from(ceil_millis(timeout)).unwrap_or(Timespec {
            tv_sec: i64::MAX,
            tv_nsec: 0,
        });
        let ready = match rustix::event::poll(&mut fds, Some(&timeout)) {
            Ok(ready) => ready,
            Err(rustix::io::Errno::INTR) => return Ok(None),
            Err(errno) => return Err(errno.into()),
        };
        if fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
        {
            return Err(hang_up());
        }
        if fds[1].revents().contains(PollFlags::IN) {
            self.drain_winch();
        }
        if ready > 0 && event::poll(Duration::ZERO)? {
            return self.read();
        }
        Ok(None)
    }
}

/// Where frames go.
pub trait Screen {
    fn area(&self) -> io::Result<Rect>;
    /// The terminal now has this size (from a Resize event).
    fn resize(&mut self, area: Rect) -> io::Result<()>;
    fn draw(&mut self, app: &App, now: std::time::Instant) -> io::Result<()>;
    /// Shows `text` as a notification, where this screen can (see `crate::notify`).
    fn notify(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
    /// Whether the last frame showed a moving figure, so that the loop wakes for its next key
    /// frame.
    fn shows_motion(&self) -> bool {
        false
    }
}

/// The real terminal: every frame is drawn inside a synchronized update, so the big digits
/// change in place without flicker; ratatui only writes the cells that changed. The viewport
/// is fixed and resized on Resize events, so a frame does not ask the terminal for its size.
pub struct TerminalScreen {
    pub terminal: DefaultTerminal,
    pub cache: FrameCache,
    area: Rect,
    /// From `SUPPLE_DEBUG_PANIC`, in debug builds only: the first frame drawn from then on panics.
    debug_panic_at: Option<Instant>,
    /// Where notifications go; `None`: nowhere (and the terminal is not asked for focus).
    notify: Option<crate::notify::Target>,
    /// The figure as a picture, where the terminal said it can show one.
    pictures: Option<crate::image::Pictures>,
}

impl TerminalScreen {
    /// Raw mode, the alternate screen, and ratatui's panic hook (which restores both).
    pub fn open() -> io::Result<Self> {
        let (width, height) = crossterm::terminal::size()?;
        let area = Rect::new(0, 0, width, height);
        let viewport = Viewport::Fixed(area);
        let mut terminal = ratatui::try_init_with_options(TerminalOptions { viewport })?;
        crossterm::execute!(io::stdout(), EnterAlternateScreen)?;
        terminal.clear()?;
        Ok(TerminalScreen {
            terminal,
            cache: FrameCache::default(),
            area,
            debug_panic_at: None,
            notify: None,
            pictures: None,
        })
    }

    /// Asks the terminal whether it shows pictures (unless `images` is off, NO_COLOR is set
    /// or supple runs inside tmux: see [`crate::image::not_asked`]) and, where it does, draws
    /// the figure as one from now on. Before the input loop: the replies are read here.
    /// Returns whether the terminal left the query unanswered (an answer may still come).
    pub fn ask_for_images(&mut self, images: bool) -> io::Result<bool> {
        let env = |name: &str| std::env::var(name).ok();
        if crate::image::not_asked(images, env).is_some() {
            return Ok(false);
        }
        let replies = crate::image::query::ask(&mut io::stdout(), crate::image::query::WAIT)?;
        let support = crate::image::choose(&replies, crate::image::query::cell_from_kernel(), env);
        if let Some(support) = support {
            self.cache = FrameCache::with_images(true);
            self.pictures = Some(crate::image::Pictures::new(support));
        }
        Ok(replies.attributes.is_none())
    }

    /// How the figure is shown: the picture protocol, or `None` for braille.
    pub fn picture_support(&self) -> Option<crate::image::Support> {
        self.pictures.as_ref().map(crate::image::Pictures::support)
    }

    /// Sends notifications to `target`, and asks the terminal to report focus so that they
    /// go only while it is not focused (a terminal that cannot report focus never says it is
    /// not, so it gets none).
    pub fn notify_to(&mut self, target: crate::notify::Target) -> io::Result<()> {
        crossterm::execute!(io::stdout(), crossterm::event::EnableFocusChange)?;
        self.notify = Some(target);
        Ok(())
    }
}

impl Screen for TerminalScreen {
    fn area(&self) -> io::Result<Rect> {
        Ok(self.area)
    }

    fn resize(&mut self, area: Rect) -> io::Result<()> {
        self.area = area;
        if let Some(pictures) = &mut self.pictures {
            pictures.forget();
        }
        self.terminal.resize(area)
    }

    fn draw(&mut self, app: &App, now: std::time::Instant) -> io::Result<()> {
        crossterm::queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.draw_frame(app, now)?;
        if let Some(mut pictures) = self.pictures.take() {
            let want = self.cache.picture().cloned();
            let mut shown = pictures.show(want.as_ref(), self.terminal.backend_mut());
            if matches!(shown, Ok(crate::image::Shown::Redraw)) {
                // The old picture's pixels go with a clear; then the frame and the new one.
                shown = self
                    .terminal
                    .clear()
                    .and_then(|()| self.draw_frame(app, now))
                    .and_then(|()| pictures.show(want.as_ref(), self.terminal.backend_mut()));
            }
            self.pictures = Some(pictures);
            shown?;
        }
        crossterm::execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        debug_panic_if_due(self.debug_panic_at, now);
        Ok(())
    }

    fn shows_motion(&self) -> bool {
        self.cache.shows_motion()
    }

    fn notify(&mut self, text: &str) -> io::Result<()> {
        let Some(target) = self.notify else {
            return Ok(());
        };
        let backend = self.terminal.backend_mut();
        backend.write_all(crate::notify::sequence(target, "supple", text).as_bytes())?;
        backend.flush()
    }
}

impl TerminalScreen {
    fn draw_frame(&mut self, app: &App, now: std::time::Instant) -> io::Result<()> {
        let cache = &mut self.cache;
        self.terminal.draw(|frame| {
            if let Some(vm) = app.view(now) {
                ui::draw_cached(frame, &vm, cache);
            }
        })?;
        Ok(())
    }
}

impl Drop for TerminalScreen {
    fn drop(&mut self) {
        if self.picture_support().map(|s| s.protocol) == Some(crate::image::Protocol::Kitty) {
            let _ = io::stdout().write_all(crate::image::encode::kitty_delete_all());
        }
        if self.notify.is_some() {
            let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableFocusChange);
        }
    }
}

/// ratatui's in-memory terminal, for tests: drawn exactly as the real one.
pub struct TestScreen {
    pub terminal: Terminal<TestBackend>,
    pub cache: FrameCache,
}

impl TestScreen {
    pub fn new(width: u16, height: u16) -> Self {
        let Ok(terminal) = Terminal::new(TestBackend::new(width, height));
        TestScreen {
            terminal,
            cache: FrameCache::default(),
        }
    }
}

impl Screen for TestScreen {
    fn area(&self) -> io::Result<Rect> {
        let Ok(size) = self.terminal.size();
        Ok(Rect::new(0, 0, size.width, size.height))
    }

    fn resize(&mut self, area: Rect) -> io::Result<()> {
        self.terminal.backend_mut().resize(area.width, area.height);
        let Ok(()) = self.terminal.resize(area);
        Ok(())
    }

    fn shows_motion(&self) -> bool {
        self.cache.shows_motion()
    }

    fn draw(&mut self, app: &App, now: std::time::Instant) -> io::Result<()> {
        let cache = &mut self.cache;
        let Ok(_) = self.terminal.draw(|frame| {
            if let Some(vm) = app.view(now) {
                ui::draw_cached(frame, &vm, cache);
            }
        });
        Ok(())
    }
}

/// What the loop did, for measuring: how often it woke and how often it drew.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoopStats {
    pub wakes: u64,
    pub draws: u64,
}

/// Runs the app until it quits or `stop` is set (by a signal), with `player` making its cues
/// heard.
pub fn run_loop(
    screen: &mut impl Screen,
    input: &mut impl Input,
    clock: &impl Clock,
    app: &mut App,
    player: &mut dyn Player,
    stop: &AtomicBool,
) -> io::Result<LoopStats> {
    run_loop_with(screen, input, clock, app, player, stop, |_| {})
}

/// [`run_loop`], showing `changed` the app each time something other than the clock changed
/// it (its revision), before the frame that shows it: at most once a wake, never for the
/// passing of time alone.
pub fn run_loop_with(
    screen: &mut impl Screen,
    input: &mut impl Input,
    clock: &impl Clock,
    app: &mut App,
    player: &mut dyn Player,
    stop: &AtomicBool,
    mut changed: impl FnMut(&App),
) -> io::Result<LoopStats> {
    let mut stats = LoopStats::default();
    hand_on(app.start(clock.now()), player, screen);
    let mut needs_draw = true;
    let mut shown_revision = None;
    loop {
        let now = clock.now();
        let before = app.revision();
        hand_on(app.tick(now), player, screen);
        // A device that finished opening, or a new volume, shows in the footer.
        app.set_sound(player.status());
        needs_draw |= app.revision() != before;
        if shown_revision != Some(app.revision()) {
            shown_revision = Some(app.revision());
            changed(app);
        }
        if stop.load(Ordering::Relaxed) {
            hand_on(app.interrupt(now), player, screen);
        }
        if app.should_quit() {
            return Ok(stats);
        }
        if needs_draw {
            screen.draw(app, now)?;
            stats.draws += 1;
        }
        // A moving figure on screen wakes the loop for its next key frame as well.
        let frame_at = screen
            .shows_motion()
            .then(|| app.next_pose_frame(now))
            .flatten();
        let wake_at = match (app.next_wake(now), frame_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // poll(2) counts whole milliseconds and the tty source truncates: round up, or the
        // loop wakes a fraction of a millisecond early and draws the same frame twice.
        let timeout = wake_at
            .map_or(MAX_SLEEP, |at| {
                ceil_millis(at.saturating_duration_since(now))
            })
            .min(MAX_SLEEP);
        stats.wakes += 1;
        let next = match input.next(timeout) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                // The terminal is gone: end the session, keeping what was done.
                hand_on(app.interrupt(clock.now()), player, screen);
                return Ok(stats);
            }
            other => other?,
        };
        needs_draw = match next {
            Some(event) => {
                // Handle this event and every one already waiting, then draw once.
                let before = app.revision();
                let mut pending = Some(event);
                while let Some(event) = pending.take() {
                    if let TermEvent::Resize(width, height) = event {
                        screen.resize(Rect::new(0, 0, width, height))?;
                    }
                    hand_on(app.handle_event(&event, clock.now()), player, screen);
                    if app.should_quit() {
                        break;
                    }
                    pending = input.next(Duration::ZERO)?;
                }
                app.revision() != before
            }
            // A timeout is the moment something on screen changes (unless it came early).
            None => wake_at.is_some_and(|at| clock.now() >= at),
        };
    }
}

/// Hands the app's effects to the player (and notifications to the screen), in the order the
/// app asked for them.
fn hand_on(effects: Vec<Effect>, player: &mut dyn Player, screen: &mut impl Screen) {
    for effect in effects {
        match effect {
            Effect::Play(cue) => player.play(cue),
            Effect::Speak(line) => player.speak(line),
            Effect::Expect(next_cue) => player.expect(next_cue),
            Effect::ChangeVolume(delta) => player.change_volume(delta),
            // A notification that cannot be written is not worth ending the session for.
            Effect::Notify(text) => {
                let _ = screen.notify(&text);
            }
        }
    }
}

fn ceil_millis(d: Duration) -> Duration {
    let ms = d.as_nanos().div_ceil(1_000_000);
    Duration::from_millis(u64::try_from(ms).unwrap_or(u64::MAX))
}

/// How long the loop has to finish after a signal before the watchdog ends the process.
pub const WATCHDOG_GRACE: Duration = Duration::from_secs(3);

/// What is kept of a session when the process must end while the loop is stuck.
///
/// The loop leaves a copy of the engine here each time something other than the clock changed
/// it (a step, a key; never a frame). If the loop has not finished [`WATCHDOG_GRACE`] after a
/// signal, the watchdog ends that copy at the signal's instant and keeps it before the process
/// exits. The engine runs on deadlines, so the copy ends as the loop ends a session on a
/// signal, the hold under way included (a record kept at each change would only hold the
/// steps already left). Whichever ends the session first, the watchdog or the loop's caller
/// with [`LastWords::end`], keeps it; the other finds it kept.
pub struct LastWords {
    slot: Mutex<Slot>,
    keep: Box<Keep>,
}

/// Saves an ended session as it is at the instant given; returns what to print.
type Keep = dyn Fn(&Engine, Instant) -> String + Send + Sync;

struct Slot {
    last: Option<Engine>,
    kept: bool,
}

impl LastWords {
    /// `keep` saves an ended session as it is at the instant given, and returns what to print
    /// once the terminal is given back ([`crate::commands::keep_session`]).
    pub fn new(keep: impl Fn(&Engine, Instant) -> String + Send + Sync + 'static) -> Self {
        LastWords {
            slot: Mutex::new(Slot {
                last: None,
                kept: false,
            }),
            keep: Box::new(keep),
        }
    }

    /// The session as it is now, for the watchdog.
    pub fn remember(&self, engine: &Engine) {
        let mut slot = self.slot();
        if !slot.kept {
            slot.last = Some(engine.clone());
        }
    }

    /// Ends the session at `now` (the step under way counts as far as it went) and keeps it;
    /// what to print, or `None` when the watchdog kept it already. The watchdog waits while
    /// this saves, so a session is saved once and whole.
    pub fn end(&self, engine: &Engine, now: Instant) -> Option<String> {
        let mut slot = self.slot();
        if std::mem::replace(&mut slot.kept, true) {
            return None;
        }
        slot.last = None;
        Some(self.keep_ended(engine, now))
    }

    /// The watchdog's part: ends the last session remembered at `at` and keeps it.
    fn speak(&self, at: Instant) -> Option<String> {
        let mut slot = self.slot();
        if slot.kept {
            return None;
        }
        let last = slot.last.take()?;
        slot.kept = true;
        Some(self.keep_ended(&last, at))
    }

    fn keep_ended(&self, engine: &Engine, at: Instant) -> String {
        let mut ended = engine.clone();
        ended.finish(at);
        (self.keep)(&ended, at)
    }

    /// Poisoned or not: what the slot holds is whole after any panic, and the watchdog still
    /// has to keep the session.
    fn slot(&self) -> MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Turns SIGTERM, SIGHUP and SIGINT into a flag the loop reads (it ends the session cleanly,
/// keeping what was done). A watchdog thread makes sure a signal always ends the process:
/// if the loop has not finished `WATCHDOG_GRACE` after a signal (a terminal library stuck on
/// a terminal that went away), it keeps the session from `last_words`, gives the terminal
/// back as well as it can and exits. (See [`TerminalInput`] for why supple does not wait
/// inside crossterm.)
pub fn watch_signals(
    loop_done: Arc<AtomicBool>,
    last_words: Option<Arc<LastWords>>,
) -> io::Result<Arc<AtomicBool>> {
    watch_signals_with(loop_done, last_words, WATCHDOG_GRACE, give_up)
}

/// [`watch_signals`] with the grace period and the way out given: `exit` gets the exit status
/// (128 + the signal) and what the kept session has to say. Tests use it to run the watchdog
/// without ending their process.
pub fn watch_signals_with(
    loop_done: Arc<AtomicBool>,
    last_words: Option<Arc<LastWords>>,
    grace: Duration,
    exit: impl FnOnce(i32, Option<String>) + Send + 'static,
) -> io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("supple-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let at = Instant::now();
                flag.store(true, Ordering::SeqCst);
                std::thread::sleep(grace);
                if !loop_done.load(Ordering::SeqCst) {
                    // Kept before the terminal is touched: restoring it may fail or hang.
                    let words = last_words.and_then(|words| words.speak(at));
                    exit(128 + signal, words);
                }
            }
        })?;
    Ok(stop)
}

/// How long the watchdog waits for the terminal to be given back before it exits anyway.
const GIVE_UP_WAIT: Duration = Duration::from_secs(1);

/// The watchdog's way out of a stuck loop. Giving the terminal back takes stdout's lock, which
/// a loop stuck in a write to a terminal that stopped reading holds for good: that is tried on
/// a thread of its own, and the process exits after `GIVE_UP_WAIT` either way (exit only tries
/// the lock).
fn give_up(status: i32, words: Option<String>) {
    let (done, restored) = std::sync::mpsc::channel();
    let _ = std::thread::Builder::new()
        .name("supple-restore".into())
        .spawn(move || {
            let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableFocusChange);
            ratatui::restore();
            if let Some(words) = words {
                let mut out = io::stdout();
                let _ = out.write_all(words.as_bytes());
                let _ = out.flush();
            }
            let _ = done.send(());
        });
    let _ = restored.recv_timeout(GIVE_UP_WAIT);
    std::process::exit(status);
}

/// In debug builds only, `SUPPLE_DEBUG_PANIC` makes the session panic, so the end-to-end tests
/// can check what a panic leaves: a number of seconds panics at the first frame drawn that long
/// into the session (`SUPPLE_DEBUG_PANIC=5`), and `1` or anything else at the first frame.
#[cfg(debug_assertions)]
fn debug_panic_at(session_start: Instant) -> Option<Instant> {
    let value = std::env::var_os("SUPPLE_DEBUG_PANIC")?;
    let after = value
        .to_str()
        .and_then(|text| text.parse::<u64>().ok())
        .filter(|&seconds| seconds > 1)
        .map_or(Duration::ZERO, Duration::from_secs);
    Some(session_start + after)
}

#[cfg(not(debug_assertions))]
fn debug_panic_at(_: Instant) -> Option<Instant> {
    None
}

#[cfg(debug_assertions)]
#[allow(clippy::panic)]
fn debug_panic_if_due(at: Option<Instant>, now: Instant) {
    if at.is_some_and(|at| now >= at) {
        panic!("deliberate panic (SUPPLE_DEBUG_PANIC)");
    }
}

#[cfg(not(debug_assertions))]
fn debug_panic_if_due(_: Option<Instant>, _: Instant) {}

/// Opens the full screen with the signal watch, runs `body` in it, and gives the terminal
/// back clean, also on a panic (ratatui's hook restores it before the message is printed).
fn in_full_screen<T>(
    last_words: Option<Arc<LastWords>>,
    body: impl FnOnce(&mut TerminalScreen, &mut TerminalInput, &AtomicBool) -> io::Result<T>,
) -> io::Result<T> {
    let loop_done = Arc::new(AtomicBool::new(false));
    let stop = watch_signals(Arc::clone(&loop_done), last_words)?;
    let mut screen = TerminalScreen::open()?;
    let result = TerminalInput::new().and_then(|mut input| body(&mut screen, &mut input, &stop));
    loop_done.store(true, Ordering::SeqCst);
    ratatui::restore();
    let _ = io::stdout().flush();
    result
}

/// Runs a session full-screen in the real terminal and gives the terminal back clean, also
/// on a panic and on a signal. With `note`, the safety note comes first and the session starts
/// only after a key; with `notify`, steps are notified there while the terminal is not focused; `None` when the person left at the note instead (q, Esc or Ctrl-C).
/// The session is kept up to date in `last_words`, for the watchdog; the caller ends and keeps
/// it with [`LastWords::end`].
pub fn run_in_terminal(
    app: &mut App,
    player: &mut dyn Player,
    clock: &impl Clock,
    (note, notify, images): (bool, Option<crate::notify::Target>, bool),
    last_words: &Arc<LastWords>,
) -> io::Result<Option<LoopStats>> {
    in_full_screen(Some(Arc::clone(last_words)), |screen, input, stop| {
        if screen.ask_for_images(images)? {
            input.expect_late_replies();
        }
        if let Some(target) = notify {
            screen.notify_to(target)?;
        }
        if note {
            let (color, ascii) = (app.color(), app.ascii());
            let key = wait_for_key(screen, input, stop, |frame| {
                frame.render_widget(ui::safety::SafetyNote { color, ascii }, frame.area());
            })?;
            if key.is_none_or(is_leave) {
                return Ok(None);
            }
        }
        screen.debug_panic_at = debug_panic_at(clock.now());
        run_loop_with(screen, input, clock, app, player, stop, |app| {
            last_words.remember(app.engine());
        })
        .map(Some)
    })
}

/// q, Esc or Ctrl-C: the keys that leave a still screen without going on.
fn is_leave(key: KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('q' | 'Q') | KeyCode::Esc)
        || (key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, KeyCode::Char('c' | 'C')))
}

/// Shows a still screen (drawn by `render` at each size) until a key is pressed, the terminal
/// closes or a signal comes; redraws on resize. Waits in poll(2): no CPU while it is shown.
pub fn show_until_key(render: impl FnMut(&mut ratatui::Frame)) -> io::Result<()> {
    in_full_screen(None, |screen, input, stop| {
        wait_for_key(screen, input, stop, render).map(|_| ())
    })
}

/// Draws `render` and waits for a key press, redrawing on resize; `None` when the terminal
/// closed or a signal came first.
fn wait_for_key(
    screen: &mut TerminalScreen,
    input: &mut impl Input,
    stop: &AtomicBool,
    mut render: impl FnMut(&mut ratatui::Frame),
) -> io::Result<Option<KeyEvent>> {
    screen.terminal.draw(&mut render)?;
    while !stop.load(Ordering::SeqCst) {
        match input.next(MAX_SLEEP) {
            Ok(Some(TermEvent::Key(key))) if key.kind == KeyEventKind::Press => {
                return Ok(Some(key));
            }
            Ok(Some(TermEvent::Resize(width, height))) => {
                screen.resize(Rect::new(0, 0, width, height))?;
                screen.terminal.draw(&mut render)?;
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(None),
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

/// Runs the guided flexibility test full screen until the person leaves; `save` keeps a
/// finished result and says where it went and what is kept now (or why it was not saved).
pub fn run_flex_test(
    guide: &mut crate::flextest::guide::Guide,
    save: impl FnMut(
        &crate::history::TestResult,
    ) -> Result<(String, Vec<crate::history::TestResult>), String>,
) -> io::Result<()> {
    in_full_screen(None, |screen, input, stop| {
        flex_test_loop(&mut screen.terminal, input, stop, guide, save)
    })
}

/// The guided test's loop, over any backend: draw, wait for a key, hand it to the guide, save
/// when it asks. No clock: nothing on this screen moves by itself.
pub fn flex_test_loop<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    input: &mut impl Input,
    stop: &AtomicBool,
    guide: &mut crate::flextest::guide::Guide,
    mut save: impl FnMut(
        &crate::history::TestResult,
    ) -> Result<(String, Vec<crate::history::TestResult>), String>,
) -> io::Result<()>
where
    B::Error: Into<io::Error>,
{
    use crate::flextest::guide::Step;
    let draw = |terminal: &mut Terminal<B>, guide: &mut crate::flextest::guide::Guide| {
        terminal
            .draw(|frame| {
                // The how-to's pages at this size, so that → knows whether there is more.
                guide.set_how_to_pages(ui::flextest::how_to_pages(guide, frame.area()));
                frame.render_widget(ui::flextest::GuideScreen(guide), frame.area());
            })
            .map(|_| ())
            .map_err(Into::into)
    };
    draw(terminal, guide)?;
    while !stop.load(Ordering::SeqCst) && !guide.should_quit() {
        let event = match input.next(MAX_SLEEP) {
            Ok(Some(event)) => event,
            Ok(None) => continue,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(e),
        };
        match event {
            TermEvent::Key(key) => {
                if let Step::Save(result) = guide.handle_key(key, &jiff::ZonedDateTime::now()) {
                    let outcome = save(&result);
                    guide.saved(result, outcome);
                }
            }
            TermEvent::Resize(width, height) => {
                terminal
                    .resize(Rect::new(0, 0, width, height))
                    .map_err(Into::into)?;
            }
            _ => continue,
        }
        if !guide.should_quit() {
            draw(terminal, guide)?;
        }
    }
    Ok(())
}
