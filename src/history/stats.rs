//! Numbers drawn from history: the streak, sessions this week, seconds held per day and leg,
//! and whether one leg is getting less than the other. Pure: `today` is passed in.

use std::collections::BTreeSet;

use jiff::ToSpan;
use jiff::civil::Date;

use super::days::{DayTotal, monday_of, per_day};
use super::record::{LegSeconds, SessionRecord};

/// What `supple history` says before the first session.
pub const NO_SESSIONS_YET: &str = "No sessions yet: type supple and your first one will show here.";

impl Overview {
    /// What to say when nothing counts yet; `None` once something does.
    pub fn nothing_yet(&self) -> Option<String> {
        match (self.total, self.short) {
            (0, 0) => Some(NO_SESSIONS_YET.into()),
            (0, short) => Some(format!(
                "{short} short session{} kept, none long enough to count yet: a session counts \
                 once a step is finished or {} s are done.",
                if short == 1 { "" } else { "s" },
                crate::session::tally::COUNTS_AFTER_SECONDS
            )),
            _ => None,
        }
    }
}

/// Said when neither leg has fallen behind enough to be worth a word.
pub const NO_IMBALANCE: &str =
    "Neither leg got a fifth (and 30 s) less than the other in the last 14 days.";

/// Days the leg balance looks back over.
pub const BALANCE_DAYS: i32 = 14;

/// One leg getting clearly less static stretching than the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imbalance {
    /// The leg that got less: "left" or "right".
    pub less: &'static str,
    pub held: LegSeconds,
    /// How much less, as a share of the other leg's seconds (0 to 100).
    pub percent: u64,
}

/// Everything `supple history` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub today: Date,
    /// Days with a session in the run that reaches today, where one rest day between two
    /// sessions keeps the run going and two days in a row without one end it (see
    /// [`STREAK_RULE`]).
    pub streak: u32,
    /// Sessions from Monday of this week through today.
    pub this_week: u32,
    /// The first day with a session that counts.
    pub first: Option<Date>,
    /// Sessions that count (see `SessionRecord::counts`).
    pub total: u32,
    /// Sessions kept but too short to count.
    pub short: u32,
    pub completed: u32,
    /// Static-hold seconds per leg over all sessions.
    pub held_total: LegSeconds,
    /// Every day of the last `days` days, oldest first (days without a session included).
    pub days: Vec<DayTotal>,
    /// Over the last `BALANCE_DAYS` days, when one leg got at least 20 % and 30 s less.
    pub imbalance: Option<Imbalance>,
}

impl Overview {
    pub fn new(sessions: &[SessionRecord], today: Date, days: i32) -> Overview {
        let counted: Vec<&SessionRecord> = sessions.iter().filter(|s| s.counts()).collect();
        let per_day = per_day(sessions);
        let mut held_total = LegSeconds::default();
        for day in per_day.values() {
            held_total += day.held;
        }
        let active: BTreeSet<Date> = per_day.keys().copied().collect();
        let monday = monday_of(today);
        let this_week = per_day.range(monday..=today).map(|(_, d)| d.sessions).sum();
        let days = day_range(today, days)
            .into_iter()
            .map(|date| DayTotal::on(&per_day, date))
            .collect();
        let mut recent = LegSeconds::default();
        for date in day_range(today, BALANCE_DAYS) {
            if let Some(day) = per_day.get(&date) {
                recent += day.held;
            }
        }
        Overview {
            today,
            streak: streak(&active, today),
            first: active.first().copied(),
            this_week,
            total: counted.len() as u32,
            short: (sessions.len() - counted.len()) as u32,
            completed: counted.iter().filter(|s| s.completed).count() as u32,
            held_total,
            days,
            imbalance: imbalance(recent),
        }
    }
}

/// The last `n` days up to and including `today`, oldest first.
fn day_range(today: Date, n: i32) -> Vec<Date> {
    (0..n.max(0))
        .rev()
        .filter_map(|back| today.checked_sub(back.days()).ok())
        .collect()
}

/// The streak's rule, as the screens say it.
pub const STREAK_RULE: &str =
    "one rest day between two sessions keeps a streak; two days in a row without one end it";

/// Days without a session allowed between two days with one, within a streak.
pub const REST_DAYS: i32 = 1;

/// Days with a session in the run that reaches `today`: each at most `REST_DAYS` + 1 days
/// after the one before, and the last at most that many days before `today` (a day is not
/// missed until it is over).
fn streak(active: &BTreeSet<Date>, today: Date) -> u32 {
    let mut count = 0;
    let mut after = today;
    for &day in active.range(..=today).rev() {
        if days_between(day, after) > REST_DAYS + 1 {
            break;
        }
        count += 1;
        after = day;
    }
    count
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i32 {
    from.until(to).map_or(i32::MAX, |span| span.get_days())
}

fn imbalance(held: LegSeconds) -> Option<Imbalance> {
    let (more, less, less_name) = if held.left < held.right {
        (held.right, held.left, "left")
    } else {
        (held.left, held.right, "right")
    };
    let gap = more - less;
    let percent = (u128::from(gap) * 100)
        .checked_div(u128::from(more))
        .map_or(0, |p| p as u64);
    (gap >= 30 && percent >= 20).then_some(Imbalance {
        less: less_name,
        held,
        percent,
    })
}

/// The most recent session of `routine` that counts, if any.
pub fn last_of<'a>(sessions: &'a [SessionRecord], routine: &str) -> Option<&'a SessionRecord> {
    sessions
        .iter()
        .filter(|s| s.routine == routine && s.counts())
        .max_by(|a, b| a.started.timestamp().cmp(&b.started.timestamp()))
}

/// The most seconds either leg held on any of `days` (0 for none): the top of a chart.
pub fn peak(days: &[DayTotal]) -> u64 {
    days.iter()
        .map(|d| d.held.left.max(d.held.right))
        .max()
        .unwrap_or(0)
}

/// A short day label: `Tue 24 Nov`.
pub fn day_label(date: Date) -> String {
    date.strftime("%a %-d %b").to_string()
}

/// The last session of a routine, as the end-of-session summary compares with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastTime {
    pub day: Date,
    pub held: LegSeconds,
}

impl LastTime {
    pub fn of(record: &SessionRecord) -> LastTime {
        LastTime {
            day: record.day(),
            held: record.held(),
        }
    }

    /// `Mon 23 Nov: 60 s left, 45 s right. Today: the same on the left, 15 s more on the
    /// right.`
    pub fn compare(&self, today: LegSeconds) -> String {
        let change = |now: u64, then: u64, leg: &str| match now.cmp(&then) {
            std::cmp::Ordering::Equal => format!("the same on the {leg}"),
            std::cmp::Ordering::Greater => format!("{} s more on the {leg}", now - then),
            std::cmp::Ordering::Less => format!("{} s less on the {leg}", then - now),
        };
        format!(
            "{}: {} s left, {} s right. Today: {}, {}.",
            day_label(self.day),
            self.held.left,
            self.held.right,
            change(today.left, self.held.left, "left"),
            change(today.right, self.held.right, "right")
        )
    }
}

/// The streak at the end of today's session: as it will be if the session counts, and as it
/// stays if it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Streaks {
    pub if_counted: u32,
    pub otherwise: u32,
}

impl Streaks {
    pub fn of(sessions: &[SessionRecord], today: Date) -> Streaks {
        let mut active: BTreeSet<Date> = sessions
            .iter()
            .filter(|s| s.counts())
            .map(SessionRecord::day)
            .collect();
        let otherwise = streak(&active, today);
        active.insert(today);
        Streaks {
            if_counted: streak(&active, today),
            otherwise,
        }
    }
}

impl Overview {
    /// `Streak 4 days · 3 sessions this week · 27 in all (24 complete)`.
    pub fn headline(&self, dot: &str) -> String {
        let days = if self.streak == 1 { "day" } else { "days" };
        let sessions = if self.this_week == 1 {
            "session"
        } else {
            "sessions"
        };
        format!(
            "Streak {} {days} {dot} {} {sessions} this week {dot} {} in all ({} complete)",
            self.streak, self.this_week, self.total, self.completed
        )
    }

    /// `Held in all: left 27:00, right 26:15`.
    pub fn held_line(&self) -> String {
        format!(
            "Held in all: left {}, right {}",
            minutes(self.held_total.left),
            minutes(self.held_total.right)
        )
    }
}

impl Imbalance {
    /// What to tell the person about it.
    pub fn advice(&self) -> String {
        let (less, more) = if self.less == "left" {
            (self.held.left, self.held.right)
        } else {
            (self.held.right, self.held.left)
        };
        format!(
            "Your {} leg got {} % less in the last {BALANCE_DAYS} days ({less} s against {more} s): \
             give it an extra hold.",
            self.less, self.percent
        )
    }
}

/// `27:00` for 1620 seconds.
fn minutes(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
