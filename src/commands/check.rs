use super::Failure;
use crate::content::{Diagnostic, Diagnostics, Library, escape_for_message, missing_references};
use anyhow::Context;
use std::io::Write;

/// `carestudy check`: every problem one a line on `err`, then a [`Failure::Content`] naming how
/// many; or a summary on `out`. Beyond what loading requires, a guide must say where its facts
/// come from (`missing_references`).
pub fn check(
    loaded: &Result<Library, Diagnostics>,
    what: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    // A folder's name is the tutor's (or an attacker's): it must not drive the terminal.
    let what = escape_for_message(what);
    let unreferenced: Vec<Diagnostic>;
    let problems = match loaded {
        Ok(library) => {
            unreferenced = missing_references(library);
            if unreferenced.is_empty() {
                return writeln!(out, "ok: {what}: {}", library.totals())
                    .context("writing the summary");
            }
            &unreferenced
        }
        Err(Diagnostics(problems)) => problems,
    };
    for problem in problems {
        writeln!(err, "{problem}").context("listing the problems")?;
    }
    let count = problems.len();
    let plural = if count == 1 { "" } else { "s" };
    Err(Failure::Content(format!("{what}: {count} problem{plural} found")).into())
}
