//! Before any parsing: is the file a plausible text guide? Size, NUL bytes, UTF-8, line length
//! and nesting depth are checked on the raw bytes, so a hostile file is refused cheaply.

use crate::content::diagnostic::{Diagnostic, split_lines};

/// Guides larger than this are refused before parsing. The largest real guide is a few tens of
/// KiB; at this size the most hostile file measured (a line of `[`s, repeated) costs under 40 MB
/// and 0.1 s to reject or load, inside the 64 MB and 250 ms any accepted file may cost.
pub const MAX_FILE_BYTES: usize = 512 * 1024;
/// A line longer than this is certainly not prose; refusing it keeps parsing fast.
pub const MAX_LINE_BYTES: usize = 64 * 1024;
/// Block quotes, lists and indentation nested deeper than this at the start of a line are refused
/// before parsing: the format needs two levels, and pulldown-cmark re-checks every open container
/// on every following line, so a deep nest followed by many lines takes time quadratic in the file.
pub const MAX_NESTING: usize = 16;

/// Checks that a file is a plausible text guide and returns it as UTF-8.
pub(super) fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Diagnostic::whole_file(
            path,
            "empty file: a guide starts with a `+++` front matter block",
        ));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(size_error(path, bytes.len() as u64));
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        let (line, column) = byte_position(bytes, nul);
        return Err(Diagnostic::at(
            path,
            line,
            column,
            "binary file: found a NUL byte; a guide must be plain UTF-8 text",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = byte_position(bytes, e.valid_up_to());
        Diagnostic::at(
            path,
            line,
            column,
            "invalid UTF-8: save the guide as UTF-8 text",
        )
    })?;
    let mut offset = 0;
    for (number, line) in split_lines(text).enumerate() {
        if let Some(at) = too_deep(line) {
            return Err(Diagnostic::at(
                path,
                number + 1,
                // The prefix `too_deep` scans is ASCII, so its byte offset is the column.
                at + 1,
                format!(
                    "nesting too deep: more than {MAX_NESTING} levels of block quotes (`>`), lists \
                     or indentation at the start of this line"
                ),
            ));
        }
        if line.len() > MAX_LINE_BYTES {
            return Err(Diagnostic::at(
                path,
                number + 1,
                1,
                format!(
                    "line is {} bytes long; the limit is {MAX_LINE_BYTES} bytes (64 KiB)",
                    line.len()
                ),
            ));
        }
        offset += line.len() + 1;
    }
    debug_assert!(offset >= text.len());
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Where a line's leading container markers first exceed [`MAX_NESTING`] levels, if they do.
///
/// An estimate rather than CommonMark's rules: each `>`, each list marker (`-`, `*`, `+` or
/// `1.`/`1)` followed by a space) and every four columns of a run of whitespace count one level.
/// Every container pulldown-cmark keeps open needs a marker or its own indentation (two columns or
/// more) on the line that opens or continues it, so the real depth is at most about twice the
/// estimate. The scan stops at the limit, so it is cheap on any line.
pub(super) fn too_deep(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let is_gap = |i: usize| bytes.get(i).is_none_or(|&b| b == b' ' || b == b'\t');
    let (mut levels, mut run, mut i) = (0usize, 0usize, 0usize);
    while let Some(&b) = bytes.get(i) {
        let start = i;
        match b {
            b' ' => run += 1,
            b'\t' => run += 4,
            _ => {
                levels += run / 4;
                run = 0;
                match b {
                    b'>' => levels += 1,
                    b'-' | b'*' | b'+' if is_gap(i + 1) => levels += 1,
                    b'0'..=b'9' => {
                        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                        let marker = i + digits;
                        let delimited = matches!(bytes.get(marker), Some(b'.' | b')'));
                        if digits > 9 || !delimited || !is_gap(marker + 1) {
                            return None;
                        }
                        levels += 1;
                        i = marker;
                    }
                    _ => return None,
                }
            }
        }
        if levels + run / 4 > MAX_NESTING {
            return Some(start);
        }
        i += 1;
    }
    None
}

/// The problem with a file over [`MAX_FILE_BYTES`], for the loader too, which sees sizes first.
pub fn size_error(path: &str, size: u64) -> Diagnostic {
    Diagnostic::whole_file(
        path,
        format!("file is {size} bytes; the limit for a guide is 512 KiB ({MAX_FILE_BYTES} bytes)"),
    )
}

/// Line and column of a byte in text that may not be valid UTF-8 (columns count bytes there).
fn byte_position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}
