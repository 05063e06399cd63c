//! The guided test's first stage: which test, with each one's last result, the stop rule
//! and when to take it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::{WHEN, rows_of, wrapped};
use crate::flextest::guide::{CHOICES, Guide};
use crate::history::change::values;
use crate::safety::CAUTION;
use crate::ui::render_lines;
use crate::ui::theme::Theme;

pub(super) fn choose(guide: &Guide, selected: usize, theme: Theme, area: Rect, buf: &mut Buffer) {
    let when = Line::raw(WHEN);
    let caution = Line::styled(CAUTION, theme.caution());
    let when_rows = rows_of(std::slice::from_ref(&when), area.width);
    let caution_rows = rows_of(std::slice::from_ref(&caution), area.width);
    // The four choices come first, then the stop rule whole, then when to take it; then each
    // test's last result under it, and air between them, where the rows are spare.
    let h = area.height;
    let mut used = 2 + 4;
    let mut notes = Vec::new();
    if used + 1 + caution_rows <= h {
        used += 1 + caution_rows;
        if used + when_rows <= h {
            used += when_rows;
            notes.push(when);
        }
        notes.push(caution);
    }
    let with_last = used + 4 <= h;
    let airy = used + 8 <= h;
    let mut lines = vec![Line::styled("Which test?", theme.focus()), Line::raw("")];
    let mut selected_row = 0;
    for (i, choice) in CHOICES.iter().enumerate() {
        let chosen = i == selected;
        let style = if chosen {
            theme
                .title()
                .add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            theme.title()
        };
        let mut spans = vec![
            Span::styled(
                format!("{} {} ", if chosen { ">" } else { " " }, i + 1),
                theme.key(),
            ),
            Span::styled(format!(" {:<33}", choice.title()), style),
        ];
        if area.width >= 72 {
            spans.push(Span::styled(format!("  {}", choice.summary()), theme.dim()));
        }
        if chosen {
            selected_row = lines.len();
        }
        lines.push(Line::from(spans));
        if with_last {
            let last = guide.last_of(*choice).map_or_else(
                || "      not taken yet".to_string(),
                |last| format!("      last: {} on {}", values(last), last.day()),
            );
            lines.push(Line::styled(last, theme.dim()));
        }
        if airy {
            lines.push(Line::raw(""));
        }
    }
    let notes_rows = if notes.is_empty() {
        0
    } else {
        rows_of(&notes, area.width) + 1
    };
    let room = usize::from(h.saturating_sub(notes_rows));
    // Where the list is taller than its room, it scrolls: the selected row always in view.
    let skip = (selected_row + 1).saturating_sub(room);
    let shown = lines.len().saturating_sub(skip).min(room);
    let [list, _, rest] = Layout::vertical([
        Constraint::Length(u16::try_from(shown).unwrap_or(u16::MAX)),
        Constraint::Length(u16::from(!notes.is_empty())),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_lines(lines.into_iter().skip(skip), list, buf);
    wrapped(notes, rest, buf);
}
