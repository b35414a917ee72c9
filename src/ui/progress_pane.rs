//! Progress: mastery per guide, reviews per day, cards due ahead, and the weakest topics.
//! Draws the figures the app computed when the pane was entered; reads no clock.

use super::browse::truncate;
use super::theme::Theme;
use crate::app::progress_pane::ProgressPane;
use crate::app::{Action, App};
use crate::stats::Stats;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, LineGauge, Padding, Paragraph, Sparkline};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, pane: &ProgressPane, theme: &Theme) {
    let Some(stats) = pane.stats() else {
        frame.render_widget(Paragraph::new("No figures yet."), area);
        return;
    };
    let [summary, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    draw_summary(frame, summary, stats, theme);
    let guides_height = u16::try_from(stats.guides.len()).unwrap_or(u16::MAX) + 2;
    let [top, bottom] =
        Layout::vertical([Constraint::Length(guides_height), Constraint::Min(0)]).areas(body);
    draw_mastery(frame, top, stats, theme);
    let [activity, weakest] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    let [history, ahead] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(activity);
    draw_history(frame, history, stats, theme);
    draw_ahead(frame, ahead, stats, theme);
    draw_weakest(frame, weakest, app, pane, theme);
}

fn draw_summary(frame: &mut Frame, area: Rect, stats: &Stats, theme: &Theme) {
    let mut spans = vec![
        Span::styled(" Reviews ", theme.muted),
        Span::styled(stats.reviews.to_string(), theme.title),
        Span::styled("   Due today ", theme.muted),
        Span::styled(stats.due_today.to_string(), theme.title),
    ];
    if let Some(last) = stats.mock_tests.last() {
        spans.push(Span::styled("   Last mock test ", theme.muted));
        spans.push(Span::styled(
            format!("{}/{}", last.correct, last.questions),
            theme.title,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_mastery(frame: &mut Frame, area: Rect, stats: &Stats, theme: &Theme) {
    let block = Block::bordered()
        .title(" Mastery by guide (expected recall) ")
        .border_style(theme.border(false))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label_width = (inner.width / 2).max(10);
    for (i, guide) in stats.guides.iter().enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(u16::MAX);
        if y >= inner.bottom() {
            break;
        }
        let row = Rect::new(inner.x, y, inner.width, 1);
        let [label, gauge] =
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(0)]).areas(row);
        let name = truncate(&guide.title, usize::from(label_width.saturating_sub(1)));
        frame.render_widget(Paragraph::new(Span::styled(name, theme.base)), label);
        // stats never gives NaN; a guard all the same, as the gauge asserts on it.
        let ratio = if guide.mastery.is_finite() {
            guide.mastery.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let text = format!(
            "{:>3.0}%  {}/{} seen",
            ratio * 100.0,
            guide.seen,
            guide.cards
        );
        frame.render_widget(
            LineGauge::default()
                .ratio(ratio)
                .label(text)
                .filled_style(theme.correct)
                .unfilled_style(theme.muted),
            gauge,
        );
    }
}

fn draw_history(frame: &mut Frame, area: Rect, stats: &Stats, theme: &Theme) {
    let days = stats.reviews_per_day.len();
    let last_week = stats.reviews_in_last(7);
    let block = Block::bordered()
        .title(format!(
            " Reviews a day: {days} days, {last_week} this week "
        ))
        .border_style(theme.border(false));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The newest days at the right; when the box is narrower than the history, the oldest go.
    let width = usize::from(inner.width);
    let data: Vec<u64> = stats
        .reviews_per_day
        .iter()
        .skip(days.saturating_sub(width))
        .map(|d| u64::try_from(d.reviews).unwrap_or(u64::MAX))
        .collect();
    frame.render_widget(Sparkline::default().data(&data).style(theme.heading), inner);
}

fn draw_ahead(frame: &mut Frame, area: Rect, stats: &Stats, theme: &Theme) {
    let block = Block::bordered()
        .title(" Due in the next 7 days ")
        .border_style(theme.border(false));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let first = stats
        .reviews_per_day
        .last()
        .map(|d| d.date)
        .unwrap_or_default();
    let bars: Vec<Bar> = stats
        .due_next_days
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let day = first + chrono::Duration::days(i as i64 + 1);
            let name = day.weekday().to_string();
            Bar::default()
                .label(Line::from(name))
                .value(u64::try_from(count).unwrap_or(u64::MAX))
                .style(theme.heading)
                .value_style(theme.selected)
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(3)
        .bar_gap(1);
    frame.render_widget(chart, inner);
}

fn draw_weakest(frame: &mut Frame, area: Rect, app: &App, pane: &ProgressPane, theme: &Theme) {
    let Some(stats) = pane.stats() else {
        return;
    };
    let title = format!(
        " Weakest topics ({}: practise) ",
        app.screen_key_names(Action::Confirm)
    );
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border(true))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if stats.weakest_topics.is_empty() {
        let text = "Answer some questions in Quiz and the topics you find hardest appear here.";
        frame.render_widget(
            Paragraph::new(super::wrap::plain(text, inner.width, theme.muted)),
            inner,
        );
        return;
    }
    let width = usize::from(inner.width);
    let lines: Vec<Line> = stats
        .weakest_topics
        .iter()
        .enumerate()
        .map(|(i, topic)| {
            let text = format!("{:>3.0}%  {}", topic.recall * 100.0, topic.title);
            let text = format!("{:width$}", truncate(&text, width));
            let style = if i == pane.selected() {
                theme.selected
            } else {
                theme.base
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
