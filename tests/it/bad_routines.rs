//! Every file in tests/bad_routines/ is rejected with its own specific message, both by the
//! library and by the real binary's `supple check`, which exits 1.

use std::path::Path;

use supple::content::{Library, load_routine_file};
use supple::session::resolve::build_plan;

/// File, then text the error must contain: the place (line:column or field path), what was
/// found or expected, and the fix.
const TABLE: &[(&str, &[&str])] = &[
    (
        "missing_comma.json",
        &[":4:3:", "expected `,` or `}`", "missing comma"],
    ),
    (
        "truncated.json",
        &[
            ":6:",
            "EOF while parsing a list",
            "ends before the JSON is complete",
        ],
    ),
    ("empty_file.json", &["the file is empty", "worked example"]),
    (
        "not_an_object.json",
        &[":1:1:", "does not hold a JSON object"],
    ),
    (
        "string_seconds.json",
        &[
            ":5:55:",
            "at steps[0].seconds",
            "`twenty` is not a number of seconds",
            "fix: write a whole number of seconds, 20, or a text with units, \"20s\"",
        ],
    ),
    (
        "fractional_seconds.json",
        &[
            "at steps[0].seconds",
            "`20.5` is not a whole number of seconds",
        ],
    ),
    (
        // Zero-width spaces alone would show an empty title.
        "invisible_title.json",
        &["at title", "the text shows nothing"],
    ),
    (
        "negative_rest.json",
        &["at steps[0].rest_seconds", "`-5` is below zero"],
    ),
    (
        // Too large for an integer, JSON's one kind of number arrives as a float: still
        // said as the length it is, not as "floating point".
        "astronomic_seconds.json",
        &[
            "at steps[0].seconds",
            "`100000000000000000000000` seconds is far longer than any step can be",
        ],
    ),
    (
        "unknown_field_typo.json",
        &[
            ":5:",
            "at steps[0].secs",
            "unknown field `secs`",
            "did you mean `seconds`?",
        ],
    ),
    (
        "unknown_field.json",
        &[
            ":4:",
            "unknown field `colour`",
            "use one of the known fields: $schema, name, title",
        ],
    ),
    (
        "missing_title.json",
        &["missing field `title`", "add a `\"title\"` entry"],
    ),
    (
        "unknown_order.json",
        &[
            "at steps[0].order",
            "unknown variant `alternating`",
            "did you mean `alternate`?",
        ],
    ),
    (
        "unknown_exercise_typo.json",
        &[
            "at steps[0].exercise",
            "unknown exercise `anchor-strech`",
            "did you mean `anchor-stretch`?",
        ],
    ),
    (
        "unknown_exercise.json",
        &[
            "unknown exercise `push-ups`",
            "use one of the known exercises: march-in-place",
            "assisted-stretch",
        ],
    ),
    (
        "zero_seconds.json",
        &[
            "at steps[0].seconds",
            "0 is out of range: it must be from 1 to 3600 seconds",
        ],
    ),
    (
        "huge_seconds.json",
        &[
            "at steps[1].seconds",
            "7200 is out of range: it must be from 1 to 3600 seconds",
        ],
    ),
    (
        "huge_reps.json",
        &[
            "at defaults.reps",
            "50 is out of range: it must be from 1 to 20 repetitions",
        ],
    ),
    (
        "huge_total.json",
        &[
            "huge_total.json",
            "runs for 40:06:35; a session may last at most 4:00:00",
        ],
    ),
    (
        "empty_steps.json",
        &[
            "at steps",
            "the routine has no steps",
            "add at least one step",
        ],
    ),
    (
        "control_chars.json",
        &[
            "at title",
            "control character (U+001B)",
            "printable characters only",
        ],
    ),
    (
        "bad_name.json",
        &[
            "at name",
            "`My Routine` is not a valid name",
            "lowercase letters",
        ],
    ),
];

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad_routines"))
}

fn library_error(file: &str) -> String {
    let library = Library::builtin().expect("built-in library");
    let path = dir().join(file);
    match load_routine_file(&path, &library).and_then(|l| build_plan(&l, &library)) {
        Ok(_) => panic!("{file} was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_bad_file_is_in_the_table() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .expect("bad_routines dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = TABLE.iter().map(|(f, _)| f.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn each_bad_file_gets_its_specific_message() {
    for (file, expected) in TABLE {
        let message = library_error(file);
        assert!(
            message.starts_with(&dir().join(file).display().to_string()),
            "{file}: names the file: {message}"
        );
        for part in *expected {
            assert!(
                message.contains(part),
                "{file}: expected {part:?} in:\n{message}"
            );
        }
        assert!(
            message.contains("\n  fix: "),
            "{file}: says how to fix it:\n{message}"
        );
    }
}

#[test]
fn the_binary_rejects_each_bad_file_with_exit_1() {
    for (file, expected) in TABLE {
        let home = tempfile::tempdir().expect("home");
        let output = crate::common::supple(home.path())
            .arg("check")
            .arg(dir().join(file))
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(1), "{file}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        for part in *expected {
            assert!(
                stderr.contains(part),
                "{file}: expected {part:?} in:\n{stderr}"
            );
        }
        assert!(!stderr.contains("panicked"), "{file}: {stderr}");
        assert!(
            !stderr.contains('\u{1b}'),
            "{file}: no escape reaches the terminal"
        );
    }
}
