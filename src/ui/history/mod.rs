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

mod calendar;
mod chart;
mod empty;
mod flexibility;
mod headline;
mod legend;
mod series;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
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
