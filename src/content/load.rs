//! Loading a folder of guides (a tutor's own) or the guides built into the binary.

use super::builtin::BUILTIN_GUIDES;
use super::diagnostic::{Diagnostic, Diagnostics};
use super::links::check_links;
use super::model::{Guide, Library};
use super::parse::{MAX_FILE_BYTES, parse_guide, size_error};
use crate::parallel::in_two_halves;
use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// From this many files, reading and parsing is split between two threads.
const PARALLEL_FROM_FILES: usize = 16;

/// Folders nested deeper than this are not searched: a real library is a few levels deep.
const MAX_FOLDER_DEPTH: usize = 32;

/// The guides compiled into carestudy.
pub fn load_builtin() -> Result<Library, Diagnostics> {
    let parsed = BUILTIN_GUIDES
        .iter()
        .map(|(path, text)| (path.to_string(), parse_guide(path, text.as_bytes())));
    assemble(parsed)
}

/// Loads every `.md` guide under `dir` (except README.md files), in path order.
pub fn load_dir(dir: &Path) -> Result<Library, Diagnostics> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let display = dir.display().to_string();
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let mut ancestors = Vec::new();
            collect_guides(dir, 0, &mut ancestors, &mut files, &mut problems);
        }
        Ok(_) => problems.push(Diagnostic::unlocated(
            &display,
            "not a folder: give the folder that holds the guides",
        )),
        Err(e) => problems.push(Diagnostic::unlocated(
            &display,
            format!("cannot read folder: {e}"),
        )),
    }
    if files.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::unlocated(
            &display,
            "no guides found: a guide is a `.md` file (README.md files are skipped)",
        ));
    }
    files.sort();
    // Reading and parsing each file is independent: a course's hundreds of guides load on both
    // cores. The order of `files` is kept.
    let parsed = in_two_halves(&files, PARALLEL_FROM_FILES, |part| {
        part.iter()
            .map(|path| {
                let shown = path.display().to_string();
                let guide = match read_limited(path) {
                    Ok(bytes) => parse_guide(&shown, &bytes),
                    Err(ReadError::TooLarge(size)) => Err(vec![size_error(&shown, size)]),
                    Err(ReadError::Io(e)) => Err(vec![Diagnostic::unlocated(
                        &shown,
                        format!("cannot read file: {e}"),
                    )]),
                };
                (shown, guide)
            })
            .collect()
    });
    match assemble(parsed) {
        Ok(library) if problems.is_empty() => Ok(library),
        Ok(_) => Err(Diagnostics(problems)),
        Err(Diagnostics(more)) => {
            problems.extend(more);
            Err(Diagnostics(problems))
        }
    }
}

/// Walks `dir`, following links but refusing to enter a folder that is one of its own ancestors.
fn collect_guides(
    dir: &Path,
    depth: usize,
    ancestors: &mut Vec<PathBuf>,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) {
    let shown = dir.display().to_string();
    let canonical = match fs::canonicalize(dir) {
        Ok(path) => path,
        Err(e) => {
            problems.push(Diagnostic::unlocated(&shown, format!("cannot follow: {e}")));
            return;
        }
    };
    if ancestors.contains(&canonical) {
        problems.push(Diagnostic::unlocated(
            &shown,
            format!(
                "symbolic link loop: this leads back to {}, which is already being read",
                canonical.display()
            ),
        ));
        return;
    }
    if depth > MAX_FOLDER_DEPTH {
        problems.push(Diagnostic::unlocated(
            &shown,
            format!("folders nested more than {MAX_FOLDER_DEPTH} deep are not read"),
        ));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Diagnostic::unlocated(
                &shown,
                format!("cannot read folder: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    ancestors.push(canonical);
    for path in paths {
        // `metadata` follows links; a dangling link is reported rather than skipped silently.
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                collect_guides(&path, depth + 1, ancestors, files, problems)
            }
            Ok(meta) if meta.is_file() && is_guide_file(&path) => files.push(path),
            Ok(_) => {}
            Err(e) if is_link(&path) => problems.push(Diagnostic::unlocated(
                &path.display().to_string(),
                format!("cannot follow symbolic link (a loop, or it points nowhere): {e}"),
            )),
            Err(e) if is_guide_file(&path) => problems.push(Diagnostic::unlocated(
                &path.display().to_string(),
                format!("cannot read: {e}"),
            )),
            Err(_) => {}
        }
    }
    ancestors.pop();
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn is_guide_file(path: &Path) -> bool {
    let is_markdown = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md"));
    let is_readme = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.eq_ignore_ascii_case("readme.md"));
    is_markdown && !is_readme
}

enum ReadError {
    TooLarge(u64),
    Io(std::io::Error),
}

/// Reads a file, refusing (without reading it all) one over the size limit.
fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(ReadError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The size can change between the check and the read; never read more than the limit + 1.
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Checks what spans files (guide ids must be unique, `### See also` links must lead to a topic)
/// and gathers the guides or the problems.
fn assemble(
    parsed: impl IntoIterator<Item = (String, Result<Guide, Vec<Diagnostic>>)>,
) -> Result<Library, Diagnostics> {
    let mut guides: Vec<Guide> = Vec::new();
    let mut problems = Vec::new();
    // Where each guide id was first seen, as `path:line:column`.
    let mut first_use: BTreeMap<String, String> = BTreeMap::new();
    for (path, guide) in parsed {
        match guide {
            Ok(guide) => {
                let (line, column) = guide.id_position;
                if let Some(first) = first_use.get(&guide.id) {
                    problems.push(Diagnostic::at(
                        &path,
                        line,
                        column,
                        format!("duplicate guide id `{}`: also used at {first}", guide.id),
                    ));
                } else {
                    first_use.insert(guide.id.clone(), format!("{path}:{line}:{column}"));
                    guides.push(guide);
                }
            }
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        problems = check_links(&guides);
    }
    if problems.is_empty() {
        Ok(Library { guides })
    } else {
        Err(Diagnostics(problems))
    }
}
