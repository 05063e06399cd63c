//! Typing a title or a name, and saving: the name checked as the loader checks one (and
//! never a built-in routine's), the whole routine checked before it is written, and what
//! saving did.

use super::edit::{self, Edit};
use super::{Builder, Note, Origin, Saved, Stage, Step, Text, file, title_from};
use crate::content;
use crate::keys::Command;

impl Builder {
    pub(super) fn type_char(&mut self, c: char) {
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

    pub(super) fn on_text(&mut self, command: Command, what: Text, mut typed: String) -> Step {
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

    /// Asks to save: the whole routine checked as the loader checks a file, and a name
    /// chosen first when it has none.
    pub(super) fn save(&mut self, replace: bool) -> Step {
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
