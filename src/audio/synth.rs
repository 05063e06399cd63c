//! The cue set, defined in one place, and the synthesis of each cue into samples.
//!
//! Cues are told apart by pitch and pattern: a rising pair starts, a falling pair ends, a
//! double beep switches legs, a short high tick counts down, a low tone rests, a rising run
//! of four completes. Every tone fades in and out over a few milliseconds, so none clicks.

use super::Cue;

/// One tone of a cue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tone {
    pub hz: f32,
    pub ms: u32,
}

/// A cue's sound: its tones in order, with silence between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CueSound {
    pub tones: &'static [Tone],
    pub gap_ms: u32,
}

const fn t(hz: f32, ms: u32) -> Tone {
    Tone { hz, ms }
}

// The cue set. Pitches are notes of C major (C5 523 Hz, E5 659, G5 784, A5 880, B5 988,
// C6 1047); lengths in milliseconds.
/// A single mid tone: "get into position".
const GET_READY: &[Tone] = &[t(659.0, 200)];
/// A low rising pair: "move".
const PHASE_START: &[Tone] = &[t(523.0, 130), t(784.0, 130)];
/// A high rising pair: "hold now".
const HOLD_START: &[Tone] = &[t(659.0, 150), t(988.0, 150)];
/// A short high tick: 3, 2, 1.
const TICK: &[Tone] = &[t(1047.0, 70)];
/// A falling pair: "release".
const HOLD_END: &[Tone] = &[t(988.0, 150), t(659.0, 150)];
/// A double beep on one pitch: "other leg".
const SWITCH_LEG: &[Tone] = &[t(784.0, 110), t(784.0, 110)];
/// One long low tone: "rest".
const REST: &[Tone] = &[t(440.0, 300)];
/// A rising run of four: "done".
const COMPLETE: &[Tone] = &[t(523.0, 140), t(659.0, 140), t(784.0, 140), t(1047.0, 260)];

/// A cue's tones and the silence between them.
pub fn sound(cue: Cue) -> CueSound {
    let (tones, gap_ms) = match cue {
        Cue::GetReady => (GET_READY, 0),
        Cue::PhaseStart => (PHASE_START, 50),
        Cue::HoldStart => (HOLD_START, 50),
        Cue::Tick => (TICK, 0),
        Cue::HoldEnd => (HOLD_END, 50),
        Cue::SwitchLeg => (SWITCH_LEG, 90),
        Cue::Rest => (REST, 0),
        Cue::Complete => (COMPLETE, 30),
    };
    CueSound { tones, gap_ms }
}

/// Every cue, for tests and for `supple sound-test`.
pub const ALL: [Cue; 8] = [
    Cue::GetReady,
    Cue::PhaseStart,
    Cue::HoldStart,
    Cue::Tick,
    Cue::HoldEnd,
    Cue::SwitchLeg,
    Cue::Rest,
    Cue::Complete,
];

/// The sample rate cues are made at (the mixer converts to the device's own).
pub const SAMPLE_RATE: u32 = 48_000;
/// Peak level of a tone, out of 1.0: loud enough to hear across a room, with headroom for
/// two cues that overlap.
pub const LEVEL: f32 = 0.45;
/// Length of the fade at each end of every tone.
pub const RAMP_MS: u32 = 8;

fn samples_for(ms: u32, rate: u32) -> usize {
    (u64::from(ms) * u64::from(rate) / 1000) as usize
}

/// The cue as mono samples at `rate`, starting and ending at silence.
pub fn synthesize(cue: Cue, rate: u32) -> Vec<f32> {
    let sound = sound(cue);
    let ramp = samples_for(RAMP_MS, rate).max(1) as f32;
    let mut out = Vec::new();
    for (i, tone) in sound.tones.iter().enumerate() {
        if i > 0 {
            out.resize(out.len() + samples_for(sound.gap_ms, rate), 0.0);
        }
        let n = samples_for(tone.ms, rate);
        let step = std::f32::consts::TAU * tone.hz / rate as f32;
        out.extend((0..n).map(|k| {
            let from_edge = k.min(n - 1 - k) as f32;
            // Raised-cosine ramps: smooth at both ends, so the tone never clicks.
            let env = if from_edge < ramp {
                0.5 - 0.5 * (std::f32::consts::PI * from_edge / ramp).cos()
            } else {
                1.0
            };
            LEVEL * env * (step * k as f32).sin()
        }));
    }
    out
}

/// How long a cue lasts.
pub fn duration_ms(cue: Cue) -> u32 {
    let sound = sound(cue);
    let tones: u32 = sound.tones.iter().map(|t| t.ms).sum();
    tones + sound.gap_ms * (sound.tones.len() as u32).saturating_sub(1)
}
