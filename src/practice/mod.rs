//! Written-answer practice: the learner answers an assessor-style question about a topic in
//! their own words, and is shown which of the topic's points the answer covered and which it
//! missed.
//!
//! Nothing here knows about terminals. [`question`] and [`reminder`] word what is asked;
//! [`assess`] compares the answer with the topic's points by meaningful words (stemmed, with
//! stop words set aside and common synonyms joined, see [`words`]), so paraphrases count and
//! unrelated text does not.

mod coverage;
mod prompt;
pub mod words;

pub use coverage::{Overall, PointCoverage, assess, needed, overall};
pub use prompt::{question, question_for, reminder, verb_for, writing_order};
