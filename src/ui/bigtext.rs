//! Large letters at any height: the 8x8 bitmap font (`font8x8`, the one tui-big-text uses)
//! scaled to the rows available, two pixels a cell with half blocks, so the seconds left and
//! the leg use the window instead of stopping at one font size.
//!
//! Pixels are kept square: a cell is about twice as tall as it is wide, so a cell holds two
//! pixel rows for each pixel column. Digits keep one width (a countdown does not jitter); letters
//! are as wide as their ink, with one pixel between them.
//!
//! A terminal without UTF-8 has no half blocks, and `"` and `,` for half a cell read as
//! scattered marks rather than letters. There every cell is whole (`#`): from 7 rows up the
//! same font with one pixel row to one or more rows of cells; below that a font drawn four
//! rows tall, letters made for so few rows. Either way a text takes the same place as with
//! UTF-8, so the layout never depends on the locale.

use font8x8::UnicodeFonts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A glyph: eight rows of eight pixels, bit 0 the leftmost.
type Bitmap = [u8; 8];

/// Arrows for the legs, drawn here: the font has none.
const LEFT_ARROW: Bitmap = [0x08, 0x0C, 0x0E, 0x0F, 0x0E, 0x0C, 0x08, 0x00];
const RIGHT_ARROW: Bitmap = [0x01, 0x03, 0x07, 0x0F, 0x07, 0x03, 0x01, 0x00];

/// The four-row font for ASCII terminals (`#` ink), for big text under 7 rows, where the 8x8
/// font cannot be drawn in whole cells. Each glyph is stretched to the place its 8x8 glyph
/// takes; lower case is drawn as upper case.
const SMALL: &[(char, [&str; 4])] = &[
    ('A', [".##.", "#..#", "####", "#..#"]),
    ('B', ["###.", "####", "#..#", "###."]),
    ('C', [".###", "#...", "#...", ".###"]),
    ('D', ["###.", "#..#", "#..#", "###."]),
    ('E', ["####", "#...", "###.", "####"]),
    ('F', ["####", "#...", "###.", "#..."]),
    ('G', [".###", "#...", "#.##", ".###"]),
    ('H', ["#..#", "#..#", "####", "#..#"]),
    ('I', ["###", ".#.", ".#.", "###"]),
    ('J', ["...#", "...#", "#..#", ".##."]),
    ('K', ["#..#", "#.#.", "###.", "#..#"]),
    ('L', ["#..", "#..", "#..", "###"]),
    ('M', ["#...#", "##.##", "#.#.#", "#...#"]),
    ('N', ["#..#", "##.#", "#.##", "#..#"]),
    ('O', [".##.", "#..#", "#..#", ".##."]),
    ('P', ["###.", "#..#", "###.", "#..."]),
    ('Q', [".##.", "#..#", "#.#.", ".#.#"]),
    ('R', ["###.", "#..#", "###.", "#..#"]),
    ('S', [".###", "##..", "..##", "###."]),
    ('T', ["###", ".#.", ".#.", ".#."]),
    ('U', ["#..#", "#..#", "#..#", ".##."]),
    ('V', ["#.#", "#.#", "#.#", ".#."]),
    ('W', ["#...#", "#.#.#", "#.#.#", ".#.#."]),
    ('X', ["#..#", ".##.", ".##.", "#..#"]),
    ('Y', ["#.#", "#.#", ".#.", ".#."]),
    ('Z', ["####", "..#.", ".#..", "####"]),
    ('0', ["###", "#.#", "#.#", "###"]),
    ('1', [".#.", "##.", ".#.", "###"]),
    ('2', ["##.", "..#", ".#.", "###"]),
    ('3', ["###", ".##", "..#", "###"]),
    ('4', ["#.#", "#.#", "###", "..#"]),
    ('5', ["###", "##.", "..#", "##."]),
    ('6', ["#..", "###", "#.#", "###"]),
    ('7', ["###", "..#", ".#.", ".#."]),
    ('8', ["###", "###", "#.#", "###"]),
    ('9', ["###", "#.#", "###", "..#"]),
    ('<', [".##", "##.", "##.", ".##"]),
    ('>', ["##.", ".##", ".##", "##."]),
    ('°', ["###", "#.#", "###", "..."]),
    ('/', ["..#", ".#.", ".#.", "#.."]),
    (':', [".", "#", ".", "#"]),
    ('.', [".", ".", ".", "#"]),
];

/// Rows of [`SMALL`].
const SMALL_ROWS: u32 = 4;

/// Below this many rows, ASCII big text uses [`SMALL`].
const SMALL_BELOW: u16 = 7;

fn small(c: char) -> Option<&'static [&'static str; 4]> {
    let c = c.to_ascii_uppercase();
    SMALL.iter().find(|(k, _)| *k == c).map(|(_, rows)| rows)
}

/// The degree sign, drawn here: the basic font has none.
const DEGREE: Bitmap = [0x06, 0x09, 0x09, 0x06, 0x00, 0x00, 0x00, 0x00];

fn bitmap(c: char) -> Bitmap {
    match c {
        '◀' => LEFT_ARROW,
        '▶' => RIGHT_ARROW,
        '°' => DEGREE,
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
    /// Each glyph: its character, bitmap, first column of ink and width in pixels.
    glyphs: Vec<(char, Bitmap, u32, u32)>,
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
        glyphs.push((c, glyph, start, w));
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
/// vertically. With `ascii`, whole cells of `#` (see the module's docs).
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
    if ascii {
        let placed = Rect::new(x0, y0, cols, rows);
        if !render_small(&laid, placed, align, style, buf) {
            render_ascii(&laid, rows, cols, (x0, y0), style, buf);
        }
        return;
    }
    let half_rows = u32::from(rows) * 2;
    let text_px = laid.width.max(1);
    // The pixel at (x, y) of the whole text, in text pixels.
    let lit = |x: u32, y: u32| -> bool {
        let mut left = 0;
        for (_, glyph, start, w) in &laid.glyphs {
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
            let symbol = match (top, bottom) {
                (false, false) => continue,
                (true, true) => "█",
                (true, false) => "▀",
                (false, true) => "▄",
            };
            if let Some(cell) = buf.cell_mut((x0 + cx, y0 + cy)) {
                cell.set_symbol(symbol).set_style(style);
            }
        }
    }
}

/// [`render`] for a terminal without UTF-8 from 4 to 6 rows: the four-row font with every
/// pixel column the same whole number of cells (so that no stroke is thinner than another),
/// placed by `align` within `placed`, the place the 8x8 font would take. False, with nothing
/// drawn, where it does not apply: other heights, a character the font lacks, or too little
/// room.
fn render_small(laid: &Layout, placed: Rect, align: Align, style: Style, buf: &mut Buffer) -> bool {
    let rows = placed.height;
    if !(4..SMALL_BELOW).contains(&rows) {
        return false;
    }
    // Square pixels: a cell is about twice as tall as wide.
    let k = (rows / 2).max(1);
    let gap = k.div_ceil(2);
    let mut glyphs = Vec::new();
    for &(c, ..) in &laid.glyphs {
        match small(c) {
            Some(rows) => glyphs.push(Some(rows)),
            None if c == ' ' => glyphs.push(None),
            None => return false,
        }
    }
    let glyph_cols = |g: &Option<&[&str; 4]>| -> u16 {
        let px = g.map_or(1, |rows| rows[0].len());
        u16::try_from(px).unwrap_or(u16::MAX).saturating_mul(k)
    };
    let count = u16::try_from(glyphs.len()).unwrap_or(u16::MAX);
    let total = glyphs
        .iter()
        .map(glyph_cols)
        .fold(0u16, u16::saturating_add)
        .saturating_add(gap.saturating_mul(count.saturating_sub(1)));
    if total > placed.width {
        return false;
    }
    let mut x = match align {
        Align::Left => placed.x,
        Align::Center => placed.x + (placed.width - total) / 2,
        Align::Right => placed.right() - total,
    };
    let rows32 = u32::from(rows);
    for glyph in &glyphs {
        if let Some(bitmap) = glyph {
            for cy in 0..rows {
                // The centre of the cell row, in 2 * rows parts of the four rows.
                let row = (2 * u32::from(cy) + 1) * SMALL_ROWS / (2 * rows32);
                let line = bitmap[row as usize].as_bytes();
                for (px, ink) in line.iter().enumerate() {
                    if *ink != b'#' {
                        continue;
                    }
                    let px = u16::try_from(px).unwrap_or(u16::MAX);
                    for dx in 0..k {
                        let at = (x + px * k + dx, placed.y + cy);
                        if let Some(cell) = buf.cell_mut(at) {
                            cell.set_symbol("#").set_style(style);
                        }
                    }
                }
            }
        }
        x += glyph_cols(glyph) + gap;
    }
    true
}

/// [`render`] for a terminal without UTF-8 where [`render_small`] does not apply: each cell whole, `#` or nothing, sampled at its
/// centre; under [`SMALL_BELOW`] rows from the four-row font, each glyph stretched over the
/// columns its 8x8 glyph takes (characters it lacks from the 8x8 font). Under 4 rows, where
/// even that font loses rows, `"` and `,` stand for a cell's top and bottom halves.
fn render_ascii(
    laid: &Layout,
    rows: u16,
    cols: u16,
    (x0, y0): (u16, u16),
    style: Style,
    buf: &mut Buffer,
) {
    let text_px = laid.width.max(1);
    // Positions in 1/(2 * cols) of a pixel, so that a cell is sampled at its centre.
    let den = 2 * u32::from(cols.max(1));
    let use_small = rows < SMALL_BELOW;
    for cx in 0..cols {
        let at = (2 * u32::from(cx) + 1) * text_px;
        let mut left = 0;
        let mut found = None;
        for &(c, glyph, start, w) in &laid.glyphs {
            if at < (left + w) * den {
                found = Some((c, glyph, start, w, at - left * den));
                break;
            }
            left += w + 1;
            if at < left * den {
                break;
            }
        }
        let Some((c, glyph, start, w, offset)) = found else {
            continue;
        };
        let small = small(c).filter(|_| use_small);
        // Whether the glyph has ink at `y` in `of` equal parts of its height.
        let lit = |y: u32, of: u32| -> bool {
            match small {
                Some(rows) => {
                    let row = rows[(y * SMALL_ROWS / of) as usize].as_bytes();
                    let width = u32::try_from(row.len()).unwrap_or(1);
                    let col = offset * width / (w * den);
                    row.get(col as usize) == Some(&b'#')
                }
                None => {
                    let bit = start + offset / den;
                    let row = laid.top + (y * laid.height / of).min(laid.height - 1);
                    glyph[row as usize] >> bit & 1 == 1
                }
            }
        };
        let rows32 = u32::from(rows);
        for cy in 0..rows {
            let y = u32::from(cy);
            let symbol = if rows >= 4 {
                // The centre of the cell, in 2 * rows parts.
                if !lit(2 * y + 1, 2 * rows32) {
                    continue;
                }
                "#"
            } else {
                // The centres of its halves, in 4 * rows parts.
                match (lit(4 * y + 1, 4 * rows32), lit(4 * y + 3, 4 * rows32)) {
                    (false, false) => continue,
                    (true, true) => "#",
                    (true, false) => "\"",
                    (false, true) => ",",
                }
            };
            if let Some(cell) = buf.cell_mut((x0 + cx, y0 + cy)) {
                cell.set_symbol(symbol).set_style(style);
            }
        }
    }
}
