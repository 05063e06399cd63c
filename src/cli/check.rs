//! `supple check FILE...`: each routine file valid, or its fault and the fix.

use std::io::Write;
use std::path::PathBuf;

use crate::content::{self, Library};
use crate::session::clock_text;

/// `supple check`: validates each file; returns whether all were valid.
pub fn run(out: &mut impl Write, err: &mut impl Write, files: &[PathBuf]) -> anyhow::Result<bool> {
    let library = Library::builtin()?;
    let mut all_ok = true;
    for file in files {
        let result = content::load_routine_file(file, &library).and_then(|loaded| {
            crate::session::resolve::build_plan(&loaded, &library).map(|p| (loaded, p))
        });
        match result {
            Ok((loaded, plan)) => {
                writeln!(
                    out,
                    "ok: {} ({}: {} steps, {})",
                    file.display(),
                    loaded.routine.name,
                    plan.steps.len(),
                    clock_text(plan.total())
                )?;
                // Valid, but worth a word, as --hold gets it.
                if let Some(note) = plan.long_hold_note() {
                    writeln!(out, "  note: {note}")?;
                }
            }
            Err(e) => {
                all_ok = false;
                writeln!(err, "error: {e}")?;
            }
        }
    }
    Ok(all_ok)
}
