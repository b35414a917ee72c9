//! Helpers shared by the unit tests: they panic with a clear message, as a test should.

use crate::content::{Library, load_builtin};
use std::path::Path;

/// The guides built into carestudy.
pub fn builtin_library() -> Library {
    match load_builtin() {
        Ok(library) => library,
        Err(e) => panic!("built-in guides fail to load: {e}"),
    }
}

pub fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("cannot make a temporary folder: {e}"),
    }
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) => panic!("cannot list {}: {e}", dir.display()),
    };
    names.sort();
    names
}
