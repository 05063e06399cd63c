//! `supple status` as a status bar or a prompt runs it, against the fixture history in
//! `tests/status/history.json` with a fixed today (`SUPPLE_TODAY`, which is for tests only).
//!
//! The fixture, today being Friday 27 November 2026 (the week from Monday 23): a session on
//! 16, 19 and 21 November (60 s per leg each); a quick one at 23:30 in New York on Sunday 22
//! (05:30 on Monday in Paris, but it counts for Sunday, last week); 60 s left and 45 s right on
//! 23, 24, 26 and 27; on 25 ten seconds of jumping jacks, kept but not counted; a second
//! session on 27 (20 s per leg); and one on 30 November, after today. A day counts at most
//! 60 s per leg toward the weekly dose, so of the week's 4:20 and 3:20 held, 4:00 and 3:15
//! count.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

const FIXTURE: &str = include_str!("../status/history.json");

/// `supple status ARGS` with a history holding `history` (none if `None`) and `today`.
fn status(
    history: Option<&str>,
    today: &str,
    args: &[&str],
) -> (assert_cmd::assert::Assert, tempfile::TempDir) {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data");
    if let Some(text) = history {
        std::fs::create_dir_all(data.join("supple")).expect("mkdir");
        std::fs::write(data.join("supple/history.json"), text).expect("write");
    }
    let assert = supple(home.path(), &data)
        .env("SUPPLE_TODAY", today)
        .arg("status")
        .args(args)
        .assert();
    (assert, home)
}

/// The binary with its history in `data`.
fn supple(home: &Path, data: &Path) -> Command {
    let mut cmd = crate::common::supple(home);
    cmd.env("XDG_DATA_HOME", data);
    cmd
}

fn json_of(assert: &assert_cmd::assert::Assert) -> Value {
    let out = &assert.get_output().stdout;
    assert_eq!(
        out.iter().filter(|&&b| b == b'\n').count(),
        1,
        "one line, as bars read it"
    );
    serde_json::from_slice(out).expect("valid JSON")
}

#[test]
fn json_has_the_documented_fields_and_values() {
    let (assert, _home) = status(Some(FIXTURE), "2026-11-27", &["--json"]);
    let got = json_of(&assert.success());
    assert_eq!(
        got,
        json!({
            "date": "2026-11-27",
            // 19, 21, 22, 23, 24, 26, 27: one rest day keeps it, 16 to 19 ended the one before.
            "streak_days": 7,
            "done_today": true,
            "streak_ends_today": false,
            "today": { "left_seconds": 80, "right_seconds": 65, "target_seconds": 60 },
            "week": {
                "monday": "2026-11-23",
                "left_seconds": 260,
                "right_seconds": 200,
                // 27 November held 80 s and 65 s: 60 s of each count.
                "left_counted_seconds": 240,
                "right_counted_seconds": 195,
                "target_seconds": 300,
                "days": 4,
                "target_days": 5,
                "sessions": 5,
                "reached": false
            },
            "last_session": "2026-11-27",
            "sessions": 9
        })
    );
}

/// Two 5-minute sessions on two days are two days of a 5-day dose: `reached` stays false, the
/// counted seconds are two days' share, and the line says both what counted and what was held.
#[test]
fn two_long_sessions_on_two_days_do_not_reach_a_5_day_dose() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data");
    let store = supple::history::Store::at(&data.join("supple"));
    for day in ["2026-11-23", "2026-11-25"] {
        let started = format!("{day}T08:00:00+01:00[Europe/Paris]")
            .parse()
            .expect("a time");
        store
            .append(&crate::common::held_session(started, 300, 300))
            .expect("save");
    }
    let run = |args: &[&str]| {
        supple(home.path(), &data)
            .env("SUPPLE_TODAY", "2026-11-27")
            .arg("status")
            .args(args)
            .assert()
            .success()
    };
    let week = json_of(&run(&["--json"]))["week"].clone();
    assert_eq!(week["days"], 2);
    assert_eq!(week["target_days"], 5);
    assert_eq!(week["left_seconds"], 600);
    assert_eq!(week["left_counted_seconds"], 120);
    assert_eq!(week["right_counted_seconds"], 120);
    assert_eq!(week["target_seconds"], 300);
    assert_eq!(week["reached"], false);
    run(&[]).stdout(predicate::str::ends_with(
        "this week left 2:00 of 5:00, right 2:00 of 5:00 counted (held 10:00 and 10:00; up to \
         60 s a day counts)\n",
    ));
    assert_eq!(json_of(&run(&["--waybar"]))["percentage"], 40);
}

#[test]
fn the_streak_ends_today_when_yesterday_was_missed_too() {
    // Sunday 29: nothing since Friday; still a streak, which ends tonight without a session.
    let (assert, _home) = status(Some(FIXTURE), "2026-11-29", &["--json"]);
    let got = json_of(&assert.success());
    assert_eq!(got["streak_days"], 7);
    assert_eq!(got["done_today"], false);
    assert_eq!(got["streak_ends_today"], true);
    assert_eq!(got["today"]["left_seconds"], 0);
    assert_eq!(got["week"]["left_seconds"], 260);
    assert_eq!(got["last_session"], "2026-11-27");
    // Saturday 28: Friday was done, so a rest day today keeps it.
    let (assert, _home) = status(Some(FIXTURE), "2026-11-28", &["--json"]);
    assert_eq!(json_of(&assert.success())["streak_ends_today"], false);
}

#[test]
fn the_line_and_the_short_form() {
    let cases = [
        (
            "2026-11-27",
            "Streak 7 days · today done · this week left 4:00 of 5:00, right 3:15 of 5:00 counted \
             (held 4:20 and 3:20; up to 60 s a day counts)\n",
            "supple 7d ✓\n",
        ),
        (
            "2026-11-28",
            "Streak 7 days · today not yet · this week left 4:00 of 5:00, right 3:15 of 5:00 \
             counted (held 4:20 and 3:20; up to 60 s a day counts)\n",
            "supple 7d ○\n",
        ),
        (
            "2026-11-29",
            "Streak 7 days · today not yet: stretch today or the streak ends · this week left \
             4:00 of 5:00, right 3:15 of 5:00 counted (held 4:20 and 3:20; up to 60 s a day \
             counts)\n",
            "supple 7d !\n",
        ),
        // A new week, the one session of 30 November in it; 27 to 30 broke the streak.
        (
            "2026-12-01",
            "Streak 1 day · today not yet · this week left 1:00 of 5:00, right 1:00 of 5:00\n",
            "supple 1d ○\n",
        ),
    ];
    for (today, line, short) in cases {
        let (assert, _home) = status(Some(FIXTURE), today, &[]);
        assert.success().stdout(line).stderr("");
        let (assert, _home) = status(Some(FIXTURE), today, &["--short"]);
        assert.success().stdout(short).stderr("");
    }
}

#[test]
fn the_short_form_is_ascii_where_the_locale_is_not_utf8() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data");
    std::fs::create_dir_all(data.join("supple")).expect("mkdir");
    std::fs::write(data.join("supple/history.json"), FIXTURE).expect("write");
    for (today, short, line) in [
        (
            "2026-11-27",
            "supple 7d ok\n",
            "Streak 7 days - today done - ",
        ),
        (
            "2026-11-28",
            "supple 7d o\n",
            "Streak 7 days - today not yet - ",
        ),
    ] {
        for (args, expected) in [(&["--short"][..], short), (&[][..], line)] {
            supple(home.path(), &data)
                .env("LANG", "C")
                .env("SUPPLE_TODAY", today)
                .arg("status")
                .args(args)
                .assert()
                .success()
                .stdout(predicate::str::starts_with(expected))
                .stdout(predicate::function(|out: &str| out.is_ascii()));
        }
    }
}

#[test]
fn waybar_gets_text_tooltip_class_and_percentage() {
    let (assert, _home) = status(Some(FIXTURE), "2026-11-27", &["--waybar"]);
    let got = json_of(&assert.success());
    assert_eq!(
        got,
        json!({
            "text": "supple 7d ✓",
            "tooltip": "Streak 7 days\nToday: done (left 1:20, right 1:05)\n\
                        This week: left 4:00 of 5:00, right 3:15 of 5:00 counted (held 4:20 and \
                        3:20; up to 60 s a day counts); 4 of 5 days",
            "class": "done",
            "alt": "done",
            // The leg behind, right: 195 of 300 s counted.
            "percentage": 65
        })
    );
    for (today, class) in [("2026-11-28", "todo"), ("2026-11-29", "at-risk")] {
        let (assert, _home) = status(Some(FIXTURE), today, &["--waybar"]);
        assert_eq!(json_of(&assert.success())["class"], class);
    }
}

#[test]
fn no_history_is_a_clear_line_and_zeros() {
    let (assert, _home) = status(None, "2026-11-27", &[]);
    assert
        .success()
        .stdout("No sessions yet: type `supple` to start your first.\n")
        .stderr("");
    let (assert, _home) = status(None, "2026-11-27", &["--short"]);
    assert.success().stdout("supple 0d ○\n");
    let (assert, home) = status(None, "2026-11-27", &["--json"]);
    let got = json_of(&assert.success());
    assert_eq!(got["streak_days"], 0);
    assert_eq!(got["done_today"], false);
    assert_eq!(got["streak_ends_today"], false);
    assert_eq!(got["week"]["left_seconds"], 0);
    assert_eq!(got["week"]["target_seconds"], 300);
    assert_eq!(got["last_session"], Value::Null);
    assert_eq!(got["sessions"], 0);
    let (assert, _home) = status(None, "2026-11-27", &["--waybar"]);
    assert_eq!(json_of(&assert.success())["class"], "none");
    // Reading never creates anything.
    assert!(!home.path().join("data").exists());
}

#[test]
fn a_history_from_a_newer_supple_is_an_error_that_names_the_file_and_the_fix() {
    let newer = r#"{ "version": 99, "sessions": [], "something_new": true }"#;
    let (assert, home) = status(Some(newer), "2026-11-27", &["--json"]);
    let file = home.path().join("data/supple/history.json");
    let assert = assert.code(1).stderr(
        predicate::str::contains(file.display().to_string())
            .and(predicate::str::contains("written by a newer supple"))
            .and(predicate::str::contains("fix: update supple")),
    );
    let got = json_of(&assert);
    assert!(
        got["error"]
            .as_str()
            .is_some_and(|e| e.contains("newer supple") && e.contains("update supple")),
        "{got}"
    );
    assert_eq!(got["file"], file.display().to_string());
    // Only read: the file is neither set aside nor changed.
    assert_eq!(std::fs::read_to_string(&file).expect("read"), newer);

    let (assert, _home) = status(Some(newer), "2026-11-27", &[]);
    assert
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("supple status: "));
    let (assert, _home) = status(Some(newer), "2026-11-27", &["--short"]);
    assert.code(1).stdout("supple ?\n");
    // Waybar hides a module whose command fails: it gets an error it can show.
    let (assert, _home) = status(Some(newer), "2026-11-27", &["--waybar"]);
    let got = json_of(&assert.success());
    assert_eq!(got["class"], "error");
    assert_eq!(got["text"], "supple ?");
    assert!(
        got["tooltip"]
            .as_str()
            .is_some_and(|t| t.contains("newer supple"))
    );
}

#[test]
fn a_damaged_history_stays_valid_json_and_echoes_nothing_a_terminal_acts_on() {
    // A hand-edited file with an escape sequence and a bidi mark in a field name.
    let damaged = "{ \"version\": 1, \"sessions\": [ { \"\u{202e}x\u{1b}]52;c;evil\u{7}\": 1 } ] }";
    let (assert, _home) = status(Some(damaged), "2026-11-27", &["--json"]);
    let assert = assert.code(1);
    let out = assert.get_output();
    for stream in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(stream);
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && supple::safe_text::is_unsafe(c)),
            "{text:?}"
        );
    }
    let got = json_of(&assert);
    assert!(
        got["error"]
            .as_str()
            .is_some_and(|e| e.contains("history.json")),
        "{got}"
    );
}

#[test]
fn a_bad_test_date_is_refused() {
    let (assert, _home) = status(None, "27/11/2026", &[]);
    assert.code(1).stderr(
        predicate::str::contains("SUPPLE_TODAY").and(predicate::str::contains("YYYY-MM-DD")),
    );
}
