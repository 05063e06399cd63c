//! The history file: read it, and add a session or a test result to it without ever losing
//! one.
//!
//! Every write holds an exclusive lock (`history.lock` in the data folder, so two supple
//! processes take turns), removes temporary files a killed save left, reads the file afresh,
//! adds the new record, writes everything to a temporary file in the same folder, syncs it and
//! renames it over the old one: a crash or a full disk leaves the old file whole. When
//! `history.json` is a symbolic link, all this happens at the file it leads to, and the link
//! stays a link; a link that leads nowhere is refused. A file that cannot be read, or anything
//! that is not a regular file, is renamed aside, never overwritten; a file over the size limit
//! is refused and left as it is. Files are created readable by their owner only. `disk` does
//! the careful file handling.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::content::{ContentError, Shape, parse_json_with};
use crate::paths::{create_private_dir, private_options};

use super::disk::{self, MAX_BYTES, Place, TEMP_PREFIX, TEMP_SUFFIX};
use super::flex::TestResult;
use super::record::{FORMAT_VERSION, HistoryFile, SESSIONS_ONLY_VERSION, SessionRecord};

const FILE_NAME: &str = "history.json";
const LOCK_NAME: &str = "history.lock";

/// Where history lives: a folder holding `history.json`.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// Why history could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The file is there but is not a history this supple can read (damaged, from a newer
    /// supple, or not a regular file at all). Saving sets it aside.
    #[error("{0}")]
    Unreadable(ContentError),
    /// Larger than `MAX_BYTES`: neither read nor set aside, and nothing is added to it.
    #[error(
        "{}: the history is too large to read ({size} bytes; supple reads at most {MAX_BYTES})\n  \
         fix: it is kept as it is and nothing is added to it, and `supple history --json` \
         cannot read it either: move it away (supple then starts a new history) or remove old \
         sessions from it with a JSON tool",
        path.display()
    )]
    TooLarge { path: PathBuf, size: u64 },
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

/// A file that could not be read and was renamed so that nothing in it is lost.
#[derive(Debug, Clone)]
pub struct SetAside {
    pub to: PathBuf,
    /// Why it could not be read (names the place in the file).
    pub reason: String,
}

/// What saving a session or a test result did.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The file written: `history.json`, or the file its link leads to.
    pub path: PathBuf,
    /// `history.json` when it is a link (still one).
    pub link: Option<PathBuf>,
    /// Sessions in the file now.
    pub sessions: usize,
    /// Test results in the file now.
    pub tests: usize,
    pub set_aside: Option<SetAside>,
}

impl Store {
    /// History in `$XDG_DATA_HOME/supple/` (the platform's data folder elsewhere).
    pub fn default_location() -> Option<Store> {
        crate::paths::data_dir().map(|dir| Store::at(&dir))
    }

    pub fn at(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
        }
    }

    /// `history.json` in the data folder (which may be a link to the real file).
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// The sessions kept so far; none when there is no file yet. Never blocks: a named pipe
    /// or a device in the file's place is an error, as is a file over `MAX_BYTES`.
    pub fn load(&self) -> Result<HistoryFile, HistoryError> {
        read_history(&disk::resolve(&self.path())?.file)
    }

    /// Adds a session to the history file, atomically and under the lock; through a link, to
    /// the file at its end. A file that cannot be read is renamed aside, and a new history
    /// starts with this session; a file over `MAX_BYTES` is refused and left as it is.
    pub fn append(&self, record: &SessionRecord) -> Result<Saved, HistoryError> {
        self.save(|history| history.sessions.push(record.clone()))
    }

    /// Adds a flexibility test result, the same way as [`Store::append`] adds a session.
    pub fn add_test(&self, result: &TestResult) -> Result<Saved, HistoryError> {
        self.save(|history| history.tests.push(result.clone()))
    }

    /// Reads the file afresh under the lock, lets `add` add to it, and writes it back whole,
    /// in the oldest format version that holds what it now has.
    fn save(&self, add: impl FnOnce(&mut HistoryFile)) -> Result<Saved, HistoryError> {
        create_private_dir(&self.dir).map_err(io("create the folder", &self.dir))?;
        let _lock = self.lock()?;
        let place = disk::resolve(&self.path())?;
        self.remove_stale_temps(&place);
        // Before anything is moved: a folder that cannot be written changes nothing.
        let mut temp = temp_file(&place)?;
        let (mut history, unreadable) = match read_history(&place.file) {
            Ok(history) => (history, None),
            Err(HistoryError::Unreadable(why)) => (HistoryFile::default(), Some(why)),
            Err(e) => return Err(e),
        };
        add(&mut history);
        history.version = history.version_needed();
        write_synced(&mut temp, &history)?;
        let set_aside = unreadable
            .map(|why| set_aside(&place.file, &why))
            .transpose()?;
        replace(temp, &place)?;
        Ok(Saved {
            path: place.file,
            link: place.link,
            sessions: history.sessions.len(),
            tests: history.tests.len(),
            set_aside,
        })
    }

    /// Under the lock no other supple is saving: a temporary file left beside the history
    /// (or beside the file a link leads to) is from a save that was killed.
    fn remove_stale_temps(&self, place: &Place) {
        disk::remove_stale_temps(&self.dir);
        if place.folder() != self.dir {
            disk::remove_stale_temps(place.folder());
        }
    }

    /// Takes the lock in the data folder (wherever the history itself is); held until dropped.
    fn lock(&self) -> Result<File, HistoryError> {
        let lock_path = self.dir.join(LOCK_NAME);
        let lock = private_options()
            .read(true)
            .write(true)
            .truncate(false)
            .create(true)
            .open(&lock_path)
            .map_err(io("open", &lock_path))?;
        lock.lock().map_err(io("lock", &lock_path))?;
        Ok(lock)
    }
}

/// The history in `path` (which is not a link); an empty one when there is no file.
fn read_history(path: &Path) -> Result<HistoryFile, HistoryError> {
    match disk::read(path)? {
        Some(text) => parse(path, &text).map_err(HistoryError::Unreadable),
        None => Ok(HistoryFile::default()),
    }
}

/// A temporary file beside the history (mode 0600, which the rename keeps). Through a link,
/// a folder that cannot be written is the link's problem, and said so.
fn temp_file(place: &Place) -> Result<NamedTempFile, HistoryError> {
    let folder = place.folder();
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(folder)
        .map_err(|source| match &place.link {
            Some(link) => HistoryError::Link {
                link: link.clone(),
                target: place.file.clone(),
                problem: format!("whose folder cannot be written ({source})"),
                fix: format!(
                    "make {} writable, or point the link at a file in a folder you can write; \
                     nothing was changed",
                    folder.display()
                ),
            },
            None => io("create a temporary file in", folder)(source),
        })
}

/// Renames an unreadable history aside; says where, and why it could not be read.
fn set_aside(path: &Path, why: &ContentError) -> Result<SetAside, HistoryError> {
    Ok(SetAside {
        to: disk::set_aside(path).map_err(io("rename", path))?,
        reason: why.to_string(),
    })
}

/// Renames the temporary file over the history, and syncs the folder so that the rename
/// itself is durable.
fn replace(temp: NamedTempFile, place: &Place) -> Result<(), HistoryError> {
    temp.persist(&place.file)
        .map_err(|e| io("replace", &place.file)(e.error))?;
    if let Ok(dir) = File::open(place.folder()) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Writes the whole history to the temporary file and syncs it to the disk. Written as it is
/// encoded: a second copy of the file in memory would double what a save needs.
fn write_synced(temp: &mut NamedTempFile, history: &HistoryFile) -> Result<(), HistoryError> {
    let path = temp.path().to_path_buf();
    let mut out = std::io::BufWriter::new(temp.as_file_mut());
    serde_json::to_writer_pretty(&mut out, history).map_err(|e| io("write", &path)(e.into()))?;
    out.write_all(b"\n").map_err(io("write", &path))?;
    let file = out
        .into_inner()
        .map_err(|e| io("write", &path)(e.into_error()))?;
    file.sync_all().map_err(io("sync", &path))
}

/// An I/O error naming what was being done, and to which path.
fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> HistoryError {
    let path = path.to_path_buf();
    move |error| HistoryError::Io {
        action,
        path,
        error,
    }
}

fn parse(path: &Path, text: &str) -> Result<HistoryFile, ContentError> {
    let file = path.display().to_string();
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        version: Option<serde_json::Value>,
    }
    let shape = Shape {
        empty: "an empty history: delete the file and supple starts a new one",
        object: "a history file is one object: { \"version\": 2, \"sessions\": [...], \"tests\": [...] }",
    };
    // One pass when all is well; the version decides which error a bad file gets, so that a
    // newer format is not misread as a broken older one.
    let (version, parsed) = match parse_json_with::<HistoryFile>(&file, text, &shape) {
        Ok(history) => (Some(u64::from(history.version)), Ok(history)),
        Err(e) => {
            let only: VersionOnly = parse_json_with(&file, text, &shape)?;
            (
                only.version.as_ref().and_then(serde_json::Value::as_u64),
                Err(e),
            )
        }
    };
    match version {
        Some(v) if (u64::from(SESSIONS_ONLY_VERSION)..=u64::from(FORMAT_VERSION)).contains(&v) => {
            parsed
        }
        Some(v) if v > u64::from(FORMAT_VERSION) => Err(ContentError::new(
            file,
            format!(
                "the history was written by a newer supple (format {v}; this one reads {FORMAT_VERSION})"
            ),
        )
        .at_path("version")
        .hint("update supple to read it")),
        _ => Err(ContentError::new(file, "the history has no valid `version`")
            .at_path("version")
            .hint(format!(
                "a history file starts with \"version\": {FORMAT_VERSION}"
            ))),
    }
}
