//! The guided `supple test` screen, drawn from the [`Guide`] alone: the choice of test, how to
//! do it beside its figure, each leg's number in big digits under the leg in big letters, the
//! optional questions, and the result with its comparison. Fits 40x12 and up.
//!
//! A file per stage: `choose`, `how_to`, `number` (a leg's number), `questions` (where it was
//! felt, how strong) and `result`. Here: the screen, its header and footer, the safety note
//! before the first test, and the text helpers the stages share.

mod choose;
mod how_to;
mod number;
mod questions;
mod result;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::MIN_SIZE;
use super::safety::SafetyNote;
use super::theme::Theme;
use crate::flextest::guide::{Guide, Stage};
use crate::safety::Before;
use choose::choose;
use how_to::how_to;
pub use how_to::how_to_pages;
use number::enter;
use questions::{felt, strength};
use result::{not_saved, saved};

/// How the test is taken, in one line. Two tries in a row differ by up to the measuring error
/// (that is how it was measured), so the looser of two is typed, the same way every time.
pub const WHEN: &str = "Take it warm, after a session, the same way each time; do each leg \
     twice and type the looser try.";

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
            } => saved(guide, result, comparison, place, theme, body, buf),
            Stage::NotSaved { result, why } => not_saved(guide, result, why, theme, body, buf),
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
