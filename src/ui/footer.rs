//! The footer: the keys, and whether sound is on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::ViewModel;
use crate::audio::SoundStatus;
use crate::keys;

/// How the sound state reads in the footer; `short` for narrow terminals. Mute and the
/// volume show whatever the device, so `m`, `+` and `-` always answer on screen; with no
/// device, its reason stays (the long form) beside them.
pub fn sound_text(vm: &ViewModel<'_>, short: bool) -> String {
    let level = if vm.muted {
        "muted".to_string()
    } else {
        format!("{}%", vm.volume)
    };
    match (&vm.sound, short) {
        // The reason itself where it is short ("no audio device", "--no-sound").
        (SoundStatus::Off(reason), true) if reason.chars().count() <= 15 => {
            format!("{reason} {level}")
        }
        (SoundStatus::Off(_), true) => format!("no sound {level}"),
        (SoundStatus::Off(reason), false) => format!("sound off - {reason} - {level}"),
        (SoundStatus::On { .. }, _) if vm.muted => "muted".into(),
        (SoundStatus::On { volume }, _) if vm.voice => format!("voice {volume}%"),
        (SoundStatus::On { volume }, _) => format!("beeps {volume}%"),
        (SoundStatus::Starting, true) => format!("starting {level}"),
        (SoundStatus::Starting, false) => format!("sound starting - {level}"),
        (SoundStatus::Bell, _) => format!("bell {level}"),
    }
}

/// Columns kept for the sound state in its short form ("no audio device muted").
const SOUND_ROOM: usize = 22;

/// The sound state in the fewest words, below 60 columns ("off 80%", "muted").
pub fn sound_tiny(vm: &ViewModel<'_>) -> String {
    let level = if vm.muted {
        "muted".to_string()
    } else {
        format!("{}%", vm.volume)
    };
    match &vm.sound {
        SoundStatus::Off(_) => format!("off {level}"),
        SoundStatus::Bell => format!("bell {level}"),
        SoundStatus::On { .. } | SoundStatus::Starting => level,
    }
}

pub struct Footer<'a>(pub &'a ViewModel<'a>);

impl Widget for Footer<'_> {
    /// The same keys in the same places whatever the width and whatever the sound does: each
    /// key in a slot as wide as its wider word (pause or resume) and two spaces, most needed
    /// first, as many as the width holds beside the short sound state; the sound state in what
    /// is left, in full where it fits.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        // Below 80 columns one space between keys instead of two and the sound state in its
        // fewest words, so that every key still fits from 60 columns (and quitting at 40).
        let narrow = area.width < 80;
        let gap = if narrow { 1 } else { 2 };
        let room = usize::from(area.width).saturating_sub(if narrow { 10 } else { SOUND_ROOM });
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        let rows = keys::footer_rows(vm.paused, vm.ascii);
        for ((key, word), (_, other)) in rows.zip(keys::footer_rows(!vm.paused, vm.ascii)) {
            let pad = word.len().max(other.len()) + gap;
            let width = key.chars().count() + 1 + pad;
            if used + width > room {
                break;
            }
            used += width;
            spans.push(Span::styled(key, theme.key()));
            spans.push(Span::raw(format!(" {word:<pad$}")));
        }
        Line::from(spans).render(area, buf);
        let left = usize::from(area.width).saturating_sub(used + 1);
        let long = sound_text(vm, false);
        let sound = if long.chars().count() <= left {
            long
        } else if narrow {
            sound_tiny(vm)
        } else {
            sound_text(vm, true)
        };
        Line::styled(format!("{sound} "), theme.dim())
            .right_aligned()
            .render(area, buf);
    }
}
