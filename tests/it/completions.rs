//! Shell completions and the man page, generated from the command line's definitions: each
//! generates, mentions every command (walked from clap's own definitions, so a new command is
//! covered without touching this file), and is read by its shell or by groff where they are
//! installed.

use crate::common::{goes_without, installed};
use std::path::Path;
use std::process::Stdio;

/// Every command a person can type, nested ones as `parent child`.
fn commands() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, above: &[String], into: &mut Vec<Vec<String>>) {
        for sub in supple::cli::completions::commands(cmd) {
            let mut path = above.to_vec();
            path.push(sub.get_name().to_string());
            into.push(path.clone());
            walk(sub, &path, into);
        }
    }
    let mut all = Vec::new();
    walk(&supple::cli::completions::command(), &[], &mut all);
    all
}

fn supple_output(args: &[&str]) -> String {
    let home = tempfile::tempdir().expect("home");
    let output = crate::common::supple(home.path())
        .args(args)
        .output()
        .expect("run");
    assert!(output.status.success(), "{args:?}: {output:?}");
    assert!(output.stderr.is_empty(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Runs `program args` with `input` on stdin: its status, stdout and stderr.
fn run_with(program: &str, args: &[&str], input: &str) -> (bool, String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("wait");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_walk_finds_the_commands() {
    let names: Vec<String> = commands().into_iter().map(|p| p.join(" ")).collect();
    for name in ["run", "plan", "history", "status", "completions", "man"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    assert!(!names.iter().any(|n| n == "help"), "{names:?}");
}

#[test]
fn every_shell_gets_a_script_that_mentions_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = supple_output(&["completions", shell]);
        for path in commands() {
            let name = path.last().expect("a name");
            assert!(script.contains(name.as_str()), "{shell}: no {name}");
        }
    }
}

#[test]
fn the_scripts_parse_in_their_shells() {
    for (shell, check) in [
        ("bash", &["-n"][..]),
        ("zsh", &["-n"][..]),
        ("fish", &["--no-execute"][..]),
    ] {
        if !installed(shell) && goes_without(shell, "its completion script is not parsed") {
            continue;
        }
        let script = supple_output(&["completions", shell]);
        let (ok, _, err) = run_with(shell, check, &script);
        assert!(ok && err.is_empty(), "{shell}: {err}");
    }
}

/// What bash's Tab offers after `words` (the last one the word being typed), with supple's
/// completion script loaded.
fn bash_completion() -> impl Fn(&[&str]) -> Vec<String> {
    let script = supple_output(&["completions", "bash"]);
    move |words: &[&str]| {
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let (cur, prev) = (words[words.len() - 1], words[words.len() - 2]);
        let program = format!(
            "{script}\nCOMP_WORDS=({}); COMP_CWORD={}; _supple supple '{cur}' '{prev}'; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
            quoted.join(" "),
            words.len() - 1
        );
        let (ok, out, err) = run_with("bash", &["--norc", "--noprofile"], &program);
        assert!(ok, "{err}");
        out.lines().map(str::to_string).collect::<Vec<_>>()
    }
}

/// In bash, with the script loaded, Tab after `supple st` offers `status`, after `supple
/// status --` its flags, after `supple completions ` the shells.
#[test]
fn bash_completes_commands_flags_and_shells() {
    if !installed("bash") && goes_without("bash", "completion is not tried") {
        return;
    }
    let ask = bash_completion();
    assert_eq!(ask(&["supple", "st"]), ["status"]);
    let flags = ask(&["supple", "status", "--"]);
    for flag in ["--json", "--short", "--waybar"] {
        assert!(flags.iter().any(|f| f == flag), "{flags:?}");
    }
    let shells = ask(&["supple", "completions", ""]);
    for shell in ["bash", "zsh", "fish"] {
        assert!(shells.iter().any(|s| s == shell), "{shells:?}");
    }
}

#[test]
fn the_man_page_has_a_section_per_command() {
    let page = supple_output(&["man"]);
    assert!(
        page.lines().any(|l| l.starts_with(".TH SUPPLE 1 ")),
        "{page}"
    );
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "SAFETY",
        "FILES",
    ] {
        assert!(
            page.lines().any(|l| l == format!(".SH {section}")),
            "no {section}"
        );
    }
    for path in commands() {
        let name = format!("supple {}", path.join(" "));
        assert!(
            page.lines().any(|l| l == format!(".SS \"{name}\"")),
            "no section for {name}"
        );
    }
    // Plain ASCII, so that any formatter reads it whatever the locale.
    assert!(page.is_ascii());
    // The settings' flags are a session's: at the top (a bare `supple`), and under `run`,
    // `plan` and `config`, never under the commands they do nothing for.
    let sections: Vec<&str> = page.split(".SS ").collect();
    for section in &sections[1..] {
        let name = section.lines().next().unwrap_or("");
        let has = section.contains("\\-\\-no\\-sound");
        let takes = ["\"supple run\"", "\"supple plan\"", "\"supple config\""].contains(&name);
        assert_eq!(has, takes, "{name} lists --no-sound: {has}");
    }
    assert!(sections[0].contains("\\-\\-no\\-sound"), "at the top");
}

/// groff reads it without a warning, and the formatted page shows every command.
#[test]
fn the_man_page_formats_with_groff() {
    if !installed("groff") && goes_without("groff", "the man page is not formatted") {
        return;
    }
    let page = supple_output(&["man"]);
    let (ok, out, err) = run_with("groff", &["-man", "-Tutf8", "-ww", "-rLL=100n"], &page);
    assert!(ok && err.is_empty(), "{err}");
    let text = strip_overstrike(&out);
    for path in commands() {
        let name = format!("supple {}", path.join(" "));
        assert!(text.contains(&name), "{name} not in\n{text}");
    }
    assert!(
        text.contains("SAFETY") && text.contains("never to pain"),
        "{text}"
    );
}

/// groff's terminal output with bold and underline (`x\bx`, `_\bx`) and SGR sequences taken out.
fn strip_overstrike(text: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{8}' => {
                out.pop();
            }
            '\u{1b}' => {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            c => out.push(c),
        }
    }
    out.into_iter().collect()
}

/// `supple man` is what the README tells people to install as supple.1.
#[test]
fn the_readme_says_how_to_install_both() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    for line in [
        "supple completions bash > ~/.local/share/bash-completion/completions/supple",
        "supple completions fish > ~/.config/fish/completions/supple.fish",
        "supple man > ~/.local/share/man/man1/supple.1",
    ] {
        assert!(readme.contains(line), "the README lacks: {line}");
    }
}

/// Completion offers values too: the routines by name, the exercises by id, and examples of
/// reminder days and times.
#[test]
fn bash_completes_routine_names_exercise_ids_and_reminder_examples() {
    if !installed("bash") && goes_without("bash", "completion is not tried") {
        return;
    }
    let ask = bash_completion();
    let routines = ask(&["supple", "run", ""]);
    for name in ["hamstring", "floor", "quick", "partner"] {
        assert!(routines.iter().any(|r| r == name), "{routines:?}");
    }
    assert_eq!(ask(&["supple", "plan", "qu"]), ["quick"]);
    assert_eq!(ask(&["supple", "edit", "qu"]), ["quick"]);
    assert_eq!(ask(&["supple", "new", "--from", "fl"]), ["floor"]);
    assert_eq!(ask(&["supple", "show", "anch"]), ["anchor-stretch"]);
    let days = ask(&["supple", "remind", "--days", ""]);
    for example in ["mon,wed,fri", "mon-fri", "weekdays"] {
        assert!(days.iter().any(|d| d == example), "{days:?}");
    }
    let at = ask(&["supple", "remind", "--at", ""]);
    for example in ["07:30", "6:30pm"] {
        assert!(at.iter().any(|t| t == example), "{at:?}");
    }
    let tests = ask(&["supple", "test", "--record", ""]);
    for test in ["aket", "slr", "sit-reach"] {
        assert!(tests.iter().any(|t| t == test), "{tests:?}");
    }
}
