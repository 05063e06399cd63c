//! The end of a session, said plainly: how it went, each leg's seconds as a bar against its
//! target, how that compares with last time, the streak, then per exercise and leg what was
//! done.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget, Wrap};

use super::next::short_name;
use super::theme::Theme;
use crate::app::ViewModel;
use crate::history::LegSeconds;
use crate::session::{LegCount, Phase, Side, TARGET_PER_LEG, clock_text, whole_seconds};

/// Differences in held time below this are not worth mentioning.
const BALANCE_TOLERANCE_SECS: u64 = 5;

/// Whether the legs got about the same, or which got more, in a sentence.
pub fn balance_text(left_secs: u64, right_secs: u64) -> String {
    let diff = left_secs.abs_diff(right_secs);
    if diff <= BALANCE_TOLERANCE_SECS {
        "Both legs got about the same.".into()
    } else if left_secs < right_secs {
        format!("The left leg got {diff} s less than the right.")
    } else {
        format!("The right leg got {diff} s less than the left.")
    }
}

pub fn title_text(vm: &ViewModel<'_>) -> &'static str {
    vm.tally.verdict(vm.finished == Some(true)).title()
}

/// "2 of 8 holds, 1 skipped".
fn holds_text(count: LegCount) -> String {
    let mut text = format!("{} of {} holds", count.done, count.planned);
    if count.skipped > 0 {
        text.push_str(&format!(", {} skipped", count.skipped));
    }
    text
}

pub struct Summary<'a>(pub &'a ViewModel<'a>);

impl Summary<'_> {
    /// A leg's seconds as a bar against the target, and its holds.
    fn leg_line(&self, name: &str, secs: u64, count: LegCount, width: u16) -> Line<'static> {
        let theme = Theme::of(self.0);
        let glyphs = theme.glyphs();
        let target = TARGET_PER_LEG.as_secs();
        let bar = usize::from(width.saturating_sub(60)).clamp(8, 40);
        let filled = ((secs.min(target) * bar as u64) / target.max(1)) as usize;
        let mark = if secs >= target { glyphs.reached } else { "" };
        Line::from(vec![
            Span::styled(format!("{name:<6}"), theme.title()),
            Span::styled(glyphs.gauge.repeat(filled), theme.done()),
            Span::styled(glyphs.track.repeat(bar - filled), theme.dim()),
            Span::styled(format!(" {secs} s held{mark}"), theme.title()),
            Span::raw(format!(" (target {target} s), {}", holds_text(count))),
        ])
    }

    /// The sentences under the bars: balance, last time, streak, time.
    fn sentences(&self, held: LegSeconds) -> Vec<String> {
        let vm = self.0;
        let mut lines = vec![balance_text(held.left, held.right)];
        if let Some(last) = &vm.last_time {
            lines.push(format!("Last time, {}", last.compare(held)));
        }
        let counts = vm.tally.counts();
        match (vm.streaks, counts) {
            (Some(s), true) => lines.push(match s.if_counted {
                1 => "Streak: 1 day. Come back tomorrow to make it two.".to_string(),
                n => format!("Streak: {n} days in a row."),
            }),
            (Some(s), false) => lines.push(format!(
                "Too short to count toward your streak ({} day{}): finish a step or work for \
                 {} s.",
                s.otherwise,
                if s.otherwise == 1 { "" } else { "s" },
                crate::session::tally::COUNTS_AFTER_SECONDS
            )),
            (None, _) => {}
        }
        let paused = if vm.paused_total.as_secs() > 0 {
            format!(", plus {} paused", clock_text(vm.paused_total))
        } else {
            String::new()
        };
        lines.push(format!("Time: {}{paused}.", clock_text(vm.session_elapsed)));
        lines
    }

    fn table(&self, narrow: bool) -> Table<'static> {
        let vm = self.0;
        let theme = Theme::of(vm);
        let rows = vm.tally.rows.iter().map(|row| {
            let name = short_name(vm.plan.exercise_name(row.exercise));
            let leg = match (row.side, narrow) {
                (Side::None, _) => "-",
                (side, true) => side.short(),
                (side, false) => side.label(),
            };
            // Cardio and dynamic work is done for a time; only stretches are held.
            let time = whole_seconds(row.held);
            let time = match (row.phase, time) {
                (_, 0) => "-".to_string(),
                (Phase::Hold, t) => format!("{t} s held"),
                (_, t) => format!("{t} s"),
            };
            let mut cells = vec![
                Cell::from(name),
                Cell::from(leg),
                Cell::from(format!("{}/{}", row.done, row.planned)),
            ];
            if !narrow {
                cells.push(Cell::from(if row.skipped > 0 {
                    row.skipped.to_string()
                } else {
                    String::new()
                }));
            }
            cells.push(Cell::from(time));
            Row::new(cells)
        });
        let (widths, header): (Vec<Constraint>, Vec<&str>) = if narrow {
            (
                vec![
                    Constraint::Fill(1),
                    Constraint::Length(4),
                    Constraint::Length(5),
                    Constraint::Length(9),
                ],
                vec!["Exercise", "Leg", "Done", "Time"],
            )
        } else {
            (
                vec![
                    Constraint::Fill(1),
                    Constraint::Length(10),
                    Constraint::Length(5),
                    Constraint::Length(8),
                    Constraint::Length(10),
                ],
                vec!["Exercise", "Leg", "Done", "Skipped", "Time"],
            )
        };
        Table::new(rows, widths).header(Row::new(header).style(theme.dim()))
    }
}

impl Widget for Summary<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let block = theme
            .panel(Line::styled(format!(" {} ", title_text(vm)), theme.title()))
            .title_bottom(" press any key to close ");
        let inner = block.inner(area).inner(ratatui::layout::Margin::new(1, 0));
        block.render(area, buf);

        let held = LegSeconds::from(vm.tally.held_per_leg());
        let (left, right) = vm.tally.hold_reps_per_leg();
        let legs = vec![
            self.leg_line("Left", held.left, left, inner.width),
            self.leg_line("Right", held.right, right, inner.width),
        ];
        let text = Text::from(
            self.sentences(held)
                .into_iter()
                .map(Line::raw)
                .collect::<Vec<_>>(),
        );
        let words = Paragraph::new(text).wrap(Wrap { trim: false });
        let word_rows = u16::try_from(words.line_count(inner.width)).unwrap_or(u16::MAX);
        let airy = inner.height >= 24;
        let [_, legs_area, _, words_area, _, table_area] = Layout::vertical([
            Constraint::Length(u16::from(airy)),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Length(word_rows),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        super::render_lines(legs, legs_area, buf);
        words.render(words_area, buf);
        self.table(inner.width < 60).render(table_area, buf);
    }
}
