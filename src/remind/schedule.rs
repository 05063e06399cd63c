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

use crate::content::did_you_mean;
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

impl At {
    /// The same time on the 12-hour clock: `7:30pm`, `12:00am` for midnight.
    pub fn twelve_hour(self) -> String {
        let hour = match self.hour % 12 {
            0 => 12,
            hour => hour,
        };
        let half = if self.hour < 12 { "am" } else { "pm" };
        format!("{hour}:{:02}{half}", self.minute)
    }
}

/// What every error about `--at` ends with.
const AT_FIX: &str =
    "write 24-hour HH:MM, such as 19:30, or 12-hour with am or pm, such as 7:30pm or 7pm";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Half {
    Am,
    Pm,
}

/// Why a time as typed is not one.
enum Wrong {
    /// Not the shape of a time at all.
    Shape,
    /// An hour alone, with no minutes and no am or pm: `7`.
    HourAlone(u8),
    /// A 24-hour time with an hour past 23.
    Hour(u8, u8),
    /// With am or pm, an hour outside 1 to 12.
    HalfHour(u8, u8, Half),
    /// Minutes past 59.
    Minute(u8),
}

/// `text` (trimmed, lowercased) without its am or pm, and which it was.
fn split_half(text: &str) -> (&str, Option<Half>) {
    for (suffix, half) in [
        ("a.m.", Half::Am),
        ("p.m.", Half::Pm),
        ("am", Half::Am),
        ("pm", Half::Pm),
    ] {
        if let Some(clock) = text.strip_suffix(suffix) {
            return (clock.trim_end(), Some(half));
        }
    }
    (text, None)
}

/// A time in one of the forms `--at` takes, trimmed and lowercased.
fn read_at(text: &str) -> Result<At, Wrong> {
    let (clock, half) = split_half(text);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let (hours, minutes) = match clock.split_once(':') {
        Some((hours, minutes)) if digits(hours, 1..=2) && digits(minutes, 2..=2) => {
            (hours, Some(minutes))
        }
        None if digits(clock, 1..=2) => (clock, None),
        _ => return Err(Wrong::Shape),
    };
    // At most two digits each, checked above.
    let hour: u8 = hours.parse().map_err(|_| Wrong::Shape)?;
    let minute: u8 = minutes
        .map_or(Ok(0), str::parse)
        .map_err(|_| Wrong::Shape)?;
    let hour = match half {
        None if minutes.is_none() => return Err(Wrong::HourAlone(hour)),
        None if hour > 23 => return Err(Wrong::Hour(hour, minute)),
        None => hour,
        Some(half) if !(1..=12).contains(&hour) => return Err(Wrong::HalfHour(hour, minute, half)),
        Some(Half::Am) => hour % 12,
        Some(Half::Pm) => hour % 12 + 12,
    };
    if minute > 59 {
        return Err(Wrong::Minute(minute));
    }
    Ok(At { hour, minute })
}

/// What someone who typed `text` (trimmed, lowercased, not a time) most likely meant, in
/// forms `--at` takes, quoted: `19:30` for `1930`, `19.30` or `19h30`; `7:30pm` for `730pm`
/// or `7:30p`; `07:30` for `07:30:00`; `07:05` or `07:50` for `7:5`.
fn likely_time(text: &str) -> Option<String> {
    let (clock, half) = split_half(text);
    let half = match half {
        Some(Half::Am) => "am",
        Some(Half::Pm) => "pm",
        None => "",
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some((hours, minute)) = clock.split_once(':')
        && all_digits(hours)
        && minute.len() == 1
        && all_digits(minute)
    {
        let guesses = [
            format!("{hours}:0{minute}{half}"),
            format!("{hours}:{minute}0{half}"),
        ];
        if guesses.iter().all(|g| read_at(g).is_ok()) {
            return Some(format!("`{}` or `{}`", guesses[0], guesses[1]));
        }
    }
    let mut guesses = Vec::new();
    if clock.matches(['.', 'h']).count() == 1 {
        guesses.push(format!("{}{half}", clock.replace(['.', 'h'], ":")));
    }
    if (3..=4).contains(&clock.len()) && all_digits(clock) {
        let (hours, minutes) = clock.split_at(clock.len() - 2);
        guesses.push(format!("{hours}:{minutes}{half}"));
    }
    if let Some(clock) = clock.strip_suffix(":00") {
        guesses.push(format!("{clock}{half}"));
    }
    if half.is_empty() && (clock.ends_with('a') || clock.ends_with('p')) {
        let (clock, letter) = clock.split_at(clock.len() - 1);
        guesses.push(format!("{}{letter}m", clock.trim_end()));
    }
    guesses
        .into_iter()
        .find(|guess| read_at(guess).is_ok())
        .map(|guess| format!("`{guess}`"))
}

/// `--at`: a time on the 24-hour clock (`07:30`, `7:30`, `19:30`) or the 12-hour one
/// (`7:30pm`, `7:30 PM`, `7pm`, `7 am`, `12am`), any case, spaces around it ignored. The
/// error names what was typed, what is wrong, and how to write it.
pub fn parse_at(text: &str) -> Result<At, String> {
    let shown = quote(text.trim(), 40);
    let typed = text.trim().to_lowercase();
    let error = |problem: String, guess: Option<String>| {
        let guess = guess.map_or_else(String::new, |g| format!("did you mean {g}? "));
        format!("{problem}\n  fix: {guess}{AT_FIX}")
    };
    if typed.is_empty() {
        return Err(error("no time given".into(), None));
    }
    let wrong = match read_at(&typed) {
        Ok(at) => return Ok(at),
        Err(wrong) => wrong,
    };
    Err(match wrong {
        Wrong::Shape => error(format!("`{shown}` is not a time"), likely_time(&typed)),
        Wrong::HourAlone(hour) if hour > 23 => error(format!("`{shown}` is not a time"), None),
        Wrong::HourAlone(hour @ 1..=12) => error(
            format!("`{shown}` has no minutes, and no am or pm to say which {hour} o'clock"),
            Some(match hour {
                12 => "`12:00` (noon) or `00:00` (midnight)".into(),
                _ => format!("`{hour:02}:00` ({hour}am) or `{}:00` ({hour}pm)", hour + 12),
            }),
        ),
        Wrong::HourAlone(hour) => error(
            format!("`{shown}` has no minutes"),
            Some(format!("`{hour:02}:00`")),
        ),
        Wrong::Hour(hour, minute) => error(
            format!("`{shown}`: the hour is {hour}, and hours go from 00 to 23"),
            (hour == 24 && minute == 0).then(|| "`00:00` (midnight)".to_string()),
        ),
        Wrong::HalfHour(hour, minute, half) => error(
            format!(
                "`{shown}`: the hour is {hour}, and with am or pm hours go from 1 to 12 (12am \
                 is midnight, 12pm noon)"
            ),
            match (hour, half) {
                (0, Half::Am) | (13..=23, Half::Pm) => Some(format!("`{hour:02}:{minute:02}`")),
                _ => None,
            },
        ),
        Wrong::Minute(minute) => error(
            format!("`{shown}`: the minutes are {minute}, and minutes go from 00 to 59"),
            None,
        ),
    })
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

/// The words `--days` takes for several days at once, and the days each is (bit 0 Monday).
const GROUPS: [(&str, u8); 7] = [
    ("weekdays", 0b001_1111),
    ("weekday", 0b001_1111),
    ("weekends", 0b110_0000),
    ("weekend", 0b110_0000),
    ("daily", 0b111_1111),
    ("every day", 0b111_1111),
    ("everyday", 0b111_1111),
];

/// What every error about `--days` ends with.
const DAYS_FIX: &str = "name days by their first three letters (mon, tue, wed, thu, fri, sat, \
                        sun) or in full (friday), separated by commas, such as mon,wed,fri; a \
                        range such as mon-fri; or weekdays, weekends or daily (leave --days out \
                        for every day)";

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

/// A day by its name (lowercase) or the first three letters of it or more: `wed`, `thurs`,
/// `friday` (not `weds`). Its place in [`WEEK`].
fn day(word: &str) -> Option<usize> {
    if word.len() < 3 {
        return None;
    }
    WEEK.iter().position(|(_, name, _)| name.starts_with(word))
}

/// Why one item of `--days` is not days.
enum BadItem {
    /// It names no day: the whole item (`None`), or one end of a range in it (0 or 1).
    Word(Option<usize>),
    /// A dash with no day on one side, or more than one dash.
    Range,
}

/// One item of `--days` (trimmed, lowercased, inner spaces as one): a day, a range of days
/// (`mon-fri`; `fri-mon` goes round the weekend) or a group (`weekdays`).
fn read_item(item: &str) -> Result<u8, BadItem> {
    if let Some((_, bits)) = GROUPS.iter().find(|(name, _)| *name == item) {
        return Ok(*bits);
    }
    let ends: Vec<&str> = item.split('-').map(str::trim).collect();
    match ends.as_slice() {
        [word] => day(word).map(|i| 1 << i).ok_or(BadItem::Word(None)),
        [first, last] if !first.is_empty() && !last.is_empty() => {
            let first = day(first).ok_or(BadItem::Word(Some(0)))?;
            let last = day(last).ok_or(BadItem::Word(Some(1)))?;
            let mut bits = 0;
            let mut i = first;
            loop {
                bits |= 1 << i;
                if i == last {
                    break Ok(bits);
                }
                i = (i + 1) % 7;
            }
        }
        _ => Err(BadItem::Range),
    }
}

/// One end (0 or 1) of the range in an item of `--days`.
fn range_end(item: &str, end: usize) -> &str {
    item.split('-').nth(end).unwrap_or("").trim()
}

/// What someone who typed `word` (lowercased) most likely meant: a day or group by name, or
/// for days separated by spaces (`mon wed`), the same with commas.
fn likely_days(word: &str) -> Option<String> {
    let words: Vec<&str> = word.split_whitespace().collect();
    if words.len() > 1 && words.iter().all(|w| day(w).is_some()) {
        return Some(words.join(","));
    }
    let short: Vec<String> = WEEK.iter().map(|d| d.0.to_lowercase()).collect();
    let known = short
        .iter()
        .map(String::as_str)
        .chain(WEEK.iter().map(|d| d.1))
        .chain(["weekdays", "weekends", "daily"]);
    did_you_mean(word, known).map(str::to_string)
}

/// `--days`: days separated by commas, in any case and order: by their first three letters
/// or more (`mon`, `thurs`, `friday`), ranges (`mon-fri`), and `weekdays`, `weekends`,
/// `daily` or `every day`. A day named twice counts once; spaces around items and empty
/// items (`mon,,fri`, `mon,fri,`) are passed over. The error names the item, its place, the
/// likely day, and how to write days.
pub fn parse_days(text: &str) -> Result<Days, String> {
    let items: Vec<&str> = text.split(',').collect();
    let mut bits = 0u8;
    for (n, item) in items.iter().enumerate() {
        let words: Vec<&str> = item.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let typed = words.join(" ").to_lowercase();
        let item_shown = quote(item.trim(), 40);
        // Where the item is, with `within` (the item a wrong end of a range is in) first.
        let place = |within: Option<String>| {
            let notes: Vec<String> = within
                .into_iter()
                .chain((items.len() > 1).then(|| format!("item {} of {}", n + 1, items.len())))
                .collect();
            if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join(", "))
            }
        };
        match read_item(&typed) {
            Ok(more) => bits |= more,
            Err(BadItem::Range) => {
                return Err(format!(
                    "`{item_shown}`{} is not a range of days: a range is two days with a dash \
                     between, such as mon-fri\n  fix: {DAYS_FIX}",
                    place(None)
                ));
            }
            Err(BadItem::Word(end)) => {
                // The word, as typed and as read: the item, or one end of the range in it.
                let (shown, word, within) = match end {
                    None => (item_shown, typed, None),
                    Some(end) => {
                        let within = format!("in `{item_shown}`");
                        (
                            quote(range_end(item, end), 40),
                            range_end(&typed, end).to_string(),
                            Some(within),
                        )
                    }
                };
                let guess = likely_days(&word)
                    .map_or_else(String::new, |g| format!("did you mean `{g}`? "));
                return Err(format!(
                    "`{shown}`{} is not a day of the week\n  fix: {guess}{DAYS_FIX}",
                    place(within)
                ));
            }
        }
    }
    if bits == 0 {
        return Err(format!("no day given\n  fix: {DAYS_FIX}"));
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

#[cfg(test)]
#[allow(clippy::expect_used)]
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

    fn at(hour: u8, minute: u8) -> At {
        At { hour, minute }
    }

    #[test]
    fn times_are_read_on_either_clock() {
        for (typed, hour, minute) in [
            ("7:30", 7, 30),
            ("07:30", 7, 30),
            (" 19:30 ", 19, 30),
            ("00:00", 0, 0),
            ("23:59", 23, 59),
            ("7:30pm", 19, 30),
            ("7:30 PM", 19, 30),
            ("7:30am", 7, 30),
            ("07:30pm", 19, 30),
            ("7pm", 19, 0),
            ("7 am", 7, 0),
            ("7 a.m.", 7, 0),
            ("7:15 P.M.", 19, 15),
            ("12am", 0, 0),
            ("12:30am", 0, 30),
            ("12pm", 12, 0),
            ("12:45 pm", 12, 45),
            ("11:59pm", 23, 59),
            ("1am", 1, 0),
        ] {
            assert_eq!(parse_at(typed), Ok(at(hour, minute)), "{typed:?}");
        }
    }

    /// Each refusal: what was typed, what is wrong, the likely time where there is one, and
    /// how to write a time.
    #[test]
    fn wrong_times_are_named_with_the_likely_one() {
        for (typed, said) in [
            (
                "25:00",
                "`25:00`: the hour is 25, and hours go from 00 to 23",
            ),
            ("24:00", "did you mean `00:00` (midnight)?"),
            (
                "7:60",
                "`7:60`: the minutes are 60, and minutes go from 00 to 59",
            ),
            ("7:60pm", "the minutes are 60"),
            (
                "13pm",
                "`13pm`: the hour is 13, and with am or pm hours go from 1 to 12",
            ),
            ("13pm", "did you mean `13:00`?"),
            (
                "0am",
                "the hour is 0, and with am or pm hours go from 1 to 12",
            ),
            ("0:30am", "did you mean `00:30`?"),
            ("13:30am", "the hour is 13"),
            (
                "7",
                "`7` has no minutes, and no am or pm to say which 7 o'clock",
            ),
            ("7", "did you mean `07:00` (7am) or `19:00` (7pm)?"),
            ("12", "`12:00` (noon) or `00:00` (midnight)"),
            ("19", "`19` has no minutes\n"),
            ("19", "did you mean `19:00`?"),
            ("1930", "`1930` is not a time\n  fix: did you mean `19:30`?"),
            ("0730", "did you mean `07:30`?"),
            ("730pm", "did you mean `7:30pm`?"),
            ("19.30", "did you mean `19:30`?"),
            ("7.30 pm", "did you mean `7:30pm`?"),
            ("19h30", "did you mean `19:30`?"),
            ("7:30p", "did you mean `7:30pm`?"),
            ("07:30:00", "did you mean `07:30`?"),
            ("7:5", "did you mean `7:05` or `7:50`?"),
            ("", "no time given"),
            ("noon", "`noon` is not a time\n  fix: write"),
            ("7:30 pm pm", "is not a time"),
            ("-7:30", "is not a time"),
            ("7:3\u{1b}[0m", "`7:3\\u{1b}[0m` is not a time"),
        ] {
            let error = parse_at(typed).expect_err(typed);
            assert!(error.contains(said), "{typed:?}: {said:?} not in {error:?}");
            assert!(
                error.ends_with(
                    "fix: write 24-hour HH:MM, such as 19:30, or 12-hour with am or pm, such \
                     as 7:30pm or 7pm"
                ) || error.contains("? write 24-hour HH:MM"),
                "{error}"
            );
        }
        // Only a guess that is itself a time is offered.
        for typed in ["25", "99999", "2530", "7:30xm", "13.30pm"] {
            let error = parse_at(typed).expect_err(typed);
            assert!(!error.contains("did you mean"), "{typed:?}: {error}");
        }
    }

    #[test]
    fn the_twelve_hour_form_is_shown_beside_the_24_hour_one() {
        for (hour, minute, twelve) in [
            (0, 0, "12:00am"),
            (0, 30, "12:30am"),
            (7, 5, "7:05am"),
            (12, 0, "12:00pm"),
            (19, 30, "7:30pm"),
            (23, 59, "11:59pm"),
        ] {
            assert_eq!(at(hour, minute).twelve_hour(), twelve);
            assert_eq!(parse_at(twelve), Ok(at(hour, minute)), "{twelve}");
        }
        let every = Reminder {
            at: at(19, 30),
            days: Days::EVERY,
        };
        assert_eq!(every.to_string(), "19:30 (7:30pm) every day");
        let some = Reminder {
            days: parse_days("mon,fri").unwrap_or(Days::EVERY),
            ..every
        };
        assert_eq!(some.to_string(), "19:30 (7:30pm) on Mon, Fri");
        assert_eq!(some.flags(), "--at 19:30 --days mon,fri");
    }

    #[test]
    fn days_are_read_by_name_range_and_group() {
        let days = |text: &str| parse_days(text).map(|d| d.to_string());
        for (typed, shown) in [
            ("mon,wed,fri", "Mon, Wed, Fri"),
            ("Mon, WED ,Friday", "Mon, Wed, Fri"),
            ("thurs,tues,satur", "Tue, Thu, Sat"),
            ("sun,sun,SUNDAY", "Sun"),
            ("mon,,fri,", "Mon, Fri"),
            (" mon , fri ", "Mon, Fri"),
            ("mon-fri", "Mon, Tue, Wed, Thu, Fri"),
            ("Mon - Wed", "Mon, Tue, Wed"),
            ("fri-mon", "Mon, Fri, Sat, Sun"),
            ("wed-wed", "Wed"),
            ("weekdays", "Mon, Tue, Wed, Thu, Fri"),
            ("weekday", "Mon, Tue, Wed, Thu, Fri"),
            ("WEEKENDS", "Sat, Sun"),
            ("weekend,wed", "Wed, Sat, Sun"),
            ("daily", "every day"),
            ("every day", "every day"),
            ("Every  Day", "every day"),
            ("everyday", "every day"),
            ("weekdays,weekends", "every day"),
            ("mon-sun", "every day"),
        ] {
            assert_eq!(days(typed).as_deref(), Ok(shown), "{typed:?}");
        }
    }

    /// Each refusal: the item, its place, the likely day where there is one, and every form
    /// `--days` takes.
    #[test]
    fn wrong_days_are_named_with_the_likely_one() {
        for (typed, said) in [
            (
                "mon,wed,fry",
                "`fry` (item 3 of 3) is not a day of the week\n  fix: did you mean `fri`?",
            ),
            (
                "Fry",
                "`Fry` is not a day of the week\n  fix: did you mean `fri`?",
            ),
            ("thrusday", "did you mean `thursday`?"),
            ("wensday", "did you mean `wednesday`?"),
            ("weds", "did you mean `wed`?"),
            ("mo", "did you mean `mon`?"),
            ("weekdys", "did you mean `weekdays`?"),
            ("dayly", "did you mean `daily`?"),
            (
                "sat,Mon-Fry",
                "`Fry` (in `Mon-Fry`, item 2 of 2) is not a day of the week",
            ),
            (
                "mon-",
                "`mon-` is not a range of days: a range is two days with a dash",
            ),
            ("mon-wed-fri", "`mon-wed-fri` is not a range of days"),
            (
                "weekdays-sun",
                "`weekdays` (in `weekdays-sun`) is not a day",
            ),
            ("mon wed fri", "did you mean `mon,wed,fri`?"),
            ("", "no day given"),
            (" , ,", "no day given"),
            ("mon\nday", "`mon\\u{a}day` is not a day"),
            (
                "xyzzy",
                "`xyzzy` is not a day of the week\n  fix: name days",
            ),
        ] {
            let error = parse_days(typed).expect_err(typed);
            assert!(error.contains(said), "{typed:?}: {said:?} not in {error:?}");
            assert!(
                error.ends_with(
                    "separated by commas, such as mon,wed,fri; a range such as mon-fri; or \
                     weekdays, weekends or daily (leave --days out for every day)"
                ),
                "{error}"
            );
        }
    }
}
