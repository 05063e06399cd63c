//! The pose on screen: line art in braille on ratatui's `Canvas` (2x4 dots a cell, drawn in the
//! widget's own coordinates and scaled to the area), thick enough to read from the mat, the
//! working leg in the leg's colour and thicker; plain ASCII where the locale is not UTF-8.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Painter, Shape};

use super::theme::Theme;
use crate::content::pose::Pose;
use crate::pose::{self, Figure, Ink, P};
use crate::session::Side;

/// One key frame of a pose, drawn to fill its area.
pub struct FigureView<'a> {
    pub pose: &'a Pose,
    /// The key frame shown (moves go through theirs in turn).
    pub frame: usize,
    /// The leg worked now: its colour is the working leg's.
    pub side: Side,
    pub theme: Theme,
}

impl Widget for FigureView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 4 || area.height < 2 {
            return;
        }
        let figure = pose::figure(self.pose, self.frame);
        if self.theme.is_ascii() {
            ascii(&figure, self.theme, self.side, area, buf);
        } else {
            braille(&figure, self.theme, self.side, area, buf);
        }
    }
}

/// Radius of a stroke in braille dots, at least enough to read from two metres.
fn dot_radius(ink: Ink, scale: f64) -> f64 {
    let least = match ink {
        Ink::Working => 2.0,
        Ink::Body | Ink::Far => 1.5,
        Ink::Prop | Ink::Stretch | Ink::Reach => 0.8,
        Ink::Floor => 0.5,
    };
    (ink.width() / 2.0 * scale).max(least)
}

/// Maps metres to a grid of `cols` x `rows` points (y down), the figure fitted and centred,
/// its floor at the bottom; `aspect` is how many grid rows make as much height as one grid
/// column makes width (1 for braille dots, 2 for whole cells).
#[derive(Debug, Clone, Copy)]
struct GridFit {
    scale: f64,
    aspect: f64,
    left: f64,
    bottom: f64,
    min: P,
}

impl GridFit {
    fn new(figure: &Figure, cols: f64, rows: f64, aspect: f64) -> Self {
        let scale =
            (cols / figure.width().max(0.01)).min(rows * aspect / figure.height().max(0.01));
        let left = (cols - figure.width() * scale) / 2.0;
        GridFit {
            scale,
            aspect,
            left,
            bottom: rows - 1.0,
            min: figure.bounds[0],
        }
    }

    /// Grid column and row (fractional) of a point.
    fn at(&self, p: P) -> (f64, f64) {
        (
            self.left + (p.x - self.min.x) * self.scale,
            self.bottom - (p.y - self.min.y) * self.scale / self.aspect,
        )
    }
}

/// The strokes of a figure painted dot by dot: every dot within the stroke's radius of it.
struct Strokes<'a> {
    figure: &'a Figure,
    fit: GridFit,
    size: (usize, usize),
    color: &'a dyn Fn(Ink) -> Color,
}

impl Shape for Strokes<'_> {
    fn draw(&self, painter: &mut Painter) {
        let (w, h) = self.size;
        let mut dot = |x: i64, y: i64, color: Color| {
            if let (Ok(x), Ok(y)) = (usize::try_from(x), usize::try_from(y))
                && x < w
                && y < h
            {
                painter.paint(x, y, color);
            }
        };
        for layer in self.figure.layers() {
            let color = (self.color)(layer);
            let r = dot_radius(layer, self.fit.scale);
            for s in self.figure.strokes.iter().filter(|s| s.ink == layer) {
                let (ax, ay) = self.fit.at(s.from);
                let (bx, by) = self.fit.at(s.to);
                let (x0, x1) = ((ax.min(bx) - r).floor(), (ax.max(bx) + r).ceil());
                let (y0, y1) = ((ay.min(by) - r).floor(), (ay.max(by) + r).ceil());
                for y in y0 as i64..=y1 as i64 {
                    for x in x0 as i64..=x1 as i64 {
                        let p = P::new(x as f64, y as f64);
                        let d =
                            pose::checks::distance_to_segment(p, P::new(ax, ay), P::new(bx, by));
                        if d <= r {
                            dot(x, y, color);
                        }
                    }
                }
            }
            for disc in self.figure.discs.iter().filter(|d| d.ink == layer) {
                let (cx, cy) = self.fit.at(disc.centre);
                let r = (disc.radius * self.fit.scale).max(1.5);
                for y in (cy - r).floor() as i64..=(cy + r).ceil() as i64 {
                    for x in (cx - r).floor() as i64..=(cx + r).ceil() as i64 {
                        if (x as f64 - cx).hypot(y as f64 - cy) <= r {
                            dot(x, y, color);
                        }
                    }
                }
            }
        }
    }
}

fn braille(figure: &Figure, theme: Theme, side: Side, area: Rect, buf: &mut Buffer) {
    let (w, h) = (usize::from(area.width) * 2, usize::from(area.height) * 4);
    let fit = GridFit::new(figure, w as f64, h as f64, 1.0);
    let color = |ink: Ink| theme.figure(ink, side);
    let shape = Strokes {
        figure,
        fit,
        size: (w, h),
        color: &color,
    };
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, w as f64])
        .y_bounds([0.0, h as f64])
        .paint(|ctx| ctx.draw(&shape))
        .render(area, buf);
}

/// The ASCII character for a stroke going `dx`, `dy` (in metres, y up).
fn slope_char(dx: f64, dy: f64) -> char {
    let angle = dy.atan2(dx).to_degrees().rem_euclid(180.0);
    match angle {
        a if !(22.5..157.5).contains(&a) => '-',
        a if a < 67.5 => '/',
        a if a < 112.5 => '|',
        _ => '\\',
    }
}

/// The figure in plain ASCII, a character a cell: `|`, `/`, `\` and `-` along each stroke,
/// `_` for the floor, `O` for a head.
fn ascii(figure: &Figure, theme: Theme, side: Side, area: Rect, buf: &mut Buffer) {
    let (w, h) = (f64::from(area.width), f64::from(area.height));
    let fit = GridFit::new(figure, w, h, 2.0);
    let mut put = |x: f64, y: f64, c: char, ink: Ink| {
        let (x, y) = (x.floor(), y.round());
        if x < 0.0 || y < 0.0 || x >= w || y >= h {
            return;
        }
        let mut style = Style::new().fg(theme.figure(ink, side));
        if ink == Ink::Working {
            style = style.add_modifier(Modifier::BOLD);
        }
        let cell = &mut buf[(area.x + x as u16, area.y + y as u16)];
        cell.set_char(c).set_style(style);
    };
    for layer in figure.layers() {
        for s in figure.strokes.iter().filter(|s| s.ink == layer) {
            let c = match layer {
                Ink::Floor => '_',
                Ink::Stretch => '~',
                _ => slope_char(s.to.x - s.from.x, s.to.y - s.from.y),
            };
            let (ax, ay) = fit.at(s.from);
            let (bx, by) = fit.at(s.to);
            let steps = ((bx - ax).abs().max((by - ay).abs()) * 3.0).ceil().max(1.0) as usize;
            for i in 0..=steps {
                let t = i as f64 / steps as f64;
                let y = ay + (by - ay) * t;
                // The floor sits on the row above the ground line, as an underscore does.
                let y = if layer == Ink::Floor { y - 0.5 } else { y };
                put(ax + (bx - ax) * t, y, c, layer);
            }
        }
        for disc in figure.discs.iter().filter(|d| d.ink == layer) {
            let (x, y) = fit.at(disc.centre);
            put(x, y, 'O', layer);
        }
    }
}

/// Whether a figure is worth drawing in `area`: big enough to tell the pose.
pub fn fits(area: Rect) -> bool {
    area.width >= 12 && area.height >= 5
}
