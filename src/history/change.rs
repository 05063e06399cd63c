//! What counts as a change in a flexibility test: the published measuring error of each test
//! decides, so that noise is never shown as progress.
//!
//! - Active knee extension: the smallest real change is 8 degrees, and straight-leg raise 7
//!   degrees: the conservative ends of the minimal detectable differences (7-8 and 6-7 degrees)
//!   that Neto, Jacobsohn, Carita & Oliveira measured in 102 people with tight hamstrings, from
//!   two tries of each test in one session ("Reliability of the active-knee-extension and
//!   straight-leg-raise tests in subjects with flexibility deficits", J Sport Rehabil
//!   2015;24(4), doi:10.1123/jsr.2014-0220).
//! - Sit-and-reach: 4 cm, the minimal detectable change (95 %) of the forward reach in both the
//!   sit-and-reach and the one-leg back-saver sit-and-reach (3-4 cm) in López-Miñarro, Sáinz de
//!   Baranda & Rodríguez-García, "A comparison of the sit-and-reach test and the back-saver
//!   sit-and-reach test in university students", J Sports Sci Med 2009;8(1):116-122.
//!
//! Those errors come from repeated tries on one occasion, by trained examiners; from one day
//! to another at home the error is larger. So a change of at least the threshold is one that
//! "may be real", never stated flatly, and anything smaller is "within measuring error". Results
//! are compared by day: tries taken on the same day are not a change. The same threshold
//! decides whether the legs differ ("at least the measuring error", never "beyond" it: a
//! difference of exactly the threshold is not beyond it).
//!
//! No result is labelled "limited": the usual cut-off (a straight-leg raise under 80 degrees,
//! Ayala et al. 2013) grouped people by a passive raise that an examiner lifted and measured,
//! and a raise you lift and read yourself reads lower, so it would call too many legs limited.
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

/// What a change of at least the measuring error is: one that may be real (the errors were
/// measured on one day; from day to day at home they are larger).
pub const MAY_BE_REAL: &str = "(may be real)";

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

    /// In words: `8° looser (may be real)`, `9 cm tighter (may be real)`, `within measuring
    /// error (+3°)`.
    pub fn words(self, test: FlexTest) -> String {
        let unit = test.unit().after();
        match self {
            Change::Looser(by) => format!("{by}{unit} looser {MAY_BE_REAL}"),
            Change::Tighter(by) => format!("{by}{unit} tighter {MAY_BE_REAL}"),
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

    /// `the right leg tested tighter by 8°, at least the measuring error (8°): it may be
    /// real`; never "beyond" the error, which a difference of exactly the error is not.
    pub fn words(self, test: FlexTest) -> String {
        let unit = test.unit().after();
        format!(
            "the {} leg tested tighter by {}{unit}, at least the measuring error ({}{unit}): it \
             may be real",
            self.tighter.name(),
            self.by,
            smallest_real_change(test),
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

    /// In words: `left 8° looser (may be real), right within measuring error (+3°)`.
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
    /// How the legs differ now, by at least the measuring error.
    pub asymmetry: Option<Asymmetry>,
}

impl Comparison {
    /// `result` against the results in `history` taken on days before its own, of the same
    /// test and measured the same way. Results of the same day are tries, not a change, so
    /// they are not compared.
    pub fn of(result: &TestResult, history: &[TestResult]) -> Comparison {
        let mut earlier: Vec<&TestResult> = history
            .iter()
            .filter(|t| {
                t.test == result.test && t.legs.same_kind(result.legs) && t.day() < result.day()
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
        Comparison {
            first,
            last,
            asymmetry: Asymmetry::of(result),
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

    /// What the result says beyond the changes: the tighter leg, and when to ask before
    /// stretching it more.
    pub fn verdicts(&self, test: FlexTest) -> Vec<String> {
        match self.asymmetry {
            Some(asymmetry) => vec![asymmetry.words(test), ASK_IF_PAINFUL.into()],
            None => Vec::new(),
        }
    }
}

/// Said with a tighter leg: in a sore back, one leg tighter than the other can be a sensitive
/// nerve rather than a short hamstring, which stretching harder does not help.
pub const ASK_IF_PAINFUL: &str =
    "if it is your painful side, or the test brought on leg symptoms, ask a physiotherapist first";

/// Which change may be real, and who says so: `a change of 8° or more may be real, less is
/// within measuring error (Neto et al. 2015, J Sport Rehabil: tries on one day; from day to
/// day at home the error is larger)`.
pub fn threshold_line(test: FlexTest) -> String {
    format!(
        "a change of {}{} or more may be real, less is within measuring error ({}: tries on one \
         day; from day to day at home the error is larger)",
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
