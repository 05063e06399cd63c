//! The pose of each exercise as data (`content/poses.json`): a figure seen from the side (or
//! from the front, for moves to the side), as angles of its body segments in one to four key
//! frames, with the props it uses, the leg that works, the reach and the stretched region.
//!
//! Angles are directions on the picture in degrees, clockwise from straight up: 0 points up,
//! 90 the way the person faces (to the right of the picture), 180 down, -90 (or 270) behind.
//! Standing tall is a trunk of `[0, 0]`, a head of 0, thighs and shins of 180 and feet of 90.
//! Lengths are in metres, the floor at height 0.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ContentError;

/// The poses file: `content/poses.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PoseFile {
    /// Path or URL of the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Each pose under the id of its exercise (`anchor-stretch`) or flexibility test
    /// (`test-aket`, `test-slr`, `test-sit-reach`, `test-sit-reach-one`).
    pub poses: BTreeMap<String, Pose>,
}

/// How an exercise looks: the figure in one to four key frames.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pose {
    /// Seen from the side (the default) or from the front (moves to the side, as jumping jacks).
    #[serde(default)]
    pub view: View,
    /// The leg that is stretched or works: drawn in the leg's colour, and thicker.
    pub working: Working,
    /// What the exercise uses besides the floor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    /// The direction of the reach, as an arrow ("chest forward").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<Arrow>,
    /// Where the stretch is felt, marked along the back of that thigh.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stretch: Vec<Region>,
    /// The key frames: one for a held pose, two to four for a move, shown in turn.
    pub frames: Vec<Frame>,
}

/// Where the figure is seen from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// From the side, facing right: the lead leg and the near arm in front.
    #[default]
    Side,
    /// From the front: angles of 90 point to the right of the picture, -90 to the left.
    Front,
}

/// Which leg works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Working {
    /// The lead leg (the one stretched, for an exercise done one leg at a time).
    Lead,
    /// Both legs at once.
    Both,
    /// Whole-body work: no leg in particular.
    None,
}

/// One key frame: where the hips are and the direction of every segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    /// The hip joint, `[x, y]` in metres (the floor is y = 0; standing, the hips are at 0.88).
    pub hip: [f64; 2],
    /// The lower and the upper back: the same angle for a flat back, the upper more forward
    /// for a rounded one (0: upright, 90: leaning forward flat, -90: lying on the back).
    pub trunk: [f64; 2],
    /// The neck and head, from the shoulders (in line with a flat back: the upper back's angle).
    pub head: f64,
    /// The lead leg: the working one, or for a move the one that moves first.
    pub lead_leg: Leg,
    /// The other leg.
    pub other_leg: Leg,
    /// The arm nearer the viewer.
    pub near_arm: Arm,
    /// The arm on the far side.
    pub far_arm: Arm,
}

/// A leg's three segments.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Leg {
    /// Hip to knee (180: straight down, 90: forward, 0: straight up).
    pub thigh: f64,
    /// Knee to ankle (the same as the thigh: the knee straight).
    pub shin: f64,
    /// Heel to toes (90: flat on the floor, 0: toes up).
    pub foot: f64,
}

/// An arm's two segments.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Arm {
    /// Shoulder to elbow.
    pub upper: f64,
    /// Elbow to hand.
    pub fore: f64,
}

/// Something the exercise uses, drawn in a quiet colour behind the figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Prop {
    /// A low step, bench or chair seat: a box standing on the floor.
    Step {
        /// Its left edge, in metres.
        x: f64,
        width: f64,
        height: f64,
    },
    /// A wall or chair back to hold: an upright post.
    Support {
        /// Where it stands, in metres.
        x: f64,
        height: f64,
    },
    /// A strap or towel held from the hands to the foot.
    Strap { from: [f64; 2], to: [f64; 2] },
    /// A partner kneeling on the floor, facing left, hands at `hand`.
    Partner {
        /// Where the partner's knees are on the floor.
        x: f64,
        /// Where the partner's hands hold.
        hand: [f64; 2],
    },
    /// A tape measure on the floor, from `from` to `to` (x in metres).
    Tape { from: f64, to: f64 },
}

/// An arrow from `from` to `to`, in metres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Arrow {
    pub from: [f64; 2],
    pub to: [f64; 2],
}

/// Where the stretch is felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// The back of the lead leg's thigh.
    LeadThigh,
    /// The back of the other leg's thigh.
    OtherThigh,
}

/// The most key frames a pose may have.
pub const MAX_FRAMES: usize = 4;
/// The most props a pose may have.
pub const MAX_PROPS: usize = 8;
/// Coordinates stay within this many metres of the origin: a figure on a mat.
pub const MAX_METRES: f64 = 4.0;

/// Parses and checks a poses file; `file` names it in errors.
pub fn parse_poses(file: &str, text: &str) -> Result<BTreeMap<String, Pose>, ContentError> {
    let parsed: PoseFile = super::parse_json_with(
        file,
        text,
        &super::Shape {
            empty: "write the poses in it: { \"poses\": { \"anchor-stretch\": { ... } } }",
            object: "a poses file is one object: { \"poses\": { \"EXERCISE-ID\": { ... } } }",
        },
    )?;
    for (id, pose) in &parsed.poses {
        validate(file, id, pose)?;
    }
    Ok(parsed.poses)
}

fn validate(file: &str, id: &str, pose: &Pose) -> Result<(), ContentError> {
    let at = |field: &str| format!("poses.{id}.{field}");
    if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.is_empty()
        || id.len() > super::limits::NAME_CHARS
    {
        return Err(ContentError::new(
            file,
            format!("`{}` is not a valid id", crate::safe_text::quote(id, 40)),
        )
        .at_path(format!("poses.{}", crate::safe_text::quote(id, 40)))
        .hint("use the exercise's id: lowercase letters, digits and dashes"));
    }
    if pose.frames.is_empty() || pose.frames.len() > MAX_FRAMES {
        return Err(ContentError::new(
            file,
            format!("the pose has {} key frames", pose.frames.len()),
        )
        .at_path(at("frames"))
        .hint(format!(
            "give 1 key frame for a held pose, 2 to {MAX_FRAMES} for a move"
        )));
    }
    if pose.props.len() > MAX_PROPS {
        return Err(
            ContentError::new(file, format!("the pose has {} props", pose.props.len()))
                .at_path(at("props"))
                .hint(format!("at most {MAX_PROPS}")),
        );
    }
    for (i, frame) in pose.frames.iter().enumerate() {
        let at = |field: &str| at(&format!("frames[{i}].{field}"));
        place(file, &at("hip"), frame.hip)?;
        angle(file, &at("trunk[0]"), frame.trunk[0])?;
        angle(file, &at("trunk[1]"), frame.trunk[1])?;
        angle(file, &at("head"), frame.head)?;
        for (name, leg) in [("lead_leg", frame.lead_leg), ("other_leg", frame.other_leg)] {
            angle(file, &at(&format!("{name}.thigh")), leg.thigh)?;
            angle(file, &at(&format!("{name}.shin")), leg.shin)?;
            angle(file, &at(&format!("{name}.foot")), leg.foot)?;
        }
        for (name, arm) in [("near_arm", frame.near_arm), ("far_arm", frame.far_arm)] {
            angle(file, &at(&format!("{name}.upper")), arm.upper)?;
            angle(file, &at(&format!("{name}.fore")), arm.fore)?;
        }
    }
    for (i, prop) in pose.props.iter().enumerate() {
        let at = |field: &str| at(&format!("props[{i}].{field}"));
        match prop {
            Prop::Step {
                x,
                width: w,
                height: h,
            } => {
                length(file, &at("x"), *x, -MAX_METRES)?;
                length(file, &at("width"), *w, 0.01)?;
                length(file, &at("height"), *h, 0.01)?;
            }
            Prop::Support { x, height } => {
                length(file, &at("x"), *x, -MAX_METRES)?;
                length(file, &at("height"), *height, 0.01)?;
            }
            Prop::Strap { from, to } => {
                place(file, &at("from"), *from)?;
                place(file, &at("to"), *to)?;
            }
            Prop::Partner { x, hand } => {
                length(file, &at("x"), *x, -MAX_METRES)?;
                place(file, &at("hand"), *hand)?;
            }
            Prop::Tape { from, to } => {
                length(file, &at("from"), *from, -MAX_METRES)?;
                length(file, &at("to"), *to, -MAX_METRES)?;
            }
        }
    }
    if let Some(arrow) = &pose.reach {
        place(file, &at("reach.from"), arrow.from)?;
        place(file, &at("reach.to"), arrow.to)?;
    }
    Ok(())
}

fn angle(file: &str, path: &str, value: f64) -> Result<(), ContentError> {
    if value.is_finite() && (-360.0..=360.0).contains(&value) {
        return Ok(());
    }
    Err(ContentError::new(
        file,
        format!("{value} is not an angle from -360 to 360 degrees"),
    )
    .at_path(path)
    .hint("0 points up, 90 forward, 180 down, -90 behind"))
}

fn length(file: &str, path: &str, value: f64, min: f64) -> Result<(), ContentError> {
    if value.is_finite() && (min..=MAX_METRES).contains(&value) {
        return Ok(());
    }
    Err(ContentError::new(
        file,
        format!("{value} is out of range: it must be from {min} to {MAX_METRES} metres"),
    )
    .at_path(path)
    .hint("a figure is about 1.7 m tall; write lengths in metres"))
}

fn place(file: &str, path: &str, [x, y]: [f64; 2]) -> Result<(), ContentError> {
    length(file, &format!("{path}[0]"), x, -MAX_METRES)?;
    length(file, &format!("{path}[1]"), y, -MAX_METRES)
}
