//! The leg, unmissable from the mat: in big letters across the screen, "◀ LEFT" at the left
//! edge, "RIGHT ▶" at the right, "◀ BOTH ▶" in the middle, so left and right differ in place,
//! arrow and colour. During a switch it is the leg to switch to; before a per-leg step, the leg
//! that comes next. On small screens it is a band of colour one row high.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::bigtext::{self, Align};
use super::theme::Theme;
use crate::app::ViewModel;
use crate::session::{Phase, Side};

/// The big text, and where it sits; `None` for work with no leg.
pub fn leg_words(side: Side, ascii: bool) -> Option<(&'static str, Align)> {
    Some(match (side, ascii) {
        (Side::None, _) => return None,
        (Side::Left, false) => ("◀ LEFT", Align::Left),
        (Side::Right, false) => ("RIGHT ▶", Align::Right),
        (Side::Both, false) => ("◀ BOTH ▶", Align::Center),
        (Side::Left, true) => ("< LEFT", Align::Left),
        (Side::Right, true) => ("RIGHT >", Align::Right),
        (Side::Both, true) => ("< BOTH >", Align::Center),
    })
}

/// The leg's word alone, without its arrows, for where the arrows would make it too small.
fn bare_words(side: Side) -> Option<&'static str> {
    match side {
        Side::None => None,
        Side::Left => Some("LEFT"),
        Side::Right => Some("RIGHT"),
        Side::Both => Some("BOTH"),
    }
}

/// What the leg means at this moment: the one being worked, the one to switch to, or the
/// next one.
fn label(phase: Phase) -> &'static str {
    match phase {
        Phase::Hold | Phase::Cardio | Phase::Dynamic => "",
        Phase::SwitchLeg => "switch to",
        Phase::GetReady | Phase::Rest => "next",
    }
}

/// The one-row band's words: the arrow outside, the words within ("◀ LEFT LEG",
/// "SWITCH TO RIGHT LEG ▶", "◀ BOTH LEGS ▶ (next)").
/// `text` on a one-row band of `style` across `area`, placed by `align`.
pub fn render_band(text: String, style: Style, align: Align, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, style);
    let line = Line::styled(text, style);
    match align {
        Align::Left => line.left_aligned(),
        Align::Center => line.centered(),
        Align::Right => line.right_aligned(),
    }
    .render(area, buf);
}

/// `words` in big letters as tall as `area` allows in whole 4-row steps; the rows used.
pub fn render_big(
    words: &str,
    align: Align,
    style: Style,
    ascii: bool,
    area: Rect,
    buf: &mut Buffer,
) -> u16 {
    let max = area.height - area.height % 4;
    let rows = bigtext::rows_to_fit(words, area.width, max).max(1);
    bigtext::render(words, rows, area, align, style, ascii, buf);
    rows
}

/// The one-row band's words, the qualifier first and attached: "NEXT: ◀ LEFT LEG",
/// "SWITCH TO: RIGHT LEG ▶", "◀ BOTH LEGS ▶".
fn band_words(side: Side, label: &str, ascii: bool) -> String {
    let (left, right) = if ascii { ("<", ">") } else { ("◀", "▶") };
    let label = if label.is_empty() {
        String::new()
    } else {
        format!("{}: ", label.to_uppercase())
    };
    match side {
        Side::Left => format!(" {label}{left} LEFT LEG "),
        Side::Right => format!(" {label}RIGHT LEG {right} "),
        _ => format!(" {label}{left} BOTH LEGS {right} "),
    }
}

/// The qualifier and the leg in big letters together ("NEXT: ◀ LEFT"), the qualifier in
/// `label_style` and the leg in `style`, placed as the leg is; the rows used, or `None` when
/// they do not fit together in whole 4-row steps, or only smaller than the leg alone beside
/// a small qualifier would be: the leg is what must read from the mat.
fn render_big_with_label(
    (label, words): (&str, &str),
    align: Align,
    (label_style, style): (Style, Style),
    ascii: bool,
    area: Rect,
    buf: &mut Buffer,
) -> Option<u16> {
    let label = format!("{}:", label.to_uppercase());
    let whole = format!("{label} {words}");
    let max = area.height - area.height % 4;
    let rows = bigtext::rows_to_fit(&whole, area.width, max);
    let rows = rows - rows % 4;
    let alone = bigtext::rows_to_fit(words, area.width.saturating_sub(small_width(&label)), max);
    if rows < 4 || rows < alone - alone % 4 {
        return None;
    }
    let label_width = bigtext::width(&format!("{label} "), rows);
    let words_width = bigtext::width(words, rows);
    let total = (label_width + words_width).min(area.width);
    let x = match align {
        Align::Left => area.x,
        Align::Center => area.x + (area.width - total) / 2,
        Align::Right => area.right() - total,
    };
    let label_area = Rect {
        x,
        width: label_width.min(area.right().saturating_sub(x)),
        ..area
    };
    let words_area = Rect {
        x: x + label_width,
        width: words_width.min(area.right().saturating_sub(x + label_width)),
        ..area
    };
    bigtext::render(
        &label,
        rows,
        label_area,
        Align::Left,
        label_style,
        ascii,
        buf,
    );
    bigtext::render(words, rows, words_area, Align::Left, style, ascii, buf);
    Some(rows)
}

/// The columns the qualifier takes written small before the big leg, with its space.
fn small_width(word: &str) -> u16 {
    u16::try_from(word.chars().count()).unwrap_or(u16::MAX) + 1
}

pub struct LegBand<'a>(pub &'a ViewModel<'a>);

impl Widget for LegBand<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let Some((words, align)) = leg_words(vm.step.side, vm.ascii) else {
            return;
        };
        let style = theme.leg_side(vm.step.side);
        let label = label(vm.step.phase);
        if area.height < 4 {
            // One row: the whole width in the leg's colour, the words at the leg's side.
            let text = band_words(vm.step.side, label, vm.ascii);
            render_band(text, theme.leg_band(vm.step.side), align, area, buf);
            return;
        }
        if !label.is_empty()
            && render_big_with_label(
                (label, words),
                align,
                (theme.title(), style),
                vm.ascii,
                area,
                buf,
            )
            .is_some()
        {
            return;
        }
        if label.is_empty() {
            render_big(words, align, style, vm.ascii, area, buf);
            return;
        }
        // Too narrow for both big at the leg's full size: the qualifier small, on the leg's
        // first row and right before it ("NEXT:" then the big "◀ LEFT"), so it reads as one.
        let word = format!("{}:", label.to_uppercase());
        let len = small_width(&word);
        let max = area.height - area.height % 4;
        let fit = |words: &str| bigtext::rows_to_fit(words, area.width.saturating_sub(len), max);
        // Below 4 rows the letters stop reading as letters ("◀ LEFT" beside a figure at
        // 80x24 read "I.EFT"): the word without its arrow, at the side it names, reads better.
        let bare = bare_words(vm.step.side);
        let words = match bare {
            Some(bare) if fit(words) < 4 && fit(bare) > fit(words) => bare,
            _ => words,
        };
        let rows = fit(words).max(1);
        let big = bigtext::width(words, rows).min(area.width.saturating_sub(len));
        let x = match align {
            Align::Left => area.x,
            Align::Center => area.x + area.width.saturating_sub(big + len) / 2,
            Align::Right => area.right().saturating_sub(big + len),
        };
        let top = area.y + (area.height - rows.min(area.height)) / 2;
        buf.set_string(x, top, &word, theme.title());
        let words_area = Rect {
            x: x + len,
            width: big,
            ..area
        };
        bigtext::render(words, rows, words_area, Align::Left, style, vm.ascii, buf);
    }
}
