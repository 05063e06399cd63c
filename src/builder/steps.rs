//! The builder on its steps: marking a step and a value, changing a value (a stride, or a
//! number typed), adding an exercise from the library, removing, copying and moving steps,
//! undo and redo.

use super::edit::{Edit, Field};
use super::{Builder, MAX_DIGITS, Note, Stage, Step, Text};
use crate::content::{SideOrder, Sides};
use crate::keys::{Build, Command};

impl Builder {
    pub(super) fn on_steps(&mut self, command: Command) -> Step {
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
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
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

    pub(super) fn on_add(&mut self, command: Command, marked: usize) -> Step {
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

    pub(super) fn on_number(&mut self, command: Command, mut typed: String) -> Step {
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

    pub(super) fn on_move(&mut self, command: Command) {
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
