//! Loading a folder of guides (a tutor's own) or the guides built into the binary.

use super::builtin::builtin_guides;
use super::cache::{FileStamp, GuideCache};
use super::diagnostic::{Diagnostic, Diagnostics};
use super::links::check_links;
use super::model::{Guide, Library};
use super::parse::{MAX_FILE_BYTES, parse_guide, size_error};
use super::text::Text;
use crate::parallel::map_on_all_cores;
use std::collections::{BTreeMap, HashSet, VecDeque};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// From this many files, reading and parsing is spread over the cores.
const PARALLEL_FROM_FILES: usize = 8;

/// Folders nested deeper than this are not searched: a real library is a few levels deep.
pub const MAX_FOLDER_DEPTH: usize = 32;

/// The walk for guides stops after this many folder entries: twenty times the largest library
/// carestudy is measured on (5,000 guides), and a second or so of walking at most.
pub const MAX_FOLDER_ENTRIES: usize = 100_000;

/// The guides compiled into carestudy, from the cache when this build has written them there
/// (parsing them is half the time to the first frame).
pub fn load_builtin_with_cache(cache: Option<&GuideCache>) -> Result<Library, Diagnostics> {
    if let Some(guides) = cache.and_then(GuideCache::get_builtin) {
        return Ok(Library { guides });
    }
    let library = load_builtin()?;
    if let Some(cache) = cache {
        cache.put_builtin(&library.guides);
    }
    Ok(library)
}

/// The guides compiled into carestudy, parsed.
pub fn load_builtin() -> Result<Library, Diagnostics> {
    let parsed =
        builtin_guides().map(|(path, text)| (path.to_string(), parse_guide(path, text.as_bytes())));
    assemble(parsed)
}

/// Loads every `.md` guide under `dir` (except README.md files), in path order.
pub fn load_dir(dir: &Path) -> Result<Library, Diagnostics> {
    load_dir_with_cache(dir, None)
}

/// [`load_dir`] through a parse cache (see [`GuideCache`]): a file whose entry is sound and
/// current is not read or parsed.
pub fn load_dir_with_cache(dir: &Path, cache: Option<&GuideCache>) -> Result<Library, Diagnostics> {
    let display = dir.display().to_string();
    let (files, mut problems) = match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => find_guides(dir, &meta, WalkLimits::DEFAULT),
        Ok(_) => (
            Vec::new(),
            vec![Diagnostic::unlocated(
                &display,
                "not a folder: give the folder that holds the guides",
            )],
        ),
        Err(e) => (
            Vec::new(),
            vec![Diagnostic::unlocated(
                &display,
                format!("cannot read folder: {e}"),
            )],
        ),
    };
    if files.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::unlocated(
            &display,
            "no guides found: a guide is a `.md` file (README.md files are skipped)",
        ));
    }
    // Reading and parsing each file is independent: a course's hundreds of guides load on every
    // core. The order of `files` is kept.
    // Cache entries are keyed on absolute paths; made once here rather than once a file.
    let absolute_dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
    let parsed = map_on_all_cores(&files, PARALLEL_FROM_FILES, |path| {
        let shown = path.display().to_string();
        let absolute = path
            .strip_prefix(dir)
            .map_or_else(|_| path.to_owned(), |inside| absolute_dir.join(inside));
        if let Some(cache) = cache
            && let Ok(meta) = fs::metadata(path)
            && let Some(guide) = cache.get(&absolute, &FileStamp::of(&meta), &shown)
        {
            return (shown, Ok(guide));
        }
        let guide = match read_limited(path) {
            Ok((bytes, stamp)) => {
                let parsed = parse_guide(&shown, &bytes);
                if let (Some(cache), Ok(guide)) = (cache, &parsed) {
                    cache.put(&absolute, &stamp, guide);
                }
                parsed
            }
            Err(ReadError::TooLarge(size)) => Err(vec![size_error(&shown, size)]),
            Err(ReadError::NotAFile) => Err(vec![Diagnostic::unlocated(
                &shown,
                "not a regular file: a guide must be a plain file",
            )]),
            Err(ReadError::Io(e)) => Err(vec![Diagnostic::unlocated(
                &shown,
                format!("cannot read file: {e}"),
            )]),
        };
        (shown, guide)
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

/// How far the search for guides may go.
#[derive(Debug, Clone, Copy)]
struct WalkLimits {
    /// Folders nested deeper than this are not read: a real library is a few levels deep.
    depth: usize,
    /// The walk stops after this many folder entries (files, folders, links, anything).
    entries: usize,
}

impl WalkLimits {
    const DEFAULT: Self = Self {
        depth: MAX_FOLDER_DEPTH,
        entries: MAX_FOLDER_ENTRIES,
    };
}

/// A folder's identity: every path (through links) to the same folder has the same one. The
/// device and inode on Unix, the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct FolderId(#[cfg(unix)] (u64, u64), #[cfg(not(unix))] PathBuf);

#[cfg(unix)]
fn folder_id(_path: &Path, meta: &fs::Metadata) -> std::io::Result<FolderId> {
    use std::os::unix::fs::MetadataExt;
    Ok(FolderId((meta.dev(), meta.ino())))
}

#[cfg(not(unix))]
fn folder_id(path: &Path, _meta: &fs::Metadata) -> std::io::Result<FolderId> {
    fs::canonicalize(path).map(FolderId)
}

/// A link to a folder, followed once the real folders have all been read (so a guide is shown
/// under its real path when it has one).
struct LinkToFollow {
    path: PathBuf,
    depth: usize,
    /// The real folders the link sits in, outermost first: a link back to one of them is a loop.
    ancestors: Vec<FolderId>,
}

/// The search for guide files under a folder. Each real folder is read once, however many links
/// lead to it (links to links would otherwise make the walk exponential); links into special file
/// systems (/proc, /sys...) and anything that is not a regular file or a folder are skipped; and
/// the walk stops after a bounded number of entries.
struct Walk {
    limits: WalkLimits,
    read: HashSet<FolderId>,
    links: VecDeque<LinkToFollow>,
    entries: usize,
    files: Vec<PathBuf>,
    problems: Vec<Diagnostic>,
}

/// The guide files under `dir` (a folder, with metadata `meta`), sorted, and the problems met.
fn find_guides(
    dir: &Path,
    meta: &fs::Metadata,
    limits: WalkLimits,
) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut walk = Walk {
        limits,
        read: HashSet::new(),
        links: VecDeque::new(),
        entries: 0,
        files: Vec::new(),
        problems: Vec::new(),
    };
    walk.enter(dir, meta, 0, &mut Vec::new());
    while let Some(mut link) = walk.links.pop_front() {
        if walk.entries > limits.entries {
            break;
        }
        // `metadata` follows the link (and any links it leads through).
        match fs::metadata(&link.path) {
            Ok(meta) => walk.enter(&link.path, &meta, link.depth, &mut link.ancestors),
            Err(e) => walk.cannot_follow(&link.path, &e),
        }
    }
    if walk.entries > limits.entries {
        walk.problems.push(Diagnostic::unlocated(
            &dir.display().to_string(),
            format!(
                "more than {} files and folders: carestudy stops there; give the folder that \
                 holds just the guides",
                limits.entries
            ),
        ));
    }
    let mut files = walk.files;
    files.sort();
    (files, walk.problems)
}

impl Walk {
    /// Reads the folder at `path` unless it was read already, leads back into itself, is too
    /// deep or is on a special file system.
    fn enter(
        &mut self,
        path: &Path,
        meta: &fs::Metadata,
        depth: usize,
        ancestors: &mut Vec<FolderId>,
    ) {
        let Some(id) = self.may_read(path, meta, depth, ancestors) else {
            return;
        };
        self.read.insert(id.clone());
        let mut entries: Vec<fs::DirEntry> = match fs::read_dir(path) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .take(self.limits.entries.saturating_sub(self.entries) + 1)
                .collect(),
            Err(e) => {
                self.problems.push(Diagnostic::unlocated(
                    &path.display().to_string(),
                    format!("cannot read folder: {e}"),
                ));
                return;
            }
        };
        entries.sort_by_key(fs::DirEntry::file_name);
        ancestors.push(id);
        for entry in entries {
            self.entries += 1;
            if self.entries > self.limits.entries {
                break;
            }
            self.take(&entry, depth, ancestors);
        }
        ancestors.pop();
    }

    /// The folder's identity, if it is to be read: not a link back into a folder being read,
    /// not one read already, not too deep, not on a special file system.
    fn may_read(
        &mut self,
        path: &Path,
        meta: &fs::Metadata,
        depth: usize,
        ancestors: &[FolderId],
    ) -> Option<FolderId> {
        let shown = || path.display().to_string();
        let id = match folder_id(path, meta) {
            Ok(id) => id,
            Err(e) => {
                self.problems.push(Diagnostic::unlocated(
                    &shown(),
                    format!("cannot follow: {e}"),
                ));
                return None;
            }
        };
        if ancestors.contains(&id) {
            let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
            self.problems.push(Diagnostic::unlocated(
                &shown(),
                format!(
                    "symbolic link loop: this leads back to {}, which is already being read",
                    target.display()
                ),
            ));
            return None;
        }
        if self.read.contains(&id) || special_file_system(path) {
            return None;
        }
        if depth > self.limits.depth {
            self.problems.push(Diagnostic::unlocated(
                &shown(),
                format!(
                    "folders nested more than {} deep are not read",
                    self.limits.depth
                ),
            ));
            return None;
        }
        Some(id)
    }

    /// One entry of a folder at `depth`: a folder is read, a guide file kept, a link to a
    /// folder followed later (breadth first) and a link to a guide file kept.
    fn take(&mut self, entry: &fs::DirEntry, depth: usize, ancestors: &mut Vec<FolderId>) {
        let path = entry.path();
        // The entry's own type: a link is not followed here.
        let Ok(kind) = entry.file_type() else {
            return;
        };
        if kind.is_dir() {
            match entry.metadata() {
                Ok(meta) => self.enter(&path, &meta, depth + 1, ancestors),
                Err(e) => self.cannot_follow(&path, &e),
            }
        } else if kind.is_file() {
            if is_guide_file(&path) {
                self.files.push(path);
            }
        } else if kind.is_symlink() {
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.links.push_back(LinkToFollow {
                    path,
                    depth: depth + 1,
                    ancestors: ancestors.clone(),
                }),
                Ok(meta) if meta.is_file() => {
                    if is_guide_file(&path) && !special_file_system(&path) {
                        self.files.push(path);
                    }
                }
                // A device, a pipe or a socket: never a guide, and reading one can block.
                Ok(_) => {}
                Err(e) => self.cannot_follow(&path, &e),
            }
        }
    }

    fn cannot_follow(&mut self, path: &Path, error: &std::io::Error) {
        self.problems.push(Diagnostic::unlocated(
            &path.display().to_string(),
            format!("cannot follow symbolic link (a loop, or it points nowhere): {error}"),
        ));
    }
}

/// File systems that hold the kernel's view of the machine, not files: a link into one (`ln -s
/// /proc x`) would lead the walk through every process's folders and back to `/`.
#[cfg(target_os = "linux")]
fn special_file_system(path: &Path) -> bool {
    const SPECIAL: [u32; 18] = [
        0x0000_9fa0, // proc
        0x6265_6572, // sysfs
        0x6462_6720, // debugfs
        0x7472_6163, // tracefs
        0x7363_6673, // securityfs
        0x0027_e0eb, // cgroup
        0x6367_7270, // cgroup2
        0x0000_1cd1, // devpts
        0xcafe_4a11, // bpf
        0x6165_676c, // pstore
        0x6265_6570, // configfs
        0xde5e_81e4, // efivarfs
        0xf97c_ff8c, // selinuxfs
        0x4249_4e4d, // binfmt_misc
        0x6573_5543, // fusectl
        0x1980_0202, // mqueue
        0x0000_0187, // autofs: reading it can mount network shares
        0x6e73_6673, // nsfs
    ];
    rustix::fs::statfs(path).is_ok_and(|stat| {
        // The magic numbers are 32-bit; the field is wider on 64-bit machines.
        #[allow(clippy::cast_possible_truncation)]
        let magic = stat.f_type as u32;
        SPECIAL.contains(&magic)
    })
}

#[cfg(not(target_os = "linux"))]
fn special_file_system(_path: &Path) -> bool {
    false
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
    NotAFile,
    Io(std::io::Error),
}

/// Reads a file, refusing (without reading it all) one over the size limit, and anything that
/// is not a regular file (opened without waiting, so a pipe put in its place cannot block).
fn read_limited(path: &Path) -> Result<(Vec<u8>, FileStamp), ReadError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    let size = meta.len();
    let stamp = FileStamp::of(&meta);
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
    Ok((bytes, stamp))
}

/// Checks what spans files (guide ids must be unique, `### See also` links must lead to a topic)
/// and gathers the guides or the problems.
fn assemble(
    parsed: impl IntoIterator<Item = (String, Result<Guide, Vec<Diagnostic>>)>,
) -> Result<Library, Diagnostics> {
    let parsed = parsed.into_iter();
    let mut guides: Vec<Guide> = Vec::with_capacity(parsed.size_hint().0);
    let mut problems = Vec::new();
    // Where each guide id was first seen: path, line and column.
    let mut first_use: BTreeMap<Text, (String, usize, usize)> = BTreeMap::new();
    for (path, guide) in parsed {
        match guide {
            Ok(guide) => {
                let (line, column) = guide.id_position;
                if let Some((first, first_line, first_column)) = first_use.get(guide.id.as_str()) {
                    problems.push(Diagnostic::at(
                        &path,
                        line,
                        column,
                        format!(
                            "duplicate guide id `{}`: also used at {first}:{first_line}:{first_column}",
                            guide.id
                        ),
                    ));
                } else {
                    first_use.insert(guide.id.clone(), (path, line, column));
                    guides.push(guide);
                }
            }
            Err(found) => problems.extend(found),
        }
    }
    let others_failed = !problems.is_empty();
    problems.extend(check_links(&guides, others_failed));
    if problems.is_empty() {
        Ok(Library { guides })
    } else {
        Err(Diagnostics(problems))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn walk(dir: &Path, limits: WalkLimits) -> (Vec<PathBuf>, Vec<String>) {
        let meta = fs::metadata(dir).unwrap();
        let (files, problems) = find_guides(dir, &meta, limits);
        let names = files
            .iter()
            .map(|f| f.strip_prefix(dir).unwrap().to_path_buf())
            .collect();
        (names, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn the_walk_stops_after_its_entry_limit() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..30 {
            fs::write(dir.path().join(format!("g{i:02}.md")), "x").unwrap();
        }
        let (files, problems) = walk(
            dir.path(),
            WalkLimits {
                depth: 4,
                entries: 30,
            },
        );
        assert_eq!((files.len(), problems.len()), (30, 0));
        let (files, problems) = walk(
            dir.path(),
            WalkLimits {
                depth: 4,
                entries: 12,
            },
        );
        assert!(files.len() <= 12, "{files:?}");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("more than 12 files and folders"),
            "{problems:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_reached_by_several_links_is_read_once_under_its_real_path() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("real")).unwrap();
        fs::write(root.join("real/g.md"), "x").unwrap();
        // Links sort before the real folder, and one link leads through another.
        symlink("real", root.join("a-link")).unwrap();
        symlink("a-link", root.join("b-link")).unwrap();
        let (files, problems) = walk(root, WalkLimits::DEFAULT);
        assert_eq!(files, [PathBuf::from("real/g.md")]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("g.md"), "x").unwrap();
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.md")).unwrap();
        let (files, problems) = walk(root, WalkLimits::DEFAULT);
        assert_eq!(files, [PathBuf::from("g.md")]);
        assert!(problems.is_empty(), "{problems:?}");
        // Opening a pipe to read waits for a writer; the loader opens without waiting.
        let status = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.md"))
            .status();
        if status.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_limited(&root.join("pipe.md")),
                Err(ReadError::NotAFile)
            ));
        }
    }
}
