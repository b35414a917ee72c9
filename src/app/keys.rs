//! Keys as the app sees them, independent of any terminal library, and the vim-style notation
//! (`<Enter>`, `<C-c>`) used by `carestudy snapshot --keys` and the help overlay.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Backspace,
    Delete,
    F(u8),
}

pub const SPACE: Key = Key::Char(' ');

/// What is wrong with a piece of key notation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyNotationError {
    /// `<Name>` names no key.
    Unknown(String),
    /// `<Name` has no closing `>`: a key name was begun and not finished.
    Unfinished(String),
}

const KNOWN_NAMES: &str = "<Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <Left> <Right> <Home> <End> \
                           <PageUp> <PageDown> <BS> <Del> <Space> <lt> <F1>..<F12> <C-x>";

impl fmt::Display for KeyNotationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyNotationError::Unknown(name) => {
                write!(f, "unknown key name <{name}> (known: {KNOWN_NAMES})")
            }
            KeyNotationError::Unfinished(name) => write!(
                f,
                "unfinished key name <{name}: end it with `>` (<{name}>), or write <lt> for a \
                 `<` typed as text"
            ),
        }
    }
}

impl std::error::Error for KeyNotationError {}

impl Key {
    /// Parses vim-style key notation: plain characters type themselves, `<Name>` names a key.
    /// A `<` that does not begin a key name is the character itself (`a<b c>`, `3<4`); one that
    /// begins a name left unfinished (`abc<Enter`) is an error rather than typed text.
    pub fn parse_sequence(text: &str) -> Result<Vec<Key>, KeyNotationError> {
        let mut keys = Vec::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if c == '<' {
                let after = &rest[1..];
                // The would-be name runs to the next `>`, `<` or space, or to the end.
                let end = after
                    .find(|c: char| c == '>' || c == '<' || c.is_whitespace())
                    .unwrap_or(after.len());
                let name = &after[..end];
                let closed = after[end..].starts_with('>');
                if closed && !name.is_empty() {
                    keys.push(Self::from_name(name)?);
                    rest = &after[end + 1..];
                    continue;
                }
                if begins_a_name(name, &after[end..]) {
                    return Err(KeyNotationError::Unfinished(name.to_owned()));
                }
            }
            keys.push(Key::Char(c));
            rest = &rest[c.len_utf8()..];
        }
        Ok(keys)
    }

    fn from_name(name: &str) -> Result<Key, KeyNotationError> {
        let lower = name.to_ascii_lowercase();
        let key = match lower.as_str() {
            "enter" | "cr" | "return" => Key::Enter,
            "esc" | "escape" => Key::Esc,
            "tab" => Key::Tab,
            "s-tab" | "backtab" => Key::BackTab,
            "up" => Key::Up,
            "down" => Key::Down,
            "left" => Key::Left,
            "right" => Key::Right,
            "home" => Key::Home,
            "end" => Key::End,
            "pageup" | "pgup" => Key::PageUp,
            "pagedown" | "pgdn" => Key::PageDown,
            "bs" | "backspace" => Key::Backspace,
            "del" | "delete" => Key::Delete,
            "space" => SPACE,
            "lt" => Key::Char('<'),
            "gt" => Key::Char('>'),
            _ => {
                if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
                    && (1..=12).contains(&n)
                {
                    return Ok(Key::F(n));
                }
                let mut chars = name.chars();
                if let (Some('c' | 'C'), Some('-'), Some(c), None) =
                    (chars.next(), chars.next(), chars.next(), chars.next())
                {
                    return Ok(Key::Ctrl(c.to_ascii_lowercase()));
                }
                return Err(KeyNotationError::Unknown(name.to_owned()));
            }
        };
        Ok(key)
    }

    /// The key in the notation `parse_sequence` reads (`j`, `<Enter>`, `<C-c>`).
    pub fn notation(self) -> String {
        match self {
            Key::Char(' ') => "<Space>".to_owned(),
            Key::Char('<') => "<lt>".to_owned(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("<C-{c}>"),
            other => format!("<{other}>"),
        }
    }
}

/// Whether `<` then `name` (followed by `next`, which is not `>`) was meant as a key name: a
/// word at the end of the text or run into another `<` (`abc<Enter`, `<Enter<Esc>`), or any
/// known key name however it ends (`<Enter y`).
fn begins_a_name(name: &str, next: &str) -> bool {
    let word = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let cut_off = next.is_empty() || next.starts_with('<');
    (word && cut_off) || (!name.is_empty() && Key::from_name(name).is_ok())
}

/// The key as a person reads it on screen: `j`, `Enter`, `Ctrl-C`, `Space`.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "Ctrl-{}", c.to_ascii_uppercase()),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("S-Tab"),
            Key::Up => f.write_str("Up"),
            Key::Down => f.write_str("Down"),
            Key::Left => f.write_str("Left"),
            Key::Right => f.write_str("Right"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::PageUp => f.write_str("PageUp"),
            Key::PageDown => f.write_str("PageDown"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Delete => f.write_str("Del"),
            Key::F(n) => write!(f, "F{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_named_keys() {
        assert_eq!(
            Key::parse_sequence("ab<Enter><S-Tab><C-c><space><F12><lt>"),
            Ok(vec![
                Key::Char('a'),
                Key::Char('b'),
                Key::Enter,
                Key::BackTab,
                Key::Ctrl('c'),
                SPACE,
                Key::F(12),
                Key::Char('<'),
            ])
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_a_character() {
        assert_eq!(
            Key::parse_sequence("a<b c>"),
            Ok("a<b c>".chars().map(Key::Char).collect())
        );
    }

    #[test]
    fn unknown_names_are_errors_that_name_them() {
        let err = Key::parse_sequence("x<Hyper>").err();
        assert_eq!(err, Some(KeyNotationError::Unknown("Hyper".to_owned())));
        assert!(
            err.map(|e| e.to_string())
                .unwrap_or_default()
                .contains("<Hyper>")
        );
        assert!(Key::parse_sequence("<F13>").is_err());
    }

    #[test]
    fn notation_round_trips() {
        for key in [
            Key::Char('q'),
            SPACE,
            Key::Enter,
            Key::Ctrl('w'),
            Key::F(3),
            Key::Char('<'),
        ] {
            assert_eq!(Key::parse_sequence(&key.notation()), Ok(vec![key]));
        }
    }

    #[test]
    fn an_unfinished_key_name_is_an_error_not_text() {
        for text in [
            "abc<Enter",
            "<Esc",
            "1<Enter<Esc>",
            "a<C-c",
            "x<Enter y",
            "<f5",
        ] {
            let message = Key::parse_sequence(text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains("unfinished"), "{text:?}: {message:?}");
            assert!(
                message.contains("<lt>"),
                "says how to type `<`: {message:?}"
            );
        }
        let message = Key::parse_sequence("abc<Enter")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("<Enter"), "names it: {message}");
        // A `<` before something that is no key name stays text.
        for text in ["a<b c>", "x < y", "3<4", "<3 care", "a<", "<<"] {
            assert_eq!(
                Key::parse_sequence(text),
                Ok(text.chars().map(Key::Char).collect()),
                "{text:?}"
            );
        }
    }
}
