//! What history costs as it grows: saving a session (lock, read, append, write, fsync,
//! rename), building the `supple history` overview, and `supple status` (in the process, and
//! the whole command as a status bar runs it), for three years of daily sessions; and the
//! peak memory of a save through the binary with the largest history supple reads (just
//! under `MAX_BYTES`) and with a 50 MB damaged one, which a save sets aside unread.
//! Run with `cargo bench --bench history` (DAYS sets the size, 1096 by default).

use std::time::{Duration, Instant};

use jiff::ToSpan;
use supple::content::Kind;
use supple::history::{ExerciseRecord, Overview, SessionRecord, Store};
use supple::session::Side;

fn session(day: jiff::civil::Date) -> SessionRecord {
    let row = |exercise: &str, kind, side| ExerciseRecord {
        exercise: exercise.into(),
        name: exercise.into(),
        kind,
        side,
        planned: 3,
        done: 3,
        skipped: 0,
        held_seconds: 60,
    };
    let mut exercises = vec![row("jumping-jacks", Kind::Cardio, Side::None)];
    for exercise in [
        "anchor-stretch",
        "seated-stretch",
        "lying-stretch",
        "assisted-stretch",
    ] {
        exercises.push(row(exercise, Kind::Hold, Side::Left));
        exercises.push(row(exercise, Kind::Hold, Side::Right));
    }
    SessionRecord {
        started: day
            .at(7, 30, 0, 0)
            .in_tz("Europe/Paris")
            .expect("a time in Paris"),
        routine: "hamstring".into(),
        title: "Hamstring session".into(),
        planned_seconds: 715,
        elapsed_seconds: 715,
        completed: true,
        exercises,
    }
}

fn main() {
    // A fresh, small copy of this bench measures a save: a child's peak memory counts what
    // its parent held when it forked, and the bench holds whole histories.
    if let Some(data) = std::env::var_os("SUPPLE_BENCH_SAVE_INTO") {
        println!(
            "PEAK_KIB={}",
            peak_kib_of_a_save(std::path::Path::new(&data))
        );
        return;
    }
    let days: i64 = std::env::var("DAYS")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(1096);
    // The data folder of `XDG_DATA_HOME=dir`, for the runs of the binary below.
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("supple");
    std::fs::create_dir(&data).expect("mkdir");
    let store = Store::at(&data);
    let first = jiff::civil::date(2023, 11, 25);
    let history = supple::history::HistoryFile {
        sessions: (0..days)
            .map(|i| session(first.checked_add(i.days()).expect("a date")))
            .collect(),
        ..Default::default()
    };
    std::fs::write(
        store.path(),
        serde_json::to_vec_pretty(&history).expect("json"),
    )
    .expect("write");
    let size = std::fs::metadata(store.path()).expect("meta").len();

    let record = session(first.checked_add(days.days()).expect("a date"));
    let mut saves = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        store.append(&record).expect("append");
        saves.push(start.elapsed());
    }
    saves.sort();

    let start = Instant::now();
    let kept = store.load().expect("load");
    let load = start.elapsed();
    let today = first.checked_add(days.days()).expect("a date");
    let start = Instant::now();
    let overview = Overview::new(&kept.sessions, today, 26);
    let stats = start.elapsed();
    std::hint::black_box(overview);

    let start = Instant::now();
    let status = supple::cli::status::Status::of(&kept.sessions, today);
    let status_stats = start.elapsed();
    std::hint::black_box(status);
    let mut in_process = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let mut out = Vec::new();
        supple::cli::status::run(
            &mut out,
            &mut std::io::sink(),
            Some(&store),
            today,
            supple::cli::status::Form::Json,
            false,
        )
        .expect("status");
        in_process.push(start.elapsed());
    }
    in_process.sort();
    // The whole command, as a status bar or a prompt runs it: start, read, print, exit.
    let mut runs = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_supple"))
            .args(["status", "--short"])
            .env("XDG_DATA_HOME", dir.path())
            .output()
            .expect("run supple status");
        runs.push(start.elapsed());
        assert!(output.status.success(), "{output:?}");
    }
    runs.sort();

    let (largest_mb, largest_kib) = peak_of_a_save_at_the_limit();
    let damaged_kib = peak_of_a_save_over_the_limit();

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} sessions, {:.1} MB: save median {:.1} ms (min {:.1}, max {:.1}); load {:.1} ms; overview {:.2} ms",
        kept.sessions.len(),
        size as f64 / 1e6,
        ms(saves[saves.len() / 2]),
        ms(saves[0]),
        ms(saves[saves.len() - 1]),
        ms(load),
        ms(stats)
    );
    println!(
        "status: streak and week {:.2} ms; read and print --json median {:.1} ms (max {:.1}); \
         `supple status --short` as a process median {:.1} ms (max {:.1}, {} runs)",
        ms(status_stats),
        ms(in_process[in_process.len() / 2]),
        ms(in_process[in_process.len() - 1]),
        ms(runs[runs.len() / 2]),
        ms(runs[runs.len() - 1]),
        runs.len()
    );
    println!(
        "peak memory of `supple test --record` (a save): {:.1} MB with a {largest_mb:.1} MB \
         history (the most supple reads), {:.1} MB with a 50 MB damaged one (set aside unread)",
        largest_kib as f64 / 1024.0,
        damaged_kib as f64 / 1024.0
    );
}

/// A data folder holding `history.json` of `bytes`.
fn data_with(bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("supple")).expect("mkdir");
    std::fs::write(dir.path().join("supple/history.json"), bytes).expect("write");
    dir
}

/// The peak memory (KiB) of `supple test --record` saving into `data`, measured by a fresh
/// copy of this bench (see `main`).
fn peak_kib_in_a_small_process(data: &std::path::Path) -> i64 {
    let out = std::process::Command::new(std::env::current_exe().expect("exe"))
        .env("SUPPLE_BENCH_SAVE_INTO", data)
        .output()
        .expect("helper");
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_once("PEAK_KIB=")
        .and_then(|(_, n)| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no figure from the helper: {text}"))
}

/// The peak memory (KiB) of `supple test --record` saving into `data`, from wait4.
// The child is waited for with wait4, which also gives its resource usage.
#[allow(clippy::zombie_processes)]
fn peak_kib_of_a_save(data: &std::path::Path) -> i64 {
    let home = tempfile::tempdir().expect("tempdir");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_supple"))
        .args(["test", "--record", "aket", "--left", "30", "--right", "35"])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", data)
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_RUNTIME_DIR", home.path().join("run"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    assert_eq!(status, 0, "the save failed");
    usage.ru_maxrss
}

/// A history of daily sessions just under `MAX_BYTES`: its size in MB and the peak of a save.
fn peak_of_a_save_at_the_limit() -> (f64, i64) {
    let first = jiff::civil::date(2014, 1, 1);
    let history_of = |count: usize| {
        let history = supple::history::HistoryFile {
            sessions: (0..count as i64)
                .map(|i| session(first.checked_add(i.days()).expect("a date")))
                .collect(),
            ..Default::default()
        };
        serde_json::to_vec_pretty(&history).expect("json")
    };
    let per_session = history_of(100).len() / 100;
    let mut count = supple::history::MAX_BYTES as usize / per_session;
    let mut bytes = history_of(count);
    while bytes.len() as u64 > supple::history::MAX_BYTES {
        count -= count / 100 + 1;
        bytes = history_of(count);
    }
    let size = bytes.len() as f64 / 1e6;
    let data = data_with(&bytes);
    drop(bytes);
    (size, peak_kib_in_a_small_process(data.path()))
}

/// 50 MB of damage in place of the history: the save sets it aside without reading it.
fn peak_of_a_save_over_the_limit() -> i64 {
    let bytes: Vec<u8> = (0..50_000_000u32).map(|i| (i % 251) as u8).collect();
    let data = data_with(&bytes);
    drop(bytes);
    let kib = peak_kib_in_a_small_process(data.path());
    let aside = std::fs::read_dir(data.path().join("supple"))
        .expect("ls")
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains(".unreadable-"));
    assert!(aside, "the damaged history was not set aside");
    kib
}
