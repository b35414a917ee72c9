//! The header (pane tabs) and the status line (the current pane's main keys).

use super::theme::Theme;
use crate::app::keymap::Context;
use crate::app::quiz_pane::{Phase, QuizMode};
use crate::app::{Action, App, Pane};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = vec![Span::styled(" carestudy ", theme.brand), Span::raw(" ")];
    for pane in Pane::ALL {
        let style = if pane == app.pane {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(format!(" {} ", pane.title()), style));
        spans.push(Span::raw(" "));
    }
    let help = Line::from(vec![
        Span::styled("?", theme.key),
        Span::styled(" help ", theme.muted),
    ]);
    let [left, right] = Layout::horizontal([Constraint::Min(0), Constraint::Length(7)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    frame.render_widget(Paragraph::new(help).right_aligned(), right);
}

/// What the status line advertises for the pane and state: (context, action, label).
fn hints(app: &App) -> Vec<(Context, Action, &'static str)> {
    use Action as A;
    use Context as C;
    match app.pane {
        Pane::Browse if app.browse.focus == crate::app::browse::Focus::Detail => vec![
            (C::Browse, A::Down, "scroll"),
            (C::Browse, A::NextTopic, "next"),
            (C::Browse, A::PrevTopic, "previous"),
            (C::Browse, A::FocusList, "list"),
            (C::Commands, A::FocusQuery, "search"),
            (C::Commands, A::Quit, "quit"),
        ],
        Pane::Browse => vec![
            (C::Browse, A::Down, "move"),
            (C::Browse, A::FocusDetail, "read"),
            (C::Browse, A::NextTopic, "next"),
            (C::Commands, A::FocusQuery, "search"),
            (C::Always, A::NextPane, "panes"),
            (C::Commands, A::Quit, "quit"),
        ],
        Pane::Search if app.search.editing => vec![
            (C::SearchQuery, A::Down, "results"),
            (C::SearchQuery, A::OpenResult, "open"),
            (C::SearchQuery, A::SearchEscape, "clear/leave"),
            (C::Always, A::NextPane, "panes"),
            (C::Always, A::Quit, "quit"),
        ],
        Pane::Search => vec![
            (C::SearchResults, A::Down, "move"),
            (C::SearchResults, A::OpenResult, "open"),
            (C::SearchResults, A::FocusQuery, "type"),
            (C::Commands, A::Quit, "quit"),
        ],
        Pane::Map => vec![
            (C::Map, A::Down, "next party"),
            (C::Map, A::Confirm, "open topic"),
            (C::Always, A::NextPane, "panes"),
            (C::Commands, A::Quit, "quit"),
        ],
        Pane::Progress => vec![
            (C::Progress, A::Down, "move"),
            (C::Progress, A::Confirm, "practise topic"),
            (C::Always, A::NextPane, "panes"),
            (C::Commands, A::Quit, "quit"),
        ],
        Pane::Quiz if app.quiz.mode == QuizMode::Mock => {
            if app.quiz.mock.as_ref().is_some_and(|m| m.result.is_some()) {
                vec![
                    (C::MockResults, A::Down, "scroll"),
                    (C::MockResults, A::LeaveMode, "back to the quiz"),
                    (C::Commands, A::Quit, "quit"),
                ]
            } else {
                vec![
                    (C::Mock, A::Choose(1), "answer 1-4"),
                    (C::Mock, A::NextQuestion, "next"),
                    (C::Mock, A::PrevQuestion, "previous"),
                    (C::Mock, A::FinishMock, "finish"),
                ]
            }
        }
        Pane::Quiz if app.quiz.mode == QuizMode::Write => {
            let checked = app.quiz.write.as_ref().is_some_and(|w| w.checked.is_some());
            if checked {
                vec![
                    (C::WriteFeedback, A::Choose(1), "Again"),
                    (C::WriteFeedback, A::Choose(3), "Good"),
                    (C::WriteFeedback, A::Choose(4), "Easy"),
                    (C::WriteFeedback, A::LeaveMode, "cards"),
                ]
            } else {
                vec![
                    (C::WriteAnswer, A::Submit, "check"),
                    (C::WriteAnswer, A::Newline, "new line"),
                    (C::WriteAnswer, A::LeaveMode, "cards"),
                    (C::Always, A::NextPane, "panes"),
                ]
            }
        }
        Pane::Quiz => {
            let flip = app
                .quiz
                .question
                .as_ref()
                .is_some_and(|q| q.choice().is_none());
            let mut hints = match (flip, app.quiz.phase) {
                (_, Phase::Answered { .. }) => vec![(C::Quiz, A::Confirm, "next question")],
                (true, Phase::Revealed) => vec![
                    (C::Quiz, A::Choose(1), "Again"),
                    (C::Quiz, A::Choose(2), "Hard"),
                    (C::Quiz, A::Choose(3), "Good"),
                    (C::Quiz, A::Choose(4), "Easy"),
                ],
                (true, _) => vec![
                    (C::Quiz, A::Flip, "reveal"),
                    (C::Quiz, A::Choose(1), "Again"),
                    (C::Quiz, A::Choose(4), "Easy"),
                ],
                (false, _) => vec![
                    (C::Quiz, A::Choose(1), "answer 1-4"),
                    (C::Quiz, A::Confirm, "answer highlighted"),
                ],
            };
            hints.push((C::Quiz, A::ChangeQuizScope, "guide"));
            hints.push((C::Quiz, A::StartWriting, "write"));
            hints.push((C::Quiz, A::StartMock, "mock"));
            hints.push((C::Commands, A::Quit, "quit"));
            hints
        }
    }
}

pub fn draw_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    // A saving problem stays in view at the right; the key hints take the rest.
    let area = match app.saving_problem() {
        Some(problem) => {
            let width = u16::try_from(problem.len() + 2).unwrap_or(u16::MAX);
            let [hints, warning] =
                Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(area);
            let text = Line::styled(format!("{problem} "), theme.wrong);
            frame.render_widget(Paragraph::new(text).right_aligned(), warning);
            hints
        }
        None => area,
    };
    let mut spans = vec![Span::raw(" ")];
    for (context, action, label) in hints(app) {
        let Some(key) = app.keymap().first_key(context, action) else {
            continue;
        };
        spans.push(Span::styled(key.to_string(), theme.key));
        spans.push(Span::styled(format!(" {label}  "), theme.status));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
