//! How to do it well: the focus first and largest, then what explains it, then the cautions.
//! During a switch: how to change legs. During a rest or the get-ready: how to get into position
//! and what the routine needs. Before every session and during every hold: the stop rule.
//!
//! Each line has a rank; the panel keeps lines strictly by rank, from 0 up, and stops at the
//! first that does not fit, so a line never loses its place to one ranked below it. The stop
//! rule is rank 0 wherever it is essential; each exercise's caution comes right after the
//! focus, before any other cue, during the exercise and while getting into position for it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::bigtext::{self, Align};
use super::now::leg_text;
use super::theme::Theme;
use crate::app::ViewModel;
use crate::content::{self, Kind, Need};
use crate::safety;
use crate::session::Phase;

/// How a line of guidance looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// The focus: a few words in capitals, the loudest text of the panel.
    Focus,
    /// What to do now, in bold.
    Lead,
    /// A form cue or a detail.
    Detail,
    /// A safety line, in the caution colour, kept at the bottom of the panel.
    Caution,
}

/// One line of guidance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub text: String,
    pub emphasis: Emphasis,
    /// When space is short, the highest ranks are dropped first; 0 is kept longest.
    pub rank: u8,
    /// The same said in fewer words, for a panel too short for every essential line whole.
    pub short: Option<String>,
}

fn guide(text: impl Into<String>, emphasis: Emphasis, rank: u8) -> Guide {
    Guide {
        text: text.into(),
        emphasis,
        rank,
        short: None,
    }
}

/// Lines ranked this or lower must all be on screen when they can: where they do not fit
/// whole, the panel says them in their short words instead.
const ESSENTIAL_RANK: u8 = 2;

/// The guidance for the current step, in the order it is shown.
pub fn guidance(vm: &ViewModel<'_>) -> Vec<Guide> {
    use Emphasis::{Caution, Detail, Focus, Lead};
    let ex = vm.exercise;
    let hold = ex.kind == Kind::Hold;
    let focus = guide(&ex.focus, Focus, 1);
    let mut lines = match vm.step.phase {
        Phase::Cardio | Phase::Dynamic | Phase::Hold => {
            let mut lines = vec![focus];
            lines.extend(
                ex.cues
                    .iter()
                    .enumerate()
                    .map(|(i, cue)| guide(cue, Detail, 3 + i as u8)),
            );
            lines.push(guide(&ex.caution, Caution, 2));
            lines
        }
        Phase::SwitchLeg => vec![
            guide(
                ex.switch_cue
                    .as_deref()
                    .unwrap_or("Change to the other leg."),
                Lead,
                0,
            ),
            guide(
                format!("Then: {}, {}", ex.name, leg_text(vm.step.side)),
                Detail,
                2,
            ),
            focus,
        ],
        Phase::Rest if !vm.getting_into_position() => vec![
            guide(
                "Recover: come out of the stretch, relax and breathe.",
                Lead,
                0,
            ),
            guide(
                format!("Next: repetition {} of {}.", vm.step.rep, vm.step.reps),
                Detail,
                2,
            ),
            focus,
        ],
        Phase::GetReady | Phase::Rest => {
            // The header names the exercise too ("Next: ..."), so on a small screen the
            // caution and how to get into position come before this line.
            let mut lines = vec![guide(format!("Get into position: {}", ex.name), Lead, 4)];
            if let Some(setup) = &ex.setup {
                lines.push(guide(setup, Detail, 2));
            }
            if vm.step.phase == Phase::GetReady {
                lines.extend(routine_needs(vm));
                if vm.index == 0
                    && let Some(note) = vm.plan.long_hold_note()
                {
                    lines.push(guide(note, Detail, 1));
                }
            } else if !ex.needs.is_empty() {
                lines.push(guide(
                    format!("You need {}.", Need::list(&ex.needs)),
                    Detail,
                    5,
                ));
            }
            lines.push(Guide { rank: 6, ..focus });
            // Before the session, the stop rule and what the routine needs come first.
            let rank = if vm.step.phase == Phase::GetReady {
                3
            } else {
                1
            };
            lines.push(guide(&ex.caution, Caution, rank));
            lines
        }
    };
    // The stop rule: before every session, and with every hold (and what leads into one).
    if stop_rule_essential(vm) || hold {
        let rank = if stop_rule_essential(vm) { 0 } else { 7 };
        lines.push(Guide {
            short: Some(safety::STOP_TINY.into()),
            ..guide(safety::CAUTION, Caution, rank)
        });
    }
    lines
}

/// Whether the stop rule must be on screen now: before the session starts and during every
/// hold (whatever else gives way, and while paused too).
pub fn stop_rule_essential(vm: &ViewModel<'_>) -> bool {
    match vm.step.phase {
        Phase::Hold => true,
        Phase::GetReady => vm.index == 0,
        _ => false,
    }
}

/// The partner or equipment the routine needs, each with the routine to run without it.
fn routine_needs(vm: &ViewModel<'_>) -> Vec<Guide> {
    vm.plan
        .needs
        .iter()
        .filter(|need| need.is_special())
        .map(|need| {
            // A missing partner stops a session sooner than a missing step; either matters
            // before the first position is taken.
            let rank = if *need == Need::Partner { 1 } else { 2 };
            Guide {
                short: Some(format!("Needs {}.", need.label())),
                ..guide(
                    content::needs_line(*need, &vm.plan.instead),
                    Emphasis::Detail,
                    rank,
                )
            }
        })
        .collect()
}

/// Which lines to keep in `height` rows, each line taking `rows[i]`: by rank, from the
/// lowest. A caution, the focus or what to do now that does not fit ends the choice, so no
/// line ranked below it is ever shown in its place; a form cue that does not fit may leave
/// its room to a shorter one ranked below it.
pub fn keep_by_rank(guides: &[Guide], rows: &[u16], height: u16) -> Vec<bool> {
    let mut order: Vec<usize> = (0..guides.len()).collect();
    order.sort_by_key(|&i| guides[i].rank);
    let mut kept = vec![false; guides.len()];
    let mut used = 0u16;
    for i in order {
        let need = rows.get(i).copied().unwrap_or(u16::MAX);
        if used.saturating_add(need) > height {
            if guides[i].emphasis == Emphasis::Detail {
                continue;
            }
            break;
        }
        used += need;
        kept[i] = true;
    }
    kept
}

/// Rows of the focus in big letters (4: the font's own size, sharpest).
const BIG_FOCUS_ROWS: u16 = 4;

/// `text` broken into lines that fit `width` columns in big letters `rows` tall; `None` if a
/// single word does not fit.
fn wrap_big(text: &str, width: u16, rows: u16) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if bigtext::width(word, rows) > width {
            return None;
        }
        match lines.last_mut() {
            Some(line) if bigtext::width(&format!("{line} {word}"), rows) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    Some(lines)
}

pub struct CuesPanel<'a>(pub &'a ViewModel<'a>);

impl CuesPanel<'_> {
    fn text(guide: &Guide, theme: Theme) -> Text<'static> {
        let line = match guide.emphasis {
            Emphasis::Focus => Line::styled(guide.text.to_uppercase(), theme.focus()),
            Emphasis::Lead => Line::styled(guide.text.clone(), theme.key_cue()),
            Emphasis::Detail => Line::from(vec![
                Span::styled("- ", theme.dim()),
                Span::raw(guide.text.clone()),
            ]),
            Emphasis::Caution => Line::from(vec![
                Span::styled("! ", theme.caution()),
                Span::styled(guide.text.clone(), theme.caution()),
            ]),
        };
        Text::from(line)
    }
}

impl Widget for CuesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let vm = self.0;
        let theme = Theme::of(vm);
        let mut guides = guidance(vm);
        // On a large screen the focus grows with the digits: big letters, a line per few words.
        // Not during a switch: how to change legs is what matters then, and it stays the
        // loudest line.
        let big_focus =
            (area.height >= 18 && area.width >= 40 && vm.step.phase != Phase::SwitchLeg)
                .then(|| {
                    guides
                        .iter()
                        .find(|g| g.emphasis == Emphasis::Focus)
                        .and_then(|g| wrap_big(&g.text.to_uppercase(), area.width, BIG_FOCUS_ROWS))
                })
                .flatten();
        let measure = |guides: &[Guide]| -> Vec<(Text<'static>, u16)> {
            guides
                .iter()
                .map(|g| {
                    let text = Self::text(g, theme);
                    let rows = match (&big_focus, g.emphasis) {
                        (Some(lines), Emphasis::Focus) => lines.len() * usize::from(BIG_FOCUS_ROWS),
                        _ => Paragraph::new(text.clone())
                            .wrap(Wrap { trim: true })
                            .line_count(area.width),
                    };
                    (text, u16::try_from(rows).unwrap_or(u16::MAX))
                })
                .collect()
        };
        let fit = |guides: &[Guide], texts: &[(Text, u16)]| {
            keep_by_rank(
                guides,
                &texts.iter().map(|t| t.1).collect::<Vec<_>>(),
                area.height,
            )
        };
        let mut texts = measure(&guides);
        let mut kept = fit(&guides, &texts);
        // An essential line that did not fit whole: the lines that have short words say them
        // in those, so that every essential line is there (the stop rule, what the routine
        // needs), rather than one whole and another gone.
        let all_essential = |guides: &[Guide], kept: &[bool]| {
            guides
                .iter()
                .zip(kept)
                .all(|(g, k)| *k || g.rank > ESSENTIAL_RANK)
        };
        if !all_essential(&guides, &kept) {
            let shorter: Vec<Guide> = guides
                .iter()
                .map(|g| match &g.short {
                    Some(short) => Guide {
                        text: short.clone(),
                        ..g.clone()
                    },
                    None => g.clone(),
                })
                .collect();
            let short_texts = measure(&shorter);
            let short_kept = fit(&shorter, &short_texts);
            let count = |kept: &[bool]| kept.iter().filter(|k| **k).count();
            if all_essential(&shorter, &short_kept) || count(&short_kept) > count(&kept) {
                guides = shorter;
                texts = short_texts;
                kept = short_kept;
            }
        }
        let used: u16 = (0..guides.len())
            .filter(|&i| kept[i])
            .map(|i| texts[i].1)
            .sum();
        let spare = area.height - used;
        let mut top = area.y;
        let cautions: u16 = (0..guides.len())
            .filter(|&i| kept[i] && guides[i].emphasis == Emphasis::Caution)
            .map(|i| texts[i].1)
            .sum();
        let mut bottom = area.bottom() - cautions;
        for (i, (text, rows)) in texts.into_iter().enumerate() {
            if !kept[i] {
                continue;
            }
            let y = if guides[i].emphasis == Emphasis::Caution {
                &mut bottom
            } else {
                &mut top
            };
            let rect = Rect {
                y: *y,
                height: rows,
                ..area
            };
            match (&big_focus, guides[i].emphasis) {
                (Some(lines), Emphasis::Focus) => {
                    for (n, line) in lines.iter().enumerate() {
                        let row = Rect {
                            y: rect.y + n as u16 * BIG_FOCUS_ROWS,
                            height: BIG_FOCUS_ROWS,
                            ..rect
                        };
                        bigtext::render(
                            line,
                            BIG_FOCUS_ROWS,
                            row,
                            Align::Left,
                            theme.focus(),
                            vm.ascii,
                            buf,
                        );
                    }
                }
                _ => Paragraph::new(text)
                    .wrap(Wrap { trim: true })
                    .render(rect, buf),
            }
            *y += rows;
            // A blank row after the focus sets it apart, where there is room to spare.
            if guides[i].emphasis == Emphasis::Focus && spare > 2 {
                top += 1;
            }
        }
    }
}
