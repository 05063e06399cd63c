//! The per-leg tracker: repetitions done out of planned for each sided exercise, and seconds
//! held per leg against the 60 s target.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::next::short_name;
use super::render_lines;
use super::theme::Theme;
use crate::app::ViewModel;
use crate::session::{Side, TARGET_PER_LEG, TallyRow};

pub struct LegsPanel<'a>(pub &'a ViewModel<'a>);

/// ●●○ for two done of three; × for a skipped one.
pub fn dots<'a>(row: &TallyRow, theme: Theme) -> Vec<Span<'a>> {
    let pending = row.planned.saturating_sub(row.done + row.skipped);
    vec![
        Span::styled(theme.glyphs().done.repeat(row.done as usize), theme.done()),
        Span::styled(
            theme.glyphs().skipped.repeat(row.skipped as usize),
            theme.skipped(),
        ),
        Span::styled(theme.glyphs().to_do.repeat(pending as usize), theme.dim()),
    ]
}

/// Which of `len` rows to show in `room` rows when the list may need a row of its own to say
/// what it left out: all that fit; else the current one, the one before it and those after.
pub fn window(len: usize, current: Option<usize>, room: usize) -> std::ops::Range<usize> {
    if len <= room {
        return 0..len;
    }
    // One row goes to "+ 2 more below".
    let rows = room.saturating_sub(1).max(1);
    let start = current
        .unwrap_or(0)
        .saturating_sub(1)
        .min(len.saturating_sub(rows));
    start..(start + rows).min(len)
}

fn truncate(text: &str, width: usize, more: &str) -> String {
    if text.chars().count() <= width {
        format!("{text:<width$}")
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}{more}")
    }
}

impl Widget for LegsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let block = theme.panel(" Legs ");
        let inner = block.inner(area);
        block.render(area, buf);

        let name_width = usize::from(inner.width.saturating_sub(18)).clamp(6, 32);
        let mut lines = Vec::new();
        let sided: Vec<&TallyRow> = vm
            .tally
            .rows
            .iter()
            .filter(|r| r.side != Side::None)
            .collect();
        let mut seen = Vec::new();
        let mut current = None;
        for row in &sided {
            if seen.contains(&row.exercise) {
                continue;
            }
            seen.push(row.exercise);
            let name = short_name(vm.plan.exercise_name(row.exercise));
            let is_current = row.exercise == vm.step.exercise;
            if is_current {
                current = Some(lines.len());
            }
            let name_style = if is_current {
                theme.title()
            } else {
                theme.dim()
            };
            let mut spans = vec![
                Span::styled(truncate(&name, name_width, theme.glyphs().more), name_style),
                Span::raw(" "),
            ];
            for side_row in sided.iter().filter(|r| r.exercise == row.exercise) {
                let label = match side_row.side {
                    Side::None => Side::Both,
                    side => side,
                };
                spans.push(Span::raw(label.short()));
                spans.push(Span::raw(" "));
                spans.extend(dots(side_row, theme));
                spans.push(Span::raw("  "));
            }
            lines.push(Line::from(spans));
        }
        let (held_left, held_right) = vm.tally.held_seconds_per_leg();
        let target = TARGET_PER_LEG.as_secs();
        let leg = |label: &str, secs: u64| {
            let style = if secs >= target {
                theme.done()
            } else {
                theme.title()
            };
            let mark = if secs >= target {
                theme.glyphs().reached
            } else {
                ""
            };
            vec![
                Span::raw(format!("{label} ")),
                Span::styled(format!("{secs}/{target} s{mark}"), style),
                Span::raw("   "),
            ]
        };
        let mut total = vec![Span::styled("Held  ", theme.dim())];
        total.extend(leg("L", held_left));
        total.extend(leg("R", held_right));
        // The held line always shows. When the list must be cut, it shows the exercise under
        // way with its neighbours (the one before and those after), and says how many more
        // there are above and below.
        let room = usize::from(inner.height).saturating_sub(1);
        let shown = window(lines.len(), current, room);
        let (above, below) = (shown.start, lines.len() - shown.end);
        let mut lines: Vec<Line> = lines
            .into_iter()
            .skip(shown.start)
            .take(shown.end - shown.start)
            .collect();
        if above + below > 0 {
            let mut parts = Vec::new();
            if above > 0 {
                parts.push(format!("{above} done above"));
            }
            if below > 0 {
                parts.push(format!("{below} more below"));
            }
            let more = Line::styled(format!("+ {}", parts.join(", ")), theme.dim());
            // The note takes the last row of the list.
            if lines.len() >= room && !lines.is_empty() {
                lines.pop();
            }
            lines.push(more);
        }
        lines.push(Line::from(total));
        render_lines(lines, inner, buf);
    }
}
