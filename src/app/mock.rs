//! A mock test: multiple-choice questions with no feedback until the end, an optional time
//! limit, then the results (saved to the history). Finishing early or quitting asks first,
//! saying how many questions are still unanswered.

use super::action::Action;
use super::choice_layout::{choice_rows, option_at};
use super::keymap::{Binding, Context, bind};
use super::keys::Key::*;
use super::layout;
use super::pane::{Cx, Effect, Hint, Review, hint, hint_range};
use super::text::{Role, Text, max_scroll, scrolled};
use crate::content::Library;
use crate::progress::MockTestResult;
use crate::quiz::{Question, Scope, mark_mock_test, mock_questions, mock_reviews};
use chrono::{DateTime, Utc};
use ratatui::layout::Position;

/// Answering a mock test.
pub const ANSWERING: Context = Context::keys("mock test");
/// Asked whether to finish (or quit) with questions unanswered.
pub const CONFIRM: Context = Context::modal("mock test question");
/// A mock test's results.
pub const RESULTS: Context = Context::keys("mock results");

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(ANSWERING, &[Char('1')], Action::Choose(1), "answer 1"),
    bind(ANSWERING, &[Char('2')], Action::Choose(2), "answer 2"),
    bind(ANSWERING, &[Char('3')], Action::Choose(3), "answer 3"),
    bind(ANSWERING, &[Char('4')], Action::Choose(4), "answer 4"),
    bind(ANSWERING, &[Up, Char('k')], Action::Up, "highlight the option above"),
    bind(ANSWERING, &[Down, Char('j')], Action::Down, "highlight the option below"),
    bind(ANSWERING, &[Enter], Action::Confirm, "answer with the highlighted option"),
    bind(ANSWERING, &[Right, Char('n')], Action::NextQuestion, "next question"),
    bind(ANSWERING, &[Left, Char('p')], Action::PrevQuestion, "previous question (change an answer)"),
    bind(ANSWERING, &[Char('f'), Esc], Action::FinishMock, "finish now and see the results (asks first)"),
    bind(ANSWERING, &[Char('q')], Action::Abandon, "quit, throwing the answers away (asks first)"),
    bind(CONFIRM, &[Char('y'), Enter], Action::Confirm, "yes"),
    bind(CONFIRM, &[Char('n'), Esc], Action::LeaveMode, "no, go on answering"),
    bind(RESULTS, &[Down, Char('j')], Action::Down, "scroll down"),
    bind(RESULTS, &[Up, Char('k')], Action::Up, "scroll up"),
    bind(RESULTS, &[PageDown, Char(' ')], Action::PageDown, "scroll down a page"),
    bind(RESULTS, &[PageUp], Action::PageUp, "scroll up a page"),
    bind(RESULTS, &[Enter, Esc], Action::LeaveMode, "back to the card quiz"),
];

/// How mock tests are set: questions each, and the time limit if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MockSettings {
    pub questions: usize,
    pub minutes: Option<u32>,
}

/// What the test asks before doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Finish now and see the results.
    Finish,
    /// Quit carestudy; the test is not saved.
    Quit,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Answering,
    Asking(Confirm),
    /// Over: the marked result, the first line of it shown, how far it can scroll.
    Results {
        result: MockTestResult,
        scroll: usize,
        max_scroll: usize,
    },
}

#[derive(Debug, Clone)]
pub struct MockTest {
    questions: Vec<Question>,
    /// The option chosen for each question, if any.
    answers: Vec<Option<usize>>,
    index: usize,
    highlighted: usize,
    deadline: Option<DateTime<Utc>>,
    /// The time at the last action or tick, for showing the time left (drawing reads no clock).
    now: DateTime<Utc>,
    time_limit: Option<u32>,
    stage: Stage,
}

impl MockTest {
    /// A test across `scope`. Each test draws a fresh set (the seed moves on with every test
    /// taken), still reproducible; `None` when the scope has no multiple-choice questions.
    pub fn start(scope: Scope, settings: MockSettings, cx: &Cx) -> Option<Self> {
        let taken = cx.progress.mock_tests.len() as u64;
        let seed = cx.seed.wrapping_add(taken + 1);
        let questions = mock_questions(cx.library, scope, seed, settings.questions);
        if questions.is_empty() {
            return None;
        }
        Some(Self {
            answers: vec![None; questions.len()],
            questions,
            index: 0,
            highlighted: 0,
            deadline: settings
                .minutes
                .map(|minutes| cx.now + chrono::Duration::minutes(i64::from(minutes))),
            now: cx.now,
            time_limit: settings.minutes,
            stage: Stage::Answering,
        })
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn question(&self) -> Option<&Question> {
        self.questions.get(self.index)
    }

    /// (this question's number from 1, how many questions)
    pub fn position(&self) -> (usize, usize) {
        (self.index + 1, self.questions.len())
    }

    pub fn chosen(&self) -> Option<usize> {
        self.answers.get(self.index).copied().flatten()
    }

    pub fn highlighted(&self) -> usize {
        self.highlighted
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    pub fn unanswered(&self) -> usize {
        self.questions.len() - self.answered()
    }

    /// Seconds left, if the test has a time limit.
    pub fn seconds_left(&self) -> Option<i64> {
        self.deadline
            .map(|deadline| (deadline - self.now).num_seconds().max(0))
    }

    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    pub fn is_over(&self) -> bool {
        matches!(self.stage, Stage::Results { .. })
    }

    fn finish(&mut self, cx: &Cx) -> Effect {
        let result = mark_mock_test(
            cx.library,
            &self.questions,
            &self.answers,
            self.now,
            self.time_limit,
        );
        let text = layout::card(cx.area, false).text;
        let lines = self.result_text(cx.library, &result, text.width).len();
        self.stage = Stage::Results {
            max_scroll: max_scroll(lines, text.height),
            result: result.clone(),
            scroll: 0,
        };
        // The test reschedules the cards it asked: a wrong or missing answer is a lapse.
        let reviews = mock_reviews(&self.questions, &self.answers)
            .into_iter()
            .map(|(question, grade, detail)| Review {
                card_id: question.card_id,
                topic: question.topic,
                grade,
                detail,
            })
            .collect();
        Effect::MockTest { result, reviews }
    }

    /// Answers the question on screen; the last answer finishes the test when nothing is left
    /// unanswered, and asks first when something is.
    fn choose(&mut self, chosen: usize, cx: &Cx) -> Effect {
        let options = self
            .question()
            .and_then(Question::choice)
            .map_or(0, |(o, _)| o.len());
        if chosen >= options {
            return Effect::None;
        }
        self.answers[self.index] = Some(chosen);
        if self.index + 1 < self.questions.len() {
            self.go_to(self.index + 1);
            Effect::None
        } else if self.unanswered() == 0 {
            self.finish(cx)
        } else {
            self.stage = Stage::Asking(Confirm::Finish);
            Effect::None
        }
    }

    fn go_to(&mut self, index: usize) {
        self.index = index.min(self.questions.len().saturating_sub(1));
        self.highlighted = self.answers[self.index].unwrap_or(0);
    }

    /// The option under a click on screen cell (`column`, `row`), found in the rows drawing
    /// places (see [`super::choice_layout`]).
    fn clicked(&self, column: u16, row: u16, cx: &Cx) -> Option<usize> {
        let text = layout::card(cx.area, false).text;
        if !text.contains(Position::new(column, row)) {
            return None;
        }
        let question = self.question()?;
        let (options, _) = question.choice()?;
        let rows = choice_rows(
            &question.prompt,
            &question.subject,
            None,
            options,
            text.width,
        );
        option_at(&rows, usize::from(row - text.y))
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        self.now = cx.now;
        let time_up = self.deadline.is_some_and(|deadline| cx.now >= deadline);
        if let Stage::Results { result, .. } = &self.stage {
            let text = layout::card(cx.area, false).text;
            let lines = self.result_text(cx.library, result, text.width).len();
            if let Stage::Results {
                scroll,
                max_scroll: max,
                ..
            } = &mut self.stage
            {
                *max = max_scroll(lines, text.height);
                *scroll = scrolled(*scroll, action, text.height, *max);
            }
            return Effect::None;
        }
        match &mut self.stage {
            Stage::Results { .. } => Effect::None,
            // Time is up: the test ends whatever was being asked.
            _ if time_up => self.finish(cx),
            Stage::Asking(confirm) => match (action, *confirm) {
                (Action::Confirm, Confirm::Finish) => self.finish(cx),
                (Action::Confirm, Confirm::Quit) => Effect::Quit,
                (Action::LeaveMode, _) => {
                    self.stage = Stage::Answering;
                    Effect::None
                }
                _ => Effect::None,
            },
            Stage::Answering => self.answer(action, cx),
        }
    }

    fn answer(&mut self, action: Action, cx: &Cx) -> Effect {
        let options = self
            .question()
            .and_then(Question::choice)
            .map_or(0, |(o, _)| o.len());
        match action {
            Action::Choose(n) => return self.choose(usize::from(n).saturating_sub(1), cx),
            Action::Click { column, row } => {
                if let Some(chosen) = self.clicked(column, row, cx) {
                    return self.choose(chosen, cx);
                }
            }
            Action::Confirm => return self.choose(self.highlighted, cx),
            Action::Up => self.highlighted = self.highlighted.saturating_sub(1),
            Action::Down => {
                self.highlighted = (self.highlighted + 1).min(options.saturating_sub(1));
            }
            Action::NextQuestion => self.go_to(self.index + 1),
            Action::PrevQuestion => self.go_to(self.index.saturating_sub(1)),
            Action::FinishMock => self.stage = Stage::Asking(Confirm::Finish),
            Action::Abandon => self.stage = Stage::Asking(Confirm::Quit),
            _ => {}
        }
        Effect::None
    }

    pub fn context(&self) -> Context {
        match self.stage {
            Stage::Answering => ANSWERING,
            Stage::Asking(_) => CONFIRM,
            Stage::Results { .. } => RESULTS,
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        match self.stage {
            Stage::Answering => vec![
                hint_range(Action::Choose(1), Action::Choose(4), "answer", 1),
                hint(Action::NextQuestion, "next", 2),
                hint(Action::PrevQuestion, "previous", 3),
                hint(Action::FinishMock, "finish", 2),
                hint(Action::Abandon, "quit", 4),
            ],
            Stage::Asking(_) => vec![
                hint(Action::Confirm, "yes", 1),
                hint(Action::LeaveMode, "no", 1),
            ],
            Stage::Results { max_scroll, .. } => {
                let mut hints = vec![];
                if max_scroll > 0 {
                    hints.push(hint(Action::Down, "scroll", 2));
                    hints.push(hint(Action::PageDown, "page", 4));
                }
                hints.push(hint(Action::LeaveMode, "back to the quiz", 1));
                hints.push(hint(Action::Quit, "quit", 3));
                hints
            }
        }
    }
}

impl MockTest {
    /// The results as lines for `width`: the score, the score per guide, then every question
    /// with the learner's answer, the right answer and the topic, so the learner knows what to
    /// revise.
    pub fn result_text(&self, library: &Library, result: &MockTestResult, width: u16) -> Text {
        let mut text = Text::new(width);
        let percent = (result.correct * 100)
            .checked_div(result.questions)
            .unwrap_or(0);
        text.hanging(
            "Score ",
            Role::Muted,
            &format!("{} of {} ({percent}%)", result.correct, result.questions),
            Role::Title,
        );
        text.blank();
        text.line(Role::Heading, "By guide");
        for (guide_id, (asked, right)) in &result.per_guide {
            let title = library
                .guides
                .iter()
                .find(|g| &g.id == guide_id)
                .map_or(guide_id.as_str(), |g| g.title.as_str());
            text.hanging(
                &format!("{right:>2}/{asked:<2}  "),
                Role::Title,
                title,
                Role::Plain,
            );
        }
        text.blank();
        let missed = result.missed.len();
        let heading = match missed {
            0 => "Every question right. Well done!".to_owned(),
            n => format!("Questions ({n} to revise)"),
        };
        let role = if missed == 0 {
            Role::Correct
        } else {
            Role::Heading
        };
        text.line(role, &heading);
        for (i, question) in self.questions.iter().enumerate() {
            let chosen = self.answers.get(i).copied().flatten();
            answer_lines(&mut text, library, i, question, chosen);
        }
        text.blank();
        text.line(
            Role::Muted,
            "Saved to your history; each card asked is rescheduled (a wrong answer is due again soon).",
        );
        text
    }
}

/// One question of the results: the question, the learner's answer, the right one when that was
/// wrong, and the topic to revise.
fn answer_lines(
    text: &mut Text,
    library: &Library,
    i: usize,
    question: &Question,
    chosen: Option<usize>,
) {
    let right = question
        .choice()
        .is_some_and(|(_, correct)| chosen == Some(correct));
    let (mark, role) = if right {
        ("✓ ", Role::Correct)
    } else {
        ("✗ ", Role::Wrong)
    };
    let asked = format!("{}. {} {}", i + 1, question.prompt, question.subject);
    text.hanging(mark, role, &asked, Role::Plain);
    let yours = chosen
        .and_then(|c| question.choice().and_then(|(options, _)| options.get(c)))
        .map_or("no answer", String::as_str);
    text.hanging("  Your answer: ", Role::Muted, yours, role);
    if !right {
        text.hanging(
            "  Right answer: ",
            Role::Muted,
            question.correct_text(),
            Role::Correct,
        );
    }
    let (topic, guide) = question.origin(library);
    let origin = format!("{topic} ({guide})");
    text.hanging("  Topic: ", Role::Muted, &origin, Role::Plain);
}

#[cfg(test)]
mod tests {
    use super::super::test_driver::*;
    use super::super::*;

    #[test]
    fn a_mock_test_gives_no_feedback_until_the_end_and_saves_the_result() {
        let mut app = mock_app(5, None);
        press(&mut app, "m");
        let correct = mock_answers(&app);
        assert_eq!(correct.len(), 5, "every mock question is multiple choice");
        // Right, right, wrong, then go back and change the third, then answer the rest.
        for (i, &c) in correct.iter().take(2).enumerate() {
            choose(&mut app, c);
            assert_eq!(mock(&app).map(|m| m.position().0), Some(i + 2));
        }
        choose(&mut app, (correct[2] + 1) % 4);
        assert!(mock(&app).is_some_and(|m| !m.is_over()), "no feedback yet");
        app.update(Action::PrevQuestion);
        choose(&mut app, correct[2]);
        choose(&mut app, correct[3]);
        choose(&mut app, (correct[4] + 1) % 4);
        let Some(Stage::Results { result, .. }) = mock(&app).map(|m| m.stage().clone()) else {
            panic!("answering the last question, with none left unanswered, finishes the test");
        };
        assert_eq!(
            (result.correct, result.questions, result.missed.len()),
            (4, 5, 1)
        );
        assert_eq!(app.progress().mock_tests, std::slice::from_ref(&result));
        // Each card asked is rescheduled: right is Good, the wrong one a lapse (Again).
        let asked: Vec<String> = mock(&app)
            .map(|m| m.questions().iter().map(|q| q.card_id.clone()).collect())
            .unwrap_or_default();
        let grades: Vec<u8> = asked
            .iter()
            .map(|id| {
                app.progress().cards[id]
                    .reviews
                    .last()
                    .map_or(0, |r| r.grade)
            })
            .collect();
        assert_eq!(grades, [3, 3, 3, 3, 1]);
        // The results list every question with the learner's answer, the right one, the topic.
        let text = mock(&app)
            .map(|m| m.result_text(app.library(), &result, 76))
            .unwrap_or_default();
        let shown: Vec<String> = text
            .lines
            .iter()
            .map(|l| format!("{}{}", l.lead, l.text))
            .collect();
        assert_eq!(
            shown.iter().filter(|l| l.contains("Your answer: ")).count(),
            5
        );
        assert_eq!(
            shown
                .iter()
                .filter(|l| l.contains("Right answer: "))
                .count(),
            1
        );
        assert_eq!(shown.iter().filter(|l| l.contains("Topic: ")).count(), 5);
        press(&mut app, "<Enter>");
        assert!(matches!(app.panes().quiz.mode(), QuizMode::Cards));
    }

    #[test]
    fn a_mock_test_ends_when_its_time_is_up() {
        let mut app = mock_app(20, Some(30));
        press(&mut app, "m1");
        app.update(Action::Tick);
        assert!(mock(&app).is_some_and(|m| !m.is_over()));
        let start = app.world.clock.now();
        app.world.clock = Clock::Fixed(start + chrono::Duration::minutes(31));
        app.update(Action::Tick);
        let Some(Stage::Results { result, .. }) = mock(&app).map(|m| m.stage().clone()) else {
            panic!("time is up");
        };
        assert!(result.correct <= 1 && result.missed.len() >= 19);
    }

    #[test]
    fn finishing_a_mock_test_early_asks_first_and_says_what_is_unanswered() {
        let mut app = mock_app(5, None);
        press(&mut app, "m1");
        for key in ["f", "<Esc>"] {
            press(&mut app, key);
            let test = mock(&app);
            assert_eq!(
                test.map(|m| m.stage().clone()),
                Some(Stage::Asking(mock::Confirm::Finish)),
                "{key} asks"
            );
            assert_eq!(test.map(mock::MockTest::unanswered), Some(4));
            press(&mut app, "n");
            assert_eq!(
                mock(&app).map(|m| m.stage().clone()),
                Some(Stage::Answering)
            );
        }
        assert!(app.progress().mock_tests.is_empty(), "nothing saved");
        press(&mut app, "f<Enter>");
        assert!(mock(&app).is_some_and(mock::MockTest::is_over));
        assert_eq!(app.progress().mock_tests.len(), 1);
    }

    #[test]
    fn quitting_in_the_middle_of_a_mock_test_asks_first() {
        let mut app = mock_app(5, None);
        press(&mut app, "m12q");
        assert!(!app.should_quit());
        assert_eq!(
            mock(&app).map(|m| m.stage().clone()),
            Some(Stage::Asking(mock::Confirm::Quit))
        );
        assert_eq!(mock(&app).map(mock::MockTest::unanswered), Some(3));
        press(&mut app, "q<Esc>");
        assert!(!app.should_quit(), "q is not yes; Esc is no");
        press(&mut app, "qy");
        assert!(app.should_quit());
    }

    #[test]
    fn answering_the_last_question_with_some_skipped_asks_before_finishing() {
        let mut app = mock_app(3, None);
        press(&mut app, "m<Right><Right>1");
        assert_eq!(
            mock(&app).map(|m| m.stage().clone()),
            Some(Stage::Asking(mock::Confirm::Finish))
        );
    }
}
