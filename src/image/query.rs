//! Asking the terminal whether it can show pictures, once, before the input loop starts.
//!
//! supple writes four questions at once: kitty's graphics query, the size of a cell in pixels
//! (`CSI 16 t`), the background colour (`OSC 11`), and last the primary device attributes
//! (`CSI c`), which every terminal answers, and answers after the others: its reply ends the
//! wait. The replies are read here, straight from the terminal in raw mode, so none reaches
//! the screen (no echo) or the keys (crossterm has not read yet). A terminal that never
//! answers costs [`WAIT`] and gets the braille figure.

use std::io::{self, Write};
use std::time::{Duration, Instant};

/// The longest the query waits for the terminal's answer.
pub const WAIT: Duration = Duration::from_millis(100);

/// The questions, in the order the terminal answers them.
pub const QUESTIONS: &str =
    "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[16t\x1b]11;?\x1b\\\x1b[c";

/// What the terminal said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replies {
    /// kitty's graphics protocol answered OK.
    pub kitty: bool,
    /// The primary device attributes arrived (the last reply); with attribute 4, sixel.
    pub attributes: Option<Vec<u16>>,
    /// A cell's size in pixels, width and height.
    pub cell: Option<(u16, u16)>,
    /// The background colour.
    pub background: Option<[u8; 3]>,
}

impl Replies {
    /// Whether the device attributes say the terminal draws sixel.
    pub fn sixel(&self) -> bool {
        self.attributes.as_ref().is_some_and(|a| a.contains(&4))
    }
}

/// Reads what the terminal has said in `bytes` (all replies so far).
pub fn parse(bytes: &[u8]) -> Replies {
    let text = String::from_utf8_lossy(bytes);
    let mut replies = Replies::default();
    // kitty: ESC _ G i=31 ; OK ESC \
    if let Some(at) = text.find("\x1b_Gi=31;") {
        replies.kitty = text[at + "\x1b_Gi=31;".len()..].starts_with("OK");
    }
    // Cell size: ESC [ 6 ; height ; width t
    if let Some(at) = text.find("\x1b[6;") {
        let rest = &text[at + 4..];
        if let Some(end) = rest.find('t') {
            let mut parts = rest[..end].split(';').map(|p| p.parse::<u16>().ok());
            if let (Some(Some(h)), Some(Some(w))) = (parts.next(), parts.next())
                && w > 0
                && h > 0
            {
                replies.cell = Some((w, h));
            }
        }
    }
    // Background: ESC ] 11 ; rgb:RRRR/GGGG/BBBB (BEL or ESC \)
    if let Some(at) = text.find("\x1b]11;rgb:") {
        let rest = &text[at + 9..];
        let end = rest.find(['\x07', '\x1b']).unwrap_or(rest.len());
        let channels: Vec<u8> = rest[..end]
            .split('/')
            .filter_map(|c| {
                let v = u32::from_str_radix(c, 16).ok()?;
                let max = (1u32 << (4 * c.len().min(4))) - 1;
                u8::try_from(v * 255 / max.max(1)).ok()
            })
            .collect();
        if let [r, g, b] = channels[..] {
            replies.background = Some([r, g, b]);
        }
    }
    // Device attributes: ESC [ ? a ; b ; ... c
    if let Some(at) = text.find("\x1b[?") {
        let rest = &text[at + 3..];
        if let Some(end) = rest.find('c')
            && rest[..end].bytes().all(|b| b.is_ascii_digit() || b == b';')
        {
            replies.attributes = Some(
                rest[..end]
                    .split(';')
                    .filter_map(|p| p.parse().ok())
                    .collect(),
            );
        }
    }
    replies
}

/// Asks the terminal on `out` and reads its answer from standard input (in raw mode) until
/// the device attributes come or `wait` has passed. Every byte read is the terminal's answer:
/// a key typed in those milliseconds would be lost, as in any program that asks the terminal.
pub fn ask(out: &mut impl Write, wait: Duration) -> io::Result<Replies> {
    use rustix::event::{PollFd, PollFlags, Timespec};
    out.write_all(QUESTIONS.as_bytes())?;
    out.flush()?;
    let stdin = rustix::stdio::stdin();
    let deadline = Instant::now() + wait;
    let mut bytes = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let mut fds = [PollFd::from_borrowed_fd(stdin, PollFlags::IN)];
        let timeout = Timespec::try_from(left).unwrap_or(Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        });
        match rustix::event::poll(&mut fds, Some(&timeout)) {
            Ok(0) => break,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
        if fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
        {
            break;
        }
        let mut buf = [0u8; 512];
        match rustix::io::read(stdin, &mut buf) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&buf[..n]),
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => continue,
            Err(e) => return Err(e.into()),
        }
        if bytes.len() > 4096 || parse(&bytes).attributes.is_some() {
            break;
        }
    }
    Ok(parse(&bytes))
}

/// A cell's size in pixels as the kernel knows it (the terminal sets it with the window
/// size; some leave it 0).
pub fn cell_from_kernel() -> Option<(u16, u16)> {
    let size = rustix::termios::tcgetwinsize(rustix::stdio::stdout()).ok()?;
    if size.ws_col == 0 || size.ws_row == 0 || size.ws_xpixel == 0 || size.ws_ypixel == 0 {
        return None;
    }
    Some((size.ws_xpixel / size.ws_col, size.ws_ypixel / size.ws_row))
}

/// How long after an unanswered query a late answer is still looked out for.
pub const LATE: Duration = Duration::from_secs(3);

/// Keeps a late answer out of the keys. A terminal that answers after [`WAIT`] (a slow
/// remote link) has its answer read by crossterm as keys: `ESC _ G...` as Alt+_ and letters,
/// `ESC ] 11;rgb:...` as Alt+] and letters (the `r` of `rgb` would restart the step). For
/// [`LATE`] after an unanswered query, such a string is dropped from its opening Alt+_, Alt+]
/// or Alt+P to its closing Alt+\ or BEL. (The device attributes and the cell size crossterm
/// drops itself.)
#[derive(Debug, Default)]
pub struct LateReplies {
    until: Option<Instant>,
    inside: usize,
}

impl LateReplies {
    /// An answer may still come until `until`.
    pub fn expect(&mut self, until: Instant) {
        self.until = Some(until);
    }

    /// Whether `event` belongs to a late answer, and is to be dropped.
    pub fn drops(&mut self, event: &crossterm::event::Event, now: Instant) -> bool {
        use crossterm::event::{Event, KeyCode, KeyModifiers};
        let Event::Key(key) = event else {
            return false;
        };
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        if self.inside > 0 {
            let end = (alt && key.code == KeyCode::Char('\\'))
                || (key.modifiers.contains(KeyModifiers::CONTROL)
                    && key.code == KeyCode::Char('g'));
            // A reply is short: never swallow more than this many keys.
            self.inside = if end { 0 } else { self.inside + 1 };
            if self.inside > 256 {
                self.inside = 0;
            }
            return true;
        }
        if self.until.is_none_or(|until| now > until) {
            self.until = None;
            return false;
        }
        if alt && matches!(key.code, KeyCode::Char('_' | ']' | 'P')) {
            self.inside = 1;
            return true;
        }
        false
    }
}
