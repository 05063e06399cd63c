//! The routine and exercise types as they are written in JSON.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of work an exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Light cardio to warm the muscles (jumping jacks, jogging in place).
    Cardio,
    /// Moving stretches that take the legs through their range (lunges, leg swings).
    Dynamic,
    /// A static stretch held still for a number of seconds.
    Hold,
}

impl Kind {
    /// The kind as files and exports spell it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Cardio => "cardio",
            Kind::Dynamic => "dynamic",
            Kind::Hold => "hold",
        }
    }
}

/// How an exercise uses the legs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sides {
    /// Whole-body work with no leg to choose (jogging in place).
    None,
    /// One leg at a time: the routine runs it for the left leg and for the right.
    Each,
    /// Both legs at once (the seated stretch with both legs out).
    Both,
}

/// Something the exercise needs besides the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Room to move: a couple of square metres.
    Space,
    /// A mat or clear floor to sit or lie on.
    Floor,
    /// A low step, bench or chair seat to rest a heel on (low first: a high one rounds the
    /// back of anyone with tight hamstrings).
    LowSupport,
    /// A wall or chair back to hold for balance.
    Support,
    /// A second person.
    Partner,
}

impl Need {
    /// How the need reads in a sentence ("you need a partner").
    pub fn label(self) -> &'static str {
        match self {
            Need::Space => "room to move",
            Need::Floor => "a mat or clear floor",
            Need::LowSupport => "a low step or chair seat",
            Need::Support => "a wall or chair back to hold",
            Need::Partner => "a partner",
        }
    }

    /// The needs as a sentence's list: "a mat, a wall and a partner".
    pub fn list(needs: &[Need]) -> String {
        let labels: Vec<&str> = needs.iter().map(|n| n.label()).collect();
        match labels.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// A partner or a piece of equipment: something a person may not have at hand, so a
    /// routine that needs it says so before it starts and names one that does without.
    pub fn is_special(self) -> bool {
        matches!(self, Need::Partner | Need::LowSupport)
    }

    /// The need in two or three words, for a table column ("partner").
    pub fn short(self) -> &'static str {
        match self {
            Need::Space => "room",
            Need::Floor => "floor",
            Need::LowSupport => "low step or chair",
            Need::Support => "wall",
            Need::Partner => "partner",
        }
    }
}

/// Which leg "the left leg" means where that could be misread: the leg the stretch is for,
/// named by what it does ("left leg up", "left leg long").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkingLeg {
    /// The stretched leg is the raised one (the anchor and lying stretches): "left leg up".
    Raised,
    /// The stretched leg is the straight one, the other bent (the seated stretch with one
    /// knee bent): "left leg long".
    Long,
}

impl WorkingLeg {
    /// The word after the leg: "up", "long".
    pub fn word(self) -> &'static str {
        match self {
            WorkingLeg::Raised => "up",
            WorkingLeg::Long => "long",
        }
    }
}

/// One exercise of the library: what it is and how to do it well.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Short identifier used by routines, lowercase with dashes (`anchor-stretch`).
    pub id: String,
    /// Name shown on screen.
    pub name: String,
    /// Cardio, dynamic or hold.
    pub kind: Kind,
    /// Whether the exercise is done per leg, with both legs, or with no side.
    pub sides: Sides,
    /// The key cue in a few words, read from two metres ("Flat back, chest forward"): shown
    /// first and largest.
    pub focus: String,
    /// Form cues in order of importance; the first explains the focus.
    pub cues: Vec<String>,
    /// How to get into position, shown while the person gets ready for the exercise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup: Option<String>,
    /// A safety line shown with the cues. During a hold the stop rule is shown with it.
    pub caution: String,
    /// What the exercise needs (floor, chair or table, partner, ...).
    #[serde(default)]
    pub needs: Vec<Need>,
    /// For `each`: what the stretched leg does, so its side is never misread ("left leg
    /// long" when the other knee bends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_leg: Option<WorkingLeg>,
    /// How to change legs between the left and the right (for `each`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch_cue: Option<String>,
    /// Where the exercise and its numbers come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The exercise library file: `content/exercises.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFile {
    /// Path or URL of the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The exercises.
    pub exercises: Vec<Exercise>,
}

/// In which order the legs take turns within a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SideOrder {
    /// All repetitions on the left leg, then all on the right.
    OneLegThenOther,
    /// Left, right, left, right...
    Alternate,
}

/// Routine-wide values that every step uses unless it sets its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoutineDefaults {
    /// Seconds of "get ready" before the first step.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::seconds::seconds_field"
    )]
    #[schemars(with = "Option<super::seconds::Seconds>")]
    pub lead_in_seconds: Option<u32>,
    /// Seconds to move into position between two exercises.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::seconds::seconds_field"
    )]
    #[schemars(with = "Option<super::seconds::Seconds>")]
    pub transition_seconds: Option<u32>,
    /// Seconds of each hold or bout of work.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::seconds::seconds_field"
    )]
    #[schemars(with = "Option<super::seconds::Seconds>")]
    pub seconds: Option<u32>,
    /// Repetitions per side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    /// Seconds to recover between repetitions on the same side.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::seconds::seconds_field"
    )]
    #[schemars(with = "Option<super::seconds::Seconds>")]
    pub rest_seconds: Option<u32>,
    /// Seconds given to change from one leg to the other.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::seconds::seconds_field"
    )]
    #[schemars(with = "Option<super::seconds::Seconds>")]
    pub switch_seconds: Option<u32>,
    /// Order of the legs for per-leg exercises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<SideOrder>,
}

/// One step of a routine: an exercise and, optionally, its own timing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// The id of an exercise from the library.
    pub exercise: String,
    /// Seconds of each hold or bout of work.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::seconds::seconds_field"
    )]
    #[schemars(with = "Option<super::seconds::Seconds>")]
    pub seconds: Option<u32>,
    /// Repetitions per side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    /// Seconds to recover between repetitions on the same side.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::seconds::seconds_field"
    )]
    #[schemars(with = "Option<super::seconds::Seconds>")]
    pub rest_seconds: Option<u32>,
    /// Seconds given to change from one leg to the other.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::seconds::seconds_field"
    )]
    #[schemars(with = "Option<super::seconds::Seconds>")]
    pub switch_seconds: Option<u32>,
    /// Order of the legs for per-leg exercises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<SideOrder>,
    /// Where this step's numbers come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A routine file: a named, ordered list of steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    /// Path or URL of the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Short name used on the command line, lowercase with dashes (`hamstring`).
    pub name: String,
    /// Title shown on screen.
    pub title: String,
    /// One or two sentences on what the routine is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Values every step uses unless it sets its own.
    #[serde(default, deserialize_with = "super::strict::object")]
    pub defaults: RoutineDefaults,
    /// The steps, in order.
    #[serde(deserialize_with = "super::strict::steps")]
    #[schemars(length(min = 1, max = 100))]
    pub steps: Vec<StepSpec>,
}
