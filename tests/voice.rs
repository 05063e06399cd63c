//! The spoken cues: every line a built-in routine needs exists as a clip, and the clips are
//! short, quiet enough and whole.

mod common;

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
        let plan = common::builtin_plan(name);
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
                            line.iter()
                                .any(|k| k.ends_with("-leg") || *k == "both-legs")
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
        assert!(seconds > 0.2 && seconds < 2.0, "{key}: {seconds} s");
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
