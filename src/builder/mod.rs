//! The routine builder (`supple new`, `supple edit`): make or change a routine on screen,
//! without writing JSON. This is the model only: keys in, a file to save out. [`edit`] keeps
//! the routine, its undo and redo and the loader's checks of every edit; [`file`] writes it;
//! `ui::builder` draws it and `tui::run_builder` runs it.

pub mod edit;
pub mod file;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::content::{self, ContentError, Library, Routine, RoutineDefaults, SideOrder, Sides};
use crate::keys::{Build, Command, Mode};
use edit::{Draft, Edit, Field};
pub use file::Saved;

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

    /// The plan shows `rows` lines of `width` at once (set by the loop from the screen's
    /// size).
    pub fn set_plan_view(&mut self, rows: usize, width: usize) {
        self.plan_view = (rows.max(1), width.max(20));
        let last = self.last_scroll();
        if let Stage::Plan { scroll } = &mut self.stage {
            *scroll = (*scroll).min(last);
        }
    }

    /// The plan's text, as `supple plan` prints it (`None` while there are no steps).
    pub fn plan_text(&self) -> Option<String> {
        let plan = self.draft.plan()?;
        let mut out = Vec::new();
        crate::session::table::write_plan(&mut out, plan).ok()?;
        Some(String::from_utf8_lossy(&out).into_owned())
    }

    /// The plan's text in lines of at most `width` characters: a longer line is broken
    /// between words, its rest indented by two spaces.
    pub fn plan_lines(&self, width: usize) -> Vec<String> {
        let text = self.plan_text().unwrap_or_default();
        text.lines().flat_map(|line| wrap(line, width)).collect()
    }

    fn last_scroll(&self) -> usize {
        let (rows, width) = self.plan_view;
        self.plan_lines(width).len().saturating_sub(rows)
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

    fn on_steps(&mut self, command: Command) -> Step {
        let len = self.draft.len();
        let on_a_step = matches!(
            command,
            Command::Digit(_)
                | Command::Build(
                    Build::Less | Build::More | Build::Remove | Build::Copy | Build::Move
                )
        );
        if on_a_step && !self.needs_a_step() {
            return Step::Stay;
        }
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Command::Build(Build::NextField) => self.field = next_field(self.field, true),
            Command::Build(Build::PreviousField) => self.field = next_field(self.field, false),
            Command::Build(Build::Less) => self.nudge(false),
            Command::Build(Build::More) => self.nudge(true),
            Command::Digit(_) if self.field == Field::Legs => {
                self.note = Some(Note::problem(
                    "The order of the legs is chosen with ← and →, not typed.",
                    None,
                ));
            }
            Command::Digit(d) => {
                self.stage = Stage::Number {
                    typed: char::from(b'0' + d).to_string(),
                };
            }
            Command::Build(Build::Add) => {
                let current = self
                    .draft
                    .routine()
                    .steps
                    .get(self.selected)
                    .and_then(|s| self.library_index(&s.exercise))
                    .unwrap_or(0);
                self.stage = Stage::Add { marked: current };
            }
            Command::Build(Build::Remove) => {
                self.edit(Edit::Remove(self.selected));
            }
            Command::Build(Build::Copy) => {
                self.edit(Edit::Copy(self.selected));
            }
            Command::Build(Build::Move) => self.stage = Stage::Move,
            Command::Build(Build::Undo) => match self.draft.undo() {
                Some(step) => self.mark(step),
                None => self.note = Some(Note::problem("Nothing to undo.", None)),
            },
            Command::Build(Build::Redo) => match self.draft.redo() {
                Some(step) => self.mark(step),
                None => self.note = Some(Note::problem("Nothing to redo.", None)),
            },
            Command::Build(Build::Plan) => {
                if self.draft.is_empty() {
                    self.note = Some(no_steps_yet());
                } else {
                    self.stage = Stage::Plan { scroll: 0 };
                }
            }
            Command::Build(Build::Title) => {
                self.stage = Stage::Text {
                    what: Text::Title,
                    typed: self.draft.routine().title.clone(),
                }
            }
            Command::Build(Build::Save) => return self.save(false),
            Command::ToggleHelp => self.stage = Stage::Help,
            _ => {}
        }
        Step::Stay
    }

    /// Whether there is a step to act on; says so when there is none.
    fn needs_a_step(&mut self) -> bool {
        if self.draft.is_empty() {
            self.note = Some(no_steps_yet());
            return false;
        }
        true
    }

    fn library_index(&self, id: &str) -> Option<usize> {
        self.draft
            .library()
            .exercises()
            .iter()
            .position(|e| e.id == id)
    }

    /// Does an edit and marks the step it touched, or says why the loader would refuse it.
    fn edit(&mut self, edit: Edit) -> bool {
        match self.draft.apply(edit) {
            Ok(step) => {
                self.mark(step);
                true
            }
            Err(e) => {
                self.note = Some(Note::of(&e));
                false
            }
        }
    }

    fn mark(&mut self, step: Option<usize>) {
        if let Some(step) = step {
            self.selected = step;
        }
        self.selected = self.selected.min(self.draft.len().saturating_sub(1));
    }

    /// ← or →: a stride less or more of the value marked, or the other order of the legs.
    fn nudge(&mut self, up: bool) {
        let step = self.selected;
        if self.field == Field::Legs {
            self.toggle_order(step);
            return;
        }
        let value = self.field.stepped(self.draft.value(step, self.field), up);
        self.set(step, self.field, value);
    }

    fn set(&mut self, step: usize, field: Field, value: i64) -> bool {
        let done = self.edit(Edit::Set { step, field, value });
        if done && field == Field::Rest && !self.draft.rests(step) {
            self.note = Some(Note::Done(
                "Kept; this step rests only between two repetitions on the same leg (2 reps \
                 or more, one leg then the other)."
                    .into(),
            ));
        }
        done
    }

    fn toggle_order(&mut self, step: usize) {
        match self.draft.sides(step) {
            Sides::Each => {
                let order = match self.draft.order(step) {
                    SideOrder::OneLegThenOther => SideOrder::Alternate,
                    SideOrder::Alternate => SideOrder::OneLegThenOther,
                };
                self.edit(Edit::Order { step, order });
            }
            Sides::Both => {
                self.note = Some(Note::problem(
                    "This exercise works both legs at once: there is no order of the legs.",
                    None,
                ))
            }
            Sides::None => {
                self.note = Some(Note::problem(
                    "This exercise is not done one leg at a time: there is no order of the legs.",
                    None,
                ))
            }
        }
    }

    fn on_add(&mut self, command: Command, marked: usize) -> Step {
        let count = self.draft.library().exercises().len();
        match command {
            Command::Up => {
                self.stage = Stage::Add {
                    marked: marked.saturating_sub(1),
                }
            }
            Command::Down => {
                self.stage = Stage::Add {
                    marked: (marked + 1).min(count.saturating_sub(1)),
                }
            }
            Command::Pick => {
                let Some(id) = self
                    .draft
                    .library()
                    .exercises()
                    .get(marked)
                    .map(|e| e.id.clone())
                else {
                    return Step::Stay;
                };
                let at = if self.draft.is_empty() {
                    0
                } else {
                    self.selected + 1
                };
                self.stage = Stage::Steps;
                self.edit(Edit::Add { at, exercise: id });
            }
            Command::Leave => self.stage = Stage::Steps,
            _ => {}
        }
        Step::Stay
    }

    fn on_number(&mut self, command: Command, mut typed: String) -> Step {
        match command {
            Command::Digit(d) if typed.len() < MAX_DIGITS => {
                typed.push(char::from(b'0' + d));
                self.stage = Stage::Number { typed };
            }
            Command::Digit(_) => {
                self.note = Some(Note::problem(format!("At most {MAX_DIGITS} digits."), None));
            }
            Command::Erase => {
                typed.pop();
                self.stage = if typed.is_empty() {
                    Stage::Steps
                } else {
                    Stage::Number { typed }
                };
            }
            Command::Accept => {
                let value = typed.parse::<i64>().unwrap_or(0);
                // Refused, the number stays typed so it can be mended.
                if self.set(self.selected, self.field, value) {
                    self.stage = Stage::Steps;
                }
            }
            Command::Leave => self.stage = Stage::Steps,
            _ => {}
        }
        Step::Stay
    }

    fn on_move(&mut self, command: Command) {
        let from = self.selected;
        match command {
            Command::Up if from > 0 => {
                self.edit(Edit::Move { from, to: from - 1 });
            }
            Command::Down if from + 1 < self.draft.len() => {
                self.edit(Edit::Move { from, to: from + 1 });
            }
            Command::Build(Build::Done) => self.stage = Stage::Steps,
            _ => {}
        }
    }

    fn type_char(&mut self, c: char) {
        let Stage::Text { what, typed } = &mut self.stage else {
            return;
        };
        let c = match what {
            // A name is typed as the command line takes it: a space is a dash, capitals
            // small; anything else it does not take is said in the loader's words.
            Text::Name if c == ' ' => '-',
            Text::Name => c.to_ascii_lowercase(),
            Text::Title => c,
        };
        let mut candidate = typed.clone();
        candidate.push(c);
        let check = match what {
            Text::Name => content::check_slug(edit::LABEL, "name", &candidate),
            Text::Title => edit::check_title(&candidate),
        };
        match check {
            Ok(()) => *typed = candidate,
            // Not yet a whole text: a title or name is typed one character at a time.
            Err(e) if e.message == "the text is empty" => *typed = candidate,
            Err(e) => self.note = Some(Note::of(&e)),
        }
    }

    fn on_text(&mut self, command: Command, what: Text, mut typed: String) -> Step {
        match command {
            Command::Erase => {
                typed.pop();
                self.stage = Stage::Text { what, typed };
            }
            Command::Leave => {
                self.leave_after_save = false;
                self.stage = Stage::Steps;
            }
            Command::Accept => match what {
                Text::Title => {
                    // The same title is no edit to undo.
                    if typed == self.draft.routine().title || self.edit(Edit::Title(typed.clone()))
                    {
                        self.stage = Stage::Steps;
                    }
                }
                Text::Name => {
                    if let Err(e) = self.check_name(&typed) {
                        self.note = Some(e);
                        return Step::Stay;
                    }
                    // A new routine's first title came from no name: now it comes from its
                    // name, unless it was changed.
                    if self.draft.routine().title == title_from("") {
                        self.draft.set_title(&title_from(&typed));
                    }
                    self.draft.set_name(&typed);
                    self.baseline.name = typed;
                    self.named = true;
                    self.typed_name = true;
                    self.stage = Stage::Steps;
                    return self.save(false);
                }
            },
            _ => {}
        }
        Step::Stay
    }

    /// A name to save under: the loader's rules, and not a built-in routine's.
    fn check_name(&self, name: &str) -> Result<(), Note> {
        if name.is_empty() {
            return Err(Note::Problem {
                place: Some("name".into()),
                message: "there is no name yet".into(),
                fix: Some("type one, such as morning-stretch".into()),
            });
        }
        content::check_slug(edit::LABEL, "name", name).map_err(|e| Note::of(&e))?;
        if self.builtin_names.iter().any(|n| n == name) {
            return Err(Note::Problem {
                place: Some("name".into()),
                message: format!("{name} is the name of a built-in routine; yours would hide it"),
                fix: Some(format!("choose another name, such as my-{name}")),
            });
        }
        Ok(())
    }

    fn on_plan(&mut self, command: Command, scroll: usize) {
        let last = self.last_scroll();
        let page = self.plan_view.0.saturating_sub(1).max(1);
        let scroll = match command {
            Command::Up => scroll.saturating_sub(1),
            Command::Down => (scroll + 1).min(last),
            Command::PreviousPage => scroll.saturating_sub(page),
            Command::NextPage => (scroll + page).min(last),
            _ => {
                self.stage = Stage::Steps;
                return;
            }
        };
        self.stage = Stage::Plan { scroll };
    }

    /// Asks to save: the whole routine checked as the loader checks a file, and a name
    /// chosen first when it has none.
    fn save(&mut self, replace: bool) -> Step {
        if let Err(e) = self.draft.check_whole() {
            self.leave_after_save = false;
            let mut note = Note::of(&e);
            if self.draft.is_empty()
                && let Note::Problem { fix, .. } = &mut note
            {
                *fix = Some("press a to add an exercise".into());
            }
            self.note = Some(note);
            return Step::Stay;
        }
        if !self.named {
            let name = &self.routine().name;
            let typed = if self.builtin_names.contains(name) {
                format!("my-{name}")
            } else if self.origin == Origin::New && !self.typed_name {
                String::new()
            } else if !self.typed_name && matches!(&self.origin, Origin::Copy { of } if of == name)
            {
                // A copy of a routine of yours: not its name, which would replace it.
                format!("{name}-2")
            } else {
                name.clone()
            };
            self.stage = Stage::Text {
                what: Text::Name,
                typed,
            };
            return Step::Stay;
        }
        let routine = self.draft.routine();
        Step::Save {
            name: routine.name.clone(),
            text: file::to_json(routine),
            replace,
        }
    }

    /// What saving did: saved (and, asked to, now leaving), or a question, or why not.
    pub fn saved(&mut self, outcome: Saved) {
        match outcome {
            Saved::Done { path, run } => {
                self.baseline = self.draft.routine().clone();
                self.on_disk = true;
                self.origin = Origin::File {
                    path: path.display().to_string(),
                };
                self.note = Some(Note::Done(format!(
                    "Saved to {}. Run it with: {run}",
                    path.display()
                )));
                if self.leave_after_save {
                    self.quit = true;
                }
            }
            Saved::Exists(path) => {
                self.stage = Stage::Replace {
                    path: path.display().to_string(),
                    changed: false,
                }
            }
            Saved::Changed(path) => {
                self.stage = Stage::Replace {
                    path: path.display().to_string(),
                    changed: true,
                }
            }
            Saved::Failed(why) => {
                self.leave_after_save = false;
                self.note = Some(Note::problem(format!("Not saved: {why}"), None));
            }
        }
    }
}

/// `line` in pieces of at most `width` characters, broken between words; the pieces after
/// the first indented by two spaces. A word longer than the width is cut.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    if line.chars().count() <= width {
        return vec![line.to_string()];
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        let used = current.chars().count();
        let extra = word.chars().count() + usize::from(used > 0);
        if used > 0 && used + extra > width {
            out.push(std::mem::take(&mut current));
            current.push_str("  ");
        }
        if !current.trim().is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        while current.chars().count() > width {
            let head: String = current.chars().take(width).collect();
            let tail: String = current.chars().skip(width).collect();
            out.push(head);
            current = format!("  {tail}");
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

fn next_field(field: Field, forward: bool) -> Field {
    let all = Field::ALL;
    let i = all.iter().position(|f| *f == field).unwrap_or(0);
    let n = all.len();
    all[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}

fn no_steps_yet() -> Note {
    Note::problem(
        "The routine has no steps yet.",
        Some("press a to add an exercise"),
    )
}
