//! The overlays: the help with every key, and the question before quitting.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::ViewModel;
use crate::keys;

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
        let theme = Theme::of(self.0);
        let rows: Vec<(&str, &str)> = keys::help_rows().collect();
        let closes = keys::rows(keys::Mode::Help)
            .map(|b| format!(" {} {} ", b.shown, b.what))
            .collect::<String>();
        // With room, a line that says the clock waits and a blank one; without, the title says it.
        let airy = area.height >= rows.len() as u16 + 5;
        let popup = centered(area, 72, rows.len() as u16 + if airy { 5 } else { 2 });
        Clear.render(popup, buf);
        let block = Block::bordered()
            .border_set(theme.glyphs().border)
            .title(if airy {
                " Keys "
            } else {
                " Keys (the clock waits) "
            })
            .title_bottom(closes);
        let mut lines = Vec::new();
        if airy {
            lines.push(Line::styled(
                " The clock waits while this is open.",
                theme.title(),
            ));
            lines.push(Line::raw(""));
        }
        // Where the rows cannot wrap (a small window), each says what it does in its first
        // words, before any detail: no word is ever cut at the edge.
        let whole = airy && popup.width >= 60;
        for (key, what) in rows {
            let key = keys::shown(key, self.0.ascii);
            let what = if whole {
                what
            } else {
                what.split(['(', ';', ':'])
                    .next()
                    .unwrap_or(what)
                    .trim_end()
            };
            lines.push(Line::from(vec![
                Span::styled(format!(" {key:<8}"), theme.key()),
                Span::raw(what),
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
        let theme = Theme::of(self.0);
        let popup = centered(area, 46, 6);
        Clear.render(popup, buf);
        let lines = vec![
            Line::styled("End the session now?", theme.title()),
            Line::raw("What you did so far is kept."),
            Line::from(answers(theme)),
        ];
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .border_set(theme.glyphs().border)
                    .title(" Quit "),
            )
            .wrap(Wrap { trim: true })
            .render(popup, buf);
    }
}

/// The quit question's answers, from the key table: "y or Enter: end   any other key: go on".
fn answers(theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, binding) in keys::rows(keys::Mode::ConfirmQuit).enumerate() {
        if i > 0 {
            spans.push(Span::raw("   "));
        }
        let (word, _) = binding.footer.unwrap_or((binding.what, binding.what));
        match binding.keys {
            keys::Keys::Codes(_) => {
                for (j, key) in binding.shown.split_whitespace().enumerate() {
                    if j > 0 {
                        spans.push(Span::raw(" or "));
                    }
                    spans.push(Span::styled(key, theme.key()));
                }
            }
            keys::Keys::Any | keys::Keys::Digits => spans.push(Span::raw(binding.shown)),
        }
        spans.push(Span::raw(format!(": {word}")));
    }
    spans
}
