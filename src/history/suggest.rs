//! Suggestions drawn from history, never imposed: each says what it suggests, why, and its
//! source, and nothing changes unless the person changes it. Pure: `today` is passed in.
//!
//! - Longer holds, after `WEEKS_FOR_LONGER_HOLDS` regular weeks: up to 30 s (Bandy et al.
//!   1997: 30 s did as well as 60 s), or up to 60 s with the `older` setting (ACSM: 30 to
//!   60 s for older adults). With `older`, ACSM's 30 s applies from the start: a shorter hold
//!   gets 30 s suggested at once. The 3 regular weeks and the 10 s steps are supple's own
//!   rules, no study's.
//! - After `WEEKS_FOR_KEEPING` regular weeks: 3 sessions a week keep what was gained (Reid &
//!   Kim 2014).
//! - When the last session is `GAP_WARNING_DAYS` or more days ago: gains were gone four weeks
//!   after stopping (Willy et al. 2001).
//! - Extra time for the leg a flexibility test found tighter by at least the measuring error:
//!   the latest test of each kind, within the last eight weeks, decides which leg that is
//!   ([`super::progress::tighter_leg`]). Healthy legs differ too (about 5 degrees on average in
//!   a straight-leg raise, Boyd & Villa 2012), and in a sore back a tighter leg can be a
//!   sensitive nerve, so the suggestion says to ask a physiotherapist first when it is the
//!   painful side or the test brought on leg symptoms.

use jiff::ToSpan;
use jiff::civil::Date;

use super::change::smallest_real_change;
use super::days::monday_of;
use super::days::per_day;
use super::flex::FlexTest;
use super::progress::{TIGHTER_FOR_DAYS, TighterLeg};
use super::record::SessionRecord;
use super::stats::days_between;
use crate::session::Side;

/// Days with a session in a week that make it a regular week (ACSM's least is 2 to 3; Reid &
/// Kim kept their gains with 3).
pub const REGULAR_DAYS: u32 = 3;
/// Regular weeks in a row before longer holds are suggested ("a few weeks"): supple's own
/// rule, no study's.
pub const WEEKS_FOR_LONGER_HOLDS: u32 = 3;
/// Regular weeks in a row before "3 sessions a week keep what you gained" (Reid & Kim 2014
/// stretched for six weeks first).
pub const WEEKS_FOR_KEEPING: u32 = 6;
/// Days since the last session from which the gap is mentioned: three weeks, as four near.
pub const GAP_WARNING_DAYS: i32 = 21;
/// Days without a session after which the gains were gone (Willy et al. 2001).
pub const GAINS_GONE_DAYS: i32 = 28;
/// The longest hold suggested (Bandy et al. 1997: 30 s did as well as 60 s).
pub const HOLD_CAP: u32 = 30;
/// The longest hold suggested with the `older` setting (ACSM: 30 to 60 s for older adults).
pub const HOLD_CAP_OLDER: u32 = 60;
/// Seconds added to a hold at a time, towards the cap: supple's own step, no study's.
pub const HOLD_STEP: u32 = 10;
/// The shortest hold ACSM suggests for older adults (30 to 60 s), from the start.
pub const HOLD_OLDER_FROM: u32 = 30;

/// The sources, as `supple plan --why` and the README name them.
pub const ACSM: &str = "ACSM (American College of Sports Medicine), Guidelines for Exercise \
     Testing and Prescription: holds of 10 to 30 s, 30 to 60 s for older adults; about 60 s \
     per stretch per session; 2 to 3 days a week or more, daily best";
pub const BANDY_1997: &str = "Bandy, Irion & Briggler 1997, Physical Therapy 77(10): 30 s \
     hamstring holds did as well as 60 s, and once a day as well as three times";
pub const REID_KIM_2014: &str = "Reid & Kim 2014, New Zealand Journal of Physiotherapy \
     42(1): after six weeks of stretching 5 days a week, 3 days a week kept the gain and 1 day \
     a week lost it";
pub const WILLY_2001: &str = "Willy, Kyle, Moore & Chleboun 2001, Journal of Orthopaedic & \
     Sports Physical Therapy 31(3): the gain of six weeks of stretching was gone four weeks \
     after stopping, and came back when stretching resumed";

/// The measuring error of the angle tests ([`super::change`]).
pub const NETO_2015: &str = "Neto, Jacobsohn, Carita & Oliveira 2015, Journal of Sport \
     Rehabilitation 24(4): the smallest real change in people with tight hamstrings is 7 to 8 \
     degrees for the active knee extension and 6 to 7 for the straight-leg raise; supple takes \
     the larger";
/// The measuring error of sit-and-reach ([`super::change`]).
pub const SIT_REACH_ERROR: &str = "López-Miñarro, Sáinz de Baranda & Rodríguez-García 2009, \
     Journal of Sports Science and Medicine 8(1): the smallest real change of the reach is 3 to \
     4 cm; supple takes 4";

/// How much the legs of healthy people differ.
pub const BOYD_VILLA_2012: &str = "Boyd & Villa 2012, BMC Musculoskeletal Disorders 13:245: in \
     40 adults without symptoms, the two legs' straight-leg raises differed by about 4 to 5 \
     degrees on average";

/// What the suggestions are drawn from besides the sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The `older` setting: holds of up to 60 s rather than 30 s.
    pub older: bool,
    /// The shortest static hold of the plan about to run (with `--hold` or `hold_seconds`
    /// applied); `None` for a plan with no static hold.
    pub hold_seconds: Option<u32>,
    /// The leg the latest flexibility tests found tighter than the other by more than the
    /// measuring error, and the result that says so ([`super::progress::tighter_leg`]); `None` when
    /// no recent test says so.
    pub tighter_leg: Option<TighterLeg>,
}

/// One suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggestion {
    /// Holds of `to` seconds instead of `from`, after `weeks` regular weeks.
    LongerHolds {
        weeks: u32,
        from: u32,
        to: u32,
        older: bool,
    },
    /// 3 sessions a week keep what `weeks` regular weeks gained.
    ThreeAWeekKeeps { weeks: u32 },
    /// `days` since the last session that counts.
    Gap { days: i32 },
    /// An extra hold for the leg a test found tighter.
    TighterLeg(TighterLeg),
    /// With the `older` setting, holds shorter than ACSM's 30 s for older adults: 30 s at once.
    OlderHolds { from: u32 },
}

impl Suggestion {
    /// One line for `supple plan`.
    pub fn short(&self) -> String {
        match *self {
            Suggestion::LongerHolds { weeks, to, .. } => format!(
                "{weeks} regular weeks: you could hold each stretch {to} s (--hold {to}, or \
                 \"hold_seconds\": {to} in the config)."
            ),
            Suggestion::ThreeAWeekKeeps { weeks } => {
                format!("{weeks} regular weeks: 3 sessions a week keep what you gained.")
            }
            Suggestion::Gap { days } if days >= GAINS_GONE_DAYS => format!(
                "{days} days since your last session: gains fade after four weeks off; a \
                 session today starts them again."
            ),
            Suggestion::Gap { days } => format!(
                "{days} days since your last session: a session this week keeps your gains."
            ),
            Suggestion::OlderHolds { from } => format!(
                "Holds of {from} s: ACSM suggests {HOLD_OLDER_FROM} to {HOLD_CAP_OLDER} s for \
                 older adults, so you could hold each stretch {HOLD_OLDER_FROM} s now (--hold \
                 {HOLD_OLDER_FROM}, or \"hold_seconds\": {HOLD_OLDER_FROM} in the config)."
            ),
            Suggestion::TighterLeg(t) => format!(
                "Your {} leg tested tighter by {}{} ({}, {}): you could give it an extra hold. \
                 If it is your painful side, or the test brought on leg symptoms, ask a \
                 physiotherapist first.",
                t.leg.name(),
                t.by,
                t.test.unit().after(),
                t.test.name(),
                super::day_label(t.taken)
            ),
        }
    }

    /// The suggestion in full, with why, for `supple plan --why`.
    pub fn why(&self) -> String {
        match *self {
            Suggestion::LongerHolds {
                weeks,
                from,
                to,
                older,
            } => {
                let reason = if older {
                    format!(
                        "up to {HOLD_CAP_OLDER} s: ACSM suggests 30 to 60 s for older adults \
                         (your `older` setting)"
                    )
                } else {
                    format!(
                        "up to {HOLD_CAP} s: 30 s did as well as 60 s (Bandy et al. 1997), so \
                         longer ones add only time"
                    )
                };
                format!(
                    "Longer holds: {to} s instead of {from} s. You have had sessions on at \
                     least {REGULAR_DAYS} days a week for {weeks} weeks in a row. Holds can \
                     grow {HOLD_STEP} s at a time, {reason}; the {WEEKS_FOR_LONGER_HOLDS} \
                     weeks and the {HOLD_STEP} s steps are supple's own rules, not a study's. \
                     Try it with `supple --hold {to}`; keep it with \"hold_seconds\": {to} in \
                     the config file. Still to a gentle pull, never to pain."
                )
            }
            Suggestion::OlderHolds { from } => format!(
                "Holds for older adults: {HOLD_OLDER_FROM} s instead of {from} s, from now. \
                 ACSM suggests holds of {HOLD_OLDER_FROM} to {HOLD_CAP_OLDER} s for older \
                 adults (your `older` setting), so there is no need to wait for regular weeks. \
                 Try it with `supple --hold {HOLD_OLDER_FROM}`; keep it with \"hold_seconds\": \
                 {HOLD_OLDER_FROM} in the config file. Still to a gentle pull, never to pain."
            ),
            Suggestion::ThreeAWeekKeeps { weeks } => format!(
                "Keeping what you gained: {weeks} weeks in a row with at least {REGULAR_DAYS} \
                 sessions. After six weeks of stretching 5 days a week, 3 days a week kept the \
                 gain and 1 day a week lost it (Reid & Kim 2014): if you want to do less, do \
                 not go below 3 sessions a week."
            ),
            Suggestion::Gap { days } if days >= GAINS_GONE_DAYS => format!(
                "A long gap: {days} days since your last session. In one study the gain of six \
                 weeks of stretching was gone four weeks after stopping, and came back once \
                 stretching resumed (Willy et al. 2001): start again gently, with your usual \
                 routine."
            ),
            Suggestion::Gap { days } => format!(
                "A gap: {days} days since your last session. In one study the gain of six weeks \
                 of stretching was gone four weeks after stopping (Willy et al. 2001): a \
                 session in the next {} keeps you short of that.",
                match GAINS_GONE_DAYS - days {
                    1 => "day".to_string(),
                    n => format!("{n} days"),
                }
            ),
            Suggestion::TighterLeg(t) => format!(
                "The tighter leg: your {} of {} found your {} leg tighter than the other by \
                 {by}{unit}, at least the test's measuring error of {error}{unit}, so the \
                 difference may be real. Healthy legs differ too, by about 5° on average in a \
                 straight-leg raise. You could give it an extra hold each session, and test \
                 again in a few weeks to see whether the two come alike. If it is your painful \
                 side, or the test brought on tingling, numbness or pain down the leg, ask a \
                 physiotherapist first: in a sore back a tighter leg can be a sensitive nerve, \
                 which more stretching does not help. A test more than {} weeks old no longer \
                 counts.",
                t.test.name(),
                super::day_label(t.taken),
                t.leg.name(),
                TIGHTER_FOR_DAYS / 7,
                by = t.by,
                unit = t.test.unit().after(),
                error = smallest_real_change(t.test),
            ),
        }
    }

    /// The sources it rests on.
    pub fn source(&self) -> String {
        match *self {
            Suggestion::LongerHolds { older: true, .. } | Suggestion::OlderHolds { .. } => {
                ACSM.into()
            }
            Suggestion::LongerHolds { older: false, .. } => BANDY_1997.into(),
            Suggestion::ThreeAWeekKeeps { .. } => REID_KIM_2014.into(),
            Suggestion::Gap { .. } => WILLY_2001.into(),
            Suggestion::TighterLeg(t) => match t.test {
                FlexTest::SitReach => format!("{SIT_REACH_ERROR}. {BOYD_VILLA_2012}"),
                _ => format!("{NETO_2015}. {BOYD_VILLA_2012}"),
            },
        }
    }
}

/// Days from the last session that counts, on or before `today`, to `today` (0 when it was
/// today); `None` before the first.
pub fn days_since_last(sessions: &[SessionRecord], today: Date) -> Option<i32> {
    let last = sessions
        .iter()
        .filter(|s| s.counts() && s.day() <= today)
        .map(SessionRecord::day)
        .max()?;
    Some(days_between(last, today))
}

/// Regular weeks in a row (weeks with sessions on at least `REGULAR_DAYS` days), going back
/// from the week of `today`: the current week counts once it is regular, and does not break
/// the run before it is over.
pub fn regular_weeks(sessions: &[SessionRecord], today: Date) -> u32 {
    let per_day = per_day(sessions);
    let days_in = |monday: Date| -> u32 {
        let sunday = monday.checked_add(6.days()).unwrap_or(monday).min(today);
        per_day.range(monday..=sunday).count() as u32
    };
    let this = monday_of(today);
    let mut count = u32::from(days_in(this) >= REGULAR_DAYS);
    let mut monday = this;
    while let Ok(before) = monday.checked_sub(7.days()) {
        if days_in(before) < REGULAR_DAYS {
            break;
        }
        count += 1;
        monday = before;
    }
    count
}

/// The hold to suggest after `from`: `HOLD_STEP` longer, at least 30 s, at most the cap;
/// `None` when `from` is already there.
pub fn next_hold(from: u32, older: bool) -> Option<u32> {
    let cap = if older { HOLD_CAP_OLDER } else { HOLD_CAP };
    (from < cap).then(|| from.saturating_add(HOLD_STEP).max(HOLD_CAP).min(cap))
}

/// The extra-hold suggestion for the leg a test found tighter (left or right only).
pub fn tighter_leg(tighter: Option<TighterLeg>) -> Option<Suggestion> {
    tighter
        .filter(|t| matches!(t.leg, Side::Left | Side::Right))
        .map(Suggestion::TighterLeg)
}

/// Every suggestion that holds today, the most pressing first.
pub fn suggestions(sessions: &[SessionRecord], today: Date, inputs: &Inputs) -> Vec<Suggestion> {
    let mut out = Vec::new();
    if let Some(days) = days_since_last(sessions, today).filter(|d| *d >= GAP_WARNING_DAYS) {
        out.push(Suggestion::Gap { days });
    }
    out.extend(tighter_leg(inputs.tighter_leg));
    let weeks = regular_weeks(sessions, today);
    let older_from_start = inputs.older
        && inputs
            .hold_seconds
            .is_some_and(|from| from < HOLD_OLDER_FROM);
    if older_from_start && let Some(from) = inputs.hold_seconds {
        out.push(Suggestion::OlderHolds { from });
    } else if weeks >= WEEKS_FOR_LONGER_HOLDS
        && let Some(from) = inputs.hold_seconds
        && let Some(to) = next_hold(from, inputs.older)
    {
        out.push(Suggestion::LongerHolds {
            weeks,
            from,
            to,
            older: inputs.older,
        });
    }
    if weeks >= WEEKS_FOR_KEEPING {
        out.push(Suggestion::ThreeAWeekKeeps { weeks });
    }
    out
}

/// When each suggestion comes, for `supple plan --why`: one line each, with its source.
pub fn rules() -> Vec<String> {
    vec![
        format!(
            "Longer holds: after {WEEKS_FOR_LONGER_HOLDS} weeks in a row with sessions on at \
             least {REGULAR_DAYS} days, {HOLD_STEP} s more at a time, up to {HOLD_CAP} s, or \
             {HOLD_CAP_OLDER} s with \"older\": true in the config; with \"older\", \
             {HOLD_OLDER_FROM} s at once for a shorter hold, as ACSM suggests for older adults \
             from the start. The {WEEKS_FOR_LONGER_HOLDS} weeks and the {HOLD_STEP} s steps are \
             supple's own rules; the caps are the studies'. {BANDY_1997}. {ACSM}."
        ),
        format!(
            "Keeping it: after {WEEKS_FOR_KEEPING} such weeks, that 3 sessions a week keep what \
             you gained. {REID_KIM_2014}."
        ),
        format!(
            "A gap: from {GAP_WARNING_DAYS} days after your last session, a word before four \
             weeks pass. {WILLY_2001}."
        ),
        format!(
            "The tighter leg: when the latest flexibility test (of a kind measured leg by leg, \
             taken in the last {} weeks) finds one leg tighter than the other by at least the \
             test's measuring error ({}° for the knee extension, {}° for the leg raise, {} cm \
             for sit-and-reach), an extra hold for it, with a word to ask a physiotherapist \
             first if it is your painful side or the test brought on leg symptoms; when two \
             tests name different legs, neither counts. {NETO_2015}. {SIT_REACH_ERROR}. \
             {BOYD_VILLA_2012}.",
            TIGHTER_FOR_DAYS / 7,
            smallest_real_change(FlexTest::Aket),
            smallest_real_change(FlexTest::Slr),
            smallest_real_change(FlexTest::SitReach),
        ),
    ]
}
