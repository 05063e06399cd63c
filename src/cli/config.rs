//! `supple config`: the settings in effect and where each came from.

use std::io::Write;

use anyhow::bail;

use crate::settings;

use super::Cli;

/// `supple config`: the settings in effect and where each came from.
pub fn run(out: &mut impl Write, cli: &Cli) -> anyhow::Result<bool> {
    let Some(path) = settings::config_path() else {
        bail!("no home folder, so no config file");
    };
    let (file, ok) = match settings::load(&path) {
        Ok(Some(file)) => {
            writeln!(out, "config file: {}", path.display())?;
            (Some(file), true)
        }
        Ok(None) => {
            writeln!(
                out,
                "config file: {} (not there: the defaults apply)",
                path.display()
            )?;
            (None, true)
        }
        Err(e) => {
            writeln!(
                out,
                "config file: {} (not used, it has a problem):\n{e}",
                path.display()
            )?;
            (None, false)
        }
    };
    for line in settings::resolve(file.as_ref(), &cli.flags()).lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(ok)
}
