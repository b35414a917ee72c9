//! Browse: the guides and their topics on the left, the selected topic on the right. Below the
//! two-column breakpoint, one of the two fills the screen depending on focus.

use super::{list_offset, theme::Theme};
use crate::app::App;
use crate::app::browse::Focus;
use crate::app::detail::{LineKind, detail_lines};
use crate::app::layout;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Padding, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (list_width, _) = layout::browse_columns(area.width);
    if list_width == 0 {
        match app.browse.focus {
            Focus::List => draw_list(frame, area, app, theme),
            Focus::Detail => draw_detail(frame, area, app, theme),
        }
        return;
    }
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(area);
    draw_list(frame, list, app, theme);
    draw_detail(frame, detail, app, theme);
}

/// One row of the topic list: a guide heading or a topic (with its index in the flat list).
enum Row<'a> {
    Guide(&'a str),
    Topic(usize, &'a str),
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.browse.focus == Focus::List;
    let block = Block::bordered()
        .title(" Topics ")
        .border_style(theme.border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let library = app.library();
    let mut rows = Vec::new();
    let mut flat = 0;
    for guide in &library.guides {
        rows.push(Row::Guide(&guide.title));
        for topic in &guide.topics {
            rows.push(Row::Topic(flat, &topic.title));
            flat += 1;
        }
    }
    let selected_row = rows
        .iter()
        .position(|r| matches!(r, Row::Topic(i, _) if *i == app.browse.selected))
        .unwrap_or(0);
    let height = usize::from(inner.height);
    let offset = list_offset(selected_row, rows.len(), height);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|row| match row {
            Row::Guide(title) => Line::styled(truncate(title, width), theme.guide_row),
            Row::Topic(i, title) => {
                let text = format!(" {}", truncate(title, width.saturating_sub(1)));
                if *i == app.browse.selected {
                    let padded = format!("{text:width$}");
                    Line::styled(padded, theme.selection(focused))
                } else {
                    Line::raw(text)
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_detail(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.browse.focus == Focus::Detail;
    let total = app.topics().len();
    let position = format!(" Topic {} of {} ", app.browse.selected + 1, total);
    let block = Block::bordered()
        .title(position)
        .border_style(theme.border(focused))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(at) = app.selected_topic() else {
        frame.render_widget(Paragraph::new("No topics loaded."), inner);
        return;
    };
    let lines = detail_lines(app.library(), at, inner.width, &app.written_answers(at));
    let height = usize::from(inner.height);
    let max_scroll = lines.len().saturating_sub(height);
    let scroll = app.browse.scroll.min(max_scroll);
    let highlight = app.browse.highlight.as_ref();
    let styled: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|line| {
            let style = match line.kind {
                LineKind::Title => theme.title,
                LineKind::Meta => theme.muted,
                LineKind::Heading => theme.heading,
                LineKind::Body | LineKind::Bullet | LineKind::Blank => Style::new(),
            };
            let lit = highlight.is_some() && line.anchor.as_ref() == highlight;
            let style = if lit {
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
