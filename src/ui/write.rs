//! Written-answer practice: the assessor's question, a reminder of what its command verb asks,
//! a text box, and after checking, which of the topic's points the answer covered (scrolling
//! when it does not fit, the grades kept in view below it).

use super::chrome::fitted;
use super::theme::Theme;
use super::wrap::{plain, styled};
use crate::app::layout;
use crate::app::quiz::CARDS;
use crate::app::write::{Checked, Writing, answer_areas, checked_areas, feedback_text};
use crate::app::{Action, App};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, writing: &Writing, theme: &Theme) {
    let library = app.library();
    let Some((at, (number, count))) = writing.topic().map(|at| (at, writing.position())) else {
        let text = format!(
            "No topics to write about in this scope: press {}, then {} to change guide.",
            app.screen_key_names(Action::LeaveMode),
            app.keymap()
                .keys_for(CARDS, Action::ChangeQuizScope)
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()
        );
        frame.render_widget(Paragraph::new(plain(&text, area.width, theme.muted)), area);
        return;
    };
    let Some(guide) = library.guide(at.guide) else {
        return;
    };
    let layout = layout::card(area, false);
    let heading = fitted(
        vec![
            (
                vec![
                    Span::styled(" Written answer: ", theme.heading),
                    Span::styled(guide.title.to_string(), theme.title),
                ],
                1,
            ),
            (
                vec![Span::styled(
                    format!("   topic {number} of {count}"),
                    theme.muted,
                )],
                2,
            ),
        ],
        layout.heading.width,
    );
    frame.render_widget(Paragraph::new(heading), layout.heading);
    frame.render_widget(
        Block::bordered().border_style(theme.border(true)),
        layout.card,
    );
    let question = writing.question_text(library, layout.text.width);
    let (question_area, rest) = answer_areas(&layout, &question);
    frame.render_widget(Paragraph::new(styled(&question, theme)), question_area);
    match writing.checked() {
        None => draw_answer_box(frame, rest, app, writing, theme),
        Some(checked) => draw_checked(frame, rest, app, checked, theme),
    }
}

fn draw_answer_box(frame: &mut Frame, area: Rect, app: &App, writing: &Writing, theme: &Theme) {
    let title = format!(
        " Your answer ({} to check) ",
        app.screen_key_names(Action::Submit)
    );
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border_focus)
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let answer = writing.answer();
    if answer.text().is_empty() {
        let hint = "Type your answer in your own words, with an example from your own work.";
        frame.render_widget(Paragraph::new(plain(hint, inner.width, theme.muted)), inner);
    }
    let (rows, (row, column)) = answer.layout(usize::from(inner.width.max(1)));
    let height = usize::from(inner.height.max(1));
    // Keep the cursor's row in view.
    let first = (row + 1).saturating_sub(height);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(first)
        .take(height)
        .map(|r| Line::styled(r, theme.input))
        .collect();
    if !answer.text().is_empty() {
        frame.render_widget(Paragraph::new(lines), inner);
    }
    // The cursor shows only while keys type into the box (not under help or a message).
    if app.mode().unbound() == (crate::app::keymap::Unbound::Typed { lines: true }) {
        let x = inner.x + u16::try_from(column).unwrap_or(0);
        let y = inner.y + u16::try_from(row - first).unwrap_or(0);
        frame.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            y.min(inner.bottom().saturating_sub(1)),
        ));
    }
}

/// The feedback from its scroll position, and below it the grades, always in view; when more
/// of the feedback is below, the grade line says how to see it.
fn draw_checked(frame: &mut Frame, area: Rect, app: &App, checked: &Checked, theme: &Theme) {
    let text = feedback_text(&checked.coverage, area.width);
    let (feedback, grades) = checked_areas(area, text.len());
    let max = text.len().saturating_sub(usize::from(feedback.height));
    let scroll = checked.scroll.min(max);
    let shown: Vec<Line> = styled(&text, theme).into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), feedback);
    let mut line = super::quiz::grade_line(app, theme, None);
    if scroll < max {
        let more = format!("  {} more ↓", app.screen_key(Action::PageDown));
        line.spans.push(Span::styled(more, theme.muted));
    }
    frame.render_widget(Paragraph::new(line), grades);
}
