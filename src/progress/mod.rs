//! The learner's saved progress: the model, and the store that loads and saves it safely.
//! Nothing here knows about terminals; the clock is always passed in.

mod model;

pub use model::{CardRecord, MissedQuestion, MockTestResult, Progress, Review, SCHEMA_VERSION};
