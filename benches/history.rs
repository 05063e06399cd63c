//! What history costs as it grows: saving a session (lock, read, append, write, fsync,
//! rename), building the `supple history` overview, and `supple status` (in the process, and
//! the whole command as a status bar runs it), for three years of daily sessions.
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
    let status = supple::status::Status::of(&kept.sessions, today);
    let status_stats = start.elapsed();
    std::hint::black_box(status);
    let mut in_process = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let mut out = Vec::new();
        supple::status::run(
            &mut out,
            &mut std::io::sink(),
            Some(&store),
            today,
            supple::status::Form::Json,
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
}
