//! One test's results: in full, a table of dates with a row per leg and the changes, or in
//! one line.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::HistoryView;
use crate::history::change::Change;
use crate::history::progress::{self, Series, change_words, date_label, shown};
use crate::session::Side;

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

impl HistoryView<'_> {
    /// Rows a series takes in full at `width`: its title, the dates, a row per leg, the line
    /// under a first test, the verdicts.
    pub(super) fn series_rows(&self, s: &Series<'_>, width: u16) -> u16 {
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let table = self.table(s, width);
        2 + count(s.sides().len()) + count(s.verdicts().len()) + u16::from(table.first_test)
    }

    /// Every series in full; the changes line up across the tests where the widest row still
    /// fits.
    pub(super) fn series_lines_full(&self, all: &[Series<'_>], width: u16) -> Vec<Line<'static>> {
        let tables: Vec<(usize, usize, usize)> = all
            .iter()
            .map(|s| {
                let t = self.table(s, width);
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
        let align = (widest <= usize::from(width)).then_some((values, first));
        all.iter()
            .flat_map(|s| self.series_lines(s, width, align))
            .collect()
    }

    /// Text with its degree signs, or `deg` in ASCII.
    fn units(&self, text: String) -> String {
        if self.ascii {
            progress::ascii_units(&text)
        } else {
            text
        }
    }

    /// Where results are left out between the first and the latest.
    fn gap(&self) -> &'static str {
        if self.ascii { "..." } else { "…" }
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
        let mut table = self.table(s, width);
        let own = table.columns.len() * table.column;
        let pad = match align {
            Some((values, first)) => {
                table.first_width = first;
                " ".repeat(values.saturating_sub(own))
            }
            None => String::new(),
        };
        let mut lines = vec![self.series_title(s, width), self.dates(s, &table, &pad)];
        for side in s.sides() {
            lines.push(self.leg_row(s, &table, &pad, *side));
        }
        if table.first_test {
            lines.push(Line::styled(
                format!(
                    "  the first {} test: the next ones are compared with it",
                    s.test.name()
                ),
                self.theme().dim(),
            ));
        }
        lines.extend(self.verdicts(s, width));
        lines
    }

    /// A series' title and what it measures, in as many words as fit.
    fn series_title(&self, s: &Series<'_>, width: u16) -> Line<'static> {
        let theme = self.theme();
        Self::fit(
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
        )
    }

    /// The table's head: the dates of the results shown, then the changes' headings.
    fn dates(&self, s: &Series<'_>, table: &Table, pad: &str) -> Line<'static> {
        let theme = self.theme();
        let latest = s.latest().day();
        let column = table.column;
        let mut header = vec![Span::raw(" ".repeat(LEG_COLUMN))];
        for c in &table.columns {
            let label = match c {
                Some(i) => date_label(s.results[*i].day(), latest),
                None => self.gap().to_string(),
            };
            header.push(Span::styled(format!("{label:>column$}"), theme.dim()));
        }
        header.push(Span::raw(pad.to_string()));
        if !table.first_test {
            header.push(Span::styled(
                format!("   {:<w$}", "since the first", w = table.first_width),
                theme.dim(),
            ));
        }
        if s.comparison.last.is_some() {
            header.push(Span::styled("  since the last", theme.dim()));
        }
        Line::from(header)
    }

    /// A leg's row: its results, then its change since the first and the last test.
    fn leg_row(&self, s: &Series<'_>, table: &Table, pad: &str, side: Side) -> Line<'static> {
        let column = table.column;
        let mut row = self.leg_name(side);
        for c in &table.columns {
            let value = match c {
                Some(i) => {
                    Series::value(s.results[*i], side).map_or_else(String::new, |v| v.to_string())
                }
                None => self.gap().to_string(),
            };
            row.push(Span::styled(
                format!("{value:>column$}"),
                self.leg_style(side),
            ));
        }
        row.push(Span::raw(pad.to_string()));
        if let Some(change) = s.since_first(side) {
            let words = self.units(change_words(change, s.test, table.long));
            row.push(Span::raw("   "));
            row.push(Span::styled(
                format!("{words:<w$}", w = table.first_width),
                self.change_style(change),
            ));
        }
        if let Some(change) = s.since_last(side) {
            let words = self.units(change_words(change, s.test, table.long));
            row.push(Span::raw("  "));
            row.push(Span::styled(words, self.change_style(change)));
        }
        Line::from(row)
    }

    /// What the latest test says beyond the numbers, when one leg tested tighter: in full
    /// where it fits, in a few words where it does not.
    fn verdicts(&self, s: &Series<'_>, width: u16) -> Vec<Line<'static>> {
        let Some(a) = s.asymmetry() else {
            return Vec::new();
        };
        let unit = s.test.unit().after();
        let short = [
            format!(
                "{} tested tighter by {}{unit}: may be real",
                a.tighter.name(),
                a.by
            ),
            "painful side, or leg symptoms? Ask a physiotherapist first".into(),
        ];
        let line =
            |text: String| Line::styled(format!("  {}", self.units(text)), self.theme().caution());
        s.verdicts()
            .into_iter()
            .zip(short)
            .map(|(long, short)| Self::fit(vec![line(long), line(short)], width))
            .collect()
    }

    /// The compact form's lines: each series in one line, all in the same words, the longest
    /// that fit `width`.
    pub(super) fn series_lines_compact(
        &self,
        all: &[Series<'_>],
        width: u16,
    ) -> Vec<Line<'static>> {
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
}
