//! Styling for plain command output, in the theme's own styles (headings, muted text, ids,
//! matches): the theme chosen for the app is the theme of `list`, `show`, `search` and
//! `stats` too. On for terminals only; off for pipes, and off entirely when `NO_COLOR` chose
//! the theme.

use crate::settings::{Origin, Settings};
use crate::ui::theme::{Theme, ThemeName};
use anstyle::{AnsiColor, Effects, Style};
use ratatui::style::{Color, Modifier, Style as CellStyle};
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    enabled: bool,
    heading: Style,
    muted: Style,
    id: Style,
    matched: Style,
}

impl Paint {
    /// The settings' theme on standard output, when it is a terminal. `NO_COLOR` (when it is
    /// what chose the theme) means no styling at all, as before themes reached plain output.
    pub fn for_stdout(settings: &Settings) -> Self {
        let no_color = settings.theme.origin == Origin::Environment("NO_COLOR");
        let theme = settings.theme.value.unwrap_or(ThemeName::Default);
        Self::themed(theme, std::io::stdout().is_terminal() && !no_color)
    }

    /// The styles of `theme`, used only when `enabled`.
    pub fn themed(theme: ThemeName, enabled: bool) -> Self {
        let theme = Theme::named(theme);
        let style = |role: CellStyle| plain_style(role, theme.base);
        Self {
            enabled,
            heading: style(theme.heading),
            muted: style(theme.muted),
            id: style(theme.key),
            matched: style(theme.matched),
        }
    }

    pub fn plain() -> Self {
        Self::themed(ThemeName::Mono, false)
    }

    fn wrap(self, style: Style, text: &str) -> String {
        if self.enabled && style != Style::new() {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    pub fn heading(self, text: &str) -> String {
        self.wrap(self.heading, text)
    }

    pub fn muted(self, text: &str) -> String {
        self.wrap(self.muted, text)
    }

    pub fn id(self, text: &str) -> String {
        self.wrap(self.id, text)
    }

    /// `text` with the characters at `positions` (character indices) emphasised.
    pub fn highlight(self, text: &str, positions: &[usize]) -> String {
        if !self.enabled || positions.is_empty() || self.matched == Style::new() {
            return text.to_owned();
        }
        let style = self.matched;
        let mut out = String::new();
        let mut on = false;
        for (i, c) in text.chars().enumerate() {
            let want = positions.binary_search(&i).is_ok();
            if want != on {
                out.push_str(&if want {
                    style.render().to_string()
                } else {
                    style.render_reset().to_string()
                });
                on = want;
            }
            out.push(c);
        }
        if on {
            out.push_str(&style.render_reset().to_string());
        }
        out
    }
}

/// A theme's cell style as a style for plain text. What the style shares with the theme's
/// base (high contrast's white on black) is left out: plain output keeps the terminal's own
/// colours for ordinary text.
fn plain_style(role: CellStyle, base: CellStyle) -> Style {
    let own = |colour: Option<Color>, base: Option<Color>| colour.filter(|&c| Some(c) != base);
    let mut effects = Effects::new();
    let modifiers = role.add_modifier - role.sub_modifier;
    for (modifier, effect) in [
        (Modifier::BOLD, Effects::BOLD),
        (Modifier::DIM, Effects::DIMMED),
        (Modifier::ITALIC, Effects::ITALIC),
        (Modifier::UNDERLINED, Effects::UNDERLINE),
        (Modifier::REVERSED, Effects::INVERT),
    ] {
        if modifiers.contains(modifier) {
            effects |= effect;
        }
    }
    Style::new()
        .fg_color(own(role.fg, base.fg).and_then(ansi))
        .bg_color(own(role.bg, base.bg).and_then(ansi))
        .effects(effects)
}

/// A ratatui colour as a terminal colour (ratatui's Gray is ANSI white, DarkGray bright black).
fn ansi(colour: Color) -> Option<anstyle::Color> {
    let named = match colour {
        Color::Reset => return None,
        Color::Black => AnsiColor::Black,
        Color::Red => AnsiColor::Red,
        Color::Green => AnsiColor::Green,
        Color::Yellow => AnsiColor::Yellow,
        Color::Blue => AnsiColor::Blue,
        Color::Magenta => AnsiColor::Magenta,
        Color::Cyan => AnsiColor::Cyan,
        Color::Gray => AnsiColor::White,
        Color::DarkGray => AnsiColor::BrightBlack,
        Color::LightRed => AnsiColor::BrightRed,
        Color::LightGreen => AnsiColor::BrightGreen,
        Color::LightYellow => AnsiColor::BrightYellow,
        Color::LightBlue => AnsiColor::BrightBlue,
        Color::LightMagenta => AnsiColor::BrightMagenta,
        Color::LightCyan => AnsiColor::BrightCyan,
        Color::White => AnsiColor::BrightWhite,
        Color::Rgb(r, g, b) => return Some(anstyle::RgbColor(r, g, b).into()),
        Color::Indexed(i) => return Some(anstyle::Ansi256Color(i).into()),
    };
    Some(named.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `text` sets a foreground or background colour (SGR 30-49, 90-107, 38;/48;).
    fn has_colour(text: &str) -> bool {
        text.split('\u{1b}').skip(1).any(|seq| {
            let Some(params) = seq.strip_prefix('[').and_then(|s| s.split('m').next()) else {
                return false;
            };
            params.split(';').any(|p| {
                p.parse::<u8>()
                    .is_ok_and(|n| (30..=49).contains(&n) || (90..=107).contains(&n))
            })
        })
    }

    fn painted(theme: ThemeName) -> String {
        let paint = Paint::themed(theme, true);
        [
            paint.heading("Heading"),
            paint.muted("muted"),
            paint.id("guide/topic"),
            paint.highlight("matched", &[0, 1]),
        ]
        .concat()
    }

    #[test]
    fn mono_styles_plain_output_without_one_colour() {
        let mono = painted(ThemeName::Mono);
        assert!(mono.contains('\u{1b}'), "mono still makes headings bold");
        assert!(!has_colour(&mono), "{mono:?}");
        assert!(has_colour(&painted(ThemeName::Default)));
        assert!(has_colour(&painted(ThemeName::HighContrast)));
    }

    #[test]
    fn high_contrast_keeps_the_terminal_s_own_background_for_plain_text() {
        let paint = Paint::themed(ThemeName::HighContrast, true);
        // Muted text is the base style there: printed as it is.
        assert_eq!(paint.muted("muted"), "muted");
        assert!(!paint.heading("Heading").contains("[40m"));
    }

    #[test]
    fn off_means_not_one_escape() {
        for theme in [ThemeName::Default, ThemeName::Mono, ThemeName::HighContrast] {
            let paint = Paint::themed(theme, false);
            let text = [paint.heading("a"), paint.highlight("bc", &[1])].concat();
            assert_eq!(text, "abc");
        }
        assert_eq!(Paint::plain().id("x"), "x");
    }
}
