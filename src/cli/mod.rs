//! The command line: clap's definitions ([`args`]) and one file per command. `main.rs` parses
//! and hands each command to its file; what they share is here: the settings and the plan as
//! the command line and the config file make them, colour, and what an error exits with.

pub mod args;
pub mod check;
pub mod completions;
pub mod config;
pub mod history;
pub mod list;
pub mod new;
pub mod plan;
pub mod remind;
pub mod run;
pub mod show;
pub mod sound_test;
pub mod status;
pub mod test;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::bail;

pub use args::{Cli, Command};

use crate::settings::{self, Settings};

/// Exit status for "the input was bad" (usage errors exit 2, through clap).
pub const EXIT_INVALID: u8 = 1;

/// Help and version as clap prints them (what it could not write ends as any command's
/// output does, through [`exit`]); a usage error without colour, through `err`, since it may
/// quote what was typed.
pub fn usage_error(e: &clap::Error, err: &mut impl Write) -> ExitCode {
    use clap::error::ErrorKind;
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let printed =
            crate::output::noted(e.print()).and_then(|()| crate::output::stdout().flush());
        if let Err(failed) = printed {
            return exit(Err(failed.into()), err);
        }
    } else {
        let _ = write!(err, "{}", e.render());
    }
    ExitCode::from(code)
}

/// The plan of `routine`, or of the configured default routine, with the settings' timing.
pub fn resolve(
    routine: Option<&str>,
    settings: &Settings,
    user_dir: Option<&std::path::Path>,
) -> anyhow::Result<crate::session::Plan> {
    let name = routine.unwrap_or(&settings.routine.value);
    let resolved = crate::session::resolve::resolve(name, user_dir, &settings.tuning());
    match (resolved, routine, &settings.routine.source) {
        (Err(e), None, settings::Source::File) => Err(anyhow::Error::new(e).context(format!(
            "the config file's \"routine\" names `{name}` ({})",
            settings::config_path().map_or_else(String::new, |p| p.display().to_string())
        ))),
        (resolved, _, _) => Ok(resolved?),
    }
}

/// What to do when the config file is bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadConfig {
    /// Say so and ask whether to go on with the defaults (before a session).
    Ask,
    /// Say so and go on with the defaults.
    Warn,
}

/// The settings: flags over the config file over the defaults. A bad config file is named
/// with its fault and fix; the defaults stand in for it if the person agrees.
pub fn load_settings(cli: &Cli, err: &mut impl Write, bad: BadConfig) -> anyhow::Result<Settings> {
    let flags = cli.flags();
    let Some(path) = settings::config_path() else {
        return Ok(settings::resolve(None, &flags));
    };
    match settings::load(&path) {
        Ok(file) => Ok(settings::resolve(file.as_ref(), &flags)),
        Err(e) => {
            writeln!(err, "supple: the config file has a problem:\n{e}")?;
            if bad == BadConfig::Ask {
                write!(err, "Start with the default settings instead? [y/N] ")?;
                err.flush()?;
                let mut answer = String::new();
                io::stdin().read_line(&mut answer)?;
                if !matches!(answer.trim(), "y" | "Y" | "yes" | "Yes" | "YES") {
                    bail!("nothing started: fix {}, or move it away", path.display());
                }
            } else {
                writeln!(err, "supple: using the default settings instead")?;
            }
            Ok(settings::resolve(None, &flags))
        }
    }
}

/// Where library messages go during a session: `$XDG_DATA_HOME/supple/supple.log`.
pub fn log_path() -> Option<std::path::PathBuf> {
    crate::paths::data_dir().map(|d| d.join("supple.log"))
}

/// Colour unless NO_COLOR is set (to anything but the empty string).
pub fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Output piped into `head` and closed early is not an error worth a message.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// The exit status for what a command returned: 0 for done, 1 for bad input (a command that
/// returns `false`, or an error, said once on stderr). Standard output that could not be
/// written decides first, however its error came back (or if it was let pass): quietly 0 when
/// the reader has gone (`| head -1`), else 1 and one line that says so.
pub fn exit(result: anyhow::Result<bool>, err: &mut impl Write) -> ExitCode {
    if let Some(failed) = crate::output::failure() {
        return output_failed(&failed, result, err);
    }
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(EXIT_INVALID),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "supple: error: {e:#}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// How a command ends whose output could not be written (`failed`). A closed pipe: the
/// reader has what it wanted, so nothing is said, and the status is 0 unless the command said
/// no. Anything else (a full disk): one line, and 1. An error that is not the output's is said
/// as ever.
fn output_failed(
    failed: &io::Error,
    result: anyhow::Result<bool>,
    err: &mut impl Write,
) -> ExitCode {
    let closed = failed.kind() == io::ErrorKind::BrokenPipe;
    if !closed {
        let _ = writeln!(err, "supple: cannot write the output: {failed}");
    }
    let from_output = |e: &anyhow::Error| {
        e.chain().any(|cause| {
            cause
                .downcast_ref::<io::Error>()
                .is_some_and(|cause| cause.kind() == failed.kind())
        })
    };
    match result {
        Ok(true) if closed => ExitCode::SUCCESS,
        Err(e) if closed && from_output(&e) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(EXIT_INVALID),
        Err(e) if from_output(&e) => ExitCode::from(EXIT_INVALID),
        Err(e) => {
            let _ = writeln!(err, "supple: error: {e:#}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}
