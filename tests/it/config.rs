//! Settings: the config file, flags over it, where each value came from, and what a bad file
//! does (named with its fix; the defaults stand in).

use predicates::prelude::*;
use supple::content::{Library, builtin_routines};
use supple::session::resolve::Tuning;
use supple::session::{Phase, Plan, clock_text};
use supple::settings::{self, ConfigFile, Flags, Source};

use crate::common::supple;

fn write_config(home: &std::path::Path, text: &str) -> std::path::PathBuf {
    let dir = home.join("config/supple");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join("config.json");
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn flags_win_over_the_file_which_wins_over_the_defaults() {
    let file = ConfigFile {
        routine: Some("quick".into()),
        hold_seconds: Some(30),
        volume: Some(40),
        sound: Some(false),
        ..ConfigFile::default()
    };
    let flags = Flags {
        hold_seconds: Some(45),
        sound: Some(true),
        ..Flags::default()
    };
    let s = settings::resolve(Some(&file), &flags);
    assert_eq!(s.hold_seconds.value, Some(45));
    assert_eq!(s.hold_seconds.source, Source::Flag("--hold"));
    assert_eq!(
        (s.sound.value, &s.sound.source),
        (true, &Source::Flag("--sound"))
    );
    assert_eq!((s.volume.value, &s.volume.source), (40, &Source::File));
    assert_eq!(
        (s.routine.value.as_str(), &s.routine.source),
        ("quick", &Source::File)
    );
    assert_eq!(
        (s.rest_seconds.value, &s.rest_seconds.source),
        (None, &Source::Default)
    );
    assert_eq!((s.bell.value, &s.bell.source), (false, &Source::Default));

    assert_eq!((s.older.value, &s.older.source), (false, &Source::Default));
    let older = ConfigFile {
        older: Some(true),
        ..ConfigFile::default()
    };
    let o = settings::resolve(Some(&older), &Flags::default());
    assert_eq!((o.older.value, &o.older.source), (true, &Source::File));

    let defaults = settings::resolve(None, &Flags::default());
    assert_eq!(defaults.routine.value, "hamstring");
    assert_eq!(defaults.volume.value, supple::settings::DEFAULT_VOLUME);
    assert!(defaults.sound.value);
}

#[test]
fn a_hold_override_changes_the_holds_and_nothing_else() {
    let library = Library::builtin().expect("library");
    let mut routine = builtin_routines(&library)
        .expect("routines")
        .into_iter()
        .find(|r| r.routine.name == "quick")
        .expect("quick")
        .routine;
    let before = Plan::build(&routine, &library).expect("plan");
    supple::session::resolve::tune(
        &mut routine,
        &library,
        &Tuning {
            hold_seconds: Some(30),
            lead_in_seconds: Some(3),
            ..Tuning::default()
        },
    );
    let after = Plan::build(&routine, &library).expect("plan");
    assert_eq!(before.steps.len(), after.steps.len());
    for (b, a) in before.steps.iter().zip(&after.steps) {
        match a.phase {
            Phase::Hold => assert_eq!(a.duration.as_secs(), 30),
            Phase::GetReady => assert_eq!(a.duration.as_secs(), 3),
            _ => assert_eq!(a.duration, b.duration, "{:?} unchanged", a.phase),
        }
    }
    let holds = after
        .steps
        .iter()
        .filter(|s| s.phase == Phase::Hold)
        .count() as u64;
    let expected = before.total().as_secs() + holds * 10 - 7;
    assert_eq!(
        after.total().as_secs(),
        expected,
        "{}",
        clock_text(after.total())
    );
}

#[test]
fn a_missing_file_is_the_defaults() {
    let home = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        settings::load(&home.path().join("none.json")).expect("load"),
        None
    );
}

#[test]
fn bad_files_name_the_place_and_the_fix() {
    let home = tempfile::tempdir().expect("tempdir");
    let cases = [
        (
            "{ \"hold_seconds\": 30,\n  \"volme\": 50 }",
            "2:",
            "did you mean `volume`?",
        ),
        (
            "{ \"hold_seconds\": 0 }",
            "at hold_seconds",
            "from 1 to 3600",
        ),
        ("{ \"volume\": 101 }", "at volume", "from 0 to 100"),
        ("{ \"sound\": \"yes\" }", "at sound", "boolean"),
        ("{ \"older\": \"yes\" }", "at older", "boolean"),
        ("{ \"older\": 1 }", "at older", "boolean"),
        ("{ \"oldr\": true }", "1:", "did you mean `older`?"),
        ("", "empty", "write {} in it"),
        ("[1]", "JSON object", "\"hold_seconds\": 30"),
        ("{ \"routine\": \" \" }", "at routine", "supple list"),
    ];
    for (text, place, fix) in cases {
        let path = write_config(home.path(), text);
        let err = settings::load(&path).expect_err(text).to_string();
        assert!(err.contains("config.json"), "names the file: {err}");
        assert!(err.contains(place), "{text:?}: {err}");
        assert!(err.contains(fix), "{text:?}: {err}");
    }
}

#[test]
fn supple_config_prints_each_setting_with_its_source() {
    let home = tempfile::tempdir().expect("tempdir");
    write_config(
        home.path(),
        r#"{ "hold_seconds": 30, "volume": 60, "older": true }"#,
    );
    supple(home.path())
        .args(["config", "--volume", "70"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("config.json")
                .and(predicate::str::is_match(r"hold_seconds +30 s +config file").expect("re"))
                .and(
                    predicate::str::is_match(r"volume +70 % +command line \(--volume\)")
                        .expect("re"),
                )
                .and(predicate::str::is_match(r"routine +hamstring +default").expect("re"))
                .and(predicate::str::is_match(r"older +on +config file").expect("re")),
        );
}

#[test]
fn supple_config_with_a_bad_file_says_why_and_fails() {
    let home = tempfile::tempdir().expect("tempdir");
    write_config(home.path(), r#"{ "hold": 30 }"#);
    supple(home.path()).arg("config").assert().code(1).stdout(
        predicate::str::contains("not used, it has a problem")
            .and(predicate::str::contains("did you mean `hold_seconds`?")),
    );
}

#[test]
fn plan_uses_the_config_and_the_flags() {
    let home = tempfile::tempdir().expect("tempdir");
    write_config(home.path(), r#"{ "routine": "quick", "hold_seconds": 25 }"#);
    supple(home.path()).arg("plan").assert().success().stdout(
        predicate::str::contains("(quick)").and(predicate::str::contains(
            "hold        Hamstring anchor stretch  left         1/2   0:25",
        )),
    );
    supple(home.path())
        .args(["plan", "--hold", "30", "--lead-in", "4"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1/2   0:30").and(
            predicate::str::is_match(r"0:00  get ready +Marching in place +- +0:04").expect("re"),
        ));
    // Rests between repetitions on one side (the seated stretch, three times), not the
    // moves between exercises.
    supple(home.path())
        .args(["plan", "hamstring", "--rest", "7"])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(r"rest +Seated hamstring stretch +both +0:07")
                .expect("re")
                .and(
                    predicate::str::is_match(r"rest +Seated hamstring stretch +both +0:15")
                        .expect("re"),
                ),
        );
}

#[test]
fn plan_with_a_bad_config_warns_and_uses_the_defaults() {
    let home = tempfile::tempdir().expect("tempdir");
    write_config(home.path(), r#"{ "hold_seconds": "long" }"#);
    supple(home.path())
        .arg("plan")
        .assert()
        .success()
        .stderr(
            predicate::str::contains("config.json")
                .and(predicate::str::contains("using the default settings")),
        )
        .stdout(predicate::str::contains("(hamstring)"));
}

#[test]
fn flags_out_of_range_are_refused_by_the_command_line() {
    let home = tempfile::tempdir().expect("tempdir");
    supple(home.path())
        .args(["plan", "--hold", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--hold"));
}

/// Lengths are written as people write them, in flags and in the config file: 30, 30s, 1m,
/// 1m30s; anything else names the forms that work.
#[test]
fn lengths_take_units() {
    for (text, secs) in [
        ("30", 30),
        ("30s", 30),
        ("1m", 60),
        ("1m30s", 90),
        (" 2m ", 120),
    ] {
        assert_eq!(settings::parse_seconds(text), Ok(secs), "{text}");
    }
    for bad in ["", "1.5s", "30x", "-5", "thirty"] {
        let err = settings::parse_seconds(bad).expect_err(bad);
        assert!(err.contains("write 30, 30s, 1m or 1m30s"), "{err}");
    }
    let home = tempfile::tempdir().expect("tempdir");
    supple(home.path())
        .args(["plan", "quick", "--hold", "30s", "--rest", "1m"])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(r"hold +Hamstring anchor stretch +left +1/2 +0:30")
                .expect("re"),
        );
    supple(home.path())
        .args(["plan", "quick", "--hold", "30x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("write 30, 30s, 1m or 1m30s"));
    write_config(
        home.path(),
        r#"{ "hold_seconds": "1m30s", "rest_seconds": 12 }"#,
    );
    supple(home.path())
        .args(["plan", "quick"])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(r"hold +Hamstring anchor stretch +left +1/2 +1:30")
                .expect("re"),
        );
    write_config(home.path(), r#"{ "hold_seconds": "half a minute" }"#);
    supple(home.path())
        .arg("config")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("at hold_seconds").and(predicate::str::contains("1m30s")));
}
