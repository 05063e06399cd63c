//! Standard output that cannot be written, for every command that prints: a full disk
//! (`/dev/full`) is said in one line and exits 1; a reader that has gone (a closed pipe, as
//! `| head -1` leaves it) ends the command quietly, with 0; never a panic. And the record
//! printed after a session, the one write a command lets pass, is no exception.

use std::fs::File;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::common::{goes_without, supple_std};

const HISTORY: &str = include_str!("../status/history.json");

/// One 1-second hold after a 1-second get-ready: a whole session in about 2 s.
const SHORT: &str = r#"{ "name": "short", "title": "Short",
  "defaults": { "lead_in_seconds": 1, "rest_seconds": 0 },
  "steps": [ { "exercise": "seated-stretch", "seconds": 1, "reps": 1 } ] }"#;

/// A home with a history (so that `history` and `status` have something to print), the
/// safety note read, and a short routine file, `short.json`.
fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data/supple");
    std::fs::create_dir_all(&data).expect("data");
    std::fs::create_dir_all(home.path().join("tmp")).expect("tmp");
    std::fs::write(data.join("history.json"), HISTORY).expect("history");
    std::fs::write(data.join("safety-note-read"), "").expect("note");
    std::fs::write(home.path().join("short.json"), SHORT).expect("routine");
    home
}

/// Every command that prints, with what it needs to print something.
fn printing_commands(home: &Path) -> Vec<Vec<String>> {
    let short = home.join("short.json").to_string_lossy().into_owned();
    let table: &[&[&str]] = &[
        &["plan"],
        &["plan", "--why"],
        &["list"],
        &["history", "--json"],
        &["history", "--csv"],
        &["history", "--csv", "--tests"],
        &["history", "--plain"],
        &["status"],
        &["status", "--short"],
        &["status", "--json"],
        &["status", "--waybar"],
        &["man"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["config"],
        &["show", "seated-stretch"],
        &["figure", "seated-stretch", "--svg"],
        &["check", &short],
        &["test", "--record", "aket", "--left", "28", "--right", "35"],
        &["sound-test"],
        &["remind"],
        &["run", "--plain", "--no-sound", &short],
        &["--help"],
        &["plan", "--help"],
        &["--version"],
    ];
    table
        .iter()
        .map(|args| args.iter().map(|a| a.to_string()).collect())
        .collect()
}

/// `supple ARGS` in `home`, on a fixed day, with no sound server to find (only the one under
/// the test's own runtime folder, where there is none) and reminders kept by cron (no
/// `systemctl`); standard input empty.
fn command(home: &Path, args: &[String]) -> Command {
    let mut cmd = supple_std(home);
    cmd.env("SUPPLE_TODAY", "2026-11-27")
        .env("SUPPLE_AUDIO_HOST", "pulseaudio")
        .env("SUPPLE_REMIND_SYSTEMD", "0")
        .args(args)
        .stdin(Stdio::null());
    cmd
}

/// Runs `cmd` with `stdout`, and its standard error to a file: how it ended and what it said
/// there. Killed after 30 s: a test must fail, not hang.
fn run(mut cmd: Command, stdout: impl Into<Stdio>, home: &Path) -> (ExitStatus, String) {
    let said = tempfile::NamedTempFile::new_in(home.join("tmp")).expect("stderr file");
    cmd.stdout(stdout)
        .stderr(said.reopen().expect("reopen stderr file"));
    let mut child = cmd.spawn().expect("start supple");
    drop(cmd);
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("supple did not end within 30 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stderr = std::fs::read_to_string(said.path()).expect("read stderr");
    (status, stderr)
}

/// Standard output with no reader: the read end of a pipe closed before the command starts,
/// so that its first write fails with EPIPE (Rust ignores SIGPIPE, so no signal ends it).
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    writer
}

#[test]
fn every_printing_command_to_a_full_disk_exits_1_with_one_line_and_no_panic() {
    if !Path::new("/dev/full").exists() {
        goes_without("/dev/full", "it stands for a full disk");
        return;
    }
    let home = home();
    let mut wrong = Vec::new();
    for args in printing_commands(home.path()) {
        let full = File::options()
            .write(true)
            .open("/dev/full")
            .expect("open /dev/full");
        let (status, stderr) = run(command(home.path(), &args), full, home.path());
        let one_line = stderr.ends_with('\n') && stderr.lines().count() == 1;
        if status.code() != Some(1)
            || !one_line
            || !stderr.starts_with("supple: cannot write the output: No space left on device")
            || stderr.contains("panicked")
        {
            wrong.push(format!(
                "supple {}: {status}, said {stderr:?}",
                args.join(" ")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "to a full disk, each should exit 1 and say in one line that it cannot write the \
         output:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_printing_command_to_a_closed_pipe_exits_quietly() {
    let home = home();
    let mut wrong = Vec::new();
    for args in printing_commands(home.path()) {
        // Each prints something where there is a reader: with none, it does write, and fails.
        let printed = command(home.path(), &args)
            .stderr(Stdio::null())
            .output()
            .expect("run supple");
        assert!(
            !printed.stdout.is_empty(),
            "supple {} prints nothing, so it tests nothing here",
            args.join(" ")
        );
        let (status, stderr) = run(command(home.path(), &args), closed_pipe(), home.path());
        if status.code() != Some(0) || !stderr.is_empty() {
            wrong.push(format!(
                "supple {}: {status}, said {stderr:?}",
                args.join(" ")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "to a closed pipe, each should end with 0 and say nothing:\n{}",
        wrong.join("\n")
    );
}

/// A session whose output can be written until its last lines, the record: the session is
/// kept, and that the record could not be printed is said, not passed over. The output is a
/// file that may grow only to where the record begins (RLIMIT_FSIZE, with SIGXFSZ ignored so
/// that the write fails with EFBIG instead of ending the process).
#[test]
fn a_record_after_a_session_that_cannot_be_written_is_said_and_the_session_kept() {
    use std::os::unix::process::CommandExt;
    let home = home();
    let short = home
        .path()
        .join("short.json")
        .to_string_lossy()
        .into_owned();
    let args = ["run", "--plain", "--no-sound", &short].map(String::from);
    let sessions = || {
        let text =
            std::fs::read_to_string(home.path().join("data/supple/history.json")).expect("history");
        let history: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        history["sessions"].as_array().expect("sessions").len()
    };

    // Where the record begins, from a session that prints it all.
    let whole = command(home.path(), &args).output().expect("run supple");
    assert!(whole.status.success(), "{whole:?}");
    let whole = String::from_utf8(whole.stdout).expect("UTF-8");
    let end = "Session complete. Well done.\n";
    let record_at = whole.find(end).expect(&whole) + end.len();
    assert!(
        whole[record_at..].contains("session complete"),
        "a record follows: {whole}"
    );
    let before = sessions();

    // The output file may grow to 10 bytes into the record. The limit is on a file's size,
    // so the history (a few kilobytes, saved before the record) stays well under it.
    let output = home.path().join("output.txt");
    let limit = 1 << 20;
    std::fs::write(&output, vec![b'.'; limit - record_at - 10]).expect("prefill");
    let file = File::options()
        .append(true)
        .open(&output)
        .expect("open output");
    let mut cmd = command(home.path(), &args);
    let limit = limit as libc::rlim_t;
    // SAFETY: only async-signal-safe system calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if libc::signal(libc::SIGXFSZ, libc::SIG_IGN) == libc::SIG_ERR {
                return Err(std::io::Error::last_os_error());
            }
            let rlimit = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &rlimit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let (status, stderr) = run(cmd, file, home.path());
    let printed = std::fs::read_to_string(&output).expect("output");
    assert!(
        printed.ends_with(&whole[..record_at + 10]),
        "all but the record was printed: {printed:?}"
    );
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("supple: cannot write the output: File too large"),
        "{stderr}"
    );
    assert_eq!(sessions(), before + 1, "the session is kept all the same");
}
