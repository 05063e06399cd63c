//! The command line, run as a user runs it.

use predicates::prelude::*;

use crate::common::supple;

#[test]
fn help_and_version() {
    let home = tempfile::tempdir().expect("tempdir");
    supple(home.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("plan").and(predicate::str::contains("check")));
    supple(home.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn plan_prints_the_table_with_its_total() {
    let home = tempfile::tempdir().expect("tempdir");
    supple(home.path())
        .args(["plan", "partner"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains(
                "Hamstring session with a partner (partner): 38 steps, 11:55 in all",
            )
            .and(predicate::str::contains(
                "   0:00  get ready   Jumping jacks",
            ))
            .and(predicate::str::contains(
                "hold        Hamstring anchor stretch       right        2/2   0:20",
            ))
            .and(predicate::str::contains("  11:55  end"))
            .and(predicate::str::contains("left 160 s, right 160 s"))
            .and(predicate::str::contains(
                "30 to 60 s for older adults (--hold 30 or more)",
            ))
            .and(predicate::str::contains(
                "Needs a partner (without one: supple run hamstring).",
            ))
            .and(predicate::str::contains(supple::safety::STOP_RULE)),
        );
}

/// The default routine needs no partner, and the old name of the solo routine still runs it.
#[test]
fn the_default_routine_is_done_alone_and_solo_still_names_it() {
    let home = tempfile::tempdir().expect("tempdir");
    for args in [&["plan"][..], &["plan", "solo"]] {
        supple(home.path()).args(args).assert().success().stdout(
            predicate::str::contains("Hamstring session (hamstring): 38 steps, 11:52 in all")
                .and(predicate::str::contains("Assisted").not())
                .and(predicate::str::contains("partner").not()),
        );
    }
}

/// `--help` carries the stop rule and who should ask first.
#[test]
fn help_tells_when_to_stop_and_who_should_ask_first() {
    let home = tempfile::tempdir().expect("tempdir");
    for flag in ["-h", "--help"] {
        supple(home.path()).arg(flag).assert().success().stdout(
            predicate::str::contains(supple::safety::STOP_RULE)
                .and(predicate::str::contains("sciatica"))
                .and(predicate::str::contains("pregnant"))
                .and(predicate::str::contains("30 to 60 s for older adults")),
        );
    }
}

#[test]
fn list_shows_builtin_and_user_routines() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("config/supple/routines");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("mine.json"),
        r#"{ "name": "mine", "title": "My evening stretch", "steps": [ { "exercise": "lying-stretch", "seconds": 30 } ] }"#,
    )
    .expect("write");
    std::fs::write(dir.join("broken.json"), "{ nope").expect("write");
    supple(home.path())
        .arg("list")
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(r"hamstring +11:52 +low step or chair +Hamstring session\n")
                .expect("re")
                .and(predicate::str::is_match(r"partner +11:55 +low step or chair, partner +Hamstring session with a partner\n").expect("re"))
                .and(predicate::str::is_match(r"floor +10:49 +- +Hamstring session on the floor\n").expect("re"))
                .and(predicate::str::contains("No partner? Run: supple run hamstring"))
                .and(predicate::str::contains("No low step or chair? Run: supple run floor"))
                .and(predicate::str::contains("quick"))
                .and(predicate::str::contains("My evening stretch"))
                .and(predicate::str::contains("My evening stretch (yours)")),
        )
        .stderr(predicate::str::contains("broken.json:1:3"));
    // A user routine runs by name.
    supple(home.path())
        .args(["plan", "mine"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "hold        Lying hamstring stretch  left         1/1   0:30",
        ));
}

#[test]
fn unknown_routine_name_suggests_the_close_one() {
    let home = tempfile::tempdir().expect("tempdir");
    supple(home.path())
        .args(["plan", "hamstrings"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `hamstring`?"));
}

#[test]
fn check_exit_codes() {
    let home = tempfile::tempdir().expect("tempdir");
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/content/routines/quick.json");
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/bad_routines/zero_seconds.json"
    );
    supple(home.path())
        .args(["check", good])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("ok: ").and(predicate::str::contains("quick: 18 steps, 5:05")),
        );
    supple(home.path())
        .args(["check", good, bad])
        .assert()
        .code(1);
    supple(home.path())
        .args(["check", "/no/such/file.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read the file"));
    // Misuse: no files, or an unknown flag.
    supple(home.path()).arg("check").assert().code(2);
    supple(home.path())
        .args(["check", "--frobnicate"])
        .assert()
        .code(2);
}

#[test]
fn history_as_text_csv_and_with_a_broken_file() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data");
    let history = |args: &[&str]| {
        let mut cmd = supple(home.path());
        cmd.env("XDG_DATA_HOME", &data).arg("history").args(args);
        cmd
    };
    history(&["--plain"]).assert().success().stdout(
        predicate::str::contains("No sessions yet")
            .and(predicate::str::contains("60 s per leg on 5 days a week"))
            .and(predicate::str::contains("Streak 0 days").not()),
    );
    history(&["--csv"])
        .assert()
        .success()
        .stdout("started,date,routine,completed,elapsed_seconds,exercise,name,kind,side,planned,done,skipped,held_seconds\n");
    std::fs::create_dir_all(data.join("supple")).expect("mkdir");
    std::fs::write(
        data.join("supple/history.json"),
        "{ \"version\": 1,\n \"sessions\": [ oops ] }",
    )
    .expect("write");
    history(&["--plain"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("history.json:2:").and(predicate::str::contains(
                "keep this file aside under a new name",
            )),
        );
    // Reading never moves the file: only a save sets it aside.
    assert!(data.join("supple/history.json").exists());
}

#[test]
fn a_history_over_the_size_limit_is_read_by_no_view() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data");
    std::fs::create_dir_all(data.join("supple")).expect("mkdir");
    let file = data.join("supple/history.json");
    let big = std::fs::File::create(&file).expect("create");
    big.set_len(supple::history::MAX_BYTES + 1).expect("grow");
    for view in ["--plain", "--json", "--csv"] {
        let mut cmd = supple(home.path());
        cmd.env("XDG_DATA_HOME", &data).args(["history", view]);
        cmd.assert().code(1).stdout("").stderr(
            predicate::str::contains("history.json: the history is too large to read")
                .and(predicate::str::contains(
                    supple::history::MAX_BYTES.to_string(),
                ))
                .and(predicate::str::contains("sets it aside, untouched")),
        );
    }
    let len = std::fs::metadata(&file).expect("kept").len();
    assert_eq!(len, supple::history::MAX_BYTES + 1);
}

#[test]
fn plan_why_says_the_dose_and_when_each_suggestion_comes() {
    let home = tempfile::tempdir().expect("tempdir");
    supple(home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .args(["plan", "quick", "--why"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("The weekly dose: 60 s per leg on 5 days a week")
                .and(predicate::str::contains("No suggestion today."))
                .and(predicate::str::contains("When supple suggests what")),
        );
    // Without --why, an empty history adds nothing to the plan.
    supple(home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .args(["plan", "quick"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Suggestion").not());
}

/// A hold over 60 s, by flag or config, is taken as set; `plan` says once that the extra adds
/// nothing in the studies, and so does a session, once, before it starts. 60 s says nothing.
#[test]
fn a_hold_over_60_s_is_kept_and_said_once_to_add_nothing() {
    let home = tempfile::tempdir().expect("tempdir");
    let said = "Holds of 90 s: kept as you set them, but beyond 60 s they add nothing in the \
                studies (Bandy et al. 1997: 60 s holds did no better than 30 s).";
    let plan = |args: &[&str]| {
        let out = supple(home.path())
            .args(["plan", "quick"])
            .args(args)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
    };
    let out = plan(&["--hold", "90"]);
    assert_eq!(out.matches(said).count(), 1, "{out}");
    assert!(out.contains("hold  ") && out.contains("1:30"), "{out}");
    assert!(!plan(&["--hold", "60"]).contains("Holds of"));
    assert!(!plan(&[]).contains("Holds of"));
    // The same from the config file.
    std::fs::create_dir_all(home.path().join("config/supple")).expect("mkdir");
    std::fs::write(
        home.path().join("config/supple/config.json"),
        r#"{ "hold_seconds": 90 }"#,
    )
    .expect("config");
    assert_eq!(plan(&[]).matches(said).count(), 1);
    // Before a session (plain here), once, ahead of the opening.
    let run = supple(home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("TERM", "dumb")
        .args(["run", "quick", "--no-sound", "--plain"])
        .write_stdin("qy")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success();
    let out = String::from_utf8(run.get_output().stdout.clone()).expect("UTF-8");
    assert_eq!(out.matches(said).count(), 1, "{out}");
    let line = out.find(said).expect("said");
    let opening = out.find("supple: Quick").expect(&out);
    assert!(line < opening, "{out}");
}

/// The session's flags (`--hold`, `--no-sound`, `--count-aloud`, `--notify` ...) belong to a
/// session, `plan` and `config`: other commands' help lists none, and refuses them.
#[test]
fn session_flags_belong_to_the_commands_that_use_them() {
    let home = tempfile::tempdir().expect("tempdir");
    let help = |args: &[&str]| {
        let out = supple(home.path())
            .args(args)
            .arg("--help")
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let flags = [
        "--hold",
        "--no-sound",
        "--count-aloud",
        "--notify",
        "--volume",
        "--no-images",
    ];
    for command in [
        "history",
        "status",
        "completions",
        "test",
        "list",
        "remind",
        "man",
    ] {
        let text = help(&[command]);
        assert!(text.contains("Usage"), "{command}: {text}");
        for flag in flags {
            assert!(
                !text.contains(flag),
                "{command} --help lists {flag}:\n{text}"
            );
        }
    }
    for command in [&[][..], &["run"][..], &["plan"][..], &["config"][..]] {
        let text = help(command);
        for flag in flags {
            assert!(
                text.contains(flag),
                "{command:?} --help lacks {flag}:\n{text}"
            );
        }
    }
    supple(home.path())
        .args(["status", "--hold", "30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unexpected argument '--hold'"));
}

/// Lengths are written the same way everywhere: a routine file takes "30s", "1m" and
/// "1m30s" as the flags and the config do, with the same message for a bad one; `check`
/// accepts a hold over 60 s with the word `--hold` gets.
#[test]
fn routine_files_take_lengths_as_flags_do_and_check_notes_long_holds() {
    let home = tempfile::tempdir().expect("tempdir");
    let good = home.path().join("good.json");
    std::fs::write(
        &good,
        r#"{ "name": "good", "title": "Good", "defaults": { "seconds": "30s", "rest_seconds": "5s" },
  "steps": [ { "exercise": "lying-stretch", "seconds": "1m30s" }, { "exercise": "seated-stretch" } ] }"#,
    )
    .expect("write");
    supple(home.path())
        .args(["check", good.to_str().expect("path")])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("ok: ").and(predicate::str::contains(
                "Holds of 90 s: kept as you set them",
            )),
        );
    supple(home.path())
        .args(["plan", good.to_str().expect("path")])
        .assert()
        .success()
        .stdout(predicate::str::contains("1:30"));
    let bad = home.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{ "name": "bad", "title": "Bad", "steps": [ { "exercise": "lying-stretch", "seconds": "30x" } ] }"#,
    )
    .expect("write");
    supple(home.path())
        .args(["check", bad.to_str().expect("path")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "at steps[0].seconds: `30x` is not a number of seconds\n  fix: write a whole number of seconds, 20, or a text with units, \"20s\"",
        ));
}

/// `supple list` fits 80 columns, whatever the titles and wherever the routines folder is.
#[test]
fn list_fits_80_columns() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("config/supple/routines");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("long.json"),
        r#"{ "name": "a-rather-long-routine-name", "title": "A title that goes on and on past any column to hold it",
  "steps": [ { "exercise": "assisted-stretch" } ] }"#,
    )
    .expect("write");
    // Wide characters take two columns each.
    std::fs::write(
        dir.join("wide.json"),
        format!(
            r#"{{ "name": "wide", "title": "{}", "steps": [ {{ "exercise": "lying-stretch" }} ] }}"#,
            "伸".repeat(60)
        ),
    )
    .expect("write");
    let out = supple(home.path()).arg("list").output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("a-rather-long-routine-name"), "{text}");
    let columns = |line: &str| ratatui::text::Span::raw(line).width();
    for line in text.lines() {
        assert!(columns(line) <= 80, "{} columns: {line}", columns(line));
    }
    let wide = text.lines().find(|l| l.starts_with("wide ")).expect("wide");
    assert!(wide.ends_with("… (yours)"), "{wide}");
    assert!(
        text.contains("Your routines go in ~/config/supple/routines"),
        "{text}"
    );
}

/// `supple edit` of a name no routine has yet offers to make it; `run` does not.
#[test]
fn edit_of_a_new_name_offers_supple_new() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = supple(home.path())
        .args(["edit", "my-desk"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no routine has this name"), "{err}");
    assert!(err.contains("or make it: supple new my-desk"), "{err}");
    let out = supple(home.path())
        .args(["run", "my-desk"])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("supple new"));
}
