//! supple's command line: parse it, and hand each command to its file in `cli/`.

#![forbid(unsafe_code)]

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use supple::cli::{self, Cli, Command};
use supple::content::user_routine_dir;
use supple::safe_text::SafeWriter;

fn main() -> ExitCode {
    // Everything printed passes through these: nothing that came from a file, a flag or a
    // path can act on the terminal. A write to `out` that fails is remembered (`output`), and
    // `cli::exit` says it once, or nothing for a closed pipe.
    let mut out = SafeWriter::new(supple::output::stdout());
    let mut err = SafeWriter::new(io::stderr());
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return cli::usage_error(&e, &mut err),
    };
    // The wall clock, read once: every command takes its now and today from here.
    let now = jiff::ZonedDateTime::now();
    let user_dir = user_routine_dir();
    let user_dir = user_dir.as_deref();
    let result = match &cli.command {
        None => cli::run::run(&cli, None, cli.plain, user_dir, &now).map(|()| true),
        Some(Command::Run { routine, plain, .. }) => cli::run::run(
            &cli,
            routine.as_deref(),
            *plain || cli.plain,
            user_dir,
            &now,
        )
        .map(|()| true),
        Some(Command::Plan(args)) => cli::plan::run(&mut out, &mut err, &cli, args, user_dir, &now),
        Some(Command::Config { .. }) => cli::config::run(&mut out, &cli),
        Some(Command::Show { exercise }) => cli::show::run(&mut out, exercise),
        Some(Command::Figure(args)) => cli::show::figure(args),
        Some(Command::Remind(args)) => cli::remind::run(&mut out, &cli, args, &now),
        Some(Command::List) => cli::list::run(&mut out, &mut err, user_dir).map(|()| true),
        Some(Command::New(args)) => cli::new::new(&mut out, &mut err, &cli, args, user_dir),
        Some(Command::Edit { routine }) => {
            cli::new::edit(&mut out, &mut err, &cli, routine, user_dir)
        }
        Some(Command::SoundTest { latency, bell }) => {
            cli::sound_test::run(&mut out, *latency, *bell)
        }
        Some(Command::Check { files }) => cli::check::run(&mut out, &mut err, files),
        Some(Command::History(args)) => cli::history::run(&mut out, args, &now).map(|()| true),
        Some(Command::Test(args)) => cli::test::run(&mut out, args, &now),
        Some(Command::Status(args)) => cli::status::command(&mut out, &mut err, args, &now),
        Some(Command::Completions { shell }) => cli::completions::run(*shell),
        Some(Command::Man) => cli::completions::man(),
    };
    // What is still buffered is written now, where a failure can be said: at exit it would be
    // lost.
    let result = result.and_then(|done| {
        out.flush()?;
        Ok(done)
    });
    cli::exit(result, &mut err)
}
