//! The poses: every one agrees with its cues, each is drawn as braille, ASCII, SVG and an
//! image, and the terminal's image protocols are encoded as golden files say.

mod agree;
mod commands;
mod docs;
mod drawn;
mod image;
