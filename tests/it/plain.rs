//! The plain mode: one line per change, at its instant on a hand-moved clock, keys on the same
//! loop; and through the real binary with a pipe: lines, no escape sequences, history saved.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::common::{ScriptedInput, key, plan_from, silent, silent_app};
use crossterm::event::{Event as TermEvent, KeyCode};
use supple::app::App;
use supple::plain::{PlainScreen, session};
use supple::session::{Clock, ManualClock};

/// Lines as written, each with the clock's time since `t0` when its newline came.
#[derive(Clone)]
struct Timed {
    clock: Rc<ManualClock>,
    t0: Instant,
    partial: Rc<RefCell<String>>,
    lines: Rc<RefCell<Vec<(Duration, String)>>>,
}

impl Write for Timed {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = std::str::from_utf8(buf).expect("UTF-8");
        let mut partial = self.partial.borrow_mut();
        for c in text.chars() {
            if c == '\n' {
                let at = self.clock.now() - self.t0;
                self.lines
                    .borrow_mut()
                    .push((at, std::mem::take(&mut partial)));
            } else {
                partial.push(c);
            }
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const ROUTINE: &str = r#"{ "name": "plain", "title": "Plain",
  "defaults": { "lead_in_seconds": 5, "switch_seconds": 5, "transition_seconds": 0 },
  "steps": [ { "exercise": "lying-stretch", "seconds": 20 } ] }"#;

fn s(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

/// Runs ROUTINE in plain mode on a hand-moved clock with `events`, each after its delay: the
/// lines said, each with its time from the start, and the app as it ended.
fn said(events: Vec<(Duration, TermEvent)>) -> (Vec<(Duration, String)>, App) {
    let clock = Rc::new(ManualClock::new());
    let out = Timed {
        clock: Rc::clone(&clock),
        t0: clock.now(),
        partial: Rc::default(),
        lines: Rc::default(),
    };
    let mut screen = PlainScreen::new(out.clone());
    let mut app = silent_app(plan_from(ROUTINE)).without_summary();
    let mut input = ScriptedInput::new(&clock, events);
    session(
        &mut screen,
        &mut input,
        clock.as_ref(),
        &mut app,
        &mut silent(),
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("loop");
    let lines = out.lines.borrow().clone();
    (lines, app)
}

#[test]
fn each_change_is_one_line_at_its_instant() {
    // Space at 8 s (3 s into the first hold), space again 4 s later: the rest shifts by 4 s.
    let (lines, app) = said(vec![
        (s(8), key(KeyCode::Char(' '))),
        (s(4), key(KeyCode::Char(' '))),
    ]);
    let lines = lines.clone();
    let at = |secs: u64, text: &str| (s(secs), text.to_string());
    let exercise = &app.engine().plan().exercises[0];
    let hold = |leg: &str| {
        format!(
            "Hold: Lying hamstring stretch, {leg}, 20 s. {}.",
            exercise.focus
        )
    };
    let careful = format!("Careful: {}", exercise.caution);
    let setup = format!(
        "Get into position: {} You need a mat or clear floor.",
        exercise.setup.as_deref().expect("setup")
    );
    let switch = exercise.switch_cue.as_deref().expect("switch cue");
    // Without a sound device, said once as soon as it is known (here from the start).
    let no_sound = "No sound: no audio device. The session runs silently; --bell rings the \
                    terminal bell instead.";
    assert_eq!(
        lines[..3],
        [
            at(0, "Get ready, 5 s: Lying hamstring stretch, left leg up."),
            at(0, &setup),
            at(0, no_sound),
        ]
    );
    assert_eq!(
        lines[3..],
        [
            at(2, "3"),
            at(3, "2"),
            at(4, "1"),
            at(5, &hold("left leg up")),
            at(5, &careful),
            // The stop rule in full once, at the first hold.
            at(
                5,
                "Gentle pull, never pain. Stop if the pain is sharp or shoots down the leg, or \
                 if you feel tingling or numbness."
            ),
            at(8, "Paused. Space goes on."),
            at(12, "Going on: 17 s left."),
            at(19, "Halfway."),
            at(26, "3"),
            at(27, "2"),
            at(28, "1"),
            at(29, "Switch to the right leg, 5 s."),
            at(29, switch),
            at(31, "3"),
            at(32, "2"),
            at(33, "1"),
            at(34, &hold("right leg up")),
            at(34, &careful),
            // Shorter after the first.
            at(
                34,
                "Gentle pull, never pain; stop on sharp or shooting pain, tingling or numbness."
            ),
            at(44, "Halfway."),
            at(51, "3"),
            at(52, "2"),
            at(53, "1"),
            at(54, "Session complete. Well done."),
        ]
    );
    assert!(app.should_quit(), "plain mode quits as the session ends");
}

#[test]
fn the_help_and_the_quit_question_are_said_and_answered_by_keys() {
    let (lines, app) = said(vec![
        (s(6), key(KeyCode::Char('?'))),
        (s(1), key(KeyCode::Char('x'))),
        (s(1), key(KeyCode::Char('q'))),
        (s(1), key(KeyCode::Char('y'))),
    ]);
    let text: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    let text = text.join("\n");
    assert!(text.contains("Keys:\n  space: pause / resume"), "{text}");
    assert!(
        text.contains("any key: closes the help.\nGoing on: "),
        "{text}"
    );
    assert_eq!(text.matches("Going on").count(), 1, "said once: {text}");
    assert!(
        text.ends_with(
            "Quit the session? y or Enter: end the session now (what you did is kept); any \
             other key: go on.\n\
             Session ended early. What you did is kept."
        ),
        "{text}"
    );
    assert!(app.should_quit());
}

/// The real binary with its output and input piped: plain lines without escape sequences,
/// keys from the pipe, the session saved.
use crate::common::supple;

#[test]
fn a_piped_session_prints_lines_reads_keys_and_is_saved() {
    let home = tempfile::tempdir().expect("home");
    let routine = home.path().join("r.json");
    std::fs::write(&routine, ROUTINE).expect("routine");
    // Skip the get-ready; a moment into the hold, ask to quit and say yes.
    let mut child = crate::common::supple_std(home.path())
        .args(["run", routine.to_str().expect("path"), "--no-sound"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("supple runs");
    let mut keys = child.stdin.take().expect("stdin");
    for (key, after) in [("n", 1500), ("q", 300), ("y", 0)] {
        keys.write_all(key.as_bytes()).expect("key");
        keys.flush().expect("key");
        std::thread::sleep(Duration::from_millis(after));
    }
    drop(keys);
    let run = child.wait_with_output().expect("supple ends");
    assert!(run.status.success(), "{run:?}");
    let out = String::from_utf8(run.stdout).expect("UTF-8");
    assert!(
        !out.contains('\u{1b}'),
        "escape sequences in plain output:\n{out}"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("supple: Plain, 0:50."), "{out}");
    assert!(lines[1].contains("gentle pull, never to pain"), "{out}");
    let get_ready = lines.iter().position(|l| l.starts_with("Get ready, 5 s"));
    let hold = lines.iter().position(|l| l.starts_with("Hold: Lying"));
    let quit = lines
        .iter()
        .position(|l| l.starts_with("Quit the session?"));
    assert!(
        get_ready < hold && hold < quit && get_ready.is_some(),
        "in order:\n{out}"
    );
    assert!(out.contains("saved to your history"), "{out}");
    let saved = std::fs::read_to_string(home.path().join("data/supple/history.json"))
        .expect("history saved");
    assert!(saved.contains("\"routine\": \"plain\""), "{saved}");
    assert!(saved.contains("\"completed\": false"), "{saved}");
}

#[test]
fn plain_is_taken_for_a_dumb_terminal_and_on_request() {
    let home = tempfile::tempdir().expect("home");
    let routine = home.path().join("r.json");
    std::fs::write(&routine, ROUTINE).expect("routine");
    for extra in [&["--plain"][..], &[]] {
        let run = supple(home.path())
            .env("TERM", "dumb")
            .args(["run", routine.to_str().expect("path"), "--no-sound"])
            .args(extra)
            .write_stdin("qy")
            .timeout(Duration::from_secs(20))
            .assert()
            .success();
        let out = String::from_utf8(run.get_output().stdout.clone()).expect("UTF-8");
        assert!(
            out.contains("Get ready, 5 s: Lying hamstring stretch"),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'), "{out}");
    }
}

#[test]
fn when_the_keys_end_a_paused_session_goes_on_to_its_end() {
    // Paused at 6 s, then the pipe ends (the input's last event) with a question open.
    let (lines, _) = said(vec![
        (s(6), key(KeyCode::Char(' '))),
        (s(1), key(KeyCode::Char('q'))),
        (s(1), key(KeyCode::Null)),
    ]);
    let lines = lines.clone();
    let last = lines.last().expect("lines");
    assert_eq!(
        last,
        &(s(52), "Session complete. Well done.".to_string()),
        "resumed at 8 s after 2 s paused: {lines:?}"
    );
}

#[test]
fn mute_volume_and_restart_are_said() {
    let (lines, _) = said(vec![
        (s(8), key(KeyCode::Char('m'))),
        (s(1), key(KeyCode::Char('m'))),
        (s(1), key(KeyCode::Char('r'))),
        (s(1), key(KeyCode::Char('q'))),
        (s(1), key(KeyCode::Char('y'))),
    ]);
    let text: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    let text = text.join("\n");
    assert!(
        text.contains(
            "Muted.\nUnmuted; no sound plays: no audio device.\nFrom the start: Hold: Lying"
        ),
        "{text}"
    );
    assert_eq!(text.matches("No sound:").count(), 1, "{text}");
}

/// In every built-in routine, plain mode says how to get into position (and what it needs)
/// before each new exercise, each hold's caution with the hold, and the whole stop rule once,
/// at the first hold, with the short form at every later one.
#[test]
fn every_routine_says_the_setup_the_caution_and_the_stop_rule_once() {
    use supple::session::Phase;
    for name in ["hamstring", "floor", "quick", "partner"] {
        let plan = crate::common::builtin_plan(name);
        let mut full = 0;
        for (i, step) in plan.steps.iter().enumerate() {
            let exercise = plan.exercise(step);
            let said = supple::session::words::step_details(&plan, i).join("\n");
            let new_exercise = i == 0 || plan.steps[i - 1].exercise != step.exercise;
            if matches!(step.phase, Phase::GetReady | Phase::Rest) && new_exercise {
                if let Some(setup) = &exercise.setup {
                    assert!(said.contains(setup.as_str()), "{name} {i}: {said}");
                }
                for need in &exercise.needs {
                    assert!(said.contains(need.label()), "{name} {i}: {said}");
                }
            }
            if step.phase == Phase::Hold {
                assert!(said.contains(&exercise.caution), "{name} {i}: {said}");
                if said.contains(supple::safety::STOP_RULE) {
                    full += 1;
                    assert_eq!(plan.first_hold(), Some(i), "{name} {i}");
                } else {
                    assert!(
                        said.contains(supple::safety::STOP_SHORT),
                        "{name} {i}: {said}"
                    );
                }
            } else {
                assert!(!said.contains("Stop"), "{name} {i}: {said}");
            }
        }
        assert_eq!(full, 1, "{name}: the whole stop rule once");
    }
}

/// Plain mode's get-ready says what the routine needs beyond the floor and which routine does
/// without it, as the screen's get-ready does, and only there.
#[test]
fn the_get_ready_says_what_the_routine_needs() {
    for name in ["hamstring", "floor", "quick", "partner"] {
        let plan = crate::common::builtin_plan(name);
        let first = supple::session::words::step_details(&plan, 0).join("\n");
        for (need, instead) in &plan.instead {
            let line = format!(
                "This routine needs {} (without one: supple run {instead}).",
                need.label()
            );
            assert!(first.contains(&line), "{name}: {first}");
        }
        let later = (1..plan.steps.len())
            .flat_map(|i| supple::session::words::step_details(&plan, i))
            .filter(|line| line.contains("This routine needs"))
            .count();
        assert_eq!(later, 0, "{name}: said again later");
    }
    assert!(!crate::common::builtin_plan("quick").instead.is_empty());
}

/// Before the very first session, plain mode says who should ask first and what needs care
/// at once; later sessions do not repeat it.
#[test]
fn the_first_opening_says_who_should_ask_first_and_when_to_get_care() {
    let plan = crate::common::builtin_plan("quick");
    let first = supple::plain::opening(&plan, true);
    assert!(first.contains(supple::safety::ASK_FIRST), "{first}");
    assert!(first.contains(supple::safety::GET_CARE), "{first}");
    let later = supple::plain::opening(&plan, false);
    assert!(!later.contains(supple::safety::GET_CARE), "{later}");
    assert!(later.contains(supple::safety::STOP_RULE), "{later}");
}

/// Quit before anything was done, plain mode says so once, truly: not "what you did is kept".
#[test]
fn quitting_before_anything_was_done_is_said_truly() {
    let (lines, _) = said(vec![
        (s(1), key(KeyCode::Char('q'))),
        (s(1), key(KeyCode::Char('y'))),
    ]);
    let text: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    let text = text.join("\n");
    assert!(
        text.ends_with("Session ended before anything was done."),
        "{text}"
    );
    assert!(!text.contains("What you did is kept"), "{text}");
}
