//! The one key table: for each mode (the session, the help, the quit question, the summary,
//! the safety note, a still screen), each key, what it does and how it is shown. Matching, the
//! help, the footers, the quit question and plain mode's key line all read it, and a test
//! holds the README's table to it; Ctrl-C is handled here once, in every mode.
//!
//! Here: what a key asks for, the modes, a row's shape, and the look-ups everyone reads the
//! table through. The rows themselves are in a file per group of screens: `session` (the
//! session and the screens around it), `flextest` (the guided test), `builder` (the routine
//! builder).

mod builder;
mod flextest;
mod session;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

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
    /// Go on past a still screen (the safety note's page, a screen shown until a key).
    GoOn,
    /// Leave a still screen or the guided test without going on (the safety note: not now;
    /// the test: nothing half typed is kept).
    Leave,
    /// The guided test: the choice above, or below.
    Up,
    Down,
    /// The guided test: take the choice marked.
    Pick,
    /// The guided test: a digit typed (a number, or a choice by its number).
    Digit(u8),
    /// The guided test: erase the last digit typed, or with none, go back a stage.
    Erase,
    /// The guided test: the next page of the how-to, or on its last, ready.
    NextPage,
    /// The guided test: the page before, or on the first, back to the choice.
    PreviousPage,
    /// The guided test: take what is typed (or with nothing, skip an optional question).
    Accept,
    /// The routine builder's own ([`Build`]).
    Build(Build),
}

/// What a key asks of the routine builder (`supple new`, `supple edit`), besides the moves,
/// the digits and the answers it shares with the other screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// Less of the value marked (time, repetitions, rest), or the other order of the legs.
    Less,
    /// More of the value marked, or the other order of the legs.
    More,
    /// Mark the next value of the step.
    NextField,
    /// Mark the value before.
    PreviousField,
    /// Add an exercise after the step marked: choose it from the library.
    Add,
    /// Remove the step marked.
    Remove,
    /// Copy the step marked; the copy goes below it.
    Copy,
    /// Carry the step marked up and down.
    Move,
    /// Put a step being carried down where it is.
    Done,
    Undo,
    Redo,
    /// The plan, as `supple plan` prints it.
    Plan,
    /// Change the title.
    Title,
    /// Save to the routines folder.
    Save,
    /// A character typed into a name or a title (read from the key itself).
    Type,
}

/// Where keys are read; each mode has its own rows in [`KEYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A session running or paused.
    Session,
    /// The help over the session.
    Help,
    /// The question before quitting.
    ConfirmQuit,
    /// The summary after a session.
    Summary,
    /// The safety note before the first session or test.
    Note,
    /// A screen shown until a key (the history).
    Still,
    /// The guided test: choosing the test.
    TestChoose,
    /// The guided test: how to do it, on pages.
    TestHowTo,
    /// The guided test: typing a leg's number, or how strong it felt.
    TestNumber,
    /// The guided test: where it was first felt.
    TestFelt,
    /// The guided test: the result, saved or not.
    TestDone,
    /// The routine builder: the steps, one marked, and one of its values.
    BuildSteps,
    /// The routine builder: choosing an exercise to add.
    BuildAdd,
    /// The routine builder: typing a number for the value marked.
    BuildNumber,
    /// The routine builder: carrying a step up or down.
    BuildMove,
    /// The routine builder: typing the title, or the name to save under.
    BuildText,
    /// The routine builder: the plan.
    BuildPlan,
    /// The routine builder: its help.
    BuildHelp,
    /// The routine builder: the question before leaving with changes not saved.
    BuildLeave,
    /// The routine builder: the question before replacing a file.
    BuildReplace,
}

impl Mode {
    /// The screen the mode is, as the README's key tables name it.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Session => "the session",
            Mode::Help => "the help",
            Mode::ConfirmQuit => "the quit question",
            Mode::Summary => "the summary",
            Mode::Note => "the safety note",
            Mode::Still => "the history",
            Mode::TestChoose => "test: choosing",
            Mode::TestHowTo => "test: how to",
            Mode::TestNumber => "test: a number",
            Mode::TestFelt => "test: where felt",
            Mode::TestDone => "test: the result",
            Mode::BuildSteps => "builder: the steps",
            Mode::BuildAdd => "builder: adding",
            Mode::BuildNumber => "builder: a number",
            Mode::BuildMove => "builder: moving a step",
            Mode::BuildText => "builder: a title or name",
            Mode::BuildPlan => "builder: the plan",
            Mode::BuildHelp => "builder: the help",
            Mode::BuildLeave => "builder: leaving",
            Mode::BuildReplace => "builder: replacing a file",
        }
    }
}

/// The keys of a row.
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    /// These keys (letters in either case).
    Codes(&'static [KeyCode]),
    /// A digit, 0 to 9 (the command carries which).
    Digits,
    /// Any key the mode's other rows do not take.
    Any,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub mode: Mode,
    pub keys: Keys,
    /// The keys as the help and the README show them ("→  n").
    pub shown: &'static str,
    /// What it does, for the help.
    pub what: &'static str,
    /// The word in the footer (`None`: help only), and the one shown instead while paused.
    pub footer: Option<(&'static str, &'static str)>,
    pub command: Command,
}

/// Every key of every mode, each mode's in the order its help lists them: one table, kept in a
/// file per group of screens (the session's, the guided test's, the routine builder's) and
/// joined here when compiled.
pub const KEYS: &[Binding] = &joined::<
    { session::ROWS.len() + flextest::ROWS.len() + builder::ROWS.len() },
>([session::ROWS, flextest::ROWS, builder::ROWS]);

/// `groups` one after the other, in one array of their `N` rows.
const fn joined<const N: usize>(groups: [&[Binding]; 3]) -> [Binding; N] {
    let mut rows = [groups[0][0]; N];
    let mut at = 0;
    let mut g = 0;
    while g < groups.len() {
        let mut i = 0;
        while i < groups[g].len() {
            rows[at] = groups[g][i];
            at += 1;
            i += 1;
        }
        g += 1;
    }
    assert!(at == N, "N is the rows of all the groups");
    rows
}

/// Ctrl-C, as the help and the README show it.
pub const QUIT_NOW: (&str, &str) = ("Ctrl-C", "quit at once");

/// Whether `key` is Ctrl-C, which quits at once in every mode.
pub fn is_quit_now(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('c' | 'C'))
}

/// The command a key press stands for in `mode`, if any: Ctrl-C quits at once everywhere;
/// then the mode's rows for that key, then its row for any other key. Releases and repeats
/// are not presses and do nothing.
pub fn command_for(mode: Mode, key: &KeyEvent) -> Option<Command> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if is_quit_now(key) {
        return Some(Command::QuitNow);
    }
    let code = match key.code {
        KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    let rows = || KEYS.iter().filter(move |b| b.mode == mode);
    if let KeyCode::Char(c @ '0'..='9') = code
        && rows().any(|b| matches!(b.keys, Keys::Digits))
    {
        return Some(Command::Digit(c as u8 - b'0'));
    }
    rows()
        .find(|b| matches!(b.keys, Keys::Codes(codes) if codes.contains(&code)))
        .or_else(|| rows().find(|b| matches!(b.keys, Keys::Any)))
        .map(|b| b.command)
}

/// A mode's footer: each row that has a word, its first key as shown (ASCII with `ascii`:
/// `<-` for `←`), and its word (`other` picks the word for the mode's other state: paused,
/// or the how-to's last page).
pub fn footer(mode: Mode, other: bool, ascii: bool) -> Vec<(String, &'static str)> {
    rows(mode)
        .filter_map(|b| {
            let (word, other_word) = b.footer?;
            let first = b.shown.split_whitespace().next().unwrap_or(b.shown);
            let key = match (b.keys, first) {
                (Keys::Any, _) => b.shown.to_string(),
                (_, "←") if ascii => "<-".to_string(),
                (_, "→") if ascii => "->".to_string(),
                (_, "↑") if ascii => "k".to_string(),
                (_, key) => key.to_string(),
            };
            Some((key, if other { other_word } else { word }))
        })
        .collect()
}

/// A mode's rows, in their order.
pub fn rows(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYS.iter().filter(move |b| b.mode == mode)
}

/// A mode's keys in a sentence, as the plain mode and the questions say them: "y or Enter:
/// end the session now (what you did is kept); any other key: go on".
pub fn sentence(mode: Mode) -> String {
    rows(mode)
        .filter(|b| !b.shown.is_empty())
        .map(|b| match b.keys {
            Keys::Codes(_) => format!(
                "{}: {}",
                b.shown.split_whitespace().collect::<Vec<_>>().join(" or "),
                b.what
            ),
            Keys::Any | Keys::Digits => format!("{}: {}", b.shown, b.what),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rows the session's help shows: every binding that has words, then Ctrl-C.
pub fn help_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(Mode::Session)
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
        let binding = rows(Mode::Session).find(|b| b.command == command)?;
        let (word, paused_word) = binding.footer?;
        let key = binding
            .shown
            .split_whitespace()
            .find(|k| !ascii || k.is_ascii())?;
        Some((key, if paused { paused_word } else { word }))
    })
}
