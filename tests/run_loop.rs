//! The whole loop on TestBackend with scripted keys and a hand-moved clock: it reaches the
//! summary, keys show at once, and it sleeps until something on screen must change.

mod common;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use common::{ScriptedInput, builtin_plan, key, plan_from, silent_app};
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use supple::app::App;
use supple::session::{Clock, ManualClock, Status};
use supple::tui::{MAX_SLEEP, Screen, TestScreen, run_loop, run_loop_with};

/// A TestBackend screen that keeps the text of every frame with its instant, and checks that
/// each frame drawn with the panel cache equals the same frame drawn from scratch.
struct Recorder {
    screen: TestScreen,
    frames: Vec<(Instant, String)>,
}

impl Recorder {
    fn new(w: u16, h: u16) -> Self {
        Recorder {
            screen: TestScreen::new(w, h),
            frames: Vec::new(),
        }
    }
}

impl Screen for Recorder {
    fn area(&self) -> std::io::Result<Rect> {
        self.screen.area()
    }
    fn resize(&mut self, area: Rect) -> std::io::Result<()> {
        self.screen.resize(area)
    }
    fn draw(&mut self, app: &App, now: Instant) -> std::io::Result<()> {
        self.screen.draw(app, now)?;
        let area = self.screen.area()?;
        let mut fresh = Buffer::empty(area);
        if let Some(vm) = app.view(now) {
            supple::ui::render(&vm, area, &mut fresh);
        }
        assert_eq!(
            self.screen.terminal.backend().buffer(),
            &fresh,
            "cached frame differs from a fresh one"
        );
        self.frames
            .push((now, self.screen.terminal.backend().to_string()));
        Ok(())
    }
}

/// The loop with no signal to stop it: it ends when the app quits.
fn run_unstopped(
    screen: &mut Recorder,
    input: &mut ScriptedInput,
    clock: &ManualClock,
    app: &mut App,
) -> supple::tui::LoopStats {
    run_loop(screen, input, clock, app, &AtomicBool::new(false)).expect("loop")
}

#[test]
fn a_whole_session_runs_to_the_summary_and_a_key_closes_it() {
    let clock = ManualClock::new();
    let t0 = clock.now();
    let mut app = silent_app(builtin_plan("quick"));
    let total = app.engine().plan().total();
    let mut input = ScriptedInput::new(
        &clock,
        vec![(total + Duration::from_secs(5), key(KeyCode::Char('x')))],
    );
    let mut screen = Recorder::new(80, 24);
    let stats = run_unstopped(&mut screen, &mut input, &clock, &mut app);
    assert!(app.should_quit());
    assert_eq!(app.engine().status(), Status::Finished { early: false });
    assert_eq!(
        app.engine().finished_at(),
        Some(t0 + total),
        "ended at exactly the planned instant"
    );
    let (_, last) = screen.frames.last().expect("frames");
    assert!(last.contains("Session complete"), "{last}");
    assert!(last.contains("60 s held"), "{last}");
    // Efficiency: it wakes only when the screen changes. 80 columns of gauge over 20 s holds
    // is 4 cells a second, plus the seconds: far under a 60 fps loop's 60 a second.
    let per_second = stats.wakes as f64 / total.as_secs_f64();
    assert!(
        per_second < 7.0,
        "{} wakes in {} s",
        stats.wakes,
        total.as_secs()
    );
    assert!(stats.draws <= stats.wakes + 1);
}

#[test]
fn a_key_shows_in_the_very_next_frame() {
    let clock = ManualClock::new();
    let mut app = silent_app(builtin_plan("quick"));
    let script = vec![
        (Duration::from_millis(2_345), key(KeyCode::Char(' '))),
        (Duration::from_secs(3), key(KeyCode::Char('q'))),
        (Duration::from_secs(1), key(KeyCode::Char('y'))),
        (Duration::from_secs(1), key(KeyCode::Char('x'))),
    ];
    let mut input = ScriptedInput::new(&clock, script);
    let mut screen = Recorder::new(80, 24);
    run_unstopped(&mut screen, &mut input, &clock, &mut app);
    let pressed = screen.frames[0].0 + Duration::from_millis(2_345);
    let first_after = screen
        .frames
        .iter()
        .find(|(at, _)| *at >= pressed)
        .expect("a frame after the key");
    assert_eq!(first_after.0, pressed, "drawn at the instant of the key");
    assert!(first_after.1.contains("PAUSED"));
    // While paused, nothing is drawn but what a key asks for.
    let paused_frames = screen
        .frames
        .iter()
        .filter(|(at, _)| *at > pressed && *at < pressed + Duration::from_secs(3))
        .count();
    assert_eq!(paused_frames, 0);
    assert!(input.waits.iter().all(|w| *w <= MAX_SLEEP));
}

#[test]
fn the_countdown_is_drawn_at_each_whole_second() {
    let clock = ManualClock::new();
    let plan = plan_from(
        r#"{ "name": "one", "title": "One hold", "defaults": { "lead_in_seconds": 0 },
            "steps": [ { "exercise": "seated-stretch", "seconds": 5 } ] }"#,
    );
    let mut app = silent_app(plan);
    let mut input = ScriptedInput::new(
        &clock,
        vec![(Duration::from_secs(6), key(KeyCode::Char('x')))],
    );
    let mut screen = Recorder::new(40, 12);
    run_unstopped(&mut screen, &mut input, &clock, &mut app);
    let t0 = screen.frames[0].0;
    for s in 1..5u64 {
        let at = t0 + Duration::from_secs(s);
        assert!(
            screen.frames.iter().any(|(t, _)| *t == at),
            "a frame at {s} s"
        );
    }
}

#[test]
fn a_signal_ends_the_session_and_keeps_what_was_done() {
    let clock = ManualClock::new();
    let mut app = silent_app(builtin_plan("quick"));
    let stop = AtomicBool::new(true);
    let mut input = ScriptedInput::new(&clock, vec![]);
    let mut screen = Recorder::new(80, 24);
    run_loop(&mut screen, &mut input, &clock, &mut app, &stop).expect("loop");
    assert!(app.should_quit());
    assert_eq!(app.engine().status(), Status::Finished { early: true });
}

/// What the watchdog keeps if the loop gets stuck is the session as the loop last handed it
/// over: at each change (a step, a key) as it happens, never for the clock alone.
#[test]
fn the_loop_hands_over_each_change_and_not_each_frame() {
    let clock = ManualClock::new();
    let mut app = silent_app(builtin_plan("quick"));
    let steps = app.engine().plan().steps.len();
    let total = app.engine().plan().total();
    let paused_after = Duration::from_millis(2_345);
    let script = vec![
        (paused_after, key(KeyCode::Char(' '))),
        (Duration::from_secs(3), key(KeyCode::Char(' '))),
        (total + Duration::from_secs(5), key(KeyCode::Char('x'))),
    ];
    let mut input = ScriptedInput::new(&clock, script);
    let mut screen = Recorder::new(80, 24);
    let mut seen = Vec::new();
    let stats = run_loop_with(
        &mut screen,
        &mut input,
        &clock,
        &mut app,
        &AtomicBool::new(false),
        |app| {
            let engine = app.engine();
            seen.push((app.revision(), clock.now(), engine.status(), engine.index()));
        },
    )
    .expect("loop");
    let repeated = seen.windows(2).find(|pair| pair[0].0 == pair[1].0);
    assert!(
        repeated.is_none(),
        "handed over with nothing changed: {repeated:?}"
    );
    assert!(
        seen.len() * 2 < screen.frames.len(),
        "{} hand-overs for {} frames",
        seen.len(),
        screen.frames.len()
    );
    let (_, t0, _, _) = *seen.first().expect("the start was handed over");
    let paused = seen
        .iter()
        .find(|(_, _, status, _)| *status == Status::Paused)
        .expect("the pause was handed over");
    assert_eq!(paused.1, t0 + paused_after, "at the instant of the key");
    for step in 0..steps {
        assert!(
            seen.iter().any(|(_, _, _, index)| *index == step),
            "step {step} was never handed over"
        );
    }
    assert_eq!(
        seen.last().map(|(_, _, status, _)| *status),
        Some(Status::Finished { early: false })
    );
    assert!(stats.wakes > 0);
}
