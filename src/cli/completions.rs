//! What is generated from the command line's own definitions, so that it never drifts from
//! them: shell completions (`supple completions SHELL`) and the man page (`supple man`).

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use super::Cli;

/// The command line as clap builds it, every subcommand included.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// The commands a person can type: every subcommand but hidden ones and clap's own `help`.
pub fn commands(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// `supple completions SHELL`. Generated from supple's own definitions, not from a file or a
/// flag: written as it is (a completion script has tabs, which the safe writer would spell
/// out).
pub fn run(shell: Shell) -> anyhow::Result<bool> {
    crate::output::stdout().write_all(&completions(shell))?;
    Ok(true)
}

/// `supple man`: the man page, in roff.
pub fn man() -> anyhow::Result<bool> {
    man_page(&mut crate::output::stdout())?;
    Ok(true)
}

/// The completion script for `shell`. Made in memory and written by the caller:
/// `clap_complete` panics when it cannot write.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut cmd = with_values(Cli::command());
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "supple", &mut script);
    script
}

/// The command line with what completion offers for each value: the routines by name (the
/// built-in ones and yours, as they are when the script is made), the exercises and the
/// tests by id, examples of days and times. Only for the script: the command line itself
/// still takes a routine's path, and says "did you mean" for a name it does not know.
fn with_values(cmd: clap::Command) -> clap::Command {
    use clap::builder::PossibleValuesParser;
    let routines = routine_names();
    let exercises = exercise_ids();
    let values = |values: Vec<String>| PossibleValuesParser::new(values);
    cmd.mut_subcommand("run", |c| {
        c.mut_arg("routine", |a| a.value_parser(values(routines.clone())))
    })
    .mut_subcommand("plan", |c| {
        c.mut_arg("routine", |a| a.value_parser(values(routines.clone())))
    })
    .mut_subcommand("edit", |c| {
        c.mut_arg("routine", |a| a.value_parser(values(routines.clone())))
    })
    .mut_subcommand("new", |c| {
        c.mut_arg("from", |a| a.value_parser(values(routines.clone())))
    })
    .mut_subcommand("show", |c| {
        c.mut_arg("exercise", |a| a.value_parser(values(exercises.clone())))
    })
    .mut_subcommand("figure", |c| {
        c.mut_arg("exercise", |a| a.value_parser(values(exercises.clone())))
    })
    .mut_subcommand("test", |c| {
        c.mut_arg("record", |a| {
            a.value_parser(values(
                crate::history::flex::TESTS
                    .iter()
                    .map(|t| t.id().to_string())
                    .collect(),
            ))
        })
        .mut_arg("felt", |a| {
            a.value_parser(values(
                crate::history::flex::FELT
                    .iter()
                    .map(|f| f.id().to_string())
                    .collect(),
            ))
        })
    })
    .mut_subcommand("remind", |c| {
        c.mut_arg("days", |a| {
            a.value_parser(values(
                ["mon,wed,fri", "tue,thu", "mon-fri", "weekdays", "weekends"]
                    .map(String::from)
                    .to_vec(),
            ))
        })
        .mut_arg("at", |a| {
            a.value_parser(values(
                ["07:00", "07:30", "12:30", "18:00", "21:00", "7am", "6:30pm"]
                    .map(String::from)
                    .to_vec(),
            ))
        })
    })
}

/// The routines `supple run NAME` takes: the built-in ones, then the user's.
fn routine_names() -> Vec<String> {
    let Ok(library) = crate::content::Library::builtin() else {
        return Vec::new();
    };
    let mut names: Vec<String> = crate::content::builtin_routines(&library)
        .map(|all| all.into_iter().map(|l| l.routine.name).collect())
        .unwrap_or_default();
    if let Some(dir) = crate::content::user_routine_dir() {
        for loaded in crate::content::user_routines(&dir, &library)
            .into_iter()
            .flatten()
        {
            if !names.contains(&loaded.routine.name) {
                names.push(loaded.routine.name);
            }
        }
    }
    names
}

/// The ids `supple show` and `figure` take: the exercises, then the tests' figures.
fn exercise_ids() -> Vec<String> {
    let mut ids: Vec<String> = crate::content::Library::builtin()
        .map(|l| l.exercises().iter().map(|e| e.id.clone()).collect())
        .unwrap_or_default();
    ids.extend(
        crate::flextest::guide::CHOICES
            .iter()
            .map(|c| c.figure().to_string()),
    );
    ids.dedup();
    ids
}

/// The man page, `supple.1`, in roff. clap_mangen renders each part (the synopsis, the
/// description, the options, and for each command its synopsis, description and own options);
/// one page holds them all, with the commands as subsections of COMMANDS rather than pages of
/// their own, so that `man supple` and `/history` find everything. Then come the safety note,
/// the files and the environment.
pub fn man_page(out: &mut dyn Write) -> io::Result<()> {
    let cmd = command();
    let man = Man::new(cmd.clone())
        .title("SUPPLE")
        .manual("User Commands");
    let mut title = Vec::new();
    man.render_title(&mut title)?;
    let mut page = Vec::new();
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    let mut text = String::from_utf8_lossy(&title).into_owned();
    text.push_str(&body(&String::from_utf8_lossy(&page)));
    let mut heading = Roff::default();
    heading.control("SH", ["COMMANDS"]);
    text.push_str(&body(&heading.to_roff()));
    for sub in commands(&cmd) {
        text.push_str(&command_section(sub)?);
    }
    text.push_str(&body(&closing_sections().to_roff()));
    out.write_all(ascii_roff(&text).as_bytes())
}

/// Roff in ASCII: any other character as groff's `\[uXXXX]`, which every formatter reads
/// whatever the locale (`✓` in a flag's help would otherwise need preconv).
fn ascii_roff(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\[u{:04X}]", u32::from(c))
            }
        })
        .collect()
}

/// One command as a subsection: `supple NAME`, its synopsis, its description, and the
/// options of its own (the global ones are under OPTIONS, and `--help` goes without saying).
fn command_section(sub: &clap::Command) -> io::Result<String> {
    let name = format!("supple {}", sub.get_name());
    let hidden: Vec<clap::Id> = sub
        .get_arguments()
        .filter(|a| a.is_global_set() || a.get_id() == "help")
        .map(|a| a.get_id().clone())
        .collect();
    let mut own = sub.clone().display_name(&name).bin_name(&name);
    for id in hidden {
        own = own.mut_arg(id, |a| a.hide(true));
    }
    let has_options = own.get_arguments().any(|a| !a.is_hide_set());
    let man = Man::new(own);
    let mut part = Vec::new();
    man.render_synopsis_section(&mut part)?;
    man.render_description_section(&mut part)?;
    if has_options {
        man.render_options_section(&mut part)?;
    }
    if sub.get_after_help().is_some() {
        man.render_extra_section(&mut part)?;
    }
    let mut heading = Roff::default();
    heading.control("SS", [name.as_str()]);
    let mut section = body(&heading.to_roff());
    for line in body(&String::from_utf8_lossy(&part)).lines() {
        match line.strip_prefix(".SH ") {
            // The synopsis comes first, right under the name; the description and what comes
            // after the options are paragraphs of the subsection, and the options a list.
            Some("SYNOPSIS" | "OPTIONS") => {}
            Some(_) => section.push_str(".PP\n"),
            None => {
                section.push_str(line);
                section.push('\n');
            }
        }
    }
    Ok(section)
}

/// SAFETY, FILES and ENVIRONMENT.
fn closing_sections() -> Roff {
    use crate::safety::{AIM, ASK_FIRST, GET_CARE, STOP_RULE};
    let mut roff = Roff::default();
    roff.control("SH", ["SAFETY"]);
    roff.text([roman(format!("{AIM} {STOP_RULE}"))]);
    roff.control("PP", []);
    roff.text([roman(ASK_FIRST)]);
    roff.control("PP", []);
    roff.text([roman(GET_CARE)]);
    roff.control("SH", ["FILES"]);
    for (path, what) in [
        (
            "$XDG_CONFIG_HOME/supple/config.json",
            "settings (by default ~/.config/supple/config.json); see supple config",
        ),
        (
            "$XDG_CONFIG_HOME/supple/routines/",
            "your own routines, listed by supple list",
        ),
        (
            "$XDG_DATA_HOME/supple/history.json",
            "every session and flexibility test (by default ~/.local/share/supple/history.json)",
        ),
        (
            "$XDG_DATA_HOME/supple/supple.log",
            "what the audio libraries said during a session",
        ),
    ] {
        roff.control("TP", []);
        roff.text([italic(path)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in [
        (
            "NO_COLOR",
            "set to anything but the empty string: no colour",
        ),
        (
            "LC_ALL, LC_CTYPE, LANG",
            "a locale that is not UTF-8 gets plain ASCII",
        ),
        (
            "SUPPLE_AUDIO_HOST",
            "alsa or pulseaudio: where the sound goes, instead of choosing",
        ),
        (
            "XDG_CONFIG_HOME, XDG_DATA_HOME",
            "where the settings and the history are",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "The README, for the routines, the screen, the history and the format of its files.",
    )]);
    roff
}

/// Roff text without the two lines that define the apostrophe string, which every rendered
/// part starts with; the page's first part keeps them.
fn body(roff: &str) -> String {
    roff.lines()
        .filter(|line| !line.starts_with(".ie \\n(.g .ds Aq") && !line.starts_with(".el .ds Aq"))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    /// Every example completion offers for `remind --days` and `--at` is one they take.
    #[test]
    fn reminder_examples_parse() {
        let cmd = with_values(Cli::command());
        let remind = cmd.find_subcommand("remind").expect("remind");
        let examples = |name: &str| -> Vec<String> {
            let arg = remind
                .get_arguments()
                .find(|a| a.get_id() == name)
                .expect("the flag");
            arg.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect()
        };
        let (days, times) = (examples("days"), examples("at"));
        assert!(days.len() >= 4 && times.len() >= 4, "{days:?} {times:?}");
        for day in &days {
            assert!(crate::remind::parse_days(day).is_ok(), "{day}");
        }
        for time in &times {
            assert!(crate::remind::parse_at(time).is_ok(), "{time}");
        }
    }
}
