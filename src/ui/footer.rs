//! The footer: the keys, and whether sound is on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::ViewModel;
use crate::audio::SoundStatus;

/// How the sound state reads in the footer; `short` for narrow terminals.
pub fn sound_text(vm: &ViewModel<'_>, short: bool) -> String {
    match (&vm.sound, vm.muted, short) {
        (_, true, _) => "muted (m)".into(),
        (SoundStatus::On { volume }, _, _) => format!("sound {volume}%"),
        (SoundStatus::Starting, _, _) => "sound starting".into(),
        (SoundStatus::Bell, _, _) => "bell".into(),
        (SoundStatus::Off(_), _, true) => "no sound".into(),
        (SoundStatus::Off(reason), _, false) => format!("sound off - {reason}"),
    }
}

pub struct Footer<'a>(pub &'a ViewModel<'a>);

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::new(vm.color);
        let sound = sound_text(vm, area.width < 80);
        let pause = if vm.paused { "resume" } else { "pause" };
        let keys = [
            ("space", pause),
            ("?", "help"),
            ("q", "quit"),
            ("→", "skip"),
            ("←", "back"),
            ("r", "restart"),
            ("m", "mute"),
        ];
        // As many keys as fit beside the sound state, most needed first.
        let room = usize::from(area.width).saturating_sub(sound.chars().count() + 2);
        let mut spans = vec![Span::raw(" ")];
        let mut used = 1;
        for (key, label) in keys {
            let width = key.chars().count() + label.len() + 3;
            if used + width > room {
                break;
            }
            used += width;
            spans.push(Span::styled(key, theme.key()));
            spans.push(Span::raw(format!(" {label}  ")));
        }
        Line::from(spans).render(area, buf);
        Line::styled(format!("{sound} "), theme.dim())
            .right_aligned()
            .render(area, buf);
    }
}
