//! Why history could not be read or written, said so that a person can fix it.

use std::path::PathBuf;

use crate::content::ContentError;

/// Why history could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The file is there but is not a history this supple can read (damaged, from a newer
    /// supple, or not a regular file at all). Saving sets it aside.
    #[error("{0}")]
    Unreadable(ContentError),
    /// Larger than supple reads (`limit`, [`super::MAX_BYTES`]): not read. Saving sets it
    /// aside, untouched, and starts a new history, as for an unreadable one.
    #[error(
        "{}: the history is too large to read ({size} bytes; supple reads at most {limit})\n  \
         fix: the next session or test you save sets it aside, untouched, and starts a new \
         history; to go on with this one, remove old sessions from it with a JSON tool",
        path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// `history.json` is a symbolic link that does not lead to a file supple can replace.
    #[error("{}: a link to {}, {problem}\n  fix: {fix}", link.display(), target.display())]
    Link {
        link: PathBuf,
        target: PathBuf,
        problem: String,
        fix: String,
    },
    /// The system's own error is part of the message, not a source: printed with its
    /// causes, it would otherwise say the same thing twice.
    #[error("cannot {action} {}: {error}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        error: std::io::Error,
    },
}
