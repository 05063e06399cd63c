//! The guided `supple test`: before the very first test, the safety note; then choose a test,
//! read how to do it, type each leg's result, and optionally where the stretch was first felt
//! and how strong it was; the result is then saved and compared. This is the model only: keys in, a result to save out; `ui::flextest`
//! draws it and `tui::run_flex_test` runs it.
//!
//! Nothing is saved until the result is whole: Esc or `q` before that leaves with nothing
//! saved (and results saved before are never touched).

use crossterm::event::KeyEvent;
use jiff::ZonedDateTime;

use crate::history::change::Comparison;
use crate::history::flex::{FELT, Felt, FlexTest, Legs, MAX_STRENGTH, TestResult};
use crate::keys::{Command, Mode};
use crate::session::Side;

/// What the person can choose: the three tests, sit-and-reach both ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Aket,
    Slr,
    SitReachBoth,
    SitReachEach,
}

/// Every choice, in the order offered (the keys 1 to 4).
pub const CHOICES: [Choice; 4] = [
    Choice::Aket,
    Choice::Slr,
    Choice::SitReachBoth,
    Choice::SitReachEach,
];

impl Choice {
    pub fn test(self) -> FlexTest {
        match self {
            Choice::Aket => FlexTest::Aket,
            Choice::Slr => FlexTest::Slr,
            Choice::SitReachBoth | Choice::SitReachEach => FlexTest::SitReach,
        }
    }

    /// The legs measured in turn.
    pub fn sides(self) -> &'static [Side] {
        match self {
            Choice::SitReachBoth => &[Side::Both],
            _ => &[Side::Left, Side::Right],
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Choice::Aket => "Active knee extension",
            Choice::Slr => "Straight-leg raise",
            Choice::SitReachBoth => "Sit-and-reach, both legs",
            Choice::SitReachEach => "Sit-and-reach, one leg at a time",
        }
    }

    /// A shorter name, for narrow screens.
    pub fn short_title(self) -> &'static str {
        match self {
            Choice::Aket => "Knee extension",
            Choice::Slr => "Leg raise",
            Choice::SitReachBoth => "Sit-and-reach",
            Choice::SitReachEach => "Sit-and-reach, 1 leg",
        }
    }

    /// What it needs and measures, in a few words: the knee extension is the one to start
    /// with, and sit-and-reach is not for a back that bending forward hurts.
    pub fn summary(self) -> &'static str {
        match self {
            Choice::Aket => "short of straight, per leg; start here",
            Choice::Slr => "degrees of the raised leg, per leg",
            Choice::SitReachBoth => "cm on a tape; skip if bending hurts",
            Choice::SitReachEach => "cm per leg; skip if bending hurts",
        }
    }

    /// The id of the pose drawn beside the cues (in `content/poses.json`).
    pub fn figure(self) -> &'static str {
        match self {
            Choice::Aket => "test-aket",
            Choice::Slr => "test-slr",
            Choice::SitReachBoth => "test-sit-reach",
            Choice::SitReachEach => "test-sit-reach-one",
        }
    }

    /// How to do it, step by step, in our own words.
    pub fn cues(self) -> &'static [&'static str] {
        match self {
            Choice::Aket => &[
                "Lie on your back, the other leg flat on the floor.",
                "Hold the thigh upright with both hands behind the knee: hip at 90 degrees. \
                 Check it once with the phone along the thigh: it reads 90.",
                "Foot relaxed, straighten the knee slowly until the pull stops it; the thigh \
                 stays upright.",
                "Hold it there and read how far the lower leg is short of straight.",
            ],
            Choice::Slr => &[
                "Lie on your back, the other leg flat on the floor.",
                "Knee straight, foot relaxed, raise the leg slowly until the pull stops it, the \
                 knee starts to bend or the hip lifts.",
                "At the first tingling, numbness or pain down the leg, lower it at once.",
                "Read the angle of the leg from the floor.",
            ],
            Choice::SitReachBoth => &[
                SKIP_IF_BENDING_HURTS,
                "Sit with both legs straight, a tape measure on the floor between them, its 23 \
                 cm mark at your soles.",
                "One hand on the other, reach slowly forward along the tape; knees stay straight.",
                "Hold the farthest point for two seconds and read the mark at your fingertips.",
            ],
            Choice::SitReachEach => &[
                SKIP_IF_BENDING_HURTS,
                "Sit with the tape between your legs, its 23 cm mark at your soles; bend one knee, \
                 its foot flat beside the other knee.",
                "Reach slowly forward along the straight leg; that knee stays straight.",
                "Hold the farthest point for two seconds and read the mark at your fingertips; \
                 then the other leg.",
            ],
        }
    }

    /// How to read the result with what people have at home, alone or with a helper.
    pub fn reading(self) -> &'static str {
        match self {
            Choice::Aket => {
                "Reading it alone: strap the phone to the shin (a band or a long sock) and press \
                 its level app's hold button, or have a helper read it. 0 is a straight knee: \
                 the result is 90 minus the shin's angle from the floor."
            }
            Choice::Slr => {
                "Reading it alone: strap the phone along the front of the thigh, just above the \
                 knee, and press its level app's hold button, or have a helper read it. 0 is \
                 flat on the floor, 90 pointing at the ceiling."
            }
            Choice::SitReachBoth | Choice::SitReachEach => {
                "Reading it: the number on the tape under your fingertips; 23 is level with your \
                 toes, more is past them."
            }
        }
    }
}

/// Sit-and-reach is a rounded forward bend: not for a back that it hurts, when the knee
/// extension measures the same muscles with the back flat on the floor.
pub const SKIP_IF_BENDING_HURTS: &str = "If bending forward hurts your back, skip this one: the \
     knee extension (1) tests the same muscles with your back flat on the floor.";

/// Where the guide is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The safety note, before the very first test (on pages on a small screen): any key goes
    /// on, q, Esc or Ctrl-C leaves.
    Note { page: usize },
    /// Which test (the one highlighted).
    Choose { selected: usize },
    /// How to do it.
    HowTo,
    /// Typing the result of a leg (`Both` for sit-and-reach with both legs together).
    Enter { side: Side, typed: String },
    /// Where the stretch was first felt (optional).
    Felt,
    /// How strong it was, 0 to 10 (optional).
    Strength { typed: String },
    /// Saved: what, where, and the comparison.
    Saved {
        result: TestResult,
        comparison: Comparison,
        place: String,
    },
    /// It could not be saved; why, and where it waits when it was kept for later.
    NotSaved { result: TestResult, why: Unsaved },
}

/// Why a result could not be saved to the history, and where it waits when it was kept for
/// the next save that works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    pub why: String,
    pub kept_in: Option<std::path::PathBuf>,
}

/// The guided test.
#[derive(Debug, Clone)]
pub struct Guide {
    pub stage: Stage,
    pub choice: Choice,
    pub left: Option<u16>,
    pub right: Option<u16>,
    pub both: Option<u16>,
    pub felt: Option<Felt>,
    /// A word on the last key, when it could not be taken (a number out of range).
    pub problem: Option<String>,
    /// The results kept so far, to show the last of each test and to compare with.
    pub kept: Vec<TestResult>,
    /// The page of the how-to shown, from 0: a small screen splits it into pages.
    pub how_to_page: usize,
    /// The pages the how-to takes on the screen as it is (1 where all of it fits), set by the
    /// loop from the screen's size ([`Guide::set_how_to_pages`]).
    pub how_to_pages: usize,
    /// The pages the note takes on the screen as it is, set by the loop
    /// ([`Guide::set_note_pages`]).
    pub note_pages: usize,
    /// The note was shown and read to its end with a key.
    note_read: bool,
    pub color: bool,
    pub ascii: bool,
    quit: bool,
}

/// What the loop should do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Redraw (or nothing changed).
    Stay,
    /// Save this result, then hand back what saving did with [`Guide::saved`].
    Save(TestResult),
    /// Leave.
    Quit,
}

/// Digits one can type for a leg: 180 or 80 need three.
const MAX_DIGITS: usize = 3;

impl Guide {
    pub fn new(kept: Vec<TestResult>, color: bool, ascii: bool) -> Guide {
        Guide {
            stage: Stage::Choose { selected: 0 },
            choice: Choice::Aket,
            left: None,
            right: None,
            both: None,
            felt: None,
            problem: None,
            kept,
            how_to_page: 0,
            how_to_pages: 1,
            note_pages: 1,
            note_read: false,
            color,
            ascii,
            quit: false,
        }
    }

    /// With `note`, the safety note comes first (before the very first test).
    pub fn with_note(mut self, note: bool) -> Guide {
        if note {
            self.stage = Stage::Note { page: 0 };
        }
        self
    }

    /// Whether the safety note was shown and read to its end (so it need not come again).
    pub fn note_read(&self) -> bool {
        self.note_read
    }

    /// The note takes `pages` pages on the screen as it now is.
    pub fn set_note_pages(&mut self, pages: usize) {
        self.note_pages = pages.max(1);
        if let Stage::Note { page } = &mut self.stage {
            *page = (*page).min(self.note_pages - 1);
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The how-to takes `pages` pages on the screen as it now is (after a resize, the page shown
    /// stays within them).
    pub fn set_how_to_pages(&mut self, pages: usize) {
        self.how_to_pages = pages.max(1);
        self.how_to_page = self.how_to_page.min(self.how_to_pages - 1);
    }

    /// The latest result kept of a choice, measured the same way.
    pub fn last_of(&self, choice: Choice) -> Option<&TestResult> {
        let together = choice == Choice::SitReachBoth;
        self.kept
            .iter()
            .filter(|t| {
                t.test == choice.test() && matches!(t.legs, Legs::Together { .. }) == together
            })
            .max_by_key(|t| t.taken.timestamp())
    }

    /// Whose keys are read now (see [`crate::keys`]).
    pub fn key_mode(&self) -> Mode {
        match self.stage {
            Stage::Note { .. } => Mode::Note,
            Stage::Choose { .. } => Mode::TestChoose,
            Stage::HowTo => Mode::TestHowTo,
            Stage::Enter { .. } | Stage::Strength { .. } => Mode::TestNumber,
            Stage::Felt => Mode::TestFelt,
            Stage::Saved { .. } | Stage::NotSaved { .. } => Mode::TestDone,
        }
    }

    /// Handles a key; `now` is when a result finished now is taken.
    pub fn handle_key(&mut self, key: KeyEvent, now: &ZonedDateTime) -> Step {
        match crate::keys::command_for(self.key_mode(), &key) {
            Some(command) => self.apply(command, now),
            None => Step::Stay,
        }
    }

    /// Does what `command` asks at this stage.
    pub fn apply(&mut self, command: Command, now: &ZonedDateTime) -> Step {
        if matches!(command, Command::Leave | Command::QuitNow) {
            // After saving, any key leaves; before, nothing half typed is kept.
            self.quit = true;
            return Step::Quit;
        }
        self.problem = None;
        match &mut self.stage {
            // Any other key turns the page, and from the last one goes on to the choice.
            Stage::Note { page } => {
                if *page + 1 < self.note_pages {
                    *page += 1;
                } else {
                    self.note_read = true;
                    self.stage = Stage::Choose { selected: 0 };
                }
            }
            Stage::Choose { selected } => match command {
                Command::Up => *selected = selected.saturating_sub(1),
                Command::Down => *selected = (*selected + 1).min(CHOICES.len() - 1),
                Command::Digit(n @ 1..=4) => self.choose(usize::from(n - 1)),
                Command::Pick => {
                    let index = *selected;
                    self.choose(index);
                }
                _ => {}
            },
            // Turning the page (Enter meant "next" on the choice before) goes on from the
            // last one: ready. Back turns back, and from the first goes back to the choice.
            Stage::HowTo => {
                let more = self.how_to_page + 1 < self.how_to_pages;
                match command {
                    Command::NextPage if more => self.how_to_page += 1,
                    Command::NextPage => {
                        let side = self.choice.sides().first().copied().unwrap_or(Side::Both);
                        self.stage = Stage::Enter {
                            side,
                            typed: self.taken(side),
                        };
                    }
                    Command::PreviousPage if self.how_to_page > 0 => self.how_to_page -= 1,
                    Command::PreviousPage | Command::Back => {
                        let selected = CHOICES.iter().position(|c| *c == self.choice).unwrap_or(0);
                        self.stage = Stage::Choose { selected };
                    }
                    _ => {}
                }
            }
            Stage::Enter { side, typed } => match command {
                Command::Digit(d) if typed.len() < MAX_DIGITS => typed.push(char::from(b'0' + d)),
                Command::Erase if !typed.is_empty() => {
                    typed.pop();
                }
                Command::Erase | Command::Back => {
                    let side = *side;
                    self.back_from_leg(side);
                }
                Command::Accept => {
                    let (side, typed) = (*side, typed.clone());
                    return self.enter_leg(side, &typed);
                }
                _ => {}
            },
            Stage::Felt => match command {
                Command::Digit(n @ 1..=4) => {
                    self.felt = FELT.get(usize::from(n - 1)).copied();
                    self.stage = Stage::Strength {
                        typed: String::new(),
                    };
                }
                Command::Accept => {
                    self.felt = None;
                    self.stage = Stage::Strength {
                        typed: String::new(),
                    };
                }
                Command::Back => {
                    let last = self.choice.sides().last().copied().unwrap_or(Side::Both);
                    self.stage = Stage::Enter {
                        side: last,
                        typed: self.taken(last),
                    };
                }
                _ => {}
            },
            Stage::Strength { typed } => match command {
                Command::Digit(d) if typed.len() < 2 => typed.push(char::from(b'0' + d)),
                Command::Erase if !typed.is_empty() => {
                    typed.pop();
                }
                Command::Erase | Command::Back => self.stage = Stage::Felt,
                Command::Accept => {
                    let typed = typed.clone();
                    return self.finish(&typed, now);
                }
                _ => {}
            },
            Stage::Saved { .. } | Stage::NotSaved { .. } => {}
        }
        Step::Stay
    }

    fn choose(&mut self, index: usize) {
        if let Some(choice) = CHOICES.get(index) {
            self.choice = *choice;
            self.left = None;
            self.right = None;
            self.both = None;
            self.felt = None;
            self.how_to_page = 0;
            self.stage = Stage::HowTo;
        }
    }

    /// A leg's number taken before, as typed (empty if none): going back, or on again after
    /// going back, it is there to correct.
    fn taken(&self, side: Side) -> String {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
            _ => self.both,
        }
        .map(|n| n.to_string())
        .unwrap_or_default()
    }

    /// Back one stage from typing `side`: the leg before, with its number to correct, or the
    /// how-to (on its last page) from the first leg.
    fn back_from_leg(&mut self, side: Side) {
        let sides = self.choice.sides();
        let before = sides
            .iter()
            .position(|s| *s == side)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| sides.get(i));
        self.stage = match before {
            Some(side) => Stage::Enter {
                side: *side,
                typed: self.taken(*side),
            },
            None => {
                self.how_to_page = self.how_to_pages.saturating_sub(1);
                Stage::HowTo
            }
        };
    }

    /// Takes a leg's typed number: on to the next leg, or to the optional questions.
    fn enter_leg(&mut self, side: Side, typed: &str) -> Step {
        let test = self.choice.test();
        let Ok(value) = typed.parse::<u16>() else {
            self.problem = Some("type the number first, then Enter".into());
            return Step::Stay;
        };
        if value > test.max() {
            self.problem = Some(format!(
                "{value}{} is more than the {} can be ({}{} at most): type it again",
                test.unit().after(),
                test.name(),
                test.max(),
                test.unit().after()
            ));
            return Step::Stay;
        }
        match side {
            Side::Left => self.left = Some(value),
            Side::Right => self.right = Some(value),
            _ => self.both = Some(value),
        }
        let sides = self.choice.sides();
        let next = sides
            .iter()
            .position(|s| *s == side)
            .and_then(|i| sides.get(i + 1));
        self.stage = match next {
            Some(side) => Stage::Enter {
                side: *side,
                typed: self.taken(*side),
            },
            None => Stage::Felt,
        };
        Step::Stay
    }

    /// The optional strength taken: the whole result, to be saved.
    fn finish(&mut self, typed: &str, now: &ZonedDateTime) -> Step {
        let strength = if typed.is_empty() {
            None
        } else {
            match typed.parse::<u8>() {
                Ok(n) if n <= MAX_STRENGTH => Some(n),
                _ => {
                    self.problem = Some(format!(
                        "{typed} is past the scale: 0 (nothing) to {MAX_STRENGTH}; type it again"
                    ));
                    return Step::Stay;
                }
            }
        };
        match TestResult::new(
            now.clone(),
            self.choice.test(),
            (self.left, self.right, self.both),
            self.felt,
            strength,
        ) {
            Ok(result) => Step::Save(result),
            Err(invalid) => {
                self.problem = Some(invalid.message);
                Step::Stay
            }
        }
    }

    /// What saving did: where it went and the results kept now, or why it failed.
    pub fn saved(
        &mut self,
        result: TestResult,
        outcome: Result<(String, Vec<TestResult>), Unsaved>,
    ) {
        self.stage = match outcome {
            Ok((place, kept)) => {
                self.kept = kept;
                Stage::Saved {
                    comparison: Comparison::of(&result, &self.kept),
                    result,
                    place,
                }
            }
            Err(why) => Stage::NotSaved { result, why },
        };
    }
}
