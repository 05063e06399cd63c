//! `supple remind` through the real binary, in a temporary home: the units or the crontab line
//! it writes, what it shows, what it removes, and its errors. `SUPPLE_REMIND_SYSTEMD` forces
//! the choice, so no test ever runs `systemctl` or touches a real user manager.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn config(&self) -> PathBuf {
        self.path().join("config")
    }

    fn units(&self) -> PathBuf {
        self.config().join("systemd/user")
    }

    fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    /// `supple` with this home, and systemd forced on (`"1"`, units written, `systemctl`
    /// never run) or off (`"0"`).
    fn supple(&self, systemd: &str) -> Command {
        let mut cmd = crate::common::supple(self.path());
        cmd.env("XDG_CONFIG_HOME", self.config())
            .env("XDG_DATA_HOME", self.data())
            .env("SUPPLE_REMIND_SYSTEMD", systemd)
            .env_remove("XDG_RUNTIME_DIR");
        cmd
    }

    fn stdout(&self, systemd: &str, args: &[&str]) -> String {
        let out = self.supple(systemd).args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
    }
}

fn exe() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_supple"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The units as `systemd-analyze verify` sees them, where that program exists: a user manager
/// of its own in a temporary runtime folder, so nothing real is asked.
fn verify_units(home: &Home) {
    if !crate::common::installed("systemd-analyze")
        && crate::common::goes_without("systemd-analyze", "the units are not verified")
    {
        return;
    }
    let runtime = home.path().join("runtime");
    std::fs::create_dir_all(&runtime).expect("mkdir");
    let out = std::process::Command::new("systemd-analyze")
        .args(["--user", "verify"])
        .arg(home.units().join("supple-remind.timer"))
        .arg(home.units().join("supple-remind.service"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.config())
        .env("XDG_RUNTIME_DIR", &runtime)
        .output()
        .expect("systemd-analyze runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "systemd-analyze verify failed:\n{said}"
    );
    assert!(
        said.trim().is_empty(),
        "systemd-analyze verify warned:\n{said}"
    );
    // And the calendar event is one systemd reads the same way back.
    let out = std::process::Command::new("systemd-analyze")
        .args(["calendar", "Mon,Wed,Fri *-*-* 07:30:00"])
        .output()
        .expect("systemd-analyze runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Normalized form: Mon,Wed,Fri *-*-* 07:30:00"),
        "{said}"
    );
}

#[test]
fn a_timer_and_its_service_are_written_shown_and_removed() {
    let home = Home::new();
    let units = home.units();
    // The person's own unit, and the link `systemctl --user enable` makes: only the second
    // is supple's to remove.
    std::fs::create_dir_all(units.join("timers.target.wants")).expect("mkdir");
    std::fs::write(
        units.join("mine.service"),
        "[Service]\nExecStart=/bin/true\n",
    )
    .expect("write");

    let said = home.stdout("1", &["remind", "--at", "07:30", "--days", "mon,wed,fri"]);
    let timer = units.join("supple-remind.timer");
    let service = units.join("supple-remind.service");
    assert!(
        said.contains(&format!("wrote {}", service.display())),
        "{said}"
    );
    assert!(
        said.contains(&format!("wrote {}", timer.display())),
        "{said}"
    );
    assert!(said.contains("07:30 (7:30am) on Mon, Wed, Fri"), "{said}");
    // Not reachable (forced): the exact commands, and nothing run.
    assert!(
        said.contains("  systemctl --user daemon-reload\n"),
        "{said}"
    );
    assert!(
        said.contains("  systemctl --user enable --now supple-remind.timer\n"),
        "{said}"
    );
    assert!(!said.contains("ran `systemctl"), "{said}");

    let timer_text = read(&timer);
    assert!(
        timer_text.starts_with("# Written by `supple remind`"),
        "{timer_text}"
    );
    for line in [
        "[Timer]",
        "OnCalendar=Mon,Wed,Fri *-*-* 07:30:00",
        "Persistent=true",
        "Unit=supple-remind.service",
        "[Install]",
        "WantedBy=timers.target",
    ] {
        assert!(
            timer_text.lines().any(|l| l == line),
            "{line}:\n{timer_text}"
        );
    }
    let service_text = read(&service);
    assert!(
        service_text.starts_with("# Written by `supple remind`"),
        "{service_text}"
    );
    assert!(
        service_text.lines().any(|l| l == "Type=oneshot"),
        "{service_text}"
    );
    let exec = format!("ExecStart=\"{}\" remind --now", exe().display());
    assert!(
        service_text.lines().any(|l| l == exec),
        "{exec}:\n{service_text}"
    );
    verify_units(&home);

    let shown = home.stdout("1", &["remind"]);
    assert!(
        shown.contains("Reminder: 07:30 (7:30am) on Mon, Wed, Fri, by a systemd user timer."),
        "{shown}"
    );
    assert!(shown.contains(&timer.display().to_string()), "{shown}");

    std::os::unix::fs::symlink(
        "../supple-remind.timer",
        units.join("timers.target.wants/supple-remind.timer"),
    )
    .expect("link");
    let removed = home.stdout("1", &["remind", "--off"]);
    for path in [
        &timer,
        &service,
        &units.join("timers.target.wants/supple-remind.timer"),
    ] {
        assert!(
            removed.contains(&format!("removed {}", path.display())),
            "{removed}"
        );
        assert!(
            std::fs::symlink_metadata(path).is_err(),
            "{}",
            path.display()
        );
    }
    assert!(
        removed.contains("systemctl --user daemon-reload"),
        "{removed}"
    );
    assert_eq!(
        read(&units.join("mine.service")),
        "[Service]\nExecStart=/bin/true\n"
    );
    assert!(home.stdout("1", &["remind"]).contains("No reminder set."));
    assert!(
        home.stdout("1", &["remind", "--off"])
            .contains("No reminder set; nothing removed.")
    );
}

/// Every day by default; days in any case and order, named twice or in full, come out once
/// each, Monday first; a new time replaces the old one and says so.
#[test]
fn days_are_normalised_and_a_new_time_replaces_the_old() {
    let home = Home::new();
    home.stdout("1", &["remind", "--at", "7:05"]);
    let timer = home.units().join("supple-remind.timer");
    assert!(read(&timer).contains("\nOnCalendar=*-*-* 07:05:00\n"));
    assert!(
        home.stdout("1", &["remind"])
            .contains("07:05 (7:05am) every day")
    );
    let said = home.stdout(
        "1",
        &["remind", "--at", "21:00", "--days", "Sunday,FRI, sat,fri"],
    );
    assert!(
        said.contains("Replacing the reminder at 07:05 (7:05am) every day."),
        "{said}"
    );
    assert!(read(&timer).contains("\nOnCalendar=Fri,Sat,Sun *-*-* 21:00:00\n"));
    assert!(
        said.contains("`supple remind --at 21:00 --days fri,sat,sun`"),
        "{said}"
    );
}

#[test]
fn without_systemd_it_prints_the_crontab_line_and_keeps_a_copy() {
    let home = Home::new();
    let said = home.stdout("0", &["remind", "--at", "07:30", "--days", "mon,wed,fri"]);
    let line = format!(
        "30 7 * * 1,3,5 XDG_RUNTIME_DIR=/run/user/$(id -u) '{}' remind --now",
        exe().display()
    );
    assert!(said.lines().any(|l| l == line), "{line}\n{said}");
    assert!(
        said.contains("supple does not change your crontab"),
        "{said}"
    );
    let copy = home.config().join("supple/remind.crontab");
    assert!(
        said.contains(&format!("wrote {}", copy.display())),
        "{said}"
    );
    assert!(read(&copy).lines().any(|l| l == line));
    assert!(!home.config().join("systemd").exists());

    let shown = home.stdout("0", &["remind"]);
    assert!(
        shown.contains("Reminder: 07:30 (7:30am) on Mon, Wed, Fri, by cron"),
        "{shown}"
    );
    assert!(shown.contains(&line), "{shown}");
    // Sunday is cron's 0.
    let said = home.stdout("0", &["remind", "--at", "6:00", "--days", "sun"]);
    assert!(said.contains("\n0 6 * * 0 XDG_RUNTIME_DIR"), "{said}");

    let removed = home.stdout("0", &["remind", "--off"]);
    assert!(
        removed.contains(&format!("removed {}", copy.display())),
        "{removed}"
    );
    assert!(removed.contains("remove this line yourself"), "{removed}");
    assert!(!copy.exists());
}

/// Every bad time and day: exit 2, the flag, the value (escaped), what is wrong with it, the
/// likely time or day, and how to write one.
#[test]
fn bad_times_and_days_get_clear_errors() {
    let home = Home::new();
    let time_fix = "write 24-hour HH:MM, such as 19:30, or 12-hour with am or pm, such as 7:30pm";
    let day_fix = "name days by their first three letters (mon, tue, wed, thu, fri, sat, sun) or \
                   in full (friday), separated by commas, such as mon,wed,fri; a range such as \
                   mon-fri; or weekdays, weekends or daily";
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--at", "25:00"],
            &["'--at <HH:MM>'", "the hour is 25", "00 to 23", time_fix],
        ),
        (&["--at", "24:00"], &["the hour is 24", time_fix]),
        (
            &["--at", "07:60"],
            &["the minutes are 60", "00 to 59", time_fix],
        ),
        (
            &["--at", "7"],
            &[
                "`7` has no minutes, and no am or pm",
                "did you mean `07:00` (7am) or `19:00` (7pm)?",
                time_fix,
            ],
        ),
        (&["--at", "7:5"], &["`7:5` is not a time", time_fix]),
        (
            &["--at", "13pm"],
            &[
                "`13pm`: the hour is 13, and with am or pm hours go from 1 to 12",
                "fix: did you mean `13:00`?",
                time_fix,
            ],
        ),
        (
            &["--at", "0am"],
            &["hours go from 1 to 12 (12am is midnight", time_fix],
        ),
        (
            &["--at", "1930"],
            &["`1930` is not a time", "did you mean `19:30`?", time_fix],
        ),
        (&["--at", ""], &["no time given", time_fix]),
        (
            &["--at", "\u{1b}]0;x\u{7}"],
            &["`\\u{1b}]0;x\\u{7}` is not a time", time_fix],
        ),
        (
            &["--at", "07:30", "--days", "funday"],
            &["'--days <DAYS>'", "`funday` is not a day", day_fix],
        ),
        (
            &["--at", "7:30pm", "--days", "mon,wed,fry"],
            &[
                "`fry` (item 3 of 3) is not a day of the week",
                "fix: did you mean `fri`?",
                day_fix,
            ],
        ),
        (
            &["--at", "07:30", "--days", "Mon-Thrusday"],
            &[
                "`Thrusday` (in `Mon-Thrusday`) is not a day of the week",
                "did you mean `thursday`?",
                day_fix,
            ],
        ),
        (&["--at", "07:30", "--days", ""], &["no day given", day_fix]),
        (
            &["--at", "07:30", "--days", ",,"],
            &["no day given", day_fix],
        ),
        (
            &["--at", "07:30", "--days", "mon\nday"],
            &["`mon\\u{a}day` is not a day", day_fix],
        ),
        (
            &["--off", "--at", "07:30"],
            &["'--off' cannot be used with '--at <HH:MM>'"],
        ),
        (&["--days", "mon"], &["required", "--at <HH:MM>"]),
    ];
    for (args, expected) in cases {
        let out = home
            .supple("1")
            .arg("remind")
            .args(*args)
            .assert()
            .code(2)
            .stdout("");
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        for want in *expected {
            assert!(err.contains(want), "{args:?}: {want:?} not in:\n{err}");
        }
        assert!(!err.contains('\u{1b}'), "{args:?}: a raw escape in:\n{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    assert!(!home.config().exists(), "nothing is written on bad input");
}

/// The error the README shows for a misspelt day is the one supple gives.
#[test]
fn the_readme_shows_the_day_error_supple_gives() {
    let readme = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"));
    let reminders = &readme[readme.find("## Reminders").expect("a Reminders section")..];
    let block = reminders
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a text block");
    let shown: Vec<&str> = block.lines().map(str::trim).collect();
    let home = Home::new();
    let out = home
        .supple("1")
        .args(["remind", "--at", "07:30", "--days", "mon,wed,fry"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let said: Vec<&str> = err.lines().map(str::trim).take(shown.len()).collect();
    assert_eq!(said, shown);
}

/// A 12-hour time and days as people write them reach systemd's calendar event and cron's
/// line as the 24-hour time and the days, and are said back both ways.
#[test]
fn twelve_hour_times_and_day_ranges_reach_systemd_and_cron() {
    let home = Home::new();
    let said = home.stdout("1", &["remind", "--at", "7:30 PM", "--days", "Mon-Fri"]);
    assert!(
        said.contains(
            "reminds you to stretch at 19:30 (7:30pm) on Mon, Tue, Wed, Thu, Fri \
             (OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 19:30:00)"
        ),
        "{said}"
    );
    assert!(
        said.contains("`supple remind --at 19:30 --days mon,tue,wed,thu,fri`"),
        "{said}"
    );
    let timer = read(&home.units().join("supple-remind.timer"));
    assert!(
        timer
            .lines()
            .any(|l| l == "OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 19:30:00"),
        "{timer}"
    );
    verify_units(&home);
    let shown = home.stdout("1", &["remind"]);
    assert!(
        shown.contains("Reminder: 19:30 (7:30pm) on Mon, Tue, Wed, Thu, Fri, by a systemd"),
        "{shown}"
    );
    // Midnight is 12am; empty items and a day twice are passed over.
    let said = home.stdout("1", &["remind", "--at", "12am", "--days", "weekends,,SAT,"]);
    assert!(
        said.contains("Replacing the reminder at 19:30 (7:30pm) on Mon, Tue, Wed, Thu, Fri."),
        "{said}"
    );
    assert!(
        read(&home.units().join("supple-remind.timer"))
            .contains("\nOnCalendar=Sat,Sun *-*-* 00:00:00\n")
    );

    let cron = Home::new();
    let said = cron.stdout("0", &["remind", "--at", "7pm", "--days", "fri-mon"]);
    let line = format!(
        "0 19 * * 1,5,6,0 XDG_RUNTIME_DIR=/run/user/$(id -u) '{}' remind --now",
        exe().display()
    );
    assert!(said.lines().any(|l| l == line), "{line}\n{said}");
    assert!(
        cron.stdout("0", &["remind"])
            .contains("Reminder: 19:00 (7:00pm) on Mon, Fri, Sat, Sun, by cron"),
    );
    let said = cron.stdout("0", &["remind", "--at", "12:15pm", "--days", "daily"]);
    assert!(said.contains("\n15 12 * * * XDG_RUNTIME_DIR"), "{said}");
}

/// A file of the same name that supple did not write is never replaced or removed; folders
/// in the way get the path and the fix, never a panic.
#[test]
fn what_is_not_supples_is_left_alone_with_the_reason() {
    let home = Home::new();
    std::fs::create_dir_all(home.units()).expect("mkdir");
    let theirs = home.units().join("supple-remind.timer");
    std::fs::write(&theirs, "[Timer]\nOnCalendar=daily\n").expect("write");
    home.supple("1")
        .args(["remind", "--at", "07:30"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(theirs.display().to_string())
                .and(predicate::str::contains("a file supple did not write"))
                .and(predicate::str::contains(
                    "fix: rename or remove it yourself",
                )),
        );
    assert!(!home.units().join("supple-remind.service").exists());
    home.supple("1")
        .args(["remind", "--off"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Left alone:")
                .and(predicate::str::contains("nothing removed")),
        );
    assert_eq!(read(&theirs), "[Timer]\nOnCalendar=daily\n");

    // A link in the unit's place is not supple's either.
    let other = Home::new();
    std::fs::create_dir_all(other.units()).expect("mkdir");
    std::os::unix::fs::symlink("/etc/hostname", other.units().join("supple-remind.service"))
        .expect("link");
    other
        .supple("1")
        .args(["remind", "--at", "07:30"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a link to /etc/hostname, not a file supple wrote",
        ));

    // The config folder is a file.
    let file = Home::new();
    std::fs::write(file.config(), "").expect("write");
    file.supple("1")
        .args(["remind", "--at", "07:30"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(format!("{}: a file, not a folder", file.config().display()))
                .and(predicate::str::contains("fix: move it away")),
        );
    file.supple("0")
        .args(["remind", "--at", "07:30"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a file, not a folder"));

    // `systemd` is a link that leads nowhere.
    let dangling = Home::new();
    std::fs::create_dir_all(dangling.config()).expect("mkdir");
    std::os::unix::fs::symlink(
        dangling.path().join("gone"),
        dangling.config().join("systemd"),
    )
    .expect("link");
    dangling
        .supple("1")
        .args(["remind", "--at", "07:30"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("which does not exist")
                .and(predicate::str::contains("fix: create")),
        );
}

/// A `notify-send` that writes down what it was given, in a folder of its own.
fn fake_notify_send(home: &Home) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = home.path().join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let script = bin.join("notify-send");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{}'\n",
            home.path().join("notified").display()
        ),
    )
    .expect("write");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}

#[test]
fn the_reminder_is_a_notification_or_a_line_for_the_next_shell() {
    let home = Home::new();
    let bin = fake_notify_send(&home);
    home.supple("1")
        .args(["remind", "--now"])
        .env("PATH", &bin)
        .assert()
        .success()
        .stdout(predicate::str::contains("notified: Time to stretch"));
    let sent = read(&home.path().join("notified"));
    assert_eq!(
        sent,
        "--app-name=supple\nTime to stretch\n`supple` runs today's routine (hamstring, about 12 \
         minutes).\n"
    );

    // No notify-send: the line waits for the next shell, which shows it once.
    let empty = home.path().join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    home.supple("1")
        .args(["remind", "--now"])
        .env("PATH", &empty)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("there is no notify-send")
                .and(predicate::str::contains("supple remind --pending")),
        );
    assert_eq!(
        home.stdout("1", &["remind", "--pending"]),
        "supple: Time to stretch: `supple` runs today's routine (hamstring, about 12 minutes).\n"
    );
    assert_eq!(home.stdout("1", &["remind", "--pending"]), "");

    // After a session today, nothing.
    let data = home.data().join("supple");
    std::fs::create_dir_all(&data).expect("mkdir");
    let today = jiff::ZonedDateTime::now();
    std::fs::write(
        data.join("history.json"),
        format!(
            r#"{{ "version": 1, "sessions": [ {{ "started": "{today}", "routine": "quick",
            "title": "Quick", "planned_seconds": 20, "elapsed_seconds": 20,
            "completed": true, "exercises": [ {{ "exercise": "lying-stretch",
            "name": "Lying hamstring stretch", "kind": "hold", "side": "left", "planned": 1,
            "done": 1, "skipped": 0, "held_seconds": 20 }} ] }} ] }}"#
        ),
    )
    .expect("write history");
    std::fs::remove_file(home.path().join("notified")).expect("rm");
    home.supple("1")
        .args(["remind", "--now"])
        .env("PATH", &bin)
        .assert()
        .success()
        .stdout("You have stretched today: no reminder.\n");
    assert!(!home.path().join("notified").exists());
}

/// supple run from a folder with a space and a `%` in its name: systemd reads the unit back to
/// that very path, and cron's line escapes the `%` it would take for a line break.
#[test]
fn an_odd_path_to_supple_is_quoted_for_systemd_and_cron() {
    let home = Home::new();
    let odd = home.path().join("my apps/100%");
    std::fs::create_dir_all(&odd).expect("mkdir");
    let linked = odd.join("supple");
    // A hard link where the folder is on the binary's file system, else a copy.
    if std::fs::hard_link(exe(), &linked).is_err() {
        std::fs::copy(exe(), &linked).expect("copy the binary");
    }
    let run = |systemd: &str| {
        let mut cmd = Command::new(&linked);
        cmd.env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.config())
            .env("SUPPLE_REMIND_SYSTEMD", systemd)
            .args(["remind", "--at", "07:30", "--days", "mon,wed,fri"]);
        cmd
    };
    run("1").assert().success();
    let service = read(&home.units().join("supple-remind.service"));
    let exec = format!(
        "ExecStart=\"{}/my apps/100%%/supple\" remind --now",
        home.path().display()
    );
    assert!(service.lines().any(|l| l == exec), "{exec}\n{service}");
    verify_units(&home);
    let out = run("0").assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let line = format!(
        "30 7 * * 1,3,5 XDG_RUNTIME_DIR=/run/user/$(id -u) '{}/my apps/100\\%/supple' remind --now",
        home.path().display()
    );
    assert!(said.lines().any(|l| l == line), "{line}\n{said}");
}

/// A stand-in `systemctl` that writes down each call and fails the ones naming `fail_on`.
fn fake_systemctl(home: &Home, fail_on: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = home.path().join("fakebin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let script = bin.join("systemctl");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\ncase \"$*\" in *'{fail_on}'*) echo 'Failed to \
             enable unit: nope' >&2; exit 1;; esac\ncase \"$1 $2\" in '--user is-enabled') echo \
             enabled;; '--user is-active') echo active;; esac\n",
            home.path().join("systemctl.log").display()
        ),
    )
    .expect("write");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}

/// Where the user manager answers, supple runs the commands itself and says how each went;
/// a failure is reported with systemctl's words and ends with exit status 1.
#[test]
fn a_reachable_user_manager_is_told_and_each_outcome_said() {
    let home = Home::new();
    let bin = fake_systemctl(&home, "no call fails");
    let supple = |args: &[&str]| {
        let mut cmd = home.supple("reachable");
        cmd.env("PATH", &bin).args(args);
        cmd
    };
    supple(&["remind", "--at", "07:30"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("ran `systemctl --user daemon-reload`: done\n")
                .and(predicate::str::contains(
                    "ran `systemctl --user enable --now supple-remind.timer`: done\n",
                ))
                .and(predicate::str::contains("The timer is on")),
        );
    supple(&["remind"])
        .assert()
        .success()
        .stdout(predicate::str::contains("timer: enabled, active"));
    supple(&["remind", "--off"]).assert().success().stdout(
        predicate::str::contains("ran `systemctl --user disable --now supple-remind.timer`: done")
            .and(predicate::str::contains("removed"))
            .and(predicate::str::contains(
                "ran `systemctl --user daemon-reload`: done",
            )),
    );
    assert_eq!(
        read(&home.path().join("systemctl.log")),
        "--user daemon-reload\n--user enable --now supple-remind.timer\n--user is-enabled \
         supple-remind.timer\n--user is-active supple-remind.timer\n--user disable --now \
         supple-remind.timer\n--user daemon-reload\n"
    );

    let failing = Home::new();
    let bin = fake_systemctl(&failing, "enable");
    failing
        .supple("reachable")
        .env("PATH", &bin)
        .args(["remind", "--at", "07:30"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains(
                "ran `systemctl --user enable --now supple-remind.timer`: it failed",
            )
            .and(predicate::str::contains("Failed to enable unit: nope"))
            .and(predicate::str::contains("the timer is not on")),
        );
    assert!(failing.units().join("supple-remind.timer").exists());
}
