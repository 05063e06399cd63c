//! When a reminder comes: a time of day and the days of the week, read from the flags and
//! written as systemd's calendar event and cron's fields (and read back from both).

use std::fmt;

use crate::safe_text::quote;

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
}
