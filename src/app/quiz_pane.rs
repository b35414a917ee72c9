//! Quiz pane state: the session, the question on screen and how it has been answered.

use super::text_area::TextArea;
use crate::content::TopicRef;
use crate::practice::PointCoverage;
use crate::progress::MockTestResult;
use crate::quiz::{Grade, Question, Scope, Session, Source};
use chrono::{DateTime, Utc};

/// What the Quiz pane is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuizMode {
    /// The default session of cards.
    #[default]
    Cards,
    /// Written-answer practice: never mixed with cards, so digits typed there are text.
    Write,
    /// A mock test: no feedback until the end.
    Mock,
}

/// A mock test in progress, or its results.
#[derive(Debug, Clone)]
pub struct MockState {
    pub questions: Vec<Question>,
    /// The option chosen for each question, if any.
    pub answers: Vec<Option<usize>>,
    pub index: usize,
    pub highlighted: usize,
    pub deadline: Option<DateTime<Utc>>,
    /// The time at the last action or tick, for showing the time left (drawing reads no clock).
    pub now: DateTime<Utc>,
    /// Set when the test is over.
    pub result: Option<MockTestResult>,
    /// First line shown of the results.
    pub scroll: usize,
}

/// Written-answer practice: a topic at a time, an answer typed, then checked and self-graded.
#[derive(Debug, Clone)]
pub struct WriteState {
    /// The topics in the quiz's scope, in the session's order.
    pub topics: Vec<TopicRef>,
    pub index: usize,
    pub answer: TextArea,
    /// After submitting: which of the topic's points the answer covered.
    pub checked: Option<Vec<PointCoverage>>,
}

impl WriteState {
    pub fn topic(&self) -> Option<TopicRef> {
        self.topics.get(self.index).copied()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for an answer (or, on a flip card, for recall).
    Asking,
    /// A flip card's points are showing; waiting for a grade.
    Revealed,
    /// A multiple-choice answer was given; feedback is showing.
    Answered { chosen: usize },
}

#[derive(Debug, Clone)]
pub struct QuizState {
    pub mode: QuizMode,
    /// Written practice, kept when leaving it so a draft is never lost.
    pub write: Option<WriteState>,
    pub mock: Option<MockState>,
    pub scope: Scope,
    pub session: Session,
    pub question: Option<Question>,
    /// Why the question on screen was chosen (due, new, practice).
    pub source: Option<Source>,
    /// Cards in scope due when the question was drawn (drawing reads no clock).
    pub due: usize,
    pub phase: Phase,
    /// The option Up/Down/Enter act on.
    pub highlighted: usize,
    pub right: u32,
    pub answered: u32,
    /// The last flip card's grade, shown until the next answer.
    pub last_grade: Option<Grade>,
}
