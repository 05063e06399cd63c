//! Settings: each declared once, in the table at the end of this file, which makes the config
//! file's field (with its check), the command line's flag, the default, and the line
//! `supple config` prints with where the value came from. Flags win over the config file,
//! which wins over the defaults.
//!
//! Adding a setting is one entry in `settings!` below, and the line that uses it.

mod declare;
mod file;

use std::fmt;

pub use file::{config_path, load, parse, parse_seconds};

use crate::content::{ContentError, builtin, check_range, limits};
use crate::session::resolve::Tuning;

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

/// The volume a session starts at, in percent.
pub const DEFAULT_VOLUME: u8 = 80;

/// A flag's seconds (30, 30s, 1m, 1m30s), within the same limits as a routine or config
/// file's.
fn seconds((min, max): (u32, u32)) -> impl Fn(&str) -> Result<u32, String> + Clone {
    move |text| {
        let secs = parse_seconds(text)?;
        if (min..=max).contains(&secs) {
            Ok(secs)
        } else {
            Err(format!(
                "{secs} s is out of range: choose {min} to {max} seconds"
            ))
        }
    }
}

/// Seconds as `supple config` shows them, or the routine's own.
fn seconds_shown(value: &Option<u32>) -> String {
    value.map_or_else(|| "each routine's own".into(), |v| format!("{v} s"))
}

fn on_off(value: &bool) -> String {
    if *value { "on" } else { "off" }.into()
}

fn seconds_in(limits: (u32, u32)) -> impl Fn(&str, &str, &u32) -> Result<(), ContentError> {
    move |file, field, value| check_range(file, field, Some(*value), limits, "seconds")
}

crate::settings! {
    /// The routine `supple` runs with no name given (`hamstring`, `quick`, yours...).
    routine: String = builtin::DEFAULT_ROUTINE.to_string();
        file String => |v| v;
        check |file: &str, field: &str, v: &String| if v.trim().is_empty() {
            Err(ContentError::new(file, "`routine` is empty")
                .at_path(field)
                .hint("name a routine from `supple list`, or remove the line"))
        } else {
            Ok(())
        };
        flag none;
        show |v: &String| v.clone();

    /// Seconds of every static hold, instead of each routine's own (30 for older adults).
    hold_seconds: Option<u32> = None;
        file #[serde(deserialize_with = "file::seconds_field")] u32 => Some;
        check seconds_in(limits::SECONDS);
        flag value("hold", "TIME", seconds(limits::SECONDS),
            "Seconds of every static hold, instead of the routine's own. ACSM: 10 to 30 s; 30 \
             to 60 s for older adults (for example --hold 30); longer than 60 s adds nothing \
             in the studies.");
        show seconds_shown;

    /// Seconds of rest between repetitions, instead of each routine's own.
    rest_seconds: Option<u32> = None;
        file #[serde(deserialize_with = "file::seconds_field")] u32 => Some;
        check seconds_in(limits::REST_SECONDS);
        flag value("rest", "TIME", seconds(limits::REST_SECONDS),
            "Seconds of rest between repetitions, instead of the routine's own.");
        show seconds_shown;

    /// Seconds of "get ready" before the first step, instead of each routine's own.
    lead_in_seconds: Option<u32> = None;
        file #[serde(deserialize_with = "file::seconds_field")] u32 => Some;
        check seconds_in(limits::LEAD_IN_SECONDS);
        flag value("lead-in", "TIME", seconds(limits::LEAD_IN_SECONDS),
            "Seconds of \"get ready\" before the first step, instead of the routine's own.");
        show seconds_shown;

    /// Play sound cues (true by default).
    sound: bool = true;
        file bool => |v| v;
        check |_: &str, _: &str, _: &bool| Ok(());
        flag switch("sound", "Play sound cues, where the config file turns them off.",
                    "no-sound", "Play no sound.");
        show on_off;

    /// Volume in percent, 0 to 100 (read as any whole number, so that 300 gets the range in
    /// its message rather than a type name).
    volume: u8 = DEFAULT_VOLUME;
        file #[schemars(range(min = 0, max = 100))] u32
            => |v: u32| u8::try_from(v.min(100)).unwrap_or(100);
        check |file: &str, field: &str, v: &u32| check_range(file, field, Some(*v), (0, 100), "percent");
        flag value("volume", "PERCENT", clap::value_parser!(u32).range(0..=100),
            "Volume in percent at the start of a session (`+` and `-` change it during one).");
        show |v: &u8| format!("{v} %");

    /// Ring the terminal bell at each transition when there is no audio device.
    bell: bool = false;
        file bool => |v| v;
        check |_: &str, _: &str, _: &bool| Ok(());
        flag switch("bell", "Ring the terminal bell at each transition when there is no audio \
                             device.",
                    "no-bell", "No terminal bell, where the config file turns it on.");
        show on_off;

    /// Say each step aloud (true by default, where there is sound).
    voice: bool = true;
        file bool => |v| v;
        check |_: &str, _: &str, _: &bool| Ok(());
        flag switch("voice", "Say each step aloud: the stretch, the leg and how long (the \
                              default where there is sound).",
                    "no-voice", "Beeps only, no words.");
        show on_off;

    /// Say "three, two, one" instead of ticking (false by default).
    count_aloud: bool = false;
        file bool => |v| v;
        check |_: &str, _: &str, _: &bool| Ok(());
        flag on("count-aloud", "Say \"three, two, one\" before a step ends, instead of ticking.");
        show on_off;

    /// An older adult: holds of 30 s are suggested from the start, and later up to 60 s rather
    /// than 30 s (ACSM: 30 to 60 s for older adults). False by default; it changes only what
    /// is suggested.
    older: bool = false;
        file bool => |v| v;
        check |_: &str, _: &str, _: &bool| Ok(());
        flag none;
        show on_off;

    /// Notify through the terminal as each step starts while it is not focused: true, false,
    /// or absent for "where the terminal is known to support it".
    notify: Option<bool> = None;
        file bool => Some;
        check |_: &str, _: &str, _: &bool| Ok(());
        flag switch("notify", "Notify through the terminal as each step starts while it is not \
                               focused, also where supple does not know the terminal to support \
                               it (by default: kitty, iTerm2, WezTerm, ghostty, foot, \
                               rxvt-unicode, Windows Terminal).",
                    "no-notify", "No terminal notifications.");
        show |v: &Option<bool>| v.map_or_else(|| "where supported".into(), |on| on_off(&on));

    /// Show the pose as a picture where the terminal can (kitty, iTerm2, sixel); false: always
    /// the braille drawing. True by default.
    images: bool = true;
        file bool => |v| v;
        check |_: &str, _: &str, _: &bool| Ok(());
        flag switch("images", "The pose as a picture where the terminal can show one, where the \
                               config file turns pictures off.",
                    "no-images", "The pose always drawn in braille, never as a picture (kitty, \
                                  iTerm2, sixel).");
        show |v: &bool| String::from(if *v { "where the terminal can" } else { "off" });
}

impl Settings {
    /// The timing that replaces a routine's own.
    pub fn tuning(&self) -> Tuning {
        Tuning {
            hold_seconds: self.hold_seconds.value,
            rest_seconds: self.rest_seconds.value,
            lead_in_seconds: self.lead_in_seconds.value,
        }
    }
}
