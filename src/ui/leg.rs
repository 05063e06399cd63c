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

fn band_words(side: Side, label: &str, ascii: bool) -> String {
    let (left, right) = if ascii { ("<", ">") } else { ("◀", "▶") };
    let label = label.to_uppercase();
    match side {
        Side::Left => format!(
            " {left} {label}{}LEFT LEG ",
            if label.is_empty() { "" } else { " " }
        ),
        Side::Right => format!(
            " {label}{}RIGHT LEG {right} ",
            if label.is_empty() { "" } else { " " }
        ),
        _ => format!(
            " {left} {label}{}BOTH LEGS {right} ",
            if label.is_empty() { "" } else { " " }
        ),
    }
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
        let rows = render_big(words, align, style, vm.ascii, area, buf);
        if !label.is_empty() {
            // The small word beside the big one, on its first row: after it, or before it when
            // it stands at the right edge.
            let top = area.y + (area.height - rows.min(area.height)) / 2;
            let big = bigtext::width(words, rows).min(area.width);
            let word = label.to_uppercase();
            let len = u16::try_from(word.len()).unwrap_or(u16::MAX);
            let x = match align {
                Align::Left => area.x + big + 2,
                Align::Center => area.x + (area.width - big) / 2 + big + 2,
                Align::Right => (area.right() - big).saturating_sub(len + 2),
            };
            if x >= area.x && x + len <= area.right() {
                buf.set_string(x, top, word, theme.title());
            }
        }
    }
}
