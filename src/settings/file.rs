//! The config file, `$XDG_CONFIG_HOME/supple/config.json`: where it is, reading it with the
//! same care as a routine, and how lengths are written in it and on the command line.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::ConfigFile;
use crate::content::{ContentError, Shape, parse_json_with};

/// Seconds written as a person writes them: `30`, `30s`, `1m`, `1m30s`, `1m 30s`, `90sec`.
/// The error names the accepted forms.
pub fn parse_seconds(text: &str) -> Result<u32, String> {
    let text = text.trim();
    let secs = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse::<u64>().ok()
    } else {
        humantime::parse_duration(text)
            .ok()
            .filter(|d| d.subsec_nanos() == 0)
            .map(|d| d.as_secs())
    };
    secs.and_then(|s| u32::try_from(s).ok()).ok_or_else(|| {
        format!(
            "`{}` is not a number of seconds: write 30, 30s, 1m or 1m30s",
            crate::safe_text::quote(text, 40)
        )
    })
}

/// A number of seconds in a config file: a whole number (`30`) or a text with units
/// (`"30s"`, `"1m30s"`).
pub(super) fn seconds_field<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<u32>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Number(u32),
        Text(String),
    }
    match Option::<Written>::deserialize(d)? {
        None => Ok(None),
        Some(Written::Number(n)) => Ok(Some(n)),
        Some(Written::Text(text)) => parse_seconds(&text)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

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
