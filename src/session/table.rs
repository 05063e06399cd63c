//! The plan as the table `supple plan` prints: each step's start, phase, exercise, side,
//! repetition and length, the total, the seconds per leg, what the routine needs and the stop
//! rule. The routine builder previews a routine with the same text.

use std::io::{self, Write};

use super::{Phase, Plan, Side, clock_text};
use crate::content;

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
