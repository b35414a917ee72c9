//! Named styles for every role on screen. Widgets ask for a role, never a raw colour, so the
//! mono and high-contrast themes cover everything.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    Default,
    Mono,
    HighContrast,
}

impl ThemeName {
    /// The theme to use when none is asked for: mono when `NO_COLOR` is set (and not empty).
    pub fn from_environment(no_color: Option<&std::ffi::OsStr>) -> Self {
        match no_color {
            Some(value) if !value.is_empty() => ThemeName::Mono,
            _ => ThemeName::Default,
        }
    }
}

/// The themes in use: presentation mode has its own, high contrast unless a theme was chosen.
#[derive(Debug, Clone)]
pub struct Themes {
    pub app: Theme,
    pub present: Theme,
}

impl Themes {
    /// `explicit` is `--theme`; without it, `NO_COLOR` means mono everywhere, and otherwise the
    /// app is in colour and presentations are in high contrast (for projectors).
    pub fn choose(explicit: Option<ThemeName>, no_color: Option<&std::ffi::OsStr>) -> Self {
        let fallback = ThemeName::from_environment(no_color);
        let present = match (explicit, fallback) {
            (Some(name), _) => name,
            (None, ThemeName::Mono) => ThemeName::Mono,
            (None, _) => ThemeName::HighContrast,
        };
        Self {
            app: Theme::named(explicit.unwrap_or(fallback)),
            present: Theme::named(present),
        }
    }

    /// One theme for everything (tests, benchmarks).
    pub fn same(theme: Theme) -> Self {
        Self {
            present: theme.clone(),
            app: theme,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub base: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub brand: Style,
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub heading: Style,
    pub guide_row: Style,
    pub muted: Style,
    pub selected: Style,
    /// The selection in a list that does not have focus.
    pub selected_unfocused: Style,
    /// Matched characters in a search result.
    pub matched: Style,
    /// A line of a topic that a search result pointed at.
    pub line_highlight: Style,
    /// A link to another page (a topic, a guide).
    pub link: Style,
    pub correct: Style,
    pub wrong: Style,
    pub key: Style,
    pub status: Style,
    pub input: Style,
}

impl Theme {
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Default => Self::colour(),
            ThemeName::Mono => Self::mono(),
            ThemeName::HighContrast => Self::high_contrast(),
        }
    }

    pub fn colour() -> Self {
        let bold = Modifier::BOLD;
        Self {
            base: Style::new(),
            tab: Style::new().fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            brand: Style::new().fg(Color::Cyan).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focus: Style::new().fg(Color::Cyan),
            title: Style::new().fg(Color::White).add_modifier(bold),
            heading: Style::new().fg(Color::Cyan).add_modifier(bold),
            guide_row: Style::new().fg(Color::Yellow).add_modifier(bold),
            muted: Style::new().fg(Color::DarkGray),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            selected_unfocused: Style::new().bg(Color::DarkGray),
            matched: Style::new()
                .fg(Color::Yellow)
                .add_modifier(bold | Modifier::UNDERLINED),
            line_highlight: Style::new().bg(Color::Indexed(236)).fg(Color::Yellow),
            link: Style::new().fg(Color::Cyan),
            correct: Style::new().fg(Color::Green).add_modifier(bold),
            wrong: Style::new().fg(Color::Red).add_modifier(bold),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            status: Style::new().fg(Color::Gray),
            input: Style::new().fg(Color::White),
        }
    }

    /// No colour at all: meaning is carried by bold, underline, reverse and dim.
    pub fn mono() -> Self {
        let plain = Style::new();
        Self {
            base: plain,
            tab: plain,
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            brand: plain.add_modifier(Modifier::BOLD),
            border: plain,
            border_focus: plain.add_modifier(Modifier::BOLD),
            title: plain.add_modifier(Modifier::BOLD),
            heading: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            guide_row: plain.add_modifier(Modifier::BOLD),
            muted: plain.add_modifier(Modifier::DIM),
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            matched: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            line_highlight: plain.add_modifier(Modifier::BOLD),
            link: plain.add_modifier(Modifier::UNDERLINED),
            correct: plain.add_modifier(Modifier::BOLD),
            wrong: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: plain.add_modifier(Modifier::BOLD),
            status: plain,
            input: plain,
        }
    }

    /// For projectors and low vision: pure black and white plus bright signal colours.
    pub fn high_contrast() -> Self {
        let bold = Modifier::BOLD;
        let text = Style::new().fg(Color::White).bg(Color::Black);
        Self {
            base: text,
            tab: text,
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(bold),
            brand: text.fg(Color::LightYellow).add_modifier(bold),
            border: text,
            border_focus: text.fg(Color::LightYellow).add_modifier(bold),
            title: text.add_modifier(bold),
            heading: text.fg(Color::LightYellow).add_modifier(bold),
            guide_row: text.fg(Color::LightCyan).add_modifier(bold),
            muted: text,
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(bold),
            selected_unfocused: text.add_modifier(Modifier::REVERSED),
            matched: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(bold),
            line_highlight: Style::new().fg(Color::Black).bg(Color::White),
            link: text.fg(Color::LightCyan).add_modifier(Modifier::UNDERLINED),
            correct: text.fg(Color::LightGreen).add_modifier(bold),
            wrong: text.fg(Color::LightRed).add_modifier(bold),
            key: text.fg(Color::LightYellow).add_modifier(bold),
            status: text,
            input: text.add_modifier(bold),
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.border_focus
        } else {
            self.border
        }
    }

    pub fn selection(&self, focused: bool) -> Style {
        if focused {
            self.selected
        } else {
            self.selected_unfocused
        }
    }
}
