//! The real sound path: `supple sound-test` plays every cue and a spoken line through rodio,
//! cpal and ALSA into ALSA's `file` plugin (a generated .asoundrc in a temporary HOME), and the
//! captured WAV holds every tone of every cue at its pitch, then speech. Needs only the ALSA
//! runtime (libasound.so.2).
#![cfg(feature = "sound")]

use std::path::Path;

use crate::common::{pitch, sounding_runs};
use supple::audio::synth::{self, ALL};

/// Reads a 16-bit PCM WAV: its sample rate, channel count and samples (interleaved).
fn read_wav(path: &Path) -> (u32, u16, Vec<i16>) {
    let bytes = std::fs::read(path).expect("captured wav");
    assert_eq!(&bytes[0..4], b"RIFF");
    let mut at = 12;
    let (mut rate, mut channels, mut data) = (0, 0, Vec::new());
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().expect("len")) as usize;
        let body = &bytes[at + 8..(at + 8 + len).min(bytes.len())];
        if id == b"fmt " {
            channels = u16::from_le_bytes([body[2], body[3]]);
            rate = u32::from_le_bytes(body[4..8].try_into().expect("rate"));
            assert_eq!(
                u16::from_le_bytes([body[14], body[15]]),
                16,
                "16-bit samples"
            );
        } else if id == b"data" {
            data = body
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]]))
                .collect();
        }
        at += 8 + len + (len & 1);
    }
    (rate, channels, data)
}

#[test]
fn every_cue_reaches_the_device_with_its_tones() {
    let home = tempfile::tempdir().expect("tempdir");
    let wav = home.path().join("out.wav");
    std::fs::write(
        home.path().join(".asoundrc"),
        format!(
            "pcm.!default {{ type plug; slave {{ pcm \"cap\"; format S16_LE; rate 48000; channels 2 }} }}\n\
             pcm.cap {{ type file; slave.pcm \"null\"; file \"{}\"; format \"wav\" }}\n",
            wav.display()
        ),
    )
    .expect("asoundrc");
    // No PulseAudio server may be found (no PULSE_SERVER, a runtime folder without one), or
    // cpal would prefer it over ALSA's file plugin.
    let output = crate::common::supple_std(home.path())
        .arg("sound-test")
        .env("XDG_RUNTIME_DIR", home.path())
        .output()
        .expect("run supple");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("switch legs: a double beep"), "{stdout}");
    assert!(
        output.stderr.is_empty(),
        "nothing on stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );

    let (rate, channels, samples) = read_wav(&wav);
    assert_eq!((rate, channels), (48_000, 2));
    let left: Vec<f32> = samples
        .iter()
        .step_by(2)
        .map(|s| f32::from(*s) / 32768.0)
        .collect();

    let runs = sounding_runs(&left, 0.002);
    let expected: Vec<f32> = ALL
        .iter()
        .flat_map(|c| synth::sound(*c).tones.iter().map(|t| t.hz))
        .collect();
    assert!(
        runs.len() > expected.len(),
        "one beep per tone of every cue, then the voice: {} runs",
        runs.len()
    );
    let (beeps, words) = runs.split_at(expected.len());
    // The voice: about two and a half seconds of sound that is not one tone (its rate of
    // zero crossings, the rough pitch, keeps changing, where a beep's stays put).
    let (w0, w1) = (words[0].0, words[words.len() - 1].1);
    let seconds = (w1 - w0) as f32 / rate as f32;
    assert!((1.5..5.0).contains(&seconds), "the line lasts {seconds} s");
    let windows: Vec<f32> = left[w0..w1]
        .chunks(rate as usize / 50)
        .filter(|w| w.iter().any(|s| s.abs() > 0.01))
        .map(|w| pitch(w, rate))
        .collect();
    let mean = windows.iter().sum::<f32>() / windows.len() as f32;
    let spread =
        (windows.iter().map(|p| (p - mean).powi(2)).sum::<f32>() / windows.len() as f32).sqrt();
    assert!(
        spread / mean > 0.3,
        "speech, not a tone: {spread} around {mean} Hz"
    );
    assert!(
        stdout.contains("Anchor stretch. Left leg up. Twenty seconds."),
        "{stdout}"
    );
    for ((s0, s1), hz) in beeps.iter().zip(&expected) {
        let part = &left[*s0..*s1];
        let measured = pitch(part, rate);
        assert!(
            (measured - hz).abs() < hz * 0.05,
            "{measured} Hz where {hz} Hz was played"
        );
    }
}
