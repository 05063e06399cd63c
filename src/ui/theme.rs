//! Colours and emphasis in one place. With NO_COLOR only bold, dim and reverse are used, and
//! nothing depends on colour alone: every phase and state is also written out.
//!
//! One colour, one meaning: yellow is a caution (the stop rule), and nothing else; the left
//! leg is light cyan and the right light magenta, both legs light blue (between the two);
//! PAUSED is white (the clock stands still); a switch of leg light red; the final seconds red.

use ratatui::style::{Color, Modifier, Style};

use crate::session::{Phase, Side};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    ascii: bool,
}

/// The characters drawn besides letters: block and round ones, or plain ASCII for a terminal
/// whose locale is not UTF-8 (where the others would show as garbage).
#[derive(Debug, Clone, Copy)]
pub struct Glyphs {
    pub done: &'static str,
    pub skipped: &'static str,
    pub to_do: &'static str,
    pub reached: &'static str,
    pub dot: &'static str,
    pub more: &'static str,
    pub bar_done: &'static str,
    pub bar_to_do: &'static str,
    pub gauge: &'static str,
    pub track: &'static str,
    pub border: ratatui::symbols::border::Set<'static>,
}

const UNICODE: Glyphs = Glyphs {
    done: "●",
    skipped: "×",
    to_do: "○",
    reached: " ✓",
    dot: "·",
    more: "…",
    bar_done: "━",
    bar_to_do: "─",
    gauge: "█",
    track: "░",
    border: ratatui::symbols::border::PLAIN,
};

const ASCII: Glyphs = Glyphs {
    done: "*",
    skipped: "x",
    to_do: "o",
    reached: " ok",
    dot: "-",
    more: "~",
    bar_done: "=",
    bar_to_do: "-",
    gauge: "#",
    track: ".",
    border: ratatui::symbols::border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
};

impl Theme {
    pub fn new(color: bool) -> Self {
        Theme {
            color,
            ascii: false,
        }
    }

    /// Colour or not, and ASCII glyphs or not (screens drawn without a session's view model).
    pub fn with(color: bool, ascii: bool) -> Self {
        Theme { color, ascii }
    }

    /// No colour, ASCII glyphs.
    pub fn ascii() -> Self {
        Theme {
            color: false,
            ascii: true,
        }
    }

    /// The theme a session screen is drawn with.
    pub fn of(vm: &crate::app::ViewModel<'_>) -> Self {
        Theme {
            color: vm.color,
            ascii: vm.ascii,
        }
    }

    /// Whether the screen is drawn in plain ASCII.
    pub fn is_ascii(self) -> bool {
        self.ascii
    }

    pub fn glyphs(self) -> Glyphs {
        if self.ascii { ASCII } else { UNICODE }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn phase_color(self, phase: Phase) -> Color {
        match phase {
            Phase::GetReady => Color::Blue,
            Phase::Cardio => Color::Magenta,
            Phase::Dynamic => Color::Cyan,
            Phase::Hold => Color::Green,
            Phase::Rest => Color::Blue,
            // Not yellow, the colour of a caution.
            Phase::SwitchLeg => Color::LightRed,
        }
    }

    /// The phase badge: the phase in capitals on its colour.
    pub fn badge(self, phase: Phase) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Black).bg(self.phase_color(phase))
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    fn side_color(side: Side) -> Color {
        match side {
            Side::Left => Color::LightCyan,
            Side::Right => Color::LightMagenta,
            // Between the left's cyan and the right's magenta.
            Side::Both | Side::None => Color::LightBlue,
        }
    }

    /// The colour of the working leg's side as red, green and blue, for pictures: the leg
    /// band's colour (the bright ANSI colours as most terminals show them).
    pub fn side_rgb(side: Side) -> [u8; 3] {
        match Self::side_color(side) {
            Color::LightCyan => [85, 255, 255],
            Color::LightMagenta => [255, 85, 255],
            _ => [255, 255, 85],
        }
    }

    /// The colour of each part of a figure: the working leg in the leg's colour, the far
    /// limbs and the props quieter than the body.
    pub fn figure(self, ink: crate::pose::Ink, side: Side) -> Color {
        use crate::pose::Ink;
        if !self.color {
            return Color::Reset;
        }
        match ink {
            Ink::Floor | Ink::Prop => Color::DarkGray,
            Ink::Far => Color::Gray,
            // The terminal's own text colour: it shows on a light background too.
            Ink::Body => Color::Reset,
            Ink::Working => Self::side_color(side),
            Ink::Stretch => Color::LightRed,
            Ink::Reach => Color::LightYellow,
        }
    }

    /// The big leg letters: each leg its own colour (as well as its own place and arrow).
    pub fn leg_side(self, side: Side) -> Style {
        self.fg(Self::side_color(side)).add_modifier(Modifier::BOLD)
    }

    /// The one-row leg band of small screens: dark text on the leg's colour.
    pub fn leg_band(self, side: Side) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Black).bg(Self::side_color(side))
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn key_cue(self) -> Style {
        self.fg(Color::White).add_modifier(Modifier::BOLD)
    }

    /// The focus of an exercise, written in capitals.
    pub fn focus(self) -> Style {
        self.key_cue()
    }

    /// A caution, the stop rule first: the only thing in yellow.
    pub fn caution(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// The countdown digits: the phase colour, red in the final seconds, dim when paused.
    pub fn digits(self, phase: Phase, final_seconds: bool, paused: bool) -> Style {
        if paused {
            return self.dim();
        }
        let style = Style::new().add_modifier(Modifier::BOLD);
        match (self.color, final_seconds) {
            (true, true) => style.fg(Color::Red),
            (true, false) => style.fg(self.phase_color(phase)),
            (false, _) => style,
        }
    }

    pub fn gauge(self, phase: Phase, final_seconds: bool, paused: bool) -> Style {
        if !self.color {
            return Style::new();
        }
        let color = if paused {
            Color::DarkGray
        } else if final_seconds {
            Color::Red
        } else {
            self.phase_color(phase)
        };
        Style::new().fg(color).bg(Color::Black)
    }

    /// The words in the middle of the gauge: bold, reversed so they read on the bar and off it.
    pub fn gauge_label(self, final_seconds: bool, paused: bool) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        match (self.color, final_seconds, paused) {
            (true, true, false) => style.fg(Color::White).bg(Color::Red),
            (true, _, true) => style.fg(Color::Black).bg(Self::PAUSED),
            (true, _, _) => style.fg(Color::White).bg(Color::Black),
            (false, _, _) => style.add_modifier(Modifier::REVERSED),
        }
    }

    pub fn done(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn skipped(self) -> Style {
        self.fg(Color::Red)
    }

    /// The colour of PAUSED: white, the clock standing still (not a caution's yellow).
    const PAUSED: Color = Color::White;

    pub fn paused(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Black).bg(Self::PAUSED)
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    /// PAUSED in big letters, in place of the digits: the loudest thing on screen.
    pub fn paused_big(self) -> Style {
        self.fg(Self::PAUSED).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.dim()
    }

    /// The bordered, titled block around a panel.
    pub fn panel<'a>(
        self,
        title: impl Into<ratatui::text::Line<'a>>,
    ) -> ratatui::widgets::Block<'a> {
        ratatui::widgets::Block::bordered()
            .border_set(self.glyphs().border)
            .title(title)
            .border_style(self.border())
    }
}
