//! The flexibility tests section: its heading and its rows in each form, or how to take a
//! first test.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::HistoryView;
use crate::history::progress::{self, Series};
use crate::ui::render_lines;

/// How the flexibility section is drawn, by the rows it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// Per test, its results under their dates, a row per leg, and the changes in columns.
    Full,
    /// A heading, then a line per test: the latest against the first.
    Compact,
    /// One line: how many results, and that more rows would show them.
    Line,
}

/// What the flexibility section's changes mean, over them.
const SAYS_CHANGES: &str =
    "smaller than the measuring error is no change; as large or more may be real";
/// The same in fewer words, as the plain text says it.
const SAYS_CHANGES_SHORT: &str = "within the measuring error is no change";

impl HistoryView<'_> {
    /// The flexibility tests, one series per test and way of measuring.
    fn series(&self) -> Vec<Series<'_>> {
        progress::series(self.tests)
    }

    /// Rows the flexibility section takes drawn as `form`, at `width`.
    pub(super) fn flexibility_rows(&self, form: Form, width: u16) -> u16 {
        let all = self.series();
        if all.is_empty() {
            return 1;
        }
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        match form {
            Form::Line => 1,
            Form::Compact => 1 + count(all.len()),
            Form::Full => 1 + all.iter().map(|s| self.series_rows(s, width)).sum::<u16>(),
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
                        note(SAYS_CHANGES_SHORT),
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
                        note(SAYS_CHANGES_SHORT),
                    ]),
                    Line::from(title("Flexibility, latest against first:".into())),
                ],
                width,
            ),
            Form::Line => Self::fit(
                vec![
                    Line::from(vec![
                        title(format!("Flexibility tests: {results}. ")),
                        note("A taller window shows them, or type: supple history --plain"),
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
    pub(super) fn render_flexibility(&self, form: Form, area: Rect, buf: &mut Buffer) {
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
            render_lines([line], area, buf);
            return;
        }
        let mut lines = vec![self.flexibility_heading(form, area.width)];
        match form {
            Form::Line => {}
            Form::Compact => lines.extend(self.series_lines_compact(&all, area.width)),
            Form::Full => lines.extend(self.series_lines_full(&all, area.width)),
        }
        render_lines(lines, area, buf);
    }
}
