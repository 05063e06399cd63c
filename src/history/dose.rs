//! The weekly dose per leg, and each week's seconds held against it. Pure: `today` is passed
//! in, and nothing here knows the screen.
//!
//! The dose is 60 s of static stretching per leg on 5 days a week: 5:00 per leg a week.
//! - ACSM: about 60 s per stretch (per muscle group) per session, on 2 to 3 days a week or
//!   more, daily being best; holds of 10 to 30 s, 30 to 60 s for older adults.
//! - Bandy et al. 1997: 30 s holds did as well as 60 s, and once a day as well as three times,
//!   so the dose counts seconds per day, however they are split into holds.
//! - The hamstring studies behind supple's suggestions gained range with 60 to 90 s a day on
//!   5 days a week for six weeks (Willy et al. 2001, 2 x 30 s; Reid & Kim 2014, 3 x 30 s).
//!
//! Five days sits between ACSM's least (2 to 3) and its best (daily) and leaves two rest days.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use super::record::{LegSeconds, SessionRecord};
use super::stats::{DayTotal, per_day};

/// Seconds per leg per day of the dose (ACSM: about 60 s per stretch per session).
pub const SECONDS_PER_DAY: u64 = 60;
/// Days a week of the dose.
pub const DAYS_PER_WEEK: u32 = 5;
/// The weekly dose per leg: 300 s, 5:00.
pub const WEEKLY_SECONDS: u64 = SECONDS_PER_DAY * DAYS_PER_WEEK as u64;

/// Weeks `supple history` shows by default, this week included: about three months.
pub const WEEKS_SHOWN: u16 = 12;

/// The dose in words, as the screens and `supple plan --why` say it.
pub const DOSE_RULE: &str = "60 s per leg on 5 days a week";

/// Where the dose comes from, in a sentence.
pub const DOSE_SOURCE: &str = "ACSM: about 60 s per stretch per session, 2 to 3 days a week \
     or more, daily best; Bandy et al. 1997: 30 s holds did as well as 60 s; the hamstring \
     studies of Willy et al. 2001 and Reid & Kim 2014 stretched 5 days a week";

/// One week, Monday to Sunday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub monday: Date,
    /// Each day from Monday through Sunday, or through today in the current week.
    pub days: Vec<DayTotal>,
    /// Seconds of static holds per leg, over the sessions that count.
    pub held: LegSeconds,
    /// Days with a session that counts.
    pub days_stretched: u32,
    pub sessions: u32,
}

/// The Monday of `date`'s week (weeks run Monday to Sunday, as "this week" does).
pub fn monday_of(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).unwrap_or(date)
}

impl Week {
    fn new(monday: Date, today: Date, per_day: &BTreeMap<Date, DayTotal>) -> Week {
        let days: Vec<DayTotal> = (0..7i64)
            .filter_map(|n| monday.checked_add(n.days()).ok())
            .filter(|date| *date <= today)
            .map(|date| DayTotal::on(per_day, date))
            .collect();
        let mut held = LegSeconds::default();
        for day in &days {
            held += day.held;
        }
        Week {
            monday,
            held,
            days_stretched: days.iter().filter(|d| d.sessions > 0).count() as u32,
            sessions: days.iter().fold(0u32, |n, d| n.saturating_add(d.sessions)),
            days,
        }
    }

    /// Whether both legs got the week's dose.
    pub fn reached(&self) -> bool {
        self.held.left >= WEEKLY_SECONDS && self.held.right >= WEEKLY_SECONDS
    }
}

/// The last `count` weeks up to the one holding `today`, oldest first (at least one).
pub fn weeks(sessions: &[SessionRecord], today: Date, count: u16) -> Vec<Week> {
    let per_day = per_day(sessions);
    let this = monday_of(today);
    (0..i64::from(count.max(1)))
        .rev()
        .filter_map(|back| this.checked_sub((back * 7).days()).ok())
        .map(|monday| Week::new(monday, today, &per_day))
        .collect()
}

/// This week, from Monday through `today`.
pub fn this_week(sessions: &[SessionRecord], today: Date) -> Week {
    Week::new(monday_of(today), today, &per_day(sessions))
}

/// `4:20` for 260 seconds.
pub fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `left 4:20 of 5:00, right 3:40 of 5:00`.
pub fn against_dose(held: LegSeconds) -> String {
    let dose = clock(WEEKLY_SECONDS);
    format!(
        "left {} of {dose}, right {} of {dose}",
        clock(held.left),
        clock(held.right)
    )
}

/// What the summary says after a session: `This week: left 4:20 of 5:00, right 3:40 of
/// 5:00.`, and whether the week's dose is reached.
pub fn week_sentence(held: LegSeconds) -> String {
    let reached = held.left >= WEEKLY_SECONDS && held.right >= WEEKLY_SECONDS;
    format!(
        "This week: {}.{}",
        against_dose(held),
        if reached {
            " The week's dose is reached."
        } else {
            ""
        }
    )
}
