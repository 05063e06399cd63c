//! What the coach says about safety, in one place: the aim of every stretch, the stop rule,
//! who should ask a professional first and what needs care at once; and whether the note shown
//! before the very first session or flexibility test has been read (read once, before either,
//! is read).
//!
//! The aim: ACSM's guidance stretches "to the point of tightness or slight discomfort", and a
//! review of 189 studies (Ingram et al. 2024, Sports Medicine) found that gains do not depend on
//! how intense the stretch is. So supple asks for the gentle end of that range: discomfort is a
//! limit, never a target.

use std::path::{Path, PathBuf};

macro_rules! stop_rule {
    () => {
        "Stop if the pain is sharp or shoots down the leg, or if you feel tingling or numbness."
    };
}

/// When to stop at once, during any stretch.
pub const STOP_RULE: &str = stop_rule!();

/// The aim of every stretch.
pub const AIM: &str = "Stretch to a gentle pull, never to pain.";

/// Who should ask before starting. It names situations, not diagnoses or promises.
pub const ASK_FIRST: &str = "Ask a doctor or physiotherapist before you start if you have back \
     pain that spreads into a leg, sciatica, a recent injury or operation, or if you are pregnant.";

/// The stop rule alone, in the fewest words, for a panel too short for it whole (the small
/// screen's get-ready, with what the routine needs beside it).
pub const STOP_TINY: &str = "Stop on sharp or shooting pain, tingling or numbness.";

/// The stop rule in a few words, for the holds after the first in plain mode, where a screen
/// reader says every line.
pub const STOP_SHORT: &str =
    "Gentle pull, never pain; stop on sharp or shooting pain, tingling or numbness.";

/// What needs care at once, and when to stop and ask: signs that a back needs a doctor rather
/// than a stretch (saddle numbness, a change in bladder or bowel control, a weakening leg), and
/// back pain that a session makes clearly worse.
pub const GET_CARE: &str = "Get care at once for numbness around the saddle area, a new change \
     in bladder or bowel control, or a leg that grows weak. If back pain is clearly worse during, \
     after or the next day, stop and ask before going on.";

/// What the note comes before: the heading and the word on its key say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    Session,
    Test,
}

impl Before {
    /// The note's heading.
    pub fn heading(self) -> &'static str {
        match self {
            Before::Session => "Before your first session",
            Before::Test => "Before your first test",
        }
    }
}

/// The note as text, for where there is no screen to draw it on (`supple test --record`): the
/// heading, then each part on its own line.
pub fn note_text(before: Before) -> String {
    format!(
        "supple: {}:\n  {AIM}\n  {ASK_FIRST}\n  {STOP_RULE}\n  {GET_CARE}\n  (said once; \
         `supple --help` has it too)\n",
        before.heading().to_lowercase()
    )
}

/// The caution shown during every hold and before every session: the aim and the stop rule.
pub const CAUTION: &str = concat!("Gentle pull, never pain. ", stop_rule!());

/// The safety paragraph of `supple --help`.
pub fn help_text() -> String {
    format!("Safety:\n  {AIM} {STOP_RULE}\n  {ASK_FIRST}\n  {GET_CARE}")
}

/// The file whose presence says the note before the first session or test has been read.
pub fn note_marker(data_dir: &Path) -> PathBuf {
    data_dir.join("safety-note-read")
}

/// Whether the note has been read (confirmed with a key, or printed before a plain session or
/// a recorded test).
pub fn note_read(data_dir: Option<&Path>) -> bool {
    data_dir.is_some_and(|dir| note_marker(dir).exists())
}

/// Remembers that the note has been read, so it does not come back every day. Where it cannot
/// be remembered (no home, a read-only folder), the note simply shows again next time. `today`
/// is written in the marker, for a person who finds it.
pub fn mark_note_read(data_dir: Option<&Path>, today: jiff::civil::Date) -> std::io::Result<()> {
    let Some(dir) = data_dir else {
        return Ok(());
    };
    crate::paths::create_private_dir(dir)?;
    let mut file = crate::paths::private_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(note_marker(dir))?;
    use std::io::Write;
    writeln!(
        file,
        "read on {today}: supple shows its safety note before the first session or test only"
    )
}
