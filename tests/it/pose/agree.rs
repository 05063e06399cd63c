//! Each pose agrees with what its exercise's cues say: measured on the pose's own joints, so a
//! figure that contradicts its cue fails here before anyone sees it.

use supple::content::Library;
use supple::content::pose::{Frame, Pose, Prop, Region, View, Working};
use supple::pose::checks::{
    back_rounding, between, distance_to_segment, foot_height, foot_to_thigh, from_horizontal,
    head_out_of_line, knee_bend, thigh_from_vertical, trunk_lean,
};
use supple::pose::{P, Skeleton, builtin, builtin_poses, skeleton};

/// The flexibility tests' poses (`supple test`).
const TESTS: [&str; 4] = [
    "test-aket",
    "test-slr",
    "test-sit-reach",
    "test-sit-reach-one",
];

fn pose(id: &str) -> &'static Pose {
    builtin(id).unwrap_or_else(|| panic!("{id} has no pose"))
}

fn bones(pose: &Pose, frame: &Frame) -> Skeleton {
    skeleton(frame, pose.view)
}

/// What one rule says, and whether a pose keeps it.
struct Rule {
    /// A word the exercise's cues, set-up or focus say, that this rule draws.
    says: &'static str,
    what: &'static str,
    holds: fn(&Pose) -> bool,
}

fn each_frame(pose: &Pose, f: impl Fn(&Frame, &Skeleton) -> bool) -> bool {
    pose.frames
        .iter()
        .all(|frame| f(frame, &bones(pose, frame)))
}

fn some_frame(pose: &Pose, f: impl Fn(&Frame, &Skeleton) -> bool) -> bool {
    pose.frames
        .iter()
        .any(|frame| f(frame, &bones(pose, frame)))
}

fn flat_back(frame: &Frame) -> bool {
    back_rounding(frame) <= 8.0 && head_out_of_line(frame) <= 15.0
}

fn hinged(frame: &Frame) -> bool {
    (20.0..=70.0).contains(&trunk_lean(frame))
}

fn lying_on_back(frame: &Frame, s: &Skeleton) -> bool {
    s.hip.y <= 0.15
        && from_horizontal(frame.trunk[0]) <= 10.0
        && from_horizontal(frame.trunk[1]) <= 10.0
}

fn seated(s: &Skeleton) -> bool {
    s.hip.y <= 0.15
}

/// The other leg long on the floor, or bent with its foot flat.
fn other_leg_down(frame: &Frame, s: &Skeleton) -> bool {
    let long = knee_bend(&frame.other_leg) <= 10.0 && s.other.ankle.y <= 0.2;
    let bent = foot_height(&s.other) <= 0.05;
    long || bent
}

fn toes_up(foot: f64) -> bool {
    between(foot, 0.0) <= 35.0
}

/// A hand on top of a support (a wall or chair back).
fn holds_support(pose: &Pose, s: &Skeleton) -> bool {
    pose.props.iter().any(|prop| match *prop {
        Prop::Support { x, height } => [s.near.hand, s.far.hand]
            .iter()
            .any(|h| h.distance(P::new(x, height)) <= 0.12),
        _ => false,
    })
}

fn stretch_marked(pose: &Pose) -> bool {
    pose.stretch.contains(&Region::LeadThigh)
}

/// Hands above the head.
fn arms_up(s: &Skeleton) -> bool {
    s.near.hand.y > s.head.y && s.far.hand.y > s.head.y
}

fn arms_down(s: &Skeleton) -> bool {
    s.near.hand.y < s.shoulder.y && s.far.hand.y < s.shoulder.y
}

/// How far apart the feet are, side to side (front view).
fn stance(s: &Skeleton) -> f64 {
    (s.lead.ankle.x - s.other.ankle.x).abs()
}

fn elbows_bent(frame: &Frame) -> bool {
    between(frame.near_arm.upper, frame.near_arm.fore) >= 45.0
        && between(frame.far_arm.upper, frame.far_arm.fore) >= 45.0
}

/// A knee lifted toward hip height: the thigh at least 60 degrees forward of hanging down.
fn knee_up(thigh: f64) -> bool {
    between(thigh, 180.0) >= 60.0
}

/// The front knee over the foot: not behind the heel, never past the toes.
fn knee_over_foot(leg: &supple::pose::LegJoints) -> bool {
    leg.knee.x >= leg.ankle.x - 0.05 && leg.knee.x <= leg.toes.x
}

fn rules(id: &str) -> Vec<Rule> {
    macro_rules! rule {
        ($says:expr, $what:expr, $holds:expr) => {
            Rule {
                says: $says,
                what: $what,
                holds: $holds,
            }
        };
    }
    match id {
        "anchor-stretch" => vec![
            rule!("knee", "the raised knee straight or slightly bent", |p| {
                each_frame(p, |f, _| knee_bend(&f.lead_leg) <= 15.0)
            }),
            rule!("back flat", "the back flat and the head in line", |p| {
                each_frame(p, |f, _| flat_back(f))
            }),
            rule!("chest", "hinged at the hips, the chest forward", |p| {
                each_frame(p, |f, _| hinged(f))
            }),
            rule!("low", "the heel on a low support", |p| each_frame(
                p,
                |_, s| p.props.iter().any(|prop| matches!(*prop,
                Prop::Step { x, width, height } if height <= 0.45
                    && (s.lead.ankle.y - height).abs() <= 0.06
                    && (x..=x + width).contains(&s.lead.ankle.x)))
            )),
            rule!("toes", "the raised foot's toes up", |p| each_frame(
                p,
                |f, _| toes_up(f.lead_leg.foot)
            )),
            rule!(
                "knee",
                "the standing knee soft, not locked nor deeply bent",
                |p| each_frame(p, |f, _| (3.0..=25.0).contains(&knee_bend(&f.other_leg)))
            ),
            rule!("hold", "a hand on a wall or chair back", |p| each_frame(
                p,
                |_, s| holds_support(p, s)
            )),
            rule!(
                "thigh",
                "the pull behind the raised thigh",
                |p| stretch_marked(p) && p.working == Working::Lead
            ),
        ],
        "seated-stretch" => vec![
            rule!("legs long", "both legs long on the floor", |p| each_frame(
                p,
                |f, s| knee_bend(&f.lead_leg) <= 5.0
                    && knee_bend(&f.other_leg) <= 5.0
                    && s.lead.ankle.y <= 0.15
                    && s.other.ankle.y <= 0.15
            )),
            rule!("toes pointing up", "feet relaxed, toes pointing up", |p| {
                each_frame(p, |f, _| {
                    toes_up(f.lead_leg.foot) && toes_up(f.other_leg.foot)
                })
            }),
            rule!("sit", "sitting on the floor", |p| each_frame(p, |_, s| {
                seated(s)
            })),
            rule!("Hinge", "hinged at the hips", |p| each_frame(p, |f, _| {
                hinged(f)
            })),
            rule!("head", "the back flat, the head in line", |p| each_frame(
                p,
                |f, _| flat_back(f)
            )),
            rule!("thighs", "both legs stretched", |p| p.working
                == Working::Both),
        ],
        "seated-bent-knee" => vec![
            rule!("long leg", "the long leg straight on the floor", |p| {
                each_frame(p, |f, s| {
                    knee_bend(&f.lead_leg) <= 5.0 && s.lead.ankle.y <= 0.15
                })
            }),
            rule!("bent", "the other knee bent", |p| each_frame(
                p,
                |f, _| knee_bend(&f.other_leg) >= 100.0
            )),
            rule!(
                "thigh",
                "the bent leg's foot by the long leg's thigh",
                |p| each_frame(p, |_, s| foot_to_thigh(&s.other, &s.lead) <= 0.12)
            ),
            rule!("flat back", "the back flat, the head in line", |p| {
                each_frame(p, |f, _| flat_back(f))
            }),
            rule!("hinge", "hinged forward", |p| each_frame(p, |f, _| hinged(
                f
            ))),
            rule!("Sit", "sitting on the floor", |p| each_frame(p, |_, s| {
                seated(s)
            })),
            rule!("long leg", "the long leg is the one stretched", |p| p
                .working
                == Working::Lead
                && stretch_marked(p)),
        ],
        "lying-stretch" => vec![
            rule!("Hips", "hips and low back on the floor", |p| each_frame(
                p,
                lying_on_back
            )),
            rule!("heel", "the raised leg up toward the ceiling", |p| {
                each_frame(p, |f, _| thigh_from_vertical(&f.lead_leg) <= 25.0)
            }),
            rule!(
                "slight bend",
                "the raised knee straight or slightly bent",
                |p| each_frame(p, |f, _| knee_bend(&f.lead_leg) <= 20.0)
            ),
            rule!(
                "other leg",
                "the other leg long on the floor, or bent with the foot flat",
                |p| each_frame(p, other_leg_down)
            ),
            rule!(
                "behind the thigh",
                "the hands behind the thigh, never on the knee",
                |p| each_frame(p, |_, s| [s.near.hand, s.far.hand]
                    .iter()
                    .all(|h| distance_to_segment(*h, s.lead.hip, s.lead.knee) <= 0.1
                        && h.distance(s.lead.knee) >= 0.1))
            ),
        ],
        "assisted-stretch" => vec![
            rule!("hips on the floor", "both hips on the floor", |p| {
                each_frame(p, lying_on_back)
            }),
            rule!("nearly straight", "the raised knee nearly straight", |p| {
                each_frame(p, |f, _| knee_bend(&f.lead_leg) <= 15.0)
            }),
            rule!("other leg", "the other leg long on the floor", |p| {
                each_frame(p, |f, s| {
                    knee_bend(&f.other_leg) <= 10.0 && s.other.ankle.y <= 0.2
                })
            }),
            rule!("heel", "the partner's hands cup the raised heel", |p| {
                each_frame(p, |_, s| {
                    p.props.iter().any(|prop| matches!(*prop,
                Prop::Partner { hand, .. } if P::new(hand[0], hand[1]).distance(s.lead.ankle) <= 0.1))
                })
            }),
        ],
        "knee-raises" => vec![
            rule!("Stand tall", "standing tall, never leaning back", |p| {
                each_frame(p, |f, _| trunk_lean(f).abs() <= 5.0)
            }),
            rule!(
                "knee up",
                "one knee up toward hip height, then the other",
                |p| some_frame(p, |f, _| knee_up(f.lead_leg.thigh))
                    && some_frame(p, |f, _| knee_up(f.other_leg.thigh))
            ),
            rule!("chair", "a hand on a wall or chair back", |p| each_frame(
                p,
                |_, s| holds_support(p, s)
            )),
        ],
        "leg-lunges" => vec![
            rule!("chest", "the chest up", |p| each_frame(
                p,
                |f, _| trunk_lean(f).abs() <= 15.0
            )),
            rule!(
                "knee",
                "the front knee over the foot, never past the toes",
                |p| {
                    let lunges = |lead: bool| {
                        some_frame(p, |f, s| {
                            let (front, leg) = if lead {
                                (&s.lead, &f.lead_leg)
                            } else {
                                (&s.other, &f.other_leg)
                            };
                            knee_bend(leg) >= 45.0
                                && front.knee.x > s.hip.x
                                && knee_over_foot(front)
                        })
                    };
                    lunges(true) && lunges(false)
                }
            ),
            rule!("Step", "standing between the lunges", |p| some_frame(
                p,
                |f, _| knee_bend(&f.lead_leg) <= 5.0 && knee_bend(&f.other_leg) <= 5.0
            )),
        ],
        "leg-swings" => vec![
            rule!(
                "forward and back",
                "the leg swings forward and back",
                |p| some_frame(p, |f, _| between(f.lead_leg.thigh, 180.0) >= 15.0
                    && f.lead_leg.thigh < 180.0)
                    && some_frame(p, |f, _| f.lead_leg.thigh > 195.0)
            ),
            rule!("small", "small swings, never a hard kick", |p| each_frame(
                p,
                |f, _| between(f.lead_leg.thigh, 180.0) <= 50.0
            )),
            rule!("standing knee", "the standing knee soft", |p| each_frame(
                p,
                |f, _| (2.0..=15.0).contains(&knee_bend(&f.other_leg))
            )),
            rule!("hold", "a hand on a wall or chair back", |p| each_frame(
                p,
                |_, s| holds_support(p, s)
            )),
        ],
        "jumping-jacks" => vec![
            rule!("Arms up", "arms up as the feet go wide", |p| p.view
                == View::Front
                && some_frame(p, |_, s| arms_up(s) && stance(s) >= 0.45)),
            rule!("together", "arms down as the feet come together", |p| {
                some_frame(p, |_, s| arms_down(s) && stance(s) <= 0.3)
            }),
            rule!("knees", "knees a little bent on landing", |p| some_frame(
                p,
                |f, _| knee_bend(&f.lead_leg) > 0.0
            )),
        ],
        "jog-in-place" => vec![
            rule!("Stand tall", "upright", |p| each_frame(
                p,
                |f, _| trunk_lean(f).abs() <= 10.0
            )),
            rule!("elbows", "arms bent at the elbows", |p| each_frame(
                p,
                |f, _| elbows_bent(f)
            )),
            rule!(
                "steps",
                "light steps, one foot then the other",
                |p| some_frame(p, |_, s| s.lead.ankle.y > 0.1)
                    && some_frame(p, |_, s| s.other.ankle.y > 0.1)
            ),
        ],
        "march-in-place" => vec![
            rule!("knees", "the knees lift in turn", |p| some_frame(
                p,
                |f, _| between(f.lead_leg.thigh, 180.0) >= 45.0
            ) && some_frame(
                p,
                |f, _| between(f.other_leg.thigh, 180.0) >= 45.0
            )),
            rule!(
                "comfortable",
                "to a comfortable height: below the hip",
                |p| each_frame(p, |_, s| s.lead.knee.y <= s.hip.y
                    && s.other.knee.y <= s.hip.y)
            ),
            rule!("arms", "the arms swing", |p| some_frame(p, |f, _| f
                .near_arm
                .upper
                < f.far_arm.upper)
                && some_frame(p, |f, _| f.near_arm.upper > f.far_arm.upper)),
            rule!("tall", "standing tall", |p| each_frame(
                p,
                |f, _| trunk_lean(f).abs() <= 5.0
            )),
        ],
        "step-jacks" => vec![
            rule!(
                "one foot",
                "one foot out as both arms rise, then the other",
                |p| p.view == View::Front
                    && some_frame(p, |_, s| arms_up(s) && s.lead.ankle.x - s.lead.hip.x >= 0.2)
                    && some_frame(p, |_, s| arms_up(s)
                        && s.other.hip.x - s.other.ankle.x >= 0.2)
            ),
            rule!(
                "no jump",
                "no jump: a foot on the floor in every frame",
                |p| each_frame(p, |_, s| foot_height(&s.lead).min(foot_height(&s.other))
                    <= 0.03)
            ),
            rule!("back in", "back in between", |p| some_frame(
                p,
                |_, s| arms_down(s) && stance(s) <= 0.3
            )),
        ],
        "test-aket" => vec![
            rule!("thigh upright", "the thigh vertical", |p| each_frame(
                p,
                |f, _| thigh_from_vertical(&f.lead_leg) <= 8.0 && f.lead_leg.thigh.abs() <= 8.0
            )),
            rule!("short of straight", "the knee short of straight", |p| {
                each_frame(p, |f, _| knee_bend(&f.lead_leg) >= 10.0)
            }),
            rule!("Lie", "lying on the back, the other leg flat", |p| {
                each_frame(p, |f, s| {
                    lying_on_back(f, s) && knee_bend(&f.other_leg) <= 10.0
                })
            }),
            rule!(
                "behind the knee",
                "the hands behind the thigh near the knee",
                |p| each_frame(p, |_, s| [s.near.hand, s.far.hand]
                    .iter()
                    .all(|h| distance_to_segment(*h, s.lead.hip, s.lead.knee) <= 0.1))
            ),
        ],
        "test-slr" => vec![
            rule!("Knee straight", "the raised knee straight", |p| each_frame(
                p,
                |f, _| knee_bend(&f.lead_leg) <= 5.0
            )),
            rule!("Lie", "lying on the back, the other leg flat", |p| {
                each_frame(p, |f, s| {
                    lying_on_back(f, s) && knee_bend(&f.other_leg) <= 10.0
                })
            }),
        ],
        "test-sit-reach" => vec![
            rule!(
                "knees stay straight",
                "both knees straight",
                |p| each_frame(p, |f, s| knee_bend(&f.lead_leg) <= 5.0
                    && knee_bend(&f.other_leg) <= 5.0
                    && seated(s))
            ),
            rule!("tape", "a tape on the floor", |p| p
                .props
                .iter()
                .any(|prop| matches!(prop, Prop::Tape { .. }))),
        ],
        "test-sit-reach-one" => vec![
            rule!("straight leg", "the long leg straight", |p| each_frame(
                p,
                |f, s| knee_bend(&f.lead_leg) <= 5.0 && seated(s)
            )),
            rule!(
                "foot flat beside the other knee",
                "the bent leg's foot flat beside the long leg's knee",
                |p| each_frame(p, |f, s| foot_height(&s.other) <= 0.06
                    && between(f.other_leg.foot, 90.0) <= 10.0
                    && (s.other.ankle.x - s.lead.knee.x).abs() <= 0.15)
            ),
        ],
        _ => Vec::new(),
    }
}

/// The words a pose's rules must find: the exercise's focus, set-up and cues, or a test's steps.
fn said(id: &str, library: &Library) -> String {
    if let Some(exercise) = library.get(id) {
        let mut text = format!(
            "{} {} {}",
            exercise.focus,
            exercise.setup.clone().unwrap_or_default(),
            exercise.caution
        );
        for cue in &exercise.cues {
            text.push(' ');
            text.push_str(cue);
        }
        return text.to_lowercase();
    }
    let choice = supple::flextest::guide::CHOICES
        .iter()
        .find(|c| c.figure() == id);
    choice
        .map(|choice| choice.cues().join(" ").to_lowercase())
        .unwrap_or_default()
}

#[test]
fn every_pose_agrees_with_its_cues() {
    let library = Library::builtin().expect("library");
    let mut ids: Vec<&str> = library.exercises().iter().map(|e| e.id.as_str()).collect();
    ids.extend(TESTS);
    let mut broken = Vec::new();
    for id in ids {
        let rules = rules(id);
        assert!(
            !rules.is_empty(),
            "{id}: no rules hold its pose to its cues"
        );
        let words = said(id, &library);
        for rule in rules {
            assert!(
                words.contains(&rule.says.to_lowercase()),
                "{id}: the rule \"{}\" draws \"{}\", which its cues no longer say",
                rule.what,
                rule.says
            );
            if !(rule.holds)(pose(id)) {
                broken.push(format!("{id}: {}", rule.what));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "poses that contradict their cues:\n{}",
        broken.join("\n")
    );
}

/// The rules can fail: a rounded back, a bent raised knee and a high support each break the
/// anchor stretch.
#[test]
fn a_pose_that_contradicts_its_cue_is_caught() {
    let broken = |change: fn(&mut Pose)| {
        let mut pose = pose("anchor-stretch").clone();
        change(&mut pose);
        rules("anchor-stretch")
            .iter()
            .filter(|r| !(r.holds)(&pose))
            .map(|r| r.what)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        broken(|p| p.frames[0].trunk[1] += 30.0),
        ["the back flat and the head in line"]
    );
    assert_eq!(
        broken(|p| p.frames[0].lead_leg.shin += 40.0),
        [
            "the raised knee straight or slightly bent",
            "the heel on a low support"
        ]
    );
    assert!(
        broken(|p| for prop in &mut p.props {
            if let Prop::Step { height, .. } = prop {
                *height = 0.9;
            }
        })
        .contains(&"the heel on a low support")
    );
}

#[test]
fn every_exercise_has_a_pose() {
    let library = Library::builtin().expect("library");
    for exercise in library.exercises() {
        assert!(
            builtin(&exercise.id).is_some(),
            "{} has no pose",
            exercise.id
        );
    }
    for id in TESTS {
        assert!(builtin(id).is_some(), "{id} has no pose");
    }
}

#[test]
fn every_pose_is_of_an_exercise_or_a_test() {
    let library = Library::builtin().expect("library");
    for id in builtin_poses().keys() {
        assert!(
            library.get(id).is_some() || TESTS.contains(&id.as_str()),
            "the pose `{id}` is of no exercise or test"
        );
    }
}

/// Moves and the warm-up have two to four key frames; held stretches one.
#[test]
fn moves_have_key_frames_and_holds_stand_still() {
    use supple::content::Kind;
    let library = Library::builtin().expect("library");
    for exercise in library.exercises() {
        let frames = pose(&exercise.id).frames.len();
        match exercise.kind {
            Kind::Hold => assert_eq!(frames, 1, "{}", exercise.id),
            Kind::Cardio | Kind::Dynamic => {
                assert!(
                    (2..=4).contains(&frames),
                    "{}: {frames} frames",
                    exercise.id
                )
            }
        }
    }
}

/// The built-in poses file is valid, and a bad one is refused with its place and fix.
#[test]
fn a_bad_poses_file_names_the_place_and_the_fix() {
    let (file, text) = supple::content::builtin::POSES;
    supple::content::pose::parse_poses(file, text).expect("built-in poses");
    let bad = r#"{ "poses": { "x": { "working": "lead", "frames": [ { "hip": [0, 0.9],
        "trunk": [0, 0], "head": 0, "lead_leg": { "thigh": 180, "shin": 180, "foot": 900 },
        "other_leg": { "thigh": 180, "shin": 180, "foot": 90 },
        "near_arm": { "upper": 180, "fore": 180 }, "far_arm": { "upper": 180, "fore": 180 } } ] } } }"#;
    let err = supple::content::pose::parse_poses("poses.json", bad).expect_err("bad angle");
    let text = err.to_string();
    assert!(text.contains("poses.x.frames[0].lead_leg.foot"), "{text}");
    assert!(text.contains("fix:"), "{text}");
    let typo = r#"{ "poses": { "x": { "working": "lead", "frame": [] } } }"#;
    let text = supple::content::pose::parse_poses("poses.json", typo)
        .expect_err("typo")
        .to_string();
    assert!(text.contains("did you mean `frames`"), "{text}");
}
