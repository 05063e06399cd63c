//! `supple plan`: the plan as a table, what the routine needs, and the suggestions history
//! brings (in full with their sources with `--why`).

use std::io::Write;

use crate::history::SessionRecord;
use crate::history::dose;
use crate::history::suggest;
use crate::history::{self, TestResult};
pub use crate::session::table::{needs_lines, write_plan};
use crate::session::{Phase, Plan};

use super::args::PlanArgs;
use super::{BadConfig, Cli, load_settings, resolve};

/// `supple plan [ROUTINE] [--why]`.
pub fn run(
    out: &mut impl Write,
    err: &mut impl Write,
    cli: &Cli,
    args: &PlanArgs,
    user_dir: Option<&std::path::Path>,
    now: &jiff::ZonedDateTime,
) -> anyhow::Result<bool> {
    let s = load_settings(cli, err, BadConfig::Warn)?;
    let plan = resolve(args.routine.as_deref(), &s, user_dir)?;
    if args.figures {
        super::show::plan_figures(out, &plan, !crate::term::utf8_locale())?;
    }
    write_plan(out, &plan)?;
    // Suggestions only: an unreadable history is dealt with when a session is saved.
    let kept = history::Store::default_location()
        .and_then(|store| store.load().ok())
        .unwrap_or_default();
    let history = (kept.sessions.as_slice(), kept.tests.as_slice());
    write!(
        out,
        "{}",
        suggestions_text(&plan, history, now.date(), s.older.value, args.why)
    )?;
    Ok(true)
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
