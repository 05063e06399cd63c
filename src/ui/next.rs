//! The session around the step: the header with progress, and what comes next.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Widget};

use super::now::leg_text;
use super::render_lines;
use super::theme::Theme;
use crate::app::{ViewModel, ratio};
use crate::session::{PlanStep, Side, clock_text};

/// "step 14 of 38 · 5:23 done · 6:32 to go"
pub fn progress_text(vm: &ViewModel<'_>) -> String {
    format!(
        "step {} of {} · {} done · {} to go",
        vm.index + 1,
        vm.plan.steps.len(),
        clock_text_floor(vm.session_elapsed),
        clock_text(vm.session_remaining)
    )
}

/// Elapsed time counts whole seconds up (the countdown rounds up, this rounds down).
fn clock_text_floor(d: std::time::Duration) -> String {
    clock_text(std::time::Duration::from_secs(d.as_secs()))
}

pub struct Header<'a>(pub &'a ViewModel<'a>);

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::new(vm.color);
        Line::from(vec![
            Span::styled(" supple ", theme.title()),
            Span::styled(vm.plan.title.clone(), theme.dim()),
        ])
        .render(area, buf);
        Line::raw(progress_text(vm))
            .right_aligned()
            .render(area, buf);
    }
}

/// A thin bar for the whole session.
pub struct SessionBar<'a>(pub &'a ViewModel<'a>);

impl Widget for SessionBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::new(vm.color);
        let total = vm.plan.total();
        let done = total.saturating_sub(vm.session_remaining);
        // Different symbols for done and to-do, so the bar reads without colour too.
        LineGauge::default()
            .ratio(ratio(done, total))
            .label("")
            .filled_symbol("━")
            .unfilled_symbol("─")
            .filled_style(theme.title())
            .unfilled_style(theme.dim())
            .render(area, buf);
    }
}

/// One step as a line: "0:20  hold        RIGHT LEG, rep 1 of 2".
pub fn step_line<'a>(
    vm: &ViewModel<'_>,
    step: &PlanStep,
    previous: &PlanStep,
    theme: Theme,
) -> Line<'a> {
    let mut parts: Vec<String> = Vec::new();
    // The exercise is named when it changes, and on every step with no leg to show, so a line
    // never reads as a bare "cardio".
    if step.exercise != previous.exercise || step.side == Side::None {
        parts.push(vm.plan.exercise_name(step.exercise).to_string());
    }
    let leg = leg_text(step.side);
    if !leg.is_empty() {
        parts.push(leg.to_string());
    }
    if step.reps > 1 && step.phase.is_work() {
        parts.push(format!("rep {} of {}", step.rep, step.reps));
    }
    Line::from(vec![
        Span::styled(format!("{:>5}  ", clock_text(step.duration)), theme.dim()),
        Span::styled(format!("{:<10} ", step.phase.label()), theme.dim()),
        Span::raw(parts.join(", ")),
    ])
}

pub struct NextPanel<'a>(pub &'a ViewModel<'a>);

impl Widget for NextPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::new(vm.color);
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
            .map(|pair| step_line(vm, pair[1], pair[0], theme))
            .collect();
        if lines.is_empty() {
            lines.push(Line::raw("The end: well done."));
        }
        render_lines(lines, inner, buf);
    }
}
