//! Self-quiz questions generated from the model. No terminal here; the seed is injected so the
//! same seed always gives the same questions in the same order.

mod deck;
mod question;

pub use deck::{QuizDeck, Scope};
pub use question::{Grade, Question, QuestionKind};
