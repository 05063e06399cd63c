//! `supple sound-test`: every cue once, named as it plays, then a spoken line.

use std::io::Write;

#[cfg(feature = "sound")]
use crate::audio;
#[cfg(feature = "sound")]
use crate::quiet::QuietStderr;

#[cfg(feature = "sound")]
use super::log_path;

/// The terminal bell at each cue, named as it rings (what a session does with `--bell` where
/// there is no sound device). The bell itself is written past `out`, which would spell it
/// out as text.
fn ring_each(out: &mut impl Write) -> anyhow::Result<bool> {
    writeln!(out, "Ringing the terminal bell for every cue instead:")?;
    for cue in crate::audio::synth::ALL {
        writeln!(out, "  {}", crate::audio::describe(cue))?;
        out.flush()?;
        let mut terminal = crate::output::stdout();
        terminal.write_all(b"\x07")?;
        terminal.flush()?;
        std::thread::sleep(std::time::Duration::from_millis(600));
    }
    Ok(true)
}

/// `supple sound-test`: every cue once, named as it plays; with `bell` and no sound device,
/// the terminal bell at each cue instead.
pub fn run(out: &mut impl Write, latency: bool, bell: bool) -> anyhow::Result<bool> {
    #[cfg(feature = "sound")]
    {
        use crate::audio::device::DevicePlayer;
        let log = log_path();
        // The audio system's messages go to the log for the whole test, not over our output.
        let _quiet = QuietStderr::to(log.as_deref())?;
        let opened = DevicePlayer::open_now(crate::settings::DEFAULT_VOLUME);
        let mut player = match opened {
            Ok(player) => player,
            Err(reason) => {
                if bell {
                    writeln!(out, "No sound: {reason}.")?;
                    return ring_each(out);
                }
                writeln!(
                    out,
                    "No sound: {reason}. Sessions run silently; --bell rings the terminal bell \
                     instead."
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
            "And the voice, as a hold starts: \"Anchor stretch. Left leg up. Twenty seconds.\""
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
            "No sound: this supple was built without sound (--no-default-features)."
        )?;
        if bell {
            return ring_each(out);
        }
        Ok(false)
    }
}
