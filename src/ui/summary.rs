//! The end of a session: per exercise and leg, repetitions done and skipped and seconds held;
//! totals per leg and their balance; the time it took.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, Widget};

use super::render_lines;
use super::theme::Theme;
use crate::app::ViewModel;
use crate::history::LegSeconds;
use crate::session::{LegCount, Side, TARGET_PER_LEG, clock_text, whole_seconds};

/// Differences in held time below this are not worth mentioning.
const BALANCE_TOLERANCE_SECS: u64 = 5;

/// "Legs balanced" or which leg got less, and by how much.
pub fn balance_text(left_secs: u64, right_secs: u64) -> String {
    let diff = left_secs.abs_diff(right_secs);
    if diff <= BALANCE_TOLERANCE_SECS {
        "Legs balanced".into()
    } else if left_secs < right_secs {
        format!("Left leg held {diff} s less than the right")
    } else {
        format!("Right leg held {diff} s less than the left")
    }
}

pub fn title_text(vm: &ViewModel<'_>) -> &'static str {
    match vm.finished {
        Some(true) => "Session ended early: here is what you did",
        _ => "Session complete: well done",
    }
}

pub struct Summary<'a>(pub &'a ViewModel<'a>);

impl Widget for Summary<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::new(vm.color);
        let block = theme
            .panel(Line::styled(format!(" {} ", title_text(vm)), theme.title()))
            .title_bottom(" press any key to close ");
        let inner = block.inner(area);
        block.render(area, buf);

        let held = LegSeconds::from(vm.tally.held_per_leg());
        let (left, right) = vm.tally.hold_reps_per_leg();
        let target = TARGET_PER_LEG.as_secs();
        let narrow = inner.width < 60;
        let leg_line = |name: &str, count: LegCount, secs: u64| {
            let mark = if secs >= target { " ✓" } else { "" };
            let (reps, goal) = if narrow {
                (
                    format!("{}/{} holds  ", count.done, count.planned),
                    String::new(),
                )
            } else {
                (
                    format!(
                        "{}/{} holds, {} skipped   ",
                        count.done, count.planned, count.skipped
                    ),
                    format!(" (target {target} s)"),
                )
            };
            Line::from(vec![
                Span::styled(format!("{name:<10}"), theme.title()),
                Span::raw(reps),
                Span::styled(format!("{secs} s held"), theme.title()),
                Span::raw(format!("{goal}{mark}")),
            ])
        };
        let paused = if vm.paused_total.as_secs() > 0 {
            format!(" (+{} paused)", clock_text(vm.paused_total))
        } else {
            String::new()
        };
        let mut head = vec![
            Line::from(vec![
                Span::styled(format!("{:<10}", "Time"), theme.title()),
                Span::raw(format!(
                    "{} stretching{paused}",
                    clock_text(vm.session_elapsed)
                )),
            ]),
            leg_line("Left leg", left, held.left),
            leg_line("Right leg", right, held.right),
            Line::from(vec![
                Span::styled(format!("{:<10}", "Balance"), theme.title()),
                Span::raw(balance_text(held.left, held.right)),
            ]),
        ];
        if let Some(last) = &vm.last_time {
            head.push(Line::from(vec![
                Span::styled(format!("{:<10}", "Last time"), theme.title()),
                Span::raw(last.compare(held)),
            ]));
        }
        let [head_area, _, table_area] = Layout::vertical([
            Constraint::Length(head.len() as u16),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        render_lines(head, head_area, buf);

        let rows = vm.tally.rows.iter().map(|row| {
            let name = vm.plan.exercise_name(row.exercise);
            let leg = match (row.side, narrow) {
                (Side::None, _) | (_, true) => row.side.short(),
                (side, false) => side.label(),
            };
            let mut cells = vec![
                Cell::from(name.to_string()),
                Cell::from(leg),
                Cell::from(format!("{}/{}", row.done, row.planned)),
            ];
            if !narrow {
                cells.push(Cell::from(row.skipped.to_string()));
            }
            cells.push(Cell::from(format!("{} s", whole_seconds(row.held))));
            Row::new(cells)
        });
        let (widths, header): (Vec<Constraint>, Vec<&str>) = if narrow {
            (
                vec![
                    Constraint::Fill(1),
                    Constraint::Length(4),
                    Constraint::Length(5),
                    Constraint::Length(6),
                ],
                vec!["Exercise", "Leg", "Done", "Held"],
            )
        } else {
            (
                vec![
                    Constraint::Fill(1),
                    Constraint::Length(10),
                    Constraint::Length(5),
                    Constraint::Length(8),
                    Constraint::Length(7),
                ],
                vec!["Exercise", "Leg", "Done", "Skipped", "Held"],
            )
        };
        Table::new(rows, widths)
            .header(Row::new(header).style(theme.dim()))
            .render(table_area, buf);
    }
}
