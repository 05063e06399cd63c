//! The loop every front end runs: it has no frame rate, but sleeps until the next key or the
//! next instant the screen must change (from [`App::next_wake`]), handles every pending event,
//! then draws once; and it hands the app's effects to the player (the effect interpreter), and
//! the player's state back to the app. Generic over where frames go ([`Screen`]), where keys
//! come from ([`Input`]) and the clock, so tests drive it whole.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::Event as TermEvent;
use ratatui::layout::Rect;

use crate::app::{App, Effect};
use crate::audio::Player;
use crate::session::Clock;

/// The longest the loop sleeps without looking at the stop flag (a signal also wakes it).
pub const MAX_SLEEP: Duration = Duration::from_secs(1);

/// Where terminal events come from.
pub trait Input {
    /// The next event, or `None` once `timeout` has passed without one.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<TermEvent>>;
}

/// Where frames go.
pub trait Screen {
    fn area(&self) -> io::Result<Rect>;
    /// The terminal now has this size (from a Resize event).
    fn resize(&mut self, area: Rect) -> io::Result<()>;
    fn draw(&mut self, app: &App, now: std::time::Instant) -> io::Result<()>;
    /// Shows `text` as a notification, where this screen can (see `crate::notify`).
    fn notify(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
    /// Whether the last frame showed a moving figure, so that the loop wakes for its next key
    /// frame.
    fn shows_motion(&self) -> bool {
        false
    }
}

/// What the loop did, for measuring: how often it woke and how often it drew.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoopStats {
    pub wakes: u64,
    pub draws: u64,
}

/// Runs the app until it quits or `stop` is set (by a signal), with `player` making its cues
/// heard.
pub fn run_loop(
    screen: &mut impl Screen,
    input: &mut impl Input,
    clock: &impl Clock,
    app: &mut App,
    player: &mut dyn Player,
    stop: &AtomicBool,
) -> io::Result<LoopStats> {
    run_loop_with(screen, input, clock, app, player, stop, |_| {})
}

/// [`run_loop`], showing `changed` the app each time something other than the clock changed
/// it (its revision), before the frame that shows it: at most once a wake, never for the
/// passing of time alone.
pub fn run_loop_with(
    screen: &mut impl Screen,
    input: &mut impl Input,
    clock: &impl Clock,
    app: &mut App,
    player: &mut dyn Player,
    stop: &AtomicBool,
    mut changed: impl FnMut(&App),
) -> io::Result<LoopStats> {
    let mut stats = LoopStats::default();
    hand_on(app.start(clock.now()), player, screen);
    let mut needs_draw = true;
    let mut shown_revision = None;
    loop {
        let now = clock.now();
        let before = app.revision();
        hand_on(app.tick(now), player, screen);
        // A device that finished opening, or a new volume, shows in the footer.
        app.set_sound(player.status());
        needs_draw |= app.revision() != before;
        if shown_revision != Some(app.revision()) {
            shown_revision = Some(app.revision());
            changed(app);
        }
        if stop.load(Ordering::Relaxed) {
            hand_on(app.interrupt(now), player, screen);
        }
        if app.should_quit() {
            return Ok(stats);
        }
        if needs_draw {
            screen.draw(app, now)?;
            stats.draws += 1;
        }
        // A moving figure on screen wakes the loop for its next key frame as well.
        let frame_at = screen
            .shows_motion()
            .then(|| app.next_pose_frame(now))
            .flatten();
        let wake_at = match (app.next_wake(now), frame_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        // poll(2) counts whole milliseconds and the tty source truncates: round up, or the
        // loop wakes a fraction of a millisecond early and draws the same frame twice.
        let timeout = wake_at
            .map_or(MAX_SLEEP, |at| {
                ceil_millis(at.saturating_duration_since(now))
            })
            .min(MAX_SLEEP);
        stats.wakes += 1;
        let next = match input.next(timeout) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                // The terminal is gone: end the session, keeping what was done.
                hand_on(app.interrupt(clock.now()), player, screen);
                return Ok(stats);
            }
            other => other?,
        };
        needs_draw = match next {
            Some(event) => {
                // Handle this event and every one already waiting, then draw once.
                let before = app.revision();
                let mut pending = Some(event);
                while let Some(event) = pending.take() {
                    if let TermEvent::Resize(width, height) = event {
                        screen.resize(Rect::new(0, 0, width, height))?;
                    }
                    hand_on(app.handle_event(&event, clock.now()), player, screen);
                    if app.should_quit() {
                        break;
                    }
                    pending = input.next(Duration::ZERO)?;
                }
                app.revision() != before
            }
            // A timeout is the moment something on screen changes (unless it came early).
            None => wake_at.is_some_and(|at| clock.now() >= at),
        };
    }
}

/// Hands the app's effects to the player (and notifications to the screen), in the order the
/// app asked for them.
fn hand_on(effects: Vec<Effect>, player: &mut dyn Player, screen: &mut impl Screen) {
    for effect in effects {
        match effect {
            Effect::Play(cue) => player.play(cue),
            Effect::Speak(line) => player.speak(line),
            Effect::Expect(next_cue) => player.expect(next_cue),
            Effect::ChangeVolume(delta) => player.change_volume(delta),
            // A notification that cannot be written is not worth ending the session for.
            Effect::Notify(text) => {
                let _ = screen.notify(&text);
            }
        }
    }
}

/// `d` in whole milliseconds, rounded up: poll(2) counts whole milliseconds, and a wait cut
/// short by a fraction would wake before the moment it waits for.
pub fn ceil_millis(d: Duration) -> Duration {
    let ms = d.as_nanos().div_ceil(1_000_000);
    Duration::from_millis(u64::try_from(ms).unwrap_or(u64::MAX))
}
