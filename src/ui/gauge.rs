//! The countdown: seconds left in big digits, and a gauge that empties over the step.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::bigtext::{self, Align};
use super::theme::Theme;
use crate::app::ViewModel;
use crate::safety;
use crate::session::{Phase, clock_text};

/// Seconds left as shown: whole seconds, rounded up (a countdown never shows 0 early).
pub fn seconds_text(vm: &ViewModel<'_>) -> String {
    let secs = vm.remaining.as_secs() + u64::from(vm.remaining.subsec_nanos() > 0);
    secs.to_string()
}

/// The seconds left, as large as the area allows.
pub struct Digits<'a>(pub &'a ViewModel<'a>);

impl Widget for Digits<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let text = seconds_text(vm);
        let style = theme.digits(vm.step.phase, vm.final_seconds, vm.paused);
        // A column of margin on each side, and the whole height.
        let inner = area.inner(Margin::new(1, 0));
        let rows = bigtext::rows_to_fit(&text, inner.width, inner.height);
        if rows >= 2 {
            bigtext::render(&text, rows, inner, Align::Center, style, vm.ascii, buf);
        } else {
            Line::styled(format!("{text} s"), style)
                .centered()
                .render(inner, buf);
        }
    }
}

/// While the clock stands still, beside the digits (which stay, dimmed, with the seconds
/// left): PAUSED, how to go on, and during a hold the stop rule (which never leaves the screen
/// of a hold), during a switch how to change legs. PAUSED is in big letters here where they fit, else in the leg's place below
/// ([`PausedWord`]), else a band.
pub struct Paused<'a> {
    pub vm: &'a ViewModel<'a>,
    /// Whether PAUSED is written big elsewhere (the leg's place), so this says it small.
    pub word_elsewhere: bool,
}

impl Widget for Paused<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.vm;
        let theme = Theme::of(vm);
        Clear.render(area, buf);
        // At the bottom: during a hold the stop rule; during a switch how to change legs,
        // which a pause is often for.
        let line = if super::cues::stop_rule_essential(vm) {
            Some(Line::from(vec![
                Span::styled("! ", theme.caution()),
                Span::styled(safety::CAUTION, theme.caution()),
            ]))
        } else if vm.step.phase == Phase::SwitchLeg {
            super::cues::guidance(vm)
                .into_iter()
                .find(|guide| guide.rank == 0)
                .map(|guide| Line::styled(guide.text, theme.key_cue()))
        } else {
            None
        };
        let caution = line.map(|line| {
            let text = Paragraph::new(line).wrap(Wrap { trim: true });
            let rows = u16::try_from(text.line_count(area.width)).unwrap_or(u16::MAX);
            (text, rows)
        });
        let caution_rows = caution.as_ref().map_or(0, |(_, rows)| *rows);
        let above = Rect {
            height: area.height.saturating_sub(caution_rows + 1),
            ..area
        };
        let rows = bigtext::rows_to_fit("PAUSED", above.width, above.height);
        let mut hint_at = above.y + above.height / 2;
        if rows >= 4 && !self.word_elsewhere {
            bigtext::render(
                "PAUSED",
                rows,
                above,
                Align::Center,
                theme.paused_big(),
                vm.ascii,
                buf,
            );
            hint_at = above.y + (above.height + rows) / 2;
        } else {
            let row = Rect {
                y: hint_at.saturating_sub(1).max(area.y),
                height: 1,
                ..area
            };
            buf.set_style(row, theme.paused());
            Line::styled(" PAUSED ", theme.paused())
                .centered()
                .render(row, buf);
        }
        let hint = Rect {
            y: hint_at.min(area.bottom().saturating_sub(caution_rows + 1)),
            height: 1,
            ..area
        };
        Line::from(vec![
            Span::styled("space", theme.key()),
            Span::raw(" goes on; the clock waits"),
        ])
        .centered()
        .render(hint, buf);
        if let Some((text, rows)) = caution {
            let at = Rect {
                y: area.bottom().saturating_sub(rows),
                height: rows.min(area.height),
                ..area
            };
            text.render(at, buf);
        }
    }
}

/// PAUSED in big letters across the leg's place, where the column beside the digits is too
/// narrow for them (the header still names the leg). Whether it was drawn.
pub struct PausedWord<'a>(pub &'a ViewModel<'a>);

impl PausedWord<'_> {
    /// Whether PAUSED reads in big letters in `area` (4 rows at least).
    pub fn fits(area: Rect) -> bool {
        bigtext::rows_to_fit("PAUSED", area.width, area.height) >= 4
    }
}

impl Widget for PausedWord<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        Clear.render(area, buf);
        let rows = bigtext::rows_to_fit("PAUSED", area.width, area.height);
        bigtext::render(
            "PAUSED",
            rows,
            area,
            Align::Center,
            theme.paused_big(),
            vm.ascii,
            buf,
        );
    }
}

/// The label inside the gauge: what the time means right now.
pub fn gauge_label(vm: &ViewModel<'_>) -> String {
    if vm.paused {
        format!(
            "PAUSED {} {} left - space goes on",
            Theme::of(vm).glyphs().dot,
            clock_text(vm.remaining)
        )
    } else if vm.final_seconds {
        format!(">>> {} <<<", seconds_text(vm))
    } else {
        format!("{} left", clock_text(vm.remaining))
    }
}

pub struct HoldGauge<'a>(pub &'a ViewModel<'a>);

impl Widget for HoldGauge<'_> {
    /// A bar that empties over the step on a dim track that shows its full length (with or
    /// without colour), and what the time means in its middle. Drawn here rather than with
    /// ratatui's Gauge, which always fills with a block character that a terminal without
    /// UTF-8 shows as garbage. It moves with the seconds shown (see `App::view`).
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let glyphs = theme.glyphs();
        let style = theme.gauge(vm.step.phase, vm.final_seconds, vm.paused);
        let filled = (vm.ratio.clamp(0.0, 1.0) * f64::from(area.width)).round() as u16;
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let (symbol, style) = if x < area.left() + filled {
                    (glyphs.gauge, style)
                } else {
                    (glyphs.track, theme.dim())
                };
                buf[(x, y)].set_symbol(symbol).set_style(style);
            }
        }
        // The words over the bar's middle cells only (a Line would restyle the whole row).
        let label = format!(" {} ", gauge_label(vm));
        let width = u16::try_from(label.chars().count())
            .unwrap_or(u16::MAX)
            .min(area.width);
        let x = area.x + (area.width - width) / 2;
        buf.set_stringn(
            x,
            area.y + area.height / 2,
            &label,
            usize::from(width),
            theme.gauge_label(vm.final_seconds, vm.paused),
        );
    }
}
