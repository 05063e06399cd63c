//! The pose as a real picture in terminals that can show one: kitty's graphics protocol (kitty,
//! Ghostty, WezTerm, Konsole), iTerm2's inline images (iTerm2, WezTerm) or sixel (xterm with
//! sixel, foot, Windows Terminal, Konsole, mlterm). `query` asks the terminal once, before the
//! input loop; [`choose`] decides; [`Pictures`] sends a picture once per step, key frame or
//! resize, where the screen left the figure's cells untouched.
//!
//! Written here rather than with ratatui-image: that crate shows pictures it is given, so
//! supple would still need tiny-skia to draw the figure, and would add the `image` crate with
//! its decoders for pictures supple never reads; its terminal query is its own (supple's must
//! be short, leave nothing in the keys, and skip tmux); and a golden test pins supple's bytes.
//! The three encoders are about 150 lines. With tiny-skia, PNG and these, the release binary
//! grew from 7.73 MB to 8.69 MB (measured on the commit before the pose and this one).

pub mod encode;
pub mod query;

use std::collections::HashMap;
use std::io::{self, Write};

use ratatui::layout::Rect;

use crate::content::pose::Pose;
use crate::pose::raster::{self, Palette};
use crate::session::Side;

/// How the terminal takes pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Kitty,
    Iterm2,
    Sixel,
}

/// What a terminal can show, and how big a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Support {
    pub protocol: Protocol,
    /// A cell's width and height in pixels.
    pub cell: (u16, u16),
    /// The terminal's background, which a sixel picture is drawn on.
    pub background: [u8; 3],
}

/// Why pictures are not even asked for, in words for `supple config` and the log; `None`
/// when the terminal may be asked. `setting` is the images setting (`--no-images`, config
/// `images: false`).
pub fn not_asked(setting: bool, env: impl Fn(&str) -> Option<String>) -> Option<&'static str> {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    if !setting {
        return Some("images are off (--no-images or images: false)");
    }
    if set("NO_COLOR") {
        return Some("NO_COLOR is set");
    }
    let term = env("TERM").unwrap_or_default();
    // tmux and screen pass pictures through only with passthrough on, and then do not know
    // where they are: the next redraw moves or erases them.
    if set("TMUX") || set("STY") || term.starts_with("tmux") || term.starts_with("screen") {
        return Some("inside tmux or screen");
    }
    if crate::term::dumb_from(Some(&term)) || term == "linux" {
        return Some("the terminal cannot show pictures");
    }
    None
}

/// The cell size assumed where the terminal does not say (kitty and iTerm2 scale the picture
/// to the cells anyway).
const DEFAULT_CELL: (u16, u16) = (10, 20);

/// How to show pictures, from the terminal's replies and what the environment says; `None`:
/// braille.
pub fn choose(
    replies: &query::Replies,
    kernel_cell: Option<(u16, u16)>,
    env: impl Fn(&str) -> Option<String>,
) -> Option<Support> {
    let cell = replies.cell.or(kernel_cell);
    let iterm = matches!(
        env("TERM_PROGRAM").as_deref(),
        Some("iTerm.app" | "WezTerm")
    ) || env("LC_TERMINAL").as_deref() == Some("iTerm2");
    let protocol = if iterm {
        Protocol::Iterm2
    } else if replies.kitty {
        Protocol::Kitty
    } else if replies.sixel() && cell.is_some() {
        // Sixel is drawn pixel for pixel: without the cell size it would not fit its cells.
        Protocol::Sixel
    } else {
        return None;
    };
    Some(Support {
        protocol,
        cell: cell.unwrap_or(DEFAULT_CELL),
        background: replies.background.unwrap_or([0, 0, 0]),
    })
}

/// The picture the screen wants where it left the figure's cells alone.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Picture {
    /// The cells it covers.
    pub area: Rect,
    /// The exercise or test whose pose it is.
    pub id: String,
    pub frame: usize,
    pub side: Side,
    /// The working leg's colour, as the screen draws that side's leg.
    pub working: [u8; 3],
    /// Drawn in colour (not under NO_COLOR, which never gets here, but kept for the key).
    pub color: bool,
}

/// The picture's bytes for `support`, positioned nowhere yet.
pub fn encode(pose: &Pose, picture: &Picture, support: &Support) -> Option<Vec<u8>> {
    let (cw, ch) = support.cell;
    let (cols, rows) = (picture.area.width, picture.area.height);
    let width = u32::from(cols) * u32::from(cw);
    let height = u32::from(rows) * u32::from(ch);
    let figure = crate::pose::figure(pose, picture.frame);
    let working = picture.working;
    let palette = Palette {
        // iTerm2's pictures are opaque, so a key frame covers the one before it; the sixel
        // encoder lays the background in itself, exactly; kitty's stay transparent.
        background: match support.protocol {
            Protocol::Kitty | Protocol::Sixel => None,
            Protocol::Iterm2 => Some(support.background),
        },
        ..Palette::on(support.background, working)
    };
    let pixmap = raster::render(&figure, &palette, width, height)?;
    Some(match support.protocol {
        Protocol::Kitty => {
            let png = raster::png(&pixmap).ok()?;
            encode::kitty(&png, 1, cols, rows)
        }
        Protocol::Iterm2 => {
            let png = raster::png(&pixmap).ok()?;
            encode::iterm2(&png, cols, rows)
        }
        Protocol::Sixel => encode::sixel(
            &raster::rgba(&pixmap),
            pixmap.width(),
            pixmap.height(),
            support.background,
        ),
    })
}

/// What has been sent to the terminal, so that a picture goes once per change.
#[derive(Debug)]
pub struct Pictures {
    support: Support,
    shown: Option<Picture>,
    /// The encoded key frames of the current pose and area (a move cycles through them).
    encoded: HashMap<Picture, Vec<u8>>,
}

/// What the screen must do after [`Pictures::show`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Nothing more.
    Done,
    /// The old picture's cells must be written again (the terminal keeps a sixel or iTerm2
    /// picture's pixels until text covers them): clear and draw the frame again, then call
    /// `show` once more.
    Redraw,
}

impl Pictures {
    pub fn new(support: Support) -> Self {
        Pictures {
            support,
            shown: None,
            encoded: HashMap::new(),
        }
    }

    pub fn support(&self) -> Support {
        self.support
    }

    /// The screen was cleared (a resize): whatever was shown is gone.
    pub fn forget(&mut self) {
        self.shown = None;
    }

    /// Shows `want` (or none) on `out`, if it is not what is shown already.
    pub fn show(&mut self, want: Option<&Picture>, out: &mut impl Write) -> io::Result<Shown> {
        if self.shown.as_ref() == want {
            return Ok(Shown::Done);
        }
        let old = self.shown.take();
        if self.support.protocol == Protocol::Kitty {
            out.write_all(encode::kitty_delete_all())?;
        } else if let Some(old) = &old
            && want.is_none_or(|w| w.area != old.area)
        {
            return Ok(Shown::Redraw);
        }
        let Some(want) = want else {
            return Ok(Shown::Done);
        };
        if old
            .as_ref()
            .is_none_or(|o| o.id != want.id || o.area != want.area)
        {
            self.encoded.clear();
        }
        if !self.encoded.contains_key(want) {
            let Some(pose) = crate::pose::builtin(&want.id) else {
                return Ok(Shown::Done);
            };
            let bytes = encode(pose, want, &self.support).unwrap_or_default();
            self.encoded.insert(want.clone(), bytes);
        }
        if let Some(bytes) = self.encoded.get(want) {
            write!(out, "\x1b[{};{}H", want.area.y + 1, want.area.x + 1)?;
            out.write_all(bytes)?;
        }
        self.shown = Some(want.clone());
        Ok(Shown::Done)
    }
}
