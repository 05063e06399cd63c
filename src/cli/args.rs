//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::history::flex::{self, Felt, FlexTest};
use crate::remind;
use crate::settings::{Flags, SessionFlags};

/// Width of one key frame of `supple figure`'s picture, in pixels (the README's figures).
pub const DOC_FRAME_WIDTH: u32 = 240;

#[derive(Debug, Parser)]
#[command(
    name = "supple",
    version,
    about = "A full-screen terminal coach for hamstring stretches",
    long_about = "A full-screen terminal coach for hamstring stretches.\n\n\
        With no command, runs a guided session of the default routine (hamstring), which you \
        can do on your own.",
    after_help = crate::safety::help_text()
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The session as one line per change instead of the full screen (as `run --plain`).
    #[arg(long)]
    pub plain: bool,

    /// The settings' flags, before any command (`supple --hold 30`).
    #[command(flatten)]
    pub flags: SessionFlags,
}

impl Cli {
    /// What the command line says about the settings: a command's own flags over those given
    /// before it.
    pub fn flags(&self) -> Flags {
        let before = self.flags.0.clone();
        match &self.command {
            Some(Command::Run { flags, .. } | Command::Config { flags }) => {
                before.or(flags.0.clone())
            }
            Some(Command::Plan(plan)) => before.or(plan.flags.0.clone()),
            _ => before,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a guided session (the default command).
    Run {
        /// A routine name (see `supple list`) or the path of a routine file.
        routine: Option<String>,
        /// One line per change (step, 3-2-1, pause, end) instead of the full screen: for
        /// screen readers and logs. Also taken when the output is not a terminal or TERM=dumb.
        #[arg(long)]
        plain: bool,
        #[command(flatten)]
        flags: SessionFlags,
    },
    /// Print a routine's plan: every step with its start time, phase, side and duration, and
    /// any suggestion your history brings.
    Plan(PlanArgs),
    /// An exercise in full: its figure, how to get into position, the cues, the caution, what
    /// it needs and where it comes from.
    Show {
        /// An exercise id (see content/README.md: anchor-stretch, seated-stretch...), or a
        /// flexibility test's figure (test-aket, test-slr, test-sit-reach, test-sit-reach-one).
        exercise: String,
    },
    /// Write an exercise's figure as a picture: SVG or PNG, its key frames side by side (the
    /// README's figures are made with it).
    Figure(FigureArgs),
    /// List the built-in routines and your own, with their durations.
    List,
    /// Make a routine of your own on screen, without writing JSON: choose the exercises,
    /// their times and their order, and save; `supple run NAME` then runs it.
    New(NewArgs),
    /// Change a routine of yours on screen; a built-in one starts a copy under a new name
    /// (the built-in routines never change).
    Edit {
        /// A routine name (see `supple list`) or the path of a routine file.
        routine: String,
    },
    /// Play every sound cue once, naming each, to check the sound before a session.
    SoundTest {
        /// Also print, for each cue, the time from the play call to its first sample being
        /// played, as the audio system reports it.
        #[arg(long)]
        latency: bool,
        /// With no sound device, ring the terminal bell at each cue instead, as a session
        /// with --bell does.
        #[arg(long)]
        bell: bool,
    },
    /// Your history: the days you stretched on a calendar, each week's seconds per leg against
    /// the weekly dose, the streak. Full screen in a terminal, text otherwise.
    History(HistoryArgs),
    /// A flexibility test of each leg, guided full screen; or, with --record, a result you
    /// measured, saved with its comparison to your first and last test.
    #[command(
        after_help = "Tests: aket (active knee extension: degrees short of straight), slr \
            (straight-leg raise: degrees the straight leg rises), sit-reach (sit-and-reach: cm \
            on a tape with the soles at 23 cm; --both for both legs together).\n\
            Take it warm, after a session, the same way each time. Gentle pull, never pain.",
        allow_negative_numbers = true
    )]
    Test(TestArgs),
    /// Print the settings in effect and where each comes from (default, config file, flag).
    Config {
        #[command(flatten)]
        flags: SessionFlags,
    },
    /// A reminder to stretch that the system keeps: a systemd user timer, or where there is
    /// no systemd, the crontab line to add. With no options: the reminder set, if any.
    #[command(
        after_help = "Writes only its own files, each named as it is written: \
        supple-remind.timer and supple-remind.service in $XDG_CONFIG_HOME/systemd/user, or a \
        copy of the crontab line in $XDG_CONFIG_HOME/supple. `supple remind --off` removes them."
    )]
    Remind(RemindArgs),
    /// Check routine files; exits 0 when all are valid, 1 when any is not.
    Check {
        /// Routine files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// One line for a status bar or a shell prompt: the streak, whether today is done, and
    /// this week's seconds per leg against the weekly dose.
    #[command(
        after_help = "Exit status: 0, or 1 when the history cannot be read (then --json prints {\"error\": ..., \"file\": ...}, --short prints `supple ?`, and --waybar a module of class `error` with exit status 0, as Waybar hides a module whose command fails)."
    )]
    Status(StatusArgs),
    /// Print the completion script for a shell (see the README for where to put it).
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the man page, supple.1, in roff: `supple man > supple.1`.
    Man,
}

fn parse_test(text: &str) -> Result<FlexTest, String> {
    text.parse()
}

fn parse_felt(text: &str) -> Result<Felt, String> {
    text.parse()
}

fn parse_value(text: &str) -> Result<u16, String> {
    flex::parse_value(text)
}

fn parse_strength(text: &str) -> Result<u8, String> {
    flex::parse_strength(text)
}

/// `supple history`'s options.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Print text instead of opening the full screen.
    #[arg(long, conflicts_with_all = ["json", "csv"])]
    pub plain: bool,
    /// Print every session as JSON (the history file's own format).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print every session as CSV, one row per exercise and side (columns in the README).
    #[arg(long)]
    pub csv: bool,
    /// With --csv: print the flexibility test results instead, one row per test.
    #[arg(long, requires = "csv")]
    pub tests: bool,
    /// Weeks the calendar and the weekly chart go back, this week included (the full
    /// screen shows fewer when they do not fit, and says so).
    #[arg(long, default_value_t = crate::history::dose::WEEKS_SHOWN,
          value_parser = clap::value_parser!(u16).range(1..=53))]
    pub weeks: u16,
}

/// `supple test`'s options.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Save a result without the screen: aket, slr or sit-reach.
    #[arg(long, value_name = "TEST", value_parser = parse_test)]
    pub record: Option<FlexTest>,
    /// The left leg's result (degrees, or cm for sit-and-reach).
    #[arg(long, value_name = "N", requires = "record", value_parser = parse_value)]
    pub left: Option<u16>,
    /// The right leg's result.
    #[arg(long, value_name = "N", requires = "record", value_parser = parse_value)]
    pub right: Option<u16>,
    /// Sit-and-reach with both legs straight together: the one result, in cm.
    #[arg(long, value_name = "CM", requires = "record", value_parser = parse_value)]
    pub both: Option<u16>,
    /// Where the stretch was first felt: knee, thigh, buttock or calf.
    #[arg(long, value_name = "WHERE", requires = "record", value_parser = parse_felt)]
    pub felt: Option<Felt>,
    /// How strong the stretch was, from 0 (nothing) to 10.
    #[arg(long, value_name = "0-10", requires = "record", value_parser = parse_strength)]
    pub strength: Option<u8>,
}

/// `supple remind`'s options.
#[derive(Debug, Args)]
pub struct RemindArgs {
    /// The time of the reminder: 24-hour HH:MM (07:30, 19:30), or 12-hour with am or pm
    /// (7:30pm, 7pm; 12am is midnight, 12pm noon).
    #[arg(long, value_name = "HH:MM", value_parser = remind::parse_at,
          conflicts_with_all = ["off", "now", "pending"])]
    pub at: Option<remind::At>,
    /// The days it comes, separated by commas: mon,wed,fri (three letters or whole names, any
    /// case), a range such as mon-fri, weekdays, weekends or daily. Every day when left out; a
    /// day named twice counts once.
    #[arg(long, value_name = "DAYS", requires = "at", value_parser = remind::parse_days)]
    pub days: Option<remind::Days>,
    /// Remove the reminder: stop the timer and remove the files supple wrote, and only
    /// those.
    #[arg(long, conflicts_with_all = ["now", "pending"])]
    pub off: bool,
    /// Remind now, as the timer does: a desktop notification (notify-send), or a line left
    /// for the next shell when none can be shown. Quiet when you have stretched today.
    #[arg(long, conflicts_with = "pending")]
    pub now: bool,
    /// Print a reminder left for the shell, once; nothing when there is none. For your
    /// shell's startup file (~/.bashrc).
    #[arg(long)]
    pub pending: bool,
}

/// `supple status`'s options.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print JSON for scripts and bars (fields in the README).
    #[arg(long, conflicts_with_all = ["short", "waybar"])]
    pub json: bool,
    /// Print a short form for a tmux status line or a prompt: `supple 5d ✓`.
    #[arg(long, conflicts_with = "waybar")]
    pub short: bool,
    /// Print JSON for a Waybar custom module ("return-type": "json"): text, tooltip,
    /// class (done, todo, at-risk, none, error), alt and percentage.
    #[arg(long)]
    pub waybar: bool,
}

/// `supple new`'s options.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The name to run it by: lowercase letters, digits and dashes (`desk-break`); asked
    /// when it is first saved if not given here.
    pub name: Option<String>,
    /// Start from a copy of this routine (a name from `supple list`, or a file).
    #[arg(long, value_name = "ROUTINE")]
    pub from: Option<String>,
}

/// `supple plan`'s options.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// A routine name (see `supple list`) or the path of a routine file.
    pub routine: Option<String>,
    /// Also say why: the weekly dose, each suggestion in full and its source, and when
    /// each suggestion comes.
    #[arg(long)]
    pub why: bool,
    /// Also draw each exercise's figure, in text, before the table.
    #[arg(long)]
    pub figures: bool,
    #[command(flatten)]
    pub flags: SessionFlags,
}

/// `supple figure`'s options.
#[derive(Debug, Args)]
pub struct FigureArgs {
    /// An exercise id, or a flexibility test's figure (test-aket...).
    pub exercise: String,
    /// Write SVG (the default).
    #[arg(long, conflicts_with = "png")]
    pub svg: bool,
    /// Write PNG.
    #[arg(long)]
    pub png: bool,
    /// Width of each key frame, in pixels.
    #[arg(long, default_value_t = DOC_FRAME_WIDTH,
          value_parser = clap::value_parser!(u32).range(32..=2048))]
    pub width: u32,
    /// The file to write; without it, the standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
