//! The one key table: for each mode (the session, the help, the quit question, the summary,
//! the safety note, a still screen), each key, what it does and how it is shown. Matching, the
//! help, the footers, the quit question and plain mode's key line all read it, and a test
//! holds the README's table to it; Ctrl-C is handled here once, in every mode.

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

/// Every key of every mode, each mode's in the order its help lists them.
pub const KEYS: &[Binding] = &[
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Char(' '), KeyCode::Pause]),
        shown: "space",
        what: "pause / resume (the Pause key too)",
        footer: Some(("pause", "resume")),
        command: Command::TogglePause,
    },
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Right, KeyCode::Char('n')]),
        shown: "→  n",
        what: "skip to the next step",
        footer: Some(("skip", "skip")),
        command: Command::Skip,
    },
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Left, KeyCode::Char('p')]),
        shown: "←  p",
        what: "back: restart this step, or the previous one near its start",
        footer: Some(("back", "back")),
        command: Command::Back,
    },
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Char('r')]),
        shown: "r",
        what: "restart this step",
        footer: None,
        command: Command::Restart,
    },
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Char('m')]),
        shown: "m",
        what: "mute / unmute",
        footer: Some(("mute", "mute")),
        command: Command::ToggleMute,
    },
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Char('+'), KeyCode::Char('=')]),
        shown: "+  -",
        what: "volume up / down",
        footer: None,
        command: Command::VolumeUp,
    },
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Char('-'), KeyCode::Char('_')]),
        shown: "",
        what: "",
        footer: None,
        command: Command::VolumeDown,
    },
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Char('?'), KeyCode::Char('h'), KeyCode::F(1)]),
        shown: "?  h",
        what: "this help; the clock waits while it is open (F1 too)",
        footer: Some(("help", "help")),
        command: Command::ToggleHelp,
    },
    Binding {
        mode: Mode::Session,
        keys: Keys::Codes(&[KeyCode::Char('q'), KeyCode::Esc]),
        shown: "q  Esc",
        what: "quit (asks first; the clock waits; what you did is kept)",
        footer: Some(("quit", "quit")),
        command: Command::AskQuit,
    },
    Binding {
        mode: Mode::Help,
        keys: Keys::Any,
        shown: "any key",
        what: "closes the help",
        footer: Some(("close", "close")),
        command: Command::Dismiss,
    },
    Binding {
        mode: Mode::ConfirmQuit,
        keys: Keys::Codes(&[KeyCode::Char('y'), KeyCode::Enter]),
        shown: "y  Enter",
        what: "end the session now (what you did is kept)",
        footer: Some(("end", "end")),
        command: Command::Confirm,
    },
    Binding {
        mode: Mode::ConfirmQuit,
        keys: Keys::Any,
        shown: "any other key",
        what: "go on",
        footer: Some(("go on", "go on")),
        command: Command::Dismiss,
    },
    Binding {
        mode: Mode::Summary,
        keys: Keys::Any,
        shown: "any key",
        what: "close the summary",
        footer: Some(("close", "close")),
        command: Command::Close,
    },
    Binding {
        mode: Mode::Note,
        keys: Keys::Codes(&[KeyCode::Char('q'), KeyCode::Esc]),
        shown: "q  Esc",
        what: "not now: leave without starting",
        footer: Some(("not now", "not now")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::Note,
        keys: Keys::Any,
        shown: "any key",
        what: "go on (the next page, or start)",
        footer: Some(("go on", "go on")),
        command: Command::GoOn,
    },
    Binding {
        mode: Mode::Still,
        keys: Keys::Any,
        shown: "any key",
        what: "close",
        footer: Some(("close", "close")),
        command: Command::Close,
    },
    Binding {
        mode: Mode::TestChoose,
        keys: Keys::Digits,
        shown: "1-4",
        what: "choose a test by its number",
        footer: Some(("choose", "choose")),
        command: Command::Digit(0),
    },
    Binding {
        mode: Mode::TestChoose,
        keys: Keys::Codes(&[KeyCode::Up, KeyCode::Char('k')]),
        shown: "↑  k",
        what: "the test above",
        footer: None,
        command: Command::Up,
    },
    Binding {
        mode: Mode::TestChoose,
        keys: Keys::Codes(&[KeyCode::Down, KeyCode::Char('j')]),
        shown: "↓  j",
        what: "the test below",
        footer: None,
        command: Command::Down,
    },
    Binding {
        mode: Mode::TestChoose,
        keys: Keys::Codes(&[KeyCode::Enter, KeyCode::Right, KeyCode::Char(' ')]),
        shown: "Enter  →  space",
        what: "take the test marked",
        footer: Some(("next", "next")),
        command: Command::Pick,
    },
    Binding {
        mode: Mode::TestHowTo,
        keys: Keys::Codes(&[
            KeyCode::Enter,
            KeyCode::Right,
            KeyCode::Char(' '),
            KeyCode::PageDown,
            KeyCode::Down,
        ]),
        shown: "Enter  →  space  PageDown  ↓",
        what: "the next page; on the last, ready to type the results",
        // The word on a page with more to come, and on the last.
        footer: Some(("next page", "I'm ready")),
        command: Command::NextPage,
    },
    Binding {
        mode: Mode::TestHowTo,
        keys: Keys::Codes(&[KeyCode::Left, KeyCode::PageUp, KeyCode::Up]),
        shown: "←  PageUp  ↑",
        what: "the page before; on the first, back to the choice",
        footer: Some(("back", "back")),
        command: Command::PreviousPage,
    },
    Binding {
        mode: Mode::TestHowTo,
        keys: Keys::Codes(&[KeyCode::Backspace]),
        shown: "Backspace",
        what: "back to the choice",
        footer: None,
        command: Command::Back,
    },
    Binding {
        mode: Mode::TestNumber,
        keys: Keys::Digits,
        shown: "0-9",
        what: "type the number",
        footer: Some(("type", "type")),
        command: Command::Digit(0),
    },
    Binding {
        mode: Mode::TestNumber,
        keys: Keys::Codes(&[KeyCode::Enter]),
        shown: "Enter",
        what: "take the number typed",
        footer: Some(("take it", "save")),
        command: Command::Accept,
    },
    Binding {
        mode: Mode::TestNumber,
        keys: Keys::Codes(&[KeyCode::Backspace]),
        shown: "Backspace",
        what: "erase the last digit, or with none, go back",
        footer: None,
        command: Command::Erase,
    },
    Binding {
        mode: Mode::TestNumber,
        keys: Keys::Codes(&[KeyCode::Left]),
        shown: "←",
        what: "back a step",
        footer: Some(("back", "back")),
        command: Command::Back,
    },
    Binding {
        mode: Mode::TestFelt,
        keys: Keys::Digits,
        shown: "1-4",
        what: "where it was first felt, by its number",
        footer: Some(("choose", "choose")),
        command: Command::Digit(0),
    },
    Binding {
        mode: Mode::TestFelt,
        keys: Keys::Codes(&[KeyCode::Enter]),
        shown: "Enter",
        what: "skip this question",
        footer: Some(("skip", "skip")),
        command: Command::Accept,
    },
    Binding {
        mode: Mode::TestFelt,
        keys: Keys::Codes(&[KeyCode::Backspace, KeyCode::Left]),
        shown: "←  Backspace",
        what: "back a step",
        footer: Some(("back", "back")),
        command: Command::Back,
    },
    Binding {
        mode: Mode::TestDone,
        keys: Keys::Any,
        shown: "any key",
        what: "leave",
        footer: Some(("leave", "leave")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::TestChoose,
        keys: Keys::Codes(&[KeyCode::Char('q'), KeyCode::Esc]),
        shown: "q  Esc",
        what: "leave; nothing half typed is kept",
        footer: Some(("leave", "leave")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::TestHowTo,
        keys: Keys::Codes(&[KeyCode::Char('q'), KeyCode::Esc]),
        shown: "q  Esc",
        what: "leave; nothing half typed is kept",
        footer: Some(("leave", "leave")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::TestNumber,
        keys: Keys::Codes(&[KeyCode::Esc, KeyCode::Char('q')]),
        shown: "Esc  q",
        what: "leave; nothing half typed is kept",
        footer: Some(("leave, nothing saved", "leave, nothing saved")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::TestFelt,
        keys: Keys::Codes(&[KeyCode::Esc, KeyCode::Char('q')]),
        shown: "Esc  q",
        what: "leave; nothing half typed is kept",
        footer: Some(("leave, nothing saved", "leave, nothing saved")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Up, KeyCode::Char('k')]),
        shown: "↑  k",
        what: "the step above",
        footer: Some(("step", "step")),
        command: Command::Up,
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Down, KeyCode::Char('j')]),
        shown: "↓  j",
        what: "the step below",
        footer: None,
        command: Command::Down,
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Left, KeyCode::Char('-'), KeyCode::Char('_')]),
        shown: "←  -",
        what: "less of the value marked: 5 s, one rep, or the other leg order",
        footer: None,
        command: Command::Build(Build::Less),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Right, KeyCode::Char('+'), KeyCode::Char('=')]),
        shown: "→  +",
        what: "more of the value marked",
        footer: Some(("change", "change")),
        command: Command::Build(Build::More),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Tab]),
        shown: "Tab",
        what: "mark the next value: time, repetitions, rest, legs",
        footer: Some(("value", "value")),
        command: Command::Build(Build::NextField),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::BackTab]),
        shown: "Shift-Tab",
        what: "mark the value before",
        footer: None,
        command: Command::Build(Build::PreviousField),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Digits,
        shown: "0-9",
        what: "type the value marked; Enter takes it",
        footer: None,
        command: Command::Digit(0),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('a'), KeyCode::Insert]),
        shown: "a  Insert",
        what: "add an exercise after this step: choose it on the right",
        footer: Some(("add", "add")),
        command: Command::Build(Build::Add),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('x'), KeyCode::Delete]),
        shown: "x  Delete",
        what: "remove this step",
        footer: Some(("remove", "remove")),
        command: Command::Build(Build::Remove),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('c')]),
        shown: "c",
        what: "copy this step: the copy goes below it",
        footer: Some(("copy", "copy")),
        command: Command::Build(Build::Copy),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('m')]),
        shown: "m",
        what: "move this step: ↑ and ↓ carry it, Enter puts it down",
        footer: Some(("move", "move")),
        command: Command::Build(Build::Move),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('u'), KeyCode::Char('z')]),
        shown: "u  z",
        what: "undo the last change (Ctrl-Z too)",
        footer: Some(("undo", "undo")),
        command: Command::Build(Build::Undo),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('r'), KeyCode::Char('y')]),
        shown: "r  y",
        what: "redo what was undone (Ctrl-Y too)",
        footer: Some(("redo", "redo")),
        command: Command::Build(Build::Redo),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('p')]),
        shown: "p",
        what: "the plan with its total, as supple plan prints it",
        footer: Some(("plan", "plan")),
        command: Command::Build(Build::Plan),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('t')]),
        shown: "t",
        what: "change the title",
        footer: Some(("title", "title")),
        command: Command::Build(Build::Title),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('s')]),
        shown: "s",
        what: "save to your routines folder (Ctrl-S too)",
        footer: Some(("save", "save")),
        command: Command::Build(Build::Save),
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('?'), KeyCode::Char('h'), KeyCode::F(1)]),
        shown: "?  h",
        what: "all the keys (F1 too)",
        footer: Some(("help", "help")),
        command: Command::ToggleHelp,
    },
    Binding {
        mode: Mode::BuildSteps,
        keys: Keys::Codes(&[KeyCode::Char('q'), KeyCode::Esc]),
        shown: "q  Esc",
        what: "leave (asks first when a change is not saved)",
        footer: Some(("quit", "quit")),
        command: Command::AskQuit,
    },
    Binding {
        mode: Mode::BuildAdd,
        keys: Keys::Codes(&[KeyCode::Up, KeyCode::Char('k')]),
        shown: "↑  k",
        what: "the exercise above",
        footer: Some(("choose", "choose")),
        command: Command::Up,
    },
    Binding {
        mode: Mode::BuildAdd,
        keys: Keys::Codes(&[KeyCode::Down, KeyCode::Char('j')]),
        shown: "↓  j",
        what: "the exercise below",
        footer: None,
        command: Command::Down,
    },
    Binding {
        mode: Mode::BuildAdd,
        keys: Keys::Codes(&[KeyCode::Enter, KeyCode::Char('a'), KeyCode::Char(' ')]),
        shown: "Enter  a  space",
        what: "add the exercise marked after the step marked",
        footer: Some(("add it", "add it")),
        command: Command::Pick,
    },
    Binding {
        mode: Mode::BuildAdd,
        keys: Keys::Codes(&[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Backspace]),
        shown: "Esc  q  Backspace",
        what: "back to the steps, adding nothing",
        footer: Some(("back", "back")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::BuildNumber,
        keys: Keys::Digits,
        shown: "0-9",
        what: "type the number",
        footer: Some(("type", "type")),
        command: Command::Digit(0),
    },
    Binding {
        mode: Mode::BuildNumber,
        keys: Keys::Codes(&[KeyCode::Enter]),
        shown: "Enter",
        what: "take the number typed",
        footer: Some(("take it", "take it")),
        command: Command::Accept,
    },
    Binding {
        mode: Mode::BuildNumber,
        keys: Keys::Codes(&[KeyCode::Backspace]),
        shown: "Backspace",
        what: "erase the last digit",
        footer: Some(("erase", "erase")),
        command: Command::Erase,
    },
    Binding {
        mode: Mode::BuildNumber,
        keys: Keys::Codes(&[KeyCode::Esc, KeyCode::Char('q')]),
        shown: "Esc  q",
        what: "cancel: the value stays as it was",
        footer: Some(("cancel", "cancel")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::BuildMove,
        keys: Keys::Codes(&[KeyCode::Up, KeyCode::Char('k')]),
        shown: "↑  k",
        what: "carry the step up",
        footer: Some(("carry", "carry")),
        command: Command::Up,
    },
    Binding {
        mode: Mode::BuildMove,
        keys: Keys::Codes(&[KeyCode::Down, KeyCode::Char('j')]),
        shown: "↓  j",
        what: "carry the step down",
        footer: None,
        command: Command::Down,
    },
    Binding {
        mode: Mode::BuildMove,
        keys: Keys::Codes(&[
            KeyCode::Enter,
            KeyCode::Char('m'),
            KeyCode::Char(' '),
            KeyCode::Esc,
        ]),
        shown: "Enter  m  space  Esc",
        what: "put the step down here",
        footer: Some(("put it here", "put it here")),
        command: Command::Build(Build::Done),
    },
    Binding {
        mode: Mode::BuildText,
        keys: Keys::Codes(&[KeyCode::Enter]),
        shown: "Enter",
        what: "take what is typed",
        footer: Some(("take it", "take it")),
        command: Command::Accept,
    },
    Binding {
        mode: Mode::BuildText,
        keys: Keys::Codes(&[KeyCode::Backspace]),
        shown: "Backspace",
        what: "erase the last character",
        footer: Some(("erase", "erase")),
        command: Command::Erase,
    },
    Binding {
        mode: Mode::BuildText,
        keys: Keys::Codes(&[KeyCode::Esc]),
        shown: "Esc",
        what: "cancel: nothing changes",
        footer: Some(("cancel", "cancel")),
        command: Command::Leave,
    },
    Binding {
        mode: Mode::BuildText,
        keys: Keys::Any,
        shown: "any other key",
        what: "typed (a name takes lowercase letters, digits and dashes; a space is a dash)",
        footer: None,
        command: Command::Build(Build::Type),
    },
    Binding {
        mode: Mode::BuildPlan,
        keys: Keys::Codes(&[KeyCode::Up, KeyCode::Char('k')]),
        shown: "↑  k",
        what: "scroll up",
        footer: Some(("scroll", "scroll")),
        command: Command::Up,
    },
    Binding {
        mode: Mode::BuildPlan,
        keys: Keys::Codes(&[KeyCode::Down, KeyCode::Char('j')]),
        shown: "↓  j",
        what: "scroll down",
        footer: None,
        command: Command::Down,
    },
    Binding {
        mode: Mode::BuildPlan,
        keys: Keys::Codes(&[KeyCode::PageUp]),
        shown: "PageUp",
        what: "a page up",
        footer: None,
        command: Command::PreviousPage,
    },
    Binding {
        mode: Mode::BuildPlan,
        keys: Keys::Codes(&[KeyCode::PageDown, KeyCode::Char(' ')]),
        shown: "PageDown  space",
        what: "a page down",
        footer: None,
        command: Command::NextPage,
    },
    Binding {
        mode: Mode::BuildPlan,
        keys: Keys::Any,
        shown: "any other key",
        what: "close the plan",
        footer: Some(("closes it", "closes it")),
        command: Command::Close,
    },
    Binding {
        mode: Mode::BuildHelp,
        keys: Keys::Any,
        shown: "any key",
        what: "closes the help",
        footer: Some(("closes the help", "closes the help")),
        command: Command::Dismiss,
    },
    Binding {
        mode: Mode::BuildLeave,
        keys: Keys::Codes(&[KeyCode::Char('s')]),
        shown: "s",
        what: "save, then leave",
        footer: Some(("save and leave", "save and leave")),
        command: Command::Build(Build::Save),
    },
    Binding {
        mode: Mode::BuildLeave,
        keys: Keys::Codes(&[KeyCode::Char('y')]),
        shown: "y",
        what: "leave without saving (your changes are kept as a draft)",
        footer: Some(("leave", "leave")),
        command: Command::Confirm,
    },
    Binding {
        mode: Mode::BuildLeave,
        keys: Keys::Any,
        shown: "any other key",
        what: "go on editing",
        footer: Some(("go on", "go on")),
        command: Command::Dismiss,
    },
    Binding {
        mode: Mode::BuildReplace,
        keys: Keys::Codes(&[KeyCode::Char('y')]),
        shown: "y",
        what: "replace the file with this routine",
        footer: Some(("replace", "replace")),
        command: Command::Confirm,
    },
    Binding {
        mode: Mode::BuildReplace,
        keys: Keys::Any,
        shown: "any other key",
        what: "keep the file as it is (nothing is saved)",
        footer: Some(("keep it", "keep it")),
        command: Command::Dismiss,
    },
];

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
