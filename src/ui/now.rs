//! What to do now: the phase badge, the exercise, the leg and the repetition.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::ViewModel;
use crate::session::{Phase, Side};

pub struct NowPanel<'a>(pub &'a ViewModel<'a>);

/// "LEFT LEG", "RIGHT LEG", "BOTH LEGS", or nothing for whole-body work.
pub fn leg_text(side: Side) -> &'static str {
    match side {
        Side::None => "",
        Side::Left => "LEFT LEG",
        Side::Right => "RIGHT LEG",
        Side::Both => "BOTH LEGS",
    }
}

/// " HOLD " and friends.
pub fn badge<'a>(vm: &ViewModel<'_>, theme: Theme) -> Span<'a> {
    Span::styled(
        format!(" {} ", vm.step.phase.label().to_uppercase()),
        theme.badge(vm.step.phase),
    )
}

/// "rep 2 of 3" for work with more than one repetition; what the side is for otherwise.
pub fn rep_text(vm: &ViewModel<'_>) -> String {
    if vm.step.reps > 1 {
        let prefix = if vm.step.phase.is_work() {
            ""
        } else {
            "next: "
        };
        format!("{prefix}rep {} of {}", vm.step.rep, vm.step.reps)
    } else {
        String::new()
    }
}

impl Widget for NowPanel<'_> {
    /// One row: the phase badge, PAUSED while paused, the exercise (what comes next during a
    /// rest) and the repetition.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let mut spans = vec![badge(vm, theme), Span::raw(" ")];
        if vm.paused {
            spans.push(Span::styled(" PAUSED ", theme.paused()));
            spans.push(Span::raw(" "));
        }
        let name = match vm.step.phase {
            Phase::GetReady | Phase::Rest => format!("Next: {}", vm.exercise.name),
            _ => vm.exercise.name.clone(),
        };
        spans.push(Span::styled(name, theme.title()));
        let rep = rep_text(vm);
        if !rep.is_empty() {
            spans.push(Span::raw(format!("  {}  {rep}", theme.glyphs().dot)));
        }
        Line::from(spans).render(area, buf);
    }
}
