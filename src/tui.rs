//! The terminal side: the event loop, raw mode and the alternate screen, and signals.
//!
//! The loop has no frame rate: it sleeps in `poll` until the next key or the next instant the
//! screen must change (from [`App::next_wake`]), handles every pending event, then draws once.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event as TermEvent};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Terminal};

use crate::app::App;
use crate::session::Clock;
use crate::ui::{self, FrameCache};

/// The longest the loop sleeps without looking at the stop flag. crossterm's poll resumes
/// after a signal, so a SIGTERM or SIGHUP is noticed within this time.
pub const MAX_SLEEP: Duration = Duration::from_secs(1);

/// Where terminal events come from.
pub trait Input {
    /// The next event, or `None` once `timeout` has passed without one.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<TermEvent>>;
}

/// Events from the real terminal.
#[derive(Debug, Default)]
pub struct TerminalInput;

impl Input for TerminalInput {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<TermEvent>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}

/// Where frames go.
pub trait Screen {
    fn area(&self) -> io::Result<Rect>;
    fn draw(&mut self, app: &App, now: std::time::Instant) -> io::Result<()>;
}

/// The real terminal: every frame is drawn inside a synchronized update, so the big digits
/// change in place without flicker; ratatui only writes the cells that changed.
pub struct TerminalScreen {
    pub terminal: DefaultTerminal,
    pub cache: FrameCache,
}

impl Screen for TerminalScreen {
    fn area(&self) -> io::Result<Rect> {
        let size = self.terminal.size()?;
        Ok(Rect::new(0, 0, size.width, size.height))
    }

    fn draw(&mut self, app: &App, now: std::time::Instant) -> io::Result<()> {
        let cache = &mut self.cache;
        crossterm::queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.terminal.draw(|frame| {
            if let Some(vm) = app.view(now) {
                ui::draw_cached(frame, &vm, cache);
            }
        })?;
        crossterm::execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        Ok(())
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

/// Runs the app until it quits or `stop` is set (by a signal).
pub fn run_loop(
    screen: &mut impl Screen,
    input: &mut impl Input,
    clock: &impl Clock,
    app: &mut App,
    stop: &AtomicBool,
) -> io::Result<LoopStats> {
    let mut stats = LoopStats::default();
    app.start(clock.now());
    let mut needs_draw = true;
    loop {
        let now = clock.now();
        let before = app.revision();
        app.tick(now);
        needs_draw |= app.revision() != before;
        if stop.load(Ordering::Relaxed) {
            app.interrupt(now);
        }
        if app.should_quit() {
            return Ok(stats);
        }
        if needs_draw {
            screen.draw(app, now)?;
            stats.draws += 1;
        }
        let cells = ui::gauge_cells(screen.area()?);
        let timeout = app
            .next_wake(now, cells)
            .map_or(MAX_SLEEP, |at| at.saturating_duration_since(now))
            .min(MAX_SLEEP);
        stats.wakes += 1;
        needs_draw = match input.next(timeout)? {
            Some(event) => {
                // Handle this event and every one already waiting, then draw once.
                let mut dirty = app.handle_event(&event, clock.now());
                while !app.should_quit() {
                    match input.next(Duration::ZERO)? {
                        Some(event) => dirty |= app.handle_event(&event, clock.now()),
                        None => break,
                    }
                }
                dirty
            }
            // A timeout is the moment something on screen changes.
            None => app.next_wake(now, cells).is_some(),
        };
    }
}

/// How long the loop has to finish after a signal before the watchdog ends the process.
pub const WATCHDOG_GRACE: Duration = Duration::from_secs(3);

/// Turns SIGTERM, SIGHUP and SIGINT into a flag the loop reads (it ends the session cleanly,
/// keeping what was done). A watchdog thread makes sure a signal always ends the process:
/// if the loop has not finished `WATCHDOG_GRACE` after a signal (a terminal library stuck on
/// a terminal that went away), it gives the terminal back as well as it can and exits.
/// crossterm's default event source spins forever on a hung-up terminal, which is why
/// supple uses its `use-dev-tty` source, which returns at each timeout.
pub fn watch_signals(loop_done: Arc<AtomicBool>) -> io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("supple-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                flag.store(true, Ordering::SeqCst);
                std::thread::sleep(WATCHDOG_GRACE);
                if !loop_done.load(Ordering::SeqCst) {
                    ratatui::restore();
                    std::process::exit(128 + signal);
                }
            }
        })?;
    Ok(stop)
}

/// In debug builds only, `SUPPLE_DEBUG_PANIC=1` panics after the first frame, so the end-to-end
/// test can check that a panic gives the terminal back before its message is printed.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
fn debug_panic_for_tests(
    screen: &mut TerminalScreen,
    app: &App,
    clock: &impl Clock,
) -> io::Result<()> {
    if std::env::var_os("SUPPLE_DEBUG_PANIC").is_some() {
        screen.draw(app, clock.now())?;
        panic!("deliberate panic (SUPPLE_DEBUG_PANIC)");
    }
    Ok(())
}

#[cfg(not(debug_assertions))]
fn debug_panic_for_tests(_: &mut TerminalScreen, _: &App, _: &impl Clock) -> io::Result<()> {
    Ok(())
}

/// Runs a session full-screen in the real terminal and gives the terminal back clean, also
/// on a panic (ratatui's hook restores it before the message is printed) and on a signal.
pub fn run_in_terminal(app: &mut App, clock: &impl Clock) -> io::Result<LoopStats> {
    let loop_done = Arc::new(AtomicBool::new(false));
    let stop = watch_signals(Arc::clone(&loop_done))?;
    let terminal = ratatui::try_init()?;
    let mut screen = TerminalScreen {
        terminal,
        cache: FrameCache::default(),
    };
    debug_panic_for_tests(&mut screen, app, clock)?;
    let result = run_loop(&mut screen, &mut TerminalInput, clock, app, &stop);
    loop_done.store(true, Ordering::SeqCst);
    ratatui::restore();
    let _ = io::stdout().flush();
    result
}
