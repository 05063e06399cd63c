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
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write /nonexistent/dir/x.svg"));
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
