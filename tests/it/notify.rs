//! Terminal notifications: which terminals get which sequence, the bytes themselves, and that
//! they are sent only while the terminal has said it is not focused, never when turned off.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use crate::common::{ScriptedInput, plan_from, silent, silent_app};
use crossterm::event::Event as TermEvent;
use ratatui::layout::Rect;
use supple::app::App;
use supple::notify::{Kind, Target, detect, sequence, target};
use supple::runtime::{Screen, run_loop};
use supple::session::{Clock, ManualClock};

fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

#[test]
fn only_terminals_known_to_understand_a_sequence_get_one_by_default() {
    assert_eq!(detect(env(&[("TERM", "xterm-kitty")])), Some(Kind::Osc99));
    assert_eq!(
        detect(env(&[
            ("TERM", "xterm-256color"),
            ("TERM_PROGRAM", "WezTerm")
        ])),
        Some(Kind::Osc9)
    );
    assert_eq!(detect(env(&[("TERM", "foot")])), Some(Kind::Osc777));
    for unknown in [
        &[("TERM", "xterm-256color")][..],
        &[("TERM", "linux")],
        &[("TERM", "dumb")],
        &[],
        // tmux holds such sequences back, whatever runs outside it.
        &[
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/t,1,0"),
            ("TERM_PROGRAM", "tmux"),
        ],
        &[("TERM", "xterm-kitty"), ("TMUX", "/tmp/t,1,0")],
    ] {
        assert_eq!(detect(env(unknown)), None, "{unknown:?}");
        assert_eq!(target(None, env(unknown)), None, "{unknown:?}");
    }
    assert_eq!(target(Some(false), env(&[("TERM", "xterm-kitty")])), None);
    assert_eq!(
        target(Some(true), env(&[("TERM", "xterm")])),
        Some(Target {
            kind: Kind::Osc9,
            tmux: false
        }),
        "asked for: OSC 9 where nothing better is known"
    );
    assert_eq!(
        target(
            Some(true),
            env(&[("TERM", "screen"), ("TMUX", "/tmp/t,1,0")])
        ),
        Some(Target {
            kind: Kind::Osc9,
            tmux: true
        })
    );
}

#[test]
fn each_sequence_is_well_formed_and_carries_no_control_character_from_the_text() {
    let plain = |kind| Target { kind, tmux: false };
    let hostile = "Hold\u{7}: left\u{1b}]0;owned\u{7} leg; 20 s\u{9b}";
    assert_eq!(
        sequence(plain(Kind::Osc9), "supple", "Rest, 15 s."),
        "\u{1b}]9;supple: Rest, 15 s.\u{7}"
    );
    assert_eq!(
        sequence(plain(Kind::Osc777), "supple", "Rest; 15 s."),
        "\u{1b}]777;notify;supple;Rest, 15 s.\u{7}",
        "777 separates its fields with ;"
    );
    assert_eq!(
        sequence(plain(Kind::Osc99), "supple", "Rest."),
        "\u{1b}]99;i=supple:d=0;supple\u{1b}\\\u{1b}]99;i=supple:d=1:p=body;Rest.\u{1b}\\"
    );
    for kind in [Kind::Osc9, Kind::Osc777, Kind::Osc99] {
        let seq = sequence(plain(kind), "supple", hostile);
        let inner = seq
            .trim_start_matches("\u{1b}]")
            .trim_end_matches('\u{7}')
            .trim_end_matches("\u{1b}\\");
        let controls: Vec<char> = inner
            .chars()
            .filter(|c| c.is_control() && *c != '\u{1b}')
            .collect();
        assert!(controls.is_empty(), "{kind:?}: {seq:?}");
        // Only the sequence's own introducers and terminators remain.
        let escapes = inner.matches('\u{1b}').count();
        assert_eq!(
            escapes,
            if kind == Kind::Osc99 { 2 } else { 0 },
            "{kind:?}: {seq:?}"
        );
        assert!(seq.contains("owned"), "the text stays, harmless: {seq:?}");
    }
    let wrapped = sequence(
        Target {
            kind: Kind::Osc9,
            tmux: true,
        },
        "supple",
        "Rest.",
    );
    assert_eq!(
        wrapped,
        "\u{1b}Ptmux;\u{1b}\u{1b}]9;supple: Rest.\u{7}\u{1b}\\"
    );
}

/// A screen that keeps what it was asked to notify, with the time since the start.
struct Notes<'a> {
    clock: &'a ManualClock,
    t0: Instant,
    sent: Vec<(Duration, String)>,
}

impl Screen for Notes<'_> {
    fn area(&self) -> std::io::Result<Rect> {
        Ok(Rect::new(0, 0, 80, 24))
    }
    fn resize(&mut self, _area: Rect) -> std::io::Result<()> {
        Ok(())
    }
    fn draw(&mut self, _app: &App, _now: Instant) -> std::io::Result<()> {
        Ok(())
    }
    fn notify(&mut self, text: &str) -> std::io::Result<()> {
        self.sent
            .push((self.clock.now() - self.t0, text.to_string()));
        Ok(())
    }
}

const ROUTINE: &str = r#"{ "name": "n", "title": "N",
  "defaults": { "lead_in_seconds": 5, "switch_seconds": 5, "transition_seconds": 0 },
  "steps": [ { "exercise": "lying-stretch", "seconds": 20 } ] }"#;

/// Runs the routine to its end with `events` (after their delays) and notifications on or
/// off; what was notified, and when.
fn notified(notify: bool, events: Vec<(Duration, TermEvent)>) -> Vec<(Duration, String)> {
    let clock = ManualClock::new();
    let mut screen = Notes {
        clock: &clock,
        t0: clock.now(),
        sent: Vec::new(),
    };
    let mut app = silent_app(plan_from(ROUTINE))
        .with_notify(notify)
        .without_summary();
    let mut input = ScriptedInput::new(&clock, events);
    run_loop(
        &mut screen,
        &mut input,
        &clock,
        &mut app,
        &mut silent(),
        &AtomicBool::new(false),
    )
    .expect("loop");
    screen.sent
}

fn s(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

#[test]
fn steps_are_notified_only_while_the_terminal_is_not_focused() {
    // Get ready 0-5 s, hold 5-25, switch 25-30, hold 30-50. Focus lost at 2 s, back at 30 s
    // (as the second hold starts), lost again at 40 s.
    let sent = notified(
        true,
        vec![
            (s(2), TermEvent::FocusLost),
            (s(28), TermEvent::FocusGained),
            (s(10), TermEvent::FocusLost),
        ],
    );
    let texts: Vec<(u64, &str)> = sent
        .iter()
        .map(|(at, text)| (at.as_secs(), text.split(',').next().unwrap_or("")))
        .collect();
    assert_eq!(
        texts,
        [
            (5, "Hold: Lying hamstring stretch"),
            (25, "Switch to the right leg"),
            (50, "Session complete."),
        ],
        "the first hold and the switch while away; not the second hold (focused again); the \
         end, away again: {sent:?}"
    );
    assert!(sent[0].1.contains("left leg up, 20 s"), "{sent:?}");
}

#[test]
fn nothing_is_notified_when_notifications_are_off_or_focus_is_never_reported() {
    assert!(notified(false, vec![(s(1), TermEvent::FocusLost)]).is_empty());
    assert!(notified(true, Vec::new()).is_empty());
}
