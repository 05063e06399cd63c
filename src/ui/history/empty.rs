//! With no session yet: how to start, and what will show here.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::HistoryView;
use crate::history::dose::DOSE_RULE;

impl HistoryView<'_> {
    /// With nothing to show yet: how to start, and what will show here.
    pub(super) fn render_empty(&self, words: String, area: Rect, buf: &mut Buffer) {
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
