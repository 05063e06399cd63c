//! Where supple keeps things: the platform's config and data folders (`$XDG_CONFIG_HOME/supple`
//! and `$XDG_DATA_HOME/supple` on Linux), found in one place.

use std::path::PathBuf;

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
