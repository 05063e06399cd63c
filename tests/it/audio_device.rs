//! The real sound paths, through the binary. ALSA: `supple sound-test` plays every cue and a
//! spoken line through rodio, cpal and ALSA into ALSA's `file` plugin (a generated .asoundrc in
//! a temporary HOME), and the captured WAV holds every tone of every cue at its pitch, then
//! speech; that needs only the ALSA runtime (libasound.so.2). The sound server's protocol: a
//! session against a PulseAudio server of the test's own, recorded from its null sink's
//! monitor; that needs PulseAudio (`pulseaudio`), which CI installs, and is skipped with a
//! word where it is missing. And the order in which the ways are tried, with the reason for
//! each in supple.log.
#![cfg(feature = "sound")]

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{pitch, sounding_runs};
use supple::audio::pulse::finish;
use supple::audio::synth::{self, ALL};
use supple::audio::{Cue, voice};

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
    let _alone = one_at_a_time();
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
    // No server here: ALSA, and the log says why.
    let log = std::fs::read_to_string(home.path().join("data/supple/supple.log")).expect("log");
    let socket = home.path().join("pulse/native");
    assert!(
        log.contains(&format!(
            "supple: audio: ALSA: its default device (the sound server's native protocol: \
             no sound server at {})",
            socket.display()
        )),
        "{log}"
    );
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

/// No sound server and no ALSA device: no sound, with the reason for each way in the log; with
/// `--bell`, the session rings the terminal bell where a cue or line would have sounded.
#[test]
fn without_a_server_or_a_device_there_is_no_sound_and_the_log_says_why() {
    let _alone = one_at_a_time();
    let home = tempfile::tempdir().expect("tempdir");
    // A default device that is not there, whatever this machine has.
    std::fs::write(
        home.path().join(".asoundrc"),
        "pcm.!default { type hw; card 99 }\n",
    )
    .expect("asoundrc");
    let supple = |args: &[&str]| {
        let mut cmd = crate::common::supple_std(home.path());
        cmd.args(args).env("XDG_RUNTIME_DIR", home.path());
        cmd
    };
    let log = || std::fs::read_to_string(home.path().join("data/supple/supple.log")).expect("log");
    let output = supple(&["sound-test"]).output().expect("run supple");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(
        stdout.starts_with("No sound: no audio device. Sessions run silently; --bell rings"),
        "{stdout}"
    );
    let reasons = format!(
        "supple: no audio: the sound server's native protocol: no sound server at {}; ALSA: ",
        home.path().join("pulse/native").display()
    );
    assert!(log().contains(&reasons), "{}", log());

    // SUPPLE_AUDIO_HOST takes one way only, and says so.
    let output = supple(&["sound-test"])
        .env("SUPPLE_AUDIO_HOST", "pulseaudio")
        .output()
        .expect("run supple");
    assert!(!output.status.success());
    assert!(
        log().contains("supple: no audio: the sound server's native protocol: no sound server at "),
        "{}",
        log()
    );
    assert!(
        !log().contains("ALSA: "),
        "ALSA was not asked for: {}",
        log()
    );

    // The bell stands in, also for the moments a voice would have said.
    std::fs::create_dir_all(home.path().join("data/supple")).expect("data");
    std::fs::write(home.path().join("data/supple/safety-note-read"), "").expect("note");
    let routine = home.path().join("short.json");
    std::fs::write(&routine, SHORT).expect("routine");
    let output = supple(&["run", "--plain", "--bell", &routine.to_string_lossy()])
        .stdin(Stdio::null())
        .output()
        .expect("run supple");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let rings = stdout.matches('\x07').count();
    // The first line comes while the way to the sound is still being looked for: the steps
    // after it (the hold, the end) ring.
    assert!(rings >= 2, "{rings} rings: {stdout:?}");
}

/// Two short holds: said, cut short, ticked and ended within 10 s.
const SHORT: &str = r#"{ "name": "short", "title": "Short",
  "defaults": { "lead_in_seconds": 1, "rest_seconds": 0 },
  "steps": [ { "exercise": "seated-stretch", "seconds": 1, "reps": 1 } ] }"#;

/// A session whose lines cut each other short: the 1 s hold's line ("Seated stretch. Both legs.
/// One second.") is cut by the rest's ("Rest."), which ends long before the rest's ticks; the
/// second hold's line is cut by "Session complete.", the last sound of all.
const CUT: &str = r#"{ "name": "cut", "title": "Cut short",
  "defaults": { "lead_in_seconds": 4, "rest_seconds": 4 },
  "steps": [ { "exercise": "seated-stretch", "seconds": 1, "reps": 2 } ] }"#;

/// A PulseAudio server of the test's own with a 48 kHz null sink, stopped when dropped.
struct PulseServer {
    dir: tempfile::TempDir,
    child: Child,
}

impl PulseServer {
    /// `None`, with a word, where PulseAudio is not installed; in CI (which installs it) that
    /// fails the test instead.
    fn start() -> Option<PulseServer> {
        let dir = tempfile::tempdir().expect("tempdir");
        for sub in ["home", "run"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("dir");
        }
        let started = Command::new("pulseaudio")
            .args([
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "--load=module-null-sink sink_name=null rate=48000",
                "--load=module-native-protocol-unix",
            ])
            .env("HOME", dir.path().join("home"))
            .env("XDG_RUNTIME_DIR", dir.path().join("run"))
            .env_remove("PULSE_SERVER")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let child = match started {
            Ok(child) => child,
            Err(e) => {
                crate::common::goes_without(
                    "pulseaudio",
                    &format!(
                        "a PulseAudio server to play a session into ({e}); .ci/run installs it"
                    ),
                );
                return None;
            }
        };
        let server = PulseServer { dir, child };
        let start = Instant::now();
        while !server.socket().exists() || !server.cookie().exists() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "PulseAudio did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(server)
    }

    fn socket(&self) -> PathBuf {
        self.dir.path().join("run/pulse/native")
    }

    fn cookie(&self) -> PathBuf {
        self.dir.path().join("home/.config/pulse/cookie")
    }
}

impl Drop for PulseServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const RATE: u32 = 48_000;

/// The tests here each run supple with sound and some time it: one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A piece of a recording and the moment it arrived.
type Piece = (Instant, Vec<u8>);

/// What the null sink's monitor heard, in the pieces it arrived in.
#[derive(Clone, Default)]
struct Heard(Arc<Mutex<Vec<Piece>>>);

impl Heard {
    /// The samples (mono, -1 to 1) and, for each, the moment it was played.
    fn samples(&self) -> (Vec<f32>, Vec<Instant>) {
        let pieces = self.0.lock().expect("heard");
        let (mut samples, mut times) = (Vec::new(), Vec::new());
        let step = Duration::from_secs_f64(1.0 / f64::from(RATE));
        for (arrived, bytes) in pieces.iter() {
            let n = bytes.len() / 2;
            for (i, b) in bytes.chunks_exact(2).enumerate() {
                samples.push(f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0);
                // Pieces that come in a burst would overlap: time only goes forward.
                let at = *arrived - step * u32::try_from(n - i).unwrap_or(u32::MAX);
                let after = times.last().map_or(at, |last: &Instant| *last + step);
                times.push(at.max(after));
            }
        }
        (samples, times)
    }
}

/// Records the server's null sink's monitor (mono, 16 bits, 48 kHz, in 5 ms pieces) until the
/// returned stream is dropped.
fn record(server: &PulseServer, heard: &Heard) -> pulseaudio::RecordStream {
    use pulseaudio::protocol;
    let socket = std::os::unix::net::UnixStream::connect(server.socket()).expect("connect");
    let cookie = std::fs::read(server.cookie()).expect("cookie");
    let client =
        pulseaudio::Client::new_unix(c"supple-test", socket, Some(cookie)).expect("client");
    let params = protocol::RecordStreamParams {
        sample_spec: protocol::SampleSpec {
            format: protocol::SampleFormat::S16Le,
            channels: 1,
            sample_rate: RATE,
        },
        channel_map: protocol::ChannelMap::mono(),
        source_name: Some(c"null.monitor".into()),
        buffer_attr: protocol::stream::BufferAttr {
            fragment_size: RATE / 200 * 2,
            ..Default::default()
        },
        flags: protocol::stream::StreamFlags {
            adjust_latency: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let into = heard.clone();
    let sink = move |bytes: &[u8]| {
        if let Ok(mut pieces) = into.0.lock() {
            pieces.push((Instant::now(), bytes.to_vec()));
        }
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    finish(client.create_record_stream(params, sink), deadline)
        .expect("in time")
        .expect("record stream")
}

/// A line's length, from its clips.
fn length_of(line: &voice::Line) -> Duration {
    line.iter()
        .map(|key| {
            let bytes = voice::clip(key).expect("clip");
            let decoder = rodio::Decoder::new_vorbis(std::io::Cursor::new(bytes)).expect("ogg");
            let rate = f64::from(rodio::Source::sample_rate(&decoder).get());
            Duration::from_secs_f64(decoder.count() as f64 / rate)
        })
        .sum()
}

/// A session through the sound server's protocol into a PulseAudio null sink: each line and
/// tick is heard when plain mode says its moment has come, whole (a tick as long as a tick, a
/// line as long as its clips) or cut short by the next line, in order, a tick that would fall
/// on words is left out, and after the last word nothing at all is heard, no click either.
#[test]
fn a_session_is_heard_on_a_sound_server_on_time_whole_cut_short_and_then_silent() {
    let _alone = one_at_a_time();
    let Some(server) = PulseServer::start() else {
        return;
    };
    let heard = Heard::default();
    let recording = record(&server, &heard);
    // A new record stream on a null sink needs a moment before its timing is steady.
    std::thread::sleep(Duration::from_millis(1500));

    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(home.path().join("data/supple")).expect("data");
    std::fs::write(home.path().join("data/supple/safety-note-read"), "").expect("note");
    let routine = home.path().join("cut.json");
    std::fs::write(&routine, CUT).expect("routine");
    let mut child = crate::common::supple_std(home.path())
        .args(["run", "--plain"])
        .arg(&routine)
        .env("HOME", server.dir.path().join("home"))
        .env("XDG_RUNTIME_DIR", server.dir.path().join("run"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run supple");
    // Plain mode prints a line the moment a step starts or a tick is due.
    let mut said = Vec::new();
    for line in std::io::BufReader::new(child.stdout.take().expect("stdout")).lines() {
        said.push((Instant::now(), line.expect("a line")));
    }
    assert!(child.wait().expect("supple").success());
    std::thread::sleep(Duration::from_secs(1));
    drop(recording);
    let log = std::fs::read_to_string(home.path().join("data/supple/supple.log")).expect("log");
    assert!(
        log.starts_with("supple: audio: the sound server's native protocol: pulseaudio ")
            && log.contains(&format!(
                "at {}; s16le 2ch 48000 Hz, the default sink's",
                server.socket().display()
            )),
        "{log}"
    );

    // What should be heard: each moment's line, cut short by the next; a tick where no words
    // are being said.
    let plan = crate::common::plan_from(CUT);
    let moments: Vec<(Instant, Result<voice::Line, Cue>)> = said
        .iter()
        .filter_map(|(at, text)| {
            let what = match text.as_str() {
                "3" | "2" | "1" => Err(Cue::Tick),
                t if t.starts_with("Get ready") => Ok(voice::step_line(&plan, 0)),
                t if t.starts_with("Hold:") && t.contains("rep 1") => {
                    Ok(voice::step_line(&plan, 1))
                }
                t if t.starts_with("Rest") => Ok(voice::step_line(&plan, 2)),
                t if t.starts_with("Hold:") => Ok(voice::step_line(&plan, 3)),
                t if t.starts_with("Session complete") => Ok(voice::complete()),
                _ => return None,
            };
            Some((*at, what))
        })
        .collect();
    assert_eq!(moments.len(), 11, "every step and tick printed: {said:#?}");
    let lines: Vec<(Instant, Duration)> = moments
        .iter()
        .filter_map(|(at, what)| what.as_ref().ok().map(|line| (*at, length_of(line))))
        .collect();
    let mut expected: Vec<(Instant, Instant, &str)> = Vec::new();
    for (i, (at, length)) in lines.iter().enumerate() {
        let cut = lines.get(i + 1).map(|(next, _)| *next);
        let ends = (*at + *length).min(cut.unwrap_or(*at + *length));
        expected.push((*at, ends, "words"));
    }
    // The hold's line must outlast the rest's start and words by a margin, or a cut could not
    // be told from a line that went on.
    let (hold, rest) = (lines[1], lines[2]);
    assert!(
        hold.0 + hold.1 > rest.0 + rest.1 + Duration::from_millis(900),
        "the clips changed: this test needs a hold line longer than 1 s + \"Rest.\" + 0.9 s"
    );
    let tick = Duration::from_millis(u64::from(synth::duration_ms(Cue::Tick)));
    for (at, what) in &moments {
        let on_words = expected.iter().any(|(s, e, _)| s <= at && at < e);
        if what.is_err() && !on_words {
            expected.push((*at, *at + tick, "tick"));
        }
    }
    expected.sort_by_key(|(at, _, _)| *at);
    // Sounds less than 250 ms apart are one (the gaps between a line's words).
    let join = |spans: Vec<(Instant, Instant, &'static str)>| {
        let mut joined: Vec<(Instant, Instant, &str)> = Vec::new();
        for (s, e, what) in spans {
            match joined.last_mut() {
                Some(last) if s < last.1 + Duration::from_millis(250) => last.1 = last.1.max(e),
                _ => joined.push((s, e, what)),
            }
        }
        joined
    };
    let expected = join(expected);

    let (samples, times) = heard.samples();

    let runs = sounding_runs(&samples, 0.002);
    let sounds = join(
        runs.iter()
            .map(|&(a, b)| (times[a], times[b.saturating_sub(1).max(a)], "heard"))
            .collect(),
    );
    // The first run of each sound.
    let first_runs: Vec<(usize, usize)> = sounds
        .iter()
        .filter_map(|(s, _, _)| runs.iter().copied().find(|(a, _)| times[*a] == *s))
        .collect();
    let ms = |d: f64| format!("{:.0} ms", d * 1000.0);
    let t0 = moments[0].0;
    let show = |spans: &[(Instant, Instant, &str)]| {
        spans
            .iter()
            .map(|(s, e, what)| {
                format!(
                    "{what} {}..{}",
                    ms(s.duration_since(t0).as_secs_f64()),
                    ms(e.duration_since(t0).as_secs_f64())
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        sounds.len(),
        expected.len(),
        "heard {:?}\nexpected {:?}",
        show(&sounds),
        show(&expected)
    );
    // How late a sound may be heard: the goals (30 ms foreseen, 60 ms not) are measured on a
    // release build by scripts/sound-latency.sh. Here, on a busy test machine and in a debug
    // build, late means what went wrong before: seconds, a stream waiting for the sink's
    // wake-up or a line queued behind another.
    let (first, later) = match cfg!(debug_assertions) {
        true => (1.0, 0.6),
        false => (0.25, 0.15),
    };
    for (i, ((s, e, _), (xs, xe, what))) in sounds.iter().zip(&expected).enumerate() {
        let late = s.duration_since(*xs).as_secs_f64() - xs.duration_since(*s).as_secs_f64();
        let allowed = if i == 0 { first } else { later };
        assert!(
            (-0.03..allowed).contains(&late),
            "{what} at {} heard {} late: heard {:?}",
            ms(xs.duration_since(t0).as_secs_f64()),
            ms(late),
            show(&sounds)
        );
        // Whole, or cut short where the next line began: it ends when it should, as late as
        // it may begin, give or take 150 ms. (A line not cut short would go on 0.9 s or more.)
        let late_end = e.duration_since(*xe).as_secs_f64() - xe.duration_since(*e).as_secs_f64();
        assert!(
            (-0.15..later + 0.15).contains(&late_end),
            "{what} at {} ends {} late: heard {:?}, expected {:?}",
            ms(xs.duration_since(t0).as_secs_f64()),
            ms(late_end),
            show(&sounds),
            show(&expected)
        );
    }
    // The ticks are ticks: one run of samples, a tone at their pitch.
    for ((a, b), (_, _, what)) in first_runs.iter().zip(&expected) {
        if *what == "tick" {
            let hz = pitch(&samples[*a..*b], RATE);
            assert!((hz - 1047.0).abs() < 60.0, "a tick at {hz} Hz");
        }
    }
    // After the last word, nothing: the recording went on for a second.
    let last = sounds.last().expect("sounds").1;
    assert!(
        times.last().expect("recorded") > &(last + Duration::from_millis(800)),
        "recorded past the end"
    );
}
