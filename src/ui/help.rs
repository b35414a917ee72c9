//! The `?` overlay: the current pane's keys, generated from the key map the app uses.

use super::theme::Theme;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = app.keymap().help(&app.pane_contexts());
    let key_width = rows
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let entries: Vec<Line> = rows
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:>key_width$}"), theme.key),
                Span::raw("  "),
                Span::styled(*what, theme.base),
            ])
        })
        .collect();
    let entry_width = entries.iter().map(Line::width).max().unwrap_or(0);
    // Two columns when one would not fit the screen's height (borders and footer take 4 rows).
    let fits_one = entries.len() + 4 <= usize::from(area.height);
    let columns = if fits_one { 1 } else { 2 };
    let per_column = entries.len().div_ceil(columns);
    let mut columns_of: Vec<Vec<Line>> = vec![Vec::new(); columns];
    for (i, entry) in entries.into_iter().enumerate() {
        columns_of[i / per_column].push(entry);
    }
    let gap = 3;
    let body_width = entry_width * columns + gap * (columns - 1);
    let width = u16::try_from(body_width + 6)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let height = u16::try_from(per_column + 4)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = super::centered(area, width, height);
    let title = if app.present.is_some() {
        "Presentation"
    } else {
        app.pane.title()
    };
    let block = Block::bordered()
        .title(format!(" Keys: {title} "))
        .border_style(theme.border_focus)
        .style(theme.base)
        .padding(Padding::horizontal(2));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let [body, _, footer] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let column_width = u16::try_from(entry_width + gap).unwrap_or(u16::MAX);
    for (i, lines) in columns_of.into_iter().enumerate() {
        let x = body.x + column_width * u16::try_from(i).unwrap_or(0);
        let column = Rect::new(
            x,
            body.y,
            column_width.min(body.right().saturating_sub(x)),
            body.height,
        );
        frame.render_widget(Paragraph::new(lines), column);
    }
    let close = Line::styled("Esc or ? closes this help", theme.muted);
    frame.render_widget(Paragraph::new(close), footer);
}

/// The saved-progress message shown once at start (a damaged file moved aside, read-only...).
pub fn draw_notice(frame: &mut Frame, area: Rect, message: &str, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(70);
    let mut lines = super::wrap::plain(message, width.saturating_sub(6), theme.base);
    lines.push(Line::raw(""));
    lines.push(Line::styled("Press any key to go on", theme.muted));
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = super::centered(area, width, height);
    let block = Block::bordered()
        .title(" Saved progress ")
        .border_style(theme.wrong)
        .style(theme.base)
        .padding(Padding::horizontal(2));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
