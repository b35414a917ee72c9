use super::exit;
use crate::content::{Diagnostics, Library};
use std::io::{self, Write};

/// `carestudy check`: every problem one a line on `err`, or a summary on `out`. Returns the exit status.
pub fn check(
    loaded: &Result<Library, Diagnostics>,
    what: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    match loaded {
        Ok(library) => {
            writeln!(out, "ok: {what}: {}", library.totals())?;
            Ok(exit::OK)
        }
        Err(Diagnostics(problems)) => {
            for problem in problems {
                writeln!(err, "{problem}")?;
            }
            let count = problems.len();
            let plural = if count == 1 { "" } else { "s" };
            writeln!(err, "{what}: {count} problem{plural} found")?;
            Ok(exit::CONTENT)
        }
    }
}
