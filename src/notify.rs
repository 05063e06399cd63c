//! Notifications through the terminal itself, for when the person has another window in front:
//! as each step starts, the terminal shows "supple: Hold: Anchor stretch, right leg, 20 s" as a
//! desktop notification. Sent only while the terminal has reported (focus reporting, DEC mode
//! 1004) that it is not focused, and only in terminals known to understand one of the three
//! sequences in use, so a terminal that does not is never sent one:
//!
//! - OSC 9 (`ESC ] 9 ; text BEL`): iTerm2, WezTerm, ghostty, Windows Terminal;
//! - OSC 777 (`ESC ] 777 ; notify ; title ; body BEL`): foot, rxvt-unicode;
//! - OSC 99 (`ESC ] 99 ; metadata ; text ST`): kitty's own.
//!
//! Inside tmux, which keeps such sequences to itself, a forced notification is wrapped for
//! tmux's passthrough (it needs `set -g allow-passthrough on`).

/// Which sequence the terminal understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Osc9,
    Osc777,
    Osc99,
}

/// Where and how notifications go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub kind: Kind,
    /// Wrapped for tmux's passthrough.
    pub tmux: bool,
}

/// The sequence a terminal is known to understand, from what it says of itself in the
/// environment; `None` for a terminal not known to (and for tmux, which holds them back).
pub fn detect(env: impl Fn(&str) -> Option<String>) -> Option<Kind> {
    let term = env("TERM").unwrap_or_default();
    let program = env("TERM_PROGRAM").unwrap_or_default();
    if env("TMUX").is_some() || term.starts_with("tmux") || term.starts_with("screen") {
        return None;
    }
    if term == "xterm-kitty" || env("KITTY_WINDOW_ID").is_some() {
        return Some(Kind::Osc99);
    }
    if matches!(program.as_str(), "iTerm.app" | "WezTerm" | "ghostty")
        || term == "xterm-ghostty"
        || env("WT_SESSION").is_some()
    {
        return Some(Kind::Osc9);
    }
    if term.starts_with("foot") || term.starts_with("rxvt-unicode") {
        return Some(Kind::Osc777);
    }
    None
}

/// Where notifications go with the setting `wanted` (`None`: where the terminal is known to
/// understand them; `Some(true)`: also elsewhere, as OSC 9, through tmux's passthrough inside
/// tmux; `Some(false)`: never).
pub fn target(wanted: Option<bool>, env: impl Fn(&str) -> Option<String>) -> Option<Target> {
    let tmux = env("TMUX").is_some();
    match wanted {
        Some(false) => None,
        None => detect(env).map(|kind| Target { kind, tmux: false }),
        Some(true) => {
            let outside = if tmux { None } else { detect(&env) };
            Some(Target {
                kind: outside.unwrap_or(Kind::Osc9),
                tmux,
            })
        }
    }
}

/// `text` fit to go inside the sequence: no control characters (one would end it early or
/// start another), no `;` where it separates fields, and not over 200 characters.
fn clean(text: &str, separator: bool) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !crate::safe_text::is_unsafe(*c))
        .map(|c| if separator && c == ';' { ',' } else { c })
        .take(200)
        .collect()
}

const BEL: &str = "\u{7}";
const ST: &str = "\u{1b}\\";

/// The bytes that show `title` and `body` as a notification through `target`.
pub fn sequence(target: Target, title: &str, body: &str) -> String {
    let seq = match target.kind {
        Kind::Osc9 => format!(
            "\u{1b}]9;{}: {}{BEL}",
            clean(title, false),
            clean(body, false)
        ),
        Kind::Osc777 => format!(
            "\u{1b}]777;notify;{};{}{BEL}",
            clean(title, true),
            clean(body, true)
        ),
        // The title first, not yet shown (d=0), then the body, which shows both (d=1).
        Kind::Osc99 => format!(
            "\u{1b}]99;i=supple:d=0;{}{ST}\u{1b}]99;i=supple:d=1:p=body;{}{ST}",
            clean(title, false),
            clean(body, false)
        ),
    };
    if target.tmux {
        // tmux passes on what is inside ESC P tmux; ... ST, with each ESC doubled.
        format!("\u{1b}Ptmux;{}{ST}", seq.replace('\u{1b}', "\u{1b}\u{1b}"))
    } else {
        seq
    }
}
