//! The config file, `$XDG_CONFIG_HOME/supple/config.json`: where it is, reading it with the
//! same care as a routine, and how lengths are written in it and on the command line.

use std::path::{Path, PathBuf};

use super::ConfigFile;
use crate::content::{ContentError, Shape, parse_json_with};

pub use crate::content::seconds::{parse_seconds, seconds_field};

/// Where the config file is: `$XDG_CONFIG_HOME/supple/config.json`.
pub fn config_path() -> Option<PathBuf> {
    crate::paths::config_dir().map(|d| d.join("config.json"))
}

/// Reads and checks the config file; `Ok(None)` when there is none.
pub fn load(path: &Path) -> Result<Option<ConfigFile>, ContentError> {
    let file = path.display().to_string();
    match crate::content::read_text(&file, path)? {
        Some(text) => parse(&file, &text).map(Some),
        None => Ok(None),
    }
}

/// Parses and checks a config file's text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<ConfigFile, ContentError> {
    let config: ConfigFile = parse_json_with(
        file,
        text,
        &Shape {
            empty: "write {} in it for the defaults, or remove it",
            object: "a config file is one object: { \"hold_seconds\": 30, \"volume\": 60 }",
        },
    )?;
    config.validate(file)?;
    Ok(config)
}
