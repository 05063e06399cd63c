//! What covers the panes or takes their place: the help, the plan, and the questions
//! before leaving and before replacing a file.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::arrows;
use crate::builder::{Builder, Stage};
use crate::keys::{self, Keys, Mode};
use crate::safe_text::quote;
use crate::ui::help::centered;
use crate::ui::render_lines;
use crate::ui::theme::Theme;

pub(super) fn render_help(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut rows: Vec<(String, &str)> = keys::rows(Mode::BuildSteps)
        .filter(|r| !r.shown.is_empty())
        .map(|r| (keys::shown(r.shown, b.ascii), r.what))
        .collect();
    rows.push((
        keys::QUIT_NOW.0.to_string(),
        "leave, asking first as q does; asked, Ctrl-C again leaves",
    ));
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(8)
        + 2;
    Clear.render(area, buf);
    let popup = centered(area, 78, rows.len() as u16 + 2);
    let block = Block::bordered()
        .border_set(theme.glyphs().border)
        .title(Line::styled(" Keys of the routine builder ", theme.title()));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let lines = rows.into_iter().map(|(key, what)| {
        Line::from(vec![
            Span::styled(format!(" {key:<key_width$}"), theme.key()),
            Span::raw(arrows(what, theme)),
        ])
    });
    render_lines(lines, inner, buf);
}

/// The plan, in the middle of the screen.
pub(super) fn render_plan(b: &Builder, theme: Theme, outer: Rect, scroll: usize, buf: &mut Buffer) {
    let inner = outer.inner(Margin::new(2, 1));
    let lines = b.plan_lines(usize::from(inner.width));
    let total = lines.len();
    let rows = usize::from(inner.height);
    let scroll = scroll.min(total.saturating_sub(rows));
    let more = if total > rows {
        format!(
            " lines {}-{} of {total} ",
            scroll + 1,
            (scroll + rows).min(total)
        )
    } else {
        String::new()
    };
    Block::bordered()
        .border_set(theme.glyphs().border)
        .title(Line::styled(
            " The plan, as supple plan prints it ",
            theme.title(),
        ))
        .title_bottom(Line::styled(more, theme.dim()))
        .render(outer, buf);
    render_lines(
        lines.into_iter().skip(scroll).take(rows).map(Line::raw),
        inner,
        buf,
    );
}

/// The question's lines: what it asks, then its keys from the table.
pub(super) fn question_lines(b: &Builder, theme: Theme) -> (&'static str, Vec<Line<'static>>) {
    let (title, mode, mut lines) = match &b.stage {
        Stage::Replace { path, changed } => (
            " Replace? ",
            Mode::BuildReplace,
            vec![
                Line::styled(
                    if *changed {
                        "This file was changed by something else since it was opened:"
                    } else {
                        "A routine file of this name is already there:"
                    },
                    theme.title(),
                ),
                Line::raw(quote(path, 200)),
            ],
        ),
        _ => (
            " Leave? ",
            Mode::BuildLeave,
            vec![Line::styled("Your changes are not saved.", theme.title())],
        ),
    };
    lines.push(Line::raw(""));
    for row in keys::rows(mode) {
        let key = match row.keys {
            Keys::Codes(_) => keys::shown(row.shown, b.ascii)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" or "),
            _ => row.shown.to_string(),
        };
        lines.push(Line::from(vec![
            Span::styled(key, theme.key()),
            Span::raw(format!(": {}", arrows(row.what, theme))),
        ]));
    }
    (title, lines)
}

pub(super) fn render_question(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
    let (title, lines) = question_lines(b, theme);
    let width = area.width.saturating_sub(4).min(72);
    let rows = lines
        .iter()
        .map(|l| {
            (l.width() as u16)
                .div_ceil(width.saturating_sub(4).max(1))
                .max(1)
        })
        .sum::<u16>();
    let popup = centered(area, width, rows + 2);
    // Its rows across the screen and one above and below, so nothing underneath runs into
    // its border.
    let band = Rect {
        x: area.x,
        width: area.width,
        ..popup.outer(Margin::new(0, 1))
    };
    Clear.render(band.intersection(area), buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_set(theme.glyphs().border)
                .padding(ratatui::widgets::Padding::horizontal(1))
                .title(Line::styled(title, theme.title())),
        )
        .wrap(Wrap { trim: false })
        .render(popup, buf);
}
