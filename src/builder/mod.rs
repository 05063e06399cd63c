//! The routine builder (`supple new`, `supple edit`): make or change a routine on screen,
//! without writing JSON. This is the model only: keys in, a file to save out. [`edit`] keeps
//! the routine, its undo and redo and the loader's checks of every edit; [`file`] writes it;
//! `ui::builder` draws it and `tui::run_builder` runs it.
//!
//! Here: the builder, where it is, and each key handed to the stage it is at; the stages'
//! work is in `steps` (the steps and the values marked, adding an exercise), `save` (a title
//! or a name typed, and saving) and `plan` (the plan, scrolled).

pub mod edit;
pub mod file;
mod plan;
mod save;
mod steps;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::content::{ContentError, Library, Routine, RoutineDefaults};
use crate::keys::{Build, Command, Mode};
use edit::{Draft, Field};
pub use file::Saved;
pub use plan::wrap;

/// Where the routine came from, which decides where it is saved and what the header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A new routine (`supple new`).
    New,
    /// A copy of a routine (a built-in one, or a draft), to be saved under a name of its own.
    Copy { of: String },
    /// A file, saved over when saved.
    File { path: String },
}

/// Where the builder is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The steps, one marked, and one of its values.
    Steps,
    /// Choosing an exercise to add after the step marked.
    Add { marked: usize },
    /// Typing a number for the value marked.
    Number { typed: String },
    /// Carrying the step marked up or down.
    Move,
    /// Typing the title, or the name to save under.
    Text { what: Text, typed: String },
    /// The plan, as `supple plan` prints it, from this line.
    Plan { scroll: usize },
    /// All the keys.
    Help,
    /// Leave with changes not saved?
    Leave,
    /// Replace a file the builder did not open (or that changed since it was opened)?
    Replace { path: String, changed: bool },
}

/// What is being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Title,
    Name,
}

/// A line under the steps: a problem the last key met, or what it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// What could not be done, in the loader's words where it is one of its checks: where,
    /// what, and the fix.
    Problem {
        place: Option<String>,
        message: String,
        fix: Option<String>,
    },
    /// What was done ("Saved to ...").
    Done(String),
}

impl Note {
    fn of(error: &ContentError) -> Note {
        Note::Problem {
            place: error.path.as_deref().map(edit::place),
            message: error.message.clone(),
            fix: error.hint.clone(),
        }
    }

    fn problem(message: impl Into<String>, fix: Option<&str>) -> Note {
        Note::Problem {
            place: None,
            message: message.into(),
            fix: fix.map(String::from),
        }
    }
}

/// What the loop should do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Redraw (or nothing changed).
    Stay,
    /// Save: write `text`, the routine `name`, over a file that is there only with
    /// `replace`; then hand back what saving did with [`Builder::saved`].
    Save {
        name: String,
        text: String,
        replace: bool,
    },
    /// Leave.
    Quit,
}

/// The longest number typed for a value (a typed 5000 is said to be out of range; more
/// digits than that are not taken).
const MAX_DIGITS: usize = 6;

/// The routine builder.
#[derive(Debug, Clone)]
pub struct Builder {
    draft: Draft,
    /// The routine as it is on disk (or as it was opened): what "not saved" is against.
    baseline: Routine,
    origin: Origin,
    /// Whether the routine has a name to save under (given, typed, or its file's).
    named: bool,
    /// Whether a name was ever typed (offered again when asked again).
    typed_name: bool,
    /// Whether it was saved in this session (or came from a file).
    on_disk: bool,
    pub stage: Stage,
    /// The step marked.
    pub selected: usize,
    /// The value marked.
    pub field: Field,
    pub note: Option<Note>,
    /// Names taken by the built-in routines (a routine of yours may not hide one).
    builtin_names: Vec<String>,
    /// Leave once saved (the leaving question's "save, then leave").
    leave_after_save: bool,
    /// The routine builder fits the terminal (from 80x24): when it does not, only leaving
    /// and the questions take keys, so nothing changes out of sight.
    fits: bool,
    /// The lines of the plan shown at once, and their width, set by the loop from the
    /// screen's size.
    plan_view: (usize, usize),
    /// What the settings put in place of the routine's own timing, when they do.
    pub settings_note: Option<String>,
    pub color: bool,
    pub ascii: bool,
    quit: bool,
}

/// A new routine's first title, from its name: `desk-break` is "Desk break".
pub fn title_from(name: &str) -> String {
    let words = name.replace('-', " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "My routine".into(),
    }
}

/// An empty routine named `name` (a placeholder until one is chosen), with `defaults`: the
/// timing around the steps, and the timing a new step starts with.
pub fn empty_routine(name: Option<&str>, defaults: RoutineDefaults) -> Routine {
    Routine {
        schema: None,
        name: name.unwrap_or("my-routine").to_string(),
        title: title_from(name.unwrap_or("")),
        description: None,
        defaults,
        steps: Vec::new(),
    }
}

impl Builder {
    /// A builder of `routine`, which came from `origin`; `named` when it has its name
    /// already (given on the command line, or its file's). `builtin_names` are the names it
    /// may not be saved under.
    pub fn new(
        routine: Routine,
        library: Library,
        origin: Origin,
        named: bool,
        builtin_names: Vec<String>,
    ) -> Builder {
        let on_disk = matches!(origin, Origin::File { .. });
        Builder {
            baseline: routine.clone(),
            draft: Draft::new(routine, library),
            origin,
            named,
            typed_name: false,
            on_disk,
            stage: Stage::Steps,
            selected: 0,
            field: Field::Seconds,
            note: None,
            builtin_names,
            leave_after_save: false,
            fits: true,
            plan_view: (10, 78),
            settings_note: None,
            color: true,
            ascii: false,
            quit: false,
        }
    }

    /// Says, under the steps, that the settings replace some of the routine's timing.
    pub fn with_settings_note(mut self, note: String) -> Builder {
        self.settings_note = Some(note);
        self
    }

    /// Colour or not, ASCII or not.
    pub fn with_look(mut self, color: bool, ascii: bool) -> Builder {
        self.color = color;
        self.ascii = ascii;
        self
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn routine(&self) -> &Routine {
        self.draft.routine()
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// Whether the routine differs from what is on disk (or, never saved, from what it was
    /// when the builder opened).
    pub fn unsaved(&self) -> bool {
        *self.draft.routine() != self.baseline
    }

    /// Whether the routine was ever saved (or came from a file).
    pub fn on_disk(&self) -> bool {
        self.on_disk
    }

    pub fn named(&self) -> bool {
        self.named
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether the screen is big enough for the builder (set by the loop).
    pub fn set_fits(&mut self, fits: bool) {
        self.fits = fits;
    }

    pub fn fits(&self) -> bool {
        self.fits
    }

    /// Whose keys are read now (see [`crate::keys`]).
    pub fn key_mode(&self) -> Mode {
        match self.stage {
            Stage::Steps => Mode::BuildSteps,
            Stage::Add { .. } => Mode::BuildAdd,
            Stage::Number { .. } => Mode::BuildNumber,
            Stage::Move => Mode::BuildMove,
            Stage::Text { .. } => Mode::BuildText,
            Stage::Plan { .. } => Mode::BuildPlan,
            Stage::Help => Mode::BuildHelp,
            Stage::Leave => Mode::BuildLeave,
            Stage::Replace { .. } => Mode::BuildReplace,
        }
    }

    /// Handles a key.
    pub fn handle_key(&mut self, key: KeyEvent) -> Step {
        let Some(command) = crate::keys::command_for(self.key_mode(), &key) else {
            return Step::Stay;
        };
        if command == Command::Build(Build::Type) {
            return match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    self.type_char(c);
                    Step::Stay
                }
                _ => Step::Stay,
            };
        }
        self.apply(command)
    }

    /// Does what `command` asks where the builder is.
    pub fn apply(&mut self, command: Command) -> Step {
        // Ctrl-C, and q or Esc where they mean leaving: ask when a change is not saved.
        if command == Command::QuitNow && self.stage == Stage::Leave {
            // Asked, and Ctrl-C again: leave; the changes are kept as a draft.
            return self.quit_now();
        }
        if command == Command::QuitNow
            || (command == Command::AskQuit && self.stage == Stage::Steps)
        {
            return self.ask_to_leave();
        }
        let questions = matches!(self.stage, Stage::Leave | Stage::Replace { .. });
        if !self.fits && !questions {
            return Step::Stay;
        }
        if !questions {
            self.note = None;
        }
        match self.stage.clone() {
            Stage::Steps => self.on_steps(command),
            Stage::Add { marked } => self.on_add(command, marked),
            Stage::Number { typed } => self.on_number(command, typed),
            Stage::Move => {
                self.on_move(command);
                Step::Stay
            }
            Stage::Text { what, typed } => self.on_text(command, what, typed),
            Stage::Plan { scroll } => {
                self.on_plan(command, scroll);
                Step::Stay
            }
            Stage::Help => {
                self.stage = Stage::Steps;
                Step::Stay
            }
            Stage::Leave => match command {
                Command::Build(Build::Save) => {
                    self.leave_after_save = true;
                    self.stage = Stage::Steps;
                    self.save(false)
                }
                Command::Confirm => self.quit_now(),
                _ => {
                    self.stage = Stage::Steps;
                    Step::Stay
                }
            },
            Stage::Replace { .. } => match command {
                Command::Confirm => {
                    self.stage = Stage::Steps;
                    self.save(true)
                }
                _ => {
                    self.stage = Stage::Steps;
                    self.leave_after_save = false;
                    self.note = Some(Note::problem(
                        "Not saved: the file is as it was.",
                        Some(if self.on_disk || self.named {
                            "press s to save again and choose, or save under another name"
                        } else {
                            "press s and choose another name"
                        }),
                    ));
                    if !self.on_disk {
                        self.named = false;
                    }
                    Step::Stay
                }
            },
        }
    }

    fn ask_to_leave(&mut self) -> Step {
        if self.unsaved() {
            self.stage = Stage::Leave;
            Step::Stay
        } else {
            self.quit_now()
        }
    }

    fn quit_now(&mut self) -> Step {
        self.quit = true;
        Step::Quit
    }
}
