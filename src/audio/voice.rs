//! What the voice says: for each step, a short line made of prerecorded clips ("Anchor
//! stretch." "Left leg." "Twenty seconds."), so a person lying on their back hears which
//! stretch, which leg and how long without looking. The clips are rendered offline by
//! scripts/make-voice.sh from assets/voice/phrases.tsv and compiled into the binary; the words
//! come from the content (the exercise's short name, the step's leg and length), so a user's
//! routine of built-in exercises is spoken too.

use crate::content::WorkingLeg;
use crate::session::{Phase, Plan, PlanStep, Side};

mod clips {
    include!(concat!(env!("OUT_DIR"), "/voice_clips.rs"));
}

/// A spoken line: the keys of its clips, played one after the other.
pub type Line = Vec<&'static str>;

/// The Ogg Vorbis bytes of a clip.
pub fn clip(key: &str) -> Option<&'static [u8]> {
    clips::CLIPS
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| clips::CLIPS[i].1)
}

/// Every clip's key.
pub fn keys() -> impl Iterator<Item = &'static str> {
    clips::CLIPS.iter().map(|(k, _)| *k)
}

/// The clip key of an exercise's name ("ex-anchor-stretch").
fn exercise_key(id: &str) -> Option<&'static str> {
    let key = format!("ex-{id}");
    clips::CLIPS
        .binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
        .ok()
        .map(|i| clips::CLIPS[i].0)
}

/// A clip that is always there: the set is checked by a test.
fn fixed(key: &'static str) -> Option<&'static str> {
    clip(key).map(|_| key)
}

/// "Left leg.", or where that could be misread, what the stretched leg does: "Left leg up."
/// (the anchor and lying stretches), "Left leg long." (one knee bent).
fn leg(side: Side, working: Option<WorkingLeg>) -> Option<&'static str> {
    match (side, working) {
        (Side::Left, Some(WorkingLeg::Raised)) => fixed("left-leg-up"),
        (Side::Right, Some(WorkingLeg::Raised)) => fixed("right-leg-up"),
        (Side::Left, Some(WorkingLeg::Long)) => fixed("left-leg-long"),
        (Side::Right, Some(WorkingLeg::Long)) => fixed("right-leg-long"),
        (Side::Left, None) => fixed("left-leg"),
        (Side::Right, None) => fixed("right-leg"),
        (Side::Both, _) => fixed("both-legs"),
        (Side::None, _) => None,
    }
}

/// "Twenty seconds.", "One minute." "Thirty seconds." (up to an hour).
pub fn duration(seconds: u64) -> Line {
    let key = |prefix: &str, n: u64| {
        let key = format!("{prefix}-{n}");
        clips::CLIPS
            .binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
            .ok()
            .map(|i| clips::CLIPS[i].0)
    };
    let (minutes, seconds) = (seconds.min(3600) / 60, seconds % 60);
    let mut line = Vec::new();
    if minutes > 0 {
        line.extend(key("min", minutes));
    }
    if seconds > 0 || minutes == 0 {
        line.extend(key("sec", seconds.max(1)));
    }
    line
}

/// What is said as the step at `index` starts; empty for a step with nothing worth saying.
pub fn step_line(plan: &Plan, index: usize) -> Line {
    let Some(step) = plan.steps.get(index) else {
        return Vec::new();
    };
    let exercise = plan.exercises.get(step.exercise);
    let name = exercise.and_then(|e| exercise_key(&e.id));
    let leg = leg(step.side, exercise.and_then(|e| e.working_leg));
    let mut line: Line = Vec::new();
    match step.phase {
        Phase::GetReady => {
            line.extend(fixed("get-ready"));
            line.extend(name);
            line.extend(leg);
        }
        Phase::Cardio | Phase::Dynamic | Phase::Hold => {
            line.extend(name);
            line.extend(leg);
            line.extend(duration(step.duration.as_secs()));
            // The stop rule, once a session: as its first hold starts.
            if step.phase == Phase::Hold && plan.first_hold() == Some(index) {
                line.extend(fixed("stop-rule"));
            }
        }
        Phase::Rest => {
            line.extend(fixed("rest"));
            if !same_exercise_as_before(plan, index, step) {
                line.extend(fixed("next"));
                line.extend(name);
                line.extend(leg);
            }
        }
        Phase::SwitchLeg => line.extend(match step.side {
            Side::Right => fixed("switch-right"),
            _ => fixed("switch-left"),
        }),
    }
    line
}

fn same_exercise_as_before(plan: &Plan, index: usize, step: &PlanStep) -> bool {
    index
        .checked_sub(1)
        .and_then(|i| plan.steps.get(i))
        .is_some_and(|prev| prev.exercise == step.exercise)
}

/// "Halfway." in a hold of at least this long.
pub const HALFWAY_FROM_SECONDS: u64 = 20;

pub fn halfway() -> Line {
    fixed("halfway").into_iter().collect()
}

pub fn complete() -> Line {
    fixed("complete").into_iter().collect()
}

/// "Three." "Two." "One.", for a person who would rather hear the count than the ticks.
pub fn count(n: u8) -> Line {
    match n {
        1 => fixed("count-1"),
        2 => fixed("count-2"),
        3 => fixed("count-3"),
        _ => None,
    }
    .into_iter()
    .collect()
}

/// Whether `line` counts down ("Three."), standing in for a tick.
pub fn is_count(line: &Line) -> bool {
    !line.is_empty() && line.iter().all(|key| key.starts_with("count-"))
}

/// The line `supple sound-test` speaks.
pub fn sample() -> Line {
    let mut line: Line = Vec::new();
    line.extend(exercise_key("anchor-stretch"));
    line.extend(fixed("left-leg-up"));
    line.extend(duration(20));
    line
}
