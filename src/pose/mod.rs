//! The pose drawn: from the angles of `content/poses.json` to joints ([`Skeleton`]), to the
//! strokes of one picture ([`Figure`]) that every renderer draws the same way: braille and
//! ASCII on screen (`ui::figure`), an anti-aliased image (`raster`), SVG (`svg`). `checks`
//! measures a skeleton so that tests can hold each pose to its cues. No terminal code here.

pub mod checks;
pub mod raster;
pub mod svg;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::content::pose::{Arm, Frame, Leg, Pose, Prop, Region, View, Working};

/// Segment lengths in metres, for a figure about 1.7 m tall.
pub mod body {
    pub const LOWER_BACK: f64 = 0.26;
    pub const UPPER_BACK: f64 = 0.26;
    /// Shoulders to the centre of the head.
    pub const NECK: f64 = 0.2;
    pub const HEAD_RADIUS: f64 = 0.11;
    pub const THIGH: f64 = 0.44;
    pub const SHIN: f64 = 0.44;
    pub const FOOT: f64 = 0.17;
    pub const UPPER_ARM: f64 = 0.29;
    pub const FOREARM: f64 = 0.27;
    /// Half the width of the hips and of the shoulders, seen from the front.
    pub const HALF_HIPS: f64 = 0.1;
    pub const HALF_SHOULDERS: f64 = 0.17;
}

/// How long each key frame of a move is shown: a few frames a second.
pub const FRAME_MILLIS: u64 = 400;

/// A point in metres: x to the right, y up from the floor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct P {
    pub x: f64,
    pub y: f64,
}

impl P {
    pub const fn new(x: f64, y: f64) -> Self {
        P { x, y }
    }

    fn of([x, y]: [f64; 2]) -> Self {
        P { x, y }
    }

    /// The point `length` away in the direction `degrees` (clockwise from up).
    pub fn toward(self, degrees: f64, length: f64) -> Self {
        let (s, c) = degrees.to_radians().sin_cos();
        P::new(self.x + s * length, self.y + c * length)
    }

    pub fn distance(self, other: P) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    fn lerp(self, other: P, t: f64) -> P {
        P::new(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }
}

/// A leg's joints.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LegJoints {
    pub hip: P,
    pub knee: P,
    pub ankle: P,
    pub toes: P,
}

/// An arm's joints.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArmJoints {
    pub shoulder: P,
    pub elbow: P,
    pub hand: P,
}

/// Every joint of one key frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Skeleton {
    pub hip: P,
    pub mid_back: P,
    pub shoulder: P,
    pub head: P,
    pub lead: LegJoints,
    pub other: LegJoints,
    pub near: ArmJoints,
    pub far: ArmJoints,
}

/// The joints of a key frame. From the front, the legs hang from either side of the hips and
/// the arms from either side of the shoulders (the lead leg and the near arm on the right of
/// the picture).
pub fn skeleton(frame: &Frame, view: View) -> Skeleton {
    use body::*;
    let hip = P::of(frame.hip);
    let mid_back = hip.toward(frame.trunk[0], LOWER_BACK);
    let shoulder = mid_back.toward(frame.trunk[1], UPPER_BACK);
    let head = shoulder.toward(frame.head, NECK);
    let (hips, shoulders) = match view {
        View::Side => (0.0, 0.0),
        View::Front => (HALF_HIPS, HALF_SHOULDERS),
    };
    let leg = |leg: &Leg, side: f64| {
        let hip = P::new(hip.x + side * hips, hip.y);
        let knee = hip.toward(leg.thigh, THIGH);
        let ankle = knee.toward(leg.shin, SHIN);
        let toes = ankle.toward(leg.foot, FOOT);
        LegJoints {
            hip,
            knee,
            ankle,
            toes,
        }
    };
    let arm = |arm: &Arm, side: f64| {
        let shoulder = P::new(shoulder.x + side * shoulders, shoulder.y);
        let elbow = shoulder.toward(arm.upper, UPPER_ARM);
        let hand = elbow.toward(arm.fore, FOREARM);
        ArmJoints {
            shoulder,
            elbow,
            hand,
        }
    };
    Skeleton {
        hip,
        mid_back,
        shoulder,
        head,
        lead: leg(&frame.lead_leg, 1.0),
        other: leg(&frame.other_leg, -1.0),
        near: arm(&frame.near_arm, 1.0),
        far: arm(&frame.far_arm, -1.0),
    }
}

/// What a stroke is, which sets its colour, its weight and what is drawn over what (in this
/// order, the last on top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ink {
    /// The floor, under everything.
    Floor,
    /// A step, a support, a strap, a tape, a partner.
    Prop,
    /// The limbs on the far side.
    Far,
    /// The trunk, the head, the near limbs.
    Body,
    /// The working leg, in the leg's colour.
    Working,
    /// Where the stretch is felt.
    Stretch,
    /// The reach.
    Reach,
}

impl Ink {
    /// Width in metres as the image draws it.
    pub fn width(self) -> f64 {
        match self {
            Ink::Floor | Ink::Prop => 0.035,
            Ink::Far | Ink::Body => 0.075,
            Ink::Working => 0.1,
            Ink::Stretch => 0.035,
            Ink::Reach => 0.035,
        }
    }
}

/// A straight stroke with round ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub from: P,
    pub to: P,
    pub ink: Ink,
}

/// A filled disc: a head.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Disc {
    pub centre: P,
    pub radius: f64,
    pub ink: Ink,
}

/// One picture: strokes and discs, each in its ink, within `bounds`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub strokes: Vec<Stroke>,
    pub discs: Vec<Disc>,
    /// `[min, max]` corners of what the picture covers, the same for every key frame of a
    /// pose, so that a move does not change its scale as it goes.
    pub bounds: [P; 2],
}

impl Figure {
    /// Everything drawn, in drawing order (the floor first, the reach last).
    pub fn layers(&self) -> impl Iterator<Item = Ink> {
        [
            Ink::Floor,
            Ink::Prop,
            Ink::Far,
            Ink::Body,
            Ink::Working,
            Ink::Stretch,
            Ink::Reach,
        ]
        .into_iter()
    }

    pub fn width(&self) -> f64 {
        self.bounds[1].x - self.bounds[0].x
    }

    pub fn height(&self) -> f64 {
        self.bounds[1].y - self.bounds[0].y
    }
}

/// The built-in poses, read once from `content/poses.json` (a test holds it valid).
pub fn builtin_poses() -> &'static BTreeMap<String, Pose> {
    static POSES: OnceLock<BTreeMap<String, Pose>> = OnceLock::new();
    POSES.get_or_init(|| {
        let (file, text) = crate::content::builtin::POSES;
        crate::content::pose::parse_poses(file, text).unwrap_or_default()
    })
}

/// The built-in pose of an exercise or a flexibility test.
pub fn builtin(id: &str) -> Option<&'static Pose> {
    builtin_poses().get(id)
}

/// Which key frame shows `elapsed` into a step.
pub fn frame_at(pose: &Pose, elapsed: std::time::Duration) -> usize {
    let n = pose.frames.len().max(1) as u128;
    usize::try_from(elapsed.as_millis() / u128::from(FRAME_MILLIS) % n).unwrap_or(0)
}

/// The time from `elapsed` to the next change of key frame; `None` for a still pose.
pub fn next_frame_in(pose: &Pose, elapsed: std::time::Duration) -> Option<std::time::Duration> {
    if pose.frames.len() < 2 {
        return None;
    }
    let into = u64::try_from(elapsed.as_millis() % u128::from(FRAME_MILLIS)).unwrap_or(0);
    Some(std::time::Duration::from_millis(FRAME_MILLIS - into))
}

/// The picture of key frame `index` of `pose` (the last frame when past the end).
pub fn figure(pose: &Pose, index: usize) -> Figure {
    let skeletons: Vec<Skeleton> = pose.frames.iter().map(|f| skeleton(f, pose.view)).collect();
    let mut strokes = Vec::new();
    let mut discs = Vec::new();
    let Some(bones) = skeletons.get(index).or(skeletons.last()) else {
        return Figure {
            strokes,
            discs,
            bounds: [P::new(0.0, 0.0), P::new(1.0, 1.0)],
        };
    };
    let side = pose.view == View::Side;
    let (lead_ink, other_ink) = match (pose.working, side) {
        // The other leg of a stretch matters too (the standing knee soft, the bent knee).
        (Working::Lead, true) => (Ink::Working, Ink::Body),
        (Working::Lead, false) => (Ink::Working, Ink::Body),
        (Working::Both, _) => (Ink::Working, Ink::Working),
        (Working::None, true) => (Ink::Body, Ink::Far),
        (Working::None, false) => (Ink::Body, Ink::Body),
    };
    let far_arm = if side { Ink::Far } else { Ink::Body };
    for prop in &pose.props {
        prop_strokes(prop, &mut strokes, &mut discs);
    }
    leg_strokes(&bones.other, other_ink, &mut strokes);
    arm_strokes(&bones.far, far_arm, &mut strokes);
    let line = |from, to, ink| Stroke { from, to, ink };
    strokes.push(line(bones.hip, bones.mid_back, Ink::Body));
    strokes.push(line(bones.mid_back, bones.shoulder, Ink::Body));
    if !side {
        // Hips and shoulders across.
        strokes.push(line(bones.lead.hip, bones.other.hip, Ink::Body));
        strokes.push(line(bones.near.shoulder, bones.far.shoulder, Ink::Body));
    }
    // The neck, up to where the head begins.
    let neck_end = bones
        .shoulder
        .lerp(bones.head, 1.0 - body::HEAD_RADIUS / body::NECK);
    strokes.push(line(bones.shoulder, neck_end, Ink::Body));
    discs.push(Disc {
        centre: bones.head,
        radius: body::HEAD_RADIUS,
        ink: Ink::Body,
    });
    leg_strokes(&bones.lead, lead_ink, &mut strokes);
    arm_strokes(&bones.near, Ink::Body, &mut strokes);
    if side {
        for region in &pose.stretch {
            let leg = match region {
                Region::LeadThigh => &bones.lead,
                Region::OtherThigh => &bones.other,
            };
            strokes.extend(back_of_thigh(leg));
        }
    }
    if let Some(arrow) = &pose.reach {
        strokes.extend(arrow_strokes(P::of(arrow.from), P::of(arrow.to)));
    }
    let mut bounds = bounds_of(&skeletons, pose);
    // The floor, a little wider than everything else.
    bounds[0].y = bounds[0].y.min(0.0);
    let margin = 0.12;
    strokes.insert(
        0,
        line(
            P::new(bounds[0].x - margin, 0.0),
            P::new(bounds[1].x + margin, 0.0),
            Ink::Floor,
        ),
    );
    bounds[0].x -= margin;
    bounds[1].x += margin;
    bounds[0].y -= 0.04;
    Figure {
        strokes,
        discs,
        bounds,
    }
}

fn leg_strokes(leg: &LegJoints, ink: Ink, out: &mut Vec<Stroke>) {
    for (from, to) in [
        (leg.hip, leg.knee),
        (leg.knee, leg.ankle),
        (leg.ankle, leg.toes),
    ] {
        out.push(Stroke { from, to, ink });
    }
}

fn arm_strokes(arm: &ArmJoints, ink: Ink, out: &mut Vec<Stroke>) {
    for (from, to) in [(arm.shoulder, arm.elbow), (arm.elbow, arm.hand)] {
        out.push(Stroke { from, to, ink });
    }
}

/// A line along the back of the thigh, a little off it: where the pull is felt.
fn back_of_thigh(leg: &LegJoints) -> Vec<Stroke> {
    let (dx, dy) = (leg.knee.x - leg.hip.x, leg.knee.y - leg.hip.y);
    let len = dx.hypot(dy).max(1e-9);
    // The back of the thigh is to the left of its direction, hip to knee.
    let (nx, ny) = (dy / len, -dx / len);
    let off = 0.085;
    let at = |t: f64| {
        let p = leg.hip.lerp(leg.knee, t);
        P::new(p.x + nx * off, p.y + ny * off)
    };
    vec![Stroke {
        from: at(0.2),
        to: at(0.85),
        ink: Ink::Stretch,
    }]
}

fn arrow_strokes(from: P, to: P) -> Vec<Stroke> {
    let direction = (to.x - from.x).atan2(to.y - from.y).to_degrees();
    let barb = 0.09;
    vec![
        Stroke {
            from,
            to,
            ink: Ink::Reach,
        },
        Stroke {
            from: to,
            to: to.toward(direction + 180.0 - 35.0, barb),
            ink: Ink::Reach,
        },
        Stroke {
            from: to,
            to: to.toward(direction + 180.0 + 35.0, barb),
            ink: Ink::Reach,
        },
    ]
}

fn prop_strokes(prop: &Prop, strokes: &mut Vec<Stroke>, discs: &mut Vec<Disc>) {
    let mut line = |from, to| {
        strokes.push(Stroke {
            from,
            to,
            ink: Ink::Prop,
        })
    };
    match *prop {
        Prop::Step {
            x,
            width: w,
            height: h,
        } => {
            line(P::new(x, 0.0), P::new(x, h));
            line(P::new(x, h), P::new(x + w, h));
            line(P::new(x + w, h), P::new(x + w, 0.0));
        }
        Prop::Support { x, height } => {
            line(P::new(x, 0.0), P::new(x, height));
            line(P::new(x - 0.06, height), P::new(x + 0.06, height));
        }
        Prop::Strap { from, to } => line(P::of(from), P::of(to)),
        Prop::Tape { from, to } => {
            line(P::new(from, 0.02), P::new(to, 0.02));
            let ticks = ((to - from).abs() / 0.1).floor() as usize;
            for i in 0..=ticks.min(40) {
                let x = from + (to - from).signum() * 0.1 * i as f64;
                line(P::new(x, 0.02), P::new(x, 0.06));
            }
        }
        Prop::Partner { x, hand } => {
            // Kneeling, facing left: knees on the floor at `x`, shins behind, thighs upright,
            // the trunk leaning toward the hands.
            let knee = P::new(x, 0.06);
            let hip = P::new(x + 0.04, 0.5);
            let hand = P::of(hand);
            let lean = (hand.x - hip.x).atan2(hand.y - hip.y).to_degrees();
            let trunk = lean.clamp(-70.0, 0.0) * 0.6;
            let shoulder = hip.toward(trunk, body::LOWER_BACK + body::UPPER_BACK);
            let head = shoulder.toward(trunk, body::NECK);
            line(P::new(x + body::SHIN, 0.02), knee);
            line(knee, hip);
            line(hip, shoulder);
            let reach = shoulder.distance(hand);
            let arm = body::UPPER_ARM + body::FOREARM;
            if reach >= arm * 0.98 {
                line(shoulder, hand);
            } else {
                // The elbow bent down, out of the way.
                let mid = shoulder.lerp(hand, 0.5);
                let sag = ((arm / 2.0).powi(2) - (reach / 2.0).powi(2))
                    .max(0.0)
                    .sqrt();
                let elbow = P::new(mid.x, mid.y - sag);
                line(shoulder, elbow);
                line(elbow, hand);
            }
            discs.push(Disc {
                centre: head,
                radius: body::HEAD_RADIUS,
                ink: Ink::Prop,
            });
        }
    }
}

fn bounds_of(skeletons: &[Skeleton], pose: &Pose) -> [P; 2] {
    let mut min = P::new(f64::MAX, f64::MAX);
    let mut max = P::new(f64::MIN, f64::MIN);
    let mut add = |p: P, r: f64| {
        min = P::new(min.x.min(p.x - r), min.y.min(p.y - r));
        max = P::new(max.x.max(p.x + r), max.y.max(p.y + r));
    };
    for s in skeletons {
        for p in [s.hip, s.mid_back, s.shoulder] {
            add(p, 0.05);
        }
        add(s.head, body::HEAD_RADIUS + 0.02);
        for leg in [s.lead, s.other] {
            for p in [leg.hip, leg.knee, leg.ankle, leg.toes] {
                add(p, 0.06);
            }
        }
        for arm in [s.near, s.far] {
            for p in [arm.shoulder, arm.elbow, arm.hand] {
                add(p, 0.05);
            }
        }
    }
    let mut strokes = Vec::new();
    let mut discs = Vec::new();
    for prop in &pose.props {
        prop_strokes(prop, &mut strokes, &mut discs);
    }
    if let Some(arrow) = &pose.reach {
        strokes.extend(arrow_strokes(P::of(arrow.from), P::of(arrow.to)));
    }
    for stroke in strokes {
        add(stroke.from, 0.03);
        add(stroke.to, 0.03);
    }
    for disc in discs {
        add(disc.centre, disc.radius + 0.02);
    }
    [min, max]
}
