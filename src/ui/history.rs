//! `supple history`, full screen: the streak and this week against the weekly dose (a day
//! counting at most its share), and what lies above the dose; a calendar of the last weeks,
//! one cell per day, so a streak and its gaps show at a glance; below it, the same weeks'
//! seconds per leg counted toward the dose, left and right side by side. The weeks line up:
//! each calendar column sits over its week's two bars.
//!
//! Under them, the flexibility tests: per test and leg, the results under their dates, the
//! change since the first and the last day tested (within the measuring error is no change,
//! from it up a change may be real), the tighter leg; one line each where rows are few, one line
//! in all where they are fewer. `supple history --plain` says the same (`flextest::tests_text`).
//!
//! With no session yet, it says how to start instead.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::history::change::Change;
use crate::history::dose::{self, DOSE_RULE, WEEKLY_SECONDS, Week};
use crate::history::progress::{self, Series, change_words, date_label, shown};
use crate::history::{Overview, TestResult, day_label};
use crate::session::Side;

/// Columns left of the weeks: the weekday names and the chart's axis.
const MARGIN: u16 = 6;
/// Columns kept right of the last week for "◀ today".
const TODAY_MARK: u16 = 8;
/// A legend beside the calendar needs this many columns.
const SIDE_LEGEND: u16 = 30;
/// The widest week column.
const MAX_COLUMN: u16 = 10;
/// The chart's bars never take more rows than this.
const MAX_BAR_ROWS: u16 = 24;
/// The fewest bar rows worth drawing a chart with.
const MIN_BAR_ROWS: u16 = 4;
/// Bar rows the chart gets before the lines that can do without (air, the totals).
const GOOD_BAR_ROWS: u16 = 7;

pub struct HistoryView<'a> {
    pub overview: &'a Overview,
    /// The weeks to show, oldest first; the last holds today (see `dose::weeks`).
    pub weeks: &'a [Week],
    /// The flexibility test results, in any order.
    pub tests: &'a [TestResult],
    pub color: bool,
    /// Plain ASCII, for a terminal whose locale is not UTF-8.
    pub ascii: bool,
}

/// Where the weeks go across the screen, shared by the calendar and the chart.
#[derive(Debug, Clone, Copy)]
struct Columns {
    /// Where the first week starts.
    x: u16,
    /// Columns per week.
    width: u16,
    /// Weeks shown (the most recent ones).
    shown: usize,
    /// Columns of each of the two bars of a week (0: no chart).
    bar: u16,
}

impl Columns {
    fn new(area: Rect, weeks: usize) -> Columns {
        let room = area.width.saturating_sub(MARGIN + TODAY_MARK);
        let wanted = u16::try_from(weeks.max(1)).unwrap_or(u16::MAX);
        let width = (room / wanted).clamp(2, MAX_COLUMN);
        let shown = usize::from(room / width).min(weeks);
        let bar = if width >= 3 {
            ((width - 1) / 2).min(4)
        } else {
            0
        };
        Columns {
            x: area.x + MARGIN,
            width,
            shown,
            bar,
        }
    }

    /// Where week `i` (of those shown) starts.
    fn at(&self, i: usize) -> u16 {
        self.x + u16::try_from(i).unwrap_or(0).saturating_mul(self.width)
    }

    /// Columns of a day's cell: over the week's two bars, or one.
    fn cell(&self) -> u16 {
        if self.bar == 0 { 1 } else { self.bar * 2 }
    }

    /// Columns the weeks take.
    fn span(&self) -> u16 {
        u16::try_from(self.shown)
            .unwrap_or(0)
            .saturating_mul(self.width)
    }
}

/// The calendar's glyphs: at least the day's dose, less, nothing.
struct Cells {
    full: &'static str,
    some: &'static str,
    none: &'static str,
    today: &'static str,
    target: &'static str,
    axis: &'static str,
    tick: &'static str,
    corner: &'static str,
}

const UNICODE_CELLS: Cells = Cells {
    full: "█",
    some: "▒",
    none: "·",
    today: "◀ today",
    target: "╌",
    axis: "│",
    tick: "┤",
    corner: "└",
};

const ASCII_CELLS: Cells = Cells {
    full: "#",
    some: "+",
    none: ".",
    today: "< today",
    target: "-",
    axis: "|",
    tick: "+",
    corner: "+",
};

impl HistoryView<'_> {
    fn theme(&self) -> Theme {
        if self.ascii {
            Theme::ascii()
        } else {
            Theme::new(self.color)
        }
    }

    fn cells(&self) -> &'static Cells {
        if self.ascii {
            &ASCII_CELLS
        } else {
            &UNICODE_CELLS
        }
    }

    /// The weeks on screen: the most recent that fit.
    fn shown(&self, columns: &Columns) -> &[Week] {
        &self.weeks[self.weeks.len().saturating_sub(columns.shown)..]
    }

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

    /// A leg's key, as at the foot of its bars: its letter on its colour.
    fn leg_key(&self, side: Side) -> Span<'static> {
        let letter = if side == Side::Left { "L" } else { "R" };
        Span::styled(letter, self.theme().leg_band(side))
    }

    fn leg_style(&self, side: Side) -> Style {
        self.theme().leg_side(side)
    }

    /// The first of `lines` that fits `width`, or the last.
    fn fit(lines: Vec<Line<'static>>, width: u16) -> Line<'static> {
        let width = usize::from(width);
        let last = lines.len().saturating_sub(1);
        lines
            .into_iter()
            .enumerate()
            .find(|(i, l)| l.width() <= width || *i == last)
            .map(|(_, l)| l)
            .unwrap_or_default()
    }

    /// The streak, sessions this week and in all.
    fn headline(&self, width: u16) -> Line<'static> {
        let o = self.overview;
        let theme = self.theme();
        let dot = theme.glyphs().dot;
        let days = if o.streak == 1 { "day" } else { "days" };
        Self::fit(
            vec![
                Line::styled(o.headline(dot), theme.title()),
                Line::styled(
                    format!(
                        "Streak {} {days} {dot} {} this week {dot} {} in all",
                        o.streak, o.this_week, o.total
                    ),
                    theme.title(),
                ),
                Line::styled(
                    format!("Streak {} {days} {dot} {} in all", o.streak, o.total),
                    theme.title(),
                ),
            ],
            width,
        )
    }

    /// This week's seconds per leg against the dose (a day counting at most its share), and
    /// what was held where that is more.
    fn dose_line(&self, width: u16) -> Line<'static> {
        let Some(week) = self.weeks.last() else {
            return Line::default();
        };
        let theme = self.theme();
        let dot = theme.glyphs().dot;
        let target = dose::clock(WEEKLY_SECONDS);
        let leg = |side: Side, secs: u64, long: bool| {
            let name = if side == Side::Left { "left" } else { "right" };
            let text = if long {
                format!("{name} {} of {target}", dose::clock(secs))
            } else {
                format!("{} {}", &name[..1].to_uppercase(), dose::clock(secs))
            };
            Span::styled(text, self.leg_style(side))
        };
        let reached = if week.reached() {
            theme.glyphs().reached
        } else {
            ""
        };
        let more = week.held != week.counted;
        let line = |long: bool, held: bool, rule: bool| {
            let mut spans = vec![
                Span::styled("This week: ", theme.title()),
                leg(Side::Left, week.counted.left, long),
                Span::raw(format!(" {dot} ")),
                leg(Side::Right, week.counted.right, long),
            ];
            if !long {
                spans.push(Span::raw(format!(" of {target}")));
            }
            if more {
                spans.push(Span::raw(" counted"));
            }
            spans.push(Span::styled(reached, theme.done()));
            if more && held {
                spans.push(Span::styled(
                    format!(
                        " (held {} {dot} {}; up to {} s a day counts)",
                        dose::clock(week.held.left),
                        dose::clock(week.held.right),
                        dose::SECONDS_PER_DAY
                    ),
                    theme.dim(),
                ));
            }
            if rule {
                spans.push(Span::styled(format!("  (dose: {DOSE_RULE})"), theme.dim()));
            }
            Line::from(spans)
        };
        Self::fit(
            vec![
                line(true, true, true),
                line(true, true, false),
                line(true, false, false),
                line(false, false, false),
            ],
            width,
        )
    }

    /// What lies above the dose, in the fewest words that fit.
    fn above_line(&self, width: u16) -> Line<'static> {
        let theme = self.theme();
        let most = dose::clock(dose::MOST_GAIN_SECONDS);
        Self::fit(
            vec![
                Line::styled(
                    format!(
                        "The dose is a floor: gains grew up to about {most} a week per leg, and \
                         no further (Ingram et al. 2024)"
                    ),
                    theme.dim(),
                ),
                Line::styled(
                    format!("Gains grew up to about {most} a week, no further (Ingram 2024)"),
                    theme.dim(),
                ),
                Line::styled(
                    format!("Most gain by {most} a week (Ingram 2024)"),
                    theme.dim(),
                ),
            ],
            width,
        )
    }

    /// The leg balance over the last two weeks, when one leg fell behind.
    fn advice(&self) -> Option<Line<'static>> {
        self.overview
            .imbalance
            .as_ref()
            .map(|i| Line::styled(i.advice(), self.theme().caution()))
    }

    fn calendar_heading(&self, weeks: &[Week], width: u16) -> Line<'static> {
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

    /// The calendar's key in one line.
    fn legend_line(&self, width: u16) -> Line<'static> {
        let theme = self.theme();
        let c = self.cells();
        let full = Span::styled(c.full, theme.done());
        let some = Span::styled(c.some, self.some_style());
        let none = Span::styled(c.none, theme.dim());
        Self::fit(
            vec![
                Line::from(vec![
                    full.clone(),
                    Span::raw(" 60 s or more on each leg  "),
                    some.clone(),
                    Span::raw(" less  "),
                    none.clone(),
                    Span::raw(" none   "),
                    Span::styled("A rest day between sessions keeps a streak.", theme.dim()),
                ]),
                Line::from(vec![
                    full.clone(),
                    Span::raw(" 60 s+ each leg  "),
                    some.clone(),
                    Span::raw(" less  "),
                    none.clone(),
                    Span::raw(" none  "),
                    Span::styled("(a rest day keeps a streak)", theme.dim()),
                ]),
                Line::from(vec![
                    full,
                    Span::raw(" 60 s+ each leg "),
                    some,
                    Span::raw(" less "),
                    none,
                    Span::raw(" none"),
                ]),
            ],
            width,
        )
    }

    /// The calendar's key beside it, a line per row.
    fn legend_lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme();
        let c = self.cells();
        vec![
            Line::from(vec![
                Span::styled(c.full, theme.done()),
                Span::raw(" 60 s or more on each leg"),
            ]),
            Line::from(vec![
                Span::styled(c.some, self.some_style()),
                Span::raw(" some, less than that"),
            ]),
            Line::from(vec![
                Span::styled(c.none, theme.dim()),
                Span::raw(" no session"),
            ]),
            Line::default(),
            Line::styled("Streak: one rest day between", theme.dim()),
            Line::styled("two sessions keeps it going;", theme.dim()),
            Line::styled("two days without one end it.", theme.dim()),
        ]
    }

    fn some_style(&self) -> Style {
        if self.color {
            Style::new().fg(ratatui::style::Color::Green)
        } else {
            Style::new()
        }
    }

    /// Month names over the weeks: over the week where a month begins (and the first week,
    /// where there is room).
    fn render_months(&self, columns: &Columns, weeks: &[Week], area: Rect, buf: &mut Buffer) {
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
    fn render_calendar(&self, columns: &Columns, weeks: &[Week], area: Rect, buf: &mut Buffer) {
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

    /// Seconds per week and leg counted toward the dose (a day at most its share), against
    /// the dose: two bars a week under its calendar column, the dose as a dashed line, an axis with the dose and the top marked.
    fn render_chart(&self, columns: &Columns, weeks: &[Week], area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let c = self.cells();
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
        let chart_area = Rect {
            x: columns.x,
            width: columns.span().min(area.right().saturating_sub(columns.x)),
            ..area
        };
        chart.render(chart_area, buf);

        // The dose line, behind the bars: drawn only where no bar is.
        let dose_y = area.y + rows - dose_rows as u16 - 1;
        let line_style = theme.caution();
        for x in chart_area.x..chart_area.right() {
            if buf[(x, dose_y)].symbol() == " " {
                buf[(x, dose_y)].set_symbol(c.target).set_style(line_style);
            }
        }
        let dose_label = format!(" dose {}", dose::clock(WEEKLY_SECONDS));
        let after = chart_area.right();
        if after + dose_label.len() as u16 <= area.right() {
            buf.set_string(after, dose_y, dose_label, line_style);
        }
        // The axis: the top, the dose and zero.
        let axis_x = columns.x.saturating_sub(1);
        for y in area.y..area.y + rows {
            buf.set_string(axis_x, y, c.axis, theme.dim());
        }
        let mark = |y: u16, text: String, style: Style, buf: &mut Buffer| {
            let w = text.len() as u16;
            buf.set_string(axis_x.saturating_sub(w), y, text, style);
            buf.set_string(axis_x, y, c.tick, theme.dim());
        };
        // Whole doses up the axis: each falls on a whole row, as the dose does.
        let mut times = 2;
        while dose_rows * times < u64::from(rows) {
            let y = area.y + rows - (dose_rows * times) as u16 - 1;
            mark(y, dose::clock(WEEKLY_SECONDS * times), theme.dim(), buf);
            times += 1;
        }
        mark(dose_y, dose::clock(WEEKLY_SECONDS), line_style, buf);
        let zero_y = area.y + rows;
        buf.set_string(axis_x.saturating_sub(1), zero_y, "0", theme.dim());
        buf.set_string(axis_x, zero_y, c.corner, theme.dim());
    }

    fn chart_heading(&self, width: u16) -> Line<'static> {
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

    /// The flexibility tests, one series per test and way of measuring.
    fn series(&self) -> Vec<Series<'_>> {
        progress::series(self.tests)
    }

    /// Text with its degree signs, or `deg` in ASCII.
    fn units(&self, text: String) -> String {
        if self.ascii {
            progress::ascii_units(&text)
        } else {
            text
        }
    }

    /// Rows the flexibility section takes drawn as `form`, at `width`.
    fn flexibility_rows(&self, form: Form, width: u16) -> u16 {
        let all = self.series();
        if all.is_empty() {
            return 1;
        }
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        match form {
            Form::Line => 1,
            Form::Compact => 1 + count(all.len()),
            Form::Full => {
                1 + all
                    .iter()
                    .map(|s| {
                        let table = self.table(s, width);
                        2 + count(s.sides().len())
                            + count(s.verdicts().len())
                            + u16::from(table.first_test)
                    })
                    .sum::<u16>()
            }
        }
    }

    /// The style of a change: looser in the colour of done, tighter in caution's, within the
    /// error dimmed (it is no change).
    fn change_style(&self, change: Change) -> Style {
        let theme = self.theme();
        match change {
            Change::Looser(_) => theme.done(),
            Change::Tighter(_) => theme.caution(),
            Change::WithinError(_) => theme.dim(),
        }
    }

    /// A leg's name at the head of its row, as in the chart's key: `L left`.
    fn leg_name(&self, side: Side) -> Vec<Span<'static>> {
        match side {
            Side::Left | Side::Right => vec![
                self.leg_key(side),
                Span::styled(format!(" {:<6}", side.name()), self.leg_style(side)),
            ],
            _ => vec![Span::styled(
                format!("{:<8}", "both"),
                self.leg_style(Side::Both),
            )],
        }
    }

    /// How a series' table is laid out at `width`.
    fn table(&self, s: &Series<'_>, width: u16) -> Table {
        let latest = s.latest().day();
        let first_width = |long: bool| -> usize {
            s.sides()
                .iter()
                .filter_map(|side| s.since_first(*side))
                .map(|c| self.units(change_words(c, s.test, long)).chars().count())
                .max()
                .map_or(0, |w| w.max("since the first".len()))
        };
        let last_width = |long: bool| -> usize {
            s.sides()
                .iter()
                .filter_map(|side| s.since_last(*side))
                .map(|c| self.units(change_words(c, s.test, long)).chars().count())
                .max()
                .map_or(0, |w| w.max("since the last".len()))
        };
        let labels: Vec<String> = s
            .results
            .iter()
            .map(|r| date_label(r.day(), latest))
            .collect();
        let column = labels.iter().map(String::len).max().unwrap_or(5).max(3) + 2;
        let width = usize::from(width);
        let room = |long: bool| {
            let changes = match (first_width(long), last_width(long)) {
                (0, _) => 0,
                (f, 0) => f + 3,
                (f, l) => f + 3 + l + 2,
            };
            width.saturating_sub(LEG_COLUMN + changes) / column
        };
        // The long words where they leave room for the first test and the latest two.
        let long = room(true) >= s.results.len().min(3);
        let columns = shown(s.results.len(), room(long).max(1));
        Table {
            columns,
            column,
            long,
            first_width: first_width(long),
            first_test: s.comparison.first.is_none(),
        }
    }

    /// A series in full: its title, the dates, a row per leg with the change since the first
    /// and the last test, then what the latest says beyond that.
    /// `align`: the columns the results take and the width of "since the first", the same for
    /// every series so that their changes line up.
    fn series_lines(
        &self,
        s: &Series<'_>,
        width: u16,
        align: Option<(usize, usize)>,
    ) -> Vec<Line<'static>> {
        let theme = self.theme();
        let mut table = self.table(s, width);
        let own = table.columns.len() * table.column;
        let pad = match align {
            Some((values, first)) => {
                table.first_width = first;
                " ".repeat(values.saturating_sub(own))
            }
            None => String::new(),
        };
        let latest = s.latest().day();
        let mut lines = vec![Self::fit(
            vec![
                Line::from(vec![
                    Span::styled(s.title(), theme.title()),
                    Span::raw(self.units(format!(": {} ({})", s.what(), s.source()))),
                ]),
                Line::from(vec![
                    Span::styled(s.title(), theme.title()),
                    Span::raw(self.units(format!(
                        ": {} ({})",
                        s.what(),
                        s.source().split(',').next().unwrap_or_default()
                    ))),
                ]),
                Line::from(vec![
                    Span::styled(s.title(), theme.title()),
                    Span::raw(self.units(format!(": {}", s.what()))),
                ]),
                Line::from(vec![
                    Span::styled(s.title(), theme.title()),
                    Span::raw(format!(": {}", s.test.measures())),
                ]),
            ],
            width,
        )];
        let column = table.column;
        let mut header = vec![Span::raw(" ".repeat(LEG_COLUMN))];
        for c in &table.columns {
            let label = match c {
                Some(i) => date_label(s.results[*i].day(), latest),
                None => self.gap().to_string(),
            };
            header.push(Span::styled(format!("{label:>column$}"), theme.dim()));
        }
        header.push(Span::raw(pad.clone()));
        if !table.first_test {
            header.push(Span::styled(
                format!("   {:<w$}", "since the first", w = table.first_width),
                theme.dim(),
            ));
        }
        if s.comparison.last.is_some() {
            header.push(Span::styled("  since the last", theme.dim()));
        }
        lines.push(Line::from(header));
        for side in s.sides() {
            let mut row = self.leg_name(*side);
            for c in &table.columns {
                let value = match c {
                    Some(i) => Series::value(s.results[*i], *side)
                        .map_or_else(String::new, |v| v.to_string()),
                    None => self.gap().to_string(),
                };
                row.push(Span::styled(
                    format!("{value:>column$}"),
                    self.leg_style(*side),
                ));
            }
            row.push(Span::raw(pad.clone()));
            if let Some(change) = s.since_first(*side) {
                let words = self.units(change_words(change, s.test, table.long));
                row.push(Span::raw("   "));
                row.push(Span::styled(
                    format!("{words:<w$}", w = table.first_width),
                    self.change_style(change),
                ));
            }
            if let Some(change) = s.since_last(*side) {
                let words = self.units(change_words(change, s.test, table.long));
                row.push(Span::raw("  "));
                row.push(Span::styled(words, self.change_style(change)));
            }
            lines.push(Line::from(row));
        }
        if table.first_test {
            lines.push(Line::styled(
                format!(
                    "  the first {} test: the next ones are compared with it",
                    s.test.name()
                ),
                theme.dim(),
            ));
        }
        // The verdicts in full where they fit, in a few words where they do not.
        if let Some(a) = s.asymmetry() {
            let unit = s.test.unit().after();
            let short = [
                format!(
                    "{} tested tighter by {}{unit}: may be real",
                    a.tighter.name(),
                    a.by
                ),
                "painful side, or leg symptoms? Ask a physiotherapist first".into(),
            ];
            for (long, short) in s.verdicts().into_iter().zip(short) {
                let line =
                    |text: String| Line::styled(format!("  {}", self.units(text)), theme.caution());
                lines.push(Self::fit(vec![line(long), line(short)], width));
            }
        }
        lines
    }

    /// The compact form's lines: each series in one line, all in the same words, the longest
    /// that fit `width`.
    fn series_lines_compact(&self, all: &[Series<'_>], width: u16) -> Vec<Line<'static>> {
        let lines = |level: usize| -> Vec<Line<'static>> {
            all.iter().map(|s| self.series_line(s, level)).collect()
        };
        (0..COMPACT_LEVELS)
            .map(lines)
            .find(|lines| lines.iter().all(|l| l.width() <= usize::from(width)))
            .unwrap_or_else(|| lines(COMPACT_LEVELS - 1))
    }

    /// One series in one line, in the words of `level` (0, the most, to
    /// `COMPACT_LEVELS - 1`).
    fn series_line(&self, s: &Series<'_>, level: usize) -> Line<'static> {
        let theme = self.theme();
        let dot = theme.glyphs().dot;
        let unit = s.test.unit().after();
        let latest = s.latest().day();
        let first = s.results[0].day();
        let tighter = s.asymmetry();
        // `dates`: 0 none, 1 the latest, 2 the latest against the first.
        let line = |dates: u8, long: bool, verdicts: bool| {
            let when = match dates {
                2 if s.comparison.first.is_some() => format!(
                    " {} against {}: ",
                    date_label(latest, latest),
                    date_label(first, latest)
                ),
                1 | 2 => format!(" {}: ", date_label(latest, latest)),
                _ => ": ".into(),
            };
            let mut spans = vec![
                Span::styled(s.short_title(), theme.title()),
                Span::raw(when),
            ];
            for (n, side) in s.sides().iter().enumerate() {
                if n > 0 {
                    spans.push(Span::raw(format!(" {dot} ")));
                }
                let value = Series::value(s.latest(), *side).unwrap_or(0);
                match side {
                    Side::Left | Side::Right => {
                        spans.push(self.leg_key(*side));
                        spans.push(Span::styled(
                            self.units(format!(" {value}{unit}")),
                            self.leg_style(*side),
                        ));
                    }
                    _ => spans.push(Span::styled(
                        self.units(format!("both {value}{unit}")),
                        self.leg_style(*side),
                    )),
                }
                if let Some(change) = s.since_first(*side) {
                    // The heading says that a change may be real, not more.
                    let words = if long || change.is_real() {
                        change_words(change, s.test, false)
                    } else {
                        "within error".into()
                    };
                    spans.push(Span::raw(","));
                    spans.push(Span::styled(
                        self.units(format!(" {words}")),
                        self.change_style(change),
                    ));
                }
            }
            if s.comparison.first.is_none() {
                spans.push(Span::styled(" (the first test)", theme.dim()));
            }
            if verdicts && let Some(a) = tighter {
                spans.push(Span::styled(
                    self.units(format!(
                        "; {} tested tighter by {}{unit}",
                        a.tighter.name(),
                        a.by
                    )),
                    theme.caution(),
                ));
            }
            Line::from(spans)
        };
        match level {
            0 => line(2, true, true),
            1 => line(1, true, true),
            2 => line(1, false, true),
            3 => line(0, false, true),
            _ => line(0, false, false),
        }
    }

    /// The section's heading.
    fn flexibility_heading(&self, form: Form, width: u16) -> Line<'static> {
        let theme = self.theme();
        let count = self.tests.len();
        let results = format!("{count} result{}", if count == 1 { "" } else { "s" });
        let title = |text: String| Span::styled(text, theme.title());
        let note = |text: &'static str| Span::styled(text, theme.dim());
        match form {
            Form::Full => Self::fit(
                vec![
                    Line::from(vec![
                        title(format!("Flexibility tests per leg, {results}:  ")),
                        note(SAYS_CHANGES),
                    ]),
                    Line::from(vec![
                        title(format!("Flexibility tests per leg, {results}:  ")),
                        note("changes may be real"),
                    ]),
                    Line::from(title(format!("Flexibility tests per leg, {results}:"))),
                ],
                width,
            ),
            Form::Compact => Self::fit(
                vec![
                    Line::from(vec![
                        title("Flexibility, the latest test against the first:  ".into()),
                        note(SAYS_CHANGES),
                    ]),
                    Line::from(vec![
                        title("Flexibility, latest against first:  ".into()),
                        note("changes may be real"),
                    ]),
                    Line::from(title("Flexibility, latest against first:".into())),
                ],
                width,
            ),
            Form::Line => Self::fit(
                vec![
                    Line::from(vec![
                        title(format!("Flexibility tests: {results}. ")),
                        note("A taller window shows them, as does `supple history --plain`."),
                    ]),
                    Line::from(vec![
                        title(format!("Flexibility tests: {results}. ")),
                        note("A taller window shows them."),
                    ]),
                    Line::from(vec![
                        title(format!("Tests: {results}; ")),
                        note("more rows show them"),
                    ]),
                ],
                width,
            ),
        }
    }

    /// The flexibility section, drawn as `form`; with no test yet, how to take one.
    fn render_flexibility(&self, form: Form, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let all = self.series();
        if all.is_empty() {
            let line = Self::fit(
                vec![
                    Line::from(vec![
                        Span::styled("Flexibility: no test yet. ", theme.title()),
                        Span::raw("Take one warm, after a session: "),
                        Span::styled("supple test", theme.key()),
                        Span::raw(" guides it, for each leg."),
                    ]),
                    Line::from(vec![
                        Span::styled("Flexibility: no test yet; ", theme.title()),
                        Span::styled("supple test", theme.key()),
                        Span::raw(" takes one."),
                    ]),
                    Line::from(vec![
                        Span::styled("No test yet: ", theme.title()),
                        Span::styled("supple test", theme.key()),
                    ]),
                ],
                area.width,
            );
            super::render_lines([line], area, buf);
            return;
        }
        let mut lines = vec![self.flexibility_heading(form, area.width)];
        match form {
            Form::Line => {}
            Form::Compact => lines.extend(self.series_lines_compact(&all, area.width)),
            Form::Full => {
                // The changes line up across the tests where the widest row still fits.
                let tables: Vec<(usize, usize, usize)> = all
                    .iter()
                    .map(|s| {
                        let t = self.table(s, area.width);
                        let last = s
                            .sides()
                            .iter()
                            .filter_map(|side| s.since_last(*side))
                            .map(|c| self.units(change_words(c, s.test, t.long)).chars().count())
                            .max()
                            .unwrap_or(0);
                        (t.columns.len() * t.column, t.first_width, last)
                    })
                    .collect();
                let values = tables.iter().map(|t| t.0).max().unwrap_or(0);
                let first = tables.iter().map(|t| t.1).max().unwrap_or(0);
                let last = tables.iter().map(|t| t.2).max().unwrap_or(0);
                let widest = LEG_COLUMN + values + 3 + first + 2 + last;
                let align = (widest <= usize::from(area.width)).then_some((values, first));
                for s in &all {
                    lines.extend(self.series_lines(s, area.width, align));
                }
            }
        }
        super::render_lines(lines, area, buf);
    }

    /// Where results are left out between the first and the latest.
    fn gap(&self) -> &'static str {
        if self.ascii { "..." } else { "…" }
    }

    /// With nothing to show yet: how to start, and what will show here.
    fn render_empty(&self, words: String, area: Rect, buf: &mut Buffer) {
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

/// How the flexibility section is drawn, by the rows it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// Per test, its results under their dates, a row per leg, and the changes in columns.
    Full,
    /// A heading, then a line per test: the latest against the first.
    Compact,
    /// One line: how many results, and that more rows would show them.
    Line,
}

/// How many ways of saying a series in one line, from the most words to the fewest.
const COMPACT_LEVELS: usize = 5;

/// Columns left of a series' results: `L left`.
const LEG_COLUMN: usize = 8;

/// A series' table laid out for a width.
struct Table {
    /// The results shown (`None`: a gap between the first and the latest).
    columns: Vec<Option<usize>>,
    /// Columns per result.
    column: usize,
    /// The changes in long words (`within measuring error`).
    long: bool,
    first_width: usize,
    /// Only one result: a line says the next ones are compared with it.
    first_test: bool,
}

/// What the flexibility section's changes mean, over them.
const SAYS_CHANGES: &str =
    "smaller than the measuring error is no change; as large or more may be real";

/// Rows beyond the least, handed to the sections that can do without them, in turn.
struct Budget(u16);

impl Budget {
    /// Takes `rows` if they are all there.
    fn want(&mut self, rows: u16) -> bool {
        let ok = rows <= self.0;
        if ok {
            self.0 -= rows;
        }
        ok
    }

    /// Takes as many as are there, up to `rows`.
    fn most(&mut self, rows: u16) -> u16 {
        let taken = rows.min(self.0);
        self.0 -= taken;
        taken
    }
}

/// Rows handed out top to bottom: each section gets its rows while they last.
struct Rows {
    next: u16,
    left: u16,
}

impl Rows {
    fn take(&mut self, rows: u16) -> Option<u16> {
        (rows <= self.left).then(|| {
            let y = self.next;
            self.next += rows;
            self.left -= rows;
            y
        })
    }
}

impl Widget for HistoryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let columns = Columns::new(
            area.inner(ratatui::layout::Margin::new(1, 1)),
            self.weeks.len(),
        );
        let weeks = self.shown(&columns);
        let plural = if weeks.len() == 1 { "" } else { "s" };
        let title = if self.overview.nothing_yet().is_some() {
            " Your stretching history ".to_string()
        } else if area.width >= 50 {
            format!(
                " Your stretching history: the last {} week{plural} ",
                weeks.len()
            )
        } else {
            format!(" History: {} week{plural} ", weeks.len())
        };
        let block = theme
            .panel(Line::styled(title, theme.title()))
            .title_bottom(" any key to close ");
        let inner = block.inner(area);
        block.render(area, buf);
        if let Some(words) = self.overview.nothing_yet() {
            // Tests taken before any session: under how to start, as rows allow.
            let room = inner.height.saturating_sub(4);
            let form = [Form::Full, Form::Compact, Form::Line]
                .into_iter()
                .map(|form| (form, self.flexibility_rows(form, inner.width)))
                .find(|(_, rows)| *rows < room)
                .filter(|_| !self.tests.is_empty());
            let Some((form, rows)) = form else {
                self.render_empty(words, inner, buf);
                return;
            };
            let [top, _, bottom] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Fill(1),
                ratatui::layout::Constraint::Length(1),
                ratatui::layout::Constraint::Length(rows),
            ])
            .areas(inner);
            self.render_empty(words, top, buf);
            self.render_flexibility(form, bottom, buf);
            return;
        }
        let line = |y: u16, line: Line, buf: &mut Buffer| {
            line.render(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
        };

        // What must be there: the headline, this week, the months and the seven days. Then,
        // while rows last: the legend, the chart at its least, the headings, air, the advice,
        // the flexibility section, and the chart's growth.
        let side_legend = inner.width >= MARGIN + columns.span() + TODAY_MARK + SIDE_LEGEND;
        let chart_least = 1 + MIN_BAR_ROWS + 1; // heading, bars, labels
        let mut budget = Budget(inner.height.saturating_sub(10));
        let legend_below = !side_legend && budget.want(1);
        let chart = columns.bar > 0 && budget.want(chart_least);
        // The flexibility tests: a line each before the chart grows (or one line in all), in
        // full where rows last.
        let compact = self.flexibility_rows(Form::Compact, inner.width);
        let mut flexibility = if budget.want(compact) {
            Some((Form::Compact, compact))
        } else if budget.want(1) {
            Some((Form::Line, 1))
        } else {
            None
        };
        let chart_air = chart && budget.want(1);
        let cal_heading = budget.want(1);
        let mut extra_bars = 0;
        if chart {
            extra_bars = budget.most(GOOD_BAR_ROWS - MIN_BAR_ROWS);
        }
        let air = budget.want(1);
        let advice = self.advice().filter(|_| budget.want(1));
        let mut flexibility_air = false;
        if let Some((_, rows)) = flexibility {
            let full = self.flexibility_rows(Form::Full, inner.width);
            if full > rows && budget.want(full - rows + 1) {
                flexibility = Some((Form::Full, full));
                flexibility_air = true;
            } else {
                flexibility_air = budget.want(1);
            }
        }
        let held_line = budget.want(1);
        let above_line = budget.want(1);
        if chart {
            extra_bars += budget.most(MAX_BAR_ROWS - MIN_BAR_ROWS - extra_bars);
        }

        let mut rows = Rows {
            next: inner.y,
            left: inner.height,
        };
        if let Some(y) = rows.take(1) {
            line(y, self.headline(inner.width), buf);
        }
        if let Some(y) = rows.take(1) {
            line(y, self.dose_line(inner.width), buf);
        }
        if above_line && let Some(y) = rows.take(1) {
            line(y, self.above_line(inner.width), buf);
        }
        if held_line && let Some(y) = rows.take(1) {
            line(y, Line::raw(self.overview.held_line()), buf);
        }
        if let Some(advice) = advice
            && let Some(y) = rows.take(1)
        {
            line(y, advice, buf);
        }
        if air {
            rows.take(1);
        }
        if cal_heading && let Some(y) = rows.take(1) {
            line(y, self.calendar_heading(weeks, inner.width), buf);
        }
        if let Some(y) = rows.take(1) {
            self.render_months(
                &columns,
                weeks,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                buf,
            );
        }
        if let Some(y) = rows.take(7) {
            let days = Rect {
                y,
                height: 7,
                ..inner
            };
            self.render_calendar(&columns, weeks, days, buf);
            if side_legend {
                let x = columns.x + columns.span() + TODAY_MARK + 2;
                let legend = Rect {
                    x,
                    width: inner.right().saturating_sub(x),
                    ..days
                };
                super::render_lines(self.legend_lines(), legend, buf);
            }
        }
        if legend_below && let Some(y) = rows.take(1) {
            line(y, self.legend_line(inner.width), buf);
        }
        if chart {
            if chart_air {
                rows.take(1);
            }
            if let Some(y) = rows.take(1) {
                line(y, self.chart_heading(inner.width), buf);
            }
            let height = MIN_BAR_ROWS + extra_bars + 1;
            if let Some(y) = rows.take(height) {
                let area = Rect { y, height, ..inner };
                self.render_chart(&columns, weeks, area, buf);
            }
        }
        if let Some((form, height)) = flexibility {
            if flexibility_air {
                rows.take(1);
            }
            if let Some(y) = rows.take(height) {
                self.render_flexibility(form, Rect { y, height, ..inner }, buf);
            }
        }
    }
}
