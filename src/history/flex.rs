//! One flexibility test as it is kept: when, which test, each leg's result, and optionally
//! where the stretch was first felt and how strong it was. The file format is documented in
//! the README ("Flexibility tests").
//!
//! Values are whole degrees or centimetres: the tests' own measuring error is several of
//! either (see [`super::change`]), so a tenth would only look precise.

use std::fmt;
use std::str::FromStr;

use jiff::ZonedDateTime;
use serde::{Deserialize, Serialize};

use crate::content::did_you_mean;
use crate::safe_text::quote;

/// The tests supple knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FlexTest {
    /// Active knee extension: lying on the back, the thigh held upright, the knee straightened
    /// as far as it goes; the angle the lower leg is short of straight. Lower is looser.
    #[serde(rename = "aket")]
    Aket,
    /// Straight-leg raise: lying on the back, one leg raised straight; its angle from the
    /// floor. Higher is looser.
    #[serde(rename = "slr")]
    Slr,
    /// Sit-and-reach, in centimetres on a tape whose 23 cm mark is at the soles: both legs
    /// straight together, or one leg at a time with the other bent. Higher is looser.
    #[serde(rename = "sit-reach")]
    SitReach,
}

/// Every test, in the order they are offered.
pub const TESTS: [FlexTest; 3] = [FlexTest::Aket, FlexTest::Slr, FlexTest::SitReach];

/// What a test's numbers count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Degrees,
    Centimetres,
}

impl Unit {
    /// After a number: `28°`, `31 cm`.
    pub fn after(self) -> &'static str {
        match self {
            Unit::Degrees => "°",
            Unit::Centimetres => " cm",
        }
    }

    /// The word, for sentences and CSV: `degrees`, `cm`.
    pub fn word(self) -> &'static str {
        match self {
            Unit::Degrees => "degrees",
            Unit::Centimetres => "cm",
        }
    }
}

/// The most a leg angle can be.
pub const MAX_DEGREES: u16 = 180;
/// The most a sit-and-reach can be, on a tape with the soles at [`SOLES_AT_CM`]: 57 cm past
/// the toes is far beyond what anyone reaches (top norms are about 20 cm past them).
pub const MAX_REACH_CM: u16 = 80;
/// Where the soles of the feet are on the tape for sit-and-reach, as on the usual test box.
pub const SOLES_AT_CM: u16 = 23;
/// How strong the stretch felt: 0 (nothing) to 10 (the most imaginable).
pub const MAX_STRENGTH: u8 = 10;

impl FlexTest {
    /// The name in the file and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            FlexTest::Aket => "aket",
            FlexTest::Slr => "slr",
            FlexTest::SitReach => "sit-reach",
        }
    }

    /// The name people read.
    pub fn name(self) -> &'static str {
        match self {
            FlexTest::Aket => "active knee extension",
            FlexTest::Slr => "straight-leg raise",
            FlexTest::SitReach => "sit-and-reach",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            FlexTest::Aket | FlexTest::Slr => Unit::Degrees,
            FlexTest::SitReach => Unit::Centimetres,
        }
    }

    /// The largest value that can be true.
    pub fn max(self) -> u16 {
        match self.unit() {
            Unit::Degrees => MAX_DEGREES,
            Unit::Centimetres => MAX_REACH_CM,
        }
    }

    /// Whether a smaller number means looser hamstrings (only for the knee extension, which
    /// counts what is missing to straight).
    pub fn lower_is_looser(self) -> bool {
        self == FlexTest::Aket
    }

    /// What the number is, in a few words.
    pub fn measures(self) -> &'static str {
        match self {
            FlexTest::Aket => "degrees short of straight; lower is looser",
            FlexTest::Slr => "degrees the straight leg rises; higher is looser",
            FlexTest::SitReach => "cm on the tape, soles at 23; higher is looser",
        }
    }

    /// The known tests, for messages: `aket (active knee extension), slr (...) or sit-reach`.
    pub fn known() -> String {
        let names: Vec<String> = TESTS
            .iter()
            .map(|t| format!("{} ({})", t.id(), t.name()))
            .collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }
}

impl fmt::Display for FlexTest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for FlexTest {
    type Err = String;

    /// A test by its id; the error names the known ones (and the likely one for a typo).
    fn from_str(text: &str) -> Result<Self, String> {
        if let Some(test) = TESTS.iter().find(|t| t.id() == text.trim()) {
            return Ok(*test);
        }
        let guess = did_you_mean(text, TESTS.iter().map(|t| t.id()))
            .map_or_else(String::new, |name| format!("did you mean `{name}`? "));
        Err(format!(
            "`{}` is not a test supple knows\n  fix: {guess}use {}",
            quote(text, 40),
            FlexTest::known()
        ))
    }
}

/// Where the stretch was first felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Felt {
    /// Behind the knee.
    Knee,
    /// The middle of the back of the thigh.
    Thigh,
    /// High up, near the buttock.
    Buttock,
    /// In the calf.
    Calf,
}

/// Every place, in the order they are offered.
pub const FELT: [Felt; 4] = [Felt::Knee, Felt::Thigh, Felt::Buttock, Felt::Calf];

impl Felt {
    pub fn id(self) -> &'static str {
        match self {
            Felt::Knee => "knee",
            Felt::Thigh => "thigh",
            Felt::Buttock => "buttock",
            Felt::Calf => "calf",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Felt::Knee => "behind the knee",
            Felt::Thigh => "in the middle of the thigh",
            Felt::Buttock => "high, near the buttock",
            Felt::Calf => "in the calf",
        }
    }
}

impl FromStr for Felt {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        if let Some(felt) = FELT.iter().find(|f| f.id() == text.trim()) {
            return Ok(*felt);
        }
        let known: Vec<&str> = FELT.iter().map(|f| f.id()).collect();
        let guess = did_you_mean(text, known.iter().copied())
            .map_or_else(String::new, |name| format!("did you mean `{name}`? "));
        Err(format!(
            "`{}` is not a place supple knows\n  fix: {guess}use {}",
            quote(text, 40),
            known.join(", ")
        ))
    }
}

/// One test, both legs (or, for sit-and-reach with both legs together, one value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawResult")]
pub struct TestResult {
    /// When it was taken, with the time zone it was taken in (like a session's start).
    pub taken: ZonedDateTime,
    pub test: FlexTest,
    #[serde(flatten)]
    pub legs: Legs,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub felt: Option<Felt>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<u8>,
}

/// The result per leg, or of both legs together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Legs {
    /// Each leg on its own (left, right).
    Each { left: u16, right: u16 },
    /// Both legs together (sit-and-reach only).
    Together { both: u16 },
}

impl Legs {
    /// The value of one leg, where each was measured.
    pub fn each(self) -> Option<(u16, u16)> {
        match self {
            Legs::Each { left, right } => Some((left, right)),
            Legs::Together { .. } => None,
        }
    }

    /// Whether two results can be compared: measured the same way.
    pub fn same_kind(self, other: Legs) -> bool {
        matches!(
            (self, other),
            (Legs::Each { .. }, Legs::Each { .. }) | (Legs::Together { .. }, Legs::Together { .. })
        )
    }
}

/// The file's fields, checked before they become a [`TestResult`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResult {
    #[serde(deserialize_with = "super::record::started_from_text")]
    taken: ZonedDateTime,
    test: FlexTest,
    left: Option<u16>,
    right: Option<u16>,
    both: Option<u16>,
    felt: Option<Felt>,
    strength: Option<u8>,
}

/// Why a result cannot be kept: what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The field or flag at fault (`left`, `strength`).
    pub field: &'static str,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n  fix: {}", self.message, self.fix)
    }
}

impl TestResult {
    /// A result checked against its test's limits: each leg's value for the angle tests, and
    /// for sit-and-reach either both legs together or each leg.
    pub fn new(
        taken: ZonedDateTime,
        test: FlexTest,
        (left, right, both): (Option<u16>, Option<u16>, Option<u16>),
        felt: Option<Felt>,
        strength: Option<u8>,
    ) -> Result<TestResult, Invalid> {
        let legs = legs(test, left, right, both)?;
        let values: Vec<(&'static str, u16)> = match legs {
            Legs::Each { left, right } => vec![("left", left), ("right", right)],
            Legs::Together { both } => vec![("both", both)],
        };
        for (field, value) in values {
            check_value(test, field, value)?;
        }
        if let Some(strength) = strength.filter(|s| *s > MAX_STRENGTH) {
            return Err(Invalid {
                field: "strength",
                message: format!("a strength of {strength} is past the scale's end"),
                fix: format!(
                    "rate the stretch from 0 (nothing) to {MAX_STRENGTH} (the strongest you can \
                     imagine); a gentle pull is about 3 to 5"
                ),
            });
        }
        Ok(TestResult {
            taken,
            test,
            legs,
            felt,
            strength,
        })
    }

    /// The civil date it counts for: the date where it was taken.
    pub fn day(&self) -> jiff::civil::Date {
        self.taken.date()
    }
}

/// The legs a test needs, from what was given.
fn legs(
    test: FlexTest,
    left: Option<u16>,
    right: Option<u16>,
    both: Option<u16>,
) -> Result<Legs, Invalid> {
    let unit = test.unit().word();
    match (left, right, both) {
        (Some(left), Some(right), None) => Ok(Legs::Each { left, right }),
        (None, None, Some(both)) if test == FlexTest::SitReach => Ok(Legs::Together { both }),
        (_, _, Some(_)) if test != FlexTest::SitReach => Err(Invalid {
            field: "both",
            message: format!(
                "the {} measures each leg on its own, not both together",
                test.name()
            ),
            fix: format!("give `left` and `right` in {unit}, one for each leg"),
        }),
        (_, _, Some(_)) => Err(Invalid {
            field: "both",
            message: "a sit-and-reach is either both legs together or one leg at a time, \
                      not both ways at once"
                .into(),
            fix: "give `both` alone (legs together), or `left` and `right` (one leg at a time, \
                  the other bent)"
                .into(),
        }),
        (None, None, None) => Err(Invalid {
            field: "left",
            message: "no result for either leg".into(),
            fix: if test == FlexTest::SitReach {
                "give `both` (legs together), or `left` and `right` (one leg at a time)".into()
            } else {
                format!("give `left` and `right` in {unit}, one for each leg")
            },
        }),
        (Some(_), None, None) => Err(missing("right", "left", unit)),
        (None, Some(_), None) => Err(missing("left", "right", unit)),
    }
}

fn missing(leg: &'static str, other: &str, unit: &str) -> Invalid {
    Invalid {
        field: leg,
        message: format!("the {leg} leg is missing: there is a result for the {other} leg only"),
        fix: format!(
            "give `{leg}` too, in {unit}: a test compares both legs, so both are measured each \
             time"
        ),
    }
}

fn check_value(test: FlexTest, field: &'static str, value: u16) -> Result<(), Invalid> {
    if value <= test.max() {
        return Ok(());
    }
    Err(match test.unit() {
        Unit::Degrees => Invalid {
            field,
            message: format!("{value} degrees is not a leg angle: an angle is 0 to {MAX_DEGREES}"),
            fix: format!(
                "read the angle again: {}",
                match test {
                    FlexTest::Aket => "0 is a straight knee, 90 the lower leg hanging down",
                    _ => "0 is the leg on the floor, 90 pointing at the ceiling",
                }
            ),
        },
        Unit::Centimetres => Invalid {
            field,
            message: format!(
                "{value} cm is not a reach anyone makes: supple takes 0 to {MAX_REACH_CM} cm"
            ),
            fix: format!(
                "measure on a tape with your soles at its {SOLES_AT_CM} cm mark and write the \
                 mark your fingertips reach"
            ),
        },
    })
}

/// Checked as it is read: a result supple would not have written is an error at its place.
impl TryFrom<RawResult> for TestResult {
    type Error = String;

    fn try_from(raw: RawResult) -> Result<Self, String> {
        TestResult::new(
            raw.taken,
            raw.test,
            (raw.left, raw.right, raw.both),
            raw.felt,
            raw.strength,
        )
        .map_err(|e| format!("`{}`: {e}", e.field))
    }
}

/// A leg's value as typed on the command line: a whole number, or a clear word on why not.
pub fn parse_value(text: &str) -> Result<u16, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("no number was given\n  fix: write a whole number, for example 30".into());
    }
    if let Some(rest) = trimmed.strip_prefix('-')
        && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !rest.is_empty()
    {
        return Err(format!(
            "{} is below 0: no angle or reach is negative\n  fix: for the angle tests 0 is \
             straight (aket) or flat on the floor (slr); for sit-and-reach put your soles at the \
             tape's {SOLES_AT_CM} cm mark, so that a reach short of the toes is still above 0",
            quote(trimmed, 20)
        ));
    }
    if trimmed.chars().all(|c| c.is_ascii_digit() || c == '.') && trimmed.contains('.') {
        return Err(format!(
            "{} is not a whole number\n  fix: round it to the nearest whole one: the test's \
             measuring error is several degrees or centimetres",
            quote(trimmed, 20)
        ));
    }
    if !trimmed.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "`{}` is not a number\n  fix: write a whole number of degrees or centimetres, \
             digits only, for example 30",
            quote(trimmed, 40)
        ));
    }
    trimmed.parse::<u16>().map_err(|_| {
        format!(
            "{} is far too large\n  fix: a leg angle is 0 to {MAX_DEGREES}, a reach 0 to \
             {MAX_REACH_CM} cm",
            quote(trimmed, 20)
        )
    })
}

/// A strength as typed: a whole number from 0 to 10.
pub fn parse_strength(text: &str) -> Result<u8, String> {
    let fix = format!(
        "rate the stretch from 0 (nothing) to {MAX_STRENGTH} (the strongest you can imagine), \
         a whole number"
    );
    let trimmed = text.trim();
    match trimmed.parse::<u8>() {
        Ok(n) if n <= MAX_STRENGTH => Ok(n),
        Ok(n) => Err(format!("{n} is past the scale's end\n  fix: {fix}")),
        Err(_) => Err(format!(
            "`{}` is not a strength from 0 to {MAX_STRENGTH}\n  fix: {fix}",
            quote(trimmed, 40)
        )),
    }
}
