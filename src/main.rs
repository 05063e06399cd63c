use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Parser;
use supple::app::App;
use supple::audio::{Bell, Player, Silent};
use supple::cli::{Cli, Command};
use supple::commands::{self, EXIT_INVALID};
use supple::content::user_routine_dir;
use supple::session::{Clock, SystemClock};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let user_dir = user_routine_dir();
    let user_dir = user_dir.as_deref();
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let result = match &cli.command {
        None => run(&cli, None, user_dir).map(|()| true),
        Some(Command::Run { routine }) => run(&cli, routine.as_deref(), user_dir).map(|()| true),
        Some(Command::Plan { routine }) => {
            commands::plan(&mut out, routine.as_deref(), user_dir).map(|()| true)
        }
        Some(Command::List) => commands::list(&mut out, &mut err, user_dir).map(|()| true),
        Some(Command::Check { files }) => commands::check(&mut out, &mut err, files),
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

/// A guided session: everything that can fail on bad input is checked before the screen opens.
fn run(cli: &Cli, routine: Option<&str>, user_dir: Option<&std::path::Path>) -> anyhow::Result<()> {
    let (_, _, plan) = commands::resolve(routine, user_dir)?;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        bail!("a guided session needs a terminal; `supple plan` prints the plan instead");
    }
    let player: Box<dyn Player> = if cli.no_sound {
        Box::new(Silent {
            reason: "--no-sound".into(),
        })
    } else if cli.bell {
        Box::new(Bell)
    } else {
        Box::new(Silent {
            reason: "no audio device".into(),
        })
    };
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = App::new(plan, player, color);
    let clock = SystemClock;
    supple::tui::run_in_terminal(&mut app, &clock).context("the terminal failed")?;
    print!("{}", commands::session_report(app.engine(), clock.now()));
    Ok(())
}

/// Output piped into `head` and closed early is not an error worth a message.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
