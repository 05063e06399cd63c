//! The real binary in a real terminal: tmux runs `supple` at 80x24, keys are typed with
//! send-keys and the screen is read with capture-pane. Needs tmux (.ci/run installs it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const ROUTINE: &str = r#"{
  "name": "e2e",
  "title": "End to end",
  "defaults": { "lead_in_seconds": 2, "transition_seconds": 2, "switch_seconds": 2 },
  "steps": [
    { "exercise": "lying-stretch", "seconds": 4 },
    { "exercise": "seated-stretch", "seconds": 3 }
  ]
}"#;

pub(crate) struct Tmux {
    socket: String,
    pub(crate) dir: tempfile::TempDir,
}

impl Tmux {
    pub(crate) fn start(name: &str) -> Tmux {
        let available = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            available,
            "tmux is needed for this test: apt-get install tmux"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let socket = format!("supple-{name}-{}", std::process::id());
        // The safety note before the first session has been read; one test reads it anew.
        supple::safety::mark_note_read(
            Some(&dir.path().join("data/supple")),
            jiff::civil::date(2026, 12, 4),
        )
        .expect("marker");
        Tmux { socket, dir }
    }

    fn routine(&self) -> PathBuf {
        let path = self.dir.path().join("e2e.json");
        std::fs::write(&path, ROUTINE).expect("write routine");
        path
    }

    pub(crate) fn tmux(&self, args: &[&str]) -> String {
        // -u: UTF-8 whatever the test's own locale says.
        let out = Command::new("tmux")
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub(crate) fn run(&self, args: &str) {
        self.run_with_env("", args);
    }

    pub(crate) fn command(&self, env: &str, args: &str) -> String {
        let bin = env!("CARGO_BIN_EXE_supple");
        let home = self.dir.path().display();
        format!(
            "env LANG=C.UTF-8 LC_ALL= LC_CTYPE= {env} HOME={home} XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data XDG_STATE_HOME={home}/state XDG_RUNTIME_DIR={home}/run TMPDIR={home}/tmp {bin} {args}; \
             echo EXITED=$?; sleep 120"
        )
    }

    /// Runs supple again in the same pane, replacing what ran there.
    pub(crate) fn rerun(&self, args: &str) {
        self.rerun_with_env("", args);
    }

    pub(crate) fn rerun_with_env(&self, env: &str, args: &str) {
        let command = self.command(env, args);
        self.tmux(&["respawn-pane", "-k", "-t", "main", &command]);
    }

    pub(crate) fn run_with_env(&self, env: &str, args: &str) {
        let command = self.command(env, args);
        self.tmux(&[
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            "main",
            &command,
        ]);
    }

    /// A pattern that matches the supple process running `routine`, and not the shell that
    /// started it.
    fn process_pattern(routine: &Path) -> String {
        format!(
            "^{} run {}",
            env!("CARGO_BIN_EXE_supple"),
            routine.display()
        )
    }

    pub(crate) fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// The screen once it shows `text` and has settled: the same in two captures 100 ms
    /// apart, so a frame caught half drawn (the text there, the rest of the frame not yet) is
    /// never what a test looks at.
    pub(crate) fn wait_for(&self, text: &str, within: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                std::thread::sleep(Duration::from_millis(100));
                let again = self.screen();
                if again == screen {
                    return screen;
                }
            }
            assert!(
                start.elapsed() < within,
                "no {text:?} within {within:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub(crate) fn wait_until_gone(&self, text: &str, within: Duration) {
        let start = Instant::now();
        while self.screen().contains(text) {
            assert!(
                start.elapsed() < within,
                "{text:?} still shown after {within:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The history file the session wrote, parsed.
    fn history(&self) -> serde_json::Value {
        let path = self.dir.path().join("data/supple/history.json");
        let text = std::fs::read_to_string(&path).expect("history.json written");
        serde_json::from_str(&text).expect("history.json parses")
    }

    /// history.json holds one unfinished session, with seconds of the left lying stretch (the
    /// hold under way when it ended).
    fn assert_one_session_with_the_left_hold_begun(&self) {
        let kept = self.history();
        let sessions = kept["sessions"].as_array().expect("sessions");
        assert_eq!(sessions.len(), 1, "{kept}");
        assert_eq!(sessions[0]["completed"], false);
        let left = sessions[0]["exercises"]
            .as_array()
            .expect("exercises")
            .iter()
            .find(|e| e["exercise"] == "lying-stretch" && e["side"] == "left")
            .expect("the left hold");
        assert!(
            left["held_seconds"].as_u64().is_some_and(|s| s > 0),
            "the hold under way: {left}"
        );
    }

    /// Ends the session under way as a person does: q, then y to the question.
    fn end_session(&self) {
        self.keys(&["q"]);
        self.wait_for("End the session now?", WAIT);
        self.keys(&["y"]);
    }

    /// [`Tmux::end_session`], then closes the summary; what the pane shows once supple exited.
    fn end_and_close(&self) -> String {
        self.end_session();
        self.wait_for("Session ended", WAIT);
        self.keys(&["Enter"]);
        self.wait_for("EXITED=0", WAIT)
    }

    fn alternate_screen_on(&self) -> bool {
        self.tmux(&["display", "-p", "-t", "main", "#{alternate_on}"])
            .trim()
            == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

pub(crate) const WAIT: Duration = Duration::from_secs(15);

fn digits_row(screen: &str) -> String {
    // The header and the big digits; everything that moves while the clock runs.
    screen.lines().take(14).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_session_in_a_real_terminal() {
    let t = Tmux::start("session");
    let routine = t.routine();
    t.run(&format!("run {} --no-sound", routine.display()));

    let screen = t.wait_for("GET READY", WAIT);
    assert!(screen.contains("--no-sound 80%"), "{screen}");
    assert!(t.alternate_screen_on());

    let screen = t.wait_for("HOLD", WAIT);
    assert!(screen.contains("Lying hamstring stretch"), "{screen}");

    // Resizing redraws at once: the compact layout at 40x12 (where the leg is a band of
    // words), the full one back at 80x24 (where it is in big letters).
    t.tmux(&["resize-window", "-t", "main", "-x", "40", "-y", "12"]);
    t.wait_for("◀ LEFT LEG", WAIT);
    t.tmux(&["resize-window", "-t", "main", "-x", "80", "-y", "24"]);
    t.wait_for("┌ Legs", WAIT);

    // Pause: the time stands still.
    t.keys(&["Space"]);
    let paused = t.wait_for("PAUSED", WAIT);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        digits_row(&t.screen()),
        digits_row(&paused),
        "time moved while paused"
    );
    t.keys(&["Space"]);

    // Skip the rest of the left hold: the switch comes next.
    t.keys(&["Right"]);
    let screen = t.wait_for("SWITCH LEG", WAIT);
    assert!(screen.contains("SWITCH TO"), "{screen}");
    t.wait_for("Seated hamstring stretch", WAIT);

    // The summary: left 1 skipped of 2, right 2 of 2 (the seated stretch counts for both).
    let summary = t.wait_for("Session complete", WAIT);
    assert!(summary.contains("1 of 2 holds, 1 skipped"), "{summary}");
    assert!(summary.contains("2 of 2 holds"), "{summary}");

    t.keys(&["x"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(!t.alternate_screen_on(), "the alternate screen was left");
    assert!(
        after.contains("s held, 1/2 holds"),
        "the record stays in the scrollback:\n{after}"
    );
    // Back in cooked mode: the shell's line starts at the first column.
    assert!(after.lines().any(|l| l.starts_with("EXITED=0")), "{after}");
}

#[test]
fn quitting_asks_then_shows_what_was_done() {
    let t = Tmux::start("quit");
    let routine = t.routine();
    t.run(&format!("run {} --no-sound", routine.display()));
    t.wait_for("HOLD", WAIT);
    t.keys(&["q"]);
    t.wait_for("End the session now?", WAIT);
    t.keys(&["n"]);
    t.wait_until_gone("End the session now?", WAIT);
    t.keys(&["Escape"]);
    t.wait_for("End the session now?", WAIT);
    t.keys(&["y"]);
    t.wait_for("Session ended", WAIT);
    t.keys(&["Enter"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(!t.alternate_screen_on());
    assert!(after.contains("session ended"), "{after}");
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let t = Tmux::start("term");
    let routine = t.routine();
    t.run(&format!("run {} --no-sound", routine.display()));
    t.wait_for("HOLD", WAIT);
    // A second into the hold, so that something was done and is kept.
    std::thread::sleep(Duration::from_millis(1500));
    let pattern = Tmux::process_pattern(&routine);
    let killed = Command::new("pkill")
        .args(["-TERM", "-f", &pattern])
        .status()
        .expect("pkill");
    assert!(killed.success());
    let after = t.wait_for("EXITED=", WAIT);
    assert!(!t.alternate_screen_on());
    assert!(after.contains("session ended"), "{after}");
    assert!(
        after.contains("saved to your history (1 session)"),
        "{after}"
    );
    assert!(after.lines().any(|l| l.starts_with("EXITED=0")), "{after}");
    let kept = t.history();
    assert_eq!(kept["sessions"][0]["routine"], "e2e");
    assert_eq!(kept["sessions"][0]["completed"], false);
    // What supple keeps is its owner's alone: the folder, the history and the log.
    use std::os::unix::fs::PermissionsExt;
    let data = t.dir.path().join("data/supple");
    for (path, mode) in [
        (data.clone(), 0o700),
        (data.join("history.json"), 0o600),
        (data.join("supple.log"), 0o600),
    ] {
        let found = std::fs::metadata(&path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(found, mode, "{}", path.display());
    }
}

/// The process id of the supple running `routine`.
fn supple_pid(routine: &Path) -> String {
    let out = Command::new("pgrep")
        .args(["-f", &Tmux::process_pattern(routine)])
        .output()
        .expect("pgrep");
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty(), "supple is running");
    pid
}

fn send_signal(pid: &str, signal: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), pid])
        .status()
        .expect("kill");
    assert!(sent.success(), "kill -{signal} {pid}");
}

/// Still there and not a zombie.
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        !stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim()
            .starts_with('Z')
    })
}

/// A terminal that stops reading (a frozen window, a stalled connection) leaves supple stuck in
/// a write to it, where it never sees the signal. The watchdog still keeps the session and ends
/// the process, 3 s after the signal.
#[test]
fn a_signal_ends_a_session_stuck_on_a_frozen_terminal_and_keeps_it() {
    let t = Tmux::start("frozen");
    let routine = t.routine();
    t.run(&format!("run {} --no-sound", routine.display()));
    t.wait_for("HOLD", WAIT);
    let pid = supple_pid(&routine);
    let server = t.tmux(&["display", "-p", "#{pid}"]).trim().to_string();
    // tmux stops reading: supple's frames fill the terminal until a write blocks. Each resize
    // redraws the whole screen, which fills it sooner.
    send_signal(&server, "STOP");
    let start = Instant::now();
    let wchan = || std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default();
    while wchan() != "wait_woken" && start.elapsed() < Duration::from_secs(3) {
        send_signal(&pid, "WINCH");
        std::thread::sleep(Duration::from_millis(100));
    }
    send_signal(&pid, "TERM");
    let signalled = Instant::now();
    while running(&pid) && signalled.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let took = signalled.elapsed();
    let ended = !running(&pid);
    send_signal(&server, "CONT");
    assert!(ended, "supple {pid} still running 10 s after SIGTERM");
    assert!(
        took >= Duration::from_millis(2_500),
        "ended after {took:?}: the loop was not stuck, so the watchdog was not tested"
    );
    t.assert_one_session_with_the_left_hold_begun();
}

#[test]
fn a_bad_routine_is_reported_before_the_screen_opens() {
    let t = Tmux::start("bad");
    let bad =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_routines/unknown_field_typo.json");
    t.run(&format!("run {}", bad.display()));
    let after = t.wait_for("EXITED=1", WAIT);
    assert!(after.contains("did you mean `seconds`?"), "{after}");
    assert!(!t.alternate_screen_on());
}

#[test]
fn a_panic_gives_the_terminal_back_then_prints_its_message() {
    let t = Tmux::start("panic");
    let routine = t.routine();
    t.run_with_env(
        "SUPPLE_DEBUG_PANIC=1 RUST_BACKTRACE=0",
        &format!("run {} --no-sound", routine.display()),
    );
    let after = t.wait_for("EXITED=", WAIT);
    assert!(
        !t.alternate_screen_on(),
        "still in the alternate screen:\n{after}"
    );
    assert!(
        after.contains("deliberate panic"),
        "the message is shown after the restore:\n{after}"
    );
    assert!(
        after.lines().any(|l| l.starts_with("EXITED=")),
        "cooked mode again:\n{after}"
    );
}

/// A panic in the middle of a hold: the terminal comes back, the message is shown, and the hold
/// done so far is in history.
#[test]
fn a_panic_during_a_hold_keeps_what_was_done() {
    let t = Tmux::start("panichold");
    let routine = t.routine();
    // 2 s of get-ready, then the 4 s left hold: the panic comes 2 s into it.
    t.run_with_env(
        "SUPPLE_DEBUG_PANIC=4 RUST_BACKTRACE=0",
        &format!("run {} --no-sound", routine.display()),
    );
    t.wait_for("HOLD", WAIT);
    let after = t.wait_for("EXITED=", WAIT);
    assert!(
        !t.alternate_screen_on(),
        "still in the alternate screen:\n{after}"
    );
    assert!(after.contains("deliberate panic"), "{after}");
    assert!(
        after.contains("saved to your history (1 session)"),
        "{after}"
    );
    assert!(
        after.lines().any(|l| l.starts_with("EXITED=101")),
        "the panic's exit status, in cooked mode:\n{after}"
    );
    t.assert_one_session_with_the_left_hold_begun();
}

#[test]
fn with_no_sound_device_the_session_runs_and_says_so_calmly() {
    let t = Tmux::start("nodevice");
    let routine = t.routine();
    // An empty ALSA configuration: no card, no default device, as on a server.
    std::fs::write(t.dir.path().join(".asoundrc"), "").expect("asoundrc");
    t.run(&format!("run {}", routine.display()));
    let screen = t.wait_for("HOLD", WAIT);
    let expected = if cfg!(feature = "sound") {
        "no audio device"
    } else {
        "built without sound"
    };
    assert!(
        screen.contains(&format!("{expected} 80%")) || screen.contains("no sound 80%"),
        "{screen}"
    );
    assert!(
        !screen.contains("ALSA"),
        "library messages reached the screen:\n{screen}"
    );
    t.keys(&["C-c"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(!after.contains("ALSA"), "{after}");
}

#[test]
fn bell_stands_in_when_there_is_no_device() {
    let t = Tmux::start("bell");
    let routine = t.routine();
    std::fs::write(t.dir.path().join(".asoundrc"), "").expect("asoundrc");
    t.run(&format!("run {} --bell", routine.display()));
    let screen = t.wait_for("HOLD", WAIT);
    assert!(screen.contains("bell"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);
}

#[test]
#[cfg(feature = "sound")]
fn volume_keys_change_the_volume_shown() {
    let t = Tmux::start("volume");
    let routine = t.routine();
    let wav = t.dir.path().join("out.wav");
    std::fs::write(
        t.dir.path().join(".asoundrc"),
        format!(
            "pcm.!default {{ type plug; slave {{ pcm \"cap\"; format S16_LE; rate 48000; channels 2 }} }}\n\
             pcm.cap {{ type file; slave.pcm \"null\"; file \"{}\"; format \"wav\" }}\n",
            wav.display()
        ),
    )
    .expect("asoundrc");
    t.run(&format!("run {}", routine.display()));
    let on = footer_keys(&t.wait_for("voice 80%", WAIT));
    t.keys(&["+"]);
    t.wait_for("voice 90%", WAIT);
    t.keys(&["-", "-", "-"]);
    t.wait_for("voice 60%", WAIT);
    t.keys(&["m"]);
    let muted = footer_keys(&t.wait_for("muted", WAIT));
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);
    // The footer's keys do not move with the sound: on, muted, and off.
    t.rerun(&format!("run {} --no-sound", routine.display()));
    let off = footer_keys(&t.wait_for("--no-sound 80%", WAIT));
    assert_eq!(on, muted);
    assert_eq!(on, off);
    assert!(on.contains("space pause") && on.contains("q quit"), "{on}");
    // With no sound at all, + and m still answer on screen.
    t.keys(&["+"]);
    t.wait_for("--no-sound 90%", WAIT);
    t.keys(&["m"]);
    t.wait_for("--no-sound muted", WAIT);
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);
}

/// The footer's keys: the last row, up to where the sound state may begin.
#[cfg(feature = "sound")]
fn footer_keys(screen: &str) -> String {
    let footer = screen.lines().last().unwrap_or_default();
    footer.chars().take(48).collect()
}

/// The help lists every key and stops the clock until it closes.
#[test]
fn help_pauses_the_clock() {
    let t = Tmux::start("help");
    let routine = t.routine();
    t.run(&format!("run {} --no-sound", routine.display()));
    t.wait_for("HOLD", WAIT);
    t.keys(&["?"]);
    let help = t.wait_for("The clock waits while this is open", WAIT);
    for key in ["space", "Ctrl-C", "q  Esc"] {
        assert!(help.contains(key), "{key}: {help}");
    }
    // The header's "0:03 done · 0:14 to go", above the help.
    let gauge = |screen: &str| {
        let header = screen.lines().next().unwrap_or_default().to_string();
        assert!(header.contains("to go"), "{screen}");
        header
    };
    let before = gauge(&help);
    std::thread::sleep(Duration::from_millis(2200));
    assert_eq!(gauge(&t.screen()), before, "the clock ran under the help");
    t.keys(&["x"]);
    t.wait_until_gone("The clock waits", WAIT);
    std::thread::sleep(Duration::from_millis(1200));
    assert_ne!(
        gauge(&t.screen()),
        before,
        "the clock goes on once the help closes"
    );
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);
}

#[test]
fn closing_the_terminal_ends_the_process() {
    let t = Tmux::start("hangup");
    let routine = t.routine();
    t.run(&format!("run {} --no-sound", routine.display()));
    t.wait_for("HOLD", WAIT);
    // A second into the hold, so that something was done and is kept.
    std::thread::sleep(Duration::from_millis(1500));
    let pattern = Tmux::process_pattern(&routine);
    let out = Command::new("pgrep")
        .args(["-f", &pattern])
        .output()
        .expect("pgrep");
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty(), "supple is running");
    // The terminal goes away, as when its window is closed.
    t.tmux(&["kill-server"]);
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(6),
            "supple {pid} still running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // What was done before the terminal closed is kept.
    assert_eq!(t.history()["sessions"][0]["routine"], "e2e");
}

#[test]
fn the_summary_compares_with_the_last_session_and_a_full_disk_costs_only_the_record() {
    let t = Tmux::start("history");
    let routine = t.routine();
    let data = t.dir.path().join("data/supple");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(
        data.join("history.json"),
        r#"{ "version": 1, "sessions": [ { "started": "2026-11-23T08:00:00+01:00[Europe/Paris]",
            "routine": "e2e", "title": "End to end", "planned_seconds": 20,
            "elapsed_seconds": 20, "completed": true, "exercises": [
            { "exercise": "lying-stretch", "name": "Lying hamstring stretch", "kind": "hold",
              "side": "left", "planned": 1, "done": 1, "skipped": 0, "held_seconds": 4 } ] } ] }"#,
    )
    .expect("write history");
    t.run(&format!("run {} --no-sound", routine.display()));
    t.wait_for("HOLD", WAIT);
    // A second into the hold: something was done and is kept, but too little to count, so
    // it is compared with nothing.
    std::thread::sleep(Duration::from_millis(1500));
    t.end_session();
    let summary = t.wait_for("too short to count", WAIT);
    assert!(!summary.contains("Last time"), "{summary}");
    t.keys(&["Enter"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(!after.contains("last time"), "{after}");
    // Through the first hold, a step is finished and the session counts: it is compared
    // with the last one of the routine, on the summary and in the record alike.
    t.rerun(&format!("run {} --no-sound", routine.display()));
    t.wait_for("SWITCH LEG", WAIT);
    t.end_session();
    let summary = t.wait_for("Last time", WAIT);
    assert!(
        summary.contains("Mon 23 Nov: 4 s left, 0 s right"),
        "{summary}"
    );
    assert!(summary.contains("Streak:"), "{summary}");
    t.keys(&["Enter"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(after.contains("Last time, Mon 23 Nov"), "{after}");
    // The streak too, as the summary says it (and the balance, from the same sentences:
    // history::report::sentences, where a unit test holds both to it).
    assert!(after.contains("  Streak: "), "{after}");
    // The week against the dose, as the summary says it.
    assert!(after.contains("  This week: left "), "{after}");
    assert!(after.contains("(3 sessions)"), "{after}");

    // The data folder turns into a file: the session runs, and says it could not be saved
    // but is kept for later.
    std::fs::remove_dir_all(&data).expect("rm");
    std::fs::write(&data, "in the way").expect("write");
    t.rerun(&format!("run {} --no-sound", routine.display()));
    // With nowhere to remember it, the safety note comes every time.
    t.wait_for("Before your first session", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("HOLD", WAIT);
    // A second into the hold, so that something was done and is kept.
    std::thread::sleep(Duration::from_millis(1500));
    let after = t.end_and_close();
    assert!(
        after.contains("could not be saved to your history"),
        "{after}"
    );
    assert!(after.contains("/state/supple/pending/session-"), "{after}");
    assert!(
        after.contains("left leg:"),
        "the record is printed: {after}"
    );
    let pending = t.dir.path().join("state/supple/pending");
    assert_eq!(std::fs::read_dir(&pending).expect("pending").count(), 1);

    // Fixed: the next session adds the one kept pending, once, and says so.
    std::fs::remove_file(&data).expect("rm");
    t.rerun(&format!("run {} --no-sound", routine.display()));
    t.wait_for("Before your first session", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("HOLD", WAIT);
    std::thread::sleep(Duration::from_millis(1500));
    let after = t.end_and_close();
    assert!(
        after.contains("saved to your history (2 sessions)"),
        "{after}"
    );
    // The line wraps on the 80-column pane.
    let unwrapped = after.replace('\n', "");
    assert!(
        unwrapped.contains(
            "1 session from earlier, kept while the history could not be written, was added to it."
        ),
        "{after}"
    );
    assert_eq!(std::fs::read_dir(&pending).expect("pending").count(), 0);
}

#[test]
fn a_bad_config_is_named_and_the_defaults_start_if_the_person_agrees() {
    let t = Tmux::start("config");
    let routine = t.routine();
    let dir = t.dir.path().join("config/supple");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("config.json"), "{ \"hold_secs\": 30 }").expect("write");
    t.run(&format!("run {} --no-sound", routine.display()));
    let asked = t.wait_for("Start with the default settings instead? [y/N]", WAIT);
    assert!(asked.contains("config.json:1:"), "{asked}");
    assert!(asked.contains("did you mean `hold_seconds`?"), "{asked}");
    t.keys(&["y", "Enter"]);
    t.wait_for("GET READY", WAIT);
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);

    t.rerun(&format!("run {} --no-sound", routine.display()));
    t.wait_for("[y/N]", WAIT);
    t.keys(&["Enter"]);
    let after = t.wait_for("EXITED=1", WAIT);
    assert!(after.contains("nothing started: fix"), "{after}");
    assert!(!t.alternate_screen_on());
}

#[test]
fn history_opens_full_screen_and_any_key_closes_it() {
    let t = Tmux::start("historyscreen");
    let data = t.dir.path().join("data/supple");
    std::fs::create_dir_all(&data).expect("mkdir");
    let today = jiff::ZonedDateTime::now();
    std::fs::write(
        data.join("history.json"),
        format!(
            r#"{{ "version": 1, "sessions": [ {{ "started": "{today}", "routine": "e2e",
            "title": "End to end", "planned_seconds": 20, "elapsed_seconds": 20,
            "completed": true, "exercises": [ {{ "exercise": "lying-stretch",
            "name": "Lying hamstring stretch", "kind": "hold", "side": "left", "planned": 1,
            "done": 1, "skipped": 0, "held_seconds": 20 }} ] }} ] }}"#
        ),
    )
    .expect("write history");
    t.run("history");
    let screen = t.wait_for("Your stretching history", WAIT);
    assert!(screen.contains("Streak 1 day"), "{screen}");
    assert!(screen.contains("This week: left 0:20 of 5:00"), "{screen}");
    assert!(screen.contains("today"), "{screen}");
    assert!(t.alternate_screen_on());
    t.keys(&["x"]);
    t.wait_for("EXITED=0", WAIT);
    assert!(!t.alternate_screen_on());
}

/// Before the very first session, the safety note; q leaves without starting (and the note
/// comes again), any other key starts the session, and from then on the note is not shown.
#[test]
fn the_safety_note_comes_once_before_the_first_session() {
    let t = Tmux::start("note");
    let marker = supple::safety::note_marker(&t.dir.path().join("data/supple"));
    std::fs::remove_file(&marker).expect("remove marker");
    let routine = t.routine();
    let run = format!("run {} --no-sound", routine.display());
    t.run(&run);
    let screen = t.wait_for("Before your first session", WAIT);
    for words in [
        "gentle pull",
        "sciatica",
        "pregnant",
        "tingling or numbness",
    ] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
    assert!(!screen.contains("GET READY"), "{screen}");
    t.keys(&["q"]);
    let screen = t.wait_for("EXITED=0", WAIT);
    assert!(screen.contains("nothing started"), "{screen}");
    assert!(!marker.exists(), "q is not a yes");

    t.rerun(&run);
    t.wait_for("Before your first session", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("GET READY", WAIT);
    t.keys(&["q"]);
    t.keys(&["y"]);
    t.wait_for("Session ended", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("EXITED=0", WAIT);
    assert!(marker.exists(), "the note was read");

    t.rerun(&run);
    let screen = t.wait_for("GET READY", WAIT);
    assert!(!screen.contains("Before your first session"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);
}

/// Before the very first flexibility test, the same note: q leaves without a test (and the
/// note comes again), any other key goes on to the choice, and from then on the note is not
/// shown, before a test or a session (read once is read).
#[test]
fn the_safety_note_comes_once_before_the_first_test_too() {
    let t = Tmux::start("testnote");
    let marker = supple::safety::note_marker(&t.dir.path().join("data/supple"));
    std::fs::remove_file(&marker).expect("remove marker");
    t.run("test");
    let screen = t.wait_for("Before your first test", WAIT);
    for words in [
        "sciatica",
        "tingling or numbness",
        "saddle area",
        "grows weak",
    ] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
    assert!(!screen.contains("Which test?"), "{screen}");
    t.keys(&["q"]);
    let screen = t.wait_for("EXITED=0", WAIT);
    assert!(screen.contains("nothing saved from this test"), "{screen}");
    assert!(!marker.exists(), "q is not a yes");

    t.rerun("test");
    t.wait_for("Before your first test", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("Which test?", WAIT);
    t.keys(&["q"]);
    t.wait_for("EXITED=0", WAIT);
    assert!(marker.exists(), "the note was read");

    t.rerun("test");
    let screen = t.wait_for("Which test?", WAIT);
    assert!(!screen.contains("Before your first"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXITED=0", WAIT);
    let routine = t.routine();
    t.rerun(&format!("run {} --no-sound", routine.display()));
    let screen = t.wait_for("GET READY", WAIT);
    assert!(!screen.contains("Before your first"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);
}

/// A history.json that links into a synced folder is written through: the link stays a link,
/// the target gets the session, and a temporary file left by a killed save is cleaned up.
#[test]
fn a_linked_history_is_written_through_and_stale_temporary_files_go() {
    let t = Tmux::start("link");
    let routine = t.routine();
    let data = t.dir.path().join("data/supple");
    let synced = t.dir.path().join("synced");
    std::fs::create_dir_all(&synced).expect("mkdir");
    std::fs::write(
        synced.join("history.json"),
        r#"{ "version": 1, "sessions": [] }"#,
    )
    .expect("write");
    std::os::unix::fs::symlink(synced.join("history.json"), data.join("history.json"))
        .expect("link");
    let stale = data.join(".history-AbC123.tmp");
    std::fs::write(&stale, "left by a killed save").expect("write");
    t.run(&format!("run {} --no-sound", routine.display()));
    t.wait_for("HOLD", WAIT);
    // A second into the hold, so that something was done and is kept.
    std::thread::sleep(Duration::from_millis(1500));
    t.keys(&["q"]);
    t.keys(&["y"]);
    t.wait_for("Session ended", WAIT);
    t.keys(&["Enter"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(
        after.contains("saved to your history (1 session)"),
        "{after}"
    );
    let link = std::fs::symlink_metadata(data.join("history.json")).expect("stat");
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let target = std::fs::read_to_string(synced.join("history.json")).expect("read");
    assert!(target.contains("\"routine\": \"e2e\""), "{target}");
    assert!(!stale.exists(), "the stale temporary file is gone");
}

/// A terminal whose locale is not UTF-8 gets plain ASCII, never garbage; a terminal that
/// cannot move its cursor gets a clear word instead of a full screen.
#[test]
fn plain_terminals_get_ascii_or_a_clear_word() {
    let t = Tmux::start("ascii");
    let routine = t.routine();
    t.run_with_env("LANG=C", &format!("run {} --no-sound", routine.display()));
    t.wait_for("HOLD", WAIT);
    t.tmux(&["resize-window", "-t", "main", "-x", "40", "-y", "12"]);
    let small = t.wait_for("< LEFT LEG", WAIT);
    t.tmux(&["resize-window", "-t", "main", "-x", "80", "-y", "24"]);
    let screen = t.wait_for("+ Legs", WAIT);
    for text in [&small, &screen] {
        assert!(text.is_ascii(), "not ASCII:\n{text}");
    }
    assert!(screen.contains('#'), "big digits in #:\n{screen}");
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);

    t.rerun_with_env(
        "TERM=dumb",
        &format!("run {} --no-sound", routine.display()),
    );
    // A terminal that cannot show the full screen gets the plain mode: a line per change,
    // keys taken as they are pressed (no Enter).
    let plain = t.wait_for("Get ready", WAIT);
    assert!(
        plain.contains("Keys: space pause, n skip, q quit"),
        "{plain}"
    );
    t.keys(&["q"]);
    t.wait_for("Quit the session?", WAIT);
    t.keys(&["y"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(
        after.contains("Session ended before anything was done."),
        "{after}"
    );
}

#[test]
fn the_guided_flexibility_test_saves_both_legs_and_history_shows_them() {
    let t = Tmux::start("flextest");
    t.run("test");
    t.wait_for("Which test?", WAIT);
    // The active knee extension: how to do it, then each leg.
    t.keys(&["1"]);
    t.wait_for("Hold the thigh upright", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("Type the LEFT leg", WAIT);
    t.keys(&["2", "9", "BSpace", "8", "Enter"]);
    let screen = t.wait_for("Type the RIGHT leg", WAIT);
    assert!(!screen.contains("Saved"), "{screen}");
    // Backspace on the empty field goes back to the left leg, its number there to correct.
    t.keys(&["BSpace"]);
    t.wait_for("Type the LEFT leg", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("Type the RIGHT leg", WAIT);
    t.keys(&["3", "5", "Enter"]);
    t.wait_for("Where did you first feel", WAIT);
    t.keys(&["1"]);
    t.wait_for("How strong was the stretch?", WAIT);
    t.keys(&["4", "Enter"]);
    let saved = t.wait_for("Saved:", WAIT);
    // The legs' words and numbers in big letters; the answers said back.
    assert!(saved.contains('█'), "{saved}");
    assert!(
        saved.contains("felt first: behind the knee · strength 4 of 10"),
        "{saved}"
    );
    assert!(
        saved.contains("the first active knee extension test"),
        "{saved}"
    );
    t.keys(&["x"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(!t.alternate_screen_on());
    assert!(
        after.contains("saved your active knee extension: left 28°"),
        "{after}"
    );
    let kept = t.history();
    assert_eq!(kept["version"], 2);
    assert_eq!(kept["tests"][0]["test"], "aket");
    assert_eq!(kept["tests"][0]["left"], 28);
    assert_eq!(kept["tests"][0]["right"], 35);
    assert_eq!(kept["tests"][0]["felt"], "knee");
    assert_eq!(kept["tests"][0]["strength"], 4);

    t.rerun("history --plain");
    let plain = t.wait_for("EXITED=0", WAIT);
    assert!(
        plain.contains("Flexibility tests, per leg (1 result;"),
        "{plain}"
    );
    let row = |leg: &str| {
        plain
            .lines()
            .find(|l| l.trim_start().starts_with(leg))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    assert_eq!(row("left "), "left 28", "{plain}");
    assert_eq!(row("right "), "right 35", "{plain}");
    assert!(
        plain.contains("the first active knee extension test: the next ones are compared"),
        "{plain}"
    );

    // Leaving half way saves nothing more.
    t.rerun("test");
    t.wait_for("Which test?", WAIT);
    t.keys(&["2", "Enter", "7", "0", "Enter", "Escape"]);
    let left = t.wait_for("EXITED=0", WAIT);
    assert!(
        left.contains("supple: nothing saved from this test."),
        "{left}"
    );
    assert_eq!(t.history()["tests"].as_array().map(Vec::len), Some(1));
}

/// tmux by default passes no picture through and answers only the device attributes: a supple
/// that asks anyway (TMUX emptied, TERM an xterm's) gets the braille figure, and nothing of
/// its questions or the answers shows on screen or acts as a key (the session goes on, not
/// paused, no question open).
#[test]
fn a_terminal_that_ignores_the_image_query_gets_braille_and_no_stray_keys() {
    let t = Tmux::start("imagequery");
    let routine = t.routine();
    t.run_with_env(
        "TMUX= TERM=xterm-256color",
        &format!("run {} --no-sound", routine.display()),
    );
    let screen = t.wait_for("GET READY", Duration::from_secs(10));
    assert!(
        screen
            .chars()
            .any(|c| ('\u{2801}'..='\u{28FF}').contains(&c)),
        "a braille figure:\n{screen}"
    );
    for stray in [
        "Gi=31", "AAAA", "rgb:", "11;?", "[16t", "63;", "PAUSED", "Quit",
    ] {
        assert!(!screen.contains(stray), "{stray:?} on screen:\n{screen}");
    }
    // The session goes on by itself into the hold.
    let screen = t.wait_for("HOLD", Duration::from_secs(8));
    assert!(!screen.contains("PAUSED"), "{screen}");
}
