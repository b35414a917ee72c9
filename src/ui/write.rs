//! Written-answer practice: the assessor's question, a reminder of what its command verb asks,
//! a text box, and after checking, which of the topic's points the answer covered.

use super::theme::Theme;
use super::wrap::{hanging, plain};
use crate::app::App;
use crate::app::quiz_pane::WriteState;
use crate::practice;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(write) = app.quiz.write.as_ref() else {
        return;
    };
    let library = app.library();
    let (Some(at), true) = (write.topic(), !write.topics.is_empty()) else {
        let text = "No topics to write about in this scope: press Esc, then g to change guide.";
        frame.render_widget(Paragraph::new(plain(text, area.width, theme.muted)), area);
        return;
    };
    let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
        return;
    };
    let [top, card] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let heading = Line::from(vec![
        Span::styled(" Written answer: ", theme.heading),
        Span::styled(guide.title.clone(), theme.title),
        Span::styled(
            format!("   topic {} of {}", write.index + 1, write.topics.len()),
            theme.muted,
        ),
    ]);
    frame.render_widget(Paragraph::new(heading), top);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .padding(Padding::new(2, 2, 1, 0));
    let inner = block.inner(card);
    frame.render_widget(block, card);

    let verb = practice::verb_for(guide, topic);
    let mut head = plain(
        &practice::question_for(guide, topic),
        inner.width,
        theme.title,
    );
    let reminder = practice::reminder(verb);
    let reminder = format!(
        "{} — {}{}",
        capitalised(verb.name()),
        reminder.get(..1).unwrap_or("").to_lowercase(),
        reminder.get(1..).unwrap_or("")
    );
    head.extend(plain(&reminder, inner.width, theme.muted));
    head.push(Line::raw(""));
    let head_rows = u16::try_from(head.len()).unwrap_or(u16::MAX);
    let [question, rest] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(head), question);
    match &write.checked {
        None => draw_answer_box(frame, rest, app, write, theme),
        Some(checked) => draw_checked(frame, rest, checked, theme),
    }
}

fn draw_answer_box(frame: &mut Frame, area: Rect, app: &App, write: &WriteState, theme: &Theme) {
    let block = Block::bordered()
        .title(" Your answer (Ctrl-S or F2 to check) ")
        .border_style(theme.border_focus)
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if write.answer.is_blank() && write.answer.text().is_empty() {
        let hint = "Type your answer in your own words, with an example from your own work.";
        frame.render_widget(Paragraph::new(plain(hint, inner.width, theme.muted)), inner);
    }
    let (rows, (row, column)) = write.answer.layout(usize::from(inner.width.max(1)));
    let height = usize::from(inner.height.max(1));
    // Keep the cursor's row in view.
    let first = (row + 1).saturating_sub(height);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(first)
        .take(height)
        .map(|r| Line::styled(r, theme.input))
        .collect();
    if !write.answer.text().is_empty() {
        frame.render_widget(Paragraph::new(lines), inner);
    }
    if !app.help_open && !app.notice_open {
        let x = inner.x + u16::try_from(column).unwrap_or(0);
        let y = inner.y + u16::try_from(row - first).unwrap_or(0);
        frame.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            y.min(inner.bottom().saturating_sub(1)),
        ));
    }
}

fn draw_checked(frame: &mut Frame, area: Rect, checked: &[practice::PointCoverage], theme: &Theme) {
    let overall = practice::overall(checked);
    let mut lines = vec![Line::styled(
        format!(
            "Your answer covered {} of {} points:",
            overall.covered, overall.total
        ),
        theme.title,
    )];
    for point in checked {
        let (mark, style) = if point.covered {
            ("✓ ", theme.correct)
        } else {
            ("✗ ", theme.wrong)
        };
        lines.extend(hanging(
            &point.point,
            area.width,
            Span::styled(mark, style),
            theme.base,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "A good answer covers the points above. How well did you do?",
        theme.muted,
    ));
    lines.push(super::quiz::grade_line(theme));
    // Keep the grades in view: when the points do not fit, the first ones give way.
    let overflow = lines.len().saturating_sub(usize::from(area.height));
    let shown: Vec<Line> = lines.into_iter().skip(overflow).collect();
    frame.render_widget(Paragraph::new(shown), area);
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
