//! The routine builder in a real terminal (tmux at 80x24): a new routine made with the keys,
//! saved, checked and run; leaving with changes asks, Ctrl-C too, and keeps a draft; a kill
//! in the middle of a save leaves the old file whole.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::supple;
use crate::e2e_tmux::{Tmux, WAIT};

fn routines(t: &Tmux) -> PathBuf {
    t.dir.path().join("config/supple/routines")
}

/// `supple new desk`, two exercises added, saved: `supple check` accepts the file and
/// `supple run desk` starts it.
#[test]
fn a_new_routine_made_with_keys_is_saved_and_runs() {
    let t = Tmux::start("builder-new");
    t.run("new desk");
    let screen = t.wait_for("No steps yet", WAIT);
    assert!(screen.contains("New routine: Desk (desk)"), "{screen}");
    t.keys(&["a"]);
    t.wait_for("Add which exercise?", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("1 Marching in place", WAIT);
    t.keys(&["a"]);
    for _ in 0..7 {
        t.keys(&["Down"]);
    }
    t.keys(&["Enter"]);
    let screen = t.wait_for("2 Anchor stretch", WAIT);
    assert!(screen.contains("Needs: low step or chair"), "{screen}");
    t.keys(&["s"]);
    t.wait_for("Saved to", WAIT);
    t.keys(&["q"]);
    let after = t.wait_for("EXITED=0", WAIT);
    assert!(after.contains("supple: saved desk to"), "{after}");
    assert!(after.contains("run it: supple run desk"), "{after}");

    let file = routines(&t).join("desk.json");
    supple(t.dir.path())
        .arg("check")
        .arg(&file)
        .assert()
        .success();
    t.rerun("run desk --no-sound");
    let screen = t.wait_for("GET READY", WAIT);
    assert!(screen.contains("Marching in place"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_for("EXITED=0", WAIT);
}

/// With a change not saved, q asks (any other key goes on), and Ctrl-C asks too; `y` leaves,
/// and the changes are kept as a draft that `supple edit` opens again.
#[test]
fn leaving_with_changes_asks_and_keeps_a_draft() {
    let t = Tmux::start("builder-leave");
    t.run("new desk");
    t.wait_for("No steps yet", WAIT);
    t.keys(&["a"]);
    t.wait_for("Add which exercise?", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("1 Marching in place", WAIT);
    t.keys(&["q"]);
    t.wait_for("Your changes are not saved", WAIT);
    t.keys(&["n"]);
    t.wait_until_gone("Your changes are not saved", WAIT);
    t.keys(&["C-c"]);
    t.wait_for("Your changes are not saved", WAIT);
    t.keys(&["y"]);
    let after = t.wait_for("EXITED=0", WAIT);
    let flat = after.replace('\n', "");
    assert!(
        flat.contains("your changes are not saved; they are kept in"),
        "{after}"
    );
    let draft = t.dir.path().join("data/supple/drafts/desk.json");
    supple(t.dir.path())
        .arg("check")
        .arg(&draft)
        .assert()
        .success();
    assert!(!routines(&t).join("desk.json").exists(), "nothing saved");
    // The draft opens again, as a copy to save under a name.
    t.rerun(&format!("edit {}", draft.display()));
    let screen = t.wait_for("A copy of a draft", WAIT);
    assert!(screen.contains("1 Marching in place"), "{screen}");
    t.keys(&["s"]);
    t.wait_for("Save as: desk", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("Saved to", WAIT);
    t.keys(&["q"]);
    t.wait_for("EXITED=0", WAIT);
    assert!(routines(&t).join("desk.json").is_file());
    assert!(!draft.exists(), "the draft saved is done with");
}

/// The pid of the supple process running in the test's own pane: the child of the pane's
/// shell (other tests run supple with the same arguments at the same time).
fn supple_pid(t: &Tmux) -> Option<String> {
    let shell = t.tmux(&["display", "-p", "-t", "main", "#{pane_pid}"]);
    let out = Command::new("pgrep")
        .args(["-P", shell.trim()])
        .output()
        .expect("pgrep");
    let pids = String::from_utf8_lossy(&out.stdout).into_owned();
    pids.lines()
        .map(str::trim)
        .find(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe.ends_with("supple"))
        })
        .map(String::from)
}

/// The builder's temporary file in `dir`, once it holds something.
fn temporary_file(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir).ok()?.flatten().find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let written = e.metadata().is_ok_and(|m| m.len() > 0);
        (name.starts_with(".supple-routine-") && written).then(|| e.path())
    })
}

/// Killed (SIGKILL, no chance to clean up) while the new file is half written, supple leaves
/// the old file as it was, byte for byte, and still valid.
#[test]
fn a_kill_during_a_save_leaves_the_old_file_whole() {
    if !cfg!(debug_assertions)
        && crate::common::goes_without(
            "a debug build",
            "SUPPLE_DEBUG_SLOW_SAVE, which holds a save half written, is in debug builds only",
        )
    {
        return;
    }
    let t = Tmux::start("builder-kill");
    let dir = routines(&t);
    std::fs::create_dir_all(&dir).expect("dir");
    let old = "{ \"name\": \"desk\", \"title\": \"Desk\",\n  \"description\": \"Mine, by hand.\",\n  \
               \"steps\": [ { \"exercise\": \"lying-stretch\", \"note\": \"kept\" } ] }\n";
    let file = dir.join("desk.json");
    std::fs::write(&file, old).expect("write");
    t.run_with_env("SUPPLE_DEBUG_SLOW_SAVE=60", "edit desk");
    t.wait_for("1 Lying stretch", WAIT);
    t.keys(&["Right"]);
    t.wait_for("changed, not saved", WAIT);
    t.keys(&["s"]);
    let start = Instant::now();
    let temp = loop {
        if let Some(temp) = temporary_file(&dir) {
            break temp;
        }
        assert!(start.elapsed() < WAIT, "the save never began");
        std::thread::sleep(Duration::from_millis(20));
    };
    let pid = supple_pid(&t).expect("supple is running");
    let killed = Command::new("kill")
        .args(["-KILL", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    t.wait_for("EXITED=137", WAIT);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), old);
    let half = std::fs::read_to_string(&temp).expect("the half-written file");
    assert!(
        half.starts_with("{\n  \"name\": \"desk\"") && !half.ends_with("}\n"),
        "the kill came in the middle of the write: {half:?}"
    );
    supple(t.dir.path())
        .arg("check")
        .arg(&file)
        .assert()
        .success();
    // Left beside it, the half file is not a routine: the list shows desk alone.
    let list = supple(t.dir.path()).arg("list").assert().success();
    let out = String::from_utf8_lossy(&list.get_output().stdout).into_owned();
    let err = String::from_utf8_lossy(&list.get_output().stderr).into_owned();
    assert!(out.contains("desk "), "{out}");
    assert!(err.is_empty(), "{err}");
}

/// The settings' own hold in place of the routine's is said on screen; and a signal (the
/// window closed, a shutdown) while a change is not saved keeps it as a draft.
#[test]
fn the_settings_hold_is_said_and_a_signal_keeps_a_draft() {
    let t = Tmux::start("builder-signal");
    let config = t.dir.path().join("config/supple");
    std::fs::create_dir_all(&config).expect("dir");
    std::fs::write(config.join("config.json"), "{ \"hold_seconds\": 30 }").expect("config");
    t.run("new desk");
    let screen = t.wait_for("No steps yet", WAIT);
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Your settings make every hold 30 s"),
        "{screen}"
    );
    t.keys(&["a"]);
    t.wait_for("Add which exercise?", WAIT);
    t.keys(&["Enter"]);
    t.wait_for("1 Marching in place", WAIT);
    let pid = supple_pid(&t).expect("supple is running");
    let sent = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(sent.success());
    let after = t.wait_for("EXITED=", WAIT);
    assert!(
        after.replace('\n', "").contains("they are kept in"),
        "{after}"
    );
    let draft = t.dir.path().join("data/supple/drafts/desk.json");
    let kept = std::fs::read_to_string(&draft).expect("a draft");
    assert!(kept.contains("march-in-place"), "{kept}");
}
