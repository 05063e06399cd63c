//! The words for a step, as one line per change says them (plain mode, and the terminal's
//! notifications): what to do, which leg, for how long; and after that line, what the screen
//! shows around it (how to get into position, the caution, how to switch legs, the stop rule).

use crate::content::{self, Need, WorkingLeg};

use super::{Phase, Plan, Side};

/// "20 s", "1 min", "1 min 30 s".
pub fn seconds(s: u64) -> String {
    match (s / 60, s % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// "left leg", or where that could be misread, what the stretched leg does: "left leg up",
/// "left leg long".
fn leg(side: Side, working: Option<WorkingLeg>) -> Option<String> {
    let leg = match side {
        Side::Left => "left leg",
        Side::Right => "right leg",
        Side::Both => return Some("both legs".into()),
        Side::None => return None,
    };
    Some(match working {
        Some(working) => format!("{leg} {}", working.word()),
        None => leg.to_string(),
    })
}

/// `text` as a sentence: trimmed, with a full stop where it has none.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The line that starts step `index` of `plan`: what to do, which leg, for how long, and the
/// key cue (with the stop rule) for a hold. Also the text of a terminal notification.
pub fn step_line(plan: &Plan, index: usize) -> String {
    let Some((step, exercise)) = plan
        .steps
        .get(index)
        .and_then(|step| Some((step, plan.exercises.get(step.exercise)?)))
    else {
        return String::new();
    };
    let name = &exercise.name;
    let length = seconds(step.duration.as_secs());
    let with_leg = |what: &str| match leg(step.side, exercise.working_leg) {
        Some(leg) => format!("{what}, {leg}"),
        None => what.to_string(),
    };
    let reps = if step.reps > 1 {
        format!(" (rep {} of {})", step.rep, step.reps)
    } else {
        String::new()
    };
    let focus = exercise.focus.trim();
    let with_focus = |line: String| {
        if focus.is_empty() {
            line
        } else {
            format!("{line} {}", sentence(focus))
        }
    };
    match step.phase {
        Phase::GetReady => format!("Get ready, {length}: {}.", with_leg(name)),
        Phase::Cardio => with_focus(format!("Cardio: {}, {length}.", with_leg(name))),
        Phase::Dynamic => with_focus(format!("Dynamic: {}, {length}{reps}.", with_leg(name))),
        Phase::Hold => with_focus(format!("Hold: {}, {length}{reps}.", with_leg(name))),
        Phase::Rest => {
            let next = index
                .checked_add(1)
                .and_then(|i| plan.steps.get(i))
                .and_then(|next| {
                    let exercise = plan.exercises.get(next.exercise)?;
                    Some(match leg(next.side, exercise.working_leg) {
                        Some(leg) => format!(" Next: {}, {leg}.", exercise.name),
                        None => format!(" Next: {}.", exercise.name),
                    })
                })
                .unwrap_or_default();
            format!("Rest, {length}.{next}")
        }
        Phase::SwitchLeg => match leg(step.side, None) {
            Some(leg) => format!("Switch to the {leg}, {length}."),
            None => format!("Switch legs, {length}."),
        },
    }
}

/// What plain mode says after a step's line, so that a person who cannot see the screen
/// hears what it shows: while getting into position, how and what it needs; during a
/// switch, how to change legs; with every work step, its caution; with a hold, the stop rule too (in full at the session's first hold,
/// shorter after, since a screen reader says every line).
pub fn step_details(plan: &Plan, index: usize) -> Vec<String> {
    let Some(step) = plan.steps.get(index) else {
        return Vec::new();
    };
    // The rest before a new exercise is the time to get into position for it.
    let into_position = match step.phase {
        Phase::GetReady => true,
        Phase::Rest => index
            .checked_sub(1)
            .and_then(|i| plan.steps.get(i))
            .is_none_or(|prev| prev.exercise != step.exercise),
        _ => false,
    };
    let mut lines = Vec::new();
    if step.phase == Phase::GetReady {
        // What the whole routine needs beyond the floor, as the screen's get-ready says it.
        lines.extend(
            plan.needs
                .iter()
                .filter(|need| need.is_special())
                .map(|need| content::routine_needs_line(*need, &plan.instead)),
        );
    }
    if into_position {
        // A rest's step is the exercise it leads into.
        let Some(exercise) = plan.exercises.get(step.exercise) else {
            return lines;
        };
        let setup = exercise
            .setup
            .as_deref()
            .map(|setup| format!("Get into position: {}", sentence(setup)));
        let needs = (!exercise.needs.is_empty())
            .then(|| format!("You need {}.", Need::list(&exercise.needs)));
        match (setup, needs) {
            (Some(setup), Some(needs)) => lines.push(format!("{setup} {needs}")),
            (Some(line), None) | (None, Some(line)) => lines.push(line),
            (None, None) => {}
        }
    }
    if matches!(step.phase, Phase::Cardio | Phase::Dynamic | Phase::Hold) {
        let exercise = plan.exercise(step);
        lines.push(format!("Careful: {}", sentence(&exercise.caution)));
    }
    if step.phase == Phase::SwitchLeg
        && let Some(how) = plan.exercise(step).switch_cue.as_deref()
    {
        lines.push(sentence(how));
    }
    if step.phase == Phase::Hold {
        lines.push(if plan.first_hold() == Some(index) {
            crate::safety::CAUTION.to_string()
        } else {
            crate::safety::STOP_SHORT.to_string()
        });
    }
    lines
}
