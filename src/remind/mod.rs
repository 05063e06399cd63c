//! `supple remind`: a reminder to stretch that the system keeps, so supple need not run.
//!
//! Where systemd runs, the reminder is a systemd user timer and the service it starts
//! (`supple-remind.timer`, `supple-remind.service` in `$XDG_CONFIG_HOME/systemd/user`); the
//! service runs `supple remind --now`, which shows a desktop notification or leaves a line
//! for the next shell. Elsewhere supple prints the crontab line to add and keeps a copy of it,
//! so that it can say later what was set; it never edits a crontab. Every file supple writes
//! carries [`MARK`] on its first line, and supple replaces or removes only files that do.
//!
//! `schedule` says when, `systemd` and `cron` keep the reminder, `notify` is what comes. Here:
//! the folders, the errors, the careful handling of supple's own files, and `set`, `show` and
//! `off`, which choose between the keepers.

mod cron;
mod notify;
mod schedule;
mod systemd;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::paths::AtomicFile;
use crate::safe_text::quote;

pub use cron::cron_line;
pub use notify::{PENDING, message, notify, pending};
pub use schedule::{At, Days, Reminder, parse_at, parse_days};
pub use systemd::{FORCE_ENV, Keeper, detect, exec_path, service_text, timer_text};

/// The first line of every file supple writes for a reminder: how supple knows its own.
pub const MARK: &str = "# Written by `supple remind`";
/// The timer and the service, in the systemd user unit folder.
pub const TIMER: &str = "supple-remind.timer";
pub const SERVICE: &str = "supple-remind.service";
/// The crontab line supple printed, kept in supple's config folder (where there is no systemd).
pub const CRON_COPY: &str = "remind.crontab";

const MAX_FILE: u64 = 64 * 1024;
const SHOWN: usize = 200;

/// The folders a reminder's files go in.
#[derive(Debug, Clone)]
pub struct Places {
    /// `$XDG_CONFIG_HOME/systemd/user`, where systemd looks for a person's own units.
    pub units: PathBuf,
    /// `$XDG_CONFIG_HOME/supple`.
    pub config: PathBuf,
}

impl Places {
    /// From `$XDG_CONFIG_HOME` (`~/.config` when unset), as systemd finds user units.
    pub fn from_env() -> Option<Places> {
        let base = directories::BaseDirs::new()?;
        Some(Places::under(base.config_dir()))
    }

    pub fn under(config_home: &Path) -> Places {
        Places {
            units: config_home.join("systemd").join("user"),
            config: config_home.join("supple"),
        }
    }

    fn timer(&self) -> PathBuf {
        self.units.join(TIMER)
    }

    fn service(&self) -> PathBuf {
        self.units.join(SERVICE)
    }

    fn cron_copy(&self) -> PathBuf {
        self.config.join(CRON_COPY)
    }
}

/// Why a reminder could not be set, shown or removed.
#[derive(Debug, thiserror::Error)]
pub enum RemindError {
    /// A file or folder in the way: the path, what is wrong, and the fix.
    #[error("{path}: {problem}\n  fix: {fix}")]
    Place {
        path: String,
        problem: String,
        fix: String,
    },
    /// Printing failed (a closed pipe, say).
    #[error(transparent)]
    Output(#[from] io::Error),
}

impl RemindError {
    fn new(path: &Path, problem: impl Into<String>, fix: impl Into<String>) -> RemindError {
        RemindError::Place {
            path: shown(path),
            problem: problem.into(),
            fix: fix.into(),
        }
    }

    fn io(path: &Path, action: &str, error: &io::Error) -> RemindError {
        let fix = match error.kind() {
            io::ErrorKind::PermissionDenied => {
                format!("make {} writable by you (chmod u+w)", shown(path))
            }
            io::ErrorKind::ReadOnlyFilesystem => {
                "it is on a read-only file system: set XDG_CONFIG_HOME to a folder you can \
                 write"
                    .to_string()
            }
            _ => "check the folder and try again".to_string(),
        };
        RemindError::new(path, format!("cannot {action}: {error}"), fix)
    }
}

/// A path as it may be printed within a sentence.
fn shown(path: &Path) -> String {
    quote(&path.display().to_string(), SHOWN)
}

/// What is at a path where supple wants a file of its own.
enum Found {
    Nothing,
    /// A regular file with [`MARK`]: its text.
    Ours(String),
    /// Something supple did not write (someone's own file, a link, a folder): left alone,
    /// and this error says what to do.
    Other(RemindError),
}

impl Found {
    fn is_ours(&self) -> bool {
        matches!(self, Found::Ours(_))
    }

    /// supple's own text, if any; something else in the way is an error.
    fn ours_or_error(self) -> Result<Option<String>, RemindError> {
        match self {
            Found::Nothing => Ok(None),
            Found::Ours(text) => Ok(Some(text)),
            Found::Other(e) => Err(e),
        }
    }
}

/// What a file that is neither supple's nor absent is, in words.
fn kind(meta: &fs::Metadata) -> &'static str {
    if meta.is_file() {
        "a file"
    } else {
        crate::paths::kind_of(meta.file_type())
    }
}

/// Whether `path` is free, supple's own, or something else; only a failure to look is an
/// error here.
fn look(path: &Path) -> Result<Found, RemindError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => return Err(RemindError::io(path, "look at it", &e)),
    };
    let fix = "rename or remove it yourself if you no longer want it, then run this again";
    if meta.file_type().is_symlink() {
        let target = fs::read_link(path).unwrap_or_default();
        return Ok(Found::Other(RemindError::new(
            path,
            format!(
                "a link to {}, not a file supple wrote, so supple leaves it alone",
                shown(&target)
            ),
            fix,
        )));
    }
    if !meta.is_file() {
        return Ok(Found::Other(RemindError::new(
            path,
            format!("{} where supple would keep its file", kind(&meta)),
            "move it away, then run this again",
        )));
    }
    let bytes = crate::paths::read_regular(path, MAX_FILE)
        .map_err(|e| RemindError::new(path, format!("cannot read it: {e}"), "check the file"))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if text.starts_with(MARK) {
        Ok(Found::Ours(text))
    } else {
        Ok(Found::Other(RemindError::new(
            path,
            format!(
                "a file supple did not write (it lacks supple's first line, \"{MARK}\"), so \
                 supple leaves it alone"
            ),
            fix,
        )))
    }
}

/// Creates `dir` (and its parents) or says precisely why it cannot be: a file or a link that
/// leads nowhere in the way, or a folder that cannot be written.
fn make_folder(dir: &Path) -> Result<(), RemindError> {
    match fs::create_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(error) => {
            for place in dir.ancestors() {
                let Ok(meta) = fs::symlink_metadata(place) else {
                    continue;
                };
                if meta.file_type().is_symlink() && !place.exists() {
                    let target = fs::read_link(place).unwrap_or_default();
                    return Err(RemindError::new(
                        place,
                        format!("a link to {}, which does not exist", shown(&target)),
                        format!(
                            "create {} as a folder, or remove the link, so that {} can be made",
                            shown(&target),
                            shown(dir)
                        ),
                    ));
                }
                if !place.is_dir() {
                    return Err(RemindError::new(
                        place,
                        format!("{}, not a folder", kind(&meta)),
                        format!(
                            "move it away (supple needs a folder there to make {})",
                            shown(dir)
                        ),
                    ));
                }
                return Err(RemindError::io(
                    place,
                    &format!("create {} in it", shown(dir)),
                    &error,
                ));
            }
            Err(RemindError::io(dir, "create the folder", &error))
        }
    }
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, synced, then
/// renamed over it.
fn write_atomic(path: &Path, text: &str) -> Result<(), RemindError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = AtomicFile::beside(path, ".supple-remind-", ".tmp")
        .map_err(|e| RemindError::io(dir, "write a file in it", &e))?;
    file.write(|out| out.write_all(text.as_bytes()))
        .and_then(|()| file.sync())
        .map_err(|e| RemindError::io(file.path(), "write", &e))?;
    file.commit()
        .map_err(|e| RemindError::io(path, "replace", &e))
}

/// supple's own path cannot be written where `what` needs it.
fn unfit_path(exe: &Path, what: &str) -> RemindError {
    RemindError::new(
        exe,
        format!("supple's own path has characters {what}"),
        "install supple in a folder whose name has no quotes, backslashes or control \
         characters (`cargo install --path .` puts it in ~/.cargo/bin), and run this from there",
    )
}

/// `supple remind --at`: writes the reminder's files for `keeper`, saying each path, and
/// starts the timer where systemd's user manager is reachable. False when `systemctl` failed
/// (the files are written, and what it said was printed).
pub fn set(
    out: &mut impl Write,
    places: &Places,
    keeper: Keeper,
    reminder: &Reminder,
    exe: &Path,
) -> Result<bool, RemindError> {
    match keeper {
        Keeper::Systemd { reachable } => systemd::set(out, places, reachable, reminder, exe),
        Keeper::Cron => cron::set(out, places, reminder, exe).map(|()| true),
    }
}

/// `supple remind`: what is set, read back from supple's own files.
pub fn show(out: &mut impl Write, places: &Places, keeper: Keeper) -> Result<(), RemindError> {
    let timer = look(&places.timer())?;
    let cron = look(&places.cron_copy())?;
    for found in [&timer, &cron] {
        if let Found::Other(e) = found {
            writeln!(out, "Not supple's: {e}")?;
        }
    }
    if let Found::Ours(text) = &timer {
        systemd::show(out, places, keeper, text)?;
    }
    if let Found::Ours(text) = &cron {
        cron::show(out, places, text)?;
    }
    if !timer.is_ours() && !cron.is_ours() {
        writeln!(
            out,
            "No reminder set. `supple remind --at 07:30` sets one (add --days mon,wed,fri for \
             some days only)."
        )?;
    }
    Ok(())
}

/// `supple remind --off`: stops the timer where systemd is reachable, and removes supple's own
/// files (only those that carry [`MARK`]), saying each path.
pub fn off(out: &mut impl Write, places: &Places, keeper: Keeper) -> Result<(), RemindError> {
    let timer = look(&places.timer())?;
    let service = look(&places.service())?;
    let cron = look(&places.cron_copy())?;
    if timer.is_ours() {
        systemd::stop(out, keeper)?;
    }
    let mut removed = false;
    for found in [&timer, &service, &cron] {
        if let Found::Other(e) = found {
            writeln!(out, "Left alone: {e}")?;
        }
    }
    for (found, path) in [
        (&timer, places.timer()),
        (&service, places.service()),
        (&cron, places.cron_copy()),
    ] {
        if found.is_ours() {
            fs::remove_file(&path).map_err(|e| RemindError::io(&path, "remove it", &e))?;
            writeln!(out, "removed {}", shown(&path))?;
            removed = true;
        }
    }
    if timer.is_ours() {
        systemd::forget(out, places, keeper)?;
    }
    if let Found::Ours(text) = &cron {
        cron::ask_to_remove(out, text)?;
    }
    if !removed {
        writeln!(out, "No reminder set; nothing removed.")?;
    }
    Ok(())
}
