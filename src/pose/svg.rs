//! The figure as SVG text, for the README and `supple figure --svg`.

use std::fmt::Write as _;

use super::Figure;
use super::raster::{Fit, Palette, Rgb};

/// The size in pixels a picture of `figure` gets when `width` pixels wide: its own proportions,
/// at most twice as tall as wide.
pub fn size_for(figure: &Figure, width: u32) -> (u32, u32) {
    let ratio = (figure.height() / figure.width().max(0.01)).clamp(0.3, 2.0);
    (width, (f64::from(width) * ratio).round().max(1.0) as u32)
}

fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// An SVG document of `width` x `height` pixels showing `figure`.
pub fn svg(figure: &Figure, palette: &Palette, width: u32, height: u32) -> String {
    let fit = Fit::new(figure, f64::from(width), f64::from(height));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\">"
    );
    if let Some(background) = palette.background {
        let _ = writeln!(
            out,
            "  <rect width=\"{width}\" height=\"{height}\" rx=\"12\" fill=\"{}\"/>",
            hex(background)
        );
    }
    for layer in figure.layers() {
        let width = (layer.width() * fit.scale).max(1.5);
        let colour = hex(palette.of(layer));
        let strokes: Vec<String> = figure
            .strokes
            .iter()
            .filter(|s| s.ink == layer)
            .map(|s| {
                let (x0, y0) = fit.apply(s.from);
                let (x1, y1) = fit.apply(s.to);
                format!("M{x0:.1} {y0:.1}L{x1:.1} {y1:.1}")
            })
            .collect();
        if !strokes.is_empty() {
            let _ = writeln!(
                out,
                "  <path d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width:.1}\" \
                 stroke-linecap=\"round\"/>",
                strokes.join("")
            );
        }
        for disc in figure.discs.iter().filter(|d| d.ink == layer) {
            let (x, y) = fit.apply(disc.centre);
            let r = (disc.radius * fit.scale).max(2.0);
            let _ = writeln!(
                out,
                "  <circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{colour}\"/>"
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
