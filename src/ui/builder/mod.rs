//! The routine builder's screen, drawn from the [`Builder`] alone: on the left the routine's
//! steps with each one's time, repetitions, rest and legs, on the right the exercise library
//! with the marked exercise's phase, needs, focus and, where there is room, its figure; a
//! line for what the last key did or met; the keys. From 80x24 up; below, a request for a
//! bigger window (and the question, if one is open).
//!
//! A file per part: the `steps` and `library` panes, the `notes` under them, the `footer`'s
//! keys, and the `overlays` (the help, the plan, the questions). Here: the screen and its
//! layout, the header, the too-small screen, and the few text helpers the parts share.

mod footer;
mod library;
mod notes;
mod overlays;
mod steps;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::Theme;
use super::{cut_wide, render_lines};
use crate::builder::{Builder, Origin, Stage};
use crate::session::clock_text;
use footer::footer_lines;
use library::render_library;
use notes::note_lines;
use overlays::{question_lines, render_help, render_plan, render_question};
use steps::render_steps;

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
    // The title gives way to the name and the state, which always show whole: a long title
    // (60 characters, or 60 wide ones) is cut with an ellipsis, a space before the state.
    let room = usize::from(top.width).saturating_sub(Span::raw(state).width() + 1);
    let what = format!("{what}: ");
    let title_room =
        room.saturating_sub(Span::raw(what.as_str()).width() + Span::raw(name.as_str()).width());
    let left = Rect {
        width: u16::try_from(room).unwrap_or(top.width).min(top.width),
        ..top
    };
    Line::from(vec![
        Span::styled(what, theme.dim()),
        Span::styled(
            cut_wide(&routine.title, title_room, theme.glyphs().more),
            theme.title(),
        ),
        Span::raw(name),
    ])
    .render(left, buf);
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
