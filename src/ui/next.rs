//! The session around the step: the header with progress, and what comes next.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Widget};

use super::theme::Theme;
use super::{cut_wide, render_lines};
use crate::app::{ViewModel, ratio};
use crate::session::{Phase, PlanStep, clock_text};

/// "step 14 of 38 · 6:32 to go": the time to go moves with the step's seconds, so the header
/// changes in the same wake as the digits (the time done is in the summary).
pub fn progress_text(vm: &ViewModel<'_>) -> String {
    let dot = Theme::of(vm).glyphs().dot;
    format!(
        "step {} of {} {dot} {} to go",
        vm.index + 1,
        vm.plan.steps.len(),
        clock_text(vm.session_remaining)
    )
}

pub struct Header<'a>(pub &'a ViewModel<'a>);

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        // The title gives way to where the session is, a space before it: a long title (60
        // characters, or 60 wide ones) is cut with an ellipsis.
        let progress = progress_text(vm);
        let room = usize::from(area.width).saturating_sub(Span::raw(progress.as_str()).width() + 1);
        let left = Rect {
            width: u16::try_from(room).unwrap_or(area.width).min(area.width),
            ..area
        };
        let title = cut_wide(
            &vm.plan.title,
            room.saturating_sub(" supple ".len()),
            theme.glyphs().more,
        );
        Line::from(vec![
            Span::styled(" supple ", theme.title()),
            Span::styled(title, theme.dim()),
        ])
        .render(left, buf);
        Line::raw(progress).right_aligned().render(area, buf);
    }
}

/// A thin bar for the whole session.
pub struct SessionBar<'a>(pub &'a ViewModel<'a>);

impl Widget for SessionBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let total = vm.plan.total();
        let done = total.saturating_sub(vm.session_remaining);
        // Different symbols for done and to-do, so the bar reads without colour too.
        LineGauge::default()
            .ratio(ratio(done, total))
            .label("")
            .filled_symbol(theme.glyphs().bar_done)
            .unfilled_symbol(theme.glyphs().bar_to_do)
            .filled_style(theme.title())
            .unfilled_style(theme.dim())
            .render(area, buf);
    }
}

/// An exercise's name without the word every one of them shares here: "Hamstring anchor
/// stretch" is "Anchor stretch", "Seated hamstring stretch" is "Seated stretch".
pub fn short_name(name: &str) -> String {
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| !w.eq_ignore_ascii_case("hamstring"))
        .collect();
    let short = words.join(" ");
    let mut chars = short.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_string(),
    }
}

/// What a step is, as words: "Anchor stretch · right leg · rep 2 of 2", "Rest", "Switch to
/// the right leg". Never a bare leg.
fn step_words(vm: &ViewModel<'_>, step: &PlanStep, previous: &PlanStep) -> (String, String) {
    let dot = Theme::of(vm).glyphs().dot;
    let name = short_name(vm.plan.exercise_name(step.exercise));
    let leg = step.side.label();
    match step.phase {
        Phase::Hold | Phase::Cardio | Phase::Dynamic => {
            let mut text = name;
            if !leg.is_empty() {
                text.push_str(&format!(" {dot} {leg}"));
            }
            let rep = if step.reps > 1 {
                format!(" {dot} rep {} of {}", step.rep, step.reps)
            } else {
                String::new()
            };
            (text, rep)
        }
        Phase::SwitchLeg => (format!("Switch to the {leg}"), String::new()),
        Phase::Rest if step.exercise == previous.exercise => ("Rest".into(), String::new()),
        Phase::Rest => (format!("Get into position: {name}"), String::new()),
        Phase::GetReady => ("Get ready".into(), String::new()),
    }
}

/// One step as a sentence that fits `width`: "Anchor stretch · right leg · rep 1 of 2   0:20".
/// When narrow, the repetition goes first, then the name is cut.
pub fn step_line<'a>(
    vm: &ViewModel<'_>,
    step: &PlanStep,
    previous: &PlanStep,
    width: u16,
    theme: Theme,
) -> Line<'a> {
    let time = clock_text(step.duration);
    let (text, rep) = step_words(vm, step, previous);
    let room = usize::from(width).saturating_sub(time.chars().count() + 3);
    let full = format!("{text}{rep}");
    let text = if full.chars().count() <= room {
        full
    } else if text.chars().count() <= room {
        text
    } else {
        let cut: String = text.chars().take(room.saturating_sub(1)).collect();
        format!("{cut}{}", theme.glyphs().more)
    };
    let style = if step.phase.is_work() {
        Style::new()
    } else {
        theme.dim()
    };
    let gap = usize::from(width).saturating_sub(text.chars().count() + time.chars().count() + 2);
    Line::from(vec![
        Span::raw(" "),
        Span::styled(text, style),
        Span::raw(" ".repeat(gap)),
        Span::styled(time, theme.dim()),
    ])
}

pub struct NextPanel<'a>(pub &'a ViewModel<'a>);

impl Widget for NextPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let block = theme.panel(" Up next ");
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height);
        let window = vm
            .plan
            .steps
            .iter()
            .skip(vm.index)
            .take(rows + 1)
            .collect::<Vec<_>>();
        let mut lines: Vec<Line> = window
            .windows(2)
            .map(|pair| step_line(vm, pair[1], pair[0], inner.width, theme))
            .collect();
        if lines.is_empty() {
            lines.push(Line::raw("The end: well done."));
        }
        render_lines(lines, inner, buf);
    }
}
