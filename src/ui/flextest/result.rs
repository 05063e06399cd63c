//! The result, saved or not: each leg's number under its word in big letters, what was
//! answered, how it compares with the tests before, and where it was saved (or why not).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{rows_of, wrapped};
use crate::flextest::guide::{Guide, Unsaved};
use crate::history::change::{Comparison, threshold_line};
use crate::history::flex::{Legs, TestResult, Unit};
use crate::session::Side;
use crate::ui::bigtext::{self, Align};
use crate::ui::leg::leg_words;
use crate::ui::theme::Theme;

/// A strength from which the saved screen asks for a gentler test next time.
const TOO_STRONG: u8 = 7;

/// The result saved: how it compares, the verdicts, where it was saved.
pub(super) fn saved(
    guide: &Guide,
    result: &TestResult,
    comparison: &Comparison,
    place: &str,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    // Each line with how readily it goes where rows are short: the verdicts (the
    // tighter leg, when to ask first) and a word on a strong stretch stay, whole.
    let verdicts = comparison.verdicts(result.test);
    let mut all = comparison.lines(result.test);
    let changes: Vec<String> = all
        .drain(..all.len().saturating_sub(verdicts.len()))
        .collect();
    let mut lines: Vec<(u8, Line)> = Vec::new();
    lines.extend(changes.into_iter().map(|l| (1, Line::raw(l))));
    lines.extend(
        verdicts
            .into_iter()
            .map(|l| (0, Line::styled(l, theme.caution()))),
    );
    if result.strength.is_some_and(|s| s >= TOO_STRONG) {
        lines.push((
            0,
            Line::styled(
                "That was strong: next time stop at a gentle pull, never pain.",
                theme.caution(),
            ),
        ));
    }
    lines.push((2, Line::styled(threshold_line(result.test), theme.dim())));
    lines.push((3, Line::styled(place.to_string(), theme.dim())));
    result_screen(guide, result, "Saved", lines, theme, area, buf);
}

/// The result not saved: why, and where it waits when it was kept for later (else how to
/// record it later).
pub(super) fn not_saved(
    guide: &Guide,
    result: &TestResult,
    why: &Unsaved,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let (title, lines) = match &why.kept_in {
        Some(file) => (
            "Kept for later",
            vec![
                (
                    0,
                    Line::styled("The history could not be written:", theme.caution()),
                ),
                (0, Line::raw(why.why.clone())),
                (
                    0,
                    Line::raw(format!(
                        "The result is kept in {} and added to your history at the \
                             next session or test that can be saved.",
                        file.display()
                    )),
                ),
            ],
        ),
        None => (
            "Not saved",
            vec![
                (
                    0,
                    Line::styled("This result was not saved:", theme.caution()),
                ),
                (0, Line::raw(why.why.clone())),
                (
                    0,
                    Line::raw(format!(
                        "Record it later with: supple test --record {} {}",
                        result.test.id(),
                        crate::flextest::record_flags(result)
                    )),
                ),
            ],
        ),
    };
    result_screen(guide, result, title, lines, theme, area, buf);
}

/// What was answered to the optional questions, echoed: `felt first: behind the knee ·
/// strength 4 of 10`; `None` when both were skipped.
fn answers(result: &TestResult, dot: &str) -> Option<String> {
    let felt = result.felt.map(|f| format!("felt first: {}", f.words()));
    let strength = result.strength.map(|s| format!("strength {s} of 10"));
    match (felt, strength) {
        (None, None) => None,
        (Some(one), None) | (None, Some(one)) => Some(one),
        (Some(felt), Some(strength)) => Some(format!("{felt} {dot} {strength}")),
    }
}

/// A leg's result as written on one row: `28°`, `31 cm` (`28 deg` without UTF-8).
fn value_text(value: u16, unit: Unit, ascii: bool) -> String {
    match (unit, ascii) {
        (Unit::Degrees, true) => format!("{value} deg"),
        (unit, _) => format!("{value}{}", unit.after()),
    }
}

/// Of `lines`, each with how readily it goes (0 never), those that fit `room` rows at `width`,
/// each whole, in their order: the readiest to go are left out first, and a line left out
/// never leaves room unused that a later one could take.
fn whole_lines(lines: Vec<(u8, Line<'static>)>, width: u16, room: u16) -> Vec<Line<'static>> {
    let rows: Vec<u16> = lines
        .iter()
        .map(|(_, l)| rows_of(std::slice::from_ref(l), width))
        .collect();
    let mut keep = vec![false; lines.len()];
    let mut used = 0u16;
    for priority in 0..=3 {
        for (i, (p, _)) in lines.iter().enumerate() {
            if *p == priority && (priority == 0 || used + rows[i] <= room) {
                keep[i] = true;
                used = used.saturating_add(rows[i]);
            }
        }
    }
    lines
        .into_iter()
        .zip(keep)
        .filter_map(|((_, l), keep)| keep.then_some(l))
        .collect()
}

/// The result: each leg's word in big letters at its side with its number and unit in big
/// digits under it, what was answered, then `lines`, each with how readily it goes where rows
/// are short (0 never), so that no line is cut half way. Where big letters do not fit with
/// the lines that never go, the legs take one row: `◀ LEFT 28°` and `35° RIGHT ▶`.
fn result_screen(
    guide: &Guide,
    result: &TestResult,
    heading: &str,
    mut lines: Vec<(u8, Line<'static>)>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let test = result.test;
    let ascii = guide.ascii;
    // Narrow: the name without what it measures, rather than cut.
    let full = format!("{} ({})", test.name(), test.measures());
    let name = if heading.len() + 2 + full.chars().count() <= usize::from(area.width) {
        full
    } else {
        test.name().to_string()
    };
    let title = Line::from(vec![
        Span::styled(format!("{heading}: "), theme.focus()),
        Span::raw(name),
    ]);
    // What was answered comes first under the numbers, then a row of air.
    if let Some(echo) = answers(result, theme.glyphs().dot) {
        lines.insert(0, (1, Line::styled(echo, theme.title())));
        lines.insert(1, (3, Line::raw("")));
    }
    let legs: Vec<(Side, u16)> = match result.legs {
        Legs::Each { left, right } => vec![(Side::Left, left), (Side::Right, right)],
        Legs::Together { both } => vec![(Side::Both, both)],
    };
    // Two legs side by side, apart in the middle where the width allows (80 columns need
    // all of theirs for RIGHT in big letters).
    let column = if legs.len() == 2 {
        area.width.saturating_sub(area.width.saturating_sub(80) / 8) / 2
    } else {
        area.width
    };
    // The legs' words, with their arrows where they fit (both or neither), in one row or
    // in big letters.
    let words_of = |arrows: bool, side: Side| -> &'static str {
        match (arrows, side) {
            (true, side) => leg_words(side, ascii).map_or("", |(w, _)| w),
            (false, Side::Left) => "LEFT",
            (false, Side::Right) => "RIGHT",
            (false, _) => "BOTH",
        }
    };
    let unit = test.unit();
    let big_value = |value: u16| format!("{value}{}", unit.after());
    let essential = rows_of(
        &lines
            .iter()
            .filter(|(p, _)| *p == 0)
            .map(|(_, l)| l.clone())
            .collect::<Vec<_>>(),
        area.width,
    );
    let h = area.height;
    // The words in big letters from 4 rows (under that they break up) to 8; the numbers
    // from 4 rows to as tall as the width allows.
    let label_rows = match h {
        0..30 => 4,
        30..44 => 6,
        _ => 8,
    };
    let label_fit = |arrows: bool, most: u16| {
        legs.iter()
            .map(|(side, _)| bigtext::rows_to_fit(words_of(arrows, *side), column, most))
            .min()
            .unwrap_or(0)
    };
    // The arrows where the words keep their height with them.
    let arrows = label_fit(true, label_rows) >= label_fit(false, label_rows);
    let label_rows = label_fit(arrows, label_rows);
    // Big: the labels, a row of air, the numbers, a row of air, the words.
    let big = label_rows >= 4 && h >= 1 + label_rows + 1 + 4 + 1 + essential;
    let legs_rows = if big { label_rows + 1 + 4 + 1 } else { 1 };
    let lines = whole_lines(lines, area.width, h.saturating_sub(1 + legs_rows));
    let words_rows = rows_of(&lines, area.width);
    // The numbers take what the words leave, as far as the width allows.
    let number_rows = if big {
        let room = h.saturating_sub(1 + label_rows + 1 + 1 + words_rows);
        let widest = legs
            .iter()
            .map(|(_, v)| bigtext::rows_to_fit(&big_value(*v), column, u16::MAX))
            .min()
            .unwrap_or(0);
        room.min(widest)
    } else {
        0
    };
    let big = big && number_rows >= 4;
    let used = if big {
        1 + label_rows + 1 + number_rows + 1 + words_rows
    } else {
        1 + 1 + words_rows
    };
    // Rows to spare: a third above the legs, the rest under the words.
    let top = h.saturating_sub(used) / 3;
    let [title_area, _, labels, _, numbers, _, words] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(top),
        Constraint::Length(if big { label_rows } else { 1 }),
        Constraint::Length(u16::from(big)),
        Constraint::Length(if big { number_rows } else { 0 }),
        Constraint::Length(u16::from(big)),
        Constraint::Fill(1),
    ])
    .areas(area);
    title.render(title_area, buf);
    let halves = |rect: Rect| -> Vec<Rect> {
        if legs.len() == 2 {
            let [l, _, r] = Layout::horizontal([
                Constraint::Length(column),
                Constraint::Fill(1),
                Constraint::Length(column),
            ])
            .areas(rect);
            vec![l, r]
        } else {
            vec![rect]
        }
    };
    for ((side, value), (label_area, number_area)) in legs
        .iter()
        .zip(halves(labels).into_iter().zip(halves(numbers)))
    {
        let style = theme.leg_side(*side);
        let align = match side {
            Side::Left => Align::Left,
            Side::Right => Align::Right,
            _ => Align::Center,
        };
        if big {
            let word = words_of(arrows, *side);
            bigtext::render(word, label_rows, label_area, align, style, ascii, buf);
            bigtext::render(
                &big_value(*value),
                number_rows,
                number_area,
                align,
                style,
                ascii,
                buf,
            );
        } else {
            let word = match side {
                Side::Left | Side::Right => words_of(true, *side),
                _ => {
                    if ascii {
                        "< BOTH LEGS >"
                    } else {
                        "◀ BOTH LEGS ▶"
                    }
                }
            };
            let value = value_text(*value, unit, ascii);
            let text = match side {
                Side::Right => format!("{value} {word}"),
                _ => format!("{word} {value}"),
            };
            let line = Line::styled(text, style);
            match align {
                Align::Left => line.left_aligned(),
                Align::Center => line.centered(),
                Align::Right => line.right_aligned(),
            }
            .render(label_area, buf);
        }
    }
    wrapped(lines, words, buf);
}
