use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use supple::cli::{Cli, Command};
use supple::commands::{self, EXIT_INVALID};
use supple::content::user_routine_dir;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let user_dir = user_routine_dir();
    let user_dir = user_dir.as_deref();
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let result = match cli.command {
        None => commands::plan(&mut out, None, user_dir).map(|()| true),
        Some(Command::Run { routine }) | Some(Command::Plan { routine }) => {
            commands::plan(&mut out, routine.as_deref(), user_dir).map(|()| true)
        }
        Some(Command::List) => commands::list(&mut out, &mut err, user_dir).map(|()| true),
        Some(Command::Check { files }) => commands::check(&mut out, &mut err, &files),
    };
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

/// Output piped into `head` and closed early is not an error worth a message.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
