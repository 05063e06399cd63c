//! The one place where text that came from a file, a flag or a path is made harmless before
//! it reaches a terminal: every character a terminal could act on (C0 and C1 controls, DEL,
//! and the bidirectional formatting marks that make text read differently from what it is) is
//! written out as a visible escape such as `\u{1b}`, and very long echoes are shortened.
//!
//! Everything supple prints goes through [`SafeWriter`], which lets only the line breaks of
//! supple's own messages through; [`quote`] also escapes line breaks, for a value echoed in the
//! middle of a sentence.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Whether a terminal could act on `c`, or show text around it in another order than it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every unsafe character but the line break written out as `\u{..}`.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, |c| c != '\n' && is_unsafe(c))
}

/// `text` as one harmless line, for a value echoed within a sentence: every unsafe character,
/// the line break included, written out, and anything past `max` characters cut, saying how
/// long it was.
pub fn quote(text: &str, max: usize) -> String {
    let count = text.chars().count();
    let shown: String = if count > max {
        text.chars().take(max).collect()
    } else {
        text.to_string()
    };
    let mut out = escape(&shown, is_unsafe).into_owned();
    if count > max {
        let _ = write!(out, "... ({count} characters)");
    }
    out
}

/// JSON text (as serde_json writes it) with every unsafe character but the line break written
/// as JSON's own `\uXXXX` escape, which reads back as the same text. Outside its strings JSON
/// has nothing but its own punctuation, so only what is inside strings changes.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c != '\n' && is_unsafe(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn escape(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that makes what passes through it [`visible`]: everything supple prints goes
/// through one, so no message, path or exported field can move the cursor, set the title,
/// write the clipboard or reorder the text around it.
///
/// Bytes that are not UTF-8 are written as `\x{..}`; a character split across two writes is
/// held back until its end comes.
#[derive(Debug)]
pub struct SafeWriter<W: Write> {
    inner: W,
    /// The start of a character whose remaining bytes have not been written yet.
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W) -> Self {
        SafeWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_valid(&mut self, text: &str) -> io::Result<()> {
        self.inner.write_all(visible(text).as_bytes())
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut rest: &[u8] = &bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.write_valid(text)?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Checked above: these bytes are UTF-8.
                    self.write_valid(std::str::from_utf8(good).unwrap_or_default())?;
                    match e.error_len() {
                        // A character cut short by the end of this write: keep it for the next.
                        None => {
                            self.pending = bad.to_vec();
                            break;
                        }
                        Some(n) => {
                            for byte in &bad[..n] {
                                write!(self.inner, "\\x{{{byte:02x}}}")?;
                            }
                            rest = &bad[n..];
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            for byte in std::mem::take(&mut self.pending) {
                write!(self.inner, "\\x{{{byte:02x}}}")?;
            }
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for SafeWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_acts_on_and_keeps_the_rest() {
        assert_eq!(visible("plain: élan, 20 s"), "plain: élan, 20 s");
        assert_eq!(visible("a\u{1b}]52;c;x\u{7}b"), "a\\u{1b}]52;c;x\\u{7}b");
        assert_eq!(visible("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(visible("two\nlines"), "two\nlines");
        assert_eq!(visible("c1\u{9b}2J"), "c1\\u{9b}2J");
        assert_eq!(quote("two\nlines", 40), "two\\u{a}lines");
        assert_eq!(
            quote(&"x".repeat(100), 10),
            "xxxxxxxxxx... (100 characters)"
        );
    }

    #[test]
    fn the_writer_escapes_across_split_writes_and_bad_bytes() {
        let mut out = Vec::new();
        {
            let mut w = SafeWriter::new(&mut out);
            let text = "é\u{1b}[2J".as_bytes();
            // "é" is two bytes: split it between two writes.
            w.write_all(&text[..1]).expect("write");
            w.write_all(&text[1..]).expect("write");
            w.write_all(b"\xff ok\n").expect("write");
        }
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "é\\u{1b}[2J\\x{ff} ok\n"
        );
    }
}
