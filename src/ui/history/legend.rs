//! The calendar's key: in one line under it, or a line per row beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Columns, HistoryView, TODAY_MARK};
use crate::ui::render_lines;

impl HistoryView<'_> {
    /// The calendar's key in one line.
    pub(super) fn legend_line(&self, width: u16) -> Line<'static> {
        let theme = self.theme();
        let c = self.cells();
        let full = Span::styled(c.full, theme.done());
        let some = Span::styled(c.some, self.some_style());
        let none = Span::styled(c.none, theme.dim());
        Self::fit(
            vec![
                Line::from(vec![
                    full.clone(),
                    Span::raw(" 60 s or more on each leg  "),
                    some.clone(),
                    Span::raw(" less  "),
                    none.clone(),
                    Span::raw(" none   "),
                    Span::styled("A rest day between sessions keeps a streak.", theme.dim()),
                ]),
                Line::from(vec![
                    full.clone(),
                    Span::raw(" 60 s+ each leg  "),
                    some.clone(),
                    Span::raw(" less  "),
                    none.clone(),
                    Span::raw(" none  "),
                    Span::styled("(a rest day keeps a streak)", theme.dim()),
                ]),
                Line::from(vec![
                    full,
                    Span::raw(" 60 s+ each leg "),
                    some,
                    Span::raw(" less "),
                    none,
                    Span::raw(" none"),
                ]),
            ],
            width,
        )
    }

    /// The calendar's key beside it, a line per row.
    fn legend_lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme();
        let c = self.cells();
        vec![
            Line::from(vec![
                Span::styled(c.full, theme.done()),
                Span::raw(" 60 s or more on each leg"),
            ]),
            Line::from(vec![
                Span::styled(c.some, self.some_style()),
                Span::raw(" some, less than that"),
            ]),
            Line::from(vec![
                Span::styled(c.none, theme.dim()),
                Span::raw(" no session"),
            ]),
            Line::default(),
            Line::styled("Streak: one rest day between", theme.dim()),
            Line::styled("two sessions keeps it going;", theme.dim()),
            Line::styled("two days without one end it.", theme.dim()),
        ]
    }

    /// The key beside the calendar's `days`, right of "◀ today".
    pub(super) fn render_side_legend(&self, columns: &Columns, days: Rect, buf: &mut Buffer) {
        let x = columns.x + columns.span() + TODAY_MARK + 2;
        let legend = Rect {
            x,
            width: days.right().saturating_sub(x),
            ..days
        };
        render_lines(self.legend_lines(), legend, buf);
    }
}
