//! Large letters at any height: the 8x8 bitmap font (`font8x8`, the one tui-big-text uses)
//! scaled to the rows available, two pixels a cell with half blocks, so the seconds left and
//! the leg use the window instead of stopping at one font size.
//!
//! Pixels are kept square: a cell is about twice as tall as it is wide, so a cell holds two
//! pixel rows for each pixel column. Digits keep one width (a countdown does not jitter); letters
//! are as wide as their ink, with one pixel between them.

use font8x8::UnicodeFonts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A glyph: eight rows of eight pixels, bit 0 the leftmost.
type Bitmap = [u8; 8];

/// Arrows for the legs, drawn here: the font has none.
const LEFT_ARROW: Bitmap = [0x08, 0x0C, 0x0E, 0x0F, 0x0E, 0x0C, 0x08, 0x00];
const RIGHT_ARROW: Bitmap = [0x01, 0x03, 0x07, 0x0F, 0x07, 0x03, 0x01, 0x00];

fn bitmap(c: char) -> Bitmap {
    match c {
        '◀' => LEFT_ARROW,
        '▶' => RIGHT_ARROW,
        c => font8x8::BASIC_FONTS
            .get(c)
            .or_else(|| font8x8::BASIC_FONTS.get('?'))
            .unwrap_or([0; 8]),
    }
}

/// The columns of pixels a glyph takes, start and width: digits a fixed 7, a space 3, other
/// characters their ink.
fn extent(c: char, glyph: &Bitmap) -> (u32, u32) {
    if c.is_ascii_digit() {
        return (0, 7);
    }
    let ink = glyph.iter().fold(0u8, |acc, row| acc | row);
    if ink == 0 {
        return (0, 3);
    }
    let first = ink.trailing_zeros();
    let last = 7 - ink.leading_zeros();
    (first, last - first + 1)
}

/// Text laid out in pixels: each glyph with its columns, one blank pixel between glyphs, and
/// the pixel rows that hold ink (the font leaves its last row blank: it is not drawn, so the
/// letters fill the rows they are given).
struct Layout {
    glyphs: Vec<(Bitmap, u32, u32)>,
    /// Width of the whole text in pixels.
    width: u32,
    /// First pixel row with ink, and how many rows from there to the last.
    top: u32,
    height: u32,
}

fn layout(text: &str) -> Layout {
    let mut glyphs = Vec::new();
    let mut width = 0;
    let mut rows_inked = 0u8;
    for c in text.chars() {
        let glyph = bitmap(c);
        let (start, w) = extent(c, &glyph);
        if !glyphs.is_empty() {
            width += 1;
        }
        for (y, row) in glyph.iter().enumerate() {
            if *row != 0 {
                rows_inked |= 1 << y;
            }
        }
        glyphs.push((glyph, start, w));
        width += w;
    }
    let (top, height) = if rows_inked == 0 {
        (0, 8)
    } else {
        let top = rows_inked.trailing_zeros();
        (top, 8 - rows_inked.leading_zeros() - top)
    };
    Layout {
        glyphs,
        width,
        top,
        height,
    }
}

/// Columns `text` takes when drawn `rows` rows tall.
pub fn width(text: &str, rows: u16) -> u16 {
    let laid = layout(text);
    // Pixels are square: `height` pixels fill 2 * rows half-rows, and a half-row is about as
    // tall as a column is wide.
    let cols = (laid.width * 2 * u32::from(rows)).div_ceil(laid.height);
    u16::try_from(cols).unwrap_or(u16::MAX)
}

/// The tallest rows (at most `max_rows`) at which `text` fits `width` columns.
pub fn rows_to_fit(text: &str, width_cols: u16, max_rows: u16) -> u16 {
    let laid = layout(text);
    let by_width = u32::from(width_cols) * laid.height / (2 * laid.width.max(1));
    u16::try_from(by_width).unwrap_or(u16::MAX).min(max_rows)
}

/// Where a big text sits within its area, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Draws `text` `rows` rows tall in `area` (cut to it), placed by `align` and centred
/// vertically. With `ascii`, `#` stands for a full cell and `"` and `,` for its top and
/// bottom halves.
pub fn render(
    text: &str,
    rows: u16,
    area: Rect,
    align: Align,
    style: Style,
    ascii: bool,
    buf: &mut Buffer,
) {
    if rows == 0 || area.is_empty() {
        return;
    }
    let laid = layout(text);
    let cols = width(text, rows).min(area.width);
    let rows = rows.min(area.height);
    let x0 = match align {
        Align::Left => area.x,
        Align::Center => area.x + (area.width - cols) / 2,
        Align::Right => area.right() - cols,
    };
    let y0 = area.y + (area.height - rows) / 2;
    let half_rows = u32::from(rows) * 2;
    let text_px = laid.width.max(1);
    // The pixel at (x, y) of the whole text, in text pixels.
    let lit = |x: u32, y: u32| -> bool {
        let mut left = 0;
        for (glyph, start, w) in &laid.glyphs {
            if x < left + w {
                let bit = start + (x - left);
                return glyph[y as usize] >> bit & 1 == 1;
            }
            left += w + 1;
            if x < left {
                return false;
            }
        }
        false
    };
    for cy in 0..rows {
        for cx in 0..cols {
            let x = u32::from(cx) * text_px / u32::from(cols.max(1));
            let sample = |half: u32| {
                lit(
                    x,
                    laid.top + (half * laid.height / half_rows).min(laid.height - 1),
                )
            };
            let top = sample(u32::from(cy) * 2);
            let bottom = sample(u32::from(cy) * 2 + 1);
            let symbol = match (top, bottom, ascii) {
                (false, false, _) => continue,
                (true, true, true) => "#",
                (true, false, true) => "\"",
                (false, true, true) => ",",
                (true, true, false) => "█",
                (true, false, false) => "▀",
                (false, true, false) => "▄",
            };
            if let Some(cell) = buf.cell_mut((x0 + cx, y0 + cy)) {
                cell.set_symbol(symbol).set_style(style);
            }
        }
    }
}
