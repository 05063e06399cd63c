//! The built-in content: valid, and faithful to the article's routine.

use crate::common::builtin_plan as plan;
use supple::content::{Kind, Library, Need, Sides};

/// Every built-in routine.
const ROUTINES: [&str; 4] = ["hamstring", "floor", "quick", "partner"];
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
fn partner_follows_the_article_order() {
    let plan = plan("partner");
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

/// The routine `supple` runs with no name is the article's, done alone: the lying stretch
/// takes the partner stretch's place.
#[test]
fn the_default_routine_needs_no_partner() {
    let plan = plan(supple::content::builtin::DEFAULT_ROUTINE);
    assert_eq!(
        work_order(&plan),
        [
            "march-in-place",
            "step-jacks",
            "leg-lunges",
            "knee-raises",
            "leg-swings",
            "anchor-stretch",
            "seated-stretch",
            "seated-bent-knee",
            "lying-stretch",
        ]
    );
    assert!(
        plan.exercises
            .iter()
            .all(|e| !e.needs.contains(&Need::Partner)),
        "the default routine needs a partner"
    );
    assert!(!plan.needs.contains(&Need::Partner));
}

#[test]
fn every_per_leg_hold_is_done_on_both_legs() {
    let plan = plan("partner");
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
    let plan = plan("partner");
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
    for name in ROUTINES {
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
fn quick_is_about_five_minutes() {
    let quick = plan("quick").total().as_secs();
    assert!((240..=360).contains(&quick), "quick lasts {quick} s");
}

/// The article's key point for the stretches that hinge forward: a flat back and the chest
/// going forward, the head in line and not dipped.
#[test]
fn the_hinge_stretches_lead_with_a_flat_back_and_keep_the_head_in_line() {
    let library = Library::builtin().expect("library");
    for id in ["anchor-stretch", "seated-stretch", "seated-bent-knee"] {
        let exercise = library.get(id).expect("exercise");
        assert_eq!(exercise.focus, "Flat back, chest forward", "{id}");
        let cues = exercise.cues.join(" ").to_lowercase();
        assert!(
            cues.contains("head in line") || cues.contains("head stays in line"),
            "{id}: {cues}"
        );
    }
}

/// Every text a person reads: the aim is a gentle pull, and discomfort is never a goal.
#[test]
fn no_cue_calls_discomfort_a_goal() {
    let library = Library::builtin().expect("library");
    for exercise in library.exercises() {
        let texts = std::iter::once(&exercise.focus)
            .chain(&exercise.cues)
            .chain(std::iter::once(&exercise.caution))
            .chain(&exercise.setup)
            .chain(&exercise.switch_cue);
        for text in texts {
            let text = text.to_lowercase();
            assert!(
                !text.contains("goal") && !text.contains("discomfort"),
                "{}: {text}",
                exercise.id
            );
        }
    }
    let caution = supple::safety::CAUTION.to_lowercase();
    for words in [
        "gentle pull",
        "never pain",
        "sharp",
        "shoots down the leg",
        "tingling",
        "numbness",
    ] {
        assert!(caution.contains(words), "{words}");
    }
}

/// During every hold of every built-in routine, the caution with the stop rule is on screen,
/// at the smallest size as at the largest.
#[test]
fn every_hold_shows_the_stop_rule_at_every_size() {
    for name in ROUTINES {
        let plan = plan(name);
        for step in plan.steps.iter().filter(|s| s.phase == Phase::Hold) {
            let mut app = crate::common::silent_app(plan.clone());
            let t0 = std::time::Instant::now();
            app.start(t0);
            let now = t0 + step.start + std::time::Duration::from_secs(1);
            app.tick(now);
            let vm = app.view(now).expect("view");
            let guides = supple::ui::cues::guidance(&vm);
            assert!(
                guides
                    .iter()
                    .any(|g| g.text == supple::safety::CAUTION && g.rank == 0),
                "{name}: {}",
                plan.exercise(step).id
            );
            for (w, h) in [(40, 12), (80, 24), (200, 60)] {
                let words = crate::common::cue_words(&app, now, (w, h));
                assert!(
                    words.contains(supple::safety::STOP_RULE),
                    "{name} {} at {w}x{h}:\n{words}",
                    plan.exercise(step).id
                );
            }
        }
    }
}

/// Each routine that needs a partner or equipment says so in `supple list`, and names a
/// built-in routine that does without.
#[test]
fn routines_that_need_a_partner_or_equipment_are_flagged_in_the_list() {
    let mut out = Vec::new();
    supple::cli::list::run(&mut out, &mut Vec::new(), None).expect("list");
    let listed = String::from_utf8(out).expect("utf-8");
    for name in ROUTINES {
        let this = plan(name);
        let row = listed
            .lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .expect("row");
        for need in this.needs.iter().filter(|n| n.is_special()) {
            assert!(row.contains(need.short()), "{row}");
            let (_, instead) = this
                .instead
                .iter()
                .find(|(n, _)| n == need)
                .expect("a routine without it");
            assert!(!plan(instead).needs.contains(need), "{instead}");
            assert!(listed.contains(&format!("No {}? Run: supple run {instead}", need.short())));
        }
        if !this.needs.iter().any(|n| n.is_special()) {
            assert!(row.contains(" - "), "{row}");
        }
    }
}

/// The JSON blocks in the READMEs are real routines that load and plan, a valid config, or a
/// valid test result.
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
            if block.contains("\"taken\"") {
                // A flexibility test result, as the history file keeps it.
                serde_json::from_str::<supple::history::TestResult>(block)
                    .unwrap_or_else(|e| panic!("{doc} test result: {e}"));
                continue;
            }
            if block.contains("\"frames\"") {
                // A pose, as poses.json keys it: valid, and the built-in one it names.
                let poses = supple::content::pose::parse_poses(
                    doc,
                    &format!("{{ \"poses\": {{ {block} }} }}"),
                )
                .unwrap_or_else(|e| panic!("{doc} pose: {e}"));
                for (id, pose) in poses {
                    assert_eq!(
                        Some(&pose),
                        supple::pose::builtin(&id),
                        "{doc}: the pose of {id}"
                    );
                }
                continue;
            }
            if block.contains("\"streak_days\"") || block.contains("\"error\"") {
                status_example(doc, block);
                continue;
            }
            if !block.contains("\"steps\"") {
                // The settings example.
                supple::settings::parse(doc, block).unwrap_or_else(|e| panic!("{doc} config: {e}"));
                continue;
            }
            let routine = supple::content::parse_routine(doc, block, library.exercises())
                .unwrap_or_else(|e| panic!("{doc} example: {e}"));
            Plan::build(&routine, &library).expect("plans");
        }
    }
}

/// An example of `supple status --json`: the fields it prints, no more and no fewer.
fn status_example(doc: &str, block: &str) {
    fn keys(value: &serde_json::Value, above: &str, into: &mut Vec<String>) {
        if let Some(object) = value.as_object() {
            for (key, inner) in object {
                let path = format!("{above}{key}");
                keys(inner, &format!("{path}."), into);
                into.push(path);
            }
        }
    }
    let example: serde_json::Value =
        serde_json::from_str(block).unwrap_or_else(|e| panic!("{doc} status example: {e}"));
    let printed = if example.get("error").is_some() {
        serde_json::json!({ "error": "", "file": "" })
    } else {
        let status = supple::cli::status::Status::of(&[], jiff::civil::date(2026, 11, 27));
        serde_json::to_value(status.json()).expect("json")
    };
    let (mut want, mut got) = (Vec::new(), Vec::new());
    keys(&printed, "", &mut want);
    keys(&example, "", &mut got);
    want.sort();
    got.sort();
    assert_eq!(got, want, "{doc}: the fields of `supple status --json`");
}

/// The README says when to stop and who should ask first, near its top.
#[test]
fn the_readme_opens_with_the_stop_rule() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("read");
    let top: String = readme.lines().take(40).collect::<Vec<_>>().join("\n");
    assert!(top.contains(supple::safety::STOP_RULE), "{top}");
    for words in ["gentle pull", "sciatica", "pregnant", "physiotherapist"] {
        assert!(top.contains(words), "{words}");
    }
}

/// The warm-up suits a sore back: no routine but the article's own (`partner`) jumps or jogs,
/// and every warm-up says what to do when the back is sore.
#[test]
fn the_warm_ups_are_low_impact_except_the_articles_own() {
    let jumping = ["jumping-jacks", "jog-in-place"];
    for name in ROUTINES {
        let plan = plan(name);
        let jumps: Vec<&str> = work_order(&plan)
            .into_iter()
            .filter(|id| jumping.contains(id))
            .collect();
        if name == "partner" {
            assert_eq!(jumps, jumping, "partner keeps the article's warm-up");
        } else {
            assert!(jumps.is_empty(), "{name} jumps: {jumps:?}");
        }
    }
    let library = Library::builtin().expect("library");
    for exercise in library
        .exercises()
        .iter()
        .filter(|e| e.kind == Kind::Cardio)
    {
        assert!(
            exercise.caution.contains("back"),
            "{}: {}",
            exercise.id,
            exercise.caution
        );
    }
}

/// Cues a physiotherapist would sign: static holds are held still; feet relaxed rather than
/// toes pulled back; the anchor's knee never forced straight; the lunge's knee tracks over
/// the foot (not the outdated "never past the toes").
#[test]
fn the_cues_say_what_a_physiotherapist_would() {
    let library = Library::builtin().expect("library");
    let text = |id: &str| {
        let e = library.get(id).expect("exercise");
        std::iter::once(&e.focus)
            .chain(&e.cues)
            .chain(std::iter::once(&e.caution))
            .chain(&e.setup)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    for exercise in library.exercises().iter().filter(|e| e.kind == Kind::Hold) {
        let all = text(&exercise.id);
        assert!(
            all.contains("no bouncing") || all.contains("never bounce"),
            "{}: {all}",
            exercise.id
        );
        assert!(!all.contains("toes up"), "{}: {all}", exercise.id);
    }
    for id in ["anchor-stretch", "seated-stretch"] {
        assert!(text(id).contains("toes pointing up"), "{id}");
    }
    assert!(text("anchor-stretch").contains("never force it straight"));
    assert!(!text("anchor-stretch").contains("knee stays straight"));
    let lunge = text("leg-lunges");
    assert!(lunge.contains("tracks over the foot"), "{lunge}");
    assert!(!lunge.contains("past the toes"), "{lunge}");
}

/// Every number in the built-in content that is not the article's names where it comes
/// from (the article, ACSM, a study) or says it is supple's own choice: each step that sets
/// a length or a count has a note that says so, and every default length a routine sets is
/// named in content/README.md's "Where the numbers come from".
#[test]
fn every_number_names_its_source() {
    const SOURCES: [&str; 6] = [
        "Article",
        "ACSM",
        "et al.",
        "our choice",
        "ours",
        "supple's",
    ];
    let names_a_source = |note: &str| SOURCES.iter().any(|s| note.contains(s));
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/README.md"))
        .expect("content/README.md");
    let numbers = readme
        .split("## Where the numbers come from")
        .nth(1)
        .expect("a numbers section");
    let library = Library::builtin().expect("library");
    for loaded in supple::content::builtin_routines(&library).expect("routines") {
        let routine = &loaded.routine;
        for (i, step) in routine.steps.iter().enumerate() {
            let sets_a_number =
                step.seconds.is_some() || step.reps.is_some() || step.rest_seconds.is_some();
            if !sets_a_number {
                continue;
            }
            let note = step.note.as_deref().unwrap_or("");
            assert!(
                names_a_source(note),
                "{} steps[{i}] ({}) sets a number without its source: {note:?}",
                routine.name,
                step.exercise
            );
        }
        let d = &routine.defaults;
        for (what, value) in [
            ("get ready", d.lead_in_seconds),
            ("get into position", d.transition_seconds),
            ("rest between repetitions", d.rest_seconds),
            ("switch legs", d.switch_seconds),
        ] {
            if let Some(value) = value {
                let said = format!("{value} s");
                let line = numbers
                    .lines()
                    .find(|l| l.contains(what))
                    .unwrap_or_else(|| panic!("content/README.md says nothing of {what}"));
                assert!(
                    line.contains(&said) && (line.contains("our choice") || line.contains("ours")),
                    "{}: {what} {said} is not in content/README.md's numbers: {line}",
                    routine.name
                );
            }
        }
    }
    for exercise in library.exercises() {
        let source = exercise.source.as_deref().unwrap_or("");
        assert!(names_a_source(source), "{}: {source:?}", exercise.id);
    }
}
