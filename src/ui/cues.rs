//! How to do it well: the key cue first and largest, then the others, then the caution.
//! During a switch: how to change legs. During a rest: what comes next and how to prepare.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::now::leg_text;
use super::theme::Theme;
use crate::app::ViewModel;
use crate::session::Phase;

/// The lines of guidance for the current step, most important first, and the caution.
pub fn guidance(vm: &ViewModel<'_>) -> (Vec<(String, bool)>, String) {
    let ex = vm.exercise;
    let key = ex.cues.first().cloned().unwrap_or_default();
    let others = ex.cues.iter().skip(1).map(|c| (c.clone(), false));
    let same_exercise_before = vm
        .index
        .checked_sub(1)
        .and_then(|i| vm.plan.steps.get(i))
        .is_some_and(|prev| prev.exercise == vm.step.exercise);
    let lines: Vec<(String, bool)> = match vm.step.phase {
        Phase::Cardio | Phase::Dynamic | Phase::Hold => {
            std::iter::once((key, true)).chain(others).collect()
        }
        Phase::SwitchLeg => vec![
            (
                ex.switch_cue
                    .clone()
                    .unwrap_or_else(|| "Change to the other leg.".into()),
                true,
            ),
            (
                format!("Then: {}, {}", ex.name, leg_text(vm.step.side)),
                false,
            ),
            (key, false),
        ],
        Phase::Rest if same_exercise_before => vec![
            (
                "Recover: come out of the stretch, relax and breathe.".into(),
                true,
            ),
            (
                format!(
                    "Next: repetition {} of {}. {key}",
                    vm.step.rep, vm.step.reps
                ),
                false,
            ),
        ],
        Phase::GetReady | Phase::Rest => {
            let mut lines = vec![(format!("Get into position: {}", ex.name), true)];
            if !ex.needs.is_empty() {
                let needs: Vec<&str> = ex.needs.iter().map(|n| n.label()).collect();
                lines.push((format!("You need {}.", needs.join(", ")), false));
            }
            lines.push((key, false));
            lines
        }
    };
    (lines, ex.caution.clone())
}

pub struct CuesPanel<'a>(pub &'a ViewModel<'a>);

impl Widget for CuesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::new(vm.color);
        let (lines, caution) = guidance(vm);
        let caution_text = Text::from(Line::from(vec![
            Span::styled("! ", theme.caution()),
            Span::styled(caution, theme.caution()),
        ]));
        // The caution keeps its rows at the bottom; the cues fill what is above.
        let caution_rows = if area.height >= 6 {
            Paragraph::new(caution_text.clone())
                .wrap(Wrap { trim: true })
                .line_count(area.width)
                .min(3) as u16
        } else {
            0
        };
        let [cues_area, caution_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(caution_rows)]).areas(area);
        let mut text = Text::default();
        for (i, (line, key)) in lines.into_iter().enumerate() {
            if key {
                text.push_line(Line::styled(line, theme.key_cue()));
            } else {
                text.push_line(Line::from(vec![
                    Span::styled("- ", theme.dim()),
                    Span::raw(line),
                ]));
            }
            if i == 0 && cues_area.height > 6 {
                text.push_line(Line::raw(""));
            }
        }
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(cues_area, buf);
        if caution_rows > 0 {
            Paragraph::new(caution_text)
                .wrap(Wrap { trim: true })
                .render(caution_area, buf);
        }
    }
}
