use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Parser;
use supple::app::App;
use supple::audio;
use supple::cli::{Cli, Command};
use supple::commands::{self, EXIT_INVALID};
use supple::content::user_routine_dir;
use supple::quiet::QuietStderr;
use supple::session::{Clock, SystemClock};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let user_dir = user_routine_dir();
    let user_dir = user_dir.as_deref();
    let mut out = io::stdout();
    let mut err = io::stderr();
    let result = match &cli.command {
        None => run(&cli, None, user_dir).map(|()| true),
        Some(Command::Run { routine }) => run(&cli, routine.as_deref(), user_dir).map(|()| true),
        Some(Command::Plan { routine }) => {
            commands::plan(&mut out, routine.as_deref(), user_dir).map(|()| true)
        }
        Some(Command::List) => commands::list(&mut out, &mut err, user_dir).map(|()| true),
        Some(Command::SoundTest { latency }) => sound_test(&mut out, *latency),
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
    // From here until the session ends, what libraries print goes to the log, not the screen.
    let _quiet = QuietStderr::to(log_path().as_deref()).context("cannot redirect stderr")?;
    let player = audio::session_player(cli.no_sound, cli.bell);
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = App::new(plan, player, color);
    let clock = SystemClock;
    supple::tui::run_in_terminal(&mut app, &clock).context("the terminal failed")?;
    print!("{}", commands::session_report(app.engine(), clock.now()));
    Ok(())
}

/// Where library messages go during a session: `$XDG_DATA_HOME/supple/supple.log`.
fn log_path() -> Option<std::path::PathBuf> {
    directories::ProjectDirs::from("", "", "supple").map(|d| d.data_dir().join("supple.log"))
}

/// `supple sound-test`: every cue once, named as it plays.
fn sound_test(out: &mut impl Write, latency: bool) -> anyhow::Result<bool> {
    #[cfg(feature = "sound")]
    {
        use supple::audio::device::DevicePlayer;
        let log = log_path();
        // The audio system's messages go to the log for the whole test, not over our output.
        let _quiet = QuietStderr::to(log.as_deref())?;
        let opened = DevicePlayer::open_now(audio::DEFAULT_VOLUME);
        let mut player = match opened {
            Ok(player) => player,
            Err(reason) => {
                writeln!(
                    out,
                    "no sound: {reason}. Sessions run silently; --bell rings the terminal bell instead."
                )?;
                if let Some(log) = log {
                    writeln!(
                        out,
                        "(the audio system's own messages are in {})",
                        log.display()
                    )?;
                }
                return Ok(false);
            }
        };
        writeln!(out, "Playing every cue once:")?;
        player.play_all_and_wait(std::time::Duration::from_millis(600), |cue| {
            let _ = writeln!(out, "  {}", audio::describe(cue));
            let _ = out.flush();
        });
        if latency {
            writeln!(
                out,
                "Again, timing each play call to the moment its first sample is played, as the \
                 audio system reports it:"
            )?;
            for (cue, took) in player.measure_latency(std::time::Duration::from_millis(1500)) {
                writeln!(out, "  {:>6.1} ms  {cue:?}", took.as_secs_f64() * 1000.0)?;
            }
        }
        Ok(true)
    }
    #[cfg(not(feature = "sound"))]
    {
        let _ = latency;
        writeln!(
            out,
            "this supple was built without sound (--no-default-features)"
        )?;
        Ok(false)
    }
}

/// Output piped into `head` and closed early is not an error worth a message.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
