//! Measures of a key frame, in the words of the cues: how bent a knee is, whether the back is
//! flat, how far a foot is from a thigh. The tests hold every built-in pose to its cues with
//! these, so that a figure can never contradict what the screen says.

use super::{LegJoints, P, Skeleton};
use crate::content::pose::{Frame, Leg};

/// The difference between two directions, in degrees from 0 to 180.
pub fn between(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

/// How far a knee is bent: 0 when straight.
pub fn knee_bend(leg: &Leg) -> f64 {
    between(leg.thigh, leg.shin)
}

/// How far the back is rounded: the upper back's angle against the lower back's (0: flat).
pub fn back_rounding(frame: &Frame) -> f64 {
    between(frame.trunk[0], frame.trunk[1])
}

/// How far the head is out of line with the upper back.
pub fn head_out_of_line(frame: &Frame) -> f64 {
    between(frame.head, frame.trunk[1])
}

/// How far the trunk leans from upright (0), forward when positive.
pub fn trunk_lean(frame: &Frame) -> f64 {
    (frame.trunk[0] + 180.0).rem_euclid(360.0) - 180.0
}

/// How far a thigh is from upright, pointing up (0) or down (0 too): the angle from the
/// vertical line through the hip.
pub fn thigh_from_vertical(leg: &Leg) -> f64 {
    between(leg.thigh, 0.0).min(between(leg.thigh, 180.0))
}

/// How far a segment is from lying flat (0: horizontal).
pub fn from_horizontal(angle: f64) -> f64 {
    between(angle, 90.0).min(between(angle, -90.0))
}

/// The height of the lowest point of a leg (heel or toes) above the floor.
pub fn foot_height(leg: &LegJoints) -> f64 {
    leg.ankle.y.min(leg.toes.y)
}

/// How far `p` is from the segment `a`-`b`.
pub fn distance_to_segment(p: P, a: P, b: P) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 <= f64::EPSILON {
        return p.distance(a);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    p.distance(P::new(a.x + t * dx, a.y + t * dy))
}

/// How far a foot (ankle or toes, the nearer) is from the other leg's thigh.
pub fn foot_to_thigh(foot: &LegJoints, thigh: &LegJoints) -> f64 {
    distance_to_segment(foot.ankle, thigh.hip, thigh.knee)
        .min(distance_to_segment(foot.toes, thigh.hip, thigh.knee))
}

/// The lowest point of the trunk (hips or back) above the floor: about 0.1 lying down.
pub fn hips_height(s: &Skeleton) -> f64 {
    s.hip.y
}
