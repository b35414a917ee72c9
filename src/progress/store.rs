//! Opening a learner's progress database in a data folder, and recording to it. Each review
//! is one SQLite transaction (WAL, `synchronous=FULL`), so a review is on disk when the
//! screen says so, a crash loses at most the answer being given, and two copies of carestudy
//! can both save. Nothing here stops the app from running: problems lower what saving does
//! and leave notices for the learner. A damaged file is moved aside, never overwritten.

use super::db::{self, Kind, Quarantined, UndoRefused};
use super::json::{self, FromJson};
use super::location::{DATABASE_FILE, PROGRESS_FILE};
use super::model::{MockTestResult, Progress, Reviewed};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// What saving does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reviews are saved to the database.
    ReadWrite,
    /// Progress is shown but nothing is saved, to protect a file: it was written by a newer
    /// carestudy, or it could not be read and could not be moved aside, or the command only
    /// reads (`stats`, `progress export`).
    ReadOnly,
    /// Nothing is saved because the folder cannot be written (or there is none).
    NotSaved,
}

/// Who opens progress: only the app and `snapshot --data-dir` ever write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the folder and the database if needed, import `progress.json`, move a damaged
    /// file aside, and save.
    Write,
    /// Read what is there; create, move and write nothing.
    Read,
}

/// The learner's progress database and what may be done with it.
#[derive(Debug)]
pub struct Store {
    conn: Option<Connection>,
    path: Option<PathBuf>,
    access: Access,
    /// What the learner needs telling, one sentence each.
    notices: Vec<String>,
    /// The notices as one line, for the status line.
    message: Option<String>,
}

/// Why an undo could not be done.
#[derive(Debug)]
pub enum UndoError {
    /// That review is not the card's last one: another copy of carestudy reviewed the card
    /// since, or it was already taken back.
    NotLast,
    Io(io::Error),
}

impl fmt::Display for UndoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotLast => write!(f, "that answer is no longer the card's last one"),
            Self::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for UndoError {}

/// What `progress import` added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub cards: usize,
    pub reviews: usize,
    pub mock_tests: usize,
    /// Cards in the file that could not be read, set aside in the database.
    pub quarantined: usize,
}

/// Why an import did nothing.
#[derive(Debug)]
pub enum ImportError {
    /// The file is not a history this carestudy can read.
    Unreadable(String),
    /// Progress is not being saved here (see [`Store::message`]).
    NotWritable,
    Io(io::Error),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(why) => write!(f, "{why}"),
            Self::NotWritable => write!(f, "progress cannot be written here"),
            Self::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ImportError {}

fn sql(e: rusqlite::Error) -> io::Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => {
            io::Error::new(io::ErrorKind::StorageFull, "no space left on the disk")
        }
        Some(rusqlite::ErrorCode::ReadOnly) => {
            io::Error::new(io::ErrorKind::PermissionDenied, "the file is read-only")
        }
        _ => io::Error::other(e),
    }
}

/// The file name a moved-aside copy gets: `<name>.<what>-<UTC time>`.
fn stamped(path: &Path, what: &str, now: DateTime<Utc>) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{what}-{}", now.format("%Y%m%dT%H%M%SZ")));
    PathBuf::from(name)
}

/// Renames `path` to `<name>.<what>-<time>` (with `-1`, `-2`... if that is taken) and returns
/// the new path. A symbolic link is moved as a link; what it points at is untouched.
fn move_aside(path: &Path, what: &str, now: DateTime<Utc>) -> io::Result<PathBuf> {
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

fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// `path` with `suffix` added to its name (`progress.sqlite3-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

impl Store {
    /// A store that saves nothing and says nothing (headless runs without `--data-dir`,
    /// presentation mode).
    pub fn in_memory() -> Store {
        Store {
            conn: None,
            path: None,
            access: Access::NotSaved,
            notices: Vec::new(),
            message: None,
        }
    }

    /// Opens the progress in data folder `dir`. Never fails: problems lower
    /// [`Store::access`] and leave notices. `now` names files that are moved aside.
    pub fn open(dir: &Path, mode: OpenMode, now: DateTime<Utc>) -> (Store, Progress) {
        let mut store = Store {
            conn: None,
            path: Some(dir.join(DATABASE_FILE)),
            access: Access::NotSaved,
            notices: Vec::new(),
            message: None,
        };
        let progress = match mode {
            OpenMode::Write => store.open_for_writing(dir, now),
            OpenMode::Read => store.open_for_reading(dir),
        };
        store.message = (!store.notices.is_empty())
            .then(|| store.notices.join(" ").replace(char::is_control, " "));
        (store, progress)
    }

    /// What saving does.
    pub fn access(&self) -> Access {
        self.access
    }

    /// Everything the learner needs telling, as one line: that progress is read-only or
    /// will not be saved and why, where an old or damaged file was moved.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The notices, one sentence each, for standard error.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// The notices, one sentence each, for standard error. Taking them leaves the store with
    /// nothing to show (so `snapshot` prints them instead of drawing them).
    pub fn take_notices(&mut self) -> Vec<String> {
        self.message = None;
        std::mem::take(&mut self.notices)
    }

    /// The progress database, whether or not it exists or is written.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn note(&mut self, notice: String) {
        self.notices.push(notice);
    }

    /// Saves one review (the card's new schedule and the review) in one transaction, when
    /// [`Access::ReadWrite`]; otherwise does nothing. On an error nothing of it is saved.
    pub fn record_review(&mut self, reviewed: &Reviewed) -> io::Result<()> {
        match self.writable() {
            Some(conn) => db::record_review(conn, reviewed).map(|_| ()).map_err(sql),
            None => Ok(()),
        }
    }

    /// Takes `reviewed` back out, in `progress` and in the database in one transaction, and
    /// restores the card's schedule from before it (a card whose first review it was becomes
    /// new again). Only the card's last review can be taken back. A review that was never
    /// saved (saving failed, or progress is not saved) is taken out of `progress` alone.
    pub fn undo_review(
        &mut self,
        progress: &mut Progress,
        reviewed: &Reviewed,
    ) -> Result<(), UndoError> {
        if !progress.is_last_review(reviewed) {
            return Err(UndoError::NotLast);
        }
        if let Some(conn) = self.writable() {
            match db::undo_review(conn, reviewed) {
                Ok(()) | Err(UndoRefused::NeverSaved) => {}
                Err(UndoRefused::NotLast) => return Err(UndoError::NotLast),
                Err(UndoRefused::Sqlite(e)) => return Err(UndoError::Io(sql(e))),
            }
        }
        progress.undo(reviewed);
        Ok(())
    }

    /// Saves a mock test's result, when [`Access::ReadWrite`].
    pub fn record_mock(&mut self, result: &MockTestResult) -> io::Result<()> {
        match self.writable() {
            Some(conn) => db::record_mock(conn, result).map_err(sql),
            None => Ok(()),
        }
    }

    /// Merges a JSON history (`progress export`'s, or an old `progress.json`) into the
    /// database and into `progress`: cards and reviews not already saved are added; for a card
    /// in both, the schedule of the later review is kept. Importing twice adds nothing more.
    pub fn import(
        &mut self,
        progress: &mut Progress,
        bytes: &[u8],
    ) -> Result<Imported, ImportError> {
        let read = json::parse(bytes).map_err(|e| ImportError::Unreadable(e.to_string()))?;
        let Some(conn) = self.writable() else {
            return Err(ImportError::NotWritable);
        };
        let (added, reloaded) = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let added = db::merge(&tx, &read.progress)?;
            for bad in &read.quarantined {
                db::quarantine(&tx, bad, Utc::now())?;
            }
            tx.commit()?;
            Ok(added)
        })()
        .and_then(|added| Ok((added, db::load(conn)?.0)))
        .map_err(|e| ImportError::Io(sql(e)))?;
        *progress = reloaded;
        Ok(Imported {
            cards: added.cards,
            reviews: added.reviews,
            mock_tests: added.mock_tests,
            quarantined: read.quarantined.len(),
        })
    }

    /// Lets the database grow by at most `pages` more pages, as a full disk would (for the
    /// store's tests; SQLite reports both the same way).
    #[doc(hidden)]
    pub fn limit_pages_for_tests(&self, pages: u32) {
        if let Some(conn) = &self.conn {
            let count: u32 = conn
                .pragma_query_value(None, "page_count", |r| r.get(0))
                .unwrap_or(0);
            let _ = conn.pragma_update(None, "max_page_count", count + pages);
        }
    }

    fn writable(&mut self) -> Option<&mut Connection> {
        if self.access == Access::ReadWrite {
            self.conn.as_mut()
        } else {
            None
        }
    }

    // ---- Opening ----

    fn open_for_reading(&mut self, dir: &Path) -> Progress {
        self.access = Access::ReadOnly;
        let Some(path) = self.path.clone() else {
            return Progress::default();
        };
        if !exists(&path) {
            let legacy = dir.join(PROGRESS_FILE);
            if exists(&legacy) {
                return self.read_legacy_in_place(&legacy);
            }
            return Progress::default();
        }
        let opened = open_read_only(&path).and_then(|conn| {
            db::configure_read_only(&conn)?;
            let kind = db::kind(&conn)?;
            Ok((conn, kind))
        });
        match opened {
            Ok((conn, Kind::Current)) => match db::load(&conn) {
                Ok((progress, bad)) => {
                    self.note_left_out(&bad);
                    self.conn = Some(conn);
                    progress
                }
                Err(e) => {
                    self.note(format!(
                        "{} could not be read ({e}); it is left as it is.",
                        path.display()
                    ));
                    Progress::default()
                }
            },
            Ok((_, Kind::Empty)) => Progress::default(),
            Ok((_, Kind::Newer(version))) => {
                self.note(newer_database(&path, version));
                Progress::default()
            }
            Ok((_, Kind::Foreign)) => {
                self.note(format!(
                    "{} is not carestudy progress; it is left as it is.",
                    path.display()
                ));
                Progress::default()
            }
            Err(e) => {
                self.note(format!(
                    "{} could not be read ({e}); it is left as it is.",
                    path.display()
                ));
                Progress::default()
            }
        }
    }

    /// A `progress.json` not yet moved into a database, read where it is (read-only opens).
    fn read_legacy_in_place(&mut self, legacy: &Path) -> Progress {
        match std::fs::read(legacy).map(|bytes| json::parse(&bytes)) {
            Ok(Ok(read)) => {
                self.note(format!(
                    "Progress is read from {}; the app moves it into {} the next time it starts.",
                    legacy.display(),
                    DATABASE_FILE
                ));
                self.note_set_aside_in_file(&read, legacy);
                read.progress
            }
            Ok(Err(damage)) => {
                self.note(format!(
                    "{} could not be read ({damage}); it is left as it is.",
                    legacy.display()
                ));
                Progress::default()
            }
            Err(e) => {
                self.note(format!("Cannot read {} ({e}).", legacy.display()));
                Progress::default()
            }
        }
    }

    fn open_for_writing(&mut self, dir: &Path, now: DateTime<Utc>) -> Progress {
        let Some(path) = self.path.clone() else {
            return Progress::default();
        };
        if exists(dir) && !dir.is_dir() {
            self.note(format!(
                "Progress will not be saved: {} is a file, not a folder.",
                dir.display()
            ));
            return Progress::default();
        }
        if let Err(e) = std::fs::create_dir_all(dir) {
            self.note(format!(
                "Progress will not be saved: cannot create the folder {} ({e}).",
                dir.display()
            ));
            return Progress::default();
        }
        let legacy = dir.join(PROGRESS_FILE);
        // An old progress.json is read before any database is made for it: one from a newer
        // carestudy, or one that cannot be read, must stop the database being started empty.
        let from_json = if !exists(&path) && exists(&legacy) {
            match self.read_legacy_for_import(&legacy, now) {
                Legacy::Import(read) => Some(read),
                Legacy::Afresh => None,
                Legacy::Stop(progress) => return progress,
            }
        } else {
            None
        };
        let mut progress = self.open_database(&path, now, from_json.as_ref());
        if self.access == Access::ReadWrite
            && let Some(read) = from_json
        {
            self.finish_import(&legacy, &read, now);
            progress = read.progress;
        } else if self.access == Access::ReadWrite && exists(&legacy) {
            self.note(format!(
                "{} is still here beside {}; its progress was not imported again. \
                 `carestudy progress import {}` merges it in.",
                legacy.display(),
                DATABASE_FILE,
                legacy.display()
            ));
        }
        progress
    }

    fn read_legacy_for_import(&mut self, legacy: &Path, now: DateTime<Utc>) -> Legacy {
        let bytes = match std::fs::read(legacy) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.access = Access::ReadOnly;
                self.note(format!(
                    "Cannot read {} ({e}), so progress is read-only: nothing is saved until it can be read.",
                    legacy.display()
                ));
                return Legacy::Stop(Progress::default());
            }
        };
        match json::parse(&bytes) {
            Ok(read) => Legacy::Import(read),
            Err(damage) if damage.is_newer() => {
                self.access = Access::ReadOnly;
                self.note(format!(
                    "{} was written by a newer carestudy ({damage}), so progress is read-only and the file is left as it is. Update carestudy to use it.",
                    legacy.display()
                ));
                Legacy::Stop(Progress::default())
            }
            Err(damage) => match move_aside(legacy, "damaged", now) {
                Ok(moved) => {
                    self.note(format!(
                        "Your progress file could not be read ({damage}), so it was moved to {} and progress starts afresh.",
                        moved.display()
                    ));
                    Legacy::Afresh
                }
                Err(e) => {
                    self.access = Access::ReadOnly;
                    self.note(format!(
                        "{} could not be read ({damage}) and could not be moved aside ({e}), so progress is read-only and the file is left as it is.",
                        legacy.display()
                    ));
                    Legacy::Stop(Progress::default())
                }
            },
        }
    }

    /// The old file is kept under a new name once its progress is safely in the database.
    fn finish_import(&mut self, legacy: &Path, read: &FromJson, now: DateTime<Utc>) {
        let reviews: usize = read.progress.cards.values().map(|c| c.reviews.len()).sum();
        let what = format!(
            "Your progress ({} cards, {reviews} reviews, {} mock tests) was moved from {} into {}",
            read.progress.cards.len(),
            read.progress.mock_tests.len(),
            legacy.display(),
            DATABASE_FILE
        );
        match move_aside(legacy, "imported", now) {
            Ok(kept) => self.note(format!(
                "{what}; the old file is kept as {}.",
                kept.display()
            )),
            Err(e) => self.note(format!(
                "{what}; the old file could not be renamed ({e}) and is left as it is."
            )),
        }
        self.note_set_aside_in_file(read, legacy);
    }

    fn note_set_aside_in_file(&mut self, read: &FromJson, file: &Path) {
        if !read.quarantined.is_empty() {
            let ids: Vec<&str> = read
                .quarantined
                .iter()
                .map(|q| q.card_id.as_str())
                .collect();
            self.note(format!(
                "{} card(s) in {} could not be read and were set aside (kept in the database's quarantine table; every other card is kept): {} ({}).",
                ids.len(),
                file.display(),
                ids.join(", "),
                read.quarantined[0].reason
            ));
        }
        if read.unreadable_mock_tests > 0 {
            self.note(format!(
                "{} mock test result(s) in {} could not be read and were left out.",
                read.unreadable_mock_tests,
                file.display()
            ));
        }
    }

    fn note_left_out(&mut self, bad: &[Quarantined]) {
        if !bad.is_empty() {
            let ids: Vec<&str> = bad.iter().map(|q| q.card_id.as_str()).collect();
            self.note(format!(
                "{} card(s) could not be read and are left out (every other card is kept): {}.",
                ids.len(),
                ids.join(", ")
            ));
        }
    }

    /// Opens (or makes) the database at `path` for writing, importing `from_json` into a new
    /// one. Sets the access and returns what is saved there.
    fn open_database(
        &mut self,
        path: &Path,
        now: DateTime<Utc>,
        from_json: Option<&FromJson>,
    ) -> Progress {
        for attempt in 0..2 {
            match self.try_open_database(path, from_json) {
                Ok(progress) => return progress,
                Err(Problem::Damaged(why)) if attempt == 0 => {
                    self.conn = None;
                    match move_database_aside(path, now) {
                        Ok(moved) => self.note(format!(
                            "Your progress database could not be read ({why}), so it was moved to {} and progress starts afresh.",
                            moved.display()
                        )),
                        Err(e) => {
                            self.access = Access::ReadOnly;
                            self.note(format!(
                                "{} could not be read ({why}) and could not be moved aside ({e}), so progress is read-only and the file is left as it is.",
                                path.display()
                            ));
                            return Progress::default();
                        }
                    }
                }
                Err(Problem::Damaged(why)) => {
                    self.access = Access::ReadOnly;
                    self.note(format!("{} could not be read ({why}).", path.display()));
                    return Progress::default();
                }
                Err(Problem::Newer(version, progress)) => {
                    self.access = Access::ReadOnly;
                    self.note(newer_database(path, version));
                    return progress;
                }
                Err(Problem::CannotWrite(e)) => {
                    self.access = Access::NotSaved;
                    self.note(format!(
                        "Progress will not be saved: cannot write {} ({e}).",
                        path.display()
                    ));
                    // Still show what is saved, if it can be read.
                    let (reader, progress) =
                        Store::open(path.parent().unwrap_or(Path::new(".")), OpenMode::Read, now);
                    self.conn = reader.conn;
                    return progress;
                }
            }
        }
        Progress::default()
    }

    fn try_open_database(
        &mut self,
        path: &Path,
        from_json: Option<&FromJson>,
    ) -> Result<Progress, Problem> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(classify)?;
        conn.busy_timeout(db::BUSY_TIMEOUT).map_err(classify)?;
        // What the file is comes first: turning on the write-ahead log changes the file, and a
        // newer or foreign one must be left exactly as it is.
        let kind = db::kind(&conn).map_err(classify)?;
        if matches!(kind, Kind::Empty | Kind::Current) {
            db::configure(&conn).map_err(classify)?;
        }
        let mut conn = conn;
        match kind {
            Kind::Newer(version) => {
                // Shown if it reads; never written.
                let progress = db::load(&conn).map(|(p, _)| p).unwrap_or_default();
                return Err(Problem::Newer(version, progress));
            }
            Kind::Foreign => {
                return Err(Problem::Damaged(
                    "it is not a carestudy progress database".to_owned(),
                ));
            }
            Kind::Empty => {
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(classify)?;
                // Another copy may have made it while this one waited for the write lock.
                if db::kind(&tx).map_err(classify)? == Kind::Empty {
                    db::create(&tx).map_err(classify)?;
                    if let Some(read) = from_json {
                        db::merge(&tx, &read.progress).map_err(classify)?;
                        for bad in &read.quarantined {
                            db::quarantine(&tx, bad, Utc::now()).map_err(classify)?;
                        }
                        db::set_meta(&tx, "imported_from", PROGRESS_FILE).map_err(classify)?;
                    }
                }
                tx.commit().map_err(classify)?;
            }
            Kind::Current => {}
        }
        // The whole file is checked on a second, read-only connection while this one loads:
        // with a core free, the check then adds little to the time before the first frame.
        let checking = (kind == Kind::Current).then(|| {
            let path = path.to_path_buf();
            std::thread::spawn(move || {
                let conn = Connection::open_with_flags(
                    &path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                conn.busy_timeout(db::BUSY_TIMEOUT)?;
                db::integrity_problem(&conn)
            })
        });
        let loaded = db::load(&conn);
        if let Some(checking) = checking {
            let checked = checking
                .join()
                .unwrap_or_else(|_| Ok(Some("the integrity check stopped".to_owned())));
            if let Some(why) = checked.map_err(classify)? {
                return Err(Problem::Damaged(why));
            }
        }
        let (progress, bad) = loaded.map_err(classify)?;
        self.note_left_out(&bad);
        self.conn = Some(conn);
        self.access = Access::ReadWrite;
        Ok(progress)
    }
}

/// What reading an old `progress.json` decided.
enum Legacy {
    Import(FromJson),
    /// It was damaged and moved aside.
    Afresh,
    /// Nothing may be written: progress as far as it could be read.
    Stop(Progress),
}

enum Problem {
    Damaged(String),
    Newer(i32, Progress),
    CannotWrite(rusqlite::Error),
}

fn classify(e: rusqlite::Error) -> Problem {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            Problem::Damaged(e.to_string())
        }
        _ => Problem::CannotWrite(e),
    }
}

/// Opens the database read-only without leaving anything beside it. While no copy has it open
/// there is no write-ahead log, and it is opened as immutable: a read-only connection would
/// otherwise create the log and its shared-memory index, and could not remove them.
fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
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
fn percent_encode_path(path: &Path) -> std::ffi::OsString {
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

fn newer_database(path: &Path, version: i32) -> String {
    format!(
        "{} was written by a newer carestudy (database format {version}; this one reads up to {}), so progress is read-only and the file is left as it is. Update carestudy to use it.",
        path.display(),
        db::DB_VERSION
    )
}

/// Moves a damaged database and its write-ahead log aside under one name; its shared-memory
/// index is rebuilt from them, so it is removed.
fn move_database_aside(path: &Path, now: DateTime<Utc>) -> io::Result<PathBuf> {
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
