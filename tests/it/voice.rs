//! The spoken cues: every line a built-in routine needs exists as a clip, and the clips are
//! short, quiet enough and whole.

use supple::audio::voice;
use supple::content::Library;
use supple::session::Phase;

const ROUTINES: [&str; 4] = ["hamstring", "floor", "quick", "partner"];

/// The phrase list and the clips in the binary are the same set.
#[test]
fn every_phrase_has_a_clip() {
    let list = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/voice/phrases.tsv"
    ))
    .expect("read");
    let listed: Vec<&str> = list
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    for key in &listed {
        assert!(voice::clip(key).is_some(), "no clip for {key}");
    }
    assert_eq!(voice::keys().count(), listed.len());
    let library = Library::builtin().expect("library");
    for exercise in library.exercises() {
        assert!(
            listed.contains(&format!("ex-{}", exercise.id).as_str()),
            "no spoken name for {}",
            exercise.id
        );
    }
}

/// Every step of every built-in routine says what it is: the exercise, the leg and the length
/// for work; the leg to switch to; rest and what comes next.
#[test]
fn every_step_of_every_routine_is_spoken() {
    for name in ROUTINES {
        let plan = crate::common::builtin_plan(name);
        for (i, step) in plan.steps.iter().enumerate() {
            let line = voice::step_line(&plan, i);
            let id = &plan.exercise(step).id;
            let has = |key: &str| line.contains(&key);
            match step.phase {
                Phase::Cardio | Phase::Dynamic | Phase::Hold => {
                    assert!(has(&format!("ex-{id}")), "{name} {i}: {line:?}");
                    assert!(
                        line.iter()
                            .any(|k| k.starts_with("sec-") || k.starts_with("min-")),
                        "{name} {i}: {line:?}"
                    );
                    if step.side.legs() != (false, false) {
                        assert!(
                            line.iter().any(|k| k.ends_with("-leg")
                                || k.ends_with("-leg-up")
                                || k.ends_with("-leg-long")
                                || *k == "both-legs"),
                            "{name} {i}: {line:?}"
                        );
                    }
                    // The stop rule is said once, as the first hold starts.
                    assert_eq!(
                        has("stop-rule"),
                        step.phase == Phase::Hold && plan.first_hold() == Some(i),
                        "{name} {i}: {line:?}"
                    );
                    // Where "left leg" could be misread, the line says what the leg does.
                    if let Some(working) = plan.exercise(step).working_leg
                        && step.side.legs() != (false, false)
                    {
                        assert!(
                            line.iter().any(|k| k.ends_with(working.word())),
                            "{name} {i}: {line:?}"
                        );
                    }
                }
                Phase::SwitchLeg => assert!(has("switch-left") || has("switch-right")),
                Phase::Rest => assert!(has("rest"), "{name} {i}: {line:?}"),
                Phase::GetReady => assert!(has("get-ready") && has(&format!("ex-{id}"))),
            }
            for key in &line {
                assert!(voice::clip(key).is_some(), "{key}");
            }
        }
    }
}

#[test]
fn durations_are_said_in_seconds_and_minutes() {
    assert_eq!(voice::duration(20), ["sec-20"]);
    assert_eq!(voice::duration(1), ["sec-1"]);
    assert_eq!(voice::duration(60), ["min-1"]);
    assert_eq!(voice::duration(90), ["min-1", "sec-30"]);
    assert_eq!(voice::duration(3600), ["min-60"]);
    for s in 1..=3600 {
        let line = voice::duration(s);
        assert!(
            !line.is_empty() && line.iter().all(|k| voice::clip(k).is_some()),
            "{s}"
        );
    }
}

/// Each clip decodes, lasts under 2 s, and is no louder than the loudest beep, with silence at
/// both ends (faded, so nothing clicks).
#[cfg(feature = "sound")]
#[test]
fn clips_decode_short_and_no_louder_than_a_beep() {
    use rodio::Source;
    let loudest_beep = supple::audio::synth::LEVEL;
    for key in voice::keys() {
        let bytes = voice::clip(key).expect("clip");
        let decoder = rodio::Decoder::new_vorbis(std::io::Cursor::new(bytes))
            .unwrap_or_else(|e| panic!("{key}: {e}"));
        let rate = decoder.sample_rate().get() as f32;
        let samples: Vec<f32> = decoder.collect();
        let seconds = samples.len() as f32 / rate;
        // The stop rule is a sentence, said once a session; every other clip is short.
        let longest = if key == "stop-rule" { 8.0 } else { 2.0 };
        assert!(seconds > 0.2 && seconds < longest, "{key}: {seconds} s");
        let peak = samples.iter().fold(0f32, |m, s| m.max(s.abs()));
        assert!(peak <= loudest_beep, "{key}: peak {peak}");
        for end in [&samples[..10], &samples[samples.len() - 10..]] {
            assert!(
                end.iter().all(|s| s.abs() < 0.05),
                "{key}: clicks at an end"
            );
        }
    }
}

use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use supple::app::{App, Effect};
use supple::audio::Cue;

/// What was said or beeped, and when (ms from the start).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Heard {
    Said(Vec<&'static str>),
    Beep(Cue),
    /// The player was told of a sound due at this moment (ms).
    Foretold(u64),
}

/// Drives the app in 10 ms steps (`at` acts at each, as keys do): what was said, beeped and
/// foretold, and when.
fn drive(
    app: &mut App,
    t0: Instant,
    until_ms: u64,
    at: impl FnMut(&mut App, u64) -> Vec<Effect>,
) -> Vec<(u64, Heard)> {
    crate::common::drive(app, t0, until_ms, at)
        .into_iter()
        .filter_map(|(ms, effect)| match effect {
            Effect::Speak(line) => Some((ms, Heard::Said(line))),
            Effect::Play(cue) => Some((ms, Heard::Beep(cue))),
            Effect::Expect(Some(d)) => Some((ms, Heard::Foretold(ms + d.as_millis() as u64))),
            _ => None,
        })
        .collect()
}

const ROUTINE: &str = r#"{ "name": "v", "title": "V",
  "defaults": { "lead_in_seconds": 4, "switch_seconds": 3, "rest_seconds": 5, "transition_seconds": 6 },
  "steps": [ { "exercise": "lying-stretch", "seconds": 20 },
             { "exercise": "seated-stretch", "seconds": 5 } ] }"#;

fn voiced(count_aloud: bool) -> App {
    App::new(crate::common::plan_from(ROUTINE), true).with_voice(true, count_aloud)
}

/// With the voice on, each step is said at its exact start, in place of its beep; a long hold
/// is said to be halfway; the ticks stay beeps; the end is said.
#[test]
fn each_step_is_said_at_its_start_instead_of_its_beep() {
    let mut app = voiced(false);
    let heard = drive(&mut app, Instant::now(), 70_000, |_, _| Vec::new());
    assert!(
        heard.contains(&(4_000, Heard::Foretold(14_000))),
        "{heard:?}"
    );
    let heard: Vec<(u64, Heard)> = heard
        .into_iter()
        .filter(|(_, h)| !matches!(h, Heard::Foretold(_)))
        .collect();
    let said: Vec<(u64, Vec<&str>)> = heard
        .iter()
        .filter_map(|(ms, h)| match h {
            Heard::Said(line) => Some((*ms, line.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        said,
        [
            (0, vec!["get-ready", "ex-lying-stretch", "left-leg-up"]),
            (
                4_000,
                vec!["ex-lying-stretch", "left-leg-up", "sec-20", "stop-rule"]
            ),
            (14_000, vec!["halfway"]),
            (24_000, vec!["switch-right"]),
            (27_000, vec!["ex-lying-stretch", "right-leg-up", "sec-20"]),
            (37_000, vec!["halfway"]),
            (
                47_000,
                vec!["rest", "next", "ex-seated-stretch", "both-legs"]
            ),
            (53_000, vec!["ex-seated-stretch", "both-legs", "sec-5"]),
            (58_000, vec!["complete"]),
        ]
    );
    let beeps: Vec<&Heard> = heard
        .iter()
        .map(|(_, h)| h)
        .filter(|h| matches!(h, Heard::Beep(_)))
        .collect();
    assert!(
        beeps.iter().all(|h| **h == Heard::Beep(Cue::Tick)),
        "only the ticks beep: {beeps:?}"
    );
    // Never two sounds at one moment.
    let mut moments: Vec<u64> = heard.iter().map(|(ms, _)| *ms).collect();
    moments.dedup();
    assert_eq!(moments.len(), heard.len(), "{heard:?}");
}

/// Nothing is said while paused or muted; a skip says the new step at once.
#[test]
fn nothing_is_said_while_paused_or_muted_and_a_skip_says_the_new_step() {
    let mut app = voiced(false);
    let t0 = Instant::now();
    let mut heard = drive(&mut app, t0, 30_000, |app, ms| {
        let now = t0 + Duration::from_millis(ms);
        match ms {
            5_000 | 15_000 => app.handle_event(&crate::common::key(KeyCode::Char(' ')), now),
            16_000 => app.handle_event(&crate::common::key(KeyCode::Right), now),
            20_000 => app.handle_event(&crate::common::key(KeyCode::Char('m')), now),
            _ => Vec::new(),
        }
    });
    heard.retain(|(_, h)| !matches!(h, Heard::Foretold(_)));
    assert!(
        heard.iter().all(|(ms, _)| !(5_000..15_000).contains(ms)),
        "nothing while paused: {heard:?}"
    );
    assert!(
        heard.contains(&(16_000, Heard::Said(vec!["switch-right"]))),
        "the skip says where it went: {heard:?}"
    );
    assert!(
        heard
            .iter()
            .all(|(ms, h)| *ms < 20_000 || (*ms == 20_000 && *h == Heard::Said(Vec::new()))),
        "nothing once muted but the hush: {heard:?}"
    );
}

/// `m` cuts short the line being said (an empty line: the player says nothing in its place),
/// so the stop rule is not heard for seconds after the screen says muted; unmuting says nothing.
#[test]
fn muting_cuts_short_the_line_being_said() {
    let mut app = voiced(false);
    let t0 = Instant::now();
    let mut heard = drive(&mut app, t0, 8_000, |app, ms| {
        let now = t0 + Duration::from_millis(ms);
        match ms {
            // Just after the first hold's line (with the stop rule, 7 s or more) began.
            4_500 | 6_000 => app.handle_event(&crate::common::key(KeyCode::Char('m')), now),
            _ => Vec::new(),
        }
    });
    heard.retain(|(ms, h)| *ms > 4_000 && !matches!(h, Heard::Foretold(_)));
    assert_eq!(heard, [(4_500, Heard::Said(Vec::new()))]);
}

/// Counting aloud says three, two, one where the ticks would beep.
#[test]
fn the_count_can_be_said() {
    let mut app = voiced(true);
    let mut heard = drive(&mut app, Instant::now(), 4_000, |_, _| Vec::new());
    heard.retain(|(_, h)| !matches!(h, Heard::Foretold(_)));
    assert_eq!(
        heard,
        [
            (
                0,
                Heard::Said(vec!["get-ready", "ex-lying-stretch", "left-leg-up"])
            ),
            (1_000, Heard::Said(vec!["count-3"])),
            (2_000, Heard::Said(vec!["count-2"])),
            (3_000, Heard::Said(vec!["count-1"])),
            (
                4_000,
                Heard::Said(vec![
                    "ex-lying-stretch",
                    "left-leg-up",
                    "sec-20",
                    "stop-rule"
                ])
            ),
        ]
    );
}

/// Without the voice nothing is said and the halfway mark wakes no stream (the player is told
/// of no moment without a sound).
#[test]
fn without_the_voice_only_beeps() {
    let mut app = App::new(crate::common::plan_from(ROUTINE), true);
    let heard = drive(&mut app, Instant::now(), 70_000, |_, _| Vec::new());
    assert!(
        heard
            .iter()
            .all(|(_, h)| matches!(h, Heard::Beep(_) | Heard::Foretold(_))),
        "{heard:?}"
    );
    assert!(!heard.iter().any(|(ms, _)| *ms == 14_000), "{heard:?}");
    assert!(
        !heard.iter().any(|(_, h)| *h == Heard::Foretold(14_000)),
        "{heard:?}"
    );
}
