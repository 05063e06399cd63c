//! With no session yet: how to start, what will show here, and any tests taken already.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::HistoryView;
use super::flexibility::Form;
use crate::history::dose::DOSE_RULE;

impl HistoryView<'_> {
    /// With no session yet: how to start, and under it the tests taken before any session,
    /// as rows allow.
    pub(super) fn render_nothing_yet(&self, words: String, area: Rect, buf: &mut Buffer) {
        let room = area.height.saturating_sub(4);
        let form = [Form::Full, Form::Compact, Form::Line]
            .into_iter()
            .map(|form| (form, self.flexibility_rows(form, area.width)))
            .find(|(_, rows)| *rows < room)
            .filter(|_| !self.tests.is_empty());
        let Some((form, rows)) = form else {
            self.render_empty(words, area, buf);
            return;
        };
        let [top, _, bottom] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(rows),
        ])
        .areas(area);
        self.render_empty(words, top, buf);
        self.render_flexibility(form, bottom, buf);
    }

    /// With nothing to show yet: how to start, and what will show here.
    fn render_empty(&self, words: String, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let none_yet = self.overview.short == 0;
        let text = vec![
            Line::styled(
                if none_yet {
                    "No sessions yet.".to_string()
                } else {
                    words
                },
                theme.title(),
            ),
            Line::default(),
            Line::from(vec![
                Span::raw("Type "),
                Span::styled("supple", theme.key()),
                Span::raw(
                    " to start a session: it guides you through a warm-up, then timed \
                     holds for each leg.",
                ),
            ]),
            Line::default(),
            Line::raw(format!(
                "Then this screen shows each day you stretched on a calendar, and each week's \
                 seconds per leg against the weekly dose: {DOSE_RULE}."
            )),
        ];
        let inner = area.inner(ratatui::layout::Margin::new(2, 0));
        let fits = |text: Vec<Line<'static>>| {
            let paragraph = Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center);
            let height = u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX);
            (paragraph, height)
        };
        // On a small screen, how to start is enough.
        let (mut paragraph, mut height) = fits(text.clone());
        if height > inner.height {
            (paragraph, height) = fits(text.into_iter().take(3).collect());
        }
        let y = inner.y + inner.height.saturating_sub(height) / 2;
        paragraph.render(
            Rect {
                y,
                height: height.min(inner.height),
                ..inner
            },
            buf,
        );
    }
}
