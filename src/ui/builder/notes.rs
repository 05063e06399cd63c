//! The lines under the panes: what is being typed, the problem the last key met or what it
//! did, or else what to do now.

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::arrows;
use crate::builder::edit::Field;
use crate::builder::{Builder, Note, Stage, Text, wrap};
use crate::safe_text::quote;
use crate::ui::theme::Theme;

/// The line under the panes: the problem the last key met, or what it did, or what to do
/// now; and the word on holds over 60 s. Wrapped to `width`.
pub(super) fn note_lines(b: &Builder, theme: Theme, width: u16) -> Vec<Line<'static>> {
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
