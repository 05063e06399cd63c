//! The lines at the top: the streak, this week against the dose, what lies above the dose,
//! and the advice when one leg fell behind.

use ratatui::text::{Line, Span};

use super::HistoryView;
use crate::history::dose::{self, DOSE_RULE, WEEKLY_SECONDS};
use crate::session::Side;

impl HistoryView<'_> {
    /// The streak, sessions this week and in all.
    pub(super) fn headline(&self, width: u16) -> Line<'static> {
        let o = self.overview;
        let theme = self.theme();
        let dot = theme.glyphs().dot;
        let days = if o.streak == 1 { "day" } else { "days" };
        Self::fit(
            vec![
                Line::styled(o.headline(dot), theme.title()),
                Line::styled(
                    format!(
                        "Streak {} {days} {dot} {} this week {dot} {} in all",
                        o.streak, o.this_week, o.total
                    ),
                    theme.title(),
                ),
                Line::styled(
                    format!("Streak {} {days} {dot} {} in all", o.streak, o.total),
                    theme.title(),
                ),
            ],
            width,
        )
    }

    /// This week's seconds per leg against the dose (a day counting at most its share), and
    /// what was held where that is more.
    pub(super) fn dose_line(&self, width: u16) -> Line<'static> {
        let Some(week) = self.weeks.last() else {
            return Line::default();
        };
        let theme = self.theme();
        let dot = theme.glyphs().dot;
        let target = dose::clock(WEEKLY_SECONDS);
        let leg = |side: Side, secs: u64, long: bool| {
            let name = if side == Side::Left { "left" } else { "right" };
            let text = if long {
                format!("{name} {} of {target}", dose::clock(secs))
            } else {
                format!("{} {}", &name[..1].to_uppercase(), dose::clock(secs))
            };
            Span::styled(text, self.leg_style(side))
        };
        let reached = if week.reached() {
            theme.glyphs().reached
        } else {
            ""
        };
        let more = week.held != week.counted;
        let line = |long: bool, held: bool, rule: bool| {
            let mut spans = vec![
                Span::styled("This week: ", theme.title()),
                leg(Side::Left, week.counted.left, long),
                Span::raw(format!(" {dot} ")),
                leg(Side::Right, week.counted.right, long),
            ];
            if !long {
                spans.push(Span::raw(format!(" of {target}")));
            }
            if more {
                spans.push(Span::raw(" counted"));
            }
            spans.push(Span::styled(reached, theme.done()));
            if more && held {
                spans.push(Span::styled(
                    format!(
                        " (held {} {dot} {}; up to {} s a day counts)",
                        dose::clock(week.held.left),
                        dose::clock(week.held.right),
                        dose::SECONDS_PER_DAY
                    ),
                    theme.dim(),
                ));
            }
            if rule {
                spans.push(Span::styled(format!("  (dose: {DOSE_RULE})"), theme.dim()));
            }
            Line::from(spans)
        };
        Self::fit(
            vec![
                line(true, true, true),
                line(true, true, false),
                line(true, false, false),
                line(false, false, false),
            ],
            width,
        )
    }

    /// What lies above the dose, in the fewest words that fit.
    pub(super) fn above_line(&self, width: u16) -> Line<'static> {
        let theme = self.theme();
        let most = dose::clock(dose::MOST_GAIN_SECONDS);
        Self::fit(
            vec![
                Line::styled(
                    format!(
                        "The dose is a floor: gains grew up to about {most} a week per leg, and \
                         no further (Ingram et al. 2024)"
                    ),
                    theme.dim(),
                ),
                Line::styled(
                    format!("Gains grew up to about {most} a week, no further (Ingram 2024)"),
                    theme.dim(),
                ),
                Line::styled(
                    format!("Most gain by {most} a week (Ingram 2024)"),
                    theme.dim(),
                ),
            ],
            width,
        )
    }

    /// The leg balance over the last two weeks, when one leg fell behind.
    pub(super) fn advice(&self) -> Option<Line<'static>> {
        self.overview
            .imbalance
            .as_ref()
            .map(|i| Line::styled(i.advice(), self.theme().caution()))
    }
}
