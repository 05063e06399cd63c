//! Lengths of time as a person writes them, the same in a routine file, the config file and on
//! the command line: `30`, `"30s"`, `"1m"`, `"1m30s"`.

use schemars::JsonSchema;
use std::fmt;

use serde::de::{self, Visitor};

/// How a length is written in a file, for the JSON Schema: a whole number of seconds, or a
/// text with units.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum Seconds {
    /// Whole seconds: 30.
    Number(u32),
    /// With units: "30s", "1m", "1m30s".
    Text(String),
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

/// A number of seconds in a routine or config file: a whole number (`30`) or a text with
/// units (`"30s"`, `"1m30s"`), as on the command line. Anything else is named with its fix,
/// in the form `content::load` prints: the message, then `\n  fix: `.
pub fn seconds_field<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    d.deserialize_option(MaybeSeconds)
}

const FIX: &str =
    "\n  fix: write a whole number of seconds, 20, or a text with units, \"20s\" or \"1m30s\"";

struct MaybeSeconds;

impl<'de> Visitor<'de> for MaybeSeconds {
    type Value = Option<u32>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number of seconds")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(SecondsVisitor).map(Some)
    }
}

struct SecondsVisitor;

impl SecondsVisitor {
    fn wrong<E: de::Error>(found: impl fmt::Display) -> E {
        E::custom(format!("{found} is not a number of seconds{FIX}"))
    }

    fn negative<E: de::Error>(n: impl fmt::Display) -> E {
        E::custom(format!(
            "`{n}` is below zero: a time cannot be negative{FIX}"
        ))
    }

    fn too_long<E: de::Error>(n: impl fmt::Display) -> E {
        E::custom(format!(
            "`{n}` seconds is far longer than any step can be (an hour at most){FIX}"
        ))
    }
}

impl<'de> Visitor<'de> for SecondsVisitor {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number of seconds")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<u32, E> {
        u32::try_from(n).map_err(|_| Self::too_long(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<u32, E> {
        match u32::try_from(n) {
            Ok(n) => Ok(n),
            Err(_) if n < 0 => Err(Self::negative(n)),
            Err(_) => Err(Self::too_long(n)),
        }
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<u32, E> {
        // JSON has one kind of number: one too large for an integer arrives here, whole.
        if n < 0.0 {
            Err(Self::negative(n))
        } else if n.fract() == 0.0 && n > f64::from(u32::MAX) {
            Err(Self::too_long(n))
        } else {
            Err(E::custom(format!(
                "`{n}` is not a whole number of seconds{FIX}"
            )))
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<u32, E> {
        parse_seconds(text)
            .map_err(|_| Self::wrong(format_args!("`{}`", crate::safe_text::quote(text, 40))))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<u32, E> {
        Err(Self::wrong(format_args!("`{b}`")))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<u32, A::Error> {
        Err(Self::wrong("a list"))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<u32, A::Error> {
        Err(Self::wrong("an object"))
    }
}
