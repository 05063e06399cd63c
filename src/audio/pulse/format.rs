//! The stream's format, the default sink's own, and a sound rendered in it: samples in every
//! channel but the subwoofer, then `SILENCE`.

use std::time::Duration;

use pulseaudio::protocol::{ChannelMap, ChannelPosition, SampleFormat, SampleSpec};

use super::SILENCE;

/// A sample as the stream carries it (little-endian, as the server's own formats on the
/// machines supple runs on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    I16,
    I32,
    F32,
}

/// The stream's layout: the default sink's rate and channels, and its sample format where it
/// is one of `Sample` (else 16 bits, which the server converts at little cost).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    pub rate: u32,
    pub channels: u8,
    pub sample: Sample,
    /// Channels left silent, one bit each: the subwoofer.
    pub quiet: u32,
}

impl Format {
    /// The stream's format for a sink of `spec` with channels `map`; `None` for a sink with
    /// no rate or no channels.
    pub fn of(spec: SampleSpec, map: &ChannelMap) -> Option<Format> {
        if spec.sample_rate == 0 || spec.channels == 0 || map.num_channels() != spec.channels {
            return None;
        }
        let sample = match spec.format {
            SampleFormat::Float32Le => Sample::F32,
            SampleFormat::S32Le | SampleFormat::S24In32Le => Sample::I32,
            _ => Sample::I16,
        };
        let quiet = map
            .into_iter()
            .enumerate()
            .filter(|(i, p)| *i < 32 && *p == ChannelPosition::Lfe)
            .fold(0, |bits, (i, _)| bits | 1 << i);
        Some(Format {
            rate: spec.sample_rate,
            channels: spec.channels,
            sample,
            quiet,
        })
    }

    pub(super) fn spec(&self) -> SampleSpec {
        SampleSpec {
            format: match self.sample {
                Sample::I16 => SampleFormat::S16Le,
                Sample::I32 => SampleFormat::S32Le,
                Sample::F32 => SampleFormat::Float32Le,
            },
            channels: self.channels,
            sample_rate: self.rate,
        }
    }

    fn sample_bytes(&self) -> usize {
        match self.sample {
            Sample::I16 => 2,
            Sample::I32 | Sample::F32 => 4,
        }
    }

    /// The bytes of one frame (a sample in every channel).
    pub fn frame_bytes(&self) -> usize {
        self.sample_bytes() * usize::from(self.channels)
    }

    /// How long `bytes` of this format play.
    pub fn duration(&self, bytes: usize) -> Duration {
        let frames = bytes / self.frame_bytes().max(1);
        Duration::from_secs_f64(frames as f64 / f64::from(self.rate))
    }

    /// `mono` (samples at this rate) times `gain` in every channel but the quiet ones, then
    /// `SILENCE`, as the stream's bytes, in place of what `bytes` held.
    pub fn render(&self, mono: &[f32], gain: f32, bytes: &mut Vec<u8>) {
        let silence = (u128::from(self.rate) * SILENCE.as_millis() / 1000) as usize;
        let frames = mono.len() + silence;
        bytes.clear();
        bytes.reserve(frames * self.frame_bytes());
        let mono = mono
            .iter()
            .map(|s| (s * gain).clamp(-1.0, 1.0))
            .chain(std::iter::repeat_n(0.0, silence));
        for s in mono {
            for channel in 0..self.channels {
                let s = if self.quiet & 1 << channel != 0 {
                    0.0
                } else {
                    s
                };
                match self.sample {
                    Sample::I16 => {
                        bytes.extend_from_slice(&((s * 32767.0).round() as i16).to_le_bytes())
                    }
                    Sample::I32 => bytes.extend_from_slice(
                        &((f64::from(s) * 2_147_483_647.0).round() as i32).to_le_bytes(),
                    ),
                    Sample::F32 => bytes.extend_from_slice(&s.to_le_bytes()),
                }
            }
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sample = match self.sample {
            Sample::I16 => "s16le",
            Sample::I32 => "s32le",
            Sample::F32 => "float32le",
        };
        write!(f, "{sample} {}ch {} Hz", self.channels, self.rate)
    }
}
