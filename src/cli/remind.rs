//! `supple remind`: sets, shows or removes the reminder; `--now` is what the timer runs.

use std::io::{self, Write};

use anyhow::{Context, bail};

use crate::content::user_routine_dir;
use crate::history::Store;
use crate::remind;

use super::args::RemindArgs;
use super::{BadConfig, Cli, load_settings, resolve};

/// `supple remind`: sets, shows or removes the reminder; `--notify` is what the timer runs.
/// False when `systemctl` failed.
pub fn run(
    out: &mut impl Write,
    cli: &Cli,
    args: &RemindArgs,
    now: &jiff::ZonedDateTime,
) -> anyhow::Result<bool> {
    let RemindArgs {
        at,
        days,
        off,
        now: notify,
        pending,
    } = *args;
    let data_dir = crate::paths::data_dir();
    if pending {
        return remind::pending(out, data_dir.as_deref())
            .map(|()| true)
            .map_err(remind_error);
    }
    if notify {
        let today = now.date();
        let done_today = Store::default_location()
            .and_then(|store| store.load().ok())
            .is_some_and(|h| {
                h.sessions
                    .iter()
                    .any(|s| s.counts() && s.started.date() == today)
            });
        // The length of the routine `supple` would run; a bad config is fixed when it runs.
        let plan = load_settings(cli, &mut io::sink(), BadConfig::Warn)
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
