//! What is printed and kept after a session: the record (each leg, the week against the dose,
//! each exercise), saved to history or kept pending, with a word on what happened.

use crate::session::{Engine, Plan, Side, Status, Tally, clock_text, whole_seconds};

use super::dose::{self, WeekSoFar};
use super::{self as history, LastTime, LegSeconds, SessionRecord, Store, Streaks};

/// Differences in held time below this are not worth mentioning.
const BALANCE_TOLERANCE_SECS: u64 = 5;

/// Whether the legs got about the same, or which got more, in a sentence.
pub fn balance_text(left_secs: u64, right_secs: u64) -> String {
    let diff = left_secs.abs_diff(right_secs);
    if diff <= BALANCE_TOLERANCE_SECS {
        "Both legs got about the same.".into()
    } else if left_secs < right_secs {
        format!("The left leg got {diff} s less than the right.")
    } else {
        format!("The right leg got {diff} s less than the left.")
    }
}

/// What a session's end says of it, on the summary screen and in the record printed after.
pub struct Facts<'a> {
    pub tally: &'a Tally,
    pub held: LegSeconds,
    /// The last session of the same routine, to compare with.
    pub last_time: Option<&'a LastTime>,
    pub streaks: Option<Streaks>,
    /// This week before this session, against the dose.
    pub week_before: Option<WeekSoFar>,
    pub elapsed: std::time::Duration,
    pub paused: std::time::Duration,
}

/// The sentences of a session's end: the balance, last time, the streak, this week against
/// the dose, and the time. A session with nothing done says so and compares nothing (it is
/// not kept); one too short to count is kept but compared with nothing either.
pub fn sentences(facts: &Facts<'_>) -> Vec<String> {
    let Facts {
        tally,
        held,
        last_time,
        streaks,
        week_before,
        elapsed,
        paused,
    } = facts;
    let worked = tally
        .rows
        .iter()
        .any(|r| r.done > 0 || r.skipped > 0 || whole_seconds(r.held) > 0);
    if !worked {
        return vec![
            "Nothing was done, so nothing is kept.".into(),
            format!("Time: {}.", clock_text(*elapsed)),
        ];
    }
    let counts = tally.counts();
    // Two legs that both held next to nothing are not "about the same" in any useful way.
    let mut lines: Vec<String> = (held.left.max(held.right) > BALANCE_TOLERANCE_SECS)
        .then(|| balance_text(held.left, held.right))
        .into_iter()
        .collect();
    if let Some(last) = last_time.filter(|_| counts) {
        lines.push(format!("Last time, {}", last.compare(*held)));
    }
    match (streaks, counts) {
        (Some(s), true) => lines.push(match s.if_counted {
            1 => "Streak: 1 day. Come back tomorrow to make it two.".to_string(),
            n => format!("Streak: {n} days (a rest day between sessions keeps it)."),
        }),
        (Some(_), false) => lines.push(format!(
            "Kept, but too short to count for a streak: finish a step or work for {} s.",
            crate::session::tally::COUNTS_AFTER_SECONDS
        )),
        (None, false) => lines.push(format!(
            "Too short to count toward a streak: finish a step or work for {} s.",
            crate::session::tally::COUNTS_AFTER_SECONDS
        )),
        (None, true) => {}
    }
    if let Some(mut week) = *week_before {
        if counts {
            week = week.with(*held);
        }
        lines.push(dose::week_sentence(week.seconds()));
    }
    let paused = if paused.as_secs() > 0 {
        format!(", plus {} paused", clock_text(*paused))
    } else {
        String::new()
    };
    lines.push(format!("Time: {}{paused}.", clock_text(*elapsed)));
    lines
}

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
/// the same facts as the summary screen (each leg, then [`sentences`]: the balance, last
/// time, the streak, this week against the dose, the time), then each exercise reached.
pub fn session_report(
    engine: &Engine,
    now: std::time::Instant,
    last_time: Option<&LastTime>,
    (streaks, week_before): (Option<Streaks>, Option<WeekSoFar>),
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
    let facts = Facts {
        tally: &tally,
        held,
        last_time,
        streaks,
        week_before,
        elapsed: engine.session_elapsed(now),
        paused: engine.paused_total(now),
    };
    for line in sentences(&facts) {
        text.push_str(&format!("  {line}\n"));
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
    (streaks, week_before): (Option<Streaks>, Option<WeekSoFar>),
) -> impl Fn(&Engine, std::time::Instant) -> String + Send + Sync + 'static {
    move |engine, now| {
        // Saved first: when the terminal has gone away, printing fails but the record is kept.
        let record = SessionRecord::from_engine(engine, started.clone(), now);
        let saved = save_session(store.as_ref(), &record);
        format!(
            "{}{saved}\n",
            session_report(engine, now, last_time.as_ref(), (streaks, week_before))
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
