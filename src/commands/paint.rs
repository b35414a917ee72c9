//! Minimal styling for plain command output: on for terminals, off for pipes and `NO_COLOR`.

use anstyle::{AnsiColor, Style};
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    /// Colour only when stdout is a terminal and `NO_COLOR` is unset or empty.
    pub fn for_stdout() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            enabled: !no_color && std::io::stdout().is_terminal(),
        }
    }

    pub fn plain() -> Self {
        Self { enabled: false }
    }

    fn wrap(self, style: Style, text: &str) -> String {
        if self.enabled {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    pub fn heading(self, text: &str) -> String {
        self.wrap(Style::new().bold(), text)
    }

    pub fn muted(self, text: &str) -> String {
        self.wrap(Style::new().dimmed(), text)
    }

    pub fn id(self, text: &str) -> String {
        self.wrap(AnsiColor::Cyan.on_default(), text)
    }

    /// `text` with the characters at `positions` (character indices) emphasised.
    pub fn highlight(self, text: &str, positions: &[usize]) -> String {
        if !self.enabled || positions.is_empty() {
            return text.to_owned();
        }
        let style = Style::new()
            .bold()
            .underline()
            .fg_color(Some(AnsiColor::Yellow.into()));
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
