//! `supple history --json` and `--csv`: everything, for other tools.

use std::io::Write;

use super::record::HistoryFile;

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

/// The history file as it is kept: `{ "version": 1, "sessions": [...] }`.
pub fn json(out: &mut impl Write, history: &HistoryFile) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, history)?;
    writeln!(out)
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
                s.routine.as_str(),
                if s.completed { "true" } else { "false" },
                elapsed.as_str(),
                e.exercise.as_str(),
                e.name.as_str(),
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
