//! The watchdog that ends the process when the loop is stuck after a signal: it keeps the
//! session first, as the loop last handed it over, the hold under way included; and it leaves
//! a loop that finishes in time to keep the session itself. Real signals, a short grace
//! period, and a way out that reports instead of exiting.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::common::plan_from;
use signal_hook::consts::SIGTERM;
use supple::history::Store;
use supple::history::report::keep_session;
use supple::runtime::{LastWords, watch_signals_with};
use supple::session::{Engine, Side};

const ROUTINE: &str = r#"{
  "name": "watchdog",
  "title": "Watchdog",
  "defaults": { "lead_in_seconds": 2, "transition_seconds": 2, "switch_seconds": 2 },
  "steps": [
    { "exercise": "lying-stretch", "seconds": 4 },
    { "exercise": "seated-stretch", "seconds": 3 }
  ]
}"#;

const GRACE: Duration = Duration::from_millis(200);

/// Signals reach every watch in the process: one test at a time.
static SIGNALS: Mutex<()> = Mutex::new(());

/// A session started `ago` on the real clock (which the watchdog reads), as the loop handed
/// it over when the left hold began, 2 s in; and where it is kept.
fn session(ago: Duration) -> (Engine, Arc<LastWords>, Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path());
    let t0 = Instant::now().checked_sub(ago).expect("uptime");
    let mut engine = Engine::new(plan_from(ROUTINE));
    engine.start(t0);
    engine.update(t0 + Duration::from_secs(2));
    let keep = keep_session(
        Some(store.clone()),
        jiff::ZonedDateTime::now(),
        None,
        (None, None),
    );
    let last_words = Arc::new(LastWords::new(keep));
    last_words.remember(&engine);
    (engine, last_words, store, dir)
}

type Exit = mpsc::Receiver<(i32, Option<String>)>;

/// Watches signals as `watch_signals` does, with `GRACE`; its way out reports.
fn watch(loop_done: &Arc<AtomicBool>, last_words: &Arc<LastWords>) -> (Arc<AtomicBool>, Exit) {
    let (tx, rx) = mpsc::channel();
    let stop = watch_signals_with(
        Arc::clone(loop_done),
        Some(Arc::clone(last_words)),
        GRACE,
        move |status, words| {
            let _ = tx.send((status, words));
        },
    )
    .expect("watch signals");
    (stop, rx)
}

#[test]
fn a_stuck_loop_has_its_session_kept_before_the_process_ends() {
    let _one = SIGNALS.lock().unwrap_or_else(|e| e.into_inner());
    // 4.5 s ago: 2 s of get-ready, then 2.5 s into the 4 s left hold.
    let (engine, last_words, store, _dir) = session(Duration::from_millis(4_500));
    let loop_done = Arc::new(AtomicBool::new(false));
    let (stop, exit) = watch(&loop_done, &last_words);

    signal_hook::low_level::raise(SIGTERM).expect("raise");
    let (status, words) = exit
        .recv_timeout(Duration::from_secs(10))
        .expect("the watchdog ends a stuck loop");
    assert!(stop.load(Ordering::SeqCst), "the loop was told to stop");
    assert_eq!(status, 128 + SIGTERM);
    let words = words.expect("what was kept is said");
    assert!(words.contains("session ended"), "{words}");
    assert!(
        words.contains("saved to your history (1 session)"),
        "{words}"
    );

    let kept = store.load().expect("history");
    assert_eq!(kept.sessions.len(), 1);
    let session = &kept.sessions[0];
    assert!(!session.completed);
    let left = session
        .exercises
        .iter()
        .find(|e| e.exercise == "lying-stretch" && e.side == Side::Left)
        .expect("the left hold");
    assert!(
        left.held_seconds >= 2,
        "the hold under way counts as far as it went: {left:?}"
    );
    // Stopped, not passed over: neither done nor skipped.
    assert_eq!((left.done, left.skipped), (0, 0), "{left:?}");

    // The loop's caller, coming after all, does not save it twice.
    assert_eq!(last_words.end(&engine, Instant::now()), None);
    assert_eq!(store.load().expect("history").sessions.len(), 1);
}

#[test]
fn a_loop_that_finishes_in_time_keeps_the_session_itself() {
    let _one = SIGNALS.lock().unwrap_or_else(|e| e.into_inner());
    let (engine, last_words, store, _dir) = session(Duration::from_millis(4_500));
    let loop_done = Arc::new(AtomicBool::new(false));
    let (stop, exit) = watch(&loop_done, &last_words);

    signal_hook::low_level::raise(SIGTERM).expect("raise");
    loop_done.store(true, Ordering::SeqCst);
    assert!(
        exit.recv_timeout(GRACE * 5).is_err(),
        "the watchdog ended a process whose loop had finished"
    );
    assert!(stop.load(Ordering::SeqCst));
    assert_eq!(store.load().expect("history").sessions.len(), 0);

    let words = last_words
        .end(&engine, Instant::now())
        .expect("the caller keeps it");
    assert!(
        words.contains("saved to your history (1 session)"),
        "{words}"
    );
    assert_eq!(store.load().expect("history").sessions.len(), 1);
}

/// A session too short to count says so once in the record printed after it, whether or not
/// the streak was known.
#[test]
fn a_short_session_is_called_too_short_once() {
    for streaks in [
        None,
        Some(supple::history::Streaks {
            if_counted: 3,
            otherwise: 2,
        }),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let t0 = Instant::now();
        let mut engine = Engine::new(plan_from(
            &ROUTINE.replace("\"seconds\": 4", "\"seconds\": 40"),
        ));
        engine.start(t0);
        engine.update(t0 + Duration::from_secs(2));
        engine.finish(t0 + Duration::from_secs(12));
        let keep = keep_session(
            Some(Store::at(dir.path())),
            jiff::ZonedDateTime::now(),
            None,
            (streaks, None),
        );
        let record = keep(&engine, t0 + Duration::from_secs(12));
        assert_eq!(
            record.to_lowercase().matches("too short to count").count(),
            1,
            "{streaks:?}:\n{record}"
        );
        assert!(record.contains("saved to your history"), "{record}");
    }
}
