//! The routine builder (`supple new`, `supple edit`): driven by keys through its real loop on
//! TestBackend, its file checked by the real `supple check` and `supple plan`; every built-in
//! routine saved unchanged; a hand-written file's fields kept; a broken file refused as the
//! loader refuses it; every limit in the loader's own words; leaving asks; its screens.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supple::builder::edit::Field;
use supple::builder::file::{Saved, Saver, to_json};
use supple::builder::{Builder, Note, Origin, Stage, Step, empty_routine};
use supple::content::{
    Library, Routine, RoutineDefaults, builtin, builtin_routines, limits, parse_routine,
};
use supple::session::{ManualClock, Plan};
use supple::ui::builder::BuilderScreen;

use crate::common::{ScriptedInput, supple};

fn library() -> Library {
    Library::builtin().expect("library")
}

fn builtin_names() -> Vec<String> {
    builtin_routines(&library())
        .expect("routines")
        .into_iter()
        .map(|l| l.routine.name)
        .collect()
}

/// The timing a new routine starts with, as `supple new` gives it: the default routine's.
fn default_timing() -> RoutineDefaults {
    builtin_routines(&library())
        .expect("routines")
        .into_iter()
        .find(|l| l.routine.name == builtin::DEFAULT_ROUTINE)
        .expect("default routine")
        .routine
        .defaults
}

/// A builder as `supple new NAME` opens it.
fn new_builder(name: Option<&str>) -> Builder {
    Builder::new(
        empty_routine(name, default_timing()),
        library(),
        Origin::New,
        name.is_some(),
        builtin_names(),
    )
}

/// A builder of a routine file, as `supple edit` opens it.
fn file_builder(path: &Path) -> (Builder, Saver) {
    let bytes = std::fs::read(path).expect("read");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    let routine = parse_routine("test", &text, library().exercises()).expect("loads");
    let origin = Origin::File {
        path: path.display().to_string(),
    };
    let saver = Saver::new(path.parent().map(Path::to_path_buf)).over(path.to_path_buf(), bytes);
    (
        Builder::new(routine, library(), origin, true, builtin_names()),
        saver,
    )
}

/// Keys from words: a key's name (`Enter`, `Esc`, `Tab`, `BackTab`, `Up`, `Down`, `Left`,
/// `Right`, `Backspace`, `Delete`, `Space`), `C-x` for Ctrl-x, `NAME*N` for N of them, and
/// anything else typed a character at a time.
fn keys(words: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    for word in words.split_whitespace() {
        let (word, times) = match word.split_once('*') {
            Some((w, n)) if !w.is_empty() => (w, n.parse().expect("count")),
            _ => (word, 1),
        };
        let named = match word {
            "Enter" => Some(KeyCode::Enter),
            "Esc" => Some(KeyCode::Esc),
            "Tab" => Some(KeyCode::Tab),
            "BackTab" => Some(KeyCode::BackTab),
            "Up" => Some(KeyCode::Up),
            "Down" => Some(KeyCode::Down),
            "Left" => Some(KeyCode::Left),
            "Right" => Some(KeyCode::Right),
            "Backspace" => Some(KeyCode::Backspace),
            "Delete" => Some(KeyCode::Delete),
            "Space" => Some(KeyCode::Char(' ')),
            "PageDown" => Some(KeyCode::PageDown),
            _ => None,
        };
        for _ in 0..times {
            match (named, word.strip_prefix("C-")) {
                (Some(code), _) => out.push(KeyEvent::new(code, KeyModifiers::NONE)),
                (None, Some(c)) if c.len() == 1 => out.push(KeyEvent::new(
                    KeyCode::Char(c.chars().next().expect("a letter")),
                    KeyModifiers::CONTROL,
                )),
                _ => out.extend(
                    word.chars()
                        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
                ),
            }
        }
    }
    out
}

/// Presses `words` (see [`keys`]), saving with `saver` whenever the builder asks.
fn press(builder: &mut Builder, saver: &mut Saver, words: &str) {
    for key in keys(words) {
        if let Step::Save {
            name,
            text,
            replace,
        } = builder.handle_key(key)
        {
            let outcome = saver.save(&name, &text, replace);
            builder.saved(outcome);
        }
    }
}

/// Presses `words` where saving is not expected (a save asked is an error).
fn press_only(builder: &mut Builder, words: &str) {
    for key in keys(words) {
        let step = builder.handle_key(key);
        assert!(
            !matches!(step, Step::Save { .. }),
            "asked to save: {step:?}"
        );
    }
}

fn drawn(builder: &Builder, (width, height): (u16, u16)) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(BuilderScreen(builder), frame.area()))
        .expect("draw");
    terminal.backend().clone()
}

fn screen_text(builder: &Builder, size: (u16, u16)) -> String {
    let backend = drawn(builder, size);
    let buffer = backend.buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The problem the last key met, as the builder says it: its message.
fn problem(builder: &Builder) -> String {
    match &builder.note {
        Some(Note::Problem { message, .. }) => message.clone(),
        other => panic!("no problem said: {other:?}"),
    }
}

fn routines_dir(home: &Path) -> PathBuf {
    home.join("config/supple/routines")
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/builder")
        .join(name)
}

/// Builds desk through the real loop on TestBackend: three steps, the anchor stretch's hold
/// changed to 40 s, the seated stretch moved up, a change undone, saved. The file is the
/// golden one, `supple check` accepts it and `supple plan desk` prints the plan the builder
/// previewed.
#[test]
fn three_steps_a_40_s_hold_a_move_and_an_undo_make_the_golden_file() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = routines_dir(home.path());
    let mut builder = new_builder(Some("desk"));
    let mut saver = Saver::new(Some(dir.clone()));
    let script = [
        // Marching in place, the anchor stretch (7 below), the seated stretch (1 below it).
        "a Enter a Down*7 Enter a Down Enter",
        // Step 2, the anchor stretch: a hold of 40 s, typed.
        "Up 40 Enter",
        // Step 3, the seated stretch, carried up above it.
        "Down m Up Enter",
        // Two repetitions of the march, then undone.
        "Up Tab Right u",
        "s",
    ]
    .join(" ");
    let clock = ManualClock::new();
    let events: Vec<(Duration, TermEvent)> = keys(&script)
        .into_iter()
        .map(|k| (Duration::from_millis(50), TermEvent::Key(k)))
        .collect();
    let mut input = ScriptedInput::new(&clock, events);
    input
        .script
        .push_back((Duration::from_millis(50), TermEvent::Key(keys("q")[0])));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let stop = AtomicBool::new(false);
    let mut saved = Vec::new();
    supple::tui::builder_loop(
        &mut terminal,
        &mut input,
        &stop,
        &mut builder,
        |name, text, replace| {
            let outcome = saver.save(name, text, replace);
            saved.push(outcome.clone());
            outcome
        },
    )
    .expect("the loop");
    assert!(builder.should_quit(), "q left once it was saved");
    let file = dir.join("desk.json");
    assert_eq!(
        saved,
        [Saved::Done {
            path: file.clone(),
            run: "supple run desk".into()
        }]
    );
    let written = std::fs::read_to_string(&file).expect("saved");
    let expected = std::fs::read_to_string(golden("desk.json")).expect("golden file");
    assert_eq!(written, expected);
    let screen = format!("{}", terminal.backend());
    assert!(
        screen.contains("Your routine: Desk (desk)") && screen.contains("saved"),
        "{screen}"
    );

    let check = supple(home.path())
        .arg("check")
        .arg(&file)
        .assert()
        .success();
    let out = String::from_utf8_lossy(&check.get_output().stdout).into_owned();
    assert!(out.starts_with("ok: ") && out.contains("(desk: "), "{out}");
    let plan = supple(home.path())
        .args(["plan", "desk"])
        .assert()
        .success();
    let printed = String::from_utf8_lossy(&plan.get_output().stdout).into_owned();
    let previewed = builder.plan_text().expect("a plan");
    assert!(
        printed.starts_with(&previewed),
        "supple plan:\n{printed}\nthe builder:\n{previewed}"
    );
    assert!(printed.contains("Desk (desk): "), "{printed}");
}

/// Every built-in routine, opened with `edit` (a copy) and saved without a change, is its own
/// content: the file the built-in is, under the copy's name (and without the schema path,
/// which pointed beside the built-in file). And the layout `to_json` writes is the built-in
/// files' own, byte for byte.
#[test]
fn every_built_in_routine_saved_unchanged_is_its_own_content() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = routines_dir(home.path());
    let library = library();
    for (file, text) in builtin::ROUTINES {
        let original = parse_routine(file, text, library.exercises()).expect("built-in");
        assert_eq!(to_json(&original), *text, "{file}: the layout differs");
        let mut copy = original.clone();
        copy.schema = None;
        let of = copy.name.clone();
        let mut builder = Builder::new(
            copy.clone(),
            library.clone(),
            Origin::Copy { of: of.clone() },
            false,
            builtin_names(),
        );
        let mut saver = Saver::new(Some(dir.clone()));
        press(&mut builder, &mut saver, "s");
        assert_eq!(
            builder.stage,
            Stage::Text {
                what: supple::builder::Text::Name,
                typed: format!("my-{of}")
            },
            "a copy asks its name first"
        );
        press(&mut builder, &mut saver, "Enter");
        let path = dir.join(format!("my-{of}.json"));
        let saved = std::fs::read_to_string(&path).expect("saved");
        let mut expected = copy;
        expected.name = format!("my-{of}");
        assert_eq!(saved, to_json(&expected), "{file}");
        // Itself but for its name, in the loader's eyes and as a session.
        let loaded = parse_routine("saved", &saved, library.exercises()).expect("loads");
        assert_eq!(
            Routine {
                name: original.name.clone(),
                schema: original.schema.clone(),
                ..loaded.clone()
            },
            original
        );
        let plan = |r: &Routine| Plan::build(r, &library).expect("plan").steps;
        assert_eq!(plan(&loaded), plan(&original), "{file}");
        assert!(!builder.unsaved(), "{file}: saved");
    }
    // The built-in files are as they were.
    for (file, text) in builtin::ROUTINES {
        let on_disk = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
            .expect("read");
        assert_eq!(on_disk, *text);
    }
}

const HAND_WRITTEN: &str = r#"{"$schema": "../schema/routine.schema.json",
  "name": "morning", "title": "Morning",
  "description": "Before coffee: loosen up, then the lying stretch.",
  "defaults": {"seconds": 25, "switch_seconds": 6, "order": "alternate"},
  "steps": [
      {"exercise": "march-in-place", "seconds": 60, "note": "A brisk minute."},
      {"exercise": "lying-stretch", "reps": 2, "switch_seconds": 4, "note": "ACSM: 2 to 4."}
  ]}
"#;

/// A hand-written file keeps what the builder does not edit (its description, its notes, its
/// schema path, its defaults, a step's switch time) after an edit, and is saved over in the
/// builder's layout.
#[test]
fn a_hand_written_file_keeps_its_description_and_notes() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = routines_dir(home.path());
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("morning.json");
    std::fs::write(&path, HAND_WRITTEN).expect("write");
    let (mut builder, mut saver) = file_builder(&path);
    // Step 2: its hold 5 s longer; a copy of it below; saved.
    press(&mut builder, &mut saver, "Down Right c s");
    assert!(
        matches!(&builder.note, Some(Note::Done(text)) if text.contains("morning.json")),
        "{:?}",
        builder.note
    );
    let saved = std::fs::read_to_string(&path).expect("read");
    let routine = parse_routine("saved", &saved, library().exercises()).expect("loads");
    let before = parse_routine("before", HAND_WRITTEN, library().exercises()).expect("loads");
    assert_eq!(routine.description, before.description);
    assert_eq!(routine.schema, before.schema);
    assert_eq!(routine.defaults, before.defaults);
    assert_eq!(routine.steps.len(), 3);
    assert_eq!(routine.steps[0], before.steps[0]);
    for copy in &routine.steps[1..] {
        assert_eq!(copy.note.as_deref(), Some("ACSM: 2 to 4."));
        assert_eq!(copy.switch_seconds, Some(4));
        assert_eq!(copy.reps, Some(2));
        assert_eq!(copy.seconds, Some(30), "25 s and 5 more");
    }
    assert_eq!(saved, to_json(&routine), "in the builder's layout");
}

/// `supple edit` on a file that does not load says what `supple check` says of it, and
/// changes nothing: by name in the routines folder, and by path.
#[test]
fn a_broken_file_is_refused_with_the_loaders_message_and_left_alone() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = routines_dir(home.path());
    std::fs::create_dir_all(&dir).expect("dir");
    let broken = HAND_WRITTEN.replace("\"reps\": 2", "\"reps\": 21");
    let path = dir.join("morning.json");
    std::fs::write(&path, &broken).expect("write");
    let check = supple(home.path())
        .arg("check")
        .arg(&path)
        .assert()
        .failure();
    let said = String::from_utf8_lossy(&check.get_output().stderr).into_owned();
    let message = said
        .strip_prefix("error: ")
        .expect("check's error")
        .trim_end();
    assert!(message.contains("21 is out of range"), "{message}");
    for name in ["morning", path.to_str().expect("utf-8")] {
        let edit = supple(home.path()).args(["edit", name]).assert().code(1);
        let stderr = String::from_utf8_lossy(&edit.get_output().stderr).into_owned();
        assert!(stderr.contains(message), "{stderr}\nwanted: {message}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
    }
    // Not JSON at all: the same.
    std::fs::write(&path, "{ \"name\": \"morning\", ").expect("write");
    let edit = supple(home.path())
        .args(["edit", "morning"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&edit.get_output().stderr).into_owned();
    assert!(
        stderr.contains("the file ends before the JSON is complete"),
        "{stderr}"
    );
    let entries: Vec<_> = std::fs::read_dir(&dir).expect("dir").flatten().collect();
    assert_eq!(entries.len(), 1, "nothing written beside it");
}

/// What the loader says of a routine with `steps` steps `step`, timed as a new routine is.
fn loader_says(step: &str, steps: usize) -> String {
    let list = vec![step; steps].join(",");
    let defaults = serde_json::to_string(&default_timing()).expect("json");
    let text =
        format!(r#"{{"name": "x", "title": "X", "defaults": {defaults}, "steps": [{list}]}}"#);
    let library = library();
    let error = match parse_routine("x.json", &text, library.exercises()) {
        Err(e) => e,
        Ok(routine) => Plan::build(&routine, &library).expect_err("refused"),
    };
    error.message
}

/// Every limit the loader enforces is enforced while editing, in its words; the routine stays
/// as it was.
#[test]
fn every_limit_is_kept_in_the_loaders_words() {
    let mut saver = Saver::new(None);
    let mut b = new_builder(Some("limits"));
    press(&mut b, &mut saver, "a Down*7 Enter");
    let before = b.routine().clone();
    // Typed out of range: the loader's words, and the number stays to be mended.
    for (typed, field, file) in [
        (
            "3601",
            Field::Seconds,
            r#"{"exercise": "anchor-stretch", "seconds": 3601}"#,
        ),
        (
            "0",
            Field::Seconds,
            r#"{"exercise": "anchor-stretch", "seconds": 0}"#,
        ),
        (
            "21",
            Field::Reps,
            r#"{"exercise": "anchor-stretch", "reps": 21}"#,
        ),
        (
            "601",
            Field::Rest,
            r#"{"exercise": "anchor-stretch", "rest_seconds": 601}"#,
        ),
    ] {
        while b.field != field {
            press(&mut b, &mut saver, "Tab");
        }
        press(&mut b, &mut saver, &format!("{typed} Enter"));
        assert_eq!(problem(&b), loader_says(file, 1), "{typed}");
        assert!(matches!(b.stage, Stage::Number { .. }));
        press(&mut b, &mut saver, "Esc");
        assert_eq!(*b.routine(), before);
    }
    // One stride past the end with the arrows.
    while b.field != Field::Reps {
        press(&mut b, &mut saver, "Tab");
    }
    press(&mut b, &mut saver, "20 Enter Right");
    assert_eq!(
        problem(&b),
        loader_says(r#"{"exercise": "anchor-stretch", "reps": 21}"#, 1)
    );
    press(&mut b, &mut saver, "1 Enter Left");
    assert_eq!(
        problem(&b),
        loader_says(r#"{"exercise": "anchor-stretch", "reps": 0}"#, 1)
    );
    // A session of more than 4 hours.
    press(&mut b, &mut saver, "Tab Tab Tab 3600 Enter Tab 4 Enter");
    assert_eq!(
        problem(&b),
        loader_says(
            r#"{"exercise": "anchor-stretch", "seconds": 3600, "reps": 4}"#,
            1
        )
    );
    assert!(problem(&b).contains("a session may last at most"));
    // The step limit: copies up to it, then the loader's words.
    let mut b = new_builder(Some("many"));
    press(&mut b, &mut saver, "a Enter");
    press(&mut b, &mut saver, &format!("c*{}", limits::STEPS - 1));
    assert_eq!(b.draft().len(), limits::STEPS);
    press(&mut b, &mut saver, "c");
    assert_eq!(b.draft().len(), limits::STEPS);
    assert_eq!(
        problem(&b),
        loader_says(r#"{"exercise": "march-in-place"}"#, limits::STEPS + 1)
    );
    press(&mut b, &mut saver, "a Enter");
    assert_eq!(b.draft().len(), limits::STEPS);
    // A title too long, and a character the screen would act on: refused as the loader
    // refuses them, a character at a time.
    let mut b = new_builder(Some("title"));
    press(&mut b, &mut saver, "t Backspace*5");
    press(&mut b, &mut saver, &"x".repeat(60));
    press(&mut b, &mut saver, "y");
    let long = format!(
        r#"{{"name": "x", "title": "{}", "steps": [{{"exercise": "march-in-place"}}]}}"#,
        "x".repeat(61)
    );
    let said = parse_routine("x", &long, library().exercises())
        .expect_err("too long")
        .message;
    assert_eq!(problem(&b), said);
    b.handle_key(KeyEvent::new(KeyCode::Char('\u{1b}'), KeyModifiers::NONE));
    assert!(problem(&b).contains("control character"), "{:?}", b.note);
    press(&mut b, &mut saver, "Enter");
    assert_eq!(b.routine().title, "x".repeat(60));
}

/// Saving a routine with no steps, or naming it as the loader would not take it or as a
/// built-in routine is named, is refused with words to mend it.
#[test]
fn names_and_empty_routines_are_refused_before_anything_is_written() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = routines_dir(home.path());
    let mut saver = Saver::new(Some(dir.clone()));
    let mut b = new_builder(None);
    press(&mut b, &mut saver, "s");
    assert_eq!(problem(&b), "the routine has no steps");
    press(&mut b, &mut saver, "a Enter s");
    // The name as typed: capitals made small, a space a dash.
    press(&mut b, &mut saver, "Desk Space break");
    assert_eq!(
        b.stage,
        Stage::Text {
            what: supple::builder::Text::Name,
            typed: "desk-break".into()
        }
    );
    press(&mut b, &mut saver, "!");
    assert!(problem(&b).contains("is not a valid name"), "{:?}", b.note);
    press(&mut b, &mut saver, "Backspace*10 quick Enter");
    assert!(problem(&b).contains("built-in routine"), "{:?}", b.note);
    assert!(!dir.exists() || std::fs::read_dir(&dir).expect("dir").count() == 0);
    press(&mut b, &mut saver, "Backspace*5 desk Enter");
    assert!(dir.join("desk.json").is_file());
}

/// A file the builder did not open is never replaced without asking; `y` replaces it; any
/// other key keeps it. The file it opened, changed by something else since, is asked about
/// too.
#[test]
fn a_file_it_did_not_open_is_asked_about_first() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = routines_dir(home.path());
    std::fs::create_dir_all(&dir).expect("dir");
    let theirs = dir.join("desk.json");
    std::fs::write(&theirs, "not even JSON").expect("write");
    let mut saver = Saver::new(Some(dir.clone()));
    let mut b = new_builder(None);
    press(&mut b, &mut saver, "a Enter s desk Enter");
    assert!(
        matches!(&b.stage, Stage::Replace { path, changed: false } if path.ends_with("desk.json")),
        "{:?}",
        b.stage
    );
    let screen = screen_text(&b, (80, 24));
    assert!(screen.contains("already there"), "{screen}");
    press(&mut b, &mut saver, "n");
    assert_eq!(
        std::fs::read_to_string(&theirs).expect("read"),
        "not even JSON"
    );
    assert!(b.unsaved());
    // Asked again: another name is offered, or y replaces.
    press(&mut b, &mut saver, "s");
    assert!(matches!(b.stage, Stage::Text { .. }), "{:?}", b.stage);
    press(&mut b, &mut saver, "Enter");
    assert!(matches!(b.stage, Stage::Replace { .. }));
    press(&mut b, &mut saver, "y");
    assert!(!b.unsaved());
    let saved = std::fs::read_to_string(&theirs).expect("read");
    assert!(saved.contains("\"name\": \"desk\""), "{saved}");

    // Opened, then changed by something else: asked.
    let (mut b, mut saver) = file_builder(&theirs);
    std::fs::write(&theirs, saved.replace("\"Desk\"", "\"Changed elsewhere\"")).expect("write");
    press(&mut b, &mut saver, "Right s");
    assert!(
        matches!(&b.stage, Stage::Replace { changed: true, .. }),
        "{:?}",
        b.stage
    );
    press(&mut b, &mut saver, "Esc");
    assert!(
        std::fs::read_to_string(&theirs)
            .expect("read")
            .contains("Changed elsewhere")
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

/// Saving through a link writes the file it leads to and keeps the link; a folder where the
/// file would go is never replaced.
#[test]
fn a_link_is_written_through_and_a_folder_is_left_alone() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = routines_dir(home.path());
    std::fs::create_dir_all(&dir).expect("dir");
    let elsewhere = home.path().join("dotfiles");
    std::fs::create_dir_all(&elsewhere).expect("dir");
    let target = elsewhere.join("desk.json");
    let mut first = new_builder(Some("desk"));
    let mut saver = Saver::new(Some(elsewhere.clone()));
    press(&mut first, &mut saver, "a Enter s");
    let link = dir.join("desk.json");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    let (mut b, mut saver) = file_builder(&link);
    press(&mut b, &mut saver, "Right s");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .contains("\"seconds\": 25"),
        "march 20 s, 5 more"
    );
    // A folder named as the routine: not saved, and said why.
    std::fs::create_dir_all(dir.join("gym.json")).expect("dir");
    let mut b = new_builder(Some("gym"));
    let mut saver = Saver::new(Some(dir.clone()));
    press(&mut b, &mut saver, "a Enter s");
    assert!(dir.join("gym.json").is_dir());
    assert!(problem(&b).starts_with("Not saved:"), "{:?}", b.note);
}

/// Leaving with changes not saved asks first (q, Esc, and Ctrl-C too); any other key goes
/// on; Ctrl-C again, or y, leaves. With nothing changed, q leaves at once.
#[test]
fn leaving_with_changes_not_saved_asks_first() {
    for quit in ["q", "Esc", "C-c"] {
        let mut b = new_builder(Some("desk"));
        press_only(&mut b, "a Enter");
        press_only(&mut b, quit);
        assert_eq!(b.stage, Stage::Leave, "{quit}");
        assert!(!b.should_quit());
        press_only(&mut b, "n");
        assert_eq!(b.stage, Stage::Steps);
        assert_eq!(b.draft().len(), 1, "n went on, and did nothing else");
        press_only(&mut b, quit);
        press_only(&mut b, "y");
        assert!(b.should_quit(), "{quit} then y");
        assert!(b.unsaved(), "left unsaved: the command keeps a draft");
    }
    let mut b = new_builder(Some("desk"));
    press_only(&mut b, "a Enter C-c C-c");
    assert!(b.should_quit(), "Ctrl-C twice");
    // Asked from any stage, and `s` saves first, then leaves.
    let home = tempfile::tempdir().expect("tempdir");
    let mut saver = Saver::new(Some(routines_dir(home.path())));
    let mut b = new_builder(Some("desk"));
    press(&mut b, &mut saver, "a Enter 3 C-c");
    assert_eq!(b.stage, Stage::Leave);
    press(&mut b, &mut saver, "s");
    assert!(b.should_quit());
    assert!(routines_dir(home.path()).join("desk.json").is_file());
    // Nothing changed: q leaves at once.
    let mut b = new_builder(Some("desk"));
    press_only(&mut b, "q");
    assert!(b.should_quit());
}

/// A routine file made read-only is never saved over (a rename would replace it, and root
/// may write anything): saving says so and how to allow it, and the file stays as it was.
#[test]
fn a_read_only_file_is_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("tempdir");
    let dir = routines_dir(home.path());
    std::fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join("kept.json");
    let text = r#"{"name": "kept", "title": "Kept", "steps": [{"exercise": "lying-stretch"}]}"#;
    std::fs::write(&path, text).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let (mut b, mut saver) = file_builder(&path);
    press(&mut b, &mut saver, "Right s");
    let said = match &b.note {
        Some(Note::Problem { message, .. }) => message.clone(),
        other => panic!("no problem said: {other:?}"),
    };
    assert!(
        said.contains("kept.json is read-only") && said.contains("chmod u+w"),
        "{said}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    assert!(b.unsaved());
}

/// Undo and redo go back and forth through the edits, marking the step each touched.
#[test]
fn undo_and_redo_go_back_and_forth() {
    let mut b = new_builder(Some("desk"));
    press_only(&mut b, "a Enter a Down*7 Enter c x");
    let names = |b: &Builder| -> Vec<String> {
        b.routine()
            .steps
            .iter()
            .map(|s| s.exercise.clone())
            .collect()
    };
    assert_eq!(names(&b), ["march-in-place", "anchor-stretch"]);
    press_only(&mut b, "u");
    assert_eq!(
        names(&b),
        ["march-in-place", "anchor-stretch", "anchor-stretch"]
    );
    press_only(&mut b, "u u u");
    assert!(b.draft().is_empty());
    assert!(!b.unsaved(), "back to where it began");
    press_only(&mut b, "u");
    assert!(problem(&b).contains("Nothing to undo"));
    press_only(&mut b, "r r");
    assert_eq!(names(&b), ["march-in-place", "anchor-stretch"]);
    assert_eq!(b.selected, 1, "the step redone is marked");
    press_only(&mut b, "C-z");
    assert_eq!(names(&b), ["march-in-place"], "Ctrl-Z undoes too");
}

/// The screen says what the loader would say of a hold over 60 s (the word `--hold` gets),
/// and, as `supple list` does, that the routine needs a partner.
#[test]
fn long_holds_and_a_partner_are_said_as_elsewhere() {
    let mut b = new_builder(Some("desk"));
    press_only(&mut b, "a Down*11 Enter 90 Enter");
    let note = b
        .draft()
        .plan()
        .and_then(Plan::long_hold_note)
        .expect("a long hold");
    let screen = screen_text(&b, (120, 40));
    // Under the steps, on the left.
    let left: String = screen
        .lines()
        .map(|l| l.chars().take(54).collect::<String>().replace('│', " "))
        .collect::<Vec<_>>()
        .join(" ");
    let flat = left.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&note), "{screen}");
    let header = screen.lines().nth(1).expect("second line");
    assert!(header.contains("Needs: partner"), "{header}");
}

/// The preview is `supple plan`'s text, with the total as it is now; it scrolls.
#[test]
fn the_plan_is_supple_plans_text_with_the_total_as_it_is() {
    let mut b = new_builder(Some("desk"));
    press_only(&mut b, "a Down*7 Enter");
    let total = |b: &Builder| supple::session::clock_text(b.draft().plan().expect("plan").total());
    let before = total(&b);
    press_only(&mut b, "Right");
    let after = total(&b);
    assert_ne!(before, after);
    press_only(&mut b, "p");
    assert!(matches!(b.stage, Stage::Plan { scroll: 0 }));
    let screen = screen_text(&b, (80, 24));
    assert!(screen.contains(&format!("{after} in all")), "{screen}");
    let mut text = Vec::new();
    supple::session::table::write_plan(&mut text, b.draft().plan().expect("plan")).expect("text");
    assert_eq!(b.plan_text(), Some(String::from_utf8(text).expect("utf-8")));
    b.set_plan_view(5, 76);
    press_only(&mut b, "Down Down PageDown");
    assert!(matches!(b.stage, Stage::Plan { scroll } if scroll > 2));
    press_only(&mut b, "q");
    assert_eq!(b.stage, Stage::Steps);
}

/// Below 80x24 the builder asks for a bigger window, and takes no key but leaving (and the
/// question's answers, which it shows): nothing changes out of sight.
#[test]
fn a_small_window_asks_for_a_bigger_one() {
    let mut b = new_builder(Some("desk"));
    press_only(&mut b, "a Enter");
    b.set_fits(false);
    press_only(&mut b, "a Enter x");
    assert_eq!(b.draft().len(), 1);
    let screen = screen_text(&b, (40, 12));
    assert!(screen.contains("needs a bigger window"), "{screen}");
    press_only(&mut b, "q");
    let screen = screen_text(&b, (40, 12));
    assert!(screen.contains("not saved"), "{screen}");
    insta::assert_snapshot!("builder_leave_40x12", drawn(&b, (40, 12)));
}

/// A title as long as the loader allows (60 characters, or 60 wide ones) gives way in the
/// header at 80x24: the name it runs by and whether it is saved show whole, a space apart,
/// and the title ends in an ellipsis.
#[test]
fn a_long_title_gives_way_to_the_name_and_the_state() {
    let name = "a".repeat(limits::NAME_CHARS);
    for title in [
        "T".repeat(limits::TITLE_CHARS),
        "伸".repeat(limits::TITLE_CHARS),
    ] {
        let text = format!(
            r#"{{"name": "{name}", "title": "{title}", "steps": [{{"exercise": "lying-stretch"}}]}}"#
        );
        let routine = parse_routine("test", &text, library().exercises()).expect("loads");
        let origin = Origin::File {
            path: format!("{name}.json"),
        };
        let mut b = Builder::new(routine, library(), origin, true, builtin_names());
        for (words, state) in [("", " saved"), ("Right", " changed, not saved")] {
            press_only(&mut b, words);
            let screen = screen_text(&b, (80, 24));
            let top = screen.lines().next().unwrap_or("");
            assert!(
                top.contains(&format!("… ({name})")) && top.trim_end().ends_with(state),
                "{top}"
            );
        }
    }
}

/// The states a person meets, at 80x24 and 120x40.
#[test]
fn each_stage_at_80x24_and_120x40() {
    let states: [(&str, &str); 8] = [
        ("empty", ""),
        (
            "steps",
            "a Enter a Down*7 Enter Up Tab 3 Enter Down BackTab 45 Enter",
        ),
        ("add", "a Enter a Down*7 Enter a Down"),
        ("number", "a Enter a Down*7 Enter 4"),
        ("move", "a Enter a Down*7 Enter a Down Enter m Up"),
        ("plan", "a Enter a Down*7 Enter p"),
        ("help", "a Enter ?"),
        ("leave", "a Enter q"),
    ];
    for (name, words) in states {
        let mut b = new_builder(Some("desk"));
        press_only(&mut b, words);
        for size in [(80, 24), (120, 40)] {
            b.set_plan_view(usize::from(size.1) - 6, usize::from(size.0) - 6);
            insta::assert_snapshot!(
                format!("builder_{name}_{}x{}", size.0, size.1),
                drawn(&b, size)
            );
        }
    }
    let mut b = new_builder(Some("desk")).with_look(false, true);
    press_only(&mut b, "a Enter a Down*7 Enter a");
    insta::assert_snapshot!("builder_add_ascii_80x24", drawn(&b, (80, 24)));
}

/// Every stage draws at every size without a panic, its keys in the footer from the table;
/// where the locale is not UTF-8, in ASCII only; never a backtick (a terminal's quoting).
#[test]
fn every_stage_draws_at_every_size() {
    let scripts = [
        "",
        "a",
        "a Enter",
        "a Enter Tab Tab Tab 3",
        "a Enter 99999 Enter",
        "a Enter s q u i c k Enter",
        "a Enter s - Enter",
        "a Enter 12",
        "a Enter m",
        "a Enter t",
        "a Enter s",
        "a Enter p",
        "a Enter ?",
        "a Enter q",
    ];
    for words in scripts {
        for look in [(true, false), (false, true)] {
            let mut b = new_builder(None).with_look(look.0, look.1);
            press_only(&mut b, words);
            for size in [(20, 5), (40, 12), (79, 23), (80, 24), (100, 30), (200, 60)] {
                let screen = screen_text(&b, size);
                if look.1 {
                    assert!(screen.is_ascii(), "{words:?} {size:?}:\n{screen}");
                }
                assert!(
                    !screen.contains('`'),
                    "{words:?} {size:?}: a backtick:\n{screen}"
                );
                if size.0 >= 80 && size.1 >= 24 {
                    let footer = screen.lines().last().unwrap_or("");
                    assert!(!footer.trim().is_empty(), "{words:?} {size:?}: no keys");
                }
            }
        }
    }
}

/// A copy of a routine of yours is offered a name of its own, not the one it came from.
#[test]
fn a_copy_of_your_own_routine_is_offered_another_name() {
    let mut routine = empty_routine(Some("desk"), default_timing());
    routine.steps.push(supple::content::StepSpec {
        exercise: "lying-stretch".into(),
        seconds: None,
        reps: None,
        rest_seconds: None,
        switch_seconds: None,
        order: None,
        note: None,
    });
    let mut b = Builder::new(
        routine,
        library(),
        Origin::Copy { of: "desk".into() },
        false,
        builtin_names(),
    );
    press_only(&mut b, "s");
    assert_eq!(
        b.stage,
        Stage::Text {
            what: supple::builder::Text::Name,
            typed: "desk-2".into()
        }
    );
}

/// A file opened by its path outside the routines folder is saved where it is, and run by
/// that path: the builder says so.
#[test]
fn a_file_elsewhere_is_saved_where_it_is_and_run_by_its_path() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = home.path().join("evening.json");
    std::fs::write(&path, HAND_WRITTEN).expect("write");
    let bytes = std::fs::read(&path).expect("read");
    let routine = parse_routine("test", HAND_WRITTEN, library().exercises()).expect("loads");
    let origin = Origin::File {
        path: path.display().to_string(),
    };
    let mut b = Builder::new(routine, library(), origin, true, builtin_names());
    let mut saver = Saver::new(Some(routines_dir(home.path()))).over(path.clone(), bytes);
    press(&mut b, &mut saver, "Right s");
    let wanted = format!("Run it with: supple run {}", path.display());
    assert!(
        matches!(&b.note, Some(Note::Done(text)) if text.contains(&wanted)),
        "{:?}",
        b.note
    );
    assert!(!routines_dir(home.path()).exists(), "nothing in the folder");
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("\"seconds\": 65")
    );
}
