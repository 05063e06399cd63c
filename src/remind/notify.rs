//! What the timer runs, `supple remind --now`: the reminder's words, a desktop notification
//! through `notify-send`, or a line left for the next shell (`supple remind --pending`).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::safe_text::quote;

use super::{RemindError, shown, write_atomic};

/// A reminder left for the next shell where no notification could be shown (data folder).
pub const PENDING: &str = "remind-pending.txt";

/// The reminder's words: "Time to stretch: `supple` runs today's routine (hamstring, about 12
/// minutes)."; `routine` is the default routine's name and length, when it could be read.
pub fn message(routine: Option<(&str, Duration)>) -> String {
    match routine {
        Some((name, length)) => {
            let minutes = ((length.as_secs() + 30) / 60).max(1);
            let unit = if minutes == 1 { "minute" } else { "minutes" };
            format!(
                "Time to stretch: `supple` runs today's routine ({}, about {minutes} {unit}).",
                quote(name, 60)
            )
        }
        None => "Time to stretch: `supple` runs today's routine.".to_string(),
    }
}

/// The first `notify-send` on `PATH`, which speaks to the freedesktop notification service.
fn notify_send() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("notify-send"))
        .find(|p| p.is_file())
}

/// `supple remind --now`, what the timer runs: a desktop notification with `text`, or, when
/// none can be shown, `text` left in `pending_dir` for `supple remind --pending`. Quiet when
/// `done_today`. The line printed goes to the journal (or cron's mail).
pub fn notify(
    out: &mut impl Write,
    text: &str,
    done_today: bool,
    pending_dir: Option<&Path>,
) -> Result<(), RemindError> {
    if done_today {
        writeln!(out, "You have stretched today: no reminder.")?;
        return Ok(());
    }
    let why = match notify_send() {
        Some(program) => {
            let sent = Command::new(&program)
                .args(["--app-name=supple", "Time to stretch"])
                .arg(text.strip_prefix("Time to stretch: ").unwrap_or(text))
                .output();
            match sent {
                Ok(result) if result.status.success() => {
                    writeln!(out, "notified: {text}")?;
                    return Ok(());
                }
                Ok(result) => format!(
                    "notify-send failed ({}): {}",
                    result.status,
                    quote(String::from_utf8_lossy(&result.stderr).trim(), 300)
                ),
                Err(e) => format!("notify-send could not run: {e}"),
            }
        }
        None => "there is no notify-send (package libnotify-bin) on PATH".to_string(),
    };
    writeln!(out, "{text}")?;
    let Some(dir) = pending_dir else {
        writeln!(
            out,
            "({why}; and no home folder to leave it in for the shell)"
        )?;
        return Ok(());
    };
    let path = dir.join(PENDING);
    crate::paths::create_private_dir(dir).map_err(|e| RemindError::io(dir, "create it", &e))?;
    write_atomic(&path, &format!("supple: {text}\n"))?;
    writeln!(
        out,
        "({why}; left for the next shell that runs `supple remind --pending`, in {})",
        shown(&path)
    )?;
    Ok(())
}

/// `supple remind --pending`: prints, once, a reminder the timer left for the shell; nothing
/// when there is none. Cheap enough for every new shell: one failed open when there is none.
pub fn pending(out: &mut impl Write, pending_dir: Option<&Path>) -> Result<(), RemindError> {
    let Some(dir) = pending_dir else {
        return Ok(());
    };
    let path = dir.join(PENDING);
    match crate::paths::read_regular(&path, 4096) {
        Ok(bytes) => {
            let _ = fs::remove_file(&path);
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines().take(3) {
                writeln!(out, "{}", quote(line, 300))?;
            }
            Ok(())
        }
        Err(crate::paths::ReadError::NotFound) => Ok(()),
        Err(e) => Err(RemindError::new(
            &path,
            format!("cannot read it: {e}"),
            "remove it",
        )),
    }
}
