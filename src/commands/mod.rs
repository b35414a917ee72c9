//! The plain (non-interactive) commands: each writes to the writer it is given.

mod check;
mod export;
mod list;
pub mod paint;
mod search;
mod show;
mod stats;

pub use check::check;
pub use export::export;
pub use list::list;
pub use search::search;
pub use show::show;
pub use stats::stats;

use crate::content::{Diagnostics, Library, load_builtin, load_dir};
use std::path::Path;

/// Exit statuses shared by every command.
pub mod exit {
    pub const OK: u8 = 0;
    /// Bad content: a guide has problems.
    pub const CONTENT: u8 = 1;
    /// Bad usage: an unknown or ambiguous name, a bad argument.
    pub const USAGE: u8 = 2;
}

/// The guides to work on: the folder given with `--content`, or the built-in ones.
pub fn load_library(content: Option<&Path>) -> Result<Library, Diagnostics> {
    match content {
        Some(dir) => load_dir(dir),
        None => load_builtin(),
    }
}
