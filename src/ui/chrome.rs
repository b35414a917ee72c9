//! The tabs, the notice line and the status line of key hints. Hints name their keys from the
//! key map; when they do not fit, the least important drop out whole (never cut mid-word).

use super::theme::Theme;
use crate::app::layout::{self, Screen};
use crate::app::pane::hint;
use crate::app::{Action, App, Hint};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn draw_tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    frame.render_widget(Span::styled(layout::BRAND, theme.brand), area);
    for (pane, tab) in layout::tabs(area) {
        let style = if pane == app.pane() {
            theme.tab_active
        } else {
            theme.tab
        };
        frame.render_widget(Span::styled(format!(" {} ", pane.title()), style), tab);
    }
    let Some(key) = app.hint_keys(&hint(Action::ToggleHelp, "help", 1)) else {
        return;
    };
    // With a space to the right edge, then without it, then the key alone: whichever first
    // leaves a column between it and the tabs.
    let labels = [" help ", " help", ""].map(|label| {
        Line::from(vec![
            Span::styled(key.clone(), theme.key),
            Span::styled(label, theme.muted),
        ])
    });
    let fitting = labels.into_iter().find_map(|label| {
        let width = u16::try_from(label.width()).unwrap_or(u16::MAX);
        Some((label, layout::tab_help(area, width)?))
    });
    if let Some((label, place)) = fitting {
        frame.render_widget(Paragraph::new(label), place);
    }
}

/// The notice line (when progress is not being saved normally) and the key hints.
pub fn draw_status(frame: &mut Frame, layout: &Screen, app: &App, theme: &Theme) {
    if let (Some(row), Some(problem)) = (layout.notice, app.saving_problem()) {
        let text = Line::styled(format!(" {problem}"), theme.wrong);
        frame.render_widget(Paragraph::new(text), row);
    }
    let (spans, _) = hint_spans(app, &app.hints(), layout.hints.width, " ", "  ", theme);
    frame.render_widget(Paragraph::new(Line::from(spans)), layout.hints);
}

/// The hints that fit `width`, in their order, as `key label` pairs after `lead` and separated
/// by `gap`. When they do not all fit, the highest-ranked (least important) drop out whole;
/// the flag says whether any did.
pub fn hint_spans(
    app: &App,
    hints: &[Hint],
    width: u16,
    lead: &str,
    gap: &str,
    theme: &Theme,
) -> (Vec<Span<'static>>, bool) {
    let pieces: Vec<(String, &Hint)> = hints
        .iter()
        .filter_map(|hint| Some((app.hint_keys(hint)?, hint)))
        .collect();
    let piece_width = |(keys, hint): &(String, &Hint)| keys.width() + 1 + hint.label.width();
    let mut kept: Vec<usize> = (0..pieces.len()).collect();
    let total = |kept: &[usize]| {
        let gaps = kept.len().saturating_sub(1) * gap.width();
        lead.width() + gaps + kept.iter().map(|&i| piece_width(&pieces[i])).sum::<usize>()
    };
    while total(&kept) > usize::from(width) {
        // The least important goes first; of equals, the one furthest right.
        let Some(drop) = kept.iter().copied().max_by_key(|&i| (pieces[i].1.rank, i)) else {
            break;
        };
        kept.retain(|&i| i != drop);
    }
    let mut spans = vec![Span::raw(lead.to_owned())];
    for (n, &i) in kept.iter().enumerate() {
        let (keys, hint) = &pieces[i];
        if n > 0 {
            spans.push(Span::styled(gap.to_owned(), theme.status));
        }
        spans.push(Span::styled(keys.clone(), theme.key));
        spans.push(Span::styled(format!(" {}", hint.label), theme.status));
    }
    (spans, kept.len() < pieces.len())
}

/// A line of pieces (each a few spans, with a rank: 1 kept longest) that fits `width`: the
/// least important pieces drop out whole; if the first piece alone is still too wide, its
/// last span is cut with an ellipsis. Nothing is ever cut mid-word at the edge.
pub fn fitted(pieces: Vec<(Vec<Span<'static>>, u8)>, width: u16) -> Line<'static> {
    let width = usize::from(width);
    let piece_width = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
    let mut kept: Vec<usize> = (0..pieces.len()).collect();
    while kept
        .iter()
        .map(|&i| piece_width(&pieces[i].0))
        .sum::<usize>()
        > width
        && kept.len() > 1
    {
        let Some(drop) = kept.iter().copied().max_by_key(|&i| (pieces[i].1, i)) else {
            break;
        };
        kept.retain(|&i| i != drop);
    }
    let mut spans: Vec<Span<'static>> = kept.iter().flat_map(|&i| pieces[i].0.clone()).collect();
    let total = piece_width(&spans);
    if total > width
        && let Some(last) = spans.last_mut()
    {
        let room = width.saturating_sub(total - last.width());
        last.content = super::browse::truncate(&last.content, room).into();
    }
    Line::from(spans)
}
