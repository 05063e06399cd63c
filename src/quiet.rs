//! Keeps what libraries write to stderr off the full-screen interface.
//!
//! ALSA prints several lines when it finds no sound card, straight to file descriptor 2, and
//! such text written over the screen garbles it. While a session runs, descriptor 2 points
//! at a log file instead; it is pointed back when the session ends, and before a panic's
//! message is printed, so that message is still seen.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::path::Path;
use std::sync::Once;
use std::sync::atomic::{AtomicI32, Ordering};

/// The original stderr while it is redirected; -1 when it is not.
static SAVED: AtomicI32 = AtomicI32::new(-1);
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
        // SAFETY: dup and dup2 on descriptors this process owns; on failure nothing changes.
        let saved = unsafe { libc::dup(2) };
        if saved < 0 {
            return Err(io::Error::last_os_error());
        }
        if unsafe { libc::dup2(file.as_raw_fd(), 2) } < 0 {
            let err = io::Error::last_os_error();
            unsafe { libc::close(saved) };
            return Err(err);
        }
        SAVED.store(saved, Ordering::SeqCst);
        Ok(QuietStderr { _log: file })
    }
}

/// Points stderr back at the terminal, once.
fn restore() {
    let saved: RawFd = SAVED.swap(-1, Ordering::SeqCst);
    if saved >= 0 {
        // SAFETY: `saved` is the descriptor dup'ed in `to`, closed only here.
        unsafe {
            libc::dup2(saved, 2);
            libc::close(saved);
        }
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
