//! The plan in the builder, as `supple plan` prints it: its text, its lines wrapped to the
//! screen, and scrolling through them.

use super::{Builder, Stage};
use crate::keys::Command;

impl Builder {
    /// The plan shows `rows` lines of `width` at once (set by the loop from the screen's
    /// size).
    pub fn set_plan_view(&mut self, rows: usize, width: usize) {
        self.plan_view = (rows.max(1), width.max(20));
        let last = self.last_scroll();
        if let Stage::Plan { scroll } = &mut self.stage {
            *scroll = (*scroll).min(last);
        }
    }

    /// The plan's text, as `supple plan` prints it (`None` while there are no steps).
    pub fn plan_text(&self) -> Option<String> {
        let plan = self.draft.plan()?;
        let mut out = Vec::new();
        crate::session::table::write_plan(&mut out, plan).ok()?;
        Some(String::from_utf8_lossy(&out).into_owned())
    }

    /// The plan's text in lines of at most `width` characters: a longer line is broken
    /// between words, its rest indented by two spaces.
    pub fn plan_lines(&self, width: usize) -> Vec<String> {
        let text = self.plan_text().unwrap_or_default();
        text.lines().flat_map(|line| wrap(line, width)).collect()
    }

    fn last_scroll(&self) -> usize {
        let (rows, width) = self.plan_view;
        self.plan_lines(width).len().saturating_sub(rows)
    }
    pub(super) fn on_plan(&mut self, command: Command, scroll: usize) {
        let last = self.last_scroll();
        let page = self.plan_view.0.saturating_sub(1).max(1);
        let scroll = match command {
            Command::Up => scroll.saturating_sub(1),
            Command::Down => (scroll + 1).min(last),
            Command::PreviousPage => scroll.saturating_sub(page),
            Command::NextPage => (scroll + page).min(last),
            _ => {
                self.stage = Stage::Steps;
                return;
            }
        };
        self.stage = Stage::Plan { scroll };
    }
}

/// `line` in pieces of at most `width` characters, broken between words; the pieces after
/// the first indented by two spaces. A word longer than the width is cut.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    if line.chars().count() <= width {
        return vec![line.to_string()];
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        let used = current.chars().count();
        let extra = word.chars().count() + usize::from(used > 0);
        if used > 0 && used + extra > width {
            out.push(std::mem::take(&mut current));
            current.push_str("  ");
        }
        if !current.trim().is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        while current.chars().count() > width {
            let head: String = current.chars().take(width).collect();
            let tail: String = current.chars().skip(width).collect();
            out.push(head);
            current = format!("  {tail}");
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}
