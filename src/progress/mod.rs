//! The learner's saved progress: the model, and the SQLite store that loads and saves it
//! safely (one transaction per review). Nothing here knows about terminals; the clock is
//! always passed in.

mod day;
mod db;
mod format;
mod json;
mod location;
mod migrate;
mod model;
mod store;

pub use day::Zone;
pub use db::{DB_VERSION, Quarantined};
pub use json::{Damage as JsonDamage, FromJson, export as export_json, parse as parse_json};
pub use location::{DATA_DIR_ENV, DATABASE_FILE, PROGRESS_FILE, data_dir, platform_data_dir};
pub use migrate::MigrateError;
pub use model::{
    CardRecord, MissedQuestion, MockTestResult, Progress, Review, Reviewed, SCHEMA_VERSION,
};
pub use store::{Access, ImportError, Imported, OpenMode, Store, UndoError};
