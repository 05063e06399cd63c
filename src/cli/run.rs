//! `supple` and `supple run`: a guided session, full screen or one line per change.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;

use anyhow::Context;

use crate::app::App;
use crate::audio;
use crate::history::{self, LastTime, Store};
use crate::output;
use crate::quiet::QuietStderr;
use crate::runtime::LastWords;
use crate::safe_text::SafeWriter;
use crate::safety;
use crate::session::{Clock, SystemClock};
use crate::settings;

use super::{BadConfig, Cli, color, load_settings, log_path, resolve};

/// A guided session: everything that can fail on bad input is checked before the screen opens.
/// Full screen in a terminal; one line per change with `--plain`, when the output or the input
/// is not a terminal, or when the terminal cannot show the full screen (TERM=dumb).
pub fn run(
    cli: &Cli,
    routine: Option<&str>,
    plain: bool,
    user_dir: Option<&std::path::Path>,
    now: &jiff::ZonedDateTime,
) -> anyhow::Result<()> {
    let plain =
        plain || !io::stdout().is_terminal() || !io::stdin().is_terminal() || crate::term::dumb();
    // A routine named on the command line that does not load is said first: asking about a
    // bad config file before it would only delay the real error.
    if let Some(name) = routine {
        crate::session::resolve::resolve(name, user_dir, &Default::default())?;
    }
    let settings = load_settings(cli, &mut SafeWriter::new(io::stderr()), BadConfig::Ask)?;
    let plan = resolve(routine, &settings, user_dir)?;
    let store = Store::default_location();
    // Only to compare with and for the streak: an unreadable history is dealt with when this
    // session is saved.
    let started = now.clone();
    let kept = store.as_ref().and_then(|s| s.load().ok());
    let last_time = kept
        .as_ref()
        .and_then(|h| history::last_of(&h.sessions, &plan.name).map(LastTime::of));
    let streaks = kept
        .as_ref()
        .map(|h| history::Streaks::of(&h.sessions, started.date()));
    let week = kept.as_ref().map(|h| {
        history::dose::WeekSoFar::of(&history::dose::this_week(&h.sessions, started.date()))
    });
    let data_dir = crate::paths::data_dir();
    let note = !safety::note_read(data_dir.as_deref());
    // From here until the session ends, what libraries print goes to the log, not the screen.
    let quiet = QuietStderr::to(log_path().as_deref()).context("cannot redirect stderr")?;
    let off = match (&settings.sound.value, &settings.sound.source) {
        (true, _) => None,
        (false, settings::Source::File) => Some(audio::OFF_IN_CONFIG),
        (false, _) => Some(audio::OFF_BY_FLAG),
    };
    let mut player = audio::session_player(off, settings.bell.value, settings.volume.value);
    let color = color();
    // Words where there is a device to say them (not with --no-sound, the bell or a silent
    // build).
    let voice = settings.voice.value && off.is_none() && cfg!(feature = "sound");
    // Said once, before the session: in plain mode before the opening, and on the full
    // screen's way in, so that it stays in the scrollback.
    if let Some(line) = plan.long_hold_note() {
        writeln!(SafeWriter::new(output::stdout()), "supple: {line}")?;
    }
    if plain {
        write!(
            SafeWriter::new(output::stdout()),
            "{}",
            crate::plain::opening(&plan, note)
        )?;
    }
    // Terminal notifications, where the terminal understands them (never in plain mode).
    let notify = crate::notify::target(settings.notify.value, |name| std::env::var(name).ok())
        .filter(|_| !plain);
    let mut app = App::new(plan, color && !plain)
        .with_ascii(!crate::term::utf8_locale())
        .with_volume(settings.volume.value)
        .with_voice(voice, settings.count_aloud.value)
        .with_last_time(last_time)
        .with_streaks(streaks)
        .with_week(week)
        .with_notify(notify.is_some());
    let clock = SystemClock;
    let keep = history::report::keep_session(store, started, last_time, (streaks, week));
    let last_words = Arc::new(LastWords::new(keep));
    // A panic has already given the terminal back (ratatui's hook) and printed its message;
    // what the person did is still saved below before the panic goes on.
    if plain {
        app = app.without_summary();
    }
    let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if plain {
            let out = SafeWriter::new(output::stdout());
            crate::plain::run(&mut app, player.as_mut(), &clock, out, &last_words).map(Some)
        } else {
            crate::tui::run_in_terminal(
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
            SafeWriter::new(output::stdout()),
            "supple: nothing started. The note comes again before your next session; \
             `supple --help` has it too."
        );
        return Ok(());
    }
    // Read and confirmed with a key (full screen), or printed before a session that then ran
    // (plain mode, where a screen reader has said it): it does not come back every day.
    if note && matches!(ran, Ok(Ok(Some(_)))) {
        let _ = safety::mark_note_read(data_dir.as_deref(), now.date());
    }
    // After a panic or a terminal error the session is still under way: it ends now, the
    // step in progress kept as far as it went. `None`: the watchdog has kept it and is ending
    // the process. A record that cannot be printed does not stop what follows: `output` keeps
    // the failure, and it is said as the command exits.
    if let Some(words) = last_words.end(app.engine(), clock.now()) {
        let _ = write!(SafeWriter::new(output::stdout()), "{words}");
    }
    match ran {
        Ok(ran) => {
            ran.context("the terminal failed")?;
            Ok(())
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}
