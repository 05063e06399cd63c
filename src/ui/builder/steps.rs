//! The steps pane: each step of the routine with its time, repetitions, rest and legs, the
//! step and the value marked, and under them what the settings or a long hold change.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{cut, short_name};
use crate::builder::edit::Field;
use crate::builder::{Builder, Stage, wrap};
use crate::content::{SideOrder, Sides};
use crate::ui::render_lines;
use crate::ui::theme::Theme;

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

pub(super) fn render_steps(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
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
