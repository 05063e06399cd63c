//! The history file: read it, and add a session or a test result to it without ever losing
//! one.
//!
//! Every write holds an exclusive lock (`history.lock` in the data folder, so two supple
//! processes take turns), removes temporary files a killed save left, reads the file afresh,
//! adds the new record, writes everything to a temporary file in the same folder, syncs it and
//! renames it over the old one: a crash or a full disk leaves the old file whole. When
//! `history.json` is a symbolic link, all this happens at the file it leads to, and the link
//! stays a link; a link that leads nowhere is refused. A file that cannot be read, or anything
//! that is not a regular file, is renamed aside, never overwritten; so is a file over the size
//! limit (bytes untouched), so that no file, however large or damaged, can block a save.
//! Files are created readable by their owner only. `disk` does the careful file handling.
//!
//! When the history cannot be written at all, [`Store::keep_session`] and
//! [`Store::keep_test`] keep the record in a pending folder (`pending`), and every save that
//! works first adds what is pending, once, in order.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::content::{ContentError, Shape, parse_json_with};
use crate::paths::{AtomicFile, create_private_dir, private_options};

use super::disk::{self, Place, TEMP_PREFIX, TEMP_SUFFIX};
use super::error::HistoryError;
use super::flex::TestResult;
use super::pending::{self, Record};
use super::record::{FORMAT_VERSION, HistoryFile, SESSIONS_ONLY_VERSION, SessionRecord};

const FILE_NAME: &str = "history.json";
const LOCK_NAME: &str = "history.lock";

/// Where history lives: a folder holding `history.json`, and the folders where records wait
/// when it cannot be written.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    pending: Vec<PathBuf>,
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
    /// Records from earlier that had been kept pending, added now.
    pub merged: Merged,
    /// Pending files that could not be read as records, left where they are.
    pub pending_unreadable: Vec<pending::Unreadable>,
}

impl Saved {
    /// What else a save did, a line each: the old history set aside, records from earlier added,
    /// pending files that could not be read. `new` names what the new history starts with.
    pub fn notes(&self, new: &str) -> String {
        let mut text = String::new();
        if let Some(aside) = &self.set_aside {
            text.push_str(&format!(
                "\nsupple: the old history could not be read, so it was kept as {} (nothing in it \
                 changed) and a new one started with {new}.\n  why: {}",
                aside.to.display(),
                aside.reason.replace('\n', "\n  ")
            ));
        }
        if let Some(words) = self.merged.words() {
            text.push_str(&format!("\n  {words}."));
        }
        for left in &self.pending_unreadable {
            text.push_str(&format!(
                "\nsupple: {} is not a record supple can add ({}); it is left where it is",
                left.file.display(),
                left.why
            ));
        }
        text
    }
}

/// How many pending records a save added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    pub sessions: usize,
    pub tests: usize,
}

impl Merged {
    /// "2 sessions and a test from earlier were added to your history", or `None`.
    pub fn words(&self) -> Option<String> {
        let count = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let parts: Vec<String> = [
            count(self.sessions, "session", "sessions"),
            count(self.tests, "test result", "test results"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            return None;
        }
        let were = if self.sessions + self.tests == 1 {
            "was"
        } else {
            "were"
        };
        Some(format!(
            "{} from earlier, kept while the history could not be written, {were} added to it",
            parts.join(" and ")
        ))
    }
}

/// What keeping a record did: it is in the history, or it waits in a pending folder.
#[derive(Debug)]
pub enum Kept {
    Saved(Saved),
    /// The history could not be written (`why`); the record is in `file`, and the next save
    /// that works adds it.
    Pending {
        why: HistoryError,
        file: PathBuf,
    },
}

/// Neither the history nor any pending folder could take the record.
#[derive(Debug)]
pub struct Lost {
    pub why: HistoryError,
    /// Why no pending folder took it.
    pub pending: String,
}

impl Store {
    /// History in `$XDG_DATA_HOME/supple/` (the platform's data folder elsewhere), with the
    /// user's pending folders (see [`pending::default_dirs`]).
    pub fn default_location() -> Option<Store> {
        crate::paths::data_dir().map(|dir| Store::at(&dir).with_pending(pending::default_dirs()))
    }

    /// History in `dir`, with no pending folder (see [`Store::with_pending`]).
    pub fn at(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
            pending: Vec::new(),
        }
    }

    /// The same store with these pending folders, tried in this order.
    pub fn with_pending(mut self, dirs: Vec<PathBuf>) -> Store {
        self.pending = dirs;
        self
    }

    /// Records waiting to be added to the history, oldest first.
    pub fn pending(&self) -> Vec<pending::Waiting> {
        pending::waiting(&self.pending).0
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
    /// the file at its end. A file that cannot be read, or is over [`super::MAX_BYTES`], is
    /// renamed aside, and a new history starts with this session. Records pending from
    /// earlier are added first.
    pub fn append(&self, record: &SessionRecord) -> Result<Saved, HistoryError> {
        self.save(Record::Session(record.clone()))
    }

    /// Adds a flexibility test result, the same way as [`Store::append`] adds a session.
    pub fn add_test(&self, result: &TestResult) -> Result<Saved, HistoryError> {
        self.save(Record::Test(result.clone()))
    }

    /// Adds a session to the history, or where the history cannot be written, keeps it in a
    /// pending folder for the next save that works.
    pub fn keep_session(&self, record: &SessionRecord) -> Result<Kept, Lost> {
        self.keep(Record::Session(record.clone()))
    }

    /// Adds a test result, or keeps it pending, as [`Store::keep_session`] does a session.
    pub fn keep_test(&self, result: &TestResult) -> Result<Kept, Lost> {
        self.keep(Record::Test(result.clone()))
    }

    fn keep(&self, record: Record) -> Result<Kept, Lost> {
        match self.save(record.clone()) {
            Ok(saved) => Ok(Kept::Saved(saved)),
            Err(why) => match pending::keep(&self.pending, &record) {
                Ok(file) => Ok(Kept::Pending { why, file }),
                Err(pending) => Err(Lost { why, pending }),
            },
        }
    }

    /// Reads the file afresh under the lock, adds the pending records and `record` to it, and
    /// writes it back whole, in the oldest format version that holds what it now has; then
    /// removes the pending records it added.
    fn save(&self, record: Record) -> Result<Saved, HistoryError> {
        create_private_dir(&self.dir).map_err(io("create the folder", &self.dir))?;
        let _lock = self.lock()?;
        let place = disk::resolve(&self.path())?;
        self.remove_stale_temps(&place);
        // Before anything is moved: a folder that cannot be written changes nothing.
        let mut temp = temp_file(&place)?;
        // A file that cannot be read, or is too large to read, is set aside whole: nothing
        // the person did is lost, and no file can block every save.
        let (mut history, unreadable) = match read_history(&place.file) {
            Ok(history) => (history, None),
            Err(HistoryError::Unreadable(why)) => (HistoryFile::default(), Some(why.to_string())),
            Err(HistoryError::TooLarge { size, limit, .. }) => (
                HistoryFile::default(),
                Some(format!(
                    "it is {size} bytes, more than the {limit} bytes supple reads (damaged, or \
                     over ten years of daily sessions)"
                )),
            ),
            Err(e) => return Err(e),
        };
        let (waiting, pending_unreadable) = pending::waiting(&self.pending);
        let merged = merge(&mut history, &waiting);
        let made = record.made();
        add(&mut history, record);
        history.version = history.version_needed();
        write_synced(&mut temp, &history)?;
        let set_aside = unreadable
            .map(|why| set_aside(&place.file, why, &made))
            .transpose()?;
        replace(temp, &place)?;
        pending::remove(&waiting);
        Ok(Saved {
            path: place.file,
            link: place.link,
            sessions: history.sessions.len(),
            tests: history.tests.len(),
            set_aside,
            merged,
            pending_unreadable,
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
fn temp_file(place: &Place) -> Result<AtomicFile, HistoryError> {
    let folder = place.folder();
    AtomicFile::beside(&place.file, TEMP_PREFIX, TEMP_SUFFIX).map_err(|source| match &place.link {
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
fn set_aside(
    path: &Path,
    reason: String,
    at: &jiff::ZonedDateTime,
) -> Result<SetAside, HistoryError> {
    Ok(SetAside {
        to: disk::set_aside(path, at).map_err(io("rename", path))?,
        reason,
    })
}

/// Adds a record at its place in time: after the last one that started no later (a history
/// written in order stays in order; nothing already there moves).
fn add(history: &mut HistoryFile, record: Record) {
    match record {
        Record::Session(session) => {
            let at = session.started.timestamp();
            let i = history
                .sessions
                .iter()
                .rposition(|s| s.started.timestamp() <= at)
                .map_or(0, |i| i + 1);
            history.sessions.insert(i, session);
        }
        Record::Test(result) => {
            let at = result.taken.timestamp();
            let i = history
                .tests
                .iter()
                .rposition(|t| t.taken.timestamp() <= at)
                .map_or(0, |i| i + 1);
            history.tests.insert(i, result);
        }
    }
}

/// Adds the pending records the history does not hold yet (one left behind by an earlier
/// merge is there already: the same start, or the same test at the same moment).
fn merge(history: &mut HistoryFile, waiting: &[pending::Waiting]) -> Merged {
    let mut merged = Merged::default();
    for w in waiting {
        match &w.record {
            Record::Session(s) => {
                let there = history.sessions.iter().any(|h| {
                    h.started.timestamp() == s.started.timestamp() && h.routine == s.routine
                });
                if !there {
                    add(history, w.record.clone());
                    merged.sessions += 1;
                }
            }
            Record::Test(t) => {
                let there = history
                    .tests
                    .iter()
                    .any(|h| h.taken.timestamp() == t.taken.timestamp() && h.test == t.test);
                if !there {
                    add(history, w.record.clone());
                    merged.tests += 1;
                }
            }
        }
    }
    merged
}

/// Renames the temporary file over the history, and syncs the folder so that the rename
/// itself is durable.
fn replace(temp: AtomicFile, place: &Place) -> Result<(), HistoryError> {
    temp.commit().map_err(io("replace", &place.file))
}

/// Writes the whole history to the temporary file and syncs it to the disk. Written as it is
/// encoded: a second copy of the file in memory would double what a save needs.
fn write_synced(temp: &mut AtomicFile, history: &HistoryFile) -> Result<(), HistoryError> {
    let path = temp.path().to_path_buf();
    temp.write(|out| {
        serde_json::to_writer_pretty(&mut *out, history)?;
        out.write_all(b"\n")
    })
    .map_err(io("write", &path))?;
    temp.sync().map_err(io("sync", &path))
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
