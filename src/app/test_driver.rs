//! Helpers for the app's tests: an app on the built-in guides, keys pressed as a learner
//! would, and a look at each pane's state.

pub(super) use super::browse::Focus;
pub(super) use super::detail::Anchor;
pub(super) use super::mock::Stage;
pub(super) use super::present::View;
pub(super) use super::quiz::{Phase, QuizMode};
use super::*;
pub(super) use crate::quiz::{Grade, Question, Scope};
pub(super) use crate::search::Field;

pub(super) fn app() -> App {
    App::new(
        crate::test_support::builtin_library(),
        AppOptions::default(),
    )
}

pub(super) fn app_at(width: u16, height: u16, start: Pane) -> App {
    App::new(
        crate::test_support::builtin_library(),
        AppOptions {
            width,
            height,
            start,
            ..AppOptions::default()
        },
    )
}

pub(super) fn press(app: &mut App, keys: &str) {
    match Key::parse_sequence(keys) {
        Ok(keys) => keys.into_iter().for_each(|k| app.handle_key(k)),
        Err(e) => panic!("{e}"),
    }
}

pub(super) fn is_flip(question: &Question) -> bool {
    question.choice().is_none()
}

pub(super) fn question(app: &App) -> Option<&Question> {
    app.panes().quiz.cards().question.as_ref()
}

pub(super) fn writing(app: &App) -> Option<&write::Writing> {
    match app.panes().quiz.mode() {
        QuizMode::Writing(writing) => Some(writing),
        _ => None,
    }
}

pub(super) fn mock(app: &App) -> Option<&mock::MockTest> {
    match app.panes().quiz.mode() {
        QuizMode::Mock(test) => Some(test),
        _ => None,
    }
}

pub(super) fn help_open(app: &App) -> bool {
    matches!(
        app.mode(),
        Mode::Showing {
            overlay: Some(Overlay::Help { .. }),
            ..
        }
    )
}

pub(super) fn browse(app: &App) -> &browse::BrowsePane {
    &app.panes().browse
}

/// The selected topic's text at the width it is shown, and the rows it has.
pub(super) fn detail(app: &App) -> (Vec<detail::DetailLine>, usize) {
    let text = layout::browse(app.body(), true).text;
    let entry = browse(app).selected();
    let lines = browse(app).lines(
        app.library(),
        app.topics(),
        app.progress(),
        entry,
        text.width,
    );
    (lines.to_vec(), usize::from(text.height))
}

pub(super) fn mock_app(questions: usize, minutes: Option<u32>) -> App {
    App::new(
        crate::test_support::builtin_library(),
        AppOptions {
            start: Pane::Quiz,
            mock_questions: questions,
            mock_minutes: minutes,
            ..AppOptions::default()
        },
    )
}

pub(super) fn mock_answers(app: &App) -> Vec<usize> {
    mock(app).map_or_else(Vec::new, |test| {
        test.questions()
            .iter()
            .filter_map(|q| q.choice().map(|(_, correct)| correct))
            .collect()
    })
}

pub(super) fn choose(app: &mut App, option: usize) {
    app.update(Action::Choose(u8::try_from(option + 1).unwrap_or(1)));
}

pub(super) fn presented(app: &App) -> Option<(usize, usize)> {
    app.presentation().map(|p| (p.topic(), p.revealed()))
}

pub(super) fn presenting_view(app: &App) -> Option<View> {
    app.presentation().map(|p| p.view().clone())
}
