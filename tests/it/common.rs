//! What the tests share: the one way to start the real binary (`supple`), plans and apps
//! on a hand-moved clock, drawn screens, and scripted keys.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

use crossterm::event::{
    Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use supple::app::{App, Effect};
use supple::audio::{Cue, Player, Silent};
use supple::content::{Library, builtin_routines, parse_routine};
use supple::runtime::Input;
use supple::session::{Clock, ManualClock, Plan};

/// The real binary, as a `std` command, in a home of its own: a clean environment (only
/// `PATH`), `HOME` and every XDG folder (config, data, state, runtime) and the temporary
/// folder under `home`, and a UTF-8 locale. No test reads or writes the person's own files,
/// and nothing of the environment (TERM, NO_COLOR, TMUX, SUPPLE_*) reaches it unless the test
/// sets it.
pub fn supple_std(home: &std::path::Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_supple"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_RUNTIME_DIR", home.join("run"))
        .env("TMPDIR", home.join("tmp"))
        .env("LANG", "C.UTF-8");
    cmd
}

/// [`supple_std`] as an `assert_cmd` command, which a test can assert on, that is stopped
/// after 30 s (a test must fail, not hang).
pub fn supple(home: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::from_std(supple_std(home));
    cmd.timeout(Duration::from_secs(30));
    cmd
}

/// Whether a test must go without `what` (a program, a kernel feature) here: on a developer's
/// machine it says "skipped" and the test returns; under `CI=true`, which `.ci/run` sets, a
/// missing tool fails the test instead, so nothing passes in CI by not running.
pub fn goes_without(what: &str, why: &str) -> bool {
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} is needed here and CI must provide it: {why}"
    );
    eprintln!("skipped: {what}: {why}");
    true
}

/// Whether `program` runs here (answers `--version`).
pub fn installed(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn builtin_plan(name: &str) -> Plan {
    let library = Library::builtin().expect("library");
    let loaded = builtin_routines(&library)
        .expect("routines")
        .into_iter()
        .find(|r| r.routine.name == name)
        .expect("routine");
    Plan::build(&loaded.routine, &library).expect("plan")
}

/// The screen drawn at `now` on a terminal of `width` x `height`.
pub fn drawn(app: &App, now: Instant, width: u16, height: u16) -> TestBackend {
    let mut terminal = ratatui::Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| {
            let vm = app.view(now).expect("view");
            supple::ui::draw(frame, &vm);
        })
        .expect("draw");
    terminal.backend().clone()
}

/// The words the screen shows within `rect` (rows joined with a space, runs of spaces as one),
/// so that a sentence wrapped over several rows reads whole.
pub fn words_in(app: &App, now: Instant, (width, height): (u16, u16), rect: Rect) -> String {
    let backend = drawn(app, now, width, height);
    let buffer = backend.buffer();
    let rows: Vec<String> = (rect.top()..rect.bottom())
        .map(|y| {
            (rect.left()..rect.right())
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect();
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of the cues panel (during a pause: of the middle band that holds PAUSED).
pub fn cue_words(app: &App, now: Instant, (width, height): (u16, u16)) -> String {
    let vm = app.view(now).expect("view");
    let areas = supple::ui::areas_for(Rect::new(0, 0, width, height), &vm).expect("layout");
    let rect = areas.paused().filter(|_| vm.paused).unwrap_or(areas.cues);
    words_in(app, now, (width, height), rect)
}

/// Drives the app in 10 ms steps (`at` acts at each, as keys do) and returns every effect it
/// asked for, with its moment in ms from the start.
pub fn drive(
    app: &mut App,
    t0: Instant,
    until_ms: u64,
    mut at: impl FnMut(&mut App, u64) -> Vec<supple::app::Effect>,
) -> Vec<(u64, supple::app::Effect)> {
    let mut effects = Vec::new();
    for ms in (0..=until_ms).step_by(10) {
        let now = t0 + Duration::from_millis(ms);
        if ms == 0 {
            effects.extend(app.start(now).into_iter().map(|e| (ms, e)));
        }
        effects.extend(at(app, ms).into_iter().map(|e| (ms, e)));
        effects.extend(app.tick(now).into_iter().map(|e| (ms, e)));
    }
    effects
}

pub fn plan_from(text: &str) -> Plan {
    let library = Library::builtin().expect("library");
    let routine = parse_routine("test", text, library.exercises()).expect("routine");
    Plan::build(&routine, &library).expect("plan")
}

/// The player of a session on a machine without sound.
pub fn silent() -> Silent {
    Silent {
        reason: "no audio device",
    }
}

/// An app whose footer says what `silent()` says, as the loop would have told it.
pub fn silent_app(plan: Plan) -> App {
    let mut app = App::new(plan, true);
    app.set_sound(silent().status());
    app
}

/// The cues among `effects`, in order.
pub fn cues(effects: &[Effect]) -> Vec<Cue> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Play(cue) => Some(*cue),
            _ => None,
        })
        .collect()
}

/// What `effects` foretell, in order: each `Expect`.
pub fn foretold(effects: &[Effect]) -> Vec<Option<Duration>> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Expect(next_cue) => Some(*next_cue),
            _ => None,
        })
        .collect()
}

/// Applies `event` as the loop does; whether the screen must be redrawn (the loop's test: the
/// revision changed).
pub fn redraws(app: &mut App, event: &TermEvent, now: Instant) -> bool {
    let before = app.revision();
    let _ = app.handle_event(event, now);
    app.revision() != before
}

pub fn key(code: KeyCode) -> TermEvent {
    TermEvent::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> TermEvent {
    TermEvent::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn release(code: KeyCode) -> TermEvent {
    TermEvent::Key(KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    })
}

/// Terminal input on a hand-moved clock: each event comes after its delay; a wait that ends
/// before the next event moves the clock by the whole timeout. Records every wait.
pub struct ScriptedInput<'a> {
    pub clock: &'a ManualClock,
    pub script: VecDeque<(Duration, TermEvent)>,
    pub waits: Vec<Duration>,
    /// Once the script is empty: `None` ends the test after this much time with Ctrl-C.
    pub give_up_after: Duration,
    pub started: Instant,
}

impl<'a> ScriptedInput<'a> {
    pub fn new(clock: &'a ManualClock, script: Vec<(Duration, TermEvent)>) -> Self {
        ScriptedInput {
            clock,
            script: script.into(),
            waits: Vec::new(),
            give_up_after: Duration::from_secs(4 * 3600),
            started: clock.now(),
        }
    }
}

impl Input for ScriptedInput<'_> {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<TermEvent>> {
        if timeout > Duration::ZERO {
            self.waits.push(timeout);
        }
        if self.clock.now().duration_since(self.started) > self.give_up_after {
            return Ok(Some(ctrl('c')));
        }
        match self.script.front_mut() {
            Some((delay, _)) if *delay <= timeout => {
                self.clock.advance(*delay);
                Ok(self.script.pop_front().map(|(_, e)| e))
            }
            Some((delay, _)) => {
                *delay -= timeout;
                self.clock.advance(timeout);
                Ok(None)
            }
            None => {
                self.clock.advance(timeout);
                Ok(None)
            }
        }
    }
}

/// The sounding runs of a signal: start and end index of each stretch louder than
/// `threshold`, split by at least 10 ms of silence at 48 kHz (a sine crosses zero for one
/// sample only).
pub fn sounding_runs(samples: &[f32], threshold: f32) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let (mut start, mut quiet) = (None, 0usize);
    for (i, s) in samples.iter().enumerate() {
        if s.abs() > threshold {
            start.get_or_insert(i);
            quiet = 0;
        } else {
            quiet += 1;
            if quiet > 480
                && let Some(s0) = start.take()
            {
                runs.push((s0, i - quiet));
            }
        }
    }
    if let Some(s0) = start {
        runs.push((s0, samples.len()));
    }
    runs
}

/// The frequency of a tone from its zero crossings.
pub fn pitch(samples: &[f32], rate: u32) -> f32 {
    let crossings = samples
        .windows(2)
        .filter(|w| (w[0] < 0.0) != (w[1] < 0.0))
        .count();
    crossings as f32 / 2.0 / (samples.len() as f32 / rate as f32)
}

/// A completed session of the hamstring routine started at `started`: `left` and `right`
/// seconds of seated-stretch holds (3 of 3 each), 700 s planned and taken.
pub fn held_session(
    started: jiff::ZonedDateTime,
    left: u64,
    right: u64,
) -> supple::history::SessionRecord {
    use supple::history::ExerciseRecord;
    let row = |side, held_seconds| ExerciseRecord {
        exercise: "seated-stretch".into(),
        name: "Seated hamstring stretch".into(),
        kind: supple::content::Kind::Hold,
        side,
        planned: 3,
        done: 3,
        skipped: 0,
        held_seconds,
    };
    supple::history::SessionRecord {
        started,
        routine: "hamstring".into(),
        title: "Hamstring".into(),
        planned_seconds: 700,
        elapsed_seconds: 700,
        completed: true,
        exercises: vec![
            row(supple::session::Side::Left, left),
            row(supple::session::Side::Right, right),
        ],
    }
}

/// The rows of `text` in big letters `rows` tall, as `supple::ui::bigtext` draws them.
pub fn big_picture(text: &str, rows: u16, ascii: bool) -> Vec<Vec<String>> {
    use supple::ui::bigtext;
    let width = bigtext::width(text, rows);
    let area = Rect::new(0, 0, width, rows);
    let mut buffer = ratatui::buffer::Buffer::empty(area);
    let style = ratatui::style::Style::new();
    bigtext::render(
        text,
        rows,
        area,
        bigtext::Align::Left,
        style,
        ascii,
        &mut buffer,
    );
    (0..rows)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

/// Where `text` stands on `buffer` in big letters (as `supple::ui::bigtext` draws them, from
/// 3 rows tall up): the tallest found, as its column, row and height.
pub fn find_big(buffer: &ratatui::buffer::Buffer, text: &str, ascii: bool) -> Option<Rect> {
    find_big_in(buffer, buffer.area, text, ascii)
}

/// [`find_big`] within `area` of `buffer`.
pub fn find_big_in(
    buffer: &ratatui::buffer::Buffer,
    area: Rect,
    text: &str,
    ascii: bool,
) -> Option<Rect> {
    (3..=area.height.min(32)).rev().find_map(|rows| {
        let picture = big_picture(text, rows, ascii);
        let width = u16::try_from(picture.first()?.len()).ok()?;
        if width > area.width {
            return None;
        }
        (area.top()..=area.bottom() - rows).find_map(|y| {
            (area.left()..=area.right() - width).find_map(|x| {
                let same = picture.iter().enumerate().all(|(dy, row)| {
                    row.iter().enumerate().all(|(dx, symbol)| {
                        let (dx, dy) = (dx as u16, dy as u16);
                        buffer[(x + dx, y + dy)].symbol() == symbol
                    })
                });
                same.then_some(Rect::new(x, y, width, rows))
            })
        })
    })
}
