//! The commands that print and exit: plan, list, check; and what is printed and kept after a
//! session.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::config::Tuning;
use crate::content::{self, ContentError, Kind, Library, LoadedRoutine, Need, Origin, Routine};
use crate::history::dose::{self, Week, WeekSoFar};
use crate::history::suggest;
use crate::history::{self, LastTime, LegSeconds, Overview, SessionRecord, Store, TestResult};
use crate::session::{Engine, Phase, Plan, Side, Status, Tally, clock_text, whole_seconds};

/// Exit status for "the input was bad" (usage errors exit 2, through clap).
pub const EXIT_INVALID: u8 = 1;

/// The plan of a routine found by name or path, with `tuning` in place of its own hold, rest
/// and lead-in where set.
pub fn resolve(
    routine: &str,
    user_dir: Option<&Path>,
    tuning: &Tuning,
) -> Result<Plan, ContentError> {
    let library = Library::builtin()?;
    let mut loaded = content::find_routine(routine, &library, user_dir)?;
    tune(&mut loaded.routine, &library, tuning);
    build_plan(&loaded, &library)
}

/// Replaces a routine's hold seconds (static holds only, not cardio or dynamic work), rest
/// seconds and lead-in where `tuning` sets them.
pub fn tune(routine: &mut Routine, library: &Library, tuning: &Tuning) {
    if let Some(lead_in) = tuning.lead_in_seconds {
        routine.defaults.lead_in_seconds = Some(lead_in);
    }
    for step in &mut routine.steps {
        let kind = library.get(&step.exercise).map(|e| e.kind);
        if let (Some(hold), Some(Kind::Hold)) = (tuning.hold_seconds, kind) {
            step.seconds = Some(hold);
        }
        if let Some(rest) = tuning.rest_seconds {
            step.rest_seconds = Some(rest);
        }
    }
}

/// Expands a loaded routine, naming its file in any error.
pub fn build_plan(loaded: &LoadedRoutine, library: &Library) -> Result<Plan, ContentError> {
    Plan::build(&loaded.routine, library).map_err(|e| ContentError {
        file: match &loaded.origin {
            Origin::BuiltIn => e.file,
            Origin::File(path) => path.display().to_string(),
        },
        ..e
    })
}

/// Writes the plan as a table with its total.
pub fn write_plan(out: &mut impl Write, plan: &Plan) -> io::Result<()> {
    writeln!(
        out,
        "{} ({}): {} steps, {} in all",
        plan.title,
        plan.name,
        plan.steps.len(),
        clock_text(plan.total())
    )?;
    writeln!(out)?;
    let width = plan
        .exercises
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    writeln!(
        out,
        "{:>7}  {:<10}  {:<width$}  {:<9}  {:>5}  {:>5}",
        "start", "phase", "exercise", "side", "rep", "time"
    )?;
    for step in &plan.steps {
        let rep = if step.phase.is_work() {
            format!("{}/{}", step.rep, step.reps)
        } else {
            String::new()
        };
        let side = match step.side {
            Side::None => "-",
            side => side.name(),
        };
        writeln!(
            out,
            "{:>7}  {:<10}  {:<width$}  {:<9}  {:>5}  {:>5}",
            clock_text(step.start),
            step.phase.label(),
            plan.exercise(step).name,
            side,
            rep,
            clock_text(step.duration)
        )?;
    }
    writeln!(out, "{:>7}  end", clock_text(plan.total()))?;
    let planned = planned_hold_per_leg(plan);
    writeln!(out)?;
    writeln!(
        out,
        "Static stretching per leg: left {} s, right {} s (ACSM: about 60 s per stretch per \
         session)",
        planned.0, planned.1
    )?;
    writeln!(
        out,
        "Holds: ACSM suggests 10 to 30 s, and 30 to 60 s for older adults (--hold 30 or more)."
    )?;
    if let Some(line) = plan.long_hold_note() {
        writeln!(out, "{line}")?;
    }
    for line in needs_lines(plan) {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", crate::safety::CAUTION)?;
    Ok(())
}

/// What `supple plan` adds from history: a line per suggestion; with `why`, the weekly dose,
/// each suggestion in full with its source, and when each suggestion comes.
pub fn suggestions_text(
    plan: &Plan,
    (sessions, tests): (&[SessionRecord], &[TestResult]),
    today: jiff::civil::Date,
    older: bool,
    why: bool,
) -> String {
    let inputs = suggest::Inputs {
        older,
        hold_seconds: shortest_hold(plan),
        tighter_leg: history::progress::tighter_leg(tests, today),
    };
    let found = suggest::suggestions(sessions, today, &inputs);
    let mut text = String::new();
    if !why {
        if !found.is_empty() {
            text.push('\n');
            for suggestion in &found {
                text.push_str(&format!("Suggestion: {}\n", suggestion.short()));
            }
            text.push_str("(suggestions only: `supple plan --why` says why, with sources)\n");
        }
        return text;
    }
    text.push('\n');
    text.push_str(&wrap(
        &format!(
            "The weekly dose: {} ({} per leg a week). {}. {}.",
            dose::DOSE_RULE,
            dose::clock(dose::WEEKLY_SECONDS),
            dose::DOSE_SOURCE,
            dose::ABOVE_THE_DOSE
        ),
        "",
    ));
    text.push_str(&wrap(
        &format!(
            "This week so far: {}.",
            dose::this_week(sessions, today).seconds().against_dose()
        ),
        "",
    ));
    text.push('\n');
    if found.is_empty() {
        text.push_str("No suggestion today.\n");
    }
    for suggestion in &found {
        text.push_str(&wrap(&format!("Suggestion: {}", suggestion.why()), ""));
        text.push_str(&wrap(&format!("Source: {}.", suggestion.source()), "  "));
    }
    text.push_str(
        "\nWhen supple suggests what (suggestions only: nothing changes unless you change it):\n",
    );
    for rule in suggest::rules() {
        text.push_str(&wrap(&format!("- {rule}"), "  "));
    }
    text
}

/// The shortest static hold of a plan, in seconds.
fn shortest_hold(plan: &Plan) -> Option<u32> {
    plan.steps
        .iter()
        .filter(|s| s.phase == Phase::Hold)
        .map(|s| u32::try_from(s.duration.as_secs()).unwrap_or(u32::MAX))
        .min()
}

/// `text` broken into lines of at most 92 columns, the lines after the first indented by
/// `indent` more (the first by `indent` too when it is a continuation, as for a source).
fn wrap(text: &str, indent: &str) -> String {
    const WIDTH: usize = 92;
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        if !line.trim().is_empty() && line.len() + 1 + word.len() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = format!("{indent}  ");
        }
        if !line.trim().is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// For each partner or piece of equipment a routine needs, a line naming the routine to run
/// without it.
pub fn needs_lines(plan: &Plan) -> Vec<String> {
    plan.needs
        .iter()
        .filter(|need| need.is_special())
        .map(|need| content::needs_line(*need, &plan.instead))
        .collect()
}

/// Seconds of holds planned for each leg.
fn planned_hold_per_leg(plan: &Plan) -> (u64, u64) {
    plan.steps
        .iter()
        .filter(|s| s.phase == Phase::Hold)
        .fold((0, 0), |(l, r), s| {
            let secs = s.duration.as_secs();
            let (left, right) = s.side.legs();
            (l + secs * u64::from(left), r + secs * u64::from(right))
        })
}

/// `supple list`: built-in routines, then the user's; broken user files are named with their error.
pub fn list(
    out: &mut impl Write,
    err: &mut impl Write,
    user_dir: Option<&Path>,
) -> anyhow::Result<()> {
    let library = Library::builtin()?;
    let mut rows: Vec<(LoadedRoutine, Plan)> = Vec::new();
    for loaded in content::builtin_routines(&library)? {
        let plan = build_plan(&loaded, &library)?;
        rows.push((loaded, plan));
    }
    let mut broken = Vec::new();
    if let Some(dir) = user_dir {
        for result in content::user_routines(dir, &library) {
            match result.and_then(|l| build_plan(&l, &library).map(|p| (l, p))) {
                Ok(row) => rows.push(row),
                Err(e) => broken.push(e),
            }
        }
    }
    let width = rows
        .iter()
        .map(|(l, _)| l.routine.name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let special = |plan: &Plan| -> String {
        let needs: Vec<&str> = plan
            .needs
            .iter()
            .filter(|n| n.is_special())
            .map(|n| n.short())
            .collect();
        if needs.is_empty() {
            "-".into()
        } else {
            needs.join(", ")
        }
    };
    let needs_width = rows
        .iter()
        .map(|(_, p)| special(p).len())
        .max()
        .unwrap_or(5);
    writeln!(
        out,
        "{:<width$}  {:>7}  {:<34}  {:<needs_width$}  from",
        "name", "time", "title", "needs"
    )?;
    let mut instead: Vec<(Need, String)> = Vec::new();
    for (loaded, plan) in &rows {
        writeln!(
            out,
            "{:<width$}  {:>7}  {:<34}  {:<needs_width$}  {}",
            loaded.routine.name,
            clock_text(plan.total()),
            loaded.routine.title,
            special(plan),
            loaded.origin.describe()
        )?;
        for pair in &plan.instead {
            if !instead.contains(pair) {
                instead.push(pair.clone());
            }
        }
    }
    if !instead.is_empty() {
        writeln!(out)?;
    }
    for (need, name) in instead {
        writeln!(out, "No {}? Run `supple run {name}`.", need.short())?;
    }
    if let Some(dir) = user_dir {
        writeln!(out, "\nYour routines go in {}", dir.display())?;
    }
    for e in broken {
        writeln!(err, "skipped a routine file that does not load:\n{e}")?;
    }
    Ok(())
}

/// `supple check`: validates each file; returns whether all were valid.
pub fn check(
    out: &mut impl Write,
    err: &mut impl Write,
    files: &[PathBuf],
) -> anyhow::Result<bool> {
    let library = Library::builtin()?;
    let mut all_ok = true;
    for file in files {
        let result = content::load_routine_file(file, &library)
            .and_then(|loaded| build_plan(&loaded, &library).map(|p| (loaded, p)));
        match result {
            Ok((loaded, plan)) => writeln!(
                out,
                "ok: {} ({}: {} steps, {})",
                file.display(),
                loaded.routine.name,
                plan.steps.len(),
                clock_text(plan.total())
            )?,
            Err(e) => {
                all_ok = false;
                writeln!(err, "error: {e}")?;
            }
        }
    }
    Ok(all_ok)
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

/// `supple history --plain`: the same as the full screen, as text: the streak and this week
/// against the dose, a calendar of `weeks` (one character per day), each week's seconds per
/// leg against the dose, and the flexibility tests over time. Plain ASCII whatever the locale.
pub fn history_text(
    overview: &Overview,
    weeks: &[Week],
    tests: &[TestResult],
    path: &Path,
) -> String {
    let mut text = format!("supple history ({})\n", path.display());
    if let Some(words) = overview.nothing_yet() {
        text.push_str(&format!(
            "  {words}\n  Then this shows each day you stretched on a calendar, and each week's \
             seconds per leg against the weekly dose ({}).\n",
            dose::DOSE_RULE
        ));
        if !tests.is_empty() {
            text.push_str(&crate::flextest::tests_text(tests));
        }
        return text;
    }
    text.push_str(&format!(
        "  {}\n  ({})\n",
        overview.headline("-"),
        history::stats::STREAK_RULE
    ));
    if let Some(week) = weeks.last() {
        text.push_str(&format!(
            "  This week: {} (dose: {})\n  ({}.)\n",
            week.seconds().against_dose(),
            dose::DOSE_RULE,
            dose::ABOVE_THE_DOSE
        ));
    }
    text.push_str(&format!("  {}\n", overview.held_line()));
    if let Some(imbalance) = &overview.imbalance {
        text.push_str(&format!("  {}\n", imbalance.advice()));
    }
    text.push_str(&calendar_text(weeks, overview.first));
    text.push_str(&weekly_text(weeks));
    text.push_str(&crate::flextest::tests_text(tests));
    text
}

/// The plain calendar: a row per weekday, a column per week.
fn calendar_text(weeks: &[Week], first_session: Option<jiff::civil::Date>) -> String {
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return String::new();
    };
    let today = last.days.last().map_or(last.monday, |d| d.date);
    let mut text = format!(
        "\n  Days you stretched, the last {} week{}, {} to {}:\n  \
         (# 60 s or more on each leg, + less, . no session)\n",
        weeks.len(),
        if weeks.len() == 1 { "" } else { "s" },
        history::day_label(first.monday),
        history::day_label(today)
    );
    const COLUMN: usize = 3;
    let mut months = " ".repeat(7);
    for (i, week) in weeks.iter().enumerate() {
        let begins = week.days.iter().find(|d| d.date.day() == 1).map(|d| d.date);
        let name = match (i, begins) {
            (_, Some(date)) => date.strftime("%b").to_string(),
            (0, None)
                if !weeks
                    .get(1)
                    .is_some_and(|w| w.days.iter().any(|d| d.date.day() == 1)) =>
            {
                week.monday.strftime("%b").to_string()
            }
            _ => continue,
        };
        let at = 7 + i * COLUMN;
        if months.len() <= at {
            months.push_str(&" ".repeat(at - months.len()));
            months.push_str(&name);
        }
    }
    text.push_str(months.trim_end());
    text.push('\n');
    for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let mut line = format!("  {name}  ");
        for week in weeks {
            let cell = match week.days.get(row) {
                None => " ",
                // Days before the first session were not missed: left blank.
                Some(day) if first_session.is_none_or(|first| day.date < first) => " ",
                Some(day)
                    if day.held.left >= dose::SECONDS_PER_DAY
                        && day.held.right >= dose::SECONDS_PER_DAY =>
                {
                    "#"
                }
                Some(day) if day.sessions > 0 => "+",
                Some(_) => ".",
            };
            line.push_str(&format!("{cell:<COLUMN$}"));
        }
        if row + 1 == last.days.len() {
            line.push_str("<- today");
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// The plain weekly chart: per week, each leg's seconds as a bar, `|` marking the dose.
fn weekly_text(weeks: &[Week]) -> String {
    const DOSE_AT: u64 = 20;
    const LONGEST: u64 = 30;
    let bar = |secs: u64| -> String {
        let filled = (u128::from(secs) * u128::from(DOSE_AT) / u128::from(dose::WEEKLY_SECONDS))
            .min(u128::from(LONGEST + 1)) as u64;
        let mut bar: String = (0..LONGEST)
            .map(|i| match i {
                i if i < filled => '#',
                DOSE_AT => '|',
                _ => ' ',
            })
            .collect();
        if filled > LONGEST {
            bar.push('>');
        }
        bar
    };
    let mut text = format!(
        "\n  Seconds per week counted toward the weekly dose (up to {} s a day; {} per leg, at \
         |):\n  {:<12} {:>5} {:<31} {:>5}\n",
        dose::SECONDS_PER_DAY,
        dose::clock(dose::WEEKLY_SECONDS),
        "week of",
        "left",
        "",
        "right"
    );
    for week in weeks {
        let counted = week.counted;
        let mut line = format!(
            "  {:<12} {:>5} {:<31} {:>5} {:<31}",
            history::day_label(week.monday),
            dose::clock(counted.left),
            bar(counted.left),
            dose::clock(counted.right),
            bar(counted.right)
        );
        // What was held beyond the day's share, where there was some.
        if week.held != counted {
            line.push_str(&format!(
                " held {}, {}",
                dose::clock(week.held.left),
                dose::clock(week.held.right)
            ));
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
