//! From a routine's name (or path) to the plan a session runs: found among the built-in
//! routines and the user's, with the hold, rest and lead-in the settings replace.

use std::path::Path;

use crate::content::{self, ContentError, Kind, Library, LoadedRoutine, Origin, Routine};

use super::Plan;

/// Timing that replaces a routine's own: the hold, the rest and the lead-in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tuning {
    pub hold_seconds: Option<u32>,
    pub rest_seconds: Option<u32>,
    pub lead_in_seconds: Option<u32>,
}

/// The plan of a routine found by name or path, with `tuning` in place of its own hold, rest
/// and lead-in where set.
pub fn resolve(
    routine: &str,
    user_dir: Option<&Path>,
    tuning: &Tuning,
) -> Result<Plan, ContentError> {
    let library = Library::builtin()?;
    let mut loaded = content::find_routine(routine, &library, user_dir)?;
    tune(&mut loaded.routine, &library, tuning);
    build_plan(&loaded, &library)
}

/// Replaces a routine's hold seconds (static holds only, not cardio or dynamic work), rest
/// seconds and lead-in where `tuning` sets them.
pub fn tune(routine: &mut Routine, library: &Library, tuning: &Tuning) {
    if let Some(lead_in) = tuning.lead_in_seconds {
        routine.defaults.lead_in_seconds = Some(lead_in);
    }
    for step in &mut routine.steps {
        let kind = library.get(&step.exercise).map(|e| e.kind);
        if let (Some(hold), Some(Kind::Hold)) = (tuning.hold_seconds, kind) {
            step.seconds = Some(hold);
        }
        if let Some(rest) = tuning.rest_seconds {
            step.rest_seconds = Some(rest);
        }
    }
}

/// Expands a loaded routine, naming its file in any error.
pub fn build_plan(loaded: &LoadedRoutine, library: &Library) -> Result<Plan, ContentError> {
    Plan::build(&loaded.routine, library).map_err(|e| ContentError {
        file: match &loaded.origin {
            Origin::BuiltIn => e.file,
            Origin::File(path) => path.display().to_string(),
        },
        ..e
    })
}
