//! `supple history`, full screen and `--plain`, on fixed histories with a fixed "today"
//! (Tuesday 24 November 2026): empty, one session, three months of regular sessions (without
//! and with flexibility tests), and a gap. Snapshots at 80x24 and 120x40; the other sizes must
//! draw without a panic.

use std::path::Path;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supple::cli::history::history_text;
use supple::history::dose::{self, WEEKS_SHOWN};
use supple::history::{FlexTest, Overview, SessionRecord, TestResult};
use supple::ui::history::HistoryView;

fn today() -> Date {
    date(2026, 11, 24)
}

/// A session on `day` with `left` and `right` seconds of holds.
fn on(day: Date, left: u64, right: u64) -> SessionRecord {
    crate::common::held_session(
        day.at(18, 30, 0, 0).in_tz("UTC").expect("a time in UTC"),
        left,
        right,
    )
}

/// Mon, Wed, Fri and Sat from `from` through `through`, the seconds varying from day to day
/// (the right leg a little behind), and some days skipped.
fn regular(from: Date, through: Date) -> Vec<SessionRecord> {
    let days = [
        Weekday::Monday,
        Weekday::Wednesday,
        Weekday::Friday,
        Weekday::Saturday,
    ];
    let mut out = Vec::new();
    let mut day = from;
    let mut n: u64 = 0;
    while day <= through {
        if days.contains(&day.weekday()) {
            n += 1;
            if n % 7 != 3 {
                out.push(on(day, 40 + (n % 4) * 20, 40 + (n % 3) * 20));
            }
        }
        day = day.tomorrow().expect("a next day");
    }
    out
}

fn three_months() -> Vec<SessionRecord> {
    regular(date(2026, 8, 31), today())
}

/// A result of `test` on `day`, each leg.
fn tested(test: FlexTest, day: Date, left: u16, right: u16) -> TestResult {
    TestResult::new(
        day.at(19, 0, 0, 0).in_tz("UTC").expect("a time in UTC"),
        test,
        (Some(left), Some(right), None),
        None,
        None,
    )
    .expect("a valid result")
}

/// The tests of those three months: the knee extension four times, the left knee loosening
/// beyond the measuring error and the right one within it; the straight-leg raise three times,
/// the left leg tighter than the right beyond the error and under 80 degrees.
fn three_months_of_tests() -> Vec<TestResult> {
    vec![
        tested(FlexTest::Aket, date(2026, 9, 7), 36, 40),
        tested(FlexTest::Slr, date(2026, 9, 7), 70, 78),
        tested(FlexTest::Aket, date(2026, 10, 5), 33, 37),
        tested(FlexTest::Slr, date(2026, 10, 19), 74, 80),
        tested(FlexTest::Aket, date(2026, 11, 2), 30, 35),
        tested(FlexTest::Aket, date(2026, 11, 23), 27, 33),
        tested(FlexTest::Slr, date(2026, 11, 23), 76, 85),
    ]
}

/// Regular through most of October, three weeks and a half without, then two sessions.
fn with_a_gap() -> Vec<SessionRecord> {
    let mut sessions = regular(date(2026, 9, 7), date(2026, 10, 24));
    sessions.push(on(date(2026, 11, 20), 80, 80));
    sessions.push(on(date(2026, 11, 23), 60, 40));
    sessions
}

fn draw(sessions: &[SessionRecord], size: (u16, u16), ascii: bool) -> Terminal<TestBackend> {
    draw_with(sessions, &[], size, ascii)
}

fn draw_with(
    sessions: &[SessionRecord],
    tests: &[TestResult],
    (w, h): (u16, u16),
    ascii: bool,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let overview = Overview::new(sessions, today(), 7);
    let weeks = dose::weeks(sessions, today(), WEEKS_SHOWN);
    terminal
        .draw(|frame| {
            frame.render_widget(
                HistoryView {
                    overview: &overview,
                    weeks: &weeks,
                    tests,
                    color: false,
                    ascii,
                },
                frame.area(),
            );
        })
        .expect("draw");
    terminal
}

fn text_of(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn snapshot(name: &str, sessions: &[SessionRecord]) {
    snapshot_with(name, sessions, &[]);
}

fn snapshot_with(name: &str, sessions: &[SessionRecord], tests: &[TestResult]) {
    for size in [(80, 24), (120, 40)] {
        let terminal = draw_with(sessions, tests, size, false);
        insta::assert_snapshot!(
            format!("history_{name}_{}x{}", size.0, size.1),
            terminal.backend()
        );
    }
}

#[test]
fn empty_says_how_to_start_and_draws_no_chart() {
    snapshot("empty", &[]);
    for size in [(40, 12), (80, 24), (120, 40), (200, 60)] {
        let text = text_of(&draw(&[], size, false));
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("No sessions yet."), "{text}");
        assert!(words.contains("supple"), "{text}");
        assert!(
            !text.contains("highest") && !text.contains("0:00"),
            "{text}"
        );
    }
}

#[test]
fn one_session() {
    let sessions = [on(today(), 160, 140)];
    snapshot("one_session", &sessions);
    let text = text_of(&draw(&sessions, (120, 40), false));
    assert!(text.contains("Streak 1 day"), "{text}");
    // A day counts at most its share toward the dose; what was held is said beside it, and
    // what lies above the dose under it.
    assert!(
        text.contains(
            "This week: left 1:00 of 5:00 · right 1:00 of 5:00 counted (held 2:40 · 2:20; up to 60 s a day counts)"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "gains grew up to about 10:00 a week per leg, and no further (Ingram et al. 2024)"
        ),
        "{text}"
    );
}

#[test]
fn three_months_of_regular_sessions() {
    let sessions = three_months();
    snapshot("three_months", &sessions);
    for size in [(80, 24), (120, 40)] {
        let text = text_of(&draw(&sessions, size, false));
        // The heading says what is drawn: twelve weeks, from their first Monday to today.
        assert!(
            text.contains("Your stretching history: the last 12 weeks"),
            "{text}"
        );
        assert!(
            text.contains("Days you stretched, the last 12 weeks, Mon 7 Sep to Tue 24 Nov"),
            "{text}"
        );
        for month in ["Sep", "Oct", "Nov"] {
            assert!(text.contains(month), "{month}: {text}");
        }
        assert!(text.contains("◀ today"), "{text}");
        assert!(text.contains("5:00┤"), "the dose on the axis: {text}");
        assert!(
            text.contains("L left") && text.contains("R right"),
            "{text}"
        );
    }
}

#[test]
fn a_gap_shows_as_empty_weeks() {
    let sessions = with_a_gap();
    snapshot("gap", &sessions);
    let text = text_of(&draw(&sessions, (80, 24), false));
    // The three empty weeks between 26 October and 16 November: no cell filled.
    let monday = text
        .lines()
        .find(|l| l.contains("Mon") && !l.contains("Mon 7"))
        .expect("Monday's row");
    assert!(monday.contains('·'), "{monday}");
}

#[test]
fn every_size_draws_and_small_ones_keep_the_calendar() {
    let sessions = three_months();
    for size in [
        (40, 12),
        (60, 20),
        (80, 24),
        (100, 30),
        (120, 40),
        (200, 60),
    ] {
        let text = text_of(&draw(&sessions, size, false));
        assert!(text.contains("Streak"), "{size:?}: {text}");
        assert!(text.contains("This week:"), "{size:?}: {text}");
        assert!(text.contains("Sun"), "{size:?}: {text}");
    }
    // Too narrow for twelve weeks: fewer, and the title says how many.
    let text = text_of(&draw(&sessions, (30, 12), false));
    assert!(text.contains("History: 7 weeks"), "{text}");
    // The smallest screens of all draw without a panic.
    for size in [(1, 1), (10, 3), (20, 5)] {
        draw(&sessions, size, false);
        draw(&[], size, false);
    }
}

#[test]
fn without_utf8_only_ascii_is_drawn() {
    for sessions in [three_months(), Vec::new()] {
        let text = text_of(&draw(&sessions, (80, 24), true));
        assert!(text.is_ascii(), "{text}");
    }
    let text = text_of(&draw(&three_months(), (80, 24), true));
    assert!(text.contains("< today"), "{text}");
}

#[test]
fn plain_text_shows_the_same_weeks_as_the_screen() {
    let sessions = three_months();
    let overview = Overview::new(&sessions, today(), 7);
    let weeks = dose::weeks(&sessions, today(), WEEKS_SHOWN);
    let text = history_text(&overview, &weeks, &[], Path::new("/home/me/history.json"));
    insta::assert_snapshot!("history_plain_three_months", text);
    assert!(text.is_ascii());
    assert!(
        text.contains("Days you stretched, the last 12 weeks, Mon 7 Sep to Tue 24 Nov:"),
        "{text}"
    );
    assert!(text.contains("one rest day between two sessions keeps a streak"));
    assert!(text.contains("This week: left"), "{text}");
    // One row per week shown, and one per weekday.
    let week_rows = text
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("Mon ") && l[4..].starts_with(|c: char| c.is_ascii_digit())
        })
        .count();
    assert_eq!(week_rows, 12, "{text}");
    for day in ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(day)),
            "{day}: {text}"
        );
    }

    let empty = history_text(
        &Overview::new(&[], today(), 7),
        &dose::weeks(&[], today(), WEEKS_SHOWN),
        &[],
        Path::new("/home/me/history.json"),
    );
    assert!(empty.contains("No sessions yet"), "{empty}");
    assert!(!empty.contains("Streak"), "{empty}");
}

#[test]
fn plain_text_marks_the_dose_on_each_weeks_bars() {
    // One week exactly at the dose: the bar reaches the mark.
    let sessions: Vec<SessionRecord> = (0..5)
        .map(|n| {
            on(
                date(2026, 11, 16).checked_add(n.days()).expect("day"),
                60,
                30,
            )
        })
        .collect();
    let overview = Overview::new(&sessions, today(), 7);
    let weeks = dose::weeks(&sessions, today(), 2);
    let text = history_text(&overview, &weeks, &[], Path::new("h.json"));
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("Mon 16 Nov"))
        .expect("the week's row");
    assert!(row.contains(&format!("5:00 {}|", "#".repeat(20))), "{row}");
    assert!(
        row.contains(&format!("2:30 {}{}|", "#".repeat(10), " ".repeat(10))),
        "{row}"
    );
}

#[test]
fn three_months_with_tests_show_each_leg_over_time() {
    let sessions = three_months();
    let tests = three_months_of_tests();
    snapshot_with("three_months_tests", &sessions, &tests);

    // Roomy: per test, the results under their dates, each leg's change since the first and
    // the last, and the tighter leg; no "limited" (its cut-off is for an examiner's passive
    // raise).
    let text = text_of(&draw_with(&sessions, &tests, (120, 40), false));
    assert!(
        text.contains("Flexibility tests per leg, 7 results"),
        "{text}"
    );
    assert!(text.contains("Active knee extension"), "{text}");
    assert!(text.contains("Straight-leg raise"), "{text}");
    assert!(text.contains("since the first"), "{text}");
    assert!(text.contains("since the last"), "{text}");
    let row = |leg: &str, after: &str| -> String {
        text.lines()
            .skip_while(|l| !l.contains(after))
            .find(|l| l.contains(leg))
            .unwrap_or_default()
            .to_string()
    };
    let left = row("L left", "Active knee extension");
    assert!(left.contains("36") && left.contains("27"), "{left}");
    assert!(left.contains("9° looser (may be real)"), "{left}");
    // The right knee moved 7°: less than the 8° that counts, so no progress is claimed.
    let right = row("R right", "Active knee extension");
    assert!(right.contains("within measuring error (-7°)"), "{right}");
    assert!(!right.contains("looser"), "{right}");
    assert!(
        text.contains("the left leg tested tighter by 9°, at least the measuring error (7°): it"),
        "{text}"
    );
    assert!(
        !text.contains("beyond") && !text.contains("limited"),
        "{text}"
    );
    assert!(text.contains("7 Sep") && text.contains("23 Nov"), "{text}");

    // Small: a line per test, the latest against the first, and the chart kept.
    let text = text_of(&draw_with(&sessions, &tests, (80, 24), false));
    assert!(text.contains("Flexibility"), "{text}");
    let aket = text
        .lines()
        .find(|l| l.contains("Knee extension"))
        .expect("the knee extension's line");
    assert!(aket.contains("9° looser"), "{aket}");
    assert!(!aket.contains("7° looser"), "{aket}");
    let slr = text
        .lines()
        .find(|l| l.contains("Leg raise"))
        .expect("the leg raise's line");
    assert!(slr.contains("left tested tighter by 9°"), "{slr}");
    assert!(!slr.contains("limited"), "{slr}");
    assert!(
        text.contains("within the measuring error is no change"),
        "{text}"
    );
    assert!(text.contains("5:00┤"), "{text}");

    // Fewer rows still: one line says where they are, and nothing is drawn half.
    let text = text_of(&draw_with(&sessions, &tests, (80, 20), false));
    assert!(text.contains("Flexibility tests: 7 results."), "{text}");
    assert!(!text.contains("Knee extension"), "{text}");

    // Without UTF-8, degrees in words.
    let text = text_of(&draw_with(&sessions, &tests, (120, 40), true));
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("9 deg looser"), "{text}");

    for size in [(40, 12), (60, 20), (100, 30), (200, 60), (1, 1), (20, 5)] {
        let text = text_of(&draw_with(&sessions, &tests, size, false));
        if size.0 >= 40 {
            assert!(text.contains("Sun"), "{size:?}: {text}");
        }
    }
}

#[test]
fn without_a_test_it_says_how_to_take_one() {
    let text = text_of(&draw(&three_months(), (120, 40), false));
    assert!(
        text.contains("Flexibility: no test yet. Take one warm, after a session: supple test"),
        "{text}"
    );
    let text = text_of(&draw(&three_months(), (80, 24), false));
    assert!(text.contains("supple test"), "{text}");
}

/// Where the heading's whole note does not fit (80 columns), its short words still say what
/// the plain text says: a change within the measuring error is no change. "changes may be
/// real" alone read as if every change might be.
#[test]
fn the_short_heading_says_a_small_change_is_none() {
    let one = [tested(FlexTest::Slr, date(2026, 11, 23), 65, 72)];
    let all = three_months_of_tests();
    for (sessions, tests) in [(Vec::new(), &one[..]), (three_months(), &all[..])] {
        let text = text_of(&draw_with(&sessions, tests, (80, 24), false));
        let heading = text
            .lines()
            .find(|l| l.contains("Flexibility"))
            .expect("the heading");
        assert!(
            heading.contains("within the measuring error is no change"),
            "{heading}"
        );
        assert!(!heading.contains("changes may be real"), "{heading}");
    }
}

#[test]
fn tests_without_a_session_still_show() {
    let tests = three_months_of_tests();
    let text = text_of(&draw_with(&[], &tests, (120, 40), false));
    assert!(text.contains("No sessions yet."), "{text}");
    assert!(text.contains("Active knee extension"), "{text}");
    let plain = history_text(
        &Overview::new(&[], today(), 7),
        &dose::weeks(&[], today(), WEEKS_SHOWN),
        &tests,
        Path::new("h.json"),
    );
    assert!(plain.contains("No sessions yet"), "{plain}");
    assert!(plain.contains("Active knee extension"), "{plain}");
}

#[test]
fn plain_text_says_what_the_screen_says_about_the_tests() {
    let sessions = three_months();
    let tests = three_months_of_tests();
    let overview = Overview::new(&sessions, today(), 7);
    let weeks = dose::weeks(&sessions, today(), WEEKS_SHOWN);
    let text = history_text(
        &overview,
        &weeks,
        &tests,
        Path::new("/home/me/history.json"),
    );
    insta::assert_snapshot!("history_plain_three_months_tests", text);
    assert!(text.is_ascii(), "{text}");
    let screen = text_of(&draw_with(&sessions, &tests, (120, 40), false));
    // The same facts, in the same words (degrees spelt out in ASCII).
    for fact in [
        "Active knee extension",
        "Straight-leg raise",
        "since the first",
        "since the last",
        "9 deg looser (may be real)",
        "within measuring error (-7 deg)",
        "the left leg tested tighter by 9 deg, at least the measuring error (7 deg): it may be",
        "if it is your painful side, or the test brought on leg symptoms, ask a physiotherapist first",
    ] {
        assert!(text.contains(fact), "{fact}: {text}");
        let on_screen = fact.replace(" deg", "°");
        assert!(screen.contains(&on_screen), "{on_screen}: {screen}");
    }
    let no_tests = history_text(&overview, &weeks, &[], Path::new("h.json"));
    assert!(
        no_tests.contains("Flexibility tests: none yet.") && no_tests.contains("supple test"),
        "{no_tests}"
    );
}
