//! Self-quiz questions generated from the model. No terminal here; the seed is injected so the
//! same seed always gives the same questions in the same order.

mod card;
mod class;
mod deck;
mod mock;
mod question;
mod schedule;
mod session;

pub use card::{CardSpec, written_card_id};
pub use class::class_question;
pub use deck::{QuizDeck, Scope};
pub use mock::{mark_mock_test, mock_questions};
pub use question::{Body, Grade, Question, QuestionKind, RecallList};
pub use schedule::{ReviewDetail, Scheduler, new_card};
pub use session::{NEW_CARDS_PER_DAY, Session, Source};
