//! Snapshot tests of the whole screen on ratatui's TestBackend, for every phase, the pause,
//! the overlays and the summary, at 80x24, 120x40 and 40x12. Snapshots are named by view and
//! size; read them in tests/snapshots/.

mod common;

use std::time::{Duration, Instant};

use common::{builtin_plan, key, silent_app};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supple::app::App;
use supple::session::Phase;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

fn render(app: &App, now: Instant, (w, h): (u16, u16)) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|frame| {
            let vm = app.view(now).expect("view");
            supple::ui::draw(frame, &vm);
        })
        .expect("draw");
    terminal
}

/// The hamstring routine, run without a break until `offset` into the `nth` step of `phase`.
fn at_phase(phase: Phase, nth: usize, offset: Duration) -> (App, Instant) {
    let plan = builtin_plan("hamstring");
    let step = plan
        .steps
        .iter()
        .filter(|s| s.phase == phase)
        .nth(nth)
        .cloned()
        .expect("step of that phase");
    let mut app = silent_app(plan);
    let t0 = Instant::now();
    app.start(t0);
    let now = t0 + step.start + offset;
    app.tick(now);
    (app, now)
}

fn snapshot_all(name: &str, app: &App, now: Instant) {
    for size in SIZES {
        let terminal = render(app, now, size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), terminal.backend());
    }
}

const S3: Duration = Duration::from_secs(3);

#[test]
fn get_ready() {
    let (app, now) = at_phase(Phase::GetReady, 0, S3);
    snapshot_all("get_ready", &app, now);
}

#[test]
fn cardio() {
    let (app, now) = at_phase(Phase::Cardio, 0, Duration::from_secs(25));
    snapshot_all("cardio", &app, now);
}

#[test]
fn dynamic_left() {
    let (app, now) = at_phase(Phase::Dynamic, 2, S3);
    snapshot_all("dynamic_left", &app, now);
}

#[test]
fn hold_left() {
    let (app, now) = at_phase(Phase::Hold, 0, Duration::from_millis(5_400));
    snapshot_all("hold_left", &app, now);
}

#[test]
fn hold_final_seconds() {
    let (app, now) = at_phase(Phase::Hold, 2, Duration::from_millis(17_500));
    snapshot_all("hold_right_final", &app, now);
}

#[test]
fn hold_both() {
    let (app, now) = at_phase(Phase::Hold, 5, S3);
    snapshot_all("hold_both", &app, now);
}

#[test]
fn rest_between_reps() {
    let (app, now) = at_phase(Phase::Rest, 5, S3);
    assert_eq!(app.engine().step().map(|s| s.phase), Some(Phase::Rest));
    snapshot_all("rest", &app, now);
}

#[test]
fn switch_leg() {
    let (app, now) = at_phase(Phase::SwitchLeg, 1, Duration::from_secs(2));
    snapshot_all("switch_leg", &app, now);
}

#[test]
fn paused() {
    let (mut app, now) = at_phase(Phase::Hold, 0, Duration::from_secs(8));
    app.handle_event(&key(KeyCode::Char(' ')), now);
    snapshot_all("paused", &app, now + Duration::from_secs(30));
}

#[test]
fn help_overlay() {
    let (mut app, now) = at_phase(Phase::Hold, 0, Duration::from_secs(8));
    app.handle_event(&key(KeyCode::Char('?')), now);
    snapshot_all("help", &app, now);
}

#[test]
fn confirm_quit() {
    let (mut app, now) = at_phase(Phase::Hold, 1, Duration::from_secs(8));
    app.handle_event(&key(KeyCode::Char('q')), now);
    snapshot_all("confirm_quit", &app, now);
}

#[test]
fn summary_complete() {
    let plan = builtin_plan("hamstring");
    let total = plan.total();
    let mut app = silent_app(plan);
    let t0 = Instant::now();
    app.start(t0);
    app.tick(t0 + total);
    assert!(app.showing_summary());
    snapshot_all("summary_complete", &app, t0 + total);
}

#[test]
fn summary_early() {
    let (mut app, now) = at_phase(Phase::Hold, 3, Duration::from_secs(12));
    app.handle_event(&key(KeyCode::Right), now);
    app.handle_event(&key(KeyCode::Esc), now);
    app.handle_event(&key(KeyCode::Enter), now);
    assert!(app.showing_summary());
    snapshot_all("summary_early", &app, now);
}

#[test]
fn summary_compares_with_last_time() {
    let plan = builtin_plan("hamstring");
    let total = plan.total();
    let last = supple::history::LastTime {
        day: jiff::civil::date(2026, 11, 23),
        held: supple::history::LegSeconds {
            left: 100,
            right: 80,
        },
    };
    let mut app = silent_app(plan).with_last_time(Some(last));
    let t0 = Instant::now();
    app.start(t0);
    app.tick(t0 + total);
    let terminal = render(&app, t0 + total, (80, 24));
    let text = format!("{:?}", terminal.backend());
    assert!(
        text.contains("Last time Mon 23 Nov: L 100 s, R 80 s; today L +60 s, R +80 s"),
        "{text}"
    );
    insta::assert_snapshot!("summary_last_time_80x24", terminal.backend());
}

#[test]
fn too_small_asks_to_enlarge() {
    let (app, now) = at_phase(Phase::Hold, 0, S3);
    let terminal = render(&app, now, (30, 8));
    insta::assert_snapshot!("too_small_30x8", terminal.backend());
}

#[test]
fn no_color_keeps_the_meaning_in_text() {
    let (app, now) = at_phase(Phase::Hold, 0, S3);
    let plan = app.engine().plan().clone();
    let mut mono =
        supple::app::App::new(plan, Box::new(supple::audio::Silent { reason: "x" }), false);
    let t0 = now - (app.engine().step().expect("step").start + S3);
    mono.start(t0);
    mono.tick(now);
    let terminal = render(&mono, now, (80, 24));
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    let text = terminal.backend().to_string();
    assert!(text.contains("HOLD") && text.contains("LEFT LEG"));
}
