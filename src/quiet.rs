//! Keeps what libraries write to stderr off the full-screen interface.
//!
//! ALSA prints several lines when it finds no sound card, straight to file descriptor 2, and
//! such text written over the screen garbles it. While a session runs, descriptor 2 points
//! at a log file instead; it is pointed back when the session ends, and before a panic's
//! message is printed, so that message is still seen.

use std::fs::File;
use std::io;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::sync::{Mutex, Once, PoisonError};

/// The original stderr while it is redirected.
static SAVED: Mutex<Option<OwnedFd>> = Mutex::new(None);
static HOOK: Once = Once::new();

/// While alive, stderr goes to a file.
#[derive(Debug)]
pub struct QuietStderr {
    _log: File,
}

impl QuietStderr {
    /// Sends stderr to `log` (created or emptied), or to /dev/null if it cannot be written.
    pub fn to(log: Option<&Path>) -> io::Result<Self> {
        let file = log
            .and_then(|path| {
                if let Some(dir) = path.parent() {
                    let _ = crate::paths::create_private_dir(dir);
                }
                // Library messages may name devices and paths: the owner's only.
                crate::paths::private_options()
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(path)
                    .ok()
            })
            .map_or_else(|| File::options().write(true).open("/dev/null"), Ok)?;
        install_hook();
        // On failure nothing has changed: the copy is closed when it drops.
        let saved = rustix::io::dup(rustix::stdio::stderr())?;
        rustix::stdio::dup2_stderr(&file)?;
        *saved_slot() = Some(saved);
        Ok(QuietStderr { _log: file })
    }
}

/// The slot, poisoned or not: a panic cannot leave an `Option` half-changed, and the panic
/// hook is where it is needed most.
fn saved_slot() -> std::sync::MutexGuard<'static, Option<OwnedFd>> {
    SAVED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Points stderr back at the terminal, once.
fn restore() {
    if let Some(saved) = saved_slot().take() {
        let _ = rustix::stdio::dup2_stderr(&saved);
    }
}

impl Drop for QuietStderr {
    fn drop(&mut self) {
        restore();
    }
}

/// A panic hook that gives stderr back before the panic is reported. Installed before
/// ratatui's own hook, which restores the terminal and then calls this one.
fn install_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
