//! `supple test`: a flexibility test of each leg. With `--record`, a result measured elsewhere
//! is saved and compared; without, [`guide`] leads the test on screen. Also the plain
//! "Flexibility tests" block of `supple history --plain`.

pub mod guide;

use std::path::Path;

use crate::history::change::{Comparison, threshold_line, values};
use crate::history::flex::{Felt, FlexTest, Invalid, Legs, TestResult};
use crate::history::{HistoryError, Saved, Store};

/// What `supple test --record` was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub test: FlexTest,
    pub left: Option<u16>,
    pub right: Option<u16>,
    pub both: Option<u16>,
    pub felt: Option<Felt>,
    pub strength: Option<u8>,
}

/// Why a recorded result was not saved.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The values do not make a result: names the flag, what is wrong, and the fix.
    #[error("--{}: {}\n  fix: {}", .0.field, .0.message, .0.fix)]
    Invalid(Invalid),
    #[error("no home folder to keep history in, so the result was not saved")]
    NoHome,
    #[error("the result was not saved to your history: {0}")]
    Store(#[from] HistoryError),
}

/// Checks and saves a result taken at `taken`; returns what to print: what was saved, where,
/// and how it compares with the first and the last test of its kind.
pub fn record(
    store: Option<&Store>,
    given: Recorded,
    taken: jiff::ZonedDateTime,
) -> Result<String, RecordError> {
    let result = TestResult::new(
        taken,
        given.test,
        (given.left, given.right, given.both),
        given.felt,
        given.strength,
    )
    .map_err(RecordError::Invalid)?;
    let store = store.ok_or(RecordError::NoHome)?;
    let saved = store.add_test(&result)?;
    // Compared with what the file holds now (another supple may have saved meanwhile).
    let kept = store.load().map(|h| h.tests).unwrap_or_default();
    Ok(saved_text(&result, &saved, &kept))
}

/// What was saved, and where, and the comparison.
pub fn saved_text(result: &TestResult, saved: &Saved, kept: &[TestResult]) -> String {
    let mut text = format!(
        "supple: saved your {}: {}{}\n",
        result.test.name(),
        long_values(result),
        details(result)
    );
    text.push_str(&format!(
        "  in your history ({} test{}): {}",
        saved.tests,
        if saved.tests == 1 { "" } else { "s" },
        saved.path.display()
    ));
    if let Some(link) = &saved.link {
        text.push_str(&format!(" (through the link {})", link.display()));
    }
    text.push('\n');
    if let Some(aside) = &saved.set_aside {
        text.push_str(&format!(
            "supple: the old history could not be read, so it was kept as {} and a new one \
             started with this result.\n  why: {}\n",
            aside.to.display(),
            aside.reason.replace('\n', "\n  ")
        ));
    }
    for line in Comparison::of(result, kept).lines(result.test) {
        text.push_str(&format!("  {line}\n"));
    }
    text.push_str(&format!("  {}\n", threshold_line(result.test)));
    text
}

/// `left 28°, right 35° (degrees short of straight; lower is looser)`.
pub fn long_values(result: &TestResult) -> String {
    let unit = result.test.unit().after();
    let legs = match result.legs {
        Legs::Each { left, right } => format!("left {left}{unit}, right {right}{unit}"),
        Legs::Together { both } => format!("both legs together {both}{unit}"),
    };
    format!("{legs} ({})", result.test.measures())
}

/// `, felt behind the knee, strength 4 of 10`, or nothing.
fn details(result: &TestResult) -> String {
    let mut text = String::new();
    if let Some(felt) = result.felt {
        text.push_str(&format!(", felt {}", felt.words()));
    }
    if let Some(strength) = result.strength {
        text.push_str(&format!(", strength {strength} of 10"));
    }
    text
}

/// The "Flexibility tests" block of `supple history --plain`: for each test taken, the latest
/// result and how it compares with the first and the last before it.
pub fn tests_text(tests: &[TestResult]) -> String {
    if tests.is_empty() {
        return "  Flexibility tests: none yet. After a session, `supple test` guides one for \
                each leg.\n"
            .into();
    }
    let mut text = format!(
        "  Flexibility tests ({} result{}):\n",
        tests.len(),
        if tests.len() == 1 { "" } else { "s" }
    );
    for test in crate::history::flex::TESTS {
        for together in [false, true] {
            let latest = tests
                .iter()
                .filter(|t| t.test == test && matches!(t.legs, Legs::Together { .. }) == together)
                .max_by_key(|t| t.taken.timestamp());
            let Some(latest) = latest else {
                continue;
            };
            text.push_str(&format!(
                "    {}{}, {}: {}\n",
                test.name(),
                if together { ", both legs" } else { "" },
                latest.day(),
                values(latest)
            ));
            for line in Comparison::of(latest, tests).lines(test) {
                text.push_str(&format!("      {line}\n"));
            }
        }
    }
    for test in crate::history::flex::TESTS {
        if tests.iter().any(|t| t.test == test) {
            text.push_str(&format!("    {}: {}\n", test.id(), threshold_line(test)));
        }
    }
    text
}

/// Where a result went, for a line after the guided test.
pub fn saved_where(saved: &Saved) -> String {
    format!(
        "saved to your history ({} test{}): {}",
        saved.tests,
        if saved.tests == 1 { "" } else { "s" },
        display(&saved.path)
    )
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// The flags that record `result` by hand.
pub fn record_flags(result: &TestResult) -> String {
    let mut flags = match result.legs {
        Legs::Each { left, right } => format!("--left {left} --right {right}"),
        Legs::Together { both } => format!("--both {both}"),
    };
    if let Some(felt) = result.felt {
        flags.push_str(&format!(" --felt {}", felt.id()));
    }
    if let Some(strength) = result.strength {
        flags.push_str(&format!(" --strength {strength}"));
    }
    flags
}
