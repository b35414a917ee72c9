//! The plain (non-interactive) commands: each writes to the writer it is given.

mod check;
mod export;
mod list;
pub mod paint;
mod progress;
mod search;
mod show;
mod stats;

pub use check::check;
pub use export::{Part as ExportPart, export};
pub use list::list;
pub use progress::{progress_export, progress_import, tell as tell_notices};
pub use search::search;
pub use show::show;
pub use stats::stats;

use crate::content::{
    Diagnostics, GuideCache, Library, load_builtin_with_cache, load_dir_with_cache,
};
use std::io::{self, Write};
use std::path::Path;

/// A failure the exit status tells apart from any other. Commands return `anyhow::Result`;
/// [`exit_code`] and [`report`] are the one place errors become a message and a status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Bad usage, exit 2: an unknown or ambiguous name, a bad argument, no terminal. The
    /// message says what to do instead.
    Usage(String),
    /// Bad content, exit 1: the guides have problems (already listed on stderr).
    Content(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Usage(message) | Failure::Content(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Failure {}

/// Exit statuses shared by every command.
pub mod exit {
    pub const OK: u8 = 0;
    /// Bad content (a guide has problems), or anything else that went wrong.
    pub const CONTENT: u8 = 1;
    /// Bad usage: an unknown or ambiguous name, a bad argument.
    pub const USAGE: u8 = 2;
}

/// A usage error (exit 2) with this message.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    Failure::Usage(message.into()).into()
}

/// The exit status for an error: 2 for bad usage, 0 for a closed pipe (`carestudy list | head`
/// is not a failure), 1 for everything else (bad guides, a file that cannot be written...).
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if is_broken_pipe(error) {
        return exit::OK;
    }
    match error.downcast_ref::<Failure>() {
        Some(Failure::Usage(_)) => exit::USAGE,
        Some(Failure::Content(_)) | None => exit::CONTENT,
    }
}

/// Tells the learner what went wrong (`carestudy: ` and the error with its context, outermost
/// first) and returns the exit status. A closed pipe says nothing.
pub fn report(error: &anyhow::Error, err: &mut dyn Write) -> u8 {
    if !is_broken_pipe(error) {
        // Nothing more can be done if stderr itself is gone.
        let _ = writeln!(err, "carestudy: {error:#}");
    }
    exit_code(error)
}

/// Whether a write met a closed pipe, anywhere in the chain. serde_json's error holds the
/// `io::Error` it met without offering it as its source, so it is asked separately.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = match cause.downcast_ref::<serde_json::Error>() {
            Some(json) => json.io_error_kind(),
            None => cause.downcast_ref::<io::Error>().map(io::Error::kind),
        };
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

/// The guides to work on: the folder given with `--content`, or the built-in ones; through the
/// parse cache in the platform's cache folder (`$CARESTUDY_CACHE_DIR`, empty for none).
pub fn load_library(content: Option<&Path>) -> Result<Library, Diagnostics> {
    let cache = GuideCache::from_environment();
    match content {
        Some(dir) => load_dir_with_cache(dir, cache.as_ref()),
        None => load_builtin_with_cache(cache.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    fn reported(error: &anyhow::Error) -> (u8, String) {
        let mut err = Vec::new();
        let code = report(error, &mut err);
        (code, String::from_utf8_lossy(&err).into_owned())
    }

    #[test]
    fn each_failure_has_its_status_and_one_message() {
        let (code, text) = reported(&usage("no topic matches \"x\""));
        assert_eq!(
            (code, text.as_str()),
            (2, "carestudy: no topic matches \"x\"\n")
        );
        let content = anyhow::Error::from(Failure::Content("bad guides".into()));
        assert_eq!(reported(&content), (1, "carestudy: bad guides\n".into()));
        let io = Err::<(), _>(io::Error::other("disk full")).context("cannot write out.md");
        let io = io.err().map(|e| reported(&e));
        assert_eq!(
            io,
            Some((1, "carestudy: cannot write out.md: disk full\n".into()))
        );
    }

    #[test]
    fn a_closed_pipe_is_silent_success_even_under_context() {
        let pipe = Err::<(), _>(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        let pipe = pipe.err().map(|e| reported(&e));
        assert_eq!(pipe, Some((0, String::new())));
    }

    #[test]
    fn a_closed_pipe_met_while_writing_json_is_silent_success() {
        let mut closed = ClosedPipe;
        let json = serde_json::to_writer(&mut closed, &[1, 2, 3]);
        let pipe = json.map_err(anyhow::Error::from).context("writing JSON");
        assert_eq!(pipe.err().map(|e| reported(&e)), Some((0, String::new())));
    }

    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn usage_survives_added_context() {
        let error = Err::<(), _>(usage("bad size")).context("snapshot");
        assert_eq!(error.err().map(|e| exit_code(&e)), Some(exit::USAGE));
    }
}
