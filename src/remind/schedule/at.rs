//! `--at`: a time of day on the 24-hour clock or the 12-hour one, each wrong value named
//! with the likely time.

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
