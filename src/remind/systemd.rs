//! systemd keeps the reminder: who keeps it on this machine, the timer and service units,
//! `systemctl --user`, and setting, showing and removing the timer.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::safe_text::quote;

use super::schedule::Reminder;
use super::{
    Found, MARK, Places, RemindError, SERVICE, TIMER, look, make_folder, shown, unfit_path,
    write_atomic,
};

/// Forces the choice between systemd and cron, for tests only: `1` writes the units as if
/// systemd ran but its user manager were out of reach (so `systemctl` never runs), `0` acts as
/// if there were no systemd, and `reachable` as if the user manager answered (tests give it a
/// stand-in `systemctl` on `PATH`).
pub const FORCE_ENV: &str = "SUPPLE_REMIND_SYSTEMD";

/// Who keeps the reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeper {
    /// systemd, with a user timer. `reachable`: its user manager answers here, so supple runs
    /// `systemctl --user` itself; otherwise it says the commands to run.
    Systemd { reachable: bool },
    /// No systemd: cron, with a line the person adds.
    Cron,
}

/// Who keeps reminders on this machine.
///
/// systemd is the init system when `/run/systemd/system` exists (the test `sd_booted()`
/// makes); containers and most CI machines have systemd's programs but not this folder. Its
/// per-user manager, which runs user timers, is reachable when it has made its runtime folder
/// `$XDG_RUNTIME_DIR/systemd` and `systemctl --user is-system-running` names a state (a
/// degraded manager, which exits 1, still runs timers). A machine booted with systemd but with
/// no user manager at hand (a login without a session, `su`) still gets the units, with the
/// commands to start them. [`FORCE_ENV`] overrides all this, for tests only.
pub fn detect() -> Keeper {
    match std::env::var(FORCE_ENV).as_deref() {
        Ok("1") => return Keeper::Systemd { reachable: false },
        Ok("0") => return Keeper::Cron,
        Ok("reachable") => return Keeper::Systemd { reachable: true },
        _ => {}
    }
    if Path::new("/run/systemd/system").is_dir() {
        Keeper::Systemd {
            reachable: user_manager_reachable(),
        }
    } else {
        Keeper::Cron
    }
}

fn user_manager_reachable() -> bool {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from);
    if !runtime.is_some_and(|dir| dir.is_absolute() && dir.join("systemd").is_dir()) {
        return false;
    }
    Command::new("systemctl")
        .args(["--user", "is-system-running"])
        .output()
        .is_ok_and(|out| {
            let state = String::from_utf8_lossy(&out.stdout);
            matches!(
                state.trim(),
                "initializing" | "starting" | "running" | "degraded" | "maintenance"
            )
        })
}

/// `path` quoted for an `ExecStart=` line (systemd.service(5), "Command lines"): in double
/// quotes, with `%` doubled so that systemd does not take it for a specifier. systemd expands
/// no `$` in the program's own name, and refuses a name with a quote or a backslash in it
/// ("contains special characters", as `systemd-analyze verify` says), so such a path is an
/// error here, with the fix.
pub fn exec_path(path: &Path) -> Option<String> {
    let text = path.to_str().filter(|t| {
        !t.chars()
            .any(|c| crate::safe_text::is_unsafe(c) || matches!(c, '"' | '\\' | '\''))
    })?;
    Some(format!("\"{}\"", text.replace('%', "%%")))
}

/// The service: one run of `supple remind --now`.
pub fn service_text(exe: &Path) -> Option<String> {
    Some(format!(
        "{MARK}: `supple remind --off` removes it.\n\
         [Unit]\n\
         Description=supple: a reminder to stretch\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={} remind --now\n",
        exec_path(exe)?
    ))
}

/// The timer. `Persistent=true`: a reminder missed while the computer was off or the person
/// logged out comes once at the next login, which is still the same day more often than not,
/// and `--now` stays quiet when a session was already done that day.
pub fn timer_text(reminder: &Reminder) -> String {
    format!(
        "{MARK}: `supple remind --off` removes it.\n\
         [Unit]\n\
         Description=supple: a reminder to stretch, {reminder}\n\
         \n\
         [Timer]\n\
         OnCalendar={}\n\
         Persistent=true\n\
         Unit={SERVICE}\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n",
        reminder.on_calendar()
    )
}

/// `systemctl --user ARGS`, saying what it did.
fn systemctl(out: &mut impl Write, args: &[&str]) -> io::Result<bool> {
    let command = format!("systemctl --user {}", args.join(" "));
    match Command::new("systemctl").arg("--user").args(args).output() {
        Ok(result) if result.status.success() => {
            writeln!(out, "ran `{command}`: done")?;
            Ok(true)
        }
        Ok(result) => {
            let said = String::from_utf8_lossy(&result.stderr);
            writeln!(
                out,
                "ran `{command}`: it failed ({}): {}",
                result.status,
                quote(said.trim(), 300)
            )?;
            Ok(false)
        }
        Err(e) => {
            writeln!(out, "could not run `{command}`: {e}")?;
            Ok(false)
        }
    }
}

/// Writes the timer and its service, and starts the timer where the user manager is
/// `reachable` (else says the commands to start it). False when `systemctl` failed.
pub(super) fn set(
    out: &mut impl Write,
    places: &Places,
    reachable: bool,
    reminder: &Reminder,
    exe: &Path,
) -> Result<bool, RemindError> {
    let service = service_text(exe)
        .ok_or_else(|| unfit_path(exe, "systemd does not take in a program's name"))?;
    let timer = timer_text(reminder);
    make_folder(&places.units)?;
    // Both checked before either is written: nothing is half set up.
    let (timer_path, service_path) = (places.timer(), places.service());
    let before = look(&timer_path)?.ours_or_error()?;
    look(&service_path)?.ours_or_error()?;
    if let Some(was) = before.as_deref().and_then(timer_reminder) {
        writeln!(out, "Replacing the reminder at {was}.")?;
    }
    write_atomic(&service_path, &service)?;
    writeln!(out, "wrote {}", shown(&service_path))?;
    write_atomic(&timer_path, &timer)?;
    writeln!(out, "wrote {}", shown(&timer_path))?;
    writeln!(
        out,
        "A systemd user timer reminds you to stretch at {reminder} (OnCalendar={}).",
        reminder.on_calendar()
    )?;
    let commands = [&["daemon-reload"][..], &["enable", "--now", TIMER][..]];
    let mut ok = true;
    if reachable {
        for args in commands {
            ok = ok && systemctl(out, args)?;
        }
        if ok {
            writeln!(
                out,
                "The timer is on: `systemctl --user list-timers {TIMER}` shows when it comes next."
            )?;
        } else {
            writeln!(
                out,
                "The files are written but the timer is not on: after fixing what systemctl \
                 said, run `systemctl --user daemon-reload` and `systemctl --user enable --now \
                 {TIMER}`."
            )?;
        }
    } else {
        writeln!(
            out,
            "systemd's user manager is not reachable from here, so the timer is not started \
             yet. Where it runs (your desktop session), start it with:"
        )?;
        writeln!(out, "  systemctl --user daemon-reload")?;
        writeln!(out, "  systemctl --user enable --now {TIMER}")?;
    }
    writeln!(
        out,
        "It runs {} when it comes; after moving supple, run `supple remind {}` again.",
        shown(exe),
        reminder.flags()
    )?;
    Ok(ok)
}

/// The reminder a timer file of supple's says, or its `OnCalendar=` as written.
fn timer_reminder(text: &str) -> Option<String> {
    let calendar = text
        .lines()
        .find_map(|line| line.strip_prefix("OnCalendar="))?;
    Some(match Reminder::from_on_calendar(calendar) {
        Some(reminder) => reminder.to_string(),
        None => format!("OnCalendar={}", quote(calendar, 100)),
    })
}

/// The timer supple set (its file's `text`), its service, and where the user manager is
/// reachable, whether the timer is on.
pub(super) fn show(
    out: &mut impl Write,
    places: &Places,
    keeper: Keeper,
    text: &str,
) -> Result<(), RemindError> {
    let when = timer_reminder(text).unwrap_or_else(|| "(no OnCalendar= line)".into());
    writeln!(out, "Reminder: {when}, by a systemd user timer.")?;
    writeln!(out, "  {}", shown(&places.timer()))?;
    match look(&places.service())? {
        Found::Ours(_) => writeln!(out, "  {}", shown(&places.service()))?,
        Found::Nothing => writeln!(
            out,
            "  {} is missing: `supple remind --at ...` writes it again",
            shown(&places.service())
        )?,
        Found::Other(e) => writeln!(out, "  Not supple's: {e}")?,
    }
    if keeper == (Keeper::Systemd { reachable: true }) {
        let state = |what: &str| {
            Command::new("systemctl")
                .args(["--user", what, TIMER])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_else(|_| "unknown".into())
        };
        writeln!(
            out,
            "  timer: {}, {} (`systemctl --user list-timers {TIMER}` shows when it comes next)",
            quote(&state("is-enabled"), 40),
            quote(&state("is-active"), 40)
        )?;
    }
    Ok(())
}

/// Before supple's timer file is removed: the timer stopped, where the user manager is
/// reachable.
pub(super) fn stop(out: &mut impl Write, keeper: Keeper) -> Result<(), RemindError> {
    if keeper == (Keeper::Systemd { reachable: true }) {
        systemctl(out, &["disable", "--now", TIMER])?;
    }
    Ok(())
}

/// After supple's timer file is removed: the link `enable` made removed, and the user manager
/// told (or, out of reach, the commands that tell it).
pub(super) fn forget(
    out: &mut impl Write,
    places: &Places,
    keeper: Keeper,
) -> Result<(), RemindError> {
    // `systemctl --user enable` made this link; where no manager could `disable` the timer,
    // it would be left pointing at nothing.
    let wants = places.units.join("timers.target.wants").join(TIMER);
    if fs::read_link(&wants).is_ok_and(|to| to.file_name() == Some(TIMER.as_ref())) {
        fs::remove_file(&wants).map_err(|e| RemindError::io(&wants, "remove it", &e))?;
        writeln!(out, "removed {} (the link `enable` made)", shown(&wants))?;
    }
    if keeper == (Keeper::Systemd { reachable: true }) {
        systemctl(out, &["daemon-reload"])?;
    } else if matches!(keeper, Keeper::Systemd { .. }) {
        writeln!(
            out,
            "systemd's user manager is not reachable from here: where it runs, \
             `systemctl --user stop {TIMER}` and `systemctl --user daemon-reload` make it \
             forget the timer."
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_paths_are_quoted_for_systemd() {
        assert_eq!(
            exec_path(Path::new("/opt/my apps/100%/$x")).as_deref(),
            Some("\"/opt/my apps/100%%/$x\"")
        );
        for bad in ["/tmp/a\nb", "/tmp/a\"b", "/tmp/a\\b", "/tmp/it's"] {
            assert!(exec_path(Path::new(bad)).is_none(), "{bad}");
        }
    }
}
