//! `supple test`: the guided flexibility test full screen, or `--record` a result measured
//! elsewhere; before the very first test, the safety note.

use std::io::{self, IsTerminal, Write};

use anyhow::{Context, bail};

use crate::history::Store;
use crate::safe_text::SafeWriter;
use crate::safety;

use super::args::TestArgs;
use super::color;

/// `supple test --record`: checks and saves a result measured elsewhere, and compares it.
/// Before the very first test, the safety note comes first, once.
/// `supple test [--record TEST ...]`.
pub fn run(
    out: &mut impl Write,
    args: &TestArgs,
    now: &jiff::ZonedDateTime,
) -> anyhow::Result<bool> {
    match args.record {
        Some(test) => record_test(
            out,
            crate::flextest::Recorded {
                test,
                left: args.left,
                right: args.right,
                both: args.both,
                felt: args.felt,
                strength: args.strength,
            },
            now,
        ),
        None => guided_test(now),
    }
}

fn record_test(
    out: &mut impl Write,
    given: crate::flextest::Recorded,
    now: &jiff::ZonedDateTime,
) -> anyhow::Result<bool> {
    let store = Store::default_location();
    let text = crate::flextest::record(store.as_ref(), given, now.clone())?;
    let data_dir = crate::paths::data_dir();
    if !safety::note_read(data_dir.as_deref()) {
        write!(out, "{}", safety::note_text(safety::Before::Test))?;
        // Printed, as plain mode prints it before a session: it does not come back.
        let _ = safety::mark_note_read(data_dir.as_deref(), now.date());
    }
    write!(out, "{text}")?;
    Ok(true)
}

/// `supple test`: the guided test, full screen. Results kept before are only read here; an
/// unreadable history is dealt with when the result is saved, as for a session.
fn guided_test(now: &jiff::ZonedDateTime) -> anyhow::Result<bool> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() || crate::term::dumb() {
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
    let data_dir = crate::paths::data_dir();
    let mut guide = crate::flextest::guide::Guide::new(kept, color(), !crate::term::utf8_locale())
        .with_note(!safety::note_read(data_dir.as_deref()));
    let mut printed = None;
    crate::tui::run_flex_test(&mut guide, now, |result| {
        let failed = |why: String| {
            format!(
                "supple: your {} was not saved: {why}\n  record it later with: supple test \
                 --record {} {}\n",
                result.test.name(),
                result.test.id(),
                crate::flextest::record_flags(result)
            )
        };
        use crate::flextest::guide::Unsaved;
        let Some(store) = store.as_ref() else {
            let why = "no home folder to keep history in".to_string();
            printed = Some(failed(why.clone()));
            return Err(Unsaved { why, kept_in: None });
        };
        let saved = match store.keep_test(result) {
            Ok(crate::history::Kept::Saved(saved)) => saved,
            Ok(crate::history::Kept::Pending { why, file }) => {
                printed = Some(crate::flextest::pending_text(result, &why, &file));
                return Err(Unsaved {
                    why: why.to_string(),
                    kept_in: Some(file),
                });
            }
            Err(lost) => {
                let why = format!(
                    "{}; nor could it be kept for later ({})",
                    lost.why, lost.pending
                );
                printed = Some(failed(why.clone()));
                return Err(Unsaved { why, kept_in: None });
            }
        };
        let kept = store.load().map(|h| h.tests).unwrap_or_default();
        printed = Some(crate::flextest::saved_text(result, &saved, &kept));
        Ok((crate::flextest::saved_where(&saved), kept))
    })
    .context("the terminal failed")?;
    // Read to its end with a key: the note does not come back, before a test or a session.
    if guide.note_read() {
        let _ = safety::mark_note_read(data_dir.as_deref(), now.date());
    }
    // What was saved stays in the scrollback; and leaving before that, a word that nothing was.
    let text = printed.unwrap_or_else(|| "supple: nothing saved from this test.\n".into());
    write!(SafeWriter::new(crate::output::stdout()), "{text}")?;
    Ok(true)
}
