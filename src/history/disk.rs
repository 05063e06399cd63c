//! The history file on disk, taken with suspicion: where a link to it really leads, reading
//! only a regular file of bounded size and never blocking on a pipe or a device, removing the
//! temporary files a killed save left behind, and moving an unreadable file aside without
//! overwriting anything.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::content::ContentError;
use crate::paths::{ReadError, kind_of, private_options, read_regular};

use super::error::HistoryError;

/// The largest history file supple reads: 10 MB, about 4,000 sessions of the full routine
/// (11 years of daily sessions). With a file this size the whole process peaks at 22 to 26 MB,
/// loading or saving, also for files shaped to cost more memory per byte (one huge session,
/// or many tiny ones), measured with `/usr/bin/time -v` on `supple history --plain` and on a
/// guided session. A larger file is not read; a save sets it aside, untouched, as it does an
/// unreadable one, and starts a new history.
pub const MAX_BYTES: u64 = 10_000_000;

/// Temporary files of a save are `.history-XXXXXX.tmp`, beside the file they replace.
pub(super) const TEMP_PREFIX: &str = ".history-";
pub(super) const TEMP_SUFFIX: &str = ".tmp";

/// Links followed before giving up (the kernel's own limit is 40).
const MAX_LINKS: usize = 40;

/// Where the history really is: `history.json`, or the end of the chain of links it is.
#[derive(Debug, Clone)]
pub struct Place {
    /// The file read and replaced.
    pub file: PathBuf,
    /// `history.json` when it is a symbolic link (which stays one).
    pub link: Option<PathBuf>,
}

impl Place {
    /// The folder of the file: temporary files and set-aside files go there.
    pub fn folder(&self) -> &Path {
        self.file.parent().unwrap_or(Path::new("."))
    }
}

/// Where `path` leads: itself, or through a symbolic link to a regular file that exists. A
/// link that leads nowhere, or to anything but a file, is refused and left as it is.
pub fn resolve(path: &Path) -> Result<Place, HistoryError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {}
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(io_error("inspect", path, e));
        }
        _ => {
            return Ok(Place {
                file: path.to_path_buf(),
                link: None,
            });
        }
    }
    let end = link_end(path).map_err(|e| io_error("follow the link", path, e))?;
    let refuse = |problem: String, fix: String| HistoryError::Link {
        link: path.to_path_buf(),
        target: end.clone(),
        problem,
        fix,
    };
    match fs::symlink_metadata(&end) {
        Ok(meta) if meta.is_file() => {}
        Ok(meta) => {
            return Err(refuse(
                format!("which is {}, not a history file", kind_of(meta.file_type())),
                "point the link at a history file (or remove the link, and supple starts a \
                 new history in its place); nothing was changed"
                    .into(),
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(refuse(
                "which does not exist".into(),
                "bring it back (is its drive or synced folder there?), point the link at your \
                 history, or remove the link to start a new history in its place; nothing was \
                 changed"
                    .into(),
            ));
        }
        Err(e) => return Err(io_error("inspect", &end, e)),
    }
    Ok(Place {
        file: fs::canonicalize(&end).unwrap_or(end),
        link: Some(path.to_path_buf()),
    })
}

/// The path at the end of a chain of links (which may not exist). A relative link is taken
/// from the link's folder, as the system does; nothing is normalised by hand.
fn link_end(link: &Path) -> io::Result<PathBuf> {
    let mut at = link.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::read_link(&at) {
            Ok(next) => {
                at = at
                    .parent()
                    .map_or_else(|| next.clone(), |dir| dir.join(&next))
            }
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::NotFound
                ) =>
            {
                return Ok(at);
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} links in a row (a loop?)"
    )))
}

/// The text of the history file; `None` when there is none. Only a regular file is read, and
/// no more than `MAX_BYTES` of it (see [`read_regular`]).
pub fn read(path: &Path) -> Result<Option<String>, HistoryError> {
    let bytes = match read_regular(path, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => return Ok(None),
        Err(ReadError::NotRegular(what)) => return Err(not_regular(path, what)),
        Err(ReadError::TooLarge { size, .. }) => {
            return Err(HistoryError::TooLarge {
                path: path.to_path_buf(),
                size,
                limit: MAX_BYTES,
            });
        }
        Err(ReadError::Io(e)) => return Err(io_error("read", path, e)),
    };
    crate::content::decode_utf8(&path.display().to_string(), bytes)
        .map(Some)
        .map_err(HistoryError::Unreadable)
}

/// Removes what a save killed part-way left in `folder`: regular files named like our own
/// temporary files. Called under the lock, when no other supple is saving; best effort.
pub fn remove_stale_temps(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name.to_str().is_some_and(|name| {
            name.len() > TEMP_PREFIX.len() + TEMP_SUFFIX.len()
                && name.starts_with(TEMP_PREFIX)
                && name.ends_with(TEMP_SUFFIX)
        });
        // The entry's own type: a link named like ours is not followed, nor removed.
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Renames an unreadable history (a file, or a folder or anything else in its place) to a
/// name that is not taken, in its own folder: `history.json.unreadable-20261124-081500` (then
/// `-2`, `-3`, ...). The name is first claimed by creating it exclusively (an empty folder
/// for a folder, which a rename may replace), so nothing else is ever overwritten; the rename
/// then replaces only that empty claim (and works where hard links do not). `at` names the
/// moment (the time of the record whose save set the file aside).
pub fn set_aside(path: &Path, at: &jiff::ZonedDateTime) -> io::Result<PathBuf> {
    let is_dir = fs::symlink_metadata(path)?.is_dir();
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("the history has no file name"))?;
    let stamp = at.strftime("%Y%m%d-%H%M%S").to_string();
    let base = format!("{}.unreadable-{stamp}", name.to_string_lossy());
    for n in 1..1000 {
        let aside = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        let to = path.with_file_name(aside);
        match claim(&to, is_dir) {
            Ok(()) => {
                fs::rename(path, &to)?;
                return Ok(to);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many set-aside history files"))
}

/// Creates `to` exclusively, private to its owner: an empty folder or an empty file.
fn claim(to: &Path, dir: bool) -> io::Result<()> {
    if dir {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new().mode(0o700).create(to)
    } else {
        private_options()
            .write(true)
            .create_new(true)
            .open(to)
            .map(drop)
    }
}

fn not_regular(path: &Path, what: &str) -> HistoryError {
    HistoryError::Unreadable(
        ContentError::new(
            path.display().to_string(),
            format!("not a regular file: this is {what}"),
        )
        .hint("the history must be a regular file: move this away"),
    )
}

fn io_error(action: &'static str, path: &Path, error: io::Error) -> HistoryError {
    HistoryError::Io {
        action,
        path: path.to_path_buf(),
        error,
    }
}
