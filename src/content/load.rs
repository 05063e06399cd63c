//! Parsing JSON content into the model, with errors that say where and how to fix.

use serde::de::DeserializeOwned;

use super::error::ContentError;
use super::model::{Exercise, ExerciseFile, Routine, RoutineDefaults, Sides};

/// Limits that keep a typo from becoming a six-hour hold.
pub mod limits {
    /// Seconds of one hold or bout of work: 1 s to an hour.
    pub const SECONDS: (u32, u32) = (1, 3600);
    pub const REPS: (u32, u32) = (1, 20);
    pub const REST_SECONDS: (u32, u32) = (0, 600);
    pub const SWITCH_SECONDS: (u32, u32) = (0, 300);
    pub const LEAD_IN_SECONDS: (u32, u32) = (0, 300);
    pub const TRANSITION_SECONDS: (u32, u32) = (0, 600);
    pub const STEPS: usize = 100;
    pub const NAME_CHARS: usize = 40;
    pub const TITLE_CHARS: usize = 60;
    pub const TEXT_CHARS: usize = 300;
    /// The focus is read from two metres: a few words.
    pub const FOCUS_CHARS: usize = 32;
}

/// Parses a routine file's JSON text into `T`, reporting line, column and field path on failure.
pub fn parse_json<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    parse_json_with(
        file,
        text,
        &Shape {
            empty: "write a routine in it; content/README.md has a worked example",
            object: "a routine file is one object in braces: { \"name\": ..., \"steps\": [...] }",
        },
    )
}

/// How to fix a file that holds no JSON object: what to write in an empty one, and what the
/// object looks like.
pub struct Shape {
    pub empty: &'static str,
    pub object: &'static str,
}

/// Parses JSON text that must be one object into `T`, with `shape` as the fix when it is not.
pub fn parse_json_with<T: DeserializeOwned>(
    file: &str,
    text: &str,
    shape: &Shape,
) -> Result<T, ContentError> {
    // Editors on some systems save a byte-order mark; it is not JSON but means no harm.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let Some(first) = text.find(|c: char| !c.is_whitespace()) else {
        return Err(ContentError::new(file, "the file is empty")
            .at_line(1, 1)
            .hint(shape.empty));
    };
    if !text[first..].starts_with('{') {
        let line = text[..first].matches('\n').count() + 1;
        let column = first - text[..first].rfind('\n').map_or(0, |i| i + 1) + 1;
        return Err(
            ContentError::new(file, "the file does not hold a JSON object")
                .at_line(line, column)
                .hint(shape.object),
        );
    }
    // The plain parse is the fast path; the one that tracks the field path runs only to
    // explain a failure.
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let known = !matches!(path.as_str(), "." | "?");
        json_error(file, &inner).at_path(if known { path } else { String::new() })
    })?;
    de.end().map_err(|err| json_error(file, &err))?;
    Ok(value)
}

fn json_error(file: &str, err: &serde_json::Error) -> ContentError {
    let full = err.to_string();
    // serde_json appends " at line L column C"; we print the place ourselves.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let message = message
        .replace("expected u32", "expected a whole number")
        .replace("expected u16", "expected a whole number")
        .replace("expected u8", "expected a whole number");
    // A check of our own may carry its fix, the way a `ContentError` prints it.
    if let Some((message, fix)) = message.split_once("\n  fix: ") {
        return ContentError::new(file, message)
            .at_line(err.line(), err.column())
            .hint(fix);
    }
    let hint = hint_for(&message, err.classify());
    let error = ContentError::new(file, message).at_line(err.line(), err.column());
    match hint {
        Some(h) => error.hint(h),
        None => error,
    }
}

/// Words quoted in backticks, in order: serde puts the found name first, then the expected ones.
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// The known name closest to `found`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(found: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(found, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn hint_for(message: &str, category: serde_json::error::Category) -> Option<String> {
    use serde_json::error::Category;
    match category {
        Category::Eof => Some(
            "the file ends before the JSON is complete: a closing bracket or brace is missing"
                .into(),
        ),
        Category::Syntax => Some(
            "the file is not valid JSON here: look for a missing comma, quote or closing bracket \
             just before this place"
                .into(),
        ),
        Category::Io => None,
        Category::Data => {
            let words = backticked(message);
            if message.starts_with("unknown field") || message.starts_with("unknown variant") {
                let (found, expected) = words.split_first()?;
                let what = if message.starts_with("unknown field") {
                    "field"
                } else {
                    "value"
                };
                Some(match did_you_mean(found, expected.iter().copied()) {
                    Some(name) => format!("did you mean `{name}`?"),
                    None => format!("use one of the known {what}s: {}", expected.join(", ")),
                })
            } else if message.starts_with("missing field") {
                words
                    .first()
                    .map(|name| format!("add a `\"{name}\"` entry here"))
            } else if message.contains("steps: at most") {
                Some("split it into several routines".into())
            } else if message.starts_with("invalid type") && message.contains("expected an object")
            {
                Some(
                    "write this as an object with named fields in braces, { ... }: a list in \
                      [ ... ] is not read by position"
                        .into(),
                )
            } else if message.contains("expected a boolean") {
                Some("write true or false, without quotes".into())
            } else if message.contains("expected a whole number") {
                Some("write a whole number without quotes or decimals, for example 20".into())
            } else if message.contains("expected a sequence") {
                Some("this must be a list in square brackets: [ ... ]".into())
            } else if message.contains("expected a string") {
                Some("this must be text in double quotes".into())
            } else {
                None
            }
        }
    }
}

/// Parses and validates the exercise library.
pub fn parse_exercises(file: &str, text: &str) -> Result<Vec<Exercise>, ContentError> {
    let parsed: ExerciseFile = parse_json(file, text)?;
    validate_exercises(file, &parsed.exercises)?;
    Ok(parsed.exercises)
}

/// Parses and validates a routine against the known exercises.
pub fn parse_routine(
    file: &str,
    text: &str,
    exercises: &[Exercise],
) -> Result<Routine, ContentError> {
    let routine: Routine = parse_json(file, text)?;
    validate_routine(file, &routine, exercises)?;
    Ok(routine)
}

/// Checks one piece of text that will be shown on screen.
pub(crate) fn check_text(
    file: &str,
    path: &str,
    text: &str,
    max_chars: usize,
) -> Result<(), ContentError> {
    if let Some((pos, c)) = text
        .chars()
        .enumerate()
        .find(|(_, c)| crate::safe_text::is_unsafe(*c))
    {
        return Err(ContentError::new(
            file,
            format!(
                "the text holds a control character (U+{:04X}) at character {}",
                c as u32,
                pos + 1
            ),
        )
        .at_path(path)
        .hint("remove it: text shown on screen may hold printable characters only (no escapes, tabs or line breaks)"));
    }
    if text.trim().is_empty() {
        return Err(ContentError::new(file, "the text is empty")
            .at_path(path)
            .hint("write something here, or remove the field if it is optional"));
    }
    // Zero-width spaces, joiners or marks alone look like nothing on screen.
    if unicode_width::UnicodeWidthStr::width(text.trim()) == 0 {
        return Err(ContentError::new(
            file,
            "the text shows nothing: it holds only invisible characters (zero-width spaces, \
             joiners or marks)",
        )
        .at_path(path)
        .hint("write something here, or remove the field if it is optional"));
    }
    let count = text.chars().count();
    if count > max_chars {
        return Err(ContentError::new(
            file,
            format!("the text is {count} characters long; at most {max_chars} fit on screen"),
        )
        .at_path(path)
        .hint("shorten it"));
    }
    Ok(())
}

/// Checks a name used on the command line: lowercase letters, digits and dashes.
pub(crate) fn check_slug(file: &str, path: &str, name: &str) -> Result<(), ContentError> {
    check_text(file, path, name, limits::NAME_CHARS)?;
    // A first dash would read as a flag: `supple run -x`.
    let ok = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.starts_with('-');
    if !ok {
        return Err(
            ContentError::new(file, format!("`{name}` is not a valid name"))
                .at_path(path)
                .hint(
                    "use lowercase letters, digits and dashes, not a dash first, for example \
                     `morning-stretch`",
                ),
        );
    }
    Ok(())
}

pub(crate) fn check_range(
    file: &str,
    path: &str,
    value: Option<u32>,
    (min, max): (u32, u32),
    unit: &str,
) -> Result<(), ContentError> {
    match value {
        Some(v) if v < min || v > max => Err(ContentError::new(
            file,
            format!("{v} is out of range: it must be from {min} to {max} {unit}"),
        )
        .at_path(path)
        .hint(format!("choose a value from {min} to {max}"))),
        _ => Ok(()),
    }
}

fn validate_exercises(file: &str, exercises: &[Exercise]) -> Result<(), ContentError> {
    if exercises.is_empty() {
        return Err(ContentError::new(file, "the exercise list is empty")
            .at_path("exercises")
            .hint("add at least one exercise"));
    }
    for (i, ex) in exercises.iter().enumerate() {
        let at = |field: &str| format!("exercises[{i}].{field}");
        check_slug(file, &at("id"), &ex.id)?;
        if exercises[..i].iter().any(|other| other.id == ex.id) {
            return Err(
                ContentError::new(file, format!("the id `{}` is used twice", ex.id))
                    .at_path(at("id"))
                    .hint("give every exercise its own id"),
            );
        }
        check_text(file, &at("name"), &ex.name, limits::TITLE_CHARS)?;
        check_text(file, &at("caution"), &ex.caution, limits::TEXT_CHARS)?;
        check_text(file, &at("focus"), &ex.focus, limits::FOCUS_CHARS)?;
        if let Some(text) = &ex.setup {
            check_text(file, &at("setup"), text, limits::TEXT_CHARS)?;
        }
        if ex.cues.is_empty() {
            return Err(ContentError::new(file, "the exercise has no form cues")
                .at_path(at("cues"))
                .hint("add at least one cue; the first explains the focus"));
        }
        for (j, cue) in ex.cues.iter().enumerate() {
            check_text(
                file,
                &format!("exercises[{i}].cues[{j}]"),
                cue,
                limits::TEXT_CHARS,
            )?;
        }
        if let Some(text) = &ex.switch_cue {
            check_text(file, &at("switch_cue"), text, limits::TEXT_CHARS)?;
        }
        if let Some(text) = &ex.source {
            check_text(file, &at("source"), text, limits::TEXT_CHARS)?;
        }
        if ex.sides != Sides::Each && ex.switch_cue.is_some() {
            return Err(ContentError::new(
                file,
                "a switch cue is only used by exercises done one leg at a time",
            )
            .at_path(at("switch_cue"))
            .hint("remove it, or set \"sides\": \"each\""));
        }
        if ex.sides != Sides::Each && ex.working_leg.is_some() {
            return Err(ContentError::new(
                file,
                "a working leg is only named for exercises done one leg at a time",
            )
            .at_path(at("working_leg"))
            .hint("remove it, or set \"sides\": \"each\""));
        }
    }
    Ok(())
}

fn validate_defaults(file: &str, path: &str, d: &RoutineDefaults) -> Result<(), ContentError> {
    let at = |field: &str| format!("{path}.{field}");
    check_range(
        file,
        &at("lead_in_seconds"),
        d.lead_in_seconds,
        limits::LEAD_IN_SECONDS,
        "seconds",
    )?;
    check_range(
        file,
        &at("transition_seconds"),
        d.transition_seconds,
        limits::TRANSITION_SECONDS,
        "seconds",
    )?;
    check_range(file, &at("seconds"), d.seconds, limits::SECONDS, "seconds")?;
    check_range(file, &at("reps"), d.reps, limits::REPS, "repetitions")?;
    check_range(
        file,
        &at("rest_seconds"),
        d.rest_seconds,
        limits::REST_SECONDS,
        "seconds",
    )?;
    check_range(
        file,
        &at("switch_seconds"),
        d.switch_seconds,
        limits::SWITCH_SECONDS,
        "seconds",
    )
}

/// Checks a parsed routine against the limits and the known exercises (what
/// [`parse_routine`] does after parsing); the routine builder checks every edit with it.
pub(crate) fn validate_routine(
    file: &str,
    routine: &Routine,
    exercises: &[Exercise],
) -> Result<(), ContentError> {
    check_slug(file, "name", &routine.name)?;
    check_text(file, "title", &routine.title, limits::TITLE_CHARS)?;
    if let Some(text) = &routine.description {
        check_text(file, "description", text, limits::TEXT_CHARS)?;
    }
    validate_defaults(file, "defaults", &routine.defaults)?;
    if routine.steps.is_empty() {
        return Err(ContentError::new(file, "the routine has no steps")
            .at_path("steps")
            .hint("add at least one step, for example { \"exercise\": \"anchor-stretch\" }"));
    }
    for (i, step) in routine.steps.iter().enumerate() {
        let at = |field: &str| format!("steps[{i}].{field}");
        check_text(file, &at("exercise"), &step.exercise, limits::NAME_CHARS)?;
        if !exercises.iter().any(|e| e.id == step.exercise) {
            let known: Vec<&str> = exercises.iter().map(|e| e.id.as_str()).collect();
            let hint = match did_you_mean(&step.exercise, known.iter().copied()) {
                Some(name) => format!(
                    "did you mean `{name}`? Known exercises: {}",
                    known.join(", ")
                ),
                None => format!("use one of the known exercises: {}", known.join(", ")),
            };
            return Err(
                ContentError::new(file, format!("unknown exercise `{}`", step.exercise))
                    .at_path(at("exercise"))
                    .hint(hint),
            );
        }
        check_range(
            file,
            &at("seconds"),
            step.seconds,
            limits::SECONDS,
            "seconds",
        )?;
        check_range(file, &at("reps"), step.reps, limits::REPS, "repetitions")?;
        check_range(
            file,
            &at("rest_seconds"),
            step.rest_seconds,
            limits::REST_SECONDS,
            "seconds",
        )?;
        check_range(
            file,
            &at("switch_seconds"),
            step.switch_seconds,
            limits::SWITCH_SECONDS,
            "seconds",
        )?;
        if let Some(note) = &step.note {
            check_text(file, &at("note"), note, limits::TEXT_CHARS)?;
        }
    }
    Ok(())
}
