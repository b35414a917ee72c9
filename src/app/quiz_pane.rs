//! Quiz pane state: the session, the question on screen and how it has been answered.

use crate::quiz::{Grade, Question, Scope, Session, Source};

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
    pub scope: Scope,
    pub session: Session,
    pub question: Option<Question>,
    /// Why the question on screen was chosen (due, new, practice).
    pub source: Option<Source>,
    pub phase: Phase,
    /// The option Up/Down/Enter act on.
    pub highlighted: usize,
    pub right: u32,
    pub answered: u32,
    /// The last flip card's grade, shown until the next answer.
    pub last_grade: Option<Grade>,
}
