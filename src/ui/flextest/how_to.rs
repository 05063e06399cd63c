//! How to do the test: its steps beside its figure where there is room, otherwise on pages;
//! then how to read the result and when to take it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::{WHEN, rows_of, wrapped};
use crate::flextest::guide::Guide;
use crate::safety::CAUTION;
use crate::session::Side;
use crate::ui::MIN_SIZE;
use crate::ui::figure::FigureView;
use crate::ui::help::centered;
use crate::ui::theme::Theme;

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

pub(super) fn how_to(guide: &Guide, theme: Theme, area: Rect, buf: &mut Buffer) {
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
