//! The files beside a progress database: moving a damaged or imported one aside under a
//! time-stamped name (with its write-ahead log), and opening one read-only without leaving
//! anything beside it.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use std::io;
use std::path::{Path, PathBuf};

/// The file name a moved-aside copy gets: `<name>.<what>-<UTC time>`.
pub(super) fn stamped(path: &Path, what: &str, now: DateTime<Utc>) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{what}-{}", now.format("%Y%m%dT%H%M%SZ")));
    PathBuf::from(name)
}

/// Renames `path` to `<name>.<what>-<time>` (with `-1`, `-2`... if that is taken) and returns
/// the new path. A symbolic link is moved as a link; what it points at is untouched.
pub(super) fn move_aside(path: &Path, what: &str, now: DateTime<Utc>) -> io::Result<PathBuf> {
    let base = stamped(path, what, now).into_os_string();
    for n in 0..1000u32 {
        let mut candidate = base.clone();
        if n > 0 {
            candidate.push(format!("-{n}"));
        }
        let candidate = PathBuf::from(candidate);
        if matches!(std::fs::symlink_metadata(&candidate), Err(e) if e.kind() == io::ErrorKind::NotFound)
        {
            std::fs::rename(path, &candidate)?;
            return Ok(candidate);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many moved copies already",
    ))
}

pub(super) fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// `path` with `suffix` added to its name (`progress.sqlite3-wal`).
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Opens the database read-only without leaving anything beside it. While no copy has it open
/// there is no write-ahead log, and it is opened as immutable: a read-only connection would
/// otherwise create the log and its shared-memory index, and could not remove them.
pub(super) fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if exists(&with_suffix(path, "-wal")) {
        return Connection::open_with_flags(path, flags);
    }
    let mut uri = std::ffi::OsString::from("file:");
    uri.push(percent_encode_path(path));
    uri.push("?immutable=1");
    Connection::open_with_flags(PathBuf::from(uri), flags | OpenFlags::SQLITE_OPEN_URI)
}

/// A path as a URI's path: `%`, `?` and `#` are escaped (SQLite decodes `%XX`).
pub(super) fn percent_encode_path(path: &Path) -> std::ffi::OsString {
    let text = path.as_os_str().to_string_lossy();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out.into()
}

/// Moves a damaged database and its write-ahead log aside under one name; its shared-memory
/// index is rebuilt from them, so it is removed.
pub(super) fn move_database_aside(path: &Path, now: DateTime<Utc>) -> io::Result<PathBuf> {
    let moved = move_aside(path, "damaged", now)?;
    let wal = with_suffix(path, "-wal");
    if exists(&wal) {
        std::fs::rename(&wal, with_suffix(&moved, "-wal"))?;
    }
    let shm = with_suffix(path, "-shm");
    if exists(&shm) {
        std::fs::remove_file(&shm)?;
    }
    Ok(moved)
}
