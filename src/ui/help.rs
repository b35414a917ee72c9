//! The key help overlay, generated from the key map the app uses, and the saved-progress
//! message. Help that does not fit scrolls, and its footer says how.

use super::theme::Theme;
use crate::app::pane::hint;
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
    let entries: Vec<Line> = layout::help_lines(&rows, help.text_width)
        .into_iter()
        .map(|line| {
            Line::from(vec![
                Span::styled(
                    format!("{:>key_width$}", line.keys.unwrap_or_default()),
                    theme.key,
                ),
                Span::raw("  "),
                Span::styled(line.text, theme.base),
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

/// How to close the help, and how to scroll it when it does not fit: the parts that do not
/// fit the footer drop out whole, how far there is to go first.
fn footer(app: &App, help: &layout::Help, scroll: usize, theme: &Theme) -> Line<'static> {
    let keys = |action| app.hint_keys(&hint(action, "", 1)).unwrap_or_default();
    let mut pieces = vec![(
        vec![
            Span::styled(keys(Action::CloseOverlay), theme.key),
            Span::styled(" close", theme.muted),
        ],
        1,
    )];
    if help.max_scroll() > 0 {
        let scrolling = format!("{}/{}", keys(Action::PageDown), keys(Action::PageUp));
        pieces.push((
            vec![
                Span::raw("  "),
                Span::styled(scrolling, theme.key),
                Span::styled(" scroll", theme.muted),
            ],
            2,
        ));
        let more = match help.max_scroll().saturating_sub(scroll) {
            0 => "  (end)".to_owned(),
            n => format!("  ({n} more)"),
        };
        pieces.push((vec![Span::styled(more, theme.muted)], 3));
    }
    // The terminal still selects text while the app has the mouse, with Shift held.
    if app.mouse() {
        pieces.push((
            vec![
                Span::raw("  "),
                Span::styled("Shift-drag", theme.key),
                Span::styled(" selects text", theme.muted),
            ],
            4,
        ));
    }
    super::chrome::fitted(pieces, help.footer.width)
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
