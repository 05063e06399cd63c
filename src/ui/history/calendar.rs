//! The calendar: a row per weekday, a column per week, a cell per day, under the month names.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Columns, HistoryView};
use crate::history::day_label;
use crate::history::dose::{self, Week};

impl HistoryView<'_> {
    /// "the last 12 weeks, Mon 1 Sep to Tue 24 Nov".
    fn span_words(weeks: &[Week]) -> String {
        let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
            return String::new();
        };
        let today = last.days.last().map_or(last.monday, |d| d.date);
        let count = weeks.len();
        format!(
            "the last {count} week{}, {} to {}",
            if count == 1 { "" } else { "s" },
            day_label(first.monday),
            day_label(today)
        )
    }

    pub(super) fn calendar_heading(&self, weeks: &[Week], width: u16) -> Line<'static> {
        let theme = self.theme();
        Self::fit(
            vec![
                Line::styled(
                    format!("Days you stretched, {}", Self::span_words(weeks)),
                    theme.title(),
                ),
                Line::styled(
                    format!("Days you stretched, the last {} weeks", weeks.len()),
                    theme.title(),
                ),
            ],
            width,
        )
    }

    /// Month names over the weeks: over the week where a month begins (and the first week,
    /// where there is room).
    pub(super) fn render_months(
        &self,
        columns: &Columns,
        weeks: &[Week],
        area: Rect,
        buf: &mut Buffer,
    ) {
        let style = self.theme().title();
        let mut free_from = area.x;
        let labels: Vec<(usize, String)> = weeks
            .iter()
            .enumerate()
            .filter_map(|(i, week)| {
                let first = week.days.iter().find(|d| d.date.day() == 1).map(|d| d.date);
                match (i, first) {
                    (_, Some(date)) => Some((i, date.strftime("%b").to_string())),
                    (0, None) => Some((0, week.monday.strftime("%b").to_string())),
                    _ => None,
                }
            })
            .collect();
        for (n, (i, name)) in labels.iter().enumerate() {
            let x = columns.at(*i);
            let len = u16::try_from(name.len()).unwrap_or(3);
            // The first week's label gives way to a month beginning right after it.
            let next = labels.get(n + 1).map(|(j, _)| columns.at(*j));
            if x < free_from || next.is_some_and(|next| x + len >= next) {
                continue;
            }
            if x + len <= area.right() {
                buf.set_string(x, area.y, name, style);
                free_from = x + len + 1;
            }
        }
    }

    /// The calendar: a row per weekday, a column per week, a cell per day.
    pub(super) fn render_calendar(
        &self,
        columns: &Columns,
        weeks: &[Week],
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = self.theme();
        let c = self.cells();
        let cell = columns.cell();
        for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            .iter()
            .enumerate()
        {
            let y = area.y + row as u16;
            if y >= area.bottom() {
                break;
            }
            buf.set_string(area.x, y, name, theme.dim());
            for (i, week) in weeks.iter().enumerate() {
                let Some(day) = week.days.get(row) else {
                    continue;
                };
                let x = columns.at(i);
                // Days before the first session were not missed: left blank.
                if self.overview.first.is_none_or(|first| day.date < first) {
                    continue;
                }
                let (text, style) = if day.held.left >= dose::SECONDS_PER_DAY
                    && day.held.right >= dose::SECONDS_PER_DAY
                {
                    (c.full.repeat(usize::from(cell)), theme.done())
                } else if day.sessions > 0 {
                    (c.some.repeat(usize::from(cell)), self.some_style())
                } else {
                    let pad = usize::from((cell - 1) / 2);
                    (format!("{}{}", " ".repeat(pad), c.none), theme.dim())
                };
                buf.set_string(x, y, text, style);
            }
        }
        // Today: the last day of the last week.
        if let Some(last) = weeks.last() {
            let row = last.days.len().saturating_sub(1) as u16;
            let x = columns.at(weeks.len().saturating_sub(1)) + cell + 1;
            let y = area.y + row;
            if y < area.bottom() && x + 7 <= area.right() + 1 {
                buf.set_string(
                    x,
                    y,
                    c.today,
                    theme.caution().add_modifier(ratatui::style::Modifier::BOLD),
                );
            }
        }
    }
}
