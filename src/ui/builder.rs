//! The routine builder's screen, drawn from the [`Builder`] alone: on the left the routine's
//! steps with each one's time, repetitions, rest and legs, on the right the exercise library
//! with the marked exercise's phase, needs, focus and, where there is room, its figure; a
//! line for what the last key did or met; the keys. From 80x24 up; below, a request for a
//! bigger window (and the question, if one is open).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::figure::{self, FigureView};
use super::help::centered;
use super::render_lines;
use super::theme::Theme;
use crate::builder::edit::Field;
use crate::builder::{Builder, Note, Origin, Stage, Text, wrap};
use crate::content::{Exercise, Need, SideOrder, Sides};
use crate::keys::{self, Command, Keys, Mode};
use crate::safe_text::quote;
use crate::session::{Side, clock_text};

/// The smallest terminal the builder fits.
pub const BUILDER_SIZE: (u16, u16) = (80, 24);

/// Whether the builder fits `area`.
pub fn fits(area: Rect) -> bool {
    area.width >= BUILDER_SIZE.0 && area.height >= BUILDER_SIZE.1
}

/// The whole screen.
pub struct BuilderScreen<'a>(pub &'a Builder);

impl Widget for BuilderScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let b = self.0;
        let theme = Theme::with(b.color, b.ascii);
        if !fits(area) {
            too_small(b, theme, area, buf);
            return;
        }
        let [header, middle, footer] = layout(b, theme, area);
        render_header(b, theme, header, buf);
        render_lines(footer_lines(b, theme, area.width), footer, buf);
        if let Stage::Plan { scroll } = b.stage {
            render_plan(b, theme, middle, scroll, buf);
            return;
        }
        let notes = note_lines(b, theme, area.width.saturating_sub(2));
        let [body, notes_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(notes.len() as u16)])
                .areas(middle);
        // The steps need 54 columns; the library takes the rest, for its phases and needs.
        let left_width = (area.width * 9 / 20).clamp(54, 80);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
        render_steps(b, theme, left, buf);
        render_library(b, theme, right, buf);
        render_lines(notes, notes_area.inner(Margin::new(1, 0)), buf);
        match &b.stage {
            Stage::Help => render_help(b, theme, header.union(middle), buf),
            Stage::Leave | Stage::Replace { .. } => render_question(b, theme, area, buf),
            _ => {}
        }
    }
}

/// The header, the middle (the panes and the notes, or the plan) and the keys.
fn layout(b: &Builder, theme: Theme, area: Rect) -> [Rect; 3] {
    let footer_rows = footer_lines(b, theme, area.width).len() as u16;
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(footer_rows),
    ])
    .areas(area)
}

/// Where the plan's lines go on a screen of `area`, within its border: the loop tells the
/// builder their rows and width.
pub fn plan_area(b: &Builder, area: Rect) -> Rect {
    let [_, middle, _] = layout(b, Theme::with(b.color, b.ascii), area);
    middle.inner(Margin::new(2, 1))
}

fn render_header(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
    let routine = b.routine();
    let what = match b.origin() {
        Origin::New if !b.on_disk() => "New routine".to_string(),
        Origin::Copy { of } => format!("A copy of {of}"),
        _ => "Your routine".to_string(),
    };
    let name = if b.named() || b.on_disk() {
        format!(" ({})", routine.name)
    } else {
        String::new()
    };
    let state = if b.unsaved() {
        if b.on_disk() {
            "changed, not saved"
        } else {
            "not saved yet"
        }
    } else if b.on_disk() {
        "saved"
    } else {
        "not saved yet"
    };
    let [top, second] = Layout::vertical([Constraint::Length(1); 2]).areas(area);
    let top = top.inner(Margin::new(1, 0));
    Line::from(vec![
        Span::styled(format!("{what}: "), theme.dim()),
        Span::styled(routine.title.clone(), theme.title()),
        Span::raw(name),
    ])
    .render(top, buf);
    let state_style = if b.unsaved() {
        theme.title()
    } else {
        theme.dim()
    };
    Line::styled(state, state_style)
        .right_aligned()
        .render(top, buf);
    let count = b.draft().len();
    let mut facts = vec![Span::raw(format!(
        "{count} step{}",
        if count == 1 { "" } else { "s" }
    ))];
    if let Some(plan) = b.draft().plan() {
        facts.push(Span::raw(", "));
        facts.push(Span::styled(
            format!("{} in all", clock_text(plan.total())),
            theme.title(),
        ));
        // What the routine needs besides the person, in `supple list`'s words.
        let special: Vec<&str> = plan
            .needs
            .iter()
            .filter(|n| n.is_special())
            .map(|n| n.short())
            .collect();
        if !special.is_empty() {
            facts.push(Span::raw(format!(". Needs: {}", special.join(", "))));
        }
    }
    Line::from(facts).render(second.inner(Margin::new(1, 0)), buf);
}

/// The text of a value of a step, as its column shows it.
fn cell(b: &Builder, step: usize, field: Field) -> String {
    let draft = b.draft();
    match field {
        Field::Seconds | Field::Rest => format!("{} s", draft.value(step, field)),
        Field::Reps => draft.value(step, field).to_string(),
        Field::Legs => match (draft.sides(step), draft.order(step)) {
            (Sides::Each, SideOrder::OneLegThenOther) => "L then R".into(),
            (Sides::Each, SideOrder::Alternate) => "alternate".into(),
            (Sides::Both, _) => "both".into(),
            (Sides::None, _) => "-".into(),
        },
    }
}

/// Column widths of the values, right-aligned but for the legs.
const WIDTHS: [usize; 4] = [6, 4, 5, 9];

fn render_steps(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
    let title = match b.stage {
        Stage::Move => format!(" Steps: carrying step {} ", b.selected + 1),
        _ => " Steps ".to_string(),
    };
    let block = theme.panel(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    // Under the steps, the word `--hold` gets on holds over 60 s, and what the settings
    // put in place of the routine's timing; with a line above them.
    let long_hold = b.draft().plan().and_then(|p| p.long_hold_note());
    let note: Vec<String> = long_hold
        .iter()
        .chain(b.settings_note.iter())
        .flat_map(|n| wrap(n, usize::from(inner.width.saturating_sub(2))))
        .collect();
    let note_rows = if note.is_empty() {
        0
    } else {
        note.len() as u16 + 1
    };
    let [inner, note_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(note_rows)]).areas(inner);
    let [_, note_area] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)])
        .areas(note_area.inner(Margin::new(1, 0)));
    render_lines(note.into_iter().map(Line::raw), note_area, buf);
    let draft = b.draft();
    if draft.is_empty() {
        let inner = inner.inner(Margin::new(1, 0));
        Paragraph::new(vec![
            Line::raw(""),
            Line::styled("No steps yet.", theme.title()),
            Line::raw(""),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled("a", theme.key()),
                Span::raw(" to add an exercise from the list on the right."),
            ]),
        ])
        .wrap(Wrap { trim: true })
        .render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    // Marker and number, the name, then the values with a space before each.
    let number_width = draft.len().to_string().len().max(2);
    let fixed = number_width + 2 + WIDTHS.iter().map(|w| w + 1).sum::<usize>();
    // A column spare at the right, before the border.
    let name_width = width.saturating_sub(fixed + 1).max(6);
    let mut lines = Vec::new();
    let mut heading = vec![Span::styled(
        format!(
            "{:width$}{:<name_width$}",
            "",
            "exercise",
            width = number_width + 2
        ),
        theme.dim(),
    )];
    for (field, w) in Field::ALL.iter().zip(WIDTHS) {
        let style = if *field == b.field {
            theme.key().add_modifier(Modifier::UNDERLINED)
        } else {
            theme.dim()
        };
        heading.extend(padded(field.heading(), w, *field != Field::Legs, style));
    }
    lines.push(Line::from(heading));
    let rows = usize::from(inner.height).saturating_sub(1);
    let len = draft.len();
    let first = b.selected.saturating_sub(rows.saturating_sub(1)).min(len);
    let library = draft.library();
    for i in first..len.min(first + rows) {
        let Some(step) = draft.routine().steps.get(i) else {
            break;
        };
        let selected = i == b.selected;
        let name = library
            .get(&step.exercise)
            .map_or(step.exercise.clone(), |e| short_name(&e.name));
        let marker = match (selected, &b.stage, theme.is_ascii()) {
            (true, Stage::Move, false) => "↕",
            (true, Stage::Move, true) => "^",
            (true, _, false) => "▶",
            (true, _, true) => ">",
            _ => " ",
        };
        let row_style = if selected {
            theme.title()
        } else {
            Style::new()
        };
        let mut spans = vec![
            Span::styled(format!("{marker}{:>number_width$} ", i + 1), row_style),
            Span::styled(
                format!("{:<name_width$}", cut(&name, name_width, theme)),
                row_style,
            ),
        ];
        for (field, w) in Field::ALL.iter().zip(WIDTHS) {
            let typed = match (&b.stage, selected && *field == b.field) {
                (Stage::Number { typed }, true) => Some(format!(
                    "{typed}{}",
                    if theme.is_ascii() { "_" } else { "▏" }
                )),
                _ => None,
            };
            let text = typed.unwrap_or_else(|| cell(b, i, *field));
            let unused = *field == Field::Rest && !draft.rests(i);
            let style = if selected && *field == b.field {
                row_style.add_modifier(Modifier::REVERSED)
            } else if unused {
                theme.dim()
            } else {
                row_style
            };
            let text = cut(&text, w, theme);
            if selected && *field == b.field {
                // The value marked: its whole cell, to be seen at a glance.
                let cell = if *field == Field::Legs {
                    format!("{text:<w$}")
                } else {
                    format!("{text:>w$}")
                };
                spans.push(Span::raw(" "));
                spans.push(Span::styled(cell, style));
            } else {
                spans.extend(padded(&text, w, *field != Field::Legs, style));
            }
        }
        lines.push(Line::from(spans));
    }
    render_lines(lines, inner, buf);
    if len > rows {
        let last = (first + rows).min(len);
        let more = format!(" {}-{} of {len} ", first + 1, last);
        Line::styled(more, theme.dim())
            .right_aligned()
            .render(Rect::new(area.x, area.bottom() - 1, area.width - 1, 1), buf);
    }
}

/// `text` in a column `width` wide after a space, to the right or left, styled but for the
/// padding (so a marked value is marked, not its column).
fn padded(text: &str, width: usize, right: bool, style: Style) -> [Span<'static>; 3] {
    let pad = " ".repeat(width.saturating_sub(text.chars().count()));
    let text = Span::styled(text.to_string(), style);
    if right {
        [Span::raw(format!(" {pad}")), text, Span::raw("")]
    } else {
        [Span::raw(" "), text, Span::raw(pad)]
    }
}

/// An exercise's name without "hamstring", which every one of them stretches: "Anchor
/// stretch".
fn short_name(name: &str) -> String {
    let short: Vec<&str> = name
        .split(' ')
        .filter(|w| !w.eq_ignore_ascii_case("hamstring"))
        .collect();
    let joined = short.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_string(),
    }
}

/// `text` cut to `width` characters, ending with an ellipsis when cut.
fn cut(text: &str, width: usize, theme: Theme) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push_str(theme.glyphs().more);
    out
}

/// The exercise marked on the right: the one being chosen, or the marked step's.
fn marked_exercise(b: &Builder) -> Option<usize> {
    let exercises = b.draft().library().exercises();
    match b.stage {
        Stage::Add { marked } => Some(marked),
        _ => {
            let step = b.routine().steps.get(b.selected)?;
            exercises.iter().position(|e| e.id == step.exercise)
        }
    }
}

fn render_library(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
    let adding = matches!(b.stage, Stage::Add { .. });
    let title = if adding {
        " Add which exercise? "
    } else {
        " Exercises "
    };
    let title_style = if adding { theme.key() } else { theme.title() };
    let block = theme.panel(Line::styled(title, title_style));
    let inner = block.inner(area);
    block.render(area, buf);
    let exercises = b.draft().library().exercises();
    let marked = marked_exercise(b);
    let width = usize::from(inner.width);
    // The names in full where they fit, and the phase beside each where there is room.
    let longest = |name: fn(&Exercise) -> String| {
        exercises
            .iter()
            .map(|e| name(e).chars().count())
            .max()
            .unwrap_or(0)
    };
    let full = longest(|e| e.name.clone()) + 2 <= width;
    let name: fn(&Exercise) -> String = if full {
        |e| e.name.clone()
    } else {
        |e| short_name(&e.name)
    };
    let name_width = longest(name);
    let phase_room = width >= name_width + 3 + 8;
    // And what each needs, where there is room for a few words more.
    let needs_room = width >= name_width + 3 + 8 + 12;
    let mut lines = Vec::new();
    for (i, exercise) in exercises.iter().enumerate() {
        let here = marked == Some(i);
        let marker = match (here, theme.is_ascii()) {
            (true, false) => "▶ ",
            (true, true) => "> ",
            _ => "  ",
        };
        let style = match (here, adding) {
            (true, true) => theme.title().add_modifier(Modifier::REVERSED),
            (true, false) => theme.title(),
            _ => Style::new(),
        };
        let mut spans = vec![Span::styled(
            format!(
                "{marker}{}",
                cut(&name(exercise), width.saturating_sub(2), theme)
            ),
            style,
        )];
        if phase_room {
            let pad = (name_width + 1).saturating_sub(name(exercise).chars().count());
            spans.push(Span::raw(" ".repeat(pad)));
            spans.push(Span::styled(
                format!("{:<8}", exercise.kind.name()),
                theme.dim(),
            ));
        }
        if needs_room {
            // A partner or a piece of equipment first: what a person may not have.
            let mut needs: Vec<&Need> = exercise.needs.iter().collect();
            needs.sort_by_key(|n| !n.is_special());
            let needs: Vec<&str> = needs.iter().map(|n| n.short()).collect();
            let room = width.saturating_sub(name_width + 3 + 8);
            spans.push(Span::styled(
                cut(&needs.join(", "), room, theme),
                theme.dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    let list_rows = lines.len() as u16;
    let [list, details] =
        Layout::vertical([Constraint::Length(list_rows), Constraint::Fill(1)]).areas(inner);
    render_lines(lines, list, buf);
    if let Some(exercise) = marked.and_then(|i| exercises.get(i)) {
        render_details(exercise, theme, details.inner(Margin::new(1, 0)), buf);
    }
}

/// How an exercise uses the legs, in words.
fn sides_words(sides: Sides) -> &'static str {
    match sides {
        Sides::Each => " each leg",
        Sides::Both => " both legs",
        Sides::None => "",
    }
}

/// The marked exercise: its phase and legs, what it needs, its focus, and its figure where
/// there is room.
fn render_details(exercise: &Exercise, theme: Theme, area: Rect, buf: &mut Buffer) {
    let phase = match exercise.kind {
        crate::content::Kind::Cardio => crate::session::Phase::Cardio,
        crate::content::Kind::Dynamic => crate::session::Phase::Dynamic,
        crate::content::Kind::Hold => crate::session::Phase::Hold,
    };
    let needs: Vec<&str> = exercise.needs.iter().map(|n| n.short()).collect();
    let needs = if needs.is_empty() {
        "nothing".to_string()
    } else {
        needs.join(", ")
    };
    let special = exercise.needs.iter().any(|n| n.is_special());
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!(" {} ", exercise.kind.name().to_uppercase()),
                theme.badge(phase),
            ),
            Span::raw(sides_words(exercise.sides)),
        ]),
        Line::from(vec![
            Span::styled("Needs: ", theme.dim()),
            Span::styled(needs, if special { theme.title() } else { Style::new() }),
        ]),
        Line::styled(exercise.focus.to_uppercase(), theme.focus()),
    ];
    if exercise.needs.contains(&Need::Partner) {
        lines.push(Line::styled("(a second person)", theme.dim()));
    }
    // Its phase, needs and focus first; above them, where there is room, a blank line and
    // its name in full (the list may show it shortened).
    let rows = |lines: &[Line]| {
        let count = Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: true })
            .line_count(area.width);
        u16::try_from(count).unwrap_or(u16::MAX)
    };
    let mut with_name = vec![
        Line::raw(""),
        Line::styled(exercise.name.clone(), theme.title()),
    ];
    with_name.extend(lines.iter().cloned());
    if rows(&with_name) <= area.height {
        lines = with_name;
    } else if rows(&lines) < area.height {
        lines.insert(0, Line::raw(""));
    }
    let text_rows = rows(&lines);
    let [text, figure_area] =
        Layout::vertical([Constraint::Length(text_rows), Constraint::Fill(1)]).areas(area);
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(text, buf);
    if !figure::fits(figure_area) {
        return;
    }
    if let Some(pose) = crate::pose::builtin(&exercise.id) {
        let side = match exercise.sides {
            Sides::Each => Side::Left,
            Sides::Both => Side::Both,
            Sides::None => Side::None,
        };
        FigureView {
            pose,
            frame: 0,
            side,
            theme,
        }
        .render(figure_area, buf);
    }
}

/// The key as the footer shows it: its first key, ASCII where the terminal has only ASCII.
fn first_key(shown: &'static str, ascii: bool) -> String {
    let plain = keys::shown(shown, ascii);
    plain.split_whitespace().next().unwrap_or("").to_string()
}

/// The footer's keys for the builder where it is: each row with a word, its first key, and a
/// row without a word just before it that does the other way (↑ with ↓, ← with →) joined to
/// it: "↑↓ step".
fn footer_pairs(mode: Mode, ascii: bool) -> Vec<(String, &'static str)> {
    let rows: Vec<&keys::Binding> = keys::rows(mode).collect();
    let mut pairs = Vec::new();
    for (i, b) in rows.iter().enumerate() {
        let Some((word, _)) = b.footer else {
            continue;
        };
        let key = match b.keys {
            Keys::Any => b.shown.to_string(),
            Keys::Digits => b.shown.to_string(),
            Keys::Codes(_) => first_key(b.shown, ascii),
        };
        let partner = |other: &keys::Binding| {
            other.footer.is_none()
                && matches!(
                    (b.command, other.command),
                    (Command::Up, Command::Down)
                        | (
                            Command::Build(keys::Build::More),
                            Command::Build(keys::Build::Less)
                        )
                )
        };
        let before = i.checked_sub(1).and_then(|j| rows.get(j));
        let after = rows.get(i + 1);
        let key = match (before.filter(|o| partner(o)), after.filter(|o| partner(o))) {
            (Some(other), _) => join(&first_key(other.shown, ascii), &key, ascii),
            (_, Some(other)) => join(&key, &first_key(other.shown, ascii), ascii),
            _ => key,
        };
        pairs.push((key, word));
    }
    pairs
}

fn join(a: &str, b: &str, ascii: bool) -> String {
    if ascii {
        format!("{a}/{b}")
    } else {
        format!("{a}{b}")
    }
}

/// The keys, over as many rows as they need (two at most, at 80 columns).
fn footer_lines(b: &Builder, theme: Theme, width: u16) -> Vec<Line<'static>> {
    let mode = b.key_mode();
    let width = usize::from(width);
    let mut lines = Vec::new();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, word) in footer_pairs(mode, b.ascii) {
        let cost = key.chars().count() + 1 + word.chars().count() + 2;
        if used + cost > width && used > 1 {
            lines.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::raw(" "));
            used = 1;
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {word}  ")));
        used += cost;
    }
    lines.push(Line::from(spans));
    lines
}

/// The line under the panes: the problem the last key met, or what it did, or what to do
/// now; and the word on holds over 60 s. Wrapped to `width`.
fn note_lines(b: &Builder, theme: Theme, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width).max(20);
    let mut lines = Vec::new();
    let problem = Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED);
    let mut push = |text: String, style: Style| {
        for piece in wrap(&arrows(&text, theme), width) {
            lines.push(Line::styled(piece, style));
        }
    };
    // Typing a title or a name: the text as typed, with its cursor.
    if let Stage::Text { what, typed } = &b.stage {
        let cursor = if theme.is_ascii() { "_" } else { "▏" };
        let label = match what {
            Text::Title => "Title: ",
            Text::Name => "Save as: ",
        };
        push(format!("{label}{typed}{cursor}"), theme.key());
        if *what == Text::Name && b.note.is_none() {
            push(
                "The name to run it by (supple run NAME): lowercase letters, digits, dashes."
                    .into(),
                theme.dim(),
            );
        }
    }
    match &b.note {
        Some(Note::Problem {
            place,
            message,
            fix,
        }) => {
            let mut text = match place {
                Some(place) => format!("{}: {message}", capitalized(place)),
                None => message.clone(),
            };
            if let Some(fix) = fix {
                text.push_str(&format!(". Fix: {fix}"));
            }
            push(unticked(&quote(&text, 600)), problem);
        }
        Some(Note::Done(text)) => push(unticked(&quote(text, 600)), theme.done()),
        None => {
            if let Some(hint) = hint(b) {
                push(hint, theme.dim());
            }
        }
    }
    if lines.is_empty() {
        lines.push(Line::raw(""));
    }
    lines
}

/// A message as the screen shows it: the loader's messages quote names in backticks, as a
/// terminal's text does; on screen they are quotation marks, like every other screen's words.
fn unticked(text: &str) -> String {
    text.replace('`', "\"")
}

/// `text` with the arrow keys named by their ASCII keys where the terminal has only ASCII
/// (`k` for ↑, `j` for ↓, `-` for ←, `+` for →, as the key table has them).
fn arrows(text: &str, theme: Theme) -> String {
    if !theme.is_ascii() {
        return text.to_string();
    }
    text.replace('↑', "k")
        .replace('↓', "j")
        .replace('←', "-")
        .replace('→', "+")
}

/// `text` with a capital first letter.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What to do now, where the builder is, when nothing else is said.
fn hint(b: &Builder) -> Option<String> {
    let step = b.selected + 1;
    match &b.stage {
        Stage::Add { .. } if b.draft().is_empty() => {
            Some("Choose the first exercise; Enter adds it.".into())
        }
        Stage::Add { .. } => Some(format!(
            "Choose an exercise; Enter adds it after step {step}."
        )),
        Stage::Number { .. } => Some(format!(
            "Type the {} of step {step}{}; Enter takes it, Esc cancels.",
            b.field.words(),
            if b.field == Field::Reps {
                ""
            } else {
                " in seconds"
            }
        )),
        Stage::Move => Some(format!("↑ and ↓ carry step {step}; Enter puts it down.")),
        Stage::Steps if b.draft().is_empty() => None,
        Stage::Steps => Some(format!(
            "Step {step}, {}: ← → change it, or type a number; Tab marks another.",
            b.field.words()
        )),
        _ => None,
    }
}

fn render_help(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut rows: Vec<(String, &str)> = keys::rows(Mode::BuildSteps)
        .filter(|r| !r.shown.is_empty())
        .map(|r| (keys::shown(r.shown, b.ascii), r.what))
        .collect();
    rows.push((
        keys::QUIT_NOW.0.to_string(),
        "leave, asking first as q does; asked, Ctrl-C again leaves",
    ));
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(8)
        + 2;
    Clear.render(area, buf);
    let popup = centered(area, 78, rows.len() as u16 + 2);
    let block = Block::bordered()
        .border_set(theme.glyphs().border)
        .title(Line::styled(" Keys of the routine builder ", theme.title()));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let lines = rows.into_iter().map(|(key, what)| {
        Line::from(vec![
            Span::styled(format!(" {key:<key_width$}"), theme.key()),
            Span::raw(arrows(what, theme)),
        ])
    });
    render_lines(lines, inner, buf);
}

/// The plan, in the middle of the screen.
fn render_plan(b: &Builder, theme: Theme, outer: Rect, scroll: usize, buf: &mut Buffer) {
    let inner = outer.inner(Margin::new(2, 1));
    let lines = b.plan_lines(usize::from(inner.width));
    let total = lines.len();
    let rows = usize::from(inner.height);
    let scroll = scroll.min(total.saturating_sub(rows));
    let more = if total > rows {
        format!(
            " lines {}-{} of {total} ",
            scroll + 1,
            (scroll + rows).min(total)
        )
    } else {
        String::new()
    };
    Block::bordered()
        .border_set(theme.glyphs().border)
        .title(Line::styled(
            " The plan, as supple plan prints it ",
            theme.title(),
        ))
        .title_bottom(Line::styled(more, theme.dim()))
        .render(outer, buf);
    render_lines(
        lines.into_iter().skip(scroll).take(rows).map(Line::raw),
        inner,
        buf,
    );
}

/// The question's lines: what it asks, then its keys from the table.
fn question_lines(b: &Builder, theme: Theme) -> (&'static str, Vec<Line<'static>>) {
    let (title, mode, mut lines) = match &b.stage {
        Stage::Replace { path, changed } => (
            " Replace? ",
            Mode::BuildReplace,
            vec![
                Line::styled(
                    if *changed {
                        "This file was changed by something else since it was opened:"
                    } else {
                        "A routine file of this name is already there:"
                    },
                    theme.title(),
                ),
                Line::raw(quote(path, 200)),
            ],
        ),
        _ => (
            " Leave? ",
            Mode::BuildLeave,
            vec![Line::styled("Your changes are not saved.", theme.title())],
        ),
    };
    lines.push(Line::raw(""));
    for row in keys::rows(mode) {
        let key = match row.keys {
            Keys::Codes(_) => keys::shown(row.shown, b.ascii)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" or "),
            _ => row.shown.to_string(),
        };
        lines.push(Line::from(vec![
            Span::styled(key, theme.key()),
            Span::raw(format!(": {}", arrows(row.what, theme))),
        ]));
    }
    (title, lines)
}

fn render_question(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
    let (title, lines) = question_lines(b, theme);
    let width = area.width.saturating_sub(4).min(72);
    let rows = lines
        .iter()
        .map(|l| {
            (l.width() as u16)
                .div_ceil(width.saturating_sub(4).max(1))
                .max(1)
        })
        .sum::<u16>();
    let popup = centered(area, width, rows + 2);
    // Its rows across the screen and one above and below, so nothing underneath runs into
    // its border.
    let band = Rect {
        x: area.x,
        width: area.width,
        ..popup.outer(Margin::new(0, 1))
    };
    Clear.render(band.intersection(area), buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_set(theme.glyphs().border)
                .padding(ratatui::widgets::Padding::horizontal(1))
                .title(Line::styled(title, theme.title())),
        )
        .wrap(Wrap { trim: false })
        .render(popup, buf);
}

fn too_small(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
    let (w, h) = BUILDER_SIZE;
    let mut lines = vec![
        Line::styled("supple needs a bigger window", theme.title()),
        Line::raw(format!(
            "the routine builder: at least {w}x{h}, now {}x{}",
            area.width, area.height
        )),
    ];
    if matches!(b.stage, Stage::Leave | Stage::Replace { .. }) {
        lines.push(Line::raw(""));
        lines.extend(question_lines(b, theme).1);
    } else {
        lines.push(Line::raw("(q leaves; nothing is lost)"));
    }
    Paragraph::new(lines)
        .alignment(ratatui::layout::Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
