//! A mock test: questions without feedback, the question asked before finishing or quitting
//! early, then the results (score, per guide, what was missed), which scroll.

use super::chrome::fitted;
use super::quiz::choice_row_lines;
use super::theme::Theme;
use super::wrap::{plain, styled};
use crate::app::choice_layout::choice_rows;
use crate::app::mock::{Confirm, MockTest, Stage};
use crate::app::{Action, App, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, test: &MockTest, theme: &Theme) {
    let layout = layout::card(area, false);
    frame.render_widget(
        Block::bordered().border_style(theme.border(true)),
        layout.card,
    );
    match test.stage() {
        Stage::Results { result, scroll, .. } => {
            let title = Line::styled(" Mock test: results", theme.heading);
            frame.render_widget(Paragraph::new(title), layout.heading);
            let text = test.result_text(app.library(), result, layout.text.width);
            let max = text.len().saturating_sub(usize::from(layout.text.height));
            let shown: Vec<Line> = styled(&text, theme)
                .into_iter()
                .skip((*scroll).min(max))
                .collect();
            frame.render_widget(Paragraph::new(shown), layout.text);
        }
        stage => {
            let header = fitted(header(test, theme), layout.heading.width);
            frame.render_widget(Paragraph::new(header), layout.heading);
            let lines = question_lines(app, test, layout.text.width, theme);
            frame.render_widget(Paragraph::new(lines), layout.text);
            if let Stage::Asking(confirm) = stage {
                draw_question(frame, layout.card, app, test, *confirm, theme);
            }
        }
    }
}

/// Which question, how many answered, the time left: pieces for [`fitted`].
fn header(test: &MockTest, theme: &Theme) -> Vec<(Vec<Span<'static>>, u8)> {
    let (number, count) = test.position();
    let mut pieces = vec![
        (
            vec![
                Span::styled(" Mock test: ", theme.heading),
                Span::styled(format!("question {number} of {count}"), theme.title),
            ],
            1,
        ),
        (
            vec![Span::styled(
                format!("   {} answered", test.answered()),
                theme.muted,
            )],
            3,
        ),
    ];
    if let Some(left) = test.seconds_left() {
        let left = format!("   {}:{:02} left", left / 60, left % 60);
        pieces.push((vec![Span::styled(left, theme.title)], 2));
    }
    pieces
}

fn question_lines(app: &App, test: &MockTest, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let Some(question) = test.question() else {
        return Vec::new();
    };
    let Some((options, _)) = question.choice() else {
        return Vec::new();
    };
    let option = |i: usize| {
        let mark = if test.chosen() == Some(i) {
            '●'
        } else if i == test.highlighted() {
            '›'
        } else {
            ' '
        };
        let style = if i == test.highlighted() {
            theme.selected
        } else {
            theme.base
        };
        (mark, style, style)
    };
    let rows = choice_rows(&question.prompt, &question.subject, None, options, width);
    let mut lines = choice_row_lines(rows, option, theme);
    lines.push(Line::raw(""));
    let keys = |action| {
        app.hint_keys(&crate::app::pane::hint(action, "", 1))
            .unwrap_or_default()
    };
    let text = format!(
        "No feedback until the end. {}/{} to revisit a question; {} to finish.",
        keys(Action::PrevQuestion),
        keys(Action::NextQuestion),
        keys(Action::FinishMock),
    );
    lines.extend(plain(&text, width, theme.muted));
    lines
}

/// "Finish now?" or "Quit now?", with how many questions are still unanswered.
fn draw_question(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    test: &MockTest,
    confirm: Confirm,
    theme: &Theme,
) {
    let unanswered = match test.unanswered() {
        0 => "Every question is answered.".to_owned(),
        1 => "1 question is unanswered.".to_owned(),
        n => format!("{n} questions are unanswered."),
    };
    let ask = match confirm {
        Confirm::Finish => "Finish the test now and see your results?",
        Confirm::Quit => "Quit carestudy now? This test's answers will be lost.",
    };
    let width = area.width.saturating_sub(4).min(60);
    let mut lines = plain(ask, width.saturating_sub(6), theme.title);
    lines.extend(plain(&unanswered, width.saturating_sub(6), theme.base));
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(app.screen_key_names(Action::Confirm), theme.key),
        Span::styled(" yes   ", theme.muted),
        Span::styled(app.screen_key_names(Action::LeaveMode), theme.key),
        Span::styled(" no, go on answering", theme.muted),
    ]));
    super::popup(
        frame,
        area,
        width,
        "Mock test",
        theme.border_focus,
        lines,
        theme,
    );
}
