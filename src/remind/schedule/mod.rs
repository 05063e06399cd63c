//! When a reminder comes: a time of day and the days of the week, read from the flags and
//! written as systemd's calendar event and cron's fields (and read back from both).
//!
//! `--at` takes the 24-hour clock (`07:30`, `7:30`, `19:30`) or the 12-hour one with am or pm
//! (`7:30pm`, `7:30 PM`, `7pm`, `7 a.m.`; `12am` is midnight, `12pm` noon). A bare hour (`7`:
//! morning or evening?) is refused with both times it may mean. Digits without a colon
//! (`1930`, `130`: 1:30 or 13:00?) and other near misses (`19.30`, `7:5`) are refused with
//! the likely time: a reminder set to a wrong guess would only show itself by coming at the
//! wrong hour. `--days` takes days by name, ranges (`mon-fri`), and `weekdays`, `weekends` or
//! `daily`, separated by commas.

use std::fmt;

mod at;
mod days;
#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests;

pub use at::{At, parse_at};
use days::WEEK;
pub use days::{Days, parse_days};

/// A reminder: a time and the days it comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    pub at: At,
    pub days: Days,
}

impl fmt::Display for Reminder {
    /// "07:30 (7:30am) every day", "19:30 (7:30pm) on Mon, Wed, Fri": the 24-hour time, as
    /// systemd and cron are given it, and the same on the 12-hour clock, so that neither way
    /// of reading it can be wrong.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (at, twelve) = (self.at, self.at.twelve_hour());
        if self.days.every_day() {
            write!(f, "{at} ({twelve}) every day")
        } else {
            write!(f, "{at} ({twelve}) on {}", self.days)
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
