//! The built-in content: valid, and faithful to the article's routine.

mod common;

use common::builtin_plan as plan;
use supple::content::{Kind, Library, Sides};
use supple::session::{Phase, Plan, Side};

/// Exercise ids of the work steps, consecutive repeats folded.
fn work_order(plan: &Plan) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    for step in plan.steps.iter().filter(|s| s.phase.is_work()) {
        let id = plan.exercise(step).id.as_str();
        if ids.last() != Some(&id) {
            ids.push(id);
        }
    }
    ids
}

#[test]
fn hamstring_follows_the_article_order() {
    let plan = plan("hamstring");
    assert_eq!(
        work_order(&plan),
        [
            "jumping-jacks",
            "jog-in-place",
            "leg-lunges",
            "knee-raises",
            "leg-swings",
            "anchor-stretch",
            "seated-stretch",
            "seated-bent-knee",
            "lying-stretch",
            "assisted-stretch",
        ]
    );
    assert_eq!(plan.steps[0].phase, Phase::GetReady);
}

#[test]
fn every_per_leg_hold_is_done_on_both_legs() {
    let plan = plan("hamstring");
    for exercise in plan
        .exercises
        .iter()
        .filter(|e| e.kind == Kind::Hold && e.sides == Sides::Each)
    {
        let count = |side| {
            plan.steps
                .iter()
                .filter(|s| {
                    s.phase == Phase::Hold && plan.exercise(s).id == exercise.id && s.side == side
                })
                .count()
        };
        assert!(count(Side::Left) >= 1, "{} left", exercise.id);
        assert_eq!(count(Side::Left), count(Side::Right), "{}", exercise.id);
    }
}

#[test]
fn seated_stretch_is_three_twenty_second_holds_with_recovery() {
    let plan = plan("hamstring");
    let seated: Vec<_> = plan
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.phase == Phase::Hold && plan.exercise(s).id == "seated-stretch")
        .collect();
    assert_eq!(seated.len(), 3);
    for (i, step) in &seated {
        assert_eq!(step.side, Side::Both);
        assert_eq!(step.duration.as_secs(), 20, "article: 20 s holds");
        if step.rep > 1 {
            assert_eq!(
                plan.steps[i - 1].phase,
                Phase::Rest,
                "recover between repetitions"
            );
        }
    }
}

#[test]
fn each_routine_reaches_the_guidance_per_leg() {
    for name in ["hamstring", "solo", "quick"] {
        let plan = plan(name);
        let per_leg = |side| -> u64 {
            plan.steps
                .iter()
                .filter(|s| s.phase == Phase::Hold && (s.side == side || s.side == Side::Both))
                .map(|s| s.duration.as_secs())
                .sum()
        };
        assert!(
            per_leg(Side::Left) >= 60,
            "{name}: at least 60 s per leg (ACSM)"
        );
        assert_eq!(
            per_leg(Side::Left),
            per_leg(Side::Right),
            "{name}: legs balanced"
        );
    }
}

#[test]
fn solo_has_no_partner_and_quick_is_about_five_minutes() {
    let solo = plan("solo");
    assert!(
        solo.exercises
            .iter()
            .all(|e| !e.needs.contains(&supple::content::Need::Partner))
    );
    let quick = plan("quick").total().as_secs();
    assert!((240..=360).contains(&quick), "quick lasts {quick} s");
}

#[test]
fn every_hold_cue_leads_with_the_straight_back_point() {
    let library = Library::builtin().expect("library");
    for exercise in library.exercises().iter().filter(|e| e.kind == Kind::Hold) {
        let key = exercise.cues[0].to_lowercase();
        let caution = exercise.caution.to_lowercase();
        assert!(
            key.contains("back") || key.contains("straight"),
            "{}: key cue is about the long straight back or leg: {key}",
            exercise.id
        );
        assert!(
            caution.contains("never pain"),
            "{}: caution says never pain",
            exercise.id
        );
    }
}

/// The JSON blocks in the READMEs are real routines that load and plan, or a valid config.
#[test]
fn documented_examples_are_valid_routines() {
    let library = Library::builtin().expect("library");
    for doc in ["README.md", "content/README.md"] {
        let text =
            std::fs::read_to_string(format!("{}/{doc}", env!("CARGO_MANIFEST_DIR"))).expect("read");
        let blocks: Vec<&str> = text
            .split("```json\n")
            .skip(1)
            .filter_map(|b| b.split("```").next())
            .collect();
        assert!(!blocks.is_empty(), "{doc} has an example");
        for block in blocks {
            if !block.contains("\"steps\"") {
                // The settings example.
                supple::config::parse(doc, block).unwrap_or_else(|e| panic!("{doc} config: {e}"));
                continue;
            }
            let routine = supple::content::parse_routine(doc, block, library.exercises())
                .unwrap_or_else(|e| panic!("{doc} example: {e}"));
            Plan::build(&routine, &library).expect("plans");
        }
    }
}

/// Every exercise has a pose figure that fits the panel reserved for it and holds only
/// printable ASCII (so no terminal garbles it).
#[test]
fn every_exercise_has_a_figure_that_fits() {
    let library = Library::builtin().expect("library");
    for exercise in library.exercises() {
        let figure = supple::ui::art::figure(&exercise.id)
            .unwrap_or_else(|| panic!("no figure for {}", exercise.id));
        let (w, h) = supple::ui::art::size(figure);
        assert!(w <= 28 && h <= 12, "{}: {w}x{h}", exercise.id);
        assert!(
            figure
                .chars()
                .all(|c| c == '\n' || (' '..='~').contains(&c)),
            "{}",
            exercise.id
        );
    }
}
