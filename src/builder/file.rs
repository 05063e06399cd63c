//! A routine as a file: written in the built-in routines' own layout (a step a line), and
//! saved so that nothing is ever lost: to a temporary file beside the target, synced, then
//! renamed over it in one step, so the old file is whole until the new one is; never over a
//! file the builder did not open, unless the person said to replace it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::content::Routine;
use crate::paths::AtomicFile;

/// The routine as JSON, laid out as the built-in routines are: the fields and the defaults a
/// line each, every step on a line of its own. Every field of the routine is written (what
/// the builder does not edit, a description or a step's note, is kept as it came).
pub fn to_json(routine: &Routine) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Layout::default());
    // Writing to memory fails only on a value JSON cannot hold; a routine has none.
    if routine.serialize(&mut serializer).is_err() {
        return String::new();
    }
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's formatter for [`to_json`]: objects and lists open over several lines,
/// indented by two spaces, except those inside a list (a step), which stay on one line with a
/// space inside their braces: `{ "exercise": "lying-stretch", "reps": 2 }`.
#[derive(Debug, Default)]
struct Layout {
    /// For each open object or list: whether it is on one line, and whether it has a value yet.
    open: Vec<(bool, bool)>,
    /// Whether the value about to open is an item of a list.
    in_list: bool,
}

impl Layout {
    fn depth(&self) -> usize {
        self.open.iter().filter(|(inline, _)| !inline).count()
    }

    fn inline(&self) -> bool {
        self.open.last().is_some_and(|(inline, _)| *inline)
    }

    fn begin<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        let inline = self.inline() || self.in_list;
        self.open.push((inline, false));
        writer.write_all(bracket)
    }

    fn end<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        let (inline, has_value) = self.open.pop().unwrap_or((true, false));
        if has_value {
            if inline {
                writer.write_all(b" ")?;
            } else {
                writer.write_all(b"\n")?;
                writer.write_all(&b"  ".repeat(self.depth()))?;
            }
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        if self.inline() {
            writer.write_all(b" ")
        } else {
            writer.write_all(b"\n")?;
            writer.write_all(&b"  ".repeat(self.depth()))
        }
    }

    fn mark_value(&mut self) {
        if let Some((_, has_value)) = self.open.last_mut() {
            *has_value = true;
        }
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)?;
        self.in_list = true;
        Ok(())
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.in_list = false;
        self.mark_value();
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.in_list = false;
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.mark_value();
        Ok(())
    }
}

/// What saving did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved, to this file; and the command that runs it (`supple run NAME` for a file in
    /// the routines folder, `supple run PATH` for one elsewhere).
    Done { path: PathBuf, run: String },
    /// A file the builder did not open has this name: nothing was written (ask first).
    Exists(PathBuf),
    /// The file the builder opened was changed by something else since: nothing was written
    /// (ask first).
    Changed(PathBuf),
    /// Not saved, and why, with what to do; nothing was changed.
    Failed(String),
}

/// Where the builder saves: the user's routines folder, or the file it opened; and what that
/// file held when it was read (or last written), to tell when something else changed it.
#[derive(Debug, Clone)]
pub struct Saver {
    dir: Option<PathBuf>,
    opened: Option<(PathBuf, Vec<u8>)>,
}

/// What the names of the builder's temporary files start and end with.
const TEMP_PREFIX: &str = ".supple-routine-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file older than this is from a save that was killed.
const STALE: Duration = Duration::from_secs(3600);

impl Saver {
    /// Saves new routines in `dir` (the user's routines folder), as `NAME.json`.
    pub fn new(dir: Option<PathBuf>) -> Self {
        Saver { dir, opened: None }
    }

    /// Saves over `path`, which held `bytes` when it was read.
    pub fn over(mut self, path: PathBuf, bytes: Vec<u8>) -> Self {
        self.opened = Some((path, bytes));
        self
    }

    /// The file a routine named `name` is saved to.
    pub fn target(&self, name: &str) -> Option<PathBuf> {
        match &self.opened {
            Some((path, _)) => Some(path.clone()),
            None => self.dir.as_ref().map(|d| d.join(format!("{name}.json"))),
        }
    }

    /// Saves `text` as the routine `name`; over a file that is there only with `replace`.
    pub fn save(&mut self, name: &str, text: &str, replace: bool) -> Saved {
        let Some(target) = self.target(name) else {
            return Saved::Failed(
                "there is no home folder to keep routines in: set HOME or XDG_CONFIG_HOME".into(),
            );
        };
        let file = match real_file(&target) {
            Ok(file) => file,
            Err(why) => return Saved::Failed(why),
        };
        // A file made read-only is one its owner means to keep as it is: a rename would
        // replace it all the same (and as root, writing would too), so it is never saved over.
        if fs::metadata(&file).is_ok_and(|m| m.is_file() && m.permissions().readonly()) {
            return Saved::Failed(format!(
                "{} is read-only, so it was left as it is: to save over it, make it writable \
                 (chmod u+w {})",
                file.display(),
                file.display()
            ));
        }
        let opened = self
            .opened
            .as_ref()
            .is_some_and(|(path, _)| *path == target);
        match read_existing(&file) {
            Err(why) => return Saved::Failed(why),
            Ok(None) => {}
            Ok(Some(_)) if replace => {}
            Ok(Some(bytes)) if opened => {
                let same = self.opened.as_ref().is_some_and(|(_, read)| *read == bytes);
                if !same {
                    return Saved::Changed(target);
                }
            }
            Ok(Some(_)) => return Saved::Exists(target),
        }
        match write_atomically(&file, text.as_bytes(), replace || opened) {
            Ok(()) => {
                self.opened = Some((target.clone(), text.as_bytes().to_vec()));
                let in_folder = self.dir.is_some() && target.parent() == self.dir.as_deref();
                let run = if in_folder {
                    format!("supple run {name}")
                } else {
                    format!("supple run {}", target.display())
                };
                Saved::Done { path: target, run }
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Saved::Exists(target),
            Err(e) => Saved::Failed(format!(
                "{} could not be written: {e}; nothing was changed",
                target.display()
            )),
        }
    }
}

/// The file a path leads to: through a link, its target (a link in the routines folder stays
/// a link, and the file it leads to is the one written).
fn real_file(path: &Path) -> Result<PathBuf, String> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| {
            format!(
                "{} is a link that leads nowhere ({e}): remove it, or save under another name",
                path.display()
            )
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// The bytes of the file now at `path`, or `None` when there is none; an error for something
/// that is not a regular file, which is never replaced.
fn read_existing(path: &Path) -> Result<Option<Vec<u8>>, String> {
    use crate::paths::{ReadError, read_regular};
    match read_regular(path, crate::content::FILE_LIMIT) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::NotFound) => Ok(None),
        // Too large to be a routine: still a file, and asked about before it is replaced.
        Err(ReadError::TooLarge { .. }) => Ok(Some(Vec::new())),
        Err(e) => Err(format!(
            "{} cannot be replaced: {e}; nothing was changed",
            path.display()
        )),
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, and renames it to `path` (over
/// a file there only with `replace`, keeping that file's permissions); then syncs the folder.
/// Until the rename the old file is untouched, so a kill at any moment leaves it whole.
pub fn write_atomically(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let folder = crate::paths::folder_of(path);
    crate::paths::create_private_dir(folder)?;
    remove_stale_temps(folder);
    let mut file = AtomicFile::beside(path, TEMP_PREFIX, TEMP_SUFFIX)?;
    file.write(|out| write_slowly_in_tests(out, bytes))?;
    file.sync()?;
    if replace {
        file.keep_permissions_of(path);
        file.commit()
    } else {
        file.commit_new()
    }
}

/// In debug builds only, `SUPPLE_DEBUG_SLOW_SAVE=SECONDS` writes the first half, waits, then
/// the rest: the end-to-end test kills supple in the middle of a save.
fn write_slowly_in_tests(file: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    #[cfg(debug_assertions)]
    if let Some(seconds) = std::env::var("SUPPLE_DEBUG_SLOW_SAVE")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        let (first, rest) = bytes.split_at(bytes.len() / 2);
        file.write_all(first)?;
        file.flush()?;
        std::thread::sleep(Duration::from_secs(seconds));
        return file.write_all(rest);
    }
    file.write_all(bytes)
}

/// Removes the builder's temporary files left in `folder` by a save that was killed (older
/// than an hour: a save under way in another supple is never touched); best effort.
fn remove_stale_temps(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX));
        let old = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE);
        if ours && old && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Keeps a routine not saved in `dir` (the drafts folder), under a name not taken: `NAME.json`,
/// then `NAME-2.json`, ...; the path it went to.
pub fn keep_draft(dir: &Path, name: &str, text: &str) -> io::Result<PathBuf> {
    for n in 1..1000 {
        let file = if n == 1 {
            dir.join(format!("{name}.json"))
        } else {
            dir.join(format!("{name}-{n}.json"))
        };
        match write_atomically(&file, text.as_bytes(), false) {
            Ok(()) => return Ok(file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many drafts"))
}
