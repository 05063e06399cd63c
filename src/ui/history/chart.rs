//! The weekly chart: two bars a week, one per leg, under its calendar column, against the
//! weekly dose.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

use super::{Columns, HistoryView};
use crate::history::dose::{self, WEEKLY_SECONDS, Week};
use crate::session::Side;

impl HistoryView<'_> {
    /// Seconds per week and leg counted toward the dose (a day at most its share), against
    /// the dose: two bars a week under its calendar column, the dose as a dashed line, an axis
    /// with the dose and the top marked.
    pub(super) fn render_chart(
        &self,
        columns: &Columns,
        weeks: &[Week],
        area: Rect,
        buf: &mut Buffer,
    ) {
        // One row of labels under the bars.
        let rows = area.height.saturating_sub(1);
        if rows < 2 || columns.bar == 0 {
            return;
        }
        let peak = weeks
            .iter()
            .map(|w| w.counted.left.max(w.counted.right))
            .max()
            .unwrap_or(0);
        // The dose sits on a whole row, `dose_rows` up, with room above it for more.
        let top = peak.max(WEEKLY_SECONDS + WEEKLY_SECONDS / 4);
        let dose_rows = ((u64::from(rows) * WEEKLY_SECONDS) / top).clamp(1, u64::from(rows - 1));
        let chart_area = Rect {
            x: columns.x,
            width: columns.span().min(area.right().saturating_sub(columns.x)),
            ..area
        };
        self.bars(columns, weeks, rows, dose_rows)
            .render(chart_area, buf);
        let dose_y = area.y + rows - dose_rows as u16 - 1;
        self.render_dose_line(chart_area, dose_y, area.right(), buf);
        self.render_axis(columns.x.saturating_sub(1), area, rows, dose_rows, buf);
    }

    /// Two bars a week, left and right, on `rows` rows where the dose is `dose_rows` high.
    fn bars(
        &self,
        columns: &Columns,
        weeks: &[Week],
        rows: u16,
        dose_rows: u64,
    ) -> BarChart<'static> {
        let theme = self.theme();
        let scale = |secs: u64| -> u64 {
            (u128::from(secs) * u128::from(dose_rows) * 8 / u128::from(WEEKLY_SECONDS))
                .min(u128::from(rows) * 8) as u64
        };
        let bar_style = |side| self.leg_style(side);
        let key_style = |side| theme.leg_band(side);
        let groups: Vec<BarGroup> = weeks
            .iter()
            .map(|week| {
                let label = match week.days.iter().find(|d| d.date.day() == 1) {
                    Some(first) => first.date.strftime("%b").to_string(),
                    None => week.monday.day().to_string(),
                };
                BarGroup::default()
                    .label(Line::from(label).centered())
                    .bars(&[
                        Bar::default()
                            .value(scale(week.counted.left))
                            .text_value("L")
                            .style(bar_style(Side::Left))
                            .value_style(key_style(Side::Left)),
                        Bar::default()
                            .value(scale(week.counted.right))
                            .text_value("R")
                            .style(bar_style(Side::Right))
                            .value_style(key_style(Side::Right)),
                    ])
            })
            .collect();
        let mut chart = BarChart::default()
            .bar_width(columns.bar)
            .bar_gap(0)
            .group_gap(columns.width - 2 * columns.bar)
            .max(u64::from(rows) * 8)
            .label_style(theme.dim());
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
        chart
    }

    /// The dose as a dashed line on row `y` across the `chart`, behind the bars (drawn only
    /// where no bar is), and labelled after it where the label fits before `right`.
    fn render_dose_line(&self, chart: Rect, y: u16, right: u16, buf: &mut Buffer) {
        let style = self.theme().caution();
        for x in chart.x..chart.right() {
            if buf[(x, y)].symbol() == " " {
                buf[(x, y)].set_symbol(self.cells().target).set_style(style);
            }
        }
        let label = format!(" dose {}", dose::clock(WEEKLY_SECONDS));
        let after = chart.right();
        if after + label.len() as u16 <= right {
            buf.set_string(after, y, label, style);
        }
    }

    /// The axis in column `x`, beside the bars' `rows`: whole doses marked up it, the dose
    /// in its colour, and zero at its foot.
    fn render_axis(&self, x: u16, area: Rect, rows: u16, dose_rows: u64, buf: &mut Buffer) {
        let theme = self.theme();
        let c = self.cells();
        for y in area.y..area.y + rows {
            buf.set_string(x, y, c.axis, theme.dim());
        }
        // The row `n` rows up from the bars' foot.
        let up = |n: u64| area.y + rows - n as u16 - 1;
        let mark = |y: u16, text: String, style: Style, buf: &mut Buffer| {
            let w = text.len() as u16;
            buf.set_string(x.saturating_sub(w), y, text, style);
            buf.set_string(x, y, c.tick, theme.dim());
        };
        // Whole doses up the axis: each falls on a whole row, as the dose does.
        let mut times = 2;
        while dose_rows * times < u64::from(rows) {
            mark(
                up(dose_rows * times),
                dose::clock(WEEKLY_SECONDS * times),
                theme.dim(),
                buf,
            );
            times += 1;
        }
        mark(
            up(dose_rows),
            dose::clock(WEEKLY_SECONDS),
            theme.caution(),
            buf,
        );
        let zero_y = area.y + rows;
        buf.set_string(x.saturating_sub(1), zero_y, "0", theme.dim());
        buf.set_string(x, zero_y, c.corner, theme.dim());
    }

    pub(super) fn chart_heading(&self, width: u16) -> Line<'static> {
        let theme = self.theme();
        let target = dose::clock(WEEKLY_SECONDS);
        let dash = self.cells().target.repeat(2);
        let keys = |long: bool| {
            vec![
                self.leg_key(Side::Left),
                Span::styled(" left", self.leg_style(Side::Left)),
                Span::raw("  "),
                self.leg_key(Side::Right),
                Span::styled(" right", self.leg_style(Side::Right)),
                Span::raw("  "),
                Span::styled(
                    if long {
                        format!("{dash} the weekly dose, {target} per leg")
                    } else {
                        format!("{dash} dose {target}")
                    },
                    theme.caution(),
                ),
            ]
        };
        let line = |title: &str, long: bool| {
            let mut spans = vec![Span::styled(title.to_string(), theme.title())];
            spans.extend(keys(long));
            Line::from(spans)
        };
        Self::fit(
            vec![
                line("Counted toward the dose per week:  ", true),
                line("Counted toward the dose per week:  ", false),
                line("Counted per week:  ", false),
                line("Per week: ", false),
            ],
            width,
        )
    }
}
