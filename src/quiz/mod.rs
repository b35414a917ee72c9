//! Self-quiz questions generated from the model. No terminal here; the seed is injected so the
//! same seed always gives the same questions in the same order.

mod audit;
mod build;
mod card;
mod class;
mod deck;
mod draw;
mod meaning;
mod mock;
mod question;
mod schedule;
mod session;
mod standalone;
mod when;

pub use audit::{AuditReport, Finding, audit, stand_alone_warnings};
pub use build::{OPTIONS, Unaskable};
pub use card::{CardSpec, written_card_id};
pub use class::class_question;
pub use deck::{QuizDeck, Scope};
pub use mock::{mark_mock_test, mock_questions, mock_reviews};
pub use question::{Body, Grade, Question, QuestionKind, RecallList};
pub use schedule::{ReviewDetail, Scheduler, new_card};
pub use session::{NEW_CARDS_PER_DAY, Session, Source};
pub use standalone::{MIN_WORDS, NotStandAlone, stand_alone_problem};
pub use when::{interval, next_review};
