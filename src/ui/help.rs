//! The `?` overlay: the current pane's keys, generated from the key map the app uses.

use super::theme::Theme;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = app.keymap().help(&app.pane_contexts());
    let key_width = rows
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:>key_width$}"), theme.key),
                Span::raw("  "),
                Span::styled(*what, theme.base),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("Esc or ? closes this help", theme.muted));
    let wanted_width = lines.iter().map(Line::width).max().unwrap_or(0) + 6;
    let width = u16::try_from(wanted_width)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::bordered()
        .title(format!(
            " Keys: {} ",
            if app.present.is_some() {
                "Presentation"
            } else {
                app.pane.title()
            }
        ))
        .border_style(theme.border_focus)
        .style(theme.base)
        .padding(Padding::horizontal(2));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
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
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::bordered()
        .title(" Saved progress ")
        .border_style(theme.wrong)
        .style(theme.base)
        .padding(Padding::horizontal(2));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
