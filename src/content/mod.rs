//! Routines and exercises: the types, the built-in content, and loading user files.

mod error;
mod load;
pub mod seconds;
pub mod strict;

pub(crate) use load::{check_range, check_slug, check_text, validate_routine};
pub mod model;
pub mod pose;

use std::path::{Path, PathBuf};

pub use error::ContentError;
pub use load::{
    Shape, did_you_mean, limits, parse_exercises, parse_json, parse_json_with, parse_routine,
};
pub use model::{
    Exercise, Kind, Need, Routine, RoutineDefaults, SideOrder, Sides, StepSpec, WorkingLeg,
};

/// The exercise library and routines compiled into the binary.
pub mod builtin {
    pub const EXERCISES: (&str, &str) = (
        "content/exercises.json",
        include_str!("../../content/exercises.json"),
    );
    /// The pose of every exercise and flexibility test.
    pub const POSES: (&str, &str) = (
        "content/poses.json",
        include_str!("../../content/poses.json"),
    );
    pub const ROUTINES: &[(&str, &str)] = &[
        (
            "content/routines/hamstring.json",
            include_str!("../../content/routines/hamstring.json"),
        ),
        (
            "content/routines/floor.json",
            include_str!("../../content/routines/floor.json"),
        ),
        (
            "content/routines/quick.json",
            include_str!("../../content/routines/quick.json"),
        ),
        (
            "content/routines/partner.json",
            include_str!("../../content/routines/partner.json"),
        ),
    ];
    /// The routine `supple` runs when none is named: one a person can do alone.
    pub const DEFAULT_ROUTINE: &str = "hamstring";
    /// Names built-in routines had before, and the routine each now is.
    pub const RENAMED: &[(&str, &str)] = &[("solo", "hamstring")];
}

/// All exercises a routine may name.
#[derive(Debug, Clone)]
pub struct Library {
    exercises: Vec<Exercise>,
}

impl Library {
    /// The built-in exercise library.
    pub fn builtin() -> Result<Self, ContentError> {
        let (file, text) = builtin::EXERCISES;
        Ok(Library {
            exercises: parse_exercises(file, text)?,
        })
    }

    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }
}

/// Where a routine came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

impl Origin {
    pub fn describe(&self) -> String {
        match self {
            Origin::BuiltIn => "built-in".into(),
            Origin::File(path) => path.display().to_string(),
        }
    }
}

/// A validated routine and where it came from.
#[derive(Debug, Clone)]
pub struct LoadedRoutine {
    pub routine: Routine,
    pub origin: Origin,
}

/// The folder where a user keeps extra routines: `$XDG_CONFIG_HOME/supple/routines`.
pub fn user_routine_dir() -> Option<PathBuf> {
    crate::paths::config_dir().map(|d| d.join("routines"))
}

/// The most a routine or config file may hold: a hundred steps take about 10 KB.
pub const FILE_LIMIT: u64 = 1024 * 1024;

/// The text of a routine or config file, named `label` in errors: a regular file of at most
/// [`FILE_LIMIT`] bytes, in UTF-8. `Ok(None)` when there is no such file.
pub fn read_text(label: &str, path: &Path) -> Result<Option<String>, ContentError> {
    use crate::paths::{ReadError, read_regular};
    let bytes = match read_regular(path, FILE_LIMIT) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => return Ok(None),
        Err(e) => {
            let hint = match &e {
                ReadError::NotRegular(_) => "name a JSON file; supple reads regular files only",
                ReadError::TooLarge { .. } => {
                    "this is not a routine or config file: a routine of a hundred steps takes \
                     about 10 KB"
                }
                ReadError::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
                    "make the file readable (chmod u+r)"
                }
                _ => "check that the path names a readable JSON file",
            };
            return Err(ContentError::new(label, format!("cannot read the file: {e}")).hint(hint));
        }
    };
    decode_utf8(label, bytes).map(Some)
}

/// UTF-8 text, or an error naming the first byte that is not, by line and column.
pub fn decode_utf8(label: &str, bytes: Vec<u8>) -> Result<String, ContentError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            ContentError::new(label, "the file is UTF-16 text, not UTF-8")
                .at_line(1, 1)
                .hint("save it as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")"),
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..at]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ContentError::new(
            label,
            format!(
                "the file is not UTF-8 text: byte 0x{:02X} here is not UTF-8 (Latin-1 or \
                 Windows-1252, perhaps)",
                bytes[at]
            ),
        )
        .at_line(line, column)
        .hint("save the file as UTF-8")
    })
}

/// Why a routine file that is not there cannot be read: there is no such file, or it is a
/// link that leads nowhere (named with where it leads).
pub fn missing_file(label: &str, path: &Path) -> ContentError {
    match std::fs::read_link(path) {
        Ok(target) => ContentError::new(
            label,
            format!(
                "cannot read the file: it is a link to {}, where there is no file",
                target.display()
            ),
        )
        .hint("point the link at a routine file, or remove it"),
        Err(_) => ContentError::new(label, "cannot read the file: there is no such file")
            .hint("check the path, or name a routine from `supple list`"),
    }
}

/// Reads and validates a routine file.
pub fn load_routine_file(path: &Path, library: &Library) -> Result<LoadedRoutine, ContentError> {
    let label = path.display().to_string();
    let text = read_text(&label, path)?.ok_or_else(|| missing_file(&label, path))?;
    let routine = parse_routine(&label, &text, library.exercises())?;
    Ok(LoadedRoutine {
        routine,
        origin: Origin::File(path.to_path_buf()),
    })
}

/// The built-in routines.
pub fn builtin_routines(library: &Library) -> Result<Vec<LoadedRoutine>, ContentError> {
    builtin::ROUTINES
        .iter()
        .map(|(file, text)| {
            Ok(LoadedRoutine {
                routine: parse_routine(file, text, library.exercises())?,
                origin: Origin::BuiltIn,
            })
        })
        .collect()
}

/// The routine files in the user's folder, each loaded or with its error, sorted by path.
pub fn user_routines(dir: &Path, library: &Library) -> Vec<Result<LoadedRoutine, ContentError>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| load_routine_file(p, library))
        .collect()
}

/// Finds a routine by file path, or by name among the user's routines and the built-in ones
/// (a user's routine of the same name comes first).
pub fn find_routine(
    arg: &str,
    library: &Library,
    user_dir: Option<&Path>,
) -> Result<LoadedRoutine, ContentError> {
    let as_path = Path::new(arg);
    if arg.ends_with(".json") || arg.contains(std::path::MAIN_SEPARATOR) || as_path.is_file() {
        return load_routine_file(as_path, library);
    }
    let mut names = Vec::new();
    if let Some(dir) = user_dir {
        for loaded in user_routines(dir, library).into_iter().flatten() {
            if loaded.routine.name == arg {
                return Ok(loaded);
            }
            names.push(loaded.routine.name);
        }
        // A user file whose name matches but does not load should say why, not "unknown":
        // a folder, a named pipe or a link to nothing too.
        let candidate = dir.join(format!("{arg}.json"));
        if std::fs::symlink_metadata(&candidate).is_ok() {
            load_routine_file(&candidate, library)?;
        }
    }
    let wanted = builtin::RENAMED
        .iter()
        .find(|(old, _)| *old == arg)
        .map_or(arg, |(_, new)| *new);
    for loaded in builtin_routines(library)? {
        if loaded.routine.name == wanted {
            return Ok(loaded);
        }
        names.push(loaded.routine.name);
    }
    let hint = match did_you_mean(arg, names.iter().map(String::as_str)) {
        Some(name) => format!("did you mean `{name}`? Routines: {}", names.join(", ")),
        None => format!(
            "name one of: {} (see `supple list`), or give the path of a routine file",
            names.join(", ")
        ),
    };
    Err(ContentError::new(arg, NO_SUCH_ROUTINE).hint(hint))
}

/// What [`find_routine`] says of a name that is no routine's.
pub const NO_SUCH_ROUTINE: &str = "no routine has this name";

/// What a routine needs beyond the person (partner, equipment, floor...), each need once, in
/// the order the routine first needs it.
pub fn routine_needs(routine: &Routine, library: &Library) -> Vec<Need> {
    let mut needs = Vec::new();
    for need in routine
        .steps
        .iter()
        .filter_map(|step| library.get(&step.exercise))
        .flat_map(|exercise| exercise.needs.iter().copied())
    {
        if !needs.contains(&need) {
            needs.push(need);
        }
    }
    needs
}

/// For each partner or piece of equipment in `needs`, the first built-in routine that does
/// without it (and needs nothing special that `needs` does not), to name as the one to run
/// instead.
pub fn instead(needs: &[Need], library: &Library) -> Vec<(Need, String)> {
    let Ok(builtins) = builtin_routines(library) else {
        return Vec::new();
    };
    let others: Vec<(String, Vec<Need>)> = builtins
        .iter()
        .map(|l| (l.routine.name.clone(), routine_needs(&l.routine, library)))
        .collect();
    needs
        .iter()
        .filter(|need| need.is_special())
        .filter_map(|need| {
            others
                .iter()
                .find(|(_, theirs)| {
                    !theirs.contains(need)
                        && theirs.iter().all(|n| !n.is_special() || needs.contains(n))
                })
                .map(|(name, _)| (*need, name.clone()))
        })
        .collect()
}

/// "Needs a partner (without one: supple run hamstring)." No backticks: it is shown on screen.
pub fn needs_line(need: Need, instead: &[(Need, String)]) -> String {
    format!("Needs {}", needs_rest(need, instead))
}

/// [`needs_line`] where an exercise's name is near and the line could be read as its own:
/// "This routine needs a partner (without one: supple run hamstring)."
pub fn routine_needs_line(need: Need, instead: &[(Need, String)]) -> String {
    format!("This routine needs {}", needs_rest(need, instead))
}

fn needs_rest(need: Need, instead: &[(Need, String)]) -> String {
    match instead.iter().find(|(n, _)| *n == need) {
        Some((_, name)) => format!("{} (without one: supple run {name}).", need.label()),
        None => format!("{}.", need.label()),
    }
}

/// The JSON Schema of routine files, as committed in `content/routine.schema.json`.
pub fn routine_schema() -> String {
    pretty_schema(schemars::schema_for!(Routine))
}

/// The JSON Schema of the exercise library, as committed in `content/exercises.schema.json`.
pub fn exercises_schema() -> String {
    pretty_schema(schemars::schema_for!(model::ExerciseFile))
}

/// The JSON Schema of the poses file, as committed in `content/poses.schema.json`.
pub fn poses_schema() -> String {
    pretty_schema(schemars::schema_for!(pose::PoseFile))
}

fn pretty_schema(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
