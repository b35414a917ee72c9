//! Search: the query box and the ranked results, matched characters highlighted.

use super::browse::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::content::sanitize_inline;
use crate::app::layout::{self, list_offset};
use crate::app::search::{ROWS_PER_HIT, SearchPane};
use crate::search::Hit;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthChar;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, search: &SearchPane, theme: &Theme) {
    let layout = layout::search(area);
    draw_query(frame, &layout, app, search, theme);
    draw_results(frame, &layout, app, search, theme);
}

fn draw_query(
    frame: &mut Frame,
    layout: &layout::Search,
    app: &App,
    search: &SearchPane,
    theme: &Theme,
) {
    let editing = search.is_editing();
    let block = Block::bordered()
        .title(" Search ")
        .border_style(theme.border(editing));
    let inner = layout.query_text;
    frame.render_widget(block, layout.query);
    let query = search.input().text();
    let line = if query.is_empty() {
        Line::styled("type to search titles, points and examples", theme.muted)
    } else {
        Line::styled(query.clone(), theme.input)
    };
    // Keep the cursor in view when the query is wider than the box.
    let cursor_column: usize = query
        .chars()
        .take(search.input().cursor())
        .map(|c| c.width().unwrap_or(0))
        .sum();
    let width = usize::from(inner.width.max(1));
    let shift = cursor_column.saturating_sub(width - 1);
    let shift = u16::try_from(shift).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(line).scroll((0, shift)), inner);
    if editing && app.mode().unbound() == (crate::app::keymap::Unbound::Typed { lines: false }) {
        let x = inner.x
            + u16::try_from(cursor_column)
                .unwrap_or(0)
                .saturating_sub(shift);
        frame.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            inner.y,
        ));
    }
}

fn draw_results(
    frame: &mut Frame,
    layout: &layout::Search,
    app: &App,
    search: &SearchPane,
    theme: &Theme,
) {
    let hits = search.hits();
    let query = search.input().text();
    let title = match search.total() {
        _ if query.trim().is_empty() => " Results ".to_owned(),
        1 => " 1 topic ".to_owned(),
        n => format!(" {n} topics "),
    };
    let focused = !search.is_editing();
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(focused));
    let inner = layout.results_text;
    frame.render_widget(block, layout.results);
    if query.trim().is_empty() {
        let tip = vec![
            Line::styled("Search every guide as you type.", theme.base),
            Line::raw(""),
            Line::from(vec![
                Span::styled("Try ", theme.muted),
                Span::styled("advocate", theme.key),
                Span::styled(", ", theme.muted),
                Span::styled("GDPR", theme.key),
                Span::styled(" or ", theme.muted),
                Span::styled("trust boundaries", theme.key),
                Span::styled(". Several words match in any order.", theme.muted),
            ]),
        ];
        frame.render_widget(Paragraph::new(tip).wrap(Wrap { trim: true }), inner);
        return;
    }
    if hits.is_empty() {
        // The query is shown back: it may hold anything pasted into the box.
        let mut none = vec![Line::styled(
            format!("No matches for \"{}\".", sanitize_inline(&query)),
            theme.muted,
        )];
        if let Some(suggestion) = search.suggestion() {
            none.push(Line::from(vec![
                Span::styled("Did you mean ", theme.muted),
                Span::styled(suggestion.to_owned(), theme.key),
                Span::styled("?", theme.muted),
            ]));
        }
        frame.render_widget(Paragraph::new(none).wrap(Wrap { trim: true }), inner);
        return;
    }
    let window = usize::from(inner.height) / ROWS_PER_HIT;
    let offset = list_offset(search.selected(), hits.len(), window);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for (i, hit) in hits.iter().enumerate().skip(offset).take(window) {
        let selected = i == search.selected();
        lines.extend(hit_lines(
            app,
            hit,
            width,
            selected,
            focused || search.is_editing(),
            theme,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn hit_lines(
    app: &App,
    hit: &Hit,
    width: usize,
    selected: bool,
    focused: bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let library = app.library();
    let topic = library.topic(hit.topic).map_or("", |t| t.title.as_str());
    let guide = library
        .guide(hit.topic.guide)
        .map_or("", |g| g.title.as_str());
    // Where the best text is, how many more texts of the topic match, and what a misspelt
    // word was read as, before the guide (which gives way first when the row is narrow).
    let mut label = format!("  {}", hit.field.label());
    if hit.further > 0 {
        label.push_str(&format!(" · +{} more", hit.further));
    }
    if hit.is_typo() {
        label.push_str(&format!(" · typo: {}", hit.corrections.join(", ")));
    }
    label.push_str(&format!(" · {guide}"));
    let title_width = width
        .saturating_sub(2)
        .min(unicode_width::UnicodeWidthStr::width(topic));
    let title = truncate(topic, title_width.max(1));
    let rest = truncate(&label, width.saturating_sub(title_width + 2));
    let marker = if selected { "▌ " } else { "  " };
    let base = if selected {
        theme.selection(focused)
    } else {
        Style::new()
    };
    let is_title = hit.field == crate::search::Field::Title;
    // A title hit highlights the title itself and shows the start of the summary beneath it.
    // A title is read from its start: one too wide is cut at its end, even if that hides the
    // match (the text beneath shows it).
    let mut first = if is_title {
        snippet_from(
            topic,
            &hit.positions,
            0,
            title_width.max(1),
            theme.title,
            theme,
        )
    } else {
        Line::from(Span::styled(title, theme.title))
    };
    first.spans.insert(0, Span::styled(marker, theme.key));
    first.spans.push(Span::styled(rest, theme.muted));
    let summary = library.topic(hit.topic).map_or("", |t| t.summary.as_str());
    let mut second = if is_title {
        snippet(summary, &[], width.saturating_sub(2), theme.muted, theme)
    } else {
        snippet(
            &hit.text,
            &hit.positions,
            width.saturating_sub(2),
            Style::new(),
            theme,
        )
    };
    second.spans.insert(0, Span::styled(marker, theme.key));
    if selected {
        // The selection's colours win over each span's, so nothing is lost against the
        // highlight; matched characters keep their bold and underline.
        for line in [&mut first, &mut second] {
            for span in &mut line.spans {
                span.style = span.style.patch(base);
            }
            line.style = base;
        }
    }
    vec![first, second]
}

/// The part of `text` around the first match that fits `width`, in `base` style with the
/// matched characters styled on top.
fn snippet(
    text: &str,
    positions: &[usize],
    width: usize,
    base: Style,
    theme: &Theme,
) -> Line<'static> {
    let first_match = positions.first().copied().unwrap_or(0);
    let columns: Vec<usize> = text.chars().map(|c| c.width().unwrap_or(0)).collect();
    // Start early enough to show some words before the match, but keep the match in view.
    let lead = width / 3;
    let mut start = 0;
    let mut before: usize = columns[..first_match.min(columns.len())].iter().sum();
    while before > lead && start < first_match {
        before -= columns[start];
        start += 1;
    }
    snippet_from(text, positions, start, width, base, theme)
}

/// `text` from its `start`-th character, cut to `width`, in `base` style with the matched
/// characters styled on top; an ellipsis stands for what is cut at either end.
fn snippet_from(
    text: &str,
    positions: &[usize],
    start: usize,
    width: usize,
    base: Style,
    theme: &Theme,
) -> Line<'static> {
    let chars: Vec<char> = text.chars().collect();
    let columns: Vec<usize> = chars.iter().map(|c| c.width().unwrap_or(0)).collect();
    let mut spans = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", theme.muted));
        used += 1;
    }
    let mut run = String::new();
    let mut run_matched = false;
    let mut end = start;
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let w = columns[i];
        if used + w > width.saturating_sub(1) && i + 1 < chars.len() {
            break;
        }
        let matched = positions.binary_search(&i).is_ok();
        if matched != run_matched && !run.is_empty() {
            let style = if run_matched {
                base.patch(theme.matched)
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = matched;
        run.push(c);
        used += w;
        end = i + 1;
    }
    if !run.is_empty() {
        let style = if run_matched {
            base.patch(theme.matched)
        } else {
            base
        };
        spans.push(Span::styled(run, style));
    }
    if end < chars.len() {
        spans.push(Span::styled("…", theme.muted));
    }
    Line::from(spans)
}
