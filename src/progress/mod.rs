//! The learner's saved progress: the model, and the store that loads and saves it safely.
//! Nothing here knows about terminals; the clock is always passed in.

mod format;
mod location;
mod lock;
mod migrate;
mod model;
mod store;

pub use location::{DATA_DIR_ENV, LOCK_FILE, PROGRESS_FILE, data_dir};
pub use model::{CardRecord, MissedQuestion, MockTestResult, Progress, Review, SCHEMA_VERSION};
pub use store::{Access, Store};
