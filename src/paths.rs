//! Where supple keeps things: the platform's config and data folders (`$XDG_CONFIG_HOME/supple`
//! and `$XDG_DATA_HOME/supple` on Linux), found in one place, and what is created there is the
//! owner's alone.

use std::fs::{self, OpenOptions};
use std::path::{Path, PathBuf};

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
