#![forbid(unsafe_code)]

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::Parser;
use supple::app::App;
use supple::audio;
use supple::cli::{Cli, Command};
use supple::commands::{self, EXIT_INVALID};
use supple::config::{self, Settings};
use supple::content::user_routine_dir;
use supple::history::{self, LastTime, Store};
use supple::quiet::QuietStderr;
use supple::remind;
use supple::safe_text::SafeWriter;
use supple::safety;
use supple::session::{Clock, SystemClock};
use supple::tui::LastWords;

fn main() -> ExitCode {
    // Everything printed passes through these: nothing that came from a file, a flag or a
    // path can act on the terminal.
    let mut out = SafeWriter::new(io::stdout());
    let mut err = SafeWriter::new(io::stderr());
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, &mut err),
    };
    let user_dir = user_routine_dir();
    let user_dir = user_dir.as_deref();
    let result = match &cli.command {
        None => run(&cli, None, cli.plain, user_dir).map(|()| true),
        Some(Command::Run { routine, plain }) => {
            run(&cli, routine.as_deref(), *plain || cli.plain, user_dir).map(|()| true)
        }
        Some(Command::Plan {
            routine,
            why,
            figures,
        }) => {
            let settings = settings(&cli, &mut err, BadConfig::Warn);
            settings.and_then(|s| {
                let plan = resolve(routine.as_deref(), &s, user_dir)?;
                if *figures {
                    supple::show::plan_figures(&mut out, &plan, !supple::term::utf8_locale())?;
                }
                commands::write_plan(&mut out, &plan)?;
                // Suggestions only: an unreadable history is dealt with when a session is saved.
                let kept = Store::default_location()
                    .and_then(|store| store.load().ok())
                    .unwrap_or_default();
                let today = jiff::ZonedDateTime::now().date();
                let older = s.older.value;
                let history = (kept.sessions.as_slice(), kept.tests.as_slice());
                write!(
                    out,
                    "{}",
                    commands::suggestions_text(&plan, history, today, older, *why)
                )?;
                Ok(true)
            })
        }
        Some(Command::Config) => show_config(&mut out, &cli),
        Some(Command::Show { exercise }) => supple::content::Library::builtin()
            .map_err(Into::into)
            .and_then(|library| {
                supple::show::show(&mut out, exercise, &library, !supple::term::utf8_locale())
            })
            .map(|()| true),
        Some(Command::Figure {
            exercise,
            svg: _,
            png,
            width,
            output,
        }) => {
            let format = if *png {
                supple::show::Format::Png
            } else {
                supple::show::Format::Svg
            };
            // The picture's own bytes, not text: past the safe writer.
            supple::show::figure_command(
                &mut io::stdout(),
                exercise,
                format,
                *width,
                output.as_deref(),
                io::stdout().is_terminal(),
            )
            .map(|()| true)
        }
        Some(Command::Remind {
            at,
            days,
            off,
            now,
            pending,
        }) => remind(&mut out, &cli, (*at, *days), *off, *now, *pending),
        Some(Command::List) => commands::list(&mut out, &mut err, user_dir).map(|()| true),
        Some(Command::SoundTest { latency }) => sound_test(&mut out, *latency),
        Some(Command::Check { files }) => commands::check(&mut out, &mut err, files),
        Some(Command::History {
            plain,
            json,
            csv,
            tests,
            weeks,
        }) => show_history(&mut out, *plain, *json, (*csv, *tests), *weeks).map(|()| true),
        Some(Command::Test {
            record,
            left,
            right,
            both,
            felt,
            strength,
        }) => match record {
            Some(test) => record_test(
                &mut out,
                supple::flextest::Recorded {
                    test: *test,
                    left: *left,
                    right: *right,
                    both: *both,
                    felt: *felt,
                    strength: *strength,
                },
            ),
            None => guided_test(),
        },
        Some(Command::Status {
            json,
            short,
            waybar,
        }) => {
            use supple::status::{self, Form};
            let form = match (json, short, waybar) {
                (true, _, _) => Form::Json,
                (_, true, _) => Form::Short,
                (_, _, true) => Form::Waybar,
                _ => Form::Line,
            };
            let store = Store::default_location();
            let ascii = !supple::term::utf8_locale();
            status::today()
                .map_err(anyhow::Error::msg)
                .and_then(|today| {
                    status::run(&mut out, &mut err, store.as_ref(), today, form, ascii)
                        .map_err(Into::into)
                })
        }
        // Generated from supple's own definitions, not from a file or a flag: written as they
        // are (a completion script has tabs, which the safe writer would spell out).
        Some(Command::Completions { shell }) => {
            supple::generate::completions(*shell, &mut io::stdout());
            Ok(true)
        }
        Some(Command::Man) => supple::generate::man_page(&mut io::stdout())
            .map(|()| true)
            .map_err(Into::into),
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

/// Help and version as clap prints them; a usage error without colour, through `err`, since it
/// may quote what was typed.
fn usage_error(e: &clap::Error, err: &mut impl Write) -> ExitCode {
    use clap::error::ErrorKind;
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
    } else {
        let _ = write!(err, "{}", e.render());
    }
    ExitCode::from(code)
}

/// A guided session: everything that can fail on bad input is checked before the screen opens.
/// Full screen in a terminal; one line per change with `--plain`, when the output or the input
/// is not a terminal, or when the terminal cannot show the full screen (TERM=dumb).
fn run(
    cli: &Cli,
    routine: Option<&str>,
    plain: bool,
    user_dir: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let plain =
        plain || !io::stdout().is_terminal() || !io::stdin().is_terminal() || supple::term::dumb();
    let settings = settings(cli, &mut SafeWriter::new(io::stderr()), BadConfig::Ask)?;
    let plan = resolve(routine, &settings, user_dir)?;
    let store = Store::default_location();
    // Only to compare with and for the streak: an unreadable history is dealt with when this
    // session is saved.
    let started = jiff::ZonedDateTime::now();
    let kept = store.as_ref().and_then(|s| s.load().ok());
    let last_time = kept
        .as_ref()
        .and_then(|h| history::last_of(&h.sessions, &plan.name).map(LastTime::of));
    let streaks = kept
        .as_ref()
        .map(|h| history::Streaks::of(&h.sessions, started.date()));
    let week = kept
        .as_ref()
        .map(|h| history::dose::this_week(&h.sessions, started.date()).held);
    let data_dir = supple::paths::data_dir();
    let note = !safety::note_read(data_dir.as_deref());
    // From here until the session ends, what libraries print goes to the log, not the screen.
    let quiet = QuietStderr::to(log_path().as_deref()).context("cannot redirect stderr")?;
    let off = match (&settings.sound.value, &settings.sound.source) {
        (true, _) => None,
        (false, config::Source::File) => Some("off in config"),
        (false, _) => Some("--no-sound"),
    };
    let mut player = audio::session_player(off, settings.bell.value, settings.volume.value);
    let color = color();
    // Words where there is a device to say them (not with --no-sound, the bell or a silent
    // build).
    let voice = settings.voice.value && off.is_none() && cfg!(feature = "sound");
    if plain {
        write!(
            SafeWriter::new(io::stdout()),
            "{}",
            supple::plain::opening(&plan, note)
        )?;
    }
    // Terminal notifications, where the terminal understands them (never in plain mode).
    let notify = supple::notify::target(settings.notify.value, |name| std::env::var(name).ok())
        .filter(|_| !plain);
    let mut app = App::new(plan, color && !plain)
        .with_ascii(!supple::term::utf8_locale())
        .with_voice(voice, settings.count_aloud.value)
        .with_last_time(last_time)
        .with_streaks(streaks)
        .with_week(week)
        .with_notify(notify.is_some());
    let clock = SystemClock;
    let keep = commands::keep_session(store, started, last_time, week);
    let last_words = Arc::new(LastWords::new(keep));
    // A panic has already given the terminal back (ratatui's hook) and printed its message;
    // what the person did is still saved below before the panic goes on.
    if plain {
        app = app.without_summary();
    }
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if plain {
            let out = SafeWriter::new(io::stdout());
            supple::plain::run(&mut app, player.as_mut(), &clock, out, &last_words).map(Some)
        } else {
            supple::tui::run_in_terminal(
                &mut app,
                player.as_mut(),
                &clock,
                (note, notify, settings.images.value),
                &last_words,
            )
        }
    }));
    drop(quiet);
    if let Ok(Ok(None)) = ran {
        let _ = writeln!(
            SafeWriter::new(io::stdout()),
            "supple: nothing started. The note comes again before your next session; \
             `supple --help` has it too."
        );
        return Ok(());
    }
    // Read and confirmed with a key (full screen), or printed before a session that then ran
    // (plain mode, where a screen reader has said it): it does not come back every day.
    if note && matches!(ran, Ok(Ok(Some(_)))) {
        let _ = safety::mark_note_read(data_dir.as_deref());
    }
    // After a panic or a terminal error the session is still under way: it ends now, the
    // step in progress kept as far as it went. `None`: the watchdog has kept it and is ending
    // the process.
    if let Some(words) = last_words.end(app.engine(), clock.now()) {
        let _ = write!(SafeWriter::new(io::stdout()), "{words}");
    }
    match ran {
        Ok(ran) => {
            ran.context("the terminal failed")?;
            Ok(())
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The plan of `routine`, or of the configured default routine, with the settings' timing.
fn resolve(
    routine: Option<&str>,
    settings: &Settings,
    user_dir: Option<&std::path::Path>,
) -> anyhow::Result<supple::session::Plan> {
    let name = routine.unwrap_or(&settings.routine.value);
    let resolved = commands::resolve(name, user_dir, &settings.tuning());
    match (resolved, routine, &settings.routine.source) {
        (Err(e), None, config::Source::File) => Err(anyhow::Error::new(e).context(format!(
            "the config file's \"routine\" names `{name}` ({})",
            config::config_path().map_or_else(String::new, |p| p.display().to_string())
        ))),
        (resolved, _, _) => Ok(resolved?),
    }
}

/// What to do when the config file is bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BadConfig {
    /// Say so and ask whether to go on with the defaults (before a session).
    Ask,
    /// Say so and go on with the defaults.
    Warn,
}

/// The settings: flags over the config file over the defaults. A bad config file is named
/// with its fault and fix; the defaults stand in for it if the person agrees.
fn settings(cli: &Cli, err: &mut impl Write, bad: BadConfig) -> anyhow::Result<Settings> {
    let flags = cli.flags();
    let Some(path) = config::config_path() else {
        return Ok(config::resolve(None, &flags));
    };
    match config::load(&path) {
        Ok(file) => Ok(config::resolve(file.as_ref(), &flags)),
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
            Ok(config::resolve(None, &flags))
        }
    }
}

/// `supple config`: the settings in effect and where each came from.
fn show_config(out: &mut impl Write, cli: &Cli) -> anyhow::Result<bool> {
    let Some(path) = config::config_path() else {
        bail!("no home folder, so no config file");
    };
    let (file, ok) = match config::load(&path) {
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
    for line in config::resolve(file.as_ref(), &cli.flags()).lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(ok)
}

/// `supple remind`: sets, shows or removes the reminder; `--notify` is what the timer runs.
/// False when `systemctl` failed.
fn remind(
    out: &mut impl Write,
    cli: &Cli,
    (at, days): (Option<remind::At>, Option<remind::Days>),
    off: bool,
    notify: bool,
    pending: bool,
) -> anyhow::Result<bool> {
    let data_dir = supple::paths::data_dir();
    if pending {
        return remind::pending(out, data_dir.as_deref())
            .map(|()| true)
            .map_err(remind_error);
    }
    if notify {
        let today = jiff::ZonedDateTime::now().date();
        let done_today = Store::default_location()
            .and_then(|store| store.load().ok())
            .is_some_and(|h| {
                h.sessions
                    .iter()
                    .any(|s| s.counts() && s.started.date() == today)
            });
        // The length of the routine `supple` would run; a bad config is fixed when it runs.
        let plan = settings(cli, &mut io::sink(), BadConfig::Warn)
            .and_then(|s| resolve(None, &s, user_routine_dir().as_deref()))
            .ok();
        let text = remind::message(plan.as_ref().map(|p| (p.name.as_str(), p.total())));
        return remind::notify(out, &text, done_today, data_dir.as_deref())
            .map(|()| true)
            .map_err(remind_error);
    }
    let Some(places) = remind::Places::from_env() else {
        bail!("no home folder, so nowhere to keep a reminder");
    };
    let keeper = remind::detect();
    let done = match (at, off) {
        (Some(at), _) => {
            let reminder = remind::Reminder {
                at,
                days: days.unwrap_or(remind::Days::EVERY),
            };
            let exe = std::env::current_exe().context("cannot find supple's own path")?;
            remind::set(out, &places, keeper, &reminder, &exe)
        }
        (None, true) => remind::off(out, &places, keeper).map(|()| true),
        (None, false) => remind::show(out, &places, keeper).map(|()| true),
    };
    done.map_err(remind_error)
}

/// A failed write to the output stays an I/O error, so that a closed pipe ends quietly.
fn remind_error(e: remind::RemindError) -> anyhow::Error {
    match e {
        remind::RemindError::Output(e) => e.into(),
        e => e.into(),
    }
}

/// `supple history`: full screen in a terminal; text, JSON or CSV otherwise.
fn show_history(
    out: &mut impl Write,
    plain: bool,
    json: bool,
    (csv, tests): (bool, bool),
    weeks: u16,
) -> anyhow::Result<()> {
    let Some(store) = Store::default_location() else {
        bail!("no home folder, so no history");
    };
    let kept = store.load().map_err(|e| match e {
        history::HistoryError::Unreadable(why) => anyhow::anyhow!(
            "{why}\n  (supple will keep this file aside under a new name, untouched, when it \
             next saves a session)"
        ),
        other => other.into(),
    })?;
    if json {
        return Ok(history::export::json(out, &kept)?);
    }
    if csv && tests {
        return Ok(history::export::tests_csv(out, &kept)?);
    }
    if csv {
        return Ok(history::export::csv(out, &kept)?);
    }
    let today = jiff::ZonedDateTime::now().date();
    let overview = history::Overview::new(&kept.sessions, today, 7);
    let weeks = history::dose::weeks(&kept.sessions, today, weeks);
    if plain || !io::stdout().is_terminal() || !io::stdin().is_terminal() || supple::term::dumb() {
        return Ok(write!(
            out,
            "{}",
            commands::history_text(&overview, &weeks, &kept.tests, &store.path())
        )?);
    }
    let color = color();
    supple::tui::show_until_key(|frame| {
        frame.render_widget(
            supple::ui::history::HistoryView {
                overview: &overview,
                weeks: &weeks,
                tests: &kept.tests,
                color,
                ascii: !supple::term::utf8_locale(),
            },
            frame.area(),
        );
    })
    .context("the terminal failed")
}

/// `supple test --record`: checks and saves a result measured elsewhere, and compares it.
fn record_test(out: &mut impl Write, given: supple::flextest::Recorded) -> anyhow::Result<bool> {
    let store = Store::default_location();
    let text = supple::flextest::record(store.as_ref(), given, jiff::ZonedDateTime::now())?;
    write!(out, "{text}")?;
    Ok(true)
}

/// `supple test`: the guided test, full screen. Results kept before are only read here; an
/// unreadable history is dealt with when the result is saved, as for a session.
fn guided_test() -> anyhow::Result<bool> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() || supple::term::dumb() {
        bail!(
            "the guided test needs a full-screen terminal; record a result you measured with \
             `supple test --record aket --left 28 --right 35` (see `supple test --help`)"
        );
    }
    let store = Store::default_location();
    let kept = store
        .as_ref()
        .and_then(|s| s.load().ok())
        .map(|h| h.tests)
        .unwrap_or_default();
    let mut guide =
        supple::flextest::guide::Guide::new(kept, color(), !supple::term::utf8_locale());
    let mut printed = None;
    supple::tui::run_flex_test(&mut guide, |result| {
        let failed = |why: String| {
            format!(
                "supple: your {} was not saved: {why}\n  record it later with: supple test \
                 --record {} {}\n",
                result.test.name(),
                result.test.id(),
                supple::flextest::record_flags(result)
            )
        };
        let Some(store) = store.as_ref() else {
            let why = "no home folder to keep history in".to_string();
            printed = Some(failed(why.clone()));
            return Err(why);
        };
        let saved = store.add_test(result).map_err(|e| {
            printed = Some(failed(e.to_string()));
            e.to_string()
        })?;
        let kept = store.load().map(|h| h.tests).unwrap_or_default();
        printed = Some(supple::flextest::saved_text(result, &saved, &kept));
        Ok((supple::flextest::saved_where(&saved), kept))
    })
    .context("the terminal failed")?;
    // What was saved stays in the scrollback; and leaving before that, a word that nothing was.
    let text = printed.unwrap_or_else(|| "supple: nothing saved from this test.\n".into());
    write!(SafeWriter::new(io::stdout()), "{text}")?;
    Ok(true)
}

/// Where library messages go during a session: `$XDG_DATA_HOME/supple/supple.log`.
fn log_path() -> Option<std::path::PathBuf> {
    supple::paths::data_dir().map(|d| d.join("supple.log"))
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
        writeln!(
            out,
            "And the voice, as a hold starts: \"Anchor stretch. Left leg. Twenty seconds.\""
        )?;
        out.flush()?;
        player.speak_and_wait(audio::voice::sample());
        if latency {
            writeln!(
                out,
                "Again, timing each play call to the moment its first sample is played, as the \
                 audio system reports it:"
            )?;
            for (what, took) in player.measure_latency(std::time::Duration::from_millis(5000)) {
                writeln!(out, "  {:>6.1} ms  {what}", took.as_secs_f64() * 1000.0)?;
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

/// Colour unless NO_COLOR is set (to anything but the empty string).
fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Output piped into `head` and closed early is not an error worth a message.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
