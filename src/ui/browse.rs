//! Browse: the guides and their topics on the left, the selected topic on the right. Below the
//! two-column breakpoint, one of the two fills the screen depending on focus.

use super::theme::Theme;
use crate::app::App;
use crate::app::browse::{BrowsePane, Entry, Focus};
use crate::app::detail::{DetailLine, LineKind};
use crate::app::layout;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, browse: &BrowsePane, theme: &Theme) {
    let layout = layout::browse(area, browse.focus() == Focus::Detail);
    if let Some(list) = layout.list {
        draw_list(frame, list, app, browse, theme);
    }
    if let Some(detail) = layout.detail {
        draw_detail(frame, detail, layout.text, app, browse, theme);
    }
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, browse: &BrowsePane, theme: &Theme) {
    let focused = browse.focus() == Focus::List;
    let block = Block::bordered()
        .title(" Topics ")
        .border_style(theme.border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let (offset, rows) = browse.visible_rows(app.library(), inner.height);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|row| {
            // Topics sit one column in from their guide.
            let (text, style) = match row.entry {
                Entry::Guide(_) => (truncate(row.title, width), theme.guide_row),
                Entry::Topic(_) => {
                    let title = truncate(row.title, width.saturating_sub(1));
                    (format!(" {title}"), Style::new())
                }
            };
            if row.entry == browse.selected() {
                Line::styled(format!("{text:width$}"), theme.selection(focused))
            } else {
                Line::styled(text, style)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The box's title: where the page is among its kind.
fn position(app: &App, entry: Entry) -> String {
    match entry {
        Entry::Topic(index) => format!(" Topic {} of {} ", index + 1, app.topics().len()),
        Entry::Guide(index) => {
            format!(" Guide {} of {} ", index + 1, app.library().guides.len())
        }
    }
}

fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    inner: Rect,
    app: &App,
    browse: &BrowsePane,
    theme: &Theme,
) {
    let focused = browse.focus() == Focus::Detail;
    let entry = browse.selected();
    let block = Block::bordered()
        .title(position(app, entry))
        .border_style(theme.border(focused));
    frame.render_widget(block, area);
    if app.topics().is_empty() {
        frame.render_widget(Paragraph::new("No topics loaded."), inner);
        return;
    }
    let lines = browse.lines(app.library(), app.topics(), app.progress(), entry, inner.width);
    let height = usize::from(inner.height);
    let max_scroll = lines.len().saturating_sub(height);
    let scroll = browse.scroll().min(max_scroll);
    let highlight = browse.highlight();
    let picked = picked_lines(&lines, browse.link());
    let styled: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(scroll)
        .take(height)
        .map(|(i, line)| {
            let style = match line.kind {
                LineKind::Title => theme.title,
                LineKind::Meta => theme.muted,
                LineKind::Heading => theme.heading,
                LineKind::Link => theme.link,
                LineKind::Body | LineKind::Bullet | LineKind::Blank => Style::new(),
            };
            let lit = highlight.is_some() && line.anchor.as_ref() == highlight;
            let style = if picked.contains(&i) {
                theme.selection(focused)
            } else if lit {
                style.patch(theme.line_highlight)
            } else {
                style
            };
            Line::from(Span::styled(line.text.clone(), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(styled), inner);
    if max_scroll > 0 {
        let mut state = ScrollbarState::new(max_scroll).position(scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(theme.border(focused));
        frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
    }
}

/// The lines of the link picked on the page (a link may wrap), from its first line.
fn picked_lines(lines: &[DetailLine], first: Option<usize>) -> std::ops::Range<usize> {
    let Some(first) = first else {
        return 0..0;
    };
    let link = lines.get(first).and_then(|l| l.link);
    let len = lines[first..]
        .iter()
        .take_while(|l| l.link.is_some() && l.link == link)
        .count();
    first..first + len
}

/// Cuts `text` to `width` columns, ending with an ellipsis when it was cut.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let mut out = String::new();
    let total = unicode_width::UnicodeWidthStr::width(text);
    if total <= width {
        return text.to_owned();
    }
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}
