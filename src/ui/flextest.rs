//! The guided `supple test` screen, drawn from the [`Guide`] alone: the choice of test, how to
//! do it beside its figure, each leg's number in big digits under the leg in big letters, the
//! optional questions, and the result with its comparison. Fits 40x12 and up.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::bigtext::{self, Align};
use super::figure::FigureView;
use super::help::centered;
use super::leg::leg_words;
use super::safety::SafetyNote;
use super::theme::Theme;
use super::{MIN_SIZE, render_lines};
use crate::flextest::guide::{CHOICES, Guide, Stage};
use crate::history::change::{threshold_line, values};
use crate::history::flex::{FELT, Legs, TestResult, Unit};
use crate::safety::{Before, CAUTION, STOP_RULE};
use crate::session::Side;

/// How the test is taken, in one line. Two tries in a row differ by up to the measuring error
/// (that is how it was measured), so the looser of two is typed, the same way every time.
pub const WHEN: &str = "Take it warm, after a session, the same way each time; do each leg \
     twice and type the looser try.";

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
        if let Stage::Note { page } = guide.stage {
            note(guide, page).render(area, buf);
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
        header_line(guide, theme, header.width).render(header, buf);
        footer_line(guide, theme, footer.width).render(footer, buf);
        match &guide.stage {
            // Drawn whole above.
            Stage::Note { .. } => {}
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
                // Each line with how readily it goes where rows are short: the verdicts (the
                // tighter leg, when to ask first) and a word on a strong stretch stay, whole.
                let verdicts = comparison.verdicts(result.test);
                let mut all = comparison.lines(result.test);
                let changes: Vec<String> = all
                    .drain(..all.len().saturating_sub(verdicts.len()))
                    .collect();
                let mut lines: Vec<(u8, Line)> = Vec::new();
                lines.extend(changes.into_iter().map(|l| (1, Line::raw(l))));
                lines.extend(
                    verdicts
                        .into_iter()
                        .map(|l| (0, Line::styled(l, theme.caution()))),
                );
                if result.strength.is_some_and(|s| s >= TOO_STRONG) {
                    lines.push((
                        0,
                        Line::styled(
                            "That was strong: next time stop at a gentle pull, never pain.",
                            theme.caution(),
                        ),
                    ));
                }
                lines.push((2, Line::styled(threshold_line(result.test), theme.dim())));
                lines.push((3, Line::styled(place.clone(), theme.dim())));
                result_screen(guide, result, "Saved", lines, theme, body, buf);
            }
            Stage::NotSaved { result, why } => {
                let (title, lines) = match &why.kept_in {
                    Some(file) => (
                        "Kept for later",
                        vec![
                            (
                                0,
                                Line::styled("The history could not be written:", theme.caution()),
                            ),
                            (0, Line::raw(why.why.clone())),
                            (
                                0,
                                Line::raw(format!(
                                    "The result is kept in {} and added to your history at the \
                                     next session or test that can be saved.",
                                    file.display()
                                )),
                            ),
                        ],
                    ),
                    None => (
                        "Not saved",
                        vec![
                            (
                                0,
                                Line::styled("This result was not saved:", theme.caution()),
                            ),
                            (0, Line::raw(why.why.clone())),
                            (
                                0,
                                Line::raw(format!(
                                    "Record it later with: supple test --record {} {}",
                                    result.test.id(),
                                    crate::flextest::record_flags(result)
                                )),
                            ),
                        ],
                    ),
                };
                result_screen(guide, result, title, lines, theme, body, buf);
            }
        }
    }
}

/// The safety note before the first test, on `page`.
fn note(guide: &Guide, page: usize) -> SafetyNote {
    SafetyNote {
        page,
        ..SafetyNote::new(guide.color, guide.ascii, Before::Test)
    }
}

/// The pages the safety note takes on a screen of `area` (1 where it all fits).
pub fn note_pages(guide: &Guide, area: Rect) -> usize {
    note(guide, 0).pages(area)
}

fn header_line(guide: &Guide, theme: Theme, width: u16) -> Line<'static> {
    let what = match guide.stage {
        Stage::Note { .. } | Stage::Choose { .. } => "Flexibility test".to_string(),
        _ => {
            // Narrow screens: a shorter lead, then a shorter name, rather than a name cut.
            let choice = guide.choice;
            [
                format!("Flexibility test: {}", choice.title()),
                format!("Test: {}", choice.title()),
                format!("Test: {}", choice.short_title()),
            ]
            .into_iter()
            .find(|w| w.chars().count() < usize::from(width))
            .unwrap_or_else(|| choice.short_title().to_string())
        }
    };
    Line::from(vec![Span::styled(format!(" {what}"), theme.title())])
}

fn footer_line(guide: &Guide, theme: Theme, width: u16) -> Line<'static> {
    // The mode's other word: the how-to's last page (Enter: I'm ready), and the strength,
    // the last number (Enter: save).
    let other = match guide.stage {
        Stage::HowTo => guide.how_to_page + 1 >= guide.how_to_pages,
        Stage::Strength { .. } => true,
        _ => false,
    };
    let keys = crate::keys::footer(guide.key_mode(), other, guide.ascii);
    let mut spans = vec![Span::raw(" ")];
    for (key, word) in keys {
        // Narrow screens: the first word of each ("leave"; "ready" for "I'm ready"), and one
        // space between.
        let (word, gap) = if width < 60 {
            let short = word.trim_start_matches("I'm ");
            (short.split([',', ' ']).next().unwrap_or(short), " ")
        } else {
            (word, "  ")
        };
        spans.push(Span::styled(key, theme.key()));
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
    let when = Line::raw(WHEN);
    let caution = Line::styled(CAUTION, theme.caution());
    let when_rows = rows_of(std::slice::from_ref(&when), area.width);
    let caution_rows = rows_of(std::slice::from_ref(&caution), area.width);
    // The four choices come first, then the stop rule whole, then when to take it; then each
    // test's last result under it, and air between them, where the rows are spare.
    let h = area.height;
    let mut used = 2 + 4;
    let mut notes = Vec::new();
    if used + 1 + caution_rows <= h {
        used += 1 + caution_rows;
        if used + when_rows <= h {
            used += when_rows;
            notes.push(when);
        }
        notes.push(caution);
    }
    let with_last = used + 4 <= h;
    let airy = used + 8 <= h;
    let mut lines = vec![Line::styled("Which test?", theme.focus()), Line::raw("")];
    let mut selected_row = 0;
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
        if chosen {
            selected_row = lines.len();
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
    let notes_rows = if notes.is_empty() {
        0
    } else {
        rows_of(&notes, area.width) + 1
    };
    let room = usize::from(h.saturating_sub(notes_rows));
    // Where the list is taller than its room, it scrolls: the selected row always in view.
    let skip = (selected_row + 1).saturating_sub(room);
    let shown = lines.len().saturating_sub(skip).min(room);
    let [list, _, rest] = Layout::vertical([
        Constraint::Length(u16::try_from(shown).unwrap_or(u16::MAX)),
        Constraint::Length(u16::from(!notes.is_empty())),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_lines(lines.into_iter().skip(skip), list, buf);
    wrapped(notes, rest, buf);
}

/// The how-to's body: the steps beside the figure where there is room; otherwise its parts in
/// turn, on as many pages as the rows need.
enum HowTo {
    Figure {
        figure: &'static crate::content::pose::Pose,
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
    let figure = crate::pose::builtin(choice.figure());
    // The figure as wide as two fifths of the screen, at most half as tall in rows (square
    // dots), in the rows the notes leave; the steps beside it must fit its height.
    let width = (area.width * 2 / 5).clamp(24, 56);
    let notes_rows = rows_of(&notes, area.width);
    let room = area.height.saturating_sub(notes_rows + 1 + 2);
    let height = (width / 2).min(room).min(16);
    let size = (width, height);
    let spaced = if area.height >= 30 { cues.len() } else { 0 };
    let cue_rows = rows_of(&cues, area.width.saturating_sub(width + 4 + 2))
        + u16::try_from(spaced).unwrap_or(u16::MAX);
    if let Some(figure) = figure
        && area.width >= 70
        && height >= 6
        && cue_rows <= height + 2
    {
        // Rows to spare: air between the notes.
        let spare = area.height - (height + 2 + 1 + notes_rows);
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
            FigureView {
                pose: figure,
                frame: 0,
                side: Side::Left,
                theme,
            }
            .render(centered(inner, fw, fh), buf);
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
            // Where it is, and what the next page holds; its keys are in the footer.
            let page = shown + 1;
            let words = if page >= count {
                format!("({page}/{count}) the last page")
            } else if page < reading_from {
                format!("({page}/{count}) more steps next")
            } else {
                format!("({page}/{count}) how to read it next")
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
        let text = match side {
            Side::Left => format!(" {} LEFT LEG ", if ascii { "<" } else { "◀" }),
            Side::Right => format!(" RIGHT LEG {} ", if ascii { ">" } else { "▶" }),
            _ => " BOTH LEGS TOGETHER ".into(),
        };
        super::leg::render_band(text, theme.leg_band(side), align, area, buf);
        return;
    }
    super::leg::render_big(words, align, theme.leg_side(side), ascii, area, buf);
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
                "Enter takes it; Backspace corrects or goes back.{}",
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
    // The place to type, under the leg, at its side.
    let align = match side {
        Side::Left => Align::Left,
        Side::Right => Align::Right,
        _ => Align::Center,
    };
    let what = match test.unit() {
        Unit::Degrees => "type the angle, then Enter",
        Unit::Centimetres => "type the cm, then Enter",
    };
    // Sized for the most the test can be: 90 takes two digits, 180 three.
    let widest = "0".repeat(test.max().to_string().len());
    input_box(
        typed,
        &widest,
        test.unit().word(),
        what,
        align,
        theme.leg_side(side),
        theme,
        guide.ascii,
        digits_area,
        buf,
    );
    wrapped(hint, hint_area, buf);
    wrapped(reading, reading_area, buf);
}

/// The place to type a number: an outlined box holding the number (in big digits where
/// there are rows for them, plain otherwise), a cursor after it and the unit; while nothing is
/// typed, the cursor and `hint`. Sized for `widest`, placed by `align` and centred in `area`.
#[allow(clippy::too_many_arguments)]
fn input_box(
    typed: &str,
    widest: &str,
    unit: &str,
    hint: &str,
    align: Align,
    style: Style,
    theme: Theme,
    ascii: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let cursor = Span::styled("_", style.add_modifier(Modifier::SLOW_BLINK));
    let text_width = |t: &str| u16::try_from(t.chars().count()).unwrap_or(u16::MAX);
    let plain = |row: Rect, buf: &mut Buffer| {
        let line = if typed.is_empty() {
            Line::from(vec![
                cursor.clone(),
                Span::styled(format!(" {hint}"), theme.dim()),
            ])
        } else {
            Line::from(vec![
                Span::styled(typed.to_string(), style),
                cursor.clone(),
                Span::styled(format!(" {unit}"), theme.title()),
            ])
        };
        line.render(row, buf);
    };
    if area.height < 3 {
        plain(Rect { height: 1, ..area }, buf);
        return;
    }
    // Inside the box: a column of air each side, the number, a space, the cursor, the unit.
    let tail = 2 + 1 + text_width(unit);
    let room = area.width.saturating_sub(4 + tail);
    let rows = bigtext::rows_to_fit(widest, room, (area.height - 2).min(8));
    let big = rows >= 3;
    let number = if big {
        bigtext::width(widest, rows)
    } else {
        text_width(widest)
    };
    let inside = (number + tail).max(text_width(hint) + 2);
    let width = (inside + 4).min(area.width);
    let height = if big { rows + 2 } else { 3 };
    let x = match align {
        Align::Left => area.x,
        Align::Right => area.right().saturating_sub(width),
        Align::Center => area.x + (area.width - width) / 2,
    };
    let y = area.y + (area.height - height) / 2;
    let outline = Rect::new(x, y, width, height);
    let block = Block::bordered()
        .border_set(theme.glyphs().border)
        .border_style(style);
    let inner = block.inner(outline).inner(Margin::new(1, 0));
    block.render(outline, buf);
    if typed.is_empty() || !big {
        let middle = Rect::new(inner.x, inner.y + inner.height / 2, inner.width, 1);
        plain(middle, buf);
        return;
    }
    let cols = bigtext::width(typed, rows).min(inner.width);
    let spot = Rect::new(inner.x, inner.y, cols, rows);
    bigtext::render(typed, rows, spot, Align::Left, style, ascii, buf);
    let last = Rect::new(
        spot.right() + 1,
        inner.y + rows - 1,
        inner.right().saturating_sub(spot.right() + 1),
        1,
    );
    Line::from(vec![
        cursor,
        Span::styled(format!(" {unit}"), theme.title()),
    ])
    .render(last, buf);
}

fn felt(guide: &Guide, theme: Theme, area: Rect, buf: &mut Buffer) {
    // Each line with how readily it goes where rows are short (0 never): the question, the
    // places and the stop rule stay, whole; then go the air, the skip (the footer has it) and
    // what was typed so far.
    let mut lines = vec![
        (
            0,
            Line::styled(
                "Where did you first feel the stretch? (if you like)",
                theme.focus(),
            ),
        ),
        (3, Line::raw("")),
    ];
    for (i, place) in FELT.iter().enumerate() {
        let chosen = guide.felt == Some(*place);
        lines.push((
            0,
            Line::from(vec![
                Span::styled(
                    format!("{} {} ", if chosen { ">" } else { " " }, i + 1),
                    theme.key(),
                ),
                Span::styled(format!(" {}", place.words()), theme.title()),
            ]),
        ));
    }
    lines.push((3, Line::raw("")));
    lines.push((2, Line::styled("Enter: skip this question", theme.dim())));
    lines.push((0, Line::styled(STOP_RULE, theme.caution())));
    lines.push((3, Line::raw("")));
    lines.push((1, Line::styled(so_far(guide), theme.dim())));
    for drop in [3, 2, 1] {
        let all: Vec<Line<'static>> = lines.iter().map(|(_, l)| l.clone()).collect();
        if rows_of(&all, area.width) <= area.height {
            break;
        }
        lines.retain(|(p, _)| *p != drop);
    }
    // Not trimmed: the places keep their indent.
    Paragraph::new(lines.into_iter().map(|(_, l)| l).collect::<Vec<_>>())
        .wrap(Wrap { trim: false })
        .render(area, buf);
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
    input_box(
        typed,
        "00",
        "of 10",
        "type 0 to 10, then Enter",
        Align::Center,
        theme.title(),
        theme,
        guide.ascii,
        digits,
        buf,
    );
    wrapped(hint, hint_area, buf);
    wrapped(Line::styled(so_far(guide), theme.dim()), rest, buf);
}

/// What was answered to the optional questions, echoed: `felt first: behind the knee ·
/// strength 4 of 10`; `None` when both were skipped.
fn answers(result: &TestResult, dot: &str) -> Option<String> {
    let felt = result.felt.map(|f| format!("felt first: {}", f.words()));
    let strength = result.strength.map(|s| format!("strength {s} of 10"));
    match (felt, strength) {
        (None, None) => None,
        (Some(one), None) | (None, Some(one)) => Some(one),
        (Some(felt), Some(strength)) => Some(format!("{felt} {dot} {strength}")),
    }
}

/// A leg's result as written on one row: `28°`, `31 cm` (`28 deg` without UTF-8).
fn value_text(value: u16, unit: Unit, ascii: bool) -> String {
    match (unit, ascii) {
        (Unit::Degrees, true) => format!("{value} deg"),
        (unit, _) => format!("{value}{}", unit.after()),
    }
}

/// Of `lines`, each with how readily it goes (0 never), those that fit `room` rows at `width`,
/// each whole, in their order: the readiest to go are left out first, and a line left out
/// never leaves room unused that a later one could take.
fn whole_lines(lines: Vec<(u8, Line<'static>)>, width: u16, room: u16) -> Vec<Line<'static>> {
    let rows: Vec<u16> = lines
        .iter()
        .map(|(_, l)| rows_of(std::slice::from_ref(l), width))
        .collect();
    let mut keep = vec![false; lines.len()];
    let mut used = 0u16;
    for priority in 0..=3 {
        for (i, (p, _)) in lines.iter().enumerate() {
            if *p == priority && (priority == 0 || used + rows[i] <= room) {
                keep[i] = true;
                used = used.saturating_add(rows[i]);
            }
        }
    }
    lines
        .into_iter()
        .zip(keep)
        .filter_map(|((_, l), keep)| keep.then_some(l))
        .collect()
}

/// The result: each leg's word in big letters at its side with its number and unit in big
/// digits under it, what was answered, then `lines`, each with how readily it goes where rows
/// are short (0 never), so that no line is cut half way. Where big letters do not fit with
/// the lines that never go, the legs take one row: `◀ LEFT 28°` and `35° RIGHT ▶`.
fn result_screen(
    guide: &Guide,
    result: &TestResult,
    heading: &str,
    mut lines: Vec<(u8, Line<'static>)>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let test = result.test;
    let ascii = guide.ascii;
    // Narrow: the name without what it measures, rather than cut.
    let full = format!("{} ({})", test.name(), test.measures());
    let name = if heading.len() + 2 + full.chars().count() <= usize::from(area.width) {
        full
    } else {
        test.name().to_string()
    };
    let title = Line::from(vec![
        Span::styled(format!("{heading}: "), theme.focus()),
        Span::raw(name),
    ]);
    // What was answered comes first under the numbers, then a row of air.
    if let Some(echo) = answers(result, theme.glyphs().dot) {
        lines.insert(0, (1, Line::styled(echo, theme.title())));
        lines.insert(1, (3, Line::raw("")));
    }
    let legs: Vec<(Side, u16)> = match result.legs {
        Legs::Each { left, right } => vec![(Side::Left, left), (Side::Right, right)],
        Legs::Together { both } => vec![(Side::Both, both)],
    };
    // Two legs side by side, apart in the middle where the width allows (80 columns need
    // all of theirs for RIGHT in big letters).
    let column = if legs.len() == 2 {
        area.width.saturating_sub(area.width.saturating_sub(80) / 8) / 2
    } else {
        area.width
    };
    // The legs' words, with their arrows where they fit (both or neither), in one row or
    // in big letters.
    let words_of = |arrows: bool, side: Side| -> &'static str {
        match (arrows, side) {
            (true, side) => leg_words(side, ascii).map_or("", |(w, _)| w),
            (false, Side::Left) => "LEFT",
            (false, Side::Right) => "RIGHT",
            (false, _) => "BOTH",
        }
    };
    let unit = test.unit();
    let big_value = |value: u16| format!("{value}{}", unit.after());
    let essential = rows_of(
        &lines
            .iter()
            .filter(|(p, _)| *p == 0)
            .map(|(_, l)| l.clone())
            .collect::<Vec<_>>(),
        area.width,
    );
    let h = area.height;
    // The words in big letters from 4 rows (under that they break up) to 8; the numbers
    // from 4 rows to as tall as the width allows.
    let label_rows = match h {
        0..30 => 4,
        30..44 => 6,
        _ => 8,
    };
    let label_fit = |arrows: bool, most: u16| {
        legs.iter()
            .map(|(side, _)| bigtext::rows_to_fit(words_of(arrows, *side), column, most))
            .min()
            .unwrap_or(0)
    };
    // The arrows where the words keep their height with them.
    let arrows = label_fit(true, label_rows) >= label_fit(false, label_rows);
    let label_rows = label_fit(arrows, label_rows);
    // Big: the labels, a row of air, the numbers, a row of air, the words.
    let big = label_rows >= 4 && h >= 1 + label_rows + 1 + 4 + 1 + essential;
    let legs_rows = if big { label_rows + 1 + 4 + 1 } else { 1 };
    let lines = whole_lines(lines, area.width, h.saturating_sub(1 + legs_rows));
    let words_rows = rows_of(&lines, area.width);
    // The numbers take what the words leave, as far as the width allows.
    let number_rows = if big {
        let room = h.saturating_sub(1 + label_rows + 1 + 1 + words_rows);
        let widest = legs
            .iter()
            .map(|(_, v)| bigtext::rows_to_fit(&big_value(*v), column, u16::MAX))
            .min()
            .unwrap_or(0);
        room.min(widest)
    } else {
        0
    };
    let big = big && number_rows >= 4;
    let used = if big {
        1 + label_rows + 1 + number_rows + 1 + words_rows
    } else {
        1 + 1 + words_rows
    };
    // Rows to spare: a third above the legs, the rest under the words.
    let top = h.saturating_sub(used) / 3;
    let [title_area, _, labels, _, numbers, _, words] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(top),
        Constraint::Length(if big { label_rows } else { 1 }),
        Constraint::Length(u16::from(big)),
        Constraint::Length(if big { number_rows } else { 0 }),
        Constraint::Length(u16::from(big)),
        Constraint::Fill(1),
    ])
    .areas(area);
    title.render(title_area, buf);
    let halves = |rect: Rect| -> Vec<Rect> {
        if legs.len() == 2 {
            let [l, _, r] = Layout::horizontal([
                Constraint::Length(column),
                Constraint::Fill(1),
                Constraint::Length(column),
            ])
            .areas(rect);
            vec![l, r]
        } else {
            vec![rect]
        }
    };
    for ((side, value), (label_area, number_area)) in legs
        .iter()
        .zip(halves(labels).into_iter().zip(halves(numbers)))
    {
        let style = theme.leg_side(*side);
        let align = match side {
            Side::Left => Align::Left,
            Side::Right => Align::Right,
            _ => Align::Center,
        };
        if big {
            let word = words_of(arrows, *side);
            bigtext::render(word, label_rows, label_area, align, style, ascii, buf);
            bigtext::render(
                &big_value(*value),
                number_rows,
                number_area,
                align,
                style,
                ascii,
                buf,
            );
        } else {
            let word = match side {
                Side::Left | Side::Right => words_of(true, *side),
                _ => {
                    if ascii {
                        "< BOTH LEGS >"
                    } else {
                        "◀ BOTH LEGS ▶"
                    }
                }
            };
            let value = value_text(*value, unit, ascii);
            let text = match side {
                Side::Right => format!("{value} {word}"),
                _ => format!("{word} {value}"),
            };
            let line = Line::styled(text, style);
            match align {
                Align::Left => line.left_aligned(),
                Align::Center => line.centered(),
                Align::Right => line.right_aligned(),
            }
            .render(label_area, buf);
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
