//! The native path's own parts: finding the server, rendering a sound, a deadline kept.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use pulseaudio::protocol::{ChannelMap, ChannelPosition, SampleFormat, SampleSpec};

use super::{Format, Sample, Server, finish};

/// What `Server::find` finds in the environment `vars` with the files `files`, in a
/// temporary folder ($T in both), and that folder.
fn find_in(vars: &[(&str, &str)], files: &[&str]) -> (Result<Server, String>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    let at = |s: &str| s.replace("$T", &root.to_string_lossy());
    for file in files {
        let path = PathBuf::from(at(file));
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(&path, b"").expect("file");
    }
    let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), at(v))).collect();
    (Server::find(|name| vars.get(name).map(OsString::from)), dir)
}

#[test]
fn the_server_is_found_where_libpulse_looks() {
    let (found, t) = find_in(
        &[("XDG_RUNTIME_DIR", "$T/run"), ("HOME", "$T/home")],
        &["$T/run/pulse/native", "$T/home/.config/pulse/cookie"],
    );
    assert_eq!(
        found,
        Ok(Server {
            socket: t.path().join("run/pulse/native"),
            cookie: Some(t.path().join("home/.config/pulse/cookie")),
        })
    );
    // PULSE_SERVER comes first, with or without `unix:`, after a machine id or a remote one.
    for server in [
        "unix:$T/a/native",
        "$T/a/native",
        "{0123abcd}unix:$T/a/native",
        "tcp:elsewhere:4713 unix:$T/a/native",
    ] {
        let (found, t) = find_in(
            &[("PULSE_SERVER", server), ("XDG_RUNTIME_DIR", "$T/run")],
            &["$T/a/native", "$T/run/pulse/native"],
        );
        assert_eq!(
            found.map(|s| s.socket),
            Ok(t.path().join("a/native")),
            "{server}"
        );
    }
    // PULSE_COOKIE, then XDG_CONFIG_HOME, then ~/.config, then ~/.pulse-cookie.
    let (found, t) = find_in(
        &[("PULSE_RUNTIME_PATH", "$T/p"), ("HOME", "$T/home")],
        &["$T/p/native", "$T/home/.pulse-cookie"],
    );
    assert_eq!(
        found.map(|s| (s.socket, s.cookie)),
        Ok((
            t.path().join("p/native"),
            Some(t.path().join("home/.pulse-cookie"))
        ))
    );
    let (found, t) = find_in(
        &[
            ("XDG_RUNTIME_DIR", "$T/run"),
            ("HOME", "$T/home"),
            ("XDG_CONFIG_HOME", "$T/config"),
            ("PULSE_COOKIE", "$T/mine"),
        ],
        &["$T/run/pulse/native", "$T/config/pulse/cookie", "$T/mine"],
    );
    assert_eq!(found.map(|s| s.cookie), Ok(Some(t.path().join("mine"))));
}

#[test]
fn no_server_says_why() {
    let (found, _) = find_in(&[("XDG_RUNTIME_DIR", "$T/run")], &[]);
    let why = found.expect_err("no socket");
    assert!(
        why.starts_with("no sound server at ") && why.ends_with("run/pulse/native"),
        "{why}"
    );
    let (found, _) = find_in(&[], &[]);
    assert_eq!(
        found,
        Err("no sound server: XDG_RUNTIME_DIR is not set".into())
    );
    let (found, _) = find_in(
        &[
            ("PULSE_SERVER", "tcp:elsewhere:4713"),
            ("XDG_RUNTIME_DIR", "$T/run"),
        ],
        &["$T/run/pulse/native"],
    );
    assert_eq!(
        found,
        Err(
            "PULSE_SERVER=tcp:elsewhere:4713 names no local socket, the only kind supple speaks to"
                .into()
        )
    );
    // No cookie is no reason not to try (PipeWire asks for none).
    let (found, _) = find_in(&[("XDG_RUNTIME_DIR", "$T/run")], &["$T/run/pulse/native"]);
    assert_eq!(found.map(|s| s.cookie), Ok(None));
}

fn format(sample: Sample, channels: &[ChannelPosition]) -> Format {
    let map = ChannelMap::new(channels.iter().copied());
    let spec = SampleSpec {
        format: match sample {
            Sample::I16 => SampleFormat::S16Le,
            Sample::I32 => SampleFormat::S32Le,
            Sample::F32 => SampleFormat::Float32Le,
        },
        channels: channels.len() as u8,
        sample_rate: 48_000,
    };
    Format::of(spec, &map).expect("a format")
}

#[test]
fn a_sound_is_rendered_in_every_channel_but_the_subwoofer_then_silence() {
    use ChannelPosition::{FrontLeft, FrontRight, Lfe};
    let stereo = format(Sample::I16, &[FrontLeft, FrontRight]);
    let mut bytes = Vec::new();
    stereo.render(&[0.5, -1.0, 2.0], 0.5, &mut bytes);
    let samples: Vec<i16> = bytes
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect();
    // 3 frames of sound (clamped to full scale), then 200 ms of silence, in both channels.
    assert_eq!(samples.len(), (3 + 9_600) * 2);
    assert_eq!(&samples[..6], &[8192, 8192, -16384, -16384, 32767, 32767]);
    assert!(samples[6..].iter().all(|&s| s == 0));
    assert_eq!(
        stereo.duration(bytes.len()),
        Duration::from_nanos(200_062_500)
    );

    let surround = format(Sample::F32, &[FrontLeft, FrontRight, Lfe]);
    surround.render(&[0.25], 1.0, &mut bytes);
    let first: Vec<f32> = bytes[..12]
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    assert_eq!(first, [0.25, 0.25, 0.0]);

    let wide = format(Sample::I32, &[FrontLeft]);
    wide.render(&[-0.5], 1.0, &mut bytes);
    assert_eq!(
        i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]),
        -1_073_741_824
    );
}

#[test]
fn a_sink_in_another_format_gets_sixteen_bits_and_a_broken_one_none() {
    use ChannelPosition::{FrontLeft, FrontRight};
    let map = ChannelMap::new([FrontLeft, FrontRight]);
    let spec = |format, channels, sample_rate| SampleSpec {
        format,
        channels,
        sample_rate,
    };
    let packed = Format::of(spec(SampleFormat::S24Le, 2, 44_100), &map);
    assert_eq!(
        packed.map(|f| (f.sample, f.rate)),
        Some((Sample::I16, 44_100))
    );
    assert_eq!(Format::of(spec(SampleFormat::S16Le, 2, 0), &map), None);
    assert_eq!(Format::of(spec(SampleFormat::S16Le, 3, 48_000), &map), None);
    assert_eq!(
        Format::of(spec(SampleFormat::Float32Le, 2, 48_000), &map).map(|f| f.to_string()),
        Some("float32le 2ch 48000 Hz".into())
    );
}

#[test]
fn a_future_that_never_ends_is_given_up_at_its_deadline() {
    let start = Instant::now();
    let never = std::future::pending::<()>();
    assert_eq!(finish(never, start + Duration::from_millis(50)), None);
    assert!(start.elapsed() >= Duration::from_millis(50));
    assert_eq!(
        finish(async { 7 }, start),
        Some(7),
        "a ready one is done at once"
    );
}
