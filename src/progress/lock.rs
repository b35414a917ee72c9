//! One copy of carestudy at a time writes a data folder: it holds an exclusive lock on
//! `progress.lock` for as long as its store lives. The lock file is never replaced, so saves
//! (which rename a new `progress.json` into place) never drop the lock.

use super::location::LOCK_FILE;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// An exclusive lock on a data folder, released when dropped (or when the process dies).
#[derive(Debug)]
pub(crate) struct FolderLock {
    _file: File,
}

/// What trying to lock a folder found.
#[derive(Debug)]
pub(crate) enum LockAttempt {
    Held(FolderLock),
    /// Another copy (or another store in this process) holds it.
    Busy,
    /// The lock file could not be opened or created: the folder is probably not writable.
    CannotOpen(io::Error),
    /// The lock file opened but could not be locked (a file system without locks).
    CannotLock(io::Error),
}

/// Tries, without waiting, to lock `dir` (which must exist).
pub(crate) fn try_lock(dir: &Path) -> LockAttempt {
    let file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(LOCK_FILE))
    {
        Ok(file) => file,
        Err(e) => return LockAttempt::CannotOpen(e),
    };
    // Fully qualified: newer std has an inherent `File::try_lock` that would shadow fs4's, and
    // the crate's rust-version predates it.
    match fs4::FileExt::try_lock(&file) {
        Ok(()) => LockAttempt::Held(FolderLock { _file: file }),
        Err(fs4::TryLockError::WouldBlock) => LockAttempt::Busy,
        Err(fs4::TryLockError::Error(e)) => LockAttempt::CannotLock(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_dir;

    #[test]
    fn second_lock_is_busy_until_the_first_is_dropped() {
        let dir = temp_dir();
        let first = try_lock(dir.path());
        assert!(matches!(first, LockAttempt::Held(_)), "{first:?}");
        let second = try_lock(dir.path());
        assert!(matches!(second, LockAttempt::Busy), "{second:?}");
        drop(first);
        let third = try_lock(dir.path());
        assert!(matches!(third, LockAttempt::Held(_)), "{third:?}");
    }

    #[test]
    fn missing_folder_fails() {
        let dir = temp_dir();
        let attempt = try_lock(&dir.path().join("absent"));
        assert!(matches!(attempt, LockAttempt::CannotOpen(_)), "{attempt:?}");
    }
}
