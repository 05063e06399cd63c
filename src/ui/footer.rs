//! The footer: the keys, and whether sound is on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::ViewModel;
use crate::audio::SoundStatus;
use crate::keys;

/// How the sound state reads in the footer; `short` for narrow terminals.
/// With no device, the reason stays (muting nothing would hide it).
pub fn sound_text(vm: &ViewModel<'_>, short: bool) -> String {
    match (&vm.sound, vm.muted, short) {
        (SoundStatus::Off(_), _, true) => "no sound".into(),
        (SoundStatus::Off(reason), _, false) => format!("sound off - {reason}"),
        (_, true, _) => "muted".into(),
        (SoundStatus::On { volume }, _, _) if vm.voice => format!("voice {volume}%"),
        (SoundStatus::On { volume }, _, _) => format!("beeps {volume}%"),
        (SoundStatus::Starting, _, true) => "starting".into(),
        (SoundStatus::Starting, _, _) => "sound starting".into(),
        (SoundStatus::Bell, _, _) => "bell".into(),
    }
}

/// Columns kept for the sound state, whatever it says now ("sound off - no audio device").
const SOUND_ROOM: usize = 30;

pub struct Footer<'a>(pub &'a ViewModel<'a>);

impl Widget for Footer<'_> {
    /// The same keys in the same places whatever the sound does: as many as the width holds
    /// beside the shortest sound word, most needed first; the sound state in what is left.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let short = sound_text(vm, true);
        let compact = area.width < 80;
        let room = usize::from(area.width).saturating_sub(if compact { 10 } else { SOUND_ROOM });
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        let rows = keys::footer_rows(vm.paused, vm.ascii);
        for ((key, word), (_, other)) in rows.zip(keys::footer_rows(!vm.paused, vm.ascii)) {
            // As wide as the wider of its two words, so pausing moves nothing.
            let pad = word.len().max(other.len()) + if compact { 1 } else { 2 };
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
        } else {
            short
        };
        Line::styled(format!("{sound} "), theme.dim())
            .right_aligned()
            .render(area, buf);
    }
}
