//! The view: a pure function of a [`ViewModel`] snapshot, one widget per panel.
//!
//! Three layouts: regular from 80x24 (with the pose figure from about 110x34), compact down to
//! 40x12, and below that a request to enlarge the window.

pub mod art;
pub mod cues;
pub mod footer;
pub mod gauge;
pub mod help;
pub mod history;
pub mod legs;
pub mod next;
pub mod now;
pub mod safety;
pub mod summary;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::app::{Overlay, ViewModel};
use theme::Theme;

/// The smallest terminal the compact layout fits.
pub const MIN_SIZE: (u16, u16) = (40, 12);
/// The smallest terminal for the regular layout.
pub const REGULAR_SIZE: (u16, u16) = (80, 24);
/// The smallest terminal that also shows the pose figure.
pub const FIGURE_SIZE: (u16, u16) = (110, 34);

/// Where each panel goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub header: Option<Rect>,
    pub bar: Option<Rect>,
    pub now: Rect,
    pub digits: Rect,
    pub cues: Rect,
    pub figure: Option<Rect>,
    pub gauge: Rect,
    pub legs: Option<Rect>,
    pub next: Option<Rect>,
    pub footer: Rect,
}

fn fits(area: Rect, (w, h): (u16, u16)) -> bool {
    area.width >= w && area.height >= h
}

/// The layout for a terminal of this size; `None` when it is too small. `wordy` gives the
/// compact layout's text more rows than its digits (while getting into position, when how to
/// matters more than big digits, and the gauge's own "0:07 left" is countdown enough).
pub fn areas(area: Rect, wordy: bool) -> Option<Areas> {
    if !fits(area, MIN_SIZE) {
        return None;
    }
    if !fits(area, REGULAR_SIZE) {
        let cue_rows = if wordy {
            (area.height - 5 - u16::from(area.height > 12)).min(8)
        } else {
            (area.height.saturating_sub(8) / 2 + 2).min(6)
        };
        let [now, digits, gauge, _, cues, footer] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(u16::from(area.height > 12)),
            Constraint::Length(cue_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        return Some(Areas {
            now: now.inner(Margin::new(1, 0)),
            digits,
            cues: cues.inner(Margin::new(1, 0)),
            gauge: gauge.inner(Margin::new(1, 0)),
            footer,
            ..Areas::default()
        });
    }
    let tall = area.height >= 36;
    let lower_rows = if area.height >= 30 { 10 } else { 8 };
    let [header, bar, now, middle, gauge, lower, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(if tall { 3 } else { 2 }),
        Constraint::Fill(1),
        Constraint::Length(if tall { 3 } else { 1 }),
        Constraint::Length(lower_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let with_figure = fits(area, FIGURE_SIZE);
    let [digits, cues, figure] = Layout::horizontal([
        Constraint::Length(36),
        Constraint::Fill(1),
        Constraint::Length(if with_figure { 32 } else { 0 }),
    ])
    .areas(middle);
    let [legs, next] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(lower);
    Some(Areas {
        header: Some(header),
        bar: Some(bar.inner(Margin::new(1, 0))),
        now: now.inner(Margin::new(1, 0)),
        digits,
        cues: cues.inner(Margin::new(1, 1)),
        figure: with_figure.then_some(figure),
        gauge: gauge.inner(Margin::new(1, 0)),
        legs: Some(legs),
        next: Some(next),
        footer,
    })
}

/// Draws lines one per row, each cut at the area's width. Much cheaper than a `Paragraph`
/// (no reflow) wherever nothing needs to wrap; the frame bench shows the difference.
pub fn render_lines<'a>(lines: impl IntoIterator<Item = Line<'a>>, area: Rect, buf: &mut Buffer) {
    for (line, row) in lines.into_iter().zip(area.rows()) {
        line.render(row, buf);
    }
}

/// How many cells the hold gauge spans at this terminal size (the loop wakes when one empties).
pub fn gauge_cells(area: Rect) -> u16 {
    areas(area, false).map_or(0, |a| a.gauge.width)
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, vm: &ViewModel<'_>) {
    let area = frame.area();
    render(vm, area, frame.buffer_mut());
}

/// Draws the whole screen, reusing the panels kept in `cache`.
pub fn draw_cached(frame: &mut Frame, vm: &ViewModel<'_>, cache: &mut FrameCache) {
    let area = frame.area();
    cache.render(vm, area, frame.buffer_mut());
}

/// Renders the whole screen into a buffer.
pub fn render(vm: &ViewModel<'_>, area: Rect, buf: &mut Buffer) {
    FrameCache::default().render(vm, area, buf);
}

/// The panels that change only with an event, never with the clock alone.
fn render_panels(vm: &ViewModel<'_>, areas: &Areas, buf: &mut Buffer) {
    now::NowPanel(vm).render(areas.now, buf);
    cues::CuesPanel(vm).render(areas.cues, buf);
    if let Some(figure_area) = areas.figure {
        figure(vm, figure_area, buf);
    }
    if let Some(legs) = areas.legs {
        legs::LegsPanel(vm).render(legs, buf);
    }
    if let Some(next) = areas.next {
        next::NextPanel(vm).render(next, buf);
    }
    footer::Footer(vm).render(areas.footer, buf);
}

/// What moves with the clock: the header's times, the session bar, the digits and the gauge.
fn render_moving(vm: &ViewModel<'_>, areas: &Areas, buf: &mut Buffer) {
    if let Some(header) = areas.header {
        next::Header(vm).render(header, buf);
    }
    if let Some(bar) = areas.bar {
        next::SessionBar(vm).render(bar, buf);
    }
    gauge::Digits(vm).render(areas.digits, buf);
    gauge::HoldGauge(vm).render(areas.gauge, buf);
}

/// Keeps the panels that do not move with the clock between frames: while the app's revision
/// and the terminal size stay the same, a frame copies them instead of laying out their text
/// again. During a hold this halves the cost of a frame (see `cargo bench --bench frame`).
#[derive(Debug, Default)]
pub struct FrameCache {
    key: Option<(Rect, u64)>,
    panels: Buffer,
}

impl FrameCache {
    /// Renders the whole screen; the result is the same as without the cache.
    pub fn render(&mut self, vm: &ViewModel<'_>, area: Rect, buf: &mut Buffer) {
        let Some(areas) = areas(area, vm.getting_into_position()) else {
            too_small(area, buf);
            return;
        };
        if vm.finished.is_some() {
            summary::Summary(vm).render(area, buf);
            return;
        }
        let key = Some((area, vm.revision));
        if self.key != key || self.panels.area != area {
            self.panels = Buffer::empty(area);
            render_panels(vm, &areas, &mut self.panels);
            self.key = key;
        }
        if buf.area == area {
            buf.content.clone_from_slice(&self.panels.content);
        } else {
            render_panels(vm, &areas, buf);
        }
        render_moving(vm, &areas, buf);
        match vm.overlay {
            Overlay::Help => help::HelpOverlay(vm).render(area, buf),
            Overlay::ConfirmQuit => help::ConfirmQuit(vm).render(area, buf),
            Overlay::None => {}
        }
    }
}

fn figure(vm: &ViewModel<'_>, area: Rect, buf: &mut Buffer) {
    let Some(text) = art::figure(&vm.exercise.id) else {
        return;
    };
    let theme = Theme::new(vm.color);
    let (w, h) = art::size(text);
    let block = Block::bordered().border_style(theme.border());
    let inner = block.inner(area);
    block.render(area, buf);
    let spot = help::centered(inner, w, h);
    render_lines(text.lines().map(Line::raw), spot, buf);
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let (w, h) = MIN_SIZE;
    let lines = vec![
        Line::raw("supple needs a bigger window"),
        Line::raw(format!(
            "at least {w}x{h}, now {}x{}",
            area.width, area.height
        )),
        Line::raw("(q quits)"),
    ];
    Paragraph::new(lines)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
