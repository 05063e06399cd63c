//! Colours and emphasis in one place. With NO_COLOR only bold, dim and reverse are used, and
//! nothing depends on colour alone: every phase and state is also written out.

use ratatui::style::{Color, Modifier, Style};

use crate::session::Phase;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Self {
        Theme { color }
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
            Phase::SwitchLeg => Color::Yellow,
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

    /// The leg being worked: the loudest text after the countdown.
    pub fn leg(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
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

    pub fn done(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn skipped(self) -> Style {
        self.fg(Color::Red)
    }

    pub fn paused(self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Black).bg(Color::Yellow)
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
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
            .title(title)
            .border_style(self.border())
    }
}
