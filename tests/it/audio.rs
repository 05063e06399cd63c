//! The cues: their synthesis (pitch, length, silence at the ends, no clicks) and their
//! schedule (which cue at which instant, none while paused or muted).

use std::time::{Duration, Instant};

use crate::common::{cues, foretold, key, pitch, plan_from, silent_app, sounding_runs};
use crossterm::event::KeyCode;
use supple::app::{App, Effect};
use supple::audio::synth::{self, ALL, LEVEL, SAMPLE_RATE};
use supple::audio::{Cue, cue_for};
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

/// A session short enough to hear whole: a 4 s lead-in, a hold on each leg, a switch between.
pub(crate) const ROUTINE: &str = r#"{ "name": "cues", "title": "Cues",
  "defaults": { "lead_in_seconds": 4, "switch_seconds": 3, "transition_seconds": 0 },
  "steps": [ { "exercise": "lying-stretch", "seconds": 5 } ] }"#;

/// Drives the app in 10 ms steps (`at` acts at each, as keys do) and notes when each cue was
/// asked for, in ms from the start.
fn drive(
    app: &mut App,
    t0: Instant,
    until_ms: u64,
    at: impl FnMut(&mut App, u64) -> Vec<Effect>,
) -> Vec<(u64, Cue)> {
    crate::common::drive(app, t0, until_ms, at)
        .into_iter()
        .filter_map(|(ms, e)| match e {
            Effect::Play(cue) => Some((ms, cue)),
            _ => None,
        })
        .collect()
}

#[test]
fn each_transition_sounds_once_at_its_instant() {
    let mut app = silent_app(plan_from(ROUTINE));
    let heard = drive(&mut app, Instant::now(), 20_000, |_, _| Vec::new());
    assert_eq!(heard, CUES_AT);
}

/// When each cue of [`ROUTINE`] sounds, in ms from the start.
pub(crate) const CUES_AT: [(u64, Cue); 16] = {
    use Cue::*;
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
};

#[test]
fn nothing_sounds_while_paused_and_the_rest_shifts_by_the_pause() {
    let mut app = silent_app(plan_from(ROUTINE));
    let t0 = Instant::now();
    let heard = drive(&mut app, t0, 30_000, |app, ms| {
        let now = t0 + Duration::from_millis(ms);
        if ms == 5_000 || ms == 15_000 {
            app.handle_event(&key(KeyCode::Char(' ')), now)
        } else {
            Vec::new()
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
    let mut app = silent_app(plan_from(ROUTINE));
    let t0 = Instant::now();
    let heard = drive(&mut app, t0, 20_000, |app, ms| {
        if ms == 10 {
            app.handle_event(&key(KeyCode::Char('m')), t0 + Duration::from_millis(ms))
        } else {
            Vec::new()
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

#[test]
fn the_player_is_told_when_each_cue_is_due_before_it_comes() {
    let mut app = silent_app(plan_from(ROUTINE));
    let t0 = Instant::now();
    let mut told: Vec<(u64, Option<u64>)> = Vec::new();
    let mut played: Vec<u64> = Vec::new();
    for ms in (0..=20_000u64).step_by(10) {
        let now = t0 + Duration::from_millis(ms);
        let mut effects = Vec::new();
        if ms == 0 {
            effects.extend(app.start(now));
        }
        effects.extend(app.tick(now));
        told.extend(
            foretold(&effects)
                .iter()
                .map(|d| (ms, d.map(|d| ms + d.as_millis() as u64))),
        );
        played.extend(std::iter::repeat_n(ms, cues(&effects).len()));
    }
    assert_eq!(played.len(), 16);
    for &at in &played[1..] {
        assert!(
            told.iter().any(|&(when, due)| due == Some(at) && when < at),
            "the cue at {at} ms was foretold: {told:?}"
        );
    }
    assert_eq!(told.last(), Some(&(17_000, None)), "none after the end");
    // Each change is told once, not on every tick.
    assert!(told.len() <= 20, "{} calls", told.len());
}

#[test]
fn a_paused_session_foretells_no_cue() {
    let mut app = silent_app(plan_from(ROUTINE));
    let t0 = Instant::now();
    let at = |ms| t0 + Duration::from_millis(ms);
    let space = key(KeyCode::Char(' '));
    let mut told = foretold(&app.start(t0));
    told.extend(foretold(&app.tick(at(500))));
    told.extend(foretold(&app.handle_event(&space, at(600))));
    assert_eq!(told.last(), Some(&None));
    told.extend(foretold(&app.handle_event(&space, at(5_600))));
    // Resumed 0.6 s into the 4 s get-ready: the first tick is due 0.4 s later.
    assert_eq!(told.last(), Some(&Some(Duration::from_millis(400))));
}

#[test]
fn muting_or_asking_to_quit_foretells_no_cue_and_undoing_it_does() {
    let mut app = silent_app(plan_from(ROUTINE));
    let t0 = Instant::now();
    let at = |ms| t0 + Duration::from_millis(ms);
    let press = |c| key(KeyCode::Char(c));
    let mut told = foretold(&app.start(t0));
    told.extend(foretold(&app.handle_event(&press('m'), at(100))));
    assert_eq!(told.last(), Some(&None), "muted");
    told.extend(foretold(&app.handle_event(&press('m'), at(200))));
    assert_eq!(
        told.last(),
        Some(&Some(Duration::from_millis(800))),
        "unmuted: the first tick at 1 s"
    );
    told.extend(foretold(&app.handle_event(&press('q'), at(300))));
    assert_eq!(told.last(), Some(&None), "the quit question pauses");
    told.extend(foretold(&app.handle_event(&press('n'), at(2_300))));
    assert_eq!(
        told.last(),
        Some(&Some(Duration::from_millis(700))),
        "dismissed: the clock goes on where it stopped"
    );
    let calls = told.len();
    told.extend(foretold(&app.tick(at(2_400))));
    told.extend(foretold(&app.tick(at(2_500))));
    assert_eq!(told.len(), calls, "ticks that change nothing say nothing");
}

/// The ALSA fallback's stream: opened before foreseen cues, closed in the long quiet parts.
mod stream_policy {
    use std::time::{Duration, Instant};

    use supple::audio::stream::{Action, State, decide, playing_until};

    const MS: fn(u64) -> Duration = Duration::from_millis;
    const LEAD: Duration = Duration::from_secs(3);

    struct Run {
        /// For each cue after the first, how long the stream had been open when it came.
        open_for: Vec<Duration>,
        open_total: Duration,
        opens: u32,
        steps: u32,
    }

    /// Plays `cues` (ms from the start, each foretold from the one before) and moves time on
    /// as `decide` asks, as the audio thread does.
    fn simulate(cues: &[u64]) -> Run {
        let t0 = Instant::now();
        let mut now = t0;
        let mut state = State::Closed;
        let mut opened_at = None;
        let mut next = 0;
        let mut next_cue: Option<Instant> = None;
        let mut run = Run {
            open_for: Vec::new(),
            open_total: Duration::ZERO,
            opens: 0,
            steps: 0,
        };
        let end = t0 + MS(cues.last().copied().unwrap_or(0) + 10_000);
        while now < end {
            run.steps += 1;
            assert!(run.steps < 10_000, "decide loops without end");
            let (action, wake) = decide(state, now, next_cue, LEAD);
            match action {
                Action::Nothing => {}
                Action::Open => {
                    state = State::Open { until: now };
                    opened_at = Some(now);
                    run.opens += 1;
                    continue;
                }
                Action::Close => {
                    state = State::Closed;
                    run.open_total += now - opened_at.take().expect("was open");
                    continue;
                }
            }
            let cue_at = cues.get(next).map(|&ms| t0 + MS(ms));
            let until = [wake, cue_at, Some(end)].into_iter().flatten().min();
            let until = until.expect("end");
            assert!(until >= now, "wakes in the past");
            now = until;
            if Some(now) == cue_at {
                if next > 0 {
                    let opened = opened_at.expect("open when a foreseen cue comes");
                    run.open_for.push(now - opened);
                } else if opened_at.is_none() {
                    opened_at = Some(now);
                    run.opens += 1;
                }
                state = State::Open {
                    until: now + MS(300),
                };
                next += 1;
                next_cue = cues.get(next).map(|&ms| t0 + MS(ms));
            }
        }
        if let Some(opened) = opened_at {
            run.open_total += now - opened;
        }
        run
    }

    /// 20 s holds back to back: start, 3-2-1, end (= next start).
    fn holds(n: u64) -> Vec<u64> {
        (0..n)
            .flat_map(|i| {
                let s = i * 20_000;
                [s, s + 17_000, s + 18_000, s + 19_000]
            })
            .chain([n * 20_000])
            .collect()
    }

    #[test]
    fn every_foreseen_cue_finds_the_stream_open_long_enough_to_have_started() {
        let run = simulate(&holds(5));
        assert_eq!(run.open_for.len(), 20);
        for open in &run.open_for {
            assert!(*open >= MS(2_500), "open only {open:?} before a cue");
        }
    }

    #[test]
    fn the_stream_is_closed_through_the_long_quiet_part_of_a_hold() {
        let run = simulate(&holds(5));
        let total = MS(100_000 + 10_000);
        let share = run.open_total.as_secs_f64() / total.as_secs_f64();
        // Open 3 s before the countdown to 0.3 s after the hold starts: 6.3 s in 20.
        assert!(share < 0.35, "open {:.0} % of the time", share * 100.0);
        assert_eq!(run.opens, 6, "at the first cue, then once per countdown");
        assert!(run.steps < 200, "{} decisions", run.steps);
    }

    #[test]
    fn cues_a_second_apart_keep_the_stream_open() {
        let run = simulate(&[0, 1_000, 2_000, 3_000]);
        assert_eq!(run.opens, 1);
    }

    #[test]
    fn a_paused_session_closes_the_stream_and_a_stale_cue_opens_nothing() {
        let t0 = Instant::now();
        let open = State::Open { until: t0 };
        let (action, wake) = decide(open, t0, None, LEAD);
        assert_eq!((action, wake), (Action::Close, None));
        let long_ago = t0;
        let now = t0 + MS(5_000);
        assert_eq!(decide(open, now, Some(long_ago), LEAD).0, Action::Close);
        assert_eq!(
            decide(State::Closed, now, Some(long_ago), LEAD),
            (Action::Nothing, None)
        );
    }

    #[test]
    fn a_cue_on_a_stream_just_opened_plays_until_the_stream_has_surely_started() {
        let t0 = Instant::now();
        let (cue, tail) = (MS(300), MS(150));
        // Opened on the spot for a cue nobody foresaw: kept running until it must be heard.
        assert_eq!(playing_until(t0, cue, tail, t0, LEAD), t0 + LEAD);
        // Opened 3 s or more before: just the cue and its tail.
        let now = t0 + MS(5_000);
        assert_eq!(playing_until(now, cue, tail, t0, LEAD), now + MS(450));
    }

    #[test]
    fn the_stream_keeps_running_while_a_cue_is_near_and_closes_when_none_is() {
        let t0 = Instant::now();
        let played = State::Open { until: t0 };
        let now = t0 + MS(1);
        assert_eq!(
            decide(played, now, Some(t0 + MS(1_000)), LEAD).0,
            Action::Nothing,
            "the next tick is a second away: keep running"
        );
        assert_eq!(
            decide(played, now, Some(t0 + MS(10_000)), LEAD),
            (Action::Close, Some(t0 + MS(7_000))),
            "the next cue is far: close, and open 3 s before it"
        );
        assert_eq!(decide(played, now, None, LEAD), (Action::Close, None));
        assert_eq!(
            decide(
                State::Open {
                    until: now + MS(200)
                },
                now,
                None,
                LEAD
            ),
            (Action::Nothing, Some(now + MS(200))),
            "a cue still playing is never cut"
        );
    }
}
