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
//!
//! A file per panel: `headline`, `calendar`, `legend`, `chart`, `flexibility` (with `series`,
//! one test's results) and `empty`. Here: the view, the week columns the calendar and the chart
//! share, the glyphs, and `render`, which plans who gets the rows and hands each panel its area.

mod calendar;
mod chart;
mod empty;
mod flexibility;
mod headline;
mod legend;
mod series;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::history::dose::Week;
use crate::history::{Overview, TestResult};
use crate::session::Side;
use flexibility::Form;

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

    /// A day with some stretching, less than its share of the dose.
    fn some_style(&self) -> Style {
        if self.color {
            Style::new().fg(ratatui::style::Color::Green)
        } else {
            Style::new()
        }
    }
}

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

/// Which sections get rows beyond the least, as [`HistoryView::plan`] hands them out.
struct Plan {
    /// The calendar's key beside it; else `legend_below`, a line under it.
    side_legend: bool,
    legend_below: bool,
    /// The chart at its least or more: `extra_bars` rows above [`MIN_BAR_ROWS`].
    chart: bool,
    chart_air: bool,
    extra_bars: u16,
    /// The flexibility section, as a form and its rows.
    flexibility: Option<(Form, u16)>,
    flexibility_air: bool,
    calendar_heading: bool,
    /// A row of air between the lines at the top and the calendar.
    air: bool,
    advice: Option<Line<'static>>,
    held_line: bool,
    above_line: bool,
}

/// Rows handed out top to bottom: each section gets its rows while they last.
struct Rows {
    /// What is left: the rows below those taken.
    left: Rect,
}

impl Rows {
    /// The next `rows` rows across the area, if they are all there.
    fn take(&mut self, rows: u16) -> Option<Rect> {
        (rows <= self.left.height).then(|| {
            let taken = Rect {
                height: rows,
                ..self.left
            };
            self.left.y += rows;
            self.left.height -= rows;
            taken
        })
    }

    /// A row left empty, if there is one.
    fn skip(&mut self) {
        self.take(1);
    }

    /// `line` in the next row, if there is one.
    fn line(&mut self, line: Line<'_>, buf: &mut Buffer) {
        if let Some(row) = self.take(1) {
            line.render(row, buf);
        }
    }
}

impl HistoryView<'_> {
    /// The frame's title: the weeks shown, in fewer words on a narrow screen.
    fn title(&self, weeks: usize, width: u16) -> String {
        let plural = if weeks == 1 { "" } else { "s" };
        if self.overview.nothing_yet().is_some() {
            " Your stretching history ".to_string()
        } else if width >= 50 {
            format!(" Your stretching history: the last {weeks} week{plural} ")
        } else {
            format!(" History: {weeks} week{plural} ")
        }
    }

    /// What must be there: the headline, this week, the months and the seven days. Then,
    /// while rows last: the legend, the chart at its least, the headings, air, the advice,
    /// the flexibility section, and the chart's growth.
    fn plan(&self, inner: Rect, columns: &Columns) -> Plan {
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
        let calendar_heading = budget.want(1);
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
        Plan {
            side_legend,
            legend_below,
            chart,
            chart_air,
            extra_bars,
            flexibility,
            flexibility_air,
            calendar_heading,
            air,
            advice,
            held_line,
            above_line,
        }
    }
}

impl Widget for HistoryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let columns = Columns::new(area.inner(Margin::new(1, 1)), self.weeks.len());
        let weeks = self.shown(&columns);
        let block = theme
            .panel(Line::styled(
                self.title(weeks.len(), area.width),
                theme.title(),
            ))
            .title_bottom(" any key to close ");
        let inner = block.inner(area);
        block.render(area, buf);
        if let Some(words) = self.overview.nothing_yet() {
            self.render_nothing_yet(words, inner, buf);
            return;
        }
        let plan = self.plan(inner, &columns);
        let width = inner.width;
        let mut rows = Rows { left: inner };
        rows.line(self.headline(width), buf);
        rows.line(self.dose_line(width), buf);
        if plan.above_line {
            rows.line(self.above_line(width), buf);
        }
        if plan.held_line {
            rows.line(Line::raw(self.overview.held_line()), buf);
        }
        if let Some(advice) = plan.advice {
            rows.line(advice, buf);
        }
        if plan.air {
            rows.skip();
        }
        if plan.calendar_heading {
            rows.line(self.calendar_heading(weeks, width), buf);
        }
        if let Some(row) = rows.take(1) {
            self.render_months(&columns, weeks, row, buf);
        }
        if let Some(days) = rows.take(7) {
            self.render_calendar(&columns, weeks, days, buf);
            if plan.side_legend {
                self.render_side_legend(&columns, days, buf);
            }
        }
        if plan.legend_below {
            rows.line(self.legend_line(width), buf);
        }
        if plan.chart {
            if plan.chart_air {
                rows.skip();
            }
            rows.line(self.chart_heading(width), buf);
            if let Some(bars) = rows.take(MIN_BAR_ROWS + plan.extra_bars + 1) {
                self.render_chart(&columns, weeks, bars, buf);
            }
        }
        if let Some((form, height)) = plan.flexibility {
            if plan.flexibility_air {
                rows.skip();
            }
            if let Some(section) = rows.take(height) {
                self.render_flexibility(form, section, buf);
            }
        }
    }
}
