//! The figure as an anti-aliased picture (tiny-skia): for the terminal's image protocols and
//! for `supple figure --png`.

use tiny_skia::{FillRule, LineCap, Paint, PathBuilder, Pixmap, Stroke as SkStroke, Transform};

use super::{Figure, Ink, P};

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// The colour of each ink, and what is behind the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub floor: Rgb,
    pub prop: Rgb,
    pub far: Rgb,
    pub body: Rgb,
    pub working: Rgb,
    pub stretch: Rgb,
    pub reach: Rgb,
    /// `None`: transparent, the terminal's own background shows through.
    pub background: Option<Rgb>,
}

impl Palette {
    /// Light on dark, the working leg in `working`.
    pub fn dark(working: Rgb) -> Self {
        Palette {
            floor: [110, 110, 110],
            prop: [140, 140, 150],
            far: [150, 150, 150],
            body: [240, 240, 240],
            working,
            stretch: [255, 90, 90],
            reach: [255, 255, 120],
            background: None,
        }
    }

    /// Dark on light, for a light background: the working leg a deeper shade of `working`.
    pub fn light(working: Rgb) -> Self {
        let deeper = working.map(|c| (u16::from(c) * 3 / 5) as u8);
        Palette {
            floor: [150, 150, 150],
            prop: [120, 120, 130],
            far: [140, 140, 140],
            body: [30, 30, 30],
            working: deeper,
            stretch: [210, 40, 40],
            reach: [170, 130, 0],
            background: None,
        }
    }

    /// Light on dark or dark on light, whichever shows on `background`.
    pub fn on(background: Rgb, working: Rgb) -> Self {
        let [r, g, b] = background.map(u32::from);
        // Rec. 601 luma, 0 to 255.
        if (299 * r + 587 * g + 114 * b) / 1000 > 128 {
            Palette::light(working)
        } else {
            Palette::dark(working)
        }
    }

    /// Everything in one colour (NO_COLOR, or a picture for print): the working leg is still
    /// told apart by its weight.
    pub fn mono(ink: Rgb) -> Self {
        Palette {
            floor: ink,
            prop: ink,
            far: ink,
            body: ink,
            working: ink,
            stretch: ink,
            reach: ink,
            background: None,
        }
    }

    pub fn of(&self, ink: Ink) -> Rgb {
        match ink {
            Ink::Floor => self.floor,
            Ink::Prop => self.prop,
            Ink::Far => self.far,
            Ink::Body => self.body,
            Ink::Working => self.working,
            Ink::Stretch => self.stretch,
            Ink::Reach => self.reach,
        }
    }
}

/// Maps figure metres to pixels: the figure fitted into `width` x `height`, centred, with a
/// small margin.
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    pub scale: f64,
    origin: P,
    top: f64,
    left: f64,
}

impl Fit {
    pub fn new(figure: &Figure, width: f64, height: f64) -> Self {
        let margin = 0.04 * width.min(height);
        let (w, h) = (width - 2.0 * margin, height - 2.0 * margin);
        let scale = (w / figure.width().max(0.01)).min(h / figure.height().max(0.01));
        let left = margin + (w - figure.width() * scale) / 2.0;
        let top = margin + (h - figure.height() * scale) / 2.0;
        Fit {
            scale,
            origin: P::new(figure.bounds[0].x, figure.bounds[1].y),
            top,
            left,
        }
    }

    pub fn apply(&self, p: P) -> (f64, f64) {
        (
            self.left + (p.x - self.origin.x) * self.scale,
            self.top + (self.origin.y - p.y) * self.scale,
        )
    }
}

/// The smallest stroke, in pixels, so that thin props still show on a small picture.
const MIN_STROKE_PX: f64 = 1.5;

/// The figure drawn on a picture of `width` x `height` pixels (each 1 to 4096).
pub fn render(figure: &Figure, palette: &Palette, width: u32, height: u32) -> Option<Pixmap> {
    let width = width.clamp(1, 4096);
    let height = height.clamp(1, 4096);
    let mut pixmap = Pixmap::new(width, height)?;
    if let Some([r, g, b]) = palette.background {
        pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    }
    let fit = Fit::new(figure, f64::from(width), f64::from(height));
    for layer in figure.layers() {
        let [r, g, b] = palette.of(layer);
        let mut paint = Paint::default();
        paint.set_color_rgba8(r, g, b, 255);
        paint.anti_alias = true;
        let stroke = SkStroke {
            width: (layer.width() * fit.scale).max(MIN_STROKE_PX) as f32,
            line_cap: LineCap::Round,
            ..SkStroke::default()
        };
        let mut builder = PathBuilder::new();
        for s in figure.strokes.iter().filter(|s| s.ink == layer) {
            let (x0, y0) = fit.apply(s.from);
            let (x1, y1) = fit.apply(s.to);
            builder.move_to(x0 as f32, y0 as f32);
            builder.line_to(x1 as f32, y1 as f32);
        }
        if let Some(path) = builder.finish() {
            pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
        }
        for disc in figure.discs.iter().filter(|d| d.ink == layer) {
            let (x, y) = fit.apply(disc.centre);
            let r = (disc.radius * fit.scale).max(2.0);
            if let Some(path) = PathBuilder::from_circle(x as f32, y as f32, r as f32) {
                pixmap.fill_path(
                    &path,
                    &paint,
                    FillRule::Winding,
                    Transform::identity(),
                    None,
                );
            }
        }
    }
    Some(pixmap)
}

/// Straight (not premultiplied) RGBA bytes, row by row.
pub fn rgba(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

/// The picture as PNG bytes.
pub fn png(pixmap: &Pixmap) -> Result<Vec<u8>, String> {
    pixmap.encode_png().map_err(|e| e.to_string())
}
