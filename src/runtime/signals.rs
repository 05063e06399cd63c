//! Signals: SIGTERM, SIGHUP and SIGINT become a flag the loop reads, and a watchdog makes
//! sure a signal always ends the process, keeping the session, even when the loop is stuck.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::last_words::LastWords;

/// How long the loop has to finish after a signal before the watchdog ends the process.
pub const WATCHDOG_GRACE: Duration = Duration::from_secs(3);

/// Turns SIGTERM, SIGHUP and SIGINT into a flag the loop reads (it ends the session cleanly,
/// keeping what was done). A watchdog thread makes sure a signal always ends the process:
/// if the loop has not finished `WATCHDOG_GRACE` after a signal (a terminal library stuck on
/// a terminal that went away), it keeps the session from `last_words`, gives the terminal
/// back as well as it can and exits. (See [`TerminalInput`] for why supple does not wait
/// inside crossterm.)
pub fn watch_signals(
    loop_done: Arc<AtomicBool>,
    last_words: Option<Arc<LastWords>>,
) -> io::Result<Arc<AtomicBool>> {
    watch_signals_with(loop_done, last_words, WATCHDOG_GRACE, give_up)
}

/// [`watch_signals`] with the grace period and the way out given: `exit` gets the exit status
/// (128 + the signal) and what the kept session has to say. Tests use it to run the watchdog
/// without ending their process.
pub fn watch_signals_with(
    loop_done: Arc<AtomicBool>,
    last_words: Option<Arc<LastWords>>,
    grace: Duration,
    exit: impl FnOnce(i32, Option<String>) + Send + 'static,
) -> io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flag = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("supple-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let at = Instant::now();
                flag.store(true, Ordering::SeqCst);
                std::thread::sleep(grace);
                if !loop_done.load(Ordering::SeqCst) {
                    // Kept before the terminal is touched: restoring it may fail or hang.
                    let words = last_words.and_then(|words| words.speak(at));
                    exit(128 + signal, words);
                }
            }
        })?;
    Ok(stop)
}

/// How long the watchdog waits for the terminal to be given back before it exits anyway.
const GIVE_UP_WAIT: Duration = Duration::from_secs(1);

/// The watchdog's way out of a stuck loop. Giving the terminal back takes stdout's lock, which
/// a loop stuck in a write to a terminal that stopped reading holds for good: that is tried on
/// a thread of its own, and the process exits after `GIVE_UP_WAIT` either way (exit only tries
/// the lock).
fn give_up(status: i32, words: Option<String>) {
    let (done, restored) = std::sync::mpsc::channel();
    let _ = std::thread::Builder::new()
        .name("supple-restore".into())
        .spawn(move || {
            let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableFocusChange);
            ratatui::restore();
            if let Some(words) = words {
                let mut out = io::stdout();
                let _ = out.write_all(words.as_bytes());
                let _ = out.flush();
            }
            let _ = done.send(());
        });
    let _ = restored.recv_timeout(GIVE_UP_WAIT);
    std::process::exit(status);
}
