//! A routine expanded into a flat list of timed steps.

use std::time::Duration;

use crate::content::{ContentError, Exercise, Kind, Library, Need, Routine, SideOrder, Sides};

/// The built-in values a routine falls back on when it does not set its own.
pub mod defaults {
    /// Article: "Hold the stretch for 20 seconds."
    pub const SECONDS: u32 = 20;
    pub const REPS: u32 = 1;
    pub const REST_SECONDS: u32 = 10;
    pub const SWITCH_SECONDS: u32 = 5;
    pub const LEAD_IN_SECONDS: u32 = 10;
    pub const TRANSITION_SECONDS: u32 = 10;
}

/// The longest session a plan may describe.
pub const MAX_TOTAL: Duration = Duration::from_secs(4 * 3600);

/// What the person is doing during a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    GetReady,
    Cardio,
    Dynamic,
    Hold,
    Rest,
    SwitchLeg,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::GetReady => "get ready",
            Phase::Cardio => "cardio",
            Phase::Dynamic => "dynamic",
            Phase::Hold => "hold",
            Phase::Rest => "rest",
            Phase::SwitchLeg => "switch leg",
        }
    }

    /// Cardio, dynamic and hold steps are the work that is counted per leg.
    pub fn is_work(self) -> bool {
        matches!(self, Phase::Cardio | Phase::Dynamic | Phase::Hold)
    }

    /// Steps whose end is announced by a 3-2-1 countdown.
    pub fn has_countdown(self) -> bool {
        matches!(
            self,
            Phase::GetReady | Phase::Hold | Phase::Rest | Phase::SwitchLeg
        )
    }

    fn of_kind(kind: Kind) -> Self {
        match kind {
            Kind::Cardio => Phase::Cardio,
            Kind::Dynamic => Phase::Dynamic,
            Kind::Hold => Phase::Hold,
        }
    }
}

/// Which leg a step is for (in history files: `none`, `left`, `right`, `both`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    None,
    Left,
    Right,
    Both,
}

impl Side {
    /// Which legs a step on this side stretches, (left, right): both-legs work counts once
    /// for each leg.
    pub fn legs(self) -> (bool, bool) {
        match self {
            Side::None => (false, false),
            Side::Left => (true, false),
            Side::Right => (false, true),
            Side::Both => (true, true),
        }
    }

    /// The side as history files and exports spell it.
    pub fn name(self) -> &'static str {
        match self {
            Side::None => "none",
            Side::Left => "left",
            Side::Right => "right",
            Side::Both => "both",
        }
    }

    /// The side in a narrow column: `L`, `R`, `both`, or `-`.
    pub fn short(self) -> &'static str {
        match self {
            Side::None => "-",
            Side::Left => "L",
            Side::Right => "R",
            Side::Both => "both",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Side::None => "",
            Side::Left => "left leg",
            Side::Right => "right leg",
            Side::Both => "both legs",
        }
    }
}

/// One timed step of a plan. Rest, switch and get-ready steps carry the exercise, side and
/// repetition of the work that comes next, so the screen can say what to prepare for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanStep {
    pub phase: Phase,
    /// Index into [`Plan::exercises`].
    pub exercise: usize,
    pub side: Side,
    /// Repetition number, from 1, out of `reps` for this side.
    pub rep: u32,
    pub reps: u32,
    pub duration: Duration,
    /// When the step starts, counted from the start of the session, if nothing is paused or skipped.
    pub start: Duration,
}

/// A routine ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub name: String,
    pub title: String,
    pub exercises: Vec<Exercise>,
    pub steps: Vec<PlanStep>,
    /// What the routine needs beyond the person, each once, in the order it is first needed.
    pub needs: Vec<Need>,
    /// For each partner or piece of equipment it needs, a built-in routine that does without.
    pub instead: Vec<(Need, String)>,
}

impl Plan {
    /// Expands a validated routine into steps.
    pub fn build(routine: &Routine, library: &Library) -> Result<Plan, ContentError> {
        let file = format!("routine {}", routine.name);
        let d = &routine.defaults;
        let lead_in = d.lead_in_seconds.unwrap_or(defaults::LEAD_IN_SECONDS);
        let transition = d.transition_seconds.unwrap_or(defaults::TRANSITION_SECONDS);

        let mut exercises: Vec<Exercise> = Vec::new();
        let mut work: Vec<Vec<PlanStep>> = Vec::new();
        for (i, spec) in routine.steps.iter().enumerate() {
            let exercise = library.get(&spec.exercise).ok_or_else(|| {
                ContentError::new(&file, format!("unknown exercise `{}`", spec.exercise))
                    .at_path(format!("steps[{i}].exercise"))
            })?;
            let index = match exercises.iter().position(|e| e.id == exercise.id) {
                Some(index) => index,
                None => {
                    exercises.push(exercise.clone());
                    exercises.len() - 1
                }
            };
            let seconds = spec.seconds.or(d.seconds).unwrap_or(defaults::SECONDS);
            let reps = spec.reps.or(d.reps).unwrap_or(defaults::REPS);
            let rest = spec
                .rest_seconds
                .or(d.rest_seconds)
                .unwrap_or(defaults::REST_SECONDS);
            let switch = spec
                .switch_seconds
                .or(d.switch_seconds)
                .unwrap_or(defaults::SWITCH_SECONDS);
            let order = spec.order.or(d.order).unwrap_or(SideOrder::OneLegThenOther);
            let phase = Phase::of_kind(exercise.kind);

            let turns: Vec<(Side, u32)> = match (exercise.sides, order) {
                (Sides::None, _) => (1..=reps).map(|r| (Side::None, r)).collect(),
                (Sides::Both, _) => (1..=reps).map(|r| (Side::Both, r)).collect(),
                (Sides::Each, SideOrder::OneLegThenOther) => (1..=reps)
                    .map(|r| (Side::Left, r))
                    .chain((1..=reps).map(|r| (Side::Right, r)))
                    .collect(),
                (Sides::Each, SideOrder::Alternate) => (1..=reps)
                    .flat_map(|r| [(Side::Left, r), (Side::Right, r)])
                    .collect(),
            };

            let mut group = Vec::new();
            let mut previous: Option<Side> = None;
            for (side, rep) in turns {
                let between = match previous {
                    Some(prev) if prev != side => Some((Phase::SwitchLeg, switch)),
                    Some(_) => Some((Phase::Rest, rest)),
                    None => None,
                };
                let step = |phase, secs| PlanStep {
                    phase,
                    exercise: index,
                    side,
                    rep,
                    reps,
                    duration: Duration::from_secs(u64::from(secs)),
                    start: Duration::ZERO,
                };
                if let Some((phase, secs)) = between.filter(|(_, secs)| *secs > 0) {
                    group.push(step(phase, secs));
                }
                group.push(step(phase, seconds));
                previous = Some(side);
            }
            work.push(group);
        }

        let mut steps = Vec::new();
        for (i, group) in work.into_iter().enumerate() {
            let Some(first) = group.first().cloned() else {
                continue;
            };
            let lead = if i == 0 {
                (Phase::GetReady, lead_in)
            } else {
                (Phase::Rest, transition)
            };
            if lead.1 > 0 {
                steps.push(PlanStep {
                    phase: lead.0,
                    duration: Duration::from_secs(u64::from(lead.1)),
                    ..first
                });
            }
            steps.extend(group);
        }

        let mut at = Duration::ZERO;
        for step in &mut steps {
            step.start = at;
            at += step.duration;
        }
        if at > MAX_TOTAL {
            return Err(ContentError::new(
                &file,
                format!(
                    "the routine runs for {}; a session may last at most {}",
                    clock_text(at),
                    clock_text(MAX_TOTAL)
                ),
            )
            .hint("use fewer repetitions or shorter holds, or split the routine"));
        }

        let needs = crate::content::routine_needs(routine, library);
        Ok(Plan {
            name: routine.name.clone(),
            title: routine.title.clone(),
            exercises,
            steps,
            instead: crate::content::instead(&needs, library),
            needs,
        })
    }

    /// The planned length of the whole session.
    pub fn total(&self) -> Duration {
        self.steps
            .last()
            .map_or(Duration::ZERO, |s| s.start + s.duration)
    }

    /// The name of the exercise at `index` in [`Plan::exercises`] (empty if there is none).
    pub fn exercise_name(&self, index: usize) -> &str {
        self.exercises.get(index).map_or("", |e| e.name.as_str())
    }

    /// For a plan whose static holds are longer than [`LONGEST_USEFUL_HOLD`] (a `--hold` or
    /// `hold_seconds` of more than 60, taken as set): a word that the extra adds nothing in
    /// the studies. `None` for holds of 60 s or less.
    pub fn long_hold_note(&self) -> Option<String> {
        let longest = self
            .steps
            .iter()
            .filter(|s| s.phase == Phase::Hold)
            .map(|s| s.duration.as_secs())
            .max()?;
        (longest > LONGEST_USEFUL_HOLD).then(|| {
            format!(
                "Holds of {longest} s: kept as you set them, but beyond {LONGEST_USEFUL_HOLD} s \
                 they add nothing in the studies (Bandy et al. 1997: 60 s holds did no better than \
                 30 s)."
            )
        })
    }

    /// The index of the first hold, where the stop rule is said in full.
    pub fn first_hold(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.phase == Phase::Hold)
    }

    pub fn exercise(&self, step: &PlanStep) -> &Exercise {
        &self.exercises[step.exercise]
    }
}

/// Holds longer than this add nothing in the studies (Bandy et al. 1997: 60 s did no better
/// than 30 s).
pub const LONGEST_USEFUL_HOLD: u64 = 60;

/// `m:ss`, or `h:mm:ss` past an hour, rounding part seconds up (a countdown never shows 0 early).
pub fn clock_text(d: Duration) -> String {
    let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    if secs >= 3600 {
        format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
    } else {
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}
