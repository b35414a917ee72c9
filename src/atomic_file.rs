//! Replacing a file so that a crash at any moment leaves either the old file or the new one,
//! never a mixture: write a temporary file in the same folder, fsync it, rename it over the
//! target, then fsync the folder so the rename itself is on disk.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes`, atomically and durably, with the permissions a new file normally gets (a
/// replaced file keeps its own): for files a person asked for, like exports. Without `replace`,
/// an existing `path` is an `AlreadyExists` error, checked by the rename itself.
pub(crate) fn write_atomic_shared(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    write(path, bytes, replace, true)
}

fn write(path: &Path, bytes: &[u8], replace: bool, shared: bool) -> io::Result<()> {
    let (dir, name) = split(path)?;
    let prefix = temp_prefix(name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    // A temporary file is created 0600; a shared file gets what a new file would (0666 less
    // the umask).
    #[cfg(unix)]
    if shared {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    if shared
        && replace
        && let Ok(existing) = std::fs::metadata(path)
    {
        temp.as_file().set_permissions(existing.permissions())?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    if replace {
        temp.persist(path).map_err(|e| e.error)?;
    } else {
        temp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    sync_dir(dir)
}

/// What a path names once its symbolic links are followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Followed {
    /// A path that is not a link: a file, a folder, a device, or nothing yet (a link that
    /// dangles names the file it would create).
    Path(PathBuf),
    /// An open file descriptor (`/dev/stdout`, `/dev/fd/63`, `/proc/self/fd/1`): its "link"
    /// names a pipe, a terminal or a file someone already opened, and only opening the path
    /// itself reaches it.
    Descriptor(PathBuf),
}

/// The most links followed before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// Follows the symbolic links at `path` to what they name, so that replacing "the file" keeps
/// the link and replaces its target. A loop of links is an error.
pub(crate) fn follow_links(path: &Path) -> io::Result<Followed> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let metadata = match std::fs::symlink_metadata(&current) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Followed::Path(current)),
            Err(e) => return Err(e),
        };
        if !metadata.file_type().is_symlink() {
            return Ok(Followed::Path(current));
        }
        let (dir, _) = split(&current)?;
        // The links under /proc name open files, not paths (`pipe:[1234]`).
        if dir.canonicalize()?.starts_with("/proc") {
            return Ok(Followed::Descriptor(current));
        }
        let target = std::fs::read_link(&current)?;
        current = dir.join(target);
    }
    Err(io::Error::other(format!(
        "{} is a loop of symbolic links",
        path.display()
    )))
}

/// Makes renames and removals in `dir` durable. Windows has no folder fsync; there the rename
/// is made durable by the file system's own journal.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

const TEMP_SUFFIX: &str = ".tmp";

/// Temporary files start with a dot and the target's name, so a learner who sees one knows
/// what it belonged to, and the sweep never mistakes another file for one.
fn temp_prefix(name: &std::ffi::OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    prefix
}

fn split(path: &Path) -> io::Result<(&Path, &std::ffi::OsStr)> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    // A bare file name is in the current folder.
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Ok((dir, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{file_names as names, temp_dir};

    #[test]
    fn writes_then_replaces_leaving_no_temporary_file() -> io::Result<()> {
        let dir = temp_dir();
        let path = dir.path().join("export.md");
        write_atomic_shared(&path, b"first", true)?;
        assert_eq!(std::fs::read(&path)?, b"first");
        write_atomic_shared(&path, b"second", true)?;
        assert_eq!(std::fs::read(&path)?, b"second");
        assert_eq!(names(dir.path()), ["export.md"]);
        Ok(())
    }

    #[test]
    fn failure_leaves_the_old_file_alone() -> io::Result<()> {
        let dir = temp_dir();
        let path = dir.path().join("export.md");
        write_atomic_shared(&path, b"kept", true)?;
        // A target that is a non-empty folder cannot be renamed over.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked)?;
        std::fs::write(blocked.join("inside"), b"x")?;
        assert!(write_atomic_shared(&blocked, b"lost", true).is_err());
        assert_eq!(std::fs::read(&path)?, b"kept");
        assert_eq!(names(dir.path()), ["blocked", "export.md"]);
        // And a missing folder is an error, not a panic.
        assert!(write_atomic_shared(&dir.path().join("absent/export.md"), b"x", true).is_err());
        Ok(())
    }
}
