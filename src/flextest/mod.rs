//! `supple test`: a flexibility test of each leg. With `--record`, a result measured elsewhere
//! is saved and compared; without, [`guide`] leads the test on screen. Also the plain
//! "Flexibility tests" block of `supple history --plain`.

pub mod guide;

use std::path::Path;

use crate::history::change::{Comparison, threshold_line};
use crate::history::flex::{Felt, FlexTest, Invalid, Legs, TestResult};
use crate::history::progress::{Series, ascii_units, change_words, date_label, series, shown};
use crate::history::{Kept, Lost, Saved, Store};

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
    #[error(
        "the result was not saved to your history: {}\n  nor could it be kept for later \
         ({}); record it again when the history can be written",
        .0.why,
        .0.pending
    )]
    Store(Lost),
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
    match store.keep_test(&result).map_err(RecordError::Store)? {
        Kept::Saved(saved) => {
            // Compared with what the file holds now (another supple may have saved meanwhile).
            let kept = store.load().map(|h| h.tests).unwrap_or_default();
            Ok(saved_text(&result, &saved, &kept))
        }
        Kept::Pending { why, file } => Ok(pending_text(&result, &why, &file)),
    }
}

/// What is said of a result kept pending: why the history could not take it, and where it
/// waits.
pub fn pending_text(
    result: &TestResult,
    why: &crate::history::HistoryError,
    file: &Path,
) -> String {
    format!(
        "supple: your {} ({}) could not be saved to your history: {why}\n  it is kept in {} \
         and is added to your history at the next session or test that can be saved\n",
        result.test.name(),
        long_values(result),
        file.display()
    )
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
    let notes = saved.notes("this result");
    if !notes.is_empty() {
        text.push_str(&notes);
    }
    text.push('\n');
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

/// Result columns the plain block shows at most per test (the first, a gap, the latest).
const PLAIN_COLUMNS: usize = 8;

/// The "Flexibility tests" block of `supple history --plain`, in ASCII: the same as the full
/// screen's section. For each test taken (and way of measuring), each leg's results over time
/// under their dates, the change since the first and the last day tested, then the tighter
/// leg; then from how much a change may be real, and who says so.
pub fn tests_text(tests: &[TestResult]) -> String {
    if tests.is_empty() {
        return format!("\n  Flexibility tests: none yet. {}\n", HOW_TO_TAKE);
    }
    let all = series(tests);
    let mut text = format!(
        "\n  Flexibility tests, per leg ({} result{}; a change within the measuring error is no \
         change):\n",
        tests.len(),
        if tests.len() == 1 { "" } else { "s" }
    );
    for s in &all {
        text.push_str(&format!("    {} ({}):\n", s.title(), s.test.measures()));
        let latest = s.latest().day();
        let columns = shown(s.results.len(), PLAIN_COLUMNS);
        let cells: Vec<String> = columns
            .iter()
            .map(|c| match c {
                Some(i) => date_label(s.results[*i].day(), latest),
                None => "...".into(),
            })
            .collect();
        let width = cells.iter().map(String::len).max().unwrap_or(0).max(3) + 2;
        let first_words = |side| {
            s.since_first(side)
                .map(|c| ascii_units(&change_words(c, s.test, true)))
                .unwrap_or_default()
        };
        let first_width = s
            .sides()
            .iter()
            .map(|side| first_words(*side).len())
            .max()
            .unwrap_or(0)
            .max("since the first".len());
        let mut header = format!("      {:<8}", "");
        for cell in &cells {
            header.push_str(&format!("{cell:>width$}"));
        }
        if s.comparison.first.is_some() {
            header.push_str(&format!("   {:<first_width$}", "since the first"));
        }
        if s.comparison.last.is_some() {
            header.push_str("  since the last");
        }
        text.push_str(header.trim_end());
        text.push('\n');
        for side in s.sides() {
            let mut row = format!("      {:<8}", side.name());
            for c in &columns {
                let value = match c {
                    Some(i) => Series::value(s.results[*i], *side)
                        .map_or_else(String::new, |v| v.to_string()),
                    None => "...".into(),
                };
                row.push_str(&format!("{value:>width$}"));
            }
            if s.comparison.first.is_some() {
                row.push_str(&format!("   {:<first_width$}", first_words(*side)));
            }
            if let Some(change) = s.since_last(*side) {
                row.push_str(&format!(
                    "  {}",
                    ascii_units(&change_words(change, s.test, true))
                ));
            }
            text.push_str(row.trim_end());
            text.push('\n');
        }
        if s.comparison.first.is_none() {
            text.push_str(&format!(
                "      the first {} test: the next ones are compared with it\n",
                s.test.name()
            ));
        }
        for line in s.verdicts() {
            text.push_str(&format!("      {line}\n"));
        }
    }
    for test in crate::history::flex::TESTS {
        if all.iter().any(|s| s.test == test) {
            text.push_str(&format!("    {}: {}\n", test.id(), threshold_line(test)));
        }
    }
    ascii_units(&text)
}

/// How to take a test, in a sentence (the history's empty flexibility section).
pub const HOW_TO_TAKE: &str =
    "Take one warm, after a session: `supple test` guides it, for each leg.";

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
