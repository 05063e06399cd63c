//! The guided `supple test` screen: keys through the guide, what each stage shows at 80x24 and
//! 120x40 (snapshots), and every stage at every size without a panic.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::ZonedDateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supple::flextest::guide::{Guide, Stage, Step};
use supple::history::flex::{Felt, FlexTest, TestResult};
use supple::session::Side;
use supple::ui::flextest::GuideScreen;

fn zoned(text: &str) -> ZonedDateTime {
    text.parse().expect("zoned datetime")
}

fn now() -> ZonedDateTime {
    zoned("2026-11-24T18:30:00+01:00[Europe/Paris]")
}

fn kept() -> Vec<TestResult> {
    vec![
        TestResult::new(
            zoned("2026-10-01T18:00:00+02:00[Europe/Paris]"),
            FlexTest::Aket,
            (Some(40), Some(41), None),
            None,
            None,
        )
        .expect("valid"),
        TestResult::new(
            zoned("2026-11-10T18:00:00+01:00[Europe/Paris]"),
            FlexTest::Aket,
            (Some(33), Some(38), None),
            Some(Felt::Knee),
            Some(4),
        )
        .expect("valid"),
    ]
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Types `keys` (characters as typed; `\n` is Enter, `\x08` Backspace, `\x1b` Esc); returns the
/// result the guide asked to save, if any.
fn type_keys(guide: &mut Guide, keys: &str) -> Option<TestResult> {
    let mut save = None;
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x08' => KeyCode::Backspace,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        if let Step::Save(result) = guide.handle_key(key(code), &now()) {
            save = Some(result);
        }
    }
    save
}

fn drawn(guide: &Guide, (width, height): (u16, u16)) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(GuideScreen(guide), frame.area()))
        .expect("draw");
    terminal.backend().clone()
}

/// The guide after `keys`, saved as a history holding `kept()` would save it.
fn guide_after(keys: &str) -> Guide {
    let mut guide = Guide::new(kept(), true, false);
    if let Some(result) = type_keys(&mut guide, keys) {
        let mut all = kept();
        all.push(result.clone());
        guide.saved(
            result,
            Ok((
                "saved to your history (3 tests): ~/.local/share/supple/history.json".into(),
                all,
            )),
        );
    }
    guide
}

const STATES: [(&str, &str); 7] = [
    ("choose", ""),
    ("how_to_aket", "\n"),
    ("enter_left", "\n\n28"),
    ("enter_right", "\n\n28\n35"),
    ("felt", "\n\n28\n35\n"),
    ("strength", "\n\n28\n35\n14"),
    ("saved", "\n\n28\n35\n14\n"),
];

#[test]
fn each_stage_at_80x24_and_120x40() {
    for (name, keys) in STATES {
        let guide = guide_after(keys);
        for size in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("flextest_{name}_{}x{}", size.0, size.1),
                drawn(&guide, size)
            );
        }
    }
    let both = guide_after("3\n31\n\n\n");
    insta::assert_snapshot!("flextest_saved_both_80x24", drawn(&both, (80, 24)));
}

#[test]
fn every_stage_keeps_its_heading_and_keys_at_every_size() {
    let mut states: Vec<Guide> = STATES.iter().map(|(_, keys)| guide_after(keys)).collect();
    states.push(guide_after("2\n"));
    states.push(guide_after("4\n\n"));
    let mut not_saved = Guide::new(Vec::new(), false, true);
    if let Some(result) = type_keys(&mut not_saved, "\n\n180\n0\n\n\n") {
        not_saved.saved(
            result,
            Err(supple::flextest::guide::Unsaved {
                why: "cannot write /nowhere: read-only".into(),
                kept_in: None,
            }),
        );
    }
    states.push(not_saved);
    let mut pending = Guide::new(Vec::new(), false, true);
    if let Some(result) = type_keys(&mut pending, "\n\n180\n0\n\n\n") {
        pending.saved(
            result,
            Err(supple::flextest::guide::Unsaved {
                why: "cannot write /nowhere: read-only".into(),
                kept_in: Some("/home/you/.local/state/supple/pending/test-1.json".into()),
            }),
        );
    }
    states.push(pending);
    // From 40x12 up, each stage has its heading on the top row and its keys on the bottom
    // one; below that, it asks for a bigger window where there is room to say so.
    let row = |backend: &TestBackend, y: u16| -> String {
        let buffer = backend.buffer();
        (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect()
    };
    for guide in &states {
        for width in [1, 10, 39, 40, 41, 60, 79, 80, 100, 120, 200] {
            for height in [1, 5, 11, 12, 13, 16, 20, 24, 30, 40, 60] {
                let backend = drawn(guide, (width, height));
                let text = format!("{backend:?}");
                if width >= 40 && height >= 12 {
                    let top = row(&backend, 0);
                    assert!(
                        top.contains("test") || top.contains("Test"),
                        "{:?} at {width}x{height}: no heading:\n{text}",
                        guide.stage
                    );
                    assert!(
                        !row(&backend, height - 1).trim().is_empty(),
                        "{:?} at {width}x{height}: no keys at the bottom:\n{text}",
                        guide.stage
                    );
                } else if width >= 20 && height >= 3 {
                    assert!(
                        text.contains("bigger"),
                        "{width}x{height} does not ask for a bigger window:\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_whole_result_is_saved_once_both_legs_and_the_questions_are_done() {
    let mut guide = Guide::new(Vec::new(), true, false);
    assert_eq!(
        type_keys(&mut guide, "1\n28\n35\n"),
        None,
        "not before the questions"
    );
    assert_eq!(guide.stage, Stage::Felt);
    let result = type_keys(&mut guide, "2\n").expect("saved");
    assert_eq!(result.test, FlexTest::Aket);
    assert_eq!(result.legs.each(), Some((28, 35)));
    assert_eq!((result.felt, result.strength), (Some(Felt::Thigh), None));
    assert_eq!(result.taken, now());

    // Sit-and-reach with both legs together asks for one number.
    let mut guide = Guide::new(Vec::new(), true, false);
    let result = type_keys(&mut guide, "3\n31\n\n5\n").expect("saved");
    assert_eq!(result.test, FlexTest::SitReach);
    assert_eq!(result.legs.each(), None);
    assert_eq!(result.strength, Some(5));
}

#[test]
fn typing_is_checked_and_corrected_before_anything_is_saved() {
    let mut guide = Guide::new(Vec::new(), true, false);
    // Enter with nothing typed, then a number past the test's end: asked again.
    type_keys(&mut guide, "2\n\n");
    assert!(
        guide
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("type the number"))
    );
    type_keys(&mut guide, "199\n");
    assert!(
        guide.problem.as_deref().is_some_and(|p| p.contains("180")),
        "{:?}",
        guide.problem
    );
    // Backspace corrects; no more than three digits are taken; letters are ignored.
    type_keys(&mut guide, "\x08\x08\x08x7\n");
    assert_eq!(guide.left, Some(7));
    type_keys(&mut guide, "12345\n");
    assert_eq!(guide.right, Some(123));
    // A strength past 10 is asked again.
    type_keys(&mut guide, "\n11\n");
    assert!(
        guide
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("past the scale"))
    );
    assert!(matches!(guide.stage, Stage::Strength { .. }));
}

#[test]
fn esc_or_q_leaves_at_any_stage_before_saving_with_nothing_saved() {
    for keys in [
        "",
        "\n",
        "\n\n2",
        "\n\n28\n3",
        "\n\n28\n35\n",
        "\n\n28\n35\n1",
    ] {
        for leave in ["\x1b", "q"] {
            let mut guide = Guide::new(Vec::new(), true, false);
            let saved = type_keys(&mut guide, &format!("{keys}{leave}"));
            assert_eq!(saved, None, "{keys:?} then {leave:?}");
            assert!(guide.should_quit(), "{keys:?} then {leave:?}");
        }
    }
    // After saving, any key leaves.
    let mut guide = guide_after("\n\n28\n35\n\n\n");
    assert!(matches!(guide.stage, Stage::Saved { .. }));
    assert_eq!(
        guide.handle_key(key(KeyCode::Char('x')), &now()),
        Step::Quit
    );
}

#[test]
fn the_saved_screen_compares_with_the_first_and_the_last() {
    let guide = guide_after("\n\n28\n35\n\n\n");
    let Stage::Saved { comparison, .. } = &guide.stage else {
        panic!("saved");
    };
    let text = comparison.lines(FlexTest::Aket).join("\n");
    assert!(
        text.contains("since the first (2026-10-01, L 40° R 41°): left 12° looser"),
        "{text}"
    );
    assert!(
        text.contains(
            "since the last (2026-11-10, L 33° R 38°): left within measuring error (-5°)"
        ),
        "{text}"
    );
}

/// The screen's text, row by row, words joined by single spaces.
fn words_of(backend: &TestBackend) -> String {
    let buffer = backend.buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_how_to_turns_pages_on_a_small_screen_and_loses_no_word() {
    use ratatui::layout::Rect;
    use supple::flextest::guide::CHOICES;
    use supple::ui::flextest::how_to_pages;
    for (n, choice) in CHOICES.iter().enumerate() {
        let mut guide = Guide::new(kept(), false, false);
        type_keys(&mut guide, &(n + 1).to_string());
        assert_eq!(guide.stage, Stage::HowTo);
        // All on one screen where there is room.
        assert_eq!(how_to_pages(&guide, Rect::new(0, 0, 120, 40)), 1);
        assert_eq!(how_to_pages(&guide, Rect::new(0, 0, 80, 24)), 1);
        // At 40x12, pages: every cue, how to read it and the stop rule are on one of them.
        let pages = how_to_pages(&guide, Rect::new(0, 0, 40, 12));
        assert!(pages > 1, "{choice:?}");
        guide.set_how_to_pages(pages);
        let mut seen = String::new();
        for page in 0..pages {
            assert_eq!(guide.how_to_page, page);
            let text = words_of(&drawn(&guide, (40, 12)));
            assert!(text.contains(&format!("({}/{pages})", page + 1)), "{text}");
            let hint = if page + 1 < pages {
                "Enter next"
            } else {
                "Enter ready"
            };
            assert!(text.contains(hint), "{text}");
            assert!(text.contains("← back"), "{text}");
            seen.push_str(&text);
            seen.push(' ');
            guide.handle_key(key(KeyCode::Right), &now());
        }
        // → on the last page goes on to typing, as Enter does.
        assert!(
            matches!(guide.stage, Stage::Enter { .. }),
            "{:?}",
            guide.stage
        );
        for words in choice
            .cues()
            .iter()
            .copied()
            .chain([choice.reading(), supple::safety::CAUTION])
        {
            let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
            // Each part whole, though wrapped across rows.
            let last = words.split(' ').next_back().unwrap_or_default();
            let first = words.split(' ').take(4).collect::<Vec<_>>().join(" ");
            assert!(seen.contains(&first), "{choice:?}: `{first}` in {seen}");
            assert!(seen.contains(last), "{choice:?}: `{last}` in {seen}");
        }
        // ← turns back, and from the first page goes back to the choice.
        let mut guide = Guide::new(kept(), false, false);
        type_keys(&mut guide, &(n + 1).to_string());
        guide.set_how_to_pages(pages);
        guide.handle_key(key(KeyCode::Right), &now());
        guide.handle_key(key(KeyCode::Left), &now());
        assert_eq!((guide.stage.clone(), guide.how_to_page), (Stage::HowTo, 0));
        guide.handle_key(key(KeyCode::Left), &now());
        assert!(matches!(guide.stage, Stage::Choose { .. }));
        // A screen grown larger keeps the page within what there is.
        guide.set_how_to_pages(1);
        assert_eq!(guide.how_to_page, 0);
    }
}

#[test]
fn all_four_choices_are_selectable_and_visible_at_40x12() {
    use supple::flextest::guide::CHOICES;
    for (n, choice) in CHOICES.iter().enumerate() {
        // By the arrows: the selected one is marked and on screen.
        let mut guide = Guide::new(kept(), false, false);
        for _ in 0..n {
            guide.handle_key(key(KeyCode::Down), &now());
        }
        assert_eq!(guide.stage, Stage::Choose { selected: n });
        for size in [(40, 12), (41, 13), (60, 12), (80, 24), (120, 40)] {
            let text = words_of(&drawn(&guide, size));
            for other in CHOICES {
                assert!(text.contains(other.title()), "{size:?}: {text}");
            }
            assert!(
                text.contains(&format!("> {} {}", n + 1, choice.title())),
                "{size:?}: {text}"
            );
        }
        // Enter opens the one selected; its number does the same.
        guide.handle_key(key(KeyCode::Enter), &now());
        assert_eq!((guide.stage.clone(), guide.choice), (Stage::HowTo, *choice));
        let mut guide = Guide::new(kept(), false, false);
        type_keys(&mut guide, &(n + 1).to_string());
        assert_eq!((guide.stage.clone(), guide.choice), (Stage::HowTo, *choice));
    }
}

#[test]
fn backspace_on_an_empty_field_or_left_goes_back_a_stage_keeping_what_was_typed() {
    let stage = |g: &Guide| g.stage.clone();
    let enter = |side: Side, typed: &str| Stage::Enter {
        side,
        typed: typed.into(),
    };
    for back in [KeyCode::Backspace, KeyCode::Left] {
        let mut guide = Guide::new(Vec::new(), true, false);
        type_keys(&mut guide, "1\n28\n35\n2");
        assert!(matches!(guide.stage, Stage::Strength { .. }));
        // Strength (empty) -> where it was felt, with the place kept.
        guide.handle_key(key(back), &now());
        assert_eq!(stage(&guide), Stage::Felt);
        assert_eq!(guide.felt, Some(Felt::Thigh));
        // Felt -> the right leg, its number there to correct.
        guide.handle_key(key(back), &now());
        assert_eq!(stage(&guide), enter(Side::Right, "35"));
        // Backspace corrects first; ← goes back at once.
        if back == KeyCode::Backspace {
            type_keys(&mut guide, "\x08\x08");
            assert_eq!(stage(&guide), enter(Side::Right, ""));
        }
        guide.handle_key(key(back), &now());
        assert_eq!(stage(&guide), enter(Side::Left, "28"));
        // Corrected, and on again: the right leg's number is still there.
        type_keys(&mut guide, "\x08\x080\n");
        assert_eq!(guide.left, Some(0));
        assert_eq!(stage(&guide), enter(Side::Right, "35"));
        let result = type_keys(&mut guide, "\n\n\n").expect("saved");
        assert_eq!(result.legs.each(), Some((0, 35)));
        // From the first leg, back to the how-to.
        let mut guide = Guide::new(Vec::new(), true, false);
        type_keys(&mut guide, "3\n");
        assert_eq!(stage(&guide), enter(Side::Both, ""));
        guide.handle_key(key(back), &now());
        assert_eq!(stage(&guide), Stage::HowTo);
    }
    // The key is in the footer where the others are, at every size.
    for keys in ["\n\n", "\n\n28\n35\n", "\n\n28\n35\n\n"] {
        let guide = guide_after(keys);
        for size in [(40, 12), (80, 24), (120, 40)] {
            let text = words_of(&drawn(&guide, size));
            assert!(text.contains("← back"), "{keys:?} {size:?}: {text}");
        }
    }
}

#[test]
fn the_stop_rule_is_never_cut_and_nothing_is_cut_at_40x12() {
    let mut states: Vec<Guide> = STATES.iter().map(|(_, keys)| guide_after(keys)).collect();
    for n in 2..=4 {
        states.push(guide_after(&format!("{n}\n")));
        states.push(guide_after(&format!("{n}\n\n")));
    }
    let stop = supple::safety::STOP_RULE;
    for guide in &states {
        for width in [40, 41, 45, 50, 60, 80] {
            for height in [12, 13, 14, 16, 20, 24] {
                let text = words_of(&drawn(guide, (width, height)));
                if text.contains("Stop if") {
                    assert!(text.contains(stop), "{width}x{height}: {text}");
                }
            }
        }
        // The felt question always shows it, at the smallest size too.
        if guide.stage == Stage::Felt {
            assert!(words_of(&drawn(guide, (40, 12))).contains(stop));
        }
    }
    // The title is never cut: a shorter one when narrow.
    let narrow = guide_after("4\n");
    let text = words_of(&drawn(&narrow, (40, 12)));
    assert!(text.contains("Sit-and-reach, one leg at a time"), "{text}");
    // "Enter next" once on a how-to page, in the footer.
    let mut how_to = guide_after("1");
    how_to.set_how_to_pages(supple::ui::flextest::how_to_pages(
        &how_to,
        ratatui::layout::Rect::new(0, 0, 40, 12),
    ));
    let text = words_of(&drawn(&how_to, (40, 12)));
    assert_eq!(text.matches("Enter next").count(), 1, "{text}");
    // The saved legs in plain digits where big ones would be too small to read.
    let saved = guide_after("\n\n28\n35\n14\n");
    let text = words_of(&drawn(&saved, (40, 12)));
    assert!(text.contains("28°") && text.contains("35°"), "{text}");
}

#[test]
fn the_empty_field_is_an_outlined_box_with_a_cursor_and_a_hint() {
    for size in [(40, 12), (80, 24), (120, 40)] {
        let backend = drawn(&guide_after("\n\n"), size);
        let text = words_of(&backend);
        assert!(text.contains("_ type the angle, then Enter"), "{text}");
        assert!(text.contains('┌') && text.contains('┘'), "{text}");
        // No slab: hardly a full block on screen beyond the leg's letters.
        let blocks = text.matches('█').count();
        assert!(blocks < 400, "{size:?}: {blocks} full blocks");
    }
}

/// Keys for [`supple::tui::flex_test_loop`], one per wait, then Esc (which leaves), so that a
/// test never waits for ever.
struct Keys(std::collections::VecDeque<KeyCode>);

impl supple::runtime::Input for Keys {
    fn next(
        &mut self,
        _timeout: std::time::Duration,
    ) -> std::io::Result<Option<crossterm::event::Event>> {
        let code = self.0.pop_front().unwrap_or(KeyCode::Esc);
        Ok(Some(crossterm::event::Event::Key(key(code))))
    }
}

/// Runs the guide in the test's loop on a screen of `size`, with `keys`.
fn run_loop(guide: &mut Guide, size: (u16, u16), keys: &[KeyCode]) {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
    let mut input = Keys(keys.iter().copied().collect());
    let stop = std::sync::atomic::AtomicBool::new(false);
    supple::tui::flex_test_loop(
        &mut terminal,
        &mut input,
        &stop,
        guide,
        &jiff::ZonedDateTime::now(),
        |_| {
            Err(supple::flextest::guide::Unsaved {
                why: "not saved in this test".into(),
                kept_in: None,
            })
        },
    )
    .expect("the loop");
}

/// Before the very first test, the safety note: all of it (on two pages at 40x12), then the
/// choice; q, Esc or Ctrl-C at the note leaves with nothing saved and the note not read.
#[test]
fn the_safety_note_comes_before_the_first_test_and_pages_at_40x12() {
    use supple::safety::{ASK_FIRST, GET_CARE, STOP_RULE};
    use supple::ui::flextest::note_pages;
    let area = |(w, h)| ratatui::layout::Rect::new(0, 0, w, h);
    // Without it (read before), the choice comes first.
    assert_eq!(
        Guide::new(kept(), false, false).with_note(false).stage,
        Stage::Choose { selected: 0 }
    );
    for (size, pages) in [((80, 24), 1), ((40, 12), 2)] {
        let mut guide = Guide::new(kept(), false, false).with_note(true);
        assert_eq!(guide.stage, Stage::Note { page: 0 });
        guide.set_note_pages(note_pages(&guide, area(size)));
        assert_eq!(guide.note_pages, pages, "{size:?}");
        let mut seen = String::new();
        for page in 0..pages {
            let text = words_of(&drawn(&guide, size));
            assert!(text.contains("Before your first test"), "{text}");
            // Without the box's sides, so that each part reads whole.
            let text: Vec<&str> = text.split(' ').filter(|w| *w != "│").collect();
            seen.push_str(&text.join(" "));
            seen.push(' ');
            assert!(!guide.note_read(), "{size:?}, page {page}");
            guide.handle_key(key(KeyCode::Char('x')), &now());
        }
        for part in [ASK_FIRST, STOP_RULE, GET_CARE] {
            let part = part.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(seen.contains(&part), "{size:?}: {part} in {seen}");
        }
        assert!(guide.note_read(), "{size:?}");
        assert_eq!(guide.stage, Stage::Choose { selected: 0 });
        assert!(words_of(&drawn(&guide, size)).contains("Which test?"));
    }
    // Leaving at the note, on any page: nothing read, nothing saved.
    for leave in [KeyCode::Char('q'), KeyCode::Esc] {
        for before in 0..2 {
            let mut guide = Guide::new(kept(), false, false).with_note(true);
            guide.set_note_pages(2);
            for _ in 0..before {
                guide.handle_key(key(KeyCode::Enter), &now());
            }
            assert_eq!(guide.handle_key(key(leave), &now()), Step::Quit);
            assert!(!guide.note_read() && guide.should_quit());
        }
    }
    // The loop counts the pages at the screen's size: at 40x12 one key is not the end of the
    // note, at 80x24 it is.
    let mut small = Guide::new(kept(), false, false).with_note(true);
    run_loop(&mut small, (40, 12), &[KeyCode::Enter, KeyCode::Char('q')]);
    assert!(!small.note_read() && small.should_quit());
    let mut small = Guide::new(kept(), false, false).with_note(true);
    run_loop(
        &mut small,
        (40, 12),
        &[KeyCode::Enter, KeyCode::Enter, KeyCode::Char('q')],
    );
    assert!(small.note_read());
    let mut large = Guide::new(kept(), false, false).with_note(true);
    run_loop(&mut large, (80, 24), &[KeyCode::Enter, KeyCode::Char('q')]);
    assert!(large.note_read());
}

/// What a person on their own needs to take each test safely, on screen at 40x12 (on its
/// pages): how to read the angle alone, a check that the thigh is upright, when to stop a leg
/// raise at once, and when to skip sit-and-reach for the knee extension.
#[test]
fn the_how_to_says_how_to_read_alone_and_when_to_stop_or_skip() {
    use ratatui::layout::Rect;
    use supple::ui::flextest::how_to_pages;
    let seen = |keys: &str| {
        let mut guide = Guide::new(kept(), false, false);
        type_keys(&mut guide, keys);
        let pages = how_to_pages(&guide, Rect::new(0, 0, 40, 12));
        guide.set_how_to_pages(pages);
        let mut seen = String::new();
        for _ in 0..pages {
            seen.push_str(&words_of(&drawn(&guide, (40, 12))));
            seen.push(' ');
            guide.handle_key(key(KeyCode::Right), &now());
        }
        seen
    };
    let aket = seen("1");
    for words in [
        "Reading it alone: strap the phone to the shin",
        "hold button, or have a helper read it",
        "Check it once with the phone along the thigh: it reads 90.",
        "do each leg twice and type the looser try",
    ] {
        assert!(aket.contains(words), "{words}: {aket}");
    }
    let slr = seen("2");
    for words in [
        "At the first tingling, numbness or pain down the leg, lower it at once.",
        "Reading it alone: strap the phone along the front of the thigh",
    ] {
        assert!(slr.contains(words), "{words}: {slr}");
    }
    for keys in ["3", "4"] {
        let text = seen(keys);
        assert!(
            text.contains(
                "If bending forward hurts your back, skip this one: the knee extension (1)"
            ),
            "{text}"
        );
    }
}

/// A tighter leg on the saved screen: what it is and when to ask a physiotherapist first are
/// whole at every size, 40x12 too, where the lines that can go (the comparison, the threshold,
/// where it was saved) go first.
#[test]
fn the_tighter_leg_and_when_to_ask_first_are_never_cut() {
    use supple::history::change::ASK_IF_PAINFUL;
    let mut guide = Guide::new(Vec::new(), false, false);
    let result = type_keys(&mut guide, "2\n70\n80\n\n\n").expect("a result");
    guide.saved(
        result.clone(),
        Ok((
            "saved to your history (1 test): ~/.local/share/supple/history.json".into(),
            vec![result],
        )),
    );
    for size in [(40, 12), (50, 14), (80, 24), (120, 40)] {
        let text = words_of(&drawn(&guide, size));
        for words in [
            "the left leg tested tighter by 10°, at least the measuring error (7°): it may be real",
            ASK_IF_PAINFUL,
        ] {
            assert!(text.contains(words), "{size:?}: {words} in {text}");
        }
    }
    // Where there is room, the rest too.
    let text = words_of(&drawn(&guide, (80, 24)));
    assert!(
        text.contains("a change of 7° or more may be real"),
        "{text}"
    );
}

/// At 40x12 the how-to takes pages; Enter, which meant "next" on the choice before, turns
/// them until the last, where it means "ready", and the footer says which.
#[test]
fn enter_turns_the_how_to_pages_until_the_last_one() {
    use ratatui::layout::Rect;
    let mut guide = Guide::new(kept(), false, false);
    // Through the loop, which counts the pages at the screen's size: Enter chooses the test,
    // then turns the first page.
    run_loop(&mut guide, (40, 12), &[KeyCode::Enter, KeyCode::Enter]);
    assert_eq!((guide.stage.clone(), guide.how_to_page), (Stage::HowTo, 1));
    let pages = supple::ui::flextest::how_to_pages(&guide, Rect::new(0, 0, 40, 12));
    assert!(pages >= 3, "{pages}");
    let mut guide = Guide::new(kept(), false, false);
    type_keys(&mut guide, "\n");
    guide.set_how_to_pages(pages);
    for page in 0..pages {
        assert_eq!(
            (guide.stage.clone(), guide.how_to_page),
            (Stage::HowTo, page)
        );
        let text = words_of(&drawn(&guide, (40, 12)));
        let says = if page + 1 < pages {
            "Enter next"
        } else {
            "Enter ready"
        };
        assert!(text.contains(says), "page {}: {text}", page + 1);
        type_keys(&mut guide, "\n");
    }
    assert_eq!(
        guide.stage,
        Stage::Enter {
            side: Side::Left,
            typed: String::new()
        }
    );
    // Where it all fits on one page, Enter is ready at once.
    let mut guide = Guide::new(kept(), false, false);
    type_keys(&mut guide, "\n");
    guide.set_how_to_pages(1);
    let text = words_of(&drawn(&guide, (80, 24)));
    assert!(text.contains("Enter I'm ready"), "{text}");
    type_keys(&mut guide, "\n");
    assert!(matches!(guide.stage, Stage::Enter { .. }));
}

/// The result from two metres: from 80x24 up each leg's number with its unit in big digits
/// (28° and 35°, not "2835"), under the leg's word in big letters, the left at the left and
/// the right at the right; at 40x12 on one row, `◀ LEFT 28°` and `35° RIGHT ▶`. Where the
/// stretch was felt and how strong it was are said back, at every size.
#[test]
fn the_result_shows_each_legs_number_with_its_unit_under_its_word() {
    let guide = guide_after("\n\n28\n35\n14\n");
    let echo = "felt first: behind the knee · strength 4 of 10";
    for size in [(80, 24), (120, 40), (200, 60)] {
        let backend = drawn(&guide, size);
        let buffer = backend.buffer();
        let big = |words: &[&str]| {
            words
                .iter()
                .find_map(|w| crate::common::find_big(buffer, w, false))
                .unwrap_or_else(|| panic!("{words:?} in big letters at {size:?}:\n{backend}"))
        };
        let (left_word, right_word) = (big(&["◀ LEFT", "LEFT"]), big(&["RIGHT ▶", "RIGHT"]));
        let (left, right) = (big(&["28°"]), big(&["35°"]));
        for (word, number) in [(left_word, left), (right_word, right)] {
            assert!(
                word.height >= 4 && number.height >= 4,
                "{size:?}:\n{backend}"
            );
            assert!(
                word.bottom() <= number.top(),
                "under its word: {size:?}:\n{backend}"
            );
        }
        let middle = size.0 / 2;
        assert!(
            left.right() <= middle && left_word.right() <= middle,
            "{size:?}"
        );
        assert!(
            right.left() >= middle && right_word.left() >= middle,
            "{size:?}"
        );
        assert!(words_of(&backend).contains(echo), "{size:?}:\n{backend}");
    }
    for size in [(40, 12), (200, 60)] {
        insta::assert_snapshot!(
            format!("flextest_saved_{}x{}", size.0, size.1),
            drawn(&guide, size)
        );
    }
    let small = words_of(&drawn(&guide, (40, 12)));
    for words in ["◀ LEFT 28°", "35° RIGHT ▶", echo] {
        assert!(small.contains(words), "{words} at 40x12: {small}");
    }
    // Both legs together: the number and its unit under BOTH LEGS.
    let both = guide_after("3\n31\n\n\n");
    let backend = drawn(&both, (80, 24));
    let number = crate::common::find_big(backend.buffer(), "31 cm", false).expect("31 cm, big");
    assert!(number.height >= 4, "{backend}");
    assert!(
        crate::common::find_big(backend.buffer(), "◀ BOTH ▶", false).is_some(),
        "{backend}"
    );
}

/// On a small screen the result's words go whole or not at all: the comparison, the measuring
/// error and where it was saved are never cut mid-sentence, whatever the test, with or without
/// earlier results to compare with.
#[test]
fn the_result_never_ends_mid_sentence() {
    let first = |keys: &str| {
        let mut guide = Guide::new(Vec::new(), false, false);
        let result = type_keys(&mut guide, keys).expect("a result");
        guide.saved(
            result.clone(),
            Ok((
                "saved to your history (1 test): ~/.local/share/supple/history.json".into(),
                vec![result],
            )),
        );
        guide
    };
    let guides = [
        guide_after("\n\n28\n35\n14\n"),
        guide_after("\n\n28\n35\n\n\n"),
        first("1\n28\n35\n\n\n"),
        first("2\n70\n72\n\n\n"),
        first("2\n70\n80\n3\n8\n"),
        first("3\n31\n\n\n"),
        first("4\n31\n29\n2\n\n"),
    ];
    for guide in &guides {
        let Stage::Saved {
            result,
            comparison,
            place,
        } = &guide.stage
        else {
            panic!("saved");
        };
        let mut sentences = comparison.lines(result.test);
        sentences.push(supple::history::change::threshold_line(result.test));
        sentences.push(place.clone());
        for (w, h) in [
            (40, 12),
            (41, 13),
            (45, 12),
            (50, 14),
            (60, 16),
            (80, 24),
            (120, 40),
        ] {
            let text = words_of(&drawn(guide, (w, h)));
            for sentence in &sentences {
                let start: String = sentence.split(' ').take(4).collect::<Vec<_>>().join(" ");
                assert!(
                    !text.contains(&start) || text.contains(sentence.as_str()),
                    "{w}x{h}: cut: {sentence}\n{text}"
                );
            }
            assert!(text.contains("any key leave"), "{w}x{h}: {text}");
        }
    }
}
