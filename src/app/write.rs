//! Written-answer practice: a topic at a time, an answer typed in a box, then checked against
//! the topic's points and graded by the learner. The feedback scrolls when it does not fit.

use super::action::Action;
use super::choice_layout::{grade_at, grade_spots};
use super::keymap::{Binding, Context, KeyMap, bind};
use super::keys::Key::*;
use super::layout;
use super::pane::{Cx, Effect, Hint, Review, hint};
use super::text::{Role, Text, max_scroll, scrolled};
use super::text_area::TextArea;
use crate::content::{Library, TopicRef};
use crate::practice::{self, PointCoverage};
use crate::quiz::{Grade, ReviewDetail, Scope, written_card_id};
use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Typing a written answer.
pub const ANSWER: Context = Context::text_area("written answer");
/// A written answer checked, waiting for a self-grade.
pub const FEEDBACK: Context = Context::keys("written feedback");

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(ANSWER, &[Ctrl('s'), F(2)], Action::Submit, "check the answer"),
    bind(ANSWER, &[Esc], Action::LeaveMode, "back to the card quiz (the draft is kept)"),
    bind(ANSWER, &[Enter], Action::Newline, "new line"),
    bind(ANSWER, &[Backspace], Action::Backspace, "delete the character before the cursor"),
    bind(ANSWER, &[Delete], Action::DeleteForward, "delete the character under the cursor"),
    bind(ANSWER, &[Ctrl('w')], Action::DeleteWord, "delete the word before the cursor"),
    bind(ANSWER, &[Left], Action::CursorLeft, "cursor left"),
    bind(ANSWER, &[Right], Action::CursorRight, "cursor right"),
    bind(ANSWER, &[Up], Action::Up, "cursor up a line"),
    bind(ANSWER, &[Down], Action::Down, "cursor down a line"),
    bind(ANSWER, &[Home, Ctrl('a')], Action::CursorHome, "start of the line"),
    bind(ANSWER, &[End, Ctrl('e')], Action::CursorEnd, "end of the line"),
    bind(FEEDBACK, &[Char('1')], Action::Choose(1), "grade yourself Again, next topic"),
    bind(FEEDBACK, &[Char('2')], Action::Choose(2), "grade yourself Hard, next topic"),
    bind(FEEDBACK, &[Char('3')], Action::Choose(3), "grade yourself Good, next topic"),
    bind(FEEDBACK, &[Char('4')], Action::Choose(4), "grade yourself Easy, next topic"),
    bind(FEEDBACK, &[Down, Char('j')], Action::Down, "scroll the feedback down"),
    bind(FEEDBACK, &[Up, Char('k')], Action::Up, "scroll the feedback up"),
    bind(FEEDBACK, &[PageDown, Char(' ')], Action::PageDown, "scroll the feedback down a page"),
    bind(FEEDBACK, &[PageUp], Action::PageUp, "scroll the feedback up a page"),
    bind(FEEDBACK, &[Esc], Action::LeaveMode, "back to the card quiz"),
];

/// Written practice over the topics of a scope.
#[derive(Debug, Clone)]
pub struct Writing {
    /// The topics in the scope, in the order they are asked.
    topics: Vec<TopicRef>,
    index: usize,
    answer: TextArea,
    /// After checking: which of the topic's points the answer covered.
    checked: Option<Checked>,
}

#[derive(Debug, Clone)]
pub struct Checked {
    pub coverage: Vec<PointCoverage>,
    /// First line of the feedback shown.
    pub scroll: usize,
    /// How far it can scroll at the current size (0: it fits).
    pub max_scroll: usize,
}

/// Rows the question and the reminder above the box take, at most (the rest is the box).
pub fn head_rows(text: &layout::Card, question: &Text) -> u16 {
    u16::try_from(question.len())
        .unwrap_or(u16::MAX)
        .min(text.text.height / 2)
}

/// The card's text split: the question (and reminder) above, the answer box or, once checked,
/// the feedback and grades below.
pub fn answer_areas(card: &layout::Card, question: &Text) -> (Rect, Rect) {
    let head = head_rows(card, question);
    let [question, rest] =
        Layout::vertical([Constraint::Length(head), Constraint::Min(0)]).areas(card.text);
    (question, rest)
}

/// Where `feedback_lines` of feedback and the grade line go in `rest`: the grades follow the
/// feedback, or, when it does not fit, stay at the foot (and the feedback scrolls).
pub fn checked_areas(rest: Rect, feedback_lines: usize) -> (Rect, Rect) {
    let rows = u16::try_from(feedback_lines)
        .unwrap_or(u16::MAX)
        .min(rest.height.saturating_sub(1));
    let [feedback, grades, _] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(rest);
    (feedback, grades)
}

impl Writing {
    /// Practice over `scope`'s topics, assessment questions first.
    pub fn new(scope: Scope, cx: &Cx) -> Self {
        let in_scope: Vec<TopicRef> = cx
            .topics
            .iter()
            .copied()
            .filter(|&at| scope.includes(at))
            .collect();
        Self {
            topics: practice::writing_order(cx.library, &in_scope, cx.seed),
            index: 0,
            answer: TextArea::default(),
            checked: None,
        }
    }

    pub fn topic(&self) -> Option<TopicRef> {
        self.topics.get(self.index).copied()
    }

    /// (this topic's number from 1, how many topics)
    pub fn position(&self) -> (usize, usize) {
        (self.index + 1, self.topics.len())
    }

    pub fn answer(&self) -> &TextArea {
        &self.answer
    }

    pub fn checked(&self) -> Option<&Checked> {
        self.checked.as_ref()
    }

    /// The assessor's question and what its verb asks for, wrapped to `width`.
    pub fn question_text(&self, library: &Library, width: u16) -> Text {
        let mut text = Text::new(width);
        let Some(at) = self.topic() else {
            return text;
        };
        let (Some(guide), Some(topic)) = (library.guide(at.guide), library.topic(at)) else {
            return text;
        };
        let verb = practice::verb_for(guide, topic);
        text.wrapped(Role::Title, &practice::question_for(guide, topic));
        let reminder = practice::reminder(verb);
        let reminder = format!(
            "{} — {}{}",
            capitalised(verb.name()),
            reminder.get(..1).unwrap_or("").to_lowercase(),
            reminder.get(1..).unwrap_or("")
        );
        text.wrapped(Role::Muted, &reminder);
        text.blank();
        text
    }

    /// The width and rows the feedback scrolls in: the card's text below the question, less
    /// the line of grades kept in view at the bottom.
    fn feedback_rows(&self, cx: &Cx) -> (u16, u16) {
        let card = layout::card(cx.area, false);
        let question = self.question_text(cx.library, card.text.width);
        let (_, rest) = answer_areas(&card, &question);
        (rest.width, rest.height.saturating_sub(1))
    }

    fn submit(&mut self, cx: &Cx) {
        if self.answer.is_blank() {
            return;
        }
        let points: Vec<&str> = self
            .topic()
            .and_then(|at| cx.library.topic(at))
            .map(|topic| topic.answer_points())
            .unwrap_or_default();
        self.checked = Some(Checked {
            coverage: practice::assess(&self.answer.text(), &points),
            scroll: 0,
            max_scroll: 0,
        });
    }

    /// Saves the answer with the learner's grade and moves on to the next topic.
    fn grade(&mut self, grade: Grade, cx: &Cx) -> Effect {
        let Some(at) = self.topic() else {
            return Effect::None;
        };
        let answer = self.answer.text();
        self.index = (self.index + 1) % self.topics.len().max(1);
        self.answer.clear();
        self.checked = None;
        let topic = cx.library.stable_id(at).unwrap_or_default();
        Effect::Review(Review {
            card_id: written_card_id(&topic),
            topic: at,
            grade,
            detail: ReviewDetail {
                correct: None,
                answer: Some(answer),
            },
        })
    }

    /// Scrolls the feedback (or, for any other action, keeps it within its end at the size the
    /// pane now has).
    fn scroll(&mut self, action: Action, cx: &Cx) {
        let (width, rows) = self.feedback_rows(cx);
        let Some(checked) = self.checked.as_mut() else {
            return;
        };
        let max = max_scroll(feedback_text(&checked.coverage, width).len(), rows);
        checked.max_scroll = max;
        checked.scroll = scrolled(checked.scroll, action, rows, max);
    }

    /// The grade under a click on screen cell (`column`, `row`) once the answer is checked,
    /// found where drawing puts the grade line ([`checked_areas`]).
    fn clicked(&self, column: u16, row: u16, cx: &Cx) -> Option<Grade> {
        let checked = self.checked.as_ref()?;
        let card = layout::card(cx.area, false);
        let question = self.question_text(cx.library, card.text.width);
        let (_, rest) = answer_areas(&card, &question);
        let lines = feedback_text(&checked.coverage, rest.width).len();
        let (_, grades) = checked_areas(rest, lines);
        if !grades.contains(Position::new(column, row)) {
            return None;
        }
        let keys = |grade: Grade| {
            KeyMap::new(&[BINDINGS]).names_in(&[FEEDBACK], Action::Choose(grade.number()))
        };
        grade_at(&grade_spots(keys, None), column - grades.x)
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        if self.checked.is_some() {
            return match action {
                Action::Choose(n) => {
                    Grade::from_number(n).map_or(Effect::None, |g| self.grade(g, cx))
                }
                Action::Click { column, row } => self
                    .clicked(column, row, cx)
                    .map_or(Effect::None, |g| self.grade(g, cx)),
                _ => {
                    self.scroll(action, cx);
                    Effect::None
                }
            };
        }
        let answer = &mut self.answer;
        match action {
            Action::Type(c) => answer.insert(c),
            Action::Newline => answer.insert('\n'),
            Action::Backspace => answer.backspace(),
            Action::DeleteForward => answer.delete_forward(),
            Action::DeleteWord => answer.delete_word(),
            Action::CursorLeft => answer.left(),
            Action::CursorRight => answer.right(),
            Action::Up => answer.up(),
            Action::Down => answer.down(),
            Action::CursorHome => answer.home(),
            Action::CursorEnd => answer.end(),
            Action::Submit => {
                self.submit(cx);
                self.scroll(action, cx);
            }
            _ => {}
        }
        Effect::None
    }

    pub fn context(&self) -> Context {
        if self.checked.is_some() {
            FEEDBACK
        } else {
            ANSWER
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        if let Some(checked) = &self.checked {
            let mut hints = vec![
                hint(Action::Choose(1), "Again", 1),
                hint(Action::Choose(3), "Good", 1),
                hint(Action::Choose(4), "Easy", 1),
            ];
            if checked.max_scroll > 0 {
                hints.push(hint(Action::PageDown, "more", 4));
            }
            hints.push(hint(Action::LeaveMode, "cards", 3));
            hints
        } else {
            vec![
                hint(Action::Submit, "check", 1),
                hint(Action::Newline, "new line", 4),
                hint(Action::LeaveMode, "cards", 2),
                hint(Action::NextPane, "panes", 5),
            ]
        }
    }
}

/// What the check found, as lines for `width`: how many points were covered, each point with
/// its mark, then the invitation to grade.
pub fn feedback_text(coverage: &[PointCoverage], width: u16) -> Text {
    let overall = practice::overall(coverage);
    let mut text = Text::new(width);
    text.line(
        Role::Title,
        &format!(
            "Your answer covered {} of {} points:",
            overall.covered, overall.total
        ),
    );
    for point in coverage {
        let (mark, role) = if point.covered {
            ("✓ ", Role::Correct)
        } else {
            ("✗ ", Role::Wrong)
        };
        text.hanging(mark, role, &point.point, Role::Plain);
    }
    text.blank();
    text.wrapped(
        Role::Muted,
        "A good answer covers the points above. How well did you do?",
    );
    text
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::test_driver::*;
    use super::super::*;

    #[test]
    fn in_written_practice_digits_and_q_are_text_and_a_grade_saves_the_answer() {
        let mut app = app_at(80, 24, Pane::Quiz);
        press(&mut app, "w");
        assert!(writing(&app).is_some());
        press(&mut app, "q1 we share<Enter>information<C-s>");
        assert!(!app.should_quit());
        let text = writing(&app).map(|w| w.answer().text());
        assert_eq!(text.as_deref(), Some("q1 we share\ninformation"));
        assert!(writing(&app).is_some_and(|w| w.checked().is_some()));
        let topic = writing(&app).and_then(|w| w.topic());
        press(&mut app, "3");
        let Some(at) = topic else {
            panic!("written practice has a topic");
        };
        let answers = detail::written_answers(app.library(), app.progress(), at);
        assert_eq!(answers.len(), 1);
        assert_eq!(answers[0].1, "q1 we share\ninformation");
        assert_ne!(writing(&app).and_then(|w| w.topic()), topic, "next topic");
    }

    #[test]
    fn leaving_written_practice_keeps_the_draft() {
        let mut app = app_at(80, 24, Pane::Quiz);
        press(&mut app, "wdraft<Esc>");
        assert!(matches!(app.panes().quiz.mode(), QuizMode::Cards));
        press(&mut app, "w");
        let text = writing(&app).map(|w| w.answer().text());
        assert_eq!(text.as_deref(), Some("draft"));
        press(&mut app, "<C-s>");
        assert!(writing(&app).is_some_and(|w| w.checked().is_some()));
    }

    #[test]
    fn an_empty_answer_is_not_checked() {
        let mut app = app_at(80, 24, Pane::Quiz);
        press(&mut app, "w   <C-s>");
        assert!(writing(&app).is_some_and(|w| w.checked().is_none()));
    }

    #[test]
    fn written_feedback_scrolls_to_its_end_and_no_further() {
        let mut app = app_at(80, 24, Pane::Quiz);
        let checked = |app: &App| writing(app).and_then(|w| w.checked()).cloned();
        press(&mut app, "w");
        // Topic after topic until one's feedback does not fit the box at 80x24.
        for _ in 0..80 {
            press(&mut app, "an answer<C-s>");
            if checked(&app).is_some_and(|c| c.max_scroll > 0) {
                break;
            }
            press(&mut app, "1");
        }
        let Some(first) = checked(&app) else {
            panic!("no feedback");
        };
        assert!(first.max_scroll > 0, "no topic's feedback overflowed");
        assert_eq!(first.scroll, 0, "the feedback starts at its first line");
        press(
            &mut app,
            "<PageDown><PageDown><PageDown><PageDown><PageDown>j",
        );
        let end = checked(&app).map(|c| c.scroll);
        assert_eq!(end, Some(first.max_scroll), "stops at the end");
        press(&mut app, "k");
        let back = checked(&app).map(|c| c.scroll);
        assert_eq!(
            back,
            Some(first.max_scroll - 1),
            "one key back is one line back"
        );
    }
}
