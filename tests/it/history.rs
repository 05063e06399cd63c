//! History: records written and read back, faults that must never lose a session, and the
//! numbers `supple history` shows, on fixed data.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::builtin_plan;
use jiff::ZonedDateTime;
use jiff::civil::date;
use supple::history::{
    HistoryError, LastTime, LegSeconds, Overview, SessionRecord, Store, export, last_of,
};
use supple::session::Engine;

const S: fn(u64) -> Duration = Duration::from_secs;

fn zoned(text: &str) -> ZonedDateTime {
    text.parse().expect("zoned datetime")
}

/// A session of the built-in `quick` routine run for `seconds` (all of it when longer).
fn session_of(seconds: u64, started: &str) -> SessionRecord {
    let mut engine = Engine::new(builtin_plan("quick"));
    let t0 = Instant::now();
    engine.start(t0);
    engine.update(t0 + S(seconds));
    engine.finish(t0 + S(seconds));
    SessionRecord::from_engine(&engine, zoned(started), t0 + S(seconds))
}

/// A hand-made session: `left` and `right` seconds of holds, on the day and zone given.
fn holds(started: &str, routine: &str, left: u64, right: u64) -> SessionRecord {
    SessionRecord {
        routine: routine.into(),
        title: routine.into(),
        planned_seconds: 300,
        elapsed_seconds: 300,
        ..crate::common::held_session(zoned(started), left, right)
    }
}

#[test]
fn sessions_written_and_read_back_are_equal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(&dir.path().join("supple"));
    let whole = session_of(10_000, "2026-11-24T08:00:00+01:00[Europe/Paris]");
    let part = session_of(100, "2026-11-24T19:30:00+01:00[Europe/Paris]");
    assert!(whole.completed && !part.completed);
    store.append(&whole).expect("append");
    let saved = store.append(&part).expect("append");
    assert_eq!(saved.sessions, 2);
    assert!(saved.set_aside.is_none());
    let history = store.load().expect("load");
    assert_eq!(history.sessions, vec![whole, part]);
}

#[test]
fn a_partial_session_records_what_was_done_and_no_more() {
    // quick: 10 s get ready, 45 s marching, 15 s rest, 30 s step jacks: 100 s in, the
    // step jacks have just ended and the leg swings are not reached.
    let part = session_of(100, "2026-11-24T08:00:00+01:00[Europe/Paris]");
    assert!(!part.completed);
    assert!(part.has_work());
    assert_eq!(part.elapsed_seconds, 100);
    let done: u32 = part.exercises.iter().map(|e| e.done).sum();
    let planned: u32 = part.exercises.iter().map(|e| e.planned).sum();
    assert!(done > 0 && done < planned, "{done} of {planned}");
    let held: u64 = part.exercises.iter().map(|e| e.held_seconds).sum();
    assert_eq!(
        held, 75,
        "the two cardio bouts, not the get-ready or the rest"
    );

    let whole = session_of(10_000, "2026-11-24T08:00:00+01:00[Europe/Paris]");
    assert!(whole.completed);
    assert!(whole.exercises.iter().all(|e| e.done == e.planned));
    let held = whole.held();
    assert!(held.left >= 40 && held.left == held.right, "{held:?}");
}

#[test]
fn quitting_during_get_ready_is_not_work() {
    let record = session_of(5, "2026-11-24T08:00:00+01:00[Europe/Paris]");
    assert!(!record.has_work());
}

#[test]
fn a_few_seconds_are_kept_but_do_not_make_a_day() {
    // 10 s get-ready, then 5 s of marching: kept, but no streak and no "last time".
    let short = session_of(15, "2026-11-24T08:00:00Z[UTC]");
    assert!(short.has_work() && !short.counts());
    let overview = Overview::new(std::slice::from_ref(&short), date(2026, 11, 24), 7);
    assert_eq!((overview.streak, overview.total), (0, 0));
    assert!(last_of(std::slice::from_ref(&short), "quick").is_none());
    // The whole 30 s cardio bout is a step done: that counts.
    assert!(session_of(40, "2026-11-24T08:00:00Z[UTC]").counts());
}

#[test]
fn the_file_is_the_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    store
        .append(&holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 60))
        .expect("append");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&store.path()), 0o600);
    assert_eq!(mode(&dir.path().join("history.lock")), 0o600);

    // A folder the store creates is private too.
    let fresh = dir.path().join("a/supple");
    Store::at(&fresh)
        .append(&holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 60))
        .expect("append");
    assert_eq!(mode(&fresh), 0o700);
}

#[test]
fn a_corrupt_history_is_set_aside_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let broken = "{ \"version\": 1, \"sessions\": [ { \"started\": oops } ] }\n";
    std::fs::write(store.path(), broken).expect("write");

    let err = store.load().expect_err("corrupt file must not load");
    let HistoryError::Unreadable(why) = &err else {
        panic!("wrong error: {err}");
    };
    assert_eq!(why.line, Some(1), "{why}");
    assert!(why.to_string().contains("history.json"), "{why}");

    let record = holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 60);
    let saved = store.append(&record).expect("append");
    let aside = saved.set_aside.expect("set aside");
    assert_eq!(
        std::fs::read_to_string(&aside.to).expect("kept"),
        broken,
        "the unreadable file is kept byte for byte"
    );
    assert!(
        aside.reason.contains("line 1") || aside.reason.contains(":1:"),
        "{}",
        aside.reason
    );
    assert_eq!(store.load().expect("load").sessions, vec![record.clone()]);

    // A second corrupt file whose name is taken gets its own: nothing is overwritten. The
    // names around this second are taken in advance, so the clash surely happens.
    let now = jiff::ZonedDateTime::now();
    for delta in -1..=3 {
        let t = now
            .checked_add(jiff::SignedDuration::from_secs(delta))
            .expect("time");
        let name = format!("history.json.unreadable-{}", t.strftime("%Y%m%d-%H%M%S"));
        let taken = dir.path().join(name);
        if !taken.exists() {
            std::fs::write(&taken, format!("taken {delta}")).expect("write");
        }
    }
    std::fs::write(store.path(), "not json").expect("write");
    let again = store
        .append(&record)
        .expect("append")
        .set_aside
        .expect("set aside");
    assert_ne!(again.to, aside.to);
    assert!(
        again.to.to_string_lossy().ends_with("-2"),
        "{}",
        again.to.display()
    );
    assert_eq!(std::fs::read_to_string(&aside.to).expect("kept"), broken);
    for entry in std::fs::read_dir(dir.path()).expect("ls") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if text.starts_with("taken") {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            assert!(!name.ends_with("-2"), "a taken name was reused: {name}");
        }
    }
    assert_eq!(
        std::fs::read_to_string(&again.to).expect("kept"),
        "not json"
    );
}

#[test]
fn a_history_from_a_newer_supple_is_set_aside_not_misread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let newer = "{ \"version\": 9, \"sessions\": [], \"streaks\": {} }";
    std::fs::write(store.path(), newer).expect("write");
    let err = store.load().expect_err("newer format");
    assert!(err.to_string().contains("newer supple"), "{err}");
    let saved = store
        .append(&holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 60))
        .expect("append");
    let aside = saved.set_aside.expect("set aside");
    assert_eq!(std::fs::read_to_string(aside.to).expect("kept"), newer);
}

#[test]
fn an_unwritable_folder_costs_the_record_and_says_where() {
    // Staged without permissions, which root ignores: a folder under a regular file, and a
    // folder in /proc, where not even root can create anything.
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("locked");
    std::fs::write(&locked, "a file, not a folder").expect("write");
    for (folder, named) in [
        (locked.join("supple"), "locked/supple"),
        (
            Path::new("/proc/supple-test").to_path_buf(),
            "/proc/supple-test",
        ),
    ] {
        let store = Store::at(&folder);
        let err = store
            .append(&holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 60))
            .expect_err("cannot write");
        let text = err.to_string();
        assert!(text.contains(named) && text.contains("cannot"), "{text}");
        assert!(!folder.exists());
    }
    assert_eq!(
        std::fs::read_to_string(&locked).expect("kept"),
        "a file, not a folder"
    );
}

#[test]
fn a_folder_that_is_a_file_costs_the_record_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("supple");
    std::fs::write(&file, "in the way").expect("write");
    let err = Store::at(&file)
        .append(&holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 60))
        .expect_err("cannot write");
    assert!(err.to_string().contains("supple"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "in the way");
}

fn a_record() -> SessionRecord {
    holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 60)
}

/// A history file holding `sessions`, as supple writes it.
fn history_text(sessions: &[SessionRecord]) -> String {
    let history = supple::history::HistoryFile {
        sessions: sessions.to_vec(),
        ..Default::default()
    };
    serde_json::to_string_pretty(&history).expect("json")
}

/// The names in a folder, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// `f`'s result, or `None` when it has not returned within a second (the thread is left
/// behind: a test must fail, not hang, when the code under test blocks).
fn within_a_second<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(1)).ok()
}

#[test]
fn a_linked_history_is_written_through_and_stays_a_link() {
    // history.json links to a copy in a synced folder: saves go there, atomically, and the
    // link stays a link (a relative one, and one reached through a second link).
    let dir = tempfile::tempdir().expect("tempdir");
    let synced = dir.path().join("synced");
    let data = dir.path().join("data");
    for folder in [&synced, &data] {
        std::fs::create_dir(folder).expect("mkdir");
    }
    let target = synced.join("history.json");
    let first = holds("2026-11-23T08:00:00Z[UTC]", "quick", 60, 60);
    std::fs::write(&target, history_text(std::slice::from_ref(&first))).expect("write");
    // A save killed part-way in the synced folder left this.
    std::fs::write(synced.join(".history-K1LLED.tmp"), "half").expect("write");
    let store = Store::at(&data);
    std::os::unix::fs::symlink("../synced/history.json", store.path()).expect("link");

    let second = a_record();
    let saved = store.append(&second).expect("append");
    assert!(is_link(&store.path()), "the link is still a link");
    assert_eq!(
        std::fs::read_link(store.path()).expect("link"),
        PathBuf::from("../synced/history.json")
    );
    assert_eq!(saved.path, target.canonicalize().expect("real path"));
    assert_eq!(
        Store::at(&synced).load().expect("load").sessions,
        vec![first.clone(), second.clone()],
        "the target has both sessions"
    );
    assert_eq!(store.load().expect("load").sessions.len(), 2);
    assert_eq!(names_in(&data), ["history.json", "history.lock"]);
    assert_eq!(
        names_in(&synced),
        ["history.json"],
        "no temporary file left"
    );

    // A link to that link: still the same file, and both links stay links.
    let other = Store::at(&dir.path().join("other"));
    std::fs::create_dir(dir.path().join("other")).expect("mkdir");
    std::os::unix::fs::symlink(store.path(), other.path()).expect("link");
    assert_eq!(other.append(&second).expect("append").sessions, 3);
    assert!(is_link(&other.path()) && is_link(&store.path()));
    assert_eq!(Store::at(&synced).load().expect("load").sessions.len(), 3);
}

#[test]
fn a_link_to_nowhere_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let gone = dir.path().join("unmounted/history.json");
    std::os::unix::fs::symlink(&gone, store.path()).expect("link");
    let err = store.append(&a_record()).expect_err("refused");
    let text = err.to_string();
    for part in [
        &store.path().display().to_string(),
        &gone.display().to_string(),
        "does not exist",
        "fix:",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    assert_eq!(
        std::fs::read_link(store.path()).expect("still a link"),
        gone
    );
    assert!(!dir.path().join("unmounted").exists());
    // Reading says so too, rather than showing an empty history.
    let err = store.load().expect_err("refused");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn a_link_whose_folder_cannot_be_written_is_refused() {
    // /proc/version is a regular file in a folder not even root can write to.
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let target = Path::new("/proc/version");
    assert!(target.is_file(), "/proc is mounted");
    std::os::unix::fs::symlink(target, store.path()).expect("link");
    let err = store.append(&a_record()).expect_err("refused");
    let text = err.to_string();
    for part in [
        &store.path().display().to_string(),
        "/proc/version",
        "cannot be written",
        "fix:",
    ] {
        assert!(text.contains(part), "{part:?} in {text}");
    }
    assert_eq!(
        std::fs::read_link(store.path()).expect("still a link"),
        target
    );
    assert_eq!(names_in(dir.path()), ["history.json", "history.lock"]);
}

#[test]
fn an_unreadable_linked_history_is_set_aside_beside_its_target() {
    let dir = tempfile::tempdir().expect("tempdir");
    let synced = dir.path().join("synced");
    std::fs::create_dir(&synced).expect("mkdir");
    let target = synced.join("mine.json");
    std::fs::write(&target, "not json").expect("write");
    let store = Store::at(&dir.path().join("data"));
    std::fs::create_dir(dir.path().join("data")).expect("mkdir");
    std::os::unix::fs::symlink(&target, store.path()).expect("link");

    let record = a_record();
    let saved = store.append(&record).expect("append");
    let aside = saved.set_aside.expect("set aside");
    let real = synced.canonicalize().expect("real path");
    assert_eq!(
        aside.to.parent(),
        Some(real.as_path()),
        "{}",
        aside.to.display()
    );
    let name = aside.to.file_name().expect("name").to_string_lossy();
    assert!(name.starts_with("mine.json.unreadable-"), "{name}");
    assert_eq!(
        std::fs::read_to_string(&aside.to).expect("kept"),
        "not json"
    );
    assert!(aside.reason.contains("mine.json"), "{}", aside.reason);
    assert!(is_link(&store.path()));
    assert_eq!(store.load().expect("load").sessions, vec![record]);
    assert_eq!(
        names_in(&dir.path().join("data")),
        ["history.json", "history.lock"]
    );
}

#[test]
fn a_link_to_a_folder_is_refused_and_the_folder_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let synced = dir.path().join("synced");
    std::fs::create_dir(&synced).expect("mkdir");
    std::fs::write(synced.join("photo.jpg"), "mine").expect("write");
    let store = Store::at(&dir.path().join("data"));
    std::fs::create_dir(dir.path().join("data")).expect("mkdir");
    std::os::unix::fs::symlink(&synced, store.path()).expect("link");
    for err in [
        store.load().expect_err("refused"),
        store.append(&a_record()).expect_err("refused"),
    ] {
        let text = err.to_string();
        assert!(text.contains("a folder") && text.contains("fix:"), "{text}");
    }
    assert_eq!(names_in(&synced), ["photo.jpg"]);
    assert!(is_link(&store.path()));
}

#[test]
fn stale_temporary_files_are_removed_at_the_next_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    store.append(&a_record()).expect("append");
    // What a save killed after writing left, and things that only look like it.
    std::fs::write(dir.path().join(".history-AbC123.tmp"), vec![b' '; 1 << 20]).expect("write");
    std::fs::write(dir.path().join(".history-notes.txt"), "mine").expect("write");
    std::fs::write(dir.path().join("history-x.tmp"), "mine").expect("write");
    std::fs::create_dir(dir.path().join(".history-dir.tmp")).expect("mkdir");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let kept = elsewhere.path().join("kept");
    std::fs::write(&kept, "mine").expect("write");
    std::os::unix::fs::symlink(&kept, dir.path().join(".history-link.tmp")).expect("link");

    assert_eq!(store.append(&a_record()).expect("append").sessions, 2);
    assert_eq!(
        names_in(dir.path()),
        [
            ".history-dir.tmp",
            ".history-link.tmp",
            ".history-notes.txt",
            "history-x.tmp",
            "history.json",
            "history.lock"
        ]
    );
    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), "mine");
}

#[test]
fn a_folder_in_place_of_the_history_is_set_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    std::fs::create_dir(store.path()).expect("mkdir");
    std::fs::write(store.path().join("notes.txt"), "mine").expect("write");

    let err = store.load().expect_err("a folder is not a history");
    assert!(matches!(err, HistoryError::Unreadable(_)), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("history.json") && text.contains("not a regular file"),
        "{text}"
    );

    let record = a_record();
    let aside = store
        .append(&record)
        .expect("append")
        .set_aside
        .expect("set aside");
    let name = aside.to.file_name().expect("name").to_string_lossy();
    assert!(name.starts_with("history.json.unreadable-"), "{name}");
    assert_eq!(
        std::fs::read_to_string(aside.to.join("notes.txt")).expect("kept"),
        "mine"
    );
    assert_eq!(store.load().expect("load").sessions, vec![record]);
}

#[test]
fn a_named_pipe_in_place_of_the_history_never_blocks() {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let fifo = store.path();
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // Should loading block on it, a writer lets the reader go before the test fails.
    let unblock = |fifo: &Path| {
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(fifo);
    };

    let s = store.clone();
    let loaded = within_a_second(move || s.load().map(|h| h.sessions.len()));
    let Some(loaded) = loaded else {
        unblock(&fifo);
        panic!("loading blocked on a named pipe");
    };
    let err = loaded.expect_err("a pipe is not a history");
    let text = err.to_string();
    assert!(
        text.contains("history.json") && text.contains("not a regular file"),
        "{text}"
    );

    let s = store.clone();
    let saved = within_a_second(move || s.append(&a_record()));
    let Some(saved) = saved else {
        unblock(&fifo);
        panic!("saving blocked on a named pipe");
    };
    let aside = saved.expect("append").set_aside.expect("set aside");
    let moved = std::fs::symlink_metadata(&aside.to).expect("kept");
    assert!(moved.file_type().is_fifo());
    assert_eq!(store.load().expect("load").sessions.len(), 1);
}

#[test]
fn a_history_over_the_size_limit_is_read_by_no_view_and_set_aside_by_a_save() {
    use supple::history::MAX_BYTES;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    // Just at the limit: read.
    let mut text = history_text(&[a_record()]);
    text.push_str(&" ".repeat(usize::try_from(MAX_BYTES).expect("size") - text.len()));
    std::fs::write(store.path(), &text).expect("write");
    assert_eq!(store.load().expect("at the limit").sessions.len(), 1);

    // One byte more (a sparse file): not read, and the message says what a save does.
    let big = std::fs::OpenOptions::new()
        .write(true)
        .open(store.path())
        .expect("open");
    big.set_len(MAX_BYTES + 1).expect("grow");
    drop(big);
    let text = store.load().expect_err("too large").to_string();
    for part in [
        store.path().display().to_string(),
        (MAX_BYTES + 1).to_string(),
        MAX_BYTES.to_string(),
        "sets it aside, untouched".to_string(),
    ] {
        assert!(text.contains(&part), "{part:?} in {text}");
    }
}

/// A file's bytes, compared by length and a digest (files of tens of MB are compared
/// without holding two copies).
fn digest(path: &Path) -> (u64, u64) {
    use std::hash::{Hash, Hasher};
    use std::io::Read;
    let mut file = std::fs::File::open(path).expect("open");
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut len = 0u64;
    loop {
        let n = file.read(&mut buf).expect("read");
        if n == 0 {
            break;
        }
        len += n as u64;
        buf[..n].hash(&mut hasher);
    }
    (len, hasher.finish())
}

/// No history, however large or damaged, blocks a save: a valid 12 MB history (more than
/// supple reads) and 50 MB of damage are each set aside with their bytes untouched, the
/// person is told where, and the session or test result starts a new history.
#[test]
fn an_oversized_history_is_set_aside_whole_and_the_save_goes_on() {
    use std::io::Write;
    let valid = {
        // About 2.5 KB a session: 12 MB of real sessions, one a day.
        let one = serde_json::to_string_pretty(&a_record()).expect("json");
        let count = 12_000_000 / one.len() + 1;
        let mut text = String::from("{\n  \"version\": 1,\n  \"sessions\": [\n");
        for i in 0..count {
            if i > 0 {
                text.push_str(",\n");
            }
            text.push_str(&one);
        }
        text.push_str("\n  ]\n}\n");
        assert!(text.len() > 12_000_000);
        text.into_bytes()
    };
    let damaged: Vec<u8> = (0..50_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    for (what, bytes) in [("valid 12 MB", valid), ("damaged 50 MB", damaged)] {
        for by_test in [false, true] {
            let dir = tempfile::tempdir().expect("tempdir");
            let store = Store::at(dir.path());
            std::fs::File::create(store.path())
                .and_then(|mut f| f.write_all(&bytes))
                .expect("write");
            let before = digest(&store.path());
            let saved = if by_test {
                store.add_test(&a_test_result()).expect("saved")
            } else {
                store.append(&a_record()).expect("saved")
            };
            let aside = saved.set_aside.as_ref().expect("set aside");
            assert_eq!(
                digest(&aside.to),
                before,
                "{what}: the old bytes, untouched"
            );
            assert!(
                aside.reason.contains("bytes, more than"),
                "{what}: {}",
                aside.reason
            );
            let notes = saved.notes("this session");
            assert!(
                notes.contains(&aside.to.display().to_string())
                    && notes.contains("nothing in it changed"),
                "{what}: {notes}"
            );
            let history = store.load().expect("a new history");
            assert_eq!(
                (history.sessions.len(), history.tests.len()),
                if by_test { (0, 1) } else { (1, 0) },
                "{what}"
            );
        }
    }
}

fn a_test_result() -> supple::history::TestResult {
    supple::history::TestResult::new(
        zoned("2026-11-24T09:00:00Z[UTC]"),
        supple::history::FlexTest::Aket,
        (Some(28), Some(35), None),
        None,
        None,
    )
    .expect("result")
}

/// The pending folders of a test: two, in a temporary folder.
fn pending_dirs(root: &Path) -> Vec<PathBuf> {
    vec![root.join("state/pending"), root.join("run/pending")]
}

/// When the history cannot be written at all, the session is kept pending (mode 0600), and
/// the next save that works adds it, once, in order, and says so; the faults: a link to a
/// folder that is not there (a synced folder not mounted), a lock that is a folder, a data
/// folder that is a file.
#[test]
fn a_session_that_cannot_be_saved_waits_and_is_added_once_by_the_next_save() {
    use std::os::unix::fs::PermissionsExt;
    use supple::history::Kept;
    type Fault = (&'static str, fn(&Path), fn(&Path));
    let faults: [Fault; 3] = [
        (
            "a link to an unmounted folder",
            |data| {
                std::fs::create_dir_all(data).expect("mkdir");
                std::os::unix::fs::symlink(
                    "/nonexistent-sync/supple/history.json",
                    data.join("history.json"),
                )
                .expect("link");
            },
            |data| std::fs::remove_file(data.join("history.json")).expect("unlink"),
        ),
        (
            "a lock that is a folder",
            |data| std::fs::create_dir_all(data.join("history.lock")).expect("mkdir"),
            |data| std::fs::remove_dir(data.join("history.lock")).expect("rmdir"),
        ),
        (
            "a data folder that is a file",
            |data| std::fs::write(data, "in the way").expect("write"),
            |data| std::fs::remove_file(data).expect("rm"),
        ),
    ];
    for (fault, break_it, mend_it) in faults {
        let root = tempfile::tempdir().expect("tempdir");
        let data = root.path().join("data");
        let store = Store::at(&data).with_pending(pending_dirs(root.path()));
        break_it(&data);
        let first = holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 60);
        let test = a_test_result();
        let Ok(Kept::Pending { why, file }) = store.keep_session(&first) else {
            panic!("{fault}: not kept pending");
        };
        assert!(
            file.starts_with(root.path().join("state/pending")),
            "{fault}: {file:?}"
        );
        let mode = std::fs::metadata(&file)
            .expect("pending")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{fault}");
        assert!(!why.to_string().is_empty());
        assert!(
            matches!(store.keep_test(&test), Ok(Kept::Pending { .. })),
            "{fault}"
        );
        assert_eq!(store.pending().len(), 2, "{fault}");

        mend_it(&data);
        let second = holds("2026-11-25T08:00:00Z[UTC]", "quick", 60, 60);
        let Ok(Kept::Saved(saved)) = store.keep_session(&second) else {
            panic!("{fault}: not saved once mended");
        };
        assert_eq!(
            (saved.merged.sessions, saved.merged.tests),
            (1, 1),
            "{fault}"
        );
        assert_eq!(
            saved.merged.words().as_deref(),
            Some(
                "1 session and 1 test result from earlier, kept while the history could not \
                 be written, were added to it"
            )
        );
        assert!(store.pending().is_empty(), "{fault}: removed once added");
        let history = store.load().expect("load");
        assert_eq!(
            history.sessions,
            vec![first.clone(), second.clone()],
            "{fault}"
        );
        assert_eq!(history.tests, vec![test.clone()], "{fault}");
        // The streak and the week count it.
        let overview = Overview::new(&history.sessions, date(2026, 11, 25), 7);
        assert_eq!(overview.streak, 2, "{fault}");
        assert_eq!(overview.this_week, 2, "{fault}");

        // A pending file left behind after it was added (a crash between the two) is
        // recognised and not added twice.
        let again = store.with_pending(pending_dirs(root.path()));
        std::fs::create_dir_all(root.path().join("run/pending")).expect("mkdir");
        std::fs::set_permissions(
            root.path().join("run"),
            std::fs::Permissions::from_mode(0o700),
        )
        .expect("chmod");
        std::fs::set_permissions(
            root.path().join("run/pending"),
            std::fs::Permissions::from_mode(0o700),
        )
        .expect("chmod");
        std::fs::write(
            root.path().join("run/pending/session-again.json"),
            serde_json::to_string(&serde_json::json!({ "session": first })).expect("json"),
        )
        .expect("write");
        let saved = again
            .append(&holds("2026-11-26T08:00:00Z[UTC]", "quick", 60, 60))
            .expect("saved");
        assert_eq!(saved.merged.sessions, 0, "{fault}: added twice");
        assert_eq!(saved.sessions, 3, "{fault}");
        assert!(again.pending().is_empty(), "{fault}");
    }
}

/// With no pending folder that takes files either, the record is lost, and both reasons say
/// why; a pending folder that is not private (another user's, or open to others) is not used.
#[test]
fn a_record_with_nowhere_to_go_says_why_and_open_folders_are_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    std::fs::write(&data, "in the way").expect("write");
    let blocked = root.path().join("blocked");
    std::fs::write(&blocked, "a file").expect("write");
    let open = root.path().join("open");
    std::fs::create_dir_all(open.join("pending")).expect("mkdir");
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let store = Store::at(&data).with_pending(vec![blocked.join("pending"), open.join("pending")]);
    let lost = store.keep_session(&a_record()).expect_err("nowhere to go");
    assert!(lost.why.to_string().contains("data"), "{}", lost.why);
    assert!(lost.pending.contains("blocked/pending"), "{}", lost.pending);
    assert!(
        lost.pending.contains("not a private folder of yours"),
        "{}",
        lost.pending
    );
    assert_eq!(
        std::fs::read_dir(open.join("pending")).expect("ls").count(),
        0
    );
}

const APPENDS: usize = 40;

/// Run only as a child of the test below: appends `APPENDS` sessions to the given folder.
#[test]
#[ignore = "a helper process for concurrent_appends_from_two_processes_lose_nothing"]
fn append_helper() {
    let Ok(dir) = std::env::var("SUPPLE_TEST_HISTORY_DIR") else {
        return;
    };
    let who = std::env::var("SUPPLE_TEST_WHO").unwrap_or_default();
    let store = Store::at(Path::new(&dir));
    for i in 0..APPENDS {
        store
            .append(&holds(
                "2026-11-24T08:00:00Z[UTC]",
                &format!("{who}-{i}"),
                60,
                60,
            ))
            .expect("append");
    }
}

#[test]
fn concurrent_appends_from_two_processes_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|who| {
            Command::new(&exe)
                .args([
                    "--exact",
                    "history::append_helper",
                    "--ignored",
                    "--test-threads=1",
                ])
                .env("SUPPLE_TEST_HISTORY_DIR", dir.path())
                .env("SUPPLE_TEST_WHO", who)
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let history = Store::at(dir.path()).load().expect("load");
    let mut names: Vec<String> = history.sessions.iter().map(|s| s.routine.clone()).collect();
    names.sort();
    let mut expected: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|who| (0..APPENDS).map(move |i| format!("{who}-{i}")))
        .collect();
    expected.sort();
    assert_eq!(names, expected, "every append from both processes is there");
    for who in ["a", "b"] {
        let mine: Vec<&String> = history
            .sessions
            .iter()
            .map(|s| &s.routine)
            .filter(|r| r.starts_with(who))
            .collect();
        let in_order: Vec<String> = (0..APPENDS).map(|i| format!("{who}-{i}")).collect();
        assert_eq!(
            mine,
            in_order.iter().collect::<Vec<_>>(),
            "each process's order kept"
        );
    }
}

#[test]
fn a_streak_counts_local_days_and_survives_until_the_day_is_over() {
    let sessions = vec![
        // Late on the 21st in New York: that evening counts for the 21st, although it is
        // already the 22nd in UTC.
        holds(
            "2026-11-21T23:30:00-05:00[America/New_York]",
            "quick",
            60,
            60,
        ),
        // Just after midnight, a new day.
        holds(
            "2026-11-22T00:15:00-05:00[America/New_York]",
            "quick",
            60,
            60,
        ),
        // Flew to Tokyo: the 23rd there.
        holds("2026-11-23T07:00:00+09:00[Asia/Tokyo]", "quick", 60, 60),
        // Two on the 24th count as one day.
        holds("2026-11-24T07:00:00+09:00[Asia/Tokyo]", "quick", 60, 60),
        holds("2026-11-24T21:00:00+09:00[Asia/Tokyo]", "quick", 60, 60),
    ];
    let on = |d| Overview::new(&sessions, d, 28);
    assert_eq!(on(date(2026, 11, 24)).streak, 4);
    assert_eq!(
        on(date(2026, 11, 25)).streak,
        4,
        "today not done yet: not lost"
    );
    assert_eq!(
        on(date(2026, 11, 26)).streak,
        4,
        "one rest day, and today still open"
    );
    assert_eq!(on(date(2026, 11, 27)).streak, 0, "two whole days missed");
    assert_eq!(on(date(2026, 11, 22)).streak, 2);
    let gap = vec![sessions[0].clone(), sessions[3].clone()];
    assert_eq!(Overview::new(&gap, date(2026, 11, 24), 28).streak, 1);
    // One day missed between two sessions keeps the streak.
    let rest = vec![sessions[1].clone(), sessions[3].clone()];
    assert_eq!(Overview::new(&rest, date(2026, 11, 24), 28).streak, 2);
}

#[test]
fn streaks_and_days_hold_across_daylight_saving_changes() {
    // Europe/Berlin leaves summer time on 25 October 2026 (a 25-hour day).
    let sessions = vec![
        holds("2026-10-24T23:50:00+02:00[Europe/Berlin]", "quick", 30, 30),
        holds("2026-10-25T23:50:00+01:00[Europe/Berlin]", "quick", 40, 40),
        holds("2026-10-26T00:10:00+01:00[Europe/Berlin]", "quick", 50, 50),
    ];
    let overview = Overview::new(&sessions, date(2026, 10, 26), 3);
    assert_eq!(overview.streak, 3);
    let days: Vec<(String, u64)> = overview
        .days
        .iter()
        .map(|d| (d.date.to_string(), d.held.left))
        .collect();
    assert_eq!(
        days,
        vec![
            ("2026-10-24".to_string(), 30),
            ("2026-10-25".to_string(), 40),
            ("2026-10-26".to_string(), 50)
        ]
    );
}

#[test]
fn per_day_totals_add_sessions_and_legs_and_fill_empty_days() {
    let sessions = vec![
        holds("2026-11-20T08:00:00Z[UTC]", "quick", 60, 40),
        holds("2026-11-20T18:00:00Z[UTC]", "hamstring", 20, 20),
        holds("2026-11-23T08:00:00Z[UTC]", "quick", 60, 60),
    ];
    let overview = Overview::new(&sessions, date(2026, 11, 24), 7);
    assert_eq!(overview.days.len(), 7);
    assert_eq!(overview.days[0].date, date(2026, 11, 18));
    let friday = overview.days.iter().find(|d| d.date == date(2026, 11, 20));
    let friday = friday.expect("the 20th");
    assert_eq!(friday.sessions, 2);
    assert_eq!(
        friday.held,
        LegSeconds {
            left: 80,
            right: 60
        }
    );
    assert_eq!(overview.days[6].sessions, 0, "today has none yet");
    assert_eq!(overview.total, 3);
    // Week of Monday the 23rd: only the session on the 23rd.
    assert_eq!(overview.this_week, 1);
    assert_eq!(
        overview.held_total,
        LegSeconds {
            left: 140,
            right: 120
        }
    );
}

#[test]
fn an_imbalance_is_mentioned_only_when_it_is_real() {
    let today = date(2026, 11, 24);
    let even = vec![holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 55)];
    assert_eq!(Overview::new(&even, today, 28).imbalance, None);
    let uneven = vec![
        holds("2026-11-22T08:00:00Z[UTC]", "quick", 60, 30),
        holds("2026-11-24T08:00:00Z[UTC]", "quick", 60, 40),
    ];
    let imbalance = Overview::new(&uneven, today, 28)
        .imbalance
        .expect("imbalance");
    assert_eq!(imbalance.less, "right");
    assert_eq!(imbalance.percent, 41, "70 s against 120 s");
    // Old sessions do not count: only the last two weeks.
    let old = vec![holds("2026-10-01T08:00:00Z[UTC]", "quick", 60, 0)];
    assert_eq!(Overview::new(&old, today, 28).imbalance, None);
}

#[test]
fn the_summary_compares_with_the_last_session_of_the_same_routine() {
    let sessions = vec![
        holds("2026-11-22T08:00:00Z[UTC]", "quick", 50, 50),
        holds("2026-11-23T08:00:00Z[UTC]", "quick", 60, 45),
        holds("2026-11-23T20:00:00Z[UTC]", "hamstring", 99, 99),
    ];
    let last = last_of(&sessions, "quick").expect("last");
    let text = LastTime::of(last).compare(LegSeconds {
        left: 60,
        right: 60,
    });
    assert_eq!(
        text,
        "Mon 23 Nov: 60 s left, 45 s right. Today: the same on the left, 15 s more on the right."
    );
    assert!(last_of(&sessions, "solo").is_none());
}

#[test]
fn json_export_parses_back_to_the_same_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    store
        .append(&session_of(100, "2026-11-24T08:00:00+01:00[Europe/Paris]"))
        .expect("append");
    let history = store.load().expect("load");
    let mut out = Vec::new();
    export::json(&mut out, &history).expect("export");
    let back: supple::history::HistoryFile = serde_json::from_slice(&out).expect("parses");
    assert_eq!(back, history);
    assert_eq!(
        out,
        std::fs::read(store.path()).expect("file"),
        "the export is the file's own format"
    );
}

#[test]
fn a_record_reads_back_as_the_instant_it_was_even_if_zone_rules_changed() {
    // Written when Paris was at +09:00 (rules that do not hold today), and in a zone this
    // machine does not know: both read, at the offset written, and count for their dates.
    let text = r#"{ "version": 1, "sessions": [
        { "started": "2026-07-01T08:00:00+09:00[Europe/Paris]", "routine": "quick",
          "title": "Quick", "planned_seconds": 1, "elapsed_seconds": 1, "completed": true,
          "exercises": [] },
        { "started": "2026-07-02T23:30:00-03:00[Mars/Olympus_Mons]", "routine": "quick",
          "title": "Quick", "planned_seconds": 1, "elapsed_seconds": 1, "completed": true,
          "exercises": [] } ] }"#;
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    std::fs::write(store.path(), text).expect("write");
    let history = store.load().expect("reads despite the rules");
    let first = &history.sessions[0];
    assert_eq!(
        first.started.timestamp().to_string(),
        "2026-06-30T23:00:00Z"
    );
    let second = &history.sessions[1];
    assert_eq!(
        second.started.timestamp().to_string(),
        "2026-07-03T02:30:00Z"
    );
    assert_eq!(
        second.day(),
        date(2026, 7, 2),
        "the local date where it happened"
    );
}

#[test]
fn the_summary_and_the_record_round_held_time_the_same_way() {
    // A hold skipped part-way through a second.
    let mut engine = Engine::new(builtin_plan("quick"));
    let t0 = Instant::now();
    engine.start(t0);
    let first_hold = engine
        .plan()
        .steps
        .iter()
        .find(|s| s.phase == supple::session::Phase::Hold)
        .expect("a hold")
        .start;
    let at = t0 + first_hold + Duration::from_millis(12_600);
    engine.update(at);
    engine.skip(at);
    engine.finish(at);
    let record = SessionRecord::from_engine(&engine, zoned("2026-11-24T08:00:00Z[UTC]"), at);
    let shown = LegSeconds::of(&engine.tally());
    assert_eq!(record.held(), shown);
    assert_eq!(shown.left, 13);
    let text = LastTime::of(&record).compare(shown);
    assert!(
        text.ends_with("Today: the same on the left, the same on the right."),
        "{text}"
    );
}

#[test]
fn an_imbalance_needs_both_a_fifth_and_half_a_minute() {
    let today = date(2026, 11, 24);
    let on = |left, right| {
        let s = vec![holds("2026-11-24T08:00:00Z[UTC]", "quick", left, right)];
        Overview::new(&s, today, 7)
            .imbalance
            .map(|i| (i.less, i.percent))
    };
    assert_eq!(on(150, 120), Some(("right", 20)), "exactly 20 % and 30 s");
    assert_eq!(on(150, 121), None, "19 %");
    assert_eq!(on(100, 71), None, "29 s");
    assert_eq!(on(0, 40), Some(("left", 100)));
}

#[test]
fn this_week_runs_from_monday_through_a_sunday_today() {
    let sessions = vec![
        holds("2026-11-22T08:00:00Z[UTC]", "quick", 60, 60), // the Sunday before
        holds("2026-11-23T08:00:00Z[UTC]", "quick", 60, 60), // Monday
        holds("2026-11-29T20:00:00Z[UTC]", "quick", 60, 60), // Sunday
    ];
    let overview = Overview::new(&sessions, date(2026, 11, 29), 7);
    assert_eq!(overview.this_week, 2);
    let monday = Overview::new(&sessions, date(2026, 11, 23), 7);
    assert_eq!(monday.this_week, 1);
}

#[test]
fn absurd_numbers_in_a_hand_edited_file_do_not_overflow() {
    let huge = holds("2026-11-24T08:00:00Z[UTC]", "quick", u64::MAX - 1, 1);
    let sessions = vec![huge.clone(), huge];
    let overview = Overview::new(&sessions, date(2026, 11, 24), 7);
    assert_eq!(overview.held_total.left, u64::MAX);
    assert_eq!(overview.imbalance.map(|i| i.percent), Some(99));
}

#[test]
fn csv_export_has_the_documented_columns_and_a_row_per_exercise_and_side() {
    let history = supple::history::HistoryFile {
        version: 1,
        sessions: vec![holds(
            "2026-11-23T23:30:00-05:00[America/New_York]",
            "quick",
            60,
            45,
        )],
        ..Default::default()
    };
    let mut out = Vec::new();
    export::csv(&mut out, &history).expect("export");
    let text = String::from_utf8(out).expect("utf8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "started,date,routine,completed,elapsed_seconds,exercise,name,kind,side,planned,done,skipped,held_seconds"
    );
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[1],
        "2026-11-24T04:30:00Z,2026-11-23,quick,true,300,seated-stretch,Seated hamstring stretch,hold,left,3,3,0,60"
    );
    assert!(lines[2].ends_with(",right,3,3,0,45"), "{}", lines[2]);
    // The README documents the same columns.
    let readme = std::fs::read_to_string("README.md").expect("README");
    assert!(
        readme.contains(&export::CSV_COLUMNS.join(",")),
        "README lists the CSV columns"
    );
}

/// Each leg's total is the sum of its rows as shown (whole seconds per row), in the summary,
/// the printed record and the history, however the part seconds fall.
#[test]
fn leg_totals_add_up_to_the_rows_shown() {
    let plan = builtin_plan("hamstring");
    let holds: Vec<_> = plan
        .steps
        .iter()
        .filter(|s| s.phase == supple::session::Phase::Hold)
        .cloned()
        .collect();
    let mut engine = Engine::new(plan);
    let t0 = Instant::now();
    engine.start(t0);
    // Skip every hold after 0.4 s (rounds down) or 1.6 s (rounds up), in turn.
    for (i, hold) in holds.iter().enumerate() {
        let at = t0 + hold.start + Duration::from_millis(if i % 2 == 0 { 400 } else { 1_600 });
        engine.update(at);
        if engine
            .step()
            .is_some_and(|s| s.phase == supple::session::Phase::Hold)
        {
            engine.skip(at);
        }
    }
    let tally = engine.tally();
    let shown = LegSeconds::of(&tally);
    let rows = |leg: fn(supple::session::Side) -> bool| -> u64 {
        tally
            .rows
            .iter()
            .filter(|r| r.phase == supple::session::Phase::Hold && leg(r.side))
            .map(|r| supple::session::whole_seconds(r.held))
            .sum()
    };
    assert_eq!(shown.left, rows(|s| s.legs().0));
    assert_eq!(shown.right, rows(|s| s.legs().1));
    let record = SessionRecord::from_engine(&engine, zoned("2026-11-24T08:00:00Z[UTC]"), t0);
    assert_eq!(record.held(), shown);
}

/// Runs `script` with `sh` in a mount namespace of its own (`unshare -rm`: also without root,
/// where user namespaces are allowed), so it can mount a small or read-only file system over
/// a folder that, outside, stays as it was. `None` where the machine allows no such
/// namespace: under CI=true that fails the test, since CI must run it.
fn in_own_mounts(script: &str, env: &[(&str, &Path)]) -> Option<std::process::Output> {
    let mut cmd = Command::new("unshare");
    cmd.args(["-rm", "sh", "-ec", script]);
    for (key, value) in env {
        cmd.env(key, value);
    }
    match cmd.output() {
        Ok(out)
            if out.status.success()
                || !String::from_utf8_lossy(&out.stderr).contains("unshare:") =>
        {
            Some(out)
        }
        other => {
            crate::common::goes_without("a mount namespace", &format!("{other:?}"));
            None
        }
    }
}

/// Through the binary: a full disk and a read-only data folder (each a small file system
/// mounted over the data folder in a namespace of its own). The session runs to its end,
/// is kept pending with a word saying where, and once the disk is back, the next save (here
/// a test result) adds it exactly once; `status` then counts it.
#[test]
fn a_full_disk_or_a_read_only_folder_keeps_the_session_for_the_next_save() {
    let routine = r#"{ "name": "tiny", "title": "Tiny",
      "defaults": { "lead_in_seconds": 0, "transition_seconds": 0 },
      "steps": [ { "exercise": "seated-stretch", "seconds": 2 } ] }"#;
    let faults = [
        (
            "a full disk",
            "mkdir -p \"$XDG_DATA_HOME\"; mount -t tmpfs -o size=16k tmpfs \"$XDG_DATA_HOME\"; \
             dd if=/dev/zero of=\"$XDG_DATA_HOME/filler\" bs=4k count=8 2>/dev/null || true; \
             \"$SUPPLE\" --no-sound run \"$ROUTINE\" < /dev/null",
        ),
        (
            "a read-only data folder",
            "mkdir -p \"$XDG_DATA_HOME\"; mount -t tmpfs -o size=1m tmpfs \"$XDG_DATA_HOME\"; \
             mkdir -p \"$XDG_DATA_HOME/supple\"; mount -o remount,ro \"$XDG_DATA_HOME\"; \
             \"$SUPPLE\" --no-sound run \"$ROUTINE\" < /dev/null",
        ),
    ];
    for (fault, script) in faults {
        let home = tempfile::tempdir().expect("tempdir");
        let h = home.path();
        let file = h.join("tiny.json");
        std::fs::write(&file, routine).expect("write");
        let supple = PathBuf::from(env!("CARGO_BIN_EXE_supple"));
        let env: Vec<(&str, PathBuf)> = vec![
            ("HOME", h.to_path_buf()),
            ("XDG_CONFIG_HOME", h.join("config")),
            ("XDG_DATA_HOME", h.join("data")),
            ("XDG_STATE_HOME", h.join("state")),
            ("XDG_RUNTIME_DIR", h.join("run")),
            ("TMPDIR", h.join("tmp")),
            ("SUPPLE", supple.clone()),
            ("ROUTINE", file.clone()),
        ];
        let borrowed: Vec<(&str, &Path)> = env.iter().map(|(k, v)| (*k, v.as_path())).collect();
        let Some(out) = in_own_mounts(script, &borrowed) else {
            return;
        };
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "{fault}: {said}");
        assert!(said.contains("Session complete."), "{fault}: {said}");
        assert!(
            said.contains("could not be saved to your history"),
            "{fault}: {said}"
        );
        let pending = h.join("state/supple/pending");
        assert!(
            said.contains(&pending.display().to_string()),
            "{fault}: {said}"
        );
        assert_eq!(
            std::fs::read_dir(&pending).expect("pending").count(),
            1,
            "{fault}"
        );

        // Outside the namespace the data folder is as it was: the next save works.
        let run = |args: &[&str]| {
            let mut cmd = Command::new(&supple);
            for (k, v) in &env {
                cmd.env(k, v);
            }
            let out = cmd.args(args).output().expect("run");
            assert!(out.status.success(), "{fault}: {args:?}: {out:?}");
            String::from_utf8_lossy(&out.stdout).to_string()
        };
        let recorded = run(&["test", "--record", "aket", "--left", "30", "--right", "35"]);
        assert!(
            recorded.contains("1 session from earlier, kept while the history could not be written, was added to it."),
            "{fault}: {recorded}"
        );
        assert_eq!(
            std::fs::read_dir(&pending).expect("pending").count(),
            0,
            "{fault}"
        );
        let status: serde_json::Value =
            serde_json::from_str(&run(&["status", "--json"])).expect("json");
        assert_eq!(status["sessions"], 1, "{fault}: {status}");
        let again = run(&["test", "--record", "aket", "--left", "30", "--right", "35"]);
        assert!(
            !again.contains("from earlier"),
            "{fault}: added once: {again}"
        );
    }
}
