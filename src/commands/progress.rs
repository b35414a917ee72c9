//! `carestudy progress export` and `carestudy progress import FILE`: the whole history as
//! JSON (the format of the old progress.json, version 2), for backups and other tools, and back.

use super::usage;
use crate::progress::{Access, OpenMode, Store, export_json};
use anyhow::Context;
use chrono::{DateTime, Utc};
use std::io::{Read, Write};
use std::path::Path;

/// Writes the whole saved history to `out` as JSON. Reads only: creates nothing.
pub fn progress_export(
    dir: Option<&Path>,
    now: DateTime<Utc>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let progress = match dir {
        Some(dir) => {
            let (store, progress) = Store::open(dir, OpenMode::Read, now);
            tell(err, store.notices())?;
            progress
        }
        None => crate::progress::Progress::default(),
    };
    let json = export_json(&progress).context("writing progress as JSON")?;
    out.write_all(&json).context("writing to standard output")?;
    out.flush().context("writing to standard output")
}

/// Merges the history in `file` (`-` for standard input) into the saved progress, and says
/// what was added.
pub fn progress_import(
    dir: Option<&Path>,
    file: &Path,
    now: DateTime<Utc>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let Some(dir) = dir else {
        return Err(usage(
            "there is no data folder to import into: give --data-dir DIR or set CARESTUDY_DATA_DIR",
        ));
    };
    let bytes = if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        bytes
    } else {
        std::fs::read(file).with_context(|| format!("reading {}", file.display()))?
    };
    let (mut store, mut progress) = Store::open(dir, OpenMode::Write, now);
    tell(err, store.notices())?;
    if store.access() != Access::ReadWrite {
        anyhow::bail!(
            "nothing was imported: progress in {} cannot be written",
            dir.display()
        );
    }
    let imported = store
        .import(&mut progress, &bytes)
        .with_context(|| format!("importing {}", file.display()))?;
    writeln!(
        out,
        "Imported from {}: {} new cards, {} new reviews, {} new mock tests.",
        file.display(),
        imported.cards,
        imported.reviews,
        imported.mock_tests
    )?;
    if imported.quarantined > 0 {
        writeln!(
            out,
            "{} cards in the file could not be read; they are set aside in the database's quarantine table.",
            imported.quarantined
        )?;
    }
    Ok(())
}

/// Tells the learner on standard error what opening their progress did (notices, not errors:
/// the command goes on).
pub fn tell(err: &mut dyn Write, notices: &[String]) -> anyhow::Result<()> {
    for notice in notices {
        writeln!(err, "carestudy: {notice}").context("writing to standard error")?;
    }
    Ok(())
}
