//! What to do now: the phase badge, the exercise, the leg and the repetition.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::next::short_name;
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
        // The full name where it fits, else the short one, and the repetition only with room.
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let room = usize::from(area.width).saturating_sub(used);
        let prefix = match vm.step.phase {
            Phase::GetReady | Phase::Rest => "Next: ",
            _ => "",
        };
        let full = format!("{prefix}{}", vm.exercise.name);
        let name = if full.chars().count() <= room {
            full
        } else {
            format!("{prefix}{}", short_name(&vm.exercise.name))
        };
        let rep = rep_text(vm);
        let rep_shown = format!("  {}  {rep}", theme.glyphs().dot);
        let fits = name.chars().count() + rep_shown.chars().count() <= room;
        spans.push(Span::styled(name, theme.title()));
        if !rep.is_empty() && fits {
            spans.push(Span::raw(rep_shown));
        }
        Line::from(spans).render(area, buf);
    }
}
