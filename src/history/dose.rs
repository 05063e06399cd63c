//! The weekly dose per leg, and each week's seconds against it. Pure: `today` is passed in,
//! and nothing here knows the screen.
//!
//! The dose is 60 s of static stretching per leg on 5 days a week: 5:00 per leg a week, a
//! floor built from the guidance and the hamstring studies, not a ceiling.
//! - ACSM: about 60 s per stretch (per muscle group) per session, on 2 to 3 days a week or
//!   more, daily being best; holds of 10 to 30 s, 30 to 60 s for older adults. The 60 s a day
//!   is ACSM's; the 5 days sit between its least (2 to 3) and its best (daily), leave two rest
//!   days, and are what the hamstring studies behind supple's suggestions did: 60 to 90 s a day
//!   on 5 days a week for six weeks (Willy et al. 2001, 2 x 30 s; Reid & Kim 2014, 3 x 30 s).
//! - Each day counts at most its share, 60 s per leg: a dose of 5 days is reached on 5 days,
//!   never by two long sessions. How the day's seconds are split into holds does not matter:
//!   3 x 30 s and 9 x 10 s a day gained the same (Johnson et al. 2014).
//! - Above the floor: a review of 189 studies (Ingram et al. 2024, Sports Medicine) found
//!   gains grew with the week's stretching up to about 10 minutes per muscle (about 4 minutes
//!   in one session for that day's gain) and no further, whatever the intensity and however
//!   many days the week's stretching was spread over. [`MOST_GAIN_SECONDS`] says so beside the
//!   dose; it counts all the seconds held, not the days.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use super::days::{DayTotal, monday_of, per_day};
use super::record::{LegSeconds, SessionRecord};

/// Seconds per leg per day of the dose (ACSM: about 60 s per stretch per session).
pub const SECONDS_PER_DAY: u64 = 60;
/// Days a week of the dose.
pub const DAYS_PER_WEEK: u32 = 5;
/// The weekly dose per leg: 300 s, 5:00.
pub const WEEKLY_SECONDS: u64 = SECONDS_PER_DAY * DAYS_PER_WEEK as u64;

/// Seconds per leg a week up to which gains grew, and beyond which they did not (Ingram et al.
/// 2024: about 10 minutes per muscle a week).
pub const MOST_GAIN_SECONDS: u64 = 600;

/// Weeks `supple history` shows by default, this week included: about three months.
pub const WEEKS_SHOWN: u16 = 12;

/// The dose in words, as the screens and `supple plan --why` say it.
pub const DOSE_RULE: &str = "60 s per leg on 5 days a week";

/// Where the dose comes from, in a sentence.
pub const DOSE_SOURCE: &str = "ACSM: about 60 s per stretch per session, 2 to 3 days a week \
     or more, daily best; the hamstring studies of Willy et al. 2001 and Reid & Kim 2014 \
     stretched 5 days a week. A day counts up to its 60 s, however they are split into holds \
     (Johnson et al. 2014: 3 x 30 s and 9 x 10 s a day gained the same)";

/// What lies above the dose, in a sentence.
pub const ABOVE_THE_DOSE: &str = "The dose is a floor: a review of 189 studies (Ingram et al. \
     2024, Sports Medicine) found gains grew up to about 10:00 of stretching per muscle a week \
     (about 4:00 in one session) and no further, whatever the intensity and however many days \
     it was spread over";

/// One week, Monday to Sunday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub monday: Date,
    /// Each day from Monday through Sunday, or through today in the current week.
    pub days: Vec<DayTotal>,
    /// Seconds of static holds per leg, over the sessions that count.
    pub held: LegSeconds,
    /// Seconds per leg that count toward the dose: each day at most [`SECONDS_PER_DAY`].
    pub counted: LegSeconds,
    /// Days with a session that counts.
    pub days_stretched: u32,
    pub sessions: u32,
}

impl Week {
    fn new(monday: Date, today: Date, per_day: &BTreeMap<Date, DayTotal>) -> Week {
        let days: Vec<DayTotal> = (0..7i64)
            .filter_map(|n| monday.checked_add(n.days()).ok())
            .filter(|date| *date <= today)
            .map(|date| DayTotal::on(per_day, date))
            .collect();
        let mut held = LegSeconds::default();
        let mut counted = LegSeconds::default();
        for day in &days {
            held += day.held;
            counted += day_share(day.held);
        }
        Week {
            monday,
            held,
            counted,
            days_stretched: days.iter().filter(|d| d.sessions > 0).count() as u32,
            sessions: days.iter().fold(0u32, |n, d| n.saturating_add(d.sessions)),
            days,
        }
    }

    /// Whether both legs got the week's dose, a day counting at most its share.
    pub fn reached(&self) -> bool {
        self.seconds().reached()
    }

    /// The week's seconds, held and counted.
    pub fn seconds(&self) -> WeekSeconds {
        WeekSeconds {
            held: self.held,
            counted: self.counted,
        }
    }
}

/// What a day's seconds count toward the dose: each leg at most the day's share.
pub fn day_share(held: LegSeconds) -> LegSeconds {
    LegSeconds {
        left: held.left.min(SECONDS_PER_DAY),
        right: held.right.min(SECONDS_PER_DAY),
    }
}

/// A week's seconds per leg: held, and counted toward the dose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WeekSeconds {
    pub held: LegSeconds,
    pub counted: LegSeconds,
}

impl WeekSeconds {
    /// Whether both legs got the week's dose.
    pub fn reached(&self) -> bool {
        self.counted.left >= WEEKLY_SECONDS && self.counted.right >= WEEKLY_SECONDS
    }

    /// `left 4:20 of 5:00, right 3:40 of 5:00`; where a day held more than counts, `left 2:00
    /// of 5:00, right 2:00 of 5:00 counted (held 5:20 and 5:20; up to 60 s a day counts)`.
    pub fn against_dose(&self) -> String {
        let dose = clock(WEEKLY_SECONDS);
        let mut text = format!(
            "left {} of {dose}, right {} of {dose}",
            clock(self.counted.left),
            clock(self.counted.right)
        );
        if self.held != self.counted {
            text.push_str(&format!(
                " counted (held {} and {}; up to {SECONDS_PER_DAY} s a day counts)",
                clock(self.held.left),
                clock(self.held.right)
            ));
        }
        text
    }
}

/// This week up to now, as the summary after a session adds the session to it: what counted
/// on the days before today, and what was held today and in the week so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WeekSoFar {
    /// Counted toward the dose on the days before today.
    pub counted_before_today: LegSeconds,
    /// Held today so far.
    pub today: LegSeconds,
    /// Held this week so far, today included.
    pub held: LegSeconds,
}

impl WeekSoFar {
    /// `week` (which ends today) as it stands.
    pub fn of(week: &Week) -> WeekSoFar {
        let today = week.days.last().map(|d| d.held).unwrap_or_default();
        let mut counted_before_today = LegSeconds::default();
        for day in week.days.iter().take(week.days.len().saturating_sub(1)) {
            counted_before_today += day_share(day.held);
        }
        WeekSoFar {
            counted_before_today,
            today,
            held: week.held,
        }
    }

    /// With a session of today's that held `session` added.
    pub fn with(mut self, session: LegSeconds) -> WeekSoFar {
        self.today += session;
        self.held += session;
        self
    }

    /// The week's seconds, held and counted.
    pub fn seconds(&self) -> WeekSeconds {
        let mut counted = self.counted_before_today;
        counted += day_share(self.today);
        WeekSeconds {
            held: self.held,
            counted,
        }
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

/// What the summary says after a session: `This week: left 4:20 of 5:00, right 3:40 of
/// 5:00.`, and whether the week's dose is reached.
pub fn week_sentence(week: WeekSeconds) -> String {
    format!(
        "This week: {}.{}",
        week.against_dose(),
        if week.reached() {
            " The week's dose is reached."
        } else {
            ""
        }
    )
}
