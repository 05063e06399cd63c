//! The optional questions after the numbers: where the stretch was first felt, and how
//! strong it was.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::number::input_box;
use super::{rows_of, wrapped};
use crate::flextest::guide::Guide;
use crate::history::flex::FELT;
use crate::safety::STOP_RULE;
use crate::ui::bigtext::Align;
use crate::ui::theme::Theme;

pub(super) fn felt(guide: &Guide, theme: Theme, area: Rect, buf: &mut Buffer) {
    // Each line with how readily it goes where rows are short (0 never): the question, the
    // places and the stop rule stay, whole; then go the air, the skip (the footer has it) and
    // what was typed so far.
    let mut lines = vec![
        (
            0,
            Line::styled(
                "Where did you first feel the stretch? (if you like)",
                theme.focus(),
            ),
        ),
        (3, Line::raw("")),
    ];
    for (i, place) in FELT.iter().enumerate() {
        let chosen = guide.felt == Some(*place);
        lines.push((
            0,
            Line::from(vec![
                Span::styled(
                    format!("{} {} ", if chosen { ">" } else { " " }, i + 1),
                    theme.key(),
                ),
                Span::styled(format!(" {}", place.words()), theme.title()),
            ]),
        ));
    }
    lines.push((3, Line::raw("")));
    lines.push((2, Line::styled("Enter: skip this question", theme.dim())));
    lines.push((0, Line::styled(STOP_RULE, theme.caution())));
    lines.push((3, Line::raw("")));
    lines.push((1, Line::styled(so_far(guide), theme.dim())));
    for drop in [3, 2, 1] {
        let all: Vec<Line<'static>> = lines.iter().map(|(_, l)| l.clone()).collect();
        if rows_of(&all, area.width) <= area.height {
            break;
        }
        lines.retain(|(p, _)| *p != drop);
    }
    // Not trimmed: the places keep their indent.
    Paragraph::new(lines.into_iter().map(|(_, l)| l).collect::<Vec<_>>())
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// The legs typed so far: `left 28°, right 35°`.
fn so_far(guide: &Guide) -> String {
    let unit = guide.choice.test().unit().after();
    match (guide.left, guide.right, guide.both) {
        (Some(l), Some(r), _) => format!("So far: left {l}{unit}, right {r}{unit}"),
        (_, _, Some(b)) => format!("So far: both legs {b}{unit}"),
        _ => String::new(),
    }
}

pub(super) fn strength(guide: &Guide, typed: &str, theme: Theme, area: Rect, buf: &mut Buffer) {
    let question = Line::styled(
        "How strong was the stretch? 0 is nothing, 10 the strongest you can imagine (if you \
         like).",
        theme.focus(),
    );
    let hint = match &guide.problem {
        Some(problem) => Line::styled(problem.clone(), theme.caution()),
        None => Line::styled(
            "A gentle pull is about 3 to 5. Enter with nothing typed skips it.",
            theme.dim(),
        ),
    };
    let q_rows = rows_of(std::slice::from_ref(&question), area.width);
    let [q_area, digits, hint_area, rest] = Layout::vertical([
        Constraint::Length(q_rows),
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(if area.height >= 20 { 2 } else { 0 }),
    ])
    .areas(area);
    wrapped(question, q_area, buf);
    input_box(
        typed,
        "00",
        "of 10",
        "type 0 to 10, then Enter",
        Align::Center,
        theme.title(),
        theme,
        guide.ascii,
        digits,
        buf,
    );
    wrapped(hint, hint_area, buf);
    wrapped(Line::styled(so_far(guide), theme.dim()), rest, buf);
}
