//! `supple new [NAME] [--from ROUTINE]` and `supple edit ROUTINE`: the routine builder full
//! screen. A new routine, or a copy of one, is saved in the user's routines folder; a file of
//! theirs is saved over; a built-in routine is never changed (editing one starts a copy).
//! Leaving with changes not saved keeps them as a draft, and says where.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::builder::file::{self, Saver};
use crate::builder::{Builder, Origin, empty_routine};
use crate::content::{self, ContentError, Library, Origin as From, Routine, RoutineDefaults};

use super::args::NewArgs;
use super::{BadConfig, Cli, color, load_settings};

/// `supple new [NAME] [--from ROUTINE]`.
pub fn new(
    out: &mut impl Write,
    err: &mut impl Write,
    cli: &Cli,
    args: &NewArgs,
    user_dir: Option<&Path>,
) -> anyhow::Result<bool> {
    let library = Library::builtin()?;
    let builtins = builtin_names(&library)?;
    if let Some(name) = &args.name {
        check_new_name(name, &builtins, &library, user_dir)?;
    }
    let (routine, origin) = match &args.from {
        Some(from) => {
            let loaded = content::find_routine(from, &library, user_dir)?;
            let mut routine = loaded.routine;
            // Its schema path was the other file's; this one is saved elsewhere.
            routine.schema = None;
            let of = routine.name.clone();
            if let Some(name) = &args.name {
                routine.name = name.clone();
            }
            (routine, Origin::Copy { of })
        }
        None => (
            empty_routine(args.name.as_deref(), default_timing(&library)?),
            Origin::New,
        ),
    };
    let named = args.name.is_some();
    let builder = Builder::new(routine, library, origin, named, builtins);
    let builder = with_settings(builder, cli, err)?;
    run(
        out,
        builder,
        Saver::new(user_dir.map(Path::to_path_buf)),
        None,
    )
}

/// `supple edit ROUTINE`: a file of the user's, saved over; a built-in routine or a draft, a
/// copy to save under a name of its own. A file that does not load is refused with the
/// loader's message, and left as it is.
pub fn edit(
    out: &mut impl Write,
    err: &mut impl Write,
    cli: &Cli,
    routine: &str,
    user_dir: Option<&Path>,
) -> anyhow::Result<bool> {
    let library = Library::builtin()?;
    let builtins = builtin_names(&library)?;
    let loaded = content::find_routine(routine, &library, user_dir).map_err(|e| {
        // A name that could be a routine's but is none yet: offer to make it.
        let could_be = content::check_slug("", "", routine).is_ok();
        if e.message == content::NO_SUCH_ROUTINE && could_be {
            let hint = e.hint.clone().unwrap_or_default();
            e.hint(format!("{hint}; or make it: supple new {routine}"))
        } else {
            e
        }
    })?;
    let (builder, saver, draft) = match loaded.origin {
        From::BuiltIn => {
            let mut routine = loaded.routine;
            routine.schema = None;
            let of = routine.name.clone();
            (
                Builder::new(routine, library, Origin::Copy { of }, false, builtins),
                Saver::new(user_dir.map(Path::to_path_buf)),
                None,
            )
        }
        From::File(path) => {
            // Read again, and kept: the file is saved over only while it still holds this.
            let (routine, bytes) = open(&path, &library)?;
            if is_draft(&path) {
                let builder = Builder::new(
                    routine,
                    library,
                    Origin::Copy {
                        of: "a draft".into(),
                    },
                    false,
                    builtins,
                );
                (
                    builder,
                    Saver::new(user_dir.map(Path::to_path_buf)),
                    Some(path),
                )
            } else {
                let origin = Origin::File {
                    path: path.display().to_string(),
                };
                (
                    Builder::new(routine, library, origin, true, builtins),
                    Saver::new(user_dir.map(Path::to_path_buf)).over(path, bytes),
                    None,
                )
            }
        }
    };
    let builder = with_settings(builder, cli, err)?;
    run(out, builder, saver, draft)
}

/// The builder, told when the settings put their own hold, rest or get-ready in place of the
/// routine's (`supple run` and `supple plan` use them; the builder edits the routine's).
fn with_settings(builder: Builder, cli: &Cli, err: &mut impl Write) -> anyhow::Result<Builder> {
    let settings = load_settings(cli, err, BadConfig::Warn)?;
    let tuning = settings.tuning();
    let mut set = Vec::new();
    if let Some(hold) = tuning.hold_seconds {
        set.push(format!("every hold {hold} s"));
    }
    if let Some(rest) = tuning.rest_seconds {
        set.push(format!("every rest {rest} s"));
    }
    if let Some(lead_in) = tuning.lead_in_seconds {
        set.push(format!("the get-ready {lead_in} s"));
    }
    if set.is_empty() {
        return Ok(builder);
    }
    Ok(builder.with_settings_note(format!(
        "Your settings make {}: supple run uses that instead of what is set here.",
        set.join(", ")
    )))
}

/// The routine in `path`, checked as the loader checks it, and the bytes it was read from.
fn open(path: &Path, library: &Library) -> Result<(Routine, Vec<u8>), ContentError> {
    let label = path.display().to_string();
    let text =
        content::read_text(&label, path)?.ok_or_else(|| content::missing_file(&label, path))?;
    let routine = content::parse_routine(&label, &text, library.exercises())?;
    // The loader's last check: the session it makes is not too long.
    crate::session::Plan::build(&routine, library).map_err(|e| ContentError {
        file: label.clone(),
        ..e
    })?;
    Ok((routine, text.into_bytes()))
}

/// The timing a new routine starts with: the default routine's (its get-ready, the time to
/// get into position, to switch legs, and a step's time, repetitions and rest), written out
/// in the file so that it can be read and changed there too.
fn default_timing(library: &Library) -> anyhow::Result<RoutineDefaults> {
    Ok(content::builtin_routines(library)?
        .into_iter()
        .find(|l| l.routine.name == content::builtin::DEFAULT_ROUTINE)
        .map(|l| l.routine.defaults)
        .unwrap_or_default())
}

/// The names of the built-in routines, which a routine of the user's may not take.
fn builtin_names(library: &Library) -> anyhow::Result<Vec<String>> {
    let mut names: Vec<String> = content::builtin_routines(library)?
        .into_iter()
        .map(|l| l.routine.name)
        .collect();
    names.extend(
        content::builtin::RENAMED
            .iter()
            .map(|(old, _)| old.to_string()),
    );
    Ok(names)
}

/// A name for a new routine: the loader's rules, not a built-in routine's, not one the user
/// has.
fn check_new_name(
    name: &str,
    builtins: &[String],
    library: &Library,
    user_dir: Option<&Path>,
) -> anyhow::Result<()> {
    content::check_slug("the name", "", name)?;
    if builtins.iter().any(|n| n == name) {
        return Err(ContentError::new(
            "the name",
            format!("`{name}` is the name of a built-in routine; yours would hide it"),
        )
        .hint(format!(
            "choose another name, or `supple edit {name}` to start from a copy of it"
        ))
        .into());
    }
    let Some(dir) = user_dir else {
        return Ok(());
    };
    let file = dir.join(format!("{name}.json"));
    let taken = content::user_routines(dir, library)
        .into_iter()
        .flatten()
        .find(|l| l.routine.name == name)
        .and_then(|l| match l.origin {
            From::File(path) => Some(path),
            From::BuiltIn => None,
        })
        .or_else(|| std::fs::symlink_metadata(&file).is_ok().then_some(file));
    if let Some(path) = taken {
        return Err(ContentError::new(
            "the name",
            format!(
                "you have a routine named `{name}` already: {}",
                path.display()
            ),
        )
        .hint(format!(
            "`supple edit {name}` changes it; or choose another name"
        ))
        .into());
    }
    Ok(())
}

/// Where drafts are kept: `$XDG_DATA_HOME/supple/drafts`.
fn drafts_dir() -> Option<PathBuf> {
    crate::paths::data_dir().map(|d| d.join("drafts"))
}

fn is_draft(path: &Path) -> bool {
    let Some(dir) = drafts_dir() else {
        return false;
    };
    let real = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    path.parent()
        .is_some_and(|parent| real(parent) == real(&dir))
}

/// Runs the builder full screen; then says what became of the routine: saved, or kept as a
/// draft.
fn run(
    out: &mut impl Write,
    builder: Builder,
    mut saver: Saver,
    draft: Option<PathBuf>,
) -> anyhow::Result<bool> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() || crate::term::dumb() {
        bail!(
            "the routine builder needs a full-screen terminal; a routine can also be written \
             by hand as a JSON file (see content/README.md) and checked with `supple check FILE`"
        );
    }
    let mut builder = builder.with_look(color(), !crate::term::utf8_locale());
    let mut saved: Option<(PathBuf, String)> = None;
    crate::tui::run_builder(&mut builder, |name, text, replace| {
        let outcome = saver.save(name, text, replace);
        if let file::Saved::Done { path, run } = &outcome {
            saved = Some((path.clone(), run.clone()));
        }
        outcome
    })
    .context("the terminal failed")?;
    finish(out, &builder, saved.as_ref(), draft.as_deref())
}

/// What is said once the screen is closed: where the routine was saved and how to run it;
/// and where changes not saved were kept.
fn finish(
    out: &mut impl Write,
    builder: &Builder,
    saved: Option<&(PathBuf, String)>,
    draft: Option<&Path>,
) -> anyhow::Result<bool> {
    let name = &builder.routine().name;
    // A draft saved as a routine of its own is done with.
    if let (Some(_), Some(draft)) = (saved, draft) {
        let _ = std::fs::remove_file(draft);
    }
    // Kept before anything is said: the terminal may be gone (a hang-up).
    let kept = (builder.unsaved() && !builder.draft().is_empty()).then(|| {
        drafts_dir()
            .ok_or_else(|| io::Error::other("no home folder"))
            .and_then(|dir| file::keep_draft(&dir, name, &file::to_json(builder.routine())))
    });
    if let Some((path, _)) = saved {
        writeln!(out, "supple: saved {name} to {}", path.display())?;
    }
    if let Some(kept) = kept {
        match kept {
            Ok(path) => writeln!(
                out,
                "supple: your changes are not saved; they are kept in {}\n  \
                 go on with them: supple edit {}",
                path.display(),
                path.display()
            )?,
            Err(e) => writeln!(
                out,
                "supple: your changes are not saved, and could not be kept as a draft: {e}"
            )?,
        }
        return Ok(true);
    }
    if let Some((_, run)) = saved {
        writeln!(out, "  run it: {run}")?;
    }
    Ok(true)
}
