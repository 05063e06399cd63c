//! Records that could not be saved, kept until a save works: when the history cannot be
//! written at all (a link to a synced folder that is not mounted, a read-only or full disk, a
//! lock that is not a file), the session or test result goes to a pending folder that still
//! takes files, and the next save that works adds it to the history, once, in order.
//!
//! The pending folders, tried in turn: `$XDG_STATE_HOME/supple/pending` (usually
//! `~/.local/state/supple/pending`), `$XDG_RUNTIME_DIR/supple/pending` (memory, lost at a
//! restart, but there when the disk is full), and `supple-UID/pending` in the temporary
//! folder, taken only when it is the user's own and private. Each record is one file, mode
//! 0600, written whole and then renamed into place, so a half-written record is never read.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::flex::TestResult;
use super::record::SessionRecord;
use crate::paths::{create_private_dir, read_regular};

/// One record waiting to be added to the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Record {
    Session(SessionRecord),
    Test(TestResult),
}

impl Record {
    fn kind(&self) -> &'static str {
        match self {
            Record::Session(_) => "session",
            Record::Test(_) => "test",
        }
    }

    /// When it was made: the end of a session, a test's time.
    pub fn made(&self) -> jiff::ZonedDateTime {
        match self {
            Record::Session(s) => {
                let elapsed =
                    jiff::SignedDuration::from_secs(i64::try_from(s.elapsed_seconds).unwrap_or(0));
                s.started
                    .checked_add(elapsed)
                    .unwrap_or_else(|_| s.started.clone())
            }
            Record::Test(t) => t.taken.clone(),
        }
    }

    /// When it happened: a session's start, a test's time.
    pub fn at(&self) -> jiff::Timestamp {
        match self {
            Record::Session(s) => s.started.timestamp(),
            Record::Test(t) => t.taken.timestamp(),
        }
    }
}

/// A pending record and the file that holds it.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub file: PathBuf,
    pub record: Record,
}

/// The most a pending record may hold: a session of a hundred steps takes about 20 KB.
const FILE_LIMIT: u64 = 1024 * 1024;

/// The pending folders for this user, in the order they are tried.
pub fn default_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(project) = directories::ProjectDirs::from("", "", "supple") {
        if let Some(state) = project.state_dir() {
            dirs.push(state.join("pending"));
        }
        if let Some(runtime) = project.runtime_dir() {
            dirs.push(runtime.join("pending"));
        }
    }
    let uid = rustix::process::getuid().as_raw();
    dirs.push(
        std::env::temp_dir()
            .join(format!("supple-{uid}"))
            .join("pending"),
    );
    dirs
}

/// Keeps `record` in the first of `dirs` that takes it; the file written, or why none did.
pub fn keep(dirs: &[PathBuf], record: &Record) -> Result<PathBuf, String> {
    let mut why = Vec::new();
    for dir in dirs {
        match keep_in(dir, record) {
            Ok(file) => return Ok(file),
            Err(e) => why.push(format!("{}: {e}", dir.display())),
        }
    }
    Err(if why.is_empty() {
        "no folder to keep it in".into()
    } else {
        why.join("; ")
    })
}

fn keep_in(dir: &Path, record: &Record) -> std::io::Result<PathBuf> {
    create_private_dir(dir)?;
    check_private(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".pending-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    serde_json::to_writer_pretty(temp.as_file_mut(), record)?;
    temp.as_file_mut().write_all(b"\n")?;
    temp.as_file().sync_all()?;
    let stamp = record.at().strftime("%Y%m%dT%H%M%SZ").to_string();
    for n in 1..1000 {
        let file = dir.join(format!("{}-{stamp}-{n}.json", record.kind()));
        match temp.persist_noclobber(&file) {
            Ok(_) => {
                if let Ok(folder) = fs::File::open(dir) {
                    let _ = folder.sync_all();
                }
                return Ok(file);
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(std::io::Error::other("too many pending records"))
}

/// A pending folder is used only when it is a real folder of this user's, closed to others:
/// the temporary folder is shared, and a folder someone else made there could be read or
/// filled by them.
fn check_private(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    for folder in [dir, dir.parent().unwrap_or(dir)] {
        let meta = fs::symlink_metadata(folder)?;
        let own = meta.uid() == rustix::process::getuid().as_raw();
        if !meta.is_dir() || !own || meta.permissions().mode() & 0o077 != 0 {
            return Err(std::io::Error::other(format!(
                "{} is not a private folder of yours",
                folder.display()
            )));
        }
    }
    Ok(())
}

/// A pending file that could not be read as a record: left where it is, never removed.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub file: PathBuf,
    pub why: String,
}

/// Every record waiting in `dirs`, oldest first, and the files there that are not records.
pub fn waiting(dirs: &[PathBuf]) -> (Vec<Waiting>, Vec<Unreadable>) {
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    for dir in dirs {
        if check_private(dir).is_err() {
            continue;
        }
        let Ok(entries) = fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let ours = path.extension().is_some_and(|e| e == "json")
                && entry.file_type().is_ok_and(|t| t.is_file());
            if !ours {
                continue;
            }
            let record = read_regular(&path, FILE_LIMIT)
                .map_err(|e| e.to_string())
                .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()));
            match record {
                Ok(record) => found.push(Waiting { file: path, record }),
                Err(why) => unreadable.push(Unreadable { file: path, why }),
            }
        }
    }
    found.sort_by_key(|w| w.record.at());
    (found, unreadable)
}

/// Removes records that are now in the history; best effort (one left behind is found again
/// and recognised as already there).
pub fn remove(done: &[Waiting]) {
    for waiting in done {
        let _ = fs::remove_file(&waiting.file);
    }
}
