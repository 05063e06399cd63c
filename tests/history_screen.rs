//! `supple history`, full screen and `--plain`, on fixed histories with a fixed "today"
//! (Tuesday 24 November 2026): empty, one session, three months of regular sessions, and a
//! gap. Snapshots at 80x24 and 120x40; the other sizes must draw without a panic.

use std::path::Path;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supple::commands::history_text;
use supple::content::Kind;
use supple::history::dose::{self, WEEKS_SHOWN};
use supple::history::{ExerciseRecord, Overview, SessionRecord};
use supple::session::Side;
use supple::ui::history::HistoryView;

fn today() -> Date {
    date(2026, 11, 24)
}

/// A session on `day` with `left` and `right` seconds of holds.
fn on(day: Date, left: u64, right: u64) -> SessionRecord {
    let row = |side, held_seconds| ExerciseRecord {
        exercise: "seated-stretch".into(),
        name: "Seated hamstring stretch".into(),
        kind: Kind::Hold,
        side,
        planned: 3,
        done: 3,
        skipped: 0,
        held_seconds,
    };
    SessionRecord {
        started: day.at(18, 30, 0, 0).in_tz("UTC").expect("a time in UTC"),
        routine: "hamstring".into(),
        title: "Hamstring".into(),
        planned_seconds: 700,
        elapsed_seconds: 700,
        completed: true,
        exercises: vec![row(Side::Left, left), row(Side::Right, right)],
    }
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

/// Regular through most of October, three weeks and a half without, then two sessions.
fn with_a_gap() -> Vec<SessionRecord> {
    let mut sessions = regular(date(2026, 9, 7), date(2026, 10, 24));
    sessions.push(on(date(2026, 11, 20), 80, 80));
    sessions.push(on(date(2026, 11, 23), 60, 40));
    sessions
}

fn draw(sessions: &[SessionRecord], (w, h): (u16, u16), ascii: bool) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let overview = Overview::new(sessions, today(), 7);
    let weeks = dose::weeks(sessions, today(), WEEKS_SHOWN);
    terminal
        .draw(|frame| {
            frame.render_widget(
                HistoryView {
                    overview: &overview,
                    weeks: &weeks,
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
    for size in [(80, 24), (120, 40)] {
        let terminal = draw(sessions, size, false);
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
    assert!(
        text.contains("This week: left 2:40 of 5:00 · right 2:20 of 5:00"),
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
    let text = history_text(&overview, &weeks, Path::new("/home/me/history.json"));
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
    let text = history_text(&overview, &weeks, Path::new("h.json"));
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
