//! The note shown once, before the very first session or flexibility test: the aim, who should
//! ask first, when to stop, and what needs care at once. It fits every size the session fits
//! (40x12 up): in a box where there is room, on pages where there is not, each page with its
//! key line, so that no word is lost on a small screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::help::centered;
use super::theme::Theme;
use crate::safety::{AIM, ASK_FIRST, Before, GET_CARE, STOP_RULE};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SafetyNote {
    pub color: bool,
    /// Plain ASCII borders, for a terminal whose locale is not UTF-8.
    pub ascii: bool,
    /// What comes after it: its heading says so.
    pub before: Before,
    /// The page shown, from 0, where the screen is too small for the whole note (see
    /// [`SafetyNote::pages`]).
    pub page: usize,
}

/// How the note is laid out in an area.
enum Layout {
    /// All of it in a box with room around it.
    Boxed(Box<Paragraph<'static>>, Rect),
    /// All of it, without the box.
    Whole,
    /// On pages: the parts of each (indexes into the note's parts).
    Pages(Vec<Vec<usize>>),
}

impl SafetyNote {
    /// The note before `before`, on its first page.
    pub fn new(color: bool, ascii: bool, before: Before) -> SafetyNote {
        SafetyNote {
            color,
            ascii,
            before,
            page: 0,
        }
    }

    /// The note's parts, each a paragraph: the heading, the aim, who asks first, the stop
    /// rule, what needs care at once.
    fn parts(&self) -> Vec<Line<'static>> {
        let theme = Theme::new(self.color);
        vec![
            Line::styled(self.before.heading(), theme.focus()),
            Line::raw(AIM),
            Line::raw(ASK_FIRST),
            Line::styled(STOP_RULE, theme.caution()),
            Line::styled(GET_CARE, theme.caution()),
        ]
    }

    /// The key line: on to the next page, or start.
    fn keys(&self, more: Option<(usize, usize)>) -> Line<'static> {
        let theme = Theme::new(self.color);
        let go = match more {
            Some((page, pages)) => format!(": more ({page}/{pages})   "),
            None => ": start   ".into(),
        };
        Line::from(vec![
            Span::styled("any key", theme.key()),
            Span::raw(go),
            Span::styled("q", theme.key()),
            Span::raw(": not now"),
        ])
    }

    /// The note's lines; `airy` puts a blank line between its parts.
    fn text(&self, airy: bool) -> Text<'static> {
        let mut text = Text::default();
        let mut parts = self.parts();
        parts.push(self.keys(None));
        for (i, line) in parts.into_iter().enumerate() {
            if airy && i > 0 {
                text.push_line(Line::raw(""));
            }
            text.push_line(line);
        }
        text
    }

    fn layout(&self, area: Rect) -> Layout {
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
        let rows = |count: usize| u16::try_from(count).unwrap_or(u16::MAX);
        let boxed_rows = rows(boxed.line_count(width));
        if boxed_rows <= area.height {
            return Layout::Boxed(Box::new(boxed), centered(area, width, boxed_rows));
        }
        let plain = |text: Text<'static>| Paragraph::new(text).wrap(Wrap { trim: true });
        if rows(plain(self.text(false)).line_count(area.width)) <= area.height {
            return Layout::Whole;
        }
        // Pages, each under the heading: whole parts, as many as fit above the key line.
        let parts = self.parts();
        let heading = parts.first().map_or(0, |h| {
            rows(plain(Text::from(h.clone())).line_count(area.width))
        });
        let room = area.height.saturating_sub(1 + heading);
        let mut pages: Vec<Vec<usize>> = Vec::new();
        let mut page = vec![0];
        let mut used = 0;
        for (i, part) in parts.into_iter().enumerate().skip(1) {
            let height = rows(plain(Text::from(part)).line_count(area.width));
            if page.len() > 1 && used + height > room {
                pages.push(std::mem::replace(&mut page, vec![0]));
                used = 0;
            }
            page.push(i);
            used += height;
        }
        pages.push(page);
        Layout::Pages(pages)
    }

    /// The pages the note takes in `area`: 1 where all of it fits.
    pub fn pages(&self, area: Rect) -> usize {
        match self.layout(area) {
            Layout::Pages(pages) => pages.len().max(1),
            _ => 1,
        }
    }
}

impl Widget for SafetyNote {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match self.layout(area) {
            Layout::Boxed(boxed, at) => boxed.render(at, buf),
            Layout::Whole => Paragraph::new(self.text(false))
                .wrap(Wrap { trim: true })
                .render(area, buf),
            Layout::Pages(pages) => {
                let count = pages.len();
                let shown = self.page.min(count.saturating_sub(1));
                let parts = self.parts();
                let lines: Vec<Line<'static>> = pages
                    .get(shown)
                    .into_iter()
                    .flatten()
                    .filter_map(|i| parts.get(*i).cloned())
                    .collect();
                let more = (shown + 1 < count).then_some((shown + 1, count));
                let body = Rect {
                    height: area.height.saturating_sub(1),
                    ..area
                };
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .render(body, buf);
                self.keys(more).render(
                    Rect {
                        y: body.bottom(),
                        height: 1.min(area.height),
                        ..area
                    },
                    buf,
                );
            }
        }
    }
}
