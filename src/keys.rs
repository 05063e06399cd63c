//! The one key table: each key of a session, what it does, and how it is shown. Key handling,
//! the help overlay and the footer all read it, and a test holds the README's table to it;
//! nothing else spells a key.

use crossterm::event::KeyCode;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    TogglePause,
    Skip,
    Back,
    Restart,
    ToggleMute,
    VolumeUp,
    VolumeDown,
    ToggleHelp,
    /// Ask to quit (q, Esc): opens the confirmation.
    AskQuit,
    /// Yes to the confirmation.
    Confirm,
    /// Anything else while a question or the help is open.
    Dismiss,
    /// Ctrl-C: quit at once.
    QuitNow,
    /// Any key on the summary.
    Close,
    /// The keys have ended (a pipe closed, in the plain mode): nobody can answer a question
    /// or resume any more, so the session goes on to its end.
    InputEnded,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys that do it (letters in either case).
    pub codes: &'static [KeyCode],
    /// The keys as the help and the README show them ("→  n").
    pub shown: &'static str,
    /// What it does, for the help.
    pub what: &'static str,
    /// The word in the footer (`None`: help only), and the one shown instead while paused.
    pub footer: Option<(&'static str, &'static str)>,
    pub command: Command,
}

/// Every key of a session, in the order the help lists them. Ctrl-C (quit at once) is
/// handled before the table, in every state, and listed last.
pub const KEYS: &[Binding] = &[
    Binding {
        codes: &[KeyCode::Char(' '), KeyCode::Pause],
        shown: "space",
        what: "pause / resume (the Pause key too)",
        footer: Some(("pause", "resume")),
        command: Command::TogglePause,
    },
    Binding {
        codes: &[KeyCode::Right, KeyCode::Char('n')],
        shown: "→  n",
        what: "skip to the next step",
        footer: Some(("skip", "skip")),
        command: Command::Skip,
    },
    Binding {
        codes: &[KeyCode::Left, KeyCode::Char('p')],
        shown: "←  p",
        what: "back: restart this step, or the previous one near its start",
        footer: Some(("back", "back")),
        command: Command::Back,
    },
    Binding {
        codes: &[KeyCode::Char('r')],
        shown: "r",
        what: "restart this step",
        footer: None,
        command: Command::Restart,
    },
    Binding {
        codes: &[KeyCode::Char('m')],
        shown: "m",
        what: "mute / unmute",
        footer: Some(("mute", "mute")),
        command: Command::ToggleMute,
    },
    Binding {
        codes: &[KeyCode::Char('+'), KeyCode::Char('=')],
        shown: "+  -",
        what: "volume up / down",
        footer: None,
        command: Command::VolumeUp,
    },
    Binding {
        codes: &[KeyCode::Char('-'), KeyCode::Char('_')],
        shown: "",
        what: "",
        footer: None,
        command: Command::VolumeDown,
    },
    Binding {
        codes: &[KeyCode::Char('?'), KeyCode::Char('h'), KeyCode::F(1)],
        shown: "?  h",
        what: "this help; the clock waits while it is open (F1 too)",
        footer: Some(("help", "help")),
        command: Command::ToggleHelp,
    },
    Binding {
        codes: &[KeyCode::Char('q'), KeyCode::Esc],
        shown: "q  Esc",
        what: "quit (asks first; the clock waits; what you did is kept)",
        footer: Some(("quit", "quit")),
        command: Command::AskQuit,
    },
];

/// Ctrl-C, as the help and the README show it.
pub const QUIT_NOW: (&str, &str) = ("Ctrl-C", "quit at once");

/// The command a key stands for during a session, if any.
pub fn command_for(code: KeyCode) -> Option<Command> {
    let code = match code {
        KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    KEYS.iter()
        .find(|b| b.codes.contains(&code))
        .map(|b| b.command)
}

/// The rows the help shows: every binding that has words, then Ctrl-C.
pub fn help_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    KEYS.iter()
        .filter(|b| !b.shown.is_empty())
        .map(|b| (b.shown, b.what))
        .chain(std::iter::once(QUIT_NOW))
}

/// The keys as shown, without the arrows where the terminal has only ASCII ("→  n" is "n").
pub fn shown(keys: &'static str, ascii: bool) -> String {
    if !ascii {
        return keys.to_string();
    }
    let plain: Vec<&str> = keys.split_whitespace().filter(|k| k.is_ascii()).collect();
    plain.join("  ")
}

/// The footer's keys, in its order (most needed first): the first key of each as shown (the
/// first ASCII one with `ascii`), and its word (`paused` picks the word for a paused
/// session).
pub fn footer_rows(
    paused: bool,
    ascii: bool,
) -> impl Iterator<Item = (&'static str, &'static str)> {
    const ORDER: [Command; 6] = [
        Command::TogglePause,
        Command::Skip,
        Command::AskQuit,
        Command::ToggleHelp,
        Command::Back,
        Command::ToggleMute,
    ];
    ORDER.into_iter().filter_map(move |command| {
        let binding = KEYS.iter().find(|b| b.command == command)?;
        let (word, paused_word) = binding.footer?;
        let key = binding
            .shown
            .split_whitespace()
            .find(|k| !ascii || k.is_ascii())?;
        Some((key, if paused { paused_word } else { word }))
    })
}
