//! The history file: read it, and add a session to it without ever losing one.
//!
//! Every write holds an exclusive lock (`history.lock`, so two supple processes take turns),
//! reads the file afresh, adds the session, writes everything to a temporary file in the same
//! folder, syncs it and renames it over the old one: a crash or a full disk leaves the old file
//! whole. A file that cannot be read is renamed aside, never overwritten. Files are created
//! readable by their owner only.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::content::{ContentError, Shape, parse_json_with};
use crate::paths::{create_private_dir, private_options};

use super::record::{FORMAT_VERSION, HistoryFile, SessionRecord};

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
    /// The file is there but is not a history this supple can read.
    #[error("{0}")]
    Unreadable(ContentError),
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A file that could not be read and was renamed so that nothing in it is lost.
#[derive(Debug, Clone)]
pub struct SetAside {
    pub to: PathBuf,
    /// Why it could not be read (names the place in the file).
    pub reason: String,
}

/// What saving a session did.
#[derive(Debug, Clone)]
pub struct Saved {
    pub path: PathBuf,
    /// Sessions in the file now.
    pub sessions: usize,
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

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// The sessions kept so far; none when there is no file yet.
    pub fn load(&self) -> Result<HistoryFile, HistoryError> {
        let path = self.path();
        match fs::read_to_string(&path) {
            Ok(text) => parse(&path, &text).map_err(HistoryError::Unreadable),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(HistoryFile::default()),
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Err(HistoryError::Unreadable(
                ContentError::new(path.display().to_string(), "the file is not UTF-8 text"),
            )),
            Err(source) => Err(HistoryError::Io {
                action: "read",
                path,
                source,
            }),
        }
    }

    /// Adds a session to the history file, atomically and under the lock. A file that cannot
    /// be read is renamed aside first, and a new history starts with this session.
    pub fn append(&self, record: &SessionRecord) -> Result<Saved, HistoryError> {
        let io = |action, path: &Path| {
            let path = path.to_path_buf();
            move |source| HistoryError::Io {
                action,
                path,
                source,
            }
        };
        create_private_dir(&self.dir).map_err(io("create the folder", &self.dir))?;
        let lock_path = self.dir.join(LOCK_NAME);
        let lock = private_options()
            .read(true)
            .write(true)
            .truncate(false)
            .create(true)
            .open(&lock_path)
            .map_err(io("open", &lock_path))?;
        lock.lock().map_err(io("lock", &lock_path))?;

        let path = self.path();
        let (mut history, set_aside) = match self.load() {
            Ok(history) => (history, None),
            Err(HistoryError::Unreadable(why)) => {
                let to = self.set_aside(&path).map_err(io("rename", &path))?;
                let reason = why.to_string();
                (HistoryFile::default(), Some(SetAside { to, reason }))
            }
            Err(e) => return Err(e),
        };
        history.sessions.push(record.clone());

        let mut text = serde_json::to_vec_pretty(&history).map_err(|e| HistoryError::Io {
            action: "encode",
            path: path.clone(),
            source: e.into(),
        })?;
        text.push(b'\n');
        // tempfile creates the file with mode 0600; the rename keeps it.
        let mut temp = tempfile::Builder::new()
            .prefix(".history-")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(io("create a temporary file in", &self.dir))?;
        temp.write_all(&text).map_err(io("write", temp.path()))?;
        temp.as_file().sync_all().map_err(io("sync", temp.path()))?;
        temp.persist(&path)
            .map_err(|e| io("replace", &path)(e.error))?;
        // The rename itself is durable once the folder is synced.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        drop(lock);
        Ok(Saved {
            path,
            sessions: history.sessions.len(),
            set_aside,
        })
    }

    /// Renames an unreadable history to a name that is not taken:
    /// `history.json.unreadable-20261124-081500` (then `-2`, `-3`, ...). The name is first
    /// claimed by creating it exclusively, so nothing else is ever overwritten; the rename then
    /// replaces only that empty claim (and works where hard links do not).
    fn set_aside(&self, path: &Path) -> std::io::Result<PathBuf> {
        let stamp = jiff::ZonedDateTime::now()
            .strftime("%Y%m%d-%H%M%S")
            .to_string();
        let base = format!("{FILE_NAME}.unreadable-{stamp}");
        for n in 1..1000 {
            let name = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let to = self.dir.join(name);
            match private_options().write(true).create_new(true).open(&to) {
                Ok(_) => {
                    fs::rename(path, &to)?;
                    return Ok(to);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("too many set-aside history files"))
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
        object: "a history file is one object: { \"version\": 1, \"sessions\": [...] }",
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
        Some(v) if v == u64::from(FORMAT_VERSION) => parsed,
        Some(v) if v > u64::from(FORMAT_VERSION) => Err(ContentError::new(
            file,
            format!(
                "the history was written by a newer supple (format {v}; this one reads {FORMAT_VERSION})"
            ),
        )
        .hint("update supple to read it")),
        _ => Err(ContentError::new(file, "the history has no valid `version`")
            .at_path("version")
            .hint(format!(
                "a history file starts with \"version\": {FORMAT_VERSION}"
            ))),
    }
}
