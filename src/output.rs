//! Standard output as the commands write to it. The first write that fails is remembered, so
//! that `main` can end in one way however the error travelled up, and also where a command
//! could only let it pass (the record printed after a session): a full disk is said in one
//! line and exits 1; a reader that has gone (`| head -1`) ends the command quietly.
//!
//! Rust ignores SIGPIPE, so a closed pipe comes back here as an error (EPIPE) and not as a
//! signal that kills the process.

use std::io::{self, Write};
use std::sync::OnceLock;

/// The first write to standard output that failed.
static FAILED: OnceLock<Failure> = OnceLock::new();

/// An `io::Error` as it can be kept (it is not `Clone`) and made again.
#[derive(Debug)]
struct Failure {
    kind: io::ErrorKind,
    os: Option<i32>,
    text: String,
}

/// Standard output (line-buffered, as `io::stdout()` is) that remembers the first write that
/// fails. `main` flushes it before it exits, where a failure can still be said.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stdout;

/// Standard output, for every command that prints.
pub fn stdout() -> Stdout {
    Stdout
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        noted(io::stdout().write(buf))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        noted(io::stdout().write_all(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        noted(io::stdout().flush())
    }
}

/// `result`, its error remembered as the output's failure (for what writes to standard output
/// past [`Stdout`], such as clap's help).
pub fn noted<T>(result: io::Result<T>) -> io::Result<T> {
    if let Err(e) = &result {
        note(e);
    }
    result
}

/// Remembers `e` as the output's failure, unless an earlier one is kept (an interrupted write
/// is tried again, so it is no failure).
pub fn note(e: &io::Error) {
    if e.kind() != io::ErrorKind::Interrupted {
        let _ = FAILED.set(Failure {
            kind: e.kind(),
            os: e.raw_os_error(),
            text: e.to_string(),
        });
    }
}

/// The first write to standard output that failed, if one did, as the system said it
/// ("No space left on device (os error 28)").
pub fn failure() -> Option<io::Error> {
    FAILED.get().map(|f| match f.os {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(f.kind, f.text.clone()),
    })
}
