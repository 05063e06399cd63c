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

/// "rep 2 of 3" for a step of an exercise with more than one repetition.
pub fn rep_text(vm: &ViewModel<'_>) -> String {
    if vm.step.reps > 1 {
        format!("rep {} of {}", vm.step.rep, vm.step.reps)
    } else {
        String::new()
    }
}

impl Widget for NowPanel<'_> {
    /// One row: the phase badge, PAUSED while paused, then what it is about, in the order a
    /// person needs it: "next" once before a step to come, the leg in words, the exercise,
    /// the repetition ("HOLD  LEFT LEG · Anchor stretch · rep 1 of 2", "REST  next: LEFT LEG
    /// · Anchor stretch · rep 2 of 2"). Where the row is short, the repetition goes first,
    /// then the long name for the short one; the leg stays.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let dot = theme.glyphs().dot;
        let mut spans = vec![badge(vm, theme), Span::raw(" ")];
        if vm.paused {
            spans.push(Span::styled(" PAUSED ", theme.paused()));
            spans.push(Span::raw(" "));
        }
        let next = match vm.step.phase {
            Phase::GetReady | Phase::Rest => "next: ",
            Phase::SwitchLeg => "to ",
            _ => "",
        };
        let leg = leg_text(vm.step.side);
        let rep = rep_text(vm);
        let used: usize = spans.iter().map(|s| s.width()).sum();
        let room = usize::from(area.width).saturating_sub(used);
        let fits = |parts: &[&str]| {
            let text: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
            next.chars().count() + text.join(&format!(" {dot} ")).chars().count() <= room
        };
        let short = short_name(&vm.exercise.name);
        let choice = [
            [leg, vm.exercise.name.as_str(), rep.as_str()],
            [leg, &short, rep.as_str()],
            [leg, vm.exercise.name.as_str(), ""],
            [leg, &short, ""],
        ]
        .into_iter()
        .find(|parts| fits(parts))
        .unwrap_or([leg, "", ""]);
        spans.push(Span::raw(next));
        let mut first = true;
        for (i, part) in choice.iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            if !first {
                spans.push(Span::styled(format!(" {dot} "), theme.dim()));
            }
            first = false;
            let style = match i {
                0 => theme.leg_side(vm.step.side),
                1 => theme.title(),
                _ => theme.dim(),
            };
            spans.push(Span::styled(part.to_string(), style));
        }
        Line::from(spans).render(area, buf);
    }
}
