//! The end of a session, said plainly: how it went, each leg's seconds as a bar against its
//! target, how that compares with last time, the streak, this week's seconds against the weekly
//! dose, then per exercise and leg what was done.

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
        // Narrow: the same facts in fewer words ("40/60 s, 2/3 holds"), never cut.
        let (held, rest) = if width < 64 {
            (
                format!(" {secs}/{target} s{mark}"),
                format!(", {}/{} holds", count.done, count.planned),
            )
        } else {
            (
                format!(" {secs} s held{mark}"),
                format!(" (target {target} s), {}", holds_text(count)),
            )
        };
        Line::from(vec![
            Span::styled(format!("{name:<6}"), theme.title()),
            Span::styled(glyphs.gauge.repeat(filled), theme.done()),
            Span::styled(glyphs.track.repeat(bar - filled), theme.dim()),
            Span::styled(held, theme.title()),
            Span::raw(rest),
        ])
    }

    /// The sentences under the bars: balance, last time, streak, this week, time.
    fn sentences(&self, held: LegSeconds) -> Vec<String> {
        let vm = self.0;
        let worked = vm
            .tally
            .rows
            .iter()
            .any(|r| r.done > 0 || r.skipped > 0 || whole_seconds(r.held) > 0);
        if !worked {
            return vec![
                "Nothing was done, so nothing is kept.".into(),
                format!("Time: {}.", clock_text(vm.session_elapsed)),
            ];
        }
        // Two legs that both held next to nothing are not "about the same" in any useful way.
        let mut lines: Vec<String> = (held.left.max(held.right) > BALANCE_TOLERANCE_SECS)
            .then(|| balance_text(held.left, held.right))
            .into_iter()
            .collect();
        if let Some(last) = &vm.last_time {
            lines.push(format!("Last time, {}", last.compare(held)));
        }
        let counts = vm.tally.counts();
        match (vm.streaks, counts) {
            (Some(s), true) => lines.push(match s.if_counted {
                1 => "Streak: 1 day. Come back tomorrow to make it two.".to_string(),
                n => format!("Streak: {n} days (a rest day between sessions keeps it)."),
            }),
            (Some(_), false) => lines.push(format!(
                "Kept, but too short to count toward your streak: finish a step or work for {} s.",
                crate::session::tally::COUNTS_AFTER_SECONDS
            )),
            (None, _) => {}
        }
        if let Some(mut week) = vm.week_before {
            if counts {
                week = week.with(held);
            }
            lines.push(crate::history::dose::week_sentence(week.seconds()));
        }
        let paused = if vm.paused_total.as_secs() > 0 {
            format!(", plus {} paused", clock_text(vm.paused_total))
        } else {
            String::new()
        };
        lines.push(format!("Time: {}{paused}.", clock_text(vm.session_elapsed)));
        lines
    }

    /// One row per exercise: what each leg did ("2/2, 40 s held"), or both legs together, or
    /// the work done for a time. At most `room` rows; a last row says how many more there are.
    fn table(&self, room: u16, width: u16) -> Table<'static> {
        let vm = self.0;
        let theme = Theme::of(vm);
        let mut exercises: Vec<usize> = Vec::new();
        for row in &vm.tally.rows {
            if !exercises.contains(&row.exercise) {
                exercises.push(row.exercise);
            }
        }
        let cell = |row: &crate::session::TallyRow| {
            let secs = whole_seconds(row.held);
            let mut text = format!("{}/{}", row.done, row.planned);
            match (row.phase, secs) {
                (_, 0) => {}
                (Phase::Hold, s) => text.push_str(&format!(", {s} s held")),
                (_, s) => text.push_str(&format!(", {s} s")),
            }
            if row.skipped > 0 {
                text.push_str(&format!(", {} skipped", row.skipped));
            }
            text
        };
        let mut rows: Vec<Row> = exercises
            .iter()
            .map(|&exercise| {
                let name = short_name(vm.plan.exercise_name(exercise));
                let of_side = |side| {
                    vm.tally
                        .rows
                        .iter()
                        .find(|r| r.exercise == exercise && r.side == side)
                };
                let (left, right) = match (of_side(Side::Left), of_side(Side::Right)) {
                    (None, None) => {
                        let row = of_side(Side::Both).or_else(|| of_side(Side::None));
                        // Not per leg: said so where there is room, so that it does not read
                        // as the left leg's.
                        let label = match row.map(|r| r.side) {
                            Some(Side::Both) => "both: ",
                            _ if width >= 60 => "warm-up: ",
                            _ => "",
                        };
                        (
                            row.map_or(String::new(), |r| format!("{label}{}", cell(r))),
                            String::new(),
                        )
                    }
                    (l, r) => (l.map_or(String::new(), cell), r.map_or(String::new(), cell)),
                };
                Row::new(vec![Cell::from(name), Cell::from(left), Cell::from(right)])
            })
            .collect();
        let room = usize::from(room.saturating_sub(1));
        if rows.len() > room {
            let more = rows.len() - room.saturating_sub(1);
            rows.truncate(room.saturating_sub(1));
            rows.push(
                Row::new(vec![Cell::from(format!(
                    "and {more} more: the record printed after has them all"
                ))])
                .style(theme.dim()),
            );
        }
        let name_width = exercises
            .iter()
            .map(|&e| short_name(vm.plan.exercise_name(e)).chars().count())
            .max()
            .unwrap_or(8)
            .clamp(8, 30) as u16;
        Table::new(
            rows,
            [
                Constraint::Length(name_width + 2),
                Constraint::Length(26),
                Constraint::Fill(1),
            ],
        )
        .header(Row::new(vec!["Exercise", "Left", "Right"]).style(theme.dim()))
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

        let held = LegSeconds::of(&vm.tally);
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
        // The legs always keep their two rows; the sentences and the gaps give way first.
        let [_, legs_area, _, words_area, _, table_area] = Layout::vertical([
            Constraint::Max(u16::from(airy)),
            Constraint::Length(2),
            Constraint::Max(1),
            Constraint::Max(word_rows),
            Constraint::Max(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        super::render_lines(legs, legs_area, buf);
        words.render(words_area, buf);
        self.table(table_area.height, table_area.width)
            .render(table_area, buf);
    }
}
