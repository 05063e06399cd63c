//! The terminal: raw mode and the alternate screen, input read with poll(2), frames drawn in
//! synchronized updates; the session, the still screens (history, the safety note) and the
//! guided test in it. The loop itself is [`crate::runtime`]'s.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as TermEvent, KeyEvent};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen};
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Terminal, TerminalOptions, Viewport};

use crate::app::App;
use crate::audio::Player;
use crate::keys::{self, Command, Mode};
use crate::runtime::event_loop::ceil_millis;
use crate::runtime::{
    Input, LastWords, LoopStats, MAX_SLEEP, Screen, run_loop_with, watch_signals,
};
use crate::session::Clock;
use crate::ui::{self, FrameCache};

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
            let note = ui::safety::SafetyNote::new(color, ascii, crate::safety::Before::Session);
            if !read_note(screen, input, stop, note)? {
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

/// Shows the safety note page by page until its last page is passed with a key: true then;
/// false when the person left instead (q, Esc, Ctrl-C), the terminal closed or a signal came.
fn read_note(
    screen: &mut TerminalScreen,
    input: &mut impl Input,
    stop: &AtomicBool,
    mut note: ui::safety::SafetyNote,
) -> io::Result<bool> {
    loop {
        // The pages at the size the note is drawn at, so a resize is taken into account.
        let mut pages = 1;
        let key = wait_for_key(screen, input, stop, |frame| {
            pages = note.pages(frame.area());
            note.page = note.page.min(pages - 1);
            frame.render_widget(note, frame.area());
        })?;
        let command = key.and_then(|key| keys::command_for(Mode::Note, &key));
        match command {
            Some(Command::GoOn) if note.page + 1 < pages => note.page += 1,
            Some(Command::GoOn) => return Ok(true),
            _ => return Ok(false),
        }
    }
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
            Ok(Some(TermEvent::Key(key))) if keys::command_for(Mode::Still, &key).is_some() => {
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

/// Runs the guided flexibility test full screen until the person leaves (a result is taken
/// at `now`, when the test began); `save` keeps a finished result and says where it went and what is kept now (or why it was not saved).
pub fn run_flex_test(
    guide: &mut crate::flextest::guide::Guide,
    now: &jiff::ZonedDateTime,
    save: impl FnMut(
        &crate::history::TestResult,
    ) -> Result<
        (String, Vec<crate::history::TestResult>),
        crate::flextest::guide::Unsaved,
    >,
) -> io::Result<()> {
    in_full_screen(None, |screen, input, stop| {
        flex_test_loop(&mut screen.terminal, input, stop, guide, now, save)
    })
}

/// The guided test's loop, over any backend (the terminal's, or a test's): draw, wait for a
/// key, hand it to the guide, save when it asks. No clock: nothing on this screen moves by
/// itself.
pub fn flex_test_loop<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    input: &mut impl Input,
    stop: &AtomicBool,
    guide: &mut crate::flextest::guide::Guide,
    now: &jiff::ZonedDateTime,
    mut save: impl FnMut(
        &crate::history::TestResult,
    ) -> Result<
        (String, Vec<crate::history::TestResult>),
        crate::flextest::guide::Unsaved,
    >,
) -> io::Result<()>
where
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    use crate::flextest::guide::{Guide, Step};
    key_loop(
        terminal,
        input,
        stop,
        guide,
        Guide::should_quit,
        |frame, guide| {
            // The note's and the how-to's pages at this size, so that a key knows whether
            // there is more.
            guide.set_note_pages(ui::flextest::note_pages(guide, frame.area()));
            guide.set_how_to_pages(ui::flextest::how_to_pages(guide, frame.area()));
            frame.render_widget(ui::flextest::GuideScreen(guide), frame.area());
        },
        |guide, key| {
            if let Step::Save(result) = guide.handle_key(key, now) {
                let outcome = save(&result);
                guide.saved(result, outcome);
            }
        },
    )
}

/// Runs the routine builder full screen until the person leaves; `save` writes what it asks
/// to save and says what came of it.
pub fn run_builder(
    builder: &mut crate::builder::Builder,
    save: impl FnMut(&str, &str, bool) -> crate::builder::Saved,
) -> io::Result<()> {
    in_full_screen(None, |screen, input, stop| {
        builder_loop(&mut screen.terminal, input, stop, builder, save)
    })
}

/// The builder's loop, over any backend (the terminal's, or a test's): draw, wait for a key,
/// hand it to the builder, save when it asks. No clock: nothing on this screen moves by itself.
pub fn builder_loop<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    input: &mut impl Input,
    stop: &AtomicBool,
    builder: &mut crate::builder::Builder,
    mut save: impl FnMut(&str, &str, bool) -> crate::builder::Saved,
) -> io::Result<()>
where
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    use crate::builder::{Builder, Step};
    key_loop(
        terminal,
        input,
        stop,
        builder,
        Builder::should_quit,
        |frame, builder| {
            let area = frame.area();
            // What the builder must know of the screen: whether it fits, and how much of the
            // plan shows at once.
            builder.set_fits(ui::builder::fits(area));
            let plan = ui::builder::plan_area(builder, area);
            builder.set_plan_view(usize::from(plan.height), usize::from(plan.width));
            frame.render_widget(ui::builder::BuilderScreen(builder), area);
        },
        |builder, key| {
            if let Step::Save {
                name,
                text,
                replace,
            } = builder.handle_key(key)
            {
                let outcome = save(&name, &text, replace);
                builder.saved(outcome);
            }
        },
    )
}

/// The loop of a screen that moves only with keys (the guided test, the builder), over any
/// backend: draw, wait for a key, hand it to `on_key`, draw again; a resize redraws. It ends
/// when `done` says so, on a stop signal, or when the input is gone.
fn key_loop<B: ratatui::backend::Backend, S>(
    terminal: &mut Terminal<B>,
    input: &mut impl Input,
    stop: &AtomicBool,
    state: &mut S,
    done: impl Fn(&S) -> bool,
    mut draw: impl FnMut(&mut ratatui::Frame, &mut S),
    mut on_key: impl FnMut(&mut S, KeyEvent),
) -> io::Result<()>
where
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut redraw = |terminal: &mut Terminal<B>, state: &mut S| {
        terminal
            .draw(|frame| draw(frame, state))
            .map(|_| ())
            .map_err(io::Error::other)
    };
    redraw(terminal, state)?;
    while !stop.load(Ordering::SeqCst) && !done(state) {
        let event = match input.next(MAX_SLEEP) {
            Ok(Some(event)) => event,
            Ok(None) => continue,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(e),
        };
        match event {
            TermEvent::Key(key) => on_key(state, key),
            TermEvent::Resize(width, height) => {
                terminal
                    .resize(Rect::new(0, 0, width, height))
                    .map_err(io::Error::other)?;
            }
            _ => continue,
        }
        if !done(state) {
            redraw(terminal, state)?;
        }
    }
    Ok(())
}
