//! `supple list`: the built-in routines and the user's, with their lengths and needs.

use std::io::Write;
use std::path::Path;

use crate::content::{self, Library};
use crate::content::{LoadedRoutine, Need};
use crate::session::Plan;
use crate::session::clock_text;

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
    writeln!(
        out,
        "{:<width$}  {:>7}  {:<34}  {:<needs_width$}  from",
        "name", "time", "title", "needs"
    )?;
    let mut instead: Vec<(Need, String)> = Vec::new();
    for (loaded, plan) in &rows {
        writeln!(
            out,
            "{:<width$}  {:>7}  {:<34}  {:<needs_width$}  {}",
            loaded.routine.name,
            clock_text(plan.total()),
            loaded.routine.title,
            special(plan),
            loaded.origin.describe()
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
        writeln!(out, "No {}? Run `supple run {name}`.", need.short())?;
    }
    if let Some(dir) = user_dir {
        writeln!(out, "\nYour routines go in {}", dir.display())?;
    }
    for e in broken {
        writeln!(err, "skipped a routine file that does not load:\n{e}")?;
    }
    Ok(())
}
