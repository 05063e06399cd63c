//! The whole loop on TestBackend with scripted keys and a hand-moved clock: it reaches the
//! summary, keys show at once, it sleeps until something on screen must change, and it hands
//! the app's cues to the player at their instants and the player's state to the footer.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::common::{ScriptedInput, builtin_plan, ctrl, key, plan_from, silent, silent_app};
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use supple::app::App;
use supple::audio::{Cue, Player, Recording, SoundStatus};
use supple::runtime::{MAX_SLEEP, Screen, run_loop, run_loop_with};
use supple::session::{Clock, ManualClock, Status};
use supple::tui::TestScreen;

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
    fn shows_motion(&self) -> bool {
        self.screen.shows_motion()
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
    player: &mut dyn Player,
) -> supple::runtime::LoopStats {
    run_loop(screen, input, clock, app, player, &AtomicBool::new(false)).expect("loop")
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
    let stats = run_unstopped(&mut screen, &mut input, &clock, &mut app, &mut silent());
    assert!(app.should_quit());
    assert_eq!(app.engine().status(), Status::Finished { early: false });
    assert_eq!(
        app.engine().finished_at(),
        Some(t0 + total),
        "ended at exactly the planned instant"
    );
    let (_, last) = screen.frames.last().expect("frames");
    assert!(last.contains("Session complete"), "{last}");
    assert!(last.contains("60 of 60 s"), "{last}");
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
    run_unstopped(&mut screen, &mut input, &clock, &mut app, &mut silent());
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
    run_unstopped(&mut screen, &mut input, &clock, &mut app, &mut silent());
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
    run_loop(
        &mut screen,
        &mut input,
        &clock,
        &mut app,
        &mut silent(),
        &stop,
    )
    .expect("loop");
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
        &mut silent(),
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

/// A player that notes when, on the hand-moved clock, each cue reaches it.
struct Timed<'a> {
    clock: &'a ManualClock,
    t0: Instant,
    heard: Vec<(u64, Cue)>,
    told: Vec<Option<Duration>>,
}

impl Player for Timed<'_> {
    fn play(&mut self, cue: Cue) {
        let ms = self.clock.now().duration_since(self.t0).as_millis();
        self.heard.push((u64::try_from(ms).expect("ms"), cue));
    }
    fn expect(&mut self, next_cue: Option<Duration>) {
        self.told.push(next_cue);
    }
    fn status(&self) -> SoundStatus {
        SoundStatus::On { volume: 80 }
    }
}

/// The cues the app asks for reach the player from the loop, each at its instant, and the
/// player is told when the next is due.
#[test]
fn the_loop_plays_each_cue_at_its_instant() {
    let clock = ManualClock::new();
    let plan = plan_from(crate::audio::ROUTINE);
    let mut app = silent_app(plan);
    let mut input = ScriptedInput::new(
        &clock,
        vec![(Duration::from_secs(20), key(KeyCode::Char('x')))],
    );
    let mut screen = Recorder::new(80, 24);
    let mut player = Timed {
        clock: &clock,
        t0: clock.now(),
        heard: Vec::new(),
        told: Vec::new(),
    };
    run_unstopped(&mut screen, &mut input, &clock, &mut app, &mut player);
    assert_eq!(player.heard, crate::audio::CUES_AT);
    assert!(player.told.len() > 1, "{:?}", player.told);
    assert_eq!(player.told.last(), Some(&None), "none after the end");
}

/// The volume keys reach the player, and what it then reports is in the very frame that
/// follows the key.
#[test]
fn volume_keys_reach_the_player_and_the_footer_shows_its_answer() {
    let clock = ManualClock::new();
    let mut app = silent_app(builtin_plan("quick"));
    let script = vec![
        (Duration::from_secs(1), key(KeyCode::Char('-'))),
        (Duration::from_secs(1), key(KeyCode::Char('-'))),
        (Duration::from_secs(1), key(KeyCode::Char('+'))),
        (Duration::from_secs(1), ctrl('c')),
    ];
    let mut input = ScriptedInput::new(&clock, script);
    let mut screen = Recorder::new(80, 24);
    let recording = Recording::default();
    run_unstopped(
        &mut screen,
        &mut input,
        &clock,
        &mut app,
        &mut recording.clone(),
    );
    let t0 = screen.frames[0].0;
    let footer_at = |s: u64| {
        let at = t0 + Duration::from_secs(s);
        let (_, frame) = screen
            .frames
            .iter()
            .find(|(t, _)| *t == at)
            .expect("a frame at the instant of the key");
        frame.lines().last().unwrap_or_default().to_string()
    };
    assert!(screen.frames[0].1.contains("beeps 100%"));
    for (s, shown) in [(1, "beeps 90%"), (2, "beeps 80%"), (3, "beeps 90%")] {
        let footer = footer_at(s);
        assert!(footer.contains(shown), "{s} s: {footer}");
    }
    assert_eq!(
        recording.played(),
        [Cue::GetReady],
        "no cue for a volume key"
    );
}

/// A player that is still opening its device until `ready`, on the hand-moved clock.
struct OpensAt<'a> {
    clock: &'a ManualClock,
    ready: Instant,
}

impl Player for OpensAt<'_> {
    fn play(&mut self, _cue: Cue) {}
    fn status(&self) -> SoundStatus {
        if self.clock.now() >= self.ready {
            SoundStatus::On { volume: 80 }
        } else {
            SoundStatus::Starting
        }
    }
}

/// The footer follows the player's state: a device that finishes opening shows within a
/// second, even while paused, when nothing else asks for a frame.
#[test]
fn the_footer_shows_the_device_opening_even_while_paused() {
    let clock = ManualClock::new();
    let t0 = clock.now();
    let mut app = silent_app(builtin_plan("quick"));
    let script = vec![
        (Duration::from_secs(1), key(KeyCode::Char(' '))),
        (Duration::from_secs(5), ctrl('c')),
    ];
    let mut input = ScriptedInput::new(&clock, script);
    let mut screen = Recorder::new(80, 24);
    let ready = t0 + Duration::from_millis(2_500);
    let mut player = OpensAt {
        clock: &clock,
        ready,
    };
    run_unstopped(&mut screen, &mut input, &clock, &mut app, &mut player);
    let (first_at, first) = &screen.frames[0];
    assert_eq!(*first_at, t0);
    assert!(first.contains("sound starting"), "{first}");
    let (opened_at, opened) = screen
        .frames
        .iter()
        .find(|(_, frame)| frame.contains("beeps 80%"))
        .expect("a frame with the device open");
    assert!(
        *opened_at >= ready && *opened_at <= ready + MAX_SLEEP,
        "shown {:?} after it opened",
        opened_at.duration_since(ready)
    );
    assert!(opened.contains("PAUSED"), "{opened}");
}

/// A move's figure goes through its key frames a few times a second while the screen shows it
/// (120x40: beside the cues during the exercise), and the loop wakes for it only then: at
/// 80x24 the figure is not on screen during the move, and the loop wakes once a second.
#[test]
fn a_moving_figure_wakes_the_loop_only_while_on_screen() {
    let run = |(w, h): (u16, u16)| {
        let clock = ManualClock::new();
        let plan = plan_from(
            r#"{ "name": "move", "title": "A move", "defaults": { "lead_in_seconds": 0 },
                "steps": [ { "exercise": "leg-lunges", "seconds": 10 } ] }"#,
        );
        let mut app = silent_app(plan);
        let mut input = ScriptedInput::new(
            &clock,
            vec![(Duration::from_secs(12), key(KeyCode::Char('x')))],
        );
        let mut screen = Recorder::new(w, h);
        let stats = run_unstopped(&mut screen, &mut input, &clock, &mut app, &mut silent());
        (stats, screen.frames)
    };
    let (shown, frames) = run((120, 40));
    // 2.5 key frames a second and the seconds: about 35 wakes in 10 s, never 60 a second.
    assert!(
        (25..=45).contains(&shown.wakes),
        "{} wakes with the figure on screen",
        shown.wakes
    );
    let distinct: std::collections::HashSet<String> = frames
        .iter()
        .map(|(_, text)| {
            text.lines()
                .map(|l| {
                    l.chars()
                        .filter(|c| ('\u{2801}'..='\u{28FF}').contains(c))
                        .collect::<String>()
                })
                .collect::<String>()
        })
        .collect();
    assert!(distinct.len() >= 3, "{} different figures", distinct.len());
    let (hidden, _) = run((80, 24));
    assert!(
        hidden.wakes <= 14,
        "{} wakes with no figure on screen",
        hidden.wakes
    );
}
