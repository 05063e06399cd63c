//! `supple list`: the built-in routines and the user's, with their lengths and needs.

use std::io::Write;
use std::path::Path;

use crate::content::{self, Library};
use crate::content::{LoadedRoutine, Need, Origin};
use crate::session::Plan;
use crate::session::clock_text;
use crate::ui::cut_wide;

/// `supple list`: built-in routines, then the user's; broken user files are named with their error.
pub fn run(
    out: &mut impl Write,
    err: &mut impl Write,
    user_dir: Option<&Path>,
) -> anyhow::Result<()> {
    let library = Library::builtin()?;
    let mut rows: Vec<(LoadedRoutine, Plan)> = Vec::new();
    for loaded in content::builtin_routines(&library)? {
        let plan = crate::session::resolve::build_plan(&loaded, &library)?;
        rows.push((loaded, plan));
    }
    let mut broken = Vec::new();
    if let Some(dir) = user_dir {
        for result in content::user_routines(dir, &library) {
            match result
                .and_then(|l| crate::session::resolve::build_plan(&l, &library).map(|p| (l, p)))
            {
                Ok(row) => rows.push(row),
                Err(e) => broken.push(e),
            }
        }
    }
    let width = rows
        .iter()
        .map(|(l, _)| l.routine.name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let special = |plan: &Plan| -> String {
        let needs: Vec<&str> = plan
            .needs
            .iter()
            .filter(|n| n.is_special())
            .map(|n| n.short())
            .collect();
        if needs.is_empty() {
            "-".into()
        } else {
            needs.join(", ")
        }
    };
    let needs_width = rows
        .iter()
        .map(|(_, p)| special(p).len())
        .max()
        .unwrap_or(5);
    // Within 80 columns: the title last, in what the other columns leave, a routine of
    // yours marked so (its folder is named once, below) rather than by its whole path.
    let title_width = 80usize
        .saturating_sub(width + 2 + 7 + 2 + needs_width + 2)
        .max(12);
    // Cut by the columns the title takes on screen (a wide character takes two).
    let fit = |title: &str, origin: &Origin| match origin {
        Origin::BuiltIn => cut_wide(title, title_width, "…"),
        Origin::File(_) => {
            let mark = " (yours)";
            let cut = cut_wide(title, title_width.saturating_sub(mark.len()), "…");
            format!("{cut}{mark}")
        }
    };
    writeln!(
        out,
        "{:<width$}  {:>7}  {:<needs_width$}  title",
        "name", "time", "needs"
    )?;
    let mut instead: Vec<(Need, String)> = Vec::new();
    for (loaded, plan) in &rows {
        writeln!(
            out,
            "{:<width$}  {:>7}  {:<needs_width$}  {}",
            loaded.routine.name,
            clock_text(plan.total()),
            special(plan),
            fit(&loaded.routine.title, &loaded.origin)
        )?;
        for pair in &plan.instead {
            if !instead.contains(pair) {
                instead.push(pair.clone());
            }
        }
    }
    if !instead.is_empty() {
        writeln!(out)?;
    }
    for (need, name) in instead {
        writeln!(out, "No {}? Run: supple run {name}", need.short())?;
    }
    if let Some(dir) = user_dir {
        writeln!(out, "\nYour routines go in {}", tilde(dir))?;
    }
    for e in broken {
        writeln!(err, "skipped a routine file that does not load:\n{e}")?;
    }
    Ok(())
}

/// `path` with the home folder written `~`, as a person would type it.
pub fn tilde(path: &Path) -> String {
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    match home
        .as_deref()
        .and_then(|home| path.strip_prefix(home).ok())
    {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    }
}
