//! The note shown once, before the very first session: the aim, who should ask first, and when
//! to stop. It fits every size the session fits (40x12 up).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::help::centered;
use super::theme::Theme;
use crate::safety::{AIM, ASK_FIRST, STOP_RULE};

pub struct SafetyNote {
    pub color: bool,
    /// Plain ASCII borders, for a terminal whose locale is not UTF-8.
    pub ascii: bool,
}

impl SafetyNote {
    /// The note's lines; `airy` puts a blank line between its parts.
    fn text(&self, airy: bool) -> Text<'static> {
        let theme = Theme::new(self.color);
        let parts = [
            Line::styled("Before your first session", theme.focus()),
            Line::raw(AIM),
            Line::raw(ASK_FIRST),
            Line::styled(STOP_RULE, theme.caution()),
            Line::from(vec![
                Span::styled("any key", theme.key()),
                Span::raw(": start   "),
                Span::styled("q", theme.key()),
                Span::raw(": not now"),
            ]),
        ];
        let mut text = Text::default();
        for (i, line) in parts.into_iter().enumerate() {
            if airy && i > 0 {
                text.push_line(Line::raw(""));
            }
            text.push_line(line);
        }
        text
    }
}

impl Widget for SafetyNote {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // In a box with room around it where it fits; on a small screen, every row counts.
        let width = area.width.min(72);
        let boxed = Paragraph::new(self.text(true))
            .wrap(Wrap { trim: true })
            .block(
                Block::bordered()
                    .border_set(if self.ascii {
                        Theme::ascii().glyphs().border
                    } else {
                        Theme::new(self.color).glyphs().border
                    })
                    .title(" supple ")
                    .padding(Padding::symmetric(2, 1)),
            );
        // The count includes the block's borders and padding.
        let rows = u16::try_from(boxed.line_count(width)).unwrap_or(u16::MAX);
        if rows <= area.height {
            boxed.render(centered(area, width, rows), buf);
        } else {
            Paragraph::new(self.text(false))
                .wrap(Wrap { trim: true })
                .render(area, buf);
        }
    }
}
