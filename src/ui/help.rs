//! The overlays: the help with every key, and the question before quitting.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::ViewModel;

/// Every key, as the help overlay and the README list them.
pub const KEYS: &[(&str, &str)] = &[
    ("space", "pause / resume"),
    ("→  n", "skip to the next step"),
    (
        "←  p",
        "back: restart this step, or the previous one near its start",
    ),
    ("r", "restart this step"),
    ("m", "mute / unmute"),
    ("+  -", "volume up / down"),
    ("?", "this help (any key closes it)"),
    ("q  Esc", "quit (asks first; what you did is kept)"),
    ("Ctrl-C", "quit at once"),
];

/// A rectangle of at most `width` x `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

pub struct HelpOverlay<'a>(pub &'a ViewModel<'a>);

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = Theme::new(self.0.color);
        let popup = centered(area, 72, KEYS.len() as u16 + 4);
        Clear.render(popup, buf);
        let block = Block::bordered()
            .title(" Keys ")
            .title_bottom(" any key closes ");
        let mut lines = vec![Line::raw("")];
        for (key, what) in KEYS {
            lines.push(Line::from(vec![
                Span::styled(format!(" {key:<8}"), theme.key()),
                Span::raw(*what),
            ]));
        }
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .render(popup, buf);
    }
}

pub struct ConfirmQuit<'a>(pub &'a ViewModel<'a>);

impl Widget for ConfirmQuit<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = Theme::new(self.0.color);
        let popup = centered(area, 46, 6);
        Clear.render(popup, buf);
        let lines = vec![
            Line::styled("End the session now?", theme.title()),
            Line::raw("What you did so far is kept."),
            Line::from(vec![
                Span::styled("y", theme.key()),
                Span::raw(" or "),
                Span::styled("Enter", theme.key()),
                Span::raw(": end   any other key: go on"),
            ]),
        ];
        Paragraph::new(lines)
            .block(Block::bordered().title(" Quit "))
            .wrap(Wrap { trim: true })
            .render(popup, buf);
    }
}
