//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "supple",
    version,
    about = "A full-screen terminal coach for hamstring stretches",
    long_about = "A full-screen terminal coach for hamstring stretches.\n\n\
        With no command, runs a guided session of the default routine (hamstring)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Play no sound.
    #[arg(long, global = true)]
    pub no_sound: bool,

    /// Ring the terminal bell at each transition when there is no audio device.
    #[arg(long, global = true)]
    pub bell: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a guided session (the default command).
    Run {
        /// A routine name (see `supple list`) or the path of a routine file.
        routine: Option<String>,
    },
    /// Print a routine's plan: every step with its start time, phase, side and duration.
    Plan {
        /// A routine name (see `supple list`) or the path of a routine file.
        routine: Option<String>,
    },
    /// List the built-in routines and your own, with their durations.
    List,
    /// Play every sound cue once, naming each, to check the sound before a session.
    SoundTest {
        /// Also print, for each cue, the time from the play call to its first sample being
        /// played, as the audio system reports it.
        #[arg(long)]
        latency: bool,
    },
    /// Your history: streak, sessions this week, seconds held per day and leg. Full screen in a
    /// terminal, text otherwise.
    History {
        /// Print text instead of opening the full screen.
        #[arg(long, conflicts_with_all = ["json", "csv"])]
        plain: bool,
        /// Print every session as JSON (the history file's own format).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print every session as CSV, one row per exercise and side (columns in the README).
        #[arg(long)]
        csv: bool,
        /// Days the text chart goes back.
        #[arg(long, default_value_t = 14, value_parser = clap::value_parser!(u16).range(1..=366))]
        days: u16,
    },
    /// Check routine files; exits 0 when all are valid, 1 when any is not.
    Check {
        /// Routine files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}
