//! Flexibility tests: results kept in the history file (old files read without loss), what
//! counts as change at its boundaries, the exports, and `supple test --record` with every bad
//! input, through the real binary.

use std::path::Path;

use jiff::ZonedDateTime;
use supple::history::change::{
    Asymmetry, Change, Comparison, LegsChange, smallest_real_change, threshold_line,
};
use supple::history::flex::{Felt, FlexTest, Legs, TestResult};
use supple::history::{ExerciseRecord, HistoryFile, SessionRecord, Store, export};
use supple::session::Side;

fn zoned(text: &str) -> ZonedDateTime {
    text.parse().expect("zoned datetime")
}

fn result(at: &str, test: FlexTest, left: u16, right: u16) -> TestResult {
    TestResult::new(zoned(at), test, (Some(left), Some(right), None), None, None).expect("valid")
}

fn together(at: &str, both: u16) -> TestResult {
    TestResult::new(
        zoned(at),
        FlexTest::SitReach,
        (None, None, Some(both)),
        None,
        None,
    )
    .expect("valid")
}

fn session(at: &str) -> SessionRecord {
    SessionRecord {
        started: zoned(at),
        routine: "quick".into(),
        title: "Quick".into(),
        planned_seconds: 300,
        elapsed_seconds: 300,
        completed: true,
        exercises: vec![ExerciseRecord {
            exercise: "seated-stretch".into(),
            name: "Seated hamstring stretch".into(),
            kind: supple::content::Kind::Hold,
            side: Side::Both,
            planned: 3,
            done: 3,
            skipped: 0,
            held_seconds: 60,
        }],
    }
}

/// A history file as supple 0.1 wrote it, before there were tests.
const VERSION_1: &str = r#"{
  "version": 1,
  "sessions": [
    {
      "started": "2026-11-20T07:30:00+01:00[Europe/Paris]",
      "routine": "hamstring",
      "title": "Hamstring routine",
      "planned_seconds": 600,
      "elapsed_seconds": 612,
      "completed": true,
      "exercises": [
        {
          "exercise": "lying-stretch",
          "name": "Lying hamstring stretch",
          "kind": "hold",
          "side": "left",
          "planned": 2,
          "done": 2,
          "skipped": 0,
          "held_seconds": 40
        }
      ]
    }
  ]
}
"#;

#[test]
fn results_and_sessions_round_trip_through_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let aket = TestResult::new(
        zoned("2026-11-24T08:00:00+01:00[Europe/Paris]"),
        FlexTest::Aket,
        (Some(28), Some(35), None),
        Some(Felt::Knee),
        Some(4),
    )
    .expect("valid");
    let reach = together("2026-11-25T08:00:00-05:00[America/New_York]", 31);
    store
        .append(&session("2026-11-24T07:30:00Z[UTC]"))
        .expect("session");
    let saved = store.add_test(&aket).expect("test");
    assert_eq!((saved.sessions, saved.tests), (1, 1));
    let saved = store.add_test(&reach).expect("test");
    assert_eq!(saved.tests, 2);
    let kept = store.load().expect("load");
    assert_eq!(kept.version, 2);
    assert_eq!(kept.tests, vec![aket, reach]);
    assert_eq!(kept.sessions.len(), 1);
    // A result from the file reads back as the instant and zone it was taken in.
    assert_eq!(kept.tests[1].day(), jiff::civil::date(2026, 11, 25));
}

#[test]
fn a_version_1_history_is_read_whole_and_stays_version_1_until_a_test_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    std::fs::write(store.path(), VERSION_1).expect("write");
    let old = store.load().expect("a version 1 file reads");
    assert_eq!(old.version, 1);
    assert_eq!(old.sessions.len(), 1);
    assert!(old.tests.is_empty());
    // Reading never writes.
    assert_eq!(
        std::fs::read_to_string(store.path()).expect("read"),
        VERSION_1
    );

    // A new session alone: still version 1, so an older supple goes on reading it.
    store
        .append(&session("2026-11-21T07:30:00Z[UTC]"))
        .expect("append");
    let text = std::fs::read_to_string(store.path()).expect("read");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value["version"], 1);
    assert!(value.get("tests").is_none(), "{text}");

    // The first test result makes it version 2, with every old session as it was.
    store
        .add_test(&result("2026-11-22T08:00:00Z[UTC]", FlexTest::Slr, 70, 75))
        .expect("test");
    let text = std::fs::read_to_string(store.path()).expect("read");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value["version"], 2);
    let before: serde_json::Value = serde_json::from_str(VERSION_1).expect("json");
    assert_eq!(
        value["sessions"][0], before["sessions"][0],
        "not a field lost"
    );
    assert_eq!(value["tests"][0]["test"], "slr");
    let kept = store.load().expect("load");
    assert_eq!(kept.sessions[0], old.sessions[0]);
    assert_eq!(kept.sessions.len(), 2);
}

#[test]
fn a_history_newer_than_version_2_is_set_aside_and_never_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let newer = r#"{ "version": 3, "sessions": [], "tests": [{ "test": "pke" }] }"#;
    std::fs::write(store.path(), newer).expect("write");
    let err = store.load().expect_err("newer format");
    assert!(
        err.to_string()
            .contains("newer supple (format 3; this one reads 2)"),
        "{err}"
    );
    let saved = store
        .add_test(&result("2026-11-24T08:00:00Z[UTC]", FlexTest::Aket, 30, 30))
        .expect("saved in a new history");
    let aside = saved.set_aside.expect("set aside");
    assert_eq!(std::fs::read_to_string(aside.to).expect("kept"), newer);
    assert_eq!(store.load().expect("new").tests.len(), 1);
}

/// The error a history with this `tests` list gets (its text, as printed).
fn bad_tests(tests: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let text =
        format!("{{\n  \"version\": 2,\n  \"sessions\": [],\n  \"tests\": [\n{tests}\n  ]\n}}\n");
    std::fs::write(store.path(), text).expect("write");
    store.load().expect_err("refused").to_string()
}

#[test]
fn a_bad_result_in_the_file_is_named_with_its_place_field_and_fix() {
    let at = r#""taken": "2026-11-24T08:00:00Z[UTC]""#;
    let cases: [(String, &[&str]); 7] = [
        (
            format!(r#"    {{ {at}, "test": "aket", "left": 200, "right": 30 }}"#),
            &[
                "history.json:5:",
                "at tests[0]",
                "`left`",
                "200 degrees",
                "fix:",
            ],
        ),
        (
            format!(r#"    {{ {at}, "test": "aket", "left": 20 }}"#),
            &["at tests[0]", "right leg is missing", "fix: give `right`"],
        ),
        (
            format!(r#"    {{ {at}, "test": "akt", "left": 20, "right": 20 }}"#),
            &["history.json:5:", "at tests[0].test", "did you mean `aket`"],
        ),
        (
            format!(r#"    {{ {at}, "test": "slr", "lefty": 20, "right": 20 }}"#),
            &[
                "at tests[0]",
                "unknown field `lefty`",
                "did you mean `left`",
            ],
        ),
        (
            format!(r#"    {{ {at}, "test": "sit-reach", "both": -3 }}"#),
            &["at tests[0].both", "expected a whole number", "fix:"],
        ),
        (
            format!(r#"    {{ {at}, "test": "slr", "left": 70, "right": 70, "strength": 12 }}"#),
            &["at tests[0]", "`strength`", "fix: rate the stretch"],
        ),
        (
            r#"    { "taken": "yesterday", "test": "slr", "left": 70, "right": 70 }"#.into(),
            &["at tests[0].taken", "history.json:5:"],
        ),
    ];
    for (tests, expected) in cases {
        let err = bad_tests(&tests);
        for part in expected {
            assert!(err.contains(part), "{part:?} not in:\n{err}\nfor {tests}");
        }
    }
}

#[test]
fn a_change_counts_from_the_measuring_error_and_in_the_right_direction() {
    use Change::*;
    // Active knee extension: lower is looser; 8 degrees is the smallest real change.
    assert_eq!(Change::between(FlexTest::Aket, 36, 29), WithinError(-7));
    assert_eq!(Change::between(FlexTest::Aket, 36, 28), Looser(8));
    assert_eq!(Change::between(FlexTest::Aket, 28, 35), WithinError(7));
    assert_eq!(Change::between(FlexTest::Aket, 28, 36), Tighter(8));
    // Straight-leg raise: higher is looser; 7 degrees.
    assert_eq!(Change::between(FlexTest::Slr, 70, 76), WithinError(6));
    assert_eq!(Change::between(FlexTest::Slr, 70, 77), Looser(7));
    assert_eq!(Change::between(FlexTest::Slr, 77, 70), Tighter(7));
    // Sit-and-reach: higher is looser; 4 cm.
    assert_eq!(Change::between(FlexTest::SitReach, 20, 23), WithinError(3));
    assert_eq!(Change::between(FlexTest::SitReach, 20, 24), Looser(4));
    assert_eq!(Change::between(FlexTest::SitReach, 24, 20), Tighter(4));
    assert_eq!(Change::between(FlexTest::Slr, 70, 70), WithinError(0));
    // Within the error is never progress, whatever its sign.
    assert!(!Change::between(FlexTest::Aket, 36, 29).is_real());
    assert_eq!(
        Change::between(FlexTest::Aket, 36, 29).words(FlexTest::Aket),
        "within measuring error (-7°)"
    );
    assert_eq!(
        Change::between(FlexTest::Aket, 36, 28).words(FlexTest::Aket),
        "8° looser (may be real)"
    );
    // The extremes do not overflow.
    assert_eq!(Change::between(FlexTest::Slr, 0, 180), Looser(180));
}

/// At each test's threshold, in both directions: a change of exactly the measuring error may
/// be real and is never said to be beyond it; one less is within the error.
#[test]
fn a_change_of_exactly_the_error_may_be_real_and_one_less_is_within_it() {
    for test in supple::history::flex::TESTS {
        let error = smallest_real_change(test);
        let unit = test.unit().after();
        for (from, to) in [(40, 40 + error), (40 + error, 40)] {
            let words = Change::between(test, from, to).words(test);
            assert!(
                words.ends_with(&format!("{error}{unit} looser (may be real)"))
                    || words.ends_with(&format!("{error}{unit} tighter (may be real)")),
                "{test}: {words}"
            );
            assert!(!words.contains("beyond"), "{test}: {words}");
        }
        let words = Change::between(test, 40, 40 + error - 1).words(test);
        assert!(
            words.starts_with("within measuring error"),
            "{test}: {words}"
        );
        // The line under every result says the same.
        let line = threshold_line(test);
        assert!(
            line.starts_with(&format!(
                "a change of {error}{unit} or more may be real, less is within measuring error"
            )),
            "{line}"
        );
        assert!(line.contains("at home the error is larger"), "{line}");
    }
}

#[test]
fn a_difference_between_the_legs_is_said_from_the_error_and_never_beyond_it() {
    let at = "2026-11-24T08:00:00Z[UTC]";
    // AKE: the leg short of straight by more is the tighter one.
    assert_eq!(Asymmetry::of(&result(at, FlexTest::Aket, 28, 35)), None);
    assert_eq!(
        Asymmetry::of(&result(at, FlexTest::Aket, 28, 36)),
        Some(Asymmetry {
            tighter: Side::Right,
            by: 8
        })
    );
    assert_eq!(
        Asymmetry::of(&result(at, FlexTest::Aket, 40, 32)),
        Some(Asymmetry {
            tighter: Side::Left,
            by: 8
        })
    );
    // SLR: the leg that rises less is the tighter one.
    assert_eq!(Asymmetry::of(&result(at, FlexTest::Slr, 70, 76)), None);
    assert_eq!(
        Asymmetry::of(&result(at, FlexTest::Slr, 70, 77)),
        Some(Asymmetry {
            tighter: Side::Left,
            by: 7
        })
    );
    // Sit-and-reach one leg at a time: 4 cm; both legs together cannot differ.
    assert_eq!(Asymmetry::of(&result(at, FlexTest::SitReach, 20, 23)), None);
    assert_eq!(
        Asymmetry::of(&result(at, FlexTest::SitReach, 24, 20)),
        Some(Asymmetry {
            tighter: Side::Right,
            by: 4
        })
    );
    assert_eq!(Asymmetry::of(&together(at, 20)), None);
    // Exactly the error, in each test: "at least" it, "may be real", never "beyond" it; and
    // with it, when to ask a physiotherapist first.
    for test in supple::history::flex::TESTS {
        let error = smallest_real_change(test);
        let unit = test.unit().after();
        let c = Comparison::of(&result(at, test, 40, 40 + error), &[]);
        let verdicts = c.verdicts(test).join("\n");
        let tighter = if test.lower_is_looser() {
            "right"
        } else {
            "left"
        };
        assert!(
            verdicts.contains(&format!(
                "the {tighter} leg tested tighter by {error}{unit}, at least the measuring error \
                 ({error}{unit}): it may be real"
            )),
            "{verdicts}"
        );
        assert!(!verdicts.contains("beyond"), "{verdicts}");
        assert!(verdicts.contains("ask a physiotherapist"), "{verdicts}");
        let c = Comparison::of(&result(at, test, 40, 40 + error - 1), &[]);
        assert!(c.verdicts(test).is_empty(), "{test}");
    }
}

#[test]
fn a_result_is_compared_with_the_first_and_the_last_of_its_kind() {
    let first = result("2026-10-01T08:00:00Z[UTC]", FlexTest::Slr, 60, 70);
    let other = result("2026-10-05T08:00:00Z[UTC]", FlexTest::Aket, 40, 40);
    let both = together("2026-10-06T08:00:00Z[UTC]", 20);
    let last = result("2026-11-01T08:00:00Z[UTC]", FlexTest::Slr, 66, 72);
    let now = result("2026-11-24T08:00:00Z[UTC]", FlexTest::Slr, 68, 78);
    // Saved out of order: the instant decides which is first.
    let history = vec![last.clone(), first.clone(), other, both, now.clone()];
    let c = Comparison::of(&now, &history);
    let (was, change) = c.first.clone().expect("first");
    assert_eq!(was, first);
    assert_eq!(
        change,
        LegsChange::Each {
            left: Change::Looser(8),
            right: Change::Looser(8)
        }
    );
    let (was, change) = c.last.clone().expect("last");
    assert_eq!(was, last);
    assert_eq!(
        change,
        LegsChange::Each {
            left: Change::WithinError(2),
            right: Change::WithinError(6)
        }
    );
    assert_eq!(
        c.asymmetry,
        Some(Asymmetry {
            tighter: Side::Left,
            by: 10
        })
    );
    let text = c.lines(FlexTest::Slr).join("\n");
    assert!(
        text.contains(
            "since the first (2026-10-01, L 60° R 70°): left 8° looser (may be real), right 8° \
             looser (may be real)"
        ),
        "{text}"
    );
    assert!(
        text.contains("right within measuring error (+6°)"),
        "{text}"
    );
    // No "limited" label: its cut-off is for a passive raise an examiner measures.
    assert!(!text.contains("limited") && !text.contains("80°"), "{text}");
    // Compared by day: a try earlier the same day is not a change, and not "the last".
    let try_before = result("2026-11-24T07:50:00Z[UTC]", FlexTest::Slr, 60, 71);
    let mut same_day = history.clone();
    same_day.push(try_before.clone());
    let c = Comparison::of(&now, &same_day);
    assert_eq!(c.last.map(|(was, _)| was), Some(last.clone()));
    assert!(
        Comparison::of(&try_before, std::slice::from_ref(&now))
            .first
            .is_none()
    );

    // The first of its kind is compared with nothing; one leg at a time is not compared with
    // both legs together.
    let alone = Comparison::of(&first, &history);
    assert!(alone.first.is_none() && alone.last.is_none());
    let reach = result("2026-11-24T08:00:00Z[UTC]", FlexTest::SitReach, 20, 20);
    assert!(Comparison::of(&reach, &history).first.is_none());
    // With one earlier result, it is the first, and not repeated as the last.
    let c = Comparison::of(&last, &history);
    assert!(c.first.is_some() && c.last.is_none());
}

#[test]
fn exports_carry_the_results_with_the_documented_columns() {
    let history = HistoryFile {
        version: 2,
        sessions: vec![session("2026-11-24T07:30:00Z[UTC]")],
        tests: vec![
            TestResult::new(
                zoned("2026-11-23T23:30:00-05:00[America/New_York]"),
                FlexTest::Aket,
                (Some(28), Some(35), None),
                Some(Felt::Thigh),
                Some(3),
            )
            .expect("valid"),
            together("2026-11-24T08:00:00Z[UTC]", 31),
        ],
    };
    let mut out = Vec::new();
    export::json(&mut out, &history).expect("json");
    let back: HistoryFile = serde_json::from_slice(&out).expect("parses back");
    assert_eq!(back, history);

    let mut out = Vec::new();
    export::tests_csv(&mut out, &history).expect("csv");
    let text = String::from_utf8(out).expect("utf8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], export::TEST_CSV_COLUMNS.join(","));
    assert_eq!(
        lines[0],
        "taken,date,test,unit,left,right,both,felt,strength,threshold"
    );
    assert_eq!(
        lines[1],
        "2026-11-24T04:30:00Z,2026-11-23,aket,degrees,28,35,,thigh,3,8"
    );
    assert_eq!(
        lines[2],
        "2026-11-24T08:00:00Z,2026-11-24,sit-reach,cm,,,31,,,4"
    );
    assert_eq!(lines.len(), 3);
    let readme = std::fs::read_to_string("README.md").expect("README");
    assert!(
        readme.contains(&export::TEST_CSV_COLUMNS.join(",")),
        "README lists the test CSV columns"
    );
    // The sessions' CSV is as it was.
    let mut out = Vec::new();
    export::csv(&mut out, &history).expect("csv");
    assert_eq!(String::from_utf8(out).expect("utf8").lines().count(), 2);
}

#[test]
fn legs_are_written_as_measured() {
    let json = serde_json::to_value(together("2026-11-24T08:00:00Z[UTC]", 31)).expect("json");
    assert_eq!(json["both"], 31);
    assert!(json.get("left").is_none() && json.get("felt").is_none());
    let json = serde_json::to_value(result("2026-11-24T08:00:00Z[UTC]", FlexTest::Slr, 70, 75))
        .expect("json");
    assert_eq!(
        (json["left"].as_u64(), json["right"].as_u64()),
        (Some(70), Some(75))
    );
    assert!(matches!(
        result("2026-11-24T08:00:00Z[UTC]", FlexTest::Slr, 70, 75).legs,
        Legs::Each {
            left: 70,
            right: 75
        }
    ));
}

use crate::common::supple;

/// Runs `supple test ARGS`; its exit code, and stdout and stderr together.
fn test_command(home: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = supple(home).arg("test").args(args).output().expect("run");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{args:?}: {text}");
    assert!(
        !text.contains('\u{1b}'),
        "{args:?} echoed an escape: {text:?}"
    );
    (out.status.code(), text)
}

#[test]
fn record_saves_then_compares_with_the_first_and_the_last() {
    let home = tempfile::tempdir().expect("tempdir");
    let (code, text) = test_command(
        home.path(),
        &["--record", "aket", "--left", "36", "--right", "37"],
    );
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("saved your active knee extension: left 36°, right 37°"),
        "{text}"
    );
    assert!(text.contains("(1 test)"), "{text}");
    assert!(
        text.contains("the first active knee extension test"),
        "{text}"
    );
    // Results are compared by day: the first and the one before are moved to earlier days
    // (`--record` takes now), as if taken then.
    let store = Store::at(&home.path().join("data/supple"));
    let mut kept = store.load().expect("load");
    kept.tests[0].taken = zoned("2020-10-01T18:00:00+02:00[Europe/Paris]");
    std::fs::remove_file(store.path()).expect("remove");
    store.add_test(&kept.tests[0]).expect("save");
    store
        .add_test(&result("2020-11-01T18:00:00Z[UTC]", FlexTest::Aket, 30, 36))
        .expect("save");
    let (code, text) = test_command(
        home.path(),
        &[
            "--record",
            "aket",
            "--left",
            "28",
            "--right",
            "36",
            "--felt",
            "knee",
            "--strength",
            "4",
        ],
    );
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("felt behind the knee, strength 4 of 10"),
        "{text}"
    );
    assert!(text.contains("since the first ("), "{text}");
    assert!(
        text.contains("left 8° looser (may be real), right within measuring error (-1°)"),
        "{text}"
    );
    assert!(text.contains("since the last (2020-11-01"), "{text}");
    assert!(
        text.contains("the right leg tested tighter by 8°, at least the measuring error (8°)"),
        "{text}"
    );
    assert!(text.contains("Neto et al. 2015"), "{text}");
    let kept = Store::at(&home.path().join("data/supple"))
        .load()
        .expect("load");
    assert_eq!(kept.tests.len(), 3);
    assert_eq!(kept.tests[2].felt, Some(Felt::Knee));

    // And `history --plain` has its block.
    let out = supple(home.path())
        .args(["history", "--plain"])
        .output()
        .expect("run");
    let plain = String::from_utf8_lossy(&out.stdout);
    assert!(
        plain.contains("Flexibility tests, per leg (3 results;"),
        "{plain}"
    );
    assert!(plain.contains("Active knee extension ("), "{plain}");
    assert!(plain.contains("8 deg looser (may be real)"), "{plain}");
    assert!(
        plain.contains("the right leg tested tighter by 8 deg"),
        "{plain}"
    );
    let out = supple(home.path())
        .args(["history", "--csv", "--tests"])
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4);
}

/// Before the very first test, `--record` prints the safety note once, ahead of what it saved;
/// a refused record prints no note and leaves it unread; a note read before a session (or a
/// guided test) is not printed again.
#[test]
fn record_prints_the_safety_note_before_the_first_test_only() {
    use supple::safety::{ASK_FIRST, GET_CARE, STOP_RULE, note_marker};
    let home = tempfile::tempdir().expect("tempdir");
    let marker = note_marker(&home.path().join("data/supple"));
    let (code, text) = test_command(home.path(), &["--record", "aket", "--left", "181"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(!text.contains("Before your first test"), "{text}");
    assert!(!marker.exists(), "nothing was read");

    let (code, text) = test_command(
        home.path(),
        &["--record", "slr", "--left", "70", "--right", "72"],
    );
    assert_eq!(code, Some(0), "{text}");
    let note = text.find("before your first test:").expect(&text);
    let saved = text
        .find("supple: saved your straight-leg raise")
        .expect(&text);
    assert!(note < saved, "the note comes first: {text}");
    for part in [ASK_FIRST, STOP_RULE, GET_CARE] {
        assert!(text.contains(part), "{part}: {text}");
    }
    assert!(marker.exists(), "printed is read");

    let (code, text) = test_command(
        home.path(),
        &["--record", "slr", "--left", "71", "--right", "72"],
    );
    assert_eq!(code, Some(0), "{text}");
    assert!(!text.contains(GET_CARE), "not again: {text}");

    // Read before a session: not printed before the first test either.
    let other = tempfile::tempdir().expect("tempdir");
    supple::safety::mark_note_read(
        Some(&other.path().join("data/supple")),
        jiff::civil::date(2026, 12, 4),
    )
    .expect("marker");
    let (_, text) = test_command(other.path(), &["--record", "sit-reach", "--both", "20"]);
    assert!(!text.contains(GET_CARE), "{text}");
}

#[test]
fn every_bad_record_gets_what_where_and_the_fix_and_saves_nothing() {
    let home = tempfile::tempdir().expect("tempdir");
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--record", "akt", "--left", "1", "--right", "2"],
            &[
                "'--record <TEST>'",
                "not a test supple knows",
                "did you mean `aket`",
                "slr (straight-leg raise)",
                "sit-reach",
            ],
        ),
        (
            &["--record", "aket", "--left", "181", "--right", "30"],
            &[
                "--left",
                "181 degrees is not a leg angle",
                "0 to 180",
                "fix:",
            ],
        ),
        (
            &["--record", "slr", "--left", "70", "--right", "999"],
            &["--right", "999 degrees", "fix:"],
        ),
        (
            &["--record", "aket", "--left", "30"],
            &["--right", "the right leg is missing", "fix: give `right`"],
        ),
        (
            &["--record", "slr", "--right", "30"],
            &["--left", "the left leg is missing", "fix:"],
        ),
        (&["--record", "slr"], &["no result for either leg", "fix:"]),
        (
            &["--record", "aket", "--left", "thirty", "--right", "30"],
            &["'--left <N>'", "`thirty` is not a number", "fix:"],
        ),
        (
            &["--record", "aket", "--left", "28.5", "--right", "30"],
            &["28.5 is not a whole number", "fix: round it"],
        ),
        (
            &["--record", "sit-reach", "--both", "-4"],
            &["'--both <CM>'", "-4 is below 0", "fix:", "23 cm mark"],
        ),
        (
            &["--record", "sit-reach", "--both", "81"],
            &["--both", "81 cm is not a reach", "fix:"],
        ),
        (
            &[
                "--record",
                "sit-reach",
                "--left",
                "30",
                "--right",
                "30",
                "--both",
                "30",
            ],
            &["--both", "not both ways at once", "fix:"],
        ),
        (
            &["--record", "aket", "--both", "30"],
            &["--both", "each leg on its own", "fix:"],
        ),
        (
            &[
                "--record",
                "slr",
                "--left",
                "70",
                "--right",
                "70",
                "--strength",
                "11",
            ],
            &["'--strength <0-10>'", "past the scale's end", "fix:"],
        ),
        (
            &[
                "--record", "slr", "--left", "70", "--right", "70", "--felt", "neck",
            ],
            &[
                "'--felt <WHERE>'",
                "not a place supple knows",
                "fix:",
                "buttock",
            ],
        ),
        (
            &["--record", "slr", "--left", "99999999999", "--right", "70"],
            &["far too large", "fix:"],
        ),
        (
            &["--record", "\u{1b}[31mslr", "--left", "70", "--right", "70"],
            &["\\u{1b}[31mslr", "not a test supple knows"],
        ),
    ];
    for (args, expected) in cases {
        let (code, text) = test_command(home.path(), args);
        assert!(matches!(code, Some(1 | 2)), "{args:?}: {code:?} {text}");
        for part in *expected {
            assert!(
                text.contains(part),
                "{part:?} not in the answer to {args:?}:\n{text}"
            );
        }
    }
    assert!(
        !home.path().join("data/supple/history.json").exists(),
        "nothing was saved"
    );
}
