//! cron keeps the reminder where there is no systemd: the crontab line supple prints (it never
//! edits a crontab), and the copy of it supple keeps, set, shown and removed.

use std::io::Write;
use std::path::Path;

use crate::safe_text::quote;

use super::schedule::Reminder;
use super::{MARK, Places, RemindError, look, make_folder, shown, unfit_path, write_atomic};

/// `path` quoted for a crontab line: in single quotes for the shell cron runs it with, and
/// `%` escaped, which cron would otherwise turn into a line break.
fn cron_path(path: &Path) -> Option<String> {
    let text = path
        .to_str()
        .filter(|t| !t.chars().any(crate::safe_text::is_unsafe))?;
    Some(format!(
        "'{}'",
        text.replace('\'', "'\\''").replace('%', "\\%")
    ))
}

/// The crontab line: at the time, it runs `supple remind --now` with the session bus found
/// where a desktop session puts it, as cron gives its commands no desktop environment.
pub fn cron_line(reminder: &Reminder, exe: &Path) -> Option<String> {
    Some(format!(
        "{} XDG_RUNTIME_DIR=/run/user/$(id -u) {} remind --now",
        reminder.cron_fields(),
        cron_path(exe)?
    ))
}

/// Prints the crontab line to add, and keeps a copy of it.
pub(super) fn set(
    out: &mut impl Write,
    places: &Places,
    reminder: &Reminder,
    exe: &Path,
) -> Result<(), RemindError> {
    let line = cron_line(reminder, exe)
        .ok_or_else(|| unfit_path(exe, "that cannot be written in a crontab line"))?;
    let copy = places.cron_copy();
    make_folder(&places.config)?;
    look(&copy)?.ours_or_error()?;
    writeln!(
        out,
        "No systemd here, so cron keeps the reminder. supple does not change your crontab: add \
         this line to it yourself (`crontab -e`), and remove any earlier supple line:"
    )?;
    writeln!(out)?;
    writeln!(out, "{line}")?;
    writeln!(out)?;
    let text = format!(
        "{MARK}: the line to have in your crontab (`crontab -e`). `supple remind --off` \
         removes this copy, not the line.\n{line}\n"
    );
    write_atomic(&copy, &text)?;
    writeln!(
        out,
        "wrote {} (a copy of the line, so `supple remind` can say what is set)",
        shown(&copy)
    )?;
    Ok(())
}

/// The reminder a crontab copy of supple's says, and its line.
fn cron_reminder(text: &str) -> Option<(String, String)> {
    let line = text.lines().find(|l| !l.starts_with('#'))?;
    let said = Reminder::from_cron(line).map_or_else(|| "(unreadable)".into(), |r| r.to_string());
    Some((said, quote(line, 400)))
}

/// The reminder supple's copy of the line (its `text`) says.
pub(super) fn show(out: &mut impl Write, places: &Places, text: &str) -> Result<(), RemindError> {
    let (said, line) = cron_reminder(text).unwrap_or_default();
    writeln!(
        out,
        "Reminder: {said}, by cron, with this line in your crontab (supple cannot see \
         whether it is there: `crontab -l`):"
    )?;
    writeln!(out, "  {line}")?;
    writeln!(out, "  (copy kept in {})", shown(&places.cron_copy()))?;
    Ok(())
}

/// After supple's copy is removed: the line the person removes from the crontab themselves.
pub(super) fn ask_to_remove(out: &mut impl Write, text: &str) -> Result<(), RemindError> {
    if let Some((_, line)) = cron_reminder(text) {
        writeln!(
            out,
            "supple does not change your crontab: remove this line yourself (`crontab -e`):\n  \
             {line}"
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_for_cron() {
        assert_eq!(
            cron_path(Path::new("/o'k/50%")).as_deref(),
            Some("'/o'\\''k/50\\%'")
        );
    }
}
