//! Typing a leg's result: the leg in big letters, and under it at its side the box the
//! number is typed into, in big digits.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::{rows_of, wrapped};
use crate::flextest::guide::Guide;
use crate::history::flex::Unit;
use crate::session::Side;
use crate::ui::bigtext::{self, Align};
use crate::ui::leg::{self, leg_words};
use crate::ui::theme::Theme;

/// The leg in big letters across `area` (a band of colour when it is one row).
fn leg_band(side: Side, theme: Theme, ascii: bool, area: Rect, buf: &mut Buffer) {
    let Some((words, align)) = leg_words(side, ascii) else {
        return;
    };
    if area.height < 4 {
        let text = match side {
            Side::Left => format!(" {} LEFT LEG ", if ascii { "<" } else { "◀" }),
            Side::Right => format!(" RIGHT LEG {} ", if ascii { ">" } else { "▶" }),
            _ => " BOTH LEGS TOGETHER ".into(),
        };
        leg::render_band(text, theme.leg_band(side), align, area, buf);
        return;
    }
    leg::render_big(words, align, theme.leg_side(side), ascii, area, buf);
}

pub(super) fn enter(
    guide: &Guide,
    side: Side,
    typed: &str,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let test = guide.choice.test();
    let leg = match side {
        Side::Left => "the LEFT leg",
        Side::Right => "the RIGHT leg",
        _ => "both legs together",
    };
    let prompt = Line::from(vec![
        Span::styled(format!("Type {leg}: "), theme.focus()),
        Span::raw(test.measures()),
    ]);
    let hint = match &guide.problem {
        Some(problem) => Line::styled(problem.clone(), theme.caution()),
        None => Line::styled(
            format!(
                "Enter takes it; Backspace corrects or goes back.{}",
                match (side, guide.left) {
                    (Side::Right, Some(left)) => {
                        format!(" (Left was {left}{}.)", test.unit().after())
                    }
                    _ => String::new(),
                }
            ),
            theme.dim(),
        ),
    };
    let reading = Line::styled(guide.choice.reading(), theme.dim());
    let h = area.height;
    let leg_rows = match h {
        0..16 => 1,
        16..36 => 4,
        _ => 8,
    };
    let reading_rows = if h >= 20 {
        rows_of(std::slice::from_ref(&reading), area.width)
    } else {
        0
    };
    let [
        prompt_area,
        leg_area,
        _,
        digits_area,
        hint_area,
        _,
        reading_area,
    ] = Layout::vertical([
        Constraint::Length(rows_of(std::slice::from_ref(&prompt), area.width).min(2)),
        Constraint::Length(leg_rows),
        Constraint::Length(u16::from(h >= 16)),
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(u16::from(reading_rows > 0)),
        Constraint::Length(reading_rows),
    ])
    .areas(area);
    wrapped(prompt, prompt_area, buf);
    leg_band(side, theme, guide.ascii, leg_area, buf);
    // The place to type, under the leg, at its side.
    let align = match side {
        Side::Left => Align::Left,
        Side::Right => Align::Right,
        _ => Align::Center,
    };
    let what = match test.unit() {
        Unit::Degrees => "type the angle, then Enter",
        Unit::Centimetres => "type the cm, then Enter",
    };
    // Sized for the most the test can be: 90 takes two digits, 180 three.
    let widest = "0".repeat(test.max().to_string().len());
    input_box(
        typed,
        &widest,
        test.unit().word(),
        what,
        align,
        theme.leg_side(side),
        theme,
        guide.ascii,
        digits_area,
        buf,
    );
    wrapped(hint, hint_area, buf);
    wrapped(reading, reading_area, buf);
}

/// The place to type a number: an outlined box holding the number (in big digits where
/// there are rows for them, plain otherwise), a cursor after it and the unit; while nothing is
/// typed, the cursor and `hint`. Sized for `widest`, placed by `align` and centred in `area`.
#[allow(clippy::too_many_arguments)]
pub(super) fn input_box(
    typed: &str,
    widest: &str,
    unit: &str,
    hint: &str,
    align: Align,
    style: Style,
    theme: Theme,
    ascii: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let cursor = Span::styled("_", style.add_modifier(Modifier::SLOW_BLINK));
    let text_width = |t: &str| u16::try_from(t.chars().count()).unwrap_or(u16::MAX);
    let plain = |row: Rect, buf: &mut Buffer| {
        let line = if typed.is_empty() {
            Line::from(vec![
                cursor.clone(),
                Span::styled(format!(" {hint}"), theme.dim()),
            ])
        } else {
            Line::from(vec![
                Span::styled(typed.to_string(), style),
                cursor.clone(),
                Span::styled(format!(" {unit}"), theme.title()),
            ])
        };
        line.render(row, buf);
    };
    if area.height < 3 {
        plain(Rect { height: 1, ..area }, buf);
        return;
    }
    // Inside the box: a column of air each side, the number, a space, the cursor, the unit.
    let tail = 2 + 1 + text_width(unit);
    let room = area.width.saturating_sub(4 + tail);
    let rows = bigtext::rows_to_fit(widest, room, (area.height - 2).min(8));
    let big = rows >= 3;
    let number = if big {
        bigtext::width(widest, rows)
    } else {
        text_width(widest)
    };
    let inside = (number + tail).max(text_width(hint) + 2);
    let width = (inside + 4).min(area.width);
    let height = if big { rows + 2 } else { 3 };
    let x = match align {
        Align::Left => area.x,
        Align::Right => area.right().saturating_sub(width),
        Align::Center => area.x + (area.width - width) / 2,
    };
    let y = area.y + (area.height - height) / 2;
    let outline = Rect::new(x, y, width, height);
    let block = Block::bordered()
        .border_set(theme.glyphs().border)
        .border_style(style);
    let inner = block.inner(outline).inner(Margin::new(1, 0));
    block.render(outline, buf);
    if typed.is_empty() || !big {
        let middle = Rect::new(inner.x, inner.y + inner.height / 2, inner.width, 1);
        plain(middle, buf);
        return;
    }
    let cols = bigtext::width(typed, rows).min(inner.width);
    let spot = Rect::new(inner.x, inner.y, cols, rows);
    bigtext::render(typed, rows, spot, Align::Left, style, ascii, buf);
    let last = Rect::new(
        spot.right() + 1,
        inner.y + rows - 1,
        inner.right().saturating_sub(spot.right() + 1),
        1,
    );
    Line::from(vec![
        cursor,
        Span::styled(format!(" {unit}"), theme.title()),
    ])
    .render(last, buf);
}
