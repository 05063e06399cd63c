//! The countdown as the screen shows it: whole seconds, rounded up; when the next one is due;
//! and the fraction of a gauge.

use std::time::Duration;

/// `part / whole`, clamped to 0..=1 (0/0 is 0: ratatui's Gauge panics on NaN).
pub fn ratio(part: Duration, whole: Duration) -> f64 {
    if whole.is_zero() {
        return 0.0;
    }
    (part.as_secs_f64() / whole.as_secs_f64()).clamp(0.0, 1.0)
}

const NANOS: u128 = 1_000_000_000;

/// How long until a countdown shown in whole seconds, rounded up, shows one less.
pub(super) fn next_whole_second_down(remaining: Duration) -> Option<Duration> {
    let r = remaining.as_nanos();
    if r == 0 {
        return None;
    }
    let target = (r - 1) / NANOS * NANOS;
    Some(nanos(r - target))
}

/// The time left as the screen shows it: whole seconds, rounded up.
pub fn shown_seconds(remaining: Duration) -> Duration {
    Duration::from_secs(remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0))
}

fn nanos(n: u128) -> Duration {
    Duration::from_nanos(u64::try_from(n).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_changes_at_whole_seconds() {
        assert_eq!(
            next_whole_second_down(Duration::from_secs(20)),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            next_whole_second_down(Duration::from_millis(19_250)),
            Some(Duration::from_millis(250))
        );
        assert_eq!(next_whole_second_down(Duration::ZERO), None);
    }

    #[test]
    fn the_gauge_moves_with_the_seconds_shown() {
        assert_eq!(
            shown_seconds(Duration::from_millis(19_001)),
            Duration::from_secs(20)
        );
        assert_eq!(
            shown_seconds(Duration::from_secs(19)),
            Duration::from_secs(19)
        );
        assert_eq!(ratio(Duration::ZERO, Duration::ZERO), 0.0);
    }
}
