//! `supple remind`: a reminder to stretch that the system keeps, so supple need not run.
//!
//! Where systemd runs, the reminder is a systemd user timer and the service it starts
//! (`supple-remind.timer`, `supple-remind.service` in `$XDG_CONFIG_HOME/systemd/user`); the
//! service runs `supple remind --now`, which shows a desktop notification or leaves a line
//! for the next shell. Elsewhere supple prints the crontab line to add and keeps a copy of it,
//! so that it can say later what was set; it never edits a crontab. Every file supple writes
//! carries [`MARK`] on its first line, and supple replaces or removes only files that do.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::safe_text::quote;

/// The first line of every file supple writes for a reminder: how supple knows its own.
pub const MARK: &str = "# Written by `supple remind`";
/// The timer and the service, in the systemd user unit folder.
pub const TIMER: &str = "supple-remind.timer";
pub const SERVICE: &str = "supple-remind.service";
/// The crontab line supple printed, kept in supple's config folder (where there is no systemd).
pub const CRON_COPY: &str = "remind.crontab";
/// A reminder left for the next shell where no notification could be shown (data folder).
pub const PENDING: &str = "remind-pending.txt";
/// Forces the choice between systemd and cron, for tests only: `1` writes the units as if
/// systemd ran but its user manager were out of reach (so `systemctl` never runs), `0` acts as
/// if there were no systemd, and `reachable` as if the user manager answered (tests give it a
/// stand-in `systemctl` on `PATH`).
pub const FORCE_ENV: &str = "SUPPLE_REMIND_SYSTEMD";

const MAX_FILE: u64 = 64 * 1024;
const SHOWN: usize = 200;

/// A time of day, on the 24-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub hour: u8,
    pub minute: u8,
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// `--at`: `HH:MM` or `H:MM`, 00:00 to 23:59.
pub fn parse_at(text: &str) -> Result<At, String> {
    let shown = quote(text, 40);
    let fix = "give a 24-hour time as HH:MM, such as 07:30 or 18:05";
    let Some((hours, minutes)) = text.trim().split_once(':') else {
        return Err(format!("`{shown}` is not a time: {fix}"));
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(hours, 1..=2) || !digits(minutes, 2..=2) {
        return Err(format!("`{shown}` is not a time: {fix}"));
    }
    let (Ok(hour), Ok(minute)) = (hours.parse::<u8>(), minutes.parse::<u8>()) else {
        return Err(format!("`{shown}` is not a time: {fix}"));
    };
    if hour > 23 {
        return Err(format!(
            "`{shown}`: the hour is {hour}, and hours go from 00 to 23: {fix}"
        ));
    }
    if minute > 59 {
        return Err(format!(
            "`{shown}`: the minutes are {minute}, and minutes go from 00 to 59: {fix}"
        ));
    }
    Ok(At { hour, minute })
}

/// The days of the week, Monday first: what systemd, cron and people call them.
const WEEK: [(&str, &str, u8); 7] = [
    ("Mon", "monday", 1),
    ("Tue", "tuesday", 2),
    ("Wed", "wednesday", 3),
    ("Thu", "thursday", 4),
    ("Fri", "friday", 5),
    ("Sat", "saturday", 6),
    ("Sun", "sunday", 0),
];

/// Which days of the week a reminder comes: bit 0 is Monday, bit 6 Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(u8);

impl Days {
    pub const EVERY: Days = Days(0b111_1111);

    pub fn every_day(self) -> bool {
        self == Days::EVERY
    }

    fn each(self) -> impl Iterator<Item = &'static (&'static str, &'static str, u8)> {
        WEEK.iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, day)| day)
    }
}

impl fmt::Display for Days {
    /// "every day", or "Mon, Wed, Fri".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.every_day() {
            return f.write_str("every day");
        }
        let names: Vec<&str> = self.each().map(|d| d.0).collect();
        f.write_str(&names.join(", "))
    }
}

/// `--days`: day names separated by commas, three letters or whole (`mon,wed,fri`,
/// `Monday,Friday`), in any case and order. A day named twice counts once.
pub fn parse_days(text: &str) -> Result<Days, String> {
    let fix = "name days by their first three letters, separated by commas, such as mon,wed,fri \
               (leave --days out for every day)";
    if text.trim().is_empty() {
        return Err(format!("no day given: {fix}"));
    }
    let mut bits = 0u8;
    for part in text.split(',') {
        let word = part.trim().to_ascii_lowercase();
        if word.is_empty() {
            return Err(format!(
                "`{}` has an empty day between commas: {fix}",
                quote(text, 60)
            ));
        }
        let found = WEEK
            .iter()
            .position(|(short, long, _)| word == short.to_ascii_lowercase() || word == *long);
        match found {
            Some(i) => bits |= 1 << i,
            None => {
                return Err(format!(
                    "`{}` is not a day of the week: {fix}",
                    quote(part.trim(), 40)
                ));
            }
        }
    }
    Ok(Days(bits))
}

/// A reminder: a time and the days it comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    pub at: At,
    pub days: Days,
}

impl fmt::Display for Reminder {
    /// "07:30 every day", "07:30 on Mon, Wed, Fri".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.days.every_day() {
            write!(f, "{} every day", self.at)
        } else {
            write!(f, "{} on {}", self.at, self.days)
        }
    }
}

impl Reminder {
    /// systemd's calendar event (systemd.time(7)): `*-*-* 07:30:00`, or with the weekdays
    /// first, `Mon,Wed,Fri *-*-* 07:30:00`.
    pub fn on_calendar(&self) -> String {
        let time = format!("*-*-* {}:00", self.at);
        if self.days.every_day() {
            time
        } else {
            let names: Vec<&str> = self.days.each().map(|d| d.0).collect();
            format!("{} {time}", names.join(","))
        }
    }

    /// Reads back what [`Reminder::on_calendar`] wrote; `None` for anything else.
    pub fn from_on_calendar(text: &str) -> Option<Reminder> {
        let mut words: Vec<&str> = text.split_whitespace().collect();
        let time = words.pop()?;
        let days = match words.as_slice() {
            ["*-*-*"] => Days::EVERY,
            [names, "*-*-*"] => parse_days(names).ok()?,
            _ => return None,
        };
        let at = parse_at(time.strip_suffix(":00")?).ok()?;
        Some(Reminder { at, days })
    }

    /// The flags that set this reminder: `--at 07:30 --days mon,wed,fri`.
    pub fn flags(&self) -> String {
        if self.days.every_day() {
            format!("--at {}", self.at)
        } else {
            let names: Vec<String> = self.days.each().map(|d| d.0.to_lowercase()).collect();
            format!("--at {} --days {}", self.at, names.join(","))
        }
    }

    /// cron's minute, hour, day of month, month and day of week: `30 7 * * 1,3,5`.
    pub fn cron_fields(&self) -> String {
        let days = if self.days.every_day() {
            "*".to_string()
        } else {
            let numbers: Vec<String> = self.days.each().map(|d| d.2.to_string()).collect();
            numbers.join(",")
        };
        format!("{} {} * * {days}", self.at.minute, self.at.hour)
    }

    /// Reads back what [`Reminder::cron_fields`] wrote, at the start of a crontab line.
    pub fn from_cron(line: &str) -> Option<Reminder> {
        let fields: Vec<&str> = line.split_whitespace().take(5).collect();
        let [minute, hour, "*", "*", days] = fields.as_slice() else {
            return None;
        };
        let at = parse_at(&format!("{hour}:{minute:0>2}")).ok()?;
        let days = if *days == "*" {
            Days::EVERY
        } else {
            let mut bits = 0u8;
            for number in days.split(',') {
                let number: u8 = number.parse().ok()?;
                let i = WEEK.iter().position(|d| d.2 == number % 7)?;
                bits |= 1 << i;
            }
            Days(bits)
        };
        Some(Reminder { at, days })
    }
}

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
    let mut temp = tempfile::Builder::new()
        .prefix(".supple-remind-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| RemindError::io(dir, "write a file in it", &e))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| RemindError::io(temp.path(), "write", &e))?;
    temp.persist(path)
        .map_err(|e| RemindError::io(path, "replace", &e.error))?;
    Ok(())
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

/// supple's own path cannot be written where `what` needs it.
fn unfit_path(exe: &Path, what: &str) -> RemindError {
    RemindError::new(
        exe,
        format!("supple's own path has characters {what}"),
        "install supple in a folder whose name has no quotes, backslashes or control \
         characters (`cargo install --path .` puts it in ~/.cargo/bin), and run this from there",
    )
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

/// The crontab line: at the time, it runs `supple remind --now` with the session bus found
/// where a desktop session puts it, as cron gives its commands no desktop environment.
pub fn cron_line(reminder: &Reminder, exe: &Path) -> Option<String> {
    Some(format!(
        "{} XDG_RUNTIME_DIR=/run/user/$(id -u) {} remind --now",
        reminder.cron_fields(),
        cron_path(exe)?
    ))
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
        Keeper::Systemd { reachable } => set_timer(out, places, reachable, reminder, exe),
        Keeper::Cron => set_cron(out, places, reminder, exe).map(|()| true),
    }
}

fn set_timer(
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

fn set_cron(
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

/// The reminder a crontab copy of supple's says, and its line.
fn cron_reminder(text: &str) -> Option<(String, String)> {
    let line = text.lines().find(|l| !l.starts_with('#'))?;
    let said = Reminder::from_cron(line).map_or_else(|| "(unreadable)".into(), |r| r.to_string());
    Some((said, quote(line, 400)))
}

/// `supple remind`: what is set, read back from supple's own files.
pub fn show(out: &mut impl Write, places: &Places, keeper: Keeper) -> Result<(), RemindError> {
    let mut any = false;
    let timer = look(&places.timer())?;
    let cron = look(&places.cron_copy())?;
    for found in [&timer, &cron] {
        if let Found::Other(e) = found {
            writeln!(out, "Not supple's: {e}")?;
        }
    }
    if let Found::Ours(text) = timer {
        any = true;
        let when = timer_reminder(&text).unwrap_or_else(|| "(no OnCalendar= line)".into());
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
    }
    if let Found::Ours(text) = cron {
        any = true;
        let (said, line) = cron_reminder(&text).unwrap_or_default();
        writeln!(
            out,
            "Reminder: {said}, by cron, with this line in your crontab (supple cannot see \
             whether it is there: `crontab -l`):"
        )?;
        writeln!(out, "  {line}")?;
        writeln!(out, "  (copy kept in {})", shown(&places.cron_copy()))?;
    }
    if !any {
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
    let has_timer = matches!(timer, Found::Ours(_));
    let reachable = keeper == (Keeper::Systemd { reachable: true });
    if has_timer && reachable {
        systemctl(out, &["disable", "--now", TIMER])?;
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
        if let Found::Ours(_) = found {
            fs::remove_file(&path).map_err(|e| RemindError::io(&path, "remove it", &e))?;
            writeln!(out, "removed {}", shown(&path))?;
            removed = true;
        }
    }
    // `systemctl --user enable` made this link; where no manager could `disable` the timer,
    // it would be left pointing at nothing.
    let wants = places.units.join("timers.target.wants").join(TIMER);
    if has_timer && fs::read_link(&wants).is_ok_and(|to| to.file_name() == Some(TIMER.as_ref())) {
        fs::remove_file(&wants).map_err(|e| RemindError::io(&wants, "remove it", &e))?;
        writeln!(out, "removed {} (the link `enable` made)", shown(&wants))?;
    }
    if has_timer {
        if reachable {
            systemctl(out, &["daemon-reload"])?;
        } else if matches!(keeper, Keeper::Systemd { .. }) {
            writeln!(
                out,
                "systemd's user manager is not reachable from here: where it runs, \
                 `systemctl --user stop {TIMER}` and `systemctl --user daemon-reload` make it \
                 forget the timer."
            )?;
        }
    }
    if let Found::Ours(text) = &cron
        && let Some((_, line)) = cron_reminder(text)
    {
        writeln!(
            out,
            "supple does not change your crontab: remove this line yourself (`crontab -e`):\n  \
             {line}"
        )?;
    }
    if !removed {
        writeln!(out, "No reminder set; nothing removed.")?;
    }
    Ok(())
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_days_read_back_from_what_is_written() {
        let r = Reminder {
            at: At { hour: 7, minute: 5 },
            days: parse_days("fri,Mon,wednesday,mon").unwrap_or(Days::EVERY),
        };
        assert_eq!(r.on_calendar(), "Mon,Wed,Fri *-*-* 07:05:00");
        assert_eq!(r.cron_fields(), "5 7 * * 1,3,5");
        assert_eq!(Reminder::from_on_calendar(&r.on_calendar()), Some(r));
        assert_eq!(Reminder::from_cron(&r.cron_fields()), Some(r));
        let sunday = Reminder {
            days: parse_days("sun").unwrap_or(Days::EVERY),
            ..r
        };
        assert_eq!(sunday.cron_fields(), "5 7 * * 0");
        assert_eq!(Reminder::from_cron("5 7 * * 0"), Some(sunday));
    }

    #[test]
    fn exec_paths_are_quoted_for_systemd() {
        assert_eq!(
            exec_path(Path::new("/opt/my apps/100%/$x")).as_deref(),
            Some("\"/opt/my apps/100%%/$x\"")
        );
        for bad in ["/tmp/a\nb", "/tmp/a\"b", "/tmp/a\\b", "/tmp/it's"] {
            assert!(exec_path(Path::new(bad)).is_none(), "{bad}");
        }
        assert_eq!(
            cron_path(Path::new("/o'k/50%")).as_deref(),
            Some("'/o'\\''k/50\\%'")
        );
    }
}
