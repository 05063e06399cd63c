//! `supple history`, full screen: the streak and totals, a bar chart of seconds held per day
//! with the left and right leg side by side, and any imbalance worth a word.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::history::Overview;
use crate::history::stats::NO_IMBALANCE;
use crate::history::stats::peak;

/// Columns one day takes in the chart: a bar per leg and a gap.
const DAY_WIDTH: u16 = 3;

pub struct HistoryView<'a> {
    pub overview: &'a Overview,
    pub color: bool,
    /// Plain ASCII, for a terminal whose locale is not UTF-8.
    pub ascii: bool,
}

impl HistoryView<'_> {
    /// How many days fit the chart in a screen of this size (inside the border), at least a
    /// week.
    pub fn days_for(area: Rect) -> i32 {
        i32::from((area.width.saturating_sub(2) + 1) / DAY_WIDTH).max(7)
    }
}

impl Widget for HistoryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let o = self.overview;
        let theme = if self.ascii {
            Theme::ascii()
        } else {
            Theme::new(self.color)
        };
        let block = theme
            .panel(Line::styled(" Your stretching history ", theme.title()))
            .title_bottom(" any key to close ");
        let inner = block.inner(area);
        block.render(area, buf);

        let (left_style, right_style) = if self.color {
            (
                Style::new().fg(Color::Cyan),
                Style::new().fg(Color::Magenta),
            )
        } else {
            (Style::new(), theme.dim())
        };
        let mut head = vec![
            Line::styled(o.headline(theme.glyphs().dot), theme.title()),
            Line::raw(o.held_line()),
        ];
        match &o.imbalance {
            Some(imbalance) => head.push(Line::styled(imbalance.advice(), theme.caution())),
            None => head.push(Line::raw(o.nothing_yet().unwrap_or(NO_IMBALANCE.into()))),
        }
        let head = Paragraph::new(head).wrap(Wrap { trim: true });
        let head_height = u16::try_from(head.line_count(inner.width)).unwrap_or(u16::MAX);
        let [head_area, _, legend_area, chart_area] = Layout::vertical([
            Constraint::Length(head_height),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        head.render(head_area, buf);

        // The last day needs no gap after it.
        let fit = usize::from((chart_area.width + DAY_WIDTH - 2) / DAY_WIDTH);
        let shown = o.days.len().min(fit);
        let days = &o.days[o.days.len() - shown..];
        let peak = peak(days);
        Line::from(vec![
            Span::raw(format!(
                "Seconds held per day, the last {shown} up to today: "
            )),
            Span::styled("left", left_style),
            Span::raw(" then "),
            Span::styled("right", right_style),
            Span::raw(format!(" (highest {peak} s)")),
        ])
        .render(legend_area, buf);

        let groups: Vec<BarGroup> = days
            .iter()
            .map(|day| {
                let label = day.date.day().to_string();
                BarGroup::default()
                    .label(Line::from(label).centered())
                    .bars(&[
                        Bar::default()
                            .value(day.held.left)
                            .text_value(String::new())
                            .style(left_style),
                        Bar::default()
                            .value(day.held.right)
                            .text_value(String::new())
                            .style(right_style),
                    ])
            })
            .collect();
        let mut chart = BarChart::default()
            .block(Block::new())
            .bar_width(1)
            .bar_gap(0)
            .group_gap(DAY_WIDTH - 2)
            .max(peak.max(1));
        if self.ascii {
            chart = chart.bar_set(ratatui::symbols::bar::Set {
                full: "#",
                seven_eighths: "#",
                three_quarters: "#",
                five_eighths: "#",
                half: "=",
                three_eighths: "=",
                one_quarter: "_",
                one_eighth: "_",
                empty: " ",
            });
        }
        for group in groups {
            chart = chart.data(group);
        }
        chart.render(chart_area, buf);
    }
}
