//! A cache of parsed guides, one entry per file, in the platform's cache folder: a folder of
//! hundreds of guides loads from it several times faster than it parses.
//!
//! An entry is only a shortcut, never trusted: it is used when its checksum holds, it decodes,
//! and it was made by this very loader (a fingerprint of the loader's source and dependencies)
//! from a file at the same path with the same size, modification time and (on Unix) inode and
//! change time. Anything else (damaged, foreign, stale, unreadable) is ignored, and the file is
//! parsed and the entry written again. Only guides without problems are cached.

use super::builtin::BUILTIN_PATHS;
use super::model::Guide;
use super::packed::PackedGuide;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Where the cache lives instead of the platform's cache folder; empty turns caching off.
pub const CACHE_DIR_VARIABLE: &str = "CARESTUDY_CACHE_DIR";

/// The first bytes of every entry: what the file is and the layout's version.
const MAGIC: &[u8; 8] = b"CSGUIDE2";

/// A file changed this recently may change again within the same timestamp tick without its
/// size or times changing: it is parsed, but not cached until it has been still for a while.
const SETTLING_TIME: Duration = Duration::from_secs(2);

/// Changes whenever the code that turns a file into a [`Guide`] changes, or the built-in
/// guides, or any dependency (build.rs hashes src/content/, content/ and Cargo.lock): an entry
/// made by another build is never used.
const LOADER_FINGERPRINT: &str = env!("CARESTUDY_LOADER_FINGERPRINT");

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: stable across builds and platforms (unlike std's hasher). Names entries;
/// the entries' contents are checked with CRC-32.
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What identifies one version of a guide file without reading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 when unknown).
    modified: i128,
    /// Inode and status-change time on Unix: a file replaced, or edited by a tool that restores
    /// its modification time, still gets a new stamp.
    inode: u64,
    changed: i128,
}

impl FileStamp {
    pub fn of(meta: &fs::Metadata) -> Self {
        let modified = meta.modified().map_or(0, nanos_since_epoch);
        #[cfg(unix)]
        let (inode, changed) = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.ino(),
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
            )
        };
        #[cfg(not(unix))]
        let (inode, changed) = (0, 0);
        Self {
            size: meta.len(),
            modified,
            inode,
            changed,
        }
    }

    /// Whether the file changed too recently to be cached (see [`SETTLING_TIME`]).
    fn is_settling(&self, now: SystemTime) -> bool {
        let now = nanos_since_epoch(now);
        let settle = SETTLING_TIME.as_nanos() as i128;
        now - self.modified < settle || now - self.changed < settle
    }
}

fn nanos_since_epoch(time: SystemTime) -> i128 {
    match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    }
}

/// The folder of cache entries.
#[derive(Debug, Clone)]
pub struct GuideCache {
    dir: PathBuf,
}

impl GuideCache {
    /// `$CARESTUDY_CACHE_DIR` if it is set (caching is off when it is empty), else the
    /// platform's cache folder (`~/.cache/carestudy/guides` on Linux).
    pub fn from_environment() -> Option<Self> {
        match std::env::var_os(CACHE_DIR_VARIABLE) {
            Some(dir) if dir.is_empty() => None,
            Some(dir) => Some(Self::at(PathBuf::from(dir))),
            None => directories::ProjectDirs::from("", "", "carestudy")
                .map(|dirs| Self::at(dirs.cache_dir().join("guides"))),
        }
    }

    pub fn at(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The entry for `path` (the same path the file is read from) if it is sound and made from
    /// this version of the file by this loader; `origin` is set to `shown`.
    pub fn get(&self, path: &Path, stamp: &FileStamp, shown: &str) -> Option<Guide> {
        let bytes = fs::read(self.entry_path(path)).ok()?;
        let entry: Entry = decode(&bytes)?;
        let key = Key::new(path, stamp.clone());
        if entry.key != key {
            return None;
        }
        entry.guide.into_guide(shown)
    }

    /// Writes the entry for `path`, atomically (a temporary file, then a rename), so a reader
    /// never sees half of one. Failing to write is not an error: the cache is only a shortcut.
    pub fn put(&self, path: &Path, stamp: &FileStamp, guide: &Guide) {
        if stamp.is_settling(SystemTime::now()) {
            return;
        }
        let entry = Entry {
            key: Key::new(path, stamp.clone()),
            guide: PackedGuide::from_guide(guide),
        };
        let Some(bytes) = encode(&entry) else {
            return;
        };
        let _ = self.write_atomically(&self.entry_path(path), &bytes);
    }

    /// The built-in guides, parsed by this very build, if their entry is sound.
    pub fn get_builtin(&self) -> Option<Vec<Guide>> {
        let bytes = fs::read(self.builtin_entry_path()).ok()?;
        let entry: BuiltinEntry = decode(&bytes)?;
        if entry.fingerprint != LOADER_FINGERPRINT || entry.guides.len() != BUILTIN_PATHS.len() {
            return None;
        }
        let guides = entry.guides.into_iter().zip(BUILTIN_PATHS);
        guides.map(|(g, path)| g.into_guide(path)).collect()
    }

    /// Writes the built-in guides' entry (see [`GuideCache::put`]).
    pub fn put_builtin(&self, guides: &[Guide]) {
        let entry = BuiltinEntry {
            fingerprint: LOADER_FINGERPRINT.to_owned(),
            guides: guides.iter().map(PackedGuide::from_guide).collect(),
        };
        if let Some(bytes) = encode(&entry) {
            let _ = self.write_atomically(&self.builtin_entry_path(), &bytes);
        }
    }

    pub fn builtin_entry_path(&self) -> PathBuf {
        self.dir.join("built-in.guides")
    }

    fn write_atomically(&self, to: &Path, bytes: &[u8]) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
        file.write_all(bytes)?;
        file.persist(to).map_err(|e| e.error)?;
        Ok(())
    }

    /// One file per guide path, named by a hash of the path (the path itself is in the entry).
    pub fn entry_path(&self, path: &Path) -> PathBuf {
        let hash = fnv1a(FNV_OFFSET, key_path(path).as_bytes());
        self.dir.join(format!("{hash:016x}.guide"))
    }
}

/// The path an entry is keyed on: absolute, so `./x` and `x` share an entry (without the system
/// calls canonicalising would cost; callers pass absolute paths so this costs none either).
fn key_path(path: &Path) -> String {
    if path.is_absolute() {
        return path.to_string_lossy().into_owned();
    }
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .to_string_lossy()
        .into_owned()
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    fingerprint: String,
    path: String,
    stamp: FileStamp,
}

impl Key {
    fn new(path: &Path, stamp: FileStamp) -> Self {
        Self {
            fingerprint: LOADER_FINGERPRINT.to_owned(),
            path: key_path(path),
            stamp,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Entry {
    key: Key,
    guide: PackedGuide,
}

#[derive(Serialize, Deserialize)]
struct BuiltinEntry {
    fingerprint: String,
    guides: Vec<PackedGuide>,
}

/// `MAGIC`, the postcard-encoded entry, then a CRC-32 of both.
fn encode<T: Serialize>(entry: &T) -> Option<Vec<u8>> {
    let mut bytes = MAGIC.to_vec();
    bytes = postcard::to_extend(entry, bytes).ok()?;
    let checksum = crc32fast::hash(&bytes);
    bytes.extend_from_slice(&checksum.to_le_bytes());
    Some(bytes)
}

/// The entry in `bytes`, if the magic and checksum hold and it decodes in full.
fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let (body, checksum) = bytes.split_last_chunk::<4>()?;
    if crc32fast::hash(body) != u32::from_le_bytes(*checksum) {
        return None;
    }
    let payload = body.strip_prefix(MAGIC)?;
    match postcard::take_from_bytes::<T>(payload) {
        Ok((entry, [])) => Some(entry),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::content::load_builtin;

    /// A stamp old enough to be cached.
    fn settled_stamp(size: u64) -> FileStamp {
        FileStamp {
            size,
            modified: 1_000_000_000,
            inode: 7,
            changed: 1_000_000_000,
        }
    }

    #[test]
    fn a_guide_comes_back_from_the_cache_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GuideCache::at(dir.path().join("cache"));
        for guide in load_builtin().unwrap().guides {
            let path = Path::new(&guide.origin);
            let stamp = settled_stamp(10);
            assert!(cache.get(path, &stamp, &guide.origin).is_none());
            cache.put(path, &stamp, &guide);
            let back = cache.get(path, &stamp, &guide.origin).unwrap();
            assert_eq!(format!("{back:?}"), format!("{guide:?}"));
            assert_eq!(item_lines(&back), item_lines(&guide));
            let known = |(points, examples): &(Vec<usize>, Vec<usize>)| {
                points.iter().chain(examples).all(|&line| line > 0)
            };
            assert!(item_lines(&guide).iter().all(known), "{}", guide.origin);
        }
    }

    /// Each topic's point and example lines: the Debug form shows the texts, not these.
    fn item_lines(guide: &Guide) -> Vec<(Vec<usize>, Vec<usize>)> {
        let lines = |topic: &crate::content::Topic| {
            let examples = (0..topic.examples.len()).map(|i| topic.example_line(i));
            (topic.point_lines().collect(), examples.collect())
        };
        guide.topics.iter().map(lines).collect()
    }

    #[test]
    fn the_built_in_guides_come_back_from_their_entry() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GuideCache::at(dir.path().to_path_buf());
        let guides = load_builtin().unwrap().guides;
        assert!(cache.get_builtin().is_none());
        cache.put_builtin(&guides);
        let back = cache.get_builtin().unwrap();
        assert_eq!(format!("{back:?}"), format!("{guides:?}"));
        // One guide short (another build's list) is not used.
        cache.put_builtin(&guides[1..]);
        assert!(cache.get_builtin().is_none());
    }

    #[test]
    fn a_changed_file_or_another_path_misses() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GuideCache::at(dir.path().to_path_buf());
        let guide = load_builtin().unwrap().guides.remove(0);
        let path = Path::new("guides/a.md");
        cache.put(path, &settled_stamp(10), &guide);
        assert!(cache.get(path, &settled_stamp(10), "a").is_some());
        assert!(cache.get(path, &settled_stamp(11), "a").is_none());
        let mut touched = settled_stamp(10);
        touched.changed += 1;
        assert!(cache.get(path, &touched, "a").is_none());
        // Another path whose entry file were the same would still not match the key inside.
        let other = Path::new("guides/b.md");
        fs::copy(cache.entry_path(path), cache.entry_path(other)).unwrap();
        assert!(cache.get(other, &settled_stamp(10), "b").is_none());
    }

    #[test]
    fn a_file_changed_a_moment_ago_is_not_cached() {
        let dir = tempfile::tempdir().unwrap();
        let cache = GuideCache::at(dir.path().to_path_buf());
        let guide = load_builtin().unwrap().guides.remove(0);
        let path = dir.path().join("g.md");
        fs::write(&path, "x").unwrap();
        let fresh = FileStamp::of(&fs::metadata(&path).unwrap());
        cache.put(&path, &fresh, &guide);
        assert!(cache.get(&path, &fresh, "g").is_none());
    }

    #[test]
    fn every_truncation_of_an_entry_is_refused() {
        let guide = load_builtin().unwrap().guides.remove(0);
        let entry = Entry {
            key: Key::new(Path::new("g.md"), settled_stamp(1)),
            guide: PackedGuide::from_guide(&guide),
        };
        let bytes = encode(&entry).unwrap();
        assert!(decode::<Entry>(&bytes).is_some());
        for len in (0..bytes.len()).step_by(97) {
            assert!(decode::<Entry>(&bytes[..len]).is_none(), "{len}");
        }
    }
}
