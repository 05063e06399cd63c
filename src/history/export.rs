//! `supple history --json` and `--csv`: everything, for other tools.

use std::io::Write;

use super::change::smallest_real_change;
use super::flex::Legs;
use super::record::HistoryFile;
use crate::safe_text::quote;

/// The CSV columns, one row per exercise and side of each session (documented in the README).
pub const CSV_COLUMNS: [&str; 13] = [
    "started",
    "date",
    "routine",
    "completed",
    "elapsed_seconds",
    "exercise",
    "name",
    "kind",
    "side",
    "planned",
    "done",
    "skipped",
    "held_seconds",
];

/// The CSV columns of `--csv --tests`, one row per test result (documented in the README).
pub const TEST_CSV_COLUMNS: [&str; 10] = [
    "taken",
    "date",
    "test",
    "unit",
    "left",
    "right",
    "both",
    "felt",
    "strength",
    "threshold",
];

/// The history file as it is kept: `{ "version": 2, "sessions": [...], "tests": [...] }`. A hand-edited file
/// may hold characters a terminal acts on: inside its strings they are written as JSON's own
/// `\uXXXX` escapes, which read back as the same text.
pub fn json(out: &mut impl Write, history: &HistoryFile) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(history)?;
    let mut safe = crate::safe_text::json(&text).into_owned();
    safe.push('\n');
    out.write_all(safe.as_bytes())
}

/// A text field as CSV shows it: what a terminal would act on written out visibly.
fn field(text: &str) -> String {
    quote(text, usize::MAX)
}

pub fn csv(out: &mut impl Write, history: &HistoryFile) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    for s in &history.sessions {
        let started = s.started.timestamp().to_string();
        let date = s.day().to_string();
        let elapsed = s.elapsed_seconds.to_string();
        for e in &s.exercises {
            writer.write_record([
                started.as_str(),
                date.as_str(),
                &field(&s.routine),
                if s.completed { "true" } else { "false" },
                elapsed.as_str(),
                &field(&e.exercise),
                &field(&e.name),
                e.kind.name(),
                e.side.name(),
                &e.planned.to_string(),
                &e.done.to_string(),
                &e.skipped.to_string(),
                &e.held_seconds.to_string(),
            ])?;
        }
    }
    writer.flush()
}

/// `--csv --tests`: one row per flexibility test result, in the file's order. A value that was
/// not measured (`both` for a per-leg test, `left` and `right` for both legs together, `felt`
/// and `strength` when not given) is empty.
pub fn tests_csv(out: &mut impl Write, history: &HistoryFile) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(TEST_CSV_COLUMNS)?;
    let number = |n: Option<u16>| n.map_or_else(String::new, |n| n.to_string());
    for t in &history.tests {
        let (left, right, both) = match t.legs {
            Legs::Each { left, right } => (Some(left), Some(right), None),
            Legs::Together { both } => (None, None, Some(both)),
        };
        writer.write_record([
            t.taken.timestamp().to_string().as_str(),
            &t.day().to_string(),
            t.test.id(),
            t.test.unit().word(),
            &number(left),
            &number(right),
            &number(both),
            t.felt.map_or("", |f| f.id()),
            &t.strength.map_or_else(String::new, |s| s.to_string()),
            &smallest_real_change(t.test).to_string(),
        ])?;
    }
    writer.flush()
}
