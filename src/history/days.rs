//! Days and weeks of history: each day's sessions and seconds per leg, and the Monday a
//! week starts on. What the streak, the chart and the weekly dose are all counted from.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use super::record::{LegSeconds, SessionRecord};

/// One day of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayTotal {
    pub date: Date,
    pub sessions: u32,
    pub held: LegSeconds,
}

impl DayTotal {
    /// `date` as `per_day` has it, or a day without a session.
    pub fn on(per_day: &BTreeMap<Date, DayTotal>, date: Date) -> DayTotal {
        per_day.get(&date).copied().unwrap_or(DayTotal {
            date,
            sessions: 0,
            held: LegSeconds::default(),
        })
    }
}

/// Per day, the sessions that count and their seconds held per leg.
pub fn per_day(sessions: &[SessionRecord]) -> BTreeMap<Date, DayTotal> {
    let mut per_day: BTreeMap<Date, DayTotal> = BTreeMap::new();
    for s in sessions.iter().filter(|s| s.counts()) {
        let day = per_day.entry(s.day()).or_insert(DayTotal {
            date: s.day(),
            sessions: 0,
            held: LegSeconds::default(),
        });
        day.sessions = day.sessions.saturating_add(1);
        day.held += s.held();
    }
    per_day
}

/// The Monday of `date`'s week (weeks run Monday to Sunday, as "this week" does).
pub fn monday_of(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).unwrap_or(date)
}
