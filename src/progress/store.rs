//! Loading and saving a learner's progress in a data folder, safely: every save is atomic, one
//! copy of carestudy writes at a time, a damaged file is moved aside (never overwritten or
//! deleted), and nothing here stops the app from running: problems lower what saving does and
//! leave a one-line message for the status line.

use super::format::to_json;
use super::location::{LOCK_FILE, PROGRESS_FILE};
use super::lock::{FolderLock, LockAttempt, try_lock};
use super::migrate::{MigrateError, migrate};
use super::model::{Progress, SCHEMA_VERSION};
use crate::atomic_file::{check_writable, remove_stray_temps, sync_dir, write_atomic};
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// What saving does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Saves write `progress.json`.
    ReadWrite,
    /// Saves do nothing, to protect a file: another copy of carestudy holds the folder, or
    /// `progress.json` could not be read and could not be moved aside.
    ReadOnly,
    /// Saves do nothing because the folder cannot be written (or there is none).
    NotSaved,
}

/// The learner's progress file and the right to write it.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    access: Access,
    message: Option<String>,
    /// Held for the store's lifetime; dropping the store lets another copy write.
    _lock: Option<FolderLock>,
    /// Whether temporary files left by an earlier crash have been cleared (after the first
    /// save, so that opening writes nothing but what must be moved aside).
    swept: bool,
}

impl Store {
    /// Opens the data folder `dir` (creating it if needed) and loads `progress.json` from it.
    /// Never fails: problems lower [`Store::access`] and set [`Store::message`]. `now` names a
    /// damaged file that is moved aside.
    pub fn open(dir: &Path, now: DateTime<Utc>) -> (Store, Progress) {
        let path = dir.join(PROGRESS_FILE);
        let mut notes = Vec::new();
        let (mut access, lock) = claim(dir, &path, &mut notes);
        let progress = match read(&path) {
            Loaded::Missing => Progress::default(),
            Loaded::Progress(progress) => progress,
            Loaded::Unreadable(e) => {
                if access == Access::ReadWrite {
                    access = Access::ReadOnly;
                }
                notes.push(format!(
                    "Cannot read {} ({e}); progress will not be written over it.",
                    path.display()
                ));
                Progress::default()
            }
            Loaded::Damaged(damage) if access == Access::ReadWrite => {
                match move_aside(&path, now) {
                    Ok(moved) => notes.push(format!(
                        "Your progress file could not be read ({damage}), so it was moved to {} and progress starts afresh.",
                        moved.display()
                    )),
                    Err(e) => {
                        access = Access::ReadOnly;
                        notes.push(format!(
                            "{} could not be read ({damage}) and could not be moved aside ({e}), so progress is read-only and the file is left as it is.",
                            path.display()
                        ));
                    }
                }
                Progress::default()
            }
            Loaded::Damaged(damage) => {
                notes.push(format!(
                    "{} could not be read ({damage}) and is left as it is.",
                    path.display()
                ));
                Progress::default()
            }
        };
        let store = Store {
            path: Some(path),
            access,
            // One line, whatever a path or an error holds.
            message: (!notes.is_empty()).then(|| notes.join(" ").replace(char::is_control, " ")),
            _lock: lock,
            swept: false,
        };
        (store, progress)
    }

    /// A store that saves nothing and says nothing (headless runs without `--data-dir`).
    pub fn in_memory() -> Store {
        Store {
            path: None,
            access: Access::NotSaved,
            message: None,
            _lock: None,
            swept: true,
        }
    }

    /// What saving does.
    pub fn access(&self) -> Access {
        self.access
    }

    /// One line for the status line, if the learner needs telling something: that progress is
    /// read-only or will not be saved and why, or where a damaged file was moved.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The progress file, whether or not it exists or is written.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Saves `progress` atomically when [`Access::ReadWrite`]; otherwise does nothing and
    /// returns `Ok(())`. Call it after every review: a crash then loses at most the answer
    /// being given. On an error the file on disk is whole: as before the call, or (if only the
    /// final fsync of the folder failed) already the new one.
    pub fn save(&mut self, progress: &Progress) -> io::Result<()> {
        let Some(path) = self.path.as_deref() else {
            return Ok(());
        };
        if self.access != Access::ReadWrite {
            return Ok(());
        }
        write_atomic(path, &to_json(progress)?)?;
        if !self.swept {
            remove_stray_temps(path);
            self.swept = true;
        }
        Ok(())
    }
}

/// Makes the folder and takes its lock, deciding what saving will do.
fn claim(dir: &Path, path: &Path, notes: &mut Vec<String>) -> (Access, Option<FolderLock>) {
    if dir.exists() && !dir.is_dir() {
        notes.push(format!(
            "Progress will not be saved: {} is a file, not a folder.",
            dir.display()
        ));
        return (Access::NotSaved, None);
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        notes.push(format!(
            "Progress will not be saved: cannot create the folder {} ({e}).",
            dir.display()
        ));
        return (Access::NotSaved, None);
    }
    let lock = match try_lock(dir) {
        LockAttempt::Held(lock) => lock,
        LockAttempt::Busy => {
            notes.push(format!(
                "Another copy of carestudy is using {}, so progress is read-only: reviews here will not be saved.",
                dir.display()
            ));
            return (Access::ReadOnly, None);
        }
        LockAttempt::CannotOpen(e) => {
            notes.push(format!(
                "Progress will not be saved: cannot write to the folder {} ({e}).",
                dir.display()
            ));
            return (Access::NotSaved, None);
        }
        LockAttempt::CannotLock(e) => {
            notes.push(format!(
                "Progress will not be saved: cannot lock {} ({e}).",
                dir.join(LOCK_FILE).display()
            ));
            return (Access::NotSaved, None);
        }
    };
    // An old lock file can open for writing in a folder that no longer takes new files.
    if let Err(e) = check_writable(path) {
        notes.push(format!(
            "Progress will not be saved: cannot write to the folder {} ({e}).",
            dir.display()
        ));
        return (Access::NotSaved, None);
    }
    (Access::ReadWrite, Some(lock))
}

/// What reading `progress.json` found.
enum Loaded {
    Missing,
    Progress(Progress),
    /// The file could not be read at all (permissions, a folder in its place): not known to be
    /// damaged, so it is not moved.
    Unreadable(io::Error),
    Damaged(Damage),
}

fn read(path: &Path) -> Loaded {
    match std::fs::read(path) {
        Ok(bytes) => match parse(&bytes) {
            Ok(progress) => Loaded::Progress(progress),
            Err(damage) => Loaded::Damaged(damage),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Loaded::Missing,
        Err(e) => Loaded::Unreadable(e),
    }
}

/// Why a file's contents are not progress this carestudy can use.
#[derive(Debug)]
enum Damage {
    NotUtf8,
    NotJson(serde_json::Error),
    Version(MigrateError),
    Shape(serde_json::Error),
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotUtf8 => write!(f, "it is not text"),
            Self::NotJson(e) => write!(f, "it is not valid JSON: {e}"),
            Self::Version(e) => write!(f, "{e}"),
            Self::Shape(e) => write!(f, "it is not in the expected shape: {e}"),
        }
    }
}

/// Reads a saved file's bytes, migrating an older format.
fn parse(bytes: &[u8]) -> Result<Progress, Damage> {
    // The usual case, a file this version wrote, goes straight into the model: several times
    // faster than going through a `Value`, which only older, newer and damaged files need.
    let current = serde_json::from_slice::<Progress>(bytes)
        .ok()
        .filter(|progress| progress.version == SCHEMA_VERSION);
    if let Some(progress) = current {
        return Ok(progress);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Damage::NotUtf8)?;
    let value: Value = serde_json::from_str(text).map_err(Damage::NotJson)?;
    let value = migrate(value).map_err(Damage::Version)?;
    serde_json::from_value(value).map_err(Damage::Shape)
}

/// Renames `path` to `<name>.damaged-<UTC time>` (with `-1`, `-2`... if that is taken) and
/// returns the new path. Called only with the folder's lock held, so no other carestudy can
/// take the name between the check and the rename.
fn move_aside(path: &Path, now: DateTime<Utc>) -> io::Result<PathBuf> {
    let mut base = path.as_os_str().to_owned();
    base.push(format!(".damaged-{}", now.format("%Y%m%dT%H%M%SZ")));
    for n in 0..1000u32 {
        let mut candidate = base.clone();
        if n > 0 {
            candidate.push(format!("-{n}"));
        }
        let candidate = PathBuf::from(candidate);
        match std::fs::symlink_metadata(&candidate) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::rename(path, &candidate)?;
                if let Some(dir) = path.parent() {
                    // Best effort: the next save fsyncs the folder again.
                    let _ = sync_dir(dir);
                }
                return Ok(candidate);
            }
            _ => continue,
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many damaged copies already",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_dir;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        match Utc.with_ymd_and_hms(2026, 11, 21, 15, 4, 5) {
            chrono::LocalResult::Single(t) => t,
            _ => panic!("bad test time"),
        }
    }

    #[test]
    fn parse_names_each_kind_of_damage() {
        assert!(matches!(parse(b"\xff\xfe{}"), Err(Damage::NotUtf8)));
        assert!(matches!(
            parse(b"{\"version\": 2, "),
            Err(Damage::NotJson(_))
        ));
        assert!(matches!(
            parse(b"{\"version\": 99, \"cards\": {}}"),
            Err(Damage::Version(MigrateError::TooNew(99)))
        ));
        assert!(matches!(
            parse(b"{\"version\": 2, \"cards\": []}"),
            Err(Damage::Shape(_))
        ));
        assert!(matches!(
            parse(b"[]"),
            Err(Damage::Version(MigrateError::NoVersion))
        ));
        assert!(parse(b"{\"version\": 2, \"cards\": {}}").is_ok());
    }

    #[test]
    fn move_aside_never_replaces_an_earlier_copy() -> io::Result<()> {
        let dir = temp_dir();
        let path = dir.path().join(PROGRESS_FILE);
        let taken = dir.path().join("progress.json.damaged-20261121T150405Z");
        std::fs::write(&taken, b"earlier")?;
        std::fs::write(&path, b"later")?;
        let moved = move_aside(&path, now())?;
        assert_eq!(
            moved,
            dir.path().join("progress.json.damaged-20261121T150405Z-1")
        );
        assert_eq!(std::fs::read(&taken)?, b"earlier");
        assert_eq!(std::fs::read(&moved)?, b"later");
        assert!(!path.exists());
        Ok(())
    }

    #[test]
    fn in_memory_saves_nothing_and_says_nothing() -> io::Result<()> {
        let mut store = Store::in_memory();
        assert_eq!(store.access(), Access::NotSaved);
        assert_eq!(store.message(), None);
        assert_eq!(store.path(), None);
        store.save(&Progress::default())
    }

    #[test]
    fn a_missing_folder_is_created_and_nothing_is_written_on_open() -> io::Result<()> {
        let dir = temp_dir();
        let data = dir.path().join("a/b");
        let (store, progress) = Store::open(&data, now());
        assert_eq!(store.access(), Access::ReadWrite);
        assert_eq!(store.message(), None);
        assert_eq!(progress, Progress::default());
        assert!(!data.join(PROGRESS_FILE).exists());
        Ok(())
    }

    #[test]
    fn unreadable_file_is_left_alone_and_read_only() -> io::Result<()> {
        // A folder where the file should be cannot be read as a file, whoever runs the test.
        let dir = temp_dir();
        std::fs::create_dir(dir.path().join(PROGRESS_FILE))?;
        let (mut store, progress) = Store::open(dir.path(), now());
        assert_eq!(store.access(), Access::ReadOnly);
        assert_eq!(progress, Progress::default());
        assert!(store.message().is_some_and(|m| m.contains("Cannot read")));
        store.save(&progress)?;
        assert!(dir.path().join(PROGRESS_FILE).is_dir());
        Ok(())
    }
}
