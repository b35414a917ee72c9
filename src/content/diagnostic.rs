//! Located problems in guide files, printed rustc-style: `path:line:column: error: message`.

use super::sanitize::escape_for_message;
use std::fmt;

/// The path and message are guide-controlled (file and folder names, unknown keys, values), so the
/// constructors show their control characters as visible escapes: printing a diagnostic can never
/// drive the terminal or break the one-problem-a-line format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    /// 1-based line and column (in characters); `None` for problems with a folder or link.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl Diagnostic {
    pub fn at(path: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            path: escape_for_message(path).into_owned(),
            position: Some((line, column)),
            message: escaped(message.into()),
        }
    }

    pub fn whole_file(path: &str, message: impl Into<String>) -> Self {
        Self::at(path, 1, 1, message)
    }

    pub fn unlocated(path: &str, message: impl Into<String>) -> Self {
        Self {
            path: escape_for_message(path).into_owned(),
            position: None,
            message: escaped(message.into()),
        }
    }

    /// `path:line:column`, the form editors and terminals turn into links.
    pub fn location(&self) -> String {
        match self.position {
            Some((line, column)) => format!("{}:{line}:{column}", self.path),
            None => self.path.clone(),
        }
    }
}

fn escaped(message: String) -> String {
    match escape_for_message(&message) {
        std::borrow::Cow::Borrowed(_) => message,
        std::borrow::Cow::Owned(clean) => clean,
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: error: {}", self.location(), self.message)
    }
}

/// All the problems found in a set of guides; what loading returns instead of a library.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The lines of `text` split at `\n`, like `text.split('\n')` (the last may be empty), found with
/// a vectorised search: guides are short lines, and every line of every guide is looked at.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    // Each end is a `\n` byte or the end of the text, so both bounds are character boundaries.
    ends.map(move |end| {
        let line = text.get(start..end).unwrap_or_default();
        start = end + 1;
        line
    })
}

/// Maps byte offsets in a text to 1-based line and character columns.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { text, line_starts }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\ncafé x\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position("ab\ncafé ".len()), (2, 6));
        assert_eq!(index.position(1000), (3, 1));
    }

    #[test]
    fn splits_lines_like_split() {
        for text in ["", "a", "a\n", "\n\n", "one\ntwo\r\nthree", "café\n日本\n"] {
            let expected: Vec<&str> = text.split('\n').collect();
            assert_eq!(split_lines(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn displays_rustc_style() {
        let d = Diagnostic::at("content/a.md", 3, 7, "unknown key `colour`");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:7: error: unknown key `colour`"
        );
        let folder = Diagnostic::unlocated("guides/loop", "symbolic link loop");
        assert_eq!(folder.to_string(), "guides/loop: error: symbolic link loop");
    }

    #[test]
    fn paths_and_messages_cannot_drive_the_terminal() {
        let d = Diagnostic::at(
            "a\u{1b}]0;x\u{7}.md",
            1,
            1,
            "unknown key `\u{1b}[2J`\nsecond line",
        );
        assert_eq!(
            d.to_string(),
            "a\\u{1b}]0;x\\u{7}.md:1:1: error: unknown key `\\u{1b}[2J`\\u{a}second line"
        );
        let folder = Diagnostic::unlocated("dir\u{202e}", "cannot read folder");
        assert_eq!(folder.path, "dir\\u{202e}");
    }
}
