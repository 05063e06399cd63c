//! The routine, config and history loaders against arbitrary bytes and arbitrary JSON made of
//! the formats' own field names: never a panic, never a character a terminal would act on in
//! the message, and always the file and a place in it.

use proptest::prelude::*;
use supple::content::{ContentError, Library, parse_routine};
use supple::history::{HistoryError, Store};
use supple::safe_text::is_unsafe;

/// Every field name of the three formats, and a few near misses.
const KEYS: &[&str] = &[
    "$schema",
    "name",
    "title",
    "description",
    "defaults",
    "steps",
    "exercise",
    "seconds",
    "reps",
    "rest_seconds",
    "switch_seconds",
    "order",
    "note",
    "lead_in_seconds",
    "transition_seconds",
    "routine",
    "hold_seconds",
    "sound",
    "volume",
    "bell",
    "version",
    "sessions",
    "started",
    "planned_seconds",
    "elapsed_seconds",
    "completed",
    "exercises",
    "kind",
    "side",
    "planned",
    "done",
    "skipped",
    "held_seconds",
    "secs",
    "\u{1b}[2J",
];

/// Text with the values the formats know, and characters a terminal acts on.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("anchor-stretch".to_string()),
        Just("alternate".to_string()),
        Just("left".to_string()),
        Just("hold".to_string()),
        Just("2026-11-23T08:00:00+01:00[Europe/Paris]".to_string()),
        "[a-z-]{0,12}",
        "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}a-z]{0,8}",
        any::<String>(),
    ]
}

fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u32..4000).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|pairs| {
                Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// Any JSON object made of the formats' keys, as text.
fn document() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(KEYS), json()), 0..10).prop_map(|pairs| {
        let object: serde_json::Map<String, serde_json::Value> =
            pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        serde_json::Value::Object(object).to_string()
    })
}

/// What a person reads of an error: the file first, then a place (line and column, or the
/// field), and nothing that would act on their terminal.
fn assert_readable(file: &str, error: &ContentError) {
    let message = error.to_string();
    assert!(message.starts_with(file), "{message}");
    assert!(
        error.line.is_some() || error.path.is_some(),
        "no place: {message}"
    );
    assert!(
        !message.chars().any(|c| c != '\n' && is_unsafe(c)),
        "{message:?}"
    );
}

fn check_routine(text: &str) {
    let library = Library::builtin().expect("library");
    if let Err(e) = parse_routine("fuzz.json", text, library.exercises()) {
        assert_readable("fuzz.json", &e);
    }
}

fn check_config(text: &str) {
    if let Err(e) = supple::settings::parse("config.json", text) {
        assert_readable("config.json", &e);
    }
}

fn check_history(bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("history.json"), bytes).expect("write");
    let store = Store::at(dir.path());
    match store.load() {
        Ok(_) => {}
        Err(HistoryError::Unreadable(e)) => {
            assert_readable(&store.path().display().to_string(), &e);
        }
        Err(e) => panic!("a readable file gave {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn routine_loader_explains_any_object(text in document()) {
        check_routine(&text);
    }

    #[test]
    fn config_loader_explains_any_object(text in document()) {
        check_config(&text);
    }

    #[test]
    fn history_loader_explains_any_object(text in document()) {
        check_history(text.as_bytes());
    }

    #[test]
    fn loaders_explain_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        check_routine(&text);
        check_config(&text);
        check_history(&bytes);
    }
}
