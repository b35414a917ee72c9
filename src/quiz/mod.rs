//! Self-quiz questions generated from the model. No terminal here; the seed is injected so the
//! same seed always gives the same questions in the same order.

mod deck;
mod question;
mod schedule;
mod session;

pub use deck::{CardSpec, QuizDeck, Scope};
pub use question::{Grade, Question, QuestionKind};
pub use schedule::{ReviewDetail, Scheduler, new_card};
pub use session::{NEW_CARDS_PER_DAY, Session, Source};
