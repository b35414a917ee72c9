//! Wrapped text with the role each piece plays, for views that scroll (written-answer feedback,
//! mock test results): the app wraps it once, counts and pages the lines; drawing styles them
//! by role and never wraps again, so what scrolls is exactly what shows.

use super::action::Action;
use unicode_width::UnicodeWidthStr;

/// What a piece of text is, for drawing to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Plain,
    Title,
    Heading,
    Muted,
    Correct,
    Wrong,
}

/// One line on screen: an optional lead (a mark, a number) and the text after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub lead: String,
    pub lead_role: Role,
    pub text: String,
    pub role: Role,
}

/// Lines built for one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub lines: Vec<TextLine>,
    width: usize,
}

impl Text {
    pub fn new(width: u16) -> Self {
        Self {
            lines: Vec::new(),
            width: usize::from(width),
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn blank(&mut self) {
        self.line(Role::Plain, "");
    }

    /// One line as it is, however long (the view cuts it).
    pub fn line(&mut self, role: Role, text: &str) {
        self.lines.push(TextLine {
            lead: String::new(),
            lead_role: role,
            text: text.to_owned(),
            role,
        });
    }

    /// `text` wrapped to the width.
    pub fn wrapped(&mut self, role: Role, text: &str) {
        self.hanging("", role, text, role);
    }

    /// `text` wrapped after `lead`, its later lines indented by the lead's width.
    pub fn hanging(&mut self, lead: &str, lead_role: Role, text: &str, role: Role) {
        let indent = lead.width();
        for (i, part) in wrap(text, self.width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                lead.to_owned()
            } else {
                " ".repeat(indent)
            };
            self.lines.push(TextLine {
                lead,
                lead_role,
                text: part,
                role,
            });
        }
    }
}

/// `text` wrapped to `width` columns (at least 4, so a sliver of a screen still shows words).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, width.max(4))
        .into_iter()
        .map(|part| part.into_owned())
        .collect()
}

/// Where a view of `rows` rows that is scrolled to `scroll` goes for `action` (a line, a page
/// less a line of overlap, up or down), never past `max`.
pub fn scrolled(scroll: usize, action: Action, rows: u16, max: usize) -> usize {
    let page = usize::from(rows.saturating_sub(1)).max(1);
    match action {
        Action::Down | Action::ScrollDown => scroll + 1,
        Action::Up | Action::ScrollUp => scroll.saturating_sub(1),
        Action::PageDown => scroll + page,
        Action::PageUp => scroll.saturating_sub(page),
        _ => scroll,
    }
    .min(max)
}

/// How far `lines` can scroll in a window of `rows`.
pub fn max_scroll(lines: usize, rows: u16) -> usize {
    lines.saturating_sub(usize::from(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hanging_line_indents_what_wraps_under_its_lead() {
        let mut text = Text::new(12);
        text.hanging("✓ ", Role::Correct, "one two three four", Role::Plain);
        let shown: Vec<String> = text
            .lines
            .iter()
            .map(|l| format!("{}{}", l.lead, l.text))
            .collect();
        assert_eq!(shown, ["✓ one two", "  three four"]);
        text.blank();
        assert_eq!(text.len(), 3);
    }
}
