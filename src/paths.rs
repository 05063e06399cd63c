//! Where supple keeps things: the platform's config and data folders (`$XDG_CONFIG_HOME/supple`
//! and `$XDG_DATA_HOME/supple` on Linux), found in one place, and what is created there is the
//! owner's alone, and files there are replaced whole or not at all.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "supple")
}

/// `$XDG_CONFIG_HOME/supple`: config.json and routines/.
pub fn config_dir() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().to_path_buf())
}

/// `$XDG_DATA_HOME/supple`: history.json and supple.log.
pub fn data_dir() -> Option<PathBuf> {
    dirs().map(|d| d.data_dir().to_path_buf())
}

/// Options that create files readable and writable by their owner only (0600 on Unix).
pub fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Creates `dir` and its parents, readable by the owner only (0700 on Unix).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// A file replaced whole or not at all: written to a temporary file beside it (mode 0600,
/// which the rename keeps), synced, then renamed over it, and the folder synced so that the
/// rename lasts too. A crash or a full disk leaves the old file as it was; dropped before
/// [`AtomicFile::commit`], the temporary file is removed.
///
/// Each step is its own call, returning its own error, so that callers can say which step
/// failed and do their own work between them.
pub struct AtomicFile {
    temp: NamedTempFile,
    target: PathBuf,
}

impl AtomicFile {
    /// Creates the temporary file `{prefix}XXXXXX{suffix}` in `target`'s folder. It fails
    /// here, before anything is written, when the folder cannot be written.
    /// Its error names the folder and what to do, never the temporary file's made-up name.
    pub fn beside(target: &Path, prefix: &str, suffix: &str) -> io::Result<AtomicFile> {
        let folder = folder_of(target);
        let temp = tempfile::Builder::new()
            .prefix(prefix)
            .suffix(suffix)
            .tempfile_in(folder)
            .map_err(|e| folder_error(folder, &e))?;
        Ok(AtomicFile {
            temp,
            target: target.to_path_buf(),
        })
    }

    /// The temporary file, as errors name it.
    pub fn path(&self) -> &Path {
        self.temp.path()
    }

    /// Writes through a buffer whatever `fill` writes, and flushes it.
    pub fn write(&mut self, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        let mut out = BufWriter::new(self.temp.as_file_mut());
        fill(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    }

    /// Syncs what was written to the disk; due before [`AtomicFile::commit`].
    pub fn sync(&self) -> io::Result<()> {
        self.temp.as_file().sync_all()
    }

    /// Gives the file the permissions of the one it will replace, if there is one (best
    /// effort: a file of the user's keeps its mode).
    pub fn keep_permissions_of(&self, path: &Path) {
        if let Ok(meta) = std::fs::metadata(path) {
            let _ = self.temp.as_file().set_permissions(meta.permissions());
        }
    }

    /// Renames the file over the target, then syncs the folder (a failure to sync the folder
    /// is not reported: the file is in place either way).
    pub fn commit(self) -> io::Result<()> {
        let AtomicFile { temp, target } = self;
        temp.persist(&target).map_err(|e| e.error)?;
        sync_folder(&target);
        Ok(())
    }

    /// As [`AtomicFile::commit`], but only where no file is there yet: otherwise an
    /// `AlreadyExists` error, and nothing changes.
    pub fn commit_new(self) -> io::Result<()> {
        let AtomicFile { temp, target } = self;
        temp.persist_noclobber(&target).map_err(|e| e.error)?;
        sync_folder(&target);
        Ok(())
    }
}

fn sync_folder(target: &Path) {
    if let Ok(dir) = File::open(folder_of(target)) {
        let _ = dir.sync_all();
    }
}

/// Writes a file the person named on the command line whole or not at all: a full disk or a
/// kill leaves no half file, and a file already there stays as it was until the new one is
/// complete (through a link, the file it leads to is replaced). A device or a pipe named
/// there (`/dev/stdout`, a FIFO) is written straight through, as it cannot be replaced.
pub fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = fs::metadata(&real).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        return fs::write(&real, bytes);
    }
    let mut file = AtomicFile::beside(&real, ".supple-", ".part")?;
    file.write(|out| out.write_all(bytes))?;
    file.sync()?;
    if existing.is_some() {
        file.keep_permissions_of(&real);
    } else {
        // A new file others may read, as one written by any program (the temporary file
        // is private until then).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = file
                .temp
                .as_file()
                .set_permissions(fs::Permissions::from_mode(0o644));
        }
    }
    file.commit()
}

/// Why no file can be made in `folder`, and what to do about it; of the same kind as `e`.
fn folder_error(folder: &Path, e: &io::Error) -> io::Error {
    // tempfile adds " at path <the temporary file>", a name the person never chose.
    let text = e.to_string();
    let cause = text
        .rsplit_once(" at path ")
        .map_or(text.as_str(), |(cause, _)| cause);
    let f = folder.display();
    let fix = match e.kind() {
        io::ErrorKind::NotFound => format!("there is no folder {f}: make it (mkdir -p {f})"),
        io::ErrorKind::PermissionDenied => format!("make {f} writable (chmod u+w {f})"),
        io::ErrorKind::ReadOnlyFilesystem => format!("{f} is on a read-only disk"),
        io::ErrorKind::NotADirectory => format!("{f} is not a folder"),
        io::ErrorKind::StorageFull => format!("the disk that holds {f} is full"),
        _ => format!("no file can be made in {f}"),
    };
    io::Error::new(e.kind(), format!("{cause}; {fix}"))
}

/// The folder a file is in, `.` for a bare name.
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Why a file's bytes could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("there is no such file")]
    NotFound,
    /// A folder, a named pipe, a device or a socket: reading it could block forever or never
    /// end, so it is never read.
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("it is {size} bytes or more, and at most {limit} bytes are read")]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Io(std::io::Error),
}

/// What a file that is not a regular file is, in words ("a named pipe (FIFO)").
pub fn kind_of(file_type: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_fifo() {
        "a named pipe (FIFO)"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_symlink() {
        "a link"
    } else {
        "not a regular file"
    }
}

/// The bytes of a regular file of at most `limit` bytes.
///
/// The file is opened without blocking (a named pipe opens at once instead of waiting for a
/// writer) and checked on the open handle, so nothing can swap a pipe or a device in between;
/// at most `limit + 1` bytes are ever read, so a file that grows while it is read is caught
/// too. Memory stays bounded whatever the path names.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use rustix::fs::OFlags;
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags((OFlags::NONBLOCK | OFlags::NOCTTY).bits() as i32)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            _ => ReadError::Io(e),
        })?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_file_replaces_whole_or_leaves_nothing_behind() -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("file.txt");
        fs::write(&target, "old")?;
        let names = || -> io::Result<Vec<String>> {
            let mut names: Vec<String> = fs::read_dir(dir.path())?
                .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
                .collect::<io::Result<_>>()?;
            names.sort();
            Ok(names)
        };

        let mut dropped = AtomicFile::beside(&target, ".t-", ".tmp")?;
        dropped.write(|out| out.write_all(b"never"))?;
        drop(dropped);
        assert_eq!(fs::read_to_string(&target)?, "old");
        assert_eq!(names()?, ["file.txt"]);

        let mut file = AtomicFile::beside(&target, ".t-", ".tmp")?;
        assert!(file.path().starts_with(dir.path()));
        file.write(|out| out.write_all(b"new"))?;
        file.sync()?;
        file.commit()?;
        assert_eq!(fs::read_to_string(&target)?, "new");
        assert_eq!(names()?, ["file.txt"]);
        assert_eq!(fs::metadata(&target)?.permissions().mode() & 0o777, 0o600);
        Ok(())
    }
}
