//! A mock test: questions without feedback, then the results (score, per guide, what was missed).

use super::theme::Theme;
use super::wrap::{hanging, plain};
use crate::app::App;
use crate::app::quiz_pane::MockState;
use crate::progress::MockTestResult;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(mock) = app.quiz.mock.as_ref() else {
        return;
    };
    let [top, card] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .padding(Padding::new(2, 2, 1, 0));
    let inner = block.inner(card);
    frame.render_widget(block, card);
    match &mock.result {
        None => {
            frame.render_widget(Paragraph::new(header(mock, theme)), top);
            frame.render_widget(
                Paragraph::new(question_lines(mock, inner.width, theme)),
                inner,
            );
        }
        Some(result) => {
            let title = Line::styled(" Mock test: results", theme.heading);
            frame.render_widget(Paragraph::new(title), top);
            let lines = result_lines(app, result, inner.width, theme);
            let last_start = lines.len().saturating_sub(usize::from(inner.height));
            let scroll = mock.scroll.min(last_start);
            let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
            frame.render_widget(Paragraph::new(shown), inner);
        }
    }
}

fn header(mock: &MockState, theme: &Theme) -> Line<'static> {
    let answered = mock.answers.iter().filter(|a| a.is_some()).count();
    let mut spans = vec![
        Span::styled(" Mock test: ", theme.heading),
        Span::styled(
            format!("question {} of {}", mock.index + 1, mock.questions.len()),
            theme.title,
        ),
        Span::styled(format!("   {answered} answered"), theme.muted),
    ];
    if let Some(deadline) = mock.deadline {
        let left = (deadline - mock.now).num_seconds().max(0);
        spans.push(Span::styled(
            format!("   {}:{:02} left", left / 60, left % 60),
            theme.title,
        ));
    }
    Line::from(spans)
}

fn question_lines(mock: &MockState, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let Some(question) = mock.questions.get(mock.index) else {
        return Vec::new();
    };
    let chosen = mock.answers.get(mock.index).copied().flatten();
    let mut lines = plain(&question.prompt, width, theme.muted);
    lines.push(Line::raw(""));
    lines.extend(plain(&question.subject, width, theme.title));
    lines.push(Line::raw(""));
    let options = question.choice().map_or(&[][..], |(options, _)| options);
    for (i, option) in options.iter().enumerate() {
        let mark = if chosen == Some(i) {
            "●"
        } else if i == mock.highlighted {
            "›"
        } else {
            " "
        };
        let style = if i == mock.highlighted {
            theme.selected
        } else {
            theme.base
        };
        let lead = Span::styled(format!("{mark} {}  ", i + 1), style.patch(theme.key));
        lines.extend(hanging(option, width, lead, style));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "No feedback until the end. Left/Right to revisit a question; f to finish.",
        theme.muted,
    ));
    lines
}

fn result_lines(
    app: &App,
    result: &MockTestResult,
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let percent = (result.correct * 100)
        .checked_div(result.questions)
        .unwrap_or(0);
    let mut lines = vec![Line::from(vec![
        Span::styled("Score ", theme.muted),
        Span::styled(
            format!("{} of {} ({percent}%)", result.correct, result.questions),
            theme.title,
        ),
    ])];
    lines.push(Line::raw(""));
    lines.push(Line::styled("By guide", theme.heading));
    for (guide_id, (asked, right)) in &result.per_guide {
        let title = app
            .library()
            .guides
            .iter()
            .find(|g| &g.id == guide_id)
            .map_or(guide_id.as_str(), |g| g.title.as_str());
        lines.extend(hanging(
            title,
            width,
            Span::styled(format!("{right:>2}/{asked:<2}  "), theme.title),
            theme.base,
        ));
    }
    lines.push(Line::raw(""));
    if result.missed.is_empty() {
        lines.push(Line::styled("Nothing missed. Well done!", theme.correct));
    } else {
        lines.push(Line::styled(
            format!("Missed ({})", result.missed.len()),
            theme.heading,
        ));
        for missed in &result.missed {
            lines.extend(hanging(
                &missed.question,
                width,
                Span::styled("✗ ", theme.wrong),
                theme.base,
            ));
            lines.extend(hanging(
                &missed.correct_answer,
                width,
                Span::styled("  Answer: ", theme.muted),
                theme.correct,
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Saved to your history. Enter: back to the quiz.",
        theme.muted,
    ));
    lines
}
