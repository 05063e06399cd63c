//! `supple status`: where you stand, in one line for a status bar or a shell prompt: the
//! streak, whether today is done, and this week's seconds per leg against the weekly dose. As
//! text, as a short form, as JSON for scripts and bars, or as a Waybar custom module.
//!
//! It reads the history and nothing else (it never sets an unreadable file aside: that is a
//! save's job), and [`Status::of`] is pure: `today` is passed in.

use std::io::{self, Write};

use jiff::civil::Date;
use serde::Serialize;

use super::args::StatusArgs;
use crate::history::days::per_day;
use crate::history::dose::{self, SECONDS_PER_DAY, WEEKLY_SECONDS};
use crate::history::stats::{REST_DAYS, days_between};
use crate::history::{HistoryError, LegSeconds, SessionRecord, Store, Streaks};

/// How `supple status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One line in words.
    Line,
    /// `supple 5d ✓`, for a tmux status line or a prompt.
    Short,
    /// The fields of [`Status`] as JSON (documented in the README).
    Json,
    /// Waybar's custom-module JSON: `text`, `tooltip`, `class`, `alt`, `percentage`.
    Waybar,
}

/// Where you stand on `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub date: Date,
    /// The streak as the history screen counts it (see `history::stats::STREAK_RULE`).
    pub streak_days: u32,
    /// A session that counts started today.
    pub done_today: bool,
    /// The streak ends tonight unless a session counts today: there is one, today is not
    /// done, and neither was yesterday.
    pub streak_ends_today: bool,
    /// Today's seconds of static holds per leg.
    pub today: LegSeconds,
    pub week: dose::Week,
    /// The day of the latest session that counts, up to `date`.
    pub last_session: Option<Date>,
    /// Sessions that count, up to `date`.
    pub sessions: u32,
}

impl Status {
    pub fn of(sessions: &[SessionRecord], date: Date) -> Status {
        let days = per_day(sessions);
        let past = || days.range(..=date);
        let streak_days = Streaks::of(sessions, date).otherwise;
        let today = days.get(&date);
        let last_session = past().next_back().map(|(day, _)| *day);
        let done_today = today.is_some();
        Status {
            date,
            streak_days,
            done_today,
            streak_ends_today: streak_days > 0
                && !done_today
                && last_session.is_some_and(|last| days_between(last, date) > REST_DAYS),
            today: today.map(|d| d.held).unwrap_or_default(),
            week: dose::this_week(sessions, date),
            last_session,
            sessions: past().fold(0u32, |n, (_, d)| n.saturating_add(d.sessions)),
        }
    }

    /// Before any session that counts.
    pub fn nothing_yet(&self) -> bool {
        self.sessions == 0
    }

    /// `Streak 5 days · today done · this week left 4:20 of 5:00, right 3:40 of 5:00`.
    pub fn line(&self, ascii: bool) -> String {
        if self.nothing_yet() {
            return NOTHING_YET.into();
        }
        let dot = if ascii { "-" } else { "·" };
        let days = if self.streak_days == 1 { "day" } else { "days" };
        let today = match (self.done_today, self.streak_ends_today) {
            (true, _) => "today done",
            (false, true) => "today not yet: stretch today or the streak ends",
            (false, false) => "today not yet",
        };
        format!(
            "Streak {} {days} {dot} {today} {dot} this week {}",
            self.streak_days,
            self.week.seconds().against_dose()
        )
    }

    /// `supple 5d ✓` (today done), `supple 5d ○` (not yet), `supple 5d !` (the streak ends
    /// tonight without a session); `ok`, `o` and `!` where the locale is not UTF-8.
    pub fn short(&self, ascii: bool) -> String {
        let mark = match (self.state(), ascii) {
            (State::Done, false) => "✓",
            (State::Done, true) => "ok",
            (State::AtRisk, _) => "!",
            (State::ToDo | State::Nothing, false) => "○",
            (State::ToDo | State::Nothing, true) => "o",
        };
        format!("supple {}d {mark}", self.streak_days)
    }

    fn state(&self) -> State {
        if self.nothing_yet() {
            State::Nothing
        } else if self.done_today {
            State::Done
        } else if self.streak_ends_today {
            State::AtRisk
        } else {
            State::ToDo
        }
    }

    /// The fields `--json` prints.
    pub fn json(&self) -> Json {
        Json {
            date: self.date,
            streak_days: self.streak_days,
            done_today: self.done_today,
            streak_ends_today: self.streak_ends_today,
            today: DayJson {
                left_seconds: self.today.left,
                right_seconds: self.today.right,
                target_seconds: SECONDS_PER_DAY,
            },
            week: WeekJson {
                monday: self.week.monday,
                left_seconds: self.week.held.left,
                right_seconds: self.week.held.right,
                left_counted_seconds: self.week.counted.left,
                right_counted_seconds: self.week.counted.right,
                target_seconds: WEEKLY_SECONDS,
                days: self.week.days_stretched,
                target_days: dose::DAYS_PER_WEEK,
                sessions: self.week.sessions,
                reached: self.week.reached(),
            },
            last_session: self.last_session,
            sessions: self.sessions,
        }
    }

    /// What `--waybar` prints: the short form, the whole picture as a tooltip, a class for the
    /// bar's style sheet, and the week's dose reached so far (the leg behind) as a percentage.
    pub fn waybar(&self, ascii: bool) -> Waybar {
        let state = self.state();
        let tooltip = if self.nothing_yet() {
            NOTHING_YET.to_string()
        } else {
            let days = if self.streak_days == 1 { "day" } else { "days" };
            let today = if self.done_today {
                format!(
                    "Today: done (left {}, right {})",
                    dose::clock(self.today.left),
                    dose::clock(self.today.right)
                )
            } else if self.streak_ends_today {
                "Today: not yet; stretch today or the streak ends".to_string()
            } else {
                "Today: not yet".to_string()
            };
            format!(
                "Streak {} {days}\n{today}\nThis week: {}; {} of {} days",
                self.streak_days,
                self.week.seconds().against_dose(),
                self.week.days_stretched,
                dose::DAYS_PER_WEEK
            )
        };
        let behind = self.week.counted.left.min(self.week.counted.right);
        Waybar {
            text: markup(&self.short(ascii)),
            tooltip: markup(&tooltip),
            class: state.class(),
            alt: state.class(),
            percentage: (behind.saturating_mul(100) / WEEKLY_SECONDS).min(100),
        }
    }
}

/// The line before any session that counts.
pub const NOTHING_YET: &str = "No sessions yet: type `supple` to start your first.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Nothing,
    Done,
    ToDo,
    AtRisk,
}

impl State {
    /// Waybar's `class` and `alt`.
    fn class(self) -> &'static str {
        match self {
            State::Nothing => "none",
            State::Done => "done",
            State::ToDo => "todo",
            State::AtRisk => "at-risk",
        }
    }
}

/// `supple status --json`. The field names are kept as they are; new fields may be added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Json {
    pub date: Date,
    pub streak_days: u32,
    pub done_today: bool,
    pub streak_ends_today: bool,
    pub today: DayJson,
    pub week: WeekJson,
    pub last_session: Option<Date>,
    pub sessions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayJson {
    pub left_seconds: u64,
    pub right_seconds: u64,
    /// The day's share of the weekly dose, per leg.
    pub target_seconds: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekJson {
    pub monday: Date,
    /// Seconds held per leg.
    pub left_seconds: u64,
    pub right_seconds: u64,
    /// Seconds per leg that count toward the dose: each day at most its share (60).
    pub left_counted_seconds: u64,
    pub right_counted_seconds: u64,
    pub target_seconds: u64,
    /// Days with a session that counts, and the dose's days.
    pub days: u32,
    pub target_days: u32,
    pub sessions: u32,
    /// Both legs' counted seconds reach the target.
    pub reached: bool,
}

/// Waybar's custom module, with `"return-type": "json"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Waybar {
    pub text: String,
    pub tooltip: String,
    pub class: &'static str,
    pub alt: &'static str,
    pub percentage: u64,
}

/// `--json` when the history cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct JsonError {
    error: String,
    file: Option<String>,
}

/// Waybar shows text and tooltip as Pango markup.
fn markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `supple status`: reads the history in `store` and prints where you stand on `today` in
/// `form` to `out`. When the history cannot be read, says why and how to fix it on `err`,
/// and returns false (exit 1), printing to `out` a JSON object with `error` and `file` for
/// `--json`, `supple ?` for `--short`, and for `--waybar` a module of class `error` while
/// returning true, since Waybar hides a module whose command fails.
pub fn run(
    out: &mut impl Write,
    err: &mut impl Write,
    store: Option<&Store>,
    today: Date,
    form: Form,
    ascii: bool,
) -> io::Result<bool> {
    let loaded = match store {
        Some(store) => store.load().map_err(|e| (why(&e), Some(store.path()))),
        None => Err(("no home folder, so no history".to_string(), None)),
    };
    let history = match loaded {
        Ok(history) => history,
        Err((why, file)) => {
            writeln!(err, "supple status: {why}")?;
            let file = file.map(|f| f.display().to_string());
            return match form {
                Form::Line => Ok(false),
                Form::Short => {
                    writeln!(out, "supple ?")?;
                    Ok(false)
                }
                Form::Json => {
                    write_json(out, &JsonError { error: why, file })?;
                    Ok(false)
                }
                Form::Waybar => {
                    let module = Waybar {
                        text: "supple ?".into(),
                        tooltip: markup(&format!("supple cannot read your history:\n{why}")),
                        class: "error",
                        alt: "error",
                        percentage: 0,
                    };
                    write_json(out, &module)?;
                    Ok(true)
                }
            };
        }
    };
    let status = Status::of(&history.sessions, today);
    match form {
        Form::Line => writeln!(out, "{}", status.line(ascii))?,
        Form::Short => writeln!(out, "{}", status.short(ascii))?,
        Form::Json => write_json(out, &status.json())?,
        Form::Waybar => write_json(out, &status.waybar(ascii))?,
    }
    Ok(true)
}

/// The variable that sets the date `supple status` takes as today, for tests only.
pub const TODAY_VAR: &str = "SUPPLE_TODAY";

/// Today where you are (the date of `now`); for tests, the date in `SUPPLE_TODAY`
/// (YYYY-MM-DD). A variable rather than a hidden flag, since shell completions offer hidden
/// flags too.
pub fn today(now: &jiff::ZonedDateTime) -> Result<Date, String> {
    match std::env::var(TODAY_VAR) {
        Ok(text) if !text.is_empty() => text.parse().map_err(|_| {
            format!(
                "{TODAY_VAR} (for tests) is `{}`: a date is written YYYY-MM-DD",
                crate::safe_text::quote(&text, 40)
            )
        }),
        _ => Ok(now.date()),
    }
}

/// `supple status [--short | --json | --waybar]`.
pub fn command(
    out: &mut impl Write,
    err: &mut impl Write,
    args: &StatusArgs,
    now: &jiff::ZonedDateTime,
) -> anyhow::Result<bool> {
    let form = match (args.json, args.short, args.waybar) {
        (true, _, _) => Form::Json,
        (_, true, _) => Form::Short,
        (_, _, true) => Form::Waybar,
        _ => Form::Line,
    };
    let store = Store::default_location();
    let ascii = !crate::term::utf8_locale();
    let today = today(now).map_err(anyhow::Error::msg)?;
    Ok(run(out, err, store.as_ref(), today, form, ascii)?)
}

/// What went wrong, and the fix.
fn why(e: &HistoryError) -> String {
    match e {
        HistoryError::Unreadable(why) => format!(
            "{why}\n  (until then, your next session sets this file aside under a new name, \
             untouched, and starts a new history)"
        ),
        other => other.to_string(),
    }
}

/// One JSON object on one line, as bars read it, with anything a terminal acts on escaped.
fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let text = serde_json::to_string(value)?;
    writeln!(out, "{}", crate::safe_text::json(&text))
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_for_waybar() {
        assert_eq!(markup("a<b> & c"), "a&lt;b&gt; &amp; c");
    }

    #[test]
    fn nothing_yet_is_zeros_and_null() {
        let status = Status::of(&[], jiff::civil::date(2026, 11, 27));
        assert_eq!(status.line(false), NOTHING_YET);
        assert_eq!(status.short(false), "supple 0d ○");
        assert_eq!(status.short(true), "supple 0d o");
        let json = serde_json::to_value(status.json()).expect("json");
        assert_eq!(json["streak_days"], 0);
        assert_eq!(json["last_session"], serde_json::Value::Null);
        assert_eq!(json["week"]["monday"], "2026-11-23");
        assert_eq!(status.waybar(false).class, "none");
    }
}
