//! Each key's effect on the app, through `App::handle_event`, the function the loop calls; the
//! cues it asks for are its `Effect`s.

use std::time::{Duration, Instant};

use crate::common::{builtin_plan, ctrl, cues, key, redraws, release, silent_app};
use crossterm::event::KeyCode;
use supple::app::{App, Overlay};
use supple::audio::Cue;
use supple::session::{Phase, Status};

fn started() -> (App, Instant) {
    let mut app = silent_app(builtin_plan("quick"));
    let t0 = Instant::now();
    app.start(t0);
    (app, t0)
}

const S: fn(u64) -> Duration = Duration::from_secs;

#[test]
fn space_pauses_and_resumes() {
    let (mut app, t0) = started();
    assert!(redraws(&mut app, &key(KeyCode::Char(' ')), t0 + S(2)));
    assert_eq!(app.engine().status(), Status::Paused);
    app.handle_event(&key(KeyCode::Char(' ')), t0 + S(9));
    assert_eq!(app.engine().status(), Status::Running);
    assert_eq!(
        app.engine().step_remaining(t0 + S(9)),
        S(8),
        "7 s of pause did not count"
    );
}

#[test]
fn right_and_n_skip_left_and_p_go_back() {
    let (mut app, t0) = started();
    app.handle_event(&key(KeyCode::Right), t0 + S(1));
    assert_eq!(app.engine().index(), 1);
    app.handle_event(&key(KeyCode::Char('n')), t0 + S(2));
    assert_eq!(app.engine().index(), 2);
    app.handle_event(&key(KeyCode::Char('N')), t0 + S(3));
    assert_eq!(app.engine().index(), 3);
    // Just started: back goes to the previous step.
    app.handle_event(&key(KeyCode::Left), t0 + S(3));
    assert_eq!(app.engine().index(), 2);
    // Past the first seconds: back restarts this one.
    app.handle_event(&key(KeyCode::Char('p')), t0 + S(8));
    assert_eq!(app.engine().index(), 2);
    assert_eq!(app.engine().step_elapsed(t0 + S(8)), Duration::ZERO);
}

#[test]
fn r_restarts_the_step() {
    let (mut app, t0) = started();
    app.tick(t0 + S(12)); // 2 s into marching in place
    app.handle_event(&key(KeyCode::Char('r')), t0 + S(12));
    assert_eq!(app.engine().index(), 1);
    assert_eq!(app.engine().step_remaining(t0 + S(12)), S(45));
}

#[test]
fn m_mutes_so_no_cue_plays() {
    let mut app = silent_app(builtin_plan("quick"));
    let t0 = Instant::now();
    let mut played = cues(&app.start(t0));
    assert_eq!(played, [Cue::GetReady]);
    played.extend(cues(&app.handle_event(&key(KeyCode::Char('m')), t0 + S(1))));
    assert!(app.muted());
    played.extend(cues(&app.tick(t0 + S(40))));
    assert_eq!(played, [Cue::GetReady], "muted: nothing more");
    played.extend(cues(
        &app.handle_event(&key(KeyCode::Char('M')), t0 + S(40)),
    ));
    assert!(!app.muted());
    played.extend(cues(&app.handle_event(&key(KeyCode::Right), t0 + S(41))));
    assert_eq!(played.len(), 2, "unmuted: the next step sounds");
}

#[test]
fn question_mark_opens_help_and_any_key_closes_it_without_acting() {
    let (mut app, t0) = started();
    app.handle_event(&key(KeyCode::Char('?')), t0);
    assert_eq!(app.overlay(), Overlay::Help);
    app.handle_event(&key(KeyCode::Right), t0 + S(1));
    assert_eq!(app.overlay(), Overlay::None);
    assert_eq!(app.engine().index(), 0, "the key only closed the help");
}

#[test]
fn q_asks_first_and_anything_but_yes_goes_on() {
    let (mut app, t0) = started();
    app.handle_event(&key(KeyCode::Char('q')), t0 + S(2));
    assert_eq!(app.overlay(), Overlay::ConfirmQuit);
    assert_eq!(
        app.engine().status(),
        Status::Paused,
        "the question stops the clock"
    );
    app.handle_event(&key(KeyCode::Char('x')), t0 + S(20));
    assert_eq!(app.overlay(), Overlay::None);
    assert_eq!(app.engine().status(), Status::Running);
    assert!(!app.should_quit());
    assert_eq!(app.engine().step_remaining(t0 + S(20)), S(8));
}

#[test]
fn q_then_y_or_esc_then_enter_ends_with_the_summary() {
    for (ask, yes) in [
        (KeyCode::Char('q'), KeyCode::Char('y')),
        (KeyCode::Esc, KeyCode::Enter),
        (KeyCode::Char('Q'), KeyCode::Char('Y')),
    ] {
        let (mut app, t0) = started();
        app.handle_event(&key(ask), t0 + S(2));
        app.handle_event(&key(yes), t0 + S(3));
        assert!(app.showing_summary());
        assert_eq!(app.engine().status(), Status::Finished { early: true });
        assert!(!app.should_quit(), "the summary stays until a key");
        app.handle_event(&key(KeyCode::Char('z')), t0 + S(4));
        assert!(app.should_quit());
    }
}

#[test]
fn paused_question_cancelled_stays_paused() {
    let (mut app, t0) = started();
    app.handle_event(&key(KeyCode::Char(' ')), t0 + S(1));
    app.handle_event(&key(KeyCode::Char('q')), t0 + S(2));
    app.handle_event(&key(KeyCode::Char('n')), t0 + S(3));
    assert_eq!(app.engine().status(), Status::Paused);
    assert_eq!(
        app.engine().index(),
        0,
        "n answered the question; it did not skip"
    );
}

#[test]
fn ctrl_c_quits_at_once_from_anywhere() {
    let (mut app, t0) = started();
    app.handle_event(&key(KeyCode::Char('?')), t0);
    app.handle_event(&ctrl('c'), t0 + S(1));
    assert!(app.should_quit());
    assert_eq!(app.engine().status(), Status::Finished { early: true });
}

#[test]
fn releases_and_unknown_keys_do_nothing() {
    let (mut app, t0) = started();
    assert!(!redraws(&mut app, &release(KeyCode::Char(' ')), t0));
    assert!(!redraws(&mut app, &key(KeyCode::Char('z')), t0));
    assert_eq!(app.engine().status(), Status::Running);
}

#[test]
fn the_session_ending_shows_the_summary() {
    let (mut app, t0) = started();
    let total = app.engine().plan().total();
    app.tick(t0 + total);
    assert!(app.showing_summary());
    assert_eq!(app.engine().status(), Status::Finished { early: false });
    assert_eq!(app.engine().step().map(|s| s.phase), Some(Phase::Hold));
}

#[test]
fn the_record_says_this_week_against_the_dose_as_the_summary_does() {
    let earlier = supple::history::LegSeconds {
        left: 200,
        right: 180,
    };
    let week = supple::history::dose::WeekSoFar {
        counted_before_today: earlier,
        today: supple::history::LegSeconds::default(),
        held: earlier,
    };
    // 10 s of marching: kept, but too short to count, so the week is as it was.
    let (mut app, t0) = started();
    app.tick(t0 + S(20));
    app.handle_event(&ctrl('c'), t0 + S(20));
    let record =
        supple::history::report::session_report(app.engine(), t0 + S(20), None, (None, Some(week)));
    assert!(
        record.contains("\n  This week: left 3:20 of 5:00, right 3:00 of 5:00.\n"),
        "{record}"
    );
    // A whole session counts: its seconds join the week's.
    let (mut app, t0) = started();
    let total = app.engine().plan().total().as_secs();
    for second in 1..=total + 1 {
        app.tick(t0 + S(second));
    }
    let end = t0 + S(total + 1);
    let held = supple::history::LegSeconds::of(&app.engine().tally());
    assert!(held.left > 0 && held.right > 0, "{held:?}");
    let record =
        supple::history::report::session_report(app.engine(), end, None, (None, Some(week)));
    let after = week.with(held);
    assert!(
        record.contains(&format!(
            "  {}\n",
            supple::history::dose::week_sentence(after.seconds())
        )),
        "{record}"
    );
    // Of today's seconds, a day's share counts: as the summary says it.
    assert_eq!(
        after.seconds().counted,
        supple::history::LegSeconds {
            left: 260,
            right: 240
        }
    );
    // Without a readable history, no week to speak of.
    let record =
        supple::history::report::session_report(app.engine(), t0 + S(20), None, (None, None));
    assert!(!record.contains("This week"), "{record}");
}

#[test]
fn the_record_after_an_early_quit_lists_only_what_was_reached() {
    let (mut app, t0) = started();
    app.tick(t0 + S(20)); // the get-ready (10 s) and 10 s of marching in place
    app.handle_event(&ctrl('c'), t0 + S(20));
    let record =
        supple::history::report::session_report(app.engine(), t0 + S(20), None, (None, None));
    assert!(
        record.contains("session ended before any stretch (0:20)"),
        "{record}"
    );
    // The step under way when the person quit is not called skipped.
    assert!(
        record.contains("Marching in place: 0/1 done, 0 skipped, 10 s"),
        "{record}"
    );
    assert!(!record.contains("Seated hamstring stretch"), "{record}");
    assert!(record.contains("more not reached"), "{record}");
}

/// The README's key table and the program's are the same: every key the program takes is in
/// the README, on the row of its action, and the README lists no other.
#[test]
fn the_readme_lists_exactly_the_keys_the_program_takes() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("read");
    let section = readme
        .split("## Keys")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a Keys section");
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| `")).collect();
    let shown = |code: &KeyCode| match code {
        KeyCode::Char(' ') => "space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Right => "→".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Pause => "Pause".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    let mut listed = 0;
    for binding in supple::keys::rows(supple::keys::Mode::Session) {
        let supple::keys::Keys::Codes(codes) = binding.keys else {
            continue;
        };
        for code in codes {
            let key = format!("`{}`", shown(code));
            let row = rows
                .iter()
                .find(|r| r.split('|').nth(1).is_some_and(|cell| cell.contains(&key)))
                .unwrap_or_else(|| panic!("{key} is not in the README's table"));
            // The row of the key's action: it has the footer's word for it, or the help's
            // first word.
            let word = binding
                .footer
                .map(|(word, _)| word)
                .or_else(|| binding.what.split_whitespace().next())
                .unwrap_or("volume");
            assert!(row.contains(word), "{key}: {row}");
            listed += 1;
        }
    }
    let (ctrl_c, _) = supple::keys::QUIT_NOW;
    assert!(rows.iter().any(|r| r.contains(&format!("`{ctrl_c}`"))));
    // No row names a key the program does not take.
    let in_readme: usize = rows
        .iter()
        .map(|r| r.split('|').nth(1).unwrap_or("").matches('`').count() / 2)
        .sum();
    assert_eq!(in_readme, listed + 1, "{rows:#?}");
}

/// The README's table of the other screens' keys is the program's: each row of every mode
/// but the session's is there, on its screen's line, with its keys and what it does, and the
/// README lists no row the program lacks.
#[test]
fn the_readme_lists_every_screens_keys_as_the_program_takes_them() {
    use supple::keys::{KEYS, Keys, Mode};
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("read");
    let section = readme
        .split("On the other screens")
        .nth(1)
        .and_then(|s| s.split("\n\n").nth(1))
        .expect("the other screens' table");
    let rows: Vec<&str> = section.lines().skip(2).collect();
    let mut expected = Vec::new();
    for b in KEYS.iter().filter(|b| b.mode != Mode::Session) {
        let keys = match b.keys {
            Keys::Any => b.shown.to_string(),
            Keys::Codes(_) | Keys::Digits => b
                .shown
                .split_whitespace()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" or "),
        };
        expected.push(format!("| {} | {keys} | {} |", b.mode.name(), b.what));
    }
    for row in &expected {
        assert!(rows.contains(&row.as_str()), "not in the README: {row}");
    }
    assert_eq!(rows.len(), expected.len(), "{rows:#?}");
}

/// Each screen of the guided test shows its keys from the table, in the footer.
#[test]
fn the_guided_tests_footers_come_from_the_key_table() {
    use supple::keys::{Mode, footer};
    for mode in [
        Mode::TestChoose,
        Mode::TestHowTo,
        Mode::TestNumber,
        Mode::TestFelt,
        Mode::TestDone,
    ] {
        let keys = footer(mode, false, false);
        assert!(!keys.is_empty(), "{mode:?}");
        for (key, word) in keys {
            // The key as a person presses it (or "any key"), and a word.
            assert!(!key.is_empty() && !word.is_empty(), "{mode:?}");
        }
    }
    assert!(footer(Mode::TestHowTo, false, false).contains(&("Enter".into(), "next page")));
    assert!(footer(Mode::TestHowTo, true, false).contains(&("Enter".into(), "I'm ready")));
    assert!(footer(Mode::TestNumber, false, true).contains(&("<-".into(), "back")));
}

/// The record printed after the screen closes says what the summary said: the balance, last
/// time, the streak, the week; a session with nothing done compares nothing.
#[test]
fn the_record_says_what_the_summary_said() {
    use supple::history::report::{Facts, sentences};
    use supple::history::{LastTime, LegSeconds, Streaks};
    let (mut app, t0) = started();
    // Through the warm-up and the first holds of the quick routine: 120 s in.
    app.tick(t0 + S(200));
    app.handle_event(&ctrl('c'), t0 + S(200));
    let last = LastTime {
        day: jiff::civil::date(2026, 11, 23),
        held: LegSeconds {
            left: 100,
            right: 10,
        },
    };
    let streaks = Streaks {
        if_counted: 4,
        otherwise: 3,
    };
    let record = supple::history::report::session_report(
        app.engine(),
        t0 + S(200),
        Some(&last),
        (Some(streaks), None),
    );
    let tally = app.engine().tally();
    let held = LegSeconds::of(&tally);
    let said = sentences(&Facts {
        tally: &tally,
        held,
        last_time: Some(&last),
        streaks: Some(streaks),
        week_before: None,
        elapsed: app.engine().session_elapsed(t0 + S(200)),
        paused: std::time::Duration::ZERO,
    });
    assert!(
        said.iter().any(|l| l.starts_with("Streak: 4 days")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|l| l.starts_with("Last time, Mon 23 Nov")),
        "{said:?}"
    );
    for line in &said {
        assert!(record.contains(line.as_str()), "{line:?} not in:\n{record}");
    }
    // Two seconds into the session: nothing done, nothing kept, nothing to compare.
    let (mut app, t0) = started();
    app.tick(t0 + S(2));
    app.handle_event(&ctrl('c'), t0 + S(2));
    let record = supple::history::report::session_report(
        app.engine(),
        t0 + S(2),
        Some(&last),
        (Some(streaks), None),
    );
    assert!(
        !record.contains("Last time") && !record.contains("Streak"),
        "{record}"
    );
    assert!(
        record.contains("Nothing was done, so nothing is kept."),
        "{record}"
    );
}
