//! What is printed and kept after a session: the record (each leg, the week against the dose,
//! each exercise), saved to history or kept pending, with a word on what happened.

use crate::session::{Engine, Plan, Side, Status, Tally, clock_text, whole_seconds};

use super::dose::{self, WeekSoFar};
use super::{self as history, LastTime, LegSeconds, SessionRecord, Store};

/// Per-leg summary lines, shared by the plan printout and the end of a session.
pub fn tally_lines(plan: &Plan, tally: &Tally) -> Vec<String> {
    tally
        .rows
        .iter()
        .map(|row| {
            let name = plan.exercise_name(row.exercise);
            let side = match row.side {
                Side::None => String::new(),
                side => format!(", {}", side.label()),
            };
            format!(
                "{name}{side}: {}/{} done, {} skipped, {} s",
                row.done,
                row.planned,
                row.skipped,
                whole_seconds(row.held)
            )
        })
        .collect()
}

/// The plain-text record printed after a session, so it stays in the terminal's scrollback:
/// the same facts as the summary screen, with this week against the dose where
/// `week_before` (this week before this session) is known.
pub fn session_report(
    engine: &Engine,
    now: std::time::Instant,
    last_time: Option<&LastTime>,
    week_before: Option<WeekSoFar>,
) -> String {
    let plan = engine.plan();
    let tally = engine.tally();
    let held = LegSeconds::of(&tally);
    let (left, right) = tally.hold_reps_per_leg();
    let early = !matches!(engine.status(), Status::Finished { early: false });
    let mut text = format!(
        "supple: {}: {} ({})\n",
        plan.title,
        tally.verdict(early).title().to_lowercase(),
        clock_text(engine.session_elapsed(now))
    );
    text.push_str(&format!(
        "  left leg:  {} s held, {}/{} holds\n  right leg: {} s held, {}/{} holds\n",
        held.left, left.done, left.planned, held.right, right.done, right.planned
    ));
    if let Some(last) = last_time {
        text.push_str(&format!("  last time, {}\n", last.compare(held)));
    }
    let worked = tally
        .rows
        .iter()
        .any(|r| r.done > 0 || r.skipped > 0 || whole_seconds(r.held) > 0);
    if let Some(mut week) = week_before.filter(|_| worked) {
        // As the summary says it: this session is in the week once it counts.
        if tally.counts() {
            week = week.with(held);
        }
        text.push_str(&format!("  {}\n", dose::week_sentence(week.seconds())));
    }
    // Only what was reached: an early quit would otherwise list the whole plan.
    let reached = Tally {
        rows: tally
            .rows
            .iter()
            .filter(|r| r.done + r.skipped > 0 || !r.held.is_zero())
            .cloned()
            .collect(),
    };
    for line in tally_lines(plan, &reached) {
        text.push_str(&format!("  {line}\n"));
    }
    let not_reached = tally.rows.len() - reached.rows.len();
    if not_reached > 0 {
        text.push_str(&format!("  ({not_reached} more not reached)\n"));
    }
    text
}

/// How a session is kept once it has ended: the closure adds `engine`'s session, as it is at
/// the instant given, to history, then returns the report and what saving did, to print once
/// the terminal is given back. The same one serves the end of the loop and the watchdog
/// ([`crate::tui::LastWords`]), so both write the same file, under the same lock, with the
/// same words.
pub fn keep_session(
    store: Option<Store>,
    started: jiff::ZonedDateTime,
    last_time: Option<LastTime>,
    week_before: Option<WeekSoFar>,
) -> impl Fn(&Engine, std::time::Instant) -> String + Send + Sync + 'static {
    move |engine, now| {
        // Saved first: when the terminal has gone away, printing fails but the record is kept.
        let record = SessionRecord::from_engine(engine, started.clone(), now);
        let saved = save_session(store.as_ref(), &record);
        format!(
            "{}{saved}\n",
            session_report(engine, now, last_time.as_ref(), week_before)
        )
    }
}

/// Adds the session to history (or where that cannot be done, keeps it pending for the next
/// save); says what happened, in a line for after the report.
pub fn save_session(store: Option<&Store>, record: &SessionRecord) -> String {
    if !record.has_work() {
        return "  nothing was done, so nothing was added to your history".into();
    }
    let Some(store) = store else {
        return "supple: this session was not saved: no home folder to keep history in".into();
    };
    match store.keep_session(record) {
        Ok(history::Kept::Saved(saved)) => {
            let mut text = format!(
                "  saved to your history ({} session{}): {}",
                saved.sessions,
                if saved.sessions == 1 { "" } else { "s" },
                saved.path.display()
            );
            if let Some(link) = &saved.link {
                text.push_str(&format!(" (through the link {})", link.display()));
            }
            if !record.counts() {
                text.push_str(&format!(
                    "\n  (too short to count toward your streak: finish a step or work for {} s)",
                    history::record::COUNTS_AFTER_SECONDS
                ));
            }
            text.push_str(&saved.notes("this session"));
            text
        }
        Ok(history::Kept::Pending { why, file }) => format!(
            "supple: this session could not be saved to your history: {why}\n  it is kept in \
             {} and is added to your history at the next session or test that can be saved{}",
            file.display(),
            next_time(&why)
        ),
        Err(lost) => format!(
            "supple: this session was not saved to your history: {}\n  nor could it be kept \
             for later ({}): the record above is all there is of it{}",
            lost.why,
            lost.pending,
            next_time(&lost.why)
        ),
    }
}

/// What to fix before the next session, when the system said why.
fn next_time(why: &history::HistoryError) -> &'static str {
    match why {
        history::HistoryError::Io { .. } => " (free some space or fix the folder's permissions)",
        _ => "",
    }
}
