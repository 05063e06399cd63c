//! The builder's footer: the keys of the stage it is at, from the key table, a key and its
//! opposite joined ("↑↓ step"), over as many rows as they need.

use ratatui::text::{Line, Span};

use crate::builder::Builder;
use crate::keys::{self, Command, Keys, Mode};
use crate::ui::theme::Theme;

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
pub(super) fn footer_lines(b: &Builder, theme: Theme, width: u16) -> Vec<Line<'static>> {
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
