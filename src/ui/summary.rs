//! The end of a session, to be read from the mat: how it went in big letters, each leg's
//! seconds in big digits with a bar against its target, then the balance, last time, the
//! streak and this week against the weekly dose, then per exercise and leg what was done.
//! Scaled to the window like the session screen; below 80x24, the same facts in lines.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::bigtext::{self, Align};
use super::next::short_name;
use super::theme::Theme;
use super::{REGULAR_SIZE, render_lines};
use crate::app::ViewModel;
use crate::history::LegSeconds;
use crate::session::tally::Verdict;
use crate::session::{LegCount, Phase, Side, TARGET_PER_LEG, TallyRow, whole_seconds};

pub fn title_text(vm: &ViewModel<'_>) -> &'static str {
    verdict(vm).title()
}

fn verdict(vm: &ViewModel<'_>) -> Verdict {
    vm.tally.verdict(vm.finished == Some(true))
}

/// The verdict in big letters: the longest words that fit first, then shorter ones.
fn verdict_words(verdict: Verdict) -> &'static [&'static str] {
    match verdict {
        Verdict::Complete => &["COMPLETE", "DONE"],
        Verdict::MostlySkipped => &["MOSTLY SKIPPED", "SKIPPED"],
        Verdict::Early | Verdict::NothingHeld => &["ENDED EARLY", "ENDED"],
    }
}

/// "2 of 8 holds, 1 skipped".
fn holds_text(count: LegCount) -> String {
    let mut text = format!("{} of {} holds", count.done, count.planned);
    if count.skipped > 0 {
        text.push_str(&format!(", {} skipped", count.skipped));
    }
    text
}

/// How many rows of the table are not shown, in the words that fit `width`.
fn more_text(more: usize, width: u16) -> String {
    [
        format!("and {more} more: the record printed after has them all"),
        format!("and {more} more in the record printed after"),
        format!("and {more} more"),
    ]
    .into_iter()
    .find(|t| t.chars().count() <= usize::from(width))
    .unwrap_or_default()
}

/// One exercise's rows of the tally, by leg.
struct ExerciseRow {
    name: String,
    /// What the left and right leg did, where it was per leg.
    per_leg: Option<(Option<String>, Option<String>)>,
    /// What was done where it was not per leg: "warm-up: 1/1, 60 s", "both legs: 3/3, 60 s
    /// held".
    whole: Option<String>,
}

/// "2/2, 40 s held": done of planned, seconds (held, in a hold), skipped.
fn cell(row: &TallyRow) -> String {
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
}

pub struct Summary<'a>(pub &'a ViewModel<'a>);

impl Summary<'_> {
    fn theme(&self) -> Theme {
        Theme::of(self.0)
    }

    /// The sentences under the legs: balance, last time, streak, this week, time (the same
    /// as the record printed after the screen closes).
    fn sentences(&self, held: LegSeconds) -> Vec<String> {
        let vm = self.0;
        crate::history::report::sentences(&crate::history::report::Facts {
            tally: &vm.tally,
            held,
            last_time: vm.last_time.as_ref(),
            streaks: vm.streaks,
            week_before: vm.week_before,
            elapsed: vm.session_elapsed,
            paused: vm.paused_total,
        })
    }

    /// The sentences as a paragraph, each label's word in bold.
    fn sentences_paragraph(&self, held: LegSeconds) -> Paragraph<'static> {
        let theme = self.theme();
        let lines: Vec<Line<'static>> = self
            .sentences(held)
            .into_iter()
            .map(|s| match s.split_once(": ") {
                Some((label, rest)) if matches!(label, "Streak" | "This week" | "Time") => {
                    Line::from(vec![
                        Span::styled(format!("{label}: "), theme.title()),
                        Span::raw(rest.to_string()),
                    ])
                }
                _ => Line::raw(s),
            })
            .collect();
        Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false })
    }

    /// Each exercise once, in plan order, with what each leg did or what was done with both
    /// or with no leg.
    fn exercises(&self) -> Vec<ExerciseRow> {
        let vm = self.0;
        let mut order: Vec<usize> = Vec::new();
        for row in &vm.tally.rows {
            if !order.contains(&row.exercise) {
                order.push(row.exercise);
            }
        }
        order
            .into_iter()
            .map(|exercise| {
                let of_side = |side| {
                    vm.tally
                        .rows
                        .iter()
                        .find(|r| r.exercise == exercise && r.side == side)
                };
                let name = short_name(vm.plan.exercise_name(exercise));
                match (of_side(Side::Left), of_side(Side::Right)) {
                    (None, None) => {
                        let whole = of_side(Side::Both)
                            .or_else(|| of_side(Side::None))
                            .map(|r| match r.side {
                                Side::Both => format!("both legs: {}", cell(r)),
                                _ => format!("warm-up: {}", cell(r)),
                            });
                        ExerciseRow {
                            name,
                            per_leg: None,
                            whole,
                        }
                    }
                    (l, r) => ExerciseRow {
                        name,
                        per_leg: Some((l.map(cell), r.map(cell))),
                        whole: None,
                    },
                }
            })
            .collect()
    }

    /// The rows the table takes with room for all of it.
    fn table_rows(&self) -> u16 {
        u16::try_from(self.exercises().len() + 1).unwrap_or(u16::MAX)
    }

    /// One row per exercise under Exercise, Left and Right; what was not per leg (a warm-up,
    /// both legs together) on a rule across Left and Right, so that it never reads as either
    /// leg's alone. At most `area.height` rows; a last row says how many more.
    fn table(&self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 {
            return;
        }
        let theme = self.theme();
        let rows = self.exercises();
        let name_width = rows
            .iter()
            .map(|r| r.name.chars().count())
            .max()
            .unwrap_or(8)
            .clamp(8, 30) as u16
            + 2;
        let leg_width = (area.width.saturating_sub(name_width) / 2).min(28);
        let [name_col, left_col, right_col, _] = Layout::horizontal([
            Constraint::Length(name_width),
            Constraint::Length(leg_width),
            Constraint::Length(leg_width),
            Constraint::Fill(1),
        ])
        .areas(area);
        let row_at = |col: Rect, i: u16| Rect {
            y: area.y + i,
            height: 1,
            ..col
        };
        for (col, word) in [
            (name_col, "Exercise"),
            (left_col, "Left"),
            (right_col, "Right"),
        ] {
            Line::styled(word, theme.dim()).render(row_at(col, 0), buf);
        }
        let rule_glyph = theme.glyphs().bar_to_do;
        let room = usize::from(area.height - 1);
        let shown = if rows.len() > room {
            room.saturating_sub(1)
        } else {
            rows.len()
        };
        for (i, row) in rows.iter().take(shown).enumerate() {
            let y = u16::try_from(i + 1).unwrap_or(u16::MAX);
            Line::raw(row.name.as_str()).render(row_at(name_col, y), buf);
            if let Some((left, right)) = &row.per_leg {
                for (col, text) in [(left_col, left), (right_col, right)] {
                    if let Some(text) = text {
                        Line::raw(text.clone()).render(row_at(col, y), buf);
                    }
                }
            }
            if let Some(whole) = &row.whole {
                // A rule across both columns, the words in its middle: one result for both.
                let span = row_at(left_col.union(right_col), y);
                let words = format!(" {whole} ");
                let len = u16::try_from(words.chars().count()).unwrap_or(u16::MAX);
                let rule = span.width.saturating_sub(len + 2);
                let before = usize::from(rule / 2);
                let after = usize::from(rule - rule / 2);
                let (label, rest) = words.split_once(": ").unwrap_or(("", &words));
                Line::from(vec![
                    Span::styled(rule_glyph.repeat(before), theme.dim()),
                    Span::styled(format!("{label}: "), theme.dim()),
                    Span::raw(rest.to_string()),
                    Span::styled(rule_glyph.repeat(after), theme.dim()),
                ])
                .render(span, buf);
            }
        }
        if shown < rows.len() {
            let more = rows.len() - shown;
            let y = u16::try_from(shown + 1).unwrap_or(u16::MAX);
            Line::styled(more_text(more, area.width), theme.dim()).render(row_at(area, y), buf);
        }
    }

    /// The table in lines for a narrow screen, each result named by its leg: "Anchor
    /// stretch  L 2/2, 40 s held  R 1/2, 32 s held", "Marching in place  warm-up: 1/1, 60 s".
    fn table_lines(&self, room: u16, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme();
        let rows = self.exercises();
        let mut lines: Vec<Line<'static>> = rows
            .iter()
            .map(|row| {
                let mut spans = vec![Span::styled(row.name.clone(), theme.title())];
                if let Some((left, right)) = &row.per_leg {
                    for (leg, text) in [("L", left), ("R", right)] {
                        if let Some(text) = text {
                            spans.push(Span::styled(format!("  {leg} "), theme.dim()));
                            spans.push(Span::raw(text.clone()));
                        }
                    }
                }
                if let Some(whole) = &row.whole {
                    spans.push(Span::raw(format!("  {whole}")));
                }
                Line::from(spans)
            })
            .collect();
        let room = usize::from(room);
        if lines.len() > room {
            let more = lines.len() - room.saturating_sub(1);
            lines.truncate(room.saturating_sub(1));
            lines.push(Line::styled(more_text(more, width), theme.dim()));
        }
        lines
    }

    /// A leg's seconds as a one-row bar against the target, and its holds (narrow screens).
    fn leg_line(&self, name: &str, secs: u64, count: LegCount, width: u16) -> Line<'static> {
        let theme = self.theme();
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

    /// A leg's bar against the target across `area`: filled in the leg's colour on a dim
    /// track, the seconds, the target and the holds written across its middle row in the
    /// bar's own colours (dark on the filled part), so that the words never hide how far it
    /// goes.
    fn leg_bar(&self, side: Side, secs: u64, count: LegCount, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let glyphs = theme.glyphs();
        let target = TARGET_PER_LEG.as_secs();
        let filled = area.left()
            + u16::try_from(u64::from(area.width) * secs.min(target) / target.max(1))
                .unwrap_or(area.width);
        let mark = if secs >= target { glyphs.reached } else { "" };
        let dot = glyphs.dot;
        let label = [
            format!(" {secs} of {target} s{mark} {dot} {} ", holds_text(count)),
            format!(
                " {secs}/{target} s{mark}, {}/{} holds ",
                count.done, count.planned
            ),
            format!(" {secs}/{target} s{mark} "),
        ]
        .into_iter()
        .find(|l| l.chars().count() <= usize::from(area.width))
        .unwrap_or_default();
        let label: Vec<char> = label.chars().collect();
        let len = u16::try_from(label.len()).unwrap_or(u16::MAX);
        let label_x = area.x + (area.width - len.min(area.width)) / 2;
        let middle = area.y + area.height / 2;
        for x in area.left()..area.right() {
            let on_bar = x < filled;
            for y in area.top()..area.bottom() {
                let letter = (y == middle && x >= label_x)
                    .then(|| label.get(usize::from(x - label_x)))
                    .flatten();
                let mut utf8 = [0; 4];
                let (symbol, style) = match (letter, on_bar) {
                    (Some(c), true) => (&*c.encode_utf8(&mut utf8), theme.leg_band(side)),
                    (Some(c), false) => (&*c.encode_utf8(&mut utf8), theme.title()),
                    (None, true) => (glyphs.gauge, theme.leg_side(side)),
                    (None, false) => (glyphs.track, theme.dim()),
                };
                buf[(x, y)].set_symbol(symbol).set_style(style);
            }
        }
    }

    /// A leg's seconds in big digits `rows` tall at its side of `area`, "s" after them on
    /// their last row.
    fn leg_digits(&self, side: Side, secs: u64, rows: u16, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let style = self.theme().leg_side(side);
        let digits = secs.to_string();
        let width = bigtext::width(&digits, rows).min(area.width.saturating_sub(2));
        let x = match side {
            Side::Right => area.right().saturating_sub(width + 2),
            _ => area.x,
        };
        let spot = Rect::new(x, area.y, width, rows.min(area.height));
        bigtext::render(&digits, rows, spot, Align::Left, style, vm.ascii, buf);
        buf.set_string(
            spot.right() + 1,
            spot.bottom().saturating_sub(1),
            "s",
            style,
        );
    }

    /// From 80x24: the verdict, the legs and the sentences in big letters and digits as the
    /// window allows, then the table.
    fn render_big(&self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = self.theme();
        let h = area.height;
        let held = LegSeconds::of(&vm.tally);
        let (left_count, right_count) = vm.tally.hold_reps_per_leg();
        // The verdict: 4 rows from 80x24, 6 from 30 rows, 8 from 45, 12 from 56 (as the width
        // allows); a shorter word where the longest would be under 4 rows (under that the
        // letters break up).
        let target = match h {
            0..30 => 4,
            30..45 => 6,
            45..56 => 8,
            _ => 12,
        };
        let words = verdict_words(verdict(vm));
        let fit = |w: &&'static str| (*w, bigtext::rows_to_fit(w, area.width, target));
        let (word, verdict_rows) = words
            .iter()
            .map(fit)
            .find(|(_, rows)| *rows >= 4)
            .or_else(|| words.last().map(fit))
            .unwrap_or(("", 0));
        // The verdict in words under its letters too: big letters are a picture, and a
        // screen reader, a copy or a shorter word needs the sentence.
        let subtitle = Some(title_text(vm));
        let subtitle_rows = u16::from(subtitle.is_some());
        let sentences = self.sentences_paragraph(held);
        let sentence_rows = u16::try_from(sentences.line_count(area.width)).unwrap_or(u16::MAX);
        let bar_rows = if h >= 36 { 3 } else { 1 };
        // Verdict, air, the legs' words, their digits, their bars, air, the sentences, air,
        // the table.
        let fixed = verdict_rows + subtitle_rows + 1 + 1 + bar_rows + 1 + sentence_rows + 1;
        let half = area.width / 2 - 1;
        let by_width = [held.left, held.right]
            .iter()
            .map(|s| bigtext::rows_to_fit(&s.to_string(), half.saturating_sub(2), u16::MAX))
            .min()
            .unwrap_or(0);
        let spare = h.saturating_sub(fixed);
        let table_need = self.table_rows();
        // The digits from 4 rows up to 20 as the width allows, leaving the table its rows
        // where they can; the table takes what is left, and what is left then goes a third
        // above the verdict.
        let digits_rows = spare
            .saturating_sub(table_need)
            .clamp(4, 20)
            .min(by_width)
            .min(spare);
        let table_rows = spare.saturating_sub(digits_rows).min(table_need);
        let left_over = spare - digits_rows - table_rows;
        let [
            _,
            verdict_area,
            subtitle_area,
            _,
            labels,
            digits,
            bars,
            _,
            words_area,
            _,
            table_area,
        ] = Layout::vertical([
            Constraint::Length(left_over / 3),
            Constraint::Length(verdict_rows),
            Constraint::Length(subtitle_rows),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(digits_rows),
            Constraint::Length(bar_rows),
            Constraint::Length(1),
            Constraint::Length(sentence_rows),
            Constraint::Length(1),
            Constraint::Length(table_rows),
        ])
        .areas(area);
        let verdict_style = match verdict(vm) {
            Verdict::Complete => theme.done(),
            _ => theme.title(),
        };
        bigtext::render(
            word,
            verdict_rows,
            verdict_area,
            Align::Center,
            verdict_style,
            vm.ascii,
            buf,
        );
        if let Some(subtitle) = subtitle {
            Line::styled(subtitle, verdict_style)
                .centered()
                .render(subtitle_area, buf);
        }
        let halves = |rect: Rect| -> [Rect; 2] {
            let [l, _, r] = Layout::horizontal([
                Constraint::Length(half),
                Constraint::Fill(1),
                Constraint::Length(half),
            ])
            .areas(rect);
            [l, r]
        };
        let (left_word, right_word) = if vm.ascii {
            ("< LEFT", "RIGHT >")
        } else {
            ("◀ LEFT", "RIGHT ▶")
        };
        let legs = [
            (Side::Left, left_word, held.left, left_count, Align::Left),
            (
                Side::Right,
                right_word,
                held.right,
                right_count,
                Align::Right,
            ),
        ];
        for ((side, name, secs, count, align), ((label, digits), bar)) in legs.into_iter().zip(
            halves(labels)
                .into_iter()
                .zip(halves(digits))
                .zip(halves(bars)),
        ) {
            let style = theme.leg_side(side);
            let line = Line::styled(name, style);
            match align {
                Align::Right => line.right_aligned(),
                _ => line.left_aligned(),
            }
            .render(label, buf);
            if digits_rows >= 3 {
                self.leg_digits(side, secs, digits_rows, digits, buf);
            }
            self.leg_bar(side, secs, count, bar, buf);
        }
        sentences.render(words_area, buf);
        self.table(table_area, buf);
    }

    /// Below 80x24: the verdict on a band, each leg's seconds on a row with its bar, the
    /// sentences where they fit (the legs never give way to them), then the table in lines.
    fn render_lines(&self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = self.theme();
        let held = LegSeconds::of(&vm.tally);
        let (left, right) = vm.tally.hold_reps_per_leg();
        let legs = vec![
            self.leg_line("Left", held.left, left, area.width),
            self.leg_line("Right", held.right, right, area.width),
        ];
        let words = self.sentences_paragraph(held);
        let word_rows = u16::try_from(words.line_count(area.width)).unwrap_or(u16::MAX);
        let [verdict_row, _, legs_area, _, words_area, _, table_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Max(1),
            Constraint::Length(2),
            Constraint::Max(1),
            Constraint::Max(word_rows),
            Constraint::Max(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let style = match verdict(vm) {
            Verdict::Complete => theme.done(),
            _ => theme.title(),
        }
        .add_modifier(Modifier::REVERSED);
        buf.set_style(verdict_row, style);
        // The whole verdict where it fits, else its word.
        let title = title_text(vm).to_uppercase();
        let said = std::iter::once(title.as_str())
            .chain(verdict_words(verdict(vm)).iter().copied())
            .find(|w| w.chars().count() + 2 <= usize::from(area.width))
            .unwrap_or_default();
        Line::styled(format!(" {said} "), style)
            .centered()
            .render(verdict_row, buf);
        render_lines(legs, legs_area, buf);
        words.render(words_area, buf);
        render_lines(
            self.table_lines(table_area.height, table_area.width),
            table_area,
            buf,
        );
    }
}

impl Widget for Summary<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme();
        let [body, footer] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let body = body.inner(Margin::new(1, 0));
        if area.width >= REGULAR_SIZE.0 && area.height >= REGULAR_SIZE.1 {
            self.render_big(body, buf);
        } else {
            self.render_lines(body, buf);
        }
        Line::from(vec![
            Span::raw(" "),
            Span::styled("any key", theme.key()),
            Span::raw(" close"),
        ])
        .render(footer, buf);
    }
}
