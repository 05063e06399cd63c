//! The guided `supple test` screen, drawn from the [`Guide`] alone: the choice of test, how to
//! do it beside its figure, each leg's number in big digits under the leg in big letters, the
//! optional questions, and the result with its comparison. Fits 40x12 and up.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::bigtext::{self, Align};
use super::help::centered;
use super::leg::leg_words;
use super::theme::Theme;
use super::{MIN_SIZE, art, render_lines};
use crate::flextest::guide::{CHOICES, Guide, Stage};
use crate::history::change::{threshold_line, values};
use crate::history::flex::{FELT, Legs, TestResult};
use crate::safety::{CAUTION, STOP_RULE};
use crate::session::Side;

/// How the test is taken, in one line.
pub const WHEN: &str = "Take it warm, after a session, the same way each time.";

/// A strength from which the saved screen asks for a gentler test next time.
const TOO_STRONG: u8 = 7;

/// The whole screen.
pub struct GuideScreen<'a>(pub &'a Guide);

impl Widget for GuideScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let guide = self.0;
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            too_small(area, buf);
            return;
        }
        let theme = Theme::with(guide.color, guide.ascii);
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let body = body.inner(Margin::new(1, 0));
        header_line(guide, theme).render(header, buf);
        footer_line(guide, theme, footer.width).render(footer, buf);
        match &guide.stage {
            Stage::Choose { selected } => choose(guide, *selected, theme, body, buf),
            Stage::HowTo => how_to(guide, theme, body, buf),
            Stage::Enter { side, typed } => enter(guide, *side, typed, theme, body, buf),
            Stage::Felt => felt(guide, theme, body, buf),
            Stage::Strength { typed } => strength(guide, typed, theme, body, buf),
            Stage::Saved {
                result,
                comparison,
                place,
            } => {
                let mut lines: Vec<Line> = comparison
                    .lines(result.test)
                    .into_iter()
                    .map(Line::raw)
                    .collect();
                if result.strength.is_some_and(|s| s >= TOO_STRONG) {
                    lines.push(Line::styled(
                        "That was strong: next time stop at a gentle pull, never pain.",
                        theme.caution(),
                    ));
                }
                lines.push(Line::styled(threshold_line(result.test), theme.dim()));
                lines.push(Line::styled(place.clone(), theme.dim()));
                result_screen(guide, result, "Saved", lines, theme, body, buf);
            }
            Stage::NotSaved { result, why } => {
                let lines = vec![
                    Line::styled("This result was not saved:", theme.caution()),
                    Line::raw(why.clone()),
                    Line::raw(format!(
                        "Record it later with: supple test --record {} {}",
                        result.test.id(),
                        crate::flextest::record_flags(result)
                    )),
                ];
                result_screen(guide, result, "Not saved", lines, theme, body, buf);
            }
        }
    }
}

fn header_line(guide: &Guide, theme: Theme) -> Line<'static> {
    let what = match guide.stage {
        Stage::Choose { .. } => "Flexibility test".to_string(),
        _ => format!("Flexibility test: {}", guide.choice.title()),
    };
    Line::from(vec![Span::styled(format!(" {what}"), theme.title())])
}

fn footer_line(guide: &Guide, theme: Theme, width: u16) -> Line<'static> {
    let keys: &[(&str, &str)] = match guide.stage {
        Stage::Choose { .. } => &[("1-4", "choose"), ("Enter", "next"), ("q", "leave")],
        Stage::HowTo if guide.how_to_page + 1 < guide.how_to_pages => {
            &[("→", "more"), ("Enter", "I'm ready"), ("q", "leave")]
        }
        Stage::HowTo if guide.how_to_pages > 1 => {
            &[("←", "back"), ("Enter", "I'm ready"), ("q", "leave")]
        }
        Stage::HowTo => &[
            ("Enter", "I'm ready"),
            ("Backspace", "back"),
            ("q", "leave"),
        ],
        Stage::Enter { .. } => &[
            ("0-9", "type"),
            ("Enter", "take it"),
            ("Esc", "leave, nothing saved"),
        ],
        Stage::Felt => &[
            ("1-4", "choose"),
            ("Enter", "skip"),
            ("Esc", "leave, nothing saved"),
        ],
        Stage::Strength { .. } => &[
            ("0-10", "type"),
            ("Enter", "save"),
            ("Esc", "leave, nothing saved"),
        ],
        Stage::Saved { .. } | Stage::NotSaved { .. } => &[("any key", "leave")],
    };
    let mut spans = vec![Span::raw(" ")];
    for (key, word) in keys {
        // Narrow screens: the first word of each ("leave"; "ready" for "I'm ready"), and one
        // space between.
        let (word, gap) = if width < 60 {
            let short = word.trim_start_matches("I'm ");
            (short.split([',', ' ']).next().unwrap_or(short), " ")
        } else {
            (*word, "  ")
        };
        spans.push(Span::styled(*key, theme.key()));
        spans.push(Span::raw(format!(" {word}{gap}")));
    }
    Line::from(spans)
}

/// Text that wraps in `area`, cut at its bottom.
fn wrapped(text: impl Into<Text<'static>>, area: Rect, buf: &mut Buffer) {
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Rows `lines` take wrapped at `width`.
fn rows_of(lines: &[Line<'static>], width: u16) -> u16 {
    let count = Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: true })
        .line_count(width);
    u16::try_from(count).unwrap_or(u16::MAX)
}

fn choose(guide: &Guide, selected: usize, theme: Theme, area: Rect, buf: &mut Buffer) {
    let notes = vec![Line::raw(WHEN), Line::styled(CAUTION, theme.caution())];
    let notes_rows = rows_of(&notes, area.width);
    let room = area.height.saturating_sub(notes_rows + 1);
    // One row a test; its last result under it, and air between them, where they fit.
    let with_last = room >= 2 + 2 * 4;
    let airy = room >= 2 + 3 * 4;
    let mut lines = vec![Line::styled("Which test?", theme.focus()), Line::raw("")];
    for (i, choice) in CHOICES.iter().enumerate() {
        let chosen = i == selected;
        let style = if chosen {
            theme
                .title()
                .add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            theme.title()
        };
        let mut spans = vec![
            Span::styled(
                format!("{} {} ", if chosen { ">" } else { " " }, i + 1),
                theme.key(),
            ),
            Span::styled(format!(" {:<33}", choice.title()), style),
        ];
        if area.width >= 72 {
            spans.push(Span::styled(format!("  {}", choice.summary()), theme.dim()));
        }
        lines.push(Line::from(spans));
        if with_last {
            let last = guide.last_of(*choice).map_or_else(
                || "      not taken yet".to_string(),
                |last| format!("      last: {} on {}", values(last), last.day()),
            );
            lines.push(Line::styled(last, theme.dim()));
        }
        if airy {
            lines.push(Line::raw(""));
        }
    }
    let used = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(room);
    let [list, _, rest] = Layout::vertical([
        Constraint::Length(used),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_lines(lines, list, buf);
    wrapped(notes, rest, buf);
}

/// The how-to's body: the steps beside the figure where there is room; otherwise its parts in
/// turn, on as many pages as the rows need.
enum HowTo {
    Figure {
        figure: &'static str,
        size: (u16, u16),
        cues: Vec<Line<'static>>,
        notes: Vec<Line<'static>>,
    },
    /// The pages, and the first that tells how to read the result.
    Pages(Vec<Vec<Line<'static>>>, usize),
}

/// The how-to's body area within the whole screen `area`, as `GuideScreen` lays it out.
fn body_of(area: Rect) -> Rect {
    Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    }
    .inner(Margin::new(1, 0))
}

/// The pages the how-to of `guide`'s test takes on a screen of `area` (1 where it all fits).
pub fn how_to_pages(guide: &Guide, area: Rect) -> usize {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return 1;
    }
    let theme = Theme::with(guide.color, guide.ascii);
    match how_to_plan(guide, theme, body_of(area)) {
        HowTo::Figure { .. } => 1,
        HowTo::Pages(pages, _) => pages.len().max(1),
    }
}

fn how_to_plan(guide: &Guide, theme: Theme, area: Rect) -> HowTo {
    let choice = guide.choice;
    let cues: Vec<Line<'static>> = choice
        .cues()
        .iter()
        .enumerate()
        .map(|(i, cue)| {
            Line::from(vec![
                Span::styled(format!("{}. ", i + 1), theme.key()),
                Span::styled(*cue, theme.key_cue()),
            ])
        })
        .collect();
    let caution = Line::styled(CAUTION, theme.caution());
    let reading = Line::raw(choice.reading());
    let when = Line::raw(WHEN);
    let notes = vec![reading.clone(), when.clone(), caution.clone()];
    let figure = art::figure(choice.figure());
    let size = figure.map_or((0, 0), art::size);
    let notes_rows = rows_of(&notes, area.width);
    if let Some(figure) = figure
        && area.width >= 70
        && area.height > size.1 + 2 + notes_rows
    {
        // Rows to spare: air between the notes.
        let spare = area.height - (size.1 + 2 + 1 + notes_rows);
        let notes = if spare >= 2 {
            vec![reading, Line::raw(""), when, Line::raw(""), caution]
        } else {
            notes
        };
        return HowTo::Figure {
            figure,
            size,
            cues,
            notes,
        };
    }
    let mut all = cues.clone();
    all.push(Line::raw(""));
    all.extend(notes);
    if rows_of(&all, area.width) <= area.height {
        return HowTo::Pages(vec![all], 0);
    }
    // Pages, each with a row kept for where it is: the stop rule and the steps first, then how
    // to read the result and when to take it.
    let room = area.height.saturating_sub(1);
    let mut pages: Vec<Vec<Line<'static>>> = Vec::new();
    let mut page: Vec<Line<'static>> = Vec::new();
    let mut used = 0;
    let mut steps = vec![caution];
    steps.extend(cues);
    let mut reading_from = 0;
    for (n, section) in [steps, vec![reading, when]].into_iter().enumerate() {
        let rows = rows_of(&section, area.width);
        // A section starts a page where it would not fit whole after what is there.
        if !page.is_empty() && used + rows > room {
            pages.push(std::mem::take(&mut page));
            used = 0;
        }
        if n == 1 {
            reading_from = pages.len();
        }
        for line in section {
            let rows = rows_of(std::slice::from_ref(&line), area.width);
            if !page.is_empty() && used + rows > room {
                pages.push(std::mem::take(&mut page));
                used = 0;
            }
            page.push(line);
            used += rows;
        }
    }
    if !page.is_empty() {
        pages.push(page);
    }
    HowTo::Pages(pages, reading_from)
}

fn how_to(guide: &Guide, theme: Theme, area: Rect, buf: &mut Buffer) {
    match how_to_plan(guide, theme, area) {
        HowTo::Figure {
            figure,
            size: (fw, fh),
            cues,
            notes,
        } => {
            let [top, _, bottom] = Layout::vertical([
                Constraint::Length(fh + 2),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(area);
            let [figure_area, _, cue_area] = Layout::horizontal([
                Constraint::Length(fw + 4),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(top);
            let block = Block::bordered()
                .border_set(theme.glyphs().border)
                .border_style(theme.border());
            let inner = block.inner(figure_area);
            block.render(figure_area, buf);
            render_lines(figure.lines().map(Line::raw), centered(inner, fw, fh), buf);
            let mut spaced = Vec::new();
            for cue in cues {
                spaced.push(cue);
                if area.height >= 30 {
                    spaced.push(Line::raw(""));
                }
            }
            wrapped(spaced, cue_area, buf);
            wrapped(notes, bottom, buf);
        }
        HowTo::Pages(pages, reading_from) => {
            let count = pages.len();
            let shown = guide.how_to_page.min(count.saturating_sub(1));
            let Some(page) = pages.into_iter().nth(shown) else {
                return;
            };
            if count == 1 {
                wrapped(page, area, buf);
                return;
            }
            let [text, mark] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
            wrapped(page, text, buf);
            let (back, more) = if guide.ascii {
                ("<-", "->")
            } else {
                ("←", "→")
            };
            let page = shown + 1;
            let words = if page >= count {
                format!("{back} back ({page}/{count})")
            } else if page < reading_from {
                format!("{more} more steps ({page}/{count})")
            } else {
                format!("{more} how to read it ({page}/{count})")
            };
            Line::styled(words, theme.dim()).render(mark, buf);
        }
    }
}

/// The leg in big letters across `area` (a band of colour when it is one row).
fn leg_band(side: Side, theme: Theme, ascii: bool, area: Rect, buf: &mut Buffer) {
    let Some((words, align)) = leg_words(side, ascii) else {
        return;
    };
    if area.height < 4 {
        let band = theme.leg_band(side);
        buf.set_style(area, band);
        let text = match side {
            Side::Left => format!(" {} LEFT LEG ", if ascii { "<" } else { "◀" }),
            Side::Right => format!(" RIGHT LEG {} ", if ascii { ">" } else { "▶" }),
            _ => " BOTH LEGS TOGETHER ".into(),
        };
        let line = Line::styled(text, band);
        match align {
            Align::Left => line.left_aligned(),
            Align::Center => line.centered(),
            Align::Right => line.right_aligned(),
        }
        .render(area, buf);
        return;
    }
    let max = area.height - area.height % 4;
    let rows = bigtext::rows_to_fit(words, area.width, max).max(1);
    bigtext::render(words, rows, area, align, theme.leg_side(side), ascii, buf);
}

/// A number in big digits, at most `max_rows` tall, placed by `align` in `area`.
fn big_number(text: &str, area: Rect, align: Align, style: Style, ascii: bool, buf: &mut Buffer) {
    let rows = bigtext::rows_to_fit(text, area.width, area.height).max(1);
    bigtext::render(text, rows, area, align, style, ascii, buf);
}

fn enter(guide: &Guide, side: Side, typed: &str, theme: Theme, area: Rect, buf: &mut Buffer) {
    let test = guide.choice.test();
    let leg = match side {
        Side::Left => "the LEFT leg",
        Side::Right => "the RIGHT leg",
        _ => "both legs together",
    };
    let prompt = Line::from(vec![
        Span::styled(format!("Type {leg}: "), theme.focus()),
        Span::raw(test.measures()),
    ]);
    let hint = match &guide.problem {
        Some(problem) => Line::styled(problem.clone(), theme.caution()),
        None => Line::styled(
            format!(
                "Enter takes it; Backspace corrects.{}",
                match (side, guide.left) {
                    (Side::Right, Some(left)) => {
                        format!(" (Left was {left}{}.)", test.unit().after())
                    }
                    _ => String::new(),
                }
            ),
            theme.dim(),
        ),
    };
    let reading = Line::styled(guide.choice.reading(), theme.dim());
    let h = area.height;
    let leg_rows = match h {
        0..16 => 1,
        16..36 => 4,
        _ => 8,
    };
    let reading_rows = if h >= 20 {
        rows_of(std::slice::from_ref(&reading), area.width)
    } else {
        0
    };
    let [
        prompt_area,
        leg_area,
        _,
        digits_area,
        hint_area,
        _,
        reading_area,
    ] = Layout::vertical([
        Constraint::Length(rows_of(std::slice::from_ref(&prompt), area.width).min(2)),
        Constraint::Length(leg_rows),
        Constraint::Length(u16::from(h >= 16)),
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(u16::from(reading_rows > 0)),
        Constraint::Length(reading_rows),
    ])
    .areas(area);
    wrapped(prompt, prompt_area, buf);
    leg_band(side, theme, guide.ascii, leg_area, buf);
    // The number under the leg, at its side; a bar where nothing is typed yet.
    let shown = if typed.is_empty() { "_" } else { typed };
    let unit = test.unit().word();
    let unit_width = u16::try_from(unit.len()).unwrap_or(0) + 2;
    let digits_room = Rect {
        width: digits_area.width.saturating_sub(unit_width),
        ..digits_area
    };
    let rows = bigtext::rows_to_fit("000", digits_room.width, digits_room.height).max(1);
    let cols = bigtext::width(shown, rows).min(digits_room.width);
    let x = match side {
        Side::Right => digits_area.right().saturating_sub(cols + unit_width),
        Side::Left => digits_area.x,
        _ => digits_area.x + (digits_area.width.saturating_sub(cols + unit_width)) / 2,
    };
    let number_area = Rect::new(x, digits_area.y, cols, digits_area.height);
    bigtext::render(
        shown,
        rows,
        number_area,
        Align::Left,
        theme.leg_side(side),
        guide.ascii,
        buf,
    );
    let unit_y =
        digits_area.y + (digits_area.height.saturating_sub(rows)) / 2 + rows.saturating_sub(1);
    buf.set_string(number_area.right() + 1, unit_y, unit, theme.title());
    wrapped(hint, hint_area, buf);
    wrapped(reading, reading_area, buf);
}

fn felt(guide: &Guide, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut lines = vec![
        Line::styled(
            "Where did you first feel the stretch? (if you like)",
            theme.focus(),
        ),
        Line::raw(""),
    ];
    for (i, place) in FELT.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", i + 1), theme.key()),
            Span::styled(format!(" {}", place.words()), theme.title()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Enter: skip this question", theme.dim()));
    lines.push(Line::styled(STOP_RULE, theme.caution()));
    lines.push(Line::raw(""));
    lines.push(Line::styled(so_far(guide), theme.dim()));
    wrapped(lines, area, buf);
}

/// The legs typed so far: `left 28°, right 35°`.
fn so_far(guide: &Guide) -> String {
    let unit = guide.choice.test().unit().after();
    match (guide.left, guide.right, guide.both) {
        (Some(l), Some(r), _) => format!("So far: left {l}{unit}, right {r}{unit}"),
        (_, _, Some(b)) => format!("So far: both legs {b}{unit}"),
        _ => String::new(),
    }
}

fn strength(guide: &Guide, typed: &str, theme: Theme, area: Rect, buf: &mut Buffer) {
    let question = Line::styled(
        "How strong was the stretch? 0 is nothing, 10 the strongest you can imagine (if you \
         like).",
        theme.focus(),
    );
    let hint = match &guide.problem {
        Some(problem) => Line::styled(problem.clone(), theme.caution()),
        None => Line::styled(
            "A gentle pull is about 3 to 5. Enter with nothing typed skips it.",
            theme.dim(),
        ),
    };
    let q_rows = rows_of(std::slice::from_ref(&question), area.width);
    let [q_area, digits, hint_area, rest] = Layout::vertical([
        Constraint::Length(q_rows),
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(if area.height >= 20 { 2 } else { 0 }),
    ])
    .areas(area);
    wrapped(question, q_area, buf);
    let shown = if typed.is_empty() { "_" } else { typed };
    let rows = bigtext::rows_to_fit("00", digits.width, digits.height.min(12)).max(1);
    let cols = bigtext::width(shown, rows).min(digits.width);
    let spot = Rect::new(
        digits.x + (digits.width - cols) / 2,
        digits.y,
        cols,
        digits.height,
    );
    bigtext::render(
        shown,
        rows,
        spot,
        Align::Left,
        theme.title(),
        guide.ascii,
        buf,
    );
    wrapped(hint, hint_area, buf);
    wrapped(Line::styled(so_far(guide), theme.dim()), rest, buf);
}

/// The result in big digits, each leg on its side, then `lines`.
fn result_screen(
    guide: &Guide,
    result: &TestResult,
    heading: &str,
    lines: Vec<Line<'static>>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let test = result.test;
    let title = Line::from(vec![
        Span::styled(format!("{heading}: "), theme.focus()),
        Span::raw(format!("{} ({})", test.name(), test.measures())),
    ]);
    let text_rows = rows_of(&lines, area.width);
    let room = area.height.saturating_sub(1 + 1);
    // The digits take what the words leave, from 3 rows to 16, with a row of air where it
    // is spare.
    let digits_rows = room.saturating_sub(text_rows + 1).clamp(3, 16).min(room);
    let air = u16::from(room > digits_rows + text_rows);
    let [title_area, labels, digits, _, words] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(digits_rows.saturating_sub(1)),
        Constraint::Length(air),
        Constraint::Fill(1),
    ])
    .areas(area);
    title.render(title_area, buf);
    let arrows = if guide.ascii {
        ("<", ">")
    } else {
        ("◀", "▶")
    };
    match result.legs {
        Legs::Each { left, right } => {
            let [l, r] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(digits);
            let [ll, rl] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(labels);
            Line::styled(format!("{} LEFT", arrows.0), theme.leg_side(Side::Left)).render(ll, buf);
            Line::styled(format!("RIGHT {}", arrows.1), theme.leg_side(Side::Right))
                .right_aligned()
                .render(rl, buf);
            big_number(
                &left.to_string(),
                l.inner(Margin::new(1, 0)),
                Align::Left,
                theme.leg_side(Side::Left),
                guide.ascii,
                buf,
            );
            big_number(
                &right.to_string(),
                r.inner(Margin::new(1, 0)),
                Align::Right,
                theme.leg_side(Side::Right),
                guide.ascii,
                buf,
            );
        }
        Legs::Together { both } => {
            Line::styled(
                format!("{} BOTH LEGS {}", arrows.0, arrows.1),
                theme.leg_side(Side::Both),
            )
            .centered()
            .render(labels, buf);
            big_number(
                &both.to_string(),
                digits,
                Align::Center,
                theme.leg_side(Side::Both),
                guide.ascii,
                buf,
            );
        }
    }
    wrapped(lines, words, buf);
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let (w, h) = MIN_SIZE;
    Paragraph::new(vec![
        Line::raw("supple needs a bigger window"),
        Line::raw(format!(
            "at least {w}x{h}, now {}x{}",
            area.width, area.height
        )),
        Line::raw("(q leaves)"),
    ])
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true })
    .render(area, buf);
}
