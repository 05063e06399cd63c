//! The cues: their synthesis (pitch, length, silence at the ends, no clicks) and their
//! schedule (which cue at which instant, none while paused or muted).

mod common;

use std::time::{Duration, Instant};

use common::{key, pitch, plan_from, recording_app, sounding_runs};
use crossterm::event::KeyCode;
use supple::app::App;
use supple::audio::synth::{self, ALL, LEVEL, SAMPLE_RATE};
use supple::audio::{Cue, Recording, cue_for};
use supple::session::{Event, Phase};

fn tones(samples: &[f32]) -> Vec<(usize, usize)> {
    sounding_runs(samples, 1e-4)
}

#[test]
fn each_cue_has_its_pitches_and_length() {
    for cue in ALL {
        let spec = synth::sound(cue);
        let samples = synth::synthesize(cue, SAMPLE_RATE);
        let expected_len = synth::duration_ms(cue) as usize * SAMPLE_RATE as usize / 1000;
        assert!(
            samples.len().abs_diff(expected_len) <= 2,
            "{cue:?}: {} samples",
            samples.len()
        );
        let runs = tones(&samples);
        assert_eq!(
            runs.len(),
            spec.tones.len(),
            "{cue:?}: one sounding run per tone"
        );
        for ((start, end), tone) in runs.iter().zip(spec.tones) {
            let measured = pitch(&samples[*start..*end], SAMPLE_RATE);
            assert!(
                (measured - tone.hz).abs() < tone.hz * 0.03,
                "{cue:?}: {measured} Hz, expected {}",
                tone.hz
            );
            let ms = (end - start) as f32 * 1000.0 / SAMPLE_RATE as f32;
            assert!(
                (ms - tone.ms as f32).abs() < 2.0,
                "{cue:?}: tone of {ms} ms, expected {}",
                tone.ms
            );
        }
    }
}

#[test]
fn cues_start_and_end_at_silence_and_never_click() {
    for cue in ALL {
        let samples = synth::synthesize(cue, SAMPLE_RATE);
        assert!(
            samples[0].abs() < 1e-3 && samples[samples.len() - 1].abs() < 1e-3,
            "{cue:?}"
        );
        assert!(
            samples.iter().all(|s| s.abs() <= LEVEL + 1e-6),
            "{cue:?} within its level"
        );
        // No jump larger than the steepest slope of the tone itself: no click anywhere.
        let max_hz = synth::sound(cue)
            .tones
            .iter()
            .map(|t| t.hz)
            .fold(0.0, f32::max);
        let max_step = LEVEL * std::f32::consts::TAU * max_hz / SAMPLE_RATE as f32 * 1.05;
        let worst = samples
            .windows(2)
            .map(|w| (w[1] - w[0]).abs())
            .fold(0.0, f32::max);
        assert!(worst <= max_step, "{cue:?}: step {worst} > {max_step}");
    }
}

#[test]
fn cues_are_told_apart_by_pitch_and_pattern() {
    let mut seen = Vec::new();
    for cue in ALL {
        let spec = synth::sound(cue);
        let shape: Vec<(u32, u32)> = spec.tones.iter().map(|t| (t.hz as u32, t.ms)).collect();
        assert!(!seen.contains(&shape), "{cue:?} sounds like another cue");
        seen.push(shape);
    }
    let rising = |c| synth::sound(c).tones.windows(2).all(|w| w[1].hz > w[0].hz);
    let falling = |c| synth::sound(c).tones.windows(2).all(|w| w[1].hz < w[0].hz);
    assert!(rising(Cue::HoldStart) && rising(Cue::PhaseStart) && rising(Cue::Complete));
    assert!(falling(Cue::HoldEnd));
    let switch = synth::sound(Cue::SwitchLeg).tones;
    assert!(
        switch.len() == 2 && switch[0].hz == switch[1].hz,
        "a double beep"
    );
}

const ROUTINE: &str = r#"{ "name": "cues", "title": "Cues",
  "defaults": { "lead_in_seconds": 4, "switch_seconds": 3, "transition_seconds": 0 },
  "steps": [ { "exercise": "lying-stretch", "seconds": 5 } ] }"#;

/// Drives the app in 10 ms steps and notes when each cue was played, in ms from the start.
fn drive(
    app: &mut App,
    recording: &Recording,
    t0: Instant,
    until_ms: u64,
    mut at: impl FnMut(&mut App, u64),
) -> Vec<(u64, Cue)> {
    let mut heard = Vec::new();
    let mut count = 0;
    for ms in (0..=until_ms).step_by(10) {
        let now = t0 + Duration::from_millis(ms);
        if ms == 0 {
            app.start(now);
        }
        at(app, ms);
        app.tick(now);
        let played = recording.played();
        heard.extend(played[count..].iter().map(|c| (ms, *c)));
        count = played.len();
    }
    heard
}

#[test]
fn each_transition_sounds_once_at_its_instant() {
    let (mut app, recording) = recording_app(plan_from(ROUTINE));
    let heard = drive(&mut app, &recording, Instant::now(), 20_000, |_, _| {});
    use Cue::*;
    assert_eq!(
        heard,
        [
            (0, GetReady),
            (1_000, Tick),
            (2_000, Tick),
            (3_000, Tick),
            (4_000, HoldStart),
            (6_000, Tick),
            (7_000, Tick),
            (8_000, Tick),
            (9_000, SwitchLeg),
            (10_000, Tick),
            (11_000, Tick),
            (12_000, HoldStart),
            (14_000, Tick),
            (15_000, Tick),
            (16_000, Tick),
            (17_000, Complete),
        ]
    );
}

#[test]
fn nothing_sounds_while_paused_and_the_rest_shifts_by_the_pause() {
    let (mut app, recording) = recording_app(plan_from(ROUTINE));
    let t0 = Instant::now();
    let heard = drive(&mut app, &recording, t0, 30_000, |app, ms| {
        let now = t0 + Duration::from_millis(ms);
        if ms == 5_000 || ms == 15_000 {
            app.handle_event(&key(KeyCode::Char(' ')), now);
        }
    });
    assert!(
        heard.iter().all(|(ms, _)| !(5_000..15_000).contains(ms)),
        "{heard:?}"
    );
    assert!(
        heard.contains(&(16_000, Cue::Tick)),
        "the first tick comes 10 s late: {heard:?}"
    );
    assert_eq!(heard.last(), Some(&(27_000, Cue::Complete)));
}

#[test]
fn nothing_sounds_when_muted() {
    let (mut app, recording) = recording_app(plan_from(ROUTINE));
    let t0 = Instant::now();
    let heard = drive(&mut app, &recording, t0, 20_000, |app, ms| {
        if ms == 10 {
            app.handle_event(&key(KeyCode::Char('m')), t0 + Duration::from_millis(ms));
        }
    });
    assert_eq!(heard, [(0, Cue::GetReady)]);
}

#[test]
fn the_most_important_cue_of_a_moment_wins_and_stale_ones_are_dropped() {
    let t = Instant::now();
    let later = t + Duration::from_secs(5);
    let events = [
        Event::StepCompleted {
            index: 1,
            phase: Phase::Hold,
            at: t,
        },
        Event::StepStarted {
            index: 2,
            phase: Phase::SwitchLeg,
            at: t,
        },
    ];
    assert_eq!(cue_for(&events), Some((t, Cue::SwitchLeg)));
    let events = [
        Event::Countdown {
            index: 1,
            seconds_left: 1,
            at: t,
        },
        Event::StepCompleted {
            index: 1,
            phase: Phase::Hold,
            at: later,
        },
        Event::StepStarted {
            index: 2,
            phase: Phase::Rest,
            at: later,
        },
    ];
    assert_eq!(cue_for(&events), Some((later, Cue::HoldEnd)));
    assert_eq!(cue_for(&[Event::Paused { at: t }]), None);
}
