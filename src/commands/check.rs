use super::Failure;
use crate::content::{Diagnostic, Diagnostics, Library, escape_for_message, missing_references};
use crate::quiz::{Finding, audit, stand_alone_warnings};
use anyhow::Context;
use std::io::Write;

/// `carestudy check [--quiz]`: every problem one a line on `err`, then a [`Failure::Content`]
/// naming how many; or a summary on `out`, after a warning on `err` for each point that cannot
/// be asked on its own. Beyond what loading requires, a guide must say where its facts come
/// from (`missing_references`). With `quiz`, also the quiz audit: every question the guides can
/// produce is built, each that breaks a rule is listed on `err`, and a count goes to `out`.
pub fn check(
    loaded: &Result<Library, Diagnostics>,
    what: &str,
    quiz: bool,
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
                return check_quiz(library, &what, quiz, out, err);
            }
            &unreferenced
        }
        Err(Diagnostics(problems)) => problems,
    };
    for problem in problems {
        writeln!(err, "{problem}").context("listing the problems")?;
    }
    let count = problems.len();
    Err(Failure::Content(format!("{what}: {count} problem{} found", plural(count))).into())
}

/// The summary of guides that load, with a warning for each point that cannot be asked on its
/// own, and with `quiz` the audit of every question.
fn check_quiz(
    library: &Library,
    what: &str,
    quiz: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let warnings = stand_alone_warnings(library);
    for warning in &warnings {
        writeln!(err, "{}", line(warning, "warning")).context("listing the warnings")?;
    }
    let noted = match warnings.len() {
        0 => String::new(),
        n => format!(" ({n} warning{})", plural(n)),
    };
    writeln!(out, "ok: {what}: {}{noted}", library.totals()).context("writing the summary")?;
    if !quiz {
        return Ok(());
    }
    let report = audit(library);
    for finding in &report.flagged {
        writeln!(err, "{}", line(finding, "quiz")).context("listing the quiz problems")?;
    }
    for finding in &report.unaskable {
        writeln!(err, "{}", line(finding, "note")).context("listing the quiz notes")?;
    }
    let flagged = report.flagged.len();
    let unaskable = match report.unaskable.len() {
        0 => String::new(),
        n => format!(
            " ({n} card{} with too few sound wrong options, not asked)",
            plural(n)
        ),
    };
    writeln!(
        out,
        "quiz: {} questions generated from {} cards, {flagged} flagged{unaskable}",
        report.generated, report.cards
    )
    .context("writing the quiz summary")?;
    if flagged > 0 {
        return Err(Failure::Content(format!(
            "{what}: {flagged} quiz question{} break{} a rule",
            plural(flagged),
            if flagged == 1 { "s" } else { "" }
        ))
        .into());
    }
    Ok(())
}

/// `path:line: level: card: problem`, with guide text escaped so it cannot drive the terminal.
fn line(finding: &Finding, level: &str) -> String {
    format!(
        "{}:{}: {level}: {}: {}",
        escape_for_message(&finding.path),
        finding.line,
        escape_for_message(&finding.card),
        escape_for_message(&finding.problem)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
