//! `supple history`: full screen in a terminal; text, JSON or CSV otherwise.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, bail};

use crate::history::dose::{self, Week};
use crate::history::{self, Overview, Store, TestResult};

use super::args::HistoryArgs;
use super::color;

/// `supple history`: full screen in a terminal; text, JSON or CSV otherwise.
pub fn run(
    out: &mut impl Write,
    args: &HistoryArgs,
    now: &jiff::ZonedDateTime,
) -> anyhow::Result<()> {
    let HistoryArgs {
        plain,
        json,
        csv,
        tests,
        weeks,
    } = *args;
    let Some(store) = Store::default_location() else {
        bail!("no home folder, so no history");
    };
    let kept = store.load().map_err(|e| match e {
        history::HistoryError::Unreadable(why) => anyhow::anyhow!(
            "{why}\n  (supple will keep this file aside under a new name, untouched, when it \
             next saves a session)"
        ),
        other => other.into(),
    })?;
    if json {
        return Ok(history::export::json(out, &kept)?);
    }
    if csv && tests {
        return Ok(history::export::tests_csv(out, &kept)?);
    }
    if csv {
        return Ok(history::export::csv(out, &kept)?);
    }
    let today = now.date();
    let overview = history::Overview::new(&kept.sessions, today, 7);
    let weeks = history::dose::weeks(&kept.sessions, today, weeks);
    if plain || !io::stdout().is_terminal() || !io::stdin().is_terminal() || crate::term::dumb() {
        return Ok(write!(
            out,
            "{}",
            history_text(&overview, &weeks, &kept.tests, &store.path())
        )?);
    }
    let color = color();
    crate::tui::show_until_key(|frame| {
        frame.render_widget(
            crate::ui::history::HistoryView {
                overview: &overview,
                weeks: &weeks,
                tests: &kept.tests,
                color,
                ascii: !crate::term::utf8_locale(),
            },
            frame.area(),
        );
    })
    .context("the terminal failed")
}

/// `supple history --plain`: the same as the full screen, as text: the streak and this week
/// against the dose, a calendar of `weeks` (one character per day), each week's seconds per
/// leg against the dose, and the flexibility tests over time. Plain ASCII whatever the locale.
pub fn history_text(
    overview: &Overview,
    weeks: &[Week],
    tests: &[TestResult],
    path: &Path,
) -> String {
    let mut text = format!("supple history ({})\n", path.display());
    if let Some(words) = overview.nothing_yet() {
        text.push_str(&format!(
            "  {words}\n  Then this shows each day you stretched on a calendar, and each week's \
             seconds per leg against the weekly dose ({}).\n",
            dose::DOSE_RULE
        ));
        if !tests.is_empty() {
            text.push_str(&crate::flextest::tests_text(tests));
        }
        return text;
    }
    text.push_str(&format!(
        "  {}\n  ({})\n",
        overview.headline("-"),
        history::stats::STREAK_RULE
    ));
    if let Some(week) = weeks.last() {
        text.push_str(&format!(
            "  This week: {} (dose: {})\n  ({}.)\n",
            week.seconds().against_dose(),
            dose::DOSE_RULE,
            dose::ABOVE_THE_DOSE
        ));
    }
    text.push_str(&format!("  {}\n", overview.held_line()));
    if let Some(imbalance) = &overview.imbalance {
        text.push_str(&format!("  {}\n", imbalance.advice()));
    }
    text.push_str(&calendar_text(weeks, overview.first));
    text.push_str(&weekly_text(weeks));
    text.push_str(&crate::flextest::tests_text(tests));
    text
}

/// The plain calendar: a row per weekday, a column per week.
fn calendar_text(weeks: &[Week], first_session: Option<jiff::civil::Date>) -> String {
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return String::new();
    };
    let today = last.days.last().map_or(last.monday, |d| d.date);
    let mut text = format!(
        "\n  Days you stretched, the last {} week{}, {} to {}:\n  \
         (# 60 s or more on each leg, + less, . no session)\n",
        weeks.len(),
        if weeks.len() == 1 { "" } else { "s" },
        history::day_label(first.monday),
        history::day_label(today)
    );
    const COLUMN: usize = 3;
    let mut months = " ".repeat(7);
    for (i, week) in weeks.iter().enumerate() {
        let begins = week.days.iter().find(|d| d.date.day() == 1).map(|d| d.date);
        let name = match (i, begins) {
            (_, Some(date)) => date.strftime("%b").to_string(),
            (0, None)
                if !weeks
                    .get(1)
                    .is_some_and(|w| w.days.iter().any(|d| d.date.day() == 1)) =>
            {
                week.monday.strftime("%b").to_string()
            }
            _ => continue,
        };
        let at = 7 + i * COLUMN;
        if months.len() <= at {
            months.push_str(&" ".repeat(at - months.len()));
            months.push_str(&name);
        }
    }
    text.push_str(months.trim_end());
    text.push('\n');
    for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let mut line = format!("  {name}  ");
        for week in weeks {
            let cell = match week.days.get(row) {
                None => " ",
                // Days before the first session were not missed: left blank.
                Some(day) if first_session.is_none_or(|first| day.date < first) => " ",
                Some(day)
                    if day.held.left >= dose::SECONDS_PER_DAY
                        && day.held.right >= dose::SECONDS_PER_DAY =>
                {
                    "#"
                }
                Some(day) if day.sessions > 0 => "+",
                Some(_) => ".",
            };
            line.push_str(&format!("{cell:<COLUMN$}"));
        }
        if row + 1 == last.days.len() {
            line.push_str("<- today");
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// The plain weekly chart: per week, each leg's seconds as a bar, `|` marking the dose.
fn weekly_text(weeks: &[Week]) -> String {
    const DOSE_AT: u64 = 20;
    const LONGEST: u64 = 30;
    let bar = |secs: u64| -> String {
        let filled = (u128::from(secs) * u128::from(DOSE_AT) / u128::from(dose::WEEKLY_SECONDS))
            .min(u128::from(LONGEST + 1)) as u64;
        let mut bar: String = (0..LONGEST)
            .map(|i| match i {
                i if i < filled => '#',
                DOSE_AT => '|',
                _ => ' ',
            })
            .collect();
        if filled > LONGEST {
            bar.push('>');
        }
        bar
    };
    let mut text = format!(
        "\n  Seconds per week counted toward the weekly dose (up to {} s a day; {} per leg, at \
         |):\n  {:<12} {:>5} {:<31} {:>5}\n",
        dose::SECONDS_PER_DAY,
        dose::clock(dose::WEEKLY_SECONDS),
        "week of",
        "left",
        "",
        "right"
    );
    for week in weeks {
        let counted = week.counted;
        let mut line = format!(
            "  {:<12} {:>5} {:<31} {:>5} {:<31}",
            history::day_label(week.monday),
            dose::clock(counted.left),
            bar(counted.left),
            dose::clock(counted.right),
            bar(counted.right)
        );
        // What was held beyond the day's share, where there was some.
        if week.held != counted {
            line.push_str(&format!(
                " held {}, {}",
                dose::clock(week.held.left),
                dose::clock(week.held.right)
            ));
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
