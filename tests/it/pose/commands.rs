//! `supple show`, `supple figure` and `supple plan --figures` through the real binary.

use assert_cmd::Command;

fn supple() -> Command {
    let home = std::env::temp_dir().join(format!("supple-pose-cmd-{}", std::process::id()));
    crate::common::supple(&home)
}

fn braille(text: &str) -> bool {
    text.chars().any(|c| ('\u{2801}'..='\u{28FF}').contains(&c))
}

#[test]
fn show_prints_the_figure_set_up_cues_caution_needs_and_source() {
    let out = supple()
        .args(["show", "anchor-stretch"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(braille(&text), "{text}");
    for words in [
        "Hamstring anchor stretch",
        "FLAT BACK",
        "Set-up: Hold a wall",
        "- Lead with the chest",
        "Caution:",
        "Needs:",
        "Source:",
        "Gentle pull",
    ] {
        assert!(text.contains(words), "{words}:\n{text}");
    }
    // Where the locale is not UTF-8, the figure is ASCII and so is everything else.
    let out = supple()
        .env("LANG", "C")
        .args(["show", "anchor-stretch"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!braille(&text) && text.contains('O'), "{text}");
}

#[test]
fn show_names_a_misspelt_exercise_and_its_fix() {
    let out = supple()
        .args(["show", "ankor-stretch"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `anchor-stretch`"), "{err}");
    // What came from the command line is shown harmless.
    let out = supple()
        .args(["show", "x\u{1b}[2Jy"])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn figure_writes_svg_and_png() {
    let out = supple()
        .args(["figure", "leg-lunges"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let svg = String::from_utf8_lossy(&out.stdout);
    assert!(svg.starts_with("<svg"), "{svg}");
    // The four key frames side by side.
    assert_eq!(svg.matches("<svg").count(), 5, "{svg}");
    let dir = tempfile::tempdir().expect("dir");
    let png = dir.path().join("anchor.png");
    let out = supple()
        .args(["figure", "anchor-stretch", "--png", "-o"])
        .arg(&png)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&png).expect("png written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let out = supple()
        .args(["figure", "anchor-stretch", "-o", "/nonexistent/dir/x.svg"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write /nonexistent/dir/x.svg"), "{err}");
    // The folder and the fix, not the name of a temporary file the person never chose.
    assert!(err.contains("mkdir -p /nonexistent/dir"), "{err}");
    assert!(
        !err.contains(".supple-") && !err.contains("at path"),
        "{err}"
    );
}

/// A write that fails half way (here a file size limit of 2 KB, as a full disk would) leaves
/// the picture that was there as it was, and no half picture or temporary file beside it.
#[test]
fn a_failed_figure_write_leaves_the_old_file_whole() {
    if !crate::common::installed("bash") && crate::common::goes_without("bash", "ulimit -f") {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let png = dir.path().join("anchor.png");
    std::fs::write(&png, b"the old picture").expect("old file");
    let home = dir.path().join("home");
    let supple = crate::common::supple_std(&home);
    let mut bash = std::process::Command::new("bash");
    bash.env_clear();
    for (key, value) in supple.get_envs() {
        if let Some(value) = value {
            bash.env(key, value);
        }
    }
    // Ignoring SIGXFSZ makes a write past the limit fail with EFBIG instead of killing.
    let out = bash
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 2; exec "$0" figure anchor-stretch --png -o "$1""#)
        .arg(supple.get_program())
        .arg(&png)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write"), "{err}");
    let now = std::fs::read(&png).expect("old file");
    assert!(
        now == b"the old picture",
        "the old picture was cut to {} bytes of a new one",
        now.len()
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .filter(|name| name != "anchor.png" && name != "home")
        .collect();
    assert!(left.is_empty(), "left beside it: {left:?}");
}

#[test]
fn plan_figures_draws_each_exercise_once() {
    let out = supple()
        .args(["plan", "quick", "--figures"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(braille(&text), "{text}");
    assert_eq!(text.matches("(anchor-stretch)").count(), 1, "{text}");
    assert!(text.contains("(seated-stretch)"), "{text}");
}
