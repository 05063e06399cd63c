//! The view: a pure function of a [`ViewModel`] snapshot, one widget per panel.
//!
//! Three layouts: regular from 80x24 (the pose figure beside the digits while getting into
//! position, and from 120x40 during the exercise too), compact down to 40x12, and below that a
//! request to enlarge the window.

pub mod bigtext;
pub mod builder;
pub mod cues;
pub mod figure;
pub mod flextest;
pub mod footer;
pub mod gauge;
pub mod help;
pub mod history;
pub mod leg;
pub mod legs;
pub mod next;
pub mod now;
pub mod safety;
pub mod summary;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{Overlay, ViewModel};
use theme::Theme;

/// The fewest rows of digits: below 4 the font breaks up.
const DIGITS_AT_LEAST: u16 = 4;

/// The smallest terminal the compact layout fits.
pub const MIN_SIZE: (u16, u16) = (40, 12);
/// The smallest terminal for the regular layout.
pub const REGULAR_SIZE: (u16, u16) = (80, 24);
/// The smallest terminal that shows the pose figure during the exercise too (while getting
/// into position it shows from [`REGULAR_SIZE`] up).
pub const FIGURE_SIZE: (u16, u16) = (120, 40);

/// Where each panel goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub header: Option<Rect>,
    pub bar: Option<Rect>,
    pub now: Rect,
    pub digits: Rect,
    /// The leg, as wide as the screen: big letters, or a one-row band on small screens.
    pub leg: Rect,
    pub cues: Rect,
    pub figure: Option<Rect>,
    pub gauge: Rect,
    pub legs: Option<Rect>,
    pub next: Option<Rect>,
    pub footer: Rect,
}

impl Areas {
    /// Where PAUSED goes while the clock stands still: beside the digits, over the cues and
    /// the figure (the digits stay, dimmed, so the seconds left are still there to read);
    /// `None` in the compact layout, where the cues are below the digits and the gauge and
    /// the header say it.
    pub fn paused(&self) -> Option<Rect> {
        (self.cues.y == self.digits.y).then(|| {
            let beside = self
                .figure
                .map_or(self.cues, |figure| self.cues.union(figure));
            Rect {
                y: self.digits.y,
                height: self.digits.height,
                ..beside
            }
        })
    }

    /// The middle of the screen: the digits with the cues and the figure beside them (in the
    /// compact layout, the digits alone).
    pub fn band(&self) -> Rect {
        let mut band = self.digits;
        if self.cues.y == self.digits.y {
            band = band.union(self.cues);
        }
        if let Some(figure) = self.figure {
            band = band.union(figure);
        }
        band
    }
}

fn fits(area: Rect, (w, h): (u16, u16)) -> bool {
    area.width >= w && area.height >= h
}

/// Rows of the big leg letters for a screen of this height (a multiple of 4, where the 8x8
/// font is sharpest).
fn leg_rows(height: u16) -> u16 {
    match height {
        0..40 => 4,
        40..56 => 8,
        _ => 12,
    }
}

/// The layout for a terminal of this size; `None` when it is too small.
///
/// What matters from the mat gets the room: the seconds left take at least 40 % of the height
/// from 80x24 up, the leg is written in big letters across the whole width, and the key cue
/// and the figure sit beside the digits; the Legs and Up next panels take what is left, at the
/// bottom. Small screens drop the panels first. `wordy` is for getting into position, when how
/// matters more than big digits: the compact layout gives its text more rows than its digits
/// (the gauge's own "0:07 left" is countdown enough), and a wide one shows the figure.
pub fn areas(area: Rect, wordy: bool) -> Option<Areas> {
    layout(area, wordy, true)
}

/// The layout for `vm` on a terminal of this size: [`areas`], where a step with no leg
/// (whole-body work, or getting ready for it) gives the leg's rows to the digits.
pub fn areas_for(area: Rect, vm: &ViewModel<'_>) -> Option<Areas> {
    layout(
        area,
        vm.getting_into_position(),
        vm.step.side != crate::session::Side::None,
    )
}

fn layout(area: Rect, wordy: bool, has_leg: bool) -> Option<Areas> {
    if !fits(area, MIN_SIZE) {
        return None;
    }
    if !fits(area, REGULAR_SIZE) {
        return Some(compact(area, wordy, has_leg));
    }
    let h = area.height;
    let with_bar = h >= 30;
    let gauge_rows = if h >= 36 { 3 } else { 1 };
    let fixed = 3 + u16::from(with_bar) + gauge_rows;
    let leg = if has_leg { leg_rows(h) } else { 0 };
    // At least 40 % of the height; more where the width allows two digits that tall in half
    // of it, as long as the panels keep six rows.
    let least = (h * 2).div_ceil(5);
    let by_width = bigtext::rows_to_fit("00", area.width / 2, u16::MAX);
    let room = h.saturating_sub(fixed + leg + 6);
    let digits = least.max(by_width.min(room)).min(room.max(least));
    let panels = (h - fixed - leg - digits).min(16);
    let spare = h - fixed - leg - digits - panels;
    let [header, bar, now, middle, leg_band, _, gauge, lower, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(with_bar)),
        Constraint::Length(1),
        Constraint::Length(digits),
        Constraint::Length(leg),
        Constraint::Length(spare),
        Constraint::Length(gauge_rows),
        Constraint::Length(panels),
        Constraint::Length(1),
    ])
    .areas(area);
    let digits_width = bigtext::width("00", digits) + 4;
    let panels_shown = panels >= 3;
    let [legs, next] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(lower);
    if wordy {
        // Getting into position, how matters most: the figure beside the digits, as tall as
        // the digits and the leg together, the leg under the digits, and the cues across the
        // bottom in place of the panels.
        let [digits_area, figure] =
            Layout::horizontal([Constraint::Length(digits_width), Constraint::Fill(1)])
                .areas(middle.union(leg_band));
        let digits_area = Rect {
            height: middle.height,
            ..digits_area
        };
        let leg = Rect {
            width: digits_width,
            ..leg_band
        };
        return Some(Areas {
            header: Some(header),
            bar: with_bar.then(|| bar.inner(Margin::new(1, 0))),
            now: now.inner(Margin::new(1, 0)),
            digits: digits_area,
            leg: leg.inner(Margin::new(1, 0)),
            cues: lower.inner(Margin::new(1, 0)),
            figure: Some(figure.inner(Margin::new(1, 0))).filter(|f| figure::fits(*f)),
            gauge: gauge.inner(Margin::new(1, 0)),
            legs: None,
            next: None,
            footer,
        });
    }
    // During the exercise, from FIGURE_SIZE up: the figure at the right of the cues.
    let figure_width = if fits(area, FIGURE_SIZE) {
        (area.width.saturating_sub(digits_width) / 2).clamp(24, 56)
    } else {
        0
    };
    let [digits_area, cues, figure] = Layout::horizontal([
        Constraint::Length(digits_width),
        Constraint::Fill(1),
        Constraint::Length(figure_width),
    ])
    .areas(middle);
    Some(Areas {
        header: Some(header),
        bar: with_bar.then(|| bar.inner(Margin::new(1, 0))),
        now: now.inner(Margin::new(1, 0)),
        digits: digits_area,
        leg: leg_band.inner(Margin::new(1, 0)),
        cues: cues.inner(Margin::new(1, 0)),
        figure: (figure_width > 0).then(|| figure.inner(Margin::new(1, 0))),
        gauge: gauge.inner(Margin::new(1, 0)),
        legs: panels_shown.then_some(legs),
        next: panels_shown.then_some(next),
        footer,
    })
}

/// Below 80x24: the step, the digits (never under 4 rows: they stay big enough to read), the
/// leg as a band of colour where there is a leg, the gauge, the cues that fit (the stop rule
/// first during a hold), and the keys.
fn compact(area: Rect, wordy: bool, has_leg: bool) -> Areas {
    let h = area.height;
    let leg = match (has_leg, h >= 18) {
        (false, _) => 0,
        (true, true) => 4,
        (true, false) => 1,
    };
    let room = h.saturating_sub(3 + leg + DIGITS_AT_LEAST);
    let cue_rows = if wordy {
        room.min(8)
    } else {
        (h.saturating_sub(8) / 2 + 2).min(6).min(room)
    };
    let [now, digits, leg_band, gauge, cues, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(leg),
        Constraint::Length(1),
        Constraint::Length(cue_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        now: now.inner(Margin::new(1, 0)),
        digits,
        leg: leg_band,
        cues: cues.inner(Margin::new(1, 0)),
        gauge: gauge.inner(Margin::new(1, 0)),
        footer,
        ..Areas::default()
    }
}

/// `text` cut to `width` columns on screen (a wide character takes two), ending with an
/// ellipsis when cut.
pub fn cut_wide(text: &str, width: usize, more: &str) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = more.width();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= more.width() {
        out.push_str(more);
    }
    out
}

/// Draws lines one per row, each cut at the area's width. Much cheaper than a `Paragraph`
/// (no reflow) wherever nothing needs to wrap; the frame bench shows the difference.
pub fn render_lines<'a>(lines: impl IntoIterator<Item = Line<'a>>, area: Rect, buf: &mut Buffer) {
    for (line, row) in lines.into_iter().zip(area.rows()) {
        line.render(row, buf);
    }
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
fn render_panels(vm: &ViewModel<'_>, areas: &Areas, images: bool, buf: &mut Buffer) {
    now::NowPanel(vm).render(areas.now, buf);
    // Paused, PAUSED takes the place beside the digits (in the compact layout, the gauge
    // and the header say it, and the cues below stay).
    let paused = areas.paused().filter(|_| vm.paused);
    if paused.is_none() {
        cues::CuesPanel(vm).render(areas.cues, buf);
    }
    // The figure stays while paused unless PAUSED takes its place (a paused move stands
    // still on its key frame: the clock that moves it waits too).
    let still = !moving(vm) || vm.paused;
    if let Some(figure_area) = areas.figure.filter(|_| paused.is_none() && still) {
        figure(vm, figure_area, images, buf);
    }
    // PAUSED big beside the digits where it fits, else across the leg's place (the header
    // names the leg) where that is tall enough.
    let beside_fits = paused.is_some_and(|area| {
        bigtext::rows_to_fit("PAUSED", area.width, area.height.saturating_sub(6)) >= 4
    });
    // Where PAUSED has no place beside the digits (the cues below them, as while getting
    // into position at 80x24), it goes in the leg's place too.
    let word_in_leg = vm.paused && !beside_fits && gauge::PausedWord::fits(areas.leg);
    if let Some(area) = paused {
        gauge::Paused {
            vm,
            word_elsewhere: word_in_leg,
        }
        .render(area, buf);
    }
    if word_in_leg {
        gauge::PausedWord(vm).render(areas.leg, buf);
    } else {
        leg::LegBand(vm).render(areas.leg, buf);
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
fn render_moving(vm: &ViewModel<'_>, areas: &Areas, images: bool, buf: &mut Buffer) {
    if let Some(header) = areas.header {
        next::Header(vm).render(header, buf);
    }
    if let Some(bar) = areas.bar {
        next::SessionBar(vm).render(bar, buf);
    }
    // Paused too, dimmed: the seconds left stay where the eye looks for them.
    gauge::Digits(vm).render(areas.digits, buf);
    gauge::HoldGauge(vm).render(areas.gauge, buf);
    // A move's figure changes with the clock, between the cached panels' changes.
    if let Some(figure_area) = areas.figure.filter(|_| !vm.paused && moving(vm)) {
        figure(vm, figure_area, images, buf);
    }
}

/// Whether the figure on screen moves through key frames (a move, running).
fn moving(vm: &ViewModel<'_>) -> bool {
    vm.pose.is_some_and(|p| p.frames.len() > 1)
}

/// Keeps the panels that do not move with the clock between frames: while the app's revision
/// and the terminal size stay the same, a frame copies them instead of laying out their text
/// again. During a hold this halves the cost of a frame (see `cargo bench --bench frame`).
#[derive(Debug, Default)]
pub struct FrameCache {
    key: Option<(Rect, u64)>,
    panels: Buffer,
    /// Whether the last frame showed a figure that moves through key frames.
    motion: bool,
    /// Whether the terminal shows the figure as a picture: the screen leaves its cells alone.
    images: bool,
    /// The picture the last frame wants in the cells it left alone.
    picture: Option<crate::image::Picture>,
}

impl FrameCache {
    /// Whether the last frame drawn showed a moving figure: the loop then wakes for its next
    /// key frame too ([`crate::app::App::next_pose_frame`]).
    pub fn shows_motion(&self) -> bool {
        self.motion
    }

    /// A cache for a terminal that shows the figure as a picture ([`FrameCache::picture`]).
    pub fn with_images(images: bool) -> Self {
        FrameCache {
            images,
            ..FrameCache::default()
        }
    }

    /// The picture the last frame wants where it left the figure's cells alone.
    pub fn picture(&self) -> Option<&crate::image::Picture> {
        self.picture.as_ref()
    }

    /// Renders the whole screen; the result is the same as without the cache.
    pub fn render(&mut self, vm: &ViewModel<'_>, area: Rect, buf: &mut Buffer) {
        self.motion = false;
        self.picture = None;
        let Some(areas) = areas_for(area, vm) else {
            too_small(area, buf);
            return;
        };
        if vm.finished.is_some() {
            summary::Summary(vm).render(area, buf);
            return;
        }
        let key = Some((area, vm.revision));
        let images = self.images;
        if self.key != key || self.panels.area != area {
            self.panels = Buffer::empty(area);
            render_panels(vm, &areas, images, &mut self.panels);
            self.key = key;
        }
        if buf.area == area {
            buf.content.clone_from_slice(&self.panels.content);
        } else {
            render_panels(vm, &areas, images, buf);
        }
        render_moving(vm, &areas, images, buf);
        self.motion = areas.figure.is_some() && !vm.paused && moving(vm);
        self.picture = areas
            .figure
            .filter(|_| images && !vm.paused && vm.overlay == Overlay::None)
            .and_then(|area| {
                Some(crate::image::Picture {
                    area,
                    id: vm.pose.map(|_| vm.exercise.id.clone())?,
                    frame: vm.pose_frame,
                    side: vm.step.side,
                    working: theme::Theme::side_rgb(vm.step.side),
                    color: vm.color,
                })
            });
        if vm.overlay != Overlay::None {
            // The screen behind the box steps back, so that what shows around its edges
            // (half a word, a piece of the figure) does not read as part of it.
            buf.set_style(area, Style::new().add_modifier(Modifier::DIM));
        }
        match vm.overlay {
            Overlay::Help => help::HelpOverlay(vm).render(area, buf),
            Overlay::ConfirmQuit => help::ConfirmQuit(vm).render(area, buf),
            Overlay::None => {}
        }
    }
}

/// The figure in braille or ASCII; with `images`, the cells left alone for the picture the
/// terminal draws there (see [`crate::image`]).
fn figure(vm: &ViewModel<'_>, area: Rect, images: bool, buf: &mut Buffer) {
    let Some(pose) = vm.pose else {
        return;
    };
    if images {
        for position in area.positions() {
            buf[position].set_diff_option(ratatui::buffer::CellDiffOption::Skip);
        }
        return;
    }
    figure::FigureView {
        pose,
        frame: vm.pose_frame,
        side: vm.step.side,
        theme: Theme::of(vm),
    }
    .render(area, buf);
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
