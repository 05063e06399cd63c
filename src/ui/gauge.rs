//! The countdown: seconds left in big digits, and a gauge that empties over the step.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Widget};
use tui_big_text::{BigText, PixelSize};

use super::now::leg_text;
use super::theme::Theme;
use crate::app::ViewModel;
use crate::session::{Phase, clock_text};

/// Seconds left as shown: plain seconds under 100, m:ss above.
pub fn seconds_text(vm: &ViewModel<'_>) -> String {
    let secs = vm.remaining.as_secs() + u64::from(vm.remaining.subsec_nanos() > 0);
    if secs < 100 {
        secs.to_string()
    } else {
        clock_text(vm.remaining)
    }
}

pub struct Digits<'a>(pub &'a ViewModel<'a>);

impl Widget for Digits<'_> {
    /// The digits on top; below them the leg, as big as the room allows.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::new(vm.color);
        let leg = leg_text(vm.step.side);
        if leg.is_empty() || area.height < 5 {
            render_digits(vm, area, buf);
            return;
        }
        let leg = match vm.step.phase {
            Phase::Hold | Phase::Cardio | Phase::Dynamic => leg.to_string(),
            Phase::SwitchLeg => format!("TO {leg}"),
            Phase::GetReady | Phase::Rest => format!("NEXT: {leg}"),
        };
        let big_leg = area.height >= 8 + 5 && area.width >= 4 * leg.chars().count() as u16;
        let leg_rows = if big_leg { 4 } else { 1 };
        let [digits_area, _, leg_area] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(u16::from(area.height > 8 + leg_rows)),
            Constraint::Length(leg_rows),
        ])
        .areas(area);
        render_digits(vm, digits_area, buf);
        if big_leg {
            BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(theme.leg())
                .lines(vec![Line::from(leg)])
                .alignment(Alignment::Center)
                .build()
                .render(leg_area, buf);
        } else {
            Line::styled(format!(" {leg} "), theme.badge(vm.step.phase))
                .centered()
                .render(leg_area, buf);
        }
    }
}

fn render_digits(vm: &ViewModel<'_>, area: Rect, buf: &mut Buffer) {
    let theme = Theme::new(vm.color);
    let text = seconds_text(vm);
    let style = theme.digits(vm.step.phase, vm.final_seconds, vm.paused);
    let chars = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    // The biggest size that fits: 8x8 cells a digit, then 8x4, then 4x4, then plain text.
    let size = [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, w, h)| area.width >= w * chars && area.height >= *h);
    match size {
        Some((pixel_size, _, h)) => {
            let top = area.y + (area.height - h) / 2;
            let inner = Rect {
                y: top,
                height: h,
                ..area
            };
            BigText::builder()
                .pixel_size(pixel_size)
                .style(style)
                .lines(vec![Line::from(text)])
                .alignment(Alignment::Center)
                .build()
                .render(inner, buf);
        }
        None => {
            Line::styled(format!("{text} s"), style)
                .centered()
                .render(area, buf);
        }
    }
}

/// The label inside the gauge: what the time means right now.
pub fn gauge_label(vm: &ViewModel<'_>) -> String {
    if vm.paused {
        "PAUSED - press space to go on".into()
    } else if vm.final_seconds {
        format!(">>> {} <<<", seconds_text(vm))
    } else {
        format!("{} left", clock_text(vm.remaining))
    }
}

pub struct HoldGauge<'a>(pub &'a ViewModel<'a>);

impl Widget for HoldGauge<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::new(vm.color);
        // A dim track under the gauge shows its full length, with or without colour.
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                buf[(x, y)].set_symbol("░").set_style(theme.dim());
            }
        }
        Gauge::default()
            .ratio(vm.ratio.clamp(0.0, 1.0))
            .label(gauge_label(vm))
            .use_unicode(false)
            .gauge_style(theme.gauge(vm.step.phase, vm.final_seconds, vm.paused))
            .render(area, buf);
    }
}
