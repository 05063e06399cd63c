//! Settings: `$XDG_CONFIG_HOME/supple/config.json`, overridden by command-line flags, and
//! where each resolved value came from (for `supple config`).

use std::fmt;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::audio::DEFAULT_VOLUME;
use crate::content::{ContentError, Shape, builtin, check_range, limits, parse_json_with};
use crate::session::resolve::Tuning;

/// The config file. Every field is optional; a missing one keeps its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Path or URL of the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The routine `supple` runs with no name given (`hamstring`, `quick`, yours...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routine: Option<String>,
    /// Seconds of every static hold, instead of each routine's own (30 for older adults).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "seconds_field"
    )]
    pub hold_seconds: Option<u32>,
    /// Seconds of rest between repetitions, instead of each routine's own.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "seconds_field"
    )]
    pub rest_seconds: Option<u32>,
    /// Seconds of "get ready" before the first step, instead of each routine's own.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "seconds_field"
    )]
    pub lead_in_seconds: Option<u32>,
    /// Play sound cues (true by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sound: Option<bool>,
    /// Volume in percent, 0 to 100 (read as any whole number, so that 300 gets the range in
    /// its message rather than a type name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub volume: Option<u32>,
    /// Ring the terminal bell at each transition when there is no audio device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bell: Option<bool>,
    /// Say each step aloud (true by default, where there is sound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<bool>,
    /// Say "three, two, one" instead of ticking (false by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_aloud: Option<bool>,
    /// An older adult: holds of 30 s are suggested from the start, and later up to 60 s rather
    /// than 30 s (ACSM: 30 to 60 s for older adults). False by default; it changes only what
    /// is suggested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<bool>,
    /// Notify through the terminal as each step starts while it is not focused: true, false,
    /// or absent for "where the terminal is known to support it".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
    /// Show the pose as a picture where the terminal can (kitty, iTerm2, sixel); false: always
    /// the braille drawing. True by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<bool>,
}

/// What the command line says, where it says anything.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub hold_seconds: Option<u32>,
    pub rest_seconds: Option<u32>,
    pub lead_in_seconds: Option<u32>,
    /// `Some(false)` for `--no-sound`, `Some(true)` for `--sound`.
    pub sound: Option<bool>,
    pub volume: Option<u8>,
    pub bell: Option<bool>,
    pub voice: Option<bool>,
    pub count_aloud: Option<bool>,
    pub notify: Option<bool>,
    pub images: Option<bool>,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    Flag(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => write!(f, "default"),
            Source::File => write!(f, "config file"),
            Source::Flag(flag) => write!(f, "command line ({flag})"),
        }
    }
}

/// A resolved value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// Every setting, resolved: flags over the config file over the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub routine: Setting<String>,
    /// `None`: each routine's own.
    pub hold_seconds: Setting<Option<u32>>,
    pub rest_seconds: Setting<Option<u32>>,
    pub lead_in_seconds: Setting<Option<u32>>,
    pub sound: Setting<bool>,
    pub volume: Setting<u8>,
    pub bell: Setting<bool>,
    pub voice: Setting<bool>,
    pub count_aloud: Setting<bool>,
    /// Holds of 30 s suggested from the start, and later up to 60 s rather than 30 s.
    pub older: Setting<bool>,
    /// Terminal notifications: `None` where the terminal is known to support them.
    pub notify: Setting<Option<bool>>,
    /// The pose as a picture where the terminal can show one.
    pub images: Setting<bool>,
}

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
fn seconds_field<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
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
    validate(file, &config)?;
    Ok(config)
}

fn validate(file: &str, c: &ConfigFile) -> Result<(), ContentError> {
    check_range(
        file,
        "hold_seconds",
        c.hold_seconds,
        limits::SECONDS,
        "seconds",
    )?;
    check_range(
        file,
        "rest_seconds",
        c.rest_seconds,
        limits::REST_SECONDS,
        "seconds",
    )?;
    check_range(
        file,
        "lead_in_seconds",
        c.lead_in_seconds,
        limits::LEAD_IN_SECONDS,
        "seconds",
    )?;
    check_range(file, "volume", c.volume, (0, 100), "percent")?;
    if c.routine.as_deref().is_some_and(|r| r.trim().is_empty()) {
        return Err(ContentError::new(file, "`routine` is empty")
            .at_path("routine")
            .hint("name a routine from `supple list`, or remove the line"));
    }
    Ok(())
}

/// Flags over the file over the defaults.
pub fn resolve(file: Option<&ConfigFile>, flags: &Flags) -> Settings {
    fn pick<T: Clone>(
        flag: Option<T>,
        flag_name: &'static str,
        file: Option<T>,
        default: T,
    ) -> Setting<T> {
        match (flag, file) {
            (Some(value), _) => Setting {
                value,
                source: Source::Flag(flag_name),
            },
            (None, Some(value)) => Setting {
                value,
                source: Source::File,
            },
            (None, None) => Setting {
                value: default,
                source: Source::Default,
            },
        }
    }
    let f = file.cloned().unwrap_or_default();
    let optional = |flag: Option<u32>, name, file: Option<u32>| {
        pick(flag.map(Some), name, file.map(Some), None)
    };
    Settings {
        routine: pick(None, "", f.routine, builtin::DEFAULT_ROUTINE.to_string()),
        hold_seconds: optional(flags.hold_seconds, "--hold", f.hold_seconds),
        rest_seconds: optional(flags.rest_seconds, "--rest", f.rest_seconds),
        lead_in_seconds: optional(flags.lead_in_seconds, "--lead-in", f.lead_in_seconds),
        sound: pick(
            flags.sound,
            if flags.sound == Some(false) {
                "--no-sound"
            } else {
                "--sound"
            },
            f.sound,
            true,
        ),
        volume: pick(
            flags.volume,
            "--volume",
            f.volume.map(|v| u8::try_from(v.min(100)).unwrap_or(100)),
            DEFAULT_VOLUME,
        ),
        bell: pick(
            flags.bell,
            if flags.bell == Some(false) {
                "--no-bell"
            } else {
                "--bell"
            },
            f.bell,
            false,
        ),
        voice: pick(
            flags.voice,
            if flags.voice == Some(false) {
                "--no-voice"
            } else {
                "--voice"
            },
            f.voice,
            true,
        ),
        count_aloud: pick(flags.count_aloud, "--count-aloud", f.count_aloud, false),
        images: pick(
            flags.images,
            if flags.images == Some(false) {
                "--no-images"
            } else {
                "--images"
            },
            f.images,
            true,
        ),
        older: pick(None, "", f.older, false),
        notify: match (flags.notify, f.notify) {
            (Some(on), _) => Setting {
                value: Some(on),
                source: Source::Flag(if on { "--notify" } else { "--no-notify" }),
            },
            (None, Some(on)) => Setting {
                value: Some(on),
                source: Source::File,
            },
            (None, None) => Setting {
                value: None,
                source: Source::Default,
            },
        },
    }
}

impl Settings {
    /// The settings as `supple config` prints them, one per line with its source.
    pub fn lines(&self) -> Vec<String> {
        let secs = |s: &Setting<Option<u32>>| match s.value {
            Some(v) => format!("{v} s"),
            None => "each routine's own".to_string(),
        };
        let on = |b: bool| if b { "on" } else { "off" }.to_string();
        [
            ("routine", self.routine.value.clone(), &self.routine.source),
            (
                "hold_seconds",
                secs(&self.hold_seconds),
                &self.hold_seconds.source,
            ),
            (
                "rest_seconds",
                secs(&self.rest_seconds),
                &self.rest_seconds.source,
            ),
            (
                "lead_in_seconds",
                secs(&self.lead_in_seconds),
                &self.lead_in_seconds.source,
            ),
            ("sound", on(self.sound.value), &self.sound.source),
            (
                "volume",
                format!("{} %", self.volume.value),
                &self.volume.source,
            ),
            ("bell", on(self.bell.value), &self.bell.source),
            ("voice", on(self.voice.value), &self.voice.source),
            (
                "count_aloud",
                on(self.count_aloud.value),
                &self.count_aloud.source,
            ),
            ("older", on(self.older.value), &self.older.source),
            (
                "notify",
                self.notify
                    .value
                    .map_or_else(|| "where supported".into(), on),
                &self.notify.source,
            ),
            (
                "images",
                if self.images.value {
                    "where the terminal can".to_string()
                } else {
                    "off".to_string()
                },
                &self.images.source,
            ),
        ]
        .into_iter()
        .map(|(name, value, source)| format!("{name:<16} {value:<20} {source}"))
        .collect()
    }
}

impl Settings {
    pub fn tuning(&self) -> Tuning {
        Tuning {
            hold_seconds: self.hold_seconds.value,
            rest_seconds: self.rest_seconds.value,
            lead_in_seconds: self.lead_in_seconds.value,
        }
    }
}
