//! The key help overlay, generated from the key map the app uses, and the saved-progress
//! message. Help that does not fit scrolls, and its footer says how.

use super::theme::Theme;
use crate::app::{Action, App, Screen};
use crate::app::{Mode, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

pub fn draw(frame: &mut Frame, app: &App, scroll: usize, theme: &Theme) {
    let rows = app.help_rows();
    let help = app.help_layout();
    let key_width = help.key_width;
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
    let title = match app.mode() {
        Mode::Showing {
            screen: Screen::Presentation,
            ..
        } => "Presentation",
        _ => app.pane().title(),
    };
    let block = Block::bordered()
        .title(format!(" Keys: {title} "))
        .border_style(theme.border_focus)
        .style(theme.base)
        .padding(Padding::horizontal(2));
    frame.render_widget(Clear, help.popup);
    frame.render_widget(block, help.popup);
    let scroll = scroll.min(help.max_scroll());
    let body = help.body;
    for (i, column) in entries.chunks(help.per_column.max(1)).enumerate() {
        let x = body.x + help.column_width * u16::try_from(i).unwrap_or(0);
        let area = Rect::new(
            x,
            body.y,
            help.column_width.min(body.right().saturating_sub(x)),
            body.height,
        );
        let shown: Vec<Line> = column.iter().skip(scroll).cloned().collect();
        frame.render_widget(Paragraph::new(shown), area);
    }
    frame.render_widget(
        Paragraph::new(footer(app, &help, scroll, theme)),
        help.footer,
    );
}

/// How to close the help, and how to scroll it when it does not fit.
fn footer(app: &App, help: &layout::Help, scroll: usize, theme: &Theme) -> Line<'static> {
    let mut spans = vec![
        Span::styled(app.key_names(Action::CloseOverlay), theme.key),
        Span::styled(" close", theme.muted),
    ];
    let below = help.max_scroll() - scroll;
    if help.max_scroll() > 0 {
        let down = app.hint_keys(&crate::app::pane::hint(Action::PageDown, "", 1));
        let up = app.hint_keys(&crate::app::pane::hint(Action::PageUp, "", 1));
        let more = match below {
            0 => "  (end) ".to_owned(),
            n => format!("  ({n} more) "),
        };
        spans.push(Span::styled(more, theme.muted));
        spans.push(Span::styled(
            format!("{}/{}", down.unwrap_or_default(), up.unwrap_or_default()),
            theme.key,
        ));
        spans.push(Span::styled(" scroll", theme.muted));
    }
    Line::from(spans)
}

/// The saved-progress message shown once at start (a damaged file moved aside, read-only...).
pub fn draw_notice(frame: &mut Frame, area: Rect, message: &str, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(70);
    let mut lines = super::wrap::plain(message, width.saturating_sub(6), theme.base);
    lines.push(Line::raw(""));
    lines.push(Line::styled("Press any key to go on", theme.muted));
    super::popup(
        frame,
        area,
        width,
        "Saved progress",
        theme.wrong,
        lines,
        theme,
    );
}
