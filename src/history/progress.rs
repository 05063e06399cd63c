//! The flexibility tests over time, as `supple history` shows them (full screen and `--plain`
//! alike): for each test and way of measuring, its results oldest first, each leg's change
//! since the first and the last day tested (a change within the measuring error is never
//! progress, and one beyond it only "may be real"), the tighter leg; and which leg the latest
//! tests found tighter, for the suggestions. Pure: `today` is passed in.

use jiff::ToSpan;
use jiff::civil::Date;

use super::change::{
    Asymmetry, Change, Comparison, LegsChange, MAY_BE_REAL, smallest_real_change, source,
};
use super::flex::{FlexTest, Legs, TESTS, TestResult};
use crate::session::Side;

/// A test result older than this no longer says which leg is tighter: eight weeks of
/// stretching (or four without, Willy et al. 2001) change the legs by more than the tests'
/// measuring error, so the suggestion waits for a newer test.
pub const TIGHTER_FOR_DAYS: i64 = 56;

/// One test measured one way (each leg, or both together), over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series<'a> {
    pub test: FlexTest,
    /// Both legs together (sit-and-reach only).
    pub together: bool,
    /// The results, oldest first (at least one).
    pub results: Vec<&'a TestResult>,
    /// The latest result against the earlier ones.
    pub comparison: Comparison,
}

/// Every test taken, one series per test and way of measuring, in the order tests are offered.
pub fn series(tests: &[TestResult]) -> Vec<Series<'_>> {
    let mut out = Vec::new();
    for test in TESTS {
        for together in [false, true] {
            let mut results: Vec<&TestResult> = tests
                .iter()
                .filter(|t| t.test == test && matches!(t.legs, Legs::Together { .. }) == together)
                .collect();
            results.sort_by_key(|t| t.taken.timestamp());
            let Some(latest) = results.last() else {
                continue;
            };
            let comparison = Comparison::of(latest, tests);
            out.push(Series {
                test,
                together,
                results,
                comparison,
            });
        }
    }
    out
}

impl<'a> Series<'a> {
    /// The latest result.
    pub fn latest(&self) -> &'a TestResult {
        // `series` never makes an empty one.
        self.results[self.results.len() - 1]
    }

    /// The legs shown: left and right, or both together.
    pub fn sides(&self) -> &'static [Side] {
        if self.together {
            &[Side::Both]
        } else {
            &[Side::Left, Side::Right]
        }
    }

    /// `Active knee extension`, `Sit-and-reach, both legs`.
    pub fn title(&self) -> String {
        let mut name = self.test.name().to_string();
        if let Some(first) = name.get(..1) {
            name.replace_range(..1, &first.to_uppercase());
        }
        match (self.test, self.together) {
            (FlexTest::SitReach, true) => format!("{name}, both legs"),
            (FlexTest::SitReach, false) => format!("{name}, one leg at a time"),
            _ => name,
        }
    }

    /// A few words: `Knee extension`, `Leg raise`, `Sit-and-reach`.
    pub fn short_title(&self) -> &'static str {
        match (self.test, self.together) {
            (FlexTest::Aket, _) => "Knee extension",
            (FlexTest::Slr, _) => "Leg raise",
            (FlexTest::SitReach, true) => "Sit-and-reach, both",
            (FlexTest::SitReach, false) => "Sit-and-reach",
        }
    }

    /// What the numbers are, and from how much a change may be real: `degrees short of
    /// straight; lower is looser; a change from 8° may be real`.
    pub fn what(&self) -> String {
        format!(
            "{}; a change from {}{} may be real",
            self.test.measures(),
            smallest_real_change(self.test),
            self.test.unit().after()
        )
    }

    /// Who says from how much a change counts.
    pub fn source(&self) -> &'static str {
        source(self.test)
    }

    /// One leg's value in a result (`Both` for both together).
    pub fn value(result: &TestResult, side: Side) -> Option<u16> {
        match (result.legs, side) {
            (Legs::Each { left, .. }, Side::Left) => Some(left),
            (Legs::Each { right, .. }, Side::Right) => Some(right),
            (Legs::Together { both }, Side::Both) => Some(both),
            _ => None,
        }
    }

    /// A leg's change since the first test; `None` with one test only.
    pub fn since_first(&self, side: Side) -> Option<Change> {
        self.comparison
            .first
            .as_ref()
            .and_then(|(_, c)| leg_change(*c, side))
    }

    /// A leg's change since the test before the latest; `None` when that is the first too.
    pub fn since_last(&self, side: Side) -> Option<Change> {
        self.comparison
            .last
            .as_ref()
            .and_then(|(_, c)| leg_change(*c, side))
    }

    /// What the latest result says beyond the changes: the tighter leg and when to ask first,
    /// in the same words as `supple test`.
    pub fn verdicts(&self) -> Vec<String> {
        self.comparison.verdicts(self.test)
    }

    /// The tighter leg of the latest result, by at least the measuring error.
    pub fn asymmetry(&self) -> Option<Asymmetry> {
        self.comparison.asymmetry
    }
}

fn leg_change(change: LegsChange, side: Side) -> Option<Change> {
    match (change, side) {
        (LegsChange::Each { left, .. }, Side::Left) => Some(left),
        (LegsChange::Each { right, .. }, Side::Right) => Some(right),
        (LegsChange::Together(change), Side::Both) => Some(change),
        _ => None,
    }
}

/// A change in a few words, for columns under a heading that says what they mean: `8°
/// looser`, `within error (+3°)`; or with `long`, `8° looser (may be real)`, `within measuring
/// error (+3°)` as everywhere else.
pub fn change_words(change: Change, test: FlexTest, long: bool) -> String {
    let words = change.words(test);
    if long {
        words
    } else {
        words
            .replace(&format!(" {MAY_BE_REAL}"), "")
            .replace("within measuring error", "within error")
    }
}

/// The leg the latest tests found tighter, and the result that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TighterLeg {
    pub leg: Side,
    pub test: FlexTest,
    /// By how much, in the test's unit (at least its measuring error).
    pub by: u16,
    /// The day of the result.
    pub taken: Date,
}

/// Which leg is tighter, from the latest result of each test measured leg by leg, taken within
/// the last [`TIGHTER_FOR_DAYS`] days: one whose legs differ by at least the test's measuring
/// error names the tighter leg. A latest result within the error says nothing either way (the
/// legs are alike as far as that test can tell); when two tests name different legs, neither
/// counts. The most recent result that names a leg is given, as the source.
pub fn tighter_leg(tests: &[TestResult], today: Date) -> Option<TighterLeg> {
    let since = today.checked_sub(TIGHTER_FOR_DAYS.days()).unwrap_or(today);
    let mut found: Vec<(&TestResult, Asymmetry)> = series(tests)
        .into_iter()
        .filter(|s| !s.together)
        .map(|s| s.latest())
        .filter(|r| r.day() >= since && r.day() <= today)
        .filter_map(|r| Asymmetry::of(r).map(|a| (r, a)))
        .collect();
    found.sort_by_key(|(r, _)| r.taken.timestamp());
    let (result, asymmetry) = *found.last()?;
    if found.iter().any(|(_, a)| a.tighter != asymmetry.tighter) {
        return None;
    }
    Some(TighterLeg {
        leg: asymmetry.tighter,
        test: result.test,
        by: asymmetry.by,
        taken: result.day(),
    })
}

/// `8°` → `8 deg`: for text that must be plain ASCII.
pub fn ascii_units(text: &str) -> String {
    text.replace('°', " deg")
}

/// Which of `len` results to show in `room` columns, oldest first: all when they fit, else the
/// first, a gap (`None`), and the latest ones.
pub fn shown(len: usize, room: usize) -> Vec<Option<usize>> {
    if len <= room {
        return (0..len).map(Some).collect();
    }
    if room < 3 {
        return (len - room.min(len)..len).map(Some).collect();
    }
    let mut out = vec![Some(0), None];
    out.extend((len - (room - 2)..len).map(Some));
    out
}

/// A result's day over its column: `7 Sep`, with the year when it is not `latest`'s.
pub fn date_label(day: Date, latest: Date) -> String {
    if day.year() == latest.year() {
        day.strftime("%-d %b").to_string()
    } else {
        day.strftime("%b %Y").to_string()
    }
}
