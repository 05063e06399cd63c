//! What counts as a change in a flexibility test: the published measuring error of each test
//! decides, so that noise is never shown as progress.
//!
//! - Active knee extension: the smallest real change is 8 degrees, and straight-leg raise 7
//!   degrees: the conservative ends of the minimal detectable differences (7-8 and 6-7 degrees)
//!   that Neto, Jacobsohn, Carita & Oliveira measured in 102 people with tight hamstrings
//!   ("Reliability of the active-knee-extension and straight-leg-raise tests in subjects with
//!   flexibility deficits", J Sport Rehabil 2015;24(4), doi:10.1123/jsr.2014-0220).
//! - Sit-and-reach: 4 cm, the minimal detectable change (95 %) of the forward reach in both the
//!   sit-and-reach and the one-leg back-saver sit-and-reach (3-4 cm) in López-Miñarro, Sáinz de
//!   Baranda & Rodríguez-García, "A comparison of the sit-and-reach test and the back-saver
//!   sit-and-reach test in university students", J Sports Sci Med 2009;8(1):116-122.
//! - A straight-leg raise under 80 degrees is commonly taken as limited hamstring flexibility
//!   (Ayala, Sainz de Baranda, De Ste Croix & Santonja, Phys Ther Sport 2013;14(2):98-104).
//!
//! Those errors were measured by trained examiners; at home they can only be larger, so a
//! change at least this large is the least that may be real, never a guarantee. A change of
//! exactly the threshold counts as real (the threshold is the smallest real change); anything
//! smaller is "within measuring error". The same threshold decides whether the legs differ.
//!
//! Pure functions over results: no screen, no file.

use super::flex::{FlexTest, Legs, TestResult};
use crate::session::Side;

/// The smallest change in a test's value that is more than measuring error.
pub fn smallest_real_change(test: FlexTest) -> u16 {
    match test {
        FlexTest::Aket => 8,
        FlexTest::Slr => 7,
        FlexTest::SitReach => 4,
    }
}

/// Where each threshold comes from, in a few words (for the screen and `--help`).
pub fn source(test: FlexTest) -> &'static str {
    match test {
        FlexTest::Aket | FlexTest::Slr => "Neto et al. 2015, J Sport Rehabil",
        FlexTest::SitReach => "Lopez-Minarro et al. 2009, J Sports Sci Med",
    }
}

/// A straight-leg raise below this many degrees is commonly taken as limited (Ayala et al.
/// 2013).
pub const SLR_LIMITED_BELOW: u16 = 80;

/// Whether a straight-leg raise of `degrees` is commonly taken as limited.
pub fn slr_limited(degrees: u16) -> bool {
    degrees < SLR_LIMITED_BELOW
}

/// A change between two results of one leg (or of both legs together).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Looser by at least the smallest real change.
    Looser(u16),
    /// Tighter by at least the smallest real change.
    Tighter(u16),
    /// Smaller than the measuring error: the value moved by this much (signed, in the test's
    /// own numbers: after minus before), which is not a change.
    WithinError(i32),
}

impl Change {
    /// From `before` to `after` in `test`.
    pub fn between(test: FlexTest, before: u16, after: u16) -> Change {
        let moved = i32::from(after) - i32::from(before);
        let by = moved.unsigned_abs();
        if by < u32::from(smallest_real_change(test)) {
            return Change::WithinError(moved);
        }
        let by = u16::try_from(by).unwrap_or(u16::MAX);
        // Lower is looser for the knee extension, higher for the others.
        if (moved < 0) == test.lower_is_looser() {
            Change::Looser(by)
        } else {
            Change::Tighter(by)
        }
    }

    /// Whether this is more than measuring error.
    pub fn is_real(self) -> bool {
        !matches!(self, Change::WithinError(_))
    }

    /// In words: `8° looser`, `9 cm tighter`, `within measuring error (+3°)`.
    pub fn words(self, test: FlexTest) -> String {
        let unit = test.unit().after();
        match self {
            Change::Looser(by) => format!("{by}{unit} looser"),
            Change::Tighter(by) => format!("{by}{unit} tighter"),
            Change::WithinError(0) => "the same".into(),
            Change::WithinError(moved) => format!("within measuring error ({moved:+}{unit})"),
        }
    }
}

/// How the two legs of one result differ, where they differ by more than measuring error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asymmetry {
    /// The tighter leg.
    pub tighter: Side,
    /// By how much, in the test's unit.
    pub by: u16,
}

impl Asymmetry {
    /// The legs of `result`, when one is tighter by at least the smallest real change; `None`
    /// when they are within measuring error of each other, or measured together.
    pub fn of(result: &TestResult) -> Option<Asymmetry> {
        let (left, right) = result.legs.each()?;
        let by = left.abs_diff(right);
        if by < smallest_real_change(result.test) || by == 0 {
            return None;
        }
        let left_tighter = (left > right) == result.test.lower_is_looser();
        Some(Asymmetry {
            tighter: if left_tighter {
                Side::Left
            } else {
                Side::Right
            },
            by,
        })
    }

    pub fn words(self, test: FlexTest) -> String {
        format!(
            "the {} leg is tighter by {}{} (beyond the measuring error of {}{})",
            self.tighter.name(),
            self.by,
            test.unit().after(),
            smallest_real_change(test),
            test.unit().after()
        )
    }
}

/// The change of each leg between two results measured the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegsChange {
    Each { left: Change, right: Change },
    Together(Change),
}

impl LegsChange {
    /// From `before` to `after`; `None` when they were not measured the same way (one leg at a
    /// time against both together).
    pub fn between(test: FlexTest, before: Legs, after: Legs) -> Option<LegsChange> {
        match (before, after) {
            (
                Legs::Each { left, right },
                Legs::Each {
                    left: left_now,
                    right: right_now,
                },
            ) => Some(LegsChange::Each {
                left: Change::between(test, left, left_now),
                right: Change::between(test, right, right_now),
            }),
            (Legs::Together { both }, Legs::Together { both: now }) => {
                Some(LegsChange::Together(Change::between(test, both, now)))
            }
            _ => None,
        }
    }

    /// In words: `left 8° looser, right within measuring error (+3°)`.
    pub fn words(self, test: FlexTest) -> String {
        match self {
            LegsChange::Each { left, right } => {
                format!("left {}, right {}", left.words(test), right.words(test))
            }
            LegsChange::Together(change) => change.words(test),
        }
    }
}

/// A result set against the earlier ones of the same test, measured the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The first earlier result, and the change since.
    pub first: Option<(TestResult, LegsChange)>,
    /// The last earlier result, and the change since (`None` when it is the first too).
    pub last: Option<(TestResult, LegsChange)>,
    /// How the legs differ now, beyond the measuring error.
    pub asymmetry: Option<Asymmetry>,
    /// Straight-leg raise only: the legs under 80 degrees.
    pub limited: Vec<Side>,
}

impl Comparison {
    /// `result` against the results in `history` taken before it (by the instant), of the same
    /// test and measured the same way.
    pub fn of(result: &TestResult, history: &[TestResult]) -> Comparison {
        let mut earlier: Vec<&TestResult> = history
            .iter()
            .filter(|t| {
                t.test == result.test
                    && t.legs.same_kind(result.legs)
                    && t.taken.timestamp() < result.taken.timestamp()
            })
            .collect();
        earlier.sort_by_key(|t| t.taken.timestamp());
        let against = |t: &&TestResult| {
            LegsChange::between(result.test, t.legs, result.legs).map(|c| ((*t).clone(), c))
        };
        let first = earlier.first().and_then(against);
        let last = if earlier.len() > 1 {
            earlier.last().and_then(against)
        } else {
            None
        };
        let limited = match (result.test, result.legs) {
            (FlexTest::Slr, Legs::Each { left, right }) => {
                [(Side::Left, left), (Side::Right, right)]
                    .into_iter()
                    .filter(|(_, v)| slr_limited(*v))
                    .map(|(side, _)| side)
                    .collect()
            }
            _ => Vec::new(),
        };
        Comparison {
            first,
            last,
            asymmetry: Asymmetry::of(result),
            limited,
        }
    }

    /// The comparison as lines of text, for the command line and the screen.
    pub fn lines(&self, test: FlexTest) -> Vec<String> {
        let mut lines = Vec::new();
        match &self.first {
            None => lines.push(format!(
                "the first {} test: the next ones are compared with it",
                test.name()
            )),
            Some((first, change)) => lines.push(format!(
                "since the first ({}, {}): {}",
                first.day(),
                values(first),
                change.words(test)
            )),
        }
        if let Some((last, change)) = &self.last {
            lines.push(format!(
                "since the last ({}, {}): {}",
                last.day(),
                values(last),
                change.words(test)
            ));
        }
        lines.extend(self.verdicts(test));
        lines
    }

    /// What the result says beyond the changes: the tighter leg, and the legs under 80° in a
    /// straight-leg raise.
    pub fn verdicts(&self, test: FlexTest) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(asymmetry) = self.asymmetry {
            lines.push(asymmetry.words(test));
        }
        if !self.limited.is_empty() {
            let legs: Vec<&str> = self.limited.iter().map(|s| s.name()).collect();
            lines.push(format!(
                "{} under {SLR_LIMITED_BELOW}°: commonly taken as limited (Ayala et al. 2013)",
                if legs.len() == 2 {
                    "both legs".to_string()
                } else {
                    format!("the {} leg", legs.join(""))
                }
            ));
        }
        lines
    }
}

/// Which change counts, and who says so: `a change counts from 8° (Neto et al. 2015, J Sport
/// Rehabil); less is within measuring error`.
pub fn threshold_line(test: FlexTest) -> String {
    format!(
        "a change counts from {}{} ({}); less is within measuring error",
        smallest_real_change(test),
        test.unit().after(),
        source(test)
    )
}

/// A result's values in short: `L 28° R 35°`, or `31 cm` for both legs together.
pub fn values(result: &TestResult) -> String {
    let unit = result.test.unit().after();
    match result.legs {
        Legs::Each { left, right } => format!("L {left}{unit} R {right}{unit}"),
        Legs::Together { both } => format!("both {both}{unit}"),
    }
}
