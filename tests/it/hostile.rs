//! Hostile input through the real binary: characters a terminal would act on, in every place
//! supple echoes; files that are not files (named pipes, devices, folders); files far too
//! large; arrays where objects belong. Nothing may reach the terminal raw, nothing may hang,
//! and memory stays bounded.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use supple::safe_text::is_unsafe;

/// One of each class a terminal acts on: escape sequences (an OSC 52 clipboard write and a
/// screen clear), the bell, a carriage return, backspace, DEL, the 8-bit CSI, and the
/// bidirectional overrides and isolates that reorder what is shown.
const HOSTILE: &[&str] = &[
    "\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
    "\u{1b}[2J",
    "\u{7}",
    "a\rb",
    "x\u{8}y",
    "\u{7f}",
    "\u{9b}2J",
    "\u{85}",
    "\u{202e}txt.exe",
    "\u{2066}x\u{2069}",
    "\u{200f}",
    "\u{61c}",
    "two\nlines",
];

/// A session-free supple with its own config and data folders.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("config/supple/routines")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("data/supple")).expect("mkdir");
        Home { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn supple(&self) -> Command {
        let mut cmd = crate::common::supple(self.dir.path());
        cmd.timeout(Duration::from_secs(5));
        cmd
    }

    /// Runs supple with `args`; returns its stdout and stderr together, asserting it answered
    /// (within the command's timeout) and printed nothing a terminal would act on.
    fn output(&self, args: &[&str]) -> String {
        let out = self.supple().args(args).output().expect("run");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.code().is_some(),
            "{args:?} did not answer in time (or was killed): {text}"
        );
        assert_harmless(args, &text);
        text
    }
}

fn assert_harmless(what: &(impl std::fmt::Debug + ?Sized), text: &str) {
    if let Some(c) = text.chars().find(|&c| c != '\n' && is_unsafe(c)) {
        panic!("{what:?} printed U+{:04X} raw:\n{text:?}", u32::from(c));
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).expect("json")
}

/// Every hostile string, in every place a routine file's content is echoed by `check`: an
/// unknown field's name, an unknown value, an unknown exercise, a bad routine name, and the
/// file's own path.
#[test]
fn check_never_echoes_a_control_character() {
    let home = Home::new();
    for (i, bad) in HOSTILE.iter().enumerate() {
        let q = json_string(bad);
        let key = json_string(&format!("sec{bad}onds"));
        let cases = [
            format!(
                r#"{{"name":"x","title":"X","steps":[{{"exercise":"anchor-stretch",{key}:5}}]}}"#
            ),
            format!(
                r#"{{"name":"x","title":"X","steps":[{{"exercise":"anchor-stretch","order":{q}}}]}}"#
            ),
            format!(r#"{{"name":"x","title":"X","steps":[{{"exercise":{q}}}]}}"#),
            format!(r#"{{"name":{q},"title":"X","steps":[{{"exercise":"anchor-stretch"}}]}}"#),
            format!(r#"{{"name":"x","title":{q},"steps":[{{"exercise":"anchor-stretch"}}]}}"#),
            format!(r#"{{{key}:1}}"#),
        ];
        for (j, text) in cases.iter().enumerate() {
            let file = home.path(&format!("case-{i}-{j}.json"));
            write(&file, text);
            let out = home.output(&["check", &file.display().to_string()]);
            assert!(out.contains("error:"), "{text}: {out}");
        }
        // The path itself, for a file that is fine and for one that is not there.
        let name = bad.replace('\n', "_");
        let file = home.path(&format!("evil{name}.json"));
        write(
            &file,
            r#"{"name":"x","title":"X","steps":[{"exercise":"anchor-stretch"}]}"#,
        );
        let out = home.output(&["check", &file.display().to_string()]);
        assert!(out.contains("ok: "), "{out}");
        let missing = home.path(&format!("missing{name}.json"));
        home.output(&["check", &missing.display().to_string()]);
    }
    // Escaped, not dropped: the person sees what was there.
    let file = home.path("case-0-0.json");
    let out = home.output(&["check", &file.display().to_string()]);
    assert!(
        out.contains(r"sec\u{1b}]52;c;cm0gLXJmIH4=\u{7}onds"),
        "{out}"
    );
}

/// A routine name on the command line, a config's routine and unknown field, a user
/// routine's file name, and an unknown command: each hostile string, never raw.
#[test]
fn names_flags_and_config_never_echo_a_control_character() {
    for bad in HOSTILE {
        let home = Home::new();
        home.output(&["plan", bad]);
        home.output(&["run", bad]);
        home.output(&[bad]);
        home.output(&["check", bad]);
        home.output(&["plan", &format!("{bad}.json")]);

        let config = home.path("config/supple/config.json");
        write(&config, &format!(r#"{{"routine":{}}}"#, json_string(bad)));
        home.output(&["config"]);
        home.output(&["plan"]);
        write(&config, &format!(r#"{{{}:1}}"#, json_string(bad)));
        home.output(&["config"]);
        home.output(&["plan", "quick"]);
        std::fs::remove_file(&config).expect("rm");

        let name = bad.replace('\n', "_");
        write(
            &home.path(&format!("config/supple/routines/mine{name}.json")),
            r#"{"name":"mine","title":"Mine","steps":[{"exercise":"lying-stretch"}]}"#,
        );
        write(
            &home.path(&format!("config/supple/routines/broken{name}.json")),
            "{ nope",
        );
        let out = home.output(&["list"]);
        assert!(out.contains("Mine"), "{out}");
        home.output(&["plan", "mine"]);
    }
}

/// A hand-edited history with hostile text in its names: every export and the text view.
#[test]
fn history_exports_never_echo_a_control_character() {
    for bad in HOSTILE {
        let home = Home::new();
        let q = json_string(bad);
        write(
            &home.path("data/supple/history.json"),
            &format!(
                r#"{{ "version": 1, "sessions": [ {{ "started": "2026-11-23T08:00:00+01:00[Europe/Paris]",
                "routine": {q}, "title": {q}, "planned_seconds": 20, "elapsed_seconds": 20,
                "completed": true, "exercises": [ {{ "exercise": {q}, "name": {q}, "kind": "hold",
                "side": "left", "planned": 1, "done": 1, "skipped": 0, "held_seconds": 20 }} ] }} ] }}"#
            ),
        );
        let csv = home.output(&["history", "--csv"]);
        assert!(csv.lines().count() == 2, "{csv}");
        let json = home.output(&["history", "--json"]);
        // Still JSON, and still the same text once read.
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["sessions"][0]["routine"], serde_json::json!(bad));
        home.output(&["history", "--plain"]);
    }
}

/// Files that are not files: a named pipe as a routine, as the config, and in the routines
/// folder; a device; a folder. Each is refused at once, naming what it is.
#[test]
fn pipes_devices_and_folders_are_refused_at_once() {
    let home = Home::new();
    let fifo = home.path("pipe.json");
    mkfifo(&fifo);
    let out = home.output(&["check", &fifo.display().to_string(), "/dev/zero", "/tmp"]);
    assert!(
        out.contains("a named pipe (FIFO), not a regular file"),
        "{out}"
    );
    assert!(out.contains("a device, not a regular file"), "{out}");
    assert!(out.contains("a folder, not a regular file"), "{out}");
    home.output(&["plan", &fifo.display().to_string()]);

    mkfifo(&home.path("config/supple/routines/stuck.json"));
    let out = home.output(&["list"]);
    assert!(
        out.contains("stuck.json") && out.contains("not a regular file"),
        "{out}"
    );
    home.output(&["plan", "quick"]);
    home.output(&["plan", "stuck"]);

    mkfifo(&home.path("config/supple/config.json"));
    let out = home.output(&["config"]);
    assert!(out.contains("not a regular file"), "{out}");
    home.output(&["plan"]);
    home.output(&["list"]);
}

/// A name whose file in the routines folder is a folder, a named pipe or a link to nothing:
/// `run`, `plan` and `edit` name that file and what it is (as `list` does, and as `new`
/// does when it says the name is taken), never "no routine has this name".
#[test]
fn a_name_whose_file_is_not_a_file_says_what_it_is() {
    let home = Home::new();
    let routines = home.path("config/supple/routines");
    std::fs::create_dir(routines.join("folder.json")).expect("mkdir");
    mkfifo(&routines.join("pipe.json"));
    std::os::unix::fs::symlink(home.path("gone/away.json"), routines.join("gone.json"))
        .expect("link");
    for (name, what) in [
        ("folder", "it is a folder, not a regular file"),
        ("pipe", "it is a named pipe (FIFO), not a regular file"),
        ("gone", "it is a link to "),
    ] {
        let file = format!("{name}.json");
        for command in ["run", "plan", "edit"] {
            let out = home.output(&[command, name]);
            assert!(
                out.contains(&file) && out.contains(what) && !out.contains("no routine has"),
                "{command} {name}: {out}"
            );
        }
        let out = home.output(&["new", name]);
        assert!(out.contains(&file), "new {name}: {out}");
    }
    let out = home.output(&["plan", "gone"]);
    assert!(
        out.contains("gone/away.json, where there is no file")
            && out.contains("point the link at a routine file, or remove it"),
        "{out}"
    );
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

/// Arrays where the schema wants objects are refused with the place and the field, never read
/// by position.
#[test]
fn arrays_are_not_read_as_objects() {
    let home = Home::new();
    let cases = [
        (
            r#"{"name":"x","title":"X","defaults":[20,2],"steps":[{"exercise":"anchor-stretch"}]}"#,
            "1:35: at defaults: invalid type: sequence, expected an object",
        ),
        (
            r#"{"name":"x","title":"X","steps":[["anchor-stretch",30,2]]}"#,
            "1:33: at steps[0]: invalid type: sequence, expected an object",
        ),
        (
            r#"[["x","X"]]"#,
            "1:1: the file does not hold a JSON object",
        ),
    ];
    for (text, expected) in cases {
        let file = home.path("arrays.json");
        write(&file, text);
        let out = home.output(&["check", &file.display().to_string()]);
        assert!(out.contains(expected), "{text}: {out}");
        assert!(out.contains("fix: "), "{out}");
    }
    let config = home.path("config/supple/config.json");
    write(&config, "[30, 60]");
    let out = home.output(&["config"]);
    assert!(
        out.contains("1:1: the file does not hold a JSON object"),
        "{out}"
    );
}

/// The peak memory of supple run with `args`, in KiB, and what it printed on stderr.
///
/// A forked child starts with its parent's resident memory, and the kernel counts that in
/// the child's peak; this test process may be large (other tests run beside it). So a fresh,
/// small copy of this test binary starts supple and reads its peak from wait4, in
/// [`peak_memory_helper`].
fn peak_kib(home: &Home, args: &[&str]) -> (i64, String) {
    let out = std::process::Command::new(std::env::current_exe().expect("exe"))
        .args([
            "--exact",
            "hostile::peak_memory_helper",
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("SUPPLE_PEAK_ARGS", args.join("\u{1f}"))
        .env("HOME", home.dir.path())
        .env("XDG_CONFIG_HOME", home.path("config"))
        .env("XDG_DATA_HOME", home.path("data"))
        .output()
        .expect("helper");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let kib = text
        .split_once("PEAK_KIB=")
        .and_then(|(_, rest)| rest.lines().next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no figure from the helper: {text}"));
    let stderr = text
        .split_once("STDERR=")
        .map_or(String::new(), |(_, e)| e.to_string());
    (kib, stderr)
}

/// Not a test on its own: run by [`peak_kib`] in a fresh process.
#[test]
#[ignore = "a helper process for peak_kib"]
// The child is waited for with wait4, which also gives its resource usage.
#[allow(clippy::zombie_processes)]
fn peak_memory_helper() {
    let Ok(args) = std::env::var("SUPPLE_PEAK_ARGS") else {
        return;
    };
    let home = std::env::var_os("HOME").unwrap_or_default();
    let child = crate::common::supple_std(std::path::Path::new(&home))
        .args(args.split('\u{1f}'))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr {
        std::io::Read::read_to_string(&mut e, &mut stderr).expect("read stderr");
    }
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    println!("PEAK_KIB={}\nSTDERR={stderr}", usage.ru_maxrss);
}

/// Inputs made to eat memory cost no more than 50 MB: a 50 MB routine, an endless device, a
/// megabyte of steps, of one string, of nesting, and the same as the config.
#[test]
fn oversized_input_is_refused_within_the_memory_limit() {
    const LIMIT_KIB: i64 = 50 * 1024;
    let home = Home::new();
    let big = home.path("big.json");
    let step = r#"{"exercise":"anchor-stretch","seconds":30,"reps":2},"#;
    let mut text = String::from(r#"{"name":"x","title":"X","steps":["#);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(step);
    }
    text.pop();
    text.push_str("]}");
    write(&big, &text);
    let steps = home.path("steps.json");
    write(&steps, &text[..1000 * 1024].replace("}{", "},{"));
    let mut steps_text = text[..text[..1000 * 1024].rfind(',').expect("comma")].to_string();
    steps_text.push_str("]}");
    write(&steps, &steps_text);
    let string = home.path("string.json");
    write(
        &string,
        &format!(
            r#"{{"name":"x","title":"{}","steps":[{{"exercise":"anchor-stretch"}}]}}"#,
            "y".repeat(1000 * 1024)
        ),
    );
    let nested = home.path("nested.json");
    write(&nested, &format!(r#"{{"name":{}"#, "[".repeat(1000 * 1024)));
    let cases: [(&Path, &str); 5] = [
        (&big, "at most 1048576 bytes are read"),
        (Path::new("/dev/zero"), "a device, not a regular file"),
        (&steps, "at most 100 are allowed"),
        (&string, "characters long"),
        (&nested, "invalid type: sequence, expected a string"),
    ];
    for (file, expected) in cases {
        let (kib, stderr) = peak_kib(&home, &["check", &file.display().to_string()]);
        assert!(stderr.contains(expected), "{}: {stderr}", file.display());
        assert!(kib < LIMIT_KIB, "{}: {kib} KiB", file.display());
        assert_harmless(&file, &stderr);
    }
    std::fs::copy(&big, home.path("config/supple/config.json")).expect("copy");
    let (kib, stderr) = peak_kib(&home, &["plan", "quick"]);
    assert!(
        stderr.contains("at most 1048576 bytes are read"),
        "{stderr}"
    );
    assert!(kib < LIMIT_KIB, "config: {kib} KiB");
}

/// Files that are not UTF-8 name the place of the first bad byte, and UTF-16 says so.
#[test]
fn text_that_is_not_utf8_gets_a_place() {
    let home = Home::new();
    let latin1 = home.path("latin1.json");
    std::fs::write(&latin1, b"{\n  \"name\": \"caf\xe9\"\n}").expect("write");
    let out = home.output(&["check", &latin1.display().to_string()]);
    assert!(
        out.contains("latin1.json:2:15: the file is not UTF-8 text"),
        "{out}"
    );
    let utf16 = home.path("utf16.json");
    std::fs::write(&utf16, b"\xff\xfe{\x00}\x00").expect("write");
    let out = home.output(&["check", &utf16.display().to_string()]);
    assert!(out.contains("the file is UTF-16 text, not UTF-8"), "{out}");
}

/// A named pipe, a folder or a device in place of the history: `supple history` answers at
/// once and says what is there.
#[test]
fn history_that_is_not_a_file_is_named_at_once() {
    let home = Home::new();
    let history = home.path("data/supple/history.json");
    mkfifo(&history);
    let out = home.output(&["history", "--plain"]);
    assert!(out.contains("a named pipe (FIFO)"), "{out}");
    home.output(&["history", "--csv"]);
    std::fs::remove_file(&history).expect("rm");
    std::fs::create_dir(&history).expect("mkdir");
    let out = home.output(&["history", "--json"]);
    assert!(out.contains("a folder"), "{out}");
}
