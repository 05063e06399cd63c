//! `--days`: days by name, ranges and groups, each wrong one named with the likely day.

use std::fmt;

use crate::content::did_you_mean;
use crate::safe_text::quote;

/// The days of the week, Monday first: what systemd, cron and people call them.
pub(super) const WEEK: [(&str, &str, u8); 7] = [
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
pub struct Days(pub(super) u8);

impl Days {
    pub const EVERY: Days = Days(0b111_1111);

    pub fn every_day(self) -> bool {
        self == Days::EVERY
    }

    pub(super) fn each(self) -> impl Iterator<Item = &'static (&'static str, &'static str, u8)> {
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
