use super::Failure;
use crate::content::{Diagnostics, Library, escape_for_message};
use anyhow::Context;
use std::io::Write;

/// `carestudy check`: every problem one a line on `err`, then a [`Failure::Content`] naming how
/// many; or a summary on `out`.
pub fn check(
    loaded: &Result<Library, Diagnostics>,
    what: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    // A folder's name is the tutor's (or an attacker's): it must not drive the terminal.
    let what = escape_for_message(what);
    match loaded {
        Ok(library) => {
            writeln!(out, "ok: {what}: {}", library.totals()).context("writing the summary")
        }
        Err(Diagnostics(problems)) => {
            for problem in problems {
                writeln!(err, "{problem}").context("listing the problems")?;
            }
            let count = problems.len();
            let plural = if count == 1 { "" } else { "s" };
            Err(Failure::Content(format!("{what}: {count} problem{plural} found")).into())
        }
    }
}
