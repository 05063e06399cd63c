//! The three ways a terminal takes a picture: kitty's graphics protocol, iTerm2's inline
//! images and sixel. Each takes straight RGBA pixels and gives the bytes to write where the
//! picture's top-left cell is; none of them moves the cursor on the screen afterwards in a way
//! that matters, since every frame positions it anew.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// Kitty's payloads come in chunks of at most 4096 bytes of base64.
const KITTY_CHUNK: usize = 4096;

/// The picture with kitty's graphics protocol: PNG data (`f=100`), shown at once over
/// `cols` x `rows` cells (`a=T`), the cursor left where it was (`C=1`), no reply (`q=2`).
/// `id` names the picture so that it can be deleted.
pub fn kitty(png: &[u8], id: u32, cols: u16, rows: u16) -> Vec<u8> {
    let data = STANDARD.encode(png);
    let mut out = String::new();
    let chunks: Vec<&str> = data
        .as_bytes()
        .chunks(KITTY_CHUNK)
        .map(|c| std::str::from_utf8(c).unwrap_or(""))
        .collect();
    let last = chunks.len().saturating_sub(1);
    for (i, chunk) in chunks.iter().enumerate() {
        let more = u8::from(i < last);
        if i == 0 {
            let _ = write!(
                out,
                "\x1b_Ga=T,f=100,t=d,i={id},c={cols},r={rows},C=1,q=2,m={more};{chunk}\x1b\\"
            );
        } else {
            let _ = write!(out, "\x1b_Gm={more};{chunk}\x1b\\");
        }
    }
    out.into_bytes()
}

/// Deletes every picture supple placed with kitty's protocol (and frees their data).
pub fn kitty_delete_all() -> &'static [u8] {
    b"\x1b_Ga=d,d=A,q=2\x1b\\"
}

/// The picture with iTerm2's inline image protocol (iTerm2, WezTerm): PNG data, stretched
/// over `cols` x `rows` cells, the cursor left where it was.
pub fn iterm2(png: &[u8], cols: u16, rows: u16) -> Vec<u8> {
    format!(
        "\x1b]1337;File=inline=1;size={};width={cols};height={rows};preserveAspectRatio=1;\
         doNotMoveCursor=1:{}\x07",
        png.len(),
        STANDARD.encode(png)
    )
    .into_bytes()
}

/// Levels of each channel in the sixel palette: a 6x6x6 cube, 216 colours, one register each.
const LEVELS: u32 = 6;

/// The palette index of a colour, and the colour it stands for.
fn quantize([r, g, b]: [u8; 3]) -> (usize, [u8; 3]) {
    let level = |c: u8| (u32::from(c) * (LEVELS - 1) + 127) / 255;
    let (lr, lg, lb) = (level(r), level(g), level(b));
    let back = |l: u32| u8::try_from(l * 255 / (LEVELS - 1)).unwrap_or(255);
    (
        (lr * LEVELS * LEVELS + lg * LEVELS + lb) as usize,
        [back(lr), back(lg), back(lb)],
    )
}

/// The picture as sixel: `rgba` (straight alpha) of `width` x `height` pixels blended over
/// `background` and drawn opaque, so that each picture covers the one before it. Colours are
/// those of a 6x6x6 cube and the background's own; only those used are defined.
pub fn sixel(rgba: &[u8], width: u32, height: u32, background: [u8; 3]) -> Vec<u8> {
    let (w, h) = (width as usize, height as usize);
    let blend = |fg: u8, bg: u8, a: u8| -> u8 {
        let v = (u32::from(fg) * u32::from(a) + u32::from(bg) * (255 - u32::from(a)) + 127) / 255;
        u8::try_from(v).unwrap_or(255)
    };
    // Registers 0..216 are the cube; 216 is the background itself, exactly, so that the
    // picture's empty pixels match the terminal around it.
    let cube = (LEVELS * LEVELS * LEVELS) as usize;
    let mut index = vec![cube; w * h];
    let mut used: Vec<Option<[u8; 3]>> = vec![None; cube + 1];
    for (i, px) in rgba.chunks_exact(4).take(w * h).enumerate() {
        if px[3] == 0 {
            used[cube] = Some(background);
            continue;
        }
        let colour = [
            blend(px[0], background[0], px[3]),
            blend(px[1], background[1], px[3]),
            blend(px[2], background[2], px[3]),
        ];
        let (n, shown) = quantize(colour);
        index[i] = n;
        used[n] = Some(shown);
    }
    // P2 = 1 would leave unpainted pixels as they were; every pixel is painted here.
    let mut out = format!("\x1bP0;0;0q\"1;1;{w};{h}");
    for (n, colour) in used.iter().enumerate() {
        if let Some([r, g, b]) = colour {
            let pct = |c: &u8| (u32::from(*c) * 100 + 127) / 255;
            let _ = write!(out, "#{n};2;{};{};{}", pct(r), pct(g), pct(b));
        }
    }
    for band in (0..h).step_by(6) {
        let rows = (h - band).min(6);
        let mut first = true;
        for (n, colour) in used.iter().enumerate() {
            if colour.is_none() {
                continue;
            }
            // The six-pixel columns of this colour in this band.
            let bits: Vec<u8> = (0..w)
                .map(|x| {
                    (0..rows).fold(0u8, |acc, dy| {
                        if index[(band + dy) * w + x] == n {
                            acc | (1 << dy)
                        } else {
                            acc
                        }
                    })
                })
                .collect();
            if bits.iter().all(|&b| b == 0) {
                continue;
            }
            if !first {
                out.push('$');
            }
            first = false;
            let _ = write!(out, "#{n}");
            // Nothing after the last pixel of this colour needs saying.
            let end = bits.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
            run_length(&bits[..end], &mut out);
        }
        out.push('-');
    }
    out.push_str("\x1b\\");
    out.into_bytes()
}

/// Sixel characters for `bits`, runs of four or more as `!count`.
fn run_length(bits: &[u8], out: &mut String) {
    let mut i = 0;
    while i < bits.len() {
        let b = bits[i];
        let run = bits[i..].iter().take_while(|&&c| c == b).count();
        let c = char::from(63 + b);
        if run >= 4 {
            let _ = write!(out, "!{run}{c}");
        } else {
            for _ in 0..run {
                out.push(c);
            }
        }
        i += run;
    }
}
