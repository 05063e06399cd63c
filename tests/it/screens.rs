//! Snapshot tests of the whole screen on ratatui's TestBackend, for every phase, the pause,
//! the overlays and the summary, at 80x24, 120x40 and 40x12. Snapshots are named by view and
//! size; read them in tests/it/snapshots/.

use std::time::{Duration, Instant};

use crate::common::{builtin_plan, key, silent_app};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supple::app::App;
use supple::history::LegSeconds;
use supple::history::dose::WeekSoFar;
use supple::session::{Phase, Side};

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
    at_phase_of(phase, nth, offset, |app| app)
}

/// [`at_phase`] with the app made by `made` (in plain ASCII, say).
fn at_phase_of(
    phase: Phase,
    nth: usize,
    offset: Duration,
    made: impl FnOnce(App) -> App,
) -> (App, Instant) {
    let plan = builtin_plan("hamstring");
    let step = plan
        .steps
        .iter()
        .filter(|s| s.phase == phase)
        .nth(nth)
        .cloned()
        .expect("step of that phase");
    let mut app = made(silent_app(plan));
    let t0 = Instant::now();
    app.start(t0);
    let now = t0 + step.start + offset;
    app.tick(now);
    (app, now)
}

/// The views read from the mat are also checked on a maximised window.
const MAT_SIZES: [(u16, u16); 4] = [(80, 24), (120, 40), (40, 12), (200, 60)];

fn snapshot_mat(name: &str, app: &App, now: Instant) {
    for size in MAT_SIZES {
        let terminal = render(app, now, size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), terminal.backend());
    }
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
    snapshot_mat("hold_left", &app, now);
}

#[test]
fn hold_final_seconds() {
    let (app, now) = at_phase(Phase::Hold, 2, Duration::from_millis(17_500));
    snapshot_mat("hold_right_final", &app, now);
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
    snapshot_mat("switch_leg", &app, now);
}

#[test]
fn paused() {
    let (mut app, now) = at_phase(Phase::Hold, 0, Duration::from_secs(8));
    app.handle_event(&key(KeyCode::Char(' ')), now);
    snapshot_mat("paused", &app, now + Duration::from_secs(30));
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
    snapshot_mat("summary_complete", &app, t0 + total);
}

#[test]
fn summary_early() {
    let (mut app, now) = at_phase(Phase::Hold, 3, Duration::from_secs(12));
    app.handle_event(&key(KeyCode::Right), now);
    app.handle_event(&key(KeyCode::Esc), now);
    app.handle_event(&key(KeyCode::Enter), now);
    assert!(app.showing_summary());
    snapshot_mat("summary_early", &app, now);
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
        text.contains("Last time, Mon 23 Nov: 100 s left, 80 s right. Today: 60 s more on"),
        "{text}"
    );
    insta::assert_snapshot!("summary_last_time_80x24", terminal.backend());
}

/// The week before today: seconds per leg (left, right) counted toward the dose, and held.
fn week_before(counted: (u64, u64), held: (u64, u64)) -> WeekSoFar {
    let legs = |(left, right)| LegSeconds { left, right };
    WeekSoFar {
        counted_before_today: legs(counted),
        today: LegSeconds::default(),
        held: legs(held),
    }
}

/// `plan` run to its end with `before` as the week so far; the app and its start.
fn finished_with_week(plan: supple::session::Plan, before: WeekSoFar) -> (App, Instant) {
    let total = plan.total();
    let mut app = silent_app(plan).with_week(Some(before));
    let t0 = Instant::now();
    app.start(t0);
    app.tick(t0 + total);
    (app, t0)
}

#[test]
fn summary_says_this_week_against_the_weekly_dose() {
    let plan = builtin_plan("hamstring");
    let total = plan.total();
    // 60 s on each leg on two days earlier this week, and 40 s left on a third; the whole
    // routine holds 160 s a leg, of which a day counts 60.
    let before = week_before((160, 120), (160, 120));
    let (app, t0) = finished_with_week(plan, before);
    for size in [(80, 24), (120, 40)] {
        let terminal = render(&app, t0 + total, size);
        let text = words(&terminal.backend().to_string());
        assert!(
            text.contains(
                "This week: left 3:40 of 5:00, right 3:00 of 5:00 counted (held 5:20 and 4:40; \
                 up to 60 s a day counts)."
            ),
            "{text}"
        );
    }
    // A session too short to count is not added to the week.
    let (mut early, now) = at_phase(Phase::GetReady, 0, S3);
    early = early.with_week(Some(before));
    early.handle_event(&key(KeyCode::Char('q')), now);
    early.handle_event(&key(KeyCode::Char('y')), now);
    assert!(early.showing_summary());
    let text = format!("{:?}", render(&early, now, (80, 24)).backend());
    assert!(
        !text.contains("This week:"),
        "nothing done, nothing said: {text}"
    );
}

/// Two long sessions on two days are two days of the dose, not the whole week's: the summary
/// says what counted and what was held, and never that a dose of 5 days is reached.
#[test]
fn two_long_sessions_do_not_reach_the_weekly_dose() {
    let plan = builtin_plan("hamstring");
    let total = plan.total();
    // Yesterday's session held 160 s a leg (a day counts 60 of it); today's holds 160 more.
    let before = week_before((60, 60), (160, 160));
    let (app, t0) = finished_with_week(plan, before);
    let text = words(&render(&app, t0 + total, (120, 40)).backend().to_string());
    assert!(
        text.contains(
            "This week: left 2:00 of 5:00, right 2:00 of 5:00 counted (held 5:20 and 5:20; up to \
             60 s a day counts)."
        ),
        "{text}"
    );
    assert!(!text.contains("reached"), "{text}");
    // A second session today adds to what was held today, not to what counts.
    let again = before.with(LegSeconds {
        left: 160,
        right: 160,
    });
    assert_eq!(
        again
            .with(LegSeconds {
                left: 160,
                right: 160
            })
            .seconds()
            .counted,
        LegSeconds {
            left: 120,
            right: 120
        }
    );
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
    let mut mono = supple::app::App::new(plan, false);
    mono.set_sound(supple::audio::SoundStatus::Off("x"));
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
    assert!(text.contains("HOLD"), "{text}");
    // Without colour the leg still reads: its arrow and its side of the screen, and on a
    // small screen its words.
    let small = render(&mono, now, (40, 12)).backend().to_string();
    assert!(small.contains("◀ LEFT LEG"), "{small}");
}

/// The note before the first session, at the smallest size and the usual one: everything it
/// says is on screen, each part whole (on pages at 40x12, each with its key line), and the
/// last page says a key starts.
#[test]
fn safety_note() {
    use supple::safety::{AIM, ASK_FIRST, Before, GET_CARE, STOP_RULE};
    use supple::ui::safety::SafetyNote;
    for (w, h, pages) in [(40, 12, 2), (80, 24, 1)] {
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let mut note = SafetyNote::new(true, false, Before::Session);
        assert_eq!(note.pages(area), pages, "{w}x{h}");
        let mut seen = String::new();
        for page in 0..pages {
            note.page = page;
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|frame| frame.render_widget(note, frame.area()))
                .expect("draw");
            let text = terminal.backend().to_string();
            let words = words(&text);
            let keys = if page + 1 < pages {
                format!("any key: more ({}/{pages})", page + 1)
            } else {
                "any key: start q: not now".to_string()
            };
            assert!(words.contains(&keys), "{keys} at {w}x{h}:\n{text}");
            seen.push_str(&words);
            seen.push(' ');
            let name = match page {
                0 => format!("safety_note_{w}x{h}"),
                n => format!("safety_note_{w}x{h}_page{}", n + 1),
            };
            insta::assert_snapshot!(name, terminal.backend());
        }
        for part in [
            "Before your first session",
            AIM,
            ASK_FIRST,
            STOP_RULE,
            GET_CARE,
        ] {
            assert!(seen.contains(&words(part)), "{part} at {w}x{h}:\n{seen}");
        }
    }
}

/// The words of `text` (a screen, or a sentence) joined by single spaces, without the quotes
/// of a backend's rows or a box's sides: a sentence wrapped across rows reads whole.
fn words(text: &str) -> String {
    text.lines()
        .map(|l| l.trim().trim_matches('"'))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| "│─┌┐└┘".contains(c)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The get-ready of every built-in routine says when to stop, at every size; one that needs a
/// partner or equipment says so, and from 80x24 up names the routine to run without it (at
/// 40x12, where the big digits leave five rows, both are said in their short words when they
/// do not fit whole).
#[test]
fn get_ready_shows_the_stop_rule_and_what_the_routine_needs() {
    for name in ["hamstring", "floor", "quick", "partner"] {
        let plan = builtin_plan(name);
        let mut app = silent_app(plan.clone());
        let t0 = Instant::now();
        app.start(t0);
        let now = t0 + S3;
        for (w, h) in [(40, 12), (80, 24), (120, 40)] {
            let small = w < 80;
            let words = crate::common::cue_words(&app, now, (w, h));
            assert!(
                words.contains(supple::safety::STOP_RULE)
                    || (small && words.contains(supple::safety::STOP_TINY)),
                "{name} at {w}x{h}:\n{words}"
            );
            for (need, instead) in &plan.instead {
                let whole = format!(
                    "Needs {} (without one: supple run {instead}).",
                    need.label()
                );
                let short = format!("Needs {}.", need.label());
                assert!(
                    words.contains(&whole) || (small && words.contains(&short)),
                    "{name} at {w}x{h} needs {need:?}:\n{words}"
                );
            }
        }
    }
}

/// Rows of `rect` that hold any of `symbols`, counted from the first such row to the last.
fn inked_rows(buffer: &ratatui::buffer::Buffer, rect: ratatui::layout::Rect) -> u16 {
    let rows: Vec<u16> = (rect.top()..rect.bottom())
        .filter(|&y| {
            (rect.left()..rect.right()).any(|x| matches!(buffer[(x, y)].symbol(), "█" | "▀" | "▄"))
        })
        .collect();
    match (rows.first(), rows.last()) {
        (Some(first), Some(last)) => last - first + 1,
        _ => 0,
    }
}

/// From the mat: the digits fill at least 40 % of the height from 80x24 up (and stay big
/// letters at 40x12), and the leg is at least three rows tall from 80x24 up, on its own side.
#[test]
fn digits_and_leg_are_big_enough_at_every_size() {
    let (app, now) = at_phase(Phase::Hold, 0, Duration::from_millis(5_400));
    let (right, right_now) = at_phase(Phase::Hold, 2, Duration::from_millis(5_400));
    for (w, h) in [
        (40, 12),
        (80, 24),
        (100, 30),
        (120, 40),
        (160, 50),
        (200, 60),
    ] {
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let areas = supple::ui::areas(area, false).expect("layout");
        let terminal = render(&app, now, (w, h));
        let buffer = terminal.backend().buffer();
        let digits = inked_rows(buffer, areas.digits);
        let leg = inked_rows(buffer, areas.leg);
        if (w, h) == (40, 12) {
            assert!(digits >= 3, "digits at {w}x{h}: {digits} rows");
            continue;
        }
        let least = (u32::from(h) * 2).div_ceil(5);
        assert!(
            u32::from(digits) >= least,
            "digits at {w}x{h}: {digits} rows, want {least}"
        );
        assert!(leg >= 3, "leg at {w}x{h}: {leg} rows");
        // The left leg at the left edge, the right one at the right edge.
        let left_x = (areas.leg.left()..areas.leg.right())
            .find(|&x| {
                (areas.leg.top()..areas.leg.bottom()).any(|y| buffer[(x, y)].symbol() != " ")
            })
            .expect("ink");
        assert!(
            left_x <= areas.leg.left() + 1,
            "left leg starts at {left_x}"
        );
        let terminal = render(&right, right_now, (w, h));
        let buffer = terminal.backend().buffer();
        let right_x = (areas.leg.left()..areas.leg.right())
            .rev()
            .find(|&x| {
                (areas.leg.top()..areas.leg.bottom()).any(|y| buffer[(x, y)].symbol() != " ")
            })
            .expect("ink");
        assert!(
            right_x + 2 >= areas.leg.right(),
            "right leg ends at {right_x}"
        );
    }
}

/// The leg to switch to is as big as the leg of the hold before it at every size from 80x24
/// up: "SWITCH TO:" goes small beside it rather than shrinking the leg to fit both words big
/// (at 200x60 both big fitted only 4 rows tall, in a place 12 rows tall).
#[test]
fn the_leg_to_switch_to_is_as_big_as_the_held_leg() {
    let (hold, hold_now) = at_phase(Phase::Hold, 2, Duration::from_secs(3));
    let (switch, switch_now) = at_phase(Phase::SwitchLeg, 1, Duration::from_secs(2));
    assert_eq!(switch.engine().step().map(|s| s.side), Some(Side::Right));
    for size in [(80, 24), (120, 40), (160, 50), (200, 60)] {
        let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
        let leg_of = |app: &App, now: Instant| {
            let areas = supple::ui::areas_for(area, &app.view(now).expect("view")).expect("layout");
            inked_rows(render(app, now, size).backend().buffer(), areas.leg)
        };
        let held = leg_of(&hold, hold_now);
        let to = leg_of(&switch, switch_now);
        assert!(
            to >= held,
            "{size:?}: the leg to switch to is {to} rows, the held one {held}"
        );
    }
}

/// Paused before the session or in a hold, PAUSED covers the cues but the stop rule stays.
#[test]
fn the_stop_rule_stays_through_a_pause() {
    for (phase, nth) in [(Phase::GetReady, 0), (Phase::Hold, 0)] {
        let (mut app, now) = at_phase(phase, nth, S3);
        app.handle_event(&key(KeyCode::Char(' ')), now);
        for size in [(40, 12), (80, 24), (120, 40)] {
            let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
            let vm = app.view(now).expect("view");
            let areas = supple::ui::areas_for(area, &vm).expect("layout");
            let words = crate::common::words_in(&app, now, size, areas.paused().unwrap_or(area));
            assert!(
                words.contains(supple::safety::STOP_RULE) || {
                    // At 40x12 the cues below the digits keep it.
                    crate::common::words_in(&app, now, size, areas.cues)
                        .contains("tingling or numbness")
                },
                "{phase:?} paused at {size:?}: {words}"
            );
        }
    }
}

/// Paused during a switch, how to change legs stays on screen at every size (a pause is
/// often for a slow change of legs); at 80x24 and up it used to leave only PAUSED and a
/// blank column.
#[test]
fn how_to_switch_stays_through_a_pause() {
    let (mut app, now) = at_phase(Phase::SwitchLeg, 1, Duration::from_secs(2));
    let cue = app.view(now).expect("view").exercise.switch_cue.clone();
    let cue = cue.expect("the anchor stretch says how to switch");
    app.handle_event(&key(KeyCode::Char(' ')), now);
    for size in MAT_SIZES {
        let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
        let areas = supple::ui::areas_for(area, &app.view(now).expect("view")).expect("layout");
        // Beside the digits where PAUSED takes that place, else (40x12) in the cues below.
        let rect = areas.paused().unwrap_or(areas.cues);
        let words = crate::common::words_in(&app, now, size, rect);
        assert!(words.contains(&cue), "paused switch at {size:?}: {words}");
    }
}

#[test]
fn the_summary_keeps_both_legs_when_its_words_do_not_fit() {
    // A session too short to count says more (streak, week): at 40x12 the words give way,
    // never the right leg.
    let today = jiff::civil::date(2026, 11, 27);
    let mut app = crate::common::silent_app(crate::common::builtin_plan("quick"))
        .with_week(Some(WeekSoFar::default()))
        .with_streaks(Some(supple::history::Streaks::of(&[], today)));
    let t0 = std::time::Instant::now();
    app.start(t0);
    // Skipped into the first holds, then quit a few seconds in: too short to count.
    for _ in 0..10 {
        app.apply(supple::keys::Command::Skip, t0);
    }
    let later = t0 + std::time::Duration::from_secs(3);
    app.tick(later);
    app.interrupt(later);
    for (w, h) in [(40, 12), (50, 12), (60, 14)] {
        let screen = crate::common::drawn(&app, later, w, h).to_string();
        assert!(
            screen.contains("Left ") && screen.contains("Right "),
            "{w}x{h}:\n{screen}"
        );
        assert!(
            !screen.contains("about the same"),
            "no balance to speak of after 3 s: {w}x{h}:\n{screen}"
        );
    }
}

/// The steps of a plan with their indexes.
fn steps_of(plan: &supple::session::Plan) -> Vec<(usize, supple::session::PlanStep)> {
    plan.steps.iter().cloned().enumerate().collect()
}

/// The cautions that protect a sore back reach the person: each hold's caution is on screen
/// through the hold at 80x24, and while getting into position for it at 80x24 and 40x12, in
/// every built-in routine (read from the screen, the words joined across wrapped rows).
#[test]
fn every_caution_is_on_screen_during_the_hold_and_before_it() {
    for name in ["hamstring", "floor", "quick", "partner"] {
        let plan = builtin_plan(name);
        let mut app = silent_app(plan.clone());
        let t0 = Instant::now();
        app.start(t0);
        for (i, step) in steps_of(&plan) {
            let exercise = plan.exercise(&step);
            if exercise.kind != supple::content::Kind::Hold {
                continue;
            }
            let caution = exercise
                .caution
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let now = t0 + step.start + Duration::from_secs(1);
            app.tick(now);
            let vm = app.view(now).expect("view");
            let sizes: &[(u16, u16)] = match step.phase {
                Phase::Hold => &[(80, 24), (120, 40), (200, 60)],
                _ if vm.getting_into_position() && step.phase == Phase::Rest => {
                    &[(40, 12), (80, 24), (120, 40)]
                }
                _ => &[],
            };
            for &(w, h) in sizes {
                let words = crate::common::cue_words(&app, now, (w, h));
                assert!(
                    words.contains(&caution),
                    "{name} step {i} ({:?} {}) at {w}x{h} lacks its caution:\n{words}",
                    step.phase,
                    exercise.id
                );
            }
        }
    }
}

/// A hold over 60 s is kept as set, and the get-ready says once that the studies found
/// nothing added beyond 60 s.
#[test]
fn the_get_ready_says_holds_over_60_s_add_nothing() {
    let plan = crate::common::plan_from(
        r#"{ "name": "long", "title": "Long",
             "steps": [ { "exercise": "lying-stretch", "seconds": 90 } ] }"#,
    );
    let mut app = silent_app(plan);
    let t0 = Instant::now();
    app.start(t0);
    let words = crate::common::cue_words(&app, t0 + S3, (80, 24));
    assert!(
        words.contains("Holds of 90 s: kept as you set them"),
        "{words}"
    );
    assert!(words.contains(supple::safety::STOP_RULE), "{words}");
}

/// The rows of `rect` on `buffer`, each as a string.
fn rows_of(buffer: &ratatui::buffer::Buffer, rect: ratatui::layout::Rect) -> Vec<String> {
    (rect.top()..rect.bottom())
        .map(|y| {
            (rect.left()..rect.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

/// Runs of inked columns in `rows` (a glyph each where glyphs do not touch).
fn inked_runs(rows: &[String]) -> usize {
    let width = rows.iter().map(|r| r.chars().count()).max().unwrap_or(0);
    let inked: Vec<bool> = (0..width)
        .map(|x| {
            rows.iter()
                .any(|r| r.chars().nth(x).is_some_and(|c| c != ' '))
        })
        .collect();
    inked
        .iter()
        .enumerate()
        .filter(|&(x, &on)| on && (x == 0 || !inked[x - 1]))
        .count()
}

/// In a terminal without UTF-8 (`LANG=C`) the leg's big letters are whole cells of `#`, as
/// tall as the rows given to them, each letter apart from the next: no scattered `"` and `,`.
/// At 80x24 they read, row by row, as "< LEFT" and "RIGHT >"; at 40x12 the leg is a band of
/// words.
#[test]
fn ascii_leg_letters_are_solid_and_readable() {
    let ascii = |app: App| app.with_ascii(true);
    let (left, left_now) = at_phase_of(Phase::Hold, 0, S3, ascii);
    let (right, right_now) = at_phase_of(Phase::Hold, 2, S3, ascii);
    let small = render(&left, left_now, (40, 12)).backend().to_string();
    assert!(small.contains("< LEFT LEG"), "{small}");
    let small = render(&right, right_now, (40, 12)).backend().to_string();
    assert!(small.contains("RIGHT LEG >"), "{small}");
    for (w, h, letters_rows) in [(80, 24, 4), (120, 40, 8), (200, 60, 12)] {
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let leg = supple::ui::areas(area, false).expect("layout").leg;
        for (app, now, glyphs) in [(&left, left_now, 5), (&right, right_now, 6)] {
            let terminal = render(app, now, (w, h));
            let rows = rows_of(terminal.backend().buffer(), leg);
            let picture = rows.join("\n");
            assert!(
                rows.iter().all(|r| r.chars().all(|c| c == '#' || c == ' ')),
                "{w}x{h}: only whole cells\n{picture}"
            );
            let inked = rows.iter().filter(|r| r.contains('#')).count();
            assert_eq!(inked, letters_rows, "{w}x{h}: full height\n{picture}");
            // "<", "L", "E", "F", "T"; "R", "I", "G", "H", "T", ">".
            assert_eq!(
                inked_runs(&rows),
                glyphs,
                "{w}x{h}: letters apart\n{picture}"
            );
        }
    }
    // The letters themselves, at the usual size.
    let leg = supple::ui::areas(ratatui::layout::Rect::new(0, 0, 80, 24), false)
        .expect("layout")
        .leg;
    let letters = |app: &App, now| -> Vec<String> {
        rows_of(render(app, now, (80, 24)).backend().buffer(), leg)
            .iter()
            .map(|r| r.trim_end().to_string())
            .collect()
    };
    assert_eq!(
        letters(&left, left_now),
        [
            "  ####    ##     ######## ######## ######",
            "####      ##     ##       ##         ##",
            "####      ##     ######   ######     ##",
            "  ####    ###### ######## ##         ##",
        ]
    );
    let right = letters(&right, right_now);
    let right: Vec<&str> = right.iter().map(|r| r.trim_start()).collect();
    assert_eq!(
        right,
        [
            "######   ######   ###### ##    ## ######    ####",
            "##    ##   ##   ##       ##    ##   ##        ####",
            "######     ##   ##  #### ########   ##        ####",
            "##    ## ######   ###### ##    ##   ##      ####",
        ]
    );
}

/// The cell where `word` first starts on `buffer`.
fn find(buffer: &ratatui::buffer::Buffer, word: &str) -> Option<(u16, u16)> {
    let area = buffer.area;
    let len = u16::try_from(word.chars().count()).ok()?;
    (area.top()..area.bottom()).find_map(|y| {
        (area.left()..area.right().saturating_sub(len.saturating_sub(1))).find_map(|x| {
            let here: String = (x..x + len).map(|x| buffer[(x, y)].symbol()).collect();
            (here == word).then_some((x, y))
        })
    })
}

/// The colour of the big letters within `rect`.
fn ink_color(buffer: &ratatui::buffer::Buffer, rect: ratatui::layout::Rect) -> Option<Color> {
    rect.positions()
        .map(|p| &buffer[p])
        .find(|c| matches!(c.symbol(), "█" | "▀" | "▄"))
        .map(|c| c.fg)
}

use ratatui::style::Color;

/// One colour, one meaning: the switch of leg, PAUSED, both legs and the stop rule each have
/// their own colour (they were all yellow); and with NO_COLOR each is still written out.
#[test]
fn switch_paused_both_and_the_stop_rule_each_have_their_own_colour() {
    let size = (80, 24);
    let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
    let areas = supple::ui::areas(area, false).expect("layout");
    let mono = |app: App| {
        let mut mono = App::new(app.engine().plan().clone(), false);
        mono.set_sound(supple::audio::SoundStatus::Off("x"));
        mono
    };
    let moments = |made: &dyn Fn(App) -> App| {
        let switch = at_phase_of(Phase::SwitchLeg, 1, Duration::from_secs(2), made);
        let (mut paused, now) = at_phase_of(Phase::Hold, 0, Duration::from_secs(8), made);
        paused.handle_event(&key(KeyCode::Char(' ')), now);
        let both = at_phase_of(Phase::Hold, 5, S3, made);
        [switch, (paused, now), both].map(|(app, now)| render(&app, now, size))
    };
    let [switch, paused, both] = moments(&|app| app);
    let cell = |t: &Terminal<TestBackend>, word: &str| {
        let at = find(t.backend().buffer(), word).unwrap_or_else(|| panic!("{word} on screen"));
        t.backend().buffer()[at].clone()
    };
    let colours = [
        ("SWITCH LEG", cell(&switch, " SWITCH LEG ").bg),
        (
            "PAUSED",
            ink_color(paused.backend().buffer(), areas.leg).expect("PAUSED in big letters"),
        ),
        (
            "BOTH",
            ink_color(both.backend().buffer(), areas.leg).expect("BOTH in big letters"),
        ),
        ("the stop rule", cell(&both, "Stop").fg),
    ];
    // PAUSED in the header too, in its own colour.
    assert_eq!(cell(&paused, " PAUSED ").bg, colours[1].1);
    for (i, (what, colour)) in colours.iter().enumerate() {
        for (other, other_colour) in &colours[i + 1..] {
            assert_ne!(colour, other_colour, "{what} and {other} share a colour");
        }
    }
    // The left and right legs keep theirs.
    let (left, now) = at_phase(Phase::Hold, 0, S3);
    let left = render(&left, now, size);
    assert_eq!(
        ink_color(left.backend().buffer(), areas.leg),
        Some(Color::LightCyan)
    );
    // Without colour, the words say it all.
    for (terminal, words) in moments(&mono).iter().zip([
        &["SWITCH LEG", "SWITCH TO"][..],
        &["PAUSED", "space goes on", "Stop"],
        &["HOLD", "both", "Stop"],
    ]) {
        let buffer = terminal.backend().buffer();
        assert!(
            buffer
                .content()
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
        let text = terminal.backend().to_string();
        for word in words {
            assert!(text.contains(word), "{word}:\n{text}");
        }
    }
    // Both legs in big letters, as with colour.
    let [.., both] = moments(&mono);
    assert_eq!(
        ink_color(both.backend().buffer(), areas.leg),
        Some(Color::Reset)
    );
}

/// The summary after the whole hamstring routine, with a streak and a week to tell.
fn summary_of_a_whole_session() -> (App, Instant) {
    let plan = builtin_plan("hamstring");
    let total = plan.total();
    let today = jiff::civil::date(2026, 11, 27);
    let mut app = silent_app(plan)
        .with_week(Some(WeekSoFar::default()))
        .with_streaks(Some(supple::history::Streaks::of(&[], today)));
    let t0 = Instant::now();
    app.start(t0);
    app.tick(t0 + total);
    assert!(app.showing_summary());
    (app, t0 + total)
}

/// The summary from the mat: from 80x24 up the verdict in big letters at the top, then each
/// leg's seconds in big digits at its side under its name, with its bar against the target,
/// then the balance, the streak, the week and the table; at 40x12 the verdict on a band of
/// its own and each leg's seconds on a row.
#[test]
fn the_summary_reads_from_the_mat_at_every_size() {
    let (app, now) = summary_of_a_whole_session();
    let (mut early, early_now) = at_phase(Phase::Hold, 3, Duration::from_secs(12));
    early.handle_event(&key(KeyCode::Right), early_now);
    early.handle_event(&key(KeyCode::Esc), early_now);
    early.handle_event(&key(KeyCode::Enter), early_now);
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let [left_half, right_half] = ratatui::layout::Layout::horizontal([
            ratatui::layout::Constraint::Percentage(50),
            ratatui::layout::Constraint::Percentage(50),
        ])
        .areas(area);
        for (app, now, verdict, (left, right), expected) in [
            (
                &app,
                now,
                &["COMPLETE"][..],
                ("160", "160"),
                &[
                    "◀ LEFT",
                    "RIGHT ▶",
                    "160 of 60 s ✓",
                    "8 of 8 holds",
                    "Both legs got about the same.",
                    "Streak: 1 day.",
                    "This week: left 1:00 of 5:00",
                    "Exercise",
                ][..],
            ),
            (
                &early,
                early_now,
                &["ENDED EARLY", "ENDED"][..],
                ("40", "32"),
                &[
                    "40 of 60 s",
                    "32 of 60 s",
                    "The right leg got 8 s less than the left.",
                ][..],
            ),
        ] {
            let terminal = render(app, now, (w, h));
            let buffer = terminal.backend().buffer();
            let shown = format!("{w}x{h}:\n{}", terminal.backend());
            let (word, verdict) = verdict
                .iter()
                .find_map(|v| crate::common::find_big(buffer, v, false).map(|at| (*v, at)))
                .unwrap_or_else(|| panic!("{verdict:?} in big letters at {shown}"));
            // A shorter word where the longest does not fit, the whole verdict under it.
            if word == "ENDED" {
                assert!(
                    terminal
                        .backend()
                        .to_string()
                        .contains("Session ended early"),
                    "{shown}"
                );
            }
            assert!(verdict.height >= 4, "{shown}");
            assert!(verdict.top() < h / 3, "the verdict at the top: {shown}");
            let left = crate::common::find_big_in(buffer, left_half, left, false)
                .unwrap_or_else(|| panic!("left {left} in big digits at {shown}"));
            let right = crate::common::find_big_in(buffer, right_half, right, false)
                .unwrap_or_else(|| panic!("right {right} in big digits at {shown}"));
            for digits in [left, right] {
                assert!(digits.height >= 4, "{shown}");
                assert!(digits.top() > verdict.bottom(), "{shown}");
            }
            let text = words(&terminal.backend().to_string());
            for word in expected {
                assert!(text.contains(word), "{word} at {shown}");
            }
        }
    }
    // At 40x12: the verdict first, on its own row, and both legs' seconds.
    for (app, now, verdict, legs) in [
        (&app, now, "SESSION COMPLETE", ["160/60 s", "160/60 s"]),
        (
            &early,
            early_now,
            "SESSION ENDED EARLY",
            ["40/60 s", "32/60 s"],
        ),
    ] {
        let screen = render(app, now, (40, 12)).backend().to_string();
        let first = screen.lines().next().unwrap_or_default();
        assert!(first.contains(verdict), "{screen}");
        let left = screen
            .lines()
            .find(|l| l.contains("Left "))
            .unwrap_or_default();
        let right = screen
            .lines()
            .find(|l| l.contains("Right "))
            .unwrap_or_default();
        assert!(
            left.contains(legs[0]) && right.contains(legs[1]),
            "{screen}"
        );
    }
}

/// What was not done per leg (a warm-up, both legs together) is never written under the Left
/// column as if the left leg had done it: across Left and Right where there are columns,
/// after its name otherwise, while each per-leg result is named by its leg.
#[test]
fn rows_not_per_leg_do_not_sit_under_the_left_column() {
    let (app, now) = summary_of_a_whole_session();
    for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
        let terminal = render(&app, now, (w, h));
        let buffer = terminal.backend().buffer();
        let shown = format!("{w}x{h}:\n{}", terminal.backend());
        let (left, _) = find(buffer, "Left").unwrap_or_else(|| panic!("Left at {shown}"));
        let (right, _) = find(buffer, "Right").unwrap_or_else(|| panic!("Right at {shown}"));
        let mut seen = 0;
        for word in ["warm-up: 1/1, 60 s", "both legs: 3/3, 60 s held"] {
            for y in 0..h {
                let row: String = (0..w).map(|x| buffer[(x, y)].symbol()).collect();
                let Some(at) = row.find(word) else { continue };
                let x = u16::try_from(row[..at].chars().count()).expect("column");
                let end = x + u16::try_from(word.chars().count()).expect("width");
                assert!(
                    x > left && x < right && end > right,
                    "{word} across Left and Right, row {y}: {shown}"
                );
                seen += 1;
            }
        }
        assert!(seen >= 1, "{shown}");
    }
    // Narrow: no columns; each result says whose it is.
    let text = render(&app, now, (60, 20)).backend().to_string();
    assert!(
        text.contains("Marching in place  warm-up: 1/1, 60 s"),
        "{text}"
    );
    assert!(!text.contains("Exercise"), "{text}");
}

/// No markdown on screen: a command to type is written as it is typed, never in backticks,
/// on any step of any built-in routine, at any size.
#[test]
fn no_backticks_on_any_session_screen() {
    for name in ["hamstring", "floor", "quick", "partner"] {
        let plan = builtin_plan(name);
        let mut app = silent_app(plan.clone());
        let t0 = Instant::now();
        app.start(t0);
        for step in &plan.steps {
            let now = t0 + step.start + Duration::from_millis(500);
            app.tick(now);
            for size in [(40, 12), (80, 24), (120, 40)] {
                let text = format!("{:?}", render(&app, now, size).backend());
                assert!(!text.contains('`'), "{name} at {size:?}:\n{text}");
            }
        }
    }
}

/// Paused, the step's seconds left stay on screen at every size: in big digits where they
/// were (dimmed), and in words in the gauge ("PAUSED · 0:22 left").
#[test]
fn paused_keeps_the_seconds_left_at_every_size() {
    let (mut app, now) = at_phase(Phase::Hold, 0, Duration::from_secs(8));
    app.handle_event(&key(KeyCode::Char(' ')), now);
    let later = now + Duration::from_secs(30);
    for size in MAT_SIZES {
        let terminal = render(&app, later, size);
        let buffer = terminal.backend().buffer();
        let text = format!("{:?}", terminal.backend());
        assert!(text.contains("PAUSED · 0:12 left"), "{size:?}:\n{text}");
        assert!(
            crate::common::find_big(buffer, "12", false).is_some(),
            "{size:?}: no big 12:\n{text}"
        );
        assert!(text.contains("space"), "{size:?}: how to go on:\n{text}");
    }
}

/// The leg is named in words in the header at every size, and "next" is said once.
#[test]
fn the_header_names_the_leg_in_words() {
    for (phase, nth, leg) in [
        (Phase::Hold, 0, "LEFT LEG"),
        (Phase::Hold, 2, "RIGHT LEG"),
        (Phase::Hold, 5, "BOTH LEGS"),
        (Phase::Rest, 5, "LEFT LEG"),
    ] {
        let (app, now) = at_phase(phase, nth, S3);
        for size in MAT_SIZES {
            let terminal = render(&app, now, size);
            let buffer = terminal.backend().buffer();
            let vm = app.view(now).expect("view");
            let now_row =
                supple::ui::areas_for(ratatui::layout::Rect::new(0, 0, size.0, size.1), &vm)
                    .expect("layout")
                    .now
                    .y;
            let row: String = (0..size.0)
                .map(|x| buffer[(x, now_row)].symbol().to_string())
                .collect();
            assert!(row.contains(leg), "{phase:?} {nth} at {size:?}: {row}");
            assert!(row.matches("next").count() <= 1, "{row}");
            assert!(!row.contains("Next"), "{row}");
        }
    }
}

/// At 40x12 the get-ready and the rests keep big digits (the cue lines give way first).
#[test]
fn the_small_screen_keeps_big_digits_while_getting_ready_and_resting() {
    for (phase, nth) in [(Phase::GetReady, 0), (Phase::Rest, 0), (Phase::Rest, 5)] {
        let (app, now) = at_phase(phase, nth, S3);
        let terminal = render(&app, now, (40, 12));
        let vm = app.view(now).expect("view");
        let areas =
            supple::ui::areas_for(ratatui::layout::Rect::new(0, 0, 40, 12), &vm).expect("layout");
        let rows = inked_rows(terminal.backend().buffer(), areas.digits);
        assert!(
            rows >= 4,
            "{phase:?} {nth}: digits {rows} rows:\n{:?}",
            terminal.backend()
        );
    }
}

/// The footer shows the same keys in the same places at every width from 60 columns up,
/// with or without sound; mute and the volume show whatever the device.
#[test]
fn the_footer_keeps_its_keys_in_place_and_shows_mute_and_volume() {
    let (app, now) = at_phase(Phase::Hold, 0, S3);
    let footers: Vec<String> = [(80, 24), (120, 40), (200, 60), (60, 20)]
        .into_iter()
        .map(|(w, h)| {
            let terminal = render(&app, now, (w, h));
            let buffer = terminal.backend().buffer();
            (0..w)
                .map(|x| buffer[(x, h - 1)].symbol().to_string())
                .collect()
        })
        .collect();
    let keys = " space pause   → skip  q quit  ? help  ← back  m mute";
    for footer in &footers[..3] {
        assert!(footer.starts_with(keys), "{footer}");
    }
    // At 60 columns, the same keys in the same order, a space apart.
    assert!(
        footers[3].starts_with(" space pause  → skip q quit ? help ← back m mute"),
        "{}",
        footers[3]
    );
    let (mut app, now) = at_phase(Phase::Hold, 0, S3);
    app.set_sound(supple::audio::SoundStatus::Off("no audio device"));
    let footer = |app: &App| {
        let terminal = render(app, now, (80, 24));
        format!("{:?}", terminal.backend())
    };
    assert!(
        footer(&app).contains("no audio device 80%"),
        "{}",
        footer(&app)
    );
    app.handle_event(&key(KeyCode::Char('+')), now);
    assert!(
        footer(&app).contains("no audio device 90%"),
        "{}",
        footer(&app)
    );
    app.handle_event(&key(KeyCode::Char('m')), now);
    assert!(
        footer(&app).contains("no audio device muted"),
        "{}",
        footer(&app)
    );
}

/// The Legs panel cut short says so: the exercise under way with its neighbours, and how
/// many more there are.
#[test]
fn the_legs_panel_says_how_many_more_it_leaves_out() {
    let (app, now) = at_phase(Phase::Hold, 0, S3);
    let text = format!("{:?}", render(&app, now, (80, 24)).backend());
    assert!(text.contains("Anchor stretch"), "{text}");
    assert!(text.contains("more below"), "{text}");
}

/// Paused while getting into position, the figure stays where it was: it is what the person
/// looks at to get into the pose (only PAUSED in big letters may take its place).
#[test]
fn a_pause_keeps_the_figure_in_view() {
    let rests = builtin_plan("hamstring")
        .steps
        .iter()
        .filter(|s| s.phase == Phase::Rest)
        .count();
    let mut checked = 0;
    for nth in 0..rests {
        for size in MAT_SIZES {
            let (mut app, now) = at_phase(Phase::Rest, nth, S3);
            let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
            let Some(figure) =
                supple::ui::areas_for(area, &app.view(now).expect("view")).and_then(|a| a.figure)
            else {
                continue;
            };
            let ink = |terminal: &Terminal<TestBackend>| {
                let buffer = terminal.backend().buffer();
                figure
                    .positions()
                    .filter(|&p| buffer[p].symbol() != " ")
                    .count()
            };
            let running = ink(&render(&app, now, size));
            app.handle_event(&key(KeyCode::Char(' ')), now);
            let vm = app.view(now).expect("view");
            let areas = supple::ui::areas_for(area, &vm).expect("layout");
            if areas.paused().is_some_and(|p| p.intersects(figure)) {
                continue;
            }
            assert!(
                running > 20,
                "rest {nth} at {size:?}: no figure while running"
            );
            assert_eq!(
                ink(&render(&app, now, size)),
                running,
                "rest {nth} at {size:?}: the figure changed when paused"
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "only {checked} paused rests had a figure to keep"
    );
}

/// A title as long as the loader allows (60 characters, or 60 wide ones) gives way in the
/// session's header at 80x24: where the session is shows whole, a space after the title,
/// which ends in an ellipsis.
#[test]
fn a_long_title_gives_way_to_the_progress() {
    for title in ["T".repeat(60), "伸".repeat(60)] {
        let plan = crate::common::plan_from(&format!(
            r#"{{"name": "long", "title": "{title}", "steps": [{{"exercise": "lying-stretch"}}]}}"#
        ));
        let mut app = silent_app(plan);
        let t0 = Instant::now();
        app.start(t0);
        let terminal = render(&app, t0, (80, 24));
        let buffer = terminal.backend().buffer();
        let top: String = (0..buffer.area.width)
            .map(|x| buffer[(x, 0)].symbol().to_string())
            .collect();
        assert!(top.contains("… step 1 of "), "{top}");
    }
}

/// Before a one-leg exercise, the leg to come reads from the mat beside the figure: at least
/// 4 rows tall at 80x24 (without its arrow where the arrow would make it smaller), and
/// paused, PAUSED goes big in the leg's place where it fits there (from 120x40; the header
/// still names the leg).
#[test]
fn the_next_leg_and_paused_read_beside_the_figure() {
    let rests = builtin_plan("hamstring")
        .steps
        .iter()
        .filter(|s| s.phase == Phase::Rest)
        .count();
    let mut checked = 0;
    for nth in 0..rests {
        let (mut app, now) = at_phase(Phase::Rest, nth, S3);
        let vm = app.view(now).expect("view");
        let side = vm.step.side;
        let area = ratatui::layout::Rect::new(0, 0, 80, 24);
        let with_figure = supple::ui::areas_for(area, &vm).is_some_and(|a| a.figure.is_some());
        if side != supple::session::Side::Left || !with_figure {
            continue;
        }
        let terminal = render(&app, now, (80, 24));
        let leg = crate::common::find_big(terminal.backend().buffer(), "LEFT", false)
            .expect("LEFT in big letters");
        assert!(leg.height >= 4, "rest {nth}: LEFT {} rows tall", leg.height);
        app.handle_event(&key(KeyCode::Char(' ')), now);
        let terminal = render(&app, now, (120, 40));
        let paused = crate::common::find_big(terminal.backend().buffer(), "PAUSED", false)
            .expect("PAUSED in big letters at 120x40");
        assert!(
            paused.height >= 4,
            "rest {nth}: PAUSED {} rows",
            paused.height
        );
        checked += 1;
    }
    assert!(
        checked >= 2,
        "only {checked} rests before a left-leg exercise"
    );
}

/// Behind the help and the quit question the screen is dimmed, so that what shows around the
/// box's edges does not read as part of it; the box itself is not.
#[test]
fn the_screen_behind_a_box_steps_back() {
    use ratatui::style::Modifier;
    for k in ['?', 'q'] {
        let (mut app, now) = at_phase(Phase::Hold, 0, Duration::from_secs(8));
        let before = render(&app, now, (80, 24));
        app.handle_event(&key(KeyCode::Char(k)), now);
        let after = render(&app, now, (80, 24));
        let (b, a) = (before.backend().buffer(), after.backend().buffer());
        // The top-left corner is the screen's header, outside any box.
        assert!(!b[(1, 0)].modifier.contains(Modifier::DIM));
        assert!(
            a[(1, 0)].modifier.contains(Modifier::DIM),
            "{k}: not dimmed"
        );
        assert_eq!(a[(1, 0)].symbol(), b[(1, 0)].symbol());
        // The box's own words are not dimmed.
        let middle = (0..80u16)
            .map(|x| (x, 12u16))
            .find(|&p| a[p].symbol().chars().any(char::is_alphabetic))
            .expect("words in the box");
        assert!(
            !a[middle].modifier.contains(Modifier::DIM),
            "{k}: the box is dimmed"
        );
    }
}
