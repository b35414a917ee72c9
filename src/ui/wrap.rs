//! Styled wrapping helpers shared by the panes.

use super::theme::Theme;
use crate::app::text::{Role, Text};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Wraps `text` to `width` with `first` before the first line and spaces of the same width
/// before the rest.
pub fn hanging(text: &str, width: u16, first: Span<'static>, style: Style) -> Vec<Line<'static>> {
    let indent = unicode_width::UnicodeWidthStr::width(first.content.as_ref());
    let available = usize::from(width).saturating_sub(indent).max(4);
    textwrap::wrap(text, available)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 {
                first.clone()
            } else {
                Span::raw(" ".repeat(indent))
            };
            Line::from(vec![lead, Span::styled(part.into_owned(), style)])
        })
        .collect()
}

/// Wraps plain text into lines of one style.
pub fn plain(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    textwrap::wrap(text, usize::from(width).max(4))
        .into_iter()
        .map(|part| Line::styled(part.into_owned(), style))
        .collect()
}

/// The app's wrapped lines, styled by role.
pub fn styled(text: &Text, theme: &Theme) -> Vec<Line<'static>> {
    text.lines
        .iter()
        .map(|line| {
            let mut spans = Vec::with_capacity(2);
            if !line.lead.is_empty() {
                spans.push(Span::styled(line.lead.clone(), role(line.lead_role, theme)));
            }
            spans.push(Span::styled(line.text.clone(), role(line.role, theme)));
            Line::from(spans)
        })
        .collect()
}

fn role(role: Role, theme: &Theme) -> Style {
    match role {
        Role::Plain => theme.base,
        Role::Title => theme.title,
        Role::Heading => theme.heading,
        Role::Muted => theme.muted,
        Role::Correct => theme.correct,
        Role::Wrong => theme.wrong,
    }
}
