//! The library pane: every exercise, the one marked with its phase, legs, needs and focus,
//! and its figure where there is room.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{cut, short_name};
use crate::builder::{Builder, Stage};
use crate::content::{Exercise, Need, Sides};
use crate::session::Side;
use crate::ui::figure::{self, FigureView};
use crate::ui::render_lines;
use crate::ui::theme::Theme;

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

pub(super) fn render_library(b: &Builder, theme: Theme, area: Rect, buf: &mut Buffer) {
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
