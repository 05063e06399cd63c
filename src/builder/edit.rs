//! The routine being edited, its undo and redo, and the check of every edit: an edit the
//! loader would refuse is refused here, with the loader's own words, and the routine stays as
//! it was. Nothing here knows of keys or of the screen.

use crate::content::{self, ContentError, Library, Routine, SideOrder, Sides, StepSpec, limits};
use crate::session::Plan;
use crate::session::plan::defaults;

/// The label the loader's checks name the routine by, as the builder shows their words.
pub const LABEL: &str = "this routine";

/// How many edits can be undone.
const UNDO_DEPTH: usize = 500;

/// A value of a step the builder changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Seconds of each hold or bout of work.
    Seconds,
    /// Repetitions per side.
    Reps,
    /// Seconds of rest between repetitions on the same side.
    Rest,
    /// The order of the legs, for an exercise done one leg at a time.
    Legs,
}

impl Field {
    /// The values in the order Tab goes through them.
    pub const ALL: [Field; 4] = [Field::Seconds, Field::Reps, Field::Rest, Field::Legs];

    /// The column's heading.
    pub fn heading(self) -> &'static str {
        match self {
            Field::Seconds => "time",
            Field::Reps => "reps",
            Field::Rest => "rest",
            Field::Legs => "legs",
        }
    }

    /// The value in words, for a message: "time", "repetitions".
    pub fn words(self) -> &'static str {
        match self {
            Field::Seconds => "time",
            Field::Reps => "repetitions",
            Field::Rest => "rest",
            Field::Legs => "order of the legs",
        }
    }

    /// The field as routine files name it.
    fn json(self) -> &'static str {
        match self {
            Field::Seconds => "seconds",
            Field::Reps => "reps",
            Field::Rest => "rest_seconds",
            Field::Legs => "order",
        }
    }

    /// The limits and unit the loader checks the value with (`None` for the legs).
    fn range(self) -> Option<((u32, u32), &'static str)> {
        match self {
            Field::Seconds => Some((limits::SECONDS, "seconds")),
            Field::Reps => Some((limits::REPS, "repetitions")),
            Field::Rest => Some((limits::REST_SECONDS, "seconds")),
            Field::Legs => None,
        }
    }

    /// How much a press of ← or → changes it.
    fn stride(self) -> u32 {
        match self {
            Field::Seconds | Field::Rest => 5,
            Field::Reps | Field::Legs => 1,
        }
    }

    /// The next value, one stride `up` or down: to the next multiple of the stride, so 23 goes
    /// to 25 or 20. The result may be out of range; the check says so.
    pub fn stepped(self, value: u32, up: bool) -> i64 {
        let stride = i64::from(self.stride());
        let value = i64::from(value);
        if up {
            (value / stride + 1) * stride
        } else if value % stride != 0 {
            value / stride * stride
        } else {
            value - stride
        }
    }
}

/// One change to the routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A step of `exercise` at `at` (the steps from there move down one).
    Add {
        at: usize,
        exercise: String,
    },
    Remove(usize),
    /// A copy of a step, placed below it.
    Copy(usize),
    /// The step at `from` moved to `to`.
    Move {
        from: usize,
        to: usize,
    },
    /// A step's time, repetitions or rest; an `i64`, so that a value below zero is refused in
    /// the loader's words too.
    Set {
        step: usize,
        field: Field,
        value: i64,
    },
    /// The order of the legs of a step done one leg at a time.
    Order {
        step: usize,
        order: SideOrder,
    },
    Title(String),
}

impl Edit {
    /// The step to mark after this edit, or after undoing it.
    fn step(&self) -> Option<usize> {
        match self {
            Edit::Add { at, .. } => Some(*at),
            Edit::Remove(step) | Edit::Copy(step) => Some(*step),
            Edit::Move { from, .. } => Some(*from),
            Edit::Set { step, .. } | Edit::Order { step, .. } => Some(*step),
            Edit::Title(_) => None,
        }
    }
}

/// A routine before an edit, and the step the edit touched.
#[derive(Debug, Clone)]
struct Snapshot {
    routine: Routine,
    step: Option<usize>,
}

/// The routine being edited, with its undo and redo.
#[derive(Debug, Clone)]
pub struct Draft {
    routine: Routine,
    library: Library,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The plan of the routine as it is (`None` while it has no steps).
    plan: Option<Plan>,
}

impl Draft {
    /// A draft of `routine`, which must have loaded (or be new and empty).
    pub fn new(routine: Routine, library: Library) -> Self {
        let plan = plan_of(&routine, &library).ok();
        Draft {
            routine,
            library,
            undo: Vec::new(),
            redo: Vec::new(),
            plan,
        }
    }

    pub fn routine(&self) -> &Routine {
        &self.routine
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The plan of the routine as it is now; `None` while it has no steps.
    pub fn plan(&self) -> Option<&Plan> {
        self.plan.as_ref()
    }

    pub fn len(&self) -> usize {
        self.routine.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.routine.steps.is_empty()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Does `edit`, or, when the loader would refuse the routine it makes, says why in the
    /// loader's words and changes nothing. Returns the step to mark.
    pub fn apply(&mut self, edit: Edit) -> Result<Option<usize>, ContentError> {
        let mut routine = self.routine.clone();
        let step = edit.step();
        let marked = change(&mut routine, &edit, &self.library)?;
        let plan = check(&routine, &self.library)?;
        self.undo.push(Snapshot {
            routine: std::mem::replace(&mut self.routine, routine),
            step,
        });
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.plan = plan;
        Ok(marked)
    }

    /// Undoes the last edit; the step it touched, to mark. `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Option<usize>> {
        let snapshot = self.undo.pop()?;
        let step = snapshot.step;
        let now = std::mem::replace(&mut self.routine, snapshot.routine);
        self.redo.push(Snapshot { routine: now, step });
        self.plan = plan_of(&self.routine, &self.library).ok();
        Some(step)
    }

    /// Does again the last edit undone; the step it touched.
    pub fn redo(&mut self) -> Option<Option<usize>> {
        let snapshot = self.redo.pop()?;
        let step = snapshot.step;
        let now = std::mem::replace(&mut self.routine, snapshot.routine);
        self.undo.push(Snapshot { routine: now, step });
        self.plan = plan_of(&self.routine, &self.library).ok();
        Some(step)
    }

    /// Names the routine (the name is chosen when it is first saved; not an edit to undo).
    pub fn set_name(&mut self, name: &str) {
        self.routine.name = name.to_string();
        for snapshot in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            snapshot.routine.name = name.to_string();
        }
        if let Some(plan) = &mut self.plan {
            plan.name = name.to_string();
        }
    }

    /// Titles the routine after the name chosen for it (not an edit to undo).
    pub fn set_title(&mut self, title: &str) {
        self.routine.title = title.to_string();
        if let Some(plan) = &mut self.plan {
            plan.title = title.to_string();
        }
    }

    /// The value a step runs with: its own, or the routine's default, or the built-in one.
    pub fn value(&self, step: usize, field: Field) -> u32 {
        let Some(spec) = self.routine.steps.get(step) else {
            return 0;
        };
        let d = &self.routine.defaults;
        match field {
            Field::Seconds => spec.seconds.or(d.seconds).unwrap_or(defaults::SECONDS),
            Field::Reps => spec.reps.or(d.reps).unwrap_or(defaults::REPS),
            Field::Rest => spec
                .rest_seconds
                .or(d.rest_seconds)
                .unwrap_or(defaults::REST_SECONDS),
            Field::Legs => u32::from(self.order(step) == SideOrder::Alternate),
        }
    }

    /// The order of the legs a step runs with.
    pub fn order(&self, step: usize) -> SideOrder {
        self.routine
            .steps
            .get(step)
            .and_then(|s| s.order)
            .or(self.routine.defaults.order)
            .unwrap_or(SideOrder::OneLegThenOther)
    }

    /// How the exercise of a step uses the legs.
    pub fn sides(&self, step: usize) -> Sides {
        self.routine
            .steps
            .get(step)
            .and_then(|s| self.library.get(&s.exercise))
            .map_or(Sides::None, |e| e.sides)
    }

    /// Whether a step rests between its repetitions: more than one, on the same leg in turn.
    pub fn rests(&self, step: usize) -> bool {
        self.value(step, Field::Reps) > 1
            && !(self.sides(step) == Sides::Each && self.order(step) == SideOrder::Alternate)
    }

    /// The routine as it would be saved, or the loader's reason it would not load.
    pub fn check_whole(&self) -> Result<&Routine, ContentError> {
        content::validate_routine(LABEL, &self.routine, self.library.exercises())?;
        plan_of(&self.routine, &self.library)?;
        Ok(&self.routine)
    }
}

/// The plan of a routine, its errors named as the builder names the routine; an error for
/// one without steps.
fn plan_of(routine: &Routine, library: &Library) -> Result<Plan, ContentError> {
    if routine.steps.is_empty() {
        return Err(ContentError::new(LABEL, "the routine has no steps").at_path("steps"));
    }
    Plan::build(routine, library).map_err(|e| ContentError {
        file: LABEL.to_string(),
        ..e
    })
}

/// The loader's checks of a routine as edited; an empty routine is let through (a routine
/// being built starts with none, and only saving needs one).
fn check(routine: &Routine, library: &Library) -> Result<Option<Plan>, ContentError> {
    if routine.steps.is_empty() {
        check_title(&routine.title)?;
        return Ok(None);
    }
    content::validate_routine(LABEL, routine, library.exercises())?;
    plan_of(routine, library).map(Some)
}

/// The loader's check of a title.
pub fn check_title(title: &str) -> Result<(), ContentError> {
    content::check_text(LABEL, "title", title, limits::TITLE_CHARS)
}

/// Makes the change in `routine`; the step to mark after it.
fn change(
    routine: &mut Routine,
    edit: &Edit,
    library: &Library,
) -> Result<Option<usize>, ContentError> {
    let steps = &mut routine.steps;
    let missing = |i: usize| {
        ContentError::new(LABEL, format!("there is no step {}", i + 1))
            .hint("choose a step of the routine")
    };
    match edit {
        Edit::Add { at, exercise } => {
            room_for_one_more(steps.len())?;
            if library.get(exercise).is_none() {
                return Err(ContentError::new(
                    LABEL,
                    format!("unknown exercise `{exercise}`"),
                ));
            }
            let at = (*at).min(steps.len());
            steps.insert(at, step_of(exercise));
            Ok(Some(at))
        }
        Edit::Remove(i) => {
            if *i >= steps.len() {
                return Err(missing(*i));
            }
            steps.remove(*i);
            Ok(Some((*i).min(steps.len().saturating_sub(1))))
        }
        Edit::Copy(i) => {
            room_for_one_more(steps.len())?;
            let copy = steps.get(*i).cloned().ok_or_else(|| missing(*i))?;
            steps.insert(i + 1, copy);
            Ok(Some(i + 1))
        }
        Edit::Move { from, to } => {
            if *from >= steps.len() || *to >= steps.len() {
                return Err(missing((*from).max(*to)));
            }
            let step = steps.remove(*from);
            steps.insert(*to, step);
            Ok(Some(*to))
        }
        Edit::Set { step, field, value } => {
            let Some((range, unit)) = field.range() else {
                return Ok(Some(*step));
            };
            let path = format!("steps[{step}].{}", field.json());
            // Out of the u32 range (below zero, say) is out of the loader's range too: said
            // with the number as it came.
            let Ok(checked) = u32::try_from(*value) else {
                return Err(ContentError::new(
                    LABEL,
                    format!(
                        "{value} is out of range: it must be from {} to {} {unit}",
                        range.0, range.1
                    ),
                )
                .at_path(path)
                .hint(format!("choose a value from {} to {}", range.0, range.1)));
            };
            content::check_range(LABEL, &path, Some(checked), range, unit)?;
            let spec = steps.get_mut(*step).ok_or_else(|| missing(*step))?;
            match field {
                Field::Seconds => spec.seconds = Some(checked),
                Field::Reps => spec.reps = Some(checked),
                Field::Rest => spec.rest_seconds = Some(checked),
                Field::Legs => {}
            }
            Ok(Some(*step))
        }
        Edit::Order { step, order } => {
            let spec = steps.get_mut(*step).ok_or_else(|| missing(*step))?;
            spec.order = Some(*order);
            Ok(Some(*step))
        }
        Edit::Title(title) => {
            check_title(title)?;
            routine.title = title.clone();
            Ok(None)
        }
    }
}

/// The loader's words when a step more would pass the limit.
fn room_for_one_more(len: usize) -> Result<(), ContentError> {
    if len >= limits::STEPS {
        return Err(ContentError::new(
            LABEL,
            crate::content::strict::too_many(limits::STEPS, "steps"),
        )
        .at_path("steps")
        .hint("split it into several routines"));
    }
    Ok(())
}

/// A new step: the exercise with the routine's timing.
fn step_of(exercise: &str) -> StepSpec {
    StepSpec {
        exercise: exercise.to_string(),
        seconds: None,
        reps: None,
        rest_seconds: None,
        switch_seconds: None,
        order: None,
        note: None,
    }
}

/// The place of a loader's error in words a person reads: "step 3, time" for
/// `steps[2].seconds`; the path itself where it names something else.
pub fn place(path: &str) -> String {
    let Some(rest) = path.strip_prefix("steps[") else {
        return match path {
            "steps" => "the steps".into(),
            other => other.replace('_', " "),
        };
    };
    let Some((index, field)) = rest.split_once(']') else {
        return path.to_string();
    };
    let number = index.parse::<usize>().map_or(0, |i| i + 1);
    let field = field.trim_start_matches('.');
    let words = Field::ALL
        .iter()
        .find(|f| f.json() == field)
        .map_or_else(|| field.replace('_', " "), |f| f.words().to_string());
    if words.is_empty() {
        format!("step {number}")
    } else {
        format!("step {number}, {words}")
    }
}
